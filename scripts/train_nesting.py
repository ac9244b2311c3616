"""Train the nesting pass shipped as src/whosaid/extract/nesting_model.json.

Data: PolNeAR train (../shared/data/polnear/train.jsonl, 840 articles). The extractor runs with the
nesting pass off; every (inner, outer) pair of ``whosaid.extract.nesting_pass.nested_pairs`` is an
example twice: is the inner statement matched to a gold attribution (the scorer's greedy matching,
token F1 >= 0.5), and is the outer one. Two logistic regressions over the pair features are fitted;
their thresholds are chosen by the extractor's overall overlap F1 on out-of-fold probabilities
(5 folds by article), then both are refitted on all articles. Only feature weights are written (no
text). Run it after any change to the candidate filter (cue_model.json), whose output it sees:

    .venv/bin/python scripts/train_nesting.py --docbin D [--out PATH] [--folds 5]

``D`` is a DocBin of train parsed by whosaid.nlp.load() without whosaid_quotes (see
scripts/train_extract.py). ``--dev-docbin`` with ``--dev`` prints the dev figures before and after.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin

from whosaid.extract.component import extract_statements
from whosaid.extract.linear_model import LinearModel
from whosaid.extract.nesting_pass import (
    NESTING_MODEL,
    NestingModel,
    Recorded,
    choose_drops,
    record_pairs,
)
from whosaid.extract.scoring import Tally, gold_content, matched_content, score_document, token_f1, tokens
from whosaid.model import Statement
from whosaid.nlp import load

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT / ".." / "shared" / "data" / "polnear" / "train.jsonl"
DEFAULT_OUT = ROOT / "src" / "whosaid" / "extract" / "nesting_model.json"
INNER_THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
OUTER_THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5)


def matched(text: str, golds: Sequence[dict[str, Any]], preds: Sequence[Statement]) -> dict[int, list[str]]:
    """The gold tokens each prediction (by id) is paired with by the scorer's greedy matching."""
    gt = [tokens(gold_content(text, q)) for q in golds]
    pt = [tokens(matched_content(p, text)) for p in preds]
    pairs = sorted(((token_f1(g, p), i, j) for i, g in enumerate(gt) for j, p in enumerate(pt)), reverse=True)
    used_g: set[int] = set()
    found: dict[int, list[str]] = {}
    for f, i, j in pairs:
        if f < 0.5 or i in used_g or id(preds[j]) in found:
            continue
        used_g.add(i)
        found[id(preds[j])] = gt[i]
    return found


def needed(one: Statement, other: Statement, hit: dict[int, list[str]], text: str) -> int:
    """Whether dropping ``one`` loses a match: it is matched, and ``other`` (unmatched) could not
    take its gold attribution over."""
    gold = hit.get(id(one))
    if gold is None:
        return 0
    free = id(other) not in hit
    return int(not (free and token_f1(gold, tokens(matched_content(other, text))) >= 0.5))


def run(docs: list[Doc], golds: list[dict[str, Any]]) -> tuple[list[list[Statement]], Recorded]:
    recorded: Recorded = []
    record_pairs(recorded)
    NESTING_MODEL.use(None)
    finals = []
    for doc, gold in zip(docs, golds, strict=True):
        doc._.article_id = gold["id"]
        finals.append(extract_statements(doc))
    record_pairs(None)
    NESTING_MODEL.reset()
    assert len(recorded) == len(docs)
    return finals, recorded


def fit(rows: list[list[str]], labels: list[int], c: float) -> tuple[dict[str, float], float]:
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(r, 1) for r in rows])
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(matrix, labels)
    weights = dict(zip(vectorizer.get_feature_names_out(), map(float, model.coef_[0]), strict=True))
    return weights, float(model.intercept_[0])


def simulate(
    docs: list[Doc],
    golds: list[dict[str, Any]],
    finals: list[list[Statement]],
    recorded: Recorded,
    models: list[NestingModel],
) -> dict[str, float | int]:
    """The extractor's overall scores with each article's pairs decided by ``models[article]``
    (articles without pairs are scored once and cached)."""
    key = id(finals)
    if key not in _fixed:
        _fixed[key] = Tally()
        for doc, gold, final, record in zip(docs, golds, finals, recorded, strict=True):
            if not record[2]:
                _fixed[key].add(score_document(doc.text, gold["quotes"], final))
    total = Tally()
    total.add(_fixed[key])
    for doc, gold, final, (statements, forms, pairs), model in zip(
        docs, golds, finals, recorded, models, strict=True
    ):
        if not pairs:
            continue
        gone = {id(statements[k]) for k in choose_drops(model, pairs, statements, forms)}
        total.add(score_document(doc.text, gold["quotes"], [s for s in final if id(s) not in gone]))
    return total.metrics()


_fixed: dict[int, Tally] = {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--docbin", type=Path, required=True, help="parsed train docs (spaCy DocBin)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=0.3, help="inverse L2 regularisation strength")
    parser.add_argument("--min-count", type=int, default=3, help="drop features seen fewer times")
    args = parser.parse_args()
    golds = [json.loads(line) for line in args.train.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load()
    docs = list(DocBin().from_disk(args.docbin).get_docs(nlp.vocab))
    finals, recorded = run(docs, golds)
    # per article: (features, inner matched, outer matched) of each pair
    examples: list[list[tuple[list[str], int, int]]] = []
    for doc, gold, final, (statements, _, pairs) in zip(docs, golds, finals, recorded, strict=True):
        hit = matched(doc.text, gold["quotes"], final)
        examples.append(
            [
                (
                    p.features,
                    needed(statements[p.inner], statements[p.outer], hit, doc.text),
                    needed(statements[p.outer], statements[p.inner], hit, doc.text),
                )
                for p in pairs
            ]
        )
    counts: dict[str, int] = {}
    for article in examples:
        for feats, _, _ in article:
            for f in feats:
                counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= args.min_count}

    def fit_both(part: list[int]) -> tuple[tuple[dict[str, float], float], tuple[dict[str, float], float]]:
        rows = [[f for f in x[0] if f in keep] for a in part for x in examples[a]]
        inner = fit(rows, [x[1] for a in part for x in examples[a]], args.c)
        outer = fit(rows, [x[2] for a in part for x in examples[a]], args.c)
        return inner, outer

    n_pairs = sum(len(a) for a in examples)
    print(f"{n_pairs} pairs in {len(docs)} articles", file=sys.stderr)
    fold_of = np.arange(len(docs)) % args.folds
    fitted = [fit_both([a for a in range(len(docs)) if fold_of[a] != k]) for k in range(args.folds)]
    base = simulate(
        docs,
        golds,
        finals,
        recorded,
        [NestingModel(LinearModel({}, 0.0, 0.0), LinearModel({}, 0.0, 0.0))] * len(docs),
    )
    print(f"pass off: overlap F1 {base['overlap_f1']:.4f} exact {base['exact_f1']:.4f}", file=sys.stderr)
    best = (-1.0, 0.0, 0.0)
    for ti in INNER_THRESHOLDS:
        for to in OUTER_THRESHOLDS:
            models = [
                NestingModel(
                    LinearModel(fitted[fold_of[a]][0][0], fitted[fold_of[a]][0][1], ti),
                    LinearModel(fitted[fold_of[a]][1][0], fitted[fold_of[a]][1][1], to),
                )
                for a in range(len(docs))
            ]
            report = simulate(docs, golds, finals, recorded, models)
            print(
                f"inner < {ti:.2f}, outer < {to:.2f}: out-of-fold overlap F1 {report['overlap_f1']:.4f} "
                f"(P {report['overlap_p']:.4f} R {report['overlap_r']:.4f}) "
                f"exact F1 {report['exact_f1']:.4f}",
                file=sys.stderr,
            )
            best = max(best, (float(report["overlap_f1"]) + float(report["exact_f1"]), ti, to))
    print(
        f"chosen: inner < {best[1]:.2f}, outer < {best[2]:.2f} (overlap + exact F1 {best[0]:.4f})",
        file=sys.stderr,
    )
    (iw, ib), (ow, ob) = fit_both(list(range(len(docs))))

    shipped = {
        "trained_on": f"PolNeAR train ({len(docs)} articles), {n_pairs} nested pairs",
        "inner": LinearModel(iw, ib, best[1]).to_json(),
        "outer": LinearModel(ow, ob, best[2]).to_json(),
    }
    args.out.write_text(json.dumps(shipped, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
