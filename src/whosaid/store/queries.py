"""Read queries over stored statements that more than one front end needs (CLI, API)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from whosaid.model import Statement
from whosaid.store.base import Row, Store
from whosaid.store.rows import STATEMENT_COLUMNS, statement_from_row


@dataclass(slots=True)
class StoredStatement:
    statement: Statement
    outlet: str | None
    title: str | None
    url: str | None
    published: date | None


def find_statements(
    store: Store,
    *,
    speaker: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    speaker_ids: Sequence[str] | None = None,
) -> list[StoredStatement]:
    """Stored statements, oldest first; ``speaker`` matches any part of a name or alias, any case;
    ``speaker_ids`` keeps the statements of those speaker entities only.

    The date filters apply to ``said_on``, or to the publication date when the text gave no day.
    """
    where: list[str] = []
    params: list[Any] = []
    if speaker:
        needle = speaker.strip().lower()
        where.append(
            "(strpos(lower(coalesce(s.speaker, '')), ?) > 0"
            " OR strpos(lower(coalesce(s.speaker_text, '')), ?) > 0"
            " OR s.speaker_entity_id IN (SELECT entity_id FROM entity_aliases"
            " WHERE strpos(lower(alias), ?) > 0))"
        )
        params += [needle, needle, needle]
    if speaker_ids:
        where.append(f"s.speaker_entity_id IN ({', '.join('?' for _ in speaker_ids)})")
        params += list(speaker_ids)
    day = "coalesce(s.said_on, a.published)"
    if since:
        where.append(f"{day} >= ?")
        params.append(since)
    if until:
        where.append(f"{day} <= ?")
        params.append(until)
    columns = ", ".join(f"s.{c}" for c in STATEMENT_COLUMNS)
    sql = (
        f"SELECT {columns}, a.outlet AS a_outlet, a.title AS a_title, a.url AS a_url,"
        " a.published AS a_published FROM statements s JOIN articles a ON a.id = s.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {day} NULLS LAST, a.outlet, s.article_id, s.idx"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [_stored(row) for row in store.query(sql, params)]


def _stored(row: Row) -> StoredStatement:
    return StoredStatement(
        statement=statement_from_row(row),
        outlet=row["a_outlet"],
        title=row["a_title"],
        url=row["a_url"],
        published=row["a_published"],
    )
