"""Names: cleaning, keys for comparison, and when two person names can be the same person.

A person name is compared by its parts: given name, surname, generational suffix. Two names agree
when the surnames and suffixes are equal and the given names do not differ ("Lukashenko" agrees with
"Alexander Lukashenko"; "Bill Clinton" does not agree with "Hillary Clinton").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from whosaid.extract.speaker_names import POST_NOMINALS


@cache
def lexicon(name: str) -> frozenset[str]:
    """A one-word-a-line data file under ``resolve/data`` (``#`` starts a comment)."""
    text = resources.files("whosaid.resolve").joinpath("data", name).read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(w for w in words if w)


def titles() -> frozenset[str]:
    return lexicon("titles.txt")


def role_nouns() -> frozenset[str]:
    return lexicon("role_nouns.txt")


def pronouns() -> frozenset[str]:
    return lexicon("pronouns.txt")


def suffixes() -> frozenset[str]:
    return lexicon("name_suffixes.txt")


@cache
def nicknames() -> dict[str, str]:
    """Short form -> full form of given names ("joe" -> "joseph"), from ``data/nicknames.tsv``."""
    text = resources.files("whosaid.resolve").joinpath("data", "nicknames.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {short.strip(): full.strip() for short, full in pairs}


@cache
def _given_name_genders() -> dict[str, str]:
    """Common given names and their usual gender: the extractor's list (``whosaid/extract/
    first_names.tsv``, name <TAB> m|f), read here too so that both stages agree on names."""
    text = resources.files("whosaid.extract").joinpath("first_names.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {row[0].strip().lower(): (row[1].strip() if len(row) > 1 else "") for row in rows}


@cache
def given_names() -> frozenset[str]:
    return frozenset(_given_name_genders())


def given_name_gender(word: str) -> str | None:
    return _given_name_genders().get(fold(word)) or None


# Honorifics and the gender they say (the extractor's speaker_words.tsv lists the same).
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "dame": "f"}


def honorific_gender(word: str) -> str | None:
    return _HONORIFICS.get(word.lower().rstrip("."))


def without_epithets(name: str, known: frozenset[str] | None = None) -> str:
    """The name without leading words that are a title or an epithet the tagger ran into it: words
    before a known given name that are no given names themselves, a surname after it ("Universe
    Alicia Machado" -> "Alicia Machado", "Crooked Hillary Clinton" -> "Hillary Clinton"). With
    ``known`` (folded names the article writes), only when the shorter name is one of them: "Earl
    Ray Tomblin" keeps "Earl" when nobody writes "Ray Tomblin"."""
    words = name.split()
    for i in range(1, len(words) - 1):
        if fold(words[i]) not in given_names():
            continue
        rest = " ".join(words[i:])
        plain = all(w.isalpha() and fold(w) not in given_names() for w in words[:i])
        return rest if plain and (known is None or fold(rest) in known) else name
    return name


def _formal(given: str) -> str:
    return nicknames().get(given, given)


_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_POSSESSOR = re.compile(r"^\S+['’]s? (?=\S+ \S)")  # "Ireland's " before a name of 2+ words
_SPACES = re.compile(r"\s+")


# "Jonathan Sandiford KC": the letters after a name, as the extractor drops them.
_POST_NOMINALS = re.compile(r"(?:\s+(?:" + "|".join(sorted(POST_NOMINALS)) + r"))+$")


# Names recur across clusters, candidates and articles: the pure functions below are memoised
# (bounded), which saves the single writer ~10 ms an article of re-folding the same aliases.
@lru_cache(maxsize=65_536)
def clean_name(text: str) -> str:
    """The name as written, without a leading article, a trailing possessive or stray white space."""
    name = _SPACES.sub(" ", text).strip(" \t\n,.;:-–—―\"'“”‘’()[]")
    if text.rstrip().endswith(".") and re.search(r"\b(?:Jr|Sr|Inc|Co|Corp|Ltd|[A-Z])\.$", text.rstrip()):
        name = _SPACES.sub(" ", text).strip(" \t\n,;:\"'“”‘’()")  # keep the dot of "Jr." or "U.S."
    name = _POSSESSIVE.sub("", name)
    name = _POST_NOMINALS.sub("", name)
    if name.lower().startswith("the "):
        name = name[4:]
    return name.strip()


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, for equality tests."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace(".", "").replace("’", "'")
    bare = re.sub(r"[^\w' -]", " ", bare.lower()).replace(" - ", " ")
    return _SPACES.sub(" ", bare).strip()


@dataclass(frozen=True, slots=True)
class PersonName:
    given: tuple[str, ...]  # folded given names and initials, possibly empty
    surname: str  # folded; the only part of a one-word name
    suffix: str = ""

    @property
    def is_single(self) -> bool:
        return not self.given


@cache
def _title_words() -> frozenset[str]:
    return titles() | {t.rstrip(".") for t in titles()}


@cache
def _suffix_words() -> frozenset[str]:
    return frozenset(s.rstrip(".") for s in suffixes())


@lru_cache(maxsize=65_536)
def person_name(text: str) -> PersonName | None:
    """Split a person's name into parts, dropping titles ("Sen. Ted Cruz" -> ted / cruz)."""
    words = fold(clean_name(text)).split()
    while words and words[0] in _title_words():
        words = words[1:]
    suffix = ""
    if len(words) > 1 and words[-1] in _suffix_words():
        suffix = words.pop()
    if not words:
        return None
    return PersonName(given=tuple(words[:-1]), surname=words[-1], suffix=suffix)


def _given_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First given names agree when equal or one is the other's initial; middle names are ignored."""
    if not a or not b:
        return True
    x, y = _formal(a[0]), _formal(b[0])
    if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    # an epithet or title end the tagger ran into the name ("Crooked Hillary Clinton", "Rival
    # Hillary Clinton"): the first given names the given-name list knows agree
    known_a = next((g for g in a if g in given_names()), None)
    known_b = next((g for g in b if g in given_names()), None)
    if known_a is not None and known_b is not None and _formal(known_a) == _formal(known_b):
        return True
    # a word the tagger ran into the name ("Miss Universe Alicia Machado", "Aung San Suu Kyi"):
    # the shorter name's given names all appear in the longer one
    short, long_ = sorted((a, b), key=len)
    return len(short) < len(long_) and all(_formal(g) in {_formal(w) for w in long_} for g in short)


def same_person_name(a: PersonName, b: PersonName) -> bool:
    """Could both names denote one person? Surname-only names agree with any bearer of the surname."""
    if a.surname != b.surname:
        return False
    if a.suffix != b.suffix and not (a.is_single or b.is_single):
        return False
    return _given_agree(a.given, b.given)


def acronym(text: str) -> str:
    """Initials of the capitalised words ("Federal Bureau of Investigation" -> "fbi")."""
    return "".join(w[0] for w in clean_name(text).split() if w[:1].isupper()).lower()


def same_org_name(a: str, b: str) -> bool:
    """Organisation and place names: equal when folded, or one is the other's acronym."""
    fa, fb = fold(clean_name(a)), fold(clean_name(b))
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    short, long_ = sorted((clean_name(a), clean_name(b)), key=len)
    compact = fold(short).replace(" ", "")
    if len(compact) < 2 or " " in fold(short) or len(long_.split()) < 2:
        return False
    # "DPC" for "Ireland's Data Protection Commission": the possessor is no part of the initials
    owned = _LEADING_POSSESSOR.sub("", long_)
    return compact == acronym(long_) or (owned != long_ and compact == acronym(owned))


def nationalities(role: str) -> set[str]:
    """Capitalised adjectives in a role ("Belarusian President" -> {"belarusian"}): used to keep
    "the Russian leader" away from a person known as Belarusian."""
    words = {fold(w) for w in role.split() if w[:1].isupper() and re.search(r"(?:an|ese|ish|i|ch)$", w)}
    return words - titles()
