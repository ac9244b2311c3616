"""A name in apposition to a description is the speaker, whatever tag the small model gives it.

Short fictional items written for these tests: the names are ones the small model tags ORG or
parses as a preposition ("Per"), so only the apposition tells they are people.
"""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import about, run

OPENING = "Mayor Ola Berg opened the new quay at Tallvik on Monday.\n\n"


def test_name_tagged_as_an_organisation(nlp: Any) -> None:
    text = OPENING + (
        "The head of the port authority, Helena Lund, denied that the cranes were unsafe. "
        "She said the inspectors had signed off every one of them."
    )
    statements = run(nlp, text)
    denial = about(statements, "that the cranes were unsafe")
    assert denial.speaker == "Helena Lund"
    assert denial.speaker_type == "PERSON"
    assert denial.speaker_role == "head of the port authority"
    # the name is a person of the article: the pronoun that follows points back to her
    assert about(statements, "the inspectors had signed off every one of them").speaker == "Helena Lund"


def test_name_preferred_to_the_description(nlp: Any) -> None:
    text = OPENING + "The harbour master, Ivo Laine, said the ferry would sail again on Friday."
    stmt = about(run(nlp, text), "the ferry would sail again on Friday")
    assert (stmt.speaker, stmt.speaker_role) == ("Ivo Laine", "harbour master")


def test_given_name_parsed_as_a_preposition(nlp: Any) -> None:
    text = OPENING + "A local fisherman, Per Dahl, said the autumn catch had fallen by half."
    stmt = about(run(nlp, text), "the autumn catch had fallen by half")
    assert (stmt.speaker, stmt.speaker_role) == ("Per Dahl", "local fisherman")


def test_organisation_in_apposition_stays_an_organisation(nlp: Any) -> None:
    text = OPENING + "The shipping company, Nordhavn Lines, said fares would rise in the spring."
    stmt = about(run(nlp, text), "fares would rise in the spring")
    assert stmt.speaker != "Nordhavn Lines" or stmt.speaker_type != "PERSON"


def test_a_body_named_with_a_place_is_no_person(nlp: Any) -> None:
    text = (
        OPENING
        + "The sponsor of the race, Harbour Runners in Tallvik, said the course would change next year."
    )
    stmt = about(run(nlp, text), "the course would change next year")
    assert stmt.speaker != "Harbour Runners"


def test_name_right_after_a_description_without_a_comma(nlp: Any) -> None:
    text = OPENING + "The union leader Piotr Nowak said on Friday that the strike would go on."
    stmt = about(run(nlp, text), "that the strike would go on")
    assert (stmt.speaker, stmt.speaker_role) == ("Piotr Nowak", "union leader")
    assert stmt.speaker_text == "The union leader Piotr Nowak"


def test_a_second_description_in_apposition_names_the_first(nlp: Any) -> None:
    text = (
        "The festival opened on Thursday.\n\n"
        "The jury president, the French actress Helene Marchetti, declined to comment on the withdrawal "
        'but told reporters that the jury would judge "only what is on the screen."\n\n'
        "Later the jury president said the films in competition were unusually strong."
    )
    statements = run(nlp, text)
    told = about(statements, 'that the jury would judge "only what is on the screen."')
    assert told.speaker == "Helene Marchetti"
    assert told.speaker_text == "The jury president"
    # both descriptions are hers, so the first one alone names her later
    assert about(statements, "the films in competition were unusually strong").speaker == "Helene Marchetti"


def test_a_role_is_written_as_the_article_writes_it(nlp: Any) -> None:
    text = (
        "Vladimir Rogov, a Russian-installed official in the region, told the RIA news agency that "
        "Kyiv's forces were responsible."
    )
    told = about(run(nlp, text), "Kyiv's forces were responsible")
    assert told.speaker_role == "Russian-installed official in the region"


def test_a_capitalised_title_before_a_name_is_the_names_description(nlp: Any) -> None:
    # the parser makes "Chief" the subject and the name its apposition, with no comma
    text = (
        "Police Chief Raymond Osei rejected the criticism of his officers. He said two officers had "
        "been treated in hospital."
    )
    statements = run(nlp, text)
    rejected = about(statements, "the criticism of his officers")
    assert rejected.speaker == "Raymond Osei"
    assert rejected.speaker_text == "Police Chief Raymond Osei"
    assert about(statements, "two officers had been treated in hospital").speaker == "Raymond Osei"


def test_a_group_named_in_apposition_is_that_body(nlp: Any) -> None:
    text = "The protest organisers, the Riverside Coalition, said they would file complaints for 14 people."
    said = about(run(nlp, text), "they would file complaints for 14 people")
    assert (said.speaker, said.speaker_type) == ("Riverside Coalition", "ORG")
    # a body the group only belongs to is not the speaker
    text = "Local residents, many of them members of the Tenants Union, said the rent rise was unfair."
    assert about(run(nlp, text), "the rent rise was unfair").speaker == "Local residents"
