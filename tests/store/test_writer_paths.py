"""The single writer's fast paths on both backends: alias words, kept mention counts, rollbacks."""

from __future__ import annotations

import pytest

from whosaid.store import open_store
from whosaid.store.rows import alias_word_rows
from whosaid.store.sql import SqlStore

from .test_store import TEXT, make_analysis


def _count_query(store: SqlStore, entity_id: str) -> int:
    rows = store.query("SELECT count(*) AS n FROM mentions WHERE entity_id = ?", [entity_id])
    return int(rows[0]["n"])


def test_alias_words_are_written_with_each_new_alias(store_url: str) -> None:
    store = open_store(store_url)
    try:
        analysis = make_analysis()
        analysis.entities[0].id = "e1"
        assert store.add(analysis)
        aliases = {
            (r["entity_id"], r["alias"]) for r in store.query("SELECT entity_id, alias FROM entity_aliases")
        }
        words = {tuple(r.values()) for r in store.query("SELECT word, entity_id, alias FROM alias_words")}
        assert aliases and words == set(alias_word_rows(sorted(aliases)))
        # the same article from another outlet adds no alias, so no word twice
        assert not store.add(make_analysis(outlet="Nordvik Daily"))
        assert len(store.query("SELECT word FROM alias_words")) == len(words)
    finally:
        store.close()


def test_mention_counts_follow_commits_and_rollbacks(store_url: str) -> None:
    store = open_store(store_url)
    assert isinstance(store, SqlStore)
    try:
        first = make_analysis()
        for entity in first.entities:
            entity.id = f"e-{entity.cluster}"
        for mention in first.mentions:
            mention.entity_id = f"e-{mention.cluster}"
        target = first.entities[0].id
        assert target is not None
        assert store.mention_counts([target]) == {target: 0}
        assert store.add(first)
        stored = _count_query(store, target)
        assert stored > 0 and store.mention_counts([target]) == {target: stored}

        second = make_analysis(text=TEXT + " Brandt left.")  # another article naming her again
        for entity in second.entities:
            entity.id = f"e-{entity.cluster}"
        for mention in second.mentions:
            mention.entity_id = f"e-{mention.cluster}"
        more = sum(1 for m in second.mentions if m.entity_id == target)
        with pytest.raises(RuntimeError), store.transaction():
            assert store.add(second)
            assert store.mention_counts([target]) == {target: stored + more}
            raise RuntimeError("rolled back")
        assert store.mention_counts([target]) == {target: stored}
        assert store.add(second)
        assert (
            store.mention_counts([target]) == {target: stored + more} == {target: _count_query(store, target)}
        )

        # a raw statement that changes mentions drops what was kept
        store.execute("UPDATE mentions SET entity_id = NULL WHERE entity_id = ?", [target])
        assert store.mention_counts([target]) == {target: 0}
    finally:
        store.close()
