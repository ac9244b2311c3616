"""Join a speaker's run of quotations into one statement, as PolNeAR annotates them.

A quotation interrupted by its attribution (`“A,” X said, “B.”`), one that resumes after the
attribution's full stop (`“A,” X said. “B.”`) and whole-quote paragraphs that carry on a quotation
closed at the end of the previous paragraph are one statement in PolNeAR: its outer span covers
every piece and its content is the pieces joined. Earlier steps attribute each quotation on its
own; this pass joins neighbours whose only text in between is the one cue clause they share.

The same pass finishes quotation statements: short quotations next to a speech verb
(`“Why?” she asked`), a quotation attributed to a cue before it that keeps the unquoted start of
the cue's complement (`said that the plan was “…”`) or carries on that complement (`argued that
…, “because …”`), and split quotations whose cue is outside the lexicon but plain from the shape
(`“A,” he scoffed. “B.”`). The kind follows the gold's rule on the outer span: direct only when
it is one quotation with no quotation mark inside it, so a joined run (or a multi-paragraph quote
re-opened by a mark) is mixed. Work is proportional to the quotations, not to the tokens. The
unquoted words PolNeAR draws around a quotation (fronted phrase, subject, end of clause, the
reported clause a cue-less quotation carries on) are added by `quote_context.py`.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from whosaid.extract.candidates import Candidate
from whosaid.extract.content_edges import doc_text
from whosaid.extract.cue_subjects import subject_of
from whosaid.extract.quote_context import (
    drop_absorbed,
    join_continuations,
    widen_to_fronted,
    widen_to_named,
    widen_to_subject,
    widen_to_tail,
)
from whosaid.extract.quotes import DOUBLE_MARK, QuoteRegion, title_cased

if TYPE_CHECKING:
    from whosaid.extract.attribution import Draft, QuoteMap

DOUBLE_MARKS = DOUBLE_MARK  # the doubled apostrophe of archive text counts as a mark too
SENTENCE_END = re.compile(r"(\w*)[.!?][\"”’'\)]*\s+\S")
# Words a full stop shortens rather than ends a sentence with (`“A,” Ms. Holt said, “B.”`).
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "st", "jr", "sr", "prof", "rev",
}  # fmt: skip
MIN_PIECE_WORDS = 4  # as for a quotation on its own: fewer is a scare quote or a title
COMPLEMENTS = {"ccomp", "xcomp", "dobj", "obj", "attr", "prep"}  # the cue's complement holding the quote
WIDEN_FORMS = {"quote", "ccomp"}  # drafts whose quotation may lead in with the complement's words
MAX_CLAUSE_TOKENS = 8  # `the head of the harbour board retorted`
MAX_GAP_WORDS = 30  # an attribution clause between two pieces, not a paragraph of narration
TRAILING = " \t\n,;:—–-.!?\"”’')"
EDGES = " \t\n“”«»„\"'"  # marks that open or close the span itself


def _cue_at(draft: Draft, doc: Doc) -> int | None:
    return doc[draft.cand.cue_start].idx if draft.cand.cue_start >= 0 else None


def clause_verb(tokens: list[Token], quote_end: str) -> Token | None:
    """The verb of a short `X verb` clause right after a quotation (“…,” an angry mayor retorted.).

    The shape itself marks an attribution, so the verb need not be in the cue lexicon: a
    quotation ending in a comma, then a few words with one finite verb and its subject, then a
    full stop or a comma.
    """
    clause: list[Token] = []
    for tok in tokens:
        if tok.text in (".", ",", ";", ":") or "\n" in tok.text:
            break
        clause.append(tok)
    verbs = [t for t in clause if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP", "VBN")]
    if not clause or len(clause) > MAX_CLAUSE_TOKENS or len(verbs) != 1:
        return None
    if quote_end in "?!" and clause[0].is_title and clause[0].pos_ in ("PRON", "DET"):
        return None  # “…?” He answered, “…”: a new sentence introducing the next quotation
    verb = verbs[0]
    has_subject = any(c.dep_ == "nsubj" and c in clause for c in verb.children)  # active voice
    return (
        verb
        if has_subject and not any(t.is_punct and t.text in ("“", "”", '"', "''") for t in clause)
        else None
    )


def _speaker_rank(draft: Draft, quotes: QuoteMap) -> tuple[bool, bool]:
    """Prefer the draft with a cue and a speaker outside the quotation (“Friends,” she said: not Friends)."""
    head = draft.cand.speaker_head
    return draft.cand.cue_start >= 0, head is not None and quotes.region_at(head.idx) is None


def _speaker_outside(draft: Draft, left: QuoteRegion, right: QuoteRegion, quotes: QuoteMap, doc: Doc) -> None:
    """A parse that took the first piece (“Friends,”) for the subject: the speaker is named between."""
    head = draft.cand.speaker_head
    if head is None or quotes.region_at(head.idx) is None or draft.cand.cue_start < 0:
        return
    cue = doc[draft.cand.cue_start]
    before = [t for t in doc[max(cue.i - 12, 0) : cue.i] if t.idx >= left.end]
    after = [t for t in doc[cue.i + 1 : cue.i + 8] if t.idx < right.start]
    names = [t for t in before if t.pos_ == "PROPN"][-1:] or [t for t in after if t.pos_ == "PROPN"][:1]
    names = names or [t for t in before if t.pos_ in ("NOUN", "PRON")][-1:]
    if names:
        draft.cand.speaker_head = names[0]


def _covering(drafts: list[Draft], region: QuoteRegion) -> list[Draft]:
    return [
        d for d in drafts if d.parent is None and d.start < region.inner_end and d.end > region.inner_start
    ]


def _pieces(draft: Draft) -> list[tuple[int, int]]:
    return list(draft.parts) if draft.parts else [(draft.start, draft.end)]


def _is_speech(text: str, region: QuoteRegion, resumes: bool) -> bool:
    """Words enough to be speech (a piece resuming after `X said,` may be short), not a Title."""
    words = [w for w in text[region.inner_start : region.inner_end].split() if any(c.isalnum() for c in w)]
    if resumes:
        return bool(words)
    return len(words) >= MIN_PIECE_WORDS and not title_cased(words) and not all(w[0].isupper() for w in words)


def _ends_sentence(text: str) -> bool:
    """A full stop, question or exclamation mark followed by more words, not a title or an initial."""
    return any(
        m.group()[0] in ".!?" or (m.group(1).lower() not in ABBREVIATIONS and len(m.group(1)) > 1)
        for m in SENTENCE_END.finditer(text)
    )


def _same_paragraph_gap(text: str, left: QuoteRegion, right: QuoteRegion) -> bool:
    gap = text[left.end : right.start]
    words = sum(1 for w in gap.split() if any(c.isalnum() for c in w))
    return "\n" not in gap and 0 < words <= MAX_GAP_WORDS and not _ends_sentence(gap.rstrip())


def _continues_paragraph(text: str, left: QuoteRegion, right: QuoteRegion) -> bool:
    """`right` is a paragraph of its own that follows the paragraph `left` ends (bar its cue clause)."""
    gap = text[left.end : right.start]
    if "\n" not in gap or gap.count("\n") > 3:
        return False
    tail, _, lead = gap.rpartition("\n")
    if lead.strip() or tail.rstrip().endswith(":") or _ends_sentence(tail.strip()):
        return False
    line_end = text.find("\n", right.end)
    rest = text[right.end : len(text) if line_end < 0 else line_end]
    return not rest.strip(TRAILING) and not _pointed_back_at(text, line_end)


# Words that open a paragraph pointing back at the quotation before it ("That was how …").
POINTING_BACK = {"that", "this", "those", "these", "such"}


def _pointed_back_at(text: str, line_end: int) -> bool:
    """The next paragraph opens by pointing back at the quotation ("That was how X described …"): it
    names that quotation's speaker (``quote_attachment.cue_pointing_back``), so it carries on no run."""
    if line_end < 0:
        return False
    words = text[line_end:].split(maxsplit=1)
    return bool(words) and words[0].lower() in POINTING_BACK


def adds_to(doc: Doc, start: int, end: int, cue: int) -> bool:
    """`“A,” he said, adding that …. “B.”`: a second act of speech between two quotations.

    PolNeAR mostly keeps the quotation after an `adding` clause apart from the one before it (train:
    5 of 7 such runs are two gold statements; other participles, `noting`, `explaining`, join).
    """
    gap = doc.char_span(start, end, alignment_mode="contract")
    return gap is not None and any(t.lemma_ == "add" and t.pos_ == "VERB" and t.idx != cue for t in gap)


def _may_join(
    left: QuoteRegion, right: QuoteRegion, drafts: list[Draft], doc: Doc, text: str
) -> tuple[Draft | None, Draft | None] | None:
    """The drafts over two neighbouring quotations if they are one speaker's run, else None."""
    same_paragraph = _same_paragraph_gap(text, left, right)
    if not same_paragraph and not _continues_paragraph(text, left, right):
        return None
    first, second = _covering(drafts, left), _covering(drafts, right)
    if any(d is e for d in first for e in second) or len(first) > 1 or len(second) > 1:
        return None  # already one statement, or the quotations are contested by several cues
    a = first[0] if first else None
    b = second[0] if second else None
    if a is None and b is None:
        return None
    if any(d.kind == "indirect" for d in (a, b) if d is not None):
        return None
    cues = {_cue_at(d, doc) for d in (a, b) if d is not None} - {None}
    ending = text[left.inner_start : left.inner_end].rstrip()[-1:]
    if not cues and same_paragraph and ending in (",", "?", "!"):
        gap = doc.char_span(left.end, right.start, alignment_mode="contract")
        verb = clause_verb(list(gap), ending) if gap is not None else None
        if verb is not None:  # “A,” he mocks. “B.”: a cue outside the lexicon, shown by the shape
            keep = a if a is not None else b
            assert keep is not None
            keep.cand = Candidate(verb.i, verb.i + 1, keep.start, keep.end, subject_of(verb), 0.6, "quote")
            cues = {verb.idx}
    if len(cues) != 1:
        return None
    cue = cues.pop()
    assert cue is not None
    if same_paragraph:
        if not left.end <= cue < right.start:
            return None  # the cue must be the clause between the pieces
        if adds_to(doc, left.end, right.start, cue):
            return None
    elif b is not None and _cue_at(b, doc) is not None:
        return None  # a continuation paragraph has no cue of its own
    if a is None and not text[left.inner_start : left.inner_end].rstrip().endswith((",", "—", "–")):
        return None  # a short first piece joins only when the sentence visibly goes on
    if b is None or not _is_speech(text, right, text[left.end : right.start].rstrip().endswith(",")):
        return None  # a title or a quoted term after the cue clause ("… on the podcast “Here’s the Thing.”")
    if not same_paragraph and not _is_speech(text, left, False):
        return None  # a scare-quoted phrase ending a paragraph does not open a quotation run
    # another statement whose cue sits between the pieces belongs to someone else
    for other in drafts:
        at = _cue_at(other, doc)
        inside = left.end <= other.start and other.end <= right.start
        if (
            other is not a
            and other is not b
            and at is not None
            and left.end <= at < right.start
            and not inside
        ):
            return None
    return a, b


def widen_to_complement(draft: Draft, doc: Doc, text: str) -> None:
    """`said in a statement that the plan was “…”`: the content starts where the cue's complement does.

    A quotation attributed to a cue before it keeps the unquoted words of the complement that lead
    up to it, as PolNeAR draws the span (the statement is then mixed).
    """
    cue_i = draft.cand.cue_start
    if (
        draft.cand.form not in WIDEN_FORMS
        or draft.kind != "direct"
        or cue_i < 0
        or doc[cue_i].idx >= draft.start
    ):
        return
    first = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if first is None:
        return
    node = doc[first.start]
    while node.head.i != cue_i and node.head.i != node.i:
        node = node.head
    if node.head.i != cue_i or node.dep_ not in COMPLEMENTS or node.left_edge.i <= cue_i:
        return
    lead_start = node.left_edge.idx
    lead = text[lead_start : draft.start]
    if "\n" in lead or DOUBLE_MARKS.search(lead.rstrip().rstrip("“„«\"'")):
        return
    if any(any(c.isalnum() for c in w) for w in lead.split()):
        draft.start = lead_start
        draft.kind = "mixed"


def _absorb_trailing_quotes(drafts: list[Draft], doc: Doc, text: str) -> list[Draft]:
    """`argued that X would be better, “because …”`: a quotation that carries on its cue's content."""
    by_cue: dict[int, list[Draft]] = {}
    for draft in drafts:
        if draft.cand.cue_start >= 0 and draft.parent is None:
            by_cue.setdefault(draft.cand.cue_start, []).append(draft)
    gone: list[Draft] = []
    for group in by_cue.values():
        for quote in group:
            if quote.cand.form != "quote" or quote.kind != "direct":
                continue
            for other in group:
                gap = text[other.end : quote.start]
                if other is not quote and other.end <= quote.start and not gap.strip(' ,;:—–“„«"'):
                    if other.parts:  # a content already in pieces gains one; a whole one stays whole
                        other.parts = [*other.parts, (quote.start, quote.end)]
                    other.end, other.kind = quote.end, "mixed"
                    gone.append(quote)
                    break
    return [d for d in drafts if not any(d is g for g in gone)]


def short_quotes(drafts: list[Draft], quotes: QuoteMap, doc: Doc, text: str) -> list[Draft]:
    """Short quotations (“But why?” she asked) when punctuated as speech and next to a speech verb.

    Fewer than four quoted words is usually a scare quote or a title, so the quotation rules skip
    them; one that ends in a comma, question or exclamation mark inside its marks and runs straight
    into a speech verb (`“Go home,” he shouted`, `she asked, “Why?”`) is speech all the same.
    """
    from whosaid.extract.attribution import Draft
    from whosaid.extract.cues import load_lexicon

    lexicon = load_lexicon()
    found: list[Draft] = []
    for region in quotes.top:
        inner = text[region.inner_start : region.inner_end].rstrip()
        words = [w for w in inner.split() if any(c.isalnum() for c in w)]
        if not words or len(words) >= MIN_PIECE_WORDS or not inner.endswith((",", "?", "!")):
            continue
        if _covering(drafts, region) or (all(w[0].isupper() for w in words) and inner[-1] == ","):
            continue  # a programme or a title: on CBS’s “Face the Nation,” she said
        span = doc.char_span(region.start, region.end, alignment_mode="expand")
        if span is None or (span.start > 0 and doc[span.start - 1].tag_ in ("POS", "DT", "PRP$")):
            continue  # Iowa’s “silver standard,” — a phrase owned by a noun, not speech
        after = [t for t in doc[span.end : span.end + 4] if not t.is_punct]
        before = doc[max(span.start - 2, 0) : span.start]
        cue = next(
            (t for t in after if t.pos_ == "VERB" and lexicon.verb_kinds.get(t.lemma_) == "speech"), None
        )
        if cue is None and len(before) == 2 and before[1].text in (",", ":"):
            verb = before[0]
            cue = verb if verb.pos_ == "VERB" and lexicon.verb_kinds.get(verb.lemma_) == "speech" else None
        if cue is None or "\n" in text[min(cue.idx, region.end) : max(cue.idx, region.start)]:
            continue
        cand = Candidate(
            cue.i, cue.i + 1, region.inner_start, region.inner_end, subject_of(cue), 0.8, "quote"
        )
        found.append(Draft(cand, "direct", region.inner_start, region.inner_end))
    return drafts + found


def merge_quote_runs(drafts: list[Draft], quotes: QuoteMap, doc: Doc) -> list[Draft]:
    """Join split quotations and their continuations into one statement per run; fix the kind."""
    text = doc_text(doc)
    drafts = short_quotes(drafts, quotes, doc, text)
    top = quotes.top
    for left, right in pairwise(top):
        pair = _may_join(left, right, drafts, doc, text)
        if pair is None:
            continue
        a, b = pair
        keep = max((d for d in (a, b) if d is not None), key=lambda d: _speaker_rank(d, quotes))
        assert keep is not None
        pieces = _pieces(a) if a is not None else [(left.inner_start, left.inner_end)]
        more = _pieces(b) if b is not None else [(right.inner_start, right.inner_end)]
        pieces += [(max(s, pieces[-1][1]), e) for s, e in more if e > pieces[-1][1]]  # no piece twice
        _speaker_outside(keep, left, right, quotes, doc)
        keep.start, keep.end = pieces[0][0], pieces[-1][1]
        keep.parts = pieces
        keep.kind = "mixed"
        drafts = [d for d in drafts if d is keep or (d is not a and d is not b)]
    drafts = _absorb_trailing_quotes(drafts, doc, text)
    drafts = join_continuations(drafts, text)
    for draft in drafts:
        widen_to_named(draft, doc, text)
        widen_to_complement(draft, doc, text)
        widen_to_fronted(draft, doc, text)
        widen_to_subject(draft, doc, text)
        widen_to_tail(draft, doc, text)
        if draft.kind == "direct" and DOUBLE_MARKS.search(text[draft.start : draft.end].strip(EDGES)):
            draft.kind = "mixed"  # a quotation re-opened inside the span: not one quotation
    return drop_absorbed(drafts)
