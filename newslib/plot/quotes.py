"""Who speaks: ``speakers`` (the most quoted people), ``voices`` (quoted, reported and the
reporter's own words), and the people views ``speaker_types`` (named people, organisations,
unnamed sources), ``speaker_genders`` (she, he, not stated) and ``share_over_time`` (the share
of anonymous sourcing, or of words by women, per period)."""

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
from newslib.quotes.shares import pooled_voices

from ._base import (
    OKABE_ITO,
    PALETTE,
    VOICE_COLOURS,
    VOICE_NAMES,
    _axes,
    _by_words,
    _check_frame,
    _colours,
    _group_keys,
    _group_name,
    _label,
    _legend_below,
    _no_data,
    _numbers,
    _percent_axis,
    _plural,
    _same,
    _short,
    _stacked_shares,
)

__all__ = ["speakers", "voices", "speaker_types", "speaker_genders", "share_over_time"]


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
    x_name = "Words attributed" if attributed else "Words in quotations"
    _label(ax, x=x_name, x_unit="summed over articles", y=_labels.name("speaker"))
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
    last as ``not stated``.

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
        title = "Whose words" if by is None else f"Whose words, by {_labels.words(by)}"
    _label(
        ax,
        x="Share of all words",
        x_unit="%, articles pooled",
        y=_labels.name(by) if by is not None else "",
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
    shares = pd.DataFrame(
        {
            voice: pooled[f"{voice}_share"].astype("Float64").to_numpy(dtype=float, na_value=0.0)
            for voice in ("quoted", "reported", "own")
        }
    )
    shares[~has_words] = np.nan
    ticks = [
        f"{_short(name, 28)} (n={count:,})"
        if has
        else f"{_short(name, 28)} (n={count:,}, no words)"
        for name, count, has in zip(names, counts, has_words, strict=True)
    ]
    _stacked_shares(
        ax, shares, colours=VOICE_COLOURS, names=VOICE_NAMES, tick_labels=ticks, **kwargs
    )
    _legend_below(ax)
    return ax


# --------------------------------------------------------------------------------------------
# People: types of source, genders, shares over time
# --------------------------------------------------------------------------------------------

#: The types of source of an attribution (``newslib.people``'s ``speaker_type``), in the order
#: the bars stack them, with their names in the legends.
SPEAKER_TYPE_NAMES: dict[str, str] = {
    "person": "named person",
    "organization": "organisation",
    "anonymous": "unnamed (anonymous)",
    "unknown": "unclear",
    "none": "no source given",
}
#: Their colours: Okabe–Ito blue and sky blue for named sources, vermillion for unnamed ones
#: (the share a reader looks for), greys for the rest.
SPEAKER_TYPE_COLOURS: dict[str, str] = {
    "person": OKABE_ITO["blue"],
    "organization": OKABE_ITO["sky blue"],
    "anonymous": OKABE_ITO["vermillion"],
    "unknown": "#B3B3B3",
    "none": "#DEDEDE",
}
#: How the articles refer to a named person (``newslib.people``'s ``gender``), in bar order.
GENDER_NAMES: dict[str, str] = {"female": "she", "male": "he", "unknown": "not stated"}
#: Their colours (Okabe–Ito bluish green and reddish purple; grey for not stated).
GENDER_COLOURS: dict[str, str] = {
    "female": OKABE_ITO["bluish green"],
    "male": OKABE_ITO["reddish purple"],
    "unknown": "#D0D0D0",
}
_WHITE_INK = {"person": "white", "anonymous": "white", "female": "white"}


def _column(data: pd.DataFrame, names: Sequence[str], caller: str) -> str:
    """The first of ``names`` the frame has (the attributions frame says ``type``, the people
    table ``speaker_type``)."""
    for name in names:
        if name in data.columns:
            return name
    _check_frame(data, [names[0]], caller)
    raise AssertionError("unreachable")


def _groups(data: pd.DataFrame, by: str | None) -> tuple[list[Any], list[pd.DataFrame]]:
    if by is None:
        return ["all articles"], [data]
    keys = _group_keys(data[by])
    return [_group_name(k) for k in keys], [data[_same(data[by], k).to_numpy()] for k in keys]


def speaker_types(
    attributions: pd.DataFrame,
    *,
    by: str | None = "source",
    ax: Axes | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw who the attributions come from: one bar from 0 to 100% per group, stacked by type
    of source — named people, organisations, unnamed people (anonymous sourcing: "a senior
    aide", "officials"), unclear, and no source at all (a passive, "it was reported").

    Each attribution (a quotation or a reported statement with its speaker) counts once.
    Segments of 6% or more carry their percentage; tick labels give each group's number of
    attributions. Groups in sorted order from the top, rows without a group last as
    ``not stated``.

    Args:
        attributions: one row per attribution with its type of source in ``type`` (or
            ``speaker_type``): ``person``, ``organization``, ``anonymous``, ``unknown``,
            ``none`` (NA counts as ``none``); e.g. ``newslib.notebook_people.attributions(data)``.
        by: group column (default ``"source"``), or None for one bar of all attributions.
        ax: Axes to draw on (default: the current Axes).
        title: the title; by default "Who the attributions come from, by source".
        **kwargs: passed to ``Axes.barh`` (e.g. ``height=0.5``).

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> a = pd.DataFrame({"source": ["A", "A", "A", "B"],
        ...                   "type": ["person", "anonymous", "person", "none"]})
        >>> fig, ax = plt.subplots()
        >>> ax = speaker_types(a, ax=ax)
        >>> [t.get_text() for t in ax.get_yticklabels()]
        ['A (n=3)', 'B (n=1)']
        >>> [round(float(p.get_width()), 2) for p in ax.containers[2]]  # unnamed
        [0.33, 0.0]
        >>> plt.close(fig)
    """
    kind = _column(attributions, ["type", "speaker_type"], "speaker_types")
    _check_frame(attributions, [by], "speaker_types")
    ax = _axes(ax)
    if title is None:
        title = "Who the attributions come from" + ("" if by is None else f", {_by_words(by)[1:]}")
    _label(
        ax,
        x="Share of attributions",
        x_unit="%",
        y=_labels.name(by) if by is not None else "",
        title=title,
    )
    if attributions.empty:
        return _no_data(ax, "no attributions")
    names, parts = _groups(attributions, by)
    rows = []
    for part in parts:
        types = part[kind].astype("string").fillna("none")
        counts = types.value_counts().reindex(list(SPEAKER_TYPE_NAMES), fill_value=0)
        total = int(counts.sum())
        rows.append(counts / total if total else counts * np.nan)
    shares = pd.DataFrame(rows).reset_index(drop=True)
    totals = [len(part) for part in parts]
    ticks = [f"{_short(n, 28)} (n={t:,})" for n, t in zip(names, totals, strict=True)]
    _stacked_shares(
        ax,
        shares,
        colours=SPEAKER_TYPE_COLOURS,
        names=SPEAKER_TYPE_NAMES,
        tick_labels=ticks,
        text_colours=_WHITE_INK,
        **kwargs,
    )
    _legend_below(ax, ncols=3)
    return ax


def speaker_genders(
    attributions: pd.DataFrame,
    *,
    by: str | None = "source",
    ax: Axes | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw how the articles refer to the named people they give words to: the share of named
    people's attributed words said by people called "she", "he", or whose gender the articles
    do not state, one bar from 0 to 100% per group.

    Gender is what the articles say (Mr., Ms., he, she), never guessed from a name. Only
    attributions to named people count (type ``person``); a group without any has no bar.
    Tick labels give each group's number of named people.

    Args:
        attributions: one row per attribution with ``type`` (or ``speaker_type``),
            ``gender`` (``female``, ``male``, ``unknown``), ``words`` (attributed words) and
            ``person``; e.g. ``newslib.notebook_people.attributions(data)``.
        by: group column (default ``"source"``), or None for one bar.
        ax: Axes to draw on (default: the current Axes).
        title: the title; by default "Whose words among named people, by source".
        **kwargs: passed to ``Axes.barh``.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> a = pd.DataFrame({"source": ["A", "A", "A"], "type": ["person"] * 3,
        ...                   "gender": ["female", "male", "male"], "words": [30, 50, 20],
        ...                   "person": ["Ann", "Bob", "Bob"]})
        >>> fig, ax = plt.subplots()
        >>> ax = speaker_genders(a, ax=ax)
        >>> [t.get_text() for t in ax.get_yticklabels()], float(ax.containers[0][0].get_width())
        (['A (2 people)'], 0.3)
        >>> plt.close(fig)
    """
    kind = _column(attributions, ["type", "speaker_type"], "speaker_genders")
    _check_frame(attributions, ["gender", "words", by], "speaker_genders")
    words = _numbers(attributions, "words", "speaker_genders")
    ax = _axes(ax)
    if title is None:
        title = "Whose words among named people" + ("" if by is None else f", {_by_words(by)[1:]}")
    _label(
        ax,
        x="Share of named people's attributed words",
        x_unit="%",
        y=_labels.name(by) if by is not None else "",
        title=title,
    )
    named = (attributions[kind].astype("string") == "person").fillna(False).to_numpy(bool)
    if not named.any():
        return _no_data(ax, "no named people")
    frame = attributions.assign(_words=np.nan_to_num(words))
    names, parts = _groups(frame, by)
    rows, people = [], []
    for part in parts:
        part = part[(part[kind].astype("string") == "person").fillna(False).to_numpy(bool)]
        gender = part["gender"].astype("string").fillna("unknown")
        gender = gender.where(gender.isin(list(GENDER_NAMES)), "unknown")
        sums = part["_words"].groupby(gender.to_numpy()).sum()
        sums = sums.reindex(list(GENDER_NAMES), fill_value=0.0)
        total = float(sums.sum())
        rows.append(sums / total if total > 0 else sums * np.nan)
        who = part["person"] if "person" in part.columns else pd.Series(dtype="string")
        people.append(int(who.nunique()))
    shares = pd.DataFrame(rows).reset_index(drop=True)
    ticks = [
        f"{_short(n, 28)} ({_plural(p, 'person').replace('persons', 'people')})"
        if shares.iloc[i].notna().all()
        else f"{_short(n, 28)} (no named people)"
        for i, (n, p) in enumerate(zip(names, people, strict=True))
    ]
    _stacked_shares(
        ax,
        shares,
        colours=GENDER_COLOURS,
        names=GENDER_NAMES,
        tick_labels=ticks,
        text_colours=_WHITE_INK,
        **kwargs,
    )
    _legend_below(ax)
    return ax


_SHARES = {
    "anonymous": (
        "Unnamed sources",
        "Attributions to unnamed sources",
        "% of attributions",
    ),
    "she": (
        "Words by people called “she”",
        "Words by people the articles call “she”",
        "% of named people's words",
    ),
}


def share_over_time(
    attributions: pd.DataFrame,
    *,
    share: str = "anonymous",
    by: str | None = None,
    freq: str | None = None,
    date: str = "date",
    ax: Axes | None = None,
    ci: bool = True,
    title: str | None = None,
    palette: Sequence[str] | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw a people share per period, on an axis from 0 to 100%: ``share="anonymous"``, the
    share of attributions to unnamed sources; ``share="she"``, the share of named people's
    attributed words said by people the articles call "she".

    Each share is pooled per period (all such attributions or words over all of them), as
    ``newslib.timeline.timeline(..., agg="pooled")`` computes it, with its 95% interval.
    Periods come from ``newslib.timeline.timeline`` (``freq``; by default its own choice),
    so their ticks, and the hollow points of partial periods, are as in :func:`timeline`.
    Periods without attributions leave gaps; attributions of undated articles are left out
    and counted in the legend. The legend gives the number of attributions
    (or named people's attributions) behind each line.

    Args:
        attributions: one row per attribution with its article's date, ``type`` (or
            ``speaker_type``), and for ``"she"`` ``gender`` and ``words``; e.g.
            ``newslib.notebook_people.attributions(data)``.
        share: ``"anonymous"`` or ``"she"``.
        by: group column for one line per group (keep to a few groups), or None.
        freq: the period (``"W"``, ``"M"``, ...); None lets the timeline choose.
        date: the date column.
        ax: Axes to draw on (default: the current Axes).
        ci: shade the 95% confidence interval of each period's share (the timeline's pooled
            interval, attributions as clusters of words).
        title: the title; by default e.g. "Unnamed sources per month".
        palette: colours for the groups (default ``PALETTE``).
        **kwargs: passed to ``Axes.plot`` for the points.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> a = pd.DataFrame({"date": pd.to_datetime(["2024-01-03", "2024-01-20", "2024-02-07"]),
        ...                   "type": ["anonymous", "person", "person"]})
        >>> fig, ax = plt.subplots()
        >>> ax = share_over_time(a, freq="M", ax=ax)
        >>> [float(v) for v in ax.get_lines()[0].get_ydata()], [float(v) for v in ax.get_ylim()]
        ([0.5, 0.0], [0.0, 1.0])
        >>> plt.close(fig)
    """
    from newslib.timeline import timeline as compute_timeline

    from ._dates import _format_dates, _x_limits
    from .time import (
        _draw_series,
        _freq_word,
        _legend_below_dates,
        _series_handle,
        _style_handles,
        _x_label,
    )

    if share not in _SHARES:
        raise ValueError(
            f"plot.share_over_time(): share must be 'anonymous' or 'she', not {share!r}"
        )
    kind = _column(attributions, ["type", "speaker_type"], "share_over_time")
    needed = [date, by] + (["gender", "words"] if share == "she" else [])
    _check_frame(attributions, needed, "share_over_time")
    short, long, unit = _SHARES[share]
    types = attributions[kind].astype("string").fillna("none")
    if share == "anonymous":
        rows = attributions.assign(_value=(types == "anonymous").astype(float), _base=1.0)
    else:
        # Every attribution stays, so the periods span them all; those not to a named person
        # weigh nothing (the pooled ratio leaves a zero denominator out).
        person = (types == "person").to_numpy(bool)
        words = np.where(
            person, np.nan_to_num(_numbers(attributions, "words", "share_over_time")), 0
        )
        she = (attributions["gender"].astype("string") == "female").fillna(False).to_numpy(bool)
        rows = attributions.assign(_value=np.where(she, words, 0.0), _base=words.astype(float))
    options: dict[str, Any] = {
        "metrics": ["_share"],
        "agg": "pooled",
        "ratios": {"_share": ("_value", "_base")},
        "date": date,
        "by": by,
    }
    if freq is not None:
        options["freq"] = freq
    ax = _axes(ax)
    columns = [c for c in (date, by, "_value", "_base") if c is not None]
    # Attributions of undated articles cannot be placed: left out, and said so in the legend.
    dated = rows[date].notna().to_numpy(bool)
    undated = int((~dated).sum())
    frame = compute_timeline(rows.loc[dated, columns], **options)
    freq_used = frame.attrs.get("freq")
    freq_word = _freq_word(freq_used)
    tz = frame["period"].dt.tz
    ax.set_xlabel(_x_label(freq_word, tz))
    ax.set_ylabel(f"{long}\n({unit})")
    ax.set_title(title if title is not None else f"{short} per {freq_word}{_by_words(by)}")
    if frame.empty:
        return _no_data(ax, "no attributions")
    keys, parts = (["all"], [frame]) if by is None else _groups(frame, by)
    colours = _colours(len(parts), palette)
    handles, drawn = [], {}
    what = "attribution" if share == "anonymous" else "named people's attribution"
    for name, part, colour in zip(keys, parts, colours, strict=True):
        # attributions behind the share (those with words, for "she")
        n = int(part["_share_n"].sum()) if "_share_n" in part else int(part["n_articles"].sum())
        label = _plural(n, what) if by is None else f"{name} (n={n:,})"
        got = _draw_series(
            ax,
            part,
            "_share",
            colour=colour,
            name=label,
            ci=ci,
            rolling=False,
            style=dict(kwargs),
        )
        drawn = {k: drawn.get(k, False) or v for k, v in got.items()}
        handles.append(_series_handle(colour, label))
    _x_limits(ax, frame["period"], freq_used, tz, [])
    _format_dates(ax, freq_used, tz)
    ax.set_ylim(0, 1)
    _percent_axis(ax.yaxis)
    handles += _style_handles(drawn, frame.attrs, freq_word)
    if undated:
        note = f"{_plural(undated, 'attribution')} of undated articles left out"
        handles.append(Line2D([], [], linestyle="none", label=note))
    _legend_below_dates(ax, handles, freq_used)
    return ax
