"""Golden files per construction family: each data/NAME.txt must yield the statements in NAME.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from whosaid.extract.scoring import speaker_agrees, token_f1, tokens
from whosaid.model import Statement

from .helpers import DATA

CASES = sorted(p.stem for p in DATA.glob("*.txt"))


def describe(statements: list[Statement]) -> str:
    return "\n".join(
        f"  [{s.kind}] speaker={s.speaker!r} text={s.speaker_text!r} cue={s.cue!r} content={s.content!r}"
        for s in statements
    )


def find(expected: dict[str, object], statements: list[Statement]) -> Statement | None:
    want = tokens(str(expected["content"]))
    best = max(statements, key=lambda s: token_f1(want, tokens(s.content)), default=None)
    if best is None or token_f1(want, tokens(best.content)) < 0.9:
        return None
    return best


@pytest.mark.parametrize("case", CASES)
def test_golden_file(case: str, nlp: Language) -> None:
    text = (DATA / f"{case}.txt").read_text(encoding="utf-8")
    expected = json.loads((DATA / f"{case}.json").read_text(encoding="utf-8"))
    doc = nlp(text)
    statements: list[Statement] = doc._.quotes
    found = describe(statements)
    for item in expected["statements"]:
        stmt = find(item, statements)
        assert stmt is not None, f"{case}: no statement like {item['content']!r}; found:\n{found}"
        assert stmt.kind == item["kind"], f"{case}: kind of {item['content']!r}; found:\n{found}"
        if "speaker" in item:
            assert stmt.speaker == item["speaker"], f"{case}: speaker of {item['content']!r}; found:\n{found}"
        if "speaker_text" in item:
            assert stmt.speaker_text == item["speaker_text"], f"{case}: speaker text; found:\n{found}"
        if "speaker_type" in item:
            assert stmt.speaker_type == item["speaker_type"]
        if "role" in item:
            assert stmt.speaker_role == item["role"]
        if "via" in item:
            assert stmt.via == item["via"]
        if "cue" in item:
            assert stmt.cue == item["cue"], f"{case}: cue of {item['content']!r}; found:\n{found}"
        if "parts" in item:
            assert [part.of(text) for part in stmt.content_parts] == item["parts"]
        if item.get("nested"):
            assert stmt.nested_in is not None and statements[stmt.nested_in].content_span.start <= (
                stmt.content_span.start
            )
        assert speaker_agrees(
            str(item.get("speaker") or item.get("speaker_text")), stmt.speaker or stmt.speaker_text
        )
    if expected.get("exhaustive_direct"):
        direct = [s for s in statements if s.kind == "direct"]
        wanted = [i for i in expected["statements"] if i["kind"] == "direct"]
        assert len(direct) == len(wanted), f"{case}: unexpected direct quotes:\n{describe(direct)}"


def test_every_case_has_expectations() -> None:
    assert CASES, "no golden files found"
    for case in CASES:
        assert Path(DATA / f"{case}.json").is_file(), f"{case}.txt has no {case}.json beside it"
