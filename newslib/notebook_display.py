"""Showing untrusted text and tables in the notebooks and the report: ``md_escape`` for
Markdown, ``html_table`` (a :class:`Table`: HTML for the reader, CSV for the take-away folder)
and ``show_markdown``. The notebooks reach these as ``nb.<name>`` (``newslib.notebook``).

Article titles, speaker names and text are untrusted: everything that puts them into Markdown
or HTML goes through ``md_escape`` or ``html_table`` (``to_html(escape=True)``), so a
``<script>`` in an article is shown as text, never run.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from . import labels as _labels

__all__ = ["md_escape", "html_table", "Table", "show_markdown", "metric_words"]

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
