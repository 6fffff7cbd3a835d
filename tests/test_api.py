"""The public surface: what is exported, how mistakes are reported, and what ships."""

from __future__ import annotations

import dataclasses
import importlib.resources
import logging
import types
from collections.abc import Callable
from typing import Any

import pytest

import dkfix
from dkfix import Config, Edit, Fixed, detect, fix_and_explain, fix_text
from dkfix.config import field_names

TEXT_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "fix_text": fix_text,
    "fix_and_explain": fix_and_explain,
    "detect": detect,
}


# -- exports ----------------------------------------------------------------


def test_all_names_exist() -> None:
    for name in dkfix.__all__:
        assert hasattr(dkfix, name), name


def test_all_is_exactly_the_public_names() -> None:
    """Every public name of the package is in __all__; submodules and imports are not names."""
    public = {
        name
        for name, value in vars(dkfix).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"  # from __future__ import annotations
    }
    assert public | {"__version__"} == set(dkfix.__all__)


def test_star_import_gives_all() -> None:
    namespace: dict[str, Any] = {}
    exec("from dkfix import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(dkfix.__all__)


def test_version_is_a_string() -> None:
    assert isinstance(dkfix.__version__, str)
    assert dkfix.__version__[0].isdigit()


# -- mistakes get clear errors -------------------------------------------------


@pytest.mark.parametrize("function", TEXT_FUNCTIONS)
def test_bytes_point_to_fix_bytes(function: str) -> None:
    with pytest.raises(TypeError, match="fix_bytes"):
        TEXT_FUNCTIONS[function](b"K\xc3\xb8benhavn")


@pytest.mark.parametrize("function", TEXT_FUNCTIONS)
@pytest.mark.parametrize("value", [None, 42, ["København"]], ids=["None", "int", "list"])
def test_non_str_is_a_type_error(function: str, value: object) -> None:
    with pytest.raises(TypeError, match=f"{function}.*takes str, not {type(value).__name__}"):
        TEXT_FUNCTIONS[function](value)


def test_fix_bytes_refuses_str() -> None:
    with pytest.raises(TypeError, match="fix_text"):
        dkfix.fix_bytes("København")  # type: ignore[arg-type]


@pytest.mark.parametrize("function", TEXT_FUNCTIONS)
def test_unknown_option_is_a_type_error(function: str) -> None:
    with pytest.raises(TypeError, match="fix_mojibake"):
        TEXT_FUNCTIONS[function]("København", fix_mojibake=True)


def test_config_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"dkfix\.Config"):
        fix_text("København", {"uncurl_quotes": True})  # type: ignore[arg-type]


def test_config_replace_refuses_unknown_names() -> None:
    with pytest.raises(TypeError, match="unknown"):
        Config().replace(fix_everything=True)


# -- Config ---------------------------------------------------------------------


def test_config_is_frozen() -> None:
    config = Config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.uncurl_quotes = True  # type: ignore[misc]


def test_config_is_keyword_only() -> None:
    with pytest.raises(TypeError):
        Config(True)  # type: ignore[call-arg]


def test_defaults_keep_information() -> None:
    """Curly quotes and line breaks are information; dkfix keeps them unless asked."""
    config = Config()
    assert config.uncurl_quotes is False
    assert config.fix_line_breaks is False
    assert fix_text("“Hej” og ‘farvel’\r\n") == "“Hej” og ‘farvel’\r\n"


def test_options_can_be_turned_on() -> None:
    assert fix_text("“Hej”", uncurl_quotes=True) == '"Hej"'
    assert fix_text("a\r\nb", fix_line_breaks=True) == "a\nb"


def test_a_fix_can_be_turned_off_by_its_name() -> None:
    # Without ftfy's fix_encoding, dkfix's own residual repair still knows this word.
    assert fix_text("KÃ¸benhavn", fix_encoding=False) == "København"
    assert fix_text("KÃ¸benhavn", fix_encoding=False, fix_residual_mojibake=False) == "KÃ¸benhavn"
    assert fix_text("K›benhavn", fix_code_pages=False) == "K›benhavn"
    assert fix_text("Ã…rhus", fix_residual_mojibake=False) == "Ã…rhus"


def test_config_object_and_overrides_combine() -> None:
    config = Config(fix_code_pages=False)
    assert fix_text("K›benhavn", config) == "K›benhavn"
    assert fix_text("K›benhavn", config, fix_code_pages=True) == "København"


# -- results ---------------------------------------------------------------------


def test_fix_and_explain_returns_fixed() -> None:
    result = fix_and_explain("Velkommen til KÃ¸benhavn")
    assert isinstance(result, Fixed)
    assert result.text == "Velkommen til København"
    assert all(isinstance(e, Edit) for e in result.edits)


@pytest.mark.parametrize(
    "text",
    [
        "Velkommen til KÃ¸benhavn",
        "Ã…rhus Universitet",
        "K›benhavn p† fredag",
        "K¿benhavn pŒ fredag",
        "Prisen er 5 &euro; &amp; ﬁre ｆｕｌｌ",
        "\x1b[31mRød\x1b[0m tekst",
    ],
)
def test_edit_kinds_are_config_fields(text: str) -> None:
    edits = fix_and_explain(text).edits
    assert edits
    for change in edits:
        assert change.kind in field_names()
        assert 0.0 <= change.confidence <= 1.0
        assert change.reason


def test_number_normalization_is_an_opt_in_fix() -> None:
    text = "Udgiften er 300 mio kr, 44,9% af budgettet."
    assert fix_text(text) == text
    fixed = fix_and_explain(text, normalize_numbers="da")
    assert fixed.text == "Udgiften er 300 mio. kr., 44,9 % af budgettet."
    assert {edit.kind for edit in fixed.edits} == {"normalize_numbers"}
    assert (
        fix_text(text, normalize_numbers="plain")
        == "Udgiften er 300000000 DKK, 44.9 % af budgettet."
    )
    with pytest.raises(ValueError, match="normalize_numbers"):
        Config(normalize_numbers="fr")  # type: ignore[arg-type]


def test_detect_reports_kinds_and_score() -> None:
    diagnosis = detect("Velkommen til KÃ¸benhavn")
    assert diagnosis.is_broken
    assert 0.0 < diagnosis.score <= 1.0
    assert diagnosis.kinds() == {"fix_encoding": 1}
    clean = detect("Velkommen til København")
    assert not clean.is_broken
    assert clean.score == 0.0


# -- packaging -------------------------------------------------------------------


def test_library_logger_has_a_null_handler() -> None:
    handlers = logging.getLogger("dkfix").handlers
    assert any(isinstance(handler, logging.NullHandler) for handler in handlers)


def test_py_typed_is_shipped() -> None:
    assert importlib.resources.files("dkfix").joinpath("py.typed").is_file()
