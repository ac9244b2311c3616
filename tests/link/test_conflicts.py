"""Conflicts on the seed article and the demo corpus (intended pairs from demo_data/EXPECTED.md)."""

from __future__ import annotations

import json
from pathlib import Path

from whosaid.link import conflicts, relations
from whosaid.store import Store

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def _has_pair(found: list[dict], a_text: str, b_text: str) -> bool:
    return any(
        {a_text, b_text} <= {c["a"]["content"], c["b"]["content"]}
        or (
            (a_text in c["a"]["content"] and b_text in c["b"]["content"])
            or (a_text in c["b"]["content"] and b_text in c["a"]["content"])
        )
        for c in found
    )


def test_seed_article_alone_yields_both_gold_conflicts(seed_store: Store) -> None:
    gold = json.loads((SHARED / "seed" / "moscow-times-2024-03-26.gold.json").read_text(encoding="utf-8"))
    found = conflicts(seed_store)
    for pair in gold["conflicts"]:
        assert _has_pair(found, pair["a"], pair["b"]), pair


def test_seed_conflicts_carry_evidence_into_the_article_text(seed_store: Store) -> None:
    text = seed_store.query("SELECT text FROM articles")[0]["text"]
    for conflict in conflicts(seed_store):
        evidence = conflict["evidence"]
        assert text[slice(*evidence["a_span"])] == evidence["a_text"]
        assert text[slice(*evidence["b_span"])] == evidence["b_text"]
        for side in ("a", "b"):
            s = conflict[side]
            assert text[slice(*s["content_span"])] == s["content"]
    about = {c["about"] for c in conflicts(seed_store)}
    assert "destination: Ukraine vs Belarus" in about
    assert "responsibility: Ukraine and the West vs ISIS-K" in about


# (speaker, words in the content) of A and of B, for each intended conflict of EXPECTED.md.
INTENDED = [
    (("Marta Kowalin", "12 people had been killed"), ("Emil Sorensen", "17 bodies had been brought")),
    (("Marta Kowalin", "figure of 12 dead"), ("Karsvik Central Hospital", "risen to 17")),
    (("Marta Kowalin", "tragic accident"), ("Viktor Andersen", "sabotage and demanded")),
    (("Viktor Andersen", "the explosion was sabotage"), ("Marta Kowalin", "no evidence whatsoever")),
    (("Marta Kowalin", "the blast was an accident"), ("Viktor Andersen", "sabotage")),
    (("Piotr Nowak", "workers had warned"), ("Helena Lund", "any warnings had been received")),
    (("Viktor Andersen", "hiding the real number"), ("Marta Kowalin", "hiding any deaths")),
]

# Pairs that merely agree: never a conflict.
AGREEING = [
    ("12 people had been killed in the explosion", "12 people were killed in Monday's explosion"),
    ("Twelve people lost their lives last night", "Twelve people lost their lives. It was"),
    ("more than 80 firefighters", "the fire had been put out"),
    ("the blaze was brought under control", "the fire had been put out"),
    ("17 bodies had been brought", "the death toll has risen to 17"),
    ("seventeen bodies since Monday", "the death toll has risen to 17"),
    ("shipping in the harbour would resume", "Shipping in the harbour resumed"),
]


def _pair(found: list[dict], a: tuple[str, str], b: tuple[str, str]) -> bool:
    return any(
        (x["speaker"], y["speaker"]) == (a[0], b[0]) and a[1] in x["content"] and b[1] in y["content"]
        for c in found
        for x, y in ((c["a"], c["b"]), (c["b"], c["a"]))
    )


def test_demo_corpus_yields_its_intended_conflicts(demo_store: Store) -> None:
    found = conflicts(demo_store)
    missing = [(a, b) for a, b in INTENDED if not _pair(found, a, b)]
    assert not missing, missing


def test_demo_restatements_are_never_conflicts(demo_store: Store) -> None:
    found = conflicts(demo_store)
    for a, b in AGREEING:
        assert not _has_pair(found, a, b), (a, b)
    for c in found:
        assert c["a"]["speaker"] != c["b"]["speaker"], c


def test_demo_restatements_agree(demo_store: Store) -> None:
    agreeing = relations(demo_store, relation="agree")
    for a, b in [AGREEING[0], AGREEING[4], AGREEING[6]]:
        assert _has_pair(agreeing, a, b), (a, b)


def test_conflicts_filter_by_speaker(demo_store: Store) -> None:
    lund = conflicts(demo_store, speaker="lund")
    assert lund
    assert all("Helena Lund" in (c["a"]["speaker"], c["b"]["speaker"]) for c in lund)
    both = conflicts(demo_store)
    assert len(lund) < len(both)
    assert {"a", "b", "relation", "score", "evidence", "about", "story_id"} <= set(both[0])
    assert {"id", "content", "content_span", "speaker", "cue", "said_on", "article_id", "outlet",
            "published", "url", "title"} <= set(both[0]["a"])  # fmt: skip
