"""The model's attribute ruler and rule lemmatizer, applied from token arrays: same output, less CPU.

spaCy's ``attribute_ruler`` runs its ~180 patterns through the Matcher for every token, and its
``lemmatizer`` visits every token in Python; on news text the two took about a quarter of the
pipeline's CPU (1.5 s and 1.1 s of 9.7 s on PolNeAR dev). Almost every pattern looks at one token
only (its tag, lower-cased form, dependency label, whether it is white space), and a rule lemma
depends only on (form, coarse tag, morphology): both are computed once per distinct key and
remembered. The few patterns that span two tokens still go through a Matcher of their own.

``TagRules`` refuses (``Unsupported``) a model whose patterns use anything else, and ``nlp.load``
then keeps spaCy's own components; ``tests/test_tag_rules.py`` checks that the annotations equal
spaCy's on real articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.vocab import Vocab

# Attributes the one-token patterns may test, in the order of the key computed for each token.
_KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# Attributes rules may set: POS and MORPH in bulk from arrays, the others (rare) token by token.
_BULK = (POS, MORPH)
# Entries each memo may hold before it starts again: a process that follows feeds for weeks meets ever
# new word forms. Forgetting costs only the time to work them out again, never a different answer.
MEMO_LIMIT = 400_000


class Unsupported(Exception):
    """The model's ruler uses a pattern or attribute this re-implementation does not handle."""


def _value_test(value: Any) -> Callable[[Any], bool]:
    """A predicate for one attribute of a token pattern, as the Matcher reads it."""
    if isinstance(value, dict):
        if set(value) == {"IN"}:
            allowed = set(value["IN"])
            return lambda v: v in allowed
        if set(value) == {"NOT_IN"}:
            banned = set(value["NOT_IN"])
            return lambda v: v not in banned
        if set(value) == {"REGEX"}:
            regex = re.compile(value["REGEX"])
            return lambda v: bool(regex.search(v))
        raise Unsupported(f"pattern operator {sorted(value)}")
    return lambda v: v == value


@dataclass(frozen=True, slots=True)
class _OneToken:
    rule: int
    tests: tuple[tuple[int, Callable[[Any], bool]], ...]  # (position in the key, predicate)

    def matches(self, key: tuple[str, str, str, bool]) -> bool:
        return all(test(key[at]) for at, test in self.tests)


class TagRules:
    """Annotates a Doc as ``attribute_ruler`` then ``lemmatizer`` would (``overwrite`` False)."""

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            raise Unsupported("the lemmatizer is not a rule lemmatizer that keeps existing lemmas")
        self.vocab: Vocab = ruler.vocab
        self.lemmatizer = lemmatizer
        self.rule_attrs: list[dict[int, int]] = [dict(a) for a in ruler.attrs]
        self.named_forms: set[str] = set()  # forms a LOWER test names (equal, IN, NOT_IN)
        self.form_regexes: list[re.Pattern[str]] = []
        self.by_tag: dict[str, list[_OneToken]] = {}  # rules that need one exact tag
        self.any_tag: list[_OneToken] = []  # rules that test the tag otherwise, or not at all
        self.spans = Matcher(self.vocab)  # the patterns of more than one token
        self.span_index: dict[int, int] = {}
        for rule, entry in enumerate(ruler.patterns):
            if set(self.rule_attrs[rule]) - {POS, MORPH, TAG, LEMMA, DEP}:
                raise Unsupported(f"attributes {entry['attrs']}")
            for pattern in entry["patterns"]:
                if len(pattern) == 1 and entry["index"] in (0, -1):
                    self._add_one_token(rule, pattern[0])
                else:
                    for token in pattern:
                        if set(token) - {"LOWER", "TAG", "DEP"}:
                            raise Unsupported(f"pattern keys {sorted(token)}")
                    self.spans.add(str(rule), [pattern])
                    self.span_index[rule] = entry["index"]
        self._merged: dict[tuple[str, str, str, bool], dict[int, int]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}
        # A word form matters to the rules only if some rule names it or a rule's regex tells it
        # apart: every other form stands for the first one seen with the same regex results, so
        # that a new word costs a set look-up and a few searches, not a pass over the rules.
        self._forms: dict[int, str] = {}  # lower-case form (hash) -> the form the rules see
        self._stand_ins: dict[tuple[bool, ...], str] = {}

    def _form_for_rules(self, lower: int) -> str:
        form = self._forms.get(lower)
        if form is None:
            form = self.vocab.strings[lower]
            if form not in self.named_forms:
                bits = tuple(bool(regex.search(form)) for regex in self.form_regexes)
                form = self._stand_ins.setdefault(bits, form)
            self._forms[lower] = form
        return form

    def _add_one_token(self, rule: int, token: dict[str, Any]) -> None:
        if set(token) - set(_KEY_ATTRS):
            raise Unsupported(f"pattern keys {sorted(token)}")
        lower = token.get("LOWER")
        if isinstance(lower, str):
            self.named_forms.add(lower)
        elif isinstance(lower, dict):
            self.named_forms.update(lower.get("IN", ()), lower.get("NOT_IN", ()))
            if "REGEX" in lower:
                self.form_regexes.append(re.compile(lower["REGEX"]))
        tests = tuple((_KEY_ATTRS.index(k), _value_test(v)) for k, v in token.items())
        entry = _OneToken(rule, tests)
        tag = token.get("TAG")
        if isinstance(tag, str):
            self.by_tag.setdefault(tag, []).append(entry)
        else:
            self.any_tag.append(entry)

    def _rules_for(self, key: tuple[str, str, str, bool]) -> list[int]:
        candidates = self.by_tag.get(key[0], []) + self.any_tag
        return sorted(entry.rule for entry in candidates if entry.matches(key))

    def _attrs_for(self, key: tuple[str, str, str, bool]) -> dict[int, int]:
        """What the one-token rules set on a token with this key, later rules overriding."""
        merged = self._merged.get(key)
        if merged is None:
            merged = {}
            for rule in self._rules_for(key):
                merged.update(self.rule_attrs[rule])
            self._merged[key] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if len(self._forms) > MEMO_LIMIT or len(self._lemmas) > MEMO_LIMIT:
            for memo in (self._forms, self._stand_ins, self._merged, self._lemmas):
                memo.clear()
        strings = self.vocab.strings
        columns = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        form = self._form_for_rules
        keys = [
            (strings[tag], form(lower), strings[dep] if dep else "", bool(space))
            for tag, lower, dep, space in columns.tolist()
        ]
        per_token: list[dict[int, int]] = [self._attrs_for(key) for key in keys]
        for rule_key, start, end in self.spans(doc, allow_missing=True):
            rule = int(strings[rule_key])
            at = (start if self.span_index[rule] >= 0 else end) + self.span_index[rule]
            per_token[at] = self._with_span_rule(keys[at], rule)
        self._apply(doc, per_token)
        self._lemmatize(doc)
        return doc

    def _with_span_rule(self, key: tuple[str, str, str, bool], span_rule: int) -> dict[int, int]:
        merged: dict[int, int] = {}
        for rule in sorted([*self._rules_for(key), span_rule]):
            merged.update(self.rule_attrs[rule])
        return merged

    def _apply(self, doc: Doc, per_token: Sequence[dict[int, int]]) -> None:
        bulk: Any = doc.to_array(list(_BULK))
        one_by_one: list[tuple[int, dict[int, int]]] = []
        for i, attrs in enumerate(per_token):
            if not attrs:
                continue
            for column, attr in enumerate(_BULK):
                if attr in attrs:
                    bulk[i, column] = attrs[attr]
            if len(attrs.keys() - set(_BULK)):
                one_by_one.append((i, attrs))
        doc.from_array(list(_BULK), bulk)
        for i, attrs in one_by_one:
            token = doc[i]
            if TAG in attrs:
                token.tag = attrs[TAG]
            if LEMMA in attrs:
                token.lemma = attrs[LEMMA]
            if DEP in attrs:
                token.dep = attrs[DEP]

    def _lemmatize(self, doc: Doc) -> None:
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas: Any = columns[:, 3].copy()
        cache = self._lemmas
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                found = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                cache[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)
