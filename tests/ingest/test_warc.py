"""WARC specifics: streaming (memory does not follow archive size), record filtering, ARC, limits."""

from __future__ import annotations

import os
import re
import tracemalloc
from pathlib import Path

from whosaid.ingest import Article, ReadFailure, read_path

from .warcs import write_warc

PAGE = (
    "<html><head><title>Page {i}</title></head><body><article><h1>Page {i}</h1>"
    "<p>The spokesman said on Monday that page {i} had been archived for the tests.</p>"
    "</article></body></html>"
)


def _read_with_peak(path: Path) -> tuple[list[Article | ReadFailure], int]:
    from whosaid.ingest import article_from_html

    # Warm up first: importing trafilatura and its date and URL libraries allocates tens of MB once.
    article_from_html(PAGE.format(i=0), url="https://warm.example/")
    tracemalloc.start()
    try:
        items = list(read_path(str(path)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return items, peak


def test_large_archive_streams_in_bounded_memory(tmp_path: Path) -> None:
    """30 MB of (incompressible) non-HTML payloads between pages: skipped without being held."""
    pages: list[tuple[str, bytes, int]] = []
    for i in range(30):
        pages.append((f"https://img.example/{i}.jpg", os.urandom(1_000_000), 200))
        if i % 3 == 0:
            pages.append((f"https://news.example/{i}", PAGE.format(i=i).encode(), 200))
    archive = tmp_path / "big.warc.gz"
    image_pages = [p for p in pages if p[0].endswith(".jpg")]
    html_pages = [p for p in pages if not p[0].endswith(".jpg")]
    write_warc(archive, image_pages, content_type="image/jpeg")
    html_archive = tmp_path / "pages.warc.gz"
    write_warc(html_archive, html_pages)
    with open(archive, "ab") as out:  # gzip WARCs concatenate
        out.write(html_archive.read_bytes())
    assert archive.stat().st_size > 30_000_000

    items, peak = _read_with_peak(archive)
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.title for a in articles] == [f"Page {i}" for i in range(0, 30, 3)]
    assert not [i for i in items if isinstance(i, ReadFailure)]
    assert peak < 8_000_000, (
        f"peak traced memory {peak:,} bytes for a {archive.stat().st_size:,}-byte archive"
    )


def test_uncompressed_warc_and_request_records(tmp_path: Path) -> None:
    archive = tmp_path / "plain.warc"
    write_warc(
        archive,
        [("https://a.example/1", PAGE.format(i=1).encode(), 200), ("https://a.example/2", b"gone", 404)],
        gzip=False,
        with_request_records=True,
    )
    items = list(read_path(str(archive)))
    assert [i.title for i in items if isinstance(i, Article)] == ["Page 1"]
    assert all(isinstance(i, Article) for i in items)
    (article,) = items
    assert isinstance(article, Article)
    assert article.url == "https://a.example/1"
    assert article.fetched_at is not None
    # The request record comes first, so the response starts further in.
    assert re.fullmatch(
        rf"{re.escape(str(archive))}#[1-9]\d* https://a\.example/1", article.source_path or ""
    )


def test_record_over_the_limit_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    archive = tmp_path / "limits.warc.gz"
    big = PAGE.format(i=1).replace("</article>", "<p>" + "word " * 5000 + "</p></article>")
    write_warc(
        archive,
        [
            ("https://a.example/big", big.encode(), 200),
            ("https://a.example/2", PAGE.format(i=2).encode(), 200),
        ],
    )
    items = list(read_path(str(archive), max_bytes=10_000))
    assert isinstance(items[0], ReadFailure) and "--max-bytes" in items[0].reason
    assert "https://a.example/big" in items[0].source
    assert isinstance(items[1], Article) and items[1].title == "Page 2"


def test_archive_without_html_says_so(tmp_path: Path) -> None:
    archive = tmp_path / "images.warc.gz"
    write_warc(archive, [("https://img.example/1.png", b"\x89PNG", 200)], content_type="image/png")
    (failure,) = list(read_path(str(archive)))
    assert isinstance(failure, ReadFailure) and "no articles" in failure.reason


def test_arc_file_is_read(tmp_path: Path) -> None:
    """ARC (the format before WARC): a version block, then one header line per record."""
    body = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE.format(i=7).encode()
    version = b"1 0 whosaid-tests\nURL IP-address Archive-date Content-type Archive-length\n"
    filedesc = b"filedesc://test.arc 0.0.0.0 20250101000000 text/plain " + str(len(version)).encode() + b"\n"
    record = b"https://arc.example/7 127.0.0.1 20250102030405 text/html " + str(len(body)).encode() + b"\n"
    archive = tmp_path / "old.arc"
    archive.write_bytes(filedesc + version + b"\n" + record + body + b"\n")
    items = list(read_path(str(archive)))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.title for a in articles] == ["Page 7"], items
    assert articles[0].url == "https://arc.example/7"
