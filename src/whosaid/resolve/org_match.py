"""Across articles: an organisation's short form joins its full name ("the Karsvik hospital" and
"Karsvik Central Hospital"), conservatively.

A short form joins a stored organisation only when it shares a proper word with it (a place or
person named in the article, "Karsvik"; not a nationality), exactly one stored organisation fits,
and no stored name of that organisation has the same head and a word of its own
("Nordvik General Hospital" never joins "Karsvik Central Hospital").
"""

from __future__ import annotations

from collections.abc import Sequence

from whosaid.model import Entity
from whosaid.resolve.entity_pool import Candidate, Pool
from whosaid.resolve.names import fold
from whosaid.resolve.org_names import ORG_TYPES, different_orgs, name_words, org_head, short_form_of
from whosaid.resolve.overrides import Overrides

# the types whose names give proper words (crossdoc.MERGEABLE without NORP)
_NAMED = {"PERSON", "ORG", "GPE", "LOC", "FAC"}


def _kept_apart(overrides: Overrides, names: list[str], candidate: Candidate) -> bool:
    return any(overrides.kept_apart(n, a) for n in names for a in [candidate.name, *candidate.aliases])


def place_words(entities: Sequence[Entity]) -> frozenset[str]:
    """Words of the article's names that are no institution names ("Karsvik", "Nowak"): what can
    tell one "... hospital" from another across articles. Nationalities ("Russian", "Democratic")
    are left out: a country has many ministries, and "Democratic Party" is not the Ohio one."""
    return frozenset(
        word
        for e in entities
        if e.type in _NAMED
        for name in [e.name, *e.aliases]
        if org_head(name) is None
        for word in name_words(name)
    )


def _short_pair(names: list[str], others: list[str], proper: frozenset[str]) -> tuple[str, str] | None:
    """(short, full) when one list has a short form of a name in the other whose words include one of
    ``proper`` besides the head ("Karsvik hospital" / "Karsvik Central Hospital")."""
    for a in names:
        for b in others:
            for short, full in ((a, b), (b, a)):
                if short_form_of(short, full) and (set(name_words(short)) - {org_head(short)}) & proper:
                    return short, full
    return None


def short_form_match(
    store: Pool, entity: Entity, overrides: Overrides, proper: frozenset[str]
) -> tuple[Candidate | None, str]:
    """The one stored organisation this one is a short or full form of, with a place or other proper
    word in common; any stored name with the same head and a word of its own rules a candidate out
    ("Nordvik General Hospital" is never "Karsvik Central Hospital")."""
    names = [n for n in [entity.name, *entity.aliases] if org_head(n) is not None]
    words = {w for n in names for w in n.lower().split(" ") if fold(w) in proper}
    fitting: dict[str, tuple[Candidate, tuple[str, str]]] = {}
    for cand in (c for w in sorted(words) for c in store.by_word(w)):
        others = [cand.name, *cand.aliases]
        if cand.type not in ORG_TYPES or cand.id in fitting or _kept_apart(overrides, names, cand):
            continue
        if any(different_orgs(a, b) for a in names for b in others):
            continue
        pair = _short_pair(names, others, proper)
        if pair is not None:
            fitting[cand.id] = (cand, pair)
    if len(fitting) != 1:
        return None, ""
    ((best, (short, full)),) = fitting.values()
    return best, f"'{short}' is a short form of '{full}' (stored '{best.name}', the only one that fits)"


def short_form_words(entities: Sequence[Entity]) -> list[str]:
    """Lower-cased proper words of the article's organisation names: the stored organisations that
    share one are read as candidates for ``short_form_match``."""
    proper = place_words(entities)
    return sorted(
        {
            word
            for e in entities
            if e.type in ORG_TYPES
            for name in [e.name, *e.aliases]
            if org_head(name) is not None
            for word in name.lower().split(" ")
            if fold(word) in proper
        }
    )
