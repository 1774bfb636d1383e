"""Article counts and metric summaries per time period, as a tidy DataFrame.

``timeline`` places every dated article in a calendar period (day, week, month, ...), counts the
articles per period (and per group), and summarises numeric metrics per period with a 95%
confidence interval and an optional rolling window. ``newslib.plot.timeline`` draws the result.

scipy is not a dependency, so the Student t quantile the confidence intervals need is computed here
(``t_quantile``) from the regularised incomplete beta function.
"""

from __future__ import annotations

import datetime as _dt
import math
import warnings
from functools import lru_cache
from statistics import NormalDist

import numpy as np
import pandas as pd

from newslib._frame import empty_frame, require_columns

__all__ = ["timeline", "t_quantile", "t_cdf"]

_AGGS = ("mean", "median")
_LEVEL = 0.95

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
# Student t distribution (no scipy): CDF via the regularised incomplete beta function, quantile
# by safeguarded Newton iteration.
# --------------------------------------------------------------------------------------------


def _beta_cf(a: float, b: float, x: float) -> float:
    """Continued fraction for the incomplete beta function (modified Lentz evaluation)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = tiny if abs(d) < tiny else d
    d = 1.0 / d
    h = d
    for m in range(1, 20_000):
        m2 = 2 * m
        # even step
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = tiny if abs(d) < tiny else d
        c = 1.0 + aa / c
        c = tiny if abs(c) < tiny else c
        d = 1.0 / d
        h *= d * c
        # odd step
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = tiny if abs(d) < tiny else d
        c = 1.0 + aa / c
        c = tiny if abs(c) < tiny else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-16:
            return h
    raise ArithmeticError(f"incomplete beta continued fraction did not converge (a={a}, b={b})")


def _betainc(a: float, b: float, x: float, one_minus_x: float) -> float:
    """Regularised incomplete beta I_x(a, b); ``one_minus_x`` is passed to keep precision."""
    if x <= 0.0:
        return 0.0
    if one_minus_x <= 0.0:
        return 1.0
    log_front = (
        a * math.log(x)
        + b * math.log(one_minus_x)
        - (math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b))
    )
    front = math.exp(log_front)
    # The continued fraction converges fast only left of the mean; use the symmetry
    # I_x(a, b) = 1 - I_{1-x}(b, a) on the other side.
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_cf(a, b, x) / a
    return 1.0 - front * _beta_cf(b, a, one_minus_x) / b


def _t_upper_tail(t: float, df: float) -> float:
    """P(T > t) for t >= 0."""
    t2 = t * t
    x = df / (df + t2)
    return 0.5 * _betainc(df / 2.0, 0.5, x, t2 / (df + t2))


def t_cdf(t: float, df: float) -> float:
    """Cumulative distribution function of Student's t with ``df`` degrees of freedom.

    Example:
        >>> round(t_cdf(2.228, 10), 4)
        0.975
    """
    if not df > 0:
        raise ValueError(f"t_cdf(): df must be positive, got {df!r}")
    if math.isnan(t):
        return math.nan
    tail = _t_upper_tail(abs(t), df)
    return 1.0 - tail if t >= 0 else tail


def _t_pdf(t: float, df: float) -> float:
    log_c = math.lgamma((df + 1.0) / 2.0) - math.lgamma(df / 2.0) - 0.5 * math.log(df * math.pi)
    return math.exp(log_c - (df + 1.0) / 2.0 * math.log1p(t * t / df))


def _cornish_fisher(z: float, df: float) -> float:
    """Asymptotic expansion of the t quantile in powers of 1/df (Abramowitz & Stegun 26.7.5)."""
    z2 = z * z
    g1 = (z2 + 1.0) * z / 4.0
    g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0
    g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0
    g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


@lru_cache(maxsize=4096)
def t_quantile(p: float, df: float) -> float:
    """Quantile (inverse CDF) of Student's t distribution with ``df`` degrees of freedom.

    Relative error below 1e-10 (typically ~1e-13). Up to ``df=1000`` the CDF (regularised
    incomplete beta) is inverted by safeguarded Newton steps; above, the Cornish–Fisher expansion
    in 1/df is already that accurate and is used directly; ``df=inf`` gives the normal quantile.

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
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    z = NormalDist().inv_cdf(p)
    if math.isinf(df):
        return z
    guess = _cornish_fisher(z, df)
    if df > 1000:
        return guess
    q = 1.0 - p  # target upper tail; work with tails to avoid cancellation near p = 1

    # Bracket the root: the tail decreases in t.
    lo, hi = 0.0, max(guess, 1.0)
    while _t_upper_tail(hi, df) > q:
        lo, hi = hi, hi * 2.0
    t = min(max(guess, lo), hi)
    for _ in range(200):
        diff = _t_upper_tail(t, df) - q  # > 0 means t is too small
        if diff > 0:
            lo = t
        else:
            hi = t
        step = diff / _t_pdf(t, df)
        new = t + step
        if not lo < new < hi:  # Newton left the bracket: bisect instead
            new = 0.5 * (lo + hi)
        if abs(new - t) <= 1e-14 * max(1.0, abs(new)):
            return new
        t = new
    return t


# --------------------------------------------------------------------------------------------
# Median confidence interval: distribution-free, from order statistics.
# --------------------------------------------------------------------------------------------


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
    # log binomial pmf for B ~ Bin(n, 1/2), accumulated in order; exact enough for the tails.
    logfact = np.concatenate([[0.0], np.cumsum(np.log(np.arange(1, n + 1, dtype=float)))])
    i = np.arange(n + 1)
    logpmf = logfact[n] - logfact[i] - logfact[n - i] - n * math.log(2.0)
    cdf = np.cumsum(np.exp(logpmf))
    # k - 1 <= largest j with P(B <= j) <= alpha/2 ; allow a hair of rounding slack
    ok = np.nonzero(cdf <= alpha_half * (1.0 + 1e-12))[0]
    if ok.size == 0:
        return 0
    return int(ok[-1]) + 1


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
        if m in excluded or m in ("period", "n_articles"):
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
    freq: str = "W",
    metrics: list[str] | str | None = None,
    by: str | None = None,
    agg: str = "mean",
    window: int | str | None = None,
    tz: str | None = None,
    date: str = "date",
) -> pd.DataFrame:
    """Count articles and summarise metrics per calendar period (and per group).

    Args:
        table: any article-level DataFrame with a datetime column ``date``.
        freq: calendar period: ``"D"``, ``"W"`` (ISO weeks starting Monday; ``"W-SAT"`` for weeks
            starting Sunday), ``"M"``, ``"Q"``, ``"Y"``, ``"h"``; ``"MS"``/``"ME"`` etc. are
            accepted as synonyms of ``"M"``.
        metrics: numeric columns to summarise (a name or a list). ``None`` takes every float
            column except ``date`` and ``by``: in newslib tables scores are floats while ids and
            counts are integers, so pass integer columns (e.g. ``"n_words"``) explicitly.
        by: optional column to group by (e.g. ``"source"``). The groups are the distinct values
            among dated articles, sorted; each gets every period of the common range. Articles
            whose group is NA form their own group (listed last) rather than being dropped.
        agg: ``"mean"`` (95% t-interval: mean ± t(0.975, n-1)·sd/√n) or ``"median"`` (95%
            distribution-free interval from order statistics: [x(k), x(n+1-k)] with the largest
            k whose binomial coverage is at least 95%; it needs n >= 6 values, so it is NA below).
            The mean interval is NA for n < 2.
        window: optional trailing rolling window, an int number of periods or an offset string
            such as ``"4W"`` (periods whose start lies in (start - window, start]). The rolling
            value is the mean of the period values weighted by each period's number of values,
            so with ``agg="mean"`` it is the mean of all articles in the window; periods without
            articles contribute nothing; NA when the window holds no article. For ``"median"``
            it is the count-weighted mean of the period medians (a smoother, not a median).
        tz: zone for time-zone-aware dates (default UTC): they are converted to it and periods
            follow its calendar. Naive dates are wall-clock times taken as given, never shifted.
            An object column holding datetimes of different zones is converted value by value.
        date: name of the date column.

    Returns:
        A new DataFrame, one row per (group, period) sorted by group then period, with
        ``period`` (start of the period: naive for naive dates, else in the ``tz`` zone), the
        ``by`` column if given, ``n_articles`` (int64; 0 for empty periods between the first and
        last dated article), and per metric ``<m>``, ``<m>_ci_low``, ``<m>_ci_high`` (Float64,
        NA where undefined), ``<m>_n`` (int64, articles with a value for ``m``: the sample size
        behind the interval) and ``<m>_rolling`` when ``window`` is given. Rows with no date
        (NaT) cannot be placed: they are left out with a warning and counted in
        ``result.attrs["undated"]``; ``attrs`` also records freq, agg, by, metrics, window, tz.

    Example:
        >>> df = pd.DataFrame({
        ...     "date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-16"]),
        ...     "compound": [0.5, 0.1, -0.2]})
        >>> out = timeline(df, freq="W")
        >>> out["n_articles"].tolist(), out["compound"].round(2).tolist()
        ([2, 0, 1], [0.3, <NA>, -0.2])
    """
    require_columns(table, [date] + ([by] if by is not None else []), caller="timeline")
    if agg not in _AGGS:
        raise ValueError(f"timeline(): agg must be 'mean' or 'median', got {agg!r}")
    if by is not None and by == date:
        raise ValueError("timeline(): by= must name a column other than the date column")
    pdtype = _period_dtype(freq)
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

    columns = _output_dtypes(table, metric_names, by, zone, win is not None)
    attrs = {
        "undated": undated,
        "freq": pd.Period(ordinal=0, freq=pdtype.freq).freqstr,  # period alias, e.g. "M"
        "agg": agg,
        "by": by,
        "metrics": list(metric_names),
        # as the caller wrote it ("4W", not pandas' "4W-SUN"), for labels
        "window": win if win is None or isinstance(win, int) else str(window),
        "tz": None if zone is None else str(zone),
        "date": date,
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

    lo_index = None if win is None else _window_starts(starts_wall, win)
    for m in metric_names:
        values = _as_float(table[m][dated])
        centre, low, high, count = _summarise(values, key, size, agg)
        data[m] = centre
        data[f"{m}_ci_low"] = low
        data[f"{m}_ci_high"] = high
        data[f"{m}_n"] = count
        if lo_index is not None:
            data[f"{m}_rolling"] = _rolling(
                centre.reshape(n_groups, n_periods), count.reshape(n_groups, n_periods), lo_index
            ).ravel()

    out = pd.DataFrame(data)
    out = out.astype(columns)
    out.attrs.update(attrs)
    return out


def _output_dtypes(
    table: pd.DataFrame, metrics: list[str], by: str | None, zone: object, rolling: bool
) -> dict[str, object]:
    dtypes: dict[str, object] = {
        "period": "datetime64[ns]" if zone is None else pd.DatetimeTZDtype("ns", zone)
    }
    if by is not None:
        dtypes[by] = table[by].dtype
    dtypes["n_articles"] = "int64"
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
        sizes, where = np.unique(count[two], return_inverse=True)
        tq = np.array([t_quantile(0.5 + _LEVEL / 2, int(n) - 1) for n in sizes])[where]
        half = tq * sd[two] / np.sqrt(count[two])
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


def _window_starts(starts: pd.DatetimeIndex, win: int | pd.DateOffset) -> np.ndarray:
    """For each period, the index of the first period inside its trailing window."""
    n = len(starts)
    if isinstance(win, int):
        return np.maximum(np.arange(n) - win + 1, 0)
    bounds = pd.DatetimeIndex([s - win for s in starts]).as_unit("ns")
    return np.searchsorted(starts.asi8, bounds.asi8, side="right")


def _rolling(centre: np.ndarray, count: np.ndarray, lo_index: np.ndarray) -> np.ndarray:
    weighted = np.where(count > 0, centre * count, 0.0)
    out = np.full(centre.shape, np.nan)
    for i, lo in enumerate(lo_index):
        total = count[:, lo : i + 1].sum(axis=1)
        sums = weighted[:, lo : i + 1].sum(axis=1)
        nonzero = total > 0
        out[nonzero, i] = sums[nonzero] / total[nonzero]
    return out
