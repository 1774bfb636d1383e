"""Plots of newslib results, seaborn-style: ``f(data, *, ..., ax=None, **kwargs) -> Axes``.

Every plot draws on ``ax`` (the current Axes when ``None``), labels its axes (with units) and
title, uses the colour-blind-safe ``PALETTE`` (Okabe–Ito) and is deterministic: the same data
give the same drawing. Shared helpers for new plot functions: ``_axes``, ``_colours``,
``_label``, ``_no_data``.

Plots: ``timeline`` (a metric over time), ``distribution`` with its shortcuts ``readability``
and ``quote_share`` (histogram, or one box per group), ``speakers`` (top quoted people),
``voices`` (quoted, reported and the reporter's own words), ``sentiment_strip`` (sentence
sentiment through one article) and ``scatter``. Axis labels come
from ``METRIC_LABELS`` (``metric_label(name)``). Groups get their colour from their place in
the sorted list of group names, so a source has the same colour in every plot of a corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import matplotlib
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, PercentFormatter
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

# Import the function from its module: newslib/__init__ may re-export a function of that name.
from newslib import labels as _labels
from newslib.labels import _COMPOUND, LABELS, Label
from newslib.quotes.shares import pooled_voices
from newslib.sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, QUOTED_THRESHOLD
from newslib.timeline import timeline as _compute_timeline

__all__ = [
    "OKABE_ITO",
    "PALETTE",
    "METRIC_LABELS",
    "MetricLabel",
    "metric_label",
    "timeline",
    "distribution",
    "readability",
    "quote_share",
    "speakers",
    "voices",
    "VOICE_COLOURS",
    "sentiment_strip",
    "scatter",
]

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


_EVENT_COLOUR = "0.35"
_FREQ_WORDS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "h": "hour"}
_TIMELINE_OPTIONS = ("freq", "agg", "window", "tz", "date", "metrics")


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
    """Set axis labels as ``"quantity (unit)"`` and the title; ``None`` leaves a part unchanged."""
    if x is not None:
        ax.set_xlabel(f"{x} ({x_unit})" if x_unit else x)
    if y is not None:
        ax.set_ylabel(f"{y} ({y_unit})" if y_unit else y)
    if title is not None:
        ax.set_title(title)
    return ax


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


# --------------------------------------------------------------------------------------------
# timeline
# --------------------------------------------------------------------------------------------


def _is_timeline_frame(data: pd.DataFrame) -> bool:
    return "period" in data.columns and "n_articles" in data.columns


def _freq_word(freq: str | None) -> str:
    if not freq:
        return "period"
    base = freq.split("-")[0]
    return _FREQ_WORDS.get(base, freq)


def _as_x(period: pd.Series) -> np.ndarray:
    """Period starts as values matplotlib places correctly (aware ones as aware datetimes)."""
    if isinstance(period.dtype, pd.DatetimeTZDtype):
        return np.array(period.dt.to_pydatetime(), dtype=object)
    return period.to_numpy(dtype="datetime64[ns]")


def _event_x(when: Any, tz: Any) -> Any:
    stamp = pd.Timestamp(when)
    if stamp is pd.NaT:
        raise ValueError(f"plot.timeline(): event date {when!r} is not a date")
    if tz is not None:
        # On an axis in a time zone, a naive event date is read as wall time in that zone.
        stamp = stamp.tz_localize(tz) if stamp.tzinfo is None else stamp.tz_convert(tz)
        return stamp.to_pydatetime()
    if stamp.tzinfo is not None:
        # Naive axis: dates are wall-clock times as given, so use the event's own wall time.
        stamp = stamp.tz_localize(None)
    return np.datetime64(stamp.as_unit("ns").value, "ns")


def timeline(
    data: pd.DataFrame,
    *,
    metric: str,
    by: str | None = None,
    ax: Axes | None = None,
    ci: bool = True,
    rolling: bool = True,
    events: Iterable[tuple[Any, str]] | None = None,
    unit: str | None = None,
    title: str | None = None,
    palette: Sequence[str] | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw a metric over time: one line per group, its 95% CI band and rolling line.

    Args:
        data: the output of ``newslib.timeline.timeline`` (recognised by its ``period`` and
            ``n_articles`` columns), or an article table with a date column, which is passed to
            ``newslib.timeline.timeline`` first together with the ``freq``, ``agg``, ``window``,
            ``tz`` and ``date`` keywords found in ``kwargs``.
        metric: the metric to draw (a metric column of the timeline, or ``"n_articles"`` for
            the article counts, drawn without CI or rolling line).
        by: the group column; defaults to the one the timeline was computed with
            (``data.attrs["by"]``).
        ax: Axes to draw on (default: the current Axes).
        ci: shade the 95% confidence interval (``<metric>_ci_low`` .. ``<metric>_ci_high``).
        rolling: draw ``<metric>_rolling`` as a dashed line when the timeline has it.
        events: ``[(date, label), ...]`` marked as dotted vertical lines with rotated labels.
            Naive event dates on an axis in a time zone are read in that zone.
        unit: unit of the metric for the y label (e.g. ``"grade level"``).
        title: the title; by default one is made from agg, metric and period.
        palette: colours for the groups (default ``PALETTE``, Okabe–Ito).
        **kwargs: the timeline keywords above (article tables only); the rest go to
            ``Axes.plot`` for the main lines (e.g. ``linewidth=2``).

    Periods without articles leave gaps in the line and band. Empty input gives an Axes that
    says "no data".

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> df = pd.DataFrame({"date": pd.to_datetime(["2024-01-01", "2024-01-09"]),
        ...                    "compound": [0.2, -0.1]})
        >>> ax = timeline(df, metric="compound", freq="W", events=[("2024-01-05", "debate")])
        >>> ax.get_ylabel()
        'mean compound'
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"plot.timeline() takes a DataFrame, not {type(data).__name__}")
    options = {k: kwargs.pop(k) for k in _TIMELINE_OPTIONS if k in kwargs}
    if _is_timeline_frame(data):
        if options:
            raise TypeError(
                f"plot.timeline(): {', '.join(sorted(options))} only apply to an article table; "
                "this frame is already a timeline (call newslib.timeline.timeline again instead)"
            )
        frame = data
    else:
        if metric != "n_articles":
            options.setdefault("metrics", [metric])
        frame = _compute_timeline(data, by=by, **options)
    if by is None:
        by = frame.attrs.get("by")
    if metric not in frame.columns:
        raise ValueError(
            f"plot.timeline(): no metric {metric!r} in the timeline; it has "
            f"{', '.join(map(repr, frame.columns))}"
        )
    if by is not None and by not in frame.columns:
        raise ValueError(f"plot.timeline(): no group column {by!r} in the timeline")
    if by is None and frame["period"].duplicated().any():
        raise ValueError(
            "plot.timeline(): the timeline has several rows per period; pass by= the group column"
        )

    ax = _axes(ax)
    attrs = frame.attrs
    freq_word = _freq_word(attrs.get("freq"))
    tz = frame["period"].dt.tz
    agg = attrs.get("agg", "mean")
    is_count = metric == "n_articles"
    y_name = f"articles per {freq_word}" if is_count else f"{agg} {metric}"
    _label(
        ax,
        x=f"{freq_word} starting",
        x_unit=f"date, {tz}" if tz is not None else "date",
        y=y_name,
        y_unit=unit,
        title=title if title is not None else _default_title(y_name, freq_word, by, is_count),
    )
    if frame.empty:
        return _no_data(ax)

    low_col, high_col, roll_col = f"{metric}_ci_low", f"{metric}_ci_high", f"{metric}_rolling"
    draw_ci = ci and not is_count and {low_col, high_col} <= set(frame.columns)
    draw_rolling = rolling and not is_count and roll_col in frame.columns

    if by is None:
        parts = [(None, frame)]
    else:
        # Groups in the timeline's own order (sorted, NA last), so colours are stable.
        keys = frame[by].drop_duplicates().tolist()
        parts = [(key, frame[_same(frame[by], key)]) for key in keys]
    colours = _colours(len(parts), palette)
    kwargs.setdefault("marker", "o")  # single periods stay visible as points
    kwargs.setdefault("markersize", 3)
    kwargs.setdefault("linewidth", 1.5)

    for (key, part), colour in zip(parts, colours, strict=True):
        x = _as_x(part["period"])
        name = y_name if key is None else _group_name(key)
        y = _values(part[metric])
        ax.plot(x, y, color=colour, label=name, **kwargs)
        if draw_ci:
            low, high = _values(part[low_col]), _values(part[high_col])
            ax.fill_between(x, low, high, color=colour, alpha=0.2, linewidth=0, label="_ci")
            if len(part) == 1:  # a band over one point has no width: show it as a bar
                ax.vlines(x, low, high, color=colour, alpha=0.5, linewidth=3, label="_ci")
        if draw_rolling:
            ax.plot(
                x,
                _values(part[roll_col]),
                color=colour,
                linestyle="--",
                linewidth=kwargs["linewidth"],
                label="_rolling",
            )

    event_xs = _mark_events(ax, events, tz)
    if frame["period"].nunique() == 1:
        _one_period_limits(ax, frame["period"].iloc[0], attrs.get("freq"), tz, event_xs)
    _format_dates(ax, tz)
    _legend(ax, grouped=by is not None, ci=draw_ci, rolling=draw_rolling, attrs=attrs)
    return ax


def _same(column: pd.Series, key: Any) -> pd.Series:
    if pd.isna(key):
        return column.isna()
    return (column == key).fillna(False).astype(bool)


def _group_name(key: Any) -> str:
    return "(no group)" if pd.isna(key) else str(key)


def _values(col: pd.Series) -> np.ndarray:
    return pd.array(col, dtype="Float64").to_numpy(dtype=float, na_value=np.nan)


def _default_title(y_name: str, freq_word: str, by: str | None, is_count: bool) -> str:
    head = y_name[0].upper() + y_name[1:]
    title = head if is_count else f"{head} per {freq_word}"
    return f"{title} by {by}" if by is not None else title


def _mark_events(ax: Axes, events: Iterable[tuple[Any, str]] | None, tz: Any) -> list[Any]:
    """Draw the event markers; return their x positions."""
    xs: list[Any] = []
    if events is None:
        return xs
    # x in data coordinates, y in axes coordinates: labels stay at the top whatever the scale.
    trans = blended_transform_factory(ax.transData, ax.transAxes)
    for item in events:
        try:
            when, text = item
        except (TypeError, ValueError) as err:
            raise ValueError(
                f"plot.timeline(): events must be (date, label) pairs, got {item!r}"
            ) from err
        x = _event_x(when, tz)
        xs.append(x)
        ax.axvline(x, color=_EVENT_COLOUR, linestyle=":", linewidth=1, label="_event")
        ax.text(
            x,
            0.98,
            f" {text}",
            transform=trans,
            rotation=90,
            ha="right",
            va="top",
            fontsize="small",
            color=_EVENT_COLOUR,
        )
    return xs


def _one_period_limits(
    ax: Axes, start: pd.Timestamp, freq: str | None, tz: Any, event_xs: list[Any]
) -> None:
    # Autoscaling a single date spans years; show one period either side (and the events).
    try:
        period = pd.Period(start.tz_localize(None) if start.tzinfo else start, freq=freq or "D")
        step = period.end_time.ceil("s") - period.start_time
    except (ValueError, TypeError):
        step = pd.Timedelta(days=1)
    xs = [_event_x(start - step, tz), _event_x(start + step, tz), *event_xs]
    nums = mdates.date2num(xs)
    lo, hi = float(np.min(nums)), float(np.max(nums))
    pad = 0.05 * (hi - lo)
    ax.set_xlim(lo - pad, hi + pad)


def _format_dates(ax: Axes, tz: Any) -> None:
    # Explicit locator and formatter in the data's zone: ticks read as wall time there, and the
    # drawing does not depend on rcParams["timezone"].
    locator = mdates.AutoDateLocator(tz=tz)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, tz=tz))


def _legend(ax: Axes, *, grouped: bool, ci: bool, rolling: bool, attrs: dict) -> None:
    handles, labels = ax.get_legend_handles_labels()
    style: list[Any] = []
    if rolling:
        span = attrs.get("window")
        text = f"rolling mean ({span} periods)" if isinstance(span, int) else "rolling mean"
        if isinstance(span, str):
            text = f"rolling mean ({span})"
        style.append(Line2D([], [], color="0.3", linestyle="--", label=text))
    if ci:
        style.append(Patch(facecolor="0.3", alpha=0.2, label="95% CI"))
    if not grouped:
        if not style:
            return  # a single line needs no legend
        handles, labels = handles[:1], labels[:1]
    handles = handles + style
    labels = labels + [h.get_label() for h in style]
    ax.legend(handles, labels, fontsize="small", frameon=False)


# --------------------------------------------------------------------------------------------
# Helpers for the article-level plots
# --------------------------------------------------------------------------------------------

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
    if percent:
        return f"{value:.0%}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _percent_axis(axis: Any) -> None:
    axis.set_major_formatter(PercentFormatter(xmax=1))


def _default_bins(values: np.ndarray, spec: MetricLabel) -> np.ndarray:
    if spec.limits is not None:
        lo, hi = spec.limits
        if values.min() >= lo and values.max() <= hi:
            # A fixed range with 20 bins: 5% steps for shares, 0.1 steps for compound scores.
            return np.linspace(lo, hi, 21)
    edges = np.histogram_bin_edges(values, bins="auto")
    if len(edges) - 1 > _MAX_BINS:
        edges = np.histogram_bin_edges(values, bins=_MAX_BINS)
    return edges


def _jitter(n: int, width: float = 0.36) -> np.ndarray:
    """Evenly spread, reproducible offsets in ``[-width/2, width/2)`` (no random numbers)."""
    return ((np.arange(n) * _GOLDEN) % 1.0 - 0.5) * width


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# distribution, readability, quote_share
# --------------------------------------------------------------------------------------------


def distribution(
    data: pd.DataFrame,
    *,
    metric: str,
    by: str | None = None,
    ax: Axes | None = None,
    bins: int | Sequence[float] | str | None = None,
    title: str | None = None,
    palette: Sequence[str] | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw how an article-level metric is distributed: a histogram, or one box per group.

    Without ``by``: a histogram of ``metric`` with its median as a dashed line named in the
    legend. With ``by`` (e.g. ``"source"``): one horizontal box (quartiles, whiskers at 1.5 IQR)
    per group with every article drawn as a point over it, groups sorted by median (highest at
    the top), each tick label giving the group's number of articles ``n``. Articles with no
    value (NA) are left out and counted in the legend; groups with no value at all are listed
    last with ``n=0``; articles with no group form the group ``(no group)``. Shares (0..1, e.g.
    ``quote_share``) are drawn as percentages.

    Args:
        data: an article-level table, e.g. ``newslib.analyze(df)``.
        metric: the numeric column to draw; its axis label comes from ``METRIC_LABELS``.
        by: the group column, or None for one histogram of all articles.
        ax: Axes to draw on (default: the current Axes).
        bins: histogram bins (``Axes.hist``); by default 20 bins over the metric's fixed range
            when it has one (shares, compound scores), otherwise numpy's ``"auto"`` rule
            (at most 50 bins).
        title: the title; by default the metric's name (and, for a histogram, the number of
            articles).
        palette: colours (default ``PALETTE``); groups take colours in sorted-name order.
        **kwargs: passed to ``Axes.hist`` (no ``by``) or ``Axes.boxplot`` (with ``by``).

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> arts = pd.DataFrame({"source": ["A", "A", "B"], "smog_index": [9.0, 11.0, 14.0]})
        >>> fig, ax = plt.subplots()
        >>> ax = distribution(arts, metric="smog_index", by="source", ax=ax)
        >>> [t.get_text() for t in ax.get_yticklabels()]
        ['B (n=1)', 'A (n=2)']
        >>> plt.close(fig)
    """
    caller = kwargs.pop("_caller", "distribution")  # the public function named in errors
    _check_frame(data, [metric, by], caller)
    values = _numbers(data, metric, caller)
    spec = _spec(metric)
    ax = _axes(ax)
    has = ~np.isnan(values)
    n, n_missing = int(has.sum()), int((~has).sum())
    if title is None:
        title = spec.name if by is None else f"{spec.name} by {by}"
        if by is None and n:
            title += f", {_plural(n, 'article')}"
    if by is None:
        _label(ax, x=spec.name, x_unit=spec.unit, y="articles", y_unit="count", title=title)
        if n == 0:
            return _no_data(ax)
        _histogram(ax, values[has], spec, bins, palette, kwargs)
        handles, labels = ax.get_legend_handles_labels()
    else:
        _label(ax, x=spec.name, x_unit=spec.unit, y=by, title=title)
        if n == 0:
            return _no_data(ax)
        _boxes(ax, data[by], values, palette, kwargs)
        handles, labels = [], []
    if n_missing:
        handles.append(Line2D([], [], linestyle="none"))
        labels.append(f"{_plural(n_missing, 'article')} without a value left out")
    if handles:
        # A framed legend stays readable where it overlaps bars or points.
        ax.legend(handles, labels, fontsize="small", framealpha=0.9)
    if spec.percent:
        _percent_axis(ax.xaxis)
    return ax


def _histogram(
    ax: Axes,
    values: np.ndarray,
    spec: MetricLabel,
    bins: Any,
    palette: Sequence[str] | None,
    kwargs: dict[str, Any],
) -> None:
    colours = _colours(2, palette)
    kwargs.setdefault("color", colours[0])
    kwargs.setdefault("edgecolor", "white")
    kwargs.setdefault("linewidth", 0.5)
    ax.hist(values, bins=_default_bins(values, spec) if bins is None else bins, **kwargs)
    median = float(np.median(values))
    ax.axvline(
        median,
        color=colours[1] if palette is None else "0.15",
        linestyle="--",
        linewidth=1.5,
        label=f"median {_format_value(median, spec.percent)}",
    )
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts of articles


def _boxes(
    ax: Axes,
    groups: pd.Series,
    values: np.ndarray,
    palette: Sequence[str] | None,
    kwargs: dict[str, Any],
) -> None:
    keys = _group_keys(groups)
    colours = _group_colours(keys, palette)
    parts = []
    for key in keys:
        vals = values[_same(groups, key).to_numpy()]
        vals = np.sort(vals[~np.isnan(vals)])  # sorted: the jitter does not depend on row order
        median = float(np.median(vals)) if len(vals) else np.nan
        parts.append((_group_name(key), vals, median))
    # Highest median first; empty groups last; ties by name.
    parts.sort(key=lambda p: (np.isnan(p[2]), -p[2] if not np.isnan(p[2]) else 0.0, p[0]))
    filled = [(i, p) for i, p in enumerate(parts) if len(p[1])]
    positions = [i for i, _ in filled]
    kwargs.setdefault("widths", 0.6)
    kwargs.setdefault("showfliers", False)  # every article is drawn as a point anyway
    kwargs.setdefault("medianprops", {"color": "black", "linewidth": 1.5})
    if _MPL_ORIENTATION:
        kwargs.setdefault("orientation", "horizontal")
    else:  # pragma: no cover - matplotlib < 3.10
        kwargs.setdefault("vert", False)
    result = ax.boxplot(
        [p[1] for _, p in filled],
        positions=positions,
        patch_artist=True,
        manage_ticks=False,
        **kwargs,
    )
    for box, (_, (name, _, _)) in zip(result["boxes"], filled, strict=True):
        box.set_facecolor(colours[name])
        box.set_alpha(0.35)
        box.set_edgecolor(colours[name])
    for i, (name, vals, _) in filled:
        ax.scatter(
            vals,
            i + _jitter(len(vals)),
            s=12,
            color=colours[name],
            alpha=0.8,
            linewidths=0,
            zorder=3,
            label="_points",
        )
    ax.set_yticks(range(len(parts)), [f"{name} (n={len(vals):,})" for name, vals, _ in parts])
    ax.set_ylim(len(parts) - 0.5, -0.5)  # first group at the top


def readability(
    data: pd.DataFrame,
    *,
    metric: str = "flesch_kincaid_grade",
    by: str | None = None,
    ax: Axes | None = None,
    bins: int | Sequence[float] | str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the distribution of a readability index: histogram with the median, or by group.

    ``distribution`` with a readability default; see it for the details and keywords.

    Args:
        data: an article-level table with the index, e.g. ``newslib.analyze(df)`` or
            ``newslib.readability(df)`` joined with the article metadata.
        metric: a column of ``newslib.readability`` (default ``"flesch_kincaid_grade"``).
        by: group column (e.g. ``"source"``) for one box per group, or None for a histogram.
        ax: Axes to draw on (default: the current Axes).
        bins: histogram bins (default numpy's ``"auto"``, at most 50).
        **kwargs: ``title``, ``palette``; the rest to ``Axes.hist`` / ``Axes.boxplot``.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> arts = pd.DataFrame({"flesch_kincaid_grade": [8.0, 10.0, 12.5]})
        >>> fig, ax = plt.subplots()
        >>> ax = readability(arts, ax=ax)
        >>> ax.get_xlabel(), ax.get_legend().get_texts()[0].get_text()
        ('Flesch–Kincaid grade (US school grade)', 'median 10.0')
        >>> plt.close(fig)
    """
    return distribution(
        data, metric=metric, by=by, ax=ax, bins=bins, _caller="readability", **kwargs
    )


def quote_share(
    data: pd.DataFrame,
    *,
    by: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the distribution of the share of each article's words inside quotations (percent).

    ``distribution(data, metric="quote_share", ...)``: a histogram in 5% bins with the median,
    or one box per group with ``by``.

    Args:
        data: a table with ``quote_share`` (0..1), e.g. ``newslib.quote_share(df)`` or
            ``newslib.analyze(df)``.
        by: group column (e.g. ``"source"``), or None for a histogram.
        ax: Axes to draw on (default: the current Axes).
        **kwargs: ``bins``, ``title``, ``palette``; the rest to ``Axes.hist`` /
            ``Axes.boxplot``.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> fig, ax = plt.subplots()
        >>> ax = quote_share(pd.DataFrame({"quote_share": [0.1, 0.3, 0.6]}), ax=ax)
        >>> ax.get_legend().get_texts()[0].get_text()
        'median 30%'
        >>> plt.close(fig)
    """
    return distribution(data, metric="quote_share", by=by, ax=ax, _caller="quote_share", **kwargs)


# --------------------------------------------------------------------------------------------
# speakers
# --------------------------------------------------------------------------------------------


def speakers(
    data: pd.DataFrame,
    *,
    top: int = 10,
    words: str = "quoted",
    ax: Axes | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw who speaks most: one horizontal bar per speaker, by quoted or attributed words.

    Rows are summed per speaker over all articles and the articles each speaker appears in are
    counted (shown at the end of the bar). The ``top`` speakers with most words are drawn, most
    at the top; ties go in name order. Rows with no speaker (NA) are left out.

    With ``words="quoted"`` (the default) bars are the words inside quotation marks, and
    speakers without any quotation (``n_quotes`` 0: only reported speech) are left out. With
    ``words="attributed"`` each bar is all the speaker's attributed words, split into quoted
    (orange) and reported (sky blue) words, as in :func:`voices`.

    Args:
        data: the output of ``newslib.speakers(df)`` (``article_id``, ``speaker``,
            ``n_quotes``, ``quoted_words``, and ``attributed_words`` for
            ``words="attributed"``).
        top: how many speakers to draw (a positive integer).
        words: ``"quoted"`` or ``"attributed"``.
        ax: Axes to draw on (default: the current Axes).
        title: the title; by default "Top N of M speakers by quoted words" (or "attributed").
        **kwargs: passed to ``Axes.barh`` (e.g. ``color="0.5"``).

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> sp = pd.DataFrame({"article_id": ["a", "b", "b"], "speaker": ["Ann", "Ann", "Bob"],
        ...                    "n_quotes": [1, 2, 1], "quoted_words": [10, 5, 12]})
        >>> fig, ax = plt.subplots()
        >>> ax = speakers(sp, ax=ax)
        >>> [t.get_text() for t in ax.get_yticklabels()], [float(p.get_width()) for p in ax.patches]
        (['Ann', 'Bob'], [15.0, 12.0])
        >>> plt.close(fig)
    """
    if words not in ("quoted", "attributed"):
        raise ValueError(f"plot.speakers(): words must be 'quoted' or 'attributed', not {words!r}")
    attributed = words == "attributed"
    needed = ["article_id", "speaker", "quoted_words"]
    _check_frame(data, [*needed, "attributed_words"] if attributed else needed, "speakers")
    if isinstance(top, bool) or not isinstance(top, int | np.integer) or top < 1:
        raise ValueError(f"plot.speakers(): top must be a positive integer, not {top!r}")
    ax = _axes(ax)
    x_name = "words attributed" if attributed else "words in quotations"
    _label(ax, x=x_name, x_unit="summed over articles", y="speaker")
    keep = np.array(data["speaker"].notna(), dtype=bool)
    if not attributed and "n_quotes" in data.columns:
        # only reported speech: nothing in quotation marks to draw
        keep &= ~(_numbers(data, "n_quotes", "speakers") == 0)
    rows = data[keep]
    if rows.empty:
        _label(ax, title=title if title is not None else f"Speakers by {words} words")
        return _no_data(ax, "no attributed speakers" if attributed else "no quoted speakers")
    table = pd.DataFrame(
        {
            "speaker": rows["speaker"].astype(str).to_numpy(),
            "article_id": rows["article_id"].astype("string").to_numpy(),
            "quoted": _numbers(rows, "quoted_words", "speakers"),
            "words": _numbers(
                rows, "attributed_words" if attributed else "quoted_words", "speakers"
            ),
        }
    )
    totals = table.groupby("speaker", sort=True).agg(
        words=("words", "sum"), quoted=("quoted", "sum"), articles=("article_id", "nunique")
    )
    totals = totals.reset_index().sort_values(
        ["words", "speaker"], ascending=[False, True], kind="mergesort"
    )
    shown = totals.head(int(top))
    if title is None:
        k, m = len(shown), len(totals)
        head = f"Top {k} of {m} speakers" if m > k else f"{_plural(k, 'speaker').capitalize()}"
        title = f"{head} by {words} words"
    _label(ax, title=title)
    y = np.arange(len(shown))
    kwargs.setdefault("height", 0.7)
    if attributed:
        quoted = np.minimum(shown["quoted"].to_numpy(), shown["words"].to_numpy())
        reported = shown["words"].to_numpy() - quoted
        ax.barh(y, quoted, color=VOICE_COLOURS["quoted"], label=VOICE_NAMES["quoted"], **kwargs)
        ax.barh(
            y,
            reported,
            left=quoted,
            color=VOICE_COLOURS["reported"],
            label=VOICE_NAMES["reported"],
            **kwargs,
        )
        ax.legend(loc="lower right", fontsize="small", frameon=False)
    else:
        kwargs.setdefault("color", PALETTE[0])
        ax.barh(y, shown["words"].to_numpy(), **kwargs)
    ax.set_yticks(y, [_short(name, 28) for name in shown["speaker"]])
    ax.set_ylim(len(shown) - 0.5, -0.5)  # most words at the top
    widest = float(shown["words"].max())
    for yi, total, articles in zip(y, shown["words"], shown["articles"], strict=True):
        ax.text(
            total,
            yi,
            f" {_plural(int(articles), 'article')}",
            va="center",
            ha="left",
            fontsize="small",
            color="0.3",
        )
    # Room on the right for the article counts.
    ax.set_xlim(0, widest * 1.3 if widest > 0 else 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return ax


# --------------------------------------------------------------------------------------------
# voices
# --------------------------------------------------------------------------------------------

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


def voices(
    data: pd.DataFrame,
    *,
    by: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw whose words the articles are: the share of all words quoted, reported and the
    reporter's own, as one stacked horizontal bar from 0 to 100% per group.

    Words are pooled over the articles of a bar (``newslib.quotes.shares.pooled_voices``):
    a long article weighs more than a short one, and the bar is the share of the group's
    words, not a mean of the articles' shares. Segments of 6% or more are labelled with
    their percentage. Tick labels give each group's number of articles; a group without
    words gets no bar. Groups are in sorted order from the top, articles without a group
    last as ``(no group)``.

    Args:
        data: an article-level table with ``total_words``, ``quoted_words`` and
            ``reported_words``, e.g. ``newslib.analyze(df)`` or ``newslib.quote_share(df)``.
        by: group column (e.g. ``"source"``), or None for one bar of all articles.
        ax: Axes to draw on (default: the current Axes).
        title: the title; by default "Whose words" (", by <group>" with ``by``).
        **kwargs: passed to ``Axes.barh`` (e.g. ``height=0.5``).

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> arts = pd.DataFrame({"source": ["A", "A", "B"], "total_words": [100, 300, 200],
        ...                      "quoted_words": [40, 40, 20], "reported_words": [10, 50, 0]})
        >>> fig, ax = plt.subplots()
        >>> ax = voices(arts, by="source", ax=ax)
        >>> [t.get_text() for t in ax.get_yticklabels()]
        ['A (n=2)', 'B (n=1)']
        >>> [round(float(p.get_width()), 2) for p in ax.patches]  # quoted, reported, own
        [0.2, 0.1, 0.15, 0.0, 0.65, 0.9]
        >>> plt.close(fig)
    """
    _check_frame(data, ["total_words", "quoted_words", "reported_words", by], "voices")
    for column in ("total_words", "quoted_words", "reported_words"):
        _numbers(data, column, "voices")  # a clear error for a column that is not numbers
    ax = _axes(ax)
    if title is None:
        title = "Whose words" if by is None else f"Whose words, by {by}"
    _label(
        ax,
        x="share of all words",
        x_unit="%, articles pooled",
        y=by if by is not None else "",
        title=title,
    )
    if data.empty:
        return _no_data(ax)
    pooled = pooled_voices(data, by=by)
    if by is None:
        names = ["all articles"]
    else:
        names = [_group_name(key) for key in pooled[by]]
    counts = pooled["n_articles"].astype(int).tolist()
    has_words = (pooled["total_words"].fillna(0) > 0).to_numpy(dtype=bool)
    if not has_words.any():
        return _no_data(ax, "no words")
    y = np.arange(len(pooled))
    kwargs.setdefault("height", 0.6)
    kwargs.setdefault("edgecolor", "white")
    kwargs.setdefault("linewidth", 0.8)
    left = np.zeros(len(pooled))
    for voice in ("quoted", "reported", "own"):
        share = pooled[f"{voice}_share"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        share = np.where(has_words, np.nan_to_num(share), 0.0)
        ax.barh(
            y[has_words],
            share[has_words],
            left=left[has_words],
            color=VOICE_COLOURS[voice],
            label=VOICE_NAMES[voice],
            **kwargs,
        )
        for yi, lo, width in zip(y[has_words], left[has_words], share[has_words], strict=True):
            if width >= _MIN_LABELLED_SHARE:
                ax.text(
                    lo + width / 2,
                    yi,
                    f"{width:.0%}",
                    ha="center",
                    va="center",
                    fontsize="small",
                    color="black",
                )
        left = left + share
    labels = [
        f"{_short(name, 28)} (n={count:,})"
        if has
        else f"{_short(name, 28)} (n={count:,}, no words)"
        for name, count, has in zip(names, counts, has_words, strict=True)
    ]
    ax.set_yticks(y, labels)
    ax.set_ylim(len(pooled) - 0.5, -0.5)  # first group at the top
    ax.set_xlim(0, 1)
    _percent_axis(ax.xaxis)
    # Below the x label at a fixed distance in points, whatever the height of the Axes.
    below = ax.transAxes + ScaledTranslation(0, -_LEGEND_DROP / 72, ax.figure.dpi_scale_trans)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=below,
        ncols=3,
        fontsize="small",
        frameon=False,
        handlelength=1.2,
        columnspacing=1.2,
    )
    return ax


# --------------------------------------------------------------------------------------------
# sentiment_strip
# --------------------------------------------------------------------------------------------

_SIGN_COLOURS = {
    "positive": OKABE_ITO["blue"],
    "negative": OKABE_ITO["vermillion"],
    "neutral": "0.6",
}
_QUOTED_SHADE = "#FCEFC2"  # a pale tint of Okabe–Ito orange, behind the bars
_REPORTED_SHADE = "#DDF0FB"  # a pale tint of Okabe–Ito sky blue


def sentiment_strip(
    data: pd.DataFrame,
    *,
    article_id: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the sentiment of each sentence through one article, quoted sentences marked.

    One bar per sentence (x: sentence number from 1, y: VADER compound from −1 to 1), blue
    when positive (≥ 0.05), vermillion when negative (≤ −0.05), grey when neutral. Sentences
    with ``in_quote`` ≥ 0.5 (mostly quoted speech) get a pale orange band behind them
    ("quoted" in the legend) and, when ``data`` has a ``voice`` column, reported sentences a
    pale sky-blue one ("reported"); sentences whose ``in_quote`` is NA are not marked and
    counted in the legend. Faint vertical lines separate paragraphs; a line marks zero.

    Args:
        data: the output of ``newslib.sentiment(df)`` (``article_id``, ``sentence``,
            ``compound``, and optionally ``paragraph``, ``in_quote`` and ``voice``), for one or more
            articles; a ``title`` column, when present, names the article.
        article_id: the article to draw (default: the first article in ``data``).
        ax: Axes to draw on (default: the current Axes).
        title: the title; by default "Sentence sentiment: <article title or id>".
        **kwargs: passed to ``Axes.bar`` (e.g. ``width=1``).

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> s = pd.DataFrame({"article_id": "a", "paragraph": [0, 0, 1], "sentence": [0, 1, 2],
        ...                   "compound": [0.5, -0.3, 0.0], "in_quote": [0.0, 1.0, None]})
        >>> fig, ax = plt.subplots()
        >>> ax = sentiment_strip(s, ax=ax)
        >>> ax.get_title(), len(ax.patches)
        ('Sentence sentiment: a', 4)
        >>> plt.close(fig)
    """
    _check_frame(data, ["article_id", "sentence", "compound"], "sentiment_strip")
    ax = _axes(ax)
    _label(ax, x="sentence", x_unit="number in the article", y="sentiment", y_unit=_COMPOUND)
    ids = data["article_id"].astype("string")
    if article_id is None:
        present = ids.dropna()
        if present.empty:
            _label(ax, title=title if title is not None else "Sentence sentiment")
            return _no_data(ax)
        article_id = str(present.iloc[0])
    rows = data[(ids == article_id).fillna(False).to_numpy(dtype=bool)]
    name = article_id
    if "title" in rows.columns and rows["title"].notna().any():
        name = str(rows["title"].dropna().iloc[0])
    _label(ax, title=title if title is not None else f"Sentence sentiment: {_short(name, 45)}")
    if rows.empty:
        if ids.dropna().empty:
            return _no_data(ax)
        known = ", ".join(repr(a) for a in ids.dropna().unique()[:5])
        raise ValueError(
            f"plot.sentiment_strip(): no sentences of article {article_id!r}; "
            f"articles in data include {known}"
        )
    rows = rows.sort_values("sentence", kind="mergesort")
    x = _numbers(rows, "sentence", "sentiment_strip") + 1
    y = _numbers(rows, "compound", "sentiment_strip")
    signs = np.where(
        y >= POSITIVE_THRESHOLD,
        "positive",
        np.where(y <= NEGATIVE_THRESHOLD, "negative", "neutral"),
    )
    if "in_quote" in rows.columns:
        share = _numbers(rows, "in_quote", "sentiment_strip")
    else:
        share = np.full(len(rows), np.nan)
    quoted = np.nan_to_num(share, nan=0.0) >= QUOTED_THRESHOLD
    n_unknown = int(np.isnan(share).sum())
    has_voice = "voice" in rows.columns
    reported = np.zeros(len(rows), dtype=bool)
    if has_voice:
        reported = (rows["voice"].astype("string") == "reported").fillna(False).to_numpy(bool)
        reported &= ~quoted

    # Quoted (and reported) runs as one band each, behind the bars.
    for lo, hi in _runs(x, quoted):
        ax.axvspan(lo - 0.5, hi + 0.5, color=_QUOTED_SHADE, linewidth=0, zorder=0, label="_quoted")
    for lo, hi in _runs(x, reported):
        ax.axvspan(
            lo - 0.5, hi + 0.5, color=_REPORTED_SHADE, linewidth=0, zorder=0, label="_reported"
        )
    if "paragraph" in rows.columns:
        para = _numbers(rows, "paragraph", "sentiment_strip")
        for xi in x[1:][np.diff(para) != 0]:
            ax.axvline(xi - 0.5, color="0.75", linewidth=0.8, zorder=1, label="_paragraph")
    ax.axhline(0, color="0.2", linewidth=0.8, zorder=2, label="_zero")
    kwargs.setdefault("color", [_SIGN_COLOURS[s] for s in signs])
    kwargs.setdefault("width", 0.8)
    ax.bar(x, y, zorder=3, **kwargs)

    ax.set_ylim(-1.05, 1.45)  # the headroom above 1 holds the legend
    ax.set_yticks([-1, -0.5, 0, 0.5, 1])
    ax.set_xlim(0.5, max(float(np.nanmax(x)), 1.0) + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    handles: list[Any] = [
        Patch(color=_SIGN_COLOURS["positive"], label="positive"),
        Patch(color=_SIGN_COLOURS["negative"], label="negative"),
        Patch(color=_SIGN_COLOURS["neutral"], label="neutral"),
        Patch(facecolor=_QUOTED_SHADE, edgecolor=OKABE_ITO["orange"], label="quoted"),
    ]
    if has_voice:
        handles.append(
            Patch(facecolor=_REPORTED_SHADE, edgecolor=OKABE_ITO["sky blue"], label="reported")
        )
    if "paragraph" in rows.columns:
        handles.append(Line2D([], [], color="0.75", linewidth=0.8, label="paragraph break"))
    if n_unknown:
        handles.append(
            Line2D(
                [], [], linestyle="none", label=f"quotes unknown: {_plural(n_unknown, 'sentence')}"
            )
        )
    ax.legend(
        handles=handles,
        loc="upper center",
        ncols=3 if len(handles) > 5 else len(handles),
        fontsize="x-small",
        frameon=False,
        handlelength=1.2,
        columnspacing=1.0,
    )
    return ax


def _runs(x: np.ndarray, mask: np.ndarray) -> list[tuple[float, float]]:
    """(first x, last x) of each run of consecutive sentences where ``mask`` is true."""
    runs: list[tuple[float, float]] = []
    start = prev = None
    for xi, m in zip(x, mask, strict=True):
        if m and start is not None and xi == prev + 1:
            prev = xi
            continue
        if start is not None:
            runs.append((start, prev))
            start = prev = None
        if m:
            start = prev = xi
    if start is not None:
        runs.append((start, prev))
    return runs


# --------------------------------------------------------------------------------------------
# scatter
# --------------------------------------------------------------------------------------------


def scatter(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    hue: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    palette: Sequence[str] | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw one article-level metric against another, one point per row, coloured by group.

    Rows missing ``x`` or ``y`` (NA) are left out and counted in the legend; rows with no
    ``hue`` value form the group ``(no group)``. Each group's legend entry gives its ``n``.
    Shares (0..1) are drawn as percentages.

    Args:
        data: an article-level table, e.g. ``newslib.analyze(df)``.
        x, y: numeric columns; axis labels come from ``METRIC_LABELS``.
        hue: group column for colours (e.g. ``"source"``), or None for one colour.
        ax: Axes to draw on (default: the current Axes).
        title: the title; by default "<y name> vs <x name>".
        palette: colours (default ``PALETTE``); groups take colours in sorted-name order.
        **kwargs: passed to ``Axes.scatter`` (e.g. ``s=40``, ``alpha=0.5``).

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> arts = pd.DataFrame({"flesch_kincaid_grade": [8.0, 11.0, None],
        ...                      "quote_share": [0.2, 0.5, 0.1], "source": ["A", "B", "A"]})
        >>> fig, ax = plt.subplots()
        >>> ax = scatter(arts, x="flesch_kincaid_grade", y="quote_share", hue="source", ax=ax)
        >>> [t.get_text() for t in ax.get_legend().get_texts()]
        ['A (n=1)', 'B (n=1)', '1 row without a value left out']
        >>> plt.close(fig)
    """
    _check_frame(data, [x, y, hue], "scatter")
    xs, ys = _numbers(data, x, "scatter"), _numbers(data, y, "scatter")
    x_spec, y_spec = _spec(x), _spec(y)
    ax = _axes(ax)
    _label(
        ax,
        x=x_spec.name,
        x_unit=x_spec.unit,
        y=y_spec.name,
        y_unit=y_spec.unit,
        title=title if title is not None else f"{y_spec.name} vs {x_spec.name}",
    )
    keep = ~(np.isnan(xs) | np.isnan(ys))
    n_dropped = int((~keep).sum())
    if not keep.any():
        return _no_data(ax)
    kwargs.setdefault("s", 20)
    kwargs.setdefault("alpha", 0.8)
    kwargs.setdefault("linewidths", 0)
    if hue is None:
        kwargs.setdefault("color", _colours(1, palette)[0])
        ax.scatter(xs[keep], ys[keep], label=f"n={int(keep.sum()):,}", **kwargs)
    else:
        groups = data[hue][keep]
        keys = _group_keys(groups)
        colours = _group_colours(keys, palette)
        for key in keys:
            mask = _same(groups, key).to_numpy()
            name = _group_name(key)
            ax.scatter(
                xs[keep][mask],
                ys[keep][mask],
                color=colours[name],
                label=f"{name} (n={int(mask.sum()):,})",
                **kwargs,
            )
    if x_spec.percent:
        _percent_axis(ax.xaxis)
    if y_spec.percent:
        _percent_axis(ax.yaxis)
    handles, labels = ax.get_legend_handles_labels()
    if hue is None:
        handles, labels = [], []  # one colour: only the missing rows need a note
    if n_dropped:
        handles.append(Line2D([], [], linestyle="none"))
        labels.append(f"{_plural(n_dropped, 'row')} without a value left out")
    if handles:
        ax.legend(handles, labels, title=hue, fontsize="small", title_fontsize="small")
    return ax
