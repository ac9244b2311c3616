"""HTML pages through trafilatura: the article body, title, date, canonical URL and site name."""

from __future__ import annotations

import html
import logging
import re
from configparser import ConfigParser
from datetime import datetime
from functools import lru_cache

from whosaid.ingest.dates import parse_date_line, parse_iso_date
from whosaid.ingest.decode import NotText, decode_bytes
from whosaid.ingest.outlets import TITLE_PARTS, host_of, letters_key, outlet_from_url
from whosaid.ingest.records import Unreadable, is_furniture_line, join_title, make_article
from whosaid.model import Article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_SPACES = re.compile(r"\s+")
# Pages with more elements than this are not articles (trafilatura stops building the output tree).
MAX_TREE_SIZE = 200_000

for _noisy in ("trafilatura", "htmldate", "courlan", "readability", "justext"):
    # They log every page without an article at WARNING; the reader reports those itself.
    logging.getLogger(_noisy).setLevel(logging.CRITICAL)


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    return config


def html_text(data: bytes | str, declared_charset: str | None = None) -> str:
    """Decoded HTML: BOM, then the HTTP charset, then a ``<meta charset>``, then sniffing."""
    if isinstance(data, str):
        return data
    declared = declared_charset
    if declared is None:
        meta = _META_CHARSET.search(data[:4096])
        declared = meta[1].decode("ascii") if meta else None
    try:
        return decode_bytes(data, declared)
    except NotText as exc:
        raise Unreadable("not HTML: binary data") from exc


def article_from_html(
    data: bytes | str,
    *,
    url: str | None = None,
    source_path: str | None = None,
    declared_charset: str | None = None,
    fetched_at: datetime | None = None,
) -> Article:
    """One article from one HTML page; ``Unreadable`` when the page holds no article text."""
    import trafilatura

    page = html_text(data, declared_charset)
    if not page.strip():
        raise Unreadable("empty file")
    if "<" not in page[:65536]:
        raise Unreadable("not HTML: no markup in the file")
    try:
        document = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            config=_config(),
        )
    except (ValueError, TypeError, RecursionError) as exc:  # lxml on hopeless markup
        raise Unreadable(f"HTML could not be parsed ({type(exc).__name__})") from exc
    if document is None:
        raise Unreadable("no article text found in the page (only scripts, navigation or markup)")
    meta = document if isinstance(document, dict) else document.as_dict()
    page_url = _clean(meta.get("url")) or url
    sitename = _clean(meta.get("sitename"))
    title = headline(_clean(meta.get("title")), page, sitename, page_url)
    if sitename == title:
        sitename = None  # trafilatura took a part of <title> for the site: the headline part
    lines = (_clean(line) for line in str(meta.get("text") or "").split("\n"))
    # A line that is only a date is the byline's ("Published 4 June 2025"), not a sentence.
    paragraphs = [
        line for line in lines if line and not is_furniture_line(line) and parse_date_line(line) is None
    ]
    paragraphs = drop_repeated_paragraphs(paragraphs)
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # trafilatura keeps the <h1> as the first line
    if not paragraphs:
        raise Unreadable("no article text found in the page (only scripts, navigation or markup)")
    if sitename and host_of(f"https://{sitename}") == sitename.removeprefix("www.") and "." in sitename:
        sitename = None  # trafilatura falls back to the host name; prefer the known outlet name
    outlet = sitename or outlet_from_url(page_url)
    return make_article(
        join_title(title, paragraphs),
        title=title,
        url=page_url,
        outlet=outlet,
        published=parse_iso_date(str(meta.get("date") or "")),
        source_path=source_path,
        fetched_at=fetched_at,
    )


_TITLE_ELEMENT = re.compile(r"<title[^>]*>(.*?)</title", re.I | re.S)


def headline(title: str | None, page: str, sitename: str | None, url: str | None) -> str | None:
    """trafilatura's title, or the other part of ``<title>`` when it took the site's part.

    It takes a page's only ``<h1>`` (often the logo, "Southern Gazette"), else the first part of
    ``<title>`` without a dot: so "Site | Headline" gives the site, and "U.S. envoy visits - Site" too.
    """
    element = _TITLE_ELEMENT.search(page[:65536])
    parts = TITLE_PARTS.match(_clean(html.unescape(element[1])) or "") if element else None
    if parts is None:
        return title
    first, second = parts[1].strip(), parts[2].strip()
    site_keys = {letters_key(name) for name in (sitename, host_of(url)) if name}
    host = host_of(url)
    if host:
        site_keys.add(letters_key(host.split(".")[0]))

    def is_domain(part: str) -> bool:
        return " " not in part and "." in part

    def is_site(part: str) -> bool:
        return is_domain(part) or letters_key(part) in site_keys

    if title is not None and title not in (first, second, parts[0]) and not is_site(title):
        return title  # from the page's own headline element: trust it
    if is_domain(first) != is_domain(second):
        # A domain is the site whatever trafilatura's site name says (it may be the headline part).
        return second if is_domain(first) else first
    others = [part for part in (first, second) if not is_site(part)]
    if len(others) == 1:
        return others[0]
    if not others:
        return title
    if title == second and " " in first:
        return first  # its dot rule meant to skip a domain ("example.com | Headline"), not "U.S."
    return title


_WORD = re.compile(r"\w+")
# A pull quote repeats a sentence of the body in large type; trafilatura keeps it as a paragraph of its
# own, which would make a second statement of the same words. Short paragraphs only (pull quotes are),
# and enough words that a stock phrase ("He declined to comment.") is not taken for a copy.
_REPEAT_MAX_CHARS = 400
_REPEAT_MIN_WORDS = 6
# Above this much text the check (each short paragraph against the rest) is skipped to bound its cost.
_REPEAT_MAX_TEXT = 300_000


def drop_repeated_paragraphs(paragraphs: list[str]) -> list[str]:
    """Paragraphs without those whose words all reappear, in order, inside another paragraph (a pull
    quote), or that repeat an earlier paragraph word for word."""
    keys = [" " + " ".join(_WORD.findall(p.casefold())) + " " for p in paragraphs]
    if sum(map(len, keys)) > _REPEAT_MAX_TEXT:
        return paragraphs
    kept: list[str] = []
    for i, (paragraph, key) in enumerate(zip(paragraphs, keys, strict=True)):
        if len(paragraph) <= _REPEAT_MAX_CHARS and key.count(" ") - 1 >= _REPEAT_MIN_WORDS:
            inside_longer = any(key in other and len(other) > len(key) for other in keys)
            if inside_longer or key in keys[:i]:
                continue
        kept.append(paragraph)
    return kept


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return _SPACES.sub(" ", value).strip() or None
