"""Who is speaking: the speaker phrase of a cue, its title or role, and the person it refers to.

Resolution is deliberately local and cheap (one pass over the Doc's entities): names map to the
fullest form the article uses; pronouns and descriptions go to the most recent compatible person;
plural common nouns ("critics", "Russian officials") stay as group speakers. When nothing fits the
speaker stays None and the statement's confidence drops, rather than guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from whosaid.extract.candidates import doc_text
from whosaid.model import EntityType

PERSONAL_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
GROUP_PRONOUNS = {"they", "them", "we"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
SPEAKER_DEPS = {"nsubj", "nsubjpass"}
# Dependents of the speaker noun that belong to its name or title, not to a clause about it.
NAME_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "punct", "quantmod", "advmod"}


@lru_cache(maxsize=1)
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


@dataclass(slots=True)
class Person:
    """One person of the article: every name form seen, roles, and where it is mentioned."""

    name: str
    forms: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)  # token indices of name heads
    gender: str | None = None
    entity_type: EntityType = "PERSON"


@dataclass(slots=True)
class Resolution:
    speaker: str | None
    speaker_type: EntityType | None
    role: str | None
    how: str  # name | pronoun | description | group | org | unknown


def _clean_name(span: Span) -> tuple[str, list[Token]]:
    tokens = [t for t in span if not (t.tag_ == "POS" or (t.is_punct and t.text not in "-."))]
    while tokens and (is_title_word(tokens[0].text) or tokens[0].lower_ in ("the", "a")):
        tokens = tokens[1:]
    if not tokens:
        return "", []
    doc = span.doc
    text = doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    return text.removesuffix("’s").removesuffix("'s"), tokens


class ArticlePeople:
    """Index of the persons and organisations an article names, built once per Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.people: list[Person] = []
        self.by_last: dict[str, Person] = {}
        self.orgs: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self._add_person(ent)
            elif ent.label_ in ("ORG", "NORP", "GPE"):
                name, _ = _clean_name(ent)
                if name:
                    key = name.split()[-1].lower()
                    if len(name) > len(self.orgs.get(key, "")):
                        self.orgs[key] = name
        self.mention_order = sorted((i, p) for p in self.people for i in p.mentions)

    def _add_person(self, ent: Span) -> None:
        name, tokens = _clean_name(ent)
        if not tokens or not any(t.is_alpha for t in tokens):
            return
        last = tokens[-1].lower_
        person = self.by_last.get(last)
        if person is None:
            person = Person(name)
            self.by_last[last] = person
            self.people.append(person)
        elif len(name.split()) > len(person.name.split()):
            person.name = name  # the fullest form the article uses is the canonical name
        person.forms.add(name)
        person.mentions.append(tokens[-1].i)
        before = ent.start - 1
        role_tokens: list[Token] = []
        while before >= 0 and self.doc[before].pos_ in ("PROPN", "NOUN", "ADJ") and before > ent.start - 5:
            if self.doc[before].ent_type_ == "PERSON":
                break
            role_tokens.insert(0, self.doc[before])
            before -= 1
        if role_tokens:
            person.roles.append(" ".join(t.text for t in role_tokens))
            gender = honorific_gender(role_tokens[-1].text)
            person.gender = person.gender or gender
        head = tokens[-1]
        for child in head.children:
            if child.dep_ == "appos" and child.ent_type_ != "PERSON":
                person.roles.append(" ".join(t.text for t in child.subtree))

    def person_of(self, token: Token) -> Person | None:
        return self.by_last.get(token.lower_.removesuffix("’s").removesuffix("'s"))

    def recent_person(
        self, before: int, exclude: set[str], gender: str | None = None, role_word: str | None = None
    ) -> Person | None:
        """The most recently mentioned person before token ``before`` that fits."""
        fallback: Person | None = None
        for index, person in reversed(self.mention_order):
            if index >= before or person.name in exclude:
                continue
            if gender and person.gender and person.gender != gender:
                continue
            if role_word is None or any(role_word in r.lower() for r in person.roles):
                return person
            fallback = fallback or person
        return fallback if role_word is None else None


def speaker_tokens(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the speaker phrase headed by ``head`` (no relative clause)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in NAME_DEPS or child.dep_ == "compound":
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "case" and child.i == end):
            end = child.right_edge.i + 1
        else:
            break
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].is_space and "\n" in doc[i].text:
            start = i + 1
            break
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > start and doc[end - 1].tag_ == "POS":
        end -= 1
    return start, end


def _person_role(doc: Doc, start: int, end: int, head: Token) -> tuple[str | None, str | None]:
    """Split "Belarusian President Alexander Lukashenko" into name and role."""
    if head.ent_type_ != "PERSON":
        return None, None
    name_start = head.i
    while name_start > start and doc[name_start - 1].ent_type_ == "PERSON":
        name_start -= 1
    while name_start < head.i and is_title_word(doc[name_start].text):
        name_start += 1
    role_start = start
    while role_start < name_start and doc[role_start].lower_ in ("the", "a", "an"):
        role_start += 1
    role = (
        doc_text(doc)[doc[role_start].idx : doc[name_start - 1].idx + len(doc[name_start - 1])]
        if role_start < name_start
        else None
    )
    name = doc_text(doc)[doc[name_start].idx : head.idx + len(head)]
    return name, role


def resolve_speaker(
    head: Token, start: int, end: int, people: ArticlePeople, exclude: set[str]
) -> Resolution:
    """Canonical speaker of the phrase ``doc[start:end]`` headed by ``head``."""
    doc = head.doc
    lower = head.lower_
    if lower in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        noun = head.head.head
        s, e = speaker_tokens(noun)
        return resolve_speaker(noun, s, e, people, exclude)
    for child in head.children:  # "the Belarusian president, Alexander Lukashenko, said"
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and head.ent_type_ != "PERSON":
            s, e = speaker_tokens(child)
            res = resolve_speaker(child, s, e, people, exclude)
            phrase = doc[start:end].text
            return Resolution(res.speaker, res.speaker_type, res.role or phrase, res.how)
    if head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and people.person_of(head) is not None):
        name, role = _person_role(doc, start, end, head)
        person = people.person_of(head)
        canonical = person.name if person else name
        appos_roles = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ != "PERSON"]
        if role is None and appos_roles:
            role = " ".join(t.text for t in appos_roles[0].subtree)
        return Resolution(canonical, "PERSON", role, "name")
    if lower in PERSONAL_PRONOUNS:
        person = people.recent_person(head.i, exclude, PERSONAL_PRONOUNS[lower])
        if person:
            return Resolution(person.name, "PERSON", None, "pronoun")
        return Resolution(None, "PERSON", None, "unknown")
    if lower in GROUP_PRONOUNS or lower in ("i", "you", "it", "one"):
        return Resolution(None, None, None, "unknown")
    phrase, _ = _clean_name(doc[start:end])
    if head.ent_type_ in ("ORG", "GPE", "NORP") or is_org_word(lower):
        key = lower.removesuffix("’s").removesuffix("'s")
        known = people.orgs.get(key) if head.ent_type_ else None
        return Resolution(known or phrase, "ORG", None, "org")
    if head.tag_ in ("NNS", "NNPS"):
        text = doc_text(doc)[doc[start].idx : head.idx + len(head)]
        for prefix in ("the ", "The "):
            text = text.removeprefix(prefix)
        return Resolution(text.removesuffix("’").removesuffix("'"), "GROUP", None, "group")
    determiners = [c for c in head.lefts if c.dep_ in ("det", "poss")]
    if head.pos_ == "NOUN" and determiners and is_title_word(lower):
        modifiers = [c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound")]
        role_word = modifiers[0] if modifiers else lower
        person = people.recent_person(head.i, exclude, role_word=role_word)
        if person is None:
            extra = set(exclude)
            nearest = people.recent_person(head.i, exclude)
            if lower == "counterpart" and nearest is not None:
                extra.add(nearest.name)  # "his counterpart" is not the man "his" points to
            person = people.recent_person(head.i, extra)
        if person:
            return Resolution(person.name, "PERSON", doc[start:end].text, "description")
        return Resolution(None, "PERSON", doc[start:end].text, "unknown")
    if head.pos_ == "PROPN":
        return Resolution(phrase or head.text, "PERSON" if head.ent_type_ == "" else "ORG", None, "name")
    if phrase:
        return Resolution(phrase, "ORG" if head.pos_ == "PROPN" else None, None, "description")
    return Resolution(None, None, None, "unknown")
