"""Attributions whose cue is a predicate adjective or noun after a copula: "The mayor is critical of
the levy", "Many fishermen are afraid that the quota will fall", "She was a fierce supporter of the
bridge", "The council remains wary of the company", "Residents are unlikely to back it".

PolNeAR annotates such stances and feelings as attributions (the cue is the copula, the predicate
and its preposition: "has been critical of"; the content is what follows), but the parse hangs them
off an adjective or an attribute noun, where ``candidates.from_verb`` does not look: on PolNeAR
train they were the largest family of gold statements with no candidate at all (~110 of ~720).
Every such predicate with a complement is proposed; the trained filter decides which predicates
are cues from their lemma ("critical", "supporter" yes; "important", "likely" rarely).
"""

from __future__ import annotations

from spacy.tokens import Token

from whosaid.extract.boundary import choose_end
from whosaid.extract.candidates import Candidate, cue_span
from whosaid.extract.content_edges import (
    char_range,
    complement_edge,
    paragraph_bounds,
    trim_trailing_aside,
)
from whosaid.extract.cue_subjects import subject_of

# Linking verbs whose predicate can state a stance or a feeling ("is/remains/seems wary of").
COPULAS = {"be", "remain", "become", "seem", "appear", "sound", "look", "feel", "grow", "stay"}
PREDICATE_DEPS = ("acomp", "attr")
# Subjects that stand for no one: "it is clear that …", "there is concern that …".
EMPTY_SUBJECTS = {"it", "there"}
# Prepositions of a comparison, not of a stance: "was more skilful than X", "is as good as X".
COMPARISON_PREPS = {"than", "as"}


def predicate_complements(verb: Token, pred: Token) -> list[tuple[Token, str, int]]:
    """(content head, form, cue end token) for each complement of a predicate ``pred`` of ``verb``:
    its prepositional object ("critical of X": the preposition joins the cue), its clause ("afraid
    that …", also when the parse hangs the clause off the copula) or its infinitive ("eager to …")."""
    found: list[tuple[Token, str, int]] = []
    for child in pred.rights:
        if child.dep_ == "prep" and child.lower_ not in COMPARISON_PREPS:
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                found.append((obj, "pred_prep", child.i + 1))
        elif child.dep_ in ("ccomp", "advcl") and pred.pos_ == "ADJ" and _is_clause(child):
            found.append((child, "pred_clause", pred.i + 1))
        elif child.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            found.append((child, "pred_inf", pred.i + 1))
    for child in verb.rights:  # "is clear that …": the parse may hang the clause off the copula
        if child.dep_ == "ccomp" and child.i > pred.i and pred.pos_ == "ADJ" and _is_clause(child):
            found.append((child, "pred_clause", pred.i + 1))
    return found


def _is_clause(head: Token) -> bool:
    """A reported clause: a finite verb, with "that" or without ("glad the bill passed"), not a
    clause of time or reason ("happy when …", "angry because …")."""
    marks = [c.lower_ for c in head.children if c.dep_ == "mark"]
    return head.pos_ in ("VERB", "AUX") and all(m in ("that", "whether", "if") for m in marks)


def from_copula(verb: Token) -> list[Candidate]:
    """Candidates of a copula whose predicate adjective or noun takes a complement."""
    if verb.pos_ not in ("AUX", "VERB") or verb.lemma_.lower() not in COPULAS:
        return []
    doc = verb.doc
    speaker = subject_of(verb)
    if speaker is not None and speaker.lower_ in EMPTY_SUBJECTS:
        speaker = None
    cue_start = cue_span(verb)[0]  # the copula with its auxiliaries and negation
    found: list[Candidate] = []
    for pred in verb.rights:
        if pred.dep_ not in PREDICATE_DEPS or pred.pos_ not in ("ADJ", "NOUN"):
            continue
        for comp, form, cue_end in predicate_complements(verb, pred):
            first, last = paragraph_bounds(doc, verb.i, comp.left_edge.i, complement_edge(comp) + 1)
            if first < cue_end:
                continue
            last = trim_trailing_aside(doc, first, last)
            limit = paragraph_bounds(doc, verb.i, first, comp.right_edge.i + 1)[1]
            edges = (first, limit, last)
            last = choose_end(doc, comp, first, limit, last, pred.lemma_.lower())
            start, end = char_range(doc, first, last)
            if end > start:
                found.append(
                    Candidate(cue_start, cue_end, start, end, speaker, 0.0, form, comp=comp, edges=edges)
                )
    return found


def predicate_of(cand: Candidate, verb: Token) -> Token:
    """The predicate word of a ``from_copula`` candidate (the filter reads its lemma as the cue's)."""
    last = verb.doc[cand.cue_end - 1]
    return last.head if cand.form == "pred_prep" else last
