"""CPU of the single writer (the main process of `whosaid ingest --workers 2 --no-link`) per article.

    .venv/bin/python benchmarks/profile_writer.py [--articles 300] [--workers 2] [--rounds 1] [--profile 25]
    .venv/bin/python benchmarks/profile_writer.py --polnear --link --workers 1 --profile 40  # linking

The speed-up of 2 workers over 1 on two cores is about 2A / (A + W), with A the analysis CPU per
article and W the writer's: W is what this prints (CPU seconds of this process only, from
``resource.getrusage(RUSAGE_SELF)``, so the load of other programs does not count). ``--profile N``
also prints the N functions with the most cumulative time under cProfile (which slows the writer,
so the W of that round is not comparable with the others). ``--link`` ingests with linking (the
writer then also links and embeds its share of the vectors), ``--polnear`` reads the PolNeAR dev
texts at run time instead of synthetic articles.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import statistics
import tempfile
from pathlib import Path

from whosaid.link import linker
from whosaid.nlp import load
from whosaid.pipeline import ingest
from whosaid.scale import synthetic
from whosaid.store import open_store

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def clear_link_caches() -> None:
    """Empty the per-content caches of linking (frames, topics, stems), so that every round pays
    what a first ingest of these texts pays (the warm-up round would otherwise fill them)."""
    from whosaid.link import claim_groups, frames, pairing, stance, stance_features

    for module in (claim_groups, frames, pairing):
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and (info().maxsize or 0) > 1:
                value.cache_clear()
    stance_features._stem.cache_clear()
    stance.clear_text_parts()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--profile", type=int, default=0, help="print the top N functions (one more round)")
    parser.add_argument("--link", action="store_true", help="ingest with linking (default: --no-link)")
    parser.add_argument("--polnear", action="store_true", help="PolNeAR dev texts instead of synthetic")
    args = parser.parse_args()
    nlp = load()
    if args.link:
        from whosaid.link.embed import load_model

        load_model()  # before the clocks, as the CLI loads it before forking workers
    import pandas  # noqa: F401  (imported once by the DuckDB writer: not part of any round)
    import pyarrow  # noqa: F401

    with tempfile.TemporaryDirectory(prefix="whosaid-writer-") as tmp:
        if args.polnear:
            source = Path(tmp) / "news.jsonl"
            lines = (SHARED / "data" / "polnear" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
            records = [{"id": r["id"], "text": r["text"]} for r in map(json.loads, lines)][: args.articles]
            source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            args.articles = len(records)
        else:
            source = synthetic.write_jsonl(Path(tmp) / "news.jsonl", args.articles, seed=2)
        corpus = "PolNeAR dev" if args.polnear else "synthetic"

        # The warm-up (imports, first-use caches) on the first 16 articles only: with linking a
        # round is long.
        warm_source = Path(tmp) / "warm.jsonl"
        warm_lines = source.read_text(encoding="utf-8").splitlines(keepends=True)[:16]
        warm_source.write_text("".join(warm_lines), encoding="utf-8")

        def run(
            name: str, profiler: cProfile.Profile | None = None, path: Path = source, n: int = args.articles
        ) -> tuple[float, float]:
            """Milliseconds of CPU per article: the writer's (W), the analysis workers' (A)."""
            store = open_store(Path(tmp) / f"{name}.duckdb")
            if args.link:
                clear_link_caches()
                linker.STAGE_CPU.clear()
            try:
                before, workers_before = cpu_seconds(), cpu_seconds(resource.RUSAGE_CHILDREN)
                if profiler:
                    profiler.enable()
                report = ingest(
                    [str(path)], store, nlp=nlp, workers=args.workers, progress=False, link=args.link
                )
                if profiler:
                    profiler.disable()
                spent = cpu_seconds() - before
                # the workers have ended (and been waited for) when ingest returns
                analysis = cpu_seconds(resource.RUSAGE_CHILDREN) - workers_before
            finally:
                store.close()
            assert report.stored == n, report.failures[:3]
            return spent / n * 1000, analysis / n * 1000

        run("warm-up", path=warm_source, n=len(warm_lines))  # imports, first-use caches: not clocked
        rounds = [run(f"r{i}") for i in range(args.rounds)]
        if rounds:
            writer = statistics.median(w for w, _ in rounds)
            analysis = statistics.median(a for _, a in rounds)
            runs = ", ".join(f"{w:.1f}" for w, _ in rounds)
            print(
                f"writer CPU per article (W), {args.articles} {corpus} articles, {args.workers} workers, "
                f"{'linking' if args.link else '--no-link'}: median {writer:.1f} ms (runs: {runs})\n"
                f"analysis CPU per article (A, all workers): median {analysis:.1f} ms; "
                f"2 workers over 1 on two cores, about 2A/(A+W) = {2 * analysis / (analysis + writer):.2f}x"
            )
            if args.link:
                stages = ", ".join(f"{k} {v:.2f}" for k, v in linker.STAGE_CPU.items())
                print(f"linking CPU seconds in the writer by stage (last round): {stages}")
        if args.profile:
            profiler = cProfile.Profile()
            run("profiled", profiler)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
