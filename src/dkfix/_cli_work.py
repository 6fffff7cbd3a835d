"""The CLI's work on one file: read, decode, fix or diagnose, and write the result safely.

These functions run in worker processes under ``--jobs``, so they take and
return plain picklable values and never raise for a problem with one file:
a file that cannot be read or written becomes a result with status ``error``,
and the run goes on with the next one.
"""

from __future__ import annotations

import logging
import os
import stat
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ._cli_io import binary_reason, unified_diff, write_atomically
from ._cli_plan import Task, is_within
from .config import Config
from .decode import Decoded, decode_bytes
from .diagnosis import detect
from .fixing import fix_and_explain

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FixSettings:
    """What `fix_file` does besides fixing: whether it writes, where it may, with what mode."""

    config: Config
    write: bool
    in_place: bool = False
    want_diff: bool = False
    out_root: str | None = None  # resolved --out: nothing is written outside it
    file_mode: int = 0o644


@dataclass
class FileResult:
    """What happened to one file; `to_json` gives its report line."""

    path: str
    output: str | None = None
    status: str = "error"
    reason: str | None = None
    encoding: str | None = None
    confidence: float | None = None
    edits: dict[str, int] = field(default_factory=dict)
    flagged: list[dict[str, object]] = field(default_factory=list)
    bytes_in: int | None = None
    bytes_out: int | None = None
    written: bool = False
    diff: str = ""  # printed with --diff, not part of the report

    def to_json(self) -> dict[str, object]:
        """The report line for a fixed file (see docs/cli.md for the fields)."""
        return {
            "path": self.path,
            "output": self.output,
            "status": self.status,
            "reason": self.reason,
            "encoding": self.encoding,
            "confidence": _rounded(self.confidence),
            "edits": self.edits,
            "flagged": self.flagged,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "written": self.written,
        }


@dataclass
class DetectResult:
    """What `dkfix detect` found in one file."""

    path: str
    status: str = "error"  # ok, broken, skipped or error
    reason: str | None = None
    encoding: str | None = None
    confidence: float | None = None
    score: float | None = None
    findings: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        """The JSON line for one file with ``dkfix detect --json``."""
        return {
            "path": self.path,
            "status": self.status,
            "reason": self.reason,
            "encoding": self.encoding,
            "confidence": _rounded(self.confidence),
            "broken": None if self.score is None else self.status == "broken",
            "score": _rounded(self.score, 6),
            "findings": self.findings,
        }


class _Skipped(Exception):
    """A file that is not text: it is skipped with this reason."""


class _Failed(Exception):
    """A file that could not be read or written: an error with this reason."""


def fix_file(task: Task, settings: FixSettings) -> FileResult:
    """Decode, fix and (unless a dry run) write one file; never raises for that file's problems."""
    result = FileResult(task.source, task.output)
    _guarded(result, task, lambda: _fix_into(result, task, settings))
    return result


def _fix_into(result: FileResult, task: Task, settings: FixSettings) -> None:
    data = read_bytes(task.source)
    decoded = _decode(data, result)
    fixed = fix_and_explain(decoded.text, settings.config)
    result.edits = dict(sorted(Counter(edit.kind for edit in fixed.edits).items()))
    result.flagged = [
        {
            "start": edit.start,
            "end": edit.end,
            "original": edit.original,
            "replacement": edit.replacement,
            "confidence": edit.confidence,
        }
        for edit in fixed.flagged
    ]
    try:
        encoded = fixed.text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _Skipped(f"text cannot be written as UTF-8: {exc.reason}") from None
    result.bytes_out = len(encoded)
    result.status = "fixed" if fixed.text != decoded.text else "unchanged"
    if settings.want_diff and result.status == "fixed":
        result.diff = unified_diff(decoded.text, fixed.text, task.source, task.output)
    # In place, a file whose bytes would not change is left alone entirely.
    if settings.write and task.output and not (settings.in_place and encoded == data):
        _write_output(task, encoded, settings)
        result.written = True


def detect_file(task: Task, config: Config) -> DetectResult:
    """Decode one file and diagnose its text; reads only."""
    result = DetectResult(task.source)
    _guarded(result, task, lambda: _detect_into(result, task, config))
    return result


def _detect_into(result: DetectResult, task: Task, config: Config) -> None:
    decoded = _decode(read_bytes(task.source), result)
    diagnosis = detect(decoded.text, config)
    result.status = "broken" if diagnosis.is_broken else "ok"
    result.score = diagnosis.score
    result.findings = dict(sorted(diagnosis.kinds().items()))


def _guarded(result: FileResult | DetectResult, task: Task, work: Callable[[], None]) -> None:
    """Run `work`; a file skipped or failed (now or while planning) gets its status and reason."""
    if task.skip or task.error:
        result.status, result.reason = (
            ("skipped", task.skip) if task.skip else ("error", task.error)
        )
        return
    try:
        work()
    except _Skipped as skipped:
        result.status, result.reason = "skipped", str(skipped)
    except _Failed as failed:
        result.status, result.reason = "error", str(failed)
    except Exception as exc:  # one odd file must not end a run over thousands
        logger.debug("failed on %s", task.source, exc_info=True)
        result.status, result.reason = "error", f"internal error: {type(exc).__name__}: {exc}"


def read_bytes(path: str) -> bytes:
    """The whole file; a failure becomes the file's error reason."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise _Failed(f"cannot read: {exc.strerror or exc}") from None


def _decode(data: bytes, result: FileResult | DetectResult) -> Decoded:
    if isinstance(result, FileResult):
        result.bytes_in = len(data)
    reason = binary_reason(data)
    if reason:
        raise _Skipped(reason)
    decoded = decode_bytes(data)
    result.encoding, result.confidence = decoded.encoding, decoded.confidence
    if "\x00" in decoded.text:
        raise _Skipped(f"binary file: NUL characters remain after decoding as {decoded.encoding}")
    return decoded


def _write_output(task: Task, data: bytes, settings: FixSettings) -> None:
    assert task.output is not None
    directory = os.path.dirname(task.output) or "."
    try:
        if settings.in_place:
            mode = stat.S_IMODE(os.stat(task.source).st_mode)
        else:
            mode = settings.file_mode
            _make_folder_within(directory, settings.out_root)
        write_atomically(task.output, data, mode)
    except OSError as exc:
        raise _Failed(f"cannot write {task.output}: {exc.strerror or exc}") from None


def _make_folder_within(directory: str, out_root: str | None) -> None:
    """Create `directory`, but never through a link that leads out of --out."""
    existing = directory
    while not os.path.exists(existing):
        existing = os.path.dirname(existing) or "."
    real = os.path.realpath(existing)
    if out_root is not None and not is_within(real, out_root):
        raise _Failed(f"refusing to write {directory}: a link there leads outside --out")
    os.makedirs(directory, exist_ok=True)


def _rounded(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)
