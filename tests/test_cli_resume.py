"""dkfix fix --resume: an interrupted run goes on without redoing finished files."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from dkfix import cli
from dkfix._cli_journal import JOURNAL_NAME
from dkfix._cli_plan import Task
from dkfix._cli_results import FileResult
from dkfix.cli import EXIT_INCOMPLETE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, main

MOJIBAKE = "Velkommen til KÃ¸benhavn, hvor der bor mange søde mennesker.\n"
CLEAN = "Blåbærgrød med fløde.\n"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for index in range(8):
        text = MOJIBAKE * (index + 1) if index % 2 else CLEAN * (index + 1)
        folder = root / "sub" if index >= 4 else root
        (folder / f"file{index}.txt").write_text(text, encoding="utf-8")
    (root / "cp1252.txt").write_bytes("Rødgrød med fløde på Ærø.\n".encode("cp1252"))
    return root


def interrupt_after(count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the run stop with Ctrl-C once `count` files are done."""
    real: Callable[..., FileResult] = cli.fix_file
    done = []

    def fix_file(task: Task, settings: object) -> FileResult:
        if len(done) == count:
            raise KeyboardInterrupt
        done.append(task)
        return real(task, settings)

    monkeypatch.setattr(cli, "fix_file", fix_file)


def outputs(out: Path) -> dict[str, tuple[bytes, int, int]]:
    """Each output's bytes, inode and modification time: a rewrite changes the last two."""
    return {
        str(path.relative_to(out)): (path.read_bytes(), path.stat().st_ino, path.stat().st_mtime_ns)
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


def report_lines(path: Path, out: Path) -> list[dict[str, object]]:
    text = path.read_text(encoding="utf-8").replace(str(out), "OUT")
    return [json.loads(line) for line in text.splitlines()]


def run(inputs: Path, out: Path, report: Path, *extra: str) -> int:
    return main(["fix", str(inputs), "--out", str(out), "--report", str(report), "--quiet", *extra])


def test_an_interrupted_run_resumes_where_it_stopped(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole_out, whole_report = tmp_path / "whole", tmp_path / "whole.jsonl"
    assert run(inputs, whole_out, whole_report) == EXIT_OK
    assert not (whole_out / JOURNAL_NAME).exists()  # done: nothing left to resume

    out, report = tmp_path / "out", tmp_path / "run.jsonl"
    interrupt_after(4, monkeypatch)
    assert run(inputs, out, report) == EXIT_INTERRUPTED
    monkeypatch.undo()
    assert len(report_lines(report, out)) == 4
    journal = (out / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
    assert len(journal) == 1 + 4  # the settings, then one line per finished file
    finished = outputs(out)
    journal_file = out / JOURNAL_NAME
    del finished[JOURNAL_NAME]
    assert len(finished) == 4

    assert run(inputs, out, report, "--resume") == EXIT_OK
    after = outputs(out)
    for name, before in finished.items():
        assert after[name] == before, f"{name} was written again"
    assert {name: data for name, (data, _, _) in after.items()} == {
        name: data for name, (data, _, _) in outputs(whole_out).items()
    }
    assert report_lines(report, out) == report_lines(whole_report, whole_out)
    assert not journal_file.exists()


def test_a_changed_source_or_a_missing_output_is_done_again(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, report = tmp_path / "out", tmp_path / "run.jsonl"
    interrupt_after(5, monkeypatch)
    assert run(inputs, out, report) == EXIT_INTERRUPTED
    monkeypatch.undo()
    (inputs / "file0.txt").write_text(MOJIBAKE, encoding="utf-8")  # was clean
    (out / "file1.txt").unlink()
    assert run(inputs, out, report, "--resume") == EXIT_OK
    assert (out / "file0.txt").read_text(encoding="utf-8") == MOJIBAKE.replace(
        "KÃ¸benhavn", "København"
    )
    assert (out / "file1.txt").exists()
    lines = {Path(str(line["path"])).name: line for line in report_lines(report, out)}
    assert lines["file0.txt"]["status"] == "fixed"
    assert len(lines) == 9


def test_a_failed_file_is_tried_again_and_only_it(inputs: Path, tmp_path: Path) -> None:
    out, report = tmp_path / "out", tmp_path / "run.jsonl"
    (out / "file3.txt").mkdir(parents=True)  # a folder where the output must go
    assert run(inputs, out, report) == EXIT_INCOMPLETE
    assert (out / JOURNAL_NAME).exists()  # kept: there is something left to do
    before = outputs(out)
    (out / "file3.txt").rmdir()
    assert run(inputs, out, report, "--resume") == EXIT_OK
    after = outputs(out)
    assert set(after) - set(before) == {"file3.txt"}
    assert all(after[name] == before[name] for name in before if name != JOURNAL_NAME)
    assert all(line["status"] != "error" for line in report_lines(report, out))


def test_resume_refuses_a_journal_of_other_settings(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, report = tmp_path / "out", tmp_path / "run.jsonl"
    interrupt_after(2, monkeypatch)
    assert run(inputs, out, report) == EXIT_INTERRUPTED
    monkeypatch.undo()
    before = outputs(out)
    assert run(inputs, out, report, "--resume", "--enable", "uncurl_quotes") == EXIT_USAGE
    assert outputs(out) == before


@pytest.mark.parametrize(
    "where", [["--dry-run"], ["--in-place", "--overwrite-originals"], ["--dry-run", "--out", "x"]]
)
def test_resume_needs_an_out_folder_to_write(
    inputs: Path, where: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix", str(inputs), "--resume", *where]) == EXIT_USAGE
    assert "--resume" in capsys.readouterr().err


def test_an_input_named_like_the_journal_is_refused(tmp_path: Path) -> None:
    source = tmp_path / JOURNAL_NAME
    source.write_text(CLEAN, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["fix", str(source), "--out", str(out), "--quiet"]) == EXIT_USAGE
    assert not out.exists() or not os.listdir(out)
