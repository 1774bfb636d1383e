"""The shortcuts of the reported-speech readers give what the scans they replace give.

Each test pits a shortcut against the plain regex scan it stands for, on generated texts made
of the pieces the scan decides on (capitals, 'ing', word characters, marks, odd whitespace),
cut at any bounds.
"""

import importlib

from hypothesis import example, given, settings
from hypothesis import strategies as st

frames = importlib.import_module("newslib.quotes.frames")

_ING_PIECES = ["ing", "Ing", "N", "Not", "not", "A", "x", "_", "1", "é", "É", "'", "-", "."]
_ING_PIECES += ["Noting", "singing", "Singing", "Kinging", '"']
_SPACES = ["", " ", "  ", "\n", "\t", "\u00a0"]

ing_texts = st.lists(
    st.tuples(st.sampled_from(_ING_PIECES), st.sampled_from(_SPACES)), max_size=14
).map(lambda pieces: "".join(p + s for p, s in pieces))


@settings(max_examples=500, deadline=None)
@given(ing_texts, st.integers(0, 30), st.integers(0, 60))
@example("Noting that, Lee said. Asking xAing _Asing éAbing", 0, 60)
@example("Singing", 0, 5)
@example("ab Noting", 4, 9)
def test_capital_ing_spans_are_the_scan(text, lo, width):
    hi = min(len(text), lo + width)
    lo = min(lo, hi)
    expected = [m.span() for m in frames._CAPITAL_ING_RE.finditer(text, lo, hi)]
    assert frames._capital_ing_spans(text, lo, hi) == expected
