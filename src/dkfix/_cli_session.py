"""One run of the CLI over its files: the work loop and what it shows as results come in.

Results come in input order, from this process or from worker processes; for
each one the progress bar advances, its diff or detect line goes to stdout, a
note on a skipped or failed file goes to stderr, and the journal (``--out``) is
told of it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

from . import _cli_report as report
from ._cli_diff import print_diff_file, remove_quietly
from ._cli_plan import Task
from ._cli_results import DetectResult, FileResult
from ._cli_run import run_in_order

R = TypeVar("R", FileResult, DetectResult)
# Below this many files a progress bar would only flicker.
_PROGRESS_MIN_FILES = 20


def work_through(
    tasks: Sequence[Task],
    work: Callable[[Task], R],
    args: argparse.Namespace,
    results: list[R],
    *,
    record: Callable[[R], None] | None = None,
    warm_up: Callable[[], None] | None = None,
) -> None:
    """Work through `tasks` into `results`, showing progress, notes, diffs and detect lines.

    `record` is called with each result once it has been shown (the journal);
    `warm_up` before worker processes start (`run_in_order`).
    """
    show_bar = args.progress or (
        not args.quiet and len(tasks) >= _PROGRESS_MIN_FILES and sys.stderr.isatty()
    )
    total_bytes = sum(task.size for task in tasks)
    progress = report.Progress(len(tasks), total_bytes, sys.stderr, show_bar)

    def on_result(result: R) -> None:
        progress.advance(result.bytes_in or 0)
        try:
            _show(result, args, progress)
        except BrokenPipeError:
            # The reader of stdout has gone (`dkfix fix --diff | head`): stop as on Ctrl-C.
            report.silence_stdout()
            raise KeyboardInterrupt from None
        finally:
            if isinstance(result, FileResult) and result.diff_file:
                remove_quietly(result.diff_file)
        if record is not None:
            record(result)

    try:
        run_in_order(tasks, work, args.jobs, results, on_result, warm_up=warm_up)
    finally:
        progress.clear()


def _show(
    result: FileResult | DetectResult, args: argparse.Namespace, progress: report.Progress
) -> None:
    lines: list[tuple[str, bool]] = []  # (text, to stdout)
    diff_file = None
    if isinstance(result, DetectResult):
        text = report.json_line(result) if args.json else report.detect_line(result)
        lines.append((text, True))
    else:
        if result.diff:
            lines.append((result.diff.rstrip("\n"), True))
        diff_file = result.diff_file
        message = report.note(result)
        if message and not args.quiet:
            lines.append((message, False))
    if not lines and not diff_file:
        return
    progress.clear()
    if diff_file:
        print_diff_file(diff_file, sys.stdout)
    for text, to_stdout in lines:
        print(text, file=sys.stdout if to_stdout else sys.stderr, flush=True)
    progress.redraw()


def incomplete(results: Sequence[FileResult | DetectResult]) -> bool:
    """Whether some file was skipped or failed (exit code 3)."""
    return any(result.status in ("skipped", "error") for result in results)
