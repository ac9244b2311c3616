"""``whosaid watch`` (follow feeds and sites) and ``whosaid sources`` (what following them brought)."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from whosaid.cli.common import db_option, open_db
from whosaid.errors import WhosaidError


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "watch",
        help="poll feeds and sites listed in a file and ingest their new articles",
        description="Poll the feeds (RSS/Atom) and homepages listed in SOURCES (one URL a line, # for "
        "comments), fetch articles not fetched before, and store them. Ctrl-C stops after the current "
        "article; running again resumes.",
    )
    p.add_argument("sources", metavar="SOURCES.txt")
    p.add_argument("--every", default="15m", help="time between polls, e.g. 15m, 1h, 90s (default 15m)")
    p.add_argument("--once", action="store_true", help="poll every source once, then stop")
    p.add_argument(
        "--delay", type=_seconds, default=1.0, help="seconds between requests to one host (default 1)"
    )
    p.add_argument(
        "--timeout", type=_seconds, default=20.0, help="seconds to wait for one response (default 20)"
    )
    p.add_argument("--max-bytes", type=int, default=5_000_000, help="largest page fetched (default 5 MB)")
    db_option(p)
    p.set_defaults(func=_watch)

    p = subparsers.add_parser(
        "sources", help="the feeds and sites followed: last fetch, new articles, errors"
    )
    db_option(p)
    p.add_argument("--json", action="store_true", help="one JSON array of sources")
    p.set_defaults(func=_sources)


def _seconds(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT/SIGTERM ask the watcher to stop between items; a second SIGINT stops at once."""

    def ask(signum: int, frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        print(
            "whosaid watch: stopping after the current article (Ctrl-C again to quit now).", file=sys.stderr
        )

    previous = {sig: signal.signal(sig, ask) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _watch(args: argparse.Namespace) -> int:
    from whosaid.ingest.fetch import Fetcher, FetchSettings
    from whosaid.ingest.watch import Watcher, WatchSettings, parse_interval, pipeline_storer, read_sources

    sources = read_sources(args.sources)
    if not sources:
        raise WhosaidError(
            f"whosaid: {args.sources} lists no sources; write one feed or homepage URL a line."
        )
    every = parse_interval(args.every)
    if args.max_bytes < 1:
        raise WhosaidError("whosaid: --max-bytes must be a positive number of bytes.")
    from whosaid.link import update_links

    stop = threading.Event()
    settings = FetchSettings(delay=args.delay, timeout=args.timeout, max_bytes=args.max_bytes)
    store = open_db(args.db)
    try:
        with Fetcher(settings) as fetcher, _stop_on_signals(stop):
            watcher = Watcher(
                store,
                fetcher,
                pipeline_storer(store),  # loads the language model at the first new article
                settings=WatchSettings(every=every),
                stop=stop,
                report=lambda line: print(line, file=sys.stderr, flush=True),
                link_new=lambda ids: update_links(store, ids),
            )
            reports = watcher.run(sources, once=args.once)
    finally:
        store.close()
    new = sum(report.new for report in reports)
    polls = len(reports)
    print(f"whosaid watch: {new} new article(s) stored in {polls} poll(s).", file=sys.stderr)
    return 0


def _sources(args: argparse.Namespace) -> int:
    from whosaid.ingest.watch import source_rows

    store = open_db(args.db)
    try:
        rows = source_rows(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(rows, default=str, indent=2))
        return 0
    if not rows:
        print("No sources followed yet: run `whosaid watch SOURCES.txt`.")
        return 0
    for row in rows:
        when = str(row["last_fetched_at"])[:19] if row["last_fetched_at"] else "never"
        status = row["last_status"] if row["last_status"] is not None else "-"
        indent = "  " if row["discovered_from"] else ""
        line = (
            f"{indent}{row['url']}  [{row['kind']}]  last fetch {when}  status {status}  "
            f"new {row['last_new']} (total {row['articles_added']})  errors {row['last_errors']}"
        )
        if row["last_error"]:
            line += f"  last error: {row['last_error']}"
        print(line)
    return 0
