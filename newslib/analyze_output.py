"""The tables of a run, written: numbered Parquet parts (and CSV copies) of about
``batch_size`` articles (:class:`_PartWriter`), the articles and quotes parts staged as Arrow
files until the corpus steps (people, near-duplicates) add their columns, the staged and
written parts read back, Parquet whose bytes depend only on the values (:func:`to_parquet`),
CSV copies safe to open in a spreadsheet (:func:`csv_safe`), the load report, and the
finished tables published into ``OUT`` (:func:`newslib.publish.publish`).

Used by :func:`newslib.analyze.analyze_to_folder`; :func:`write_tables` writes tables in
memory (e.g. :func:`newslib.analyze.analyze_tables`'s).
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from . import manifest, publish
from .analyze_runner import _concat
from .cache_parts import _read_frame

__all__ = ["to_parquet", "csv_safe", "write_tables", "TABLES", "CORPUS_TABLES"]

# The tables written for the articles (one row per article, sentence, quotation).
TABLES = ("articles", "sentences", "quotes")
# Tables of the whole corpus, made once every article is analysed (newslib.people).
CORPUS_TABLES = ("people",)


def _write_load_report(staging: Path, report: pd.DataFrame) -> None:
    """The load report of the run, ``OUT/load_report.csv`` (path, line, status, reason), one
    row per file or table row skipped or repaired, folder unread, output left out or note."""
    columns = ["path", "line", "status", "reason"]
    with open(staging / manifest.LOAD_REPORT, "w", encoding="utf-8", newline="") as handle:
        csv_safe(report[columns]).to_csv(handle, index=False, lineterminator="\n")


def _written(csv: bool) -> list[str]:
    """The names of the files and folders a run writes in OUT (the tables, their CSV copies
    with ``csv``, and the load report)."""
    tables = [f"{name}.{suffix}" for name in TABLES + CORPUS_TABLES for suffix in _suffixes(csv)]
    return [*tables, manifest.LOAD_REPORT]


def _suffixes(csv: bool) -> tuple[str, ...]:
    return ("parquet", "csv") if csv else ("parquet",)


class _PartWriter:
    """Writes tables as numbered Parquet parts (plus CSV) of about ``batch_size`` articles; the
    articles and quotes parts wait as staged Arrow files until the corpus steps add their
    columns (:meth:`_rewrite` writes them as Parquet)."""

    def __init__(self, staging: Path, *, csv: bool, batch_size: int):
        self.staging = staging
        self.csv = csv
        self.batch_size = batch_size
        self.rows = dict.fromkeys(TABLES + CORPUS_TABLES, 0)
        self.people_notes: list[str] = []
        self._buffer: list[dict[str, pd.DataFrame]] = []
        self._buffered = 0
        self._parts = 0
        # the sources' facts of the people step, kept beside the tables (never published)
        self._facts = staging / ".source_facts"
        self._facts.mkdir()
        self._fact_parts = 0
        self._writes = _BackgroundWrites()

    def add(self, tables: dict[str, pd.DataFrame]) -> None:
        facts = tables.pop("source_facts")
        _stage(facts, self._facts / f"part-{self._fact_parts:05d}.arrow")
        self._fact_parts += 1
        self._buffer.append(tables)
        self._buffered += len(tables["articles"])
        if self._buffered >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self._buffer:
            return
        for name, table in _concat(self._buffer).items():
            if name in _STAGED:  # written once the corpus steps have added their columns
                staged = self.staging / f".{name}.arrow"
                staged.mkdir(exist_ok=True)
                _stage(table, staged / f"part-{self._parts:05d}.arrow")
            else:
                _write_part(self.staging, name, self._parts, table, csv=self.csv, by=self._writes)
            self.rows[name] += len(table)
        self._buffer, self._buffered = [], 0
        self._parts += 1

    def close(self, lang: str, aliases=None, near_duplicates=None) -> None:
        """Write what is buffered and run the corpus steps: people (``aliases``) and, when
        given, near-duplicates (``near_duplicates()``: ``near_duplicate_of`` by ``article_id``,
        see :meth:`fill_near_duplicates`)."""
        if self._parts == 0 and self._buffer:
            # The whole run is one part, still in memory: the corpus steps read it there and
            # it is written once, with their columns, instead of written, read and rewritten.
            tables = _concat(self._buffer)
            self._buffer, self._buffered = [], 0
            slim = tables["quotes"][list(_PEOPLE_INPUT)]
            table, persons = self._people(slim, tables["articles"], aliases)
            tables["quotes"] = _with_people(tables["quotes"], persons, 0)
            if near_duplicates is not None:
                tables["articles"] = _with_near_duplicates(tables["articles"], near_duplicates())
            for name, part in tables.items():
                _write_part(self.staging, name, 0, part, csv=self.csv, by=self._writes)
                self.rows[name] += len(part)
            self._parts = 1
            self._write_people(table)
            self._writes.wait()
            return
        self.flush()
        if self._parts == 0:  # nothing loaded: still write typed, empty tables
            from .analyze import _analyze_chunk  # (imported on use: it imports this module)

            self.add(_analyze_chunk(_empty_articles(), lang))
            self.flush()
        # the columns of the articles the people step reads, before their parts are rewritten
        articles = _read_parts(
            sorted((self.staging / ".articles.arrow").iterdir()), _ARTICLE_COLUMNS
        )
        # The articles parts first: their Parquet files are written beside the people step.
        if near_duplicates is not None:
            self.fill_near_duplicates(near_duplicates())
        else:  # the staged articles parts, written as they are
            self._rewrite("articles", lambda table, _: table)
        self._add_people(aliases, articles)
        self._writes.wait()

    def abandon(self) -> None:
        """Wait for the Parquet files still being written (a run that failed: its staging
        folder is removed next), their errors dropped (the run's own error is the one told)."""
        self._writes.wait(raise_errors=False)

    def _people(self, slim: pd.DataFrame | list[Path], articles: pd.DataFrame, aliases):
        """The people table of the run's quotes (``slim``: their ``_PEOPLE_INPUT`` columns, or
        the quotes parts to read them from) and articles, with the sources' facts kept beside
        the parts, and row for row with ``slim`` each quotation's ``person_id`` and ``person``
        (two object arrays)."""
        from .people.facts import _sources
        from .people.resolve import _resolve_sources
        from .people.table import _people_from_sources

        articles = articles[[c for c in _ARTICLE_COLUMNS if c in articles.columns]]
        known: dict[str, str] = {}  # the strings of both tables: one object per id or name
        shared = not isinstance(slim, pd.DataFrame)  # every text column read by _read_shared
        if shared:
            # with the facts at hand, only whether a row has a speaker or mention is read of them
            slim = _read_shared(slim, _PEOPLE_INPUT, known, presence=_PRESENCE_ONLY)
        # people.people_and_quotes's steps, with the quotes and facts (millions of rows) freed
        # once their sources are taken out, before the corpus-wide joins and counts.
        facts = _read_shared(sorted(self._facts.iterdir()), known=known)
        sources = _sources(slim, facts, shared=shared)
        del facts
        del known
        index = slim.index
        del slim
        _give_back_memory()
        sources, shown, notes = _resolve_sources(sources, aliases)
        table, persons = _people_from_sources(sources, shown, notes, index, articles, None, aliases)
        self.people_notes = table.attrs.get("aliases_applied", [])
        return table, persons

    def _write_people(self, table: pd.DataFrame) -> None:
        _write_part(self.staging, "people", 0, table, csv=self.csv, by=self._writes)
        self.rows["people"] = len(table)

    def _add_people(self, aliases, articles: pd.DataFrame) -> None:
        """The corpus step: resolve the speakers of the whole quotes table to people, add
        ``person_id`` and ``person`` to its parts (same boundaries) and write the people
        table. Reads the parts written (and ``articles``, the ``_ARTICLE_COLUMNS`` of the
        articles parts), so the result is the same for any batches or jobs."""
        parts = sorted((self.staging / ".quotes.arrow").iterdir())
        _give_back_memory()  # what the batches left free, before the largest step
        # only the columns people() reads (not the quotations' text): memory stays small
        table, persons = self._people(parts, articles, aliases)
        del articles
        _give_back_memory()
        self._rewrite("quotes", lambda piece, start: _with_people(piece, persons, start))
        self._write_people(table)

    def fill_near_duplicates(self, found: pd.Series) -> None:
        """The corpus step of near-duplicates: ``near_duplicate_of`` (``found``, by
        ``article_id``, from one :class:`newslib.duplicates.NearDuplicateIndex` of the whole
        run) into the articles parts written (same boundaries, one part in memory at a time)
        and their CSV copy. The same for any batches, jobs or engine."""
        self._rewrite("articles", lambda table, _: _with_near_duplicates(table, found))

    def _rewrite(self, name: str, add) -> None:
        """Rewrite every part of the table ``name`` written so far as ``add(part, start)``
        (``start``: the part's first row in the whole table) and its CSV copy, one part in
        memory at a time: a corpus step's columns go in with the same part boundaries. The
        staged Arrow parts become the table's Parquet parts and are deleted: once per table."""
        staged = self.staging / f".{name}.arrow"
        parts = sorted(staged.iterdir())
        (self.staging / f"{name}.parquet").mkdir(exist_ok=True)
        with contextlib.ExitStack() as stack:
            handle = None
            if self.csv:
                path = self.staging / f"{name}.csv"
                handle = stack.enter_context(open(path, "w", encoding="utf-8", newline=""))
            start = 0
            for number, part in enumerate(parts):
                table = _read_part(part)
                rows = len(table)
                table = add(table, start)
                target = self.staging / f"{name}.parquet" / f"{part.stem}.parquet"
                self._writes.submit(to_parquet, table, target)
                part.unlink()
                if handle is not None:
                    safe = csv_safe(table)
                    safe.to_csv(handle, index=False, header=number == 0, lineterminator="\n")
                start += rows
        staged.rmdir()


class _BackgroundWrites:
    """Parquet files written by one thread beside this one, in the order submitted.

    Arrow encodes and compresses a Parquet file without holding Python's interpreter lock, so
    while a part is written this process goes on (reads the next batch, runs the corpus
    steps) on the machine's other core. The files' bytes are those :func:`to_parquet` writes
    here; at most ``_WRITES_IN_FLIGHT`` tables wait (memory stays bounded: a submit beyond
    that waits for the oldest). :meth:`wait` returns once every file is written and raises the
    first error a write met.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> writes = _BackgroundWrites()
        >>> writes.submit(to_parquet, pd.DataFrame({"a": [1, 2]}), folder / "t.parquet")
        >>> writes.wait()
        >>> pd.read_parquet(folder / "t.parquet")["a"].tolist()
        [1, 2]
    """

    def __init__(self) -> None:
        self._pool = None
        self._pending: list = []

    def submit(self, write, *args) -> None:
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslib-parquet")
        while len(self._pending) >= _WRITES_IN_FLIGHT:
            self._pending.pop(0).result()
        self._pending.append(self._pool.submit(write, *args))

    def wait(self, raise_errors: bool = True) -> None:
        pending, self._pending = self._pending, []
        error = None
        for future in pending:
            try:
                future.result()
            except BaseException as failure:  # every write waited for before any is raised
                error = error or failure
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        if error is not None and raise_errors:
            raise error


# Tables a _BackgroundWrites holds (being written) at most: each is one part, about batch_size
# articles' rows; the next one is prepared meanwhile.
_WRITES_IN_FLIGHT = 1


def _give_back_memory() -> None:
    """Return the memory freed so far to the system, between the corpus steps: the C
    allocator (glibc's, where there is one) and Arrow's pool keep freed blocks for reuse, and a
    step of millions of rows leaves hundreds of MB so held, which the next step's own peak
    comes on top of. Changes no result; does nothing where neither applies."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, musl, Windows)."""
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):
        return None


def _with_people(piece: pd.DataFrame, persons, start: int) -> pd.DataFrame:
    """A part of the quotes table (its first row: ``start`` of the whole) with the
    ``person_id`` and ``person`` the people step gave its rows (``persons``: two arrays, row for
    row with the whole table)."""
    person_ids, names = persons
    end = start + len(piece)
    return piece.assign(
        person_id=pd.array(person_ids[start:end], dtype="string"),
        person=pd.array(names[start:end], dtype="string"),
    )


def _with_near_duplicates(table: pd.DataFrame, found: pd.Series) -> pd.DataFrame:
    """A part of the articles table with ``near_duplicate_of`` from ``found`` (by id)."""
    return table.assign(near_duplicate_of=table["article_id"].map(found).astype("string"))


def _empty_articles() -> pd.DataFrame:
    from .io import articles_frame

    return articles_frame([])


# The articles' columns the people table uses (its dates, and per-source counts), and the
# quotes table's.
_ARTICLE_COLUMNS = ("article_id", "date", "source")
# Of these, the columns the people step reads only as present or missing (their facts are
# worked out in the workers: newslib.people.source_facts).
_PRESENCE_ONLY = ("speaker", "speaker_mention")
_PEOPLE_INPUT = (
    "article_id",
    "quote_id",
    "kind",
    "n_words",
    "attribution_id",
    "speaker",
    "speaker_mention",
)


def _read_parts(parts: list[Path], columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The ``parts`` (Parquet or staged Arrow files) as one frame: the ``columns`` of them the
    first part has (all when None), so a table's other columns are never read."""
    if columns is not None:
        present = set(_schema(parts[0]).names)
        columns = [c for c in columns if c in present]
    frames = [_read_part(part, columns) for part in parts]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


# Parts of the tables a corpus step adds columns to (articles, quotes) wait for it as
# uncompressed Arrow IPC files (".arrow"), written and read back at about the speed of a copy,
# never published: each is written as Parquet once, with the step's columns (_rewrite).
_STAGED = ("articles", "quotes")


def _stage(table: pd.DataFrame, path: Path) -> None:
    """Write ``table`` (without its index) as an uncompressed Arrow IPC file."""
    import pyarrow as pa

    # one record batch (a frame pieced together from many is many chunks): each column read
    # back is one array
    arrow = pa.Table.from_pandas(table, preserve_index=False).combine_chunks()
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, arrow.schema) as writer:
        writer.write_table(arrow)


def _schema(part: Path):
    """The Arrow schema of a Parquet part or a staged (``.arrow``) one."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if part.suffix == ".arrow":
        with pa.OSFile(str(part)) as source:
            return pa.ipc.open_file(source).schema
    return pq.read_schema(part)


def _part_table(part: Path, columns: Sequence[str] | None = None, dictionary: Sequence[str] = ()):
    """A Parquet or staged part's ``columns`` (all when None) as an Arrow table, those named
    in ``dictionary`` dictionary-encoded."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if part.suffix != ".arrow":
        return pq.ParquetFile(part, read_dictionary=list(dictionary) or None).read(
            columns=columns, use_pandas_metadata=True
        )
    with pa.OSFile(str(part)) as source:
        table = pa.ipc.open_file(source).read_all()
    if columns is not None:
        table = table.select(list(columns))
    for name in dictionary:
        at = table.schema.get_field_index(name)
        table = table.set_column(at, name, table.column(name).dictionary_encode())
    return table


def _read_part(part: Path, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A Parquet or staged part as ``pd.read_parquet`` reads a Parquet part."""
    from .cache_parts import _arrow_to_pandas, _frame_of

    if part.suffix != ".arrow":
        return _read_frame(part, columns)
    if _arrow_to_pandas() is None:  # pandas < 2.3: its own reader of Arrow IPC (Feather v2)
        return pd.read_feather(part, columns=None if columns is None else list(columns))
    return _frame_of([_part_table(part, columns)])


def _read_shared(
    parts: list[Path],
    columns: Sequence[str] | None = None,
    known: dict[str, str] | None = None,
    presence: Sequence[str] = (),
) -> pd.DataFrame:
    """:func:`_read_parts`, with the text columns as object columns (None for missing) in
    which equal strings are one object, across all parts: the people step reads millions of
    rows that repeat few ids, kinds and names, so a row costs a pointer, not its string's bytes
    (as an Arrow string column would). Each part's text is read dictionary-encoded, whose
    values are made Python strings once per part, not once per row. ``known``: the strings
    of an earlier call, to share them with (equal ids of two tables are then compared as one
    object). ``presence``: text columns read as whether each row has a value (a nullable
    boolean column, True or missing: ``notna()`` as of the text), not their text."""
    import pyarrow as pa

    schema = _schema(parts[0])
    names = schema.names if columns is None else [c for c in columns if c in schema.names]
    text = [n for n in names if schema.field(n).type in (pa.string(), pa.large_string())]
    present = [n for n in text if n in presence]
    text = [n for n in text if n not in present]
    others = [n for n in names if n not in text and n not in present]
    known = {} if known is None else known
    pieces: dict[str, list[np.ndarray]] = {n: [] for n in text}
    flags: dict[str, list[np.ndarray]] = {n: [] for n in present}
    frames = []
    for part in parts:
        frames.append(_read_part(part, others))
        table = _part_table(part, text + present, dictionary=text)
        for name in present:
            valid = np.concatenate(
                [c.is_valid().to_numpy(zero_copy_only=False) for c in table.column(name).chunks]
                or [np.zeros(0, dtype=bool)]
            )
            flags[name].append(valid)
        for name in text:
            for chunk in table.column(name).chunks:
                values = chunk.dictionary.to_pylist()
                shared = np.array([known.setdefault(v, v) for v in values] + [None], dtype=object)
                pieces[name].append(shared[chunk.indices.fill_null(len(values)).to_numpy()])
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    for name in text:
        found = pieces.pop(name)  # no chunk at all when every part is empty
        joined = np.concatenate(found) if found else np.empty(0, dtype=object)
        frame[name] = pd.Series(joined, index=frame.index, dtype=object)
    for name in present:
        valid = np.concatenate(flags.pop(name) or [np.zeros(0, dtype=bool)])
        flags_array = pd.arrays.BooleanArray(np.ones(len(valid), dtype=bool), ~valid)
        frame[name] = pd.Series(flags_array, index=frame.index)
    return frame[names]


def _write_csv(table: pd.DataFrame, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv_safe(table).to_csv(handle, index=False, lineterminator="\n")


def _write_part(
    staging: Path,
    name: str,
    number: int,
    table: pd.DataFrame,
    *,
    csv: bool,
    by: _BackgroundWrites | None = None,
):
    """Write part ``number`` of the table ``name`` in ``staging`` (its Parquet file by ``by``,
    when given, else now) and append it to the table's CSV copy when ``csv``."""
    parts = staging / f"{name}.parquet"
    parts.mkdir(exist_ok=True)
    if by is None:
        to_parquet(table, parts / f"part-{number:05d}.parquet")
    else:
        by.submit(to_parquet, table, parts / f"part-{number:05d}.parquet")
    if csv:
        with open(staging / f"{name}.csv", "a", encoding="utf-8", newline="") as handle:
            csv_safe(table).to_csv(handle, index=False, header=number == 0, lineterminator="\n")


def to_parquet(table: pd.DataFrame, path: str | os.PathLike) -> None:
    """Write ``table`` (without its index) as Parquet whose bytes depend only on its values.

    A column pieced together from several frames (e.g. rows from the cache and fresh ones) is
    an Arrow array in several chunks, and the Parquet writer starts pages at chunk boundaries:
    the same values would give other bytes. Columns are made one chunk first.

    Example:
        >>> import io
        >>> whole, pieced = io.BytesIO(), io.BytesIO()
        >>> frame = pd.DataFrame({"t": ["a", "b"] * 3})
        >>> to_parquet(frame, whole)
        >>> to_parquet(pd.concat([frame[:2], frame[2:]], ignore_index=True), pieced)
        >>> whole.getvalue() == pieced.getvalue()
        True
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pandas(table, preserve_index=False).combine_chunks(), path)


# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = r"^[=+\-@\t\r]"


def csv_safe(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every text cell that a spreadsheet would run as a formula (starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) prefixed with ``'``, for the CSV
    copies; the Parquet tables keep the exact values. Numbers are left alone.

    Example:
        >>> csv_safe(pd.DataFrame({"t": ["=1+1", "ok", "-"], "n": [-1, 2, 3]})).to_dict("list")
        {'t': ["'=1+1", 'ok', "'-"], 'n': [-1, 2, 3]}
    """
    safe = table
    for column in table.columns:
        values = table[column]
        if values.dtype != object and not isinstance(
            values.dtype, pd.StringDtype | pd.CategoricalDtype
        ):
            continue  # numbers, dates, booleans: a minus sign is no formula
        texts = values.astype("string")
        risky = texts.str.match(_FORMULA_START).fillna(False).to_numpy(dtype=bool)
        if values.dtype == object:  # only strings: other objects are written as they are
            risky &= values.map(lambda value: isinstance(value, str)).to_numpy(dtype=bool)
        if risky.any():
            if safe is table:
                safe = table.copy()
            neutral = values.astype(object).copy()
            neutral[risky] = "'" + texts[risky]
            safe[column] = neutral
    return safe


def _publish(staging: Path, folder: Path, *, csv: bool) -> None:
    """Move the finished tables into place as one step (:func:`newslib.publish.publish`),
    replacing any earlier run's; without ``csv``, remove the CSV copies of an earlier run
    (they no longer match the tables)."""
    names = _written(csv)
    stale = [f"{name}.csv" for name in TABLES + CORPUS_TABLES if not csv]
    publish.publish(staging, folder, names, remove=stale)


def write_tables(tables: dict[str, pd.DataFrame], out: str | os.PathLike) -> list[Path]:
    """Write each table as ``OUT/<name>.parquet`` and a CSV copy (text cells that would run as
    a spreadsheet formula prefixed with ``'``, see :func:`csv_safe`); return the paths written.

    Files are written to a temporary name and renamed, so a killed run never leaves a
    half-written table behind. The same tables always give byte-identical files.

    Example:
        >>> import tempfile
        >>> paths = write_tables({"t": pd.DataFrame({"a": [1]})}, tempfile.mkdtemp())
        >>> [p.name for p in paths]
        ['t.parquet', 't.csv']
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        for suffix in ("parquet", "csv"):
            target = folder / f"{name}.{suffix}"
            partial = folder / f".{name}.{suffix}.partial"
            if suffix == "parquet":
                to_parquet(table, partial)
            else:
                csv_safe(table).to_csv(partial, index=False, lineterminator="\n")
            os.replace(partial, target)
            written.append(target)
    return written
