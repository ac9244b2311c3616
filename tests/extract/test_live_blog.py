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


INTERVIEW = (
    "Q&A: The new schools chief on budgets and phones\n\n"
    "Dana Whitfield took over as the city's schools superintendent in July. She spoke to the Gazette "
    "about her priorities.\n\n"
    "Q: What is your first priority?\n\n"
    "A: Keeping good teachers. We lost 300 last year, and you cannot run a school system on substitutes.\n\n"
    "Q: Will you ban phones in classrooms?\n\n"
    "A: Yes. From January, phones will stay in lockers during lessons.\n\n"
    "Whitfield said she would present a budget in October."
)


def test_interview_answers_are_the_interviewees_words(nlp: Any) -> None:
    statements = run(nlp, INTERVIEW)
    first = about(
        statements, "Keeping good teachers. We lost 300 last year, and you cannot run a school system"
    )
    assert (first.kind, first.speaker, first.cue) == ("direct", "Dana Whitfield", "A:")
    phones = about(statements, "Yes. From January, phones will stay in lockers during lessons.")
    assert phones.speaker == "Dana Whitfield"
    assert not any(s.speaker_text == "Q&A" for s in statements)  # a label, not a speaker
    assert not any(s.content.startswith(("What is your", "Will you ban")) for s in statements)


def test_a_lone_a_colon_without_questions_is_no_answer(nlp: Any) -> None:
    text = "Dana Whitfield spoke on Monday.\n\nA: list of the schools that will close next year follows."
    assert not any(s.cue == "A:" for s in run(nlp, text))


def test_a_correction_label_is_no_speaker(nlp: Any) -> None:
    text = (
        "10:14 GMT\n\n"
        "Correction: an earlier version of the 09:02 post, based on a first agency flash, said Iran "
        "would boycott the shipping session as well."
    )
    said = about(run(nlp, text), "Iran would boycott the shipping session as well")
    assert said.speaker != "Correction"
    assert said.speaker_text != "Correction"
