"""Unquoted words drawn into a quotation's statement (whosaid.extract.quote_context), on real parses."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whosaid.extract.attribution import Draft
from whosaid.extract.candidates import Candidate
from whosaid.extract.cue_subjects import subject_of
from whosaid.extract.quote_context import widen_to_named, widen_to_subject, widen_to_tail


def direct_draft(nlp: Language, text: str, quoted: str, cue: str) -> tuple[Draft, Doc]:
    """A direct draft over ``quoted`` attributed to the verb ``cue``, as the quotation rules make it."""
    doc = nlp(text)
    start = text.index(quoted)
    verb = next(t for t in doc if t.text == cue)
    cand = Candidate(verb.i, verb.i + 1, start, start + len(quoted), subject_of(verb), 0.9, "quote")
    return Draft(cand, "direct", start, start + len(quoted)), doc


def quote_draft(nlp: Language, text: str, quoted: str, cue: str) -> tuple[Draft, str]:
    """The draft after the subject and tail widenings."""
    draft, doc = direct_draft(nlp, text, quoted, cue)
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


def named_draft(nlp: Language, text: str, quoted: str, cue: str) -> Draft:
    draft, doc = direct_draft(nlp, text, quoted, cue)
    widen_to_named(draft, doc, text)
    return draft


def test_quoted_name_keeps_what_it_names(nlp: Language) -> None:
    text = 'One lawmaker called the mayor "the queen of empty promises."'
    draft = named_draft(nlp, text, "the queen of empty promises.", "called")
    assert draft.kind == "mixed"
    assert text[draft.start : draft.end] == 'the mayor "the queen of empty promises.'


def test_quoted_name_after_as_keeps_the_referent(nlp: Language) -> None:
    text = 'Berg referred to the mayor as "a tireless servant of the town."'
    draft = named_draft(nlp, text, "a tireless servant of the town.", "referred")
    assert text[draft.start : draft.end] == 'the mayor as "a tireless servant of the town.'


def test_quoted_name_in_a_relative_clause_keeps_the_pronoun_as_a_piece(nlp: Language) -> None:
    text = 'He attacked the ferry company, which he called "a cartel on water."'
    draft = named_draft(nlp, text, "a cartel on water.", "called")
    assert draft.kind == "mixed"
    assert [text[s:e] for s, e in draft.parts] == ["which", "a cartel on water."]


def test_call_for_a_quotation_is_no_name(nlp: Language) -> None:
    text = 'The harbour master called for "a full review of the ferry timetable."'
    draft = named_draft(nlp, text, "a full review of the ferry timetable.", "called")
    assert draft.kind == "direct"
    assert not draft.parts
