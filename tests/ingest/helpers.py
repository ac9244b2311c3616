"""Shared helpers for the ingest tests: article records as plain JSON-able dicts, and paths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whosaid.ingest import ReadFailure
from whosaid.model import Article

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def as_record(item: Article | ReadFailure, root: Path | None = None) -> dict[str, Any]:
    """A stable dict for golden files: paths relative to ``root`` so the files hold no machine paths."""

    def rel(value: str | None) -> str | None:
        if value is None or root is None:
            return value
        return value.replace(str(root) + "/", "")

    if isinstance(item, ReadFailure):
        return {"failure": rel(item.source), "reason": item.reason}
    return {
        "id": item.id,
        "title": item.title,
        "url": item.url,
        "outlet": item.outlet,
        "outlets": item.outlets,
        "published": item.published.isoformat() if item.published else None,
        "external_id": item.external_id,
        "source_path": rel(item.source_path),
        "text": item.text,
    }
