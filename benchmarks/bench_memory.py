"""Peak memory while streaming a 100k-article JSON Lines file and a multi-GB WARC (target: flat).

    .venv/bin/python benchmarks/bench_memory.py [--articles 100000] [--warc-gb 2]

Both files are generated on the fly under /tmp and deleted afterwards. They go through the readers
only (``whosaid.ingest.read_paths``: JSON decoding, or WARC parsing and trafilatura extraction of
every HTML page), not through the language analysis, which holds one chunk of articles at a time
whatever the input size. Resident memory is sampled as articles stream by; the target is a peak at
100k articles within 10% of the peak at 10k.

The WARC mixes news pages with large non-HTML responses (images, 1 MB of random bytes each), as
crawls do: the reader must stream past them without holding them.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from io import BytesIO
from pathlib import Path

from whosaid.ingest import read_paths
from whosaid.model import Article
from whosaid.scale import synthetic
from whosaid.scale.measure import machine, peak_rss_mb, rss_mb


def stream(path: Path, checkpoints: set[int]) -> tuple[int, int, dict[int, float]]:
    """Read every article; (articles, failures, peak RSS MB at each checkpoint)."""
    peaks: dict[int, float] = {}
    articles = failures = 0
    for item in read_paths([str(path)]):
        if isinstance(item, Article):
            articles += 1
            if articles in checkpoints:
                peaks[articles] = peak_rss_mb()
        else:
            failures += 1
    peaks[articles] = peak_rss_mb()
    return articles, failures, peaks


def write_big_warc(path: Path, gigabytes: float, pages: int) -> None:
    """``pages`` news pages spread among 1 MB image responses up to ``gigabytes`` in total."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    blobs = int(gigabytes * 1024)
    every = max(1, blobs // max(1, pages))
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        records = synthetic.records(pages, seed=4)
        for number in range(blobs):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
            blob = writer.create_warc_record(
                f"https://img.example/{number}.jpg",
                "response",
                payload=BytesIO(os.urandom(1 << 20)),
                http_headers=headers,
            )
            writer.write_record(blob)
            if number % every == 0:
                record = next(records, None)
                if record is not None:
                    html = synthetic.html_page(record).encode("utf-8")
                    headers = StatusAndHeaders(
                        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                    )
                    page = writer.create_warc_record(
                        record["url"], "response", payload=BytesIO(html), http_headers=headers
                    )
                    writer.write_record(page)


def report(
    label: str, articles: int, failures: int, peaks: dict[int, float], seconds: float, base: float
) -> None:
    marks = sorted(peaks)
    first, last = peaks[marks[0]], peaks[marks[-1]]
    print(f"{label}: {articles} articles ({failures} failures) in {seconds:.0f} s; RSS before {base:.0f} MB")
    print("  peak RSS MB at " + ", ".join(f"{m}: {peaks[m]:.0f}" for m in marks))
    print(f"  peak at {marks[-1]} / peak at {marks[0]} = {last / first:.3f} (target within 1.10)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--warc-gb", type=float, default=2.0)
    parser.add_argument("--warc-pages", type=int, default=2000)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="whosaid-bench-") as tmp:
        jsonl = Path(tmp) / "news.jsonl"
        started = time.perf_counter()
        synthetic.write_jsonl(jsonl, args.articles, seed=5)
        took = time.perf_counter() - started
        print(f"wrote {jsonl.stat().st_size / 1e6:.0f} MB of JSON Lines in {took:.0f} s")
        # A first pass of 1,000 articles loads every module the reader uses, so that imports are not
        # counted as growth; the peak is then measured from 10k on.
        list(zip(range(1000), read_paths([str(jsonl)]), strict=False))
        base = rss_mb()
        step = max(1, args.articles // 10)
        started = time.perf_counter()
        articles, failures, peaks = stream(jsonl, set(range(step, args.articles + 1, step)))
        report("JSON Lines", articles, failures, peaks, time.perf_counter() - started, base)
        jsonl.unlink()

        warc = Path(tmp) / "crawl.warc"
        started = time.perf_counter()
        write_big_warc(warc, args.warc_gb, args.warc_pages)
        print(f"wrote {warc.stat().st_size / 1e9:.2f} GB of WARC in {time.perf_counter() - started:.0f} s")
        base = rss_mb()
        step = max(1, args.warc_pages // 10)
        started = time.perf_counter()
        articles, failures, peaks = stream(warc, set(range(step, args.warc_pages + 1, step)))
        report("WARC", articles, failures, peaks, time.perf_counter() - started, base)


if __name__ == "__main__":
    main()
