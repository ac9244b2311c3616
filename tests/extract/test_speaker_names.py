"""Canonical speaker names: descriptions resolved only by a role the article gave someone, the
fullest name without epithets, honorifics that tell two bearers of a surname apart, and one form for
unnamed speakers in `extract` and `eval` alike. Short fictional items written for these tests."""

from __future__ import annotations

from typing import Any

from whosaid.extract.scoring import token_f1, tokens
from whosaid.extract.speaker_names import canonical_form
from whosaid.model import Article, Statement
from whosaid.pipeline import analyze


def pipeline_and_extractor(nlp: Any, text: str) -> list[tuple[Statement, Statement]]:
    """Each statement as `whosaid extract` gives it (after resolve) beside the extractor's own."""
    resolved = analyze(Article(id="speaker-names", text=text), nlp).statements
    extracted: list[Statement] = nlp(text)._.quotes
    assert [s.content for s in resolved] == [s.content for s in extracted]
    return list(zip(resolved, extracted, strict=True))


def about(pairs: list[tuple[Statement, Statement]], content: str) -> tuple[Statement, Statement]:
    want = tokens(content)
    best = max(pairs, key=lambda p: token_f1(want, tokens(p[0].content)))
    assert token_f1(want, tokens(best[0].content)) >= 0.7, [p[0].content for p in pairs]
    return best


CAMPAIGN = (
    "Republican Sen. John Carter met voters in Dayton on Monday.\n\n"
    "Carter said the new budget would cut taxes for families.\n\n"
    "Ohio Gov. Tom Reed toured a steel plant later that day.\n\n"
    "The Ohio governor said the plant would hire 300 workers.\n\n"
    "The Vermont senator said the budget was a gift to the rich.\n\n"
    "The Indiana governor said the state would sue."
)


def test_a_description_names_whom_the_article_gave_that_role(nlp: Any) -> None:
    pairs = pipeline_and_extractor(nlp, CAMPAIGN)
    resolved, extracted = about(pairs, "the plant would hire 300 workers")
    assert resolved.speaker == extracted.speaker == "Tom Reed"
    assert resolved.speaker_role == "The Ohio governor"


def test_a_description_no_one_fits_stays_unresolved(nlp: Any) -> None:
    pairs = pipeline_and_extractor(nlp, CAMPAIGN)
    # the only senator named is a Republican with no state: "the Vermont senator" is someone else
    vermont = about(pairs, "the budget was a gift to the rich")
    # nobody was introduced as a governor of Indiana: not the governor just named, nor the last person
    indiana = about(pairs, "the state would sue")
    for resolved, extracted in (vermont, indiana):
        assert resolved.speaker is None and extracted.speaker is None, resolved
        assert resolved.speaker_text in ("The Vermont senator", "The Indiana governor")


def test_a_newspaper_called_again_by_its_last_word_is_the_one_named_in_full(nlp: Any) -> None:
    text = (
        "The New York Post reported on Monday that the mayor had left the city.\n\n"
        "The Post said the trip had been planned for weeks."
    )
    pairs = pipeline_and_extractor(nlp, text)
    resolved, extracted = about(pairs, "the trip had been planned for weeks")
    assert resolved.speaker_text == "The Post"
    assert resolved.speaker == extracted.speaker == "New York Post"


def test_unnamed_speakers_keep_one_form_without_the_article(nlp: Any) -> None:
    text = (
        "The council voted to close the old ferry pier on Tuesday.\n\n"
        "The group said it would file a complaint, and a source said the mayor would return on Friday."
    )
    pairs = pipeline_and_extractor(nlp, text)
    group = about(pairs, "it would file a complaint")
    source = about(pairs, "the mayor would return on Friday")
    assert group[0].speaker == group[1].speaker == "group"
    assert source[0].speaker == source[1].speaker == "source"


def test_an_honorific_tells_two_bearers_of_a_surname_apart(nlp: Any) -> None:
    text = (
        "Bill Clinton and Hillary Clinton arrived in Denver on Sunday.\n\n"
        "Bill Clinton spoke first. Clinton said the economy was strong.\n\n"
        "Mrs. Clinton said the campaign would visit five states this week."
    )
    pairs = pipeline_and_extractor(nlp, text)
    resolved, extracted = about(pairs, "the campaign would visit five states this week")
    assert resolved.speaker == extracted.speaker == "Hillary Clinton"


def test_the_fullest_name_without_an_epithet_run_into_it() -> None:
    # an epithet or a title's last word before a given name, when the article also writes the name alone
    assert (
        canonical_form({"Crooked Hillary Clinton": 2, "Hillary Clinton": 3, "Clinton": 9})
        == "Hillary Clinton"
    )
    assert canonical_form({"Universe Alicia Machado": 3, "Alicia Machado": 1}) == "Alicia Machado"
    # a middle name that is also a given name stays when nobody writes the shorter form
    assert canonical_form({"Earl Ray Tomblin": 1, "Tomblin": 4}) == "Earl Ray Tomblin"
    # otherwise the fullest form, whatever is written more often
    assert canonical_form({"Joe Biden": 5, "Joseph R. Biden Jr.": 1}) == "Joseph R. Biden Jr."
    assert canonical_form({"Ildefonso Guajardo Villarreal": 1, "Guajardo Villarreal": 6}) == (
        "Ildefonso Guajardo Villarreal"
    )
