"""``bulk_writing``: the ingest writer keeps DuckDB to one thread and checkpoints less often, and gives
the settings back."""

from __future__ import annotations

from pathlib import Path

import pytest

from whosaid.store.duckdb_backend import DuckDBStore
from whosaid.store.sql import SqlStore

from .test_batch_writer import batch, contents


def threads(store: SqlStore) -> int:
    return int(store.query("SELECT current_setting('threads') AS n")[0]["n"])


def checkpoint_threshold(store: SqlStore) -> str:
    return str(store.query("SELECT current_setting('checkpoint_threshold') AS t")[0]["t"])


def test_bulk_settings_while_writing_then_the_settings_are_back(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "one.duckdb") as store, DuckDBStore(tmp_path / "many.duckdb") as other:
        store.execute("SET threads = 2")
        store.execute("SET checkpoint_threshold = '20MB'")
        before = checkpoint_threshold(store)
        with store.bulk_writing():
            assert threads(store) == 1
            assert checkpoint_threshold(store) != before
            with store.transaction():
                assert store.add_many(batch()) == [True, True, True]
        assert threads(store) == 2
        assert checkpoint_threshold(store) == before
        other.add_many(batch())
        assert contents(store) == contents(other)  # same rows, whatever the threads


def test_the_setting_is_back_after_a_failure(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "w.duckdb") as store:
        store.execute("SET threads = 2")
        before = checkpoint_threshold(store)
        with pytest.raises(RuntimeError), store.bulk_writing():
            raise RuntimeError("stop")
        assert threads(store) == 2
        assert checkpoint_threshold(store) == before
