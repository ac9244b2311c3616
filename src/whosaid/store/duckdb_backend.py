"""The default store: one DuckDB file, no server."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whosaid.errors import WhosaidError
from whosaid.store.base import Row
from whosaid.store.rows import RowValues
from whosaid.store.sql import SqlStore

_LOCK_HOLDER = re.compile(r"PID (\d+)")
BULK_CHECKPOINT = "128MB"  # DuckDB log size that triggers a checkpoint while ingest writes
# Name under which rows to insert are shown to DuckDB (per connection, for one statement).
_ROWS_VIEW = "whosaid_rows_to_insert"


class DuckDBStore(SqlStore):
    skip_existing_by_lookup = True  # one writer per file: look-ups are safe and much faster there
    cache_mention_counts = True  # and what it counted stays true

    def __init__(self, path: str | Path) -> None:
        super().__init__(str(path))
        import duckdb

        if self.url != ":memory:":
            Path(self.url).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._main = duckdb.connect(self.url)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                holder = _LOCK_HOLDER.search(str(exc))
                who = f" (process {holder.group(1)})" if holder else ""
                raise WhosaidError(
                    f"whosaid: the database {self.url} is in use by another program{who}. "
                    "Wait for it to finish, or use another --db."
                ) from exc
            raise WhosaidError(f"whosaid: cannot open the database {self.url}: {exc}") from exc
        except duckdb.Error as exc:
            raise WhosaidError(
                f"whosaid: {self.url} is not a DuckDB database whosaid can open ({exc}). Use another --db."
            ) from exc
        self._init_schema()

    def _connect(self) -> Any:
        # Each thread gets its own cursor: a DuckDB cursor is a connection with its own transaction.
        return self._main.cursor()

    def _run(self, conn: Any, sql: str, params: Sequence[Any]) -> list[Row]:
        import duckdb

        try:
            cur = conn.execute(sql, list(params)) if params else conn.execute(sql)
        except duckdb.InterruptException as exc:
            # DuckDB turns Ctrl-C during a query into an ordinary error; the user meant to stop.
            raise KeyboardInterrupt from exc
        if cur.description is None:
            return []
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _insert_values(self, table: str, columns: Sequence[str], rows: Sequence[RowValues]) -> None:
        """Rows go in as one Arrow table: DuckDB binds ``?`` parameters one value at a time, which
        made the writer's multi-row INSERTs its slowest part (400 mention rows: 56 ms as VALUES,
        8 ms from Arrow, commits included)."""
        if not self._insert_arrow(table, columns, rows, ""):
            super()._insert_values(table, columns, rows)

    def insert_ignoring(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bool:
        """INSERT ... ON CONFLICT DO NOTHING from one Arrow table (linking writes thousands of
        relation rows per link group: as ``?`` parameters that took 5.5 s of a 22 s ingest of 300
        synthetic articles). False when Arrow cannot type the values: the caller inserts them
        portably."""
        return self._insert_arrow(table, columns, rows, " ON CONFLICT DO NOTHING")

    def _insert_arrow(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], tail: str
    ) -> bool:
        import pyarrow as pa

        try:
            data = pa.table({c: pa.array([row[i] for row in rows]) for i, c in enumerate(columns)})
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):  # values Arrow cannot type
            return False
        conn = self._conn()
        names = ", ".join(columns)
        conn.register(_ROWS_VIEW, data)
        try:
            self._run(conn, f"INSERT INTO {table} ({names}) SELECT {names} FROM {_ROWS_VIEW}{tail}", ())
        finally:
            conn.unregister(_ROWS_VIEW)
        return True

    @contextmanager
    def bulk_writing(self) -> Iterator[None]:
        """Run DuckDB on one thread meanwhile, checkpointing less often: the writer of ``whosaid
        ingest`` sends many small statements, for which its worker threads only cost CPU that the
        analysis processes need (300 synthetic articles, 2 workers: writer CPU 8.5 -> 7.6 ms an
        article, benchmarks/profile_writer.py)."""
        conn = self._conn()
        before = self._run(
            conn, "SELECT current_setting('threads') AS n, current_setting('checkpoint_threshold') AS wal", ()
        )[0]
        self._run(conn, "SET threads = 1", ())
        # DuckDB writes its log into the file every 16 MB of log by default: during an ingest with
        # linking that was ~1 s of the writer's ~13 s of CPU (300 synthetic articles) and left a 45 MB
        # file where 32 MB hold the same rows. Every 128 MB instead; the log is as durable (a crash
        # replays it on the next open) and closing the store checkpoints the rest.
        self._run(conn, f"SET checkpoint_threshold = '{BULK_CHECKPOINT}'", ())
        try:
            yield
        finally:
            self._run(conn, f"SET threads = {int(before['n'])}", ())
            self._run(conn, f"SET checkpoint_threshold = '{before['wal']}'", ())

    def close(self) -> None:
        super().close()
        self._main.close()
