"""Attribution candidates read off the dependency parse: a cue, its speaker and its content.

Each finder looks at one token and returns a ``Candidate`` holding token/char ranges only; where a
content starts and ends is decided in ``content_edges.py``; the assembler (``attribution.py``) snaps
contents to quotation marks, resolves speakers and scores.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from whosaid.extract.boundary import choose_end

# char_range is re-exported: headlines.py and attribution.py import it from here
from whosaid.extract.content_edges import char_range as char_range
from whosaid.extract.content_edges import (
    complement_edge,
    content_first_token,
    marked_by_that,
    paragraph_bounds,
    raised_from_conjunct,
    raised_subject_start,
    relative_cue_gap,
    rest_edge,
    that_mark,
    trim_trailing_aside,
    without_dangling_conjunction,
    without_summary,
)
from whosaid.extract.cue_subjects import subject_of, subject_to_the_left
from whosaid.extract.cues import CueLexicon
from whosaid.extract.speaker_words import word_class

# Verbs whose infinitive complement is the attributed content ("vowed to repeal", "urged them to").
INFINITIVE_CUES = {
    "want", "plan", "vow", "promise", "pledge", "threaten", "urge", "expect", "intend", "hope",
    "decide", "refuse", "ask", "tell", "warn", "call", "seek", "propose", "demand", "agree", "offer",
    "encourage", "claim",
}  # fmt: skip


@dataclass(slots=True)
class Candidate:
    cue_start: int  # token range of the cue words
    cue_end: int
    content_start: int  # char range of the content
    content_end: int
    speaker_head: Token | None
    strength: float  # lexicon prior of the cue
    form: str  # ccomp | xcomp | final | according | noun | quote | colon | continuation | nested
    via: Token | None = None
    exclude_end: int = -1  # char range inside the content taken by the cue clause (split forms)
    exclude_start: int = -1
    comp: Token | None = None  # head token of the content, when the parse gives one
    probability: float = 0.0  # the trained filter's estimate that this is a gold attribution
    relayed: bool = False  # "X was quoted as saying": a sure attribution whatever the filter says
    edges: tuple[int, int, int] | None = None  # token first, subtree end, rules' end (boundary training)
    in_quotation: bool = False  # reported speech inside a quotation ("Ministers told us there was …")


def quoted_as_saying(quoted: Token) -> tuple[Token | None, Token | None, int, int] | None:
    """`X was quoted as saying (by Y)` or `Y quoted X as saying`: (X, Y, first and last cue token)
    or None."""
    if quoted.lemma_ != "quote":
        return None
    as_ = next((c for c in quoted.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    verb = next((c for c in as_.children if c.lemma_ in ("say", "tell")), None) if as_ is not None else None
    if verb is None:
        return None
    speaker = next((c for c in quoted.children if c.dep_ == "nsubjpass"), None)
    via = None
    if speaker is None:  # active: "TASS quoted a senior diplomat as saying": the agency relays
        speaker = next((c for c in quoted.children if c.dep_ == "dobj"), None)
        via = next((c for c in quoted.children if c.dep_ == "nsubj"), None) if speaker is not None else None
        if via is not None and via.lower_ in ("which", "who", "that") and quoted.dep_ == "relcl":
            via = quoted.head  # "state television, which quoted officials as saying"
    for holder in (verb, quoted):
        for child in holder.children:
            if child.dep_ in ("prep", "agent") and child.lower_ == "by":
                via = next((g for g in child.children if g.dep_ == "pobj"), None)
    first = min([quoted.i] + [c.i for c in quoted.children if c.dep_ in ("auxpass", "aux")])
    if first > verb.i:
        return None  # "as saying" parsed before "was quoted": no cue runs backwards
    return speaker, via, first, verb.i


def cue_span(verb: Token) -> tuple[int, int]:
    """Token range of a verb cue with its auxiliaries and negation ("has not been", "was denied")."""
    start = verb.i
    for child in verb.lefts:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i >= start - 3:
            start = min(start, child.i)
    return start, verb.i + 1


# Dependents of a cue whose subtree can be the attributed content, as the parser labels them.
COMPLEMENT_DEPS = ("ccomp", "xcomp", "dobj", "advcl", "acl", "oprd", "nsubjpass")
PREP_OBJECT_DEPS = ("pobj", "pcomp")


def _that_clauses(noun: Token) -> list[Token]:
    """The that-clause of an object noun ("rejected the notion that …", "made the claim that …"):
    PolNeAR draws the content as the clause alone, complementizer included."""
    if noun.pos_ != "NOUN":
        return []
    return [c for c in noun.rights if c.dep_ in ("acl", "ccomp") and marked_by_that(c)]


# Prepositions after an object noun whose object PolNeAR may draw alone ("expressed support for X",
# "shared concerns about X"): the trained filter chooses between the object and this.
OBJECT_NOUN_PREPS = {"for", "about", "of", "on", "against", "over", "to"}


def _object_complements(noun: Token) -> list[tuple[Token, str]]:
    """What an object noun is about: its infinitive ("unveiled a plan to create …") or its
    prepositional object, the noun then joining the cue."""
    if noun.pos_ != "NOUN":
        return []
    found: list[tuple[Token, str]] = []
    for child in noun.rights:
        if child.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            found.append((child, "dobj_inf"))
        elif child.dep_ == "prep" and child.lower_ in OBJECT_NOUN_PREPS:
            found.extend((g, "dobj_prep") for g in child.children if g.dep_ in ("pobj", "pcomp"))
    return found


# Cues whose direct object is the listener ("told detectives …"), unlike "say" or "announce".
LISTENER_OBJECT_CUES = {"tell", "assure", "inform", "remind", "warn", "convince", "persuade"}


def _clause_read_as_relative(listener: Token) -> list[Token]:
    """The reported clause of "told detectives he had spent the night at home", which the parser
    hangs off the listener as a relative clause with no "that": a clause opening right after the
    listener with a subject of its own, a pronoun or a name, is what was told."""
    return [
        c
        for c in listener.rights
        if c.dep_ == "relcl"
        and c.left_edge.i == listener.i + 1
        and c.left_edge.dep_ == "nsubj"
        and c.left_edge.pos_ in ("PRON", "PROPN")
        and c.left_edge.lower_ not in ("who", "which", "that", "whom")
    ]


# Verbs of speech whose own clause the parser may hang elsewhere: after a colon ("had told the
# meeting: “…”") or an aside ("reported, citing two officials, that …").
OWN_CLAUSE_SPEECH = {"say", "tell", "write", "declare", "announce", "add", "warn", "explain", "insist"}


def _that_clause_read_as_adverbial(verb: Token, clause: Token) -> bool:
    """Whether ``clause``, which the parser calls adverbial, is the that-clause of a verb of speech
    after an aside ("had reported on Tuesday, citing two officials, that X was drafting …")."""
    if clause.dep_ != "advcl" or clause.i < verb.i or verb.lemma_ not in OWN_CLAUSE_SPEECH | {"report"}:
        return False
    mark = that_mark(clause)
    return (
        mark is not None and mark.i < clause.i and any(t.text == "," for t in verb.doc[verb.i + 1 : mark.i])
    )


def _aside_before_that_clause(verb: Token) -> bool:
    """Whether ``verb`` opens an aside the parser hung on a that-clause it read as adverbial
    ("citing two officials" in "reported, citing two officials, that …")."""
    clause = verb.head
    return (
        verb.dep_ == "advcl"
        and verb.i < clause.i
        and clause.head.i < verb.i
        and _that_clause_read_as_adverbial(clause.head, clause)
    )


def _complements(verb: Token) -> list[tuple[Token, str]]:
    found: list[tuple[Token, str]] = []
    for child in verb.children:
        if child.dep_ in COMPLEMENT_DEPS:
            if _comment_on_the_sentence(verb, child):
                continue
            found.append((child, "ccomp" if _that_clause_read_as_adverbial(verb, child) else child.dep_))
            if child.dep_ == "dobj":
                found.extend((clause, "dobj_clause") for clause in _that_clauses(child))
                found.extend(_object_complements(child))
                if verb.lemma_.lower() in LISTENER_OBJECT_CUES:
                    found.extend((clause, "ccomp") for clause in _clause_read_as_relative(child))
        elif child.dep_ == "prep" and child.i > verb.i:
            for grand in child.children:
                if grand.dep_ in PREP_OBJECT_DEPS:
                    found.append((grand, f"prep_{grand.dep_}"))
    if verb.lemma_.lower() in LISTENER_CUES and not any(d == "ccomp" for _, d in found):
        seen = {c.i for c, _ in found}
        found.extend((clause, "ccomp") for clause in _clause_under_circumstance(verb) if clause.i not in seen)
    if not any(d == "ccomp" for _, d in found) and (clause := _colon_clause_on_high(verb)) is not None:
        found.append((clause, "ccomp"))
    return found


def _colon_clause_on_high(verb: Token) -> Token | None:
    """The clause after the colon that closes ``verb``'s own words, when the parser hung it on a verb
    higher up: in "The Daily Courier reported that Carver had told the meeting: “The money isn't
    coming back”" the quotation is Carver's, whom "told" has as its subject, not the paper's."""
    if verb.lemma_ not in OWN_CLAUSE_SPEECH or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    doc = verb.doc
    colon = verb.right_edge.i + 1
    if colon >= len(doc) or doc[colon].text != ":":
        return None
    first = colon + 1
    while first < len(doc) and (doc[first].is_quote or doc[first].is_space):
        first += 1
    if first >= len(doc):
        return None
    clause = doc[first]
    while clause.head.i > colon and clause.head.i != clause.i:
        clause = clause.head  # up to the clause's root, still after the colon
    ancestors = set(a.i for a in verb.ancestors)
    return clause if clause.dep_ == "ccomp" and clause.head.i in ancestors else None


def _someone_elses_colon_clause(verb: Token, comp: Token, dep: str) -> bool:
    """The clause ``comp`` the parser hung on ``verb`` belongs to a verb of speech under it, whose
    colon introduces it (``_colon_clause_on_high``)."""
    if dep != "ccomp" or comp.i < verb.i:
        return False
    return any(
        t.i > verb.i and _colon_clause_on_high(t) == comp
        for t in verb.subtree
        if t.i < comp.i and t.pos_ == "VERB"
    )


def _clause_split_in_two(verb: Token) -> tuple[Token, Token] | None:
    """A reported clause the parser cut in two: "said that the soldiers captured near the border
    last week were mercenaries" read "captured" as the verb of one complement and gave "last week
    were mercenaries" as a second one with no subject. (first half, second half) or None."""
    clauses = [c for c in verb.rights if c.dep_ == "ccomp"]
    if len(clauses) != 2:
        return None
    first, second = clauses
    joint = second.left_edge
    if joint.i != first.right_edge.i + 1 or joint.is_punct or second.pos_ not in ("VERB", "AUX"):
        return None  # (", a swipe at …" or "— a proposal he …" is an aside, not the clause's rest)
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in second.children):
        return None
    return first, second


def _comment_on_the_sentence(verb: Token, obj: Token) -> bool:
    """A second object after a comma is the writer's comment on the whole sentence, which the parser
    made an object: "endorsed Senator Ortiz on Tuesday, a blow to the front-runner". Such a comment
    is indefinite; a list of objects ("discussing the economy, women's health …") is not one."""
    first = obj.left_edge
    if (
        obj.dep_ != "dobj"
        or first.i == 0
        or obj.doc[first.i - 1].text != ","
        or first.lower_ not in ("a", "an")
    ):
        return False
    return any(c.dep_ == "dobj" and c.i < obj.i for c in verb.children)


# Speech verbs that take a listener and a that-clause ("told analysts on a call that …").
LISTENER_CUES = {"tell", "say", "write", "warn", "assure", "inform", "remind", "explain", "announce"}


def _clause_under_circumstance(verb: Token) -> list[Token]:
    """A that-clause the parser hung below the listener or the place of a speech verb: in "told
    analysts on a conference call that customers were …" it made the clause a relative clause of
    "call". A relative clause does not open with the complementizer "that" (its "that" is a pronoun,
    the subject or object), so such a clause is the verb's content. Only below a place or a
    listener: below another object ("says the rise … that Bloomberg decries makes …") the parser's
    "that" is more often the relative pronoun it mislabelled."""
    found: list[Token] = []
    stack = [c for c in verb.rights if c.dep_ in ("dobj", "dative", "prep", "npadvmod")]
    told = verb.lemma_.lower() == "tell"
    while stack:
        node = stack.pop()
        # whatever one tells is told to someone: "told a news conference that …"
        listener = _listener(node) or (told and node.dep_ in ("dobj", "dative") and node.head.i == verb.i)
        for child in node.rights:
            if child.dep_ in ("prep", "pobj"):
                stack.append(child)
            elif (
                (node.dep_ == "pobj" or listener)
                and child.dep_ in ("relcl", "acl", "ccomp")
                and _opens_with_complementizer(child)
            ):
                found.append(child)
    return found


def _opens_with_complementizer(clause: Token) -> bool:
    """Whether a clause opens with the complementizer "that": marked so, or a "that" the parser
    made a subject or object of a verb that has its own ("that both sides had agreed to exchange
    prisoners": "exchange" already has an object, so "that" is no relative pronoun)."""
    that = clause.doc[clause.left_edge.i]
    if that.lower_ != "that":
        return False
    if that.dep_ == "mark":
        return True
    return that.dep_ in ("dobj", "nsubj") and any(
        c.dep_ == that.dep_ and c.i != that.i for c in that.head.children
    )


# Speech verbs whose prepositional phrases and listeners are circumstances, never the content:
# "said on ABC's “Good Morning America”", "told Reuters in an interview", "told a crowd in Ohio".
SPEECH_LEMMAS = {"say", "tell", "speak", "add", "write", "tweet", "explain", "announce", "insist", "note"}
CIRCUMSTANCE_PREPS = {
    "in", "on", "at", "during", "after", "before", "since", "with", "from", "to", "by", "ahead", "outside",
    "near", "inside", "while", "until", "through", "via", "into",
}  # fmt: skip
LISTENER_WORDS = {
    "reporters", "crowd", "audience", "supporters", "journalists", "me", "us", "him", "her", "them",
    "viewers", "listeners", "voters", "students", "members", "lawmakers", "senators",
}  # fmt: skip


def _listener(token: Token) -> bool:
    """Whether a speech verb's object is someone spoken to ("told Reuters", "told reporters")."""
    return token.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or token.lower_ in LISTENER_WORDS


# Words that open a clause of circumstance after a closing cue: "…, officials said, as rescuers dug"
CIRCUMSTANCE_OPENERS = {"as", "while", "when", "after", "before", "because", "since", "although", "though"}


def _circumstance_after_closing_cue(verb: Token, comp: Token, dep: str) -> bool:
    """ "The toll rose to 31, officials said, as rescuers dug … and forecasters warned …": the parser
    may hang the clause after the closing cue on it as what was said; the words before the cue are."""
    if dep != "ccomp" or comp.i < verb.i or comp.left_edge.lower_ not in CIRCUMSTANCE_OPENERS:
        return False
    doc = verb.doc
    opener = comp.left_edge.i
    subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.left_edge.i == 0 or doc[subject.left_edge.i - 1].text != ",":
        return False
    # a clause before the cue ("In the early 1990s, Ripert said, when she …" fronts a phrase only)
    before = doc[verb.sent.start : subject.left_edge.i]
    return any(t.pos_ in ("VERB", "AUX") for t in before) and opener > 0 and doc[opener - 1].text == ","


def _relative_clause_read_as_reported(verb: Token, comp: Token, dep: str) -> bool:
    """ "“…,” said Maya Okonjo of the group Clean Rivers Now, which staged a protest …": a clause
    opening with ", which" or ", who" after the cue describes the speaker's side, though the parser
    may hang it on the cue as what was said."""
    if dep != "ccomp" or comp.i < verb.i:
        return False
    first = comp.left_edge
    subject = first.dep_ in ("nsubj", "nsubjpass") and first.head == comp
    after_cue = first.i > verb.i  # not "the plan, which he said would fail"
    return subject and after_cue and first.lower_ in ("which", "who") and first.nbor(-1).text == ","


def _circumstance(verb: Token, comp: Token, dep: str) -> bool:
    if _circumstance_after_closing_cue(verb, comp, dep) or _relative_clause_read_as_reported(verb, comp, dep):
        return True
    if verb.lemma_.lower() not in SPEECH_LEMMAS:
        return False
    if dep == "prep_pobj":
        return comp.head.lower_ in CIRCUMSTANCE_PREPS
    if dep in ("dobj", "dative", "rest") and verb.lemma_.lower() == "tell":
        heads = list(verb.rights) if dep == "rest" else list(comp.children)
        has_clause = any(c.dep_ in ("ccomp", "xcomp", "relcl", "acl") for c in heads)
        return _listener(comp) and not has_clause
    return False


def _anonymity_terms(comp: Token) -> bool:
    """The terms a source gave, not what they said: "asked not to be named", "requested anonymity",
    "spoke on the condition of anonymity" (PolNeAR annotates 2 of 20 such phrases on train)."""
    words = [t.lower_ for t in comp.subtree][:6]
    if words[:1] == ["not"]:  # "asked not to be named", "declined to be identified"
        words = words[1:]
    if words[:2] == ["to", "be"] and len(words) > 2 and words[2] in ("named", "identified"):
        return True
    return "anonymity" in words[:4]


# Verbs of permission an anonymous source's reason for anonymity runs through: "he was not
# authorised to discuss the matter", "was not allowed to speak publicly".
PERMISSION_LEMMAS = {
    "authorize", "authorise", "authorized", "authorised", "allow", "permit", "empower", "clear",
}  # fmt: skip


def _unauthorised_speech(verb: Token) -> bool:
    """ "not authorised to discuss the matter": why a source is unnamed, not something said."""
    head = verb.head
    permission = verb.dep_ == "xcomp" and head.lemma_.lower() in PERMISSION_LEMMAS
    return permission and any(c.dep_ == "neg" for c in head.children)


# A cue verb whose particle makes it an action, not speech ("nurses called off a strike").
ACTION_PARTICLES = {("call", "off")}


def _action_with_particle(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return any(c.dep_ == "prt" and (lemma, c.lower_) in ACTION_PARTICLES for c in verb.children)


# Plural nouns the tagger reads as a verb after a bare noun: "Ceasefire talks stall", "Insurance
# claims soar" are a compound noun and its verb, not a speaker and a cue.
NOUN_LIKE_VERBS = {
    "talks", "claims", "reports", "plans", "calls", "demands", "pledges", "promises", "reviews",
}  # fmt: skip


def _label_read_as_verb(verb: Token) -> bool:
    """A capitalised label opening a line before its colon ("CLAIM: …", "Claim: …" in a fact check)."""
    doc = verb.doc
    line_start = verb.i == 0 or "\n" in doc[verb.i - 1].text
    return line_start and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":" and verb.text[:1].isupper()


def _compound_noun_read_as_verb(verb: Token) -> bool:
    if verb.lower_ not in NOUN_LIKE_VERBS or verb.i == 0:
        return False
    before = verb.doc[verb.i - 1]
    return (
        before.tag_ == "NN"
        and before.dep_ == "nsubj"
        and not before.ent_type_
        and not any(c.dep_ in ("det", "poss") for c in before.children)
        and word_class(before.lower_) is None
    )


NAMING_VERBS = {"name", "call", "dub", "nickname", "christen"}


def _naming(verb: Token) -> bool:
    """A verb that gives a name, not a view: "a line cook named Anders Lind", "the chef, whom she
    calls only Monsieur B." ("called the vote a farce" names no one, and stays a candidate)."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr", "ccomp", "xcomp")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i == verb.i - 1 and len(objects) == 1:
        # right after its noun, with the name alone: not a main verb the parser hung off a noun
        # ("…, called", "one lawmaker called Trump “the orange prince …”")
        return True
    return verb.dep_ == "relcl" and any(
        c.dep_ == "dobj" and c.lower_ in ("whom", "who") for c in verb.children
    )


def from_verb(verb: Token, lexicon: CueLexicon, open_vocabulary: bool) -> list[Candidate]:
    """Candidate (cue, content) pairs headed by ``verb``.

    With ``open_vocabulary`` every verb and every complement type is proposed (a trained model
    filters them); without it only lexicon cues with clausal or infinitival complements are.
    """
    if (
        verb.pos_ not in ("VERB", "AUX")
        or _action_with_particle(verb)
        or _compound_noun_read_as_verb(verb)
        or _label_read_as_verb(verb)
        or _unauthorised_speech(verb)
        or _naming(verb)
    ):
        return []
    strength = lexicon.verb_strength(verb.lemma_)
    if not (open_vocabulary or strength > 0.0):
        return []
    doc = verb.doc
    found: list[Candidate] = []
    relayed = quoted_as_saying(verb)
    if relayed is None and verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        # the "saying" of "was quoted by Y as saying …" heads its own clause: same relay
        relayed = quoted_as_saying(verb.head.head)
    cue_start, cue_end = cue_span(verb)
    if relayed:
        speaker, via, cue_start, last = relayed
        cue_end = last + 1
    else:
        speaker, via = subject_of(verb), None
        if _aside_before_that_clause(verb):
            # "The FT reported, citing two officials, that …": the paper cites them, not the clause's
            # subject (the parser hung the aside on the clause)
            speaker = subject_of(verb.head.head)
        if speaker is None and not any(c.dep_ == "auxpass" for c in verb.children):
            speaker = subject_to_the_left(verb, cue_start)
    complements = _complements(verb)
    if not open_vocabulary:
        complements = [
            (c, d)
            for c, d in complements
            if d == "ccomp" or (d == "xcomp" and verb.lemma_ in INFINITIVE_CUES)
        ]
    # a particle belongs to the cue ("called out X", "pointed out X"): PolNeAR starts the content after it
    rights = [
        c for c in verb.rights if not c.is_punct and c.dep_ not in ("npadvmod", "advmod", "cc", "conj", "prt")
    ]
    if open_vocabulary and len(rights) >= 2 and any(d in ("dobj", "xcomp", "ccomp") for _, d in complements):
        # "accused Trump of lying", "urged Congress to act": object and its complement together
        complements.append((rights[0], "rest"))
    split = _clause_split_in_two(verb)
    if split is not None:  # the subjectless second half is no content of its own
        complements = [(c, d) for c, d in complements if c != split[1]]
    for comp, dep in complements:
        if (
            _circumstance(verb, comp, dep)
            or _anonymity_terms(comp)
            or _someone_elses_colon_clause(verb, comp, dep)
        ):
            continue
        # clip to the cue's paragraph: a headline parsed into the first sentence must not join it
        before_cue = comp.i < verb.i and dep == "ccomp"
        tail = split[1] if split is not None and comp == split[0] and dep == "ccomp" else comp
        if dep == "rest":
            right_edge = rest_edge(rights)
        else:  # content before its cue keeps its asides: "A, which B, he said" is drawn whole
            right_edge = comp.right_edge.i if before_cue else complement_edge(tail)
        first, last = paragraph_bounds(doc, verb.i, content_first_token(comp, dep), right_edge + 1)
        edges = None
        if not before_cue:  # (58 more exact contents on train than trimming, 3 fewer)
            last = trim_trailing_aside(doc, first, last)
            if dep != "rest" and comp.i >= first and tail == comp:
                # the trained end model may move the end to another dependent of the right spine
                limit = paragraph_bounds(doc, verb.i, first, comp.right_edge.i + 1)[1]
                edges = (first, limit, last)
                last = choose_end(doc, comp, first, limit, last, doc[cue_end - 1].lemma_.lower())
            last = without_summary(doc, first, last)
        last = without_dangling_conjunction(doc, first, last)
        start, end = char_range(doc, first, last)
        if end <= start:
            continue
        cand = Candidate(cue_start, cue_end, start, end, speaker, strength, dep, via, comp=comp, edges=edges)
        cand.relayed = relayed is not None
        raised = raised_subject_start(verb, comp, dep, cue_start) if relayed is None else None
        if raised is not None:  # subject + complement, the cue words between them left out
            cand.content_start, cand.form, cand.speaker_head = raised, "raising", None
            cand.exclude_start, cand.exclude_end = doc[cue_start].idx, start  # "seen as", "seem like"
        elif relayed is None and raised_from_conjunct(verb, comp, dep):
            cand.speaker_head = None  # "… and is understood to have agreed terms": nobody's words
        elif not before_cue and (gap := relative_cue_gap(doc, first, last, cue_start, cue_end)):
            cand.exclude_start, cand.exclude_end = gap  # "which [he said] would fail"
        if before_cue:  # content before the cue: "…, sources said"
            cand.form = "final"
        found.append(cand)
    if (
        (verb.dep_ in ("parataxis", "ccomp", "advcl") or _spliced_cue_clause(verb))
        # "In his state, Christie said, offenders are …": a parenthetical cue may precede the head
        and (verb.i > verb.head.i or verb.dep_ == "parataxis")
        and not any(d == "ccomp" for _, d in complements)
    ):
        # "The plan is dead, he said." parsed with the cue hanging off the reported clause
        head = verb.head
        first = verb.left_edge.i
        if speaker is not None and (speaker.i < first or (verb.i < head.i and speaker.i < verb.i)):
            # "In the first weeks, Berg said, …": a phrase fronted before the speaker is content
            first = speaker.left_edge.i
        left, right = paragraph_bounds(doc, verb.i, head.left_edge.i, head.right_edge.i + 1)
        if left < first and any(t.text == "," for t in doc[max(first - 1, 0) : first + 1]):
            start, end = char_range(doc, left, first)
            cand = Candidate(cue_start, cue_end, start, end, speaker, strength, "final", via, comp=head)
            cand.relayed = relayed is not None  # "…, the minister was quoted as saying by TASS"
            last = verb.right_edge.i + 1
            if doc[last - 1].text == "," and last - 1 > verb.i:
                last -= 1  # a cue before its head owns the comma that closes it
            if right > last + 1 and doc[last].text == ",":
                # "The plan, he said, is dead.": the content runs on past the cue clause
                _, cand.content_end = char_range(doc, left, right)
                cand.exclude_start, cand.exclude_end = doc[first].idx, doc[last].idx
            if end > start:
                found.append(cand)
    return found


def _spliced_cue_clause(verb: Token) -> bool:
    """A closing cue clause the parser joined to the reported clause as a conjunct, with a comma and
    no "and" ("Pilots have voted to strike, their union announced on Friday")."""
    if verb.dep_ != "conj" or verb.i < verb.head.i:
        return False
    doc = verb.doc
    start = verb.left_edge.i  # the comma itself, when the parser hung it on the cue
    # after the conjunct before it, if any: "… is running late and has blown out by $410m, an
    # official has conceded" joins its "and" to the reported clause's own two verbs
    earlier = [c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i]
    after = earlier[-1].right_edge.i + 1 if earlier else verb.head.i + 1
    between = doc[after:start]
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)  # "… was quoted as saying"
    return (
        own_subject
        and start > 0
        and "," in (doc[start].text, doc[start - 1].text)
        and not any(t.dep_ == "cc" and t.head == verb.head for t in between)
    )


def from_according(token: Token) -> Candidate | None:
    """`according to X` attached to a clause: X is the speaker, the clause (minus the phrase) the content."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc) or token.nbor(1).lower_ != "to":
        return None
    to = token.nbor(1)
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    doc = token.doc
    sent = token.sent
    phrase_start = token.i
    phrase_end = to.right_edge.i + 1
    sent_start, sent_end = paragraph_bounds(doc, token.i, sent.start, sent.end)
    sent = doc[sent_start:sent_end]
    phrase_end = _past_source_apposition(doc, phrase_end, sent.end)
    if phrase_start - sent.start <= 1:  # phrase opens the sentence: content is the rest
        start, end = char_range(doc, phrase_end, sent.end)
    elif phrase_end >= sent.end - 1:  # phrase closes it
        start, end = char_range(doc, sent.start, phrase_start)
    else:
        start, end = char_range(doc, sent.start, sent.end)
    if end <= start:
        return None
    cand = Candidate(token.i, token.i + 2, start, end, source, 0.95, "according")
    if doc[phrase_start].idx > start and doc[phrase_end - 1].idx < end:
        cand.exclude_start = doc[phrase_start].idx
        cand.exclude_end = doc[phrase_end - 1].idx + len(doc[phrase_end - 1].text)
    return cand


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _past_source_apposition(doc: Doc, end: int, sent_end: int) -> int:
    """The end of an "according to" phrase past a description of its source that closes the
    sentence and that the parser hung elsewhere ("…, according to Olivex, the sector's
    price-monitoring platform."): it says who the source is, not what was said."""
    if end >= sent_end or doc[end].text != ",":
        return end
    rest = doc[end + 1 : sent_end]
    last = sent_end - 1 if doc[sent_end - 1].is_punct else sent_end
    # a noun phrase, with no finite verb ("price-monitoring" is a participle)
    if not len(rest) or rest[0].pos_ != "DET" or any(t.pos_ == "AUX" or t.tag_ in FINITE_TAGS for t in rest):
        return end
    return last


AS_CUE_STRENGTH = 0.5  # lexicon strength a verb needs to report in "As X noted, …" (say, note, write)
GENERIC_SUBJECTS = {"they", "you", "we", "one"}


def from_as_clause(as_: Token, lexicon: CueLexicon) -> Candidate | None:
    """`As the auditor general noted in her report, the department has published nothing`: the
    fronted "as" clause attributes the clause it opens; the rest of the sentence is the content."""
    verb = as_.head
    if as_.lower_ != "as" or as_.dep_ != "mark" or verb.dep_ != "advcl" or verb.i > verb.head.i:
        return None
    if verb.pos_ != "VERB" or lexicon.verb_strength(verb.lemma_) < AS_CUE_STRENGTH:
        return None
    speaker = subject_of(verb)
    if speaker is not None and speaker.lower_ in GENERIC_SUBJECTS:
        return None  # "as they say", "as you know": an idiom, nobody's statement
    doc = verb.doc
    head = verb.head
    first, last = paragraph_bounds(doc, verb.i, verb.right_edge.i + 1, head.right_edge.i + 1)
    start, end = char_range(doc, first, last)
    if end <= start:
        return None
    cue_start, cue_end = cue_span(verb)
    return Candidate(cue_start, cue_end, start, end, speaker, 0.9, "according", comp=head)


POLL_NOUNS = {"poll", "survey"}


def from_poll(token: Token) -> Candidate | None:
    """`In a new poll, most voters back the plan`: the poll is the source of the rest of the sentence.
    Only a phrase opening its sentence: PolNeAR annotates 19 of 24 of those on train, but a third of
    the "in a poll" phrases elsewhere in a sentence."""
    if token.lower_ != "in" or token.dep_ != "prep" or token.head.pos_ not in ("VERB", "AUX"):
        return None
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in POLL_NOUNS:
        return None
    doc = token.doc
    sent_start, sent_end = paragraph_bounds(doc, token.i, token.sent.start, token.sent.end)
    if token.i - sent_start > 1 or token.head.i < token.i:
        return None
    start, end = char_range(doc, token.right_edge.i + 1, sent_end)
    if end <= start:
        return None
    return Candidate(token.i, token.i + 1, start, end, source, 0.9, "according")


def from_noun(noun: Token, lexicon: CueLexicon) -> Candidate | None:
    """A cue noun with a that-clause and an owner: "critics' claims that …"."""
    strength = lexicon.noun_strength(noun.lemma_)
    if strength <= 0.0 or noun.pos_ != "NOUN":
        return None
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "ccomp") and marked_by_that(c)),
        None,
    )
    if clause is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
                owner = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if owner is None or (owner.pos_ == "PRON" and owner.lower_ in ("its",)):
        return None
    start, end = char_range(noun.doc, clause.left_edge.i, clause.right_edge.i + 1)
    if end <= start:
        return None
    return Candidate(noun.i, noun.i + 1, start, end, owner, strength, "noun")


# Prepositions whose object is what an owned noun is about: "her criticism of the plan", "his
# record on trade", "their campaign against the bill".
NOUN_PREPS = {"of", "on", "about", "for", "against", "over", "to", "with", "toward", "towards"}


def from_owned_noun(noun: Token) -> list[Candidate]:
    """Open-vocabulary nominal attributions with an owner ("Smith's criticism of the plan", "his
    decision to leave"): the trained filter decides which nouns are cues, from their lemma."""
    if noun.pos_ != "NOUN":
        return []
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ == "its":
        return []
    doc = noun.doc
    found: list[Candidate] = []
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in NOUN_PREPS:
            comp = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            form = "noun_prep"
        elif child.dep_ in ("acl", "ccomp") and child.pos_ in ("VERB", "AUX"):
            comp, form = child, "noun_clause"
        else:
            continue
        if comp is None:
            continue
        first, last = paragraph_bounds(doc, noun.i, comp.left_edge.i, complement_edge(comp) + 1)
        last = without_dangling_conjunction(doc, first, trim_trailing_aside(doc, first, last))
        start, end = char_range(doc, first, last)
        if end > start:
            found.append(Candidate(noun.i, noun.i + 1, start, end, owner, 0.0, form, comp=comp))
    return found
