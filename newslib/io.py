"""Loading articles from files, folders, globs and tables into one tidy DataFrame.

``load`` is the only place that decides what an article's ``text`` is; every analysis reads
that text and every offset refers to it. The table schema is documented in docs/data-model.md.

The formats (``seed``, ``text``, ``markdown``, ``jsonl``, ``json``, ``csv``, ``tsv``,
``parquet``, ``html``, any of them compressed, and archives and WARC crawls of them) and how
each file is read are ``newslib.formats``'s; this module reads the files of a load with it,
keeps each article once, builds the typed article table and streams it in chunks.

Bad input never raises (unless ``errors="raise"``): see README "Bad input" for what is skipped,
repaired or noted in the load report (``newslib.loadreport``), how bytes are decoded
(``newslib.decoding``) and how dates are read (``newslib.dates``).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import archives
from ._frame import take_rows
from ._paths import FORMATS, Problem, expand_sources, file_key
from .dates import check_time_zone
from .decoding import _decode  # noqa: F401  (tests reach it as newslib.io._decode)

# The reader of one file. It is called through this module's name (_read_one), so a test can
# watch or stop it here (monkeypatch newslib.io._read_file); _TEXT_READERS is the same dict
# the formats use.
from .formats import _TEXT_READERS, _read_file  # noqa: F401
from .loadreport import (
    LoadReport,
    ParseError,
    _note_reason,
    _Report,
    _shown,
    report_frame,
)
from .outlets import SourceFiller, check_source_from, source_roots
from .text import count_words, paragraph_spans

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


def article_id(title: str | None, text: str) -> str:
    """Return the stable id of an article: a hash of its title and text (16 hex digits).

    Example:
        >>> article_id("A title", "Body text.")
        '7c9fbdb046ae9ad8'
    """
    missing = title is None or (pd.api.types.is_scalar(title) and pd.isna(title))
    key = f"{'' if missing else title}\x00{text}".encode()
    return hashlib.sha256(key).hexdigest()[:16]


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
    are unchanged is taken from :class:`newslib.file_cache.FileCache` there, not read again (nor
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
    fills it), when already taken: the folders are not walked again; with ``keys`` (each
    file's path, size and modification time, taken by that walk before any file was read) the
    file cache is looked up by them, without stat'ing every file again.

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
        # Each file's (path, size, mtime_ns) as the walk took it, when it did (the run key's
        # walk): taken before any file was read, as _readings would take it.
        self._keys: list | None = None
        if listing is not None:  # the walk of these sources and exclude, already taken
            self.files = list(listing["files"])
            keys = listing.get("keys")
            if keys is not None and len(keys) == len(self.files):
                self._keys = list(keys)
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
            from .file_cache import FileCache

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
        keys = self._keys
        for number, path in enumerate(bar):
            known = keys[number] if keys is not None else None
            for read, rows, positions in self._readings(path, fresh_records, fresh_files, known):
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

    def _readings(self, path: Path, fresh_records: list, fresh_files: list, known=None):
        """Yield ``(FileRead, rows, positions)`` per file of the load in ``path`` (one, or an
        archive's members then the archive): from the file cache when unchanged, else read now
        (rows ``_FRESH``: their records are added to ``fresh_records``, the readings to
        ``fresh_files`` for the cache). ``known``: the file's key taken by the walk, if any."""
        fmt, columns, max_bytes, dayfirst = self._options
        cache = self._file_cache
        # The key is taken before reading (by the walk, or now). A file whose cached reading
        # matches the walk's key is taken from the cache: a run reads its files as its walk
        # found them (one changed or removed after the walk is the next run's). A file read
        # now is cached only when it still has that key after the read (below), so a reading
        # is never kept under the key of another version of the file.
        key = None
        if cache is not None:
            key = known if known is not None and known[0] == str(path) else file_key(path)
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
            if key is not None and file_key(path) != key:
                key = None  # changed since its key was taken: not kept (read again next time)
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
