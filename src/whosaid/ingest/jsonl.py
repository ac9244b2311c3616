"""JSON Lines (and rows of Parquet) of articles: ``id``, ``text``, optional title/url/published/outlet.

The given ``text`` is kept as written so that offsets refer to the caller's own text; only control
characters are blanked (one space each, so no offset moves), since NUL cannot be stored in PostgreSQL.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import BinaryIO

from whosaid.ingest.dates import parse_iso_date
from whosaid.ingest.outlets import outlet_from_url
from whosaid.ingest.records import ReadFailure, Unreadable, make_article, too_big
from whosaid.model import Article

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_OPTIONAL_TEXT_FIELDS = ("title", "url", "outlet")


def _optional_str(record: Mapping[str, object], field: str) -> str | None:
    value = record.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise Unreadable(f"field '{field}' must be a string, not {type(value).__name__}")
    return value.strip() or None


def _published(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        parsed = parse_iso_date(value)
        if parsed is not None:
            return parsed
    raise Unreadable(f"field 'published' must be a date as YYYY-MM-DD, not {value!r:.40}")


def article_from_record(record: object, *, source_path: str | None = None) -> Article:
    """One article from a decoded JSON object or Parquet row."""
    if not isinstance(record, Mapping):
        raise Unreadable(f"expected a JSON object, found {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise Unreadable("field 'text' is missing or not a string")
    if not text.strip():
        raise Unreadable("field 'text' is empty")
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
        published=_published(record.get("published")),
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
