"""Finding stored entities by a name the user types ("Clinton", "hillary clinton", "Belta")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.resolve.names import clean_name, fold, person_name, same_person_name

if TYPE_CHECKING:
    from whosaid.store.base import Row, Store


def _ranked(store: Store, ids: set[str]) -> list[str]:
    """Ids ordered by how often the entity is mentioned, most first (then by id, for stable output)."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = store.query(
        "SELECT e.id AS id, count(m.entity_id) AS n FROM entities e "
        f"LEFT JOIN mentions m ON m.entity_id = e.id WHERE e.id IN ({marks}) GROUP BY e.id",
        sorted(ids),
    )
    return [r["id"] for r in sorted(rows, key=lambda r: (-int(r["n"] or 0), r["id"]))]


def entity_ids_for(store: Store, name: str) -> list[str]:
    """Ids of the entities a name can mean, most mentioned first.

    An exact alias wins ("Hillary Clinton" -> her entity only); otherwise a person name matches every
    stored person whose name agrees with it ("Clinton" -> both Clintons, the one named most first), or
    an id typed as such.
    """
    wanted = clean_name(name)
    if not wanted:
        return []
    key = wanted.lower()
    rows = store.query(
        "SELECT entity_id FROM entity_aliases WHERE lower(alias) = ? "
        "UNION SELECT id AS entity_id FROM entities WHERE lower(name) = ? OR id = ?",
        [key, key, wanted],
    )
    exact = {r["entity_id"] for r in rows}
    if exact:
        return _ranked(store, exact)
    parts = person_name(wanted)
    if parts is None:
        return []
    candidates: list[Row] = store.query(
        "SELECT a.entity_id AS entity_id, a.alias AS alias FROM entity_aliases a "
        "JOIN entities e ON e.id = a.entity_id "
        "WHERE e.type = 'PERSON' AND (lower(a.alias) = ? OR lower(a.alias) LIKE ? OR lower(a.alias) LIKE ?)",
        [parts.surname, f"% {parts.surname}", f"% {parts.surname} %"],
    )
    agreeing = {
        r["entity_id"]
        for r in candidates
        if ((p := person_name(r["alias"])) is not None and same_person_name(parts, p))
        or fold(r["alias"]) == fold(wanted)
    }
    return _ranked(store, agreeing)
