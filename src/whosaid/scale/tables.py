"""The Parquet tables the Spark job writes and ``whosaid load`` reads: columns, and records <-> rows.

One article's ``ArticleAnalysis`` becomes one row of ``articles`` and rows of ``statements``,
``entities``, ``mentions``, ``dates`` and ``quantities``, each carrying ``article_id`` and the
article's ``published`` date (the partition column). ``pos`` keeps each list's order so that
``analysis_from_rows(rows_of(a)) == a`` exactly. This module needs neither Spark nor a store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from whosaid.model import (
    Article,
    ArticleAnalysis,
    DateMention,
    Entity,
    Mention,
    Quantity,
    Span,
)
from whosaid.store.rows import parts_json, statement_from_row

Row = dict[str, Any]

PARTITION_COLUMN = "published"

# Column name -> type, in a small vocabulary both Spark (job.py) and pyarrow (write_local) map.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "string"),
        ("external_id", "string"),
        ("url", "string"),
        ("outlet", "string"),
        ("title", "string"),
        ("text", "string"),
        ("source_path", "string"),
        ("fetched_at", "timestamp"),
        ("outlets", "array<string>"),
        # Position in the input (ordering only: not a stored column).
        ("seq", "long"),
        ("published", "date"),
    ],
    "statements": [
        ("article_id", "string"),
        ("idx", "int"),
        ("kind", "string"),
        ("content", "string"),
        ("content_start", "int"),
        ("content_end", "int"),
        ("cue", "string"),
        ("cue_start", "int"),
        ("cue_end", "int"),
        ("speaker_text", "string"),
        ("speaker_start", "int"),
        ("speaker_end", "int"),
        ("speaker", "string"),
        ("speaker_type", "string"),
        ("speaker_role", "string"),
        ("speaker_entity_id", "string"),
        ("via", "string"),
        ("said_on", "date"),
        ("said_on_is_fallback", "boolean"),
        ("nested_in", "int"),
        ("confidence", "double"),
        # JSON [[start, end], ...] as in the store's column (store/rows.py parts_json); null: one piece
        ("content_parts", "string"),
        ("published", "date"),
    ],
    "entities": [
        ("article_id", "string"),
        ("pos", "int"),
        ("id", "string"),
        ("name", "string"),
        ("type", "string"),
        ("aliases", "array<string>"),
        ("roles", "array<string>"),
        ("cluster", "int"),
        ("published", "date"),
    ],
    "mentions": [
        ("article_id", "string"),
        ("pos", "int"),
        ("start_offset", "int"),
        ("end_offset", "int"),
        ("text", "string"),
        ("cluster", "int"),
        ("kind", "string"),
        ("published", "date"),
    ],
    "dates": [
        ("article_id", "string"),
        ("pos", "int"),
        ("start_offset", "int"),
        ("end_offset", "int"),
        ("text", "string"),
        ("value", "date"),
        ("value_end", "date"),
        ("granularity", "string"),
        ("published", "date"),
    ],
    "quantities": [
        ("article_id", "string"),
        ("pos", "int"),
        ("start_offset", "int"),
        ("end_offset", "int"),
        ("text", "string"),
        ("value", "double"),
        ("unit", "string"),
        ("subject", "string"),
        ("qualifier", "string"),
        ("statement_idx", "int"),
        ("published", "date"),
    ],
}

# Tables holding the parts of an article, in the order they are rebuilt.
PART_TABLES = ("statements", "entities", "mentions", "dates", "quantities")
TABLES = ("articles", *PART_TABLES)


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(int(start), int(end))


def _bounds(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span.start, span.end)


def rows_of(analysis: ArticleAnalysis, seq: int | None = None) -> dict[str, list[Row]]:
    """Every table's rows for one analysed article (``seq``: its position in the input)."""
    a = analysis.article
    key = {"article_id": a.id, "published": a.published}
    out: dict[str, list[Row]] = {
        "articles": [
            {
                "id": a.id,
                "external_id": a.external_id,
                "url": a.url,
                "outlet": a.outlet,
                "title": a.title,
                "text": a.text,
                "source_path": a.source_path,
                "fetched_at": _naive_utc(a.fetched_at),
                "outlets": list(a.outlets),
                "seq": seq,
                "published": a.published,
            }
        ]
    }
    statements = []
    for s in analysis.statements:
        cue_start, cue_end = _bounds(s.cue_span)
        speaker_start, speaker_end = _bounds(s.speaker_span)
        statements.append(
            {
                **key,
                "idx": s.index,
                "kind": s.kind,
                "content": s.content,
                "content_start": s.content_span.start,
                "content_end": s.content_span.end,
                "cue": s.cue,
                "cue_start": cue_start,
                "cue_end": cue_end,
                "speaker_text": s.speaker_text,
                "speaker_start": speaker_start,
                "speaker_end": speaker_end,
                "speaker": s.speaker,
                "speaker_type": s.speaker_type,
                "speaker_role": s.speaker_role,
                "speaker_entity_id": s.speaker_entity_id,
                "via": s.via,
                "said_on": s.said_on,
                "said_on_is_fallback": s.said_on_is_fallback,
                "nested_in": s.nested_in,
                "confidence": float(s.confidence),
                "content_parts": parts_json(s.content_parts),
            }
        )
    out["statements"] = statements
    out["entities"] = [
        {
            **key,
            "pos": pos,
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "aliases": list(e.aliases),
            "roles": list(e.roles),
            "cluster": e.cluster,
        }
        for pos, e in enumerate(analysis.entities)
    ]
    out["mentions"] = [
        {
            **key,
            "pos": pos,
            "start_offset": m.span.start,
            "end_offset": m.span.end,
            "text": m.text,
            "cluster": m.cluster,
            "kind": m.kind,
        }
        for pos, m in enumerate(analysis.mentions)
    ]
    out["dates"] = [
        {
            **key,
            "pos": pos,
            "start_offset": d.span.start,
            "end_offset": d.span.end,
            "text": d.text,
            "value": d.value,
            "value_end": d.value_end,
            "granularity": d.granularity,
        }
        for pos, d in enumerate(analysis.dates)
    ]
    out["quantities"] = [
        {
            **key,
            "pos": pos,
            "start_offset": q.span.start,
            "end_offset": q.span.end,
            "text": q.text,
            "value": float(q.value),
            "unit": q.unit,
            "subject": q.subject,
            "qualifier": q.qualifier,
            "statement_idx": q.statement_index,
        }
        for pos, q in enumerate(analysis.quantities)
    ]
    return out


def _naive_utc(moment: datetime | None) -> datetime | None:
    # Parquet and Spark keep a time stamp without zone; the readers give UTC ones (WARC-Date).
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _aware_utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=UTC)


def _as_date(value: Any) -> date | None:
    # Partition values come back from some readers as strings or datetimes.
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def _by_pos(rows: Iterable[Row], field: str = "pos") -> list[Row]:
    # One row per position: an article given twice in the input was analysed twice, identically.
    unique = {int(r[field]): r for r in rows}
    return [unique[pos] for pos in sorted(unique)]


def analysis_from_rows(article_row: Row, parts: Mapping[str, Iterable[Row]]) -> ArticleAnalysis:
    """Rebuild the ``ArticleAnalysis`` that ``rows_of`` flattened (the inverse of ``rows_of``)."""
    r = article_row
    article = Article(
        id=r["id"],
        text=r["text"],
        title=r.get("title"),
        url=r.get("url"),
        outlet=r.get("outlet"),
        published=_as_date(r.get("published")),
        source_path=r.get("source_path"),
        external_id=r.get("external_id"),
        fetched_at=_aware_utc(r.get("fetched_at")),
        outlets=list(r.get("outlets") or []),
    )
    aid = article.id
    # The statements table has the store's columns, so the store's own reader rebuilds each record;
    # only the date may come back from Parquet as text or a timestamp.
    statements = [
        statement_from_row({**s, "article_id": aid, "said_on": _as_date(s.get("said_on"))})
        for s in _by_pos(parts.get("statements", ()), "idx")
    ]
    entities = [
        Entity(
            name=e["name"],
            type=e["type"],
            id=e.get("id") or "",
            aliases=list(e.get("aliases") or []),
            roles=list(e.get("roles") or []),
            cluster=e.get("cluster"),
            article_id=aid,
        )
        for e in _by_pos(parts.get("entities", ()))
    ]
    mentions = [
        Mention(
            article_id=aid,
            span=Span(int(m["start_offset"]), int(m["end_offset"])),
            text=m["text"],
            cluster=int(m["cluster"]),
            kind=m["kind"],
        )
        for m in _by_pos(parts.get("mentions", ()))
    ]
    dates = [
        DateMention(
            article_id=aid,
            span=Span(int(d["start_offset"]), int(d["end_offset"])),
            text=d["text"],
            value=_as_date(d["value"]) or date.min,
            value_end=_as_date(d["value_end"]) or date.min,
            granularity=d["granularity"],
        )
        for d in _by_pos(parts.get("dates", ()))
    ]
    quantities = [
        Quantity(
            article_id=aid,
            span=Span(int(q["start_offset"]), int(q["end_offset"])),
            text=q["text"],
            value=float(q["value"]),
            unit=q.get("unit"),
            subject=q.get("subject"),
            qualifier=q.get("qualifier"),
            statement_index=q.get("statement_idx"),
        )
        for q in _by_pos(parts.get("quantities", ()))
    ]
    return ArticleAnalysis(article, statements, entities, mentions, dates, quantities)


def _arrow_type(name: str) -> Any:
    import pyarrow as pa

    simple = {
        "string": pa.string(),
        "int": pa.int32(),
        "double": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us"),
        "long": pa.int64(),
        "array<string>": pa.list_(pa.string()),
    }
    return simple[name]


def arrow_schema(table: str) -> Any:
    import pyarrow as pa

    return pa.schema([(name, _arrow_type(kind)) for name, kind in COLUMNS[table]])


def write_local(analyses: Iterable[ArticleAnalysis], output: str | Path) -> dict[str, int]:
    """Write the same tables as the Spark job, without Spark (for tests, benchmarks, small runs).

    Holds all rows in memory: meant for thousands of articles, not millions.
    """
    import pyarrow as pa
    import pyarrow.dataset as ds

    rows: dict[str, list[Row]] = {t: [] for t in TABLES}
    for seq, analysis in enumerate(analyses):
        for table, table_rows in rows_of(analysis, seq).items():
            rows[table].extend(table_rows)
    partitioning = ds.partitioning(pa.schema([(PARTITION_COLUMN, pa.date32())]), flavor="hive")
    for table in TABLES:
        data = pa.Table.from_pylist(rows[table], schema=arrow_schema(table))
        ds.write_dataset(
            data,
            str(Path(output) / table),
            format="parquet",
            partitioning=partitioning,
            existing_data_behavior="overwrite_or_ignore",
        )
    return {t: len(r) for t, r in rows.items()}


def iter_groups(rows: Iterable[Row], key: str = "article_id") -> Iterator[tuple[str, list[Row]]]:
    """Group rows by article id (any order in, one group per id out)."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    yield from groups.items()
