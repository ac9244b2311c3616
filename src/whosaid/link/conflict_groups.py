"""Conflicts grouped for reading: one entry per disagreement, not per pair of article copies.

The same disagreement (the minister's toll against the hospital's) is found once for every pair of
articles that report the two sides, so a reader would otherwise see it a dozen times over.
"""

from __future__ import annotations

from typing import Any


def _speaker(side: dict[str, Any]) -> str:
    return str(side.get("speaker") or side.get("speaker_text") or "(unknown speaker)")


def point_of(about: str | None) -> str:
    """The point disagreed on, whichever side came first: "toll: 17 vs 12" == "toll: 12 vs 17"."""
    label, _, sides = (about or "").rpartition(": ")
    return label + ": " + " vs ".join(sorted(sides.split(" vs ")))


def group_conflicts(conflicts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Conflicts (as ``whosaid.link.conflicts`` returns them) grouped by the two speakers and the point.

    Each group: ``{"about", "speakers", "best", "pairs", "outlets"}`` where ``best`` is the
    highest-scoring conflict of the group, ``pairs`` how many conflicts it stands for and ``outlets``
    every outlet that carried either side. Groups come best score first; nothing is dropped.
    """
    groups: dict[tuple[frozenset[str], str], dict[str, Any]] = {}
    for conflict in conflicts:
        speakers = frozenset((_speaker(conflict["a"]), _speaker(conflict["b"])))
        key = (speakers, point_of(conflict.get("about")))
        group = groups.setdefault(
            key,
            {"about": conflict.get("about"), "speakers": sorted(speakers), "best": conflict, "pairs": 0,
             "outlets": set()},
        )  # fmt: skip
        group["pairs"] += 1
        if conflict["score"] > group["best"]["score"]:
            group["best"] = conflict
        group["outlets"].update(o for o in (conflict["a"].get("outlet"), conflict["b"].get("outlet")) if o)
    ordered = sorted(groups.values(), key=lambda g: (-g["best"]["score"], g["speakers"], g["about"] or ""))
    for group in ordered:
        group["outlets"] = sorted(group["outlets"])
    return ordered
