"""A title-case headline's `Speaker Says …` statement is the rest of its line, whatever the parse made
of it: a clause read from its middle, a quotation alone, or a "Says" whose object it took for a
noun; a clause of the reporter's after "as" stays out. On short fictional items written for these
tests."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import about, run

BODY = "\n\nMarch 3, 2025\n\nThe board said on Monday that the controller had cleared the jet."


def test_a_headline_says_whose_object_the_parse_took_for_a_noun_is_still_a_statement(nlp: Any) -> None:
    statements = run(
        nlp, "# NTSB Says Controller Cleared Jet Onto Occupied Runway in Denver Close Call" + BODY
    )
    says = about(statements, "Controller Cleared Jet Onto Occupied Runway in Denver Close Call")
    assert says.content == "Controller Cleared Jet Onto Occupied Runway in Denver Close Call"
    assert says.cue == "Says"


def test_a_headline_finding_runs_to_the_end_of_the_line(nlp: Any) -> None:
    statements = run(nlp, "# Study Finds Children Who Spent Extra Hour Outdoors Had Less Myopia" + BODY)
    finds = about(statements, "Children Who Spent Extra Hour Outdoors Had Less Myopia")
    assert finds.content == "Children Who Spent Extra Hour Outdoors Had Less Myopia"


def test_a_headline_quotation_is_mixed_with_the_words_before_it_and_ends_before_as(nlp: Any) -> None:
    statements = run(nlp, "# Ferrante's Agent Says Deal With Almenara 'Is Done' as Alvarim Dig In" + BODY)
    says = about(statements, "Deal With Almenara 'Is Done'")
    assert says.content == "Deal With Almenara 'Is Done'"
    assert says.kind == "mixed"
