"""Readability of articles or paragraphs, equal to textstat's own figures, computed fast.

textstat (0.7.13) is the reference: every index here equals what textstat's public function
returns for the same text and language, with textstat's default settings (no rounding,
``text_standard(text, float_output=True)``, ``reading_time(text, ms_per_char=14.69)``,
``linsear_write_formula(text)`` with ``strict_upper=True``). Values are compared unrounded,
because textstat does not round unless told to; they agree to floating-point precision.

Calling a dozen textstat functions per text re-tokenises the text and re-counts the syllables of
every word for each of them. Instead, each text is tokenised once with textstat's own rules
(its patterns, imported from textstat, applied with fewer passes), the syllables of each
distinct word are counted once per call with textstat's own resources (the CMU dictionary, then
Pyphen), and every formula is evaluated on the counts with numpy, over the whole frame at once.
The CMU dictionary's syllable counts are read from a table stored in newslib's data directory
(``newslib.resources.cmudict_syllables``), which loads far faster than NLTK parses the
dictionary; Pyphen's patterns are loaded only when a word is missing from the dictionary.

The counts are textstat's, not newslib's: textstat drops punctuation before splitting on
whitespace, so ``well-known`` is one word, ``U.S.`` becomes ``US`` and ``3.5`` becomes ``35``.
They are prefixed ``ts_`` to keep them apart from newslib's own ``n_words`` (``newslib.text``).

One deliberate difference: a text without words (empty, blank or punctuation only: ``ts_words``
is 0) has no readability, so its indices and grade are NaN, where textstat says 0.0 for each
index and 1.0 for the consensus grade, which read as "very easy". Its counts stay (0 words,
0 sentences for an empty text), and so does ``reading_time``, a duration that is well defined
(0.0 for an empty text). Quote shares are NaN for such texts too (``newslib.quotes.shares``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd

from ._frame import empty_frame, require_columns
from .text import paragraph_spans

__all__ = ["readability", "COUNT_COLUMNS", "INDEX_COLUMNS", "UNDEFINED_WITHOUT_WORDS"]

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
#: The indices that are NaN for a text without words (no words or no sentences), where textstat
#: returns 0.0 (1.0 for ``text_standard``): every index but ``reading_time``.
UNDEFINED_WITHOUT_WORDS = [name for name in INDEX_COLUMNS if name != "reading_time"]

_LEVELS = ("article", "paragraph")
_MS_PER_CHAR = 14.69  # textstat's default for reading_time
_LINSEAR_WORDS = 100  # Linsear Write looks at the first 100 words (textstat's strict_upper)


@dataclass(frozen=True)
class _Rules:
    """textstat's tokenising rules and per-language resources for one ``lang``."""

    lang: str
    apostrophe: re.Pattern  # apostrophes that are not part of an English contraction
    punctuation: re.Pattern  # anything but word characters, whitespace and apostrophes
    cmudict: Mapping[str, int] | _PhoneCounts | None  # syllables of words in textstat's cmudict
    easy_words: frozenset
    fog_threshold: int
    fre: tuple[float, float, float]  # Flesch reading ease: base, per word/sentence, per syll/word


class _PhoneCounts:
    """Syllables of a word from a cmudict of pronunciations (word -> [phones, ...])."""

    def __init__(self, cmudict: dict):
        self.cmudict = cmudict

    def get(self, word: str) -> int | None:
        entries = self.cmudict.get(word)
        if not entries:
            return None  # textstat's lookup fails (KeyError/IndexError): Pyphen counts it
        return sum(1 for phone in entries[0] if phone[-1].isdigit())


def _cmudict_syllables(lang: str, root: Path) -> Mapping[str, int] | _PhoneCounts | None:
    """Syllables per word of the CMU dictionary textstat uses for ``lang`` (None: it uses none).

    textstat reads cmudict through NLTK (``get_cmudict``), for English only. Parsing it takes
    tenths of a second per process, so newslib reads the same counts from the table it stores
    next to the dictionary in its data directory (``newslib.resources.cmudict_syllables``). That
    is the dictionary textstat reads, as ``ensure_nltk_data`` puts the directory first on NLTK's
    path, unless NLTK had already loaded cmudict from elsewhere; then use what textstat uses.
    """
    from .resources import cmudict_syllables

    if (
        _textstat().get_lang_root(lang) != "en"
    ):  # get_cmudict's rule: no dictionary for other languages
        return None
    reader = getattr(sys.modules.get("nltk.corpus"), "cmudict", None)
    loaded_root = getattr(reader, "__dict__", {}).get("_root")  # no attribute access: it loads
    ours = Path(root, "corpora", "cmudict").resolve()
    if loaded_root is not None and Path(str(loaded_root)).resolve() != ours:
        from textstat.backend.utils import get_cmudict  # NLTK is imported already

        return _PhoneCounts(get_cmudict(lang))
    return cmudict_syllables()


# textstat releases whose language helpers (get_lang_root, get_lang_cfg, get_lang_easy_words,
# get_pyphen) _OwnTextstat repeats, so that a run need not import textstat (which imports
# NLTK, and NLTK SciPy: most of a second per process). Any other release: textstat itself.
_TEXTSTAT_CHECKED = ("0.7.13",)


class _OwnTextstat:
    """textstat 0.7.13's language helpers (``textstat.backend.utils``) and the constants they
    read (its own ``constants.py``, run on its own), without importing the textstat package."""

    def __init__(self, folder: Path):
        import importlib.util

        self.folder = folder
        spec = importlib.util.spec_from_file_location(
            "newslib._textstat_constants", folder / "backend" / "utils" / "constants.py"
        )
        constants = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(constants)
        self.LANG_CONFIGS = constants.LANG_CONFIGS
        self.RE_NONCONTRACTION_APOSTROPHE = constants.RE_NONCONTRACTION_APOSTROPHE
        self._easy: dict[str, set[str]] = {}
        self._pyphen: dict[str, object] = {}

    @staticmethod
    def get_lang_root(lang: str) -> str:
        if "_" in lang:
            return lang.split("_")[0]
        return lang

    def get_lang_cfg(self, lang: str, key: str) -> float:
        lang_root = self.get_lang_root(lang)
        default_config = self.LANG_CONFIGS["en"]
        config = self.LANG_CONFIGS.get(lang_root, {})
        if key in config:
            return config[key]
        if key in default_config:
            return default_config[key]
        raise ValueError(f"Unknown config key {key}")

    def _set_words(self, lang_root: str) -> set[str]:
        path = self.folder / "resources" / lang_root / "easy_words.txt"
        with path.open() as f:  # noqa: PLW1514 - textstat opens it with the locale's encoding
            return {ln.strip() for ln in f}

    def get_lang_easy_words(self, lang: str) -> set[str]:
        if lang not in self._easy:
            import warnings

            lang_root = self.get_lang_root(lang)
            try:
                words = self._set_words(lang_root)
            except FileNotFoundError:
                warnings.warn(
                    f"textstat has no easy words for {lang_root!r}: the English list is used.",
                    Warning,
                    stacklevel=2,
                )
                words = self._set_words("en")
            self._easy[lang] = words
        return self._easy[lang]

    def get_pyphen(self, lang: str):
        if lang not in self._pyphen:
            from pyphen import Pyphen

            self._pyphen[lang] = Pyphen(lang=lang)
        return self._pyphen[lang]


_TEXTSTAT: list = []


def _textstat():
    """textstat's language helpers: :class:`_OwnTextstat` for a release in
    ``_TEXTSTAT_CHECKED``, else ``textstat.backend.utils`` itself (with its constants)."""
    if not _TEXTSTAT:
        import importlib.util
        from importlib import metadata

        helpers = None
        try:
            release = metadata.version("textstat")
        except metadata.PackageNotFoundError:
            release = None
        spec = importlib.util.find_spec("textstat") if release in _TEXTSTAT_CHECKED else None
        if spec is not None and spec.submodule_search_locations:
            helpers = _OwnTextstat(Path(next(iter(spec.submodule_search_locations))))
        if helpers is None:
            from types import SimpleNamespace

            from textstat.backend import utils
            from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

            helpers = SimpleNamespace(
                get_lang_root=utils.get_lang_root,
                get_lang_cfg=utils.get_lang_cfg,
                get_lang_easy_words=utils.get_lang_easy_words,
                get_pyphen=utils.get_pyphen,
                RE_NONCONTRACTION_APOSTROPHE=RE_NONCONTRACTION_APOSTROPHE,
            )
        _TEXTSTAT.append(helpers)
    return _TEXTSTAT[0]


def _rules(lang: str) -> _Rules:
    from pyphen import language_fallback

    from .resources import ensure_data_dir

    textstat = _textstat()

    if not isinstance(lang, str) or not lang:
        raise ValueError(
            f"readability(): lang must be a language code such as 'en_US', not {lang!r}"
        )
    # textstat's get_pyphen(lang) raises KeyError exactly when Pyphen has no fallback language;
    # checking that here defers loading the hyphenation patterns until a word needs them.
    if language_fallback(lang) is None:
        raise ValueError(
            f"readability(): textstat has no hyphenation dictionary for lang={lang!r}; "
            "use a code Pyphen knows, e.g. 'en_US', 'en_GB', 'de', 'es', 'fr', 'it', 'nl'"
        )
    # before textstat looks up cmudict (it would download it otherwise): with NLTK imported,
    # the directory goes first on its data path
    root = ensure_data_dir()
    get_lang_cfg = textstat.get_lang_cfg
    return _Rules(
        lang=lang,
        apostrophe=re.compile(textstat.RE_NONCONTRACTION_APOSTROPHE),
        punctuation=re.compile(r"[^\w\s\']"),
        cmudict=_cmudict_syllables(lang, root),
        easy_words=frozenset(textstat.get_lang_easy_words(lang)),
        fog_threshold=int(get_lang_cfg(lang, "syllable_threshold")),
        fre=(
            get_lang_cfg(lang, "fre_base"),
            get_lang_cfg(lang, "fre_sentence_length"),
            get_lang_cfg(lang, "fre_syll_per_word"),
        ),
    )


# textstat's count_sentences: the pieces r"\b[^.!?]+[.!?]*" of a text, less the pieces of at
# most two words (count_words: whitespace chunks left after removing punctuation, i.e. chunks
# holding a word character), at least 1 for any non-empty text. One findall finds the same
# pieces and, with a lookahead at the start of each, captures only those of three words or
# more: a piece starts with a word character and its words lie before its first .!? (which the
# lookahead cannot cross). Every piece is consumed whole, so each is looked into once (time
# linear in the text, as textstat's).
_MID = r"[^\s\w.!?]"  # punctuation inside a piece (before its .!?)
_BODY_WORD = rf"{_MID}*\w[^\s.!?]*"  # a chunk of a piece holding a word character
_GAP = rf"(?:\s+{_MID}+)*\s+"  # whitespace, and chunks of punctuation only
_THREE_WORDS = rf"\s*(?:{_MID}+\s+)*{_BODY_WORD}{_GAP}{_BODY_WORD}{_GAP}{_MID}*\w"
_PIECE = re.compile(rf"\b(?:(?={_THREE_WORDS})([^.!?]+)|[^.!?]+)[.!?]*")
# Whitespace, punctuation-only chunks and then the chunk of the 100th word: Linsear Write's
# part of a longer text. Each chunk can be matched only one way, so a miss costs linear time.
_WORD_CHUNK = r"(?:[^\s\w]+\s+)*[^\s\w]*\w\S*"
_FIRST_WORDS = re.compile(rf"\s*{_WORD_CHUNK}(?:\s+{_WORD_CHUNK}){{{_LINSEAR_WORDS - 1}}}")


def _sentence_count(text: str) -> int:
    """textstat's ``count_sentences(text)``."""
    if not text:
        return 0
    long_pieces = _PIECE.findall(text)  # "" for a piece of at most two words
    return max(1, len(long_pieces) - long_pieces.count(""))


class _Syllables:
    """Syllable counts of words with textstat's resources: cmudict, then Pyphen."""

    def __init__(self, rules: _Rules):
        self.rules = rules
        self.memo: dict[str, int] = {}
        self._pyphen = None

    def hyphenated(self, word: str) -> int:
        """textstat's count for a word missing from cmudict: Pyphen's positions, plus one."""
        if self._pyphen is None:
            # loads its patterns on first use
            self._pyphen = _hyphenator(_textstat().get_pyphen(self.rules.lang))
        return self._pyphen(word)

    def words(self, words: list[str]) -> list[int]:
        """Syllables of each lower-case token, as textstat's ``count_syllables`` adds them up."""
        table = self.rules.cmudict
        counts = list(map(table.get, words)) if table is not None else [None] * len(words)
        for i, count in enumerate(counts):
            if count is None:
                counts[i] = self.word(words[i])
        return counts

    def word(self, word: str) -> int:
        count = self.memo.get(word)
        if count is None:
            table = self.rules.cmudict
            count = table.get(word) if table is not None else None
            if count is None:
                count = self.hyphenated(word)
            self.memo[word] = count
        return count

    def text(self, text: str) -> int:
        """textstat's ``count_syllables(text)``: punctuation removed, lower-cased, split."""
        if not text:
            return 0
        rules = self.rules
        cleaned = rules.punctuation.sub("", rules.apostrophe.sub("", text))
        return sum(self.word(w) for w in cleaned.lower().split())


# Pyphen releases whose ``HyphDict.positions`` and ``Pyphen.positions`` _Hyphenator repeats.
# Any other release (or a subclass): Pyphen itself.
_PYPHEN_CHECKED = ("0.18.",)


class _Hyphenator:
    """``len(hyphenator.positions(word)) + 1`` for a Pyphen 0.18 ``hyphenator``, computed
    with the same patterns, the same arithmetic and the same result, about twice as fast.

    Pyphen looks up every substring of ``.word.`` of up to its longest pattern's length (28
    characters in English) in its pattern dictionary. Here the patterns are a trie of their
    characters: the substrings starting at one position are walked one character longer at a
    time and the walk stops at the first one that no pattern starts with, since no longer one
    can be a pattern either. Each pattern found is applied exactly as Pyphen applies it, in the
    same order. Counts are kept for the process (a bounded memo, as Pyphen keeps its positions).

    Example:
        >>> from pyphen import Pyphen
        >>> hyphenator = Pyphen(lang="en_US")
        >>> _Hyphenator(hyphenator)("hyphenation"), len(hyphenator.positions("hyphenation")) + 1
        (3, 3)
    """

    #: Words whose counts are kept at most; a full memo is emptied, which changes no value.
    LIMIT = 1 << 17

    def __init__(self, hyphenator):
        trie: dict = {}
        for key, value in hyphenator.hd.patterns.items():
            node = trie
            for char in key:
                node = node.setdefault(char, {})
            node[None] = value  # None is no character: it marks the end of a pattern
        self.trie = trie
        self.left, self.right = hyphenator.left, hyphenator.right
        self.memo: dict[str, int] = {}

    def __call__(self, word: str) -> int:
        count = self.memo.get(word)
        if count is None:
            if len(self.memo) >= self.LIMIT:
                self.memo.clear()
            count = self.memo[word] = self._count(word)
        return count

    def _count(self, word: str) -> int:
        pointed = f".{word.lower()}."
        references = [0] * (len(pointed) + 1)
        trie = self.trie
        for i in range(len(pointed) - 1):
            node = trie
            for char in pointed[i:]:
                node = node.get(char)
                if node is None:
                    break
                pattern = node.get(None)
                if pattern is not None:
                    offset, values = pattern
                    slice_ = slice(i + offset, i + offset + len(values))
                    references[slice_] = map(max, values, references[slice_])
        # Pyphen's positions: odd references, less one, kept when within left .. right.
        right = len(word) - self.right
        left = self.left
        points = [i - 1 for i, reference in enumerate(references) if reference % 2]
        return sum(1 for i in points if left <= i <= right) + 1


# Pyphen instance -> its counting function (see _hyphenator).
_HYPHENATORS: dict = {}


def _hyphenator(hyphenator):
    """``word -> len(hyphenator.positions(word)) + 1``: a :class:`_Hyphenator` for a plain
    Pyphen of a checked release, else the instance's own method."""
    counter = _HYPHENATORS.get(id(hyphenator))
    if counter is not None and counter[0] is hyphenator:
        return counter[1]
    import pyphen

    if (
        pyphen.VERSION.startswith(_PYPHEN_CHECKED)
        and type(hyphenator) is pyphen.Pyphen
        and type(hyphenator.hd) is pyphen.HyphDict
        and not vars(hyphenator.hd).keys() - {"patterns", "cache", "maxlen"}
        and vars(hyphenator).keys() == {"left", "right", "hd"}
    ):
        count = _Hyphenator(hyphenator)
    else:

        def count(word: str) -> int:
            return len(hyphenator.positions(word)) + 1

    if len(_HYPHENATORS) >= 8:
        _HYPHENATORS.clear()
    _HYPHENATORS[id(hyphenator)] = (hyphenator, count)
    return count


def _features(vocabulary: list[str], rules: _Rules) -> dict[str, np.ndarray]:
    """Per distinct token (original case, as textstat lists words): its syllables and flags."""
    syllables = _Syllables(rules)
    lower = [token.lower() for token in vocabulary]
    n_syll = np.array(syllables.words(lower), dtype=np.int64)
    easy = np.fromiter(map(rules.easy_words.__contains__, lower), dtype=bool, count=len(lower))
    # is_difficult_word counts the syllables of the lower-cased word through the whole
    # count_syllables pipeline again. The pipeline leaves an alphanumeric word that lower-casing
    # does not change as it is; otherwise (an apostrophe, an underscore, or lower-casing that
    # creates punctuation, e.g. "İ" -> "i" + combining dot) run it.
    n_syll_difficult = n_syll.copy()
    for i, word in enumerate(lower):
        if not (word.isalnum() and word.lower() == word):
            n_syll_difficult[i] = syllables.text(word)
    return {
        "syllables": n_syll,
        "polysyllable": n_syll >= 3,
        "not_easy": ~easy,
        "difficult_2": ~easy & (n_syll_difficult >= 2),
        "difficult_fog": ~easy & (n_syll_difficult >= rules.fog_threshold),
        "linsear_easy": (n_syll > 0) & (n_syll < 3),
    }


class _Cleaner:
    """textstat's ``remove_punctuation(text, rm_apostrophe=False)``, mostly without a regex pass.

    textstat deletes the apostrophes that do not start an English contraction ending, then
    every character that is neither a word character, whitespace nor an apostrophe. The second
    step is done on the UTF-8 bytes: ``bytes.translate`` deletes the ASCII punctuation, and each
    distinct non-ASCII punctuation character of the text is deleted with ``bytes.replace``
    (UTF-8 is self-synchronising: a character's bytes occur nowhere but at that character). Which
    characters are punctuation is decided by textstat's own pattern, one character at a time.
    A text with many distinct non-ASCII punctuation characters (symbols, emoji) would need as
    many passes, so it gets textstat's single regular-expression pass instead.
    """

    _ALL_ASCII = bytes(range(128))
    _MAX_REPLACE = 12  # distinct non-ASCII punctuation characters deleted by bytes.replace

    def __init__(self, rules: _Rules):
        self.apostrophe = rules.apostrophe.sub
        self.punctuation = rules.punctuation.sub
        is_punctuation = rules.punctuation.fullmatch
        self.ascii = bytes(c for c in range(128) if is_punctuation(chr(c)))
        self.is_punctuation = is_punctuation
        self.other: dict[str, bytes | None] = {}  # non-ASCII character -> its bytes if deleted

    def _deleted(self, char: str) -> bytes | None:
        encoded = self.other.get(char, b"")
        if encoded == b"":  # not seen yet
            punctuation = self.is_punctuation(char) is not None
            encoded = char.encode("utf-8", "surrogatepass") if punctuation else None
            self.other[char] = encoded
        return encoded

    def __call__(self, text: str) -> str:
        text = self.apostrophe("", text)
        # surrogatepass: a lone surrogate (possible in a Python str) is punctuation to textstat.
        raw = text.encode("utf-8", "surrogatepass")
        kept = raw.translate(None, self.ascii)
        if not text.isascii():
            other = raw.translate(None, self._ALL_ASCII).decode("utf-8", "surrogatepass")
            deleted = [encoded for char in set(other) if (encoded := self._deleted(char))]
            if len(deleted) > self._MAX_REPLACE:
                return self.punctuation("", text)
            for encoded in deleted:
                kept = kept.replace(encoded, b"")
        return kept.decode("utf-8", "surrogatepass")


# Per-token features that are summed over each text, and over its first Linsear Write words.
_SUMMED = ("syllables", "polysyllable", "not_easy", "difficult_fog", "linsear_easy")


def _count(texts: list[str], rules: _Rules) -> dict[str, np.ndarray]:
    """Count everything textstat's indices need, one pass per text; returns int64 arrays."""
    n = len(texts)
    words, sentences, chunks, characters, letters = [], [], [], [], []
    linsear_sentences, linsear_words = [], []
    tokens_of = []
    remove_punctuation = _Cleaner(rules)
    sentence_count, first_words = _sentence_count, _FIRST_WORDS.match
    for text in texts:
        cleaned = remove_punctuation(text)
        tokens = cleaned.split()
        tokens_of.append(tokens)
        n_tokens = len(tokens)
        n_chunks = len(text.split())
        n_sentences = sentence_count(text)
        token_chars = sum(map(len, tokens))
        words.append(n_tokens)
        sentences.append(n_sentences)
        chunks.append(n_chunks)
        # Removing punctuation keeps every whitespace character; textstat's characters are the
        # others, and its letters the word characters: the tokens less their apostrophes.
        characters.append(len(text) - (len(cleaned) - token_chars))
        letters.append(token_chars - cleaned.count("'"))
        # Linsear Write: for a text of more than 100 whitespace chunks, textstat reads chunks
        # until it has 100 words (a chunk gives a word exactly when it holds a word character)
        # and counts the sentences of those chunks joined by spaces; that count does not depend
        # on the whitespace between chunks, so the text up to that chunk gives it. Otherwise it
        # takes all words and all chunks, whose sentences are the text's unless the text is
        # only whitespace (which joins to an empty string).
        if n_chunks > _LINSEAR_WORDS:
            first = first_words(text) if n_tokens >= _LINSEAR_WORDS else None
            linsear_sentences.append(sentence_count(text[: first.end()]) if first else n_sentences)
            linsear_words.append(min(n_tokens, _LINSEAR_WORDS))
        else:
            linsear_sentences.append(n_sentences if n_chunks else 0)
            linsear_words.append(n_tokens)
    counts = {
        name: np.array(values, dtype=np.int64)
        for name, values in (
            ("words", words),
            ("sentences", sentences),
            ("chunks", chunks),
            ("characters", characters),
            ("letters", letters),
            ("linsear_sentences", linsear_sentences),
        )
    }

    # Number the distinct tokens of the whole frame, in order of first appearance, so that
    # each distinct token is looked up once.
    n_words = counts["words"]
    every_token = np.fromiter(
        chain.from_iterable(tokens_of), dtype=object, count=int(n_words.sum())
    )
    code, vocabulary = pd.factorize(every_token)  # strings only: no missing values
    features = _features(vocabulary.tolist(), rules)
    # Sums over each text's run of tokens, and over the first Linsear words of the run, as
    # differences of running sums.
    per_token = np.stack([features[name] for name in _SUMMED]).astype(np.int64)[:, code]
    running = np.zeros((len(_SUMMED), len(code) + 1), dtype=np.int64)
    np.cumsum(per_token, axis=1, out=running[:, 1:])
    ends = np.cumsum(n_words)
    starts = ends - n_words
    totals = dict(zip(_SUMMED, running[:, ends] - running[:, starts], strict=True))
    linsear_ends = starts + np.array(linsear_words, dtype=np.int64)
    linsear = dict(zip(_SUMMED, running[:, linsear_ends] - running[:, starts], strict=True))
    counts["syllables"] = totals["syllables"]
    counts["polysyllables"] = totals["polysyllable"]
    counts["not_easy"] = totals["not_easy"]
    counts["difficult_fog"] = totals["difficult_fog"]
    counts["linsear_hard"] = linsear["polysyllable"]
    counts["linsear_easy"] = linsear["linsear_easy"]
    # textstat's difficult_words counts distinct tokens (case-sensitive) per text.
    unit = np.repeat(np.arange(n, dtype=np.int64), n_words)
    hard = features["difficult_2"][code]
    size = max(len(vocabulary), 1)
    pairs = pd.unique(unit[hard] * size + code[hard])  # hashing: no sort needed
    counts["difficult_words"] = np.bincount(pairs // size, minlength=n).astype(np.int64)
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
    """Every index from the counts, with textstat's formulas, operation order and 0.0 cases,
    except that a text without words (or sentences) has NaN for each index of
    ``UNDEFINED_WITHOUT_WORDS``."""
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
    # No words: nothing to read, so no difficulty (textstat's 0.0 and grade 1.0 would say easy).
    wordless = (words == 0) | (sentences == 0)
    if wordless.any():
        for name in UNDEFINED_WITHOUT_WORDS:
            out[name] = np.where(wordless, np.nan, out[name])
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
    where its formula would divide by zero, except for a text without words (empty, blank or
    punctuation only; ``ts_words == 0``): it has no readability, so every index and the grade
    are NaN there (``UNDEFINED_WITHOUT_WORDS``; textstat says 0.0 and grade 1.0), while its
    counts and ``reading_time`` stay.

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
        >>> empty = readability(pd.DataFrame({"article_id": ["b"], "text": ["..."]})).iloc[0]
        >>> int(empty["ts_words"]), float(empty["flesch_kincaid_grade"]), float(empty["dale_chall"])
        (0, nan, nan)
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
