"""Sentence sentiment: ``sentiment_strip`` (sentence by sentence through one article) and
``sentiment_by_voice`` (the distribution of sentence sentiment in quoted, reported and the
reporter's own sentences)."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt  # noqa: F401 (the examples use it)
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from newslib import labels as _labels
from newslib.sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, QUOTED_THRESHOLD

from ._base import (
    OKABE_ITO,
    VOICE_COLOURS,
    VOICE_NAMES,
    _axes,
    _check_frame,
    _label,
    _legend_below,
    _no_data,
    _numbers,
    _plural,
    _short,
)

__all__ = ["sentiment_strip", "sentiment_by_voice"]

_SIGN_COLOURS = {
    "positive": OKABE_ITO["blue"],
    "negative": OKABE_ITO["vermillion"],
    "neutral": "0.6",
}
_MIN_SENTENCES = 7  # the narrowest sentence window of the strip, in sentences
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

    One bar per sentence (x: its number in the article, from 0 as in the sentences table;
    y: VADER compound from −1 to 1), blue when positive (≥ 0.05), vermillion when negative
    (≤ −0.05), grey when neutral. Sentences with ``in_quote`` ≥ 0.5 (mostly quoted speech)
    get a pale orange band behind them
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
    _label(ax, x=_labels.label("sentence"), y=_labels.label("compound"))
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
    # Numbered as the sentences table numbers them: from 0.
    x = _numbers(rows, "sentence", "sentiment_strip")
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
    _sentence_axis(ax, x)
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


def _sentence_axis(ax: Axes, x: np.ndarray) -> None:
    """Whole sentence numbers only; a short article sits in a window at least
    ``_MIN_SENTENCES`` wide, so one sentence is a bar among empty room, not a block."""
    lo, hi = float(np.nanmin(x)), float(np.nanmax(x))
    if hi - lo + 1 < _MIN_SENTENCES:
        centre = (lo + hi) / 2
        ax.set_xlim(centre - _MIN_SENTENCES / 2, centre + _MIN_SENTENCES / 2)
    else:
        ax.set_xlim(lo - 0.5, hi + 0.5)
    if len(x) <= 15:
        ax.set_xticks(x)  # a tick under every sentence, none between them
    else:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=3))


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
# sentiment_by_voice
# --------------------------------------------------------------------------------------------

# Sentence voices as newslib.sentiment writes them, and as the notebooks label them.
_VOICE_CODES = {
    "quoted": "quoted",
    "reported": "reported",
    "narration": "own",
    "own": "own",
    VOICE_NAMES["own"]: "own",
}
_VOICE_ORDER = ("quoted", "reported", "own")
# The reporter's own grey, dark enough for points and outlines.
_VOICE_INK = {**VOICE_COLOURS, "own": "#8C8C8C"}
#: Above this many sentences in a voice, ``sentiment_by_voice`` draws histograms, not points.
MAX_POINTS = 300
# Bins 0.1 wide centred on 0: the middle bin is VADER's neutral band (−0.05 to 0.05).
_BINS = np.linspace(-1.05, 1.05, 22)
_ROW_FILL = 0.75  # the tallest bar other than the neutral one, in rows
_ROW_CAP = 0.88  # a neutral bar is cut at this height, in rows


def sentiment_by_voice(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    max_points: int = MAX_POINTS,
    title: str | None = None,
) -> Axes:
    """Draw how sentence sentiment is spread in each voice: quoted sentences at the top, then
    reported ones, then the reporter's own.

    Up to ``max_points`` sentences per voice, every sentence is a point over a box (quartiles,
    whiskers at 1.5 IQR). Above that, points would merge into a blob, so each voice gets a
    histogram instead (bins 0.1 wide; the middle one is VADER's neutral band, −0.05 to 0.05),
    bar heights as the share of the voice's sentences on one scale for all voices, the
    tallest bar of each voice labelled with its percentage. A black tick marks each voice's
    mean. Tick labels give the number of sentences; sentences without a voice or a score are
    left out and counted in the legend.

    Args:
        data: sentence rows with ``compound`` and ``voice`` (``quoted``, ``reported``,
            ``narration`` as ``newslib.sentiment`` writes them, or the labels of
            ``newslib.notebook.sentences_by_voice``).
        ax: Axes to draw on (default: the current Axes).
        max_points: the most sentences per voice drawn as points.
        title: the title; by default "Sentence sentiment by voice".

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> s = pd.DataFrame({"voice": ["narration", "quoted", "quoted", "reported"],
        ...                   "compound": [0.0, 0.5, -0.2, 0.1]})
        >>> fig, ax = plt.subplots()
        >>> ax = sentiment_by_voice(s, ax=ax)
        >>> [t.get_text() for t in ax.get_yticklabels()]
        ['quoted (n=2)', 'reported (n=1)', "the reporter's own (n=1)"]
        >>> plt.close(fig)
    """
    _check_frame(data, ["voice", "compound"], "sentiment_by_voice")
    values = _numbers(data, "compound", "sentiment_by_voice")
    codes = data["voice"].astype("string").map(_VOICE_CODES, na_action="ignore")
    codes = codes.astype("string").to_numpy(dtype=object, na_value=None)
    ax = _axes(ax)
    _label(
        ax,
        x=_labels.label("compound"),
        y=_labels.name("voice"),
        title=title if title is not None else "Sentence sentiment by voice",
    )
    groups = {v: np.sort(values[(codes == v) & ~np.isnan(values)]) for v in _VOICE_ORDER}
    left_out = len(values) - sum(len(g) for g in groups.values())
    if not any(len(g) for g in groups.values()):
        return _no_data(ax)
    # Rows from the top: quoted at y=0 (the axis is inverted below).
    dense = max(len(g) for g in groups.values()) > max_points
    handles: list[Any] = []
    if dense:
        _voice_histograms(ax, groups)
    else:
        _voice_points(ax, groups)
    for row, voice in enumerate(_VOICE_ORDER):
        vals = groups[voice]
        if len(vals):
            mean = float(vals.mean())
            top, bottom = (row - 0.45, row + 0.45) if not dense else (row - 0.1, row + 0.45)
            ax.plot(
                [mean, mean],
                [top, bottom],
                color="black",
                linewidth=2,
                zorder=5,
                label="_mean",
                solid_capstyle="butt",
            )
    handles.append(Line2D([], [], color="black", linewidth=2, label="mean"))
    if dense:
        handles.append(
            Patch(facecolor="0.85", edgecolor="0.4", label="bars: % of the voice's sentences")
        )
        if any(p.get_label() == "_cut" for p in ax.patches):
            handles.append(
                Patch(
                    facecolor="0.85",
                    edgecolor="0.4",
                    hatch="///",
                    label="cut short (% written)",
                )
            )
    if left_out:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                label=f"{_plural(left_out, 'sentence')} without a voice or score left out",
            )
        )
    ax.set_yticks(
        range(len(_VOICE_ORDER)),
        [f"{VOICE_NAMES[v]} (n={len(groups[v]):,})" for v in _VOICE_ORDER],
    )
    ax.set_ylim(len(_VOICE_ORDER) - 0.5, -0.5)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1])
    ax.axvline(0, color="0.75", linewidth=0.8, zorder=0, label="_zero")
    _legend_below(ax, handles, ncols=min(2, len(handles)), right=True)
    return ax


def _voice_points(ax: Axes, groups: dict[str, np.ndarray]) -> None:
    """Each sentence a point over its voice's box."""
    from ._base import _MPL_ORIENTATION, _strip_points

    filled = [(row, v) for row, v in enumerate(_VOICE_ORDER) if len(groups[v])]
    options: dict[str, Any] = {"orientation": "horizontal"} if _MPL_ORIENTATION else {"vert": False}
    result = ax.boxplot(
        [groups[v] for _, v in filled],
        positions=[row for row, _ in filled],
        widths=0.6,
        showfliers=False,
        patch_artist=True,
        manage_ticks=False,
        medianprops={"color": "0.2", "linewidth": 1},
        **options,
    )
    for box, (_, voice) in zip(result["boxes"], filled, strict=True):
        box.set_facecolor(_VOICE_INK[voice])
        box.set_alpha(0.3)
        box.set_edgecolor(_VOICE_INK[voice])
    for row, voice in filled:
        vals = groups[voice]
        _strip_points(ax, vals, row, _VOICE_INK[voice], width=0.5)


def _voice_histograms(ax: Axes, groups: dict[str, np.ndarray]) -> None:
    """One histogram per voice in its row, heights as shares on one scale for all voices.

    VADER scores many sentences exactly 0, so the neutral bin can hold half a voice's
    sentences and would flatten the rest: the scale is set by the other bins, and a neutral
    bar taller than its row is cut, hatched, and its share written beside it."""
    shares = {}
    for voice, vals in groups.items():
        counts, _ = np.histogram(np.clip(vals, -1.0, 1.0), bins=_BINS)
        shares[voice] = counts / len(vals) if len(vals) else counts * 0.0
    centres = (_BINS[:-1] + _BINS[1:]) / 2
    neutral = int(np.argmin(np.abs(centres)))
    others = np.ones(len(centres), dtype=bool)
    others[neutral] = False
    tallest = max(float(s[others].max()) for s in shares.values()) or 1.0
    scale = _ROW_FILL / tallest  # the tallest non-neutral bar fills most of a row
    for row, voice in enumerate(_VOICE_ORDER):
        if not len(groups[voice]):
            continue
        share = shares[voice]
        heights = share * scale
        cut = heights[neutral] > _ROW_CAP
        heights[neutral] = min(heights[neutral], _ROW_CAP)
        base = row + 0.45  # the row's baseline (the y axis points down)
        bars = ax.bar(
            centres,
            -heights,
            bottom=base,
            width=0.1,
            color=VOICE_COLOURS[voice],
            edgecolor=_VOICE_INK[voice],
            linewidth=0.6,
            zorder=2,
            label="_hist",
        )
        if cut:
            bars[neutral].set_hatch("///")
            bars[neutral].set_edgecolor("0.2")  # the hatch is drawn in the edge colour
            bars[neutral].set_label("_cut")
        ax.axhline(base, color="0.6", linewidth=0.6, zorder=1, label="_baseline")
        ax.text(
            centres[neutral] + 0.07,
            base - heights[neutral],
            f"{share[neutral]:.0%} neutral",
            ha="left",
            va="top",
            fontsize="x-small",
            color="0.15",
            zorder=6,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.7, "pad": 1},
        )
