"""Turn an ArticleAnalysis into table rows, checking every span against the text on the way.

Both backends write the same rows; keeping the mapping here means the two cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from whosaid.model import Article, ArticleAnalysis, Span, Statement

RowValues = tuple[Any, ...]
Row = dict[str, Any]

ARTICLE_COLUMNS = (
    "id",
    "external_id",
    "url",
    "outlet",
    "title",
    "published",
    "text",
    "source_path",
    "fetched_at",
    "ingested_at",
)
OUTLET_COLUMNS = ("article_id", "outlet", "url")
STATEMENT_COLUMNS = (
    "id",
    "article_id",
    "idx",
    "kind",
    "content",
    "content_start",
    "content_end",
    "cue",
    "cue_start",
    "cue_end",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "speaker",
    "speaker_type",
    "speaker_role",
    "speaker_entity_id",
    "via",
    "said_on",
    "said_on_is_fallback",
    "nested_in",
    "confidence",
    "content_parts",
)
ENTITY_COLUMNS = ("id", "name", "type")
ALIAS_COLUMNS = ("entity_id", "alias")
ALIAS_WORD_COLUMNS = ("word", "entity_id", "alias")
ROLE_COLUMNS = ("entity_id", "role")
MENTION_COLUMNS = ("article_id", "start_offset", "end_offset", "text", "cluster", "kind", "entity_id")
DATE_COLUMNS = ("article_id", "start_offset", "end_offset", "text", "value", "value_end", "granularity")
QUANTITY_COLUMNS = (
    "article_id",
    "start_offset",
    "end_offset",
    "text",
    "value",
    "unit",
    "subject",
    "qualifier",
    "statement_idx",
)


class SpanMismatch(ValueError):
    """A record's string is not the text under its span: storing it would break the offsets promise."""


def naive_utc(moment: datetime | None) -> datetime | None:
    """TIMESTAMP columns hold UTC without a zone, the one form both backends agree on."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def check_span(text: str, span: Span | None, value: str | None, what: str) -> None:
    if span is None:
        return
    if value is None or span.end > len(text) or text[span.start : span.end] != value:
        raise SpanMismatch(
            f"{what}: text[{span.start}:{span.end}] is {text[span.start : span.end]!r}, not {value!r}"
        )


def check_parts(statement: Statement) -> None:
    """Each piece of a split content must be a non-empty part of the content span, so that it slices
    from the stored content (and the text) as it does from the article."""
    outer = statement.content_span
    for part in statement.content_parts:
        if not outer.start <= part.start < part.end <= outer.end:
            raise SpanMismatch(
                f"statement {statement.index} content part [{part.start}:{part.end}] is not a non-empty "
                f"piece of its content [{outer.start}:{outer.end}]"
            )


def check_analysis(analysis: ArticleAnalysis) -> None:
    """Raise SpanMismatch unless every span in the analysis selects exactly its stored string."""
    text = analysis.article.text
    for st in analysis.statements:
        check_span(text, st.content_span, st.content, f"statement {st.index} content")
        check_parts(st)
        check_span(text, st.cue_span, st.cue, f"statement {st.index} cue")
        check_span(text, st.speaker_span, st.speaker_text, f"statement {st.index} speaker")
    for m in analysis.mentions:
        check_span(text, m.span, m.text, "mention")
    for d in analysis.dates:
        check_span(text, d.span, d.text, "date mention")
    for q in analysis.quantities:
        check_span(text, q.span, q.text, "quantity")


def article_row(article: Article, ingested_at: datetime) -> RowValues:
    return (
        article.id,
        article.external_id,
        article.url,
        article.outlet,
        article.title,
        article.published,
        article.text,
        article.source_path,
        naive_utc(article.fetched_at),
        naive_utc(ingested_at),
    )


def outlet_rows(article: Article) -> list[RowValues]:
    outlets = list(article.outlets)
    if article.outlet and article.outlet not in outlets:
        outlets.insert(0, article.outlet)
    # Only the article's own outlet is known to live at its URL.
    return [(article.id, o, article.url if o == article.outlet else None) for o in dict.fromkeys(outlets)]


def parts_json(parts: Sequence[Span]) -> str | None:
    """The ``content_parts`` column: JSON ``[[start, end], ...]``, NULL for a content in one piece."""
    return json.dumps([p.as_list() for p in parts], separators=(",", ":")) if parts else None


def parts_from_json(value: str | None) -> list[Span]:
    """Spans back from the ``content_parts`` column (NULL or empty: one piece, so no parts)."""
    if not value:
        return []
    return [Span(int(start), int(end)) for start, end in json.loads(value)]


def _start(span: Span | None) -> int | None:
    return None if span is None else span.start


def _end(span: Span | None) -> int | None:
    return None if span is None else span.end


def unique(rows: Iterable[RowValues], key_len: int) -> list[RowValues]:
    """First row for each primary key: a multi-row INSERT must not hold the same key twice."""
    seen: dict[RowValues, RowValues] = {}
    for row in rows:
        seen.setdefault(row[:key_len], row)
    return list(seen.values())


def analysis_rows(analysis: ArticleAnalysis) -> dict[str, list[RowValues]]:
    """Rows for every table but ``articles``, by table name, in foreign-key order."""
    aid = analysis.article.id
    cluster_entity = {e.cluster: e.id for e in analysis.entities if e.id and e.cluster is not None}
    statements = [
        (
            f"{aid}:{s.index}",
            aid,
            s.index,
            s.kind,
            s.content,
            s.content_span.start,
            s.content_span.end,
            s.cue,
            _start(s.cue_span),
            _end(s.cue_span),
            s.speaker_text,
            _start(s.speaker_span),
            _end(s.speaker_span),
            s.speaker,
            s.speaker_type,
            s.speaker_role,
            s.speaker_entity_id,
            s.via,
            s.said_on,
            s.said_on_is_fallback,
            s.nested_in,
            float(s.confidence),
            parts_json(s.content_parts),
        )
        for s in analysis.statements
    ]
    stored_entities = [e for e in analysis.entities if e.id]
    return {
        "article_outlets": unique(outlet_rows(analysis.article), 2),
        "entities": unique(((e.id, e.name, e.type) for e in stored_entities), 1),
        "entity_aliases": unique(((e.id, a) for e in stored_entities for a in [e.name, *e.aliases]), 2),
        "entity_roles": unique(((e.id, r) for e in stored_entities for r in e.roles), 2),
        "statements": unique(statements, 1),
        "mentions": unique(
            (
                (aid, m.span.start, m.span.end, m.text, m.cluster, m.kind, cluster_entity.get(m.cluster))
                for m in analysis.mentions
            ),
            3,
        ),
        "date_mentions": unique(
            (
                (aid, d.span.start, d.span.end, d.text, d.value, d.value_end, d.granularity)
                for d in analysis.dates
            ),
            3,
        ),
        "quantities": unique(
            (
                (
                    aid,
                    q.span.start,
                    q.span.end,
                    q.text,
                    q.value,
                    q.unit,
                    q.subject,
                    q.qualifier,
                    q.statement_index,
                )
                for q in analysis.quantities
            ),
            3,
        ),
    }


TABLE_COLUMNS: dict[str, Sequence[str]] = {
    "articles": ARTICLE_COLUMNS,
    "article_outlets": OUTLET_COLUMNS,
    "entities": ENTITY_COLUMNS,
    "entity_aliases": ALIAS_COLUMNS,
    "alias_words": ALIAS_WORD_COLUMNS,
    "entity_roles": ROLE_COLUMNS,
    "statements": STATEMENT_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "date_mentions": DATE_COLUMNS,
    "quantities": QUANTITY_COLUMNS,
}


def statement_from_row(row: Row) -> Statement:
    """A Statement back from a ``statements`` row (columns as in STATEMENT_COLUMNS)."""

    def span(start: int | None, end: int | None) -> Span | None:
        return None if start is None or end is None else Span(int(start), int(end))

    content_span = span(row["content_start"], row["content_end"])
    assert content_span is not None  # NOT NULL columns
    return Statement(
        article_id=row["article_id"],
        kind=row["kind"],
        content=row["content"],
        content_span=content_span,
        cue=row["cue"],
        cue_span=span(row["cue_start"], row["cue_end"]),
        speaker_text=row["speaker_text"],
        speaker_span=span(row["speaker_start"], row["speaker_end"]),
        speaker=row["speaker"],
        speaker_type=row["speaker_type"],
        speaker_role=row["speaker_role"],
        speaker_entity_id=row["speaker_entity_id"],
        via=row["via"],
        said_on=row["said_on"],
        said_on_is_fallback=bool(row["said_on_is_fallback"]),
        nested_in=row["nested_in"],
        confidence=float(row["confidence"]),
        index=int(row["idx"]),
        # absent from rows read before schema version 2 and from older Parquet tables: one piece
        content_parts=parts_from_json(row.get("content_parts")),
    )


def alias_word_rows(aliases: Iterable[tuple[str, str]]) -> list[RowValues]:
    """``alias_words`` rows of new ``(entity_id, alias)`` rows: each space-separated lower-cased word.

    resolve/ finds the entities a name may denote by these words, then tests the whole aliases."""
    return list(
        dict.fromkeys(
            (word, entity_id, alias) for entity_id, alias in aliases for word in alias.lower().split(" ")
        )
    )
