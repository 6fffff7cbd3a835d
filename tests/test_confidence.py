"""Unsure letter restorations: flagged when made, kept as written when the caller says leave.

And the damage-level findings of `detect` for lost letters.
"""

from __future__ import annotations

import pytest

from dkfix import Config, detect, fix_and_explain, fix_text
from dkfix.config import LETTER_FIXES, field_names, setting_names

DAMAGED = "Vi gÅr hjem fÅr jul, og BÅrne- og Familieudvalget fÅlger Åkonomien pÅ omrÅdet."


def test_settings_are_validated() -> None:
    with pytest.raises(ValueError, match="confidence_threshold"):
        Config(confidence_threshold=1.5)
    with pytest.raises(ValueError, match="low_confidence"):
        Config(low_confidence="guess")  # type: ignore[arg-type]


def test_settings_are_not_fixes() -> None:
    assert set(setting_names()) == {"confidence_threshold", "low_confidence"}
    assert not set(setting_names()) & set(field_names())
    assert set(LETTER_FIXES) <= set(field_names())


def test_repair_mode_flags_unsure_restorations() -> None:
    fixed = fix_and_explain(DAMAGED, confidence_threshold=1.0)
    unsure = [e for e in fixed.edits if e.kind in LETTER_FIXES and e.confidence < 1.0]
    assert fixed.flagged == unsure
    assert "Å" not in fixed.text


def test_nothing_is_flagged_below_a_zero_threshold() -> None:
    assert fix_and_explain(DAMAGED, confidence_threshold=0.0).flagged == []


def test_leave_mode_keeps_unsure_words_as_written() -> None:
    sure = fix_and_explain(DAMAGED, confidence_threshold=1.0, low_confidence="leave")
    assert sure.flagged == []
    assert all(e.confidence >= 1.0 for e in sure.edits if e.kind in LETTER_FIXES)
    flagged = {e.original for e in fix_and_explain(DAMAGED, confidence_threshold=1.0).flagged}
    left = {word for word in sure.text.split() if "Å" in word}
    assert left <= flagged


def test_leave_mode_is_idempotent() -> None:
    options = {"confidence_threshold": 0.999, "low_confidence": "leave"}
    once = fix_text(DAMAGED, **options)
    assert fix_text(once, **options) == once


def test_detect_reports_placeholder_damage_by_paragraph() -> None:
    clean = "Hej med dig. Vi ses på fredag.\n"
    text = DAMAGED + "\n\n" + clean
    findings = [f for f in detect(text).findings if f.kind == "placeholder_damage"]
    assert [(f.start, f.end) for f in findings] == [(0, len(DAMAGED))]
    assert "'Å'" in findings[0].evidence
    assert 0.5 < findings[0].confidence <= 1.0


def test_detect_score_counts_changes_not_regions() -> None:
    diagnosis = detect(DAMAGED + "\n\n" + "Hej med dig.\n" * 20)
    assert diagnosis.is_broken
    assert diagnosis.score < 0.5


def test_detect_without_placeholder_repair_reports_no_placeholder_damage() -> None:
    kinds = detect(DAMAGED, restore_placeholders=False).kinds()
    assert "placeholder_damage" not in kinds


def test_detect_reports_folded_paragraphs_with_their_scheme() -> None:
    folded = "Vi gaar hjem foer jul, og udvalget foelger oekonomien paa omraadet."
    text = folded + "\n\nHej med dig på Ærø.\n"
    findings = [f for f in detect(text).findings if f.kind == "folded_letters"]
    assert [(f.start, f.end) for f in findings] == [(0, len(folded))]
    assert "oe/ae/aa" in findings[0].evidence
    assert "paa → på" in findings[0].evidence


def test_detect_leaves_historical_spelling_and_place_names_alone() -> None:
    text = "Aarhus og Aalborg er byer. Vi ses paa mandag i Kjøbenhavn."
    assert not detect(text).is_broken
