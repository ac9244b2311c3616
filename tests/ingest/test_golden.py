"""Golden files per reader: input in tests/ingest/data, the expected records beside it as JSON.

Regenerate after an intended change with ``WHOSAID_REGEN_GOLDEN=1 pytest tests/ingest/test_golden.py``
and read the diff before keeping it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from whosaid.ingest import read_path, read_paths
from whosaid.ingest.feed import read_feed

from .helpers import DATA, as_record

REGENERATE = os.environ.get("WHOSAID_REGEN_GOLDEN") == "1"


def check_golden(records: list[dict[str, Any]], expected_path: Path) -> None:
    if REGENERATE:
        expected_path.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    # Compare field by field first so that a failure shows a readable diff of one record.
    assert len(records) == len(expected), [r.get("title") or r.get("failure") for r in records]
    for got, want in zip(records, expected, strict=True):
        assert got == want


@pytest.mark.parametrize("name", ["harbour-bridge.md", "plain-article.txt", "city-hall.html", "mixed.jsonl"])
def test_reader_matches_golden(name: str) -> None:
    records = [as_record(item, DATA) for item in read_path(str(DATA / name))]
    check_golden(records, DATA / f"{name}.expected.json")


def test_feed_with_saved_pages_matches_golden() -> None:
    feed = DATA / "karsvik-feed.rss"
    items = list(read_feed(str(feed), max_bytes=1_000_000, pages_dir=str(DATA / "pages")))
    check_golden([as_record(item, DATA) for item in items], DATA / "karsvik-feed.rss.expected.json")


def test_warc_matches_golden(tmp_path: Path) -> None:
    """The WARC is written at test time from the HTML fixtures, so no binary file is committed."""
    from .warcs import write_warc

    archive = tmp_path / "pages.warc.gz"
    write_warc(
        archive,
        [
            ("https://www.harbourgazette.example/city-hall", (DATA / "city-hall.html").read_bytes(), 200),
            ("https://www.harbourgazette.example/missing", b"<html><body>Not found</body></html>", 404),
            (
                "https://www.karsvikpost.example/news/fishermen-protest-quota-cut",
                (DATA / "pages" / "fishermen-protest-quota-cut.html").read_bytes(),
                200,
            ),
        ],
        with_request_records=True,
    )
    records = [as_record(item, tmp_path) for item in read_paths([str(archive)])]
    for record in records:
        # The record's byte offset is part of its source, but it shifts with the writer's gzip output.
        source = record.get("source_path") or ""
        assert re.match(r"pages\.warc\.gz#\d+ https://", source), source
        record["source_path"] = re.sub(r"#\d+", "#<offset>", source)
    check_golden(records, DATA / "pages.warc.expected.json")
