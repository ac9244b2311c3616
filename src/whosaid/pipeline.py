"""read -> extract -> resolve -> store -> link, streaming, with progress and limits.

One writer (this process) stores articles a few at a time, each batch in one transaction, so a crash
loses at most the batch being written and a re-run, which skips stored ids before any language
analysis, neither duplicates nor drops anything. Analysis runs in worker processes (``workers``)
with a per-article time limit, or in this process when no limit is asked for.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from whosaid.ingest.records import DEFAULT_MAX_BYTES, ReadFailure
from whosaid.model import Article, ArticleAnalysis
from whosaid.pipeline_core import DEFAULT_MAX_CHARS, Outcome, analyze_chunk, describe

if TYPE_CHECKING:
    from spacy.language import Language

    from whosaid.store.base import Store

# Seconds one article may take in analysis before it is given up (only enforced with workers).
DEFAULT_TIME_LIMIT = 60.0
# Articles handed to nlp.pipe together: enough for batching, few enough to retry cheaply.
CHUNK_SIZE = 16
CHUNK_CHARS = 60_000
# Articles the writer stores per transaction. A commit costs ~10 ms in DuckDB (its log is synced to
# disk) and each statement ~1 ms whatever its rows, so many articles share one; each article stays
# all-or-nothing, a crash loses only the open batch (at most WRITE_BATCH articles or
# WRITE_BATCH_SECONDS of work), and a re-run stores it again. 32 rather than 8: the writer's CPU per
# article fell from 7.6 to 4.1 ms (docs/throughput.md), what 2 workers need to be ~1.7x one. With
# linking, batches are at most LINK_GROUP, so that linking comes as often as before.
WRITE_BATCH = 32
WRITE_BATCH_SECONDS = 2.0
# Newly stored articles linked together while analysis goes on (by count in input order, never by
# time, so the links are the same whatever the speed or ``workers``). Small enough that an analysis
# worker, which holds up to three chunks of 16 articles, keeps working while this process links.
LINK_GROUP = 16
# With one analysis worker, the share of chunks whose sentence vectors it computes for linking (the
# writer computes the others between writes): what balances the worker's and the writer's CPU time.
VECTORS_SHARE_ONE_WORKER = 0.0  # and the last chunk; PolNeAR dev: docs/throughput.md, session 4

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
    "DEFAULT_TIME_LIMIT",
    "IngestReport",
    "analyze",
    "analyze_many",
    "ingest",
    "ingest_articles",
    "read_sources",
]


@dataclass(slots=True)
class IngestReport:
    read: int = 0  # articles read (failed inputs are not articles)
    stored: int = 0
    duplicates: int = 0  # already stored, or twice in this run
    statements: int = 0  # statements in the newly stored articles
    failures: list[ReadFailure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)  # newly stored, in input order
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


def _outcomes(
    articles: Iterable[Article],
    nlp: Language,
    *,
    workers: int,
    time_limit: float | None,
    max_chars: int,
    vector_share: float | None = None,
) -> Iterator[tuple[Article, Outcome, int, bool]]:
    """``(article, outcome, chunk number, last of its chunk)`` in input order; analysis computes the
    sentence vectors of ``vector_share`` of the chunks (``pipeline_pool.vectors_here``)."""
    if workers <= 1 and time_limit is None:
        from whosaid.pipeline_pool import chunks, vectors_here

        for number, chunk in enumerate(chunks(articles, CHUNK_SIZE, CHUNK_CHARS)):
            here = vectors_here(number, vector_share)
            results = dict(analyze_chunk(chunk, nlp, max_chars, vectors=here))
            for position, article in enumerate(chunk):
                yield article, results[position], number, position == len(chunk) - 1
        return
    from whosaid.pipeline_pool import pool_outcomes

    yield from pool_outcomes(
        articles,
        nlp,
        workers=workers,
        time_limit=time_limit or DEFAULT_TIME_LIMIT,
        max_chars=max_chars,
        chunk_size=CHUNK_SIZE,
        chunk_chars=CHUNK_CHARS,
        vector_share=vector_share,
    )


def _vector_share(link: bool, workers: int, time_limit: float | None) -> float | None:
    """Share of the chunks whose sentence vectors for linking analysis computes (the writer, the
    rest; None without linking). Several workers: all, so the single writer stays light. One
    worker: ``VECTORS_SHARE_ONE_WORKER`` and the last chunk, as the writer has storing and linking
    to do besides. Analysis in this process: all, it is one process anyway."""
    if not link:
        return None
    if workers > 1 or time_limit is None:
        return 1.0
    return VECTORS_SHARE_ONE_WORKER


def _load_stance_model() -> None:
    """Load the stance model (~0.25 s of CPU once the sentence model has imported scikit-learn) with
    the other models, before the analysis workers start, rather than in the middle of the writer's
    first link group. If it cannot be loaded, linking says so when it needs it, as before."""
    from whosaid.link.stance import load_model

    try:
        load_model()
    except Exception:  # reported by linking, which needs it, with the articles it concerns
        return


def analyze_many(
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    workers: int = 1,
    time_limit: float | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[ArticleAnalysis | ReadFailure]:
    """One result per article, in input order, streaming; the same whatever ``workers`` is.

    An article that cannot be analysed (too long, over ``time_limit`` seconds, or failing) gives a
    ``ReadFailure`` saying why. ``time_limit`` needs worker processes and uses them even for 1 worker.
    """
    if nlp is None:
        from whosaid.nlp import load

        nlp = load()
    for _, outcome, _, _ in _outcomes(
        articles, nlp, workers=workers, time_limit=time_limit, max_chars=max_chars
    ):
        yield outcome


def analyze(article: Article, nlp: Language | None = None) -> ArticleAnalysis:
    """Statements, entities, dates and figures of one article (in this process, no limits)."""
    from whosaid.errors import WhosaidError

    outcome = next(analyze_many([article], nlp, max_chars=max(DEFAULT_MAX_CHARS, len(article.text))))
    if isinstance(outcome, ReadFailure):
        raise WhosaidError(f"whosaid: {outcome}")
    return outcome


def read_sources(
    sources: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES, pages_dir: str | None = None
) -> Iterator[Article | ReadFailure]:
    """Articles from files, directories and globs; ``http(s)://`` URLs are fetched.

    ``pages_dir`` holds saved pages for feed entries whose body the feed itself does not carry.
    """
    from whosaid.ingest import read_paths

    paths: list[str] = []
    urls: list[str] = []
    for source in map(str, sources):
        (urls if source.startswith(("http://", "https://")) else paths).append(source)
    if paths:
        yield from read_paths(paths, max_bytes=max_bytes, pages_dir=pages_dir)
    if urls:
        from whosaid.ingest.fetch import fetch_articles

        yield from fetch_articles(urls)


def ingest(
    sources: Iterable[str | Path],
    store: Store,
    *,
    nlp: Language | None = None,
    workers: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    progress: bool = True,
    link: bool = True,
    pages_dir: str | None = None,
) -> IngestReport:
    """Read, analyse and store every article in ``sources``; then link the new ones to the rest."""
    return ingest_articles(
        read_sources(sources, max_bytes=max_bytes, pages_dir=pages_dir),
        store,
        nlp=nlp,
        workers=workers,
        max_chars=max_chars,
        time_limit=time_limit,
        progress=progress,
        link=link,
    )


def ingest_articles(
    items: Iterable[Article | ReadFailure],
    store: Store,
    *,
    nlp: Language | None = None,
    workers: int = 1,
    max_chars: int = DEFAULT_MAX_CHARS,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    progress: bool = True,
    link: bool = True,
) -> IngestReport:
    """Store articles already read (``ReadFailure`` items are reported as they are). With ``link``,
    stored articles never linked (a run killed between storing and linking, or ``--no-link``) are
    linked first, by a run that stores an article or meets one stored already."""
    from tqdm import tqdm

    from whosaid.resolve import assign_entities_many

    if nlp is None:
        from whosaid.nlp import load

        nlp = load()
    started = time.monotonic()
    report = IngestReport()
    seen: set[str] = set()
    leftovers_linked = False  # stored articles a previous run left unlinked: linked once, first
    other_outlets: list[tuple[str, str, str | None]] = []
    bar = tqdm(desc="whosaid ingest", unit=" articles", disable=not progress, file=sys.stderr)

    def fresh() -> Iterator[Article]:
        """Articles not stored yet: the skip happens before analysis, which is the costly part."""
        group: list[Article | ReadFailure] = []
        for item in items:
            group.append(item)
            if len(group) >= CHUNK_SIZE:
                yield from sift(group)
                group = []
        yield from sift(group)

    def sift(group: list[Article | ReadFailure]) -> Iterator[Article]:
        # one look-up for a group of ids: a query per article costs the writer ~1 ms each
        ids = [item.id for item in group if not isinstance(item, ReadFailure)]
        stored = store.stored_ids(ids)
        for item in group:
            if isinstance(item, ReadFailure):
                report.failures.append(item)
                bar.update()
                continue
            report.read += 1
            if item.id in seen or item.id in stored:
                report.duplicates += 1
                outlets = item.outlets or ([item.outlet] if item.outlet else [])
                other_outlets.extend((item.id, outlet, item.url) for outlet in outlets)
                bar.update()
                continue
            seen.add(item.id)
            yield item

    def write(batch: list[tuple[Article, ArticleAnalysis]]) -> None:
        """Store a few articles in one transaction; if one fails, each again alone, so only it is lost."""
        if link:
            # before this run stores its first article: afterwards its own articles, stored and
            # waiting for their link group, would look left over and be linked twice, the first
            # time without their vectors
            link_leftovers()
        try:
            with store.transaction():
                # one read and one multi-row write per table for the batch, not per article
                analyses = [analysis for _, analysis in batch]
                assign_entities_many(store, analyses)
                added = store.add_many(analyses)
        except Exception as exc:
            if len(batch) > 1:
                for item in batch:
                    write([item])
                return
            reason = " ".join(str(exc).split())  # driver messages span lines
            report.failures.append(
                ReadFailure(describe(batch[0][0]), f"could not store the article: {reason}")
            )
            return
        for (article, analysis), new in zip(batch, added, strict=True):
            if new:
                report.stored += 1
                report.statements += len(analysis.statements)
                report.article_ids.append(article.id)
                if link:
                    unlinked.append(analysis)
                    continue
            analysis.vectors = {}  # nothing will link it: free the memory
        link_ready()

    def link_ready() -> None:
        """Link every full group whose vectors are all computed (or never will be here)."""
        while len(unlinked) >= LINK_GROUP and not any(id(a) in awaiting for a in unlinked[:LINK_GROUP]):
            link_group()

    def embed_chunk() -> None:
        """The vectors of the chunk analysis left to this process, once all its articles are in:
        the same texts in the same model call as a worker would make, so the same vectors."""
        from whosaid.pipeline_core import add_vectors

        add_vectors(list(awaiting.values()))
        awaiting.clear()
        link_ready()

    def link_group() -> None:
        """Link the next (at most) LINK_GROUP stored articles: stories, claims, relations. Exactly
        that many, whatever the write batches were, so that the groups never depend on timing."""
        from whosaid.link import update_links
        from whosaid.pipeline_core import add_vectors

        group = unlinked[:LINK_GROUP]
        del unlinked[:LINK_GROUP]
        vectors: dict[str, object] = {}
        try:
            add_vectors(group)  # only where computing them before failed
            for analysis in group:
                vectors.update(analysis.vectors)
            update_links(store, [a.article.id for a in group], vectors)
        except Exception as exc:
            report.failures.append(
                ReadFailure("(linking)", f"linking the new articles failed ({type(exc).__name__}: {exc})")
            )
        finally:
            for analysis in group:
                analysis.vectors = {}

    def link_leftovers() -> None:
        """Articles stored but never linked (an ingest killed between storing and linking, or run
        with --no-link) are linked first, before the new ones, as an uninterrupted run would have.
        Only by a run that stores or meets a stored article: a refused request (an API POST of a
        broken article) changes nothing in the store."""
        from whosaid.link import link_pending

        nonlocal leftovers_linked
        if leftovers_linked:
            return
        leftovers_linked = True
        try:
            link_pending(store)
        except Exception as exc:
            report.failures.append(
                ReadFailure("(linking)", f"linking stored articles failed ({type(exc).__name__}: {exc})")
            )

    pending: list[tuple[Article, ArticleAnalysis]] = []
    unlinked: list[ArticleAnalysis] = []
    # Analyses of the current chunk whose vectors this process computes, by id(): at the chunk's end.
    awaiting: dict[int, ArticleAnalysis] = {}
    oldest = 0.0
    share = _vector_share(link, workers, time_limit)
    write_batch = min(WRITE_BATCH, LINK_GROUP) if link else WRITE_BATCH
    if link:
        from whosaid.link.embed import load_model

        load_model()  # here, before workers fork, so that they share it instead of loading it each
        _load_stance_model()
    # The writer sends many small statements: DuckDB's own threads would only take CPU from analysis.
    engine = ExitStack()
    engine.enter_context(store.bulk_writing())
    try:
        outcomes = _outcomes(
            fresh(), nlp, workers=workers, time_limit=time_limit, max_chars=max_chars, vector_share=share
        )
        for article, outcome, _, chunk_done in outcomes:
            bar.update()
            if isinstance(outcome, ReadFailure):
                report.failures.append(outcome)
            else:
                if link and not outcome.vectors:
                    awaiting[id(outcome)] = outcome
                if not pending:
                    oldest = time.monotonic()
                pending.append((article, outcome))
                if len(pending) >= write_batch or time.monotonic() - oldest > WRITE_BATCH_SECONDS:
                    write(pending)
                    pending = []
            if chunk_done:  # embedded as soon as the chunk is in, not when the next one comes
                embed_chunk()
        if pending:
            write(pending)
            pending = []
        embed_chunk()
        for article_id, outlet, url in other_outlets:
            if store.has_article(article_id):
                store.add_outlet(article_id, outlet, url)
        while unlinked:
            link_group()
        if link and (report.stored or report.duplicates):
            link_leftovers()  # a re-run that found every article stored still links what was left
    finally:
        bar.close()
        engine.close()
    report.seconds = time.monotonic() - started
    return report
