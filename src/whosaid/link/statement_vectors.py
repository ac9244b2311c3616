"""Statement and lead vectors as the store holds them: written as JSON rounded to 5 decimals, read
back as float32, and kept in memory per open store between link groups (a large story's older
statements and its members' leads are wanted by every group that adds to it)."""

from __future__ import annotations

import json
import weakref
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from whosaid.store.base import Store


def vector_json(vector: Any) -> str:
    return json.dumps(np.round(np.asarray(vector, dtype=np.float64), 5).tolist())


def parse_vector(text: str) -> Any:
    return np.asarray(json.loads(text), dtype=np.float32)


def chunks(items: Sequence[str], size: int = 500) -> list[list[str]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


# Vectors of older statements as read from each open store: every link group of a large story reads
# the same ones again (2.0 s of the writer's ~16 s of CPU on 300 synthetic articles, most of it
# parsing JSON). Only values read from the store are kept, so a kept vector is the stored one, and
# read-only, so no caller can change it for the next.
READ_VECTORS: weakref.WeakKeyDictionary[Any, OrderedDict[str, Any]] = weakref.WeakKeyDictionary()
READ_VECTORS_KEPT = 20_000  # per store, latest used (~30 MB)


def stored_vectors(store: Store, statement_ids: list[str]) -> dict[str, Any]:
    """The stored vectors of these statements (read-only arrays), from memory where kept."""
    kept = READ_VECTORS.setdefault(store, OrderedDict())
    vectors: dict[str, Any] = {}
    missing: list[str] = []
    for statement_id in statement_ids:
        vector = kept.get(statement_id)
        if vector is None:
            missing.append(statement_id)
        else:
            kept.move_to_end(statement_id)
            vectors[statement_id] = vector
    for chunk in chunks(missing):
        for row in store.query(
            "SELECT statement_id, vector FROM statement_embeddings "
            f"WHERE statement_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            vector = parse_vector(row["vector"])
            vector.flags.writeable = False
            vectors[row["statement_id"]] = kept[row["statement_id"]] = vector
    while len(kept) > READ_VECTORS_KEPT:
        kept.popitem(last=False)
    return vectors


def keep_written(store: Store, written: Mapping[str, Any]) -> None:
    """Keep the statement vectors just written and committed as the next link groups will want them:
    as ``stored_vectors`` would read them back (rounded to 5 decimals as ``vector_json`` writes
    them, then float32: the same bits as parsing the stored JSON), instead of reading and parsing
    ~230 rows per link group of a large story. Only where this process is the store's one writer
    (DuckDB): with several writers (PostgreSQL) another may have written a statement's row first,
    and ``ON CONFLICT DO NOTHING`` kept that one."""
    if not written or not store.skip_existing_by_lookup:
        return
    ids = list(written)
    rounded = np.round(np.asarray([written[i] for i in ids], dtype=np.float64), 5).astype(np.float32)
    kept = READ_VECTORS.setdefault(store, OrderedDict())
    for statement_id, row in zip(ids, rounded, strict=True):
        vector = row.copy()
        vector.flags.writeable = False
        kept[statement_id] = vector
        kept.move_to_end(statement_id)
    while len(kept) > READ_VECTORS_KEPT:
        kept.popitem(last=False)


# Lead vectors of stories' member articles (``article_embeddings``), parsed once per open store: every
# link group compares its articles with up to MAX_STORY_MEMBERS members of each story in its window,
# and parsing their JSON again was 2/3 of "read stories" (12 of 18 ms a group at 300 synthetic
# articles). Keyed by article: an article's lead vector is written once and never changed.
READ_LEADS: weakref.WeakKeyDictionary[Any, OrderedDict[str, Any]] = weakref.WeakKeyDictionary()
READ_LEADS_KEPT = 20_000  # per store, latest used (~30 MB)


def stored_lead(store: Store, article_id: str, text: str) -> Any:
    """The lead vector of ``article_id`` whose stored JSON is ``text`` (a read-only array), parsed
    only the first time this open store is asked for it."""
    kept = READ_LEADS.setdefault(store, OrderedDict())
    vector = kept.get(article_id)
    if vector is not None:
        kept.move_to_end(article_id)
        return vector
    vector = parse_vector(text)
    vector.flags.writeable = False
    kept[article_id] = vector
    if len(kept) > READ_LEADS_KEPT:
        kept.popitem(last=False)
    return vector
