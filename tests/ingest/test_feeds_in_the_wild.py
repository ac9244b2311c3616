"""Feeds in the shapes users feed (tests/ingest/data/wild, invented text): WordPress RSS with relative
links, captions, teasers and its "The post … appeared first on" footer; Atom with an HTML title."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whosaid.ingest import Article, ReadFailure, read_path
from whosaid.ingest.outlets import site_part

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
    assert first.outlet == second.outlet == "Lakeside Herald"  # the channel is "Lakeside Herald – News"
    assert second.published is None and "Councillor Mia Berg said it was" in second.text
    assert isinstance(empty, ReadFailure) and "no text" in empty.reason


def test_atom_html_title_is_plain_text() -> None:
    first, second = list(read_path(str(WILD / "html-title.atom")))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Ferry fares to rise by 8% — operator"
    assert first.text.startswith("Ferry fares to rise by 8% — operator\n\n")
    assert "Related:" not in first.text
    assert second.url == "https://www.fjordpost.example/2026/01/04/cleanup"


def test_summary_loses_its_continue_reading_link_and_keeps_the_sentence(tmp_path: Path) -> None:
    feed = tmp_path / "summaries.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Northgate News</title>'
        "<link>https://northgate.example</link>"
        "<item><title>Water bills to rise</title><link>https://northgate.example/water</link><description>"
        "<![CDATA[<p>&ldquo;We have held prices for three years,&rdquo; its chief executive said. "
        '<a href="https://northgate.example/water">Continue reading...</a></p>]]></description></item>'
        "<item><title>Museum opens</title><link>https://northgate.example/museum</link><description>"
        '<![CDATA[The museum reopened on Saturday. <a href="/museum">Read the full story</a> Free entry.]]>'
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    water, museum = list(read_path(str(feed)))
    assert isinstance(water, Article) and isinstance(museum, Article)
    assert water.text.endswith("“We have held prices for three years,” its chief executive said.")
    assert museum.text.endswith("The museum reopened on Saturday. Free entry.")


@pytest.mark.parametrize(
    ("title", "link", "expected"),
    [
        ("Lakeside Herald – News", "https://www.lakesideherald.example/", "Lakeside Herald"),
        ("World news | The Guardian", "https://www.theguardian.com/world", "The Guardian"),
        ("Latest - Karsvik Post", "https://karsvikpost.example/", "Karsvik Post"),
        ("BBC News - World", "https://www.bbc.co.uk/news", None),  # no part spells "bbc"
        ("The Fjord Post", "https://www.fjordpost.example/", None),
    ],
)
def test_the_outlet_part_of_a_feed_title(title: str, link: str, expected: str | None) -> None:
    assert site_part(title, link) == expected
