"""The widgets of the notebooks' Explore sections: dropdowns, a month-range slider, a
searchable article picker, and figures redrawn under their controls with a caption naming what
they show. Without ipywidgets (or without a live kernel) each control is its default value and
the figure is drawn once. The notebooks reach these as ``nb.<name>`` (``newslib.notebook``).
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .notebook import (
    CorpusData,
    prepare,  # noqa: F401  (the examples below use it)
)
from .notebook_display import _isna, _shorten
from .notebook_findings import _plural

__all__ = [
    "dropdown",
    "month_slider",
    "figure_with_controls",
    "selection_caption",
    "source_options",
    "article_choices",
    "article_picker",
    "month_options",
    "select",
]


def dropdown(options: Sequence[Any], value: Any = None, description: str = "") -> Any:
    """An ipywidgets ``Dropdown`` (``options``: values or ``(label, value)`` pairs; ``value``
    defaults to the first option); without ipywidgets, just the default value.

    The option is chosen by position, so an option whose value is ``None`` ("all sources")
    shows its label rather than an empty box.

    Example:
        >>> w = dropdown([("all sources", None), ("A", "A")], description="Source")
        >>> w.label, w.value
        ('all sources', None)
    """
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    default = value if value is not None or not values else values[0]
    if values and default not in values:
        raise ValueError(f"{default!r} is not one of the options {values!r}")
    try:
        from ipywidgets import Dropdown
    except ImportError:  # pragma: no cover - ipywidgets is a dependency
        return default
    index = values.index(default) if values else None
    return Dropdown(options=list(options), index=index, description=description)


def month_slider(data: CorpusData, description: str = "Months") -> Any:
    """A range slider over the months of the dated articles, set to the whole range;
    ``None`` (no filter) when there are no dated articles or no ipywidgets.

    Its readout ("Nov 2015-Mar 2016") fits the slider's readout box, which ipywidgets caps at
    about 150 pixels whatever the layout: the month labels are short and the widget has a fixed
    width, so it is not squeezed (and its readout cut) beside other controls.

    Example:
        >>> slider = month_slider(prepare("seeds"))
        >>> slider.value[0].strftime("%Y-%m"), slider.layout.width
        ('2023-04', '34em')
    """
    months = month_options(data)
    if not months:
        return None
    try:
        from ipywidgets import Layout, SelectionRangeSlider
    except ImportError:  # pragma: no cover - ipywidgets is a dependency
        return None
    return SelectionRangeSlider(
        options=months,
        index=(0, len(months) - 1),
        description=description,
        # Fixed width (no flex shrinking in an HBox) and a description as wide as its text.
        layout=Layout(width="34em", flex="0 0 auto"),
        style={"description_width": "initial"},
    )


# --------------------------------------------------------------------------------------------
# Figures with controls
# --------------------------------------------------------------------------------------------


def figure_with_controls(
    draw: Callable[..., Any],
    controls: Mapping[str, Any],
    *,
    figsize: tuple[float, float] = (8.0, 4.0),
    articles: pd.DataFrame | None = None,
    caption: Callable[..., str] | None = None,
) -> Any:
    """Show ``draw(ax=ax, **values)`` under widget controls and redraw it when they change.

    ``controls`` maps ``draw``'s keyword names to ipywidgets (e.g. a ``Dropdown``) or, without
    ipywidgets, to plain default values. The figure for the controls' initial values is
    displayed as an ordinary image output, so a headless run (papermill, nbconvert, a report)
    shows a sensible default; in Jupyter, changing a control replaces that image in place.
    Returns the display handle of the figure; its ``caption`` is the caption widget (``None``
    without widget controls).

    A caption line between the controls and the figure says what the figure shows, and is
    rewritten with every redraw: ``caption(**values)`` when given, else
    :func:`selection_caption` of the controls, which counts the rows of ``articles`` that the
    ``source`` and ``months`` controls select (e.g. "Flesch–Kincaid grade — politico,
    Jan–Mar 2016, 120 articles").

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> handle = figure_with_controls(lambda ax, n: ax.plot(range(n)), {"n": 3})
        Figure(800x400)
    """
    import matplotlib.pyplot as plt
    from IPython.display import DisplayHandle, display

    def values() -> dict[str, Any]:
        return {k: getattr(w, "value", w) for k, w in controls.items()}

    def render() -> Any:
        fig, ax = plt.subplots(figsize=figsize, layout="constrained")
        draw(ax=ax, **values())
        plt.close(fig)  # shown through the display handle only, not again at cell end
        return fig

    def caption_html() -> str:
        text = caption(**values()) if caption is not None else None
        if text is None:
            text = selection_caption(controls, articles=articles)
        # Titles and sources are untrusted: the caption is text, never markup.
        return f'<span class="newslib-caption"><b>Showing:</b> {html.escape(text)}</span>'

    widgets = [w for w in controls.values() if hasattr(w, "observe")]
    label = None
    if widgets:
        from ipywidgets import HTML, HBox, Layout, VBox

        label = HTML(caption_html(), layout=Layout(margin="4px 0 0 8px"))
        # Wrap the controls onto a second row rather than squeezing (and cutting) them.
        row = HBox(widgets, layout=Layout(flex_flow="row wrap", align_items="flex-start"))
        display(VBox([row, label]))
    # A handle of our own (display(..., display_id=True) gives None outside IPython).
    handle = DisplayHandle()
    handle.display(render())

    def redraw(_change: object) -> None:
        if label is not None:
            label.value = caption_html()
        handle.update(render())

    for widget in widgets:
        widget.observe(redraw, names="value")
    handle.caption = label
    return handle


def _month_range(months: tuple[Any, Any]) -> str:
    """'Mar 2016', 'Jan–Mar 2016' or 'Nov 2015–Feb 2016' for a (first, last) month pair."""
    lo, hi = pd.Timestamp(months[0]), pd.Timestamp(months[1])
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo:%b %Y}"
    if lo.year == hi.year:
        return f"{lo:%b}–{hi:%b %Y}"
    return f"{lo:%b %Y}–{hi:%b %Y}"


def _is_month_range(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, pd.Timestamp | np.datetime64) for v in value)
    )


def selection_caption(controls: Mapping[str, Any], *, articles: pd.DataFrame | None = None) -> str:
    """What a figure under ``controls`` shows, in words: each control's chosen label (a month
    range as "Jan–Mar 2016", a number with the control's name, "top 10"), the first one set
    apart by a dash and capitalised, then how many rows of ``articles`` the ``source`` and
    ``months`` controls select. Plain values (not widgets) are fixed and not named.

    Example:
        >>> import ipywidgets as w
        >>> dates = pd.to_datetime(["2016-01-05", "2016-03-09", "2016-02-01"])
        >>> arts = pd.DataFrame({"source": ["A", "A", "B"], "date": dates})
        >>> months = [(f"{m:%Y-%m}", m) for m in pd.date_range("2016-01-01", periods=3, freq="MS")]
        >>> controls = {
        ...     "metric": w.Dropdown(options=[("Flesch–Kincaid grade", "fk")]),
        ...     "source": w.Dropdown(options=[("all sources", None), ("A", "A")], value="A"),
        ...     "months": w.SelectionRangeSlider(options=months, index=(0, 2)),
        ...     "top": w.Dropdown(options=[5, 10], value=10, description="Top"),
        ... }
        >>> selection_caption(controls, articles=arts)
        'Flesch–Kincaid grade — A, Jan–Mar 2016, top 10, 2 articles'
    """
    parts: list[str] = []
    values: dict[str, Any] = {}
    for name, control in controls.items():
        if not hasattr(control, "observe"):
            continue
        value = values[name] = control.value
        label = getattr(control, "label", None)
        if _is_month_range(value):
            parts.append(_month_range(value))
        elif isinstance(label, str) and label:
            text = " ".join(label.split())
            number = isinstance(value, int | float | np.number) and not isinstance(value, bool)
            description = str(getattr(control, "description", "") or "").strip().lower()
            parts.append(f"{description} {text}" if number and description else text)
    if articles is not None:
        months = values.get("months")
        chosen = select(
            articles,
            source=values.get("source"),
            months=months if _is_month_range(months) else None,
        )
        parts.append(_plural(len(chosen), "article"))
    if not parts:
        return ""
    first = parts[0][:1].upper() + parts[0][1:]  # "Mean sentence sentiment — …"
    return first + (" — " + ", ".join(parts[1:]) if len(parts) > 1 else "")


def source_options(data: CorpusData) -> list[tuple[str, str | None]]:
    """``(label, value)`` pairs for a source picker: all sources, then each one."""
    return [("all sources", None)] + [(s, s) for s in data.sources]


# Characters that would break a one-line label: control characters and line separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(value: object) -> str:
    return "" if _isna(value) else " ".join(_CONTROL.sub(" ", str(value)).split())


def article_choices(data: CorpusData | pd.DataFrame, *, width: int = 80) -> list[tuple[str, str]]:
    """``(label, article_id)`` pairs for an article picker, sorted by date (undated last), then
    source, title and id.

    A label reads "YYYY-MM-DD · source · title" with the parts the article has (the title on
    one line, shortened to ``width`` characters; the id when there is no title). Labels that
    would repeat (the same date, source and title) end with " · id <article_id>", so each
    label names one article. Labels are plain text: show them as text, or escape them.

    Example:
        >>> arts = pd.DataFrame({
        ...     "article_id": ["a", "b", "c"], "title": ["Storm", "Storm", "Ferry\\nline"],
        ...     "source": ["Gazette", "Gazette", None],
        ...     "date": pd.to_datetime(["2024-01-02", "2024-01-02", None])})
        >>> for label, article_id in article_choices(arts):
        ...     print(article_id, label)
        a 2024-01-02 · Gazette · Storm · id a
        b 2024-01-02 · Gazette · Storm · id b
        c Ferry line
    """
    frame = data.articles if isinstance(data, CorpusData) else data
    cols = [c for c in ("date", "source", "title", "article_id") if c in frame.columns]
    rows = frame[cols].sort_values(cols, na_position="last", kind="stable")
    labels, ids = [], []
    for row in rows.itertuples(index=False):
        article_id = str(row.article_id)
        title = _shorten(_one_line(getattr(row, "title", None)), width) or article_id
        parts = [title]
        source = _one_line(getattr(row, "source", None))
        if source:
            parts.insert(0, _shorten(source, 40))
        date = getattr(row, "date", pd.NaT)
        if not _isna(date):
            parts.insert(0, f"{pd.Timestamp(date):%Y-%m-%d}")
        labels.append(" · ".join(parts))
        ids.append(article_id)
    counts = Counter(labels)
    labels = [
        f"{label} · id {_shorten(article_id, 40)}" if counts[label] > 1 else label
        for label, article_id in zip(labels, ids, strict=True)
    ]
    # Still the same (shortened ids alike): number them, so no two labels are equal.
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return list(zip(unique, ids, strict=True))


@functools.cache
def _article_picker_class() -> type:
    """The picker's widget class, built on first use (ipywidgets is imported only then)."""
    import ipywidgets as w
    import traitlets

    class ArticlePicker(w.VBox):
        """A search box over a list of articles; ``value`` is the chosen article's id."""

        value = traitlets.Unicode(allow_none=True)

        def __init__(
            self,
            choices: list[tuple[str, str]],
            value: str | None,
            description: str,
            limit: int,
        ) -> None:
            self.choices = choices
            self.limit = limit
            self._labels = {article_id: label for label, article_id in choices}
            # What a query is matched against: the label (date, source, title) and the id.
            self._haystack = [f"{label} {article_id}".casefold() for label, article_id in choices]
            self._syncing = False
            self.search = w.Text(
                description=description,
                placeholder="words of a title, a source or a date (2016-01)",
                continuous_update=True,
                layout=w.Layout(width="56em", max_width="100%"),
            )
            self.list = w.Select(
                options=[], rows=8, description=" ", layout=w.Layout(width="56em", max_width="100%")
            )
            self.status = w.HTML(layout=w.Layout(margin="0 0 0 92px"))
            super().__init__([self.search, self.list, self.status])
            self.value = value
            self._refilter()
            self.search.observe(lambda _change: self._refilter(), names="value")
            self.list.observe(self._on_select, names="value")
            self.observe(self._on_value, names="value")

        @traitlets.validate("value")
        def _known(self, proposal: Any) -> str | None:
            if proposal.value is not None and proposal.value not in self._labels:
                raise traitlets.TraitError(f"no article with id {proposal.value!r}")
            return proposal.value

        @property
        def label(self) -> str | None:
            """The chosen article's label (what a caption shows)."""
            return self._labels.get(self.value) if self.value is not None else None

        def matches(self, query: str) -> list[tuple[str, str]]:
            """Every ``(label, id)`` whose label or id holds each word of ``query``
            (any case)."""
            words = query.casefold().split()
            if not words:
                return list(self.choices)
            return [
                choice
                for choice, text in zip(self.choices, self._haystack, strict=True)
                if all(word in text for word in words)
            ]

        def _refilter(self) -> None:
            query = self.search.value
            found = self.matches(query)
            shown = found[: self.limit]
            # The chosen article stays in view while the query still matches it.
            if self.value is not None and self.value not in {i for _, i in shown}:
                if any(i == self.value for _, i in found):
                    shown = [(self._labels[self.value], self.value)] + shown[: self.limit - 1]
            self._syncing = True
            try:
                self.list.index = None
                self.list.options = shown
                if any(i == self.value for _, i in shown):
                    self.list.value = self.value
            finally:
                self._syncing = False
            self.status.value = self._status(query, len(found), len(shown))

        def _status(self, query: str, found: int, shown: int) -> str:
            total = len(self.choices)
            if not query.strip():
                text = f"{_plural(total, 'article')}."
            elif not found:
                text = f"No article matches “{' '.join(query.split())}”."
            else:
                text = f"{found:,} of {_plural(total, 'article')} match."
            if shown < found:
                text += f" The first {shown:,} are listed; type more words to narrow the list."
            return f'<span style="color: #555">{html.escape(text)}</span>'

        def _on_select(self, change: Any) -> None:
            if not self._syncing and change.new is not None:
                self.value = change.new

        def _on_value(self, change: Any) -> None:
            if self._syncing:
                return
            if any(i == change.new for _, i in self.list.options):
                self._syncing = True
                try:
                    self.list.value = change.new
                finally:
                    self._syncing = False
            elif change.new not in {i for _, i in self.matches(self.search.value)}:
                self.search.value = ""  # a query that hides the chosen article goes
            else:
                self._refilter()

    return ArticlePicker


def article_picker(
    data: CorpusData | pd.DataFrame,
    value: str | None = None,
    description: str = "Article",
    *,
    limit: int = 50,
) -> Any:
    """A searchable article picker: a text box that filters a list of articles as you type.

    Each word typed must occur in an article's label ("YYYY-MM-DD · source · title", see
    :func:`article_choices`) or id, in any case; the list shows the first ``limit`` matches,
    so thousands of articles stay quick to search, and a line under it says how many match.
    Clicking an article sets the picker's ``value`` to its ``article_id`` (``value`` to start
    with, else the first article), so it works as a control of :func:`figure_with_controls`.
    Without ipywidgets, just the starting article id.

    Example:
        >>> picker = article_picker(prepare("seeds"))
        >>> picker.search.value = "no such words"
        >>> picker.list.options, picker.value == picker.choices[0][1]
        ((), True)
    """
    choices = article_choices(data)
    ids = {article_id for _, article_id in choices}
    if value is not None and value not in ids:
        raise ValueError(
            f"ARTICLE {value!r} is not in the corpus; use one of the article_id values of "
            "data.articles, or None"
        )
    start = value if value is not None else (choices[0][1] if choices else None)
    try:
        cls = _article_picker_class()
    except ImportError:  # pragma: no cover - ipywidgets is a dependency
        return start
    return cls(choices, start, description, limit)


def month_options(data: CorpusData) -> list[tuple[str, pd.Timestamp]]:
    """``(label, month start)`` pairs for a date-range slider over the dated articles.

    Labels are short ("Nov 2015") so a range readout fits; with time-zone-aware dates the
    months are those of the dates' own zone and the month starts are aware too (so ``select``
    can compare them with the dates).

    Example:
        >>> month_options(prepare("seeds"))
        [('Apr 2023', Timestamp('2023-04-01 00:00:00'))]
    """
    dated = data.dated
    if dated.empty:
        return []
    dates = dated["date"]
    tz = dates.dt.tz if isinstance(dates.dtype, pd.DatetimeTZDtype) else None
    wall = dates.dt.tz_localize(None) if tz is not None else dates
    months = pd.period_range(wall.min(), wall.max(), freq="M")
    starts = [m.start_time for m in months]
    if tz is not None:
        starts = [s.tz_localize(tz, ambiguous=True, nonexistent="shift_forward") for s in starts]
    return [(f"{m:%b %Y}", start) for m, start in zip(months, starts, strict=True)]


def select(
    frame: pd.DataFrame,
    *,
    source: str | None = None,
    months: tuple[pd.Timestamp, pd.Timestamp] | None = None,
) -> pd.DataFrame:
    """Rows of an article table from ``source`` (all when ``None``) and dated within the
    month range ``months`` (``(first month start, last month start)``; all when ``None``)."""
    keep = np.ones(len(frame), dtype=bool)
    if source is not None and "source" in frame.columns:
        keep &= (frame["source"] == source).fillna(False).to_numpy(dtype=bool)
    if months is not None and "date" in frame.columns:
        lo, hi = pd.Timestamp(months[0]), pd.Timestamp(months[1]) + pd.offsets.MonthBegin(1)
        dates = frame["date"]
        keep &= ((dates >= lo) & (dates < hi)).fillna(False).to_numpy(dtype=bool)
    return frame[keep]
