"""Exact VADER scores of sentences, faster: newslib's scorer of NLTK's VADER.

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
``_score_texts`` is what :func:`newslib.sentiment.sentiment` calls.
"""

from __future__ import annotations

import math
import re
import string
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

import numpy as np

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
