"""Fixed-budget fuzz run over whosaid's readers (issue 7), driven by hypothesis.

Seeds are the reader fixtures, the demo corpus, a small WARC and the small hostile corpus; hypothesis
draws mutation plans (flip, insert, delete, duplicate, truncate, splice two seeds, swap the file
suffix) and every mutant is read through ``read_path``. The invariants: no exception escapes, at
least one record comes out, every Article has a non-empty ``str`` text whose id is its content hash,
and no single input takes longer than the slow threshold.

    .venv/bin/python benchmarks/fuzz_readers.py --examples 3000 --seed 1

Exit status 0 when the budget ran clean, 1 with the (shrunk) failing input printed otherwise.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from whosaid.demo_data import demo_paths
from whosaid.ingest import Article, ReadFailure, read_path
from whosaid.model import content_id

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = [".md", ".txt", ".html", ".jsonl", ".rss", ".xml", ".warc", ".warc.gz", ".parquet", ".bin"]
SLOW_SECONDS = 5.0


@dataclass
class FuzzStats:
    inputs: int = 0
    articles: int = 0
    failures: int = 0
    slowest: float = 0.0
    slowest_input: str = ""


def _small_warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = BytesIO()
    writer = WARCWriter(out, gzip=True)
    for i in range(2):
        page = (
            f"<html><body><h1>Story {i}</h1><p>The chief said that all was well, twice {i}.</p></body></html>"
        )
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://fuzz.example/{i}", "response", payload=BytesIO(page.encode()), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def load_seeds(tmp: Path) -> list[tuple[str, bytes]]:
    """(suffix, bytes) of every seed input."""
    seeds: list[tuple[str, bytes]] = []
    paths = [Path(p) for p in demo_paths()]
    paths += sorted(
        p for p in (ROOT / "tests" / "ingest" / "data").rglob("*") if p.is_file() and "expected" not in p.name
    )
    spec = importlib.util.spec_from_file_location(
        "make_hostile", ROOT / "tests" / "data" / "hostile" / "make_hostile.py"
    )
    assert spec and spec.loader
    hostile = importlib.util.module_from_spec(spec)
    sys.modules["make_hostile"] = hostile
    spec.loader.exec_module(hostile)
    hostile.make_hostile(tmp / "hostile", big=False)
    paths += sorted(p for p in (tmp / "hostile").iterdir() if p.stat().st_size < 300_000)
    for path in paths:
        suffix = ".warc.gz" if path.name.endswith(".warc.gz") else path.suffix
        seeds.append((suffix, path.read_bytes()))
    seeds.append((".warc.gz", _small_warc()))
    return seeds


def mutate(data: bytes, other: bytes, plan: list[tuple[str, int, int]]) -> bytes:
    buf = bytearray(data)
    for op, a, b in plan:
        at = a % (len(buf) + 1)
        if op == "flip" and buf:
            buf[at % len(buf)] ^= 1 << (b % 8)
        elif op == "insert":
            buf[at:at] = bytes([b % 256]) * (1 + b % 7)
        elif op == "delete":
            del buf[at : at + 1 + b % 64]
        elif op == "duplicate":
            buf[at:at] = buf[at : at + 1 + b % 256]
        elif op == "truncate":
            del buf[at:]
        elif op == "splice" and other:
            cut = b % len(other)
            buf[at:] = other[cut:]
        elif op == "magic":
            token = [
                b"<",
                b">",
                b"\x00",
                b"\xff\xfe",
                b"\x1f\x8b\x08",
                b"WARC/1.0\r\n",
                b"<!ENTITY",
                b"]]>",
                b"&#x0;",
                b"\r",
                b'"',
                b"\xe2\x80\x9c",
                b"[",
                b"](",
                b"**",
                b"# ",
            ][b % 16]
            buf[at:at] = token
    return bytes(buf)


def check(items: list[Article | ReadFailure], path: Path) -> None:
    assert items, "no record at all"
    for item in items:
        assert isinstance(item, Article | ReadFailure), type(item)
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text.strip()
            assert item.id == content_id(item.text)
        else:
            assert item.source.startswith(str(path)) and item.reason


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="mutants to try (the budget)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        seeds = load_seeds(tmp)
        stats = FuzzStats()
        operations = st.sampled_from(["flip", "insert", "delete", "duplicate", "truncate", "splice", "magic"])
        plans = st.lists(st.tuples(operations, st.integers(0, 1 << 20), st.integers(0, 1 << 16)), max_size=8)

        @seed(args.seed)
        @settings(
            max_examples=args.examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(
            st.integers(0, len(seeds) - 1),
            st.integers(0, len(seeds) - 1),
            plans,
            st.sampled_from(SUFFIXES + [""] * 6),
        )
        def fuzz_one(index: int, other: int, plan: list[tuple[str, int, int]], new_suffix: str) -> None:
            suffix, data = seeds[index]
            mutant = mutate(data, seeds[other][1], plan)
            path = tmp / f"mutant{new_suffix or suffix}"
            path.write_bytes(mutant)
            started = time.monotonic()
            items = list(read_path(str(path), max_bytes=2_000_000))
            took = time.monotonic() - started
            if took > SLOW_SECONDS:
                # Libraries import parts of themselves on first use (htmldate's fallback date parser
                # takes seconds): time the input again before calling it slow.
                started = time.monotonic()
                items = list(read_path(str(path), max_bytes=2_000_000))
                took = time.monotonic() - started
            check(items, path)
            stats.inputs += 1
            stats.articles += sum(isinstance(i, Article) for i in items)
            stats.failures += sum(isinstance(i, ReadFailure) for i in items)
            if took > stats.slowest:
                stats.slowest, stats.slowest_input = took, f"{seeds[index][0]} seed {index} plan {plan}"
            assert took < SLOW_SECONDS, f"{took:.1f}s on one input"

        started = time.monotonic()
        try:
            fuzz_one()
        except Exception as exc:  # report the shrunk case and fail
            print(f"FINDING after {stats.inputs} inputs: {type(exc).__name__}: {exc}", file=sys.stderr)
            for note in getattr(exc, "__notes__", []):
                print(note, file=sys.stderr)
            return 1
        elapsed = time.monotonic() - started
    print(
        f"fuzz_readers: {stats.inputs} inputs from {len(seeds)} seeds in {elapsed:.0f}s: "
        f"{stats.articles} articles, {stats.failures} read failures, 0 exceptions escaped; "
        f"slowest input {stats.slowest:.2f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
