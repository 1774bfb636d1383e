"""Names as the people table compares them: the folded form (:func:`_fold`), a person's first
and last name as nameparser reads them (:func:`_parse_name`, with a fast path for plain names),
and the phrase lists of ``newslib/data/speaker_types.txt`` (:func:`_lists`). Read by every step
of the package and by ``newslib.quotes`` (its names and attribution steps).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    """The phrase lists of ``newslib/data/speaker_types.txt``, one entry per line."""
    raw = resources.files("newslib").joinpath("data/speaker_types.txt").read_text("utf-8")
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is not None:
            current.add(" ".join(line.split()))
    return {name: frozenset(entries) for name, entries in sections.items()}


# Memo sizes: every analysis worker keeps these for the whole run, so they are bounded by
# memory (about 200 bytes a folded word, 400 a parsed name), not by a corpus's vocabulary. A
# run of 6,000 articles folds 46,000 distinct words: no fold is done twice at these sizes.
_FOLDS_KEPT = 1 << 16
_NAMES_KEPT = 1 << 15


@lru_cache(maxsize=_FOLDS_KEPT)
def _fold(text: str) -> str:
    """Unicode-normalised, case-folded, without accents' combining marks and dots: the form
    names are compared in."""
    if text.isascii():  # NFKD leaves ASCII as it is, and no ASCII character is combining
        plain = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace(".", "").casefold().split())


@dataclass(frozen=True)
class _Name:
    """A person's name as nameparser reads it."""

    first: str  # folded; "" for a bare surname
    last: str  # folded
    shown: str  # as written, without title, middle initials and possessive
    title: str  # folded title ("mr", "sen", "president"), "" when none
    suffix: str  # folded suffix with a leading space (" jr"), "" when none: part of the key


@lru_cache(maxsize=_NAMES_KEPT)
def _parse_name(name: str) -> _Name | None:
    from nameparser import HumanName

    text = " ".join(str(name).split())
    text = _POSSESSIVE.sub("", text)
    if not text:
        return None
    simple = _simple_name(text)
    if simple is not None:
        first, middle, last = simple
        suffix = title = ""
    else:
        parsed = HumanName(text)
        if text.isupper() and len(text) > 3:  # DONALD TRUMP -> Donald Trump
            parsed.capitalize(force=True)
        first, middle, last = parsed.first.strip(), parsed.middle, parsed.last.strip()
        suffix, title = parsed.suffix, parsed.title
    if first and not last and not middle:  # one word: a surname (or a mononym)
        first, last = "", first
    if not last:
        return None
    middles = [w for w in middle.split() if len(w.rstrip(".")) > 1]  # no initials
    shown = " ".join(p for p in (first, *middles, last, suffix.strip()) if p)
    suffix = _fold(suffix)
    return _Name(_fold(first), _fold(last), shown, _fold(title), f" {suffix}" if suffix else "")


# One to three capitalised words of plain letters: most names in the news (one word: a
# surname mentioned again, "Lee said").
_SIMPLE_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")


def _simple_name(text: str) -> tuple[str, str, str] | None:
    """``(first, middle, last)`` of a name nameparser would read word by word (one to three
    capitalised words, none of them a title, suffix, particle or conjunction it knows), else
    None. nameparser costs about half a millisecond a name; this gives its very answer
    (checked on 70,000 names of two or three words, and on every word of the CMU dictionary
    capitalised: nameparser reads a lone word as a first name) without it.

    Example:
        >>> _simple_name("Ann Lee"), _simple_name("Lee"), _simple_name("Mr Lee")
        (('Ann', '', 'Lee'), ('Lee', '', ''), None)
    """
    if not _SIMPLE_NAME.fullmatch(text):
        return None
    words = text.split(" ")
    if any(w.lower() in _name_parser_words() for w in words):
        return None
    if len(words) == 1:
        return words[0], "", ""
    return words[0], " ".join(words[1:-1]), words[-1]


@lru_cache(maxsize=1)
def _name_parser_words() -> frozenset[str]:
    """Every word nameparser treats specially (titles, suffixes, particles, conjunctions,
    bound first names), lower case, from its own configuration."""
    from nameparser.config import CONSTANTS

    words: set[str] = set()
    for name in (
        "titles",
        "suffix_acronyms",
        "suffix_not_acronyms",
        "prefixes",
        "conjunctions",
        "first_name_titles",
        "bound_first_names",
        "non_first_name_prefixes",
    ):
        words.update(str(w).lower() for w in getattr(CONSTANTS, name, ()))
    return frozenset(words)


_HONORIFICS = frozenset(("mr", "mrs", "ms", "miss", "dr"))
