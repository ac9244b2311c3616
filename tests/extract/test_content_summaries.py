"""Where a reported clause ends when the reporter adds to it: a closing summary of the claim with
who disputes it (", an accusation the company has denied") is narration, while a second verb that
repeats the clause's auxiliary ("had reviewed … and had added …") is more of what was said; on
short fictional items written for these tests."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import about, run


def test_a_closing_accusation_the_accused_denies_is_no_part_of_the_claim(nlp: Any) -> None:
    text = (
        "Rights groups said that guards employed by the contractor had beaten detainees at a camp "
        "near Misrata, an accusation the contractor has denied."
    )
    said = about(run(nlp, text), "guards employed by the contractor had beaten detainees")
    assert (
        said.content == "that guards employed by the contractor had beaten detainees at a camp near Misrata"
    )


def test_a_closing_point_the_other_side_disputes_is_no_part_of_the_claim(nlp: Any) -> None:
    text = (
        "The operator said that the deal depended only on small changes to rostering for new "
        "starters, a point the union disputes."
    )
    said = about(run(nlp, text), "the deal depended only on small changes to rostering")
    assert said.content.endswith("rostering for new starters")


def test_a_summary_noun_without_a_clause_of_its_own_stays(nlp: Any) -> None:
    text = "The mayor said the bridge would reopen in May, a month earlier than planned."
    said = about(run(nlp, text), "the bridge would reopen in May")
    assert said.content.endswith("a month earlier than planned")


def test_a_second_verb_with_the_same_auxiliary_is_more_of_what_was_said(nlp: Any) -> None:
    text = (
        "The regulator said that it had reviewed the incident with the controller involved and had "
        "added a second controller to overnight shifts at the tower."
    )
    said = about(run(nlp, text), "it had reviewed the incident with the controller involved and had added")
    assert said.content.endswith("added a second controller to overnight shifts at the tower")


def test_a_second_cue_of_the_speaker_still_ends_the_content(nlp: Any) -> None:
    text = "The minister said the rise was fair but urged both sides to return to talks."
    said = about(run(nlp, text), "the rise was fair")
    assert said.content == "the rise was fair"


def test_a_closing_allegation_stays_out_however_the_parser_hangs_it(nlp: Any) -> None:
    text = (
        "The military government accused its neighbour on Thursday of plotting against it, alleging "
        "that Benin is allowing foreign soldiers to use its territory to train fighters intent on "
        "destabilising Niger, an allegation Cotonou rejected on Friday as a fabrication."
    )
    alleging = about(run(nlp, text), "that Benin is allowing foreign soldiers to use its territory")
    assert alleging.content.endswith("intent on destabilising Niger")


def test_a_closing_cue_after_a_quotation_does_not_take_the_sentence_before_it(nlp: Any) -> None:
    text = (
        "Imogen Achterberg, who created the drama and wrote most of its episodes, responded within "
        "the hour on X. 'We were never given a chance,' she wrote. 'Series two went out at 10.40pm "
        "on a Sunday opposite the football.'"
    )
    statements = run(nlp, text)
    assert not any(s.content.startswith("Imogen Achterberg, who created") for s in statements)
    wrote = about(statements, "We were never given a chance Series two went out at 10.40pm on a Sunday")
    assert wrote.speaker == "Imogen Achterberg"
