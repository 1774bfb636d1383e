"""Tests for newslib.plot: assertions on the Axes (artists, labels, legend), not on pixels."""

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

from newslib import plot  # noqa: E402
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
    assert ax.get_ylabel() == "mean compound"
    assert ax.get_xlabel() == "week starting (date)"
    assert ax.get_title() == "Mean compound per week"
    main = _main_lines(ax)
    assert len(main) == 1 and len(_rolling_lines(ax)) == 1
    assert _rolling_lines(ax)[0].get_linestyle() == "--"
    assert len(_bands(ax)) == 1
    # the line goes through the weekly means, with a gap for the empty week
    y = np.asarray(main[0].get_ydata(), dtype=float)
    assert y[0] == pytest.approx(0.2) and np.isnan(y[1])
    assert y[2] == pytest.approx(0.2 / 3) and y[3] == pytest.approx(0.5)
    assert to_hex(main[0].get_color()) == plot.PALETTE[0].lower()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["mean compound", "rolling mean (2 periods)", "95% CI"]


def test_band_spans_the_interval(ax):
    tl = compute_timeline(_articles(), freq="W", metrics=["compound"])
    plot.timeline(tl, metric="compound", ax=ax)
    band = _bands(ax)[0]
    ys = np.concatenate([p.vertices[:, 1] for p in band.get_paths()])
    low = tl["compound_ci_low"].min()
    high = tl["compound_ci_high"].max()
    assert ys.min() == pytest.approx(low) and ys.max() == pytest.approx(high)


def test_grouped_lines_bands_and_legend(ax):
    tl = compute_timeline(_articles(), freq="W", by="source", window=2)
    plot.timeline(tl, metric="compound", ax=ax)  # by comes from tl.attrs
    main = _main_lines(ax)
    assert [line.get_label() for line in main] == ["BBC", "CNN"]
    assert [to_hex(line.get_color()) for line in main] == [c.lower() for c in plot.PALETTE[:2]]
    assert len(_rolling_lines(ax)) == 2
    assert len(_bands(ax)) == 2
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["BBC", "CNN", "rolling mean (2 periods)", "95% CI"]
    assert ax.get_title() == "Mean compound per week by source"


def test_offset_window_is_named_as_given(ax):
    tl = compute_timeline(_articles(), freq="W", window="2W")
    plot.timeline(tl, metric="compound", ax=ax)
    assert "rolling mean (2W)" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_ci_and_rolling_can_be_turned_off(ax):
    tl = compute_timeline(_articles(), freq="W", window=2)
    plot.timeline(tl, metric="compound", ax=ax, ci=False, rolling=False)
    assert _bands(ax) == [] and _rolling_lines(ax) == []
    assert ax.get_legend() is None  # one plain line needs no legend


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
    assert ax.get_xlabel() == "month starting (date)"
    assert len(_rolling_lines(ax)) == 1


def test_timeline_options_are_refused_for_a_timeline_frame(ax):
    tl = compute_timeline(_articles(), freq="W")
    with pytest.raises(TypeError, match="freq"):
        plot.timeline(tl, metric="compound", freq="M", ax=ax)


def test_counts_can_be_drawn(ax):
    tl = compute_timeline(_articles(), freq="W")
    plot.timeline(tl, metric="n_articles", ax=ax)
    main = _main_lines(ax)
    assert np.asarray(main[0].get_ydata(), dtype=float).tolist() == [2, 0, 3, 1]
    assert ax.get_ylabel() == "articles per week"
    assert _bands(ax) == []


def test_unit_and_title_options(ax):
    tl = compute_timeline(_articles(), freq="W")
    plot.timeline(tl, metric="compound", ax=ax, unit="VADER, -1 to 1", title="Tone")
    assert ax.get_ylabel() == "mean compound (VADER, -1 to 1)"
    assert ax.get_title() == "Tone"


def test_time_zone_axis(ax):
    df = _articles()
    df["date"] = df["date"].dt.tz_localize("UTC")
    tl = compute_timeline(df, freq="D", tz="Asia/Tokyo")
    plot.timeline(tl, metric="compound", ax=ax, events=[("2024-01-10", "naive = Tokyo time")])
    assert ax.get_xlabel() == "day starting (date, Asia/Tokyo)"
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
    assert ax.get_ylabel() == "mean compound"


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
    plot.timeline(df, metric="compound", by="source", freq="D", ax=ax)
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
