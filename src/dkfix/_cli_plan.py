"""Which files the CLI works on and where each result goes, checked before anything is written.

The plan is made up front, in the main process, so that every refusal (an
output folder inside an input folder, an output that would land on an input)
happens before the first byte is written, and so that the order of the files,
and therefore of the report, is deterministic.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace


class UsageError(Exception):
    """A request the CLI refuses before touching anything (exit code 2)."""


@dataclass(frozen=True)
class Task:
    """One file to work on: where it is, where its result goes, or why it is passed over.

    `skip` and `error` are decided while planning (a symbolic link to a folder,
    a device file, a folder that cannot be listed); the worker reports them as is.
    `size` is the file's size when planned (for progress); `finished` is the
    journal entry of an earlier run that finished the file (``--resume``).
    """

    source: str
    output: str | None = None
    skip: str | None = None
    error: str | None = None
    size: int = 0
    finished: Mapping[str, object] | None = None


@dataclass(frozen=True)
class Selection:
    """Which files inside a folder are taken: hidden ones or not, and name patterns."""

    include_hidden: bool = False
    globs: tuple[str, ...] = ()

    def takes(self, name: str, relative: str) -> bool:
        """A pattern without a slash matches the file name, one with a slash the relative path."""
        if not self.globs:
            return True
        return any(
            fnmatch.fnmatchcase(relative if "/" in pattern else name, pattern)
            for pattern in self.globs
        )


def find_files(paths: Sequence[str], selection: Selection) -> list[tuple[Task, str]]:
    """Every file under `paths`, in order, with its path relative to the root it was found in.

    A file named on the command line is taken whatever its name; inside folders,
    hidden entries and names that do not match `selection` are left out.
    """
    found: list[tuple[Task, str]] = []
    for path in paths:
        if not os.path.lexists(path):
            found.append((Task(path, error="no such file or folder"), os.path.basename(path)))
        elif os.path.isdir(path):
            found.extend(_walk(path, "", selection))
        else:
            found.append((_file_task(path), os.path.basename(path)))
    return found


def _walk(folder: str, relative: str, selection: Selection) -> Iterator[tuple[Task, str]]:
    # os.walk hides listing errors in a callback and orders entries by the file
    # system; a small scandir walk reports both in a deterministic, sorted order.
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield Task(folder, error=f"cannot list folder: {exc.strerror}"), relative
        return
    for entry in entries:
        if entry.name.startswith(".") and not selection.include_hidden:
            continue
        child = f"{relative}/{entry.name}" if relative else entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, child, selection)
        elif entry.is_symlink() and os.path.isdir(entry.path):
            yield Task(entry.path, skip="symbolic link to a folder; not followed"), child
        elif selection.takes(entry.name, child):
            yield _file_task(entry.path), child


def _file_task(path: str) -> Task:
    try:
        status = os.stat(path)
    except OSError as exc:
        return Task(path, error=f"cannot read: {_unreadable(path, exc)}")
    if not stat.S_ISREG(status.st_mode):
        # Reading a FIFO or a device would block or never end.
        return Task(path, skip="not a regular file")
    return Task(path, size=status.st_size)


def _unreadable(path: str, error: OSError) -> str:
    # The system's messages ("No such file or directory", "Too many levels of
    # symbolic links") do not say that a link is what to fix.
    if error.errno == errno.ELOOP:
        return "symbolic links in a loop"
    if os.path.islink(path):
        return "broken symbolic link"
    return error.strerror or str(error)


def plan_outputs(found: Sequence[tuple[Task, str]], out: str) -> list[Task]:
    """Give each file its place under `out`, mirroring its path relative to its root."""
    tasks = []
    seen: set[tuple[str, str]] = set()
    for task, relative in found:
        output = os.path.join(out, *relative.split("/"))
        key = (os.path.realpath(task.source), output)
        if key in seen:  # the same file named twice
            continue
        seen.add(key)
        tasks.append(replace(task, output=output))
    return tasks


def plan_in_place(found: Sequence[tuple[Task, str]]) -> list[Task]:
    """Each file is its own output; links are skipped, since replacing one breaks it."""
    tasks = []
    seen: set[str] = set()
    for task, _ in found:
        real = os.path.realpath(task.source)
        if real in seen:
            continue
        seen.add(real)
        skip = task.skip
        if skip is None and task.error is None and os.path.islink(task.source):
            skip = "symbolic link; --in-place does not replace links"
        tasks.append(replace(task, output=task.source, skip=skip))
    return tasks


def check_out_folder(out: str, roots: Sequence[str], tasks: Sequence[Task]) -> None:
    """Refuse an output folder that overlaps the inputs; see docs/cli.md, "Safety"."""
    if os.path.exists(out) and not os.path.isdir(out):
        raise UsageError(f"--out {out} exists and is not a folder")
    real_out = os.path.realpath(out)
    for root in roots:
        if os.path.isdir(root) and is_within(real_out, os.path.realpath(root)):
            raise UsageError(
                f"--out {out} is, or is inside, the input folder {root}; "
                "choose an output folder outside every input folder"
            )
    inputs = {os.path.realpath(task.source) for task in tasks}
    writers: dict[str, str] = {}
    for task in tasks:
        if task.output is None:
            continue
        real = os.path.realpath(task.output)
        if real in inputs:
            raise UsageError(f"the output {task.output} would replace an input file; refusing")
        if real in writers and writers[real] != task.source:
            raise UsageError(
                f"both {writers[real]} and {task.source} would be written to {task.output}; "
                "give them separately with different --out folders"
            )
        writers[real] = task.source


def check_report_path(report: str, roots: Sequence[str], tasks: Sequence[Task]) -> None:
    """The report must not land on an input, inside an input folder, or on an output."""
    real = os.path.realpath(report)
    if os.path.isdir(report):
        raise UsageError(f"--report {report} is a folder; give a file name")
    for root in roots:
        real_root = os.path.realpath(root)
        if real == real_root or (os.path.isdir(root) and is_within(real, real_root)):
            raise UsageError(f"--report {report} would be written inside the input {root}")
    for task in tasks:
        paths = [task.source] if task.output is None else [task.source, task.output]
        if real in {os.path.realpath(path) for path in paths}:
            raise UsageError(f"--report {report} would replace the file {paths[-1]}")


def check_not_written(path: str, what: str, tasks: Sequence[Task], reports: Sequence[str]) -> None:
    """Refuse a run in which an output or a report would land on `path` (the journal)."""
    real = os.path.realpath(path)
    for task in tasks:
        if task.output is not None and os.path.realpath(task.output) == real:
            raise UsageError(f"the output {task.output} would replace {what} {path}; refusing")
    for report in reports:
        if os.path.realpath(report) == real:
            raise UsageError(f"--report {report} would replace {what} {path}; refusing")


def is_within(path: str, folder: str) -> bool:
    """Whether the (already resolved) `path` is `folder` or lies inside it."""
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives on Windows
        return False
