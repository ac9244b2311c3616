"""The web page in a real browser: search, speaker, article highlights, conflicts, and hostile text."""

from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Browser, Dialog, Page

from api.conftest import Served
from api.sample_store import SPLIT_PIECES, SPLIT_QUOTATION, SQL_QUOTE, XSS_QUOTE


def test_search_finds_a_statement(page: Page) -> None:
    page.goto("/")
    page.fill("input[name=q]", "killed")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/?q=killed*")
    cards = page.locator("#results .statement")
    assert cards.count() == 1
    assert "12 people had been killed" in cards.first.inner_text()
    assert cards.first.locator("a.speaker").inner_text() == "Marta Kowalin"


def test_search_filters_in_the_form(page: Page) -> None:
    page.goto("/")
    page.click("details.filters summary")
    page.fill("input[name=outlet]", "Nordvik Daily")
    page.select_option("select[name=kind]", "direct")
    page.click("form.search button[type=submit]")
    cards = page.locator("#results .statement")
    assert cards.count() == 1
    assert "seventeen victims" in cards.first.inner_text()


def test_open_a_speaker_and_see_the_timeline(page: Page) -> None:
    page.goto("/speakers")
    page.click("text=Marta Kowalin")
    assert page.locator("h1").inner_text() == "Marta Kowalin"
    entries = page.locator("ol.timeline > li")
    assert entries.count() == 2
    assert "Interior Minister" in page.locator("dl.facts").inner_text()
    # Her contradictions are listed on her page too.
    assert page.locator("section.conflict").count() == 2


def test_article_highlights_every_statement(page: Page, served: Served) -> None:
    page.goto("/articles")
    page.click("text=Blast at Karsvik port kills 12, minister says")
    marks = page.locator("#text mark.quote")
    ids = set(marks.evaluate_all("ms => ms.map(m => m.dataset.statement)"))
    gazette = served.ids["gazette"]
    assert ids == {f"{gazette}:0", f"{gazette}:1", f"{gazette}:2"}
    # The highlighted text of each statement is exactly its content (built from offsets).
    article = served.client.get(f"/api/articles/{gazette}").json()
    for st in article["statements"]:
        joined = page.locator(f'mark[data-statement="{st["id"]}"]').evaluate_all(
            "ms => ms.map(m => m.textContent).join('')"
        )
        assert joined == st["content"]
    # One colour per speaker; the hover title shows speaker, cue, date and confidence.
    first = page.locator(f'mark[data-statement="{gazette}:0"]').first
    title = first.get_attribute("title") or ""
    for part in ("Marta Kowalin", "Interior Minister", "cue: said", "2025-06-10", "confidence 0.90"):
        assert part in title
    colour = {c for c in (first.get_attribute("class") or "").split() if c.startswith("c")}
    berg = page.locator(f'mark[data-statement="{gazette}:2"]').first.get_attribute("class") or ""
    assert colour and not colour & set(berg.split())
    legend = page.locator("ul.legend li").all_inner_texts()
    assert [t.strip() for t in legend] == ["Marta Kowalin", "Jonas Berg"]
    background = first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_nested_quotes_take_the_inner_statement(page: Page, served: Served) -> None:
    page.goto(f"/articles/{served.ids['undated']}")
    inner = page.locator(f'mark[data-statement="{served.ids["undated"]}:1"]')
    assert inner.evaluate_all("ms => ms.map(m => m.textContent).join('')") == "the alarms never sounded"


def test_conflicts_show_both_sides(page: Page) -> None:
    page.goto("/")
    page.click("nav >> text=Conflicts")
    sections = page.locator("section.conflict")
    assert sections.count() == 2
    toll = sections.first
    assert "the death toll" in toll.locator("h2").inner_text()
    sides = toll.locator(".side")
    assert "Harbour Gazette" in sides.nth(0).inner_text() and "2025-06-10" in sides.nth(0).inner_text()
    assert "Nordvik Daily" in sides.nth(1).inner_text() and "Emil Sorensen" in sides.nth(1).inner_text()
    page.fill("input[name=speaker]", "Viktor Andersen")
    page.click("form.search button[type=submit]")
    assert page.locator("section.conflict").count() == 1


def test_hostile_text_never_runs(browser: Browser, served: Served) -> None:
    # CSP is bypassed here on purpose: escaping alone must keep the markup inert.
    context = browser.new_context(base_url=served.url, bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    paths = [
        "/",
        "/?q=" + quote("<script>"),
        "/?q=" + quote(XSS_QUOTE),
        f"/articles/{served.ids['hostile']}",
        "/articles",
        "/speakers/" + quote("Viktor Andersen"),
        "/conflicts",
        "/stories/story-karsvik",
        f"/articles/{served.ids['daily']}",
        "/?q=missing",  # the split quote, its pieces joined
    ]
    for path in paths:
        page.goto(path)
        page.wait_for_load_state("load")
        assert page.evaluate("() => window.__xss") is None, path
        assert page.locator("script").count() == 0, path
        assert page.locator("img").count() == 0, path
    page.goto(f"/articles/{served.ids['hostile']}")
    text = page.locator("#text").inner_text()
    assert XSS_QUOTE in text and SQL_QUOTE in text  # shown, as text
    assert "<b>Rally</b>" in page.locator("h1").inner_text()
    page.goto(f"/articles/{served.ids['daily']}")
    assert page.locator("a[href^='javascript:']").count() == 0  # a stored javascript: URL is not a link
    assert dialogs == []
    context.close()


def test_reading_works_without_javascript(browser: Browser, served: Served) -> None:
    context = browser.new_context(base_url=served.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.fill("input[name=q]", "firefighters")
    page.press("input[name=q]", "Enter")
    assert "80 firefighters" in page.locator("#results").inner_text()
    context.close()


def test_pages_fit_a_phone(browser: Browser, served: Served) -> None:
    context = browser.new_context(
        base_url=served.url, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    for path in ("/", "/speakers", "/articles", f"/articles/{served.ids['gazette']}", "/conflicts",
                 "/speakers/ent-kowalin", "/stories/story-karsvik"):  # fmt: skip
        page.goto(path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    context.close()


def test_pages_keep_to_their_own_security_policy(page: Page, served: Served) -> None:
    """No console errors anywhere: a CSP violation or a missing asset would show up here."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems.append(r.url))
    paths = ["/", "/?q=dead", "/speakers", "/speakers/ent-kowalin", "/articles", "/stories",
             f"/articles/{served.ids['gazette']}", "/stories/story-karsvik", "/conflicts"]  # fmt: skip
    for path in paths:
        page.goto(path)
        page.wait_for_load_state("load")
    assert problems == []
    assert page.locator("[style]").count() == 0  # inline styles would be refused by the policy


def test_unknown_pages_are_friendly_404s(page: Page) -> None:
    response = page.goto("/articles/does-not-exist")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Not found"


def test_a_split_quote_reads_as_its_pieces(page: Page, served: Served) -> None:
    # '"A," Sorensen said, "B."' shows as "A … B"; B's markup stays text
    page.goto("/?q=missing")
    cards = page.locator("#results .statement")
    assert cards.count() == 1
    assert cards.first.locator("blockquote").inner_text() == SPLIT_QUOTATION
    assert "Sorensen said" not in cards.first.inner_text()
    page.goto("/speakers/" + quote("Emil Sorensen"))
    assert SPLIT_QUOTATION in page.locator("main").inner_text()
    page.goto(f"/articles/{served.ids['daily']}")
    assert SPLIT_QUOTATION in page.locator("aside.statements").inner_text()
    # in the text, the pieces are highlighted and the attribution between them is not
    marks = page.locator(f'#text mark[data-statement="{served.ids["daily"]}:1"]')
    assert marks.evaluate_all("ms => ms.map(m => m.textContent)") == list(SPLIT_PIECES)
    assert page.locator("img").count() == 0
    assert page.evaluate("() => window.__xss") is None
