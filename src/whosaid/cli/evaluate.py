"""`whosaid eval GOLD.jsonl`: run the extractor on gold texts and print how well it did."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from whosaid.errors import WhosaidError

KIND_CHOICES = ("direct", "indirect", "mixed")
COLUMNS = (
    ("gold", "gold"),
    ("pred", "pred"),
    ("overlap_p", "ovl P"),
    ("overlap_r", "ovl R"),
    ("overlap_f1", "ovl F1"),
    ("exact_p", "ex P"),
    ("exact_r", "ex R"),
    ("exact_f1", "ex F1"),
    ("speaker_acc", "spk acc"),
    ("speaker_name_acc", "name acc"),
    ("cue_f1", "cue F1"),
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score the extractor on gold JSON Lines (content P/R/F1, speaker accuracy, cue F1)",
        description="Runs the extractor on each gold document's text and scores it against its 'quotes'.",
    )
    parser.add_argument(
        "gold", type=Path, help="gold JSON Lines: id, text, quotes (see shared/data/README.md)"
    )
    parser.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    parser.add_argument(
        "--kinds", help="comma list of kinds to score in the 'all' row, e.g. direct or indirect,mixed"
    )
    parser.add_argument(
        "--min-confidence", type=float, default=0.0, help="drop statements below this confidence"
    )
    parser.add_argument(
        "--write-pred", type=Path, help="also write predictions as `whosaid extract --jsonl` lines"
    )
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.set_defaults(func=run)


def format_table(metrics: dict[str, dict[str, float | int]]) -> str:
    header = f"{'kind':<9}" + "".join(f"{label:>9}" for _, label in COLUMNS)
    rows = [header, "-" * len(header)]
    for kind, values in metrics.items():
        cells = []
        for key, _ in COLUMNS:
            value = values[key]
            cells.append(f"{value:>9}" if isinstance(value, int) else f"{value:>9.3f}")
        rows.append(f"{kind:<9}" + "".join(cells))
    return "\n".join(rows)


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from whosaid import nlp as whosaid_nlp
    from whosaid.extract.scoring import load_gold, score, statement_dict

    kinds = [k.strip() for k in args.kinds.split(",")] if args.kinds else None
    if kinds and not set(kinds) <= set(KIND_CHOICES):
        raise WhosaidError(f"whosaid: --kinds takes a comma list of {', '.join(KIND_CHOICES)}.")
    docs = load_gold(args.gold)[: args.limit]
    nlp = whosaid_nlp.load()
    started = time.perf_counter()
    triples = []
    predictions = []
    texts = (str(d["text"]) for d in docs)
    for gold, doc in zip(
        docs,
        tqdm(nlp.pipe(texts, batch_size=16), total=len(docs), desc="eval", unit="doc", file=sys.stderr),
        strict=True,
    ):
        statements = [s for s in doc._.quotes if s.confidence >= args.min_confidence]
        triples.append((doc.text, gold["quotes"], statements))
        predictions.append(
            {"id": gold["id"], "statements": [statement_dict(s, doc.text) for s in statements]}
        )
    elapsed = time.perf_counter() - started
    metrics = score(triples, kinds).as_dict()
    if args.write_pred:
        with args.write_pred.open("w", encoding="utf-8") as out:
            for line in predictions:
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps({"documents": len(docs), "seconds": round(elapsed, 2), "metrics": metrics}))
    else:
        print(f"{len(docs)} documents from {args.gold} in {elapsed:.1f} s")
        print(format_table(metrics))
        print("ovl = content token F1 >= 0.5; ex = same word tokens; spk acc = name or written phrase agrees")
    return 0
