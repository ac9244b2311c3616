"""The link stage over the store: stories, claims and relations for newly stored articles.

Incremental by construction: a new article is compared only with stories active within the time
window of its date (their centroids are stored in ``story_vectors``), and a new statement only with
the statements of its story. Nothing already linked is recomputed.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from whosaid.link import story_index
from whosaid.link.claim_groups import assign_claims
from whosaid.link.pairing import StatementInfo, relate
from whosaid.link.story_index import StoryState, best_story, lead_text, name_keys

if TYPE_CHECKING:
    from whosaid.store.base import Store

Encoder = Callable[[Sequence[str]], Any]


def _default_encoder(texts: Sequence[str]) -> Any:
    from whosaid.link.embed import encode

    return encode(texts)


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def _vector(text: str) -> Any:
    return np.asarray(json.loads(text), dtype=np.float32)


def _short_id(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def link_unlinked(store: Store, encoder: Encoder | None = None) -> dict[str, int]:
    rows = store.query(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles) "
        "ORDER BY published, id"
    )
    return link_articles(store, [r["id"] for r in rows], encoder=encoder)


def link_articles(store: Store, article_ids: Sequence[str], encoder: Encoder | None = None) -> dict[str, int]:
    """Place the articles into stories, then group and relate their statements. Returns counts."""
    encode = encoder or _default_encoder
    articles = _unlinked_articles(store, article_ids)
    summary = {"articles": len(articles), "stories": 0, "claims": 0, "relations": 0}
    if not articles:
        return summary
    vectors = encode([lead_text(a["title"], a["text"]) for a in articles])
    days = [_as_date(a["published"]) or _as_date(a["ingested_at"]) or date.today() for a in articles]
    window = timedelta(days=story_index.WINDOW_DAYS)
    candidates = _stories_between(store, min(days) - window, max(days) + window)
    new_stories: list[StoryState] = []
    placed: dict[str, list[str]] = {}
    for article, vector, day in zip(articles, vectors, days, strict=True):
        names = name_keys(lead_text(article["title"], article["text"])) | _stored_names(store, article["id"])
        story = best_story(candidates, vector, names, day)
        if story is None:
            title = article["title"] or lead_text(None, article["text"], 120)
            story = StoryState(
                _short_id("story", article["id"]), title[:300], day, day, vector * 0, 0, Counter()
            )
            candidates.append(story)
            new_stories.append(story)
        story.add(vector, names, day)
        placed.setdefault(story.id, []).append(article["id"])
        article["_names"] = names
    with store.transaction():
        _save_stories(store, candidates, new_stories, placed)
        for article, vector in zip(articles, vectors, strict=True):
            store.execute(
                "INSERT INTO article_embeddings (article_id, vector, entities) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [article["id"], _vector_json(vector), json.dumps(sorted(article["_names"]))],
            )
        for story_id, ids in placed.items():
            n_claims, n_relations = _link_statements(store, story_id, ids, encode)
            summary["claims"] += n_claims
            summary["relations"] += n_relations
    summary["stories"] = len(new_stories)
    return summary


def _vector_json(vector: Any) -> str:
    return json.dumps([round(float(x), 5) for x in vector])


def _unlinked_articles(store: Store, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for i in range(0, len(article_ids), 500):
        chunk = list(article_ids[i : i + 500])
        marks = ", ".join("?" * len(chunk))
        found.extend(
            store.query(
                f"SELECT id, title, text, published, ingested_at FROM articles WHERE id IN ({marks}) "
                "AND id NOT IN (SELECT article_id FROM story_articles)",
                chunk,
            )
        )
    order = {a: i for i, a in enumerate(article_ids)}
    return sorted(found, key=lambda r: order[r["id"]])


def _stored_names(store: Store, article_id: str) -> set[str]:
    """Names the entity stage found (PERSON, ORG, places), as lower-cased keys."""
    rows = store.query(
        "SELECT DISTINCT coalesce(e.name, m.text) AS name FROM mentions m "
        "LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? AND m.kind = 'name'",
        [article_id],
    )
    return {str(r["name"]).lower() for r in rows if r["name"]}


def _stories_between(store: Store, first: date, last: date) -> list[StoryState]:
    rows = store.query(
        "SELECT s.id, s.title, s.first_published, s.last_published, v.vector, v.n, v.entities "
        "FROM stories s JOIN story_vectors v ON v.story_id = s.id "
        "WHERE s.last_published >= ? AND s.first_published <= ?",
        [first, last],
    )
    stories = {
        r["id"]: StoryState(
            r["id"],
            r["title"],
            _as_date(r["first_published"]) or first,
            _as_date(r["last_published"]) or last,
            _vector(r["vector"]),
            int(r["n"]),
            Counter(json.loads(r["entities"])),
        )
        for r in rows
    }
    ids = list(stories)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join("?" * len(chunk))
        for row in store.query(
            "SELECT sa.story_id, e.vector FROM story_articles sa "
            f"JOIN article_embeddings e ON e.article_id = sa.article_id WHERE sa.story_id IN ({marks})",
            chunk,
        ):
            stories[row["story_id"]].members.append(_vector(row["vector"]))
    return list(stories.values())


def _save_stories(
    store: Store, stories: list[StoryState], new: list[StoryState], placed: dict[str, list[str]]
) -> None:
    new_ids = {s.id for s in new}
    for story in stories:
        if not story.changed:
            continue
        if story.id in new_ids:
            store.execute(
                "INSERT INTO stories (id, title, first_published, last_published) VALUES (?, ?, ?, ?)",
                [story.id, story.title, story.first, story.last],
            )
            store.execute(
                "INSERT INTO story_vectors (story_id, vector, n, entities) VALUES (?, ?, ?, ?)",
                [story.id, story.vector_json(), story.n, story.names_json()],
            )
        else:
            store.execute(
                "UPDATE stories SET first_published = ?, last_published = ? WHERE id = ?",
                [story.first, story.last, story.id],
            )
            store.execute(
                "UPDATE story_vectors SET vector = ?, n = ?, entities = ? WHERE story_id = ?",
                [story.vector_json(), story.n, story.names_json(), story.id],
            )
        for article_id in placed.get(story.id, []):
            store.execute(
                "INSERT INTO story_articles (story_id, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [story.id, article_id],
            )


_STATEMENT_SQL = (
    "SELECT s.id, s.article_id, s.content, s.content_start, s.speaker, s.speaker_text, s.cue, "
    "a.published, e.vector FROM statements s JOIN articles a ON a.id = s.article_id "
    "LEFT JOIN statement_embeddings e ON e.statement_id = s.id "
)


def _link_statements(
    store: Store, story_id: str, new_article_ids: list[str], encode: Encoder
) -> tuple[int, int]:
    """Embed the new articles' statements, put them into claims, relate them within the story."""
    rows = store.query(
        _STATEMENT_SQL + "WHERE s.article_id IN (SELECT article_id FROM story_articles WHERE story_id = ?) "
        "ORDER BY a.published, s.article_id, s.idx",
        [story_id],
    )
    new_set = set(new_article_ids)
    fresh = [r for r in rows if r["article_id"] in new_set]
    if not fresh:
        return 0, 0
    fresh_vectors = encode([r["content"] for r in fresh])
    for row, vector in zip(fresh, fresh_vectors, strict=True):
        row["vector"] = vector
        store.execute(
            "INSERT INTO statement_embeddings (statement_id, vector) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [row["id"], _vector_json(vector)],
        )
    infos = [
        StatementInfo(
            id=r["id"],
            article_id=r["article_id"],
            content=r["content"],
            content_start=int(r["content_start"]),
            speaker=r["speaker"] or r["speaker_text"],
            cue=r["cue"],
            vector=r["vector"] if not isinstance(r["vector"], str) else _vector(r["vector"]),
            published=_as_date(r["published"]),
        )
        for r in rows
        if r["vector"] is not None
    ]
    new_ids = {r["id"] for r in fresh}
    n_claims = assign_claims(store, story_id, [i for i in infos if i.id in new_ids])
    relations = relate(infos, new_ids)
    for rel in relations:
        store.execute(
            "INSERT INTO relations (a, b, relation, score, evidence, about) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [rel.a, rel.b, rel.relation, rel.score, rel.evidence, rel.about],
        )
    return n_claims, len(relations)
