"""``whosaid_tag_rules`` annotates exactly as the model's attribute ruler and lemmatizer do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language

from whosaid.demo_data import demo_dir
from whosaid.nlp import MODEL_NAME, _spacy_load, use_tag_rules

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]

# Written for the rules that span two tokens or test a dependency label, and for white space.
TRICKY = (
    "Y'all gon na see it, she said. Let's go! C'mon, I ain't sure it gets better.\n\n"
    "There is a way, and there were two.  Do you have it? I did, and it did too. "
    "You told me that I should give it to you, but that was before.\n  \n"
    "Whether he got ta leave or not, those who came stayed; this is what they said."
)


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    spacy_own, ours = _spacy_load(MODEL_NAME), _spacy_load(MODEL_NAME)
    assert use_tag_rules(ours)
    assert "attribute_ruler" not in ours.pipe_names and "whosaid_tag_rules" in ours.pipe_names
    return spacy_own, ours


def _texts() -> list[str]:
    texts = [TRICKY]
    texts += [p.read_text(encoding="utf-8") for p in sorted(demo_dir().rglob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seed").glob("*.md"))]
    polnear = SHARED / "data" / "polnear" / "dev.jsonl"
    if polnear.exists():  # CI has ../shared; a bare checkout still checks the texts above
        lines = polnear.read_text(encoding="utf-8").splitlines()[:12]
        texts += [json.loads(line)["text"] for line in lines]
    return texts


def test_annotations_equal_the_models_own(pipelines: tuple[Language, Language]) -> None:
    spacy_own, ours = pipelines
    texts = _texts()
    assert len(texts) > 5
    compared = 0
    for theirs, mine in zip(spacy_own.pipe(texts), ours.pipe(texts), strict=True):
        expected, got = theirs.to_array(COLUMNS), mine.to_array(COLUMNS)
        differing = np.nonzero((expected != got).any(axis=1))[0][:5].tolist()
        assert not differing, [
            (theirs[i].text, theirs[i].pos_, mine[i].pos_, theirs[i].lemma_, mine[i].lemma_)
            for i in differing
        ]
        compared += len(theirs)
    assert compared > 2000


def test_rules_spanning_two_tokens_apply(pipelines: tuple[Language, Language]) -> None:
    _, ours = pipelines
    doc = ours("Y'all gon na see. Let's go.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["'s"] == "us"


def test_a_model_with_other_kinds_of_rules_keeps_its_own_components() -> None:
    nlp = _spacy_load(MODEL_NAME)
    ruler: Any = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"SHAPE": "Xxxx"}, {"IS_DIGIT": True}]], {"POS": "PROPN"})
    before = list(nlp.pipe_names)
    assert not use_tag_rules(nlp)
    assert nlp.pipe_names == before


def test_memos_started_again_give_the_same_annotations(
    pipelines: tuple[Language, Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    from whosaid import tag_rules

    spacy_own, ours = pipelines
    monkeypatch.setattr(tag_rules, "MEMO_LIMIT", 50)  # forget after almost every article
    rules: Any = ours.get_pipe("whosaid_tag_rules")
    texts = _texts()[:8]
    for theirs, mine in zip(spacy_own.pipe(texts), ours.pipe(texts), strict=True):
        assert len(rules._forms) < 50 + len(mine)
        assert (theirs.to_array(COLUMNS) == mine.to_array(COLUMNS)).all()
