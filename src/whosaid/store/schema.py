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


# What turns a database of one version into the next, by the version it reaches. CREATE TABLE IF NOT
# EXISTS adds new tables by itself; a new column of an existing table needs its ALTER here. Each step is
# written so that running it twice does no harm (a crash between the ALTER and the version row).
UPGRADES: dict[int, tuple[str, ...]] = {
    2: ("ALTER TABLE statements ADD COLUMN IF NOT EXISTS content_parts TEXT",),
}


def upgrade_steps(found: int) -> list[str]:
    """The statements that bring a database at version ``found`` to SCHEMA_VERSION, in order."""
    return [
        sql for version in sorted(UPGRADES) if found < version <= SCHEMA_VERSION for sql in UPGRADES[version]
    ]
