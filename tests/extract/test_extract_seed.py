"""The user's seed article: every required gold statement with the right speaker (read from ../shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from whosaid.extract.scoring import speaker_agrees, token_f1, tokens
from whosaid.ingest.markdown import article_from_markdown
from whosaid.model import Statement


def matches(gold: dict[str, Any], statements: list[Statement]) -> Statement | None:
    """The statement for a gold one as the reference scorer pairs them (token F1 >= 0.5), if any."""
    want = tokens(gold["content"])
    scored = [(token_f1(want, tokens(s.content)), s) for s in statements]
    best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return best[1] if best[0] >= 0.5 else None


@pytest.fixture(scope="module")
def seed(seed_path: Path, nlp: Language) -> tuple[list[dict[str, Any]], list[Statement]]:
    gold = json.loads(seed_path.with_name("moscow-times-2024-03-26.gold.json").read_text(encoding="utf-8"))
    article = article_from_markdown(seed_path.read_text(encoding="utf-8"), source_path=str(seed_path))
    doc = nlp.make_doc(article.text)
    doc._.article_id = article.id
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return gold["statements"], doc._.quotes


def test_all_required_statements_with_right_speaker(
    seed: tuple[list[dict[str, Any]], list[Statement]],
) -> None:
    golds, statements = seed
    required = [g for g in golds if g["required"]]
    assert len(required) == 10
    missing = []
    for gold in required:
        found = matches(gold, statements)
        if found is None or not speaker_agrees(gold["speaker"], found.speaker or found.speaker_text):
            missing.append((gold["speaker"], gold["content"][:60], found.speaker if found else None))
    assert not missing, f"required statements missed or misattributed: {missing}"


def test_optional_nested_and_nominal_statements(seed: tuple[list[dict[str, Any]], list[Statement]]) -> None:
    golds, statements = seed
    putin = next(g for g in golds if g.get("nested_in"))
    nested = matches(putin, statements)
    assert nested is not None and nested.speaker == "Vladimir Putin" and nested.nested_in is not None
    assert statements[nested.nested_in].speaker == "Alexander Lukashenko"
    critics = next(g for g in golds if g["speaker"] == "critics")
    found = matches(critics, statements)
    assert found is not None and found.speaker == "critics" and found.speaker_type == "GROUP"


def test_relayed_quote_and_roles(seed: tuple[list[dict[str, Any]], list[Statement]]) -> None:
    _, statements = seed
    relayed = next(s for s in statements if s.via)
    assert relayed.speaker == "Alexander Lukashenko" and relayed.via == "Belta"
    assert relayed.cue == "was quoted as saying"
    first = next(s for s in statements if s.speaker_role == "Belarusian President")
    assert first.speaker == "Alexander Lukashenko" and first.speaker_type == "PERSON"
    assert all(s.article_id and s.id.startswith(s.article_id) for s in statements)
