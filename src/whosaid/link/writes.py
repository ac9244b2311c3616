"""Multi-row inserts through the portable ``store.execute``: one statement per few hundred rows,
because a round trip per row dominates linking time on a large batch."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from whosaid.store.base import Store

MAX_PARAMS = 4000  # well under PostgreSQL's limit of 65,535 parameters per statement


def insert_rows(store: Store, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING, in chunks. ``table`` and ``columns`` are ours, never input."""
    if not rows:
        return
    if store.insert_ignoring(table, columns, rows):  # DuckDB: from Arrow, not one bound value at a time
        return
    one = "(" + ", ".join("?" * len(columns)) + ")"
    per_statement = max(1, MAX_PARAMS // len(columns))
    for i in range(0, len(rows), per_statement):
        chunk = rows[i : i + per_statement]
        store.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * len(chunk))} "
            "ON CONFLICT DO NOTHING",
            [value for row in chunk for value in row],
        )
