"""Sentence vectors computed in the analysis step, and linking in groups while ingest goes on: the
stored vectors are the model's, and the links do not depend on where vectors were computed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from whosaid import pipeline
from whosaid.link import embed
from whosaid.link.linker import with_known
from whosaid.link.story_index import lead_text
from whosaid.scale import synthetic
from whosaid.store import Store, open_store


def _links(store: Store) -> dict[str, Any]:
    """Stories, claims and relations, by content (ids of statements are stable, so are these)."""
    return {
        "stories": sorted(
            (r["story_id"], r["article_id"]) for r in store.query("SELECT * FROM story_articles")
        ),
        "claims": sorted(
            (r["claim_id"], r["statement_id"]) for r in store.query("SELECT * FROM claim_statements")
        ),
        "relations": sorted(
            (r["a"], r["b"], r["relation"], r["about"]) for r in store.query("SELECT * FROM relations")
        ),
    }


def _stored_vectors(store: Store) -> dict[str, Any]:
    rows = store.query(
        "SELECT s.content, e.vector FROM statement_embeddings e JOIN statements s ON s.id = e.statement_id"
    )
    return {r["content"]: np.asarray(json.loads(r["vector"])) for r in rows}


def test_two_workers_embed_in_analysis_and_link_like_one(
    tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # More articles than a link group, so linking runs in several groups during the ingest.
    n = pipeline.LINK_GROUP + 4
    # Chunks of 4, 8 and 8 articles; with one worker and a share of 0.5, the writer embeds the first,
    # the worker the second and the last.
    monkeypatch.setattr(pipeline, "VECTORS_SHARE_ONE_WORKER", 0.5)
    source = synthetic.write_jsonl(tmp_path / "news.jsonl", n)
    results = []
    for workers in (1, 2):
        store = open_store(tmp_path / f"w{workers}.duckdb")
        try:
            report = pipeline.ingest([source], store, nlp=nlp, workers=workers, progress=False)
            assert report.stored == n and report.ok, report.failures
            results.append((_links(store), _stored_vectors(store)))
            assert store.query("SELECT count(*) AS n FROM article_embeddings")[0]["n"] == n
        finally:
            store.close()
    (links_1, vectors_1), (links_2, vectors_2) = results
    assert links_1["stories"] and links_1["claims"] and links_1["relations"]
    assert links_1 == links_2
    assert vectors_1.keys() == vectors_2.keys()
    # Stored vectors are what the model gives for the content, wherever they were computed.
    contents = sorted(vectors_2)[:40]
    fresh = embed.encode(contents)
    for content, vector in zip(contents, fresh, strict=True):
        assert float(vector @ vectors_2[content]) > 0.9999
        assert np.allclose(vectors_1[content], vectors_2[content], atol=2e-5)


def test_article_vectors_cover_the_lead_and_every_statement() -> None:
    text = "The mayor of Nordvik spoke to reporters about the flood for an hour on Monday.\n\nMore later."
    crest = "the river would crest on Tuesday"
    contents = [crest, "nobody had been hurt", crest]
    vectors = embed.article_vectors("Flood in Nordvik", text, contents)
    assert set(vectors) == {lead_text("Flood in Nordvik", text), *contents}
    reference = embed.encode(list(vectors))
    for row, vector in zip(reference, vectors.values(), strict=True):
        assert vector.shape == (embed.DIMENSIONS,)
        assert float(row @ vector) > 0.9999


def test_known_vectors_are_not_encoded_again() -> None:
    asked: list[str] = []

    def counting(texts: Sequence[str]) -> Any:
        asked.extend(texts)
        return embed.encode(texts)

    known = dict(zip(["the port is closed"], embed.encode(["the port is closed"]), strict=True))
    encode = with_known(counting, known)
    vectors = encode(["the port is closed", "ferries still run", "the port is closed"])
    assert asked == ["ferries still run"]
    assert vectors.shape == (3, embed.DIMENSIONS)
    assert np.array_equal(vectors[0], known["the port is closed"]) and np.array_equal(vectors[0], vectors[2])
    assert encode([]).shape == (0, embed.DIMENSIONS)
