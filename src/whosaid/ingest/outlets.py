"""Outlet names from web addresses, for readers whose input names no outlet."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit


@lru_cache(maxsize=1)
def _known_outlets() -> dict[str, str]:
    table: dict[str, str] = {}
    text = resources.files(__package__).joinpath("outlets.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        host, _, name = line.partition("\t")
        table[host.strip().lower()] = name.strip()
    return table


def host_of(url: str | None) -> str | None:
    """The URL's host without ``www.``, or None for anything that is not an absolute web address."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def outlet_from_url(url: str | None) -> str | None:
    """``https://www.themoscowtimes.com/...`` -> ``The Moscow Times``; unknown hosts as themselves."""
    host = host_of(url)
    if host is None:
        return None
    known = _known_outlets()
    # Try the host, then its parents, so that "edition.cnn.com" finds "cnn.com".
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = known.get(".".join(parts[i:]))
        if name:
            return name
    return host
