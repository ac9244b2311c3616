"""whosaid extract stage: the spaCy component that finds who said what in a Doc.

Importing this package registers the ``whosaid_quotes`` factory and the ``Doc._.quotes`` and
``Doc._.article_id`` extensions, so ``nlp.add_pipe("whosaid_quotes")`` works afterwards.
"""

from __future__ import annotations

from whosaid.extract.component import QuoteExtractor, extract_statements

__all__ = ["QuoteExtractor", "extract_statements"]
