"""Quotations whose speaker is not the subject of a cue right next to them: signed with a dash and a
name, a cue behind a party-and-state parenthesis, and a quotation that goes on after narration;
on fictional items written for these tests."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import about, run


def test_a_quotation_signed_with_a_dash_is_the_signers(nlp: Any) -> None:
    text = (
        "Readers wrote in.\n\n"
        "“The bridge has changed my commute completely. I save an hour a day.”― Pamela Padilla\xa0\n"
        "“I just hope the council keeps the ferry running for everyone.” ―\xa0Jorge Falcon, 31\n\n"
        "“We will win this,” she said - and she meant it."
    )
    statements = run(nlp, text)
    assert about(statements, "The bridge has changed my commute completely").speaker == "Pamela Padilla"
    assert about(statements, "I just hope the council keeps the ferry running").speaker == "Jorge Falcon"
    assert about(statements, "We will win this").cue == "said"  # a dash mid-sentence signs nothing


def test_a_cue_behind_a_party_and_state_is_found(nlp: Any) -> None:
    text = (
        '"He would be a great senator. Not good, great. One of the brightest members of the entire '
        'Congress," Rep. Elijah E. Cummings (D-Md.) said in a phone interview.'
    )
    praise = about(run(nlp, text), "He would be a great senator. Not good, great. One of the brightest")
    assert praise.cue == "said"
    assert praise.speaker == "Elijah E. Cummings"


def test_a_quotation_after_narration_goes_on_from_the_speaker_before(nlp: Any) -> None:
    text = (
        '"We have had problems with cyber intrusions from other countries in the past," Mayor Lena Holm '
        "said after meeting the governor. She did not suggest retaliation against anyone, and left. "
        '"Our goal is to start instituting some norms so that everybody is acting responsibly."\n\n'
        "Councillor Per Dahl said the harbour would reopen.\n\n"
        '"Nobody here has been told anything about the new timetable at all."'
    )
    statements = run(nlp, text)
    goal = about(statements, "Our goal is to start instituting some norms")
    assert goal.speaker == "Lena Holm"
    # across a paragraph break an unattributed quotation is as often someone else's: no guess
    nobody = about(statements, "Nobody here has been told anything about the new timetable at all")
    assert nobody.speaker is None


def test_a_cue_in_the_next_sentence_is_not_the_quotations(nlp: Any) -> None:
    text = (
        'In a statement, the club said it was "grateful for his efforts" but that "results have fallen '
        "short of expectations\". Chairman Peter Grant told the club's website that a replacement would "
        'be named "in the coming days".'
    )
    results = about(run(nlp, text), "results have fallen short of expectations")
    assert results.speaker != "Peter Grant"


def test_a_clause_before_a_colon_gives_the_floor_to_its_subject(nlp: Any) -> None:
    text = (
        "Trump went even further: “If he goes forward and loses, it is the end of his career.”\n\n"
        "Clinton's response was: “Is the ferry running on Sunday or not?”"
    )
    statements = run(nlp, text)
    assert about(statements, "If he goes forward and loses, it is the end of his career").speaker == "Trump"
    assert about(statements, "Is the ferry running on Sunday or not").speaker == "Clinton"
