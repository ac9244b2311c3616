"""fetch_articles against a real server on 127.0.0.1: robots, delays, redirects, caps, retries."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler

import httpx

from whosaid.ingest.fetch import Fetcher, FetchSettings, fetch_articles
from whosaid.ingest.politeness import USER_AGENT
from whosaid.ingest.records import ReadFailure
from whosaid.model import Article

from .watch_pages import STORIES, story_page
from .watch_server import TEST_DELAY, TEST_SETTINGS, NewsSite, Route

ROBOTS = "User-agent: *\nDisallow: /private/\n"
# Scheduling noise: a request may be logged a hair before its reserved slot.
SLACK = 0.02


def _site(make_site: Callable[..., NewsSite], host: str = "127.0.0.1") -> NewsSite:
    site = make_site(host)
    site.routes["/robots.txt"] = Route(ROBOTS, content_type="text/plain")
    for key in STORIES:
        site.routes[f"/news/{key}"] = Route(story_page(key))
        site.routes[f"/private/{key}"] = Route(story_page(key))
    return site


def _fetch(urls: list[str], client: httpx.Client, settings: FetchSettings = TEST_SETTINGS) -> list[object]:
    return list(fetch_articles(urls, client=client, settings=settings))


def test_article_fields_come_from_the_page_and_the_response(make_site, client):
    site = _site(make_site)
    site.routes["/old/harbour"] = Route(status=301, headers={"Location": "/news/harbour"})
    [article] = _fetch([site.url("/old/harbour")], client)
    assert isinstance(article, Article)
    assert article.title == "Harbour dredging to resume in spring"
    assert article.outlet == "Harbour Gazette"
    assert str(article.published) == "2026-11-20"
    assert article.url == site.url("/news/harbour")  # where the redirect ended
    assert article.source_path == site.url("/old/harbour")  # what was asked for
    assert article.http_status == 200
    assert article.fetched_at is not None
    assert "Ilse Varga" in article.text
    assert all(hit.headers.get("User-Agent") == USER_AGENT for hit in site.hits)


def test_robots_txt_keeps_the_fetcher_out_of_disallowed_pages(make_site, client):
    site = _site(make_site)
    site.routes["/go/private"] = Route(status=302, headers={"Location": "/private/rail"})
    urls = [site.url("/news/harbour"), site.url("/private/school"), site.url("/go/private")]
    results = _fetch(urls, client)
    assert isinstance(results[0], Article)
    assert isinstance(results[1], ReadFailure) and "robots.txt" in results[1].reason
    assert isinstance(results[2], ReadFailure) and "robots.txt" in results[2].reason
    paths = site.paths()
    assert paths.count("/robots.txt") == 1
    assert not [p for p in paths if p.startswith("/private/")]
    assert "/news/harbour" in paths


def test_unreachable_robots_txt_means_keep_out_and_missing_means_welcome(make_site, client):
    closed = make_site("127.0.0.2")
    closed.routes["/robots.txt"] = Route("down", status=503, content_type="text/plain")
    closed.routes["/news/rail"] = Route(story_page("rail"))
    open_site = make_site("127.0.0.3")  # no robots.txt at all: a 404
    open_site.routes["/news/rail"] = Route(story_page("rail"))
    shut, welcome = _fetch([closed.url("/news/rail"), open_site.url("/news/rail")], client)
    assert isinstance(shut, ReadFailure) and "robots.txt" in shut.reason
    assert "/news/rail" not in closed.paths()
    assert isinstance(welcome, Article)


def test_requests_to_one_host_are_spaced_by_the_delay(make_site, client):
    site = _site(make_site)
    urls = [site.url(f"/news/{key}") for key in STORIES]
    results = _fetch(urls, client)  # four worker threads, yet one host: one at a time, spaced
    assert all(isinstance(r, Article) for r in results)
    times = sorted(hit.at for hit in site.hits)
    assert len(times) == len(STORIES) + 1  # robots.txt and each page once
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= TEST_DELAY - SLACK, gaps


def test_hosts_are_fetched_side_by_side(make_site, client):
    sites = [_site(make_site, f"127.0.0.{n}") for n in (1, 2, 3)]
    urls = [site.url(f"/news/{key}") for key in ("harbour", "rail") for site in sites]
    results = _fetch(urls, client)
    assert all(isinstance(r, Article) for r in results)
    first = min(hit.at for site in sites for hit in site.hits)
    last = max(hit.at for site in sites for hit in site.hits)
    # Three requests per host (robots, two pages) take two delays per host; in series it would be eight.
    assert last - first < 6 * TEST_DELAY


def test_redirect_loops_and_long_chains_are_cut_short(make_site, client):
    site = _site(make_site)
    site.routes["/loop/a"] = Route(status=302, headers={"Location": "/loop/b"})
    site.routes["/loop/b"] = Route(status=302, headers={"Location": "/loop/a"})
    for n in range(10):
        site.routes[f"/chain/{n}"] = Route(status=307, headers={"Location": f"/chain/{n + 1}"})
    site.routes["/away"] = Route(status=302, headers={"Location": "ftp://127.0.0.1/file"})
    loop, chain, away = _fetch([site.url("/loop/a"), site.url("/chain/0"), site.url("/away")], client)
    assert isinstance(loop, ReadFailure) and "redirect loop" in loop.reason
    assert isinstance(chain, ReadFailure) and "more than 4 redirects" in chain.reason
    assert isinstance(away, ReadFailure) and "non-http" in away.reason
    assert len([p for p in site.paths() if p.startswith("/chain/")]) == TEST_SETTINGS.max_redirects + 1


def test_only_http_urls_are_fetched(client):
    results = _fetch(["file:///etc/passwd", "ftp://127.0.0.1/x", "not a url"], client)
    assert all(isinstance(r, ReadFailure) and "only http" in r.reason for r in results)


def test_pages_over_the_size_cap_are_refused(make_site, client):
    site = _site(make_site)
    huge = "<html><body>" + "<p>word </p>" * 40_000 + "</body></html>"
    site.routes["/big/declared"] = Route(huge)
    site.routes["/big/chunked"] = Route(huge, chunked=True)
    declared, chunked = _fetch([site.url("/big/declared"), site.url("/big/chunked")], client)
    assert isinstance(declared, ReadFailure) and "cap" in declared.reason
    assert isinstance(chunked, ReadFailure) and "cap" in chunked.reason


def test_slow_and_failing_endpoints_are_retried_then_reported(make_site, client):
    site = _site(make_site)
    site.routes["/slow"] = Route(story_page("storm"), sleep=1.5)
    site.routes["/fail"] = Route("boom", status=500, content_type="text/plain")
    site.routes["/gone"] = Route("gone", status=404, content_type="text/plain")
    urls = [site.url("/slow"), site.url("/fail"), site.url("/gone"), site.url("/news/storm")]
    slow, fail, gone, fine = _fetch(urls, client)
    assert isinstance(slow, ReadFailure) and "timed out" in slow.reason
    assert isinstance(fail, ReadFailure) and fail.reason == "HTTP 500"
    assert isinstance(gone, ReadFailure) and gone.reason == "HTTP 404"
    assert isinstance(fine, Article)
    assert len(site.hits_of("/slow")) == 2  # the first try and one retry
    assert len(site.hits_of("/fail")) == 2
    assert len(site.hits_of("/gone")) == 1  # a 404 is not worth asking again
    retry_gap = site.hits_of("/fail")[1].at - site.hits_of("/fail")[0].at
    assert retry_gap >= TEST_DELAY - SLACK


def test_a_passing_failure_is_retried_after_the_backoff(make_site, client):
    site = _site(make_site)
    calls: list[int] = []

    def flaky(handler: BaseHTTPRequestHandler) -> Route:
        calls.append(1)
        if len(calls) == 1:
            return Route("busy", status=503, content_type="text/plain", headers={"Retry-After": "0"})
        return Route(story_page("school"))

    site.routes["/flaky"] = flaky
    [article] = _fetch([site.url("/flaky")], client)
    assert isinstance(article, Article) and "Mira Holm" in article.text
    assert len(calls) == 2


def test_non_html_and_empty_pages_are_reported(make_site, client):
    site = _site(make_site)
    site.routes["/photo.jpg"] = Route(b"\xff\xd8\xff\xe0" + b"\0" * 100, content_type="image/jpeg")
    site.routes["/empty"] = Route("<html><body><script>start()</script></body></html>")
    photo, empty = _fetch([site.url("/photo.jpg"), site.url("/empty")], client)
    assert isinstance(photo, ReadFailure) and "image/jpeg" in photo.reason
    assert isinstance(empty, ReadFailure) and "no article text" in empty.reason


def test_conditional_get_returns_304_without_a_body(make_site, client):
    site = _site(make_site)
    site.routes["/feed.xml"] = Route("<rss/>", content_type="application/rss+xml", etag='"v1"')
    with Fetcher(TEST_SETTINGS, client=client) as fetcher:
        first = fetcher.get(site.url("/feed.xml"))
        again = fetcher.get(site.url("/feed.xml"), headers={"If-None-Match": first.headers["etag"]})
    assert first.status == 200 and again.status == 304 and again.body == b""
