"""Sentence-level sentiment with NLTK's VADER, inside and outside quotations.

VADER is built for sentences: on a whole article its compound score saturates near ±1. So
:func:`sentiment` scores every sentence of newslib's one sentence definition
(:func:`newslib.text.sentence_spans`) and :func:`sentiment_summary` aggregates per article.

Every score equals ``SentimentIntensityAnalyzer().polarity_scores(sentence)`` exactly. Two
things make it faster than calling that per sentence, neither of which changes a value:

* identical sentences (bylines, boilerplate, repeated quotes) are scored once per call;
* NLTK's tokenisation step builds a dictionary of every word glued to every one of 17
  punctuation marks, for every sentence -- about two thirds of VADER's time. newslib finds
  the same tokens by stripping the punctuation run at each end of a token and looking it up,
  then runs NLTK's own valence, "but", punctuation and normalisation code on them. This path
  is used only with the NLTK release family it was checked against (see ``_FAST_NLTK``);
  with any other release newslib calls ``polarity_scores`` itself.

A sentence's ``in_quote`` is the share of its characters inside a direct or partial quotation
(from :func:`newslib.quotes.quotes` when that module is available, or a quotes frame you pass).
"""

from __future__ import annotations

import re
import string

import numpy as np
import pandas as pd

from ._frame import empty_frame, require_columns
from .text import count_words, sentence_spans

__all__ = ["sentiment", "sentiment_summary", "QUOTED_THRESHOLD"]

#: A sentence counts as quoted speech (not the reporter's narration) when at least this share
#: of its characters lies inside direct or partial quotations.
QUOTED_THRESHOLD = 0.5
#: VADER's conventional cut-offs for a positive / negative compound score.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05

# Quote kinds that put someone else's words in the text; scare quotes are the reporter's.
_SPEECH_KINDS = ("direct", "partial")
# NLTK release families whose VADER the fast tokeniser was checked against, token for token.
_FAST_NLTK = ("3.10.",)
_DROP_PUNCTUATION = str.maketrans("", "", string.punctuation)

SENTENCE_DTYPES = {
    "article_id": "string",
    "paragraph": "int64",
    "sentence": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "neg": "float64",
    "neu": "float64",
    "pos": "float64",
    "compound": "float64",
    "in_quote": "Float64",
}

SUMMARY_DTYPES = {
    "article_id": "string",
    "n_sentences": "int64",
    "compound_mean": "Float64",
    "compound_weighted": "Float64",
    "share_positive": "Float64",
    "share_negative": "Float64",
    "n_quoted_sentences": "Int64",
    "quoted_compound_mean": "Float64",
    "narration_compound_mean": "Float64",
}


# --------------------------------------------------------------------------------------------
# VADER scoring


class _Tokens:
    """The two attributes of NLTK's ``SentiText`` that its valence code reads."""

    __slots__ = ("words_and_emoticons", "is_cap_diff")

    def __init__(self, words: list[str], is_cap_diff: bool):
        self.words_and_emoticons = words
        self.is_cap_diff = is_cap_diff


def _vader_token(token: str, punc_set: frozenset[str]) -> str:
    """What NLTK's ``SentiText`` makes of one whitespace token of more than one character.

    NLTK maps a token to ``w`` when the token is ``p + w`` or ``w + p`` with ``p`` one of its
    punctuation marks and ``w`` a word (>1 character) of the text with all ASCII punctuation
    removed. Such a ``w`` holds no punctuation, so ``p`` can only be the token's whole leading
    (or trailing) punctuation run, and the two forms cannot both apply to one token. And a
    ``w`` without punctuation is always such a word of the text: the token itself, with its
    punctuation run removed, is one. So the answer depends on the token alone.
    """
    rest = token.lstrip(string.punctuation)
    if len(rest) < len(token):
        glued = token[: len(token) - len(rest)] in punc_set
    else:
        rest = token.rstrip(string.punctuation)
        glued = len(rest) < len(token) and token[len(rest) :] in punc_set
    if glued and len(rest) > 1 and len(rest.translate(_DROP_PUNCTUATION)) == len(rest):
        return rest
    return token


def _vader_tokens(
    text: str, punc_set: frozenset[str], memo: dict[str, str] | None = None
) -> list[str]:
    """VADER's ``words_and_emoticons`` for ``text``, without building its product dictionary.

    ``memo`` remembers each distinct token's mapping (see :func:`_vader_token`) across calls.
    """
    if memo is None:
        memo = {}
    get = memo.get
    tokens = []
    for token in text.split():
        if len(token) > 1:
            word = get(token)
            if word is None:
                word = memo[token] = _vader_token(token, punc_set)
            tokens.append(word)
    return tokens


def _fast_scorer(analyzer):
    """Return an exact, faster ``polarity_scores`` for ``analyzer``, or None when unsafe."""
    import nltk
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    constants = analyzer.constants
    if (
        type(analyzer) is not SentimentIntensityAnalyzer
        or not nltk.__version__.startswith(_FAST_NLTK)
        # str.translate below removes what this pattern removes only if it is still this one.
        or constants.REGEX_REMOVE_PUNCTUATION.pattern != f"[{re.escape(string.punctuation)}]"
    ):
        return None
    punc_set = frozenset(constants.PUNC_LIST)
    boosters = constants.BOOSTER_DICT
    lexicon = analyzer.lexicon
    valence = analyzer.sentiment_valence
    memo: dict[str, str] = {}  # token -> NLTK's token; lives as long as this scorer (one call)

    def score(text: str) -> dict[str, float]:
        words = _vader_tokens(text, punc_set, memo)
        n_upper = sum(1 for w in words if w.isupper())
        tokens = _Tokens(words, 0 < len(words) - n_upper < len(words))
        # NLTK scores every occurrence of a token at the position of its first occurrence.
        first: dict[str, int] = {}
        for i, word in enumerate(words):
            first.setdefault(word, i)
        sentiments: list = []
        last = len(words) - 1
        for word in words:
            lower = word.lower()
            if lower not in lexicon:
                # NLTK's valence step leaves the 0 it is given for a word outside the lexicon.
                sentiments.append(0)
                continue
            i = first[word]
            if lower in boosters or (lower == "kind" and i < last and words[i + 1].lower() == "of"):
                sentiments.append(0)  # boosters only modify their neighbours
            else:
                sentiments = valence(0, tokens, word, i, sentiments)
        sentiments = analyzer._but_check(words, sentiments)
        return analyzer.score_valence(sentiments, text)

    return score


def _score_texts(texts: list[str]) -> np.ndarray:
    """``(n, 4)`` array of VADER neg, neu, pos, compound; each distinct text scored once."""
    from .resources import vader_analyzer

    analyzer = vader_analyzer()
    score = _fast_scorer(analyzer) or analyzer.polarity_scores
    cache: dict[str, tuple[float, float, float, float]] = {}
    out = np.empty((len(texts), 4), dtype="float64")
    for row, text in enumerate(texts):
        values = cache.get(text)
        if values is None:
            s = score(text)
            values = cache[text] = (s["neg"], s["neu"], s["pos"], s["compound"])
        out[row] = values
    return out


# --------------------------------------------------------------------------------------------
# Quotation coverage


def _quote_coverage(
    sentence_ids: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    quote_ids: np.ndarray,
    quote_starts: np.ndarray,
    quote_ends: np.ndarray,
) -> np.ndarray:
    """Characters of each span ``[starts, ends)`` covered by the union of the quote spans of
    the same article; ids are small ints naming articles.

    Each article gets its own stretch of one number line (ids times a stride longer than any
    offset), overlapping quotes are merged, and the covered length up to any point is read
    from a cumulative sum, so the whole frame is done with a few sorted-array operations.
    """
    covered = np.zeros(len(starts), dtype="int64")
    keep = quote_ends > quote_starts
    if not keep.any() or len(starts) == 0:
        return covered
    stride = int(max(ends.max(), quote_ends[keep].max())) + 1
    q_start = quote_ids[keep] * stride + quote_starts[keep]
    q_end = quote_ids[keep] * stride + quote_ends[keep]
    order = np.lexsort((q_end, q_start))
    q_start, q_end = q_start[order], q_end[order]
    # A quote opens a new merged block when it starts after every earlier quote has ended.
    reach = np.maximum.accumulate(q_end)
    opens = np.ones(len(q_start), dtype=bool)
    opens[1:] = q_start[1:] > reach[:-1]
    block_start = q_start[opens]
    block_end = np.maximum.reduceat(q_end, np.flatnonzero(opens))
    before = np.concatenate(([0], np.cumsum(block_end - block_start)[:-1]))

    def covered_before(x: np.ndarray) -> np.ndarray:
        k = np.searchsorted(block_start, x, side="right") - 1
        inside = k >= 0
        kk = np.where(inside, k, 0)
        partial = np.clip(x - block_start[kk], 0, block_end[kk] - block_start[kk])
        return np.where(inside, before[kk] + partial, 0)

    base = sentence_ids * stride
    return covered_before(base + ends) - covered_before(base + starts)


def _speech_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    require_columns(quotes, ["article_id", "start", "end", "kind"], caller="sentiment")
    speech = quotes[quotes["kind"].isin(_SPEECH_KINDS).fillna(False).astype(bool)]
    if speech[["start", "end"]].isna().any(axis=None):
        raise ValueError("sentiment(): some quotes have no start/end (NA); drop them first")
    return speech


def _in_quote(frame: pd.DataFrame, quotes: pd.DataFrame, lengths: dict[str, int]) -> pd.Series:
    speech = _speech_quotes(quotes)
    ids = pd.Index(pd.unique(frame["article_id"]))
    q_article = speech["article_id"].astype("string").to_numpy()
    q_codes = ids.get_indexer(q_article)
    known = q_codes >= 0  # quotes of articles not in the frame do not matter
    q_ids = q_article[known]
    q_start = speech["start"].to_numpy(dtype="int64")[known]
    q_end = speech["end"].to_numpy(dtype="int64")[known]
    # Keep quotes inside their text so no span leaks into the next article's stretch.
    limit = np.array([lengths[a] for a in q_ids], dtype="int64")
    q_start = np.clip(q_start, 0, limit)
    q_end = np.clip(q_end, 0, limit)
    starts = frame["start"].to_numpy(dtype="int64")
    ends = frame["end"].to_numpy(dtype="int64")
    covered = _quote_coverage(
        ids.get_indexer(frame["article_id"]), starts, ends, q_codes[known], q_start, q_end
    )
    return pd.Series(covered / (ends - starts), index=frame.index, dtype="Float64")


def _default_quotes(df: pd.DataFrame) -> pd.DataFrame | None:
    # Without a quotes module in_quote is unknown (NA), never 0. Only the module's own absence
    # counts: an import error inside it is a bug to surface.
    try:
        from .quotes import quotes
    except ModuleNotFoundError as error:
        if error.name == "newslib.quotes":
            return None
        raise
    return quotes(df)


# --------------------------------------------------------------------------------------------
# Public API


def sentiment(df: pd.DataFrame, *, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Score every sentence of every article with NLTK's VADER.

    Sentences are newslib's (:func:`newslib.text.sentence_spans`: Punkt inside each paragraph).
    ``neg``, ``neu``, ``pos`` and ``compound`` equal NLTK's
    ``SentimentIntensityAnalyzer().polarity_scores(text)`` on the sentence's ``text`` exactly.

    ``in_quote`` is the share (0..1) of the sentence's characters inside a direct or partial
    quotation; scare quotes do not count. Quotations come from ``quotes`` (a frame with
    ``article_id``, ``start``, ``end``, ``kind``, offsets into the article's ``text``) or, when
    it is None, from :func:`newslib.quotes.quotes` if that module is installed; otherwise
    ``in_quote`` is NA.

    Args:
        df: any frame with ``article_id`` and ``text`` columns.
        quotes: optional quotations, e.g. the output of ``newslib.quotes.quotes(df)``.

    Returns:
        A new frame, one row per sentence in input order: ``article_id``, ``paragraph`` and
        ``sentence`` (0-based within the article), ``start``, ``end`` (character offsets into
        the article's text, end exclusive), ``text``, ``neg``, ``neu``, ``pos``, ``compound``,
        ``in_quote`` (Float64).

    Example:
        >>> import pandas as pd
        >>> text = 'Great news. "Awful day," he said.'
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
        >>> q = pd.DataFrame({"article_id": ["a"], "start": [12], "end": [24], "kind": ["direct"]})
        >>> s = sentiment(arts, quotes=q)
        >>> s[["sentence", "text", "compound", "in_quote"]]
           sentence                   text  compound  in_quote
        0         0            Great news.    0.6249       0.0
        1         1  "Awful day," he said.   -0.4588  0.571429
    """
    require_columns(df, ["article_id", "text"], caller="sentiment")
    rows: dict[str, list] = {name: [] for name in ("article_id", "paragraph", "sentence")}
    rows.update(start=[], end=[], text=[])
    lengths: dict[str, int] = {}
    for article_id, text in zip(df["article_id"], df["text"], strict=True):
        text = str(text)
        article_id = str(article_id)
        lengths[article_id] = max(lengths.get(article_id, 0), len(text))
        for number, (paragraph, start, end) in enumerate(sentence_spans(text)):
            rows["article_id"].append(article_id)
            rows["paragraph"].append(paragraph)
            rows["sentence"].append(number)
            rows["start"].append(start)
            rows["end"].append(end)
            rows["text"].append(text[start:end])
    if not rows["text"]:
        if quotes is not None:
            _speech_quotes(quotes)  # a malformed frame is an error even with nothing to score
        return empty_frame(SENTENCE_DTYPES)

    frame = pd.DataFrame(rows)
    scores = _score_texts(rows["text"])
    for column, values in zip(("neg", "neu", "pos", "compound"), scores.T, strict=True):
        frame[column] = values
    if quotes is None:
        quotes = _default_quotes(df)
    if quotes is None:
        frame["in_quote"] = pd.Series(pd.NA, index=frame.index, dtype="Float64")
    else:
        frame["in_quote"] = _in_quote(frame, quotes, lengths)
    return frame.astype(SENTENCE_DTYPES)


def sentiment_summary(
    df: pd.DataFrame,
    *,
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Summarise sentence sentiment per article: overall, in quoted speech and in narration.

    A sentence counts as *quoted* when ``in_quote >= QUOTED_THRESHOLD`` (0.5: at least half
    its characters are inside direct or partial quotations) and as the reporter's *narration*
    otherwise, so each sentence is in exactly one of the two groups. When an article's
    ``in_quote`` is unknown (NA, e.g. no quotes module), its quoted/narration columns are NA.

    Args:
        df: any frame with ``article_id`` (and ``text`` unless ``sentences`` is given);
            article ids must be unique.
        sentences: the output of :func:`sentiment` for ``df``, reused instead of recomputed.
        quotes: quotations passed on to :func:`sentiment` (only when ``sentences`` is None).

    Returns:
        A new frame, one row per input article in input order (articles without sentences
        included): ``article_id``, ``n_sentences``, ``compound_mean``, ``compound_weighted``
        (mean weighted by each sentence's word count), ``share_positive`` (compound >= 0.05),
        ``share_negative`` (compound <= -0.05), ``n_quoted_sentences``,
        ``quoted_compound_mean``, ``narration_compound_mean``. Means are NA where there is no
        sentence to average.

    Example:
        >>> import pandas as pd
        >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["Great news. Sad day.", ""]})
        >>> q = pd.DataFrame({"article_id": [], "start": [], "end": [], "kind": []})
        >>> sentiment_summary(arts, quotes=q)[["article_id", "n_sentences", "compound_mean"]]
          article_id  n_sentences  compound_mean
        0          a            2         0.0741
        1          b            0           <NA>
    """
    if sentences is not None and quotes is not None:
        raise ValueError(
            "sentiment_summary(): pass either sentences= (already has in_quote) or quotes=, "
            "not both; to use new quotes, recompute with sentiment(df, quotes=...)"
        )
    require_columns(
        df,
        ["article_id"] if sentences is not None else ["article_id", "text"],
        caller="sentiment_summary",
    )
    ids = df["article_id"].astype("string")
    if ids.isna().any():
        raise ValueError("sentiment_summary(): some rows have no article_id (NA); fill them")
    if ids.duplicated().any():
        dupes = ", ".join(repr(a) for a in ids[ids.duplicated()].unique()[:3])
        raise ValueError(
            f"sentiment_summary(): article_id must be unique (repeated: {dupes}); "
            "drop duplicate articles or give them distinct ids"
        )
    if sentences is None:
        sentences = sentiment(df, quotes=quotes)
    else:
        require_columns(
            sentences, ["article_id", "text", "compound", "in_quote"], caller="sentiment_summary"
        )

    s = pd.DataFrame(
        {
            "article_id": sentences["article_id"].astype("string").to_numpy(),
            "compound": sentences["compound"].to_numpy(dtype="float64"),
            "words": [count_words(str(t)) for t in sentences["text"]],
            "in_quote": sentences["in_quote"].astype("Float64").to_numpy(),
        }
    )
    s = s[s["article_id"].isin(ids)]
    s["weighted"] = s["compound"] * s["words"]
    s["positive"] = s["compound"] >= POSITIVE_THRESHOLD
    s["negative"] = s["compound"] <= NEGATIVE_THRESHOLD
    known = s["in_quote"].notna().to_numpy()
    quoted = np.zeros(len(s), dtype=bool)
    quoted[known] = s["in_quote"].to_numpy()[known] >= QUOTED_THRESHOLD
    s["quoted"] = quoted
    s["unknown"] = ~known
    s["q_compound"] = s["compound"].where(s["quoted"])
    s["n_compound"] = s["compound"].where(~s["quoted"] & known)

    grouped = s.groupby("article_id", sort=False)
    stats = pd.DataFrame(
        {
            "n_sentences": grouped.size(),
            "compound_sum": grouped["compound"].sum(),
            "weighted_sum": grouped["weighted"].sum(),
            "words": grouped["words"].sum(),
            "n_positive": grouped["positive"].sum(),
            "n_negative": grouped["negative"].sum(),
            "n_quoted": grouped["quoted"].sum(),
            "n_unknown": grouped["unknown"].sum(),
            "quoted_mean": grouped["q_compound"].mean(),
            "narration_mean": grouped["n_compound"].mean(),
        }
    ).reindex(pd.Index(ids.to_numpy(), name="article_id"))

    n = stats["n_sentences"].fillna(0).astype("int64")
    has = n > 0
    all_known = has & (stats["n_unknown"].fillna(0) == 0)
    out = pd.DataFrame(
        {
            "article_id": ids.to_numpy(),
            "n_sentences": n.to_numpy(),
            "compound_mean": (stats["compound_sum"] / n).where(has).to_numpy(),
            "compound_weighted": (stats["weighted_sum"] / stats["words"])
            .where(has & (stats["words"] > 0))
            .to_numpy(),
            "share_positive": (stats["n_positive"] / n).where(has).to_numpy(),
            "share_negative": (stats["n_negative"] / n).where(has).to_numpy(),
            # An article without sentences has no quoted ones, whatever the quotes.
            "n_quoted_sentences": stats["n_quoted"].fillna(0).where(all_known | ~has).to_numpy(),
            "quoted_compound_mean": stats["quoted_mean"].where(all_known).to_numpy(),
            "narration_compound_mean": stats["narration_mean"].where(all_known).to_numpy(),
        }
    )
    return out.astype(SUMMARY_DTYPES)
