"""Writes small WARC files for the tests (warcio's writer), so that no archive is committed."""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

_REASONS = {200: "OK", 404: "Not Found", 301: "Moved Permanently"}


def write_warc(
    path: Path,
    pages: Iterable[tuple[str, bytes, int]],
    *,
    gzip: bool = True,
    with_request_records: bool = False,
    content_type: str = "text/html; charset=utf-8",
) -> None:
    """One response record per (url, body, status); optionally a request record before each."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for url, body, status in pages:
            if with_request_records:
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders(
                f"{status} {_REASONS.get(status, 'Status')}",
                [("Content-Type", content_type)],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
            writer.write_record(record)
