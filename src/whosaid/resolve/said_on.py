"""When a statement was made: a day named in the cue's clause, else the publication date as a fallback.

"Lukashenko said Tuesday that ..." fixes the day; "late last week" inside the reported content dates
the event talked about, not the speech, and is not used.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from whosaid.model import DateMention, Statement
from whosaid.resolve.doc_text import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NEAR_TOKENS = 3  # a date this close to the cue, outside the content, belongs to the cue


def _governed_by(root: Token, verbs: list[Token]) -> bool:
    """Whether the date hangs off the cue itself ("said Tuesday", "told parliament on Sunday"), not
    off another verb of its sentence ("warned of delays if the blockade lasted beyond Wednesday":
    Wednesday dates the blockade)."""
    node = root
    while node.head.i != node.i:
        node = node.head
        if node in verbs:
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "acl":
            return False  # "in a letter published on Tuesday, she wrote": a participle of a noun passes
    return False


def _speech_date(doc: Doc, statement: Statement, dates: list[DateMention]) -> DateMention | None:
    cue_span = statement.cue_span
    if cue_span is None:
        return None
    cue = doc.char_span(cue_span.start, cue_span.end, alignment_mode="expand")
    if cue is None or len(cue) == 0:
        return None
    verbs = [t for t in cue if t.pos_ in {"VERB", "AUX", "NOUN"}] or list(cue)
    sentence = cue[0].sent
    content = statement.content_span
    best: tuple[int, DateMention] | None = None
    for mention in dates:
        if mention.granularity != "day":
            continue
        if not (sentence.start_char <= mention.span.start < sentence.end_char):
            continue
        if content.start <= mention.span.start < content.end:
            continue  # inside what was said
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        governed = _governed_by(root, verbs)
        distance = min(
            min(abs(root.i - v.i) for v in verbs), abs(span.start - cue.end), abs(cue.start - span.end)
        )
        between = doc_text(doc)[min(mention.span.end, cue_span.end) : max(mention.span.start, cue_span.start)]
        if "\n" in between or (not governed and distance > _NEAR_TOKENS):
            continue  # a dateline or a date in another paragraph does not date this statement
        rank = distance if governed else distance + 100
        if best is None or rank < best[0]:
            best = (rank, mention)
    return best[1] if best else None


def date_statements(
    doc: Doc, statements: list[Statement], dates: list[DateMention], published: date | None
) -> None:
    """Set ``said_on`` and ``said_on_is_fallback`` on every statement."""
    for statement in statements:
        mention = _speech_date(doc, statement, dates)
        if mention is not None:
            statement.said_on = mention.value
            statement.said_on_is_fallback = False
        else:
            statement.said_on = published
            statement.said_on_is_fallback = True
