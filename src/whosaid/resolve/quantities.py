"""Figures worth comparing across outlets: "at least 139 people" killed, "19 hours", "four suspects".

Built from spaCy's CARDINAL, QUANTITY, MONEY, PERCENT and TIME entities on the existing parse:
the value is read from digits or number words, the qualifier from a short list of hedges before it,
the unit from the entity's own words, and the subject from the noun the number counts plus the verb
that governs it ("people (kill)").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whosaid.model import Quantity, Span, Statement
from whosaid.resolve.doc_text import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME"}
# Hedges that qualify a figure, longest first (English news usage).
QUALIFIERS = (
    "at least", "at most", "more than", "less than", "fewer than", "as many as", "as few as", "up to",
    "upwards of", "close to", "nearly", "almost", "about", "around", "approximately", "roughly",
    "some", "over", "under", "an estimated", "exactly", "just over", "just under",
)  # fmt: skip
WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "dozen": 12,
}  # fmt: skip
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 10**12,
}
UNITS = {
    "%": "%", "percent": "%", "per cent": "%", "$": "USD", "dollars": "USD", "dollar": "USD", "€": "EUR",
    "euros": "EUR", "£": "GBP", "pounds": "GBP", "rubles": "RUB", "roubles": "RUB", "seconds": "seconds",
    "minutes": "minutes", "hours": "hours", "days": "days", "weeks": "weeks", "months": "months",
    "years": "years", "miles": "miles", "kilometers": "km", "kilometres": "km", "km": "km", "tons": "tons",
    "votes": "votes", "points": "points",
}  # fmt: skip
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _value(words: list[str]) -> float | None:
    """The number in a list of lower-cased words: digits, number words and scale words."""
    total = 0.0
    current: float | None = None
    for word in words:
        word = word.strip(",$€£")
        if _NUMBER.fullmatch(word):
            current = (current or 0) + float(word.replace(",", ""))
        elif word in WORDS and not (word == "a" and current is not None):
            current = (current or 0) + WORDS[word]
        elif "-" in word and all(p in WORDS for p in word.split("-")):
            current = (current or 0) + sum(WORDS[p] for p in word.split("-"))
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, None
    if current is None and total == 0:
        return None
    return total + (current or 0)


def _qualifier(doc: Doc, ent: TokenSpan) -> tuple[str | None, int]:
    """A hedge inside the entity or just before it, and the character offset where it starts."""
    inside = ent.text.lower()
    for q in QUALIFIERS:
        if inside.startswith(q + " "):
            return q, ent.start_char
    before = doc[max(0, ent.start - 3) : ent.start]
    tail = before.text.lower()
    for q in QUALIFIERS:
        if tail == q or tail.endswith(" " + q):
            return q, ent.start_char - len(q) - (
                1 if ent.start_char > 0 and doc_text(doc)[ent.start_char - 1] == " " else 0
            )
    return None, ent.start_char


def _unit(ent: TokenSpan) -> str | None:
    text = ent.text.lower()
    for word, unit in UNITS.items():
        if re.search(rf"(?:^|\s|\d){re.escape(word)}(?:$|\s)", text) or (word in "$€£" and word in text):
            return unit
    return None


def _subject(ent: TokenSpan) -> str | None:
    """What the number counts ("suspected assailants") and the verb governing it ("people (kill)")."""
    number: Token = ent[-1]
    noun = (
        number.head
        if number.dep_ in {"nummod", "quantmod"} and number.head.pos_ in {"NOUN", "PROPN"}
        else None
    )
    if noun is None or noun.i < number.i:
        noun_text = None
        anchor = ent.root
    else:
        noun_text = ent.doc[number.i + 1 : noun.i + 1].text
        anchor = noun
    verb = anchor.head if anchor.dep_ in {"dobj", "nsubjpass", "nsubj", "pobj", "attr"} else None
    if verb is not None and verb.pos_ == "ADP":
        verb = verb.head
    verb_text = verb.lemma_ if verb is not None and verb.pos_ in {"VERB", "AUX"} else None
    if noun_text and verb_text:
        return f"{noun_text} ({verb_text})"
    return noun_text or (f"({verb_text})" if verb_text else None)


def find_quantities(doc: Doc, article_id: str, statements: list[Statement]) -> list[Quantity]:
    found: list[Quantity] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS or "\n" in ent.text.strip():
            continue
        words = [t.lower_ for t in ent if not t.is_punct or t.text in "$€£"]
        value = _value(words)
        if value is None:
            continue
        qualifier, start = _qualifier(doc, ent)
        end = ent.end_char
        while end > start and doc_text(doc)[end - 1].isspace():
            end -= 1
        unit = _unit(ent)
        index = next(
            (s.index for s in statements if s.content_span.start <= start and end <= s.content_span.end), None
        )
        found.append(
            Quantity(
                article_id,
                Span(start, end),
                doc_text(doc)[start:end],
                value,
                unit,
                _subject(ent),
                qualifier,
                index,
            )
        )
    return found
