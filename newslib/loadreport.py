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


class NoArticlesError(ValueError):
    """A load, or a run (``newslib load``/``analyze``/``report``), found no article at all.
    The message is one line: the load report's first reasons and what to try (see
    :func:`no_articles_message`).

    Example:
        >>> isinstance(NoArticlesError("no articles"), ValueError)
        True
    """


def no_articles_message(
    report: Any, summary: dict, where: str, *, hint: str | None = None, shown: int = 3
) -> str:
    """One line saying why a load of ``where`` gave no article: what was found, the first
    ``shown`` reasons of the load ``report`` (a frame or a list of row dicts), and what to try
    (``hint``, added when files were found: e.g. where the whole load report is).

    Example:
        >>> rows = [{"path": "e.csv", "line": None, "status": "skipped",
        ...          "reason": "no 'text' column (...)"}]
        >>> no_articles_message(rows, {"files_seen": 1, "files_skipped": 1}, "corpus")
        "no articles loaded from corpus: 1 file seen, 1 skipped: e.csv: no 'text' column (...)"
        >>> no_articles_message([], {"files_seen": 0}, "empty")  # doctest: +ELLIPSIS
        'no articles in empty: no files found; give a folder or file of articles (...)'
    """
    rows = report.to_dict("records") if isinstance(report, pd.DataFrame) else list(report)
    seen = int(summary.get("files_seen", 0) or 0)
    unread = int(summary.get("folders_unread", 0) or 0)
    excluded = sum(1 for r in rows if r.get("status") == "excluded")
    if seen == 0 and not unread:
        left_out = f" ({excluded} of newslib's own tables or caches left out)" if excluded else ""
        return (
            f"no articles in {where}: no files found{left_out}; give a folder or file of "
            "articles (.txt, .md, .csv, .tsv, .jsonl, .json, .parquet, .html, .warc, archives "
            ".zip and .tar, any of them compressed: .gz, .bz2, .xz, .zst)"
        )
    problems = [r for r in rows if r.get("status") in ("skipped", "unread")]
    # Whole files first (they say why a file gave nothing), then rows; each reason once.
    problems.sort(key=lambda r: not _isna(r.get("line")))
    listed, reasons = [], set()
    for row in problems:
        reason = " ".join(str(row.get("reason", "")).split())
        if reason in reasons:
            continue
        reasons.add(reason)
        line = row.get("line")
        where_row = row["path"] if _isna(line) else f"{row['path']}:{int(line)}"
        listed.append(f"{where_row}: {reason}")
    head = (
        f"no articles loaded from {where}: {seen} file{'' if seen == 1 else 's'} seen, "
        f"{int(summary.get('files_skipped', 0) or 0)} skipped"
        + (f", {unread} folder{'' if unread == 1 else 's'} unread" if unread else "")
    )
    more = len(problems) - len(listed[:shown])
    tail = f" (and {more} more in the load report)" if more > 0 else ""
    message = f"{head}: " + "; ".join(listed[:shown]) + tail if listed else head
    return f"{message}; {hint}" if hint else message


def _isna(value: Any) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))
