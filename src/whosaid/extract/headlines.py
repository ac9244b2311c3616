"""Statements in a title-case headline whose verb the tagger read as a name ("Ferrante Warns Council").

The small model tags many capitalised headline verbs ("Warns", "Slams", "Endorses") as proper nouns,
so the parse offers no cue; PolNeAR annotates such headlines as statements (speaker before the verb,
the rest of the line as content). Only the article's first line is read, only when it is in title
case, and only when the parse found no cue in it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from whosaid.extract.candidates import Candidate, char_range
from whosaid.extract.cues import load_lexicon
from whosaid.extract.speaker_checks import headline_verb

MAX_HEADLINE_TOKENS = 30
MIN_TITLE_CASE = 0.6  # share of words capitalised for a line to read as a headline


def headline_candidate(doc: Doc, cue_tokens: set[int]) -> Candidate | None:
    """The `Speaker Verbs Content` statement of the first line, or None."""
    end = 0
    while end < len(doc) and end < MAX_HEADLINE_TOKENS and "\n" not in doc[end].text:
        end += 1
    line = doc[:end]
    words = [t for t in line if t.is_alpha]
    if len(words) < 3 or any(t.i in cue_tokens for t in line):
        return None
    if sum(1 for t in words if t.text[:1].isupper()) < MIN_TITLE_CASE * len(words):
        return None
    verbs = load_lexicon().verbs
    for tok in line[1:]:
        if tok.pos_ == "VERB":
            return None  # the parse saw the verb; its own candidates (if any) stand
        before = doc[tok.i - 1]
        if headline_verb(tok.text, verbs) and before.pos_ in ("PROPN", "NOUN") and before.text[:1].isupper():
            start, stop = char_range(doc, tok.i + 1, end)
            if stop - start < 3:
                return None
            return Candidate(tok.i, tok.i + 1, start, stop, before, 0.6, "headline")
    return None


def headline_speaker_start(head: Token) -> int:
    """First token of the capitalised name run ending at ``head`` ("Mayor Marta Quell" Endorses)."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") and doc[start - 1].text[:1].isupper():
        start -= 1
    return start
