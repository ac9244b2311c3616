"""The pipeline with the real model and a real DuckDB file: idempotence, bad inputs, limits, workers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from whosaid.ingest.records import ReadFailure
from whosaid.model import Article, ArticleAnalysis, content_id
from whosaid.pipeline import analyze, analyze_many, ingest, ingest_articles
from whosaid.serialize import statement_to_dict
from whosaid.store import open_store


def article(text: str, outlet: str | None = None, source: str | None = None) -> Article:
    return Article(
        id=content_id(text), text=text, outlet=outlet, outlets=[outlet] if outlet else [], source_path=source
    )


def quote_article(n: int) -> Article:
    return article(
        f"Harbour report number {n}.\n\n"
        f'"We will repair berth {n} by Friday," said harbour master Anna Berg on Tuesday. '
        f"Mayor Lars Holm said that the works on pier {n} would cost {n * 1000} crowns.",
        source=f"generated-{n}",
    )


def assert_spans(analysis: ArticleAnalysis) -> None:
    text = analysis.article.text
    for s in analysis.statements:
        assert s.article_id == analysis.article.id
        assert text[s.content_span.start : s.content_span.end] == s.content
        if s.speaker_span:
            assert text[s.speaker_span.start : s.speaker_span.end] == s.speaker_text
        if s.cue_span:
            assert text[s.cue_span.start : s.cue_span.end] == s.cue


def test_analyze_seed_article(nlp: Any, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    result = analyze(article(text), nlp)
    assert len(result.statements) >= 6
    assert_spans(result)
    assert len({s.index for s in result.statements}) == len(result.statements)


def test_two_workers_give_the_same_output_as_one(nlp: Any) -> None:
    from whosaid.demo_data import demo_paths
    from whosaid.ingest import read_paths

    articles = [a for a in read_paths(demo_paths()) if isinstance(a, Article)]
    articles += [quote_article(n) for n in range(40)]

    def run(workers: int, time_limit: float | None) -> list[Any]:
        out: list[Any] = []
        for source, outcome in zip(
            articles, analyze_many(articles, nlp, workers=workers, time_limit=time_limit), strict=True
        ):
            if isinstance(outcome, ReadFailure):  # a failure must be the same failure with any workers
                out.append((source.id, str(outcome)))
                continue
            assert outcome.article.id == source.id
            assert_spans(outcome)
            out.append((source.id, [statement_to_dict(s) for s in outcome.statements]))
        return out

    in_process = run(1, None)
    analysed = [s for _, s in in_process if isinstance(s, list)]
    assert len(analysed) >= 40 and sum(len(s) for s in analysed) >= 40
    assert run(1, 60) == in_process
    assert run(2, 60) == in_process


def test_time_and_size_limits_skip_only_the_culprit(nlp: Any) -> None:
    slow = article("The minister said that the port would reopen soon. " * 1500, source="slow.md")
    huge = article("x " * 100_001, source="huge.md")
    good = [quote_article(n) for n in range(3)]
    outcomes = list(
        analyze_many(
            [good[0], slow, good[1], huge, good[2]], nlp, workers=1, time_limit=0.5, max_chars=150_000
        )
    )
    assert [type(o).__name__ for o in outcomes] == [
        "ArticleAnalysis",
        "ReadFailure",
        "ArticleAnalysis",
        "ReadFailure",
        "ArticleAnalysis",
    ]
    timed_out, too_long = outcomes[1], outcomes[3]
    assert isinstance(timed_out, ReadFailure) and timed_out.source == "slow.md"
    assert "per-article time limit" in timed_out.reason and "--time-limit" in timed_out.reason
    assert isinstance(too_long, ReadFailure) and too_long.source == "huge.md"
    assert "--max-chars" in too_long.reason


def write_inputs(folder: Path, seed_text: str) -> list[str]:
    """Good articles with a malformed HTML page, an empty file and a non-UTF-8 binary file among them."""
    folder.mkdir()
    (folder / "seed.md").write_text(seed_text, encoding="utf-8")
    for n in range(3):
        (folder / f"report-{n}.md").write_text(f"# Report {n}\n\n" + quote_article(n).text, encoding="utf-8")
    (folder / "broken.html").write_text("<html><head><title>Broken</ti", encoding="utf-8")
    (folder / "empty.md").write_bytes(b"")
    (folder / "not-utf8.md").write_bytes(b"Caf\xe9 \x81\x9c\x00\x00" + bytes(range(256)) * 8)
    return ["broken.html", "empty.md", "not-utf8.md"]


def test_ingest_reports_bad_files_stores_good_ones_and_is_idempotent(
    nlp: Any, seed_path: Path, tmp_path: Path
) -> None:
    bad = write_inputs(tmp_path / "in", seed_path.read_text(encoding="utf-8"))
    store = open_store(tmp_path / "db.duckdb")
    try:
        report = ingest([tmp_path / "in"], store, nlp=nlp, progress=False, link=False)
        assert report.read == 4 and report.stored == 4 and report.duplicates == 0
        assert sorted(Path(f.source).name for f in report.failures) == bad
        assert all(f.reason for f in report.failures)
        counts = store.counts()
        assert counts["articles"] == 4 and counts["statements"] == report.statements > 4
        again = ingest([tmp_path / "in"], store, nlp=nlp, progress=False, link=False)
        assert again.stored == 0 and again.duplicates == 4 and again.statements == 0
        assert store.counts() == counts
        orphans = store.query(
            "SELECT count(*) AS n FROM statements s LEFT JOIN articles a ON a.id = s.article_id"
            " WHERE a.id IS NULL"
        )
        assert orphans[0]["n"] == 0
    finally:
        store.close()


def test_syndicated_copies_are_stored_once_with_each_outlet(nlp: Any, tmp_path: Path) -> None:
    text = quote_article(7).text
    items: list[Article | ReadFailure] = [
        article(text, "NordPress"),
        ReadFailure("feed.xml", "not XML"),
        article(text, "Harbour Gazette"),
    ]
    store = open_store(tmp_path / "db.duckdb")
    try:
        report = ingest_articles(items, store, nlp=nlp, progress=False, time_limit=None, link=False)
        assert (report.read, report.stored, report.duplicates) == (2, 1, 1)
        assert [str(f) for f in report.failures] == ["feed.xml: not XML"]
        stored = store.article(content_id(text))
        assert stored is not None and sorted(stored.outlets) == ["Harbour Gazette", "NordPress"]
    finally:
        store.close()


@pytest.mark.parametrize("backend", ["postgres"])
def test_ingest_into_postgres(nlp: Any, postgres_url: str, backend: str) -> None:
    store = open_store(postgres_url)
    try:
        articles = [quote_article(n) for n in range(5)]
        report = ingest_articles(articles, store, nlp=nlp, progress=False, workers=2, link=False)
        assert report.stored == 5 and not report.failures
        again = ingest_articles(articles, store, nlp=nlp, progress=False, link=False)
        assert again.duplicates == 5
        assert store.counts()["articles"] == 5
    finally:
        store.close()


def _store_contents(store: Any) -> dict[str, list[str]]:
    from whosaid.store.schema import schema_tables

    out = {}
    for table in schema_tables():
        rows = store.query(f"SELECT * FROM {table}")
        out[table] = sorted(
            repr(sorted((k, str(v)) for k, v in r.items() if k != "ingested_at")) for r in rows
        )
    return out


def test_batched_writer_and_workers_store_what_one_by_one_stores(
    nlp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles written a batch to a statement (the shipped WRITE_BATCH; their entities matched in one
    pool), analysed by 2 workers, give the very rows of articles written one at a time in one
    process: same entity ids too."""
    import whosaid.pipeline
    from whosaid.demo_data import demo_paths
    from whosaid.ingest import read_paths

    articles = [a for a in read_paths(demo_paths()) if isinstance(a, Article)]
    articles += [quote_article(n) for n in range(14)]  # the same people in many articles

    def run(name: str, workers: int, time_limit: float | None) -> dict[str, list[str]]:
        store = open_store(tmp_path / f"{name}.duckdb")
        try:
            report = ingest_articles(
                articles, store, nlp=nlp, workers=workers, time_limit=time_limit, progress=False, link=False
            )
            assert report.stored == len({a.id for a in articles}) and not report.failures
            return _store_contents(store)
        finally:
            store.close()

    shipped = whosaid.pipeline.WRITE_BATCH
    monkeypatch.setattr(whosaid.pipeline, "WRITE_BATCH", 1)
    one_by_one = run("one", 1, None)
    monkeypatch.setattr(whosaid.pipeline, "WRITE_BATCH", shipped)
    together = run("batched", 2, 60.0)
    assert one_by_one["mentions"] and one_by_one["entities"]
    assert together == one_by_one
