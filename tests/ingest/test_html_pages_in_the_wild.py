"""HTML pages in the shapes users feed (tests/ingest/data/wild, invented text): what must stay out of
``Article.text`` (pull quotes, "Read more" teasers, newsletter boxes, captions, date lines, wire
credits), what must stay in, and the title, date, URL and outlet found."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whosaid.ingest import Article, read_path
from whosaid.ingest.html import article_from_html, drop_repeated_paragraphs
from whosaid.ingest.records import is_furniture_line

from .helpers import DATA

WILD = DATA / "wild"


def _one(path: Path) -> Article:
    (item,) = list(read_path(str(path)))
    assert isinstance(item, Article), item
    return item


def test_wire_story_keeps_its_body_and_loses_pull_quote_teasers_and_credit() -> None:
    article = _one(WILD / "wire-with-pull-quote.html")
    quote = "Our members have been patient for two years, and patience has a limit"
    assert article.text.count(quote) == 1  # the pull quote repeated it
    assert "Related:" not in article.text and "2019 strike" not in article.text
    assert "Reporting by" not in article.text
    for sentence in (
        "VALDMAR (Reuters) - Dockworkers at the Port of Valdmar voted on Friday",
        "“We have made a fair offer,” a spokesman said.",
        "Shipping companies said they were preparing to divert vessels",
        "puts a real number on the table",
    ):
        assert sentence in article.text
    assert article.title == "Port of Valdmar dockworkers vote to strike"
    assert article.published == date(2026, 3, 14)  # datePublished, not dateModified
    assert article.outlet == "Northern Ledger"
    assert article.url == "https://www.northernledger.example/business/2026/03/14/valdmar-dockworkers-strike"


def test_newsletter_box_leaves_the_page_and_the_date_comes_from_time_datetime() -> None:
    article = _one(WILD / "newsletter-box-time-only.html")
    lowered = article.text.lower()
    assert "sign up" not in lowered and "newsletter" not in lowered and "inbox" not in lowered
    assert article.text.endswith("The bridge, built in 1911, carries about 30,000 vehicles a day.")
    assert "“We will come back with options in October,” she said." in article.text
    assert article.published == date(2025, 9, 3)


def test_latin1_page_declared_in_meta_loses_its_date_line() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "<title>Café owners protest terrace rules</title></head><body>"
        "<h1>Café owners protest terrace rules</h1><p>Published 4 June 2025</p>"
        "<p>Owners of cafés on the Rue des Fleurs said on Tuesday that the new terrace rules would cost"
        " them half of their summer trade.</p>"
        "<p>«We are not asking for favours», said Élodie Marchand, who runs the Café du Pont.</p>"
        "</body></html>"
    ).encode("iso-8859-1")
    article = article_from_html(page)
    assert "Published 4 June 2025" not in article.text
    assert article.published == date(2025, 6, 4)
    assert "«We are not asking for favours», said Élodie Marchand" in article.text


def test_amp_page_takes_its_date_from_json_ld_and_drops_the_caption() -> None:
    article = _one(WILD / "amp-json-ld-date.html")
    assert article.published == date(2024, 7, 19)
    assert article.url == "https://www.coastaltimes.example/news/lighthouse-to-reopen"
    assert "Credit:" not in article.text and "north beach" not in article.text
    assert "children under 12 will climb free" in article.text


def test_live_blog_keeps_every_entry() -> None:
    article = _one(WILD / "live-blog.html")
    for entry in ("clean buses", "41 percent", "cautiously optimistic", "Polls have closed."):
        assert entry in article.text
    assert article.published == date(2026, 5, 10)


def test_caption_with_trailing_credit_teaser_label_and_tip_line_leave_the_page() -> None:
    article = _one(WILD / "wordpress-yoast-graph.html")
    assert "Photograph:" not in article.text and "regional train leaves" not in article.text
    assert "\n\nRelated\n\n" not in article.text
    assert "Have a story?" not in article.text
    assert article.text.startswith(
        "Rail union calls off weekend strike\n\nThe rail workers’ union called off"
    )
    # The embedded post is the operator's own words: it stays.
    assert "Strike OFF. Trains will run as normal this weekend." in article.text
    assert "“People can finally plan their weekend,” said Leo Brandt" in article.text
    assert article.published == date(2025, 11, 21)  # the @graph's datePublished
    assert article.url == "https://valleyobserver.example/news/rail-union-calls-off-strike/"


def test_time_stamps_of_a_live_page_are_no_paragraphs() -> None:
    page = (
        "<html><head><title>Harbour fees frozen</title></head><body><div class='article-body'>"
        "<p>12:45</p><p>Harbour fees will be frozen for a year, the port board decided on Thursday.</p>"
        "<p>14:05 GMT</p><p>&ldquo;It buys us time,&rdquo; said fisherman Ole Brekke, who has worked out of "
        "the harbour for thirty years.</p></div></body></html>"
    )
    article = article_from_html(page)
    assert "12:45" not in article.text and "14:05" not in article.text
    assert "“It buys us time,” said fisherman Ole Brekke" in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Parking fees to rise in January",
        "Related",
        "Most read",
        "A regional train leaves Valley Central station. Photograph: Sam Dunn/Valley Observer",
        "The president speaks in the capital. (AP Photo/Evan Vucci)",
        "Traffic on the bridge. (Photo by Lena Fischer for the Riverside Courier)",
        "Have a story? Email us at news@valleyobserver.example",
        "12:45",
        "14:05 GMT",
        "**2.05pm**",
        "**Related coverage:** Fuel prices hit record",
        "Sign up for our newsletter to get the day’s top stories every morning.",
        "SIGN UP FOR THE MORNING BRIEFING",
        "Get local news delivered to your inbox. Subscribe now.",
        "The post Mayor’s plan draws fire appeared first on Lakeside Herald.",
        "(Reporting by Mira Castell; Editing by Tom Reyes)",
        "Photo: Jonas Berg/Northern Ledger",
        "Advertisement",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Nobody was forced to subscribe.",
        "Residents can sign up here.",
        "“Sign up now,” the mayor urged residents.",
        "Registered voters fell by 3% in the northern wards.",
        "Related news broke on Tuesday: the mayor resigned.",
        "The union said 400 members would subscribe to the strike fund.",
        "Police released the photo: it shows a man in a red coat.",
        "The fund is worth $2 million (about 1.8 million euros).",
        "Recommended reading lists grew longer.",
        "At 12:45 the polls closed.",
    ],
)
def test_sentences_that_are_no_furniture(line: str) -> None:
    assert not is_furniture_line(line)


def test_repeated_paragraphs() -> None:
    body = "“We will not back down on pay,” Holm said after the vote on Friday."
    pull = "“We will not back down on pay.”"
    stock = "He declined to comment."  # too short to be taken for a copy
    assert drop_repeated_paragraphs([pull, body, stock, "Other news.", stock]) == [
        body,
        stock,
        "Other news.",
        stock,
    ]
    lead = "The council voted on Wednesday to close the old swimming pool next year."
    assert drop_repeated_paragraphs([lead, "Middle.", lead]) == [lead, "Middle."]


_BODY = (
    "<p>The coastal road between Marby and Holt was closed on Sunday after heavy rain flooded two "
    "sections, police said.</p><p>&ldquo;Do not try to drive through the water,&rdquo; an officer said.</p>"
)


@pytest.mark.parametrize(
    ("head", "header", "expected"),
    [
        # trafilatura skips a first part with a dot in it, meaning a domain; "U.S." is none.
        (
            "<title>U.S. envoy visits flooded coast - Southern Gazette</title>"
            '<meta property="og:site_name" content="Southern Gazette">',
            "",
            "U.S. envoy visits flooded coast",
        ),
        (
            "<title>Southern Gazette | Floods close coastal road</title>"
            '<meta property="og:site_name" content="Southern Gazette">',
            "",
            "Floods close coastal road",
        ),
        # The only <h1> is the logo; the canonical host names the site.
        (
            "<title>Floods close coastal road | Southern Gazette</title>"
            '<link rel="canonical" href="https://www.southerngazette.example/floods">',
            '<header><h1 class="logo">Southern Gazette</h1></header><h2>Floods close coastal road</h2>',
            "Floods close coastal road",
        ),
        ("<title>Mr. Holt wins seat - southerngazette.example</title>", "", "Mr. Holt wins seat"),
        # Nothing says which part is the site: trafilatura's choice (the first part) stands.
        ("<title>Strike ends - The Southern Gazette and Weekly Advertiser</title>", "", "Strike ends"),
    ],
)
def test_the_headline_part_of_the_title_element(head: str, header: str, expected: str) -> None:
    page = f'<html><head><meta charset="utf-8">{head}</head><body>{header}<div>{_BODY}</div></body></html>'
    article = article_from_html(page)
    assert article.title == expected
    assert article.text.startswith(f"{expected}\n\nThe coastal road between Marby and Holt")
    assert article.outlet != expected
