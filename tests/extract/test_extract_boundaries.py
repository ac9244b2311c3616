"""Content boundaries as PolNeAR draws them: the golden items marked ``exact`` must come out word
for word, and the edge rules hold on their own (asides after a comma, "called on X to …", the
that-clause of an object noun, the complementizer of a nominal cue)."""

from __future__ import annotations

import json

from spacy.language import Language

from whosaid.extract.candidates import from_noun, from_owned_noun, from_verb
from whosaid.extract.cues import load_lexicon
from whosaid.model import Statement

from .helpers import DATA


def test_exact_boundaries_of_golden_items(nlp: Language) -> None:
    text = (DATA / "content_boundaries.txt").read_text(encoding="utf-8")
    expected = json.loads((DATA / "content_boundaries.json").read_text(encoding="utf-8"))
    statements: list[Statement] = nlp(text)._.quotes
    contents = [s.content for s in statements]
    for item in expected["statements"]:
        if item.get("exact"):
            assert item["content"] in contents, f"{item['content']!r} not among {contents!r}"


def _verb_contents(nlp: Language, text: str, verb: str) -> list[str]:
    doc = nlp(text)
    cue = next(t for t in doc if t.text == verb)
    return [text[c.content_start : c.content_end] for c in from_verb(cue, load_lexicon(), True)]


def test_relative_clause_after_comma_is_left_out(nlp: Language) -> None:
    text = "The club said it had signed Omar Diaz, who played for the reserves last year."
    assert "it had signed Omar Diaz" in _verb_contents(nlp, text, "said")


def test_restrictive_relative_clause_stays(nlp: Language) -> None:
    text = "The club said it had signed a player who scored twenty goals last year."
    assert "it had signed a player who scored twenty goals last year" in _verb_contents(nlp, text, "said")


def test_call_on_leaves_the_preposition_out(nlp: Language) -> None:
    text = "Parents called on the principal to cancel the trip."
    contents = _verb_contents(nlp, text, "called")
    assert "the principal to cancel the trip" in contents
    assert not any(c.startswith("on ") for c in contents)


def test_object_noun_offers_its_that_clause(nlp: Language) -> None:
    text = "The minister dismissed the suggestion that the mine would close."
    assert "that the mine would close" in _verb_contents(nlp, text, "dismissed")


def test_nominal_cue_keeps_the_complementizer(nlp: Language) -> None:
    text = "The union's claim that wages had fallen was disputed by the owners."
    doc = nlp(text)
    noun = next(t for t in doc if t.text == "claim")
    cand = from_noun(noun, load_lexicon())
    assert cand is not None
    assert text[cand.content_start : cand.content_end] == "that wages had fallen"


def test_owned_noun_offers_its_object_and_clause(nlp: Language) -> None:
    text = "The mayor's criticism of the budget surprised the council, as did her decision to resign."
    doc = nlp(text)
    contents = {
        doc[c.cue_start].text: text[c.content_start : c.content_end]
        for tok in doc
        for c in from_owned_noun(tok)
    }
    assert contents.get("criticism") == "the budget"
    assert contents.get("decision") == "to resign"
    assert all(c.speaker_head is not None for tok in doc for c in from_owned_noun(tok))
