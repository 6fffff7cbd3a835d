"""dkfix fix on files of many pieces: bounded memory, the same bytes, diffs, the in-place rules."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from dkfix import _cli_diff, streaming
from dkfix._cli_io import visible
from dkfix.cli import EXIT_INCOMPLETE, EXIT_OK, main
from dkfix.damage import DAMAGES, in_paragraphs

REPO = Path(__file__).resolve().parent.parent
SEEDS = "".join(path.read_text(encoding="utf-8") for path in sorted(REPO.glob("fixtures/seeds/*")))
PIECE = 4096
HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of 4 KiB, so that the seeds make a file of many pieces."""
    monkeypatch.setattr(streaming, "CHUNK_SIZE", PIECE)


def damaged_seeds(every: int = 3) -> str:
    return in_paragraphs(SEEDS, DAMAGES["utf8-as-cp1252"], every=every)


def streamed_text(data: bytes) -> str:
    return "".join(piece.text for piece in streaming.fix_stream(io.BytesIO(data), chunk_size=PIECE))


def apply_unified_diff(before: str, diff: str) -> str:
    """Replay a unified diff (as `dkfix fix --diff` prints it) on `before`'s lines.

    The diff shows control characters as ``\\xNN``, and so does the result.
    """
    old = [visible(line) for line in before.splitlines()]
    new: list[str] = []
    position = 0
    for hunk in HUNK.finditer(diff):
        start = int(hunk.group(1)) - (0 if hunk.group(2) == "0" else 1)
        new.extend(old[position:start])
        position = start
        body = diff[hunk.end() + 1 :].split("\n@@", 1)[0].splitlines()
        for line in body:
            if line.startswith(("---", "+++")):
                break
            if line[:1] in (" ", "-"):
                assert old[position] == line[1:], (position, line)
                position += 1
            if line[:1] in (" ", "+"):
                new.append(line[1:])
    return "\n".join(new + old[position:]) + "\n"


def test_a_file_of_many_pieces_is_written_as_the_pieces_are_fixed(tmp_path: Path) -> None:
    source = tmp_path / "in" / "big.txt"
    source.parent.mkdir()
    data = damaged_seeds().encode("utf-8")
    source.write_bytes(data)
    report = tmp_path / "run.jsonl"
    argv = ["fix", str(source.parent), "--out", str(tmp_path / "out"), "--quiet"]
    assert main([*argv, "--report", str(report)]) == EXIT_OK
    assert (tmp_path / "out" / "big.txt").read_text(encoding="utf-8") == streamed_text(data)
    [line] = [json.loads(text) for text in report.read_text(encoding="utf-8").splitlines()]
    assert line["status"] == "fixed"
    assert line["encoding"] == "utf-8"
    assert line["bytes_in"] == len(data)
    assert line["bytes_out"] == len(streamed_text(data).encode("utf-8"))
    assert line["edits"]["fix_encoding"] > 100


def test_utf16_of_many_pieces_becomes_utf8(tmp_path: Path) -> None:
    source = tmp_path / "in" / "wide.txt"
    source.parent.mkdir()
    source.write_bytes(SEEDS.encode("utf-16"))
    assert main(["fix", str(source), "--out", str(tmp_path / "out"), "--quiet"]) == EXIT_OK
    assert (tmp_path / "out" / "wide.txt").read_text(encoding="utf-8") == streamed_text(
        SEEDS.encode("utf-16")
    )


@pytest.mark.parametrize("spill", [False, True])
def test_the_diff_of_many_pieces_replays_to_the_output(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    spill: bool,
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    if spill:  # a diff this long waits in a temporary file until printed
        monkeypatch.setattr(_cli_diff, "_MEMORY_CHARS", 500)
    text = damaged_seeds(every=2)
    source = tmp_path / "big.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["fix", str(source), "--out", str(out), "--diff", "--quiet"]) == EXIT_OK
    diff = capsys.readouterr().out
    assert diff.startswith(f"--- {source}\n+++ {out / 'big.txt'}\n@@ -")
    assert diff.count("\n--- ") == 0  # one header for the whole file
    fixed = (out / "big.txt").read_text(encoding="utf-8")
    assert apply_unified_diff(text, diff) == "".join(
        visible(line) + "\n" for line in fixed.splitlines()
    )
    assert list(scratch.iterdir()) == []


def test_in_place_a_large_file_that_would_not_change_is_not_rewritten(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Blåbærgrød med fløde.\n\n" * 2000, encoding="utf-8")
    before = clean.stat()
    argv = ["fix", str(clean), "--in-place", "--overwrite-originals", "--quiet"]
    assert main(argv) == EXIT_OK
    after = clean.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_in_place_a_change_in_a_late_piece_keeps_the_pieces_before_it(tmp_path: Path) -> None:
    text = "Blåbærgrød med fløde.\n\n" * 2000 + "Velkommen til KÃ¸benhavn.\n\n" + "Slut.\n\n" * 10
    damaged = tmp_path / "late.txt"
    damaged.write_text(text, encoding="utf-8")
    damaged.chmod(0o640)
    argv = ["fix", str(damaged), "--in-place", "--overwrite-originals", "--quiet"]
    assert main(argv) == EXIT_OK
    assert damaged.read_text(encoding="utf-8") == text.replace("KÃ¸benhavn", "København")
    assert damaged.stat().st_mode & 0o777 == 0o640
    assert [path.name for path in tmp_path.iterdir()] == ["late.txt"]


def test_nul_bytes_in_a_late_piece_skip_the_file_and_leave_no_output(tmp_path: Path) -> None:
    source = tmp_path / "in" / "late-binary.txt"
    source.parent.mkdir()
    source.write_bytes(SEEDS.encode("utf-8") + b"\x00\x01\x02" * 10 + b"\n")
    out = tmp_path / "out"
    report = tmp_path / "run.jsonl"
    argv = ["fix", str(source.parent), "--out", str(out), "--quiet", "--report", str(report)]
    assert main(argv) == EXIT_INCOMPLETE
    [line] = [json.loads(text) for text in report.read_text(encoding="utf-8").splitlines()]
    assert line["status"] == "skipped"
    assert "NUL" in line["reason"]
    assert not [path for path in out.rglob("*") if path.is_file()]


_MEASURE = """
import resource, sys
from dkfix import streaming
streaming.CHUNK_SIZE = 128 * 1024
from dkfix.cli import main
for source, out in zip(sys.argv[1::2], sys.argv[2::2]):
    code = main(["fix", source, "--out", out, "--quiet"])
    print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux")
def test_memory_does_not_grow_with_the_size_of_the_file(tmp_path: Path) -> None:
    # The peak after a small file, then after one four times as large: whole, the
    # larger file would need some 30 MB more; in pieces of 128 KiB, it needs no more.
    # benchmarks/bench_cli.py measures a 40 MB file with the real piece size.
    document = damaged_seeds(every=6) + "\n\n"
    argv = []
    for size in (500_000, 2_000_000):
        source = tmp_path / f"in{size}" / "big.txt"
        source.parent.mkdir()
        source.write_text(document * (size // len(document) + 1), encoding="utf-8")
        argv += [str(source), str(tmp_path / f"out{size}")]
    completed = subprocess.run(
        [sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True, check=True
    )
    (small_code, small_peak), (large_code, large_peak) = (
        line.split() for line in completed.stdout.splitlines()
    )
    assert small_code == large_code == "0", completed.stderr
    assert int(large_peak) - int(small_peak) < 12 * 1024, completed.stdout
    assert int(large_peak) < 600 * 1024


def test_detect_reads_a_file_of_many_pieces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "big.txt"
    source.write_text(SEEDS + damaged_seeds(), encoding="utf-8")
    assert main(["detect", str(source), "--json", "--quiet"]) == 1
    line = json.loads(capsys.readouterr().out)
    assert line["status"] == "broken"
    assert line["encoding"] == "utf-8"
    assert line["findings"]["fix_encoding"] > 100
    assert 0 < line["score"] < 0.5
