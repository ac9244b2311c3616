"""Older statements' vectors are parsed once per open store (or kept as written) and are then exactly
the stored ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from whosaid import pipeline
from whosaid.link import statement_vectors
from whosaid.scale import synthetic
from whosaid.store import Store, open_store


def test_vectors_kept_between_link_groups_are_the_stored_ones(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = demo_store.query("SELECT statement_id, vector FROM statement_embeddings ORDER BY statement_id")
    assert len(rows) > 10
    ids = [r["statement_id"] for r in rows]
    statement_vectors.READ_VECTORS.pop(demo_store, None)
    monkeypatch.setattr(statement_vectors, "READ_VECTORS_KEPT", len(ids) - 3)
    first = statement_vectors.stored_vectors(demo_store, ids)
    kept = statement_vectors.READ_VECTORS[demo_store]
    assert len(kept) == len(ids) - 3  # the latest used are kept, the oldest let go
    again = statement_vectors.stored_vectors(demo_store, ids)
    for row in rows:
        stored = np.asarray(json.loads(row["vector"]), dtype=np.float32)
        assert np.array_equal(first[row["statement_id"]], stored)
        assert np.array_equal(again[row["statement_id"]], stored)
    with pytest.raises(ValueError):  # shared between link groups: nobody may change one in place
        again[ids[-1]][0] = 1.0


def test_vectors_kept_when_written_are_the_stored_ones(tmp_path: Path, nlp: Any) -> None:
    # More articles than a link group: the second group relates to the first one's kept vectors.
    n = pipeline.LINK_GROUP + 4
    source = synthetic.write_jsonl(tmp_path / "news.jsonl", n)
    store = open_store(tmp_path / "kept.duckdb")
    try:
        report = pipeline.ingest([source], store, nlp=nlp, workers=1, time_limit=None, progress=False)
        assert report.stored == n and report.ok, report.failures
        kept = statement_vectors.READ_VECTORS[store]
        rows = store.query("SELECT statement_id, vector FROM statement_embeddings")
        assert len(rows) > 20 and {r["statement_id"] for r in rows} <= set(kept)
        for row in rows:
            stored = np.asarray(json.loads(row["vector"]), dtype=np.float32)
            assert kept[row["statement_id"]].dtype == np.float32
            assert np.array_equal(kept[row["statement_id"]], stored)
            assert not kept[row["statement_id"]].flags.writeable
    finally:
        store.close()
