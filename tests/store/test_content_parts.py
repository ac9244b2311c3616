"""The pieces of a split quote (``Statement.content_parts``) in the store, and the upgrade of a
version-1 database (made here with the version-1 DDL) that had no column for them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from whosaid.model import Article, ArticleAnalysis, Span, Statement, content_id
from whosaid.store import SCHEMA_VERSION, is_postgres_url, open_store
from whosaid.store.queries import find_statements
from whosaid.store.rows import SpanMismatch

TEXT = (
    "Port talks stall\n\n"
    '"We will not sign this agreement," the union leader Piotr Nowak said on Friday, '
    '"until the port authority publishes its safety reports."'
)
FIRST = "We will not sign this agreement"
SECOND = "until the port authority publishes its safety reports."


def at(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def split_analysis(text: str = TEXT, parts: list[Span] | None = None) -> ArticleAnalysis:
    article = Article(id=content_id(text), text=text, title="Port talks stall", published=date(2025, 6, 13))
    outer = Span(text.index(FIRST), text.index(SECOND) + len(SECOND))
    statement = Statement(
        article_id=article.id,
        kind="direct",
        content=outer.of(text),
        content_span=outer,
        cue="said",
        cue_span=at(text, "said"),
        speaker_text="the union leader Piotr Nowak",
        speaker_span=at(text, "the union leader Piotr Nowak"),
        speaker="Piotr Nowak",
        said_on=date(2025, 6, 13),
        said_on_is_fallback=False,
        confidence=0.9,
        content_parts=[at(text, FIRST), at(text, SECOND)] if parts is None else parts,
    )
    return ArticleAnalysis(article=article, statements=[statement])


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    opened = open_store(store_url)
    yield opened
    opened.close()


def test_parts_are_stored_and_read_back_as_spans(store) -> None:  # type: ignore[no-untyped-def]
    analysis = split_analysis()
    assert store.add(analysis)
    [found] = find_statements(store)
    parts = found.statement.content_parts
    assert parts == analysis.statements[0].content_parts
    assert [p.of(TEXT) for p in parts] == [FIRST, SECOND]
    [row] = store.query("SELECT content_parts, content_start, content_end FROM statements")
    assert row["content_parts"] == f"[[{parts[0].start},{parts[0].end}],[{parts[1].start},{parts[1].end}]]"
    # Each piece slices from the stored content as it does from the article (offsets are sacred).
    content = found.statement.content
    assert [content[p.start - row["content_start"] : p.end - row["content_start"]] for p in parts] == [
        FIRST,
        SECOND,
    ]


def test_one_piece_is_null_and_comes_back_empty(store) -> None:  # type: ignore[no-untyped-def]
    store.add(split_analysis(parts=[]))
    assert store.query("SELECT content_parts FROM statements") == [{"content_parts": None}]
    [found] = find_statements(store)
    assert found.statement.content_parts == []


@pytest.mark.parametrize(
    "bad",
    [
        lambda outer: [Span(outer.start - 1, outer.start + 3), Span(outer.end - 3, outer.end)],  # before
        lambda outer: [Span(outer.start, outer.start + 3), Span(outer.end - 3, outer.end + 1)],  # after
        lambda outer: [Span(outer.start, outer.start), Span(outer.end - 3, outer.end)],  # empty
    ],
)
def test_parts_outside_the_content_are_refused(store, bad: Any) -> None:  # type: ignore[no-untyped-def]
    good = split_analysis()
    outer = good.statements[0].content_span
    analysis = split_analysis(parts=bad(outer))
    before = store.counts()
    with pytest.raises(SpanMismatch, match="content part"):
        store.add(analysis)
    with pytest.raises(SpanMismatch, match="content part"):
        store.add_many([good, analysis])
    assert store.counts() == before


# The version-1 tables that later versions changed, exactly as schema.sql created them at version 1.
VERSION_1_DDL = [
    "CREATE TABLE schema_info (version INTEGER NOT NULL)",
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY, external_id TEXT, url TEXT, outlet TEXT, title TEXT, published DATE,
        text TEXT NOT NULL, source_path TEXT, fetched_at TIMESTAMP, ingested_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE statements (
        id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL,
        kind TEXT NOT NULL, content TEXT NOT NULL, content_start INTEGER NOT NULL,
        content_end INTEGER NOT NULL, cue TEXT, cue_start INTEGER, cue_end INTEGER, speaker_text TEXT,
        speaker_start INTEGER, speaker_end INTEGER, speaker TEXT, speaker_type TEXT, speaker_role TEXT,
        speaker_entity_id TEXT, via TEXT, said_on DATE, said_on_is_fallback BOOLEAN NOT NULL,
        nested_in INTEGER, confidence DOUBLE PRECISION NOT NULL)""",
    # a table that references statements: the ALTER must work with dependants in place
    """CREATE TABLE statement_embeddings (
        statement_id TEXT PRIMARY KEY REFERENCES statements(id), vector TEXT NOT NULL)""",
]
OLD_TEXT = 'The minister said that "the port will reopen on Monday".'


def make_version_1(url: str) -> None:
    """A database as whosaid of schema version 1 left it, with one article and one statement."""
    content = "the port will reopen on Monday"
    start = OLD_TEXT.index(content)
    rows: list[tuple[str, list[Any]]] = [
        ("INSERT INTO schema_info (version) VALUES (1)", []),
        (
            "INSERT INTO articles (id, text, ingested_at) VALUES (?, ?, ?)",
            ["old-article", OLD_TEXT, datetime(2025, 1, 2, tzinfo=UTC).replace(tzinfo=None)],
        ),
        (
            "INSERT INTO statements (id, article_id, idx, kind, content, content_start, content_end,"
            " said_on_is_fallback, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ["old-article:0", "old-article", 0, "indirect", content, start, start + len(content), True, 0.8],
        ),
        ("INSERT INTO statement_embeddings (statement_id, vector) VALUES (?, ?)", ["old-article:0", "[0.5]"]),
    ]
    if is_postgres_url(url):
        import psycopg

        with psycopg.connect(url, autocommit=True) as pg:
            for sql in VERSION_1_DDL:
                pg.execute(sql)
            for sql, params in rows:
                pg.execute(sql.replace("?", "%s"), params)
        return
    import duckdb

    db = duckdb.connect(url)
    try:
        for sql in VERSION_1_DDL:
            db.execute(sql)
        for sql, params in rows:
            db.execute(sql, params)
    finally:
        db.close()


def test_a_version_1_database_is_upgraded_in_place(store_url: str) -> None:
    make_version_1(store_url)
    store = open_store(store_url)
    try:
        assert store.query("SELECT version FROM schema_info") == [{"version": SCHEMA_VERSION}]
        [old] = find_statements(store)  # the old row is still there, read through the new column
        assert old.statement.id == "old-article:0" and old.statement.content_parts == []
        assert store.query("SELECT content_parts FROM statements") == [{"content_parts": None}]
        assert store.counts()["statement_embeddings"] == 1
        assert store.add(split_analysis())  # and the new column takes pieces
        stored = {s.statement.id: s.statement.content_parts for s in find_statements(store)}
        assert [p.of(TEXT) for p in stored[f"{content_id(TEXT)}:0"]] == [FIRST, SECOND]
    finally:
        store.close()
    again = open_store(store_url)  # opening an upgraded database changes nothing more
    try:
        assert again.query("SELECT version FROM schema_info") == [{"version": SCHEMA_VERSION}]
        assert again.counts()["statements"] == 2
    finally:
        again.close()
