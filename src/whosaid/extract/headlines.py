"""Statements in a title-case headline whose verb the tagger read as a name ("Ferrante Warns Council").

A headline often joins two attributions with "as" ("Hospital Says 17 Dead as Opposition Cries
Sabotage"): the first content ends before the second clause, which is a statement of its own.

The small model tags many capitalised headline verbs ("Warns", "Slams", "Endorses") as proper nouns,
so the parse offers no cue; PolNeAR annotates such headlines as statements (speaker before the verb,
the rest of the line as content). Only the article's first line is read, only when it is in title
case, and only when the parse found no cue in it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from whosaid.extract.candidates import Candidate, char_range
from whosaid.extract.content_edges import doc_text, first_line_end, in_headline
from whosaid.extract.cues import headline_verb, load_lexicon
from whosaid.extract.person_descriptions import EVERYDAY_PEOPLE
from whosaid.extract.speaker_words import is_title_word

MAX_HEADLINE_TOKENS = 30
MIN_TITLE_CASE = 0.6  # share of words capitalised for a line to read as a headline
MAX_SECOND_SPEAKER_TOKENS = 4  # "as Opposition Leader Viktor Andersen Cries …"
# Verbs that attribute only in a clause joined to a headline attribution ("Hospital Says … as
# Opposition Cries Sabotage"); heading a line alone they are mostly literal ("Toddler Cries …").
SECOND_CLAUSE_VERBS = frozenset({"Cries", "Cry"})


def headline_end(doc: Doc) -> int:
    """Token end of the first line when it reads as a title-case headline, else 0."""
    end = 0
    while end < len(doc) and end < MAX_HEADLINE_TOKENS and "\n" not in doc[end].text:
        end += 1
    words = [t for t in doc[:end] if t.is_alpha]
    if len(words) < 3 or sum(1 for t in words if t.text[:1].isupper()) < MIN_TITLE_CASE * len(words):
        return 0
    return end


def headline_candidate(doc: Doc, cue_tokens: set[int]) -> Candidate | None:
    """The `Speaker Verbs Content` statement of the first line, or None."""
    end = headline_end(doc)
    line = doc[:end]
    if end == 0 or any(t.i in cue_tokens for t in line):
        return None
    verbs = load_lexicon().verbs
    for tok in line[1:]:
        clause = any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
        if tok.pos_ == "VERB" and tok.dep_ != "compound" and (clause or not headline_verb(tok.text, verbs)):
            return None  # the parse saw the verb; its own candidates (if any) stand (a verb it
            # made part of a name, "Island Nations Say Adaptation Deal …", it did not see; a "Says"
            # whose object it read as a noun, "NTSB Says Controller Cleared Jet …", it did not read)
        before = doc[tok.i - 1]
        # "Island Nations Say …": the plural's verb has no s
        plural = (
            before.lower_.endswith("s") and tok.text[:1].isupper() and headline_verb(f"{tok.text}s", verbs)
        )
        said = headline_verb(tok.text, verbs) or plural
        if said and _names_a_speaker(before):
            start, stop = char_range(doc, tok.i + 1, end)
            if stop - start < 3:
                return None
            return Candidate(tok.i, tok.i + 1, start, stop, before, 0.6, "headline")
    return None


def whole_headline(doc: Doc, cand: Candidate) -> Candidate | None:
    """The headline statement ``cand`` is part of, as the whole rest of the line after its cue, when
    the parse took less: "Study Finds Children Who Spent Extra Hour Outdoors Had Less Myopia" (the
    parse read a clause from "Outdoors"), "Agent Says Deal With Almenara 'Is Done'" (the quotation
    alone). None when ``cand`` is no title-case headline's `Speaker Says …` or already whole."""
    if cand.cue_start < 1 or cand.cue_end - cand.cue_start != 1 or not in_headline(doc[cand.cue_start]):
        return None  # (before reading the line: most drafts are nowhere near it)
    end = headline_end(doc)
    if end == 0 or cand.cue_end > end:
        return None
    cue, before = doc[cand.cue_start], doc[cand.cue_start - 1]
    if not (cue.text[:1].isupper() and headline_verb(cue.text, load_lexicon().verbs)):
        return None
    if not _names_a_speaker(before):
        return None
    # up to a clause of the reporter's after "as" ("… 'Is Done' as Alvarim Dig In")
    last = next(
        (
            t.i
            for t in doc[cand.cue_end + 1 : end - 1]
            if t.lower_ == "as" and doc[t.i + 1].text[:1].isupper()
        ),
        end,
    )
    start, stop = char_range(doc, cand.cue_end, last)
    if (
        stop - start < 3
        or cand.content_start < start
        or (cand.content_start == start and cand.content_end >= stop)
    ):
        return None
    return Candidate(cand.cue_start, cand.cue_end, start, stop, before, cand.strength, "headline")


def _names_a_speaker(word: Token) -> bool:
    """Whether the word before a headline's verb can end its speaker's name ("Lukashenko Says")."""
    return word.pos_ in ("PROPN", "NOUN") and word.text[:1].isupper()


def headline_speaker_start(head: Token) -> int:
    """First token of the capitalised name run ending at ``head`` ("Mayor Marta Quell" Endorses)."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") and doc[start - 1].text[:1].isupper():
        start -= 1
    return start


def second_clause(doc: Doc, content_start: int, content_end: int) -> tuple[int, Candidate] | None:
    """`… as <Speaker> <Verbs> <content>` inside a headline content running from char
    ``content_start`` to ``content_end``: the end of the first content (before "as") and the
    second statement, or None when the content is not in a headline or has no such clause."""
    end = headline_end(doc)
    if end == 0 or content_end > doc[end - 1].idx + len(doc[end - 1]):
        return None
    verbs = load_lexicon().verbs
    for tok in doc[:end]:
        if tok.lower_ != "as" or tok.idx <= content_start or tok.idx >= content_end:
            continue
        speaker_end = tok.i + 1
        while speaker_end < end and speaker_end - tok.i <= MAX_SECOND_SPEAKER_TOKENS:
            word = doc[speaker_end]
            said = headline_verb(word.text, verbs) or word.text in SECOND_CLAUSE_VERBS
            if said and speaker_end > tok.i + 1:
                start, stop = char_range(doc, speaker_end + 1, end)
                first_end = char_range(doc, 0, tok.i)[1]
                if stop - start < 3 or first_end <= content_start:
                    return None
                cand = Candidate(
                    speaker_end, speaker_end + 1, start, stop, doc[speaker_end - 1], 0.6, "headline"
                )
                return first_end, cand
            if not (word.text[:1].isupper() and word.pos_ in ("PROPN", "NOUN", "ADJ")):
                break
            speaker_end += 1
    return None


MIN_CLAUSE_WORDS = 3  # what a headline's "…, says" is followed by when it reports a statement


def said_after_a_deed(doc: Doc) -> Candidate | None:
    """A headline's `<Name> <does something>, says <clause>` ("IMF trims growth outlook, says
    trade barriers now 'the biggest risk'", "…, warns …"): the name that opens the line says what
    follows the verb. The parser reads it many ways (a sentence-final cue whose subject is the
    words after it, or no cue at all), so the line is read as written. None when the words after
    the verb are its speaker ("Deal is done, says club chairman") or the line is in title case,
    where a name's end cannot be told from the verb after it."""
    line_end = first_line_end(doc)
    if line_end < 0 or headline_end(doc) > 0:
        return None
    first = doc[0]
    if not (first.pos_ == "PROPN" or first.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")):
        return None
    doer = first
    while doer.i + 1 < len(doc) and doc[doer.i + 1].pos_ == "PROPN" and doc[doer.i + 1].idx < line_end:
        doer = doc[doer.i + 1]
    verbs = load_lexicon().verbs
    for cue in doc[doer.i + 2 :]:
        if cue.idx >= line_end:
            return None
        if doc[cue.i - 1].text != "," or not headline_verb(cue.text.capitalize(), verbs):
            continue
        after = doc[cue.i + 1]
        if after.idx >= line_end or after.ent_type_ or after.pos_ == "PROPN" or is_title_word(after.lower_):
            return None
        last = cue.i + 1
        while last < len(doc) and doc[last].idx < line_end:
            last += 1
        if sum(1 for t in doc[cue.i + 1 : last] if t.is_alpha) < MIN_CLAUSE_WORDS:
            return None  # "Bank of England holds rates, signals cut": a deed, not a statement
        start, stop = char_range(doc, cue.i + 1, last)
        return Candidate(cue.i, cue.i + 1, start, stop, doer, 0.9, "headline", probability=0.9)
    return None


# Words that end the speaker after a quotation's colon ("…': Furlong fumes after …"): what the
# speaker did or what the piece is about follows.
LABEL_STOP_POS = {"VERB", "AUX", "ADP", "ADV", "DET", "PRON", "SCONJ", "CCONJ", "PUNCT", "PART"}


def quotation_then_speaker(doc: Doc, quotation: tuple[int, int, int, int]) -> Candidate | None:
    """A headline that opens with the quotation and names its speaker after a colon ("'We were
    robbed of a point': Furlong fumes after …", "‘This council is not a casino’: Buffalo City mayor
    survives …"). ``quotation``: (start, end, inner_start, inner_end) of the line's first
    quotation, marks included in start/end. None when the line is no such headline."""
    text = doc_text(doc)
    line_end = first_line_end(doc)
    start, end, inner_start, inner_end = quotation
    if line_end < 0 or start != 0 or end >= line_end or not text[end:line_end].lstrip().startswith(":"):
        return None
    colon = next((t for t in doc if t.idx >= end and t.text == ":"), None)
    if colon is None or colon.idx >= line_end:
        return None
    speaker: Token | None = None
    for tok in doc[colon.i + 1 :]:
        if tok.idx >= line_end or tok.pos_ in LABEL_STOP_POS:
            break
        after_name = speaker is not None and speaker.pos_ == "PROPN"
        if after_name and tok.tag_ == "NNS" and not _people(tok):
            break  # "Furlong fumes after …": a verb the tagger took for a plural noun
        if tok.pos_ in ("NOUN", "PROPN"):
            speaker = tok
    if speaker is None:
        return None
    return Candidate(colon.i, colon.i + 1, inner_start, inner_end, speaker, 0.6, "headline", probability=0.6)


def _people(noun: Token) -> bool:
    """A plural noun for people ("residents", "officials", "MPs"), not a verb read as one."""
    lemma = noun.lemma_.lower()
    return lemma in EVERYDAY_PEOPLE or is_title_word(lemma) or lemma in ("official", "member", "leader")
