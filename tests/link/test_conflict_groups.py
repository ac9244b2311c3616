"""`whosaid conflicts` reads one entry per disagreement; `--every-pair` and --json keep every pair."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from whosaid.cli import main
from whosaid.link import conflicts
from whosaid.link.conflict_groups import group_conflicts, point_of
from whosaid.store import open_store


def _speakers(conflict: dict[str, object]) -> frozenset[str]:
    return frozenset(
        str(side.get("speaker") or side.get("speaker_text") or "(unknown speaker)")  # type: ignore[attr-defined]
        for side in (conflict["a"], conflict["b"])
    )


def test_groups_cover_every_conflict_once(demo_db: Path) -> None:
    with open_store(str(demo_db)) as store:
        found = conflicts(store)
    groups = group_conflicts(found)
    assert found, "the demo corpus has conflicts"
    assert sum(g["pairs"] for g in groups) == len(found)
    assert len(groups) < len(found), "repeated disagreements were not grouped"
    keys = [(frozenset(g["speakers"]), point_of(g["about"])) for g in groups]
    assert len(set(keys)) == len(keys), "two groups for one disagreement"
    for group, key in zip(groups, keys, strict=True):
        members = [c for c in found if (_speakers(c), point_of(c.get("about"))) == key]
        assert len(members) == group["pairs"]
        assert group["best"] in members
        assert group["best"]["score"] == max(c["score"] for c in members)
    scores = [g["best"]["score"] for g in groups]
    assert scores == sorted(scores, reverse=True)


def test_the_command_groups_by_default_and_lists_every_pair_on_request(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["conflicts", "--db", str(demo_db), "--json"]) == 0
    pairs = json.loads(capsys.readouterr().out)
    assert main(["conflicts", "--db", str(demo_db)]) == 0
    grouped = capsys.readouterr().out
    assert main(["conflicts", "--db", str(demo_db), "--every-pair"]) == 0
    every = capsys.readouterr().out
    assert every.count("CONFLICT") == len(pairs)
    assert 0 < grouped.count("CONFLICT") < len(pairs)
    assert "more pair" in grouped
