"""``whosaid ingest`` links, before its own articles, those a previous run stored but never linked
(killed between storing and linking, or run with --no-link); chunked sentence vectors do not depend
on which process computed them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from whosaid import pipeline
from whosaid.ingest.records import make_article
from whosaid.link import embed
from whosaid.pipeline_pool import FIRST_CHUNK_SIZES, chunks, vectors_here
from whosaid.scale import synthetic
from whosaid.store import open_store


def test_ingest_links_articles_a_previous_run_left_unlinked(tmp_path: Path, nlp: Any) -> None:
    first = synthetic.write_jsonl(tmp_path / "first.jsonl", 5)
    store = open_store(tmp_path / "left.duckdb")
    try:
        # Stored, not linked: what a run killed after its last write and before linking leaves.
        report = pipeline.ingest([first], store, nlp=nlp, link=False, progress=False, time_limit=None)
        assert report.stored == 5 and report.ok, report.failures
        assert store.query("SELECT count(*) AS n FROM story_articles")[0]["n"] == 0
        # The same file again (all stored already) with linking on: nothing new, the old ones linked.
        again = pipeline.ingest([first], store, nlp=nlp, progress=False, time_limit=None)
        assert again.stored == 0 and again.duplicates == 5 and again.ok, again.failures
        linked = store.query("SELECT count(DISTINCT article_id) AS n FROM story_articles")[0]["n"]
        assert linked == 5
        stored_vectors = store.query("SELECT count(*) AS n FROM statement_embeddings")[0]["n"]
        assert stored_vectors == store.counts()["statements"] > 0
    finally:
        store.close()


def test_vector_shares_spread_chunks_evenly() -> None:
    assert [vectors_here(k, 0.5) for k in range(4)] == [False, True, False, True]
    assert all(vectors_here(k, 1.0) for k in range(5))
    assert not any(vectors_here(k, 0.0) for k in range(5))
    assert not any(vectors_here(k, None) for k in range(5))
    assert sum(vectors_here(k, 0.25) for k in range(8)) == 2
    # the worker would idle while the writer embedded the input's last chunk: it takes it
    assert vectors_here(0, 0.25, last=True) and not vectors_here(0, 0.25)
    assert vectors_here(3, 0.0, last=True)
    # without linking nobody needs vectors, last chunk or not
    assert not vectors_here(3, None, last=True)


def test_first_chunks_are_small_so_results_flow_early() -> None:
    texts = [make_article(f"Article {i} says the river rose.") for i in range(60)]
    sizes = [len(c) for c in chunks(texts, 16, 60_000)]
    assert sizes[: len(FIRST_CHUNK_SIZES)] == list(FIRST_CHUNK_SIZES)
    assert set(sizes[len(FIRST_CHUNK_SIZES) : -1]) == {16} and sum(sizes) == 60
    # a size below the first ones is never exceeded
    assert {len(c) for c in chunks(texts, 2, 60_000)} == {2}


def test_chunk_vectors_match_one_text_at_a_time() -> None:
    # Batching texts of several articles together (sorted by length, padded) changes nothing
    # beyond rounding, in whichever precision this machine runs the model.
    articles = [
        ("Flood in Nordvik", "The river rose overnight in Nordvik.\n\nMore later.", ["the river will crest"]),
        (None, "Ferries stopped at noon, the port said.", ["ferries stopped", "the river will crest"]),
    ]
    per_article = embed.chunk_vectors(articles)
    assert [set(v) for v in per_article] == [set(embed.article_texts(*article)) for article in articles]
    for vectors in per_article:
        for text, vector in vectors.items():
            alone = embed.encode([text], batch_size=1)[0]
            assert vector.dtype == alone.dtype == np.float32
            assert float(vector @ alone) > 0.9999
