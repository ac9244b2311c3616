"""Features of a (claim, text) pair for the stance model: the same code at training and at run time.

A claim is an FNC-1 headline or a statement; a text is an article body or another statement. Texts are
prepared once (``prepare_text``) so that a body met by many headlines is tokenised and embedded once.
Features: TF-IDF cosine, word / n-gram / character-gram overlap, counts of refuting, negation, hedging
and supporting words in the sentences nearest the claim, and embedding cosines to those sentences.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

from whosaid.link.embed import Vectors

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@lru_cache(maxsize=8)
def lexicon(name: str) -> frozenset[str]:
    text = resources.files("whosaid.link").joinpath("lexicons", f"{name}.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@lru_cache(maxsize=65536)  # words repeat: ~95k stems asked for ~2,000 statements of linking
def _stem(word: str) -> str:
    # A crude suffix strip is enough to match "killed"/"kills"/"killing" between headline and body.
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_stems(words: list[str]) -> list[str]:
    stopwords = lexicon("stopwords")
    return [_stem(w) for w in words if w not in stopwords and len(w) > 1]


def _ngrams(items: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(items[i : i + n]) for i in range(len(items) - n + 1)}


def _char_grams(text: str, n: int = 5) -> set[str]:
    folded = " ".join(tokens(text))
    return {folded[i : i + n] for i in range(len(folded) - n + 1)}


def _lexicon_counts(words: list[str]) -> tuple[int, int, int, int]:
    refuting, negation, hedging, supporting = (
        lexicon("refuting"), lexicon("negation"), lexicon("hedging"), lexicon("supporting")
    )  # fmt: skip
    return (
        sum(w in refuting for w in words),
        sum(w in negation for w in words),
        sum(w in hedging for w in words),
        sum(w in supporting for w in words),
    )


@dataclass(slots=True)
class PreparedText:
    """A text split into sentences, with what the features need computed once."""

    sentences: list[str]
    sentence_vectors: Vectors  # one normalised row per sentence
    stems: list[str]
    stem_set: set[str]
    lead_stems: set[str]
    bigrams: set[tuple[str, ...]]
    trigrams: set[tuple[str, ...]]
    char_grams: set[str]
    sentence_stems: list[set[str]]
    sentence_counts: list[tuple[int, int, int, int]]
    counts: tuple[int, int, int, int]
    n_words: int
    tfidf: Any  # sparse row of the fitted vectoriser
    lead_tfidf: Any


def prepare_text(
    sentences: list[str],
    sentence_vectors: Vectors,
    vectorizer: Any,
    tfidf: Any = None,
    lead_tfidf: Any = None,
) -> PreparedText:
    """``tfidf`` and ``lead_tfidf``: the rows of the text and of its lead when the caller has them
    (transforming many texts in one call is far cheaper than one call per text)."""
    text = " ".join(sentences)
    words = tokens(text)
    stems = content_stems(words)
    sentence_words = [tokens(s) for s in sentences]
    lead = " ".join(sentences[:2])
    return PreparedText(
        sentences=sentences,
        sentence_vectors=sentence_vectors,
        stems=stems,
        stem_set=set(stems),
        lead_stems=set(content_stems(tokens(lead))),
        bigrams=_ngrams(stems, 2),
        trigrams=_ngrams(stems, 3),
        char_grams=_char_grams(text),
        sentence_stems=[set(content_stems(w)) for w in sentence_words],
        sentence_counts=[_lexicon_counts(w) for w in sentence_words],
        counts=_lexicon_counts(words),
        n_words=len(words),
        tfidf=vectorizer.transform([text]) if tfidf is None else tfidf,
        lead_tfidf=vectorizer.transform([lead]) if lead_tfidf is None else lead_tfidf,
    )


@dataclass(slots=True)
class SparseRow:
    """One row of a CSR matrix, column indices sorted: all ``_cosine`` reads (taking a row out of
    a scipy matrix cost ~0.25 ms, thousands of times per link group)."""

    indices: NDArray[np.int32]
    data: NDArray[np.float64]
    has_sorted_indices: bool = True

    def sort_indices(self) -> None:
        return None  # sorted when made


def sparse_rows(matrix: Any) -> list[SparseRow]:
    """The rows of a CSR matrix (its indices sorted in place first, as ``_cosine`` would)."""
    matrix = matrix.tocsr()
    matrix.sort_indices()
    bounds = matrix.indptr
    return [
        SparseRow(matrix.indices[bounds[i] : bounds[i + 1]], matrix.data[bounds[i] : bounds[i + 1]])
        for i in range(matrix.shape[0])
    ]


def _cosine(a: Any, b: Any) -> float:
    # Rows of a TfidfVectorizer are L2-normalised, so the dot product is the cosine. Computed on
    # the rows' sorted column indices: scipy's elementwise multiply costs ~100 µs a pair.
    if not a.has_sorted_indices:
        a.sort_indices()
    if not b.has_sorted_indices:
        b.sort_indices()
    _, in_a, in_b = np.intersect1d(a.indices, b.indices, assume_unique=True, return_indices=True)
    return float(np.dot(a.data[in_a], b.data[in_b]))


FEATURE_NAMES = (
    "tfidf_cos", "tfidf_lead_cos", "jaccard", "claim_in_text", "claim_in_lead", "bigram_hits",
    "trigram_hits", "chargram_hits", "claim_words", "log_text_words", "emb_max", "emb_top3",
    "emb_mean", "emb_first", "best_position", "overlap_best_sentence",
    "claim_refuting", "claim_negation", "claim_hedging", "claim_supporting", "claim_question",
    "text_refuting", "text_negation", "text_hedging", "text_supporting",
    "near_refuting", "near_negation", "near_hedging", "near_supporting",
    "overlap_refuting", "overlap_negation", "overlap_hedging",
    "near_polarity", "claim_polarity", "n_overlap_sentences",
)  # fmt: skip


def pair_features(claim: PreparedText, text: PreparedText) -> list[float]:
    """The feature vector (in ``FEATURE_NAMES`` order) of a claim against a text."""
    c_set = claim.stem_set
    n_claim = max(1, len(c_set))
    sims = text.sentence_vectors @ claim.sentence_vectors.mean(axis=0) if len(text.sentences) else None
    if sims is not None and len(sims):
        order = np.argsort(-sims)
        top = [int(i) for i in order[:3]]
        emb_max, emb_top3 = float(sims[top[0]]), float(np.mean(sims[top]))
        emb_mean = float(np.mean(sims))
        emb_first = float(sims[0])
        best_position = top[0] / max(1, len(text.sentences) - 1)
    else:
        top, emb_max, emb_top3, emb_mean, emb_first, best_position = [], 0.0, 0.0, 0.0, 0.0, 1.0
    near = [sum(text.sentence_counts[i][k] for i in top) for k in range(4)]
    # Sentences sharing at least two content words with the claim: where its terms are discussed.
    overlapping = [i for i, s in enumerate(text.sentence_stems) if len(s & c_set) >= min(2, n_claim)]
    over = [sum(text.sentence_counts[i][k] for i in overlapping) for k in range(3)]
    overlap_best = max((len(s & c_set) / n_claim for s in text.sentence_stems), default=0.0)
    per_k = 1000.0 / max(1, text.n_words)
    c_bigrams, c_trigrams, c_chars = claim.bigrams, claim.trigrams, claim.char_grams
    return [
        _cosine(claim.tfidf, text.tfidf),
        _cosine(claim.tfidf, text.lead_tfidf),
        len(c_set & text.stem_set) / max(1, len(c_set | text.stem_set)),
        len(c_set & text.stem_set) / n_claim,
        len(c_set & text.lead_stems) / n_claim,
        len(c_bigrams & text.bigrams) / max(1, len(c_bigrams)),
        len(c_trigrams & text.trigrams) / max(1, len(c_trigrams)),
        len(c_chars & text.char_grams) / max(1, len(c_chars)),
        float(len(claim.stems)),
        math.log1p(text.n_words),
        emb_max,
        emb_top3,
        emb_mean,
        emb_first,
        best_position,
        overlap_best,
        *(float(c) for c in claim.counts),
        float("?" in " ".join(claim.sentences)),
        *(c * per_k for c in text.counts),
        *(float(c) for c in near),
        *(float(c) for c in over),
        float(near[0] % 2),
        float(claim.counts[0] % 2),
        float(len(overlapping)),
    ]


def embedding_block(claim: PreparedText, text: PreparedText) -> NDArray[np.float32]:
    """The claim's vector, the mean vector of the three text sentences nearest it, and their product.

    The stance model projects this block to a few dimensions (PCA) learned in training.
    """
    head = claim.sentence_vectors.mean(axis=0)
    if len(text.sentences):
        sims = text.sentence_vectors @ head
        near = text.sentence_vectors[np.argsort(-sims)[:3]].mean(axis=0)
    else:
        near = np.zeros_like(head)
    return np.concatenate([head, near, head * near]).astype(np.float32)
