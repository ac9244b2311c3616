"""Descriptions that point back to an organisation ("the company", "the regulator") and the kind of
organisation a name is (a business, a public body, or neither)."""

from __future__ import annotations

from typing import Literal

# Nouns that "the …" uses for the last business named ("Norvik … the company said"), and for the
# last public body named ("the Data Protection Commission … the regulator said"); "the group" or
# "the government" are left alone (a group of people; which government).
COMPANY_NOUNS = {
    "company", "firm", "bank", "carrier", "airline", "retailer", "lender", "insurer", "manufacturer",
    "automaker", "carmaker", "chipmaker", "startup", "conglomerate", "broadcaster", "publisher",
    "giant", "multinational",
}  # fmt: skip
REGULATOR_NOUNS = {"regulator", "watchdog", "authority"}  # not "agency": news agencies are no public body
# Words of organisations that are neither public bodies nor businesses ("New York University",
# "Rockefeller Brothers Fund"): "the company" never points to them.
NOT_BUSINESS_WORDS = {
    "university", "college", "school", "foundation", "fund", "institute", "museum", "hospital",
    "church", "party", "campaign", "association", "society", "charity", "trust", "league", "club",
}  # fmt: skip
# Words in a public body's name, and the acronyms news write public bodies as; an organisation
# named without any of them (or the words above) is taken for a business.
PUBLIC_BODY_WORDS = {
    "commission", "authority", "agency", "ministry", "department", "office", "council", "court",
    "government", "regulator", "parliament", "committee", "bureau", "service", "board", "inspectorate",
    "administration", "directorate", "tribunal", "watchdog", "police", "union", "nations",
    "eu", "un", "nato", "imf", "wto", "opec", "ecb", "fed", "sec", "ftc", "fcc", "fda", "epa", "fbi",
    "cia", "nhs", "who",
}  # fmt: skip


# Nouns "the …" uses for the last news outlet named ("Spanish newspaper Diario Deportivo reported
# … The paper said"), and words in an outlet's own name ("The Daily Courier", "The Washington Post").
# Not "magazine": a broadcaster named in between is no magazine.
MEDIA_NOUNS = {"newspaper", "paper", "daily", "tabloid", "outlet"}
MEDIA_NAME_WORDS = {
    "times", "post", "news", "journal", "herald", "gazette", "tribune", "telegraph", "guardian",
    "chronicle", "courier", "daily", "magazine", "radio", "television", "tv",
}  # fmt: skip
OrgKind = Literal["business", "public", "media", "agency", "union", "police", "military"]
# "the force" is the police force named last ("West Yorkshire Police … the force said"); "the army"
# and "the military" the armed forces named last ("the Tamerran Armed Forces … the army said").
POLICE_NAME_WORDS = {"police", "constabulary"}
MILITARY_NOUNS = {"army", "military"}
MILITARY_NAME_WORDS = {"army", "forces", "military"}
# Words in a trade union's name ("Unite the Union", "the National Growers' Federation", "the Gulf
# and Atlantic Longshore Workers Association"), which "the union" points back to.
UNION_WORDS = {"union", "federation", "confederation", "guild", "brotherhood", "teamsters", "workers"}
# Unions of states, which "the union" of a labour story is not.
STATE_UNION_WORDS = {"european", "soviet", "african", "eurasian", "postal"}


def org_description(noun: str) -> OrgKind | None:
    """The kind of organisation a lower-case noun after "the" describes, or None."""
    if noun in COMPANY_NOUNS:
        return "business"
    if noun in REGULATOR_NOUNS:
        return "public"
    if noun in MEDIA_NOUNS:
        return "media"
    if noun == "agency":  # a government agency or a news agency, whichever was named last
        return "agency"
    if noun == "union":
        return "union"
    if noun == "force":
        return "police"
    if noun in MILITARY_NOUNS:
        return "military"
    return None


def _named_with(words: set[str], name: str) -> bool:
    """Whether one of ``words`` is a word of ``name``."""
    return bool(words & set(name.lower().split()))


def is_media_name(name: str) -> bool:
    return _named_with(MEDIA_NAME_WORDS, name)


def is_public_body(name: str) -> bool:
    return _named_with(PUBLIC_BODY_WORDS, name)


def is_business(name: str) -> bool:
    words = set(name.lower().split())
    return not (PUBLIC_BODY_WORDS & words or NOT_BUSINESS_WORDS & words)


def is_union(name: str) -> bool:
    """Whether an organisation's name is a trade union's (not the European Union's)."""
    words = set(name.lower().split())
    return bool(UNION_WORDS & words) and not STATE_UNION_WORDS & words


def is_police(name: str) -> bool:
    return _named_with(POLICE_NAME_WORDS, name)


def is_military(name: str) -> bool:
    return _named_with(MILITARY_NAME_WORDS, name)
