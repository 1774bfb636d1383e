"""Tests for newslib.timeline: periods, counts, intervals, rolling windows, zones, bad input.

Expected numbers are worked out by hand in the comments (or from closed-form formulas), never
copied from the implementation's output.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from newslib import notebook as nb
from newslib.timeline import (
    POOLED_RATIOS,
    _median_ci_rank,
    default_freq,
    t_cdf,
    t_quantile,
    timeline,
)

# t(0.975, df) from closed forms, independent of the implementation:
# df=1 (Cauchy): tan(pi * (p - 1/2)); df=2: (2p - 1) / sqrt(2 p (1 - p)).
T1 = math.tan(math.pi * 0.475)  # 12.7062...
T2 = 0.95 / math.sqrt(2 * 0.975 * 0.025)  # 4.3026...


def _articles() -> pd.DataFrame:
    """Weekly fixture (weeks start Monday):

    week 2024-01-01: x = 1, 2, 6            -> n 3, mean 3, sd sqrt(7)
    week 2024-01-08: nothing                 -> n 0
    week 2024-01-15: x = 4, 5 (Mon 00:00, Sun 23:59) -> n 2, mean 4.5, sd sqrt(0.5)
    week 2024-01-22: x = 10 and one article without x -> n_articles 2, x_n 1
    """
    return pd.DataFrame(
        {
            "article_id": pd.array(["a1", "a2", "a3", "a4", "a5", "a6", "a7"], dtype="string"),
            "date": pd.to_datetime(
                [
                    "2024-01-01 08:00",
                    "2024-01-03 12:00",
                    "2024-01-07 23:00",
                    "2024-01-15 00:00",
                    "2024-01-21 23:59",
                    "2024-01-22 09:00",
                    "2024-01-24 09:00",
                ]
            ),
            "x": [1.0, 2.0, 6.0, 4.0, 5.0, 10.0, np.nan],
            "n_words": np.array([100, 200, 300, 400, 500, 600, 700], dtype="int64"),
        }
    )


WEEKS = pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"])


# ------------------------------------------------------------------ counts and empty periods


def test_empty_periods_get_count_zero():
    out = timeline(_articles(), freq="W", metrics=["x"])
    assert out["period"].tolist() == list(WEEKS)
    assert out["n_articles"].tolist() == [3, 0, 2, 2]
    assert out["x_n"].tolist() == [3, 0, 2, 1]
    assert out["n_articles"].dtype == "int64"
    assert out["period"].dtype == "datetime64[ns]"
    # the empty week has no mean and no interval, but it is there
    assert out.loc[1, ["x", "x_ci_low", "x_ci_high"]].isna().all()


def test_monthly_and_daily_periods():
    df = pd.DataFrame(
        {"date": pd.to_datetime(["2024-01-31 23:00", "2024-03-01 00:00"]), "x": [1.0, 2.0]}
    )
    monthly = timeline(df, freq="M")
    assert monthly["period"].tolist() == list(
        pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"])
    )
    assert monthly["n_articles"].tolist() == [1, 0, 1]
    # "MS" is accepted as a synonym of a calendar month
    assert timeline(df, freq="MS")["n_articles"].tolist() == [1, 0, 1]
    daily = timeline(df, freq="D")
    assert len(daily) == 31  # Jan 31 .. Mar 1 in 2024 (29 days in February)
    assert daily["n_articles"].sum() == 2


def test_weeks_starting_sunday():
    df = pd.DataFrame({"date": pd.to_datetime(["2024-01-06", "2024-01-07"]), "x": [1.0, 2.0]})
    # Saturday Jan 6 and Sunday Jan 7 are in different Sunday-start weeks, the same ISO week.
    assert timeline(df, freq="W-SAT")["n_articles"].tolist() == [1, 1]
    assert timeline(df, freq="W")["n_articles"].tolist() == [2]


# ------------------------------------------------------------------ mean and CI


def test_mean_and_t_interval_match_hand_computation():
    out = timeline(_articles(), freq="W", metrics=["x"])
    # week 1: mean 3, sd sqrt(7), se sqrt(7/3), t(0.975, 2)
    half1 = T2 * math.sqrt(7 / 3)
    assert out.loc[0, "x"] == pytest.approx(3.0)
    assert out.loc[0, "x_ci_low"] == pytest.approx(3.0 - half1)
    assert out.loc[0, "x_ci_high"] == pytest.approx(3.0 + half1)
    assert half1 == pytest.approx(6.572, abs=1e-3)  # the hand value, sanity of the reference
    # week 3: mean 4.5, sd sqrt(0.5), se 0.5, t(0.975, 1)
    assert out.loc[2, "x"] == pytest.approx(4.5)
    assert out.loc[2, "x_ci_low"] == pytest.approx(4.5 - T1 * 0.5)
    assert out.loc[2, "x_ci_high"] == pytest.approx(4.5 + T1 * 0.5)
    # week 4: one value -> mean 10, no interval (n < 2)
    assert out.loc[3, "x"] == pytest.approx(10.0)
    assert pd.isna(out.loc[3, "x_ci_low"]) and pd.isna(out.loc[3, "x_ci_high"])
    for col in ("x", "x_ci_low", "x_ci_high"):
        assert out[col].dtype == "Float64"


def test_constant_values_give_a_zero_width_interval():
    df = pd.DataFrame({"date": pd.to_datetime(["2024-05-01"] * 3), "x": [0.25, 0.25, 0.25]})
    out = timeline(df, freq="D")
    assert out.loc[0, "x_ci_low"] == out.loc[0, "x_ci_high"] == 0.25


def test_default_metrics_are_float_columns():
    out = timeline(_articles(), freq="W")
    assert out.attrs["metrics"] == ["x"]  # not n_words (an int count) nor article_id
    assert "n_words" not in out.columns
    # integer columns can be asked for explicitly
    words = timeline(_articles(), freq="W", metrics="n_words")
    assert words.loc[0, "n_words"] == pytest.approx(200.0)


def test_bool_metric_gives_a_share():
    df = pd.DataFrame(
        {"date": pd.to_datetime(["2024-01-01"] * 4), "positive": [True, False, True, True]}
    )
    assert timeline(df, freq="D", metrics=["positive"]).loc[0, "positive"] == 0.75


# ------------------------------------------------------------------ median


def test_median_and_order_statistic_interval():
    # Day 1: ten values (shuffled) 1..10 -> median 5.5; for n=10 the 95% ranks are 2 and 9
    # (P(Bin(10, 1/2) <= 1) = 11/1024 <= 0.025 < P(<= 2) = 56/1024), so the CI is [2, 9].
    # Day 2: six values (sorted -1, 0, 0.5, 1.5, 2, 3) -> median 1.0; only [min, max] reaches
    # 95% (coverage 1 - 2/64 = 0.969).
    # Day 3: three values -> median 2, no 95% distribution-free interval exists.
    day1 = [7.0, 3.0, 10.0, 1.0, 9.0, 2.0, 8.0, 5.0, 4.0, 6.0]
    day2 = [0.5, -1.0, 2.0, 0.0, 1.5, 3.0]
    day3 = [1.0, 6.0, 2.0]
    dates = ["2024-02-01"] * 10 + ["2024-02-02"] * 6 + ["2024-02-03"] * 3
    df = pd.DataFrame({"date": pd.to_datetime(dates), "x": day1 + day2 + day3})
    out = timeline(df, freq="D", agg="median")
    assert out["x"].tolist() == [5.5, 1.0, 2.0]
    assert (out.loc[0, "x_ci_low"], out.loc[0, "x_ci_high"]) == (2.0, 9.0)
    assert (out.loc[1, "x_ci_low"], out.loc[1, "x_ci_high"]) == (-1.0, 3.0)
    assert pd.isna(out.loc[2, "x_ci_low"]) and pd.isna(out.loc[2, "x_ci_high"])
    assert out.attrs["agg"] == "median"


@pytest.mark.parametrize(
    ("n", "rank"),
    # Textbook ranks of the 95% distribution-free CI for the median (e.g. Conover's tables):
    [(5, 0), (6, 1), (8, 1), (9, 2), (10, 2), (12, 3), (20, 6), (30, 10), (100, 40)],
)
def test_median_ci_rank_table(n, rank):
    assert _median_ci_rank(n) == rank


def test_median_ci_rank_coverage_is_at_least_95_percent():
    # exact binomial sums (integers) against the scipy.stats.binom quantile used by the code
    for n in [*range(1, 80), 151, 152, 500, 1001]:
        k = _median_ci_rank(n)
        miss = 2 * sum(math.comb(n, i) for i in range(k)) / 2**n
        miss_wider_k = 2 * sum(math.comb(n, i) for i in range(k + 1)) / 2**n
        assert miss <= 0.05 < miss_wider_k


# ------------------------------------------------------------------ groups


def _grouped() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.to_datetime(
                ["2024-01-02", "2024-01-03", "2024-01-16", "2024-01-30", "2024-01-31"]
            ),
            "source": pd.array(["BBC", "BBC", "CNN", "CNN", "BBC"], dtype="string"),
            "x": [1.0, 3.0, 5.0, 7.0, 9.0],
        }
    )


def test_groups_each_get_the_full_range_and_their_own_counts():
    out = timeline(_grouped(), freq="W", by="source")
    weeks = list(
        pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"])
    )
    assert list(out.columns[:3]) == ["period", "source", "n_articles"]
    assert out["source"].dtype == "string"
    bbc = out[out["source"] == "BBC"]
    cnn = out[out["source"] == "CNN"]
    assert bbc["period"].tolist() == weeks and cnn["period"].tolist() == weeks
    assert bbc["n_articles"].tolist() == [2, 0, 0, 0, 1]
    assert cnn["n_articles"].tolist() == [0, 0, 1, 0, 1]
    assert bbc["x"].tolist()[0] == 2.0 and bbc["x"].tolist()[4] == 9.0
    assert cnn["x"].tolist()[2] == 5.0 and cnn["x"].tolist()[4] == 7.0
    # BBC week 1: 1 and 3 -> mean 2, sd sqrt(2), se 1
    assert bbc["x_ci_high"].tolist()[0] == pytest.approx(2 + T1 * 1.0)


def test_articles_without_group_form_their_own_group():
    df = _grouped()
    df.loc[2, "source"] = pd.NA
    out = timeline(df, freq="W", by="source")
    assert out["source"].isna().sum() == 5  # one full range for the NA group, listed last
    assert out["source"].iloc[-1] is pd.NA
    assert out.loc[out["source"].isna(), "n_articles"].sum() == 1
    assert out["n_articles"].sum() == 5


def test_result_does_not_depend_on_row_order():
    rng = np.random.default_rng(7)
    n = 300
    df = pd.DataFrame(
        {
            "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 90, n), unit="D"),
            "source": rng.choice(["a", "b", "c"], n),
            "x": rng.normal(size=n) / 3,
        }
    )
    one = timeline(df, freq="W", by="source", window=3)
    shuffled = df.sample(frac=1.0, random_state=3).reset_index(drop=True)
    two = timeline(shuffled, freq="W", by="source", window=3)
    pd.testing.assert_frame_equal(one, two, check_exact=True)


# ------------------------------------------------------------------ rolling


def test_rolling_window_is_the_count_weighted_mean():
    # window 2 (trailing): week 1 -> weeks {1}: 3.0; week 2 (empty) -> weeks {1, 2}: 3.0;
    # week 3 -> {2, 3}: (4 + 5) / 2; week 4 -> {3, 4}: (4 + 5 + 10) / 3 (the NA value is skipped)
    expected = [3.0, 3.0, 4.5, 19 / 3]
    by_int = timeline(_articles(), freq="W", metrics=["x"], window=2)
    assert by_int["x_rolling"].tolist() == pytest.approx(expected)
    by_offset = timeline(_articles(), freq="W", metrics=["x"], window="2W")
    assert by_offset["x_rolling"].tolist() == pytest.approx(expected)
    assert by_int["x_rolling"].dtype == "Float64"
    assert "x_rolling" not in timeline(_articles(), freq="W", metrics=["x"]).columns


def test_rolling_is_na_when_the_window_has_no_article():
    df = pd.DataFrame({"date": pd.to_datetime(["2024-01-01", "2024-01-05"]), "x": [1.0, 3.0]})
    out = timeline(df, freq="D", window=2)
    # days: 1 (1.0), 2 (window 1-2: 1.0), 3 (2-3: none), 4 (3-4: none), 5 (4-5: 3.0)
    assert out["x_rolling"].isna().tolist() == [False, False, True, True, False]
    assert out["x_rolling"].tolist()[4] == 3.0


def test_rolling_is_computed_per_group():
    out = timeline(_grouped(), freq="W", by="source", window=5)
    bbc = out[out["source"] == "BBC"]["x_rolling"].tolist()
    cnn = out[out["source"] == "CNN"]["x_rolling"].tolist()
    # BBC: 1, 3 in week 1 and 9 in week 5 -> cumulative pooled means 2, 2, 2, 2, 13/3
    assert bbc == pytest.approx([2.0, 2.0, 2.0, 2.0, 13 / 3])
    # CNN: nothing before week 3 -> NA, NA, then 5, 5, (5 + 7) / 2
    assert cnn[:2] == [pd.NA, pd.NA]
    assert cnn[2:] == pytest.approx([5.0, 5.0, 6.0])


def test_median_rolling_weights_period_medians_by_count():
    df = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-01"] * 3 + ["2024-01-02"]),
            "x": [0.0, 1.0, 100.0, 4.0],
        }
    )
    out = timeline(df, freq="D", agg="median", window=2)
    # medians 1 (n 3) and 4 (n 1): (3 * 1 + 1 * 4) / 4
    assert out["x_rolling"].tolist()[1] == pytest.approx(7 / 4)


# ------------------------------------------------------------------ time zones


def test_aware_dates_are_converted_to_utc_by_default():
    # 23:30 UTC on Sunday Jan 7 is 00:30 on Monday Jan 8 in Berlin (UTC+1 in winter).
    df = pd.DataFrame({"date": pd.to_datetime(["2024-01-07 23:30"]).tz_localize("UTC"), "x": [1.0]})
    utc = timeline(df, freq="W")
    assert utc["period"].tolist() == [pd.Timestamp("2024-01-01", tz="UTC")]
    assert str(utc["period"].dt.tz) == "UTC"
    berlin = timeline(df, freq="W", tz="Europe/Berlin")
    assert berlin["period"].tolist() == [pd.Timestamp("2024-01-08", tz="Europe/Berlin")]
    assert berlin.attrs["tz"] == "Europe/Berlin"


def test_aware_dates_in_another_zone_are_converted():
    # 20:00 on Jan 31 in New York (UTC-5) is 01:00 UTC on Feb 1 -> February in UTC
    df = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-31 20:00"]).tz_localize("America/New_York"),
            "x": [1.0],
        }
    )
    assert timeline(df, freq="M")["period"].tolist() == [pd.Timestamp("2024-02-01", tz="UTC")]
    assert timeline(df, freq="M", tz="America/New_York")["period"].tolist() == [
        pd.Timestamp("2024-01-01", tz="America/New_York")
    ]


def test_naive_dates_are_taken_as_given():
    df = pd.DataFrame({"date": pd.to_datetime(["2024-01-07 23:30"]), "x": [1.0]})
    for tz in (None, "Asia/Tokyo"):
        out = timeline(df, freq="W", tz=tz)
        assert out["period"].tolist() == [pd.Timestamp("2024-01-01")]
        assert out["period"].dt.tz is None


def test_different_zones_for_the_same_instant_land_in_the_same_period():
    # all three are 2024-01-08 00:30 UTC
    stamps = [
        pd.Timestamp("2024-01-08 01:30", tz="Europe/Berlin"),
        pd.Timestamp("2024-01-07 19:30", tz="America/New_York"),
        pd.Timestamp("2024-01-08 09:30", tz="Asia/Tokyo"),
    ]
    df = pd.DataFrame({"date": pd.Series(stamps, dtype=object), "x": [1.0, 2.0, 3.0]})
    utc = timeline(df, freq="D")
    assert utc["period"].tolist() == [pd.Timestamp("2024-01-08", tz="UTC")]
    assert utc["n_articles"].tolist() == [3]
    ny = timeline(df, freq="D", tz="America/New_York")
    assert ny["period"].tolist() == [pd.Timestamp("2024-01-07", tz="America/New_York")]
    assert ny["n_articles"].tolist() == [3]


def test_periods_across_a_dst_change_start_at_local_midnight():
    # Berlin switches to summer time on 2024-03-31; 22:30 UTC that day is 00:30 CEST on Apr 1.
    df = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-03-30 12:00", "2024-03-31 22:30"]).tz_localize("UTC"),
            "x": [1.0, 2.0],
        }
    )
    out = timeline(df, freq="D", tz="Europe/Berlin")
    assert [p.strftime("%Y-%m-%d %H:%M%z") for p in out["period"]] == [
        "2024-03-30 00:00+0100",
        "2024-03-31 00:00+0100",
        "2024-04-01 00:00+0200",
    ]
    assert out["n_articles"].tolist() == [1, 0, 1]


def test_a_day_whose_midnight_does_not_exist_starts_at_its_first_instant():
    # Cuba moved clocks from 00:00 to 01:00 on 2024-03-10, so that day began at 01:00 (-04:00).
    df = pd.DataFrame({"date": pd.to_datetime(["2024-03-10 12:00"]).tz_localize("UTC"), "x": [1.0]})
    out = timeline(df, freq="D", tz="America/Havana")
    assert out["period"].iloc[0].strftime("%Y-%m-%d %H:%M%z") == "2024-03-10 01:00-0400"


def test_mixing_naive_and_aware_dates_is_an_error():
    df = pd.DataFrame(
        {
            "date": pd.Series([pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-02", tz="UTC")]),
            "x": [1.0, 2.0],
        }
    )
    with pytest.raises(ValueError, match="mixes"):
        timeline(df)


# ------------------------------------------------------------------ undated rows


def test_undated_rows_are_counted_and_warned_about_once():
    df = _articles()
    df.loc[[1, 4], "date"] = pd.NaT
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = timeline(df, freq="W", metrics=["x"])
    relevant = [w for w in caught if "NaT" in str(w.message)]
    assert len(relevant) == 1
    assert "2 row" in str(relevant[0].message)
    assert out.attrs["undated"] == 2
    assert out["n_articles"].sum() == 5
    # the week that lost x = 2 now has 1 and 6
    assert out.loc[0, "x"] == pytest.approx(3.5)


def test_no_warning_and_zero_undated_when_all_dated():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = timeline(_articles(), freq="W")
    assert out.attrs["undated"] == 0


# ------------------------------------------------------------------ empty input


def test_empty_table_gives_an_empty_typed_result():
    empty = _articles().iloc[:0]
    out = timeline(empty, freq="W", metrics=["x"], window=2)
    assert len(out) == 0
    assert list(out.columns) == [
        "period",
        "n_articles",
        "partial",
        "x",
        "x_ci_low",
        "x_ci_high",
        "x_n",
        "x_rolling",
    ]
    assert out.dtypes.astype(str).tolist() == [
        "datetime64[ns]",
        "int64",
        "bool",
        "Float64",
        "Float64",
        "Float64",
        "int64",
        "Float64",
    ]


def test_all_undated_gives_empty_result_with_count():
    df = pd.DataFrame(
        {"date": pd.Series([pd.NaT, pd.NaT], dtype="datetime64[ns, UTC]"), "x": [1.0, 2.0]}
    )
    with pytest.warns(UserWarning, match="2 row"):
        out = timeline(df, by=None)
    assert out.empty and out.attrs["undated"] == 2
    assert str(out["period"].dtype) == "datetime64[ns, UTC]"


def test_empty_grouped_table_keeps_group_dtype():
    out = timeline(_grouped().iloc[:0], by="source")
    assert list(out.columns[:3]) == ["period", "source", "n_articles"]
    assert out["source"].dtype == "string"


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"metrics": ["nope"]}, ValueError, "unknown metric"),
        ({"metrics": ["article_id"]}, TypeError, "not numeric"),
        ({"freq": "fortnight"}, ValueError, "unknown freq"),
        ({"freq": "2W"}, ValueError, "window="),
        ({"freq": 7}, ValueError, "freq"),
        ({"agg": "max"}, ValueError, "agg"),
        ({"window": 0}, ValueError, "at least 1"),
        ({"window": "soon"}, ValueError, "window"),
        ({"window": 2.5}, TypeError, "window"),
        ({"by": "outlet"}, ValueError, "outlet"),
        ({"by": "date"}, ValueError, "by="),
        ({"date": "published"}, ValueError, "published"),
    ],
)
def test_bad_arguments_raise_clear_errors(kwargs, error, match):
    with pytest.raises(error, match=match):
        timeline(_articles(), **kwargs)


def test_date_column_must_be_datetime():
    df = pd.DataFrame({"date": ["2024-01-01", "2024-01-02"], "x": [1.0, 2.0]})
    with pytest.raises(TypeError, match="pd.to_datetime"):
        timeline(df)


def test_not_a_dataframe():
    with pytest.raises(TypeError, match="DataFrame"):
        timeline([{"date": "2024-01-01"}])


# ------------------------------------------------------------------ t distribution


@pytest.mark.parametrize(
    ("p", "df", "table"),
    # Student t table (3 decimals)
    [
        (0.975, 1, 12.706),
        (0.975, 2, 4.303),
        (0.975, 3, 3.182),
        (0.975, 4, 2.776),
        (0.975, 5, 2.571),
        (0.975, 10, 2.228),
        (0.975, 20, 2.086),
        (0.975, 30, 2.042),
        (0.975, 60, 2.000),
        (0.975, 120, 1.980),
        (0.95, 1, 6.314),
        (0.95, 5, 2.015),
        (0.95, 10, 1.812),
        (0.995, 1, 63.657),
        (0.995, 10, 3.169),
        (0.995, 30, 2.750),
        (0.9995, 5, 6.869),
    ],
)
def test_t_quantile_matches_textbook_table(p, df, table):
    assert round(t_quantile(p, df), 3) == table


def test_t_quantile_matches_closed_forms():
    # scipy.stats.t replaced newslib's own incomplete-beta inversion: results must agree with
    # the exact values to 1e-12.
    for p in (0.51, 0.6, 0.9, 0.975, 0.99, 0.999):
        assert t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), rel=1e-12)
        assert t_quantile(p, 2) == pytest.approx(
            (2 * p - 1) / math.sqrt(2 * p * (1 - p)), rel=1e-12
        )
        # df = 4: t = 2 sqrt(q - 1), q = cos(arccos(sqrt(a)) / 3) / sqrt(a), a = 4 p (1 - p)
        a = 4 * p * (1 - p)
        q = math.cos(math.acos(math.sqrt(a)) / 3) / math.sqrt(a)
        assert t_quantile(p, 4) == pytest.approx(2 * math.sqrt(q - 1), rel=1e-12)


def test_t_quantile_symmetry_limits_and_round_trip():
    assert t_quantile(0.5, 7) == 0.0
    assert t_quantile(0.025, 10) == -t_quantile(0.975, 10)
    assert t_quantile(0.975, math.inf) == pytest.approx(1.959963984540054, rel=1e-12)
    assert t_quantile(0.975, 1e6) == pytest.approx(1.959966, abs=1e-6)
    # decreasing in df towards the normal quantile
    values = [t_quantile(0.975, df) for df in (1, 2, 5, 50, 500, 5000, 50_000)]
    assert values == sorted(values, reverse=True) and values[-1] > 1.959963984540054
    for df in (0.5, 1, 3, 7.5, 40, 999, 1001, 20_000):
        for p in (0.55, 0.8, 0.975, 0.9999):
            assert t_cdf(t_quantile(p, df), df) == pytest.approx(p, rel=1e-9)


def test_t_cdf_matches_cauchy():
    for t in (-30.0, -1.0, 0.0, 0.3, 2.0, 100.0):
        assert t_cdf(t, 1) == pytest.approx(0.5 + math.atan(t) / math.pi, rel=1e-12)


def test_t_quantile_rejects_bad_arguments():
    with pytest.raises(ValueError, match="between 0 and 1"):
        t_quantile(1.0, 3)
    with pytest.raises(ValueError, match="positive"):
        t_quantile(0.9, 0)


# ------------------------------------------------------------------ automatic period


def _spanning(start: str, end: str) -> pd.DataFrame:
    return pd.DataFrame({"date": pd.to_datetime([start, end]), "x": [1.0, 2.0]})


@pytest.mark.parametrize(
    ("start", "end", "freq", "n_periods"),
    [
        # 10 days -> 10 days
        ("2024-03-01", "2024-03-10", "D", 10),
        # 3 weeks -> 22 days
        ("2024-03-01", "2024-03-22", "D", 22),
        # exactly 31 days (Jan 1 to Feb 1) is still daily: 32 days
        ("2024-01-01", "2024-02-01", "D", 32),
        # an hour longer: weeks (Mon Jan 1 .. the week of Mon Jan 29)
        ("2024-01-01 00:00", "2024-02-01 01:00", "W-SUN", 5),
        # 5 months: weeks from Mon 2024-01-01 to the week of Mon 2024-05-27
        ("2024-01-01", "2024-06-01", "W-SUN", 22),
        # 3 years: months
        ("2021-03-15", "2024-03-14", "M", 37),
        # 8 years: quarters (2016Q1 .. 2024Q1)
        ("2016-02-01", "2024-02-01", "Q-DEC", 33),
        # 20 years: years
        ("2004-06-01", "2024-06-01", "Y-DEC", 21),
    ],
)
def test_default_freq_follows_the_span(start, end, freq, n_periods):
    df = _spanning(start, end)
    assert default_freq(df["date"]) == freq.split("-")[0]
    out = timeline(df)
    assert out.attrs["freq"] == freq
    assert len(out) == n_periods
    assert out["n_articles"].sum() == 2


def test_default_freq_ignores_missing_dates_and_handles_zones():
    assert default_freq(pd.to_datetime(["2024-01-01", None, "2024-12-31"])) == "M"
    assert default_freq(pd.Series([], dtype="datetime64[ns]")) == "D"  # nothing to span
    assert default_freq(pd.to_datetime(["2024-01-01"])) == "D"
    aware = pd.Series(
        [pd.Timestamp("2024-01-01", tz="Asia/Tokyo"), pd.Timestamp("2024-04-01", tz="UTC")],
        dtype=object,
    )
    assert default_freq(aware) == "W"  # 91 days
    with pytest.raises(TypeError, match="to_datetime"):
        default_freq(["2024-01-01", "2024-02-01"])


def test_explicit_freq_overrides_the_automatic_one():
    df = _spanning("2024-03-01", "2024-03-10")  # automatic: days
    out = timeline(df, freq="M")
    assert out.attrs["freq"] == "M" and len(out) == 1


# ------------------------------------------------------------------ partial periods


def test_full_first_and_last_months_are_not_partial():
    df = _spanning("2024-01-01 00:00", "2024-03-31 23:59")
    assert timeline(df, freq="M")["partial"].tolist() == [False, False, False]


def test_months_started_or_ended_part_way_are_partial():
    assert timeline(_spanning("2024-01-08", "2024-03-31"), freq="M")["partial"].tolist() == [
        True,
        False,
        False,
    ]
    assert timeline(_spanning("2024-01-01", "2024-03-30"), freq="M")["partial"].tolist() == [
        False,
        False,
        True,
    ]
    # one period, covered in part (Feb 3 .. Feb 20) or in full (Feb 1 .. Feb 29, 2024)
    assert timeline(_spanning("2024-02-03", "2024-02-20"), freq="M")["partial"].tolist() == [True]
    assert timeline(_spanning("2024-02-01", "2024-02-29"), freq="M")["partial"].tolist() == [False]


def test_partial_weeks_and_never_partial_days():
    # _articles: Mon Jan 1 .. Wed Jan 24; the last ISO week ends Sunday Jan 28
    out = timeline(_articles(), freq="W", metrics=["x"])
    assert out["partial"].tolist() == [False, False, False, True]
    assert out["partial"].dtype == bool
    assert not timeline(_articles(), freq="D")["partial"].any()


def test_groups_share_the_corpus_wide_partial_flags():
    df = pd.DataFrame(
        {
            # BBC covers all of January; CNN only starts on Feb 10; the corpus ends on Mar 15
            "date": pd.to_datetime(["2024-01-01", "2024-01-31", "2024-02-10", "2024-03-15"]),
            "source": ["BBC", "BBC", "CNN", "CNN"],
            "x": [1.0, 2.0, 3.0, 4.0],
        }
    )
    out = timeline(df, freq="M", by="source")
    for name in ("BBC", "CNN"):
        assert out.loc[out["source"] == name, "partial"].tolist() == [False, False, True]


def test_partial_flags_use_the_calendar_of_the_zone():
    # 23:30 UTC on Jan 31 is 00:30 on Feb 1 in Berlin; the last article is Feb 29 12:00 UTC.
    df = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-31 23:30", "2024-02-29 12:00"]).tz_localize("UTC"),
            "x": [1.0, 2.0],
        }
    )
    utc = timeline(df, freq="M")
    assert utc["partial"].tolist() == [True, False]  # January only from the 31st
    berlin = timeline(df, freq="M", tz="Europe/Berlin")
    assert berlin["period"].tolist() == [pd.Timestamp("2024-02-01", tz="Europe/Berlin")]
    assert berlin["partial"].tolist() == [False]  # all of February, Berlin time
    assert berlin.attrs["first_date"] == pd.Timestamp("2024-02-01 00:30", tz="Europe/Berlin")
    assert berlin.attrs["last_date"] == pd.Timestamp("2024-02-29 13:00", tz="Europe/Berlin")


def test_partial_is_a_reserved_name():
    df = _spanning("2024-01-01", "2024-01-03").assign(partial=[0.5, 0.7])
    assert "partial" not in timeline(df, freq="D").attrs["metrics"]
    with pytest.raises(ValueError, match="cannot be a metric"):
        timeline(df, freq="D", metrics=["partial"])


# ------------------------------------------------------------------ pooled ratios


def _shares() -> pd.DataFrame:
    """Day 1: (quoted, total) = (2, 10), (3, 10), (8, 20), plus an article without words.
    Pooled: 13 / 40 = 0.325; mean of the shares (0.2, 0.3, 0.4) = 0.3.
    Day 2: (0, 50) -> 0; day 3: (6, 10), (2, 30) -> 8 / 40 = 0.2."""
    quoted = [2, 3, 8, 0, 0, 6, 2]
    total = [10, 10, 20, 0, 50, 10, 30]
    return pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-05-01"] * 4 + ["2024-05-02"] + ["2024-05-03"] * 2),
            "quoted_words": np.array(quoted, dtype="int64"),
            "total_words": np.array(total, dtype="int64"),
            "quote_share": [q / t if t else np.nan for q, t in zip(quoted, total, strict=True)],
        }
    )


def test_pooled_share_is_the_ratio_of_sums():
    out = timeline(_shares(), freq="D", metrics=["quote_share"], agg="pooled")
    assert out["quote_share"].tolist() == pytest.approx([0.325, 0.0, 0.2])
    # the article without words adds nothing to either sum and is not counted
    assert out["quote_share_n"].tolist() == [3, 1, 2]
    assert out.attrs["statistic"] == out.attrs["agg"] == "pooled"
    assert out.attrs["ratios"] == {"quote_share": ("quoted_words", "total_words")}
    mean = timeline(_shares(), freq="D", metrics=["quote_share"])
    assert mean.loc[0, "quote_share"] == pytest.approx(0.3)  # not the pooled 0.325
    assert mean.attrs["statistic"] == "mean" and mean.attrs["ratios"] is None


def test_pooled_interval_is_the_ratio_estimator_t_interval():
    out = timeline(_shares(), freq="D", metrics=["quote_share"], agg="pooled")
    # Day 1: residuals y - 0.325 x = -1.25, -0.25, 1.5 -> s_e^2 = 3.875 / 2; x-bar = 40 / 3;
    # se = sqrt(1.9375 / 3) / (40 / 3) = 0.0603; t(0.975, 2) -> 0.325 -+ 0.259
    half = T2 * math.sqrt(1.9375 / 3) / (40 / 3)
    assert half == pytest.approx(0.2593, abs=1e-4)
    assert out.loc[0, "quote_share_ci_low"] == pytest.approx(0.325 - half)
    assert out.loc[0, "quote_share_ci_high"] == pytest.approx(0.325 + half)
    # Day 2: one article -> no interval; day 3: residuals 6 - 2 = 4, 2 - 6 = -4 ->
    # s_e^2 = 32, x-bar = 20, se = sqrt(32 / 2) / 20 = 0.2; t(0.975, 1) -> 0.2 -+ 2.54,
    # clipped to the range of a share
    assert pd.isna(out.loc[1, "quote_share_ci_low"])
    assert (out.loc[2, "quote_share_ci_low"], out.loc[2, "quote_share_ci_high"]) == (0.0, 1.0)


def test_pooled_interval_stays_within_the_range_of_a_share():
    # (1, 100), (30, 40): R = 31 / 140; the t(0.975, 1) interval is far wider than [0, 1]
    df = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-05-01", "2024-05-01"]),
            "quoted_words": [1, 30],
            "total_words": [100, 40],
        }
    )
    out = timeline(df, freq="D", agg="pooled")
    assert out.loc[0, "quote_share"] == pytest.approx(31 / 140)
    assert (out.loc[0, "quote_share_ci_low"], out.loc[0, "quote_share_ci_high"]) == (0.0, 1.0)
    # a ratio whose numerator may exceed its denominator is only clipped at 0
    ratio = df.assign(total_words=[1, 3])
    out = timeline(ratio, freq="D", agg="pooled")
    assert out.loc[0, "quote_share"] == pytest.approx(31 / 4)
    assert out.loc[0, "quote_share_ci_low"] == 0.0 and out.loc[0, "quote_share_ci_high"] > 1


def test_pooled_rolling_is_the_ratio_of_sums_over_the_window():
    out = timeline(_shares(), freq="D", metrics=["quote_share"], agg="pooled", window=2)
    # day 2: (13 + 0) / (40 + 50); day 3: (0 + 8) / (50 + 40)
    assert out["quote_share_rolling"].tolist() == pytest.approx([0.325, 13 / 90, 8 / 90])


def test_pooled_metrics_default_to_the_ratios_the_table_has():
    out = timeline(_shares(), freq="D", agg="pooled")
    assert out.attrs["metrics"] == ["quote_share"]  # no reported_words, attributed_words
    assert set(POOLED_RATIOS) >= {"quote_share", "reported_share", "attributed_share"}


def test_pooled_ratio_can_be_added_by_the_caller():
    df = _shares().rename(columns={"quoted_words": "q", "total_words": "w"})
    out = timeline(
        df, freq="D", metrics=["my_share"], agg="pooled", ratios={"my_share": ("q", "w")}
    )
    assert out["my_share"].tolist() == pytest.approx([0.325, 0.0, 0.2])
    # ratios= is ignored by the other statistics
    mean = timeline(df, freq="D", metrics=["quote_share"], ratios={"my_share": ("q", "w")})
    assert mean.loc[0, "quote_share"] == pytest.approx(0.3)


def test_pooled_grouped_flags_and_order_independence():
    df = _shares().assign(source=["a", "b", "a", "b", "a", "b", "a"])
    one = timeline(df, freq="D", by="source", agg="pooled", window=2)
    two = timeline(
        df.iloc[::-1].reset_index(drop=True), freq="D", by="source", agg="pooled", window=2
    )
    pd.testing.assert_frame_equal(one, two, check_exact=True)
    a = one[one["source"] == "a"]
    # source a: day 1 (2, 10), (8, 20) -> 10 / 30; day 2 (0, 50) -> 0; day 3 (2, 30) -> 1/15
    assert a["quote_share"].tolist() == pytest.approx([1 / 3, 0.0, 1 / 15])


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"metrics": ["x"]}, ValueError, r"ratios=\{'x': \('numerator_column'"),
        (
            {"metrics": ["quote_share"], "ratios": {"quote_share": ("q", "total_words")}},
            ValueError,
            "no 'q'",
        ),
        ({"ratios": {"y": "x / total_words"}}, TypeError, "pair"),
        ({"ratios": [("y", ("x", "total_words"))]}, TypeError, "ratios must map"),
        ({"metrics": ["reported_share"]}, ValueError, "reported_words"),
    ],
)
def test_pooled_errors_say_what_to_pass(kwargs, error, match):
    df = _shares().assign(x=1.0)
    with pytest.raises(error, match=match):
        timeline(df, freq="D", agg="pooled", **kwargs)


def test_pooled_without_any_known_ratio_is_an_error():
    with pytest.raises(ValueError, match="ratios="):
        timeline(_articles(), freq="W", agg="pooled")


def test_agg_error_lists_pooled():
    with pytest.raises(ValueError, match="'pooled'"):
        timeline(_articles(), agg="sum")


# ------------------------------------------------------------------ notebook findings


def _corpus(dates: list[str], quoted: list[int], total: list[int]) -> nb.CorpusData:
    articles = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(dates))],
            "date": pd.to_datetime(dates),
            "quoted_words": np.array(quoted, dtype="int64"),
            "total_words": np.array(total, dtype="int64"),
        }
    )
    articles["quote_share"] = articles["quoted_words"] / articles["total_words"]
    empty = pd.DataFrame()
    return nb.CorpusData("hand", articles, articles, empty, empty, empty)


def _autumn() -> nb.CorpusData:
    """Sep 24-30 2016 (7 days, 5 articles, 90% quoted), Oct (3 articles, mean share 20%),
    Nov (4 articles), Dec (2 articles, mean share 30%), Jan 1-10 2017 (10 days, 1 article)."""
    dates = (
        ["2016-09-24", "2016-09-25", "2016-09-27", "2016-09-29", "2016-09-30"]
        + ["2016-10-03", "2016-10-14", "2016-10-30"]
        + ["2016-11-02", "2016-11-09", "2016-11-16", "2016-11-23"]
        + ["2016-12-05", "2016-12-20"]
        + ["2017-01-10"]
    )
    quoted = [9] * 5 + [1, 2, 3] + [5] * 4 + [2, 4] + [0]
    total = [10] * 5 + [10, 10, 10] + [10] * 4 + [10, 10] + [10]
    return _corpus(dates, quoted, total)


def test_findings_leave_partial_periods_out_of_the_comparison():
    text = nb.timeline_findings(_autumn(), metric="quote_share", freq="M")
    assert "15 dated articles spread over 5 months, from September 2016 to January 2017" in text
    assert (
        "September 2016 (7 days) and January 2017 (10 days) are partial and left out of the "
        "comparison." in text
    )
    # September has the most articles but only 7 days: November is the busiest full month
    assert "The busiest full month is November 2016 with 4 articles." in text
    # not "fell from 90.0% in September ... to 0.0% in January"
    assert (
        "The mean of articles' share of words quoted rose from 20.0% in October 2016 to 30.0% "
        "in December 2016." in text
    )
    assert "It peaks in November 2016 at 50.0%" in text
    assert "span 30.0 percentage points" in text


def test_findings_name_the_pooled_statistic():
    data = _autumn()
    tl = timeline(data.dated, freq="M", metrics=["quote_share"], agg="pooled")
    text = nb.timeline_findings(data, tl, metric="quote_share")
    assert "The pooled share of words quoted (all quoted words over all words) rose" in text
    assert "from 20.0% in October 2016 to 30.0% in December 2016" in text


def test_findings_with_only_a_partial_first_period():
    data = _corpus(["2016-09-24", "2016-10-05", "2016-10-31"], [1, 2, 3], [10, 10, 10])
    text = nb.timeline_findings(data, metric="quote_share", freq="M")
    assert "September 2016 is partial (7 days) and left out of the comparison." in text
    assert "The busiest full month is October 2016 with 2 articles." in text
    # a single full month is left: no rose/fell sentence
    assert "rose" not in text and "fell" not in text


def test_findings_without_partial_periods_compare_all():
    data = _corpus(["2016-09-01", "2016-10-05", "2016-10-31"], [1, 2, 3], [10, 10, 10])
    text = nb.timeline_findings(data, metric="quote_share", freq="M")
    assert "partial" not in text
    assert "The busiest month is October 2016 with 2 articles." in text
    assert "rose from 10.0% in September 2016 to 25.0% in October 2016" in text


def test_findings_say_equal_when_the_shown_values_are_equal():
    # 10.01% in September and 10.04% in October both show as 10.0%: no "rose from 10.0% to
    # 10.0%" (nor "fell")
    data = _corpus(["2016-09-01", "2016-10-05", "2016-10-31"], [1001, 1004, 1004], [10_000] * 3)
    text = nb.timeline_findings(data, metric="quote_share", freq="M")
    assert "rose" not in text and "fell" not in text
    assert (
        "The mean of articles' share of words quoted was 10.0% in September 2016 and in "
        "October 2016." in text
    )


def test_findings_period_labels_and_automatic_period():
    # 3 weeks of articles: automatic daily periods, labelled as dates
    data = _corpus(["2016-09-05", "2016-09-26"], [1, 3], [10, 10])
    text = nb.timeline_findings(data, metric="quote_share")
    assert "spread over 22 days, from 5 September 2016 to 26 September 2016" in text
    assert nb._period_label(pd.Timestamp("2016-07-01"), "Q-DEC") == "Q3 2016"
    assert nb._period_label(pd.Timestamp("2016-09-05"), "W-SUN") == "the week of 5 September 2016"


# ------------------------------------------------------------------ month control


def test_month_options_have_short_labels():
    data = _corpus(["2015-11-20", "2016-03-02"], [1, 1], [10, 10])
    options = nb.month_options(data)
    assert [label for label, _ in options] == [
        "Nov 2015",
        "Dec 2015",
        "Jan 2016",
        "Feb 2016",
        "Mar 2016",
    ]
    assert options[0][1] == pd.Timestamp("2015-11-01")


def test_month_options_keep_the_zone_of_aware_dates():
    data = _corpus(["2015-11-20", "2016-03-02"], [1, 1], [10, 10])
    data.articles["date"] = data.articles["date"].dt.tz_localize("America/New_York")
    options = nb.month_options(data)
    assert options[0][1] == pd.Timestamp("2015-11-01", tz="America/New_York")
    # the month starts compare with the dates: select() keeps everything in range
    assert len(nb.select(data.articles, months=(options[0][1], options[-1][1]))) == 2


def test_month_slider_readout_fits():
    data = _corpus(["2015-11-20", "2016-09-02"], [1, 1], [10, 10])
    slider = nb.month_slider(data)
    assert slider.layout.width == "34em"
    assert slider.style.description_width == "initial"
    first, last = slider.index
    labels = slider._options_labels
    # ipywidgets writes the readout as "<first>-<last>" in a box about 150 px wide (~18
    # characters at its 13 px font)
    readout = f"{labels[first]}-{labels[last]}"
    assert readout == "Nov 2015-Sep 2016"
    assert len(readout) <= 18
