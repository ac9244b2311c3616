"""Where linking time goes: cProfile and per-stage seconds of ``link_pending`` on a stored corpus.

usage: .venv/bin/python benchmarks/profile_link.py [--articles 300] [--base PATH] [--runs 1] [--top 25]

Builds (once) a DuckDB file of synthetic articles from ``whosaid.scale.synthetic`` ingested WITHOUT
linking (``--base``, kept so later runs skip the costly analysis), then for each run copies it and
times ``link_pending`` on the copy with the real sentence model and stance model. Prints the seconds
of each linking stage (``whosaid.link.linker.STAGE_SECONDS``), their median over the runs, and the
functions with the most cumulative time in the last run.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def build_base(path: Path, articles: int) -> None:
    from whosaid import pipeline
    from whosaid.scale.synthetic import write_jsonl
    from whosaid.store import open_store

    source = write_jsonl(path.with_suffix(".jsonl"), articles)
    store = open_store(path)
    started = time.perf_counter()
    pipeline.ingest([str(source)], store, link=False, progress=False)
    print(f"built {path} in {time.perf_counter() - started:.1f}s: {store.counts()}")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--base", type=Path, default=None, help="DuckDB file of unlinked articles")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", help="pstats order: cumulative, tottime, ...")
    args = parser.parse_args()
    base = args.base or Path(tempfile.gettempdir()) / f"whosaid-link-base-{args.articles}.duckdb"
    if not base.exists():
        build_base(base, args.articles)
    from whosaid.link import embed, link_pending
    from whosaid.link.linker import STAGE_SECONDS
    from whosaid.link.stance import load_model
    from whosaid.store import open_store

    # Model loading is a once-per-process cost, not per article: keep it out of the timings.
    embed.encode(["warm up"])
    load_model()
    print(f"load average {os.getloadavg()[0]:.1f}")
    totals: list[float] = []
    stages: dict[str, list[float]] = {}
    profile_text = ""
    for run in range(args.runs):
        work = Path(tempfile.mkdtemp(prefix="whosaid-link-prof-")) / "link.duckdb"
        shutil.copy(base, work)
        store = open_store(work)
        STAGE_SECONDS.clear()
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        summary = link_pending(store)
        profiler.disable()
        totals.append(time.perf_counter() - started)
        for stage, seconds in STAGE_SECONDS.items():
            stages.setdefault(stage, []).append(seconds)
        print(f"run {run + 1}: {totals[-1]:.2f}s {summary}", flush=True)
        store.close()
        shutil.rmtree(work.parent, ignore_errors=True)
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
        profile_text = out.getvalue()
    print(f"\nmedian total {statistics.median(totals):.2f}s over {args.runs} run(s)")
    for stage, values in stages.items():
        print(f"  {stage:<22} {statistics.median(values):8.2f}s")
    print(profile_text)


if __name__ == "__main__":
    main()
