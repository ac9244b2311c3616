"""The stance model: does a text agree with, disagree with, discuss, or not relate to a claim?

Trained on FNC-1 (headline vs article body) by ``scripts/train_stance.py``; the artefact
``models/stance.joblib`` holds the TF-IDF vocabulary and two gradient-boosted classifiers: related vs
unrelated, then agree / disagree / discuss for related pairs. No article text is stored in it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

from whosaid.errors import WhosaidError
from whosaid.link import embed
from whosaid.link.stance_features import (
    PreparedText,
    embedding_block,
    pair_features,
    prepare_text,
    sparse_rows,
)

STANCES = ("agree", "disagree", "discuss", "unrelated")
RELATED_STANCES = ("agree", "disagree", "discuss")
ARTEFACT = "stance.joblib"


@dataclass(slots=True)
class StanceModel:
    vectorizer: Any
    related: Any  # classifier: P(related)
    stance: Any  # classifier over RELATED_STANCES
    projection: Any = None  # PCA of the embedding block (stance_features.embedding_block)
    related_threshold: float = 0.5
    # Multipliers on the agree / disagree / discuss probabilities chosen on held-out data.
    class_bias: tuple[float, float, float] = (1.0, 1.0, 1.0)

    def payload(self) -> dict[str, Any]:
        """What the artefact stores: every field, so that ``StanceModel(**payload)`` rebuilds it."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def prepare(self, sentences: list[str], vectors: embed.Vectors | None = None) -> PreparedText:
        if vectors is None:
            vectors = embed.encode(sentences)
        return prepare_text(sentences, vectors, self.vectorizer)

    def probabilities(self, features: NDArray[np.float64]) -> NDArray[np.float64]:
        """Rows of P(agree), P(disagree), P(discuss), P(unrelated)."""
        # One OpenMP thread: the boosted trees' predict is tiny work per tree (~1,000 trees), and
        # waking a thread team for each cost 2 ms a tree on a busy 2-core machine (11 s of 35 s of
        # linking 32 articles, measured with cProfile), besides stealing the analysis worker's core.
        with _threadpools().limit(limits=1, user_api="openmp"):
            p_related = self.related.predict_proba(features)[:, 1]
            p_stance = self.stance.predict_proba(features) * np.asarray(self.class_bias)
        p_stance = p_stance / p_stance.sum(axis=1, keepdims=True)
        return np.column_stack([p_stance * p_related[:, None], 1.0 - p_related])

    def decide(self, probabilities: NDArray[np.float64]) -> list[str]:
        labels = []
        for row in probabilities:
            if 1.0 - row[3] < self.related_threshold:
                labels.append("unrelated")
            else:
                labels.append(RELATED_STANCES[int(np.argmax(row[:3]))])
        return labels

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        """The stance of each (claim, text) pair."""
        return self.decide(self.predict_proba(pairs))

    def predict_proba(
        self, pairs: Sequence[tuple[str, str]], known: Mapping[str, Any] | None = None
    ) -> NDArray[np.float64]:
        """Rows of P(agree), P(disagree), P(discuss), P(unrelated); ``known`` maps sentences to
        embeddings already computed (statement contents), so they are not encoded again."""
        if not pairs:
            return np.zeros((0, 4))
        return self.probabilities(self.text_features(pairs, known))

    def text_features(
        self, pairs: Sequence[tuple[str, str]], known: Mapping[str, Any] | None = None
    ) -> NDArray[np.float64]:
        """The feature rows of (claim, text) pairs, ``known`` as in ``predict_proba``. The rows of
        several calls may go to ``probabilities`` together: the trees weigh each row alone."""
        claims = _prepare_many(self, {c: [c] for c, _ in pairs}, known)
        texts = _prepare_many(self, {t: embed.split_sentences(t) or [t] for _, t in pairs}, known)
        return self.features([(claims[c], texts[t]) for c, t in pairs])

    def features(self, pairs: Sequence[tuple[PreparedText, PreparedText]]) -> NDArray[np.float64]:
        """Hand-made features, then the projected embedding block, one row per pair."""
        rows = np.asarray([pair_features(c, t) for c, t in pairs], dtype=np.float64)
        if self.projection is None:
            return rows
        blocks = np.asarray([embedding_block(c, t) for c, t in pairs], dtype=np.float32)
        return np.hstack([rows, self.projection.transform(blocks)])


def _prepare_many(
    model: StanceModel, texts: dict[str, list[str]], known: Mapping[str, Any] | None = None
) -> dict[str, PreparedText]:
    """Prepare each distinct text (keyed by itself) once: every sentence not already ``known`` is
    embedded in one batch, and the TF-IDF rows of all texts and leads come from one transform."""
    known = known or {}
    missing = list(dict.fromkeys(s for sentences in texts.values() for s in sentences if s not in known))
    computed = dict(zip(missing, embed.encode(missing), strict=True))
    keys = list(texts)
    if not keys:
        return {}
    parts = _text_parts(model.vectorizer, [texts[k] for k in keys])
    prepared: dict[str, PreparedText] = {}
    for key, text_parts in zip(keys, parts, strict=True):
        block = np.asarray(
            [computed[s] if s in computed else known[s] for s in texts[key]], dtype=np.float32
        ).reshape(-1, embed.DIMENSIONS)
        prepared[key] = replace(text_parts, sentence_vectors=block)
    return prepared


# Texts (as their sentences) whose vector-free part of ``PreparedText`` is kept: a story's statements
# meet the new ones of each link group again, and their words, n-grams and TF-IDF rows do not change.
# Bounded by characters (a prepared text holds ~100 bytes per character, mostly its character
# 5-grams): ~50 MB, some 3,000 statement contents; longer texts (article bodies) are not kept.
TEXT_PARTS_CHARS = 500_000
TEXT_PARTS_LONGEST = 2_000
_NO_VECTORS = np.zeros((0, embed.DIMENSIONS), dtype=np.float32)
_PartsKey = tuple[int, tuple[str, ...]]
_parts: OrderedDict[_PartsKey, tuple[PreparedText, int]] = OrderedDict()
_parts_chars = [0]  # characters of the texts in ``_parts``


def _text_parts(vectorizer: Any, texts: list[list[str]]) -> list[PreparedText]:
    """``prepare_text`` of each text without its sentence vectors, from the cache when there; the
    others' TF-IDF rows (and their leads') come from one transform (rows do not depend on each other)."""
    keys = [(id(vectorizer), tuple(sentences)) for sentences in texts]
    first: dict[_PartsKey, int] = {}  # each text not cached, once
    for i, key in enumerate(keys):
        if key not in _parts:
            first.setdefault(key, i)
    made: dict[_PartsKey, PreparedText] = {}
    if first:
        new = list(first.values())
        joined = [" ".join(texts[i]) for i in new] + [" ".join(texts[i][:2]) for i in new]
        rows = sparse_rows(vectorizer.transform(joined))
        for n, i in enumerate(new):
            made[keys[i]] = prepare_text(
                texts[i], _NO_VECTORS, vectorizer, tfidf=rows[n], lead_tfidf=rows[len(new) + n]
            )
    found = []
    for key in keys:
        if key in made:
            found.append(made[key])
        else:
            _parts.move_to_end(key)
            found.append(_parts[key][0])
    for key, parts in made.items():
        chars = sum(len(sentence) for sentence in key[1])
        if chars <= TEXT_PARTS_LONGEST:
            _parts[key] = (parts, chars)
            _parts_chars[0] += chars
    while _parts_chars[0] > TEXT_PARTS_CHARS:
        _parts_chars[0] -= _parts.popitem(last=False)[1][1]
    return found


def clear_text_parts() -> None:
    """Forget the prepared texts (benchmarks measuring a first run)."""
    _parts.clear()
    _parts_chars[0] = 0


@lru_cache(maxsize=1)
def _threadpools() -> Any:
    """The process's thread pools, found once (looking them up took ~8 ms a call)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@lru_cache(maxsize=1)
def load_model() -> StanceModel:
    """The trained model shipped in the package."""
    import joblib

    path = resources.files("whosaid.link").joinpath("models", ARTEFACT)
    try:
        with resources.as_file(path) as real_path:
            payload = joblib.load(real_path)
    except FileNotFoundError as exc:
        raise WhosaidError(
            "whosaid: the stance model is missing from the package. Rebuild it with: "
            "python scripts/train_stance.py"
        ) from exc
    return StanceModel(**payload)


def predict_stances(pairs: Sequence[tuple[str, str]]) -> list[str]:
    """Stance of each (claim, text) pair with the shipped model."""
    return load_model().predict(pairs)
