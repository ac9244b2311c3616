"""The extractor's speakers linked to the article's entity clusters, which make them canonical.

A speaker joins the cluster of a name inside its phrase, else the one the extractor resolved it to,
else the one organisation a short form fits; an unresolved pronoun names nobody, and any other
speaker starts a cluster of its own, named only when its phrase is a name ("CNN/ORC poll", not
"The Indiana governor"). ``resolve_article`` then writes a named cluster's canonical name into
``speaker``; an unnamed one leaves the extractor's form ("group" for "The group").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.model import EntityType, Span, Statement
from whosaid.resolve import org_clusters as orgs
from whosaid.resolve.names import clean_name, fold, given_names, person_name, pronouns, same_person_name
from whosaid.resolve.org_names import is_bare_head, org_head

if TYPE_CHECKING:
    from whosaid.resolve.clusters import ClusterBuilder

# A speaker phrase starting with one of these is a description ("A New York judge"), not a name.
NOT_NAME_STARTS = {"a", "an", "the", "this", "that", "these", "those", "some", "many", "several", "one"}


def link_speakers(builder: ClusterBuilder, statements: list[Statement]) -> dict[int, int]:
    """Link each statement's speaker to a cluster; returns statement position -> cluster."""
    links: dict[int, int] = {}
    # past the first line: a name the body writes in full (a headline's "Derelict Obama" is no name)
    body = builder.text[builder.text.find("\n") + 1 :] if "\n" in builder.text else ""
    for pos, statement in enumerate(statements):
        span = statement.speaker_span
        if span is None:
            continue
        text = span.of(builder.text)
        # a group is named by its own words: "Officials in neighbouring Kessria" are not Kessria
        group = statement.speaker_type == "GROUP"
        target = cluster_of_span(builder, span) if not group else None
        if target is not None and builder.clusters[target].type != "PERSON":
            target = person_by_surname(builder, text, target, span.start)
        if target is not None and _person_named_by_nationality(statement, builder.clusters[target].type):
            target = None  # "the Spaniard" is one Spaniard, not Spain's people
        if target is None and statement.speaker:
            target = cluster_of_name(builder, statement.speaker, person=not group)
            if target is not None:
                kind = "pronoun" if fold(text) in pronouns() else "description"
                reason = f"the extractor linked '{text}' to '{statement.speaker}'"
                builder.attach(target, span, kind, reason)
        if target is None and not group and (org := orgs.org_for_phrase(builder.clusters, text)) is not None:
            target = org[0]
            builder.attach(target, span, "description", org[1])
        if target is None and not group and _bare_noun(statement.speaker):
            # "A spokesman for the federation" (the extractor's "federation"), "It" (its "council"):
            # the bare noun the extractor found is the one organisation of the article with that
            # head ("Food and Drink Federation")
            org = orgs.org_for_phrase(builder.clusters, f"the {statement.speaker}")
            if org is not None:
                target = org[0]
                builder.attach(
                    target, span, "description", f"the extractor's '{statement.speaker}': {org[1]}"
                )
        if target is None and fold(text) in pronouns():
            continue  # an unresolved "he" or "who" names nobody
        if target is None:
            name = statement.speaker or clean_name(text)
            target = cluster_of_name(builder, name, person=not group) if name else None
            if target is not None and _person_named_by_nationality(statement, builder.clusters[target].type):
                target = None
            if target is None:
                target = _new_speaker_cluster(builder, statement, span, text)
            else:
                builder.attach(target, span, "description", f"same speaker as '{name}'")
        if statement.speaker_role:
            builder.clusters[target].add_role(statement.speaker_role)
        written = statement.speaker is not None and statement.speaker in body
        take_fuller_name(builder, target, statement.speaker, known_given=not written)
        take_fuller_org_name(builder, target, statement.speaker, text)
        links[pos] = target
    return links


def _bare_noun(speaker: str | None) -> bool:
    """Whether the extractor's speaker is a bare lower-case noun ("federation", "council")."""
    return speaker is not None and speaker.isalpha() and speaker.islower()


def _person_named_by_nationality(statement: Statement, cluster_type: str) -> bool:
    """A person the phrase names by a nationality ("the Spaniard"): the extractor's person, or no one,
    never the NORP cluster of the word."""
    return statement.speaker_type == "PERSON" and cluster_type == "NORP"


def _new_speaker_cluster(builder: ClusterBuilder, statement: Statement, span: Span, text: str) -> int:
    """A cluster for a speaker no cluster holds, named when the phrase is a name."""
    name = statement.speaker or clean_name(text)
    type_: EntityType = statement.speaker_type or ("GROUP" if text.endswith("s") else "OTHER")
    if _short_org_name(text):  # "the Karsvik hospital": a name, to meet it in other articles
        name, type_ = clean_name(text), "ORG"
    target = builder.new(type_)
    first = fold(name).split()[0] if fold(name) else ""
    # a bare "Hospital" (a headline's capital) is a description, not a name of its own
    is_name = name[:1].isupper() and first not in pronouns() | NOT_NAME_STARTS and not is_bare_head(name)
    # a description the extractor left unresolved ("The Indiana governor", "Vatican spokesman")
    # names nobody: its words are no name, whatever their capitals
    written_first = fold(text).split()[0] if fold(text) else ""
    unresolved = written_first in NOT_NAME_STARTS or statement.speaker_type == "PERSON"
    if statement.speaker is None and unresolved and not _short_org_name(text):
        is_name = False
    if is_name:
        builder.clusters[target].names.append(name)
    else:
        builder.clusters[target].label = statement.speaker or ""
    # the name is the extractor's ("CNN/ORC poll"), not the phrase ("a CNN/ORC poll")
    builder.attach(target, span, "name" if is_name else "description", "speaker", alias=False)
    return target


def _short_org_name(phrase: str) -> bool:
    """ "the Karsvik hospital": "the", capitalised words, an institution head noun."""
    words = phrase.split()
    return (
        len(words) >= 3
        and words[0].lower() == "the"
        and org_head(phrase) is not None
        and all(w[:1].isupper() for w in words[1:-1])
    )


def cluster_of_span(builder: ClusterBuilder, span: Span) -> int | None:
    """The cluster named by a speaker span: a mention inside it that reaches its last word
    ("Belarusian President Alexander Lukashenko"), not one that only modifies it ("Russian officials")."""
    text = span.of(builder.text)
    end = span.start + len(text.rstrip(" ,.;:'’s")) if text.rstrip().endswith(("'s", "’s")) else span.end
    end = span.start + len(span.of(builder.text)[: end - span.start].rstrip(" ,.;:"))
    for i, cluster in enumerate(builder.clusters):
        for s, _, _, _ in cluster.spans:
            # a mention that starts before the speaker must end with it ("Alexander Lukashenko"
            # for "Lukashenko"): one running on past it is a longer phrase the speaker is only
            # part of (a headline the model took for one organisation, "Blast as Opposition Cries")
            inside = span.start <= s.start < end and (s.end == end or _name_runs_on(builder.text, end, s.end))
            if inside or (s.start < span.start and s.end == end):
                return i
    return None


def _name_runs_on(text: str, end: int, name_end: int) -> bool:
    """A name that runs past a speaker phrase still names it when the rest is its "of" part or
    one more name word ("the Center" of "Center for Responsive Politics", "Raheem" of "Raheem
    Kassam"); a longer run is a headline the tagger took for a name ("Bernie Sanders Promises…")."""
    rest = text[end:name_end].split()
    return bool(rest) and (
        rest[0].lower() in {"of", "for", "on", "to"} or (len(rest) == 1 and rest[0].isalpha())
    )


def cluster_of_name(builder: ClusterBuilder, name: str, person: bool = True) -> int | None:
    """The cluster with this name, or (with ``person``) the person a name of the same person is."""
    for i, cluster in enumerate(builder.clusters):
        if any(fold(n) == fold(name) for n in cluster.names) or fold(cluster.canonical()) == fold(name):
            return i
    parts = person_name(name) if person else None
    for i, cluster in enumerate(builder.clusters):
        if cluster.type != "PERSON" or parts is None or parts.is_single:
            continue
        if any((p := person_name(n)) and same_person_name(parts, p) for n in cluster.names):
            return i
    return None


def take_fuller_name(
    builder: ClusterBuilder, index: int, speaker: str | None, known_given: bool = True
) -> None:
    """A person known here by surname alone ("Pataki") takes the full name the extractor read for
    the speaker ("George Pataki"), when the names agree: the fullest name the article uses. With
    ``known_given`` (a name the body does not write) only a given name on the list counts: a
    headline's "Derelict Obama" is no fuller name; "Mikel Arteta", written in the body, is."""
    cluster = builder.clusters[index]
    if speaker is None or cluster.type != "PERSON" or not cluster.names:
        return
    parts = person_name(speaker)
    if parts is None or not parts.given or (known_given and parts.given[0] not in given_names()):
        return
    known = [p for p in (person_name(n) for n in cluster.names) if p is not None]
    if known and all(not p.given and same_person_name(parts, p) for p in known):
        cluster.names.append(speaker)


def take_fuller_org_name(builder: ClusterBuilder, index: int, speaker: str | None, phrase: str) -> None:
    """An organisation known here by the tail of its name takes the whole name the speaker phrase
    writes, where the tagger split it in two ("The British Growers and" | "Livestock Union")."""
    cluster = builder.clusters[index]
    if speaker is None or cluster.type != "ORG" or fold(speaker) not in fold(phrase):
        return
    # Only across an "and": "China's coast guard" stays the coast guard, "Xinhua" stays Xinhua.
    if any(fold(speaker).endswith(" and " + fold(n)) for n in cluster.names):
        cluster.names.append(speaker)


def person_by_surname(builder: ClusterBuilder, text: str, fallback: int, at: int) -> int:
    """The person of the article whose surname a one-word speaker is, else ``fallback``: the small
    model tags many bare surnames as places ("Machado", "Kasich" GPE beside "John Kasich" PERSON),
    and a place does not speak in its own words. Of two bearers, the one a surname tagged as a person
    would be (``ClusterBuilder.principal``), as in the extractor."""
    if not clean_name(text).replace("’", "").replace("'", "").isalpha():
        return fallback  # "The U.N." is no surname, though "Kim Jong Un" ends in "Un"
    words = fold(clean_name(text)).split()
    if len(words) != 1:  # "Former Mexico leader Calderon": the one-word place it was found as
        words = fold(builder.clusters[fallback].canonical()).split()
    if len(words) != 1:
        return fallback
    found = {
        i
        for i, cluster in enumerate(builder.clusters)
        if cluster.type == "PERSON"
        for name in cluster.names
        if (parts := person_name(name)) is not None and parts.given and parts.surname == words[0]
    }
    return builder.principal(sorted(found), at)[0] if found else fallback
