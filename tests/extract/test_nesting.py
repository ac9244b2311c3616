"""The nesting pass (extract/nesting_pass.py): a statement whose cue stands inside another
statement's content. Golden file data/nesting/harbour.*: a reported clause inside another speaker's
content is folded into the outer statement (its words stay in the outer content), statements in
their own sentences stay, a nested quotation stays with its own speaker. The mechanics (which of a
pair goes, a chain's cue) are checked with hand-set models, whatever model ships."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from whosaid.extract.linear_model import LinearModel
from whosaid.extract.nesting_pass import (
    NESTING_MODEL,
    NestingModel,
)
from whosaid.extract.scoring import token_f1, tokens
from whosaid.model import Statement

from .helpers import golden_pair

CHAIN_TEXT = (
    "Budget Talks Stall\n\nSenator Mara Quist declined to criticize the governor's budget on Tuesday.\n"
)


@pytest.fixture
def restore_model() -> Iterator[None]:
    yield
    NESTING_MODEL.reset()


def _like(content: str, statements: list[Statement]) -> Statement | None:
    want = tokens(content)
    best = max(statements, key=lambda s: token_f1(want, tokens(s.content)), default=None)
    return best if best is not None and token_f1(want, tokens(best.content)) >= 0.9 else None


def test_golden_nested_statements(nlp: Language) -> None:
    text, expected = golden_pair("nesting", "harbour")
    statements: list[Statement] = nlp(text)._.quotes
    for item in expected["statements"]:
        stmt = _like(item["content"], statements)
        assert stmt is not None, f"no statement like {item['content']!r}"
        assert (stmt.kind, stmt.speaker, stmt.cue) == (item["kind"], item["speaker"], item["cue"])
        assert (stmt.nested_in is not None) == item.get("nested", False)
        if "folds" in item:
            assert item["folds"] in stmt.content  # the dropped clause is still read in the outer content
    for item in expected["not_reported"]:
        assert not [s for s in statements if s.cue == item["cue"] and s.content == item["content"]]


def test_the_parse_offers_the_folded_clause(nlp: Language, restore_model: None) -> None:
    """Without the pass the inner clause is a statement of its own: the pass is what folds it."""
    text, expected = golden_pair("nesting", "harbour")
    NESTING_MODEL.use(None)
    statements: list[Statement] = nlp(text)._.quotes
    for item in expected["not_reported"]:
        assert [s for s in statements if s.cue == item["cue"] and s.content == item["content"]]


def test_a_nested_quotation_is_never_dropped(nlp: Language, restore_model: None) -> None:
    drop_every_inner = NestingModel(LinearModel({}, -30.0, 0.5), LinearModel({}, 30.0, 0.5))
    NESTING_MODEL.use(drop_every_inner)
    text, _ = golden_pair("nesting", "harbour")
    statements: list[Statement] = nlp(text)._.quotes
    nested = [s for s in statements if s.nested_in is not None]
    assert [s.content for s in nested] == ["these boats will not last another winter at sea,"]
    assert statements[nested[0].nested_in or 0].speaker == "Rita Vos"


def test_a_chain_keeps_the_inner_statement_with_the_outer_cue(nlp: Language, restore_model: None) -> None:
    drop_the_outer = NestingModel(LinearModel({}, 30.0, 0.5), LinearModel({"chain=True": -60.0}, 30.0, 0.5))
    NESTING_MODEL.use(drop_the_outer)
    statements: list[Statement] = nlp(CHAIN_TEXT)._.quotes
    assert len(statements) == 1
    stmt = statements[0]
    assert stmt.content == "the governor's budget on Tuesday"
    assert stmt.cue == "declined to criticize"
    assert stmt.cue_span is not None and stmt.cue_span.of(CHAIN_TEXT) == stmt.cue
    assert stmt.speaker == "Mara Quist"


def test_keeping_both_when_the_model_is_sure_of_both(nlp: Language, restore_model: None) -> None:
    keep_all = NestingModel(LinearModel({}, 30.0, 0.5), LinearModel({}, 30.0, 0.5))
    NESTING_MODEL.use(keep_all)
    cues = sorted(str(s.cue) for s in nlp(CHAIN_TEXT)._.quotes)
    assert cues == ["declined", "to criticize"]


def test_the_shipped_model_loads() -> None:
    model = NESTING_MODEL.current()
    assert model is not None
    for part in (model.inner, model.outer):
        assert 0.0 <= part.threshold <= 1.0
        assert part.weights


SPEECH_TEXT = (
    "Depot Plan Passes\n\nThe board approved a depot plan which the harbour master said would halve "
    "waiting times.\n"
)


def test_speech_inside_an_action_is_kept_even_when_the_model_would_drop_it(
    nlp: Language, restore_model: None
) -> None:
    """ "Approved a plan which the harbour master said …": PolNeAR may mark only the approval, but the
    harbour master's statement is what a reader asks for."""
    drop_every_inner = NestingModel(LinearModel({}, -30.0, 0.5), LinearModel({}, 30.0, 0.5))
    NESTING_MODEL.use(drop_every_inner)
    statements: list[Statement] = nlp(SPEECH_TEXT)._.quotes
    said = [s for s in statements if s.cue == "said"]
    assert said and said[0].speaker_text == "the harbour master"
    assert said[0].content_parts and said[0].content_parts[-1].of(SPEECH_TEXT) == "would halve waiting times"
