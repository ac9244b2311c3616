"""What a followed source lists: the sources file, feeds, sitemaps and a homepage's feed links.

Pure functions over fetched pages; no network here (homepage feed discovery reads only the page
already fetched).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from trafilatura.feeds import FeedParameters, determine_feed, is_potential_feed

from whosaid.errors import WhosaidError
from whosaid.ingest.fetch import Page

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
)
_SITEMAP_ROOT = re.compile(r"<(urlset|sitemapindex)\b")
_SITEMAP_LOC = re.compile(r"<loc>\s*([^<]+?)\s*</loc>")
# At most this many feeds are taken from one homepage (sites list a feed per section).
MAX_DISCOVERED_FEEDS = 3


def read_sources(path: str | Path) -> list[str]:
    """Source URLs from a text file: one per line; blank lines and ``#`` comments skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise WhosaidError(f"whosaid: cannot read the sources file {path}: {exc.strerror}.") from exc
    urls = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        url = line.split()[0]
        if urlsplit(url).scheme not in ("http", "https"):
            raise WhosaidError(
                f"whosaid: {path} line {number}: {url!r} is not an http(s) URL. "
                "List one feed or homepage address per line."
            )
        urls.append(url)
    return urls


_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)", re.IGNORECASE)
_UNIT_SECONDS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_interval(text: str) -> float:
    """``"15m"``, ``"1h30m"``, ``"90s"``, ``"45"`` (seconds) -> seconds."""
    compact = text.strip().replace(" ", "")
    parts = _INTERVAL.findall(compact)
    if not compact or "".join(n + u for n, u in parts) != compact:
        raise WhosaidError(f"whosaid: cannot read the interval {text!r}; write e.g. 15m, 1h, 90s.")
    return sum(float(n) * _UNIT_SECONDS[u.lower()] for n, u in parts)


def feed_links(page: Page) -> list[str]:
    """Article URLs listed in a feed, in feed order, made absolute against the feed's address."""
    parsed: Any = feedparser.parse(page.body, response_headers={"content-location": page.final_url})
    links = []
    for entry in parsed.entries:
        link = entry.get("link") or (entry.get("id") if str(entry.get("id", "")).startswith("http") else None)
        if link:
            links.append(urljoin(page.final_url, str(link).strip()))
    return list(dict.fromkeys(links))


def looks_like_feed(page: Page) -> bool:
    if page.content_type in FEED_TYPES:
        return True
    if "html" in page.content_type:
        return False
    return is_potential_feed(page.text().lstrip()[:1000])


def sitemap_kind(page: Page) -> str | None:
    """``"urlset"`` (a list of pages), ``"sitemapindex"`` (a list of sitemaps) or None."""
    if "html" in page.content_type:
        return None
    found = _SITEMAP_ROOT.search(page.text()[:2000])
    return found[1] if found else None


def sitemap_links(page: Page) -> list[str]:
    """The ``<loc>`` addresses of a sitemap, in file order."""
    locs = (html.unescape(loc) for loc in _SITEMAP_LOC.findall(page.text()))
    return list(dict.fromkeys(urljoin(page.final_url, loc) for loc in locs))


def discover_feeds(page: Page) -> list[str]:
    """Feed URLs announced by a homepage, read from the page alone (no further requests)."""
    parts = urlsplit(page.final_url)
    base = f"{parts.scheme}://{parts.netloc}"
    found = determine_feed(page.text(), FeedParameters(base, parts.hostname or "", page.final_url))
    return found[:MAX_DISCOVERED_FEEDS]
