"""The dkfix command line: safety first (originals untouched, atomic writes), then the features."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dkfix import _cli_io
from dkfix.cli import EXIT_BROKEN, EXIT_INCOMPLETE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, main

REPO = Path(__file__).resolve().parent.parent
MOJIBAKE = "Velkommen til KÃ¸benhavn, hvor der bor mange søde mennesker.\n"
REPAIRED = "Velkommen til København, hvor der bor mange søde mennesker.\n"
CLEAN = "Blåbærgrød med fløde.\n"
CP1252_TEXT = "Blåbærgrød med fløde, æbleskiver og rødgrød med fløde på Ærø.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
REPORT_FIELDS = {
    "path",
    "output",
    "status",
    "reason",
    "encoding",
    "confidence",
    "edits",
    "flagged",
    "bytes_in",
    "bytes_out",
    "written",
}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """An input folder: damaged, clean, nested, hidden and binary files."""
    root = tmp_path / "in"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "broken.txt").write_text(MOJIBAKE, encoding="utf-8")
    (root / "sub" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (root / "sub" / "deeper" / "windows.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (root / ".hidden" / "secret.txt").write_text(MOJIBAKE, encoding="utf-8")
    (root / ".dotfile").write_text(MOJIBAKE, encoding="utf-8")
    return root


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file's bytes, modification time and mode, to prove nothing changed."""
    return {
        str(path.relative_to(folder)): (
            path.read_bytes(),
            path.stat().st_mtime_ns,
            path.stat().st_mode,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def read_report(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- fix --out: mirrored, UTF-8, originals untouched --------------------------------


def test_fix_mirrors_the_tree_in_utf8_and_leaves_originals_untouched(
    tree: Path, tmp_path: Path
) -> None:
    before = snapshot(tree)
    out = tmp_path / "out"
    assert main(["fix", str(tree), "--out", str(out), "--quiet"]) == EXIT_OK
    assert snapshot(tree) == before
    assert files_under(out) == ["broken.txt", "sub/clean.txt", "sub/deeper/windows.txt"]
    assert (out / "broken.txt").read_text(encoding="utf-8") == REPAIRED
    # Unchanged files are written too, so that the output folder is complete.
    assert (out / "sub" / "clean.txt").read_text(encoding="utf-8") == CLEAN
    assert (out / "sub" / "deeper" / "windows.txt").read_text(encoding="utf-8") == CP1252_TEXT


def test_hidden_files_and_globs_select_what_is_taken(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    argv = ["fix", str(tree), "--out", str(out), "--quiet", "--include-hidden", "--glob", "*e*"]
    assert main(argv) == EXIT_OK
    assert files_under(out) == [".dotfile", ".hidden/secret.txt", "broken.txt", "sub/clean.txt"]


def test_a_file_named_on_the_command_line_goes_to_the_top_of_out(
    tree: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert main(["fix", str(tree / "sub" / "clean.txt"), "--out", str(out), "--quiet"]) == 0
    assert files_under(out) == ["clean.txt"]


def test_dry_run_writes_nothing(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(tree)
    out = tmp_path / "out"
    assert main(["fix", str(tree), "--dry-run"]) == EXIT_OK
    assert main(["fix", str(tree), "--dry-run", "--out", str(out)]) == EXIT_OK
    assert not out.exists()
    assert snapshot(tree) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
    assert "dry run: nothing written" in capsys.readouterr().err


# -- refusals: exit code 2, nothing written -----------------------------------------


def test_in_place_alone_is_refused_with_the_second_flag_named(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(tree)
    assert main(["fix", str(tree), "--in-place"]) == EXIT_USAGE
    assert main(["fix", str(tree), "--overwrite-originals"]) == EXIT_USAGE
    assert "--overwrite-originals" in capsys.readouterr().err
    assert snapshot(tree) == before


def test_in_place_with_both_flags_replaces_only_what_changes(tree: Path) -> None:
    (tree / "broken.txt").chmod(0o640)
    before = snapshot(tree)
    argv = ["fix", str(tree), "--in-place", "--overwrite-originals", "--quiet"]
    assert main(argv) == EXIT_OK
    after = snapshot(tree)
    assert after["broken.txt"][0] == REPAIRED.encode("utf-8")
    assert after["broken.txt"][2] == before["broken.txt"][2]  # permissions kept
    assert after["sub/deeper/windows.txt"][0] == CP1252_TEXT.encode("utf-8")
    assert after["sub/clean.txt"] == before["sub/clean.txt"]  # same bytes: not rewritten


@pytest.mark.parametrize("where", [".", "sub", "sub/new"])
def test_out_inside_or_equal_to_the_input_is_refused(
    tree: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(tree)
    assert main(["fix", str(tree), "--out", str(tree / where)]) == EXIT_USAGE
    assert "the input folder" in capsys.readouterr().err
    assert snapshot(tree) == before
    assert not (tree / "sub" / "new").exists()


def test_an_output_that_would_replace_an_input_is_refused(tree: Path) -> None:
    before = snapshot(tree)
    assert main(["fix", str(tree / "broken.txt"), "--out", str(tree)]) == EXIT_USAGE
    assert snapshot(tree) == before


def test_two_inputs_for_one_output_are_refused(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "same.txt").write_text(CLEAN, encoding="utf-8")
    argv = ["fix", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out")]
    assert main(argv) == EXIT_USAGE
    assert not (tmp_path / "out").exists()


def test_a_report_inside_the_input_is_refused(tree: Path, tmp_path: Path) -> None:
    argv = ["fix", str(tree), "--out", str(tmp_path / "out"), "--report", str(tree / "r.jsonl")]
    assert main(argv) == EXIT_USAGE
    assert not (tree / "r.jsonl").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["fix", "somewhere"],  # no destination
        ["fix", "somewhere", "--out", "x", "--in-place", "--overwrite-originals"],
        ["fix", "somewhere", "--dry-run", "--disable", "no_such_fix"],
        [
            "fix",
            "somewhere",
            "--dry-run",
            "--enable",
            "uncurl_quotes",
            "--disable",
            "uncurl_quotes",
        ],
        ["fix", "somewhere", "--dry-run", "--jobs", "-1"],
        ["fix", "somewhere", "--dry-run", "--confidence-threshold", "1.5"],
        ["fix", "somewhere", "--dry-run", "--confidence-threshold", "high"],
        ["fix", "somewhere", "--dry-run", "--enable", "confidence_threshold"],
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    assert main(argv) == EXIT_USAGE


# -- skipped and failed files: reported, the run goes on, exit code 3 --------------


def test_binary_files_are_skipped_with_the_reason_in_the_report(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "picture.png").write_bytes(PNG)
    report = tmp_path / "reports" / "run.jsonl"
    argv = ["fix", str(tree), "--out", str(tmp_path / "out"), "--report", str(report)]
    assert main(argv) == EXIT_INCOMPLETE
    lines = read_report(report)
    assert [Path(str(line["path"])).name for line in lines] == [
        "broken.txt",
        "picture.png",
        "clean.txt",
        "windows.txt",
    ]
    assert all(set(line) == REPORT_FIELDS for line in lines)
    by_name = {Path(str(line["path"])).name: line for line in lines}
    assert by_name["picture.png"]["status"] == "skipped"
    assert "binary" in str(by_name["picture.png"]["reason"])
    assert not (tmp_path / "out" / "picture.png").exists()
    assert by_name["broken.txt"]["status"] == "fixed"
    assert by_name["broken.txt"]["edits"]
    assert by_name["broken.txt"]["encoding"] == "utf-8"
    assert by_name["clean.txt"]["status"] == "unchanged"
    assert by_name["clean.txt"]["bytes_in"] == by_name["clean.txt"]["bytes_out"]
    assert by_name["windows.txt"]["written"] is True
    err = capsys.readouterr().err
    assert "skipped" in err and "picture.png" in err
    assert "1 fixed, 2 unchanged, 1 skipped" in err


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_an_unreadable_file_is_an_error_and_the_run_goes_on(tree: Path, tmp_path: Path) -> None:
    locked = tree / "locked.txt"
    locked.write_text(CLEAN, encoding="utf-8")
    locked.chmod(0)
    report = tmp_path / "run.jsonl"
    try:
        argv = ["fix", str(tree), "--out", str(tmp_path / "out"), "--report", str(report)]
        assert main(argv) == EXIT_INCOMPLETE
    finally:
        locked.chmod(0o644)
    statuses = {Path(str(line["path"])).name: line["status"] for line in read_report(report)}
    assert statuses["locked.txt"] == "error"
    assert statuses["broken.txt"] == "fixed"


def test_a_read_failure_is_an_error_with_its_reason(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root can read anything, so the permission error is simulated.
    real_open = open

    def refusing_open(path: str, *args: object, **kwargs: object) -> object:
        if str(path).endswith("clean.txt"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refusing_open)
    report = tmp_path / "run.jsonl"
    argv = ["fix", str(tree), "--out", str(tmp_path / "out"), "--report", str(report), "--quiet"]
    assert main(argv) == EXIT_INCOMPLETE
    monkeypatch.undo()
    lines = {Path(str(line["path"])).name: line for line in read_report(report)}
    assert lines["clean.txt"]["status"] == "error"
    assert lines["clean.txt"]["reason"] == "cannot read: Permission denied"
    assert lines["windows.txt"]["status"] == "unchanged"


def test_missing_files_broken_links_and_unwritable_outputs_are_errors(
    tree: Path, tmp_path: Path
) -> None:
    (tree / "dangling.txt").symlink_to(tmp_path / "nowhere")
    out = tmp_path / "out"
    (out / "broken.txt").mkdir(parents=True)  # a folder where a file must go
    report = tmp_path / "run.jsonl"
    missing = str(tmp_path / "missing.txt")
    argv = ["fix", str(tree), missing, "--out", str(out), "--report", str(report), "--quiet"]
    assert main(argv) == EXIT_INCOMPLETE
    lines = {Path(str(line["path"])).name: line for line in read_report(report)}
    assert lines["dangling.txt"]["reason"] == "cannot read: broken symbolic link"
    assert lines["missing.txt"]["reason"] == "no such file or folder"
    assert lines["broken.txt"]["status"] == "error"
    assert str(lines["broken.txt"]["reason"]).startswith("cannot write")
    assert (out / "sub" / "clean.txt").exists()


def test_linked_folders_are_not_followed_in_or_out(tree: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "other.txt").write_text(MOJIBAKE, encoding="utf-8")
    (tree / "link").symlink_to(elsewhere, target_is_directory=True)
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(elsewhere, target_is_directory=True)  # a trap inside --out
    report = tmp_path / "run.jsonl"
    argv = ["fix", str(tree), "--out", str(out), "--report", str(report), "--quiet"]
    assert main(argv) == EXIT_INCOMPLETE
    assert sorted(p.name for p in elsewhere.iterdir()) == ["other.txt"]
    lines = {Path(str(line["path"])).name: line for line in read_report(report)}
    assert lines["link"]["status"] == "skipped"
    assert "not followed" in str(lines["link"]["reason"])
    assert "outside --out" in str(lines["clean.txt"]["reason"])


# -- atomic writes ------------------------------------------------------------------


def test_writes_leave_no_temporary_files(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["fix", str(tree), "--out", str(out), "--quiet"]) == EXIT_OK
    assert not [p for p in out.rglob("*") if ".dkfix-" in p.name]


def test_ctrl_c_during_a_write_leaves_no_temporary_file(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(source: str, destination: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    out = tmp_path / "out"
    report = tmp_path / "run.jsonl"
    argv = ["fix", str(tree), "--out", str(out), "--report", str(report), "--quiet"]
    assert main(argv) == EXIT_INTERRUPTED
    monkeypatch.undo()
    assert files_under(out) == []
    assert not [p for p in tmp_path.rglob("*") if ".dkfix-" in p.name]


# -- output: diff, report, progress ---------------------------------------------------


def test_diff_shows_each_changed_file(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["fix", str(tree), "--out", str(out), "--diff", "--quiet"]) == EXIT_OK
    printed = capsys.readouterr().out
    assert printed.splitlines() == [
        f"--- {tree / 'broken.txt'}",
        f"+++ {out / 'broken.txt'}",
        "@@ -1 +1 @@",
        "-" + MOJIBAKE.rstrip("\n"),
        "+" + REPAIRED.rstrip("\n"),
    ]


def test_diff_shows_control_characters_escaped(tmp_path: Path) -> None:
    diff = _cli_io.unified_diff("a\x9bb\r\n", "aøb\r\n", "in", "out")
    assert "-a\\x9bb\n" in diff
    assert "\r" not in diff


def test_quiet_prints_nothing_and_progress_can_be_forced(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fix", str(tree), "--dry-run", "--quiet"]) == EXIT_OK
    assert capsys.readouterr().err == ""
    assert main(["fix", str(tree), "--dry-run", "--progress"]) == EXIT_OK
    assert "3/3 files" in capsys.readouterr().err


def test_options_reach_the_fixes(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "quotes.txt").write_text("“Ｈej”\n", encoding="utf-8")
    assert main(["fix", str(source), "--out", str(tmp_path / "a"), "--quiet"]) == EXIT_OK
    assert (tmp_path / "a" / "quotes.txt").read_text(encoding="utf-8") == "“Hej”\n"
    argv = ["fix", str(source), "--out", str(tmp_path / "b"), "--quiet"]
    argv += ["--enable", "uncurl_quotes", "--disable", "fix_character_width"]
    assert main(argv) == EXIT_OK
    assert (tmp_path / "b" / "quotes.txt").read_text(encoding="utf-8") == '"Ｈej"\n'


def test_number_normalization_is_enabled_by_name(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "tal.txt").write_text("Cirka 300 mio kr og 44,9%\n", encoding="utf-8")
    argv = ["fix", str(source), "--out", str(tmp_path / "a"), "--quiet"]
    assert main([*argv, "--enable", "normalize_numbers"]) == EXIT_OK
    fixed = (tmp_path / "a" / "tal.txt").read_text(encoding="utf-8")
    assert fixed == "Cirka 300 mio. kr. og 44,9 %\n"


def test_unsure_restorations_are_flagged_or_left(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    damaged = "Vi gÅr hjem fÅr jul, og BÅrne- og Familieudvalget fÅlger Åkonomien pÅ omrÅdet.\n"
    (source / "punkt.txt").write_text(damaged, encoding="utf-8")
    argv = ["fix", str(source), "--quiet", "--confidence-threshold", "1"]
    assert main([*argv, "--out", str(tmp_path / "a"), "--report", str(tmp_path / "a.jsonl")]) == 0
    [line] = read_report(tmp_path / "a.jsonl")
    flagged = line["flagged"]
    assert isinstance(flagged, list) and flagged
    assert all(entry["confidence"] < 1 for entry in flagged)
    assert "Å" not in (tmp_path / "a" / "punkt.txt").read_text(encoding="utf-8")
    assert main([*argv, "--out", str(tmp_path / "b"), "--leave-unsure"]) == EXIT_OK
    left = (tmp_path / "b" / "punkt.txt").read_text(encoding="utf-8")
    assert {word for word in left.split() if "Å" in word} <= {e["original"] for e in flagged}
    assert "følger" in left


def test_two_jobs_give_the_same_output_and_report_as_one(tree: Path, tmp_path: Path) -> None:
    (tree / "picture.png").write_bytes(PNG)
    for index in range(6):
        (tree / f"extra{index}.txt").write_text(MOJIBAKE * index, encoding="utf-8")
    reports = []
    for jobs in ("1", "2"):
        out, report = tmp_path / f"out{jobs}", tmp_path / f"report{jobs}.jsonl"
        argv = ["fix", str(tree), "--out", str(out), "--report", str(report), "--quiet"]
        assert main([*argv, "--jobs", jobs]) == EXIT_INCOMPLETE
        reports.append(report.read_text(encoding="utf-8").replace(str(out), "OUT"))
    assert snapshot(tmp_path / "out1").keys() == snapshot(tmp_path / "out2").keys()
    for name in files_under(tmp_path / "out1"):
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes()
    assert reports[0] == reports[1]


# -- detect -----------------------------------------------------------------------


def test_detect_exit_codes_and_json(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(tree)
    assert main(["detect", str(tree / "sub"), "--quiet"]) == EXIT_OK
    assert main(["detect", str(tree), "--quiet"]) == EXIT_BROKEN
    capsys.readouterr()
    assert main(["detect", str(tree), "--json", "--quiet"]) == EXIT_BROKEN
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["status"] for line in lines] == ["broken", "ok", "ok"]
    assert lines[0]["broken"] is True
    assert lines[0]["findings"]
    (tree / "picture.png").write_bytes(PNG)
    assert main(["detect", str(tree), "--quiet"]) == EXIT_INCOMPLETE
    assert "picture.png: skipped: binary file" in capsys.readouterr().out
    (tree / "picture.png").unlink()
    assert snapshot(tree) == before


def test_binary_detection() -> None:
    assert _cli_io.binary_reason("Blåbærgrød".encode("utf-16-le")) is None
    assert _cli_io.binary_reason("Blåbærgrød".encode("utf-32")) is None
    assert _cli_io.binary_reason(CP1252_TEXT.encode("cp865") + b"\x1a") is None
    assert _cli_io.binary_reason(b"") is None
    assert _cli_io.binary_reason(PNG) == "binary file: contains NUL bytes"
    assert "control bytes" in str(_cli_io.binary_reason(bytes(range(1, 32)) * 4))


# -- entry points and the demo -------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("dkfix ")


def test_python_dash_m_runs_the_cli(tree: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "dkfix", "detect", "--json", str(tree / "broken.txt")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert completed.returncode == EXIT_BROKEN, completed.stderr
    assert json.loads(completed.stdout)["status"] == "broken"
    assert "1 broken" in completed.stderr


def test_the_committed_demo_files_are_what_the_script_makes(tmp_path: Path) -> None:
    script = REPO / "scripts" / "make_demo.py"
    completed = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)],
        capture_output=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    committed = REPO / "fixtures" / "demo"
    made = files_under(tmp_path)
    assert made == [name for name in files_under(committed) if name != "README.md"]
    for name in made:
        assert (tmp_path / name).read_bytes() == (committed / name).read_bytes(), name
