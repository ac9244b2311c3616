"""RSS and Atom feeds through feedparser: one article per entry.

The body comes from a saved copy of the entry's page when a directory of pages is given (found by the
last segment of the entry's link, with or without ``.html``), else from the feed's own content or
summary. Feeds that declare their own XML entities are refused outright: that is the shape of the
"billion laughs" expansion attack, and no real news feed needs it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from whosaid.ingest.dates import date_from_struct
from whosaid.ingest.html import article_from_html
from whosaid.ingest.outlets import outlet_from_url, site_part
from whosaid.ingest.records import ReadFailure, Unreadable, is_furniture_line, join_title, make_article
from whosaid.model import Article

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
_SPACES = re.compile(r"\s+")
# Figures hold the image's caption and credit, which are no sentences of the article.
_DROPPED_TAGS = ("figure", "figcaption")
# Summaries end in a link to the page ("… said. Continue reading..."), glued to the last sentence.
_READ_ON = re.compile(
    r"^\W*(?:continue\s+reading|read\s+(?:more|on)|read\s+(?:the\s+)?(?:full|whole|rest\s+of\s+the)\s+"
    r"(?:story|article|post))\W*$",
    re.I,
)
_BLOCK_TAGS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "section"}


def fragment_paragraphs(fragment: str) -> list[str]:
    """The paragraphs of a feed's HTML (or plain-text) content, markup removed."""
    if "<" not in fragment:
        blocks = re.split(r"\n\s*\n", fragment)
        return [
            p for p in (_SPACES.sub(" ", block).strip() for block in blocks) if p and not is_furniture_line(p)
        ]
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return []
    for dropped in list(root.iter(*_DROPPED_TAGS)):
        if dropped.getparent() is not None:
            dropped.drop_tree()
    for link in list(root.iter("a")):
        if _READ_ON.match(link.text_content()) and link.getparent() is not None:
            link.drop_tree()  # drop_tree keeps the link's tail: the text after it stays
    for br in root.iter("br"):
        br.tail = "\n\n" + (br.tail or "")
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
    text = root.text_content()
    paragraphs = (_SPACES.sub(" ", block).strip() for block in re.split(r"\n\s*\n", text))
    return [p for p in paragraphs if p and not is_furniture_line(p)]


def _saved_page(pages_dir: Path, link: str | None) -> Path | None:
    if not link:
        return None
    try:
        segments = [s for s in urlsplit(link).path.split("/") if s]
    except ValueError:
        return None
    if not segments:
        return None
    slug = unquote(segments[-1])
    if "/" in slug or slug in (".", ".."):
        return None
    for name in (slug, f"{slug}.html", f"{slug}.htm"):
        candidate = pages_dir / name
        if candidate.is_file():
            return candidate
    return None


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if isinstance(c, dict)]
    best = max(values, key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def _markup_words(fragment: str) -> str:
    import lxml.etree
    import lxml.html

    try:
        return str(lxml.html.fragment_fromstring(fragment, create_parent="span").text_content())
    except (lxml.etree.ParserError, ValueError):
        return fragment


def _entry_title(entry: Any) -> str | None:
    title = entry.get("title", "") or ""
    if (entry.get("title_detail") or {}).get("type") == "text/html":
        # An Atom title of type="html" (and RSS titles feedparser takes for HTML) arrive as markup,
        # entities and all ("8&#37; &mdash; operator"): the reader wants the words.
        title = _markup_words(title) if "<" in title else html.unescape(title)
    return _SPACES.sub(" ", title).strip() or None


def _entry_article(
    entry: Any, where: str, outlet: str | None, pages_dir: Path | None, max_bytes: int, base: str | None
) -> Article | ReadFailure:
    link = entry.get("link") or None
    if link and base and not urlsplit(link).scheme:
        # RSS has no xml:base: a relative <link> is relative to the channel's own <link>.
        link = urljoin(base, link)
    title = _entry_title(entry)
    published = date_from_struct(entry.get("published_parsed") or entry.get("updated_parsed"))
    guid = entry.get("id") or None
    page = _saved_page(pages_dir, link) if pages_dir is not None else None
    try:
        if page is not None:
            if page.stat().st_size > max_bytes:
                return ReadFailure(
                    str(page),
                    f"saved page is over the limit of {max_bytes:,} bytes; raise it with --max-bytes",
                )
            article = article_from_html(page.read_bytes(), url=link, source_path=str(page))
            article.title = article.title or title
            article.published = article.published or published
            article.external_id = guid
            if outlet and not article.outlet:
                article.outlet, article.outlets = outlet, [outlet]
            return article
        paragraphs = fragment_paragraphs(_entry_body(entry))
        if not paragraphs:
            raise Unreadable("feed entry has no text; give a directory of saved pages to read the articles")
        entry_outlet = outlet or outlet_from_url(link)
        return make_article(
            join_title(title, paragraphs),
            title=title,
            url=link,
            outlet=entry_outlet,
            published=published,
            source_path=where,
            external_id=guid,
        )
    except Unreadable as exc:
        return ReadFailure(where, str(exc))


def read_feed(path: str, *, max_bytes: int, pages_dir: str | None = None) -> Iterator[Article | ReadFailure]:
    """Articles (and failed entries) of one RSS/Atom file."""
    import feedparser

    data = Path(path).read_bytes()
    if not data.strip():
        yield ReadFailure(path, "empty file")
        return
    if _ENTITY_DECLARATION.search(data):
        yield ReadFailure(
            path,
            "the feed declares its own XML entities (<!ENTITY>); refused, as entity expansion "
            "is a denial-of-service attack (billion laughs)",
        )
        return
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({str(problem).strip()[:120]})" if problem else ""
        yield ReadFailure(path, f"not an RSS or Atom feed, or a feed without entries{detail}")
        return
    feed_title = _SPACES.sub(" ", parsed.get("feed", {}).get("title", "") or "").strip() or None
    # "Lakeside Herald – News" is the outlet's section feed: the outlet is the part naming its host.
    outlet = site_part(feed_title, parsed.get("feed", {}).get("link")) or feed_title
    pages = Path(pages_dir) if pages_dir else None
    base = parsed.get("feed", {}).get("link") or None
    if base and not urlsplit(base).scheme:
        base = None
    for number, entry in enumerate(entries, start=1):
        yield _entry_article(entry, f"{path}#entry{number}", outlet, pages, max_bytes, base)
