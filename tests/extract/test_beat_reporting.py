"""Attributions as beat reporters write them: a court report's testimony, a match report's players
named by position or age, a business story's firm the tagger calls a person, a parliamentary
sketch's party, a study's authors, a headline that describes its speaker. Fictional sentences
written for these tests."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import about, run
from .test_speaker_names import about as about_pair
from .test_speaker_names import pipeline_and_extractor


def test_a_split_quotation_goes_on_after_an_aside_that_ends_the_cue_sentence(nlp: Any) -> None:
    text = (
        '"I never took a penny from that man," Hale testified, his voice breaking. '
        '"Not one single penny from him."'
    )
    testimony = about(run(nlp, text), "I never took a penny from that man Not one single penny from him.")
    assert [text[p.start : p.end] for p in testimony.content_parts] == [
        "I never took a penny from that man",
        "Not one single penny from him.",
    ]
    assert testimony.speaker == "Hale"


def test_they_after_a_group_that_reported_on_something_is_the_group(nlp: Any) -> None:
    text = (
        "The authors cautioned that the study was observational and could not prove that coffee "
        "itself lowered the risk. They wrote that coffee drinkers may differ in other ways."
    )
    wrote = about(run(nlp, text), "that coffee drinkers may differ in other ways")
    assert wrote.speaker == "authors"


def test_they_after_a_subject_owned_by_their_is_left_unresolved(nlp: Any) -> None:
    text = (
        "Economists warned that deficits were needed. Had their arguments for more stimulus "
        "prevailed sooner, the recovery might have been faster, they argue."
    )
    argued = about(
        run(nlp, text),
        "Had their arguments for more stimulus prevailed sooner, the recovery might have been faster",
    )
    assert argued.speaker_text == "they"
    assert argued.speaker is None  # "arguments" is no antecedent, and nothing says whose they are


def test_a_firm_the_tagger_calls_a_person_is_what_the_company_refers_to(nlp: Any) -> None:
    text = (
        "Shares in Halvorsen Shipping fell 14 per cent on Wednesday after the Oslo-based company cut "
        "its profit forecast. The company said in a filing that it now expected a smaller profit. "
        "Halvorsen declined to comment on the dividend."
    )
    pairs = pipeline_and_extractor(nlp, text)
    filing, filing_raw = about_pair(pairs, "that it now expected a smaller profit")
    assert filing.speaker == filing_raw.speaker == "Halvorsen Shipping"  # not the place "Oslo"
    declined, declined_raw = about_pair(pairs, "the dividend")
    assert declined.speaker == declined_raw.speaker == "Halvorsen Shipping"


def test_a_party_is_named_in_full_and_a_qualified_group_is_not(nlp: Any) -> None:
    text = (
        "The Liberal Democrats called for an emergency budget for social care.\n\n"
        "Some Democrats said the plan came too late."
    )
    pairs = pipeline_and_extractor(nlp, text)
    party, party_raw = about_pair(pairs, "an emergency budget for social care")
    assert party.speaker == party_raw.speaker == "Liberal Democrats"
    some, some_raw = about_pair(pairs, "the plan came too late")
    assert some.speaker == some_raw.speaker == "Democrats"


def test_a_player_is_named_by_position_and_by_age(nlp: Any) -> None:
    text = (
        "Milan Varga scored twice before half-time. Varga, 27, was more modest. "
        '"The boys did the hard work, I just had to put it in the net," the forward told Sky Sports.\n\n'
        "Rovers manager Stefan Lenz praised him. The 27-year-old said the team deserved every goal.\n\n"
        "27-year-old Ana Costa said the team was ready.\n\n"
        'Rafael Nadal won again on Sunday. "I am happy," the Spaniard said.'
    )
    statements = run(nlp, text)
    assert about(statements, "The boys did the hard work, I just had to put it in the net,").speaker == (
        "Milan Varga"
    )
    aged = about(statements, "the team deserved every goal")
    assert aged.speaker == "Milan Varga"  # the one the article gave that age, not Lenz named just before
    costa = about(statements, "the team was ready")
    assert costa.speaker == "Ana Costa"  # the age is no part of the name
    assert about(statements, "I am happy,").speaker == "Rafael Nadal"


def test_a_title_or_party_word_is_no_people_noun(nlp: Any) -> None:
    text = (
        "Al Gore will not attend the convention, The Tennessean reported. "
        "The Tennessean said Gore had told friends he was tired."
    )
    told = about(run(nlp, text), "Gore had told friends he was tired")
    assert told.speaker != "Al Gore"


def test_a_headline_description_is_the_person_the_lede_introduces(nlp: Any) -> None:
    text = (
        "Former mayor tells jury he never took cash\n\n"
        "March 3, 2026\n\n"
        "The former mayor of Port Selden, Richard Hale, told a jury on Tuesday that he had never "
        "accepted cash from the developer."
    )
    statements = run(nlp, text)
    headline = about(statements, "he never took cash")
    assert headline.speaker_text == "Former mayor"
    assert headline.speaker == "Richard Hale"
    lede = about(statements, "that he had never accepted cash from the developer")
    assert lede.speaker == "Richard Hale"
    assert lede.speaker_role == "former mayor of Port Selden"


def test_a_description_in_the_body_still_needs_more_than_its_head_noun(nlp: Any) -> None:
    text = (
        "Jury hears closing arguments\n\n"
        # past the lede: a lede may name by the office alone (test_newsroom_formats.py)
        "Closing arguments began on Monday in the corruption trial.\n\n"
        "The former mayor said he was innocent. Richard Hale, a former mayor of Port Selden, "
        "has pleaded not guilty."
    )
    said = about(run(nlp, text), "he was innocent")
    assert said.speaker is None


def test_a_speaker_set_off_by_an_aside_the_parser_read_as_a_clause(nlp: Any) -> None:
    text = 'President Jan Kral, asked about the dispute, said he expected both sides to "respect the facts".'
    said = about(run(nlp, text), 'he expected both sides to "respect the facts"')
    assert said.speaker == "Jan Kral"


def test_what_someone_is_told_is_a_listener_not_content(nlp: Any) -> None:
    text = 'Petra Hlavata told a news conference that Novak had "hidden a hole of 30 billion crowns".'
    told = about(run(nlp, text), 'that Novak had "hidden a hole of 30 billion crowns"')
    assert told.content.startswith("that Novak")


def test_a_name_set_beside_an_office_of_a_place_is_a_pronoun_antecedent(nlp: Any) -> None:
    text = (
        "The United Nations envoy for Sudan, Ramtane Lamamra, told the Security Council on Wednesday "
        "that millions of people faced famine.\n\n"
        '"The window to prevent a catastrophe is closing fast," Lamamra said. He said both warring '
        "parties had blocked aid convoys."
    )
    statements = run(nlp, text)
    assert about(statements, "both warring parties had blocked aid convoys").speaker == "Ramtane Lamamra"


def test_a_surname_opening_a_sentence_is_the_person_named_in_full_before(nlp: Any) -> None:
    text = (
        'Her neighbour, Joao Pires, is less forgiving. "They knew the dam was weak," he says.\n\n'
        "The regional government says it warned residents. Pires says nobody came.\n\n"
        "Martin O’Malley met voters in Iowa. O’Malley criticized Sanders and Clinton after the event."
    )
    statements = run(nlp, text)
    assert about(statements, "nobody came").speaker == "Joao Pires"
    assert about(statements, "Sanders and Clinton after the event").speaker == "Martin O’Malley"


def test_a_police_rank_is_a_title_not_a_name(nlp: Any) -> None:
    text = (
        "Detective Inspector Mark Ellis urged anyone with footage to come forward. "
        '"We believe this was an isolated incident," he said.'
    )
    pairs = pipeline_and_extractor(nlp, text)
    urged, urged_raw = about_pair(pairs, "anyone with footage to come forward")
    assert urged.speaker == urged_raw.speaker == "Mark Ellis"
    assert urged.speaker_role == urged_raw.speaker_role == "Detective Inspector"


def test_a_wire_dateline_is_neither_speaker_nor_content(nlp: Any) -> None:
    text = (
        "WELLINGTON, New Zealand (AP) — New Zealand's largest teachers' union on Wednesday rejected "
        'the pay offer, saying it fell "well short" of what was needed.\n\n'
        "FRANKFURT (Reuters) - European Central Bank President Christine Lagarde said on Thursday that "
        "the fight against inflation was not over.\n\n"
        "BUENA PARK, Calif. - Hillary Clinton said she would deliver change."
    )
    statements = run(nlp, text)
    union = about(statements, 'it fell "well short" of what was needed')
    assert union.speaker_text == "New Zealand's largest teachers' union"
    lagarde = about(statements, "that the fight against inflation was not over")
    assert lagarde.speaker == "Christine Lagarde"
    assert lagarde.speaker_text == "European Central Bank President Christine Lagarde"
    assert about(statements, "she would deliver change").speaker == "Hillary Clinton"


def test_an_acronym_and_a_dash_opening_a_sentence_are_no_dateline(nlp: Any) -> None:
    text = "NATO - the alliance of 32 countries - said on Monday that it would send more troops."
    said = about(run(nlp, text), "that it would send more troops")
    assert said.speaker == "NATO"


def test_a_noun_phrase_the_parser_cut_into_subjects_is_one_speaker(nlp: Any) -> None:
    text = "Ex-adviser says PM knew of party during lockdown\n\nA former adviser spoke to the inquiry."
    headline = about(run(nlp, text), "PM knew of party during lockdown")
    assert headline.speaker_text is not None and headline.speaker_text.endswith("adviser")
    assert headline.speaker is None  # the lede names no one


def test_why_a_source_is_unnamed_is_no_statement(nlp: Any) -> None:
    text = (
        "An official at the utility, who spoke on condition of anonymity because he was not "
        "authorised to discuss the matter, said the reservoir was at its lowest level since 1976. "
        "Officials were allowed to say that the talks had stalled."
    )
    statements = run(nlp, text)
    assert all(s.content != "the matter" for s in statements)
    assert about(statements, "the reservoir was at its lowest level since 1976").speaker is None
    assert about(statements, "that the talks had stalled").speaker == "Officials"


def test_a_quotation_paragraph_is_the_speaker_the_next_one_points_back_to(nlp: Any) -> None:
    text = (
        '"No one is above the law," Justice Minister Samuel Owusu told state broadcaster GTV.\n\n'
        '"This is a dark day for our democracy."\n\n'
        "That was how Haddad's deputy, Kofi Mensah, described the ruling in a speech on Tuesday."
    )
    statements = run(nlp, text)
    dark = about(statements, "This is a dark day for our democracy.")
    assert dark.kind == "direct"
    assert dark.speaker == "Kofi Mensah"
    assert about(statements, "No one is above the law,").content == "No one is above the law,"


def test_both_names_no_one_on_its_own(nlp: Any) -> None:
    text = (
        "Fischer and Moreno have clashed repeatedly over water policy. Both said they would attend "
        "a public meeting on Thursday."
    )
    both = about(run(nlp, text), "they would attend a public meeting on Thursday")
    assert both.speaker_text == "Both"
    assert both.speaker is None


def test_a_relative_known_by_a_given_name_is_a_pronoun_antecedent(nlp: Any) -> None:
    text = (
        "Jose Antonio Medina, 58, has farmed olives in Jaen for four decades.\n\n"
        '"The trees are dying of thirst," he said. His wife, Carmen, nodded. "We have lost half the '
        'harvest already," she said.'
    )
    lost = about(run(nlp, text), "We have lost half the harvest already,")
    assert lost.speaker == "Carmen"  # not "Jaen", the place the tagger called a person


def test_an_organisation_named_beside_or_before_its_spokesperson(nlp: Any) -> None:
    text = (
        "Her record label, Polar Records, said in an emailed statement that all tickets would be "
        "refunded. A Ticketmaster spokesperson told Reuters that refunds would take 30 days. "
        "Donald Trump campaigned in Ohio. A Trump spokesman said he was tired."
    )
    statements = run(nlp, text)
    assert about(statements, "that all tickets would be refunded").speaker == "Polar Records"
    ticketmaster = about(statements, "that refunds would take 30 days")
    assert ticketmaster.speaker == "Ticketmaster"
    assert ticketmaster.speaker_type == "ORG"
    assert about(statements, "he was tired").speaker is None  # a person's spokesman is no organisation


def test_a_person_named_by_nationality_keeps_the_extractors_person(nlp: Any) -> None:
    text = (
        "France's Lucas Moreau beat Carlos Alcaraz in five sets on Friday.\n\n"
        'Alcaraz, the defending champion, was gracious in defeat. "He played better today. He '
        'deserved it," the Spaniard said.'
    )
    pairs = pipeline_and_extractor(nlp, text)
    said, said_raw = about_pair(pairs, "He played better today. He deserved it,")
    assert said.speaker == said_raw.speaker == "Carlos Alcaraz"  # not the NORP entity "Spaniard"


def test_an_everyday_person_quoted_without_a_name_is_no_entity(nlp: Any) -> None:
    text = (
        'A nurse who asked not to be named said: "We were told to fix the numbers or lose our jobs." '
        '"Her health comes first," wrote one fan on Instagram. A statement said the plan was wrong.'
    )
    pairs = pipeline_and_extractor(nlp, text)
    nurse, nurse_raw = about_pair(pairs, "We were told to fix the numbers or lose our jobs.")
    assert nurse.speaker is nurse_raw.speaker is None
    assert nurse.speaker_text == "A nurse"
    fan, _ = about_pair(pairs, "Her health comes first,")
    assert fan.speaker is None and fan.speaker_text == "one fan"
    statement, _ = about_pair(pairs, "the plan was wrong")
    assert statement.speaker == "statement"  # a document still speaks as before


def test_it_after_an_organisation_that_reported_on_something(nlp: Any) -> None:
    text = (
        'Trump\'s campaign said in a statement that the video was "fake news". It said Harris had '
        '"no record to run on".'
    )
    said = about(run(nlp, text), 'Harris had "no record to run on"')
    assert said.speaker == "Trump's campaign"


def test_a_rival_speaking_in_a_while_clause_is_not_this_content(nlp: Any) -> None:
    text = (
        "Former President Donald Trump told a rally on Saturday that Vice President Kamala Harris would "
        '"destroy" the economy, while Harris accused her rival of "selling out" American workers.'
    )
    told = about(run(nlp, text), 'that Vice President Kamala Harris would "destroy" the economy')
    assert told.content == 'that Vice President Kamala Harris would "destroy" the economy'


def test_a_report_relayed_according_to_an_outlet_keeps_both_statements(nlp: Any) -> None:
    text = 'On Monday, Mayor Erik Lund said he was "happy to see" the result, according to The Daily Record.'
    statements = run(nlp, text)
    said = about(statements, 'he was "happy to see" the result')
    assert said.content == 'he was "happy to see" the result'  # without ", according to …"
    assert said.speaker == "Erik Lund"
    assert said.via == "Daily Record"
    source = about(statements, 'On Monday, Mayor Erik Lund said he was "happy to see" the result')
    assert source.cue == "according to"
    assert source.via is None


def test_i_in_an_interviews_answer_is_the_interviewee(nlp: Any) -> None:
    text = (
        "The following is a transcript of an interview with Finance Minister Karin Holm.\n\n"
        "HOST: Minister, critics say this budget does nothing for renters. What do you say to them?\n\n"
        "HOLM: I say read the budget. We are building 40,000 new homes."
    )
    statements = run(nlp, text)
    answer = about(statements, "I say read the budget. We are building 40,000 new homes.")
    assert (answer.speaker_text, answer.speaker) == ("HOLM", "Karin Holm")
    # her "I say" inside her own line is no second statement of hers; the critics' words in the
    # host's question are theirs
    assert not any(s.speaker_text == "I" for s in statements)
    assert about(statements, "this budget does nothing for renters").speaker == "critics"


def test_i_in_an_answer_after_a_question_label_is_the_interviewee(nlp: Any) -> None:
    text = (
        "Finance Minister Karin Holm spoke to the Courier's Anna Berg on Friday.\n\n"
        "Q: Critics say this budget does nothing for renters. What do you say to them?\n\n"
        "A: I say read the budget. We are building 40,000 new homes."
    )
    answer = about(run(nlp, text), "read the budget")
    assert (answer.speaker_text, answer.speaker) == ("I", "Karin Holm")


def test_a_city_naming_a_place_is_not_the_company_meant(nlp: Any) -> None:
    text = (
        "Nordic Air apologised on Monday after more than 300 passengers were stranded at Oslo airport "
        'for 14 hours. "We are deeply sorry for the disruption," the airline said in a statement.'
    )
    sorry = about(run(nlp, text), "We are deeply sorry for the disruption,")
    assert sorry.speaker == "Nordic Air"  # not "Oslo", which the tagger called an organisation
