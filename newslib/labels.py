"""Human names and units for every column newslib produces: one table for plots, notebook
text, report tables and the command line.

``LABELS`` maps a column name to a ``Label``: its ``name`` (sentence case, for axes, titles and
table headers), its ``unit``, whether it is a share 0..1 shown as a percentage, its fixed range,
its name in running prose (``words``) and a short table ``header``. Derived timeline columns
(``<metric>_ci_low``, ``<metric>_ci_high``, ``<metric>_n``) are named from their metric. A
column not in the table gets its name with spaces for underscores, so no figure or table ever
shows ``compound_mean``.

Example:
    >>> label("flesch_kincaid_grade")
    'Flesch–Kincaid grade (US school grade)'
    >>> header("n_words"), words("quote_share")
    ('Words', 'share of words quoted')
    >>> display_value("quote_share", 0.2143), display_value("n_words", 12345)
    ('21.4%', '12,345')
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

__all__ = [
    "Label",
    "LABELS",
    "spec",
    "label",
    "name",
    "header",
    "words",
    "unit",
    "display_value",
    "signed",
]


class Label(NamedTuple):
    """How a column is named: ``name (unit)`` on an axis, ``header`` in a table, ``words`` in a
    sentence. ``percent`` columns are shares 0..1 shown as percentages; ``limits`` is the
    column's fixed range (used for default bins and axes); ``digits`` the decimals shown."""

    name: str
    unit: str | None = None
    percent: bool = False
    limits: tuple[float, float] | None = None
    words: str | None = None
    header: str | None = None
    digits: int = 2


_GRADE = "US school grade"
_COMPOUND = "VADER compound, −1 to 1"
_SHARE = (0.0, 1.0)
_SIGNED = (-1.0, 1.0)


def _count(name: str, unit: str, words: str | None = None, header: str | None = None) -> Label:
    return Label(name, unit, words=words, header=header, digits=0)


def _share(name: str, unit: str, words: str, header: str | None = None) -> Label:
    return Label(name, unit, True, _SHARE, words, header, digits=1)


def _tone(name: str, words: str | None = None, header: str | None = None) -> Label:
    return Label(name, _COMPOUND, limits=_SIGNED, words=words, header=header)


#: Every column newslib writes, by name.
LABELS: dict[str, Label] = {
    # articles (newslib.load)
    "article_id": Label("Article id", words="article id"),
    "path": Label("File", words="file"),
    "source": Label("Source", words="source"),
    "title": Label("Title", words="title"),
    "date": Label("Date", words="date"),
    "text": Label("Text", words="text"),
    "url": Label("Web address", words="web address"),
    "author": Label("Author", words="author"),
    "near_duplicate_of": Label("Near-copy of", words="near-duplicate of"),
    "n_paragraphs": _count("Paragraphs", "paragraphs", "number of paragraphs"),
    "n_words": _count("Article length", "words", "length in words", "Words"),
    # readability (newslib.readability)
    "flesch_reading_ease": Label("Flesch reading ease", "score, higher is easier", digits=1),
    "flesch_kincaid_grade": Label("Flesch–Kincaid grade", _GRADE, digits=1),
    "gunning_fog": Label("Gunning fog index", _GRADE, digits=1),
    "smog_index": Label("SMOG index", _GRADE, digits=1),
    "coleman_liau_index": Label("Coleman–Liau index", _GRADE, digits=1),
    "automated_readability_index": Label(
        "Automated readability index", _GRADE, words="automated readability index", digits=1
    ),
    "dale_chall": Label("Dale–Chall score", "higher is harder, 9+ is college", digits=1),
    "linsear_write": Label("Linsear Write", _GRADE, words="Linsear Write score", digits=1),
    "text_standard": Label("Consensus grade", f"{_GRADE}, textstat", words="consensus grade"),
    "reading_time": Label("Reading time", "seconds", words="reading time", digits=0),
    "ts_words": _count("Words, textstat count", "words", header="Words (textstat)"),
    "ts_sentences": _count("Sentences, textstat count", "sentences", header="Sentences (textstat)"),
    "ts_syllables": _count("Syllables", "syllables"),
    "ts_polysyllables": _count("Words of 3+ syllables", "words"),
    "ts_difficult_words": _count("Difficult words", "distinct words"),
    "ts_characters": _count("Characters", "non-space characters"),
    "ts_letters": _count("Letters", "word characters"),
    # quotes and shares (newslib.quotes, newslib.quote_share)
    "quote_share": _share(
        "Quote share", "% of words inside quotations", "share of words quoted", "Quoted"
    ),
    "quote_char_share": _share(
        "Quote share by characters",
        "% of characters inside quotations",
        "share of characters quoted",
        "Quoted (characters)",
    ),
    "reported_share": _share(
        "Reported share",
        "% of words in indirect speech, outside quotations",
        "share of words reported",
        "Reported",
    ),
    "attributed_share": _share(
        "Attributed share",
        "% of words quoted or reported",
        "share of words attributed to someone",
        "Attributed",
    ),
    "n_quotes": _count("Quotations", "count", "number of quotations"),
    "quoted_words": _count("Quoted words", "words", "quoted words"),
    "total_words": _count("Words", "words", "words"),
    "n_speakers": _count("Speakers quoted", "people", "number of speakers"),
    "top_speaker": Label("Most quoted speaker", words="most quoted speaker"),
    "n_attributions": _count("Attributions", "count", "number of attributions"),
    "reported_words": _count("Reported words", "words", "reported words"),
    "attributed_words": _count(
        "Attributed words", "words, quoted or reported", "attributed words", "Attributed words"
    ),
    "quote_id": Label("Quotation", words="quotation"),
    "attribution_id": Label("Attribution", words="attribution"),
    "start": _count("Start", "character offset"),
    "end": _count("End", "character offset"),
    "paragraph": _count("Paragraph", "number from 0", header="Paragraph"),
    "sentence": _count("Sentence", "number from 0", header="Sentence"),
    "kind": Label("Kind", words="kind"),
    "speaker": Label("Speaker", words="speaker"),
    "speaker_mention": Label("Named as", words="how the speaker is named"),
    "speaker_start": _count("Speaker start", "character offset"),
    "speaker_end": _count("Speaker end", "character offset"),
    "cue": Label("Cue", words="cue"),
    "cue_start": _count("Cue start", "character offset"),
    "cue_end": _count("Cue end", "character offset"),
    # people (newslib.people)
    "person_id": Label("Person id", words="person id"),
    "person": Label("Person", words="person"),
    "speaker_type": Label("Type of source", words="type of source"),
    "gender": Label("Referred to as", words="how the articles refer to them"),
    "role": Label("Role", words="role"),
    "ambiguous": Label("Ambiguous name", words="ambiguous name"),
    "aliases": Label("Also written", words="other spellings"),
    "n_articles": _count("Articles", "articles", "number of articles"),
    "first_date": Label("First seen", words="first date"),
    "last_date": Label("Last seen", words="last date"),
    # sentiment (newslib.sentiment, sentiment_summary)
    "compound": _tone("Sentence sentiment", "sentence sentiment", "Sentiment"),
    "neg": Label("Negative part of sentence", "VADER, 0 to 1", limits=_SHARE),
    "neu": Label("Neutral part of sentence", "VADER, 0 to 1", limits=_SHARE),
    "pos": Label("Positive part of sentence", "VADER, 0 to 1", limits=_SHARE),
    "in_quote": _share(
        "Sentence inside quotations", "% of characters", "share of the sentence quoted", "Quoted"
    ),
    "in_reported": _share(
        "Sentence in reported speech",
        "% of characters, outside quotations",
        "share of the sentence reported",
        "Reported",
    ),
    "voice": Label("Voice", words="voice"),
    "compound_mean": _tone("Mean sentence sentiment", "mean sentence sentiment", "Sentiment"),
    "compound_weighted": _tone(
        "Word-weighted sentence sentiment",
        "word-weighted sentence sentiment",
        "Sentiment (weighted)",
    ),
    "quoted_compound_mean": _tone(
        "Sentiment of quoted sentences", "sentiment of quoted sentences", "Quoted sentiment"
    ),
    "reported_compound_mean": _tone(
        "Sentiment of reported sentences", "sentiment of reported sentences", "Reported sentiment"
    ),
    "narration_compound_mean": _tone(
        "Sentiment of the reporter's own sentences",
        "sentiment of the reporter's own sentences",
        "Own-words sentiment",
    ),
    "share_positive": _share(
        "Positive sentences",
        "% of sentences, compound ≥ 0.05",
        "share of positive sentences",
        "Positive",
    ),
    "share_negative": _share(
        "Negative sentences",
        "% of sentences, compound ≤ −0.05",
        "share of negative sentences",
        "Negative",
    ),
    "n_sentences": _count("Sentences", "sentences", "number of sentences"),
    "n_quoted_sentences": _count("Quoted sentences", "sentences", "quoted sentences"),
    "n_reported_sentences": _count("Reported sentences", "sentences", "reported sentences"),
    "n_narration_sentences": _count(
        "The reporter's own sentences", "sentences", "the reporter's own sentences", "Own sentences"
    ),
    # timeline (newslib.timeline)
    "period": Label("Period", words="period"),
    "partial": Label("Partial period", words="partial period"),
}

# Timeline columns derived from a metric, by suffix: (name pattern, unit kept?).
_DERIVED = (
    ("_ci_low", "Lower 95% bound of {}"),
    ("_ci_high", "Upper 95% bound of {}"),
    ("_n", "Articles with a value of {}"),
)


def spec(column: str) -> Label:
    """The ``Label`` of ``column``; a column not in ``LABELS`` is named from its own name.

    Example:
        >>> spec("quote_share").percent, spec("my_score").name
        (True, 'My score')
    """
    found = LABELS.get(column)
    if found is not None:
        return found
    for suffix, pattern in _DERIVED:
        base = column[: -len(suffix)] if column.endswith(suffix) else None
        if base and base in LABELS:
            of = LABELS[base]
            text = pattern.format(_lower_first(of.name))
            if suffix == "_n":
                return Label(text, "articles", digits=0)
            return of._replace(name=text, words=_lower_first(text), header=text)
    plain = column.replace("_", " ").strip() or column
    return Label(plain[:1].upper() + plain[1:], words=plain)


def _lower_first(text: str) -> str:
    # Keep proper names and acronyms ("Flesch", "SMOG") as they are.
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and first not in _PROPER_WORDS:
        return text[:1].lower() + text[1:]
    return text


_PROPER_WORDS = {"Flesch", "Flesch–Kincaid", "Gunning", "Coleman–Liau", "Dale–Chall", "Linsear"}


def name(column: str) -> str:
    """A column's name for titles, without its unit.

    Example:
        >>> name("compound_mean")
        'Mean sentence sentiment'
    """
    return spec(column).name


def label(column: str) -> str:
    """A column's axis label: ``"name (unit)"``, or the name when it has no unit.

    Example:
        >>> label("quote_share")
        'Quote share (% of words inside quotations)'
    """
    found = spec(column)
    return f"{found.name} ({found.unit})" if found.unit else found.name


def header(column: str) -> str:
    """A column's short table header.

    Example:
        >>> header("flesch_kincaid_grade"), header("attributed_share")
        ('Flesch–Kincaid grade', 'Attributed')
    """
    found = spec(column)
    return found.header or found.name


def words(column: str) -> str:
    """A column's name inside a sentence ("the median *share of words quoted* is ...").

    Example:
        >>> words("flesch_kincaid_grade"), words("my_score")
        ('Flesch–Kincaid grade', 'my score')
    """
    found = spec(column)
    return found.words or _lower_first(found.name)


def unit(column: str) -> str | None:
    """A column's unit, ``None`` when it has none.

    Example:
        >>> unit("n_words"), unit("title")
        ('words', None)
    """
    return spec(column).unit


def signed(number: float, digits: int = 2) -> str:
    """``number`` with its sign as a reader writes it: "+0.06", "−0.17" (a minus sign, not a
    hyphen), and "0.00" when it rounds to zero (no "−0.00"); "n/a" when it is missing.

    Example:
        >>> signed(0.0612), signed(-0.1749), signed(-0.001), signed(float("nan")), signed(None)
        ('+0.06', '−0.17', '0.00', 'n/a', 'n/a')
    """
    try:
        number = float(number)
    except (TypeError, ValueError):  # None, pandas.NA
        return "n/a"
    if number != number:
        return "n/a"
    if round(number, digits) == 0:
        return f"{0:.{digits}f}"
    return f"{number:+.{digits}f}".replace("-", "−")


def display_value(column: str, value: Any) -> str:
    """``value`` of ``column`` written for a reader: shares as percentages with one decimal,
    counts with thousands separators, scores with the column's decimals, sentiment signed;
    missing values as an empty string.

    Example:
        >>> display_value("compound_mean", 0.0612), display_value("flesch_kincaid_grade", 11.234)
        ('+0.06', '11.2')
        >>> display_value("quote_share", float("nan"))
        ''
    """
    if value is None:
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(number):
        return ""
    found = spec(column)
    if found.percent:
        return f"{number:.{found.digits}%}"
    if found.limits == _SIGNED:
        return signed(number, found.digits)
    if found.digits == 0:
        return f"{number:,.0f}"
    return f"{number:,.{found.digits}f}"
