"""How the corpus changes over time, in words: ``timeline_findings`` and the period names it
writes ("September 2016", "Q3 2016", "the week of 5 September 2016"). The notebooks reach it as
``nb.timeline_findings`` (``newslib.notebook``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from . import labels as _labels
from .notebook_display import metric_words
from .notebook_findings import _bullets, _plural

if TYPE_CHECKING:
    from .notebook import CorpusData

__all__ = ["timeline_findings"]


_FREQ_WORDS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "h": "hour"}


def _freq_base(freq: str | None) -> str:
    """ "M" for "M"/"MS"/"ME", "W" for "W-SAT", "Y" for "Y-DEC"/"A", ...: the calendar unit."""
    if not freq:
        return ""
    base = freq.split("-")[0]
    if base[:1] == "A":
        return "Y"
    return base[0] if base[:1] in ("M", "Q", "Y") else base


def _period_label(period: pd.Timestamp, freq: str | None) -> str:
    """A period in words: "September 2016", "Q3 2016", "the week of 5 September 2016", ..."""
    base = _freq_base(freq)
    day = f"{period.day} {period:%B %Y}"
    if base == "M":
        return f"{period:%B %Y}"
    if base == "Y":
        return f"{period:%Y}"
    if base == "Q":
        return f"Q{period.quarter} {period.year}"
    if base == "D":
        return day
    if base == "h":
        return f"{day}, {period:%H}:00"
    return f"the {_FREQ_WORDS.get(base, 'period')} of {day}"


def _period_days(period: pd.Timestamp, freq: str, first: Any, last: Any) -> int:
    """Calendar days of ``period`` between the dates ``first`` and ``last`` (inclusive)."""
    start = period.tz_localize(None) if period.tzinfo is not None else period
    whole = pd.Period(start, freq=freq)
    lo, hi = whole.start_time.normalize(), whole.end_time.normalize()
    if first is not None:
        lo = max(lo, pd.Timestamp(first).tz_localize(None).normalize())
    if last is not None:
        hi = min(hi, pd.Timestamp(last).tz_localize(None).normalize())
    return (hi - lo).days + 1


def _statistic_words(timeline: pd.DataFrame, metric: str) -> str:
    """ "the mean of articles' share of words quoted", "the pooled share of words quoted
    (all quoted words over all words)", ..."""
    statistic = timeline.attrs.get("statistic", timeline.attrs.get("agg", "mean"))
    what = metric_words(metric)
    if statistic == "pooled":
        pair = (timeline.attrs.get("ratios") or {}).get(metric)
        parts = f" (all {_labels.words(pair[0])} over all {_labels.words(pair[1])})" if pair else ""
        return f"the pooled {what}{parts}"
    return f"the {statistic} of articles' {what}"


def _spread_words(metric: str, spread: float) -> str:
    found = _labels.spec(metric)
    if found.percent:
        return f"{spread * 100:.1f} percentage points"
    return f"{spread:,.{found.digits}f}"


def timeline_findings(
    data: CorpusData,
    timeline: pd.DataFrame | None = None,
    *,
    metric: str,
    freq: str | None = None,
    agg: str = "mean",
) -> str:
    """How the corpus changes over time, as Markdown bullet points computed from ``data``.

    ``timeline`` is ``newslib.timeline(data.dated, freq=freq, metrics=[metric], agg=agg)``
    (computed when not given; ``freq=None`` picks the period from the span of the dates). A
    first or last period the articles cover only in part (``timeline["partial"]``) is left out
    of the busiest-period and rose/fell comparisons, and the bullets say so. The metric is named
    in words together with its statistic ("the mean of articles' share of words quoted", "the
    pooled share of words quoted").

    Example:
        >>> from newslib.notebook import prepare
        >>> print(timeline_findings(prepare("seeds"), metric="compound_mean"))
        - The dated article falls on 4 April 2023.
        >>> print(timeline_findings(prepare("seeds"), metric="compound_mean", freq="M"))
        - The dated article falls in April 2023.
    """
    from .timeline import timeline as _timeline

    dated = data.dated
    undated = len(data.articles) - len(dated)
    if dated.empty:
        return _bullets(["No article has a date, so there is no timeline to describe."])
    if timeline is None:
        timeline = _timeline(dated, freq=freq, metrics=[metric], agg=agg)
    freq = timeline.attrs.get("freq") or freq or "M"
    word = _FREQ_WORDS.get(_freq_base(freq), "period")
    counts = timeline.groupby("period", sort=True)["n_articles"].sum()
    if "partial" in timeline.columns:
        partial = timeline.groupby("period", sort=True)["partial"].any()
    else:
        partial = pd.Series(False, index=counts.index)
    left_out = (
        f"; {_plural(undated, 'undated article')} {'is' if undated == 1 else 'are'} left out"
        if undated
        else ""
    )
    if len(counts) == 1:
        return _bullets(
            [
                (
                    "The dated article falls"
                    if len(dated) == 1
                    else f"All {len(dated):,} dated articles fall"
                )
                + (" on " if _freq_base(freq) == "D" else " in ")
                + f"{_period_label(counts.index[0], freq)}{left_out}."
            ]
        )
    out = [
        f"{_plural(len(dated), 'dated article')} spread over {len(counts)} {word}s, from "
        f"{_period_label(counts.index[0], freq)} to {_period_label(counts.index[-1], freq)}"
        f"{left_out}."
    ]
    # A period the articles cover only in part has fewer articles (and a noisier value) for
    # want of days, not of news: it is not compared with the full ones.
    cut = [p for p in counts.index if bool(partial.get(p, False))]
    if cut:
        first, last = timeline.attrs.get("first_date"), timeline.attrs.get("last_date")
        days = [f"({_plural(_period_days(p, freq, first, last), 'day')})" for p in cut]
        if len(cut) == 1:  # "September 2016 is partial (7 days) and ..."
            text = f"{_period_label(cut[0], freq)} is partial {days[0]}"
        else:
            text = " and ".join(
                f"{_period_label(p, freq)} {d}" for p, d in zip(cut, days, strict=True)
            )
            text += " are partial"
        out.append(f"{text[:1].upper()}{text[1:]} and left out of the comparison.")
    complete = counts[~counts.index.isin(cut)]
    empty = int((counts == 0).sum())
    if len(complete):
        busiest = complete.idxmax()
        out.append(
            f"The busiest {'full ' if cut else ''}{word} is {_period_label(busiest, freq)} with "
            f"{_plural(int(complete.max()), 'article')}"
            + (f"; {_plural(empty, word)} without any article." if empty else ".")
        )
    if timeline.attrs.get("by") is None and metric in timeline.columns:
        series = timeline.set_index("period")[metric].astype("Float64").dropna()
        series = series[~series.index.isin(cut)]
        if len(series) >= 2:
            first_value, last_value = float(series.iloc[0]), float(series.iloc[-1])
            first_shown = _labels.display_value(metric, first_value)
            last_shown = _labels.display_value(metric, last_value)
            what = _statistic_words(timeline, metric)
            what = what[:1].upper() + what[1:]
            first_period = _period_label(series.index[0], freq)
            last_period = _period_label(series.index[-1], freq)
            if first_shown == last_shown:
                # not "rose from +0.04 ... to +0.04": equal as far as the figures show
                out.append(f"{what} was {first_shown} in {first_period} and in {last_period}.")
            else:
                change = "rose" if last_value > first_value else "fell"
                out.append(
                    f"{what} {change} from {first_shown} in {first_period} to {last_shown} in "
                    f"{last_period}."
                )
            out.append(
                f"It peaks in {_period_label(series.idxmax(), freq)} at "
                f"{_labels.display_value(metric, float(series.max()))}; the values per "
                f"{'full ' if cut else ''}{word} span "
                f"{_spread_words(metric, float(series.max() - series.min()))}."
            )
    return _bullets(out)
