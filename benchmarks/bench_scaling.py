"""How fix_text and decode_bytes scale with the size of one input: the slope of time.

Part 1 times one call on 1, 10 and 100 MB (``--sizes``) of

* clean Danish: Europarl from ``../shared/corpora`` (the bundled seed documents,
  repeated, when ``../shared`` is absent);
* the same text as UTF-8 read as cp1252 (``KÃ¸benhavn``);
* the same text with every non-ASCII character replaced by ``Å`` (placeholders);

each in a fresh interpreter, so that its peak resident memory (RSS) is its own. The
word data is loaded before the clock starts (the RSS includes its ~170 MB).
decode_bytes gets each text as cp1252 bytes, as a legacy file holds it: clean and
placeholder text make it score the code pages; the mojibake's cp1252 bytes are the
UTF-8 it was misread from. The slope of a log-log fit of time against size is printed
per function and input: 1.0 is linear, 2.0 quadratic.

Part 2 (``--pathological``) times fix_text, find_numbers, find_tables and
decode_bytes on runs of one character or pattern (a letter, spaces, placeholders,
digits, table cells, ...) of 200 KB and 1 MB (``--pattern-sizes``), in one process, and
prints the slope of each; a call still running after ``--limit`` seconds is stopped
and shown as ``>LIMIT``.

Run: ``python benchmarks/bench_scaling.py --sizes 1,10`` (100 MB of damaged text
takes minutes per call), ``--pathological``, ``--functions fix_text``, ``--kinds clean``.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

REPO = Path(__file__).resolve().parents[1]
EUROPARL = sorted((REPO.parent / "shared" / "corpora" / "europarl_da").glob("europarl_da.part*"))
SEED_FILES = sorted((REPO / "fixtures" / "seeds").glob("*.txt"))
MB = 1_000_000
CP1252 = "sloppy-windows-1252"

KINDS = ("clean", "mojibake", "placeholder")
FUNCTIONS = ("fix_text", "decode_bytes")

PATTERNS: dict[str, str] = {
    "one letter": "a",
    "spaces": " ",
    "newlines": "\n",
    "tabs": "\t",
    "placeholder Å": "Å",
    "placeholder ?": "?",
    "placeholder U+FFFD": "\ufffd",
    "Ã": "Ã",
    "letters with Å": "aÅ",
    "words with Å": "pÅ gÅr ",
    "digits": "1",
    "digits and dots": "1.",
    "digits and spaces": "1 ",
    "dashes": "-",
    "table cells": "a\t1\n",
    "running header": "Budgetforlig 2018 5 til og med. ",
    "lines of NUL words": ("ord \x00 " * 500)[:-1] + "\n",
}
PATTERN_FUNCTIONS = ("fix_text", "find_numbers", "find_tables", "decode_bytes")


# -- inputs ------------------------------------------------------------------------------


def clean_danish(size: int) -> str:
    """`size` bytes (UTF-8, about) of clean Danish, whole lines."""
    lines: list[str] = []
    total = 0
    for line in _corpus_lines():
        lines.append(line)
        total += len(line.encode("utf-8"))
        if total >= size:
            break
    return "".join(lines)


def _corpus_lines() -> Iterator[str]:
    sources = EUROPARL or SEED_FILES
    while True:  # the seeds are small: repeat them
        for path in sources:
            with path.open(encoding="utf-8") as lines:
                yield from lines
        if EUROPARL:
            return


def damaged(kind: str, text: str) -> str:
    from dkfix.damage import DAMAGES

    if kind == "clean":
        return text
    if kind == "mojibake":
        return DAMAGES["utf8-as-cp1252"](text)
    return DAMAGES["placeholder-Å"](text)


# -- one measurement, in a child process ---------------------------------------------------


def measure_one(function: str, kind: str, megabytes: float) -> dict[str, Any]:
    """Time `function` on `megabytes` of `kind`; the child's side of `run_child`."""
    import dkfix

    sample = clean_danish(50_000)
    for warm_up in KINDS:  # loads all word data, so the peak RSS includes it (~170 MB)
        dkfix.fix_text(damaged(warm_up, sample))
        dkfix.decode_bytes(damaged(warm_up, sample).encode(CP1252, "replace"))
    text = damaged(kind, clean_danish(int(megabytes * MB)))
    if function == "decode_bytes":
        data = text.encode(CP1252, "replace")
        del text
        start = time.perf_counter()
        dkfix.decode_bytes(data)
    else:
        start = time.perf_counter()
        dkfix.fix_text(text)
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"function": function, "kind": kind, "mb": megabytes, "seconds": seconds, "rss": rss_mb}


def run_child(function: str, kind: str, megabytes: float, timeout: float) -> dict[str, Any]:
    command = [sys.executable, __file__, "--one", function, kind, str(megabytes)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"function": function, "kind": kind, "mb": megabytes, "seconds": math.inf}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    finite = [(math.log(x), math.log(y)) for x, y in points if 0 < y < math.inf]
    if len(finite) < 2:
        return math.nan
    mean_x = sum(x for x, _ in finite) / len(finite)
    mean_y = sum(y for _, y in finite) / len(finite)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in finite)
    variance = sum((x - mean_x) ** 2 for x, _ in finite)
    return covariance / variance if variance else math.nan


def report_sizes(args: argparse.Namespace) -> None:
    print(f"input: {'Europarl (../shared)' if EUROPARL else 'fixtures/seeds, repeated'}")
    print(f"{'function':13} {'input':12} {'MB':>6} {'seconds':>9} {'MB/s':>7} {'peak RSS':>9}")
    for function in args.functions:
        for kind in args.kinds:
            points = []
            for megabytes in args.sizes:
                result = run_child(function, kind, megabytes, args.limit)
                seconds = result["seconds"]
                points.append((megabytes, seconds))
                rss = f"{result['rss']:7.0f} MB" if "rss" in result else "       -"
                shown = f"{seconds:9.2f}" if seconds < math.inf else f">{args.limit:8.0f}"
                print(
                    f"{function:13} {kind:12} {megabytes:6g} {shown} "
                    f"{megabytes / seconds:7.2f} {rss}",
                    flush=True,
                )
            print(f"{'':13} {kind:12} slope {slope(points):.2f}", flush=True)


# -- pathological runs, in this process ------------------------------------------------------


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def pattern_functions() -> dict[str, Callable[[str], object]]:
    import dkfix

    return {
        "fix_text": dkfix.fix_text,
        "find_numbers": dkfix.find_numbers,
        "find_tables": dkfix.find_tables,
        "decode_bytes": lambda text: dkfix.decode_bytes(text.encode(CP1252, "replace")),
    }


def timed(call: Callable[[str], object], text: str, limit: float) -> float:
    start = time.perf_counter()
    try:
        with time_limit(limit):
            call(text)
    except TimeoutError:
        return math.inf
    return time.perf_counter() - start


def report_patterns(args: argparse.Namespace) -> None:
    functions = pattern_functions()
    for call in functions.values():
        call("Søren gik pÅ gaden og kÃ¸bte 1.000 æbler\t12\n")  # loads the word data
    sizes = args.pattern_sizes
    header = " ".join(f"{size // 1000:>7} KB" for size in sizes)
    print(f"\n{'function':13} {'pattern':20} {header}  slope")
    for name, unit in PATTERNS.items():
        for function in PATTERN_FUNCTIONS:
            points = []
            for size in sizes:
                text = (unit * (size // len(unit) + 1))[:size]
                points.append((size, timed(functions[function], text, args.limit)))
            shown = " ".join(
                f"{s:8.2f}s" if s < math.inf else f">{args.limit:7.0f}s" for _, s in points
            )
            print(f"{function:13} {name:20} {shown}  {slope(points):5.2f}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--sizes", type=_floats, default=[1.0, 10.0, 100.0], help="MB, comma-separated"
    )
    parser.add_argument("--kinds", type=_names(KINDS), default=list(KINDS))
    parser.add_argument("--functions", type=_names(FUNCTIONS), default=list(FUNCTIONS))
    parser.add_argument("--pathological", action="store_true", help="time the pattern runs too")
    parser.add_argument("--pattern-sizes", type=_ints, default=[200_000, 1_000_000])
    parser.add_argument("--only-patterns", action="store_true", help="skip the size runs")
    parser.add_argument("--limit", type=float, default=1800.0, help="seconds one call may take")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        function, kind, megabytes = args.one
        print(json.dumps(measure_one(function, kind, float(megabytes))))
        return
    if not args.only_patterns:
        report_sizes(args)
    if args.pathological or args.only_patterns:
        report_patterns(args)


def _floats(value: str) -> list[float]:
    return [float(v) for v in value.split(",")]


def _ints(value: str) -> list[int]:
    return [int(v) for v in value.split(",")]


def _names(known: tuple[str, ...]) -> Callable[[str], list[str]]:
    def parse(value: str) -> list[str]:
        names = value.split(",")
        unknown = [name for name in names if name not in known]
        if unknown:
            raise argparse.ArgumentTypeError(f"unknown {unknown[0]!r}; known: {', '.join(known)}")
        return names

    return parse


if __name__ == "__main__":
    main()
