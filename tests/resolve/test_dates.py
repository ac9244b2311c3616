"""Date expressions resolved against a publication date, on sentences written for the test."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from whosaid.model import Span, Statement
from whosaid.resolve.dates import resolve_dates
from whosaid.resolve.said_on import date_statements

PUBLISHED = date(2024, 3, 26)  # a Tuesday


@pytest.fixture(scope="module")
def base_nlp() -> Any:
    from whosaid.nlp import load_base

    return load_base()


def _one(text: str, nlp: Any = None, published: date = PUBLISHED) -> tuple[str, date, date, str]:
    doc = nlp(text) if nlp is not None else None
    found = resolve_dates(text, "t", published, doc)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.span.start : d.span.end] == d.text
    return d.text, d.value, d.value_end, d.granularity


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The minister said Tuesday that talks failed.",
            ("Tuesday", date(2024, 3, 26), date(2024, 3, 26), "day"),
        ),
        (
            "Police made arrests early Saturday.",
            ("early Saturday", date(2024, 3, 23), date(2024, 3, 23), "day"),
        ),
        ("He spoke Monday evening.", ("Monday evening", date(2024, 3, 25), date(2024, 3, 25), "day")),
        (
            "Officials said earlier Tuesday it was over.",
            ("earlier Tuesday", date(2024, 3, 26), date(2024, 3, 26), "day"),
        ),
        ("They met last Tuesday.", ("last Tuesday", date(2024, 3, 19), date(2024, 3, 19), "day")),
        (
            "The attack came late last week.",
            ("late last week", date(2024, 3, 21), date(2024, 3, 23), "range"),
        ),
        ("It began early last week.", ("early last week", date(2024, 3, 18), date(2024, 3, 20), "range")),
        ("Prices rose last week.", ("last week", date(2024, 3, 18), date(2024, 3, 24), "week")),
        ("Prices rose last month.", ("last month", date(2024, 2, 1), date(2024, 2, 29), "month")),
        ("Sales fell last year.", ("last year", date(2023, 1, 1), date(2023, 12, 31), "year")),
        (
            "Prices rose earlier this month.",
            ("earlier this month", date(2024, 3, 1), date(2024, 3, 26), "range"),
        ),
        ("The vote was held on March 22.", ("March 22", date(2024, 3, 22), date(2024, 3, 22), "day")),
        ("The vote was held on Dec. 3.", ("Dec. 3", date(2023, 12, 3), date(2023, 12, 3), "day")),
        ("It was signed on March 22, 2019.", ("March 22, 2019", date(2019, 3, 22), date(2019, 3, 22), "day")),
        ("The siege happened in 2004.", ("2004", date(2004, 1, 1), date(2004, 12, 31), "year")),
        ("The law passed in May 2023.", ("May 2023", date(2023, 5, 1), date(2023, 5, 31), "month")),
        ("It was agreed in January.", ("January", date(2024, 1, 1), date(2024, 1, 31), "month")),
        ("The results came yesterday.", ("yesterday", date(2024, 3, 25), date(2024, 3, 25), "day")),
        ("He resigned two weeks ago.", ("two weeks ago", date(2024, 3, 11), date(2024, 3, 17), "week")),
    ],
)
def test_relative_and_absolute_dates(sentence: str, expected: tuple[str, date, date, str]) -> None:
    assert _one(sentence) == expected


def test_future_tense_moves_a_weekday_forward(base_nlp: Any) -> None:
    assert _one("The leaders will meet on Friday.", base_nlp)[1] == date(2024, 3, 29)
    assert _one("The leaders met on Friday.", base_nlp)[1] == date(2024, 3, 22)
    assert _one("They will meet next Tuesday.", base_nlp)[1] == date(2024, 4, 2)


def test_modal_may_is_no_month() -> None:
    assert resolve_dates("Talks may resume soon, he said.", "t", PUBLISHED) == []


def test_no_publication_date_means_no_dates() -> None:
    assert resolve_dates("He spoke on Tuesday.", "t", None) == []


def indirect_statement(text: str, content: str, cue: str, after: int = 0) -> Statement:
    """An indirect statement of ``text`` with the first ``content`` and ``cue`` from ``after``."""
    start, cue_start = text.index(content, after), text.index(cue, after)
    return Statement(
        "t",
        "indirect",
        content,
        Span(start, start + len(content)),
        cue,
        Span(cue_start, cue_start + len(cue)),
    )


def test_said_on_comes_from_the_cue_clause_only(base_nlp: Any) -> None:
    text = "The mayor said Monday that the bridge fell on Saturday. The chief said the road is shut."
    doc = base_nlp(text)
    dates = resolve_dates(text, "t", PUBLISHED, doc)
    first = indirect_statement(text, "the bridge fell on Saturday", "said")
    second = indirect_statement(text, "the road is shut", "said", text.index("The chief"))
    date_statements(doc, [first, second], dates, PUBLISHED)
    assert (first.said_on, first.said_on_is_fallback) == (date(2024, 3, 25), False)
    assert (second.said_on, second.said_on_is_fallback) == (PUBLISHED, True)


def test_a_day_in_a_clause_of_the_cue_dates_that_clause_not_the_speech(base_nlp: Any) -> None:
    text = (
        "A spokeswoman warned of serious delays if the blockade lasted beyond Wednesday. "
        "The minister told parliament on Sunday that the port would reopen."
    )
    doc = base_nlp(text)
    dates = resolve_dates(text, "t", PUBLISHED, doc)
    warned = indirect_statement(text, "serious delays", "warned")
    told = indirect_statement(text, "that the port would reopen", "told")
    date_statements(doc, [warned, told], dates, PUBLISHED)
    assert (warned.said_on, warned.said_on_is_fallback) == (PUBLISHED, True)
    assert told.said_on_is_fallback is False
    assert told.said_on is not None and told.said_on.weekday() == 6  # the Sunday before publication


def test_a_day_the_cues_document_came_out_dates_the_speech(base_nlp: Any) -> None:
    text = (
        "In a letter to shareholders published on Tuesday, the chief executive wrote that fares "
        "would rise by about 8% this summer."
    )
    doc = base_nlp(text)
    wrote = indirect_statement(text, "that fares would rise by about 8% this summer", "wrote")
    date_statements(doc, [wrote], resolve_dates(text, "t", PUBLISHED, doc), PUBLISHED)
    assert wrote.said_on_is_fallback is False
    assert wrote.said_on is not None and wrote.said_on.weekday() == 1
