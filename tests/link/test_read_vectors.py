"""Older statements' vectors are parsed once per open store and are then exactly the stored ones."""

from __future__ import annotations

import json

import numpy as np
import pytest

from whosaid.link import linker
from whosaid.store import Store


def test_vectors_kept_between_link_groups_are_the_stored_ones(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = demo_store.query("SELECT statement_id, vector FROM statement_embeddings ORDER BY statement_id")
    assert len(rows) > 10
    ids = [r["statement_id"] for r in rows]
    linker._READ_VECTORS.pop(demo_store, None)
    monkeypatch.setattr(linker, "READ_VECTORS_KEPT", len(ids) - 3)
    first = linker._stored_vectors(demo_store, ids)
    kept = linker._READ_VECTORS[demo_store]
    assert len(kept) == len(ids) - 3  # the latest used are kept, the oldest let go
    again = linker._stored_vectors(demo_store, ids)
    for row in rows:
        stored = np.asarray(json.loads(row["vector"]), dtype=np.float32)
        assert np.array_equal(first[row["statement_id"]], stored)
        assert np.array_equal(again[row["statement_id"]], stored)
    with pytest.raises(ValueError):  # shared between link groups: nobody may change one in place
        again[ids[-1]][0] = 1.0
