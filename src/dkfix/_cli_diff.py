"""``--diff`` for files of any size: a unified diff made piece by piece, kept on disk when large.

difflib compares two lists of lines held in memory; over a whole file of a
gigabyte that is several gigabytes. The pieces that `dkfix.streaming` cuts at
line ends are compared one at a time instead, with the line numbers of the
hunks counted from the start of the file, so the result reads as one diff.
A diff longer than `_MEMORY_CHARS` characters is kept in a temporary file until the main
process prints it: a worker process cannot hand a stream to its parent, and a
diff as large as the file must not be held in memory either.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import shutil
import tempfile
from typing import IO, TextIO

from ._cli_io import text_lines, visible

_CONTEXT_LINES = 3
# Up to 64 results per worker may wait for their turn (_cli_run): 256K each at most.
_MEMORY_CHARS = 1 << 18
# The diff file holds what the terminal gets; lone surrogates from file names survive.
_DIFF_FILE_ERRORS = "surrogatepass"


class PieceDiff:
    """The unified diff of one file, given its pieces' text before and after repair."""

    def __init__(self, path: str, output: str | None) -> None:
        self._header = f"--- {visible(path)}\n+++ {visible(output or path)}\n"
        self._parts: list[str] = []
        self._held = 0
        self._spill: IO[str] | None = None
        self._line_before = 0
        self._line_after = 0

    def add(self, before: str, after: str) -> None:
        """Compare the next piece; pieces end at line ends, so hunks never straddle two."""
        if before != after:
            for hunk in _hunks(text_lines(before), text_lines(after)):
                self._append(self._renumbered(hunk))
        self._line_before += _line_breaks(before)
        self._line_after += _line_breaks(after)

    def finish(self) -> tuple[str, str | None]:
        """The diff as text, or ("", the name of the file holding it) when it grew large."""
        if self._spill is None:
            return "".join(self._parts), None
        self._spill.close()
        return "", self._spill.name

    def discard(self) -> None:
        """Remove the temporary file, if any (the file failed, or the run was interrupted)."""
        if self._spill is not None:
            self._spill.close()
            remove_quietly(self._spill.name)

    def _renumbered(self, hunk: tuple[int, int, int, int, list[str]]) -> str:
        start_before, length_before, start_after, length_after, lines = hunk
        before = _range(start_before + self._line_before, length_before)
        after = _range(start_after + self._line_after, length_after)
        return f"@@ -{before} +{after} @@\n" + "".join(lines)

    def _append(self, text: str) -> None:
        if not self._parts and self._spill is None:
            text = self._header + text
        if self._spill is not None:
            self._spill.write(text)
            return
        self._parts.append(text)
        self._held += len(text)
        if self._held > _MEMORY_CHARS:
            spill = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed in finish)
                "w",
                encoding="utf-8",
                errors=_DIFF_FILE_ERRORS,
                prefix="dkfix-diff-",
                suffix=".tmp",
                delete=False,
            )
            spill.writelines(self._parts)
            self._spill, self._parts = spill, []


def _hunks(before: list[str], after: list[str]) -> list[tuple[int, int, int, int, list[str]]]:
    """(start, length) before and after, and the lines, of each hunk; as difflib makes them."""
    hunks = []
    matcher = difflib.SequenceMatcher(None, before, after)
    for group in matcher.get_grouped_opcodes(_CONTEXT_LINES):
        lines: list[str] = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(" " + _shown(line) for line in before[i1:i2])
                continue
            lines.extend("-" + _shown(line) for line in before[i1:i2])
            lines.extend("+" + _shown(line) for line in after[j1:j2])
        first, last = group[0], group[-1]
        hunks.append((first[1], last[2] - first[1], first[3], last[4] - first[3], lines))
    return hunks


def _shown(line: str) -> str:
    return visible(line.rstrip("\r\n")) + "\n"


def _range(start: int, length: int) -> str:
    """A hunk range as ``diff -u`` writes it: 1-based, the length only when not 1."""
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _line_breaks(text: str) -> int:
    # Pieces end at line ends; a line cut inside (one longer than several pieces)
    # goes on in the next piece and keeps its number.
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def print_diff_file(name: str, stream: TextIO) -> None:
    """Copy a diff kept on disk to `stream`, then remove it."""
    try:
        with open(name, encoding="utf-8", errors=_DIFF_FILE_ERRORS) as diff:
            shutil.copyfileobj(diff, stream)
        stream.flush()
    finally:
        remove_quietly(name)


def remove_quietly(name: str) -> None:
    """Remove a temporary file that may already be gone."""
    with contextlib.suppress(OSError):
        os.unlink(name)
