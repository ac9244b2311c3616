"""CPU of the single writer (the main process of `whosaid ingest --workers 2 --no-link`) per article.

    .venv/bin/python benchmarks/profile_writer.py [--articles 300] [--workers 2] [--rounds 1] [--profile 25]

The speed-up of 2 workers over 1 on two cores is about 2A / (A + W), with A the analysis CPU per
article and W the writer's: W is what this prints (CPU seconds of this process only, from
``resource.getrusage(RUSAGE_SELF)``, so the load of other programs does not count). ``--profile N``
also prints the N functions with the most cumulative time under cProfile (which slows the writer,
so the W of that round is not comparable with the others).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import statistics
import tempfile
from pathlib import Path

from whosaid.nlp import load
from whosaid.pipeline import ingest
from whosaid.scale import synthetic
from whosaid.store import open_store


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--profile", type=int, default=0, help="print the top N functions (one more round)")
    args = parser.parse_args()
    nlp = load()
    import pandas  # noqa: F401  (imported once by the DuckDB writer: not part of any round)
    import pyarrow  # noqa: F401

    with tempfile.TemporaryDirectory(prefix="whosaid-writer-") as tmp:
        source = synthetic.write_jsonl(Path(tmp) / "news.jsonl", args.articles, seed=2)

        def run(name: str, profiler: cProfile.Profile | None = None) -> tuple[float, float]:
            """Milliseconds of CPU per article: the writer's (W), the analysis workers' (A)."""
            store = open_store(Path(tmp) / f"{name}.duckdb")
            try:
                before, workers_before = cpu_seconds(), cpu_seconds(resource.RUSAGE_CHILDREN)
                if profiler:
                    profiler.enable()
                report = ingest(
                    [str(source)], store, nlp=nlp, workers=args.workers, progress=False, link=False
                )
                if profiler:
                    profiler.disable()
                spent = cpu_seconds() - before
                # the workers have ended (and been waited for) when ingest returns
                analysis = cpu_seconds(resource.RUSAGE_CHILDREN) - workers_before
            finally:
                store.close()
            assert report.stored == args.articles, report.failures[:3]
            return spent / args.articles * 1000, analysis / args.articles * 1000

        run("warm-up")  # imports and first-use caches outside the clock
        rounds = [run(f"r{i}") for i in range(args.rounds)]
        writer = statistics.median(w for w, _ in rounds)
        analysis = statistics.median(a for _, a in rounds)
        runs = ", ".join(f"{w:.1f}" for w, _ in rounds)
        print(
            f"writer CPU per article (W), {args.articles} synthetic articles, {args.workers} workers, "
            f"--no-link: median {writer:.1f} ms (runs: {runs})\n"
            f"analysis CPU per article (A, all workers): median {analysis:.1f} ms; "
            f"2 workers over 1 on two cores, about 2A/(A+W) = {2 * analysis / (analysis + writer):.2f}x"
        )
        if args.profile:
            profiler = cProfile.Profile()
            run("profiled", profiler)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
