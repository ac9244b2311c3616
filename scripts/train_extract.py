"""Train the candidate filter shipped as src/whosaid/extract/cue_model.json.

Data: PolNeAR train (../shared/data/polnear/train.jsonl, 840 articles). Every (cue, content) pair
the parse offers is a candidate; it is positive when a gold attribution's cue covers the cue verb,
the contents overlap (token F1 >= 0.5, the scorer's matching rule) and no other candidate of that
cue is clearly closer to the gold content (so the filter learns PolNeAR's boundaries too). A
logistic regression over the sparse features of ``whosaid.extract.learned`` (cue, complement,
subject, boundary shape, and the nesting features of ``learned_features``) is fitted; the
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin
from tqdm import tqdm

from whosaid.extract.attribution import QuoteMap, find_statements, parse_candidates
from whosaid.extract.learned import CUE_MODEL
from whosaid.extract.linear_model import LinearModel
from whosaid.extract.quotes import find_quotes
from whosaid.extract.scoring import gold_content, score, token_f1, tokens
from whosaid.nlp import load

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT / ".." / "shared" / "data" / "polnear" / "train.jsonl"
DEFAULT_OUT = ROOT / "src" / "whosaid" / "extract" / "cue_model.json"
BEST_MARGIN = 0.05  # a candidate this close to the best one's token F1 is positive too


@dataclass(slots=True)
class Article:
    rows: list[list[str]]  # features per candidate
    labels: list[int]
    cues: list[int]  # the cue of each candidate (the filter keeps at most one candidate per cue)
    matches: list[set[int]]  # gold attributions each candidate overlaps (token F1 >= 0.5)
    n_gold: int


def examples(doc: Doc, gold: dict[str, Any]) -> Article:
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
    return Article(
        [features for _, features in found],
        labels,
        [cand.cue_end for cand, _ in found],
        [{j for j, f in enumerate(row) if f >= 0.5} for row in overlaps],
        len(golds),
    )


def cross_validate(articles: list[Article], keep: set[str], c: float, folds: int, threshold: float) -> str:
    """Candidate-level F1 of the filter, out of fold (folds by article): per cue the best candidate
    is kept when its probability reaches ``threshold``; it is right when it overlaps a gold
    attribution of its cue not taken yet: a quick proxy of the end-to-end overlap F1 for comparing
    feature sets (the end-to-end figure needs the whole extractor per threshold)."""
    kept = right = gold = 0
    for fold in range(folds):
        train = [a for i, a in enumerate(articles) if i % folds != fold]
        vectorizer, model = fit(
            [[f for f in r if f in keep] for a in train for r in a.rows],
            [y for a in train for y in a.labels],
            c,
        )
        for article in articles[fold::folds]:
            gold += article.n_gold
            if not article.rows:
                continue
            matrix = vectorizer.transform([dict.fromkeys(r, 1) for r in article.rows])
            probability = model.predict_proba(matrix)[:, 1]
            best: dict[int, int] = {}
            for i, cue in enumerate(article.cues):
                if probability[i] >= threshold and (
                    cue not in best or probability[i] > probability[best[cue]]
                ):
                    best[cue] = i
            taken: set[int] = set()
            for i in best.values():
                kept += 1
                free = article.matches[i] - taken
                if free:
                    taken.add(min(free))
                    right += 1
    precision, recall = right / max(kept, 1), right / max(gold, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return (
        f"{folds}-fold candidate-level F1 {f1:.4f} (P {precision:.4f} R {recall:.4f}), threshold {threshold}"
    )


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
    parser.add_argument("--folds", type=int, default=0, help="print K-fold candidate-level F1 and stop")
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
    for article in per_doc:
        for row in article.rows:
            for f in row:
                counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= args.min_count}
    if args.folds > 1:
        print(cross_validate(per_doc, keep, args.c, args.folds, 0.28), file=sys.stderr)
        return 0

    def flat(part: list[Article]) -> tuple[list[list[str]], list[int]]:
        rows = [[f for f in r if f in keep] for a in part for r in a.rows]
        return rows, [y for a in part for y in a.labels]

    train_rows, train_y = flat(per_doc[:split])
    vectorizer, model = fit(train_rows, train_y, args.c)
    # The threshold is chosen on the held-out articles by the end-to-end overlap F1 of the whole
    # extractor (quotation rules included), not by candidate accuracy alone.
    weights = dict(zip(vectorizer.get_feature_names_out(), map(float, model.coef_[0]), strict=True))
    held_docs = list(zip(docs[split:], golds[split:], strict=False))
    best = (0.0, 0.5)
    for threshold in np.arange(0.12, 0.5, 0.04):
        CUE_MODEL.use(LinearModel(weights, float(model.intercept_[0]), float(threshold)))
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
    CUE_MODEL.reset()
    print(f"held-out overlap F1 {best[0]:.3f} at threshold {best[1]:.2f}", file=sys.stderr)
    all_rows, all_y = flat(per_doc)
    vectorizer, model = fit(all_rows, all_y, args.c)
    shipped = LinearModel.fitted(
        vectorizer.get_feature_names_out(), model.coef_[0], model.intercept_[0], round(best[1], 2)
    ).to_json()
    trained_on = f"PolNeAR train ({len(golds)} articles), {len(all_y)} candidates"
    args.out.write_text(json.dumps({"trained_on": trained_on, **shipped}, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(shipped['weights'])} features)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
