"""dkfix fix when things go wrong: unreadable and unwritable places, loops, a full disk, Ctrl-C.

Whatever happens, the originals keep their bytes, nothing is written outside
--out, no temporary file and no half-written output is left, and the report
says what happened to each file. Root can read and write anything, so
permission errors are simulated where the test suite may run as root.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dkfix import _cli_work, streaming
from dkfix.cli import EXIT_INCOMPLETE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, main
from dkfix.damage import DAMAGES, in_paragraphs

REPO = Path(__file__).resolve().parent.parent
SEEDS = "".join(path.read_text(encoding="utf-8") for path in sorted(REPO.glob("fixtures/seeds/*")))
MOJIBAKE = "Velkommen til KÃ¸benhavn, hvor der bor mange søde mennesker.\n"
CLEAN = "Blåbærgrød med fløde.\n"
PIECE = 4096


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Inputs: a large file of many pieces, small damaged and clean ones, one in a sub-folder."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "big.txt").write_text(in_paragraphs(SEEDS, DAMAGES["utf8-as-cp1252"]), "utf-8")
    (root / "broken.txt").write_text(MOJIBAKE, encoding="utf-8")
    (root / "sub" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streaming, "CHUNK_SIZE", PIECE)


def hashes(folder: Path) -> dict[str, str]:
    """Every file's SHA-256, by path: the originals must keep theirs."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def tree_state(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry (folders and links too) with its kind, size and modification time."""
    state = {}
    for path in sorted(folder.rglob("*")):
        status = path.lstat()
        kind = "link" if path.is_symlink() else "dir" if path.is_dir() else "file"
        state[str(path.relative_to(folder))] = (kind, status.st_size, status.st_mtime_ns)
    return state


def leftovers(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if ".dkfix-" in path.name and path.suffix == ".tmp"]


def report_by_name(path: Path) -> dict[str, dict[str, Any]]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {Path(line["path"]).name: line for line in lines}


def run(tree: Path, tmp_path: Path, *extra: str) -> int:
    report = tmp_path / "run.jsonl"
    return main(["fix", str(tree), "--report", str(report), "--quiet", *extra])


# -- reading ---------------------------------------------------------------------------


def test_a_folder_that_cannot_be_listed_is_an_error_and_the_rest_goes_on(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if str(path).endswith("sub"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert run(tree, tmp_path, "--out", str(tmp_path / "out")) == EXIT_INCOMPLETE
    monkeypatch.undo()
    lines = report_by_name(tmp_path / "run.jsonl")
    assert lines["sub"]["status"] == "error"
    assert lines["sub"]["reason"] == "cannot list folder: Permission denied"
    assert lines["broken.txt"]["status"] == "fixed"


def test_a_read_error_half_way_through_a_file_leaves_no_output(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = hashes(tree)

    class FailingDisk(io.FileIO):
        def readinto(self, buffer: Any) -> int | None:
            if self.tell() > 2 * PIECE:
                raise OSError(errno.EIO, "Input/output error")
            return super().readinto(buffer[: 2 * PIECE])

    def failing_open(path: str, mode: str = "r") -> Any:
        return (
            io.BufferedReader(FailingDisk(path)) if path.endswith("big.txt") else open(path, mode)
        )

    monkeypatch.setattr(_cli_work, "open", failing_open, raising=False)
    out = tmp_path / "out"
    assert run(tree, tmp_path, "--out", str(out)) == EXIT_INCOMPLETE
    lines = report_by_name(tmp_path / "run.jsonl")
    assert lines["big.txt"]["status"] == "error"
    assert lines["big.txt"]["reason"] == "cannot read: Input/output error"
    assert not (out / "big.txt").exists()
    assert (out / "broken.txt").exists()
    assert not leftovers(tmp_path)
    assert hashes(tree) == before


def test_link_loops_of_folders_and_of_files_are_reported_not_followed(
    tree: Path, tmp_path: Path
) -> None:
    (tree / "sub" / "up").symlink_to(tree, target_is_directory=True)  # a folder cycle
    (tree / "a.txt").symlink_to(tree / "b.txt")  # a file cycle
    (tree / "b.txt").symlink_to(tree / "a.txt")
    (tree / "self.txt").symlink_to(tree / "self.txt")
    out = tmp_path / "out"
    argv = [str(tree / "self.txt"), "--out", str(out)]
    assert main(["fix", str(tree), *argv, "--report", str(tmp_path / "run.jsonl")]) == 3
    lines = report_by_name(tmp_path / "run.jsonl")
    assert lines["up"]["status"] == "skipped"
    assert "not followed" in lines["up"]["reason"]
    for name in ("a.txt", "b.txt", "self.txt"):
        assert lines[name]["reason"] == "cannot read: symbolic links in a loop"
    written = sorted(p.name for p in out.rglob("*") if not p.name.startswith("."))
    assert written == ["big.txt", "broken.txt", "clean.txt", "sub"]


# -- writing ---------------------------------------------------------------------------


def test_an_output_folder_that_refuses_writes_is_an_error_per_file(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> Any:
        if str(kwargs.get("dir", "")).endswith("sub"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    out = tmp_path / "out"
    assert run(tree, tmp_path, "--out", str(out)) == EXIT_INCOMPLETE
    lines = report_by_name(tmp_path / "run.jsonl")
    assert lines["clean.txt"]["status"] == "error"
    assert (
        lines["clean.txt"]["reason"]
        == f"cannot write {out / 'sub' / 'clean.txt'}: Permission denied"
    )
    assert lines["big.txt"]["written"] is True


def test_an_out_folder_that_cannot_be_made_is_refused_before_any_work(
    tree: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    argv = ["fix", str(tree), "--out", str(blocker / "out"), "--quiet"]
    assert main(argv) == EXIT_USAGE


def test_a_report_that_cannot_be_written_is_said_and_the_exit_code_shows_it(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    argv = ["fix", str(tree), "--out", str(tmp_path / "out"), "--quiet"]
    assert main([*argv, "--report", str(blocker / "run.jsonl")]) == EXIT_INCOMPLETE
    assert "cannot write the report" in capsys.readouterr().err
    assert (tmp_path / "out" / "big.txt").exists()


class FullDisk(io.RawIOBase):
    """A write stream on a disk with `room` bytes left."""

    def __init__(self, stream: Any, room: int) -> None:
        self.stream, self.room = stream, room

    def write(self, data: Any) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return int(self.stream.write(data))

    def flush(self) -> None:
        self.stream.flush()

    def fileno(self) -> int:
        return int(self.stream.fileno())

    def close(self) -> None:
        self.stream.close()


@pytest.mark.parametrize("when", ["writing", "syncing"])
def test_a_full_disk_leaves_the_old_output_and_no_partial_file(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "big.txt").write_text("the output of an earlier run\n", encoding="utf-8")
    before = hashes(tree)
    real_fdopen, real_fsync = os.fdopen, os.fsync

    def fdopen(descriptor: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = real_fdopen(descriptor, mode, *args, **kwargs)
        return FullDisk(stream, room=3 * PIECE) if mode == "wb" else stream

    def fsync(descriptor: int) -> None:
        if os.fstat(descriptor).st_size > 3 * PIECE:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(descriptor)

    if when == "writing":
        monkeypatch.setattr(os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(os, "fsync", fsync)
    assert run(tree, tmp_path, "--out", str(out)) == EXIT_INCOMPLETE
    monkeypatch.undo()
    lines = report_by_name(tmp_path / "run.jsonl")
    assert lines["big.txt"]["status"] == "error"
    assert lines["big.txt"]["reason"].endswith("No space left on device")
    assert lines["big.txt"]["written"] is False
    assert (out / "big.txt").read_text(encoding="utf-8") == "the output of an earlier run\n"
    assert lines["broken.txt"]["written"] is True  # small files still fit
    assert not leftovers(tmp_path)
    assert hashes(tree) == before


def test_nothing_is_written_outside_out(tree: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "victim.txt").write_text("keep me\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "broken.txt").symlink_to(elsewhere / "victim.txt")  # a file link leading out
    (out / "sub").symlink_to(elsewhere, target_is_directory=True)  # a folder link leading out
    before = tree_state(elsewhere)
    assert main(["fix", str(tree), "--out", str(out), "--quiet"]) == EXIT_INCOMPLETE
    assert tree_state(elsewhere) == before
    assert (out / "broken.txt").is_file() and not (out / "broken.txt").is_symlink()
    dotted = str(tree / "sub" / ".." / "broken.txt")  # ".." in a path given
    assert main(["fix", dotted, "--out", str(tmp_path / "out2"), "--quiet"]) == EXIT_OK
    assert os.listdir(tmp_path / "out2") == ["broken.txt"]
    argv = ["fix", str(tree), "--out", str(tmp_path / "out3"), "--quiet"]
    assert main([*argv, "--report", str(tree / "sub" / ".." / "r.jsonl")]) == EXIT_USAGE
    assert not (tree / "r.jsonl").exists()


def test_a_dry_run_writes_nothing_anywhere(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    before = tree_state(tmp_path)
    for jobs in ("1", "2"):
        argv = ["fix", str(tree), "--dry-run", "--out", str(tmp_path / "out"), "--diff"]
        assert main([*argv, "--jobs", jobs]) == EXIT_OK
    assert "KÃ¸benhavn" in capsys.readouterr().out
    assert tree_state(tmp_path) == before


# -- interruption ----------------------------------------------------------------------


def _wait_for(condition: Any, seconds: float) -> Iterator[None]:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        yield
        time.sleep(0.02)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_mid_run_leaves_whole_files_and_no_temporary_ones(tmp_path: Path, jobs: str) -> None:
    root = tmp_path / "in"
    root.mkdir()
    document = in_paragraphs(SEEDS[:30000], DAMAGES["placeholder-Å"], every=2)
    for index in range(30):
        (root / f"doc{index:02}.txt").write_text(document, encoding="utf-8")
    before = hashes(root)
    out, report = tmp_path / "out", tmp_path / "run.jsonl"
    journal = out / ".dkfix-journal.jsonl"
    argv = [sys.executable, "-m", "dkfix", "fix", str(root), "--out", str(out), "--quiet"]
    child = subprocess.Popen(
        [*argv, "--report", str(report), "--jobs", jobs], stderr=subprocess.PIPE
    )
    try:

        def one_file_done() -> bool:
            return child.poll() is not None or (
                journal.exists() and journal.read_text(encoding="utf-8").count("\n") >= 2
            )

        for _ in _wait_for(one_file_done, 60):
            pass
        child.send_signal(signal.SIGINT)
        _, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == EXIT_INTERRUPTED, stderr
    assert not leftovers(tmp_path)
    lines = report_by_name(report)
    assert 1 <= len(lines) < 30
    written = sorted(path.name for path in out.glob("*.txt"))
    assert written == sorted(lines)  # every output is reported, every reported file written
    for name, line in lines.items():
        assert (out / name).stat().st_size == line["bytes_out"]  # and written whole
    assert hashes(root) == before
