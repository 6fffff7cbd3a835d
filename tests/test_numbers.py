"""The Danish number layer: what it reads, what it never reads, and its laws.

* each construction the issue names is read with the right fields;
* identifiers (case numbers, paragraphs, phone and page numbers …) are never quantities;
* random Decimals survive Danish formatting and parsing exactly;
* no str makes it raise, and long runs of digits and dots are read in linear time;
* normalizing replays as edits, settles in one pass, and never touches identifiers.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from babel.numbers import format_decimal
from hypothesis import example, given
from hypothesis import strategies as st

from dkfix.edits import apply_edits
from dkfix.numbers import (
    NumberMatch,
    find_numbers,
    normalize_numbers,
    number_edits,
    parse_number,
)
from dkfix.numbers._parse import danish_decimal
from strategies import arbitrary_text, clean_danish_text

D = Decimal

# (expression, expected fields): each is all of the text given to parse_number.
READINGS: list[tuple[str, dict[str, Any]]] = [
    # digits: decimal comma, thousands dot, signs
    ("44,9", {"kind": "number", "value": D("44.9")}),
    ("1.881", {"kind": "number", "value": D(1881)}),
    ("286.719 kr.", {"kind": "amount", "value": D(286719), "unit": "DKK"}),
    ("-2,5", {"kind": "number", "value": D("-2.5"), "normalized": "-2.5"}),
    ("+47", {"kind": "number", "value": D(47), "normalized": "+47"}),
    ("0,7", {"kind": "number", "value": D("0.7")}),
    # percents
    ("44,9%", {"kind": "percent", "value": D("44.9"), "unit": "%", "normalized": "44.9 %"}),
    ("44,9 %", {"kind": "percent", "value": D("44.9"), "unit": "%"}),
    ("seks procent", {"kind": "percent", "value": D(6), "unit": "%", "normalized": "6 %"}),
    ("2,5 pct.", {"kind": "percent", "value": D("2.5"), "unit": "%"}),
    ("44.9 %", {"kind": "percent", "value": D("44.9"), "normalized": "44.9 %"}),
    # amounts: scale words and abbreviations, currency before or after
    ("26,8 millioner kroner", {"kind": "amount", "value": D(26800000), "unit": "DKK"}),
    ("22,1 millioner", {"kind": "number", "value": D(22100000)}),
    ("300 mio kr", {"kind": "amount", "value": D(300000000), "normalized": "300000000 DKK"}),
    ("1,7 mio. kr.", {"kind": "amount", "value": D(1700000), "unit": "DKK"}),
    ("81 mia. kr.", {"kind": "amount", "value": D(81000000000)}),
    ("1,3 mia", {"kind": "number", "value": D(1300000000)}),
    ("5,5 milliarder kroner", {"kind": "amount", "value": D(5500000000)}),
    ("5 tusind kroner", {"kind": "amount", "value": D(5000)}),
    ("kr. 15.000", {"kind": "amount", "value": D(15000), "normalized": "15000 DKK"}),
    ("kr. 15.000,-", {"kind": "amount", "value": D(15000)}),
    ("200.000 driftskroner", {"kind": "amount", "value": D(200000), "unit": "DKK"}),
    ("26800000 DKK", {"kind": "amount", "value": D(26800000), "unit": "DKK"}),
    # number words
    ("fem millioner kroner", {"kind": "amount", "value": D(5000000)}),
    ("tre", {"kind": "number", "value": D(3)}),
    ("ni", {"kind": "number", "value": D(9)}),
    ("en halv million", {"kind": "number", "value": D(500000)}),
    ("en halv million kroner", {"kind": "amount", "value": D(500000)}),
    ("halvanden", {"kind": "number", "value": D("1.5")}),
    ("halvanden million kroner", {"kind": "amount", "value": D(1500000)}),
    ("to og en halv million", {"kind": "number", "value": D(2500000)}),
    ("syvoghalvfems", {"kind": "number", "value": D(97)}),
    ("hundrede og tyve", {"kind": "number", "value": D(120)}),
    ("én", {"kind": "number", "value": D(1)}),
    ("fire år", {"kind": "number", "value": D(4), "unit": "år"}),
    # qualifiers
    ("cirka 20", {"value": D(20), "qualifier": "cirka"}),
    ("ca. 39.000", {"value": D(39000), "qualifier": "cirka", "normalized": "ca. 39000"}),
    ("knap 90.000", {"value": D(90000), "qualifier": "knap"}),
    ("godt 200", {"value": D(200), "qualifier": "godt"}),
    ("over 700", {"value": D(700), "qualifier": "over"}),
    ("mere end 15.000", {"value": D(15000), "qualifier": "over"}),
    ("mindst 75 år", {"value": D(75), "qualifier": "mindst", "unit": "år"}),
    ("min. fire millioner kroner", {"kind": "amount", "qualifier": "mindst"}),
    ("højest ti år", {"value": D(10), "qualifier": "højest"}),
    ("op til 16", {"value": D(16), "qualifier": "op til"}),
    ("ca. 12500", {"kind": "number", "value": D(12500), "qualifier": "cirka"}),
    # ranges
    ("80-100", {"kind": "range", "low": D(80), "high": D(100), "value": None}),
    ("2022-2025", {"kind": "range", "low": D(2022), "high": D(2025)}),
    ("mellem 15 og 20", {"kind": "range", "low": D(15), "high": D(20), "normalized": "15-20"}),
    ("18 til 24 år", {"kind": "range", "low": D(18), "high": D(24), "unit": "år"}),
    ("10-15 mio. kr.", {"kind": "range", "low": D(10000000), "high": D(15000000)}),
    ("2024/2025", {"kind": "range", "low": D(2024), "high": D(2025)}),
    ("cirka 80-100", {"kind": "range", "qualifier": "cirka"}),
    # dates and times
    ("13. august 2025", {"kind": "date", "date": datetime.date(2025, 8, 13)}),
    ("13-08-2025", {"kind": "date", "date": datetime.date(2025, 8, 13)}),
    ("31/12 2021", {"kind": "date", "date": datetime.date(2021, 12, 31)}),
    ("2021-12-14", {"kind": "date", "date": datetime.date(2021, 12, 14)}),
    ("13.08.2025", {"kind": "date", "date": datetime.date(2025, 8, 13)}),
    ("5. nov. 2018", {"kind": "date", "date": datetime.date(2018, 11, 5)}),
    ("1. januar", {"kind": "date", "date": None, "normalized": "1. januar"}),
    (
        "Onsdag d. 13. august 2025 kl. 08:00",
        {
            "kind": "date",
            "date": datetime.date(2025, 8, 13),
            "time": datetime.time(8, 0),
            "normalized": "2025-08-13 08:00",
        },
    ),
    ("kl. 08:00", {"kind": "time", "time": datetime.time(8, 0), "normalized": "08:00"}),
    ("kl. 10.45", {"kind": "time", "time": datetime.time(10, 45), "normalized": "10:45"}),
    ("kl. 8", {"kind": "time", "time": datetime.time(8, 0)}),
    # units
    ("12 uger", {"kind": "number", "value": D(12), "unit": "uger"}),
    ("ca. 15 minutter", {"value": D(15), "unit": "minutter", "qualifier": "cirka"}),
    ("100 m2", {"value": D(100), "unit": "m2"}),
    ("2½ år", {"value": D("2.5"), "unit": "år"}),
]


@pytest.mark.parametrize(("text", "fields"), READINGS, ids=[text for text, _ in READINGS])
def test_reads(text: str, fields: dict[str, Any]) -> None:
    match = parse_number(text)
    assert match is not None
    assert {name: getattr(match, name) for name in fields} == fields


# Inside a sentence: (text, the expression, expected fields).
IN_CONTEXT: list[tuple[str, str, dict[str, Any]]] = [
    (
        "børn i alderen 2,9 – 3,3 år sprogvurderes",
        "2,9 – 3,3 år",
        {"kind": "range", "low": D(33), "high": D(39), "unit": "måneder"},
    ),
    (
        "ved alle børn i 5 – 5,8 års alderen",
        "5 – 5,8 års",
        {"kind": "range", "low": D(60), "high": D(68), "unit": "måneder"},
    ),
    ("da børnene var 3 og 12 måneder", "3", {"value": D(3), "unit": "måneder"}),
    (
        "Budgetforlig 2018 5 læge. Budgetforlig 2018 og Budgetforlig 2018.",
        "5",
        {"kind": "identifier"},
    ),
    ("i 2018 3,5 millioner kroner", "3,5 millioner kroner", {"value": D(3500000)}),
    ("er 51,5 % - 17 ud af 33 sager", "51,5 %", {"kind": "percent"}),
    ("på torsdage fra 17-19, mod", "17-19", {"kind": "range", "low": D(17)}),
    ("som Danmarks 13. største kommune", "13.", {"kind": "ordinal", "value": D(13)}),
    ("Data 1. kvartal 2025", "1.", {"kind": "ordinal", "value": D(1)}),
    ("Henvisning 1.-2. kvartal", "1.-2.", {"kind": "range", "low": D(1), "high": D(2)}),
    ("1. Flere tilbud i Herning", "1.", {"kind": "identifier"}),
]


@pytest.mark.parametrize(("text", "expression", "fields"), IN_CONTEXT)
def test_reads_in_context(text: str, expression: str, fields: dict[str, Any]) -> None:
    matches = [m for m in find_numbers(text) if m.text == expression]
    assert len(matches) == 1, find_numbers(text)
    assert {name: getattr(matches[0], name) for name in fields} == fields


# -- what is never a quantity ------------------------------------------------------------

IDENTIFIERS = [
    "Sagsnr.: 00.15.01-A21-1-18 Sagsbehandler",
    "17.04.00-P20-2-24",
    "jf. § 41 i loven",
    "Tabt arbejdsfortjeneste §§ 87, 88",
    "§§ 32, 32a, 36, 39-40",
    "efter § 3, stk. 2 i retssikkerhedsloven",
    "Tlf.: 96282642",
    "Mobil: +45 40 22 32 28",
    "stednr. 301064 på",
    "Mødested: C3.40",
    "A1.158 - BROEN",
    "se nr. 877",
    "# Punkt 96: Orientering",
    "(se side 14)",
    "Ungmod 24/7 er et tilbud",
    "i uge 34 vedrørende",
    "CO2-udslip",
    "kl 10.45 er ikke 10.45",
    "3.5 er et afsnit",
    "ring på 96 28 26 42 i dag",
    "Ring +45 96 28 26 42 i dag",
]


def test_a_list_of_two_digit_numbers_is_no_phone_number() -> None:
    matches = find_numbers("tallene 10 20 30 40 50 og +45 til 50")
    assert [m.kind for m in matches] == ["number"] * 7


@pytest.mark.parametrize("text", IDENTIFIERS)
def test_identifiers_are_never_quantities(text: str) -> None:
    matches = find_numbers(text)
    assert matches
    assert not [m for m in matches if m.is_quantity and not m.text.startswith("kl")]
    for match in matches:
        if match.kind == "identifier":
            assert (match.value, match.low, match.high, match.unit) == (None, None, None, None)
            assert match.normalized == match.text


def test_table_of_contents_pages_are_identifiers() -> None:
    text = (
        "Orientering om status.....\t3\n"
        "Godkendelse af ny dokumentationsramme\t20\n"
        "Evt./meddelelser - åbne.....\t27\n"
    )
    assert [(m.text, m.kind) for m in find_numbers(text)] == [
        ("3", "identifier"),
        ("20", "identifier"),
        ("27", "identifier"),
    ]


NOT_NUMBERS = [
    "handicap- og dagtilbudsområdet, ikke mindst de ældre",
    "blandt andet samråd",
    "hvert andet år",
    "én gang månedligt",
    "en gang om året",
    "et enkelt tryk på en knap et videoopkald",
    "an AI-powered assistant to organize your files",
    "tusind tak",
    "Det første halve år",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_idioms_are_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


# -- round trips -------------------------------------------------------------------------

decimals = st.decimals(
    min_value=D("-1e15"), max_value=D("1e15"), allow_nan=False, allow_infinity=False, places=4
)


@given(decimals)
@example(D("-0"))
@example(D("1234"))
@example(D("12345.6789"))
def test_danish_formatting_round_trips(value: Decimal) -> None:
    for written in (
        danish_decimal(value),
        format_decimal(value, locale="da_DK", decimal_quantization=False),
    ):
        match = parse_number(written)
        assert match is not None, written
        assert (match.kind, match.value) == ("number", value), written
        percent = parse_number(written + " %")
        assert percent is not None and percent.value == value


@given(decimals.filter(lambda d: d >= 0), st.sampled_from(["mio. kr.", "millioner kroner"]))
def test_amounts_round_trip_with_their_scale(value: Decimal, scale: str) -> None:
    match = parse_number(f"{danish_decimal(value)} {scale}")
    assert match is not None
    assert match.kind == "amount"
    assert match.value == value * 1_000_000


@given(decimals)
def test_plain_form_reads_back(value: Decimal) -> None:
    match = parse_number(f"{danish_decimal(value)} kr.")
    assert match is not None
    again = parse_number(match.normalized)
    assert again is not None and again.value == value and again.unit == "DKK"


# -- any text ----------------------------------------------------------------------------


def _check_matches(text: str, matches: list[NumberMatch]) -> None:
    position = 0
    for match in matches:
        assert position <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        if match.kind == "identifier":
            assert match.value is None and match.low is None and match.high is None
        position = match.end


number_pieces = st.sampled_from(
    [
        "1", "12", "2018", "0", "05", ".", ",", "-", "–", "/", ":", " ", "\n", "\t", "%",
        "kr.", "mio", "ca.", "knap", "mellem", "og", "til", "en", "halv", "million", "to",
        "millioner", "kroner", "§", "stk.", "Punkt", "kl.", "08:00", "august", "Onsdag", "d.",
        "år", "alderen", "2,9", "1.881", "44,9", "+", "(", "C3", "tusind", "én", "....",
    ]
)  # fmt: skip
numberish_text = st.lists(number_pieces, max_size=16).map("".join)


@given(st.one_of(arbitrary_text(), numberish_text, clean_danish_text()))
@example("\x00\ud800 12,5 % \udfff")
@example("1" * 10_000)
def test_any_text_is_read_without_error(text: str) -> None:
    _check_matches(text, find_numbers(text))
    parse_number(text)
    for style in ("da", "plain"):
        edits = number_edits(text, style)
        result = apply_edits(text, edits)
        assert normalize_numbers(text, style) == result
        assert normalize_numbers(result, style) == result


@pytest.mark.parametrize(
    "text",
    [
        "1" * 20_000,
        "1." * 10_000,
        "1," * 10_000,
        "1-" * 10_000,
        "-1" * 10_000,
        "." * 20_000 + "1",
        "1.1" * 7_000,
        "§ 1, " * 4_000,
        "cirka " * 4_000 + "5",
        "1. " * 5_000,
    ],
    ids=lambda text: repr(text[:6]),
)
def test_long_runs_are_read(text: str) -> None:
    """Linear scanning: these would take minutes with backtracking or quadratic look-backs."""
    _check_matches(text, find_numbers(text))


# -- normalizing -------------------------------------------------------------------------

NORMALIZED = [
    ("44,9%", "da", "44,9 %"),
    ("300 mio kr", "da", "300 mio. kr."),
    ("Cirka 1,3 mia af udgifterne", "da", "Cirka 1,3 mia. af udgifterne"),
    ("15000 kr. og ca 20", "da", "15.000 kr. og ca. 20"),
    ("26,8 millioner kroner", "da", "26,8 millioner kroner"),
    ("26,8 millioner kroner", "plain", "26800000 DKK"),
    ("44,9 %", "plain", "44.9 %"),
    ("fire procent", "plain", "4 %"),
    ("13. august 2025", "plain", "2025-08-13"),
    ("kl. 10.45", "plain", "10:45"),
    ("i alderen 2,9 – 3,3 år", "plain", "i alderen 2,9 – 3,3 år"),
    ("§ 41 og stednr. 301064", "plain", "§ 41 og stednr. 301064"),
    ("§ 41 og stednr. 301064", "da", "§ 41 og stednr. 301064"),
]


@pytest.mark.parametrize(("text", "style", "expected"), NORMALIZED)
def test_normalize(text: str, style: str, expected: str) -> None:
    assert normalize_numbers(text, style) == expected


def test_edits_explain_each_change() -> None:
    edits = number_edits("Cirka 300 mio kr og 44,9%", "da")
    assert [(e.original, e.replacement, e.kind) for e in edits] == [
        ("Cirka 300 mio kr", "Cirka 300 mio. kr.", "normalize_numbers"),
        ("44,9%", "44,9 %", "normalize_numbers"),
    ]
    assert all(e.reason for e in edits)


def test_clean_text_without_numbers_is_untouched() -> None:
    text = "Herning Kommune er inde i en positiv udvikling."
    assert number_edits(text, "da") == number_edits(text, "plain") == []


def test_bad_arguments_raise_clear_errors() -> None:
    with pytest.raises(ValueError, match="style"):
        normalize_numbers("12", style="danish")
    with pytest.raises(TypeError, match="str"):
        find_numbers(b"12")  # type: ignore[arg-type]
    assert parse_number("fem og tyve æbler") is None
    assert parse_number("") is None
