"""Sentence vectors for linking: CPU time and agreement with fp32 of the ways to run MiniLM.

    .venv/bin/python benchmarks/bench_embed.py [--articles 84] [--rounds 2]

Extracts the statements of PolNeAR dev articles (read at run time from ../shared, never copied),
then embeds each article's lead, statement contents and their sentences (``embed.article_texts``)
per chunk of 16 articles, alternated for ``--rounds`` rounds on one torch thread: with
sentence-transformers' own ``encode`` in batches of 16 (sorted by characters; sessions 3-16) and
with ``embed.encode`` (calls of texts sorted by word pieces, ``embed.token_batches``), each in fp32
and under bfloat16 autocast. Prints median CPU seconds and the cosine of every vector to the fp32
sentence-transformers one (mean and minimum).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import numpy as np

from whosaid.ingest.records import make_article
from whosaid.link import embed
from whosaid.model import ArticleAnalysis
from whosaid.pipeline import analyze_many
from whosaid.scale.measure import machine

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def article_texts(articles: int) -> list[list[str]]:
    lines = (SHARED / "data" / "polnear" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    found = [make_article(json.loads(line)["text"]) for line in lines[:articles]]
    texts = []
    for analysis in analyze_many(found, time_limit=None):
        if isinstance(analysis, ArticleAnalysis):
            contents = [s.content for s in analysis.statements]
            texts.append(embed.article_texts(analysis.article.title, analysis.article.text, contents))
    return texts


def library_encode(texts: list[str]) -> np.ndarray:
    """The way before session 17: sentence-transformers' ``encode``, batches of 16."""
    with embed._threads(1), embed._precision():
        tensor = embed.load_model().encode(
            texts, batch_size=16, convert_to_tensor=True, show_progress_bar=False
        )
    raw = tensor.float().numpy()
    return raw / np.linalg.norm(raw, axis=1, keepdims=True)


def run(texts: list[list[str]], library: bool, bf16: bool) -> tuple[float, dict[str, np.ndarray]]:
    os.environ[embed.BF16_ENV] = "1" if bf16 else "0"
    embed.bf16.cache_clear()
    vectors: dict[str, np.ndarray] = {}
    started = time.process_time()
    for i in range(0, len(texts), 16):
        unique = list(dict.fromkeys(t for article in texts[i : i + 16] for t in article))
        found = library_encode(unique) if library else embed.encode(unique, threads=1)
        vectors.update(zip(unique, found, strict=True))
    return time.process_time() - started, vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=84)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(machine())
    print(f"bfloat16 by default here (native bf16, or {embed.BF16_ENV}): {embed.bf16()}")
    texts = article_texts(args.articles)
    print(f"{len(texts)} articles, {sum(map(len, texts))} texts")
    embed.encode(["warm up the model"])
    ways = {
        "fp32, sentence-transformers batches": (True, False),
        "fp32, embed.encode": (False, False),
        "bf16, sentence-transformers batches": (True, True),
        "bf16, embed.encode": (False, True),
    }
    seconds: dict[str, list[float]] = {name: [] for name in ways}
    results: dict[str, dict[str, np.ndarray]] = {}
    for _ in range(args.rounds):
        for name, way in ways.items():
            cpu, results[name] = run(texts, *way)
            seconds[name].append(cpu)
    reference = results["fp32, sentence-transformers batches"]
    for name in ways:
        cosines = np.asarray([float(reference[t] @ v) for t, v in results[name].items()])
        print(
            f"{name:<40} CPU {statistics.median(seconds[name]):6.2f} s   "
            f"cosine to fp32 mean {cosines.mean():.5f} min {cosines.min():.5f}"
        )
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
