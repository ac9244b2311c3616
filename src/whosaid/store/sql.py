"""What both SQL backends share: schema set-up, the one-transaction ``add``, reads and counts.

A backend supplies a connection per thread (``_connect``) and runs one statement (``_run``); the rest
lives here so DuckDB and PostgreSQL store exactly the same rows. Connections are per thread because the
HTTP server reads from a thread pool and neither driver lets two threads share a transaction.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from whosaid.errors import WhosaidError
from whosaid.model import Article, ArticleAnalysis
from whosaid.store.base import Row
from whosaid.store.rows import (
    ARTICLE_COLUMNS,
    TABLE_COLUMNS,
    RowValues,
    alias_word_rows,
    analysis_rows,
    article_row,
    check_analysis,
    unique,
)
from whosaid.store.schema import SCHEMA_VERSION, schema_sql, schema_tables, upgrade_steps

# Tables whose rows may already exist when a new article is added, with their key length.
SHARED_TABLE_KEYS = {"entities": 1, "entity_aliases": 2, "entity_roles": 2}

# Parameters per multi-row INSERT: well under PostgreSQL's 65,535 and fast in DuckDB.
MAX_PARAMS_PER_INSERT = 4000

# Entities whose mention counts the single writer keeps in memory (counting is linear in mentions).
MENTION_COUNTS_KEPT = 200_000
# Statements that may change mention counts behind the cache's back: it is dropped when one runs.
_CHANGES_MENTIONS = re.compile(
    r"^\s*(?:UPDATE|DELETE|INSERT|DROP|ALTER|TRUNCATE)\b.*\bmentions\b", re.I | re.S
)


class SqlStore:
    url: str

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._connections: list[Any] = []
        self._lock = threading.Lock()
        self._closed = False
        self._mention_counts: OrderedDict[str, int] = OrderedDict()  # committed counts

    # --- backend hooks -----------------------------------------------------------------------------
    def _connect(self) -> Any:
        raise NotImplementedError

    def _run(self, conn: Any, sql: str, params: Sequence[Any]) -> list[Row]:
        raise NotImplementedError

    def _close_connection(self, conn: Any) -> None:
        conn.close()

    # --- connections and transactions -------------------------------------------------------------
    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                raise WhosaidError(f"whosaid: the store {self.url} is closed; open it again.")
            conn = self._connect()
            self._local.conn = conn
            self._local.depth = 0
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Commit everything inside together, or nothing; nested use joins the outer transaction."""
        conn = self._conn()
        if self._local.depth:
            self._local.depth += 1
            try:
                yield
            finally:
                self._local.depth -= 1
            return
        self._run(conn, "BEGIN TRANSACTION", ())
        self._local.depth = 1
        self._local.counted = Counter()  # mentions per entity added in this transaction
        try:
            yield
        except BaseException:
            self._local.depth = 0
            self._local.counted = Counter()
            self._run(conn, "ROLLBACK", ())
            raise
        self._local.depth = 0
        self._run(conn, "COMMIT", ())
        for entity_id, n in self._local.counted.items():
            if entity_id in self._mention_counts:
                self._mention_counts[entity_id] += n
        self._local.counted = Counter()

    @contextmanager
    def bulk_writing(self) -> Iterator[None]:
        """Nothing to set for this engine (DuckDB has: one thread, fewer checkpoints)."""
        yield

    def insert_ignoring(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bool:
        """No faster way than the caller's portable ``INSERT ... ON CONFLICT DO NOTHING`` (DuckDB has one)."""
        return False

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self._run(self._conn(), sql, params)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        if self._mention_counts and _CHANGES_MENTIONS.match(sql):
            self._mention_counts.clear()
        self._run(self._conn(), sql, params)

    # Kept in memory only where this process is the one writer (DuckDB); PostgreSQL counts each time.
    cache_mention_counts = False

    def mention_counts(self, entity_ids: Sequence[str]) -> dict[str, int]:
        """Stored mentions of each entity, those of the open transaction included."""
        counted: Counter[str] = getattr(self._local, "counted", None) or Counter()
        wanted = sorted(set(entity_ids))
        known = self._mention_counts if self.cache_mention_counts else {}
        missing = [i for i in wanted if i not in known]
        found: dict[str, int] = {}
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT entity_id, count(*) AS n FROM mentions WHERE entity_id IN ({marks}) "
            sql += "GROUP BY entity_id"
            found.update((r["entity_id"], int(r["n"])) for r in self.query(sql, chunk))
        if not self.cache_mention_counts:
            return {i: found.get(i, 0) for i in wanted}
        for entity_id in missing:  # the cache holds committed counts: take this transaction's out
            self._mention_counts[entity_id] = found.get(entity_id, 0) - counted[entity_id]
        for entity_id in wanted:
            self._mention_counts.move_to_end(entity_id)
        while len(self._mention_counts) > MENTION_COUNTS_KEPT:
            self._mention_counts.popitem(last=False)
        return {i: self._mention_counts[i] + counted[i] for i in wanted}

    def close(self) -> None:
        self._closed = True
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in reversed(connections):  # DuckDB: cursors before the connection that made them
            self._close_connection(conn)
        self._local = threading.local()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema -------------------------------------------------------------------------------------
    def _tables(self) -> set[str]:
        # current_schema(): PostgreSQL's information_schema lists every schema the user can see.
        rows = self.query(
            "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {r["t"] for r in rows}

    def _init_schema(self) -> None:
        """Create missing tables; refuse a database written by a newer whosaid."""
        tables = self._tables()
        if "schema_info" in tables:
            rows = self.query("SELECT max(version) AS v FROM schema_info")
            found = rows[0]["v"]
            if found is not None and found > SCHEMA_VERSION:
                raise WhosaidError(
                    f"whosaid: the database {self.url} has schema version {found}, newer than this "
                    f"whosaid understands ({SCHEMA_VERSION}). Upgrade whosaid, or use another --db."
                )
            if found == SCHEMA_VERSION and set(schema_tables()) <= tables:
                return  # nothing to do: no write on open
            # An older database whose statements table exists gets the columns added since.
            upgrades = upgrade_steps(found or 0) if "statements" in tables else []
        else:
            upgrades = []
        # Every CREATE is IF NOT EXISTS: running them all again adds tables that a newer schema.sql
        # brought and leaves existing ones alone; the ALTERs of upgrade_steps add the new columns.
        with self.transaction():
            self.execute(schema_sql())
            for step in upgrades:
                self.execute(step)
            self.execute("DELETE FROM schema_info")
            self.execute("INSERT INTO schema_info (version) VALUES (?)", [SCHEMA_VERSION])

    # --- writing --------------------------------------------------------------------------------------
    # DuckDB makes ON CONFLICT costly (3.5 ms a statement against 0.4 ms, measured with duckdb 2.0), so
    # there rows that may exist are looked up first; PostgreSQL, with concurrent writers, uses it.
    skip_existing_by_lookup = False

    def _existing_keys(self, table: str, rows: Sequence[RowValues], key_len: int) -> set[RowValues]:
        columns = TABLE_COLUMNS[table][:key_len]
        firsts = sorted({row[0] for row in rows})
        found: set[RowValues] = set()
        for i in range(0, len(firsts), 500):
            chunk = firsts[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT {', '.join(columns)} FROM {table} WHERE {columns[0]} IN ({marks})"
            found.update(tuple(r[c] for c in columns) for r in self.query(sql, chunk))
        return found

    def _existing_shared(self, rows: dict[str, list[RowValues]]) -> dict[str, set[RowValues]]:
        """Existing keys of the entity tables in one query (three look-ups cost three round trips)."""
        ids = sorted({row[0] for table in SHARED_TABLE_KEYS for row in rows.get(table, [])})
        found: dict[str, set[RowValues]] = {table: set() for table in SHARED_TABLE_KEYS}
        for i in range(0, len(ids), 300):
            chunk = ids[i : i + 300]
            marks = ", ".join("?" * len(chunk))
            sql = (
                f"SELECT 'entities' AS t, id AS k1, '' AS k2 FROM entities WHERE id IN ({marks}) "
                f"UNION ALL SELECT 'entity_aliases' AS t, entity_id AS k1, alias AS k2 FROM entity_aliases "
                f"WHERE entity_id IN ({marks}) "
                f"UNION ALL SELECT 'entity_roles' AS t, entity_id AS k1, role AS k2 FROM entity_roles "
                f"WHERE entity_id IN ({marks})"
            )
            for r in self.query(sql, [*chunk, *chunk, *chunk]):
                key = (r["k1"],) if r["t"] == "entities" else (r["k1"], r["k2"])
                found[r["t"]].add(key)
        return found

    def _insert(
        self,
        table: str,
        rows: Sequence[RowValues],
        *,
        key_len: int = 0,
        existing: set[RowValues] | None = None,
    ) -> None:
        """Insert rows; with ``key_len``, rows whose key (first ``key_len`` values) exists are skipped
        (``existing``: those keys, when already looked up)."""
        if key_len and rows and self.skip_existing_by_lookup:
            if existing is None:
                existing = self._existing_keys(table, rows, key_len)
            rows = [row for row in rows if row[:key_len] not in existing]
        if not rows:
            return
        columns = TABLE_COLUMNS[table]
        conflict = " ON CONFLICT DO NOTHING" if key_len and not self.skip_existing_by_lookup else ""
        if not conflict:  # not execute: add() keeps the mention counts
            self._insert_values(table, columns, rows)
            if table == "entity_aliases":
                self._insert("alias_words", alias_word_rows((row[0], row[1]) for row in rows))
            return
        per_statement = max(1, MAX_PARAMS_PER_INSERT // len(columns))
        one = "(" + ", ".join("?" * len(columns)) + ")"
        # New aliases get their alias_words rows; with ON CONFLICT, RETURNING says which were new.
        returning = " RETURNING entity_id, alias" if table == "entity_aliases" and conflict else ""
        for i in range(0, len(rows), per_statement):
            chunk = rows[i : i + per_statement]
            sql = (
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                + ", ".join([one] * len(chunk))
                + conflict
                + returning
            )
            params = [v for row in chunk for v in row]
            if returning:
                added = [(r["entity_id"], r["alias"]) for r in self.query(sql, params)]
            else:
                self._run(self._conn(), sql, params)  # not execute: add() keeps the mention counts
                added = [(row[0], row[1]) for row in chunk]
            if table == "entity_aliases":
                self._insert("alias_words", alias_word_rows(added))

    def _insert_values(self, table: str, columns: Sequence[str], rows: Sequence[RowValues]) -> None:
        """Plain multi-row INSERTs (no conflict handling), a few thousand parameters each."""
        per_statement = max(1, MAX_PARAMS_PER_INSERT // len(columns))
        one = "(" + ", ".join("?" * len(columns)) + ")"
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        for i in range(0, len(rows), per_statement):
            chunk = rows[i : i + per_statement]
            self._run(self._conn(), head + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[RowValues]) -> None:
        """Insert rows known to be new, in as few statements as the backend can (for resolve/)."""
        if not rows:
            return
        if self._mention_counts and table == "mentions":
            self._mention_counts.clear()
        self._insert_values(table, columns, rows)

    def add(self, analysis: ArticleAnalysis) -> bool:
        check_analysis(analysis)
        rows = analysis_rows(analysis)
        with self.transaction():
            if self.has_article(analysis.article.id):
                self._insert("article_outlets", rows["article_outlets"], key_len=2)
                return False
            self._insert("articles", [article_row(analysis.article, datetime.now(UTC))])
            shared = self._existing_shared(rows) if self.skip_existing_by_lookup else {}
            for table, table_rows in rows.items():
                # Rows keyed by the new article's id cannot exist yet; entities may, from other articles.
                key_len = SHARED_TABLE_KEYS.get(table, 0)
                self._insert(table, table_rows, key_len=key_len, existing=shared.get(table))
            counted = getattr(self._local, "counted", None)
            if counted is not None:
                counted.update(row[-1] for row in rows.get("mentions", []) if row[-1] is not None)
        return True

    def add_many(self, analyses: Sequence[ArticleAnalysis]) -> list[bool]:
        """``add`` of each analysis in turn, in one transaction and one multi-row INSERT per table.

        The rows are those ``add`` writes one article at a time (a statement costs ~1 ms in DuckDB
        whatever its size, and a dozen tables are written for every article)."""
        if len(analyses) == 1:
            return [self.add(analyses[0])]
        for analysis in analyses:
            check_analysis(analysis)
        added: list[bool] = []
        with self.transaction():
            stored = self.stored_ids([a.article.id for a in analyses])
            articles: list[RowValues] = []
            rows: dict[str, list[RowValues]] = {}
            outlets_of_stored: list[RowValues] = []
            stamp = datetime.now(UTC)
            for analysis in analyses:
                these = analysis_rows(analysis)
                if analysis.article.id in stored:
                    outlets_of_stored.extend(these["article_outlets"])
                    added.append(False)
                    continue
                stored.add(analysis.article.id)
                added.append(True)
                # ingestion order is kept in ingested_at (reassign_all replays it): one per article
                now = datetime.now(UTC)
                stamp = now if now > stamp else stamp + timedelta(microseconds=1)
                articles.append(article_row(analysis.article, stamp))
                for table, table_rows in these.items():
                    rows.setdefault(table, []).extend(table_rows)
            self._insert("articles", articles)
            shared = self._existing_shared(rows) if self.skip_existing_by_lookup else {}
            for table, table_rows in rows.items():
                key_len = SHARED_TABLE_KEYS.get(table, 0)
                if key_len:  # two articles of the batch may name the same entity
                    table_rows = unique(table_rows, key_len)
                self._insert(table, table_rows, key_len=key_len, existing=shared.get(table))
            self._insert("article_outlets", unique(outlets_of_stored, 2), key_len=2)
            counted = getattr(self._local, "counted", None)
            if counted is not None:
                counted.update(row[-1] for row in rows.get("mentions", []) if row[-1] is not None)
        return added

    def add_outlet(self, article_id: str, outlet: str, url: str | None = None) -> None:
        self._insert("article_outlets", [(article_id, outlet, url)], key_len=2)

    # --- reading --------------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return bool(self.query("SELECT 1 AS x FROM articles WHERE id = ?", [article_id]))

    def stored_ids(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these ids are already stored (one query per few hundred ids)."""
        found: set[str] = set()
        for i in range(0, len(article_ids), 500):
            chunk = list(article_ids[i : i + 500])
            marks = ", ".join("?" * len(chunk))
            found.update(r["id"] for r in self.query(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def _article_from_row(self, row: Row) -> Article:
        outlets = self.query(
            "SELECT outlet FROM article_outlets WHERE article_id = ? ORDER BY outlet", [row["id"]]
        )
        names = [r["outlet"] for r in outlets]
        if row["outlet"] in names:  # the article's own outlet first, as in model.Article
            names.remove(row["outlet"])
            names.insert(0, row["outlet"])
        return Article(
            id=row["id"],
            text=row["text"],
            title=row["title"],
            url=row["url"],
            outlet=row["outlet"],
            published=row["published"],
            source_path=row["source_path"],
            external_id=row["external_id"],
            fetched_at=row["fetched_at"],
            outlets=names,
        )

    def article(self, article_id: str) -> Article | None:
        rows = self.query(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", [article_id])
        return self._article_from_row(rows[0]) if rows else None

    def iter_articles(self) -> Iterator[Article]:
        # Pages by id, so other queries may run between pages on the same connection.
        last = ""
        while True:
            rows = self.query(
                f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id > ? ORDER BY id LIMIT 200",
                [last],
            )
            if not rows:
                return
            for row in rows:
                yield self._article_from_row(row)
            last = rows[-1]["id"]

    def counts(self) -> dict[str, int]:
        return {t: int(self.query(f"SELECT count(*) AS n FROM {t}")[0]["n"]) for t in schema_tables()}
