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
from typing import TYPE_CHECKING, Any

import numpy as np

from whosaid.link import frames

if TYPE_CHECKING:
    from whosaid.link.pairing import StatementInfo
    from whosaid.store.base import Store

SAME_CLAIM_COSINE = 0.68
SAME_TOPIC_COSINE = 0.3  # enough when the two share a comparable fact (a toll, a cause, ...)
LABEL_CHARS = 160


def topics(content: str, speaker: str | None = None, cue: str | None = None) -> set[str]:
    """The comparable things a content speaks of ("dead", "cause:0", "responsible", "destination")."""
    keys = {f.kind for f in frames.casualty_counts(content)}
    keys |= {f.kind for f in frames.characterisations(content)}
    keys |= {f.kind for f in frames.destinations(content)}
    if frames.responsible_party(content, speaker, cue):
        keys.add("responsible")
    return keys


@dataclass(slots=True)
class ClaimState:
    id: str
    centroid: Any
    n: int
    topics: set[str] = field(default_factory=set)
    is_new: bool = False
    changed: bool = False


def _claims_of_story(store: Store, story_id: str) -> list[ClaimState]:
    rows = store.query(
        "SELECT c.id, v.vector, v.n FROM claims c JOIN claim_vectors v ON v.claim_id = c.id "
        "WHERE c.story_id = ? ORDER BY c.id",
        [story_id],
    )
    claims = []
    for row in rows:
        members = store.query(
            "SELECT s.content, s.speaker, s.cue FROM claim_statements cs "
            "JOIN statements s ON s.id = cs.statement_id WHERE cs.claim_id = ?",
            [row["id"]],
        )
        keys: set[str] = set()
        for m in members:
            keys |= topics(m["content"], m["speaker"], m["cue"])
        claims.append(ClaimState(row["id"], np.asarray(json.loads(row["vector"])), int(row["n"]), keys))
    return claims


def best_claim(claims: Sequence[ClaimState], vector: Any, keys: set[str]) -> ClaimState | None:
    best: tuple[float, ClaimState] | None = None
    for claim in claims:
        norm = float(np.linalg.norm(claim.centroid)) or 1.0
        cosine = float(np.dot(claim.centroid, vector)) / norm
        shared = bool(keys & claim.topics)
        if cosine >= SAME_CLAIM_COSINE or (shared and cosine >= SAME_TOPIC_COSINE):
            total = cosine + (0.3 if shared else 0.0)
            if best is None or total > best[0]:
                best = (total, claim)
    return best[1] if best else None


def assign_claims(store: Store, story_id: str, statements: Sequence[StatementInfo]) -> int:
    """Put each new statement of the story into a claim; returns how many claims were started."""
    claims = _claims_of_story(store, story_id)
    started = 0
    for info in statements:
        keys = topics(info.content, info.speaker, info.cue)
        claim = best_claim(claims, info.vector, keys)
        if claim is None:
            claim_id = "claim-" + hashlib.sha256(f"{story_id}|{info.id}".encode()).hexdigest()[:12]
            claim = ClaimState(claim_id, np.zeros_like(info.vector), 0, set(), is_new=True)
            claims.append(claim)
            label = info.content if len(info.content) <= LABEL_CHARS else info.content[:LABEL_CHARS] + "…"
            store.execute(
                "INSERT INTO claims (id, story_id, label) VALUES (?, ?, ?)", [claim_id, story_id, label]
            )
            started += 1
        claim.centroid = (claim.centroid * claim.n + info.vector) / (claim.n + 1)
        claim.n += 1
        claim.topics |= keys
        claim.changed = True
        store.execute(
            "INSERT INTO claim_statements (claim_id, statement_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [claim.id, info.id],
        )
    for claim in claims:
        if not claim.changed:
            continue
        vector = json.dumps([round(float(x), 5) for x in claim.centroid])
        if claim.is_new:
            store.execute(
                "INSERT INTO claim_vectors (claim_id, vector, n) VALUES (?, ?, ?)",
                [claim.id, vector, claim.n],
            )
        else:
            store.execute(
                "UPDATE claim_vectors SET vector = ?, n = ? WHERE claim_id = ?", [vector, claim.n, claim.id]
            )
    return started
