"""whosaid ingest stage: files of every kind -> ``Article`` records (or a ``ReadFailure`` each).

``read_paths`` expands directories (recursively, sorted) and globs, picks a reader by extension (or
by sniffing the first bytes when the extension says nothing), and never raises for a bad input: each
one becomes a ``ReadFailure(source, reason)`` and reading goes on.

Text conventions (offsets of every later stage refer to ``Article.text``):
- markdown, HTML, WARC and feed articles: the title, a blank line, then the body paragraphs
  separated by blank lines, markup removed;
- JSON Lines and Parquet: the given ``text`` exactly as written (control characters blanked one for
  one), so that offsets are valid in the caller's own text.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from whosaid.ingest.decode import NotText, decode_bytes
from whosaid.ingest.feed import read_feed
from whosaid.ingest.html import article_from_html
from whosaid.ingest.jsonl import article_from_record, read_jsonl
from whosaid.ingest.markdown import article_from_markdown
from whosaid.ingest.parquet import read_parquet
from whosaid.ingest.records import DEFAULT_MAX_BYTES, ReadFailure, Unreadable, make_article, too_big
from whosaid.ingest.warc import read_warc
from whosaid.model import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READER_SUFFIXES",
    "Article",
    "ReadFailure",
    "Unreadable",
    "article_from_html",
    "article_from_markdown",
    "article_from_record",
    "expand_paths",
    "make_article",
    "read_path",
    "read_paths",
]

Reader = Callable[[str, int, "str | None"], Iterator[Article | ReadFailure]]

_MARKDOWN = "markdown"
_HTML = "html"
_JSONL = "jsonl"
_WARC = "warc"
_FEED = "feed"
_PARQUET = "parquet"

# Longest suffixes first, so ".warc.gz" wins over ".gz".
READER_SUFFIXES: dict[str, str] = {
    ".warc.gz": _WARC,
    ".arc.gz": _WARC,
    ".warc": _WARC,
    ".arc": _WARC,
    ".md": _MARKDOWN,
    ".markdown": _MARKDOWN,
    ".txt": _MARKDOWN,
    ".html": _HTML,
    ".htm": _HTML,
    ".xhtml": _HTML,
    ".jsonl": _JSONL,
    ".ndjson": _JSONL,
    ".xml": _FEED,
    ".rss": _FEED,
    ".atom": _FEED,
    ".parquet": _PARQUET,
}
_GLOB_CHARS = frozenset("*?[")


def _kind_by_suffix(path: str) -> str | None:
    name = path.lower()
    for suffix, kind in READER_SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    return None


def _sniff(path: str) -> str:
    """The reader for a file whose name does not say: look at its first bytes."""
    with open(path, "rb") as stream:
        head = stream.read(2048)
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/") or head.startswith(b"filedesc://"):
        return _WARC
    if head.startswith(b"PAR1"):
        return _PARQUET
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(b"{"):
        return _JSONL
    if lowered.startswith(b"<?xml") or b"<rss" in lowered or b"<feed" in lowered:
        return _FEED if (b"<rss" in lowered or b"<feed" in lowered or b"<rdf" in lowered) else _HTML
    if lowered.startswith(b"<!doctype html") or b"<html" in lowered:
        return _HTML
    return _MARKDOWN


def expand_paths(paths: Iterable[str]) -> Iterator[str | ReadFailure]:
    """Files named, files under directories (recursively, sorted, known suffixes only), glob matches."""
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            found = sorted(
                str(p)
                for p in Path(path).rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and _kind_by_suffix(p.name) is not None
            )
            if not found:
                yield ReadFailure(path, "no readable files in the directory (.md, .html, .jsonl, .warc, ...)")
            yield from found
        elif os.path.exists(path):
            yield path
        elif _GLOB_CHARS & set(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield ReadFailure(path, "no file matches this pattern")
            yield from expand_paths(matches)
        else:
            yield ReadFailure(path, "no such file or directory")


def _read_document(path: str, kind: str) -> Article:
    with open(path, "rb") as stream:
        data = stream.read()
    if not data.strip():
        raise Unreadable("empty file")
    if kind == _HTML:
        return article_from_html(data, source_path=path)
    try:
        text = decode_bytes(data)
    except NotText as exc:
        raise Unreadable("not text: binary data") from exc
    return article_from_markdown(text, source_path=path)


def read_path(
    path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, pages_dir: str | None = None
) -> Iterator[Article | ReadFailure]:
    """The articles of one file; every problem is a ReadFailure, never an exception."""
    try:
        kind = _kind_by_suffix(path) or _sniff(path)
        size = os.path.getsize(path)
        if kind in (_MARKDOWN, _HTML, _FEED) and size > max_bytes:
            raise too_big(size, max_bytes)
        if size == 0:
            raise Unreadable("empty file")
        if kind in (_MARKDOWN, _HTML):
            yield _read_document(path, kind)
            return
        records: Iterator[Article | ReadFailure]
        if kind == _JSONL:
            records = read_jsonl(path, max_bytes=max_bytes)
        elif kind == _WARC:
            records = read_warc(path, max_bytes=max_bytes)
        elif kind == _FEED:
            records = read_feed(path, max_bytes=max_bytes, pages_dir=pages_dir)
        else:
            records = read_parquet(path, max_bytes=max_bytes)
        produced = False
        for record in records:
            produced = True
            yield record
        if not produced:  # e.g. an archive of images only: say so rather than pass over it in silence
            raise Unreadable("no articles in the file (no HTML pages, entries or rows with text)")
    except Unreadable as exc:
        yield ReadFailure(path, str(exc))
    except Exception as exc:
        # The last line of defence: a reader bug or an OS error costs this file, never the batch.
        yield ReadFailure(path, f"cannot read ({type(exc).__name__}: {str(exc)[:160]})")


def read_paths(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, pages_dir: str | None = None
) -> Iterator[Article | ReadFailure]:
    """Articles from files, directories and globs, in order; one ReadFailure per unreadable input.

    ``pages_dir``: a directory of saved pages for feed entries (see ``whosaid.ingest.feed``).
    """
    for item in expand_paths(paths):
        if isinstance(item, ReadFailure):
            yield item
        else:
            yield from read_path(item, max_bytes=max_bytes, pages_dir=pages_dir)
