"""What the CLI found out about one file: the results that workers return and reports list.

Plain dataclasses, so that they pickle between processes and are written as
JSON lines by `to_json`; the fields outside `to_json` serve the run itself
(the diff to print, the journal of finished files), not the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The statuses of a file that is done: `--resume` does not do it again.
FINISHED = frozenset({"fixed", "unchanged"})


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
    # Not in the report:
    diff: str = ""  # printed with --diff
    diff_file: str | None = None  # a long diff, kept in a temporary file until printed
    source_size: int | None = None  # the source as read (as written, in place), for --resume
    source_mtime_ns: int | None = None
    resumed: bool = False  # finished by an earlier run, taken from its journal

    def to_json(self) -> dict[str, object]:
        """The report line for a fixed file (see docs/cli.md for the fields)."""
        return {
            "path": self.path,
            "output": self.output,
            "status": self.status,
            "reason": self.reason,
            "encoding": self.encoding,
            "confidence": rounded(self.confidence),
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
    bytes_in: int | None = None  # not in the JSON line; for the summary's speed

    def to_json(self) -> dict[str, object]:
        """The JSON line for one file with ``dkfix detect --json``."""
        return {
            "path": self.path,
            "status": self.status,
            "reason": self.reason,
            "encoding": self.encoding,
            "confidence": rounded(self.confidence),
            "broken": None if self.score is None else self.status == "broken",
            "score": rounded(self.score, 6),
            "findings": self.findings,
        }


def rounded(value: float | None, digits: int = 3) -> float | None:
    """`value` rounded for the report, None kept."""
    return None if value is None else round(value, digits)


# The report fields that `FileResult` takes back from a journal line.
REPORT_FIELDS = tuple(FileResult("").to_json())
