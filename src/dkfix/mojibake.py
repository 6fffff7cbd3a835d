"""Reversible mojibake that ftfy leaves broken in Danish text (placeholder; being written)."""

from __future__ import annotations

from .config import Config
from .edits import Edit


def residual_mojibake_edits(text: str, config: Config) -> list[Edit]:
    return []


def code_page_edits(text: str, config: Config) -> list[Edit]:
    return []
