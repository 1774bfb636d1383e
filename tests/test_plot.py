"""Tests for newslib.plot.timeline: assertions on the Axes (artists, labels, legend), not on
pixels. The article-level and people plots are in test_plot_figures.py."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from newslib import plot  # noqa: E402
from newslib.labels import LABELS  # noqa: E402
from newslib.timeline import timeline as compute_timeline  # noqa: E402


def _articles() -> pd.DataFrame:
    # weeks (Mon start): Jan 1: 0.1, 0.3 | Jan 8: none | Jan 15: -0.2, 0.0, 0.4 | Jan 22: 0.5
    return pd.DataFrame(
        {
            "date": pd.to_datetime(
                [
                    "2024-01-01",
                    "2024-01-02",
                    "2024-01-15",
                    "2024-01-16",
                    "2024-01-17",
                    "2024-01-23",
                ]
            ),
            "source": pd.array(["BBC", "CNN", "BBC", "CNN", "CNN", "BBC"], dtype="string"),
            "compound": [0.1, 0.3, -0.2, 0.0, 0.4, 0.5],
        }
    )


def _main_lines(axes):
    return [line for line in axes.get_lines() if not line.get_label().startswith("_")]


def _lines(axes, label):
    return [line for line in axes.get_lines() if line.get_label() == label]


def _legend(axes) -> list[str]:
    legend = axes.get_legend()
    return [] if legend is None else [t.get_text() for t in legend.get_texts()]


SENTIMENT_Y = "Mean of articles' sentence sentiment\n(VADER compound, −1 to 1)"


def _rolling_lines(axes):
    return [line for line in axes.get_lines() if line.get_label() == "_rolling"]


def _bands(axes):
    return [c for c in axes.collections if isinstance(c, PolyCollection)]


def test_palette_is_okabe_ito():
    assert len(plot.PALETTE) == 8 == len(set(plot.PALETTE))
    assert set(plot.PALETTE) == set(plot.OKABE_ITO.values())
    assert plot.OKABE_ITO["vermillion"] == "#D55E00"
    assert plot.PALETTE[-1] == plot.OKABE_ITO["yellow"]  # weakest on white, used last


def test_single_series_with_ci_and_rolling(ax):
    tl = compute_timeline(_articles(), freq="W", metrics=["compound"], window=2)
    out = plot.timeline(tl, metric="compound", ax=ax)
    assert out is ax
    assert ax.get_ylabel() == SENTIMENT_Y
    assert ax.get_xlabel() == "Week"
    assert ax.get_title() == "Sentence sentiment per week"
    main = _main_lines(ax)
    assert len(main) == 1 and len(_rolling_lines(ax)) == 1
    assert _rolling_lines(ax)[0].get_linestyle() == "--"
    assert len(_bands(ax)) == 1
    # the line goes through the weekly means, with a gap for the empty week
    y = np.asarray(main[0].get_ydata(), dtype=float)
    assert y[0] == pytest.approx(0.2) and np.isnan(y[1])
    assert y[2] == pytest.approx(0.2 / 3) and y[3] == pytest.approx(0.5)
    assert to_hex(main[0].get_color()) == plot.PALETTE[0].lower()
    # the week of Jan 22 ends after the last article (Jan 23): partial
    assert _legend(ax) == [
        "sentence sentiment",
        "partial week (not all days in the data)",
        "rolling mean (2 periods)",
        "95% CI",
    ]


def test_band_spans_the_interval_cut_at_the_ends_of_the_scale(ax):
    tl = compute_timeline(_articles(), freq="W", metrics=["compound"])
    plot.timeline(tl, metric="compound", ax=ax)
    band = _bands(ax)[0]
    ys = np.concatenate([p.vertices[:, 1] for p in band.get_paths()])
    # the first week's interval (two articles) is -1.07 .. 1.47: past what VADER can score
    assert tl["compound_ci_low"].min() < -1 and tl["compound_ci_high"].max() > 1
    assert ys.min() == pytest.approx(-1.0) and ys.max() == pytest.approx(1.0)
    # the second interval is inside the scale and drawn as it is
    assert np.isclose(ys, float(tl["compound_ci_low"].iloc[2])).any()


def test_grouped_lines_bands_and_legend(ax):
    tl = compute_timeline(_articles(), freq="W", by="source", window=2)
    plot.timeline(tl, metric="compound", ax=ax)  # by comes from tl.attrs
    main = _main_lines(ax)
    assert [line.get_label() for line in main] == ["BBC (n=3)", "CNN (n=3)"]
    assert [to_hex(line.get_color()) for line in main] == [c.lower() for c in plot.PALETTE[:2]]
    assert len(_rolling_lines(ax)) == 2
    assert len(_bands(ax)) == 2
    assert _legend(ax) == [
        "BBC (n=3)",
        "CNN (n=3)",
        "partial week (not all days in the data)",
        "rolling mean (2 periods)",
        "95% CI",
    ]
    assert ax.get_title() == "Sentence sentiment per week by source"


def test_one_period_draws_no_rolling_line_and_names_none(ax):
    # One dated article: a point, no dashed line to see, so no legend entry for one.
    one = _articles().iloc[:1]
    tl = compute_timeline(one, freq="D", metrics=["compound"], window=3)
    plot.timeline(tl, metric="compound", ax=ax)
    assert len(_main_lines(ax)) == 1 and _rolling_lines(ax) == []
    assert not any(text.startswith("rolling mean") for text in _legend(ax))


def test_offset_window_is_named_as_given(ax):
    tl = compute_timeline(_articles(), freq="W", window="2W")
    plot.timeline(tl, metric="compound", ax=ax)
    assert "rolling mean (2W)" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_ci_and_rolling_can_be_turned_off(ax):
    tl = compute_timeline(_articles(), freq="W", window=2)
    plot.timeline(tl, metric="compound", ax=ax, ci=False, rolling=False)
    assert _bands(ax) == [] and _rolling_lines(ax) == []
    assert _legend(ax) == ["sentence sentiment", "partial week (not all days in the data)"]
    fig, other = plt.subplots()
    try:
        whole = tl.assign(partial=False)
        plot.timeline(whole, metric="compound", ax=other, ci=False, rolling=False)
        assert other.get_legend() is None  # one plain line needs no legend
    finally:
        plt.close(fig)


def test_events_are_vertical_lines_with_labels(ax):
    tl = compute_timeline(_articles(), freq="W")
    events = [("2024-01-10", "debate"), (pd.Timestamp("2024-01-20"), "election")]
    plot.timeline(tl, metric="compound", ax=ax, events=events)
    event_lines = [line for line in ax.get_lines() if line.get_label() == "_event"]
    assert len(event_lines) == 2
    xs = [mdates.date2num(np.datetime64(line.get_xdata()[0])) for line in event_lines]
    assert xs == [
        mdates.date2num(np.datetime64("2024-01-10")),
        mdates.date2num(np.datetime64("2024-01-20")),
    ]
    texts = sorted(t.get_text().strip() for t in ax.texts)
    assert texts == ["debate", "election"]


def test_bad_events_are_rejected(ax):
    tl = compute_timeline(_articles(), freq="W")
    with pytest.raises(ValueError, match="pairs"):
        plot.timeline(tl, metric="compound", ax=ax, events=["2024-01-10"])


def test_article_table_is_passed_through_timeline(ax):
    plot.timeline(_articles(), metric="compound", freq="M", ax=ax, window=1)
    main = _main_lines(ax)
    assert len(main) == 1
    # one month: mean of all six values
    assert np.asarray(main[0].get_ydata(), dtype=float).tolist() == pytest.approx([1.1 / 6])
    assert ax.get_xlabel() == "Month"
    assert _rolling_lines(ax) == []  # one month: no rolling line to draw
    ax.clear()
    plot.timeline(_articles(), metric="compound", freq="W", ax=ax, window=2)
    assert len(_rolling_lines(ax)) == 1 and "rolling mean (2 periods)" in _legend(ax)


def test_timeline_options_are_refused_for_a_timeline_frame(ax):
    tl = compute_timeline(_articles(), freq="W")
    with pytest.raises(TypeError, match="freq"):
        plot.timeline(tl, metric="compound", freq="M", ax=ax)


def test_counts_can_be_drawn(ax):
    tl = compute_timeline(_articles(), freq="W")
    plot.timeline(tl, metric="n_articles", ax=ax)
    main = _main_lines(ax)
    assert np.asarray(main[0].get_ydata(), dtype=float).tolist() == [2, 0, 3, 1]
    assert ax.get_ylabel() == "Articles per week"
    assert ax.get_title() == "Articles per week"
    assert _bands(ax) == []
    assert ax.get_ylim()[0] == 0  # a count is read from zero
    ax.figure.canvas.draw()
    assert all(float(t).is_integer() for t in ax.get_yticks())


def test_unit_and_title_options(ax):
    tl = compute_timeline(_articles(), freq="W")
    plot.timeline(tl, metric="compound", ax=ax, unit="VADER, -1 to 1", title="Tone")
    assert ax.get_ylabel() == "Mean of articles' sentence sentiment\n(VADER, -1 to 1)"
    assert ax.get_title() == "Tone"


def test_time_zone_axis(ax):
    df = _articles()
    df["date"] = df["date"].dt.tz_localize("UTC")
    tl = compute_timeline(df, freq="D", tz="Asia/Tokyo")
    plot.timeline(tl, metric="compound", ax=ax, events=[("2024-01-10", "naive = Tokyo time")])
    assert ax.get_xlabel() == "Day (Asia/Tokyo time)"
    first = mdates.date2num(_main_lines(ax)[0].get_xdata()[0])
    # Jan 1 00:00 UTC is 09:00 in Tokyo: the first day starts Jan 1 00:00 Tokyo, Dec 31 15:00 UTC
    assert first == pytest.approx(mdates.date2num(np.datetime64("2023-12-31T15:00")))
    event = [line for line in ax.get_lines() if line.get_label() == "_event"][0]
    assert mdates.date2num(event.get_xdata()[0]) == pytest.approx(
        mdates.date2num(np.datetime64("2024-01-09T15:00"))
    )


def test_single_point(ax):
    one = _articles().iloc[:1]
    plot.timeline(one, metric="compound", freq="W", ax=ax)
    y = np.asarray(_main_lines(ax)[0].get_ydata(), dtype=float)
    assert y.tolist() == [0.1]
    assert _main_lines(ax)[0].get_marker() == "o"  # visible without a neighbour to join
    lo, hi = ax.get_xlim()
    assert 7 <= hi - lo <= 30  # about a week either side, not the years autoscale would give


def test_empty_input_says_no_data(ax):
    out = plot.timeline(_articles().iloc[:0], metric="compound", ax=ax)
    assert out is ax
    assert [t.get_text() for t in ax.texts] == ["no data"]
    assert _main_lines(ax) == []
    assert ax.get_ylabel() == SENTIMENT_Y


def test_unknown_metric_and_missing_group(ax):
    tl = compute_timeline(_articles(), freq="W")
    with pytest.raises(ValueError, match="no metric 'tone'"):
        plot.timeline(tl, metric="tone", ax=ax)
    grouped = compute_timeline(_articles(), freq="W", by="source")
    grouped.attrs.clear()
    with pytest.raises(ValueError, match="by="):
        plot.timeline(grouped, metric="compound", ax=ax)


def test_more_groups_than_colours_cycle(ax):
    n = len(plot.PALETTE) + 2
    df = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-01"] * n),
            "source": [f"s{i:02d}" for i in range(n)],
            "compound": np.linspace(-0.5, 0.5, n),
        }
    )
    plot.timeline(df, metric="compound", by="source", freq="D", ax=ax, panels=False)
    colours = [to_hex(line.get_color()) for line in _main_lines(ax)]
    assert colours[len(plot.PALETTE)] == colours[0]


def test_rendering_is_deterministic():
    def render() -> bytes:
        fig, axes = plt.subplots(figsize=(6, 3), dpi=72)
        tl = compute_timeline(_articles(), freq="W", by="source", window=2)
        plot.timeline(tl, metric="compound", ax=axes, events=[("2024-01-10", "debate")])
        buf = io.BytesIO()
        fig.savefig(buf, format="png", metadata={"Software": None})
        plt.close(fig)
        return buf.getvalue()

    assert render() == render()


# --------------------------------------------------------------------------------------------
# Words, partial periods, ticks, small multiples (issue 15)
# --------------------------------------------------------------------------------------------

RAW_NAMES = sorted(k for k in LABELS if "_" in k)


def figure_texts(fig) -> list[str]:
    """Every piece of text a reader sees: titles, axis labels, tick labels, legends, notes."""
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def raw_names_in(fig) -> list[tuple[str, str]]:
    return [(name, text) for text in figure_texts(fig) for name in RAW_NAMES if name in text]


def _months(n: int = 280, sources: int = 2, seed: int = 0) -> pd.DataFrame:
    """Articles from 10 Nov 2015 to 20 Jan 2017: November and January are partial months."""
    rng = np.random.default_rng(seed)
    start, end = pd.Timestamp("2015-11-10"), pd.Timestamp("2017-01-20")
    days = np.sort(rng.uniform(0, (end - start).days, n))
    days[0], days[-1] = 0, (end - start).days
    total = rng.integers(100, 1500, n)
    quoted = (total * rng.uniform(0, 0.6, n)).astype(int)
    return pd.DataFrame(
        {
            "date": start + pd.to_timedelta(days, unit="D"),
            "source": pd.array([f"Source {i % sources + 1}" for i in range(n)], dtype="string"),
            "compound_mean": rng.normal(0.05, 0.2, n),
            "quote_share": quoted / total,
            "quoted_words": quoted,
            "total_words": total,
            "flesch_kincaid_grade": rng.normal(11, 2, n),
        }
    )


@pytest.mark.parametrize(
    "metric, options",
    [
        ("compound_mean", {}),
        ("quote_share", {"agg": "pooled"}),
        ("flesch_kincaid_grade", {"agg": "median", "window": 3}),
        ("n_articles", {}),
    ],
)
def test_no_raw_column_name_in_any_text(metric, options):
    fig, axes = plt.subplots(figsize=(8, 4))
    try:
        plot.timeline(_months(), metric=metric, by="source", freq="M", ax=axes, **options)
        assert raw_names_in(fig) == []
        assert not any("starting" in t for t in figure_texts(fig))
    finally:
        plt.close(fig)
    panels = plot.timeline(_months(sources=5), metric=metric, by="source", freq="M", **options)
    try:
        assert raw_names_in(panels[0].figure) == []
    finally:
        plt.close(panels[0].figure)


def test_y_label_names_the_statistic(ax):
    data = _months()
    expected = {
        "mean": "Mean of articles' quote share (%)",
        "median": "Median of articles' quote share (%)",
        "pooled": "Quote share, all words pooled (%)",
    }
    for agg, label in expected.items():
        ax.clear()
        plot.timeline(data, metric="quote_share", agg=agg, freq="M", ax=ax)
        assert ax.get_ylabel() == label
        assert ax.get_title() == "Quote share per month"
    ax.figure.canvas.draw()
    assert all(t.get_text().endswith("%") for t in ax.get_yticklabels() if t.get_text())


def test_partial_periods_are_hollow_and_joined_by_a_dotted_segment(ax):
    tl = compute_timeline(_months(), freq="M", metrics=["compound_mean"])
    assert tl["partial"].tolist() == [True] + [False] * 13 + [True]
    plot.timeline(tl, metric="compound_mean", ax=ax)
    hollow = _lines(ax, "_partial")
    assert len(hollow) == 1
    assert to_hex(hollow[0].get_markerfacecolor()) == "#ffffff"
    assert to_hex(hollow[0].get_markeredgecolor()) == plot.PALETTE[0].lower()
    xs = mdates.date2num(hollow[0].get_xdata())
    assert xs.tolist() == mdates.date2num(tl["period"].iloc[[0, -1]].to_numpy()).tolist()
    # the solid line leaves the partial months out; a dotted segment joins each of them
    trend = np.asarray(_lines(ax, "_trend")[0].get_ydata(), dtype=float)
    assert np.isnan(trend[[0, -1]]).all() and np.isfinite(trend[1:-1]).all()
    join = _lines(ax, "_partial_join")[0]
    assert join.get_linestyle() == ":"
    assert np.isfinite(np.asarray(join.get_ydata(), dtype=float)).sum() == 4
    # the named line keeps every value but marks only whole months with filled points
    main = _main_lines(ax)[0]
    assert len(main.get_ydata()) == 15 and list(main.get_markevery()) == list(range(1, 14))
    assert "partial month (not all days in the data)" in _legend(ax)


def test_without_a_partial_column_nothing_is_marked_partial(ax):
    tl = compute_timeline(_months(), freq="M", metrics=["compound_mean"]).drop(columns="partial")
    plot.timeline(tl, metric="compound_mean", ax=ax)
    assert _lines(ax, "_partial") == [] and _lines(ax, "_partial_join") == []
    assert not any("partial" in t for t in _legend(ax))


def _tick_texts(ax) -> list[str]:
    ax.figure.canvas.draw()
    return [t.get_text() for t in ax.get_xticklabels() if t.get_text()]


def test_month_ticks_are_month_names_with_the_year_at_january_or_the_first(ax):
    plot.timeline(_months(), metric="n_articles", freq="M", ax=ax)
    ticks = _tick_texts(ax)
    assert ticks[0] == "Nov\n2015"
    for text in ticks[1:]:
        month, _, year = text.partition("\n")
        assert month in {
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "Jun",
            "Jul",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        }
        assert (month == "Jan") == bool(year)  # the year only where it changes
    assert "Jan\n2017" in ticks
    assert ax.get_xlabel() == "Month"


@pytest.mark.parametrize(
    "freq, label, pattern",
    [
        ("Q", "Quarter", r"^Q[1-4] 20\d\d$"),
        ("Y", "Year", r"^20\d\d$"),
        ("W", "Week", r"^\d{1,2} [A-Z][a-z]{2}(\n20\d\d)?$"),
    ],
)
def test_ticks_fit_the_step(ax, freq, label, pattern):
    import re

    data = (
        _months()
        if freq != "Y"
        else _months().assign(
            date=lambda d: d["date"] + pd.to_timedelta(np.arange(len(d)) * 9, unit="D")
        )
    )
    if freq == "W":
        data = data[data["date"] < "2016-03-01"]
    plot.timeline(data, metric="compound_mean", freq=freq, ax=ax)
    ticks = _tick_texts(ax)
    assert len(ticks) >= 2
    assert all(re.match(pattern, t) for t in ticks), ticks
    assert ax.get_xlabel() == label
    # ticks sit on period starts
    starts = set(mdates.date2num(compute_timeline(data, freq=freq)["period"].to_numpy()))
    inside = [x for x in ax.get_xticks() if ax.get_xlim()[0] <= x <= ax.get_xlim()[1]]
    assert set(inside) <= starts


def test_daily_ticks_of_a_three_week_corpus(ax):
    days = pd.date_range("2016-03-02 09:00", "2016-03-22 17:00", periods=40)
    data = pd.DataFrame({"date": days, "compound_mean": np.linspace(-0.2, 0.3, 40)})
    plot.timeline(data, metric="n_articles", ax=ax)  # the timeline picks days
    assert ax.get_xlabel() == "Day" and ax.get_title() == "Articles per day"
    ticks = _tick_texts(ax)
    assert ticks[0].endswith(" Mar\n2016") and all("\n" not in t for t in ticks[1:])
    assert 4 <= len(ticks) <= 21


@pytest.mark.parametrize("n_months", [1, 2])
def test_one_or_two_periods_read_properly(ax, n_months):
    dates = ["2016-03-01", "2016-03-31"] if n_months == 1 else ["2016-03-01", "2016-04-30"]
    data = pd.DataFrame({"date": pd.to_datetime(dates), "compound_mean": [0.1, 0.3]})
    plot.timeline(data, metric="compound_mean", freq="M", ax=ax)
    main = _main_lines(ax)[0]
    assert main.get_marker() == "o" and main.get_markersize() >= 4
    assert len(main.get_ydata()) == n_months
    ticks = _tick_texts(ax)
    assert "Mar\n2016" in ticks or "Mar" in ticks
    lo, hi = ax.get_xlim()
    first = mdates.date2num(np.datetime64("2016-03-01"))
    assert lo < first - 20 and hi > first + 20 * n_months  # room either side of the points
    assert 2 <= len(ticks) <= 6


def test_more_than_three_groups_get_one_panel_each():
    data = _months(sources=5)
    fig, ax = plt.subplots(figsize=(8, 4))
    try:
        panels = plot.timeline(data, metric="compound_mean", by="source", freq="M", ax=ax)
        assert isinstance(panels, np.ndarray) and len(panels) == 5
        assert ax not in fig.axes  # the panels took its place
        assert len(fig.axes) == 5
        counts = data["source"].value_counts()
        assert [p.get_title() for p in panels] == [
            f"Source {i} (n={counts[f'Source {i}']})" for i in range(1, 6)
        ]
        fig.canvas.draw()
        assert len({p.get_ylim() for p in panels}) == 1  # shared y
        assert len({p.get_xlim() for p in panels}) == 1  # shared x
        # the whole corpus in light grey behind each panel, the group in its colour on top
        whole = compute_timeline(data, freq="M", metrics=["compound_mean"])
        for i, panel in enumerate(panels):
            grey = _lines(panel, "_corpus")
            assert len(grey) == 1 and to_hex(grey[0].get_color()) == to_hex("0.8")
            assert np.asarray(grey[0].get_ydata(), dtype=float) == pytest.approx(
                whole["compound_mean"].astype(float).to_numpy()
            )
            assert grey[0].get_zorder() < _main_lines(panel)[0].get_zorder()
            assert to_hex(_main_lines(panel)[0].get_color()) == plot.PALETTE[i].lower()
        legend = [t.get_text() for t in fig.legends[0].get_texts()]
        assert legend[0] == "all articles"
        assert fig.get_size_inches()[1] >= 2 * 1.7  # grown to give each of 2 rows room
        assert raw_names_in(fig) == []
    finally:
        plt.close(fig)


def test_panels_from_a_grouped_timeline_and_counts_from_zero():
    tl = compute_timeline(_months(sources=4), freq="M", by="source", metrics=["compound_mean"])
    panels = plot.timeline(tl, metric="compound_mean")
    try:
        assert len(panels) == 4
        # the corpus line is recombined from the groups' means, weighted by their sizes
        whole = compute_timeline(_months(sources=4), freq="M", metrics=["compound_mean"])
        grey = np.asarray(_lines(panels[0], "_corpus")[0].get_ydata(), dtype=float)
        assert grey == pytest.approx(whole["compound_mean"].astype(float).to_numpy())
    finally:
        plt.close(panels[0].figure)
    panels = plot.timeline(tl, metric="n_articles")
    try:
        assert all(p.get_ylim()[0] == 0 for p in panels)
        assert all(_lines(p, "_corpus") == [] for p in panels)  # a total would dwarf them
    finally:
        plt.close(panels[0].figure)


def test_three_groups_stay_lines_on_one_axes(ax):
    out = plot.timeline(_months(sources=3), metric="compound_mean", by="source", freq="M", ax=ax)
    assert out is ax and len(_main_lines(ax)) == 3
    with pytest.raises(AttributeError):
        out.shape  # an Axes, not an array  # noqa: B018


def test_panels_in_a_grid_cell_stay_in_that_cell():
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    try:
        panels = plot.timeline(
            _months(sources=4), metric="compound_mean", by="source", freq="M", ax=right
        )
        assert len(panels) == 4 and left in fig.axes
        assert tuple(fig.get_size_inches()) == (10, 4)  # a shared figure is not resized
        fig.canvas.draw()
        right_edge = left.get_window_extent().x1
        assert min(p.get_window_extent().x0 for p in panels) > right_edge
    finally:
        plt.close(fig)


def _shaded(axes) -> int:
    """Vertices of the interval bands drawn (an all-NA band draws none)."""
    return sum(len(p.vertices) for band in _bands(axes) for p in band.get_paths())


def test_intervals_are_drawn_only_where_they_say_something():
    # Five sources, two articles a month each: a group's interval rests on two values.
    days = pd.date_range("2024-01-01", periods=6, freq="MS")
    rows = [
        {"date": day + pd.Timedelta(days=d), "source": s, "compound_mean": 0.1 * ((i + d) % 3)}
        for i, s in enumerate("ABCDE")
        for day in days
        for d in (3, 9)
    ]
    frame = pd.DataFrame(rows)
    fig = plt.figure(figsize=(8, 6))
    panels = plot.timeline(frame, metric="compound_mean", by="source", freq="M", ax=fig.gca())
    assert len(panels) == 5 and all(_shaded(p) == 0 for p in panels)
    legend = [t.get_text() for leg in fig.legends for t in leg.get_texts()]
    assert legend and not any("CI" in text for text in legend)  # nothing drawn, nothing named
    plt.close(fig)
    # One source: every month has its interval, a band across the months.
    fig, ax = plt.subplots()
    plot.timeline(frame[frame["source"] == "A"], metric="compound_mean", freq="M", ax=ax)
    assert _shaded(ax) > 0
    plt.close(fig)


def test_an_interval_with_no_neighbour_is_a_bar_not_a_wedge():
    dates = pd.to_datetime(["2024-01-03", "2024-02-05", "2024-02-19", "2024-03-04"])
    frame = pd.DataFrame({"date": dates, "compound_mean": [0.1, 0.2, 0.4, 0.3]})
    fig, ax = plt.subplots()
    plot.timeline(frame, metric="compound_mean", freq="M", ax=ax)
    bars = [
        c for c in ax.collections if c.get_label() == "_ci" and not isinstance(c, PolyCollection)
    ]
    # February alone has two values: its interval stands as one vertical bar at February.
    assert len(bars) == 1 and len(bars[0].get_segments()) == 1
    plt.close(fig)
