"""Distributions of article-level metrics: ``distribution`` (a histogram, or one box per group)
with its shortcuts ``readability`` and ``quote_share``, and ``scatter`` (one metric against
another)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt  # noqa: F401 (the examples use it)
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from newslib import labels as _labels

from ._base import (
    _MPL_ORIENTATION,
    MetricLabel,
    _axes,
    _by_words,
    _check_frame,
    _colours,
    _default_bins,
    _format_value,
    _group_colours,
    _group_keys,
    _group_name,
    _label,
    _lower_first,
    _no_data,
    _numbers,
    _percent_axis,
    _plural,
    _same,
    _spec,
    _strip_points,
)

__all__ = ["distribution", "readability", "quote_share", "scatter"]

_MAX_POINTS = 500  # points per box at most; a larger group shows an even sample


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
    last with ``n=0``; articles with no group form the group ``not stated``. Shares (0..1, e.g.
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
        title = spec.name + _by_words(by)
        if by is None and n:
            title += f", {_plural(n, 'article')}"
    if by is None:
        _label(ax, x=spec.name, x_unit=spec.unit, y="Articles", title=title)
        if n == 0:
            return _no_data(ax)
        _histogram(ax, values[has], spec, bins, palette, kwargs)
        handles, labels = ax.get_legend_handles_labels()
    else:
        _label(ax, x=spec.name, x_unit=spec.unit, y=_labels.name(by), title=title)
        if n == 0:
            return _no_data(ax)
        thinned = _boxes(ax, data[by], values, palette, kwargs)
        handles, labels = [], []
        if thinned:
            handles.append(Line2D([], [], linestyle="none"))
            labels.append(f"points: an even sample of {_MAX_POINTS} per group over {_MAX_POINTS}")
    if n_missing:
        handles.append(Line2D([], [], linestyle="none"))
        labels.append(f"{_plural(n_missing, 'article')} without a value left out")
    if handles:
        # A framed legend stays readable where it overlaps bars or points.
        ax.legend(handles, labels, fontsize="small", framealpha=0.9)
    if spec.percent:
        _percent_axis(ax.xaxis)
    if _from_zero(spec, values):
        ax.set_xlim(left=0)  # a share or a count is read from zero
    return ax


def _from_zero(spec: MetricLabel, values: np.ndarray) -> bool:
    """Shares and counts (articles' lengths, quotations...) are drawn from zero."""
    has = values[~np.isnan(values)]
    return bool(len(has)) and float(has.min()) >= 0 and (spec.percent or spec.digits == 0)


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
    if bins is None:
        bins = _default_bins(values, spec, 0.0 if _from_zero(spec, values) else None)
    ax.hist(values, bins=bins, **kwargs)
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
) -> bool:
    """One box per group with its articles as points (an even sample of ``_MAX_POINTS`` for
    a larger group); True when some group was thinned."""
    keys = _group_keys(groups)
    colours = _group_colours(keys, palette)
    parts = []
    for key in keys:
        vals = values[_same(groups, key).to_numpy()]
        vals = np.sort(vals[~np.isnan(vals)])  # sorted: the jitter does not depend on row order
        median = float(np.median(vals)) if len(vals) else np.nan
        parts.append((_group_name(key), vals, median))
    # An ordered category keeps its order; otherwise highest median first, empty groups
    # last, ties by name.
    ordered = isinstance(groups.dtype, pd.CategoricalDtype) and groups.dtype.ordered
    if not ordered:
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
    thinned = False
    for i, (name, vals, _) in filled:
        if len(vals) > _MAX_POINTS:
            # Evenly spaced ranks of the sorted values: the sample keeps the distribution's
            # shape, and thousands of points do not merge into a blob.
            vals = vals[np.linspace(0, len(vals) - 1, _MAX_POINTS).round().astype(int)]
            thinned = True
        _strip_points(ax, vals, i, colours[name])
    ax.set_yticks(range(len(parts)), [f"{name} (n={len(vals):,})" for name, vals, _ in parts])
    ax.set_ylim(len(parts) - 0.5, -0.5)  # first group at the top
    return thinned


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


def scatter(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    hue: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    palette: Sequence[str] | None = None,
    diagonal: bool = False,
    **kwargs: Any,
) -> Axes:
    """Draw one article-level metric against another, one point per row, coloured by group.

    Rows missing ``x`` or ``y`` (NA) are left out and counted in the legend; rows with no
    ``hue`` value form the group ``not stated``. Each group's legend entry gives its ``n``.
    Shares (0..1) are drawn as percentages.

    Args:
        data: an article-level table, e.g. ``newslib.analyze(df)``.
        x, y: numeric columns; axis labels come from ``METRIC_LABELS``.
        hue: group column for colours (e.g. ``"source"``), or None for one colour.
        ax: Axes to draw on (default: the current Axes).
        title: the title; by default "<y name> vs <x name>".
        palette: colours (default ``PALETTE``); groups take colours in sorted-name order.
        diagonal: draw the line y = x ("same on both axes", dashed) over equal x and y
            ranges, for two metrics on one scale (e.g. the sentiment of quoted sentences
            against the reporter's own): points above it have the higher ``y``.
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
        >>> arts["article_id"] = ["a1", "a2", "a3"]  # an article table: its points are articles
        >>> ax = scatter(arts, x="flesch_kincaid_grade", y="quote_share", ax=ax)
        >>> ax.get_legend().get_texts()[-1].get_text()
        '1 article without a value left out'
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
        title=title if title is not None else f"{y_spec.name} vs {_lower_first(x_spec.name)}",
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
    for spec, axis in ((x_spec, ax.xaxis), (y_spec, ax.yaxis)):
        if spec.percent:
            _percent_axis(axis)
        elif spec.digits == 0:
            # counts and numbers ('paragraph', 'n_words'): no tick between paragraph 0 and 1
            axis.set_major_locator(MaxNLocator(integer=True))
    handles, labels = ax.get_legend_handles_labels()
    if hue is None:
        handles, labels = [], []  # one colour: only the missing rows need a note
    if diagonal:
        handles.append(_diagonal(ax, y_spec))
        labels.append(handles[-1].get_label())
    if n_dropped:
        handles.append(Line2D([], [], linestyle="none"))
        labels.append(f"{_plural(n_dropped, _point_word(data))} without a value left out")
    if handles:
        # Many groups: the legend goes right of the plot, off the points.
        outside = {"loc": "upper left", "bbox_to_anchor": (1.02, 1.0)} if len(handles) > 4 else {}
        ax.legend(
            handles,
            labels,
            title=None if hue is None else _labels.name(hue),
            fontsize="small",
            title_fontsize="small",
            **outside,
        )
    return ax


def _point_word(data: pd.DataFrame) -> str:
    """What one row of ``data`` is, in the words of a legend: a paragraph or a sentence of the
    paragraph and sentence tables, an article of an article-level table, else a row."""
    for unit in ("sentence", "paragraph"):
        if unit in data.columns:
            return unit
    if "article_id" in data.columns and data["article_id"].is_unique:
        return "article"
    return "row"


def _diagonal(ax: Axes, y_spec: MetricLabel) -> Line2D:
    """The line y = x over equal x and y ranges, with the side above it named."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    lo, hi = min(x0, y0), max(x1, y1)
    ax.plot(
        [lo, hi], [lo, hi], color="0.35", linestyle="--", linewidth=1, zorder=1, label="_diagonal"
    )
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_aspect("equal", adjustable="box")
    ax.text(
        0.03,
        0.97,
        f"above the line: {_lower_first(y_spec.name)} higher",
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize="small",
        color="0.3",
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1.5},
        zorder=4,
    )
    return Line2D([], [], color="0.35", linestyle="--", linewidth=1, label="same on both axes")
