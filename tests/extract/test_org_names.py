"""Organisations named in full where an earlier name shares their last word, and documents kept or
compiled by someone; on short fictional items written for these tests."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import about, run


def test_a_full_name_is_not_taken_for_an_earlier_name_with_the_same_noun(nlp: Any) -> None:
    text = (
        "The Justice Department had argued that the families could be heard after their removal.\n\n"
        "The Department of Homeland Security said in a statement that it was reviewing the decision."
    )
    said = about(run(nlp, text), "that it was reviewing the decision")
    assert said.speaker == "Department of Homeland Security"


def test_a_short_form_still_takes_the_full_name(nlp: Any) -> None:
    text = (
        "The U.S. State Department said on Monday that the talks would resume.\n\n"
        "A day later the State Department said that no date had been set."
    )
    said = about(run(nlp, text), "that no date had been set")
    assert said.speaker == "U.S. State Department"


def test_a_tally_speaks_for_whoever_keeps_it(nlp: Any) -> None:
    text = (
        "Immigration officers have carried out more than 40 removal flights since January, according "
        "to a tally kept by the advocacy group Flight Watch Coalition."
    )
    according = about(run(nlp, text), "Immigration officers have carried out more than 40 removal flights")
    assert according.speaker == "Flight Watch Coalition"


def test_an_outlet_named_after_its_noun_is_no_person_for_he(nlp: Any) -> None:
    text = (
        "The deployment was a purely defensive measure, Serbia's defence minister, Nenad Vukotic, was "
        "quoted as saying by the state news agency Tanvest.\n\n"
        "\u2018Serbia has no intention of attacking anyone,\u2019 he said."
    )
    said = about(run(nlp, text), "Serbia has no intention of attacking anyone,")
    assert said.speaker == "Nenad Vukotic"
