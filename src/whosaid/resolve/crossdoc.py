"""Across articles: one store entity per real-world person, organisation or place.

A cluster joins a stored entity when their names can denote the same bearer and nothing rules it
out: for people the surname and the given names agree ("Hillary Clinton" never joins an entity known
as "Bill Clinton"), and roles with different nationalities keep two people apart. A bare surname
that several stored people bear goes to the one other articles already call by it: within an article
it went to the principal subject (``clusters``), so that alias is what a reader's "Clinton" means.
Only when no such alias decides does it go to the bearer named most often, and its reason says that
this is a guess; organisations and places join on an equal name. Unnamed groups
("critics", "officials") stay with their article. The user's overrides file has the last word.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from whosaid.model import ArticleAnalysis, Entity, Statement
from whosaid.resolve.entity_pool import Candidate, Pool, name_keys
from whosaid.resolve.names import clean_name, fold, nationalities, person_name, same_person_name
from whosaid.resolve.org_match import place_words, short_form_match, short_form_words
from whosaid.resolve.org_names import ORG_TYPES, is_bare_head
from whosaid.resolve.overrides import Overrides
from whosaid.store.rows import ALIAS_WORD_COLUMNS, alias_word_rows

if TYPE_CHECKING:
    from whosaid.store.base import Row, Store

MERGEABLE = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_READY: set[str] = set()  # stores (by url) known to have the entity_clusters table
PLACES_AND_ORGS = {"ORG", "GPE", "LOC", "FAC", "NORP"}
CLUSTER_COLUMNS = (
    "article_id", "cluster", "entity_id", "name", "type", "aliases", "roles", "reason", "mention_reasons"
)  # fmt: skip


def _role_conflict(roles_a: list[str], roles_b: list[str]) -> bool:
    a = set().union(*(nationalities(r) for r in roles_a)) if roles_a else set()
    b = set().union(*(nationalities(r) for r in roles_b)) if roles_b else set()
    return bool(a and b and not a & b)


def _apart(overrides: Overrides, names: list[str], candidate: Candidate) -> bool:
    return any(overrides.kept_apart(n, a) for n in names for a in [candidate.name, *candidate.aliases])


def _person_match(store: Pool, entity: Entity, overrides: Overrides) -> tuple[Candidate | None, str]:
    parts = person_name(entity.name)
    if parts is None:
        return None, ""
    surname = parts.surname
    # the surname alone, last, or before a suffix ("Joseph R. Biden Jr."); the name rules filter after
    pool = store.by_surname(surname)
    names = [entity.name, *entity.aliases]
    fitting: list[tuple[int, Candidate]] = []
    for cand in pool:
        if cand.type != "PERSON" or _apart(overrides, names, cand):
            continue
        cand_parts = [p for p in (person_name(a) for a in [cand.name, *cand.aliases]) if p]
        if not all(same_person_name(parts, p) for p in cand_parts if p.surname == surname):
            continue
        if _role_conflict(entity.roles, cand.roles):
            continue
        exact = any(fold(clean_name(a)) == fold(clean_name(entity.name)) for a in [cand.name, *cand.aliases])
        given = any(p.given and parts.given and p.given[0] == parts.given[0] for p in cand_parts)
        fitting.append((2 if exact else 1 if given else 0, cand))
    if not fitting:
        return None, ""
    score, best = max(fitting, key=lambda f: (f[0], f[1].mentions))
    called = sum(1 for f in fitting if f[0] == 2)
    if score == 2 and parts.is_single and called > 1:
        return best, (
            f"'{entity.name}' alone names {called} stored people in other articles; "
            f"given to '{best.name}', named most often"
        )
    if score == 2:
        return best, f"same name as stored '{best.name}'"
    if score == 1:
        return best, f"same given name and surname as stored '{best.name}'"
    if parts.is_single and len(fitting) > 1:
        # no stored article calls any of them by the surname alone: nothing says which one is meant
        return best, (
            f"'{entity.name}' fits {len(fitting)} stored people and no article calls one of them "
            f"'{entity.name}' alone; given to '{best.name}', named most often (a guess)"
        )
    return best, f"names agree with stored '{best.name}' (surname '{surname}')"


def _other_match(store: Pool, entity: Entity, overrides: Overrides) -> tuple[Candidate | None, str]:
    names = [entity.name, *entity.aliases]
    keys = name_keys(entity)
    if not keys:
        return None, ""
    pool = store.by_names(keys)
    fitting = [
        c
        for c in pool
        if (c.type == entity.type or {c.type, entity.type} <= PLACES_AND_ORGS)
        and not _apart(overrides, names, c)
    ]
    if not fitting:
        return None, ""
    best = max(fitting, key=lambda c: (c.type == entity.type, c.mentions))
    return best, f"same name as stored '{best.name}'"


def _override_match(store: Pool, entity: Entity, overrides: Overrides) -> tuple[Candidate | None, str]:
    wanted = sorted(set().union(*(overrides.same_names(n) for n in [entity.name, *entity.aliases])))
    if not wanted:
        return None, ""
    rows = [
        (r["entity_id"], r["alias"]) for r in store.store.query("SELECT entity_id, alias FROM entity_aliases")
    ]
    ids = {i for i, alias in rows + store.pending_aliases() if fold(clean_name(alias)) in wanted}
    store.fetch(sorted(ids))
    pool = [store.by_id[i] for i in sorted(ids) if i in store.by_id]
    if not pool:
        return None, ""
    best = max(pool, key=lambda c: c.mentions)
    return best, f"same-as override: '{entity.name}' is '{best.name}'"


def match(
    store: Pool, entity: Entity, overrides: Overrides, proper: frozenset[str] = frozenset()
) -> tuple[Candidate | None, str]:
    """The stored entity this cluster is, and why; (None, why not) for a new entity.

    ``store`` holds the candidates read for the whole article (``Pool.prefetch``); ``proper`` are the
    article's ``place_words``, which let an organisation's short form join its full name."""
    if entity.type not in MERGEABLE or not entity.aliases:
        return None, "unnamed group: kept to its article"
    if entity.type in ORG_TYPES and all(is_bare_head(n) for n in [entity.name, *entity.aliases]):
        return None, f"'{entity.name}' alone names no one organisation: kept to its article"
    found, why = _override_match(store, entity, overrides)
    if found is None and entity.type in {"ORG", "NORP"} and " " not in entity.name:
        # the tagger calls many bare surnames organisations ("Trump"): a stored person of that name
        found, why = _person_match(store, entity, overrides)
        why = f"{why}; '{entity.name}' was tagged {entity.type} but names a stored person" if found else why
    if found is None:
        found, why = (_person_match if entity.type == "PERSON" else _other_match)(store, entity, overrides)
    if found is None and entity.type in ORG_TYPES:
        found, why = short_form_match(store, entity, overrides, proper)
    return (found, why) if found else (None, "no stored entity with an agreeing name: new entity")


def id_tries(entity: Entity, article_id: str) -> list[str]:
    """The ids ``new_id`` tries in turn, its last resort last."""
    tries = []
    for salt in ("", article_id, f"{article_id}:{entity.cluster}"):
        digest = hashlib.sha1(f"{entity.type}|{fold(entity.name)}|{salt}".encode()).hexdigest()[:12]
        tries.append(f"e{digest}")
    tries.append(f"e{hashlib.sha1(f'{article_id}:{entity.cluster}:{entity.name}'.encode()).hexdigest()[:16]}")
    return tries


def new_id(store: Pool, entity: Entity, article_id: str) -> str:
    """Readable-free but stable ids: the same name in the same type gets the same id on re-ingest."""
    tries = id_tries(entity, article_id)
    taken = store.existing_ids(tries)
    return next((candidate for candidate in tries[:-1] if candidate not in taken), tries[-1])


def _fuller(name: str, than: str) -> bool:
    """Rename a stored entity only from a bare surname to a full name."""
    a, b = person_name(name), person_name(than)
    return bool(a and b and a.given and not b.given)


def statement_cluster(analysis: ArticleAnalysis, statement: Statement) -> int | None:
    """The cluster of a statement's speaker: the one resolve_article named it after (its span breaks
    a tie between clusters of one name)."""
    if not statement.speaker:
        return None
    named = [
        e.cluster
        for e in analysis.entities
        if e.cluster is not None and fold(e.name) == fold(statement.speaker)
    ]
    span = statement.speaker_span
    if len(named) > 1 and span is not None:
        for m in analysis.mentions:
            if m.cluster in named and m.span.start < span.end and span.start < m.span.end:
                return m.cluster
    return named[0] if named else None


def _match_clusters(
    pool: Pool,
    article_id: str,
    entities: list[Entity],
    reasons: dict[int, list[list[object]]],
    overrides: Overrides,
) -> tuple[dict[int, str], list[list[object]]]:
    """Match or create the store entity of every cluster in ``pool``: cluster index -> entity id,
    and the ``entity_clusters`` rows saying why."""
    given: dict[int, str] = {}
    cluster_rows: list[list[object]] = []
    proper = place_words(entities)
    for entity in entities:
        found, why = match(pool, entity, overrides, proper)
        if found is None:
            entity.id = new_id(pool, entity, article_id)
            if entity.id in pool.existing_ids([entity.id]):
                pool.fetch([entity.id])  # only new_id's last resort can be stored already
            else:
                pool.create(entity)
        else:
            entity.id = found.id
            if found.type == "PERSON" and _fuller(entity.name, found.name):
                pool.rename(found.id, entity.name)
        pool.add_names(entity)
        if entity.cluster is None:
            continue
        given[entity.cluster] = entity.id
        cluster_rows.append(
            [article_id, entity.cluster, entity.id, entity.name, entity.type, json.dumps(entity.aliases),
             json.dumps(entity.roles), why, json.dumps(reasons.get(entity.cluster, []))]
        )  # fmt: skip
    return given, cluster_rows


def _give_ids(
    store: Store,
    article_id: str,
    entities: list[Entity],
    reasons: dict[int, list[list[object]]],
    overrides: Overrides,
) -> dict[int, str]:
    """Match or create the store entity of every cluster; record why; cluster index -> entity id."""
    store.execute("DELETE FROM entity_clusters WHERE article_id = ?", [article_id])
    pool = Pool(store)
    tries = [i for entity in entities for i in id_tries(entity, article_id)]
    pool.prefetch(entities, MERGEABLE, tries, short_form_words(entities))
    given, cluster_rows = _match_clusters(pool, article_id, entities, reasons, overrides)
    pool.flush()
    pool.insert("entity_clusters", CLUSTER_COLUMNS, cluster_rows)
    return given


def ensure_table(store: Store) -> None:
    """Stores made before ``entity_clusters`` joined the schema lack it: create it from schema.sql."""
    if store.url in _READY:
        return
    from whosaid.store.schema import schema_sql

    found = re.search(r"CREATE TABLE IF NOT EXISTS entity_clusters \(.*?\n\);", schema_sql(), re.DOTALL)
    if found:
        store.execute(re.sub(r"--[^\n]*", "", found.group(0)))
    # Stores written before alias_words existed: index their aliases once, or no surname finds them.
    if not store.query("SELECT 1 AS x FROM alias_words LIMIT 1"):
        rows = store.query("SELECT entity_id, alias FROM entity_aliases")
        Pool(store).insert(
            "alias_words", ALIAS_WORD_COLUMNS, alias_word_rows((r["entity_id"], r["alias"]) for r in rows)
        )
    _READY.add(store.url)


def _mention_reasons(analysis: ArticleAnalysis) -> dict[int, list[list[object]]]:
    reasons: dict[int, list[list[object]]] = {}
    for m in analysis.mentions:
        reasons.setdefault(m.cluster, []).append([m.span.start, m.span.end, m.text, m.kind, m.reason or ""])
    return reasons


def _apply(analysis: ArticleAnalysis, given: dict[int, str]) -> None:
    for mention in analysis.mentions:
        mention.entity_id = given.get(mention.cluster)
    for statement in analysis.statements:
        cluster = statement_cluster(analysis, statement)
        statement.speaker_entity_id = given.get(cluster) if cluster is not None else None


def assign(store: Store, analysis: ArticleAnalysis, overrides: Overrides) -> None:
    ensure_table(store)
    given = _give_ids(store, analysis.article.id, analysis.entities, _mention_reasons(analysis), overrides)
    _apply(analysis, given)


def stored_mention_entities(analysis: ArticleAnalysis) -> list[str]:
    """The entity of each mention row ``Store.add`` writes (one per span), where it has one."""
    rows: dict[tuple[int, int], str | None] = {}
    for m in analysis.mentions:
        rows.setdefault((m.span.start, m.span.end), m.entity_id)
    return [entity_id for entity_id in rows.values() if entity_id is not None]


def assign_many(store: Store, analyses: Sequence[ArticleAnalysis], overrides: Overrides) -> None:
    """``assign`` of each analysis in turn, each seeing the entities, names and mentions of those
    before it as if they were stored already, which is what ``Store.add_many`` then does.

    One pool serves them all: candidates are read in one pass and the new rows written in one
    multi-row statement per table, instead of a dozen statements for every article."""
    if len(analyses) == 1:
        assign(store, analyses[0], overrides)
        return
    ensure_table(store)
    ids = [a.article.id for a in analyses]
    marks = ", ".join("?" * len(ids))
    store.execute(f"DELETE FROM entity_clusters WHERE article_id IN ({marks})", ids)
    # Store.add stores no mention of an article it has already: those count for nothing
    counted = set(store.stored_ids(ids))
    pool = Pool(store)
    tries = [i for a in analyses for entity in a.entities for i in id_tries(entity, a.article.id)]
    words = sorted({w for a in analyses for w in short_form_words(a.entities)})
    pool.prefetch([entity for a in analyses for entity in a.entities], MERGEABLE, tries, words)
    cluster_rows: list[list[object]] = []
    for analysis in analyses:
        article_id = analysis.article.id
        given, rows = _match_clusters(
            pool, article_id, analysis.entities, _mention_reasons(analysis), overrides
        )
        _apply(analysis, given)
        cluster_rows.extend(rows)
        if article_id not in counted:
            counted.add(article_id)
            pool.count_mentions(stored_mention_entities(analysis))
    pool.flush()
    pool.insert("entity_clusters", CLUSTER_COLUMNS, cluster_rows)


def reassign_all(store: Store, overrides: Overrides) -> int:
    """Redo cross-article resolution of every stored article, in ingestion order, under the current
    overrides (in-article clusters are kept as they were found). Returns the number of entities."""
    ensure_table(store)
    rows = store.query(
        "SELECT c.* FROM entity_clusters c JOIN articles a ON a.id = c.article_id "
        "ORDER BY a.ingested_at, c.article_id, c.cluster"
    )
    # Two transactions: DuckDB checks a foreign key against rows deleted earlier in the same
    # transaction, so aliases and roles must be gone (committed) before their entities go. A failure
    # in between leaves entities without aliases, which running this again repairs.
    with store.transaction():
        for table in ("alias_words", "entity_aliases", "entity_roles"):
            store.execute(f"DELETE FROM {table}")
    with store.transaction():
        store.execute("DELETE FROM entities")
        store.execute("UPDATE mentions SET entity_id = NULL")
        store.execute("UPDATE statements SET speaker_entity_id = NULL")
        by_article: dict[str, list[Row]] = {}
        for row in rows:
            by_article.setdefault(row["article_id"], []).append(row)
        for article_id, clusters in by_article.items():
            entities = [
                Entity(r["name"], r["type"], aliases=json.loads(r["aliases"]), roles=json.loads(r["roles"]),
                       cluster=int(r["cluster"]), article_id=article_id)
                for r in clusters
            ]  # fmt: skip
            reasons = {int(r["cluster"]): json.loads(r["mention_reasons"]) for r in clusters}
            given = _give_ids(store, article_id, entities, reasons, overrides)
            for entity in entities:
                store.execute(
                    "UPDATE mentions SET entity_id = ? WHERE article_id = ? AND cluster = ?",
                    [given[entity.cluster or 0], article_id, entity.cluster],
                )
                store.execute(
                    "UPDATE statements SET speaker_entity_id = ? WHERE article_id = ? AND speaker = ?",
                    [given[entity.cluster or 0], article_id, entity.name],
                )
    return int(store.query("SELECT count(*) AS n FROM entities")[0]["n"])
