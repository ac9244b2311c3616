"""The store on both backends: one-transaction add, idempotence, spans, schema version, raw SQL."""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from whosaid.errors import WhosaidError
from whosaid.model import (
    Article,
    ArticleAnalysis,
    DateMention,
    Entity,
    Mention,
    Quantity,
    Span,
    Statement,
    content_id,
)
from whosaid.store import open_store
from whosaid.store.postgres_backend import to_pyformat
from whosaid.store.rows import SpanMismatch

TEXT = (
    "Ölkonzern-Chefin Zoë Brandt 🚢 said on Monday that “at least 12 people” had died.\n\n"
    '"We will rebuild," Brandt told reporters, adding that 100% of the port was closed.'
)


def span_of(text: str, part: str, start: int = 0) -> Span:
    i = text.index(part, start)
    return Span(i, i + len(part))


def make_analysis(text: str = TEXT, outlet: str = "Harbour Gazette") -> ArticleAnalysis:
    article = Article(
        id=content_id(text),
        text=text,
        title="Port blast",
        url="https://example.org/a",
        outlet=outlet,
        published=date(2025, 6, 10),
        outlets=[outlet],
    )
    aid = article.id

    def st(index: int, kind: str, content: str, cue: str, speaker: str) -> Statement:
        return Statement(
            article_id=aid,
            kind=kind,  # type: ignore[arg-type]
            content=content,
            content_span=span_of(text, content),
            cue=cue,
            cue_span=span_of(text, cue),
            speaker_text=speaker,
            speaker_span=span_of(text, speaker),
            speaker="Zoë Brandt",
            speaker_type="PERSON",
            speaker_entity_id="person:zoe-brandt",
            said_on=date(2025, 6, 9),
            said_on_is_fallback=False,
            confidence=0.9,
            index=index,
        )

    statements = [
        st(0, "indirect", "that “at least 12 people” had died", "said", "Zoë Brandt"),
        st(1, "direct", "We will rebuild,", "told", "Brandt"),
    ]
    return ArticleAnalysis(
        article=article,
        statements=statements,
        entities=[
            Entity(
                name="Zoë Brandt",
                type="PERSON",
                id="person:zoe-brandt",
                aliases=["Brandt"],
                roles=["Ölkonzern-Chefin"],
                cluster=0,
            )
        ],
        mentions=[
            Mention(aid, span_of(text, "Zoë Brandt"), "Zoë Brandt", 0),
            Mention(aid, span_of(text, "Brandt", text.index("We will")), "Brandt", 0),
        ],
        dates=[
            DateMention(aid, span_of(text, "Monday"), "Monday", date(2025, 6, 9), date(2025, 6, 9), "day")
        ],
        quantities=[
            Quantity(aid, span_of(text, "12"), "12", 12.0, subject="people", qualifier="at least"),
            Quantity(aid, span_of(text, "100%"), "100%", 100.0, unit="%"),
        ],
    )


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    s = open_store(store_url)
    yield s
    s.close()


def test_add_twice_changes_nothing(store) -> None:  # type: ignore[no-untyped-def]
    analysis = make_analysis()
    assert store.add(analysis) is True
    first = store.counts()
    assert first["articles"] == 1 and first["statements"] == 2 and first["mentions"] == 2
    assert first["entities"] == 1 and first["entity_aliases"] == 2 and first["entity_roles"] == 1
    assert first["date_mentions"] == 1 and first["quantities"] == 2 and first["article_outlets"] == 1
    assert store.add(make_analysis()) is False
    assert store.counts() == first


def test_same_text_from_another_outlet_adds_only_the_outlet(store) -> None:  # type: ignore[no-untyped-def]
    store.add(make_analysis())
    before = store.counts()
    assert store.add(make_analysis(outlet="NordPress")) is False
    after = store.counts()
    assert after["article_outlets"] == before["article_outlets"] + 1
    assert {k: v for k, v in after.items() if k != "article_outlets"} == {
        k: v for k, v in before.items() if k != "article_outlets"
    }
    article = store.article(content_id(TEXT))
    assert article is not None
    assert article.outlets == ["Harbour Gazette", "NordPress"]
    store.add_outlet(article.id, "NordPress", None)  # again: no change, no error
    assert store.counts() == after


def test_round_trip_and_spans_hold_in_the_database(store) -> None:  # type: ignore[no-untyped-def]
    analysis = make_analysis()
    store.add(analysis)
    article = store.article(analysis.article.id)
    assert article is not None
    assert article.text == TEXT and article.published == date(2025, 6, 10) and article.title == "Port blast"
    assert [a.id for a in store.iter_articles()] == [analysis.article.id]
    # Offsets are code points in Python; the database must agree (non-ASCII, emoji before the spans).
    bad = store.query(
        "SELECT count(*) AS n FROM statements s JOIN articles a ON a.id = s.article_id"
        " WHERE substr(a.text, s.content_start + 1, s.content_end - s.content_start) <> s.content"
        " OR substr(a.text, s.speaker_start + 1, s.speaker_end - s.speaker_start) <> s.speaker_text"
        " OR substr(a.text, s.cue_start + 1, s.cue_end - s.cue_start) <> s.cue"
    )
    assert bad[0]["n"] == 0
    rows = store.query("SELECT content, content_start, content_end FROM statements ORDER BY idx")
    for row in rows:
        assert TEXT[row["content_start"] : row["content_end"]] == row["content"]
    assert rows[0]["content"] == "that “at least 12 people” had died"
    mention = store.query("SELECT entity_id FROM mentions ORDER BY start_offset LIMIT 1")
    assert mention[0]["entity_id"] == "person:zoe-brandt"


def test_failed_transaction_leaves_no_rows(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError), store.transaction():
        assert store.add(make_analysis()) is True
        raise RuntimeError("crash between writes")
    assert store.counts()["articles"] == 0
    assert store.counts()["statements"] == 0
    assert not store.has_article(content_id(TEXT))
    assert store.add(make_analysis()) is True  # and the store still works


def test_wrong_span_is_refused_before_writing(store) -> None:  # type: ignore[no-untyped-def]
    analysis = make_analysis()
    analysis.statements[1].content = "We will rebuild"  # one character short of its span
    with pytest.raises(SpanMismatch):
        store.add(analysis)
    assert sum(store.counts().values()) == 1  # only schema_info


def test_raw_sql_placeholders_and_literals(store) -> None:  # type: ignore[no-untyped-def]
    store.add(make_analysis())
    rows = store.query(
        "SELECT '?' AS mark, '100%' AS pct, count(*) AS n FROM quantities WHERE text LIKE ? AND value > ?",
        ["%0%", 50],
    )
    assert rows == [{"mark": "?", "pct": "100%", "n": 1}]
    store.execute(
        "UPDATE articles SET title = ? WHERE id = ?", ["Ölhafen; DROP TABLE articles; --", content_id(TEXT)]
    )
    assert store.article(content_id(TEXT)).title == "Ölhafen; DROP TABLE articles; --"  # type: ignore[union-attr]


def test_threads_each_get_a_working_connection(store) -> None:  # type: ignore[no-untyped-def]
    store.add(make_analysis())

    def read(_: int) -> int:
        return int(store.query("SELECT count(*) AS n FROM statements")[0]["n"])

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(read, range(16))) == [2] * 16


def test_newer_schema_is_refused(store_url: str) -> None:
    store = open_store(store_url)
    store.execute("UPDATE schema_info SET version = version + 1")
    store.close()
    with pytest.raises(WhosaidError, match="newer than this whosaid"):
        open_store(store_url)


def test_reopening_keeps_data(store_url: str) -> None:
    store = open_store(store_url)
    store.add(make_analysis())
    counts = store.counts()
    store.close()
    again = open_store(store_url)
    try:
        assert again.counts() == counts
    finally:
        again.close()


def test_to_pyformat() -> None:
    assert to_pyformat("SELECT '?', \"a?\" FROM t WHERE x = ? AND y LIKE '%a'") == (
        "SELECT '?', \"a?\" FROM t WHERE x = %s AND y LIKE '%%a'"
    )


def test_duckdb_file_in_use_gives_a_clear_message(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "busy.duckdb"
    open_store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c=duckdb.connect({str(path)!r}); print('ok', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(WhosaidError, match="in use by another program"):
            open_store(path)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    open_store(path).close()  # free again once the other program is gone


def test_tables_added_to_the_schema_appear_in_an_existing_database(store_url: str) -> None:
    store = open_store(store_url)
    store.execute("DROP TABLE fetched_urls")  # as if made before schema.sql gained the table
    store.close()
    again = open_store(store_url)
    try:
        assert again.counts()["fetched_urls"] == 0
    finally:
        again.close()
