"""The one JSON shape of articles and statements, shared by the CLI, the API and exports.

Spans are ``[start, end]`` lists into the article text (``null`` when absent); dates are ISO strings.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from whosaid.model import Article, Span, Statement


def span_list(span: Span | None) -> list[int] | None:
    return None if span is None else span.as_list()


def iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


# Between the pieces of a quote its attribution interrupts, where the attribution was.
PART_JOINER = " … "


def part_texts(content: str, content_start: int, parts: Sequence[Span]) -> list[str]:
    """The text of each piece, sliced from the content (each piece lies inside the content span, which
    the store checks); the whole content when it is one piece."""
    if not parts:
        return [content]
    return [content[p.start - content_start : p.end - content_start] for p in parts]


def joined_parts(content: str, content_start: int, parts: Sequence[Span]) -> str:
    """What was said without the attribution in the middle: the pieces joined with " … "."""
    return PART_JOINER.join(part_texts(content, content_start, parts))


def quotation(statement: Statement) -> str:
    return joined_parts(statement.content, statement.content_span.start, statement.content_parts)


def statement_to_dict(statement: Statement) -> dict[str, Any]:
    return {
        "id": statement.id,
        "index": statement.index,
        "kind": statement.kind,
        "content": statement.content,
        "content_span": span_list(statement.content_span),
        # The quoted pieces when an attribution interrupts the quote ("A," she said, "B."); each
        # slices back from the text. One piece, the whole content, otherwise.
        "content_parts": [span.as_list() for span in statement.content_parts]
        or [statement.content_span.as_list()],
        # The content to read: its pieces joined with " … " (the content itself when one piece).
        "quotation": quotation(statement),
        "speaker": statement.speaker,
        "speaker_text": statement.speaker_text,
        "speaker_span": span_list(statement.speaker_span),
        "speaker_type": statement.speaker_type,
        "speaker_role": statement.speaker_role,
        "speaker_entity_id": statement.speaker_entity_id,
        "cue": statement.cue,
        "cue_span": span_list(statement.cue_span),
        "via": statement.via,
        "said_on": iso(statement.said_on),
        "said_on_is_fallback": statement.said_on_is_fallback,
        "nested_in": statement.nested_in,
        "confidence": round(float(statement.confidence), 4),
    }


def gold_format_statement(statement: Statement) -> dict[str, Any]:
    """A statement in the gold JSON Lines format of ``whosaid extract --jsonl``: as
    ``statement_to_dict``, except that a content its attribution interrupts ("A," she said, "B.") is
    its pieces joined by a space, as the gold format writes a discontinuous content (its
    ``content_span`` the outer range, each of ``content_parts`` slicing back). Scorers of that format
    read ``content``, which then holds only what was said."""
    out = statement_to_dict(statement)
    if statement.content_parts:
        out["content"] = " ".join(
            part_texts(statement.content, statement.content_span.start, statement.content_parts)
        )
    return out


def article_to_dict(article: Article, *, with_text: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": article.id,
        "external_id": article.external_id,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "outlets": list(article.outlets),
        "published": iso(article.published),
        "source_path": article.source_path,
    }
    if with_text:
        out["text"] = article.text
    return out


def extraction_to_dict(article: Article, statements: list[Statement]) -> dict[str, Any]:
    """One line of ``whosaid extract``: the input's own id when it gave one, else the content id."""
    return {
        "id": article.external_id or article.id,
        "article": article_to_dict(article),
        "statements": [statement_to_dict(s) for s in statements],
    }


def _default(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Span):
        return value.as_list()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_json(value: object) -> str:
    """Compact JSON on one line, non-ASCII kept as is (quotes are full of curly marks and names)."""
    return json.dumps(value, ensure_ascii=False, default=_default, separators=(",", ":"))


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: formulas from quoted text must never run (CSV injection)."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
