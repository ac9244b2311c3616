"""Reading entities back: who speaks most, and one entity's names, roles, statements and merges."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from whosaid.resolve.lookup import entity_ids_for

if TYPE_CHECKING:
    from whosaid.store.base import Store

_DAY = "coalesce(s.said_on, a.published)"


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, date) else (str(value) if value is not None else None)


def top_speakers(store: Store, top: int = 20) -> list[dict[str, Any]]:
    """Entities by number of statements attributed to them, with the days they spoke."""
    rows = store.query(
        f"SELECT e.id AS id, e.name AS name, e.type AS type, count(*) AS statements, "
        f"count(DISTINCT s.article_id) AS articles, min({_DAY}) AS first, max({_DAY}) AS last "
        "FROM statements s JOIN entities e ON e.id = s.speaker_entity_id "
        "JOIN articles a ON a.id = s.article_id "
        "GROUP BY e.id, e.name, e.type ORDER BY statements DESC, e.name LIMIT ?",
        [int(top)],
    )
    return [
        {
            "id": r["id"],
            "name": r["name"],
            "type": r["type"],
            "statements": int(r["statements"]),
            "articles": int(r["articles"]),
            "first": _iso(r["first"]),
            "last": _iso(r["last"]),
        }
        for r in rows
    ]


def _timeline(store: Store, entity_id: str) -> list[dict[str, Any]]:
    rows = store.query(
        f"SELECT s.id AS id, {_DAY} AS day, s.said_on_is_fallback AS fallback, s.kind AS kind, "
        "s.content AS content, s.cue AS cue, s.via AS via, a.outlet AS outlet, a.title AS title "
        "FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.speaker_entity_id = ? "
        f"ORDER BY {_DAY} NULLS LAST, a.outlet, s.article_id, s.idx",
        [entity_id],
    )
    return [
        {
            "statement_id": r["id"],
            "day": _iso(r["day"]),
            "day_is_publication_date": bool(r["fallback"]),
            "kind": r["kind"],
            "content": r["content"],
            "cue": r["cue"],
            "via": r["via"],
            "outlet": r["outlet"],
            "title": r["title"],
        }
        for r in rows
    ]


def _merges(store: Store, entity_id: str) -> list[dict[str, Any]]:
    from whosaid.resolve.crossdoc import ensure_table

    ensure_table(store)
    rows = store.query(
        "SELECT c.article_id AS article_id, c.name AS name, c.type AS type, c.reason AS reason, "
        "c.mention_reasons AS mention_reasons, a.title AS title, a.outlet AS outlet, "
        "a.published AS published FROM entity_clusters c JOIN articles a ON a.id = c.article_id "
        "WHERE c.entity_id = ? "
        "ORDER BY a.published NULLS LAST, c.article_id, c.cluster",
        [entity_id],
    )
    out: list[dict[str, Any]] = []
    for r in rows:
        mentions = [
            {"start": m[0], "end": m[1], "text": m[2], "kind": m[3], "why": m[4]}
            for m in json.loads(r["mention_reasons"])
        ]
        out.append(
            {
                "article_id": r["article_id"],
                "title": r["title"],
                "outlet": r["outlet"],
                "published": _iso(r["published"]),
                "cluster_name": r["name"],
                "cluster_type": r["type"],
                "why": r["reason"],
                "mentions": mentions,
            }
        )
    return out


def entity_profiles(store: Store, name: str, *, why: bool = False) -> list[dict[str, Any]]:
    """Every entity the name can mean (most mentioned first) with aliases, roles and a timeline."""
    profiles: list[dict[str, Any]] = []
    for entity_id in entity_ids_for(store, name):
        head = store.query("SELECT name, type FROM entities WHERE id = ?", [entity_id])
        if not head:
            continue
        aliases = store.query(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", [entity_id]
        )
        roles = store.query("SELECT role FROM entity_roles WHERE entity_id = ? ORDER BY role", [entity_id])
        counts = store.query(
            "SELECT count(*) AS n, count(DISTINCT article_id) AS articles FROM mentions WHERE entity_id = ?",
            [entity_id],
        )[0]
        profile: dict[str, Any] = {
            "id": entity_id,
            "name": head[0]["name"],
            "type": head[0]["type"],
            "aliases": [r["alias"] for r in aliases],
            "roles": [r["role"] for r in roles],
            "mentions": int(counts["n"]),
            "articles": int(counts["articles"]),
            "statements": _timeline(store, entity_id),
        }
        if why:
            profile["merges"] = _merges(store, entity_id)
        profiles.append(profile)
    return profiles
