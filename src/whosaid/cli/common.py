"""What every family of commands shares: the --db option, opening the store, safe terminal text."""

from __future__ import annotations

import argparse
import os
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from whosaid.errors import WhosaidError

if TYPE_CHECKING:
    from whosaid.store.base import Store


def db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=None,
        help="DuckDB file or postgresql:// URL (default ./whosaid.duckdb, or $WHOSAID_DB)",
    )


def open_db(db: str | None, *, must_exist: bool = False) -> Store:
    """The store named by --db, $WHOSAID_DB or the default file.

    Commands that only read pass ``must_exist`` so that a mistyped path is an error that says what to
    do, not a new empty database.
    """
    from whosaid.store import DEFAULT_DB, is_postgres_url, open_store

    target = db or os.environ.get("WHOSAID_DB") or DEFAULT_DB
    if must_exist and not is_postgres_url(target) and not Path(target).exists():
        raise WhosaidError(
            f"whosaid: no database at {target}. Ingest articles first: whosaid ingest PATH... --db {target}"
        )
    return open_store(target)


def clean(text: object) -> str:
    """Text from articles is untrusted: no control or format characters reach the terminal."""
    value = "" if text is None else str(text)
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in value)
