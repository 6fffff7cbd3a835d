"""Working through the files in input order, in this process or in a pool of processes.

Ctrl-C is handled so that the report tells the truth: worker processes ignore
it, files not yet started are dropped, files being worked on are finished (their
writes are atomic either way) and their results are kept, so every file written
is a file reported.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TypeVar

from ._cli_plan import Task

R = TypeVar("R")
# Files queued but not yet finished, per worker: enough to keep the workers busy,
# few enough that a run over a million files does not queue a million futures.
_QUEUED_PER_JOB = 8
# Results are taken in input order; while a long file holds up the first place, the
# workers go on with the files after it, and this many results per worker may wait.
_AHEAD_PER_JOB = 64


def run_in_order(
    tasks: Sequence[Task],
    work: Callable[[Task], R],
    jobs: int,
    results: list[R],
    on_result: Callable[[R], None],
    *,
    warm_up: Callable[[], None] | None = None,
) -> None:
    """Append `work(task)` for each task to `results`, in input order, calling `on_result`.

    With more than one job, `warm_up` is called before the worker processes are
    forked from this one, so that they share what it loads (where processes are
    forked: not on Windows or macOS, where each worker starts afresh).
    On Ctrl-C, `results` holds every finished file, and KeyboardInterrupt is raised again.
    """
    if jobs == 1 or len(tasks) < 2:
        for task in tasks:
            results.append(work(task))
            on_result(results[-1])
        return
    if warm_up is not None and multiprocessing.get_start_method() == "fork":
        warm_up()
    _run_in_pool(tasks, work, min(jobs, len(tasks)), results, on_result)


def _run_in_pool(
    tasks: Sequence[Task],
    work: Callable[[Task], R],
    jobs: int,
    results: list[R],
    on_result: Callable[[R], None],
) -> None:
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_ctrl_c)
    window: deque[tuple[int, Future[R]]] = deque()
    upcoming = iter(enumerate(tasks, start=len(results)))
    try:
        _refill(pool, work, window, upcoming, jobs)
        while window:
            future = window[0][1]
            if not future.done():
                wait([f for _, f in window if not f.done()], return_when=FIRST_COMPLETED)
                _refill(pool, work, window, upcoming, jobs)
                continue
            results.append(future.result())
            window.popleft()
            on_result(results[-1])
            _refill(pool, work, window, upcoming, jobs)
    except KeyboardInterrupt:
        _finish_started(window, results, on_result)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _refill(
    pool: ProcessPoolExecutor,
    work: Callable[[Task], R],
    window: deque[tuple[int, Future[R]]],
    upcoming: Iterator[tuple[int, Task]],
    jobs: int,
) -> None:
    """Queue more files while few are unfinished and not too many results wait their turn."""
    unfinished = sum(not future.done() for _, future in window)
    while unfinished < jobs * _QUEUED_PER_JOB and len(window) < jobs * _AHEAD_PER_JOB:
        item = next(upcoming, None)
        if item is None:
            return
        window.append((item[0], pool.submit(work, item[1])))
        unfinished += 1


def _finish_started(
    window: deque[tuple[int, Future[R]]], results: list[R], on_result: Callable[[R], None]
) -> None:
    for _, future in window:
        future.cancel()  # succeeds only for files not yet started
    for index, future in window:
        # The interrupt may have come between taking a result and dropping its future.
        if index < len(results) or future.cancelled() or future.exception() is not None:
            continue
        results.append(future.result())
        on_result(results[-1])


def _ignore_ctrl_c() -> None:
    # Ctrl-C reaches every process of the terminal's process group; only the main
    # process acts on it, so that no worker dies half-way through a file.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
