"""The small interface every store backend (DuckDB by default, PostgreSQL for teams) offers.

Stages above the store (resolve/, link/, api/, web/, scale/) talk to it through these methods only.
SQL they need beyond them goes through ``query``/``execute`` with ``?`` placeholders, which each
backend translates to its own parameter style: never format values into SQL.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from whosaid.model import Article, ArticleAnalysis

Row = dict[str, Any]


class Store(Protocol):
    url: str  # file path (DuckDB) or postgresql:// URL
    # True where this process is the store's only writer (DuckDB): rows can be checked for before an
    # insert and a row just written is the stored one; False where other writers may race (PostgreSQL).
    skip_existing_by_lookup: bool

    # --- writing -------------------------------------------------------------------------------------
    def add(self, analysis: ArticleAnalysis) -> bool:
        """Store one article with everything found in it, in one transaction.

        Returns False, and changes nothing, when an article with the same id is already stored
        (except that a new outlet carrying the same text is added to ``article_outlets``).
        """
        ...

    def add_many(self, analyses: Sequence[ArticleAnalysis]) -> list[bool]:
        """``add`` of each analysis in turn (what it returns, for each), all in one transaction."""
        ...

    def add_outlet(self, article_id: str, outlet: str, url: str | None = None) -> None:
        """Record that another outlet carried a stored article (no change if already recorded)."""
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""
        ...

    # --- optional speed-ups: every backend has them, some only in their portable form --------------
    def insert_ignoring(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bool:
        """INSERT the rows, skipping those whose key exists, in the backend's fastest way; False when
        it has none for these values (nothing written): the caller inserts them with ``execute``."""
        ...

    def bulk_writing(self) -> AbstractContextManager[None]:
        """Settings for one process sending many small writes (the ingest writer), where the engine
        has a say (DuckDB: one thread, fewer checkpoints); else nothing."""
        ...

    # --- raw SQL, portable between backends --------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    # --- reading -------------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool: ...

    def stored_ids(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these article ids are stored (a few queries for many ids, not one each)."""
        ...

    def article(self, article_id: str) -> Article | None: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def counts(self) -> dict[str, int]:
        """Row count of every table, by table name."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None:
        """Closes the store."""
        ...
