"""Lost Danish letters: how many words dkfix.fix_text restores, per damage, and how fast.

Each development text (see devsets.py: held-out Europarl, UD DDT, news, the
seed documents) is damaged by each letter damage of ``dkfix.damage.DAMAGES``
(placeholders and folds), the whole text and every third paragraph only, then
fixed with ``dkfix.fix_text`` (the layout fixes off: they are not letters).
Tokens are split on ASCII space, tab and
newline and compared with the clean text position by position (aligned with
difflib where the fix changed the number of tokens; unaligned tokens count as
wrong). Reported per damage:

* æøå words: accuracy on the tokens that held æ, ø or å before damage;
* letter words: accuracy on all tokens with a letter;
* undamaged kept: the share of tokens the damage did not touch that fix_text
  left as they were (must be 100 %);
* MB/s: fix_text's speed on the damaged text (UTF-8 bytes, one core).

Clean text is fixed too: it must come back unchanged, and its speed shows
whether it pays for the repair. The most frequent wrong tokens of each damage
are listed to guide development.

    python benchmarks/bench_letters.py [--quick] [--damage NAME] [--devset NAME]
"""

from __future__ import annotations

import argparse
import difflib
import gc
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, fields

from devsets import DEVSET_NAMES, DevSet, load_devsets
from dkfix import Config, fix_text, lexicon
from dkfix.config import LAYOUT_FIXES
from dkfix.damage import DAMAGES, in_paragraphs

# Goals (percent) on æøå words per damage; all letter damages share the others.
ASCII_LETTER_GOALS = {
    "placeholder-Å": 99.0,
    "placeholder-?": 98.5,
    "placeholder-U+FFFD": 99.0,
    "fold-o/ae/aa": 99.0,
    "fold-oe/ae/aa": 99.3,
    "fold-o/a/a": 97.5,
}
LETTER_DAMAGES = tuple(ASCII_LETTER_GOALS)
LETTER_WORD_GOAL = 99.7
UNDAMAGED_KEPT_GOAL = 100.0
SPEED_GOAL = 0.5  # MB/s on damaged text

QUICK_SAMPLE_CHARS = 20_000
WHERE = {"whole": None, "1/3 ¶": 3}

_TOKEN_SEPARATORS = re.compile(r"[ \t\n]+")
_DANISH = re.compile("[æøåÆØÅ]")


@dataclass
class Score:
    """Token counts for one damage, summed over texts."""

    danish: int = 0
    danish_right: int = 0
    letter: int = 0
    letter_right: int = 0
    undamaged: int = 0
    undamaged_kept: int = 0
    megabytes: float = 0.0
    seconds: float = 0.0
    wrong: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        for counter in fields(self):
            if counter.name != "wrong":
                setattr(
                    self, counter.name, getattr(self, counter.name) + getattr(other, counter.name)
                )
        self.wrong.update(other.wrong)


def tokens(text: str) -> list[str]:
    return [token for token in _TOKEN_SEPARATORS.split(text) if token]


def align(expected: list[str], got: list[str]) -> list[str]:
    """For each expected token, the token of `got` in its place.

    Same length: position by position. Otherwise difflib's alignment; tokens
    with no counterpart get a marked stand-in that can never be right.
    """
    if len(expected) == len(got):
        return got
    aligned: list[str] = []
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    for op, e_start, e_end, g_start, g_end in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and e_end - e_start == g_end - g_start):
            aligned += got[g_start:g_end]
        elif op != "insert":
            stand_in = "⟦" + " ".join(got[g_start:g_end]) + "⟧"
            aligned += [stand_in] * (e_end - e_start)
    return aligned


def align_text(expected: str, got: str) -> tuple[list[str], list[str]]:
    """Tokens of `expected` and the tokens of `got` aligned to them, line by line when possible."""
    expected_lines, got_lines = expected.split("\n"), got.split("\n")
    if len(expected_lines) == len(got_lines):
        pairs = list(zip(expected_lines, got_lines, strict=True))
    else:
        # Pair blocks of lines first: difflib on whole texts' tokens would be slow.
        matcher = difflib.SequenceMatcher(None, expected_lines, got_lines, autojunk=False)
        pairs = [
            ("\n".join(expected_lines[e1:e2]), "\n".join(got_lines[g1:g2]))
            for _, e1, e2, g1, g2 in matcher.get_opcodes()
        ]
    expected_tokens, got_tokens = [], []
    for expected_part, got_part in pairs:
        part_tokens = tokens(expected_part)
        expected_tokens += part_tokens
        got_tokens += align(part_tokens, tokens(got_part))
    return expected_tokens, got_tokens


def score(clean: str, damaged: str, fixed: str) -> Score:
    clean_tokens, damaged_tokens = align_text(clean, damaged)
    _, fixed_tokens = align_text(clean, fixed)
    result = Score()
    for want, hurt, got in zip(clean_tokens, damaged_tokens, fixed_tokens, strict=True):
        right = got == want
        if _DANISH.search(want):
            result.danish += 1
            result.danish_right += right
        if any(c.isalpha() for c in want):
            result.letter += 1
            result.letter_right += right
        if hurt == want:
            result.undamaged += 1
            result.undamaged_kept += right
        if not right:
            result.wrong[want, got] += 1
    return result


# Letters only: the layout fixes (running headers, hyphenation) are measured elsewhere, and a
# running header removed from a seed would count here as a word lost.
LETTERS_ONLY = Config().replace(**dict.fromkeys(LAYOUT_FIXES, False))


def warm_up() -> None:
    """Load all word data (a repair must really run for each fix) before anything is timed."""
    for damage in DAMAGES.values():
        fix_text(
            damage("Grønkjær og søsteren går på en tur i skoven på Ærø, før året er omme."),
            LETTERS_ONLY,
        )
    # The word list loads one initial letter at a time, on first use; load the rest too.
    lexicon.preload()
    gc.collect()


def timed_fix(text: str) -> tuple[str, float]:
    start = time.perf_counter()
    fixed = fix_text(text, LETTERS_ONLY)
    return fixed, time.perf_counter() - start


def run_damage(name: str, devsets: list[DevSet], every: int | None) -> dict[str, Score]:
    """Score of each dev set under damage `name`, whole (every=None) or in every n-th paragraph."""
    damage: Callable[[str], str] = DAMAGES[name]
    scores = {}
    for devset in devsets:
        damaged = damage(devset.text) if every is None else in_paragraphs(devset.text, damage)
        fixed, seconds = timed_fix(damaged)
        result = score(devset.text, damaged, fixed)
        result.megabytes = len(damaged.encode("utf-8")) / 1e6
        result.seconds = seconds
        scores[devset.name] = result
    return scores


def percent(right: int, total: int) -> float:
    return 100.0 * right / total if total else float("nan")


def mark(value: float, goal: float | None) -> str:
    if goal is None:
        return " "
    return "✓" if value >= goal else "✗"


def row(label: str, where: str, result: Score, goal: float | None) -> str:
    danish = percent(result.danish_right, result.danish)
    letter = percent(result.letter_right, result.letter)
    kept = percent(result.undamaged_kept, result.undamaged)
    speed = result.megabytes / result.seconds if result.seconds else float("inf")
    goal_text = f"≥{goal:.1f}" if goal is not None else "  -  "
    letter_goal = LETTER_WORD_GOAL if goal is not None else None
    return (
        f"{label:<20} {where:<6} {result.danish:>7,} {danish:>7.2f}% {goal_text:>6} "
        f"{mark(danish, goal)} {letter:>7.2f}% {mark(letter, letter_goal)} "
        f"{kept:>8.3f}% {mark(kept, UNDAMAGED_KEPT_GOAL)} {speed:>7.2f} {mark(speed, SPEED_GOAL)}"
    )


HEADER = (
    f"{'damage':<20} {'where':<6} {'æøå n':>7} {'æøå ok':>8} {'goal':>6}   "
    f"{'letters':>8}   {'kept':>9}   {'MB/s':>7}"
)


def clean_check(devsets: list[DevSet]) -> None:
    print("\nclean text (must come back unchanged; MB/s shows what clean text pays):")
    for devset in devsets:
        fixed, seconds = timed_fix(devset.text)
        speed = len(devset.text.encode("utf-8")) / 1e6 / seconds
        changed = sum(a != b for a, b in zip(*align_text(devset.text, fixed), strict=True))
        status = "unchanged ✓" if fixed == devset.text else f"CHANGED ✗ ({changed} tokens)"
        print(f"  {devset.name:<10} {speed:>7.2f} MB/s  {status}")


def print_wrong(name: str, result: Score, top: int) -> None:
    if top <= 0 or not result.wrong:
        return
    print(f"\n{name}: most frequent wrong tokens (expected → got), whole and 1/3 ¶ together")
    for (want, got), count in result.wrong.most_common(top):
        print(f"  {count:>6}  {want!r} → {got!r}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="small samples of each text")
    parser.add_argument("--sample", type=int, metavar="CHARS", help="sample size per text")
    parser.add_argument(
        "--damage", action="append", choices=sorted(DAMAGES), metavar="NAME", help="repeatable"
    )
    parser.add_argument("--devset", action="append", choices=DEVSET_NAMES, metavar="NAME")
    parser.add_argument("--by-set", action="store_true", help="a row per dev set as well")
    parser.add_argument("--top", type=int, default=15, help="wrong tokens listed per damage")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    sample = args.sample or (QUICK_SAMPLE_CHARS if args.quick else None)
    devsets = load_devsets(args.devset or DEVSET_NAMES, sample_chars=sample)
    sizes = ", ".join(f"{d.name} {len(d.text):,}" for d in devsets)
    print(f"dev sets (characters): {sizes}")
    warm_up()
    print(HEADER)
    print("-" * len(HEADER))
    errors: dict[str, Score] = {}
    for name in args.damage or LETTER_DAMAGES:
        goal = ASCII_LETTER_GOALS.get(name)
        errors[name] = Score()
        for where, every in WHERE.items():
            per_set = run_damage(name, devsets, every)
            total = Score()
            for devset_name, result in per_set.items():
                total.add(result)
                if args.by_set:
                    print(row(f"  {devset_name}", where, result, goal))
            print(row(name, where, total, goal))
            errors[name].add(total)
    clean_check(devsets)
    for name, result in errors.items():
        print_wrong(name, result, args.top)


if __name__ == "__main__":
    main()
