"""Nesting features of parse candidates for the trained filter (``learned.py``).

PolNeAR's annotators mark the outer attribution of a sentence and rarely one reported inside it
("Smith denied claims that Jones said …" holds one statement, by Smith); a relative clause cue
("the plan, which he said …") sits inside someone else's content in the same way. These features
tell the filter where a cue stands in the clause tree: under another cue verb, or holding one in
its own content. On PolNeAR train (5 folds by article) they lift the filter's candidate-level F1
from 0.634 to 0.640; context features of the sentence (quotation marks, other cues, paragraph
position, tense, modality, negation), ranking features against the cue's other contents and
spaCy's tok2vec vectors were measured the same way and added < 0.002 each, so they are left out.
"""

from __future__ import annotations

import bisect

import numpy as np
from spacy.attrs import POS
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from whosaid.extract.candidates import Candidate
from whosaid.extract.cues import load_lexicon

# Dependencies through which a clause hangs inside another cue's content.
EMBEDDING_DEPS = {"ccomp", "xcomp", "dobj", "pobj", "pcomp", "relcl", "acl", "advcl", "conj", "prep"}
MAX_CLIMB = 6  # ancestors looked at: the reported clause of a cue is rarely deeper than this
PERSON_PRONOUNS = {"he", "she", "i", "we", "you", "they", "who", "his", "her", "their", "my", "our"}
BODY_ENTS = {"ORG", "NORP", "GPE"}


def speaker_kind(subject: Token | None) -> str:
    """A coarse class of the speaker: a named person, a body, a group, a pronoun, a noun, none."""
    if subject is None:
        return "none"
    if subject.pos_ == "PRON":
        return "pron_person" if subject.lower_ in PERSON_PRONOUNS else "pron_other"
    if subject.ent_type_ == "PERSON":
        return "person"
    if subject.ent_type_ in BODY_ENTS:
        return "body"
    if subject.tag_ in ("NNS", "NNPS"):
        return "group"
    return "propn" if subject.pos_ == "PROPN" else "noun"


def nesting_features(cand: Candidate, cue: Token) -> list[str]:
    """Whether the cue stands inside what another cue reports, and whether its content holds one."""
    lexicon = load_lexicon()
    feats = []
    node = cue
    for _ in range(MAX_CLIMB):
        if node.dep_ == "ROOT" or node.head is node:
            break
        dep, node = node.dep_, node.head
        strength = lexicon.verb_strength(node.lemma_) if node.pos_ in ("VERB", "AUX") else 0.0
        if strength > 0:
            feats.append(f"under_cue={dep}|{cand.form}")
            feats.append(f"under_cue_strength={round(strength, 1)}")
            break
        if dep not in EMBEDDING_DEPS:
            break
    if cand.comp is not None:
        # the parse is projective: a subtree is the token range between its edges
        verbs = _reporting_verbs(cue.doc)
        first, last = cand.comp.left_edge.i, cand.comp.right_edge.i
        at = bisect.bisect_left(verbs, first)
        inner = any(i != cue.i for i in verbs[at : bisect.bisect_right(verbs, last)])
        feats.append(f"holds_cue={inner}|{cand.form}")
    if cue.dep_ == "relcl":
        feats.append(f"relcl_cue={speaker_kind(cand.speaker_head)}")
    return feats


def _reporting_verbs(doc: Doc) -> list[int]:
    """Sorted indices of the doc's cue verbs (lexicon strength >= 0.5) that govern a clause; found
    once per Doc from the POS array and kept in ``user_data``."""
    cached = doc.user_data.get("whosaid_reporting_verbs")
    if isinstance(cached, list):
        return cached
    lexicon = load_lexicon()
    found = []
    for i in np.flatnonzero(doc.to_array(POS) == VERB).tolist():
        tok = doc[i]
        if lexicon.verb_strength(tok.lemma_) >= 0.5 and any(c.dep_ == "ccomp" for c in tok.children):
            found.append(i)
    doc.user_data["whosaid_reporting_verbs"] = found
    return found
