"""The CLI's work on one file: read, decode, fix or diagnose, and write the result safely.

These functions run in worker processes under ``--jobs``, so they take and
return plain picklable values and never raise for a problem with one file:
a file that cannot be read or written becomes a result with status ``error``,
and the run goes on with the next one.

Files are read, repaired and written a piece at a time (`dkfix.streaming`), so a
file of any size needs the memory of one piece; a file no larger than a piece is
one piece, decoded and repaired whole.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, TypeVar

from . import lexicon, streaming
from ._cli_diff import PieceDiff
from ._cli_io import BINARY_SAMPLE_SIZE, binary_reason
from ._cli_journal import resumed_result
from ._cli_output import Output, OutputError
from ._cli_plan import Task
from ._cli_results import DetectResult, FileResult
from .config import Config
from .diagnosis import detect
from .edits import Edit

logger = logging.getLogger(__name__)

_P = TypeVar("_P")


@dataclass(frozen=True)
class FixSettings:
    """What `fix_file` does besides fixing: whether it writes, where it may, with what mode."""

    config: Config
    write: bool
    in_place: bool = False
    want_diff: bool = False
    out_root: str | None = None  # resolved --out: nothing is written outside it
    file_mode: int = 0o644


class _Skipped(Exception):
    """A file that is not text: it is skipped with this reason."""


class _Failed(Exception):
    """A file that could not be read or written: an error with this reason."""


def fix_file(task: Task, settings: FixSettings) -> FileResult:
    """Decode, fix and (unless a dry run) write one file; never raises for that file's problems."""
    resumed = resumed_result(task)
    if resumed is not None:
        return resumed
    result = FileResult(task.source, task.output)
    _guarded(result, task, lambda: _fix_into(result, task, settings))
    return result


def _fix_into(result: FileResult, task: Task, settings: FixSettings) -> None:
    output = Output(
        task.source,
        task.output if settings.write else None,
        in_place=settings.in_place,
        mode=settings.file_mode,
        out_root=settings.out_root,
    )
    diff = PieceDiff(task.source, task.output) if settings.want_diff else None
    try:
        with _opened(task.source, result) as source:
            changed = _fix_pieces(source, result, settings.config, output, diff)
            result.written = output.finish()
    except BaseException:
        output.discard()
        if diff is not None:
            diff.discard()
        raise
    result.status = "fixed" if changed else "unchanged"
    if diff is not None:
        result.diff, result.diff_file = diff.finish()
    if result.written and settings.in_place:  # --resume would compare with the new file
        _note_source(result, os.stat(task.source))


def _fix_pieces(
    source: BinaryIO,
    result: FileResult,
    config: Config,
    output: Output,
    diff: PieceDiff | None,
) -> bool:
    """Fix `source` piece by piece into `output`; whether the text changed."""
    edits: Counter[str] = Counter()
    encodings = _Encodings()
    changed = False
    result.bytes_out = 0
    for piece in _read(streaming.fix_stream(source, config, chunk_size=streaming.CHUNK_SIZE)):
        encodings.add(piece.encoding, piece.confidence)
        result.encoding, result.confidence = encodings.label(), encodings.confidence
        _check_text(piece.original, piece.encoding)
        edits.update(edit.kind for edit in piece.edits)
        result.flagged.extend(_flagged(edit) for edit in piece.flagged)
        try:
            encoded = piece.text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise _Skipped(f"text cannot be written as UTF-8: {exc.reason}") from None
        output.write(encoded)
        result.bytes_out += len(encoded)
        changed = changed or piece.text != piece.original
        if diff is not None:
            diff.add(piece.original, piece.text)
    result.edits = dict(sorted(edits.items()))
    return changed


def _flagged(edit: Edit) -> dict[str, object]:
    return {
        "start": edit.start,
        "end": edit.end,
        "original": edit.original,
        "replacement": edit.replacement,
        "confidence": edit.confidence,
    }


# One paragraph with each kind of damage dkfix repairs (and a code page to decode):
# repairing it loads the language data and the lazily imported libraries.
_SAMPLE = (
    "Velkommen til KÃ¸benhavn og K›benhavn. Vi gÅr hjem fÅr jul, og BÅrne- og "
    "Familieudvalget fÅlger Åkonomien pÅ omrÅdet.\n\nVi saa paa kobenhavn, og det var "
    "ogsaa godt at hore om aeblerne paa Aero.\n"
)


def warm_up(config: Config) -> None:
    """Load what repairs need, once, before worker processes are forked from this one.

    Forked workers share the loaded data (some 140 MB) instead of each loading it
    again: less memory, and a second or so less work per worker. The word list is
    read one initial letter at a time on first use, so the sample alone would leave
    most letters for each worker to read again: all of it is read here.
    """
    lexicon.preload()
    for piece in streaming.fix_stream(io.BytesIO(_SAMPLE.encode("cp865", "replace")), config):
        detect(piece.text, config)
    for _ in streaming.fix_stream(io.BytesIO(_SAMPLE.encode("utf-8")), config):
        pass


def detect_file(task: Task, config: Config) -> DetectResult:
    """Decode one file and diagnose its text; reads only."""
    result = DetectResult(task.source)
    _guarded(result, task, lambda: _detect_into(result, task, config))
    return result


def _detect_into(result: DetectResult, task: Task, config: Config) -> None:
    encodings = _Encodings()
    findings: Counter[str] = Counter()
    broken, damaged, length, scores = False, 0.0, 0, []
    with _opened(task.source, result) as source:
        pieces = streaming.decode_stream(source, chunk_size=streaming.CHUNK_SIZE)
        for piece in _read(pieces):
            encodings.add(piece.encoding, piece.confidence)
            _check_text(piece.text, piece.encoding)
            diagnosis = detect(piece.text, config)
            broken = broken or diagnosis.is_broken
            findings.update(diagnosis.kinds())
            damaged += diagnosis.score * len(piece.text)
            length += len(piece.text)
            scores.append(diagnosis.score)
    result.encoding, result.confidence = encodings.label(), encodings.confidence
    result.status = "broken" if broken else "ok"
    # One piece (most files): its score as is; more: the share over all of them.
    result.score = scores[0] if len(scores) == 1 else damaged / max(1, length)
    result.findings = dict(sorted(findings.items()))


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
    except (_Failed, OutputError) as failed:
        result.status, result.reason = "error", str(failed)
    except Exception as exc:  # one odd file must not end a run over thousands
        logger.debug("failed on %s", task.source, exc_info=True)
        result.status, result.reason = "error", f"internal error: {type(exc).__name__}: {exc}"


@contextlib.contextmanager
def _opened(path: str, result: FileResult | DetectResult) -> Iterator[BinaryIO]:
    """The file open for reading, its size noted, after checking that it is text."""
    try:
        source = open(path, "rb")  # noqa: SIM115 (closed below, after the caller's work)
    except OSError as exc:
        raise _Failed(f"cannot read: {exc.strerror or exc}") from None
    with source:
        try:
            status = os.fstat(source.fileno())
            head = source.read(BINARY_SAMPLE_SIZE)
            source.seek(0)
        except OSError as exc:
            raise _Failed(f"cannot read: {exc.strerror or exc}") from None
        result.bytes_in = status.st_size
        if isinstance(result, FileResult):
            _note_source(result, status)
        reason = binary_reason(head)
        if reason:
            raise _Skipped(reason)
        yield source


def _read(pieces: Iterator[_P]) -> Iterator[_P]:
    """`pieces`, with a failure to read the file made the file's error."""
    while True:
        try:
            piece = next(pieces)
        except StopIteration:
            return
        except OSError as exc:
            raise _Failed(f"cannot read: {exc.strerror or exc}") from None
        yield piece


def _check_text(text: str, encoding: str) -> None:
    if "\x00" in text:
        raise _Skipped(f"binary file: NUL characters remain after decoding as {encoding}")


def _note_source(result: FileResult, status: os.stat_result) -> None:
    result.source_size, result.source_mtime_ns = status.st_size, status.st_mtime_ns


class _Encodings:
    """The encodings a file's pieces were read in, named as one (``utf-8+cp1252``)."""

    def __init__(self) -> None:
        self.names: dict[str, None] = {}
        self.confidence = 1.0

    def add(self, encoding: str, confidence: float) -> None:
        if encoding not in self.names:
            self.names[encoding] = None
        self.confidence = min(self.confidence, confidence)

    def label(self) -> str:
        if len(self.names) == 1:  # one piece, or pieces alike: as decode_bytes names it
            return next(iter(self.names))
        parts: dict[str, None] = {}
        for name in self.names:
            if name != "ascii":
                parts.update(dict.fromkeys(name.split("+")))
        return "+".join(parts) or "ascii"
