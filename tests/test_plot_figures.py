"""Tests for the article-level plots of newslib.plot: Axes contents, then pixels.

Each plot is first checked through its Axes (labels, bars, boxes, legend texts, colours), so
a failure says what changed. Then it is rendered from a fixed, hand-written input with the Agg
backend (480 x 320 px, dpi 80, matplotlib's default style, DejaVu Sans) and compared with a
committed PNG in ``tests/baseline/`` by ``matplotlib.testing.compare.compare_images``
(tolerance ``TOL``, RMS of pixel values 0..255). On a mismatch the rendered image and the
difference image are kept under pytest's ``tmp_path`` and the failure names their paths.

Regenerate the baselines after an intended change of the drawing, look at them, then let the
lead commit them::

    NEWSLIB_UPDATE_BASELINES=1 .venv/bin/python -m pytest -q tests/test_plot_figures.py

(the image tests then write their PNG into tests/baseline/ and report "skipped").
"""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.testing.compare import compare_images  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from newslib import plot  # noqa: E402
from newslib.labels import LABELS  # noqa: E402

BASELINE = Path(__file__).resolve().parent / "baseline"
UPDATE = os.environ.get("NEWSLIB_UPDATE_BASELINES") == "1"
TOL = 2.0
SIZE = (6.0, 4.0)  # inches; at dpi 80: 480 x 320 px
DPI = 80
RC = {
    "font.family": "DejaVu Sans",
    "svg.hashsalt": "newslib-baseline",
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "text.hinting": "default",
    "axes.unicode_minus": True,
}


# --------------------------------------------------------------------------------------------
# Fixed inputs, written for these tests
# --------------------------------------------------------------------------------------------


def _articles() -> pd.DataFrame:
    """Nine articles: grades BBC 8/10/12, CNN 11/13/15 (+ one NA), Reuters 9, no source 14."""
    return pd.DataFrame(
        {
            "article_id": pd.array([f"a{i}" for i in range(1, 10)], dtype="string"),
            "source": pd.array(
                ["BBC", "BBC", "BBC", "CNN", "CNN", "CNN", "Reuters", None, "CNN"],
                dtype="string",
            ),
            "flesch_kincaid_grade": [8.0, 10.0, 12.0, 11.0, 13.0, 15.0, 9.0, 14.0, np.nan],
            "quote_share": [0.10, 0.30, 0.20, 0.50, 0.40, np.nan, 0.05, 0.60, np.nan],
        }
    )


def _speakers() -> pd.DataFrame:
    """Totals: Eve Ng 60 (1 article); Ann Lee, Bob Ray, Cy Doe 45 each; Dee Fox 12; NA 100."""
    return pd.DataFrame(
        {
            "article_id": pd.array(list("aabbccde"), dtype="string"),
            "speaker": pd.array(
                ["Ann Lee", "Bob Ray", "Ann Lee", "Cy Doe", "Bob Ray", "Dee Fox", "Eve Ng", None],
                dtype="string",
            ),
            "n_quotes": [2, 1, 1, 3, 2, 1, 4, 5],
            "quoted_words": [40, 10, 5, 45, 35, 12, 60, 100],
        }
    )


def _sentences() -> pd.DataFrame:
    """Article x: 10 sentences in 4 paragraphs, then a shorter article y."""
    x = pd.DataFrame(
        {
            "article_id": "x",
            "paragraph": [0, 0, 1, 1, 1, 2, 2, 3, 3, 3],
            "sentence": list(range(10)),
            "compound": [0.6, 0.0, -0.4, -0.7, 0.3, 0.02, -0.05, 0.8, -0.2, 0.5],
            "in_quote": pd.array([0, 0, 1, 0.6, 0.2, None, 0.5, 1, 0, 0], dtype="Float64"),
            "title": "Council votes on the new bridge",
        }
    )
    y = pd.DataFrame(
        {
            "article_id": "y",
            "paragraph": [0, 1, 1],
            "sentence": [0, 1, 2],
            "compound": [-0.3, 0.4, 0.9],
            "in_quote": pd.array([0.0, 0.0, 0.0], dtype="Float64"),
            "title": "Harbour reopens",
        }
    )
    out = pd.concat([x, y], ignore_index=True)
    out["article_id"] = out["article_id"].astype("string")
    return out


def _voice_articles() -> pd.DataFrame:
    """Words per article. Pooled: BBC 400 words, 80 quoted, 60 reported; CNN 200 words, 100
    quoted, 20 reported; Reuters no words; one article without a source, 100 words, none
    attributed."""
    return pd.DataFrame(
        {
            "article_id": pd.array(["a1", "a2", "a3", "a4", "a5"], dtype="string"),
            "source": pd.array(["BBC", "CNN", "BBC", None, "Reuters"], dtype="string"),
            "total_words": [100, 200, 300, 100, 0],
            "quoted_words": [50, 100, 30, 0, 0],
            "reported_words": [0, 20, 60, 0, 0],
        }
    )


def _legend_texts(axes) -> list[str]:
    legend = axes.get_legend()
    return [] if legend is None else [t.get_text() for t in legend.get_texts()]


def _ticks(axes) -> list[str]:
    return [t.get_text() for t in axes.get_yticklabels()]


# --------------------------------------------------------------------------------------------
# METRIC_LABELS
# --------------------------------------------------------------------------------------------


def test_metric_labels_cover_newslib_metrics():
    from newslib.readability import INDEX_COLUMNS

    for name in [*INDEX_COLUMNS, "quote_share", "compound_mean", "compound", "n_words"]:
        assert name in plot.METRIC_LABELS, name
        assert plot.METRIC_LABELS[name].unit, name  # every axis gets a unit
    assert plot.metric_label("flesch_kincaid_grade") == "Flesch–Kincaid grade (US school grade)"
    assert plot.METRIC_LABELS["quote_share"].percent
    assert not plot.METRIC_LABELS["flesch_kincaid_grade"].percent
    assert plot.metric_label("not_a_metric") == "Not a metric"


# --------------------------------------------------------------------------------------------
# distribution / readability / quote_share
# --------------------------------------------------------------------------------------------


def test_readability_histogram_with_median(ax):
    out = plot.readability(_articles(), ax=ax, bins=4)
    assert out is ax
    assert ax.get_xlabel() == "Flesch–Kincaid grade (US school grade)"
    assert ax.get_ylabel() == "Articles"
    assert ax.get_title() == "Flesch–Kincaid grade, 8 articles"
    # 8 values 8..15 in 4 equal bins of 1.75: two values in each
    assert [p.get_height() for p in ax.patches] == [2, 2, 2, 2]
    median = [line for line in ax.get_lines() if line.get_label().startswith("median")]
    assert len(median) == 1 and median[0].get_xdata()[0] == pytest.approx(11.5)
    assert _legend_texts(ax) == ["median 11.5", "1 article without a value left out"]


@pytest.mark.parametrize("lengths", [[375], [370, 375, 380]])
def test_length_histogram_bars_show_on_an_axis_from_zero(ax, lengths):
    # One article (or a few of nearly one length) far from zero: numpy's own bins are one word
    # wide, a sliver on an axis drawn from 0 words; each bar must be a visible part of it.
    frame = pd.DataFrame({"n_words": lengths})
    plot.distribution(frame, metric="n_words", ax=ax)
    left, right = ax.get_xlim()
    assert left == 0 and right >= max(lengths)
    bars = [p for p in ax.patches if p.get_height() > 0]
    assert sum(p.get_height() for p in bars) == len(lengths)
    share = 0.09 if len(lengths) == 1 else 1 / 55  # the axis has a margin beyond the bars
    for bar in bars:
        assert bar.get_width() >= share * (right - left) * 0.99
        assert bar.get_x() <= max(lengths) and bar.get_x() + bar.get_width() >= min(lengths)


def test_readability_by_source_sorted_by_median(ax):
    plot.readability(_articles(), by="source", ax=ax)
    assert ax.get_title() == "Flesch–Kincaid grade by source"
    assert ax.get_ylabel() == "Source"
    # medians: no source 14, CNN 13, BBC 10, Reuters 9; the NA grade is not counted for CNN
    assert _ticks(ax) == ["not stated (n=1)", "CNN (n=3)", "BBC (n=3)", "Reuters (n=1)"]
    lo, hi = ax.get_ylim()
    assert lo > hi  # first group drawn at the top
    assert len(ax.patches) == 4  # one box per group with values
    # every article is a point: 8 in all
    assert sum(len(c.get_offsets()) for c in ax.collections) == 8
    assert _legend_texts(ax) == ["1 article without a value left out"]


def test_group_colours_follow_sorted_names_in_every_plot():
    fig, (box_ax, dot_ax) = plt.subplots(1, 2)
    try:
        plot.readability(_articles(), by="source", ax=box_ax)
        plot.scatter(
            _articles(), x="flesch_kincaid_grade", y="quote_share", hue="source", ax=dot_ax
        )
        # sorted names: BBC, CNN, Reuters, then no group
        expected = {
            n: c.lower() for n, c in zip(["BBC", "CNN", "Reuters"], plot.PALETTE[:3], strict=True)
        }
        # the boxes are drawn top to bottom: no group, CNN, BBC, Reuters
        box_colours = [to_hex(p.get_facecolor(), keep_alpha=False) for p in box_ax.patches]
        assert box_colours[1:] == [expected["CNN"], expected["BBC"], expected["Reuters"]]
        dots = {
            c.get_label().split(" (")[0]: to_hex(c.get_facecolor()[0]) for c in dot_ax.collections
        }
        assert {k: dots[k] for k in expected} == expected
    finally:
        plt.close(fig)


def test_empty_group_is_listed_last_with_n0(ax):
    data = pd.DataFrame(
        {
            "source": pd.Categorical(["x", "x", "z"], categories=["x", "y", "z"]),
            "quote_share": [0.2, 0.4, np.nan],
        }
    )
    plot.quote_share(data, by="source", ax=ax)
    assert _ticks(ax) == ["x (n=2)", "y (n=0)", "z (n=0)"]
    assert len(ax.patches) == 1  # a box only where there are values


def test_quote_share_is_drawn_in_percent(ax):
    plot.quote_share(_articles(), ax=ax)
    assert ax.get_xlabel() == "Quote share (% of words inside quotations)"
    heights = [p.get_height() for p in ax.patches]
    assert len(heights) == 20 and sum(heights) == 7
    assert {round(p.get_width(), 9) for p in ax.patches} == {0.05}
    # values 0.05 0.1 0.2 0.3 0.4 0.5 0.6: the median is 0.3
    assert _legend_texts(ax)[0] == "median 30%"
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert "40%" in labels and all(t.endswith("%") for t in labels if t)


def test_distribution_single_article_and_empty(ax):
    one = _articles().iloc[[0]]
    plot.readability(one, ax=ax)
    assert sum(p.get_height() for p in ax.patches) == 1
    assert _legend_texts(ax) == ["median 8.0"]
    fig, other = plt.subplots()
    try:
        plot.readability(one, by="source", ax=other)
        assert _ticks(other) == ["BBC (n=1)"]
        plot.readability(_articles().iloc[:0], by="source", ax=other)
        assert [t.get_text() for t in other.texts] == ["no data"]
    finally:
        plt.close(fig)


def test_distribution_all_missing_says_no_data(ax):
    plot.quote_share(_articles().assign(quote_share=np.nan), ax=ax)
    assert [t.get_text() for t in ax.texts] == ["no data"]
    assert len(ax.patches) == 0


def test_distribution_errors_name_the_problem(ax):
    with pytest.raises(ValueError, match="readability.*'gunning_fog'"):
        plot.readability(_articles(), metric="gunning_fog", ax=ax)
    with pytest.raises(ValueError, match="not numbers"):
        plot.distribution(_articles(), metric="source", ax=ax)


# --------------------------------------------------------------------------------------------
# speakers
# --------------------------------------------------------------------------------------------


def test_speakers_sums_over_articles_and_breaks_ties_by_name(ax):
    out = plot.speakers(_speakers(), top=4, ax=ax)
    assert out is ax
    assert _ticks(ax) == ["Eve Ng", "Ann Lee", "Bob Ray", "Cy Doe"]
    assert [p.get_width() for p in ax.patches] == [60, 45, 45, 45]
    assert [t.get_text().strip() for t in ax.texts] == [
        "1 article",
        "2 articles",
        "2 articles",
        "1 article",
    ]
    assert ax.get_title() == "Top 4 of 5 speakers by quoted words"
    assert ax.get_xlabel() == "Words in quotations (summed over articles)"
    assert ax.get_ylabel() == "Speaker"


def test_speakers_do_not_depend_on_row_order(ax):
    shuffled = _speakers().sample(frac=1, random_state=3)
    plot.speakers(shuffled, top=3, ax=ax)
    assert _ticks(ax) == ["Eve Ng", "Ann Lee", "Bob Ray"]


def test_speakers_single_and_empty(ax):
    plot.speakers(_speakers().iloc[[6]], ax=ax)
    assert _ticks(ax) == ["Eve Ng"] and ax.get_title() == "1 speaker by quoted words"
    fig, other = plt.subplots()
    try:
        plot.speakers(_speakers().iloc[[7]], ax=other)  # only an unattributed quote
        assert [t.get_text() for t in other.texts] == ["no quoted speakers"]
    finally:
        plt.close(fig)
    with pytest.raises(ValueError, match="positive integer"):
        plot.speakers(_speakers(), top=0, ax=ax)


def _attributed_speakers() -> pd.DataFrame:
    """newslib.speakers rows with reported speech: Ann 10 quoted + 30 reported over two
    articles; Bob 25 quoted; Cy only reported, 20 words."""
    return pd.DataFrame(
        {
            "article_id": pd.array(["a", "b", "b", "c"], dtype="string"),
            "speaker": pd.array(["Ann", "Ann", "Bob", "Cy"], dtype="string"),
            "n_quotes": [1, 0, 2, 0],
            "quoted_words": [10, 0, 25, 0],
            "attributed_words": [15, 25, 25, 20],
            "n_attributions": [1, 1, 2, 1],
        }
    )


def test_speakers_by_attributed_words_split_quoted_and_reported(ax):
    plot.speakers(_attributed_speakers(), words="attributed", ax=ax)
    assert ax.get_title() == "3 speakers by attributed words"
    assert ax.get_xlabel() == "Words attributed (summed over articles)"
    assert _ticks(ax) == ["Ann", "Bob", "Cy"]  # 40, 25, 20 words
    quoted, reported = ax.containers
    assert [b.get_width() for b in quoted] == [10, 25, 0]
    assert [b.get_width() for b in reported] == [30, 0, 20]
    assert [b.get_x() for b in reported] == [10, 25, 0]
    assert to_hex(quoted[0].get_facecolor()) == plot.OKABE_ITO["orange"].lower()
    assert to_hex(reported[0].get_facecolor()) == plot.OKABE_ITO["sky blue"].lower()
    assert _legend_texts(ax) == ["quoted", "reported"]
    assert [t.get_text() for t in ax.texts] == [" 2 articles", " 1 article", " 1 article"]


def test_speakers_by_quoted_words_leave_out_reported_only_speakers(ax):
    plot.speakers(_attributed_speakers(), ax=ax)
    assert _ticks(ax) == ["Bob", "Ann"]  # Cy has no quotation
    assert [b.get_width() for b in ax.patches] == [25, 10]
    assert ax.get_title() == "2 speakers by quoted words"
    with pytest.raises(ValueError, match="'attributed_words'"):
        plot.speakers(_speakers(), words="attributed", ax=ax)
    with pytest.raises(ValueError, match="words must be"):
        plot.speakers(_speakers(), words="reported", ax=ax)


# --------------------------------------------------------------------------------------------
# sentiment_strip
# --------------------------------------------------------------------------------------------


def _bars(axes):
    return list(axes.containers[0])


def test_sentiment_strip_bars_colours_quotes_and_paragraphs(ax):
    out = plot.sentiment_strip(_sentences(), ax=ax)  # default: the first article, x
    assert out is ax
    assert ax.get_title() == "Sentence sentiment: Council votes on the new bridge"
    assert ax.get_xlabel() == "Sentence (number from 0)"
    assert ax.get_ylabel() == "Sentence sentiment\n(VADER compound, −1 to 1)"
    bars = _bars(ax)
    # numbered as the sentences table numbers them: from 0
    assert [b.get_x() + b.get_width() / 2 for b in bars] == pytest.approx(range(10))
    assert [b.get_height() for b in bars] == pytest.approx(
        [0.6, 0.0, -0.4, -0.7, 0.3, 0.02, -0.05, 0.8, -0.2, 0.5]
    )
    blue, red = plot.OKABE_ITO["blue"].lower(), plot.OKABE_ITO["vermillion"].lower()
    grey = to_hex("0.6")
    colours = [to_hex(b.get_facecolor()) for b in bars]
    assert colours == [blue, grey, red, red, blue, grey, red, blue, red, blue]
    # in_quote >= 0.5: sentences 2-3 and 6-7, one band per run
    bands = sorted(p.get_x() for p in ax.patches if p.get_label() == "_quoted")
    assert bands == pytest.approx([1.5, 5.5])
    breaks = [line.get_xdata()[0] for line in ax.get_lines() if line.get_label() == "_paragraph"]
    assert breaks == pytest.approx([1.5, 4.5, 6.5])
    assert list(ax.get_xticks()) == list(range(10))
    assert ax.get_xlim() == (-0.5, 9.5)
    assert any(line.get_label() == "_zero" for line in ax.get_lines())
    assert _legend_texts(ax) == [
        "positive",
        "negative",
        "neutral",
        "quoted",
        "paragraph break",
        "quotes unknown: 1 sentence",
    ]


def test_sentiment_strip_other_article_and_single_sentence(ax):
    plot.sentiment_strip(_sentences(), article_id="y", ax=ax)
    assert ax.get_title() == "Sentence sentiment: Harbour reopens"
    assert len(_bars(ax)) == 3
    assert not [p for p in ax.patches if p.get_label() == "_quoted"]
    fig, other = plt.subplots()
    try:
        one = _sentences().iloc[[2]].drop(columns=["title", "paragraph"])
        plot.sentiment_strip(one, ax=other)
        assert other.get_title() == "Sentence sentiment: x"  # no title column: the id
        assert len(_bars(other)) == 1
        assert "paragraph break" not in _legend_texts(other)
    finally:
        plt.close(fig)


def test_sentiment_strip_empty_and_unknown_article(ax):
    plot.sentiment_strip(_sentences().iloc[:0], ax=ax)
    assert [t.get_text() for t in ax.texts] == ["no data"]
    with pytest.raises(ValueError, match="'zz'.*'x'"):
        plot.sentiment_strip(_sentences(), article_id="zz", ax=ax)


def test_sentiment_strip_without_quote_information(ax):
    data = _sentences().drop(columns="in_quote")
    plot.sentiment_strip(data, ax=ax)
    assert not [p for p in ax.patches if p.get_label() == "_quoted"]
    assert "quotes unknown: 10 sentences" in _legend_texts(ax)


def test_sentiment_strip_marks_reported_sentences(ax):
    data = _sentences()
    # x: sentences 2-3 and 6-7 are quoted; 0-1 and 9 reported; sentence 5 is unknown
    data["voice"] = pd.array(
        ["reported", "reported", "quoted", "quoted", "narration", None, "quoted", "quoted"]
        + ["narration", "reported", "narration", "narration", "narration"],
        dtype="string",
    )
    plot.sentiment_strip(data, ax=ax)
    reported = sorted(p.get_x() for p in ax.patches if p.get_label() == "_reported")
    assert reported == pytest.approx([-0.5, 8.5])
    assert len([p for p in ax.patches if p.get_label() == "_quoted"]) == 2
    assert "reported" in _legend_texts(ax)
    shades = {to_hex(p.get_facecolor()) for p in ax.patches if p.get_label() == "_reported"}
    assert shades == {"#ddf0fb"}


# --------------------------------------------------------------------------------------------
# voices
# --------------------------------------------------------------------------------------------

_VOICES = ["quoted", "reported", "the reporter's own"]


def _segments(axes) -> list[list[tuple[float, float]]]:
    """(left, width) of each bar of each voice, in legend order."""
    return [[(b.get_x(), b.get_width()) for b in c] for c in axes.containers]


def test_voices_stacks_pooled_shares_to_100_percent(ax):
    out = plot.voices(_voice_articles(), by="source", ax=ax)
    assert out is ax
    assert ax.get_title() == "Whose words, by source"
    assert ax.get_xlabel() == "Share of all words (%, articles pooled)"
    assert ax.get_ylabel() == "Source"
    assert _ticks(ax) == [
        "BBC (n=2)",
        "CNN (n=1)",
        "Reuters (n=1, no words)",
        "not stated (n=1)",
    ]
    assert _legend_texts(ax) == _VOICES
    quoted, reported, own = _segments(ax)
    # pooled, not the mean of the articles' shares (BBC: 80 of 400 words, not (0.5 + 0.1) / 2)
    assert [w for _, w in quoted] == pytest.approx([0.2, 0.5, 0.0])
    assert [w for _, w in reported] == pytest.approx([0.15, 0.1, 0.0])
    assert [w for _, w in own] == pytest.approx([0.65, 0.4, 1.0])
    # stacked: each segment starts where the one before ends, and every bar ends at 100%
    for q, r, o in zip(quoted, reported, own, strict=True):
        assert r[0] == pytest.approx(q[0] + q[1]) and o[0] == pytest.approx(r[0] + r[1])
        assert o[0] + o[1] == pytest.approx(1.0)
    # the group without words has no bar: bars sit at rows 0, 1 and 3
    assert [b.get_y() + b.get_height() / 2 for b in ax.containers[0]] == pytest.approx([0, 1, 3])
    colours = [to_hex(c[0].get_facecolor()) for c in ax.containers]
    assert colours == [
        plot.OKABE_ITO["orange"].lower(),
        plot.OKABE_ITO["sky blue"].lower(),
        "#d9d9d9",
    ]
    assert ax.get_xlim() == (0.0, 1.0)
    assert ax.xaxis.get_major_formatter()(0.5, 0) == "50%"
    # percentages written on the segments of 6% or more
    assert [t.get_text() for t in ax.texts] == ["20%", "50%", "15%", "10%", "65%", "40%", "100%"]


def test_voices_of_all_articles_is_one_bar(ax):
    plot.voices(_voice_articles(), ax=ax)
    assert _ticks(ax) == ["all articles (n=5)"]
    assert ax.get_title() == "Whose words"
    quoted, reported, own = _segments(ax)
    assert quoted[0][1] == pytest.approx(180 / 700)
    assert reported[0][1] == pytest.approx(80 / 700)
    assert own[0][1] == pytest.approx(440 / 700)


def test_voices_empty_no_words_and_errors(ax):
    plot.voices(_voice_articles().iloc[:0], ax=ax)
    assert [t.get_text() for t in ax.texts] == ["no data"]
    fig, other = plt.subplots()
    try:
        plot.voices(_voice_articles().iloc[[4]], ax=other)
        assert [t.get_text() for t in other.texts] == ["no words"]
    finally:
        plt.close(fig)
    with pytest.raises(ValueError, match="'reported_words'"):
        plot.voices(_voice_articles().drop(columns="reported_words"), ax=ax)
    with pytest.raises(ValueError, match="'outlet'"):
        plot.voices(_voice_articles(), by="outlet", ax=ax)


def test_voices_do_not_depend_on_row_order(ax):
    plot.voices(_voice_articles(), by="source", ax=ax)
    fig, other = plt.subplots()
    try:
        plot.voices(_voice_articles().iloc[::-1], by="source", ax=other)
        assert _segments(other) == _segments(ax) and _ticks(other) == _ticks(ax)
    finally:
        plt.close(fig)


# --------------------------------------------------------------------------------------------
# scatter
# --------------------------------------------------------------------------------------------


def test_scatter_groups_and_dropped_rows(ax):
    out = plot.scatter(_articles(), x="flesch_kincaid_grade", y="quote_share", hue="source", ax=ax)
    assert out is ax
    assert ax.get_xlabel() == "Flesch–Kincaid grade (US school grade)"
    assert ax.get_ylabel() == "Quote share\n(% of words inside quotations)"
    assert ax.get_title() == "Quote share vs Flesch–Kincaid grade"
    # a6 (no quote share) and a9 (neither value) are left out
    assert _legend_texts(ax) == [
        "BBC (n=3)",
        "CNN (n=2)",
        "Reuters (n=1)",
        "not stated (n=1)",
        "2 articles without a value left out",  # one point per article
    ]
    assert ax.get_legend().get_title().get_text() == "Source"
    points = np.concatenate([c.get_offsets() for c in ax.collections])
    assert len(points) == 7
    assert sorted(map(tuple, points.tolist()))[0] == (8.0, 0.10)


def test_scatter_without_hue_single_point_and_empty(ax):
    data = _articles()
    plot.scatter(data.iloc[[0]], x="flesch_kincaid_grade", y="quote_share", ax=ax)
    assert len(ax.collections[0].get_offsets()) == 1
    assert ax.get_legend() is None  # one colour and nothing left out: no legend needed
    fig, other = plt.subplots()
    try:
        plot.scatter(data.iloc[[5]], x="flesch_kincaid_grade", y="quote_share", ax=other)
        assert [t.get_text() for t in other.texts] == ["no data"]
    finally:
        plt.close(fig)


def test_scatter_of_paragraph_numbers_ticks_whole_numbers_only(ax):
    # four paragraphs: matplotlib's default ticks would read 0.0, 0.5, 1.0, ... 3.0
    paragraphs = pd.DataFrame({"paragraph": [0, 1, 2, 3], "flesch_kincaid_grade": [9, 12, 8, 11]})
    plot.scatter(paragraphs, x="paragraph", y="flesch_kincaid_grade", ax=ax)
    ax.figure.canvas.draw()
    ticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    assert ticks and all(float(t).is_integer() for t in ticks)
    # a grade is no count: its axis keeps its halves
    assert not all(float(t).is_integer() for t in ax.get_yticks())


# --------------------------------------------------------------------------------------------
# No raw column names; zero baselines; many points (issue 15)
# --------------------------------------------------------------------------------------------

RAW_NAMES = sorted(k for k in LABELS if "_" in k)


def _raw_names(fig) -> list[tuple[str, str]]:
    """Raw column names in any text a reader sees (titles, labels, ticks, legends, notes)."""
    fig.canvas.draw()
    texts = [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    return [(name, text) for text in texts for name in RAW_NAMES if name in text]


def _corpus(n: int = 800, seed: int = 5) -> pd.DataFrame:
    """n articles of 7 sources with every article-level column the figures use."""
    rng = np.random.default_rng(seed)
    total = rng.integers(120, 2000, n)
    quoted = (total * rng.beta(2, 6, n)).astype(int)
    narration = np.clip(rng.normal(0.02, 0.2, n), -1, 1)
    return pd.DataFrame(
        {
            "article_id": pd.array([f"a{i}" for i in range(n)], dtype="string"),
            "source": pd.array([f"Outlet {i % 7 + 1}" for i in range(n)], dtype="string"),
            "n_words": total,
            "total_words": total,
            "quoted_words": quoted,
            "reported_words": (total * rng.uniform(0, 0.1, n)).astype(int),
            "quote_share": quoted / total,
            "compound_mean": np.clip(rng.normal(0.03, 0.18, n), -1, 1),
            "flesch_kincaid_grade": rng.normal(11, 2, n),
            "narration_compound_mean": narration,
            "quoted_compound_mean": np.clip(narration / 2 + rng.normal(0.05, 0.2, n), -1, 1),
        }
    )


def _many_sentences(n: int = 30_000, seed: int = 6) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    voice = rng.choice(["quoted", "reported", "narration"], n, p=[0.25, 0.15, 0.6])
    compound = np.clip(rng.normal(0.05, 0.45, n), -0.99, 0.99)
    compound[rng.random(n) < 0.4] = 0.0
    return pd.DataFrame({"voice": voice, "compound": compound})


def _attributions() -> pd.DataFrame:
    """A: 4 attributions (2 named, 1 unnamed, 1 with no source); B: 2 (organisation, NA).
    Named people's words in A: she 30, he 50 + 20 (one person), not stated 0."""
    return pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a3", "b1", "b2"],
            "source": pd.array(["A", "A", "A", "A", "B", "B"], dtype="string"),
            "type": pd.array(
                ["person", "person", "anonymous", "none", "organization", None], dtype="string"
            ),
            "gender": ["female", "male", "unknown", "unknown", "unknown", "unknown"],
            "person": pd.array(["Ann", "Bob", None, None, None, None], dtype="string"),
            "words": [30, 70, 12, 8, 25, 5],
            "date": pd.to_datetime(
                ["2024-01-03", "2024-01-03", "2024-01-20", "2024-02-07", "2024-02-10", "2024-02-11"]
            ),
        }
    )


FIGURE_CALLS = {
    "distribution": lambda ax: plot.distribution(_corpus(), metric="compound_mean", ax=ax),
    "distribution_by": lambda ax: plot.distribution(
        _corpus(), metric="n_words", by="source", ax=ax
    ),
    "quote_share_by": lambda ax: plot.quote_share(_corpus(), by="source", ax=ax),
    "scatter": lambda ax: plot.scatter(
        _corpus(),
        x="narration_compound_mean",
        y="quoted_compound_mean",
        hue="source",
        diagonal=True,
        ax=ax,
    ),
    "voices": lambda ax: plot.voices(_corpus(), by="source", ax=ax),
    "sentiment_strip": lambda ax: plot.sentiment_strip(_sentences(), ax=ax),
    "sentiment_by_voice": lambda ax: plot.sentiment_by_voice(_many_sentences(), ax=ax),
    "speaker_types": lambda ax: plot.speaker_types(_attributions(), ax=ax),
    "speaker_genders": lambda ax: plot.speaker_genders(_attributions(), ax=ax),
    "share_over_time": lambda ax: plot.share_over_time(_attributions(), freq="M", ax=ax),
}


@pytest.mark.parametrize("name", sorted(FIGURE_CALLS))
def test_no_raw_column_name_in_any_figure_text(name):
    fig, ax = plt.subplots(figsize=(8, 5))
    try:
        FIGURE_CALLS[name](ax)
        assert _raw_names(fig) == []
    finally:
        plt.close(fig)


def test_boxes_of_shares_and_counts_start_at_zero(ax):
    plot.quote_share(_corpus(), by="source", ax=ax)
    assert ax.get_xlim()[0] == 0
    fig, (length, tone) = plt.subplots(1, 2)
    try:
        plot.distribution(_corpus(), metric="n_words", by="source", ax=length)
        assert length.get_xlim()[0] == 0 and _corpus()["n_words"].min() >= 120
        plot.distribution(_corpus(), metric="compound_mean", by="source", ax=tone)
        assert tone.get_xlim()[0] < 0  # a score that can be negative keeps its own range
    finally:
        plt.close(fig)


def test_an_ordered_category_keeps_its_order(ax):
    data = pd.DataFrame(
        {
            "voice": pd.Categorical(["low", "high", "mid", "high"], ["low", "mid", "high"], True),
            "quote_share": [0.9, 0.1, 0.5, 0.2],
        }
    )
    plot.quote_share(data, by="voice", ax=ax)
    assert _ticks(ax) == ["low (n=1)", "mid (n=1)", "high (n=2)"]  # not by median


def test_a_large_group_shows_an_even_sample_of_its_points(ax):
    data = pd.DataFrame(
        {"source": ["big"] * 2000 + ["small"] * 40, "quote_share": np.linspace(0, 1, 2040)}
    )
    plot.quote_share(data, by="source", ax=ax)
    sizes = sorted(len(c.get_offsets()) for c in ax.collections)
    assert sizes == [40, 500]
    big = max(ax.collections, key=lambda c: len(c.get_offsets())).get_offsets()[:, 0]
    assert big.min() == 0 and big.max() == pytest.approx(1999 / 2039)  # the ends are kept
    assert any("sample of 500" in t for t in _legend_texts(ax))


# --------------------------------------------------------------------------------------------
# sentiment_strip on short articles, scatter's diagonal
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2])
def test_sentiment_strip_of_a_short_article(ax, n):
    rows = pd.DataFrame(
        {"article_id": "a", "sentence": list(range(n)), "compound": [0.4, -0.3][:n]}
    )
    plot.sentiment_strip(rows, ax=ax)
    assert list(ax.get_xticks()) == list(range(n))  # whole sentence numbers from 0
    lo, hi = ax.get_xlim()
    assert lo < 0 and hi - lo >= 7  # room around the bars, not one bar across the plot
    assert all(b.get_width() / (hi - lo) <= 0.12 for b in _bars(ax))
    ax.figure.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(i) for i in range(n)]


def test_sentiment_strip_of_a_long_article_has_whole_ticks(ax):
    rows = pd.DataFrame(
        {"article_id": "a", "sentence": list(range(60)), "compound": np.linspace(-1, 1, 60)}
    )
    plot.sentiment_strip(rows, ax=ax)
    ax.figure.canvas.draw()
    lo, hi = ax.get_xlim()
    assert (lo, hi) == (-0.5, 59.5)
    ticks = [t for t in ax.get_xticks() if lo <= t <= hi]
    assert ticks[0] == 0 and all(float(t).is_integer() for t in ticks)


def test_scatter_draws_the_diagonal_with_a_label(ax):
    data = _corpus()
    plot.scatter(data, x="narration_compound_mean", y="quoted_compound_mean", diagonal=True, ax=ax)
    diagonal = [line for line in ax.get_lines() if line.get_label() == "_diagonal"]
    assert len(diagonal) == 1
    xs, ys = (np.asarray(v, dtype=float) for v in diagonal[0].get_data())
    assert xs.tolist() == ys.tolist()  # y = x
    assert ax.get_xlim() == ax.get_ylim() == (xs[0], xs[-1])  # corner to corner
    assert _legend_texts(ax) == ["same on both axes"]
    assert [t.get_text() for t in ax.texts] == [
        "above the line: sentiment of quoted sentences higher"
    ]
    fig, other = plt.subplots()
    try:
        plot.scatter(data, x="narration_compound_mean", y="quoted_compound_mean", ax=other)
        assert not [line for line in other.get_lines() if line.get_label() == "_diagonal"]
    finally:
        plt.close(fig)


# --------------------------------------------------------------------------------------------
# sentiment_by_voice
# --------------------------------------------------------------------------------------------

_VOICE_TICKS = ["quoted", "reported", "the reporter's own"]


def test_sentiment_by_voice_at_30000_sentences_draws_histograms(ax):
    data = _many_sentences()
    plot.sentiment_by_voice(data, ax=ax)
    counts = data["voice"].value_counts()
    assert _ticks(ax) == [
        f"quoted (n={counts['quoted']:,})",
        f"reported (n={counts['reported']:,})",
        f"the reporter's own (n={counts['narration']:,})",
    ]
    assert not [c for c in ax.collections if len(c.get_offsets()) > 0]  # no cloud of points
    bars = [b for c in ax.containers if c.get_label() == "_hist" for b in c]
    assert len(bars) == 3 * 21
    # the neutral share is written for each voice, and is the share of scores in -0.05..0.05
    for voice, code in zip(_VOICE_TICKS, ["quoted", "reported", "narration"], strict=True):
        scores = data.loc[data["voice"] == code, "compound"]
        share = ((scores >= -0.05) & (scores < 0.05)).mean()
        assert f"{share:.0%} neutral" in [t.get_text() for t in ax.texts], voice
    # quoted at the top: its bars hang from the first row's baseline
    first_row = [b for b in bars if b.get_y() == pytest.approx(0.45)]
    assert len(first_row) == 21
    assert "mean" in _legend_texts(ax)


def test_sentiment_by_voice_of_few_sentences_draws_every_point(ax):
    from newslib.notebook import VOICE_LABELS

    data = _many_sentences(90)
    labelled = data.assign(voice=data["voice"].map(VOICE_LABELS))  # the notebooks' labels
    plot.sentiment_by_voice(labelled, ax=ax)
    assert [t.split(" (n=")[0] for t in _ticks(ax)] == _VOICE_TICKS
    assert sum(len(c.get_offsets()) for c in ax.collections) == 90
    assert not [c for c in ax.containers if c.get_label() == "_hist"]


def test_sentiment_by_voice_counts_what_it_leaves_out(ax):
    data = pd.DataFrame({"voice": ["quoted", None, "narration"], "compound": [0.1, 0.2, None]})
    plot.sentiment_by_voice(data, ax=ax)
    assert "2 sentences without a voice or score left out" in _legend_texts(ax)
    plot.sentiment_by_voice(data.iloc[:0], ax=ax)
    assert "no data" in [t.get_text() for t in ax.texts]


# --------------------------------------------------------------------------------------------
# People: speaker_types, speaker_genders, share_over_time
# --------------------------------------------------------------------------------------------


def test_speaker_types_stack_attributions_by_type_of_source(ax):
    out = plot.speaker_types(_attributions(), ax=ax)
    assert out is ax
    assert ax.get_title() == "Who the attributions come from, by source"
    assert ax.get_xlabel() == "Share of attributions (%)"
    assert _ticks(ax) == ["A (n=4)", "B (n=2)"]
    assert _legend_texts(ax) == [
        "named person",
        "organisation",
        "unnamed (anonymous)",
        "unclear",
        "no source given",
    ]
    widths = [b.get_width() for c in ax.containers for b in c]
    assert widths == pytest.approx([0.5, 0, 0, 0.5, 0.25, 0, 0, 0, 0.25, 0.5])
    assert to_hex(ax.containers[2][0].get_facecolor()) == plot.OKABE_ITO["vermillion"].lower()
    assert ax.get_xlim() == (0.0, 1.0)
    fig, other = plt.subplots()
    try:
        plot.speaker_types(_attributions(), by=None, ax=other)
        assert _ticks(other) == ["all articles (n=6)"]
    finally:
        plt.close(fig)


def test_speaker_genders_share_named_people_s_words(ax):
    plot.speaker_genders(_attributions(), ax=ax)
    assert _ticks(ax) == ["A (2 people)", "B (no named people)"]
    assert _legend_texts(ax) == ["she", "he", "not stated"]
    she, he, unstated = ([b.get_width() for b in c] for c in ax.containers)
    assert she == pytest.approx([0.3]) and he == pytest.approx([0.7]) and unstated == [0]
    assert ax.get_xlabel() == "Share of named people's attributed words (%)"


def test_share_over_time_from_zero_to_100_percent(ax):
    plot.share_over_time(_attributions(), share="anonymous", freq="M", ax=ax)
    # January: 1 of 3 attributions unnamed; February: none of 3
    y = np.asarray(_main(ax).get_ydata(), dtype=float)
    assert y == pytest.approx([1 / 3, 0.0])
    assert ax.get_ylim() == (0.0, 1.0)
    assert ax.yaxis.get_major_formatter()(0.25, 0) == "25%"
    assert ax.get_xlabel() == "Month"
    assert ax.get_title() == "Unnamed sources per month"
    assert _legend_texts(ax)[0] == "6 attributions"
    fig, other = plt.subplots()
    try:
        plot.share_over_time(_attributions(), share="she", freq="M", ax=other)
        # January: Ann 30 of 100 named people's words; February: no named person (a gap)
        y = np.asarray(_main(other).get_ydata(), dtype=float)
        assert y[0] == pytest.approx(0.3) and np.isnan(y[1])
        assert other.get_title() == "Words by people called “she” per month"
    finally:
        plt.close(fig)
    with pytest.raises(ValueError, match="share must be"):
        plot.share_over_time(_attributions(), share="he", ax=ax)


def _main(axes):
    return [line for line in axes.get_lines() if not line.get_label().startswith("_")][0]


# --------------------------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------------------------

FIGURES = {
    "readability_hist": lambda ax: plot.readability(_articles(), ax=ax),
    "readability_by_source": lambda ax: plot.readability(_articles(), by="source", ax=ax),
    "quote_share_hist": lambda ax: plot.quote_share(_articles(), ax=ax),
    "speakers": lambda ax: plot.speakers(_speakers(), top=4, ax=ax),
    "sentiment_strip": lambda ax: plot.sentiment_strip(_sentences(), ax=ax),
    "voices_by_source": lambda ax: plot.voices(_voice_articles(), by="source", ax=ax),
    "scatter": lambda ax: plot.scatter(
        _articles(), x="flesch_kincaid_grade", y="quote_share", hue="source", ax=ax
    ),
    "timeline_partial_months": lambda ax: plot.timeline(
        _dated(), metric="quote_share", freq="M", window=3, ax=ax
    ),
    "sentiment_by_voice": lambda ax: plot.sentiment_by_voice(_many_sentences(), ax=ax),
    "speaker_types": lambda ax: plot.speaker_types(_attributions(), ax=ax),
}


def _dated() -> pd.DataFrame:
    """120 articles from 10 Nov 2015 to 20 Jan 2017 (November and January partial months)."""
    rng = np.random.default_rng(7)
    start = pd.Timestamp("2015-11-10")
    days = np.sort(rng.uniform(0, 437, 120))
    days[0], days[-1] = 0, 437
    return pd.DataFrame(
        {
            "date": start + pd.to_timedelta(days, unit="D"),
            "quote_share": rng.beta(2, 6, 120),
        }
    )


def _render(name: str, path: Path) -> None:
    with plt.style.context("default"), matplotlib.rc_context(RC):
        fig, axes = plt.subplots(figsize=SIZE, dpi=DPI)
        try:
            FIGURES[name](axes)
            fig.tight_layout()
            fig.savefig(path, format="png", dpi=DPI, metadata={"Software": None})
        finally:
            plt.close(fig)


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_matches_baseline(name, tmp_path):
    expected = BASELINE / f"{name}.png"
    if UPDATE:
        BASELINE.mkdir(exist_ok=True)
        _render(name, expected)
        pytest.skip(f"baseline written: {expected}")
    if not expected.exists():
        pytest.fail(
            f"no baseline {expected}; create it with NEWSLIB_UPDATE_BASELINES=1 "
            "(see this module's docstring)"
        )
    actual = tmp_path / f"{name}.png"
    _render(name, actual)
    result = compare_images(str(expected), str(actual), tol=TOL)
    if result is not None:
        kept = tmp_path / f"{name}-expected.png"
        shutil.copyfile(expected, kept)
        diff = tmp_path / f"{name}-failed-diff.png"
        pytest.fail(
            f"{name} differs from its baseline (tolerance {TOL}): {result}\n"
            f"actual: {actual}\nexpected: {kept}\ndiff: {diff}"
        )


def test_baseline_size():
    # Small PNGs at a fixed size: 480 x 320 px.
    from PIL import Image

    for name in FIGURES:
        path = BASELINE / f"{name}.png"
        if not path.exists():
            pytest.skip("baselines not generated yet")
        with Image.open(path) as img:
            assert img.size == (480, 320), name


def test_share_over_time_leaves_undated_attributions_out_and_says_so(ax):
    data = _attributions()
    data.loc[5, "date"] = pd.NaT
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning from the timeline about undated rows
        plot.share_over_time(data, freq="M", ax=ax)
    assert _legend_texts(ax)[0] == "5 attributions"
    assert "1 attribution of undated articles left out" in _legend_texts(ax)
