"""detect(): find damage without changing anything, so pipelines can filter or route documents.

Besides one finding per change a fix would make, detect reports each *damage* as a
whole: which character stands in for lost letters and in which paragraphs
(``placeholder_damage``), and which paragraphs spell æ, ø and å with ASCII letters
and by which scheme (``folded_letters``), so a pipeline can count or route damaged
documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .config import Config, with_overrides
from .edits import Edit
from .fixing import require_str, run_fixes
from .letters.folding_detect import find_folding
from .letters.placeholders import find_placeholders

# Changes that make text tidier without it having been broken.
_COSMETIC_KINDS = frozenset({"normalization"})
# Findings that name a damaged region rather than one change; the score counts changes.
_REGION_KINDS = frozenset({"placeholder_damage", "folded_letters"})
_REPLACEMENT_CHARACTER = "\ufffd"


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of damage: its `kind`, its span in the text, the `evidence`, how sure."""

    kind: str
    start: int
    end: int
    evidence: str
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """What `detect` found: `is_broken`, a `score` (share of damaged characters), `findings`."""

    is_broken: bool
    score: float
    findings: list[Finding] = field(default_factory=list)

    def kinds(self) -> dict[str, int]:
        """How many findings of each kind."""
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
        return counts


def detect(text: str, config: Config | None = None, **overrides: Any) -> Diagnosis:
    """Report the damage in `text` without repairing it.

    >>> detect("Velkommen til København").is_broken
    False
    >>> diagnosis = detect("Velkommen til KÃ¸benhavn")
    >>> diagnosis.is_broken, diagnosis.findings[0].kind
    (True, 'fix_encoding')
    """
    require_str(text, "detect")
    config = with_overrides(config, overrides)
    findings = [_finding(edit) for edit in run_fixes(text, config).edits]
    findings += _lost_characters(text)
    if config.restore_placeholders:
        findings += _placeholder_damage(text)
    if config.restore_folded_letters:
        findings += _folding_damage(text)
    findings.sort(key=lambda f: (f.start, f.end))
    damaged = [f for f in findings if f.kind not in _COSMETIC_KINDS]
    damaged_chars = sum(max(1, f.end - f.start) for f in damaged if f.kind not in _REGION_KINDS)
    score = min(1.0, damaged_chars / max(1, len(text)))
    return Diagnosis(bool(damaged), score, findings)


def _finding(edit: Edit) -> Finding:
    evidence = f"{edit.original!r} would become {edit.replacement!r}"
    if edit.reason:
        evidence += f": {edit.reason}"
    return Finding(edit.kind, edit.start, edit.end, evidence, edit.confidence)


def _lost_characters(text: str) -> list[Finding]:
    """U+FFFD marks characters already lost before dkfix saw the text."""
    findings = []
    start = text.find(_REPLACEMENT_CHARACTER)
    while start != -1:
        end = start
        while end < len(text) and text[end] == _REPLACEMENT_CHARACTER:
            end += 1
        findings.append(
            Finding("lost_characters", start, end, "U+FFFD: characters lost in an earlier decoding")
        )
        start = text.find(_REPLACEMENT_CHARACTER, end)
    return findings


def _placeholder_damage(text: str) -> list[Finding]:
    """One finding per paragraph that a placeholder character damaged."""
    findings = []
    for damage in find_placeholders(text):
        evidence = (
            f"{damage.char!r} stands for lost letters: {damage.evidence} words of the text "
            f"become Danish words with æ, ø or å in its place"
        )
        findings += _regions("placeholder_damage", damage.blocks, evidence, damage.evidence)
    return findings


def _folding_damage(text: str) -> list[Finding]:
    """One finding per paragraph whose æ, ø and å were folded to ASCII letters."""
    findings = []
    for damage in find_folding(text):
        evidence = (
            f"æ, ø and å folded to ASCII as {damage.scheme}: {damage.evidence} words become "
            f"frequent Danish words unfolded ({', '.join(damage.examples)})"
        )
        findings += _regions("folded_letters", damage.regions, evidence, damage.evidence)
    return findings


def _regions(kind: str, regions: list[tuple[int, int]], evidence: str, words: int) -> list[Finding]:
    """Findings for damaged regions; each word of evidence halves the doubt."""
    confidence = round(1.0 - 0.5**words, 3)
    return [Finding(kind, start, end, evidence, confidence) for start, end in regions]
