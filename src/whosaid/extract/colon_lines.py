"""Attributions written as `Speaker: content` at the start of a paragraph.

Headlines ("Sanders: Clinton Email Story Has Moved") and transcripts ("TAPPER: Do you think …")
attribute a whole line to a name before a colon, with no cue verb for the parse to find. PolNeAR
annotates these as statements whose cue is the colon, so the rule proposes the rest of the paragraph
as content when the words before the colon are a short, verbless name phrase.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from whosaid.extract.candidates import Candidate
from whosaid.extract.content_edges import doc_text

MAX_PREFIX_TOKENS = 8
MIN_CONTENT_WORDS = 3
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
DASHES = {"–", "—", "-", "|"}
# Labels that open a line with a colon but name no speaker (page furniture, not attributions).
NOT_SPEAKERS = {
    "update", "updated", "note", "editor", "source", "sources", "photo", "video", "watch", "related", "read",
    "click", "breaking", "exclusive", "via", "transcript", "q", "a", "question", "answer", "warning", "image",
    "subscribe", "follow", "contact", "correction", "disclaimer", "tags", "share", "listen", "see", "more",
}  # fmt: skip


def _paragraph_starts(doc: Doc) -> list[int]:
    """Token indices that open a paragraph (the first token and each one after a line break)."""
    starts = [0] if len(doc) else []
    for tok in doc[:-1]:
        if "\n" in tok.text or (tok.whitespace_ == "" and tok.text.endswith("\n")):
            starts.append(tok.i + 1)
    return [i for i in starts if i < len(doc) and not doc[i].is_space]


def _speaker_head(prefix: list[Token]) -> Token | None:
    """The last token of the first run of proper nouns, or a lone noun ("Poll", "Newspaper")."""
    run: list[Token] = []
    for tok in prefix:
        if tok.pos_ == "PROPN" or (tok.is_upper and tok.is_alpha and len(tok) > 1):
            run.append(tok)
        elif run:
            break
    if run:
        return run[-1]
    nouns = [t for t in prefix if t.pos_ == "NOUN"]
    if len(prefix) <= 2 and nouns:
        return nouns[-1]
    return None


def colon_line_candidates(doc: Doc) -> list[Candidate]:
    text = doc_text(doc)
    found: list[Candidate] = []
    for start in _paragraph_starts(doc):
        end = start
        while end < len(doc) and "\n" not in doc[end].text and end - start <= MAX_PREFIX_TOKENS:
            if doc[end].text == ":":
                break
            end += 1
        if end >= len(doc) or doc[end].text != ":" or end == start:
            continue
        colon = doc[end]
        if colon.whitespace_ == "" and colon.i + 1 < len(doc) and doc[colon.i + 1].is_digit:
            continue  # a clock time or a ratio, not a speaker label
        prefix = list(doc[start:end])
        for i, tok in enumerate(prefix):
            if tok.text in DASHES:
                prefix = prefix[i + 1 :]  # "EXCLUSIVE – Roger Stone: …": the name follows the dash
        if not prefix or not prefix[0].text[:1].isupper():
            continue
        if any(t.tag_ in FINITE_TAGS and not t.is_upper for t in prefix) or any(
            t.lower_ in NOT_SPEAKERS for t in prefix
        ):
            continue
        if any(t.text in ("?", "!", '"', "“", "”", "''", "(", ")") for t in prefix):
            continue
        head = _speaker_head(prefix)
        if head is None:
            continue
        content_start = colon.idx + 1
        newline = text.find("\n", content_start)
        content_end = len(text) if newline < 0 else newline
        while content_start < content_end and text[content_start].isspace():
            content_start += 1
        while content_end > content_start and text[content_end - 1].isspace():
            content_end -= 1
        if (
            sum(1 for w in text[content_start:content_end].split() if any(c.isalnum() for c in w))
            < MIN_CONTENT_WORDS
        ):
            continue
        found.append(Candidate(colon.i, colon.i + 1, content_start, content_end, head, 0.6, "colon"))
    return found
