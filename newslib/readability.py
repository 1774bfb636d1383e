"""Readability of articles or paragraphs, equal to textstat's own figures, computed fast.

textstat (0.7.13) is the reference: every index here equals what textstat's public function
returns for the same text and language, with textstat's default settings (no rounding,
``text_standard(text, float_output=True)``, ``reading_time(text, ms_per_char=14.69)``,
``linsear_write_formula(text)`` with ``strict_upper=True``). Values are compared unrounded,
because textstat does not round unless told to; they agree to floating-point precision.

Calling a dozen textstat functions per text re-tokenises the text and re-counts the syllables of
every word for each of them. Instead, each text is tokenised once with textstat's own rules
(same regular expressions, imported from textstat), the syllables of each distinct word are
counted once per call with textstat's own resources (the CMU dictionary, then Pyphen), and every
formula is evaluated on the counts with numpy, over the whole frame at once.

The counts are textstat's, not newslib's: textstat drops punctuation before splitting on
whitespace, so ``well-known`` is one word, ``U.S.`` becomes ``US`` and ``3.5`` becomes ``35``.
They are prefixed ``ts_`` to keep them apart from newslib's own ``n_words`` (``newslib.text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._frame import empty_frame, require_columns
from .text import paragraph_spans

__all__ = ["readability", "COUNT_COLUMNS", "INDEX_COLUMNS"]

#: Count columns, each equal to the textstat function named in the comment.
COUNT_COLUMNS = [
    "ts_words",  # lexicon_count(text)
    "ts_sentences",  # sentence_count(text)
    "ts_syllables",  # syllable_count(text)
    "ts_polysyllables",  # polysyllabcount(text)
    "ts_difficult_words",  # difficult_words(text): distinct words, >= 2 syllables, not easy
    "ts_characters",  # char_count(text): characters other than whitespace
    "ts_letters",  # letter_count(text): word characters (letters, digits, underscore)
]
#: Index columns, each equal to the textstat function named in the comment.
INDEX_COLUMNS = [
    "flesch_reading_ease",  # flesch_reading_ease(text)
    "flesch_kincaid_grade",  # flesch_kincaid_grade(text)
    "gunning_fog",  # gunning_fog(text)
    "smog_index",  # smog_index(text)
    "coleman_liau_index",  # coleman_liau_index(text)
    "automated_readability_index",  # automated_readability_index(text)
    "dale_chall",  # dale_chall_readability_score(text)
    "linsear_write",  # linsear_write_formula(text)
    "text_standard",  # text_standard(text, float_output=True): consensus grade, 1 to 18
    "reading_time",  # reading_time(text): seconds, 14.69 ms per non-space character
]

_LEVELS = ("article", "paragraph")
_MS_PER_CHAR = 14.69  # textstat's default for reading_time
_LINSEAR_WORDS = 100  # Linsear Write looks at the first 100 words (textstat's strict_upper)


@dataclass(frozen=True)
class _Rules:
    """textstat's tokenising rules and per-language resources for one ``lang``."""

    apostrophe: re.Pattern  # apostrophes that are not part of an English contraction
    punctuation: re.Pattern  # anything but word characters, whitespace and apostrophes
    sentence: re.Pattern  # textstat's sentence pieces
    cmudict: dict | None
    pyphen: object
    easy_words: frozenset
    fog_threshold: int
    fre: tuple[float, float, float]  # Flesch reading ease: base, per word/sentence, per syll/word


def _rules(lang: str) -> _Rules:
    from textstat.backend.utils import (
        get_cmudict,
        get_lang_cfg,
        get_lang_easy_words,
        get_pyphen,
    )
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    from .resources import ensure_nltk_data

    if not isinstance(lang, str) or not lang:
        raise ValueError(
            f"readability(): lang must be a language code such as 'en_US', not {lang!r}"
        )
    try:
        pyphen = get_pyphen(lang)
    except KeyError:
        raise ValueError(
            f"readability(): textstat has no hyphenation dictionary for lang={lang!r}; "
            "use a code Pyphen knows, e.g. 'en_US', 'en_GB', 'de', 'es', 'fr', 'it', 'nl'"
        ) from None
    ensure_nltk_data()  # before textstat looks up cmudict (it would download it otherwise)
    return _Rules(
        apostrophe=re.compile(RE_NONCONTRACTION_APOSTROPHE),
        punctuation=re.compile(r"[^\w\s\']"),
        sentence=re.compile(r"\b[^.!?]+[.!?]*"),
        cmudict=get_cmudict(lang),
        pyphen=pyphen,
        easy_words=frozenset(get_lang_easy_words(lang)),
        fog_threshold=int(get_lang_cfg(lang, "syllable_threshold")),
        fre=(
            get_lang_cfg(lang, "fre_base"),
            get_lang_cfg(lang, "fre_sentence_length"),
            get_lang_cfg(lang, "fre_syll_per_word"),
        ),
    )


# textstat keeps a whitespace-separated chunk as a word exactly when it holds a word character
# (its punctuation goes, and a kept apostrophe is always followed by a letter).
_WORD = r"[^\s\w]*\w\S*"
_NOT_WORD = r"[^\s\w]+"
_WORD_CHAR = re.compile(r"\w")
# A sentence piece with at least three words; textstat ignores pieces of two words or fewer.
_THREE_WORDS = re.compile(
    rf"\s*(?:{_NOT_WORD}\s+)*{_WORD}(?:\s+{_NOT_WORD})*\s+{_WORD}(?:\s+{_NOT_WORD})*\s+{_WORD}"
)


def _sentence_count(text: str, rules: _Rules) -> int:
    """textstat's ``count_sentences``: pieces ending in .!?, minus those of at most two words,
    at least 1 for any non-empty text."""
    if not text:
        return 0
    pieces = rules.sentence.findall(text)
    match = _THREE_WORDS.match
    short = sum(1 for piece in pieces if match(piece) is None)
    return max(1, len(pieces) - short)


class _Syllables:
    """Syllable counts of distinct words, computed once per call with textstat's resources."""

    def __init__(self, rules: _Rules):
        self.rules = rules
        self.memo: dict[str, int] = {}

    def word(self, word: str) -> int:
        """Syllables of one lower-case token, as textstat's ``count_syllables`` adds them up."""
        count = self.memo.get(word)
        if count is None:
            phones = None
            if self.rules.cmudict is not None:
                entries = self.rules.cmudict.get(word)
                if entries:
                    phones = entries[0]
            if phones is not None:
                count = sum(1 for p in phones if p[-1].isdigit())
            else:
                count = len(self.rules.pyphen.positions(word)) + 1
            self.memo[word] = count
        return count

    def text(self, text: str) -> int:
        """textstat's ``count_syllables(text)``: punctuation removed, lower-cased, split."""
        if not text:
            return 0
        rules = self.rules
        cleaned = rules.punctuation.sub("", rules.apostrophe.sub("", text))
        return sum(self.word(w) for w in cleaned.lower().split())


def _features(vocabulary: list[str], rules: _Rules) -> dict[str, np.ndarray]:
    """Per distinct token (original case, as textstat lists words): its syllables and flags."""
    syllables = _Syllables(rules)
    n_syll = np.empty(len(vocabulary), dtype=np.int64)
    n_syll_difficult = np.empty(len(vocabulary), dtype=np.int64)
    easy = np.empty(len(vocabulary), dtype=bool)
    for i, token in enumerate(vocabulary):
        lower = token.lower()
        n_syll[i] = syllables.word(lower)
        easy[i] = lower in rules.easy_words
        # is_difficult_word counts the syllables of the lower-cased word through the whole
        # count_syllables pipeline again; that differs from the plain count only when
        # lower-casing creates punctuation (e.g. "İ" -> "i" + combining dot), so redo it.
        if lower.isalnum() and lower.lower() == lower:
            n_syll_difficult[i] = n_syll[i]  # the pipeline leaves such a word unchanged
        else:
            n_syll_difficult[i] = syllables.text(lower)
    return {
        "syllables": n_syll,
        "polysyllable": n_syll >= 3,
        "not_easy": ~easy,
        "difficult_2": ~easy & (n_syll_difficult >= 2),
        "difficult_fog": ~easy & (n_syll_difficult >= rules.fog_threshold),
        "linsear_easy": (n_syll > 0) & (n_syll < 3),
    }


def _count(texts: list[str], rules: _Rules) -> dict[str, np.ndarray]:
    """Count everything textstat's indices need, one pass per text; returns int64 arrays."""
    n = len(texts)
    scalars = {
        name: np.zeros(n, dtype=np.int64)
        for name in ("words", "sentences", "chunks", "characters", "letters", "linsear_sentences")
    }
    tokens_of = []
    linsear_words = np.zeros(n, dtype=np.int64)
    for i, text in enumerate(texts):
        chunks = text.split()
        cleaned = rules.punctuation.sub("", rules.apostrophe.sub("", text))
        tokens = cleaned.split()
        tokens_of.append(tokens)
        sentences = _sentence_count(text, rules)
        characters = sum(map(len, chunks))
        scalars["words"][i] = len(tokens)
        scalars["sentences"][i] = sentences
        scalars["chunks"][i] = len(chunks)
        scalars["characters"][i] = characters
        # textstat's letters are the word characters: what the punctuation removal kept,
        # without whitespace and the apostrophes of contractions.
        whitespace = len(text) - characters
        scalars["letters"][i] = len(cleaned) - whitespace - cleaned.count("'")
        # Linsear Write: for a text of more than 100 whitespace chunks, textstat reads chunks
        # until it has 100 words and counts the sentences of those chunks joined by spaces;
        # otherwise all words and all chunks (whose sentences are the text's, unless the text
        # is only whitespace, which joins to an empty string).
        if len(chunks) > _LINSEAR_WORDS:
            taken = found = 0
            while taken < len(chunks) and found < _LINSEAR_WORDS:
                if _WORD_CHAR.search(chunks[taken]):  # the chunk leaves a word in textstat
                    found += 1
                taken += 1
            linsear_sentences = _sentence_count(" ".join(chunks[:taken]), rules)
            linsear_words[i] = min(len(tokens), _LINSEAR_WORDS)
        else:
            linsear_sentences = sentences if chunks else 0
            linsear_words[i] = len(tokens)
        scalars["linsear_sentences"][i] = linsear_sentences

    # Number the distinct tokens of the whole frame, in order of first appearance.
    every_token = [token for tokens in tokens_of for token in tokens]
    vocabulary = dict.fromkeys(every_token, 0)
    for number, token in enumerate(vocabulary):
        vocabulary[token] = number
    codes = list(map(vocabulary.__getitem__, every_token))
    features = _features(list(vocabulary), rules)
    code = np.asarray(codes, dtype=np.int64)
    unit = np.repeat(np.arange(n, dtype=np.int64), scalars["words"])
    starts = np.cumsum(scalars["words"]) - scalars["words"]
    position = np.arange(len(code), dtype=np.int64) - np.repeat(starts, scalars["words"])
    in_linsear = position < np.repeat(linsear_words, scalars["words"])

    def total(values: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        per_token = values[code]
        if per_token.dtype == bool:
            keep = per_token if mask is None else per_token & mask
            return np.bincount(unit[keep], minlength=n).astype(np.int64)
        weights = per_token if mask is None else per_token * mask
        return np.bincount(unit, weights=weights, minlength=n).astype(np.int64)

    counts = dict(scalars)
    counts["syllables"] = total(features["syllables"])
    counts["polysyllables"] = total(features["polysyllable"])
    counts["not_easy"] = total(features["not_easy"])
    counts["difficult_fog"] = total(features["difficult_fog"])
    counts["linsear_hard"] = total(features["polysyllable"], in_linsear)
    counts["linsear_easy"] = total(features["linsear_easy"], in_linsear)
    # textstat's difficult_words counts distinct tokens (case-sensitive) per text.
    hard = features["difficult_2"][code]
    pairs = np.unique(unit[hard] * max(len(vocabulary), 1) + code[hard])
    counts["difficult_words"] = np.bincount(pairs // max(len(vocabulary), 1), minlength=n).astype(
        np.int64
    )
    return counts


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator as float64, 0.0 where the denominator is 0 (textstat's rule)."""
    out = np.zeros(len(numerator), dtype=np.float64)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out


def _grades(score: np.ndarray) -> list[np.ndarray]:
    return [np.floor(score), np.ceil(score), np.rint(score)]  # rint: Python's round, half-even


def _text_standard(index: dict[str, np.ndarray]) -> np.ndarray:
    """textstat's consensus grade: the most frequent of 22 grade votes, ties to the first."""
    fre = index["flesch_reading_ease"]
    # 90-100 -> 5, 80-90 -> 6, ... 30-40 -> 12; anything else (even >= 100) -> 13.
    fre_grade = np.full(len(fre), 13.0)
    for low, grade in ((90, 5), (80, 6), (70, 7), (60, 8), (50, 10), (40, 11), (30, 12)):
        fre_grade[(fre >= low) & (fre < low + 10)] = grade
    # textstat votes 8 and 9 for the 60-70 band; NaN marks "no second vote" and never matches.
    votes = _grades(index["flesch_kincaid_grade"]) + [
        fre_grade,
        np.where(fre_grade == 8, 9.0, np.nan),
    ]
    for name in (
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
        "dale_chall",
        "linsear_write",
        "gunning_fog",
    ):
        votes.extend(_grades(index[name]))
    table = np.column_stack(votes)  # NaN = no vote; NaN never equals anything
    frequency = (table[:, :, None] == table[:, None, :]).sum(axis=2)
    first = frequency.argmax(axis=1)  # first vote of a most common grade = Counter's tie rule
    consensus = table[np.arange(len(table)), first]
    return np.clip(consensus, 1.0, 18.0) if len(table) else consensus


def _indices(c: dict[str, np.ndarray], rules: _Rules) -> dict[str, np.ndarray]:
    """Every index from the counts, with textstat's formulas, operation order and 0.0 cases."""
    words, sentences = c["words"], c["sentences"]
    wps = _ratio(words, sentences)
    spw = _ratio(c["syllables"], words)
    no_flesch = (wps == 0) | (spw == 0)
    base, per_sentence_length, per_syllable = rules.fre
    out = {
        "flesch_reading_ease": np.where(
            no_flesch, 0.0, base - per_sentence_length * wps - per_syllable * spw
        ),
        "flesch_kincaid_grade": np.where(no_flesch, 0.0, 0.39 * wps + 11.8 * spw - 15.59),
    }
    out["gunning_fog"] = np.where(
        words == 0, 0.0, 0.4 * (wps + _ratio(100 * c["difficult_fog"], words))
    )
    out["smog_index"] = np.where(
        sentences == 0,
        0.0,
        1.043 * np.sqrt(30 * _ratio(c["polysyllables"], sentences)) + 3.1291,
    )
    letters = _ratio(c["letters"], words) * 100
    sentences_per_100 = _ratio(sentences, words) * 100
    out["coleman_liau_index"] = np.where(
        (letters == 0) | (sentences_per_100 == 0),
        0.0,
        0.058 * letters - 0.296 * sentences_per_100 - 15.8,
    )
    chars_per_word = _ratio(c["characters"], c["chunks"])  # punctuation chunks count here
    out["automated_readability_index"] = np.where(
        (chars_per_word == 0) | (wps == 0), 0.0, 4.71 * chars_per_word + 0.5 * wps - 21.43
    )
    percent_hard = _ratio(100 * c["not_easy"], words)
    dale_chall = 0.1579 * percent_hard + 0.0496 * wps
    dale_chall = np.where(percent_hard > 5, dale_chall + 3.6365, dale_chall)
    out["dale_chall"] = np.where(words == 0, 0.0, dale_chall)
    linsear = _ratio(c["linsear_easy"] * 1 + c["linsear_hard"] * 3, c["linsear_sentences"])
    linsear = np.where(linsear <= 20, linsear - 2, linsear) / 2
    out["linsear_write"] = np.where(c["linsear_sentences"] == 0, 0.0, linsear)
    out["text_standard"] = _text_standard(out)
    out["reading_time"] = _MS_PER_CHAR * c["characters"] / 1000
    return {name: out[name] for name in INDEX_COLUMNS}


def _units(df: pd.DataFrame, level: str):
    """The texts to score and their key columns."""
    ids = df["article_id"].astype("string").tolist()
    texts = [str(t) for t in df["text"].tolist()]
    if level == "article":
        return texts, {"article_id": pd.array(ids, dtype="string")}
    keys: dict[str, list] = {"article_id": [], "paragraph": [], "start": [], "end": []}
    pieces = []
    for identity, text in zip(ids, texts, strict=True):
        for index, (start, end) in enumerate(paragraph_spans(text)):
            keys["article_id"].append(identity)
            keys["paragraph"].append(index)
            keys["start"].append(start)
            keys["end"].append(end)
            pieces.append(text[start:end])
    columns = {"article_id": pd.array(keys["article_id"], dtype="string")}
    for name in ("paragraph", "start", "end"):
        columns[name] = np.asarray(keys[name], dtype=np.int64)
    return pieces, columns


def readability(df: pd.DataFrame, *, level: str = "article", lang: str = "en_US") -> pd.DataFrame:
    """Readability counts and indices of each article (or paragraph) of ``df``.

    ``df`` is any DataFrame with ``article_id`` and ``text``. With ``level="article"`` the result
    has one row per row of ``df``, in the same order; with ``level="paragraph"`` one row per
    paragraph (``newslib.text.paragraph_spans``), keyed by ``article_id``, ``paragraph``
    (0-based), ``start`` and ``end`` (character offsets into the article's text).

    Columns (see ``COUNT_COLUMNS`` and ``INDEX_COLUMNS``): the counts ``ts_words``,
    ``ts_sentences``, ``ts_syllables``, ``ts_polysyllables``, ``ts_difficult_words``,
    ``ts_characters``, ``ts_letters`` (int64, counted the way textstat counts them, so
    ``ts_words`` is not newslib's ``n_words``), and the float64 indices
    ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``, ``smog_index``,
    ``coleman_liau_index``, ``automated_readability_index``, ``dale_chall``,
    ``linsear_write``, ``text_standard`` (textstat's consensus grade as a number, 1 to 18) and
    ``reading_time`` (seconds). Each equals textstat 0.7.13's function of the same name on the
    same text after ``textstat.set_lang(lang)``, unrounded; like textstat, an index is 0.0
    where its formula would divide by zero (e.g. an empty text).

    ``lang`` is textstat's language code. The default ``"en_US"`` is textstat's own default;
    note that for textstat (through Pyphen) plain ``"en"`` means British hyphenation, which
    changes the syllables of words missing from the CMU dictionary. Other languages (``"de"``,
    ``"es"``, ``"fr"``, ``"it"``, ``"nl"``, ...) use textstat's per-language Flesch constants
    and Pyphen syllables; textstat warns and uses English easy words where it has no list.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"article_id": ["a"], "text": ["The cat sat on the mat."]})
        >>> row = readability(df).iloc[0]
        >>> int(row["ts_words"]), int(row["ts_syllables"]), int(row["ts_sentences"])
        (6, 6, 1)
        >>> round(float(row["flesch_reading_ease"]), 3)  # 206.835 - 1.015 * 6 - 84.6 * 6 / 6
        116.145
    """
    require_columns(df, ["article_id", "text"], caller="readability")
    if level not in _LEVELS:
        raise ValueError(f"readability(): level must be 'article' or 'paragraph', not {level!r}")
    rules = _rules(lang)
    texts, keys = _units(df, level)
    if not texts:
        dtypes = {name: ("string" if name == "article_id" else "int64") for name in keys}
        dtypes.update(dict.fromkeys(COUNT_COLUMNS, "int64"))
        dtypes.update(dict.fromkeys(INDEX_COLUMNS, "float64"))
        return empty_frame(dtypes)
    counts = _count(texts, rules)
    columns = dict(keys)
    for name in COUNT_COLUMNS:
        columns[name] = counts[name.removeprefix("ts_")]
    columns.update(_indices(counts, rules))
    return pd.DataFrame(columns)
