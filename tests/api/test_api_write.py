"""POST /api/articles through the real pipeline, and every way a write can be refused."""

from __future__ import annotations

import base64
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from whosaid.api.security import token_matches

from .conftest import TOKEN, Served, serve

DEMO = Path(__file__).resolve().parents[2] / "src" / "whosaid" / "demo_data" / "articles"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
STORY = (
    "Harbour master Ingrid Solberg said that the northern quay would reopen on Monday. "
    '"We expect the first ferry at dawn," Solberg told reporters.'
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    yield from serve(tmp_path_factory.mktemp("write") / "write.duckdb", token=TOKEN, max_body_bytes=200_000)


def refused(served: Served, expected: int, **request: object) -> httpx.Response:
    """Sends a POST that must fail with ``expected`` and change nothing in the store."""
    before = served.store.counts()
    response = served.client.post("/api/articles", **request)  # type: ignore[arg-type]
    assert response.status_code == expected, response.text
    assert served.store.counts() == before
    return response


def test_token_is_required(served: Served) -> None:
    body = {"json": {"text": STORY}}
    refused(served, 401, **body)
    refused(served, 401, headers={"Authorization": "Bearer wrong"}, **body)
    refused(served, 401, headers={"Authorization": f"Token {TOKEN}"}, **body)
    refused(served, 401, headers={"Authorization": f"Bearer {TOKEN}x"}, **body)


def test_token_comparison() -> None:
    basic = base64.b64encode(f"anyone:{TOKEN}".encode()).decode()
    assert token_matches(f"Bearer {TOKEN}", TOKEN)
    assert token_matches(f"Basic {basic}", TOKEN)
    assert not token_matches("Basic !!!", TOKEN)
    assert not token_matches(f"Bearer {TOKEN}", None)
    assert not token_matches(None, TOKEN)
    assert not token_matches("Bearer ", TOKEN)


@pytest.mark.parametrize(
    ("content", "content_type", "expected"),
    [
        (b'{"text": "unterminated', "application/json", 400),
        (b"", "application/json", 400),
        (b"[1, 2, 3]", "application/json", 422),
        (b'{"text": 12}', "application/json", 422),
        (b'{"title": "no text"}', "application/json", 422),
        (b'{"text": "   "}', "application/json", 422),
        (b'{"text": "ok text here", "published": "last week"}', "application/json", 422),
        (b'{"text": "ok text here", "fetch_this": "http://169.254.169.254/"}', "application/json", 422),
        (b"\xff\xfe\x00binary", "text/markdown", 400),
        (b"<html><script>alert(1)</script></html>", "text/html", 422),
        (b"GIF89a....", "image/gif", 415),
        (b"text=hello", "application/x-www-form-urlencoded", 415),
    ],
)
def test_bad_bodies_are_refused(served: Served, content: bytes, content_type: str, expected: int) -> None:
    response = refused(served, expected, content=content, headers=AUTH | {"Content-Type": content_type})
    assert "detail" in response.json()


def test_oversized_body_is_413(served: Served) -> None:
    big = json.dumps({"text": "word " * 60_000}).encode()
    refused(served, 413, content=big, headers=AUTH | {"Content-Type": "application/json"})

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must hold while streaming
        yield b'{"text": "'
        for _ in range(40):
            yield b"x" * 10_000
        yield b'"}'

    refused(served, 413, content=chunks(), headers=AUTH | {"Content-Type": "application/json"})


def test_article_over_the_pipeline_limit_is_422(served: Served) -> None:
    from whosaid.pipeline import DEFAULT_MAX_CHARS

    text = ("The minister said that the port was safe. " * (DEFAULT_MAX_CHARS // 40))[
        : DEFAULT_MAX_CHARS + 10
    ]
    response = refused(served, 422, json={"text": text}, headers=AUTH)
    assert "whosaid" in response.json()["detail"]


def test_post_json_ingests_through_the_pipeline(served: Served) -> None:
    payload = {"text": STORY, "title": "Quay to reopen", "outlet": "Test Harbour News",
               "published": "2025-07-01", "url": "https://example.org/quay"}  # fmt: skip
    response = served.client.post("/api/articles", json=payload, headers=AUTH)
    assert response.status_code == 201, response.text
    made = response.json()
    assert made["added"] is True and made["statements"] >= 1
    article = served.client.get(made["href"]).json()
    assert article["outlet"] == "Test Harbour News" and article["published"] == "2025-07-01"
    assert any(s["speaker"] and "Solberg" in s["speaker"] for s in article["statements"])
    for st in article["statements"]:
        assert article["text"][st["content_start"] : st["content_end"]] == st["content"]
    before = served.store.counts()
    again = served.client.post("/api/articles", json=payload, headers=AUTH)
    assert again.status_code == 200 and again.json()["added"] is False
    assert served.store.counts() == before


def test_post_markdown_and_html_uploads(served: Served) -> None:
    markdown = (DEMO / "harbour-gazette-2025-06-10.md").read_bytes()
    response = served.client.post(
        "/api/articles", content=markdown, params={"outlet": "Harbour Gazette"},
        headers=AUTH | {"Content-Type": "text/markdown; charset=utf-8"},
    )  # fmt: skip
    assert response.status_code == 201, response.text
    article = served.client.get(response.json()["href"]).json()
    assert article["title"] == "Blast at Karsvik Port Kills 12, Minister Says"
    assert article["published"] == "2025-06-10"
    assert any(s["speaker"] == "Marta Kowalin" for s in article["statements"])
    html = next(DEMO.glob("*.html")).read_bytes()
    response = served.client.post("/api/articles", content=html, headers=AUTH | {"Content-Type": "text/html"})
    assert response.status_code == 201, response.text
    assert response.json()["statements"] >= 1


def test_posted_urls_are_never_fetched(served: Served) -> None:
    hits: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder) as trap:
        threading.Thread(target=trap.serve_forever, daemon=True).start()
        trap_url = f"http://127.0.0.1:{trap.server_address[1]}/article"
        text = "Councillor Mia Strand said that the library would stay open late on Fridays."
        posted = served.client.post("/api/articles", json={"text": text, "url": trap_url}, headers=AUTH)
        assert posted.status_code == 201, posted.text
        page = b"<html><body><article><p>Nothing here but a link.</p></article></body></html>"
        served.client.post(
            "/api/articles", content=page, params={"url": trap_url},
            headers=AUTH | {"Content-Type": "text/html"},
        )  # fmt: skip
        trap.shutdown()
    assert hits == []
    assert served.client.get(posted.json()["href"]).json()["url"] == trap_url  # kept, as metadata


def test_cursor_is_stable_while_articles_arrive(served: Served) -> None:
    before = [s["id"] for s in served.client.get("/api/statements", params={"limit": 500}).json()["items"]]
    first = served.client.get("/api/statements", params={"limit": 3}).json()
    text = 'Mayor Lena Dahl said that the festival would go ahead. "It is safe," Dahl said.'
    posted = served.client.post(
        "/api/articles", json={"text": text, "published": "2030-01-01"}, headers=AUTH
    )  # fmt: skip
    assert posted.status_code == 201
    rest, cursor = [], first["next_cursor"]
    while cursor:
        page = served.client.get("/api/statements", params={"limit": 3, "cursor": cursor}).json()
        rest += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
    assert [s["id"] for s in first["items"]] + rest == before  # the newer article does not shift pages


def test_server_without_token_refuses_writes(tmp_path: Path) -> None:
    for served in serve(tmp_path / "readonly.duckdb", token=""):
        response = refused(served, 403, json={"text": STORY}, headers=AUTH)
        assert "WHOSAID_TOKEN" in response.json()["detail"]


def test_private_server_needs_the_token_to_read(tmp_path: Path) -> None:
    for served in serve(tmp_path / "private.duckdb", token=TOKEN, private=True):
        for path in ("/api/stats", "/api/statements", "/", "/speakers/ent-kowalin"):
            assert served.client.get(path).status_code == 401, path
        assert served.client.get("/api/stats", headers=AUTH).status_code == 200
        basic = base64.b64encode(f"me:{TOKEN}".encode()).decode()
        page = served.client.get("/", headers={"Authorization": f"Basic {basic}"})
        assert page.status_code == 200
        denied = served.client.get("/speakers")
        assert denied.headers["www-authenticate"].startswith("Basic")
