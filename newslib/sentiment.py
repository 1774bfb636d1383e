"""Sentence-level sentiment with NLTK's VADER, inside and outside quotations.

VADER is built for sentences: on a whole article its compound score saturates near ±1. So
:func:`sentiment` scores every sentence of newslib's one sentence definition
(:func:`newslib.text.sentence_spans`) and :func:`sentiment_summary` aggregates per article.

Every score equals ``SentimentIntensityAnalyzer().polarity_scores(sentence)`` exactly. Three
things make scoring about eight times faster than calling that per sentence (PolNeAR
sentences), none of which changes a value:

* identical sentences (bylines, boilerplate, repeated quotes) are scored once per call;
* NLTK's tokenisation step builds a dictionary of every word glued to every one of 17
  punctuation marks, for every sentence. newslib finds the same tokens by stripping the
  punctuation run at each end of a token (see ``_vader_token``), once per distinct token;
* NLTK's valence rules lowercase and test each neighbour of each lexicon word again and again.
  newslib works out each distinct token's facts once (lexicon valence, booster, negation,
  ALL CAPS) and applies the same rules to them with the same float operations in the same
  order, so the floats are bit-identical (see ``_fast_scorer``).

The fast path is used only with NLTK's own analyzer of the release family it was checked
against (see ``_FAST_NLTK``); otherwise newslib calls ``polarity_scores`` itself.

A sentence's ``in_quote`` is the share of its characters inside a direct or partial quotation,
``in_reported`` the share inside indirect (reported) speech outside quotation marks, and its
``voice`` is ``quoted``, ``reported`` or ``narration`` (the reporter's own words), from the quotes
table (:func:`newslib.quotes.quotes` when that module is available, or a quotes frame you pass).
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Mapping
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

import numpy as np
import pandas as pd

from ._frame import empty_frame, require_columns
from .text import _Words, count_words, sentence_spans

__all__ = ["sentiment", "sentiment_summary", "QUOTED_THRESHOLD", "VOICES"]

#: A sentence counts as quoted speech when at least this share of its characters lies inside
#: direct or partial quotations; otherwise as reported speech when at least this share lies
#: inside attributed speech (quoted or indirect); otherwise as the reporter's narration.
QUOTED_THRESHOLD = 0.5
#: The voices of a sentence, in the order tables and plots list them.
VOICES = ("quoted", "reported", "narration")
#: VADER's conventional cut-offs for a positive / negative compound score.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05

# Quote kinds that put someone else's words in the text inside quotation marks, and reported
# speech without them; scare quotes are the reporter's.
_SPEECH_KINDS = ("direct", "partial")
_REPORTED_KINDS = ("indirect",)
# NLTK release families whose VADER the fast scorer was checked against, score for score.
_FAST_NLTK = ("3.10.",)
_DROP_PUNCTUATION = str.maketrans("", "", string.punctuation)
_IS_UPPER = attrgetter("upper")
_LOWER = attrgetter("lower")
_IN_LEXICON = attrgetter("in_lexicon")
_ENDS_PHRASE = attrgetter("ends_phrase")
# polarity_scores of a text whose tokens are all outside the lexicon, and of one without tokens.
_NEUTRAL = (0.0, 1.0, 0.0, 0.0)
_EMPTY = (0.0, 0.0, 0.0, 0.0)

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
# VADER scoring


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


class _Token(NamedTuple):
    """What VADER's rules ask about one of NLTK's tokens, worked out once per distinct token."""

    word: str  # NLTK's token (``SentiText.words_and_emoticons`` item)
    lower: str
    valence: float | None  # lexicon valence of ``lower``; None when not in the lexicon
    in_lexicon: bool  # valence is not None
    upper: bool  # word.isupper(), for the ALL-CAPS rules
    negates: bool  # VaderConstants.negated([word])
    booster: float | None  # BOOSTER_DICT scalar of ``lower``; None when not a booster
    ends_phrase: bool  # last word of a multi-word idiom or booster ("kiss of death", "sort of")


class _TokenTable(dict):
    """Whitespace token of a text -> its :class:`_Token`, or None for a one-character token
    (``SentiText`` drops those). Filled on first sight, so each distinct token is analysed
    once rather than once per occurrence; :func:`_token_table` keeps one table per analyzer
    for the whole process (a chunk of articles shares most of its tokens with the others)."""

    #: Tokens kept at most (about 40 MB): a full table is emptied, which changes no value.
    LIMIT = 1 << 17

    def __init__(self, analyzer):
        super().__init__()
        self.analyzer = analyzer
        self.lexicon_size = len(analyzer.lexicon)
        constants = analyzer.constants
        self.punc_set = frozenset(constants.PUNC_LIST)
        self.lexicon = analyzer.lexicon
        self.boosters = constants.BOOSTER_DICT
        self.negate = constants.NEGATE
        # NLTK's idiom check compares space-joined runs of tokens with these phrases; tokens
        # hold no whitespace, so a run can match only if its last token ends some phrase.
        phrases = [*constants.SPECIAL_CASE_IDIOMS, *constants.BOOSTER_DICT]
        self.phrase_ends = frozenset(p.split(" ")[-1] for p in phrases if " " in p)

    def tokens(self, text: str) -> list[_Token]:
        """NLTK's ``SentiText(text).words_and_emoticons``, as :class:`_Token` facts."""
        return list(filter(None, map(self.__getitem__, text.split())))

    def __missing__(self, token: str) -> _Token | None:
        if len(self) >= self.LIMIT:
            self.clear()
        facts = None
        if len(token) > 1:
            # a token of letters and digits holds no ASCII punctuation: NLTK keeps it as it is
            word = token if token.isalnum() else _vader_token(token, self.punc_set)
            lower = word.lower()
            facts = _Token(
                word,
                lower,
                self.lexicon.get(lower),
                lower in self.lexicon,
                word.isupper(),
                # negated() of one word: its own two tests (the "least" pair test needs two).
                lower in self.negate or "n't" in lower,
                self.boosters.get(lower),
                word in self.phrase_ends,
            )
        self[token] = facts
        return facts


# The token table of the last analyzer scored with (see _token_table).
_TABLES: list[_TokenTable] = []


def _token_table(analyzer) -> _TokenTable:
    """The process's :class:`_TokenTable` of ``analyzer``: kept from one call to the next
    while it is the same analyzer with the same lexicon (same object, same size); a new one
    otherwise. A token's facts depend only on the token and the analyzer's tables."""
    if _TABLES:
        table = _TABLES[0]
        if (
            table.analyzer is analyzer
            and table.lexicon is analyzer.lexicon
            and table.lexicon_size == len(analyzer.lexicon)
            and table.boosters is analyzer.constants.BOOSTER_DICT
            and table.negate is analyzer.constants.NEGATE
        ):
            return table
    _TABLES[:] = [_TokenTable(analyzer)]
    return _TABLES[0]


def _score_valence(
    sentiments: list, hits: list[int], text: str
) -> tuple[float, float, float, float]:
    """NLTK's ``score_valence`` (with ``_punctuation_emphasis``, ``normalize`` and
    ``_sift_sentiment_scores``) returning ``(neg, neu, pos, compound)``. Every operation is
    NLTK's, in NLTK's order and with its operand types, so the floats are bit-identical.

    ``hits`` lists, in order, the only positions of ``sentiments`` that may be non-zero; it is
    not empty (texts without lexicon words are answered before this).
    """
    sum_s = float(sum(sentiments))
    ep_count = min(text.count("!"), 4)
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    punct_emph_amplifier = ep_count * 0.292 + qm_amplifier
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    pos_sum = 0.0
    neg_sum = 0.0
    # NLTK's sift loop over every sentiment: a zero only counts as neutral, so visit the hits
    # (same order, same additions) and count the zeros elsewhere at once.
    neu_count = len(sentiments) - len(hits)
    for i in hits:
        score = sentiments[i]
        if score > 0:
            pos_sum += float(score) + 1  # the 1 stands for the word itself, as in NLTK
        elif score < 0:
            neg_sum += float(score) - 1
        elif score == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        round(math.fabs(neg_sum / total), 3),
        round(math.fabs(neu_count / total), 3),
        round(math.fabs(pos_sum / total), 3),
        round(compound, 4),
    )


def _fast_scorer(analyzer):
    """Return an exact, faster scorer ``text -> (neg, neu, pos, compound)`` for ``analyzer``,
    or None when it cannot be trusted to equal ``analyzer.polarity_scores``.

    It is NLTK 3.10's ``polarity_scores`` rewritten rule for rule (``sentiment_valence``,
    ``scalar_inc_dec``, ``_never_check``, ``_idioms_check``, ``_least_check``, ``_but_check``,
    ``score_valence``) over precomputed token facts (:class:`_TokenTable`) instead of lowering
    and testing each neighbour word again for every lexicon word. Each value goes through the
    same float operations in the same order as in NLTK, so scores are bit-identical; the tests
    compare them with NLTK's on the fixtures, the seed and generated sentences.
    """
    constants = analyzer.constants
    if type(analyzer) is _OwnVader:  # NLTK's tables, taken from the release installed
        if analyzer.constants.REGEX_REMOVE_PUNCTUATION != f"[{re.escape(string.punctuation)}]":
            return None
    else:
        import nltk
        from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

        if (
            type(analyzer) is not SentimentIntensityAnalyzer
            or type(constants) is not VaderConstants
            # Instance attributes could replace the methods this rewrite stands for.
            or set(vars(analyzer)) != {"lexicon_file", "lexicon", "constants"}
            or vars(constants)
            or not nltk.__version__.startswith(_FAST_NLTK)
            # str.translate in _vader_token removes what this pattern removes only if it is
            # this one.
            or constants.REGEX_REMOVE_PUNCTUATION.pattern != f"[{re.escape(string.punctuation)}]"
        ):
            return None
    c_incr = constants.C_INCR
    n_scalar = constants.N_SCALAR
    idioms_check = analyzer._idioms_check
    tokens_of = _token_table(analyzer).tokens
    so_this = ("so", "this")

    def valence_at(tokens: list[_Token], i: int, is_cap_diff: bool):
        """The sentiment NLTK appends for the lexicon word ``tokens[i]``."""
        token = tokens[i]
        # polarity_scores: boosters, and "kind" in "kind of", only modify their neighbours.
        if token.booster is not None or (
            token.lower == "kind" and i < len(tokens) - 1 and tokens[i + 1].lower == "of"
        ):
            return 0
        valence = token.valence
        if token.upper and is_cap_diff:
            if valence > 0:
                valence += c_incr
            else:
                valence -= c_incr
        # The up to three preceding words that are not in the lexicon: booster scalar (damped
        # with distance), then _never_check, then at distance 3 the idiom check.
        for start_i in range(3):
            if i <= start_i:
                break
            before = tokens[i - (start_i + 1)]
            if before.in_lexicon:
                continue
            s = 0.0  # scalar_inc_dec
            if before.booster is not None:
                s = before.booster
                if valence < 0:
                    s *= -1
                if before.upper and is_cap_diff:
                    if valence > 0:
                        s += c_incr
                    else:
                        s -= c_incr
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s  # even when s is 0.0: -0.0 + 0.0 is 0.0, as in NLTK
            # _never_check; "never", "so" and "this" are compared case-sensitively there.
            if start_i == 0:
                if before.negates:
                    valence = valence * n_scalar
            elif start_i == 1:
                if tokens[i - 2].word == "never" and tokens[i - 1].word in so_this:
                    valence = valence * 1.5
                elif before.negates:
                    valence = valence * n_scalar
            else:
                never_so = tokens[i - 3].word == "never" and tokens[i - 2].word in so_this
                if never_so or tokens[i - 1].word in so_this:
                    valence = valence * 1.25
                elif before.negates:
                    valence = valence * n_scalar
                # Every run _idioms_check compares ends at one of i-2 .. i+2; when none of those
                # words ends a phrase nothing can match, else let NLTK's own code decide.
                if any(map(_ENDS_PHRASE, tokens[i - 2 : i + 3])):
                    valence = idioms_check(valence, [t.word for t in tokens], i)
        # _least_check: "least" (not "at least" / "very least") just before negates.
        if i > 0 and tokens[i - 1].lower == "least" and not tokens[i - 1].in_lexicon:
            if i == 1 or tokens[i - 2].lower not in ("at", "very"):
                valence = valence * n_scalar
        return valence

    def score(text: str) -> tuple[float, float, float, float]:
        tokens = tokens_of(text)
        hits = list(compress(range(len(tokens)), map(_IN_LEXICON, tokens)))
        if not hits:
            # NLTK's sentiments are all 0: its arithmetic gives compound 0/sqrt(15) = 0.0 and
            # neu = n/n = 1.0 (all four 0.0 when there is no token at all).
            return _NEUTRAL if tokens else _EMPTY
        # NLTK appends 0 for every word outside the lexicon; only lexicon words need work.
        sentiments: list = [0] * len(tokens)
        n_upper = sum(map(_IS_UPPER, tokens))
        is_cap_diff = 0 < len(tokens) - n_upper < len(tokens)
        # NLTK scores every occurrence of a token at the position of its first occurrence, so
        # all occurrences of a word get the first one's sentiment: compute it once.
        first: dict[str, object] = {}
        for i in hits:
            word = tokens[i].word
            value = first.get(word)
            if value is None:
                value = first[word] = valence_at(tokens, i, is_cap_diff)
            sentiments[i] = value
        # _but_check: halve before the first token "but", 1.5x after it. Only B/b, U/u, T/t
        # lower to b, u, t, so a token "but" implies "but" in text.lower(), a cheap test.
        if "but" in text.lower():
            lowers = list(map(_LOWER, tokens))
            if "but" in lowers:
                bi = lowers.index("but")
                sentiments = [
                    s * 0.5 if k < bi else s * 1.5 if k > bi else s
                    for k, s in enumerate(sentiments)
                ]
        return _score_valence(sentiments, hits, text)

    return score


class _VaderConstants(NamedTuple):
    """The constants of NLTK's ``VaderConstants`` the fast scorer reads (from
    ``resources.nltk_tables``); ``REGEX_REMOVE_PUNCTUATION`` is the pattern's source."""

    C_INCR: float
    N_SCALAR: float
    B_DECR: float
    NEGATE: frozenset
    BOOSTER_DICT: dict
    SPECIAL_CASE_IDIOMS: dict
    PUNC_LIST: list
    REGEX_REMOVE_PUNCTUATION: str


class _OwnVader:
    """What the fast scorer reads of NLTK's ``SentimentIntensityAnalyzer`` (its lexicon, its
    constants and ``_idioms_check``), without importing NLTK: the constants as taken from the
    NLTK release installed, the lexicon read from newslib's data directory as NLTK reads it."""

    def __init__(self, lexicon: dict, constants: _VaderConstants):
        self.lexicon = lexicon
        self.constants = constants

    def _idioms_check(self, valence, words_and_emoticons, i):
        """NLTK 3.10's ``SentimentIntensityAnalyzer._idioms_check``, statement for statement."""
        idioms = self.constants.SPECIAL_CASE_IDIOMS
        w = words_and_emoticons
        onezero = f"{w[i - 1]} {w[i]}"
        twoonezero = f"{w[i - 2]} {w[i - 1]} {w[i]}"
        twoone = f"{w[i - 2]} {w[i - 1]}"
        threetwoone = f"{w[i - 3]} {w[i - 2]} {w[i - 1]}"
        threetwo = f"{w[i - 3]} {w[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in idioms:
                valence = idioms[seq]
                break
        if len(w) - 1 > i:
            zeroone = f"{w[i]} {w[i + 1]}"
            if zeroone in idioms:
                valence = idioms[zeroone]
        if len(w) - 1 > i + 1:
            zeroonetwo = f"{w[i]} {w[i + 1]} {w[i + 2]}"
            if zeroonetwo in idioms:
                valence = idioms[zeroonetwo]
        # booster/dampener bigrams such as "sort of" or "kind of"
        if threetwo in self.constants.BOOSTER_DICT or twoone in self.constants.BOOSTER_DICT:
            valence = valence + self.constants.B_DECR
        return valence


def _own_vader() -> _OwnVader | None:
    """The process's :class:`_OwnVader`, or None when ``resources.nltk_tables`` has no
    tables of the NLTK release installed (then NLTK's own analyzer is used)."""
    if not _OWN_VADER:
        from .resources import nltk_tables, vader_lexicon

        tables = nltk_tables()
        own = None
        if tables is not None and tables["nltk"].startswith(_FAST_NLTK):
            v = tables["vader"]
            constants = _VaderConstants(
                v["C_INCR"],
                v["N_SCALAR"],
                v["B_DECR"],
                frozenset(v["NEGATE"]),
                v["BOOSTER_DICT"],
                v["SPECIAL_CASE_IDIOMS"],
                v["PUNC_LIST"],
                v["REGEX_REMOVE_PUNCTUATION"],
            )
            own = _OwnVader(vader_lexicon(), constants)
        _OWN_VADER.append(own)
    return _OWN_VADER[0]


_OWN_VADER: list = []


def _score_texts(texts: list[str]) -> np.ndarray:
    """``(n, 4)`` array of VADER neg, neu, pos, compound; each distinct text scored once."""
    from .resources import vader_analyzer

    analyzer = _own_vader()
    score = None if analyzer is None else _fast_scorer(analyzer)
    if score is None:
        analyzer = vader_analyzer()
        score = _fast_scorer(analyzer)
    if score is None:

        def score(text: str) -> tuple[float, float, float, float]:
            s = analyzer.polarity_scores(text)
            return s["neg"], s["neu"], s["pos"], s["compound"]

    cache: dict[str, tuple[float, float, float, float]] = {}
    rows = []
    for text in texts:
        values = cache.get(text)
        if values is None:
            values = cache[text] = score(text)
        rows.append(values)
    # One conversion at the end is cheaper than filling a NumPy row per sentence.
    return np.array(rows, dtype="float64").reshape(len(texts), 4)


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


def _speech_quotes(quotes: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The speech rows of a quotes frame (direct, partial, indirect) and which of them are
    quoted (direct or partial)."""
    require_columns(quotes, ["article_id", "start", "end", "kind"], caller="sentiment")
    kind = quotes["kind"].astype("string")
    speech = quotes[kind.isin(_SPEECH_KINDS + _REPORTED_KINDS).fillna(False).to_numpy(dtype=bool)]
    if speech[["start", "end"]].isna().any(axis=None):
        raise ValueError("sentiment(): some quotes have no start/end (NA); drop them first")
    quoted = speech["kind"].astype("string").isin(_SPEECH_KINDS).to_numpy(dtype=bool)
    return speech, quoted


def _coverage(
    quotes: pd.DataFrame,
    ids: pd.Index,
    lengths: np.ndarray,
    article_codes: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Characters of each sentence inside quotations (direct, partial) and inside any speech
    (quotations and indirect speech). ``ids`` are the distinct article ids, ``lengths`` their
    text lengths, ``article_codes`` each sentence's position in ``ids``."""
    speech, quoted = _speech_quotes(quotes)
    q_codes = ids.get_indexer(speech["article_id"].astype("string").to_numpy())
    known = q_codes >= 0  # quotes of articles not in the frame do not matter
    q_codes, quoted = q_codes[known], quoted[known]
    # Keep quotes inside their text so no span leaks into the next article's stretch.
    limit = lengths[q_codes]
    q_start = np.clip(speech["start"].to_numpy(dtype="int64")[known], 0, limit)
    q_end = np.clip(speech["end"].to_numpy(dtype="int64")[known], 0, limit)
    in_quotes = _quote_coverage(
        article_codes, starts, ends, q_codes[quoted], q_start[quoted], q_end[quoted]
    )
    if quoted.all():  # no indirect speech: nothing more is attributed
        return in_quotes, in_quotes
    attributed = _quote_coverage(article_codes, starts, ends, q_codes, q_start, q_end)
    return in_quotes, attributed


def _voices(in_quote: np.ndarray, in_attributed: np.ndarray) -> pd.arrays.StringArray:
    """Each sentence's voice from its quoted and attributed shares (NaN: unknown, NA)."""
    voice = np.where(
        in_quote >= QUOTED_THRESHOLD,
        "quoted",
        np.where(in_attributed >= QUOTED_THRESHOLD, "reported", "narration"),
    ).astype(object)
    unknown = np.isnan(in_quote) | (np.isnan(in_attributed) & (in_quote < QUOTED_THRESHOLD))
    voice[unknown] = None
    return pd.array(voice, dtype="string")


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
