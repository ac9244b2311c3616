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


def test_two_countries_joined_by_and_speak_together(nlp: Any) -> None:
    text = (
        "NEW DELHI \u2014 India and Bangladesh said in a joint statement on Saturday that they had "
        "agreed to work towards bringing deaths along their border down to zero.\n\n"
        "The statement noted that the two foreign ministers had reviewed bilateral relations."
    )
    statements = run(nlp, text)
    said = about(
        statements, "that they had agreed to work towards bringing deaths along their border down to zero"
    )
    assert (said.speaker, said.speaker_type, said.speaker_text) == (
        "India and Bangladesh",
        "GROUP",
        "India and Bangladesh",
    )
    assert about(statements, "that the two foreign ministers had reviewed bilateral relations").speaker == (
        "India and Bangladesh"
    )


def test_a_party_is_not_joined_to_a_chamber(nlp: Any) -> None:
    text = "The top Republicans in the House and the Senate said the bill would pass."
    said = about(run(nlp, text), "the bill would pass")
    assert said.speaker_type != "GROUP" or " and " not in (said.speaker or "")


def test_the_house_is_not_the_white_house(nlp: Any) -> None:
    text = (
        "The White House said on Monday that the president would sign the bill.\n\n"
        "The House said in a statement that the vote would be held on Friday."
    )
    said = about(run(nlp, text), "that the vote would be held on Friday")
    assert said.speaker == "House"


def test_the_group_is_the_group_named_just_before(nlp: Any) -> None:
    text = (
        "The protest was coordinated by the farmers' umbrella group Agri-Norde. The group says the "
        "trade deal would expose European beef producers to cheaper imports."
    )
    says = about(run(nlp, text), "the trade deal would expose European beef producers to cheaper imports")
    assert says.speaker == "Agri-Norde"


def test_the_company_stays_the_firm_named_last(nlp: Any) -> None:
    text = (
        "Stocks rose, helped by results from Google's parent company, Alphabet.\n\n"
        "The Dow was held back by a drop in the oil giant Exxon Mobil. The company reported its "
        "smallest quarterly profit in 17 years."
    )
    reported = about(run(nlp, text), "its smallest quarterly profit in 17 years")
    assert reported.speaker == "Exxon Mobil"


def test_a_description_of_the_source_after_according_to_is_no_content(nlp: Any) -> None:
    text = (
        "Wholesale prices for olive oil reached more than 8 euros a kilogram in August, more than "
        "double their level of two years earlier, according to Olivar, the sector\u2019s "
        "price-monitoring platform."
    )
    according = about(
        run(nlp, text),
        "Wholesale prices for olive oil reached more than 8 euros a kilogram in August, more than double "
        "their level of two years earlier",
    )
    assert according.speaker == "Olivar"
    assert according.content.endswith("two years earlier")
    assert all(part.of(text).strip() for part in according.content_parts)


def test_a_ministry_keeps_every_field_of_its_remit(nlp: Any) -> None:
    text = (
        "The Department for Environment, Food and Rural Affairs said the grant scheme would reopen in "
        "March.\n\n"
        "The Department of Public Works and Highways said the bridge at Tarlac was safe to cross.\n\n"
        "Peru's Ministry of Energy and Mines said copper output rose 4% in the quarter."
    )
    statements = run(nlp, text)
    assert about(statements, "the grant scheme would reopen").speaker == (
        "Department for Environment, Food and Rural Affairs"
    )
    bridge = about(statements, "the bridge at Tarlac was safe")
    assert bridge.speaker == "Department of Public Works and Highways"
    assert bridge.speaker_text == "The Department of Public Works and Highways"
    assert (
        about(statements, "copper output rose 4% in the quarter").speaker
        == "Peru's Ministry of Energy and Mines"
    )


def test_a_body_named_with_and_is_one_speaker_and_two_bodies_stay_apart(nlp: Any) -> None:
    text = (
        "The British Growers and Livestock Union said farm-gate prices had fallen for a third month.\n\n"
        "The Ministry of Defence and Reuters said the base near Basra had been hit twice."
    )
    statements = run(nlp, text)
    union = about(statements, "farm-gate prices had fallen")
    assert union.speaker == "British Growers and Livestock Union"
    assert union.speaker_type == "ORG"
    assert about(statements, "the base near Basra had been hit").speaker == "Ministry of Defence"


def test_the_preliminary_report_is_the_report_its_issuer_published(nlp: Any) -> None:
    text = (
        "The National Transportation Safety Board released its preliminary report on Thursday.\n\n"
        "The preliminary report said the controller had issued the instruction late.\n\n"
        "The jobs report said hiring slowed in October."
    )
    statements = run(nlp, text)
    assert about(statements, "the controller had issued the instruction late").speaker == (
        "National Transportation Safety Board"
    )
    # a document named by its subject ("jobs") is nobody's earlier report
    assert about(statements, "hiring slowed in October").speaker != "National Transportation Safety Board"


def test_an_acronym_in_brackets_is_what_it_spells_even_untagged(nlp: Any) -> None:
    text = (
        "Train drivers on Crosslink Rail Ltd services will strike in October after their union rejected "
        "a 4% pay offer.\n\n"
        "The Footplate and Rail Staff Union (FRSU) said on Wednesday that 87% of members had backed the "
        "walkouts.\n\n"
        "Crosslink Rail Ltd, which runs stopping services across West Yorkshire, said in a statement that "
        "the offer was fair.\n\n"
        "The FRSU said its members would not move.\n\n"
        "The company also claimed that the deal depended only on modest changes to rostering."
    )
    statements = run(nlp, text)
    # the union's short form, tagged alone, is no business for "the company"
    assert about(statements, "that the deal depended only on modest changes").speaker == "Crosslink Rail Ltd"


def test_the_force_is_the_police_force_named_last(nlp: Any) -> None:
    # the small model tags "West Yorkshire Police" as a place; its last word makes it a body
    text = (
        "West Yorkshire Police said a man had been arrested on Leeds Road.\n\n"
        "A cordon remains in place while officers carry out enquiries, the force said."
    )
    said = about(run(nlp, text), "A cordon remains in place while officers carry out enquiries")
    assert said.speaker == "West Yorkshire Police"
    assert said.speaker_text == "the force"


def test_the_army_is_the_armed_forces_named_last(nlp: Any) -> None:
    text = (
        "The Tamerran Armed Forces said six soldiers had died in the attack on Kandio.\n\n"
        "The army said the attackers had fled towards the border."
    )
    said = about(run(nlp, text), "the attackers had fled towards the border")
    assert said.speaker == "Tamerran Armed Forces"


def test_a_wire_datelines_agency_is_not_the_company(nlp: Any) -> None:
    # "Halvard Semiconductor" is tagged nothing, "TAIPEI" an organisation: neither the dateline's
    # city nor its agency is the firm "the company" means; the firm's last word makes it one
    text = (
        "TAIPEI (Reuters) - Halvard Semiconductor warned on Wednesday that a fire at its Hsinchu plant "
        "would cut global supplies of automotive chips.\n\n"
        "The company said in a filing that nobody had been hurt in the blaze."
    )
    statements = run(nlp, text)
    warned = about(
        statements, "that a fire at its Hsinchu plant would cut global supplies of automotive chips"
    )
    assert (warned.speaker, warned.speaker_type) == ("Halvard Semiconductor", "ORG")
    filed = about(statements, "nobody had been hurt in the blaze")
    assert filed.speaker == "Halvard Semiconductor"
    assert filed.speaker_text == "The company"


def test_a_titles_first_word_the_tagger_calls_an_organisation_is_no_broadcaster(nlp: Any) -> None:
    # "Supreme" alone is tagged as an organisation: "the broadcaster" is not it
    text = (
        "According to state television, Supreme Leader Ayatollah Ali Khamenei told clerics that the "
        "talks were neither good nor bad. He warned negotiators not to trust the Americans, the "
        "broadcaster reported."
    )
    reported = about(run(nlp, text), "He warned negotiators not to trust the Americans")
    assert reported.speaker != "Supreme"
    # a firm before its chief's title stays the firm
    text = "Apple CEO Tim Cook spoke at the launch. The company said sales had been strong."
    said = about(run(nlp, text), "sales had been strong")
    assert said.speaker == "Apple"


def test_a_name_after_a_business_noun_is_a_firm_the_company_can_mean(nlp: Any) -> None:
    # the small model tags "Maersk" as a product
    text = (
        "Danish shipping giant Maersk said it would divert all vessels around the Cape of Good Hope. "
        "The company said the safety of its crews was its first priority."
    )
    said = about(run(nlp, text), "the safety of its crews was its first priority")
    assert (said.speaker, said.speaker_type) == ("Maersk", "ORG")
