"""Unquoted words PolNeAR draws into a quotation's statement, and quotations that carry one on.

A quotation is often only part of what the annotators mark as the statement: the phrase fronted
before its attribution (`If the bill passes, she said, “it will …”`), the subject its quoted
predicate needs (`the plan “is dead on arrival,” he said`), the words that finish the clause a
quoted phrase sits in (`called it “a slow goodbye” for the town`), what a quoted name names
(`called the mayor “…”`, `which he called “…”`), or the reported clause that a
following cue-less quotation continues (`He said the rules were “fair.” “We wrote them …”`). The
gold then calls the statement mixed. These passes widen a quotation's draft to those words; they
look only at the quotation's own sentence, so work stays proportional to the quotations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from whosaid.extract.attribution import Draft

QUOTE_MARKS = '“”«»„"‘’'
APOSTROPHES = "''"  # the doubled apostrophe archive text writes for a double quotation mark
SETTING_PREPOSITIONS = {"in", "on", "at", "during", "after", "before", "since", "from", "with", "speaking"}
TOPIC_OPENERS = ("Of ", "As for ", "If ")  # fronts that belong to what is said
CONJUNCTIONS = {"But", "And", "Yet"}  # `But, she added, “…”`: the quotation goes on from the word
MAX_LEAD_WORDS = 15  # a subject or a fronted phrase, not a sentence of narration
# Statements whose content is a reported clause; a verb's object noun phrase (`attacked Trump`) is a
# stance, and a quotation after it is a statement of its own.
CLAUSE_FORMS = {"ccomp", "final", "raising", "noun_clause", "according", "colon"}
# Verbs that give something a quoted name (`called the plan “a slow goodbye”`, `referred to her as “…”`):
# what is named is part of the statement, as PolNeAR draws it.
NAMING_VERBS = {
    "call", "dub", "label", "brand", "term", "nickname", "describe", "refer", "characterize", "portray",
}  # fmt: skip
RELATIVE_PRONOUNS = {"which", "who", "whom", "what"}


def _has_mark(text: str) -> bool:
    return APOSTROPHES in text or any(m in text for m in QUOTE_MARKS)


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def join_continuations(drafts: list[Draft], text: str) -> list[Draft]:
    """`X said he was “…” about it. “If we …”`: a cue-less quotation carries on the statement before it.

    A whole quotation with no attribution of its own that follows another statement in the same
    paragraph is, in PolNeAR, the next piece of that statement (one mixed statement whose content is
    the pieces joined), not a statement of its own.
    """
    gone: set[int] = set()  # ids of the quotations joined to a statement before them
    for quote in drafts:
        if quote.cand.form != "continuation" or quote.kind != "direct" or quote.parent is not None:
            continue
        earlier = [
            d
            for d in drafts
            if d is not quote
            and d.parent is None
            and d.cand.cue_start >= 0
            and d.end <= quote.start
            and "\n" not in text[d.end : quote.start]
            and id(d) not in gone
        ]
        if not earlier:
            continue
        before = max(earlier, key=lambda d: d.end)
        if before.kind == "indirect" and before.cand.form not in CLAUSE_FORMS:
            continue
        pieces = list(before.parts) if before.parts else [(before.start, before.end)]
        before.parts = [*pieces, (quote.start, quote.end)]
        before.end, before.kind = quote.end, "mixed"
        gone.add(id(quote))
    return [d for d in drafts if id(d) not in gone] if gone else drafts


def _name_complement(span: Span, cue: Token) -> bool:
    """The quotation is the name the cue gives: its object predicate (`called X “…”`) or `as “…”`."""
    roots = [t for t in span if not t.is_punct and not (span.start <= t.head.i < span.end)]
    if len(roots) != 1:
        return False
    root = roots[0]
    if root.dep_ == "oprd" and root.head.i == cue.i:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.i == cue.i


def _named(cue: Token) -> Token | None:
    """What the cue names: its object, or the object of `refer to`."""
    for child in cue.children:
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def widen_to_named(draft: Draft, doc: Doc, text: str) -> None:
    """`called the mayor “the queen of promises”`, `which he called “a cartel”`: a quoted name keeps
    what it names, as PolNeAR draws the statement (then mixed): the object between the cue and the
    quotation with everything up to it, or the relative pronoun (the noun a `that` or a bare relative
    clause hangs on) as a piece of its own before the quotation."""
    cand = draft.cand
    if draft.kind != "direct" or draft.parts or cand.cue_start < 0:
        return
    cue = doc[cand.cue_start]
    if cue.lemma_ not in NAMING_VERBS or cue.idx >= draft.start:
        return
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or not _name_complement(span, cue):
        return
    named = _named(cue)
    if named is not None and cue.i < named.i < span.start:
        lead = text[named.left_edge.idx : draft.start]
        if "\n" not in lead and _words(lead) <= MAX_LEAD_WORDS:
            draft.start, draft.kind = named.left_edge.idx, "mixed"
        return
    if named is not None and named.i < cue.i and named.lower_ in RELATIVE_PRONOUNS:
        piece = (named.idx, named.idx + len(named.text))
    elif (named is None or named.lower_ == "that") and cue.dep_ == "relcl" and cue.head.i < cue.i:
        noun = cue.head
        piece = (noun.left_edge.idx, noun.idx + len(noun.text))
    else:
        return
    if "\n" in text[piece[0] : draft.start]:
        return
    draft.parts = [piece, (draft.start, draft.end)]
    draft.start, draft.kind = piece[0], "mixed"


def widen_to_fronted(draft: Draft, doc: Doc, text: str) -> None:
    """`If the bill passes, she said, “it will …”`: the phrase fronted before the cue is content."""
    cand = draft.cand
    if draft.kind != "direct" or draft.parts or cand.cue_start < 0:
        return
    cue = doc[cand.cue_start]
    if cue.idx >= draft.start:
        return
    clause = cue.i
    if cand.speaker_head is not None and cand.speaker_head.i < cue.i:
        clause = min(clause, cand.speaker_head.left_edge.i)
    if clause < 1 or doc[clause - 1].text != ",":
        return
    first = doc[clause].sent.start
    front_start, front_end = doc[first].idx, doc[clause - 1].idx
    front = text[front_start:front_end]
    if not 0 < _words(front) <= MAX_LEAD_WORDS or "\n" in front or _has_mark(front):
        return
    # The quotation finishes the fronted sentence (`If X, she said, “it will …”`) or the front names
    # its topic (`Of the plan, he said, “…”`); a fronted setting (`Asked about it, …`, `In a
    # statement, …`) before a quotation that starts its own sentence is narration.
    lead_in = front.startswith(TOPIC_OPENERS) or front.strip() in CONJUNCTIONS
    if not (text[draft.start : draft.start + 1].islower() or lead_in):
        return
    if doc[first].lower_ in SETTING_PREPOSITIONS:
        return  # `In a statement, she said, “…”`: where or when it was said, not what
    resume = draft.start  # where the content takes up again after the cue clause
    for tok in doc[cue.i + 1 : cue.i + MAX_LEAD_WORDS]:
        if tok.idx >= draft.start:
            break
        if tok.text in (",", ":"):
            resume = min(doc[tok.i + 1].idx, draft.start)
            break
    while resume < draft.end and (text[resume] in QUOTE_MARKS + "'" or text[resume].isspace()):
        resume += 1  # the piece starts inside the opening mark, as a quotation's content does
    draft.parts = [(front_start, front_end), (resume, draft.end)]
    draft.start, draft.kind = front_start, "mixed"


def widen_to_subject(draft: Draft, doc: Doc, text: str) -> None:
    """`the plan “is dead on arrival,” he said`: a quoted predicate keeps its unquoted subject."""
    cand = draft.cand
    if draft.kind != "direct" or draft.parts or cand.cue_start < 0:
        return
    if doc[cand.cue_start].idx < draft.end or not text[draft.start : draft.start + 1].islower():
        return
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or span.start < 2:
        return
    lead_start = doc[span.start - 1].sent.start
    opening = doc[span.start - 1].idx  # the opening mark
    lead = text[doc[lead_start].idx : opening]
    if not 0 < _words(lead) <= MAX_LEAD_WORDS or "\n" in lead or _has_mark(lead):
        return
    draft.start, draft.kind = doc[lead_start].idx, "mixed"


def widen_to_tail(draft: Draft, doc: Doc, text: str) -> None:
    """`X called it “the start of the end” for the party, he said`: a quotation the sentence runs on
    from keeps the unquoted words that finish its clause (up to the next comma or full stop)."""
    if draft.kind != "direct" or draft.parts or draft.cand.cue_start < 0:
        return
    inner = text[draft.start : draft.end].rstrip()
    if not inner or not inner[-1].isalnum():
        return  # a quotation closed on punctuation ends its sentence or clause
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc):
        return
    cue = doc[draft.cand.cue_start]
    first = doc[span.end + 1] if doc[span.end].is_quote else doc[span.end]
    if not first.text[:1].islower() or first.i == cue.i:
        return
    last = first
    for tok in doc[first.i : first.i + MAX_LEAD_WORDS]:
        if tok.is_punct or tok.i == cue.i or tok.is_sent_start or "\n" in tok.text:
            break
        last = tok
    else:
        return
    if doc[last.i + 1].is_quote or (
        draft.cand.speaker_head is not None and first.i <= draft.cand.speaker_head.i <= last.i
    ):
        return
    draft.end, draft.kind = last.idx + len(last.text), "mixed"


def drop_absorbed(drafts: list[Draft]) -> list[Draft]:
    """A content that a piece of a widened statement of the same cue now holds is not a statement of
    its own (`Of the crews, she said, “…”` once the front joined the quotation); a clause in the gap
    between two pieces (`“A,” he said, adding that …. “B.”`) stays one."""
    by_cue: dict[int, list[Draft]] = {}
    for draft in drafts:
        if draft.cand.cue_start >= 0 and draft.parent is None:
            by_cue.setdefault(draft.cand.cue_start, []).append(draft)
    gone = {
        id(d)
        for group in by_cue.values()
        if len(group) > 1
        for d in group
        for other in group
        if other is not d and any(s <= d.start and d.end <= e for s, e in other.parts)
    }
    return [d for d in drafts if id(d) not in gone] if gone else drafts
