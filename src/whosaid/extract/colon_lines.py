"""Attributions written as `Speaker: content` at the start of a paragraph.

Headlines ("Sanders: Clinton Email Story Has Moved") and transcripts ("TAPPER: Do you think …")
attribute a whole line to a name before a colon, with no cue verb for the parse to find. PolNeAR
annotates these as statements whose cue is the colon, so the rule proposes the rest of the paragraph
as content when the words before the colon are a short, verbless name phrase.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from whosaid.extract.candidates import Candidate
from whosaid.extract.content_edges import doc_text
from whosaid.extract.speaker_words import NOT_SPEAKERS, is_title_word

MAX_PREFIX_TOKENS = 8
MIN_CONTENT_WORDS = 3
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
DASHES = {"–", "—", "-", "|"}
# A fact check's labels, page furniture only on their own ("CLAIM: …"; "Bombshell Claim: …" speaks).
FACT_CHECK_LABELS = {
    "claim", "claims", "verdict", "rating", "fact", "facts", "context", "background", "summary",
}  # fmt: skip


# Words opening the rest of a headline that explains a topic rather than quoting anyone (in a
# transcript's line, "BOLDUAN: Why not debate?" is a question someone asked).
EXPLAINER_WORDS = {"what", "how", "why", "who", "where", "when", "which"}


def _paragraph_starts(doc: Doc) -> list[int]:
    """Token indices that open a paragraph (the first token and each one after a line break)."""
    starts = [0] if len(doc) else []
    for tok in doc[:-1]:
        if "\n" in tok.text or (tok.whitespace_ == "" and tok.text.endswith("\n")):
            starts.append(tok.i + 1)
    return [i for i in starts if i < len(doc) and not doc[i].is_space]


def _capitals_label(prefix: list[Token]) -> bool:
    """A label in capitals with no title ("KARACHI", "NEW DELHI"; not "SEN. GRASSLEY") before a
    colon. Opening the story's first paragraph, and no other, it is a place: the dateline."""
    doc = prefix[0].doc
    after = prefix[-1].i + 1
    return (
        after < len(doc)
        and doc[after].text == ":"
        and all(t.is_upper and t.is_alpha for t in prefix)
        and any(len(t) > 1 for t in prefix)
    )


def _speaker_head(prefix: list[Token]) -> Token | None:
    """The last token of the first run of proper nouns, or a lone noun ("Poll", "Newspaper"); when
    that run names no person but a person's name follows ("Real Madrid manager Carlo Ancelotti",
    "Thibaut Courtois, speaking to BT Sport"), the name's last token."""
    run: list[Token] = []
    for tok in prefix:
        if tok.pos_ == "PROPN" or (tok.is_upper and tok.is_alpha and len(tok) > 1):
            run.append(tok)
        elif tok.text == "." and run and is_title_word(run[-1].text) and tok.i < prefix[-1].i:
            continue  # "SEN. GRASSLEY": the title's full stop does not end the name
        elif run:
            break
    if run:
        if run[-1].ent_type_ != "PERSON":
            later = [t for t in prefix if t.i > run[-1].i and t.ent_type_ == "PERSON"]
            name = later[:1]  # the first name's words, one after another
            for tok in later[1:]:
                if tok.i != name[-1].i + 1:
                    break
                name.append(tok)
            if name:
                return name[-1]
        return run[-1]
    nouns = [t for t in prefix if t.pos_ == "NOUN"]
    if len(prefix) <= 2 and nouns:
        return nouns[-1]
    return None


def _rest_of_line(text: str, start: int) -> tuple[int, int]:
    """Char range of the line from ``start`` to its end, without the spaces around it."""
    newline = text.find("\n", start)
    end = len(text) if newline < 0 else newline
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def colon_line_candidates(doc: Doc) -> list[Candidate]:
    text = doc_text(doc)
    found: list[Candidate] = []
    starts = _paragraph_starts(doc)
    for number, start in enumerate(starts):
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
        if len(prefix) == 1 and prefix[0].lower_ in FACT_CHECK_LABELS:
            continue
        if number == 1 and _capitals_label(prefix) and not any(_capitals_label([doc[i]]) for i in starts[2:]):
            continue  # "KARACHI: The Pakistan Meteorological Department on Wednesday …": a dateline
        if any(t.text in ("?", "!", '"', "“", "”", "''", "(", ")") for t in prefix):
            continue
        head = _speaker_head(prefix)
        if head is None:
            continue
        content_start, content_end = _rest_of_line(text, colon.idx + 1)
        if (
            sum(1 for w in text[content_start:content_end].split() if any(c.isalnum() for c in w))
            < MIN_CONTENT_WORDS
        ):
            continue
        first_word = text[content_start:content_end].split(maxsplit=1)[0].lower()
        if first_word in EXPLAINER_WORDS and "\n" not in text[: colon.idx]:
            continue  # a headline's "Ukraine peace plan: what each side says": a topic, not a speaker
        found.append(Candidate(colon.i, colon.i + 1, content_start, content_end, head, 0.6, "colon"))
    return found


QUESTION_LABELS = {"q"}
_QUESTION_LINE = re.compile(r"^\s*Q\s*:", re.M)  # a line a "Q:" label may open
ANSWER_LABELS = {"a"}


def _labelled(doc: Doc, start: int) -> str | None:
    """The label of a "Q:" / "A:" paragraph opening at token ``start`` (lower case), else None."""
    if start + 1 < len(doc) and doc[start + 1].text == ":" and doc[start].text in ("Q", "A"):
        return doc[start].lower_
    return None


def _interviewee(doc: Doc, before: int) -> Token | None:
    """The person an interview is with: the one named most often (the first named on a tie), from
    the fullest mention of their name before the first question."""
    counts: dict[str, int] = {}
    fullest: dict[str, Span] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        key = ent[-1].lower_
        counts[key] = counts.get(key, 0) + 1
        if ent.start < before and (key not in fullest or len(ent) > len(fullest[key])):
            fullest[key] = ent
    if not fullest:
        return None
    best = max(fullest, key=lambda k: (counts[k], -fullest[k].start))
    return fullest[best][-1]


def interview_answers(doc: Doc) -> list[Candidate]:
    """`Q: … / A: …` interviews: each answer is the interviewee's own words (kind direct, the "A:"
    its cue). Only when the article asks at least one "Q:" before an answer, and names the person."""
    if not _QUESTION_LINE.search(doc_text(doc)):
        return []  # most articles: no paragraph walk (``colon_line_candidates`` makes its own)
    starts = _paragraph_starts(doc)
    labels = [(i, _labelled(doc, i)) for i in starts]
    questions = [i for i, label in labels if label in QUESTION_LABELS]
    answers = [i for i, label in labels if label in ANSWER_LABELS and questions and i > questions[0]]
    if not answers:
        return []
    person = _interviewee(doc, questions[0])
    if person is None:
        return []
    text = doc_text(doc)
    found: list[Candidate] = []
    for i in answers:
        colon = doc[i + 1]
        content_start, content_end = _rest_of_line(text, colon.idx + 1)
        if content_end > content_start:
            found.append(Candidate(i, i + 2, content_start, content_end, person, 0.8, "answer"))
    return found
