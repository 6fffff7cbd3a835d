"""The examples in the README and in docstrings are run, so they stay true."""

from __future__ import annotations

import ast
import dataclasses
import doctest
import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest

import dkfix

README = Path(__file__).resolve().parent.parent / "README.md"
INTEGRATIONS = README.parent / "docs" / "integrations.md"
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


# docs/integrations.md needs clusters, Spark and Dask to run; its Python blocks are
# checked for syntax, and every name they import from dkfix must exist.
_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _integrations_blocks() -> list[str]:
    return _PYTHON_BLOCK.findall(INTEGRATIONS.read_text(encoding="utf-8"))


def test_integrations_doc_has_python_examples() -> None:
    assert len(_integrations_blocks()) >= 10


@pytest.mark.parametrize("number", range(len(_integrations_blocks())))
def test_integrations_doc_example_names_exist(number: int) -> None:
    """Names imported from dkfix exist, and calls to them pass only real options."""
    tree = ast.parse(_integrations_blocks()[number], filename=f"{INTEGRATIONS.name} block {number}")
    imported: dict[str, Any] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dkfix"):
            try:
                module = importlib.import_module(node.module or "")
            except ImportError as error:  # the integration's library is not installed here
                pytest.skip(str(error))
            for alias in node.names:
                assert hasattr(module, alias.name), f"{node.module} has no {alias.name}"
                imported[alias.asname or alias.name] = getattr(module, alias.name)
    options = {field.name for field in dataclasses.fields(dkfix.Config)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            function = imported.get(node.func.id)
            if function is None:
                continue
            parameters = set(inspect.signature(function).parameters)
            for keyword in node.keywords:
                assert keyword.arg in parameters | options, f"{node.func.id}({keyword.arg}=...)"
