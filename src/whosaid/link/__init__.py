"""Across outlets: stories, claims and relations (agree / contradict) between statements.

Interface used by pipeline.py (the link stage owns the implementation):
- ``update_links(store, article_ids) -> None``: places newly stored articles into stories and relates
  their statements to those already stored, incrementally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whosaid.store.base import Store


def update_links(store: Store, article_ids: Sequence[str]) -> None:
    return None
