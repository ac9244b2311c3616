"""Verbs of the cue lexicon that a particle turns into an action; on fictional items."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import run


def test_calling_off_a_strike_is_no_statement(nlp: Any) -> None:
    text = "Nurses at St Mary's Hospital called off a planned 48-hour strike late on Wednesday."
    assert not any("called" in (s.cue or "") for s in run(nlp, text))


def test_calling_for_a_strike_still_is(nlp: Any) -> None:
    text = "The union called for a 48-hour strike at St Mary's Hospital late on Wednesday."
    assert any("called" in (s.cue or "") for s in run(nlp, text))
