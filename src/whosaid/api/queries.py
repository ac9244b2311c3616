"""Read queries shared by the JSON API and the web page.

Every value reaches SQL as a ``?`` parameter (the store translates the placeholder for its backend);
nothing typed by a user is ever formatted into SQL text. Rows come back as plain dicts.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from whosaid.serialize import PART_JOINER, part_texts
from whosaid.store.base import Row, Store
from whosaid.store.rows import parts_from_json

# Statements and articles without any date sort after every dated one (newest first).
NO_DATE = date(1, 1, 1)
SORT_DATE = "COALESCE(s.said_on, a.published, DATE '0001-01-01')"

STATEMENT_COLUMNS = """
    s.id, s.article_id, s.idx, s.kind, s.content, s.content_start, s.content_end,
    s.cue, s.cue_start, s.cue_end, s.speaker_text, s.speaker_start, s.speaker_end,
    s.speaker, s.speaker_type, s.speaker_role, s.speaker_entity_id, s.via,
    s.said_on, s.said_on_is_fallback, s.nested_in, s.confidence, s.content_parts,
    a.title AS article_title, a.outlet, a.published, a.url AS article_url
"""


def with_parts(rows: list[Row]) -> list[Row]:
    """Statement rows with ``content_parts`` as ``[{start, end, text}, ...]`` (the stored JSON turned
    into pieces, one piece, the content, when it was not split) and ``quotation``: the pieces joined
    with " … ", what a reader wants rather than the content with its attribution in the middle."""
    for row in rows:
        parts = parts_from_json(row.get("content_parts"))
        texts = part_texts(row["content"], row["content_start"], parts)
        bounds = [(p.start, p.end) for p in parts] or [(row["content_start"], row["content_end"])]
        row["content_parts"] = [
            {"start": start, "end": end, "text": text}
            for (start, end), text in zip(bounds, texts, strict=True)
        ]
        row["quotation"] = PART_JOINER.join(texts)
    return rows


class BadCursor(ValueError):
    """A pagination cursor that this server did not hand out."""


@dataclass(frozen=True, slots=True)
class StatementFilter:
    q: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    kind: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass(slots=True)
class Page:
    items: list[Row]
    next_cursor: str | None


def encode_cursor(values: list[Any]) -> str:
    plain = [v.isoformat() if isinstance(v, date) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    """The cursor's values, first one a date; raises BadCursor for anything else."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != size:
            raise BadCursor("cursor has the wrong shape")
        values[0] = date.fromisoformat(values[0])
    except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError, TypeError, ValueError) as exc:
        raise BadCursor("invalid cursor: pass back the next_cursor value of the previous page") from exc
    return values


def like_pattern(word: str) -> str:
    """A LIKE pattern matching ``word`` anywhere, with LIKE's own wildcards taken literally."""
    escaped = word.lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


def _statement_where(f: StatementFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for word in (f.q or "").split()[:10]:  # every word must occur; ten words is plenty
        where.append("LOWER(s.content) LIKE ? ESCAPE '!'")
        params.append(like_pattern(word))
    if f.speaker:
        where.append("(LOWER(s.speaker) = LOWER(?) OR s.speaker_entity_id = ?)")
        params += [f.speaker, f.speaker]
    if f.outlet:
        where.append(
            "(LOWER(a.outlet) = LOWER(?) OR EXISTS (SELECT 1 FROM article_outlets o"
            " WHERE o.article_id = a.id AND LOWER(o.outlet) = LOWER(?)))"
        )
        params += [f.outlet, f.outlet]
    if f.kind:
        where.append("s.kind = ?")
        params.append(f.kind)
    if f.since:
        where.append(f"{SORT_DATE} >= ?")
        params.append(f.since)
    if f.until:
        where.append(f"{SORT_DATE} <= ?")
        params.append(f.until)
    return where, params


def search_statements(store: Store, f: StatementFilter, limit: int, cursor: str | None) -> Page:
    """Statements newest first, keyset-paginated on (date, article id, index): stable under inserts."""
    where, params = _statement_where(f)
    if cursor:
        day, article_id, idx = decode_cursor(cursor, 3)
        where.append(
            f"({SORT_DATE} < ? OR ({SORT_DATE} = ? AND (s.article_id > ?"
            " OR (s.article_id = ? AND s.idx > ?))))"
        )
        params += [day, day, str(article_id), str(article_id), int(idx)]
    sql = (
        f"SELECT {STATEMENT_COLUMNS}, {SORT_DATE} AS sort_date"
        " FROM statements s JOIN articles a ON a.id = s.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY sort_date DESC, s.article_id, s.idx LIMIT ?"
    )
    rows = with_parts(store.query(sql, [*params, limit + 1]))
    return _page(rows, limit, lambda r: [r["sort_date"], r["article_id"], r["idx"]])


def _page(rows: list[Row], limit: int, key: Callable[[Row], list[Any]]) -> Page:
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(key(rows[-1])) if more and rows else None
    for row in rows:
        row.pop("sort_date", None)
    return Page(rows, next_cursor)


def list_articles(store: Store, limit: int, cursor: str | None, outlet: str | None = None) -> Page:
    """Articles newest first, keyset-paginated on (published, id)."""
    where: list[str] = []
    params: list[Any] = []
    if outlet:
        where.append(
            "(LOWER(a.outlet) = LOWER(?) OR EXISTS (SELECT 1 FROM article_outlets o"
            " WHERE o.article_id = a.id AND LOWER(o.outlet) = LOWER(?)))"
        )
        params += [outlet, outlet]
    day_sql = "COALESCE(a.published, DATE '0001-01-01')"
    if cursor:
        day, article_id = decode_cursor(cursor, 2)
        where.append(f"({day_sql} < ? OR ({day_sql} = ? AND a.id > ?))")
        params += [day, day, str(article_id)]
    sql = (
        "SELECT a.id, a.title, a.url, a.outlet, a.published, a.external_id,"
        " (SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id) AS statements"
        " FROM articles a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {day_sql} DESC, a.id LIMIT ?"
    )
    rows = store.query(sql, [*params, limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if rows else None
    next_cursor = encode_cursor([last["published"] or NO_DATE, last["id"]]) if more and last else None
    return Page(rows, next_cursor)


def article_detail(store: Store, article_id: str) -> Row | None:
    found = store.query(
        "SELECT id, external_id, url, outlet, title, published, text, source_path FROM articles WHERE id = ?",
        [article_id],
    )
    if not found:
        return None
    article = found[0]
    article["outlets"] = store.query(
        "SELECT outlet, url FROM article_outlets WHERE article_id = ? ORDER BY outlet", [article_id]
    )
    article["statements"] = with_parts(
        store.query(
            f"SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id"
            " WHERE s.article_id = ? ORDER BY s.idx",
            [article_id],
        )
    )
    article["dates"] = store.query(
        "SELECT start_offset, end_offset, text, value, value_end, granularity FROM date_mentions"
        " WHERE article_id = ? ORDER BY start_offset",
        [article_id],
    )
    article["quantities"] = store.query(
        "SELECT start_offset, end_offset, text, value, unit, subject, qualifier, statement_idx"
        " FROM quantities WHERE article_id = ? ORDER BY start_offset",
        [article_id],
    )
    return article


def statement_detail(store: Store, statement_id: str) -> Row | None:
    rows = store.query(
        f"SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id = ?",
        [statement_id],
    )
    return with_parts(rows)[0] if rows else None


def list_speakers(store: Store, q: str | None, limit: int) -> list[Row]:
    """Everyone quoted, most quoted first; keyed by entity id once resolved, else by name."""
    where = ["s.speaker IS NOT NULL"]
    params: list[Any] = []
    if q:
        where.append("LOWER(COALESCE(e.name, s.speaker)) LIKE ? ESCAPE '!'")
        params.append(like_pattern(q))
    rows = store.query(
        "SELECT COALESCE(s.speaker_entity_id, s.speaker) AS key,"
        " COALESCE(MAX(e.name), MAX(s.speaker)) AS name,"
        " s.speaker_entity_id AS entity_id, MAX(s.speaker_type) AS type, MAX(s.speaker_role) AS role,"
        " COUNT(*) AS statements, COUNT(DISTINCT s.article_id) AS articles,"
        f" MIN({SORT_DATE}) AS first_said, MAX({SORT_DATE}) AS last_said"
        " FROM statements s JOIN articles a ON a.id = s.article_id"
        " LEFT JOIN entities e ON e.id = s.speaker_entity_id"
        f" WHERE {' AND '.join(where)}"
        " GROUP BY COALESCE(s.speaker_entity_id, s.speaker), s.speaker_entity_id"
        " ORDER BY statements DESC, name LIMIT ?",
        [*params, limit],
    )
    for row in rows:
        for key in ("first_said", "last_said"):
            if row[key] == NO_DATE:
                row[key] = None
    return rows


def speaker_detail(store: Store, key: str, limit: int = 500) -> Row | None:
    """One speaker (entity id or name): aliases, roles, and statements oldest first (a timeline)."""
    entity = entity_record(store, key) or _quoted_entity_named(store, key)
    if entity is not None:
        where, params = "s.speaker_entity_id = ?", [entity["id"]]
    else:  # unresolved speakers go by name; unnamed ones by the words that name them
        where, params = "LOWER(COALESCE(s.speaker, s.speaker_text)) = LOWER(?)", [key]
    timeline = with_parts(
        store.query(
            f"SELECT {STATEMENT_COLUMNS}, {SORT_DATE} AS sort_date FROM statements s"
            f" JOIN articles a ON a.id = s.article_id WHERE {where}"
            " ORDER BY sort_date, s.article_id, s.idx LIMIT ?",
            [*params, limit + 1],
        )
    )
    if entity is None and not timeline:
        return None
    for row in timeline:
        row.pop("sort_date", None)
    name = entity["name"] if entity else timeline[0]["speaker"] or timeline[0]["speaker_text"]
    roles = sorted({r["speaker_role"] for r in timeline if r["speaker_role"]})
    return {
        "key": key,
        "name": name,
        "entity": entity,
        "roles": sorted(set(roles) | set(entity["roles"] if entity else [])),
        "outlets": sorted({r["outlet"] for r in timeline if r["outlet"]}),
        "truncated": len(timeline) > limit,
        "timeline": timeline[:limit],
    }


def _quoted_entity_named(store: Store, name: str) -> Row | None:
    """The entity a name stands for, when every statement under that name was resolved to the same one
    (so a link by name, as in conflicts, opens the whole timeline)."""
    rows = store.query(
        "SELECT DISTINCT speaker_entity_id AS id FROM statements WHERE LOWER(speaker) = LOWER(?)", [name]
    )
    if len(rows) != 1 or rows[0]["id"] is None:
        return None
    return entity_record(store, rows[0]["id"])


def entity_record(store: Store, entity_id: str) -> Row | None:
    rows = store.query("SELECT id, name, type FROM entities WHERE id = ?", [entity_id])
    if not rows:
        return None
    entity = rows[0]
    entity["aliases"] = [
        r["alias"]
        for r in store.query(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", [entity_id]
        )
    ]
    entity["roles"] = [
        r["role"]
        for r in store.query("SELECT role FROM entity_roles WHERE entity_id = ? ORDER BY role", [entity_id])
    ]
    return entity


def list_entities(store: Store, q: str | None, entity_type: str | None, limit: int) -> list[Row]:
    where: list[str] = []
    params: list[Any] = []
    if q:
        where.append(
            "(LOWER(e.name) LIKE ? ESCAPE '!' OR EXISTS (SELECT 1 FROM entity_aliases al"
            " WHERE al.entity_id = e.id AND LOWER(al.alias) LIKE ? ESCAPE '!'))"
        )
        params += [like_pattern(q), like_pattern(q)]
    if entity_type:
        where.append("e.type = ?")
        params.append(entity_type)
    return store.query(
        "SELECT e.id, e.name, e.type,"
        " (SELECT COUNT(*) FROM entity_aliases al WHERE al.entity_id = e.id) AS aliases,"
        " (SELECT COUNT(*) FROM statements s WHERE s.speaker_entity_id = e.id) AS statements"
        " FROM entities e"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY statements DESC, e.name LIMIT ?",
        [*params, limit],
    )


def claim_detail(store: Store, claim_id: str) -> dict[str, Any] | None:
    """One claim in the link stage's shape (``whosaid.link.claims``)."""
    from whosaid import link

    rows = store.query("SELECT story_id FROM claims WHERE id = ?", [claim_id])
    if not rows:
        return None
    return next((c for c in link.claims(store, rows[0]["story_id"]) if c["id"] == claim_id), None)


def flat_conflict(conflict: dict[str, Any]) -> Row:
    """A ``whosaid.link.conflicts`` item as one CSV row."""
    row: Row = {k: conflict.get(k) for k in ("relation", "score", "about", "story_id")}
    evidence = conflict.get("evidence")
    row["reason"] = evidence.get("reason") if isinstance(evidence, dict) else evidence
    for side in ("a", "b"):
        for key in ("id", "speaker", "content", "outlet", "published", "said_on", "title"):
            row[f"{side}_{key}"] = conflict[side].get(key)
    return row


def stats(store: Store) -> dict[str, int]:
    return dict(store.counts())
