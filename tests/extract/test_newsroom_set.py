"""The newsroom evaluation set (``eval/newsroom``): its gold files are what its annotations build
to, and every span in them slices back to its words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import REPO

SET = REPO / "eval" / "newsroom"
SPLITS = ("dev", "test")


@pytest.mark.parametrize("split", SPLITS)
def test_the_gold_file_is_what_the_annotations_build(split: str, tmp_path: Path) -> None:
    built = tmp_path / f"{split}.jsonl"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_gold.py"), str(SET / split), str(built)],
        check=True,
        capture_output=True,
    )
    assert built.read_text(encoding="utf-8") == (SET / f"{split}.jsonl").read_text(encoding="utf-8"), (
        f"eval/newsroom/{split}.jsonl is stale: rebuild it with scripts/build_gold.py"
    )


@pytest.mark.parametrize("split", SPLITS)
def test_every_gold_span_slices_back_to_its_words(split: str) -> None:
    docs = [json.loads(line) for line in (SET / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 108
    for doc in docs:
        text = doc["text"]
        assert doc["quotes"], doc["id"]
        for quote in doc["quotes"]:
            parts = [text[s:e] for s, e in quote["content_parts"]]
            assert " ".join(parts) == quote["content"]
            assert quote["content_span"] == [quote["content_parts"][0][0], quote["content_parts"][-1][1]]
            if quote["speaker_span"] is not None:
                s, e = quote["speaker_span"]
                assert text[s:e] == quote["speaker_as_written"]
            if quote["cue_span"] is not None:
                s, e = quote["cue_span"]
                assert text[s:e] == quote["cue"]
            assert quote["kind"] in ("direct", "indirect", "mixed")
