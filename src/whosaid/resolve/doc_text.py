"""The text of a Doc, joined once.

spaCy's ``Doc.text`` joins every token's text on each access: in a long article the resolve stage
read it thousands of times, which cost more than all of its own work (a third of the extractor's
overhead over bare spaCy on PolNeAR texts, measured with cProfile).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The extractor keeps the same string under the same key, so whichever stage asks first joins it.
_KEY = "whosaid_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed at most once per Doc."""
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_KEY] = text
    return text
