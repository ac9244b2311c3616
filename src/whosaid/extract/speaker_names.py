"""The words of a speaker phrase: where it starts and ends, which of them are the name, which the
title or role ("Belarusian President Alexander Lukashenko"), and the keys names are matched by."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from whosaid.extract.content_edges import doc_text
from whosaid.extract.speaker_words import (
    ROLE_ABBREVIATIONS,
    first_name_gender,
    honorific_gender,
    is_title_word,
    speech_verb,
)

# Dependents of the speaker noun that belong to its name or title, not to a clause about it.
NAME_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "punct", "quantmod", "advmod"}


def clean_name(span: Span) -> tuple[str, list[Token]]:
    tokens = [t for t in span if not (t.tag_ == "POS" or (t.is_punct and t.text not in "-."))]
    while tokens and (
        is_title_word(tokens[0].text) or tokens[0].lower_ in ("the", "a") or speech_verb(tokens[0].text)
    ):
        tokens = tokens[1:]
    if not tokens:
        return "", []
    doc = span.doc
    text = doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    return text.removesuffix("’s").removesuffix("'s"), tokens


def role_words(roles: list[str]) -> set[str]:
    """Lower-case words of a person's roles, abbreviations spelt out ("Gov." -> governor)."""
    words = {w for role in roles for w in re.findall(r"[a-z]+", role.lower())}
    return words | {ROLE_ABBREVIATIONS[w] for w in words if w in ROLE_ABBREVIATIONS}


def surname_key(token: Token) -> str:
    return token.lower_.removesuffix("’s").removesuffix("'s")


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


def name_tokens(head: Token, start: int) -> list[Token]:
    """The name words of a person phrase ending at ``head``, without titles and punctuation."""
    doc = head.doc
    first = head.i
    while (
        first > start
        and doc[first - 1].ent_type_ == "PERSON"
        and not is_title_word(doc[first - 1].text)
        and not speech_verb(doc[first - 1].text)
    ):
        first -= 1
    return [t for t in doc[first : head.i + 1] if t.is_alpha or (t.text[:1].isalpha() and "." in t.text)]


def honorific_before(head: Token, start: int) -> str | None:
    for tok in head.doc[start : head.i]:
        gender = honorific_gender(tok.text)
        if gender:
            return gender
    return None


def person_role(doc: Doc, start: int, end: int, head: Token) -> tuple[str | None, str | None]:
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


# Parts of speech no name is made of: the small model sometimes tags a title-case headline
# ("Ferry Fares Rise Again") as a PERSON, which would then answer for every description after it.
NOT_NAME_POS = frozenset({"ADV", "AUX", "VERB", "PRON", "DET", "SCONJ", "CCONJ"})


def could_be_name(tokens: list[Token]) -> bool:
    """False for an entity with a word no name has; given names that are also words ("Will", "Hope")
    pass through the first-name list."""
    return not any(t.pos_ in NOT_NAME_POS and first_name_gender(t.text) is None for t in tokens)
