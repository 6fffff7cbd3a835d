"""A short, bounded run of every fuzz target (fuzz/), as CI can afford it.

Each target gets a few hundred inputs from a fixed libFuzzer seed, starting from a
small seed corpus, in a subprocess: the run must end without a crash or a broken
invariant. The long runs (``python fuzz/run.py --all --seconds 600``) are for
hunting; this keeps the harnesses working. Skipped where atheris is not installed
(it has no Windows build).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

ROOT = Path(__file__).resolve().parents[1]
RUNS = 200


def test_every_target_runs_clean(tmp_path: Path) -> None:
    command = [
        sys.executable,
        str(ROOT / "fuzz" / "run.py"),
        "--all",
        "--parallel=2",
        f"--runs={RUNS}",
        "--seconds=60",
        "--seed=1",
        "--seed-limit=20",
        "--skip-known",  # blow-ups reported and tested elsewhere (fuzz/harness.py KNOWN_SLOW)
        "--timeout=20",
        f"--out={tmp_path}",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    for target in ("fix_text", "decode_bytes", "find_numbers", "find_tables"):
        summary = json.loads((tmp_path / target / "summary.json").read_text(encoding="utf-8"))
        assert summary["executions"] >= RUNS, summary
        assert summary["coverage"] > 0, summary
        assert summary["crashes"] == [], summary
