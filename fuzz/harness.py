"""What the fuzz targets share: an instrumented dkfix, input as text, invariants, the main loop.

A target script imports this module first: `instrumented_dkfix` imports every module
of dkfix under atheris's instrumentation, so that coverage guides the fuzzer
through all of dkfix, including the modules dkfix imports only when it needs them.
The checks raise AssertionError, which atheris reports as a crash with its input.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import sys
import zlib
from collections.abc import Callable

import atheris

# Modules that need extras or only serve the command line; the library does not import them.
_NOT_FUZZED = ("dkfix.integrations", "dkfix.cli", "dkfix._cli", "dkfix.__main__")
# The output of fix_text is at most this many times as long as its input (see test_laws.py).
GROWTH_FACTOR = 3
# One input in this many is also checked for idempotence (fixing it twice), which doubles
# the cost of that input.
IDEMPOTENCE_SAMPLE = 4
# Inputs that hit a known, reported blow-up: skipped when DKFIX_FUZZ_SKIP_KNOWN is set
# (``run.py --skip-known``), so that a run looks for other bugs until it is fixed. A word
# of many non-ASCII marks ("■■■■■■■■r", a careless decoder's lone surrogates) has
# 3 ** (its marks) placeholder readings.
KNOWN_SLOW = re.compile(r"[^\w\s\x00-\x7f]{6,}")
_SKIP_KNOWN = bool(os.environ.get("DKFIX_FUZZ_SKIP_KNOWN"))


def instrumented_dkfix() -> None:
    """Import all of dkfix with coverage instrumentation."""
    with atheris.instrument_imports(include=["dkfix"]):
        import dkfix

        for module in pkgutil.walk_packages(dkfix.__path__, "dkfix."):
            if not module.name.startswith(_NOT_FUZZED):
                importlib.import_module(module.name)


def as_text(data: bytes) -> str:
    """The fuzzer's bytes as a str: UTF-8 where they are, lone surrogates where not.

    The seeds are UTF-8 text, so mutations stay close to text; invalid bytes become
    the lone surrogates U+DC80 to U+DCFF, which a str from a careless decoder holds.
    """
    return data.decode("utf-8", "surrogateescape")


def known_slow(text: str) -> bool:
    """True if `text` hits a known blow-up and this run skips those."""
    return _SKIP_KNOWN and KNOWN_SLOW.search(text) is not None


def sampled(data: bytes) -> bool:
    """True for a fixed share of inputs (the same ones on every run)."""
    return zlib.crc32(data) % IDEMPOTENCE_SAMPLE == 0


def check_edits(text: str, result_text: str, edits: list[object]) -> None:
    """The edits are in order, apart, each on what it names, and replay to the result."""
    from dkfix import Edit, apply_edits

    position = 0
    for edit in edits:
        assert isinstance(edit, Edit), edit
        assert position <= edit.start <= edit.end <= len(text), edit
        assert text[edit.start : edit.end] == edit.original, edit
        assert 0.0 <= edit.confidence <= 1.0, edit
        position = edit.end
    assert apply_edits(text, edits) == result_text  # type: ignore[arg-type]


def fuzz(test_one_input: Callable[[bytes], None]) -> None:
    """Run libFuzzer on `test_one_input` with the command line's options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
