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
# Written for these tests from the rules in NLTK's vader.py: lexicon words of both signs and
# cases, boosters and dampeners, negations (plain and "n't"), "least", "but", "kind", "so" and
# "this" (never so / never this), the pieces of the special idioms, emoticons, neutral filler.
_VOCAB = [
    "good", "GOOD", "Good", "bad", "BAD", "happy", "sad", "love", "hate", "war", "peace",
    "win", "lost", "no", "NO", "kind", "KIND", "great", "terrible", "okay", "bomb", "shit",
    "ass", "death", "hopeful", "furious",
    "very", "VERY", "extremely", "so", "SO", "So", "hardly", "barely", "kinda", "more", "most",
    "little", "kind-of", "sort", "of", "just", "enough", "really", "REALLY",
    "not", "NOT", "never", "Never", "isn't", "don't", "can't", "without", "nor", "none",
    "seldom", "despite", "uh-uh", "aint", "couldnt", "wasn't", "nothing",
    "least", "at", "but", "But", "BUT", "this", "This",
    "the", "yeah", "right", "cut", "mustard", "kiss", "hand", "to", "mouth",
    ":)", ":(", "<3", ":D", ":-)", "(:", ":-(",
    "a", "I", "it", "was", "is", "x", "U.S.", "well-known", "3.5%", "#bad", "good-bad", "Ok",
]
# Multi-word triggers, kept together so that they actually occur.
_PHRASES = [
    "kind of", "sort of", "at least", "very least", "never so", "never this", "the bomb",
    "the shit", "bad ass", "yeah right", "cut the mustard", "kiss of death", "hand to mouth",
    "just enough", "not at all", "so good", "this bad",
]
_AFFIX = [
    "", "", "", "", ".", ",", "!", "?", "!!", "!!!", "??", "???", "?!?", "!?!?", '"', "'",
    "-", ";", ":", ',"', "...", "(", ")", "\u201c", "\u201d", "\u2019s",
]
_END = ["", "", ".", "!", "!!", "!!!!!", "?", "??", "???", "????", "?!", "..."]
# fmt: on


@st.composite
def _sentences(draw, separators=(" ",)) -> str:
    units = draw(
        st.lists(st.sampled_from(_VOCAB) | st.sampled_from(_PHRASES), min_size=0, max_size=16)
    )
    parts = [draw(st.sampled_from(_AFFIX)) + u + draw(st.sampled_from(_AFFIX)) for u in units]
    text = "".join(p + draw(st.sampled_from(separators)) for p in parts).strip()
    text += draw(st.sampled_from(_END))
    # A shouted sentence has ALL CAPS words but (emoticons aside) no cap differential.
    return text.upper() if draw(st.integers(0, 9)) == 0 else text


def _polarity_tuple(analyzer, text: str) -> tuple[float, float, float, float]:
    s = analyzer.polarity_scores(text)
    return s["neg"], s["neu"], s["pos"], s["compound"]


# Hand-written sentences, at least one per VADER rule the fast scorer re-implements.
RULE_SENTENCES = [
    "The food was good.",  # plain lexicon word
    "The food was not good.",  # negation right before
    "The food isn't really good.",  # "n't" negation two words before, booster between
    "Nor was the food good.",  # negation three words before
    "It was never so good, never this bad.",  # "never so" / "never this"
    "Prices were this good and so bad and this terrible.",  # "so"/"this" one word before
    "She was VERY happy but he was sad.",  # ALL-CAPS booster, "but"
    "She was very HAPPY and extremely, extremely sad!!!",  # ALL-CAPS word, repeated booster
    "ALL OF THIS IS GOOD",  # all words in caps: no cap differential
    "He was kind of happy, sort of sad, and kind to all.",  # "kind of" bigram, "kind" alone
    "At least it was good; the least good idea; the very least bad.",  # "least" rules
    "Least happy.",  # "least" as the first word
    "It was really the bomb, it is really yeah right.",  # special idioms
    "I think he can cut the mustard; it was the kiss of death.",  # three-word idioms
    "It was good, good, good and then bad, bad.",  # repeated words: NLTK's first position
    "Good. GOOD. good? Good!",  # same word with glued punctuation and case
    "Really?? Good??? Bad???? Wow !!!!!",  # question and exclamation emphasis
    "I :) love <3 it :( no",  # emoticons
    "Without a doubt, despite the war, peace seldom wins.",  # other negations
    "a b c d",  # no lexicon word
    ". , ! ?",  # no token at all
    "",
]


@pytest.mark.parametrize("text", RULE_SENTENCES)
def test_fast_scorer_equals_polarity_scores_on_each_rule(text):
    from newslib.sentiment import _fast_scorer

    analyzer = vader_analyzer()
    score = _fast_scorer(analyzer)
    assert score is not None  # the fast path is the one in use with the installed NLTK
    # repr() also tells 0.0 from -0.0: the floats must be the very same.
    assert repr(score(text)) == repr(_polarity_tuple(analyzer, text))


def test_rule_sentences_exercise_the_rules():
    # The sentences above must really trigger the rules they name; NLTK decides, not newslib.
    analyzer = vader_analyzer()

    def compound(text):
        return analyzer.polarity_scores(text)["compound"]

    assert compound("The food was good.") > 0 > compound("The food was not good.")
    assert compound("It was never so good.") > compound("It was good.")
    assert compound("She was VERY happy and sad.") != compound("She was very happy and sad.")
    assert compound("He was kind of happy.") < compound("He was happy.")
    assert compound("It was really the bomb.") > 0 > compound("It was really a bomb.")
    assert compound("At least it was good.") > 0 > compound("The least good idea.")
    assert compound("Good!!!") > compound("Good.")


@settings(max_examples=500, deadline=None)
@given(_sentences(separators=(" ", " ", " ", "  ", "\t", "\n")))
def test_fast_scorer_equals_polarity_scores_on_generated_text(text):
    from newslib.sentiment import _fast_scorer

    analyzer = vader_analyzer()
    assert repr(_fast_scorer(analyzer)(text)) == repr(_polarity_tuple(analyzer, text))


@settings(max_examples=200, deadline=None)
@given(st.lists(_sentences(), min_size=1, max_size=4))
def test_generated_text_scores_equal_nltk_vader(paragraphs):
    # The same through sentiment(): one scorer (and one token table) for many sentences.
    articles = pd.DataFrame({"article_id": ["g"], "text": ["\n\n".join(paragraphs)]})
    frame = sentiment(articles, quotes=_no_quotes())
    _assert_vader_exact(frame)
    _assert_offsets(frame, articles)


@settings(max_examples=300, deadline=None)
@given(_sentences())
def test_token_table_equals_nltk_sentitext(text):
    # newslib's tokens must be NLTK's SentiText tokens exactly, and each token's negation
    # flag what NLTK's negated() says of it.
    from nltk.sentiment.vader import SentiText

    from newslib.sentiment import _TokenTable

    analyzer = vader_analyzer()
    constants = analyzer.constants
    expected = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
    tokens = _TokenTable(analyzer).tokens(text)
    assert [t.word for t in tokens] == expected.words_and_emoticons
    assert [t.negates for t in tokens] == [constants.negated([t.word]) for t in tokens]


def test_fast_path_only_for_nltks_own_analyzer():
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from newslib.sentiment import _fast_scorer

    vader_analyzer()  # makes the offline lexicon findable
    assert _fast_scorer(SentimentIntensityAnalyzer()) is not None

    class Custom(SentimentIntensityAnalyzer):
        pass

    assert _fast_scorer(Custom()) is None
    patched = SentimentIntensityAnalyzer()
    patched.sentiment_valence = lambda *args: [0]  # rules changed on the instance
    assert _fast_scorer(patched) is None


def test_token_facts_are_kept_across_calls_for_one_analyzer_only():
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    from newslib.sentiment import _fast_scorer, _token_table

    vader_analyzer()  # makes the offline lexicon findable
    first = SentimentIntensityAnalyzer()
    table = _token_table(first)
    assert _token_table(first) is table  # a later chunk reuses what earlier ones found
    text = "The glorbix plan was a total failure, critics said."
    assert _fast_scorer(first)(text) == _polarity_tuple(first, text)
    # another analyzer, or a word added to the lexicon, starts a new table
    second = SentimentIntensityAnalyzer()
    second.lexicon["glorbix"] = 2.5
    assert _token_table(second) is not table
    assert _fast_scorer(second)(text) == _polarity_tuple(second, text)
    assert _fast_scorer(second)(text) != _fast_scorer(first)(text)


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
        "neg", "neu", "pos", "compound", "in_quote", "in_reported", "voice",
    ]  # fmt: skip
    assert str(frame["article_id"].dtype) == "string"
    assert str(frame["text"].dtype) == "string"
    for column in ("paragraph", "sentence", "start", "end"):
        assert frame[column].dtype == "int64"
    for column in ("neg", "neu", "pos", "compound"):
        assert frame[column].dtype == "float64"
    assert str(frame["in_quote"].dtype) == "Float64"
    assert str(frame["in_reported"].dtype) == "Float64"
    assert str(frame["voice"].dtype) == "string"
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


# --- voice: quoted, reported, narration -------------------------------------------------------

VOICE_TEXT = (
    '"We will win this election and nothing will stop us," the mayor said. '
    'She said the plan was "a disaster" for the whole state. '
    "The meeting ended at noon."
)


def _voice_quotes(text: str, article_id: str = "v") -> pd.DataFrame:
    """The quotes table of VOICE_TEXT, written by hand: a direct quotation, indirect speech with
    a partial quotation inside it (one attribution), and nothing in the last sentence."""
    direct = _span(text, "We will win this election and nothing will stop us,")
    indirect = _span(text, 'the plan was "a disaster" for the whole state')
    partial = _span(text, "a disaster")
    return pd.DataFrame(
        {
            "article_id": [article_id] * 3,
            "start": [direct[0], indirect[0], partial[0]],
            "end": [direct[1], indirect[1], partial[1]],
            "kind": ["direct", "indirect", "partial"],
            "attribution_id": pd.array([0, 1, 1], dtype="Int64"),
        }
    )


def test_voice_of_quoted_reported_and_own_sentences():
    text = VOICE_TEXT
    frame = sentiment(_articles({"v": text}), quotes=_voice_quotes(text))
    assert frame["voice"].tolist() == ["quoted", "reported", "narration"]
    second = frame.iloc[1]
    length = second["end"] - second["start"]
    indirect = len('the plan was "a disaster" for the whole state')
    # the quoted fragment inside the reported speech is quoted, not reported
    assert second["in_quote"] == pytest.approx(len("a disaster") / length)
    assert second["in_reported"] == pytest.approx((indirect - len("a disaster")) / length)
    assert frame["in_reported"].tolist()[0] == 0.0 and frame["in_reported"].tolist()[2] == 0.0
    assert frame["in_quote"].iloc[2] == 0.0


def test_voice_thresholds_on_attributed_characters():
    # "abcd efgh." has 10 characters; each case covers some of them.
    text = "abcd efgh. Ijkl mnop."
    first = _span(text, "abcd efgh.")

    def voice(rows):
        quotes = _quotes([("t", first[0] + a, first[0] + b, k) for a, b, k in rows])
        return sentiment(_articles({"t": text}), quotes=quotes)["voice"].iloc[0]

    assert voice([(0, 5, "direct")]) == "quoted"  # half quoted
    assert voice([(0, 4, "direct")]) == "narration"  # 4 of 10
    assert voice([(0, 5, "indirect")]) == "reported"  # half reported
    assert voice([(0, 4, "indirect")]) == "narration"
    # 3 quoted + 2 reported: at least half attributed, less than half quoted
    assert voice([(0, 3, "direct"), (3, 5, "indirect")]) == "reported"
    # partial inside indirect: 4 quoted of 6 attributed
    assert voice([(0, 6, "indirect"), (1, 5, "partial")]) == "reported"
    assert voice([(0, 10, "scare")]) == "narration"  # scare quotes are not speech


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b"]),
            st.integers(-5, 70),
            st.integers(0, 30),
            st.sampled_from(["direct", "partial", "indirect", "scare"]),
        ),
        max_size=8,
    )
)
def test_in_reported_and_voice_match_character_counts(raw_quotes):
    texts = {"a": "One two three. Four five six seven.\n\nEight nine.", "b": "Ten. Eleven twelve."}
    quotes = _quotes([(a, s, s + n, k) for a, s, n, k in raw_quotes])
    frame = sentiment(_articles(texts), quotes=quotes)
    for row in frame.itertuples():
        chars = set(range(row.start, row.end))
        quoted, attributed = set(), set()
        for a, s, e, k in quotes.itertuples(index=False):
            if a == row.article_id and k != "scare":
                span = range(max(s, 0), min(e, len(texts[a])))
                attributed.update(span)
                if k != "indirect":
                    quoted.update(span)
        n = row.end - row.start
        assert row.in_quote == pytest.approx(len(quoted & chars) / n, abs=1e-12)
        assert row.in_reported == pytest.approx(len((attributed - quoted) & chars) / n, abs=1e-12)
        assert 0.0 <= row.in_quote + row.in_reported <= 1.0 + 1e-12
        if len(quoted & chars) / n >= 0.5:
            assert row.voice == "quoted"
        elif len(attributed & chars) / n >= 0.5:
            assert row.voice == "reported"
        else:
            assert row.voice == "narration"


OWN_SENTENCES = ("The meeting ended at noon.", "It rained.")


def test_summary_by_voice_against_independent_computation():
    text = VOICE_TEXT
    articles = _articles({"v": text, "own": " ".join(OWN_SENTENCES), "none": ""})
    quotes = _voice_quotes(text)
    summary = sentiment_summary(articles, quotes=quotes).set_index("article_id")
    sentences = sentiment(articles, quotes=quotes)["text"].tolist()[:3]
    compounds = [vader_analyzer().polarity_scores(s)["compound"] for s in sentences]
    v = summary.loc["v"]
    voices = ["n_quoted_sentences", "n_reported_sentences", "n_narration_sentences"]
    assert v[voices].tolist() == [1, 1, 1]
    assert v["quoted_compound_mean"] == pytest.approx(compounds[0])
    assert v["reported_compound_mean"] == pytest.approx(compounds[1])
    assert v["narration_compound_mean"] == pytest.approx(compounds[2])
    # the voices split the sentences: their counts sum to n_sentences
    assert (summary[voices].sum(axis=1) == summary["n_sentences"]).all()
    # an article of narration only: NA where it has no sentence of a voice, not 0
    own = summary.loc["own"]
    assert own["n_narration_sentences"] == 2 and own["n_reported_sentences"] == 0
    assert pd.isna(own["quoted_compound_mean"]) and pd.isna(own["reported_compound_mean"])
    own_compounds = [vader_analyzer().polarity_scores(t)["compound"] for t in OWN_SENTENCES]
    assert own["narration_compound_mean"] == pytest.approx(sum(own_compounds) / 2)
    none = summary.loc["none"]
    assert none["n_reported_sentences"] == 0 and pd.isna(none["reported_compound_mean"])
    for column in ("n_reported_sentences", "n_narration_sentences", "reported_compound_mean"):
        assert str(summary[column].dtype) in ("Int64", "Float64")


def test_summary_of_sentences_without_voice_keeps_quoted_and_leaves_the_rest_unknown():
    text = VOICE_TEXT
    articles = _articles({"v": text})
    full = sentiment(articles, quotes=_voice_quotes(text))
    old = full.drop(columns=["voice", "in_reported"])  # a frame from before reported speech
    summary = sentiment_summary(articles, sentences=old).iloc[0]
    assert summary["n_quoted_sentences"] == 1
    assert summary["quoted_compound_mean"] == pytest.approx(full["compound"].iloc[0])
    for column in ("n_reported_sentences", "n_narration_sentences", "reported_compound_mean"):
        assert pd.isna(summary[column])
    assert pd.isna(summary["narration_compound_mean"])
    # with in_reported but no voice column, the voices are worked out again
    again = sentiment_summary(articles, sentences=full.drop(columns=["voice"]))
    pd.testing.assert_frame_equal(again, sentiment_summary(articles, sentences=full))


def test_in_quote_is_na_without_quotes_module(monkeypatch):
    monkeypatch.setitem(sys.modules, "newslib.quotes", None)  # as if quotes.py did not exist
    frame = sentiment(_articles({"a": '"Good," he said. Fine.'}))
    assert len(frame) == 2
    assert frame["in_quote"].isna().all()
    assert frame["in_reported"].isna().all() and frame["voice"].isna().all()
    assert str(frame["in_quote"].dtype) == "Float64"
    assert str(frame["voice"].dtype) == "string"
    summary = sentiment_summary(_articles({"a": '"Good," he said. Fine.'}))
    assert summary["compound_mean"].notna().all()
    for column in (
        "n_quoted_sentences", "n_reported_sentences", "n_narration_sentences",
        "quoted_compound_mean", "reported_compound_mean", "narration_compound_mean",
    ):  # fmt: skip
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


def test_summary_counts_sentence_words_from_each_articles_words():
    # newslib.analyze hands the summary each article's words, found once; every sentence's
    # count (and so compound_weighted) must be count_words of its text all the same.
    from newslib.analyze import _WordsOf
    from newslib.sentiment import _sentence_words, _sentiment_summary

    articles = pd.concat([_articles(FIXTURES), _seed()], ignore_index=True)
    sentences = sentiment(articles, quotes=_no_quotes())
    words = _WordsOf()
    pd.testing.assert_frame_equal(
        _sentiment_summary(articles, sentences, None, words),
        sentiment_summary(articles, sentences=sentences),
        check_exact=True,
    )
    assert list(_sentence_words(articles, sentences, words)) == [
        count_words(t) for t in sentences["text"]
    ]
    # Sentences that cut words (made by hand) and sentences of articles not in the frame.
    text = "Well-known 3.5 don't."
    cut = pd.DataFrame(
        {"article_id": ["a", "a", "a"], "start": [2, 11, 16], "end": [13, 17, 21]}
    ).assign(text=lambda f: [text[s:e] for s, e in zip(f["start"], f["end"], strict=True)])
    expected = [count_words(t) for t in cut["text"]]
    assert expected == [2, 2, 1]
    assert list(_sentence_words(_articles({"a": text}), cut, words)) == expected
    assert list(_sentence_words(_articles({"b": text}), cut, words)) == expected


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


# newslib's own copy of what the fast scorer reads of NLTK's analyzer (no NLTK import in a run)


def _own_scorer():
    from newslib.sentiment import _fast_scorer, _own_vader

    own = _own_vader()
    assert own is not None  # the tables were taken from the NLTK release installed
    score = _fast_scorer(own)
    assert score is not None
    return score


@pytest.mark.parametrize("text", RULE_SENTENCES)
def test_own_tables_score_as_polarity_scores_on_each_rule(text):
    assert repr(_own_scorer()(text)) == repr(_polarity_tuple(vader_analyzer(), text))


@settings(max_examples=500, deadline=None)
@given(_sentences(separators=(" ", " ", "\t", "\n")))
def test_own_tables_score_as_polarity_scores_on_generated_text(text):
    assert repr(_own_scorer()(text)) == repr(_polarity_tuple(vader_analyzer(), text))


def test_own_tables_are_nltks():
    from newslib.sentiment import _own_vader

    analyzer, own = vader_analyzer(), _own_vader()
    assert own.lexicon == analyzer.lexicon
    for name in own.constants._fields:
        theirs = getattr(analyzer.constants, name)
        if name == "REGEX_REMOVE_PUNCTUATION":
            theirs = theirs.pattern
        assert type(getattr(own.constants, name))(theirs) == getattr(own.constants, name), name


def test_own_idioms_check_is_nltks():
    # Every idiom and booster bigram, and words around them, at each position.
    from newslib.sentiment import _own_vader

    analyzer, own = vader_analyzer(), _own_vader()
    phrases = [*analyzer.constants.SPECIAL_CASE_IDIOMS, *analyzer.constants.BOOSTER_DICT]
    for phrase in phrases:
        words = ["the", "day", *phrase.split(" "), "was", "good", "and"]
        for i in range(3, len(words)):
            for valence in (1.5, -2.0, 0.0):
                assert own._idioms_check(valence, words, i) == analyzer._idioms_check(
                    valence, words, i
                ), (phrase, i)


def test_span_word_counts_equal_each_articles_count():
    # The summary counts every sentence's words for a whole frame at once; any spans, also
    # ones that cut a word, leave the text or come back to an article later, give the counts
    # of _Words.count one span at a time.
    import random

    import numpy as np

    from newslib.analyze import _WordsOf
    from newslib.sentiment import _span_word_counts

    texts = {
        "empty": "",
        "blank": "   \n ",
        "said": "He said: don't go. The well-known figure was 3.5 percent.",
        "marks": "... !!! --",
        "accents": "Naïve café owners met über-fans.",
        "one": "word",
    }
    words = _WordsOf()
    rng = random.Random(7)
    for _ in range(300):
        ids = rng.choices(list(texts), k=rng.randint(1, 12))
        starts, ends = [], []
        for a in ids:
            x, y = (rng.randint(-2, len(texts[a]) + 2) for _ in range(2))
            if rng.random() < 0.8:
                x, y = min(x, y), max(x, y)
            starts.append(x)
            ends.append(y)
        got = _span_word_counts(
            ids, texts, words, np.array(starts, dtype="int64"), np.array(ends, dtype="int64")
        )
        expected = [words[texts[a]].count(x, y) for a, x, y in zip(ids, starts, ends, strict=True)]
        assert got.tolist() == expected, (ids, starts, ends)
