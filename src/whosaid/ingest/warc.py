"""WARC and ARC archives (plain or gzip): HTML responses become articles, streaming record by record.

Memory stays flat: warcio iterates the archive and each payload is read up to the per-article limit.
A corrupt record is reported and skipped; the reader then looks for the next record boundary (the
next gzip member, or the next ``WARC/`` header line) and goes on from there.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

from whosaid.ingest.html import article_from_html
from whosaid.ingest.records import ReadFailure, Unreadable, too_big
from whosaid.model import Article

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"\nWARC/1."
_SCAN_CHUNK = 1 << 20
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _find_next(stream: BinaryIO, start: int, magic: bytes) -> int | None:
    """Offset of the next ``magic`` at or after ``start``, scanning in bounded chunks."""
    position = start
    overlap = len(magic) - 1
    while True:
        stream.seek(position)
        chunk = stream.read(_SCAN_CHUNK)
        if not chunk:
            return None
        found = chunk.find(magic)
        if found >= 0:
            skip = 1 if magic.startswith(b"\n") else 0
            return position + found + skip
        if len(chunk) < _SCAN_CHUNK:
            return None
        position += len(chunk) - overlap


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _drain_is_truncated(record: Any) -> bool:
    """Reads what is left of the record; True when the archive ends before its Content-Length."""
    raw = record.raw_stream
    while raw.read(_SCAN_CHUNK):
        pass
    return int(getattr(raw, "limit", 0) or 0) > 0


def _content_type(record: Any) -> str | None:
    """The payload's type for an HTML candidate (a 200 response or a resource), else None."""
    if record.rec_type == "response" and record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return None
        return str(record.http_headers.get_header("Content-Type") or "")
    if record.rec_type == "resource":
        return str(record.rec_headers.get_header("Content-Type") or "")
    return None


def _article_or_failure(record: Any, where: str, max_bytes: int) -> Iterator[Article | ReadFailure]:
    """Nothing for records that are not HTML pages; else one Article or one ReadFailure."""
    content_type = _content_type(record)
    if content_type is None or not any(kind in content_type.lower() for kind in _HTML_TYPES):
        if _drain_is_truncated(record):
            yield ReadFailure(where, "truncated record: the archive ends inside it")
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{where} {url}" if url else where
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        yield ReadFailure(where, str(too_big(None, max_bytes, "record")))
        return
    if _drain_is_truncated(record):
        yield ReadFailure(where, "truncated record: the archive ends inside it")
        return
    try:
        yield article_from_html(
            payload,
            url=url,
            source_path=where,
            declared_charset=_charset(content_type),
            fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
        )
    except Unreadable as exc:
        yield ReadFailure(where, str(exc))


def _quietly(records: Iterator[Any]) -> Iterator[Any]:
    """warcio prints its warnings about malformed records to stderr itself; the reader reports
    problems as ReadFailures instead, so each step of the iterator runs with stderr captured."""
    while True:
        with contextlib.redirect_stderr(io.StringIO()):
            record = next(records, None)
        if record is None:
            return
        yield record


def read_warc(path: str, *, max_bytes: int) -> Iterator[Article | ReadFailure]:
    """Articles and ReadFailures from one WARC/ARC file, in archive order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as stream:
        head = stream.read(4)
        if not head:
            yield ReadFailure(path, "empty file")
            return
        magic = _GZIP_MAGIC if head.startswith(_GZIP_MAGIC[:2]) else _WARC_MAGIC
        # ARC parsing accepts almost any line as a header, so it would read garbage after a corrupt
        # gzip member as a record: only allow it for files that are ARC by name or content.
        is_arc = path.lower().endswith((".arc", ".arc.gz")) or head.startswith(b"file")
        start: int | None = 0
        reported_region = False  # one failure per corrupt stretch, not one per false boundary in it
        while start is not None:
            stream.seek(start)
            records = ArchiveIterator(stream, arc2warc=is_arc)
            begin = record_start = start
            try:
                for record in _quietly(records):
                    yield from _article_or_failure(record, f"{path}#{record_start}", max_bytes)
                    reported_region = False
                    with contextlib.redirect_stderr(io.StringIO()):
                        record_start = records.get_record_offset() + records.get_record_length()
                start = None
            except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError, IndexError) as exc:
                reason = "".join(ch if ch.isprintable() else "?" for ch in str(exc).strip()[:120])
                reason = reason or type(exc).__name__
                # warcio's offsets are meaningless in a file that is no archive; never go backwards.
                record_start = max(record_start, begin)
                if not reported_region:
                    yield ReadFailure(f"{path}#{record_start}", f"corrupt or truncated record ({reason})")
                    reported_region = True
                start = _find_next(stream, record_start + 1, magic)
