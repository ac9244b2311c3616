"""Model calls of texts of similar lengths (``embed.token_batches``), and vectors that agree with
sentence-transformers' own ``encode`` on the same texts."""

from __future__ import annotations

import numpy as np

from whosaid.link import embed


def test_calls_hold_texts_of_similar_lengths_within_both_limits() -> None:
    lengths = [30, 5, 12, 5, 200, 7, 12, 40, 6]
    calls = embed.token_batches(lengths, most_texts=3, most_tokens=100)
    assert sorted(i for call in calls for i in call) == list(range(len(lengths)))
    # Ascending by length, ties in input order (1 and 3 both have 5 word pieces).
    assert [i for call in calls for i in call] == [1, 3, 8, 5, 2, 6, 0, 7, 4]
    for call in calls:
        assert len(call) <= 3
        padded = max(lengths[i] for i in call) * len(call)
        assert padded <= 100 or len(call) == 1
    # The 200-piece text is over the budget, so it goes alone.
    assert [4] in calls


def test_vectors_agree_with_the_library_encode() -> None:
    texts = [
        "The minister said the plan would fail.",
        "Short.",
        "Officials in Kyiv denied the report, saying no such meeting had taken place on Tuesday.",
        "Short.",
        "“We will not negotiate under threat,” the president told reporters in a statement.",
    ]
    ours = embed.encode(texts)
    model = embed.load_model()
    with embed._threads(1), embed._precision():
        theirs = model.encode(texts, batch_size=16, convert_to_tensor=True, show_progress_bar=False)
    theirs = theirs.float().numpy()
    theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
    assert ours.shape == (5, embed.DIMENSIONS)
    # Same text, same vector; bf16 runs agree with their own batching to ~1e-4.
    assert np.array_equal(ours[1], ours[3])
    assert float(np.min(np.sum(ours * theirs, axis=1))) > 0.9999
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
