"""Dates for the loader: ISO and written dates, Unix times, ambiguous day/month readings, and
the values that are no date at all ("today", a date without a year) — reported, never guessed."""

from __future__ import annotations

import functools
import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .loadreport import _brief, _Report

# datetime64[ns] holds 1677-09-22 .. 2262-04-11; a date outside is treated as impossible.
_FIRST_YEAR, _LAST_YEAR = 1678, 2261
# A number of 9 to 14 digits (as a number or a string) is a Unix time: seconds from 10**8
# (1973-03-03) up to 10**11 (the year 5138), milliseconds from 10**11 (1973-03-03 again) up to
# 10**14; the two ranges cover the same years, so the magnitude decides. Fewer digits read
# as the digits say (2023 is a year, 20230405 is YYYYMMDD, as pandas reads them).
_EPOCH_FIRST, _EPOCH_MILLISECONDS, _EPOCH_LIMIT = 10**8, 10**11, 10**14
_EPOCH_STRING = re.compile(r"\d{9,}(?:\.\d*)?")
# Words whose date depends on the day they are read: never the clock of the run.
_RELATIVE_DATES = {"now", "today", "tonight", "yesterday", "tomorrow", "noon", "midnight"}
_YEAR_FIRST = re.compile(r"[+-]?\d{4}(?:[-/.]|\d{4}|$)")
# 04/05/2023, 4.5.23, 04-05-2023 10:00: which of the first two numbers is the month?
_NUMERIC_DATE = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?!\d)(?P<rest>.*)",
    re.DOTALL,
)


def _in_range(stamp: datetime) -> bool:
    return _FIRST_YEAR <= stamp.year <= _LAST_YEAR


def _parse_date(value: Any, dayfirst: bool = False) -> tuple[Any, str | None, bool]:
    """Parse one date value: ``(stamp, problem, ambiguous)``.

    ``stamp`` is None when the value is empty (no problem) or cannot be read (``problem`` says
    why); ``ambiguous`` is True for a date whose day and month could be swapped (read as
    ``dayfirst`` says). Nothing depends on the clock: numbers of 9 to 14 digits are Unix times
    (seconds, or milliseconds from 10**11), relative words and dates without a year are
    unparseable.
    """
    if value is None or value is pd.NaT or value is pd.NA:
        return None, None, False
    if isinstance(value, bytes | bytearray):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            return None, f"unparseable date {_brief(value)} (bytes that are not UTF-8)", False
    if isinstance(value, str):
        return _parse_date_string(value.strip(), dayfirst)
    if isinstance(value, bool | np.bool_):
        return None, f"unparseable date {_brief(value)} (a truth value)", False
    if isinstance(value, int | float | np.integer | np.floating):
        if isinstance(value, float | np.floating) and math.isnan(value):
            return None, None, False
        if 0 <= value < _EPOCH_FIRST and float(value).is_integer():
            return _parse_date_string(str(int(value)), dayfirst)  # 2023, 20230405
        return (*_parse_epoch(value), False)
    if isinstance(value, datetime | date | np.datetime64):
        try:
            stamp = pd.Timestamp(value)
        except (ValueError, TypeError, OverflowError):
            return None, f"impossible date {_brief(value)}", False
        if pd.isna(stamp):
            return None, None, False
        if not _in_range(stamp):
            return None, f"impossible date {_brief(value)}", False
        return stamp, None, False
    kind = type(value).__name__
    return None, f"unparseable date {_brief(value)} (a {kind}, not a date)", False


def _parse_epoch(number: Any) -> tuple[pd.Timestamp | None, str | None]:
    shown = _brief(number.item() if isinstance(number, np.generic) else number)
    if not math.isfinite(number) or not _EPOCH_FIRST <= number < _EPOCH_LIMIT:
        return None, (
            f"unparseable date {shown}: not a Unix time in seconds or milliseconds (9 to 14 digits)"
        )
    unit = "s" if number < _EPOCH_MILLISECONDS else "ms"
    # A Unix time is an instant: aware (UTC), so tz= converts it rather than localising it.
    stamp = pd.Timestamp(number, unit=unit, tz="UTC")
    if not _in_range(stamp):
        return None, f"impossible date {shown} (a Unix time in {unit})"
    return stamp, None


@functools.lru_cache(maxsize=65536)
def _parse_date_string(text: str, dayfirst: bool) -> tuple[Any, str | None, bool]:
    if not text:
        return None, None, False
    shown = _brief(text)
    if text.lower() in _RELATIVE_DATES:
        return None, f"unparseable date {shown}: relative to the day it is read", False
    if _EPOCH_STRING.fullmatch(text):
        stamp, problem = _parse_epoch(float(text) if "." in text else int(text))
        return stamp, problem, False
    ambiguous = False
    numeric = _NUMERIC_DATE.match(text)
    parsed = text
    if numeric is not None:
        first, second = int(numeric["a"]), int(numeric["b"])
        month, day = (second, first) if dayfirst else (first, second)
        if month > 12 >= day:  # only one reading is possible
            month, day = day, month
        ambiguous = first != second and first <= 12 and second <= 12
        year = int(numeric["year"])
        if len(numeric["year"]) == 2:  # a fixed pivot (as POSIX strptime), not the clock's
            year += 2000 if year < 69 else 1900
        parsed = f"{year:04d}-{month:02d}-{day:02d}{numeric['rest']}"
    try:
        stamp = pd.Timestamp(parsed)
    except (ValueError, TypeError, OverflowError):
        return None, f"unparseable date {shown}", False
    if pd.isna(stamp):
        return None, f"unparseable date {shown}", False
    if numeric is None and not _YEAR_FIRST.match(text) and _lacks_year(text):
        return None, f"unparseable date {shown}: no year (a time or day alone)", False
    if not _in_range(stamp):
        return None, f"impossible date {shown}", False
    return stamp, None, ambiguous


def _lacks_year(text: str) -> bool:
    """True when ``text`` gives no year, so a parser takes it (or the whole date) from the
    clock: parsed with two different defaults, the years differ."""
    from dateutil import parser

    try:
        one = parser.parse(text, default=datetime(2001, 1, 1))
        two = parser.parse(text, default=datetime(2002, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return False  # pandas read it and dateutil cannot: trust pandas
    return one.year != two.year


def _date_for(value: Any, path: Path, line: int | None, report: _Report) -> Any:
    """Parse a date for an article; report a problem (the date is left empty) and remember
    an ambiguous date for the file's note."""
    stamp, problem, ambiguous = _parse_date(value, report.dayfirst)
    if problem is not None:
        report.repair(path, line, f"{problem}; date left empty")
        return None
    if ambiguous:
        report.ambiguous.append((line, value, stamp))
    return stamp


def _parse_long_timestamp(stamp: str) -> datetime | None:
    cleaned = re.sub(r"\s+", " ", stamp.strip())
    for fmt in ("%A, %B %d, %Y %I:%M:%S %p", "%A, %B %d, %Y %I:%M %p", "%A, %B %d, %Y"):
        try:
            parsed = datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        return parsed if _in_range(parsed) else None
    return None


def _parse_iso_date(iso: str) -> datetime | None:
    try:
        year, month, day = (int(part) for part in iso.split("-"))
        parsed = datetime(year, month, day)
    except ValueError:
        return None
    return parsed if _in_range(parsed) else None


def check_time_zone(name: str | None) -> str | None:
    """``name`` if it is a time zone pandas can use (an IANA name such as ``Europe/Berlin``,
    ``UTC``, a fixed offset), else a ``ValueError`` saying what to give. ``None`` passes.

    Example:
        >>> check_time_zone("Europe/Berlin")
        'Europe/Berlin'
        >>> check_time_zone("Mars/Olympus")
        Traceback (most recent call last):
        ...
        ValueError: unknown time zone 'Mars/Olympus': give an IANA name such as Europe/Berlin or UTC
    """
    if name is None:
        return None
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
        return name
    except Exception:  # not an IANA name: perhaps one pandas knows ("dateutil/...", offsets)
        pass
    try:
        pd.DatetimeTZDtype("ns", name)
    except Exception:
        raise ValueError(
            f"unknown time zone {name!r}: give an IANA name such as Europe/Berlin or UTC"
        ) from None
    return name
