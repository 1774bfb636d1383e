"""Sentences, light-weight: only used to bound the search for a speaker."""

from __future__ import annotations

import re

from .cues import _alternation
from .memo import LastKeyMemo

# a sentence may open with a quotation mark, two apostrophes among them ("''We ...")
# (a closing glyph may open one too: '. ”We ...')
_BOUNDARY_RE = re.compile(r"[.!?…][\"”’')\]]*\s+(?=(?:''|[\"“”‘'(\[])?[A-Z0-9])")
_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Capt Sgt Prof Rev St Jr Sr Inc Co Corp Ltd No Vol Adm Maj "
    "Mt Ft Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec vs etc approx Ave Blvd Rd Univ Dept Atty Amb "
    "Cmdr Msgr Fr Pres"
).split()
# Does the text end with an abbreviation's full stop ("Mr.", "U.S.", "J.")?  Only ever used as a
# yes/no test.
_ABBREV_RE = re.compile(
    rf"(?:\b(?:{_alternation(_ABBREVIATIONS)})|\b[A-Z]|\b(?:[A-Za-z]\.){{1,4}}[A-Za-z])\.$"
)

_ABBREVIATION_SET = frozenset(_ABBREVIATIONS)


def _ends_abbreviation(head: str) -> bool:
    """``_ABBREV_RE.search(head) is not None`` for a ``head`` ending in '.', mostly without the
    search: a match ends with the whole run of word characters before the '.' (an
    abbreviation, or one letter), so a token of two or more letters or digits there that is
    no abbreviation ('said.') cannot match.

    >>> _ends_abbreviation("Lee said."), _ends_abbreviation("met Mr."), _ends_abbreviation("U.S.")
    (False, True, True)
    """
    if len(head) > 2 and not head[-2].isspace():
        last = head[:-1].rsplit(None, 1)[-1]
        if len(last) > 1 and last.isalnum() and last not in _ABBREVIATION_SET:
            return False
    return _ABBREV_RE.search(head) is not None


# an initialism ('U.S.', 'D.C.') and a word that opens sentences, not names, after it
_INITIALISM_RE = re.compile(r"\b(?:[A-Z]\.){2,4}$")
_OPENER_RE = re.compile(r"(?:He|She|They|It|We|I|The|This|That|But|And|In|His|Her|Their)\b")


# The last article's sentence starts per (lo, hi): the speaker search and the reported speech
# both ask for the same paragraphs.  The list returned is shared: callers only read it.
_LAST = LastKeyMemo()


def _sentence_starts(text: str, lo: int, hi: int) -> list[int]:
    known = _LAST.values(text)
    starts = known.get((lo, hi))
    if starts is None:
        starts = known[(lo, hi)] = _find_starts(text, lo, hi)
    return starts


def _find_starts(text: str, lo: int, hi: int) -> list[int]:
    starts = [lo]
    for m in _BOUNDARY_RE.finditer(text, lo, hi):
        at = m.start()
        if text[at] == ".":  # only a full stop may be an abbreviation's ('!', '?', '…' not)
            head = text[max(lo, at - 12) : at + 1]
            if _ends_abbreviation(head) and not (
                _INITIALISM_RE.search(head) and _OPENER_RE.match(text, m.end())
            ):
                continue  # 'in the U.S. He said ...': an initialism may end a sentence too
        starts.append(m.end())
    return starts
