"""The API and pages over the demo store, built by the real pipeline from the packaged demo articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from whosaid.api.app import create_app
from whosaid.api.background import BackgroundServer


@pytest.fixture(scope="module")
def demo(demo_db: Path) -> Iterator[httpx.Client]:
    """The suite's demo store (built once per session by the real pipeline), served read-only."""
    with BackgroundServer(create_app(str(demo_db))) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield client


def test_every_read_endpoint_answers(demo: httpx.Client) -> None:
    articles = demo.get("/api/articles").json()["items"]
    assert "Harbour Gazette" in {a["outlet"] for a in articles}
    for a in articles:
        detail = demo.get(f"/api/articles/{a['id']}").json()
        for st in detail["statements"]:
            assert detail["text"][st["content_start"] : st["content_end"]] == st["content"]
            assert demo.get(f"/api/statements/{st['id']}").json()["content"] == st["content"]
    speakers = demo.get("/api/speakers").json()["items"]
    names = {s["name"] for s in speakers}
    assert "Marta Kowalin" in names
    kowalin = next(s for s in speakers if s["name"] == "Marta Kowalin")
    timeline = demo.get(f"/api/speakers/{kowalin['key']}").json()["timeline"]
    assert len(timeline) >= 2
    dates = [t["said_on"] or t["published"] for t in timeline]
    assert dates == sorted(dates)
    found = demo.get("/api/statements", params={"q": "killed", "speaker": kowalin["key"]}).json()["items"]
    assert found and all("killed" in s["content"].lower() for s in found)
    for path in ("/api/entities", "/api/stories", "/api/conflicts", "/api/stats"):
        assert demo.get(path).status_code == 200, path
    for story in demo.get("/api/stories").json()["items"]:
        assert demo.get(f"/api/stories/{story['id']}").status_code == 200
        for claim in demo.get(f"/api/stories/{story['id']}/claims").json()["items"]:
            assert demo.get(f"/api/claims/{claim['id']}").status_code == 200
    for conflict in demo.get("/api/conflicts").json()["items"]:
        assert conflict["a"]["outlet"] and conflict["b"]["outlet"]


def test_web_pages_over_the_demo(demo: httpx.Client) -> None:
    for path in ("/", "/?q=dead", "/speakers", "/articles", "/stories", "/conflicts"):
        page = demo.get(path)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html"), path
    first = demo.get("/api/articles").json()["items"][0]
    page = demo.get(f"/articles/{first['id']}")
    assert page.text.count('<mark class="quote') >= first["statements"]
