"""Loading articles from files, folders, globs and tables into one tidy DataFrame.

``load`` is the only place that decides what an article's ``text`` is; every analysis reads
that text and every offset refers to it. The table schema is documented in docs/data-model.md.

Formats (detected per file when ``format="auto"``):

* ``seed``: first line `` date 2023-04-04 <title> Tuesday, April 4, 2023 4:00:00 PM``, a blank
  line, then paragraphs separated by blank lines;
* ``text``: the first non-empty line is the title, the rest is the body; a date such as
  ``2016-09-20`` in the file name becomes the date;
* ``markdown``: text with YAML front matter (``title``, ``date``, ``source``, ``url``, ``author``);
* ``jsonl``, ``json``, ``csv``, ``tsv``, ``parquet``: tables with ``title``, ``date``, ``text``
  (optional ``source``, ``url``, ``author``); ``columns=`` renames other schemas;
* ``html``: pages saved from a browser, through trafilatura (``pip install 'newslib[html]'``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from ._paths import FORMATS, expand_sources, file_key
from .text import count_words, normalize_line, normalize_text, paragraph_spans

__all__ = [
    "load",
    "LoadStream",
    "ParseError",
    "FORMATS",
    "ARTICLE_COLUMNS",
    "article_id",
    "articles_frame",
    "read_articles",
    "LoadState",
    "FileRead",
]

ARTICLE_COLUMNS = {
    "article_id": "string",
    "path": "string",
    "source": "string",
    "title": "string",
    "date": "datetime64[ns]",
    "text": "string",
    "n_paragraphs": "int64",
    "n_words": "int64",
    "url": "string",
    "author": "string",
}
REPORT_COLUMNS = {"path": "string", "line": "Int64", "status": "string", "reason": "string"}
_TABLE_FIELDS = ("title", "date", "text", "source", "url", "author")

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_BINARY_FORMATS = {"parquet"}

_SEED_START = re.compile(r"^\s*date\s+\d{4}-\d{1,2}-\d{1,2}(?:\s|$)")
_SEED_HEADER = re.compile(
    r"^\s*date\s+(?P<iso>\d{4}-\d{1,2}-\d{1,2})(?:\s+(?P<rest>.*?))?\s*$", re.DOTALL
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# The long timestamp's shape; whether it is a real date is checked when parsing it.
_LONG_TIMESTAMP = re.compile(
    r"(?:^|\s)(?P<stamp>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+(?:" + _MONTHS + r")"
    r"\s+\d{1,2},\s+\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M)?)$",
    re.IGNORECASE,
)
_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_SNIFF_BYTES = 8192


class ParseError(ValueError):
    """A file could not be read as an article. ``path`` and ``line`` say where (line is 1-based,
    ``None`` when the problem concerns the whole file).

    Example:
        >>> str(ParseError("a.txt", 1, "empty file"))
        'a.txt:1: empty file'
    """

    def __init__(self, path: str | os.PathLike, line: int | None, reason: str):
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


@dataclass
class _Report:
    errors: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    skipped_files: set[str] = field(default_factory=set)

    def skip(self, path: Path, line: int | None, reason: str, *, row: bool = False) -> None:
        """Record a skipped file (or, with ``row=True``, one skipped row of a table file)."""
        if self.errors == "raise":
            raise ParseError(path, line, reason)
        if not row:
            self.skipped_files.add(str(path))
        self.rows.append({"path": str(path), "line": line, "status": "skipped", "reason": reason})

    def repair(self, path: Path, line: int | None, reason: str) -> None:
        if self.errors == "raise":
            raise ParseError(path, line, reason)
        self.rows.append({"path": str(path), "line": line, "status": "repaired", "reason": reason})


@dataclass
class _Article:
    path: str
    title: str | None
    date: Any
    text: str
    source: str | None = None
    url: str | None = None
    author: str | None = None
    line: int | None = None  # row of a table file, for the report


def article_id(title: str | None, text: str) -> str:
    """Return the stable id of an article: a hash of its title and text (16 hex digits).

    Example:
        >>> article_id("A title", "Body text.")
        '7c9fbdb046ae9ad8'
    """
    missing = title is None or (pd.api.types.is_scalar(title) and pd.isna(title))
    key = f"{'' if missing else title}\x00{text}".encode()
    return hashlib.sha256(key).hexdigest()[:16]


# --------------------------------------------------------------------------- decoding


# Control characters other than tab, newline, form feed and carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control / len(head) > 0.05


def _decode(data: bytes, path: Path, report: _Report) -> str | None:
    """Decode as UTF-8, UTF-8 with BOM, else line by line falling back to cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    decoded = []
    repaired: list[int] = []
    for number, raw in enumerate(lines, start=1):
        try:
            decoded.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                decoded.append(raw.decode("cp1252"))
            except UnicodeDecodeError as error:
                report.skip(
                    path,
                    number,
                    f"undecodable bytes (neither UTF-8 nor cp1252): {error.reason} at byte "
                    f"{error.start} of the line; re-save the file as UTF-8",
                )
                return None
            repaired.append(number)
    report.repair(
        path,
        repaired[0],
        f"not valid UTF-8: {len(repaired)} line(s) decoded as cp1252 (Windows-1252), "
        f"first at line {repaired[0]}",
    )
    return "\n".join(decoded)


# --------------------------------------------------------------------------- dates


# datetime64[ns] holds 1677-09-22 .. 2262-04-11; a date outside is treated as impossible.
_FIRST_YEAR, _LAST_YEAR = 1678, 2261


def _in_range(stamp: datetime) -> bool:
    return _FIRST_YEAR <= stamp.year <= _LAST_YEAR


def _parse_date(value: Any) -> pd.Timestamp | None:
    """Parse one date value; ``None`` when empty, ``pd.NaT`` when unparseable."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    try:
        stamp = pd.Timestamp(value.strip() if isinstance(value, str) else value)
    except (ValueError, TypeError, OverflowError):
        return pd.NaT
    return pd.NaT if pd.isna(stamp) or not _in_range(stamp) else stamp


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


# --------------------------------------------------------------------------- formats


def _detect(path: Path, head: bytes) -> str | None:
    suffix = path.suffix.lower()
    fmt = _EXTENSIONS.get(suffix)
    if fmt == "text":
        first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace")
        if first.rstrip("\r").strip() == "---":
            return "markdown"
        if _SEED_START.match(first):
            return "seed"
    if fmt is None and head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return fmt


def _split_body(body: str) -> str:
    return normalize_text(body)


def _read_seed(text: str, path: Path, report: _Report) -> list[_Article]:
    header, _, body = text.partition("\n")
    match = _SEED_HEADER.match(header)
    if match is None:  # detection saw a seed header; a mutated one falls back to plain text
        return _read_text(text, path, report)
    rest = match.group("rest") or ""
    stamp_match = _LONG_TIMESTAMP.search(rest)
    title = rest
    date: datetime | None = None
    if stamp_match:
        title = rest[: stamp_match.start("stamp")]
        date = _parse_long_timestamp(stamp_match.group("stamp"))
        if date is None:
            report.repair(
                path,
                1,
                f"unparseable timestamp {stamp_match.group('stamp')!r} in the header; "
                "used the ISO date instead",
            )
    if date is None:
        date = _parse_iso_date(match.group("iso"))
        if date is None:
            report.repair(
                path, 1, f"impossible date {match.group('iso')!r} in the header; date left empty"
            )
    title = normalize_line(title)
    return [_Article(str(path), title or None, date, _split_body(body))]


def _read_text(text: str, path: Path, report: _Report) -> list[_Article]:
    lines = text.splitlines()
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None:
        report.skip(path, None, "empty file (no text)")
        return []
    title = normalize_line(lines[index])
    body = "\n".join(lines[index + 1 :])
    found = _FILENAME_DATE.search(path.stem)
    date = _parse_iso_date(found.group(1)) if found else None
    return [_Article(str(path), title, date, _split_body(body))]


def _read_markdown(text: str, path: Path, report: _Report) -> list[_Article]:
    import yaml

    match = _FRONT_MATTER.match(text)
    if match is None:
        return _read_text(text, path, report)
    try:
        meta = yaml.safe_load(match.group("yaml")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        report.skip(path, line, f"invalid YAML front matter: {error}".replace("\n", " "))
        return []
    if not isinstance(meta, dict):
        report.skip(path, 1, "front matter is not a YAML mapping of fields")
        return []
    body = text[match.end() :]
    title = meta.get("title")
    if title is None:
        lines = [line for line in body.splitlines() if line.strip()]
        if lines:
            title = lines[0].lstrip("#").strip()
            body = body.split(lines[0], 1)[1]
    date = _parse_date(meta.get("date"))
    if date is pd.NaT:
        report.repair(path, None, f"unparseable date {meta.get('date')!r}; date left empty")
    return [
        _Article(
            str(path),
            normalize_line(str(title)) if title is not None else None,
            date,
            _split_body(body),
            source=_clean_field(meta.get("source")),
            url=_clean_field(meta.get("url")),
            author=_clean_field(meta.get("author")),
        )
    ]


def _clean_field(value: Any) -> str | None:
    """A metadata value as one normalised line of text, ``None`` when missing or empty."""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v is not None)
    elif value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    text = normalize_line(str(value))
    return text or None


def _read_html(text: str, path: Path, report: _Report) -> list[_Article]:
    try:
        import trafilatura
    except ImportError as error:
        raise ImportError(
            "Reading HTML pages needs the optional extra 'html': pip install 'newslib[html]'"
        ) from error
    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or not (document.text or "").strip():
        report.skip(path, None, "no article text found in the HTML page")
        return []
    title = _clean_field(document.title)
    lines = document.text.splitlines()
    # trafilatura repeats the headline as the first line of the text.
    if title and lines and normalize_line(lines[0]) == title:
        lines = lines[1:]
    date = _parse_date(document.date)
    return [
        _Article(
            str(path),
            title,
            None if date is pd.NaT else date,
            _split_body("\n".join(lines)),
            source=_clean_field(document.sitename or document.hostname),
            url=_clean_field(document.url),
            author=_clean_field(document.author),
        )
    ]


def _read_table(
    path: Path, fmt: str, report: _Report, columns: dict[str, str] | None
) -> list[_Article]:
    try:
        if fmt == "parquet":
            frame = pd.read_parquet(path)
        elif fmt in ("csv", "tsv"):
            frame = pd.read_csv(
                path,
                sep="\t" if fmt == "tsv" else ",",
                dtype=str,
                keep_default_na=False,
                encoding_errors="strict",
            )
        elif fmt == "jsonl":
            frame = pd.read_json(path, lines=True, dtype=False)
        else:
            frame = pd.DataFrame(json.loads(path.read_text(encoding="utf-8-sig")))
    except (ValueError, UnicodeDecodeError, OSError, json.JSONDecodeError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        report.skip(path, _error_line(error), f"cannot read as {fmt}: {message}")
        return []
    except Exception as error:  # pyarrow and the csv engine raise their own error types
        report.skip(path, None, f"cannot read as {fmt}: {type(error).__name__}: {error}")
        return []
    if columns:
        frame = frame.rename(columns=columns)
    if "text" not in frame.columns:
        report.skip(
            path,
            None,
            f"table has no 'text' column (columns: {', '.join(map(str, frame.columns))}); "
            "pass columns={'your_column': 'text', ...} to rename",
        )
        return []
    # Line numbers in the report: header is line 1 in CSV, first record line 1 in JSON Lines.
    offset = 2 if fmt in ("csv", "tsv") else 1
    articles = []
    records = frame.reindex(columns=list(_TABLE_FIELDS)).to_dict("records")
    for position, record in enumerate(records):
        line = position + offset
        raw_text = record.get("text")
        if raw_text is None or (not isinstance(raw_text, str) and pd.isna(raw_text)):
            raw_text = ""
        text = _split_body(str(raw_text))
        if not text:
            report.skip(path, line, "row has no text", row=True)
            continue
        date = _parse_date(record.get("date"))
        if date is pd.NaT:
            report.repair(path, line, f"unparseable date {record.get('date')!r}; date left empty")
            date = None
        articles.append(
            _Article(
                str(path),
                _clean_field(record.get("title")),
                date,
                text,
                source=_clean_field(record.get("source")),
                url=_clean_field(record.get("url")),
                author=_clean_field(record.get("author")),
                line=line,
            )
        )
    return articles


def _error_line(error: Exception) -> int | None:
    found = re.search(r"line (\d+)", str(error))
    return int(found.group(1)) if found else None


_TEXT_READERS = {
    "seed": _read_seed,
    "text": _read_text,
    "markdown": _read_markdown,
    "html": _read_html,
}


def _read_file(
    path: Path,
    fmt: str,
    report: _Report,
    columns: dict[str, str] | None,
    max_bytes: int | None,
) -> list[_Article]:
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            report.skip(path, None, f"file is {size:,} bytes, over the limit of {max_bytes:,}")
            return []
        if size == 0:
            report.skip(path, None, "empty file")
            return []
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as error:
        report.skip(path, None, f"cannot read: {error.strerror or error}")
        return []
    if fmt == "auto":
        detected = _detect(path, head)
        if detected is None:
            if _looks_binary(head):
                report.skip(path, None, f"binary file ({path.suffix or 'no extension'})")
            else:
                report.skip(
                    path,
                    None,
                    f"unknown format (extension {path.suffix!r}); pass format='text' "
                    "(or another format) to read it",
                )
            return []
        fmt = detected
    if fmt in ("csv", "tsv", "jsonl", "json", "parquet"):
        if fmt not in _BINARY_FORMATS and _looks_binary(head):
            report.skip(path, None, f"binary file, not {fmt}")
            return []
        return _read_table(path, fmt, report, columns)
    if _looks_binary(head):
        report.skip(path, None, "binary file, not text")
        return []
    try:
        data = path.read_bytes()
    except OSError as error:
        report.skip(path, None, f"cannot read: {error.strerror or error}")
        return []
    text = _decode(data, path, report)
    if text is None:
        return []
    if not text.strip():
        report.skip(path, None, "empty file (only whitespace)")
        return []
    if fmt == "text" and _SEED_START.match(text.split("\n", 1)[0]):
        fmt = "seed"  # an explicit format="text" on a seed-format file still reads its header
    articles = _TEXT_READERS[fmt](text, path, report)
    kept = []
    for article in articles:
        if not article.text:
            report.skip(path, None, "no article text after the title")
        else:
            kept.append(article)
    return kept


# --------------------------------------------------------------------------- frame


# Marks a piece of LoadStream's queue as rows of the articles read in this chunk.
_FRESH = object()


def _concat_articles(frames: list[pd.DataFrame], *, like: pd.DataFrame) -> pd.DataFrame:
    """Concatenate article tables, in the column types of ``like`` (rows read back from the
    file cache's Parquet must not change a column's type)."""
    return pd.concat(frames, ignore_index=True).astype(like.dtypes.to_dict())


def _to_datetime(values: list[Any], tz: str | None) -> pd.Series:
    converted = []
    for value in values:
        if value is None or value is pd.NaT:
            converted.append(pd.NaT)
            continue
        stamp = pd.Timestamp(value)
        if tz is None:
            # Aware times become naive UTC so one column can hold every article.
            if stamp.tzinfo is not None:
                stamp = stamp.tz_convert("UTC").tz_localize(None)
        elif stamp.tzinfo is None:
            stamp = stamp.tz_localize(tz, ambiguous=False, nonexistent="shift_forward")
        else:
            stamp = stamp.tz_convert(tz)
        converted.append(stamp)
    dtype = "datetime64[ns]" if tz is None else pd.DatetimeTZDtype("ns", tz)
    return pd.Series(converted, dtype=dtype)


def articles_frame(records: list[dict[str, Any]], *, tz: str | None = None) -> pd.DataFrame:
    """Build a typed article table from dicts with ``title``, ``text`` and optionally ``date``,
    ``path``, ``source``, ``url``, ``author``: computes ``article_id``, ``n_paragraphs`` and
    ``n_words``. The text is used as given (normalise it first with ``normalize_text``).

    Example:
        >>> df = articles_frame([{"title": "T", "text": "One.\\n\\nTwo words."}])
        >>> df[["n_paragraphs", "n_words"]].iloc[0].tolist()
        [2, 3]
    """
    titles = [r.get("title") for r in records]
    texts = [r.get("text") or "" for r in records]
    frame = pd.DataFrame(
        {
            "article_id": [article_id(t, x) for t, x in zip(titles, texts, strict=True)],
            "path": [r.get("path") for r in records],
            "source": [r.get("source") for r in records],
            "title": titles,
            "date": _to_datetime([r.get("date") for r in records], tz),
            "text": texts,
            "n_paragraphs": [len(paragraph_spans(x)) for x in texts],
            "n_words": [count_words(x) for x in texts],
            "url": [r.get("url") for r in records],
            "author": [r.get("author") for r in records],
        }
    )
    dtypes = dict(ARTICLE_COLUMNS)
    dtypes.pop("date")
    return frame.astype(dtypes)


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


def load(
    source: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    format: str = "auto",
    errors: str = "report",
    tz: str | None = None,
    columns: dict[str, str] | None = None,
    max_bytes: int | None = None,
    progress: bool | None = False,
) -> pd.DataFrame:
    """Load news articles into a DataFrame, one row per article.

    Args:
        source: a file, a directory (read recursively; hidden files are ignored), a glob
            (``"corpus/**/*.txt"``) or a list of them.
        format: ``"auto"`` detects each file's format from its extension and first line;
            or one of ``seed``, ``text``, ``markdown``, ``jsonl``, ``json``, ``csv``, ``tsv``,
            ``parquet``, ``html`` for every file.
        errors: ``"report"`` never raises for a bad file: it is skipped (or repaired) and listed
            in ``df.attrs["load_report"]``; ``"raise"`` raises ``ParseError`` naming the file
            and line.
        tz: ``None`` keeps naive times as given and converts aware ones to naive UTC; a zone
            name (``"Europe/Berlin"``) gives an aware column: naive times are taken to be in
            that zone, aware ones converted to it.
        columns: renames table columns to newslib's names, e.g. ``{"body": "text"}``.
        max_bytes: skip (and report) files larger than this.
        progress: show a progress bar on stderr (only when it is a terminal).

    Returns:
        Columns ``article_id``, ``path``, ``source``, ``title``, ``date``, ``text``,
        ``n_paragraphs``, ``n_words``, ``url``, ``author``. ``attrs["load_report"]`` has one row
        per skipped or repaired file (or table row) with ``path``, ``line``, ``status`` and
        ``reason``; ``attrs["load_summary"]`` counts files seen, loaded and skipped.
        Articles with the same ``article_id`` are kept once (the first by path).

    Example:
        >>> import newslib
        >>> df = newslib.load("seeds")
        >>> df.loc[0, "title"], int(df.loc[0, "n_paragraphs"])
        ("Putin's top communications officer flees Russia", 7)
    """
    stream = LoadStream(
        source,
        format=format,
        errors=errors,
        tz=tz,
        columns=columns,
        max_bytes=max_bytes,
        chunk_size=None,
        progress=progress,
    )
    chunks = list(stream)
    frame = chunks[0] if chunks else articles_frame([], tz=tz)
    frame.attrs["load_report"] = stream.report
    frame.attrs["load_summary"] = stream.summary
    return frame


@dataclass
class FileRead:
    """What reading one file gave: its report rows, whether the file as a whole was skipped,
    and ``(article_id, line, record)`` per article in file order (not yet deduplicated;
    ``record`` is ``None`` once the caller no longer needs the article itself)."""

    path: str
    rows: list[dict[str, Any]]
    skipped: bool
    articles: list[tuple[str, int | None, dict[str, Any] | None]]


def read_articles(
    path: str | os.PathLike,
    format: str = "auto",
    errors: str = "report",
    columns: dict[str, str] | None = None,
    max_bytes: int | None = None,
) -> FileRead:
    """Read one file's articles (text NFC-normalised, ids computed); runs anywhere, e.g. on
    a Dask worker. :class:`LoadState` then deduplicates across files.

    Example:
        >>> read = read_articles("seeds/000_0ed1607056b3d6d0.txt")
        >>> len(read.articles), read.skipped, read.articles[0][0]
        (1, False, 'be2d2c146d2faf58')
    """
    path = Path(path)
    report = _Report(errors)
    articles = []
    for article in _read_file(path, format, report, columns, max_bytes):
        text = unicodedata.normalize("NFC", article.text)
        record = {
            "path": article.path,
            "source": article.source,
            "title": article.title,
            "date": article.date,
            "text": text,
            "url": article.url,
            "author": article.author,
        }
        articles.append((article_id(article.title, text), article.line, record))
    return FileRead(str(path), report.rows, str(path) in report.skipped_files, articles)


class LoadState:
    """One load in progress: keeps each article once across files (the first, in file order),
    collects the load report and counts what was loaded.

    Example:
        >>> state = LoadState()
        >>> read = read_articles("seeds/000_0ed1607056b3d6d0.txt")
        >>> state.accept(read), state.accept(read)  # the second time: a duplicate
        ([0], [])
        >>> state.report_frame().loc[0, "reason"][:17]
        'duplicate article'
    """

    def __init__(self, errors: str = "report"):
        self.errors = errors
        self._report = _Report(errors)
        self._seen: dict[str, str] = {}
        self._loaded_files = 0
        self._articles = 0

    def accept(self, read: FileRead) -> list[int]:
        """Add one file's reading; return the positions (in ``read.articles``) of its articles
        not seen before."""
        report = self._report
        path = Path(read.path)
        report.rows.extend(read.rows)
        if read.skipped:
            report.skipped_files.add(read.path)
        kept = []
        for position, (identity, line, _) in enumerate(read.articles):
            if identity in self._seen:
                report.skip(
                    path,
                    line,
                    f"duplicate article (same title and text as {self._seen[identity]})",
                    row=line is not None,
                )
                continue
            self._seen[identity] = read.path if line is None else f"{read.path}:{line}"
            kept.append(position)
        self._articles += len(kept)
        if kept:
            self._loaded_files += 1
        elif read.path not in report.skipped_files:
            # Every article of the file was dropped row by row (duplicates, empty rows):
            # the file as a whole counts as skipped, with one line saying so.
            report.skip(path, None, "no articles left in this file (see the rows above)")
        return kept

    def report_frame(self) -> LoadReport:
        """The load report so far (see :func:`load`)."""
        return report_frame(self._report.rows)

    def summary(self, files_seen: int) -> dict[str, int]:
        """Counts so far: files seen, loaded and skipped, articles, repairs."""
        return {
            "files_seen": files_seen,
            "files_loaded": self._loaded_files,
            "files_skipped": len(self._report.skipped_files),
            "articles": self._articles,
            "repaired": sum(1 for r in self._report.rows if r["status"] == "repaired"),
        }


class LoadStream:
    """Load a corpus chunk by chunk, so memory stays flat however many articles there are.

    Iterating yields article tables (the columns of :func:`load`) of at most ``chunk_size``
    articles, in the same order ``load`` would give; duplicates are dropped across chunks.
    After iteration, ``report`` and ``summary`` hold what ``load`` puts in ``attrs``.
    Arguments are those of :func:`load`. ``files`` lists the files to read and ``state`` is
    the :class:`LoadState`, for an engine that reads the files elsewhere (e.g. on Dask
    workers, with :func:`read_articles`) and hands each reading to ``state.accept``.

    With ``cache_dir``, files are parsed once: a file whose path, size and modification time
    are unchanged is taken from :class:`newslib.cache.FileCache` there, not read again.

    Example:
        >>> stream = LoadStream("seeds", chunk_size=100)
        >>> [len(chunk) for chunk in stream], stream.summary["files_seen"]
        ([1], 1)
    """

    def __init__(
        self,
        source: str | os.PathLike | Sequence[str | os.PathLike],
        *,
        format: str = "auto",
        errors: str = "report",
        tz: str | None = None,
        columns: dict[str, str] | None = None,
        max_bytes: int | None = None,
        chunk_size: int | None = 1000,
        progress: bool | None = False,
        cache_dir: str | os.PathLike | None = None,
    ):
        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        if errors not in ("report", "raise"):
            raise ValueError(f"errors must be 'report' or 'raise', not {errors!r}")
        if chunk_size is not None and chunk_size < 1:
            raise ValueError(f"chunk_size must be a positive number, not {chunk_size!r}")
        self.files = expand_sources(source)
        self._options = (format, columns, max_bytes)
        self._tz = tz
        self._chunk_size = chunk_size
        self._progress = progress
        self.state = LoadState(errors)
        self._file_cache = None
        if cache_dir is not None:
            from .cache import FileCache

            self._file_cache = FileCache(
                cache_dir, format=format, errors=errors, tz=tz, columns=columns, max_bytes=max_bytes
            )

    def __iter__(self):
        from tqdm import tqdm

        fmt, columns, max_bytes = self._options
        cache = self._file_cache
        # Kept articles waiting to be yielded, in order, as (rows, positions) pieces: rows of a
        # file cache part, or FRESH (the articles of files read now, made into one frame at
        # once: building a frame per file would cost more than reading the file).
        pieces: list[tuple[Any, list[int]]] = []
        fresh_records: list[dict[str, Any]] = []
        fresh_files: list[tuple[FileRead, tuple[str, int, int] | None]] = []
        waiting = 0
        # disable=None turns the bar off when stderr is not a terminal (logs, CI, notebooks).
        bar = tqdm(
            self.files,
            desc="loading",
            unit="file",
            disable=None if self._progress else True,
            leave=False,
        )
        for path in bar:
            # The key is taken before reading: a file changed meanwhile is read again next time.
            key = file_key(path) if cache is not None else None
            hit = cache.lookup(path, key) if key is not None else None
            if hit is not None:
                read, rows, positions = hit
            else:
                read = read_articles(path, fmt, self.state.errors, columns, max_bytes)
                rows, positions = (
                    _FRESH,
                    range(len(fresh_records), len(fresh_records) + len(read.articles)),
                )
                fresh_records.extend(record for _, _, record in read.articles)
                fresh_files.append((read, key))
            kept = self.state.accept(read)
            if kept:
                selected = [positions[k] for k in kept]
                if pieces and pieces[-1][0] is rows:
                    pieces[-1][1].extend(selected)  # one take per run of rows from one source
                else:
                    pieces.append((rows, selected))
            waiting += len(kept)
            if self._chunk_size is not None and waiting >= self._chunk_size:
                yield from self._emit(pieces, fresh_records, fresh_files, final=False)
                waiting = sum(len(taken) for _, taken in pieces)  # what _emit held back
                fresh_records, fresh_files = [], []
        yield from self._emit(pieces, fresh_records, fresh_files, final=True)

    def _emit(self, pieces, fresh_records, fresh_files, *, final: bool):
        """Yield the waiting articles in chunks of ``chunk_size``; keep a last partial chunk
        in ``pieces`` unless ``final``. Files read since the last call go to the cache."""
        fresh = articles_frame(fresh_records, tz=self._tz)
        if self._file_cache is not None and fresh_files:
            reads, keys, selected, files, positions = [], [], [], [], []
            row = 0
            for read, key in fresh_files:
                n = len(read.articles)
                if key is not None:  # a file that could not be stat'ed is not cached
                    reads.append(read)
                    keys.append(key)
                    selected.extend(range(row, row + n))
                    files.extend([key[0]] * n)
                    positions.extend(range(n))
                row += n
            rows = fresh.iloc[selected].assign(_file=files, _position=positions)
            self._file_cache.store(reads, keys, rows.reset_index(drop=True))
        frames = [(fresh if rows is _FRESH else rows).iloc[taken] for rows, taken in pieces]
        pieces.clear()
        frames = [f for f in frames if len(f)]
        if not frames:
            return
        waiting = _concat_articles(frames, like=fresh) if len(frames) > 1 else frames[0]
        waiting = waiting.reset_index(drop=True)
        size = self._chunk_size or len(waiting)
        whole = len(waiting) if final else len(waiting) - len(waiting) % size
        for start in range(0, whole, size):
            yield waiting.iloc[start : start + size].reset_index(drop=True)
        if whole < len(waiting):
            rest = waiting.iloc[whole:].reset_index(drop=True)
            pieces.append((rest, list(range(len(rest)))))

    @property
    def report(self) -> pd.DataFrame:
        """Files (or table rows) skipped or repaired so far: path, line, status, reason."""
        return self.state.report_frame()

    @property
    def summary(self) -> dict[str, int]:
        """Counts so far: files seen, loaded and skipped, articles, repairs."""
        return self.state.summary(len(self.files))
