"""Paths and small helpers shared by the extractor tests."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
SEED_GOLD = SHARED / "seed" / "moscow-times-2024-03-26.gold.json"
