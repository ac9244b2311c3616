"""Fixtures of the resolve tests: the seed article analysed by the real pipeline, and its gold file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from whosaid.model import ArticleAnalysis


@pytest.fixture(scope="session")
def seed_gold(seed_path: Path) -> dict[str, Any]:
    gold_path = seed_path.with_name(seed_path.stem + ".gold.json")
    if not gold_path.is_file():
        pytest.skip(f"the seed gold file {gold_path} is absent")
    data: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="session")
def seed_analysis(seed_path: Path, nlp: Any) -> ArticleAnalysis:
    """The seed markdown read by the markdown reader and analysed by the real pipeline."""
    from whosaid.ingest.markdown import article_from_markdown
    from whosaid.pipeline import analyze

    article = article_from_markdown(seed_path.read_text(encoding="utf-8"), source_path=str(seed_path))
    return analyze(article, nlp)
