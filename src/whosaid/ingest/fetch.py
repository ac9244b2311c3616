"""Fetch web pages politely and turn them into Articles.

``Fetcher.get`` is one polite GET: only http(s), robots.txt asked at every hop, redirects followed
by hand (bounded, loops caught), a per-host delay and concurrency limit, timeouts, retries with
exponential backoff for transient failures, and a cap on the body size. ``fetch_articles`` runs it
over many URLs on a few threads and extracts each page with trafilatura.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from threading import Event
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from whosaid.ingest.fetch_extract import page_article
from whosaid.ingest.politeness import USER_AGENT, HostPolicy, RobotsAnswer
from whosaid.ingest.records import ReadFailure
from whosaid.model import Article

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Statuses worth asking again after a pause: rate limiting and server trouble.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Every knob of fetching in one place; the CLI maps its flags onto these."""

    timeout: float = 20.0  # seconds for connecting, and for the whole body to arrive
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    retries: int = 2  # extra attempts after the first, for transient failures only
    backoff: float = 1.0  # first retry waits this long, then twice as long each time
    max_backoff: float = 60.0
    delay: float = 1.0  # seconds between two requests to one host
    per_host: int = 1  # requests in flight to one host at once
    workers: int = 4  # requests in flight overall
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(slots=True)
class Page:
    """One fetched response: what was asked, where it ended up, and what came back."""

    url: str
    final_url: str
    status: int
    headers: httpx.Headers
    body: bytes
    fetched_at: datetime

    @property
    def content_type(self) -> str:
        value: str = self.headers.get("content-type", "")
        return value.split(";")[0].strip().lower()

    def text(self) -> str:
        charset = httpx.Response(200, headers=self.headers).charset_encoding or "utf-8"
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:  # a charset name Python does not know
            return self.body.decode("utf-8", errors="replace")


class FetchError(Exception):
    """A URL that could not be fetched, with a reason fit for a one-line report."""

    def __init__(self, url: str, reason: str, *, status: int | None = None, transient: bool = False):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        # Worth trying again on a later poll (timeouts, 5xx); permanent failures are not retried.
        self.transient = transient


class _Retry(Exception):
    def __init__(self, error: FetchError, wait: float | None = None):
        super().__init__(error.reason)
        self.error = error
        self.wait = wait


class Fetcher:
    """A polite HTTP client shared by threads. Pass ``client`` to reuse an ``httpx.Client``."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        client: httpx.Client | None = None,
        policy: HostPolicy | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self._own_client = client is None
        self.client = client or httpx.Client()
        self.policy = policy or HostPolicy(
            delay=self.settings.delay,
            per_host=self.settings.per_host,
            respect_robots=self.settings.respect_robots,
        )

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def get(self, url: str, *, headers: Mapping[str, str] | None = None) -> Page:
        """GET ``url`` following redirects; a 304 comes back as a Page, errors raise FetchError."""
        return self._follow(url, headers or {}, check_robots=True)

    def _follow(self, url: str, headers: Mapping[str, str], *, check_robots: bool) -> Page:
        if not _is_http(url):
            raise FetchError(url, "only http and https URLs can be fetched")
        seen = {url}
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            if check_robots and not self.policy.allowed(current, self._get_robots):
                raise FetchError(url, f"disallowed by robots.txt ({current})")
            status, response_headers, body = self._request(current, headers)
            location = response_headers.get("location")
            if status in REDIRECT_STATUSES and location:
                target = urljoin(current, location.strip())
                if not _is_http(target):
                    raise FetchError(url, f"redirected to a non-http(s) URL: {target}", status=status)
                if target in seen:
                    raise FetchError(url, f"redirect loop at {target}", status=status)
                seen.add(target)
                current = target
                continue
            if status >= 400:
                raise FetchError(url, f"HTTP {status}", status=status, transient=status in RETRY_STATUSES)
            return Page(url, current, status, response_headers, body, datetime.now(UTC))
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects")

    def _get_robots(self, robots_url: str) -> RobotsAnswer:
        try:
            page = self._follow(robots_url, {}, check_robots=False)
        except FetchError as error:
            return RobotsAnswer(error.status if error.status and error.status < 500 else None)
        return RobotsAnswer(page.status, page.text())

    def _request(self, url: str, headers: Mapping[str, str]) -> tuple[int, httpx.Headers, bytes]:
        """One request with retries; waits for backoff happen outside the host's slot."""
        settings = self.settings
        for attempt in range(settings.retries + 1):
            last = attempt == settings.retries
            try:
                with self.policy.slot(url):
                    return self._attempt(url, headers, retry_allowed=not last)
            except _Retry as retry:
                if last:
                    raise retry.error from None
                wait = settings.backoff * (2**attempt)
                if retry.wait is not None:
                    wait = max(wait, retry.wait)
                time.sleep(min(wait, settings.max_backoff))
        raise AssertionError("unreachable")  # the loop returns or raises

    def _attempt(
        self, url: str, headers: Mapping[str, str], *, retry_allowed: bool
    ) -> tuple[int, httpx.Headers, bytes]:
        settings = self.settings
        request_headers = {"User-Agent": settings.user_agent, **headers}
        started = time.monotonic()
        try:
            with self.client.stream(
                "GET",
                url,
                headers=request_headers,
                follow_redirects=False,
                timeout=httpx.Timeout(settings.timeout),
            ) as response:
                status = response.status_code
                if status in RETRY_STATUSES:
                    error = FetchError(url, f"HTTP {status}", status=status, transient=True)
                    if retry_allowed:
                        raise _Retry(error, _retry_after(response.headers))
                    return status, response.headers, b""
                if status in REDIRECT_STATUSES or status == 304 or status >= 400:
                    return status, response.headers, b""
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > settings.max_bytes:
                    raise FetchError(url, f"larger than the {settings.max_bytes}-byte cap", status=status)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > settings.max_bytes:
                        raise FetchError(url, f"larger than the {settings.max_bytes}-byte cap", status=status)
                    if time.monotonic() - started > settings.timeout:
                        raise httpx.ReadTimeout("body took too long", request=response.request)
                    chunks.append(chunk)
                return status, response.headers, b"".join(chunks)
        except httpx.TimeoutException as exc:
            error = FetchError(url, f"timed out ({type(exc).__name__})", transient=True)
        except httpx.HTTPError as exc:
            error = FetchError(url, f"network error: {type(exc).__name__}: {exc}", transient=True)
        if retry_allowed:
            raise _Retry(error)
        raise error


def _is_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def fetch_pages(
    urls: Iterable[str], fetcher: Fetcher, *, stop: Event | None = None
) -> Iterator[tuple[str, Page | FetchError]]:
    """Fetch ``urls`` on ``fetcher.settings.workers`` threads; yields in input order.

    Setting ``stop`` ends the run at the next item: requests in flight finish, unread results
    and queued URLs are dropped (a resumed run fetches them).
    """
    window = max(1, fetcher.settings.workers) * 2
    todo = iter(urls)
    pending: deque[tuple[str, Future[Page | FetchError]]] = deque()
    pool = ThreadPoolExecutor(max_workers=max(1, fetcher.settings.workers), thread_name_prefix="fetch")

    def one(url: str) -> Page | FetchError:
        try:
            return fetcher.get(url)
        except FetchError as error:
            return error

    def fill() -> None:
        while len(pending) < window and not (stop and stop.is_set()):
            url = next(todo, None)
            if url is None:
                return
            pending.append((url, pool.submit(one, url)))

    try:
        fill()
        while pending and not (stop and stop.is_set()):
            url, future = pending.popleft()
            yield url, future.result()
            fill()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def fetch_articles(
    urls: Iterable[str],
    *,
    client: httpx.Client | None = None,
    settings: FetchSettings | None = None,
    fetcher: Fetcher | None = None,
    stop: Event | None = None,
) -> Iterator[Article | ReadFailure]:
    """Fetch and extract each URL: an Article (url = final URL, source_path = the URL asked for,
    fetched_at, http_status), or a ReadFailure saying why not."""
    own = fetcher is None
    active = fetcher or Fetcher(settings, client=client)
    try:
        for url, outcome in fetch_pages(urls, active, stop=stop):
            if isinstance(outcome, FetchError):
                yield ReadFailure(url, outcome.reason)
            else:
                yield page_article(outcome)
    finally:
        if own:
            active.close()
