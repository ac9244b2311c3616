"""The watcher end to end: real loopback sites, the real pipeline, a real DuckDB file.

Covers robots, delays, 304s, failures that do not stop the watcher, retries of passing failures
only, a stop mid-poll and a restart that fetches nothing twice, feed discovery from a homepage,
and one wire story carried by three outlets stored once.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx

from whosaid.ingest.fetch import Fetcher
from whosaid.ingest.watch import Watcher, pipeline_storer, source_rows
from whosaid.store import open_store

from .watch_pages import STORIES, WIRE_PARAGRAPHS, article_page, atom, homepage, rss, story_page
from .watch_server import TEST_DELAY, TEST_SETTINGS, NewsSite, Route

SLACK = 0.02
ARTICLE_PATHS = ["/news/harbour", "/news/rail"]
FAILING_PATHS = ["/private/school", "/fail", "/slow", "/loop/a", "/big", "/news/missing"]


class Run:
    """One watcher "process": its own fetcher and store handle, as after a restart."""

    def __init__(self, db: Path | str, client: httpx.Client, nlp: object) -> None:
        self.lines: list[str] = []
        self.linked: list[str] = []
        self.store = open_store(db)
        self.fetcher = Fetcher(TEST_SETTINGS, client=client)
        self.watcher = Watcher(
            self.store,
            self.fetcher,
            pipeline_storer(self.store, nlp),
            report=self.lines.append,
            link_new=self.linked.extend,
        )

    def once(self, sources: list[str]) -> None:
        try:
            self.watcher.run(sources, once=True)
        finally:
            self.store.close()


def _gazette(make_site: Callable[..., NewsSite]) -> NewsSite:
    site = make_site("127.0.0.1")
    site.routes["/robots.txt"] = Route("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    for key in STORIES:
        site.routes[f"/news/{key}"] = Route(story_page(key))
        site.routes[f"/private/{key}"] = Route(story_page(key))
    site.routes["/fail"] = Route("boom", status=500, content_type="text/plain")
    site.routes["/slow"] = Route(story_page("storm"), sleep=1.0)
    site.routes["/loop/a"] = Route(status=302, headers={"Location": "/loop/b"})
    site.routes["/loop/b"] = Route(status=302, headers={"Location": "/loop/a"})
    site.routes["/big"] = Route("<html><body>" + "<p>filler text</p>" * 20_000 + "</body></html>")
    links = [site.url(p) for p in ARTICLE_PATHS + FAILING_PATHS]
    site.routes["/feed.xml"] = Route(
        rss("Harbour Gazette", links), content_type="application/rss+xml", etag='"v1"'
    )
    return site


def _article_hits(site: NewsSite) -> Counter[str]:
    return Counter(p for p in site.paths() if p not in ("/robots.txt", "/feed.xml", "/loop/b"))


def test_watcher_is_polite_survives_failures_and_resumes_without_refetching(
    make_site, client, store_url, nlp
):
    # On DuckDB and on PostgreSQL (store_url): the watcher's SQL must mean the same on both.
    site = _gazette(make_site)
    db = store_url
    feed = site.url("/feed.xml")

    first = Run(db, client, nlp)
    first.once([feed])
    hits = _article_hits(site)
    assert "/private/school" not in hits  # robots.txt said no
    assert hits["/news/harbour"] == 1 and hits["/news/rail"] == 1
    assert hits["/fail"] == 2 and hits["/slow"] == 2  # one retry each inside the poll
    assert hits["/big"] == 1 and hits["/loop/a"] == 1 and hits["/news/missing"] == 1
    times = sorted(hit.at for hit in site.hits)
    assert min(b - a for a, b in itertools.pairwise(times)) >= TEST_DELAY - SLACK
    # One line per failed URL, and the good articles stored all the same.
    for path in FAILING_PATHS:
        assert any(line.startswith(f"whosaid watch: {site.url(path)}: ") for line in first.lines), path
    assert len(first.linked) == 2  # both new articles handed on to linking, once per poll
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
        [row] = source_rows(store)
        assert row["last_status"] == 200 and row["last_new"] == 2 and row["last_errors"] == 6
        fetched = {r["url"]: r for r in store.query("SELECT * FROM fetched_urls")}
    assert fetched[site.url("/news/harbour")]["status"] == 200
    assert fetched[site.url("/news/harbour")]["article_id"]
    assert "robots.txt" in fetched[site.url("/private/school")]["error"]

    # Restart, feed unchanged: a conditional GET answered 304, and nothing else is fetched.
    before = len(site.hits)
    second = Run(db, client, nlp)
    second.once([feed])
    new_hits = site.hits[before:]
    assert [(h.path, h.status) for h in new_hits if h.path != "/robots.txt"] == [("/feed.xml", 304)]
    assert new_hits[-1].headers.get("If-None-Match") == '"v1"'

    # The feed changes: only the new article is fetched, plus the passing failures tried again.
    links = [site.url(p) for p in [*ARTICLE_PATHS, *FAILING_PATHS, "/news/school"]]
    site.routes["/feed.xml"] = Route(
        rss("Harbour Gazette", links), content_type="application/rss+xml", etag='"v2"'
    )
    before = len(site.hits)
    third = Run(db, client, nlp)
    third.once([feed])
    again = Counter(h.path for h in site.hits[before:] if h.path not in ("/robots.txt", "/feed.xml"))
    assert again == Counter({"/news/school": 1, "/fail": 2, "/slow": 2})
    with open_store(db) as store:
        assert store.counts()["articles"] == 3
        [row] = source_rows(store)
        assert row["articles_added"] == 3 and row["last_new"] == 1


def test_stopping_mid_poll_then_restarting_fetches_each_article_once(make_site, client, tmp_path, nlp):
    site = make_site("127.0.0.1")
    for key in STORIES:
        site.routes[f"/news/{key}"] = Route(story_page(key))
    links = [site.url(f"/news/{key}") for key in STORIES]
    site.routes["/feed.xml"] = Route(rss("Gazette", links), content_type="application/rss+xml")
    db = tmp_path / "stop.duckdb"

    first = Run(db, client, nlp)

    def stop_after_first_store(line: str) -> None:
        first.lines.append(line)
        if ": stored (" in line:
            first.watcher.stop.set()  # what Ctrl-C does

    first.watcher.report = stop_after_first_store
    first.once([site.url("/feed.xml")])
    with open_store(db) as store:
        stored_first = store.counts()["articles"]
    assert 1 <= stored_first < len(STORIES)

    second = Run(db, client, nlp)
    second.once([site.url("/feed.xml")])
    with open_store(db) as store:
        assert store.counts()["articles"] == len(STORIES)
        assert store.query("SELECT count(*) AS n FROM fetched_urls")[0]["n"] == len(STORIES)
    stored_hits = Counter(p for p in site.paths() if p.startswith("/news/"))
    # Articles fetched before the stop but not stored may be fetched again; stored ones never are.
    assert sum(stored_hits.values()) <= len(STORIES) + TEST_SETTINGS.workers * 2
    with open_store(db) as store:
        rows = store.query("SELECT url FROM fetched_urls WHERE article_id IS NOT NULL")
    assert len(rows) == len(STORIES)


def test_feeds_are_found_on_a_homepage(make_site, client, tmp_path, nlp):
    site = make_site("127.0.0.2")
    site.routes["/"] = Route(homepage("Karsvik Post", "/rss/news.xml"))
    site.routes["/rss/news.xml"] = Route(
        atom("Karsvik Post", [site.url("/news/rail"), site.url("/news/storm")]),
        content_type="application/atom+xml",
        last_modified="Fri, 20 Nov 2026 08:00:00 GMT",
    )
    site.routes["/news/rail"] = Route(story_page("rail", "Karsvik Post"))
    site.routes["/news/storm"] = Route(story_page("storm", "Karsvik Post"))
    db = tmp_path / "discover.duckdb"
    Run(db, client, nlp).once([site.url("/")])
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
        rows = {r["url"]: r for r in source_rows(store)}
    assert rows[site.url("/")]["kind"] == "site"
    feed_row = rows[site.url("/rss/news.xml")]
    assert feed_row["kind"] == "feed" and feed_row["discovered_from"] == site.url("/")
    assert feed_row["articles_added"] == 2

    # Next poll: the feed answers 304 to If-Modified-Since, so no article is asked for.
    before = len(site.hits)
    Run(db, client, nlp).once([site.url("/")])
    later = [(h.path, h.status) for h in site.hits[before:] if h.path != "/robots.txt"]
    assert later == [("/", 200), ("/rss/news.xml", 304)]


def test_a_wire_story_from_three_outlets_is_stored_once_with_three_outlets(make_site, client, tmp_path, nlp):
    outlets = {"127.0.0.1": "Harbour Gazette", "127.0.0.2": "Karsvik Post", "127.0.0.3": "Nordvik Daily"}
    variants = {
        "127.0.0.1": WIRE_PARAGRAPHS,
        "127.0.0.2": [*WIRE_PARAGRAPHS, "Reporting by the Karsvik Post business desk."],
        "127.0.0.3": WIRE_PARAGRAPHS[:-1],
    }
    sources = []
    for host, name in outlets.items():
        site = make_site(host)
        site.routes["/world/tax"] = Route(
            article_page("Minister rules out VAT rise", variants[host], site_name=name)
        )
        site.routes["/feed.xml"] = Route(
            rss(name, [site.url("/world/tax")]), content_type="application/rss+xml"
        )
        sources.append(site.url("/feed.xml"))
    db = tmp_path / "wire.duckdb"
    run = Run(db, client, nlp)
    run.once(sources)
    with open_store(db) as store:
        assert store.counts()["articles"] == 1
        [article] = list(store.iter_articles())
        assert sorted(article.outlets) == sorted(outlets.values())
        assert store.counts()["article_outlets"] == 3
        assert (
            store.query("SELECT count(*) AS n FROM fetched_urls WHERE article_id = ?", [article.id])[0]["n"]
            == 3
        )
    assert sum("same text as article" in line for line in run.lines) == 2
    assert run.linked == [article.id]


def test_a_sitemap_index_leads_to_its_sitemaps_and_their_pages(make_site, client, tmp_path, nlp):
    site = make_site("127.0.0.3")
    site.routes["/sitemap.xml"] = Route(
        f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/sitemap-news.xml')}</loc></sitemap></sitemapindex>",
        content_type="application/xml",
    )
    site.routes["/sitemap-news.xml"] = Route(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.url('/news/school')}</loc></url><url><loc>/news/harbour?a=1&amp;b=2</loc></url>"
        "</urlset>",
        content_type="application/xml",
    )
    site.routes["/news/school"] = Route(story_page("school", "Nordvik Daily"))
    site.routes["/news/harbour?a=1&b=2"] = Route(story_page("harbour", "Nordvik Daily"))
    db = tmp_path / "sitemap.duckdb"
    Run(db, client, nlp).once([site.url("/sitemap.xml")])
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
        kinds = {r["url"]: (r["kind"], r["discovered_from"]) for r in source_rows(store)}
    assert kinds[site.url("/sitemap-news.xml")] == ("sitemap", site.url("/sitemap.xml"))
