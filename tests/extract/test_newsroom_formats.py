"""Attributions in the formats newsrooms print beyond the lede-and-quotes story: a police appeal's
unnamed witness, a study's outside experts, a court ruling's judge named after the lede, a transfer
rumour's passive "is understood", a letter signed by a group, a match report's "the Dutchman", a
column's rubric and an interview's headline. Fictional sentences written for these tests."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import about, run
from .test_speaker_names import about as about_pair
from .test_speaker_names import pipeline_and_extractor


def test_she_after_an_unnamed_witness_is_the_witness_not_an_earlier_name(nlp: Any) -> None:
    text = (
        '"This was a terrifying experience," said Detective Chief Inspector Sarah Whitfield.\n\n'
        "One witness, who did not want to be named, told the Evening Post that she saw the men "
        'running towards the station. "They pushed past people and one of them dropped a bag," she '
        "said."
    )
    statements = run(nlp, text)
    assert about(statements, "This was a terrifying experience,").speaker == "Sarah Whitfield"
    bag = about(statements, "They pushed past people and one of them dropped a bag,")
    assert bag.speaker_text == "she"
    assert bag.speaker is None  # the witness has no name; Whitfield is not she


def test_a_name_the_parser_set_beside_a_school_is_the_sentences_subject(nlp: Any) -> None:
    text = (
        'Her husband, Tom, said he had lost "my best friend".\n\n'
        "The headteacher of St Mary's Primary School, Rachel Green, said pupils and staff were "
        '"heartbroken". Counsellors would be available at the school this week, she said.'
    )
    counsellors = about(run(nlp, text), "Counsellors would be available at the school this week")
    assert counsellors.speaker == "Rachel Green"  # not Tom, whom "Her husband" made a subject


def test_a_kin_noun_gives_the_gender_a_pronoun_is_checked_against(nlp: Any) -> None:
    text = 'Her husband, Tom, said he had lost "my best friend". "She was everything to us," she said.'
    everything = about(run(nlp, text), "She was everything to us,")
    assert everything.speaker is None  # "she" is not the husband


def test_experts_qualified_by_a_participle_are_the_speakers(nlp: Any) -> None:
    text = (
        "The researchers followed 160,000 adults for nine years. Those who walked 7,000 steps daily "
        "were less likely to develop dementia, the study found.\n\n"
        '"The message is encouraging," said Dr. Melody Ding, the study\'s lead author and a '
        'professor at the University of Sydney. "Even modest increases in activity help."\n\n'
        "Experts not involved in the research cautioned that the findings show an association "
        "rather than cause and effect."
    )
    cautioned = about(run(nlp, text), "that the findings show an association rather than cause and effect")
    assert cautioned.speaker == "Experts"  # not "research", the noun of the participle's phrase


def test_a_passive_raising_cue_joined_to_another_verb_has_no_speaker(nlp: Any) -> None:
    text = (
        "The Brazilian, 22, scored 17 goals in the Portuguese league last season and is understood "
        "to have agreed personal terms."
    )
    statements = run(nlp, text)
    assert all(s.speaker is None for s in statements), [(s.speaker, s.content) for s in statements]


def test_a_group_of_people_speaks_as_those_people(nlp: Any) -> None:
    text = (
        "Her comments came after a group of 40 Labour backbenchers wrote to the prime minister "
        'warning that the plans would "concrete over the countryside". A group of senators said the '
        "deal was dead. The team said the player was injured."
    )
    statements = run(nlp, text)
    warning = about(statements, 'that the plans would "concrete over the countryside"')
    assert warning.speaker == "40 Labour backbenchers"
    assert warning.speaker_text == "a group of 40 Labour backbenchers"
    assert about(statements, "the deal was dead").speaker == "senators"
    assert about(statements, "the player was injured").speaker == "team"  # no "of": the team itself


def test_a_nationality_compound_re_names_the_person_written_about(nlp: Any) -> None:
    text = (
        "Ajax coach Erik ten Hag did not hide his frustration after the defeat.\n\n"
        'The Dutchman also criticised the referee, saying the second goal "should never have stood".'
    )
    pairs = pipeline_and_extractor(nlp, text)
    saying, saying_raw = about_pair(pairs, 'the second goal "should never have stood"')
    assert saying.speaker == saying_raw.speaker == "Erik ten Hag"  # not an organisation "Dutchman"


def test_an_indefinite_office_in_the_lede_is_the_person_the_next_lines_name(nlp: Any) -> None:
    text = (
        "Judge says state abortion law is too vague\n\n"
        "A federal judge on Monday temporarily blocked a Tennessee law, ruling that key parts of it "
        "were unconstitutionally vague.\n\n"
        'In a 42-page opinion, U.S. District Judge Aleta Trauger wrote that the law "leaves ordinary '
        'people guessing".\n\n'
        "A judge in Texas said the same law was sound."
    )
    statements = run(nlp, text)
    ruling = about(statements, "that key parts of it were unconstitutionally vague")
    assert ruling.speaker == "Aleta Trauger"
    assert ruling.speaker_text == "A federal judge"
    assert about(statements, "state abortion law is too vague").speaker == "Aleta Trauger"  # "Judge says"
    texas = about(statements, "the same law was sound")
    assert texas.speaker is None  # past the lede, "a judge" is someone new


def test_a_rubric_before_a_headline_colon_is_no_speaker(nlp: Any) -> None:
    text = "Column: The art of the non-answer\n\nPoliticians have always dodged questions."
    assert [s.content for s in run(nlp, text)] == []


def test_a_headline_quotation_repeated_in_an_answer_is_the_answerers(nlp: Any) -> None:
    text = (
        "Q&A: 'We underestimated how fast the water would rise'\n\n"
        "Mayor Ingrid Solberg spoke to our reporter about the recovery.\n\n"
        "**Did the town do enough to prepare?**\n\n"
        "Solberg: Honestly, no. We underestimated how fast the water would rise. The barriers were "
        "built for a once-in-a-century event."
    )
    statements = run(nlp, text)
    headline = about(statements, "We underestimated how fast the water would rise")
    assert headline.content_span.end < text.index("\n")
    assert headline.speaker == "Ingrid Solberg"
    assert headline.speaker_text is None  # the headline names no one; the answer does


def test_a_closing_cue_clause_parsed_as_a_conjunct_attributes_the_sentence(nlp: Any) -> None:
    text = (
        "Pilots at Skyline Airways have voted overwhelmingly to strike in a dispute over pay, their "
        "union announced on Friday, threatening disruption for thousands of holidaymakers."
    )
    announced = about(
        run(nlp, text), "Pilots at Skyline Airways have voted overwhelmingly to strike in a dispute over pay"
    )
    assert announced.cue == "announced"
    assert announced.speaker_text == "their union"


def test_a_fact_checks_claim_label_is_neither_cue_nor_speaker(nlp: Any) -> None:
    text = (
        "CLAIM: In a campaign ad, the Missouri Democratic Party claims that Sen. Josh Hawley "
        '"voted against funding for veterans\' health care".\n\n'
        "VERDICT: Misleading, because the bill covered the whole federal government."
    )
    statements = run(nlp, text)
    claims = about(statements, "that Sen. Josh Hawley \"voted against funding for veterans' health care")
    assert claims.speaker == "Missouri Democratic Party"
    assert all(s.speaker_text not in ("CLAIM", "VERDICT") and s.cue != "CLAIM" for s in statements)


def test_an_organisation_named_right_after_its_noun_speaks(nlp: Any) -> None:
    text = (
        "Earthquake survivors pulled from rubble in Turkey\n\n"
        "ANTAKYA, Turkey — Rescuers pulled a 10-year-old girl alive from the rubble of a collapsed "
        "apartment building on Tuesday, more than 50 hours after a powerful earthquake struck southern "
        "Turkey, state broadcaster TRT reported.\n\n"
        "The airline Ryanair said flights were cancelled."
    )
    statements = run(nlp, text)
    rescued = about(
        statements,
        "Rescuers pulled a 10-year-old girl alive from the rubble of a collapsed apartment building on "
        "Tuesday, more than 50 hours after a powerful earthquake struck southern Turkey",
    )
    assert (rescued.speaker, rescued.speaker_text) == ("TRT", "state broadcaster TRT")  # not "broadcaster"
    assert about(statements, "flights were cancelled").speaker == "Ryanair"


def test_it_after_a_review_or_a_gallery_that_spoke(nlp: Any) -> None:
    text = (
        "The review, led by senior midwife Donna Ockenden, said staff had ignored the concerns of "
        'mothers. It concluded that a "culture of blame" had stopped doctors from speaking up.\n\n'
        "The gallery said the painting was undamaged. It said the room had been closed to the public."
    )
    statements = run(nlp, text)
    assert (
        about(statements, 'that a "culture of blame" had stopped doctors from speaking up').speaker
        == "review"
    )
    assert about(statements, "the room had been closed to the public").speaker == "gallery"


def test_a_place_the_tagger_calls_a_person_is_no_pronouns_antecedent(nlp: Any) -> None:
    text = (
        "For 31 years, Angus MacLeod climbed the 112 steps of the Skerry Point lighthouse every "
        "night. Now, at 74, he says he misses the climb.\n\n"
        "Pope Leo XIV spoke from the central balcony of St Peter's Basilica. He singled out the "
        'suffering of children, saying their cries "rise to heaven". "Weapons must fall silent," '
        "the pontiff said."
    )
    pairs = pipeline_and_extractor(nlp, text)
    climb, climb_raw = about_pair(pairs, "he misses the climb")
    assert climb.speaker == climb_raw.speaker == "Angus MacLeod"  # not "Skerry Point"
    cries, cries_raw = about_pair(pairs, 'their cries "rise to heaven"')
    assert cries.speaker == cries_raw.speaker == "Leo XIV"  # not "Basilica"
    silent, silent_raw = about_pair(pairs, "Weapons must fall silent,")
    assert silent.speaker == silent_raw.speaker == "Leo XIV"  # "the pontiff" is the pope


def test_letters_after_a_name_and_a_councillors_title_are_no_part_of_it(nlp: Any) -> None:
    text = (
        "Opening the prosecution case, Jonathan Sandiford KC said the defendant had stabbed Amy Walsh. "
        "Mr Sandiford told the jury that Carter had become obsessed with her.\n\n"
        'Councillor Brenda Holt wrote that residents were "scroungers". Ms Holt said she was sorry.'
    )
    pairs = pipeline_and_extractor(nlp, text)
    opening, opening_raw = about_pair(pairs, "the defendant had stabbed Amy Walsh")
    assert opening.speaker == opening_raw.speaker == "Jonathan Sandiford"
    assert opening.speaker_text == "Jonathan Sandiford KC"  # the phrase stays as written
    told, _ = about_pair(pairs, "that Carter had become obsessed with her")
    assert told.speaker == "Jonathan Sandiford"
    wrote, wrote_raw = about_pair(pairs, 'that residents were "scroungers"')
    assert wrote.speaker == wrote_raw.speaker == "Brenda Holt"
    assert about_pair(pairs, "she was sorry")[0].speaker == "Brenda Holt"


def test_a_name_inside_a_full_name_is_that_person(nlp: Any) -> None:
    text = (
        "Brazilian President Luiz Inacio Lula da Silva on Monday pledged to end illegal deforestation "
        'in the Amazon by 2030. "The Amazon is not for sale," Lula said in his opening speech.'
    )
    pairs = pipeline_and_extractor(nlp, text)
    sale, sale_raw = about_pair(pairs, "The Amazon is not for sale,")
    assert sale.speaker == sale_raw.speaker == "Luiz Inacio Lula da Silva"


def test_the_one_asked_is_not_the_speaker_of_the_question(nlp: Any) -> None:
    text = (
        "Professor Elena Vasquez of the University of Barcelona won the prize on Tuesday.\n\n"
        "Asked how she planned to spend the prize money, Vasquez laughed. Asked by a reporter about "
        'her plans, she smiled. "On my students," she said.'
    )
    statements = run(nlp, text)
    asked = [s for s in statements if s.cue == "Asked"]
    assert all(s.speaker != "Elena Vasquez" for s in asked), [(s.speaker, s.content) for s in asked]
    assert about(statements, "On my students,").speaker == "Elena Vasquez"


def test_a_ledes_definite_office_is_the_person_the_next_lines_name(nlp: Any) -> None:
    text = (
        "Ex-president to testify\n\n"
        "The lawyer for former president Ricardo Alves said on Wednesday that his client would "
        "testify before the committee.\n\n"
        '"He has nothing to hide," attorney Paulo Cunha told reporters.'
    )
    testify = about(run(nlp, text), "that his client would testify before the committee")
    assert (testify.speaker, testify.speaker_text) == ("Paulo Cunha", "The lawyer")


def test_a_headline_label_naming_no_speaker_gives_way_to_the_bodys_speaker(nlp: Any) -> None:
    text = (
        "Storm Babet: 'I've never seen anything like it'\n\n"
        '"It came up through the floorboards in ten minutes," said Gail Anderson, 52. "I\'ve lived '
        "here all my life and I've never seen anything like it.\"\n\n"
        "Lukashenko: 'We will close the border tomorrow'\n\n"
    )
    statements = run(nlp, text)
    headline = about(statements, "I've never seen anything like it")
    assert headline.content_span.end < text.index("\n")
    assert headline.speaker == "Gail Anderson"
    assert headline.speaker_text is None and headline.speaker_span is None


def test_he_after_an_unnamed_neighbour_is_the_neighbour(nlp: Any) -> None:
    text = (
        '"It came up through the floorboards," said Gail Anderson, 52.\n\n'
        "Her neighbour, a retired teacher, said he had been rescued from his upstairs window by the "
        'fire service. "They were heroes," he said.'
    )
    statements = run(nlp, text)
    rescued = about(statements, "he had been rescued from his upstairs window by the fire service")
    assert rescued.speaker is None and rescued.speaker_text == "Her neighbour"
    heroes = about(statements, "They were heroes,")
    assert heroes.speaker is None  # not Gail Anderson


def test_a_dateline_the_parser_joined_to_the_subject_is_no_speaker(nlp: Any) -> None:
    text = (
        "India and Pakistan trade blame after border clash\n\n"
        "May 6, 2026\n\n"
        "NEW DELHI — India and Pakistan accused each other on Tuesday of starting an exchange of fire "
        "along the disputed border in Kashmir that killed at least three soldiers.\n\n"
        'The Indian army said Pakistani troops had opened fire "without provocation".'
    )
    accused = about(
        run(nlp, text),
        "each other on Tuesday of starting an exchange of fire along the disputed border in Kashmir that "
        "killed at least three soldiers",
    )
    assert accused.speaker == "India and Pakistan"  # both, and not the dateline "NEW DELHI"


def test_a_reaction_label_names_the_person_after_their_club(nlp: Any) -> None:
    text = (
        'Real Madrid manager Carlo Ancelotti: "It was a difficult game, but we have experience in '
        'these finals."\n\n'
        "Real Madrid goalkeeper Thibaut Courtois, speaking to BT Sport: \"I'm just happy to be back "
        'after my injury."'
    )
    statements = run(nlp, text)
    assert about(statements, "It was a difficult game, but we have experience in these finals.").speaker == (
        "Carlo Ancelotti"
    )
    assert about(statements, "I'm just happy to be back after my injury.").speaker == "Thibaut Courtois"


def test_a_given_name_the_tagger_left_out_completes_the_name(nlp: Any) -> None:
    text = (
        "Interview: Novelist Amara Osei on grief and exile\n\n"
        "Amara Osei left Ghana at 19 with one suitcase. Her fourth novel is out this week.\n\n"
        'You\'ve said you write to "argue with the dead". What do you mean?\n\n'
        '"My father and I never finished our argument," Osei says.'
    )
    pairs = pipeline_and_extractor(nlp, text)
    argument, argument_raw = about_pair(pairs, "My father and I never finished our argument,")
    assert argument.speaker == argument_raw.speaker == "Amara Osei"
    said, _ = about_pair(pairs, 'you write to "argue with the dead"')
    assert said.speaker is None  # "You", the interviewer's word for her, is no entity named "You"


def test_given_names_from_many_countries_carry_their_gender(nlp: Any) -> None:
    for name, pronoun in (("Gail Anderson", "he"), ("Mehmet Yilmaz", "she"), ("Ayse Demir", "he")):
        text = (
            f'{name} said the water came up through the floorboards. "We dug with our hands," {pronoun} said.'
        )
        dug = about(run(nlp, text), "We dug with our hands,")
        assert dug.speaker is None, (name, dug.speaker)  # the only one named is of the other gender


def test_a_transcript_label_with_a_title_names_the_speaker(nlp: Any) -> None:
    text = (
        "SEN. GRASSLEY: Director Patel, did the bureau open an investigation into the leak?\n\n"
        "PATEL: Senator, I can't discuss ongoing investigations in an open hearing."
    )
    statements = run(nlp, text)
    question = about(statements, "Director Patel, did the bureau open an investigation into the leak?")
    assert question.speaker_text is not None and question.speaker_text.endswith("GRASSLEY")  # not "SEN"
    assert question.speaker is not None and question.speaker.lower() == "grassley"


def test_a_bare_noun_for_a_kind_of_person_is_no_entity(nlp: Any) -> None:
    text = (
        "Nurse tells inquiry: 'We begged for more staff'\n\n"
        "A senior nurse has told a public inquiry that managers ignored her.\n\n"
        'Giving evidence on Thursday, Helen Marsh said: "We begged for more staff. We were told there '
        'was no money."\n\n'
        'The mother of a murdered boy has said she wants "justice, not revenge". Donald Trump\'s '
        "eldest daughter said she would campaign. Warren and Haley clashed, each accusing the other "
        "of hypocrisy."
    )
    pairs = pipeline_and_extractor(nlp, text)
    headline, headline_raw = about_pair(pairs, "We begged for more staff")
    assert headline.content_span.end < text.index("\n")
    assert headline.speaker == headline_raw.speaker == "Helen Marsh"  # the body's, not "Nurse"
    assert headline.speaker_text == "Nurse"
    mother, mother_raw = about_pair(pairs, 'she wants "justice, not revenge"')
    assert mother.speaker is mother_raw.speaker is None  # not an entity "mother"
    daughter, _ = about_pair(pairs, "she would campaign")
    assert daughter.speaker is not None and "daughter" in daughter.speaker  # a name owns it: kept
    each, _ = about_pair(pairs, "the other of hypocrisy")
    assert each.speaker is None


def test_a_name_the_tagger_missed_after_a_persons_noun_is_a_pronoun_antecedent(nlp: Any) -> None:
    text = (
        "When the school banned phones, headteacher Claire Brown expected a revolt.\n\n"
        'Year 10 pupil Ellie, 15, admitted she had been sceptical. "At first I hated it," she said.'
    )
    statements = run(nlp, text)
    assert about(statements, "she had been sceptical").speaker == "Ellie"  # not "10 pupil Ellie"
    assert about(statements, "At first I hated it,").speaker == "Ellie"  # not Claire Brown


def test_an_explainers_headline_topic_is_no_speaker(nlp: Any) -> None:
    text = (
        "Ukraine peace plan: what each side says\n\n"
        "Ukraine says any settlement must include the withdrawal of all Russian troops."
    )
    statements = run(nlp, text)
    assert [s.content for s in statements] == [
        "any settlement must include the withdrawal of all Russian troops"
    ]


def test_a_firms_short_name_and_the_company_are_the_firm_in_full(nlp: Any) -> None:
    text = (
        "A tribunal ruled on Monday that Greystone Properties had acted unlawfully.\n\n"
        'Greystone said in a statement that it was "disappointed" by the decision. The company said '
        'it had offered residents "generous compensation".'
    )
    pairs = pipeline_and_extractor(nlp, text)
    short, short_raw = about_pair(pairs, 'that it was "disappointed" by the decision')
    assert short.speaker == short_raw.speaker == "Greystone Properties"
    company, company_raw = about_pair(pairs, 'it had offered residents "generous compensation"')
    assert company.speaker == company_raw.speaker == "Greystone Properties"


def test_a_headteacher_in_the_lede_is_the_head_named_next(nlp: Any) -> None:
    text = (
        "Headteacher warns of crisis in funding\n\n"
        "A headteacher has warned that schools in Kent are facing a crisis in funding for pupils with "
        "special educational needs.\n\n"
        "'We are being asked to do more and more with less and less,' said Sarah Mitchell, head of "
        "Oakwood Primary School in Maidstone."
    )
    warned = about(
        run(nlp, text),
        "that schools in Kent are facing a crisis in funding for pupils with special educational needs",
    )
    assert warned.speaker == "Sarah Mitchell"


def test_a_quotation_nested_in_a_split_quotation_has_its_own_speaker(nlp: Any) -> None:
    text = (
        "“The defendant looked at me and said, ‘Have you already decided?’” Hale recalls. “He was "
        "right. I had.”"
    )
    statements = run(nlp, text)
    question = about(statements, "Have you already decided?")
    assert question.kind == "direct" and question.speaker_text == "The defendant"
    outer = about(
        statements, "The defendant looked at me and said, Have you already decided? He was right. I had."
    )
    assert outer.speaker == "Hale"
    assert question.nested_in == outer.index


def test_an_organisations_name_the_parser_read_as_two_joined_is_whole(nlp: Any) -> None:
    text = "Procter & Gamble said sales rose. The Centers for Disease Control and Prevention said cases fell."
    statements = run(nlp, text)
    assert about(statements, "sales rose").speaker_text == "Procter & Gamble"  # not "Procter"
    assert about(statements, "cases fell").speaker == "Centers for Disease Control and Prevention"
