"""Parquet files of articles (the columns of the JSON Lines reader), read batch by batch."""

from __future__ import annotations

from collections.abc import Iterator

from whosaid.ingest.jsonl import ALIASES, article_from_record
from whosaid.ingest.records import ReadFailure, Unreadable
from whosaid.model import Article

# Our columns and the other names the JSON Lines reader knows them by, in its order of preference.
_COLUMNS = ("id", *(name for names in ALIASES.values() for name in names))
_BATCH_ROWS = 1024


def read_parquet(path: str, *, max_bytes: int) -> Iterator[Article | ReadFailure]:
    """One Article per row with a ``text``; a bad row is a ReadFailure naming ``file#row``."""
    import pyarrow
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except (pyarrow.ArrowException, OSError) as exc:
        yield ReadFailure(path, f"not a Parquet file ({str(exc)[:120]})")
        return
    names = set(table.schema_arrow.names)
    text_columns = [c for c in ALIASES["text"] if c in names]
    if not text_columns:
        others = ", ".join(ALIASES["text"][1:])
        yield ReadFailure(path, f"the Parquet file has no 'text' column (nor {others})")
        return
    columns = [c for c in _COLUMNS if c in names]
    row = 0
    try:
        for batch in table.iter_batches(batch_size=_BATCH_ROWS, columns=columns):
            for record in batch.to_pylist():
                row += 1
                where = f"{path}#{row}"
                text = next((record[c] for c in text_columns if record.get(c) is not None), None)
                if isinstance(text, str) and len(text.encode("utf-8")) > max_bytes:
                    yield ReadFailure(
                        where, f"text is over the limit of {max_bytes:,} bytes; raise it with --max-bytes"
                    )
                    continue
                try:
                    yield article_from_record(record, source_path=where)
                except Unreadable as exc:
                    yield ReadFailure(where, str(exc))
    except (pyarrow.ArrowException, OSError) as exc:
        yield ReadFailure(f"{path}#{row + 1}", f"corrupt Parquet data ({str(exc)[:120]})")
