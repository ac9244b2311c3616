"""Quotation regions found on the characters of the text, before any attribution.

Newsrooms mix straight and curly marks, guillemets, the German low-high pair and the LaTeX-style
doubled apostrophes some archives still emit (''like this'': older New York Times text writes every
quotation so), so marks are paired by a small state machine per paragraph rather than by a regular
expression. A quote left open at the end of a paragraph continues when the next paragraph opens
with a mark (the newspaper convention for multi-paragraph quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Every character used as a quotation mark, double or single, curly, straight or angled.
QUOTE_MARKS = frozenset("\"“”‘’«»„'`")
# Opening double marks and the closing marks each one accepts.
DOUBLE_OPENERS = {"“": '”"', "«": "»", "„": "“”", '"': '"”'}
DOUBLE_CLOSERS = ("”", "»", '"')
# Doubled apostrophes pair only with each other and only where their neighbours show the side:
# an opening '' follows a space, a line start or an opening bracket or dash and precedes a
# non-space; a closing '' precedes a space, punctuation or the line end. A run of three is a
# single quote meeting a double one ('''Sir, ...' or ...,''' he said): the double mark is the
# outer two apostrophes. PolNeAR's gold `kind` ignores these marks (see docs/extract.md).
APOSTROPHES = "''"
OPEN_AFTER = "([{—–-/"  # characters an opening '' may directly follow
_MARK = re.compile(r"'{2,3}|[“”«»„\"]")
# Any double quotation mark in a piece of text, the doubled apostrophe included (for callers that
# ask whether a span holds a quotation mark).
DOUBLE_MARK = re.compile(r"''|[“”«»„\"]")
_PARAGRAPH = re.compile(r"[^\n]+")
# Words a title leaves in lower case ("State of the Union", "Meet the Press", "Face the Nation").
TITLE_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "nor",
        "but",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "vs",
    }
)
MAX_TITLE_WORDS = 8


def title_cased(words: list[str]) -> bool:
    """Words written as a title: every one capitalised but the small words a title keeps in lower
    case, the first and last capitalised (a quoted programme, book or slogan, not speech)."""
    words = [w for w in words if any(c.isalnum() for c in w)]
    if not words or len(words) > MAX_TITLE_WORDS or not words[0][0].isupper() or not words[-1][0].isupper():
        return False
    if any(w[-1] in "!?" or (w[-1] == "." and len(w) > 4) for w in words[:-1]):
        return False  # a sentence ends inside: “The Donald. Big Daddy.” is speech (“Mr.” is no end)
    return all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


@dataclass(slots=True)
class QuoteRegion:
    """One quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    depth: int = 0  # 0 for a top-level quote, 1 for a quote inside a quote
    parent: int | None = None  # index of the enclosing region

    def contains(self, start: int, end: int) -> bool:
        return self.inner_start <= start and end <= self.inner_end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def _opens_with_mark(text: str, start: int, end: int) -> re.Match[str] | None:
    stripped = len(text[start:end]) - len(text[start:end].lstrip())
    mark = _MARK.match(text, start + stripped, end)
    if mark and mark.group() not in ("”", "»") and (mark.group()[0] != "'" or _can_open(text, mark)):
        return mark
    return None


def _can_open(text: str, mark: re.Match[str]) -> bool:
    """A doubled apostrophe on the opening side of a word (`said, ''We ...`), not `voters''`."""
    before = text[mark.start() - 1] if mark.start() > 0 else "\n"
    after = text[mark.end()] if mark.end() < len(text) else "\n"
    return (before.isspace() or before in OPEN_AFTER) and not after.isspace()


def _can_close(text: str, mark: re.Match[str]) -> bool:
    """A doubled apostrophe that ends a word or a sentence (`...,'' he said`, `''no daylight''.`)."""
    return mark.end() >= len(text) or not text[mark.end()].isalnum()


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _apostrophe_mark(
    text: str, mark: re.Match[str], open_mark: str | None, open_at: int, regions: list[QuoteRegion]
) -> tuple[str | None, int]:
    """One step of the pairing for a doubled apostrophe (or any mark inside a ''-quotation).

    Returns the new (open mark, where it opened). The two styles do not pair with each other: a
    doubled apostrophe inside a "-quotation, or a " inside a ''-quotation, is no mark of its own.
    """
    if mark.group()[0] != "'" or (open_mark is not None and open_mark != APOSTROPHES):
        return open_mark, open_at
    if open_mark is None:
        return (APOSTROPHES, mark.start()) if _can_open(text, mark) else (None, open_at)
    inner_start = open_at + len(APOSTROPHES)
    close_at = mark.end() - len(APOSTROPHES)  # of three, the outer two are the double mark
    if _can_close(text, mark) and close_at > inner_start:
        regions.append(QuoteRegion(open_at, mark.end(), inner_start, close_at))
        return None, open_at
    if _can_open(text, mark):  # a fresh opening mark: the previous one was never closed
        end = _rstrip_end(text, open_at, mark.start())
        regions.append(QuoteRegion(open_at, end, inner_start, end, closed=False))
        return APOSTROPHES, mark.start()
    return open_mark, open_at


def find_double_quotes(text: str) -> list[QuoteRegion]:
    """Top-level double-quoted regions, paired paragraph by paragraph."""
    regions: list[QuoteRegion] = []
    paragraphs = _paragraphs(text)
    open_mark: str | None = None
    open_at = 0
    inner_curly = 0  # curly quotes opened inside a straight-quoted excerpt, not yet closed
    for number, (p_start, p_end) in enumerate(paragraphs):
        pos = p_start
        inner_curly = 0
        if open_mark is not None:  # continuing a multi-paragraph quote: skip the re-opening mark
            again = _opens_with_mark(text, p_start, p_end)
            pos = again.end() if again else p_start
        for mark in _MARK.finditer(text, pos, p_end):
            token = mark.group()
            if token[0] == "'" or open_mark == APOSTROPHES:
                open_mark, open_at = _apostrophe_mark(text, mark, open_mark, open_at, regions)
                continue
            if open_mark is None:
                if token in DOUBLE_OPENERS:
                    open_mark, open_at = token, mark.start()
                continue
            if open_mark == '"' and token == "“":
                inner_curly += 1  # a curly quotation inside a straight-quoted excerpt
                continue
            if open_mark == '"' and token == "”" and inner_curly:
                inner_curly -= 1
                continue
            if token in DOUBLE_OPENERS[open_mark] or (token in DOUBLE_CLOSERS and token != "”"):
                inner_start = open_at + len(open_mark)
                regions.append(QuoteRegion(open_at, mark.end(), inner_start, mark.start()))
                open_mark = None
            elif token in ("“", "«", "„") and open_mark in ("“", "«", "„"):
                # a fresh opening mark inside an open quote: the previous one was never closed
                end = _rstrip_end(text, open_at, mark.start())
                regions.append(QuoteRegion(open_at, end, open_at + len(open_mark), end, closed=False))
                open_mark, open_at = token, mark.start()
        if open_mark is not None:
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
            if following and _opens_with_mark(text, *following):
                continue
            end = _rstrip_end(text, open_at, p_end)
            regions.append(QuoteRegion(open_at, end, open_at + len(open_mark), end, closed=False))
            open_mark = None
    return regions


def _is_word(char: str) -> bool:
    return char.isalnum()


def find_single_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Single-quoted sub-regions of ``text[start:end]`` as (start, end) including the marks.

    An opening ‘ or ' must follow a non-word character and precede a non-space; a closing ’ or '
    must follow a non-space and precede a non-word character, which leaves apostrophes in "don’t"
    alone (possessive plurals like "critics’ claims" can still close early; they are rare inside
    a quotation that is itself single-quoted).
    """
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        char = text[i]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if (
            char in "‘'"
            and not _is_word(before)
            and before != "'"
            and after != "'"
            and i + 1 < end
            and not after.isspace()
        ):
            for j in range(i + 1, end):
                if text[j] in "’'":
                    prev = text[j - 1]
                    nxt = text[j + 1] if j + 1 < len(text) else " "
                    if not prev.isspace() and not _is_word(nxt) and j - i > 1:
                        found.append((i, j + 1))
                        i = j
                        break
        i += 1
    return found


# What a straight apostrophe closing a British-style quotation follows or precedes: the end of the
# quoted sentence ('… record high.' / 'It is over,' he said) or punctuation after a quoted phrase
# ('reckless scaremongering'.). "the workers' union" has neither, so a plural possessive never closes.
CLOSE_AFTER = ".,!?…"
CLOSE_BEFORE = ".,;:!?)—–"


def _opens_straight(text: str, i: int, p_start: int, p_end: int) -> bool:
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    return text[i] == "'" and (before.isspace() or before in ":" + OPEN_AFTER) and after.isalnum()


def _straight_close(text: str, i: int, p_start: int, p_end: int) -> int | None:
    """Where the quotation opened by the apostrophe at ``i`` closes, or None when another opening
    apostrophe comes first ("rock 'n' roll is 'dead'": the first one opened nothing)."""
    for j in range(i + 2, p_end):
        if text[j] != "'":
            continue
        if _opens_straight(text, j, p_start, p_end):
            return None
        after = text[j + 1] if j + 1 < p_end else " "
        ends = text[j - 1] in CLOSE_AFTER or j + 1 == p_end or after in CLOSE_BEFORE
        # a quoted phrase inside a sentence ("was drawn up 'in a hurry' after …") closes before a
        # space too, unless the word ends in s: "the workers' union" is a plural possessive
        phrase = after.isspace() and text[j - 1].isalnum() and text[j - 1].lower() != "s"
        if not text[j - 1].isspace() and (ends or (phrase and " " in text[i:j])) and not after.isalnum():
            return j
    return None


def find_straight_single_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level quotations in straight apostrophes ('like this'), as British copy pasted to plain
    text writes them, paragraph by paragraph; (start, end) include the marks.

    An apostrophe opens after a space, a line start, a colon or an opening bracket or dash, before
    a letter, digit or opening mark; it closes only after sentence punctuation or before
    punctuation, the line end or a space at the paragraph's end (``CLOSE_AFTER``,
    ``CLOSE_BEFORE``), or before a space after a phrase of two words or more whose last letter is
    no possessive's s. Elisions ("’til", "rock 'n' roll") and possessives then rarely pair, and a
    mark that finds no closer in its paragraph is no quotation.
    """
    found: list[tuple[int, int]] = []
    paragraphs = [m.span() for m in _PARAGRAPH.finditer(text, start, end)]
    for number, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        while i < p_end:
            if not _opens_straight(text, i, p_start, p_end):
                i += 1
                continue
            close = _straight_close(text, i, p_start, p_end)
            if close is None:
                if _quotation_goes_on(text, i, p_end, paragraphs[number + 1 : number + 2]):
                    found.append((i, _rstrip_end(text, i, p_end)))  # open: no closing mark
                    break
                i += 1
                continue
            found.append((i, close + 1))
            i = close + 1
    return found


def _quotation_goes_on(text: str, i: int, p_end: int, following: list[tuple[int, int]]) -> bool:
    """A quotation opened at ``i`` and left open to its paragraph's end, as a quotation running
    over paragraphs is ('I'm not bitter. … ¶ 'What I am angry about …'): the next paragraph opens
    with a mark, and no other opens in this one ("rock 'n' roll" opened nothing)."""
    if not following or any(_opens_straight(text, j, i, p_end) for j in range(i + 1, p_end)):
        return False
    next_start, next_end = following[0]
    return _opens_straight(text, next_start, next_start, next_end)


def _trim(region: QuoteRegion, text: str) -> QuoteRegion:
    """The region without the spaces inside its marks (French copy spaces them: « Nous … pas »)."""
    while region.inner_start < region.inner_end and text[region.inner_start].isspace():
        region.inner_start += 1
    region.inner_end = _rstrip_end(text, region.inner_start, region.inner_end)
    return region


def find_quotes(text: str) -> list[QuoteRegion]:
    """All quotation regions, top-level double quotes first and their nested single quotes after.
    A region may quote nothing (« », a mark left open at a paragraph's end): it still tells where
    quotations end, and callers make no statement of it."""
    regions = [_trim(r, text) for r in find_double_quotes(text)]
    covered = [(r.start, r.end) for r in regions]
    nested: list[QuoteRegion] = []
    for index, region in enumerate(regions):
        for s, e in find_single_quotes(text, region.inner_start, region.inner_end):
            nested.append(QuoteRegion(s, e, s + 1, e - 1, depth=1, parent=index))
    # British style: top-level single quotes outside every double-quoted region, curly ones and,
    # where no double-quoted region overlaps them, straight apostrophes. (Appended after the double
    # quotes, so the nested regions' parent indices stay right.)
    singles = [(s, e) for s, e in find_single_quotes(text, 0, len(text)) if text[s] == "‘"]
    singles = [(s, e) for s, e in singles if not any(a <= s < b for a, b in covered)]
    singles += [
        (s, e)
        for s, e in find_straight_single_quotes(text, 0, len(text))
        if not any(a < e and s < b for a, b in covered)
    ]
    for s, e in singles:
        closed = text[e - 1] in "’'"  # a straight quotation running on to the next paragraph is not
        regions.append(_trim(QuoteRegion(s, e, s + 1, e - 1 if closed else e, closed=closed), text))
    return regions + [_trim(r, text) for r in nested]
