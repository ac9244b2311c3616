"""Who is speaking: the speaker phrase of a cue, its title or role, and the person it refers to.

Resolution is deliberately local and cheap (one pass over the Doc's entities): names map to the
fullest form the article uses (people sharing a surname are kept apart by given name); pronouns,
possessives included, go to the latest compatible main-clause subject outside quotation marks;
descriptions ("the Florida senator") to the person whose roles share most of their words; plural
common nouns ("critics", "Russian officials") stay as group speakers. When nothing fits the speaker
stays None and the statement's confidence drops, rather than guessing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from whosaid.extract.appositions import (
    KIN_GENDERS,
    UNSURE_NAME_TYPES,
    appositive_name,
    appositive_org,
    description_before,
    is_organisation_noun,
    name_shaped,
    office_of_place,
)
from whosaid.extract.content_edges import (
    dateline_end,
    doc_text,
    first_line_end,
    in_headline,
    line_start,
    paragraph_of,
)
from whosaid.extract.cue_subjects import past_dateline
from whosaid.extract.cues import headline_verb, load_lexicon
from whosaid.extract.org_descriptions import (
    MEDIA_NOUNS,
    OrgKind,
    is_business,
    is_media_name,
    is_military,
    is_police,
    is_public_body,
    is_union,
    org_description,
)
from whosaid.extract.person_descriptions import (
    PLAYING_POSITIONS,
    age_description,
    age_of,
    bare_person_noun,
    given_age,
    indefinite,
    people_noun,
    person_noun,
    someone_unnamed,
    unnamed_relative,
)
from whosaid.extract.speaker_names import (
    COMPANY_NAME_ENDINGS,
    POST_NOMINALS,
    UNNAMED_SOURCES,
    bare_role,
    canonical_form,
    clean_name,
    could_be_name,
    description_words,
    entity_start,
    honorific_before,
    initialled_name,
    members_of,
    name_after_title,
    name_tokens,
    person_role,
    place_word_in,
    reads_as_company,
    reads_as_person,
    reads_as_place,
    remit_comma,
    remit_end,
    role_apposition,
    role_words,
    speaker_tokens,
    surname_key,
    who_antecedent,
)
from whosaid.extract.speaker_words import (
    HEAD_EQUIVALENTS,
    first_name_gender,
    honorific_gender,
    is_org_word,
    is_title_word,
    part_of_party_name,
)
from whosaid.model import EntityType

PERSONAL_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m", "hers": "f"}
GROUP_PRONOUNS = {"they", "them", "we", "their", "our", "its"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
SPEAKER_DEPS = {"nsubj", "nsubjpass"}
# Determiners that point back to someone already named; "a spokesman" introduces someone new.
DEFINITE = {"the", "this", "that", "these", "those"}
SUBJECT_WINDOW_TOKENS = 60  # how far back (before the pronoun's sentence) subjects are preferred
# Nouns for someone who speaks for, about or against another: "Trump said … . The spokesman said"
# is someone else.
SOMEONE_ELSES_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "lawyer", "attorney",
    "counsel", "representative", "source", "insider", "friend", "relative", "neighbour", "neighbor",
    "witness", "colleague", "partner", "rival", "opponent", "challenger", "counterpart", "critic",
    "deputy", "assistant", "agent", "interpreter", "translator", "judge", "prosecutor", "coroner",
    "interviewer", "host", "moderator", "reporter",
}  # fmt: skip
# Adjectives opening a title that the tagger may take for an organisation ("Supreme Leader").
TITLE_ADJECTIVES = {"supreme", "grand", "chief", "senior", "deputy", "acting", "interim", "former"}
# Nouns of one person whom news call "they" ("A spokesperson said … . “…,” they added").
SINGULAR_THEY_NOUNS = {"spokesperson", "representative", "person"}
# Title words that name no person ("The state said").
NOT_PERSON_TITLES = {"state"}
REPEATED_NOUN_TOKENS = 400  # how far back a description's noun counts as said of someone before
# Nouns of a race any politician may be called by beside their office ("the candidate").
RUNNING_NOUNS = {"candidate", "nominee", "contender", "hopeful", "front-runner", "frontrunner"}
# Parties a description may name ("The Republican candidate"), besides the tagger's NORP words.
PARTY_WORDS = {"gop", "republican", "democratic", "democrat", "conservative", "liberal", "labour", "tory"}
# Nouns that say whether a person is a woman or a man; "-man" words that say neither.
FEMALE_NOUNS = {"mother", "actress", "daughter", "wife", "sister", "grandmother", "girl", "queen", "widow"}
MALE_NOUNS = {"father", "son", "husband", "brother", "grandfather", "boy", "king", "widower"}
NOT_MALE_MAN_WORDS = {"german", "human", "roman", "shaman", "ottoman", "caiman"}


def _phrase(tokens: Iterable[Token]) -> str:
    """Tokens as the article writes them ("Russian-installed", not "Russian - installed")."""
    return "".join(t.text_with_ws for t in tokens).strip()


def noun_gender(noun: str) -> str | None:
    """ "f" or "m" when a person noun says ("spokeswoman", "chairman", "father"), else None."""
    if noun in FEMALE_NOUNS or noun.endswith("woman"):
        return "f"
    if noun in MALE_NOUNS or (noun.endswith("man") and noun not in NOT_MALE_MAN_WORDS):
        return "m"
    return None


# How far back (characters, a few paragraphs) a bearer of a shared surname counts as the one the
# passage is about; resolve.clusters keeps the same figure.
RECENT_NAME_CHARS = 1500


@dataclass(slots=True)
class Person:
    """One person of the article: every name form seen, roles, and where it is mentioned."""

    name: str
    forms: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)  # token indices of name heads
    subjects: dict[int, int] = field(default_factory=dict)  # mention -> 0 main-clause subject, 1 subject
    firsts: set[str] = field(default_factory=set)  # first names seen ("bill" vs "hillary" Clinton)
    counts: dict[str, int] = field(default_factory=dict)  # how often each name form is written
    gender: str | None = None
    entity_type: EntityType = "PERSON"


@dataclass(slots=True)
class Resolution:
    speaker: str | None
    speaker_type: EntityType | None
    role: str | None
    how: str  # name | pronoun | description | group | org | unknown


def _count_mention(person: Person, token: Token) -> None:
    """Record ``token`` as a mention of ``person``, and as a subject when it is one (for pronouns)."""
    person.mentions.append(token.i)
    rank = _subject_rank(token)
    if rank < 2:
        person.subjects[token.i] = rank


def _count_name(person: Person, name: str, tokens: list[Token]) -> None:
    """Record a written form of ``person``'s name (its words ``tokens``, surname last): its count for
    the canonical name, a given name and the gender it says, and the mention at the surname."""
    person.counts[name] = person.counts.get(name, 0) + 1
    person.name = canonical_form(person.counts)
    if len(tokens) > 1:
        person.firsts.update(t.lower_ for t in tokens[:-1])
        person.gender = person.gender or first_name_gender(tokens[0].text)
    person.forms.add(name)
    _count_mention(person, tokens[-1])


def _reported(token: Token) -> bool:
    """Whether ``token`` lies in a clause someone's words report (a ccomp), not the narration."""
    return any(a.dep_ == "ccomp" for a in token.ancestors) or token.dep_ == "ccomp"


def _subject_rank(token: Token) -> int:
    """0 when a name is the subject of the sentence's main verb ("Pataki says Kasich …": Pataki),
    1 when it is the subject of some clause, 2 otherwise (an object, a possessor)."""
    if token.dep_ == "appos" and token.head.dep_ in SPEAKER_DEPS:
        token = token.head  # "One pastor, Darran Whiting, said"
    elif (office := office_of_place(token)) is not None:
        # "The headteacher of St Mary's, Rachel Green, said": the parse hangs her on the school
        token = office
    if token.dep_ not in SPEAKER_DEPS:
        return 2
    verb = token.head
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return 0 if main else 1


# Nouns for places that a city's name modifies ("Oslo airport"): the name is no organisation there.
PLACE_NOUNS = {
    "airport", "station", "harbour", "harbor", "port", "bridge", "square", "street", "road", "avenue",
    "stadium", "arena", "border", "crossing",
}  # fmt: skip

# How far after a description its person may be named ("The health secretary said … . Priya Shah,
# the health secretary, told …"): further on, a role match names someone else as often as not.
LATER_SENTENCES = 1
# How far into the story a headline's description ("Former mayor tells jury …") is looked for: the
# dateline and the lede, which name whom the headline describes.
HEADLINE_AHEAD = 3


class ArticlePeople:
    """Index of the persons and organisations an article names, built once per Doc.

    Persons are told apart by first name under a shared surname ("Bill Clinton" and "Hillary
    Clinton" stay two people); a bare surname goes to the first person introduced with it, the one
    newsrooms keep calling by surname alone, unless an honorific's gender says otherwise.
    """

    def __init__(self, doc: Doc, quoted: Callable[[int], bool] | None = None) -> None:
        self.doc = doc
        self.quoted = quoted
        self.people: list[Person] = []
        self.by_last: dict[str, list[Person]] = {}
        self.orgs: dict[str, str] = {}
        self.firm_short_names: dict[str, str] = {}  # first word -> a firm's full name
        self.org_mentions: list[tuple[int, str]] = []  # (token index, name) of named organisations
        # the organisation "the agency" was last found to be (resolution runs in text order)
        self.agency_named: str | None = None
        self.media: set[str] = set()  # the names among them that are news outlets
        self.not_people = _names_of_things(doc)
        self._lower_words: set[str] | None = None
        self._org_nouns: list[tuple[int, str, int]] | None = None  # see org_described_as
        self._given_names: set[str] = set()  # people named by a given name alone, as subjects
        # a "he" or "she" resolved to an unnamed newcomer ("A spokeswoman for X said … “…,” she
        # said"), by token: the next paragraph's "She denied" goes on with the same newcomer
        self.newcomer_pronouns: dict[int, int] = {}
        # the person who spoke last, and where (resolution runs in text order): "he" continues them
        self.last_speaker: tuple[int, Person] | None = None
        self.last_asked = False  # whether the last speaker asked a question (the next one answers it)
        for ent in doc.ents:
            ent, short = _abbreviated(ent)
            spelt = _spelt_before(ent) if ent.label_ == "ORG" else None
            if spelt is not None:  # "The Footplate and Rail Staff Union (FRSU)", only "FRSU" tagged
                self.firm_short_names.setdefault(ent.text.lower(), spelt)
            if ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ == "based":
                continue  # "the Oslo-based company": a place, whatever the tagger says
            if ent.end < len(doc) and ent[-1].head.i == ent.end and doc[ent.end].lower_ in PLACE_NOUNS:
                continue  # "at Oslo airport": a place's name, no organisation
            # a name right after "newspaper" is an outlet's, whatever the tagger says ("Spanish
            # newspaper Diario Deportivo" PERSON)
            outlet = (
                ent.start > 0 and doc[ent.start - 1].lower_ in MEDIA_NOUNS and ent.label_ in ("ORG", "PERSON")
            )
            # "Danish shipping giant Maersk" PRODUCT: the noun before it says the name is a body's
            described_org = (
                ent.label_ in UNSURE_NAME_TYPES
                and _organisation_noun_before(ent.root, max(0, ent.start - 3)) is not None
            )
            initialled = initialled_name(ent) if ent.label_ in ("PERSON", "ORG") else None
            if initialled is not None:
                self._add_person(initialled)  # "P.V. Arumugam", "A.K.M. Shahriar Kabir"
                continue
            if ent.label_ == "PERSON" and (_place_after_in(ent) or reads_as_place(ent)):
                continue  # "has farmed olives in Jaen", "St Peter's Basilica": places, tagged people
            if not outlet and (
                (ent.label_ == "PERSON" and not reads_as_company(ent))
                or (ent.label_ == "ORG" and (reads_as_person(ent) or self._appositive_person(ent)))
            ):
                titled = name_after_title(ent) if ent.label_ == "ORG" else None
                self._add_person(titled if titled is not None else ent)
            elif ent.label_ in ("ORG", "NORP", "GPE", "PERSON") or outlet or described_org:
                name, _ = clean_name(ent, titles=not is_org_word(ent[-1].lower_))
                if " " not in name:  # "Greystone" after "Greystone Properties": the firm in full
                    name = self.firm_short_names.get(name.lower()) or self._spelt_out(name) or name
                if name:
                    key = name.split()[-1].lower()
                    if len(name) > len(self.orgs.get(key, "")):
                        self.orgs[key] = name
                    if reads_as_company(ent, institutions=False):  # "Halvorsen" after "Halvorsen Shipping"
                        self.firm_short_names.setdefault(name.split()[0].lower(), name)
                    if short is not None:
                        # "The Pakistan Meteorological Department (PMD)": "the PMD" later is it
                        self.firm_short_names.setdefault(short.lower(), name)
                        self.orgs.setdefault(short.lower(), name)
                    # a PERSON here is a firm; a "place" ending in an organisation's word is one
                    # ("West Yorkshire Police" GPE)
                    organisation = (
                        ent.label_ in ("ORG", "PERSON")
                        or outlet
                        or (ent.label_ == "GPE" and is_org_word(ent[-1].lower_))
                        or described_org
                    )
                    # "Supreme [ORG] Leader Ayatollah Ali Khamenei": the start of a title, no body
                    # ("Apple CEO Tim Cook" keeps Apple)
                    if (
                        ent.text.lower() in TITLE_ADJECTIVES
                        and ent.end < len(doc)
                        and is_title_word(doc[ent.end].lower_)
                    ):
                        organisation = False
                    # a wire dateline's city and agency ("TAIPEI (Reuters) -") are no one the story
                    # calls "the company" later
                    if (
                        organisation
                        and ent.start >= dateline_end(doc, line_start(doc, ent.start))
                        and (quoted is None or not quoted(ent.start_char))
                    ):
                        self.org_mentions.append((ent.root.i, name))
                        if outlet or is_media_name(name):
                            self.media.add(name)
        tagged = doc.to_array([POS, ENT_TYPE, DEP])  # read once for both passes below
        self._add_untagged_appositives(tagged)
        self._add_untagged_surnames(tagged)
        self._add_untagged_named_subjects(tagged)
        self._forget_places()
        # antecedents for pronouns: names in the narration, not inside someone's quoted words
        self.mention_order = sorted(
            (i, p) for p in self.people for i in p.mentions if quoted is None or not quoted(doc[i].idx)
        )

    def _forget_places(self) -> None:
        """Forget a one-word "person" the story writes as a place or a thing ("the Teesta",
        "prosecutors in Boulogne", never the subject of a sentence): the small model tags many
        rivers and towns it does not know as people, and a "he" would then point to them."""
        doc = self.doc
        for person in list(self.people):
            if " " in person.name or person.firsts or person.roles or person.gender:
                continue
            if first_name_gender(person.name) is not None or person.name in self._given_names:
                continue  # "Ibrahim, 19, said", whom the tagger called a place
            uses = [
                t
                for t in doc
                if t.text == person.name
                and t.dep_ != "compound"
                and not in_headline(t)
                and not (self.quoted is not None and self.quoted(t.idx))
            ]
            before = [doc[t.i - 1].lower_ if t.i > 0 else "" for t in uses]
            the = any(word == "the" and t.tag_ == "NNP" for word, t in zip(before, uses, strict=True))
            placed = any(word in ("in", "at", "near") for word in before)
            subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in uses)
            # "Synod Backs …" in a headline, "the General Synod of …" in the story
            named_thing = bool(uses) and all(t.ent_type_ in PLACE_OR_BODY for t in uses)
            if the or named_thing or (placed and not subject):
                self.people.remove(person)
                for key, same in list(self.by_last.items()):
                    if person in same:
                        same.remove(person)
                        if not same:
                            del self.by_last[key]

    def _spelt_out(self, short: str) -> str | None:
        """The organisation named before whose initials a capitalised short form is, when the
        article never put it in brackets ("the National Transportation Safety Board" … "The NTSB"),
        or None."""
        if not (short.isalpha() and short.isupper() and 2 <= len(short) <= 6):
            return None
        full = next(
            (
                name
                for name in self.orgs.values()
                if len(name.split()) > 1
                and "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in NAME_GLUE)
                == short
            ),
            None,
        )
        if full is not None:  # "the NTSB" later is it too
            self.firm_short_names[short.lower()] = full
            self.orgs[short.lower()] = full
        return full

    def _add_untagged_appositives(self, tagged: np.ndarray) -> None:
        """Register a person the tagger did not name but an apposition does ("The city's mayor, Ana
        Ruiz, said"): a pronoun after it must be able to point to her. ``tagged``: POS, ENT_TYPE and
        DEP of every token."""
        doc = self.doc
        appos = doc.vocab.strings["appos"]
        untagged = np.flatnonzero((tagged[:, 0] == PROPN) & (tagged[:, 1] == 0) & (tagged[:, 2] == appos))
        # a given name the tagger took for a place ("His wife, Carmen [GPE], nodded")
        person = doc.vocab.strings["PERSON"]
        mistagged = np.flatnonzero(
            (tagged[:, 0] == PROPN) & (tagged[:, 1] != 0) & (tagged[:, 1] != person) & (tagged[:, 2] == appos)
        )
        given = [i for i in mistagged.tolist() if first_name_gender(doc[i].text) is not None]
        for i in sorted(untagged.tolist() + given):
            owner = doc[i].head
            named = appositive_name(owner, self)
            office = office_of_place(doc[i]) if named is None else None
            if office is not None:  # "The UN envoy for Sudan, Ramtane Lamamra,"
                named = appositive_name(office, self)
            if named is None or named[0].i != i:
                continue
            words = named[1]
            if not any(words[-1].i in p.mentions for p in self.people):
                self._add_person(doc[words[0].i : words[-1].i + 1])

    def _add_titled_subjects(self, tagged: np.ndarray) -> None:
        """Register a person the tagger split into a place and a body ("Finance Minister [Beatriz]
        GPE [Olarte Sanabria] ORG wrote"): a subject's name after a title, starting with a known
        given name, so that "she" after it is hers."""
        doc = self.doc
        nsubj = doc.vocab.strings["nsubj"]
        for i in np.flatnonzero((tagged[:, 0] == PROPN) & (tagged[:, 2] == nsubj)).tolist():
            if doc[i].ent_type_ == "PERSON" or any(i in p.mentions for p in self.people):
                continue
            start = i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and not is_title_word(doc[start - 1].text):
                start -= 1
            if (
                start < i
                and start > 0
                and is_title_word(doc[start - 1].text)
                and first_name_gender(doc[start].text) is not None
            ):
                self._add_person(doc[start : i + 1])

    def _add_untagged_named_subjects(self, tagged: np.ndarray) -> None:
        """Register a person the tagger did not name but a person's noun introduces, right before the
        name ("Year 10 pupil Ellie, 15, admitted") or set after it ("Arya Wibisono, a political
        researcher at a Jakarta think-tank, said"): "she" after it is hers."""
        doc = self.doc
        nsubj = doc.vocab.strings["nsubj"]
        for i in np.flatnonzero(
            (tagged[:, 0] == PROPN) & (tagged[:, 1] == 0) & (tagged[:, 2] == nsubj)
        ).tolist():
            start = i
            while (
                start > 0
                and doc[start - 1].pos_ == "PROPN"
                and not doc[start - 1].ent_type_
                and not is_title_word(doc[start - 1].text)
            ):
                start -= 1
            noun = doc[start - 1] if start > 0 else None
            # "Year 10 pupil Ellie", "Superintendent Gerard Hanlon of Tullamore Garda Station"
            introduced = (
                noun is not None
                and noun.pos_ in ("NOUN", "PROPN")
                and noun.head.i == i
                and _person_kind(noun)
                and (noun.pos_ == "NOUN" or start < i)
            )
            if reads_as_company(doc[start : i + 1], institutions=False):
                # "Halvard Semiconductor warned …": a firm "the company" (and "Halvard") can mean
                name = doc[start : i + 1].text
                self.org_mentions.append((i, name))
                self.firm_short_names.setdefault(doc[start].lower_, name)
                continue
            if not (introduced or _described_after(doc[start : i + 1])):
                continue
            if not any(i in p.mentions for p in self.people):
                self._add_person(doc[start : i + 1])
        self.org_mentions.sort()
        self._add_titled_subjects(tagged)
        # a given name alone, as features name migrants, survivors and fans, which the tagger
        # calls a place or a product ("Ibrahim, 19, from Conakry, said"; "Fatoumata, a
        # 31-year-old hairdresser from Abidjan, said")
        for i in np.flatnonzero((tagged[:, 0] == PROPN) & (tagged[:, 2] == nsubj)).tolist():
            word = doc[i]
            if (
                word.ent_type_ in ("PERSON", "ORG")
                or not word.is_title
                or (i > word.sent.start and doc[i - 1].pos_ == "PROPN")
                or any(i in p.mentions for p in self.people)
            ):
                continue
            if not (_aged(word) or _described_after(doc[i : i + 1], single=True)):
                continue
            same = self.by_last.get(surname_key(word))
            if not same:  # "Adel Nefzi said" … "Nefzi, a chemistry professor, said": the full name
                full = next(
                    (t for t in doc if t.text == word.text and t.i > 0 and _capitalised_name(doc[t.i - 1])),
                    None,
                )
                if full is not None:
                    self._add_person(doc[full.i - 1 : full.i + 1])
                    same = self.by_last.get(surname_key(word))
            if same:
                if len(same) == 1:
                    _count_mention(same[0], word)
            else:
                self.not_people.discard(word.text)  # the tag that made it a thing was wrong
                self._given_names.add(word.text)
                self._add_person(doc[i : i + 1])

    def _lower_case_words(self) -> set[str]:
        """The words the article writes in lower case below its headline, read once."""
        if self._lower_words is None:
            body = self.doc.char_span(
                first_line_end(self.doc) + 1, len(doc_text(self.doc)), alignment_mode="expand"
            )
            self._lower_words = {t.text for t in body or () if t.is_lower and t.is_alpha}
        return self._lower_words

    def _add_untagged_surnames(self, tagged: np.ndarray) -> None:
        """Count a lone surname the tagger left unnamed ("Marchand, however, dismissed …") as a
        mention of the one person who bears it, so that a pronoun after it can point to them."""
        if not self.by_last:
            return
        doc = self.doc
        person = doc.vocab.strings["PERSON"]
        proper = np.flatnonzero((tagged[:, 0] == PROPN) & (tagged[:, 1] != person)).tolist()
        for i in sorted(set(proper) | set(self._capitalised_words())):
            same = self.by_last.get(surname_key(doc[i]))
            if same and len(same) > 1:  # a family sharing the name: the one the headline names
                headlined = self._headlined(same)
                same = [headlined] if headlined is not None else []
            if not same or len(same) != 1 or i in same[0].mentions:
                continue
            if i > 0 and self._untagged_given_name(doc[i - 1], same[0]):
                given = doc[i - 1]  # "Amara Osei": the full name, as if the tagger had named it
                _count_name(same[0], f"{given.text} {doc[i].text}", [given, doc[i]])
                continue
            if (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN") or (i > 0 and doc[i - 1].pos_ == "PROPN"):
                continue  # part of a longer name: another person or an organisation
            _count_mention(same[0], doc[i])

    def _capitalised_words(self) -> Iterator[int]:
        """Words the parser took for common ones ("Early described it") that only a name would
        capitalise: inside a body sentence, not after a quotation mark or a colon."""
        doc = self.doc
        for t in doc:
            if (
                t.is_title
                and t.pos_ != "PROPN"
                and not t.is_sent_start  # (not t.sent, which builds the sentence for every word)
                and not doc[t.i - 1].is_quote
                and doc[t.i - 1].text not in (":", "(", "[")
                and not in_headline(t)
            ):
                yield t.i

    def _untagged_given_name(self, word: Token, person: Person) -> bool:
        """Whether ``word`` gives a given name to a person the tagger named by surname alone
        ("Amara Osei left Ghana at 19" untagged, "Osei says" tagged): a capitalised proper noun,
        no title, first of a two-word name, and a known given name or one the article writes
        twice; a capital that only opens a sentence or a title-case headline says nothing alone
        ("Outside Carrier, workers …")."""
        doc = self.doc
        if not (
            not person.firsts
            and word.pos_ == "PROPN"
            and word.is_title
            and not word.ent_type_
            and not is_title_word(word.text)
            and not is_org_word(word.lower_)
            and (word.i == 0 or doc[word.i - 1].pos_ != "PROPN")
        ):
            return False
        if first_name_gender(word.text) is not None:
            return True
        surname = doc[word.i + 1].text
        pairs = sum(1 for t in doc[:-1] if t.text == word.text and doc[t.i + 1].text == surname)
        return pairs >= 2

    def _appositive_person(self, ent: Span) -> bool:
        """An ORG-tagged name in apposition to a person's description ("the harbour master, Ivo Laine")."""
        if ent.root.dep_ != "appos":
            return False
        named = appositive_name(ent.root.head, self)
        return named is not None and named[0].i == ent.root.i

    def lookup(self, tokens: list[Token], gender: str | None = None) -> Person | None:
        """The person a cleaned name (title dropped) refers to, or None if the article never names it."""
        if not tokens:
            return None
        same = self.by_last.get(surname_key(tokens[-1]))
        if not same:
            return (
                self._by_inner_name(tokens[0]) or self._by_given_name(tokens[0]) if len(tokens) == 1 else None
            )
        if len(tokens) > 1:  # any given name or leading word the article used for them
            given = {t.lower_ for t in tokens[:-1]}
            return next((p for p in same if given & p.firsts), None)
        if gender is not None:  # "Mr. Obama" is not Michelle Obama, whoever came first
            # one known to be of that gender before one whose gender nothing says (as clusters do)
            said = [p for p in same if p.gender == gender]
            same = said or [p for p in same if p.gender is None]
        return self._principal(same, tokens[-1]) if same else None

    def _by_given_name(self, word: Token) -> Person | None:
        """The one person whose given name ``word`` is, when no one bears it as a surname: a
        family's "Declan" after "Declan Furlong", as features and relatives name them."""
        if not word.text[:1].isupper():
            return None
        holders = [p for p in self.people if word.lower_ in p.firsts]
        return holders[0] if len(holders) == 1 else None

    def _by_inner_name(self, word: Token) -> Person | None:
        """The one person whose full name holds ``word`` between its first and last words: "Lula"
        after "Luiz Inacio Lula da Silva", "López" after "Andrés Manuel López Obrador"."""
        if not word.text[:1].isupper():
            return None
        holders = [p for p in self.people if any(word.text in form.split()[1:-1] for form in p.forms)]
        return holders[0] if len(holders) == 1 else None

    def _principal(self, same: list[Person], surname: Token) -> Person:
        """Of the bearers of a bare surname, the one introduced first (``same`` is in that order):
        newsrooms call the article's principal subject by surname alone and keep the given name for
        the other. Only bearers named in the last paragraphs count when one is: a roundup's later
        item ("Homeland Security Secretary Jeh Johnson … Johnson said") is not about a Johnson
        named once, long before. A bearer the headline names is the principal whatever came since
        ("The Quiet Fire of Teodora Lind" … her father Anders Lind, her mother Rosa Lind … "Lind
        left the university")."""
        headlined = self._headlined(same)
        if headlined is not None:
            return headlined
        since = surname.idx - RECENT_NAME_CHARS
        recent = [p for p in same if any(since <= self.doc[i].idx < surname.idx for i in p.mentions)]
        return (recent or same)[0]

    def _headlined(self, same: list[Person]) -> Person | None:
        """The one of ``same`` whose full name the headline writes, if exactly one (the tagger
        often names nobody in a title-case headline, so its words are read, not its entities)."""
        headline = doc_text(self.doc)[: max(first_line_end(self.doc), 0)]
        named = [p for p in same if any(" " in form and form in headline for form in p.forms)]
        return named[0] if len(named) == 1 else None

    def _add_person(self, ent: Span) -> None:
        previous = self.doc[ent.start - 1] if ent.start > 0 else None
        if (
            len(ent) == 1
            and previous is not None
            and previous.pos_ == "PROPN"
            and not previous.ent_type_
            and first_name_gender(previous.text) is not None
        ):
            ent = self.doc[ent.start - 1 : ent.end]  # "Mehmet Yilmaz" with only "Yilmaz" tagged
        name, tokens = clean_name(ent)
        if not tokens or not any(t.is_alpha for t in tokens) or not could_be_name(tokens):
            return
        if len(tokens) == 1 and bare_person_noun(tokens[0]):
            return  # a headline's "Nurse" the tagger called a name
        if _holds_headline_verb(tokens):
            return  # "Senator Attacks Plan": a title-case headline's verb read as a name
        capitals = [t for t in tokens if t.text[:1].isupper()]
        if not capitals:
            return  # "households with smart meters who are paid": no capital, no name
        if in_headline(tokens[0]) and any(t.lower_ in self._lower_case_words() for t in capitals):
            return  # "Warns Inflation Is …" over a story about "inflation": a word, not a name
        if len(tokens) == 1 and tokens[0].text in self.not_people:
            return  # "Since Brine landed on a list" after "Brine, her 40-seat restaurant"
        last = surname_key(tokens[-1])
        # the honorific before the name, or the first word of it ("Monsieur Bernard" tagged whole)
        honorific = (honorific_gender(self.doc[ent.start - 1].text) if ent.start > 0 else None) or (
            honorific_gender(ent[0].text) if len(ent) > 1 else None
        )
        first = tokens[0].lower_ if len(tokens) > 1 else None
        same = self.by_last.setdefault(last, [])
        person = self.lookup(tokens, honorific)
        if person is None and first is not None:
            # a surname seen alone so far takes the first full name that comes with it, unless its
            # honorific said the other gender ("Mr. Clinton … Hillary Clinton")
            gender = first_name_gender(tokens[0].text)
            fits = (p for p in same if not p.firsts and (gender is None or p.gender in (gender, None)))
            person = next(fits, None)
        if person is None:
            person = Person(name)
            same.append(person)
            self.people.append(person)
        _count_name(person, name, tokens)
        before = ent.start - 1
        role_tokens: list[Token] = []
        while before >= 0 and self.doc[before].pos_ in ("PROPN", "NOUN", "ADJ") and before > ent.start - 5:
            if self.doc[before].ent_type_ == "PERSON":
                break
            role_tokens.insert(0, self.doc[before])
            before -= 1
        if role_tokens:
            person.roles.append(_phrase(role_tokens))
        person.gender = person.gender or honorific
        head = tokens[-1]
        for child in head.children:
            if role_apposition(head, child):
                person.roles.append(_phrase(child.subtree))
        if head.dep_ == "appos" and head.head.ent_type_ != "PERSON":  # "her Danish counterpart, Jens Holm"
            owner = head.head
            person.gender = person.gender or KIN_GENDERS.get(owner.lower_)
            named_owner = owner.pos_ == "PROPN"  # a place or body, not "an analyst at the firm, Janney …"
            office = (
                owner.head.head
                if named_owner and owner.dep_ == "pobj" and owner.head.dep_ == "prep"
                else None
            )
            if office is not None and office.pos_ == "NOUN" and is_title_word(office.lower_):
                # "The former mayor of Port Selden, Richard Hale": the office, with its place
                words = [t for t in office.subtree if t.i < ent.start and not t.is_punct]
                person.roles.append(_phrase(words))
            else:
                person.roles.append(_phrase(t for t in owner.subtree if t.i < owner.i + 1))
            outer = owner.head
            if owner.dep_ == "appos" and outer.pos_ == "NOUN" and not outer.ent_type_:
                # "The jury president, the French actress Helene Marchetti,": both descriptions hers
                person.roles.append(_phrase(t for t in outer.subtree if t.i <= outer.i))

    def person_of(self, token: Token) -> Person | None:
        same = self.by_last.get(surname_key(token))
        return same[0] if same else None

    def org_described_as(self, noun: str, before: int) -> Token | None:
        """The organisation an earlier phrase called by ``noun`` ("the farmers' umbrella group
        Agri-Europa" … "The group says"; "Agri-Europa, a farmers' group,"): its name's head token,
        the latest before token ``before`` and a few paragraphs back at most, or None."""
        doc = self.doc
        if self._org_nouns is None:
            self._org_nouns = []
            for t in doc:
                if t.pos_ != "NOUN" or not is_organisation_noun(t.lower_):
                    continue
                name = appositive_org(t)
                if name is None and t.dep_ == "appos" and t.head.ent_type_ == "ORG":
                    name = t.head
                if name is not None:
                    self._org_nouns.append((t.i, t.lemma_.lower(), name.i))
        since = doc[before].idx - RECENT_NAME_CHARS
        fits = [n for i, lemma, n in self._org_nouns if lemma == noun and i < before and doc[i].idx >= since]
        return doc[fits[-1]] if fits else None

    def recent_org(self, before: int, kind: OrgKind, ahead: int | None = None) -> str | None:
        """The business, public body, news outlet or union named last before token ``before``; for
        "the agency", see ``_recent_agency``. With ``ahead`` (a token index), when none was named
        before, the first named after ``before`` and before ``ahead``: a lede's "The union
        representing 14,000 dockworkers said" names its union in the next paragraph."""
        if kind == "agency":
            return self._recent_agency(before)
        test = {
            "business": is_business,
            "public": is_public_body,
            "media": self.media.__contains__,
            "union": is_union,
            "police": is_police,
            "military": is_military,
        }[kind]

        def fits(name: str) -> bool:
            # an acronym is what it stands for: "the FRSU" is the Footplate and Rail Staff Union,
            # no business for "the company"
            return test(self.firm_short_names.get(name.lower(), name))

        if ahead is None:
            return next((name for i, name in reversed(self.org_mentions) if i < before and fits(name)), None)
        # a lede's: a headline's "Dock Union Says …" is the story's subject in a headline's words,
        # which the body names in full, before or after
        body = [(i, name) for i, name in self.org_mentions if not in_headline(self.doc[i])]
        found = next((name for i, name in reversed(body) if i < before and fits(name)), None)
        after = self.doc[before].sent.end  # from the next sentence: not a name inside its own content
        found = found or next((name for i, name in body if after <= i < ahead and fits(name)), None)
        return found or next((name for i, name in self.org_mentions if i < before and fits(name)), None)

    def _recent_agency(self, before: int) -> str | None:
        """The organisation "the agency" means: the subject of its own sentence ("Health Canada
        ordered …, the agency said"); else, from the sentence before on, a body whose name says it
        is public ("The EPA fined Exxon Mobil"), then one whose name says it is an organisation, then
        any named organisation that reads as neither a newspaper nor a firm; else the one "the
        agency" meant last; else, further back, a public body or an organisation by its name ("the
        Nordic Space Organisation's Tern probe"). A country or a spacecraft the tagger called an
        organisation is never looked for far back."""
        doc = self.doc
        sentence, nearby = doc[before].sent.start, self._previous_sentence_start(before)
        # organisations that may be an agency, the latest first, with where they stand
        named = [(i, n) for i, n in reversed(self.org_mentions) if i < before and self._agency_like(n)]
        # the subject of the clause "the agency" closes: "Health Canada ordered …, the agency said"
        subject = next((n for i, n in named if i >= sentence and doc[i].dep_ in SPEAKER_DEPS), None)
        close = [n for i, n in named if i >= nearby]

        def has_org_word(name: str) -> bool:
            return any(is_org_word(w) for w in name.lower().split())

        by_name = (is_public_body, has_org_word)
        found = (
            subject
            or next((n for test in by_name for n in close if test(n)), None)
            or next(iter(close), None)
        )
        if found is not None:
            self.agency_named = found  # later "the agency" mentions go on meaning it
            return found
        if self.agency_named is not None:
            return self.agency_named
        return next((n for test in by_name for _, n in named if test(n)), None)

    def _agency_like(self, name: str) -> bool:
        words = name.lower().split()
        firm = len(words) >= 2 and words[-1].rstrip(".") in COMPANY_NAME_ENDINGS
        return name not in self.media and not is_media_name(name) and not firm

    def recent_group(self, before: int) -> Token | None:
        """The head of the plural noun subject "they" most likely points back to: the latest one in
        the pronoun's sentence or the one before ("Analysts at Berenberg were less alarmed. … they
        wrote"), outside quotation marks; None when a person or a singular subject came between."""
        for tok in self._subjects_back(before, lambda t: t.dep_ in SPEAKER_DEPS):
            if any(c.lower_ == "their" for c in tok.children):
                return None  # "Had their arguments prevailed …, they argue": whoever "their" is
            if _reported(tok):
                continue  # "The authors cautioned that the study … . They wrote": the study is talked of
            if tok.tag_ in ("NNS", "NNPS"):
                return tok
            if tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in PERSONAL_PRONOUNS:
                return None  # someone singular is the latest subject: "they" is not theirs
        return None

    def recent_org_subject(self, before: int) -> Token | None:
        """The head of the organisation "it" most likely points back to: the latest subject in the
        pronoun's sentence or the one before, outside quotation marks, when that subject is a named
        organisation or an organisation's noun ("The union rejected that claim. In a statement, it
        said …"); None when someone or something else is the latest subject. Subjects inside what
        someone said do not count ("The campaign said the video was fake. It said …")."""
        for tok in self._subjects_back(before, lambda t: t.dep_ in SPEAKER_DEPS and not _reported(t)):
            organisation = tok.ent_type_ == "ORG" or (not tok.ent_type_ and is_organisation_noun(tok.lower_))
            document = _report_noun(tok) or (not tok.ent_type_ and tok.lemma_.lower() in ISSUED_DOCUMENTS)
            return tok if (organisation or document) and tok.tag_ in ("NN", "NNP") else None
        return None

    def recent_description(self, before: int) -> Token | None:
        """The head of a description that brings in someone new ("NATO's secretary general said …",
        "A police spokesman said …", "One witness told …") and is the latest main-clause subject in
        the sentence before the one of token ``before``, outside quotation marks; None when a name,
        a pronoun or another noun is the latest such subject. A "he" right after it continues the
        newcomer, not a name from further back. A definite description ("The Vermont senator")
        mostly re-names someone already named, so it is left to the pronoun's usual antecedent, and
        so is one who spoke to a person ("A reporter asked Sanders … . He replied": the one asked
        answers)."""
        doc = self.doc
        for tok in self._subjects_back(self._words_start(before), lambda t: _subject_rank(t) == 0):
            if tok.i in self.newcomer_pronouns:
                return doc[self.newcomer_pronouns[tok.i]]  # "… she said. She denied …": the same one
            if tok.dep_ == "appos":
                if tok.pos_ == "NOUN" and (someone_unnamed(tok.head) or unnamed_relative(tok.head)):
                    return tok.head  # "Her neighbour, a retired teacher, said": no name either
                unnamed = tok.head.pos_ in ("NUM", "PRON", "NOUN") and tok.head.ent_type_ != "PERSON"
                if unnamed and _newcomer(tok):
                    return tok  # "One of them, a trader, said … . “…,” he said"
                return None  # "One pastor, Darran Whiting, said": a name
            if someone_unnamed(tok) or unnamed_relative(tok):
                return tok  # "One witness told … . “…,” she said": the witness, not a name further back
            named = any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)
            if _newcomer(tok) and not named and load_lexicon().verb_strength(tok.head.lemma_):
                # "A Western military attaché in Korvansk … said … . But he cautioned": a person
                # who spoke, brought in with "a", is the "he" or "she" that follows
                return tok
            if tok.tag_ == "NN" and not tok.ent_type_ and is_title_word(tok.lower_) and _introduces(tok):
                addressed = ("dobj", "dative")
                spoke_to = any(c.dep_ in addressed and c.ent_type_ == "PERSON" for c in tok.head.children)
                # a person named earlier in the sentence may be its real subject, the parse aside
                named = any(t.ent_type_ == "PERSON" for t in doc[tok.sent.start : tok.i])
                return None if spoke_to or named else tok
            return None
        return None

    def described(
        self,
        before: int,
        exclude: set[str],
        head: str,
        words: list[str],
        required: list[str],
        later: bool = False,
        ahead: int = LATER_SENTENCES,
        head_alone: bool = False,
    ) -> Person | None:
        """The person mentioned before token ``before`` whose roles hold the description's ``head``
        noun and every one of its ``required`` (proper) words, and most of its other ``words``
        ("the Florida senator" -> the one introduced as "Sen. … (R-Fla.)"), the latest on a tie.

        A proper word the roles lack rules a person out ("the Vermont senator" is not a "Republican
        Sen." named before): a description names someone the article introduced with that role, or
        stays unresolved rather than falling on whoever came last.

        With ``later``, the person is looked for in the next ``ahead`` sentences instead, the nearest
        first, and a word besides the head must match (unless ``head_alone``): a lede may name the
        speaker only further down ("The health secretary said … Priya Shah, the health secretary,
        told …")."""
        best: Person | None = None
        # ahead, the head noun alone is not enough ("the senator"), but from a headline, whose person
        # the lede introduces with the office ("Former mayor tells jury" … "The former mayor of …")
        best_score = 1 if later and not head_alone else 0
        order = self.mention_order if later else list(reversed(self.mention_order))
        horizon = self.sentences_ahead(before, ahead) if later else before
        for index, person in order:
            if (not before < index < horizon if later else index >= before) or person.name in exclude:
                continue
            known = _fitting_roles(person, head, required)
            if known is None:
                continue
            score = 1 + sum(1 for w in words if w in known)
            if score > best_score:
                best, best_score = person, score
        return best

    def sole_holder(self, exclude: set[str], head: str, words: list[str]) -> Person | None:
        """The one person of the article whose roles hold the ``head`` noun and all ``words``, or
        None when nobody or several do."""
        holders = [
            p for p in self.people if p.name not in exclude and _fitting_roles(p, head, words) is not None
        ]
        return holders[0] if len(holders) == 1 else None

    def named_just_before(self, token: int) -> bool:
        """Whether a person is mentioned in the sentence of ``token`` before it, or in the one before."""
        floor = self._previous_sentence_start(token)
        return any(floor <= index < token for index, _ in self.mention_order)

    def _subjects_back(self, start: int, subject: Callable[[Token], bool]) -> Iterator[Token]:
        """The tokens ``subject`` accepts, outside quotation marks, from token ``start`` back to the
        start of the sentence before the one holding it, the latest first."""
        for i in range(start - 1, self._previous_sentence_start(start) - 1, -1):
            tok = self.doc[i]
            if subject(tok) and (self.quoted is None or not self.quoted(tok.idx)):
                yield tok

    def _words_start(self, token: int) -> int:
        """Start of the sentence holding ``token``, moved back over sentences wholly inside quotation
        marks ("A woman said … . “People were yelling. I just froze,” she told …"): they are the
        words of the one the pronoun names, not a place where someone else is brought in."""
        start = self.doc[token].sent.start
        while start > 0 and self.quoted is not None:
            previous = self.doc[start - 1].sent
            words = [t for t in previous if not (t.is_punct or t.is_space)]
            if not words or not all(self.quoted(t.idx) for t in words):
                break
            start = previous.start
        return start

    def _previous_sentence_start(self, token: int) -> int:
        """First token of the sentence before the one holding ``token`` (0 in the first sentence)."""
        sent = self.doc[token].sent
        return self.doc[sent.start - 1].sent.start if sent.start > 0 else 0

    def sentences_ahead(self, token: int, count: int) -> int:
        """Token end of the ``count``-th sentence after the one holding ``token``."""
        sent = self.doc[token].sent
        for _ in range(count):
            if sent.end >= len(self.doc):
                break
            sent = self.doc[sent.end].sent
        return sent.end

    def note_speaker(self, token: int, name: str, cue: str = "") -> None:
        """Remember that the person called ``name`` speaks at token ``token``, the cue's lemma ``cue``."""
        person = next((p for p in self.people if p.name == name), None)
        if person is not None:
            self.last_speaker = (token, person)
            self.last_asked = cue == "ask"

    def continuing_speaker(self, before: int, gender: str | None, exclude: set[str]) -> Person | None:
        """The person who spoke last, when a "he" or "she" at token ``before`` goes on with them: in
        the same paragraph or the next, known to be of that gender, and with nobody else who could
        be meant named in the narration in between ("…,’ he said. ‘I would ask anyone who has seen
        Ellie …’ He said there was nothing to suggest …" is still the inspector, not Ellie)."""
        if self.last_speaker is None:
            return None
        index, person = self.last_speaker
        if index >= before or person.name in exclude or person.gender != gender:
            return None  # of a known gender: "Kelly" may be anyone's "he"
        if paragraph_of(self.doc, before) - paragraph_of(self.doc, index) > 1:
            return None
        # someone who could be meant was named since ("… Alan Brissett … was not convinced. He said")
        named_since = any(
            index < i < before and other is not person and not (other.gender and other.gender != gender)
            for i, other in self.mention_order
        )
        return None if named_since else person

    def continuing_as_described(self, head: Token, exclude: set[str]) -> Person | None:
        """The person who spoke last, when a definite description at ``head`` re-names them by an
        office the article never gave them ("Trump said … . The Republican candidate said", "…
        Sanders said. … The Vermont senator said"): in the same paragraph or the next, with nobody else
        named in the narration since, of the noun's gender, and of any nationality or party the
        description gives among their known roles. Nouns for someone who speaks for or about
        another ("the spokesman", "the lawyer") are left alone."""
        if self.last_speaker is None or head.lower_ in SOMEONE_ELSES_NOUNS | NOT_PERSON_TITLES:
            return None
        if self.last_asked:
            return None  # '"That would be you?" Borger asked. "…," the senator said': the one asked
        if any(t.lower_ in SOMEONE_ELSES_NOUNS for t in head.lefts):
            return None  # "The deputy head"
        index, person = self.last_speaker
        if index >= head.i or person.name in exclude:
            return None
        if paragraph_of(self.doc, head.i) - paragraph_of(self.doc, index) > 1:
            return None
        if any(index < i < head.i and other is not person for i, other in self.mention_order):
            return None
        lemma = head.lemma_.lower()
        window = self.doc[max(0, head.i - REPEATED_NOUN_TOKENS) : head.i]
        if any(t.pos_ == "NOUN" and t.lemma_.lower() == lemma for t in window):
            return None  # "An official … said … . “…,” the official said": the one brought in before
        gender = noun_gender(head.lower_)
        if gender is not None and person.gender is not None and gender != person.gender:
            return None
        known = role_words(person.roles)
        if known and head.lower_ not in RUNNING_NOUNS:
            return None  # an office besides the one the article gave them: someone else ("the judge")
        groups = {t.lower_ for t in head.lefts if t.ent_type_ == "NORP" or t.lower_ in PARTY_WORDS}
        return person if groups <= known else None

    def recent_person(
        self,
        before: int,
        exclude: set[str],
        gender: str | None = None,
        prefer_subject: bool = True,
    ) -> Person | None:
        """The person a pronoun or description at token ``before`` most likely points back to.

        Within the last sentences the most recent main-clause subject wins, then any subject, then
        any mention (a pronoun speaker continues the subject, not the object: "Viguerie praises
        Cruz's chances because he sees …"); beyond them, the most recent fitting mention. Names
        inside quotation marks are never antecedents (the speaker of "… Trump …," he said is not Trump).
        """
        fits = [
            (index, person)
            for index, person in reversed(self.mention_order)
            if index < before
            and person.name not in exclude
            and not (gender and person.gender and person.gender != gender)
        ]
        if not prefer_subject:
            return fits[0][1] if fits else None
        window = self.doc[before].sent.start - SUBJECT_WINDOW_TOKENS
        best: tuple[int, Person] | None = None
        for index, person in fits:
            if index < window:
                break
            rank = person.subjects.get(index, 2)
            if best is None or rank < best[0]:
                best = (rank, person)
        if best is not None:
            return best[1]
        return fits[0][1] if fits else None


# Documents that speak for whoever issued them; polls and studies stay their own source.
ISSUED_DOCUMENTS = {
    "statement", "report", "memo", "letter", "filing", "readout", "communique", "release", "decision",
    "ruling", "judgment", "email", "notice", "submission", "announcement", "guidance", "advisory",
    "bulletin", "communiqué", "declaration", "directive", "tally", "count", "study", "analysis",
    "audit", "review", "assessment",
}  # fmt: skip
# Verbs whose subject issues the document they take: "His office put out a statement saying …"
ISSUING_VERBS = {
    "issue", "release", "put", "send", "publish", "post", "file", "sign", "circulate", "distribute",
    "keep", "compile", "conduct", "carry", "produce", "prepare",
}  # fmt: skip
OWNER_ENTITIES = ("ORG", "PERSON", "GPE", "NORP")
TIME_ENTITIES = ("DATE", "TIME")
# How far back (tokens) "the statement" looks for the statement it repeats: a few paragraphs
DOCUMENT_ANAPHOR_TOKENS = 400


def _introduces(head: Token) -> bool:
    """Whether a description headed by ``head`` brings in a new person: an indefinite one ("a
    spokesman") or one owned by an institution or a place ("NATO's secretary general")."""
    for child in head.lefts:
        if child.lower_ in ("a", "an", "another"):
            return True
        if child.dep_ == "poss" and child.ent_type_ in ("ORG", "GPE", "NORP"):
            return True
    return False


def _newcomer(tok: Token) -> bool:
    """A person brought in with no name: "a trader", "one delegate", "an analyst"."""
    return indefinite(tok) and (person_noun(tok) or is_title_word(tok.lower_)) and not tok.ent_type_


def _issuer(document: Token) -> Token | None:
    """Who issued ``document`` by a verb: the subject of "both men issued a statement expressing …",
    the subject of a relative clause ("figures the company filed") or the agent of a participle ("a
    report published by the Resolution Foundation")."""
    verb = document.head
    if document.dep_ == "dobj" and verb.lemma_.lower() in ISSUING_VERBS:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
            return verb.head  # "the Air Accidents Investigation Branch, which published a report"
        return subject
    for clause in document.rights:
        if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in ISSUING_VERBS:
            continue
        if clause.dep_ == "relcl":
            return next((c for c in clause.children if c.dep_ == "nsubj"), None)
        agent = next((c for c in clause.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def _written_owner(head: Token) -> Token | None:
    """The owner the document's own phrase names: "the ministry's report", "its report", "a statement
    from the ministry", "a Kremlin statement"."""
    # "Thursday's memo from the panel": a day owns nothing
    owner = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ not in TIME_ENTITIES), None)
    if owner is None:
        prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")), None)
        owner = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if owner is None and head.i > 0 and head.doc[head.i - 1].dep_ == "compound":
        # "a Kremlin statement", "a Clinton campaign memo"; not "the jobs report"
        before = head.doc[head.i - 1]
        venue = before.lower_ == "court" and head.lemma_.lower() == "filing"  # filed in court, not by it
        owner = (
            before
            if (before.ent_type_ in OWNER_ENTITIES or is_org_word(before.lower_)) and not venue
            else None
        )
    if owner is not None and owner.lower_ in ("read", "reads"):
        # "“…,” a statement from the ministry read.": the parser made "ministry read" one noun
        owner = next((c for c in reversed(list(owner.lefts)) if c.dep_ == "compound"), None)
    return owner


def _stated_in(document: Token) -> Token | None:
    """The speaker of "X said in a statement" / "In a statement, X said": the subject of the verb
    the document's "in" hangs on."""
    prep = document.head
    if document.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in prep.head.children if c.dep_ in SPEAKER_DEPS), None)
    # "NEW DELHI — India and Bangladesh said in a joint statement": not the dateline's city
    return past_dateline(subject, prep.head) if subject is not None and subject.dep_ == "nsubj" else subject


def _earlier_mention(head: Token) -> Token | None:
    """The latest earlier mention of the document "the statement" repeats ("In a statement, the
    ministry said … . The statement added"); None when the phrase is not a bare definite one."""
    lefts = list(head.lefts)
    if (
        head.tag_ != "NN"
        or not lefts
        or lefts[0].lower_ not in ("the", "that", "this")
        # "the preliminary report", "the final ruling": what it says of the document, not whose
        or any(c.dep_ != "amod" or c.pos_ != "ADJ" for c in lefts[1:])
    ):
        return None  # "the emails" may be anyone's of those written about; "the jobs report" no one's
    lemma = head.lemma_.lower()
    doc = head.doc
    for tok in reversed(doc[max(0, head.i - DOCUMENT_ANAPHOR_TOKENS) : head.i]):
        if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN":
            return tok
    return None


def _document_owner(head: Token) -> Token | None:
    """Who issued "a statement from the ministry" / "the ministry's report" / "its report" / "His
    office put out a statement saying" / "the statement" after "In a statement, the ministry said":
    the owner's head (a pronoun too, which the caller resolves), or None when the document has no
    owner ("a statement said")."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in ISSUED_DOCUMENTS:
        return None
    issuer = _issuer(head)
    if issuer is not None:  # a pronoun or a plain noun too: "both men issued a statement saying"
        return issuer
    written = _written_owner(head)
    if written is not None:
        return written if _names_owner(written) else None
    earlier = _earlier_mention(head)
    while earlier is not None:
        issuer = _stated_in(earlier) or _issuer(earlier)  # "X, in a statement signed by his aide, said"
        if issuer is not None:
            return issuer
        written = _written_owner(earlier)
        if written is not None:
            return written if _names_owner(written) else None
        # "According to the report, …" names no owner: the report meant is an earlier one's, up to
        # the mention that brought it in ("A statement said … . The statement added": nobody's)
        earlier = _earlier_mention(earlier) if _definite(earlier) else None
    return None


def _definite(noun: Token) -> bool:
    return any(c.lower_ in ("the", "that", "this") for c in noun.lefts)


def _names_owner(owner: Token) -> bool:
    """Whether the owner a document's phrase writes is someone: a name, an organisation's noun or
    a possessive pronoun that may point to one ("its report")."""
    if owner.pos_ == "PRON":
        return owner.lower_ in OWNER_PRONOUNS
    return owner.ent_type_ in OWNER_ENTITIES or owner.pos_ == "PROPN" or is_org_word(owner.lower_)


# Possessive pronouns an owner may be ("its report" is read as "it" would be)
OWNER_PRONOUNS = {"his", "her", "its", "their"}


def _owner_resolution(owner: Token, people: ArticlePeople, exclude: set[str]) -> Resolution | None:
    """The speaker a document's owner is, or None when a pronoun owner points to no one."""
    lower = owner.lower_
    if lower not in ("its", "their"):
        s, e = speaker_tokens(owner)
        doc = owner.doc
        while owner.dep_ == "compound" and s > 0 and doc[s - 1].dep_ == "compound":
            s -= 1  # "a Clinton campaign memo": the whole name before the document's noun
        res = resolve_speaker(owner, s, e, people, exclude)
        joint = joint_speaker(owner, res, people, exclude)  # "India and Bangladesh said in a statement"
        res = joint[0] if joint is not None else res
        # an issuer stays the speaker even unresolved ("he issued a statement"); a possessive
        # pronoun that points to no one leaves the document as written
        return res if res.speaker or owner.dep_ != "poss" else None
    found = people.recent_org_subject(owner.i) if lower == "its" else people.recent_group(owner.i)
    if found is None:
        return None
    s, e = speaker_tokens(found)
    res = resolve_speaker(found, s, e, people, exclude)
    return res if res.speaker and res.how in ("org", "group", "name", "description") else None


def _employer(head: Token, people: ArticlePeople, exclude: set[str]) -> Resolution | None:
    """Who "a spokesman for X" / "an aide to X" / "a Ticketmaster spokesperson" speaks for: X,
    resolved like any speaker."""
    named = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if named and named[-1].i == head.i - 1 and head.lower_ in SPOKES_NOUNS:
        # the organisation's name right before "spokesperson", tagged or not ("A Google spokesperson")
        org = named[-1]
        if org.ent_type_ in ("", "ORG") and people.person_of(org) is None:
            s, e = speaker_tokens(org)
            name, _ = clean_name(head.doc[s:e], titles=False)
            return Resolution(name, "ORG", None, "org") if name else None
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "to", "at", "with"):
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            owned_by_org = obj is not None and any(
                c.dep_ == "poss" and c.ent_type_ == "ORG" for c in obj.children
            )
            # a business noun only with its name beside it ("a spokesman for the rail operator,
            # Nordbahn"); "a spokesman for the operator" names no one
            named_business = obj is not None and appositive_org(obj) is not None
            if obj is not None and (
                obj.pos_ == "PROPN"
                or obj.ent_type_
                or is_org_word(obj.lower_)
                or owned_by_org
                or named_business
            ):
                s, e = speaker_tokens(obj)
                res = resolve_speaker(obj, s, e, people, exclude)
                return res if res.speaker else None
    return None


SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "representative"}


def _place_after_in(ent: Span) -> bool:
    """A one-word name after "in", or after "to" or "from" a journey ("a trip to Lanzarote"), that
    is no given name: a place, whatever its label."""
    word = ent.root
    prep = word.head
    journey = prep.lower_ in ("to", "from") and prep.head.lemma_.lower() in JOURNEY_WORDS
    return (
        len(ent) == 1
        and word.dep_ == "pobj"
        and (prep.lower_ == "in" or journey)
        and first_name_gender(word.text) is None
    )


# Words of going somewhere, after which "to X" or "from X" is a place ("a trip to Lanzarote").
JOURNEY_WORDS = {
    "trip", "travel", "flight", "visit", "journey", "holiday", "move", "return", "fly", "go", "drive",
    "sail", "head", "emigrate", "relocate", "commute",
}  # fmt: skip


def _entity_of(token: Token) -> Span:
    """The named-entity span ``token`` is part of."""
    doc = token.doc
    start = entity_start(doc, token.i)
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _entity_end(token: Token) -> int:
    """Token end of the named entity ``token`` is in (its name may run on past the phrase's head:
    "the Royal College of Nursing" is headed by "College"), up to a dash, a bracket or a verb, where
    the tagger's entity has run into the next words ("Tax Policy Center - half")."""
    doc = token.doc
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        inside_word = not doc[end - 1].whitespace_ and not doc[end].whitespace_  # "American-Islamic"
        if doc[end].pos_ == "VERB" or (
            doc[end].is_punct
            and doc[end].text not in (".", "&")
            and not inside_word
            and not remit_comma(doc, end)
        ):
            break
        end += 1
    return remit_end(doc, token, end)


def _described_person(head: Token, people: ArticlePeople, exclude: set[str]) -> Person | None:
    """Whom "the Florida senator", "Colorado's delegation chairman" or "his counterpart" re-names.

    Only a role match counts (``ArticlePeople.described``): the last person mentioned is no answer,
    as it was wrong far more often than right on PolNeAR train ("the Indiana governor" given to the
    woman just named, "Planned Parenthood's president" to the senator before). The one exception is
    "counterpart", which by its meaning points past the person its possessor names. (The caller
    tries the one who just spoke last, under stricter terms: ``ArticlePeople.continuing_as_described``.)
    """
    words, required = description_words(head)
    person = people.described(head.i, exclude, head.lemma_.lower(), words, required)
    if person is None and head.lower_ != "counterpart" and not people.named_just_before(head.i):
        # only when nobody was named just before, whom the description may re-name by a role the
        # article never gave them ("… Borger asked. … the senator said" is the one asked); a lede
        # may hold the name back for its next lines ("The lawyer for … said" … "attorney Paulo
        # Cunha told reporters"), where the office alone is enough
        lede = _opens_lede(head)
        person = people.described(
            head.i,
            exclude,
            head.lemma_.lower(),
            words,
            required,
            later=True,
            ahead=HEADLINE_AHEAD if lede else LATER_SENTENCES,
            head_alone=lede,
        )
    if person is None and head.lower_ == "counterpart":
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        gender = PERSONAL_PRONOUNS.get(owner.lower_) if owner is not None else None  # "Her counterpart"
        nearest = people.recent_person(head.i, exclude, gender, prefer_subject=False)
        extra = exclude | ({nearest.name} if nearest is not None else set())
        office = _office(nearest.roles) if nearest is not None else None
        if office is None:
            person = people.recent_person(head.i, extra, prefer_subject=False)
        else:  # a counterpart holds the same office: "Her Valdorian counterpart" of a foreign minister
            person = people.described(head.i, extra, office, words, required)
    return person


def _named_further_on(head: Token, people: ArticlePeople, exclude: set[str]) -> Person | None:
    """The person a bare office noun in the headline or an indefinite one opening the lede stands
    for, when the next lines introduce someone with that office: a headline's "Former mayor tells
    jury …", a lede's "A federal judge on Monday blocked …" before "U.S. District Judge Aleta
    Trauger wrote". None elsewhere: further into a story a description names someone new."""
    headline = in_headline(head) and not any(c.dep_ == "poss" for c in head.children)
    indefinite_lede = _opens_lede(head) and any(c.lower_ in ("a", "an") for c in head.lefts)
    # "… and his finance minister warned …": the one office-holder of someone the lede names
    possessed_lede = _opens_lede(head) and any(
        c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in head.lefts
    )
    if not (headline or indefinite_lede or possessed_lede):
        return None
    words, required = description_words(head)
    person = people.described(
        head.i, exclude, head.lower_, words, required, later=True, ahead=HEADLINE_AHEAD, head_alone=True
    )
    if person is None and (headline or possessed_lede):
        # a headline's "Attorney says video contradicts …" may name its person paragraphs down
        # ("…," said Renata Okafor, an attorney representing …): the one person with that role
        person = people.sole_holder(exclude, head.lower_, words + required)
    if person is None and headline:
        person = _named_for_the_lede(head, people, exclude)
    return person


def _named_for_the_lede(head: Token, people: ArticlePeople, exclude: set[str]) -> Person | None:
    """The person a headline's description stands for when the lede's speaker has the same office
    and the next sentence names them: "… says sacked housing minister" over "A former housing
    minister said", "doctors' union chief vows …" over "the leader of their union has said"."""
    same = HEAD_EQUIVALENTS.get(head.lemma_.lower(), {head.lemma_.lower()})
    lede = [
        t
        for t in _lede_sentence(head.doc)
        if t.dep_ in SPEAKER_DEPS
        and (t.lemma_.lower() in same or head.lemma_.lower() in HEAD_EQUIVALENTS.get(t.lemma_.lower(), ()))
    ]
    return next((p for t in lede if (p := _named_next(t, people, exclude)) is not None), None)


def _lede_sentence(doc: Doc) -> Span:
    """The first sentence of the story after its headline line (empty when there is none)."""
    for sent in doc.sents:
        if paragraph_of(doc, sent.start) > 1:
            break
        if _opens_lede(sent[0]):
            return sent
    return doc[0:0]


def _capitalised_name(word: Token) -> bool:
    return word.pos_ == "PROPN" and word.is_title


def _aged(name: Token) -> bool:
    """Whether an age is set after the name ("Ibrahim, 19, said")."""
    doc = name.doc
    return (
        name.i + 3 < len(doc)
        and doc[name.i + 1].text == ","
        and doc[name.i + 2].like_num
        and doc[name.i + 3].text == ","
    )


def _described_after(name: Span, single: bool = False) -> bool:
    """Whether a name of two or three capitalised words (one, with ``single``) has a person's noun
    set after it as its description ("Arya Wibisono, a political researcher, said")."""
    if not (single or name_shaped(list(name))):
        return False
    head = name[-1]
    return any(
        c.dep_ == "appos"
        and c.pos_ == "NOUN"
        and c.i > head.i
        and doc_text(name.doc)[head.idx + len(head)] == ","
        and any(d.lower_ in ("a", "an", "the") for d in c.lefts)
        and (_person_kind(c) or _of_an_age(c))
        for c in head.children
    )


def _of_an_age(noun: Token) -> bool:
    """Whether a noun phrase gives an age ("a 31-year-old hairdresser"): only people's are given."""
    return any(age_of(t) is not None for t in noun.subtree if t.i < noun.i)


# Small words an organisation's initials skip ("Federal Bureau of Investigation" -> FBI).
NAME_GLUE = {"of", "and", "for", "the", "on", "in", "&"}


# What ends a wire dateline ("HOUSTON (AP) —", "KARACHI:").
DATELINE_ENDS = {"—", "–", "-", ":"}


# Words that mark a source as one who is not to be named ("on condition of anonymity", "asked not to
# be named", "not authorised to speak"): no later name is theirs.
ANONYMOUS_WORDS = {"anonymity", "anonymously", "named", "identified", "authorised", "authorized"}


def _next_paragraph_subject(head: Token) -> Token | None:
    """The first token of the PERSON name that is the main subject of the first sentence of the
    paragraph after ``head``'s, or None."""
    doc = head.doc
    paragraph = paragraph_of(doc, head.i)
    sent = next(
        (s for s in doc.sents if s.start >= head.sent.end and paragraph_of(doc, s.start) > paragraph), None
    )
    if sent is None or paragraph_of(doc, sent.start) != paragraph + 1:
        return None
    subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        # "Speaking on X's Programme, Graham Toohey, …, said": the parser hung the name on the
        # programme; the first name before the verb is the one who says
        subject = next((t for t in sent if t.i < sent.root.i and t.ent_type_ == "PERSON"), None)
    if subject is None or subject.ent_type_ != "PERSON":
        return None
    return _entity_of(subject)[0]


def _named_next(head: Token, people: ArticlePeople, exclude: set[str]) -> Person | None:
    """Whom a lede's unnamed speaker is when the very next sentence opens with a newcomer's name: the
    delayed identification of news writing ("A former housing minister said … ." then "Helen
    Marchbank, the Labour MP for Ashby Vale, was one of five ministers removed …").

    The next sentence must name them by the description's noun or a proper word of it ("a senior
    Defence official" … "Marcus Feeney, Defence's deputy secretary"), or, for a definite description
    ("the environment secretary told the Commons"), have them say something ("Helen Marchbank, …,
    said the regulator would …"). Never a source kept anonymous, nor several ("officials")."""
    if head.tag_ != "NN" or not _opens_lede(head) or any(t.lower_ in ANONYMOUS_WORDS for t in head.sent):
        return None
    doc = head.doc
    after = head.sent.end
    # past the paragraph break and a title before the name ("Dr Sameer Malik, chair of …, said")
    while after < len(doc) and (
        doc[after].is_space or (is_title_word(doc[after].text) and not doc[after].ent_type_)
    ):
        after += 1
    later_paragraph = False
    if after < len(doc) and doc[after].ent_type_ == "PERSON" and doc[after].ent_iob_ == "B":
        name = doc[after]
    else:
        later_paragraph = True
        # or the subject of the next paragraph's first sentence: "The head of the largest farming
        # lobby said … . The government, he said, …" then "Speaking on radio, Graham Toohey,
        # president of the federation, said …"; not for "his finance minister", someone's own
        # office-holder, whom the story may name much further down (``_named_further_on``)
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.lefts):
            return None
        subject = _next_paragraph_subject(head)
        if subject is None:
            return None
        name = subject
    naming = name.sent
    person = people.person_of(_entity_of(name)[-1])
    if person is None or person.name in exclude or min(person.mentions, default=name.i) < naming.start:
        return None
    proper = {c.lower_ for c in head.lefts if c.pos_ == "PROPN"}
    by_word = any(
        t.lemma_.lower() == head.lemma_.lower() or t.lower_ in proper for t in naming if t.i != name.i
    )
    if later_paragraph:
        # a paragraph further, the office must agree: "president of the federation" for "The head
        # of the largest farming lobby", not "a lawmaker" for "the presidential candidate"
        offices = [c.lemma_.lower() for c in _entity_of(name)[-1].children if c.dep_ == "appos"]
        return person if by_word or any(_leads_as(head.lemma_.lower(), o) for o in offices) else None
    definite = any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in head.lefts)
    speaks = any(c.dep_ == "ccomp" for c in naming.root.children)
    return person if by_word or (definite and speaks) else None


# Words for whoever leads a body: "the head of X" is its president, chair or director.
LEADING_OFFICES = {
    "head", "chief", "leader", "president", "chairman", "chairwoman", "chair", "director", "boss",
}  # fmt: skip


def _leads_as(description: str, office: str) -> bool:
    """Whether a description's noun and a named person's office can be the same post."""
    if description == office or office in HEAD_EQUIVALENTS.get(description, ()):
        return True
    return description in LEADING_OFFICES and office in LEADING_OFFICES


# Words that pick some of a group out of it ("two of the people", "one of the officials").
PARTITIVE_WORDS = {"one", "two", "three", "four", "some", "several", "many", "most", "both", "all", "none"}


def _partitive_whole(head: Token) -> Token | None:
    """The plural noun a speaker like "two of the people" or "one of the officials" is part of, or
    None. Not "one of them" (whom the pronoun rules read) nor a named body ("one of the Democrats")."""
    if head.lower_ not in PARTITIVE_WORDS:
        return None
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if (
        whole is None
        or whole.tag_ != "NNS"
        or not any(c.lower_ in ("the", "these", "those") for c in whole.lefts)
    ):
        return None
    return whole


def _earlier_group(whole: Token) -> Token | None:
    """The latest earlier mention of the group "the people" of "two of the people" points back to,
    as a speaker ("according to two people familiar with the matter"): the same plural noun,
    the subject of a verb or the object of "according to"; None when there is none."""
    doc = whole.doc
    for tok in reversed(doc[: whole.i - 2]):
        if tok.tag_ != "NNS" or tok.lemma_ != whole.lemma_:
            continue
        if tok.dep_ in SPEAKER_DEPS or (tok.dep_ == "pobj" and tok.head.head.lower_ == "according"):
            return tok
    return None


# Documents that speak as their own source ("the study found"), and so can be what "it" points to.
REPORT_NOUNS = {
    "report", "review", "study", "survey", "poll", "inquiry", "investigation", "audit", "analysis",
}  # fmt: skip


def _report_noun(tok: Token) -> bool:
    return not tok.ent_type_ and tok.lower_ in REPORT_NOUNS


def _fitting_roles(person: Person, head: str, required: list[str]) -> set[str] | None:
    """The words of ``person``'s roles when they hold the description's ``head`` noun (or a noun
    it stands for) and every one of its ``required`` words; None when they do not."""
    known = role_words(person.roles)
    if not HEAD_EQUIVALENTS.get(head, {head}) & known or any(not place_word_in(w, known) for w in required):
        return None
    return known


def _names_of_things(doc: Doc) -> set[str]:
    """One-word names the tagger calls a place or an organisation in the article at least as often
    as a person, and never the last word of a person's name: where it calls one of them a person
    ("Since Brine landed on a list", after "the kitchen of Brine, her restaurant"), it is the thing.
    (The tagger wavers on a name it sees often: "Sanders" nine times a person, four an organisation.)"""
    votes: dict[str, int] = {}
    people: set[str] = set()
    for ent in doc.ents:
        if len(ent) == 1 and ent.label_ in ("GPE", "ORG", "FAC", "LOC", "PERSON"):
            votes[ent.text] = votes.get(ent.text, 0) + (-1 if ent.label_ == "PERSON" else 1)
            if ent.label_ == "PERSON":
                people.add(ent.text)
    surnames = {e[-1].text for e in doc.ents if len(e) > 1 and e.label_ == "PERSON"}
    return {
        name
        for name, vote in votes.items()
        # a given name is a person's ("His wife, Carmen [GPE], nodded")
        if vote >= 0 and name in people and name not in surnames and first_name_gender(name) is None
    }


def _spelt_before(ent: Span) -> str | None:
    """The name a bracketed short form spells when the tagger took the short form alone: the
    capitalised words right before the bracket whose initials it is ("The Footplate and Rail Staff
    Union (FRSU)" → "Footplate and Rail Staff Union"), or None."""
    doc, short = ent.doc, ent.text
    if not (len(ent) == 1 and short.isalpha() and short.isupper() and 2 <= len(short) <= 6):
        return None
    if ent.start < 2 or doc[ent.start - 1].text != "(" or ent.end >= len(doc) or doc[ent.end].text != ")":
        return None
    initials = ""
    start = ent.start - 1
    while start > 0 and len(initials) < len(short):
        word = doc[start - 1]
        if word.is_title or (word.is_upper and word.is_alpha):
            initials = word.text[0] + initials
        elif word.lower_ not in NAME_GLUE:
            break
        start -= 1
    return doc[start : ent.start - 1].text if initials == short else None


def _abbreviated(ent: Span) -> tuple[Span, str | None]:
    """An organisation's name and the short form the article gives it in brackets ("the Norwegian
    Water Resources and Energy Directorate (NVE)": capitals, up to six letters, the first the
    name's), which the tagger may take into the name; the name alone and the short form, or the
    entity and None."""
    doc = ent.doc
    for at in range(ent.start + 1, min(ent.end + 1, len(doc) - 1)):
        if doc[at].text != "(":
            continue
        short = doc[at + 1].text
        closed = at + 2 < len(doc) and doc[at + 2].text == ")" and at + 1 >= ent.end - 1
        name = [t for t in doc[ent.start : at] if t.lower_ != "the"]
        # its letters start as the name does: "Citizens for … in Washington (CREW)" tagged only
        # "Washington" is not CREW
        initial = bool(name) and name[0].text[:1] == short[:1]
        if (
            closed
            and initial
            and ent.label_ == "ORG"
            and short.isalpha()
            and short.isupper()
            and 2 <= len(short) <= 6
        ):
            return Span(doc, ent.start, at, label=ent.label_), short
        break
    return ent, None


def _holds_headline_verb(tokens: list[Token]) -> bool:
    """Whether a name in the headline line holds a headline's statement verb ("Attacks", "Says")."""
    if not in_headline(tokens[0]):
        return False
    verbs = load_lexicon().verbs
    return any(headline_verb(t.text, verbs) for t in tokens)


def _person_kind(noun: Token) -> bool:
    """A noun for what a person is: an office, a position, an everyday role or a relation."""
    word = noun.lower_
    return is_title_word(word) or word in PLAYING_POSITIONS or bare_person_noun(noun)


def _opens_lede(head: Token) -> bool:
    """Whether ``head`` is in the first sentence of the story after its headline line."""
    doc = head.doc
    sent = head.sent
    if sent.start == 0 or paragraph_of(doc, sent.start) != 1:
        return False
    if paragraph_of(doc, sent.start - 1) == 0:
        return True
    # after a dateline the parser made a sentence of ("HOUSTON (Tidewater News Service) —")
    dateline = doc[sent.start - 1].sent
    return (
        dateline.start > 0
        and paragraph_of(doc, dateline.start - 1) == 0
        and dateline[-1].text in DATELINE_ENDS
    )


def _office(roles: list[str]) -> str | None:
    """The head noun of a person's first role that names an office ("foreign minister" -> minister)."""
    for role in roles:
        words = role.lower().split()
        if words and is_title_word(words[-1]):
            return words[-1]
    return None


def _named_body_in_apposition(group: Token) -> tuple[int, int] | None:
    """The name set off by commas after a plural noun that is an organisation's name by its last word
    ("The protest organisers, the Riverside Coalition,"): its first and last token, or None."""
    doc = group.doc
    for child in group.rights:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or not is_org_word(child.lower_):
            continue
        words = [t for t in doc[child.left_edge.i : child.i + 1] if t.lower_ != "the"]
        between = doc[group.i + 1 : child.left_edge.i]
        if words and all(t.is_title or not t.is_alpha for t in words) and any(t.text == "," for t in between):
            return words[0].i, child.i
    return None


def _organisation_noun_before(head: Token, start: int) -> Token | None:
    """A lower-case organisation or business noun the name ``head`` follows in its phrase ("the
    union Unite", "the airline Skyvia"), or None."""
    for child in head.lefts:
        if (
            child.i >= start
            and child.dep_ == "compound"
            and child.pos_ == "NOUN"
            and child.text.islower()
            and is_organisation_noun(child.lower_)
        ):
            return child
    return None


# Last words that are a body's name of their own when written alone: "the House" (of
# Representatives, of Commons) is not the White House named before.
OWN_SHORT_NAMES = {"house"}


def _short_for(words: list[Token], name: str) -> bool:
    """Whether the name words of ``words`` are all words of ``name``: "State Department" of "the
    U.S. State Department", not "the Department of Homeland Security" of "the Justice Department"."""
    return {t.lower_ for t in words if t.pos_ == "PROPN"} <= set(re.findall(r"\w+", name.lower()))


# Entity types of a body or a place, which a word the tagger once called a person may be inside.
PLACE_OR_BODY = ("ORG", "GPE", "FAC", "LOC")
# Entity types whose coordinated subjects speak together ("India and Bangladesh said in a joint
# statement"); two people joined by "and" stay one speaker each, as the record has one speaker.
JOINT_SPEAKER_TYPES = ("GPE", "ORG", "NORP")


def joint_speaker(
    head: Token, res: Resolution, people: ArticlePeople, exclude: set[str]
) -> tuple[Resolution, int] | None:
    """The countries or bodies that speak together with ``head`` ("India and Bangladesh said"), as
    one group, and the token the phrase ends before; or None. Both must be named entities of one
    kind: "The top Republicans in the House and the Senate" joins no party to a chamber."""
    if (
        res.speaker is None
        or res.speaker_type not in JOINT_SPEAKER_TYPES
        or head.ent_type_ not in JOINT_SPEAKER_TYPES
    ):
        return None
    joined = next((c for c in head.children if c.dep_ == "cc" and c.lower_ == "and"), None)
    if joined is None:
        return None
    partner = next((c for c in head.rights if c.dep_ == "conj"), None)
    if partner is not None and joined.ent_iob_ == "I" and joined.ent_type_ == head.ent_type_ == "ORG":
        # the tagger ended one body's name on its "and" ("The British Growers and" | "Livestock
        # Union"): one name, not two speakers
        first = entity_start(head.doc, joined.i)
        end = _entity_end(partner)
        name = clean_name(head.doc[first:end], titles=False)[0]
        return (Resolution(name, "ORG", None, "org"), end) if name else None
    if (
        partner is None
        or partner.ent_type_ != head.ent_type_
        or any(c.dep_ in ("conj", "cc") for c in partner.children)
    ):
        return None  # "France, Germany and Italy": three or more are left to the first
    start, end = speaker_tokens(partner)
    other = resolve_speaker(partner, start, end, people, exclude)
    if other.speaker is None or other.speaker_type not in JOINT_SPEAKER_TYPES or other.speaker == res.speaker:
        return None
    return Resolution(f"{res.speaker} and {other.speaker}", "GROUP", None, "group"), end


def _named_after_place(name: str, place: str) -> bool:
    """Whether an organisation's ``name`` ends in the ``place`` it is of ("University of Dhaka")."""
    words = name.split()
    return len(words) > 2 and words[-1] == place and words[-2] in ("of", "in", "for")


def resolve_speaker(
    head: Token, start: int, end: int, people: ArticlePeople, exclude: set[str]
) -> Resolution:
    """Canonical speaker of the phrase ``doc[start:end]`` headed by ``head``, its role without a
    leading article."""
    found = _resolve(head, start, end, people, exclude)
    return replace(found, role=bare_role(found.role))


def _resolve(head: Token, start: int, end: int, people: ArticlePeople, exclude: set[str]) -> Resolution:
    doc = head.doc
    determined = any(c.dep_ == "det" for c in head.lefts)  # "A Labour MP, Ruth Hale,": a description
    if head.text in POST_NOMINALS and head.i > start and doc[head.i - 1].pos_ == "PROPN" and not determined:
        head = doc[head.i - 1]  # "Jonathan Sandiford KC said": the name ends before the letters
    lower = head.lower_
    if lower in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        noun = head.head.head
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            noun = noun.head  # "the Open Signal Alliance, a digital rights group, which said"
        if lower in ("who", "whom"):
            noun = who_antecedent(noun)
        s, e = speaker_tokens(noun)
        return resolve_speaker(noun, s, e, people, exclude)
    whole = (
        _partitive_whole(head) if head.dep_ in SPEAKER_DEPS or head.head.head.lower_ == "according" else None
    )
    if whole is not None:  # "two of the people said": the people named before speak
        earlier = _earlier_group(whole)
        speaking = earlier if earlier is not None else whole
        s, e = speaker_tokens(speaking)
        res = resolve_speaker(speaking, s, e, people, exclude)
        if res.speaker_type == "GROUP":
            return res
    owner = _document_owner(head)
    if owner is not None:  # "a statement from the transport ministry said": the ministry speaks
        by_owner = _owner_resolution(owner, people, exclude)
        if by_owner is not None:
            return by_owner
    named = appositive_name(head, people)  # "the Belarusian president, Alexander Lukashenko, said"
    if named is not None:
        child, appos_tokens = named
        description = description_before(doc, start, end, appos_tokens[0].i)
        if child.ent_type_ == "PERSON":
            s, e = speaker_tokens(child)
            res = resolve_speaker(child, s, e, people, exclude)
            return Resolution(res.speaker, res.speaker_type, res.role or description, res.how)
        named_person = people.lookup(appos_tokens)
        written = doc_text(doc)[appos_tokens[0].idx : appos_tokens[-1].idx + len(appos_tokens[-1])]
        return Resolution(named_person.name if named_person else written, "PERSON", description, "name")
    org = appositive_org(head)  # "The operator, Hydra Power, denies": the firm speaks
    if org is not None:
        s, e = speaker_tokens(org)
        return resolve_speaker(org, s, e, people, exclude)
    name_after = head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN"  # "… Chairman Chuck Williams"
    if determined and head.pos_ == "PROPN" and not head.ent_type_ and is_title_word(lower) and not name_after:
        # "The Tory MP said", a title the tagger took for a name: a description, never the party
        person = _described_person(head, people, exclude)
        written = doc[start:end].text
        return (
            Resolution(person.name, "PERSON", written, "description")
            if person
            else Resolution(None, "PERSON", written, "unknown")
        )
    # a known surname the tagger took for a plural noun ("Reynders told reporters") is still theirs
    known_person = people.person_of(head)
    if bare_person_noun(head) and known_person is None:
        return Resolution(None, "PERSON", None, "description")  # "The mother of a murdered boy said"
    # at a sentence's start a capital says nothing, unless the article gave that surname in full
    # ("Joao Pires … . Pires says nobody came")
    opening = head.i == head.sent.start and not (known_person is not None and known_person.firsts)
    surname = head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.is_title and not opening)
    short_firm = people.firm_short_names.get(lower) if end - start == 1 else None
    if short_firm is not None and (known_person is None or not known_person.firsts):
        return Resolution(short_firm, "ORG", None, "org")  # "Halvorsen declined" after "Halvorsen Shipping"
    named_firm = head.ent_type_ == "PERSON" and reads_as_company(_entity_of(head))  # "Halvorsen Shipping"
    if (head.ent_type_ == "PERSON" and not named_firm) or (surname and known_person is not None):
        name, role = person_role(doc, start, end, head)
        person = people.lookup(name_tokens(head, start), honorific_before(head, start))
        canonical = person.name if person else name
        # "Lindqvist, 54, added": an age in apposition is not a role
        appos_roles = [c for c in head.children if role_apposition(head, c)]
        if role is None and appos_roles:
            role = _phrase(appos_roles[0].subtree)
        return Resolution(canonical, "PERSON", role, "name")
    if lower in PERSONAL_PRONOUNS:
        newcomer = people.recent_description(head.i) if lower in ("he", "she") else None
        if newcomer is not None:  # "NATO's secretary general said … . “…,” he added"
            people.newcomer_pronouns[head.i] = newcomer.i
            s, e = speaker_tokens(newcomer)
            res = resolve_speaker(newcomer, s, e, people, exclude)
            return Resolution(res.speaker, res.speaker_type or "PERSON", None, "pronoun")
        gender = PERSONAL_PRONOUNS[lower]
        # the one who spoke last goes on speaking when nobody else who could be meant came up since
        person = people.continuing_speaker(head.i, gender, exclude) or people.recent_person(
            head.i, exclude, gender
        )
        if person:
            if person.gender is None:  # "Teodora Lind … “…,” she says": a name the list lacks
                person.gender = PERSONAL_PRONOUNS[lower]
            return Resolution(person.name, "PERSON", None, "pronoun")
        return Resolution(None, "PERSON", None, "unknown")
    newcomer = people.recent_description(head.i) if lower == "they" else None
    if newcomer is not None and newcomer.lower_ in SINGULAR_THEY_NOUNS:
        # "A Home Office spokesperson said … . “…,” they added"
        people.newcomer_pronouns[head.i] = newcomer.i
        s, e = speaker_tokens(newcomer)
        res = resolve_speaker(newcomer, s, e, people, exclude)
        return Resolution(res.speaker, res.speaker_type or "PERSON", None, "pronoun")
    if lower == "they" and (group := people.recent_group(head.i)) is not None:
        s, e = speaker_tokens(group)
        res = resolve_speaker(group, s, e, people, exclude)
        if res.how in ("group", "org") and res.speaker:
            return Resolution(res.speaker, res.speaker_type, None, "pronoun")
    if lower == "it" and (body := people.recent_org_subject(head.i)) is not None:
        s, e = speaker_tokens(body)
        res = resolve_speaker(body, s, e, people, exclude)
        if res.speaker_type == "ORG" and res.speaker:
            return Resolution(res.speaker, "ORG", None, "pronoun")
        if _report_noun(body) and res.speaker:  # "The review said … . It concluded": the review
            return Resolution(res.speaker, res.speaker_type, None, "pronoun")
    if lower in GROUP_PRONOUNS or lower in ("i", "you", "it", "one", "both", "each"):
        # "Both said", "each accusing the other": whom the ledger cannot name alone
        return Resolution(None, None, None, "unknown")
    if age_description(head) or people_noun(head):
        # "the 27-year-old", "the Spaniard": a sports and features habit of re-naming the person
        # just written about; no entity of that name, and nobody at all if no one fits
        aged = given_age(head)
        if aged is not None:
            s, e = speaker_tokens(aged)
            res = resolve_speaker(aged, s, e, people, exclude)
            return Resolution(res.speaker, res.speaker_type or "PERSON", None, "description")
        person = people.recent_person(head.i, exclude)
        if person is not None:
            return Resolution(person.name, "PERSON", None, "description")
        return Resolution(None, "PERSON", doc[start:end].text, "unknown")
    if (members := members_of(head)) is not None:  # "a group of 40 Labour backbenchers wrote"
        s, e = speaker_tokens(members)
        return resolve_speaker(members, s, e, people, exclude)
    if lower in UNNAMED_SOURCES and head.tag_ == "NN" and not is_title_word(lower):
        return Resolution(None, "PERSON", None, "unknown")  # "a person familiar with …": unnamed
    if someone_unnamed(head) or unnamed_relative(head):
        # "a nurse", "one fan", "her neighbour": no entity of their own; still the description it
        # was, for confidence
        return Resolution(None, "PERSON", None, "description")
    definite = any(c.lower_ == "the" for c in head.lefts)
    if head.tag_ == "NN" and not head.ent_type_ and definite and org_description(lower) is None:
        # "The group says" after "the umbrella group Agri-Europa"; "the company" and the like are
        # whichever firm was named last, below
        named_org = people.org_described_as(head.lemma_.lower(), head.i)
        if named_org is not None:
            org_start, org_end = speaker_tokens(named_org)
            org_res = resolve_speaker(named_org, org_start, org_end, people, exclude)
            if org_res.speaker:
                return Resolution(org_res.speaker, "ORG", None, "description")
    phrase, _ = clean_name(doc[start:end])
    described = org_description(lower)
    if described == "media" and lower == "paper" and len(list(head.lefts)) > 1:
        described = None  # "the 2009 paper", "the research paper": a study, no newspaper
    if described is not None and not head.ent_type_ and definite:
        ahead = people.sentences_ahead(head.i, HEADLINE_AHEAD) if _opens_lede(head) else None
        firm = people.recent_org(head.i, described, ahead)
        if firm is not None:
            return Resolution(firm, "ORG", None, "description")
    if head.ent_type_ in ("ORG", "GPE", "NORP") or is_org_word(lower) or named_firm:
        # a title word before an institution noun is part of its name ("the State Department");
        # before a name the tagger called an organisation, a title ("Councillor Maja Holt")
        if (
            head.ent_type_ == "ORG"
            and is_organisation_noun(lower)
            and end < len(doc)
            and doc[end].pos_ == "ADP"
        ):
            # only after an organisation's noun ("Meenakshi Ganguly of Human Rights Watch" is a
            # person) and through a preposition ("Union Cries Negligence" is a headline's verb)
            end = max(end, _entity_end(head))  # "the Royal College of Nursing", not "… College"
        phrase, name_words = clean_name(doc[start:end], titles=not is_org_word(lower))
        key = lower.removesuffix("’s").removesuffix("'s")
        known = people.orgs.get(key) if head.ent_type_ and key not in OWN_SHORT_NAMES else None
        entity = _entity_of(head)
        if known and len(entity) == 1 and _named_after_place(known, head.text):
            known = None  # "Dhaka presses Delhi" after "the University of Dhaka": the country speaks
        if (
            known
            and head.ent_type_
            and len(entity) > 1
            and not _short_for(list(entity), known)
            # "Councillor Maja Holt", tagged ORG, is the Maja Holt named before: a title before a
            # name (not "Interior Health" after "Health")
            and not (clean_name(entity)[0] == known and len(known.split()) > 1)
        ):
            # "The Department of Homeland Security" after "the Justice Department": its own name,
            # without what the phrase says of it ("a divided Supreme Court")
            known = clean_name(doc[entity.start : max(entity.end, end)], titles=False)[0] or None
        extra = name_words[: len(name_words) - len(known.split())] if known else []
        if (
            known
            and phrase.endswith(" " + known)
            and all(t.pos_ == "PROPN" and part_of_party_name(t.text) for t in extra)
        ):
            known = None  # "The Liberal Democrats", whose tagged name is only "Democrats"
        if not (known or phrase):
            # a title alone, which the tagger called a name: a headline's "Bishop Says …" is the
            # bishop the story names; "State" (the department) stays as written
            if in_headline(head):
                person = (
                    _described_person(head, people, exclude)
                    or _named_further_on(head, people, exclude)
                    or _named_for_the_lede(head, people, exclude)
                )
                name = person.name if person is not None else None
                return Resolution(name, "PERSON", doc[start:end].text, "description" if name else "unknown")
            as_written = clean_name(doc[start:end], titles=False)[0]
            if as_written:
                return Resolution(as_written, "ORG", None, "org")
            return Resolution(None, None, None, "unknown")
        return Resolution(known or phrase, "ORG", None, "org")
    if (
        head.is_upper
        and head.is_alpha
        and len(head) > 2
        and head.i + 1 < len(doc)
        and doc[head.i + 1].text == ":"
    ):
        # a transcript's label the tagger took for a plural noun ("SEN. GRASSLEY:"): a name
        person = people.lookup([head])
        return Resolution(person.name if person else phrase or head.text, "PERSON", None, "name")
    if head.tag_ in ("NNS", "NNPS") and (named_span := _named_body_in_apposition(head)) is not None:
        # "The protest organisers, the Riverside Coalition, said": the body the group is
        first, last = named_span
        return Resolution(doc[first : last + 1].text, "ORG", None, "org")
    if head.tag_ in ("NNS", "NNPS"):
        text = doc_text(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])]
        for prefix in ("the ", "The "):
            text = text.removeprefix(prefix)
        return Resolution(text.removesuffix("’").removesuffix("'"), "GROUP", None, "group")
    determiners = [c for c in head.lefts if c.dep_ == "poss" or c.lower_ in DEFINITE]
    if head.pos_ == "NOUN" and not determiners and is_title_word(lower):
        employer = _employer(head, people, exclude)  # "a spokesman for the campaign"
        if employer is not None:
            return Resolution(employer.speaker, employer.speaker_type, doc[start:end].text, employer.how)
        person = _named_further_on(head, people, exclude) or _named_next(head, people, exclude)
        if person is not None:
            return Resolution(person.name, "PERSON", doc[start:end].text, "description")
        return Resolution(None, "PERSON", doc[start:end].text, "unknown")
    if lower in PLAYING_POSITIONS and [c.lower_ for c in head.lefts] == ["the"]:
        # "Varga was more modest. … the forward told": the tagger may call "forward" an adverb
        person = _described_person(head, people, exclude) or people.recent_person(head.i, exclude)
        if person:
            return Resolution(person.name, "PERSON", doc[start:end].text, "description")
    if head.pos_ == "NOUN" and determiners and is_title_word(lower):
        person = _described_person(head, people, exclude) or _named_next(head, people, exclude)
        if person is None and in_headline(head):
            person = _named_for_the_lede(head, people, exclude)
        if person is None and _opens_lede(head):
            person = _named_further_on(head, people, exclude)  # the lede's "his finance minister"
        if person is None and any(c.lower_ == "the" for c in head.lefts):
            person = people.continuing_as_described(head, exclude)
        if person:
            return Resolution(person.name, "PERSON", doc[start:end].text, "description")
        return Resolution(None, "PERSON", doc[start:end].text, "unknown")
    if head.pos_ == "PROPN" and head.ent_type_ == "" and is_title_word(lower):
        person = _named_further_on(head, people, exclude)  # "Judge Blocks …" in a headline
        name = person.name if person is not None else None
        return Resolution(name, "PERSON", doc[start:end].text, "description" if name else "unknown")
    if head.pos_ == "PROPN":
        kind = _organisation_noun_before(head, start)
        if kind is not None:  # "The union Unite called": the noun says what the name is
            name = doc_text(doc)[doc[kind.i + 1].idx : doc[end - 1].idx + len(doc[end - 1])]
            return Resolution(name, "ORG", None, "org")
        # a name the tagger gave another label ("Ines Duval" PRODUCT) is a person's by its given name;
        # an untagged one a person's unless it ends as a firm's ("Halvard Semiconductor")
        untagged_person = head.ent_type_ == "" and not reads_as_company(doc[start:end], institutions=False)
        personal = untagged_person or reads_as_person(doc[start:end])
        return Resolution(phrase or head.text, "PERSON" if personal else "ORG", None, "name")
    if phrase:
        return Resolution(phrase, "ORG" if head.pos_ == "PROPN" else None, None, "description")
    return Resolution(None, None, None, "unknown")
