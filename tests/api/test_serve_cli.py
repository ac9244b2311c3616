"""`whosaid serve` as a user runs it: a separate process on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .sample_store import build_file


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_command_serves_api_and_page(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    build_file(db)
    port = free_port()
    env = os.environ | {"WHOSAID_TOKEN": "cli-token"}
    command = [sys.executable, "-m", "whosaid", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                stats = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "whosaid serve did not start"
                time.sleep(0.2)
        assert stats.json()["articles"] == 4
        assert "<form" in httpx.get(f"http://127.0.0.1:{port}/", timeout=5).text
        denied = httpx.post(f"http://127.0.0.1:{port}/api/articles", json={"text": "x"}, timeout=5)
        assert denied.status_code == 401
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_private_without_token_is_a_clear_error(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "WHOSAID_TOKEN"}
    done = subprocess.run(
        [sys.executable, "-m", "whosaid", "serve", "--db", str(tmp_path / "x.duckdb"), "--private"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "WHOSAID_TOKEN" in done.stderr
