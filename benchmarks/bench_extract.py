"""Throughput of the extractor: words/s of the bare spaCy pipeline vs the pipeline with whosaid_quotes.

Runs both on the same texts (PolNeAR dev by default; any gold or plain JSON Lines with ``text``) and
prints the ratio; the target is >= 0.8 (the extractor works on the parsed Doc, no second parse).

    .venv/bin/python benchmarks/bench_extract.py [--jsonl PATH] [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from whosaid.nlp import load, load_base

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "data" / "polnear" / "dev.jsonl"
FALLBACK = ROOT / "tests" / "extract" / "data"


def read_texts(path: Path, limit: int) -> list[str]:
    if path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["text"] for line in lines if line.strip()][:limit]
    print(f"{path} is absent; using the test texts in {FALLBACK}", file=sys.stderr)
    return [p.read_text(encoding="utf-8") for p in sorted(FALLBACK.glob("*.txt"))] * 10


def words_per_second(pipe_texts: list[str], nlp: object, repeat: int) -> float:
    best = 0.0
    words = sum(len(t.split()) for t in pipe_texts)
    for _ in range(repeat):
        started = time.perf_counter()
        for _doc in nlp.pipe(pipe_texts, batch_size=16):  # type: ignore[attr-defined]
            pass
        best = max(best, words / (time.perf_counter() - started))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jsonl", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=84)
    parser.add_argument("--repeat", type=int, default=2, help="best of R runs for each pipeline")
    args = parser.parse_args()
    texts = read_texts(args.jsonl, args.limit)
    bare, full = load_base(), load()
    # warm both pipelines so model loading and first-call costs are not measured
    for nlp in (bare, full):
        for _ in nlp.pipe(texts[:2]):
            pass
    bare_wps = words_per_second(texts, bare, args.repeat)
    full_wps = words_per_second(texts, full, args.repeat)
    words = sum(len(t.split()) for t in texts)
    print(f"texts: {len(texts)}  words: {words}")
    print(f"bare spaCy:        {bare_wps:8.0f} words/s")
    print(f"with whosaid_quotes: {full_wps:8.0f} words/s")
    print(f"ratio: {full_wps / bare_wps:.2f} (target >= 0.80)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
