"""Being a good guest on other people's servers: robots.txt, a delay between requests to one host,
and a cap on concurrent requests to it.

One ``HostPolicy`` is shared by every thread that fetches; it keeps, per host, the time the next
request may start and a semaphore. Robots rules are fetched once per host (through the caller's
own ``get`` function, so that the robots request also waits its turn) and cached.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# The one User-Agent whosaid sends; sites can address it by the token "whosaid" in robots.txt.
USER_AGENT = "whosaid/0.1 (+https://github.com/whosaid)"
ROBOTS_AGENT_TOKEN = "whosaid"

# A robots.txt larger than this is treated as unreachable (Google's limit is 500 KiB).
ROBOTS_MAX_BYTES = 512 * 1024
# Robots rules are re-read after this long, as RFC 9309 suggests (24 hours at most); sooner when the
# robots.txt could not be read, so a brief outage does not shut a site out for a day.
ROBOTS_TTL = 24 * 3600.0
ROBOTS_RETRY_AFTER_FAILURE = 600.0
# A site's Crawl-delay is obeyed up to this many seconds; beyond it we still wait this long.
MAX_CRAWL_DELAY = 60.0


def host_key(url: str) -> str:
    """``scheme://host:port``: robots.txt and politeness apply per origin."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


@dataclass(slots=True)
class RobotsAnswer:
    """What a robots.txt fetch gave: the status and body, or None for a network failure."""

    status: int | None
    body: str = ""


# Fetches a robots.txt URL; returns its status and text (or status None when unreachable).
RobotsGetter = Callable[[str], RobotsAnswer]


@dataclass(slots=True)
class _HostState:
    next_start: float = 0.0
    slots: threading.BoundedSemaphore = field(default_factory=lambda: threading.BoundedSemaphore(1))
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_expires: float = 0.0
    robots_lock: threading.Lock = field(default_factory=threading.Lock)


class HostPolicy:
    """Per-host delay, concurrency limit and robots.txt rules, safe to share between threads."""

    def __init__(
        self,
        *,
        delay: float = 1.0,
        per_host: int = 1,
        respect_robots: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if delay < 0 or per_host < 1:
            raise ValueError("delay must be >= 0 and per_host >= 1")
        self.delay = delay
        self.per_host = per_host
        self.respect_robots = respect_robots
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._hosts: dict[str, _HostState] = {}

    def _state(self, url: str) -> _HostState:
        key = host_key(url)
        with self._lock:
            state = self._hosts.get(key)
            if state is None:
                state = _HostState(slots=threading.BoundedSemaphore(self.per_host))
                self._hosts[key] = state
            return state

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        """Hold one of the host's concurrency slots, starting no sooner than the host's delay allows.

        The delay counts from the end of the previous request (so a slow server gets its pause
        too) and between starts; start times are reserved under a lock, so two threads never
        start within ``delay`` of each other on one host even when ``per_host`` > 1.
        """
        state = self._state(url)
        with state.slots:
            delay = self._host_delay(state)
            with self._lock:
                now = self._clock()
                start = max(now, state.next_start)
                state.next_start = start + delay
            if start > now:
                self._sleep(start - now)
            try:
                yield
            finally:
                with self._lock:
                    state.next_start = max(state.next_start, self._clock() + delay)

    def _host_delay(self, state: _HostState) -> float:
        robots = state.robots
        crawl_delay: float = 0.0
        if robots is not None:
            value = robots.crawl_delay(ROBOTS_AGENT_TOKEN)
            if value is not None:
                crawl_delay = min(float(value), MAX_CRAWL_DELAY)
        return max(self.delay, crawl_delay)

    def allowed(self, url: str, get_robots: RobotsGetter) -> bool:
        """Whether robots.txt lets whosaid fetch ``url``; fetches the host's robots.txt once."""
        if not self.respect_robots:
            return True
        state = self._state(url)
        with state.robots_lock:
            if state.robots is None or self._clock() >= state.robots_expires:
                robots, reachable = _parse_robots(host_robots_url(url), get_robots)
                ttl = ROBOTS_TTL if reachable else ROBOTS_RETRY_AFTER_FAILURE
                state.robots, state.robots_expires = robots, self._clock() + ttl
            robots = state.robots
        return robots.can_fetch(ROBOTS_AGENT_TOKEN, url)


def host_robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def _parse_robots(
    robots_url: str, get_robots: RobotsGetter
) -> tuple[urllib.robotparser.RobotFileParser, bool]:
    """Rules as RFC 9309 asks: a 4xx robots.txt means no rules; unreachable or 5xx means keep out.

    Returns the rules and whether the robots.txt was reachable.
    """
    parser = urllib.robotparser.RobotFileParser(robots_url)
    answer = get_robots(robots_url)
    status = answer.status
    reachable = status is not None and status < 500
    if status is None or status >= 500:
        parser.parse(["User-agent: *", "Disallow: /"])
    elif status >= 400:
        parser.parse([])
    else:
        parser.parse(answer.body.splitlines())
    return parser, reachable
