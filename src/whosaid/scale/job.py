"""The Spark job: the local pipeline's own ``analyze`` run per partition, written as Parquet tables.

    spark-submit --master yarn src/whosaid/scale/job.py s3a://bucket/news/*.jsonl s3a://bucket/out
    python -m whosaid.scale.job INPUT OUTPUT --master local[2]      # same thing, no spark-submit

JSON Lines and Parquet are read by Spark's own readers (so they split across executors); WARC
files are read one file per task by ``whosaid.ingest``'s reader. Each Python worker loads the spaCy
model once (``whosaid.nlp.load`` is cached per process) and calls ``whosaid.pipeline.analyze`` for
every article of its partition: one extractor, not a batch-mode copy. The output holds the tables of
``whosaid.scale.tables`` partitioned by publication day; ``whosaid load OUTPUT`` puts them in a store.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from whosaid.errors import WhosaidError
from whosaid.ingest.records import ReadFailure
from whosaid.scale import sources
from whosaid.scale.tables import COLUMNS, PART_TABLES, PARTITION_COLUMN, TABLES, Row, rows_of

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import DataType, StructType
    from spacy.language import Language

    from whosaid.model import Article


@dataclass(slots=True)
class JobStats:
    articles: int
    statements: int
    failures: int
    output: str


# --- Spark schema of the analysed records ---------------------------------------------------------


def _spark_type(name: str) -> DataType:
    from pyspark.sql import types as T

    simple: dict[str, DataType] = {
        "string": T.StringType(),
        "int": T.IntegerType(),
        "double": T.DoubleType(),
        "boolean": T.BooleanType(),
        "date": T.DateType(),
        # Naive UTC, as the store keeps it: no session time zone can shift it.
        "timestamp": T.TimestampNTZType(),
        "long": T.LongType(),
        "array<string>": T.ArrayType(T.StringType()),
    }
    return simple[name]


def table_schema(table: str) -> StructType:
    from pyspark.sql import types as T

    return T.StructType([T.StructField(n, _spark_type(k), True) for n, k in COLUMNS[table]])


def analysed_schema() -> StructType:
    """One row per input record: the article, its parts as arrays, or why it failed."""
    from pyspark.sql import types as T

    fields = [T.StructField("article", table_schema("articles"), True)]
    fields += [T.StructField(t, T.ArrayType(table_schema(t)), True) for t in PART_TABLES]
    fields += [T.StructField("source", T.StringType(), True), T.StructField("error", T.StringType(), True)]
    return T.StructType(fields)


def _tuple(table: str, row: Row) -> tuple[Any, ...]:
    return tuple(row[name] for name, _ in COLUMNS[table])


# --- what runs on the executors -------------------------------------------------------------------


def _failure_row(failure: ReadFailure) -> tuple[Any, ...]:
    return (None, *([None] * len(PART_TABLES)), failure.source, failure.reason)


def _analysed_rows(chunk: list[tuple[int, Article]], nlp: Language) -> Iterator[tuple[Any, ...]]:
    from whosaid.pipeline_core import analyze_chunk

    for position, outcome in analyze_chunk([article for _, article in chunk], nlp):
        if isinstance(outcome, ReadFailure):
            yield _failure_row(outcome)
            continue
        rows = rows_of(outcome, seq=chunk[position][0])
        parts = [[_tuple(t, r) for r in rows[t]] for t in PART_TABLES]
        yield (_tuple("articles", rows["articles"][0]), *parts, None, None)


def analyse_articles(items: Iterable[tuple[int, Article | ReadFailure]]) -> Iterator[tuple[Any, ...]]:
    """Analyse (input order, article) pairs with the local pipeline's functions, a chunk at a time.

    A record that could not be read or analysed becomes a failure row: one bad article must not
    stop a job over millions.
    """
    import whosaid.nlp
    from whosaid.pipeline import CHUNK_CHARS, CHUNK_SIZE

    nlp = whosaid.nlp.load()  # cached per process: loaded once per Python worker, reused by tasks
    chunk: list[tuple[int, Article]] = []
    chars = 0
    for seq, item in items:
        if isinstance(item, ReadFailure):
            yield _failure_row(item)
            continue
        # Cut as the local pipeline cuts its nlp.pipe batches: by count or total length.
        if chunk and (len(chunk) >= CHUNK_SIZE or chars + len(item.text) > CHUNK_CHARS):
            yield from _analysed_rows(chunk, nlp)
            chunk, chars = [], 0
        chunk.append((seq, item))
        chars += len(item.text)
    if chunk:
        yield from _analysed_rows(chunk, nlp)


def _analyse_records(records: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    def articles() -> Iterator[tuple[int, Article | ReadFailure]]:
        for record in records:
            fields = record.asDict()
            source = fields.pop("_source", None) or ""
            seq = int(fields.pop("_seq"))
            yield seq, sources.article_from_record(fields, source)

    return analyse_articles(articles())


def _analyse_warc_paths(paths: Iterable[tuple[int, str]]) -> Iterator[tuple[Any, ...]]:
    return analyse_articles(item for number, path in paths for item in sources.read_warc_path(path, number))


def _analyse_warc_blobs(blobs: Iterable[tuple[str, bytes]]) -> Iterator[tuple[Any, ...]]:
    return analyse_articles(item for path, data in blobs for item in sources.read_warc_bytes(path, data))


# --- the driver -----------------------------------------------------------------------------------


def session(master: str | None = None, app_name: str = "whosaid", **conf: str) -> SparkSession:
    """A Spark session; ``master`` None keeps what spark-submit chose."""
    from pyspark.sql import SparkSession

    # Workers must run the interpreter that has whosaid and the model installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    settings = {
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.sources.partitionOverwriteMode": "static",
        "spark.python.worker.reuse": "true",
        **conf,
    }
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def _read_records(spark: SparkSession, path: str, fmt: str) -> DataFrame:
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    if fmt == "jsonl":
        schema = T.StructType([T.StructField(n, T.StringType(), True) for n in sources.RECORD_FIELDS])
        frame = spark.read.schema(schema).json(path)
    else:
        frame = spark.read.parquet(path)
        missing = [n for n in sources.RECORD_FIELDS if n not in frame.columns]
        if "text" in missing:
            raise WhosaidError(f"whosaid: {path} has no 'text' column. Give Parquet with id, text, ...")
        frame = frame.select(
            *[
                F.col(n).cast("string") if n in frame.columns else F.lit(None).cast("string").alias(n)
                for n in sources.RECORD_FIELDS
            ]
        )
    # Input order, kept so that `whosaid load` meets duplicates in the order local ingest does.
    return frame.withColumn("_source", F.input_file_name()).withColumn(
        "_seq", F.monotonically_increasing_id()
    )


def analyse(
    spark: SparkSession, path: str, fmt: str | None = None, partitions: int | None = None
) -> DataFrame:
    """The analysed records of an input, one row per article (lazy: nothing runs until written)."""
    fmt = fmt or sources.guess_format(path)
    sc = spark.sparkContext
    if fmt == "warc":
        if sources.is_local(path):
            files = sources.local_files(path, sources.WARC_SUFFIXES)
            numbered = list(enumerate(files))
            rdd = sc.parallelize(numbered, partitions or max(1, len(files))).mapPartitions(
                _analyse_warc_paths
            )
        else:
            blobs = sc.binaryFiles(path, minPartitions=partitions or sc.defaultParallelism)
            rdd = blobs.mapPartitions(_analyse_warc_blobs)
    elif fmt in ("jsonl", "parquet"):
        records = _read_records(spark, path, fmt).rdd
        wanted = partitions or max(records.getNumPartitions(), sc.defaultParallelism)
        if wanted != records.getNumPartitions():
            records = records.repartition(wanted)
        rdd = records.mapPartitions(_analyse_records)
    else:
        raise WhosaidError(f"whosaid: unknown input format '{fmt}'. Use jsonl, parquet or warc.")
    return spark.createDataFrame(rdd, analysed_schema(), verifySchema=False)


def write_tables(analysed: DataFrame, output: str) -> JobStats:
    """Write every table, partitioned by publication day, replacing an earlier output there."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    # Extraction is the costly part: run it once, whatever number of tables is written from it.
    analysed = analysed.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        totals = analysed.agg(
            F.count("article").alias("articles"),
            F.sum(F.size(F.coalesce("statements", F.array()))).alias("statements"),
            F.count("error").alias("failures"),
        ).first()
        for table in TABLES:
            if table == "articles":
                frame = analysed.where("article IS NOT NULL").select("article.*")
            else:
                frame = analysed.select(F.explode(table).alias("r")).select("r.*")
            writer = frame.write.mode("overwrite").option("compression", "snappy")
            writer.partitionBy(PARTITION_COLUMN).parquet(f"{output.rstrip('/')}/{table}")
        failures = analysed.where("error IS NOT NULL").select("source", "error")
        failures.coalesce(1).write.mode("overwrite").parquet(f"{output.rstrip('/')}/failures")
    finally:
        analysed.unpersist()
    return JobStats(
        articles=int(totals["articles"] or 0) if totals else 0,
        statements=int(totals["statements"] or 0) if totals else 0,
        failures=int(totals["failures"] or 0) if totals else 0,
        output=output,
    )


def run(
    spark: SparkSession, input_path: str, output: str, fmt: str | None = None, partitions: int | None = None
) -> JobStats:
    """Read ``input_path``, analyse every article, write the tables under ``output``."""
    return write_tables(analyse(spark, input_path, fmt, partitions), output)


def build_parser(
    parser: argparse.ArgumentParser | None = None, default_master: str | None = None
) -> argparse.ArgumentParser:
    parser = parser or argparse.ArgumentParser(
        prog="whosaid.scale.job", description="Run whosaid's extraction on Spark and write Parquet tables."
    )
    parser.add_argument("input", help="JSON Lines, Parquet or WARC: a path, a glob or a Hadoop URI")
    parser.add_argument("output", help="directory or URI for the Parquet tables (replaced if present)")
    parser.add_argument(
        "--master",
        default=default_master,
        help="Spark master, e.g. local[2] or yarn (default: %s)" % (default_master or "spark-submit's"),
    )
    parser.add_argument("--partitions", type=int, default=None, help="number of partitions to analyse in")
    parser.add_argument(
        "--format",
        choices=("jsonl", "parquet", "warc"),
        default=None,
        dest="input_format",
        help="input format (default: from the file names)",
    )
    return parser


def describe(stats: JobStats) -> str:
    return (
        f"whosaid spark: {stats.articles} articles, {stats.statements} statements, "
        f"{stats.failures} failed records -> {stats.output}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        spark = session(args.master)
        try:
            stats = run(spark, args.input, args.output, args.input_format, args.partitions)
        finally:
            spark.stop()
    except WhosaidError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(describe(stats))
    return 0


if __name__ == "__main__":
    # Under spark-submit this file is __main__: run the installed module's main so that the functions
    # shipped to executors are pickled by reference to whosaid.scale.job, not by value.
    from whosaid.scale.job import main as module_main

    sys.exit(module_main())
