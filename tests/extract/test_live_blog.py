"""Live-blog furniture: a time stamp opening a paragraph is neither speaker nor content, and the
quoted words after "Name:" are no role of that name; on fictional items written for these tests."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import about, run

LIVE = (
    "Election night\n\n"
    "22:40 — The Republican candidate, Tom Becker, thanked his volunteers.\n\n"
    "23:05 — Turnout was the highest in 60 years, state officials said.\n\n"
    "9.15am: Senator Maria Alvarez said she would not seek a recount.\n\n"
    'Alvarez: "No. We thought the suburbs would hold."'
)


def test_time_stamps_stay_out_of_speakers_and_contents(nlp: Any) -> None:
    statements = run(nlp, LIVE)
    for stmt in statements:
        assert not stmt.content.startswith(("22:40", "23:05", "9.15")), stmt.content
        assert not (stmt.speaker_role or "").startswith(("22:40", "9.15")), stmt.speaker_role
        assert not (stmt.speaker_text or "").startswith(("22:40", "9.15")), stmt.speaker_text
    turnout = about(statements, "Turnout was the highest in 60 years")
    assert turnout.content == "Turnout was the highest in 60 years"
    assert turnout.speaker == "state officials"
    thanked = about(statements, "his volunteers")
    assert thanked.speaker == "Tom Becker"
    assert (thanked.speaker_role or "").lower().endswith("republican candidate")


def test_quoted_words_after_a_name_and_colon_are_no_role(nlp: Any) -> None:
    answer = about(run(nlp, LIVE), "No. We thought the suburbs would hold.")
    assert answer.speaker == "Maria Alvarez"
    assert answer.speaker_role is None
