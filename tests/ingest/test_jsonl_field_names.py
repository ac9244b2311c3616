"""JSON Lines and Parquet exports whose fields carry other tools' names (body, headline, link, date)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from whosaid.ingest import Article, ReadFailure, read_path


def _jsonl(tmp_path: Path, *records: dict[str, object]) -> list[Article | ReadFailure]:
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return list(read_path(str(path)))


def test_jsonl_reads_other_tools_field_names(tmp_path: Path) -> None:
    items = _jsonl(
        tmp_path,
        {
            "headline": "Dam halted",
            "body": "Work on the dam was halted.",
            "published_at": "2026-04-02T10:00Z",
            "link": "https://www.apnews.com/dam",
        },
        {"content": "The tram line opened.", "date": "Tue, 31 Mar 2026 09:30:00 +0000"},
        {"article": "Teachers will strike.", "publishedAt": "April 3, 2026"},
        {"text": "Ours wins.", "body": "Theirs loses."},
        {"headline": {"main": "An API's headline object"}, "body": "Kept.", "date": "sometime"},
    )
    assert all(isinstance(i, Article) for i in items), items
    dam, tram, teachers, ours, api = (i for i in items if isinstance(i, Article))
    assert (dam.text, dam.title, dam.url, dam.outlet, dam.published) == (
        "Work on the dam was halted.",
        "Dam halted",
        "https://www.apnews.com/dam",
        "Associated Press",
        date(2026, 4, 2),
    )
    assert (tram.text, tram.published) == ("The tram line opened.", date(2026, 3, 31))
    assert (teachers.text, teachers.published) == ("Teachers will strike.", date(2026, 4, 3))
    assert ours.text == "Ours wins."
    assert (api.text, api.title, api.published) == ("Kept.", None, None)


def test_jsonl_without_text_names_what_the_record_has(tmp_path: Path) -> None:
    (failure, bad_date) = _jsonl(
        tmp_path,
        {"id": 1, "title": "No body", "summary": "x"},
        {"text": "Body.", "published": "last Tuesday"},
    )
    assert isinstance(failure, ReadFailure) and isinstance(bad_date, ReadFailure)
    assert "'text'" in failure.reason and "body" in failure.reason and "title, summary" in failure.reason
    assert "'published'" in bad_date.reason  # our own field still has to be a date


def test_parquet_with_a_body_column(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "export.parquet"
    pq.write_table(pa.table({"headline": ["Pier reopens"], "body": ["The pier reopened on Monday."]}), path)
    (article,) = list(read_path(str(path)))
    assert isinstance(article, Article), article
    assert (article.title, article.text) == ("Pier reopens", "The pier reopened on Monday.")
