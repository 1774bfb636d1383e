"""Text utilities shared by every table: normalisation, paragraphs, sentences and words.

There is one definition of each unit, used everywhere, so counts agree across tables:

* **paragraph**: a maximal run of non-blank lines (the loader joins paragraphs with one blank line);
* **sentence**: newslib's offline Punkt splitter run inside each paragraph (a sentence never
  crosses a paragraph break; quoted speech is split too);
* **word**: a run of letters/digits with the combining marks that follow them (vowel signs and
  viramas of Devanagari, Hebrew points, Arabic harakat: Unicode categories Mn, Mc and Me), kept
  whole across inner apostrophes and hyphens (``don't``, ``Putin's``, ``well-known``) and
  across decimal points and thousands separators (``3.5``, ``2,000``).

All offsets are character offsets into the text, end exclusive.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from typing import NamedTuple

__all__ = [
    "WORD_RE",
    "normalize_text",
    "normalize_line",
    "paragraph_spans",
    "sentence_spans",
    "word_spans",
    "count_words",
    "paragraphs",
    "sentences",
]


# The combining marks of Python's Unicode database as code point ranges, stored for the Unicode
# version this file names (see _stored_mark_ranges); written by _write_mark_ranges().
_MARKS_FILE = "data/combining_marks.txt"


def _computed_mark_ranges() -> list[tuple[int, int]]:
    """``(first, last)`` code point ranges of the combining marks (Unicode categories Mn, Mc,
    Me) of Python's Unicode database, by asking it about every code point (a tenth of a
    second)."""
    category = unicodedata.category
    ranges: list[list[int]] = []
    for code in range(sys.maxunicode + 1):
        if category(chr(code)) in ("Mn", "Mc", "Me"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return [(lo, hi) for lo, hi in ranges]


def _marks_header() -> str:
    return f"unicode {unicodedata.unidata_version} maxunicode {sys.maxunicode}"


def _stored_mark_ranges() -> list[tuple[int, int]] | None:
    """The ranges of :func:`_computed_mark_ranges` as stored in newslib's data directory, or
    None when they were stored for another Unicode version (or are missing): a Unicode
    version's categories never change, so the stored ranges are the computed ones."""
    from importlib import resources

    try:
        lines = resources.files("newslib").joinpath(_MARKS_FILE).read_text("ascii").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    rows = [line for line in lines if line and not line.startswith("#")]
    if not rows or rows[0] != _marks_header():
        return None
    try:
        return [(int(lo, 16), int(hi, 16)) for lo, hi in (row.split() for row in rows[1:])]
    except ValueError:
        return None


def _write_mark_ranges(path=None) -> None:
    """Store this Python's combining-mark ranges (``newslib/data/combining_marks.txt`` unless
    ``path``), for :func:`_stored_mark_ranges`."""
    from pathlib import Path

    target = (
        Path(path) if path is not None else Path(__file__).with_name("data") / "combining_marks.txt"
    )
    lines = [
        "# Combining marks (Unicode categories Mn, Mc, Me) of Python's unicodedata, as code point",
        "# ranges (first last, hexadecimal), for the Unicode version of the first line. Read by",
        "# newslib.text at import instead of asking unicodedata about every code point; another",
        "# Unicode version computes them. Rewrite with newslib.text._write_mark_ranges().",
        _marks_header(),
        *(f"{lo:04X} {hi:04X}" for lo, hi in _computed_mark_ranges()),
    ]
    target.write_text("\n".join(lines) + "\n", encoding="ascii")


def _mark_classes() -> tuple[str, str]:
    """Regex character-class bodies of the combining marks (Unicode categories Mn, Mc, Me) of
    Python's Unicode database: those in the Basic Multilingual Plane, and all of them.

    Python's ``\\w`` matches letters and digits but no combining mark, so a word of a script that
    writes vowels or points as marks would fall apart at each of them. Built once, at import,
    from the stored ranges of this Unicode version when there are some."""
    ranges = _stored_mark_ranges()
    if ranges is None:
        ranges = _computed_mark_ranges()

    def body(spans: list[tuple[int, int]]) -> str:
        return "".join(
            f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in spans
        )

    return body([r for r in ranges if r[1] < 0x10000]), body(ranges)


_BMP_MARKS, _ALL_MARKS = _mark_classes()
# One combining mark. ``re`` looks a character up in a set of Basic Multilingual Plane ranges
# with one table, but compares it with the other ranges one by one; this asks the table, lets
# any character beyond the plane through and then checks those against the full set (the
# check runs on the character just matched), which keeps word splitting nearly as fast as ``\w``.
_MARK = rf"[{_BMP_MARKS}\U00010000-\U{sys.maxunicode:08x}](?<=[{_ALL_MARKS}])"
# Letters and digits with the marks on them. Letters, marks and separators are disjoint, so
# there is only one way to match and the possessive quantifiers change nothing but speed.
_WORD_PART = rf"\w++(?:(?:{_MARK})++\w*+)*+"
WORD_RE = re.compile(rf"{_WORD_PART}(?:(?:['’\-]|(?<=\d)[.,](?=\d)){_WORD_PART})*")
# First non-space to last non-space of a line, then more such lines with no blank line between.
_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?(?:[^\S\n]*\n[^\S\n]*\S(?:[^\n]*\S)?)*")


def normalize_line(line: str) -> str:
    """Return ``line`` in Unicode NFC with inner whitespace runs collapsed and ends stripped.

    Example:
        >>> normalize_line("  Two\\tspaces  here ")
        'Two spaces here'
    """
    # str.split() splits on exactly the characters the regex \s matches (str.isspace), so
    # this is the same as collapsing \s+ runs and stripping, only faster.
    return " ".join(unicodedata.normalize("NFC", line).split())


def normalize_text(raw: str) -> str:
    """Normalise an article body: NFC, whitespace inside lines collapsed, paragraphs joined
    by exactly one blank line. Lines inside a paragraph stay on their own lines; nothing else
    is altered. A body with no blank line at all but several lines is taken as one paragraph
    per line (the common shape of scraped text and table exports).

    Example:
        >>> normalize_text("First  para.\\n\\n\\n Second\\r\\npara.")
        'First para.\\n\\nSecond\\npara.'
        >>> normalize_text("One.\\nTwo.")
        'One.\\n\\nTwo.'
    """
    lines = [normalize_line(line) for line in raw.splitlines()]
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    if len(paragraphs) == 1 and len(paragraphs[0]) > 1:
        paragraphs = [[line] for line in paragraphs[0]]
    return "\n\n".join("\n".join(p) for p in paragraphs)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph of ``text``: runs of non-blank lines,
    without surrounding whitespace.

    Example:
        >>> paragraph_spans("One.\\n\\nTwo here.")
        [(0, 4), (6, 15)]
    """
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """Return ``(paragraph, start, end)`` for each sentence of ``text``, paragraphs counted
    from 0. Sentences are split inside each paragraph by newslib's offline Punkt model.

    The spans are exactly those of NLTK's ``PunktTokenizer.span_tokenize`` on each paragraph;
    with the NLTK release it was checked against, newslib computes them several times faster
    (see :func:`_punkt_spans`).

    Example:
        >>> sentence_spans("Mr. Smith came. He left.\\n\\nDr. Who?")
        [(0, 0, 15), (0, 16, 24), (1, 26, 34)]
    """
    split = _own_punkt()
    if split is None:
        from .resources import sentence_tokenizer

        tokenizer = sentence_tokenizer()
        split = _fast_punkt(tokenizer) or tokenizer.span_tokenize
    spans = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for s_start, s_end in split(text[p_start:p_end]):
            spans.append((index, p_start + s_start, p_start + s_end))
    return spans


# --------------------------------------------------------------------------------------------
# Punkt, faster and exact (see _punkt_spans)

# NLTK release families whose Punkt the fast splitter was checked against, span for span.
_FAST_PUNKT_NLTK = ("3.10.",)
# sha256 of the sources and flags of the regular expressions the proof in _punkt_spans relies on
# (period context, word tokenizer, boundary realignment, ellipsis, number, initial), as NLTK 3.10.4
# builds them. Any other pattern means other rules: newslib then calls NLTK itself.
_PUNKT_PATTERNS_SHA256 = "80b7a5ed7d8804cf4d8310a2ccdfcd484c58a71d85cd5b3395d19c31b749e4ab"
# What Punkt's boundary-realignment pattern must start with: it matches nothing else.
_CLOSING_PUNCTUATION = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")
# A context "Word. Next" / "Word? Next" (Next may open with a quote or bracket), or "Word." /
# "Word?" and one of the marks Punkt's period-context pattern takes after it (its "other
# punctuation": closing quotes, brackets, ...), whose tokens are known without tokenizing (see
# _punkt_break). Groups: the word, its mark, the opening character, the mark after.
_PLAIN_CONTEXT = re.compile(
    r"([A-Za-z]+)([.?!])"
    r"(?: (?:[A-Za-z]|([\"'(\[{\u2018\u201c]))[^.?!]*"
    r"|([)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb?!]))"
)
_ASCII_SPACES_BUT_SPACE = "\t\n\r\x0b\x0c"  # with " ": Python's string.whitespace


class _PunktRegexes(NamedTuple):
    candidates: object  # NLTK's period-context pattern: a possible sentence end and what follows
    words: object  # NLTK's Punkt word tokenizer
    realign: object  # closing quotes/brackets that belong to the sentence before them
    ellipsis: object
    number: object
    initial: object


def _punkt_sources(lang_vars, token_cls) -> list:
    return [
        lang_vars.period_context_re(),
        lang_vars._word_tokenizer_re(),
        lang_vars.re_boundary_realignment,
        token_cls._RE_ELLIPSIS,
        token_cls._RE_NUMERIC,
        token_cls._RE_INITIAL,
    ]


@lru_cache(maxsize=8)
def _punkt_regexes(lang_vars, token_cls) -> _PunktRegexes | None:
    """NLTK's own Punkt patterns, compiled by the same engine without NLTK's per-call timer,
    or None when they are not the ones the fast splitter was proven against."""
    patterns = _punkt_sources(lang_vars, token_cls)
    return _compiled_punkt(tuple((p.pattern, p.flags) for p in patterns))


@lru_cache(maxsize=8)
def _compiled_punkt(patterns: tuple[tuple[str, int], ...]) -> _PunktRegexes | None:
    """:func:`_punkt_regexes` from the patterns' ``(source, flags)``."""
    try:
        import regex  # NLTK 3.10's regular-expression engine (an NLTK dependency)
    except ImportError:
        return None
    fingerprint = "\0".join(f"{pattern}\0{flags}" for pattern, flags in patterns)
    # NLTK writes "?" and "!" into a character class in set order, which changes with the
    # process's string hashing: both orders are the same class.
    fingerprint = fingerprint.replace("!\\?]", "\\?!]")
    if hashlib.sha256(fingerprint.encode()).hexdigest() != _PUNKT_PATTERNS_SHA256:
        return None
    return _PunktRegexes(*(regex.compile(pattern, flags) for pattern, flags in patterns))


@lru_cache(maxsize=1)
def _own_punkt():
    """:func:`_fast_punkt` of newslib's Punkt model without importing NLTK (whose import costs
    most of a second): NLTK's patterns as the data directory holds them
    (``resources.nltk_tables``, read from the NLTK installed), the abbreviations read from the
    model's files as NLTK reads them.
    None when the tables are not this release's or the model has more than abbreviations."""
    from .resources import nltk_tables, punkt_abbreviations

    tables = nltk_tables()
    if tables is None or not tables["nltk"].startswith(_FAST_PUNKT_NLTK):
        return None
    abbreviations = punkt_abbreviations()
    if abbreviations is None:
        return None
    regexes = _compiled_punkt(tuple((p, f) for p, f in tables["punkt_patterns"]))
    if regexes is None:
        return None
    return partial(_punkt_spans, regexes=regexes, abbreviations=abbreviations)


def _fast_punkt(tokenizer):
    """Return an exact, faster ``span_tokenize`` for ``tokenizer`` (as a list), or None when
    its NLTK release, classes or parameters are not those :func:`_punkt_spans` assumes."""
    import nltk
    from nltk.tokenize.punkt import (
        PunktLanguageVars,
        PunktParameters,
        PunktSentenceTokenizer,
        PunktToken,
        PunktTokenizer,
    )

    params = tokenizer._params
    if (
        not nltk.__version__.startswith(_FAST_PUNKT_NLTK)
        or type(tokenizer) not in (PunktTokenizer, PunktSentenceTokenizer)
        or type(tokenizer._lang_vars) is not PunktLanguageVars
        or tokenizer._Token is not PunktToken
        or type(params) is not PunktParameters
        # newslib's model: an abbreviation list and nothing learned (see resources._write_punkt).
        or params.collocations
        or params.sent_starters
        or any(params.ortho_context.values())
        or tuple(tokenizer._lang_vars.sent_end_chars) != (".", "?", "!")
        or tuple(tokenizer.PUNCTUATION) != (";", ":", ",", ".", "!", "?")
    ):
        return None
    regexes = _punkt_regexes(tokenizer._lang_vars, PunktToken)
    if regexes is None:
        return None
    return partial(_punkt_spans, regexes=regexes, abbreviations=params.abbrev_types)


def _punkt_spans(text: str, regexes: _PunktRegexes, abbreviations) -> list[tuple[int, int]]:
    """``list(PunktSentenceTokenizer.span_tokenize(text))`` for a model with no collocations,
    no sentence starters and no orthographic context -- exactly, on any text.

    Why it is exact. NLTK 3.10 finds every candidate (``.``, ``?`` or ``!`` followed by
    punctuation, or by whitespace and a token) with its period-context pattern; it pairs each
    with the word before it, drops a candidate whose word overlaps the next one's, and asks
    ``text_contains_sentbreak`` whether the context (word, mark and what follows) holds a
    sentence break. A yes ends a sentence there; closing quotes and brackets after the break are
    then moved into the sentence they close (``_realign_boundaries``). This function does the
    same steps in one loop, with the same patterns run by the same ``regex`` engine, and
    replaces NLTK's token objects and generator pipeline by plain code (``_punkt_break``).

    The decision itself depends on the model, and with this one most of Punkt's rules cannot
    fire: collocations, frequent sentence starters and the orthographic "starts a sentence"
    evidence all read empty tables. What remains is written out in :func:`_punkt_break`.

    The one thing NLTK does that this does not: NLTK stops any single regular-expression call
    after 5 seconds (``nltk.redos``) and raises ``TimeoutError``; here there is no time limit.
    """
    finditer = regexes.candidates.finditer
    # NLTK looks back for the last whitespace of ``string.whitespace`` only (ASCII).
    others = [c for c in _ASCII_SPACES_BUT_SPACE if c in text]
    cuts = []  # (start, end) of each sentence before realignment
    last_break = 0
    pending = None  # the previous candidate, decided once we know it is not dropped
    word_start = word_end = 0  # the previous candidate's word: text[word_start:word_end]
    for match in finditer(text):
        mark = match.start()
        space = text.rfind(" ", word_end, mark)
        for char in others:
            space = max(space, text.rfind(char, word_end, mark))
        # NLTK treats whitespace at the very start of its look-back window like none at all.
        start = space + 1 if space > word_end else word_start
        if pending is not None and word_end <= start:
            # The context NLTK builds is word + mark + "after_tok": one slice of the text.
            if _punkt_break(text[word_start : pending.end("after_tok")], regexes, abbreviations):
                cuts.append((last_break, pending.end()))
                following = pending.start("next_tok")
                last_break = following if following >= 0 else pending.end()
        pending = match
        word_start, word_end = start, mark
    if pending is not None:
        if _punkt_break(text[word_start : pending.end("after_tok")], regexes, abbreviations):
            cuts.append((last_break, pending.end()))
            following = pending.start("next_tok")
            last_break = following if following >= 0 else pending.end()
    end = len(text.rstrip())
    # Every start and end is at most len(text), so text[s:e] is non-empty exactly when s < e.
    if not cuts:
        return [(last_break, end)] if last_break < end else []
    cuts.append((last_break, end))
    spans = []
    realign = 0
    last = len(cuts) - 1
    for k in range(last + 1):
        start, stop = cuts[k]
        start += realign
        if k == last:
            if start < stop:
                spans.append((start, stop))
            break
        next_start, next_stop = cuts[k + 1]
        closing = None
        if next_start < next_stop and text[next_start] in _CLOSING_PUNCTUATION:
            closing = regexes.realign.match(text[next_start:next_stop])
        if closing is not None:
            spans.append((start, next_start + len(closing.group().rstrip())))
            realign = closing.end()
        else:
            realign = 0
            if start < stop:
                spans.append((start, stop))
    return spans


def _punkt_break(context: str, regexes: _PunktRegexes, abbreviations) -> bool:
    """``text_contains_sentbreak(context)`` for a model with no collocations, sentence starters
    or orthographic context: is any token but the last a sentence break?

    First pass (per token): ``.``, ``?`` and ``!`` are breaks; an ellipsis is not; another token
    ending in one period is an abbreviation when its lower-cased stem (or the part after its
    last hyphen) is listed, else a break. Second pass: the only rule that can still change
    anything takes the break back from an initial (``J.``) or a number (``3.``) when the next
    token is one of ``; : , . ! ?`` or starts in lower case -- and, for an initial, when it
    starts in upper case (the "J. Bach" rule, with no lower-case evidence ever recorded).
    """
    plain = _PLAIN_CONTEXT.fullmatch(context)
    if plain is not None:
        # "Word. Next": ASCII letters, the mark, one space, then a token with no . ? or !.
        # NLTK's tokens are "Word." (or "Word", "?"), then Next's tokens, none of them a break.
        # "Word." breaks unless listed. A single letter is an initial: its break is taken back
        # when the next token starts in upper or lower case (a letter), or is one of ; : ! ?
        # (the mark after "J.", which ends the word for Punkt's word tokenizer), never when it
        # starts with a quote or bracket, which has no case.
        word, mark, opening, closing = plain.groups()
        if mark != ".":
            return True
        if word.lower() in abbreviations:
            return False
        return (
            len(word) > 1 or opening is not None or (closing is not None and closing not in ";:!?")
        )
    tokens = []
    for line in context.split("\n"):
        if line.strip():
            tokens += regexes.words.findall(line)
    for i in range(len(tokens) - 1):
        token = tokens[i]
        if token in (".", "?", "!"):
            pass
        elif regexes.ellipsis.match(token):
            continue
        elif token.endswith(".") and not token.endswith(".."):
            stem = token[:-1].lower()
            if stem in abbreviations or stem.split("-")[-1] in abbreviations:
                continue
        else:
            continue
        if token.endswith("."):
            initial = regexes.initial.match(token)
            if initial or _punkt_type_no_period(token, regexes) == "##number##":
                following = tokens[i + 1]
                if (
                    following in (";", ":", ",", ".", "!", "?")
                    or following[0].islower()
                    or (initial and following[0].isupper())
                ):
                    continue
        return True
    return False


def _punkt_type_no_period(token: str, regexes: _PunktRegexes) -> str:
    """``PunktToken(token).type_no_period``: numbers become ``##number##``."""
    kind = regexes.number.sub("##number##", token.lower())
    return kind[:-1] if len(kind) > 1 and kind[-1] == "." else kind


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every word in ``text`` (see the module docstring).

    Example:
        >>> word_spans("Don't stop")
        [(0, 5), (6, 10)]
    """
    return [m.span() for m in WORD_RE.finditer(text)]


def count_words(text: str) -> int:
    """Count the words of ``text`` with newslib's one word definition.

    Example:
        >>> count_words("The U.S. economy grew 3.5% in 2,000 well-known places, didn't it?")
        12
        >>> count_words("नमस्ते दुनिया")  # vowel signs and virama are part of their word
        2
    """
    return len(WORD_RE.findall(text))  # WORD_RE has no capturing group: one item per word


class _Words:
    """Where the words of one text are (``WORD_RE`` over the whole text), found once.

    Counting the words of many spans of a text by scanning each span again costs more than one
    scan of the text: with the words' offsets at hand, each count is a few bisections.

    Example:
        >>> w = _Words("He said: don't go.")
        >>> len(w), w.inside(2, 17), w.inside(4, 17), w.count(4, 17)
        (4, 3, 2, 3)
    """

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str):
        self.text = text
        spans = [m.span() for m in WORD_RE.finditer(text)]
        # Arrays of machine integers (4 bytes each unless the text is longer than that counts):
        # a tenth of the memory of lists of ints and as quick to bisect, since newslib.analyze
        # keeps the words of a whole chunk of articles.
        typecode = "i" if len(text) < 2**31 else "q"
        self.starts = array(typecode, [s for s, _ in spans])
        self.ends = array(typecode, [e for _, e in spans])

    def __len__(self) -> int:
        """All the words of the text: ``count_words(text)``."""
        return len(self.starts)

    def inside(self, start: int, end: int) -> int:
        """How many words lie entirely inside text[start:end]; a word cut by either end does
        not count."""
        first, stop = self._around(start, end)
        return max(0, stop - first)

    def count(self, start: int, end: int) -> int:
        """``len(WORD_RE.findall(text, start, end))``, which for offsets inside the text is
        ``count_words(text[start:end])``: a word cut by either end counts by its piece inside."""
        first, stop = self._around(start, end)
        # When no word runs across either end, a scan of the span finds exactly the whole words
        # inside it. Sentences and quotations nearly always start and end between words; when
        # one does not (or the offsets leave the text), scan.
        starts, ends = self.starts, self.ends
        if (
            0 <= start <= end <= len(self.text)
            and not (first > 0 and ends[first - 1] > start)  # the word before runs across start
            and not (stop < len(starts) and starts[stop] < end)  # the word after runs across end
        ):
            return max(0, stop - first)
        return len(WORD_RE.findall(self.text, start, end))

    def _around(self, start: int, end: int) -> tuple[int, int]:
        """(first, stop): the words from ``first`` on start at or after ``start``; those before
        ``stop`` end at or before ``end``. Words are disjoint and in order, so their starts and
        their ends both ascend and each is a bisection."""
        return bisect_left(self.starts, start), bisect_right(self.ends, end)


def paragraphs(df):
    """Return one row per paragraph of each article in ``df`` (any frame with ``article_id`` and
    ``text``): ``article_id``, ``paragraph`` (0-based), ``start``, ``end``, ``text``, ``n_words``.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"article_id": ["a"], "text": ["One.\\n\\nTwo words."]})
        >>> paragraphs(df)[["paragraph", "start", "end"]].values.tolist()
        [[0, 0, 4], [1, 6, 16]]
    """
    from ._frame import require_columns

    require_columns(df, ["article_id", "text"], caller="paragraphs")
    rows = []
    for identity, text in zip(df["article_id"], df["text"], strict=True):
        for index, (start, end) in enumerate(paragraph_spans(text)):
            piece = text[start:end]
            rows.append((identity, index, start, end, piece, count_words(piece)))
    return _segment_frame(rows, ["article_id", "paragraph", "start", "end", "text", "n_words"])


def sentences(df):
    """Return one row per sentence of each article in ``df`` (any frame with ``article_id`` and
    ``text``): ``article_id``, ``sentence`` (0-based in the article), ``paragraph``, ``start``,
    ``end``, ``text``, ``n_words``.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"article_id": ["a"], "text": ["Mr. Li came. He left."]})
        >>> sentences(df)["text"].tolist()
        ['Mr. Li came.', 'He left.']
    """
    from ._frame import require_columns

    require_columns(df, ["article_id", "text"], caller="sentences")
    rows = []
    for identity, text in zip(df["article_id"], df["text"], strict=True):
        for index, (paragraph, start, end) in enumerate(sentence_spans(text)):
            piece = text[start:end]
            rows.append((identity, index, paragraph, start, end, piece, count_words(piece)))
    return _segment_frame(
        rows, ["article_id", "sentence", "paragraph", "start", "end", "text", "n_words"]
    )


def _segment_frame(rows, names):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=names)
    dtypes = {name: "int64" for name in names}
    dtypes["article_id"] = "string"
    dtypes["text"] = "string"
    return frame.astype(dtypes)
