"""The Spark job on local[2] against the local pipeline, on the same synthetic articles.

    .venv/bin/python benchmarks/bench_spark.py [--articles 300]

Local: ``pipeline.analyze_many`` with 1 and with 2 worker processes (analysis only, no store).
Spark: ``whosaid spark`` on ``local[2]`` (session start timed apart; the job reads JSON Lines,
analyses in 2 Python workers, writes the six Parquet tables), then ``whosaid load`` of its output
into a fresh DuckDB file. Both sides must find the same number of statements.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from whosaid.ingest.jsonl import read_jsonl
from whosaid.ingest.records import DEFAULT_MAX_BYTES
from whosaid.model import Article, ArticleAnalysis
from whosaid.nlp import load
from whosaid.pipeline import analyze_many
from whosaid.scale import job, synthetic
from whosaid.scale.load import load as load_tables
from whosaid.scale.measure import machine, words
from whosaid.store import open_store

SPARK_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.driver.memory": "2g",
}


def line(label: str, seconds: float, n: int, n_words: int) -> None:
    print(f"{label:<40} {seconds:7.1f} s  {n / seconds:6.1f} articles/s  {n_words / seconds:7.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="whosaid-bench-") as tmp:
        source = synthetic.write_jsonl(Path(tmp) / "news.jsonl", args.articles, seed=6)
        articles = [a for a in read_jsonl(str(source), max_bytes=DEFAULT_MAX_BYTES) if isinstance(a, Article)]
        n, n_words = len(articles), words(a.text for a in articles)
        print(f"{n} synthetic articles, {n_words} words")

        nlp = load()
        local_statements = 0
        for workers in (1, 2):
            started = time.perf_counter()
            results = list(
                analyze_many(articles, nlp, workers=workers, time_limit=None if workers == 1 else 60.0)
            )
            line(f"local pipeline, {workers} worker(s)", time.perf_counter() - started, n, n_words)
            local_statements = sum(len(r.statements) for r in results if isinstance(r, ArticleAnalysis))

        started = time.perf_counter()
        spark = job.session("local[2]", "whosaid-bench", **SPARK_CONF)
        spark.sparkContext.setLogLevel("ERROR")
        print(f"{'Spark session start':<40} {time.perf_counter() - started:7.1f} s")
        try:
            output = Path(tmp) / "out"
            started = time.perf_counter()
            stats = job.run(spark, str(source), str(output), partitions=4)
            line("Spark job local[2] (read, analyse, write)", time.perf_counter() - started, n, n_words)
            shutil.rmtree(output)
            started = time.perf_counter()
            stats = job.run(spark, str(source), str(output), partitions=4)
            line("  again, Python workers warm", time.perf_counter() - started, n, n_words)
        finally:
            spark.stop()
        store = open_store(Path(tmp) / "loaded.duckdb")
        try:
            started = time.perf_counter()
            loaded = load_tables(str(output), store, link=False)
            line("whosaid load (DuckDB, no linking)", time.perf_counter() - started, n, n_words)
        finally:
            store.close()
        found = f"local {local_statements}, Spark {stats.statements}, loaded {loaded.statements_added}"
        print(f"statements: {found}")
        assert local_statements == stats.statements == loaded.statements_added


if __name__ == "__main__":
    main()
