"""Recognise syndicated copies: the same wire story (AP, Reuters, AFP) carried by several outlets.

Outlets trim, retitle and append to wire copy, so exact hashes miss it. We compare word shingles
with MinHash (an estimate of Jaccard similarity) and find candidates with locality-sensitive
hashing: the signature is cut into bands, and two articles are compared only when some band hashes
to the same bucket. Signatures and buckets live in the store (``article_signatures``,
``signature_buckets``), so finding a candidate is an indexed lookup however large the store grows.

With 16 bands of 8 rows, pairs at Jaccard 0.7 become candidates with probability ~0.82, at 0.8
~0.99, and pairs at 0.3 almost never (~0.001); candidates are then checked against ``threshold``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from whosaid.model import Article
from whosaid.store.base import Store

NUM_HASHES = 128
BANDS = 16
ROWS = NUM_HASHES // BANDS
SHINGLE_WORDS = 5
DEFAULT_THRESHOLD = 0.7

# Universal hashing (a*x + b) mod p with p = 2**31 - 1: products of 31-bit numbers fit in uint64.
_PRIME = np.uint64((1 << 31) - 1)


def _coefficients(name: str) -> npt.NDArray[np.uint64]:
    # Derived from fixed strings rather than a random generator, so stored signatures stay valid
    # whatever numpy version computes the next one.
    values = [
        int.from_bytes(hashlib.blake2b(f"whosaid-minhash-{name}-{i}".encode(), digest_size=8).digest())
        for i in range(NUM_HASHES)
    ]
    return (np.array(values, dtype=np.uint64) % (_PRIME - np.uint64(1))) + np.uint64(1)


_A = _coefficients("a")[:, None]
_B = _coefficients("b")[:, None]

Signature = npt.NDArray[np.uint32]
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping runs of ``size`` words, case and punctuation folded."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> Signature | None:
    """The MinHash signature of ``text`` (NUM_HASHES values), or None for text without words."""
    found = shingles(text)
    if not found:
        return None
    hashed = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest()) for s in found),
        dtype=np.uint64,
        count=len(found),
    )
    permuted = (_A * (hashed[None, :] % _PRIME) + _B) % _PRIME
    result: Signature = permuted.min(axis=1).astype(np.uint32)
    return result


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.mean(a == b))


def buckets(sig: Signature) -> list[str]:
    """One bucket key per band; the band number is part of the key so keys never collide across bands."""
    return [
        f"{band}:{hashlib.blake2b(sig[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8).hexdigest()}"
        for band in range(BANDS)
    ]


def encode(sig: Signature) -> str:
    return sig.astype(">u4").tobytes().hex()


def decode(value: str) -> Signature:
    return np.frombuffer(bytes.fromhex(value), dtype=">u4").astype(np.uint32)


class SyndicationIndex:
    """Near-duplicate lookup over the articles in a store."""

    def __init__(self, store: Store, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.store = store
        self.threshold = threshold

    def find(self, sig: Signature) -> tuple[str, float] | None:
        """The stored article most similar to ``sig`` at or above the threshold, with its similarity."""
        keys = buckets(sig)
        rows = self.store.query(
            "SELECT DISTINCT s.article_id AS article_id, s.signature AS signature"
            " FROM signature_buckets b JOIN article_signatures s ON s.article_id = b.article_id"
            f" WHERE b.bucket IN ({', '.join('?' for _ in keys)})",
            keys,
        )
        best: tuple[str, float] | None = None
        for row in rows:
            score = similarity(sig, decode(str(row["signature"])))
            if score >= self.threshold and (best is None or score > best[1]):
                best = (str(row["article_id"]), score)
        return best

    def remember(self, article_id: str, sig: Signature) -> None:
        with self.store.transaction():
            if self.store.query("SELECT 1 FROM article_signatures WHERE article_id = ?", [article_id]):
                return
            self.store.execute(
                "INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)",
                [article_id, encode(sig)],
            )
            for key in buckets(sig):
                self.store.execute(
                    "INSERT INTO signature_buckets (bucket, article_id) VALUES (?, ?)", [key, article_id]
                )

    def backfill(self) -> int:
        """Sign stored articles that have no signature yet (ingested by other commands); returns how many."""
        signed, last = 0, ""
        while True:  # by pages of ids, so a large store is not read into memory at once
            rows = self.store.query(
                "SELECT id, text FROM articles WHERE id > ?"
                " AND id NOT IN (SELECT article_id FROM article_signatures) ORDER BY id LIMIT 200",
                [last],
            )
            if not rows:
                return signed
            for row in rows:
                sig = signature(str(row["text"]))
                if sig is not None:
                    self.remember(str(row["id"]), sig)
                    signed += 1
            last = str(rows[-1]["id"])


def add_outlet(store: Store, article_id: str, outlet: str, url: str | None) -> None:
    """Record one more outlet carrying a stored article (nothing when already recorded)."""
    store.execute(
        "INSERT INTO article_outlets (article_id, outlet, url) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [article_id, outlet, url],
    )


Outcome = Literal["added", "duplicate", "syndicated"]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What storing one fetched article did: ``article_id`` is the stored article it now belongs to."""

    outcome: Outcome
    article_id: str
    similarity: float = 1.0


def add_article(
    store: Store,
    article: Article,
    store_new: Callable[[Article], bool],
    index: SyndicationIndex | None = None,
) -> AddResult:
    """Store ``article`` once: an exact or near duplicate of a stored article only adds its outlet.

    ``store_new`` analyses and stores genuinely new text (returning False when it turned out to be
    stored already), so wire copies cost a lookup, not an analysis.
    """
    index = index or SyndicationIndex(store)
    outlet = article.outlet or article.url or article.source_path or "unknown"
    if store.has_article(article.id):
        add_outlet(store, article.id, outlet, article.url)
        return AddResult("duplicate", article.id)
    sig = signature(article.text)
    if sig is not None:
        match = index.find(sig)
        if match is not None:
            add_outlet(store, match[0], outlet, article.url)
            return AddResult("syndicated", match[0], match[1])
    if not store_new(article):
        return AddResult("duplicate", article.id)
    if sig is not None:
        index.remember(article.id, sig)
    return AddResult("added", article.id)
