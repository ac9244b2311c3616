"""Fixtures shared by every test area: where things are, and the real model and databases."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
# CI runs in a fresh clone with a copy of shared/ beside it.
SHARED_DIR = REPO_ROOT / ".." / "shared"
SEED_PATH = SHARED_DIR / "seed" / "moscow-times-2024-03-26.md"
SEED_GOLD_PATH = SHARED_DIR / "seed" / "moscow-times-2024-03-26.gold.json"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(f"{SHARED_DIR} is absent (CI copies shared/ beside the clone)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    if not SEED_PATH.is_file():
        pytest.skip(f"the seed article {SEED_PATH} is absent")
    return SEED_PATH


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline with whosaid's extractor, loaded once for the session."""
    from whosaid.nlp import load

    return load()


def postgres_admin_url() -> str | None:
    """The test server's URL, or a skip when none is configured (never on CI)."""
    url = os.environ.get("WHOSAID_TEST_POSTGRES")
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail("WHOSAID_TEST_POSTGRES is not set on CI: run the tests through scripts/run-tests.sh")
    pytest.skip("no PostgreSQL server: set WHOSAID_TEST_POSTGRES or run scripts/run-tests.sh")
    return None


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server, dropped afterwards."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    admin = postgres_admin_url()
    assert admin
    name = f"whosaid_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = urlunsplit(urlsplit(admin)._replace(path=f"/{name}"))
    try:
        yield url
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["duckdb", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on a DuckDB file and on a PostgreSQL database."""
    if request.param == "duckdb":
        return str(tmp_path / "test.duckdb")
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB file with the bundled demo corpus ingested by the real pipeline (treat as read-only)."""
    from whosaid.demo_data import demo_paths
    from whosaid.pipeline import ingest
    from whosaid.store import open_store

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    store = open_store(path)
    try:
        ingest(demo_paths(), store, progress=False)
    finally:
        store.close()
    return path
