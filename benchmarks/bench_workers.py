"""`whosaid ingest --workers 1` against `--workers 2` on the same texts (target: >= 1.7x).

    .venv/bin/python benchmarks/bench_workers.py [--articles 400] [--rounds 3] [--polnear]

Measured twice: the analysis alone (``pipeline.analyze_many(workers=N)``: the part that runs in
the workers) and the whole ingest into a fresh DuckDB file without linking (``pipeline.ingest``:
the analysis in N workers plus the single writer that resolves entities and stores). The machine
may be shared: 1 and 2 workers alternate for ``--rounds`` rounds and medians are compared, with
the load average printed before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
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

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def write_corpus(path: Path, articles: int, polnear: bool) -> Path:
    if not polnear:
        return synthetic.write_jsonl(path, articles, seed=2)
    lines = (SHARED / "data" / "polnear" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [{"id": r["id"], "text": r["text"]} for r in map(json.loads, lines[:articles])]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def load_average() -> str:
    return ", ".join(f"{v:.1f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--polnear", action="store_true", help="texts of ../shared/data/polnear/dev.jsonl")
    args = parser.parse_args()
    print(machine())
    nlp = load()
    import pandas  # noqa: F401  (imported once by the DuckDB writer: not part of either run)
    import pyarrow  # noqa: F401

    with tempfile.TemporaryDirectory(prefix="whosaid-bench-") as tmp:
        source = write_corpus(Path(tmp) / "news.jsonl", args.articles, args.polnear)
        articles = [a for a in read_jsonl(str(source), max_bytes=DEFAULT_MAX_BYTES) if isinstance(a, Article)]
        n_words = words(a.text for a in articles)
        kind = "PolNeAR dev" if args.polnear else "synthetic"
        print(f"{len(articles)} {kind} articles, {n_words} words; load average before: {load_average()}")
        list(analyze_many(articles[:4], nlp))  # warm-up outside the clocks
        seconds: dict[tuple[str, int], list[float]] = {}
        for round_ in range(args.rounds):
            # alternate 1 and 2 workers (and which goes first) so that load changes hit both alike
            for workers in (1, 2) if round_ % 2 == 0 else (2, 1):
                started = time.perf_counter()
                done = sum(1 for _ in analyze_many(articles, nlp, workers=workers, time_limit=60.0))
                seconds.setdefault(("analysis", workers), []).append(time.perf_counter() - started)
                assert done == len(articles)
                store = open_store(Path(tmp) / f"r{round_}-w{workers}.duckdb")
                try:
                    started = time.perf_counter()
                    report = ingest(
                        [str(source)], store, nlp=nlp, workers=workers, progress=False, link=False
                    )
                    seconds.setdefault(("ingest", workers), []).append(time.perf_counter() - started)
                finally:
                    store.close()
                assert report.stored == len(articles), report.failures[:3]
        print(f"medians of {args.rounds} alternating rounds; load average after: {load_average()}")
        for part in ("analysis", "ingest"):
            one, two = statistics.median(seconds[part, 1]), statistics.median(seconds[part, 2])
            runs = " / ".join(
                ", ".join(f"{v:.1f}" for v in seconds[part, w]) for w in (1, 2)
            )  # fmt: skip
            print(
                f"{part:<9} 1 worker {one:7.1f} s ({n_words / one:6.0f} words/s)   "
                f"2 workers {two:7.1f} s ({n_words / two:6.0f} words/s)   "
                f"speed-up {one / two:.2f}x (target >= 1.7)   (runs 1w / 2w: {runs})"
            )


if __name__ == "__main__":
    main()
