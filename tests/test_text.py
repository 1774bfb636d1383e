"""Shared text utilities: normalisation, paragraphs, sentences, words."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newslib
from newslib.text import (
    WORD_RE,
    _Words,
    count_words,
    normalize_line,
    normalize_text,
    paragraph_spans,
    sentence_spans,
    word_spans,
)

# Each case: a paragraph and the sentences a careful human reader would split it into.
TRICKY = [
    (
        "Mr. Smith went to Washington. He met Dr. Jones and Sgt. Pepper there.",
        ["Mr. Smith went to Washington.", "He met Dr. Jones and Sgt. Pepper there."],
    ),
    (
        "The U.S. economy grew 3.5 percent in Jan. 2020, officials said. Markets rose.",
        ["The U.S. economy grew 3.5 percent in Jan. 2020, officials said.", "Markets rose."],
    ),
    (
        "J. R. R. Tolkien wrote the books. They sold well.",
        ["J. R. R. Tolkien wrote the books.", "They sold well."],
    ),
    ('"We will win." He left the room.', ['"We will win."', "He left the room."]),
    ("“We will win.” He left the room.", ["“We will win.”", "He left the room."]),
    (
        '"I was tired. I wanted to go home," she said. Then she left.',
        ['"I was tired.', 'I wanted to go home," she said.', "Then she left."],
    ),
    ("Prices rose 2.5%. Then they fell.", ["Prices rose 2.5%.", "Then they fell."]),
    (
        "Gov. Jerry Brown of Calif. spoke at 3 p.m. Tuesday. Nobody listened.",
        ["Gov. Jerry Brown of Calif. spoke at 3 p.m. Tuesday.", "Nobody listened."],
    ),
    ("Did it work? Yes! It did.", ["Did it work?", "Yes!", "It did."]),
    (
        "The Rev. Al Green and Mrs. Green arrived at 10 a.m. on Feb. 3.",
        ["The Rev. Al Green and Mrs. Green arrived at 10 a.m. on Feb. 3."],
    ),
]


@pytest.mark.parametrize(("paragraph", "expected"), TRICKY)
def test_tricky_sentences(paragraph, expected):
    spans = sentence_spans(paragraph)
    assert [paragraph[s:e] for _, s, e in spans] == expected


def test_seed_has_about_twenty_sentences_and_splits_inside_quotes(seed_path):
    df = newslib.load(seed_path)
    sentences = newslib.sentences(df)
    assert 18 <= len(sentences) <= 22
    # The long quoted paragraph (the 4th) is split into its sentences, not kept whole.
    assert (sentences["paragraph"] == 3).sum() >= 5


def test_sentences_never_cross_paragraphs():
    text = "First paragraph ends without a period\n\nSecond one. Has two."
    spans = sentence_spans(text)
    assert [(p, text[s:e]) for p, s, e in spans] == [
        (0, "First paragraph ends without a period"),
        (1, "Second one."),
        (1, "Has two."),
    ]


def test_normalize_text():
    raw = "  Title\u00a0with  spaces \r\n\r\n\r\nCafe\u0301 au   lait.\nsecond line\n\n\n"
    assert normalize_text(raw) == "Title with spaces\n\nCafé au lait.\nsecond line"
    assert normalize_text("") == ""
    # Without any blank line, each line is a paragraph.
    assert normalize_text("a\nb\nc") == "a\n\nb\n\nc"


def test_paragraph_spans_on_any_text():
    text = "  one\n  \n\ttwo a\nthree  \n\n\n"
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["one", "two a\nthree"]
    assert paragraph_spans("") == [] and paragraph_spans(" \n\n ") == []


def test_words():
    text = "Don't stop: the U.S. grew 3.5% in 2,000 well-known towns — Putin’s plan."
    words = [text[s:e] for s, e in word_spans(text)]
    assert words == [
        "Don't",
        "stop",
        "the",
        "U",
        "S",
        "grew",
        "3.5",
        "in",
        "2,000",
        "well-known",
        "towns",
        "Putin’s",
        "plan",
    ]
    assert count_words(text) == len(words)
    assert count_words("") == 0


def test_paragraph_and_sentence_frames_offsets():
    df = pd.DataFrame(
        {"article_id": ["x", "y"], "text": ["One. Two.\n\nThree four.", ""]},
        index=[10, 20],
    )
    paragraphs = newslib.paragraphs(df)
    sentences = newslib.sentences(df)
    assert paragraphs["paragraph"].tolist() == [0, 1]
    assert sentences["sentence"].tolist() == [0, 1, 2]
    assert sentences["paragraph"].tolist() == [0, 0, 1]
    for frame in (paragraphs, sentences):
        text = df.loc[10, "text"]
        for row in frame.itertuples():
            assert text[row.start : row.end] == row.text
        assert frame["article_id"].dtype == "string"
        assert frame["start"].dtype == "int64"
    assert sentences["n_words"].tolist() == [1, 1, 2]


def test_frames_need_article_id_and_text():
    with pytest.raises(ValueError, match="'text'"):
        newslib.sentences(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(TypeError, match="DataFrame"):
        newslib.paragraphs(["not", "a", "frame"])


def test_normalize_line_collapses_exactly_what_regex_whitespace_matches():
    import re
    import sys
    import unicodedata

    # normalize_line relies on str.split() and \s agreeing on every character.
    space = re.compile(r"\s")
    every = map(chr, range(sys.maxunicode + 1))
    assert [c for c in every if bool(space.match(c)) != c.isspace()] == []
    for line in ["  a\u00a0\u00a0b\u2003c\t\x1c d\u3000 ", "no change", "", "\u0065\u0301 x"]:
        expected = re.sub(r"\s+", " ", unicodedata.normalize("NFC", line)).strip()
        assert normalize_line(line) == expected


# Pieces that make words meet, join and break: apostrophes, hyphens, decimal points and
# thousands separators, underscores, non-ASCII letters and digits, whitespace of every kind.
_WORD_SNIPPETS = st.sampled_from(
    list("ab Z9-_.,;'’\"\n\t(") + ["3.5", "2,000", "don't", "well-known", "É", "٣", "\u00a0"]
)
_WORD_TEXTS = st.lists(_WORD_SNIPPETS, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_WORD_TEXTS, st.integers(-3, 120), st.integers(-3, 120))
def test_words_count_spans_as_their_plain_definitions(text, start, end):
    words = _Words(text)
    assert len(words) == count_words(text)
    whole = [m for m in WORD_RE.finditer(text) if start <= m.start() and m.end() <= end]
    assert words.inside(start, end) == len(whole)
    assert words.count(start, end) == len(WORD_RE.findall(text, start, end))
    if 0 <= start <= end <= len(text):
        assert words.count(start, end) == count_words(text[start:end])


def test_words_count_pieces_of_cut_words():
    text = "He said: don't go, 3.5 well-known."
    words = _Words(text)
    cut = text.index("on't")  # inside "don't"
    assert words.inside(cut, len(text)) == 3  # go, 3.5, well-known
    assert words.count(cut, len(text)) == count_words(text[cut:]) == 4  # and "on't"
    decimal = text.index(".5")
    assert words.count(decimal, decimal + 2) == count_words(".5") == 1
    assert words.inside(decimal, decimal + 2) == 0


def test_stored_combining_marks_are_this_pythons_and_another_version_is_computed(tmp_path):
    import unicodedata

    from newslib import text

    stored = text._stored_mark_ranges()
    if stored is None:  # stored for another Unicode version: computed at import instead
        pytest.skip(f"newslib stores no mark ranges for Unicode {unicodedata.unidata_version}")
    assert stored == text._computed_mark_ranges()
    # the regular expression built at import holds exactly those marks
    assert text._mark_classes()[1] in WORD_RE.pattern
    path = tmp_path / "marks.txt"
    text._write_mark_ranges(path)
    assert path.read_text("ascii").splitlines()[4] == text._marks_header()


def test_combining_marks_stored_for_another_unicode_version_are_not_read(monkeypatch):
    from newslib import text

    monkeypatch.setattr(text, "_marks_header", lambda: "unicode 0.0.0 maxunicode 1114111")
    assert text._stored_mark_ranges() is None
