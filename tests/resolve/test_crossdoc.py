"""Entities across articles in a real DuckDB store: surnames, two Clintons, overrides, lookups."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from whosaid.model import Article, content_id
from whosaid.store.base import Store

ARTICLES = [
    (
        date(2016, 9, 1),
        "Hillary Clinton said on Monday that the economy needed help. Former President Bill Clinton "
        "campaigned in Ohio. Hillary Clinton told voters that jobs come first. Clinton said she would win.",
    ),
    (date(2016, 9, 2), "Clinton told reporters in Iowa on Thursday that she had a plan for the economy."),
    (date(2016, 9, 3), "Bill Clinton said Friday that the foundation did good work in Haiti."),
    (date(2016, 9, 4), "William Jefferson Clinton said Saturday that the foundation would close."),
    (date(2016, 9, 5), "Bubba Clinton said Sunday that the foundation had closed."),
]


def _ingest(store: Store, nlp: Any, items: list[tuple[date, str]]) -> list[str]:
    from whosaid.pipeline import ingest_articles

    articles = [
        Article(id=content_id(text), text=text, published=day, outlet="Test Wire") for day, text in items
    ]
    report = ingest_articles(articles, store, nlp=nlp, time_limit=None, progress=False, link=False)
    assert report.ok and report.stored == len(items), report
    return [a.id for a in articles]


def _entity_of(store: Store, article_id: str, text: str) -> str:
    rows = store.query(
        "SELECT DISTINCT entity_id FROM mentions WHERE article_id = ? AND text = ?", [article_id, text]
    )
    assert len(rows) == 1, rows
    value: str = rows[0]["entity_id"]
    return value


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    from whosaid.store import open_store

    monkeypatch.chdir(tmp_path)  # no stray overrides file from the working directory
    monkeypatch.delenv("WHOSAID_OVERRIDES", raising=False)
    opened = open_store(tmp_path / "entities.duckdb")
    yield opened
    opened.close()


@pytest.fixture
def any_store(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The store on DuckDB and on PostgreSQL (the SQL of resolve/ must suit both)."""
    from whosaid.store import open_store

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WHOSAID_OVERRIDES", raising=False)
    opened = open_store(store_url)
    yield opened
    opened.close()


def test_two_clintons_stay_apart_and_a_bare_surname_goes_to_the_dominant_one(
    any_store: Store, nlp: Any
) -> None:
    from whosaid.resolve.lookup import entity_ids_for
    from whosaid.resolve.profile import entity_profiles, top_speakers

    store = any_store

    first, second, third, fourth, fifth = _ingest(store, nlp, ARTICLES)
    hillary = _entity_of(store, first, "Hillary Clinton")
    bill = _entity_of(store, first, "Bill Clinton")
    assert hillary != bill
    assert _entity_of(store, first, "Clinton") == hillary
    assert _entity_of(store, second, "Clinton") == hillary
    assert _entity_of(store, third, "Bill Clinton") == bill
    assert _entity_of(store, fourth, "William Jefferson Clinton") == bill  # "Bill" is short for "William"
    assert _entity_of(store, fifth, "Bubba Clinton") not in {bill, hillary}  # no rule says Bubba is Bill
    assert entity_ids_for(store, "Hillary Clinton") == [hillary]
    assert entity_ids_for(store, "hillary clinton") == [hillary]
    assert entity_ids_for(store, "Clinton")[0] == hillary
    assert entity_ids_for(store, "Bill Clinton") == [bill]
    assert entity_ids_for(store, "Nobody Atall") == []
    speaker_ids = {r["speaker_entity_id"] for r in store.query("SELECT speaker_entity_id FROM statements")}
    assert hillary in speaker_ids and bill in speaker_ids
    assert {s["id"] for s in top_speakers(store, 10)} >= {hillary, bill}
    profile = entity_profiles(store, "Hillary Clinton", why=True)[0]
    assert profile["id"] == hillary and len(profile["merges"]) == 2
    assert [s["day"] for s in profile["statements"]] == sorted(s["day"] for s in profile["statements"])


def test_overrides_merge_and_split_after_reresolve(store: Store, nlp: Any, tmp_path: Path) -> None:
    from whosaid.resolve import overrides
    from whosaid.resolve.crossdoc import reassign_all

    first, second, third, _, fifth = _ingest(store, nlp, ARTICLES)
    bill = _entity_of(store, third, "Bill Clinton")
    assert _entity_of(store, fifth, "Bubba Clinton") != bill
    hillary = _entity_of(store, first, "Hillary Clinton")
    assert _entity_of(store, second, "Clinton") == hillary

    path = tmp_path / "whosaid-overrides.toml"
    path.write_text(
        'same_as = [["Bill Clinton", "Bubba Clinton"]]\nnot_same_as = [["Clinton", "Hillary Clinton"]]\n',
        encoding="utf-8",
    )
    reassign_all(store, overrides.load(path))
    bill = _entity_of(store, third, "Bill Clinton")
    assert _entity_of(store, fifth, "Bubba Clinton") == bill
    assert _entity_of(store, second, "Clinton") != _entity_of(store, first, "Hillary Clinton")
    why = store.query(
        "SELECT reason FROM entity_clusters WHERE article_id = ? AND name = ?",
        [fifth, "Bubba Clinton"],
    )
    assert "same-as override" in why[0]["reason"]


def test_bad_overrides_file_says_what_to_fix(tmp_path: Path) -> None:
    from whosaid.errors import WhosaidError
    from whosaid.resolve import overrides

    path = tmp_path / "o.toml"
    path.write_text('same_as = ["just one name"]\n', encoding="utf-8")
    with pytest.raises(WhosaidError, match="same_as"):
        overrides.load(path)
    with pytest.raises(WhosaidError, match="not found"):
        overrides.load(tmp_path / "missing.toml")


def test_a_surname_tagged_as_organisation_joins_the_person(store: Store, nlp: Any) -> None:
    first, second = _ingest(
        store,
        nlp,
        [
            (date(2016, 9, 5), "Donald Trump said on Monday that he would build a wall. Trump repeated it."),
            (date(2016, 9, 6), "Trump said Tuesday that the polls were rigged, and Trump supporters agreed."),
        ],
    )
    donald = _entity_of(store, first, "Donald Trump")
    people = store.query(
        "SELECT id FROM entities WHERE type = 'PERSON' AND id != ? AND name LIKE '%Trump%'", [donald]
    )
    assert people == []
    assert _entity_of(store, second, "Trump") == donald


def _cluster_reason(store: Store, article_id: str, name: str) -> str:
    rows = store.query(
        "SELECT reason FROM entity_clusters WHERE article_id = ? AND name = ?", [article_id, name]
    )
    assert len(rows) == 1, rows
    reason: str = rows[0]["reason"]
    return reason


def test_a_bare_surname_elsewhere_goes_to_the_bearer_articles_call_by_it(store: Store, nlp: Any) -> None:
    # Bill is named in full more often in the first article, but its bare "Clinton" is Hillary,
    # introduced first: an article that only says "Clinton" means her too
    first, second = _ingest(
        store,
        nlp,
        [
            (
                date(2016, 3, 1),
                "Hillary Clinton spoke in Cleveland on Tuesday. Former President Bill Clinton joined "
                'her on stage. "We will win Ohio," Clinton said. Bill Clinton said the crowd was the '
                "largest of the week. Bill Clinton later left for Toledo.",
            ),
            (date(2016, 3, 2), "Clinton told reporters in Iowa on Wednesday that she had a plan for jobs."),
        ],
    )
    hillary = _entity_of(store, first, "Hillary Clinton")
    assert _entity_of(store, first, "Bill Clinton") != hillary
    assert _entity_of(store, first, "Clinton") == hillary
    assert _entity_of(store, second, "Clinton") == hillary
    assert _cluster_reason(store, second, "Clinton") == "same name as stored 'Hillary Clinton'"


def test_a_bare_surname_no_article_decides_is_marked_a_guess(store: Store, nlp: Any) -> None:
    _ingest(
        store,
        nlp,
        [
            (date(2017, 6, 1), "Barack Obama said on Monday that the library would open in Chicago."),
            (date(2017, 6, 2), "Michelle Obama said on Tuesday that the garden would stay open."),
        ],
    )
    (third,) = _ingest(store, nlp, [(date(2017, 6, 3), "Obama said on Wednesday that the city had changed.")])
    assert "(a guess)" in _cluster_reason(store, third, "Obama")
