"""link, stories, claims, conflicts, stance, eval-stance: the across-outlets commands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from whosaid.cli.common import clean, db_option, open_db
from whosaid.errors import WhosaidError


def register(sub: Any) -> None:
    p = sub.add_parser("link", help="group stored articles into stories, claims and relations")
    db_option(p)
    p.set_defaults(func=run_link)

    p = sub.add_parser("stories", help="list stories: articles about the same event")
    db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=run_stories)

    p = sub.add_parser("claims", help="the claims of one story, with their variants and speakers")
    db_option(p)
    p.add_argument("--story", required=True, help="story id (see: whosaid stories)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=run_claims)

    p = sub.add_parser("conflicts", help="statements that contradict each other, with the evidence")
    db_option(p)
    p.add_argument("--speaker", help="only conflicts involving this speaker (part of the name)")
    p.add_argument("--story", help="only conflicts in this story")
    p.add_argument(
        "--every-pair",
        action="store_true",
        help="list every contradicting pair of statements (default: one entry per disagreement)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=run_conflicts)

    p = sub.add_parser("stance", help="add an FNC-1 stance to JSON Lines of headline and body")
    p.add_argument("--jsonl", required=True, type=Path, help="input: lines with 'headline' and 'body'")
    p.add_argument("--bodies", type=Path, help="bodies.jsonl to look up 'body_id' lines in")
    p.add_argument("--out", type=Path, help="output file (default: standard output)")
    p.set_defaults(func=run_stance)

    p = sub.add_parser("eval-stance", help="FNC-1 relative score and per-class F1 of the stance model")
    p.add_argument("file", type=Path, help="JSON Lines with headline, body or body_id, and stance")
    p.add_argument("--bodies", type=Path, help="bodies.jsonl (default: bodies.jsonl beside FILE)")
    p.add_argument("--json", action="store_true", help="print JSON only")
    p.set_defaults(func=run_eval_stance)


def run_link(args: argparse.Namespace) -> int:
    from whosaid.link import link_pending

    store = open_db(args.db, must_exist=True)
    try:
        counts = link_pending(store)
    finally:
        store.close()
    print(
        f"whosaid link: {counts['articles']} articles linked; {counts['stories']} new stories, "
        f"{counts['claims']} new claims, {counts['relations']} relations."
    )
    return 0


def run_stories(args: argparse.Namespace) -> int:
    from whosaid.link import stories

    store = open_db(args.db, must_exist=True)
    try:
        found = stories(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    if not found:
        print("No stories yet. Link the stored articles first: whosaid link")
    for s in found:
        days = (
            s["first_published"]
            if s["first_published"] == s["last_published"]
            else (f"{s['first_published']}..{s['last_published']}")
        )
        print(f"{s['id']}  {days}  {s['n_articles']} articles, {s['n_statements']} statements, "
              f"{s['n_conflicts']} conflicts  {clean(s['title'])}")  # fmt: skip
        if s["outlets"]:
            print(f"    outlets: {clean(', '.join(s['outlets']))}")
    return 0


def _side(s: dict[str, Any]) -> str:
    who = clean(s["speaker"] or "(unknown speaker)")
    where = ", ".join(clean(x) for x in (s["outlet"], s["said_on"] or s["published"]) if x)
    return f'{who} ({where}): "{clean(s.get("quotation") or s["content"])}"'


def run_claims(args: argparse.Namespace) -> int:
    from whosaid.link import claims, story

    store = open_db(args.db, must_exist=True)
    try:
        if story(store, args.story) is None:
            raise WhosaidError(f"whosaid: no story {args.story!r}. List them with: whosaid stories")
        found = claims(store, args.story)
    finally:
        store.close()
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    for claim in found:
        speakers = ", ".join(clean(x) for x in claim["speakers"]) or "(unknown)"
        print(f"{claim['id']}  {len(claim['statements'])} statements  speakers: {speakers}")
        for s in claim["statements"]:
            print(f"    - {_side(s)}")
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    from whosaid.link import conflicts

    store = open_db(args.db, must_exist=True)
    try:
        found = conflicts(store, speaker=args.speaker, story_id=args.story)
    finally:
        store.close()
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    if not found:
        print("No conflicts found." + ("" if args.speaker else " (Run whosaid link after ingesting.)"))
    if args.every_pair:
        for c in found:
            _print_conflict(c)
        return 0
    from whosaid.link.conflict_groups import group_conflicts

    for group in group_conflicts(found):
        _print_conflict(group["best"])
        if group["pairs"] > 1:
            more = group["pairs"] - 1
            print(
                f"  + {more} more pair{'s' if more > 1 else ''} of statements on this point "
                "between the same speakers "
                f"(outlets: {clean(', '.join(group['outlets']))}; --every-pair lists them)"
            )
    return 0


def _print_conflict(c: dict[str, Any]) -> None:
    about = f" about {clean(c['about'])}" if c["about"] else ""
    print(f"CONFLICT{about} (score {c['score']:.2f})")
    print(f"  A: {_side(c['a'])}")
    print(f"  B: {_side(c['b'])}")
    e = c["evidence"]
    print(f'  evidence: {clean(e["reason"])}: "{clean(e["a_text"])}" vs "{clean(e["b_text"])}"')


def _read_lines(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except OSError as exc:
        raise WhosaidError(f"whosaid: cannot read {path}: {exc.strerror}.") from exc
    except json.JSONDecodeError as exc:
        raise WhosaidError(f"whosaid: {path} is not JSON Lines (line {exc.lineno}): {exc.msg}.") from exc


def _pairs(lines: list[dict[str, Any]], bodies_path: Path | None) -> list[tuple[str, str]]:
    bodies: dict[str, str] = {}
    if any("body" not in line for line in lines):
        if bodies_path is None or not bodies_path.exists():
            raise WhosaidError(
                "whosaid: lines give 'body_id' but no bodies file was found; pass --bodies bodies.jsonl"
            )
        bodies = {str(b["body_id"]): b["text"] for b in _read_lines(bodies_path)}
    pairs = []
    for n, line in enumerate(lines, 1):
        body = line.get("body")
        if body is None:
            body = bodies.get(str(line.get("body_id")))
        if not isinstance(line.get("headline"), str) or not isinstance(body, str):
            raise WhosaidError(f"whosaid: line {n} needs a 'headline' and a 'body' (or a known 'body_id').")
        pairs.append((line["headline"], body))
    return pairs


def run_stance(args: argparse.Namespace) -> int:
    from whosaid.link.stance import predict_stances

    lines = _read_lines(args.jsonl)
    stances = predict_stances(_pairs(lines, args.bodies))
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    try:
        for line, stance in zip(lines, stances, strict=True):
            out.write(json.dumps(line | {"stance": stance}, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()
    return 0


def run_eval_stance(args: argparse.Namespace) -> int:
    from whosaid.link.stance import predict_stances
    from whosaid.link.stance_score import STANCE_CLASSES, fnc_score

    lines = _read_lines(args.file)
    if any("stance" not in line for line in lines):
        raise WhosaidError(f"whosaid: every line of {args.file} needs its gold 'stance' to evaluate.")
    bodies = args.bodies or args.file.with_name("bodies.jsonl")
    result = fnc_score([line["stance"] for line in lines], predict_stances(_pairs(lines, bodies)))
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"FNC-1 relative score: {result['relative_score']:.4f}  ({result['n']} pairs)")
    for name in STANCE_CLASSES:
        print(f"  F1 {name:<10} {result['f1'][name]:.4f}")
    return 0
