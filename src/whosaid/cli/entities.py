"""`whosaid speakers`, `whosaid entity NAME [--why]` and `whosaid reresolve`: who is who in the store."""

from __future__ import annotations

import argparse
import json
from typing import Any

from whosaid.cli.common import clean, open_db
from whosaid.errors import WhosaidError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("speakers", help="who is quoted most: entities by number of statements")
    p.add_argument("--top", type=_positive, default=20, help="how many (default 20)")
    _common(p)
    p.set_defaults(func=run_speakers)

    p = sub.add_parser("entity", help="one entity: aliases, roles and its statements over time")
    p.add_argument("name", metavar="NAME", help="a name or alias, any case ('Clinton', 'Vladimir Putin')")
    p.add_argument("--why", action="store_true", help="also say why each article's mentions were merged")
    _common(p)
    p.set_defaults(func=run_entity)

    p = sub.add_parser(
        "reresolve", help="redo entity merging across articles under the current overrides file"
    )
    p.add_argument("--overrides", metavar="FILE", help="overrides file (default ./whosaid-overrides.toml)")
    p.add_argument("--db", default=None, help="DuckDB file or postgresql:// URL (default ./whosaid.duckdb)")
    p.set_defaults(func=run_reresolve)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=None,
        help="DuckDB file or postgresql:// URL (default ./whosaid.duckdb, or $WHOSAID_DB)",
    )
    p.add_argument("--json", action="store_true", help="JSON instead of a table")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def run_speakers(args: argparse.Namespace) -> int:
    from whosaid.resolve.profile import top_speakers

    store = open_db(args.db, must_exist=True)
    try:
        rows = top_speakers(store, args.top)
    finally:
        store.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No attributed statements yet.")
        return 0
    print(f"{'statements':>10}  {'articles':>8}  {'first':10}  {'last':10}  speaker")
    for r in rows:
        print(
            f"{r['statements']:>10}  {r['articles']:>8}  {r['first'] or '':10}  {r['last'] or '':10}  "
            f"{clean(r['name'])} ({r['type']})"
        )
    return 0


def run_entity(args: argparse.Namespace) -> int:
    from whosaid.resolve.profile import entity_profiles

    store = open_db(args.db, must_exist=True)
    try:
        profiles = entity_profiles(store, args.name, why=args.why)
    finally:
        store.close()
    if not profiles:
        raise WhosaidError(
            f"whosaid: no entity is called {args.name!r}. List speakers with: whosaid speakers"
        )
    if args.json:
        print(json.dumps(profiles, ensure_ascii=False, indent=2))
        return 0
    for profile in profiles:
        print(_describe(profile))
    return 0


def _describe(profile: dict[str, Any]) -> str:
    lines = [
        f"{clean(profile['name'])} ({profile['type']}, id {profile['id']}): "
        f"{profile['mentions']} mentions in {profile['articles']} articles",
        "  aliases: " + ", ".join(clean(a) for a in profile["aliases"]),
    ]
    if profile["roles"]:
        lines.append("  roles:   " + ", ".join(clean(r) for r in profile["roles"]))
    if profile["statements"]:
        lines.append("  timeline:")
    for st in profile["statements"]:
        day = (st["day"] or "?") + ("*" if st["day_is_publication_date"] else " ")
        quoted = f"“{clean(st['content'])}”" if st["kind"] == "direct" else clean(st["content"])
        lines.append(f"    {day} {clean(st['outlet'] or '')[:18]:18} {clean(st['cue'] or ''):>10}: {quoted}")
    if any(st["day_is_publication_date"] for st in profile["statements"]):
        lines.append("    (* the text gives no day: publication date)")
    for merge in profile.get("merges", []):
        lines.append(
            f"  in {clean(merge['title'] or merge['article_id'])} ({merge['published'] or '?'}): "
            f"'{clean(merge['cluster_name'])}': {clean(merge['why'])}"
        )
        for m in merge["mentions"]:
            lines.append(
                f"      [{m['start']}:{m['end']}] {clean(m['text'])!r} ({m['kind']}): {clean(m['why'])}"
            )
    return "\n".join(lines)


def run_reresolve(args: argparse.Namespace) -> int:
    from whosaid.resolve import overrides
    from whosaid.resolve.crossdoc import reassign_all

    rules = overrides.load(args.overrides)
    store = open_db(args.db, must_exist=True)
    try:
        count = reassign_all(store, rules)
    finally:
        store.close()
    print(f"whosaid: entities re-resolved under {rules.source or 'no overrides file'}: {count} entities.")
    return 0
