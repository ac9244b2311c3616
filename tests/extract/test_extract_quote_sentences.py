"""A quotation ending its sentence is not joined to the next one across another sentence's cue."""

from __future__ import annotations

from spacy.language import Language

from whosaid.model import Statement

TEXT = (
    'She went quiet, so Lind changed his answer: "Of course I remember the night the lighthouse fell. '
    'I was only joking." To which she said, "Thank heaven you still remember the old tower."'
)


def test_quotation_after_a_new_sentence_is_its_own_statement(nlp: Language) -> None:
    statements: list[Statement] = nlp(TEXT)._.quotes
    contents = [s.content for s in statements]
    assert not any("lighthouse" in c and "heaven" in c for c in contents), contents
    reply = next(s for s in statements if "heaven" in s.content)
    assert reply.kind == "direct"
    assert reply.cue == "said"
    assert reply.content == TEXT[reply.content_span.start : reply.content_span.end]


def test_narration_after_the_cue_clause_is_not_quoted_content(nlp: Language) -> None:
    text = '"Too much rain," she said, blaming some of it on the new dam upstream.'
    statements: list[Statement] = nlp(text)._.quotes
    said = next(s for s in statements if s.cue == "said")
    assert said.kind == "direct"
    assert said.content == "Too much rain,"
    assert not said.content_parts


def test_content_split_by_its_cue_clause_keeps_both_pieces(nlp: Language) -> None:
    text = 'The timetable, the ferry captain said, "was written for summer visitors."'
    said = next(s for s in nlp(text)._.quotes if s.cue == "said")
    pieces = [part.of(text) for part in said.content_parts]
    assert pieces == ["The timetable", '"was written for summer visitors."']
