"""Where `whosaid ingest` spends its time, stage by stage, and how it compares with bare spaCy.

    .venv/bin/python benchmarks/profile_ingest.py [--articles 200] [--polnear] [--rounds 3]
        [--prefill 0] [--workers] [--cprofile writer|all]

Stages (one process, models loaded before the clocks): each spaCy component (tok2vec, tagger,
parser, ner, ..., and whosaid's extractor ``whosaid_quotes``), ``resolve_article``, then the single
writer's ``assign_entities`` and ``store.add`` per article. ``--prefill N`` first stores N other
articles so that the writer's cost per article can be compared on a fuller store (it must not grow).
Then bare ``nlp.pipe`` and ``ingest(..., link=False)`` alternate ``--rounds`` times (the machine is
shared and noisy: medians are printed), and with ``--workers`` ingest runs with 1 and 2 workers.
Texts are synthetic (``whosaid.scale.synthetic``) or PolNeAR dev texts read at run time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from whosaid.ingest.records import make_article
from whosaid.model import Article
from whosaid.nlp import load, load_base
from whosaid.pipeline import ingest
from whosaid.pipeline_core import finish, make_doc
from whosaid.resolve import assign_entities
from whosaid.scale import synthetic
from whosaid.scale.measure import machine, words
from whosaid.store import open_store

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def records(n: int, polnear: bool, seed: int) -> list[dict[str, Any]]:
    if polnear:
        # the measured texts from dev; prefill texts (seed 2) from train, so none is a duplicate
        split = "dev" if seed == 1 else "train"
        lines = (SHARED / "data" / "polnear" / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
        return [{"id": r["id"], "text": r["text"]} for r in map(json.loads, lines[:n])]
    return list(synthetic.records(n, seed=seed))


def articles_of(rows: list[dict[str, Any]]) -> list[Article]:
    return [make_article(r["text"], outlet=r.get("outlet"), title=r.get("title")) for r in rows]


def stages(articles: list[Article], store_path: Path, prefill: list[Article], profile: str | None) -> None:
    nlp = load()
    store = open_store(store_path)
    try:
        if prefill:
            ingest_articles_quietly(prefill, store)
        spent: dict[str, float] = defaultdict(float)
        docs = []
        for article in articles:
            started = time.perf_counter()
            doc = make_doc(nlp, article)
            spent["tokenizer"] += time.perf_counter() - started
            docs.append(doc)
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            docs = list(proc.pipe(docs, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            spent[name] += time.perf_counter() - started
        analyses = []
        for article, doc in zip(articles, docs, strict=True):
            started = time.perf_counter()
            analyses.append(finish(article, doc))
            spent["resolve_article"] += time.perf_counter() - started
        profiler = cProfile.Profile() if profile == "writer" else None
        if profiler:
            profiler.enable()
        for analysis in analyses:
            with store.transaction():
                started = time.perf_counter()
                assign_entities(store, analysis)
                middle = time.perf_counter()
                store.add(analysis)
                done = time.perf_counter()
            spent["commit"] += time.perf_counter() - done
            spent["assign_entities"] += middle - started
            spent["store.add"] += done - middle
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    finally:
        store.close()
    n = len(articles)
    print(f"\nper-stage cost ({n} articles, store prefilled with {len(prefill)}):")
    for name, seconds in spent.items():
        print(f"  {name:<18} {1000 * seconds / n:8.2f} ms/article")


def ingest_articles_quietly(articles: list[Article], store: Any, workers: int = 1) -> float:
    from whosaid.pipeline import ingest_articles

    started = time.perf_counter()
    report = ingest_articles(
        articles, store, nlp=load(), workers=workers, progress=False, link=False,
        time_limit=None if workers == 1 else 60.0,
    )  # fmt: skip
    assert report.stored == len(articles), report.failures[:3]
    return time.perf_counter() - started


def compare(rows: list[dict[str, Any]], tmp: Path, rounds: int, with_workers: bool) -> None:
    texts = [str(r["text"]) for r in rows]
    n_words = words(texts)
    source = tmp / "news.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    base, full = load_base(), load()
    list(base.pipe(texts[:5]))
    timings: dict[str, list[float]] = defaultdict(list)
    for round_ in range(rounds):
        started = time.perf_counter()
        for _ in base.pipe(texts, batch_size=16):
            pass
        timings["bare spaCy nlp.pipe"].append(time.perf_counter() - started)
        counts = [1, 2] if with_workers else [1]
        for workers in counts:
            store = open_store(tmp / f"e2e-{round_}-{workers}.duckdb")
            try:
                started = time.perf_counter()
                report = ingest(
                    [str(source)], store, nlp=full, progress=False, link=False, workers=workers,
                    time_limit=None if workers == 1 else 60.0,
                )  # fmt: skip
                timings[f"ingest link=False workers={workers}"].append(time.perf_counter() - started)
            finally:
                store.close()
            assert report.stored == len(rows), report.failures[:3]
    print(f"\n{len(rows)} articles, {n_words} words; medians of {rounds} alternating rounds:")
    rates = {}
    for label, values in timings.items():
        seconds = statistics.median(values)
        rates[label] = n_words / seconds
        print(f"  {label:<32} {seconds:7.2f} s  {n_words / seconds:8.0f} words/s  (runs: "
              + ", ".join(f"{v:.1f}" for v in values) + ")")  # fmt: skip
    bare = rates["bare spaCy nlp.pipe"]
    print(f"  ratio ingest(1 worker) / bare spaCy: {rates['ingest link=False workers=1'] / bare:.2f}")
    if with_workers:
        two = rates["ingest link=False workers=2"] / rates["ingest link=False workers=1"]
        print(f"  ratio 2 workers / 1 worker: {two:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--polnear", action="store_true", help="texts of ../shared/data/polnear/dev.jsonl")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--prefill", type=int, default=0, help="articles stored before the stage clocks")
    parser.add_argument("--workers", action="store_true", help="also ingest with 2 workers")
    parser.add_argument("--skip-stages", action="store_true")
    parser.add_argument("--skip-compare", action="store_true")
    parser.add_argument("--cprofile", choices=["writer"], default=None)
    args = parser.parse_args()
    print(machine())
    rows = records(args.articles, args.polnear, seed=1)
    with tempfile.TemporaryDirectory(prefix="whosaid-profile-") as name:
        tmp = Path(name)
        if not args.skip_stages:
            prefill = articles_of(records(args.prefill, args.polnear, seed=2)) if args.prefill else []
            stages(articles_of(rows), tmp / "stages.duckdb", prefill, args.cprofile)
        if not args.skip_compare:
            compare(rows, tmp, args.rounds, args.workers)


if __name__ == "__main__":
    main()
