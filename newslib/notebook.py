"""Helpers for the notebooks in ``notebooks/``: load and analyse once, escape untrusted text,
write the findings as sentences computed from the data, and figures with widget controls.

The notebooks stay short because the work lives here: ``prepare(CORPUS)`` gives every table a
notebook needs, ``*_findings(data)`` return Markdown whose every number comes from the data, and
``figure_with_controls`` draws a default figure (what a headless run such as papermill shows)
and, in Jupyter, redraws it when a widget changes.

Article titles, speaker names and text are untrusted: everything that puts them into Markdown
or HTML goes through ``md_escape`` or ``html_table`` (``to_html(escape=True)``), so a
``<script>`` in an article is shown as text, never run.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from . import labels as _labels
from .analyze import analyze_tables
from .io import load as _load
from .loadreport import NoArticlesError, no_articles_message
from .quotes import speakers as _speakers
from .quotes.shares import pooled_voices
from .sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, QUOTED_THRESHOLD

__all__ = [
    "CorpusData",
    "prepare",
    "md_escape",
    "html_table",
    "Table",
    "show_markdown",
    "metric_words",
    "overview_findings",
    "readability_findings",
    "quotes_findings",
    "voices_findings",
    "top_speakers",
    "top_people",
    "top_people_by_source",
    "speaker_types",
    "speaker_genders",
    "attributions",
    "voice_sentiment",
    "sentences_by_voice",
    "sentiment_findings",
    "timeline_findings",
    "load_findings",
    "load_problems",
    "figure_with_controls",
    "dropdown",
    "month_slider",
    "month_options",
    "source_options",
    "select",
    "selection_caption",
    "article_choices",
    "article_picker",
]

_FREQ_WORDS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "h": "hour"}

# Markdown characters that would change how a title renders (emphasis, links, tables, code).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def metric_words(metric: str) -> str:
    """A metric's name for prose.

    Example:
        >>> metric_words("flesch_kincaid_grade"), metric_words("my_score")
        ('Flesch–Kincaid grade', 'my score')
    """
    return _labels.words(metric)


def md_escape(value: object) -> str:
    """Untrusted text (a title, a speaker) as Markdown that renders as exactly that text.

    HTML special characters become entities (so ``<script>`` is shown, never run) and Markdown
    punctuation is backslash-escaped; line breaks become spaces. NA becomes an empty string.

    Example:
        >>> md_escape("<script>alert('x')</script> *big* [news]")
        "&lt;script&gt;alert('x')&lt;/script&gt; \\\\*big\\\\* \\\\[news\\\\]"
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def html_table(
    frame: pd.DataFrame,
    *,
    float_format: str | None = None,
    max_chars: int = 80,
    formats: Mapping[str, str] | None = None,
) -> Table:
    """A DataFrame as a table a reader can read: a :class:`Table` that shows as HTML in
    Jupyter and in the report, and carries its data as CSV.

    Every cell is escaped and long text shortened to ``max_chars``. Headers are in words
    (``newslib.labels.header``: *Words*, not ``n_words``); numbers are written for a reader
    (``newslib.labels.display_value``: shares as percentages, counts with thousands
    separators, grades with one decimal, sentiment signed), or with ``formats[column]`` for
    the columns it names (a format, e.g. ``{"share": "{:.0%}"}``, or a newslib column to
    write them like, e.g. ``{"mean tone": "compound_mean"}``), or with ``float_format`` for other
    decimal columns (default ``{:,.2f}``). Dates are ``YYYY-MM-DD`` and never wrap; text is
    left-aligned and numbers right-aligned (inline styles, so JupyterLab and the report look
    the same). Missing values are empty cells, and a column without any value is left out.

    Example:
        >>> t = html_table(pd.DataFrame({"title": ["<b>x</b>"], "grade": [9.456],
        ...                              "n_words": [12345], "source": [None]}))
        >>> "&lt;b&gt;x&lt;/b&gt;" in t.data, "9.46" in t.data, "12,345" in t.data
        (True, True, True)
        >>> ">Words</th>" in t.data, "Source" in t.data  # a header in words; no empty column
        (True, False)
    """
    shown = frame.loc[:, [c for c in frame.columns if not _empty_column(frame[c])]]
    if not len(frame):
        shown = frame
    columns = []
    for name in shown.columns:
        col = shown[name]
        kind = _column_kind(col)
        if formats and name in formats:
            fmt = formats[name]
            if "{" not in fmt:  # the name of a newslib column: its way of writing numbers
                cells = [
                    _escape_cell(v, lambda v, like=fmt: _labels.display_value(like, v)) for v in col
                ]
            else:
                cells = [_escape_cell(v, lambda v, fmt=fmt: fmt.format(v)) for v in col]
        elif kind == "date":
            cells = [_escape_cell(v, _date_text) for v in col]
        elif kind == "number" and _is_numeric(col):
            write = _number_writer(str(name), col, float_format)
            cells = [_escape_cell(v, write) for v in col]
        else:
            cells = [_escape_cell(v, lambda v: _shorten(str(v), max_chars)) for v in col]
            if kind == "text" and all(len(html.unescape(c)) <= _SHORT_TEXT for c in cells):
                kind = "label"  # names, outlets, kinds: short enough never to break a line
        columns.append((_labels.header(str(name)), kind, cells))
    return Table(_table_html(columns, len(shown)), shown)


class Table:
    """A table shown by :func:`html_table`: ``data`` is its HTML, ``frame`` its values.

    In Jupyter it displays as HTML (``text/html``), with a ``text/csv`` copy of the data
    alongside (the report writes it to its take-away folder; Jupyter shows the HTML). The CSV
    has one header row of the column headers shown (share columns, which hold fractions, say
    ``(0–1)``), then the values at full precision: numbers unrounded, dates as stored, text
    unshortened; text that a spreadsheet would run as a formula is prefixed with ``'``.

    Example:
        >>> t = html_table(pd.DataFrame({"quote_share": [0.21432], "title": ["=1+2"]}))
        >>> print(t.csv(), end="")
        Quoted (0–1),Title
        0.21432,'=1+2
    """

    def __init__(self, html_text: str, frame: pd.DataFrame) -> None:
        self.data = html_text
        self.frame = frame

    def csv(self) -> str:
        """The table's data as CSV text (see the class)."""
        from .analyze import csv_safe

        headers = [
            _labels.header(str(c)) + (" (0–1)" if _labels.spec(str(c)).percent else "")
            for c in self.frame.columns
        ]
        out = csv_safe(self.frame.set_axis(headers, axis=1))
        return out.to_csv(index=False, lineterminator="\n")

    def _repr_html_(self) -> str:
        return self.data

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.data, "text/csv": self.csv(), "text/plain": repr(self)}

    def __repr__(self) -> str:
        return f"<newslib table: {len(self.frame):,} rows × {len(self.frame.columns)} columns>"


# Inline styles: JupyterLab renders text/html outputs with its own table CSS (numbers and
# text all right-aligned); a style attribute wins over it, in the notebook and the report.
_CELL_STYLE = {
    "text": "text-align:left",
    "number": "text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums",
    "date": "text-align:left;white-space:nowrap",
    "label": "text-align:left;white-space:nowrap",
}
_SHORT_TEXT = 24
_NUMBER_TEXT = re.compile(r"^\s*[−+-]?[\d,]*\.?\d+\s*%?\s*$")


def _empty_column(col: pd.Series) -> bool:
    """Whether a column holds no value at all (missing or blank text in every row)."""
    return all(_isna(v) or (isinstance(v, str) and not v.strip()) for v in col)


def _is_numeric(col: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)


def _column_kind(col: pd.Series) -> str:
    """'date', 'number' (numbers, or text that reads as a number such as '25%') or 'text'."""
    if pd.api.types.is_datetime64_any_dtype(col):
        return "date"
    if _is_numeric(col):
        return "number"
    values = [v for v in col if not _isna(v)]
    if values and all(isinstance(v, pd.Timestamp | _dt.date) for v in values):
        return "date"
    numeric = all(
        (isinstance(v, int | float | np.number) and not isinstance(v, bool))
        or (isinstance(v, str) and _NUMBER_TEXT.match(v))
        for v in values
    )
    return "number" if values and numeric else "text"


def _date_text(value: Any) -> str:
    return f"{value:%Y-%m-%d}"


def _number_writer(name: str, col: pd.Series, float_format: str | None) -> Callable[[Any], str]:
    """How to write the numbers of a column: its label's format when newslib knows the
    column, else ``float_format`` (decimals) or thousands separators (whole numbers)."""
    if _known_column(name):
        return lambda v: _labels.display_value(name, v)
    if pd.api.types.is_integer_dtype(col):
        return lambda v: f"{int(v):,}"
    fmt = float_format or "{:,.2f}"
    return lambda v: fmt.format(v)


def _known_column(name: str) -> bool:
    """Whether ``newslib.labels`` names ``name`` (a column newslib writes, or a timeline
    column derived from one, such as ``quote_share_ci_low``)."""
    derived = ("_ci_low", "_ci_high", "_n")
    return name in _labels.LABELS or any(
        name.endswith(s) and name[: -len(s)] in _labels.LABELS for s in derived
    )


def _escape_cell(value: Any, write: Callable[[Any], str]) -> str:
    return "" if _isna(value) else html.escape(write(value), quote=False)


def _table_html(columns: list[tuple[str, str, list[str]]], n_rows: int) -> str:
    head = "".join(
        f'<th style="{_CELL_STYLE[kind].split(";")[0]}">{html.escape(header, quote=False)}</th>'
        for header, kind, _ in columns
    )
    rows = []
    for i in range(n_rows):
        cells = "".join(f'<td style="{_CELL_STYLE[kind]}">{c[i]}</td>' for _, kind, c in columns)
        rows.append(f"<tr>{cells}</tr>")
    return (
        '<table class="newslib-table dataframe">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def show_markdown(text: str) -> None:
    """Display Markdown in the notebook (``text`` must already be escaped, see ``md_escape``)."""
    from IPython.display import Markdown, display

    display(Markdown(text))


def _isna(value: object) -> bool:
    return value is None or (not isinstance(value, str | list | tuple) and bool(pd.isna(value)))


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------------------------
# The data of a notebook
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusData:
    """Everything a notebook shows, computed once by ``prepare``.

    Attributes:
        corpus: what was loaded (the ``CORPUS`` parameter).
        raw: the loaded articles (with ``text``), as ``newslib.load`` returns them.
        articles: one row per article: metadata and every article-level score
            (``newslib.analyze``).
        sentences: one row per sentence with VADER scores, ``in_quote``, ``in_reported``
            and ``voice``.
        quotes: one row per quotation or piece of reported speech (and scare quote).
        speakers: one row per (article, speaker) of attributed speech, quoted or reported.
        people: one row per person (or organisation, or kind of unnamed source) across the
            corpus (``newslib.people``); ``quotes`` has each row's ``person_id``.
    """

    corpus: str
    raw: pd.DataFrame
    articles: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    speakers: pd.DataFrame
    people: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def group(self) -> str | None:
        """``"source"`` when the articles come from more than one source, else ``None``."""
        if "source" not in self.articles.columns:
            return None
        return "source" if self.articles["source"].dropna().nunique() > 1 else None

    @property
    def dated(self) -> pd.DataFrame:
        """The articles that have a date (a timeline cannot place the others)."""
        if "date" not in self.articles.columns:
            return self.articles.iloc[0:0]
        return self.articles[self.articles["date"].notna()]

    @property
    def sources(self) -> list[str]:
        """The distinct sources, sorted (empty when there is no source column)."""
        if "source" not in self.articles.columns:
            return []
        return sorted(self.articles["source"].dropna().unique().tolist())

    def title(self, article_id: str) -> str:
        """The title of an article, escaped for Markdown (its id when it has no title)."""
        rows = self.articles[self.articles["article_id"] == article_id]
        if rows.empty or "title" not in rows.columns or _isna(rows["title"].iloc[0]):
            return md_escape(article_id)
        return md_escape(rows["title"].iloc[0])

    def article_options(self) -> list[tuple[str, str]]:
        """``(label, article_id)`` pairs for an article picker, sorted by date then title."""
        cols = [c for c in ("date", "title", "article_id") if c in self.articles.columns]
        rows = self.articles[cols].sort_values(cols, na_position="last", kind="stable")
        options = []
        for row in rows.itertuples(index=False):
            date = getattr(row, "date", pd.NaT)
            title = getattr(row, "title", None)
            label = _shorten("" if _isna(title) else str(title), 60) or row.article_id
            if not pd.isna(date):
                label = f"{date:%Y-%m-%d} · {label}"
            options.append((label, row.article_id))
        return options

    def pick(self, article_id: str | None, metric: str, *, largest: bool = True) -> str | None:
        """``article_id`` if it is in the corpus, else the article with the largest (or
        smallest) ``metric``; ``None`` for an empty corpus. Ties go to the first article id."""
        ids = self.articles["article_id"]
        if article_id is not None:
            if not (ids == article_id).any():
                raise ValueError(
                    f"ARTICLE {article_id!r} is not in the corpus; use one of the article_id "
                    "values of data.articles, or None to let the notebook choose"
                )
            return article_id
        if self.articles.empty:
            return None
        values = pd.to_numeric(self.articles[metric], errors="coerce").astype(float)
        order = pd.DataFrame({"v": values.to_numpy(), "id": ids.to_numpy()}).dropna()
        if order.empty:
            return str(ids.sort_values().iloc[0])
        order = order.sort_values(["v", "id"], ascending=[not largest, True], kind="stable")
        return str(order["id"].iloc[0])


def prepare(
    corpus: str | os.PathLike | pd.DataFrame,
    *,
    load: Mapping[str, Any] | None = None,
    dedupe: str | None = None,
) -> CorpusData:
    """Load a corpus (a path, a glob or an article table) and run every analysis once.

    ``load`` holds the load options (the notebooks' ``LOAD`` parameter), as
    :func:`newslib.load` takes them, e.g. ``{"columns": {"body": "text"}, "tz": "UTC"}``.
    ``dedupe="near"`` (the ``DEDUPE`` parameter) counts each story once: near-duplicate
    articles are left out of every table (see :func:`newslib.analyze.analyze_tables`).
    A corpus that gives no article raises :class:`newslib.loadreport.NoArticlesError` with
    the load report's first reasons.

    Example:
        >>> data = prepare("seeds", load={"source_from": "auto"})
        >>> len(data.articles), data.group, len(data.sentences) > 0
        (1, None, True)
    """
    options = dict(load or {})
    if isinstance(corpus, pd.DataFrame):
        if options:
            raise ValueError("LOAD options apply when CORPUS is a path, not an article table")
        raw = corpus
    else:
        raw = _load(corpus, **options)
    if raw.empty:
        if isinstance(corpus, pd.DataFrame):
            raise NoArticlesError("the article table is empty; set CORPUS to articles")
        hint = (
            "set CORPUS to a folder or file of articles, and LOAD to the options the reasons "
            "ask for (e.g. LOAD = {'columns': {'body': 'text'}})"
        )
        raise NoArticlesError(
            no_articles_message(
                raw.attrs.get("load_report", []),
                raw.attrs.get("load_summary", {}),
                str(corpus),
                hint=hint,
            )
        )
    tables = analyze_tables(raw, dedupe=dedupe)
    if dedupe == "near":  # the articles left out are left out of every view
        raw = raw[raw["article_id"].isin(tables["articles"]["article_id"])]
    name = "a DataFrame" if isinstance(corpus, pd.DataFrame) else os.fspath(corpus)
    # Titles on the sentence rows let the sentence plots name their article.
    titles = (
        raw[["article_id", "title"]].astype({"article_id": "string"}) if "title" in raw else None
    )
    sentences = tables["sentences"]
    if titles is not None:
        sentences = sentences.merge(titles, on="article_id", how="left", validate="many_to_one")
    return CorpusData(
        corpus=name,
        raw=raw,
        articles=tables["articles"],
        sentences=sentences,
        quotes=tables["quotes"],
        speakers=_speakers(raw, quotes=_named_as_people(tables["quotes"])),
        people=tables["people"],
    )


def _named_as_people(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes with each named speaker written as its person (``newslib.people``): "Mr.
    Trump" and "Donald J. Trump" count as one speaker in the notebooks' speaker views."""
    if "person" not in quotes.columns:
        return quotes
    named = quotes["speaker"].notna() & quotes["person"].notna()
    return quotes.assign(speaker=quotes["speaker"].where(~named, quotes["person"]))


def _source_phrase(sources: list[str], *, names: bool) -> str:
    """' from one source, X' / ' from N sources' (with names); nothing when no source is
    named (the corpus has no source column, or it is empty)."""
    if not sources:
        return ""
    if len(sources) == 1:
        return f" from one source, {md_escape(sources[0])}"
    listed = f" ({', '.join(md_escape(x) for x in sources)})" if names else ""
    return f" from {len(sources)} sources{listed}"


def load_problems(data: CorpusData, *, rows: int | None = 50) -> pd.DataFrame:
    """The load report's rows for files (or table rows) skipped or repaired and folders that
    could not be read: ``status``, ``file`` (relative to the corpus folder when under it),
    ``line`` and ``reason``; the first ``rows``.

    Example:
        >>> list(load_problems(prepare("seeds")).columns)
        ['status', 'file', 'line', 'reason']
    """
    report = data.raw.attrs.get("load_report")
    columns = ["status", "file", "line", "reason"]
    if report is None or not len(report):
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(report)
    frame = frame[frame["status"].isin(["skipped", "repaired", "unread"])]
    base = data.corpus if os.path.isdir(data.corpus) else None

    def shown(path: object) -> object:
        if base is None or not isinstance(path, str) or not path.startswith(base + os.sep):
            return path
        return os.path.relpath(path, base)

    frame = frame.assign(file=frame["path"].map(shown))[columns].reset_index(drop=True)
    return frame if rows is None else frame.head(rows)


def load_findings(data: CorpusData) -> str:
    """One Markdown sentence about what loading the corpus left out (files skipped or
    repaired, folders not read), or that every file was read.

    Example:
        >>> load_findings(prepare("seeds"))
        'Every file was read: 1 file, no file skipped or repaired.'
    """
    summary = data.raw.attrs.get("load_summary")
    if not summary:
        return "The articles were given as a table: no file was read."
    seen, skipped = summary.get("files_seen", 0), summary.get("files_skipped", 0)
    repaired, unread = summary.get("repaired", 0), summary.get("folders_unread", 0)
    if not (skipped or repaired or unread):
        return f"Every file was read: {_plural(seen, 'file')}, no file skipped or repaired."
    parts = [f"{skipped:,} of {_plural(seen, 'file')} skipped"]
    if repaired:
        parts.append(f"{_plural(repaired, 'repair')} (files read with a fix, e.g. an encoding)")
    if unread:
        parts.append(f"{_plural(unread, 'folder')} that could not be read")
    shown = len(load_problems(data, rows=None))
    more = f" (the first 50 of {shown:,})" if shown > 50 else ""
    return (
        f"Loading the corpus left out or changed something: {', '.join(parts)}. The table "
        f"below lists each with the reason{more}; `newslib load` on the same corpus prints "
        "the whole load report."
    )


def describe(data: CorpusData) -> str:
    """One Markdown sentence saying what the corpus is.

    Example:
        >>> describe(prepare("seeds"))
        'This notebook reads **1 article** (375 words), dated 2023-04-04.'
    """
    a = data.articles
    words = int(_values(a, "n_words").sum())
    where = _source_phrase(data.sources, names=True)
    dated = data.dated
    if dated.empty:
        when = "none of them dated"
    else:
        first, last = dated["date"].min(), dated["date"].max()
        when = (
            f"dated {first:%Y-%m-%d}"
            if first.normalize() == last.normalize()
            else f"dated {first:%Y-%m-%d} to {last:%Y-%m-%d}"
        )
        if len(dated) < len(a):
            when += f" ({len(a) - len(dated):,} undated)"
    return f"This notebook reads **{_plural(len(a), 'article')}** ({words:,} words){where}, {when}."


def article_summary(articles: pd.DataFrame, *, rows: int | None = 15) -> pd.DataFrame:
    """The main columns of an article table (``data.articles`` or rows of it), by date
    (undated last), first ``rows`` rows.

    Example:
        >>> list(article_summary(prepare("seeds").articles).columns)[:3]
        ['date', 'source', 'title']
    """
    cols = [
        "date",
        "source",
        "title",
        "n_words",
        "flesch_kincaid_grade",
        "quote_share",
        "compound_mean",
    ]
    a = articles
    keys = [c for c in ("date", "article_id") if c in a.columns]
    order = a.sort_values(keys, na_position="last", kind="stable")
    out = order[[c for c in cols if c in a.columns]]
    return out if rows is None else out.head(rows)


def extremes(data: CorpusData, metric: str, *, n: int = 3) -> pd.DataFrame:
    """The ``n`` articles with the highest and the ``n`` with the lowest ``metric`` (each
    article once), highest first.

    Example:
        >>> extremes(prepare("seeds"), "n_words")["n_words"].tolist()
        [375]
    """
    a = data.articles.copy()
    a["_v"] = pd.to_numeric(a[metric], errors="coerce").astype(float)
    a = a.dropna(subset=["_v"]).sort_values(["_v", "article_id"], ascending=[False, True])
    keep = pd.concat([a.head(n), a.tail(n)]).drop_duplicates("article_id")
    cols = [c for c in ("date", "source", "title", metric) if c in keep.columns]
    return keep[cols].reset_index(drop=True)


def paragraph_scores(data: CorpusData, article_id: str, metric: str) -> pd.DataFrame:
    """Readability of each paragraph of one article (``newslib.readability`` at paragraph
    level), with the paragraph's first words as ``opening``.

    Example:
        >>> data = prepare("seeds")
        >>> len(paragraph_scores(data, data.articles["article_id"][0], "flesch_kincaid_grade"))
        7
    """
    from .readability import readability

    article = data.raw[data.raw["article_id"] == article_id]
    paras = readability(article, level="paragraph")
    text = str(article["text"].iloc[0]) if len(article) else ""
    paras["opening"] = [
        _shorten(text[s:e], 60) for s, e in zip(paras["start"], paras["end"], strict=True)
    ]
    return paras[["article_id", "paragraph", "opening", "ts_words", metric]]


def quote_table(data: CorpusData, article_id: str) -> pd.DataFrame:
    """The quotations and reported speech of one article: speaker, kind, cue and the text.

    Example:
        >>> data = prepare("seeds")
        >>> table = quote_table(data, data.articles["article_id"][0])
        >>> "Gleb Karakulov" in set(table["speaker"].dropna()), "indirect" in set(table["kind"])
        (True, True)
    """
    q = data.quotes[data.quotes["article_id"] == article_id]
    cols = [c for c in ("paragraph", "speaker", "kind", "cue", "n_words", "text") if c in q]
    return q[cols].reset_index(drop=True)


def extreme_sentences(data: CorpusData, article_id: str) -> pd.DataFrame:
    """The most negative and the most positive sentence of one article (one row if the
    article has a single sentence), numbered as in the sentences table and the sentence strip
    (from 0), with its voice.

    Example:
        >>> data = prepare("seeds")
        >>> pair = extreme_sentences(data, data.articles["article_id"][0])
        >>> pair["compound"].is_monotonic_increasing
        True
    """
    own = data.sentences[data.sentences["article_id"] == article_id]
    own = own.sort_values(["compound", "sentence"], kind="stable")
    both = pd.concat([own.head(1), own.tail(1)]).drop_duplicates("sentence")
    if "voice" in both.columns:
        # the voice as a reader names it, rather than the share of characters quoted
        both = both.assign(voice=both["voice"].astype("string").map(VOICE_LABELS))
        return both[["sentence", "compound", "voice", "text"]].reset_index(drop=True)
    return both[["sentence", "compound", "in_quote", "text"]].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Findings: Markdown sentences computed from the data
# --------------------------------------------------------------------------------------------


def _values(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series([], dtype=float)
    return pd.to_numeric(frame[column], errors="coerce").astype(float).dropna()


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _extreme(data: CorpusData, metric: str, *, largest: bool) -> tuple[str, float] | None:
    values = _values(data.articles, metric)
    if values.empty:
        return None
    article_id = data.pick(None, metric, largest=largest)
    value = float(data.articles.loc[data.articles["article_id"] == article_id, metric].iloc[0])
    return data.title(article_id), value


def _by_source(data: CorpusData, metric: str) -> pd.Series:
    """Median of ``metric`` per source (sources without a value left out), sorted by value."""
    if data.group is None:
        return pd.Series([], dtype=float)
    frame = data.articles[[data.group, metric]].copy()
    frame[metric] = pd.to_numeric(frame[metric], errors="coerce").astype(float)
    medians = frame.dropna().groupby(data.group, observed=True)[metric].median()
    return medians.sort_index().sort_values(kind="stable")


def _source_sentence(data: CorpusData, metric: str, fmt: str, high: str, low: str) -> list[str]:
    medians = _by_source(data, metric)
    if len(medians) < 2:
        return []
    top, bottom = medians.index[-1], medians.index[0]
    return [
        f"By source, **{md_escape(top)}** {high} (median {fmt.format(medians.iloc[-1])}) and "
        f"**{md_escape(bottom)}** {low} (median {fmt.format(medians.iloc[0])})."
    ]


def _bullets(sentences: Sequence[str]) -> str:
    return "\n".join(f"- {s}" for s in sentences)


def overview_findings(data: CorpusData) -> str:
    """What the corpus holds, as Markdown bullet points computed from ``data``.

    Example:
        >>> print(overview_findings(prepare("seeds")).splitlines()[0])
        - The corpus holds 1 article (375 words).
    """
    a = data.articles
    n = len(a)
    words = int(_values(a, "n_words").sum())
    where = _source_phrase(data.sources, names=False)
    out = [f"The corpus holds {_plural(n, 'article')} ({words:,} words){where}."]
    dated = data.dated
    undated = n - len(dated)
    if len(dated):
        first, last = dated["date"].min(), dated["date"].max()
        span = (
            f"{'The article' if len(dated) == 1 else 'All dated articles'} appeared on "
            f"{first:%Y-%m-%d}"
            if first.normalize() == last.normalize()
            else f"Dated articles run from {first:%Y-%m-%d} to {last:%Y-%m-%d}"
        )
        out.append(
            span
            + (
                f"; {_plural(undated, 'article')} {'has' if undated == 1 else 'have'} no date."
                if undated
                else "."
            )
        )
    else:
        out.append("No article has a date, so there is no timeline.")
    near = _near_duplicates_sentence(a)
    if near:
        out.append(near)
    lengths = _values(a, "n_words")
    if n > 1 and len(lengths):
        longest = _extreme(data, "n_words", largest=True)
        out.append(
            f"The median article is {lengths.median():,.0f} words long; the longest, "
            f"“{longest[0]}”, has {longest[1]:,.0f}."
        )
    grade = _values(a, "flesch_kincaid_grade")
    if len(grade):
        out.append(f"The median Flesch–Kincaid grade is {grade.median():.1f}.")
    quoted, total = _values(a, "quoted_words").sum(), _values(a, "total_words").sum()
    if total > 0:
        out.append(f"Quoted speech makes up {quoted / total:.1%} of all words.")
    compound = _values(data.sentences, "compound")
    if len(compound):
        out.append(
            f"Sentences average a VADER compound score of {compound.mean():+.2f} "
            "(from −1, most negative, to +1, most positive)."
        )
    return _bullets(out)


def _near_duplicates_sentence(articles: pd.DataFrame) -> str | None:
    """How many articles repeat another (``near_duplicate_of``, newslib.near_duplicates)."""
    if "near_duplicate_of" not in articles.columns or len(articles) < 2:
        return None
    repeats = articles["near_duplicate_of"].dropna()
    if not len(repeats):
        return "No article is a near-duplicate of another (no syndicated copies)."
    n, stories = len(repeats), _plural(repeats.nunique(), "story", "stories")
    return (
        f"{_plural(n, 'article')} {'is a near-duplicate' if n == 1 else 'are near-duplicates'} "
        f"of {stories} told first elsewhere in the corpus (syndicated copies with small edits); "
        'every figure counts them (`dedupe="near"` in `newslib.analyze` counts each story '
        "once)."
    )


def readability_findings(data: CorpusData, metric: str = "flesch_kincaid_grade") -> str:
    """How hard the articles are to read, as Markdown bullet points computed from ``data``.

    Articles without a value (an article without words has no readability: NaN) are left out
    of every figure, and a last bullet says how many there are.

    Example:
        >>> print(readability_findings(prepare("seeds")).splitlines()[0])  # doctest: +ELLIPSIS
        - With one article there is no distribution to compare: it scores 10.1 (...).
    """
    words = metric_words(metric)
    values = _values(data.articles, metric)
    missing = len(data.articles) - len(values)
    unscored = (
        [
            f"{_plural(missing, 'article')} {'has' if missing == 1 else 'have'} no {words} "
            "(a text without words has no readability) and "
            f"{'is' if missing == 1 else 'are'} left out."
        ]
        if missing
        else []
    )
    if values.empty:
        return _bullets([f"No article has a {words}, so there is nothing to compare."])
    if len(values) == 1:
        lead = "With one article" if not missing else f"With one article that has a {words}"
        return _bullets(
            [
                f"{lead} there is no distribution to compare: it scores "
                f"{values.iloc[0]:.1f} ({words}).",
                *unscored,
            ]
        )
    q1, median, q3 = values.quantile([0.25, 0.5, 0.75]).tolist()
    out = [
        f"The median article has a {words} of {median:.1f}; the middle half of the articles "
        f"lie between {q1:.1f} and {q3:.1f}."
    ]
    iqr = q3 - q1
    outliers = data.articles[
        (pd.to_numeric(data.articles[metric], errors="coerce") > q3 + 1.5 * iqr)
        | (pd.to_numeric(data.articles[metric], errors="coerce") < q1 - 1.5 * iqr)
    ]
    if len(outliers):
        # Name the most extreme few; a large corpus can have hundreds of outliers.
        far = (outliers[metric].astype(float) - median).abs().to_numpy()
        shown = outliers.assign(_far=far).sort_values(
            ["_far", "article_id"], ascending=[False, True], kind="stable"
        )
        names = ", ".join(
            f"“{data.title(i)}” ({v:.1f})"
            for i, v in zip(shown["article_id"][:5], shown[metric].astype(float)[:5], strict=True)
        )
        if len(shown) > 5:
            names += f" and {len(shown) - 5:,} more"
        out.append(
            f"{_plural(len(outliers), 'article')} {'lies' if len(outliers) == 1 else 'lie'} "
            "more than 1.5 interquartile ranges "
            f"outside the middle half: {names}."
        )
    else:
        out.append("No article lies more than 1.5 interquartile ranges outside the middle half.")
    hi = _extreme(data, metric, largest=True)
    lo = _extreme(data, metric, largest=False)
    # Reading ease rises as text gets easier; the grade indices rise as it gets harder.
    easier_is_higher = metric == "flesch_reading_ease"
    hardest, easiest = (lo, hi) if easier_is_higher else (hi, lo)
    out.append(
        f"The hardest read is “{hardest[0]}” ({hardest[1]:.1f}); the easiest is "
        f"“{easiest[0]}” ({easiest[1]:.1f})."
    )
    high, low = ("reads easiest", "hardest") if easier_is_higher else ("reads hardest", "easiest")
    out += _source_sentence(data, metric, "{:.1f}", high, low)
    return _bullets(out + unscored)


def quotes_findings(data: CorpusData) -> str:
    """Who is quoted and how much, as Markdown bullet points computed from ``data``.

    Example:
        >>> print(quotes_findings(prepare("seeds")).splitlines()[0])
        - 1 of 1 article (100%) quotes someone directly.
    """
    a = data.articles
    n = len(a)
    with_quotes = int((_values(a, "n_speakers") > 0).sum()) if "n_speakers" in a else 0
    out = [
        f"{with_quotes:,} of {_plural(n, 'article')} ({with_quotes / n:.0%}) "
        f"quote{'s' if n == 1 else ''} someone directly."
    ]
    quoted, total = _values(a, "quoted_words").sum(), _values(a, "total_words").sum()
    if total > 0:
        share = _values(a, "quote_share")
        out.append(
            f"Quoted speech makes up {quoted / total:.1%} of all words"
            + (f"; in the median article, {share.median():.1%}." if n > 1 else ".")
        )
        if "reported_words" in a.columns:
            reported = _values(a, "reported_words").sum()
            out.append(
                f"Reported speech (without quotation marks) adds {reported / total:.1%}, so "
                f"{(quoted + reported) / total:.1%} of all words are attributed to someone."
            )
    sp = data.speakers
    quoted_sp = sp[_values_or_zero(sp, "n_quotes") > 0] if "n_quotes" in sp else sp
    if len(quoted_sp):
        per = (
            quoted_sp.groupby("speaker", observed=True)
            .agg(
                quoted_words=("quoted_words", "sum"),
                n_quotes=("n_quotes", "sum"),
                n_articles=("article_id", "nunique"),
            )
            .reset_index()
            .sort_values(["quoted_words", "n_quotes", "speaker"], ascending=[False, False, True])
        )
        top = per.iloc[0]
        are = "is" if len(per) == 1 else "are"
        out.append(
            f"{_plural(len(per), 'person', 'people')} {are} quoted by name; the most quoted is "
            f"**{md_escape(top['speaker'])}**: {_plural(int(top['quoted_words']), 'word')} in "
            f"{_plural(int(top['n_quotes']), 'quotation')} across "
            f"{_plural(int(top['n_articles']), 'article')}."
        )
    else:
        out.append("No quotation could be attributed to a named speaker.")
    ranked = top_speakers(data, n=1)
    if len(ranked) and ranked["reported words"].iloc[0] > 0:
        who = ranked.iloc[0]
        out.append(
            f"Counting reported speech too, **{md_escape(who['speaker'])}** has the most "
            f"words attributed: {_plural(int(who['attributed words']), 'word')}, "
            f"{int(who['quoted words']):,} quoted and {int(who['reported words']):,} reported."
        )
    best = _extreme(data, "quote_share", largest=True)
    if best is not None and n > 1:
        out.append(f"The most quoted article is “{best[0]}”, {best[1]:.0%} quoted speech.")
    out += _source_sentence(data, "quote_share", "{:.0%}", "quotes most", "least")
    return _bullets(out)


def _values_or_zero(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce").astype(float).fillna(0)


def voices_findings(data: CorpusData) -> str:
    """Whose words the articles are (quoted, reported, the reporter's own), as Markdown
    bullet points computed from ``data``. Shares are pooled: the corpus's words summed.

    Example:
        >>> line = voices_findings(prepare("seeds")).splitlines()[0]
        >>> line.startswith("- Of the 375 words of the corpus, **"), "the reporter's own" in line
        (True, True)
    """
    a = data.articles
    if "reported_words" not in a.columns or not {"total_words", "quoted_words"} <= set(a):
        return _bullets(["Reported speech was not measured for these articles."])
    pooled = pooled_voices(a).iloc[0]
    total = int(pooled["total_words"])
    if not total:
        return _bullets(["There are no words to count."])
    q, r, o = (float(pooled[f"{v}_share"]) for v in ("quoted", "reported", "own"))
    pooled_note = " (all articles' words together)" if len(a) > 1 else ""
    if q + r == 0:
        return _bullets(
            [
                f"None of the {total:,} words of the corpus is quoted or reported: all are the "
                "reporter's own."
            ]
        )
    out = [
        f"Of the {total:,} words of the corpus{pooled_note}, **{q:.1%}** are quoted, "
        f"**{r:.1%}** reported and **{o:.1%}** the reporter's own."
    ]
    attributed = int(pooled["quoted_words"] + pooled["reported_words"])
    missed = int(pooled["reported_words"]) / attributed
    out.append(
        f"Counting only words inside quotation marks would miss {missed:.0%} of the words the "
        "articles attribute to someone."
    )
    if len(a) > 1:
        share = _values(a, "attributed_share")
        silent = int((_values_or_zero(a, "attributed_words") == 0).sum())
        out.append(
            f"In the median article, {share.median():.0%} of the words are attributed to "
            f"someone; {_plural(silent, 'article')} ({silent / len(a):.0%}) quote or report "
            "no one."
        )
    if data.group is not None:
        by = pooled_voices(a, by=data.group).dropna(subset=[data.group])
        by = by[by["total_words"] > 0].assign(
            attributed=lambda f: (f["quoted_share"] + f["reported_share"]).astype(float)
        )
        if len(by) >= 2:
            by = by.sort_values(["attributed", data.group], kind="stable")
            low, high = by.iloc[0], by.iloc[-1]
            out.append(
                f"By source, **{md_escape(high[data.group])}** gives the largest share of its "
                f"words to others ({high['attributed']:.0%} quoted or reported) and "
                f"**{md_escape(low[data.group])}** the smallest ({low['attributed']:.0%})."
            )
    return _bullets(out)


def top_speakers(data: CorpusData, n: int = 10) -> pd.DataFrame:
    """The ``n`` people with most attributed words over the corpus, quoted and reported side
    by side: ``speaker``, ``articles``, ``attributions``, ``quoted words``, ``reported words``,
    ``attributed words`` (column names a reader can read). Most attributed words first, then
    most quoted words, then by name.

    Example:
        >>> top_speakers(prepare("seeds")).columns.tolist()  # doctest: +NORMALIZE_WHITESPACE
        ['speaker', 'articles', 'attributions', 'quoted words', 'reported words',
         'attributed words']
    """
    sp = data.speakers
    columns = [
        "speaker",
        "articles",
        "attributions",
        "quoted words",
        "reported words",
        "attributed words",
    ]
    sp = sp[sp["speaker"].notna()] if "speaker" in sp else sp.iloc[0:0]
    if sp.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in columns}).astype(
            {"speaker": "string"}
        )
    quoted = _values_or_zero(sp, "quoted_words")
    attributed = _values_or_zero(sp, "attributed_words") if "attributed_words" in sp else quoted
    counts = _values_or_zero(sp, "n_attributions") if "n_attributions" in sp else None
    frame = pd.DataFrame(
        {
            "speaker": sp["speaker"].astype("string").to_numpy(),
            "article_id": sp["article_id"].to_numpy(),
            "quoted": quoted.to_numpy(),
            "attributed": np.maximum(attributed.to_numpy(), quoted.to_numpy()),
            "attributions": (
                counts if counts is not None else _values_or_zero(sp, "n_quotes")
            ).to_numpy(),
        }
    )
    per = (
        frame.groupby("speaker", sort=True)
        .agg(
            articles=("article_id", "nunique"),
            attributions=("attributions", "sum"),
            quoted=("quoted", "sum"),
            attributed=("attributed", "sum"),
        )
        .reset_index()
        .sort_values(["attributed", "quoted", "speaker"], ascending=[False, False, True])
        .head(n)
    )
    return pd.DataFrame(
        {
            "speaker": per["speaker"].astype("string"),
            "articles": per["articles"].astype("int64"),
            "attributions": per["attributions"].astype("int64"),
            "quoted words": per["quoted"].astype("int64"),
            "reported words": (per["attributed"] - per["quoted"]).astype("int64"),
            "attributed words": per["attributed"].astype("int64"),
        }
    ).reset_index(drop=True)


#: The voices of a sentence as the notebooks name them, in order.
VOICE_LABELS = {
    "quoted": "quoted",
    "reported": "reported",
    "narration": "the reporter's own",
}
#: Their colours (``newslib.plot.VOICE_COLOURS``, with a grey dark enough for box plots).
VOICE_PALETTE = ("#E69F00", "#56B4E9", "#8C8C8C")


def sentences_by_voice(data: CorpusData) -> pd.DataFrame:
    """``data.sentences`` with ``voice`` as an ordered categorical of reader labels (quoted,
    reported, the reporter's own), for plots grouped by voice (colours: ``VOICE_PALETTE``).

    Example:
        >>> list(sentences_by_voice(prepare("seeds"))["voice"].cat.categories)
        ['quoted', 'reported', "the reporter's own"]
    """
    s = data.sentences.copy()
    voice = s["voice"] if "voice" in s.columns else pd.Series(pd.NA, index=s.index)
    s["voice"] = pd.Categorical(
        voice.astype("string").map(VOICE_LABELS, na_action="ignore"),
        categories=list(VOICE_LABELS.values()),
        ordered=True,
    )
    return s


def voice_sentiment(data: CorpusData) -> pd.DataFrame:
    """Sentence sentiment per voice over the whole corpus: ``voice``, ``sentences``,
    ``share of sentences``, ``mean sentiment`` (of the compound scores; NA without sentences),
    ``negative sentences``
    and ``positive sentences`` (shares of the voice's sentences at VADER's ±0.05 cut-offs).

    Example:
        >>> voice_sentiment(prepare("seeds"))["voice"].tolist()
        ['quoted', 'reported', "the reporter's own"]
    """
    s = sentences_by_voice(data)
    compound = pd.to_numeric(s["compound"], errors="coerce").astype(float)
    rows = []
    for label in VOICE_LABELS.values():
        c = compound[(s["voice"] == label).to_numpy(dtype=bool)]
        rows.append(
            {
                "voice": label,
                "sentences": len(c),
                "share of sentences": len(c) / len(s) if len(s) else np.nan,
                "mean sentiment": c.mean() if len(c) else np.nan,
                "negative sentences": float((c <= NEGATIVE_THRESHOLD).mean()) if len(c) else np.nan,
                "positive sentences": float((c >= POSITIVE_THRESHOLD).mean()) if len(c) else np.nan,
            }
        )
    return pd.DataFrame(rows).astype({"voice": "string", "sentences": "int64"})


def sentiment_findings(data: CorpusData) -> str:
    """The tone of the corpus, as Markdown bullet points computed from ``data``.

    Example:
        >>> print(sentiment_findings(prepare("seeds")).splitlines()[0])  # doctest: +ELLIPSIS
        - The 20 sentences average a VADER compound score of -0.17: 55% are negative ...
    """
    s = data.sentences
    compound = _values(s, "compound")
    if compound.empty:
        return _bullets(["There are no sentences to score."])
    neg = float((compound <= NEGATIVE_THRESHOLD).mean())
    pos = float((compound >= POSITIVE_THRESHOLD).mean())
    out = [
        f"The {_plural(len(compound), 'sentence')} average a VADER compound score of "
        f"{compound.mean():+.2f}: {neg:.0%} are negative (compound ≤ {NEGATIVE_THRESHOLD}) "
        f"and {pos:.0%} positive (≥ {POSITIVE_THRESHOLD})."
    ]
    if "voice" in s.columns and s["voice"].notna().any():
        by = voice_sentiment(data).set_index("voice")
        parts = [
            f"{label} sentences ({int(by.loc[label, 'sentences']):,}) "
            + (
                f"average {by.loc[label, 'mean sentiment']:+.2f}"
                if by.loc[label, "sentences"]
                else "do not occur"
            )
            for label in ("quoted", "reported")
        ]
        own = by.loc["the reporter's own"]
        parts.append(
            f"the reporter's own ({int(own['sentences']):,}) "
            + (f"{own['mean sentiment']:+.2f}" if own["sentences"] else "none")
        )
        out.append(f"{parts[0][0].upper()}{parts[0][1:]}, {parts[1]}, {parts[2]}.")
        voice = s["voice"].astype("string")
        others = s.loc[voice.isin(["quoted", "reported"]).fillna(False).to_numpy(bool), "compound"]
        narration = s.loc[(voice == "narration").fillna(False).to_numpy(bool), "compound"]
        if len(others) and len(narration):
            diff = float(others.mean()) - float(narration.mean())
            # Differences under 0.05 (VADER's own neutral band) are not worth a claim.
            if abs(diff) < 0.05:
                tone = "about as positive as"
            else:
                tone = "more positive than" if diff > 0 else "more negative than"
            out.append(
                f"Other people's words (quoted or reported, {len(others):,} sentences, "
                f"{others.mean():+.2f}) sound {tone} the reporters' own ({narration.mean():+.2f})."
            )
        elif len(narration):
            out.append(
                "No sentence is mostly other people's words, so they cannot be compared with "
                "the reporters' own."
            )
    elif "in_quote" in s.columns:
        in_quote = pd.to_numeric(s["in_quote"], errors="coerce").astype(float)
        quoted = s.loc[in_quote >= QUOTED_THRESHOLD, "compound"].astype(float)
        if len(quoted):
            out.append(f"Quoted sentences ({len(quoted):,}) average {quoted.mean():+.2f}.")
    if len(data.articles) > 1:
        low = _extreme(data, "compound_mean", largest=False)
        high = _extreme(data, "compound_mean", largest=True)
        if low is not None:
            out.append(
                f"The most negative article is “{low[0]}” ({low[1]:+.2f}); the most positive "
                f"is “{high[0]}” ({high[1]:+.2f})."
            )
    out += _source_sentence(data, "compound_mean", "{:+.2f}", "is most positive", "most negative")
    return _bullets(out)


def _freq_base(freq: str | None) -> str:
    """ "M" for "M"/"MS"/"ME", "W" for "W-SAT", "Y" for "Y-DEC"/"A", ...: the calendar unit."""
    if not freq:
        return ""
    base = freq.split("-")[0]
    if base[:1] == "A":
        return "Y"
    return base[0] if base[:1] in ("M", "Q", "Y") else base


def _period_label(period: pd.Timestamp, freq: str | None) -> str:
    """A period in words: "September 2016", "Q3 2016", "the week of 5 September 2016", ..."""
    base = _freq_base(freq)
    day = f"{period.day} {period:%B %Y}"
    if base == "M":
        return f"{period:%B %Y}"
    if base == "Y":
        return f"{period:%Y}"
    if base == "Q":
        return f"Q{period.quarter} {period.year}"
    if base == "D":
        return day
    if base == "h":
        return f"{day}, {period:%H}:00"
    return f"the {_FREQ_WORDS.get(base, 'period')} of {day}"


def _period_days(period: pd.Timestamp, freq: str, first: Any, last: Any) -> int:
    """Calendar days of ``period`` between the dates ``first`` and ``last`` (inclusive)."""
    start = period.tz_localize(None) if period.tzinfo is not None else period
    whole = pd.Period(start, freq=freq)
    lo, hi = whole.start_time.normalize(), whole.end_time.normalize()
    if first is not None:
        lo = max(lo, pd.Timestamp(first).tz_localize(None).normalize())
    if last is not None:
        hi = min(hi, pd.Timestamp(last).tz_localize(None).normalize())
    return (hi - lo).days + 1


def _statistic_words(timeline: pd.DataFrame, metric: str) -> str:
    """ "the mean of articles' share of words quoted", "the pooled share of words quoted
    (all quoted words over all words)", ..."""
    statistic = timeline.attrs.get("statistic", timeline.attrs.get("agg", "mean"))
    what = metric_words(metric)
    if statistic == "pooled":
        pair = (timeline.attrs.get("ratios") or {}).get(metric)
        parts = f" (all {_labels.words(pair[0])} over all {_labels.words(pair[1])})" if pair else ""
        return f"the pooled {what}{parts}"
    return f"the {statistic} of articles' {what}"


def _spread_words(metric: str, spread: float) -> str:
    found = _labels.spec(metric)
    if found.percent:
        return f"{spread * 100:.1f} percentage points"
    return f"{spread:,.{found.digits}f}"


def timeline_findings(
    data: CorpusData,
    timeline: pd.DataFrame | None = None,
    *,
    metric: str,
    freq: str | None = None,
    agg: str = "mean",
) -> str:
    """How the corpus changes over time, as Markdown bullet points computed from ``data``.

    ``timeline`` is ``newslib.timeline(data.dated, freq=freq, metrics=[metric], agg=agg)``
    (computed when not given; ``freq=None`` picks the period from the span of the dates). A
    first or last period the articles cover only in part (``timeline["partial"]``) is left out
    of the busiest-period and rose/fell comparisons, and the bullets say so. The metric is named
    in words together with its statistic ("the mean of articles' share of words quoted", "the
    pooled share of words quoted").

    Example:
        >>> print(timeline_findings(prepare("seeds"), metric="compound_mean"))
        - The dated article falls on 4 April 2023.
        >>> print(timeline_findings(prepare("seeds"), metric="compound_mean", freq="M"))
        - The dated article falls in April 2023.
    """
    from .timeline import timeline as _timeline

    dated = data.dated
    undated = len(data.articles) - len(dated)
    if dated.empty:
        return _bullets(["No article has a date, so there is no timeline to describe."])
    if timeline is None:
        timeline = _timeline(dated, freq=freq, metrics=[metric], agg=agg)
    freq = timeline.attrs.get("freq") or freq or "M"
    word = _FREQ_WORDS.get(_freq_base(freq), "period")
    counts = timeline.groupby("period", sort=True)["n_articles"].sum()
    if "partial" in timeline.columns:
        partial = timeline.groupby("period", sort=True)["partial"].any()
    else:
        partial = pd.Series(False, index=counts.index)
    left_out = (
        f"; {_plural(undated, 'undated article')} {'is' if undated == 1 else 'are'} left out"
        if undated
        else ""
    )
    if len(counts) == 1:
        return _bullets(
            [
                (
                    "The dated article falls"
                    if len(dated) == 1
                    else f"All {len(dated):,} dated articles fall"
                )
                + (" on " if _freq_base(freq) == "D" else " in ")
                + f"{_period_label(counts.index[0], freq)}{left_out}."
            ]
        )
    out = [
        f"{_plural(len(dated), 'dated article')} spread over {len(counts)} {word}s, from "
        f"{_period_label(counts.index[0], freq)} to {_period_label(counts.index[-1], freq)}"
        f"{left_out}."
    ]
    # A period the articles cover only in part has fewer articles (and a noisier value) for
    # want of days, not of news: it is not compared with the full ones.
    cut = [p for p in counts.index if bool(partial.get(p, False))]
    if cut:
        first, last = timeline.attrs.get("first_date"), timeline.attrs.get("last_date")
        days = [f"({_plural(_period_days(p, freq, first, last), 'day')})" for p in cut]
        if len(cut) == 1:  # "September 2016 is partial (7 days) and ..."
            text = f"{_period_label(cut[0], freq)} is partial {days[0]}"
        else:
            text = " and ".join(
                f"{_period_label(p, freq)} {d}" for p, d in zip(cut, days, strict=True)
            )
            text += " are partial"
        out.append(f"{text[:1].upper()}{text[1:]} and left out of the comparison.")
    complete = counts[~counts.index.isin(cut)]
    empty = int((counts == 0).sum())
    if len(complete):
        busiest = complete.idxmax()
        out.append(
            f"The busiest {'full ' if cut else ''}{word} is {_period_label(busiest, freq)} with "
            f"{_plural(int(complete.max()), 'article')}"
            + (f"; {_plural(empty, word)} without any article." if empty else ".")
        )
    if timeline.attrs.get("by") is None and metric in timeline.columns:
        series = timeline.set_index("period")[metric].astype("Float64").dropna()
        series = series[~series.index.isin(cut)]
        if len(series) >= 2:
            first_value, last_value = float(series.iloc[0]), float(series.iloc[-1])
            change = (
                "rose"
                if last_value > first_value
                else "fell"
                if last_value < first_value
                else "stayed"
            )
            what = _statistic_words(timeline, metric)
            out.append(
                f"{what[:1].upper() + what[1:]} {change} from "
                f"{_labels.display_value(metric, first_value)} in "
                f"{_period_label(series.index[0], freq)} to "
                f"{_labels.display_value(metric, last_value)} in "
                f"{_period_label(series.index[-1], freq)}."
            )
            out.append(
                f"It peaks in {_period_label(series.idxmax(), freq)} at "
                f"{_labels.display_value(metric, float(series.max()))}; the values per "
                f"{'full ' if cut else ''}{word} span "
                f"{_spread_words(metric, float(series.max() - series.min()))}."
            )
    return _bullets(out)


# The widgets of the Explore sections live in their own module; the notebooks reach them as
# nb.<name>.
# The people views live in their own module; the notebooks reach them as nb.<name>.
from .notebook_people import (  # noqa: E402
    attributions,
    speaker_genders,
    speaker_types,
    top_people,
    top_people_by_source,
)
from .notebook_widgets import (  # noqa: E402
    article_choices,
    article_picker,
    dropdown,
    figure_with_controls,
    month_options,
    month_slider,
    select,
    selection_caption,
    source_options,
)
