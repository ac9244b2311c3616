"""What a statement asserts, in the few shapes whose disagreement can be named.

Each reader takes a statement's content and returns small facts with their offsets inside the content:
casualty counts ("12 people had been killed"), characterisations from opposed pairs ("an accident" vs
"sabotage", flipped by a nearby negation), who is held responsible, where someone was heading, and
whether the content is negated. relations.py compares these facts between two statements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from whosaid.link.stance_features import lexicon

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)?(?:'[a-z]+)?")
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
_TEENS_AND_TENS = "sixteen seventeen eighteen nineteen twenty"
_NUMBER_WORDS = {w: i for i, w in enumerate(f"{_UNITS} {_TEENS_AND_TENS}".split())} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12,
}  # fmt: skip
_QUALIFIERS = ("at least", "more than", "over", "about", "around", "nearly", "almost", "up to", "some")
_NEGATIONS = frozenset({"no", "not", "never", "nobody", "none", "nothing", "without", "n't"})
_NEGATION_WINDOW = 5  # tokens before a term in which a negation flips it ("no sign of foul play")


# Contents whose facts are kept: a story's statements are compared again with each new group
# of articles (a few facts per content, so 16k contents stay small).
FACT_CACHE = 16384


class Token(NamedTuple):
    # A named tuple rather than a frozen dataclass: built for every word of every content
    # (a frozen dataclass's __init__ took ~40% of the writer's time in ``tokenize``).
    text: str
    start: int
    end: int
    lower: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing a statement asserts: kind ("dead", "cause:0", "responsible", "destination"),
    value (a number, a side, a name) and the offsets of its words inside the content."""

    kind: str
    value: str | float
    start: int
    end: int
    qualifier: str | None = None


@lru_cache(maxsize=4096)
def tokenize(content: str) -> tuple[Token, ...]:
    tokens = []
    for m in _TOKEN.finditer(content):
        text = m.group()
        if text.lower().endswith("n't"):  # "didn't" -> "did" + "n't": the negation is its own token
            tokens.append(Token(text[:-3], m.start(), m.end() - 3, text[:-3].lower()))
            tokens.append(Token("n't", m.end() - 3, m.end(), "n't"))
        else:
            tokens.append(Token(text, m.start(), m.end(), text.lower()))
    return tuple(tokens)


def _data_lines(name: str) -> list[str]:
    text = resources.files("whosaid.link").joinpath("lexicons", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _casualty_words() -> list[tuple[str, list[str]]]:
    pairs = [line.split("\t") for line in _data_lines("casualties.txt")]
    return [(kind, words.split()) for kind, words in pairs]


@lru_cache(maxsize=1)
def _opposites() -> list[tuple[list[list[str]], list[list[str]]]]:
    sides = []
    for line in _data_lines("opposites.txt"):
        left, right = line.split("<>")
        sides.append(([t.split() for t in left.split("|")], [t.split() for t in right.split("|")]))
    return sides


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return dict(line.split("\t") for line in _data_lines("demonyms.tsv"))


@lru_cache(maxsize=1)
def _motion() -> tuple[frozenset[str], frozenset[str]]:
    prepositions, verbs = _data_lines("motion.txt")
    return frozenset(prepositions.split("|")), frozenset(verbs.split("|"))


def _phrase_at(tokens: Sequence[Token], i: int, phrase: list[str]) -> bool:
    """Whether the (lower-cased) ``phrase`` starts at token ``i``."""
    return tokens[i].lower == phrase[0] and (
        len(phrase) == 1 or [t.lower for t in tokens[i : i + len(phrase)]] == phrase
    )


@lru_cache(maxsize=4096)
def _positions(content: str) -> dict[str, list[int]]:
    """The indices of each (lower-cased) token of the content, in order."""
    where: dict[str, list[int]] = {}
    for i, token in enumerate(tokenize(content)):
        where.setdefault(token.lower, []).append(i)
    return where


def _find_at(tokens: Sequence[Token], phrase: list[str], starts: Sequence[int]) -> list[int]:
    """Where ``phrase`` starts, given the indices of its first word (``_positions``): what scanning
    every token would find (tests/link/test_writer_cost.py compares the two)."""
    return [i for i in starts if _phrase_at(tokens, i, phrase)]


def _found_between(tokens: Sequence[Token], phrase: list[str], low: int, high: int) -> bool:
    """Whether ``phrase`` starts at some index in [low, high)."""
    return any(_phrase_at(tokens, i, phrase) for i in range(max(0, low), min(high, len(tokens))))


def _negated(tokens: Sequence[Token], index: int) -> bool:
    return any(t.lower in _NEGATIONS for t in tokens[max(0, index - _NEGATION_WINDOW) : index])


# Of the words that do not start with a digit, ``float`` parses only these.
_FLOAT_WORDS = frozenset({"nan", "inf", "infinity"})


def _number(token: Token) -> float | None:
    text = token.lower.replace(",", "")
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    if not text[:1].isdigit() and text not in _FLOAT_WORDS:
        return None  # most words: no exception raised and caught to learn it
    try:
        return float(text)
    except ValueError:
        return None


@lru_cache(maxsize=FACT_CACHE)
def casualty_counts(content: str) -> tuple[Fact, ...]:
    """Numbers of dead or injured: a number with a casualty word up to four tokens after it, or a
    "death toll" / "killed" up to six tokens before it ("the death toll has risen to 17")."""
    tokens = tokenize(content)
    facts = []
    for i, token in enumerate(tokens):
        value = _number(token)
        if value is None or (token.text.isdigit() and len(token.text) == 4 and 1800 < value < 2100):
            continue  # years are not counts
        for kind, words in _casualty_words():
            # the casualty words just after the number, or a "toll" / "killed" up to six tokens before
            after = _found_between(tokens, words, i + 1, i + 6)
            if after or (words[-1] in ("toll", "killed", "dead") and _found_between(tokens, words, i - 6, i)):
                before_text = content[max(0, token.start - 12) : token.start].lower()
                qualifier = next((q for q in _QUALIFIERS if before_text.rstrip().endswith(q)), None)
                facts.append(Fact(kind, value, token.start, token.end, qualifier))
                break
    return tuple(facts)


@lru_cache(maxsize=FACT_CACHE)
def characterisations(content: str) -> tuple[Fact, ...]:
    """For each opposed pair, which side the content takes: kind "cause:N", value "left"/"right"."""
    tokens = tokenize(content)
    where = _positions(content)
    facts = []
    for n, (left, right) in enumerate(_opposites()):
        for side_name, side, other in (("left", left, "right"), ("right", right, "left")):
            for phrase in side:
                starts = where.get(phrase[0])
                if not starts:
                    continue
                for i in _find_at(tokens, phrase, starts):
                    value = other if _negated(tokens, i) else side_name
                    end = tokens[i + len(phrase) - 1].end
                    facts.append(Fact(f"cause:{n}", value, tokens[i].start, end))
    return tuple(facts)


def side_name(fact: Fact) -> str:
    """The name of the side a characterisation takes: the first word of that side in the lexicon."""
    left, right = _opposites()[int(fact.kind.split(":")[1])]
    return " ".join((left if fact.value == "left" else right)[0])


@lru_cache(maxsize=1)
def _responsibility_words() -> dict[str, list[list[str]]]:
    """The responsibility phrases (as word lists) by their first word."""
    by_first: dict[str, list[list[str]]] = {}
    for phrase in sorted(lexicon("responsibility")):
        words = phrase.split()
        by_first.setdefault(words[0], []).append(words)
    return by_first


@lru_cache(maxsize=FACT_CACHE)
def responsible_party(content: str, speaker: str | None, cue: str | None) -> Fact | None:
    """Who the content holds responsible: the words before "responsible"/"behind"/"to blame", or the
    speaker itself when it "claimed responsibility" (content starting with "responsibility")."""
    tokens = tokenize(content)
    words = _responsibility_words()
    for i, token in enumerate(tokens):
        phrases = words.get(token.lower)
        if not phrases or not any(_phrase_at(tokens, i, w) for w in phrases):
            continue
        if i == 0 or (i == 1 and tokens[0].lower in ("the", "full")):
            if speaker and cue and "claim" in cue.lower():
                return Fact("responsible", speaker, token.start, token.end)
            return None
        # The party is the subject before the copula: "Ukraine and the West were partly responsible".
        subject = [t for t in tokens[:i] if t.lower not in ("were", "was", "is", "are", "partly", "fully")]
        if subject and subject[0].lower == "that":  # "that Ukraine and the West were ..."
            subject = subject[1:]
        if not subject:
            return None
        start, end = subject[0].start, subject[-1].end
        return Fact("responsible", content[start:end], start, end)
    return None


@lru_cache(maxsize=FACT_CACHE)
def destinations(content: str) -> tuple[Fact, ...]:
    """Places someone was said to be heading for: a motion word, then within six tokens a
    preposition, then a capitalised place name (demonyms folded: "Ukrainian" -> "Ukraine")."""
    tokens = tokenize(content)
    prepositions, verbs = _motion()
    facts = []
    for i, token in enumerate(tokens):
        if token.lower not in verbs:
            continue
        for j in range(i + 1, min(len(tokens), i + 7)):
            if tokens[j].lower not in prepositions:
                continue
            for k in range(j + 1, min(len(tokens), j + 5)):
                word = tokens[k].text
                if word[:1].isupper():
                    place = _demonyms().get(word, word)
                    facts.append(Fact("destination", place, tokens[k].start, tokens[k].end))
            break
        # The object of "entering Belarus" / "reach Kyiv" needs no preposition.
        if i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper():
            word = tokens[i + 1].text
            facts.append(
                Fact("destination", _demonyms().get(word, word), tokens[i + 1].start, tokens[i + 1].end)
            )
    return tuple(facts)


@lru_cache(maxsize=4096)  # asked for both sides of every pair a story relates; cues are few
def is_denial(cue: str | None) -> bool:
    return bool(cue) and any(w in lexicon("denial_cues") for w in (cue or "").lower().split())


def negation_count(content: str) -> int:
    return sum(t.lower in _NEGATIONS for t in tokenize(content))
