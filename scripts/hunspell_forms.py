"""Expand a hunspell dictionary (.dic + .aff) into the full list of word forms it accepts.

Debian's `unmunch` mis-reads dictionaries with numeric flags (`FLAG num`, as da_DK uses),
so the expansion is written here. spylls parses the files (flags, affix tables, conditions);
this module only applies the affixes, the way hunspell's lookup would accept them:

* a stem alone, unless it carries NEEDAFFIX or ONLYINCOMPOUND;
* stem + suffix, and stem + suffix + a second suffix named in the first one's continuation
  flags (hunspell strips at most two suffixes);
* prefix + stem, and prefix + suffixed stem when both affixes allow cross products;
  suffixes named in a prefix's continuation flags apply to the prefixed stem;
* a form whose last affix carries NEEDAFFIX or ONLYINCOMPOUND is not a word on its own
  (da_DK marks its compound-linking forms, e.g. "arbejds-", that way);
* a stem flagged FORBIDDENWORD removes that form from the result, however it was produced.

Compounding (COMPOUNDBEGIN/END, ...) is deliberately not expanded: it is unbounded, and
hunspell's compound rules accept nonsense such as "omrøde"; dkfix has its own, stricter
compound check at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Expansion:
    """The word forms of one dictionary, and what went into them."""

    forms: frozenset[str]
    stems: int
    forbidden: int
    # (form, stem) for the forms of inflecting stems that may end a compound ("områderne").
    heads: frozenset[tuple[str, str]]
    # (surface, stem) for the shapes that may begin a compound: ("arbejds", "arbejde").
    modifiers: frozenset[tuple[str, str]]


def _apply(affix: Any, word: str, *, is_prefix: bool) -> str | None:
    """`word` with `affix` applied, or None when the affix's condition does not match."""
    if is_prefix:
        if not word.startswith(affix.strip) or not affix.cond_regexp.search(word):
            return None
        return str(affix.add) + word[len(affix.strip) :]
    if not word.endswith(affix.strip) or not affix.cond_regexp.search(word):
        return None
    return word[: len(word) - len(affix.strip)] + str(affix.add)


class _Expander:
    def __init__(self, aff: Any) -> None:
        self.aff = aff
        self.closed = {f for f in (aff.NEEDAFFIX, aff.ONLYINCOMPOUND) if f}
        self.begin = aff.COMPOUNDBEGIN
        self.end = aff.COMPOUNDEND

    def inflects(self, flags: set[str]) -> bool:
        """True if some suffix of `flags` makes an inflected word (not a bare particle)."""
        return any(
            sfx.add.isalpha() and not sfx.flags & self.closed and self.begin not in sfx.flags
            for sfx in self._affixes(flags, prefixes=False)
        )

    def may_end_compound(self, flags: set[str]) -> bool:
        """True if the stem itself carries COMPOUNDEND (da_DK: an empty suffix that adds it)."""
        if self.end in flags:
            return True
        return any(
            not sfx.add and not sfx.strip and self.end in sfx.flags
            for sfx in self._affixes(flags, prefixes=False)
        )

    def compound_begins(self, stem: str, flags: set[str]) -> Iterator[str]:
        """The letters-only shapes of `stem` that may begin a compound ("arbejds", "børne")."""
        if self.begin in flags:
            yield stem
        for sfx in self._affixes(flags, prefixes=False):
            if self.begin in sfx.flags:
                form = _apply(sfx, stem, is_prefix=False)
                if form is not None and form.isalpha():
                    yield form

    def _affixes(self, flags: Iterable[str], *, prefixes: bool) -> Iterator[Any]:
        table = self.aff.PFX if prefixes else self.aff.SFX
        for flag in sorted(flags):
            yield from table.get(flag, ())

    def _suffixed(self, stem: str, flags: set[str]) -> Iterator[tuple[str, Any, bool]]:
        """(form, last suffix, needs more) for one or two suffixes on `stem`."""
        for sfx in self._affixes(flags, prefixes=False):
            form = _apply(sfx, stem, is_prefix=False)
            if form is None:
                continue
            yield form, sfx, bool(sfx.flags & self.closed)
            for sfx2 in self._affixes(sfx.flags, prefixes=False):
                form2 = _apply(sfx2, form, is_prefix=False)
                if form2 is not None:
                    yield form2, sfx2, bool(sfx2.flags & self.closed)

    def forms(self, stem: str, flags: set[str]) -> Iterator[str]:
        if not flags & self.closed:
            yield stem
        suffixed = list(self._suffixed(stem, flags))
        yield from (form for form, _sfx, closed in suffixed if not closed)
        for pfx in self._affixes(flags, prefixes=True):
            yield from self._prefixed(pfx, stem, suffixed)

    def _prefixed(
        self, pfx: Any, stem: str, suffixed: list[tuple[str, Any, bool]]
    ) -> Iterator[str]:
        base = _apply(pfx, stem, is_prefix=True)
        if base is None:
            return
        if not pfx.flags & self.closed:
            yield base
        # Suffixes named by the prefix itself (e.g. a genitive on "Nordamerika").
        for sfx in self._affixes(pfx.flags, prefixes=False):
            form = _apply(sfx, base, is_prefix=False)
            if form is not None and not sfx.flags & self.closed:
                yield form
        if not pfx.crossproduct:
            return
        for form, sfx, closed in suffixed:
            if closed or not sfx.crossproduct:
                continue
            prefixed = _apply(pfx, form, is_prefix=True)
            if prefixed is not None:
                yield prefixed


def expand(dictionary_path: Path) -> Expansion:
    """All word forms of the hunspell dictionary at `dictionary_path` (without extension)."""
    from spylls.hunspell import Dictionary

    dictionary = Dictionary.from_files(str(dictionary_path))
    expander = _Expander(dictionary.aff)
    forbidden_flag = dictionary.aff.FORBIDDENWORD
    forms: set[str] = set()
    forbidden: set[str] = set()
    heads: set[tuple[str, str]] = set()
    modifiers: set[tuple[str, str]] = set()
    for word in dictionary.dic.words:
        flags = set(word.flags)
        if forbidden_flag and forbidden_flag in flags:
            forbidden.add(word.stem)
            continue
        word_forms = set(expander.forms(word.stem, flags))
        forms.update(word_forms)
        # Words that do not inflect ("ind", "til", "sammen") are particles: their compounds
        # are listed words, and allowing them as parts lets nonsense through.
        if not expander.inflects(flags):
            continue
        if expander.may_end_compound(flags):
            heads.update((form, word.stem) for form in word_forms)
        modifiers.update((shape, word.stem) for shape in expander.compound_begins(word.stem, flags))
    forms -= forbidden
    return Expansion(
        frozenset(forms),
        len(dictionary.dic.words),
        len(forbidden),
        frozenset(h for h in heads if h[0] not in forbidden),
        frozenset(modifiers),
    )
