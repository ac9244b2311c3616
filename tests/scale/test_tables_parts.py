"""The pieces of a split quote survive the Parquet tables (``write_local`` -> ``TableSet``) and a store
loaded from them; tables written before the column existed read as one piece."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from whosaid.model import Article, ArticleAnalysis, Span, Statement, content_id
from whosaid.scale.load import TableSet, load
from whosaid.scale.tables import analysis_from_rows, rows_of, write_local
from whosaid.store import open_store
from whosaid.store.queries import find_statements

TEXT = (
    "Ferry strike\n\n"
    '"The ferries will stay in port," union leader Nadia Haddad said on Monday, '
    '"until the company answers our letter."'
)
PIECES = ["The ferries will stay in port", "until the company answers our letter."]


def split_analysis() -> ArticleAnalysis:
    article = Article(id=content_id(TEXT), text=TEXT, outlet="Coastal Herald", published=date(2025, 6, 2))
    parts = [Span(TEXT.index(p), TEXT.index(p) + len(p)) for p in PIECES]
    outer = Span(parts[0].start, parts[-1].end)
    cue = TEXT.index("said")
    statement = Statement(
        article_id=article.id,
        kind="direct",
        content=outer.of(TEXT),
        content_span=outer,
        cue="said",
        cue_span=Span(cue, cue + 4),
        speaker="Nadia Haddad",
        confidence=0.9,
        content_parts=parts,
    )
    return ArticleAnalysis(article=article, statements=[statement])


def test_parts_round_trip_through_parquet_and_load(tmp_path: Path) -> None:
    analysis = split_analysis()
    write_local([analysis], tmp_path / "out")
    [back] = list(TableSet(str(tmp_path / "out")).analyses())
    assert back.statements == analysis.statements
    with open_store(tmp_path / "loaded.duckdb") as store:
        assert load(str(tmp_path / "out"), store, link=False).articles_added == 1
        [found] = find_statements(store)
    assert [p.of(TEXT) for p in found.statement.content_parts] == PIECES


def test_tables_without_the_column_read_as_one_piece() -> None:
    rows = rows_of(split_analysis())
    for row in rows["statements"]:
        del row["content_parts"]  # as the job wrote them before the column was added
    back = analysis_from_rows(rows["articles"][0], rows)
    assert [s.content_parts for s in back.statements] == [[]]
