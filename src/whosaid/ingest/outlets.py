"""Outlet names from web addresses, for readers whose input names no outlet."""

from __future__ import annotations

import re
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


# "Headline | Site", "Site - News": the last separator between spaced parts (as trafilatura splits).
TITLE_PARTS = re.compile(r"^(.+)\s+[|\u2013\u2014\u2022\u00b7\u00bb:-]\s+(.+)$")
_LETTERS = re.compile(r"[\W_]+")


def letters_key(name: str) -> str:
    """A name's letters and digits in lower case, to compare a site's name with its host
    ("The Guardian" ~ "theguardian")."""
    return _LETTERS.sub("", name.casefold())


def site_part(title: str | None, url: str | None) -> str | None:
    """The part of a "Site – Section" or "Section | Site" title that spells the URL's host name."""
    parts = TITLE_PARTS.match(title or "")
    host = host_of(url)
    if parts is None or host is None:
        return None
    label = letters_key(host.split(".")[0])
    for part in (parts[1].strip(), parts[2].strip()):
        if letters_key(part) == label:
            return part
    return None
