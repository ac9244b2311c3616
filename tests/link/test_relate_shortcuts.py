"""Shortcuts of relating (session 5) give what the plain computation gives: relation evidence written
without the generic JSON encoder, and the fact-sharing partners of candidate selection merged from
index arrays instead of sets."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from whosaid.link import pairing
from whosaid.link.evidence_json import evidence_json
from whosaid.link.pairing import RELATED_COSINE, StatementInfo, candidate_pairs

_spans = st.lists(st.integers(min_value=-(2**70), max_value=2**70), min_size=2, max_size=2)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text(), _spans, st.text(), _spans)
def test_evidence_is_what_json_dumps_writes(
    reason: str, a_text: str, a_span: list[int], b_text: str, b_span: list[int]
) -> None:
    evidence = {"reason": reason, "a_text": a_text, "a_span": a_span, "b_text": b_text, "b_span": b_span}
    assert evidence_json(evidence) == json.dumps(evidence, ensure_ascii=False)


def test_other_evidence_shapes_go_through_json_dumps() -> None:
    shapes: list[dict[str, Any]] = [
        {"reason": "r", "a_text": "a", "a_span": [True, 2], "b_text": "b", "b_span": [3, 4]},
        {"reason": "r", "a_text": "a", "a_span": [1, 2.5], "b_text": "b", "b_span": [3, 4]},
        {"reason": "r", "a_text": "a", "a_span": [1, 2, 3], "b_text": "b", "b_span": [3, 4]},
        {"reason": None, "a_text": "a", "a_span": [1, 2], "b_text": "b", "b_span": [3, 4]},
        {"a_text": "a", "reason": "r", "a_span": [1, 2], "b_text": "b", "b_span": [3, 4]},
        {"reason": "r", "a_text": "a", "a_span": (1, 2), "b_text": "b", "b_span": [3, 4]},
        {"reason": "r"},
    ]
    for evidence in shapes:
        assert evidence_json(evidence) == json.dumps(evidence, ensure_ascii=False)


def _reference_pairs(statements: Sequence[StatementInfo], new_ids: set[str]) -> list[tuple[int, int, float]]:
    """``candidate_pairs`` as it was written before: each new statement's fact-sharing partners
    gathered in a set, then sorted."""
    n = len(statements)
    new = [i for i, s in enumerate(statements) if s.id in new_ids]
    if not new or n < 2:
        return []
    matrix = np.asarray([s.vector for s in statements], dtype=np.float32)
    shapes = [pairing._shape(s) for s in statements]
    by_key: dict[str, list[int]] = {}
    by_stem: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
    for i, shape in enumerate(shapes):
        for key in shape.keys:
            by_key.setdefault(key, []).append(i)
        for stem in shape.stems:
            by_stem[shape.denial].setdefault(stem, []).append(i)
    chosen: dict[tuple[int, int], float] = {}
    for start in range(0, len(new), 256):
        rows = new[start : start + 256]
        cosines = matrix[rows] @ matrix.T
        for row, i in zip(cosines, rows, strict=True):
            row[i] = -2.0
            facts = {j for key in shapes[i].keys for j in by_key[key]}
            opposite = by_stem[not shapes[i].denial]
            facts.update(j for stem in shapes[i].stems for j in opposite.get(stem, ()))
            facts.discard(i)
            picked = pairing._nearest(row, np.asarray(sorted(facts), dtype=np.int64), pairing.MAX_FACT_PAIRS)
            picked += pairing._nearest(row, np.flatnonzero(row >= RELATED_COSINE), pairing.MAX_SIMILAR_PAIRS)
            for j in picked:
                chosen[(min(i, j), max(i, j))] = float(row[j])
    return [(i, j, cosine) for (i, j), cosine in sorted(chosen.items())]


# Words that make facts (tolls, denials, responsibility) and plain terms, so that statements share
# facts and terms in many ways; vectors drawn at random, some repeated (ties in cosine).
_WORDS = [
    "12 people were killed", "17 dead", "the army", "was responsible", "an accident", "sabotage",
    "the port", "the mayor", "flood", "bridge", "closed", "open", "not", "wages", "strike",
]  # fmt: skip
_CUES = ["said", "denied", "claimed", "rejected", "told reporters"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
            st.sampled_from(_CUES),
            st.integers(min_value=0, max_value=7),
        ),
        min_size=2,
        max_size=60,
    ),
    st.integers(min_value=0, max_value=2**32 - 1),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_candidate_pairs_are_those_of_the_plain_sets(
    drawn: list[tuple[list[str], str, int]], seed: int, share_new: float
) -> None:
    rng = np.random.default_rng(seed)
    base = rng.normal(size=(8, 16)).astype(np.float32)
    statements = []
    for i, (words, cue, vector) in enumerate(drawn):
        v = base[vector] + rng.normal(scale=0.3, size=16).astype(np.float32) * (i % 2)
        statements.append(
            StatementInfo(
                id=f"s{i}",
                article_id=f"a{i // 3}",
                content=" ".join(words),
                content_start=0,
                speaker=f"Speaker {i % 4}",
                cue=cue,
                vector=v / np.linalg.norm(v),
                published=date(2024, 1, 1 + i % 5),
            )
        )
    new_ids = {s.id for k, s in enumerate(statements) if k >= len(statements) * (1 - share_new)}
    assert candidate_pairs(statements, new_ids) == _reference_pairs(statements, new_ids)
