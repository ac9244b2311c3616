"""`whosaid load` is safe to re-run: killed midway, then run again, every article is stored once."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from whosaid.model import Article, ArticleAnalysis, Quantity, Span, Statement, content_id
from whosaid.scale import synthetic
from whosaid.scale.load import TableSet
from whosaid.scale.tables import write_local
from whosaid.store import open_store

ARTICLES = 300
KILL_AFTER = 100  # articles added when the first load is killed


def analysis_of(record: dict[str, object], undated: bool = False) -> ArticleAnalysis:
    """Records made directly from the synthetic text (the load step is under test, not extraction):
    each quoted passage becomes a direct statement, each number a quantity."""
    text = str(record["text"])
    published = None if undated else date.fromisoformat(str(record["published"]))
    article = Article(
        id=content_id(text),
        text=text,
        title=str(record["title"]),
        outlet=str(record["outlet"]),
        url=str(record["url"]),
        published=published,
        external_id=str(record["id"]),
        outlets=[str(record["outlet"])],
    )
    statements = [
        Statement(
            article_id=article.id,
            kind="direct",
            content=m.group(1),
            content_span=Span(m.start(1), m.end(1)),
            said_on=published,
            index=i,
        )
        for i, m in enumerate(re.finditer(r'"([^"]+)"', text))
    ]
    quantities = [
        Quantity(article_id=article.id, span=Span(m.start(), m.end()), text=m.group(), value=float(m.group()))
        for m in re.finditer(r"\b\d+\b", text)
    ]
    return ArticleAnalysis(article, statements, quantities=quantities)


@pytest.fixture(scope="module")
def analyses() -> list[ArticleAnalysis]:
    return [analysis_of(r, undated=n % 50 == 0) for n, r in enumerate(synthetic.records(ARTICLES, seed=3))]


def test_tables_round_trip(analyses: list[ArticleAnalysis], tmp_path: Path) -> None:
    sample = analyses[:60]
    counts = write_local(sample, tmp_path / "out")
    assert counts["articles"] == 60
    assert counts["statements"] == sum(len(a.statements) for a in sample) > 0
    back = list(TableSet(str(tmp_path / "out")).analyses(window=7))
    assert back == sample  # input order, every field, every list in its order


def _statement_counts(db: Path) -> dict[str, int]:
    store = open_store(db)
    try:
        rows = store.query(
            "SELECT a.id AS id, COUNT(s.id) AS n FROM articles a "
            "LEFT JOIN statements s ON s.article_id = a.id GROUP BY a.id"
        )
    finally:
        store.close()
    return {r["id"]: int(r["n"]) for r in rows}


def test_killed_load_resumes_without_duplicates_or_losses(
    analyses: list[ArticleAnalysis], tmp_path: Path
) -> None:
    output, db = tmp_path / "out", tmp_path / "loaded.duckdb"
    write_local(analyses, output)
    expected = {a.article.id: len(a.statements) for a in analyses}
    command = [sys.executable, "-m", "whosaid", "load", str(output), "--db", str(db), "--no-link"]

    first = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert first.stderr is not None
    for line in first.stderr:
        if f"{KILL_AFTER} articles added" in line:
            os.kill(first.pid, signal.SIGKILL)
            break
    first.wait(timeout=60)
    assert first.returncode == -signal.SIGKILL

    partial = _statement_counts(db)
    assert KILL_AFTER <= len(partial) < ARTICLES  # killed midway
    assert all(partial[aid] == expected[aid] for aid in partial)  # only whole articles

    second = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    assert f"{ARTICLES - len(partial)} articles added" in second.stdout
    assert f"{len(partial)} already in" in second.stdout
    assert _statement_counts(db) == expected  # each article exactly once, with all its statements

    third = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert third.returncode == 0 and "0 articles added" in third.stdout
    assert _statement_counts(db) == expected
