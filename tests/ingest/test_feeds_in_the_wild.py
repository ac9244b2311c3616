"""Feeds in the shapes users feed (tests/ingest/data/wild, invented text): WordPress RSS with relative
links, captions, teasers and its "The post … appeared first on" footer; Atom with an HTML title."""

from __future__ import annotations

from datetime import date

from whosaid.ingest import Article, ReadFailure, read_path

from .helpers import DATA

WILD = DATA / "wild"


def test_rss_relative_links_captions_teasers_and_wordpress_footer() -> None:
    first, second, empty = list(read_path(str(WILD / "wordpress-relative-links.rss")))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.url == "https://www.lakesideherald.example/news/2026/02/car-free-sundays"
    assert "market square on a Sunday morning" not in first.text  # the figcaption
    assert "Read more" not in first.text and "Parking fees" not in first.text
    assert "appeared first on" not in first.text
    assert first.text.endswith("Duarte said the trial would run for three months & be reviewed in June.")
    assert first.published == date(2026, 2, 17) and first.external_id == "lh-10231"
    assert second.published is None and "Councillor Mia Berg said it was" in second.text
    assert isinstance(empty, ReadFailure) and "no text" in empty.reason


def test_atom_html_title_is_plain_text() -> None:
    first, second = list(read_path(str(WILD / "html-title.atom")))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Ferry fares to rise by 8% — operator"
    assert first.text.startswith("Ferry fares to rise by 8% — operator\n\n")
    assert "Related:" not in first.text
    assert second.url == "https://www.fjordpost.example/2026/01/04/cleanup"
