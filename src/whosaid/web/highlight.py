"""Cuts an article's text into segments at every statement boundary, for highlighting by speaker.

Highlights are built from the stored offsets only. Each segment carries plain text (the template
escapes it) and which statement, if any, it belongs to; nested quotes take the innermost statement.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from whosaid.store.base import Row

PALETTE_SIZE = 10  # colour classes c0..c9 in style.css


@dataclass(slots=True)
class Segment:
    text: str
    statement: Row | None = None  # the innermost statement whose content covers this text
    colour: str = ""  # CSS class of the statement's speaker
    role: str = ""  # "speaker" or "cue" when the text names the speaker or is the cue
    anchor: str = ""  # element id on the first segment of a statement, for #s-3 links


@dataclass(slots=True)
class Highlighted:
    segments: list[Segment]
    # Speaker name -> colour class, in order of first appearance, for the legend.
    legend: dict[str, str] = field(default_factory=dict)


def speaker_label(statement: Row) -> str:
    return str(statement.get("speaker") or statement.get("speaker_text") or "unknown speaker")


def colours_by_speaker(statements: list[Row]) -> dict[str, str]:
    """A colour class per speaker, distinct within an article for the first ten speakers."""
    legend: dict[str, str] = {}
    for st in sorted(statements, key=lambda s: s["content_start"]):
        name = speaker_label(st)
        if name not in legend:
            legend[name] = "cx" if name == "unknown speaker" else f"c{len(legend) % PALETTE_SIZE}"
    return legend


def _valid(start: Any, end: Any, size: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size


def _ranges(statement: Row) -> list[tuple[Any, Any]]:
    """What of the text the statement's highlight covers: the pieces of a quote its attribution
    interrupts (``content_parts`` as the API gives them), so the attribution between stays plain;
    else the whole content."""
    parts = statement.get("content_parts") or []
    pieces = [(p.get("start"), p.get("end")) for p in parts if isinstance(p, dict)]
    return pieces or [(statement["content_start"], statement["content_end"])]


def highlight(text: str, statements: list[Row]) -> Highlighted:
    legend = colours_by_speaker(statements)
    size = len(text)
    contents: list[tuple[int, int, Row]] = []
    marks: list[tuple[int, int, str, Row]] = []
    cuts = {0, size}
    for st in statements:
        for start, end in _ranges(st):
            if _valid(start, end, size):
                contents.append((start, end, st))
                cuts.update((start, end))
        for role in ("speaker", "cue"):
            start, end = st.get(f"{role}_start"), st.get(f"{role}_end")
            if isinstance(start, int) and isinstance(end, int) and _valid(start, end, size):
                marks.append((start, end, role, st))
                cuts.update((start, end))
    points = sorted(cuts)
    segments: list[Segment] = []
    anchored: set[str] = set()
    for start, end in itertools.pairwise(points):
        if start == end:
            continue
        covering = [c for c in contents if c[0] <= start and end <= c[1]]
        inner = min(covering, key=lambda c: c[1] - c[0])[2] if covering else None
        mark = next((m for m in marks if m[0] <= start and end <= m[1]), None)
        owner = inner if inner is not None else (mark[3] if mark else None)
        segment = Segment(text[start:end], statement=inner)
        if owner is not None:
            segment.colour = legend[speaker_label(owner)]
        if mark is not None:
            segment.role = mark[2]
            segment.colour = legend[speaker_label(mark[3])]
        if inner is not None and inner["id"] not in anchored:
            anchored.add(inner["id"])
            segment.anchor = f"s-{inner['idx']}"
        segments.append(segment)
    return Highlighted(segments, legend)


def tooltip(statement: Row) -> str:
    """What hovering a highlight shows: speaker, cue, date, confidence."""
    parts = [speaker_label(statement)]
    if statement.get("speaker_role"):
        parts[0] += f" ({statement['speaker_role']})"
    if statement.get("via"):
        parts.append(f"via {statement['via']}")
    if statement.get("cue"):
        parts.append(f"cue: {statement['cue']}")
    said_on = statement.get("said_on")
    if said_on:
        fallback = " (publication date)" if statement.get("said_on_is_fallback") else ""
        parts.append(f"said on {said_on}{fallback}")
    parts.append(f"{statement.get('kind', '')} quote, confidence {float(statement['confidence']):.2f}")
    return " · ".join(parts)
