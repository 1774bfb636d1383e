"""Article counts and metric summaries per time period, as a tidy DataFrame.

``timeline`` places every dated article in a calendar period (day, week, month, ...), counts the
articles per period (and per group), flags the first and last periods when the articles cover
them only in part, and summarises numeric metrics per period with a 95% confidence interval and
an optional rolling window: as the mean or the median of the articles' values, or, for shares,
as the pooled ratio of sums (``POOLED_RATIOS``). ``default_freq`` is the period chosen when none
is given. ``newslib.plot.timeline`` draws the result.

The distributions behind the intervals come from ``scipy.stats``: Student's t for the mean and
the pooled ratio, the binomial distribution for the median's order-statistic interval.
"""

from __future__ import annotations

import datetime as _dt
import math
import warnings
from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import stats as _stats

from newslib._frame import empty_frame, require_columns

__all__ = ["timeline", "default_freq", "POOLED_RATIOS", "t_quantile", "t_cdf"]

_AGGS = ("mean", "median", "pooled")
_LEVEL = 0.95

#: Share metrics summarised as a ratio of sums with ``agg="pooled"``:
#: metric -> (numerator column, denominator column). ``timeline(..., ratios=)`` adds to it.
POOLED_RATIOS: dict[str, tuple[str, str]] = {
    "quote_share": ("quoted_words", "total_words"),
    "reported_share": ("reported_words", "total_words"),
    "attributed_share": ("attributed_words", "total_words"),
}

# Columns the output always has, so they cannot be metrics.
_RESERVED = ("period", "n_articles", "partial")

# Automatic period (freq=None): the first step whose span limit is at least the time between
# the earliest and the latest dated article; longer spans get years. Each step keeps a plot at
# roughly 6 to 60 points: up to 31 days -> 1-32 days; up to 183 days (~6 months) -> 5-27
# weeks; up to 4 years -> 7-49 months; up to 12 years -> 17-49 quarters; beyond -> 13+ years.
_AUTO_STEPS = (
    (pd.Timedelta(days=31), "D"),
    (pd.Timedelta(days=183), "W"),
    (pd.Timedelta(days=1461), "M"),
    (pd.Timedelta(days=4383), "Q"),
)

# Offset-style aliases people type for calendar periods, mapped to pandas' Period aliases
# (pandas wants "M" for a monthly period but "MS"/"ME" for offsets).
_PERIOD_ALIASES = {
    "MS": "M",
    "ME": "M",
    "QS": "Q",
    "QE": "Q",
    "YS": "Y",
    "YE": "Y",
    "A": "Y",
    "AS": "Y",
}


# --------------------------------------------------------------------------------------------
# Distributions (scipy.stats)
# --------------------------------------------------------------------------------------------


def t_cdf(t: float, df: float) -> float:
    """Cumulative distribution function of Student's t with ``df`` degrees of freedom
    (``scipy.stats.t.cdf``).

    Example:
        >>> round(t_cdf(2.228, 10), 4)
        0.975
    """
    if not df > 0:
        raise ValueError(f"t_cdf(): df must be positive, got {df!r}")
    if math.isnan(t):
        return math.nan
    return float(_stats.t.cdf(t, df))


@lru_cache(maxsize=4096)
def t_quantile(p: float, df: float) -> float:
    """Quantile (inverse CDF) of Student's t distribution with ``df`` degrees of freedom
    (``scipy.stats.t.ppf``); ``df=inf`` gives the normal quantile.

    Example:
        >>> round(t_quantile(0.975, 10), 3)
        2.228
    """
    p, df = float(p), float(df)
    if not 0.0 < p < 1.0:
        raise ValueError(f"t_quantile(): p must be strictly between 0 and 1, got {p!r}")
    if not df > 0:
        raise ValueError(f"t_quantile(): df must be positive, got {df!r}")
    if p == 0.5:
        return 0.0
    if p < 0.5 and 1.0 - p < 1.0:
        # Exactly antisymmetric: t_quantile(p) == -t_quantile(1 - p).
        return -t_quantile(1.0 - p, df)
    return float(_stats.t.ppf(p, df))


@lru_cache(maxsize=4096)
def _median_ci_rank(n: int, level: float = _LEVEL) -> int:
    """1-based rank k so that [x_(k), x_(n+1-k)] covers the median with probability >= level.

    The number of observations below the median is Binomial(n, 1/2), so the interval misses the
    median with probability 2 * P(B <= k - 1). Returns the largest such k, or 0 when even
    [min, max] covers less than ``level`` (n < 6 for 95%).
    """
    if n < 1:
        return 0
    alpha_half = (1.0 - level) / 2.0
    # k - 1 is the largest j with P(B <= j) <= alpha/2: the binomial quantile, or one below it
    # when the CDF there overshoots (a hair of slack for rounding at exact ties).
    j = int(_stats.binom.ppf(alpha_half, n, 0.5))
    if _stats.binom.cdf(j, n, 0.5) > alpha_half * (1.0 + 1e-12):
        j -= 1
    return j + 1 if j >= 0 else 0


def default_freq(dates: object) -> str:
    """The calendar period ``timeline`` uses when ``freq=None``, from the span of ``dates``.

    The span is the time from the earliest to the latest date (NaT ignored): up to 31 days
    gives ``"D"`` (days), up to 183 days (about six months) ``"W"`` (weeks), up to 4 years
    ``"M"`` (months), up to 12 years ``"Q"`` (quarters), longer ``"Y"`` (years), so a plot has
    roughly 6 to 60 points. No dates (or a single one) give ``"D"``.

    Example:
        >>> default_freq(pd.to_datetime(["2024-01-01", "2024-01-20"]))
        'D'
        >>> default_freq(pd.to_datetime(["2015-11-03", "2016-09-08"]))
        'M'
    """
    series = dates if isinstance(dates, pd.Series) else pd.Series(dates)
    wall, _ = _dates(series, None, getattr(series, "name", None) or "dates")
    return _auto_freq(wall)


def _auto_freq(wall: pd.Series) -> str:
    values = wall.dropna()
    if values.empty:
        return "D"
    span = values.max() - values.min()
    for limit, freq in _AUTO_STEPS:
        if span <= limit:
            return freq
    return "Y"


# --------------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------------


def _period_dtype(freq: object) -> pd.PeriodDtype:
    if not isinstance(freq, str) or not freq.strip():
        raise ValueError(
            f"timeline(): freq must be a period alias such as 'D', 'W', 'M', 'Q' or 'Y', "
            f"got {freq!r}"
        )
    name = _PERIOD_ALIASES.get(freq.strip(), freq.strip())
    try:
        with warnings.catch_warnings():
            # pandas deprecates some period kinds (business days) with a warning: refuse them.
            warnings.simplefilter("error")
            dtype = pd.PeriodDtype(name)
    except (ValueError, TypeError, AttributeError, Warning) as err:
        raise ValueError(
            f"timeline(): unknown freq {freq!r}. Use a calendar period alias: 'D' (day), "
            "'W' (week starting Monday; 'W-SAT' for weeks starting Sunday), 'M' (month), "
            "'Q' (quarter), 'Y' (year), or 'h' (hour)."
        ) from err
    if dtype.freq.n != 1:
        raise ValueError(
            f"timeline(): freq {freq!r} spans several periods; use a single period ('W', 'M', "
            "...) and smooth over several with window= (e.g. window=2)."
        )
    return dtype


def _metric_columns(table: pd.DataFrame, metrics: object, date: str, by: str | None) -> list[str]:
    excluded = {date, by}
    if metrics is None:
        # Default: float columns. In newslib tables scores are floats while ids and counts
        # (n_words, ...) are integers; pass integer columns explicitly to summarise them.
        return [
            c
            for c in table.columns
            if c not in excluded
            and c not in _RESERVED
            and isinstance(c, str)
            and pd.api.types.is_float_dtype(table[c].dtype)
        ]
    if isinstance(metrics, str):
        metrics = [metrics]
    metrics = list(metrics)  # type: ignore[call-overload]
    missing = [m for m in metrics if m not in table.columns]
    if missing:
        raise ValueError(
            f"timeline(): unknown metric(s) {', '.join(map(repr, missing))}; the table has "
            f"{', '.join(map(repr, table.columns))}. Pass metrics=[...] with existing columns."
        )
    if len(set(metrics)) != len(metrics):
        raise ValueError(f"timeline(): metrics lists a column twice: {metrics!r}")
    for m in metrics:
        if m in excluded or m in _RESERVED:
            raise ValueError(
                f"timeline(): {m!r} cannot be a metric (it is the date, group or an output column)"
            )
        dtype = table[m].dtype
        if not pd.api.types.is_numeric_dtype(dtype):
            raise TypeError(
                f"timeline(): metric {m!r} has dtype {dtype}, not numeric; convert it with "
                "pd.to_numeric() or leave it out of metrics="
            )
    return metrics


def _ratio_map(ratios: object) -> dict[str, tuple[str, str]]:
    """``POOLED_RATIOS`` updated with the caller's ``ratios=``."""
    known = dict(POOLED_RATIOS)
    if ratios is None:
        return known
    if not isinstance(ratios, Mapping):
        raise TypeError(
            "timeline(): ratios must map a metric to its (numerator, denominator) columns, "
            f"e.g. {{'quote_share': ('quoted_words', 'total_words')}}; got {type(ratios).__name__}"
        )
    for metric, pair in ratios.items():
        if (
            not isinstance(metric, str)
            or isinstance(pair, str)
            or not isinstance(pair, tuple | list)
            or len(pair) != 2
            or not all(isinstance(c, str) for c in pair)
        ):
            raise TypeError(
                f"timeline(): ratios[{metric!r}] must be a (numerator, denominator) pair of "
                f"column names, got {pair!r}"
            )
        known[metric] = (pair[0], pair[1])
    return known


def _pooled_metrics(
    table: pd.DataFrame, metrics: object, ratios: dict[str, tuple[str, str]], date: str, by: object
) -> list[str]:
    """The metrics to pool; each has a ratio whose two columns are numeric columns of table."""
    known = ", ".join(f"{m} ({n} / {d})" for m, (n, d) in ratios.items())
    if metrics is None:
        names = [m for m, pair in ratios.items() if set(pair) <= set(table.columns)]
        if not names:
            raise ValueError(
                "timeline(): agg='pooled' found no ratio metric whose columns are in the table "
                f"(known: {known}). Pass metrics=[...] and ratios={{metric: (numerator, "
                "denominator)}}, or use agg='mean'."
            )
    else:
        names = [metrics] if isinstance(metrics, str) else list(metrics)  # type: ignore[call-overload]
    if len(set(names)) != len(names):
        raise ValueError(f"timeline(): metrics lists a column twice: {names!r}")
    for m in names:
        if m not in ratios:
            raise ValueError(
                f"timeline(): agg='pooled' needs the numerator and denominator of {m!r}; pass "
                f"ratios={{{m!r}: ('numerator_column', 'denominator_column')}} or use "
                f"agg='mean'. Known ratios: {known}."
            )
        if m in (date, by) or m in _RESERVED:
            raise ValueError(
                f"timeline(): {m!r} cannot be a metric (it is the date, group or an output column)"
            )
        missing = [c for c in ratios[m] if c not in table.columns]
        if missing:
            raise ValueError(
                f"timeline(): the pooled {m!r} is {ratios[m][0]} / {ratios[m][1]}, but the table "
                f"has no {', '.join(map(repr, missing))}; pass ratios={{{m!r}: (numerator, "
                "denominator)}} with columns it has, or use agg='mean'."
            )
        for c in ratios[m]:
            if not pd.api.types.is_numeric_dtype(table[c].dtype):
                raise TypeError(
                    f"timeline(): column {c!r} (part of the pooled {m!r}) has dtype "
                    f"{table[c].dtype}, not numeric; convert it with pd.to_numeric()"
                )
    return names


def _window(window: object) -> int | pd.DateOffset | None:
    if window is None:
        return None
    if isinstance(window, bool):
        raise TypeError(
            "timeline(): window must be an int number of periods or an offset like '4W'"
        )
    if isinstance(window, int | np.integer):
        if window < 1:
            raise ValueError(f"timeline(): window must be at least 1 period, got {window}")
        return int(window)
    if isinstance(window, str | pd.Timedelta | _dt.timedelta | pd.DateOffset):
        try:
            offset = pd.tseries.frequencies.to_offset(window)
        except (ValueError, TypeError) as err:
            raise ValueError(
                f"timeline(): window {window!r} is not an offset; use e.g. '4W', '3MS', '28D' "
                "or an int number of periods"
            ) from err
        if offset.n < 1:
            raise ValueError(f"timeline(): window must be a positive span, got {window!r}")
        return offset
    raise TypeError(
        f"timeline(): window must be an int number of periods or an offset like '4W', "
        f"got {type(window).__name__}"
    )


def _dates(col: pd.Series, tz: object, name: str) -> tuple[pd.Series, object]:
    """Return (naive wall-clock datetime64[ns] series, zone of that wall clock or None)."""
    target = "UTC" if tz is None else tz
    dtype = col.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        local = col.dt.tz_convert(target)
        return local.dt.tz_localize(None).dt.as_unit("ns"), local.dt.tz
    if pd.api.types.is_datetime64_dtype(dtype):
        return col.dt.as_unit("ns"), None
    values = col[col.notna()]
    if pd.api.types.is_object_dtype(dtype) or values.empty:
        aware = naive = 0
        for v in values:
            if isinstance(v, _dt.datetime):
                if v.tzinfo is not None and v.utcoffset() is not None:
                    aware += 1
                else:
                    naive += 1
            elif isinstance(v, _dt.date | np.datetime64):
                naive += 1
            else:
                raise TypeError(
                    f"timeline(): column {name!r} holds {type(v).__name__} values such as "
                    f"{v!r}; parse it first, e.g. df[{name!r}] = pd.to_datetime(df[{name!r}], "
                    "utc=True)"
                )
        if aware and naive:
            raise ValueError(
                f"timeline(): column {name!r} mixes time-zone-aware and naive datetimes, so the "
                "naive ones cannot be placed; localize them first (Series.dt.tz_localize)"
            )
        if aware:
            # Each value is converted from its own zone to the target zone.
            local = pd.to_datetime(col, utc=True).dt.tz_convert(target)
            return local.dt.tz_localize(None).dt.as_unit("ns"), local.dt.tz
        return pd.to_datetime(col).astype("datetime64[ns]"), None
    raise TypeError(
        f"timeline(): column {name!r} has dtype {dtype}, not datetime; convert it with "
        f"pd.to_datetime(df[{name!r}])"
    )


def _sorted_groups(values: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Sorted distinct group values (NA last) and each row's group code."""
    uniq = pd.Series(values.dropna().unique(), dtype=values.dtype)
    try:
        uniq = uniq.sort_values(kind="stable")
    except TypeError:  # values of mixed types: order by their text so the result is stable
        uniq = uniq.iloc[np.argsort(uniq.astype(str).to_numpy(), kind="stable")]
    uniq = uniq.reset_index(drop=True)
    codes = pd.Categorical(values, categories=pd.Index(uniq)).codes.astype(np.int64)
    if values.isna().any():
        # Articles without a group are kept as their own group rather than dropped.
        codes = np.where(codes < 0, len(uniq), codes)
        uniq = pd.concat([uniq, pd.Series([pd.NA], dtype=values.dtype)], ignore_index=True)
    return uniq, codes


# --------------------------------------------------------------------------------------------
# Main entry point
# --------------------------------------------------------------------------------------------


def timeline(
    table: pd.DataFrame,
    *,
    freq: str | None = None,
    metrics: list[str] | str | None = None,
    by: str | None = None,
    agg: str = "mean",
    ratios: Mapping[str, tuple[str, str]] | None = None,
    window: int | str | None = None,
    tz: str | None = None,
    date: str = "date",
) -> pd.DataFrame:
    """Count articles and summarise metrics per calendar period (and per group).

    Args:
        table: any article-level DataFrame with a datetime column ``date``.
        freq: calendar period: ``"D"``, ``"W"`` (ISO weeks starting Monday; ``"W-SAT"`` for weeks
            starting Sunday), ``"M"``, ``"Q"``, ``"Y"``, ``"h"``; ``"MS"``/``"ME"`` etc. are
            accepted as synonyms of ``"M"``. ``None`` (default) picks one from the span of the
            dated articles with ``default_freq``: up to 31 days ``"D"``, up to 183 days ``"W"``,
            up to 4 years ``"M"``, up to 12 years ``"Q"``, longer ``"Y"``.
        metrics: numeric columns to summarise (a name or a list). ``None`` takes every float
            column except ``date`` and ``by``: in newslib tables scores are floats while ids and
            counts are integers, so pass integer columns (e.g. ``"n_words"``) explicitly. With
            ``agg="pooled"``, ``None`` takes every ratio metric whose two columns are present.
        by: optional column to group by (e.g. ``"source"``). The groups are the distinct values
            among dated articles, sorted; each gets every period of the common range. Articles
            whose group is NA form their own group (listed last) rather than being dropped.
        agg: the statistic per period.
            ``"mean"``: the mean of the articles' values, with the 95% t-interval
            mean ± t(0.975, n-1)·sd/√n (NA for n < 2).
            ``"median"``: the median, with the 95% distribution-free interval from order
            statistics [x(k), x(n+1-k)], k the largest rank whose binomial coverage is at least
            95% (it needs n >= 6 values, so it is NA below).
            ``"pooled"``: for shares, the ratio of sums over the period's articles, e.g. the
            quote share as all quoted words / all words (``POOLED_RATIOS``; long articles weigh
            more, unlike the mean of the articles' shares). Its interval treats articles as
            clusters of words: R ± t(0.975, n-1)·se with the linearised (ratio-estimator)
            standard error se = √(Σ(yᵢ - R·xᵢ)² / (n-1) / n) / x̄ (NA for n < 2); counting words
            as independent would make it far too narrow. When no part is negative the interval
            is clipped at 0, and at 1 when no numerator exceeds its denominator (a share).
            Articles with a zero or missing denominator (no words) are left out of ``<m>_n``:
            they add nothing to either sum.
        ratios: ``{metric: (numerator column, denominator column)}`` added to
            ``POOLED_RATIOS`` for ``agg="pooled"`` (ignored by the other statistics). A metric
            without a ratio under ``agg="pooled"`` is an error.
        window: optional trailing rolling window, an int number of periods or an offset string
            such as ``"4W"`` (periods whose start lies in (start - window, start]). The rolling
            value is the mean of the period values weighted by each period's number of values,
            so with ``agg="mean"`` it is the mean of all articles in the window; periods without
            articles contribute nothing; NA when the window holds no article. For ``"median"``
            it is the count-weighted mean of the period medians (a smoother, not a median); for
            ``"pooled"`` the ratio of the sums over the window.
        tz: zone for time-zone-aware dates (default UTC): they are converted to it and periods
            follow its calendar. Naive dates are wall-clock times taken as given, never shifted.
            An object column holding datetimes of different zones is converted value by value.
        date: name of the date column.

    Returns:
        A new DataFrame, one row per (group, period) sorted by group then period, with
        ``period`` (start of the period: naive for naive dates, else in the ``tz`` zone), the
        ``by`` column if given, ``n_articles`` (int64; 0 for empty periods between the first and
        last dated article), ``partial`` (bool: True for the first period when the earliest
        dated article falls after its first day, and for the last period when the latest falls
        before its last day, in calendar days of the timeline's zone; so a period shorter than
        a day is never partial, and with ``by=`` every group has the same flags, from the
        corpus-wide first and last dates), and per metric ``<m>``, ``<m>_ci_low``,
        ``<m>_ci_high`` (Float64, NA where undefined), ``<m>_n`` (int64, articles with a value
        for ``m``: the sample size behind the interval) and ``<m>_rolling`` when ``window`` is
        given. Rows with no date (NaT) cannot be placed: they are left out with a warning and
        counted in ``result.attrs["undated"]``; ``attrs`` also records ``freq`` (the period
        used, e.g. ``"M"`` or ``"W-SUN"``), ``statistic`` and ``agg`` (both the ``agg`` used),
        ``ratios`` (metric -> (numerator, denominator) with ``"pooled"``, else ``None``), ``by``,
        ``metrics``, ``window``, ``tz``, ``date`` and ``first_date``/``last_date`` (the earliest
        and latest dated article, as wall-clock times in the zone; ``None`` when none).

    Example:
        >>> df = pd.DataFrame({
        ...     "date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-16"]),
        ...     "compound": [0.5, 0.1, -0.2]})
        >>> out = timeline(df, freq="W")
        >>> out["n_articles"].tolist(), out["compound"].round(2).tolist()
        ([2, 0, 1], [0.3, <NA>, -0.2])
        >>> out["partial"].tolist()  # the last week ends on Sunday 21, after the last article
        [False, False, True]
        >>> timeline(df).attrs["freq"]  # 15 days apart: daily periods
        'D'
        >>> shares = pd.DataFrame({
        ...     "date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
        ...     "quoted_words": [10, 0], "total_words": [100, 300]})
        >>> timeline(shares, freq="M", agg="pooled")["quote_share"].tolist()  # 10 / 400
        [0.025]
    """
    require_columns(table, [date] + ([by] if by is not None else []), caller="timeline")
    if agg not in _AGGS:
        raise ValueError(f"timeline(): agg must be 'mean', 'median' or 'pooled', got {agg!r}")
    if by is not None and by == date:
        raise ValueError("timeline(): by= must name a column other than the date column")
    pdtype = None if freq is None else _period_dtype(freq)
    ratio_map = _ratio_map(ratios)
    if agg == "pooled":
        metric_names = _pooled_metrics(table, metrics, ratio_map, date, by)
    else:
        metric_names = _metric_columns(table, metrics, date, by)
    win = _window(window)
    wall, zone = _dates(table[date], tz, date)

    dated = wall.notna().to_numpy()
    undated = int((~dated).sum())
    if undated:
        warnings.warn(
            f"timeline(): {undated} row(s) have no {date!r} (NaT) and cannot be placed on the "
            "timeline; they are left out and counted in result.attrs['undated']",
            UserWarning,
            stacklevel=2,
        )
    if pdtype is None:
        pdtype = _period_dtype(_auto_freq(wall[dated]))

    columns = _output_dtypes(table, metric_names, by, zone, win is not None)
    first_wall = wall[dated].min() if dated.any() else None
    last_wall = wall[dated].max() if dated.any() else None
    attrs = {
        "undated": undated,
        "freq": pd.Period(ordinal=0, freq=pdtype.freq).freqstr,  # period alias, e.g. "M"
        "statistic": agg,
        "agg": agg,
        "ratios": {m: ratio_map[m] for m in metric_names} if agg == "pooled" else None,
        "by": by,
        "metrics": list(metric_names),
        # as the caller wrote it ("4W", not pandas' "4W-SUN"), for labels
        "window": win if win is None or isinstance(win, int) else str(window),
        "tz": None if zone is None else str(zone),
        "date": date,
        "first_date": _in_zone(first_wall, zone),
        "last_date": _in_zone(last_wall, zone),
    }
    if not dated.any():
        out = empty_frame(columns)
        out.attrs.update(attrs)
        return out

    ordinals = wall[dated].dt.to_period(pdtype.freq).array.asi8
    first, last = int(ordinals.min()), int(ordinals.max())
    n_periods = last - first + 1
    prange = pd.period_range(start=pd.Period(ordinal=first, freq=pdtype.freq), periods=n_periods)
    starts_wall = pd.DatetimeIndex(prange.start_time).as_unit("ns")

    if by is not None:
        groups, gcodes = _sorted_groups(table[by][dated])
    else:
        groups, gcodes = None, np.zeros(int(dated.sum()), dtype=np.int64)
    n_groups = 1 if groups is None else len(groups)
    key = gcodes * n_periods + (ordinals - first)
    size = n_groups * n_periods

    starts = starts_wall
    if zone is not None:
        # Period starts are wall-clock midnights in the zone; a midnight skipped or repeated by
        # a DST change maps to the first instant of that day.
        starts = starts_wall.tz_localize(
            zone, ambiguous=np.ones(n_periods, dtype=bool), nonexistent="shift_forward"
        )
    data: dict[str, object] = {"period": starts[np.tile(np.arange(n_periods), n_groups)]}
    if groups is not None:
        data[by] = np.repeat(groups.to_numpy(dtype=object), n_periods)
    data["n_articles"] = np.bincount(key, minlength=size).astype(np.int64)
    # The periods are common to all groups, and so are the corpus-wide first and last days.
    partial = np.zeros(n_periods, dtype=bool)
    partial[0] |= first_wall.normalize() > prange[0].start_time.normalize()
    partial[-1] |= last_wall.normalize() < prange[-1].end_time.normalize()
    data["partial"] = np.tile(partial, n_groups)

    lo_index = None if win is None else _window_starts(starts_wall, win)
    for m in metric_names:
        if agg == "pooled":
            num_col, den_col = ratio_map[m]
            centre, low, high, count, num, den = _pooled(
                _as_float(table[num_col][dated]), _as_float(table[den_col][dated]), key, size
            )
        else:
            centre, low, high, count = _summarise(_as_float(table[m][dated]), key, size, agg)
            # Rolling value: count-weighted mean of the period values.
            num, den = np.where(count > 0, centre * count, 0.0), count
        data[m] = centre
        data[f"{m}_ci_low"] = low
        data[f"{m}_ci_high"] = high
        data[f"{m}_n"] = count
        if lo_index is not None:
            data[f"{m}_rolling"] = _rolling(
                num.reshape(n_groups, n_periods), den.reshape(n_groups, n_periods), lo_index
            ).ravel()

    out = pd.DataFrame(data)
    out = out.astype(columns)
    out.attrs.update(attrs)
    return out


def _in_zone(stamp: pd.Timestamp | None, zone: object) -> pd.Timestamp | None:
    if stamp is None or zone is None:
        return stamp
    return stamp.tz_localize(zone, ambiguous=True, nonexistent="shift_forward")


def _output_dtypes(
    table: pd.DataFrame, metrics: list[str], by: str | None, zone: object, rolling: bool
) -> dict[str, object]:
    dtypes: dict[str, object] = {
        "period": "datetime64[ns]" if zone is None else pd.DatetimeTZDtype("ns", zone)
    }
    if by is not None:
        dtypes[by] = table[by].dtype
    dtypes["n_articles"] = "int64"
    dtypes["partial"] = "bool"
    for m in metrics:
        dtypes[m] = "Float64"
        dtypes[f"{m}_ci_low"] = "Float64"
        dtypes[f"{m}_ci_high"] = "Float64"
        dtypes[f"{m}_n"] = "int64"
        if rolling:
            dtypes[f"{m}_rolling"] = "Float64"
    return dtypes


def _as_float(col: pd.Series) -> np.ndarray:
    if pd.api.types.is_bool_dtype(col.dtype):
        col = col.astype("boolean")
    return pd.array(col, dtype="Float64").to_numpy(dtype=float, na_value=np.nan)


def _t_half_widths(count: np.ndarray, se: np.ndarray) -> np.ndarray:
    """t(0.975, n-1) * se, one quantile per distinct n."""
    sizes, where = np.unique(count, return_inverse=True)
    tq = np.array([t_quantile(0.5 + _LEVEL / 2, int(n) - 1) for n in sizes])[where]
    return tq * se


def _summarise(
    values: np.ndarray, key: np.ndarray, size: int, agg: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per-key centre, CI bounds (NaN where undefined) and value counts."""
    ok = ~np.isnan(values)
    k, x = key[ok], values[ok]
    # Sorting by (key, value) makes every sum run in a canonical order, so the result does not
    # depend on the row order of the input, and gives the order statistics for the median.
    order = np.lexsort((x, k))
    k, x = k[order], x[order]
    count = np.bincount(k, minlength=size).astype(np.int64)
    begin = np.concatenate([[0], np.cumsum(count)[:-1]])
    centre = np.full(size, np.nan)
    low = np.full(size, np.nan)
    high = np.full(size, np.nan)
    has = count > 0
    if agg == "mean":
        grouped = pd.Series(x).groupby(k, sort=True)
        present = np.flatnonzero(has)
        centre[present] = grouped.mean().to_numpy()
        sd = np.full(size, np.nan)
        sd[present] = grouped.std(ddof=1).to_numpy()
        two = count >= 2
        half = _t_half_widths(count[two], sd[two] / np.sqrt(count[two]))
        low[two] = centre[two] - half
        high[two] = centre[two] + half
    else:
        n = count[has]
        b = begin[has]
        centre[has] = (x[b + (n - 1) // 2] + x[b + n // 2]) / 2.0
        sizes, where = np.unique(count, return_inverse=True)
        rank = np.array([_median_ci_rank(int(c)) for c in sizes], dtype=np.int64)[where]
        defined = rank > 0
        low[defined] = x[begin[defined] + rank[defined] - 1]
        high[defined] = x[begin[defined] + count[defined] - rank[defined]]
    return centre, low, high, count


def _pooled(
    num: np.ndarray, den: np.ndarray, key: np.ndarray, size: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per-key ratio of sums R = Σy / Σx with its cluster (article-level) t-interval.

    Returns centre, CI bounds, article counts and the two per-key sums (for rolling windows).
    The standard error is the ratio estimator's linearised one, se = s_e / (√n · x̄) with
    s_e² = Σ(yᵢ - R·xᵢ)² / (n - 1) (Cochran, Sampling Techniques, 6.9).
    """
    ok = ~np.isnan(num) & ~np.isnan(den) & (den != 0)
    k, y, x = key[ok], num[ok], den[ok]
    # Canonical order (as in _summarise) so the sums do not depend on the input's row order.
    order = np.lexsort((x, y, k))
    k, y, x = k[order], y[order], x[order]
    count = np.bincount(k, minlength=size).astype(np.int64)
    sum_y = np.bincount(k, weights=y, minlength=size)
    sum_x = np.bincount(k, weights=x, minlength=size)
    centre = np.full(size, np.nan)
    low = np.full(size, np.nan)
    high = np.full(size, np.nan)
    has = (count > 0) & (sum_x != 0)
    centre[has] = sum_y[has] / sum_x[has]
    resid = y - centre[k] * x
    ss = np.bincount(k, weights=resid * resid, minlength=size)
    two = has & (count >= 2)
    n = count[two]
    se = np.sqrt(ss[two] / (n - 1) / n) / np.abs(sum_x[two] / n)
    half = _t_half_widths(n, se)
    low[two] = centre[two] - half
    high[two] = centre[two] + half
    # The normal-theory interval ignores the range a ratio of counts can take: with parts that
    # are never negative it is >= 0, and <= 1 when no numerator exceeds its denominator (a share
    # of words). Clip to that range rather than show a share below 0%.
    if y.size and (y >= 0).all() and (x > 0).all():
        low = np.maximum(low, 0.0)
        if (y <= x).all():
            high = np.minimum(high, 1.0)
    return centre, low, high, count, sum_y, sum_x


def _window_starts(starts: pd.DatetimeIndex, win: int | pd.DateOffset) -> np.ndarray:
    """For each period, the index of the first period inside its trailing window."""
    n = len(starts)
    if isinstance(win, int):
        return np.maximum(np.arange(n) - win + 1, 0)
    bounds = pd.DatetimeIndex([s - win for s in starts]).as_unit("ns")
    return np.searchsorted(starts.asi8, bounds.asi8, side="right")


def _rolling(num: np.ndarray, den: np.ndarray, lo_index: np.ndarray) -> np.ndarray:
    """Σ num / Σ den over each trailing window (rows are groups); NaN where Σ den is 0."""
    out = np.full(num.shape, np.nan)
    for i, lo in enumerate(lo_index):
        total = den[:, lo : i + 1].sum(axis=1)
        sums = num[:, lo : i + 1].sum(axis=1)
        nonzero = total != 0
        out[nonzero, i] = sums[nonzero] / total[nonzero]
    return out
