"""whosaid: who said what, when, about what - and who contradicts whom.

The Python API (imports are lazy, so ``import whosaid`` stays fast)::

    import whosaid
    statements = whosaid.extract_statements('"We are ready," the minister said on Monday.')
    store = whosaid.open_store("news.duckdb")          # or "postgresql://..."
    report = whosaid.ingest(["articles/"], store, workers=2)

(The function is ``extract_statements`` because ``whosaid.extract`` is the extractor's package.)
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from whosaid.model import Article, ArticleAnalysis, Statement
    from whosaid.pipeline import IngestReport
    from whosaid.store.base import Store

# Records and helpers importable from the top, loaded on first use.
_LAZY = {
    "Article": "whosaid.model",
    "Statement": "whosaid.model",
    "Span": "whosaid.model",
    "Entity": "whosaid.model",
    "ArticleAnalysis": "whosaid.model",
    "content_id": "whosaid.model",
    "WhosaidError": "whosaid.errors",
    "IngestReport": "whosaid.pipeline",
    "analyze_many": "whosaid.pipeline",
    "read_paths": "whosaid.ingest",
    "ReadFailure": "whosaid.ingest.records",
    "find_statements": "whosaid.store.queries",
}

__all__ = [*sorted(_LAZY), "analyze", "extract_statements", "ingest", "make_article", "open_store"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'whosaid' has no attribute {name!r}")


def make_article(
    text: str,
    *,
    title: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    external_id: str | None = None,
) -> Article:
    """An Article from a text, with its content id (offsets will refer to ``text`` exactly)."""
    from whosaid.model import Article, content_id

    return Article(
        id=content_id(text),
        text=text,
        title=title,
        published=published,
        outlet=outlet,
        url=url,
        external_id=external_id,
        outlets=[outlet] if outlet else [],
    )


def analyze(text_or_article: str | Article, **article_fields: Any) -> ArticleAnalysis:
    """Statements, entities, dates and figures of one text or Article (no store involved)."""
    from whosaid.pipeline import analyze as analyze_article

    article = (
        make_article(text_or_article, **article_fields)
        if isinstance(text_or_article, str)
        else text_or_article
    )
    return analyze_article(article)


def extract_statements(text_or_article: str | Article, **article_fields: Any) -> list[Statement]:
    """Who said what in one text or Article; spans are offsets into its text."""
    return analyze(text_or_article, **article_fields).statements


def open_store(url_or_path: str | Path | None = None) -> Store:
    """The store at a DuckDB file (default ``./whosaid.duckdb``) or a ``postgresql://`` URL."""
    from whosaid.store import open_store as open_backend

    return open_backend(url_or_path)


def ingest(
    paths: Iterable[str | Path], store: Store | str | Path | None = None, **options: Any
) -> IngestReport:
    """Read, analyse and store files, directories, globs or URLs; see ``whosaid.pipeline.ingest``
    for ``workers``, ``max_bytes``, ``max_chars``, ``time_limit``, ``progress`` and ``link``."""
    from whosaid.pipeline import ingest as run

    if store is None or isinstance(store, str | Path):
        opened = open_store(store)
        try:
            return run(paths, opened, **options)
        finally:
            opened.close()
    return run(paths, store, **options)
