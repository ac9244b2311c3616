"""Candidates the generator offers (golden file data/generation/raised_and_edges.*): raised
subjects ("X is expected to …", speaker-less, cue left out), "called for X to …" without "for",
the object of an object noun, a content before its cue kept whole, a name in apposition kept, a
sentence-opening "In a new survey, …". The trained filter can only keep what is offered, so these
check generation itself, whatever model ships."""

from __future__ import annotations

import json
from typing import Any

from spacy.language import Language

from whosaid.extract.attribution import QuoteMap, snap, trimmed_parts
from whosaid.extract.candidates import Candidate, from_poll, from_verb
from whosaid.extract.cues import load_lexicon

from .helpers import DATA


def _candidates(nlp: Language) -> tuple[str, list[tuple[str, Candidate]]]:
    text = (DATA / "generation" / "raised_and_edges.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    found = [(tok.text, cand) for tok in doc for cand in from_verb(tok, load_lexicon(), True)]
    found += [(tok.text, cand) for tok in doc if (cand := from_poll(tok)) is not None]
    return text, found


def _expected() -> list[dict[str, Any]]:
    data = json.loads((DATA / "generation" / "raised_and_edges.json").read_text(encoding="utf-8"))
    items: list[dict[str, Any]] = data["candidates"]
    return items


def test_golden_candidates_are_offered(nlp: Language) -> None:
    text, found = _candidates(nlp)
    for item in _expected():
        offered = [
            cand
            for cue, cand in found
            if cue == item["cue"] and text[cand.content_start : cand.content_end] == item["content"]
        ]
        assert offered, f"{item['cue']}: {item['content']!r} not offered"
        cand = offered[0]
        if "form" in item:
            assert cand.form == item["form"]
        speaker = cand.speaker_head.text if cand.speaker_head is not None else None
        assert speaker == item["speaker"]


def test_raised_content_leaves_the_cue_out(nlp: Language) -> None:
    text, found = _candidates(nlp)
    for item in _expected():
        if "parts" not in item:
            continue
        cand = next(c for cue, c in found if cue == item["cue"] and c.form == item["form"])
        draft = snap(cand, QuoteMap([]), text)
        assert [span.of(text) for span in trimmed_parts(text, draft.parts)] == item["parts"]


def test_active_say_does_not_raise(nlp: Language) -> None:
    _, found = _candidates(nlp)
    assert all(c.form != "raising" for cue, c in found if cue == "said")


# A speech verb, a raised clause ending in a colon, then a quotation.
RAISED_THEN_COLON = (
    "Harbour Report\n\n"
    "As the Gazette’s Lena Holm reported after the agency appears to have abandoned the dock in "
    'Karsvik:\n\n"For example, the agency has done almost nothing with the records it recovered '
    'during the inspection in May. Nobody has read them."'
)


def test_a_quotation_after_a_colon_drops_the_pieces_of_the_clause_before_it(nlp: Language) -> None:
    # "… the agency appears to have abandoned the dock:" offers a raised content in two pieces; when
    # the quotation after the colon becomes the content instead, those pieces must not come along.
    text = RAISED_THEN_COLON
    statements = nlp(text)._.quotes
    assert statements
    for stmt in statements:
        span = stmt.content_span
        assert text[span.start : span.end] == stmt.content
        for part in stmt.content_parts:
            assert span.start <= part.start < part.end <= span.end, (stmt.content_parts, span)
            assert text[part.start : part.end].strip()


def test_a_quotation_after_a_raised_clause_goes_to_the_speech_verb_before_it(nlp: Language) -> None:
    # "X reported after the agency appears to have abandoned the dock: “…”": the raising verb
    # (appears) says nothing; the quotation is what X reported.
    text = RAISED_THEN_COLON
    statements = nlp(text)._.quotes
    quote = next(s for s in statements if s.content.startswith("For example"))
    assert quote.kind == "direct"
    assert quote.cue == "reported"
    assert quote.speaker is not None and quote.speaker.endswith("Holm")


def test_a_raised_clause_without_a_speech_verb_before_it_keeps_its_cue(nlp: Language) -> None:
    text = (
        "The mill closed in March. It seems unfair to simply tell the families who built this town: "
        '"We are sorry, but the work is gone now."'
    )
    statements = nlp(text)._.quotes
    quote = next(s for s in statements if s.content.startswith("We are sorry"))
    assert quote.cue == "seems"
    assert quote.speaker is None
