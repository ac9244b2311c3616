"""Reading stories, claims and relations back as JSON-ready dicts (shapes documented in __init__)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from whosaid.store.base import Row, Store

_STATEMENT_COLUMNS = (
    "s.id, s.article_id, s.idx, s.kind, s.content, s.content_start, s.content_end, s.content_parts, "
    "s.speaker, s.speaker_text, s.cue, s.via, s.said_on, a.outlet, a.published, a.url, a.title"
)


def _day(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return None


def statement_dict(row: Row) -> dict[str, Any]:
    from whosaid.serialize import joined_parts
    from whosaid.store.rows import parts_from_json

    parts = parts_from_json(row.get("content_parts"))
    return {
        "id": row["id"],
        "article_id": row["article_id"],
        "index": row["idx"],
        "kind": row["kind"],
        "content": row["content"],
        "content_span": [row["content_start"], row["content_end"]],
        # a quote its attribution interrupts, without the attribution: the pieces joined with " … "
        "quotation": joined_parts(row["content"], row["content_start"], parts),
        "speaker": row["speaker"] or row["speaker_text"],
        "speaker_text": row["speaker_text"],
        "cue": row["cue"],
        "via": row["via"],
        "said_on": _day(row["said_on"]),
        "outlet": row["outlet"],
        "published": _day(row["published"]),
        "url": row["url"],
        "title": row["title"],
    }


def _statements(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join("?" * len(chunk))
        for row in store.query(
            f"SELECT {_STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id "
            f"WHERE s.id IN ({marks})",
            chunk,
        ):
            found[row["id"]] = statement_dict(row)
    return found


def _story_dict(store: Store, row: Row) -> dict[str, Any]:
    articles = store.query(
        "SELECT a.id, a.title, a.outlet, a.published, a.url FROM story_articles sa "
        "JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.published, a.id",
        [row["id"]],
    )
    n_statements = store.query(
        "SELECT count(*) AS n FROM statements WHERE article_id IN "
        "(SELECT article_id FROM story_articles WHERE story_id = ?)",
        [row["id"]],
    )[0]["n"]
    n_conflicts = store.query(
        "SELECT count(*) AS n FROM relations r JOIN statements s ON s.id = r.a "
        "JOIN story_articles sa ON sa.article_id = s.article_id "
        "WHERE sa.story_id = ? AND r.relation = 'contradict'",
        [row["id"]],
    )[0]["n"]
    outlets: list[str] = []
    for a in articles:
        if a["outlet"] and a["outlet"] not in outlets:
            outlets.append(a["outlet"])
    return {
        "id": row["id"],
        "title": row["title"],
        "first_published": _day(row["first_published"]),
        "last_published": _day(row["last_published"]),
        "article_ids": [a["id"] for a in articles],
        "outlets": outlets,
        "n_articles": len(articles),
        "n_statements": int(n_statements),
        "n_conflicts": int(n_conflicts),
        "articles": [
            {"id": a["id"], "title": a["title"], "outlet": a["outlet"], "published": _day(a["published"]),
             "url": a["url"]}
            for a in articles
        ],
    }  # fmt: skip


def list_stories(store: Store) -> list[dict[str, Any]]:
    rows = store.query(
        "SELECT id, title, first_published, last_published FROM stories "
        "ORDER BY last_published DESC, first_published DESC, id"
    )
    stories = []
    for row in rows:
        story = _story_dict(store, row)
        del story["articles"]
        stories.append(story)
    return stories


def get_story(store: Store, story_id: str) -> dict[str, Any] | None:
    rows = store.query(
        "SELECT id, title, first_published, last_published FROM stories WHERE id = ?", [story_id]
    )
    return _story_dict(store, rows[0]) if rows else None


def list_claims(store: Store, story_id: str) -> list[dict[str, Any]]:
    claims = store.query("SELECT id, story_id, label FROM claims WHERE story_id = ? ORDER BY id", [story_id])
    result = []
    for claim in claims:
        ids = [
            r["statement_id"]
            for r in store.query(
                "SELECT statement_id FROM claim_statements WHERE claim_id = ? ORDER BY statement_id",
                [claim["id"]],
            )
        ]
        statements = list(_statements(store, ids).values())
        statements.sort(key=lambda s: (s["published"] or "", s["article_id"], s["index"]))
        speakers: list[str] = []
        for s in statements:
            if s["speaker"] and s["speaker"] not in speakers:
                speakers.append(s["speaker"])
        result.append({**claim, "speakers": speakers, "statements": statements})
    # Claims with more variants first: they are where outlets and speakers meet.
    result.sort(key=lambda c: -len(c["statements"]))
    return result


def list_relations(
    store: Store, story_id: str | None = None, relation: str | None = None, speaker: str | None = None
) -> list[dict[str, Any]]:
    sql = (
        "SELECT r.a, r.b, r.relation, r.score, r.evidence, r.about, sa.story_id FROM relations r "
        "JOIN statements s ON s.id = r.a LEFT JOIN story_articles sa ON sa.article_id = s.article_id"
    )
    where, params = [], []
    if story_id:
        where.append("sa.story_id = ?")
        params.append(story_id)
    if relation:
        where.append("r.relation = ?")
        params.append(relation)
    rows = store.query(
        sql + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY r.score DESC, r.a, r.b", params
    )
    statements = _statements(store, sorted({r["a"] for r in rows} | {r["b"] for r in rows}))
    result = []
    wanted = speaker.lower() if speaker else None
    for row in rows:
        a, b = statements.get(row["a"]), statements.get(row["b"])
        if a is None or b is None:
            continue
        if wanted and not any(wanted in (s["speaker"] or "").lower() for s in (a, b)):
            continue
        result.append(
            {
                "a": a,
                "b": b,
                "relation": row["relation"],
                "score": float(row["score"]),
                "evidence": json.loads(row["evidence"]),
                "about": row["about"],
                "story_id": row["story_id"],
            }
        )
    return result
