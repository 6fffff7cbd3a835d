"""Run the fuzz targets: ``python fuzz/run.py fix_text --seconds 600`` or ``--all``.

Each target runs in its own process under libFuzzer (atheris), from a seed corpus
generated from the fixtures (fuzz/seeds.py) and the corpus earlier runs grew, which is
kept in ``build/fuzz/TARGET/corpus``. A crash (an exception, a broken invariant, an
input slower than ``--timeout`` seconds, memory over ``--rss-limit-mb``) is saved in
``build/fuzz/TARGET/crashes/`` and the target is restarted for the time left, so one
run can find several. At the end a line per target gives executions, executions per
second, coverage (libFuzzer's edge count ``cov`` and feature count ``ft``), corpus
size and crashes; ``build/fuzz/TARGET/summary.json`` has the same. Exit status 1 if
anything crashed.

Replay a crash: ``python fuzz/fuzz_fix_text.py build/fuzz/fix_text/crashes/crash-…``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import seeds

HERE = Path(__file__).resolve().parent
TARGETS = tuple(seeds.SEEDS)
# libFuzzer reports progress as "#1234  NEW  cov: 56 ft: 78 corp: 9/10Kb ...".
_PROGRESS = re.compile(r"cov: (\d+) ft: (\d+) corp: (\d+)/")
_STAT = re.compile(r"stat::(\w+):\s*(\d+)")
# Restarts after crashes stop here: by then the same bug is being found again.
_MOST_CRASHES = 20


@dataclass
class Summary:
    """What a target's runs did, added up over its restarts."""

    target: str
    seconds: float = 0.0
    executions: int = 0
    coverage: int = 0
    features: int = 0
    corpus: int = 0
    peak_rss_mb: int = 0
    crashes: list[dict[str, str]] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.executions / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (
            f"{self.target:13} {self.executions:>10,} runs {self.per_second:>8.1f}/s "
            f"cov {self.coverage:>6} ft {self.features:>6} corpus {self.corpus:>5} "
            f"rss {self.peak_rss_mb:>5} MB crashes {len(self.crashes)}"
        )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    targets = list(TARGETS) if args.all else args.targets
    if not targets:
        _parser().error("name a target or give --all")
    unknown = [target for target in targets if target not in TARGETS]
    if unknown:
        _parser().error(f"unknown target {unknown[0]!r}; the targets: {', '.join(TARGETS)}")
    with ThreadPoolExecutor(max_workers=args.parallel) as pool:
        summaries = list(pool.map(lambda target: fuzz_target(target, args), targets))
    for summary in summaries:
        print(summary.line())
        for crash in summary.crashes:
            print(f"    {crash['artifact']}: {crash['error']}")
    return 1 if any(summary.crashes for summary in summaries) else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=", ".join(TARGETS))
    parser.add_argument("--all", action="store_true", help="run every target")
    parser.add_argument("--seconds", type=float, default=60.0, help="time per target")
    parser.add_argument("--runs", type=int, default=None, help="stop after this many inputs")
    parser.add_argument("--out", type=Path, default=HERE.parent / "build" / "fuzz")
    parser.add_argument("--parallel", type=int, default=1, help="targets run at once")
    parser.add_argument("--max-len", type=int, default=seeds.MAX_SEED_BYTES)
    parser.add_argument("--timeout", type=int, default=30, help="seconds one input may take")
    parser.add_argument("--rss-limit-mb", type=int, default=3072)
    parser.add_argument("--seed-limit", type=int, default=None, help="write at most this many")
    parser.add_argument("--seed", type=int, default=None, help="libFuzzer's random seed")
    parser.add_argument(
        "--skip-known", action="store_true", help="skip inputs of known blow-ups (harness.py)"
    )
    return parser


def fuzz_target(target: str, args: argparse.Namespace) -> Summary:
    """Fuzz `target` for ``args.seconds``, restarting after each crash while time is left."""
    base = args.out / target
    seed_dir, corpus, crashes = base / "seeds", base / "corpus", base / "crashes"
    for directory in (corpus, crashes):
        directory.mkdir(parents=True, exist_ok=True)
    seeds.write_seeds(target, seed_dir, args.seed_limit)
    seeds.write_dictionary(base / "dictionary.txt")
    summary = Summary(target)
    deadline = time.monotonic() + args.seconds
    while len(summary.crashes) < _MOST_CRASHES:
        left = deadline - time.monotonic()
        if left < 1:
            break
        before = set(crashes.iterdir())
        command = [
            sys.executable,
            str(HERE / f"fuzz_{target}.py"),
            str(corpus),
            str(seed_dir),
            f"-max_total_time={int(left)}",
            f"-max_len={args.max_len}",
            f"-timeout={args.timeout}",
            f"-rss_limit_mb={args.rss_limit_mb}",
            f"-dict={base / 'dictionary.txt'}",
            f"-artifact_prefix={crashes}/",
            "-print_final_stats=1",
        ]
        if args.runs is not None:
            command.append(f"-runs={args.runs}")
        if args.seed is not None:
            command.append(f"-seed={args.seed}")
        started = time.monotonic()
        env = {**os.environ, "DKFIX_FUZZ_SKIP_KNOWN": "1"} if args.skip_known else None
        done = subprocess.run(
            command, check=False, capture_output=True, text=True, errors="replace", env=env
        )
        summary.seconds += time.monotonic() - started
        (base / "last.log").write_text(done.stdout + done.stderr, encoding="utf-8")
        _add_stats(summary, done.stderr)
        new = sorted(set(crashes.iterdir()) - before)
        if done.returncode == 0:
            break
        summary.crashes += [{"artifact": str(path), "error": _error(done.stderr)} for path in new]
        if not new:  # failed without an input to blame: report it and stop
            summary.crashes.append({"artifact": "", "error": _error(done.stderr)})
            break
        if args.runs is not None:
            break
    (base / "summary.json").write_text(
        json.dumps({**asdict(summary), "per_second": summary.per_second}, indent=2),
        encoding="utf-8",
    )
    return summary


def _add_stats(summary: Summary, log: str) -> None:
    progress = _PROGRESS.findall(log)
    if progress:
        coverage, features, corpus = (int(n) for n in progress[-1])
        summary.coverage = max(summary.coverage, coverage)
        summary.features = max(summary.features, features)
        summary.corpus = max(summary.corpus, corpus)
    stats = {name: int(value) for name, value in _STAT.findall(log)}
    summary.executions += stats.get("number_of_executed_units", 0)
    summary.peak_rss_mb = max(summary.peak_rss_mb, stats.get("peak_rss_mb", 0))


def _error(log: str) -> str:
    """The exception (or libFuzzer's complaint) a crashed run ended with, on one line."""
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    for marker in ("Uncaught Python exception", "ERROR: libFuzzer", "ALARM", "out-of-memory"):
        for index, line in enumerate(lines):
            if marker in line:
                tail = lines[index + 1 : index + 40] if marker.startswith("Uncaught") else [line]
                errors = [t for t in tail if re.match(r"^\w*(Error|Exception)\b", t)]
                return (errors[0] if errors else tail[-1] if tail else line)[:300]
    return (lines[-1] if lines else "no output")[:300]


if __name__ == "__main__":
    sys.exit(main())
