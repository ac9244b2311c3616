"""Where an attributed content starts and ends: token ranges to trimmed char ranges, paragraph
clipping, and the trailing clauses, asides and prepositions PolNeAR leaves out of a content."""

from __future__ import annotations

import bisect
import re

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Token

OPENING_MARKS = set("“\"‘'«„`") | {"''", "``"}  # spaCy keeps a doubled apostrophe as one token
TRAILING_PUNCT = {",", ".", ";", ":", "—", "-", "--"}


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy rebuilds the string on every access)."""
    text = doc.user_data.get("whosaid_text")
    if not isinstance(text, str):
        text = doc.text
        doc.user_data["whosaid_text"] = text
    return text


def char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Char range of tokens [start, end), trimmed of edge punctuation other than quote marks."""
    while start < end and (
        doc[start].is_space or (doc[start].is_punct and doc[start].text not in OPENING_MARKS)
    ):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in TRAILING_PUNCT):
        end -= 1
    if start >= end:
        return 0, 0
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def paragraph_bounds(doc: Doc, anchor: int, start: int, end: int) -> tuple[int, int]:
    """Clip token range [start, end) to the paragraph holding token ``anchor``.

    The parser does not see line breaks as sentence ends, so a headline or a dateline would
    otherwise run into the first sentence of the body.
    """
    # The nearest line breaks around the anchor, off the Doc's sorted list of them (scanning the
    # tokens built a Token object for each: ~250k a PolNeAR dev run).
    breaks = _line_breaks(doc)
    before = bisect.bisect_right(breaks, anchor)
    if before and breaks[before - 1] >= start:
        start = breaks[before - 1] + 1
    after = bisect.bisect_left(breaks, anchor)
    if after < len(breaks) and breaks[after] < end:
        end = breaks[after]
    return after_time_stamp(doc, start, anchor), end


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?", re.I)
STAMP_SEPARATORS = {"—", "–", "-", ":", "|"}


# A wire dateline: a place in capitals, maybe its region, maybe the agency, and a dash
# ("WELLINGTON, New Zealand (AP) — ", "FRANKFURT (Reuters) - "), or two places for a story filed
# from both ("YEREVAN/BAKU, Sept 14 (Meridian) - ").
_DATELINE = re.compile(
    r"""[A-Z][A-Z.'’ /-]*[A-Z.](?:, [A-Z][\w.' ]*)*(?: \([\w .&-]+\))? ?(?:—|–|--|-) ?(?=[A-Z"“])"""
)


def line_start(doc: Doc, i: int) -> int:
    """The first token of the paragraph holding token ``i``."""
    breaks = _line_breaks(doc)
    before = bisect.bisect_left(breaks, i)
    return breaks[before - 1] + 1 if before else 0


def first_line_end(doc: Doc) -> int:
    """Char offset of the text's first line break, where the headline ends; -1 in a one-line text."""
    return doc_text(doc).find("\n")


def in_headline(tok: Token) -> bool:
    """Whether ``tok`` stands on the text's first line, the headline (a one-line text has none)."""
    return tok.idx < first_line_end(tok.doc)


def dateline_end(doc: Doc, start: int) -> int:
    """The first token after a wire dateline opening the paragraph at token ``start``, or ``start``."""
    if start >= len(doc) or (start > 0 and "\n" not in doc[start - 1].text) or not doc[start].is_upper:
        return start
    text = doc_text(doc)
    match = _DATELINE.match(text, doc[start].idx, min(len(text), doc[start].idx + 80))
    if match is None or "\n" in match.group():
        return start
    end = start
    while end < len(doc) and doc[end].idx < match.end():
        end += 1
    return end


def after_time_stamp(doc: Doc, start: int, limit: int) -> int:
    """The first token after a live blog's time stamp opening a paragraph ("22:40 — Turnout was
    …", "9.15am: …") or a wire dateline ("FRANKFURT (Reuters) - "), or ``start``: the stamp is the
    page's furniture, neither speaker nor content."""
    after = dateline_end(doc, start)
    if start < after < limit:
        return after
    if (
        start >= limit
        or (start > 0 and "\n" not in doc[start - 1].text)
        or not _CLOCK.fullmatch(doc[start].text)
    ):
        return start
    i = start + 1
    if i < limit and doc[i].lower_ in ("am", "pm", "a.m.", "p.m."):
        i += 1
    if i < limit and doc[i].text in STAMP_SEPARATORS:
        return i + 1
    return start


def paragraph_of(doc: Doc, i: int) -> int:
    """Number of line breaks before token ``i`` (cached per Doc): equal numbers, same paragraph."""
    return bisect.bisect_left(_line_breaks(doc), i)


def _line_breaks(doc: Doc) -> list[int]:
    """Indices of the white-space tokens holding a line break, read once per Doc."""
    breaks = doc.user_data.get("whosaid_breaks")
    if breaks is None:
        # white-space tokens off the array: a Token object for every word cost ~1 ms an article
        spaces = np.flatnonzero(doc.to_array(IS_SPACE)).tolist()
        breaks = [i for i in spaces if "\n" in doc[i].text]
        doc.user_data["whosaid_breaks"] = breaks
    return breaks


TRAILING_CLAUSE_DEPS = ("acl", "relcl", "advcl")
# "says he respects Clinton and calls her …": a second cue joined to the clause is its own statement
CONJ_CUES = {
    "call", "say", "add", "tell", "claim", "argue", "accuse", "describe", "insist", "warn", "urge", "decline",
    "caution",
}  # fmt: skip


# Acts of the speaker a report joins to what they said ("said he was leaving and thanked him for
# his service", "said the pair had grown apart, asking fans to be kind").
SPEAKER_ACTS = {
    "thank", "accept", "ask", "point", "note", "admit", "acknowledge", "deny", "concede", "vow",
    "promise", "pledge", "praise", "criticise", "criticize", "blame", "dismiss", "welcome",
    "apologise", "apologize", "express", "cite", "refuse",
}  # fmt: skip


def speakers_own_act(comp: Token, verb: Token) -> bool:
    """A verb joined to the reported clause that is the speaker's act, not more of what was said:
    one of ``SPEAKER_ACTS``, with no subject of its own, in a form the clause's verb does not share
    ("was leaving … and thanked", "would give … and pointing to")."""
    return (
        verb.lemma_ in SPEAKER_ACTS
        and verb.tag_ in ("VBD", "VBG", "VBZ")
        and verb.tag_ != comp.tag_
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def marked_by_that(clause: Token) -> bool:
    """Whether a clause has the complementizer "that" ("… that the plan failed")."""
    return that_mark(clause) is not None


def that_mark(clause: Token) -> Token | None:
    """The complementizer "that" of a clause, if it has one."""
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)


def _rival_speaker(clause: Token) -> bool:
    """ "…, while Harris accused her rival of …": a contrasting clause in which someone named speaks
    is the other side's statement, not more of this one's content."""
    return (
        clause.dep_ == "advcl"
        and clause.lemma_ in CONJ_CUES
        and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in clause.children)
        and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in clause.children)
    )


def _same_auxiliary(comp: Token, verb: Token) -> bool:
    """Whether a verb joined to the reported clause repeats its auxiliary ("had reviewed the event
    … and had added a second controller"): more of what was said, not the speaker's next act."""
    own = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(own & {c.lower_ for c in comp.children if c.dep_ == "aux"})


def complement_edge(comp: Token) -> int:
    """Last token of a complement, without a trailing clause set off by a comma ("the incident,
    calling the protester …", "“self-deportation,” which is like …"), which PolNeAR leaves out."""
    doc = comp.doc
    for child in comp.rights:
        if child.dep_ in TRAILING_CLAUSE_DEPS and child.left_edge.i > comp.i + 1 and comp.pos_ != "VERB":
            before = doc[child.left_edge.i - 1]
            if before.text == "," or (before.is_quote and doc[child.left_edge.i - 2].text == ","):
                return before.i - 1 if before.text == "," else before.i - 2
        # "said the rise was fair but urged both sides to …": a second cue of the reporter's ends
        # the content; after a copula only when the cue has no subject of its own
        joined = comp.pos_ == "VERB" or (
            comp.pos_ == "AUX" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        )
        if child.dep_ == "prep" and child.lower_ == "according" and doc[child.i - 1].text == ",":
            return child.i - 2  # "…, according to Xinhua": the relay, not the content
        if _rival_speaker(child):
            before = doc[child.left_edge.i - 1]
            return before.i - 1 if before.text == "," else child.left_edge.i - 1
        if (
            child.dep_ == "conj"
            and joined
            and (child.lemma_ in CONJ_CUES or speakers_own_act(comp, child))
            and not _same_auxiliary(comp, child)
        ):
            cc = [c for c in comp.rights if c.dep_ == "cc" and c.i < child.i]
            if cc:
                return cc[-1].i - 1 if doc[cc[-1].i - 1].text != "," else cc[-1].i - 2
    return comp.right_edge.i


ASIDE_DEPS = ("relcl", "appos", "advcl", "acl", "npadvmod")


def trim_trailing_aside(doc: Doc, first: int, last: int) -> int:
    """End of a content without the aside that closes it after a comma: a non-restrictive relative
    clause (", who has been …"), an apposition (", a charge that …") or a participle (", saying …"),
    hung off any word of the content. PolNeAR leaves them out of the attributed content."""
    end = last
    while end > first and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    for i in range(first + 2, end):
        tok = doc[i]
        if tok.dep_ not in ASIDE_DEPS or tok.right_edge.i < end - 1 or tok.head.i < first:
            continue
        if tok.dep_ in ("advcl", "acl") and (
            tok.tag_ != "VBG" or any(c.dep_ == "mark" for c in tok.children)
        ):
            continue  # "…, when he engages": a clause of time or condition stays in
        if tok.dep_ == "npadvmod" and tok.pos_ != "NOUN" and not any(c.dep_ == "det" for c in tok.lefts):
            continue  # (", the latest of dozens filed since 2023" is a noun phrase all the same)
        if tok.dep_ == "appos" and tok.pos_ == "PROPN":
            continue  # "its chief executive, Ana Ruiz": a name in apposition stays (78 to 22 on train)
        if tok.dep_ == "relcl" and doc[tok.left_edge.i].lower_ in ("where", "when"):
            continue  # "…into Belarus, where they were met by …": what happened there is the claim
        left = tok.left_edge.i
        if left - 1 > first + 1 and doc[left - 1].text == ",":
            return left - 1
    return last


# Nouns a reporter sums a reported claim up with after a comma (", an accusation the company has
# denied", ", a point the union disputes"): the summary is the narration's, not the speaker's.
SUMMARY_NOUNS = {
    "claim", "accusation", "allegation", "charge", "point", "assertion", "contention", "argument",
    "characterization", "characterisation", "suggestion", "assessment", "account", "version",
}  # fmt: skip


def without_summary(doc: Doc, first: int, last: int) -> int:
    """End of a content ``[first, last)`` without a closing noun phrase that sums the claim up and
    says who disputes it (", a charge that Mrs. Clinton has always denied", ", an allegation Cotonou
    rejected"), read from the words, however the parser hung them; ``last`` when there is none."""
    for i in range(first + 2, last - 3):
        if doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the", "another"):
            continue
        noun = next(
            (j for j in range(i + 2, min(i + 4, last)) if doc[j].lemma_.lower() in SUMMARY_NOUNS), None
        )
        if noun is None or doc[noun].pos_ != "NOUN":
            continue
        # who disputes it: a verb after the noun, or a clause the parser hung on it ("disputes" as a noun)
        verb_after = any(t.pos_ in ("VERB", "AUX") for t in doc[noun + 1 : last])
        if verb_after or any(c.dep_ in ("relcl", "acl") for c in doc[noun].rights):
            return i
    return last


def without_dangling_conjunction(doc: Doc, first: int, last: int) -> int:
    """End of a content ``[first, last)`` without a coordinating conjunction (and the comma before
    it) left hanging at its end: the parser sometimes attaches the second conjunct elsewhere ("the
    border and | how many can slip through"), and a content ending in "and" reads as a cut."""
    if last - 1 <= first or doc[last - 1].pos_ != "CCONJ":
        return last
    end = last - 1
    while end > first + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def rest_edge(rights: list[Token]) -> int:
    """Last token of "object + complement": PolNeAR leaves out trailing adverbial clauses
    ("…, calling the protester …", "after determining …") that hang off the cue verb."""
    edge = rights[0].right_edge.i
    for child in rights[1:]:
        if child.dep_ == "advcl" or any(t.text == "," for t in child.doc[edge + 1 : child.left_edge.i + 1]):
            break
        edge = child.right_edge.i
    return edge


# PolNeAR leaves the preposition of "called on X to …", "asked for X to …" out of the content.
DROPPED_LEADING_PREPS = {"on", "for"}


# "made it clear that …": PolNeAR draws the clause alone (8 of 8 matched on train), never "it clear".
EMPTY_SUBJECTS = {"it"}


def content_first_token(comp: Token, dep: str) -> int:
    if dep == "rest" and comp.dep_ == "prep" and comp.lower_ in DROPPED_LEADING_PREPS:
        return comp.i + 1
    if comp.pos_ == "ADJ" and any(c.dep_ == "nsubj" and c.lower_ in EMPTY_SUBJECTS for c in comp.lefts):
        clause = next((c for c in comp.rights if c.dep_ in ("ccomp", "advcl")), None)
        if clause is not None:
            return clause.left_edge.i
    if dep == "ccomp" and comp.dep_ == "advcl":
        # "reported, citing two officials, that X was drafting …" (the that-clause read as an adverbial
        # one, with the aside hung on it): the clause opens at its "that"
        mark = that_mark(comp)
        if mark is not None and mark.i < comp.i:
            return mark.i
    first = comp.doc[comp.left_edge.i]
    # "called for the rivals to drop out": PolNeAR draws the clause without its "for" (29 of 29 on train)
    if first.lower_ == "for" and first.dep_ == "mark" and first.head == comp:
        return first.i + 1
    return comp.left_edge.i


RELATIVE_WORDS = {"that", "which", "who", "whom", "what", "whatever", "whoever"}


def relative_cue_gap(doc: Doc, first: int, last: int, cue_start: int, cue_end: int) -> tuple[int, int] | None:
    """Char range to leave out of a content that holds its own cue after a relative word: in "a
    plan which he said would fail", "which" heads the complement's subtree, so the subtree runs over
    "he said". PolNeAR draws the relative word and the rest around the speaker and cue ("which …
    would fail": 35 of 94 such contents on train; the whole span 3, the rest alone 11)."""
    if not (first < cue_start and cue_end < last) or doc[first].lower_ not in RELATIVE_WORDS:
        return None
    if doc[first].tag_ not in ("WDT", "WP", "WP$") and doc[first].lower_ != "that":
        return None
    if first + 1 >= cue_start:
        return None
    return doc[first + 1].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text)


# Verbs that raise the subject of their complement ("The race seemed to be his to lose", "Other
# groups are expected to spend …", "He is seen as a moderate", "The bill was called anti-gay").
# When PolNeAR annotates them (expect 85% of the time on train, seem and appear 57%) it draws
# subject + complement as one content with the verb as the cue, never the complement alone: of the
# gold contents of a passive cue with an infinitive, "as"/"like" or predicative complement, 191 on
# train hold the subject and 23 do not, most of them "was asked to": passives whose subject is the
# listener are left out.
RAISING_LEMMAS = {"seem", "appear"}
LISTENER_PASSIVES = {
    "ask", "tell", "urge", "order", "instruct", "advise", "warn", "encourage", "force", "pressure",
    "press", "beg", "implore", "direct", "inform",
}  # fmt: skip
RAISING_PREPS = {"as", "like"}


def _raising_passive(verb: Token) -> bool:
    """A passive cue whose subject is what is talked about ("is expected to"), not its listener
    ("was asked to")."""
    return any(c.dep_ == "auxpass" for c in verb.children) and verb.lemma_.lower() not in LISTENER_PASSIVES


def raised_from_conjunct(verb: Token, comp: Token, dep: str) -> bool:
    """A raising passive with no subject of its own, joined to a verb that has one ("The Brazilian
    scored 17 goals and is understood to have agreed terms"): its subject is what is talked about,
    not who says it, and the subject's phrase is too far to be drawn into the content."""
    return (
        _raising_passive(verb)
        and verb.dep_ == "conj"
        and dep in ("xcomp", "oprd")
        and comp.i > verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def raised_subject_start(verb: Token, comp: Token, dep: str, cue_start: int) -> int | None:
    """First char of a raised content (the subject), or None when ``verb`` does not raise it."""
    if not (verb.lemma_ in RAISING_LEMMAS or _raising_passive(verb)):
        return None
    if comp.i < verb.i or not (
        dep in ("xcomp", "oprd") or (dep in ("prep_pobj", "prep_pcomp") and comp.head.lower_ in RAISING_PREPS)
    ):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue_start), None)
    if subject is None or paragraph_of(verb.doc, subject.left_edge.i) != paragraph_of(verb.doc, verb.i):
        return None
    start, end = char_range(verb.doc, subject.left_edge.i, cue_start)
    return start if end > start else None
