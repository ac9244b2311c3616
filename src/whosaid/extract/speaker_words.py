"""The word lists around speaker names: titles, honorifics, organisation nouns, given names, roles.

Lexicons are data (``speaker_words.tsv``, ``first_names.tsv``, each with its source); the small
tables here say how descriptions ("the Florida senator", "the spokesman") are matched to roles.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

from whosaid.extract.cues import load_lexicon

# Role abbreviations of AP style and US state abbreviations as datelines and party tags write them.
ROLE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "sec": "secretary",
    "atty": "attorney", "pres": "president", "fla": "florida", "vt": "vermont", "tex": "texas",
    "calif": "california", "ky": "kentucky", "wis": "wisconsin", "ohio": "ohio", "nj": "jersey",
    "mass": "massachusetts", "pa": "pennsylvania", "ny": "york", "ark": "arkansas", "la": "louisiana",
    # parties as roles and party tags write them ("GOP nominee", "Sen. Rubio (R-Fla.)", "Democrat")
    "gop": "republican", "r": "republican", "d": "democratic", "democrat": "democratic",
}  # fmt: skip
# Generic head nouns of descriptions and the role words that fill them: "the Danish leader" re-names
# a prime minister, "the lawmaker" a senator. A description's head matches a role holding any of them.
HEAD_EQUIVALENTS = {
    "leader": {"leader", "president", "minister", "premier", "chancellor", "king", "queen", "chairman"},
    "lawmaker": {"lawmaker", "senator", "representative", "congressman", "congresswoman", "legislator"},
    "candidate": {"candidate", "nominee", "contender"},
    "nominee": {"nominee", "candidate"},
    "contender": {"contender", "candidate", "nominee"},
    "pontiff": {"pontiff", "pope"},
    "lawyer": {"lawyer", "attorney", "counsel", "barrister", "solicitor"},
    "attorney": {"attorney", "lawyer", "counsel"},
    "head": {"head", "chief"},  # "The head of England's referees" … "chief refereeing officer"
    "boss": {"boss", "chief", "head"},
    "chief": {"chief", "head", "leader", "boss", "chair", "chairman", "chairwoman"},  # "union chief"
    "headteacher": {"headteacher", "head", "headmaster", "headmistress", "principal"},
    "pm": {"minister", "premier"},  # British and Commonwealth headlines' "Kosovo PM"
}
# Modifiers that say nothing about who is meant ("the former secretary" is matched on "secretary").
VAGUE = {"former", "then", "current", "new", "top", "senior", "longtime", "outgoing", "incoming", "own"}


@lru_cache(maxsize=4)
def _lexicon(name: str) -> dict[str, str]:
    """A two-column data file (word, value) from this package, comments skipped."""
    text = resources.files("whosaid.extract").joinpath(name).read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, value = line.partition("\t")
            table[word.strip().lower()] = value.strip()
    return table


def honorific_gender(word: str) -> str | None:
    value = _lexicon("speaker_words.tsv").get(word.lower().rstrip("."))
    return {"honorific-m": "m", "honorific-f": "f"}.get(value or "")


def is_title_word(word: str) -> bool:
    return _lexicon("speaker_words.tsv").get(word.lower().rstrip(".")) in (
        "title",
        "honorific-m",
        "honorific-f",
    )


def is_org_word(word: str) -> bool:
    return _lexicon("speaker_words.tsv").get(word.lower()) == "org"


def word_class(word: str) -> str | None:
    """The class ``speaker_words.tsv`` gives a word (title, honorific-m/f, org, source), if any."""
    return _lexicon("speaker_words.tsv").get(word.lower())


def speech_verb(word: str) -> bool:
    """A speech verb the tagger took for part of a name ("Stated Stone", "Says Trump")."""
    verbs = load_lexicon().verbs
    low = word.lower()
    stems = (low[:-1], low[:-2], low[:-3]) if low.endswith("ing") else (low[:-1], low[:-2])
    return low in ("said", "says") or (
        low.endswith(("ed", "es", "s", "ing")) and any(stem in verbs for stem in stems) and low not in verbs
    )


def first_name_gender(word: str) -> str | None:
    names = _lexicon("first_names.tsv")
    low = word.lower()
    return names.get(low) or names.get(_unaccented(low)) or None


def _unaccented(word: str) -> str:
    """The word without accents ("françois" → "francois"): the list is written without them."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# Capitalised words before a group's name that pick some of it ("Senate Republicans", "Some
# Democrats"); other capitalised words make a longer name ("Liberal Democrats", "Free Democrats").
GROUP_QUALIFIERS = {
    "some", "many", "most", "several", "senior", "top", "leading", "other", "only", "senate", "house",
    "fellow", "establishment", "mainstream",
}  # fmt: skip


def part_of_party_name(word: str) -> bool:
    """Whether a capitalised word before a group's name belongs to the name ("Liberal" Democrats)."""
    return word.istitle() and word.lower() not in GROUP_QUALIFIERS and not is_title_word(word)


# Labels that open a line with a colon but name no speaker (page furniture, not attributions).
NOT_SPEAKERS = {
    "update", "updated", "note", "editor", "source", "sources", "photo", "video", "watch", "related", "read",
    "click", "breaking", "exclusive", "via", "transcript", "q", "a", "question", "answer", "warning", "image",
    "subscribe", "follow", "contact", "correction", "disclaimer", "tags", "share", "listen", "see", "more",
    "q&a", "analysis", "opinion", "explainer", "factbox", "live", "podcast", "review", "interview",
    "commentary", "editorial", "obituary", "timeline", "recap", "column", "essay", "profile", "feature",
    "comment", "viewpoint", "perspective", "letters", "dispatch", "briefing", "newsletter", "gallery",
    "photos", "videos",
}  # fmt: skip
