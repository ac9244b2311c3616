"""Organisation names and their short forms: "the hospital" and "the Karsvik hospital" for
"Karsvik Central Hospital", "the ministry" for "Ministry of Defence".

An organisation name has a head noun (its last word, or the word before "of") from a lexicon of
institution words (``data/org_heads.txt``). A short form has the same head and no word the full name
lacks; two names with the same head where each has a word the other lacks ("Karsvik Central
Hospital", "Nordvik General Hospital") are two organisations.
"""

from __future__ import annotations

from functools import lru_cache

from whosaid.resolve.names import clean_name, fold, lexicon

ORG_TYPES = frozenset({"ORG", "FAC"})
# Words that carry no identity in an organisation name.
_FILLER = frozenset({"the", "of", "and", "for", "&", "on", "in", "at"})


def org_heads() -> frozenset[str]:
    return lexicon("org_heads.txt")


@lru_cache(maxsize=65_536)
def name_words(name: str) -> tuple[str, ...]:
    """Folded words of a name without fillers or possessive endings, in order."""
    words = []
    for word in fold(clean_name(name)).split():
        word = word.removesuffix("'s").rstrip("'")
        if word and word not in _FILLER:
            words.append(word)
    return tuple(words)


@lru_cache(maxsize=65_536)
def org_head(name: str) -> str | None:
    """The head noun of an organisation name when it is an institution word, else None."""
    raw = fold(clean_name(name)).split()
    if "of" in raw[1:]:
        raw = raw[: raw.index("of", 1)]  # "Ministry of Defence" -> "ministry"
    head = raw[-1].removesuffix("'s").rstrip("'") if raw else ""
    return head if head in org_heads() else None


def is_bare_head(name: str) -> bool:
    """A name that is only an institution word ("Hospital", "the Ministry")."""
    words = name_words(name)
    return len(words) == 1 and org_head(name) == words[0]


@lru_cache(maxsize=65_536)
def of_complement(name: str) -> frozenset[str]:
    """Words after the "of" that follows the head ("Department of Revenue Services" -> revenue,
    services): they say which one it is, so a short form other than the bare head keeps them."""
    raw = fold(clean_name(name)).split()
    if "of" not in raw[1:]:
        return frozenset()
    return frozenset(name_words(" ".join(raw[raw.index("of", 1) + 1 :])))


def short_form_of(short: str, full: str) -> bool:
    """Can ``short`` be a shorter way of writing ``full``: same head, no word ``full`` lacks, and
    the words of its "of" part unless ``short`` is the bare head ("Karsvik hospital" of "Karsvik
    Central Hospital"; "Defence Ministry" of "Ministry of Defence"; "State Department" is not
    "state Department of Revenue Services")."""
    head = org_head(short)
    if head is None or head != org_head(full):
        return False
    words = set(name_words(short))
    if not words <= set(name_words(full)):
        return False
    return words == {head} or of_complement(full) <= words


def different_orgs(a: str, b: str) -> bool:
    """Same head, and each name has a word the other lacks: two organisations."""
    head = org_head(a)
    if head is None or head != org_head(b):
        return False
    wa, wb = set(name_words(a)), set(name_words(b))
    return bool(wa - wb and wb - wa)
