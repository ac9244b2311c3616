"""A title-case headline joining two attributions with "as": each speaker keeps its own content.

Fictional headlines written for these tests (the demo corpus has the same shape).
"""

from __future__ import annotations

from typing import Any

from .test_extract_speakers import run

BODY = "\n\nThe fire at the Ostby grain terminal burned through the night, the coastguard said.\n"


def test_second_clause_ends_the_first_content(nlp: Any) -> None:
    text = "Coastguard Says Nine Hurt in Ostby Fire as Union Cries Negligence" + BODY
    statements = run(nlp, text)
    headline = [s for s in statements if s.content_span.end <= text.index("\n")]
    contents = {s.content for s in headline}
    assert "Nine Hurt in Ostby Fire" in contents
    assert not any("Negligence" in c and "Nine" in c for c in contents)
    second = next(s for s in headline if s.content == "Negligence")
    assert (second.speaker, second.cue) == ("Union", "Cries")


def test_as_without_a_speaking_clause_stays_content(nlp: Any) -> None:
    text = "Mayor Warns Ferry Fares Will Rise as Fuel Costs Climb" + BODY
    statements = run(nlp, text)
    headline = [s for s in statements if s.content_span.end <= text.index("\n")]
    assert all(s.cue != "Climb" for s in headline)
    assert any(s.content.endswith("as Fuel Costs Climb") for s in headline)


def test_a_clause_verb_alone_is_no_attribution(nlp: Any) -> None:
    """ "Cries" attributes only after a headline attribution; heading the line alone it is literal."""
    text = "Nine Hurt in Ostby Fire as Union Cries Negligence" + BODY
    statements = run(nlp, text)
    assert all(s.content_span.start > text.index("\n") for s in statements)


def test_a_compound_noun_headline_has_no_speaker(nlp: Any) -> None:
    # "talks" after a bare noun is the noun ("ceasefire talks"), not a cue with "Ceasefire" speaking
    text = "Ceasefire talks stall as both sides trade blame\n\nThe talks broke up on Monday."
    statements = run(nlp, text)
    assert all(s.cue != "talks" for s in statements)
    assert all(s.speaker != "Ceasefire" for s in statements)


def test_a_title_before_claims_is_still_a_speaker(nlp: Any) -> None:
    text = "Minister claims victory in budget vote\n\nThe vote was held on Monday."
    claims = [s for s in run(nlp, text) if s.cue == "claims"]
    assert [s.speaker_text for s in claims] == ["Minister"]
