"""The stored entities one article's clusters may join, read in a handful of queries, and its writes.

Cross-article resolution used to ask the store one question per cluster and three per candidate, and
to write every alias in its own statement: ~200 statements an article, ~1 ms each in DuckDB. A pool
reads the candidates of all the article's clusters at once (names that can match, then their
aliases, roles and mention counts), keeps what the article itself adds so that a later cluster of the
same article sees it as the store would, and writes the article's new rows in a few multi-row
statements. Matching decisions are unchanged: they are the same tests, run on the same rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from whosaid.resolve.names import clean_name, person_name
from whosaid.store.rows import ALIAS_WORD_COLUMNS, alias_word_rows

if TYPE_CHECKING:
    from whosaid.model import Entity
    from whosaid.store.base import Store

# Values per IN list or multi-row INSERT: well under PostgreSQL's 65,535 parameters.
_CHUNK = 500
_MAX_PARAMS = 4000


@dataclass(slots=True)
class Candidate:
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    mentions: int


def surname_fits(alias: str, surname: str) -> bool:
    """The SQL test ``lower(alias) = s OR LIKE '% s' OR LIKE '% s %'``, in Python."""
    low = alias.lower()
    return low == surname or low.endswith(" " + surname) or f" {surname} " in low


def person_surname(entity: Entity) -> str | None:
    parts = person_name(entity.name)
    return parts.surname if parts else None


def name_keys(entity: Entity) -> list[str]:
    return sorted({clean_name(n).lower() for n in [entity.name, *entity.aliases] if clean_name(n)})


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


class Pool:
    """Candidates (stored, or created earlier in this article) and the rows the article will add."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.by_id: dict[str, Candidate] = {}  # in store order, then in creation order
        # Which candidates have an alias with this lower-cased word, or equal to this lower-cased
        # alias: a pool shared by a batch of articles holds thousands, too many to scan per name.
        self._by_word: dict[str, set[str]] = {}
        self._by_alias: dict[str, set[str]] = {}
        self._position: dict[str, int] = {}  # place in by_id
        self.taken_ids: set[str] = set()  # entity ids known to exist (stored or created here)
        self.absent_ids: set[str] = set()  # entity ids known not to exist
        # PostgreSQL may have concurrent writers: keep ON CONFLICT there; DuckDB has one writer per
        # file, so rows known to be missing are inserted plainly (ON CONFLICT costs ~3.5 ms there).
        self.conflict = "" if store.skip_existing_by_lookup else " ON CONFLICT DO NOTHING"
        # mentions of articles matched earlier with this pool, not stored yet (``assign_many``)
        self._unstored_mentions: Counter[str] = Counter()
        self._entities: list[tuple[str, str, str]] = []
        self._aliases: dict[tuple[str, str], None] = {}
        self._roles: dict[tuple[str, str], None] = {}

    # --- reading ------------------------------------------------------------------------------------
    def prefetch(
        self,
        entities: Sequence[Entity],
        mergeable: set[str],
        ids: Sequence[str] = (),
        words: Sequence[str] = (),
    ) -> None:
        """Every stored entity any of these clusters could match by surname or by name, or that has an
        alias with one of ``words`` (lower-cased), in one pass, and whether each of ``ids`` (the ids
        new entities would take) is stored already."""
        equal: set[str] = set()
        surnames: set[str] = set()
        for entity in entities:
            if entity.type not in mergeable or not entity.aliases:
                continue
            if entity.type == "PERSON" or (entity.type in {"ORG", "NORP"} and " " not in entity.name):
                surname = person_surname(entity)
                if surname:
                    surnames.add(surname)
            if entity.type != "PERSON":
                equal.update(name_keys(entity))
        equal |= surnames
        # Each key is one word of every alias it can match (the surname, or the first word of a name):
        # the index on alias_words finds those entities, and by_surname / by_names test the aliases.
        words = sorted({k.split(" ")[-1] for k in surnames} | {k.split(" ")[0] for k in equal} | set(words))
        found: set[str] = set()
        for chunk in _chunks(words):
            marks = ", ".join("?" * len(chunk))
            rows = self.store.query(
                f"SELECT DISTINCT entity_id FROM alias_words WHERE word IN ({marks})", chunk
            )
            found.update(r["entity_id"] for r in rows)
        # A stored entity under one of ``ids`` joins the pool too: harmless, as candidates are chosen
        # by their aliases. Which ids exist is asked apart (one narrow query): a batch of articles
        # tries ~4 ids per cluster, mostly absent, which made the wide fetch query below slow.
        stored = self.existing_ids(ids)
        self.fetch(sorted(found | stored))

    def fetch(self, ids: Sequence[str]) -> None:
        """Load these stored entities with their aliases, roles and mention counts: one query per few
        hundred ids (each round trip costs ~1 ms in DuckDB, more on a busy machine)."""
        wanted = [i for i in ids if i not in self.by_id]
        heads: list[tuple[str, str, str]] = []
        names: dict[str, list[str]] = {i: [] for i in wanted}
        roles: dict[str, list[str]] = {i: [] for i in wanted}
        counts: dict[str, int] = {}
        # SqlStore keeps mention counts (counting is linear in an entity's mentions); others count here
        cached = getattr(self.store, "mention_counts", None)
        for chunk in _chunks(wanted, _CHUNK // 4):
            marks = ", ".join("?" * len(chunk))
            sql = (
                "SELECT 'h' AS k, id AS entity_id, name AS v, type AS t, 0 AS n FROM entities "
                f"WHERE id IN ({marks}) "
                "UNION ALL SELECT 'a' AS k, entity_id, alias AS v, '' AS t, 0 AS n FROM entity_aliases "
                f"WHERE entity_id IN ({marks}) "
                "UNION ALL SELECT 'r' AS k, entity_id, role AS v, '' AS t, 0 AS n FROM entity_roles "
                f"WHERE entity_id IN ({marks})"
            )
            params = [*chunk, *chunk, *chunk]
            if cached is None:
                sql += (
                    " UNION ALL SELECT 'm' AS k, entity_id, '' AS v, '' AS t, count(*) AS n FROM mentions "
                    f"WHERE entity_id IN ({marks}) GROUP BY entity_id"
                )
                params += chunk
            for r in self.store.query(sql, params):
                if r["k"] == "h":
                    heads.append((r["entity_id"], r["v"], r["t"]))
                elif r["k"] == "a":
                    names[r["entity_id"]].append(r["v"])
                elif r["k"] == "r":
                    roles[r["entity_id"]].append(r["v"])
                else:
                    counts[r["entity_id"]] = int(r["n"] or 0)
        if cached is not None and heads:
            counts = cached([i for i, _, _ in heads])
        # store order, as the one-query-per-cluster version met them (it breaks ties between equals)
        for i, name, type_ in heads:
            mentions = counts.get(i, 0) + self._unstored_mentions[i]
            self._enter(Candidate(i, name, type_, names[i], roles[i], mentions))
            self.taken_ids.add(i)

    def _enter(self, candidate: Candidate) -> None:
        self._position[candidate.id] = len(self._position)
        self.by_id[candidate.id] = candidate
        for alias in candidate.aliases:
            self._index(candidate.id, alias)

    def _index(self, entity_id: str, alias: str) -> None:
        low = alias.lower()
        self._by_alias.setdefault(low, set()).add(entity_id)
        for word in low.split(" "):
            self._by_word.setdefault(word, set()).add(entity_id)

    def _in_order(self, ids: Iterable[str]) -> list[Candidate]:
        return [self.by_id[i] for i in sorted(ids, key=self._position.__getitem__)]

    def by_surname(self, surname: str) -> list[Candidate]:
        # an alias that fits the surname has the surname's last word among its words
        near = self._by_word.get(surname.split(" ")[-1], set())
        return [c for c in self._in_order(near) if any(surname_fits(a, surname) for a in c.aliases)]

    def by_word(self, word: str) -> list[Candidate]:
        """Candidates with an alias that has this lower-cased word."""
        return self._in_order(self._by_word.get(word, set()))

    def by_names(self, keys: Sequence[str]) -> list[Candidate]:
        return self._in_order(set().union(*(self._by_alias.get(k, set()) for k in set(keys))))

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these entity ids are stored or already created by this article."""
        unknown = sorted({i for i in ids if i not in self.taken_ids and i not in self.absent_ids})
        for chunk in _chunks(unknown):
            marks = ", ".join("?" * len(chunk))
            rows = self.store.query(f"SELECT id FROM entities WHERE id IN ({marks})", chunk)
            self.taken_ids.update(r["id"] for r in rows)
        self.absent_ids.update(i for i in unknown if i not in self.taken_ids)
        return {i for i in ids if i in self.taken_ids}

    def count_mentions(self, entity_ids: Iterable[str]) -> None:
        """Mentions an earlier article of the batch will store: later articles see them counted."""
        for entity_id in entity_ids:
            self._unstored_mentions[entity_id] += 1
            known = self.by_id.get(entity_id)
            if known is not None:
                known.mentions += 1

    # --- writing ------------------------------------------------------------------------------------
    def create(self, entity: Entity) -> None:
        """A new store entity for this cluster (written by ``flush``); later clusters can match it."""
        assert entity.id is not None
        self._entities.append((entity.id, entity.name, entity.type))
        self.taken_ids.add(entity.id)
        self.absent_ids.discard(entity.id)
        self._enter(Candidate(entity.id, entity.name, entity.type, [], [], 0))

    def rename(self, entity_id: str, name: str) -> None:
        pending = [n for n, row in enumerate(self._entities) if row[0] == entity_id]
        for n in pending:
            self._entities[n] = (entity_id, name, self._entities[n][2])
        if not pending:
            self.store.execute("UPDATE entities SET name = ? WHERE id = ?", [name, entity_id])
        self.by_id[entity_id].name = name

    def add_names(self, entity: Entity) -> None:
        """Aliases and roles of the cluster, now visible to the next clusters, written by ``flush``."""
        assert entity.id is not None
        known = self.by_id.get(entity.id)
        for alias in dict.fromkeys([entity.name, *entity.aliases]):
            if known is None or alias not in known.aliases:
                self._aliases[(entity.id, alias)] = None
                if known is not None:
                    known.aliases.append(alias)
                    self._index(known.id, alias)
        for role in dict.fromkeys(entity.roles):
            if known is None or role not in known.roles:
                self._roles[(entity.id, role)] = None
                if known is not None:
                    known.roles.append(role)

    def pending_aliases(self) -> list[tuple[str, str]]:
        return list(self._aliases)

    def flush(self) -> None:
        self.insert("entities", ("id", "name", "type"), self._entities, self.conflict)
        aliases = list(self._aliases)
        if self.conflict and aliases:  # only the aliases really added get their words
            aliases = [
                (r["entity_id"], r["alias"])
                for chunk in _chunks(aliases, _MAX_PARAMS // 2)
                for r in self.store.query(
                    "INSERT INTO entity_aliases (entity_id, alias) VALUES "
                    + ", ".join(["(?, ?)"] * len(chunk))
                    + " ON CONFLICT DO NOTHING RETURNING entity_id, alias",
                    [v for row in chunk for v in row],
                )
            ]
        else:
            self.insert("entity_aliases", ("entity_id", "alias"), aliases)
        self.insert("alias_words", ALIAS_WORD_COLUMNS, alias_word_rows(aliases))
        self.insert("entity_roles", ("entity_id", "role"), list(self._roles), self.conflict)
        self._entities, self._aliases, self._roles = [], {}, {}

    def insert(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], conflict: str = ""
    ) -> None:
        if not rows:
            return
        fast = getattr(self.store, "insert_rows", None)
        if fast is not None and not conflict:  # rows known to be new: DuckDB takes them from Arrow
            fast(table, columns, [tuple(row) for row in rows])
            return
        one = "(" + ", ".join("?" * len(columns)) + ")"
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        for chunk in _chunks(rows, max(1, _MAX_PARAMS // len(columns))):
            self.store.execute(
                head + ", ".join([one] * len(chunk)) + conflict,
                [v for row in chunk for v in row],
            )
