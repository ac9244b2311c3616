"""Quotations a story prints twice: a headline or a pull quote that repeats words the body
attributes ("Q&A: 'We underestimated how fast the water would rise'" … "Solberg: Honestly, no. We
underestimated how fast the water would rise."). The copy with no speaker of its own is the body's
speaker's, and so is a headline's copy under a label that names no speaker ("Storm Babet: 'I've
never seen anything like it'" … "said Gail Anderson") or a description the headline leaves
unresolved ("Nurse tells inquiry: 'We begged for more staff'" … "Helen Marsh … said")."""

from __future__ import annotations

from whosaid.extract.scoring import tokens
from whosaid.model import Statement

# Fewer words recur by chance ("we will win"); a sentence-long run is the same quotation.
MIN_REPEATED_WORDS = 5


def _contains(words: list[str], run: list[str]) -> bool:
    size = len(run)
    return any(words[i : i + size] == run for i in range(len(words) - size + 1))


def _quoted_in(stmt: Statement, run: list[str], text: str) -> bool:
    """Whether ``run`` is in the statement's own quoted words: a direct quotation, or a piece of a
    split one (not a mixed statement quoting someone else's phrase)."""
    if stmt.kind == "direct":
        return True
    return any(_contains(tokens(part.of(text)), run) for part in stmt.content_parts)


def credit_repeated_quotations(statements: list[Statement], text: str) -> None:
    """Give a quotation with no speaker and no speaker phrase, or a headline's quotation under a
    label or with a speaker left unresolved, the speaker of a statement whose content holds all of
    its words in the same order; the nearest such statement wins, one quoting them as its own words
    for a headline."""
    headline_end = text.find("\n")
    words = [tokens(stmt.content) for stmt in statements]  # each content's words, read once
    for index, stmt in enumerate(statements):
        if stmt.kind != "direct":
            continue
        unattributed = stmt.speaker is None and stmt.speaker_text is None
        in_headline = 0 <= stmt.content_span.start < headline_end
        # a label before the quotation ("Storm Babet: '…'"); one after it names the speaker
        # ("'We're not going anywhere': Hollywood writers vow …")
        before = stmt.speaker_span is None or stmt.speaker_span.start < stmt.content_span.start
        labelled = stmt.cue == ":" and in_headline and before
        described = stmt.speaker is None and in_headline  # "Nurse tells inquiry: '…'"
        if not (unattributed or labelled or described):
            continue
        run = words[index]
        if len(run) < MIN_REPEATED_WORDS:
            continue
        nearest_first = sorted(
            (j for j, other in enumerate(statements) if j != index and other.speaker is not None),
            key=lambda j: abs(j - index),
        )
        source = next(
            (
                statements[j]
                for j in nearest_first
                if _contains(words[j], run) and (unattributed or _quoted_in(statements[j], run, text))
            ),
            None,
        )
        if source is None or source.speaker == stmt.speaker:
            continue
        stmt.speaker, stmt.speaker_type = source.speaker, source.speaker_type
        if labelled and not described:  # the label was a section's or an event's name, not who spoke
            stmt.speaker_text, stmt.speaker_span, stmt.speaker_role = None, None, None
