"""The date axis of the time plots: ticks at period starts that fit the step, written as the
period is ("3 Jan", "Mar", "Q1 2016", "2016") with the year where it changes, in the data's
time zone; x limits with room for every period and event.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import Formatter, Locator, NullLocator

_FREQ_WORDS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "h": "hour"}


def _freq_base(freq: str | None) -> str | None:
    """ "M" for "M", "MS", "2M", "W-SUN"...; None when unknown."""
    if not freq:
        return None
    base = str(freq).split("-")[0].lstrip("0123456789")
    base = {"MS": "M", "ME": "M", "QS": "Q", "QE": "Q", "YS": "Y", "YE": "Y", "A": "Y"}.get(
        base, base
    )
    return base if base in _FREQ_WORDS else None


def _event_x(when: Any, tz: Any) -> Any:
    stamp = pd.Timestamp(when)
    if stamp is pd.NaT:
        raise ValueError(f"plot.timeline(): event date {when!r} is not a date")
    if tz is not None:
        # On an axis in a time zone, a naive event date is read as wall time in that zone.
        stamp = stamp.tz_localize(tz) if stamp.tzinfo is None else stamp.tz_convert(tz)
        return stamp.to_pydatetime()
    if stamp.tzinfo is not None:
        # Naive axis: dates are wall-clock times as given, so use the event's own wall time.
        stamp = stamp.tz_localize(None)
    return np.datetime64(stamp.as_unit("ns").value, "ns")


# Tick every k periods, k from these (months: 1, 2, 3, 4, 6 or 12, so ticks fall on quarters
# or half years), and about how wide a tick label is, in inches at the default font size.
_STEPS = {
    "h": (1, 2, 3, 6, 12, 24, 48),
    "D": (1, 2, 3, 7, 14, 28, 56),
    "W": (1, 2, 4, 8, 13, 26, 52),
    "M": (1, 2, 3, 4, 6, 12, 24),
    "Q": (1, 2, 4, 8),
    "Y": (1, 2, 5, 10, 20, 50, 100),
}
_LABEL_WIDTH = {"h": 0.6, "D": 0.65, "W": 0.65, "M": 0.5, "Q": 0.8, "Y": 0.55}


class _PeriodLocator(Locator):
    """Ticks at period starts, every k periods, as many as fit the width of the Axes."""

    def __init__(self, freq: str, tz: Any) -> None:
        self.freq = freq
        self.base = _freq_base(freq) or "D"
        self.tz = tz

    def __call__(self) -> Sequence[float]:
        vmin, vmax = self.axis.get_view_interval()
        return self.tick_values(vmin, vmax)

    def _room(self) -> int:
        try:
            axes = self.axis.axes
            inches = axes.bbox.width / axes.figure.dpi
        except (AttributeError, ZeroDivisionError):
            inches = 6.0
        return max(2, int(inches / _LABEL_WIDTH[self.base]))

    def tick_values(self, vmin: float, vmax: float) -> Sequence[float]:
        if not (np.isfinite(vmin) and np.isfinite(vmax)) or vmax <= vmin:
            return []
        lo = pd.Timestamp(mdates.num2date(vmin, tz=self.tz)).tz_localize(None)
        hi = pd.Timestamp(mdates.num2date(vmax, tz=self.tz)).tz_localize(None)
        pfreq = "h" if self.base == "h" else self.freq
        try:
            periods = pd.period_range(lo, hi, freq=pfreq)
        except (ValueError, TypeError):
            periods = pd.period_range(lo, hi, freq=self.base)
        starts = pd.DatetimeIndex(periods.start_time)
        starts = starts[(starts >= lo) & (starts <= hi)]
        if len(starts) > 10_000:  # zoomed far out: leave it to matplotlib
            return mdates.AutoDateLocator(tz=self.tz).tick_values(
                mdates.num2date(vmin), mdates.num2date(vmax)
            )
        room = self._room()
        for step in _STEPS[self.base]:
            keep = self._every(starts, step)
            if len(keep) <= room:
                break
        else:
            keep = starts[:: max(1, math.ceil(len(starts) / room))]
        if self.tz is not None:
            keep = keep.tz_localize(self.tz, ambiguous=True, nonexistent="shift_forward")
        return list(mdates.date2num(keep.to_pydatetime()))

    def _every(self, starts: pd.DatetimeIndex, step: int) -> pd.DatetimeIndex:
        if step == 1:
            return starts
        if self.base == "M":
            return starts[(starts.month - 1) % step == 0] if 12 % step == 0 else starts[::step]
        if self.base == "Q":
            return starts[((starts.month - 1) // 3) % step == 0]
        if self.base == "Y":
            return starts[starts.year % step == 0]
        if self.base == "D" and step % 7 == 0:
            mondays = starts[starts.day_of_week == 0]
            return mondays[:: step // 7]
        if self.base == "h":
            return starts[starts.hour % step == 0] if 24 % step == 0 else starts[::step]
        return starts[::step]


class _PeriodFormatter(Formatter):
    """Tick labels as the period is written: "3 Jan" (days, weeks), "Mar" (months), "Q1 2016"
    (quarters), "2016" (years), "14:00" (hours); the year (or day) under the first tick and
    wherever it changes."""

    def __init__(self, base: str, tz: Any) -> None:
        self.base = base
        self.tz = tz

    def _stamp(self, x: float) -> pd.Timestamp:
        return pd.Timestamp(mdates.num2date(x, tz=self.tz)).tz_localize(None)

    def _text(self, t: pd.Timestamp, context: bool) -> str:
        if self.base == "Y":
            return f"{t.year}"
        if self.base == "Q":
            return f"Q{t.quarter} {t.year}"
        if self.base == "M":
            return f"{t:%b}\n{t.year}" if context else f"{t:%b}"
        if self.base == "h":
            return f"{t:%H:%M}\n{t.day} {t:%b}" if context else f"{t:%H:%M}"
        return f"{t.day} {t:%b}\n{t.year}" if context else f"{t.day} {t:%b}"

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self._text(self._stamp(x), context=True).replace("\n", " ")

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        stamps = [self._stamp(v) for v in values]
        out = []
        for i, t in enumerate(stamps):
            if self.base == "h":
                changed = i == 0 or t.normalize() != stamps[i - 1].normalize()
            else:
                changed = i == 0 or t.year != stamps[i - 1].year
            out.append(self._text(t, context=changed))
        return out


def _format_dates(ax: Axes, freq: str | None, tz: Any) -> None:
    # Explicit locator and formatter in the data's zone: ticks read as wall time there, and the
    # drawing does not depend on rcParams["timezone"].
    base = _freq_base(freq)
    if base is None:
        locator = mdates.AutoDateLocator(tz=tz)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, tz=tz))
        return
    ax.xaxis.set_major_locator(_PeriodLocator(str(freq), tz))
    ax.xaxis.set_major_formatter(_PeriodFormatter(base, tz))
    ax.xaxis.set_minor_locator(NullLocator())


def _step(start: pd.Timestamp, freq: str | None) -> pd.Timedelta:
    try:
        naive = start.tz_localize(None) if start.tzinfo else start
        period = pd.Period(naive, freq=freq or "D")
        return period.end_time.ceil("s") - period.start_time
    except (ValueError, TypeError):
        return pd.Timedelta(days=1)


def _x_limits(ax: Axes, periods: pd.Series, freq: str | None, tz: Any, event_xs: list) -> None:
    """Half a period of room either side (a whole period for one or two periods, so a single
    point does not sit on the frame), widened to show every event."""
    first, last = periods.min(), periods.max()
    n = periods.nunique()
    pad = 1.0 if n <= 2 else 0.5
    lo = first - _step(first, freq) * pad
    hi = last + _step(last, freq) * pad
    low, high = (float(v) for v in mdates.date2num([_event_x(lo, tz), _event_x(hi, tz)]))
    if event_xs:
        nums = mdates.date2num(event_xs)
        margin = 0.03 * (max(high, float(np.max(nums))) - min(low, float(np.min(nums))))
        low = min(low, float(np.min(nums)) - margin)
        high = max(high, float(np.max(nums)) + margin)
    ax.set_xlim(low, high)
