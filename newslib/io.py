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
  (optional ``source``, ``url``, ``author``); ``columns=`` renames other schemas; a ``.json``
  file may also hold one article, or an object with the list under ``articles``/``data``/``items``;
* ``html``: pages saved from a browser, through trafilatura (``pip install 'newslib[html]'``);
  also a ``.txt`` or ``.md`` file that starts like an HTML page.

Any of them compressed (``.gz``, ``.bz2``, ``.xz``, ``.zst``) is read as the file itself; an
archive (``.zip``, ``.tar``, ``.tar.gz``, ...) or WARC crawl (``.warc``, ``.warc.gz``) holds
many files of the load, read member by member (``newslib.archives``, ``newslib.warc``).

Bad input never raises (unless ``errors="raise"``): see README "Bad input" for what is skipped,
repaired or noted in the load report (``newslib.loadreport``), how bytes are decoded
(``newslib.decoding``) and how dates are read (``newslib.dates``).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO, StringIO
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import archives
from ._frame import take_rows
from ._paths import FORMATS, Problem, expand_sources, file_key
from .columns import ColumnMatch, match_columns, text_problem
from .dates import _date_for, _parse_iso_date, _parse_long_timestamp, check_time_zone
from .decoding import (
    _SNIFF_BYTES,
    _declared_charset,
    _decode,
    _head_looks_binary,
    _is_html_page,
)
from .loadreport import (
    LoadReport,
    ParseError,
    _note_reason,
    _Report,
    _shown,
    report_frame,
)
from .outlets import SourceFiller, check_source_from, is_url_domain, source_roots
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
    "read_files",
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
_TABLE_FORMATS = ("csv", "tsv", "jsonl", "json", "parquet")
# A JSON file holding one object with one of these keys, a list, holds that list of articles.
_WRAPPER_KEYS = ("articles", "data", "items")


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


# --------------------------------------------------------------------------- formats


def _detect(path: Path, head: bytes) -> str | None:
    """The format of a file by its extension; an unknown extension holding an HTML page is
    ``html``. (A text file's first line refines ``text`` once decoded: see ``_read_file``.)"""
    fmt = _EXTENSIONS.get(path.suffix.lower())
    if fmt is None and _is_html_page(head):
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


@functools.cache
def _front_matter_loader():
    """A safe YAML loader that leaves dates to newslib: timestamps and sexagesimal numbers
    (``10:30``) stay strings, so ``2023-13-45`` is an unparseable date, not a crash."""
    import yaml

    timestamp = "tag:yaml.org,2002:timestamp"

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != timestamp]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_constructor(timestamp, yaml.SafeLoader.construct_scalar)
    for tag, construct in (
        ("tag:yaml.org,2002:int", yaml.SafeLoader.construct_yaml_int),
        ("tag:yaml.org,2002:float", yaml.SafeLoader.construct_yaml_float),
    ):

        def number_or_text(loader, node, construct=construct):
            if ":" in str(node.value):
                return loader.construct_scalar(node)
            return construct(loader, node)

        Loader.add_constructor(tag, number_or_text)
    return Loader


def _read_markdown(text: str, path: Path, report: _Report) -> list[_Article]:
    import yaml

    match = _FRONT_MATTER.match(text)
    if match is None:
        return _read_text(text, path, report)
    try:
        meta = yaml.load(match.group("yaml"), Loader=_front_matter_loader()) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        report.skip(path, line, f"invalid YAML front matter: {error}".replace("\n", " "))
        return []
    except (ValueError, TypeError, RecursionError) as error:
        report.skip(path, 1, f"invalid YAML front matter: {type(error).__name__}: {error}")
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
    return [
        _Article(
            str(path),
            _clean_field(title),
            _date_for(meta.get("date"), path, None, report),
            _split_body(body),
            source=_clean_field(meta.get("source")),
            url=_clean_field(meta.get("url")),
            author=_clean_field(meta.get("author")),
        )
    ]


def _clean_field(value: Any) -> str | None:
    """A metadata value as one normalised line of text, ``None`` when missing or empty."""
    if isinstance(value, str):
        return normalize_line(value) or None
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v is not None)
    elif value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    text = normalize_line(str(value))
    return text or None


def _read_html(text: str, path: Path, report: _Report) -> list[_Article]:
    # Extraction, the time of publication and page clutter: see newslib.htmlpage.
    from .htmlpage import read_page

    page = read_page(text)
    if page is None:
        report.skip(path, None, "no article text found in the HTML page")
        return []
    return [
        _Article(
            str(path),
            _clean_field(page.title),
            _date_for(page.date, path, None, report),
            _split_body(page.text),
            # A site name is the page's own source; its URL's domain (what trafilatura gives
            # a page without one) is left to source_from (newslib.outlets).
            source=None if is_url_domain(page.source, page.url) else _clean_field(page.source),
            url=_clean_field(page.url),
            author=_clean_field(page.author),
        )
    ]


def _read_table(
    path: Path,
    fmt: str,
    report: _Report,
    columns: dict[str, str] | None,
    text: str | None = None,
) -> list[_Article]:
    """The articles of a table file: one per row (``text``: the decoded file, except Parquet).
    A bad row is skipped (or repaired) and reported with its line; the others are kept."""
    found = _table_records(path, fmt, report, text, columns)
    if found is None:
        return []
    match, records = found
    if not records and not match.names:
        report.skip(path, None, "no articles in the file")
        return []
    problem = text_problem(match)  # no column is the text, or several could be
    if problem is not None:
        report.skip(path, None, problem)
        return []
    articles = []
    for line, record in records:
        try:
            article = _table_article(record, path, line, report)
        except ParseError:
            raise
        except Exception as error:  # one odd row never costs the file
            reason = f"cannot read this row: {type(error).__name__}: {error}"
            report.skip(path, line, reason, row=True)
            continue
        if article is not None:
            articles.append(article)
    return articles


def _table_records(
    path: Path,
    fmt: str,
    report: _Report,
    text: str | None,
    columns: dict[str, str] | None,
) -> tuple[ColumnMatch, list[tuple[int | None, dict]]] | None:
    """``(columns found, [(line, record), ...])`` of a table file, each record holding
    newslib's fields (``columns``, then the field names and their aliases: see
    :mod:`newslib.columns`); None when the file is skipped. Lines: the header is line 1 of a
    CSV, JSON Lines count every line of the file, a JSON list counts its records, a one-object
    JSON file has none."""
    rename = columns or {}
    try:
        if fmt in ("parquet", "csv", "tsv"):
            if fmt == "parquet":  # from a file, or the bytes of a member (``text``)
                frame = pd.read_parquet(path if text is None else BytesIO(text))
                match = match_columns(list(frame.columns), rename, lambda n: frame[n].tolist())
                rows = pd.DataFrame(
                    {name: frame[column] for name, column in match.fields.items()},
                    index=frame.index,
                )
                return match, [
                    (position + 1, record)
                    for position, record in enumerate(rows.to_dict("records"))
                ]
            names, records = _csv_records(text, "\t" if fmt == "tsv" else ",", path, report)
            where = {name: n for n, name in enumerate(names)}
            match = match_columns(
                names, rename, lambda n: (cells[where[n]] for _, cells in records)
            )
            wanted = [(where[column], name) for name, column in match.fields.items()]
            return match, [
                (line, {name: cells[n] for n, name in wanted}) for line, cells in records
            ]
        if fmt == "jsonl":
            records = _jsonl_records(text, path, report)
        else:
            records = _json_records(text, path, report, rename)
            if records is None:
                return None
    except ParseError:
        raise
    except (ValueError, OSError, RecursionError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        line = getattr(error, "lineno", None) or _error_line(error)
        report.skip(path, line, f"cannot read as {fmt}: {message}")
        return None
    except Exception as error:  # pyarrow and the csv engine raise their own error types
        report.skip(path, None, f"cannot read as {fmt}: {type(error).__name__}: {error}")
        return None
    names = list(dict.fromkeys(k for _, record in records for k in record))
    match = match_columns(names, rename, lambda n: (record.get(n) for _, record in records))
    return match, [(line, match.rename(record)) for line, record in records]


def _csv_records(
    text: str, separator: str, path: Path, report: _Report
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """``(header, [(line, cells), ...])`` of a CSV or TSV text, every cell a string (empty when
    missing). ``line`` is the line a row starts on, counting the lines inside quoted cells.
    A row with more cells than the header (other than empty ones, as a trailing separator
    makes) is skipped and reported with its line; blank lines are no rows."""
    limit = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)  # an article may be longer than the default 128 KB cell
    try:
        reader = csv.reader(StringIO(text, newline=""), delimiter=separator)
        header: list[str] | None = None
        records = []
        start = 1
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            if header is None:
                header = _unique_names(cells)
                continue
            extra = cells[len(header) :]
            if any(cell.strip() for cell in extra):
                reason = f"{len(cells)} cells where the header has {len(header)} columns"
                report.skip(path, line, reason, row=True)
                continue
            cells = cells[: len(header)] + [""] * (len(header) - len(cells))
            records.append((line, cells))
    except csv.Error as error:
        problem = ValueError(str(error))
        problem.lineno = reader.line_num  # read by the caller's report
        raise problem from error
    finally:
        csv.field_size_limit(limit)
    return header or [], records


def _unique_names(names: list[str]) -> list[str]:
    """Column names made unique as pandas does: a repeated ``text`` becomes ``text.1``."""
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        name = name.strip("\ufeff")
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        unique.append(name)
    return unique


def _json_kind(value: Any) -> str:
    kinds = {dict: "object", list: "list", str: "string", bool: "true/false", type(None): "null"}
    return kinds.get(type(value), "number")


def _jsonl_records(text: str, path: Path, report: _Report) -> list[tuple[int, dict]]:
    """One record per non-blank line; a line that is not a JSON object is reported."""
    records = []
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as error:
            reason = f"invalid JSON: {error.msg} (column {error.colno})"
            report.skip(path, number, reason, row=True)
            continue
        except (ValueError, RecursionError) as error:
            report.skip(path, number, f"invalid JSON: {error}", row=True)
            continue
        if not isinstance(value, dict):
            reason = f"not a JSON object (an article) but a {_json_kind(value)}"
            report.skip(path, number, reason, row=True)
            continue
        records.append((number, value))
    return records


def _json_records(
    text: str, path: Path, report: _Report, rename: dict[str, str]
) -> list[tuple[int | None, dict]] | None:
    """A list of articles, an object holding one under ``articles``, ``data`` or ``items``,
    or one article (an object)."""
    value = json.loads(text)
    if isinstance(value, dict):
        match = match_columns(list(value), rename)
        wrapped = [value[k] for k in _WRAPPER_KEYS if isinstance(value.get(k), list)]
        if "text" in match.fields or match.text_candidates or not wrapped:
            return [(None, value)]
        value = wrapped[0]
    if not isinstance(value, list):
        reason = f"not an article (a JSON object) or a list of them but a {_json_kind(value)}"
        report.skip(path, None, reason)
        return None
    records = []
    for number, item in enumerate(value, start=1):
        if isinstance(item, dict):
            records.append((number, item))
        else:
            reason = f"record {number} is not a JSON object (an article) but a {_json_kind(item)}"
            report.skip(path, number, reason, row=True)
    return records


def _as_text(value: Any) -> tuple[str | None, str | None]:
    """A table cell as text: ``(text, problem)``. Bytes (Parquet BINARY columns) are decoded
    as UTF-8, else cp1252; a list or mapping is no text."""
    if isinstance(value, str):
        return value, None
    if value is None:
        return None, None
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        try:
            return raw.decode("utf-8"), None
        except UnicodeDecodeError:
            pass
        try:
            return raw.decode("cp1252"), "bytes that are not UTF-8, decoded as cp1252"
        except UnicodeDecodeError:
            return None, "bytes that are neither UTF-8 nor cp1252"
    if isinstance(value, dict):
        return None, "a mapping (dict), not a string"
    if isinstance(value, list | tuple | set | np.ndarray):
        return None, f"a {'list' if not isinstance(value, set) else 'set'}, not a string"
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None, None
    return str(value), None


def _table_article(
    record: dict[str, Any], path: Path, line: int | None, report: _Report
) -> _Article | None:
    raw, problem = _as_text(record.get("text"))
    if problem is not None and raw is None:
        report.skip(path, line, f"'text' is {problem}", row=True)
        return None
    if problem is not None:
        report.repair(path, line, f"'text' held {problem}")
    text = _split_body(raw or "")
    if not text:
        report.skip(path, line, "row has no text", row=True)
        return None
    fields = {}
    for name in ("title", "source", "url", "author"):
        value = record.get(name)
        if value is None or isinstance(value, str):  # the usual case, first
            fields[name] = _clean_field(value)
            continue
        if isinstance(value, np.ndarray):
            value = value.tolist()
        # An object with a name stands for that name: NewsAPI's source {"id", "name"}, a
        # JSON-LD author {"@type": "Person", "name": ...}.
        if isinstance(value, dict) and "name" in value:
            value = value["name"]
        if isinstance(value, list | tuple):  # e.g. several authors
            value = [_as_text(v.get("name") if isinstance(v, dict) else v)[0] for v in value]
        else:
            value, problem = _as_text(value)
            if problem is not None:
                left = "; left empty" if value is None else ""
                report.repair(path, line, f"{name!r} {'is' if left else 'held'} {problem}{left}")
        fields[name] = _clean_field(value)
    date = _date_for(record.get("date"), path, line, report)
    return _Article(str(path), fields.pop("title"), date, text, **fields, line=line)


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
    data: bytes | None = None,
    charset: str | None = None,
) -> list[_Article]:
    """The articles of one file of the load. ``data``: its content when it is no file on
    disk (a member of an archive, ``path`` a :class:`newslib.archives.MemberPath`), already
    decompressed; ``charset``: the encoding an HTML page's HTTP header declares."""
    # A compressed file's format is told from its name without .gz/.bz2/.xz/.zst.
    name = archives.inner_name(path)
    try:
        size = path.stat().st_size if data is None else len(data)
        if max_bytes is not None and size > max_bytes:
            report.skip(path, None, f"file is {size:,} bytes, over the limit of {max_bytes:,}")
            return []
        if data is None and name is not path and size:
            data = archives.decompress_file(path, max_bytes)
            size = len(data)
        if size == 0:
            report.skip(path, None, "empty file" if name is path else "empty file (decompressed)")
            return []
        if data is not None:
            head = data[:_SNIFF_BYTES]
        else:
            with path.open("rb") as handle:
                head = handle.read(_SNIFF_BYTES)
    except OSError as error:
        report.skip(path, None, f"cannot read: {error.strerror or error}")
        return []
    except archives.Refused as refused:
        report.skip(path, None, str(refused))
        return []
    if _shown(path) != str(path):
        report.repair(
            path,
            None,
            "the file name is not valid UTF-8: shown with \\x escapes for its other bytes",
        )
    auto = fmt == "auto"
    sniffed_html = False
    if auto:
        detected = _detect(name, head)
        if detected is None:
            if _head_looks_binary(head):
                report.skip(path, None, f"binary file ({name.suffix or 'no extension'})")
            else:
                report.skip(
                    path,
                    None,
                    f"unknown format (extension {name.suffix!r}); to read it, pass "
                    "--format text (in Python: format='text') or another format",
                )
            return []
        if detected in ("text", "markdown") and _is_html_page(head):
            detected, sniffed_html = "html", True
        fmt = detected
    if fmt == "parquet":
        return _read_table(path, fmt, report, columns, data)
    try:
        if data is None:
            data = head if len(head) < _SNIFF_BYTES else path.read_bytes()
    except OSError as error:
        report.skip(path, None, f"cannot read: {error.strerror or error}")
        return []
    declared = (charset or _declared_charset(head)) if fmt == "html" else None
    what = fmt if fmt in _TABLE_FORMATS else "text"
    text = _decode(data, path, report, what=what, declared=declared)
    if text is None:
        return []
    if fmt in _TABLE_FORMATS:
        return _read_table(path, fmt, report, columns, text)
    if not text.strip():
        report.skip(path, None, "empty file (only whitespace)")
        return []
    first = text.split("\n", 1)[0]
    if auto and fmt == "text" and first.rstrip("\r").strip() == "---":
        fmt = "markdown"
    elif fmt == "text" and _SEED_START.match(first):
        fmt = "seed"  # an explicit format="text" on a seed-format file still reads its header
    try:
        articles = _TEXT_READERS[fmt](text, path, report)
    except ImportError as error:
        if not sniffed_html:
            raise
        report.skip(path, None, f"an HTML page (it starts with <html>): {error}")
        return []
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


def articles_frame(
    records: list[dict[str, Any]], *, tz: str | None = None, n_words: bool = True
) -> pd.DataFrame:
    """Build a typed article table from dicts with ``title``, ``text`` and optionally ``date``,
    ``path``, ``source``, ``url``, ``author``: computes ``article_id``, ``n_paragraphs`` and
    ``n_words``. The text is used as given (normalise it first with ``normalize_text``).
    ``n_words=False`` leaves ``n_words`` at -1 for a caller that finds the words itself
    (``newslib.analyze`` does, in its workers: a second scan of every text would cost as much).

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
            "n_words": [count_words(x) for x in texts] if n_words else [-1] * len(texts),
            "url": [r.get("url") for r in records],
            "author": [r.get("author") for r in records],
        }
    )
    dtypes = dict(ARTICLE_COLUMNS)
    dtypes.pop("date")
    return frame.astype(dtypes)


def load(
    source: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    format: str = "auto",
    errors: str = "report",
    tz: str | None = None,
    dayfirst: bool = False,
    columns: dict[str, str] | None = None,
    max_bytes: int | None = None,
    source_from: str = "auto",
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
            that zone, aware ones converted to it. A number (or a string of 9 or more digits)
            of 9 to 14 digits is a Unix time in UTC: seconds, or milliseconds from 10**11 on
            (the year 5138 in seconds, 1973 in milliseconds); fewer digits read as a date
            (``2023``, ``20230405``). Words such as ``"now"`` or ``"today"`` and dates without
            a year are unparseable: a date never depends on the day it is read.
        dayfirst: how to read a date whose day and month could be swapped (``04/05/2023``):
            ``False`` (the default, as pandas) reads the month first, ``True`` the day first.
            ISO dates (``2023-04-05``) are always year-month-day. The load report says once
            how many dates were ambiguous and how they were read (status ``note``).
        columns: renames table columns to newslib's names, e.g. ``{"body": "text"}``. It
            wins over the names newslib knows by itself: each field's own name in any case,
            and the aliases of exports such as Media Cloud, NewsAPI and GDELT (``headline``,
            ``body``, ``publishedAt``, ``media_name``, ...: see :mod:`newslib.columns`).
            When two columns could be the text, or none, the file is skipped and the load
            report names the columns and the renaming to pass.
        max_bytes: skip (and report) files larger than this.
        source_from: where ``source`` comes from when a file has none of its own (a table
            column, front matter, an HTML page's site name): ``"auto"`` the file's own, else
            its first folder below the folder named in ``source``, else the URL's domain;
            ``"folder"`` always that folder; ``"domain"`` always the URL's domain; ``"none"``
            only the file's own (see :mod:`newslib.outlets`).
        progress: show a progress bar on stderr (only when it is a terminal).

    Returns:
        Columns ``article_id``, ``path``, ``source``, ``title``, ``date``, ``text``,
        ``n_paragraphs``, ``n_words``, ``url``, ``author``. ``attrs["load_report"]`` has one row
        per skipped or repaired file (or table row) with ``path``, ``line``, ``status`` and
        ``reason`` (and one ``note`` about ambiguous dates, if any); ``attrs["load_summary"]``
        counts files seen, loaded and skipped. What finding the files met is there too: a
        file that cannot be read (a broken link, a named pipe) is seen and ``skipped``, a
        folder that cannot be listed is ``unread`` (counted in ``folders_unread``, not as
        files), a link to a folder not followed (a loop) is a ``note``.
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
        dayfirst=dayfirst,
        columns=columns,
        max_bytes=max_bytes,
        source_from=source_from,
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
    ``record`` is ``None`` once the caller no longer needs the article itself).

    A member of an archive or WARC file is a file of its own, with ``container`` the
    archive's path; the archive itself comes last, with ``members`` (the paths of its
    members, in order), the archive's own rows (notes, damage) and no articles: it counts as
    a file only when ``skipped`` (damaged, not an archive, nothing in it)."""

    path: str
    rows: list[dict[str, Any]]
    skipped: bool
    articles: list[tuple[str, int | None, dict[str, Any] | None]]
    container: str | None = None
    members: list[str] | None = None


def read_articles(
    path: str | os.PathLike,
    format: str = "auto",
    errors: str = "report",
    columns: dict[str, str] | None = None,
    max_bytes: int | None = None,
    dayfirst: bool = False,
) -> FileRead:
    """Read one file's articles (text NFC-normalised, ids computed); runs anywhere, e.g. on
    a Dask worker. :class:`LoadState` then deduplicates across files. Never raises for a bad
    file (unless ``errors="raise"``): whatever goes wrong is in ``rows``, naming the file.

    A compressed file (``a.jsonl.gz``) is one file; an archive or WARC file holds many:
    read it with :func:`read_files` (this raises ``ValueError`` for one).

    Example:
        >>> read = read_articles("seeds/000_0ed1607056b3d6d0.txt")
        >>> len(read.articles), read.skipped, read.articles[0][0]
        (1, False, 'be2d2c146d2faf58')
    """
    path = Path(path)
    if archives.container_kind(path) is not None:
        raise ValueError(f"{_shown(path)} is an archive of files: read it with read_files()")
    return _read_one(path, format, errors, columns, max_bytes, dayfirst)


def read_files(
    path: str | os.PathLike,
    format: str = "auto",
    errors: str = "report",
    columns: dict[str, str] | None = None,
    max_bytes: int | None = None,
    dayfirst: bool = False,
):
    """Read one file of a corpus, yielding a :class:`FileRead` per file of the load: one for
    a plain or compressed file (as :func:`read_articles`); for an archive (``.zip``,
    ``.tar.gz``, ...) or WARC file, one per member (``container`` set), then one for the
    archive itself (``members`` set; see :class:`FileRead`). Members are read one at a time,
    as they are consumed. Arguments are those of :func:`read_articles`.

    Example:
        >>> import tempfile, zipfile
        >>> path = Path(tempfile.mkdtemp()) / "news.zip"
        >>> with zipfile.ZipFile(path, "w") as archive:
        ...     archive.writestr("a.txt", "Title\\n\\nBody.")
        >>> [(Path(read.path).name, len(read.articles)) for read in read_files(path)]
        [('a.txt', 1), ('news.zip', 0)]
    """
    path = Path(path)
    if archives.container_kind(path) is None:
        yield read_articles(path, format, errors, columns, max_bytes, dayfirst)
        return
    shown = _shown(path)
    container = archives.Container(path, max_bytes)
    members = []
    for entry in container:
        fmt = entry.format or format
        read = _read_one(entry.path, fmt, errors, columns, max_bytes, dayfirst, entry)
        read.container = shown
        members.append(read.path)
        yield read
    report = _Report(errors, dayfirst=dayfirst)
    for where, reason in container.notes:  # a note never raises
        report.rows.append(
            {"path": _shown(where), "line": None, "status": "note", "reason": reason}
        )
    if container.damage is not None:
        report.skip(path, None, container.damage)
    yield FileRead(shown, report.rows, container.damage is not None, [], shown, members)


def _read_one(
    path,
    format: str,
    errors: str,
    columns: dict[str, str] | None,
    max_bytes: int | None,
    dayfirst: bool,
    entry: archives.Entry | None = None,
) -> FileRead:
    """Read one file of the load: ``path`` on disk, or a member of an archive (``entry``,
    whose ``path`` is ``path``)."""
    shown = _shown(path)
    report = _Report(errors, dayfirst=dayfirst)
    articles = []
    try:
        if entry is None:
            found = _read_file(path, format, report, columns, max_bytes)
        elif entry.reason is not None:
            report.skip(path, None, entry.reason)
            found = []
        else:
            found = _read_file(
                path, format, report, columns, max_bytes, data=entry.data, charset=entry.charset
            )
            if entry.complete is not None:
                found = entry.complete(found, report)
        for article in found:
            fields = {
                name: _valid_unicode(getattr(article, name), name, article.line, path, report)
                for name in ("title", "text", "source", "url", "author")
            }
            fields["text"] = unicodedata.normalize("NFC", fields["text"])
            record = {"path": shown, **fields, "date": article.date}
            articles.append((article_id(fields["title"], fields["text"]), article.line, record))
    except (ParseError, ImportError, MemoryError):
        raise
    except Exception as error:  # a bug must cost one file, not the load
        articles = []
        report.skip(
            path,
            None,
            f"cannot read: {type(error).__name__}: {error} (a newslib bug: please report it)",
        )
    report.note_ambiguous_dates(path)
    return FileRead(shown, report.rows, shown in report.skipped_files, articles)


_SURROGATES = re.compile("[\ud800-\udfff]")


def _valid_unicode(
    value: str | None, name: str, line: int | None, path: Path, report: _Report
) -> str | None:
    """``value`` with lone surrogates (invalid Unicode, e.g. from a JSON ``\\udcff``)
    replaced by U+FFFD, reported; no table or file could hold them."""
    if value is None or value.isascii() or _SURROGATES.search(value) is None:
        return value
    reason = f"invalid Unicode (lone surrogates) in the {name}: replaced by U+FFFD"
    report.repair(path, line, reason)
    return _SURROGATES.sub("\ufffd", value)


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
        self._notes: dict[str, dict[str, Any]] = {}  # one row per kind of note, for the load
        self._loaded_files = 0
        self._articles = 0
        # Files seen beyond those listed: an archive is listed as one file, its members are
        # files of their own (and the archive itself one more only when it is skipped).
        self._files_beyond = 0

    def accept(self, read: FileRead) -> list[int]:
        """Add one file's reading; return the positions (in ``read.articles``) of its articles
        not seen before."""
        report = self._report
        path = read.path  # a string: a WARC record's path holds a URL's "//"
        for row in read.rows:
            kind = row.get("note")
            if kind is None:
                report.rows.append(row)
            elif kind not in self._notes:  # the first file with such a note: its row stays
                self._notes[kind] = dict(row)
                report.rows.append(self._notes[kind])
            else:  # later files only add to the count
                self._notes[kind]["count"] += row["count"]
                self._notes[kind]["reason"] = _note_reason(self._notes[kind])
        if read.skipped:
            report.skipped_files.add(read.path)
        if read.members is not None:  # an archive, after its members: a file if skipped
            self._files_beyond += read.skipped - 1
            return []
        if read.container is not None:
            self._files_beyond += 1
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
        """Counts so far: files seen, loaded and skipped, articles, repairs. ``files_seen``
        counts the files listed, an archive as one: its members are added as accepted."""
        return {
            "files_seen": files_seen + self._files_beyond,
            "files_loaded": self._loaded_files,
            "files_skipped": len(self._report.skipped_files),
            "articles": self._articles,
            "repaired": sum(1 for r in self._report.rows if r["status"] == "repaired"),
        }


_OUTPUT = "newslib's own output (tables or cache of a run): never read as input"


class LoadStream:
    """Load a corpus chunk by chunk, so memory stays flat however many articles there are.

    Iterating yields article tables (the columns of :func:`load`) of at most ``chunk_size``
    articles, in the same order ``load`` would give; duplicates are dropped across chunks.
    After iteration, ``report`` and ``summary`` hold what ``load`` puts in ``attrs``.
    Arguments are those of :func:`load`. ``files`` lists the files to read and ``state`` is
    the :class:`LoadState`, for an engine that reads the files elsewhere (e.g. on Dask
    workers, with :func:`read_files`) and hands each reading to ``state.accept``. An archive
    is one of ``files``; each of its members is a file of the load (``summary`` counts them
    as they are read).

    With ``cache_dir``, files are parsed once: a file whose path, size and modification time
    are unchanged is taken from :class:`newslib.cache.FileCache` there, not read again (nor
    an unchanged archive: its members come from the cache).
    ``count_words=False`` leaves ``n_words`` at -1 for a caller that counts the words itself
    (``newslib.analyze``'s workers do); with ``cache_dir`` the words are always counted.
    newslib's own output found among the sources (tables and caches, in the ``exclude``
    folders or any folder marked as output) is not read; the report lists it as ``excluded``.
    What finding the files met (see :func:`newslib._paths.expand_sources`) is in the report
    from the start: files that cannot be read as ``skipped`` (and seen), folders that cannot be
    listed as ``unread``, links to folders not followed as ``note``.

    ``listing``: what :func:`newslib._paths.expand_sources` found for ``source`` and
    ``exclude`` (``files``, ``outputs``, ``problems``, as :func:`newslib.manifest.run_key`
    fills it), when already taken: the folders are not walked again.

    ``sources`` (a :class:`newslib.outlets.SourceFiller`) fills in the ``source`` column as
    ``source_from`` says; the chunks come filled in, and an engine that reads the files
    elsewhere fills in its tables with ``sources.fill``.

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
        dayfirst: bool = False,
        columns: dict[str, str] | None = None,
        max_bytes: int | None = None,
        source_from: str = "auto",
        chunk_size: int | None = 1000,
        progress: bool | None = False,
        cache_dir: str | os.PathLike | None = None,
        exclude: Sequence[str | os.PathLike] = (),
        count_words: bool = True,
        listing: dict | None = None,
    ):
        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        check_source_from(source_from)
        if errors not in ("report", "raise"):
            raise ValueError(f"errors must be 'report' or 'raise', not {errors!r}")
        if chunk_size is not None and chunk_size < 1:
            raise ValueError(f"chunk_size must be a positive number, not {chunk_size!r}")
        check_time_zone(tz)  # before any file is read
        if listing is not None:  # the walk of these sources and exclude, already taken
            self.files = list(listing["files"])
            outputs: list[Path] = list(listing["outputs"])
            problems: list[Problem] = list(listing["problems"])
        else:
            outputs, problems = [], []
            self.files = expand_sources(source, exclude=exclude, outputs=outputs, problems=problems)
        # Sources from folders and domains are filled in after reading (and after the file
        # cache): they depend on the folders named, not on the file alone.
        self.sources = SourceFiller(source_roots(source), source_from)
        self._options = (format, columns, max_bytes, dayfirst)
        self._tz = tz
        self._chunk_size = chunk_size
        self._progress = progress
        self.state = LoadState(errors)
        for output in outputs:  # newslib's own tables and caches: no input, not counted as seen
            self.state._report.rows.append(
                {"path": _shown(output), "line": None, "status": "excluded", "reason": _OUTPUT}
            )
        # What the walk found but cannot read: a file is seen and skipped; a folder that cannot
        # be listed is "unread" (its files are unknown: none counted); a link to a folder not
        # followed (a loop, or a folder read under another path) loses nothing: a note.
        self._files_unread = self._folders_unread = 0
        for path, reason, kind in problems:
            if kind == "file":
                self.state._report.skip(path, None, reason)
                self._files_unread += 1
            elif kind == "folder":
                self.state._report.unread(path, reason)
                self._folders_unread += 1
            else:
                self.state._report.rows.append(
                    {"path": _shown(path), "line": None, "status": "note", "reason": reason}
                )
        # False leaves n_words at -1 for a caller that counts each article's words where it
        # finds them anyway (newslib.analyze's workers). Rows for the file cache are always
        # counted (the cache keeps n_words).
        self._count_words = count_words
        self._file_cache = None
        if cache_dir is not None:
            from .cache import FileCache

            self._file_cache = FileCache(
                cache_dir,
                format=format,
                errors=errors,
                tz=tz,
                dayfirst=dayfirst,
                columns=columns,
                max_bytes=max_bytes,
                source_from=source_from,
            )

    def __iter__(self):
        # Kept articles waiting to be yielded, in order, as (rows, positions) pieces: rows of a
        # file cache part, or FRESH (the articles of files read now, made into one frame at
        # once: building a frame per file would cost more than reading the file).
        pieces: list[tuple[Any, list[int]]] = []
        fresh_records: list[dict[str, Any]] = []
        fresh_files: list[tuple[FileRead, tuple[str, int, int] | None]] = []
        waiting = 0
        bar = self.files  # no bar asked for: tqdm (and what it imports) is not even imported
        if self._progress:
            from tqdm import tqdm

            # disable=None turns the bar off when stderr is not a terminal (logs, CI, notebooks).
            bar = tqdm(self.files, desc="loading", unit="file", disable=None, leave=False)
        for path in bar:
            for read, rows, positions in self._readings(path, fresh_records, fresh_files):
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
                    fresh_records.clear()
                    fresh_files.clear()
        yield from self._emit(pieces, fresh_records, fresh_files, final=True)

    def _readings(self, path: Path, fresh_records: list, fresh_files: list):
        """Yield ``(FileRead, rows, positions)`` per file of the load in ``path`` (one, or an
        archive's members then the archive): from the file cache when unchanged, else read now
        (rows ``_FRESH``: their records are added to ``fresh_records``, the readings to
        ``fresh_files`` for the cache)."""
        fmt, columns, max_bytes, dayfirst = self._options
        cache = self._file_cache
        # The key is taken before reading: a file changed meanwhile is read again next time.
        key = file_key(path) if cache is not None else None
        if key is not None and _shown(key[0]) != key[0]:
            key = None  # a name that is not UTF-8 cannot be a key in Parquet: not cached
        hit = cache.lookup(path, key) if key is not None else None
        done = 0
        if hit is not None and hit[0].members is None:
            yield hit
            return
        if hit is not None:  # an archive: its members are keyed by its size and time
            members = [(member, *key[1:]) for member in hit[0].members]
            if all(cache.holds(member) for member in members):
                for member in members:
                    found = cache.lookup(path, member)
                    if found is None:  # damaged meanwhile: read the archive after all
                        break
                    yield found
                    done += 1
                else:
                    yield hit
                    return
        options = (fmt, self.state.errors, columns, max_bytes, dayfirst)
        for number, read in enumerate(read_files(path, *options)):
            if number < done:  # already given from the cache: the same reading
                continue
            start = len(fresh_records)
            fresh_records.extend(record for _, _, record in read.articles)
            # A member's key: its path in the archive, with the archive's size and time.
            fresh_files.append((read, None if key is None else (read.path, *key[1:])))
            yield read, _FRESH, range(start, start + len(read.articles))

    def _emit(self, pieces, fresh_records, fresh_files, *, final: bool):
        """Yield the waiting articles in chunks of ``chunk_size``; keep a last partial chunk
        in ``pieces`` unless ``final``. Files read since the last call go to the cache."""
        count = self._count_words or self._file_cache is not None
        fresh = articles_frame(fresh_records, tz=self._tz, n_words=count)
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
        frames = [take_rows(fresh if rows is _FRESH else rows, taken) for rows, taken in pieces]
        pieces.clear()
        frames = [f for f in frames if len(f)]
        if not frames:
            return
        waiting = _concat_articles(frames, like=fresh) if len(frames) > 1 else frames[0]
        waiting = self.sources.fill(waiting.reset_index(drop=True))
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
        """Counts so far: files seen, loaded and skipped, articles, repairs, and folders that
        could not be listed (``folders_unread``)."""
        summary = self.state.summary(len(self.files) + self._files_unread)
        summary["folders_unread"] = self._folders_unread
        return summary
