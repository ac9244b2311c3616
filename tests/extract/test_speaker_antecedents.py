"""Speakers written as something other than a name: "the company", "they", an age in apposition,
and the relay of "was quoted by Y as saying"; on short fictional items written for these tests."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import about, run


def test_the_company_is_the_firm_named_before(nlp: Any) -> None:
    text = (
        "Shares in Norvik Semiconductors fell 8% on Monday after the company warned that supply "
        "shortages would last well into next year."
    )
    warned = about(run(nlp, text), "supply shortages would last well into next year")
    assert warned.speaker_text == "the company"
    assert warned.speaker == "Norvik Semiconductors"
    assert warned.speaker_type == "ORG"


def test_the_company_with_no_firm_named_stays_a_description(nlp: Any) -> None:
    text = "The company warned on Monday that supply shortages would last well into next year."
    warned = about(run(nlp, text), "supply shortages would last well into next year")
    assert warned.speaker != "Norvik Semiconductors"
    assert warned.speaker_text == "The company"


def test_they_is_the_plural_subject_of_the_sentence_before(nlp: Any) -> None:
    text = (
        "Analysts at Berenberg were less alarmed. In a note to clients, they wrote that the "
        "shortage was a timing problem."
    )
    wrote = about(run(nlp, text), "the shortage was a timing problem")
    assert wrote.speaker_text == "they"
    assert wrote.speaker == "Analysts at Berenberg"
    assert wrote.speaker_type == "GROUP"


def test_they_after_a_singular_subject_stays_unresolved(nlp: Any) -> None:
    text = (
        "Critics gathered outside the hall. The mayor arrived late. They said the meeting had "
        "been moved without notice."
    )
    said = about(run(nlp, text), "the meeting had been moved without notice")
    assert said.speaker is None


def test_an_age_in_apposition_is_not_a_role(nlp: Any) -> None:
    text = (
        "Chief executive Maria Lindqvist spoke first.\n\n"
        "Lindqvist, 54, added that the company would invest in a new plant in Dresden."
    )
    added = about(run(nlp, text), "the company would invest in a new plant in Dresden")
    assert added.speaker == "Maria Lindqvist"
    assert added.speaker_role != "54"


def test_quoted_by_an_agency_as_saying_keeps_the_relay(nlp: Any) -> None:
    text = (
        "A senior Velsk diplomat, speaking on condition of anonymity, was quoted by Reuters as "
        "saying the talks could resume within days."
    )
    relayed = about(run(nlp, text), "the talks could resume within days")
    assert relayed.via == "Reuters"
    assert relayed.speaker_text == "A senior Velsk diplomat"


def test_trailing_participle_after_a_reported_clause_is_the_reporters(nlp: Any) -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan said Monday that Ankara would continue drilling off "
        'Cyprus, dismissing a warning from the European Union as "worthless".'
    )
    dismissing = about(run(nlp, text), "a warning from the European Union as worthless")
    assert dismissing.speaker == "Recep Tayyip Erdogan"


def test_a_raised_clause_reported_by_someone_keeps_its_reporter(nlp: Any) -> None:
    # the raised content ("The ship [is expected] to remain …") spans the same characters as the
    # reported clause: the two are different contents, and the reporter's statement must survive
    text = "The ship is expected to remain in the area until the end of the month, diplomats said."
    said = [s for s in run(nlp, text) if s.cue == "said"]
    assert len(said) == 1
    assert said[0].speaker == "diplomats"
    assert said[0].content == "The ship is expected to remain in the area until the end of the month"


def test_who_after_a_spokesman_for_a_unit_is_the_spokesman(nlp: Any) -> None:
    text = (
        "Markets had priced in a cut by April, said a spokesman for Deutsche Bank's research unit, "
        "who added that the bank's economists still expected two cuts in 2026."
    )
    statements = run(nlp, text)
    said = about(statements, "Markets had priced in a cut by April")
    added = about(statements, "the bank's economists still expected two cuts in 2026")
    assert said.speaker == added.speaker == "Deutsche Bank's research unit"
    assert added.speaker_role == "spokesman"


def test_foreign_words_in_a_quotation_are_never_its_speaker(nlp: Any) -> None:
    text = (
        "« Nous ne reculerons pas », said union leader Sophie Marchand.\n\n"
        "„Wir beobachten die Lage genau“, a German government spokesman said in Berlin."
    )
    statements = run(nlp, text)
    french = about(statements, "Nous ne reculerons pas")
    assert french.speaker == "Sophie Marchand"
    assert french.content == "Nous ne reculerons pas"  # the spaces inside French guillemets are not quoted
    german = about(statements, "Wir beobachten die Lage genau")
    assert german.speaker_text == "a German government spokesman"


def test_she_after_an_untagged_surname_is_that_woman(nlp: Any) -> None:
    text = (
        "Union leader Sophie Marchand spoke first. Prime Minister François Bayrou insisted the "
        "reform was indispensable.\n\n"
        'Marchand, however, dismissed the warning. "They said the same thing last year," she said.'
    )
    said = about(run(nlp, text), "They said the same thing last year")
    assert said.speaker == "Sophie Marchand"


def test_the_regulator_is_the_public_body_and_the_company_the_business(nlp: Any) -> None:
    text = (
        "Ireland's Data Protection Commission has fined Meta a record sum for moving users' data abroad.\n\n"
        "The regulator said the transfers had broken EU rules for five years. The company said it "
        "would appeal the decision."
    )
    statements = run(nlp, text)
    assert about(statements, "the transfers had broken EU rules for five years").speaker == (
        "Data Protection Commission"
    )
    assert about(statements, "it would appeal the decision").speaker == "Meta"


def test_a_known_surname_tagged_as_a_plural_noun_is_the_person(nlp: Any) -> None:
    text = (
        "EU Justice Commissioner Didier Reynders welcomed the fine. "
        '"This is a strong signal," Reynders told reporters in Brussels on Monday.'
    )
    told = about(run(nlp, text), "This is a strong signal")
    assert told.speaker == "Didier Reynders"


def test_she_after_a_name_only_an_apposition_gives_is_that_woman(nlp: Any) -> None:
    text = (
        'Outside the court, one retiree, Gloria Mendes, said she had lost "almost everything".\n\n'
        "The city's mayor, Ana Ruiz, said on Saturday that the council would review the fund. "
        '"This must never happen again," she said.'
    )
    said = about(run(nlp, text), "This must never happen again")
    assert said.speaker == "Ana Ruiz"


def test_who_after_people_familiar_with_the_matter_is_those_people(nlp: Any) -> None:
    text = (
        "The report cited three people familiar with the matter who said the talks had focused on a "
        "possible exchange of prisoners."
    )
    said = about(run(nlp, text), "the talks had focused on a possible exchange of prisoners")
    assert said.speaker_text == "who"
    assert said.speaker == "three people"


def test_a_quotation_reported_according_to_an_agency_is_the_speakers_via_the_agency(nlp: Any) -> None:
    text = (
        '"This is fiction, there were no such contacts," Kremlin spokesman Dmitry Peskov told reporters, '
        "according to the state news agency TASS."
    )
    statements = run(nlp, text)
    quote = about(statements, "This is fiction, there were no such contacts")
    assert quote.kind == "direct"
    assert quote.speaker == "Dmitry Peskov"
    assert quote.via == "TASS"
    assert all(s.cue != "according to" for s in statements)  # the relay is no speaker of its own


def test_a_label_before_a_colon_is_not_the_subject(nlp: Any) -> None:
    text = "The Latest: Trump urges supporters to monitor polling places.\n\nWASHINGTON (AP) — The Latest."
    urges = about(run(nlp, text), "supporters to monitor polling places")
    assert urges.speaker == "Trump"


def test_the_subject_of_likely_to_say_is_the_speaker(nlp: Any) -> None:
    text = "Democratic voters were slightly more likely to say that the mayor deserved a second term."
    say = about(run(nlp, text), "that the mayor deserved a second term")
    assert say.speaker == "Democratic voters"


def test_the_company_is_never_a_university_or_a_fund(nlp: Any) -> None:
    text = (
        "Cleaners at New York University walked out on Monday. The company said the contract "
        "had been fair to every worker."
    )
    said = about(run(nlp, text), "the contract had been fair to every worker")
    assert said.speaker != "New York University"


def test_a_statement_from_an_organisation_is_the_organisations(nlp: Any) -> None:
    text = (
        'A statement from the transport ministry said the government was "monitoring the situation '
        'closely". A statement said later that the airport would reopen.'
    )
    statements = run(nlp, text)
    ministry = about(statements, "the government was monitoring the situation closely")
    assert ministry.speaker_text == "A statement"
    assert "ministry" in (ministry.speaker or "")
    assert about(statements, "the airport would reopen").speaker != "transport ministry"


def test_the_statement_again_is_its_issuers(nlp: Any) -> None:
    text = (
        "In a statement, the transport ministry said the plan would go ahead. The statement added "
        "that fares would rise in March.\n\n"
        "Greenpeace issued a statement on Monday. “We will fight this in court,” the statement said."
    )
    statements = run(nlp, text)
    added = about(statements, "that fares would rise in March")
    assert added.speaker_text == "The statement"
    assert "ministry" in (added.speaker or "")
    fight = about(statements, "We will fight this in court")
    assert (fight.speaker_text, fight.speaker) == ("the statement", "Greenpeace")


def test_the_statement_is_the_speakers_not_the_aide_who_signed_it(nlp: Any) -> None:
    text = (
        "Mayor Ines Duarte, in a statement signed by her chief of staff, Paulo Mendes, said the "
        "budget was balanced. The statement added that no library would close."
    )
    added = about(run(nlp, text), "that no library would close")
    assert (added.speaker_text, added.speaker) == ("The statement", "Ines Duarte")


def test_the_agency_is_the_body_named_last_and_its_guidance_speaks_for_it(nlp: Any) -> None:
    text = (
        "Health Canada ordered the recall of a children's syrup made by Brantwell Pharmaceuticals on "
        "Monday after tests found bacteria in it, the agency said. The agency's guidance says parents "
        "should call a doctor if a fever lasts three days. It adds that healthy children are at very "
        "low risk.\n\n"
        "The EPA fined Exxon Mobil on Tuesday. The agency said the rule had been broken twice."
    )
    statements = run(nlp, text)
    assert about(statements, "parents should call a doctor if a fever lasts three days").speaker == (
        "Health Canada"
    )
    adds = about(statements, "that healthy children are at very low risk")
    assert (adds.speaker_text, adds.speaker) == ("It", "Health Canada")
    assert about(statements, "the rule had been broken twice").speaker == "EPA"


def test_the_agency_is_no_probe_nor_a_country_named_further_back(nlp: Any) -> None:
    text = (
        "One of the two solar arrays on the Nordic Space Organisation's Tern probe has failed to "
        "deploy, the agency said on Tuesday.\n\n"
        "OTTAWA — Health Canada on Monday ordered the recall of more than 180,000 bottles of a "
        "children's fever syrup, the agency said.\n\n"
        "Parents in Azerbaijan's capital were not affected. Pharmacists expect shortages.\n\n"
        "The agency's guidance says parents should call a doctor if a fever lasts three days."
    )
    statements = run(nlp, text)
    failed = about(
        statements,
        "One of the two solar arrays on the Nordic Space Organisation's Tern probe has failed to deploy",
    )
    assert failed.speaker == "Nordic Space Organisation"
    guidance = about(statements, "parents should call a doctor if a fever lasts three days")
    assert guidance.speaker == "Health Canada"


def test_a_statement_from_the_navy_is_the_navys_when_repeated(nlp: Any) -> None:
    text = (
        "According to a statement from the Solvaran navy carried by the state news agency, the cutter "
        "ignored repeated radio warnings. No Solvaran sailors were hurt, the statement said."
    )
    hurt = about(run(nlp, text), "No Solvaran sailors were hurt")
    assert hurt.speaker_text == "the statement"
    assert hurt.speaker == "Solvaran navy"


def test_a_statement_with_no_issuer_stays_unowned_when_repeated(nlp: Any) -> None:
    text = (
        "The ministry rejected the plan on Monday. A statement said the minister had resigned. "
        "The statement added that she would stay on as an MP."
    )
    added = about(run(nlp, text), "that she would stay on as an MP")
    assert added.speaker_text == "The statement"
    assert added.speaker != "ministry"


def test_a_document_speaks_for_its_possessor(nlp: Any) -> None:
    text = (
        "The Washington Post reported on Monday that the deal was off. Its report said officials "
        "had been warned.\n\n"
        "The AIU's decision said that Kamau had broken the anti-doping rules.\n\n"
        "Four hours earlier, a Clinton campaign memo was released. “We feel very good about our "
        "prospects,” the memo stated."
    )
    statements = run(nlp, text)
    warned = about(statements, "officials had been warned")
    assert (warned.speaker_text, warned.speaker) == ("Its report", "Washington Post")
    assert about(statements, "that Kamau had broken the anti-doping rules").speaker == "AIU"
    assert about(statements, "We feel very good about our prospects").speaker == "Clinton campaign"


def test_a_report_published_by_a_body_is_the_bodys(nlp: Any) -> None:
    text = "A report published by the Resolution Foundation found that wages had fallen."
    found = about(run(nlp, text), "that wages had fallen")
    assert found.speaker == "Resolution Foundation"
    assert found.speaker_text == "A report"


def test_a_business_named_in_apposition_speaks_and_is_the_company_later(nlp: Any) -> None:
    text = (
        "The operator, Hydra Power, denies any wrongdoing. In a written submission, the company "
        "said it had complied with every condition of its licence."
    )
    statements = run(nlp, text)
    denies = about(statements, "any wrongdoing")
    assert denies.speaker_text == "The operator"
    assert (denies.speaker, denies.speaker_type) == ("Hydra Power", "ORG")
    complied = about(statements, "it had complied with every condition of its licence")
    assert (complied.speaker_text, complied.speaker) == ("the company", "Hydra Power")


def test_a_person_named_in_apposition_to_a_role_is_still_a_person(nlp: Any) -> None:
    text = "The harbour master, Ivo Laine, said the harbour would stay closed until Friday."
    said = about(run(nlp, text), "the harbour would stay closed until Friday")
    assert (said.speaker, said.speaker_type) == ("Ivo Laine", "PERSON")


def test_a_description_is_the_person_the_next_sentence_names_with_that_role(nlp: Any) -> None:
    text = (
        "The health secretary of Valdoria said on Monday that field hospitals were running out "
        "of supplies. Priya Shah, the health secretary, told a news conference that three convoys "
        "had been turned back."
    )
    said = about(run(nlp, text), "field hospitals were running out of supplies")
    assert said.speaker_text == "The health secretary"
    assert said.speaker == "Priya Shah"


def test_a_description_ahead_of_an_unrelated_name_stays_unresolved(nlp: Any) -> None:
    text = (
        "The health secretary said on Monday that field hospitals were running out of supplies. "
        "Tomas Reinholt, a spokesman for the foreign ministry, said the convoys carried weapons."
    )
    said = about(run(nlp, text), "field hospitals were running out of supplies")
    assert said.speaker is None


def test_a_statement_put_out_by_someone_is_theirs(nlp: Any) -> None:
    text = (
        "On Friday the Harbour Authority issued a statement saying the ferry terminal would reopen "
        "next week. The ministry released a statement saying the talks had failed."
    )
    statements = run(nlp, text)
    saying = about(statements, "the ferry terminal would reopen next week")
    assert (saying.speaker_text, saying.speaker) == ("a statement", "Harbour Authority")
    failed = about(statements, "the talks had failed")
    assert (failed.speaker_text, failed.speaker) == ("a statement", "ministry")


def test_a_statement_no_one_is_said_to_issue_has_no_owner(nlp: Any) -> None:
    text = "The terminal stayed shut. A statement said the ferry terminal would reopen next week."
    said = about(run(nlp, text), "the ferry terminal would reopen next week")
    assert said.speaker_text == "A statement"
    assert said.speaker != "terminal"


def test_an_organisation_noun_before_a_name_makes_it_an_organisation(nlp: Any) -> None:
    text = "The union Unite called the cuts a betrayal and said it would fight them."
    called = about(run(nlp, text), "the cuts a betrayal")
    assert (called.speaker, called.speaker_type) == ("Unite", "ORG")


def test_a_counterpart_holds_the_same_office_as_the_possessor(nlp: Any) -> None:
    text = (
        "Foreign Minister Anya Petrova said the talks had failed. Valdorian Foreign Minister Ilya "
        "Sorin was in Geneva. Her Valdorian counterpart said they had not."
    )
    said = about(run(nlp, text), "they had not")
    assert said.speaker == "Ilya Sorin"


def test_a_counterpart_nobody_holds_stays_unresolved(nlp: Any) -> None:
    text = (
        "According to Dmitri Volk, a security researcher, the images show nothing. The Kessrian "
        "foreign minister, Anya Petrova, said the claims were invented. Her Valdorian counterpart "
        'called the remark "insulting".'
    )
    called = about(run(nlp, text), "the remark")
    assert called.speaker is None


def test_a_spokeswomans_she_goes_on_into_the_next_paragraph(nlp: Any) -> None:
    text = (
        "Nurses to strike\n\n"
        "Union secretary Bernadette Yuen said the memo proved the health service had been negotiating "
        "in bad faith.\n\n"
        "A spokeswoman for Bayside Metro Health said the memo was routine. “Every responsible employer "
        "plans for the possibility of industrial action,” she said. “It would be negligent not to.”\n\n"
        "She denied that the offer had been deliberately set low."
    )
    statements = run(nlp, text)
    assert about(statements, "that the offer had been deliberately set low").speaker == "Bayside Metro Health"


def test_a_description_goes_on_with_the_person_who_just_spoke(nlp: Any) -> None:
    # the article never calls Sanders a senator: the description re-names the one who spoke last
    text = (
        "Bernie Sanders said billionaires would have to pay their fair share.\n\n"
        "The Vermont senator said he would stay in the race until the convention."
    )
    said = about(run(nlp, text), "he would stay in the race until the convention")
    assert said.speaker == "Bernie Sanders"
    assert said.speaker_text == "The Vermont senator"


def test_a_description_of_someone_else_does_not_go_on_with_the_last_speaker(nlp: Any) -> None:
    cases = [
        # someone who speaks for another
        (
            "Donald Trump said the wall would be built. The spokesman said the plan was final.",
            "the plan was final",
        ),
        # the one asked answers
        (
            "“That would be you?” Gloria Borger asked.\n\n“That would be me, yes,” the senator said.",
            "That would be me, yes,",
        ),
        # an office besides the one the article gave the last speaker
        (
            "Defence lawyer Ben Brafman said the sentence was unusual. The judge said the law was clear.",
            "the law was clear",
        ),
        # the noun was said of someone brought in before
        (
            "An official at the embassy said talks had stalled. Maria Lopez said the mine was closed. "
            "“Nobody disputes the tax,” the official said.",
            "Nobody disputes the tax,",
        ),
        # a nationality the last speaker's roles lack
        (
            "Belarusian President Alexander Lukashenko said the border was closed. The Russian leader "
            "said the border was open.",
            "the border was open",
        ),
    ]
    for text, content in cases:
        said = about(run(nlp, text), content)
        assert said.speaker is None, (text, said.speaker)


def test_they_after_a_spokesperson_is_the_spokesperson(nlp: Any) -> None:
    text = (
        "A Home Office spokesperson said the government was investing more in border staff. "
        "“We know there is more to do,” they added."
    )
    added = about(run(nlp, text), "We know there is more to do,")
    assert added.speaker == "Home Office"
    # an unnamed spokesperson's "they" is nobody's, not the group named before
    text = (
        "Residents said the road was dangerous. A council spokesperson said it would reopen. "
        "“It is not safe to open it yet,” they said."
    )
    said = about(run(nlp, text), "It is not safe to open it yet,")
    assert said.speaker != "Residents"
