"""The user's sample article (read from ../shared, never copied into the project)."""

from __future__ import annotations

from datetime import date

import pytest

from whosaid.ingest import Article, read_paths

from .helpers import SHARED

SEED = SHARED / "seed" / "moscow-times-2024-03-26.md"

pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason="../shared/seed is absent (it sits beside the repository on CI)"
)


@pytest.fixture(scope="module")
def seed() -> Article:
    (item,) = list(read_paths([str(SEED)]))
    assert isinstance(item, Article), item
    return item


def test_metadata(seed: Article) -> None:
    assert seed.title == "Lukashenko Says Helped Russia Stop Concert Gunmen From Fleeing to Belarus"
    assert seed.published == date(2024, 3, 26)
    assert seed.url == (
        "https://www.themoscowtimes.com/2024/03/26/"
        "lukashenko-says-helped-russia-stop-concert-gunman-from-fleeing-to-belarus-a84636"
    )
    assert seed.outlet == "The Moscow Times"
    assert seed.outlets == ["The Moscow Times"]
    assert seed.source_path == str(SEED)


def test_text_is_title_then_clean_body(seed: Article) -> None:
    assert seed.title is not None
    assert seed.text.startswith(
        seed.title + "\n\n" + "Belarusian President Alexander Lukashenko said Tuesday"
    )
    for furniture in (
        "Related article",
        "president.gov.by",
        "Original url",
        "themoscowtimes.com",
        "](",
        "**",
    ):
        assert furniture not in seed.text
    assert "Alexander Lukashenko.\n" not in seed.text  # the caption line
    assert "March 26, 2024" not in seed.text
    # Brackets that are the writer's own (not link markup) stay.
    assert "close [the Russian-Belarusian border]?" in seed.text
    assert seed.text.endswith("committing the mass killing at Crocus City Hall.")
    assert "\n\n\n" not in seed.text


def test_gold_contents_are_substrings(seed: Article) -> None:
    """Every statement of the hand annotation must be findable in the cleaned text."""
    import json

    gold = json.loads((SEED.parent / "moscow-times-2024-03-26.gold.json").read_text(encoding="utf-8"))
    for statement in gold["statements"]:
        assert statement["content"] in seed.text, statement["content"]
