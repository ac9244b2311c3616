"""The words of a speaker phrase: where it starts and ends, which of them are the name, which the
title or role ("Belarusian President Alexander Lukashenko"), and the keys names are matched by."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from whosaid.extract.appositions import initials, unmarked_appositive
from whosaid.extract.content_edges import (
    after_time_stamp,
    dateline_end,
    doc_text,
    in_headline,
    line_start,
)
from whosaid.extract.cue_subjects import separated
from whosaid.extract.quotes import QUOTE_MARKS
from whosaid.extract.speaker_words import (
    ROLE_ABBREVIATIONS,
    VAGUE,
    first_name_gender,
    honorific_gender,
    is_org_word,
    is_title_word,
    speech_verb,
)

# Dependents of the speaker noun that belong to its name or title, not to a clause about it.
NAME_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "punct", "quantmod", "advmod"}


# Letters after a name for an office or an honour ("Jonathan Sandiford KC", "Jo Stevens MP"): no
# part of who the person is. Written in capitals, so matched as written.
POST_NOMINALS = frozenset(
    {"KC", "QC", "SC", "MP", "MEP", "MSP", "MLA", "TD", "OBE", "CBE", "MBE", "KBE", "DBE"}
)


def clean_name(span: Span, titles: bool = True) -> tuple[str, list[Token]]:
    """The name words of a speaker phrase without a leading article, title (``titles``: off for an
    organisation, whose "State" in "the State Department" is its name) or spacing."""
    tokens = [t for t in span if not (t.tag_ == "POS" or t.is_space or (t.is_punct and t.text not in "-."))]
    while tokens and (
        (titles and is_title_word(tokens[0].text))
        or tokens[0].lower_ in ("the", "a", "an")
        or speech_verb(tokens[0].text)
        or tokens[0].text == "."  # a title's full stop, split from it ("SEN. GRASSLEY")
    ):
        tokens = tokens[1:]
    if (
        len(tokens) > 5
        and tokens[0].like_num
        and tokens[2].lower_ in ("year", "years")
        and tokens[4].lower_ == "old"
    ):
        tokens = tokens[5:]  # "27-year-old Milan Varga": an age, no part of the name
    while len(tokens) > 1 and tokens[-1].text in POST_NOMINALS:
        tokens = tokens[:-1]
    if not tokens:
        return "", []
    doc = span.doc
    start = tokens[0].idx
    text = doc_text(doc)[start : tokens[-1].idx + len(tokens[-1].text)]
    if text.count("”") > text.count("“") and start > span.start_char and doc_text(doc)[start - 1] == "“":
        text = "“" + text  # keep the opening mark of a quoted word it closes ("“sex tape” reference")
    return text.removesuffix("’s").removesuffix("'s"), tokens


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def bare_role(role: str | None) -> str | None:
    """A role without the article it was written with ("The union leader" -> "union leader"): the
    article belongs to the sentence, not to what the person is, and two mentions of one role should
    read alike. A possessive ("his counterpart") stays: it says whose counterpart."""
    if role is None:
        return None
    role = _LEADING_ARTICLE.sub("", role.strip())
    if honorific_gender(role) is not None:
        return None  # "Mrs." says how to address her, not what she is
    return role or None


def canonical_form(counts: dict[str, int]) -> str:
    """The canonical name among the forms an article writes a person's name in (form -> times): the
    fullest, of two as full the more frequent, then the first. A form that is another form with words
    before its given name that are no given names ("Crooked Hillary Clinton", "Universe Alicia
    Machado" beside "Alicia Machado") counts as that other form: those words are an epithet or the end
    of a title. Without the shorter form in the article, the words stay ("Earl Ray Tomblin")."""
    reduced: dict[str, int] = {}
    for form, times in counts.items():
        bare = _without_epithet(form, counts)
        reduced[bare] = reduced.get(bare, 0) + times
    order = list(reduced)
    return max(order, key=lambda n: (len(n.split()), reduced[n], -order.index(n)))


def _without_epithet(form: str, forms: dict[str, int]) -> str:
    words = form.split()
    for i in range(1, len(words) - 1):
        rest = " ".join(words[i:])
        if rest in forms and first_name_gender(words[i]) is not None:
            lead = words[:i]
            if all(w.isalpha() and first_name_gender(w) is None for w in lead):
                return rest
    return form


def role_words(roles: list[str]) -> set[str]:
    """Lower-case words of a person's roles, abbreviations spelt out ("Gov." -> governor)."""
    words = {w for role in roles for w in re.findall(r"[a-z]+", role.lower())}
    return words | {ROLE_ABBREVIATIONS[w] for w in words if w in ROLE_ABBREVIATIONS}


# Endings that make a people's adjective of a place's name: Russia -> Russian, Italy -> Italian,
# China -> Chinese, Germany -> German (the place adds the "y"), Kessria -> Kessrian.
DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "y", "stan", "istan")  # "Kazakh" -> "Kazakhstan"


def place_word_in(word: str, known: set[str]) -> bool:
    """Whether ``word`` or the place or people it names is among ``known`` words: "the Kessrian
    leader" fits a person whose role is "Kessria's president", "Russia's" one of "Russian"."""
    if word in known:
        return True
    for other in known:
        short, long = sorted((word, other), key=len)
        if len(short) < 4 or not long.startswith(short[:-1]):
            continue
        for stem in (short, short[:-1]):  # "italy" -> "ital" + "ian"; "germany" -> "german"
            if long.startswith(stem) and (long[len(stem) :] in DEMONYM_ENDINGS or stem == long):
                return True
    return False


def _spelt_out(word: str) -> str:
    return ROLE_ABBREVIATIONS.get(word, word)


def description_words(head: Token) -> tuple[list[str], list[str]]:
    """The words a description ("the Florida senator", "Colorado's delegation chairman") is matched
    to roles by: its other modifiers, and the proper ones (capitalised, a place or party, a named
    possessor) that a person's roles must all hold for the description to name them."""
    words: list[str] = []
    required: list[str] = []
    for child in head.lefts:
        proper_possessor = child.dep_ == "poss" and child.pos_ == "PROPN"
        if child.dep_ not in ("amod", "compound", "nmod") and not proper_possessor:
            continue
        # the modifier's own modifiers too: "GOP" hangs off "presidential" in "the GOP presidential …"
        for token in child.subtree if not proper_possessor else [child]:
            if token.tag_ == "POS" or token.is_punct:
                continue
            found = [_spelt_out(w) for w in re.findall(r"[a-z]+", token.lower_) if w not in VAGUE]
            proper = (
                proper_possessor
                or (token.text[:1].isupper() and not _capital_of_position(token))
                or token.ent_type_ in ("NORP", "GPE", "ORG")
            )
            (required if proper else words).extend(found)
    return words, required


def _capital_of_position(token: Token) -> bool:
    """Whether a common noun's capital comes from where it stands, a headline or a sentence's first
    word ("Airline boss: …"), not from a name: it then says what kind, not which."""
    return token.pos_ == "NOUN" and (token.is_sent_start or in_headline(token))


def surname_key(token: Token) -> str:
    return token.lower_.removesuffix("’s").removesuffix("'s")


# Punctuation inside an organisation's name ("Procter & Gamble", "A.T. Kearney", "Rolls-Royce").
NAME_PUNCTUATION = {"&", ".", "-", "'", "’"}


def remit_comma(doc: Doc, i: int) -> bool:
    """Whether the comma ``doc[i]`` lists a body's remit inside its name, the entity going on with a
    capitalised word: "the Department for Environment, Food and Rural Affairs" (a remit comes after
    "of" or "for"; "Crane, Kibbe and other libertarians" is no name)."""
    if not (
        doc[i].text == ","
        and i + 1 < len(doc)
        and doc[i + 1].ent_iob_ == "I"
        and doc[i + 1].is_title
        and doc[i + 1].pos_ in ("PROPN", "NOUN")
    ):
        return False
    return any(t.lower_ in ("of", "for") for t in doc[entity_start(doc, i) : i])


def entity_start(doc: Doc, i: int) -> int:
    """The first token of the named entity token ``i`` is inside (``i`` itself outside one)."""
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def remit_end(doc: Doc, token: Token, end: int) -> int:
    """The end of a ministry's name past its tagged entity, where the tagger stopped before the last
    field of its remit: "the Department of Public Works and Highways", "the Ministry of Energy and
    Mines". Only after "of" or "for", and only through capitalised words no entity claims, so that
    "the Ministry of Defence and Reuters" stays two speakers."""
    if not any(t.lower_ in ("of", "for") for t in doc[entity_start(doc, token.i) : end]):
        return end
    if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end].ent_type_ == "":
        words = end + 1
        while (
            words < len(doc)
            and doc[words].is_title
            and doc[words].ent_type_ == ""
            and doc[words].pos_ in ("PROPN", "NOUN")
        ):
            words += 1
        if words > end + 1:
            return words
    return end


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
        elif child.left_edge.i == end and child == unmarked_appositive(head):
            end = child.i + 1  # "The union leader Piotr Nowak": the name, unmarked, ends the phrase
        else:
            break
    end = _group_modifiers_end(head, end)
    doc = head.doc
    if head.ent_iob_ in ("B", "I"):  # "Procter & Gamble": a name the parser read as two joined
        while (
            end < len(doc)
            and doc[end].ent_iob_ == "I"
            and doc[end].ent_type_ == head.ent_type_
            and doc[end].pos_ not in ("VERB", "AUX")  # a headline's "Trump Said" is no name
            and not (
                doc[end].is_punct and doc[end].text not in NAME_PUNCTUATION and not remit_comma(doc, end)
            )
            and head in doc[end].ancestors
        ):
            end += 1
        if head.ent_type_ == "ORG":
            end = remit_end(doc, head, end)
    for i in range(head.i - 1, start - 1, -1):
        # a line break or the end of a quotation ends the phrase: "“… hunky-dory,” Gene Sperling said"
        closing = i > 0 and doc[i].text in QUOTE_MARKS and doc[i].tag_ != "POS" and doc[i - 1].text in ",.?!"
        if (doc[i].is_space and "\n" in doc[i].text) or closing:
            start = i + 1
            break
    start = after_time_stamp(doc, start, head.i)
    line = line_start(doc, start)
    if line < start < dateline_end(doc, line) <= head.i:
        # "YEREVAN/BAKU, Sept 14 (Meridian) - Armenia": the dateline's date and agency hang on the
        # name, but are the dateline's
        start = dateline_end(doc, line)
    # punctuation, and a subordinator the parser hung on the name ("when Mr. Buchanan called"), lead in
    while start < head.i and (doc[start].is_punct or doc[start].is_space or doc[start].pos_ == "SCONJ"):
        start += 1
    while end - 1 > start and doc[end - 1].tag_ == "POS":
        end -= 1
    return start, end


# Singular nouns for a source the article does not name ("a person familiar with the matter").
UNNAMED_SOURCES = {"person", "source", "official", "insider", "diplomat"}
# Words after a group that say which group it is: "People familiar with the matter", "Officials
# in neighbouring Kessria", "diplomats briefed on the talks", "lawyers for the cooperative".
GROUP_PREPS = {"in", "at", "for", "from", "with", "of", "close", "inside", "within", "on"}
MAX_GROUP_MODIFIER_TOKENS = 8
# Singular nouns that stand for the plural after their "of": "a group of 40 backbenchers wrote" is
# the backbenchers speaking.
COLLECTIVE_NOUNS = {
    "group", "handful", "number", "dozen", "couple", "coalition", "delegation", "team", "panel",
    "pair", "trio",
}  # fmt: skip


def members_of(head: Token) -> Token | None:
    """The plural noun a collective noun is made of ("a group of senators": "senators"), or None."""
    if head.lower_ not in COLLECTIVE_NOUNS or head.ent_type_:
        return None
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return members if members is not None and members.tag_ in ("NNS", "NNPS") else None


def _group_modifiers_end(head: Token, end: int) -> int:
    """``end`` moved past the modifiers that follow a plural common noun or an unnamed source ("a
    person familiar with the talks"): an adjective phrase, a participle phrase or a prepositional
    phrase (not a relative clause, nor anything past a comma)."""
    if (
        head.tag_ != "NNS" and head.lower_ not in UNNAMED_SOURCES and members_of(head) is None
    ) or head.ent_type_:
        return end
    doc = head.doc
    for child in head.rights:
        if child.left_edge.i != end:
            break
        participle = child.dep_ == "acl" and child.tag_ == "VBN"  # "voters saying …" is content
        kept = child.dep_ == "amod" or participle or (child.dep_ == "prep" and child.lower_ in GROUP_PREPS)
        if not kept:
            break
        stop = next((t.i for t in child.subtree if t.is_punct and t.text not in ("-", "'", "’")), None)
        # up to a comma that opens a relative clause on the modifier's own noun ("a person familiar
        # with the talks, who asked not to be named,"); any other comma leaves the modifier out
        relative = (
            stop is not None
            and stop > child.i
            and doc[stop].text == ","
            and _opens_relative_clause(doc, stop)
        )
        if stop is not None and not relative:
            break
        last = stop if stop is not None else child.right_edge.i + 1
        if last - end > MAX_GROUP_MODIFIER_TOKENS:
            break
        end = last
        if relative:
            break
    return end


def _opens_relative_clause(doc: Doc, comma: int) -> bool:
    return comma + 1 < len(doc) and doc[comma + 1].lower_ in ("who", "whom", "which", "whose")


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
    return [
        t
        for t in doc[first : head.i + 1]
        if t.is_alpha
        or (t.text[:1].isalpha() and "." in t.text)
        or t.text.replace("’", "").replace("'", "").isalpha()  # "O’Malley"
    ]


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


# Prefixes that make an adjective of a name ("a pro-Israel group", "anti-Trump protesters"), which
# the small model sometimes tags as a PERSON. "al-Assad" keeps its particle: "al" is not listed.
STANCE_PREFIXES = frozenset({"pro", "anti", "non", "post", "pre"})


def could_be_name(tokens: list[Token]) -> bool:
    """False for an entity with a word no name has; given names that are also words ("Will", "Hope")
    pass through the first-name list."""
    if len(tokens) > 2 and tokens[0].lower_ in STANCE_PREFIXES and tokens[1].text == "-":
        return False
    return not any(t.pos_ in NOT_NAME_POS and first_name_gender(t.text) is None for t in tokens)


def role_apposition(head: Token, child: Token) -> bool:
    """Whether ``child`` is an apposition that gives ``head`` a role ("Smith, the mayor,"): not a
    person, not an age ("Lindqvist, 54,"), not words after a colon or a quotation mark ("Alvarez:
    “No. …”")."""
    if child.dep_ != "appos" or child.ent_type_ == "PERSON" or child.like_num:
        return False
    return not separated(head.doc[min(head.i, child.i) + 1 : max(head.i, child.i)])


# Words of organisations named after a person or a place with a given name ("Virginia Tech").
ORG_NAME_WORDS = {"tech", "state", "university", "college", "institute", "foundation", "fund", "capital"}


# Last words of a firm's or an institution's name, which the tagger sometimes calls a person's
# ("Halvorsen Shipping", "Koenig Holdings"). Words that are also common surnames (Power, Steel,
# White, House) are left out: "Samantha Power" is a person.
COMPANY_NAME_ENDINGS = {
    "shipping", "holdings", "group", "airlines", "airways", "motors", "energy", "bank", "capital",
    "partners", "industries", "technologies", "systems", "logistics", "foods", "mining",
    "pharmaceuticals", "pharma", "telecom", "media", "insurance", "securities", "investments", "corp",
    "corporation", "inc", "ltd", "limited", "plc", "ag", "gmbh", "electric", "chemicals",
    "semiconductor", "semiconductors", "labs", "ventures", "resources", "petroleum", "enterprises",
    "solutions", "networks", "software", "robotics", "therapeutics", "aerospace", "railways",
    "automotive", "financial", "bancorp", "properties", "homes", "estates", "developments",
    "construction", "hotels", "resorts", "entertainment", "studios", "brewing", "communications",
    "healthcare", "biotech", "games",
}  # fmt: skip
INSTITUTION_NAME_ENDINGS = {
    "foundation", "institute", "university", "association", "ministry", "committee", "agency", "commission",
}  # fmt: skip


def reads_as_company(ent: Span, institutions: bool = True) -> bool:
    """A name of two words or more that ends in a firm's word (or, with ``institutions``, an
    institution's), whatever label the tagger gave it."""
    words = [t for t in ent if not t.is_punct]
    if len(words) == 1 and words[0].lower_ in PLATFORM_NAMES:
        return True  # "Twitter said", which the tagger calls a person
    endings = COMPANY_NAME_ENDINGS | INSTITUTION_NAME_ENDINGS if institutions else COMPANY_NAME_ENDINGS
    return len(words) >= 2 and words[-1].lower_.rstrip(".") in endings and words[0].is_title


# One-word names of platforms and news outlets that no surname shares, which the tagger may call a
# person ("Twitter suspended the account", "Politico reported").
PLATFORM_NAMES = {
    "twitter", "facebook", "instagram", "youtube", "tiktok", "snapchat", "reddit", "linkedin",
    "whatsapp", "politico", "breitbart", "xinhua", "reuters", "axios", "buzzfeed", "cnn", "msnbc",
}  # fmt: skip


# Last words of a place's or a building's name, which the tagger may call a person ("the Skerry Point
# lighthouse", "St Peter's Basilica"); and a saint's name opening one ("St Mary's").
PLACE_NAME_ENDINGS = {
    "point", "square", "basilica", "cathedral", "church", "chapel", "abbey", "mosque", "temple",
    "palace", "castle", "tower", "bridge", "street", "avenue", "road", "lane", "park", "gardens",
    "island", "islands", "bay", "harbour", "harbor", "beach", "valley", "hill", "hills", "lake",
    "river", "mountain", "mountains", "heights", "estate", "airport", "station", "stadium", "arena",
}  # fmt: skip
SAINT_WORDS = {"st", "st.", "saint"}
# Of those, the ones no surname shares, so a place even alone ("Basilica"; not "Park", "Hill").
BUILDING_WORDS = {
    "basilica", "cathedral", "chapel", "abbey", "mosque", "temple", "square", "stadium", "arena", "airport",
}  # fmt: skip


def reads_as_place(ent: Span) -> bool:
    """A name that ends in a place's word or opens with "St", whatever label the tagger gave it."""
    words = [t for t in ent if not t.is_punct]
    if not words:
        return False
    last = words[-1].lower_
    return (
        (len(words) > 1 and last in PLACE_NAME_ENDINGS)
        or (len(words) == 1 and last in BUILDING_WORDS)
        or words[0].lower_ in SAINT_WORDS
    )


def _capitalised(token: Token) -> bool:
    """ "Hale", "MacLeod", "DeSantis"; not "NASA"."""
    return token.text[:1].isupper() and any(c.islower() for c in token.text)


def reads_as_person(ent: Span) -> bool:
    """A name the tagger called an organisation that reads as a person's: it opens with a given
    name, or comes right after a title ("UN special envoy Hanna Lindqvist"), and has nothing else
    an organisation's name would ("Sophie Marchand"; not "Virginia Tech")."""
    inside = name_after_title(ent)
    words = list(inside if inside is not None else ent)
    if not (
        2 <= len(words) <= 3
        and all(t.pos_ == "PROPN" and _capitalised(t) for t in words)
        and not any(is_org_word(t.lower_) or t.lower_ in ORG_NAME_WORDS for t in words)
    ):
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    titled = before is not None and before.pos_ in ("NOUN", "PROPN") and is_title_word(before.lower_)
    return titled or inside is not None or first_name_gender(words[0].text) is not None


ROYAL_TITLES = {"king", "queen", "prince", "princess", "duke", "duchess", "emperor", "empress"}


def name_after_title(ent: Span) -> Span | None:
    """The name after the titles a tagged span opens with ("The Rev Philippa Ward" tagged as one
    organisation, "Archbishop Declan Moriarty"): two words at least, or None without a title."""
    lead = 1 if len(ent) and ent[0].lower_ == "the" else 0
    while lead < len(ent) - 2 and is_title_word(ent[lead].lower_.rstrip(".")):
        lead += 1
    if lead == 0 or not is_title_word(ent[lead - 1].lower_.rstrip(".")):
        return None
    if any(t.lower_ in ROYAL_TITLES for t in ent[:lead]):
        return None  # "the King James Bible", "Prince Albert Hall": a royal's name names things
    return ent[lead:]


# Firms named after their founder's initials, which read like a person.
INITIALLED_FIRMS = frozenset(
    {"j.p. morgan", "j.c. penney", "a.p. moller", "h.j. heinz", "s.c. johnson", "w.r. grace", "t.j. maxx"}
)


def initialled_name(ent: Span) -> Span | None:
    """The name of a person written with initials first ("P.V. Arumugam"), as South Asian and older
    British copy writes it, inside or from ``ent``, which the small model often tags as an
    organisation ("the Opposition R. Thangapandian") or cuts short ("A.K.M." alone): the initials and
    the one or two capitalised words after them, when nothing of an organisation's name follows."""
    doc = ent.doc
    start = next((t.i for t in ent if initials(t.text)), None)
    if start is None:
        return None
    before = doc[start - 1] if start > ent.start else None
    if before is not None and (
        first_name_gender(before.text) is not None or (ent.label_ == "PERSON" and before.pos_ == "PROPN")
    ):
        return None  # a middle initial: "Benjamin L. Cardin", "Emmet G. Sullivan"
    end = start + 1
    while end < len(doc) and end - start <= 3 and doc[end].pos_ == "PROPN" and _capitalised(doc[end]):
        end += 1
    words = doc[start + 1 : end]
    if not 1 <= len(words) <= 2 or end < ent.end:
        return None  # "J.P. Morgan Chase Bank": more name after it than a person's
    if any(is_org_word(t.lower_) or t.lower_ in ORG_NAME_WORDS or t.ent_type_ == "GPE" for t in words):
        return None
    name = doc[start:end]
    return None if any(name.text.lower().startswith(firm) for firm in INITIALLED_FIRMS) else name


def who_antecedent(noun: Token) -> Token:
    """The person a "who" the parser hung off a thing refers to: "a spokesman for the bank's unit,
    who added" (the spokesman), "three people familiar with the matter who said" (the people)."""
    node = noun
    plural: Token | None = None  # a plural may be people, or things ("the bank's deliberations")
    for _ in range(3):
        if (
            node.ent_type_ == "PERSON"
            or node.pos_ == "PRON"
            or is_title_word(node.lower_)
            or node.lemma_.lower() in PEOPLE_NOUNS
        ):
            return node
        if node.tag_ == "NNS" and plural is None:
            plural = node
        if node.dep_ != "pobj":
            break
        node = node.head.head  # the preposition's head: a noun, or an adjective ("familiar with")
        if node.pos_ == "ADJ" and node.dep_ in ("amod", "acl"):
            node = node.head
    return plural or noun


# Nouns for people that are no title: "a person familiar with …, who asked not to be named".
PEOPLE_NOUNS = {"person", "people", "man", "woman", "source", "resident", "witness", "member", "friend"}
