"""The spaCy pipeline component: one Doc in, ``doc._.quotes`` (a list of Statements) out."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from whosaid.extract.attribution import find_statements
from whosaid.model import Statement

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=[])
if not Doc.has_extension("article_id"):
    Doc.set_extension("article_id", default="")


def extract_statements(doc: Doc, min_confidence: float = 0.0) -> list[Statement]:
    """Every attributed statement in ``doc``, in text order, spans as offsets into ``doc.text``."""
    article_id = str(doc._.article_id or "")
    found = find_statements(doc, article_id)
    kept = [s for s in found if s.confidence >= min_confidence]
    renumber = {id(s): index for index, s in enumerate(kept)}
    for index, statement in enumerate(kept):
        statement.index = index
        if statement.nested_in is not None:
            outer = found[statement.nested_in]
            statement.nested_in = renumber.get(id(outer))
    return kept


class QuoteExtractor:
    """Writes ``doc._.quotes``; holds no trained state beyond what ships in the package."""

    def __init__(self, nlp: Language, name: str, min_confidence: float) -> None:
        self.name = name
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_statements(doc, self.min_confidence)
        return doc


@Language.factory("whosaid_quotes", default_config={"min_confidence": 0.0})
def make_quote_extractor(nlp: Language, name: str, min_confidence: float) -> QuoteExtractor:
    return QuoteExtractor(nlp, name, min_confidence)
