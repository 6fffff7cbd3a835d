"""The ``dkfix fix`` command at scale: ``--jobs 2`` against ``--jobs 1``, and one large file.

1. **Parallel speed-up.** Makes `--files` documents (default 200) of about
   `--file-kb` KB (default 50) each from the Europarl development text
   (``../shared/corpora``; the seed documents if it is absent), each damaged in
   every third paragraph by one of `dkfix.damage.DAMAGES` in turn, then times
   ``dkfix fix DIR --out OUT`` with ``--jobs 1`` and with ``--jobs 2``, each in a
   fresh process, best of `--repeat`. The ratio is the speed-up; on two free
   cores it should be 1.7 or more. Start-up (the interpreter, then loading the
   language data once, before the workers are forked) is serial and takes a
   second or two, so small runs gain less. The CPU time of each run (all its
   processes) shows what parallel work costs beyond one process, whatever the
   load; the outputs of the two runs are compared byte for byte.
2. **A large file.** Makes one file of `--big-mb` MB (default 40) of the same
   text, damaged in every tenth paragraph, and runs ``dkfix fix`` on it in a
   fresh process: the wall time, the speed, and the peak resident memory of that
   process (`os.wait4`), which must stay under 600 MB whatever the size of the file.

Other work on the machine slows the runs down and the parallel run most of all,
so the load average is printed before and after; compare figures taken at a low
load. Run: ``python benchmarks/bench_cli.py`` (``--files N``, ``--file-kb K``,
``--big-mb M``, ``--repeat N``, ``--skip-big``, ``--skip-jobs``).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from devsets import load_devsets
from dkfix.damage import DAMAGES, in_paragraphs

# Damaged text is saved as UTF-8, except this damage: its text written back in cp865
# is a cp1252 file, so that some of the files are in a legacy code page.
_ENCODED_AS = {"cp1252-as-cp865": "cp865"}
MEMORY_LIMIT_MB = 600


def source_text(chars: int) -> str:
    """Clean Danish development text of about `chars` characters, paragraphs kept whole."""
    for name in ("europarl", "seeds"):
        try:
            [devset] = load_devsets([name], sample_chars=chars)
        except SystemExit:
            continue
        return devset.text
    raise SystemExit("no development text found")


def make_files(folder: Path, count: int, size: int) -> int:
    """`count` damaged documents of about `size` characters; their total size in bytes."""
    text = source_text(count * size)
    names = sorted(DAMAGES)
    total = 0
    folder.mkdir(parents=True)
    for index in range(count):
        start = index * size % max(1, len(text) - size)  # the text may be shorter than asked
        document = text[start : start + size]
        document = document[document.find("\n\n") + 2 :]  # start at a paragraph
        damage = names[index % len(names)]
        damaged = in_paragraphs(document, DAMAGES[damage], every=3, offset=index % 3)
        data = damaged.encode(_ENCODED_AS.get(damage, "utf-8"), errors="replace")
        (folder / f"doc{index:04}.txt").write_bytes(data)
        total += len(data)
    return total


def make_big_file(path: Path, megabytes: int) -> int:
    """One file of about `megabytes` MB, every tenth paragraph damaged; its size in bytes."""
    text = source_text(2_000_000)
    names = sorted(DAMAGES)
    block = "".join(
        in_paragraphs(text, DAMAGES[name], every=10, offset=index)
        for index, name in enumerate(names[:4])
    )
    data = block.encode("utf-8")
    path.parent.mkdir(parents=True)
    with path.open("wb") as stream:
        written = 0
        while written < megabytes * 1_000_000:
            stream.write(data)
            written += len(data)
    return written


def run_fix(*args: str) -> tuple[float, float, float]:
    """Seconds, CPU seconds and peak memory (MB) of ``dkfix fix ARGS`` in a fresh process."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "dkfix", "fix", *args, "--quiet"])
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 3):
        raise SystemExit(f"dkfix fix {' '.join(args)} failed with exit code {child.returncode}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def bench_jobs(work: Path, files: int, file_kb: int, repeat: int) -> None:
    inputs = work / "many"
    total = make_files(inputs, files, file_kb * 1000)
    print(f"{files} files, {total / 1e6:.1f} MB; {load()}")
    best: dict[int, float] = {}
    for attempt in range(repeat):
        for jobs in (1, 2):
            out = work / f"out-jobs{jobs}-{attempt}"
            seconds, cpu, _ = run_fix(str(inputs), "--out", str(out), "--jobs", str(jobs))
            best[jobs] = min(best.get(jobs, seconds), seconds)
            print(
                f"  --jobs {jobs}: {seconds:6.2f} s, {total / 1e6 / seconds:5.2f} MB/s, "
                f"CPU {cpu:6.2f} s"
            )
    same = not filecmp.dircmp(work / "out-jobs1-0", work / "out-jobs2-0").diff_files
    print(
        f"speed-up --jobs 2 / --jobs 1: {best[1] / best[2]:.2f}x (goal >= 1.7 on two free cores); "
        f"outputs identical: {same}; {load()}"
    )


def bench_big(work: Path, megabytes: int) -> None:
    source = work / "big" / "big.txt"
    size = make_big_file(source, megabytes)
    print(f"one file of {size / 1e6:.1f} MB; {load()}")
    seconds, _, peak = run_fix(str(source), "--out", str(work / "big-out"))
    verdict = "ok" if peak < MEMORY_LIMIT_MB else "TOO MUCH"
    print(
        f"  {seconds:.1f} s, {size / 1e6 / seconds:.2f} MB/s, peak memory {peak:.0f} MB "
        f"(limit {MEMORY_LIMIT_MB} MB: {verdict}); {load()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--file-kb", type=int, default=50)
    parser.add_argument("--big-mb", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--skip-jobs", action="store_true")
    args = parser.parse_args()
    print(f"{os.cpu_count()} processors; {load()}")
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as folder:
        work = Path(folder)
        if not args.skip_jobs:
            bench_jobs(work, args.files, args.file_kb, args.repeat)
        if not args.skip_big:
            bench_big(work, args.big_mb)


if __name__ == "__main__":
    main()
