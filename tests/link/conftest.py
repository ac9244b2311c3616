"""Real stores holding the demo corpus and the seed article, with statements placed by hand-checked
contents, linked by the real link stage (embeddings, stance model, DuckDB file)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from whosaid.link import update_links
from whosaid.model import Article, ArticleAnalysis, Span, Statement
from whosaid.pipeline import read_sources
from whosaid.store import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
DEMO = ROOT / "src" / "whosaid" / "demo_data" / "articles"
DATA = Path(__file__).resolve().parent / "data"


def statements_in(article: Article, triples: list[list[str]]) -> list[Statement]:
    statements = []
    for index, (speaker, cue, content) in enumerate(triples):
        start = article.text.find(content)
        assert start >= 0, f"not in {article.title!r}: {content!r}"
        statements.append(
            Statement(
                article_id=article.id,
                kind="indirect",
                content=content,
                content_span=Span(start, start + len(content)),
                cue=cue,
                speaker=speaker,
                speaker_text=speaker,
                said_on=article.published,
                index=index,
            )
        )
    return statements


def demo_articles() -> list[Article]:
    return [a for a in read_sources(sorted(DEMO.iterdir())) if isinstance(a, Article)]


def build_demo_store(path: Path) -> Store:
    """A DuckDB file holding the demo corpus with its statements, linked."""
    plan = json.loads((DATA / "demo_statements.json").read_text(encoding="utf-8"))
    store = open_store(path)
    ids = []
    for article in demo_articles():
        assert article.title in plan, article.title
        store.add(ArticleAnalysis(article, statements_in(article, plan[article.title])))
        ids.append(article.id)
    update_links(store, ids)
    return store


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = build_demo_store(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    yield store
    store.close()


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    seed = SHARED / "seed"
    if not seed.is_dir():
        pytest.skip(f"the shared seed article is not beside the repository ({seed})")
    gold = json.loads((seed / "moscow-times-2024-03-26.gold.json").read_text(encoding="utf-8"))
    (article,) = [a for a in read_sources([seed / gold["article"]]) if isinstance(a, Article)]
    triples = [[s["speaker"], s["cue"], s["content"]] for s in gold["statements"]]
    store = open_store(tmp_path_factory.mktemp("seed") / "seed.duckdb")
    store.add(ArticleAnalysis(article, statements_in(article, triples)))
    update_links(store, [article.id])
    yield store
    store.close()
