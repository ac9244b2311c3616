"""``whosaid ingest``, ``extract``, ``quotes`` and ``demo``: argument parsing over the Python API."""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whosaid.cli.common import clean, db_option, open_db
from whosaid.errors import WhosaidError

if TYPE_CHECKING:
    from whosaid.ingest.records import ReadFailure
    from whosaid.model import Article
    from whosaid.pipeline import IngestReport
    from whosaid.store.queries import StoredStatement

DEMO_DB = "whosaid-demo.duckdb"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from whosaid.ingest.records import DEFAULT_MAX_BYTES
    from whosaid.pipeline import DEFAULT_MAX_CHARS, DEFAULT_TIME_LIMIT

    def limits(p: argparse.ArgumentParser) -> None:
        p.add_argument("--workers", type=_positive, default=1, help="analysis processes (default 1)")
        p.add_argument(
            "--max-bytes",
            type=_positive,
            default=DEFAULT_MAX_BYTES,
            help=f"skip inputs (files, JSON lines, records) larger than this (default {DEFAULT_MAX_BYTES:,})",
        )
        p.add_argument(
            "--max-chars",
            type=_positive,
            default=DEFAULT_MAX_CHARS,
            help=f"skip article texts longer than this (default {DEFAULT_MAX_CHARS:,})",
        )
        p.add_argument(
            "--time-limit",
            type=float,
            default=DEFAULT_TIME_LIMIT,
            metavar="SECONDS",
            help=f"give up an article whose analysis takes longer (default {DEFAULT_TIME_LIMIT:g})",
        )
        p.add_argument(
            "--pages",
            metavar="DIR",
            help="saved pages for RSS/Atom entries whose body the feed does not carry",
        )
        p.add_argument(
            "--progress",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="progress bar on stderr (default: when stderr is a terminal)",
        )

    p = sub.add_parser("ingest", help="read, extract and store articles (files, directories, globs, URLs)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    db_option(p)
    limits(p)
    p.add_argument("--no-link", action="store_true", help="do not update stories and relations afterwards")
    p.set_defaults(func=run_ingest)

    p = sub.add_parser("extract", help="print the statements of articles as JSON lines (no store)")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--jsonl", metavar="FILE", help="read JSON Lines (id, text, ...); write id + statements")
    limits(p)
    p.set_defaults(func=run_extract)

    p = sub.add_parser("quotes", help="list stored statements")
    p.add_argument(
        "--speaker",
        metavar="NAME",
        help="a speaker's name or alias (the people it names), else any part of a name, any case",
    )
    p.add_argument("--since", type=_day, metavar="YYYY-MM-DD")
    p.add_argument("--until", type=_day, metavar="YYYY-MM-DD")
    p.add_argument("--limit", type=_positive)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="one JSON object per line")
    fmt.add_argument("--csv", action="store_true", help="CSV with a header row")
    db_option(p)
    p.set_defaults(func=run_quotes)

    p = sub.add_parser("demo", help="ingest the bundled demo articles into a fresh database and show them")
    p.add_argument(
        "--db", default=DEMO_DB, help=f"demo database file, replaced if present (default ./{DEMO_DB})"
    )
    p.set_defaults(func=run_demo)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from exc


def _progress(args: argparse.Namespace) -> bool:
    return sys.stderr.isatty() if args.progress is None else bool(args.progress)


# --- ingest -----------------------------------------------------------------------------------------
def run_ingest(args: argparse.Namespace) -> int:
    from whosaid.pipeline import ingest

    store = open_db(args.db)
    try:
        report = ingest(
            args.paths,
            store,
            workers=args.workers,
            max_bytes=args.max_bytes,
            max_chars=args.max_chars,
            time_limit=args.time_limit,
            progress=_progress(args),
            link=not args.no_link,
            pages_dir=args.pages,
        )
    except KeyboardInterrupt:
        print(
            "whosaid: interrupted. Articles stored so far are kept; run the same command again to go on.",
            file=sys.stderr,
        )
        return 130
    finally:
        store.close()
    print(summary(report, store.url))
    _print_failures(report.failures)
    return 1 if report.failures else 0


def summary(report: IngestReport, where: str) -> str:
    return (
        f"{report.read} articles read: {report.stored} stored with {report.statements} statements, "
        f"{report.duplicates} already stored; {len(report.failures)} skipped. "
        f"({report.seconds:.1f} s, database {where})"
    )


def _print_failures(failures: Iterable[ReadFailure]) -> None:
    for failure in failures:
        print(f"whosaid: skipped {clean(failure.source)}: {clean(failure.reason)}", file=sys.stderr)


# --- extract ----------------------------------------------------------------------------------------
def run_extract(args: argparse.Namespace) -> int:
    from whosaid.ingest.records import ReadFailure
    from whosaid.pipeline import analyze_many, read_sources
    from whosaid.serialize import extraction_to_dict, gold_format_statement, to_json

    if bool(args.paths) == bool(args.jsonl):
        raise WhosaidError("whosaid extract: give either PATH... or --jsonl FILE (not both, not neither).")
    if args.jsonl and not Path(args.jsonl).is_file():
        raise WhosaidError(f"whosaid extract: no such file: {args.jsonl}")
    failures: list[ReadFailure] = []
    read: deque[Article] = deque()

    def articles() -> Iterator[Article]:
        items = (
            read_jsonl_file(args.jsonl, args.max_bytes)
            if args.jsonl
            else read_sources(args.paths, max_bytes=args.max_bytes, pages_dir=args.pages)
        )
        for item in items:
            if isinstance(item, ReadFailure):
                failures.append(item)
            else:
                read.append(item)
                yield item

    outcomes = analyze_many(
        articles(), workers=args.workers, time_limit=args.time_limit, max_chars=args.max_chars
    )
    out = sys.stdout
    for outcome in outcomes:
        article = read.popleft()
        if isinstance(outcome, ReadFailure):
            failures.append(outcome)
            line: dict[str, Any] = {
                "id": article.external_id or article.id,
                "statements": [],
                "error": outcome.reason,
            }
        elif args.jsonl:
            line = {
                "id": article.external_id or article.id,
                "statements": [gold_format_statement(s) for s in outcome.statements],
            }
        else:
            line = extraction_to_dict(outcome.article, outcome.statements)
        out.write(to_json(line) + "\n")
        out.flush()
    _print_failures(failures)
    return 1 if failures else 0


def read_jsonl_file(path: str, max_bytes: int) -> Iterator[Article | ReadFailure]:
    """``--jsonl`` reads JSON Lines whatever the file is called."""
    from whosaid.ingest.jsonl import read_jsonl

    return read_jsonl(path, max_bytes=max_bytes)


# --- quotes -----------------------------------------------------------------------------------------
CSV_COLUMNS = (
    "statement_id",
    "article_id",
    "said_on",
    "speaker",
    "speaker_text",
    "kind",
    "content",
    "cue",
    "via",
    "confidence",
    "outlet",
    "title",
    "url",
    "published",
    "content_start",
    "content_end",
    "quotation",  # added last: scripts may read columns by position
)


def run_quotes(args: argparse.Namespace) -> int:
    from whosaid.resolve.lookup import entity_ids_for
    from whosaid.store.queries import find_statements

    store = open_db(args.db, must_exist=True)
    try:
        # a name that resolves to stored speakers means them ("Berg" is not "Bergman"); any other
        # text is matched as part of a name or alias
        ids = entity_ids_for(store, args.speaker) if args.speaker else []
        found = find_statements(
            store,
            speaker=None if ids else args.speaker,
            speaker_ids=ids or None,
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    finally:
        store.close()
    if args.json:
        from whosaid.serialize import to_json

        for item in found:
            sys.stdout.write(to_json(quote_dict(item)) + "\n")
    elif args.csv:
        from whosaid.serialize import csv_cell

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for item in found:
            d = quote_dict(item)
            # quoted text is untrusted: a cell starting "=" must not become a spreadsheet formula
            writer.writerow(
                csv_cell(value)
                for value in [
                    d["id"],
                    d["article_id"],
                    d["said_on"],
                    d["speaker"],
                    d["speaker_text"],
                    d["kind"],
                    d["content"],
                    d["cue"],
                    d["via"],
                    d["confidence"],
                    d["outlet"],
                    d["title"],
                    d["url"],
                    d["published"],
                    *d["content_span"],
                    d["quotation"],
                ]
            )
    else:
        print(table(found) if found else "No statements match.")
    return 0


def quote_dict(item: StoredStatement) -> dict[str, Any]:
    from whosaid.serialize import iso, statement_to_dict

    return {
        **statement_to_dict(item.statement),
        "article_id": item.statement.article_id,
        "outlet": item.outlet,
        "title": item.title,
        "url": item.url,
        "published": iso(item.published),
    }


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def table(found: list[StoredStatement]) -> str:
    """A who-said-what table fitted to the terminal: date, speaker, outlet, what was said."""
    from whosaid.serialize import quotation

    width = max(80, shutil.get_terminal_size((120, 24)).columns)
    rows = []
    for item in found:
        st = item.statement
        day = st.said_on or item.published
        rows.append(
            (
                day.isoformat() if day else "",
                clean(st.speaker or st.speaker_text or "(unknown)"),
                clean(item.outlet or ""),
                # a quote its attribution interrupts shows as its pieces, "A … B", not "A," X said, "B
                ("“" if st.kind == "direct" else "")
                + clean(quotation(st))
                + ("”" if st.kind == "direct" else ""),
            )
        )
    w_day = 10
    w_who = min(24, max(len("speaker"), *(len(r[1]) for r in rows)))
    w_out = min(18, max(len("outlet"), *(len(r[2]) for r in rows)))
    w_what = max(20, width - w_day - w_who - w_out - 6)
    lines = [
        f"{'date':<{w_day}}  {'speaker':<{w_who}}  {'outlet':<{w_out}}  what was said",
        "-" * min(width, w_day + w_who + w_out + w_what + 6),
    ]
    for day_s, who, outlet, what in rows:
        lines.append(
            f"{day_s:<{w_day}}  {_cut(who, w_who):<{w_who}}  {_cut(outlet, w_out):<{w_out}}  "
            f"{_cut(what, w_what)}"
        )
    return "\n".join(lines)


# --- demo -------------------------------------------------------------------------------------------
# How many disagreements the demo prints; `whosaid conflicts` shows them all.
DEMO_CONFLICTS = 6


def run_demo(args: argparse.Namespace) -> int:
    from whosaid.demo_data import demo_paths
    from whosaid.link import conflicts
    from whosaid.link.conflict_groups import group_conflicts
    from whosaid.pipeline import ingest
    from whosaid.store import is_postgres_url, open_store
    from whosaid.store.queries import find_statements

    if is_postgres_url(args.db):
        raise WhosaidError("whosaid demo: --db must be a file path; the demo always starts a fresh file.")
    db = Path(args.db)
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    print(f"whosaid demo: ingesting the bundled demo articles into a fresh database, {db}", flush=True)
    store = open_store(db)
    try:
        report = ingest(demo_paths(), store, progress=sys.stderr.isatty())
        found = find_statements(store)
        disagreements = group_conflicts(conflicts(store))
    finally:
        store.close()
    print(summary(report, str(db)))
    _print_failures(report.failures)
    print()
    print(table(found) if found else "No statements found.")
    print()
    print("Who contradicts whom:" if disagreements else "No conflicts found.")
    for group in disagreements[:DEMO_CONFLICTS]:
        best = group["best"]
        sides = " vs ".join(clean(s["speaker"] or s["speaker_text"] or "?") for s in (best["a"], best["b"]))
        pairs = f"{group['pairs']} pair{'s' if group['pairs'] != 1 else ''}"
        print(f"  {sides}: {clean(best['about'] or best['evidence']['reason'])} ({pairs})")
    print()
    print(f"Next: whosaid quotes --db {db} --speaker NAME   (or --json / --csv)")
    print(f"      whosaid conflicts --db {db}   ·   whosaid serve --db {db}")
    return 1 if report.failures else 0
