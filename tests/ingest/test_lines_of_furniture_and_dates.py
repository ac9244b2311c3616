"""Lines that are not the article's text: the date line under a markdown title (bare, or labelled and
timed as bylines write it), and the ad slots pages leave behind."""

from __future__ import annotations

from datetime import date

import pytest

from whosaid.ingest.dates import parse_date_line
from whosaid.ingest.html import article_from_html
from whosaid.ingest.markdown import parse_markdown


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("March 26, 2024", date(2024, 3, 26)),
        ("Published 12 October 2026", date(2026, 10, 12)),
        ("Published on Tuesday, March 26, 2024", date(2024, 3, 26)),
        ("Updated: March 3, 2016 at 10:45 a.m. EST", date(2016, 3, 3)),
        ("Posted on 2026-11-20 | 14:05", date(2026, 11, 20)),
        ("March 3, 2016, 9:30 pm", date(2016, 3, 3)),
        ("2026-11-20T14:05", date(2026, 11, 20)),
    ],
)
def test_date_line_forms(line: str, expected: date) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize("line", ["Published by Reuters", "12:45", "The mayor said on March 3, 2016 that"])
def test_lines_that_are_not_dates(line: str) -> None:
    assert parse_date_line(line) is None


def test_labelled_date_line_is_the_publication_date_not_body() -> None:
    title, published, _, paragraphs = parse_markdown(
        "# Chipmaker warns of shortages\n\nPublished 12 October 2026\n\nShares fell 8% on Monday.\n"
    )
    assert title == "Chipmaker warns of shortages"
    assert published == date(2026, 10, 12)
    assert paragraphs == ["Shares fell 8% on Monday."]


def test_ad_slots_are_no_paragraphs() -> None:
    _, _, _, paragraphs = parse_markdown(
        "# Port strike ends\n\nThe strike ended.\n\nAdvertisement\n\nStory continues below advertisement\n\n"
        "An ad campaign ran all week.\n"
    )
    assert paragraphs == ["The strike ended.", "An ad campaign ran all week."]


def test_ad_slots_leave_html_pages_too() -> None:
    page = (
        "<html><head><title>Port strike ends</title></head><body><article>"
        "<h1>Port strike ends</h1><p>The three-week strike at the harbour ended on Wednesday.</p>"
        '<div class="ad">Advertisement</div><p>Ships will begin unloading on Thursday, the port said.</p>'
        "</article></body></html>"
    )
    article = article_from_html(page)
    assert "Advertisement" not in article.text
    assert "Ships will begin unloading" in article.text
