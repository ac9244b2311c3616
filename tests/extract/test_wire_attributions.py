"""Attributions as wire and business reports write them: relays in the active voice, unnamed
sources, listeners and places before a that-clause, names set beside a place or after a
description, and pronouns after someone the article does not name. Fictional sentences written for
these tests."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import about, run


def test_a_pronoun_after_an_unnamed_official_is_not_someone_named_earlier(nlp: Any) -> None:
    text = (
        "Kessrian Foreign Ministry spokeswoman Ilsa Marr went further. She said Vantor was "
        '"being used" by its allies.\n\n'
        "NATO's secretary general said on Wednesday that the alliance had seen no sign of an imminent "
        'threat. "We do not comment on intelligence," he added, "but we are ready."'
    )
    added = about(run(nlp, text), "We do not comment on intelligence but we are ready.")
    assert added.speaker_text == "he"
    assert added.speaker is None  # the secretary general, whom the article never names


def test_a_pronoun_after_a_description_that_names_no_newcomer_keeps_its_antecedent(nlp: Any) -> None:
    text = (
        "Senator Ruth Alder spoke for an hour. The Vermont senator said the bill was dead. "
        "She added that she would vote against it."
    )
    added = about(run(nlp, text), "she would vote against it")
    assert added.speaker == "Ruth Alder"


def test_an_agency_quoting_someone_relays_their_words(nlp: Any) -> None:
    text = (
        "The state news agency TASS quoted a senior Kessrian diplomat as saying that relations "
        'with Vantor were "at their lowest point in decades".'
    )
    quoted = about(run(nlp, text), "that relations with Vantor were at their lowest point in decades")
    assert quoted.speaker_text == "a senior Kessrian diplomat"
    assert quoted.via == "TASS"
    assert quoted.confidence > 0.7  # as sure as "said": the filter rarely saw the verb "quote"


def test_a_relay_is_named_without_its_description(nlp: Any) -> None:
    text = (
        "President Ilmar Dovre was quoted by the state news agency PNA as saying that his country "
        '"will not be bullied".'
    )
    quoted = about(run(nlp, text), 'that his country "will not be bullied"')
    assert quoted.speaker == "Ilmar Dovre"
    assert quoted.via == "PNA"
    assert quoted.confidence > 0.7


def test_a_listener_and_a_place_before_the_that_clause_are_not_content(nlp: Any) -> None:
    text = (
        "Chief executive Rohan Mehta told analysts on a conference call that customers were "
        '"digesting" the equipment they had bought last year.'
    )
    told = about(run(nlp, text), 'that customers were "digesting" the equipment they had bought last year')
    assert told.content.startswith("that customers")
    assert told.speaker == "Rohan Mehta"


def test_a_name_beside_the_place_of_an_office_is_the_officeholder(nlp: Any) -> None:
    text = (
        "The mayor of Vila Rio, Joana Reis, rejected that criticism, saying the town had followed "
        "every planning rule."
    )
    saying = about(run(nlp, text), "the town had followed every planning rule")
    assert saying.speaker == "Joana Reis"


def test_a_name_the_tagger_takes_for_a_place_after_a_title(nlp: Any) -> None:
    text = (
        "The national weather service said more rain could fall. Its director, Ana Costa, told "
        'local radio that the situation was "extremely serious".'
    )
    told = about(run(nlp, text), 'that the situation was "extremely serious"')
    assert told.speaker == "Ana Costa"


def test_a_firm_set_beside_a_description_with_its_own_business_noun(nlp: Any) -> None:
    text = (
        "Veltrix's largest customer, the cloud provider Nimbus, said in a statement that its own "
        "spending plans had not changed."
    )
    said = about(run(nlp, text), "that its own spending plans had not changed")
    assert said.speaker == "Nimbus"
    assert said.speaker_type == "ORG"


def test_an_employer_keeps_the_whole_of_its_name(nlp: Any) -> None:
    text = (
        "A spokesperson for the Royal College of Nursing said the union had long warned about night shifts."
    )
    said = about(run(nlp, text), "the union had long warned about night shifts")
    assert said.speaker == "Royal College of Nursing"


def test_an_unnamed_source_is_described_not_named(nlp: Any) -> None:
    text = (
        "A person familiar with the bank's deliberations, who asked not to be named because the "
        "talks were private, said two of the seven board members had argued for a cut."
    )
    statements = run(nlp, text)
    said = about(statements, "two of the seven board members had argued for a cut")
    assert said.speaker is None
    assert said.speaker_text == "A person familiar with the bank's deliberations"
    # the terms of anonymity are no statement
    assert not any("named" in s.content for s in statements)


def test_an_instruction_to_someone_keeps_its_cue_and_its_content_whole(nlp: Any) -> None:
    text = "Judge Miriam Osei warned both sides not to discuss the case with the press."
    warned = about(run(nlp, text), "not to discuss the case with the press")
    assert warned.cue == "warned"
    assert "discuss the case" in warned.content
