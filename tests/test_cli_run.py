"""The work loop under --jobs: results in input order, and a long file holds up no worker."""

from __future__ import annotations

import time
from pathlib import Path

from dkfix._cli_plan import Task
from dkfix._cli_run import run_in_order


def wait_for_the_last(task: Task) -> str:
    """The first file finishes only once the last has (or after 20 s, and says so)."""
    first, flag = task.source.split("|")
    if first == "first":
        deadline = time.monotonic() + 20
        while not Path(flag).exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return "first: " + ("after the last" if Path(flag).exists() else "timed out")
    if first == "last":
        Path(flag).touch()
    return first


def test_a_long_first_file_does_not_stop_the_workers_going_on(tmp_path: Path) -> None:
    flag = str(tmp_path / "last-done")
    names = ["first", *(f"file{index}" for index in range(60)), "last"]
    tasks = [Task(f"{name}|{flag}") for name in names]
    results: list[str] = []
    seen: list[str] = []
    run_in_order(tasks, wait_for_the_last, 2, results, seen.append)
    assert results == seen == ["first: after the last", *names[1:]]
