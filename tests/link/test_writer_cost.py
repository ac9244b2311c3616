"""The writer's shortcuts in linking give what the plain computation gives: the stance model's trees
run once for the pairs of all stories, the cached text parts of the stance features, the indexed
frame readers, and story names in an order that does not depend on the process's hash seed."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whosaid.link import frames, stance
from whosaid.link.embed import encode
from whosaid.link.pairing import StatementInfo, relate, relate_stories
from whosaid.link.story_index import StoryState

STORIES = [
    [
        (
            "Ana Ruiz",
            "said",
            "The new bridge will open to traffic in spring, after the last safety checks.",
        ),
        (
            "Tom Bell",
            "said",
            "The bridge opening was delayed. Inspectors found cracks in two supports.",
        ),
        (
            "Mia Chen",
            "said",
            "Officials expect the bridge to open in spring once inspections are done.",
        ),
        ("Raj Patel", "claimed", "The city council approved extra money for the bridge repairs last week."),
    ],
    [
        ("Lena Vogt", "said", "Inflation fell to three percent in March, the lowest level in two years."),
        (
            "Omar Said",
            "said",
            "Prices are still rising fast. Families feel inflation when shopping.",
        ),
        ("Kim Lee", "said", "The central bank said inflation had slowed to three percent in March."),
    ],
]


def story_infos(story: int) -> list[StatementInfo]:
    triples = STORIES[story]
    vectors = encode([content for _, _, content in triples])
    return [
        StatementInfo(
            id=f"s{story}-{i}",
            article_id=f"a{story}-{i}",
            content=content,
            content_start=0,
            speaker=speaker,
            cue=cue,
            vector=vectors[i],
            published=date(2024, 3, 1 + i),
        )
        for i, (speaker, cue, content) in enumerate(triples)
    ]


def rows(relations: list) -> list[tuple]:  # type: ignore[type-arg]
    return [(r.a, r.b, r.relation, r.score, r.evidence, r.about) for r in relations]


def test_one_run_of_the_trees_for_all_stories_equals_one_per_story() -> None:
    stories = [story_infos(0), story_infos(1)]
    new_ids = {s.id for story in stories for s in story[1:]}
    stance.clear_text_parts()
    apart = [rel for story in stories for rel in relate(story, new_ids)]
    together = relate_stories(stories, new_ids)  # the text parts now come from the cache
    assert rows(together) == rows(apart)
    stance.clear_text_parts()
    assert rows(relate_stories(stories, new_ids)) == rows(apart)
    # the stance model had pairs to weigh, so the one run of the trees was exercised
    reasons = {json.loads(r.evidence)["reason"] for r in together}
    assert reasons & {"stance model", "similar content", "same topic"}


def test_cached_text_parts_give_the_same_probabilities() -> None:
    model = stance.load_model()
    pairs = [(a, b) for story in STORIES for (_, _, a) in story for (_, _, b) in story if a != b]
    stance.clear_text_parts()
    first = model.predict_proba(pairs)
    assert len(stance._parts) > 0
    again = model.predict_proba(pairs)
    np.testing.assert_array_equal(first, again)


def test_the_text_cache_keeps_to_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    model = stance.load_model()
    pairs = [(a, b) for story in STORIES for (_, _, a) in story for (_, _, b) in story if a != b]
    stance.clear_text_parts()
    expected = model.predict_proba(pairs)
    monkeypatch.setattr(stance, "TEXT_PARTS_CHARS", 300)
    monkeypatch.setattr(stance, "TEXT_PARTS_LONGEST", 80)
    stance.clear_text_parts()
    for _ in range(2):
        np.testing.assert_array_equal(model.predict_proba(pairs), expected)
        kept = [sum(len(s) for s in sentences) for _, sentences in stance._parts]
        assert 0 < sum(kept) == stance._parts_chars[0] <= 300
        assert max(kept) <= 80


def test_story_names_keep_one_order_whatever_the_set_order() -> None:
    names = ["zeta", "alpha", "mid", "beta"]
    first = StoryState("s", "t", date(2024, 1, 1), date(2024, 1, 1), np.zeros(3), 0, Counter())
    second = StoryState("s", "t", date(2024, 1, 1), date(2024, 1, 1), np.zeros(3), 0, Counter())
    first.add(np.ones(3), set(names), date(2024, 1, 1))
    second.add(np.ones(3), set(reversed(names)), date(2024, 1, 1))
    assert first.names_json() == second.names_json() == '{"alpha": 1, "beta": 1, "mid": 1, "zeta": 1}'


WORDS = ["12", "three", "people", "were", "killed", "dead", "death", "toll", "injured", "not", "an",
         "accident", "sabotage", "responsible", "for", "the", "attack", "Kyiv", "heading", "to", "at",
         "least", "1999", "nan", "no", "sign", "of", "foul", "play"]  # fmt: skip


def _find(tokens: list[frames.Token], phrase: list[str]) -> list[int]:
    """Where ``phrase`` starts, by scanning every token."""
    n = len(phrase)
    return [i for i in range(len(tokens) - n + 1) if [t.lower for t in tokens[i : i + n]] == phrase]


def _casualties_by_scanning(content: str) -> list[tuple[str, float, int, int, str | None]]:
    """``frames.casualty_counts`` written the plain way: every phrase searched over the whole content."""
    tokens = frames.tokenize(content)
    found = []
    for i, token in enumerate(tokens):
        value = frames._number(token)
        if value is None or (token.text.isdigit() and len(token.text) == 4 and 1800 < value < 2100):
            continue
        for kind, words in frames._casualty_words():
            after = any(i + 1 <= j < i + 6 for j in _find(tokens, words))
            before = any(i - 6 <= j < i for j in _find(tokens, words))
            if after or (before and words[-1] in ("toll", "killed", "dead")):
                qualifier = next(
                    (q for q in frames._QUALIFIERS
                     if content[max(0, token.start - 12) : token.start].lower().rstrip().endswith(q)),
                    None,
                )  # fmt: skip
                found.append((kind, value, token.start, token.end, qualifier))
                break
    return found


def _characterisations_by_scanning(content: str) -> list[tuple[str, str | float, int, int]]:
    tokens = frames.tokenize(content)
    found: list[tuple[str, str | float, int, int]] = []
    for n, (left, right) in enumerate(frames._opposites()):
        for side_name, side, other in (("left", left, "right"), ("right", right, "left")):
            for phrase in side:
                for i in _find(tokens, phrase):
                    value = other if frames._negated(tokens, i) else side_name
                    found.append((f"cause:{n}", value, tokens[i].start, tokens[i + len(phrase) - 1].end))
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_indexed_frame_readers_find_what_scanning_finds(words: list[str]) -> None:
    content = " ".join(words)
    counts = [(f.kind, f.value, f.start, f.end, f.qualifier) for f in frames.casualty_counts(content)]
    assert repr(counts) == repr(_casualties_by_scanning(content))  # repr: "nan" parses, nan != nan
    sides = [(f.kind, f.value, f.start, f.end) for f in frames.characterisations(content)]
    assert sides == _characterisations_by_scanning(content)
