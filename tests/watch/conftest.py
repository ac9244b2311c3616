"""Fixtures for the watch tests: loopback news sites, a proxy-free client, a polite fetcher."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from whosaid.ingest.fetch import Fetcher

from .watch_server import TEST_SETTINGS, NewsSite


@pytest.fixture
def make_site() -> Iterator[Callable[..., NewsSite]]:
    sites: list[NewsSite] = []

    def make(host: str = "127.0.0.1") -> NewsSite:
        site = NewsSite(host)
        sites.append(site)
        return site

    yield make
    for site in sites:
        site.close()


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    # trust_env=False: no proxy from the environment may carry a test request off the machine.
    with httpx.Client(trust_env=False) as http:
        yield http


@pytest.fixture
def fetcher(client: httpx.Client) -> Iterator[Fetcher]:
    with Fetcher(TEST_SETTINGS, client=client) as polite:
        yield polite
