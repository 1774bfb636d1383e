"""Long and odd input for newslib.quotes: paragraphs of thousands of sentences, sentences of
thousands of words. The rules must read each sentence with what lies near it, so the work grows
with the text, not with its square; these tests count that work (never time it) and check that
the short cuts give what the plain reading gives.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import contextlib
import importlib
import random
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st
from quote_rows import rows
from test_reported import check_invariants

near_module = importlib.import_module("newslib.quotes.near")
reported = importlib.import_module("newslib.quotes.reported")
subjects = importlib.import_module("newslib.quotes.subjects")
# the modules that read a long paragraph's spans through an index
_INDEXED = [
    importlib.import_module(f"newslib.quotes.{m}")
    for m in ("reported", "article", "nouns", "frames")
]


def _rows_with_index(text: str, few: int):
    """rows(text) with an index for every paragraph holding more than ``few`` spans."""
    with contextlib.ExitStack() as stack:
        for module in _INDEXED:
            stack.enter_context(mock.patch.object(module, "_FEW_SPANS", few))
        return rows(text)


_NAMES = ["Nora Quill", "Ivo Brandt", "Mara Okafor", "Tomas Lind", "Lena Vance"]
_CLAUSES = [
    "the bridge would reopen next spring",
    "taxes were too high for small shops",
    "the plan needed more money",
    "the strike could last for weeks",
    "the count had been fair",
]


def _sentence(r: random.Random) -> str:
    name, clause = r.choice(_NAMES), r.choice(_CLAUSES)
    shapes = [
        f"{name} said that {clause}.",
        f"{clause.capitalize()}, {name} argued.",
        f"\u201c{clause.capitalize()},\u201d said {name}, a council member.",
        f'{name} said: "{clause.capitalize()}."',
        f"According to {name}, {clause}.",
        f"{name} called the plan \u2018a mess\u2019 and said it was \u201cnot fair\u201d.",
        f"{name}'s claim that {clause} drew criticism.",
        "Trains ran late on Monday.",
    ]
    return r.choice(shapes)


def _paragraph(sentences: int, seed: int = 0) -> str:
    r = random.Random(seed)
    return " ".join(_sentence(r) for _ in range(sentences))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 900)), max_size=30),
    st.integers(-50, 3000),
    st.integers(0, 900),
)
def test_the_span_index_finds_what_reading_every_span_finds(spans, lo, width):
    spans = [(a, a + n) for a, n in spans]
    index = near_module._SpanIndex(spans[: len(spans) // 2])
    for span in spans[len(spans) // 2 :]:
        index.append(span)
    assert index.spans == spans
    hi = lo + width
    assert index.near(lo, hi) == [(a, b) for a, b in spans if a <= hi and b >= lo]


_PIECES = [
    "Nora Quill said",
    "that the plan was fine",
    ", he argued",
    ".",
    '"',
    "\u201c",
    "\u201d",
    "\u2018a mess\u2019",
    "according to Lee",
    "the count,",
    "saying",
    "Noting that",
    "her claim that",
    "the poll shows",
    "Arguing that",
    "‘",
    "’",
    "that her claim was “false”",
]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=20, max_size=120), st.integers(0, 9))
def test_a_long_paragraph_read_with_the_index_gives_what_the_plain_reading_gives(pieces, seed):
    text = "Title\n\n" + _paragraph(8, seed) + " " + " ".join(pieces)
    assert _rows_with_index(text, -1).equals(_rows_with_index(text, 10**9))


def _rows_counting_spans(text, module, name):
    """The rows of ``text`` and the lengths of the span lists ``module.name(pos, spans)`` read."""
    seen = []
    real = getattr(module, name)

    def counting(pos, spans):
        seen.append(len(spans))
        return real(pos, spans)

    with mock.patch.object(module, name, counting):
        return rows(text), seen


def test_each_sentence_of_a_long_paragraph_reads_only_the_spans_near_it():
    text = "Title\n\n" + _paragraph(3000)
    q, seen = _rows_counting_spans(text, reported, "_within")
    assert len(q) > 2000
    # a sentence holds a few marks and pieces: no reading of the paragraph's thousands
    assert max(seen) < 20
    check_invariants(text, q)


def test_the_speakers_of_a_long_paragraphs_quotations_are_sought_near_them():
    text = "Title\n\n" + _paragraph(3000, seed=1)
    q, seen = _rows_counting_spans(text, subjects, "_in_any")
    assert (q["kind"] == "direct").sum() > 500
    assert seen and max(seen) < 20
    check_invariants(text, q)


def test_a_sentence_of_thousands_of_words_without_punctuation_is_read_by_its_ends():
    r = random.Random(2)
    words = []
    while len(words) < 5000:
        words += f"{r.choice(_NAMES)} called the plan a mess and said {r.choice(_CLAUSES)}".split()
    text = " ".join(words)
    clauses = importlib.import_module("newslib.quotes.clauses")
    seen = []
    plain = clauses._words

    def counting(text, s, e):
        got = plain(text, s, e)
        seen.append(len(got))
        return got

    spans_read = []
    within = reported._within

    def counting_spans(pos, spans):
        spans_read.append(len(spans))
        return within(pos, spans)

    with (
        mock.patch.object(clauses, "_words", counting),
        mock.patch.object(reported, "_within", counting_spans),
    ):
        q = rows(text)
    assert (q["kind"] == "indirect").sum() > 100
    assert max(seen) < 100  # no noun phrase is sought among the thousands of words before
    assert max(spans_read) < 20  # nor is each cue tested against every content found before
    check_invariants(text, q)
    # the short cut gives what the whole reading gives (read where each caller reads it)
    clause_ends = importlib.import_module("newslib.quotes.clause_ends")
    with (
        mock.patch.object(clauses, "_TAIL_CHARS", 10**9),
        mock.patch.object(clause_ends, "_TAIL_CHARS", 10**9),
    ):
        assert rows(text).equals(q)


def test_a_long_list_of_names_after_a_stance_verb_is_one_content_to_the_list_end():
    # each comma before a name could end the content ('Bayview, Maine' is one place); a list of
    # 300 names and its closing 'and ...' is one content, read to the list's end
    names = ", ".join(f"Bay{chr(97 + k % 26)}{chr(97 + k // 26 % 26)}" for k in range(300))
    text = f"Ann Lee praised {names} and the Harbor Board."
    q = rows(text)
    content = q[q["kind"] == "indirect"]
    assert [
        text[int(s) : int(e)] for s, e in zip(content["start"], content["end"], strict=True)
    ] == [f"{names} and the Harbor Board"]
