"""Tests for newslib.sentiment: exact VADER scores, offsets, in_quote shares and summaries."""

from __future__ import annotations

import math
import sys
import types
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslib.resources import vader_analyzer
from newslib.sentiment import sentiment, sentiment_summary
from newslib.text import count_words, normalize_text, sentence_spans

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_0ed1607056b3d6d0.txt"

# Written for these tests: VADER's special cases (negation, boosters, ALL CAPS, "but", "kind
# of", idioms, "least", emoticons, !/?), quotation marks of both styles, and abbreviations.
FIXTURES = {
    "council": (
        "The council approved the new park on Monday. Residents were VERY happy with it!\n\n"
        '"This is the best news we have had in years," said Ana Ruiz, who chairs the '
        "residents' group. \u201cWe never thought it would happen.\u201d\n\n"
        "But critics said the plan was kind of rushed, and not at all cheap."
    ),
    "storm": (
        "A storm battered the coast overnight, killing two people and injuring dozens.\n\n"
        'Officials warned that the worst was yet to come. "It\'s a disaster," said Dr. Lee, '
        'the county\'s emergency chief. "We are not prepared."\n\n'
        "Some residents were at least hopeful :) while others were furious!!! Why?? Nobody "
        "knows."
    ),
    "market": (
        "Shares rose 3.5% on Tuesday, the best day since March.\n"
        "Analysts called the rally 'fragile' and said it was the kiss of death for short "
        "sellers. The U.S. economy grew slightly, but inflation remained a HUGE worry.\n\n"
        "No comment was given."
    ),
    "plain": "Nothing happened today. The meeting was adjourned.",
}


def _articles(items: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": list(items), "text": list(items.values())})


def _seed() -> pd.DataFrame:
    raw = SEED.read_text(encoding="utf-8")
    return pd.DataFrame({"article_id": ["seed"], "text": [normalize_text(raw.split("\n", 1)[1])]})


def _no_quotes() -> pd.DataFrame:
    return pd.DataFrame({"article_id": [], "start": [], "end": [], "kind": []})


def _assert_vader_exact(frame: pd.DataFrame) -> None:
    analyzer = vader_analyzer()
    for text, neg, neu, pos, compound in zip(
        frame["text"], frame["neg"], frame["neu"], frame["pos"], frame["compound"], strict=True
    ):
        expected = analyzer.polarity_scores(text)
        assert (neg, neu, pos, compound) == (
            expected["neg"],
            expected["neu"],
            expected["pos"],
            expected["compound"],
        ), text


def _assert_offsets(frame: pd.DataFrame, articles: pd.DataFrame) -> None:
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    for article_id, group in frame.groupby("article_id", sort=False):
        text = texts[article_id]
        spans = sentence_spans(text)
        assert list(zip(group["paragraph"], group["start"], group["end"], strict=True)) == spans
        assert list(group["sentence"]) == list(range(len(spans)))
        for start, end, sentence in zip(group["start"], group["end"], group["text"], strict=True):
            assert text[start:end] == sentence


# --- scores and offsets ------------------------------------------------------------------------


def test_seed_scores_equal_nltk_vader_exactly():
    seed = _seed()
    frame = sentiment(seed, quotes=_no_quotes())
    assert len(frame) == len(sentence_spans(seed["text"][0])) > 10
    _assert_vader_exact(frame)
    _assert_offsets(frame, seed)


def test_fixture_scores_equal_nltk_vader_exactly():
    articles = _articles(FIXTURES)
    frame = sentiment(articles, quotes=_no_quotes())
    _assert_vader_exact(frame)
    _assert_offsets(frame, articles)
    # The fixtures really exercise both signs and the neutral case.
    assert (frame["compound"] > 0.05).any() and (frame["compound"] < -0.05).any()
    assert (frame["compound"] == 0).any()


# fmt: off
_VOCAB = [
    "good", "GOOD", "bad", "BAD", "not", "never", "so", "this", "very", "VERY", "kind", "of",
    "sort", "but", "BUT", "least", "at", "the", "bomb", "kiss", "death", "yeah", "right",
    "isn't", "don't", "happy", "sad", "love", "hate", "war", "peace", "win", "lost", "no",
    "nor", "hardly", "extremely", "without", ":)", ":(", "<3", "a", "I", "it", "was", "is",
    "U.S.", "well-known", "can't", "3.5%", "#bad", "good-bad", "Ok", "x",
]
_AFFIX = [
    "", "", "", ".", ",", "!", "?", "!!", "?!?", "!?!?", '"', "'", "-", ";", ":", ',"', "...",
    "(", ")", "\u201c", "\u201d", "\u2019s",
]
# fmt: on


@st.composite
def _sentences(draw) -> str:
    words = draw(st.lists(st.sampled_from(_VOCAB), min_size=0, max_size=14))
    tokens = [draw(st.sampled_from(_AFFIX)) + w + draw(st.sampled_from(_AFFIX)) for w in words]
    return " ".join(tokens) + draw(st.sampled_from(["", ".", "!", "?", "!!!!!", "???"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_sentences(), min_size=1, max_size=4))
def test_generated_text_scores_equal_nltk_vader(paragraphs):
    # Tokens glued to punctuation, caps, negations and repeated words are where a faster
    # tokeniser could drift from NLTK's; generated text probes them far beyond the fixtures.
    articles = pd.DataFrame({"article_id": ["g"], "text": ["\n\n".join(paragraphs)]})
    frame = sentiment(articles, quotes=_no_quotes())
    _assert_vader_exact(frame)
    _assert_offsets(frame, articles)


@settings(max_examples=300, deadline=None)
@given(_sentences())
def test_fast_tokens_equal_nltk_sentitext(text):
    # newslib's faster tokeniser must give NLTK's SentiText tokens exactly, and it must be the
    # path in use with the installed NLTK (else the equality tests above prove nothing about it).
    from nltk.sentiment.vader import SentiText

    from newslib.sentiment import _fast_scorer, _vader_tokens

    analyzer = vader_analyzer()
    constants = analyzer.constants
    assert _fast_scorer(analyzer) is not None
    expected = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
    assert _vader_tokens(text, frozenset(constants.PUNC_LIST)) == expected.words_and_emoticons


def test_other_nltk_release_falls_back_to_polarity_scores(monkeypatch):
    import nltk

    from newslib.sentiment import _fast_scorer

    monkeypatch.setattr(nltk, "__version__", "9.0.0")
    assert _fast_scorer(vader_analyzer()) is None
    frame = sentiment(_articles(FIXTURES), quotes=_no_quotes())
    _assert_vader_exact(frame)


def test_schema_and_dtypes():
    frame = sentiment(_articles(FIXTURES), quotes=_no_quotes())
    assert list(frame.columns) == [
        "article_id", "paragraph", "sentence", "start", "end", "text",
        "neg", "neu", "pos", "compound", "in_quote",
    ]  # fmt: skip
    assert str(frame["article_id"].dtype) == "string"
    assert str(frame["text"].dtype) == "string"
    for column in ("paragraph", "sentence", "start", "end"):
        assert frame[column].dtype == "int64"
    for column in ("neg", "neu", "pos", "compound"):
        assert frame[column].dtype == "float64"
    assert str(frame["in_quote"].dtype) == "Float64"
    assert isinstance(frame.index, pd.RangeIndex)
    assert list(pd.unique(frame["article_id"])) == list(FIXTURES)


def test_repeated_sentences_get_identical_rows():
    text = "What a wonderful day. It rained.\n\nWhat a wonderful day. It rained."
    frame = sentiment(_articles({"r": text}), quotes=_no_quotes())
    assert len(frame) == 4
    first, second = frame.iloc[:2], frame.iloc[2:]
    for column in ("text", "neg", "neu", "pos", "compound"):
        assert list(first[column]) == list(second[column])
    assert list(frame["paragraph"]) == [0, 0, 1, 1]


def test_result_does_not_depend_on_other_articles_or_index():
    articles = _articles(FIXTURES)
    together = sentiment(articles, quotes=_no_quotes())
    shuffled = articles.iloc[::-1].set_axis([40, 7, 3, 12])
    reversed_frame = sentiment(shuffled, quotes=_no_quotes())
    alone = sentiment(articles[articles["article_id"] == "storm"], quotes=_no_quotes())
    pd.testing.assert_frame_equal(
        together[together["article_id"] == "storm"].reset_index(drop=True), alone
    )
    pd.testing.assert_frame_equal(
        reversed_frame[reversed_frame["article_id"] == "storm"].reset_index(drop=True), alone
    )
    assert isinstance(reversed_frame.index, pd.RangeIndex)


def test_articles_without_sentences_and_empty_frame():
    articles = _articles({"empty": "", "blank": "  \n\n ", "one": "Fine."})
    frame = sentiment(articles, quotes=_no_quotes())
    assert list(frame["article_id"]) == ["one"]
    empty = sentiment(pd.DataFrame({"article_id": [], "text": []}), quotes=_no_quotes())
    assert len(empty) == 0
    assert list(empty.columns) == list(frame.columns)
    assert (empty.dtypes.astype(str) == frame.dtypes.astype(str)).all()


def test_missing_columns_error():
    with pytest.raises(ValueError, match="'text'"):
        sentiment(pd.DataFrame({"article_id": ["a"], "body": ["Hi."]}))
    with pytest.raises(ValueError, match="'article_id'"):
        sentiment_summary(pd.DataFrame({"text": ["Hi."]}))
    with pytest.raises(TypeError):
        sentiment(["not", "a", "frame"])
    with pytest.raises(ValueError, match="'kind'"):
        sentiment(_articles({"a": "Hi."}), quotes=pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(ValueError, match="'in_quote'"):
        sentiment_summary(_articles({"a": "Hi."}), sentences=pd.DataFrame({"article_id": ["a"]}))


# --- in_quote --------------------------------------------------------------------------------

# Four sentences, one per case; offsets below are found with str.index, not typed in.
QUOTE_TEXT = (
    '"We will win this election." '
    "Turnout abcd was high. "
    'The so-called "reform" passed. '
    "Nothing else happened."
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _quotes(rows: list[tuple[str, int, int, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "kind"])


def test_in_quote_shares_from_hand_made_quotes():
    text = QUOTE_TEXT
    full = _span(text, '"We will win this election."')
    second = _span(text, "Turnout abcd was high.")
    half = (second[0], second[0] + (second[1] - second[0]) // 2)
    scare = _span(text, '"reform"')
    quotes = _quotes(
        [("q", *full, "direct"), ("q", *half, "partial"), ("q", *scare, "scare")]
        + [("other", 0, len(text), "direct")]  # another article's quote must not leak in
    )
    frame = sentiment(_articles({"q": text, "x": "Calm."}), quotes=quotes)
    shares = dict(zip(frame["text"], frame["in_quote"], strict=True))
    assert [p for p, _, _ in sentence_spans(text)] == [0, 0, 0, 0]  # four sentences
    assert shares['"We will win this election."'] == 1.0
    assert shares["Turnout abcd was high."] == 0.5  # 11 of 22 characters
    assert shares['The so-called "reform" passed.'] == 0.0
    assert shares["Nothing else happened."] == 0.0
    assert shares["Calm."] == 0.0  # article with no quotes at all


def test_in_quote_overlapping_and_crossing_quotes():
    text = "Alpha beta gamma. Delta epsilon zeta."
    s1 = _span(text, "Alpha beta gamma.")
    s2 = _span(text, "Delta epsilon zeta.")
    # Two overlapping quotes over the first sentence count its characters once; a quote from
    # inside the first sentence into the second splits its characters between them.
    quotes = _quotes(
        [
            ("a", s1[0], s1[0] + 10, "direct"),
            ("a", s1[0] + 5, s1[1], "partial"),
            ("a", s2[0] + 6, s2[1] + 50, "direct"),  # runs past the end of the text
        ]
    )
    frame = sentiment(_articles({"a": text}), quotes=quotes)
    assert list(frame["in_quote"]) == [1.0, pytest.approx((s2[1] - s2[0] - 6) / (s2[1] - s2[0]))]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b"]),
            st.integers(-5, 70),
            st.integers(0, 30),
            st.sampled_from(["direct", "partial", "scare"]),
        ),
        max_size=8,
    )
)
def test_in_quote_matches_character_count(raw_quotes):
    texts = {"a": "One two three. Four five six seven.\n\nEight nine.", "b": "Ten. Eleven twelve."}
    quotes = _quotes([(a, s, s + n, k) for a, s, n, k in raw_quotes])
    frame = sentiment(_articles(texts), quotes=quotes)
    for row in frame.itertuples():
        # Reference: mark each character of the article that a speech quote covers.
        covered = set()
        for a, s, e, k in quotes.itertuples(index=False):
            if a == row.article_id and k in ("direct", "partial"):
                covered.update(range(max(s, 0), min(e, len(texts[a]))))
        share = len(covered & set(range(row.start, row.end))) / (row.end - row.start)
        assert row.in_quote == pytest.approx(share, abs=1e-12)


def test_in_quote_is_na_without_quotes_module(monkeypatch):
    monkeypatch.setitem(sys.modules, "newslib.quotes", None)  # as if quotes.py did not exist
    frame = sentiment(_articles({"a": '"Good," he said. Fine.'}))
    assert len(frame) == 2
    assert frame["in_quote"].isna().all()
    assert str(frame["in_quote"].dtype) == "Float64"
    summary = sentiment_summary(_articles({"a": '"Good," he said. Fine.'}))
    assert summary["compound_mean"].notna().all()
    for column in ("n_quoted_sentences", "quoted_compound_mean", "narration_compound_mean"):
        assert summary[column].isna().all()


def test_quotes_module_is_used_when_present(monkeypatch):
    calls = []

    def fake_quotes(df):
        calls.append(len(df))
        return _quotes([("a", 0, 7, "direct")])

    module = types.ModuleType("newslib.quotes")
    module.quotes = fake_quotes
    monkeypatch.setitem(sys.modules, "newslib.quotes", module)
    frame = sentiment(_articles({"a": '"Good!" Fine.'}))
    assert calls == [1]
    assert list(frame["in_quote"]) == [1.0, 0.0]


# --- summary ---------------------------------------------------------------------------------

SUMMARY_TEXT = (
    "The rescue was a wonderful success. "
    '"I am so sad and angry about the terrible losses," said the mayor. '
    "The report was published on Friday.\n\n"
    '"What a great team," she added.'
)


def test_summary_maths_against_independent_computation():
    text = SUMMARY_TEXT
    quoted_parts = ['"I am so sad and angry about the terrible losses,"', '"What a great team,"']
    quotes = _quotes([("s", *_span(text, part), "direct") for part in quoted_parts])
    sentences = [
        "The rescue was a wonderful success.",
        '"I am so sad and angry about the terrible losses," said the mayor.',
        "The report was published on Friday.",
        '"What a great team," she added.',
    ]
    # Which sentences are quoted, by hand: most characters of sentences 2 and 4 are quoted.
    is_quoted = [False, True, False, True]
    analyzer = vader_analyzer()
    compounds = [analyzer.polarity_scores(s)["compound"] for s in sentences]
    words = [count_words(s) for s in sentences]
    articles = _articles({"s": text, "none": "", "z": "Okay."})
    summary = sentiment_summary(articles, quotes=quotes)
    assert list(sentiment(articles.iloc[:1], quotes=quotes)["text"]) == sentences

    assert list(summary["article_id"]) == ["s", "none", "z"]
    row = summary.iloc[0]
    assert row["n_sentences"] == 4
    assert row["compound_mean"] == pytest.approx(sum(compounds) / 4)
    assert row["compound_weighted"] == pytest.approx(
        sum(c * w for c, w in zip(compounds, words, strict=True)) / sum(words)
    )
    assert row["share_positive"] == pytest.approx(sum(c >= 0.05 for c in compounds) / 4)
    assert row["share_negative"] == pytest.approx(sum(c <= -0.05 for c in compounds) / 4)
    quoted = [c for c, q in zip(compounds, is_quoted, strict=True) if q]
    narration = [c for c, q in zip(compounds, is_quoted, strict=True) if not q]
    assert row["n_quoted_sentences"] == 2
    assert row["quoted_compound_mean"] == pytest.approx(sum(quoted) / 2)
    assert row["narration_compound_mean"] == pytest.approx(sum(narration) / 2)
    # The fixture mixes signs so the means really differ.
    assert min(compounds) < -0.05 < 0.05 < max(compounds)

    none = summary.iloc[1]
    assert none["n_sentences"] == 0 and none["n_quoted_sentences"] == 0
    for column in (
        "compound_mean", "compound_weighted", "share_positive", "share_negative",
        "quoted_compound_mean", "narration_compound_mean",
    ):  # fmt: skip
        assert pd.isna(none[column])
    z = summary.iloc[2]
    assert z["n_quoted_sentences"] == 0
    assert pd.isna(z["quoted_compound_mean"])
    assert z["narration_compound_mean"] == pytest.approx(
        analyzer.polarity_scores("Okay.")["compound"]
    )


def test_summary_threshold_half_quoted_counts_as_quoted():
    text = "abcd efgh. Terrible awful news here."
    s1 = _span(text, "abcd efgh.")
    quotes = _quotes([("t", s1[0], s1[0] + 5, "direct")])  # 5 of 10 characters
    summary = sentiment_summary(_articles({"t": text}), quotes=quotes)
    assert summary["n_quoted_sentences"].iloc[0] == 1
    assert summary["quoted_compound_mean"].iloc[0] == 0.0  # "abcd efgh." is neutral
    assert summary["narration_compound_mean"].iloc[0] < 0


def test_summary_reuses_sentences_and_checks_arguments():
    articles = _articles(FIXTURES)
    sentences = sentiment(articles, quotes=_no_quotes())
    direct = sentiment_summary(articles, quotes=_no_quotes())
    reused = sentiment_summary(articles[["article_id"]], sentences=sentences)
    pd.testing.assert_frame_equal(direct, reused)
    # Sentences are really read: changing a score changes the summary.
    tampered = sentences.assign(compound=sentences["compound"] + 1.0)
    changed = sentiment_summary(articles, sentences=tampered)
    assert (changed["compound_mean"] - direct["compound_mean"]).round(9).eq(1.0).all()
    with pytest.raises(ValueError, match="not both"):
        sentiment_summary(articles, sentences=sentences, quotes=_no_quotes())
    with pytest.raises(ValueError, match="unique"):
        sentiment_summary(pd.concat([articles, articles]), quotes=_no_quotes())


def test_summary_schema_empty_and_index():
    empty = sentiment_summary(pd.DataFrame({"article_id": [], "text": []}), quotes=_no_quotes())
    assert len(empty) == 0
    full = sentiment_summary(_articles(FIXTURES).set_axis([9, 3, 5, 1]), quotes=_no_quotes())
    assert list(full.columns) == list(empty.columns)
    assert (full.dtypes.astype(str) == empty.dtypes.astype(str)).all()
    assert isinstance(full.index, pd.RangeIndex)
    assert list(full["article_id"]) == list(FIXTURES)
    assert full["n_sentences"].dtype == "int64"
    assert str(full["compound_mean"].dtype) == "Float64"


def test_seed_summary_matches_sentence_scores():
    seed = _seed()
    sentences = sentiment(seed, quotes=_no_quotes())
    summary = sentiment_summary(seed, sentences=sentences)
    texts = list(sentences["text"])
    compounds = [vader_analyzer().polarity_scores(t)["compound"] for t in texts]
    words = [count_words(t) for t in texts]
    assert summary["n_sentences"].iloc[0] == len(texts)
    assert summary["compound_mean"].iloc[0] == pytest.approx(math.fsum(compounds) / len(texts))
    assert summary["compound_weighted"].iloc[0] == pytest.approx(
        math.fsum(c * w for c, w in zip(compounds, words, strict=True)) / sum(words)
    )
