"""Where the repaired bytes of one file go as they are made: nowhere, a new file, or the original.

Pieces arrive one by one (`dkfix.streaming`), so the output is written as it
comes, to the temporary file of an atomic write. In place, a file whose bytes
would not change is left alone entirely: its pieces are compared with the
original as they come, and the temporary file is only started (with the equal
part copied from the original) at the first difference.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from typing import BinaryIO, TypeVar

from ._cli_io import AtomicOutput
from ._cli_plan import is_within

_COPY_BLOCK = 1 << 20
_T = TypeVar("_T")


class OutputError(Exception):
    """The output could not be written; the message says why, for the report."""


class Output:
    """The destination of one file's repaired bytes; call `finish` at the end, else `discard`."""

    def __init__(
        self, source: str, path: str | None, *, in_place: bool, mode: int, out_root: str | None
    ) -> None:
        self.source = source
        self.path = path  # None: a dry run, nothing is written
        self.in_place = in_place
        self.mode = mode
        self.out_root = out_root
        self._file: AtomicOutput | None = None
        self._original: BinaryIO | None = None
        self._same = 0  # in place: bytes so far equal to the original's
        if path is not None and in_place:
            self._original = self._guarded(lambda: open(source, "rb"))  # noqa: SIM115

    def write(self, data: bytes) -> None:
        """Add the next `data` to the output."""
        if self.path is None:
            return
        if self._file is None and self._original is not None:
            if self._original.read(len(data)) == data:
                self._same += len(data)
                return
            self._start()
        elif self._file is None:
            self._start()
        assert self._file is not None
        file = self._file
        self._guarded(lambda: file.write(data))

    def finish(self) -> bool:
        """Put the output in place; whether anything was written."""
        if self.path is None:
            return False
        if self._file is None and self._original is not None:
            if not self._original.read(1):  # every byte the same: leave the original alone
                self._close_original()
                return False
            self._start()
        elif self._file is None:
            self._start()
        assert self._file is not None
        file = self._file
        self._guarded(file.commit)
        self._close_original()
        return True

    def discard(self) -> None:
        """Give up: the destination keeps what it had and no temporary file remains."""
        if self._file is not None:
            self._file.discard()
        self._close_original()

    def _start(self) -> None:
        assert self.path is not None
        path = self.path
        if self.in_place:
            mode = stat.S_IMODE(self._guarded(lambda: os.stat(self.source)).st_mode)
        else:
            mode = self.mode
            self._guarded(lambda: make_folder_within(os.path.dirname(path) or ".", self.out_root))
        self._file = self._guarded(lambda: AtomicOutput(path, mode))
        if self._same:
            self._guarded(self._copy_same_part)

    def _copy_same_part(self) -> None:
        assert self._file is not None
        with open(self.source, "rb") as original:
            left = self._same
            while left:
                block = original.read(min(left, _COPY_BLOCK))
                if not block:
                    raise OSError("the file became shorter while it was read")
                self._file.write(block)
                left -= len(block)

    def _close_original(self) -> None:
        if self._original is not None:
            with contextlib.suppress(OSError):
                self._original.close()
            self._original = None

    def _guarded(self, action: Callable[[], _T]) -> _T:
        try:
            return action()
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from None


def make_folder_within(directory: str, out_root: str | None) -> None:
    """Create `directory`, but never through a link that leads out of --out."""
    existing = directory
    while not os.path.exists(existing):
        existing = os.path.dirname(existing) or "."
    real = os.path.realpath(existing)
    if out_root is not None and not is_within(real, out_root):
        raise OutputError(f"refusing to write {directory}: a link there leads outside --out")
    os.makedirs(directory, exist_ok=True)
