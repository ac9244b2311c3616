"""The link stage behind the real pipeline: extraction, entities, store, then linking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from whosaid.link import conflicts, stories
from whosaid.pipeline import ingest
from whosaid.store import open_store

from .conftest import DEMO, SHARED


def test_seed_article_alone_through_the_pipeline_yields_both_gold_conflicts(tmp_path: Path) -> None:
    seed = SHARED / "seed"
    if not seed.is_dir():
        pytest.skip(f"the shared seed article is not beside the repository ({seed})")
    gold = json.loads((seed / "moscow-times-2024-03-26.gold.json").read_text(encoding="utf-8"))
    store = open_store(tmp_path / "seed.duckdb")
    try:
        report = ingest([seed / gold["article"]], store, progress=False)
        assert report.stored == 1, report.failures
        found = conflicts(store)
    finally:
        store.close()
    for pair in gold["conflicts"]:
        assert any(
            (pair["a"] in c["a"]["content"] and pair["b"] in c["b"]["content"])
            or (pair["a"] in c["b"]["content"] and pair["b"] in c["a"]["content"])
            for c in found
        ), pair


def test_demo_corpus_through_the_pipeline(tmp_path: Path) -> None:
    store = open_store(tmp_path / "demo.duckdb")
    try:
        report = ingest(sorted(DEMO.iterdir()), store, progress=False)
        assert report.stored >= 5, report.failures
        found = stories(store)
        titles = {a: store.article(a).title for s in found for a in s["article_ids"]}  # type: ignore[union-attr]
        karsvik = {s["id"] for s in found for a in s["article_ids"] if "Karsvik" in (titles[a] or "")}
        assert len(karsvik) == 1, found
        toll = [c for c in conflicts(store) if (c["about"] or "").startswith("death toll")]
        assert any({c["a"]["speaker"], c["b"]["speaker"]} == {"Marta Kowalin", "Emil Sorensen"} for c in toll)
    finally:
        store.close()
