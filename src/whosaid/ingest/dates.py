"""Publication dates as readers meet them: a markdown date line, ISO strings, feed time tuples."""

from __future__ import annotations

import re
import time
from datetime import date, datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
# "March 26, 2024" / "Mar. 26 2024" / "Tuesday, March 26, 2024"
_MONTH_FIRST = re.compile(_WEEKDAY + r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)
# "26 March 2024" / "26th of March, 2024"
_DAY_FIRST = re.compile(_WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})", re.I)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
# Bylines often label the date and add the time: "Published 12 October 2026", "Updated: March 3,
# 2016 at 10:45 a.m. EST", "Posted on 2026-11-20 | 14:05". The label and the time are dropped.
_LABEL = re.compile(r"(?:first\s+|last\s+)?(?:published|updated|posted|date)(?:\s+on)?\s*:?\s+", re.I)
# A clock time as bylines and live pages write it: "10:45 a.m. EST", "14:05", "2.05pm".
CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?"
_TIME = re.compile(rf"(?:\s*[,|\u2022\u00b7-]\s*|\s+at\s+|\s+){CLOCK}$", re.I)


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date_line(line: str) -> date | None:
    """A whole line that is only a date (the seed's ``March 26, 2024``), else None."""
    line = line.strip().strip("*_").strip()
    if len(line) > 60:
        return None
    label = _LABEL.match(line)
    if label:
        line = line[label.end() :]
    line = _TIME.sub("", line).strip()
    match = _ISO.fullmatch(line)
    if match:
        return _make(int(match[1]), int(match[2]), int(match[3]))
    match = _MONTH_FIRST.fullmatch(line)
    if match and match[1].lower() in _MONTHS:
        return _make(int(match[3]), _MONTHS[match[1].lower()], int(match[2]))
    match = _DAY_FIRST.fullmatch(line)
    if match and match[2].lower() in _MONTHS:
        return _make(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    return None


def parse_iso_date(value: str) -> date | None:
    """``2024-03-26`` or an ISO timestamp starting with it; None for anything else."""
    match = _ISO.match(value.strip())
    if not match:
        return None
    return _make(int(match[1]), int(match[2]), int(match[3]))


def date_from_struct(value: time.struct_time | None) -> date | None:
    """feedparser's ``published_parsed`` (a UTC time tuple) as a date."""
    if value is None:
        return None
    try:
        return datetime(*value[:6]).date()
    except (TypeError, ValueError):
        return None
