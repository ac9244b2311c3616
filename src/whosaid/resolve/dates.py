"""Date expressions resolved against the publication date.

News copy dates events relative to the day it is published ("said Tuesday", "early Saturday",
"late last week"). Rules here cover the relative forms; absolute forms ("March 22", "in 2004") are
read directly; spaCy DATE entities that no rule reads go to dateparser. A weekday is the most
recent such day on or before publication, unless the verb is in the future tense.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from whosaid.model import DateMention, Granularity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS |= {"sept": 9}
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?P<part>early|late|mid-?|earlier|later)"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_FUTURE_WORDS = {"will", "'ll", "shall", "scheduled", "expected", "plans", "plan", "planned", "due"}


@dataclass(frozen=True, slots=True)
class Resolved:
    start: date
    end: date
    granularity: Granularity


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _part_of(start: date, end: date, part: str | None, unit: str) -> Resolved:
    """Narrow a week, month or year to its early, middle or late third ("late last week")."""
    days = (end - start).days + 1
    if not part or part in {"earlier", "later"}:
        return Resolved(start, end, unit if unit in {"week", "month", "year"} else "range")  # type: ignore[arg-type]
    third = {"week": 3, "month": 10, "year": 120}.get(unit, max(1, days // 3))
    if part.startswith("early"):
        return Resolved(start, start + timedelta(days=third - 1), "range")
    if part.startswith("mid"):
        middle = start + timedelta(days=(days - third) // 2)
        return Resolved(middle, middle + timedelta(days=third - 1), "range")
    if unit == "week":  # late in a week: Thursday to Saturday; the weekend is named as such
        return Resolved(start + timedelta(days=3), start + timedelta(days=5), "range")
    return Resolved(end - timedelta(days=third - 1), end, "range")


def _weekday(published: date, name: str, relation: str | None, future: bool) -> date:
    target = WEEKDAYS.index(name.lower())
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if relation == "next" or (future and relation != "last"):
        return published + timedelta(days=ahead or 7 if relation == "next" else ahead)
    if relation == "last":
        return published - timedelta(days=back or 7)
    return published - timedelta(days=back)


def _period(published: date, unit: str, relation: str) -> tuple[date, date]:
    shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[relation]
    if unit in {"week", "weekend"}:
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
        if unit == "weekend":
            saturday = monday + timedelta(days=5)
            if relation in {"last", "past", "this"} and saturday > published:
                saturday -= timedelta(weeks=1)
            return saturday, saturday + timedelta(days=1)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + shift
        year, month = divmod(month_index, 12)
        return date(year, month + 1, 1), _month_end(year, month + 1)
    year = published.year + shift
    return date(year, 1, 1), date(year, 12, 31)


def _year_for(published: date, month: int, day: int, future: bool) -> int:
    """A month and day without a year: this year, or last year if that would be after publication."""
    try:
        candidate = date(published.year, month, day)
    except ValueError:
        return published.year
    if candidate > published + timedelta(days=1) and not future:
        return published.year - 1
    return published.year


Rule = tuple[re.Pattern[str], Callable[[re.Match[str], date, bool], Resolved | None]]


def _r_weekday(m: re.Match[str], pub: date, future: bool) -> Resolved:
    rel = (m["rel"] or "").lower().replace("this past", "last") or None
    day = _weekday(pub, m["weekday"], rel, future)
    return Resolved(day, day, "day")


def _r_period(m: re.Match[str], pub: date, future: bool) -> Resolved:
    unit = m["unit"].lower()
    start, end = _period(pub, unit, m["rel"].lower())
    part = (m["part"] or "").lower() or None
    if part == "earlier" and m["rel"].lower() == "this":
        return Resolved(start, min(end, pub), "range")
    if unit == "weekend":
        return Resolved(start, end, "range")
    return _part_of(start, end, part, unit)


def _r_month_day(m: re.Match[str], pub: date, future: bool) -> Resolved | None:
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(m["day"])
    year = int(m["year"]) if m["year"] else _year_for(pub, month, day, future)
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return Resolved(value, value, "day")


def _r_month(m: re.Match[str], pub: date, future: bool) -> Resolved:
    groups = m.groupdict()
    month = MONTHS[m["month"].lower().rstrip(".")]
    year = int(groups["year"]) if groups.get("year") else _year_for(pub, month, 1, future)
    part = (groups.get("part") or "").lower() or None
    return _part_of(date(year, month, 1), _month_end(year, month), part, "month")


def _r_year(m: re.Match[str], pub: date, future: bool) -> Resolved:
    year = int(m["year"])
    return _part_of(date(year, 1, 1), date(year, 12, 31), (m["part"] or "").lower() or None, "year")


def _r_near(m: re.Match[str], pub: date, future: bool) -> Resolved:
    word = m[0].lower()
    offset = -1 if word in {"yesterday", "last night"} else 1 if word == "tomorrow" else 0
    day = pub + timedelta(days=offset)
    return Resolved(day, day, "day")


def _r_ago(m: re.Match[str], pub: date, future: bool) -> Resolved:
    count = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        day = pub - timedelta(days=count)
        return Resolved(day, day, "day")
    if unit == "week":
        day = pub - timedelta(weeks=count)
        monday = day - timedelta(days=day.weekday())
        return Resolved(monday, monday + timedelta(days=6), "week")
    if unit == "month":
        start, _ = _period(pub, "month", "this")
        index = start.year * 12 + start.month - 1 - count
        year, month = divmod(index, 12)
        return Resolved(date(year, month + 1, 1), _month_end(year, month + 1), "month")
    return Resolved(date(pub.year - count, 1, 1), date(pub.year - count, 12, 31), "year")


_I = re.IGNORECASE
# Ordered: longer forms first; a later rule never takes text an earlier one matched.
RULES: list[Rule] = [
    (
        re.compile(
            rf"\b(?:{_PART}\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
        ),
        _r_month_day,
    ),
    (
        re.compile(
            rf"\b(?:{_PART}\s+(?:in\s+)?)?(?P<rel>last|this|next|past|previous|coming)\s+(?P<unit>week|weekend|month|year)\b",
            _I,
        ),
        _r_period,
    ),
    (
        re.compile(
            rf"\b(?:{_PART}\s+)?(?:(?P<rel>last|next|this past|this)\s+)?{_DAY}"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b"
        ),
        _r_weekday,
    ),
    (re.compile(r"\b(?:yesterday|today|tonight|tomorrow|last night|this morning)\b", _I), _r_near),
    (
        re.compile(
            r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b",
            _I,
        ),
        _r_ago,
    ),
    (re.compile(rf"\b(?:{_PART}\s+)?{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b"), _r_month),
    (
        re.compile(
            rf"(?:\b(?:in|since|until|by|during|of)\s+(?:(?:early|late|mid-?)\s*)?|\b{_PART}\s+){_MONTH}\b(?!\s+\d)"
        ),
        _r_month,
    ),
    (
        re.compile(
            rf"(?:\b(?:in|since|until|by|during)\s+)(?:{_PART}\s+)?(?P<year>(?:19|20)\d\d)\b(?![-/\d])"
        ),
        _r_year,
    ),
]


def _future(doc: Doc | None, start: int) -> bool:
    """Is the clause around the character offset in the future tense ("will meet on Friday")?"""
    if doc is None:
        return False
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None or len(token) == 0:
        return False
    head = token[0]
    for _ in range(4):
        if head.pos_ in {"VERB", "AUX"} or head.head is head:
            break
        head = head.head
    words = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}} | {head.lower_}
    going_to = any(c.lower_ == "going" for c in head.children) or head.lower_ == "going"
    return bool(words & _FUTURE_WORDS) or going_to


def _spans(text: str) -> Iterator[tuple[int, int, re.Match[str], Rule]]:
    taken: list[tuple[int, int]] = []
    for rule in RULES:
        for m in rule[0].finditer(text):
            start = m.start("part") if "part" in m.re.groupindex and m["part"] else _first_group(m)
            end = m.end()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            yield start, end, m, rule


def _first_group(m: re.Match[str]) -> int:
    """Start of the expression proper, after a leading "in"/"since" that only located it."""
    starts = [m.start(g) for g in m.re.groupindex if m[g] is not None]
    return min(starts) if starts else m.start()


def resolve_dates(
    text: str, article_id: str, published: date | None, doc: Doc | None = None
) -> list[DateMention]:
    """Every date expression in ``text`` that can be placed on the calendar."""
    if published is None:
        return []
    found: list[DateMention] = []
    for start, end, m, (_, resolve) in _spans(text):
        resolved = resolve(m, published, _future(doc, start))
        if resolved is not None:
            found.append(
                DateMention(
                    article_id,
                    Span(start, end),
                    text[start:end],
                    resolved.start,
                    resolved.end,
                    resolved.granularity,
                )
            )
    if doc is not None:
        found += _dateparser_extras(doc, article_id, published, found)
    return sorted(found, key=lambda d: d.span.start)


def _dateparser_extras(
    doc: Doc, article_id: str, published: date, known: list[DateMention]
) -> list[DateMention]:
    """spaCy DATE entities no rule read ("Sept. 11, 2001" forms, "2016-09-11"), through dateparser."""
    import dateparser

    extras: list[DateMention] = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(
            d.span.start < ent.end_char and ent.start_char < d.span.end for d in known
        ):
            continue
        raw = ent.text.strip()
        start = ent.start_char + ent.text.index(raw)
        if re.fullmatch(r"(?:19|20)\d\d", raw):  # "the 2004 Beslan school siege"
            year = int(raw)
            extras.append(
                DateMention(
                    article_id, Span(start, start + 4), raw, date(year, 1, 1), date(year, 12, 31), "year"
                )
            )
            continue
        if not re.search(r"\d", raw) or re.fullmatch(r"\d{4}s?|\d+\s+\w+", raw) or len(raw) > 40:
            continue  # bare years and durations ("19 years") are no dates
        settings = {
            "RELATIVE_BASE": _midnight(published),
            "PREFER_DATES_FROM": "past",
            "STRICT_PARSING": True,
        }
        parsed = dateparser.parse(raw, languages=["en"], settings=settings)
        if parsed is None:
            continue
        day = parsed.date()
        extras.append(DateMention(article_id, Span(start, start + len(raw)), raw, day, day, "day"))
    return extras


def _midnight(day: date) -> object:
    from datetime import datetime

    return datetime(day.year, day.month, day.day)
