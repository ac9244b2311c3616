"""The trained candidate filter: its shipped model file, its features and its decisions.

Sentences here are written for the tests (no corpus text)."""

from __future__ import annotations

import json
from importlib import resources

from spacy.language import Language

from whosaid.extract.attribution import QuoteMap, parse_candidates
from whosaid.extract.learned import CUE_MODEL
from whosaid.extract.learned_features import speaker_kind
from whosaid.extract.quotes import find_quotes


def _candidates(nlp: Language, text: str) -> list[tuple[str, str, list[str]]]:
    doc = nlp(text)
    found = parse_candidates(doc, QuoteMap(find_quotes(text)), True)
    return [(doc[c.cue_end - 1].text, text[c.content_start : c.content_end], feats) for c, feats in found]


def test_shipped_model_is_weights_only_and_small() -> None:
    path = resources.files("whosaid.extract").joinpath("cue_model.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) >= {"weights", "bias", "threshold", "trained_on"}
    assert 0.0 < data["threshold"] < 1.0
    assert all(isinstance(v, float) for v in data["weights"].values())
    assert len(path.read_bytes()) < 5_000_000
    # the nesting features are part of the trained model
    assert any(name.startswith("under_cue=") for name in data["weights"])


def test_cue_inside_another_cues_clause_is_marked(nlp: Language) -> None:
    text = "The minister denied that the mayor said the bridge was unsafe."
    by_cue = {(cue, content): feats for cue, content, feats in _candidates(nlp, text)}
    inner = [feats for (cue, _), feats in by_cue.items() if cue == "said"]
    outer = [feats for (cue, _), feats in by_cue.items() if cue == "denied"]
    assert inner and outer
    assert any(f.startswith("under_cue=ccomp") for f in inner[0])
    assert not any(f.startswith("under_cue=") for f in outer[0])
    assert any(f.startswith("holds_cue=True") for feats in outer for f in feats)


def test_relative_clause_cue_is_marked(nlp: Language) -> None:
    text = "Officers inspected the warehouse, which the owner said had been empty for years."
    feats = [f for cue, _, fs in _candidates(nlp, text) if cue == "said" for f in fs]
    assert any(f.startswith("under_cue=") or f.startswith("relcl_cue=") for f in feats)


def test_speaker_kinds(nlp: Language) -> None:
    doc = nlp("She met Maria Lopez and the farmers of the valley.")
    assert speaker_kind(None) == "none"
    assert speaker_kind(doc[0]) == "pron_person"
    farmers = next(t for t in doc if t.text == "farmers")
    assert speaker_kind(farmers) == "group"


def test_filter_accepts_plain_report_and_is_deterministic(nlp: Language) -> None:
    model = CUE_MODEL.current()
    assert model is not None
    text = "The school board said on Monday that classes would resume next week."
    scored = [
        (content, model.probability(feats)) for cue, content, feats in _candidates(nlp, text) if cue == "said"
    ]
    best_content, best = max(scored, key=lambda item: item[1])
    assert best >= model.threshold
    assert best_content.endswith("classes would resume next week.") or best_content.endswith("next week")
    again = [model.probability(feats) for cue, _, feats in _candidates(nlp, text) if cue == "said"]
    assert again == [p for _, p in scored]


def test_filter_rejects_an_ordinary_object(nlp: Language) -> None:
    model = CUE_MODEL.current()
    assert model is not None
    text = "The farmers had a good harvest this year."
    for cue, _, feats in _candidates(nlp, text):
        if cue == "had":
            assert model.probability(feats) < model.threshold
