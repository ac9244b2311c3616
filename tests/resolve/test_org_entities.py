"""Organisations: short forms, descriptions and acronyms join the organisation named in full, in one
article and across articles, and two organisations sharing a head noun stay apart.

Short articles written for these tests (tests/resolve/data/org_articles.jsonl), analysed by the real
pipeline and stored in a real store (DuckDB and PostgreSQL); the demo corpus through the real ingest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from whosaid.ingest.records import make_article
from whosaid.model import Article, ArticleAnalysis, Statement, content_id
from whosaid.store.base import Store

DATA = Path(__file__).resolve().parent / "data" / "org_articles.jsonl"
KCH, NGH = "Karsvik Central Hospital", "Nordvik General Hospital"
RU, UA = "Russian Defence Ministry", "Ukrainian Defence Ministry"


def _articles() -> dict[str, Article]:
    out: dict[str, Article] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        published = date.fromisoformat(record["published"])
        out[record["key"]] = Article(id=content_id(text), text=text, published=published, outlet="Test Wire")
    return out


ARTICLES = _articles()


@pytest.fixture(scope="module")
def analysed(nlp: Any) -> dict[str, ArticleAnalysis]:
    from whosaid.pipeline import analyze

    return {key: analyze(article, nlp) for key, article in ARTICLES.items()}


def _speaker_of(analysis: ArticleAnalysis, written: str) -> str | None:
    text = analysis.article.text
    found = [s.speaker for s in analysis.statements if s.speaker_span and s.speaker_span.of(text) == written]
    assert found, (written, [(s.speaker, s.speaker_span) for s in analysis.statements])
    return found[0]


def _cluster_texts(analysis: ArticleAnalysis, name: str) -> set[str]:
    clusters = {e.cluster for e in analysis.entities if e.name == name}
    assert len(clusters) == 1, (name, [e.name for e in analysis.entities])
    return {m.text for m in analysis.mentions if m.cluster in clusters}


def test_a_definite_description_joins_the_one_organisation_with_its_head(
    analysed: dict[str, ArticleAnalysis],
) -> None:
    headline = analysed["headline"]
    assert _speaker_of(headline, "Hospital") == KCH  # the headline's "Hospital Says ..."
    assert _speaker_of(headline, "The hospital") == KCH
    assert {"Hospital", "the hospital", "The hospital", KCH} <= _cluster_texts(headline, KCH)
    assert _speaker_of(analysed["other_hospital"], "The Nordvik hospital") == NGH
    assert _speaker_of(analysed["russian_ministry"], "The ministry") == RU
    assert _speaker_of(analysed["ukrainian_ministry"], "The ministry") == UA
    # every mention still slices back to its text
    for analysis in analysed.values():
        for mention in analysis.mentions:
            assert mention.span.of(analysis.article.text) == mention.text


def test_two_organisations_with_one_head_leave_the_bare_description_unlinked(
    analysed: dict[str, ArticleAnalysis],
) -> None:
    two = analysed["two_hospitals"]
    assert _speaker_of(two, "Hospital") not in {KCH, NGH}
    assert _speaker_of(two, "The hospital") not in {KCH, NGH}
    assert "The hospital" not in _cluster_texts(two, KCH) | _cluster_texts(two, NGH)
    ministries = analysed["ministries"]
    assert _speaker_of(ministries, "The ministry") not in {RU, UA}
    names = {e.name for e in ministries.entities}
    assert {RU, UA} <= names


def test_a_bare_head_noun_is_no_name_of_its_own(analysed: dict[str, ArticleAnalysis]) -> None:
    bare = analysed["bare_hospital"]
    for entity in bare.entities:
        assert "Hospital" not in entity.aliases, entity


@pytest.fixture
def org_store(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Any) -> Iterator[Store]:
    """Every test article ingested in file order into a fresh store (DuckDB and PostgreSQL)."""
    from whosaid.pipeline import ingest_articles
    from whosaid.store import open_store

    monkeypatch.chdir(tmp_path)  # no stray overrides file from the working directory
    monkeypatch.delenv("WHOSAID_OVERRIDES", raising=False)
    store = open_store(store_url)
    try:
        report = ingest_articles(
            list(ARTICLES.values()), store, nlp=nlp, time_limit=None, progress=False, link=False
        )
        assert report.ok and report.stored == len(ARTICLES), report
        yield store
    finally:
        store.close()


def _entities_of(store: Store, key: str, text: str) -> set[str]:
    rows = store.query(
        "SELECT DISTINCT entity_id FROM mentions WHERE article_id = ? AND text = ?", [ARTICLES[key].id, text]
    )
    return {r["entity_id"] for r in rows}


def _one_entity(store: Store, key: str, text: str) -> str:
    found = _entities_of(store, key, text)
    assert len(found) == 1, (key, text, found)
    return found.pop()


def _speaker_entity(store: Store, key: str, speaker_start: str) -> str | None:
    article = ARTICLES[key]
    rows = store.query(
        "SELECT speaker_entity_id, speaker_start FROM statements WHERE article_id = ?", [article.id]
    )
    start = article.text.index(speaker_start)
    found = [r["speaker_entity_id"] for r in rows if r["speaker_start"] == start]
    assert len(found) == 1, (key, speaker_start, rows)
    value: str | None = found[0]
    return value


def test_short_forms_and_acronyms_join_across_articles(org_store: Store) -> None:
    from whosaid.resolve.lookup import entity_ids_for

    kch = _one_entity(org_store, "headline", KCH)
    assert _one_entity(org_store, "acronym", KCH) == kch
    assert _one_entity(org_store, "acronym", "KCH") == kch
    assert _one_entity(org_store, "acronym_only", "KCH") == kch  # introduced as "(KCH)" earlier
    assert _speaker_entity(org_store, "short_form", "The Karsvik hospital") == kch
    assert _speaker_entity(org_store, "headline", "The hospital") == kch
    assert _speaker_entity(org_store, "headline", "Hospital") == kch
    assert entity_ids_for(org_store, KCH) == [kch]
    why = org_store.query(
        "SELECT reason FROM entity_clusters WHERE article_id = ? AND entity_id = ?",
        [ARTICLES["short_form"].id, kch],
    )
    assert "short form" in why[0]["reason"]


def test_different_organisations_sharing_a_head_stay_apart_across_articles(org_store: Store) -> None:
    kch = _one_entity(org_store, "headline", KCH)
    ngh = _one_entity(org_store, "two_hospitals", NGH)
    assert ngh != kch
    assert _one_entity(org_store, "other_hospital", NGH) == ngh
    assert _speaker_entity(org_store, "other_hospital", "The Nordvik hospital") == ngh
    assert _speaker_entity(org_store, "two_hospitals", "The hospital") not in {kch, ngh}
    assert _speaker_entity(org_store, "two_hospitals", "Hospital") not in {kch, ngh}
    assert _speaker_entity(org_store, "bare_hospital", "Hospital") not in {kch, ngh}
    ru = _one_entity(org_store, "ministries", RU)
    ua = _one_entity(org_store, "ministries", UA)
    assert ru != ua
    assert _one_entity(org_store, "russian_ministry", RU) == ru
    assert _one_entity(org_store, "ukrainian_ministry", UA) == ua
    assert _speaker_entity(org_store, "russian_ministry", "The ministry") == ru
    assert _speaker_entity(org_store, "ukrainian_ministry", "The ministry") == ua
    assert _speaker_entity(org_store, "ministries", "The ministry") not in {ru, ua}


def test_demo_conflicts_name_the_hospital_once(demo_db: Path) -> None:
    """The headline "Hospital Says 17 Dead ..." and "According to Karsvik Central Hospital" are one
    speaker: one conflict group on the death toll against the minister, not two."""
    from whosaid.link import conflicts
    from whosaid.link.conflict_groups import group_conflicts
    from whosaid.store import open_store

    with open_store(str(demo_db)) as store:
        found = conflicts(store)
        headline = store.query("SELECT speaker FROM statements WHERE speaker_text = 'Hospital'")
        ids = store.query("SELECT DISTINCT speaker_entity_id AS id FROM statements WHERE speaker = ?", [KCH])
    speakers = {side["speaker"] for c in found for side in (c["a"], c["b"])}
    assert KCH in speakers and "Hospital" not in speakers
    assert [r["speaker"] for r in headline] == [KCH]
    assert len(ids) == 1
    toll = [
        g
        for g in group_conflicts(found)
        if set(g["speakers"]) == {KCH, "Marta Kowalin"} and "death toll" in str(g["about"])
    ]
    assert len(toll) == 1, toll


def test_a_headline_taken_for_one_organisation_does_not_name_its_speaker(nlp: Any) -> None:
    # The small model tags "Karsvik Blast as Opposition Cries Sabotage" as one ORG; the speaker of
    # the second clause is "Opposition", not the whole run of the headline it sits in.
    text = (
        "Hospital Says 17 Dead in Karsvik Blast as Opposition Cries Sabotage\n\n"
        "Seventeen people died in an explosion at the port of Karsvik on Monday, the hospital said."
    )
    from whosaid.pipeline import analyze

    analysis = analyze(make_article(text, title=None), nlp)
    speakers = {s.speaker for s in analysis.statements if s.speaker_text == "Opposition"}
    assert speakers == {"Opposition"}


def _analyse_text(nlp: Any, text: str) -> ArticleAnalysis:
    from whosaid.pipeline import analyze

    return analyze(make_article(text, title=None), nlp)


def _written_as(analysis: ArticleAnalysis, written: str) -> Statement:
    """The one statement whose speaker the article writes as ``written``."""
    (found,) = [s for s in analysis.statements if s.speaker_text == written]
    return found


def test_initials_the_tagger_left_untagged_join_the_body_they_spell(nlp: Any) -> None:
    # "DPC" is tagged nothing; a country's possessive before the name is no part of its initials
    text = (
        "Ireland's Data Protection Commission has fined Parlavo 87 million euros. Parlavo said it "
        "would appeal the decision.\n\n"
        "The DPC said Parlavo had been unable to show that any such notice was ever sent."
    )
    analysis = _analyse_text(nlp, text)
    said = _written_as(analysis, "The DPC")
    assert said.speaker is not None and said.speaker.endswith("Data Protection Commission")
    assert said.speaker_span is not None and said.speaker_span.of(text) == "The DPC"


def test_titles_before_a_name_stay_out_of_the_persons_name(nlp: Any) -> None:
    # abbreviated and parliamentary titles the tagger leaves outside the name; resolve took them in
    text = (
        "Labour MP Simon Lightwood said he had written to the health secretary.\n\n"
        "Prof Helen Marchetti, who led the study, said the results were clear.\n\n"
        "The Rev Philippa Ward said the church would stay open. She said it was needed."
    )
    analysis = _analyse_text(nlp, text)
    names = {e.name for e in analysis.entities if e.type == "PERSON"}
    assert {"Simon Lightwood", "Helen Marchetti", "Philippa Ward"} <= names
    lightwood = next(e for e in analysis.entities if e.name == "Simon Lightwood")
    assert "Labour MP" in lightwood.roles
    speakers = {s.speaker for s in analysis.statements}
    assert {"Simon Lightwood", "Helen Marchetti", "Philippa Ward"} <= speakers
    # the tagger calls "The Rev Philippa Ward" an organisation; the title inside makes her a person
    she = _written_as(analysis, "She")
    assert (she.speaker, she.speaker_type) == ("Philippa Ward", "PERSON")


def test_a_spokesmans_employer_is_the_one_organisation_with_that_head(nlp: Any) -> None:
    one = (
        "The Food and Drink Federation, which represents manufacturers, said it was wrong to demonise "
        "foods. A spokesman for the federation said: “Processing is not in itself harmful.”"
    )
    spokesman = _written_as(_analyse_text(nlp, one), "A spokesman")
    assert spokesman.speaker == "Food and Drink Federation"
    two = (
        "The Russian Defence Ministry said its forces had taken the village. The Ukrainian Defence "
        "Ministry said the attack had been repelled. A spokesman for the ministry said: “The claim is false.”"
    )
    spokesman = _written_as(_analyse_text(nlp, two), "A spokesman")
    assert spokesman.speaker not in {RU, UA}


def test_a_full_name_the_body_writes_names_the_person_whatever_their_given_name(nlp: Any) -> None:
    # "Mikel" is on no list of given names; the body writes the name in full
    text = (
        "Arteta insists Arsenal can still win the title\n\n"
        "Mikel Arteta insisted on Sunday that Arsenal had not given up on the Premier League title."
    )
    analysis = _analyse_text(nlp, text)
    assert _written_as(analysis, "Arteta").speaker == "Mikel Arteta"
    assert _written_as(analysis, "Mikel Arteta").speaker == "Mikel Arteta"


def test_two_countries_ministries_named_by_common_nouns_stay_two(nlp: Any) -> None:
    # the tagger tags "defence ministry" alone, twice: the possessor keeps them apart
    text = (
        "Russia's defence ministry said the damage had been caused by a Ukrainian drone. "
        "Ukraine's defence ministry said Russian artillery had fired at the dam."
    )
    analysis = _analyse_text(nlp, text)
    russian = _written_as(analysis, "Russia's defence ministry")
    ukrainian = _written_as(analysis, "Ukraine's defence ministry")
    assert russian.speaker == "Russia's defence ministry"
    assert ukrainian.speaker == "Ukraine's defence ministry"
    names = [e.name for e in analysis.entities]
    assert "defence ministry" not in names
    for mention in analysis.mentions:
        assert mention.span.of(text) == mention.text
