"""Reading one file of a load into articles: the formats newslib reads.

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

``_read_file`` reads one file (or an archive's member) into ``_Article`` records, reporting
what it skips or repairs in the load's report (``newslib.loadreport``); bytes are decoded by
``newslib.decoding`` and dates read by ``newslib.dates``. Putting the articles of many files
together (ids, duplicates, the typed table, chunks) is ``newslib.io``'s.
"""

from __future__ import annotations

import csv
import functools
import json
import re
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO, StringIO
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import archives
from .columns import ColumnMatch, match_columns, text_problem
from .dates import _date_for, _parse_iso_date, _parse_long_timestamp
from .decoding import (
    _SNIFF_BYTES,
    _declared_charset,
    _decode,
    _head_looks_binary,
    _is_html_page,
)
from .loadreport import ParseError, _Report, _shown
from .outlets import is_url_domain
from .text import normalize_line, normalize_text

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
