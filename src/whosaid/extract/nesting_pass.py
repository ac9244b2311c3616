"""Second pass over an article's statements: one reported inside another statement's content.

"She said she was glad X won and looks forward to seeing him", "the group urged supporters to ask
why …": the parse offers a statement for the inner cue too. PolNeAR marks the outer attribution
only, and for a reader the inner clause is the outer speaker's claim, which the outer content
already holds word for word. A chain of cues is the other case ("declined to criticize X"): the
outer content is the inner cue plus its content, one statement found twice, and PolNeAR keeps the
inner one ("criticize" → X) more often than the outer.

For each pair (inner statement, smallest statement whose content holds the inner cue) two logistic
regressions over sparse pair features (kinds, forms, cue lemmas, confidences, speakers, where the
inner cue stands) estimate whether PolNeAR annotates the inner and the outer statement. The one
below its threshold is dropped. Nested quotations (form ``nested``) and quotations inside another
statement are never dropped: the issue asks for them. Weights ship as ``nesting_model.json``,
trained on PolNeAR train by ``scripts/train_nesting.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from whosaid.extract.content_edges import doc_text
from whosaid.extract.cues import load_lexicon
from whosaid.extract.linear_model import LinearModel, ModelChoice, shipped_json
from whosaid.model import Span, Statement

MODEL_FILE = "nesting_model.json"
KEPT_FORMS = {"nested"}  # a quotation inside a quotation is its own speaker's statement
# An interview's answer holds the interviewee's words and every statement inside it: both stay.
OPEN_FORMS = {"answer"}
NOUN_FORMS = {"noun", "noun_clause"}  # a cue noun with its content ("claims that …")
CHAIN_GAP = 1  # tokens allowed before the inner cue for the outer content to open with it ("to")
CHAIN_CHARS = 40  # an outer cue this close before the inner one joins it ("refused to say")
SPEECH = 0.9  # lexicon strength of plain speech verbs (say, tell, insist, warn, announce, note)


@dataclass(frozen=True, slots=True)
class NestingModel:
    inner: LinearModel  # is the inner statement annotated?
    outer: LinearModel  # is the outer statement annotated?


@dataclass(frozen=True, slots=True)
class NestedPair:
    inner: int  # positions in the statement list
    outer: int
    features: list[str]
    # the inner cue is a plain speech verb with a speaker of its own, the outer one is not ("approved
    # a budget which the mayor said would …"): the inner statement is kept whatever the model says
    speech_inside: bool = False


# Training (scripts/train_nesting.py) collects each article's statements and pairs here.
Recorded = list[tuple[list[Statement], list[str], list[NestedPair]]]
_recorded: list[Recorded] = []


def record_pairs(into: Recorded | None) -> None:
    """Append each article's (statements, forms, pairs) to ``into`` from now on (None stops); the pass
    still drops what its model says."""
    _recorded.clear()
    if into is not None:
        _recorded.append(into)


def model_from_json(data: dict[str, Any]) -> NestingModel:
    return NestingModel(LinearModel.from_json(data["inner"]), LinearModel.from_json(data["outer"]))


def _shipped_model() -> NestingModel | None:
    data = shipped_json(MODEL_FILE)
    return model_from_json(data) if data is not None else None


# ``use(None)`` turns the pass off (training runs the extractor without it).
NESTING_MODEL: ModelChoice[NestingModel] = ModelChoice(_shipped_model)


def nested_dropped(
    doc: Doc, statements: list[Statement], forms: list[str], in_quote: set[int], gone: set[int]
) -> set[int]:
    """Positions of statements the pass drops. ``forms[i]`` is the candidate form of statement i;
    ``in_quote`` holds the positions whose cue stands inside a quotation; statements at ``gone``
    are dropped already and take no part."""
    model = NESTING_MODEL.current()
    if model is None and not _recorded:
        return set()
    pairs = nested_pairs(doc, statements, forms, in_quote, gone)
    if _recorded:
        _recorded[0].append((list(statements), list(forms), pairs))
    if model is None:
        return set()
    dropped = choose_drops(model, pairs, statements, forms)
    for pair in pairs:
        if pair.outer not in dropped or pair.inner in dropped:
            continue
        inner, outer = statements[pair.inner], statements[pair.outer]
        # an instruction to someone ("urged supporters to ask why …") folds like a chain
        if "chain=True" in pair.features or _object_before(_cue_token(doc, outer), _cue_token(doc, inner)):
            fold_chain(doc_text(doc), inner, outer)
    return dropped


def choose_drops(
    model: NestingModel, pairs: list[NestedPair], statements: list[Statement], forms: list[str]
) -> set[int]:
    """Per pair, drop the statement the model finds less likely annotated, when it is below its
    threshold and may be dropped at all."""
    dropped: set[int] = set()
    for pair in pairs:
        if pair.inner in dropped or pair.outer in dropped or forms[pair.outer] in OPEN_FORMS:
            continue
        inner = model.inner.probability(pair.features) - model.inner.threshold
        outer = model.outer.probability(pair.features) - model.outer.threshold
        if min(inner, outer) >= 0:
            continue
        if inner <= outer and droppable(statements[pair.inner], forms[pair.inner]):
            inner_stmt, outer_stmt = statements[pair.inner], statements[pair.outer]
            if pair.speech_inside or owned_claim(inner_stmt, forms[pair.inner], outer_stmt):
                continue
            dropped.add(pair.inner)
        elif outer < inner and droppable(statements[pair.outer], forms[pair.outer]):
            dropped.add(pair.outer)
    return dropped


def fold_chain(text: str, inner: Statement, outer: Statement) -> None:
    """The outer statement of a chain ("declined to criticize X") is dropped: the kept inner one
    takes the outer cue into its own ("declined to criticize") and the outer speaker, so no word
    of the attribution is lost."""
    if inner.cue_span is None or outer.cue_span is None or outer.cue_span.start >= inner.cue_span.start:
        return
    between = text[outer.cue_span.end : inner.cue_span.start]
    if len(between) > CHAIN_CHARS or any(c in between for c in ".!?\n"):
        return
    inner.cue_span = Span(outer.cue_span.start, inner.cue_span.end)
    inner.cue = inner.cue_span.of(text)
    # the subject of the first verb speaks ("had a rare chance to show …": the chance does not);
    # on train this raises speaker accuracy by 0.001 over keeping the inner statement's speaker
    inner.speaker, inner.speaker_text, inner.speaker_span = (
        outer.speaker,
        outer.speaker_text,
        outer.speaker_span,
    )
    inner.speaker_type, inner.speaker_role = outer.speaker_type, outer.speaker_role


def _object_before(outer: Token | None, inner: Token | None) -> bool:
    """Whether the inner cue is the infinitive of an outer cue verb with an object between them
    ("warned both sides not to discuss", "urged Congress to act"); not a relative clause on the
    object ("approved a budget which the mayor said …")."""
    if outer is None or inner is None or inner.head != outer or inner.dep_ not in ("xcomp", "ccomp"):
        return False
    return any(c.dep_ in ("dobj", "dative") and outer.i < c.i < inner.i for c in outer.children)


def droppable(stmt: Statement, form: str) -> bool:
    return stmt.kind != "direct" and form not in KEPT_FORMS


def speech_inside(doc: Doc, inner: Statement, outer: Statement) -> bool:
    """Whether the inner statement is plain speech ("said", "told", "insisted": lexicon strength of
    at least ``SPEECH``) by a speaker the outer statement does not name, inside an outer cue that is
    not plain speech. PolNeAR often marks only the outer action ("approved a budget which the mayor
    said …"), but a reader asking what the mayor said wants the mayor's statement: on PolNeAR train
    keeping these costs 0.002 overlap F1 and no exact F1."""
    icue, ocue = _cue_token(doc, inner), _cue_token(doc, outer)
    if icue is None or ocue is None or inner.speaker_text is None or inner.speaker_text == outer.speaker_text:
        return False
    lexicon = load_lexicon()
    return lexicon.verb_strength(icue.lemma_) >= SPEECH > lexicon.verb_strength(ocue.lemma_)


def owned_claim(inner: Statement, form: str, outer: Statement) -> bool:
    """`The critics' claim that … was dismissed by the council`: a claim noun with its own speaker,
    another than the outer one, is that speaker's statement, which the outer one only answers."""
    return form in NOUN_FORMS and inner.speaker_text is not None and inner.speaker != outer.speaker


def nested_pairs(
    doc: Doc, statements: list[Statement], forms: list[str], in_quote: set[int], gone: set[int]
) -> list[NestedPair]:
    """Each statement whose cue lies inside another's content, with the smallest such content."""
    pairs = []
    spans = [(s.content_span.start, s.content_span.end) for s in statements]
    for i, inner in enumerate(statements):
        cue = inner.cue_span
        if cue is None or forms[i] in KEPT_FORMS or i in gone:
            continue
        best = -1
        for j, (start, end) in enumerate(spans):
            if not (start <= cue.start and cue.end <= end) or j == i or j in gone:
                continue  # the integer test first: this loop runs for every pair of statements
            outer = statements[j]
            if outer.cue_span == cue or not _holds(outer, cue.start, cue.end):
                continue
            if best < 0 or _length(outer) < _length(statements[best]):
                best = j
        if best >= 0:
            features = pair_features(doc, i, best, statements, forms, in_quote)
            # reported speech inside a quotation is kept: its words are the quoted speaker's, its
            # claim someone else's
            kept = i in in_quote or speech_inside(doc, inner, statements[best])
            pairs.append(NestedPair(i, best, features, kept))
    return pairs


def _length(stmt: Statement) -> int:
    return stmt.content_span.end - stmt.content_span.start


def _holds(stmt: Statement, start: int, end: int) -> bool:
    """Whether the content (one of its pieces, when a cue interrupts it) holds [start, end)."""
    pieces = stmt.content_parts or [stmt.content_span]
    return any(p.start <= start and end <= p.end for p in pieces)


def _cue_token(doc: Doc, stmt: Statement) -> Token | None:
    if stmt.cue_span is None:
        return None
    span = doc.char_span(stmt.cue_span.start, stmt.cue_span.end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


def _bucket(x: float) -> str:
    return str(round(x * 5) / 5)


def _count(n: int) -> str:
    return (
        "0"
        if n <= 0
        else "1"
        if n <= 1
        else "2-3"
        if n <= 3
        else "4-7"
        if n <= 7
        else "8-15"
        if n <= 15
        else "16+"
    )


def pair_features(
    doc: Doc, i: int, j: int, statements: list[Statement], forms: list[str], in_quote: set[int]
) -> list[str]:
    """Sparse features of one (inner i, outer j) pair; names are stable strings kept in the model file."""
    inner, outer = statements[i], statements[j]
    icue, ocue = _cue_token(doc, inner), _cue_token(doc, outer)
    ilemma = icue.lemma_.lower() if icue is not None else "-"
    olemma = ocue.lemma_.lower() if ocue is not None else "-"
    assert inner.cue_span is not None
    opening = doc.char_span(outer.content_span.start, inner.cue_span.start, alignment_mode="expand")
    # "warned both sides not to discuss X" is no chain: the outer verb's object is the one who
    # would discuss, and the outer statement holds the whole instruction
    chain = (opening is None or len(opening) <= CHAIN_GAP) and not _object_before(ocue, icue)
    same_speaker = inner.speaker is not None and inner.speaker == outer.speaker
    same_sentence = icue is not None and ocue is not None and icue.sent.start == ocue.sent.start
    under = ocue is not None and icue is not None and ocue.is_ancestor(icue)
    ratio = _length(inner) / max(_length(outer), 1)
    distance = abs(icue.i - ocue.i) if icue is not None and ocue is not None else 99
    kinds = f"{inner.kind}|{outer.kind}"
    feats = [
        f"kinds={kinds}",
        f"iform={forms[i]}",
        f"oform={forms[j]}",
        f"forms={forms[i]}|{forms[j]}",
        f"ilemma={ilemma}",
        f"olemma={olemma}",
        f"ilemma_chain={ilemma}|{chain}",
        f"olemma_chain={olemma}|{chain}",
        f"iconf={_bucket(inner.confidence)}",
        f"oconf={_bucket(outer.confidence)}",
        f"conf_gap={_bucket(max(min(inner.confidence - outer.confidence, 1.0), -1.0))}",
        f"chain={chain}",
        f"chain_kinds={chain}|{kinds}",
        f"same_speaker={same_speaker}",
        f"ispeaker={inner.speaker_type or 'none'}",
        f"same_sentence={same_sentence}",
        f"under_outer_cue={under}",
        f"idep={icue.dep_ if icue is not None else '-'}",
        f"in_quote={i in in_quote}|{outer.kind}",
        f"same_end={inner.content_span.end >= outer.content_span.end}",
        f"ratio={_bucket(ratio)}",
        f"distance={_count(distance)}",
    ]
    return feats
