"""How two statements stand to each other: agree, contradict, discuss, or unrelated, with evidence.

Rules first, for disagreements that can be named (a figure, a characterisation, who is responsible,
where someone went, a denial); then the FNC-1 stance model for the remaining related pairs. A pair
that merely repeats (one content inside the other, or nearly the same words) is never a conflict, and
a speaker is not set against itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np

from whosaid.link import frames
from whosaid.link.evidence_json import evidence_json
from whosaid.link.stance_features import content_stems, tokens
from whosaid.model import Relation

RELATED_COSINE = 0.45  # below this (and with no shared fact) two statements are unrelated
AGREE_COSINE = 0.8  # at or above: a restatement
STANCE_DISAGREE = 0.6  # P(disagree) the stance model needs to call an unnamed contradiction


@dataclass(slots=True)
class StatementInfo:
    """What relating needs of a stored statement; offsets are into its article's text."""

    id: str
    article_id: str
    content: str
    content_start: int
    speaker: str | None
    cue: str | None
    vector: Any  # normalised sentence embedding of the content
    published: date | None = None


def same_speaker(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a_words, b_words = a.lower().split(), b.lower().split()
    # "Lukashenko" and "Alexander Lukashenko" are one speaker: the shorter name ends the longer one.
    short, long = sorted((a_words, b_words), key=len)
    return long[-len(short) :] == short


def _evidence(
    reason: str, a: StatementInfo, b: StatementInfo, fa: frames.Fact | None, fb: frames.Fact | None
) -> dict[str, Any]:
    a_start, a_end = (fa.start, fa.end) if fa else (0, len(a.content))
    b_start, b_end = (fb.start, fb.end) if fb else (0, len(b.content))
    return {
        "reason": reason,
        "a_text": a.content[a_start:a_end],
        "a_span": [a.content_start + a_start, a.content_start + a_end],
        "b_text": b.content[b_start:b_end],
        "b_span": [b.content_start + b_start, b.content_start + b_end],
    }


@dataclass(slots=True)
class Verdict:
    relation: str
    score: float
    evidence: dict[str, Any]
    about: str | None = None


def _repeats(a: StatementInfo, b: StatementInfo, cosine: float) -> bool:
    (ca, sa), (cb, sb) = _folded(a.content), _folded(b.content)
    if ca in cb or cb in ca or cosine >= 0.92:
        return True
    return len(sa & sb) / max(1, len(sa | sb)) >= 0.8


@lru_cache(maxsize=16384)
def _folded(content: str) -> tuple[str, frozenset[str]]:
    """A content lower-cased and trimmed, and its words: each statement meets many others in a story
    (76k pairs for 4,300 statements of 300 synthetic articles)."""
    folded = content.lower().strip(" ,.")
    return folded, frozenset(tokens(folded))


def _numbers(a: StatementInfo, b: StatementInfo) -> Verdict | None:
    for fa in frames.casualty_counts(a.content):
        for fb in frames.casualty_counts(b.content):
            if fa.kind != fb.kind:
                continue
            label = "death toll" if fa.kind == "dead" else "number injured"
            shown = f"{label}: {fa.value:g} vs {fb.value:g}"
            if fa.value == fb.value:
                return Verdict(
                    "agree", 0.8, _evidence(f"same {label}", a, b, fa, fb), f"{label}: {fa.value:g}"
                )
            low, high = sorted((fa, fb), key=lambda f: float(f.value))
            if low.qualifier in ("at least", "more than", "over") or high.qualifier == "up to":
                # "at least 139" and "143" can both be true: worth showing, not a contradiction.
                return Verdict("discuss", 0.5, _evidence(f"compatible {label}s", a, b, fa, fb), shown)
            return Verdict("contradict", 0.9, _evidence(f"different {label}", a, b, fa, fb), shown)
    return None


def _characterisations(a: StatementInfo, b: StatementInfo) -> Verdict | None:
    facts_b = frames.characterisations(b.content)
    for fa in frames.characterisations(a.content):
        for fb in facts_b:
            if fa.kind != fb.kind:
                continue
            if fa.value != fb.value:
                about = f"{frames.side_name(fa)} vs {frames.side_name(fb)}"
                return Verdict(
                    "contradict", 0.85, _evidence("opposed characterisations", a, b, fa, fb), about
                )
            return Verdict("agree", 0.7, _evidence("same characterisation", a, b, fa, fb), None)
    return None


def _responsibility(a: StatementInfo, b: StatementInfo) -> Verdict | None:
    fa = frames.responsible_party(a.content, a.speaker, a.cue)
    fb = frames.responsible_party(b.content, b.speaker, b.cue)
    if not fa or not fb:
        return None
    party_a, party_b = str(fa.value), str(fb.value)
    if stem_set(party_a) & stem_set(party_b):
        return Verdict("agree", 0.7, _evidence("same party held responsible", a, b, fa, fb), party_a)
    about = f"responsibility: {party_a} vs {party_b}"
    return Verdict("contradict", 0.85, _evidence("different parties held responsible", a, b, fa, fb), about)


def _destinations(a: StatementInfo, b: StatementInfo) -> Verdict | None:
    places_a, places_b = frames.destinations(a.content), frames.destinations(b.content)
    if not places_a or not places_b:
        return None
    shared = {f.value for f in places_a} & {f.value for f in places_b}
    if shared:
        fa = next(f for f in places_a if f.value in shared)
        fb = next(f for f in places_b if f.value in shared)
        return Verdict("agree", 0.6, _evidence("same destination", a, b, fa, fb), str(fa.value))
    fa, fb = places_a[0], places_b[0]
    about = f"destination: {fa.value} vs {fb.value}"
    return Verdict("contradict", 0.8, _evidence("different destinations", a, b, fa, fb), about)


@lru_cache(maxsize=16384)
def stem_set(text: str) -> frozenset[str]:
    """Content stems of a text, cached: each statement meets many others in a story."""
    return frozenset(content_stems(tokens(text)))


def _shared_stems(a: StatementInfo, b: StatementInfo) -> set[str]:
    return set(stem_set(a.content) & stem_set(b.content))


def _denial(a: StatementInfo, b: StatementInfo, cosine: float) -> Verdict | None:
    deny_a, deny_b = frames.is_denial(a.cue), frames.is_denial(b.cue)
    if deny_a == deny_b:
        return None
    shared = _shared_stems(a, b)
    if len(shared) >= 2 or (shared and cosine >= 0.35):
        denier = a if deny_a else b
        reason = f"{denier.speaker or 'the speaker'} {denier.cue} it"
        return Verdict("contradict", 0.8, _evidence(reason, a, b, None, None), ", ".join(sorted(shared)))
    return None


def _negation(a: StatementInfo, b: StatementInfo, cosine: float) -> Verdict | None:
    neg_a, neg_b = frames.negation_count(a.content), frames.negation_count(b.content)
    if (neg_a > 0) == (neg_b > 0) or cosine < 0.6 or len(_shared_stems(a, b)) < 3:
        return None
    about = ", ".join(sorted(_shared_stems(a, b)))
    return Verdict(
        "contradict", 0.6, _evidence("one negates what the other asserts", a, b, None, None), about
    )


def rule_verdict(a: StatementInfo, b: StatementInfo, cosine: float) -> Verdict | None:
    """The verdict of the first rule that recognises the pair, or None."""
    if _repeats(a, b, cosine):
        return Verdict("agree", max(cosine, 0.8), _evidence("restatement", a, b, None, None))
    for rule in (_numbers, _characterisations, _responsibility, _destinations):
        verdict = rule(a, b)
        if verdict:
            return verdict
    return _denial(a, b, cosine) or _negation(a, b, cosine)


# At most this many statements of the story are weighed against each new statement: the ones sharing
# a comparable fact (or a denial's terms), nearest first, and the most similar ones. A story grows with
# every article about it, and without a bound relating would cost the square of its size.
MAX_FACT_PAIRS = 16
MAX_SIMILAR_PAIRS = 12


@dataclass(slots=True, frozen=True)
class _Shape:
    """What candidate selection needs of a statement, computed once per content (``_shape_of``)."""

    keys: frozenset[str]  # comparable facts: "dead", "cause:0", "responsible", "destination"
    denial: bool
    stems: frozenset[str]


def _shape(info: StatementInfo) -> _Shape:
    return _shape_of(info.content, info.speaker, info.cue)


# Cached (never changed by callers): a story's statements are shaped again for every link group.
@lru_cache(maxsize=16384)
def _shape_of(content: str, speaker: str | None, cue: str | None) -> _Shape:
    from whosaid.link.claim_groups import topics

    return _Shape(frozenset(topics(content, speaker, cue)), frames.is_denial(cue), stem_set(content))


def candidate_pairs(statements: Sequence[StatementInfo], new_ids: set[str]) -> list[tuple[int, int, float]]:
    """Index pairs (i < j, at least one new) worth relating, with their cosine.

    A rule can only fire when both sides share a comparable fact, when one denies and shares a term
    with the other, or when they are similar (restatement, negation, the stance model); pairs that
    are none of these are unrelated and never looked at. Of the rest, each new statement keeps its
    ``MAX_FACT_PAIRS`` nearest fact-sharing and ``MAX_SIMILAR_PAIRS`` most similar partners.
    """
    n = len(statements)
    new = [i for i, s in enumerate(statements) if s.id in new_ids]
    if not new or n < 2:
        return []
    matrix = np.asarray([s.vector for s in statements], dtype=np.float32)
    shapes = [_shape(s) for s in statements]
    by_key: dict[str, list[int]] = {}
    # Statements by their terms, denials and the others apart: a denial is weighed against the
    # statements sharing one of its terms (and a statement against the denials sharing one of its).
    by_stem: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
    for i, shape in enumerate(shapes):
        for key in shape.keys:
            by_key.setdefault(key, []).append(i)
        for stem in shape.stems:
            by_stem[shape.denial].setdefault(stem, []).append(i)
    # As index arrays: in a large story a common term is shared by thousands of statements, and
    # merging arrays is far cheaper than building a set of their indices for each new statement.
    key_rows = {key: np.asarray(ids, dtype=np.int64) for key, ids in by_key.items()}
    stem_rows = [{stem: np.asarray(ids, dtype=np.int64) for stem, ids in side.items()} for side in by_stem]
    chosen: dict[tuple[int, int], float] = {}
    for start in range(0, len(new), 256):
        rows = new[start : start + 256]
        cosines = matrix[rows] @ matrix.T
        for row, i in zip(cosines, rows, strict=True):
            row[i] = -2.0  # never with itself
            opposite = stem_rows[not shapes[i].denial]
            parts = [key_rows[key] for key in shapes[i].keys]
            parts += [opposite[stem] for stem in shapes[i].stems if stem in opposite]
            # sorted (np.unique sorts): ties in cosine (repeated contents) then go the same way in
            # every process
            facts = np.unique(np.concatenate(parts)) if parts else _NO_ROWS
            picked = _nearest(row, facts[facts != i], MAX_FACT_PAIRS)
            similar = np.flatnonzero(row >= RELATED_COSINE)
            picked += _nearest(row, similar, MAX_SIMILAR_PAIRS)
            for j in picked:
                chosen[(i, j) if i < j else (j, i)] = float(row[j])
    return [(i, j, cosine) for (i, j), cosine in sorted(chosen.items())]


_NO_ROWS = np.zeros(0, dtype=np.int64)


def _nearest(row: Any, indices: Any, limit: int) -> list[int]:
    if len(indices) > limit:
        indices = indices[np.argpartition(-row[indices], limit - 1)[:limit]]
    return [int(j) for j in indices]


def relate(
    statements: Sequence[StatementInfo], new_ids: set[str], known: Mapping[str, Any] | None = None
) -> list[Relation]:
    """Relations between each new statement and the other statements given (the same story).

    Only the candidate pairs (``candidate_pairs``) are weighed; pairs with no rule verdict but
    similar content go to the stance model in one batch. ``known`` maps texts to sentence vectors
    computed already (the sentences of multi-sentence contents, ``embed.article_texts``).
    """
    return relate_stories([statements], new_ids, known)


def relate_stories(
    stories: Sequence[Sequence[StatementInfo]], new_ids: set[str], known: Mapping[str, Any] | None = None
) -> list[Relation]:
    """``relate`` for each story in turn, the relations in the same order, with one run of the
    stance model's trees for the undecided pairs of all stories: the trees weigh each pair alone,
    and a run costs ~25 µs per tree whatever the number of pairs (~500 trees per model)."""
    ruled: list[list[Relation]] = []
    undecided: list[list[tuple[StatementInfo, StatementInfo, float]]] = []
    for statements in stories:
        by_rules, rest = _by_rules(statements, new_ids)
        ruled.append(by_rules)
        undecided.append(rest)
    by_model = _by_stance_model(undecided, known)
    return [relation for i in range(len(stories)) for relation in (*ruled[i], *by_model[i])]


def _by_rules(
    statements: Sequence[StatementInfo], new_ids: set[str]
) -> tuple[list[Relation], list[tuple[StatementInfo, StatementInfo, float]]]:
    """The relations the rules decide, and the similar pairs they leave to the stance model."""
    relations: list[Relation] = []
    undecided: list[tuple[StatementInfo, StatementInfo, float]] = []
    order = [(s.published or date.min, s.id) for s in statements]
    for i, j, cosine in candidate_pairs(statements, new_ids):
        # the earlier first (a stable sort of the two: i first unless j is strictly earlier)
        first, second = statements[i], statements[j]
        if order[j] < order[i]:
            first, second = second, first
        verdict = rule_verdict(first, second, cosine)
        if verdict and verdict.relation == "contradict" and same_speaker(first.speaker, second.speaker):
            verdict = Verdict("discuss", 0.5, verdict.evidence, verdict.about)
        if verdict:
            relations.append(_relation(first, second, verdict))
        elif cosine >= RELATED_COSINE:
            undecided.append((first, second, cosine))
    return relations, undecided


def _relation(a: StatementInfo, b: StatementInfo, verdict: Verdict) -> Relation:
    return Relation(
        a=a.id,
        b=b.id,
        relation=verdict.relation,  # type: ignore[arg-type]
        score=round(verdict.score, 3),
        evidence=evidence_json(verdict.evidence),
        about=verdict.about,
    )


def _by_stance_model(
    groups: list[list[tuple[StatementInfo, StatementInfo, float]]], known: Mapping[str, Any] | None = None
) -> list[list[Relation]]:
    """The relations of each group of undecided pairs (one group per story)."""
    if not any(groups):
        return [[] for _ in groups]
    from whosaid.link.stance import load_model

    model = load_model()
    blocks = []
    for pairs in groups:
        if not pairs:
            continue
        # The contents (and, during ingest, their sentences) are embedded already: the model reuses
        # those vectors instead of encoding again. Features per story, as before: the sentences
        # missing from ``known`` are embedded in the same model calls.
        contents = {s.content: s.vector for a, b, _ in pairs for s in (a, b)}
        vectors = _Overlay(contents, known) if known else contents
        blocks.append(model.text_features([(a.content, b.content) for a, b, _ in pairs], vectors))
    rows = iter(model.probabilities(np.vstack(blocks)))
    return [[_stance_relation(a, b, cosine, next(rows)) for a, b, cosine in pairs] for pairs in groups]


class _Overlay(Mapping[str, Any]):
    """``first``'s entries over ``rest``'s, without copying ``rest`` (a link group's vectors) per story."""

    def __init__(self, first: Mapping[str, Any], rest: Mapping[str, Any]) -> None:
        self.first, self.rest = first, rest

    def __getitem__(self, key: str) -> Any:
        return self.first[key] if key in self.first else self.rest[key]

    def __contains__(self, key: object) -> bool:
        return key in self.first or key in self.rest

    def __iter__(self) -> Iterator[str]:
        return iter({**self.rest, **self.first})

    def __len__(self) -> int:
        return len({**self.rest, **self.first})


def _stance_relation(a: StatementInfo, b: StatementInfo, cosine: float, probabilities: Any) -> Relation:
    p_agree, p_disagree, _p_discuss, _p_unrelated = probabilities
    if p_disagree >= STANCE_DISAGREE and not same_speaker(a.speaker, b.speaker):
        verdict = Verdict("contradict", float(p_disagree) * 0.7, _evidence("stance model", a, b, None, None))
    elif cosine >= AGREE_COSINE or (p_agree >= 0.5 and cosine >= 0.6):
        evidence = _evidence("similar content", a, b, None, None)
        verdict = Verdict("agree", max(cosine, float(p_agree)), evidence)
    else:
        verdict = Verdict("discuss", cosine, _evidence("same topic", a, b, None, None))
    return _relation(a, b, verdict)
