"""Near-duplicate detection of wire copy: MinHash signatures, LSH buckets in a real DuckDB store."""

from __future__ import annotations

import numpy as np
import pytest

from whosaid.ingest.syndication import (
    SyndicationIndex,
    add_article,
    buckets,
    decode,
    encode,
    shingles,
    signature,
    similarity,
)
from whosaid.model import Article, ArticleAnalysis, content_id
from whosaid.store import open_store

from .watch_pages import STORIES, WIRE_PARAGRAPHS

WIRE = "\n\n".join(WIRE_PARAGRAPHS)
RETITLED = "Minister rules out tax rise\n\n" + WIRE
EXTENDED = WIRE + "\n\nReporting by the Karsvik Post business desk; editing by Anna Sund."
TRIMMED = "\n\n".join(WIRE_PARAGRAPHS[:-1])


def _sig(text: str) -> np.ndarray:
    sig = signature(text)
    assert sig is not None
    return sig


def test_shingles_fold_case_and_punctuation():
    assert shingles("The Minister said, “No.”") == shingles("the minister SAID no")
    assert shingles("") == set()
    assert signature("  ... ") is None


def test_wire_variants_are_alike_and_different_stories_are_not():
    wire = _sig(WIRE)
    for variant in (RETITLED, EXTENDED, TRIMMED):
        assert similarity(wire, _sig(variant)) >= 0.7
    stories = ["\n\n".join(paragraphs) for _, paragraphs in STORIES.values()]
    for story in stories:
        assert similarity(wire, _sig(story)) < 0.2
    assert similarity(_sig(stories[0]), _sig(stories[1])) < 0.2


def test_signatures_are_stable_and_round_trip():
    wire = _sig(WIRE)
    assert np.array_equal(wire, _sig(WIRE))
    assert np.array_equal(decode(encode(wire)), wire)
    assert len(buckets(wire)) == 16
    assert set(buckets(wire)) & set(buckets(_sig(EXTENDED)))  # they meet in at least one band


def _article(text: str, outlet: str, url: str) -> Article:
    return Article(id=content_id(text), text=text, outlet=outlet, url=url, outlets=[outlet])


@pytest.fixture
def store(store_url):
    # On DuckDB and on PostgreSQL (store_url, from tests/conftest.py).
    with open_store(store_url) as opened:
        yield opened


def _store_plain(store):
    """Stores an article without language analysis: these tests are about duplicates only."""
    return lambda article: store.add(ArticleAnalysis(article=article))


def test_three_outlets_carrying_one_wire_story_give_one_article(store):
    index = SyndicationIndex(store)
    copies = [
        _article(RETITLED, "Harbour Gazette", "http://127.0.0.1/a"),
        _article(EXTENDED, "Karsvik Post", "http://127.0.0.2/b"),
        _article(TRIMMED, "Nordvik Daily", "http://127.0.0.3/c"),
    ]
    results = [add_article(store, copy, _store_plain(store), index) for copy in copies]
    assert [r.outcome for r in results] == ["added", "syndicated", "syndicated"]
    assert {r.article_id for r in results} == {copies[0].id}
    assert store.counts()["articles"] == 1
    stored = store.article(copies[0].id)
    assert stored is not None
    assert sorted(stored.outlets) == ["Harbour Gazette", "Karsvik Post", "Nordvik Daily"]
    urls = {r["url"] for r in store.query("SELECT url FROM article_outlets")}
    assert urls == {"http://127.0.0.1/a", "http://127.0.0.2/b", "http://127.0.0.3/c"}


def test_exact_copies_and_unrelated_stories(store):
    index = SyndicationIndex(store)
    first = _article(WIRE, "Harbour Gazette", "http://127.0.0.1/a")
    again = _article(WIRE, "Karsvik Post", "http://127.0.0.2/a")
    other = _article("\n\n".join(STORIES["rail"][1]), "Karsvik Post", "http://127.0.0.2/rail")
    outcomes = [add_article(store, a, _store_plain(store), index).outcome for a in (first, again, other)]
    assert outcomes == ["added", "duplicate", "added"]
    assert store.counts()["articles"] == 2


def test_backfill_signs_articles_stored_by_other_commands(store):
    stored = _article(WIRE, "Harbour Gazette", "http://127.0.0.1/a")
    store.add(ArticleAnalysis(article=stored))  # as `whosaid ingest` would
    index = SyndicationIndex(store)
    assert index.backfill() == 1
    assert index.backfill() == 0
    found = index.find(_sig(TRIMMED))
    assert found is not None and found[0] == stored.id and found[1] >= 0.7
    assert index.find(_sig("\n\n".join(STORIES["storm"][1]))) is None
