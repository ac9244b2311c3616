"""Quotations written with doubled apostrophes (''like this''), as archive text writes them."""

from __future__ import annotations

from spacy.language import Language

from whosaid.extract.attribution import QuoteMap, snap
from whosaid.extract.candidates import Candidate
from whosaid.extract.quotes import find_quotes
from whosaid.model import Statement


def quoted(text: str) -> list[str]:
    """The inner text of each top-level quotation region, in order."""
    return [text[r.inner_start : r.inner_end] for r in find_quotes(text) if r.depth == 0]


def test_doubled_apostrophes_pair_like_double_marks() -> None:
    text = "''The ferry is late again,'' the skipper said. He called it ''a disgrace.''"
    assert quoted(text) == ["The ferry is late again,", "a disgrace."]
    assert all(r.closed for r in find_quotes(text))


def test_possessives_and_lone_apostrophes_are_not_marks() -> None:
    text = "The skippers' guild said it's the crews' choice, not the '90s rules of the port."
    assert find_quotes(text) == []


def test_a_possessive_inside_a_quotation_does_not_close_it() -> None:
    text = "''The drivers' union will not sign it,'' she said."
    assert quoted(text) == ["The drivers' union will not sign it,"]


def test_triple_apostrophe_is_a_single_quote_meeting_a_double_one() -> None:
    text = "''He told me, 'Keep the gate shut,''' the warden recalled."
    regions = find_quotes(text)
    assert quoted(text) == ["He told me, 'Keep the gate shut,'"]
    nested = [text[r.inner_start : r.inner_end] for r in regions if r.depth == 1]
    assert nested == ["Keep the gate shut,"]


def test_quotation_running_over_paragraphs() -> None:
    text = "''The plan is ready and the money is there.\n\n''We start on Monday,'' the mayor said."
    assert quoted(text) == ["The plan is ready and the money is there.\n\n''We start on Monday,"]


def test_unclosed_mark_ends_at_the_paragraph() -> None:
    text = "He shouted ''stop the boat\n\nThe crew did not hear him."
    regions = find_quotes(text)
    assert [text[r.inner_start : r.inner_end] for r in regions] == ["stop the boat"]
    assert not regions[0].closed


def test_statements_from_doubled_apostrophes(nlp: Language) -> None:
    text = (
        "''We will keep the ferry running through the winter,'' Ivo Laine, the harbour master, said.\n\n"
        "''The timetable stays as it is,'' Mr. Laine said, ''and the fares will not go up this year.''"
    )
    statements: list[Statement] = nlp(text)._.quotes
    first = next(s for s in statements if s.content.startswith("We will keep"))
    assert first.kind == "direct"
    assert first.content == "We will keep the ferry running through the winter,"
    assert first.speaker is not None and first.speaker.endswith("Laine")
    split = next(s for s in statements if s.content.startswith("The timetable"))
    assert split.kind == "mixed"
    assert [p.of(text) for p in split.content_parts] == [
        "The timetable stays as it is",
        "and the fares will not go up this year.",
    ]
    for statement in statements:  # offsets are sacred
        assert text[statement.content_span.start : statement.content_span.end] == statement.content


def test_content_does_not_end_on_the_next_quotations_opening_mark() -> None:
    text = "The pier will be rebuilt by May, the engineer said. ''We have the steel already.''"
    end = text.index("We")  # a parse may hang the opening mark on the sentence before it
    cand = Candidate(-1, -1, 0, end, None, 0.5, "ccomp")
    draft = snap(cand, QuoteMap(find_quotes(text)), text)
    assert text[draft.start : draft.end] == "The pier will be rebuilt by May, the engineer said."
    assert draft.kind == "indirect"
