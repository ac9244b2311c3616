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
