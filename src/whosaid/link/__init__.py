"""Across outlets: stories, claims and relations (agree / contradict) between statements.

Writing (called by pipeline.py after articles are stored, and by ``whosaid link``):

- ``update_links(store, article_ids, vectors=None) -> None``: places each new article into an
  existing story or starts one, groups its statements into claims and relates them to the statements
  already in the story. Incremental: only the stories within the time window of the new articles are
  read. ``vectors`` maps texts to sentence vectors computed already (``ArticleAnalysis.vectors``).
- ``link_pending(store) -> dict[str, int]``: ``update_links`` for every stored article not yet in a
  story; returns counts ``{"articles", "stories", "claims", "relations"}``.

Reading (used by the CLI and the HTTP API; every value is JSON-ready: dates as "YYYY-MM-DD" strings):

- ``stories(store) -> list[StoryDict]``, newest first::

    {"id", "title", "first_published", "last_published", "article_ids": [...], "outlets": [...],
     "n_articles", "n_statements", "n_conflicts"}

- ``story(store, story_id) -> StoryDict | None`` (same shape, plus ``"articles": [ArticleDict]``
  where ArticleDict = {"id", "title", "outlet", "published", "url"}).
- ``claims(store, story_id) -> list[ClaimDict]``::

    {"id", "story_id", "label", "speakers": [...], "statements": [StatementDict, ...]}

- ``conflicts(store, speaker=None, story_id=None) -> list[RelationDict]`` (relation == "contradict";
  ``speaker`` matches either side's speaker, case-insensitively, by substring).
- ``relations(store, story_id=None, relation=None) -> list[RelationDict]``::

    {"a": StatementDict, "b": StatementDict, "relation": "agree"|"contradict"|"discuss"|"unrelated",
     "score": float, "about": str | None, "story_id": str | None,
     "evidence": {"reason": str, "a_text": str, "a_span": [start, end], "b_text": str,
                  "b_span": [start, end]}}

  where the evidence spans index the text of the article of ``a`` and of ``b`` respectively.
- StatementDict::

    {"id", "article_id", "index", "kind", "content", "content_span": [start, end], "quotation",
     "speaker", "speaker_text", "cue", "via", "said_on", "outlet", "published", "url", "title"}

  ``quotation`` is the content without an attribution that interrupts it (its pieces joined
  with " … "); it equals ``content`` when the statement is one piece.

Stance (FNC-1 trained, see ``stance.py``): ``predict_stances(pairs) -> list[str]`` for
(claim, text) pairs, labels "agree" / "disagree" / "discuss" / "unrelated".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from whosaid.store.base import Store

__all__ = [
    "claims",
    "conflicts",
    "link_pending",
    "predict_stances",
    "relations",
    "stories",
    "story",
    "update_links",
]


def update_links(store: Store, article_ids: Sequence[str], vectors: Mapping[str, Any] | None = None) -> None:
    """Link newly stored articles: stories, then claims and relations of their statements.

    ``vectors`` maps texts to sentence vectors computed already (``ArticleAnalysis.vectors``)."""
    from whosaid.link.linker import link_articles

    link_articles(store, article_ids, known=vectors)


def link_pending(store: Store) -> dict[str, int]:
    """Link every stored article that is not in a story yet; returns what was added."""
    from whosaid.link.linker import link_unlinked

    return link_unlinked(store)


def stories(store: Store) -> list[dict[str, Any]]:
    from whosaid.link.views import list_stories

    return list_stories(store)


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    from whosaid.link.views import get_story

    return get_story(store, story_id)


def claims(store: Store, story_id: str) -> list[dict[str, Any]]:
    from whosaid.link.views import list_claims

    return list_claims(store, story_id)


def relations(store: Store, story_id: str | None = None, relation: str | None = None) -> list[dict[str, Any]]:
    from whosaid.link.views import list_relations

    return list_relations(store, story_id=story_id, relation=relation)


def conflicts(store: Store, speaker: str | None = None, story_id: str | None = None) -> list[dict[str, Any]]:
    from whosaid.link.views import list_relations

    return list_relations(store, story_id=story_id, relation="contradict", speaker=speaker)


def predict_stances(pairs: Sequence[tuple[str, str]]) -> list[str]:
    from whosaid.link.stance import predict_stances as predict

    return predict(pairs)
