"""Score extracted statements against gold attributions (the format of shared/data/README.md).

Matching follows the reference scorer so figures agree: contents are compared as sequences of
lower-cased word tokens; a prediction *overlaps* a gold statement when their token F1 >= 0.5 and is
*exact* when the sequences are equal; each prediction matches at most one gold statement, greedily by
best score. Gold speakers are written as in the text ("he", "Mr. Obama"), so a speaker agrees when
either the resolved name or the written phrase agrees with it: equal, or one contains the other's
last token. Cues agree when they share a word.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whosaid.errors import WhosaidError
from whosaid.model import Statement

WORD = re.compile(r"\w+", re.UNICODE)
KINDS = ("direct", "indirect", "mixed")


def tokens(text: str | None) -> list[str]:
    return WORD.findall((text or "").lower())


def token_f1(gold: list[str], pred: list[str]) -> float:
    if not gold or not pred:
        return 0.0
    common = sum((Counter(gold) & Counter(pred)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(pred), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def speaker_agrees(gold: str | None, pred: str | None) -> bool:
    g, p = tokens(gold), tokens(pred)
    if not g:
        return not p
    if not p:
        return False
    return g == p or g[-1] in p or p[-1] in g


@dataclass(slots=True)
class Tally:
    gold: int = 0
    pred: int = 0
    overlap: int = 0
    exact: int = 0
    speaker_ok: int = 0  # resolved name or written phrase agrees
    speaker_name_ok: int = 0  # the resolved name alone (as the reference scorer reads it)
    cue_ok: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float | int]:
        def prf(tp: int) -> tuple[float, float, float]:
            p = tp / self.pred if self.pred else 0.0
            r = tp / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        op, orr, of = prf(self.overlap)
        ep, er, ef = prf(self.exact)
        cp, cr, cf = prf(self.cue_ok)
        out: dict[str, float | int] = {
            "gold": self.gold,
            "pred": self.pred,
            "matched": self.overlap,
            "overlap_p": op,
            "overlap_r": orr,
            "overlap_f1": of,
            "exact_p": ep,
            "exact_r": er,
            "exact_f1": ef,
            "speaker_acc": self.speaker_ok / self.overlap if self.overlap else 0.0,
            "speaker_name_acc": self.speaker_name_ok / self.overlap if self.overlap else 0.0,
            "cue_p": cp,
            "cue_r": cr,
            "cue_f1": cf,
        }
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}


@dataclass(slots=True)
class Report:
    by_kind: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in ("all", *KINDS)})

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        return {kind: tally.metrics() for kind, tally in self.by_kind.items()}


def gold_content(text: str, quote: dict[str, Any]) -> str:
    if quote.get("content") is not None:
        return str(quote["content"])
    start, end = quote["content_span"]
    return text[start:end]


def matched_content(stmt: Statement, text: str) -> str:
    """The content compared with gold: the pieces around an interrupting cue joined by a space,
    as the gold format writes discontinuous contents; else the content itself."""
    if stmt.content_parts:
        return " ".join(part.of(text) for part in stmt.content_parts)
    return stmt.content


def match(
    text: str, golds: Sequence[dict[str, Any]], preds: Sequence[Statement]
) -> tuple[list[list[str]], list[list[str]], list[tuple[int, int]]]:
    """Gold and predicted content tokens, and the (gold, prediction) index pairs that overlap: token
    F1 >= 0.5, each side used once, best pairs first (the reference scorer's greedy matching)."""
    gold_tokens = [tokens(gold_content(text, q)) for q in golds]
    pred_tokens = [tokens(matched_content(p, text)) for p in preds]
    pairs = sorted(
        (
            (token_f1(g, p), i, j)
            for i, g in enumerate(gold_tokens)
            for j, p in enumerate(pred_tokens)
            if g and p
        ),
        reverse=True,
    )
    matched: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for f1, i, j in pairs:
        if f1 < 0.5 or i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        matched.append((i, j))
    return gold_tokens, pred_tokens, matched


def score_document(text: str, golds: Sequence[dict[str, Any]], preds: Sequence[Statement]) -> Tally:
    tally = Tally(gold=len(golds), pred=len(preds))
    gold_tokens, pred_tokens, matched = match(text, golds, preds)
    for i, j in matched:
        gold, pred = golds[i], preds[j]
        tally.overlap += 1
        tally.exact += int(gold_tokens[i] == pred_tokens[j])
        name = pred.speaker or pred.speaker_text
        tally.speaker_name_ok += int(speaker_agrees(gold.get("speaker"), name))
        tally.speaker_ok += int(
            speaker_agrees(gold.get("speaker"), name)
            or speaker_agrees(gold.get("speaker"), pred.speaker_text)
        )
        tally.cue_ok += int(bool(set(tokens(gold.get("cue"))) & set(tokens(pred.cue))))
    return tally


def score(
    docs: Iterable[tuple[str, Sequence[dict[str, Any]], Sequence[Statement]]],
    kinds: Sequence[str] | None = None,
) -> Report:
    """Score (text, gold quotes, predicted statements) triples; per kind both sides are filtered."""
    report = Report()
    for text, golds, preds in docs:
        report.by_kind["all"].add(
            score_document(
                text,
                [g for g in golds if not kinds or g.get("kind", "direct") in kinds],
                [p for p in preds if not kinds or p.kind in kinds],
            )
        )
        for kind in KINDS:
            report.by_kind[kind].add(
                score_document(
                    text, [g for g in golds if g.get("kind") == kind], [p for p in preds if p.kind == kind]
                )
            )
    return report


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Gold JSON Lines: each line needs ``id``, ``text`` and ``quotes``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise WhosaidError(f"whosaid: cannot read gold file {path}: {exc.strerror}. Check the path.") from exc
    docs = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise WhosaidError(
                f"whosaid: {path} line {number} is not JSON ({exc.msg}). Fix or remove it."
            ) from exc
        if not isinstance(doc, dict) or "text" not in doc:
            raise WhosaidError(
                f"whosaid: {path} line {number} has no 'text'. Each line needs id, text, quotes."
            )
        doc.setdefault("id", str(number))
        doc.setdefault("quotes", [])
        docs.append(doc)
    return docs


def statement_dict(stmt: Statement, text: str) -> dict[str, Any]:
    """A statement as a prediction line for scorers, in the gold format's convention: ``content``
    is the pieces joined when a cue interrupts it, ``content_span`` their outer range."""
    return {
        "kind": stmt.kind,
        "content": matched_content(stmt, text),
        "content_span": stmt.content_span.as_list(),
        "content_parts": [part.as_list() for part in stmt.content_parts],
        "speaker": stmt.speaker,
        "speaker_text": stmt.speaker_text,
        "speaker_span": stmt.speaker_span.as_list() if stmt.speaker_span else None,
        "speaker_type": stmt.speaker_type,
        "speaker_role": stmt.speaker_role,
        "cue": stmt.cue,
        "cue_span": stmt.cue_span.as_list() if stmt.cue_span else None,
        "via": stmt.via,
        "nested_in": stmt.nested_in,
        "said_on": stmt.said_on.isoformat() if stmt.said_on else None,
        "confidence": stmt.confidence,
    }
