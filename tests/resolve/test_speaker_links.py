"""Speakers found in a place's cluster: which person of the article a one-word surname is."""

from __future__ import annotations

from whosaid.model import EntityType, Span
from whosaid.resolve.clusters import ClusterBuilder
from whosaid.resolve.overrides import Overrides
from whosaid.resolve.speaker_links import person_by_surname

# "Kasich" tagged as a place, as the small model often does; two people bear the surname
TEXT = "Ana Kasich spoke first. Later John Kasich and John Kasich's aide arrived. Kasich said no."


def _builder() -> tuple[ClusterBuilder, int, int, int]:
    builder = ClusterBuilder(TEXT, Overrides())
    clusters: dict[str, int] = {}
    kinds: list[tuple[str, EntityType]] = [
        ("John Kasich", "PERSON"),
        ("Ana Kasich", "PERSON"),
        ("Kasich", "GPE"),
    ]
    for name, type_ in kinds:
        clusters[name] = builder.new(type_)  # John's cluster first: the order of clusters decides nothing
    for start in (i for i in range(len(TEXT)) if TEXT.startswith("John Kasich", i)):
        builder.attach(clusters["John Kasich"], Span(start, start + len("John Kasich")), "name", "test")
    builder.attach(clusters["Ana Kasich"], Span(0, len("Ana Kasich")), "name", "test")
    place = TEXT.rindex("Kasich")
    builder.attach(clusters["Kasich"], Span(place, place + len("Kasich")), "name", "test")
    return builder, clusters["Ana Kasich"], clusters["John Kasich"], clusters["Kasich"]


def test_a_surname_in_a_place_cluster_is_the_bearer_introduced_first() -> None:
    builder, ana, john, place = _builder()
    assert builder.introduced(ana) < builder.introduced(john)
    assert person_by_surname(builder, "Kasich", place, len(TEXT) - 15) == ana  # not John, though named twice


def test_a_phrase_that_is_no_surname_keeps_its_place() -> None:
    builder, _, _, place = _builder()
    assert person_by_surname(builder, "The U.N.", place, 0) == place
    assert person_by_surname(builder, "Lund", place, 0) == place


def test_both_stages_look_back_as_far_for_a_surnames_bearer() -> None:
    from whosaid.extract import speakers
    from whosaid.resolve import clusters

    # were they to differ, `extract` and `eval` would name another Johnson than the entity clusters
    assert clusters.RECENT_NAME_CHARS == speakers.RECENT_NAME_CHARS > 0


def test_a_bearer_named_long_before_gives_way_to_the_one_named_just_before() -> None:
    from whosaid.resolve.clusters import RECENT_NAME_CHARS

    builder, ana, john, _ = _builder()
    far = TEXT.rindex("John Kasich") + RECENT_NAME_CHARS - 5  # in reach of John's last mention only
    assert builder.principal([ana, john], far) == (john, 1)
    assert builder.principal([ana, john], len(TEXT)) == (ana, 2)
