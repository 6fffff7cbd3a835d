"""The examples in the README and in docstrings are run, so they stay true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import dkfix

README = Path(__file__).resolve().parent.parent / "README.md"
MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(dkfix.__path__, "dkfix.")
    if "integrations" not in info.name
)


def test_readme_examples() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
