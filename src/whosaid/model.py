"""Plain typed records that flow one way through whosaid.

files -> Article -> Statement / Mention / Entity / DateMention / Quantity -> store -> API, web.

Every span is a pair of character offsets into ``Article.text``; the strings kept beside spans are
derived from the text when the record is made (``text[span.start:span.end]``), never typed by hand.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

StatementKind = Literal["direct", "indirect", "mixed"]
EntityType = Literal["PERSON", "ORG", "GROUP", "GPE", "LOC", "FAC", "NORP", "OTHER"]
Granularity = Literal["day", "week", "month", "year", "range"]
Stance = Literal["agree", "disagree", "discuss", "unrelated"]


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def as_list(self) -> list[int]:
        return [self.start, self.end]


def content_id(text: str) -> str:
    """Stable article id: a hash of the text with white space folded, so re-ingesting adds nothing."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:20]


@dataclass(slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    source_path: str | None = None
    # The id the input gave the article (JSON Lines ``id``, feed guid), kept so outputs can echo it.
    external_id: str | None = None
    fetched_at: datetime | None = None
    # Outlets that carried the same text (syndicated wire copies), the article's own outlet first.
    outlets: list[str] = field(default_factory=list)
    # HTTP status of the response the article was read from (fetched pages only).
    http_status: int | None = None


@dataclass(slots=True)
class Statement:
    article_id: str
    kind: StatementKind
    content: str
    content_span: Span
    cue: str | None = None
    cue_span: Span | None = None
    speaker_text: str | None = None
    speaker_span: Span | None = None
    # Canonical name of the speaker within the article (fullest form), or None when unknown.
    speaker: str | None = None
    speaker_type: EntityType | None = None
    speaker_role: str | None = None
    # Cross-article entity id, filled by resolve/ once the statement is stored.
    speaker_entity_id: str | None = None
    # Who relayed the statement ("was quoted as saying by Belta" -> "Belta").
    via: str | None = None
    said_on: date | None = None
    # True when said_on is the publication date because the text does not fix the day.
    said_on_is_fallback: bool = True
    # Index (in the article's statement list) of the statement this one is quoted inside.
    nested_in: int | None = None
    confidence: float = 0.5
    index: int = 0
    # The pieces of a content interrupted by its attribution ("“A,” she said, “B.”" -> A and B),
    # in order; empty when the content is one piece. content_span covers them all.
    content_parts: list[Span] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.index}"


@dataclass(slots=True)
class Mention:
    """One place an entity is named or referred to in an article."""

    article_id: str
    span: Span
    text: str
    # Index of the in-article cluster (see ``Entity.cluster``) this mention belongs to.
    cluster: int
    kind: Literal["name", "pronoun", "description"] = "name"
    # Cross-article entity id of the cluster, filled by resolve/ (``mentions.entity_id`` in the store).
    entity_id: str | None = None
    # Why the mention joined its cluster ("surname of 'Alexander Lukashenko'"), for `whosaid entity --why`.
    reason: str | None = None


@dataclass(slots=True)
class Entity:
    """A person, organisation, group or place.

    Within one article it is a cluster of mentions (``cluster`` set, ``id`` empty); in the store it is
    the cross-article record (``id`` set) with every alias and role seen.
    """

    name: str
    type: EntityType
    id: str = ""
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    cluster: int | None = None
    article_id: str | None = None


@dataclass(slots=True)
class DateMention:
    article_id: str
    span: Span
    text: str
    value: date
    # Last day of the range for coarse expressions ("last month"); equal to value for a day.
    value_end: date
    granularity: Granularity


@dataclass(slots=True)
class Quantity:
    article_id: str
    span: Span
    text: str
    value: float
    unit: str | None = None
    # What is counted or measured ("people killed"), as written near the number.
    subject: str | None = None
    qualifier: str | None = None  # "at least", "about", "more than", ...
    statement_index: int | None = None


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything whosaid found in one article: the unit the pipeline hands to the store."""

    article: Article
    statements: list[Statement] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    # Sentence vectors (numpy float32 arrays) of the lead and statement contents, keyed by text,
    # when the analysis step computed them for linking (``whosaid.link.embed.article_vectors``);
    # empty otherwise, and linking then computes them itself. Never stored as such.
    vectors: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class Story:
    id: str
    title: str
    article_ids: list[str] = field(default_factory=list)
    first_published: date | None = None
    last_published: date | None = None


@dataclass(slots=True)
class Claim:
    id: str
    story_id: str
    label: str
    statement_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Relation:
    """How two statements stand to each other, with the evidence for it."""

    a: str  # statement id
    b: str  # statement id
    relation: Literal["agree", "contradict", "discuss", "unrelated"]
    score: float
    evidence: str
    # What they disagree on (an entity, a place, a figure), when one thing can be named.
    about: str | None = None
