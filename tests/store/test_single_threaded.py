"""``single_threaded``: the ingest writer keeps DuckDB to one thread, and gives the setting back."""

from __future__ import annotations

from pathlib import Path

import pytest

from whosaid.store.duckdb_backend import DuckDBStore
from whosaid.store.sql import SqlStore

from .test_batch_writer import batch, contents


def threads(store: SqlStore) -> int:
    return int(store.query("SELECT current_setting('threads') AS n")[0]["n"])


def test_one_thread_while_writing_then_the_setting_is_back(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "one.duckdb") as store, DuckDBStore(tmp_path / "many.duckdb") as other:
        store.execute("SET threads = 2")
        with store.single_threaded():
            assert threads(store) == 1
            with store.transaction():
                assert store.add_many(batch()) == [True, True, True]
        assert threads(store) == 2
        other.add_many(batch())
        assert contents(store) == contents(other)  # same rows, whatever the threads


def test_the_setting_is_back_after_a_failure(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "w.duckdb") as store:
        store.execute("SET threads = 2")
        with pytest.raises(RuntimeError), store.single_threaded():
            raise RuntimeError("stop")
        assert threads(store) == 2
