"""Statements in stories, claims and conflicts show a split quotation without its attribution."""

from __future__ import annotations

import json
from typing import Any

from whosaid.link.views import statement_dict


def _row(text: str, parts: list[list[int]] | None) -> dict[str, Any]:
    start = text.index("There")
    return {
        "id": "a:0", "article_id": "a", "idx": 0, "kind": "direct", "content": text[start:],
        "content_start": start, "content_end": len(text),
        "content_parts": json.dumps(parts) if parts is not None else None, "speaker": "Marta Kowalin",
        "speaker_text": "Kowalin", "cue": "said", "via": None, "said_on": None, "outlet": None,
        "published": None, "url": None, "title": None,
    }  # fmt: skip


def test_a_split_quotation_reads_without_the_attribution() -> None:
    text = 'Port blast. "There is no evidence of sabotage," Kowalin said. "We will find the cause."'
    first, second = text.index("There is"), text.index("We will")
    parts = [[first, text.index(",", first)], [second, text.index(".", second) + 1]]
    shown = statement_dict(_row(text, parts))
    assert shown["quotation"] == "There is no evidence of sabotage … We will find the cause."
    assert "Kowalin said" in shown["content"]  # the content span itself is unchanged


def test_one_piece_reads_as_its_content() -> None:
    text = 'Port blast. "There is no evidence of sabotage," Kowalin said.'
    shown = statement_dict(_row(text, None))
    assert shown["quotation"] == shown["content"]
