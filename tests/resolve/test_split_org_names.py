"""A body whose name has an "and" in it, which the tagger splits into two names, keeps its whole
name through in-article resolution; on a short fictional text analysed by the real pipeline."""

from __future__ import annotations

from typing import Any

from whosaid.ingest.records import make_article
from whosaid.pipeline import analyze

TEXT = (
    "Farm prices fall for a third month\n\n"
    "The British Growers and Livestock Union said farm-gate prices had fallen for a third month in a "
    "row.\n\n"
    "The Department of Public Works and Highways said the bridge at Tarlac was safe to cross."
)


def test_the_whole_name_is_the_canonical_speaker(nlp: Any) -> None:
    analysis = analyze(make_article(TEXT), nlp)
    by_content = {s.content: s for s in analysis.statements}
    union = next(s for c, s in by_content.items() if c.startswith("farm-gate prices"))
    assert union.speaker == "British Growers and Livestock Union"
    bridge = next(s for c, s in by_content.items() if c.startswith("the bridge at Tarlac"))
    assert bridge.speaker == "Department of Public Works and Highways"
    for statement in analysis.statements:
        span = statement.speaker_span
        assert span is not None and TEXT[span.start : span.end] == statement.speaker_text
