"""British copy in plain text quotes with straight apostrophes ('like this'): those are quotations,
while elisions and possessives ("rock 'n' roll", "the workers' union") are not."""

from __future__ import annotations

from typing import Any

import pytest

from whosaid.extract.quotes import find_quotes

from .test_extract_speakers import about, run


def inner(text: str) -> list[str]:
    return [text[r.inner_start : r.inner_end] for r in find_quotes(text) if r.depth == 0]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Shah said: 'Spending is high. Nobody is fooled.'", ["Spending is high. Nobody is fooled."]),
        ("'He knows this,' she added. 'He has seen it.'", ["He knows this,", "He has seen it."]),
        ("He called them 'reckless scaremongering'.", ["reckless scaremongering"]),
        ("Rock 'n' roll is 'dead', he said.", ["dead"]),
        ("The workers' union and the students' union met 'til late in the '90s.", []),
        ("Shah's plan was 'bold' and 'risky' says Marsh.", []),
    ],
)
def test_straight_single_quotations(text: str, quoted: list[str]) -> None:
    assert inner(text) == quoted


def test_a_double_quotation_keeps_its_apostrophes_nested() -> None:
    text = "\"He told me 'no way', and left,\" she said."
    regions = find_quotes(text)
    top = [text[r.inner_start : r.inner_end] for r in regions if r.depth == 0]
    assert top == ["He told me 'no way', and left,"]


def test_british_quote_is_a_direct_statement_with_its_speaker(nlp: Any) -> None:
    text = (
        "Speaking to the Commons on Monday, Priya Shah said: 'Spending on the health service is at a "
        "record high. Nobody should be fooled by these figures.'\n\n"
        "Owen Marsh disagreed. 'The minister knows this,' he added. 'She has seen the same reports.'"
    )
    statements = run(nlp, text)
    shah = about(statements, "Spending on the health service is at a record high. Nobody should be fooled")
    assert shah.kind == "direct"
    assert shah.speaker == "Priya Shah"
    assert shah.content.endswith("fooled by these figures.")
    marsh = about(statements, "The minister knows this She has seen the same reports")
    assert marsh.speaker == "Owen Marsh"
    assert all(s.cue != "has seen" for s in statements)  # the quoted words hold no cue of their own
