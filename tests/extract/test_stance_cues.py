"""Session 6 candidates (golden file data/stance/stances.*): a stance or feeling stated by a
predicate after a copula ("has been critical of X", "are afraid that …", "is unlikely to …"), and
the noun a cue's relative clause leaves as its object ("a deal the mayor once supported"), and a
reaction told from the side of what it is about ("The plan drew criticism from X"). The
candidates are checked as the rules build them (no learned end); whether a statement is reported is
the trained filter's choice, so the filter's input (``parse_candidates``) is checked to hold them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from whosaid.extract.adjective_cues import from_copula
from whosaid.extract.attribution import QuoteMap
from whosaid.extract.boundary import BOUNDARY_MODEL
from whosaid.extract.candidates import Candidate
from whosaid.extract.quotes import find_quotes
from whosaid.extract.received_cues import from_received
from whosaid.extract.relative_cues import from_relative
from whosaid.extract.selection import parse_candidates

from .helpers import golden_pair


@pytest.fixture
def rules_end() -> Iterator[None]:
    BOUNDARY_MODEL.use(None)
    yield
    BOUNDARY_MODEL.reset()


def _golden(nlp: Language) -> tuple[Doc, dict[str, Any]]:
    text, expected = golden_pair("stance", "stances")
    return nlp(text), expected


def _built(doc: Doc) -> list[Candidate]:
    found = [cand for tok in doc for cand in from_copula(tok)]
    found += [cand for tok in doc if (cand := from_relative(tok)) is not None]
    return found + [cand for tok in doc if (cand := from_received(tok)) is not None]


def _cue(doc: Doc, cand: Candidate) -> str:
    last = doc[cand.cue_end - 1]
    return doc.text[doc[cand.cue_start].idx : last.idx + len(last.text)]


def _described(doc: Doc, cand: Candidate) -> dict[str, Any]:
    head = cand.speaker_head
    return {
        "cue": _cue(doc, cand),
        "content": doc.text[cand.content_start : cand.content_end],
        "form": cand.form,
        "speaker": head.text if head is not None else None,
    }


@pytest.mark.usefixtures("rules_end")
def test_golden_stance_candidates_are_built(nlp: Language) -> None:
    doc, expected = _golden(nlp)
    built = [_described(doc, cand) for cand in _built(doc)]
    for item in expected["candidates"]:
        assert item in built, f"{item['cue']}: {item['content']!r} not built; got {built}"


@pytest.mark.usefixtures("rules_end")
def test_no_stance_candidate_where_the_noun_acts_or_the_clause_is_a_circumstance(nlp: Language) -> None:
    doc, expected = _golden(nlp)
    for opening in expected["no_candidate_in"]:
        start = doc.text.index(opening)
        sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
        inside = [c for c in _built(doc) if sentence.start <= c.cue_start < sentence.end]
        assert not inside, f"{opening!r}: {[_described(doc, c) for c in inside]}"


@pytest.mark.usefixtures("rules_end")
def test_the_filter_sees_the_new_candidates_with_offsets_intact(nlp: Language) -> None:
    doc, expected = _golden(nlp)
    offered = parse_candidates(doc, QuoteMap(find_quotes(doc.text)), True)
    forms = {cand.form for cand, _ in offered}
    assert {"pred_prep", "pred_clause", "pred_inf", "relative_object", "received_from"} <= forms
    for cand, features in offered:
        assert (
            doc.text[cand.content_start : cand.content_end].strip()
            == doc.text[cand.content_start : cand.content_end]
        )
        if cand.form.startswith("pred_"):
            # the filter reads the predicate word as the cue's lemma: "critical", "supporter"
            assert any(
                f in features
                for f in (
                    "lemma=critical",
                    "lemma=afraid",
                    "lemma=supporter",
                    "lemma=confident",
                    "lemma=unlikely",
                    "lemma=clear",
                )
            )
    wanted = {(item["cue"], item["content"]) for item in expected["candidates"]}
    assert wanted <= {
        (_cue(doc, cand), doc.text[cand.content_start : cand.content_end]) for cand, _ in offered
    }
