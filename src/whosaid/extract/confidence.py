"""Statement confidence: a logistic model over rule features, for sorting and filtering.

The hand-set ``PRIOR`` weights are used unless a ``confidence.json`` with fitted weights ships beside
this module. Its main input is the trained candidate filter's probability (``learned.py``), so
parse-based statements are ranked by how often such candidates were right on PolNeAR train; the
other features lower statements without a speaker or a cue.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from whosaid.model import Statement

if TYPE_CHECKING:
    from whosaid.extract.candidates import Candidate

FORMS = ("ccomp", "xcomp", "final", "according", "noun", "quote", "colon", "continuation", "nested")
HOWS = ("name", "pronoun", "description", "group", "org", "continuation", "unknown")
KINDS = ("direct", "indirect", "mixed")


def features(stmt: Statement, cand: Candidate, how: str) -> dict[str, float]:
    words = len(stmt.content.split())
    # An interview's answer ("Q: … A: …") is the interviewee's by the format itself. PolNeAR marks
    # none (no quotation marks), so its form and its "A:" cue carry no weight here.
    answer = cand.form == "answer"
    feats: dict[str, float] = {
        "bias": 1.0,
        # the trained filter's probability when the parse proposed it, else the lexicon prior; "X
        # was quoted by Y as saying" is sure whatever the filter made of the rare verb "quote"
        "strength": 1.0 if cand.relayed or answer else (cand.probability or cand.strength),
        "log_words": math.log1p(words),
        "short": float(words < 4),
        "has_speaker": float(stmt.speaker is not None),
        "has_speaker_text": float(stmt.speaker_text is not None),
        "has_cue": float(stmt.cue is not None),
    }
    feats[f"how={how}"] = 1.0
    feats[f"kind={stmt.kind}"] = 1.0
    feats[f"type={stmt.speaker_type}"] = 1.0
    if answer:
        return feats
    feats[f"form={cand.form}"] = 1.0
    if stmt.cue:
        feats[f"cue={stmt.cue.split()[-1].lower()}"] = 1.0
    return feats


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    path = resources.files("whosaid.extract").joinpath("confidence.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data["weights"].items()}


# Used until a trained confidence.json exists: a hand-set prior over the same features.
PRIOR = {
    "bias": -1.0,
    "strength": 2.0,
    "has_speaker": 1.0,
    "has_cue": 0.5,
    "short": -1.0,
    "form=continuation": -1.0,
    "how=unknown": -0.8,
    "kind=direct": 0.5,
}


# Open ``recording()`` blocks: scripts/fit_confidence.py reads the features of every scored statement.
_RECORDERS: list[list[tuple[Statement, dict[str, float]]]] = []


@contextmanager
def recording() -> Iterator[list[tuple[Statement, dict[str, float]]]]:
    """Collect (statement, features) for every statement scored inside the block, for fitting."""
    found: list[tuple[Statement, dict[str, float]]] = []
    _RECORDERS.append(found)
    try:
        yield found
    finally:
        _RECORDERS.remove(found)


def score_statement(stmt: Statement, cand: Candidate, how: str) -> float:
    weights = load_weights() or PRIOR
    feats = features(stmt, cand, how)
    for recorder in _RECORDERS:
        recorder.append((stmt, feats))
    z = sum(weights.get(name, 0.0) * value for name, value in feats.items())
    return round(1.0 / (1.0 + math.exp(-z)), 4)
