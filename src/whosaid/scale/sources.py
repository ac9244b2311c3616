"""What the Spark job reads: input formats, local file lists, and records -> ``Article``.

The conversions are ``whosaid.ingest``'s own where it has them, so an article read by Spark is the
article the local pipeline would have read from the same line or WARC record.
"""

from __future__ import annotations

import glob
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from whosaid.errors import WhosaidError
from whosaid.ingest import jsonl, warc
from whosaid.ingest.records import DEFAULT_MAX_BYTES, ReadFailure, Unreadable
from whosaid.model import Article

# The JSON Lines / Parquet fields an article is made from; other fields are ignored, as locally.
RECORD_FIELDS = ("id", "text", "title", "url", "published", "outlet")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz", ".jsonl.bz2")
PARQUET_SUFFIXES = (".parquet", ".pq")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_local(path: str) -> bool:
    return "://" not in path or path.startswith("file://")


def _local_path(path: str) -> str:
    return path[len("file://") :] if path.startswith("file://") else path


def local_files(path: str, suffixes: tuple[str, ...]) -> list[str]:
    """The files a local path, directory or glob names (directories: files with ``suffixes``)."""
    path = _local_path(path)
    matches = sorted(glob.glob(path)) if glob.has_magic(path) else [path]
    files: list[str] = []
    for match in matches:
        if os.path.isdir(match):
            files += sorted(
                str(p) for p in Path(match).rglob("*") if p.is_file() and p.name.lower().endswith(suffixes)
            )
        elif os.path.isfile(match):
            files.append(match)
    if not files:
        raise WhosaidError(f"whosaid: no input files at {path}. Give a file, a directory or a glob.")
    return [os.path.abspath(f) for f in files]


def guess_format(path: str) -> str:
    """jsonl, parquet or warc, from the file names; ``--format`` decides when they do not tell."""
    names = [path.lower().rstrip("/")]
    if is_local(path):
        local = _local_path(path)
        if os.path.isdir(local) or glob.has_magic(local):
            candidates = glob.glob(local) if glob.has_magic(local) else [local]
            names = [
                p.name.lower()
                for c in candidates
                for p in ([Path(c)] if os.path.isfile(c) else Path(c).rglob("*"))
                if p.is_file() and not p.name.startswith((".", "_"))
            ]
    for fmt, suffixes in (("parquet", PARQUET_SUFFIXES), ("warc", WARC_SUFFIXES), ("jsonl", JSONL_SUFFIXES)):
        if any(name.endswith(suffixes) for name in names):
            return fmt
    raise WhosaidError(f"whosaid: cannot tell the format of {path}. Add --format jsonl, parquet or warc.")


def article_from_record(record: Mapping[str, Any], source: str) -> Article | ReadFailure:
    """The ``Article`` of one JSON Lines / Parquet record, exactly as the local readers make it."""
    try:
        return jsonl.article_from_record(dict(record), source_path=source)
    except Unreadable as exc:
        return ReadFailure(source, str(exc))


# Input order of a WARC record: the file's number in the job, then the record's within the file.
FILE_ORDER = 1 << 32


def read_warc_path(path: str, number: int = 0) -> Iterator[tuple[int, Article | ReadFailure]]:
    """(input order, article or failure) for each HTML response of a local WARC file, streaming."""
    for position, item in enumerate(warc.read_warc(_local_path(path), max_bytes=DEFAULT_MAX_BYTES)):
        yield number * FILE_ORDER + position, item


def read_warc_bytes(path: str, data: bytes) -> Iterator[tuple[int, Article | ReadFailure]]:
    """The same for a WARC file Spark fetched whole from a Hadoop URI (spooled to a local file,
    as the reader seeks to skip corrupt records); files fetched this way are not numbered."""
    with tempfile.NamedTemporaryFile(suffix=".warc") as spool:
        spool.write(data)
        spool.flush()
        for seq, item in read_warc_path(spool.name):
            if isinstance(item, ReadFailure):
                item = ReadFailure(item.source.replace(spool.name, path), item.reason)
            else:
                item.source_path = (item.source_path or "").replace(spool.name, path)
            yield seq, item
