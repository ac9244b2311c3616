"""The batch writer on both backends: ``add_many`` stores what ``add`` stores one article at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from whosaid.model import ArticleAnalysis
from whosaid.store import open_store
from whosaid.store.schema import schema_tables

from .test_store import TEXT, make_analysis


def batch() -> list[ArticleAnalysis]:
    """Three articles naming the same entity (its rows must be written once)."""
    return [make_analysis(TEXT), make_analysis(TEXT + "\n\nMore to come."), make_analysis(TEXT + " Later.")]


def contents(store: Any) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table, sorted, without the ingestion time."""
    out = {}
    for table in schema_tables():
        rows = store.query(f"SELECT * FROM {table}")
        out[table] = sorted(tuple(f"{k}={v}" for k, v in r.items() if k != "ingested_at") for r in rows)
    return out


def test_add_many_stores_each_article_once_with_its_outlets(store_url: str) -> None:
    store = open_store(store_url)
    try:
        assert store.add_many(batch()) == [True, True, True]
        counts = store.counts()
        assert counts["articles"] == 3 and counts["entities"] == 1
        assert counts["statements"] == 6 and counts["mentions"] == 6 and counts["quantities"] == 6
        # stored already, twice in one batch, and new: outlets added, nothing else duplicated
        again = [make_analysis(TEXT, outlet="Nordvik Daily"), make_analysis(TEXT + " New.")]
        again.append(make_analysis(TEXT + " New.", outlet="Karsvik Post"))
        assert store.add_many(again) == [False, True, False]
        after = store.counts()
        assert after["articles"] == 4 and after["entities"] == 1 and after["statements"] == 8
        outlets = store.query(
            "SELECT outlet FROM article_outlets WHERE article_id = ?", [again[1].article.id]
        )
        assert sorted(r["outlet"] for r in outlets) == ["Harbour Gazette", "Karsvik Post"]
        first = store.article(again[0].article.id)
        assert first is not None and sorted(first.outlets) == ["Harbour Gazette", "Nordvik Daily"]
        times = store.query("SELECT ingested_at FROM articles ORDER BY ingested_at")
        assert len({r["ingested_at"] for r in times}) == 4  # ingestion order stays known
    finally:
        store.close()


def test_add_many_rolls_back_the_whole_batch(store_url: str) -> None:
    store = open_store(store_url)
    try:
        bad = make_analysis(TEXT + " Bad.")
        bad.entities[0].id = "person:nobody"
        bad.entities[0].type = None  # type: ignore[assignment]  # NOT NULL: the insert fails
        with pytest.raises(Exception):  # noqa: B017  (each driver raises its own error)
            store.add_many([make_analysis(TEXT), bad])
        assert store.counts()["articles"] == 0 and store.counts()["mentions"] == 0
        assert store.add_many([make_analysis(TEXT)]) == [True]
    finally:
        store.close()


def test_add_many_rows_equal_add_one_by_one(tmp_path: Path) -> None:
    one_by_one, together = open_store(tmp_path / "one.duckdb"), open_store(tmp_path / "many.duckdb")
    try:
        for analysis in batch():
            assert one_by_one.add(analysis)
        assert together.add_many(batch()) == [True, True, True]
        assert contents(together) == contents(one_by_one)
    finally:
        one_by_one.close()
        together.close()
