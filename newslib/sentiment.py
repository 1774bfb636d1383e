"""Sentence-level sentiment with NLTK's VADER, inside and outside quotations.

VADER is built for sentences: on a whole article its compound score saturates near ±1. So
:func:`sentiment` scores every sentence of newslib's one sentence definition
(:func:`newslib.text.sentence_spans`) and :func:`sentiment_summary` aggregates per article.

Every score equals ``SentimentIntensityAnalyzer().polarity_scores(sentence)`` exactly; how
newslib scores about eight times faster without changing a value is :mod:`newslib.vader`'s.

A sentence's ``in_quote`` is the share of its characters inside a direct or partial quotation,
``in_reported`` the share inside indirect (reported) speech outside quotation marks, and its
``voice`` is ``quoted``, ``reported`` or ``narration`` (the reporter's own words), from the quotes
table (:func:`newslib.quotes.quotes` when that module is available, or a quotes frame you pass):
see :mod:`newslib.voices`.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ._frame import empty_frame, require_columns
from .text import _Words, count_words, sentence_spans

# The scorer's parts, importable from here as before the split (the tests reach them so).
from .vader import _fast_scorer, _own_vader, _score_texts, _token_table, _TokenTable  # noqa: F401
from .voices import (
    QUOTED_THRESHOLD,
    VOICES,
    _coverage,
    _default_quotes,
    _speech_quotes,
    _voices,
)

__all__ = ["sentiment", "sentiment_summary", "QUOTED_THRESHOLD", "VOICES"]

#: VADER's conventional cut-offs for a positive / negative compound score.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05

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
    "in_reported": "Float64",
    "voice": "string",
}

SUMMARY_DTYPES = {
    "article_id": "string",
    "n_sentences": "int64",
    "compound_mean": "Float64",
    "compound_weighted": "Float64",
    "share_positive": "Float64",
    "share_negative": "Float64",
    "n_quoted_sentences": "Int64",
    "n_reported_sentences": "Int64",
    "n_narration_sentences": "Int64",
    "quoted_compound_mean": "Float64",
    "reported_compound_mean": "Float64",
    "narration_compound_mean": "Float64",
}


# --------------------------------------------------------------------------------------------
# Words of each sentence (the weights of compound_weighted)


def _sentence_words(
    df: pd.DataFrame, sentences: pd.DataFrame, words: Mapping[str, _Words] | None
) -> list[int] | np.ndarray:
    """``count_words`` of each sentence's text; from its article's words in ``words`` (keyed by
    the article's text) when the sentences were made from ``df`` by :func:`sentiment`."""
    # tolist(): iterating an Arrow-backed column element by element is much slower.
    counted = None
    if words is not None and "text" in df.columns:
        # Articles named as sentiment() names them. A sentence's text is text[start:end] of
        # its article, and _Words.count(start, end) is count_words of that slice.
        ids = sentences["article_id"].tolist()
        texts = dict(
            zip(map(str, df["article_id"].tolist()), map(str, df["text"].tolist()), strict=True)
        )
        # Unless two rows are named alike (no telling which text a sentence is from) or a
        # sentence names no row of df.
        if len(texts) == len(df) and texts.keys() >= set(ids):
            starts = sentences["start"].to_numpy(dtype="int64")
            ends = sentences["end"].to_numpy(dtype="int64")
            counted = _span_word_counts(ids, texts, words, starts, ends)
    if counted is None:
        counted = [count_words(str(t)) for t in sentences["text"].tolist()]
    return counted


def _span_word_counts(
    ids: list[str],
    texts: Mapping[str, str],
    words: Mapping[str, _Words],
    starts: np.ndarray,
    ends: np.ndarray,
) -> np.ndarray:
    """``words[texts[ids[k]]].count(starts[k], ends[k])`` for every k, for all spans at once.

    An article's spans come together (a run of one id). Each run's article gets its own
    stretch of one number line (the word offsets of the runs before it end below it), so the
    two bisections of ``_Words.count`` become two ``searchsorted`` calls over the whole frame
    and give, less the words of the runs before, the same word numbers. Its test (no word
    runs across either end of the span) is then made for all spans together; a span that
    fails it, or leaves its text, is counted by ``_Words.count`` itself.
    """
    n = len(ids)
    counted = np.zeros(n, dtype="int64")
    if n == 0:
        return counted
    run_first = [0, *(k for k in range(1, n) if ids[k] != ids[k - 1])]
    articles = [words[texts[ids[k]]] for k in run_first]
    run_length = np.diff(np.array([*run_first, n], dtype="int64"))
    text_length = np.array([len(a.text) for a in articles], dtype="int64")
    n_words = np.array([len(a) for a in articles], dtype="int64")
    base = np.concatenate(([0], np.cumsum(text_length + 1)[:-1]))
    word_before = np.concatenate(([0], np.cumsum(n_words)[:-1]))
    if n_words.sum():
        word_start = np.concatenate(
            [np.frombuffer(a.starts, dtype=a.starts.typecode).astype("int64") for a in articles]
        ) + np.repeat(base, n_words)
        word_end = np.concatenate(
            [np.frombuffer(a.ends, dtype=a.ends.typecode).astype("int64") for a in articles]
        ) + np.repeat(base, n_words)
        run = np.repeat(np.arange(len(articles)), run_length)
        at, to = starts + base[run], ends + base[run]
        first = np.searchsorted(word_start, at, side="left")
        stop = np.searchsorted(word_end, to, side="right")
        lo, hi = word_before[run], word_before[run] + n_words[run]
        last_word = len(word_start) - 1
        crosses_start = (first > lo) & (word_end[np.maximum(first - 1, 0)] > at)
        crosses_end = (stop < hi) & (word_start[np.minimum(stop, last_word)] < to)
        simple = (
            (starts >= 0)
            & (starts <= ends)
            & (ends <= text_length[run])
            & ~crosses_start
            & ~crosses_end
        )
        counted = np.where(simple, np.maximum(0, stop - first), 0)
    else:
        simple = np.zeros(n, dtype=bool)
    for k in np.flatnonzero(~simple).tolist():
        counted[k] = words[texts[ids[k]]].count(int(starts[k]), int(ends[k]))
    return counted


# --------------------------------------------------------------------------------------------
# Public API


def sentiment(df: pd.DataFrame, *, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Score every sentence of every article with NLTK's VADER.

    Sentences are newslib's (:func:`newslib.text.sentence_spans`: Punkt inside each paragraph).
    ``neg``, ``neu``, ``pos`` and ``compound`` equal NLTK's
    ``SentimentIntensityAnalyzer().polarity_scores(text)`` on the sentence's ``text`` exactly.

    ``in_quote`` is the share (0..1) of the sentence's characters inside a direct or partial
    quotation; scare quotes do not count. ``in_reported`` is the share inside indirect
    (reported) speech and outside quotation marks, so ``in_quote + in_reported`` is the share
    of the sentence that is attributed speech. ``voice`` is ``"quoted"`` when
    ``in_quote >= QUOTED_THRESHOLD`` (0.5), else ``"reported"`` when at least half the
    sentence's characters are attributed speech (``in_quote + in_reported >= 0.5``), else
    ``"narration"``: the reporter's own words. Quotations come from ``quotes`` (a frame with
    ``article_id``, ``start``, ``end``, ``kind``, offsets into the article's ``text``; kinds
    ``direct``, ``partial``, ``indirect`` are speech) or, when it is None, from
    :func:`newslib.quotes.quotes` if that module is installed; otherwise ``in_quote``,
    ``in_reported`` and ``voice`` are NA.

    Args:
        df: any frame with ``article_id`` and ``text`` columns.
        quotes: optional quotations, e.g. the output of ``newslib.quotes.quotes(df)``.

    Returns:
        A new frame, one row per sentence in input order: ``article_id``, ``paragraph`` and
        ``sentence`` (0-based within the article), ``start``, ``end`` (character offsets into
        the article's text, end exclusive), ``text``, ``neg``, ``neu``, ``pos``, ``compound``,
        ``in_quote``, ``in_reported`` (Float64) and ``voice`` (string).

    Example:
        >>> import pandas as pd
        >>> text = 'Great news. "Awful day," he said. She said it was a fine day.'
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
        >>> q = pd.DataFrame({"article_id": ["a", "a"], "start": [12, 43], "end": [24, 60],
        ...                   "kind": ["direct", "indirect"]})
        >>> s = sentiment(arts, quotes=q)
        >>> s[["text", "compound", "in_quote", "in_reported", "voice"]]
                                  text  compound  in_quote  in_reported      voice
        0                  Great news.    0.6249       0.0          0.0  narration
        1        "Awful day," he said.   -0.4588  0.571429          0.0     quoted
        2  She said it was a fine day.    0.2023       0.0      0.62963   reported
    """
    require_columns(df, ["article_id", "text"], caller="sentiment")
    article_ids: list[str] = []
    lengths: list[int] = []
    counts: list[int] = []  # sentences per input row
    spans: list[tuple[int, int, int]] = []
    texts: list[str] = []
    # tolist(): iterating an Arrow-backed column element by element is much slower.
    for article_id, text in zip(df["article_id"].tolist(), df["text"].tolist(), strict=True):
        text = str(text)
        article_spans = sentence_spans(text)
        article_ids.append(str(article_id))
        lengths.append(len(text))
        counts.append(len(article_spans))
        spans += article_spans
        texts += [text[start:end] for _, start, end in article_spans]
    if not texts:
        if quotes is not None:
            _speech_quotes(quotes)  # a malformed frame is an error even with nothing to score
        return empty_frame(SENTENCE_DTYPES)

    # Columns are built whole, already in their final dtypes, rather than row by row.
    n = len(texts)
    per_row = np.array(counts, dtype="int64")
    row_of = np.repeat(np.arange(len(per_row)), per_row)  # input row of each sentence
    first = np.cumsum(per_row) - per_row  # each row's first sentence
    paragraph, starts, ends = np.array(spans, dtype="int64").reshape(n, 3).T
    row_ids = np.array(article_ids, dtype=object)
    scores = _score_texts(texts)
    frame = pd.DataFrame(
        {
            "article_id": pd.array(row_ids[row_of], dtype="string"),
            "paragraph": paragraph,
            "sentence": np.arange(n, dtype="int64") - first[row_of],
            "start": starts,
            "end": ends,
            "text": pd.array(texts, dtype="string"),
            "neg": scores[:, 0],
            "neu": scores[:, 1],
            "pos": scores[:, 2],
            "compound": scores[:, 3],
        }
    )
    if quotes is None:
        quotes = _default_quotes(df)
    if quotes is None:
        in_quote = in_attributed = np.full(n, np.nan)
    else:
        # Rows sharing an article_id share its quotes (offsets are checked against the longest).
        ids = pd.Index(pd.unique(row_ids))
        codes = ids.get_indexer(row_ids)
        longest = np.zeros(len(ids), dtype="int64")
        np.maximum.at(longest, codes, np.array(lengths, dtype="int64"))
        quoted, attributed = _coverage(quotes, ids, longest, codes[row_of], starts, ends)
        in_quote = quoted / (ends - starts)
        in_attributed = attributed / (ends - starts)
        in_reported = (attributed - quoted) / (ends - starts)
    frame["in_quote"] = pd.array(in_quote, dtype="Float64")  # NaN becomes NA
    frame["in_reported"] = pd.array(
        np.full(n, np.nan) if quotes is None else in_reported, dtype="Float64"
    )
    frame["voice"] = _voices(in_quote, in_attributed)
    return frame


def sentiment_summary(
    df: pd.DataFrame,
    *,
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Summarise sentence sentiment per article: overall, and in each voice.

    Each sentence has one voice (see :func:`sentiment`): *quoted* (``in_quote >= 0.5``: at least
    half its characters inside direct or partial quotations), *reported* (less than half quoted
    but at least half attributed speech, quoted or indirect) or the reporter's own *narration*
    (neither). When an article's voices are unknown (NA, e.g. no quotes module), its per-voice
    columns are NA; a sentences frame without ``voice`` or ``in_reported`` (made before
    reported speech was found) gives NA reported and narration columns.

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
        ``n_reported_sentences``, ``n_narration_sentences`` (Int64, summing to
        ``n_sentences``), ``quoted_compound_mean``, ``reported_compound_mean``,
        ``narration_compound_mean`` (mean compound of the sentences of that voice). Means are
        NA where there is no sentence to average.

    Example:
        >>> import pandas as pd
        >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["Great news. Sad day.", ""]})
        >>> q = pd.DataFrame({"article_id": [], "start": [], "end": [], "kind": []})
        >>> sentiment_summary(arts, quotes=q)[["article_id", "n_sentences", "compound_mean"]]
          article_id  n_sentences  compound_mean
        0          a            2         0.0741
        1          b            0           <NA>

        Per voice (quotes made by hand; article ``a`` has no reported sentence):

        >>> text = 'Great news. "Sad, sad day," he said.'
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
        >>> q = pd.DataFrame({"article_id": ["a"], "start": [13], "end": [26], "kind": ["direct"]})
        >>> summary = sentiment_summary(arts, quotes=q)
        >>> summary[["n_quoted_sentences", "n_reported_sentences", "n_narration_sentences"]]
           n_quoted_sentences  n_reported_sentences  n_narration_sentences
        0                   1                     0                      1
        >>> summary[["quoted_compound_mean", "reported_compound_mean", "narration_compound_mean"]]
           quoted_compound_mean  reported_compound_mean  narration_compound_mean
        0               -0.4767                    <NA>                   0.6249
    """
    return _sentiment_summary(df, sentences, quotes)


def _sentiment_summary(
    df: pd.DataFrame,
    sentences: pd.DataFrame | None,
    quotes: pd.DataFrame | None,
    words: Mapping[str, _Words] | None = None,
) -> pd.DataFrame:
    """:func:`sentiment_summary`; ``words`` maps an article's text to its words when the caller
    keeps them (``newslib.analyze``) and ``sentences`` were made from ``df``: each sentence's
    words are then counted from its article's words instead of scanning the sentence again."""
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

    in_quote = sentences["in_quote"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    if "voice" in sentences.columns:
        voice = sentences["voice"].astype("string").reset_index(drop=True)
    else:
        # A frame from before reported speech: in_quote alone tells quoted from the rest.
        reported = (
            sentences["in_reported"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
            if "in_reported" in sentences.columns
            else np.full(len(sentences), np.nan)
        )
        voice = pd.Series(_voices(in_quote, in_quote + reported))
    compound = sentences["compound"].to_numpy(dtype="float64")
    n_words = np.asarray(_sentence_words(df, sentences, words), dtype="int64")
    quote_known = ~np.isnan(in_quote)
    voice_known = voice.notna().to_numpy(dtype=bool)
    # Every column at once (inserting columns one by one costs more than the sums), the
    # per-sentence products and flags before the rows of other articles are dropped: each is
    # a value of its own row alone.
    data = {
        "article_id": sentences["article_id"].astype("string").to_numpy(),
        "compound": compound,
        "words": n_words,
        "quote_unknown": ~quote_known,
        "voice_unknown": ~voice_known,
        "weighted": compound * n_words,
        "positive": compound >= POSITIVE_THRESHOLD,
        "negative": compound <= NEGATIVE_THRESHOLD,
    }
    for name in VOICES:
        is_voice = (voice == name).fillna(False).to_numpy(dtype=bool)
        if name == "quoted":  # known wherever in_quote is, whatever the other voices
            is_voice = quote_known & (np.nan_to_num(in_quote) >= QUOTED_THRESHOLD)
        data[name] = is_voice
        data[f"{name}_compound"] = np.where(is_voice, compound, np.nan)
    s = pd.DataFrame(data)
    s = s[s["article_id"].isin(ids)]

    # One groupby sum and one mean over several columns: pandas applies the same per-column
    # reduction as grouped[column].sum() / .mean(), so the values are the same.
    grouped = s.groupby("article_id", sort=False)
    summed = ["compound", "weighted", "words", "positive", "negative"]
    summed += ["quote_unknown", "voice_unknown", *VOICES]
    sums = grouped[summed].sum()
    means = grouped[[f"{name}_compound" for name in VOICES]].mean()
    columns = {
        "n_sentences": grouped.size(),
        "compound_sum": sums["compound"],
        "weighted_sum": sums["weighted"],
        "words": sums["words"],
        "n_positive": sums["positive"],
        "n_negative": sums["negative"],
        "quote_unknown": sums["quote_unknown"],
        "voice_unknown": sums["voice_unknown"],
    }
    for name in VOICES:
        columns[f"n_{name}"] = sums[name]
        columns[f"{name}_mean"] = means[f"{name}_compound"]
    stats = pd.DataFrame(columns).reindex(pd.Index(ids.to_numpy(), name="article_id"))

    n = stats["n_sentences"].fillna(0).astype("int64")
    has = n > 0
    # An article without sentences has none of any voice, whatever the quotes.
    known = {
        "quoted": has & (stats["quote_unknown"].fillna(0) == 0),
        "reported": has & (stats["voice_unknown"].fillna(0) == 0),
    }
    known["narration"] = known["reported"]
    out = {
        "article_id": ids.to_numpy(),
        "n_sentences": n.to_numpy(),
        "compound_mean": (stats["compound_sum"] / n).where(has).to_numpy(),
        "compound_weighted": (stats["weighted_sum"] / stats["words"])
        .where(has & (stats["words"] > 0))
        .to_numpy(),
        "share_positive": (stats["n_positive"] / n).where(has).to_numpy(),
        "share_negative": (stats["n_negative"] / n).where(has).to_numpy(),
    }
    for name in VOICES:
        out[f"n_{name}_sentences"] = (
            stats[f"n_{name}"].fillna(0).where(known[name] | ~has).to_numpy()
        )
    for name in VOICES:
        out[f"{name}_compound_mean"] = stats[f"{name}_mean"].where(known[name]).to_numpy()
    return pd.DataFrame(out).astype(SUMMARY_DTYPES)
