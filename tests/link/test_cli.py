"""The across-outlets commands, run in-process through whosaid.cli.main on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from whosaid.cli import main
from whosaid.model import ArticleAnalysis
from whosaid.store import open_store

from .conftest import DATA, demo_articles, statements_in

FNC1 = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "fnc1"
FNC_SCORE = Path(__file__).resolve().parents[2] / ".." / "shared" / "tools" / "fnc_score.py"


@pytest.fixture(scope="module")
def unlinked_demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus stored but not linked: ``whosaid link`` has the work to do."""
    plan = json.loads((DATA / "demo_statements.json").read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("cli") / "demo.duckdb"
    store = open_store(path)
    for article in demo_articles():
        store.add(ArticleAnalysis(article, statements_in(article, plan[article.title])))
    store.close()
    return path


def test_link_then_stories_claims_conflicts(
    unlinked_demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(unlinked_demo_db)
    assert main(["link", "--db", db]) == 0
    assert "6 articles linked; 2 new stories" in capsys.readouterr().out

    assert main(["stories", "--db", db, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    (karsvik,) = [s for s in found if s["n_articles"] == 5]

    assert main(["stories", "--db", db]) == 0
    assert karsvik["id"] in capsys.readouterr().out

    assert main(["claims", "--db", db, "--story", karsvik["id"]]) == 0
    assert "Emil Sorensen" in capsys.readouterr().out

    assert main(["conflicts", "--db", db, "--speaker", "Lund"]) == 0
    text = capsys.readouterr().out
    assert "Helena Lund" in text and "Piotr Nowak" in text and "Karsvik Post" in text and "2025-06-11" in text

    assert main(["conflicts", "--db", db, "--json"]) == 0
    conflicts = json.loads(capsys.readouterr().out)
    assert any(
        c["about"] == "death toll: 12 vs 17" or c["about"] == "death toll: 17 vs 12" for c in conflicts
    )

    assert main(["link", "--db", db]) == 0
    assert "0 articles linked" in capsys.readouterr().out


def test_claims_of_an_unknown_story_says_what_to_do(
    unlinked_demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["claims", "--db", str(unlinked_demo_db), "--story", "story-nope"]) == 2
    assert "whosaid stories" in capsys.readouterr().err


def test_missing_database_is_an_error_not_a_new_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["conflicts", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "Ingest articles first" in capsys.readouterr().err
    assert not (tmp_path / "none.duckdb").exists()


def test_stance_keeps_lines_and_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        {"id": 1, "headline": "Port blast was sabotage, opposition says",
         "body": "The opposition leader said the port explosion was sabotage. The minister denied it."},
        {"id": 2, "headline": "Rail line to reopen in September",
         "body": "Twelve people were killed in an explosion at a fuel depot, the minister said."},
    ]  # fmt: skip
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert main(["stance", "--jsonl", str(path)]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in out] == [1, 2]
    assert all(x["stance"] in ("agree", "disagree", "discuss", "unrelated") for x in out)
    assert {k: v for k, v in out[0].items() if k != "stance"} == lines[0]
    assert out[1]["stance"] == "unrelated"


def test_eval_stance_matches_the_reference_scorer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not FNC1.is_dir():
        pytest.skip(f"FNC-1 data is not beside the repository ({FNC1})")
    with (FNC1 / "dev.jsonl").open(encoding="utf-8") as f:
        sample = [json.loads(line) for _, line in zip(range(300), f, strict=False)]
    gold = tmp_path / "dev-sample.jsonl"
    gold.write_text("".join(json.dumps(x) + "\n" for x in sample), encoding="utf-8")
    bodies = str(FNC1 / "bodies.jsonl")
    assert main(["eval-stance", str(gold), "--bodies", bodies, "--json"]) == 0
    ours = json.loads(capsys.readouterr().out)
    predicted = tmp_path / "pred.jsonl"
    assert main(["stance", "--jsonl", str(gold), "--bodies", bodies, "--out", str(predicted)]) == 0
    reference = subprocess.run(
        [sys.executable, str(FNC_SCORE), str(gold), str(predicted)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(reference.stdout) == ours
    assert ours["relative_score"] > 0.75
