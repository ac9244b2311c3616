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
