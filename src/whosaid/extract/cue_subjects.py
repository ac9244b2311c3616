"""Who a cue's subject is: the speaker noun of a cue verb, read off the parse.

The parser's subject is usually right; this module follows participles and conjoined cues up to
their subject ("…, adding that …"), and skips the subjects it gets wrong around quotations (a mark
or a foreign word taken for the subject), after a label and colon, or of a reported clause that a
trailing participle was hung off.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from whosaid.extract.content_edges import (
    CONJ_CUES,
    dateline_end,
    first_line_end,
    in_headline,
    line_start,
    marked_by_that,
    paragraph_of,
    speakers_own_act,
)
from whosaid.extract.cues import load_lexicon
from whosaid.extract.quotes import QUOTE_MARKS
from whosaid.extract.speaker_words import NOT_SPEAKERS

# Dependents that carry the subject of a participle or conjoined cue ("…, adding that …", "likely
# to say").
INHERIT_DEPS = {"advcl", "conj", "xcomp", "pcomp", "acomp"}
ASKING = {"ask", "question", "press", "quiz"}
MAX_HEADS = 6  # heads climbed from a cue to its subject ("… and score endorsements by citing …")


def is_mark(tok: Token) -> bool:
    """A token that is only quotation marks."""
    return set(tok.text) <= QUOTE_MARKS


def separated(tokens: Iterable[Token]) -> bool:
    """Whether a quotation mark or a colon stands among ``tokens``: words on its two sides belong to
    different phrases (a quotation and its cue, a label and its line)."""
    return any(t.text == ":" or is_mark(t) for t in tokens)


def _inside_quotation_before(child: Token, verb: Token) -> bool:
    """A subject the parser found in the quotation before its cue (in foreign words, "« Nous ne
    reculerons pas », said Sophie Marchand", it takes a mark or a quoted word as the subject), or
    in a label before a colon ("The Latest: Trump urges …")."""
    if child.i > verb.i:
        return False
    # the mark itself, or one between the subject's phrase and the cue ("Smith, whose “Never again”
    # slogan …, said" keeps Smith: the marks lie inside his phrase)
    return is_mark(child) or separated(verb.doc[child.right_edge.i + 1 : verb.i])


def subject_of(verb: Token) -> Token | None:
    """The speaker noun of a cue verb, following participles and conjuncts up to their subject."""
    inverted = _speaker_after_headline_quotation(verb)
    if inverted is not None:
        return inverted
    current = verb
    for _ in range(MAX_HEADS):
        for child in current.children:
            if child.dep_ == "nsubj" and _inside_quotation_before(child, current):
                continue
            if child.dep_ == "nsubj" and _a_day(child):
                # "samples taken … on Monday showed", "Sen. Warren Saturday said": a misparse, no day
                # speaks; another subject the parser gave the verb may
                others = [c for c in current.children if c.dep_ == "nsubj" and not _a_day(c)]
                return others[-1] if others else None
            if child.dep_ == "nsubj" and _page_label(child):
                # "Correction: an earlier version of this post said …": the label's apposition speaks
                return next((c for c in child.rights if c.dep_ == "appos"), None)
            if child.dep_ == "nsubj":
                return past_dateline(_last_subject(child, current), current)
            if child.dep_ == "nsubjpass":
                return None if current.lemma_ in ("tell", "ask", "inform") else child
            if child.dep_ == "csubj" and child.tag_ == "VBN" and (noun := _noun_before_participle(child)):
                return noun  # "Experts not involved in the study cautioned": the participle's noun
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if current is verb and _asked_participle(verb):
            return None  # "Asked how she would spend it, Vasquez laughed": she is who was asked
        if (
            current.dep_ == "conj"
            and current.head.dep_ == "ccomp"
            and speakers_own_act(current.head, current)
        ):
            current = current.head.head  # "said he was leaving … and thanked him": the one who said
            continue
        if current.dep_ in INHERIT_DEPS or current.dep_ == "prep":
            current = (
                _reporter_of_trailing_participle(current) or _reporter_of_joined_cue(current) or current.head
            )
        else:
            return _subject_of_aside(current)
    return None


# Words that end the speaker phrase after a headline's "says": a clause of its own follows.
HEADLINE_CLAUSE_WORDS = {"as", "after", "amid", "while", "when", "over", "despite", "ahead"}


def _speaker_after_headline_quotation(verb: Token) -> Token | None:
    """The speaker of a headline that opens with the quotation ("'I heard it on the radio,' says
    sacked minister as cabinet row deepens"): the last noun of the words after the verb, up to a
    clause of their own. The parser reads "deepens" as a noun, or "minister" as its subject."""
    if verb.lemma_ != "say" or verb.i < 2 or not in_headline(verb):
        return None  # (the lemma first: this runs for every cue verb)
    doc = verb.doc
    line_end = first_line_end(doc)
    before = {doc[verb.i - 1].text, doc[verb.i - 2].text}  # a comma and a closing mark, either order
    mark = before - {","}
    if "," not in before or len(mark) != 1 or not mark <= QUOTE_MARKS:
        return None
    if any(c.dep_ == "nsubj" and c.i > verb.i and c.ent_type_ == "PERSON" for c in verb.children):
        return None  # "“…,” said Maya Okonjo of the group …": the parser found her
    speaker: Token | None = None
    for tok in doc[verb.i + 1 :]:
        if tok.idx >= line_end or tok.lower_ in HEADLINE_CLAUSE_WORDS or tok.is_punct:
            break
        if speaker is not None and tok.pos_ == "ADP":
            break  # "says head of the IMF": the phrase's head comes before its "of"
        if tok.pos_ in ("NOUN", "PROPN"):
            speaker = tok
    return speaker


def _asked_participle(verb: Token) -> bool:
    """A passive participle of asking set before its clause ("Asked about …, X said"): the clause's
    subject is the one asked, and the asker goes unnamed (PolNeAR gives no source, 34 of 38 on train)."""
    return (
        verb.tag_ in ("VBN", "VBD")  # the tagger reads a sentence's first "Asked" as a past tense
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and verb.lemma_ in ASKING
        and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children)
    )


def _noun_before_participle(participle: Token) -> Token | None:
    """The noun a participle phrase the parser took for a clausal subject qualifies ("Experts not
    involved in the research cautioned", parsed "Experts" nsubj of "involved" csubj of the cue)."""
    return next((c for c in participle.lefts if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)


# Words a date or time is made of, so that a name the tagger swept into one ("Last week Stumpf")
# still speaks
DAY_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
    "yesterday", "tomorrow", "day", "days", "night", "morning", "afternoon", "evening", "week", "weeks",
    "weekend", "month", "months", "year", "years", "hour", "hours", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
}  # fmt: skip


def _page_label(token: Token) -> bool:
    """A word of page furniture opening its line before a colon ("Correction:", "Update:")."""
    doc = token.doc
    colon_next = token.i + 1 < len(doc) and doc[token.i + 1].text == ":"
    return colon_next and token.lower_ in NOT_SPEAKERS and line_start(doc, token.i) == token.i


def _a_day(token: Token) -> bool:
    """A date or time the parser took for a subject; not an age ("the 46-year-old", tagged DATE)."""
    return token.ent_type_ in ("DATE", "TIME") and (token.lower_ in DAY_WORDS or token.like_num)


def _last_subject(subject: Token, verb: Token) -> Token:
    """Of several subjects the parser gave one verb before it ("Ex - adviser says": three; "BUENA
    PARK, Calif. - Hillary Clinton said"; "In his book, Braynard says"), the one nearest the verb."""
    others = [c for c in verb.lefts if c.dep_ == "nsubj" and c.i > subject.i]
    if not others or subject.i > verb.i:
        return subject
    last = others[-1]
    # not across a verb or a complementizer: "outlets reported that the Secret Service …" has the
    # clause's subject hung on the cue
    between = subject.doc[subject.i + 1 : last.left_edge.i]
    crossed = any(t.pos_ in ("VERB", "AUX") or t.lower_ == "that" for t in between)
    return subject if crossed else last


def past_dateline(subject: Token, verb: Token) -> Token:
    """The subject after a wire dateline the parser took for it: in "WELLINGTON, New Zealand (AP) —
    The union rejected …" it made the place the subject and the union its apposition (or conjunct), in "BUENA
    PARK, Calif. - Hillary Clinton said" a second subject."""
    end = dateline_end(subject.doc, line_start(subject.doc, subject.left_edge.i))
    if subject.i >= end:
        return subject
    later = [c for c in verb.lefts if c.dep_ == "nsubj" and c.i >= end]
    if later:
        return later[-1]
    # its apposition, or its conjunct ("NEW DELHI — India and Pakistan accused each other")
    return next((c for c in subject.rights if c.dep_ in ("appos", "conj") and c.i >= end), subject)


def _subject_of_aside(verb: Token) -> Token | None:
    """The subject the parser gave to an aside before the verb ("Clinton, exasperated, responded";
    "President Jan Kral, asked about the dispute, said", where "Kral asked" reads as a fronted clause)."""
    doc = verb.doc
    for child in verb.lefts:
        if child.dep_ in ("ccomp", "advcl") and child.tag_ in ("VBN", "VBD", "VBG"):
            # the aside sits between two commas, right before the verb
            subject = next((c for c in child.lefts if c.dep_ == "nsubj"), None)
            closed = doc[child.right_edge.i].text == "," or doc[verb.i - 1].text == ","
            if subject is not None and closed and _aside_follows(subject, child):
                return subject
        if child.dep_ == "parataxis" and child.doc[child.right_edge.i].text == ",":
            subject = next((c for c in child.lefts if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    return None


def _aside_follows(subject: Token, aside: Token) -> bool:
    """Whether only a comma, or the subject's own apposition, stands between the subject and the
    aside ("Kral, asked about …,"; "Rosa Lind, now 71 and retired to a condo …, says")."""
    between = subject.doc[subject.i + 1 : aside.i]
    if [t.text for t in between] == [","]:
        return True
    own = {t.i for t in subject.subtree}
    return (
        bool(between)
        and between[0].text == ","
        and any(c.dep_ == "appos" for c in subject.children)
        and all(t.i in own or t.dep_ in ("cc", "punct") for t in between)
    )


def _reporter_of_trailing_participle(verb: Token) -> Token | None:
    """The cue of "X said that A would B, dismissing C": a participle after a comma that the parser
    hung off the reported clause is X's more often than A's (32 to 12 on PolNeAR train)."""
    clause = verb.head
    for _ in range(3):  # up through "would continue [drilling]" to the reported clause's verb
        if clause.dep_ not in ("xcomp", "conj") or clause.head.i > clause.i:
            break
        clause = clause.head
    cue = clause.head
    # or the clause of the cue's object: "denied reports that A has agreed …, insisting …"
    if clause.dep_ == "acl" and marked_by_that(clause) and cue.dep_ == "dobj":
        cue, clause = cue.head, cue
    if (
        verb.tag_ != "VBG"
        or clause.dep_ not in ("ccomp", "dobj")
        or not cue.i < clause.i < verb.i
        or verb.doc[verb.i - 1].text != ","
        or load_lexicon().verb_strength(cue.lemma_) <= 0.0
    ):
        return None
    return cue


# Subjects that can speak, for telling "De Blasio said the move was made … and said, “…”" (the
# move cannot) from "He said Smith would resign and added …" (Smith may have).
SPEAKING_PRONOUNS = {"he", "she", "i", "we", "they", "you"}


# How sure a cue the lexicon must be for its joined clause to go to the reporter ("urge" 0.7 is in;
# weaker verbs joined there are as often the reported subject's own doing).
JOINED_CUE_STRENGTH = 0.7


def _reporter_of_joined_cue(verb: Token) -> Token | None:
    """The cue whose reported clause the parser joined a second speech verb to ("said the findings
    were interesting but cautioned that …"), when that clause's subject is no one who speaks."""
    clause = verb.head
    lexicon = load_lexicon()
    joined = lexicon.verb_strength(verb.lemma_) >= JOINED_CUE_STRENGTH or verb.lemma_ in CONJ_CUES
    if verb.dep_ != "conj" or not joined:  # "… and called it “a provocation”": a cue the content ends at
        return None
    reporter = _reporting_verb(clause)
    if reporter is None or lexicon.verb_strength(reporter.lemma_) <= 0.0:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    if subject.lower_ in SPEAKING_PRONOUNS or subject.tag_ in ("NNP", "NNPS"):
        return None
    return reporter


def _reporting_verb(clause: Token) -> Token | None:
    """The verb a reported clause belongs to: its head for a clausal complement, or the verb of the
    document it was hung on ("said in a statement that its forces … and accused …")."""
    if clause.dep_ == "ccomp":
        return clause.head
    document = clause.head
    if (
        clause.dep_ == "acl"
        and marked_by_that(clause)
        and document.dep_ == "pobj"
        and document.head.dep_ == "prep"
    ):
        return document.head.head
    return None


ASIDE_DEPS = {"appos", "relcl", "acl", "advcl"}


def _named_before_aside(doc: Doc, comma: int) -> Token | None:
    """The name a comma-set aside ending at token ``comma`` describes ("Senator Harry Reid, the
    minority leader, said", "Humphrey, who calls Trump a “sociopath,” said"), or None."""
    top = doc[comma - 1]
    while top.dep_ not in ASIDE_DEPS and top.head.i < comma and top.head.i != top.i:
        top = top.head
    named = top.head
    if top.dep_ not in ASIDE_DEPS or not named.i < top.i < comma:
        return None
    if doc[top.left_edge.i - 1].text != "," or not (named.ent_type_ == "PERSON" or named.pos_ == "PROPN"):
        return None
    return named


def subject_to_the_left(verb: Token, cue_start: int) -> Token | None:
    """The noun right before the cue, when the parse lost the subject (often to a headline above),
    or the name before a comma-set aside there."""
    doc = verb.doc
    i = cue_start - 1
    while i >= 0 and (doc[i].pos_ in ("ADV", "AUX", "PART") or doc[i].dep_ == "npadvmod"):
        i -= 1
    comma = i
    while comma > 1 and doc[comma].text in QUOTE_MARKS:  # an aside may end in a quotation: “sociopath,”
        comma -= 1
    if comma > 1 and doc[comma].text == ",":
        named = _named_before_aside(doc, comma)
        if named is not None and paragraph_of(doc, named.i) == paragraph_of(doc, verb.i):
            return named
    while i >= 0 and _a_day(doc[i]):
        i -= 1  # "Broaddrick Sunday night said" is Broaddrick; "samples taken … on Monday showed", no one
    if (
        i < 0
        or doc[i].pos_ not in ("PROPN", "NOUN", "PRON")
        or paragraph_of(doc, i) != paragraph_of(doc, verb.i)
    ):
        return None
    return doc[i]
