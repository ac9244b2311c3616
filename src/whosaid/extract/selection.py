"""Parse candidates for indirect and mixed statements, and the ones the trained filter keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LOWER, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from whosaid.extract.adjective_cues import from_copula, predicate_of
from whosaid.extract.candidates import (
    Candidate,
    from_according,
    from_as_clause,
    from_noun,
    from_owned_noun,
    from_poll,
    from_verb,
)
from whosaid.extract.colon_lines import colon_line_candidates, interview_answers
from whosaid.extract.cues import load_lexicon
from whosaid.extract.learned import CUE_MODEL, candidate_features
from whosaid.extract.received_cues import from_received
from whosaid.extract.relative_cues import from_relative

if TYPE_CHECKING:  # attribution.py imports this module; QuoteMap is needed for annotations only
    from whosaid.extract.attribution import QuoteMap


_CUE_POS = np.array([VERB, AUX, NOUN], dtype=np.uint64)
# The words the rules of ``select_candidates`` start from, besides nouns: "according" (to), "in" (a
# poll), "as" (X noted).
_RULE_WORDS = ("according", "in", "as")


def parse_candidates(doc: Doc, quotes: QuoteMap, open_vocabulary: bool) -> list[tuple[Candidate, list[str]]]:
    """Every candidate the parse offers, with its features for the trained filter."""
    lexicon = load_lexicon()
    found: list[tuple[Candidate, list[str]]] = []
    # Only verbs and nouns can head a candidate: picking them off the POS array skips building a
    # Token object for every other word (this loop was the extractor's largest cost).
    for i in np.flatnonzero(np.isin(doc.to_array(POS), _CUE_POS)).tolist():
        tok = doc[i]
        region = quotes.region_at(tok.idx)
        if region is not None:
            # a cue inside a quotation is the quoted speaker's own speech, except speech the speaker
            # reports of someone named ("Ministers told us there was no more money"): its own statement
            if reports_speech(tok):
                for cand in from_verb(tok, lexicon, False):
                    if region.inner_start <= cand.content_start and cand.content_end <= region.inner_end:
                        cand.in_quotation = True
                        found.append((cand, []))
            continue
        for cand in from_verb(tok, lexicon, open_vocabulary):
            strength = lexicon.verb_strength(tok.lemma_)
            found.append(
                (cand, candidate_features(cand, doc, tok, False, strength) if open_vocabulary else [])
            )
        if open_vocabulary and tok.pos_ != "NOUN":
            for cand in from_copula(tok):
                pred = predicate_of(cand, tok)
                strength = lexicon.noun_strength(pred.lemma_) if pred.pos_ == "NOUN" else 0.0
                found.append((cand, candidate_features(cand, doc, pred, False, strength)))
            relative = from_relative(tok)
            if relative is not None:
                strength = lexicon.verb_strength(tok.lemma_)
                found.append((relative, candidate_features(relative, doc, tok, False, strength)))
            received = from_received(tok)
            if received is not None:  # the filter reads the reaction noun's lemma ("criticism")
                noun = doc[received.cue_end - 1]
                strength = lexicon.noun_strength(noun.lemma_)
                found.append((received, candidate_features(received, doc, noun, False, strength)))
        if open_vocabulary and tok.pos_ == "NOUN":
            strength = lexicon.noun_strength(tok.lemma_)
            for cand in from_owned_noun(tok):
                found.append((cand, candidate_features(cand, doc, tok, False, strength)))
    return found


def _quotation_between(doc: Doc, quotes: QuoteMap, cand: Candidate) -> bool:
    """Whether a whole quotation stands between a closing cue and the content before it."""
    cue = doc[cand.cue_start].idx
    return any(
        cand.content_end <= r.start and r.end <= cue for r in quotes.overlapping(cand.content_end, cue)
    )


# Speech verbs whose reported content, inside a quotation, is someone else's statement.
REPORTED_SPEECH = {"say", "tell", "warn", "promise", "assure", "insist", "claim", "ask", "announce", "admit"}
# Speech that did not happen: "the public will rightly ask", "the board should have said".
UNREAL_MODALS = {"will", "shall", "should", "could", "might", "may", "must", "'ll"}
# What the confidence reads as the filter's probability for these. Second-hand words, and a kind of
# statement PolNeAR does not annotate (31 of its 19,831), so below what the filter gives a plain "X
# said": 12 of the 14 found in the newsroom dev half are annotated there.
IN_QUOTATION_PROBABILITY = 0.5


def reports_speech(verb: Token) -> bool:
    """Whether ``verb``, inside a quotation, reports what someone named or described said: a speech
    verb with a noun subject ("Ministers told us …", "The woman on the phone told me …"); "I told
    them" and "they said" stay part of the quoted speaker's own words."""
    if verb.pos_ != "VERB" or verb.lemma_ not in REPORTED_SPEECH:
        return False
    if any(c.dep_ == "aux" and c.lower_ in UNREAL_MODALS for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ in ("NOUN", "PROPN")


def select_candidates(doc: Doc, quotes: QuoteMap) -> list[Candidate]:
    """Parse candidates the trained filter accepts (lexicon cues only when no model ships)."""
    model = CUE_MODEL.current()
    best: dict[int, Candidate] = {}
    for cand, feats in parse_candidates(doc, quotes, model is not None):
        if cand.in_quotation:  # the filter never saw these: a rule decides (``reports_speech``)
            cand.probability = IN_QUOTATION_PROBABILITY
            best[cand.cue_end] = cand
            continue
        cand.probability = model.probability(feats) if model is not None else cand.strength
        if cand.relayed and cand.form in ("ccomp", "final"):
            cand.probability = max(cand.probability, 0.9)
        if model is not None and cand.probability < model.threshold:
            continue
        if cand.form == "final" and _quotation_between(doc, quotes, cand):
            continue  # "… on X. 'We were never given a chance,' she wrote": the quotation is what she wrote
        held = best.get(cand.cue_end)
        if held is None or cand.probability > held.probability:
            best[cand.cue_end] = cand
    chosen = list(best.values())
    lexicon = load_lexicon()
    # Only the words the rules can start from, off the arrays (as in ``parse_candidates``).
    words = doc.to_array([POS, LOWER])
    rule_words = np.array([doc.vocab.strings.add(w) for w in _RULE_WORDS], dtype=np.uint64)
    starts = np.flatnonzero((words[:, 0] == NOUN) | np.isin(words[:, 1], rule_words)).tolist()
    for i in starts:
        tok = doc[i]
        if quotes.region_at(tok.idx) is not None:
            continue
        for rule in (
            from_according(tok),
            from_poll(tok),
            from_noun(tok, lexicon),
            from_as_clause(tok, lexicon),
        ):
            if rule is not None:
                rule.probability = rule.strength
                chosen.append(rule)
    for rule in colon_line_candidates(doc) + interview_answers(doc):
        rule.probability = rule.strength
        chosen.append(rule)
    return chosen
