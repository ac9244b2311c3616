"""Placing an article into a story: embedding of title and lead, shared names, and a time window.

Pure logic over in-memory candidates, so the store code (linker.py) and the benchmark share it. Only
stories active within ``WINDOW_DAYS`` of the article are candidates, which keeps placement cost
proportional to the stories of that week, not to the corpus.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from whosaid.link.stance_features import lexicon

WINDOW_DAYS = 3
JOIN_COSINE = 0.62  # title+lead cosine at which an article joins a story on its own
JOIN_COSINE_WITH_NAMES = 0.42  # ... or lower, when it shares at least ``SHARED_NAMES`` names with it
SHARED_NAMES = 2
NAME_BONUS = 0.04  # added to the cosine per shared name, up to four names
COMMON_NAME_SHARE = 0.2  # a name in more than this share of the active stories is not evidence

_NAME = re.compile(r"\b[A-Z][a-zA-Z'’.-]+(?:\s+[A-Z][a-zA-Z'’.-]+)*")


def lead_text(title: str | None, text: str, max_chars: int = 600) -> str:
    """Title and the opening of the article: what a reader sees to know what it is about."""
    body = " ".join(line.strip() for line in text.splitlines() if len(line.strip()) > 40)
    return f"{title or ''}. {body[:max_chars]}".strip(". ")


def name_keys(text: str) -> set[str]:
    """Capitalised names in a text, lower-cased, each word of a multi-word name counted too."""
    keys: set[str] = set()
    for match in _NAME.finditer(text):
        words = [w.strip(".'’-") for w in match.group().split() if w not in lexicon("not_names")]
        words = [w for w in words if len(w) > 2 and w not in lexicon("not_names")]
        if words:
            keys.add(" ".join(words).lower())
            keys.update(w.lower() for w in words)
    return keys


@dataclass(slots=True)
class StoryState:
    id: str
    title: str
    first: date
    last: date
    centroid: Any  # running sum direction: mean of member vectors (not normalised)
    n: int
    names: Counter[str] = field(default_factory=Counter)
    changed: bool = False
    # Vectors of the member articles: an article joins through its nearest member, because a centroid
    # of many articles drifts toward the generic ("the election") and then attracts everything.
    members: list[Any] = field(default_factory=list)
    stacked: Any = None  # ``members`` as one matrix, rebuilt only after a member is added

    def score(self, vector: Any) -> float:
        if self.members:
            if self.stacked is None or len(self.stacked) != len(self.members):
                self.stacked = np.asarray(self.members)
            return float(np.max(self.stacked @ vector))
        norm = float(np.linalg.norm(self.centroid)) or 1.0
        return float(np.dot(self.centroid, vector)) / norm

    def add(self, vector: Any, names: set[str], day: date) -> None:
        self.centroid = (self.centroid * self.n + vector) / (self.n + 1)
        self.n += 1
        self.members.append(vector)
        # In sorted order: the order of a set of strings changes with each process's hash seed, and
        # ties in ``most_common`` (what ``names_json`` keeps) go by insertion order.
        self.names.update(sorted(names))
        self.first, self.last = min(self.first, day), max(self.last, day)
        self.changed = True

    def vector_json(self) -> str:
        return json.dumps(np.round(np.asarray(self.centroid, dtype=np.float64), 5).tolist())

    def names_json(self) -> str:
        return json.dumps(dict(self.names.most_common(60)))


def in_window(story: StoryState, day: date) -> bool:
    window = timedelta(days=WINDOW_DAYS)
    return story.first - window <= day <= story.last + window


def best_story(candidates: list[StoryState], vector: Any, names: set[str], day: date) -> StoryState | None:
    """The story the article belongs to, or None when it starts a new one.

    A name counts as shared evidence only when it is specific in this window: "trump" in an
    election month is in every story and says nothing about which one an article belongs to.
    """
    active = [story for story in candidates if in_window(story, day)]
    spread = Counter(name for story in active for name in names & set(story.names))
    common = max(2, int(COMMON_NAME_SHARE * len(active)))
    best: tuple[float, StoryState] | None = None
    for story in active:
        cosine = story.score(vector)
        shared = sum(1 for name in names & set(story.names) if spread[name] <= common)
        joins = cosine >= JOIN_COSINE or (cosine >= JOIN_COSINE_WITH_NAMES and shared >= SHARED_NAMES)
        if not joins:
            continue
        total = cosine + NAME_BONUS * min(shared, 4)
        if best is None or total > best[0]:
            best = (total, story)
    return best[1] if best else None
