"""Crash safety: ``whosaid ingest`` killed with SIGKILL midway, then run again, loses and doubles nothing."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from whosaid.store import open_store

ARTICLES = 300
PROGRESS = re.compile(r"(\d+) articles \[")


def batch(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(ARTICLES):
            text = (
                f'"Berth {n} will reopen on day {n % 28 + 1}," said harbour master Anna Berg. '
                f"Mayor Lars Holm said that repairs to crane {n} had cost {n * 137} crowns."
            )
            out.write(json.dumps({"id": f"a{n}", "text": text, "outlet": "Harbour Gazette"}) + "\n")


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def ingest_command(src: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "whosaid", "ingest", str(src), "--db", str(db), "--progress", "--no-link"]


def test_sigkill_midway_then_rerun_stores_every_article_once(tmp_path: Path) -> None:
    src, db = tmp_path / "batch.jsonl", tmp_path / "crash.duckdb"
    batch(src)
    proc = subprocess.Popen(ingest_command(src, db), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    assert proc.stderr is not None
    seen = b""
    done = 0
    deadline = time.monotonic() + 300
    # Kill once a fair share (not all) of the batch is through, judged from the progress bar.
    while done < ARTICLES // 5 and time.monotonic() < deadline:
        chunk = os.read(proc.stderr.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
        counts = PROGRESS.findall(seen[-400:].decode("utf-8", "replace"))
        done = int(counts[-1]) if counts else 0
    workers = children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert ARTICLES // 5 <= done < ARTICLES, seen.decode("utf-8", "replace")[-2000:]
    assert workers, "ingest ran its analysis in worker processes"
    # The analysis workers notice their parent is gone and stop by themselves.
    give_up = time.monotonic() + 20
    while any(alive(pid) for pid in workers) and time.monotonic() < give_up:
        time.sleep(0.2)
    assert not [pid for pid in workers if alive(pid)], "orphaned analysis workers still running"

    with open_store(db) as store:
        stored_after_kill = store.counts()["articles"]
    assert 0 < stored_after_kill < ARTICLES

    rerun = subprocess.run(ingest_command(src, db), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"{ARTICLES - stored_after_kill} stored" in rerun.stdout
    assert f"{stored_after_kill} already stored" in rerun.stdout

    with open_store(db) as store:
        rows = store.query("SELECT external_id, count(*) AS n FROM articles GROUP BY external_id")
        assert sorted(r["external_id"] for r in rows) == sorted(f"a{n}" for n in range(ARTICLES))
        assert all(r["n"] == 1 for r in rows)
        orphans = store.query(
            "SELECT count(*) AS n FROM statements s LEFT JOIN articles a ON a.id = s.article_id"
            " WHERE a.id IS NULL"
        )
        assert orphans[0]["n"] == 0
        # No article lost its statements: every generated article has a quote and a 'said that'.
        bare = store.query(
            "SELECT count(*) AS n FROM articles a WHERE NOT EXISTS"
            " (SELECT 1 FROM statements s WHERE s.article_id = a.id)"
        )
        assert bare[0]["n"] == 0
