"""`whosaid ingest --workers 1` against `--workers 2` on the same texts (target: >= 1.7x).

    .venv/bin/python benchmarks/bench_workers.py [--articles 400]

Measured twice: the analysis alone (``pipeline.analyze_many(workers=N)``: the part that runs in
the workers) and the whole ingest into a fresh DuckDB file without linking (``pipeline.ingest``:
the analysis in N workers plus the single writer that resolves entities and stores).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from whosaid.ingest.jsonl import read_jsonl
from whosaid.ingest.records import DEFAULT_MAX_BYTES
from whosaid.model import Article
from whosaid.nlp import load
from whosaid.pipeline import analyze_many, ingest
from whosaid.scale import synthetic
from whosaid.scale.measure import machine, words
from whosaid.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    print(machine())
    nlp = load()
    with tempfile.TemporaryDirectory(prefix="whosaid-bench-") as tmp:
        source = synthetic.write_jsonl(Path(tmp) / "news.jsonl", args.articles, seed=2)
        articles = [a for a in read_jsonl(str(source), max_bytes=DEFAULT_MAX_BYTES) if isinstance(a, Article)]
        n_words = words(a.text for a in articles)
        print(f"{len(articles)} synthetic articles, {n_words} words")
        seconds: dict[tuple[str, int], float] = {}
        for workers in (1, 2):
            started = time.perf_counter()
            done = sum(1 for _ in analyze_many(articles, nlp, workers=workers, time_limit=60.0))
            seconds["analysis", workers] = time.perf_counter() - started
            assert done == len(articles)
            store = open_store(Path(tmp) / f"w{workers}.duckdb")
            try:
                started = time.perf_counter()
                report = ingest([str(source)], store, nlp=nlp, workers=workers, progress=False, link=False)
                seconds["ingest", workers] = time.perf_counter() - started
            finally:
                store.close()
            assert report.stored == len(articles)
        for part in ("analysis", "ingest"):
            one, two = seconds[part, 1], seconds[part, 2]
            print(
                f"{part:<9} 1 worker {one:7.1f} s ({n_words / one:6.0f} words/s)   "
                f"2 workers {two:7.1f} s ({n_words / two:6.0f} words/s)   "
                f"speed-up {one / two:.2f}x (target >= 1.7)"
            )


if __name__ == "__main__":
    main()
