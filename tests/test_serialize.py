"""The JSON shape every command and the API share: spans slice back from the article text."""

from __future__ import annotations

from typing import Any

from whosaid import make_article
from whosaid.pipeline import analyze
from whosaid.serialize import statement_to_dict

SPLIT_QUOTE = (
    "Harbour Talks Stall\n\n"
    '"We will not sign this agreement," the union leader Piotr Nowak said on Friday, '
    '"until the port authority publishes its safety reports."\n\n'
    "The port authority said that the reports would be published next month."
)


def test_every_serialised_span_slices_back(nlp: Any) -> None:
    article = make_article(SPLIT_QUOTE)
    statements = [statement_to_dict(s) for s in analyze(article, nlp).statements]
    assert statements, "the extractor found nothing in a plain split quote"
    text = article.text
    for item in statements:
        start, end = item["content_span"]
        assert text[start:end] == item["content"]
        for name in ("speaker", "cue"):
            span = item[f"{name}_span"]
            if span is not None:
                assert text[span[0] : span[1]] == item[f"{name}_text" if name == "speaker" else "cue"]
        assert item["content_parts"], "content_parts is never empty"
        for part_start, part_end in item["content_parts"]:
            assert start <= part_start < part_end <= end


def test_quotation_joins_the_pieces(nlp: Any) -> None:
    article = make_article(SPLIT_QUOTE)
    items = [statement_to_dict(s) for s in analyze(article, nlp).statements]
    split = [item for item in items if len(item["content_parts"]) > 1]
    assert split, "the split quote keeps its pieces"
    for item in items:
        pieces = [article.text[start:end] for start, end in item["content_parts"]]
        assert item["quotation"] == " … ".join(pieces)
    assert "Nowak said" in split[0]["content"] and "Nowak" not in split[0]["quotation"]
