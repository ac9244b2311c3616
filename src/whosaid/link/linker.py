"""The link stage over the store: stories, claims and relations for newly stored articles.

Incremental by construction: a new article is compared only with stories active within the time
window of its date (their centroids are stored in ``story_vectors``), and a new statement only with
the statements of its story. Nothing already linked is recomputed.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from whosaid.link import story_index
from whosaid.link.claim_groups import assign_claims
from whosaid.link.pairing import StatementInfo, relate_stories
from whosaid.link.statement_vectors import (
    chunks,
    keep_written,
    parse_vector,
    stored_lead,
    stored_vectors,
    vector_json,
)
from whosaid.link.story_index import StoryState, best_story, lead_text, name_keys
from whosaid.link.writes import insert_rows

if TYPE_CHECKING:
    from whosaid.store.base import Store

Encoder = Callable[[Sequence[str]], Any]
LINK_BATCH = 500
# Older articles of a story whose statements a new article's statements are related to (the latest);
# and member articles a new article is compared with to join a story. Both bound the cost per new
# article whatever the size of the story; small stories are read whole.
MAX_CONTEXT_ARTICLES = 200
MAX_STORY_MEMBERS = 400
# Seconds spent in each stage since the last ``STAGE_SECONDS.clear()``: read by the benchmarks.
STAGE_SECONDS: dict[str, float] = {}
# The same stages in CPU seconds of this process (``time.process_time``): what the load of other
# programs does not change.
STAGE_CPU: dict[str, float] = {}


def _add_stage(name: str, started: float, cpu_started: float) -> None:
    STAGE_SECONDS[name] = STAGE_SECONDS.get(name, 0.0) + time.perf_counter() - started
    STAGE_CPU[name] = STAGE_CPU.get(name, 0.0) + time.process_time() - cpu_started


@contextmanager
def _stage(name: str) -> Iterator[None]:
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        _add_stage(name, started, cpu_started)


def _default_encoder(texts: Sequence[str]) -> Any:
    from whosaid.link.embed import encode

    return encode(texts)


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def _short_id(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"


def link_unlinked(store: Store, encoder: Encoder | None = None) -> dict[str, int]:
    rows = store.query(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles) "
        "ORDER BY published, id"
    )
    return link_articles(store, [r["id"] for r in rows], encoder=encoder)


def with_known(encode: Encoder, known: Mapping[str, Any] | None) -> Encoder:
    """``encode``, taking the vectors of texts already embedded (by the analysis step) from ``known``."""
    if not known:
        return encode

    def encode_missing(texts: Sequence[str]) -> Any:
        if not texts:
            return encode(texts)
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        computed = dict(zip(missing, encode(missing), strict=True)) if missing else {}
        rows = [known[t] if t in known else computed[t] for t in texts]
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), -1)

    return encode_missing


def link_articles(
    store: Store,
    article_ids: Sequence[str],
    encoder: Encoder | None = None,
    known: Mapping[str, Any] | None = None,
) -> dict[str, int]:
    """Place the articles into stories, then group and relate their statements. Returns counts.

    ``known`` maps texts (leads, statement contents) to vectors computed already, e.g. by
    ``embed.article_vectors`` in the analysis step; the others are encoded here."""
    if len(article_ids) > LINK_BATCH:
        # In batches: memory stays bounded and each batch sees the stories of those before it.
        summary = {"articles": 0, "stories": 0, "claims": 0, "relations": 0}
        for i in range(0, len(article_ids), LINK_BATCH):
            batch = article_ids[i : i + LINK_BATCH]
            for key, value in link_articles(store, batch, encoder, known).items():
                summary[key] += value
        return summary
    from threadpoolctl import threadpool_limits

    # BLAS on one thread: linking's matrix products are small (a story's statements, 32 principal
    # components), and under load a second OpenBLAS thread spun for them: the stance model's
    # projection took ~9 ms a call in a writer profile, 0.4 ms alone. Results are the same.
    with threadpool_limits(limits=1, user_api="blas"):
        return _link_batch(store, article_ids, encoder, known)


def _link_batch(
    store: Store,
    article_ids: Sequence[str],
    encoder: Encoder | None,
    known: Mapping[str, Any] | None,
) -> dict[str, int]:
    encode = with_known(encoder or _default_encoder, known)
    with _stage("read articles"):
        articles = _unlinked_articles(store, article_ids)
    summary = {"articles": len(articles), "stories": 0, "claims": 0, "relations": 0}
    if not articles:
        return summary
    with _stage("embed leads"):
        vectors = encode([lead_text(a["title"], a["text"]) for a in articles])
    days = [_as_date(a["published"]) or _as_date(a["ingested_at"]) or date.today() for a in articles]
    window = timedelta(days=story_index.WINDOW_DAYS)
    with _stage("read stories"):
        candidates = _stories_between(store, min(days) - window, max(days) + window)
        stored_names = _stored_names(store, [a["id"] for a in articles])
    place_started, place_cpu = time.perf_counter(), time.process_time()
    new_stories: list[StoryState] = []
    placed: dict[str, list[str]] = {}
    for article, vector, day in zip(articles, vectors, days, strict=True):
        names = name_keys(lead_text(article["title"], article["text"])) | stored_names[article["id"]]
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
    _add_stage("place stories", place_started, place_cpu)
    with store.transaction():
        with _stage("write stories"):
            _save_stories(store, candidates, new_stories, placed)
        insert_rows(
            store,
            "article_embeddings",
            ("article_id", "vector", "entities"),
            [
                (a["id"], vector_json(v), json.dumps(sorted(a["_names"])))
                for a, v in zip(articles, vectors, strict=True)
            ],
        )
        span = (min(days) - window, max(days) + window)
        written: dict[str, Any] = {}
        summary["claims"], summary["relations"] = _link_statements(
            store, placed, encode, span, known, written
        )
    keep_written(store, written)  # committed: now they are the stored vectors
    summary["stories"] = len(new_stories)
    return summary


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


def _stored_names(store: Store, article_ids: list[str]) -> dict[str, set[str]]:
    """Names the entity stage found (people, organisations, places), as lower-cased keys."""
    names: dict[str, set[str]] = {a: set() for a in article_ids}
    for chunk in chunks(article_ids):
        for row in store.query(
            "SELECT DISTINCT m.article_id, coalesce(e.name, m.text) AS name FROM mentions m "
            "LEFT JOIN entities e ON e.id = m.entity_id "
            f"WHERE m.kind = 'name' AND m.article_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            if row["name"]:
                names[row["article_id"]].add(str(row["name"]).lower())
    return names


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
            parse_vector(r["vector"]),
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
            "SELECT story_id, article_id, vector FROM (SELECT sa.story_id, sa.article_id, e.vector, "
            "ROW_NUMBER() OVER ("
            "PARTITION BY sa.story_id ORDER BY a.published DESC NULLS LAST, sa.article_id DESC) AS latest "
            "FROM story_articles sa JOIN article_embeddings e ON e.article_id = sa.article_id "
            f"JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN ({marks})) ranked "
            "WHERE latest <= ?",
            [*chunk, MAX_STORY_MEMBERS],
        ):
            stories[row["story_id"]].members.append(stored_lead(store, row["article_id"], row["vector"]))
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
    insert_rows(
        store,
        "story_articles",
        ("story_id", "article_id"),
        [(story_id, article_id) for story_id, ids in placed.items() for article_id in ids],
    )


def _statement_rows(
    store: Store, story_ids: list[str], span: tuple[date, date], new_articles: set[str]
) -> list[dict[str, Any]]:
    """Statements of the stories: all of the new articles, and those of the older articles published
    within ``span`` (the batch's days and the story window), at most ``MAX_CONTEXT_ARTICLES`` of the
    latest per story. So a new article costs the same in a story of ten articles or of ten thousand."""
    rows: list[dict[str, Any]] = []
    for chunk in chunks(story_ids):
        rows.extend(
            store.query(
                "SELECT sa.story_id, s.id, s.article_id, s.idx, s.content, s.content_start, s.speaker, "
                "s.speaker_text, s.cue, a.published FROM story_articles sa "
                "JOIN statements s ON s.article_id = sa.article_id JOIN articles a ON a.id = s.article_id "
                f"WHERE sa.story_id IN ({', '.join('?' * len(chunk))}) "
                "AND (a.published IS NULL OR (a.published >= ? AND a.published <= ?))",
                [*chunk, *span],
            )
        )
    rows.sort(key=lambda r: (_as_date(r["published"]) or date.min, r["article_id"], r["idx"]))
    older: dict[str, list[str]] = {}
    for r in rows:
        ids = older.setdefault(r["story_id"], [])
        if r["article_id"] not in new_articles and (not ids or ids[-1] != r["article_id"]):
            ids.append(r["article_id"])
    kept = {a for ids in older.values() for a in ids[-MAX_CONTEXT_ARTICLES:]} | new_articles
    return [r for r in rows if r["article_id"] in kept]


def _link_statements(
    store: Store,
    placed: dict[str, list[str]],
    encode: Encoder,
    span: tuple[date, date],
    known: Mapping[str, Any] | None = None,
    written: dict[str, Any] | None = None,
) -> tuple[int, int]:
    """Embed the new articles' statements, put them into claims, relate them within their story.
    ``written`` receives the statement vectors written, by statement id."""
    new_articles = {a for ids in placed.values() for a in ids}
    with _stage("read statements"):
        rows = _statement_rows(store, list(placed), span, new_articles)
        fresh = [r for r in rows if r["article_id"] in new_articles]
        if not fresh:
            return 0, 0
        vectors = stored_vectors(store, [r["id"] for r in rows if r["article_id"] not in new_articles])
    with _stage("embed statements"):
        vectors.update(zip([r["id"] for r in fresh], encode([r["content"] for r in fresh]), strict=True))
    with _stage("write embeddings"):
        insert_rows(
            store,
            "statement_embeddings",
            ("statement_id", "vector"),
            [(r["id"], vector_json(vectors[r["id"]])) for r in fresh],
        )
        if written is not None:
            written.update((r["id"], vectors[r["id"]]) for r in fresh)
    by_story: dict[str, list[StatementInfo]] = {}
    for r in rows:
        if r["id"] not in vectors:
            continue
        by_story.setdefault(r["story_id"], []).append(
            StatementInfo(
                id=r["id"],
                article_id=r["article_id"],
                content=r["content"],
                content_start=int(r["content_start"]),
                speaker=r["speaker"] or r["speaker_text"],
                cue=r["cue"],
                vector=vectors[r["id"]],
                published=_as_date(r["published"]),
            )
        )
    new_ids = {r["id"] for r in fresh}
    with _stage("claims"):
        n_claims = assign_claims(
            store, {story: [i for i in infos if i.id in new_ids] for story, infos in by_story.items()}
        )
    with _stage("relations"):
        relations = relate_stories(list(by_story.values()), new_ids, known)
    with _stage("write relations"):
        insert_rows(
            store,
            "relations",
            ("a", "b", "relation", "score", "evidence", "about"),
            [(r.a, r.b, r.relation, r.score, r.evidence, r.about) for r in relations],
        )
    return n_claims, len(relations)
