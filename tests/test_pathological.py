"""Bounded cost: long runs of one character or pattern never make dkfix hang.

A regex with nested quantifiers, or a loop that searches from the start of the line
each time, costs time quadratic in the input. On ordinary documents that never
shows; on a 200 KB run of one letter, of placeholders or of table cells it turns
seconds into hours, and one bad document stalls a corpus pipeline. Each case runs a
public function on 50,000 characters of one pattern (``DKFIX_PATHOLOGICAL_SIZE=200000``
for a longer run) and checks two things:

* it finishes within `SECONDS_PER_200K` seconds per 200,000 characters: generous,
  so that only super-linear behaviour trips it, never a slow machine;
* four times the input costs less than `MOST_GROWTH` times as much: linear code
  costs four times as much, quadratic code sixteen times.

A case that blows up is stopped at its bound (`time_limit`) when the time goes to
Python code; a single regex call cannot be stopped, so known blow-ups are run on
less text. Timings of the cost per megabyte are in benchmarks/bench_scaling.py.
"""

from __future__ import annotations

import gc
import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import pytest

from dkfix import (
    clean,
    decode_bytes,
    detect,
    find_numbers,
    find_tables,
    fix_text,
    normalize_numbers,
)
from dkfix.damage import fold, in_paragraphs

SIZE = int(os.environ.get("DKFIX_PATHOLOGICAL_SIZE", "50000"))
SECONDS_PER_200K = 10.0
MOST_GROWTH = 10.0
# Below this, a time is too short to compare: caches and the garbage collector dominate.
_COMPARABLE_SECONDS = 0.25


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeoutError in the block once `seconds` have passed (main thread, POSIX)."""
    if not hasattr(signal, "setitimer"):
        yield  # Windows: no interval timer; the time is still checked afterwards
        return

    def _expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds:.1f} s")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def repeated(unit: str, size: int) -> str:
    """`unit` repeated to `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


# Patterns: a unit repeated, or a function of the size for shapes that are not repeats.
Pattern = str | Callable[[int], str]

PATTERNS: dict[str, Pattern] = {
    "one letter": "a",
    "spaces": " ",
    "spaces then a letter": lambda n: " " * (n - 1) + "x",
    "placeholder Å": "Å",
    "placeholder ?": "?",
    "placeholder U+FFFD": "\ufffd",
    "letters with Å": "aÅ",
    "words with Å": "pÅ gÅr ",
    "letters, then Å": lambda n: "a" * (n - 7) + " pÅ gÅr",
    "a long word with Å": lambda n: "pÅ gÅr " + "a" * (n - 8) + "Å",
    "Ã": "Ã",
    "mojibake words": "KÃ¸benhavn K›benhavn ",
    "folded words": "paa gaaden og soen ",
    "capitals": "AB ",
    "digits": "1",
    "digits and dots": "1.",
    "digits and spaces": "1 ",
    "percents": "1%",
    "dates": "1/2 ",
    "amounts": "1 mio ",
    "tabs": "\t",
    "table cells": "a\t1\n",
    "tab-separated row": "X\t",
    "newlines": "\n",
    "CRLF": "\r\n",
    "line separators": "\u2028",
    "dashes": "-",
    "hyphenated lines": "ab-\n",
    "bullets": "• ",
    "pipes": "|",
    "markup": "<a ",
    "bold marks": "**a ",
    "entities": "&amp;",
    "combining marks": "a\u0301",
    "zero width": "\u200b",
    "NULs": "\x00",
    "running header": "Budgetforlig 2018 5 til og med. ",
    "lines of NUL words": ("ord \x00 " * 500)[:-1] + "\n",
}

Call = Callable[[str], Any]
FUNCTIONS: dict[str, Call] = {
    "fix_text": fix_text,
    "detect": detect,
    "clean": lambda text: clean(text, tables="markdown"),
    "find_numbers": find_numbers,
    "normalize_numbers": normalize_numbers,
    "find_tables": find_tables,
    "decode_bytes": lambda text: decode_bytes(_bytes_of(text)),
    "damage.fold": lambda text: in_paragraphs(text, fold, every=2),
}


def _bytes_of(text: str) -> bytes:
    """`text` as cp1252 (Danish of a legacy code page: the scored path) where it can be."""
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


# What each function reads: the patterns that reach its own code. fix_and_explain runs
# the pipeline of fix_text, detect that pipeline and its own damage finders, clean the
# pipeline, find_tables and find_numbers; parse_number runs find_numbers.
_LETTERS = [p for p in PATTERNS if p not in {"table cells", "tab-separated row"}]
_DAMAGE = ["placeholder Å", "placeholder ?", "placeholder U+FFFD", "letters with Å"]
_DAMAGE += ["words with Å", "Ã", "mojibake words", "folded words", "capitals", "NULs"]
_NUMBERS = ["one letter", "placeholder ?", "digits", "digits and dots", "digits and spaces"]
_NUMBERS += ["percents", "dates", "amounts", "table cells", "dashes", "bullets", "NULs"]
_TABLES = ["tabs", "table cells", "tab-separated row", "newlines", "CRLF", "line separators"]
_TABLES += ["pipes", "capitals", "digits and spaces", "hyphenated lines"]
_BYTES = ["placeholder Å", "letters with Å", "letters, then Å", "mojibake words", "NULs"]
PATTERNS_OF: dict[str, list[str]] = {
    "fix_text": _LETTERS,
    "detect": _DAMAGE,
    "clean": ["table cells", "mojibake words", "newlines"],
    "find_numbers": _NUMBERS,
    "normalize_numbers": ["amounts", "dates"],
    "find_tables": _TABLES,
    "decode_bytes": _BYTES,
    "damage.fold": ["one letter", "newlines", "words with Å", "letters, then Å"],
}


class Known(NamedTuple):
    """A case known to blow up, run on `size` characters until it is fixed."""

    size: int
    reason: str


KNOWN: dict[tuple[str, str], Known] = {}


def _cases() -> Iterator[Any]:
    for function, patterns in PATTERNS_OF.items():
        for pattern in patterns:
            known = KNOWN.get((function, pattern))
            marks = [pytest.mark.xfail(strict=True, reason=known.reason)] if known else []
            yield pytest.param(function, pattern, id=f"{function}-{pattern}", marks=marks)


def _text(pattern: str, size: int) -> str:
    shape = PATTERNS[pattern]
    return repeated(shape, size) if isinstance(shape, str) else shape(size)


@pytest.mark.parametrize(("function", "pattern"), list(_cases()))
def test_cost_is_linear(function: str, pattern: str) -> None:
    call = FUNCTIONS[function]
    known = KNOWN.get((function, pattern))
    size = known.size if known else SIZE
    bound = SECONDS_PER_200K * size / 200_000
    call(_text(pattern, 1000))  # loads the word data the pattern needs
    small = _seconds(call, _text(pattern, size // 4), bound)
    large = _seconds(call, _text(pattern, size), bound)
    assert large < bound, f"{large:.2f} s for {size} characters"
    if large > _COMPARABLE_SECONDS:
        assert large < MOST_GROWTH * small, f"{small:.2f} s, then {large:.2f} s for 4x the text"


def _seconds(call: Call, text: str, bound: float) -> float:
    # A full garbage collection of the whole test session's heap can take longer than
    # the call; it would be timed as the call's.
    gc.disable()
    start = time.perf_counter()
    try:
        with time_limit(bound):
            call(text)
    except TimeoutError:
        pass  # the caller sees the time
    finally:
        gc.enable()
    return time.perf_counter() - start


def test_time_limit_stops_python_code() -> None:
    start = time.perf_counter()
    with pytest.raises(TimeoutError), time_limit(0.05):
        while True:
            pass
    assert time.perf_counter() - start < 5


def test_patterns_are_the_size_asked() -> None:
    for pattern in PATTERNS:
        assert len(_text(pattern, 1000)) == 1000, pattern
