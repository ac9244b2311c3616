"""Train the candidate filter shipped as src/whosaid/extract/cue_model.json.

Data: PolNeAR train (../shared/data/polnear/train.jsonl, 840 articles). Every (cue, content) pair
the parse offers is a candidate; it is positive when a gold attribution's cue covers the cue verb,
the contents overlap (token F1 >= 0.5, the scorer's matching rule) and no other candidate of that
cue is clearly closer to the gold content (so the filter learns PolNeAR's boundaries too). A
logistic regression over the sparse features of ``whosaid.extract.learned`` is fitted; the
acceptance threshold is chosen on the last 15% of the training articles (by the whole extractor's
overlap F1), then the model is refitted on all of them. Only feature weights are written
(no text). Usage:

    .venv/bin/python scripts/train_extract.py [--train PATH] [--docbin CACHE.spacy] [--out PATH]

To iterate fast, parse train once into a DocBin (whosaid.nlp.load() with the whosaid_quotes
component disabled, DocBin(store_user_data=False), one doc per line of train.jsonl, in order) and
pass it with --docbin: training then takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin
from tqdm import tqdm

from whosaid.extract.attribution import QuoteMap, find_statements, parse_candidates
from whosaid.extract.learned import CueModel, use_model
from whosaid.extract.quotes import find_quotes
from whosaid.extract.scoring import gold_content, score, token_f1, tokens
from whosaid.nlp import load

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT / ".." / "shared" / "data" / "polnear" / "train.jsonl"
DEFAULT_OUT = ROOT / "src" / "whosaid" / "extract" / "cue_model.json"
BEST_MARGIN = 0.05  # a candidate this close to the best one's token F1 is positive too


def examples(doc: Doc, gold: dict[str, Any]) -> tuple[list[list[str]], list[int]]:
    quotes = QuoteMap(find_quotes(doc.text))
    golds = [(q["cue_span"], tokens(gold_content(doc.text, q))) for q in gold["quotes"] if q.get("cue_span")]
    found = parse_candidates(doc, quotes, True)
    # Per gold attribution, only the candidates of its cue whose content is closest to the gold
    # content are positive: the filter then also learns which boundary of a cue PolNeAR draws.
    overlaps = [[0.0] * len(golds) for _ in found]
    for i, (cand, _) in enumerate(found):
        cue_at = doc[cand.cue_end - 1].idx
        content = tokens(doc.text[cand.content_start : cand.content_end])
        for j, ((s, e), g) in enumerate(golds):
            if s <= cue_at < e:
                overlaps[i][j] = token_f1(g, content)
    best = [max((row[j] for row in overlaps), default=0.0) for j in range(len(golds))]
    labels = [
        int(any(f >= 0.5 and f >= best[j] - BEST_MARGIN for j, f in enumerate(row))) for row in overlaps
    ]
    return [features for _, features in found], labels


def fit(rows: list[list[str]], labels: list[int], c: float) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(r, 1) for r in rows])
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    model.fit(matrix, labels)
    return vectorizer, model


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--docbin", type=Path, help="parsed train docs (spaCy DocBin) to skip parsing")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 regularisation strength")
    parser.add_argument("--min-count", type=int, default=3, help="drop features seen fewer times")
    args = parser.parse_args()
    golds = [json.loads(line) for line in args.train.read_text(encoding="utf-8").splitlines() if line.strip()]
    # whosaid's own pipeline (paragraph breaks bound sentences), without the extractor: the filter
    # must see the parse it will score at run time
    nlp = load()
    if args.docbin:
        docs = list(DocBin().from_disk(args.docbin).get_docs(nlp.vocab))
    else:
        texts = (g["text"] for g in golds)
        parsed = nlp.pipe(texts, batch_size=16, disable=["whosaid_quotes"])
        docs = list(tqdm(parsed, total=len(golds), desc="parse", file=sys.stderr))
    per_doc = [examples(doc, gold) for doc, gold in zip(docs, golds, strict=False)]
    split = int(len(per_doc) * 0.85)
    counts: dict[str, int] = {}
    for rows, _ in per_doc:
        for row in rows:
            for f in row:
                counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= args.min_count}

    def flat(part: list[tuple[list[list[str]], list[int]]]) -> tuple[list[list[str]], list[int]]:
        rows = [[f for f in r if f in keep] for rs, _ in part for r in rs]
        return rows, [y for _, ys in part for y in ys]

    train_rows, train_y = flat(per_doc[:split])
    vectorizer, model = fit(train_rows, train_y, args.c)
    # The threshold is chosen on the held-out articles by the end-to-end overlap F1 of the whole
    # extractor (quotation rules included), not by candidate accuracy alone.
    weights = dict(zip(vectorizer.get_feature_names_out(), map(float, model.coef_[0]), strict=True))
    held_docs = list(zip(docs[split:], golds[split:], strict=False))
    best = (0.0, 0.5)
    for threshold in np.arange(0.12, 0.5, 0.04):
        use_model(CueModel(weights, float(model.intercept_[0]), float(threshold)))
        kinds = score(
            (doc.text, gold["quotes"], find_statements(doc, gold["id"])) for doc, gold in held_docs
        ).as_dict()
        report, indirect = kinds["all"], kinds["indirect"]
        print(
            f"threshold {threshold:.2f}: held-out overlap F1 {report['overlap_f1']} "
            f"(P {report['overlap_p']} R {report['overlap_r']}) exact F1 {report['exact_f1']}; "
            f"indirect overlap F1 {indirect['overlap_f1']} exact F1 {indirect['exact_f1']}",
            file=sys.stderr,
        )
        best = max(best, (float(report["overlap_f1"]), float(threshold)))
    use_model(None)
    print(f"held-out overlap F1 {best[0]:.3f} at threshold {best[1]:.2f}", file=sys.stderr)
    all_rows, all_y = flat(per_doc)
    vectorizer, model = fit(all_rows, all_y, args.c)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 1e-3
    }
    args.out.write_text(
        json.dumps(
            {
                "trained_on": f"PolNeAR train ({len(golds)} articles), {len(all_y)} candidates",
                "bias": round(float(model.intercept_[0]), 4),
                "threshold": round(best[1], 2),
                "weights": dict(sorted(weights.items())),
            },
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.out} ({len(weights)} features)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
