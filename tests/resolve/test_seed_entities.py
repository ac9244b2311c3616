"""The seed article's gold entities and dates, resolved by the real pipeline."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from whosaid.model import ArticleAnalysis, Entity


def _entity(analysis: ArticleAnalysis, name: str) -> Entity:
    found = [e for e in analysis.entities if e.name == name]
    assert len(found) == 1, f"{name}: {len(found)} entities; all: {[e.name for e in analysis.entities]}"
    return found[0]


def _mention_texts(analysis: ArticleAnalysis, entity: Entity) -> list[str]:
    return [m.text for m in analysis.mentions if m.cluster == entity.cluster]


def test_each_gold_person_is_one_entity_with_the_gold_mentions_and_role(
    seed_analysis: ArticleAnalysis, seed_gold: dict[str, Any]
) -> None:
    for gold in (g for g in seed_gold["entities"] if g["type"] == "PERSON"):
        entity = _entity(seed_analysis, gold["name"])
        assert entity.type == "PERSON"
        texts = _mention_texts(seed_analysis, entity)
        assert set(gold["mentions"]) <= set(texts), (gold["name"], texts)
        assert gold["role"] in entity.roles, (gold["name"], entity.roles)
        # no other entity holds a name of this person
        surname = gold["name"].split()[-1]
        others = [m.text for m in seed_analysis.mentions if m.cluster != entity.cluster and surname in m.text]
        assert others == [], others


def test_putin_descriptions_are_his(seed_analysis: ArticleAnalysis) -> None:
    putin = _entity(seed_analysis, "Vladimir Putin")
    lukashenko = _entity(seed_analysis, "Alexander Lukashenko")
    texts = _mention_texts(seed_analysis, putin)
    assert texts.count("the Russian leader") == 2
    assert "his counterpart" in texts
    assert "the Russian leader" not in _mention_texts(seed_analysis, lukashenko)


def test_gold_organisations_and_places(seed_analysis: ArticleAnalysis, seed_gold: dict[str, Any]) -> None:
    for gold in seed_gold["entities"]:
        entity = _entity(seed_analysis, gold["name"])
        assert entity.type == gold["type"], (gold["name"], entity.type)
        for text in gold.get("mentions", []):
            assert text in _mention_texts(seed_analysis, entity)
        if "role" in gold:
            assert gold["role"] in entity.roles, (gold["name"], entity.roles)


def test_gold_dates_resolve_within_tolerance(
    seed_analysis: ArticleAnalysis, seed_gold: dict[str, Any]
) -> None:
    for gold in seed_gold["dates"]:
        want = date.fromisoformat(gold["resolves_to"])
        slack = timedelta(days=gold.get("tolerance_days", 0))
        found = [d for d in seed_analysis.dates if d.text == gold["text"]]
        assert found, (gold["text"], [d.text for d in seed_analysis.dates])
        for mention in found:
            assert abs(mention.value - want) <= slack, (gold["text"], mention)
            assert mention.value - slack <= want <= mention.value_end + slack


def test_late_last_week_is_a_range_and_2004_a_year(seed_analysis: ArticleAnalysis) -> None:
    by_text = {d.text: d for d in seed_analysis.dates}
    assert by_text["late last week"].granularity == "range"
    assert by_text["late last week"].value_end == date(2024, 3, 23)
    assert by_text["early Saturday"].granularity == "day"
    assert by_text["earlier Tuesday"].value == date(2024, 3, 26)
    assert (by_text["2004"].value, by_text["2004"].granularity) == (date(2004, 1, 1), "year")


def test_statements_dated_by_their_cue_clause(
    seed_analysis: ArticleAnalysis, seed_gold: dict[str, Any]
) -> None:
    published = seed_analysis.article.published
    for gold in seed_gold["statements"]:
        matches = [
            s
            for s in seed_analysis.statements
            if gold["content"][:40] in s.content or s.content[:40] in gold["content"]
        ]
        if not matches or not gold["required"]:
            continue
        statement = matches[0]
        if "said_on" in gold:
            assert (statement.said_on, statement.said_on_is_fallback) == (
                date.fromisoformat(gold["said_on"]),
                False,
            )
        else:
            assert (statement.said_on, statement.said_on_is_fallback) == (published, True), gold["content"]


def test_speakers_are_canonical(seed_analysis: ArticleAnalysis) -> None:
    speakers = {s.speaker_text: s.speaker for s in seed_analysis.statements if s.speaker_text}
    assert speakers.get("Lukashenko") == "Alexander Lukashenko"
    for statement in seed_analysis.statements:
        if statement.speaker_text and "officials" in statement.speaker_text:
            assert statement.speaker == statement.speaker_text  # a group is not the NORP "Russian" inside it


def test_quantities(seed_analysis: ArticleAnalysis) -> None:
    by_text = {q.text: q for q in seed_analysis.quantities}
    killed = by_text["at least 139"]
    assert (killed.value, killed.qualifier) == (139, "at least")
    assert killed.subject and killed.subject.startswith("people")
    assert (by_text["19 hours"].value, by_text["19 hours"].unit) == (19, "hours")
    assert by_text["four"].value == 4 and by_text["four"].subject and "assailants" in by_text["four"].subject


def test_every_span_matches_its_text(seed_analysis: ArticleAnalysis) -> None:
    text = seed_analysis.article.text
    pairs = [(m.span, m.text) for m in seed_analysis.mentions]
    pairs += [(d.span, d.text) for d in seed_analysis.dates]
    pairs += [(q.span, q.text) for q in seed_analysis.quantities]
    for span, written in pairs:
        assert span.of(text) == written
    spans = [(m.span.start, m.span.end) for m in seed_analysis.mentions]
    assert len(spans) == len(set(spans))
