"""The Spark job on a real local[2] session gives what the local pipeline gives, row for row."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from whosaid.ingest.jsonl import article_from_record, read_jsonl
from whosaid.ingest.records import DEFAULT_MAX_BYTES
from whosaid.ingest.warc import read_warc
from whosaid.model import Article
from whosaid.scale import job, synthetic
from whosaid.scale.load import TableSet, load
from whosaid.scale.tables import PART_TABLES, TABLES, rows_of
from whosaid.store import open_store

pytestmark = pytest.mark.slow

ARTICLES = 12
# A quote its attribution interrupts, added to one synthetic article: its pieces must come out alike.
SPLIT_PARAGRAPH = (
    '"The ferries will stay in port," union leader Nadia Haddad said on Monday, '
    '"until the company answers our letter."'
)

# Small and quiet: two cores, no UI, few shuffle partitions.
TEST_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.default.parallelism": "2",
    "spark.driver.memory": "2g",
}


@pytest.fixture(scope="module")
def spark() -> Any:
    session = job.session("local[2]", "whosaid-test", **TEST_CONF)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Synthetic articles over several days, one undated, one unreadable line, one duplicate."""
    records = list(synthetic.records(ARTICLES, seed=11, paragraphs=5))
    records[3]["published"] = None
    records[1]["text"] += "\n\n" + SPLIT_PARAGRAPH
    records.append(dict(records[5], id="copy-of-5", outlet="Coastal Herald"))
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number, record in enumerate(records):
            out.write(json.dumps(record) + "\n")
            if number == 7:
                out.write('{"id": "broken", "text": \n')
    return path


@pytest.fixture(scope="module")
def spark_output(
    spark: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, job.JobStats]:
    out = tmp_path_factory.mktemp("spark") / "out"
    stats = job.run(spark, str(corpus), str(out))
    return out, stats


def local_rows(articles: list[Article]) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows from the local pipeline's own analysis of the same articles."""
    from whosaid.nlp import load as load_nlp
    from whosaid.pipeline import analyze

    nlp = load_nlp()
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for article in articles:
        for table, table_rows in rows_of(analyze(article, nlp)).items():
            rows[table].extend(table_rows)
    return rows


def spark_rows(output: Path) -> dict[str, list[dict[str, Any]]]:
    tables = TableSet(str(output))
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for day in tables.days():
        for table in TABLES:
            rows[table].extend(tables.rows(table, day))
    return rows


def canonical(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows in a fixed order; the article's source_path names a file:line locally, a file in Spark."""
    drop = {"source_path", "seq"} if table == "articles" else set()
    keyed = [{k: v for k, v in r.items() if k not in drop} for r in rows]
    return sorted(keyed, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def test_statements_equal_local_pipeline(corpus: Path, spark_output: tuple[Path, job.JobStats]) -> None:
    output, stats = spark_output
    articles = [a for a in read_jsonl(str(corpus), max_bytes=DEFAULT_MAX_BYTES) if isinstance(a, Article)]
    expected = local_rows(articles)
    got = spark_rows(output)
    assert len(expected["statements"]) >= 2 * len(articles)  # the corpus is full of quotes
    assert any(r["content_parts"] for r in got["statements"])  # the split quote's pieces
    for table in TABLES:
        assert canonical(table, got[table]) == canonical(table, expected[table]), table
    assert stats.articles == len(articles) == ARTICLES + 1
    assert stats.statements == len(expected["statements"])
    assert stats.failures == 1  # the broken line, reported in the failures table
    days = {r["published"] for r in got["articles"]}
    assert None in days and len(days - {None}) >= 3
    assert all(isinstance(d, date) for d in days - {None})
    partitions = {p.name for p in (output / "statements").iterdir() if p.is_dir()}
    assert {f"published={d.isoformat()}" for d in days - {None}} <= partitions


def _dump(db: Path) -> dict[str, list[dict[str, Any]]]:
    store = open_store(db)
    try:
        tables = (
            "articles",
            "article_outlets",
            "statements",
            "entities",
            "entity_aliases",
            "entity_roles",
            "mentions",
            "date_mentions",
            "quantities",
        )
        dump = {}
        for table in tables:
            rows = [
                {k: v for k, v in r.items() if k not in ("ingested_at", "source_path")}
                for r in store.query(f"SELECT * FROM {table}")
            ]
            dump[table] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
        return dump
    finally:
        store.close()


def test_load_gives_the_rows_of_local_ingest(
    corpus: Path, spark_output: tuple[Path, job.JobStats], tmp_path: Path
) -> None:
    from whosaid.pipeline import ingest

    local_db, loaded_db = tmp_path / "local.duckdb", tmp_path / "loaded.duckdb"
    store = open_store(local_db)
    try:
        report = ingest([str(corpus)], store, progress=False, link=False)
    finally:
        store.close()
    assert report.stored == ARTICLES and report.duplicates == 1

    store = open_store(loaded_db)
    try:
        stats = load(str(spark_output[0]), store, link=False)
        again = load(str(spark_output[0]), store, link=False)
    finally:
        store.close()
    assert stats.articles_added == ARTICLES and stats.articles_present == 1
    assert again.articles_added == 0 and again.articles_present == ARTICLES + 1
    local, loaded = _dump(local_db), _dump(loaded_db)
    assert len(local["statements"]) > 30
    assert any(r["content_parts"] for r in loaded["statements"])
    for table in local:
        assert loaded[table] == local[table], table


def test_warc_and_parquet_inputs(spark: Any, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    warc = synthetic.write_warc(tmp_path / "crawl.warc.gz", 4, seed=5, paragraphs=4)
    articles = [a for a in read_warc(str(warc), max_bytes=DEFAULT_MAX_BYTES) if isinstance(a, Article)]
    assert len(articles) == 4
    job.run(spark, str(warc), str(tmp_path / "from-warc"))
    expected = local_rows(articles)
    got = spark_rows(tmp_path / "from-warc")
    for table in TABLES:
        assert canonical(table, got[table]) == canonical(table, expected[table]), table
    assert len(got["statements"]) >= 4
    assert all(r["fetched_at"] is not None for r in got["articles"])

    records = list(synthetic.records(3, seed=9, paragraphs=4))
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "news.parquet")
    job.run(spark, str(tmp_path / "news.parquet"), str(tmp_path / "from-parquet"), partitions=2)
    expected = local_rows([article_from_record(r) for r in records])
    got = spark_rows(tmp_path / "from-parquet")
    assert len(got["articles"]) == 3
    for table in ("statements", *PART_TABLES):
        assert canonical(table, got[table]) == canonical(table, expected[table]), table
