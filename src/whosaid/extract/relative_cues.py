"""Attributions whose content is the noun a cue's relative clause modifies: "a deal she once
supported", "the charge the council denied", "a plan announced last week", "measures the
opposition deemed too weak".

The noun fills the object gap of the clause, so the cue verb has no object of its own and
``candidates.from_verb`` proposes nothing; PolNeAR draws the noun phrase (without the clause) as the
content, the clause's subject as the speaker (for a bare participle, its "by" agent or nobody). On
PolNeAR train such relative and participle cues were the second family of gold statements with no
candidate at all. Every such clause is proposed; the trained filter decides which verbs report.
"""

from __future__ import annotations

from spacy.tokens import Token

from whosaid.extract.candidates import Candidate, cue_span
from whosaid.extract.content_edges import char_range, paragraph_bounds
from whosaid.extract.cue_subjects import subject_of

# Dependents that fill the verb's object slot: with one, the modified noun is not its object.
OBJECT_DEPS = {"dobj", "ccomp", "xcomp", "dative"}
RELATIVE_WORDS = {"that", "which", "who", "whom", "whose"}


def from_relative(verb: Token) -> Candidate | None:
    """The noun a relative clause ("a deal she backed") or a passive participle ("a plan announced
    in May") leaves as its object, as the content of the clause's verb."""
    if verb.pos_ != "VERB" or verb.dep_ not in ("relcl", "acl"):
        return None
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i:
        return None
    if verb.dep_ == "acl" and verb.tag_ != "VBN":
        return None  # "a group backing the bill": the noun acts, it is not what is reported
    if any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return None
    speaker = subject_of(verb)
    if speaker is not None and (speaker.lower_ in RELATIVE_WORDS or speaker.i == noun.i):
        return None  # "voters who backed him": the noun is the subject, not the content
    if verb.dep_ == "relcl" and speaker is None:
        return None
    doc = verb.doc
    cue_start, cue_end = cue_span(verb)
    first, last = paragraph_bounds(doc, noun.i, noun.left_edge.i, verb.left_edge.i)
    if last <= noun.i:
        return None
    start, end = char_range(doc, first, last)
    if end <= start:
        return None
    return Candidate(cue_start, cue_end, start, end, speaker, 0.0, "relative_object", comp=noun)
