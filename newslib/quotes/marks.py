"""Quotation marks paired within a paragraph, and the quotation pieces they make.

Double marks (curly, straight, guillemets, '' and ``) and single marks are paired separately;
single marks skip apostrophes and elisions (don't, '90s). A double quotation left open at the
paragraph's end is kept when the next paragraph reopens it (it runs on), when it opens the
paragraph, or after ':' or ','.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# '' and `` stand for double marks in some archives (the New York Times among them).
_DOUBLE_RE = re.compile(r"''|``|[\"“”„‟«»]")
_DOUBLE_GLYPH_RE = re.compile(r"[\"“”„‟«»]")
_SINGLE_RE = re.compile(r"['‘’‹›]")
# every character that can start a _DOUBLE_RE or _SINGLE_RE match
_ANY_MARK_RE = re.compile(r"[\"“”„‟«»`'‘’‹›]")
_OPEN_GLYPH = frozenset("“„‟«‘‹")
_CLOSE_GLYPH = frozenset("”»’›")
_OPEN_BEFORE = frozenset("([{—–-/:")  # characters after which a mark opens
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-/…")  # characters before which a mark closes
_QUOTE_CHARS = frozenset("\"“”„‟«»'‘’‹›")
# Elisions that start with an apostrophe: '90s, 'em, 'til, 'cause, rock 'n' roll, 'tis.
_ELISION_RE = re.compile(r"(?:\d\d|em\b|til\b|cause\b|n\b|tis\b|twas\b|bout\b|round\b)", re.I)


def _flank(text: str, i: int, j: int, lo: int, hi: int) -> tuple[bool, bool]:
    """Can the mark text[i:j] open / close a quotation (judged by its neighbours)?"""
    prev = text[i - 1] if i > lo else ""
    nxt = text[j] if j < hi else ""
    can_open = (
        bool(nxt)
        and not nxt.isspace()
        and (not prev or prev.isspace() or prev in _OPEN_BEFORE or prev in _QUOTE_CHARS)
    )
    can_close = (
        bool(prev)
        and not prev.isspace()
        and (not nxt or nxt.isspace() or nxt in _CLOSE_AFTER or nxt in _QUOTE_CHARS)
    )
    return can_open, can_close


def _has_double_mark(text: str, lo: int, hi: int) -> bool:
    """``_DOUBLE_RE.search(text, lo, hi) is not None``, faster: a search for one character of a
    set skips ahead quickly, an alternation that also holds two-character marks does not."""
    return (
        _DOUBLE_GLYPH_RE.search(text, lo, hi) is not None
        or text.find("''", lo, hi) >= 0
        or text.find("``", lo, hi) >= 0
    )


def _double_pairs(text: str, lo: int, hi: int, next_opens: bool):
    """Pair double marks in text[lo:hi].

    Returns ([(open_start, open_end, close_start, close_end)], runs_on); close_* are None for
    a quotation left open at the end of the paragraph.
    """
    pairs = []
    open_at = None
    for m in _DOUBLE_RE.finditer(text, lo, hi):
        i, j = m.span()
        glyph = text[i]
        can_open, can_close = _flank(text, i, j, lo, hi)
        if can_open and not can_close:
            role = "open"
        elif can_close and not can_open:
            role = "close"
        elif glyph in _OPEN_GLYPH or glyph == "`":
            role = "open"
        elif glyph in _CLOSE_GLYPH:
            role = "close"
        else:
            role = "close" if open_at is not None else "open"
        if open_at is None:
            if role == "open":
                open_at = (i, j)
            # a closing mark with nothing open is a stray: ignore it
        elif role == "close":
            pairs.append((open_at[0], open_at[1], i, j))
            open_at = None
        else:
            # Two openers in a row: the first was never closed. Drop it rather than let it
            # pair with a later mark and swallow the text in between.
            open_at = (i, j)
    runs_on = False
    if open_at is not None:
        first = open_at[0] == _first_nonspace(text, lo, hi)
        after_colon = text[lo : open_at[0]].rstrip()[-1:] in (":", ",")
        if next_opens or first or after_colon:
            pairs.append((open_at[0], open_at[1], None, None))
            runs_on = next_opens
    return pairs, runs_on


def _first_nonspace(text: str, lo: int, hi: int) -> int:
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    return i


# a single mark, less an apostrophe between two letters or digits ([^\W_]: don't, Lee’s); the
# mark first, so that the scan skips to the marks
_MAYBE_SINGLE_RE = re.compile(r"['‘’‹›](?:(?<=[‘‹›])|(?![^\W_])|(?<![^\W_]['’]))")


def _single_marks(text: str, lo: int, hi: int) -> list[int]:
    """Where ``_SINGLE_RE`` matches in text[lo:hi], less the apostrophes inside a word, which
    :func:`_single_pairs` takes for neither an opening nor a closing mark (the usual single
    marks, skipped here by the scan). A mark at ``lo`` has no neighbour before it there: kept.

    >>> _single_marks("Lee's 'plan'", 0, 12)
    [6, 11]
    """
    found = [m.start() for m in _MAYBE_SINGLE_RE.finditer(text, lo + 1, hi)]
    if lo < hi and text[lo] in "'‘’‹›":
        found.insert(0, lo)
    return found


def _single_pairs(text: str, lo: int, hi: int):
    """Pair single quotation marks in text[lo:hi], skipping apostrophes and elisions."""
    opens, closes = [], []
    for i in _single_marks(text, lo, hi):
        glyph = text[i]
        prev = text[i - 1] if i > lo else ""
        nxt = text[i + 1] if i + 1 < hi else ""
        if glyph == "'" and "'" in (prev, nxt):
            continue  # part of a '' double mark
        if (
            nxt
            and not nxt.isspace()
            and (not prev or prev.isspace() or prev in _OPEN_BEFORE or prev in _QUOTE_CHARS)
            and glyph != "’"
            or glyph in "‘‹"
        ):
            if _ELISION_RE.match(text, i + 1, hi):
                continue
            if glyph in "‘‹" and prev and prev.isalnum():
                continue
            opens.append(i)
        elif (
            prev
            and not prev.isspace()
            and (not nxt or nxt.isspace() or nxt in _CLOSE_AFTER or nxt in _QUOTE_CHARS)
        ) or glyph == "›":
            closes.append(i)
    pairs = []
    j = 0
    for o in opens:
        while j < len(closes) and closes[j] <= o:
            j += 1
        if j == len(closes):
            break
        if pairs and o < pairs[-1][1]:
            continue
        # a plural possessive (the players' union) ends with s' and is followed by a word
        pairs.append((o, closes[j]))
        j += 1
    return [(o, o + 1, c, c + 1) for o, c in pairs]


@dataclass
class _Quote:
    """One paragraph's piece of a quotation, and what is found out about it."""

    start: int
    end: int
    open_mark: int  # start of the opening mark
    close_mark: int | None  # end of the closing mark (None: left open at paragraph end)
    paragraph: int
    para_lo: int
    para_hi: int
    chain: int  # index of the first piece of a multi-paragraph quotation
    words: list[str]  # WORD_RE's words of text[start:end]
    kind: str = "direct"
    mention: tuple[int, int] | None = None
    mention_kind: str = ""  # pron / rel / name / desc
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    source_span: tuple[int, int] | None = None  # the mention with its title and apposition
    speaker: str | None = None
    attribution: int | None = None  # pieces of one attribution share it (None: not speech)
