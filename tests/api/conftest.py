"""One real uvicorn server per test module, on a free loopback port, over a freshly built store."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from whosaid.api.app import create_app
from whosaid.api.background import BackgroundServer
from whosaid.store import open_store
from whosaid.store.base import Store

from .sample_store import build

TOKEN = "test-token-0123456789abcdef"


@dataclass
class Served:
    url: str
    store: Store
    ids: dict[str, str]
    client: httpx.Client


def serve(db: Path | str, **options: object) -> Iterator[Served]:
    """Builds the sample store at ``db`` (file or postgresql:// URL) and serves it until closed."""
    store = open_store(str(db))
    ids = build(store)
    app = create_app(store, **options)  # type: ignore[arg-type]
    try:
        with BackgroundServer(app) as url, httpx.Client(base_url=url, timeout=60) as client:
            yield Served(url, store, ids, client)
    finally:
        store.close()


@pytest.fixture(scope="module")
def postgres_database() -> Iterator[str]:
    """A fresh database on the test PostgreSQL server for one module, dropped afterwards."""
    import psycopg

    from conftest import postgres_admin_url  # the suite's root conftest: skip or fail as it decides

    admin = postgres_admin_url()
    assert admin
    name = f"whosaid_api_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(admin)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The read tests run over both store backends."""
    if request.param == "duckdb":
        target: str = str(tmp_path_factory.mktemp("api") / "sample.duckdb")
    else:
        target = request.getfixturevalue("postgres_database")
    yield from serve(target, token=TOKEN)
