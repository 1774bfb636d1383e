"""Metrics over time: ``timeline`` (one line per group, or small multiples for many groups).

The x axis is in the timeline's periods: ticks at period starts, written as the period is
("3 Jan", "Mar", "Q1 2016", "2016") with the year where it changes. Periods the dated articles
do not cover whole (the engine's ``partial`` column) are drawn hollow and joined by a dotted
segment, so a short first or last month does not read as a fall.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import blended_transform_factory

from newslib import labels as _labels
from newslib.timeline import timeline as _compute_timeline

from ._base import (
    _axes,
    _by_words,
    _colours,
    _group_name,
    _legend_below,
    _lower_first,
    _no_data,
    _percent_axis,
    _same,
    _values,
    _wrap_label,
)
from ._dates import _FREQ_WORDS, _event_x, _format_dates, _freq_base, _x_limits

__all__ = ["timeline", "MAX_LINES"]

#: Groups drawn as lines on one Axes; more groups get one panel each (small multiples).
MAX_LINES = 3

_EVENT_COLOUR = "0.35"
_CORPUS_COLOUR = "0.8"  # the whole-corpus line behind each panel
_STATISTIC_WORDS = {"mean": "Mean", "median": "Median"}
# Keywords of newslib.timeline.timeline that plot.timeline passes on for an article table.
_TIMELINE_OPTIONS = ("freq", "agg", "ratios", "window", "tz", "date", "metrics")
_MARKER_SIZE = 4.5
_PANEL_HEIGHT = 1.7  # inches per row of panels, at least
_PANEL_WIDTH = 2.7  # inches per column of panels, at least


# --------------------------------------------------------------------------------------------
# The timeline frame
# --------------------------------------------------------------------------------------------


def _is_timeline_frame(data: pd.DataFrame) -> bool:
    return "period" in data.columns and "n_articles" in data.columns


def _freq_word(freq: str | None) -> str:
    base = _freq_base(freq)
    return "period" if base is None else _FREQ_WORDS[base]


def _statistic(attrs: dict) -> str:
    """How the timeline summarised each period: "mean", "median" or "pooled"."""
    stat = attrs.get("statistic") or attrs.get("agg") or "mean"
    return str(stat)


def _as_x(period: pd.Series) -> np.ndarray:
    """Period starts as values matplotlib places correctly (aware ones as aware datetimes)."""
    if isinstance(period.dtype, pd.DatetimeTZDtype):
        return np.array(period.dt.to_pydatetime(), dtype=object)
    return period.to_numpy(dtype="datetime64[ns]")


def _partial(part: pd.DataFrame) -> np.ndarray:
    """The engine's ``partial`` flags (True: a period the articles do not cover whole); all
    False for a timeline without the column."""
    if "partial" not in part.columns:
        return np.zeros(len(part), dtype=bool)
    return part["partial"].astype("boolean").fillna(False).to_numpy(dtype=bool)


# --------------------------------------------------------------------------------------------
# Words: axis labels and titles
# --------------------------------------------------------------------------------------------


def _pooled_words(metric: str) -> str:
    # Shares of words (quote share, reported share...) pool words; other ratios pool articles.
    found = _labels.spec(metric)
    return "all words pooled" if found.percent and "word" in (found.unit or "") else "pooled"


def _y_label(metric: str, statistic: str, freq_word: str, unit: str | None) -> str:
    """ "Mean of articles' quote share (%)", "Quote share, all words pooled (%)", "Articles per
    month": which statistic of which quantity, in words."""
    if metric == "n_articles":
        return f"Articles per {freq_word}"
    found = _labels.spec(metric)
    if unit is None:
        unit = "%" if found.percent else found.unit
    if statistic == "pooled":
        text = f"{found.name}, {_pooled_words(metric)}"
    else:
        quantity = _lower_first(found.name)
        if statistic == "mean" and quantity.startswith("mean "):
            quantity = quantity[len("mean ") :]  # "mean of articles' mean ..." says it twice
        head = _STATISTIC_WORDS.get(statistic, statistic.capitalize())
        text = f"{head} of articles' {quantity}"
    return _wrap_label(f"{text} ({unit})") if unit else text


def _x_label(freq_word: str, tz: Any) -> str:
    head = freq_word.capitalize()
    return f"{head} ({tz} time)" if tz is not None else head


def _default_title(metric: str, freq_word: str, by: str | None) -> str:
    if metric == "n_articles":
        return f"Articles per {freq_word}{_by_words(by)}"
    return f"{_labels.name(metric)} per {freq_word}{_by_words(by)}"


def _series_name(metric: str) -> str:
    return "articles" if metric == "n_articles" else _lower_first(_labels.name(metric))


# --------------------------------------------------------------------------------------------
# Drawing one series
# --------------------------------------------------------------------------------------------


def _draw_series(
    ax: Axes,
    part: pd.DataFrame,
    metric: str,
    *,
    colour: str,
    name: str,
    ci: bool,
    rolling: bool,
    style: dict[str, Any],
    min_ci_values: int = 2,
) -> dict[str, bool]:
    """Draw one group's values: filled markers on whole periods joined by a solid line,
    hollow markers on partial periods joined by a dotted segment, the CI band (only where a
    period has ``min_ci_values`` values or more) and the rolling line. Returns what was drawn
    (for the legend)."""
    x = _as_x(part["period"])
    y = _values(part[metric])
    partial = _partial(part)
    whole = ~partial
    colour = style.pop("color", colour)
    size = style.pop("markersize", _MARKER_SIZE)
    width = style.pop("linewidth", 1.5)
    style.pop("marker", None)
    # The named line holds every period's value (markers only); the joins are drawn apart so
    # partial periods can be dotted.
    ax.plot(
        x,
        y,
        color=colour,
        label=name,
        linestyle="none",
        marker="o",
        markersize=size,
        markevery=[int(i) for i in np.flatnonzero(whole)],
        zorder=3,
        clip_on=False,  # a point on the frame (a count of 0) stays whole
        **style,
    )
    ax.plot(x, np.where(whole, y, np.nan), color=colour, linewidth=width, label="_trend", zorder=2)
    drew_partial = bool(partial.any() and np.isfinite(y[partial]).any())
    if drew_partial:
        xs: list[Any] = []
        ys: list[float] = []
        for i in np.flatnonzero(partial):
            for j in (i - 1, i + 1):
                if 0 <= j < len(y) and np.isfinite(y[i]) and np.isfinite(y[j]):
                    xs += [x[i], x[j], x[j]]
                    ys += [y[i], y[j], np.nan]
        if xs:
            ax.plot(
                np.array(xs, dtype=x.dtype),
                ys,
                color=colour,
                linestyle=":",
                linewidth=width,
                label="_partial_join",
                zorder=2,
            )
        ax.plot(
            x[partial],
            y[partial],
            linestyle="none",
            marker="o",
            markersize=size + 0.5,
            markerfacecolor="white",
            markeredgecolor=colour,
            markeredgewidth=1.3,
            label="_partial",
            zorder=4,
            clip_on=False,
        )
    low_col, high_col, roll_col = f"{metric}_ci_low", f"{metric}_ci_high", f"{metric}_rolling"
    drew_ci = ci and {low_col, high_col} <= set(part.columns)
    if drew_ci:
        low, high = _values(part[low_col]), _values(part[high_col])
        limits = _labels.spec(metric).limits
        if limits is not None:  # an interval past the scale's ends (−1..1, 0..100%) is cut there
            low, high = np.clip(low, *limits), np.clip(high, *limits)
        counts = f"{metric}_n"
        if min_ci_values > 2 and counts in part.columns:  # too few values to say anything
            few = _values(part[counts]) < min_ci_values
            low, high = np.where(few, np.nan, low), np.where(few, np.nan, high)
        ax.fill_between(x, low, high, color=colour, alpha=0.2, linewidth=0, label="_ci")
        # A band needs two neighbouring periods; an interval with none beside it would be a
        # sliver or a wedge: it is drawn as a bar.
        known = ~(np.isnan(low) | np.isnan(high))
        drew_ci = bool(known.any())  # the legend names only what is drawn
        alone = known & ~np.r_[False, known[:-1]] & ~np.r_[known[1:], False]
        if alone.any():
            ax.vlines(
                x[alone], low[alone], high[alone], color=colour, alpha=0.5, linewidth=3, label="_ci"
            )
    drew_rolling = rolling and roll_col in part.columns
    if drew_rolling:
        rolled = _values(part[roll_col])
        # A dashed line needs two neighbouring values; with one period there is nothing to
        # draw, and the legend names only what is drawn.
        known = ~np.isnan(rolled)
        drew_rolling = bool((known[1:] & known[:-1]).any())
    if drew_rolling:
        ax.plot(
            x,
            rolled,
            color=colour,
            linestyle="--",
            linewidth=width,
            label="_rolling",
            zorder=2,
        )
    return {"partial": drew_partial, "ci": drew_ci, "rolling": drew_rolling}


def _style_handles(
    drawn: dict[str, bool], attrs: dict, freq_word: str, colour: str = "0.3"
) -> list[Any]:
    """Legend entries for the line styles: partial periods, rolling mean, 95% CI."""
    handles: list[Any] = []
    if drawn.get("partial"):
        handles.append(
            Line2D(
                [],
                [],
                color=colour,
                linestyle=":",
                marker="o",
                markersize=_MARKER_SIZE + 0.5,
                markerfacecolor="white",
                markeredgecolor=colour,
                label=f"partial {freq_word} (not all days in the data)",
            )
        )
    if drawn.get("rolling"):
        span = attrs.get("window")
        text = "rolling mean"
        if isinstance(span, int) and not isinstance(span, bool):
            text = f"rolling mean ({span} periods)"
        elif isinstance(span, str):
            text = f"rolling mean ({span})"
        handles.append(Line2D([], [], color=colour, linestyle="--", label=text))
    if drawn.get("ci"):
        handles.append(Patch(facecolor=colour, alpha=0.2, label="95% CI"))
    return handles


def _series_handle(colour: str, name: str) -> Line2D:
    return Line2D([], [], color=colour, marker="o", markersize=_MARKER_SIZE, label=name)


def _mark_events(ax: Axes, events: Sequence[tuple[Any, str]], tz: Any, text: bool = True) -> list:
    """Draw the event markers; return their x positions."""
    xs: list[Any] = []
    # x in data coordinates, y in axes coordinates: labels stay at the top whatever the scale.
    trans = blended_transform_factory(ax.transData, ax.transAxes)
    for when, label in events:
        x = _event_x(when, tz)
        xs.append(x)
        ax.axvline(x, color=_EVENT_COLOUR, linestyle=":", linewidth=1, label="_event")
        if text:
            ax.text(
                x,
                0.98,
                f" {label}",
                transform=trans,
                rotation=90,
                ha="right",
                va="top",
                fontsize="small",
                color=_EVENT_COLOUR,
            )
    return xs


def _check_events(events: Iterable[tuple[Any, str]] | None) -> list[tuple[Any, str]]:
    out = []
    for item in events or []:
        try:
            when, text = item
        except (TypeError, ValueError) as err:
            raise ValueError(
                f"plot.timeline(): events must be (date, label) pairs, got {item!r}"
            ) from err
        out.append((when, str(text)))
    return out


def _y_axis(
    ax: Axes,
    metric: str,
    frames: Sequence[pd.DataFrame],
    *,
    ci: bool,
    nbins: Any = "auto",
) -> None:
    """Counts from zero; otherwise the range of the points, with room for the CI bands of at
    most the points' own range either side (a band of a period with two articles would
    otherwise flatten every line); shares in percent."""
    if metric == "n_articles":
        top = max((float(np.nanmax(_values(f[metric]))) for f in frames if len(f)), default=1.0)
        ax.set_ylim(0, max(top, 1.0) * 1.08)  # a count is read from zero
        ax.yaxis.set_major_locator(MaxNLocator(nbins=nbins, integer=True, steps=[1, 2, 5, 10]))
        return
    points = np.concatenate([_values(f[metric]) for f in frames if metric in f] or [[]])
    points = points[np.isfinite(points)]
    if len(points):
        lo, hi = float(points.min()), float(points.max())
        limits = _labels.spec(metric).limits
        span = hi - lo
        if span <= 0:
            span = 0.1 * (limits[1] - limits[0]) if limits else max(abs(hi) * 0.2, 0.1)
        low, high = lo, hi
        if ci and f"{metric}_ci_low" in frames[0] and f"{metric}_ci_high" in frames[0]:
            band = np.concatenate(
                [_values(frames[0][f"{metric}_ci_low"]), _values(frames[0][f"{metric}_ci_high"])]
            )
            band = band[np.isfinite(band)]
            if len(band):
                low = max(min(lo, float(band.min())), lo - span)
                high = min(max(hi, float(band.max())), hi + span)
        if limits is not None:
            low, high = max(low, limits[0]), min(high, limits[1])
        pad = 0.06 * (high - low) or 0.05
        ax.set_ylim(low - pad, high + pad)
    percent = _labels.spec(metric).percent
    # Round steps: shares by 1, 2 or 5 percentage points, scores also by 0.25 (never 0.08).
    steps = [1, 2, 5, 10] if percent else [1, 2, 2.5, 5, 10]
    ax.yaxis.set_major_locator(MaxNLocator(nbins=nbins, steps=steps))
    if percent:
        _percent_axis(ax.yaxis)


# --------------------------------------------------------------------------------------------
# timeline
# --------------------------------------------------------------------------------------------


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
    panels: bool | None = None,
    **kwargs: Any,
) -> Axes | np.ndarray:
    """Draw a metric over time: one line per group with its 95% CI band and rolling line, or,
    for more than ``MAX_LINES`` (3) groups, one small panel per group.

    Each period is a point at its start. Periods the dated articles do not cover whole (the
    timeline's ``partial`` column, when it has one) are hollow points joined by a dotted
    segment and explained in the legend ("partial month"); periods without articles leave
    gaps. The y label says which statistic it shows ("Mean of articles' quote share",
    "Quote share, all words pooled", "Articles per month"); counts are drawn from zero and
    shares in percent. The x axis is labelled with the period in words ("Month") and its ticks
    fit the step ("3 Jan", "Mar" with the year at January or the first tick, "Q1 2016",
    "2016").

    Small multiples: with ``by`` and more than three groups (or ``panels=True``), each group
    gets its own panel, titled with its name and number of articles, with the whole corpus
    as a light grey line behind it; the panels share both axes. They are drawn in ``ax``'s
    place (a sub-figure where ``ax`` was; when ``ax`` was the figure's only Axes, the figure
    grows to give each row of panels at least 1.7 in), or without ``ax`` on the current figure
    if it is empty, else on a new one. Then the return value is a 1-d numpy array of the
    panels' Axes, one per group in the timeline's group order; otherwise the Axes.

    Args:
        data: the output of ``newslib.timeline.timeline`` (recognised by its ``period`` and
            ``n_articles`` columns), or an article table with a date column, which is passed to
            ``newslib.timeline.timeline`` first together with the ``freq``, ``agg``,
            ``ratios``, ``window``, ``tz`` and ``date`` keywords found in ``kwargs``.
        metric: the metric to draw (a metric column of the timeline, or ``"n_articles"`` for
            the article counts, drawn without CI or rolling line).
        by: the group column; defaults to the one the timeline was computed with
            (``data.attrs["by"]``).
        ax: Axes to draw on (default: the current Axes).
        ci: shade the 95% confidence interval (``<metric>_ci_low`` .. ``<metric>_ci_high``).
        rolling: draw ``<metric>_rolling`` as a dashed line when the timeline has it.
        events: ``[(date, label), ...]`` marked as dotted vertical lines with rotated labels.
            Naive event dates on an axis in a time zone are read in that zone.
        unit: unit of the metric for the y label (default: its unit in ``newslib.labels``).
        title: the title; by default the metric's name per period ("Quote share per month").
        palette: colours for the groups (default ``PALETTE``, Okabe–Ito).
        panels: ``None`` (default): small multiples for more than three groups; ``True`` or
            ``False`` to choose.
        **kwargs: the timeline keywords above (article tables only); the rest go to
            ``Axes.plot`` for the points (e.g. ``markersize=6``, ``linewidth=2``).

    Empty input gives an Axes that says "no data".

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> df = pd.DataFrame({"date": pd.to_datetime(["2024-01-01", "2024-01-09"]),
        ...                    "compound": [0.2, -0.1]})
        >>> ax = timeline(df, metric="compound", freq="W", events=[("2024-01-05", "debate")])
        >>> ax.get_xlabel(), ax.get_ylabel()
        ('Week', "Mean of articles' sentence sentiment\\n(VADER compound, −1 to 1)")
        >>> plt.close("all")
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"plot.timeline() takes a DataFrame, not {type(data).__name__}")
    options = {k: kwargs.pop(k) for k in _TIMELINE_OPTIONS if k in kwargs}
    corpus: pd.DataFrame | None = None
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
        many = by is not None and frame[by].nunique(dropna=False) > MAX_LINES
        if metric != "n_articles" and (panels or (many and panels is not False)):
            corpus = _compute_timeline(data, **options)  # the grey line behind the panels
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
    events = _check_events(events)

    attrs = frame.attrs
    freq = attrs.get("freq")
    freq_word = _freq_word(freq)
    tz = frame["period"].dt.tz
    is_count = metric == "n_articles"
    y_label = _y_label(metric, _statistic(attrs), freq_word, unit)
    x_label = _x_label(freq_word, tz)
    title = title if title is not None else _default_title(metric, freq_word, by)
    ci = ci and not is_count
    rolling = rolling and not is_count

    keys = [] if by is None else frame[by].drop_duplicates().tolist()
    if by is not None and (panels or (panels is None and len(keys) > MAX_LINES)) and len(keys):
        if corpus is None:
            corpus = _corpus_from_groups(frame, metric, by)
        return _panels(
            frame,
            corpus,
            metric=metric,
            by=by,
            keys=keys,
            ax=ax,
            labels=(x_label, y_label, title),
            ci=ci,
            rolling=rolling,
            events=events,
            palette=palette,
            style=kwargs,
        )

    ax = _axes(ax)
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    ax.set_title(title)
    if frame.empty:
        return _no_data(ax)

    if by is None:
        parts = [(None, frame)]
    else:
        # Groups in the timeline's own order (sorted, NA last), so colours are stable.
        parts = [(key, frame[_same(frame[by], key)]) for key in keys]
    colours = _colours(len(parts), palette)
    drawn: dict[str, bool] = {}
    handles: list[Any] = []
    for (key, part), colour in zip(parts, colours, strict=True):
        if key is None:
            name = _series_name(metric)
        else:
            name = f"{_group_name(key)} (n={int(part['n_articles'].sum()):,})"
        got = _draw_series(
            ax, part, metric, colour=colour, name=name, ci=ci, rolling=rolling, style=dict(kwargs)
        )
        drawn = {k: drawn.get(k, False) or v for k, v in got.items()}
        handles.append(_series_handle(colour, name))

    event_xs = _mark_events(ax, events, tz)
    _x_limits(ax, frame["period"], freq, tz, event_xs)
    _format_dates(ax, freq, tz)
    _y_axis(ax, metric, [frame], ci=ci)
    style = _style_handles(drawn, attrs, freq_word)
    if by is None:
        handles = handles if style else []  # a single line needs no legend of its own
    if handles or style:
        _legend_below_dates(ax, handles + style, freq)
    return ax


def _legend_below_dates(ax: Axes, handles: list[Any], freq: str | None) -> None:
    """The legend under the date axis, off the lines and bands."""
    two_lines = _freq_base(freq) in ("h", "D", "W", "M")  # the year under a tick
    ncols = len(handles) if len(handles) <= 3 else math.ceil(len(handles) / 2)
    _legend_below(ax, handles, ncols=ncols, tick_lines=2 if two_lines else 1)


def _corpus_from_groups(frame: pd.DataFrame, metric: str, by: str) -> pd.DataFrame | None:
    """The whole corpus per period, from a grouped timeline: counts summed, means weighted by
    each group's number of values (exact); None for a statistic that cannot be recombined."""
    stat = _statistic(frame.attrs)
    rows = frame.assign(_v=_values(frame[metric]))
    if metric == "n_articles":
        return None  # the corpus total would dwarf every group's count
    n_col = f"{metric}_n"
    if stat != "mean" or n_col not in frame.columns:
        return None
    rows["_w"] = _values(frame[n_col])
    rows["_vw"] = rows["_v"].fillna(0) * rows["_w"]
    sums = rows.groupby("period", sort=True)[["_vw", "_w"]].sum()
    value = (sums["_vw"] / sums["_w"].where(sums["_w"] > 0)).rename(metric)
    return value.reset_index()


# Panels shade a period's interval only from this many articles up (t(0.975, 1) is 12.7).
_PANEL_MIN_CI_VALUES = 3


def _panels(
    frame: pd.DataFrame,
    corpus: pd.DataFrame | None,
    *,
    metric: str,
    by: str,
    keys: list[Any],
    ax: Axes | None,
    labels: tuple[str, str, str],
    ci: bool,
    rolling: bool,
    events: list[tuple[Any, str]],
    palette: Sequence[str] | None,
    style: dict[str, Any],
) -> np.ndarray:
    """Small multiples: one panel per group, shared axes, the corpus in grey behind each."""
    n = len(keys)
    ncols = 2 if n <= 4 else 3 if n <= 9 else 4
    nrows = math.ceil(n / ncols)
    fig, host = _panel_host(ax, nrows, ncols)
    grid = host.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False)
    flat = list(grid.flat)
    for extra in flat[n:]:
        extra.remove()
    x_label, y_label, title = labels
    # The last panel of each column shows the date ticks (its lower neighbours are gone) and
    # the period in words.
    for col in range(ncols):
        column = [flat[r * ncols + col] for r in range(nrows) if r * ncols + col < n]
        if column:
            column[-1].xaxis.set_tick_params(labelbottom=True)
            column[-1].set_xlabel(x_label)
    attrs = frame.attrs
    freq = attrs.get("freq")
    freq_word = _freq_word(freq)
    tz = frame["period"].dt.tz
    colours = _colours(n, palette)
    drawn: dict[str, bool] = {}
    panels = np.empty(n, dtype=object)
    for i, (key, colour) in enumerate(zip(keys, colours, strict=True)):
        panel = flat[i]
        part = frame[_same(frame[by], key)]
        if corpus is not None:
            panel.plot(
                _as_x(corpus["period"]),
                _values(corpus[metric]),
                color=_CORPUS_COLOUR,
                linewidth=1.2,
                label="_corpus",
                zorder=1,
            )
        got = _draw_series(
            panel,
            part,
            metric,
            colour=colour,
            name=_group_name(key),
            ci=ci,
            rolling=rolling,
            style=dict(style),
            # a group's period of two articles has a t-interval wider than the panel
            min_ci_values=_PANEL_MIN_CI_VALUES,
        )
        drawn = {k: drawn.get(k, False) or v for k, v in got.items()}
        _mark_events(panel, events, tz, text=i == 0)
        panel.set_title(
            f"{_group_name(key)} (n={int(part['n_articles'].sum()):,})", fontsize="medium"
        )
        panels[i] = panel
    event_xs = [_event_x(when, tz) for when, _ in events]
    first = panels[0]
    _x_limits(first, frame["period"], freq, tz, event_xs)
    _format_dates(first, freq, tz)
    _y_axis(first, metric, [frame] if corpus is None else [frame, corpus], ci=ci, nbins=4)
    host.suptitle(title)
    host.supylabel(y_label, fontsize="medium")
    handles: list[Any] = []
    if corpus is not None:
        handles.append(Line2D([], [], color=_CORPUS_COLOUR, linewidth=1.2, label="all articles"))
    handles += _style_handles(drawn, attrs, freq_word)
    if handles:
        host.legend(
            handles=handles,
            loc="outside lower center" if fig.get_layout_engine() is not None else "lower center",
            ncols=len(handles),
            fontsize="small",
            frameon=False,
        )
    return panels


def _panel_host(ax: Axes | None, nrows: int, ncols: int) -> tuple[Figure, Figure | SubFigure]:
    """Where the panels go: a sub-figure in ``ax``'s place, or the current (empty) figure, or
    a new one; a figure holding nothing else grows to fit the grid."""
    if ax is None:
        fig = plt.gcf() if plt.get_fignums() else None
        if fig is None or fig.axes:
            fig = plt.figure(layout="constrained")
        alone = True
        host: Figure | SubFigure = fig
    else:
        fig = ax.figure.figure if isinstance(ax.figure, SubFigure) else ax.figure
        spec = ax.get_subplotspec()
        alone = len(fig.axes) == 1
        ax.remove()
        host = fig if alone or spec is None else fig.add_subfigure(spec)
    if alone:
        if fig.get_layout_engine() is None:
            fig.set_layout_engine("constrained")
        width, height = fig.get_size_inches()
        need_w = ncols * _PANEL_WIDTH + 0.6
        need_h = nrows * _PANEL_HEIGHT + 1.1
        if width < need_w or height < need_h:
            fig.set_size_inches(max(width, need_w), max(height, need_h))
    return fig, host
