"""``whosaid watch`` as a real process stopped by SIGTERM, and ``whosaid sources``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from whosaid.cli import main
from whosaid.errors import WhosaidError
from whosaid.ingest.watch import parse_interval, read_sources

from .watch_pages import rss
from .watch_server import Route

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def test_interval_and_sources_file_parsing(tmp_path):
    assert parse_interval("15m") == 900
    assert parse_interval("1h30m") == 5400
    assert parse_interval("90s") == parse_interval("90") == 90
    with pytest.raises(WhosaidError, match="15m"):
        parse_interval("soon")
    listing = tmp_path / "sources.txt"
    listing.write_text("# feeds\nhttp://127.0.0.1:8/feed.xml  # main\n\nhttps://127.0.0.1:9/\n")
    assert read_sources(listing) == ["http://127.0.0.1:8/feed.xml", "https://127.0.0.1:9/"]
    listing.write_text("ftp://127.0.0.1/feed\n")
    with pytest.raises(WhosaidError, match="line 1"):
        read_sources(listing)


def test_watch_process_stops_cleanly_on_sigterm_and_sources_reports_it(make_site, tmp_path, capsys):
    site = make_site("127.0.0.1")
    site.routes["/robots.txt"] = Route("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    links = [site.url("/news/gone"), site.url("/private/memo")]
    site.routes["/feed.xml"] = Route(rss("Gazette", links), content_type="application/rss+xml")
    listing = tmp_path / "sources.txt"
    listing.write_text(site.url("/feed.xml") + "\n")
    db = tmp_path / "cli.duckdb"
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
    env["NO_PROXY"] = "*"  # belt and braces: the process must talk to 127.0.0.1 directly
    command = [sys.executable, "-m", "whosaid", "watch", str(listing), "--db", str(db)]
    command += ["--every", "0.5s", "--delay", "0.1", "--timeout", "2"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while len(site.hits_of("/feed.xml")) < 2 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert "stopping after the current article" in stderr
    assert "0 new article(s) stored in" in stderr
    assert f"{site.url('/news/gone')}: HTTP 404" in stderr
    assert len(site.hits_of("/feed.xml")) >= 2
    assert len(site.hits_of("/news/gone")) == 1  # a permanent failure is not asked for again
    assert not site.hits_of("/private/memo")

    assert main(["sources", "--db", str(db), "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["url"] == site.url("/feed.xml") and row["kind"] == "feed"
    assert row["last_status"] == 200 and row["failed_urls"] == 2
    assert main(["sources", "--db", str(db)]) == 0
    assert site.url("/feed.xml") in capsys.readouterr().out
