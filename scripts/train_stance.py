"""Train whosaid's stance model on FNC-1 and write src/whosaid/link/models/stance.joblib.

usage: .venv/bin/python scripts/train_stance.py [--data ../shared/data/fnc1] [--cache /tmp/whosaid-fnc1]

Learns from FNC-1's training pairs (train.jsonl: 44,440 headline/body pairs, split by body) and reports
the FNC-1 relative score and per-class F1 on dev.jsonl (5,532 pairs, bodies unseen in training).
Sentence embeddings of the 1,683 bodies are computed once and cached outside the repository.
The artefact holds a TF-IDF vocabulary and two classifiers, never article text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from numpy.typing import NDArray
from sklearn.decomposition import PCA
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction.text import TfidfVectorizer

from whosaid.link import embed
from whosaid.link.stance import RELATED_STANCES, StanceModel
from whosaid.link.stance_features import PreparedText, embedding_block, prepare_text
from whosaid.link.stance_score import fnc_score

ROOT = Path(__file__).resolve().parents[1]
ARTEFACT = ROOT / "src" / "whosaid" / "link" / "models" / "stance.joblib"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cached_vectors(name: str, texts: list[str], cache: Path) -> NDArray[np.float32]:
    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    path = cache / f"{name}-{digest}.npy"
    if path.exists():
        return np.load(path)  # type: ignore[no-any-return]
    started = time.time()
    vectors = embed.encode(texts)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    print(f"embedded {len(texts)} {name} in {time.time() - started:.0f}s", flush=True)
    return vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data" / "fnc1")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/whosaid-fnc1"))
    parser.add_argument("--out", type=Path, default=ARTEFACT)
    args = parser.parse_args()

    body_texts = {int(b["body_id"]): b["text"] for b in read_jsonl(args.data / "bodies.jsonl")}
    train = read_jsonl(args.data / "train.jsonl")
    dev = read_jsonl(args.data / "dev.jsonl")
    train_bodies = {p["body_id"] for p in train}

    vectorizer = TfidfVectorizer(
        max_features=20000, stop_words="english", sublinear_tf=True, dtype=np.float32
    )
    vectorizer.fit([body_texts[b] for b in sorted(train_bodies)] + sorted({p["headline"] for p in train}))

    body_ids = sorted(body_texts)
    body_sentences = {b: embed.split_sentences(body_texts[b]) or [body_texts[b]] for b in body_ids}
    flat = [s for b in body_ids for s in body_sentences[b]]
    flat_vectors = cached_vectors("body-sentences", flat, args.cache)
    bodies: dict[int, PreparedText] = {}
    at = 0
    for b in body_ids:
        n = len(body_sentences[b])
        bodies[b] = prepare_text(body_sentences[b], flat_vectors[at : at + n], vectorizer)
        at += n
    headlines = sorted({p["headline"] for p in train + dev})
    head_vectors = cached_vectors("headlines", headlines, args.cache)
    heads = {h: prepare_text([h], head_vectors[i : i + 1], vectorizer) for i, h in enumerate(headlines)}

    projection = PCA(n_components=32, random_state=7)
    projection.fit(np.asarray([embedding_block(heads[p["headline"]], bodies[p["body_id"]]) for p in train]))
    draft = StanceModel(vectorizer=vectorizer, related=None, stance=None, projection=projection)
    x_train = draft.features([(heads[p["headline"]], bodies[p["body_id"]]) for p in train])
    x_dev = draft.features([(heads[p["headline"]], bodies[p["body_id"]]) for p in dev])
    y_train = np.asarray([p["stance"] for p in train])
    print(f"features: {x_train.shape[1]} for {len(train)} train and {len(dev)} dev pairs", flush=True)

    related = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.08, random_state=7)
    related.fit(x_train, (y_train != "unrelated").astype(int))
    is_related = y_train != "unrelated"
    counts = {c: int(np.sum(y_train[is_related] == c)) for c in RELATED_STANCES}
    # Square roots of balanced weights: the rare disagree class (2% of pairs) counts for more
    # without being forced to equal discuss, which would cost the discuss class too much.
    weights = np.sqrt([len(y_train[is_related]) / (3 * counts[c]) for c in y_train[is_related]])
    stance = HistGradientBoostingClassifier(
        max_iter=400, learning_rate=0.06, max_leaf_nodes=31, l2_regularization=1.0, random_state=7
    )
    stance.fit(x_train[is_related], y_train[is_related], sample_weight=weights)
    model = StanceModel(vectorizer=vectorizer, related=related, stance=stance, projection=projection)

    gold = [p["stance"] for p in dev]
    result = fnc_score(gold, model.decide(model.probabilities(x_dev)))
    print("dev:", json.dumps(result), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model.payload(), args.out, compress=3)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
