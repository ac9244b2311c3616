"""Where entities are named in a Doc: cleaned NER names, the roles written around them, descriptions.

Everything here reads the existing parse (no second pass of the pipeline) and returns character spans
into the article text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from whosaid.extract.person_descriptions import NATIONALITY_COMPOUNDS
from whosaid.extract.speaker_names import entity_start, reads_as_company, reads_as_person, reads_as_place
from whosaid.extract.speaker_words import part_of_party_name
from whosaid.model import EntityType, Span
from whosaid.resolve.doc_text import doc_text
from whosaid.resolve.names import clean_name, fold, given_names, person_name, role_nouns, titles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as TokenSpan

ENTITY_LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
    "FAC": "FAC",
    "LOC": "LOC",
}

# On a tie between labels of one name, the more specific wins ("at Crocus City Hall" FAC over ORG).
_TIE_ORDER: list[EntityType] = ["PERSON", "NORP", "ORG", "LOC", "GPE", "FAC"]

_NOT_NAME_TAGS = {"IN", "DT", "CC", "RB", "WRB", "PRP", "PRP$", "TO", "MD"}
# English prepositions and conjunctions (a closed class) that a capitalised sentence start runs into a
# name even when the tagger calls them proper nouns ("Beyond Trump's finances").
_FUNCTION_WORDS = {
    "beyond", "after", "before", "despite", "unlike", "like", "for", "with", "without", "as", "at", "by",
    "from", "in", "on", "to", "under", "over", "while", "when", "if", "but", "and", "or", "so", "yet",
    "since", "until", "although", "though", "because", "unless", "whether", "where", "meanwhile",
}  # fmt: skip

# Capitalised words before a surname that make an organisation, not a first name ("Beyond Trump").
_NOT_GIVEN = {"beyond", "team", "camp", "inside", "against", "pro", "anti", "post", "times", "news", "the"}

# Words a title-cased headline runs into a name ("Lukashenko Says Helped ...").
_HEADLINE_VERB_TAGS = {"VBZ", "VBD", "VBP", "VB", "VBG", "VBN", "MD"}


@dataclass(slots=True)
class NameMention:
    span: Span
    text: str  # the cleaned name, equal to text[span.start:span.end]
    type: EntityType
    token_start: int
    token_end: int


@dataclass(slots=True)
class Description:
    """A noun phrase naming what an entity is ("his counterpart", "the state-run news agency")."""

    span: Span | None  # None when it is a bare title that is no mention ("Belarusian President")
    role: str
    how: str  # "title", "apposition", "definite description"
    nationalities: set[str] = field(default_factory=set)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range of a name without articles, possessives, line breaks or headline verbs."""
    for i in range(start, end):  # a name never crosses a line break
        if "\n" in doc[i].text_with_ws and i + 1 < end:
            end = i + 1
            break
    # leading articles and the prepositions or conjunctions a sentence start runs in ("Beyond Trump's")
    while start < end - 1 and (
        doc[start].lower_ in {"the", "a", "an"}
        or doc[start].is_space
        or doc[start].tag_ in _NOT_NAME_TAGS
        or doc[start].lower_ in _FUNCTION_WORDS
    ):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_space
        or (doc[end - 1].is_punct and doc[end - 1].text not in {".", ")"})
        or (end - 1 > start and doc[end - 1].tag_ in _HEADLINE_VERB_TAGS)
    ):
        end -= 1
    return start, end


def _party_name_start(doc: Doc, start: int, end: int) -> int:
    """Start of a group's name with the capitalised words the tagger left out before it ("[Liberal]
    Democrats"), not a qualifier ("Senate Republicans"), a place or a headline's capitals."""
    while (
        start > 1
        and doc[start - 1].pos_ == "PROPN"
        and not doc[start - 1].ent_type_
        and doc[start - 1].dep_ in ("amod", "compound")
        and start <= doc[start - 1].head.i < end
        and part_of_party_name(doc[start - 1].text)
        and (doc[start - 2].lower_ == "the" or doc[start - 2].is_lower)
    ):
        start -= 1
    return start


def _possessor_start(doc: Doc, start: int) -> int:
    """Where a body named by common nouns begins with its country's possessive ("Russia's defence
    ministry", tagged "defence ministry" alone): without it, Russia's and Ukraine's defence ministries
    would be one name. Only a lower-case name after a place's or a people's "'s"."""
    if start < 2 or not doc[start].is_lower or doc[start - 1].tag_ != "POS":
        return start
    owner = start - 2
    if doc[owner].ent_type_ not in ("GPE", "NORP") or not doc[owner].is_title:
        return start
    return entity_start(doc, owner)  # "South Korea's"


def name_mentions(doc: Doc) -> list[NameMention]:
    """NER names worth tracking, cleaned, each typed by the label most of its occurrences got."""
    found: list[NameMention] = []
    for ent in doc.ents:
        label = ENTITY_LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        if label in ("ORG", "NORP"):
            start = _party_name_start(doc, start, end)
        if label == "ORG":
            start = _possessor_start(doc, start)
        span = doc[start:end]
        text = span.text
        if end - start == 1 and span[0].lower_ in NATIONALITY_COMPOUNDS:
            continue  # "The Dutchman" (tagged ORG) re-names a person; the extractor says whom
        if not any(c.isalpha() for c in text) or clean_name(text) != text:
            cleaned = clean_name(text)
            offset = text.find(cleaned) if cleaned else -1
            if offset < 0 or not any(c.isalpha() for c in cleaned):
                continue
            begin = span.start_char + offset
            found.append(NameMention(Span(begin, begin + len(cleaned)), cleaned, label, start, end))
            continue
        found.append(NameMention(Span(span.start_char, span.end_char), text, label, start, end))
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for mention in found:
        votes[fold(mention.text)][mention.type] += 1
    for mention in found:
        counts = votes[fold(mention.text)]
        mention.type = max(counts, key=lambda label: (counts[label], _TIE_ORDER.index(label)))
        if counts["PERSON"] == counts[mention.type] and fold(mention.text).split()[0] in given_names():
            mention.type = "PERSON"  # "Ava DuVernay" once PERSON, once ORG: a given name decides
        elif mention.type == "ORG" and reads_as_person(doc[mention.token_start : mention.token_end]):
            # "Marcus Feld" only ever ORG: a person's name as the extractor reads it
            mention.type = "PERSON"
        elif mention.type == "PERSON" and reads_as_company(doc[mention.token_start : mention.token_end]):
            mention.type = "ORG"  # "Halvorsen Shipping" PERSON: a firm as the extractor reads it
        elif mention.type == "PERSON" and reads_as_place(doc[mention.token_start : mention.token_end]):
            mention.type = "FAC"  # "St Peter's Basilica" PERSON: a place, as the extractor reads it
    _firms_by_first_word(doc, found)
    _surnames_are_people(found)
    found = [_with_given_name(doc, m) if m.type == "PERSON" else m for m in found]
    trimmed = [_headline_trimmed(doc, m, found) for m in found]
    return [m for m in trimmed if m is not None]


def _firms_by_first_word(doc: Doc, found: list[NameMention]) -> None:
    """ "Halvorsen declined" after "Halvorsen Shipping": a lone word the tagger called a person is the
    firm whose name it opens, unless the article names a person with that surname in full."""
    firms = {
        fold(m.text).split()[0]
        for m in found
        if m.type == "ORG" and reads_as_company(doc[m.token_start : m.token_end], institutions=False)
    }
    people = {fold(m.text).split()[-1] for m in found if m.type == "PERSON" and len(m.text.split()) > 1}
    for mention in found:
        word = fold(mention.text)
        if mention.type == "PERSON" and word in firms and word not in people:
            mention.type = "ORG"


def _surnames_are_people(found: list[NameMention]) -> None:
    """The tagger often calls a person an organisation ("Trump" ORG, "Helena Lund" ORG); if the
    article names a person with that surname, it is the person."""
    surnames = set()
    for mention in found:
        parts = person_name(mention.text) if mention.type == "PERSON" else None
        if parts:
            surnames.add(parts.surname)
    for mention in found:
        words = fold(mention.text).split()
        if mention.type not in {"ORG", "NORP"} or not words or words[-1] not in surnames:
            continue  # places keep their label: "North Korea" is no person even if a "Korea" is
        given_name = len(words) == 2 and mention.text.split()[0][:1].isupper()
        if len(words) == 1 or (given_name and mention.text.split()[0].lower() not in _NOT_GIVEN):
            mention.type = "PERSON"


def _with_given_name(doc: Doc, mention: NameMention) -> NameMention:
    """The tagger sometimes leaves a first name out ("Piotr [Nowak]"): take in capitalised proper
    nouns right before a person's name that belong to no other entity and are no titles."""
    start = mention.token_start
    while start > 0:
        token = doc[start - 1]
        if token.tag_ != "NNP" or token.ent_type_ or _is_title(token) or "\n" in token.text_with_ws:
            break
        if not token.text[:1].isupper() or not token.text.isalpha() or token.lower_ in _FUNCTION_WORDS:
            break
        start -= 1
    if start == mention.token_start or mention.token_start - start > 2:
        return mention
    span = doc[start : mention.token_end]
    return NameMention(
        Span(span.start_char, mention.span.end),
        doc_text(doc)[span.start_char : mention.span.end],
        "PERSON",
        start,
        mention.token_end,
    )


def _is_headline(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _headline_trimmed(doc: Doc, mention: NameMention, found: list[NameMention]) -> NameMention | None:
    """In a title-case headline the tagger runs names into the words around them ("Clinton Hid Past
    Health"): keep the longest run of words that the body uses in person names; a headline "person"
    with no such word ("17 Dead") is dropped."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, mention.span.start) + 1
    line_end = text.find("\n", mention.span.end)
    if mention.type != "PERSON" or not _is_headline(text[line_start : line_end if line_end >= 0 else None]):
        return mention
    known = {
        word
        for m in found
        if m.type == "PERSON" and not line_start <= m.span.start <= (line_end if line_end >= 0 else len(text))
        for word in fold(m.text).split()
    }
    best: tuple[int, int] | None = None
    i = mention.token_start
    while i < mention.token_end:
        j = i
        while j < mention.token_end and fold(doc[j].text) in known:
            j += 1
        if j > i and (best is None or j - i > best[1] - best[0]):
            best = (i, j)
        i = j + 1 if j == i else j
    if best is None:
        return None
    if best == (mention.token_start, mention.token_end):
        return mention
    span = doc[best[0] : best[1]]
    return NameMention(Span(span.start_char, span.end_char), span.text, "PERSON", best[0], best[1])


def _is_title(token: Token) -> bool:
    return token.lower_ in titles() or token.lower_.rstrip(".") in titles()


def _role_text(tokens: list[Token]) -> str:
    """A role as written without its determiner or a possessive; hyphenated words kept whole."""
    parts: list[str] = []
    previous: Token | None = None
    for token in tokens:
        if token.pos_ == "DET" or token.tag_ in {"PRP$", "POS"}:
            continue  # "The Islamic State's affiliate" -> "Islamic State affiliate"
        glued = previous is not None and previous.whitespace_ == "" and "-" in (token.text, previous.text)
        if glued and parts:
            parts[-1] += token.text
        else:
            parts.append(token.text)
        previous = token
    return " ".join(parts)


def _nationalities(tokens: list[Token]) -> set[str]:
    return {fold(t.text) for t in tokens if t.ent_type_ == "NORP"}


def premodifier(doc: Doc, mention: NameMention, taken: set[int]) -> Description | None:
    """The title or description right before a name: "Belarusian President", "his counterpart"."""
    tokens: list[Token] = []
    i = mention.token_start - 1
    while i >= 0:
        token = doc[i]
        if "\n" in token.text_with_ws or (i in taken and token.ent_type_ not in {"NORP", ""}):
            break
        if token.pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} or token.tag_ in {"HYPH", "POS", "VBN"}:
            tokens.insert(0, token)
        elif token.lower_ == "of" and tokens and i > 0 and _is_title(doc[i - 1]):
            tokens.insert(0, token)  # "Secretary of State"
        elif token.pos_ == "DET" or token.tag_ == "PRP$":
            tokens.insert(0, token)
            break
        else:
            break
        i -= 1
    while tokens and tokens[0].tag_ == "POS":
        tokens.pop(0)
    content = [t for t in tokens if t.pos_ != "DET" and t.tag_ != "PRP$"]
    if not content:
        return None
    last = content[-1]
    if not (last.pos_ == "NOUN" or _is_title(last) or any(_is_title(t) for t in content)):
        return None
    role = _role_text(tokens)
    if not role or fold(role) == fold(mention.text):
        return None
    has_determiner = tokens[0].pos_ == "DET" or tokens[0].tag_ == "PRP$"
    span = Span(tokens[0].idx, last.idx + len(last.text)) if has_determiner else None
    return Description(span, role, "apposition" if has_determiner else "title", _nationalities(tokens))


def apposition(doc: Doc, mention: NameMention) -> Description | None:
    """A description after a name and a comma: "Belta, the state news agency"."""
    for token in doc[mention.token_start : mention.token_end]:
        for child in token.children:
            if child.dep_ != "appos" or child.i < mention.token_end or child.ent_type_:
                continue
            if child.pos_ != "NOUN":
                continue
            found = _appositive_description(doc, child)
            if found is not None:
                return found
    return None


def preceding_apposition(doc: Doc, mention: NameMention) -> Description | None:
    """A description the name is set after with a comma: "The Kessrian foreign minister, Anya
    Petrova," (the name in apposition to a role noun before it)."""
    root = doc[mention.token_end - 1]
    head = root.head
    if root.dep_ != "appos" or head.i >= mention.token_start or head.pos_ != "NOUN":
        return None
    if head.lemma_.lower() not in role_nouns() or doc[head.i + 1].text != ",":
        return None
    return _appositive_description(doc, head)


def _appositive_description(doc: Doc, noun: Token) -> Description | None:
    """The description a noun in apposition heads (its phrase up to the noun), when it names a role."""
    tokens = list(doc[noun.left_edge.i : noun.i + 1])
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    role = _role_text(tokens)
    if not tokens or not role:
        return None
    span = Span(tokens[0].idx, noun.idx + len(noun.text))
    return Description(span, role, "apposition", _nationalities(tokens))


def definite_descriptions(doc: Doc, taken: set[int]) -> list[tuple[Description, int]]:
    """ "the Russian leader"-style phrases (a role noun after "the"), with their first token index."""
    found: list[tuple[Description, int]] = []
    for chunk in cast("list[TokenSpan]", list(doc.noun_chunks)):
        root = chunk.root
        if root.lemma_.lower() not in role_nouns() or chunk[0].lower_ != "the" or root.tag_ == "NNS":
            continue
        names_inside = any(t.i in taken and t.ent_type_ != "NORP" for t in chunk)
        if names_inside or (root.i + 1 < len(doc) and doc[root.i + 1].ent_type_):
            continue
        if any(c.dep_ == "appos" and c.i in taken for c in root.rights):
            continue  # "The foreign minister, Anya Petrova,": the name's own description
        tokens = list(doc[chunk.start : root.i + 1])
        span = Span(tokens[0].idx, root.idx + len(root.text))
        found.append(
            (
                Description(span, _role_text(tokens), "definite description", _nationalities(tokens)),
                chunk.start,
            )
        )
    return found


# Parts of speech a definite organisation description may hold between "the" and its head noun.
_ORG_MODIFIER_POS = {"ADJ", "PROPN", "NOUN", "PUNCT"}


def org_descriptions(doc: Doc, taken: set[int]) -> list[tuple[Span, int]]:
    """ "the hospital", "the Karsvik hospital('s)": "the", modifiers, then a singular institution head
    noun outside any name; with the index of "the". Which organisation it is, clusters decide."""
    from whosaid.resolve.org_names import org_heads

    found: list[tuple[Span, int]] = []
    heads = org_heads()
    for token in doc:
        if token.lower_ not in heads or token.i in taken or token.tag_ in {"NNS", "NNPS"}:
            continue
        first = token.left_edge.i
        if first >= token.i or doc[first].lower_ != "the":
            continue
        between = doc[first + 1 : token.i]
        if any(t.pos_ not in _ORG_MODIFIER_POS or t.is_space or "\n" in t.text_with_ws for t in between):
            continue
        if any(t.ent_type_ in {"PERSON", "DATE", "CARDINAL"} for t in between):
            continue
        found.append((Span(doc[first].idx, token.idx + len(token.text)), first))
    return found
