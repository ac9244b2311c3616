"""End-to-end `whosaid ingest` against bare spaCy on the same texts, in the same run.

    .venv/bin/python benchmarks/bench_ingest.py [--articles 1000] [--polnear] [--no-link] [--workers N]

Bare spaCy: ``whosaid.nlp.load_base()`` and ``nlp.pipe`` over the texts (tokeniser, tagger, parser,
NER: what any extractor on this model pays). End to end: ``whosaid.pipeline.ingest`` of a JSON Lines
file into a fresh DuckDB file (reading, extraction, entity resolution, storing; linking on, as
``whosaid ingest`` runs). Models are loaded before the clocks start. Target: ratio >= 0.8.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path

from whosaid.ingest.records import make_article
from whosaid.link import linker
from whosaid.link.embed import load_model as load_sentence_model
from whosaid.link.stance import load_model as load_stance_model
from whosaid.model import Article
from whosaid.nlp import load, load_base
from whosaid.pipeline import analyze_many, ingest
from whosaid.scale import synthetic
from whosaid.scale.measure import machine, words
from whosaid.store import open_store

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def corpus(path: Path, articles: int, polnear: bool) -> list[str]:
    """Write the JSON Lines file; return its texts."""
    if polnear:
        lines = (SHARED / "data" / "polnear" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
        records = [{"id": r["id"], "text": r["text"]} for r in map(json.loads, lines)][:articles]
    else:
        records = list(synthetic.records(articles, seed=1))
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [str(r["text"]) for r in records]


def rate(label: str, n_articles: int, n_words: int, seconds: float) -> float:
    speed = f"{n_articles / seconds:8.1f} articles/s  {n_words / seconds:9.0f} words/s"
    print(f"{label:<34} {seconds:8.1f} s  {speed}")
    return n_words / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--polnear", action="store_true", help="use ../shared/data/polnear/dev.jsonl texts")
    parser.add_argument("--no-link", dest="link", action="store_false", help="ingest without linking")
    parser.add_argument("--workers", type=int, default=1, help="analysis worker processes of the ingest")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="whosaid-bench-") as tmp:
        source = Path(tmp) / "news.jsonl"
        texts = corpus(source, args.articles, args.polnear)
        n, n_words = len(texts), words(texts)
        print(f"{n} articles, {n_words} words ({'PolNeAR dev' if args.polnear else 'synthetic'})")
        base, full = load_base(), load()
        if args.link:
            load_sentence_model()  # loaded before the clocks start, like the spaCy models
            load_stance_model()  # as is the stance model (ingest loads it before its workers start)
        list(base.pipe(texts[:5]))  # warm up both pipelines outside the clocks
        list(analyze_many(synthetic_articles(texts[:5]), full))

        started = time.perf_counter()
        for _ in base.pipe(texts, batch_size=16):
            pass
        bare = rate("bare spaCy nlp.pipe", n, n_words, time.perf_counter() - started)

        started = time.perf_counter()
        for _ in analyze_many(synthetic_articles(texts), full, time_limit=None):
            pass
        rate("whosaid extraction (no store)", n, n_words, time.perf_counter() - started)

        store = open_store(Path(tmp) / "bench.duckdb")
        try:
            cpu_before = cpu_seconds()
            started = time.perf_counter()
            linker.STAGE_SECONDS.clear()
            report = ingest(
                [str(source)], store, nlp=full, progress=False, link=args.link, workers=args.workers
            )
            label = f"whosaid ingest ({'linking' if args.link else 'no linking'}, {args.workers} worker(s))"
            end_to_end = rate(label, n, n_words, time.perf_counter() - started)
            writer, workers = (
                after - before for after, before in zip(cpu_seconds(), cpu_before, strict=True)
            )
            print(f"CPU seconds: writer (this process) {writer:.1f}, analysis workers {workers:.1f}")
        finally:
            store.close()
        assert report.stored == n, report.failures[:3]
        print(f"statements stored: {report.statements}")
        if args.link:
            # In this process only: with --workers > 1 the sentence vectors are computed in the workers.
            stages = ", ".join(f"{k} {v:.1f}" for k, v in linker.STAGE_SECONDS.items())
            print(f"linking seconds in the writer by stage: {stages}")
        print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(f"ratio end-to-end / bare spaCy words/s: {end_to_end / bare:.2f} (target >= 0.8)")


def cpu_seconds() -> tuple[float, float]:
    """User + system CPU seconds of this process and of its finished children (the workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def synthetic_articles(texts: list[str]) -> list[Article]:
    return [make_article(t) for t in texts]


if __name__ == "__main__":
    main()
