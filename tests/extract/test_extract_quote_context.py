"""Unquoted words drawn into a quotation's statement (whosaid.extract.quote_context), on real parses."""

from __future__ import annotations

from spacy.language import Language

from whosaid.extract.attribution import Draft
from whosaid.extract.candidates import Candidate, subject_of
from whosaid.extract.quote_context import widen_to_subject, widen_to_tail


def quote_draft(nlp: Language, text: str, quoted: str, cue: str) -> tuple[Draft, str]:
    """A direct draft over ``quoted`` attributed to the verb ``cue``, as the quotation rules make it."""
    doc = nlp(text)
    start = text.index(quoted)
    verb = next(t for t in doc if t.text == cue)
    cand = Candidate(verb.i, verb.i + 1, start, start + len(quoted), subject_of(verb), 0.9, "quote")
    draft = Draft(cand, "direct", start, start + len(quoted))
    widen_to_subject(draft, doc, text)
    widen_to_tail(draft, doc, text)
    return draft, text


def test_quoted_predicate_keeps_its_subject(nlp: Language) -> None:
    text = 'The ferry timetable "was drawn up for summer visitors," the harbour master said.'
    draft, _ = quote_draft(nlp, text, "was drawn up for summer visitors,", "said")
    assert draft.kind == "mixed"
    assert text[draft.start : draft.end].startswith("The ferry timetable")


def test_quotation_that_starts_its_sentence_stays_direct(nlp: Language) -> None:
    text = 'She left early. "The timetable was drawn up for summer visitors," the harbour master said.'
    draft, _ = quote_draft(nlp, text, "The timetable was drawn up for summer visitors,", "said")
    assert draft.kind == "direct"
    assert text[draft.start : draft.end] == "The timetable was drawn up for summer visitors,"


def test_quoted_phrase_keeps_the_words_that_finish_its_clause(nlp: Language) -> None:
    text = 'Berg told the council that the vote was "a slow goodbye to the harbour" for the whole town.'
    draft, _ = quote_draft(nlp, text, "a slow goodbye to the harbour", "told")
    assert draft.kind == "mixed"
    assert text[draft.start : draft.end] == 'a slow goodbye to the harbour" for the whole town'
