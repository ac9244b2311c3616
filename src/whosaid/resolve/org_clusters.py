"""Organisations within one article: short names and definite descriptions join the organisation
named in full ("Hospital" and "the hospital" -> "Karsvik Central Hospital").

Conservative by design: a short form joins only when exactly one organisation of the article fits it
(same head noun, no word the full name lacks). With two hospitals named, "the hospital" names neither.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.extract.speaker_names import COMPANY_NAME_ENDINGS
from whosaid.resolve.names import clean_name, fold, same_org_name
from whosaid.resolve.org_names import ORG_TYPES, org_head, short_form_of

if TYPE_CHECKING:
    from whosaid.resolve.clusters import Cluster


# One-word names that are bodies of their own, never a short form of a longer name ending in them
# ("the House" is not the "White House"; "Congress", "the Senate" name themselves).
_STANDALONE = frozenset({"house", "senate", "congress", "parliament", "assembly", "street", "hill"})


def tail_short_form(short: str, full: str) -> bool:
    """ "Post" of "New York Post", "Daily News" of "New York Daily News": the last one or two
    capitalised words of a longer organisation name, as newspapers and firms are called again."""
    words, long_words = clean_name(short).split(), clean_name(full).split()
    if not 1 <= len(words) <= 2 or len(words) >= len(long_words):
        return False
    if not all(w[:1].isupper() and w.isalpha() for w in words) or fold(short) in _STANDALONE:
        return False
    return [fold(w) for w in long_words[-len(words) :]] == [fold(w) for w in words]


def lead_short_form(short: str, full: str) -> bool:
    """ "Halvorsen" of "Halvorsen Shipping": a firm called again by the first word of its name."""
    words, long_words = clean_name(short).split(), clean_name(full).split()
    return (
        len(words) == 1
        and len(long_words) >= 2
        and words[0][:1].isupper()
        and fold(words[0]) == fold(long_words[0])
        and fold(long_words[-1]).rstrip(".") in COMPANY_NAME_ENDINGS
    )


def initials_short_form(short: str, full: str) -> bool:
    """ "DPC" of "Ireland's Data Protection Commission": a body called again by its initials, which
    the small model often leaves untagged (so no cluster of names joins them)."""
    words = clean_name(short).split()
    return len(words) == 1 and words[0].isupper() and fold(short) != fold(full) and same_org_name(short, full)


def _by_last_words(short: str, full: str) -> bool:
    return tail_short_form(short, full) or lead_short_form(short, full) or initials_short_form(short, full)


def fitting_orgs(clusters: list[Cluster], phrase: str, exclude: int = -1) -> list[tuple[int, str]]:
    """Organisation clusters with a name ``phrase`` is a short form of: (cluster, that name). A phrase
    without an institution head noun fits by its last words ("The Post": "New York Post") or a firm's
    first word ("Halvorsen": "Halvorsen Shipping")."""
    fits_name = short_form_of if org_head(phrase) is not None else _by_last_words
    fits: list[tuple[int, str]] = []
    for i, cluster in enumerate(clusters):
        if i == exclude or cluster.type not in ORG_TYPES or not cluster.spans:
            continue
        full = next((n for n in cluster.names if fits_name(phrase, n)), None)
        if full is not None:
            fits.append((i, cluster.canonical() if fits_name(phrase, cluster.canonical()) else full))
    return fits


def org_for_phrase(clusters: list[Cluster], phrase: str) -> tuple[int, str] | None:
    """The one organisation of the article that "the hospital" (or "Hospital") can denote, and why."""
    fits = fitting_orgs(clusters, phrase)
    if len(fits) != 1:
        return None
    index, full = fits[0]
    head = org_head(phrase)
    if head is not None:
        how = f"head noun '{head}'"
    elif initials_short_form(phrase, full):
        how = f"'{clean_name(phrase)}', the initials"
    else:
        how = f"'{clean_name(phrase)}', the last words"
    return index, f"{how} of '{full}', the only such organisation in the article"


def short_name_order(clusters: list[Cluster]) -> list[int]:
    """Organisation clusters with names, longest name first: "Central Hospital" joins "Karsvik Central
    Hospital" before "Hospital" is tried, which then has one organisation left to fit."""
    named = [i for i, c in enumerate(clusters) if c.type in ORG_TYPES and c.names]
    return sorted(named, key=lambda i: -max(len(n) for n in clusters[i].names))


def short_name_target(clusters: list[Cluster], index: int) -> tuple[int, str] | None:
    """The one other organisation cluster that every name of cluster ``index`` is a short form of
    ("Hospital" in a headline, "Karsvik Central Hospital" in the body), and why."""
    targets: dict[int, str] = {}
    for name in clusters[index].names:
        fits = fitting_orgs(clusters, name, exclude=index)
        if not fits:
            return None
        targets.update(fits)
    if len(targets) != 1:
        return None
    ((target, full),) = targets.items()
    return target, f"short form of '{full}', the only such organisation in the article"
