"""Conflicts grouped per disagreement: the web page (real Chromium) and ``/api/conflicts?group=1``.

The sample store gets one more article: a wire copy of the minister's death toll, under an outlet
name with markup in it, contradicted by the hospital's count like the original. That makes two
pairs of statements for one disagreement.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Page

from api.conftest import TOKEN, Served, serve
from api.sample_store import KOWALIN, article, daily, evidence, statement
from whosaid.model import ArticleAnalysis

WIRE_OUTLET = "<i>Coast Wire</i>"


def wire_copy() -> ArticleAnalysis:
    text = (
        "Interior Minister Marta Kowalin said on Tuesday that 12 people had been killed in the explosion "
        "at the port of Karsvik, the wire reported."
    )
    a = article(text, "Minister: 12 dead in Karsvik", WIRE_OUTLET, date(2025, 6, 11), None)
    st = statement(a, 0, "indirect", "12 people had been killed in the explosion at the port of Karsvik",
                   "Marta Kowalin", "Marta Kowalin", "said", speaker_entity_id=KOWALIN.id,
                   speaker_type="PERSON")  # fmt: skip
    return ArticleAnalysis(a, [st], entities=[KOWALIN])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    for running in serve(tmp_path_factory.mktemp("groups") / "groups.duckdb", token=TOKEN):
        copy = wire_copy()
        running.store.add(copy)
        minister = copy.statements[0]
        hospital = daily().statements[0]  # the stored one: the same article text gives the same id
        reason = evidence("12 killed vs 17 bodies", minister, hospital)
        with running.store.transaction():
            running.store.execute(
                "INSERT INTO relations (a, b, relation, score, evidence, about) VALUES (?, ?, ?, ?, ?, ?)",
                [minister.id, hospital.id, "contradict", 0.9, reason, "the death toll"],
            )
        yield running


def test_api_groups_are_additive(served: Served) -> None:
    plain = served.client.get("/api/conflicts").json()
    assert set(plain) == {"items"} and len(plain["items"]) == 3
    grouped = served.client.get("/api/conflicts", params={"group": 1}).json()
    assert grouped["items"] == plain["items"]  # the existing shape is untouched
    groups = grouped["groups"]
    assert len(groups) == 2
    toll = next(g for g in groups if g["pairs"] == 2)
    assert toll["speakers"] == ["Emil Sorensen", "Marta Kowalin"]
    assert toll["outlets"] == sorted(["Harbour Gazette", "Nordvik Daily", WIRE_OUTLET])
    assert toll["best"]["score"] == 0.93 and toll["about"] == "the death toll"
    assert len(served.client.get("/api/conflicts", params={"group": 1, "limit": 1}).json()["groups"]) == 1


def test_page_shows_one_card_per_disagreement(page: Page) -> None:
    page.goto("/conflicts")
    groups = page.locator(".conflict-group")
    assert groups.count() == 2
    toll = groups.first
    assert "the death toll" in toll.locator("h2").inner_text()
    note = toll.locator(".group-note").inner_text()
    assert "2 pairs" in note and WIRE_OUTLET in note  # the outlet's markup is shown as text
    assert page.locator("i").count() == 0
    assert "3 pairs" in page.locator("p.summary").inner_text()
    page.click("text=Show every pair")
    assert page.locator("section.conflict").count() == 3
    page.click("text=One entry per disagreement")
    assert page.locator("section.conflict").count() == 2


def test_grouped_page_keeps_the_speaker_filter(page: Page) -> None:
    page.goto("/conflicts")
    page.fill("input[name=speaker]", "Viktor Andersen")
    page.click("form.search button[type=submit]")
    assert page.locator(".conflict-group").count() == 1
    page.click("text=Show every pair")
    assert "speaker=Viktor" in page.url
    assert page.locator("section.conflict").count() == 1
