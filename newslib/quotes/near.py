"""The spans near a stretch of a long paragraph: the quotation marks and the reported speech
already found that touch one sentence, without reading all the paragraph's.

The readers of reported speech ask of each cue whether a position lies in a quotation or in a
content found before, by reading a list of the paragraph's spans; in a paragraph of thousands of
sentences (an article with no blank lines, a transcript) that is thousands of spans per cue.
``_SpanIndex.near`` gives the few that matter to one sentence, in the list's own order, so every
answer stays the same.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

# a span this long or longer is always looked at (an unclosed mark runs to the paragraph's end);
# shorter ones are found by their start
_REACH = 500


# fewer spans and cues than this in a paragraph: reading them all costs less than an index
_FEW_SPANS = 48


class _SpanIndex:
    """An index of a list of spans ``(start, end)``, which it shares (``append`` appends to
    it): the spans touching a stretch, in the list's order.

    >>> spans = [(0, 5), (40, 60), (70, 80)]
    >>> index = _SpanIndex(spans)
    >>> index.near(55, 75)
    [(40, 60), (70, 80)]
    >>> index.append((20, 30)); index.near(0, 20), len(spans)
    ([(0, 5), (20, 30)], 4)
    """

    __slots__ = ("spans", "_starts", "_long")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self._starts: list[tuple[int, int]] = []  # (start, position in spans) of short spans
        self._long: list[int] = []  # positions of long spans
        for k in range(len(spans)):
            self._index(k)

    def append(self, span: tuple[int, int]) -> None:
        self.spans.append(span)
        self._index(len(self.spans) - 1)

    def _index(self, k: int) -> None:
        span = self.spans[k]
        if span[1] - span[0] >= _REACH:
            self._long.append(k)
        else:
            insort(self._starts, (span[0], k))

    def near(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans with start <= hi and end >= lo (touching text[lo:hi], ends included), in
        the order they were appended."""
        a = bisect_left(self._starts, (lo - _REACH, -1))
        b = bisect_right(self._starts, (hi, len(self.spans)))
        found = [k for _, k in self._starts[a:b]]
        if self._long:
            found += self._long
        spans = self.spans
        return [spans[k] for k in sorted(found) if spans[k][0] <= hi and spans[k][1] >= lo]


def _window(marks: _SpanIndex, lo: int, hi: int) -> tuple[int, int]:
    """text[lo:hi] widened over the marks touching it, and those touching them, until none
    reaches out further: a content may run on to the end of a quotation opened in it."""
    while True:
        near = marks.near(lo, hi)
        new_lo = min([lo, *(a for a, _ in near)])
        new_hi = max([hi, *(b for _, b in near)])
        if (new_lo, new_hi) == (lo, hi):
            return lo, hi
        lo, hi = new_lo, new_hi


def _inside(got, lo: int, hi: int) -> bool:
    """Do a found content's spans (``found._Found``) lie within text[lo:hi]?"""
    if got.more is not None and not (lo <= got.more[0] and got.more[1] <= hi):
        return False
    return lo <= got.start and got.end <= hi


def _extent(got) -> tuple[int, int]:
    """The stretch a found content's spans (``found._Found``) cover."""
    if got.more is None:
        return got.start, got.end
    return min(got.start, got.more[0]), max(got.end, got.more[1])
