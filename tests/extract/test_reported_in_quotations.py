"""Speech a quoted speaker reports of someone else ("Ministers told us there was no more money") is
that someone's statement, nested in the quotation; the quoted speaker's own "I told them" and an
unnamed "they said" stay part of the quotation. Short fictional texts, the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from whosaid.extract.scoring import token_f1, tokens
from whosaid.model import Statement

TEXT = (
    "Doctors to strike again\n\n"
    "“We have gone into every round of talks in good faith. Ministers told us there was no more money, "
    "and we believed them,” said Sameer Malik, who chairs the doctors' committee.\n\n"
    "“The woman on the phone told me there was no record of him,” his sister said.\n\n"
    "“I told them it was wrong, and they said nothing would change,” Malik added."
)


def _like(statements: list[Statement], content: str) -> Statement | None:
    want = tokens(content)
    best = max(statements, key=lambda s: token_f1(want, tokens(s.content)), default=None)
    return best if best is not None and token_f1(want, tokens(best.content)) >= 0.9 else None


def test_reported_speech_inside_a_quotation_is_its_speakers_statement(nlp: Language) -> None:
    statements = nlp(TEXT)._.quotes
    money = _like(statements, "there was no more money")
    assert money is not None
    assert money.speaker == "Ministers" and money.kind == "indirect" and money.cue == "told"
    assert money.nested_in is not None
    outer = statements[money.nested_in]
    assert outer.speaker == "Sameer Malik" and outer.kind == "direct"
    assert (
        outer.content_span.start
        <= money.content_span.start
        < money.content_span.end
        <= outer.content_span.end
    )
    record = _like(statements, "there was no record of him")
    assert record is not None and record.speaker_text == "The woman"
    for statement in (money, record):
        span = statement.content_span
        assert TEXT[span.start : span.end] == statement.content


def test_the_quoted_speakers_own_speech_and_an_unnamed_they_stay_inside(nlp: Language) -> None:
    statements = nlp(TEXT)._.quotes
    assert _like(statements, "it was wrong") is None
    assert _like(statements, "nothing would change") is None
    assert _like(statements, "I told them it was wrong, and they said nothing would change") is not None
