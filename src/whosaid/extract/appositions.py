"""Names in apposition to a description ("the harbour master, Ivo Laine, said"): who is meant.

The name wins over the description as the speaker; the description becomes the role.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from whosaid.extract.content_edges import doc_text
from whosaid.extract.org_descriptions import COMPANY_NOUNS, MEDIA_NOUNS
from whosaid.extract.speaker_words import first_name_gender, is_org_word, is_title_word, word_class

if TYPE_CHECKING:  # speakers imports this module: the type only, to avoid a cycle
    from whosaid.extract.speakers import ArticlePeople

APPOSITION_MARKS = (",", "(", "—", "–")
# Prepositions after a person's noun whose object the parser sets a name beside ("The mayor of Vila
# Rio, Joana Reis,").
PLACE_PREPOSITIONS = ("of", "to", "for", "at")


def appositive_name(head: Token, people: ArticlePeople) -> tuple[Token, list[Token]] | None:
    """The person named in apposition to a description ("the harbour master, Ivo Laine,"): the
    appositive's head token and its name words, or None.

    The small model tags many names it has not seen as ORG ("The head of the port authority, Helena
    Lund,") or parses a given name as a preposition (", Per Dahl,"), so besides a PERSON entity a
    comma-set pair or triple of capitalised words counts when the described noun is a person's (a
    title, or a noun ending like "master", "fisherman") or the name is one the article or the
    given-name list knows; never after an organisation's or a document's noun.
    """
    if head.ent_type_ == "PERSON":
        return None
    doc = head.doc
    for child in _appositive_children(head):
        # set off by a comma; "Poll: Bernie Sanders …" is a headline the parser glued on. Without a
        # mark only a PERSON name right after a person's noun ("The union leader Piotr Nowak said")
        if not any(t.text in APPOSITION_MARKS for t in doc[head.i + 1 : child.left_edge.i]):
            if child == unmarked_appositive(head) and not is_organisation_noun(head.lower_):
                return child, list(doc[child.left_edge.i : child.i + 1])
            continue
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return child, list(doc[child.left_edge.i : child.i + 1])
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not child.ent_type_:
            # "The jury president, the French actress Helene Marchetti,": a second description
            # that names her right after its noun
            named = next((g for g in child.rights if g.dep_ == "appos" and g.ent_type_ == "PERSON"), None)
            if named is not None and named.left_edge.i == child.i + 1:
                return named, list(doc[named.left_edge.i : named.i + 1])
        # a common noun, or a title written with a capital ("Bangladesh's Foreign Minister, A.K.M.
        # Shahriar Kabir,")
        common = head.pos_ == "NOUN" and head.tag_ == "NN"
        if not (common or word_class(head.lower_) == "title") or word_class(head.lower_) in ("org", "source"):
            continue
        # the tagger takes some surnames for places ("Ana Costa"); a given name says otherwise
        place = child.ent_type_ == "GPE" and first_name_gender(child.left_edge.text) is not None
        if child.dep_ == "appos" and child.pos_ == "PROPN" and (child.ent_type_ in ("", "ORG") or place):
            if any(t.dep_ == "prep" for t in child.rights):
                continue  # "the precursor …, Al Qaeda in Iraq,": a body's name takes a place, a person's not
            words = [t for t in child.lefts if t.dep_ == "compound"] + [child]
        elif child.dep_ == "prep" and child.text[:1].isupper() and child.i > doc[child.i].sent.start:
            obj = next((t for t in child.children if t.dep_ == "pobj"), None)  # ", Per Dahl,"
            words = [child, obj] if obj is not None and obj.i == child.i + 1 and obj.pos_ == "PROPN" else []
        else:
            continue
        # "The operator, Hydra Power,": a business noun ends like a person's noun but names a firm
        person_noun = _person_noun(head) and not (child.ent_type_ == "ORG" and head.lower_ in BUSINESS_NOUNS)
        if name_shaped(words) and (person_noun or _known_name(words, people)):
            return child, words
        if len(words) == 1 and head.lower_ in KIN_NOUNS and first_name_gender(words[0].text) is not None:
            return child, words  # "His wife, Carmen, nodded": a relative known by a given name alone
    return None


def _appositive_children(head: Token) -> list[Token]:
    """Where a name in apposition to ``head`` may hang: on the noun itself, or, for a person's
    noun, on the object of its preposition ("The mayor of Vila Rio, Joana Reis, said", "Kessria's
    ambassador to the United Nations, Igor Malek,": the parser sets the name beside the place), as
    `office_of_place` reads it from the name's side."""
    found = list(head.rights)
    if head.tag_ == "NN" and _person_noun(head):
        found.extend(t for t in head.subtree if t.dep_ == "appos" and office_of_place(t) == head)
    return found


def office_of_place(name: Token) -> Token | None:
    """The person's noun a name in apposition was set beside the place or body of: "envoy" for
    "The UN envoy for Sudan, Ramtane Lamamra,", where the parser hangs the name on "Sudan"; else None.

    The name may sit one phrase down ("of", "to", "for", "at" a place that is no person: not "the
    wife of John Hale, Linda"), or, when the tagger calls it a person, up to three phrases down
    through things, not people ("The ICRC's head of delegation in Libya, Matthias Brenner,", "The
    main opposition candidate in Nigeria's Ondo state governorship election, Babatunde Oyeleke,")."""
    if name.dep_ != "appos":
        return None
    place = name.head
    for depth in range(CHAIN_DEPTH):
        prep = place.head
        if place.dep_ != "pobj" or prep.dep_ != "prep" or place.ent_type_ == "PERSON":
            return None
        if prep.lower_ not in PLACE_PREPOSITIONS and (prep.lower_ != "in" or name.ent_type_ != "PERSON"):
            return None
        if depth and (_person_noun(place) or place.lower_ in KIN_NOUNS or place.lower_ in GROUP_PLACES):
            return None  # "the lawyer for the family of the victim, John Hale,": whose name is it?
        noun = prep.head
        if noun.tag_ == "NN" and _person_noun(noun):
            return noun
        if name.ent_type_ != "PERSON":
            return None
        place = noun
    return None


# How many phrases down a tagged name may hang from the person's noun it names.
CHAIN_DEPTH = 3
# Nouns for people as a group, on which a name names a member, not the office above.
GROUP_PLACES = {"family", "families", "victim", "victims", "children", "people", "group", "team"}


def appositive_org(head: Token) -> Token | None:
    """The organisation named in apposition to a common noun ("The operator, Hydra Power, denies",
    "the group, Human Rights Watch, said"), or to any noun but a person's when the name comes with
    an organisation noun of its own ("Veltrix's largest customer, the cloud provider Nimbus,"): the
    name's head token, or None."""
    if head.pos_ != "NOUN" or head.ent_type_:
        return None
    org_head = is_organisation_noun(head.lower_)
    if not org_head and is_title_word(head.lower_):
        return None
    doc = head.doc
    for child in head.rights:
        if (
            child.dep_ == "appos"
            and child.ent_type_ == "ORG"
            and any(t.text in APPOSITION_MARKS for t in doc[head.i + 1 : child.left_edge.i])
            and (org_head or any(is_organisation_noun(t.lower_) for t in doc[child.left_edge.i : child.i]))
        ):
            return child
        if child == unmarked_appositive(head):
            return child  # "state broadcaster TRT reported"
    return None


def is_organisation_noun(word: str) -> bool:
    """A lower-case noun for an organisation or a business ("union", "ministry", "operator")."""
    return is_org_word(word) or word in BUSINESS_NOUNS or word in MEDIA_NOUNS


# Entity types (none among them) the small model gives names it does not know.
UNSURE_NAME_TYPES = {"", "PRODUCT", "WORK_OF_ART", "FAC"}


def unmarked_appositive(head: Token) -> Token | None:
    """A person's name right after a singular noun, with no comma ("The union leader Piotr Nowak",
    "his colleague David French"), or an organisation's after an organisation noun ("state
    broadcaster TRT"): the name's head token. Not after a plural ("top aides John Podesta" names one
    of several) nor across a dash. A title the tagger takes for a name counts as the noun ("Police
    Chief Raymond Osei", "Chief" the subject and the name its apposition)."""
    if head.tag_ != "NN" and not (head.tag_ == "NNP" and word_class(head.lower_) == "title"):
        return None
    for child in head.rights:
        first = child.left_edge
        # the tagger calls many an unknown body's name a product or leaves it untagged ("the
        # advocacy group Flight Watch Coalition")
        named = child.ent_type_ == "PERSON" or (
            (child.ent_type_ == "ORG" or (child.pos_ == "PROPN" and child.ent_type_ in UNSURE_NAME_TYPES))
            and is_organisation_noun(head.lower_)
        )
        if child.dep_ == "appos" and named and first.i == head.i + 1:
            return child if first.text[:1].isupper() else None
    return None


# Nouns for someone's relatives and neighbours, whom features name by a given name alone.
KIN_NOUNS = {
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "partner",
    "neighbour", "neighbor", "friend", "grandson", "granddaughter", "grandmother", "grandfather",
}  # fmt: skip
# The gender a kin noun gives the person named beside it ("Her husband, Tom,": "she" is not Tom).
KIN_GENDERS = {
    "wife": "f", "husband": "m", "son": "m", "daughter": "f", "mother": "f", "father": "m",
    "brother": "m", "sister": "f", "grandson": "m", "granddaughter": "f", "grandmother": "f",
    "grandfather": "m", "widow": "f", "widower": "m", "uncle": "m", "aunt": "f",
}  # fmt: skip


# A capitalised word, with an apostrophe or hyphen inside as names have them ("Ba'abbad", "O'Neill").
NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


# A person's initials ("P.V. Arumugam", "A.K.M. Shahriar Kabir"); abbreviations of places and
# bodies are not.
INITIALS = re.compile(r"(?:[A-Z]\.){1,4}")
NOT_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "U.S.A.", "N.Y.", "L.A.", "U.A.E."})


def initials(word: str) -> bool:
    return INITIALS.fullmatch(word) is not None and word not in NOT_INITIALS


def name_shaped(words: list[Token]) -> bool:
    """Two or three adjacent capitalised words, as a given name and a surname are written, the first
    perhaps initials ("A.K.M. Shahriar Kabir")."""
    if not 2 <= len(words) <= 3 or words[-1].i - words[0].i != len(words) - 1:
        return False
    if not all(
        (NAME_WORD.fullmatch(t.text) and t.text[:1].isupper() and not t.is_upper)
        or (t.i == words[0].i and initials(t.text))
        for t in words
    ):
        return False
    return not any(is_title_word(t.text) or is_org_word(t.lower_) for t in words)


# Nouns for a business that end like a person's noun ("operator", "retailer"): an organisation
# name set off after one is the business, not a person.
BUSINESS_NOUNS = COMPANY_NOUNS | {
    "operator", "provider", "supplier", "developer", "owner", "distributor", "contractor", "producer",
    "exporter", "importer", "builder", "maker", "processor", "utility", "insurer", "lender", "brewer",
    "miner", "shipper", "grocer", "wholesaler", "landlord", "employer", "label", "studio", "charity", "chain",
}  # fmt: skip
# Endings of nouns for people by what they do (master, fisherman, activist, historian, resident);
# "the new ferry, Nordic Star," is a thing and its name no speaker.
PERSON_NOUN_ENDINGS = ("er", "or", "man", "woman", "person", "ist", "ian", "ant", "ent", "eer", "ee")


def _person_noun(head: Token) -> bool:
    return is_title_word(head.lower_) or head.lower_.endswith(PERSON_NOUN_ENDINGS)


def _known_name(words: list[Token], people: ArticlePeople) -> bool:
    """A name the article gives a person elsewhere, or that starts with a common given name."""
    return people.person_of(words[-1]) is not None or first_name_gender(words[0].text) is not None


def description_before(doc: Doc, start: int, end: int, name_start: int) -> str:
    """The describing words before an appositive name ("The head of the port authority")."""
    stop = name_start
    while stop > start and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    if stop <= start:
        return doc[start:end].text
    return doc_text(doc)[doc[start].idx : doc[stop - 1].idx + len(doc[stop - 1])]
