"""Finding ASCII folding: where Danish text spells æ, ø and å with ASCII letters, and how.

Folding leaves no odd character behind, so the evidence is in the words. A paragraph
is folded by a scheme when

* it has no æ, ø or å at all (one that has them was not folded);
* it is Danish by its function words (`folding_language`), not Norwegian, Swedish,
  English or German, which fold alike;
* it has words that are rare or no words as written but frequent Danish words once
  the scheme is undone (``paa`` → på, ``kobenhavn`` → københavn, ``ogsa`` → også):
  the scheme that explains most of them is the one used.

Historical Danish wrote ``aa`` for å until 1948 (``paa``, ``Kjøbenhavn``) and still
has æ and ø: a document that spells å as ``aa`` where it also has æ or ø is
historical, and is left alone (`folding_history`). Official names that keep ``aa``
(``Aarhus``, ``Aalborg``), addresses, file names and code are neither evidence nor
repaired (`folding_tokens`); a paragraph that looks like code is not read at all.

A document without any æ, ø or å that shows folding is folded throughout; in a
document that has them, only the paragraphs with evidence of their own are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..danish import DANISH_WORD_RE, has_danish_letters
from ..edits import paragraph_spans
from .folding_evidence import SCHEMES, Evidence, block_evidence
from .folding_history import has_old_capitals, is_historical_document
from .folding_language import LanguageVote, merged, vote
from .folding_schemes import SCHEME_UNITS
from .folding_tokens import Word, looks_like_code, words

_AA_SCHEMES = frozenset(name for name, units in SCHEME_UNITS.items() if "aa" in units)
_LETTERS = re.compile(r"[^\W\d_]+")
# A paragraph in a document that has æ, ø or å needs this many evidence words;
# a document without them, this many in all.
_MIN_BLOCK_EVIDENCE = 2
_MIN_DOCUMENT_EVIDENCE = 2
# A paragraph this short (in words) is judged by the language of the whole document.
_SHORT_BLOCK = 12
# In a document without æ, ø or å, evidence is counted until one scheme has this much
# and this much more than any other (words such as "paa" are evidence of two schemes,
# "kobenhavn" of one only).
_PLENTY = 30
_CLEAR_LEAD = 15
_EXAMPLES = 5


@dataclass(frozen=True, slots=True)
class FoldingDamage:
    """Danish letters folded to ASCII by `scheme` in `regions` (spans of paragraphs).

    `evidence` counts the words that are rare or unknown as written and frequent Danish
    words unfolded; `examples` shows a few (``"paa → på"``). `vocabulary` holds the
    words with æ, ø or å that the document spells correctly elsewhere, lower-cased.
    """

    scheme: str
    regions: list[tuple[int, int]]
    evidence: int
    examples: tuple[str, ...]
    vocabulary: frozenset[str] = frozenset()


@dataclass
class Block:
    """A paragraph without æ, ø or å: its span, words, language vote and, per scheme,
    the evidence words with their readings."""

    start: int
    end: int
    words: list[Word]
    vote: LanguageVote
    evidence: Evidence
    old_capitals: bool


def find_folding(text: str) -> list[FoldingDamage]:
    """The folding damage in `text`: for each scheme found, its paragraphs and evidence."""
    return [damage for damage, _ in folded_blocks(text)]


def folded_blocks(text: str) -> list[tuple[FoldingDamage, list[Block]]]:
    """Each folding damage with its paragraphs, words included (the repair needs them)."""
    if text.isascii() and not _has_folding_letters(text):
        return []
    clean: list[tuple[int, int]] = []
    candidates: list[tuple[int, int]] = []
    for start, end in paragraph_spans(text):
        if has_danish_letters(text[start:end]):
            clean.append((start, end))
        elif not looks_like_code(text, start, end):
            candidates.append((start, end))
    if not candidates or is_historical_document(text, clean):
        return []
    if not clean and not vote(_LETTERS.findall(text.lower())).is_danish():
        return []  # no Danish at all (English, code): no need to read it word by word
    suspects = [_block(text, start, end) for start, end in candidates]
    document_vote = merged(b.vote for b in suspects)
    if clean:
        damaged = _folded_blocks(suspects, document_vote)
    else:
        damaged = _folded_document(suspects, document_vote)
    return _damages(damaged, lambda: _vocabulary(text, clean))


def _has_folding_letters(text: str) -> bool:
    return "a" in text or "o" in text or "A" in text or "O" in text


def _vocabulary(text: str, clean: list[tuple[int, int]]) -> frozenset[str]:
    found: set[str] = set()
    for start, end in clean:
        found.update(word.lower() for word in DANISH_WORD_RE.findall(text[start:end]))
    return frozenset(found)


def _block(text: str, start: int, end: int) -> Block:
    block_words = words(text, start, end)
    language = vote(w.text.lower() for w in block_words)
    return Block(start, end, block_words, language, {}, has_old_capitals(text, block_words))


def _evidence(block: Block) -> Evidence:
    """The block's evidence; none for ``aa`` in a paragraph written before 1948."""
    evidence = block_evidence(block.words)
    if block.old_capitals:
        for scheme in _AA_SCHEMES:
            evidence[scheme] = []
    return evidence


def _best_scheme(block: Block) -> str | None:
    """The scheme with the most evidence in `block`; ties go to the earlier scheme."""
    if not block.evidence:
        return None
    best = max(block.evidence, key=lambda scheme: len(block.evidence[scheme]))
    return best if block.evidence[best] else None


def _danish_enough(block: Block, document_vote: LanguageVote) -> bool:
    """Danish by its own function words, or too short to tell in a Danish document."""
    if block.vote.is_danish():
        return True
    short = block.vote.words < _SHORT_BLOCK
    return short and not block.vote.is_foreign() and document_vote.is_danish()


def _folded_document(suspects: list[Block], document_vote: LanguageVote) -> list[tuple[str, Block]]:
    """A document with no æ, ø or å: folded throughout if it is Danish and shows it."""
    if not document_vote.is_danish():
        return []
    totals: Counter[str] = Counter()
    for block in suspects:
        block.evidence = _evidence(block)
        for scheme, found in block.evidence.items():
            totals[scheme] += len(found)
        if _decided(totals):
            break  # the scheme is clear: the rest of the document need not be read
    scheme = max(SCHEMES, key=lambda name: (totals[name], -SCHEMES.index(name)))
    if totals[scheme] < _MIN_DOCUMENT_EVIDENCE:
        return []
    return [(scheme, b) for b in suspects if b.words and not _clearly_foreign(b)]


def _decided(totals: Counter[str]) -> bool:
    """One scheme has plenty of evidence, and far more than any other."""
    ranked = [*totals.most_common(2), ("", 0)]
    return ranked[0][1] >= _PLENTY and ranked[0][1] - ranked[1][1] >= _CLEAR_LEAD


def _clearly_foreign(block: Block) -> bool:
    """Foreign by its function words, or a short line with foreign ones and no Danish
    (``Page history last edited by``)."""
    language = block.vote
    if language.words >= _SHORT_BLOCK:
        return language.is_foreign()
    return language.danish == 0 and any(language.foreign.values())


def _folded_blocks(suspects: list[Block], document_vote: LanguageVote) -> list[tuple[str, Block]]:
    """Paragraphs without æ, ø or å in a document that has them: each needs evidence of
    its own, two words, or one where other paragraphs prove the scheme (short lines such
    as ``Indstillingen er tiltraadt.`` in a document folded in places)."""
    proven: Counter[str] = Counter()
    weak: list[tuple[str, Block]] = []
    damaged = []
    for block in suspects:
        if not _danish_enough(block, document_vote):
            continue
        block.evidence = _evidence(block)
        scheme = _best_scheme(block)
        if scheme is None:
            continue
        if len(block.evidence[scheme]) >= _MIN_BLOCK_EVIDENCE:
            damaged.append((scheme, block))
            proven[scheme] += 1
        else:
            weak.append((scheme, block))
    if proven:
        scheme = proven.most_common(1)[0][0]
        damaged += [(scheme, block) for _, block in weak if block.evidence[scheme]]
        damaged.sort(key=lambda pair: pair[1].start)
    return damaged


def _damages(
    damaged: list[tuple[str, Block]], vocabulary: Callable[[], frozenset[str]]
) -> list[tuple[FoldingDamage, list[Block]]]:
    by_scheme: dict[str, list[Block]] = {}
    for scheme, block in damaged:
        by_scheme.setdefault(scheme, []).append(block)
    result = []
    for scheme, scheme_blocks in by_scheme.items():
        found = [pair for b in scheme_blocks for pair in b.evidence.get(scheme, [])]
        examples = tuple(dict.fromkeys(f"{word} → {reading}" for word, reading in found))
        regions = [(b.start, b.end) for b in scheme_blocks]
        damage = FoldingDamage(scheme, regions, len(found), examples[:_EXAMPLES], vocabulary())
        result.append((damage, scheme_blocks))
    return result
