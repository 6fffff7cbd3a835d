"""What the CLI tells the user: a progress bar, per-file notes, the summary and the JSONL report.

The progress bar is a few lines of our own: the usual libraries (tqdm, rich)
would be the only runtime dependency of the CLI, for one line of output.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol, TextIO

from ._cli_html import html_report
from ._cli_io import visible, write_atomically
from ._cli_results import DetectResult, FileResult

_BAR_WIDTH = 30
_REDRAW_SECONDS = 0.1
# Encodings whose bytes are already what `dkfix fix` writes.
_UTF8 = frozenset({"utf-8", "ascii"})


class _Reportable(Protocol):
    status: str

    def to_json(self) -> dict[str, object]: ...


class Progress:
    """``[#####.....] 12/40 files, 3.1 MB of 9.8 MB, 1.20 MB/s`` on a terminal, redrawn in place.

    Silent when disabled. Files are counted as their results come in, in input
    order, so with ``--jobs`` a long file holds the count back while the files
    after it are already being worked on.
    """

    def __init__(self, total: int, total_bytes: int, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.total_bytes = total_bytes
        self.done = 0
        self.done_bytes = 0
        self.stream = stream
        self.enabled = enabled and total > 0
        self._started = time.monotonic()
        self._drawn_at = 0.0
        self._width = 0

    def advance(self, size: int = 0) -> None:
        """Count one more file (of `size` bytes) done and redraw, at most ten times a second."""
        self.done += 1
        self.done_bytes += size
        now = time.monotonic()
        if self.enabled and (now - self._drawn_at >= _REDRAW_SECONDS or self.done == self.total):
            self._drawn_at = now
            self._draw()

    def clear(self) -> None:
        """Remove the bar so that other output starts on a clean line."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()

    def redraw(self) -> None:
        """Draw the bar again after other output."""
        if self.enabled and self.done:
            self._draw()

    def _draw(self) -> None:
        filled = _BAR_WIDTH * self.done // self.total
        bar = "#" * filled + "." * (_BAR_WIDTH - filled)
        line = f"[{bar}] {self.done}/{self.total} files"
        if self.total_bytes:
            seconds = time.monotonic() - self._started
            line += f", {amount(self.done_bytes)} of {amount(self.total_bytes)}"
            line += f", {speed(self.done_bytes, seconds)}"
        self._width = max(self._width, len(line))
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()


def note(result: FileResult | DetectResult) -> str | None:
    """The stderr line for a file that was skipped or failed, else None."""
    if result.status in ("skipped", "error"):
        return f"dkfix: {result.status} {visible(result.path)}: {result.reason}"
    return None


def detect_line(result: DetectResult) -> str:
    """One human-readable line for ``dkfix detect``."""
    path = visible(result.path)
    if result.status in ("skipped", "error"):
        return f"{path}: {result.status}: {result.reason}"
    encoding = f"{result.encoding} ({result.confidence or 0:.2f})"
    if result.status == "ok":
        return f"{path}: {encoding}, not broken"
    kinds = ", ".join(f"{kind} {count}" for kind, count in result.findings.items())
    return f"{path}: {encoding}, broken, score {result.score or 0:.4f}: {kinds}"


def json_line(result: _Reportable) -> str:
    """One JSON line; undecodable path characters come out as ``\\udcNN`` escapes."""
    return json.dumps(result.to_json(), ensure_ascii=False)


def report_paths(report: str) -> tuple[str, str]:
    """The JSONL report and the HTML page beside it: ``run.jsonl`` and ``run.html``."""
    stem, extension = os.path.splitext(report)
    return report, (stem if extension.lower() in (".jsonl", ".json") else report) + ".html"


def write_reports(
    paths: Sequence[str], results: Sequence[FileResult], summary: str, *, interrupted: bool
) -> None:
    """Write the JSONL report and its HTML page (`report_paths`) atomically."""
    jsonl, page = paths
    write_report(jsonl, results)
    text = html_report(results, summary, os.path.basename(jsonl), interrupted=interrupted)
    write_atomically(page, text.encode("utf-8", errors="backslashreplace"))


def write_report(path: str, results: Iterable[_Reportable]) -> None:
    """Write the JSONL report atomically (creating its folder)."""
    lines = "".join(json_line(result) + "\n" for result in results)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    write_atomically(path, lines.encode("utf-8", errors="backslashreplace"))


def fix_summary(results: Sequence[FileResult], dry_run: bool, seconds: float) -> str:
    """``dkfix: 12 files: 3 fixed, 8 unchanged, 1 skipped; edits: fix_encoding 40; …``.

    Ends with the size read and the speed, over the files worked on in this run
    (not those a ``--resume`` took from the journal).
    """
    statuses = _counts(result.status for result in results)
    edits: Counter[str] = Counter()
    for result in results:
        edits.update(result.edits)
    line = f"dkfix: {_files(len(results))}"
    if statuses:
        line += ": " + statuses
    if edits:
        line += "; edits: " + _listing(edits)
    # Decoding is itself a repair: a cp865 file whose text needed no edits still changes.
    converted = Counter(r.encoding for r in results if r.encoding and r.encoding not in _UTF8)
    if converted:
        line += "; converted to UTF-8 from: " + _listing(converted)
    resumed = sum(result.resumed for result in results)
    if resumed:
        line += f"; {resumed} finished before (--resume)"
    line += "; " + _throughput(results, seconds)
    if dry_run:
        line += " (dry run: nothing written)"
    return line


def detect_summary(results: Sequence[DetectResult], seconds: float) -> str:
    """``dkfix: 12 files: 2 broken, 10 ok; 3.1 MB in 2.0 s, 1.55 MB/s``."""
    statuses = _counts(result.status for result in results)
    line = f"dkfix: {_files(len(results))}" + (f": {statuses}" if statuses else "")
    return line + "; " + _throughput(results, seconds)


def _throughput(results: Sequence[FileResult | DetectResult], seconds: float) -> str:
    size = sum(
        result.bytes_in or 0
        for result in results
        if not (isinstance(result, FileResult) and result.resumed)
    )
    return f"{amount(size)} in {seconds:.1f} s, {speed(size, seconds)}"


def amount(size: int) -> str:
    """`size` bytes for a person: ``812 B``, ``19.5 kB``, ``35.2 MB``, ``1.20 GB`` (SI units)."""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1e3:.1f} kB"
    if size < 1_000_000_000:
        return f"{size / 1e6:.1f} MB"
    return f"{size / 1e9:.2f} GB"


def speed(size: int, seconds: float) -> str:
    """``1.25 MB/s``; two decimals, since a slow repair may do well under one MB a second."""
    return f"{size / 1e6 / max(seconds, 1e-3):.2f} MB/s"


def _counts(statuses: Iterable[str]) -> str:
    counts = Counter(statuses)
    order = ("fixed", "unchanged", "broken", "ok", "skipped", "error")
    return ", ".join(f"{counts[status]} {status}" for status in order if counts[status])


def _listing(counts: Counter[str]) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


def silence_stdout() -> None:
    """Send stdout to the null device, once its reader has gone."""
    # Later writes, and Python's flush at exit, go nowhere instead of failing again.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def tolerate_unencodable_stdout() -> None:
    """Escape what the terminal cannot show instead of failing on it."""
    # Paths and damaged text may not be encodable in the terminal's encoding.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
