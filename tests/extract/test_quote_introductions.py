"""Quotations introduced or signed in ways the parse gets wrong: the speaker after the cue taken
for its object, a main verb right before the quotation with a cue further back, an object noun
before a colon, and a subject given to a comma-set aside. Fictional sentences written for these
tests."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import about, run


def test_a_speaker_after_the_cue_is_not_its_object(nlp: Any) -> None:
    text = '"It is over at this point," added another New Hampshire Democrat.'
    added = about(run(nlp, text), "It is over at this point")
    assert added.speaker_text == "another New Hampshire Democrat"
    assert added.cue == "added"


def test_a_listener_after_the_cue_is_not_the_speaker(nlp: Any) -> None:
    text = '"It is over," told reporters on Monday.'
    told = about(run(nlp, text), "It is over")
    assert told.speaker_text != "reporters"


def test_the_verb_right_before_a_quotation_beats_a_cue_further_back(nlp: Any) -> None:
    text = (
        "When Marta Quell criticised the budget during a debate, Ines Varga shot back, "
        '"I would rather fund schools than statues."'
    )
    shot = about(run(nlp, text), "I would rather fund schools than statues.")
    assert shot.speaker == "Ines Varga"
    assert shot.speaker != "Marta Quell"


def test_an_object_before_a_colon_gives_the_floor_to_the_subject(nlp: Any) -> None:
    text = 'Varga delivered a short retort: "No one is tearing this up. We are going forward."'
    retort = about(run(nlp, text), "No one is tearing this up.")
    assert retort.speaker_text == "Varga"


def test_a_person_object_before_a_colon_stays_the_speaker(nlp: Any) -> None:
    text = (
        "The timing of the surge does not surprise pollster Daron Vale: "
        '"Lesser-known candidates often rise late in the race."'
    )
    said = about(run(nlp, text), "Lesser-known candidates often rise late in the race.")
    assert said.speaker == "Daron Vale"


def test_a_subject_set_off_by_an_aside_still_speaks(nlp: Any) -> None:
    text = 'Varga, exasperated, finally responded: "What difference does it make?" The hall fell silent.'
    responded = about(run(nlp, text), "What difference does it make?")
    assert responded.speaker == "Varga"


def test_a_second_speech_verb_joined_to_the_reported_clause_is_the_reporters(nlp: Any) -> None:
    text = (
        "Mayor Lena Ortiz said the move was made by the police chief and said, "
        '"Who are you going to trust on security?"'
    )
    asked = about(run(nlp, text), "Who are you going to trust on security?")
    assert asked.speaker == "Lena Ortiz"


def test_a_name_before_a_comma_set_aside_speaks_when_the_parse_lost_it(nlp: Any) -> None:
    text = (
        "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he "
        "spoke with the candidate on Tuesday."
    )
    said = about(run(nlp, text), "he spoke with the candidate on Tuesday")
    assert said.speaker == "Harry Reid"


def test_an_aside_ending_in_a_quotation_still_leads_to_the_name(nlp: Any) -> None:
    text = 'Halvorsen, who calls the mayor a "showman," said he does not believe the plan will pass.'
    said = about(run(nlp, text), "he does not believe the plan will pass")
    assert said.speaker == "Halvorsen"


def test_a_speaker_phrase_starts_after_the_quotation_it_follows(nlp: Any) -> None:
    text = (
        '"It is not the position that everything is hunky-dory," Gene Sperling, a top adviser, '
        "said at a recent event."
    )
    statements = run(nlp, text)
    said = about(statements, "It is not the position that everything is hunky-dory")
    assert said.speaker == "Gene Sperling"
    assert said.speaker_text is not None and "hunky" not in said.speaker_text


def test_a_relay_named_after_its_common_noun_is_the_name(nlp: Any) -> None:
    text = (
        "Nordhav's chief operating officer, Lars Engström, was quoted by the newspaper Dagsposten "
        "as saying that delays would cost millions a day."
    )
    quoted = about(run(nlp, text), "delays would cost millions a day")
    assert quoted.speaker == "Lars Engström"
    assert quoted.via == "Dagsposten"
