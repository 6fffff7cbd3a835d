"""The journal of finished files, which lets ``dkfix fix --out DIR --resume`` go on after a stop.

Every ``--out`` run keeps ``DIR/.dkfix-journal.jsonl`` while it works: a first
line with the settings of the run, then one line per finished file (fixed or
unchanged), appended and flushed as soon as the file is written. A run that gets
through every file removes it, unless some file failed (a resumed run tries
those again); so the journal stays only where there is something left to do.
A line says which source it was (its resolved path, size and modification time)
and holds the file's report line. With ``--resume``, a file whose source is
unchanged and whose output is still there with the size written is not done
again: its report line is taken from the journal, so the report of a resumed run
is the report of a run that was never interrupted.

Lines are only ever appended after the output is in place, so a line is never
there for a file that is not; a line lost to a crash (or cut short) only means
that file is done again. Skipped and failed files are not journalled: a resumed
run tries them again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
from collections.abc import Mapping
from typing import TextIO

from .__about__ import __version__
from ._cli_plan import Task, UsageError
from ._cli_results import FINISHED, REPORT_FIELDS, FileResult
from .config import Config

JOURNAL_NAME = ".dkfix-journal.jsonl"
_FORMAT = 1


def journal_path(out: str) -> str:
    """Where the journal of a run into `out` is kept."""
    return os.path.join(out, JOURNAL_NAME)


def journal_header(config: Config, out: str) -> dict[str, object]:
    """The settings a resumed run must share with the run it resumes."""
    header = {
        "dkfix_journal": _FORMAT,
        "dkfix": __version__,
        "out": os.path.realpath(out),
        "config": dataclasses.asdict(config),
    }
    # Compared with the header read back from JSON, so compare it as JSON too.
    loaded: dict[str, object] = json.loads(json.dumps(header))
    return loaded


def read_journal(path: str, header: Mapping[str, object]) -> dict[str, Mapping[str, object]]:
    """The finished files recorded in the journal at `path`, by resolved source path.

    A journal written with other settings is refused: its files were repaired
    differently, and mixing them would give a folder no single run makes.
    """
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as journal:
            lines = journal.read().splitlines()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise UsageError(f"cannot read the journal {path} for --resume: {exc.strerror}") from None
    if not lines or _parsed(lines[0]) != header:
        raise UsageError(
            f"the journal {path} was written by a run with other settings (fixes, options or "
            "dkfix version); to start over, run without --resume"
        )
    entries: dict[str, Mapping[str, object]] = {}
    for line in lines[1:]:
        entry = _parsed(line)
        if entry is not None and isinstance(entry.get("source"), str):
            entries[str(entry["source"])] = entry
    return entries


def _parsed(line: str) -> dict[str, object] | None:
    try:
        value = json.loads(line)
    except json.JSONDecodeError:
        return None  # the last line, cut short by a crash
    return value if isinstance(value, dict) else None


def with_finished(tasks: list[Task], entries: Mapping[str, Mapping[str, object]]) -> list[Task]:
    """`tasks`, each with the journal entry of its source (if any and for the same output)."""
    resumable = []
    for task in tasks:
        entry = entries.get(os.path.realpath(task.source))
        output = None if task.output is None else os.path.realpath(task.output)
        if entry is not None and output is not None and entry.get("output") == output:
            resumable.append(dataclasses.replace(task, finished=entry))
        else:
            resumable.append(task)
    return resumable


def resumed_result(task: Task) -> FileResult | None:
    """The journalled result of `task`, if its source and output are as the journal left them."""
    entry = task.finished
    line = None if entry is None else entry.get("line")
    if entry is None or task.output is None or not isinstance(line, dict):
        return None
    if not _unchanged(task.source, task.output, entry, line):
        return None
    fields = {name: line[name] for name in REPORT_FIELDS if name in line}
    fields.update(path=task.source, output=task.output)
    try:
        return FileResult(**fields, resumed=True)
    except TypeError:  # a journal line not written by this version
        return None


def _unchanged(
    source: str, output: str, entry: Mapping[str, object], line: Mapping[str, object]
) -> bool:
    """The source is as it was read and the output is there, with the size it was written."""
    try:
        status = os.stat(source)
        output_size = os.stat(output).st_size if line.get("written") else None
    except OSError:
        return False
    if (status.st_size, status.st_mtime_ns) != (entry.get("size"), entry.get("mtime_ns")):
        return False
    return output_size is None or output_size == line.get("bytes_out")


class Journal:
    """The journal being written: `record` appends a finished file and flushes it."""

    def __init__(self, path: str, header: Mapping[str, object], *, recorded: int) -> None:
        """Open the journal at `path`; go on with it if it already `recorded` finished files."""
        self.path = path
        self.recorded = recorded
        append = recorded > 0
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        # Never through a link: the journal lives inside --out, and so must its writes.
        flags |= getattr(os, "O_NOFOLLOW", 0)
        try:
            descriptor = os.open(path, flags, 0o644)
        except OSError as exc:
            raise UsageError(f"cannot write the journal {path}: {exc.strerror}") from None
        self._stream: TextIO = os.fdopen(
            descriptor, "a", encoding="utf-8", errors="surrogateescape"
        )
        if not append:
            self._write(header)

    def record(self, result: FileResult) -> None:
        """Note `result` if its file is finished (and was not itself taken from the journal)."""
        if result.resumed or result.status not in FINISHED or result.output is None:
            return
        self.recorded += 1
        self._write(
            {
                "source": os.path.realpath(result.path),
                "output": os.path.realpath(result.output),
                "size": result.source_size,
                "mtime_ns": result.source_mtime_ns,
                "line": result.to_json(),
            }
        )

    def close(self, *, keep: bool) -> None:
        """Close the journal (its lines are already flushed), and remove it unless `keep`.

        A journal without a finished file is removed anyway: resuming from it is starting over.
        """
        with contextlib.suppress(OSError):
            self._stream.close()
        if not (keep and self.recorded):
            with contextlib.suppress(OSError):
                os.unlink(self.path)

    def _write(self, entry: Mapping[str, object]) -> None:
        # A journal that cannot be written only makes a later --resume do more work;
        # the run itself goes on.
        with contextlib.suppress(OSError):
            self._stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._stream.flush()
