"""``whosaid quotes --speaker``: a name that resolves means its people; other text matches by substring."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from whosaid.model import Article, content_id
from whosaid.pipeline import ingest_articles
from whosaid.store import open_store


def whosaid(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("WHOSAID_DB", None)
    command = [sys.executable, "-m", "whosaid", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)


TEXTS = [
    "# Quay repairs\n\nHarbour master Anna Berg said on Tuesday that berth four would reopen by Friday.\n",
    "# Ferry fares\n\nCouncillor Nils Bergman said on Wednesday that ferry fares would rise in spring.\n",
    "# Storm damage\n\nBerg said that the storm had damaged two cranes at the northern quay.\n",
]


@pytest.fixture
def speakers_db(nlp: Any, tmp_path: Path) -> Path:
    path = tmp_path / "speakers.duckdb"
    articles = [
        Article(id=content_id(text), text=text, outlet="Coast News", published=date(2025, 3, 3 + n))
        for n, text in enumerate(TEXTS)
    ]
    with open_store(path) as store:
        assert ingest_articles(articles, store, nlp=nlp, progress=False, link=False).stored == 3
    return path


def rows(db: Path, *args: str) -> list[dict[str, Any]]:
    done = whosaid("quotes", "--db", db, "--json", *args)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_resolved_name_keeps_only_that_person(speakers_db: Path) -> None:
    everyone = rows(speakers_db)
    assert any("Bergman" in (r["speaker"] or "") for r in everyone)
    berg = rows(speakers_db, "--speaker", "Berg")
    assert berg, "Anna Berg's statements are found by her surname"
    assert all((r["speaker"] or "").endswith("Berg") for r in berg), berg
    assert len(rows(speakers_db, "--speaker", "anna berg")) == len(berg)


def test_unresolved_text_falls_back_to_substring(speakers_db: Path) -> None:
    # "bergm" names no stored entity: any speaker whose name contains it
    partial = rows(speakers_db, "--speaker", "bergm")
    assert partial and all("Bergman" in (r["speaker"] or "") for r in partial)
    assert rows(speakers_db, "--speaker", "nobody-by-that-name") == []


SPLIT = (
    "Port talks stall\n\n"
    '"We will not sign this agreement," the union leader Piotr Nowak said on Friday, '
    '"until the port authority publishes its safety reports."\n'
)
PIECES = ["We will not sign this agreement", "until the port authority publishes its safety reports."]


def test_a_split_quote_shows_its_pieces(nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "split.duckdb"
    article = Article(id=content_id(SPLIT), text=SPLIT, outlet="Coast News", published=date(2025, 6, 13))
    with open_store(db) as store:
        assert ingest_articles([article], store, nlp=nlp, progress=False, link=False).stored == 1
    [quote] = [r for r in rows(db) if len(r["content_parts"]) == 2]
    # --json: the pieces' offsets (as `whosaid extract` gives them) and the quotation to read
    start = quote["content_span"][0]
    assert [quote["content"][s - start : e - start] for s, e in quote["content_parts"]] == PIECES
    assert [SPLIT[s:e] for s, e in quote["content_parts"]] == PIECES
    assert quote["quotation"] == " … ".join(PIECES)
    assert "Nowak said" in quote["content"]  # the content itself is unchanged
    # the table shows the quotation, not the attribution in its middle
    monkeypatch.setenv("COLUMNS", "220")
    shown = whosaid("quotes", "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert " … ".join(PIECES) in shown.stdout
    assert "Nowak said" not in shown.stdout
