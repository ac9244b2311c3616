"""Attach quotations to their cues where the parse does not: the quotation a clause introduces
with a colon, the second piece of a split quotation, a quotation with no cue in its sentence's
parse, and a quotation nested in another speaker's words."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from whosaid.extract.candidates import Candidate
from whosaid.extract.content_edges import doc_text
from whosaid.extract.cue_subjects import subject_of
from whosaid.extract.cues import load_lexicon
from whosaid.extract.quote_runs import POINTING_BACK, adds_to, clause_verb
from whosaid.extract.quotes import QuoteRegion, title_cased
from whosaid.extract.speakers import ISSUED_DOCUMENTS

if TYPE_CHECKING:  # attribution imports this module: the types only, to avoid a cycle
    from whosaid.extract.attribution import Draft, QuoteMap


def absorb_colon_quote(draft: Draft, quotes: QuoteMap, doc: Doc, verbs: set[str]) -> None:
    """`…, adding that he had replied: “…”`: the quotation after the colon is the content.

    A raised content (`As X reported after the agency appears to have abandoned Y: “…”`) has a
    raising verb for its cue, which says nothing: the quotation goes to the speech verb before it
    in the sentence when one has a subject (`X reported`); otherwise the raising verb stays, as
    PolNeAR keeps it (`It seems unfair to tell them: “…”`).
    """
    text = doc_text(doc)
    if draft.kind != "indirect":
        return
    following = quotes.overlapping(draft.end, min(len(text), draft.end + 4))
    if following and text[draft.end : following[0].start].strip() == ":":
        draft.kind, draft.start, draft.end = "direct", following[0].inner_start, following[0].inner_end
        draft.parts = []  # pieces of the clause before the colon are not pieces of the quotation
        if draft.cand.form == "raising" and draft.cand.cue_start >= 0:
            _recue_raised(draft, quotes, doc, verbs)


def _recue_raised(draft: Draft, quotes: QuoteMap, doc: Doc, verbs: set[str]) -> None:
    raising = doc[draft.cand.cue_start]
    for tok in reversed(doc[raising.sent.start : raising.i]):
        if tok.lemma_ in verbs and tok.pos_ == "VERB" and quotes.region_at(tok.idx) is None:
            speaker = subject_of(tok)
            if speaker is not None:
                draft.cand = replace(
                    draft.cand, cue_start=tok.i, cue_end=tok.i + 1, speaker_head=speaker, form="quote"
                )
            return


def extend_split_quote(draft: Draft, quotes: QuoteMap, doc: Doc, governed: set[int]) -> None:
    """“A,” X said, “B.”: take in the quotation that resumes right after the cue clause."""
    cue_tok = doc[draft.cand.cue_end - 1]
    clause_end = cue_tok.right_edge.idx + len(cue_tok.right_edge.text)
    if clause_end < draft.end:
        return
    following = quotes.overlapping(clause_end, len(doc_text(doc)))
    if not following:
        return
    region = following[0]
    gap = doc_text(doc)[clause_end : region.start]
    if gap.strip(" ,;:—–-.") and _aside_ending(doc, cue_tok, clause_end, region.start):
        gap = ""  # “A,” Hale testified, his voice breaking. “B.”: the sentence's end is the clause's
    if region.start in governed or gap.strip(" ,;:—–-.") or "\n" in doc_text(doc)[draft.end : region.start]:
        return  # the clause may end on the paragraph break: a new paragraph is not the second piece
    if adds_to(doc, draft.end, region.start, cue_tok.idx):
        return
    words = doc_text(doc)[region.inner_start : region.inner_end].split()
    if len(words) >= 3 and title_cased(words):
        return  # `X said on CNN's “State of the Union.”`: a programme the clause names, not more speech
    before = quotes.overlapping(draft.start, draft.start + 1)
    first_end = before[0].inner_end if before and before[0].inner_end <= clause_end else draft.end
    draft.parts = [(draft.start, first_end), (region.inner_start, region.inner_end)]
    draft.end = region.inner_end
    draft.kind = "mixed"  # the content now holds the unquoted attribution between the two parts
    governed.add(region.start)


MAX_ASIDE_WORDS = 6


def _aside_ending(doc: Doc, cue: Token, start: int, end: int) -> bool:
    """The text from ``start`` to ``end`` is a short aside that finishes the cue's sentence and holds
    no cue of its own (", his voice breaking.", ", smiling."), which the parser may have made the
    sentence's root, leaving the cue verb's own clause short of it."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    words = [t for t in span if not (t.is_punct or t.is_space)]
    lexicon = load_lexicon()
    return (
        0 < len(words) <= MAX_ASIDE_WORDS
        and doc_text(doc)[start:end].rstrip()[-1:] in (".", ",")
        and all(t.sent.start == cue.sent.start for t in words)
        and not any(t.lemma_ in lexicon.verbs for t in words)
    )


# Verbs outside the cue lexicon that refer back to words said: "That was how X described it",
# "as X put it".
SUMMING_UP_VERBS = {"describe", "put", "call", "sum"}


def cue_pointing_back(region: QuoteRegion, doc: Doc, lexicon_verb: set[str]) -> Token | None:
    """The cue of the paragraph right after a quotation that stands as a paragraph of its own, when
    that paragraph opens by pointing back at it ("That was how Kofi Mensah described the ruling",
    "Those were the words of …"): the quotation is that speaker's, not a continuation of the one
    before."""
    text = doc_text(doc)
    line_end = text.find("\n", region.end)
    if line_end < 0 or text[region.end : line_end].strip(" .,") or not text[: region.start].endswith("\n"):
        return None
    span = doc.char_span(region.end, len(text), alignment_mode="expand")
    words = [t for t in span if not t.is_space and not t.is_punct] if span is not None else []
    if not words or words[0].lower_ not in POINTING_BACK or "\n" not in text[region.end : words[0].idx]:
        return None
    sentence = words[0].sent
    verbs = lexicon_verb | SUMMING_UP_VERBS
    return next(
        (t for t in sentence if t.lemma_ in verbs and t.pos_ == "VERB" and subject_of(t) is not None),
        None,
    )


def _new_sentence_after(region: QuoteRegion, after: list[Token], doc: Doc) -> bool:
    """`“… I was kidding.” To which she said, “…”`: a full stop inside the marks and a capitalised
    word that names no one start a new sentence, whose verb is not this quotation's cue."""
    inner = doc_text(doc)[region.inner_start : region.inner_end].rstrip()
    first = next((t for t in after if not t.is_space and not t.is_punct), None)
    return (
        inner.endswith(".")
        and first is not None
        and first.is_title
        and first.pos_ not in ("PROPN", "PRON", "NOUN", "DET", "ADJ", "NUM")
    )


SIGNATURE_DASHES = {"―", "—", "–", "-", "--"}
MAX_SIGNATURE_WORDS = 4


def _dash_signature(region: QuoteRegion, doc: Doc) -> tuple[Token, Token] | None:
    """`“…” ― Pamela Padilla`: a quotation signed with a dash and a name, as testimonials, epigraphs
    and reader round-ups write it; (the dash's token, the name's last word) or None. The name must
    end its line or be followed by a comma (a role: "― Jorge Falcon, 31, Phoenix")."""
    text = doc_text(doc)
    at = region.end
    while at < len(text) and text[at] in " \t\u00a0":
        at += 1
    dash_len = 2 if text.startswith("--", at) else 1 if text[at : at + 1] in SIGNATURE_DASHES else 0
    if not dash_len:
        return None
    span = doc.char_span(at, at + dash_len, alignment_mode="expand")  # the mark may share its token
    if span is None:
        return None
    dash = span[-1]
    i = dash.i + 1
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    words: list[Token] = []
    while (
        i < len(doc)
        and len(words) < MAX_SIGNATURE_WORDS
        and doc[i].text[:1].isupper()
        and (doc[i].is_alpha or (doc[i].text.endswith(".") and len(doc[i].text) <= 3))
    ):
        words.append(doc[i])
        i += 1
    if not words or not words[-1].is_alpha:
        return None
    line_ends = i >= len(doc) or (doc[i].is_space and "\n" in doc[i].text)
    blank_then_end = i < len(doc) and doc[i].is_space and (i + 1 >= len(doc) or "\n" in doc[i + 1].text)
    if not (line_ends or blank_then_end or doc[i].text in (",", ".")):
        return None
    return dash, words[-1]


AFTER_WORDS = 8  # how far after a quotation its cue is looked for


def _words_after(doc: Doc, start: int) -> list[Token]:
    """The ``AFTER_WORDS`` tokens after a quotation, not counting a parenthesis ("…,” Rep. Elijah E.
    Cummings (D-Md.) said in a phone interview": the party and state put the cue further away)."""
    found: list[Token] = []
    depth = counted = 0
    for tok in doc[start : min(len(doc), start + 4 * AFTER_WORDS)]:
        if counted >= AFTER_WORDS or (depth == 0 and tok.text in (".", "!", "?")):
            break  # a cue after the sentence's end is the next sentence's ("…”. Grant told …")
        found.append(tok)
        depth += tok.text == "("
        counted += depth == 0
        depth -= tok.text == ")" and depth > 0
    return found


def _document_that_reads(after: list[Token], tok: Token) -> Token | None:
    """`“…,” a statement from the ministry read.`: the document that "read" ends the sentence on,
    which the parser often tags as a noun ("the ministry read" as one compound)."""
    if tok.lower_ not in ("read", "reads") or tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].text != ".":
        return None
    return next((t for t in after if t.i < tok.i and t.lemma_.lower() in ISSUED_DOCUMENTS), None)


# Verbs whose object after them is the listener, never the speaker ("“…,” told reporters").
LISTENER_VERBS = {"tell", "ask", "inform", "remind", "assure", "warn", "urge"}


def _subject_after(verb: Token) -> Token | None:
    """The speaker the parser took for the object of a cue after a quotation ("“…,” added one
    Democrat"): the noun right after the verb, unless the verb takes a listener or it is a date."""
    if verb.lemma_ in LISTENER_VERBS:
        return None
    follower = next((c for c in verb.rights if not c.is_punct), None)
    if (
        follower is None
        or follower.dep_ not in ("dobj", "attr", "dative", "oprd")
        or follower.pos_ not in ("NOUN", "PROPN")
        or follower.ent_type_ in ("DATE", "TIME")
    ):
        return None
    return follower


def _introduces(verb: Token, quote_start: int) -> bool:
    """Whether ``verb`` is its clause's main verb and only a particle, an adverb or punctuation
    stands between it and the quotation ("Hillary shot back, “…”", "he laughed: “…”")."""
    # the parser may hang it off the quotation's own verb ("shot" a ccomp of "suppose")
    if verb.pos_ != "VERB" or not (verb.dep_ == "ROOT" or verb.head.i >= quote_start):
        return False
    between = verb.doc[verb.i + 1 : quote_start]
    return all(t.dep_ in ("prt", "advmod", "punct") or t.is_space for t in between)


def _intro_subject(intro: Span) -> Token | None:
    """Who a clause before a colon gives the floor to when it has no speech verb: the subject of its
    verb ("Trump went even further: “…”"), or the owner of a subject that is a reply ("Clinton's
    response was: “…”")."""
    if len(intro) == 0:
        return None
    root = intro.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(root)
    if subject is None or not intro.start <= subject.i < intro.end:
        return None
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is not None and subject.pos_ == "NOUN" and owner.pos_ in ("PROPN", "PRON"):
        return owner
    return subject if subject.pos_ in ("PROPN", "NOUN", "PRON") else None


def attribute_bare_quote(
    region: QuoteRegion, doc: Doc, quotes: QuoteMap, lexicon_verb: set[str]
) -> Candidate:
    """Find the cue of a quotation the parse did not connect: after it, before it, or a colon."""
    start_tok = doc.char_span(region.start, region.end, alignment_mode="expand")
    assert start_tok is not None
    after = [t for t in _words_after(doc, start_tok.end) if quotes.region_at(t.idx) is None]
    signed = _dash_signature(region, doc)
    if signed is not None:
        dash, name = signed
        return Candidate(dash.i, dash.i + 1, region.inner_start, region.inner_end, name, 0.9, "quote")
    pointed = cue_pointing_back(region, doc, lexicon_verb)
    if pointed is not None:  # "“…” ¶ That was how Kofi Mensah described the ruling."
        return Candidate(
            pointed.i, pointed.i + 1, region.inner_start, region.inner_end, subject_of(pointed), 0.85, "quote"
        )
    if _new_sentence_after(region, after, doc):
        after = []
    for tok in after:
        if tok.text == "\n" or (tok.is_space and "\n" in tok.text):
            break
        if tok.lemma_ in lexicon_verb and tok.pos_ in ("VERB", "AUX"):
            speaker = subject_of(tok) or _subject_after(tok)
            return Candidate(tok.i, tok.i + 1, region.inner_start, region.inner_end, speaker, 0.9, "quote")
        document = _document_that_reads(after, tok)
        if document is not None:  # the document speaks for whoever issued it (speakers._document_owner)
            return Candidate(tok.i, tok.i + 1, region.inner_start, region.inner_end, document, 0.9, "quote")
    ending = doc_text(doc)[region.inner_start : region.inner_end].rstrip()[-1:]
    if ending in (",", "?", "!"):
        verb = clause_verb(after, ending)
        if verb is not None:  # “…,” an angry mayor retorted: the shape marks the attribution
            return Candidate(
                verb.i, verb.i + 1, region.inner_start, region.inner_end, subject_of(verb), 0.6, "quote"
            )
    sent = doc[start_tok.start].sent
    before = [t for t in doc[sent.start : start_tok.start] if quotes.region_at(t.idx) is None]
    for tok in reversed(before):
        if tok.lemma_ in lexicon_verb and tok.pos_ in ("VERB", "AUX"):
            return Candidate(
                tok.i, tok.i + 1, region.inner_start, region.inner_end, subject_of(tok), 0.85, "quote"
            )
        if _introduces(tok, start_tok.start) and (subject := subject_of(tok)) is not None:
            # "When Brown criticized Clinton, Hillary shot back, “…”": the main verb right before
            # the quotation introduces it; a cue in a clause further back is someone else's
            return Candidate(tok.i, tok.i + 1, region.inner_start, region.inner_end, subject, 0.6, "quote")
    prev = start_tok.start - 1
    while prev >= 0 and doc[prev].is_space:
        prev -= 1
    if prev > 0 and doc[prev].text == ":":
        intro = doc[doc[prev].sent.start : prev]
        verb = next((t for t in reversed(intro) if t.lemma_ in lexicon_verb and t.pos_ == "VERB"), None)
        if verb is not None and len(intro) <= 12:  # `The mayor told the council:` introduces the quote
            return Candidate(
                verb.i, verb.i + 1, region.inner_start, region.inner_end, subject_of(verb), 0.85, "quote"
            )
        head = doc[prev - 1]
        while head.head.i < prev and head.head != head and head.dep_ in ("compound", "amod", "det"):
            head = head.head
        speaker = head if head.pos_ in ("PROPN", "NOUN", "PRON") else _intro_subject(intro)
        if head.dep_ == "pobj":  # "Thibaut Courtois, speaking to BT Sport:": the one speaking
            speaker = next(
                (a for a in head.ancestors if a.i >= intro.start and a.ent_type_ == "PERSON"), speaker
            )
        if head.dep_ in ("dobj", "attr") and head.pos_ == "NOUN" and (subject := _intro_subject(intro)):
            speaker = subject  # "Sanders delivered a snappy retort: “…”" is Sanders's, not the retort's
        return Candidate(prev, prev + 1, region.inner_start, region.inner_end, speaker, 0.7, "colon")
    return Candidate(-1, -1, region.inner_start, region.inner_end, None, 0.3, "continuation")


def nested_cue(parent: QuoteRegion, nested: QuoteRegion, doc: Doc, verbs: set[str]) -> Token | None:
    """The cue verb inside the outer quotation that introduces a quote within it ("He asked me ‘…’").

    Only a past-tense report counts: the speaker recounting what someone said to them. Present and
    generic forms ("when he says ‘…’", "people look at it and say ‘…’") quote a slogan or a
    hypothetical line, which PolNeAR never annotates (0 of 14 on the first 250 train articles).
    """
    span = doc.char_span(parent.inner_start, nested.start, alignment_mode="contract")
    if span is None:
        return None
    for tok in reversed(list(span)):
        if tok.lemma_ in verbs and tok.pos_ in ("VERB", "AUX") and nested.start - tok.idx < 40:
            return tok if tok.tag_ == "VBD" or _habit_in_the_past(tok) else None
    return None


def _habit_in_the_past(verb: Token) -> bool:
    """A report of what someone used to say, past all the same: "Jan kept saying, ‘…’", "My
    father used to say, ‘…’" (not "would say", which is as often a hypothetical line)."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.tag_ == "VBD" and head.lemma_ in ("keep", "use")
