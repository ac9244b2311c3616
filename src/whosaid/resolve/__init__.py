"""Who is who and when: entity clusters, dates and quantities in an article, entities across articles.

Interface used by pipeline.py (the resolve stage owns the implementation):
- ``resolve_article(doc, article, statements) -> ArticleAnalysis``
- ``assign_entities(store, analysis) -> None``: gives clusters and statements cross-article entity ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.model import Article, ArticleAnalysis, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from whosaid.store.base import Store


def resolve_article(doc: Doc, article: Article, statements: list[Statement]) -> ArticleAnalysis:
    return ArticleAnalysis(article=article, statements=statements)


def assign_entities(store: Store, analysis: ArticleAnalysis) -> None:
    return None
