"""Directories, globs, missing paths, decoding, limits and the demo corpus through read_paths."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from whosaid.demo_data import demo_dir, demo_paths
from whosaid.ingest import Article, ReadFailure, read_paths

from .helpers import DATA


def split(items: list[Article | ReadFailure]) -> tuple[list[Article], list[ReadFailure]]:
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadFailure)]


def test_directory_is_recursive_sorted_and_skips_unknown_suffixes(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("# Two\n\nSecond body.\n")
    (tmp_path / "a.md").write_text("# One\n\nFirst body.\n")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".hidden.md").write_text("# Hidden\n\nNot read.\n")
    articles, failures = split(list(read_paths([str(tmp_path)])))
    assert [a.title for a in articles] == ["One", "Two"]
    assert failures == []


def test_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("# X\n\nBody x.\n")
    (tmp_path / "y.txt").write_text("Body y.\n")
    items = list(read_paths([str(tmp_path / "*.md"), str(tmp_path / "nope.md"), str(tmp_path / "*.zzz")]))
    articles, failures = split(items)
    assert [a.title for a in articles] == ["X"]
    assert [f.reason for f in failures] == ["no such file or directory", "no file matches this pattern"]


def test_one_bad_file_among_good_ones(tmp_path: Path) -> None:
    """Issue 2: a malformed HTML file, an empty file and a non-UTF-8 file among good ones."""
    (tmp_path / "good.md").write_text("# Good\n\nThe mayor said that all was well.\n")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n")
    (tmp_path / "broken.html").write_bytes(b"<html><head><title>Cut off</title><script>var a = '<p>")
    # Mis-nested but with text: read, since browsers (and lxml) repair such markup.
    (tmp_path / "misnested.html").write_bytes(
        b"<html><body><p>The chief <b>said <i>that</b> the port</i> was safe.</div>"
    )
    (tmp_path / "latin1.md").write_bytes(
        "# Café\n\nThe café owner said the rent had doubled.\n".encode("latin-1")
    )
    items = list(read_paths([str(tmp_path)]))
    articles, failures = split(items)
    assert sorted(a.title or "" for a in articles) == ["", "Café", "Good"]
    assert any("the port was safe" in a.text for a in articles)
    reasons = {Path(f.source).name: f.reason for f in failures}
    assert reasons["empty.md"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert "no article text" in reasons["broken.html"]
    assert len(failures) == 3


def test_size_limit_names_the_flag(tmp_path: Path) -> None:
    page = tmp_path / "big.md"
    page.write_text("# Big\n\n" + "word " * 400)
    (failure,) = list(read_paths([str(page)], max_bytes=1000))
    assert isinstance(failure, ReadFailure)
    assert "over the limit of 1,000" in failure.reason and "--max-bytes" in failure.reason
    (article,) = list(read_paths([str(page)], max_bytes=10_000))
    assert isinstance(article, Article)


def test_jsonl_line_over_limit_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    lines = [
        {"id": "1", "text": "x" * 5000},
        {"id": "2", "text": "The minister said it was fine."},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    items = list(read_paths([str(path)], max_bytes=1000))
    assert isinstance(items[0], ReadFailure) and items[0].source.endswith("a.jsonl:1")
    assert isinstance(items[1], Article) and items[1].external_id == "2"


def test_demo_corpus_reads_completely() -> None:
    items = list(read_paths([str(demo_dir())]))
    articles, failures = split(items)
    assert failures == []
    assert [Path(p).name for p in demo_paths()] == sorted(Path(p).name for p in demo_paths())
    assert len(articles) == 6
    outlets = {a.outlet for a in articles}
    assert outlets == {"Harbour Gazette", "Karsvik Post", "Nordvik Daily", "NordPress"}
    assert {a.published for a in articles} == {date(2025, 6, 10), date(2025, 6, 11), date(2025, 6, 12)}
    assert len({a.id for a in articles}) == 6
    for article in articles:
        assert article.url and article.url.startswith("https://")
        assert article.outlets == [article.outlet]
        assert "](" not in article.text and "**" not in article.text
    by_title = {a.title: a for a in articles}
    gazette = by_title["Blast at Karsvik Port Kills 12, Minister Says"]
    assert "Related article" not in gazette.text and "harbourgazette.example" not in gazette.text
    assert "Interior Minister Marta Kowalin said Tuesday that 12 people had been killed" in gazette.text


def test_reading_twice_gives_the_same_ids() -> None:
    first = [a.id for a in read_paths([str(demo_dir())]) if isinstance(a, Article)]
    again = read_paths([str(DATA.parent.parent.parent / "src/whosaid/demo_data/articles")])
    second = [a.id for a in again if isinstance(a, Article)]
    assert first == second


def test_parquet_rows_become_articles(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "id": ["p1", "p2", "p3"],
            "text": ["The mayor said that the bridge was safe.", None, "  "],
            "published": [date(2025, 2, 4), None, None],
            "url": ["https://www.themoscowtimes.com/x", None, None],
        }
    )
    path = tmp_path / "articles.parquet"
    pq.write_table(table, path)
    items = list(read_paths([str(path)]))
    article = items[0]
    assert isinstance(article, Article)
    assert (article.external_id, article.published, article.outlet) == (
        "p1",
        date(2025, 2, 4),
        "The Moscow Times",
    )
    assert [(f.source.rsplit("#", 1)[-1], f.reason) for f in items[1:] if isinstance(f, ReadFailure)] == [
        (
            "2",
            "field 'text' is missing or not a string "
            "(nor is any of body, content, article, article_text; the record has id)",
        ),
        ("3", "field 'text' is empty"),
    ]
