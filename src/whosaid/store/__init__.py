"""whosaid's store: DuckDB by default, PostgreSQL for teams, behind the one ``Store`` interface."""

from __future__ import annotations

from pathlib import Path

from whosaid.store.base import Row, Store
from whosaid.store.schema import SCHEMA_VERSION

DEFAULT_DB = "whosaid.duckdb"

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Row", "Store", "is_postgres_url", "open_store"]


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url_or_path: str | Path | None = None) -> Store:
    """Open (creating if needed) the store at a DuckDB file path or a ``postgresql://`` URL.

    With no argument: ``./whosaid.duckdb``.
    """
    target = str(url_or_path) if url_or_path is not None else DEFAULT_DB
    if is_postgres_url(target):
        from whosaid.store.postgres_backend import PostgresStore

        return PostgresStore(target)
    from whosaid.store.duckdb_backend import DuckDBStore

    return DuckDBStore(target)
