"""Invented news pages and feeds for the watch tests (every name and place here is made up)."""

from __future__ import annotations

from html import escape

STORIES = {
    "harbour": (
        "Harbour dredging to resume in spring",
        [
            '"The channel will be deep enough for the ferries by the spring," harbour master Ilse Varga said '
            "on Monday, after a winter in which two crossings were cancelled for low water.",
            "The council approved a budget of 4.2 million crowns for the dredging, which contractors say "
            "will take nine weeks if the weather holds.",
            "Fishermen on the north quay said they had waited three years for the work and doubted the "
            "timetable, pointing to the delays of the last project.",
        ],
    ),
    "rail": (
        "Night train to the capital returns",
        [
            "Passengers will again be able to sleep their way south from the summer, the national rail "
            'operator announced, reviving a service cut in 2019. "Demand has come back," spokesman Otto '
            "Brandt told reporters at the central station.",
            "Tickets for the sleeper carriages go on sale next week, with fares starting at 60 crowns "
            "for a reclining seat and 140 for a private cabin.",
        ],
    ),
    "school": (
        "Teachers vote on new contract",
        [
            "Members of the teachers' union began voting on Wednesday on a contract that would raise "
            "salaries by 6 percent over two years and cap class sizes at twenty-eight pupils.",
            '"It is not everything we asked for, but it is a fair settlement," union chair Mira Holm '
            "said, urging members to accept it before the ballot closes on Friday.",
        ],
    ),
    "storm": (
        "Storm cuts power to coastal villages",
        [
            "Thousands of homes along the western coast were without electricity overnight after gusts "
            "of up to 120 kilometres an hour brought down lines near Skarn and Vell.",
            "The grid company said crews had restored power to most households by noon and expected the "
            "remaining villages to be reconnected by evening.",
        ],
    ),
}

# A wire story, as three outlets carried it: one retitles it, one adds a line, one trims the end.
WIRE_PARAGRAPHS = [
    "NORDVIK (Nordpress) - The finance minister of the northern republic, Karin Lund, said on Tuesday "
    "that the government would not raise value-added tax next year, rejecting calls from the central "
    "bank to tighten fiscal policy as inflation stays above target.",
    '"We will not balance the budget on the backs of families who are already struggling with '
    'their grocery bills," Lund told a news conference in the capital after the weekly cabinet meeting.',
    "Central bank governor Petr Aalto warned last month that public spending was adding to price "
    "pressures and urged the government to cut subsidies for heating fuel and public transport.",
    "Opposition leader Jonas Berg called the minister's plan unrealistic, saying the deficit would "
    "reach 4 percent of economic output by the end of next year unless spending was reined in.",
    "The finance ministry forecast growth of 1.8 percent for next year, slightly above the central "
    "bank's estimate, and said higher revenue from the energy sector would cover most of the gap.",
    "Parliament is due to vote on the budget before the end of the year. The governing coalition holds a "
    "majority of three seats, but two of its members have said they could abstain.",
]


def article_page(title: str, paragraphs: list[str], *, site_name: str, published: str = "2026-11-20") -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)} | {escape(site_name)}</title>
<meta property="og:site_name" content="{escape(site_name)}">
<meta property="og:title" content="{escape(title)}">
<meta property="article:published_time" content="{published}T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news/">News</a></nav>
<article><h1>{escape(title)}</h1>
{body}
</article>
<footer>Copyright {escape(site_name)}</footer>
</body></html>"""


def story_page(key: str, site_name: str = "Harbour Gazette") -> str:
    title, paragraphs = STORIES[key]
    return article_page(title, paragraphs, site_name=site_name)


def rss(channel_title: str, links: list[str]) -> str:
    items = "\n".join(
        f"<item><title>Item {i}</title><link>{escape(link)}</link><guid>{escape(link)}</guid></item>"
        for i, link in enumerate(links)
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{escape(channel_title)}</title><link>http://example.invalid/</link>
<description>test feed</description>
{items}
</channel></rss>"""


def atom(feed_title: str, links: list[str]) -> str:
    entries = "\n".join(
        f"<entry><title>Entry {i}</title><id>tag:test,2026:{i}</id>"
        f'<link rel="alternate" href="{escape(link)}"/><updated>2026-11-20T08:00:00Z</updated></entry>'
        for i, link in enumerate(links)
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(feed_title)}</title>
<id>tag:test,2026:feed</id><updated>2026-11-20T08:00:00Z</updated>
{entries}
</feed>"""


def homepage(site_name: str, feed_path: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><title>{escape(site_name)}</title>
<link rel="alternate" type="application/rss+xml" title="News" href="{escape(feed_path)}">
</head><body><h1>{escape(site_name)}</h1><p>Latest news.</p></body></html>"""
