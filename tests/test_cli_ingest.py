"""``whosaid ingest``, ``extract``, ``quotes`` and ``demo`` run as real processes."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from whosaid.ingest.records import make_article
from whosaid.model import Article, content_id
from whosaid.pipeline import ingest_articles
from whosaid.store import open_store

STATEMENT_KEYS = {
    "kind",
    "content",
    "content_span",
    "speaker",
    "speaker_text",
    "speaker_span",
    "cue",
    "cue_span",
    "said_on",
    "confidence",
    "via",
    "speaker_type",
    "speaker_role",
    "nested_in",
}


def whosaid(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("WHOSAID_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "whosaid", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
    )


def report_text(n: int) -> str:
    return (
        f"# Harbour report {n}\n\n"
        f'"We will repair berth {n} by Friday," said harbour master Anna Berg on Tuesday. '
        f"Mayor Lars Holm said that the works on pier {n} would cost {n * 1000} crowns.\n"
    )


def test_ingest_reports_skipped_files_and_adds_nothing_twice(seed_path: Path, tmp_path: Path) -> None:
    good, mixed, db = tmp_path / "good", tmp_path / "mixed", tmp_path / "news.duckdb"
    good.mkdir()
    mixed.mkdir()
    (good / "seed.md").write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    for n in range(2):
        (good / f"report-{n}.md").write_text(report_text(n), encoding="utf-8")
    first = whosaid("ingest", good, "--db", db, "--no-link")
    assert first.returncode == 0, first.stderr
    assert "3 stored" in first.stdout and "0 skipped" in first.stdout
    with open_store(db) as store:
        counts = store.counts()
    assert counts["articles"] == 3 and counts["statements"] >= 5

    (mixed / "report-9.md").write_text(report_text(9), encoding="utf-8")
    (mixed / "broken.html").write_text("<html><head><title>Broken</ti", encoding="utf-8")
    (mixed / "empty.md").write_bytes(b"")
    (mixed / "not-utf8.md").write_bytes(b"Caf\xe9 \x81\x9c\x00\x00" + bytes(range(256)) * 8)
    second = whosaid("ingest", good, mixed, "--db", db, "--no-link")
    assert second.returncode == 1
    assert (
        "1 stored" in second.stdout and "3 already stored" in second.stdout and "3 skipped" in second.stdout
    )
    skipped = [line for line in second.stderr.splitlines() if line.startswith("whosaid: skipped ")]
    assert sorted(Path(line.split(": ")[1]).name for line in skipped) == [
        "broken.html",
        "empty.md",
        "not-utf8.md",
    ]
    with open_store(db) as store:
        after = store.counts()
        assert (
            store.query("SELECT count(*) AS n FROM articles WHERE title = ?", ["Harbour report 9"])[0]["n"]
            == 1
        )
    assert after["articles"] == 4
    third = whosaid("ingest", good, mixed, "--db", db, "--no-link")
    assert "0 stored" in third.stdout and "4 already stored" in third.stdout
    with open_store(db) as store:
        assert store.counts() == after


def test_extract_jsonl_keeps_ids_and_offsets(tmp_path: Path) -> None:
    lines = [
        {"id": "a-1", "text": report_text(1), "title": "Report", "published": "2025-06-10", "other": [1, 2]},
        {"id": "b-2", "text": "Nothing was said here. The harbour is calm.", "outlet": "Gazette"},
        {"id": "c-3", "text": "“Prices will fall,” the minister, Marta Kowalin, told reporters on Monday."},
        {"id": "d-4", "text": "“Prices will fall,” Marta Kowalin said on Monday, “and wages will rise.”"},
    ]
    src = tmp_path / "in.txt"  # --jsonl reads JSON Lines whatever the file is called
    src.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    done = whosaid("extract", "--jsonl", src)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a-1", "b-2", "c-3", "d-4"]
    assert out[1]["statements"] == []
    assert len(out[0]["statements"]) >= 2 and out[2]["statements"]
    for given, got in zip(lines, out, strict=True):
        text = str(given["text"])
        for st in got["statements"]:
            assert set(st) >= STATEMENT_KEYS
            assert st["kind"] in ("direct", "indirect", "mixed")
            # the gold format's convention: the pieces an attribution interrupts, joined by a space,
            # in the outer range; each piece slices back
            pieces = [text[s:e] for s, e in st["content_parts"]]
            assert st["content"] == " ".join(pieces)
            assert st["content_span"] == [st["content_parts"][0][0], st["content_parts"][-1][1]]
            if len(pieces) == 1:
                s, e = st["content_span"]
                assert text[s:e] == st["content"]
            if st["speaker_span"]:
                s, e = st["speaker_span"]
                assert text[s:e] == st["speaker_text"]
            if st["cue_span"]:
                s, e = st["cue_span"]
                assert text[s:e] == st["cue"]
            assert 0.0 <= st["confidence"] <= 1.0
    assert any("Berg" in (st["speaker"] or "") for st in out[0]["statements"])
    (split,) = out[3]["statements"]
    assert split["content"] == "Prices will fall and wages will rise."
    assert "said" not in split["content"] and split["speaker"] == "Marta Kowalin"


def _reference_scorer(shared_dir: Path) -> Any:
    path = shared_dir / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("reference_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_extract_seed_gets_required_gold_statements(seed_path: Path, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "seed" / "moscow-times-2024-03-26.gold.json").read_text(encoding="utf-8"))
    done = whosaid("extract", seed_path)
    assert done.returncode == 0, done.stderr
    (line,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert set(line) == {"id", "article", "statements"}
    text = line["article"]["text"]
    for st in line["statements"]:
        s, e = st["content_span"]
        assert text[s:e] == st["content"]
    required = [q for q in gold["statements"] if q.get("required")]
    assert len(required) == 10
    scorer = _reference_scorer(shared_dir)  # the independent scorer in ../shared/tools
    result = scorer.score(
        [{"id": "seed", "text": text, "quotes": required}],
        [{"id": "seed", "statements": line["statements"]}],
    )
    assert result["matched_with_speaker"] >= 6, result


@pytest.fixture
def quotes_db(nlp: Any, tmp_path: Path) -> Path:
    from datetime import date

    path = tmp_path / "quotes.duckdb"
    articles = [
        Article(
            id=content_id(report_text(n)),
            text=report_text(n),
            outlet=f"Outlet {n}",
            published=date(2025, 6, 10 + n),
            outlets=[f"Outlet {n}"],
        )
        for n in range(3)
    ]
    with open_store(path) as store:
        report = ingest_articles(articles, store, nlp=nlp, progress=False, link=False)
        assert report.stored == 3
    return path


def test_quotes_json_csv_and_filters(quotes_db: Path) -> None:
    done = whosaid("quotes", "--db", quotes_db, "--json")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) >= 6
    assert {"id", "article_id", "outlet", "published", "content", "content_span", "speaker"} <= set(rows[0])
    berg = [
        json.loads(line)
        for line in whosaid("quotes", "--db", quotes_db, "--json", "--speaker", "BERG").stdout.splitlines()
    ]
    assert berg and all("Berg" in (r["speaker"] or r["speaker_text"]) for r in berg)
    assert len(berg) < len(rows)
    late = [
        json.loads(line)
        for line in whosaid(
            "quotes", "--db", quotes_db, "--json", "--since", "2025-06-12"
        ).stdout.splitlines()
    ]
    assert late and all(r["outlet"] == "Outlet 2" for r in late)
    as_csv = whosaid("quotes", "--db", quotes_db, "--csv")
    table = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [r["content"] for r in table] == [r["content"] for r in rows]
    assert [r["quotation"] for r in table] == [r["quotation"] for r in rows]
    assert list(table[0])[-1] == "quotation"  # added after the columns scripts already read
    assert table[0]["statement_id"] == rows[0]["id"]
    plain = whosaid("quotes", "--db", quotes_db, "--speaker", "nobody-by-that-name")
    assert plain.returncode == 0 and "No statements match" in plain.stdout


def test_quotes_csv_never_hands_a_spreadsheet_a_formula(nlp: Any, tmp_path: Path) -> None:
    text = 'Port Talks\n\n"=HYPERLINK(1) is all they offer," union leader Piotr Nowak said on Friday.'
    path = tmp_path / "formula.duckdb"
    with open_store(path) as store:
        report = ingest_articles([make_article(text)], store, nlp=nlp, progress=False, link=False)
        assert report.stored == 1
    as_json = [json.loads(line) for line in whosaid("quotes", "--db", path, "--json").stdout.splitlines()]
    assert any(r["content"].startswith("=") for r in as_json)  # stored as written
    as_csv = list(csv.DictReader(io.StringIO(whosaid("quotes", "--db", path, "--csv").stdout)))
    assert as_csv and not any(v.startswith("=") for r in as_csv for v in r.values())
    assert any(r["content"].startswith("'=HYPERLINK") for r in as_csv)


def test_two_workers_extract_the_same_statements(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(12):
        (folder / f"r{n:02}.md").write_text(report_text(n), encoding="utf-8")
    one = whosaid("extract", folder, "--workers", "1")
    two = whosaid("extract", folder, "--workers", "2")
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert len(one.stdout.splitlines()) == 12
    assert one.stdout == two.stdout


def test_demo_builds_a_fresh_database_and_prints_a_table(tmp_path: Path) -> None:
    (tmp_path / "whosaid-demo.duckdb").write_text("stale")  # replaced, not reused
    done = whosaid("demo", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Who contradicts whom:" in done.stdout
    assert "Marta Kowalin vs " in done.stdout or " vs Marta Kowalin" in done.stdout
    counted = re.findall(r"\((\d+) (pairs?)\)", done.stdout)  # "(1 pair)", "(10 pairs)"
    assert counted and all((word == "pair") == (n == "1") for n, word in counted), counted
    assert "whosaid-demo.duckdb" in done.stdout
    assert "speaker" in done.stdout and "what was said" in done.stdout
    with open_store(tmp_path / "whosaid-demo.duckdb") as store:
        counts = store.counts()
    assert counts["articles"] == 6 and counts["statements"] >= 10
    assert "Kowalin" in done.stdout


def test_quotes_without_a_database_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from whosaid.cli import main

    missing = tmp_path / "none.duckdb"
    assert main(["quotes", "--db", str(missing)]) == 2
    assert "no database at" in capsys.readouterr().err
    assert not missing.exists()


def test_ingest_fetches_url_arguments(tmp_path: Path) -> None:
    import functools
    import http.server
    import shutil
    import threading

    from whosaid.demo_data import demo_dir

    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(demo_dir() / "nordvik-daily-2025-06-10.html", site / "story.html")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
        done = whosaid("ingest", url, "--db", tmp_path / "web.duckdb", "--no-link")
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 0, done.stderr
    assert "1 stored" in done.stdout
    with open_store(tmp_path / "web.duckdb") as store:
        assert store.query("SELECT url FROM articles")[0]["url"].startswith("http")
