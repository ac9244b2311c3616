"""A relation's evidence as JSON text, written directly: a large story writes tens of thousands of
relation rows per link group, and the generic encoder walked each evidence dict."""

from __future__ import annotations

import json
from typing import Any

# How ``json.dumps(..., ensure_ascii=False)`` writes a string (the C encoder where available).
_json_string = json.encoder.encode_basestring

_EVIDENCE_KEYS = ("reason", "a_text", "a_span", "b_text", "b_span")


def evidence_json(evidence: dict[str, Any]) -> str:
    """``json.dumps(evidence, ensure_ascii=False)``, the same string, written directly for the shape
    ``pairing._evidence`` makes (three texts and two spans of ints; 70k relations for 300 synthetic
    articles); any other shape goes through ``json.dumps``."""
    if tuple(evidence) != _EVIDENCE_KEYS:
        return json.dumps(evidence, ensure_ascii=False)
    reason, a_text, a_span, b_text, b_span = evidence.values()
    if not (type(a_span) is list and type(b_span) is list and len(a_span) == 2 and len(b_span) == 2):
        return json.dumps(evidence, ensure_ascii=False)
    (a0, a1), (b0, b1) = a_span, b_span
    if not (type(reason) is str and type(a_text) is str and type(b_text) is str):
        return json.dumps(evidence, ensure_ascii=False)
    if not (type(a0) is int and type(a1) is int and type(b0) is int and type(b1) is int):
        return json.dumps(evidence, ensure_ascii=False)
    return (
        f'{{"reason": {_json_string(reason)}, "a_text": {_json_string(a_text)}, "a_span": [{a0}, {a1}], '
        f'"b_text": {_json_string(b_text)}, "b_span": [{b0}, {b1}]}}'
    )
