"""Synthetic news-like articles for the scale tests and benchmarks (made up here, free to ship).

Every article has a title, an outlet, a publication day, and paragraphs mixing direct quotes,
indirect statements, figures and plain narration, so extraction does realistic work on them.
Deterministic for a given seed; generated on the fly, so a 100k-article file costs no repository space.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

FIRST = ("Anna", "Erik", "Maria", "Jonas", "Leila", "Tomas", "Sofia", "Karim", "Ingrid", "Pavel", "Nadia")
LAST = ("Lindqvist", "Dahl", "Okafor", "Berg", "Haddad", "Novak", "Moreau", "Santos", "Keller", "Ivanova")
ROLES = (
    "Mayor",
    "Police spokesman",
    "Health Minister",
    "union leader",
    "opposition lawmaker",
    "harbour director",
    "Professor",
    "fire chief",
)
OUTLETS = ("Harbour Gazette", "Nordvik Daily", "Karsvik Post", "Nordpress Wire", "Coastal Herald")
PLACES = ("Nordvik", "Karsvik", "the old harbour", "the northern district", "the ring road", "the port")
TOPICS = (
    ("the flood", "water levels", "evacuations"),
    ("the strike", "wages", "the ferry service"),
    ("the budget", "school funding", "tax rises"),
    ("the fire", "the warehouse", "emergency crews"),
    ("the election", "turnout", "the coalition talks"),
)
CUES = ("said", "told reporters", "added", "warned", "insisted", "stressed")
INDIRECT_CUES = ("said", "claimed", "argued", "denied", "announced", "warned")
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "last week", "yesterday", "on Friday")
NARRATION = (
    "Residents gathered near {place} as {t1} dominated conversations in cafes and on the ferries.",
    "The council met for three hours to discuss {t1} and {t2}, according to minutes seen by reporters.",
    "Officials released new figures on {t2} late in the evening, after days of pressure from the press.",
    "Traffic was diverted around {place} while crews inspected the damage caused by {t1}.",
    "Critics have long argued that {t2} was neglected for years before {t1} brought it to public attention.",
    "Local businesses near {place} reported fewer customers than usual during the week.",
)
DIRECT = (
    "We will not accept any delay on {t2}, and people deserve answers now",
    "Nobody expected {t1} to hit {place} this hard, but we are ready to help",
    "The numbers on {t3} are worse than we were told",
    "This is about trust, and trust is earned by telling the truth about {t2}",
    "I have spoken to the families, and they want action on {t3}",
)
INDIRECT = (
    "{n} people had been affected by {t1} in {place}",
    "the government had ignored warnings about {t2} for months",
    "the cost of {t3} would rise by {n} percent next year",
    "talks on {t2} would resume after the weekend",
    "{n} workers had joined the protest near {place}",
)


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{rng.choice(ROLES)} {first} {last}", last


def _paragraph(rng: random.Random, topic: tuple[str, str, str]) -> str:
    t1, t2, t3 = topic
    fill = {"t1": t1, "t2": t2, "t3": t3, "place": rng.choice(PLACES), "n": rng.randint(2, 900)}
    full, short = _person(rng)
    lead = full[0].upper() + full[1:]  # at the start of a sentence
    kind = rng.random()
    if kind < 0.35:
        quote = rng.choice(DIRECT).format(**fill)
        said = f"{rng.choice(CUES)} {full} {rng.choice(DAYS)}"
        body = f'"{quote}," {said}.'
        if rng.random() < 0.5:
            body += f" {short} added that {rng.choice(INDIRECT).format(**fill)}."
        return body + " " + rng.choice(NARRATION).format(**fill)
    if kind < 0.7:
        statement = rng.choice(INDIRECT).format(**fill)
        return f"{lead} {rng.choice(INDIRECT_CUES)} that {statement}. " + rng.choice(NARRATION).format(**fill)
    return " ".join(rng.choice(NARRATION).format(**fill) for _ in range(2))


def article_record(number: int, seed: int = 7, paragraphs: int = 8) -> dict[str, Any]:
    """One JSON Lines record (``id``, ``title``, ``text``, ``published``, ``outlet``, ``url``)."""
    rng = random.Random(seed * 1_000_003 + number)
    topic = rng.choice(TOPICS)
    title = f"{topic[0].capitalize()} in {rng.choice(PLACES)}: {topic[1]} under scrutiny ({number})"
    body = [_paragraph(rng, topic) for _ in range(paragraphs)]
    outlet = rng.choice(OUTLETS)
    published = date(2025, 6, 1) + timedelta(days=rng.randint(0, 13))
    return {
        "id": f"syn-{seed}-{number}",
        "title": title,
        "text": "\n\n".join([title, *body]),
        "published": published.isoformat(),
        "outlet": outlet,
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{number}",
    }


def records(count: int, seed: int = 7, paragraphs: int = 8) -> Iterator[dict[str, Any]]:
    for number in range(count):
        yield article_record(number, seed, paragraphs)


def write_jsonl(path: str | Path, count: int, seed: int = 7, paragraphs: int = 8) -> Path:
    """Write ``count`` records as JSON Lines, streaming (constant memory whatever ``count``)."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as out:
        for record in records(count, seed, paragraphs):
            out.write(json.dumps(record) + "\n")
    return path


def html_page(record: dict[str, Any]) -> str:
    """The record as a news web page, for WARC archives."""
    from html import escape

    paragraphs = record["text"].split("\n\n")[1:]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head>"
        f"<title>{escape(record['title'])}</title>"
        f'<meta property="og:site_name" content="{escape(record["outlet"])}">'
        f'<meta property="article:published_time" content="{record["published"]}">'
        f'<link rel="canonical" href="{escape(record["url"])}">'
        f"</head><body><nav>Home | World | Sport</nav><article><h1>{escape(record['title'])}</h1>"
        f"{body}</article><footer>Copyright the outlet</footer></body></html>"
    )


def write_warc(path: str | Path, count: int, seed: int = 7, paragraphs: int = 8) -> Path:
    """A gzipped WARC of ``count`` HTML responses (plus a request record each, as crawlers write)."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = Path(path)
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for record in records(count, seed, paragraphs):
            url = record["url"]
            request = writer.create_warc_record(
                url, "request", payload=BytesIO(f"GET {url}\r\n\r\n".encode())
            )
            writer.write_record(request)
            payload = html_page(record).encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            response = writer.create_warc_record(
                url, "response", payload=BytesIO(payload), http_headers=headers
            )
            writer.write_record(response)
    return path
