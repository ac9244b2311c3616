"""Where a content ends, learned: PolNeAR keeps some trailing phrases of a reported clause ("… but
could not bear it", "…, bringing attention to it") and leaves others out ("… during a stop in
Flint", "… on Twitter"), not consistently enough for a rule. The rules of ``content_edges`` give
one end; this module offers the other ends the parse allows (before each right-hand dependent
along the content's right spine, or the whole subtree) and a logistic regression over the words
and dependency labels at each cut (``boundary_model.json``, trained on PolNeAR train by
``scripts/train_boundary.py``) picks one, the rules' end winning ties.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc, Token

from whosaid.extract.content_edges import doc_text
from whosaid.extract.linear_model import LinearModel, ModelChoice, shipped_json
from whosaid.extract.quotes import QUOTE_MARKS

MODEL_FILE = "boundary_model.json"
MAX_SPINE = 6  # right-spine depth walked: deeper cuts are rare and cost Token objects

# Words kept as themselves in the features (function words that tell adjuncts apart); any other
# word stands for its part of speech.
CUT_WORDS = {
    "and", "but", "or", "in", "on", "at", "during", "after", "before", "since", "while", "when",
    "where", "as", "because", "if", "despite", "even", "with", "without", "for", "to", "by", "from",
    "which", "who", "that", "according", "including", "than", "until", "amid", "over", "about",
    "though", "although", "unless", "so", "not", "rather", "instead", "of", "into", "against",
}  # fmt: skip


def _shipped_model() -> LinearModel | None:
    data = shipped_json(MODEL_FILE)
    return LinearModel.from_json(data) if data is not None else None


BOUNDARY_MODEL: ModelChoice[LinearModel] = ModelChoice(_shipped_model)


def _word(tok: Token) -> str:
    return tok.lower_ if tok.lower_ in CUT_WORDS else tok.pos_


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"


def _cuts(doc: Doc, comp: Token, first: int, limit: int) -> list[tuple[int, Token, Token, int]]:
    """(cut, dependent, its head, depth) before each right-hand dependent along the right spine of
    ``comp`` below ``limit``, the comma before a dependent going with it; cuts past ``first``."""
    cuts = []
    node = comp
    for depth in range(MAX_SPINE):
        rights = [c for c in node.rights if c.i < limit and not c.is_punct]
        for child in rights:
            cut = child.left_edge.i
            while cut > first and (doc[cut - 1].is_punct or doc[cut - 1].is_space):
                cut -= 1  # the comma before the dropped phrase goes with it
            if cut > max(first, comp.i):
                cuts.append((cut, child, node, depth))
        if not rights:
            break
        node = rights[-1]
    return cuts


def end_options(
    doc: Doc,
    comp: Token,
    first: int,
    limit: int,
    rule_last: int,
    cue_lemma: str,
    cuts: list[tuple[int, Token, Token, int]] | None = None,
) -> list[tuple[int, list[str]]]:
    """(end token, features) of each place the content of ``comp`` may end, from ``first``: before
    a right-hand dependent on its right spine, or at ``limit`` (the whole subtree); ``rule_last``
    (the rules' end) is always one of them. ``cuts``: ``_cuts`` of the same content, if known."""
    ends: dict[int, list[str]] = {}
    for cut, child, node, depth in _cuts(doc, comp, first, limit) if cuts is None else cuts:
        if cut not in ends:
            dep = child.dep_
            word = _word(doc[child.left_edge.i])
            dep_word = f"{dep}|{word}"
            ends[cut] = [
                f"dep={dep}",
                f"word={word}",
                f"dep_word={dep_word}",
                f"child={_word(child)}|{dep}",
                f"comma={doc[cut].is_punct}|{dep}",
                f"node={node.dep_ if node.i != comp.i else 'comp'}|{node.pos_}|{dep}",
                f"depth={min(depth, 3)}",
                f"dropped={_bucket(limit - cut)}",
                f"kept={_bucket(cut - first)}",
                f"comp={comp.dep_}|{dep}",
                f"cue={cue_lemma}|{dep_word}",
                f"quoted={_has_quote(doc, cut, limit)}|{dep}",
            ]
    ends.setdefault(limit, ["whole"])
    ends.setdefault(
        rule_last, ["other_rule_cut", f"word={_word(doc[rule_last]) if rule_last < len(doc) else '-'}"]
    )
    out = []
    for end, feats in sorted(ends.items()):
        tags = (
            ["rule"] if end == rule_last else ["not_rule", f"side={'before' if end < rule_last else 'after'}"]
        )
        out.append((end, feats + tags + [f"{f}|{tags[0]}" for f in feats[:2]]))
    return out


def _has_quote(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) hold a quotation mark (read off the text: no Token objects)."""
    if start >= end:
        return False
    text = doc_text(doc)
    last = doc[end - 1]
    return not QUOTE_MARKS.isdisjoint(text[doc[start].idx : last.idx + len(last.text)])


def choose_end(doc: Doc, comp: Token, first: int, limit: int, rule_last: int, cue_lemma: str) -> int:
    """The content end the trained model prefers (the rules' end without a model or a better option)."""
    model = BOUNDARY_MODEL.current()
    if model is None:
        return rule_last
    cuts = _cuts(doc, comp, first, limit)
    if limit == rule_last and all(cut == rule_last for cut, *_ in cuts):
        return rule_last  # nothing else to choose (half the candidates): no features built
    options = end_options(doc, comp, first, limit, rule_last, cue_lemma, cuts)
    rule = next(model.score(feats) for end, feats in options if end == rule_last)
    margin = math.log(model.threshold / (1.0 - model.threshold)) - model.bias
    best, best_gain = rule_last, margin
    for end, feats in options:
        gain = model.score(feats) - rule
        if end != rule_last and gain > best_gain:
            best, best_gain = end, gain
    return best
