"""Cue verbs in constructions that change what they do: a particle that makes an action ("called off"),
and a fronted "as" clause that attributes the clause it opens; on fictional items."""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import run


def test_calling_off_a_strike_is_no_statement(nlp: Any) -> None:
    text = "Nurses at St Mary's Hospital called off a planned 48-hour strike late on Wednesday."
    assert not any("called" in (s.cue or "") for s in run(nlp, text))


def test_calling_for_a_strike_still_is(nlp: Any) -> None:
    text = "The union called for a 48-hour strike at St Mary's Hospital late on Wednesday."
    assert any("called" in (s.cue or "") for s in run(nlp, text))


def test_as_x_noted_attributes_the_clause_it_opens(nlp: Any) -> None:
    text = (
        "As the auditor general noted in her report last month, the department has not published a "
        "single figure to back that claim.\n\nAs they say, the proof of the pudding is in the eating.\n\n"
        "As he left the building, the crowd cheered."
    )
    statements = run(nlp, text)
    noted = [s for s in statements if s.cue == "noted"]
    assert len(noted) == 1
    assert noted[0].speaker_text == "the auditor general"
    assert noted[0].content == "the department has not published a single figure to back that claim"
    assert not any(s.cue in ("say", "left") for s in statements)  # an idiom; no speech verb
