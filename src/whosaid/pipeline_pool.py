"""Analysis in worker processes, with a per-article time limit that can always be enforced.

Workers are forked from the process that already holds the loaded spaCy pipeline, so starting (or
replacing) one costs no model load. A worker that runs past its deadline or dies is killed and
replaced; the articles of its chunk not yet done are retried one at a time, so only the article at
fault is reported. Results come back in input order, whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING

from whosaid.ingest.records import ReadFailure
from whosaid.model import Article
from whosaid.pipeline_core import Outcome, analyze_chunk, describe

if TYPE_CHECKING:
    from spacy.language import Language

Task = list[tuple[int, Article]]  # (sequence number, article)


# The parent's ends of every worker pipe. A forked worker closes its copies at once: a copy left open
# would keep a pipe alive after the parent died (even by SIGKILL) and the worker would never see EOF.
_PARENT_ENDS: set[Connection] = set()


def _worker_main(conn: Connection, nlp: Language, max_chars: int) -> None:
    for inherited in list(_PARENT_ENDS):
        inherited.close()
    _PARENT_ENDS.clear()
    parent = os.getppid()
    # Ctrl-C reaches the whole process group; the parent decides, workers just stop when told.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            while not conn.poll(1.0):
                if os.getppid() != parent:  # orphaned: the parent was killed
                    return
            task: Task | None = conn.recv()
        except (EOFError, OSError):  # the parent is gone: nothing left to do
            return
        if task is None:
            return
        try:
            for position, outcome in analyze_chunk([a for _, a in task], nlp, max_chars):
                conn.send((task[position][0], outcome))
            conn.send(None)
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(self, nlp: Language, max_chars: int) -> None:
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe()
        _PARENT_ENDS.add(self.conn)
        self.process: BaseProcess = ctx.Process(
            target=_worker_main, args=(child, nlp, max_chars), daemon=True, name="whosaid-analysis"
        )
        self.process.start()
        child.close()
        self.remaining: dict[int, Article] = {}
        self.deadline = 0.0

    def send(self, task: Task, time_limit: float) -> None:
        self.remaining = dict(task)
        self.deadline = time.monotonic() + time_limit
        self.conn.send(task)

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        _PARENT_ENDS.discard(self.conn)
        self.conn.close()


def chunks(articles: Iterable[Article], size: int, max_chars_per_chunk: int) -> Iterator[list[Article]]:
    """Consecutive groups of articles, cut by count or total length (whichever comes first)."""
    chunk: list[Article] = []
    chars = 0
    for article in articles:
        if chunk and (len(chunk) >= size or chars + len(article.text) > max_chars_per_chunk):
            yield chunk
            chunk, chars = [], 0
        chunk.append(article)
        chars += len(article.text)
    if chunk:
        yield chunk


def pool_outcomes(
    articles: Iterable[Article],
    nlp: Language,
    *,
    workers: int,
    time_limit: float,
    max_chars: int,
    chunk_size: int,
    chunk_chars: int,
) -> Iterator[tuple[Article, Outcome]]:
    pool = [_Worker(nlp, max_chars) for _ in range(max(1, workers))]
    queue: deque[Task] = deque()
    source = chunks(articles, chunk_size, chunk_chars)
    exhausted = False
    seq = 0
    done: dict[int, tuple[Article, Outcome]] = {}
    next_out = 0
    busy: dict[int, _Worker] = {}  # index into pool -> worker with a task

    def next_task() -> Task | None:
        nonlocal exhausted, seq
        if queue:
            return queue.popleft()
        if exhausted:
            return None
        chunk = next(source, None)
        if chunk is None:
            exhausted = True
            return None
        task = [(seq + i, a) for i, a in enumerate(chunk)]
        seq += len(chunk)
        return task

    def give_up(slot: int, reason: str) -> None:
        worker = pool[slot]
        worker.stop(kill=True)
        pool[slot] = _Worker(nlp, max_chars)
        busy.pop(slot, None)
        left = sorted(worker.remaining.items())
        if len(left) == 1:
            n, article = left[0]
            done[n] = (article, ReadFailure(describe(article), reason))
        else:  # which article was at fault is unknown: retry each alone, in order, first
            queue.extendleft([[item] for item in reversed(left)])

    try:
        while True:
            phase_start = time.monotonic()
            watched = list(busy.values())
            # Keep every worker busy, but do not run far ahead of results still waiting to go out.
            for slot, worker in enumerate(pool):
                if slot in busy or (not queue and len(done) > 8 * chunk_size * len(pool)):
                    continue
                task = next_task()
                if task is None:
                    break
                worker.send(task, time_limit)
                busy[slot] = worker
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            # Time spent reading input or in the caller (writing) is not time the workers were
            # watched: move the deadlines of those already busy on by as much.
            spent = time.monotonic() - phase_start
            for worker in watched:
                worker.deadline += spent
            if not busy:
                if exhausted and not queue:
                    break
                continue
            now = time.monotonic()
            timeout = max(0.0, min(w.deadline for w in busy.values()) - now)
            ready = wait([w.conn for w in busy.values()], timeout=timeout)
            for slot, worker in list(busy.items()):
                if worker.conn in ready:
                    try:
                        while worker.conn.poll():
                            message = worker.conn.recv()
                            if message is None:
                                busy.pop(slot)
                                break
                            n, outcome = message
                            done[n] = (worker.remaining.pop(n), outcome)
                            worker.deadline = time.monotonic() + time_limit
                    except (EOFError, OSError):
                        code = worker.process.exitcode
                        give_up(slot, f"the analysis process died on this article (exit code {code})")
                elif time.monotonic() > worker.deadline:
                    give_up(
                        slot,
                        f"analysis took longer than {time_limit:g} s, the per-article time limit; "
                        "raise it with --time-limit",
                    )
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1
    finally:
        for worker in pool:
            worker.stop(kill=bool(worker.remaining))
