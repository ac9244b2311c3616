"""JSON Lines (and rows of Parquet) of articles: ``id``, ``text``, optional title/url/published/outlet.

Exports from other tools name the fields otherwise; the common names are read too (``ALIASES``),
the project's own name winning when a record has both.

The given ``text`` is kept as written so that offsets refer to the caller's own text; only control
characters are blanked (one space each, so no offset moves), since NUL cannot be stored in PostgreSQL.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import BinaryIO

from whosaid.ingest.dates import parse_date_line, parse_iso_date
from whosaid.ingest.outlets import outlet_from_url
from whosaid.ingest.records import ReadFailure, Unreadable, make_article, too_big
from whosaid.model import Article

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_OPTIONAL_TEXT_FIELDS = ("title", "url", "outlet")
# Field names that scrapers, news APIs and CMS exports use for ours, in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article_text"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source_name", "site_name", "publisher"),
    "published": ("published", "published_at", "publishedAt", "date_published", "datePublished", "date"),
}


def _field(record: Mapping[str, object], field: str) -> tuple[str, object]:
    """(the name found, its value) for one of our fields, looking through its aliases."""
    for name in ALIASES.get(field, (field,)):
        value = record.get(name)
        if value is not None:
            return name, value
    return field, None


def _optional_str(record: Mapping[str, object], field: str) -> str | None:
    name, value = _field(record, field)
    if value is None:
        return None
    if not isinstance(value, str):
        if name != field:  # another tool's field of that name may hold anything ({"main": ...}): pass
            return None
        raise Unreadable(f"field '{name}' must be a string, not {type(value).__name__}")
    return value.strip() or None


def _published(record: Mapping[str, object]) -> date | None:
    name, value = _field(record, "published")
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        parsed = parse_iso_date(value) or parse_date_line(value) or _rfc822_date(value)
        if parsed is not None:
            return parsed
    if name != "published":  # as above: a "date" of another tool's making is no error of the record
        return None
    raise Unreadable(f"field '{name}' must be a date as YYYY-MM-DD, not {value!r:.40}")


def _rfc822_date(value: str) -> date | None:
    """``Tue, 17 Feb 2026 09:30:00 +0000``, as records copied from RSS carry it."""
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def article_from_record(record: object, *, source_path: str | None = None) -> Article:
    """One article from a decoded JSON object or Parquet row."""
    if not isinstance(record, Mapping):
        raise Unreadable(f"expected a JSON object, found {type(record).__name__}")
    text_name, text = _field(record, "text")
    if text is None:
        present = [str(key) for key, value in record.items() if value is not None][:8]
        raise Unreadable(
            f"field 'text' is missing or not a string (nor is any of {', '.join(ALIASES['text'][1:])}; "
            f"the record has {', '.join(present) or 'no fields'})"
        )
    if not isinstance(text, str):
        raise Unreadable(f"field '{text_name}' must be a string, not {type(text).__name__}")
    if not text.strip():
        raise Unreadable(f"field '{text_name}' is empty")
    external_id = record.get("id")
    if external_id is not None and not isinstance(external_id, str | int):
        raise Unreadable(f"field 'id' must be a string or a number, not {type(external_id).__name__}")
    if isinstance(external_id, bool):
        raise Unreadable("field 'id' must be a string or a number, not bool")
    title, url, outlet = (_optional_str(record, field) for field in _OPTIONAL_TEXT_FIELDS)
    return make_article(
        _CONTROL.sub(" ", text),
        title=title,
        url=url,
        outlet=outlet or outlet_from_url(url),
        published=_published(record),
        source_path=source_path,
        external_id=None if external_id is None else str(external_id),
    )


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes or None when over the limit, size) without ever holding a too-long line."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while True:  # skip the rest of the over-long line in bounded chunks
                rest = stream.readline(1 << 20)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None, size
            continue
        yield number, line, len(line)


def read_jsonl(path: str, *, max_bytes: int) -> Iterator[Article | ReadFailure]:
    """One Article per good line; a bad line is a ReadFailure naming ``file:line`` and the rest goes on."""
    with open(path, "rb") as stream:
        seen_content = False
        for number, line, size in _lines(stream, max_bytes):
            where = f"{path}:{number}"
            if line is None:
                yield ReadFailure(where, str(too_big(size, max_bytes, "line")))
                continue
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            seen_content = True
            try:
                record = json.loads(line.decode("utf-8"))
                article = article_from_record(record, source_path=where)
            except UnicodeDecodeError:
                yield ReadFailure(where, "not UTF-8 (JSON Lines must be UTF-8)")
            except json.JSONDecodeError as exc:
                yield ReadFailure(where, f"not valid JSON ({exc})")
            except RecursionError:
                yield ReadFailure(where, "not valid JSON (nested too deeply)")
            except Unreadable as exc:
                yield ReadFailure(where, str(exc))
            else:
                yield article
        if not seen_content:
            yield ReadFailure(path, "empty file")
