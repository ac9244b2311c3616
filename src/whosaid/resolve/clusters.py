"""In-article entity clusters: NER names, titles, appositions, descriptions and the extractor's speakers.

Names are merged when one can denote the other (a surname with the full name, an acronym with the
organisation). A surname alone that two people of the article bear goes where a reader would put it:
to the one of the gender an honorific before it says ("Mrs. Clinton"), else to the one introduced
first, the article's principal subject; newsrooms keep writing the other with the given name ("Bill
Clinton"), so how often each is named in full says little. Only bearers named in the last paragraphs
count when one is (a roundup's later item is about the Johnson it just introduced). Every mention
keeps the reason it joined its cluster so that merges can be explained.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whosaid.extract.speaker_names import bare_role
from whosaid.extract.speakers import RECENT_NAME_CHARS  # the extractor's reach: both stages agree
from whosaid.model import Entity, EntityType, Mention, Span, Statement
from whosaid.resolve import mentions as found
from whosaid.resolve import org_clusters as orgs
from whosaid.resolve.names import (
    PersonName,
    clean_name,
    fold,
    given_name_gender,
    honorific_gender,
    nationalities,
    person_name,
    same_org_name,
    same_person_name,
    titles,
    without_epithets,
)
from whosaid.resolve.org_names import is_bare_head
from whosaid.resolve.overrides import Overrides
from whosaid.resolve.speaker_links import link_speakers

if TYPE_CHECKING:
    from spacy.tokens import Doc

MentionKind = str  # "name" | "pronoun" | "description"


@dataclass(slots=True)
class Cluster:
    type: EntityType
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    spans: list[tuple[Span, str, MentionKind, str]] = field(default_factory=list)  # span, text, kind, reason
    last_token: int = -1
    tokens: list[int] = field(default_factory=list)  # first token of each mention, where known
    # what the extractor calls an unnamed speaker ("group" for "The group"): its name in statements
    label: str = ""

    def last_before(self, token: int) -> int:
        return max((t for t in self.tokens if t < token), default=-1)

    def add_role(self, role: str) -> None:
        role = bare_role(role) or ""  # as the extractor writes roles: no article, no lone "Mrs."
        if role and fold(role) not in {fold(r) for r in self.roles} | {fold(n) for n in self.names}:
            self.roles.append(role)

    def nationalities(self) -> set[str]:
        out: set[str] = set()
        for role in self.roles:
            out |= nationalities(role)
        return out

    def canonical(self) -> str:
        if not self.names:
            return self.label or (self.spans[0][1] if self.spans else "")
        if self.type == "PERSON":
            # the fullest name the article uses, without titles or epithets run into it ("Joseph R.
            # Biden Jr." over "Joe Biden"; "Alicia Machado" from "Miss Universe Alicia Machado");
            # of two as full, the one written most often
            known = frozenset(fold(n) for n in self.names)
            bare = {name: _bare_person_name(name, known) for name in self.names}
            counts = Counter(
                fold(_bare_person_name(clean_name(text) or text, known))
                for _, text, kind, _ in self.spans
                if kind == "name"
            )

            def rank(name: str) -> tuple[bool, int, int, int]:
                parts = person_name(bare[name])
                given = bool(parts and parts.given)
                return (given, len(bare[name].split()), counts[fold(bare[name])], -self.names.index(name))

            return bare[max(self.names, key=rank)]
        best = max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))
        # a person the tagger called an organisation keeps no title ("Spokeswoman Haley Morris")
        return _without_titles(best) if without_epithets(best) != best else best


# Party names as roles write them: "GOP nominee" and "Republican nominee" say the same.
_PARTY_WORDS = {"gop": "republican", "democrat": "democratic", "dem": "democratic"}


def _proper_words(role: str) -> set[str]:
    """Folded capitalised words of a description ("GOP presidential candidate" -> {republican})."""
    words = {fold(w) for w in role.split() if w[:1].isupper()}
    return {_PARTY_WORDS.get(w, w) for w in words if w}


def _role_words(roles: list[str]) -> set[str]:
    words = {w for role in roles for w in fold(role).split()}
    return words | {_PARTY_WORDS[w] for w in words if w in _PARTY_WORDS}


def _bare_person_name(name: str, known: frozenset[str]) -> str:
    return _without_titles(without_epithets(name, known))


def _without_titles(name: str) -> str:
    """ "Officer Betty Shelby" -> "Betty Shelby": a title is a role, not part of the canonical name."""
    words = name.split()
    while len(words) > 2 and (words[0].lower() in titles() or words[0].lower().rstrip(".") in titles()):
        words = words[1:]
    return " ".join(words)


class ClusterBuilder:
    def __init__(self, text: str, overrides: Overrides) -> None:
        self.text = text
        self.overrides = overrides
        self.clusters: list[Cluster] = []
        self.used: list[Span] = []

    # --- bookkeeping -------------------------------------------------------------------------------
    def _free(self, span: Span) -> bool:
        """A new mention may nest in or around another ("the Russian leader" around "Russian") but
        may not repeat or cross one."""

        # Called for every candidate mention against every mention taken (~350k tests in 84 PolNeAR
        # articles): plain comparisons in one loop, the rare overlap tested for nesting only then.
        start, end = span.start, span.end
        for s in self.used:
            if s.start < end and start < s.end:
                if not ((s.start <= start and end <= s.end) or (start <= s.start and s.end <= end)):
                    return False
                if s.start == start and s.end == end:
                    return False
            elif s.start == start and s.end == end:  # the same empty span
                return False
        return True

    def attach(
        self, index: int, span: Span, kind: MentionKind, reason: str, token: int = -1, alias: bool = True
    ) -> bool:
        if not self._free(span):
            return False
        cluster = self.clusters[index]
        text = span.of(self.text)
        cluster.spans.append((span, text, kind, reason))
        self.used.append(span)
        cluster.last_token = max(cluster.last_token, token)
        if token >= 0:
            cluster.tokens.append(token)
        name = clean_name(text) or text
        if alias and kind == "name" and fold(name) not in {fold(n) for n in cluster.names}:
            cluster.names.append(name)
        return True

    def new(self, type_: EntityType) -> int:
        self.clusters.append(Cluster(type_))
        return len(self.clusters) - 1

    # --- names -------------------------------------------------------------------------------------
    def _person_target(
        self, name: PersonName, text: str, at: int, gender: str | None = None
    ) -> tuple[int | None, str]:
        matches: list[int] = []
        by_given: list[int] = []  # "Hillary" for "Hillary Clinton": only when no surname fits
        by_inner: list[int] = []  # "Lula" for "Luiz Inacio Lula da Silva": when nothing else does
        for i, cluster in enumerate(self.clusters):
            if cluster.type != "PERSON":
                continue
            for other in cluster.names:
                parts = person_name(other)
                if parts is None or self.overrides.kept_apart(text, other):
                    continue
                if same_person_name(name, parts):
                    matches.append(i)
                    break
                if name.is_single and parts.given and parts.given[0] == name.surname and i not in by_given:
                    by_given.append(i)
                if name.is_single and name.surname in parts.given[1:] and i not in by_inner:
                    by_inner.append(i)
        matches = matches or by_given or (by_inner if len(by_inner) == 1 else [])
        shared = len(matches)
        if gender is not None and name.is_single:  # "Mrs. Clinton" is not Bill, "Mr. Obama" not Michelle
            # a bearer known to be of that gender before one whose given name says nothing
            said = [i for i in matches if self._gender(i) == gender]
            matches = said or [i for i in matches if self._gender(i) is None]
        for i, cluster in enumerate(self.clusters):
            if (
                cluster.type == "PERSON"
                and i not in matches
                and self.overrides.said_same(text, cluster.names)
            ):
                return i, f"same-as override with '{cluster.canonical()}'"
        if not matches:
            return None, ""
        recent = 0  # how many bearers of a bare surname were named in the paragraphs before
        if name.is_single:
            best, recent = self.principal(matches, at)
        else:
            best = max(matches, key=lambda i: (len(self.clusters[i].spans), self.clusters[i].last_token))
        full = self.clusters[best].canonical()
        if fold(full) == fold(text):
            return best, "same name"
        if name.is_single and len(matches) > 1:
            how = "introduced first" if recent != 1 else "the only one named in the paragraphs before"
            return best, f"'{text}' shared by {len(matches)} people; given to '{full}', {how}"
        if name.is_single and shared > 1:
            return best, f"'{text}' shared by {shared} people; given to '{full}' by the honorific's gender"
        if name.is_single:
            return best, f"name part of '{full}'"
        return best, f"same given name and surname as '{full}'"

    def _honorific(self, span: Span) -> str | None:
        """The gender an honorific right before a name says ("Mrs. Clinton": f)."""
        before = self.text[max(0, span.start - 6) : span.start].split()
        return honorific_gender(before[-1]) if before else None

    def principal(self, matches: list[int], at: int) -> tuple[int, int]:
        """Of person clusters that bear a bare surname written at ``at``, the one it names, and how
        many were named in the paragraphs before: among those, else among all, the one introduced
        first (the extractor's ``ArticlePeople._principal``)."""
        since = at - RECENT_NAME_CHARS
        recent = [
            i
            for i in matches
            if any(kind == "name" and since <= s.start < at for s, _, kind, _ in self.clusters[i].spans)
        ]
        return min(recent or matches, key=self.introduced), len(recent)

    def introduced(self, index: int) -> int:
        """Where the article first names a person in full (with a given name): a bare surname or an
        honorific form before that ("Clinton" in a headline) does not introduce anyone."""
        spans = self.clusters[index].spans
        full = [
            span.start
            for span, text, kind, _ in spans
            if kind == "name" and (parts := person_name(text)) is not None and parts.given
        ]
        return min(full or [span.start for span, *_ in spans] or [len(self.text)])

    def _gender(self, index: int) -> str | None:
        """The gender of a person cluster's given names, when the given-name list knows one."""
        for name in self.clusters[index].names:
            parts = person_name(name)
            if parts and parts.given and (found := given_name_gender(parts.given[0])):
                return found
        return None

    def _other_target(self, mention: found.NameMention) -> tuple[int | None, str]:
        for i, cluster in enumerate(self.clusters):
            if cluster.type != mention.type:
                continue
            for other in cluster.names:
                if self.overrides.kept_apart(mention.text, other):
                    continue
                if same_org_name(mention.text, other):
                    same = fold(other) == fold(mention.text)
                    return i, "same name" if same else f"acronym of '{other}'"
            if self.overrides.said_same(mention.text, cluster.names):
                return i, f"same-as override with '{cluster.canonical()}'"
        return None, ""

    def add_names(self, mentions: list[found.NameMention]) -> dict[int, int]:
        """Cluster the names, fuller person names first; returns name-mention index -> cluster."""
        where: dict[int, int] = {}

        def fullness(i: int) -> tuple[int, int]:
            parts = person_name(mentions[i].text) if mentions[i].type == "PERSON" else None
            return (-(len(parts.given) if parts else 0), mentions[i].span.start)

        for i in sorted(range(len(mentions)), key=fullness):
            mention = mentions[i]
            if mention.type == "PERSON":
                parts = person_name(mention.text)
                if parts is None:
                    continue
                target, reason = self._person_target(
                    parts, mention.text, mention.span.start, self._honorific(mention.span)
                )
            else:
                target, reason = self._other_target(mention)
            if target is None:
                target, reason = self.new(mention.type), "first mention"
            if self.attach(target, mention.span, "name", reason, mention.token_start):
                where[i] = target
        return where

    def merge_short_org_names(self, where: dict[int, int]) -> dict[int, int]:
        """Join organisation clusters named by a short form ("Hospital", "Central Hospital") to the one
        organisation of the article named in full; returns ``where`` with the moved clusters."""
        moved: dict[int, int] = {}
        for index in orgs.short_name_order(self.clusters):
            found_target = orgs.short_name_target(self.clusters, index)
            if found_target is not None:
                moved[index] = found_target[0]
                self._merge(index, *found_target)
        return {mention: moved.get(cluster, cluster) for mention, cluster in where.items()}

    def _merge(self, source: int, target: int, why: str) -> None:
        """Move every mention of ``source`` to ``target``. Its short names stay out of the target's
        aliases: "Hospital" or "Central Hospital" alone must not match other articles' hospitals."""
        src, dst = self.clusters[source], self.clusters[target]
        for span, text, kind, _ in src.spans:
            dst.spans.append((span, text, "description" if is_bare_head(text) else kind, why))
        for role in src.roles:
            dst.add_role(role)
        dst.tokens.extend(src.tokens)
        dst.last_token = max(dst.last_token, src.last_token)
        src.spans, src.names, src.roles, src.tokens = [], [], [], []

    # --- roles and descriptions --------------------------------------------------------------------
    def add_descriptions(self, doc: Doc, mentions: list[found.NameMention], where: dict[int, int]) -> None:
        taken = {t for m in mentions for t in range(m.token_start, m.token_end)}
        for i, target in where.items():
            mention = mentions[i]
            if self.clusters[target].type not in {"PERSON", "ORG", "FAC"}:
                continue
            descriptions = (
                found.premodifier(doc, mention, taken),
                found.apposition(doc, mention),
                found.preceding_apposition(doc, mention),
            )
            for desc in descriptions:
                if desc is None:
                    continue
                self.clusters[target].add_role(desc.role)
                if desc.span is not None:
                    reason = f"{desc.how} of '{mention.text}'"
                    self.attach(target, desc.span, "description", reason, mention.token_start)
        for desc, token in found.definite_descriptions(doc, taken):
            self._link_description(desc, token, doc)
        for span, token in found.org_descriptions(doc, taken):
            org = orgs.org_for_phrase(self.clusters, span.of(self.text))
            if org is not None:
                self.attach(org[0], span, "description", org[1], token)

    def _link_description(self, desc: found.Description, token: int, doc: Doc) -> None:
        """Give "the Russian leader" to the latest person it fits: same role word scores, a different
        nationality rules out; without either clue it stays unlinked."""
        sentence_start = doc[token].sent.start
        scored: list[tuple[int, int, int]] = []
        nationality_ruled_out = False
        head = fold(desc.role).split()[-1] if desc.role else ""
        required = _proper_words(desc.role) - desc.nationalities - {head}
        for i, cluster in enumerate(self.clusters):
            before = cluster.last_before(token)
            if cluster.type != "PERSON" or before < 0:
                continue
            if not required <= _role_words(cluster.roles):
                continue  # "the GOP presidential candidate" is not one introduced as a Democrat
            known = cluster.nationalities()
            if desc.nationalities and known and not desc.nationalities & known:
                nationality_ruled_out = True
                continue
            score = sum(1 for r in cluster.roles if fold(r).split()[-1:] == [head])
            score += 1 if desc.nationalities and desc.nationalities & known else 0
            if before >= sentence_start - 60:  # named within the last few sentences
                scored.append((score, before, i))
        if not scored or desc.span is None:
            return
        score, _, best = max(scored)
        if score <= 0 and not (nationality_ruled_out and desc.nationalities):
            return
        why = "role word matches" if score > 0 else "the only recent person of a fitting nationality"
        if self.attach(best, desc.span, "description", f"description: {why}", token):
            self.clusters[best].add_role(desc.role)

    # --- output ------------------------------------------------------------------------------------
    def records(self, article_id: str) -> tuple[list[Entity], list[Mention]]:
        entities: list[Entity] = []
        mentions: list[Mention] = []
        for index, cluster in enumerate(self.clusters):
            if not cluster.spans:
                continue
            entities.append(
                Entity(
                    name=cluster.canonical(),
                    type=cluster.type,
                    aliases=list(cluster.names),
                    roles=list(cluster.roles),
                    cluster=index,
                    article_id=article_id,
                )
            )
            for span, text, kind, reason in sorted(cluster.spans, key=lambda s: s[0].start):
                mentions.append(Mention(article_id, span, text, index, kind, reason=reason))  # type: ignore[arg-type]
        return entities, mentions


def build(
    doc: Doc, text: str, article_id: str, statements: list[Statement], overrides: Overrides
) -> tuple[list[Entity], list[Mention], dict[int, int]]:
    """Clusters of the article, their mentions, and statement position -> cluster index."""
    builder = ClusterBuilder(text, overrides)
    names = found.name_mentions(doc)
    where = builder.merge_short_org_names(builder.add_names(names))
    builder.add_descriptions(doc, names, where)
    links = link_speakers(builder, statements)
    entities, mentions = builder.records(article_id)
    return entities, mentions, links
