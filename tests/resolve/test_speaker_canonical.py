"""The name rules resolve makes speakers canonical with, on names written for these tests."""

from __future__ import annotations

from whosaid.resolve.names import person_name, same_person_name, without_epithets
from whosaid.resolve.org_clusters import tail_short_form


def test_an_epithet_before_a_given_name_is_no_part_of_the_name() -> None:
    assert without_epithets("Crooked Hillary Clinton") == "Hillary Clinton"
    assert without_epithets("Universe Alicia Machado") == "Alicia Machado"
    # only when the article writes the shorter name, if the caller says which names it writes
    assert without_epithets("Earl Ray Tomblin", frozenset({"earl ray tomblin"})) == "Earl Ray Tomblin"
    assert without_epithets("Guajardo Villarreal") == "Guajardo Villarreal"


def test_two_epithets_of_one_person_agree_and_two_given_names_do_not() -> None:
    crooked, rival = person_name("Crooked Hillary Clinton"), person_name("Rival Hillary Clinton")
    bill = person_name("Bill Clinton")
    assert crooked is not None and rival is not None and bill is not None
    assert same_person_name(crooked, rival)
    assert not same_person_name(crooked, bill)


def test_a_newspaper_is_called_again_by_its_last_words() -> None:
    assert tail_short_form("The Post", "New York Post")
    assert tail_short_form("Daily News", "New York Daily News")
    assert not tail_short_form("the post", "New York Post")  # a common noun, not the paper's name
    assert not tail_short_form("House", "White House")  # a body of its own
    assert not tail_short_form("Times", "Times")
