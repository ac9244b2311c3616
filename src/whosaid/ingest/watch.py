"""Follow feeds and sites: poll them, fetch only the articles not seen before, and store them.

State lives in the store (``sources``: conditional-GET validators and the last poll's outcome;
``fetched_urls``: every article URL tried), so a stopped watcher resumes where it was. A source may
be a feed (RSS/Atom), a sitemap (``<urlset>``; a ``<sitemapindex>``'s sitemaps are followed), or a
site's homepage, whose feeds are found in the page it serves (``<link rel="alternate">``); those
feeds and sitemaps are then polled as sources of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from threading import Event
from typing import TYPE_CHECKING, Any

from whosaid.errors import WhosaidError
from whosaid.ingest.fetch import Fetcher, FetchError, Page, fetch_pages
from whosaid.ingest.fetch_extract import page_article
from whosaid.ingest.records import ReadFailure
from whosaid.ingest.syndication import SyndicationIndex, add_article
from whosaid.ingest.watch_listings import (
    MAX_DISCOVERED_FEEDS,
    discover_feeds,
    feed_links,
    looks_like_feed,
    parse_interval,
    read_sources,
    sitemap_kind,
    sitemap_links,
)
from whosaid.model import Article
from whosaid.store.base import Store
from whosaid.store.rows import naive_utc

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class WatchSettings:
    every: float = 900.0  # seconds between polls
    max_attempts: int = 3  # tries for an article URL whose fetch failed for a passing reason
    max_new_per_poll: int = 200  # article URLs taken from one source per poll, newest first


@dataclass(slots=True)
class SourcePoll:
    """What one poll of one source did."""

    url: str
    status: int | None = None
    new: int = 0
    syndicated: int = 0
    errors: int = 0
    error: str | None = None


@dataclass(slots=True)
class PollReport:
    sources: list[SourcePoll] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(s.new for s in self.sources)


__all__ = [
    "PollReport",
    "WatchSettings",
    "Watcher",
    "parse_interval",
    "pipeline_storer",
    "read_sources",
    "source_rows",
]


def _now() -> datetime | None:
    return naive_utc(datetime.now(UTC))


class Watcher:
    """Polls sources and stores new articles; never raises for one bad source or URL.

    ``store_new`` analyses and stores one new article (``pipeline_storer`` gives the real one) and
    returns False when the store already had it; ``link_new`` links the ids a source's poll added
    to stories and relations (``whosaid.link.update_links``).
    """

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        store_new: Callable[[Article], bool],
        *,
        settings: WatchSettings | None = None,
        stop: Event | None = None,
        report: Callable[[str], None] = print,
        link_new: Callable[[list[str]], None] | None = None,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.store_new = store_new
        self.settings = settings or WatchSettings()
        self.stop = stop or Event()
        self.report = report
        self.link_new = link_new
        self.index = SyndicationIndex(store)
        self._added: list[str] = []

    def run(self, sources: Iterable[str], *, once: bool = False) -> list[PollReport]:
        """Poll every ``settings.every`` seconds until ``stop`` is set (or once)."""
        roots = list(dict.fromkeys(sources))
        self.index.backfill()
        reports = []
        while not self.stop.is_set():
            reports.append(self.poll(roots))
            if once:
                break
            self.stop.wait(self.settings.every)
        return reports

    def poll(self, roots: Iterable[str]) -> PollReport:
        report = PollReport()
        for url in roots:
            if self.stop.is_set():
                break
            self._register(url, "unknown", None)
            self._poll_source(url, report, discover=True)
            self._link_added()
        return report

    def _link_added(self) -> None:
        """Link the articles a source brought in one go: stories and relations cost per call."""
        added, self._added = self._added, []
        if not added or self.link_new is None:
            return
        try:
            self.link_new(added)
        except Exception as exc:  # the articles are stored; only their links are missing
            self.report(
                f"whosaid watch: linking {len(added)} new article(s) failed: {type(exc).__name__}: {exc}"
            )

    # --- one source ----------------------------------------------------------------------------------
    def _poll_source(self, url: str, report: PollReport, *, discover: bool) -> None:
        poll = SourcePoll(url)
        report.sources.append(poll)
        state = self._source_state(url)
        headers = {}
        if state.get("etag"):
            headers["If-None-Match"] = str(state["etag"])
        if state.get("last_modified"):
            headers["If-Modified-Since"] = str(state["last_modified"])
        kind = str(state.get("kind") or "unknown")
        try:
            page = self.fetcher.get(url, headers=headers)
        except FetchError as error:
            poll.status, poll.error = error.status, error.reason
            self.report(f"whosaid watch: {url}: {error.reason}")
        except Exception as exc:  # the watcher outlives any one source's surprise
            poll.error = f"unexpected error: {type(exc).__name__}: {exc}"
            self.report(f"whosaid watch: {url}: {poll.error}")
        else:
            poll.status = page.status
            if page.status == 304:
                self.report(f"whosaid watch: {url}: not modified")
            elif sitemap_kind(page) == "urlset":
                kind = "sitemap"
                self._take_articles(url, sitemap_links(page), poll)
            elif sitemap_kind(page) == "sitemapindex" and discover:
                kind = "site"  # an index: its sitemaps are followed as sources of their own
                for child in sitemap_links(page)[:MAX_DISCOVERED_FEEDS]:
                    self._register(child, "sitemap", url)
            elif looks_like_feed(page):
                kind = "feed"
                self._take_articles(url, feed_links(page), poll)
            else:
                kind = "site"
                if discover:
                    self._discover(url, page, poll)
                else:
                    poll.error = "not a feed"
                    self.report(f"whosaid watch: {url}: not a feed (content type {page.content_type!r})")
            self._save_validators(url, kind, page)
        self._save_poll(url, kind, poll)
        if kind == "site" and discover:
            for feed in self._children(url):
                if self.stop.is_set():
                    return
                self._poll_source(feed, report, discover=False)

    def _discover(self, url: str, page: Page, poll: SourcePoll) -> None:
        feeds = discover_feeds(page)
        if not feeds and not self._children(url):
            poll.error = "no feed announced on this page"
            self.report(f"whosaid watch: {url}: {poll.error}; list its feed's address instead")
        for feed in feeds:
            self._register(feed, "feed", url)

    # --- articles ------------------------------------------------------------------------------------
    def _take_articles(self, source: str, links: list[str], poll: SourcePoll) -> None:
        fresh = self._unseen(links[: self.settings.max_new_per_poll])
        for url, outcome in fetch_pages(fresh, self.fetcher, stop=self.stop):
            try:
                self._store_one(source, url, outcome, poll)
            except Exception as exc:  # one article's failure must not stop the others
                poll.errors += 1
                if isinstance(exc, WhosaidError):
                    reason = str(exc).removeprefix("whosaid: ")
                else:
                    reason = f"unexpected error: {type(exc).__name__}: {exc}"
                self.report(f"whosaid watch: {url}: {reason}")
                self._record_url(url, None, None, None, source, reason, permanent=True)

    def _store_one(self, source: str, url: str, outcome: Page | FetchError, poll: SourcePoll) -> None:
        if isinstance(outcome, FetchError):
            poll.errors += 1
            self.report(f"whosaid watch: {url}: {outcome.reason}")
            self._record_url(
                url, None, outcome.status, None, source, outcome.reason, permanent=not outcome.transient
            )
            return
        article = page_article(outcome)
        if isinstance(article, ReadFailure):
            poll.errors += 1
            self.report(f"whosaid watch: {url}: {article.reason}")
            self._record_url(
                url, outcome.final_url, outcome.status, None, source, article.reason, permanent=True
            )
            return
        result = add_article(self.store, article, self.store_new, self.index)
        if result.outcome == "added":
            poll.new += 1
            self._added.append(result.article_id)
            self.report(f"whosaid watch: {url}: stored ({article.outlet})")
        elif result.outcome == "syndicated":
            poll.syndicated += 1
            self.report(
                f"whosaid watch: {url}: same text as article {result.article_id} "
                f"({result.similarity:.0%} alike); outlet {article.outlet} added to it"
            )
        else:
            self.report(f"whosaid watch: {url}: already stored as {result.article_id}")
        self._record_url(url, outcome.final_url, outcome.status, result.article_id, source, None)

    def _unseen(self, links: list[str]) -> list[str]:
        """Links never tried, or whose earlier failures were passing and not too many."""
        if not links:
            return []
        done: set[str] = set()
        for i in range(0, len(links), 500):
            chunk = links[i : i + 500]
            rows = self.store.query(
                f"SELECT url FROM fetched_urls WHERE url IN ({', '.join('?' for _ in chunk)})"
                " AND (error IS NULL OR attempts >= ?)",
                [*chunk, self.settings.max_attempts],
            )
            done.update(str(row["url"]) for row in rows)
        return [link for link in links if link not in done]

    # --- state in the store --------------------------------------------------------------------------
    def _source_state(self, url: str) -> dict[str, Any]:
        rows = self.store.query("SELECT kind, etag, last_modified FROM sources WHERE url = ?", [url])
        return rows[0] if rows else {}

    def _children(self, url: str) -> list[str]:
        rows = self.store.query("SELECT url FROM sources WHERE discovered_from = ? ORDER BY url", [url])
        return [str(row["url"]) for row in rows]

    def _register(self, url: str, kind: str, discovered_from: str | None) -> None:
        self.store.execute(
            "INSERT INTO sources (url, kind, discovered_from) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [url, kind, discovered_from],
        )

    def _save_validators(self, url: str, kind: str, page: Page) -> None:
        if page.status == 304:  # a 304 may omit validators: keep the ones we sent
            return
        self.store.execute(
            "UPDATE sources SET kind = ?, etag = ?, last_modified = ? WHERE url = ?",
            [kind, page.headers.get("etag"), page.headers.get("last-modified"), url],
        )

    def _save_poll(self, url: str, kind: str, poll: SourcePoll) -> None:
        self.store.execute(
            "UPDATE sources SET kind = ?, last_fetched_at = ?, last_status = ?, last_error = ?,"
            " last_new = ?, last_errors = ?, articles_added = articles_added + ? WHERE url = ?",
            [kind, _now(), poll.status, poll.error, poll.new, poll.errors, poll.new, url],
        )

    def _record_url(
        self,
        url: str,
        final_url: str | None,
        status: int | None,
        article_id: str | None,
        source: str,
        error: str | None,
        *,
        permanent: bool = False,
    ) -> None:
        # A permanent failure is marked as out of attempts so it is never tried again.
        attempts = self.settings.max_attempts if permanent else 1
        self.store.execute(
            "INSERT INTO fetched_urls (url, final_url, status, fetched_at, article_id, source_url,"
            " error, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url, status = excluded.status,"
            " fetched_at = excluded.fetched_at, article_id = excluded.article_id,"
            " source_url = excluded.source_url, error = excluded.error,"
            " attempts = CASE WHEN excluded.error IS NULL THEN fetched_urls.attempts"
            " ELSE fetched_urls.attempts + excluded.attempts END",
            [url, final_url, status, _now(), article_id, source, error, attempts],
        )


def pipeline_storer(store: Store, nlp: Language | None = None) -> Callable[[Article], bool]:
    """Store one article through the pipeline (analysis, entities, the store); linking is left to
    the watcher's ``link_new``, once per poll, as it costs seconds per call."""
    from whosaid.pipeline import ingest_articles

    def store_new(article: Article) -> bool:
        report = ingest_articles([article], store, nlp=nlp, time_limit=None, progress=False, link=False)
        if report.stored:
            return True
        if report.failures:
            raise WhosaidError(report.failures[0].reason)
        return False

    return store_new


def source_rows(store: Store) -> list[dict[str, Any]]:
    """Every followed source with its last poll, for ``whosaid sources``."""
    rows = store.query(
        "SELECT url, kind, discovered_from, last_fetched_at, last_status, last_new, articles_added,"
        " last_errors, last_error,"
        " (SELECT count(*) FROM fetched_urls f WHERE f.source_url = s.url AND f.error IS NOT NULL)"
        " AS failed_urls"
        " FROM sources s ORDER BY coalesce(discovered_from, url), discovered_from IS NOT NULL, url"
    )
    return [dict(row) for row in rows]
