"""Linking cost as the corpus grows: 10,000 synthetic articles fed to the link stage in batches.

usage: .venv/bin/python benchmarks/bench_link.py [--articles 10000] [--batch 500] [--db PATH]

Synthetic articles describe events (about five articles each, over a few days, about 30 articles a
day, as a news feed grows with time); each has two statements. Vectors come from a hash of the text
instead of the sentence model, so the figures measure linking (story placement, claims, relations,
store reads and writes), not the model. Prints seconds per 1,000 articles as the store fills: about
constant means linking cost grows linearly with the number of articles.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from whosaid.link.linker import link_articles
from whosaid.model import Article, ArticleAnalysis, Span, Statement, content_id
from whosaid.store import open_store

ARTICLES_PER_DAY = 30
ARTICLES_PER_EVENT = 5


def hashed_vectors(texts: Any) -> Any:
    """A stand-in encoder: texts sharing an 'Event N' tag get nearby vectors, others far apart."""
    rows = []
    for text in texts:
        tag = text.split("Event ", 1)[1].split()[0] if "Event " in text else text
        base = np.random.default_rng(int(hashlib.sha256(tag.encode()).hexdigest()[:8], 16)).normal(size=384)
        noise = np.random.default_rng(int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)).normal(size=384)
        vector = base + 0.5 * noise
        rows.append(vector / np.linalg.norm(vector))
    return np.asarray(rows, dtype=np.float32)


def synthetic_analysis(n: int, rng: random.Random, per_event: int = ARTICLES_PER_EVENT) -> ArticleAnalysis:
    event = n // per_event
    day = date(2024, 1, 1) + timedelta(days=n // ARTICLES_PER_DAY + rng.randint(0, 2))
    place = f"Varholm{event}"
    killed = 10 + event % 7 + rng.choice([0, 0, 3])
    lead = f"Event {event}: fire at the {place} depot. Officials in {place} counted the dead on the day."
    quote = f"{killed} people had been killed in the fire at {place}"
    second = f"the depot at {place} would reopen next month after repairs"
    text = f"{lead}\n\nMayor Ann Berg{event % 50} said that {quote}.\n\nThe owner said that {second}.\n"
    article = Article(content_id(text + str(n)), text, f"Event {event} at {place}", outlet=f"Outlet {n % 7}",
                      published=day)  # fmt: skip
    statements = []
    for index, (speaker, content) in enumerate(((f"Ann Berg{event % 50}", quote), ("the owner", second))):
        start = text.index(content)
        statements.append(Statement(article.id, "indirect", content, Span(start, start + len(content)),
                                    cue="said", speaker=speaker, index=index))  # fmt: skip
    return ArticleAnalysis(article, statements)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--db", type=Path, default=None, help="DuckDB file (default: a temporary one)")
    parser.add_argument(
        "--per-event",
        type=int,
        default=ARTICLES_PER_EVENT,
        help="articles per event; a large value makes one story grow without end (its cost per new "
        "article must stay flat: only the latest articles in the time window are related)",
    )
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="whosaid-bench-")) / "bench.duckdb"
    store = open_store(db)
    rng = random.Random(7)
    print(f"{'articles':>9} {'stories':>8} {'relations':>10} {'s per 1k linked':>16}")
    linked = 0
    seconds_per_1k = []
    while linked < args.articles:
        batch = [synthetic_analysis(linked + i, rng, args.per_event) for i in range(args.batch)]
        for analysis in batch:
            store.add(analysis)
        started = time.perf_counter()
        link_articles(store, [a.article.id for a in batch], encoder=hashed_vectors)
        elapsed = time.perf_counter() - started
        linked += len(batch)
        seconds_per_1k.append(elapsed * 1000 / len(batch))
        counts = store.counts()
        print(
            f"{linked:>9} {counts['stories']:>8} {counts['relations']:>10} {seconds_per_1k[-1]:>16.2f}",
            flush=True,
        )
    first, last = np.mean(seconds_per_1k[:2]), np.mean(seconds_per_1k[-2:])
    print(f"cost per 1k articles: first {first:.2f}s, last {last:.2f}s (ratio {last / first:.2f}; "
          "about 1 means linear growth)")  # fmt: skip
    store.close()


if __name__ == "__main__":
    main()
