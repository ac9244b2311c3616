"""The user's corrections to entity merging: a small TOML file of same-as and not-same-as pairs.

Format (``whosaid-overrides.toml`` in the working directory, or the file named by the environment
variable ``WHOSAID_OVERRIDES``)::

    # names that are one entity, even where the rules would keep them apart
    same_as = [["Hillary Rodham Clinton", "Hillary Clinton"], ["Donald Trump", "The Donald"]]
    # names that are never one entity, even where the rules would merge them
    not_same_as = [["Clinton", "Bill Clinton"]]

Names compare without case, accents or punctuation. The file is read at each resolution, so a
correction applies to every article ingested (or re-resolved) after it is written.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from whosaid.errors import WhosaidError
from whosaid.resolve.names import clean_name, fold

DEFAULT_FILE = "whosaid-overrides.toml"
ENV_VAR = "WHOSAID_OVERRIDES"


@dataclass(frozen=True, slots=True)
class Overrides:
    same: frozenset[frozenset[str]] = field(default_factory=frozenset)
    apart: frozenset[frozenset[str]] = field(default_factory=frozenset)
    source: str | None = None

    def kept_apart(self, a: str, b: str) -> bool:
        """Did the user say these two names are different entities?"""
        if not self.apart:  # the usual case: no file; folding names costs ~10 ms an article
            return False
        pair = frozenset({_key(a), _key(b)})
        return len(pair) == 2 and pair in self.apart

    def said_same(self, name: str, others: Iterable[str]) -> bool:
        """Did the user say ``name`` is one entity with any of ``others``?"""
        if not self.same:
            return False
        key = _key(name)
        return any(frozenset({key, _key(o)}) in self.same for o in others if _key(o) != key)

    def same_names(self, name: str) -> set[str]:
        """Every folded name the user declared the same as ``name``."""
        if not self.same:
            return set()
        key = _key(name)
        return {k for pair in self.same if key in pair for k in pair if k != key}


def _key(name: str) -> str:
    return fold(clean_name(name))


def _pairs(data: object, field_name: str, path: Path) -> frozenset[frozenset[str]]:
    if data is None:
        return frozenset()
    if not isinstance(data, list) or not all(isinstance(p, list) and len(p) >= 2 for p in data):
        raise WhosaidError(
            f"whosaid: {path}: '{field_name}' must be a list of name lists, "
            f'e.g. {field_name} = [["Hillary Rodham Clinton", "Hillary Clinton"]]. Fix the file and retry.'
        )
    out: set[frozenset[str]] = set()
    for group in data:
        keys = [_key(str(n)) for n in group]
        out |= {frozenset({a, b}) for a in keys for b in keys if a != b}
    return frozenset(out)


def load(path: str | Path | None = None) -> Overrides:
    """Read the overrides file; no file means no overrides."""
    chosen = Path(path) if path else Path(os.environ.get(ENV_VAR) or DEFAULT_FILE)
    if not chosen.is_file():
        if path or os.environ.get(ENV_VAR):
            raise WhosaidError(f"whosaid: overrides file {chosen} not found. Create it or unset {ENV_VAR}.")
        return Overrides()
    try:
        data = tomllib.loads(chosen.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise WhosaidError(
            f"whosaid: cannot read overrides file {chosen}: {exc}. Fix the file and retry."
        ) from exc
    return Overrides(
        same=_pairs(data.get("same_as"), "same_as", chosen),
        apart=_pairs(data.get("not_same_as"), "not_same_as", chosen),
        source=str(chosen),
    )
