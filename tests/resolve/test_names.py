"""Name rules: when two written names can be one person or one organisation."""

from __future__ import annotations

from whosaid.resolve.names import clean_name, person_name, same_org_name, same_person_name


def _same(a: str, b: str) -> bool:
    pa, pb = person_name(a), person_name(b)
    assert pa is not None and pb is not None
    return same_person_name(pa, pb)


def test_surname_and_full_name_agree() -> None:
    assert _same("Lukashenko", "Alexander Lukashenko")
    assert _same("President Alexander Lukashenko", "Alexander Lukashenko")
    assert _same("Donald J. Trump", "Donald Trump")
    assert _same("H. Clinton", "Hillary Clinton")
    assert _same("Aung San Suu Kyi", "Suu Kyi")
    assert _same("Holtz-Eakin", "Douglas Holtz-Eakin")


def test_different_given_names_or_suffixes_keep_people_apart() -> None:
    assert not _same("Bill Clinton", "Hillary Clinton")
    assert not _same("Donald Trump Jr.", "Donald Trump")
    assert not _same("Jeb Bush", "Laura Bush")


def test_clean_name_drops_articles_and_possessives() -> None:
    assert clean_name("the Kremlin's") == "Kremlin"
    assert clean_name("Putin’s") == "Putin"
    assert clean_name("U.S.") == "U.S."


def test_organisations_by_name_or_acronym() -> None:
    assert same_org_name("FBI", "Federal Bureau of Investigation")
    assert same_org_name("the Kremlin", "Kremlin")
    assert not same_org_name("Belta", "TASS")
