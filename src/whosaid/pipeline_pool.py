"""Analysis in worker processes, with a per-article time limit that can always be enforced.

Workers are forked from the process that already holds the loaded spaCy pipeline, so starting (or
replacing) one costs no model load. A worker that runs past its deadline or dies is killed and
replaced; the articles of its chunk not yet done are retried one at a time, so only the article at
fault is reported. Results come back in input order, whatever the number of workers.

Each worker holds up to three chunks: the next ones wait in its pipe while it analyses the current
one, so it never idles while this process is busy writing the results of the last. Workers run
their numeric libraries on one thread each: N workers on N cores must not oversubscribe them.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import threading
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
Message = tuple[Task, bool]  # a task, and whether the worker also computes its sentence vectors


# The parent's ends of every worker pipe. A forked worker closes its copies at once: a copy left open
# would keep a pipe alive after the parent died (even by SIGKILL) and the worker would never see EOF.
_PARENT_ENDS: set[Connection] = set()


# Chunks a worker holds at once: the one it analyses and the next ones, already in its pipe. Three,
# not two: with linking, the writer can spend a second or more on one result (the vectors of a chunk,
# then a link group) without handing out work, and with two the worker sat idle 1.6 s of an ingest of
# 300 synthetic articles between chunks (0.2 s with three; docs/throughput.md, session 5).
IN_FLIGHT = 3


def _one_thread_each() -> None:
    """Keep BLAS/OpenMP (and torch, when something loaded it) to one thread in this worker.

    Forked workers inherit thread pools sized for the whole machine; with one worker per core,
    each running two threads would make them fight for the cores instead of sharing them."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    with contextlib.suppress(Exception):  # an optional speed-up: never a reason to fail
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    torch = sys.modules.get("torch")
    if torch is not None:
        with contextlib.suppress(Exception):
            torch.set_num_threads(1)


def _read_tasks(conn: Connection, tasks: queue.SimpleQueue[Message | None]) -> None:
    """Take chunks off the pipe as soon as they come: a chunk larger than the pipe's buffer would
    otherwise block the parent, while it sends the next chunk, until the current one is done."""
    try:
        while True:
            task: Message | None = conn.recv()
            tasks.put(task)
            if task is None:
                return
    except (EOFError, OSError):  # the parent is gone: nothing left to do
        tasks.put(None)


def _send_results(conn: Connection, outbox: queue.SimpleQueue[object]) -> None:
    """Send results in order from a thread of their own: while the parent is busy storing and
    linking it reads nothing, the pipe fills after a few articles, and a send from the analysis
    loop itself would stop the analysis until the parent came back (measured: worker and writer
    then took turns instead of running side by side)."""
    while True:
        message = outbox.get()
        if message is _DONE:
            return
        try:
            conn.send(message)
        except (BrokenPipeError, OSError):  # the parent is gone: nobody wants the rest
            os._exit(0)


_DONE = object()  # the outbox's end marker (never sent)


def _worker_main(conn: Connection, nlp: Language, max_chars: int) -> None:
    for inherited in list(_PARENT_ENDS):
        inherited.close()
    _PARENT_ENDS.clear()
    _one_thread_each()
    parent = os.getppid()
    # Ctrl-C reaches the whole process group; the parent decides, workers just stop when told.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tasks: queue.SimpleQueue[Message | None] = queue.SimpleQueue()
    threading.Thread(target=_read_tasks, args=(conn, tasks), daemon=True).start()
    outbox: queue.SimpleQueue[object] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_results, args=(conn, outbox), daemon=True)
    sender.start()
    while True:
        try:
            task = tasks.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent:  # orphaned: the parent was killed
                return
            continue
        if task is None:
            outbox.put(_DONE)
            sender.join()
            return
        items, vectors = task
        for position, outcome in analyze_chunk([a for _, a in items], nlp, max_chars, vectors=vectors):
            outbox.put((items[position][0], outcome))
        outbox.put(None)


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
        self.tasks: deque[Task] = deque()  # sent and not finished, the one being analysed first
        self.remaining: dict[int, Article] = {}  # their articles not yet returned
        self.deadline = 0.0

    def send(self, task: Task, time_limit: float, vectors: bool) -> None:
        if not self.tasks:
            self.deadline = time.monotonic() + time_limit
        self.tasks.append(task)
        self.remaining.update(task)
        self.conn.send((task, vectors))

    def finished_one(self) -> None:
        """The worker said it is done with its current chunk: the next one (if any) starts now."""
        self.tasks.popleft()

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


# The first chunks are smaller: the writer has nothing to do until the first chunk is analysed.
FIRST_CHUNK_SIZES = (4, 8)


def chunks(articles: Iterable[Article], size: int, max_chars_per_chunk: int) -> Iterator[list[Article]]:
    """Consecutive groups of articles, cut by count or total length (whichever comes first); the
    first ones smaller (``FIRST_CHUNK_SIZES``), so that results start to flow sooner."""
    chunk: list[Article] = []
    chars = 0
    cut = 0  # chunks yielded so far
    for article in articles:
        limit = min(size, FIRST_CHUNK_SIZES[cut]) if cut < len(FIRST_CHUNK_SIZES) else size
        if chunk and (len(chunk) >= limit or chars + len(article.text) > max_chars_per_chunk):
            yield chunk
            chunk, chars = [], 0
            cut += 1
        chunk.append(article)
        chars += len(article.text)
    if chunk:
        yield chunk


def vectors_here(chunk: int, share: float | None, *, last: bool = False) -> bool:
    """Whether the worker computes the sentence vectors of chunk number ``chunk`` (from 0), so that
    it does ``share`` (0 to 1) of them, spread evenly; the caller computes the others. The worker
    also takes the ``last`` chunk of the input: it would only wait while the caller, still busy
    storing and linking, embedded it. ``share`` None: nobody needs vectors (no linking)."""
    if share is None:
        return False
    return int((chunk + 1) * share) > int(chunk * share) or last


def pool_outcomes(
    articles: Iterable[Article],
    nlp: Language,
    *,
    workers: int,
    time_limit: float,
    max_chars: int,
    chunk_size: int,
    chunk_chars: int,
    vector_share: float | None = None,
) -> Iterator[tuple[Article, Outcome, int, bool]]:
    """``(article, outcome, chunk number, last of its chunk)`` in input order. Chunks are cut from
    the input order alone; the workers compute the sentence vectors of ``vector_share`` of them and
    of the last one (``vectors_here``)."""
    pool = [_Worker(nlp, max_chars) for _ in range(max(1, workers))]
    queue: deque[Task] = deque()
    source = chunks(articles, chunk_size, chunk_chars)
    upcoming = next(source, None)  # one chunk ahead, to know which chunk is the last
    seq = 0
    done: dict[int, tuple[Article, Outcome]] = {}
    next_out = 0
    busy: dict[int, _Worker] = {}  # index into pool -> worker with a task
    chunk_of: dict[int, int] = {}  # sequence number -> its chunk's number, until yielded
    chunk_ends: set[int] = set()  # sequence numbers of the last article of each chunk, until yielded
    vectors_of: dict[int, bool] = {}  # chunk number -> whether the worker embeds it, until done
    chunk_no = 0

    def next_task() -> Task | None:
        nonlocal upcoming, seq, chunk_no
        if queue:
            return queue.popleft()
        chunk = upcoming
        if chunk is None:
            return None
        upcoming = next(source, None)
        task = [(seq + i, a) for i, a in enumerate(chunk)]
        chunk_of.update((n, chunk_no) for n, _ in task)
        chunk_ends.add(seq + len(chunk) - 1)
        vectors_of[chunk_no] = vectors_here(chunk_no, vector_share, last=upcoming is None)
        seq += len(chunk)
        chunk_no += 1
        return task

    def pop(n: int) -> tuple[Article, Outcome, int, bool]:
        chunk = chunk_of.pop(n)
        last = n in chunk_ends
        if last:
            chunk_ends.discard(n)
            vectors_of.pop(chunk, None)
        return (*done.pop(n), chunk, last)

    def give_up(slot: int, reason: str) -> None:
        worker = pool[slot]
        worker.stop(kill=True)
        pool[slot] = _Worker(nlp, max_chars)
        busy.pop(slot, None)
        # Only the chunk being analysed can hold the culprit; the chunk waiting behind it goes back
        # to the queue whole.
        current, *waiting = worker.tasks or [[]]
        queue.extendleft(reversed(waiting))
        left = sorted((n, a) for n, a in current if n in worker.remaining)
        if len(left) == 1:
            n, article = left[0]
            done[n] = (article, ReadFailure(describe(article), reason))
        else:  # which article was at fault is unknown: retry each alone, in order, first
            queue.extendleft([[item] for item in reversed(left)])

    try:
        while True:
            phase_start = time.monotonic()
            watched = list(busy.values())
            # Keep every worker busy, with its next chunk waiting, but do not run far ahead of
            # results still waiting to go out.
            for _ in range(IN_FLIGHT):
                for slot, worker in enumerate(pool):
                    if len(worker.tasks) >= IN_FLIGHT or (
                        not queue and len(done) > 8 * chunk_size * len(pool)
                    ):
                        continue
                    task = next_task()
                    if task is None:
                        break
                    # a chunk retried one article at a time keeps its chunk's choice
                    worker.send(task, time_limit, vectors_of[chunk_of[task[0][0]]])
                    busy[slot] = worker
            while next_out in done:
                yield pop(next_out)
                next_out += 1
            # Time spent reading input or in the caller (writing) is not time the workers were
            # watched: move the deadlines of those already busy on by as much.
            spent = time.monotonic() - phase_start
            for worker in watched:
                worker.deadline += spent
            if not busy:
                if upcoming is None and not queue:
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
                                worker.finished_one()
                                worker.deadline = time.monotonic() + time_limit
                                if not worker.tasks:
                                    busy.pop(slot)
                                    break
                                continue
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
            yield pop(next_out)
            next_out += 1
    finally:
        for worker in pool:
            worker.stop(kill=bool(worker.remaining))
