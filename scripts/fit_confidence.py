"""Fit the statement confidence shipped as src/whosaid/extract/confidence.json.

Data: PolNeAR train (../shared/data/polnear/train.jsonl, 840 articles). The extractor runs on each
article; every statement it outputs is an example, positive when it matches a gold attribution
(the scorer's greedy overlap matching, token F1 >= 0.5) AND its speaker agrees with the gold one
(resolved name or phrase as written, ``scoring.speaker_agrees``): a statement with the wrong or no
speaker is not a right answer for a user. A logistic regression over ``confidence.features`` is
fitted on the first 85% of the articles; calibration (mean confidence vs. rate right, per decile)
is printed on the last 15% for the hand-set prior and the fit; then the model is refitted on all
articles and written (feature weights only, no text). Usage:

    .venv/bin/python scripts/fit_confidence.py [--train PATH] [--docbin CACHE.spacy ...] [--out PATH]

Run it after scripts/train_extract.py: the filter's probability is the main feature.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin

from whosaid.extract.attribution import find_statements
from whosaid.extract.confidence import PRIOR, recording
from whosaid.extract.scoring import match, speaker_agrees
from whosaid.model import Statement
from whosaid.nlp import load

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT / ".." / "shared" / "data" / "polnear" / "train.jsonl"
DEFAULT_OUT = ROOT / "src" / "whosaid" / "extract" / "confidence.json"


def right_answers(text: str, golds: Sequence[dict[str, Any]], preds: Sequence[Statement]) -> list[int]:
    """1 for each prediction matched to a gold statement (as the scorer matches) with its speaker."""
    labels = [0] * len(preds)
    for i, j in match(text, golds, preds)[2]:
        said, pred = golds[i].get("speaker"), preds[j]
        agrees = speaker_agrees(said, pred.speaker or pred.speaker_text) or speaker_agrees(
            said, pred.speaker_text
        )
        labels[j] = int(agrees)
    return labels


def examples(doc: Doc, gold: dict[str, Any]) -> tuple[list[dict[str, float]], list[int]]:
    with recording() as seen:
        statements = find_statements(doc, str(gold["id"]))
    feats_of = {id(stmt): feats for stmt, feats in seen}
    labels = right_answers(doc.text, gold["quotes"], statements)
    return [feats_of[id(s)] for s in statements], labels


def fit(rows: list[dict[str, float]], labels: list[int], c: float) -> dict[str, float]:
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    # no separate intercept: the constant "bias" feature carries it, as confidence.py reads it
    model = LogisticRegression(C=c, max_iter=3000, fit_intercept=False)
    model.fit(matrix, labels)
    return {
        name: round(float(w), 4) for name, w in zip(vectorizer.feature_names_, model.coef_[0], strict=True)
    }


def predict(weights: dict[str, float], row: dict[str, float]) -> float:
    z = sum(weights.get(name, 0.0) * value for name, value in row.items())
    return 1.0 / (1.0 + math.exp(-z))


def calibration(
    name: str, weights: dict[str, float], rows: list[dict[str, float]], labels: list[int]
) -> None:
    scored = sorted((predict(weights, r), y) for r, y in zip(rows, labels, strict=True))
    loss = -sum(math.log(max(p, 1e-9)) if y else math.log(max(1 - p, 1e-9)) for p, y in scored) / len(scored)
    print(f"{name}: held-out log loss {loss:.3f}; deciles (mean confidence -> rate right):", file=sys.stderr)
    size = max(len(scored) // 10, 1)
    for start in range(0, len(scored), size):
        chunk = scored[start : start + size]
        mean = sum(p for p, _ in chunk) / len(chunk)
        rate = sum(y for _, y in chunk) / len(chunk)
        print(f"  {mean:.2f} -> {rate:.2f}  (n={len(chunk)})", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--docbin", type=Path, nargs="*", help="parsed train docs (DocBins, in order)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 regularisation strength")
    args = parser.parse_args()
    golds = [json.loads(line) for line in args.train.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load()
    if args.docbin:
        docs = [d for path in args.docbin for d in DocBin().from_disk(path).get_docs(nlp.vocab)]
    else:
        docs = list(nlp.pipe((g["text"] for g in golds), batch_size=16, disable=["whosaid_quotes"]))
    per_doc = [examples(doc, gold) for doc, gold in zip(docs, golds, strict=False)]
    split = int(len(per_doc) * 0.85)

    def flat(
        part: list[tuple[list[dict[str, float]], list[int]]],
    ) -> tuple[list[dict[str, float]], list[int]]:
        return [r for rows, _ in part for r in rows], [y for _, ys in part for y in ys]

    train_rows, train_labels = flat(per_doc[:split])
    held_rows, held_labels = flat(per_doc[split:])
    calibration("hand-set prior", PRIOR, held_rows, held_labels)
    calibration("fitted", fit(train_rows, train_labels, args.c), held_rows, held_labels)
    rows, labels = flat(per_doc)
    weights = fit(rows, labels, args.c)
    payload = {
        "trained_on": "PolNeAR train (840 articles, first annotator)",
        "label": "statement matches a gold attribution (token F1 >= 0.5) and its speaker agrees",
        "examples": len(rows),
        "weights": weights,
    }
    args.out.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights, {len(rows)} statements)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
