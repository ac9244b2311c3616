"""The cue lexicon (``cues.tsv``): which verbs, nouns and phrases introduce attributed content."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: dict[str, float] = field(default_factory=dict)  # lemma -> strength
    verb_kinds: dict[str, str] = field(default_factory=dict)  # lemma -> speech | belief | ...
    nouns: dict[str, float] = field(default_factory=dict)

    def verb_strength(self, lemma: str) -> float:
        return self.verbs.get(lemma.lower(), 0.0)

    def noun_strength(self, lemma: str) -> float:
        return self.nouns.get(lemma.lower(), 0.0)


def parse_lexicon(lines: list[str]) -> CueLexicon:
    verbs: dict[str, float] = {}
    kinds: dict[str, str] = {}
    nouns: dict[str, float] = {}
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        lemma, kind, strength = line.split("\t")
        if kind == "noun":
            nouns[lemma] = max(nouns.get(lemma, 0.0), float(strength))
        elif kind != "prep":
            if float(strength) >= verbs.get(lemma, 0.0):
                kinds[lemma] = kind
            verbs[lemma] = max(verbs.get(lemma, 0.0), float(strength))
    return CueLexicon(verbs, kinds, nouns)


@lru_cache(maxsize=1)
def load_lexicon() -> CueLexicon:
    text = resources.files("whosaid.extract").joinpath("cues.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text.splitlines())


def headline_verb(word: str, verbs: dict[str, float]) -> bool:
    """A capitalised present-tense statement verb as headlines write it ("Says", "Warns", "Denies")."""
    if not word[:1].isupper() or word.isupper():
        return False
    low = word.lower()
    if low == "said":
        return True
    if not low.endswith("s"):
        return False
    stems = (low[:-1], low[:-2], low[:-3] + "y" if low.endswith("ies") else "")
    return any(stem in verbs or stem in HEADLINE_VERBS for stem in stems if stem)


# Verbs headlines use for statements and stances that the cue lexicon does not list as speech.
HEADLINE_VERBS = {
    "endorse", "slam", "praise", "blast", "rip", "knock", "hit", "back", "vow", "pledge", "urge",
    "tweet", "target", "trash", "support", "attack", "defend", "mock", "dismiss", "reject", "accuse",
    "demand", "question", "threaten", "challenge", "blame", "swipe", "chide", "scold", "decry",
}  # fmt: skip
