"""The team store: a PostgreSQL server reached by a ``postgresql://`` URL (psycopg 3)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whosaid.errors import WhosaidError
from whosaid.store.base import Row
from whosaid.store.sql import SqlStore


def to_pyformat(sql: str) -> str:
    """Turn the store's ``?`` placeholders into psycopg's ``%s``, leaving quoted text alone.

    psycopg reads ``%`` anywhere in the statement as a placeholder, so every literal ``%`` is doubled.
    """
    out: list[str] = []
    quote: str | None = None
    for ch in sql:
        if ch == "%":
            out.append("%%")
        elif quote:
            out.append(ch)
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        else:
            out.append(ch)
    return "".join(out)


class PostgresStore(SqlStore):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self._init_schema()

    def _connect(self) -> Any:
        import psycopg
        from psycopg.rows import dict_row

        try:
            # autocommit: transactions are explicit (BEGIN/COMMIT in SqlStore.transaction).
            return psycopg.connect(self.url, autocommit=True, row_factory=dict_row)
        except psycopg.OperationalError as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise WhosaidError(
                f"whosaid: cannot connect to PostgreSQL at {_safe_url(self.url)}: {reason}. "
                "Check that the server runs and the URL (user, password, database) is right."
            ) from exc

    def _run(self, conn: Any, sql: str, params: Sequence[Any]) -> list[Row]:
        cur = conn.execute(to_pyformat(sql), list(params)) if params else conn.execute(sql)
        if cur.description is None:
            return []
        return list(cur.fetchall())


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))
