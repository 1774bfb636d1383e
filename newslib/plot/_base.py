"""Shared parts of ``newslib.plot``: the palette, the names of columns and the helpers every plot
uses (``_axes``, ``_colours``, ``_label``, ``_no_data``, ``_check_frame``, ``_numbers``, ...).

Column names never reach a figure: axis labels and titles come from ``newslib.labels``
(``label(col)`` for axes, ``name(col)`` for titles, ``words(col)`` inside a sentence).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import Formatter
from matplotlib.transforms import ScaledTranslation

from newslib import labels as _labels
from newslib.labels import LABELS, Label

#: The Okabe–Ito palette (Okabe & Ito 2008), distinguishable with the common colour-vision
#: deficiencies, by name.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

#: Okabe–Ito colours in the order plots use them for groups: strong colours first, yellow
#: (weak on white) last. More groups than colours reuse the cycle.
PALETTE: tuple[str, ...] = (
    OKABE_ITO["blue"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["bluish green"],
    OKABE_ITO["reddish purple"],
    OKABE_ITO["orange"],
    OKABE_ITO["sky blue"],
    OKABE_ITO["black"],
    OKABE_ITO["yellow"],
)


#: How a metric is named (the shared table of ``newslib.labels``).
MetricLabel = Label

#: Readable axis names and units of newslib's columns (``newslib.labels.LABELS``).
METRIC_LABELS: dict[str, Label] = LABELS


def metric_label(metric: str) -> str:
    """The axis label of ``metric``: ``"name (unit)"`` from ``newslib.labels``; a column newslib
    does not know is named from its own name, never shown raw.

    Example:
        >>> metric_label("flesch_kincaid_grade")
        'Flesch–Kincaid grade (US school grade)'
        >>> metric_label("my_score")
        'My score'
    """
    return _labels.label(metric)


def _spec(metric: str) -> Label:
    return _labels.spec(metric)


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------


def _axes(ax: Axes | None) -> Axes:
    """The Axes to draw on: ``ax``, else the current Axes (as seaborn does)."""
    return plt.gca() if ax is None else ax


def _colours(n: int, palette: Sequence[str] | None = None) -> list[str]:
    """``n`` colours from ``palette`` (default ``PALETTE``), cycling when there are more groups."""
    colours = list(PALETTE if palette is None else palette)
    if not colours:
        raise ValueError("palette must hold at least one colour")
    return [colours[i % len(colours)] for i in range(n)]


def _label(
    ax: Axes,
    *,
    x: str | None = None,
    y: str | None = None,
    x_unit: str | None = None,
    y_unit: str | None = None,
    title: str | None = None,
) -> Axes:
    """Set axis labels as ``"quantity (unit)"`` and the title; ``None`` leaves a part unchanged.
    A long y label puts its unit on a second line, a long title wraps."""
    if x is not None:
        ax.set_xlabel(_wrap_label(f"{x} ({x_unit})" if x_unit else x, _WRAP_X_LABEL))
    if y is not None:
        ax.set_ylabel(_wrap_label(f"{y} ({y_unit})" if y_unit else y))
    if title is not None:
        ax.set_title(_wrap_title(title))
    return ax


_WRAP_LABEL = 38  # characters of a y label on one line; longer ones put the unit below
_WRAP_X_LABEL = 56  # the same for an x label
_WRAP_TITLE = 64  # characters of a title on one line


def _wrap_label(text: str, width: int = _WRAP_LABEL) -> str:
    r"""``"name (unit)"`` as ``"name\n(unit)"`` when too long for the height of a plot.

    Example:
        >>> _wrap_label("Sentence sentiment (VADER compound, −1 to 1)")
        'Sentence sentiment\n(VADER compound, −1 to 1)'
    """
    if len(text) <= width or "\n" in text or not text.endswith(")") or " (" not in text:
        return text
    head, _, unit = text.rpartition(" (")
    return f"{head}\n({unit}"


def _wrap_title(text: str) -> str:
    """A long title on two lines, split at a space near its middle."""
    if len(text) <= _WRAP_TITLE or "\n" in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1 :]


class _Percent(Formatter):
    """Shares 0..1 as percentages with as few decimals as the ticks need ("20%", "2.5%")."""

    @staticmethod
    def _decimals(values: Sequence[float]) -> int:
        for digits in range(3):
            scale = 10**digits
            if all(abs(v * 100 * scale - round(v * 100 * scale)) < 1e-6 for v in values):
                return digits
        return 3

    def __call__(self, x: float, pos: int | None = None) -> str:
        return f"{x * 100:.{self._decimals([x])}f}%"

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        digits = self._decimals(list(values))
        return [f"{v * 100:.{digits}f}%" for v in values]


def _no_data(ax: Axes, message: str = "no data") -> Axes:
    """Write ``message`` in the middle of an otherwise empty Axes."""
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color="0.4",
        fontsize="large",
    )
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _same(column: pd.Series, key: Any) -> pd.Series:
    if pd.isna(key):
        return column.isna()
    return (column == key).fillna(False).astype(bool)


# The name of the group of rows whose group (e.g. source) is missing: what a reader is told.
NOT_STATED = "not stated"


def _group_name(key: Any) -> str:
    return NOT_STATED if pd.isna(key) else str(key)


def _values(col: pd.Series) -> np.ndarray:
    return pd.array(col, dtype="Float64").to_numpy(dtype=float, na_value=np.nan)


_MAX_BINS = 50
_GOLDEN = 0.6180339887498949
# matplotlib 3.10 replaced boxplot(vert=False) with orientation="horizontal".
_MPL_ORIENTATION = tuple(int(p) for p in matplotlib.__version__.split(".")[:2]) >= (3, 10)


def _check_frame(data: Any, columns: Iterable[str], caller: str) -> None:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"plot.{caller}() takes a DataFrame, not {type(data).__name__}")
    missing = [c for c in columns if c is not None and c not in data.columns]
    if missing:
        raise ValueError(
            f"plot.{caller}() needs the column(s) {', '.join(map(repr, missing))}; the frame has "
            f"{', '.join(map(repr, data.columns)) or 'no columns'}"
        )


def _numbers(data: pd.DataFrame, column: str, caller: str) -> np.ndarray:
    """``column`` as float64 with NaN for missing values; a clear error when not numeric."""
    col = data[column]
    if not (pd.api.types.is_numeric_dtype(col) or col.isna().all()):
        raise ValueError(
            f"plot.{caller}(): column {column!r} holds {col.dtype} values, not numbers; "
            "pick a numeric column (e.g. from newslib.analyze)"
        )
    if pd.api.types.is_bool_dtype(col):
        col = col.astype("Int64")
    return _values(col)


def _group_keys(column: pd.Series) -> list[Any]:
    """Groups in colour order: categories in their order, otherwise sorted by name; NA last."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        keys = list(column.cat.categories)
    else:
        keys = sorted(column.dropna().unique().tolist(), key=str)
    if column.isna().any():
        keys.append(pd.NA)
    return keys


def _group_colours(keys: list[Any], palette: Sequence[str] | None) -> dict[str, str]:
    names = [_group_name(k) for k in keys]
    return dict(zip(names, _colours(len(names), palette), strict=True))


def _format_value(value: float, percent: bool) -> str:
    """A value in a legend, with a minus sign as the axes write it ('−0.17', never '-0.17'),
    and no sign on a value shown as zero.

    >>> _format_value(-0.1749, False), _format_value(-0.001, False), _format_value(0.3, True)
    ('−0.17', '0.00', '30%')
    """
    if percent:
        text = f"{value:.0%}"
    elif abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 1:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    if not text.strip("-0.,%"):  # '-0.00': a value that rounds to zero
        text = text.lstrip("-")
    return text.replace("-", "−")


def _percent_axis(axis: Any) -> None:
    axis.set_major_formatter(_Percent())


def _default_bins(values: np.ndarray, spec: MetricLabel, axis_from: float | None = None):
    """Histogram edges for ``values``; ``axis_from`` is where the drawn axis starts when it
    is not the smallest value (counts are drawn from zero)."""
    if spec.limits is not None:
        lo, hi = spec.limits
        if values.min() >= lo and values.max() <= hi:
            # A fixed range with 20 bins: 5% steps for shares, 0.1 steps for compound scores.
            return np.linspace(lo, hi, 21)
    lo, hi = float(values.min()), float(values.max())
    if lo == hi:
        # One value (one article): a bar a tenth of the value wide, so that it shows on an
        # axis drawn from zero instead of numpy's one-unit sliver.
        half = max(abs(hi), 1.0) / 20
        return np.array([hi - half, hi + half])
    edges = np.histogram_bin_edges(values, bins="auto")
    if len(edges) - 1 > _MAX_BINS:
        edges = np.histogram_bin_edges(values, bins=_MAX_BINS)
    if axis_from is not None and axis_from < lo:
        # A few close values far from zero: bars no narrower than a 50th of the axis.
        least = (hi - axis_from) / _MAX_BINS
        if edges[1] - edges[0] < least:
            edges = np.histogram_bin_edges(values, bins=max(1, int((hi - lo) // least)))
    return edges


def _jitter(n: int, width: float = 0.36) -> np.ndarray:
    """Evenly spread, reproducible offsets in ``[-width/2, width/2)`` (no random numbers)."""
    return ((np.arange(n) * _GOLDEN) % 1.0 - 0.5) * width


def _strip_points(ax: Axes, values: np.ndarray, row: float, colour: str, width: float = 0.36):
    """Draw ``values`` as points jittered around ``row`` (one row of a strip or box plot)."""
    ax.scatter(
        values,
        row + _jitter(len(values), width),
        s=12,
        color=colour,
        alpha=0.8,
        linewidths=0,
        zorder=3,
        label="_points",
    )


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


#: Colours of the three voices of a text, in every plot: quoted speech in Okabe–Ito orange (as
#: the quoted band of ``sentiment_strip``), reported speech in sky blue, the reporter's own
#: words in light grey (the background the others stand out from).
VOICE_COLOURS: dict[str, str] = {
    "quoted": OKABE_ITO["orange"],
    "reported": OKABE_ITO["sky blue"],
    "own": "#D9D9D9",
}
#: How the legends name the voices.
VOICE_NAMES: dict[str, str] = {
    "quoted": "quoted",
    "reported": "reported",
    "own": "the reporter's own",
}
_MIN_LABELLED_SHARE = 0.06  # segments narrower than this get no percentage written on them
_LEGEND_DROP = 34  # points from the bottom of the Axes to the legend: below tick labels and label


def _legend_below(
    ax: Axes,
    handles: list[Any] | None = None,
    *,
    ncols: int = 3,
    tick_lines: int = 1,
    right: bool = False,
) -> None:
    """A legend under the x label, at a fixed distance in points whatever the height of the
    Axes (``tick_lines``: lines of text in the x tick labels); centred, or with ``right`` ending
    at the right edge of the Axes (for Axes with long tick labels on their left)."""
    drop = _LEGEND_DROP + 12 * (tick_lines - 1)
    below = ax.transAxes + ScaledTranslation(0, -drop / 72, ax.figure.dpi_scale_trans)
    options: dict[str, Any] = {} if handles is None else {"handles": handles}
    ax.legend(
        loc="upper right" if right else "upper center",
        bbox_to_anchor=(1.0 if right else 0.5, 0.0),
        bbox_transform=below,
        ncols=ncols,
        fontsize="small",
        frameon=False,
        handlelength=1.2,
        columnspacing=1.2,
        **options,
    )


def _stacked_shares(
    ax: Axes,
    shares: pd.DataFrame,
    *,
    colours: dict[str, str],
    names: dict[str, str],
    tick_labels: Sequence[str],
    text_colours: dict[str, str] | None = None,
    **kwargs: Any,
) -> None:
    """One horizontal bar per row of ``shares`` (columns: parts in stacking order, values 0..1
    summing to 1, NaN for a row without a bar), the first row at the top, 0 to 100% on x.
    Segments of 6% or more get their percentage written on them."""
    y = np.arange(len(shares))
    has = shares.notna().all(axis=1).to_numpy(dtype=bool)
    kwargs.setdefault("height", 0.6)
    kwargs.setdefault("edgecolor", "white")
    kwargs.setdefault("linewidth", 0.8)
    left = np.zeros(len(shares))
    for part in shares.columns:
        width = np.nan_to_num(shares[part].to_numpy(dtype=float))
        ax.barh(
            y[has], width[has], left=left[has], color=colours[part], label=names[part], **kwargs
        )
        ink = (text_colours or {}).get(part, "black")
        for yi, lo, w in zip(y[has], left[has], width[has], strict=True):
            if w >= _MIN_LABELLED_SHARE:
                ax.text(
                    lo + w / 2,
                    yi,
                    f"{w:.0%}",
                    ha="center",
                    va="center",
                    fontsize="small",
                    color=ink,
                )
        left = left + width
    ax.set_yticks(y, list(tick_labels))
    ax.set_ylim(len(shares) - 0.5, -0.5)  # first row at the top
    ax.set_xlim(0, 1)
    _percent_axis(ax.xaxis)


def _lower_first(text: str) -> str:
    """``text`` with a capital first letter lowered, unless it starts a proper name or acronym
    ("Flesch–Kincaid grade", "SMOG index" stay)."""
    return _labels._lower_first(text)


def _by_words(by: str | None) -> str:
    """ " by source" for a title (the column named in words), or "" without groups."""
    return "" if by is None else f" by {_labels.words(by)}"
