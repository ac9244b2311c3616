"""People a story names by what they are rather than by name: an age ("the 27-year-old"), where
they are from ("the Spaniard"), a player's position ("the forward"), or an everyday noun ("a nurse",
"one fan"). ``speakers`` decides whom such a phrase re-names; these are the tests of its words."""

from __future__ import annotations

from spacy.tokens import Token

from whosaid.extract.appositions import KIN_NOUNS

# A player's position: match reports re-name the player just written about by it ("the forward"),
# with no role given before, unlike an office ("the senator"), which must match one.
PLAYING_POSITIONS = {
    "striker", "forward", "midfielder", "defender", "goalkeeper", "keeper", "winger", "quarterback",
    "pitcher",
}  # fmt: skip


PEOPLE_NOUN_ENDINGS = ("an", "man", "woman", "ard", "ese", "i", "on")  # Texan, Frenchman, Spaniard, Briton
SHORT_PEOPLE_NOUNS = {
    "dane", "swede", "pole", "scot", "finn", "turk", "czech", "greek", "brit", "swiss", "thai",
}  # fmt: skip
PARTY_MEMBERS = {
    "democrat", "republican", "conservative", "liberal", "libertarian", "socialist", "independent",
}  # fmt: skip
# Nationality compounds the tagger often calls an organisation ("The Dutchman" ORG); a sentence's
# first "The" cannot make them a title. "The Scotsman" is left out: it is a newspaper.
NATIONALITY_COMPOUNDS = {
    "dutchman", "dutchwoman", "frenchman", "frenchwoman", "englishman", "englishwoman", "irishman",
    "irishwoman", "welshman", "welshwoman", "scotswoman",
}  # fmt: skip


# Nouns for ordinary people whom a story quotes without a name ("a nurse", "one commuter"); an
# indefinite one is someone, not an entity the ledger can track across articles.
EVERYDAY_PEOPLE = {
    "nurse", "fan", "commuter", "voter", "parent", "student", "teacher", "doctor", "worker", "patient",
    "victim", "passenger", "customer", "shopper", "mother", "father", "child", "neighbour", "neighbor",
    "mourner", "survivor", "protester", "protestor", "tourist", "resident", "witness", "engineer",
    "driver", "farmer", "employee", "volunteer", "bystander", "onlooker", "attendee", "participant",
    "pupil",
}  # fmt: skip


# Nouns for a person that neither the title list nor everyday people hold, which a story brings
# someone in with ("a trader", "a military attaché", "one delegate") before a "he" or "she".
NEWCOMER_NOUNS = {
    "man", "woman", "boy", "girl", "person", "trader", "attaché", "attache", "delegate", "supporter",
    "ally", "veteran", "officer", "soldier", "researcher", "scientist", "journalist", "pastor",
    "priest", "imam", "rabbi", "shopkeeper", "owner", "vendor", "fisherman", "miner", "friend",
    "relative", "colleague", "organiser", "organizer", "campaigner",
}  # fmt: skip


def person_noun(head: Token) -> bool:
    """A common noun for a person: an everyday one or one that brings someone in."""
    return head.lower_ in EVERYDAY_PEOPLE or head.lower_ in NEWCOMER_NOUNS


def indefinite(head: Token) -> bool:
    """A singular noun brought in with "a", "an", "another" or "one"."""
    return head.tag_ == "NN" and any(
        c.lower_ in ("a", "an", "another", "one") and c.dep_ in ("det", "nummod") for c in head.lefts
    )


def someone_unnamed(head: Token) -> bool:
    """ "A nurse who asked not to be named", "one fan": an indefinite everyday person."""
    return indefinite(head) and head.lower_ in EVERYDAY_PEOPLE


def unnamed_relative(head: Token) -> bool:
    """ "Her neighbour, a retired teacher,", "his wife": someone known by whose relative they are,
    with no name the article gives (a name in apposition is looked for first)."""
    return (
        head.tag_ == "NN"
        and head.lower_ in KIN_NOUNS
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
    )


def bare_person_noun(head: Token) -> bool:
    """A noun for a kind of person standing for the speaker with no name of its own ("The mother of
    a murdered boy has said", a headline's "Nurse tells inquiry", which the tagger may call a name).
    Not one a name owns ("Donald Trump's eldest daughter" says whom it is)."""
    word = head.lower_
    doc = head.doc
    one_word_name = head.ent_iob_ == "B" and (head.i + 1 >= len(doc) or doc[head.i + 1].ent_iob_ != "I")
    return (
        (word in EVERYDAY_PEOPLE or word in KIN_NOUNS)
        and head.tag_ in ("NN", "NNP")
        and (not head.ent_type_ or one_word_name)
        and not any(c.dep_ == "poss" for c in head.children)
    )


def age_of(head: Token) -> str | None:
    """The age an "N-year-old" headed by ``head`` gives ("27"), or None."""
    if head.lower_ != "old":
        return None
    year = next((c for c in head.lefts if c.lower_ in ("year", "years")), None)
    number = next((c for c in year.lefts if c.like_num), None) if year is not None else None
    return number.text if number is not None else None


def age_description(head: Token) -> bool:
    """ "the 27-year-old" on its own: a person by their age alone."""
    return age_of(head) is not None and any(c.lower_ == "the" for c in head.lefts)


def given_age(head: Token) -> Token | None:
    """The name an "N-year-old" description re-names: the latest one the article gave that age
    before it ("Varga, 27,", "27-year-old Varga")."""
    age = age_of(head)
    for tok in reversed(head.doc[: head.i]):
        if age is None or tok.text != age:
            continue
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            return tok.head
        old = tok.head.head if tok.head.lower_ in ("year", "years") else None
        if old is not None and old.lower_ == "old" and old.head.pos_ == "PROPN":
            return old.head
    return None


def people_noun(head: Token) -> bool:
    """ "the Spaniard", "the Texan", "the Dutchman": a person by where they are from alone (not by
    party, which is matched against roles like an office, nor a title such as "The Federalist" or
    "The Tennessean", whose capital mid-sentence gives it away; a sentence's first "The" is left
    alone, except before a nationality compound)."""
    word = head.lower_
    if word in NATIONALITY_COMPOUNDS:
        return [c.lower_ for c in head.lefts] == ["the"]
    return (
        head.ent_type_ == "NORP"
        and head.tag_ in ("NN", "NNP")
        and [c.text for c in head.lefts] == ["the"]  # "The Tennessean" is a newspaper
        and word not in PARTY_MEMBERS
        and (word.endswith(PEOPLE_NOUN_ENDINGS) or word in SHORT_PEOPLE_NOUNS)
    )
