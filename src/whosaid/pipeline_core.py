"""Analysing articles with a loaded spaCy pipeline: the work one process does, in or out of a pool.

Kept apart from pipeline.py so that worker processes run exactly this code and nothing else, which
is what makes ``--workers N`` give the same statements as one worker.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from whosaid.ingest.records import ReadFailure
from whosaid.model import Article, ArticleAnalysis
from whosaid.store.rows import SpanMismatch, check_span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger("whosaid.pipeline")

Outcome = ArticleAnalysis | ReadFailure

# Longest article text analysed by default. spaCy needs ~4 MB of memory per 1,000 characters
# (150k characters: 4 s and 0.9 GB measured on en_core_web_sm), and news articles stay far below.
DEFAULT_MAX_CHARS = 150_000


def describe(article: Article) -> str:
    """Where an article came from, for messages."""
    return article.source_path or article.url or article.external_id or article.id


def too_long(article: Article, max_chars: int) -> ReadFailure:
    return ReadFailure(
        describe(article),
        f"article text is {len(article.text):,} characters, over the per-article limit of "
        f"{max_chars:,}; raise it with --max-chars",
    )


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    if doc.has_extension("article_id"):
        doc._.article_id = article.id
    return doc


def _drop_bad_spans(analysis: ArticleAnalysis) -> None:
    """Never store a span whose text differs from its string; say so, as it is an extractor bug."""
    text = analysis.article.text
    source = describe(analysis.article)

    def ok(checks: list[tuple[object, str | None, str]]) -> bool:
        try:
            for span, value, what in checks:
                check_span(text, span, value, what)  # type: ignore[arg-type]
        except SpanMismatch as exc:
            log.warning("%s: dropped a record with a wrong span (%s)", source, exc)
            return False
        return True

    analysis.statements = [
        s
        for s in analysis.statements
        if ok(
            [
                (s.content_span, s.content, "content"),
                (s.cue_span, s.cue, "cue"),
                (s.speaker_span, s.speaker_text, "speaker"),
            ]
        )
    ]
    analysis.mentions = [m for m in analysis.mentions if ok([(m.span, m.text, "mention")])]
    analysis.dates = [d for d in analysis.dates if ok([(d.span, d.text, "date")])]
    analysis.quantities = [q for q in analysis.quantities if ok([(q.span, q.text, "quantity")])]


def finish(article: Article, doc: Doc) -> ArticleAnalysis:
    """From an analysed Doc to the record the store takes: statements, then entities, dates, figures."""
    from whosaid.resolve import resolve_article

    statements = list(doc._.quotes or []) if doc.has_extension("quotes") else []
    for statement in statements:
        statement.article_id = article.id
    if len({s.index for s in statements}) != len(statements):
        for position, statement in enumerate(statements):
            statement.index = position
    analysis = resolve_article(doc, article, statements)
    for statement in analysis.statements:
        statement.article_id = article.id
    _drop_bad_spans(analysis)
    return analysis


def add_vectors(analyses: Sequence[ArticleAnalysis]) -> None:
    """Fill ``vectors`` (lead and statement contents) of those of ``analyses`` that have none, in one
    model call (``embed.chunk_vectors``): give it a chunk formed by input order, so that a vector
    never depends on timing or ``--workers``. A failure leaves them out: linking computes what is
    missing, so it is no reason to lose the articles."""
    todo = [a for a in analyses if not a.vectors]
    if not todo:
        return
    from whosaid.link.embed import chunk_vectors

    try:
        vectors = chunk_vectors(
            [(a.article.title, a.article.text, [s.content for s in a.statements]) for a in todo]
        )
    except Exception:
        log.warning("%s: could not compute sentence vectors here", describe(todo[0].article), exc_info=True)
        return
    for analysis, found in zip(todo, vectors, strict=True):
        analysis.vectors = dict(found)


def failed(article: Article, exc: BaseException) -> ReadFailure:
    log.debug("analysis failed for %s", describe(article), exc_info=exc)
    return ReadFailure(describe(article), f"could not analyse the article ({type(exc).__name__}: {exc})")


def analyze_chunk(
    articles: Sequence[Article], nlp: Language, max_chars: int = DEFAULT_MAX_CHARS, *, vectors: bool = False
) -> Iterator[tuple[int, Outcome]]:
    """``(position, outcome)`` for each article, as each is done (batched through ``nlp.pipe``).

    When the batch raises, the articles not yet done are analysed one by one, so one bad article
    costs only itself. ``vectors``: also the sentence vectors linking needs (``add_vectors``), of
    the whole chunk at once, so the outcomes come at the end of the chunk.
    """
    if not vectors:
        yield from _analyze_chunk(articles, nlp, max_chars)
        return
    outcomes = list(_analyze_chunk(articles, nlp, max_chars))
    add_vectors([o for _, o in outcomes if isinstance(o, ArticleAnalysis)])
    yield from outcomes


def _analyze_chunk(
    articles: Sequence[Article], nlp: Language, max_chars: int
) -> Iterator[tuple[int, Outcome]]:
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    runnable: list[int] = []
    for position, article in enumerate(articles):
        if len(article.text) > max_chars:
            yield position, too_long(article, max_chars)
        else:
            runnable.append(position)
    done = 0
    try:
        docs = (make_doc(nlp, articles[p]) for p in runnable)
        for doc in nlp.pipe(docs, batch_size=max(1, len(runnable))):
            position = runnable[done]
            outcome = finish(articles[position], doc)
            done += 1
            yield position, outcome
    except Exception:
        for position in runnable[done:]:
            yield position, analyze_one(articles[position], nlp)


def analyze_one(article: Article, nlp: Language) -> Outcome:
    try:
        return finish(article, nlp(make_doc(nlp, article)))
    except Exception as exc:
        return failed(article, exc)
