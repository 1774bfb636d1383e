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

from newslib.timeline import _median_ci_rank, t_cdf, t_quantile, timeline

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
    for n in range(6, 80):
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
        "x",
        "x_ci_low",
        "x_ci_high",
        "x_n",
        "x_rolling",
    ]
    assert out.dtypes.astype(str).tolist() == [
        "datetime64[ns]",
        "int64",
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
    for p in (0.51, 0.6, 0.9, 0.975, 0.99, 0.999):
        assert t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), rel=1e-11)
        assert t_quantile(p, 2) == pytest.approx(
            (2 * p - 1) / math.sqrt(2 * p * (1 - p)), rel=1e-11
        )
        # df = 4: t = 2 sqrt(q - 1), q = cos(arccos(sqrt(a)) / 3) / sqrt(a), a = 4 p (1 - p)
        a = 4 * p * (1 - p)
        q = math.cos(math.acos(math.sqrt(a)) / 3) / math.sqrt(a)
        assert t_quantile(p, 4) == pytest.approx(2 * math.sqrt(q - 1), rel=1e-11)


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
