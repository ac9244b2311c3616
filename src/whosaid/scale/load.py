"""``whosaid load``: put the Spark job's Parquet tables into a store (DuckDB or PostgreSQL).

Each article is rebuilt into the ``ArticleAnalysis`` the local pipeline would have made and handed to
``Store.add``, which writes it in one transaction and does nothing when the article is already there.
So a load killed midway leaves only whole articles, and running it again adds exactly the missing
ones: nothing duplicated, nothing dropped. Articles go in input order (as ``whosaid ingest`` would
store them) and memory holds one window of articles at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from whosaid.errors import WhosaidError
from whosaid.model import ArticleAnalysis
from whosaid.scale.tables import PART_TABLES, PARTITION_COLUMN, Row, analysis_from_rows, iter_groups

if TYPE_CHECKING:
    from whosaid.store.base import Store


# Articles whose rows are read together; each window reads only the day partitions it needs.
WINDOW_ARTICLES = 2000


@dataclass(slots=True)
class LoadStats:
    articles_added: int = 0
    articles_present: int = 0
    statements_added: int = 0
    days: int = 0
    linked: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def articles_seen(self) -> int:
        return self.articles_added + self.articles_present


def _filesystem(output: str) -> tuple[Any, str]:
    """A pyarrow filesystem and root path for a local path or a URI (file://, s3://, gs://, hdfs://)."""
    import pyarrow.fs as pafs

    if "://" in output:
        try:
            fs, root = pafs.FileSystem.from_uri(output)
        except Exception as exc:
            raise WhosaidError(f"whosaid: cannot open {output}: {exc}. Give a local path or a URI.") from exc
        return fs, root.rstrip("/")
    return pafs.LocalFileSystem(), output.rstrip("/") or "/"


class TableSet:
    """The Parquet tables under one job output, read day by day."""

    def __init__(self, output: str) -> None:
        import pyarrow as pa
        import pyarrow.dataset as ds
        import pyarrow.fs as pafs

        self.output = output
        self._fs, root = _filesystem(output)
        partitioning = ds.partitioning(pa.schema([(PARTITION_COLUMN, pa.date32())]), flavor="hive")
        self._datasets: dict[str, Any] = {}
        for table in ("articles", *PART_TABLES):
            path = f"{root}/{table}"
            if self._fs.get_file_info(path).type != pafs.FileType.Directory:
                if table == "articles":
                    raise WhosaidError(
                        f"whosaid: {output} holds no 'articles' table. Give the OUTPUT of `whosaid spark`."
                    )
                continue  # a table with no rows at all may be absent
            self._datasets[table] = ds.dataset(
                path, format="parquet", partitioning=partitioning, filesystem=self._fs
            )

    def days(self) -> list[date | None]:
        """Publication days present, oldest first, undated articles last."""
        values = self._datasets["articles"].to_table(columns=[PARTITION_COLUMN]).column(0).unique()
        days: list[date | None] = [v for v in values.to_pylist() if v is not None]
        days.sort()
        if values.null_count:
            days.append(None)
        return days

    def rows(self, table: str, day: date | None) -> list[Row]:
        import pyarrow.dataset as ds

        dataset = self._datasets.get(table)
        if dataset is None:
            return []
        column = ds.field(PARTITION_COLUMN)
        where = column.is_null() if day is None else column == day
        rows: list[Row] = dataset.to_table(filter=where).to_pylist()
        return rows

    def order(self) -> list[tuple[int, str, date | None]]:
        """(input position, id, day) of every article, in input order: the order local ingest
        would store them in, which matters as entity ids go to whoever is seen first."""
        columns = ["seq", "id", PARTITION_COLUMN]
        table = self._datasets["articles"].to_table(columns=columns)
        keys = zip(*(table.column(c).to_pylist() for c in columns), strict=True)
        return sorted(((seq or 0, aid, day) for seq, aid, day in keys), key=lambda k: (k[0], k[1]))

    def _window_rows(self, table: str, ids: set[str], days: set[date | None]) -> list[Row]:
        import pyarrow.dataset as ds

        dataset = self._datasets.get(table)
        if dataset is None:
            return []
        column = ds.field(PARTITION_COLUMN)
        dated = [d for d in days if d is not None]
        on_days = column.isin(dated) if dated else None
        if None in days:
            on_days = column.is_null() if on_days is None else (on_days | column.is_null())
        key = ds.field("id" if table == "articles" else "article_id")
        rows: list[Row] = dataset.to_table(filter=on_days & key.isin(sorted(ids))).to_pylist()
        return rows

    def analyses(self, window: int = WINDOW_ARTICLES) -> Iterator[ArticleAnalysis]:
        """Every article rebuilt, in input order, reading ``window`` articles' rows at a time."""
        order = self.order()
        for start in range(0, len(order), window):
            keys = order[start : start + window]
            ids = {aid for _, aid, _ in keys}
            days = {day for _, _, day in keys}
            articles = {(r.get("seq") or 0, r["id"]): r for r in self._window_rows("articles", ids, days)}
            parts = {t: dict(iter_groups(self._window_rows(t, ids, days))) for t in PART_TABLES}
            for seq, aid, _ in keys:
                row = articles[(seq, aid)]
                yield analysis_from_rows(row, {t: parts[t].get(aid, []) for t in PART_TABLES})


def store_analysis(store: Store, analysis: ArticleAnalysis) -> bool:
    """Store one analysed article as ``whosaid ingest`` does: entity ids, then the article, in one
    transaction. False (and only its outlets recorded) when the article is already stored."""
    from whosaid.resolve import assign_entities

    article = analysis.article
    if store.has_article(article.id):
        for outlet in article.outlets or ([article.outlet] if article.outlet else []):
            if outlet:
                store.add_outlet(article.id, outlet, article.url)
        return False
    with store.transaction():
        assign_entities(store, analysis)
        return store.add(analysis)


def load(
    output: str,
    store: Store,
    progress: Callable[[LoadStats], None] | None = None,
    link: bool = True,
) -> LoadStats:
    """Add every article of a job output to ``store``; then link them into stories, as ingest does.

    Linking takes every stored article not yet in a story, so articles stored by a load that was
    killed before its linking step are linked by the next run.
    """
    tables = TableSet(output)
    stats = LoadStats()
    stats.days = len(tables.days())
    # The same text given twice is stored once, the second copy adding its outlet, as locally.
    for analysis in tables.analyses():
        if store_analysis(store, analysis):
            stats.articles_added += 1
            stats.statements_added += len(analysis.statements)
        else:
            stats.articles_present += 1
        if progress is not None:
            progress(stats)
    if link:
        from whosaid.link import link_pending

        try:
            stats.linked = link_pending(store).get("articles", 0)
        except Exception as exc:  # the articles are stored; linking can be re-run with `whosaid link`
            stats.failures.append(f"linking failed ({type(exc).__name__}: {exc})")
    return stats
