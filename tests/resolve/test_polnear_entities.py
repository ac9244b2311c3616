"""Cross-article entities on a slice of PolNeAR dev (real pipeline, real DuckDB store).

The full 84-article figure comes from ``eval/count_entity_splits.py`` (see docs/resolve.md); this test
keeps the suite fast by ingesting the first articles that name both candidates.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from whosaid.store.base import Store

ARTICLES = 12
REPO = Path(__file__).resolve().parents[2]


def _splits_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "count_entity_splits", REPO / "eval" / "count_entity_splits.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def polnear_store(shared_dir: Path, nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    from whosaid.ingest.jsonl import article_from_record
    from whosaid.pipeline import ingest_articles
    from whosaid.store import open_store

    path = shared_dir / "data" / "polnear" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = [r for r in records if "Donald Trump" in r["text"] and "Hillary Clinton" in r["text"]][:ARTICLES]
    store = open_store(tmp_path_factory.mktemp("polnear") / "polnear.duckdb")
    report = ingest_articles(
        [article_from_record(r) for r in chosen], store, nlp=nlp, time_limit=None, progress=False, link=False
    )
    assert report.ok and report.stored == len(chosen)
    yield store
    store.close()


def _share_on_main(store: Store, name: str, forms: list[str]) -> float:
    from whosaid.resolve.lookup import entity_ids_for

    ids = entity_ids_for(store, name)
    assert len(ids) == 1, (name, ids)
    marks = ", ".join("?" * len(forms))
    rows = store.query(f"SELECT entity_id FROM mentions WHERE kind = 'name' AND text IN ({marks})", forms)
    assert len(rows) >= 20
    held = sum(1 for r in rows if r["entity_id"] == ids[0])
    return held / len(rows)


@pytest.mark.slow
def test_one_entity_each_for_trump_and_clinton(polnear_store: Store) -> None:
    trump = ["Donald Trump", "Donald J. Trump", "Trump", "Mr. Trump"]
    clinton = ["Hillary Clinton", "Hillary Rodham Clinton", "Hillary", "Mrs. Clinton"]
    assert _share_on_main(polnear_store, "Donald Trump", trump) >= 0.95
    assert _share_on_main(polnear_store, "Hillary Clinton", clinton) >= 0.95


@pytest.mark.slow
def test_few_person_entities_are_obvious_splits(polnear_store: Store) -> None:
    module = _splits_module()
    people = module._people(polnear_store)
    pairs = module.candidate_splits(polnear_store)
    assert len(people) >= 30
    assert len({p["split_id"] for p in pairs}) / len(people) < 0.02, pairs
