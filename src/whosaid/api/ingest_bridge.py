"""The one place the server calls the ingest pipeline: the same readers, analysis and store writes
as ``whosaid ingest`` (``pipeline.ingest_articles``), so a posted article is stored exactly as a file is."""

from __future__ import annotations

from datetime import date
from typing import Any

from whosaid.errors import WhosaidError
from whosaid.model import Article
from whosaid.store.base import Store

# Content-Type of a raw upload -> the reader that turns it into an article.
RAW_FORMATS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/plain": "markdown",  # the markdown reader is the plain-text reader too
}


def article_from_json(record: dict[str, Any]) -> Article:
    """A posted JSON object, read exactly like one line of a JSON Lines file."""
    from whosaid.ingest.jsonl import article_from_record
    from whosaid.ingest.records import Unreadable

    plain = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in record.items() if v is not None}
    try:
        return article_from_record(plain, source_path="POST /api/articles")
    except Unreadable as exc:
        raise WhosaidError(f"whosaid: cannot read the posted article: {exc}") from exc


def article_from_upload(
    text: str,
    fmt: str,
    *,
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
) -> Article:
    """An Article from an uploaded HTML or markdown page; the client's metadata wins over the page's."""
    from whosaid.ingest.html import article_from_html
    from whosaid.ingest.markdown import article_from_markdown
    from whosaid.ingest.records import Unreadable

    try:
        if fmt == "html":
            article = article_from_html(text, url=url, source_path="POST /api/articles")
        else:
            article = article_from_markdown(text, source_path="POST /api/articles")
    except Unreadable as exc:
        raise WhosaidError(f"whosaid: cannot read the posted {fmt}: {exc}") from exc
    article.title = title or article.title
    article.url = url or article.url
    article.published = published or article.published
    if outlet:
        article.outlet = outlet
        article.outlets = [outlet, *(o for o in article.outlets if o != outlet)]
    return article


def analyze_and_store(store: Store, article: Article) -> tuple[bool, int]:
    """Analyse, store and link one article; (newly added, statements stored for it)."""
    from whosaid.pipeline import ingest_articles

    # In this process, no worker pool: the request size limit already bounds the work.
    report = ingest_articles([article], store, time_limit=None, progress=False)
    if report.failures and not report.stored and not report.duplicates:
        raise WhosaidError(f"whosaid: the article could not be ingested: {report.failures[0].reason}")
    if report.stored:
        return True, report.statements
    counted = store.query("SELECT COUNT(*) AS n FROM statements WHERE article_id = ?", [article.id])
    return False, int(counted[0]["n"])
