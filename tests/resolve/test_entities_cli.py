"""`whosaid speakers` and `whosaid entity NAME [--why]` on the demo store built by the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from whosaid.cli import main


def test_speakers_ranks_the_most_quoted_first(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speakers", "--top", "3", "--db", str(demo_db), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 3
    assert rows[0]["name"] == "Marta Kowalin"
    assert rows[0]["articles"] >= 3
    assert [r["statements"] for r in rows] == sorted((r["statements"] for r in rows), reverse=True)
    assert main(["speakers", "--db", str(demo_db)]) == 0
    assert "Marta Kowalin (PERSON)" in capsys.readouterr().out


def test_entity_by_surname_gives_one_person_across_outlets(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["entity", "kowalin", "--why", "--db", str(demo_db), "--json"]) == 0
    profiles = json.loads(capsys.readouterr().out)
    assert len(profiles) == 1
    kowalin = profiles[0]
    assert kowalin["name"] == "Marta Kowalin"
    assert {"Kowalin", "Marta Kowalin"} <= set(kowalin["aliases"])
    assert any("Interior Minister" in r for r in kowalin["roles"])
    outlets = {s["outlet"] for s in kowalin["statements"]}
    assert len(outlets) >= 3
    days = [s["day"] for s in kowalin["statements"]]
    assert days == sorted(days)
    assert len(kowalin["merges"]) >= 3
    assert all(m["why"] for m in kowalin["merges"])
    reasons = [m["why"] for merge in kowalin["merges"] for m in merge["mentions"]]
    assert any("Marta Kowalin" in r for r in reasons)


def test_entity_text_output_and_unknown_name(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entity", "Marta Kowalin", "--why", "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert "aliases:" in out and "timeline:" in out and "same name as stored" in out
    assert main(["entity", "Nobody Known", "--db", str(demo_db)]) == 2
    assert "whosaid speakers" in capsys.readouterr().err


def test_missing_database_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speakers", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "whosaid ingest" in capsys.readouterr().err
