"""Claims: the statements of one story that are about the same proposition, with their variants.

A statement joins the claim whose centroid it is closest to when the contents are similar enough, or
when both speak of the same thing in a shape relations can compare (a death toll, an accident-or-
sabotage characterisation, who is responsible, where someone went): "12 killed" and "17 bodies" are
two variants of one claim about the toll, and that is where their conflict is shown.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from whosaid.link import frames
from whosaid.link.writes import insert_rows

if TYPE_CHECKING:
    from whosaid.link.pairing import StatementInfo
    from whosaid.store.base import Store

SAME_CLAIM_COSINE = 0.68
SAME_TOPIC_COSINE = 0.3  # enough when the two share a comparable fact (a toll, a cause, ...)
LABEL_CHARS = 160


def topics(content: str, speaker: str | None = None, cue: str | None = None) -> set[str]:
    """The comparable things a content speaks of ("dead", "cause:0", "responsible", "destination")."""
    return set(_topics(content, speaker, cue))


# Cached: every link group reads the members of the claims of its stories again, and relating asks
# for the topics of every statement of the story (the frame patterns: ~1 s of 4 in a writer profile).
@lru_cache(maxsize=32768)
def _topics(content: str, speaker: str | None, cue: str | None) -> frozenset[str]:
    keys = {f.kind for f in frames.casualty_counts(content)}
    keys |= {f.kind for f in frames.characterisations(content)}
    keys |= {f.kind for f in frames.destinations(content)}
    if frames.responsible_party(content, speaker, cue):
        keys.add("responsible")
    return frozenset(keys)


@dataclass(slots=True)
class ClaimState:
    id: str
    centroid: Any
    n: int
    topics: set[str] = field(default_factory=set)
    is_new: bool = False
    changed: bool = False
    norm: float | None = None  # of ``centroid``, kept until it changes: each new statement asks

    def centroid_norm(self) -> float:
        if self.norm is None:
            self.norm = float(np.linalg.norm(self.centroid)) or 1.0
        return self.norm

    def add(self, vector: Any, topics: set[str]) -> None:
        """Take in one more statement: its vector moves the centroid (whose norm is then asked anew)."""
        self.centroid = (self.centroid * self.n + vector) / (self.n + 1)
        self.norm = None
        self.n += 1
        self.topics |= topics
        self.changed = True


def _vector_json(vector: Any) -> str:
    return json.dumps(np.round(np.asarray(vector, dtype=np.float64), 5).tolist())


def _claims_of_stories(store: Store, story_ids: list[str]) -> dict[str, list[ClaimState]]:
    claims: dict[str, list[ClaimState]] = {story_id: [] for story_id in story_ids}
    for i in range(0, len(story_ids), 500):
        chunk = story_ids[i : i + 500]
        marks = ", ".join("?" * len(chunk))
        members = store.query(
            "SELECT cs.claim_id, s.content, s.speaker, s.cue FROM claims c "
            "JOIN claim_statements cs ON cs.claim_id = c.id JOIN statements s ON s.id = cs.statement_id "
            f"WHERE c.story_id IN ({marks})",
            chunk,
        )
        keys: dict[str, set[str]] = {}
        for m in members:
            keys.setdefault(m["claim_id"], set()).update(topics(m["content"], m["speaker"], m["cue"]))
        for r in store.query(
            "SELECT c.id, c.story_id, v.vector, v.n FROM claims c JOIN claim_vectors v ON v.claim_id = c.id "
            f"WHERE c.story_id IN ({marks}) ORDER BY c.id",
            chunk,
        ):
            vector = np.asarray(json.loads(r["vector"]))
            claims[r["story_id"]].append(ClaimState(r["id"], vector, int(r["n"]), keys.get(r["id"], set())))
    return claims


class ClaimIndex:
    """The centroids of a story's claims as one matrix, kept up to date as statements join, to find
    the claims a statement could join with one matrix product instead of a dot product per claim
    (3,803 statements and 139 claims on 300 synthetic articles: most of the "claims" stage).

    Only a filter: a matrix product sums in another order than ``np.dot`` of one centroid, so it may
    differ in the last bits; a claim is left out only when its cosine is below ``SAME_TOPIC_COSINE``
    by far more than that, and ``best_claim`` decides on the others exactly as before, in order."""

    MARGIN = 1e-6  # far above the rounding of a product of two 384-vectors, far below any decision
    # Claims in a story from which the index is cheaper than a dot product per claim (per statement:
    # 4 claims 4 vs 13 µs, 32 claims 50 vs 6 µs, 139 claims 122 vs 10 µs).
    FROM_CLAIMS = 16

    def __init__(self, claims: list[ClaimState]) -> None:
        self.claims = claims  # the caller's list: a new claim is appended to it, then ``changed``
        self.position: dict[int, int] = {}  # id(claim) -> its row
        self.rows: Any = None
        self.norms: Any = None
        for claim in claims:
            self.changed(claim)

    def changed(self, claim: ClaimState) -> None:
        """``claim`` (one of ``claims``, possibly just appended) has a new centroid."""
        row = self.position.setdefault(id(claim), len(self.position))
        if self.rows is None:
            self.rows = np.zeros((max(16, 2 * len(self.claims)), len(claim.centroid)), dtype=np.float64)
            self.norms = np.ones(len(self.rows), dtype=np.float64)
        if row >= len(self.rows):
            self.rows = np.concatenate([self.rows, np.zeros_like(self.rows)])
            self.norms = np.concatenate([self.norms, np.ones_like(self.norms)])
        self.rows[row] = claim.centroid
        self.norms[row] = claim.centroid_norm()

    def near(self, vector: Any) -> list[ClaimState]:
        """The claims, in order, whose cosine with ``vector`` may reach ``SAME_TOPIC_COSINE``."""
        count = len(self.position)
        if not count:
            return []
        cosines = (self.rows[:count] @ np.asarray(vector, dtype=np.float64)) / self.norms[:count]
        return [self.claims[i] for i in np.flatnonzero(cosines >= SAME_TOPIC_COSINE - self.MARGIN)]


def best_claim(claims: Sequence[ClaimState], vector: Any, keys: set[str]) -> ClaimState | None:
    best: tuple[float, ClaimState] | None = None
    for claim in claims:
        cosine = float(np.dot(claim.centroid, vector)) / claim.centroid_norm()
        shared = bool(keys & claim.topics)
        if cosine >= SAME_CLAIM_COSINE or (shared and cosine >= SAME_TOPIC_COSINE):
            total = cosine + (0.3 if shared else 0.0)
            if best is None or total > best[0]:
                best = (total, claim)
    return best[1] if best else None


def assign_claims(store: Store, new_statements: dict[str, list[StatementInfo]]) -> int:
    """Put each new statement (by story id) into a claim of its story; returns claims started."""
    claims_by_story = _claims_of_stories(store, [s for s, infos in new_statements.items() if infos])
    new_claims: list[tuple[str, str, str]] = []
    memberships: list[tuple[str, str]] = []
    for story_id, claims in claims_by_story.items():
        index: ClaimIndex | None = None
        for info in new_statements[story_id]:
            if index is None and len(claims) >= ClaimIndex.FROM_CLAIMS:
                index = ClaimIndex(claims)
            keys = topics(info.content, info.speaker, info.cue)
            claim = best_claim(index.near(info.vector) if index is not None else claims, info.vector, keys)
            if claim is None:
                claim_id = "claim-" + hashlib.sha256(f"{story_id}|{info.id}".encode()).hexdigest()[:12]
                claim = ClaimState(claim_id, np.zeros_like(info.vector), 0, set(), is_new=True)
                claims.append(claim)
                label = info.content if len(info.content) <= LABEL_CHARS else info.content[:LABEL_CHARS] + "…"
                new_claims.append((claim_id, story_id, label))
            claim.add(info.vector, keys)
            if index is not None:
                index.changed(claim)
            memberships.append((claim.id, info.id))
    changed = [c for claims in claims_by_story.values() for c in claims if c.changed]
    # Changed centroids are rewritten: delete then insert, two statements for the whole batch.
    old_ids = [c.id for c in changed if not c.is_new]
    for i in range(0, len(old_ids), 500):
        chunk = old_ids[i : i + 500]
        store.execute(f"DELETE FROM claim_vectors WHERE claim_id IN ({', '.join('?' * len(chunk))})", chunk)
    insert_rows(store, "claims", ("id", "story_id", "label"), new_claims)
    insert_rows(store, "claim_statements", ("claim_id", "statement_id"), memberships)
    insert_rows(
        store,
        "claim_vectors",
        ("claim_id", "vector", "n"),
        [(c.id, _vector_json(c.centroid), c.n) for c in changed],
    )
    return len(new_claims)
