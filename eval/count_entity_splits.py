"""Count person entities in a whosaid store that are obvious splits of another person entity.

A candidate split is a pair of stored PERSON entities that the name rules say are one person and
nothing tells apart: the same name once case, accents, titles and middle names are set aside
("Donald J. Trump" / "Donald Trump"), or a bare surname kept as its own entity while exactly one
stored person with a full name bears it ("Trump" / "Donald Trump"). The smaller entity of each pair
counts as split. Also reports how many of the mentions of given people the main entity carries.

Usage:
    python eval/count_entity_splits.py --db polnear.duckdb [--ingest ../shared/data/polnear/dev.jsonl]
        [--person "Donald Trump" --person "Hillary Clinton"] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from whosaid.resolve.lookup import entity_ids_for
from whosaid.resolve.names import person_name, same_person_name
from whosaid.store import open_store
from whosaid.store.base import Store


def _people(store: Store) -> dict[str, tuple[str, int]]:
    """Person entity id -> (name, mentions) for every person mentioned at least once."""
    rows = store.query(
        "SELECT e.id AS id, e.name AS name, count(m.entity_id) AS n FROM entities e "
        "JOIN mentions m ON m.entity_id = e.id WHERE e.type = 'PERSON' GROUP BY e.id, e.name"
    )
    return {r["id"]: (r["name"], int(r["n"])) for r in rows}


def _contained(short: list[str], long_: list[str]) -> bool:
    """Are the words of ``short`` all in ``long_``, in order ("Suu Kyi" in "Aung San Suu Kyi")?"""
    it = iter(long_)
    return all(word in it for word in short)


def candidate_splits(store: Store) -> list[dict[str, Any]]:
    """Pairs (kept entity, split-off entity): same name after folding, names that agree by the
    resolver's own rule, or one name's words all inside the other's when that other is the only
    person with a longer name containing them ("Oprah" / "Oprah Winfrey")."""
    people = _people(store)
    words = {}
    for entity_id, (name, _) in people.items():
        parts = person_name(name)
        if parts is not None:
            words[entity_id] = ([*parts.given, parts.surname], parts)
    pairs: list[dict[str, Any]] = []
    split_ids: set[str] = set()
    ranked = sorted(words, key=lambda i: (-people[i][1], i))
    for small in reversed(ranked):
        small_words, small_parts = words[small]
        containing = [
            big
            for big in ranked
            if big != small
            and len(words[big][0]) >= len(small_words)
            and (
                (
                    same_person_name(small_parts, words[big][1])
                    and (not small_parts.is_single or len(words[big][0]) > 1)
                )
                or (
                    _contained(small_words, words[big][0])
                    and (small_words[-1] == words[big][0][-1] or small_words == words[big][0][:1])
                )
            )
        ]
        if not containing:
            continue
        fuller = [b for b in containing if len(words[b][0]) > len(small_words)]
        equal = [
            b
            for b in containing
            if len(words[b][0]) == len(small_words) and ranked.index(b) < ranked.index(small)
        ]
        if equal or len({people[b][0] for b in fuller}) == 1:
            keep = (equal or fuller)[0]
            if keep in split_ids:
                continue
            split_ids.add(small)
            why = "same name" if equal else "its words are all in the only fuller name holding them"
            pairs.append(
                {"entity": people[keep][0], "split": people[small][0], "split_id": small, "why": why}
            )
    return pairs


def carried(store: Store, name: str) -> dict[str, Any]:
    """Where the mentions that write this person's name went: the share held by the main entity of
    the full-name forms ("Donald Trump", "Donald J. Trump") and of the bare surname ("Trump", which
    other bearers of the surname may rightly hold)."""
    ids = entity_ids_for(store, name)
    parts = person_name(name)
    if not ids or parts is None:
        return {"name": name, "entities": len(ids), "full_name_share": 0.0, "surname_share": 0.0}
    rows = store.query(
        "SELECT text, entity_id FROM mentions WHERE kind = 'name' AND lower(text) LIKE ?",
        [f"%{parts.surname}%"],
    )
    full = [
        r["entity_id"]
        for r in rows
        if (p := person_name(r["text"])) and p.given and same_person_name(parts, p)
    ]
    bare = [
        r["entity_id"]
        for r in rows
        if (p := person_name(r["text"])) and p.is_single and p.surname == parts.surname
    ]
    main = ids[0]
    return {
        "name": name,
        "main_entity": main,
        "entities": len(ids),
        "mentions": int(
            store.query("SELECT count(*) AS n FROM mentions WHERE entity_id = ?", [main])[0]["n"]
        ),
        "full_name_mentions": len(full),
        "full_name_share": round(full.count(main) / len(full), 3) if full else 0.0,
        "surname_mentions": len(bare),
        "surname_share": round(bare.count(main) / len(bare), 3) if bare else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="store to read (DuckDB file or postgresql:// URL)")
    parser.add_argument("--ingest", action="append", default=[], help="ingest these sources first")
    parser.add_argument(
        "--person", action="append", default=[], help="report how this person's mentions are held"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    store = open_store(args.db)
    try:
        if args.ingest:
            from whosaid.pipeline import ingest

            ingest(args.ingest, store, link=False, time_limit=None, progress=False)
        people = _people(store)
        pairs = candidate_splits(store)
        split_ids = {p["split_id"] for p in pairs}
        result: dict[str, Any] = {
            "person_entities": len(people),
            "candidate_splits": len(split_ids),
            "split_rate": round(len(split_ids) / len(people), 4) if people else 0.0,
            "pairs": pairs,
            "people": [carried(store, name) for name in args.person],
        }
    finally:
        store.close()
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return 0
    print(f"person entities: {result['person_entities']}")
    print(f"candidate splits: {result['candidate_splits']} ({100 * float(result['split_rate']):.1f}%)")
    for p in pairs:
        print(f"  '{p['split']}' looks like '{p['entity']}' ({p['why']})")
    for person in result["people"]:
        plural = "y" if person["entities"] == 1 else "ies"
        print(
            f"{person['name']}: {person['entities']} entit{plural} by that name, "
            f"{person.get('mentions', 0)} mentions; full-name mentions held: "
            f"{person['full_name_share']:.1%} of {person.get('full_name_mentions', 0)}, "
            f"bare-surname mentions held: {person['surname_share']:.1%} "
            f"of {person.get('surname_mentions', 0)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
