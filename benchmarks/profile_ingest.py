"""Where `whosaid ingest` spends its time, stage by stage, and how it compares with bare spaCy.

    .venv/bin/python benchmarks/profile_ingest.py [--articles 200] [--polnear] [--rounds 3]
        [--prefill 0] [--workers] [--cprofile writer|all]

Stages (one process, models loaded before the clocks): each spaCy component (tok2vec, tagger,
parser, ner, ..., and whosaid's extractor ``whosaid_quotes``), ``resolve_article``, then the single
writer's ``assign_entities`` and ``store.add`` per article. ``--prefill N`` first stores N other
articles so that the writer's cost per article can be compared on a fuller store (it must not grow).
Then bare ``nlp.pipe`` and ``ingest(..., link=False)`` alternate ``--rounds`` times (the machine is
shared and noisy: medians are printed): ingest as ``whosaid ingest`` runs it (one analysis worker,
this process writing), all in this process (no time limit), and with ``--workers`` 2 workers.
Texts are synthetic (``whosaid.scale.synthetic``) or PolNeAR dev texts read at run time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pickle
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
from whosaid.pipeline import WRITE_BATCH, ingest
from whosaid.pipeline_core import finish, make_doc
from whosaid.resolve import assign_entities_many
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
    import pandas  # noqa: F401  (the DuckDB writer's Arrow inserts import pyarrow and pandas once)
    import pyarrow  # noqa: F401

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
        # what a worker sends back for each article: the analysis, pickled
        started = time.perf_counter()
        sizes = [
            len(pickle.loads(pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)).article.text)
            for a in analyses
        ]
        spent["pickle round trip"] += time.perf_counter() - started
        assert len(sizes) == len(analyses)
        profiler = cProfile.Profile() if profile == "writer" else None
        if profiler:
            profiler.enable()
        # as the writer of `whosaid ingest` does: WRITE_BATCH articles per transaction and statement
        for first in range(0, len(analyses), WRITE_BATCH):
            batch = analyses[first : first + WRITE_BATCH]
            with store.transaction():
                started = time.perf_counter()
                assign_entities_many(store, batch)
                middle = time.perf_counter()
                store.add_many(batch)
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
    busy = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"\nper-stage cost ({n} articles, store prefilled with {len(prefill)}; load average {busy}):")
    for name, seconds in spent.items():
        print(f"  {name:<18} {1000 * seconds / n:8.2f} ms/article")


def ingest_articles_quietly(articles: list[Article], store: Any) -> None:
    from whosaid.pipeline import ingest_articles

    report = ingest_articles(articles, store, nlp=load(), progress=False, link=False)
    assert report.stored == len(articles), report.failures[:3]


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
        # (label, workers, time limit): the default of `whosaid ingest` analyses in one worker process
        # while this process writes; without a time limit, one process does both, one after the other.
        runs = [("ingest workers=1 (default)", 1, 60.0), ("ingest in-process", 1, None)]
        if with_workers:
            runs.append(("ingest workers=2", 2, 60.0))
        for label, workers, limit in runs:
            store = open_store(tmp / f"e2e-{round_}-{len(timings[label])}-{workers}-{limit}.duckdb")
            try:
                started = time.perf_counter()
                report = ingest(
                    [str(source)], store, nlp=full, progress=False, link=False, workers=workers,
                    time_limit=limit,
                )  # fmt: skip
                timings[label].append(time.perf_counter() - started)
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
    for label in ("ingest workers=1 (default)", "ingest in-process"):
        print(f"  ratio {label} / bare spaCy: {rates[label] / bare:.2f}")
    if with_workers:
        two = rates["ingest workers=2"] / rates["ingest workers=1 (default)"]
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
