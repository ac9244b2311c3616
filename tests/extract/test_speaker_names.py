"""Canonical speaker names: descriptions resolved only by a role the article gave someone, the
fullest name without epithets, honorifics that tell two bearers of a surname apart, and one form for
unnamed speakers in `extract` and `eval` alike. Short fictional items written for these tests."""

from __future__ import annotations

from typing import Any

from whosaid.extract.scoring import token_f1, tokens
from whosaid.extract.speaker_names import bare_role, canonical_form
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
    assert resolved.speaker_role == "Ohio governor"


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
    # an unnamed source is no one the ledger can name: no speaker, the phrase kept as written
    assert source[0].speaker is source[1].speaker is None
    assert source[0].speaker_text == source[1].speaker_text == "a source"


def test_an_honorific_tells_two_bearers_of_a_surname_apart(nlp: Any) -> None:
    text = (
        "Bill Clinton and Hillary Clinton arrived in Denver on Sunday.\n\n"
        "Bill Clinton spoke first. Clinton said the economy was strong.\n\n"
        "Mrs. Clinton said the campaign would visit five states this week."
    )
    pairs = pipeline_and_extractor(nlp, text)
    resolved, extracted = about(pairs, "the campaign would visit five states this week")
    assert resolved.speaker == extracted.speaker == "Hillary Clinton"


TWO_CLINTONS = (
    "# Clintons campaign in Ohio\n\n"
    "Hillary Clinton spoke in Cleveland on Tuesday. Former President Bill Clinton joined her on stage.\n\n"
    '"We will win Ohio," Clinton said. Bill Clinton said the crowd was the largest of the week.\n\n'
    "Clinton later told reporters that the economy was her first priority."
)


def test_a_bare_surname_of_two_bearers_is_the_one_introduced_first(nlp: Any) -> None:
    # Bill Clinton is named in full more often, as the second bearer of a surname is: that makes him
    # no likelier to be the bare "Clinton", the article's principal subject
    pairs = pipeline_and_extractor(nlp, TWO_CLINTONS)
    for content in ("We will win Ohio", "that the economy was her first priority"):
        resolved, extracted = about(pairs, content)
        assert resolved.speaker_text == "Clinton"
        assert resolved.speaker == extracted.speaker == "Hillary Clinton", content
    resolved, extracted = about(pairs, "the crowd was the largest of the week")
    assert resolved.speaker == extracted.speaker == "Bill Clinton"


def test_the_bare_surname_joins_the_first_bearers_entity_and_says_why(nlp: Any) -> None:
    analysis = analyze(Article(id="two-clintons", text=TWO_CLINTONS), nlp)
    entity_of = {e.cluster: e.name for e in analysis.entities}
    bare = [m for m in analysis.mentions if m.text == "Clinton" and m.kind == "name"]
    assert len(bare) == 2
    for mention in bare:
        assert entity_of[mention.cluster] == "Hillary Clinton"
        assert mention.reason is not None and "introduced first" in mention.reason
    bill = next(e for e in analysis.entities if e.name == "Bill Clinton")
    assert "Clinton" not in bill.aliases


def test_two_obamas_an_honorific_decides_else_the_first_introduced(nlp: Any) -> None:
    text = (
        "Former President Barack Obama and Michelle Obama visited a school in Chicago on Friday.\n\n"
        "Obama said the city had given him his start. Michelle Obama said the students inspired her.\n\n"
        '"We are proud of you," Mrs. Obama told the graduates. Obama added that he would return next year.'
    )
    pairs = pipeline_and_extractor(nlp, text)
    for content in ("the city had given him his start", "that he would return next year"):
        resolved, extracted = about(pairs, content)
        assert resolved.speaker == extracted.speaker == "Barack Obama", content
    resolved, extracted = about(pairs, "We are proud of you")
    assert resolved.speaker == extracted.speaker == "Michelle Obama"


def test_in_a_roundup_a_bare_surname_is_the_bearer_just_introduced(nlp: Any) -> None:
    # a live roundup: each item is its own story, and the first Lund was named once, items before
    items = [
        "9 a.m.\n\nCouncil candidate Gary Lund's doctor says the candidate is fit to serve.",
        *(
            f"{hour} a.m.\n\nThe ferry company says the {day} crossings will run late because of the "
            "storm in the northern channel. Passengers are asked to check the timetable before they "
            "travel, and the harbour office will stay open until midnight to answer their questions."
            for hour, day in zip(
                range(8, 2, -1),
                ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
                strict=True,
            )
        ),
        "2 a.m.\n\nHarbour Secretary Jeh Lund says the port's computers were attacked last week.\n\n"
        "Lund said the attackers had not reached the ferry timetables.",
    ]
    text = "\n\n___.\n\n".join(items)
    assert text.index("Jeh Lund") - text.index("Gary Lund") > 1500
    resolved, extracted = about(pipeline_and_extractor(nlp, text), "the attackers had not reached")
    assert resolved.speaker == extracted.speaker == "Jeh Lund"


def test_an_honorific_prefers_the_bearer_known_to_be_of_its_gender(nlp: Any) -> None:
    # "Kit" says no gender: "Mrs. Lund" is the bearer whose given name says female, though Kit came first
    text = (
        "Kit Lund and Jane Lund opened the new bakery in Tallvik on Saturday.\n\n"
        "Mrs. Lund said the bread would be baked before dawn every day."
    )
    resolved, extracted = about(pipeline_and_extractor(nlp, text), "the bread would be baked before dawn")
    assert resolved.speaker == extracted.speaker == "Jane Lund"


def test_an_honorific_before_any_full_name_keeps_its_gender(nlp: Any) -> None:
    # "Mr. Clinton" comes first: the first full name after it is a woman's, so it is not his
    text = (
        "Mr. Clinton opened the meeting in New York on Tuesday, aides said. Hillary Clinton spoke "
        "later, and Bill Clinton closed it.\n\n"
        "Hillary Clinton said the foundation would keep its work in Haiti. Mr. Clinton said the "
        "meeting had raised $10 million."
    )
    resolved, extracted = about(pipeline_and_extractor(nlp, text), "the meeting had raised $10 million")
    assert resolved.speaker == extracted.speaker == "Bill Clinton"


def test_a_role_keeps_no_leading_article(nlp: Any) -> None:
    text = (
        "The union leader Piotr Nowak said the plan was fair.\n\n"
        "A spokesman for the Northern Rail Authority said the talks would go on."
    )
    pairs = pipeline_and_extractor(nlp, text)
    resolved, extracted = about(pairs, "the plan was fair")
    assert resolved.speaker_role == extracted.speaker_role == "union leader"
    assert resolved.speaker_text == "The union leader Piotr Nowak"  # the written phrase keeps it
    resolved, _ = about(pairs, "the talks would go on")
    assert resolved.speaker_role == "spokesman"


def test_bare_role_drops_only_an_article() -> None:
    assert bare_role("The union leader") == "union leader"
    assert bare_role("an aide") == "aide"
    assert bare_role("his counterpart") == "his counterpart"  # whose counterpart matters
    assert bare_role("Theatre director") == "Theatre director"
    assert bare_role("The") == "The"  # no role word after it: nothing to drop it from
    assert bare_role(None) is None


def test_a_lone_honorific_is_no_role() -> None:
    assert bare_role("Mrs.") is None
    assert bare_role("Mr") is None
    assert bare_role("Sen.") == "Sen."  # a title says what the person is


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
