"""Train the content-end model shipped as src/whosaid/extract/boundary_model.json.

Data: PolNeAR train (../shared/data/polnear/train.jsonl, 840 articles). For every parse candidate
(``parse_candidates``, open vocabulary) whose cue lies in a gold attribution's cue and whose content
overlaps that gold content (token F1 >= 0.5), ``boundary.end_options`` lists the places the
content may end; an option is positive when its words are the gold content's. Candidates with no
positive option teach nothing about ends and are left out. A logistic regression over the
options' features is fitted; at run time the best-scoring option wins. ``--folds K`` prints, out
of fold (folds by article), how often the chosen end is right against the rules' end. Only
feature weights are written (no text). Usage:

    .venv/bin/python scripts/train_boundary.py --docbin CACHE.spacy [--out PATH] [--folds 5]

CACHE.spacy: train parsed by whosaid.nlp.load() without whosaid_quotes, DocBin(store_user_data=
False), one doc per line of train.jsonl, in order (as for scripts/train_extract.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin

from whosaid.extract.attribution import QuoteMap, parse_candidates
from whosaid.extract.boundary import BOUNDARY_MODEL, end_options
from whosaid.extract.content_edges import char_range
from whosaid.extract.linear_model import LinearModel
from whosaid.extract.quotes import find_quotes
from whosaid.extract.scoring import gold_content, token_f1, tokens
from whosaid.nlp import load

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = ROOT / ".." / "shared" / "data" / "polnear" / "train.jsonl"
DEFAULT_OUT = ROOT / "src" / "whosaid" / "extract" / "boundary_model.json"


@dataclass(slots=True)
class Group:
    options: list[list[str]]  # features per end option
    labels: list[int]
    rule: int  # index of the rules' end


def groups(doc: Doc, gold: dict[str, Any]) -> list[Group]:
    text = doc.text
    golds = [(q["cue_span"], tokens(gold_content(text, q))) for q in gold["quotes"] if q.get("cue_span")]
    found: list[Group] = []
    for cand, _ in parse_candidates(doc, QuoteMap(find_quotes(text)), True):
        if cand.edges is None or cand.comp is None or cand.exclude_start >= 0:
            continue
        cue_at = doc[cand.cue_end - 1].idx
        content = tokens(text[cand.content_start : cand.content_end])
        targets = [g for (s, e), g in golds if s <= cue_at < e and token_f1(g, content) >= 0.5]
        if not targets:
            continue
        first, limit, rule_last = cand.edges
        options = end_options(doc, cand.comp, first, limit, rule_last, doc[cand.cue_end - 1].lemma_.lower())
        labels = []
        for end, _ in options:
            start, stop = char_range(doc, first, end)
            labels.append(int(tokens(text[start:stop]) in targets))
        if any(labels):
            rule = next(i for i, (end, _) in enumerate(options) if end == rule_last)
            found.append(Group([f for _, f in options], labels, rule))
    return found


def pair_row(option: list[str], rule: list[str]) -> dict[str, float]:
    """An option against the rules' end: its features +1, the rules' end's -1 (shared ones cancel)."""
    row = dict.fromkeys(option, 1.0)
    for f in rule:
        row[f] = row.get(f, 0.0) - 1.0
    return {f: v for f, v in row.items() if v}


def pairs(part: list[Group]) -> tuple[list[dict[str, float]], list[int]]:
    """Where an option and the rules' end disagree on being right: should the end move there?"""
    rows, labels = [], []
    for group in part:
        for i, option in enumerate(group.options):
            if i != group.rule and group.labels[i] != group.labels[group.rule]:
                rows.append(pair_row(option, group.options[group.rule]))
                labels.append(group.labels[i])
    return rows, labels


def fit(part: list[Group], c: float) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    rows, labels = pairs(part)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(vectorizer.fit_transform(rows), labels)
    return vectorizer, model


def chosen(group: Group, vectorizer: DictVectorizer, model: LogisticRegression, threshold: float) -> int:
    rule = group.options[group.rule]
    best, best_p = group.rule, threshold
    for i, option in enumerate(group.options):
        if i != group.rule:
            p = float(model.predict_proba(vectorizer.transform([pair_row(option, rule)]))[0, 1])
            if p > best_p:
                best, best_p = i, p
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--docbin", type=Path, required=True, help="parsed train docs (spaCy DocBin)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--c", type=float, default=0.1, help="inverse L2 regularisation strength")
    parser.add_argument("--threshold", type=float, default=0.5, help="probability needed to move an end")
    parser.add_argument(
        "--folds", type=int, default=0, help="print K-fold accuracy of the chosen end and stop"
    )
    args = parser.parse_args()
    golds = [json.loads(line) for line in args.train.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = list(DocBin().from_disk(args.docbin).get_docs(load().vocab))
    BOUNDARY_MODEL.use(None)  # the rules' ends: the options are drawn around them
    per_doc = [groups(doc, gold) for doc, gold in zip(docs, golds, strict=True)]
    BOUNDARY_MODEL.reset()
    if args.folds > 1:
        right = rule_right = total = 0
        for fold in range(args.folds):
            train = [g for i, d in enumerate(per_doc) if i % args.folds != fold for g in d]
            vectorizer, model = fit(train, args.c)
            for doc_groups in per_doc[fold :: args.folds]:
                for group in doc_groups:
                    total += 1
                    right += group.labels[chosen(group, vectorizer, model, args.threshold)]
                    rule_right += group.labels[group.rule]
        print(f"{args.folds}-fold: right end {right} of {total} (rules {rule_right})", file=sys.stderr)
        return 0
    every = [g for d in per_doc for g in d]
    vectorizer, model = fit(every, args.c)
    shipped = LinearModel.fitted(
        vectorizer.get_feature_names_out(), model.coef_[0], model.intercept_[0], args.threshold
    ).to_json()
    trained_on = f"PolNeAR train ({len(golds)} articles), {len(every)} candidates"
    args.out.write_text(json.dumps({"trained_on": trained_on, **shipped}, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(shipped['weights'])} features, {len(every)} candidates)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
