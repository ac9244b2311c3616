"""Linking's multi-row inserts (``link.writes.insert_rows``): rows already there are skipped, not
doubled and not an error, whether they go in from Arrow (DuckDB) or as portable VALUES."""

from __future__ import annotations

from pathlib import Path

from whosaid.link.writes import insert_rows
from whosaid.store import open_store


def test_rows_already_stored_are_skipped(tmp_path: Path) -> None:
    store = open_store(tmp_path / "ignore.duckdb")
    try:
        rows = [("b1", "a1"), ("b2", "a2")]
        with store.transaction():
            insert_rows(store, "signature_buckets", ("bucket", "article_id"), rows)
        with store.transaction():  # again, plus one new row
            insert_rows(store, "signature_buckets", ("bucket", "article_id"), [*rows, ("b3", "a3")])
        stored = store.query("SELECT bucket, article_id FROM signature_buckets ORDER BY bucket")
        assert [(r["bucket"], r["article_id"]) for r in stored] == [*rows, ("b3", "a3")]
    finally:
        store.close()


def test_values_arrow_cannot_type_go_in_portably(tmp_path: Path) -> None:
    store = open_store(tmp_path / "mixed.duckdb")
    try:
        # A column mixing text and numbers is no Arrow array: the portable statement takes it.
        rows = [("s1", "1"), ("s2", 2)]
        assert store.insert_ignoring("article_signatures", ("article_id", "signature"), rows) is False
        with store.transaction():
            insert_rows(store, "article_signatures", ("article_id", "signature"), rows)
            insert_rows(store, "article_signatures", ("article_id", "signature"), rows)
        stored = store.query("SELECT article_id, signature FROM article_signatures ORDER BY article_id")
        assert [(r["article_id"], r["signature"]) for r in stored] == [("s1", "1"), ("s2", "2")]
    finally:
        store.close()
