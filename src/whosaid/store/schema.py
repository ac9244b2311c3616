"""The one schema file, its version number and its table names."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_VERSION_LINE = re.compile(r"^--\s*schema_version:\s*(\d+)\s*$", re.MULTILINE)
_TABLE = re.compile(r"CREATE TABLE IF NOT EXISTS\s+(\w+)", re.IGNORECASE)


@lru_cache(maxsize=1)
def schema_sql() -> str:
    return resources.files("whosaid.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _version() -> int:
    match = _VERSION_LINE.search(schema_sql())
    if not match:
        raise RuntimeError("store/schema.sql lacks its '-- schema_version: N' line")
    return int(match.group(1))


SCHEMA_VERSION = _version()


def schema_tables() -> list[str]:
    """Every table the schema creates, in file order."""
    return _TABLE.findall(schema_sql())
