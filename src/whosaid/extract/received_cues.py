"""Attributions told from the side of what is talked about: "The proposal drew sharp criticism from
both parties", "The senator has won the support of three unions", "The plan came under fire from
the mayor", "The bill received endorsements from teachers".

The subject is what the reaction is about (PolNeAR's content), the object of "from"/"of" is who
reacts (the speaker), the verb and its object noun are the cue ("drew sharp criticism"). The parse
offers the subject to ``candidates.from_verb`` only as a speaker, so nothing proposed it. Every
verb with a subject, an object noun and a "from"/"of" source is proposed; the trained filter
decides from the object noun's lemma and the preposition (criticism, support, praise from X yes;
a letter from X, criticism of X no).
"""

from __future__ import annotations

from spacy.tokens import Token

from whosaid.extract.candidates import Candidate
from whosaid.extract.content_edges import char_range, paragraph_bounds, trim_trailing_aside

# "came under fire from": the reaction noun may be the object of these prepositions.
REACTION_PREPS = {"under"}
SOURCE_PREPS = {"from", "of"}


def _reaction(verb: Token) -> Token | None:
    """The noun naming the reaction: the verb's object, or the object of "under"."""
    for child in verb.rights:
        if child.dep_ == "dobj" and child.pos_ == "NOUN":
            return child
        if child.dep_ == "prep" and child.lower_ in REACTION_PREPS:
            obj = next((g for g in child.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if obj is not None:
                return obj
    return None


def _source(verb: Token, reaction: Token) -> Token | None:
    """Who reacts: the object of "from" after the verb or its noun, or of "of" after the noun (the
    candidate's form names which: "the support of X" is X's, "criticism of X" is about X)."""
    holders = [(reaction, SOURCE_PREPS), (verb, {"from"})]
    if reaction.head.dep_ == "prep":
        holders.append((reaction.head, set()))
    for holder, preps in holders:
        for child in holder.rights:
            if child.dep_ == "prep" and child.lower_ in preps and child.i > reaction.i:
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return None


def from_received(verb: Token) -> Candidate | None:
    """The subject of "drew criticism from X" as X's content, the verb and its noun as the cue."""
    if verb.pos_ != "VERB":
        return None
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    reaction = _reaction(verb) if subject is not None else None
    source = _source(verb, reaction) if reaction is not None else None
    if subject is None or reaction is None or source is None:
        return None
    doc = verb.doc
    first, last = paragraph_bounds(doc, verb.i, subject.left_edge.i, subject.right_edge.i + 1)
    last = trim_trailing_aside(doc, first, last)
    start, end = char_range(doc, first, last)
    if end <= start:
        return None
    cue_start = min([verb.i] + [c.i for c in verb.lefts if c.dep_ in ("aux", "neg") and c.i > subject.i])
    form = f"received_{source.head.lower_}"  # received_from | received_of
    return Candidate(cue_start, reaction.i + 1, start, end, source, 0.0, form, comp=subject)
