"""Turn a fetched page into an Article, through the same HTML reader files go through."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from whosaid.ingest.html import article_from_html
from whosaid.ingest.records import ReadFailure, Unreadable
from whosaid.model import Article

if TYPE_CHECKING:
    from whosaid.ingest.fetch import Page

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})


def page_article(page: Page) -> Article | ReadFailure:
    """The article in ``page``, or a ReadFailure when the page is not HTML or has no main text.

    ``url`` is where the page was finally served from (not a canonical link, which for wire copy
    often names the agency's page), ``source_path`` the address asked for.
    """
    if page.content_type not in HTML_TYPES:
        return ReadFailure(page.url, f"not an HTML page ({page.content_type})")
    charset = page.headers.get("content-type", "").partition("charset=")[2].strip(" \"';") or None
    try:
        article = article_from_html(
            page.body,
            url=page.final_url,
            source_path=page.url,
            declared_charset=charset,
            fetched_at=page.fetched_at,
        )
    except Unreadable as exc:
        return ReadFailure(page.url, str(exc))
    return replace(article, url=page.final_url, http_status=page.status)
