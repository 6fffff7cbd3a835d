"""Data-driven cases: every case in tests/cases/*.json, checked several ways.

A case is a JSON object with:

* ``label``: what it shows; ``original``: the input; ``fixed``: the right output;
* ``kind``: the edit kind(s) expected (``fix_encoding``, ``fix_residual_mojibake``,
  ``fix_code_pages``, a list of them, or ``none`` for text that must not change);
* ``provenance``: where the shape of the damage comes from;
* ``expect``: ``pass``, or ``fail`` where the right answer cannot be known from
  the text; those run as strict xfail, so an improvement shows up as a change;
* optionally ``damage``: the chain of misreadings that turned ``fixed`` into
  ``original`` (``"utf-8>sloppy-windows-1252"``: encoded as UTF-8, decoded as
  cp1252), checked here so the stored literals stay right; ``comment``; and
  ``extra_layer: false`` to skip the extra-layer check, and ``extra_layer_fails``
  lists the layers under which a case is a known failure (held like a strict xfail).

Like ftfy's own suite, each case is checked directly, through its explanation
(replayed edits, edit kinds), through `detect`, and with an extra layer of
UTF-8 mojibake on top, which dkfix must peel off as well.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252" used by damage chains)
import pytest

from dkfix import Fixed, apply_edits, detect, fix_and_explain, fix_text
from dkfix.config import field_names

CASES_DIR = Path(__file__).parent / "cases"
REQUIRED_KEYS = {"label", "original", "fixed", "kind", "provenance", "expect"}
OPTIONAL_KEYS = {"damage", "comment", "extra_layer", "extra_layer_fails"}
# Edits that tidy text without it having been broken; allowed alongside any kind.
COSMETIC_KINDS = frozenset({"normalization"})
# The extra layer: the case's input, saved as UTF-8 and read back as these.
EXTRA_LAYERS = ("sloppy-windows-1252", "latin-1")

Case = dict[str, Any]


def load_cases() -> list[tuple[str, Case]]:
    """Every case of every file, with the file's stem."""
    cases: list[tuple[str, Case]] = []
    for path in sorted(CASES_DIR.glob("*.json")):
        with path.open(encoding="utf-8") as file:
            cases.extend((path.stem, case) for case in json.load(file))
    return cases


ALL_CASES = load_cases()


def params(*, honour_expect: bool = True, only_pass: bool = False) -> list[Any]:
    """pytest params for the cases; `fail` cases become strict xfails when honoured."""
    result = []
    for stem, case in ALL_CASES:
        if only_pass and case["expect"] != "pass":
            continue
        marks = []
        if honour_expect and case["expect"] == "fail":
            marks.append(pytest.mark.xfail(strict=True, reason=case.get("comment", "")))
        result.append(pytest.param(case, id=f"{stem}:{case['label']}", marks=marks))
    return result


def expected_kinds(case: Case) -> set[str]:
    kind = case["kind"]
    kinds = {kind} if isinstance(kind, str) else set(kind)
    return kinds - {"none"}


@functools.cache
def explained(text: str) -> Fixed:
    """fix_and_explain, computed once per input for the several checks that use it."""
    return fix_and_explain(text)


def damaged(text: str, chain: str) -> str:
    names = chain.split(">")
    for encoding, decoding in zip(names[::2], names[1::2], strict=True):
        text = text.encode(encoding).decode(decoding)
    return text


# -- the case files themselves ------------------------------------------------


def test_there_are_enough_cases() -> None:
    assert len(ALL_CASES) >= 150


@pytest.mark.parametrize("case", params(honour_expect=False))
def test_case_is_well_formed(case: Case) -> None:
    assert REQUIRED_KEYS <= case.keys() <= REQUIRED_KEYS | OPTIONAL_KEYS
    assert case["expect"] in ("pass", "fail")
    kinds = expected_kinds(case)
    assert kinds <= set(field_names())
    assert (case["original"] == case["fixed"]) == (not kinds)
    if "damage" in case:
        assert damaged(case["fixed"], case["damage"]) == case["original"]


def test_labels_are_unique() -> None:
    labels = [(stem, case["label"]) for stem, case in ALL_CASES]
    assert len(labels) == len(set(labels))


# -- dkfix on each case -------------------------------------------------------


@pytest.mark.parametrize("case", params())
def test_fix_text(case: Case) -> None:
    assert fix_text(case["original"]) == case["fixed"]


@pytest.mark.parametrize("case", params())
def test_edit_kinds(case: Case) -> None:
    result = explained(case["original"])
    assert result.text == case["fixed"]
    reported = {edit.kind for edit in result.edits} - COSMETIC_KINDS
    assert reported == expected_kinds(case)


@pytest.mark.parametrize("case", params())
def test_detect(case: Case) -> None:
    assert detect(case["original"]).is_broken == bool(expected_kinds(case))


@pytest.mark.parametrize("case", params(honour_expect=False))
def test_edits_replay(case: Case) -> None:
    """Whatever the output, the edits point into the input and replay to it."""
    original = case["original"]
    result = explained(original)
    for edit in result.edits:
        assert original[edit.start : edit.end] == edit.original
        assert 0.0 <= edit.confidence <= 1.0
    assert apply_edits(original, result.edits) == result.text


@pytest.mark.parametrize("case", params(honour_expect=False))
def test_right_answer_is_left_alone(case: Case) -> None:
    """The right answer is clean text: dkfix must not change it."""
    assert fix_text(case["fixed"]) == case["fixed"]


@pytest.mark.parametrize("layer", EXTRA_LAYERS)
@pytest.mark.parametrize("case", params(only_pass=True))
def test_extra_layer(case: Case, layer: str) -> None:
    """The same damage under one more layer of UTF-8 mojibake is fixed the same."""
    original = case["original"]
    if original.isascii() or not case.get("extra_layer", True):
        pytest.skip("no extra layer: the input is ASCII or the case opts out")
    fixed = fix_text(original.encode("utf-8").decode(layer))
    if layer in case.get("extra_layer_fails", []):  # known failures, held like strict xfails
        if fixed == case["fixed"]:
            pytest.fail(f"passes under the extra layer now: drop {layer} from extra_layer_fails")
        pytest.xfail("known failure under an extra layer (see the case's comment)")
    assert fixed == case["fixed"]
