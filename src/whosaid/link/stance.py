"""The stance model: does a text agree with, disagree with, discuss, or not relate to a claim?

Trained on FNC-1 (headline vs article body) by ``scripts/train_stance.py``; the artefact
``models/stance.joblib`` holds the TF-IDF vocabulary and two gradient-boosted classifiers: related vs
unrelated, then agree / disagree / discuss for related pairs. No article text is stored in it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

from whosaid.errors import WhosaidError
from whosaid.link import embed
from whosaid.link.stance_features import PreparedText, embedding_block, pair_features, prepare_text

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
        from threadpoolctl import threadpool_limits

        # One OpenMP thread: the boosted trees' predict is tiny work per tree (~1,000 trees), and
        # waking a thread team for each cost 2 ms a tree on a busy 2-core machine (11 s of 35 s of
        # linking 32 articles, measured with cProfile), besides stealing the analysis worker's core.
        with threadpool_limits(limits=1, user_api="openmp"):
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
        claims = _prepare_many(self, {c: [c] for c, _ in pairs}, known)
        texts = _prepare_many(self, {t: embed.split_sentences(t) or [t] for _, t in pairs}, known)
        return self.probabilities(self.features([(claims[c], texts[t]) for c, t in pairs]))

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
    vectors: dict[str, Any] = dict(known or {})
    missing = list(dict.fromkeys(s for sentences in texts.values() for s in sentences if s not in vectors))
    vectors.update(zip(missing, embed.encode(missing), strict=True))
    keys = list(texts)
    joined = [" ".join(texts[k]) for k in keys] + [" ".join(texts[k][:2]) for k in keys]
    if not keys:
        return {}
    tfidf = model.vectorizer.transform(joined)
    prepared: dict[str, PreparedText] = {}
    for row, key in enumerate(keys):
        sentences = texts[key]
        block = np.asarray([vectors[s] for s in sentences], dtype=np.float32).reshape(-1, embed.DIMENSIONS)
        prepared[key] = prepare_text(
            sentences, block, model.vectorizer, tfidf=tfidf[row], lead_tfidf=tfidf[len(keys) + row]
        )
    return prepared


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
