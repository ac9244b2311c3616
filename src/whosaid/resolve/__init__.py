"""Who is who and when: entity clusters, dates and quantities in an article, entities across articles.

Interface used by pipeline.py:
- ``resolve_article(doc, article, statements) -> ArticleAnalysis``: in-article entity clusters with
  their mentions, resolved dates, ``said_on`` of each statement, speakers made canonical, quantities.
  Works on the Doc the extractor already parsed.
- ``assign_entities(store, analysis) -> None``: gives clusters, mentions and statements cross-article
  entity ids; call it before ``store.add(analysis)``.
- ``assign_entities_many(store, analyses) -> None``: the same for a batch, before
  ``store.add_many(analyses)`` (one read and one write per table for the whole batch).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from whosaid.errors import WhosaidError
from whosaid.model import Article, ArticleAnalysis, Statement
from whosaid.resolve import clusters, overrides
from whosaid.resolve.dates import resolve_dates
from whosaid.resolve.doc_text import doc_text
from whosaid.resolve.quantities import find_quantities
from whosaid.resolve.said_on import date_statements

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from whosaid.store.base import Store

__all__ = ["assign_entities", "assign_entities_many", "resolve_article"]


def resolve_article(doc: Doc, article: Article, statements: list[Statement]) -> ArticleAnalysis:
    """Everything the resolve stage finds in one parsed article (``doc.text`` must be ``article.text``)."""
    if doc_text(doc) != article.text:
        raise WhosaidError(
            f"whosaid: article {article.id}: the parsed text differs from the article text; "
            "parse article.text itself so that offsets agree."
        )
    entities, mentions, links = clusters.build(doc, article.text, article.id, statements, overrides.load())
    by_cluster = {e.cluster: e for e in entities}
    for pos, cluster in links.items():
        entity = by_cluster.get(cluster)
        # only a name makes a speaker canonical: an unnamed cluster ("The group", "a source") keeps
        # the extractor's speaker, so that `extract` and `eval` give a description one form
        if entity is not None and entity.name and entity.aliases:
            statements[pos].speaker = entity.name
            statements[pos].speaker_type = statements[pos].speaker_type or entity.type
    dates = resolve_dates(article.text, article.id, article.published, doc)
    date_statements(doc, statements, dates, article.published)
    return ArticleAnalysis(
        article=article,
        statements=statements,
        entities=entities,
        mentions=mentions,
        dates=dates,
        quantities=find_quantities(doc, article.id, statements),
    )


def assign_entities(store: Store, analysis: ArticleAnalysis) -> None:
    """Give each cluster of the analysis a store entity id (existing or new) and record why."""
    from whosaid.resolve.crossdoc import assign

    assign(store, analysis, overrides.load())


def assign_entities_many(store: Store, analyses: Sequence[ArticleAnalysis]) -> None:
    """``assign_entities`` of each analysis in order, for ``Store.add_many`` to store them together:
    each sees what those before it add, as if they were stored already (same ids as one by one)."""
    from whosaid.resolve.crossdoc import assign_many

    assign_many(store, analyses, overrides.load())
