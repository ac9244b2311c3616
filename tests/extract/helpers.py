"""Paths and small helpers shared by the extractor tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
SEED_GOLD = SHARED / "seed" / "moscow-times-2024-03-26.gold.json"


def golden_pair(folder: str, name: str) -> tuple[str, dict[str, Any]]:
    """A golden file's text and its expectations: ``data/FOLDER/NAME.txt`` and ``NAME.json``."""
    text = (DATA / folder / f"{name}.txt").read_text(encoding="utf-8")
    return text, json.loads((DATA / folder / f"{name}.json").read_text(encoding="utf-8"))
