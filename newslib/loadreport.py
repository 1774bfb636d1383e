"""What loading found: the errors it raises and the report of skipped and repaired files.

:class:`ParseError` names the file and line of a problem; ``_Report`` collects report rows while
files are read; :class:`LoadReport` is the frame of those rows that ``load`` attaches to its result
(``df.attrs["load_report"]``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

# The load report's columns and their types.
REPORT_COLUMNS = {"path": "string", "line": "Int64", "status": "string", "reason": "string"}


class ParseError(ValueError):
    """A file could not be read as an article. ``path`` and ``line`` say where (line is 1-based,
    ``None`` when the problem concerns the whole file).

    Example:
        >>> str(ParseError("a.txt", 1, "empty file"))
        'a.txt:1: empty file'
    """

    def __init__(self, path: str | os.PathLike, line: int | None, reason: str):
        self.path = _shown(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


def _shown(path: str | os.PathLike) -> str:
    """A path as text that can be written anywhere (Parquet, CSV, a terminal): the bytes of a
    file name that are not UTF-8 (kept by Python as lone surrogates) become ``\\xff`` escapes."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return os.fsencode(text).decode("utf-8", "backslashreplace")
        except UnicodeError:
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


@dataclass
class _Report:
    """What reading files found (report rows, skipped files, ambiguous dates), and how values
    are read (``dayfirst``)."""

    errors: str
    dayfirst: bool = False
    rows: list[dict[str, Any]] = field(default_factory=list)
    skipped_files: set[str] = field(default_factory=set)
    ambiguous: list[tuple[int | None, Any, pd.Timestamp]] = field(default_factory=list)

    def skip(self, path: Path, line: int | None, reason: str, *, row: bool = False) -> None:
        """Record a skipped file (or, with ``row=True``, one skipped row of a table file)."""
        shown = _shown(path)
        if self.errors == "raise":
            raise ParseError(shown, line, reason)
        if not row:
            self.skipped_files.add(shown)
        self.rows.append({"path": shown, "line": line, "status": "skipped", "reason": reason})

    def unread(self, path: Path, reason: str) -> None:
        """Record a folder that could not be listed (status ``unread``): its files are unknown,
        so it counts as no file."""
        shown = _shown(path)
        if self.errors == "raise":
            raise ParseError(shown, None, reason)
        self.rows.append({"path": shown, "line": None, "status": "unread", "reason": reason})

    def repair(self, path: Path, line: int | None, reason: str) -> None:
        shown = _shown(path)
        if self.errors == "raise":
            raise ParseError(shown, line, reason)
        self.rows.append({"path": shown, "line": line, "status": "repaired", "reason": reason})

    def note_ambiguous_dates(self, path: Path) -> None:
        """Add one ``note`` row for the file's ambiguous dates (never raises: it is no error).
        :class:`LoadState` keeps one such row per load, with the count of the whole load."""
        if not self.ambiguous:
            return
        line, value, stamp = self.ambiguous[0]
        reading, other = ("day", "month") if self.dayfirst else ("month", "day")
        tail = (
            f"(day and month both 12 or less) read {reading} first, dayfirst={self.dayfirst}: "
            f"{_brief(value)} as {stamp:%Y-%m-%d}; pass dayfirst={not self.dayfirst} to read "
            f"them {other} first"
        )
        row = {"path": _shown(path), "line": line, "status": "note", "note": "ambiguous-dates"}
        row.update(count=len(self.ambiguous), tail=tail)
        row["reason"] = _note_reason(row)
        self.rows.append(row)


def _note_reason(row: dict[str, Any]) -> str:
    count = row["count"]
    return f"{count} ambiguous date{'' if count == 1 else 's'} {row['tail']}"


def _brief(value: Any, width: int = 60) -> str:
    """``repr(value)``, shortened for a report line."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


class LoadReport(pd.DataFrame):
    """The load report kept in ``df.attrs["load_report"]``: a DataFrame of skipped or repaired
    files with ``path``, ``line``, ``status`` and ``reason``.

    pandas copies and compares ``attrs`` whenever a frame is transformed or combined, and a
    plain DataFrame there makes ``df.astype(...)`` or ``df.merge(...)`` fail ("truth value of a
    DataFrame is ambiguous"). This frame is therefore shared, not copied, and ``==`` between two
    reports is one bool (same content). Anything computed from it is a plain DataFrame.

    Example:
        >>> report = LoadReport({"path": ["a.txt"], "line": [1], "status": ["skipped"],
        ...                      "reason": ["empty file"]})
        >>> report == report.copy(), type(report[report["line"] == 1]).__name__
        (True, 'DataFrame')
    """

    @property
    def _constructor(self):
        return pd.DataFrame

    def __deepcopy__(self, memo=None):
        return self

    def __eq__(self, other):  # type: ignore[override]
        return isinstance(other, pd.DataFrame) and self.equals(other)

    def __ne__(self, other):  # type: ignore[override]
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]


def report_frame(rows: list[dict[str, Any]]) -> LoadReport:
    """Build a load report (``path``, ``line``, ``status``, ``reason``) from row dicts.

    Example:
        >>> row = {"path": "a.txt", "line": None, "status": "skipped", "reason": "empty file"}
        >>> report_frame([row]).loc[0, "reason"]
        'empty file'
    """
    frame = pd.DataFrame(rows, columns=list(REPORT_COLUMNS))
    return LoadReport(frame.astype(REPORT_COLUMNS).reset_index(drop=True))
