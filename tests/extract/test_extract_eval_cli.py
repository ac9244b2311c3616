"""`whosaid eval` on a small gold file made from the golden texts: prints the metrics, agrees with
the reference scorer in ../shared/tools/score.py on the same predictions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from whosaid.cli import main

from .helpers import DATA, SHARED


def write_gold(path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for txt in sorted(DATA.glob("*.txt")):
            text = txt.read_text(encoding="utf-8")
            expected = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))["statements"]
            quotes = []
            for item in expected:
                start = text.index(item["content"])
                quotes.append(
                    {
                        "content": item["content"],
                        "content_span": [start, start + len(item["content"])],
                        "speaker": item.get("speaker") or item.get("speaker_text"),
                        "cue": item.get("cue"),
                        "kind": item["kind"],
                    }
                )
                count += 1
            out.write(json.dumps({"id": txt.stem, "text": text, "quotes": quotes}) + "\n")
    return count


def test_eval_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    write_gold(gold)
    assert main(["eval", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "ovl F1" in out and "spk acc" in out and "cue F1" in out
    rows = {
        line.split()[0]: line.split()
        for line in out.splitlines()
        if line.split()[:1] in (["all"], ["direct"])
    }
    assert set(rows) == {"all", "direct"}


def test_eval_json_and_reference_scorer_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    n_gold = write_gold(gold)
    pred = tmp_path / "pred.jsonl"
    assert main(["eval", str(gold), "--json", "--write-pred", str(pred)]) == 0
    report = json.loads(capsys.readouterr().out)
    metrics = report["metrics"]["all"]
    assert metrics["gold"] == n_gold
    assert metrics["overlap_r"] >= 0.9 and metrics["speaker_acc"] >= 0.9
    assert report["documents"] == len(list(DATA.glob("*.txt")))
    scorer = SHARED / "tools" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"{scorer} is absent (CI copies shared/ beside the clone)")
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True, check=True
    )
    reference = json.loads(result.stdout)
    assert reference["gold"] == metrics["gold"] and reference["pred"] == metrics["pred"]
    assert abs(reference["overlap_f1"] - metrics["overlap_f1"]) < 0.01
    assert abs(reference["exact_f1"] - metrics["exact_f1"]) < 0.01
    assert abs(reference["speaker_acc"] - metrics["speaker_name_acc"]) < 0.01


def test_eval_rejects_unknown_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    write_gold(gold)
    assert main(["eval", str(gold), "--kinds", "rumour"]) == 2
    assert "--kinds" in capsys.readouterr().err


def test_eval_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path / "absent.jsonl")]) == 2
    assert "cannot read gold file" in capsys.readouterr().err
