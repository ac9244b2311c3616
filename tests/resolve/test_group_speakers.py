"""Speakers as the resolve stage names them. Group speakers keep the words that say which group
they are ("People familiar with the matter", "Officials in neighbouring Kessria"), and a name
inside those words does not make the group that person or place. A description set before a name
("The Kessrian foreign minister, Anya Petrova,") belongs to that name. Short fictional articles,
analysed by the real pipeline."""

from __future__ import annotations

from datetime import date
from typing import Any

from whosaid.model import Article, Statement, content_id


def _analyse(nlp: Any, text: str) -> tuple[str, list[Statement]]:
    from whosaid.pipeline import analyze

    article = Article(id=content_id(text), text=text, published=date(2026, 5, 4), outlet="Test Wire")
    return text, analyze(article, nlp).statements


def _about(statements: list[Statement], content: str) -> Statement:
    found = [s for s in statements if content in s.content]
    assert found, (content, [s.content for s in statements])
    return found[0]


def test_a_group_keeps_its_modifiers(nlp: Any) -> None:
    text, statements = _analyse(
        nlp, "People familiar with the matter said the shipping line had already diverted two vessels."
    )
    said = _about(statements, "the shipping line had already diverted two vessels")
    assert (said.speaker, said.speaker_type) == ("People familiar with the matter", "GROUP")
    assert said.speaker_span is not None
    assert said.speaker_span.of(text) == "People familiar with the matter"


def test_a_name_inside_a_group_does_not_become_the_speaker(nlp: Any) -> None:
    _, statements = _analyse(
        nlp,
        "Kessria closed the border on Friday. Officials in neighbouring Kessria rejected the "
        "account on Monday and said the convoys carried weapons.",
    )
    said = _about(statements, "the convoys carried weapons")
    assert said.speaker == "Officials in neighbouring Kessria"
    assert said.speaker_type == "GROUP"


def test_a_group_stops_before_a_participle_that_carries_the_content(nlp: Any) -> None:
    _, statements = _analyse(
        nlp,
        "Dock workers in Larsport walked out on Sunday, with union members saying the pay offer "
        "was an insult.",
    )
    assert all(s.speaker is None or "saying" not in s.speaker for s in statements)


def test_a_description_set_before_a_name_is_that_persons(nlp: Any) -> None:
    # the resolve stage gave "The Kessrian foreign minister" to the researcher named before
    _, statements = _analyse(
        nlp,
        "Valdorian President Elena Marisova said a drone had been shot down. According to Dmitri "
        "Volk, a security researcher, satellite images show nothing unusual. "
        "The Kessrian foreign minister, Anya Petrova, was quoted by KNA as saying that the claims "
        "were invented.",
    )
    quoted = _about(statements, "the claims were invented")
    assert quoted.speaker == "Anya Petrova"
    assert quoted.via == "KNA"
