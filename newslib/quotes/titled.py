"""Works named by their title: "a new book titled 'Harbor Days'", "the film is entitled Tides".

PolNeAR reads "titled" as the cue of an attribution whose content is the title (the writer
reports what the work is called; no source). A participle of [title_cues] in
``newslib/data/quote_cues.txt`` (its "is" or "was" joining the cue) and, after an optional
comma, a title: a quotation (up to its closing mark) or a run of capitalised words (small
words such as "of" and "the" inside it, a colon going on to a subtitle).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .clauses import _within
from .cues import _alternation, _lists
from .found import _Found

# a quoted title: the words between its marks, each opening mark with its own closing one (an
# apostrophe may stand inside: "''A Child's Guide,''"), a comma or full stop inside the
# closing mark left out
_QUOTED_TITLE_RE = re.compile(
    r"''(?P<t1>[^\n]{1,120}?)[,.]?''"
    r"|\"(?P<t2>[^\"\n]{1,120}?)[,.]?\""
    r"|“(?P<t3>[^”\n]{1,120}?)[,.]?”"
    r"|‘(?P<t4>[^\n]{1,120}?)[,.]?’(?!\w)"
    r"|'(?P<t5>[^\n]{1,120}?)[,.]?'(?!\w)"
)
# a title of capitalised words: small words inside it ('Rules of Success'), a colon before a
# subtitle ('Tides: A Memoir')
_SMALL = r"(?:of|the|a|an|and|to|in|for|on|at|with|from|or|by)"
_BARE_TITLE_RE = re.compile(
    rf"(?P<title>[A-Z0-9][\w'’\-]*(?:(?::)?[^\S\n]+(?:{_SMALL}[^\S\n]+)*[A-Z0-9][\w'’\-]*)*)"
)


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern:
    """A cue of [title_cues] ('is titled', 'entitled'), then a comma or spaces."""
    words = _alternation(_lists()["title_cues"])
    return re.compile(
        rf"\b(?P<cue>(?:(?:is|was|are|were)[^\S\n]+)?(?:{words}))\b,?[^\S\n]+", re.IGNORECASE
    )


def _titled(text: str, lo: int, hi: int, marks, claimed) -> list[_Found]:
    """The titles named in the paragraph text[lo:hi] outside the contents already found
    (``claimed``, which they join) and not inside a quotation (``marks``).

    >>> t = 'She wrote a new book titled "Harbor Days," which sold well.'
    >>> [(t[g.start : g.end], t[slice(*g.cue_span)]) for g in _titled(t, 0, len(t), [], [])]
    [('Harbor Days', 'titled')]
    """
    if text.find("itled", lo, hi) < 0:
        return []
    out = []
    for m in _title_re().finditer(text, lo, hi):
        c0, c1 = m.span("cue")
        if _within(c0, marks) or _within(c0, claimed):
            continue
        t = _QUOTED_TITLE_RE.match(text, m.end(), hi)
        if t is not None:
            start, end = t.span(t.lastgroup)
        elif (t := _BARE_TITLE_RE.match(text, m.end(), hi)) is not None:
            start, end = t.span("title")
        else:
            continue
        if any(a < end and start < b for a, b in claimed):
            continue
        out.append(_Found(start, end, text[c0:c1].split()[-1].lower(), (c0, c1), None))
        claimed.append((start, end))
    return out
