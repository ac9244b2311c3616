"""A real HTTP server on the loopback range, serving feeds, pages and robots.txt, logging every request.

Nothing here listens or connects outside 127.0.0.0/8: each ``NewsSite`` binds a loopback address
and the fetchers under test are given URLs on it only (and an httpx client that ignores proxies).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from whosaid.ingest.fetch import FetchSettings

# Small numbers so the suite stays fast; the behaviour is the same at a real crawl's scale.
TEST_DELAY = 0.2
TEST_SETTINGS = FetchSettings(
    timeout=0.6, max_bytes=200_000, max_redirects=4, retries=1, backoff=0.05, delay=TEST_DELAY, workers=4
)


@dataclass
class Route:
    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    sleep: float = 0.0
    # Sent without Content-Length, in chunks, so only the reader's own count can stop it.
    chunked: bool = False


@dataclass
class Hit:
    path: str
    at: float
    headers: dict[str, str]
    status: int


class NewsSite:
    """One "outlet": a ThreadingHTTPServer on a loopback address, with routes and a request log."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        assert host.startswith("127."), "tests stay on the loopback range"
        self.routes: dict[str, Route | Callable[[BaseHTTPRequestHandler], Route]] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                at = time.monotonic()
                route = site.routes.get(self.path)
                if callable(route):
                    route = route(self)
                if route is None:
                    route = Route("not here", status=404, content_type="text/plain")
                status = route.status
                if status == 200 and _not_modified(self, route):
                    status = 304
                with site._lock:
                    site.hits.append(Hit(self.path, at, dict(self.headers), status))
                if route.sleep:
                    time.sleep(route.sleep)
                body = route.body.encode() if isinstance(route.body, str) else route.body
                # The client may hang up (timeouts, the size cap): that is what those tests check.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._send(route, status, b"" if status == 304 else body)

            def _send(self, route: Route, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", route.content_type)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                if route.chunked and status == 200:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for i in range(0, len(body), 16_384):
                        piece = body[i : i + 16_384]
                        self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                    return
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = _QuietServer((host, 0), Handler)
        self.host, self.port = self.server.server_address[:2]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def paths(self) -> list[str]:
        with self._lock:
            return [hit.path for hit in self.hits]

    def hits_of(self, path: str) -> list[Hit]:
        with self._lock:
            return [hit for hit in self.hits if hit.path == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hanging up mid-request is part of what the tests do


def _not_modified(handler: BaseHTTPRequestHandler, route: Route) -> bool:
    tag = handler.headers.get("If-None-Match")
    if tag is not None and route.etag:
        return tag == route.etag
    since = handler.headers.get("If-Modified-Since")
    return since is not None and route.last_modified is not None and since == route.last_modified
