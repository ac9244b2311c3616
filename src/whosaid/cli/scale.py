"""``whosaid spark`` (run the extraction on Spark) and ``whosaid load`` (its tables into a store)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

PROGRESS_EVERY = 100  # articles between progress lines of `whosaid load`


def _spark(args: argparse.Namespace) -> int:
    from whosaid.scale import job

    spark = job.session(args.master)
    try:
        stats = job.run(spark, args.input, args.output, args.input_format, args.partitions)
    finally:
        spark.stop()
    print(job.describe(stats))
    return 0


def _load(args: argparse.Namespace) -> int:
    from whosaid.scale.load import LoadStats, load
    from whosaid.store import open_store

    def progress(stats: LoadStats) -> None:
        if stats.articles_seen % PROGRESS_EVERY == 0:
            print(
                f"whosaid load: {stats.articles_added} articles added, "
                f"{stats.articles_present} already there",
                file=sys.stderr,
                flush=True,
            )

    store = open_store(args.db)
    try:
        stats = load(args.output, store, progress=progress, link=args.link)
    finally:
        store.close()
    print(
        f"whosaid load: {stats.articles_added} articles added ({stats.statements_added} statements), "
        f"{stats.articles_present} already in {args.db or 'whosaid.duckdb'}, over {stats.days} days; "
        f"{stats.linked} linked into stories"
    )
    for failure in stats.failures:
        print(f"whosaid load: {failure}", file=sys.stderr)
    return 1 if stats.failures else 0


def register(subparsers: Any) -> None:
    from whosaid.scale.job import build_parser

    spark = subparsers.add_parser(
        "spark",
        help="analyse JSON Lines, Parquet or WARC on Spark into Parquet tables",
        description="Run whosaid's extraction on Spark (local or a cluster) and write Parquet tables "
        "articles, statements, entities, mentions, dates, quantities partitioned by publication day.",
    )
    build_parser(spark, default_master="local[*]")
    spark.set_defaults(func=_spark)

    load = subparsers.add_parser(
        "load",
        help="load the Parquet tables of `whosaid spark` into the store",
        description="Add every article of a `whosaid spark` output to the store. Safe to re-run, also "
        "after an interrupted load: each article is added once, whole.",
    )
    load.add_argument("output", help="the OUTPUT directory or URI given to `whosaid spark`")
    load.add_argument("--db", default=None, help="DuckDB file or postgresql:// URL (default: whosaid.duckdb)")
    load.add_argument(
        "--no-link",
        dest="link",
        action="store_false",
        help="do not group the articles into stories and claims now (run `whosaid link` later)",
    )
    load.set_defaults(func=_load)
