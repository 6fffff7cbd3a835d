"""The ``dkfix`` command: repair or diagnose folders of documents of unknown encodings.

Read-only by default. ``dkfix fix`` writes repaired UTF-8 copies to a separate
folder (``--out``) and replaces originals only when given two flags; every
write is atomic. See docs/cli.md for the guarantees and the exit codes.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from functools import partial

from . import _cli_journal as journals
from . import _cli_plan as plan
from . import _cli_report as report
from .__about__ import __version__
from ._cli_io import current_umask
from ._cli_results import DetectResult, FileResult
from ._cli_session import incomplete, work_through
from ._cli_work import FixSettings, detect_file, fix_file, warm_up
from .config import Config, field_names

EXIT_OK = 0
EXIT_BROKEN = 1
EXIT_USAGE = 2
EXIT_INCOMPLETE = 3
EXIT_INTERRUPTED = 130

_EPILOG = """\
exit codes:
  0    success: every file was fixed or left unchanged (fix), or nothing
       broken was found (detect)
  1    detect found damage in at least one file
  2    usage error, or a request refused before anything was written
  3    some files were skipped or failed (takes precedence over 1)
  130  interrupted (Ctrl-C, or the reader of stdout went away); finished files are
       complete and reported, no temporary files remain

Originals are never modified unless both --in-place and --overwrite-originals are given.
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``) and return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and argparse's own usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    report.tolerate_unencodable_stdout()
    try:
        command: Callable[[argparse.Namespace], int] = args.run
        return command(args)
    except plan.UsageError as exc:
        print(f"dkfix: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\ndkfix: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with its ``fix`` and ``detect`` subcommands."""
    parser = argparse.ArgumentParser(
        prog="dkfix",
        description="Repair broken Danish text in files: mojibake, DOS code pages, lost letters.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"dkfix {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    fix = commands.add_parser(
        "fix",
        help="write repaired UTF-8 copies of files",
        description="Decode each file, repair its text, and write it as UTF-8.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    fix.add_argument("paths", nargs="+", metavar="PATH", help="files and folders")
    where = fix.add_argument_group("where results go (choose one)")
    where.add_argument("--out", metavar="DIR", help="write copies here, mirroring the inputs")
    where.add_argument("--dry-run", action="store_true", help="write nothing; report only")
    where.add_argument("--in-place", action="store_true", help="replace the originals ...")
    where.add_argument(
        "--overwrite-originals", action="store_true", help="... needed as well as --in-place"
    )
    shown = fix.add_argument_group("what is shown")
    shown.add_argument("--diff", action="store_true", help="print a unified diff per changed file")
    shown.add_argument(
        "--report",
        metavar="FILE.jsonl",
        help="write one JSON line per file, and a summary page FILE.html beside it",
    )
    fix.add_argument(
        "--resume",
        action="store_true",
        help="go on with an interrupted --out run: files it finished are not done again",
    )
    _add_common_options(fix, shown)
    fix.set_defaults(run=run_fix)
    detect = commands.add_parser(
        "detect",
        help="report damage without changing anything",
        description="Decode each file and report the damage found in its text. Reads only.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    detect.add_argument("paths", nargs="+", metavar="PATH", help="files and folders")
    shown = detect.add_argument_group("what is shown")
    shown.add_argument("--json", action="store_true", help="print one JSON line per file")
    _add_common_options(detect, shown)
    detect.set_defaults(run=run_detect)
    return parser


def _add_common_options(parser: argparse.ArgumentParser, shown: argparse._ArgumentGroup) -> None:
    quiet_or_not = shown.add_mutually_exclusive_group()
    quiet_or_not.add_argument("--progress", action="store_true", help="always show progress")
    quiet_or_not.add_argument("--quiet", action="store_true", help="no progress, notes or summary")
    select = parser.add_argument_group("which files")
    select.add_argument(
        "--glob",
        action="append",
        default=[],
        metavar="PATTERN",
        help="only files matching PATTERN (e.g. '*.txt'); may be repeated",
    )
    select.add_argument(
        "--include-hidden", action="store_true", help="also files and folders starting with '.'"
    )
    kinds = textwrap.fill("KIND is one of: " + ", ".join(field_names()), width=78)
    fixes = parser.add_argument_group("which fixes", kinds)
    fixes.add_argument(
        "--enable", action="append", default=[], metavar="KIND", type=_fix_name, help="turn on"
    )
    fixes.add_argument(
        "--disable", action="append", default=[], metavar="KIND", type=_fix_name, help="turn off"
    )
    fixes.add_argument(
        "--confidence-threshold",
        type=_threshold,
        default=Config().confidence_threshold,
        metavar="X",
        help="letter restorations less sure than X (0-1) are unsure (default: %(default)s)",
    )
    fixes.add_argument(
        "--leave-unsure",
        action="store_true",
        help="keep unsure words as written instead of repairing and flagging them",
    )
    parser.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N", help="worker processes (0: one per CPU)"
    )


def _fix_name(name: str) -> str:
    if name not in field_names():
        raise argparse.ArgumentTypeError(f"unknown fix {name!r}; the fixes are listed in --help")
    return name


def _threshold(value: str) -> float:
    try:
        threshold = float(value)
    except ValueError:
        threshold = -1.0
    if not 0.0 <= threshold <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value!r}")
    return threshold


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}")
    return jobs or os.cpu_count() or 1


# What "--enable" means for the fixes that take a value rather than on/off.
_ENABLED: dict[str, object] = {"normalization": "NFC", "normalize_numbers": "da"}


def config_from(
    enable: Sequence[str],
    disable: Sequence[str],
    confidence_threshold: float | None = None,
    leave_unsure: bool = False,
) -> Config:
    """The `Config` for ``--enable``/``--disable`` and the confidence options.

    Options not mentioned get their default.
    """
    both = sorted(set(enable) & set(disable))
    if both:
        raise plan.UsageError(f"both enabled and disabled: {', '.join(both)}")
    defaults = {f.name: f.default for f in dataclasses.fields(Config)}
    overrides: dict[str, object] = {}
    for name in enable:
        overrides[name] = _ENABLED.get(name, True)
    for name in disable:
        overrides[name] = False if isinstance(defaults[name], bool) else None
    if confidence_threshold is not None:
        overrides["confidence_threshold"] = confidence_threshold
    if leave_unsure:
        overrides["low_confidence"] = "leave"
    return Config().replace(**overrides)


def _config(args: argparse.Namespace) -> Config:
    return config_from(args.enable, args.disable, args.confidence_threshold, args.leave_unsure)


def run_fix(args: argparse.Namespace) -> int:
    """``dkfix fix``: check the request, plan every output, then work through the files."""
    _check_fix_mode(args)
    config = _config(args)
    tasks = _planned_tasks(args)
    reports = report.report_paths(args.report) if args.report else ()
    for path in reports:
        plan.check_report_path(path, args.paths, tasks)
    write = not args.dry_run
    journal = None
    if write and args.out:
        _make_out_folder(args.out)
        tasks, journal = _journal(args, config, tasks, reports)
    settings = FixSettings(
        config=config,
        write=write,
        in_place=args.in_place,
        want_diff=args.diff,
        out_root=os.path.realpath(args.out) if args.out else None,
        file_mode=0o666 & ~current_umask(),
    )
    results: list[FileResult] = []
    started, finished = time.monotonic(), False
    try:
        record = journal.record if journal else None
        work = partial(fix_file, settings=settings)
        work_through(tasks, work, args, results, record=record, warm_up=partial(warm_up, config))
        finished = True
    finally:  # an interrupted run still reports the files it finished
        if journal:
            journal.close(keep=not finished or any(r.status == "error" for r in results))
        summary = report.fix_summary(results, args.dry_run, time.monotonic() - started)
        reported = _write_reports(reports, results, summary, interrupted=not finished)
    if not args.quiet:
        print(summary, file=sys.stderr)
    return EXIT_INCOMPLETE if incomplete(results) or not reported else EXIT_OK


def _make_out_folder(out: str) -> None:
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as exc:
        raise plan.UsageError(f"cannot create --out {out}: {exc.strerror or exc}") from None


def _write_reports(
    reports: Sequence[str], results: list[FileResult], summary: str, *, interrupted: bool
) -> bool:
    """Write the reports, if asked for; whether that worked (the files are done either way)."""
    if not reports:
        return True
    try:
        report.write_reports(reports, results, summary, interrupted=interrupted)
    except OSError as exc:
        reason = exc.strerror or exc
        print(f"dkfix: error: cannot write the report {reports[0]}: {reason}", file=sys.stderr)
        return False
    return True


def _planned_tasks(args: argparse.Namespace) -> list[plan.Task]:
    found = plan.find_files(args.paths, plan.Selection(args.include_hidden, tuple(args.glob)))
    if args.in_place:
        return plan.plan_in_place(found)
    if args.out:
        tasks = plan.plan_outputs(found, args.out)
        plan.check_out_folder(args.out, args.paths, tasks)
        return tasks
    return [task for task, _ in found]


def _journal(
    args: argparse.Namespace, config: Config, tasks: list[plan.Task], reports: Sequence[str]
) -> tuple[list[plan.Task], journals.Journal]:
    """The journal of this run in --out, and the tasks with what --resume finds in it."""
    path = journals.journal_path(args.out)
    plan.check_not_written(path, "the journal of finished files", tasks, reports)
    header = journals.journal_header(config, args.out)
    entries = journals.read_journal(path, header) if args.resume else {}
    tasks = journals.with_finished(tasks, entries)
    return tasks, journals.Journal(path, header, recorded=len(entries))


def _check_fix_mode(args: argparse.Namespace) -> None:
    if args.in_place != args.overwrite_originals:
        raise plan.UsageError(
            "--in-place replaces your original files and needs --overwrite-originals as well, "
            "to show that is meant; to keep the originals, use --out DIR instead"
        )
    if args.in_place and args.out:
        raise plan.UsageError("--out and --in-place exclude each other")
    if not (args.out or args.in_place or args.dry_run):
        raise plan.UsageError(
            "say where results go: --out DIR (recommended), --dry-run, "
            "or --in-place --overwrite-originals"
        )
    if args.resume and not (args.out and not args.dry_run):
        raise plan.UsageError(
            "--resume goes on with an interrupted --out run, from the journal kept in the "
            "--out folder; it needs --out DIR and no --dry-run"
        )


def run_detect(args: argparse.Namespace) -> int:
    """``dkfix detect``: one line per file on stdout; reads only."""
    config = _config(args)
    found = plan.find_files(args.paths, plan.Selection(args.include_hidden, tuple(args.glob)))
    results: list[DetectResult] = []
    started = time.monotonic()
    work = partial(detect_file, config=config)
    tasks = [task for task, _ in found]
    work_through(tasks, work, args, results, warm_up=partial(warm_up, config))
    if not args.quiet:
        print(report.detect_summary(results, time.monotonic() - started), file=sys.stderr)
    if incomplete(results):
        return EXIT_INCOMPLETE
    return EXIT_BROKEN if any(result.status == "broken" for result in results) else EXIT_OK
