"""Quotations a story prints twice: a headline or a pull quote that repeats words the body
attributes ("Q&A: 'We underestimated how fast the water would rise'" … "Solberg: Honestly, no. We
underestimated how fast the water would rise."). The copy with no speaker of its own is the body's
speaker's."""

from __future__ import annotations

import re

from whosaid.model import Statement

# Fewer words recur by chance ("we will win"); a sentence-long run is the same quotation.
MIN_REPEATED_WORDS = 5
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _contains(words: list[str], run: list[str]) -> bool:
    size = len(run)
    return any(words[i : i + size] == run for i in range(len(words) - size + 1))


def credit_repeated_quotations(statements: list[Statement]) -> None:
    """Give a quotation with no speaker and no speaker phrase the speaker of a statement whose
    content holds all of its words in the same order; the nearest such statement wins."""
    for index, stmt in enumerate(statements):
        if stmt.kind != "direct" or stmt.speaker is not None or stmt.speaker_text is not None:
            continue
        run = _words(stmt.content)
        if len(run) < MIN_REPEATED_WORDS:
            continue
        nearest_first = sorted(
            (j for j, other in enumerate(statements) if j != index and other.speaker is not None),
            key=lambda j: abs(j - index),
        )
        source = next(
            (statements[j] for j in nearest_first if _contains(_words(statements[j].content), run)), None
        )
        if source is not None:
            stmt.speaker, stmt.speaker_type = source.speaker, source.speaker_type
