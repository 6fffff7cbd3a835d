"""Throughput of dkfix.fix_text against ftfy.fix_text, on the same inputs in the same run.

Inputs, cut into documents of about 2 KB (the size of a short web page or a
corpus record, the unit a pipeline calls fix_text on):

* clean Danish: the UD Danish treebank and NTREX sentences from ``../shared/corpora``
  plus the bundled municipal documents in ``fixtures/seeds/`` (seeds only if
  ``../shared`` is absent);
* the same text as UTF-8 read as cp1252 (``KÃ¸benhavn``), the common mojibake;
* the same text as DOS cp865 read as cp1252 (``K›benhavn``), which only dkfix repairs;
* the same text with every non-ASCII character replaced by ``Å``, by ``?`` and by
  U+FFFD (``dkfix.damage.placeholder``, whole text), which only dkfix repairs: ftfy's
  figure is there to compare costs, not repairs.

Throughput is megabytes of input (UTF-8) per second, best of ``--repeat`` passes;
dkfix and ftfy take turns on each input, so both see the same machine load (the
ratio is the figure to compare across machines and runs). First-call time is
``import`` plus one fix, in a fresh interpreter, so it includes loading whatever
data the library loads lazily: the median of ``--first-calls`` runs, for a short
text (``KÃ¸benhavn og K›benhavn``) and for the first 2 KB document of the input with
placeholder damage, whose repair reads all of dkfix's word data.
The load average of the machine is printed with the figures.

Run: ``python benchmarks/bench_speed.py`` (``--repeat N``, ``--seeds-only``,
``--first-calls N``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import ftfy
import ftfy.bad_codecs  # registers "sloppy-windows-1252"

import dkfix
from dkfix.damage import placeholder

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPORA = REPO.parent / "shared" / "corpora"
CORPUS_FILES = (
    SHARED_CORPORA / "ud_ddt" / "ddt_dev.txt",
    SHARED_CORPORA / "ud_ddt" / "ddt_test.txt",
    SHARED_CORPORA / "ntrex128_da" / "newstest2019-ref.dan.txt",
)
SEED_FILES = sorted((REPO / "fixtures" / "seeds").glob("*.txt"))
DOCUMENT_SIZE = 2000  # characters

Fixer = Callable[[str], str]
FIXERS: dict[str, Fixer] = {"dkfix": dkfix.fix_text, "ftfy": ftfy.fix_text}
MISREADINGS: dict[str, Callable[[str], str]] = {
    "clean Danish": lambda text: text,
    "UTF-8 read as cp1252": lambda text: text.encode("utf-8").decode("sloppy-windows-1252"),
    "cp865 read as cp1252": lambda text: text.encode("cp865", "replace").decode(
        "sloppy-windows-1252"
    ),
    "placeholder Å": lambda text: placeholder(text, "Å"),
    "placeholder ?": lambda text: placeholder(text, "?"),
    "placeholder U+FFFD": lambda text: placeholder(text, "\ufffd"),
}
# The first call: import and one fix, of a short text given in the statement, or of a
# document read from standard input before the clock starts (`TEXT`).
FIRST_CALL = {
    "dkfix": "import dkfix; dkfix.fix_text('KÃ¸benhavn og K›benhavn')",
    "ftfy": "import ftfy; ftfy.fix_text('KÃ¸benhavn og K›benhavn')",
}
FIRST_DOCUMENT_CALL = {
    "dkfix": "import dkfix; dkfix.fix_text(TEXT)",
    "ftfy": "import ftfy; ftfy.fix_text(TEXT)",
}


def documents(paths: list[Path]) -> list[str]:
    """The lines of `paths`, grouped into documents of about DOCUMENT_SIZE characters."""
    docs: list[str] = []
    current: list[str] = []
    size = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            current.append(line)
            size += len(line)
            if size >= DOCUMENT_SIZE:
                docs.append("".join(current))
                current, size = [], 0
    if current:
        docs.append("".join(current))
    return docs


def source_files(seeds_only: bool) -> list[Path]:
    if seeds_only or not all(path.is_file() for path in CORPUS_FILES):
        return list(SEED_FILES)
    return [*CORPUS_FILES, *SEED_FILES]


def throughputs(fixers: list[Fixer], docs: list[str], repeat: int) -> list[float]:
    """Megabytes of UTF-8 input per second of each fixer, best of `repeat` passes.

    The fixers take turns pass by pass, so a burst of load elsewhere on the machine
    slows one pass of each rather than all passes of one.
    """
    megabytes = sum(len(doc.encode("utf-8", "surrogatepass")) for doc in docs) / 1e6
    best = [float("inf")] * len(fixers)
    for _ in range(repeat):
        for index, fixer in enumerate(fixers):
            start = time.perf_counter()
            for doc in docs:
                fixer(doc)
            best[index] = min(best[index], time.perf_counter() - start)
    return [megabytes / seconds for seconds in best]


def first_call_seconds(statement: str, runs: int = 3, text: str = "") -> float:
    """Median time of import plus first fix, each run in a fresh interpreter.

    `text` reaches the statement as ``TEXT``, read from standard input before the clock starts.
    """
    code = (
        "import sys, time; TEXT = sys.stdin.read(); t0 = time.perf_counter(); "
        f"{statement}; print(time.perf_counter() - t0)"
    )
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code],
                input=text,
                capture_output=True,
                check=True,
                text=True,
                encoding="utf-8",
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def rows(docs: list[str], repeat: int) -> Iterator[tuple[str, float, float]]:
    for name, damage in MISREADINGS.items():
        damaged = [damage(doc) for doc in docs]
        for fixer in FIXERS.values():
            fixer(damaged[0])  # warm up lazy loading outside the timed passes
        dk, ft = throughputs([FIXERS["dkfix"], FIXERS["ftfy"]], damaged, repeat)
        yield name, dk, ft


def load_average() -> str:
    """The 1-minute load average (other processes share the CPUs), or "?" where unknown."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per input (best wins)")
    parser.add_argument("--seeds-only", action="store_true", help="use only fixtures/seeds/")
    parser.add_argument(
        "--first-calls", type=int, default=5, help="fresh interpreters for the first call"
    )
    args = parser.parse_args()

    paths = source_files(args.seeds_only)
    docs = documents(paths)
    size = sum(len(doc.encode("utf-8")) for doc in docs) / 1e6
    print(f"dkfix {dkfix.__version__}, ftfy {ftfy.__version__}, Python {sys.version.split()[0]}")
    print(f"input: {len(docs)} documents, {size:.2f} MB, from {len(paths)} files")
    print(f"load average before: {load_average()}, best of {args.repeat} passes")
    print()
    print(f"{'input':<24} {'dkfix MB/s':>11} {'ftfy MB/s':>10} {'dkfix/ftfy':>11}")
    for name, dk, ft in rows(docs, args.repeat):
        print(f"{name:<24} {dk:>11.2f} {ft:>10.2f} {dk / ft:>10.2f}x")
    print()
    print(f"{'first call (import + fix)':<24} {'dkfix s':>11} {'ftfy s':>10} {'dkfix/ftfy':>11}")
    damaged = placeholder(docs[0], "Å")  # its repair reads every data file
    calls = {"short text": (FIRST_CALL, ""), "2 KB, placeholder Å": (FIRST_DOCUMENT_CALL, damaged)}
    for name, (statements, text) in calls.items():
        dk_first = first_call_seconds(statements["dkfix"], args.first_calls, text)
        ft_first = first_call_seconds(statements["ftfy"], args.first_calls, text)
        ratio = dk_first / ft_first
        print(f"{name:<24} {dk_first:>11.3f} {ft_first:>10.3f} {ratio:>10.2f}x")
    print()
    print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
