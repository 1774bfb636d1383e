"""Caches of per-article analysis results and of parsed input files, in Parquet, that can be
deleted at any time.

Each analysis keeps its results under ``<cache_dir>/<name>-v<version>-<options hash>/``, one
folder per table. A write adds one *part*: one Parquet file per table,
``<table>/part-<id>.parquet``, each written under a temporary name and renamed into place, then
the part's *record*, ``<index table>/part-<id>.json``, renamed into place last: the commit
point. Only parts with a record are read, so a killed run leaves at most files nobody uses (as
do parts written by newslib before records existed). Two runs sharing a cache write different
parts; an article found in several parts is read from one of them (its results are identical,
analyses being deterministic). Bumping an analysis's version, or changing its options, starts a
new folder and leaves the other analyses' results valid. Parsed input files
(:class:`FileCache`) are kept the same way under ``<cache_dir>/files-v<loader version>-<options
hash>/``.

Checksums: the record lists, for each table's file, its size, the SHA-256 of its bytes and its
Arrow schema (column names and types), and holds a SHA-256 of itself. Before any row of a part
is used, each of its files is checked against the record, and the schema read from the very
bytes that were hashed; a process hashes a file once while its path, size, times (modified,
changed) and inode are unchanged (about one extra read of each part per run). A part that
fails (flipped bytes, a file truncated, missing or swapped for another, a damaged record) is
never used: its articles count as not cached, so they are computed again, and its files are
moved aside to ``<cache folder>/damaged/part-<id>/`` (with ``reason.txt``), where they are not
hashed again and :func:`damaged_parts` lists them.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from ._paths import file_key

__all__ = ["ResultCache", "FileCache", "damaged_parts", "sweep", "DAMAGED"]

# The folder, in each cache folder, that damaged parts are moved to.
DAMAGED = "damaged"
_RECORD_FORMAT = 1
_FILE_TABLES = ("files", "articles")  # FileCache's tables, its index first


class _Damaged(Exception):
    """A part failed verification; the message says why (it goes to ``reason.txt``)."""


# Per process: each file found to be as recorded, as (path, size, mtime_ns, ctime_ns, inode)
# (any write, rename over it or utime changes one of them) -> its SHA-256.
_VERIFIED: dict[tuple[str, int, int, int, int], str] = {}


def _schema_of(source) -> list[list[str]]:
    """A Parquet file's Arrow schema as ``[[column, type], ...]`` (what a record holds)."""
    import pyarrow.parquet as pq

    return [[field.name, str(field.type)] for field in pq.read_schema(source)]


def _digest(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _put(folder: Path, name: str, data: bytes) -> None:
    """Write ``folder/name`` atomically: under a temporary name, then renamed into place."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{name}.{os.getpid()}.tmp"
    temporary.write_bytes(data)
    os.replace(temporary, folder / name)


def _write_part(root: Path, tables: list[tuple[str, pd.DataFrame]]) -> None:
    """Write one part of the cache in ``root``: each table's file (the first table, the index,
    last), then the record listing their sizes, checksums and schemas: the commit point."""
    import pyarrow as pa

    part = f"part-{uuid.uuid4().hex}"
    entries = {}
    for table, frame in (*tables[1:], tables[0]):
        data = frame.to_parquet(None, index=False)
        entries[table] = {
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "schema": _schema_of(pa.BufferReader(data)),
        }
        _put(root / table, f"{part}.parquet", data)
    body = {"format": _RECORD_FORMAT, "tables": entries}
    record = json.dumps({**body, "sha256": _digest(body)}, sort_keys=True)
    _put(root / tables[0][0], f"{part}.json", record.encode())


def _read_record(path: Path, tables: tuple[str, ...]) -> dict[str, dict] | None:
    """The checked entries (table -> size, sha256, schema) of a part's record, or None when a
    later newslib wrote it (not used, not damaged). Raises ``_Damaged``, or ``OSError`` when
    the record cannot be read (gone: the cache was cleared, or the part was set aside)."""
    data = path.read_bytes()
    try:
        body = json.loads(data)
        if not isinstance(body, dict):
            raise ValueError("not a JSON object")
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError included
        raise _Damaged(f"record: not a record ({error})") from None
    version = body.get("format")
    if isinstance(version, int) and version > _RECORD_FORMAT:
        return None
    check = body.pop("sha256", None)
    if check != _digest(body):
        raise _Damaged("record: its checksum does not match (the record was changed)")
    entries = body.get("tables")
    if (
        version != _RECORD_FORMAT
        or not isinstance(entries, dict)
        or sorted(entries) != sorted(tables)
        or not all(
            isinstance(e, dict) and {"size", "sha256", "schema"} <= e.keys()
            for e in entries.values()
        )
    ):
        raise _Damaged(f"record: it does not list the tables {', '.join(tables)}")
    return entries


def _verified(path: Path, entry: dict):
    """What ``pd.read_parquet`` is to read for the table file ``path``: the path itself if
    this process found it as recorded before (same size, times and inode), else its
    bytes, checked now (a ``pyarrow.BufferReader``: what is read is what was hashed).

    Raises ``_Damaged`` unless the file has the size, SHA-256 and Arrow schema of ``entry``
    (its record's); ``OSError`` when it cannot be read now."""
    import pyarrow as pa

    table = path.parent.name
    try:
        with open(path, "rb") as file:
            stat = os.fstat(file.fileno())
            key = (str(path), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
            if _VERIFIED.get(key) == entry["sha256"]:
                return path
            if stat.st_size != entry["size"]:
                raise _Damaged(f"{table}: {stat.st_size} bytes, {entry['size']} recorded")
            data = file.read()
    except FileNotFoundError:
        raise _Damaged(f"{table}: the file is missing") from None
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise _Damaged(f"{table}: the checksum does not match (bytes changed since written)")
    try:
        schema = _schema_of(pa.BufferReader(data))
    except Exception as error:
        raise _Damaged(f"{table}: not Parquet ({error})") from None
    if schema != entry["schema"]:
        raise _Damaged(f"{table}: the schema {schema} is not the recorded {entry['schema']}")
    _VERIFIED[key] = entry["sha256"]
    return pa.BufferReader(data)


def _set_aside(root: Path, tables: tuple[str, ...], part: str, reason: str) -> bool:
    """Move a damaged part to ``root/damaged/<part>/``: its record first (from then on no
    process uses the part), then its tables' files, then ``reason.txt``. Returns whether this
    process moved it (not when another process did first, or the cache was deleted)."""
    aside = root / DAMAGED / part
    try:
        aside.parent.mkdir(exist_ok=True)  # not parents=True: a deleted cache stays deleted
        aside.mkdir(exist_ok=True)
        os.replace(root / tables[0] / f"{part}.json", aside / "record.json")
    except OSError:
        return False
    for table in tables:
        try:
            os.replace(root / table / f"{part}.parquet", aside / f"{table}.parquet")
        except OSError:  # missing: maybe that is the damage
            pass
    try:
        _put(aside, "reason.txt", f"{reason}\n".encode())
    except OSError:
        pass
    return True


def damaged_parts(cache_dir: str | os.PathLike) -> list[Path]:
    """The parts of the caches in ``cache_dir`` that failed verification (see the module's
    description) and were set aside, sorted: one folder each, ``<cache folder>/damaged/part-<id>/``,
    holding the part's ``record.json``, the files of its tables that were there
    (``<table>.parquet``) and ``reason.txt``. Their articles were computed again; the folders
    are kept only for inspection and can be deleted at any time.

    Runs analyse in worker processes, so this is how a run learns what they set aside: list the
    parts before and after it.

    Example:
        >>> import tempfile
        >>> cache = ResultCache(tempfile.mkdtemp(), "demo", version=1, tables=("summary",))
        >>> cache.store({"summary": pd.DataFrame({"article_id": ["a"], "x": [1.5]})})
        >>> part = next(cache.root.glob("summary/part-*.parquet"))
        >>> _ = part.write_bytes(part.read_bytes()[:-1])  # its last byte lost
        >>> cache.load(["a"])[1]  # "a" is not cached any more: it will be computed again
        set()
        >>> [aside] = damaged_parts(cache.root.parent)
        >>> aside.parent.name, (aside / "reason.txt").read_text().split(":")[0]
        ('damaged', 'summary')
    """
    found = Path(cache_dir).glob(f"*/{DAMAGED}/part-*/record.json")
    return sorted(record.parent for record in found)


# A file of a part without a record is being written, or was left by a killed run: after this
# long (seconds) it is taken to be left over. Generous, for shared caches and slow disks.
LEFTOVER_AGE = 3600


def sweep(cache_dir: str | os.PathLike, *, older_than: float = LEFTOVER_AGE) -> list[Path]:
    """Delete what killed runs left in the caches of ``cache_dir``: files of parts that never
    got their record, and temporary files, last changed over ``older_than`` seconds ago (a
    younger one may be another run's write in progress). Returns what was deleted.

    Example:
        >>> import tempfile, time
        >>> cache = ResultCache(tempfile.mkdtemp(), "demo", version=1, tables=("summary",))
        >>> cache.store({"summary": pd.DataFrame({"article_id": ["a"], "x": [1.5]})})
        >>> orphan = cache.root / "summary" / "part-0123.parquet"  # a killed run's file
        >>> _ = orphan.write_bytes(b"...")
        >>> os.utime(orphan, (time.time() - 7200,) * 2)
        >>> [p.name for p in sweep(cache.root.parent)], cache.load(["a"])[1]
        (['part-0123.parquet'], {'a'})
    """
    import time

    deadline = time.time() - older_than
    removed = []
    for root in sorted(Path(cache_dir).glob("*-v*-*")):
        if not root.is_dir():
            continue
        folders = [f for f in sorted(root.iterdir()) if f.is_dir() and f.name != DAMAGED]
        recorded = {r.name[: -len(".json")] for f in folders for r in f.glob("part-*.json")}
        for folder in folders:
            for path in sorted(folder.iterdir()):
                name = path.name
                leftover = (name.startswith(".") and name.endswith(".tmp")) or (
                    name.startswith("part-")
                    and name.endswith(".parquet")
                    and name[: -len(".parquet")] not in recorded
                )
                try:
                    if leftover and path.is_file() and path.stat().st_mtime < deadline:
                        path.unlink()
                        removed.append(path)
                except OSError:  # gone meanwhile, or not ours to delete: left as it is
                    continue
    return removed


class _Owners:
    """Article id -> the part holding it, the first part added winning (what ``setdefault``
    over the parts' ids, in the order added, gives): :meth:`lookup` and :meth:`add`.

    Kept as a sorted array of the ids' UTF-8 bytes and one of part numbers, searched with
    ``numpy.searchsorted``: about 21 bytes an id (newslib's ids are 16 characters) where a dict
    and its string objects took about 90. A run reads every cache's index in the main process
    and in every worker: at 100,000 articles that is some 20 MiB less in each.

    Example:
        >>> owners = _Owners()
        >>> owners.add([("part-b", ["x", "y"]), ("part-a", ["y", "z"])])
        >>> owners.lookup(["y", "z", "w"])
        ['part-b', 'part-a', None]
    """

    def __init__(self) -> None:
        self.parts: list[str] = []  # part names, by number
        self._keys = np.empty(0, dtype="S1")  # sorted, each id once (see _keys_of)
        self._where = np.empty(0, dtype=np.int32)  # its part's number
        self._other: dict = {}  # ids that are not strings (not written by newslib): a dict

    @staticmethod
    def _keys_of(ids: list[str]) -> np.ndarray:
        # Each id's UTF-8 bytes and one more byte: NumPy's fixed-width bytes drop trailing NULs,
        # so no key ends with one (ids ending in NUL stay apart from those without it).
        return np.array([i.encode("utf-8", "surrogatepass") + b"\x01" for i in ids], dtype=bytes)

    def _positions(self, keys: np.ndarray) -> np.ndarray:
        """Where each of ``keys`` is in ``_keys``, or -1."""
        if not len(self._keys) or not len(keys):
            return np.full(len(keys), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        return np.where(self._keys[at] == keys, at, -1)

    def add(self, parts: list[tuple[str, list[str]]]) -> None:
        """Add parts (name, its ids), in order: an id held already keeps its part."""
        keys, where = [], []
        for part, ids in parts:
            number = len(self.parts)
            self.parts.append(part)
            text = [i for i in ids if isinstance(i, str)]
            if len(text) < len(ids):
                for identity in ids:
                    if not isinstance(identity, str):
                        self._other.setdefault(identity, number)
            if text:
                keys.append(self._keys_of(text))
                where.append(np.full(len(text), number, dtype=np.int32))
        if not keys:
            return
        new = np.concatenate(keys) if len(keys) > 1 else keys[0]
        numbers = np.concatenate(where)
        order = np.argsort(new, kind="stable")  # equal ids stay in the order added
        new, numbers = new[order], numbers[order]
        first = np.ones(len(new), dtype=bool)
        first[1:] = new[1:] != new[:-1]
        first &= self._positions(new) < 0
        new, numbers = new[first], numbers[first]
        width = max(self._keys.dtype.itemsize, new.dtype.itemsize)
        at = np.searchsorted(self._keys, new)
        self._keys = np.insert(self._keys.astype(f"S{width}", copy=False), at, new)
        self._where = np.insert(self._where, at, numbers)

    def lookup(self, ids: list) -> list[str | None]:
        """The part holding each of ``ids``, or None."""
        found: list[str | None] = [None] * len(ids)
        text = [n for n, i in enumerate(ids) if isinstance(i, str)]
        if len(text) < len(ids) and self._other:
            for n, identity in enumerate(ids):
                if not isinstance(identity, str) and identity in self._other:
                    found[n] = self.parts[self._other[identity]]
        if text:
            at = self._positions(self._keys_of([ids[n] for n in text]))
            for n, position in zip(text, at.tolist(), strict=True):
                if position >= 0:
                    found[n] = self.parts[self._where[position]]
        return found

    def remove(self, part: str) -> None:
        """Forget ``part``: its ids are held by no part any more."""
        numbers = [n for n, name in enumerate(self.parts) if name == part]
        kept = ~np.isin(self._where, numbers)
        self._keys, self._where = self._keys[kept], self._where[kept]
        self._other = {i: n for i, n in self._other.items() if n not in numbers}


class _Seen:
    """What this process has read of one result cache's records."""

    def __init__(self) -> None:
        self.names: set[str] = set()  # records read (whether their parts are used or not)
        self.entries: dict[str, dict] = {}  # part -> its record's entries, for parts in use
        self.owner = _Owners()  # article id -> first part (by name) holding it
        self.size: dict[str, int] = {}  # part -> how many articles its index holds


# Per process: index-table folder -> what was read of its records.
_KNOWN: dict[str, _Seen] = {}


def _records(folder: Path) -> list[str]:
    try:
        return sorted(
            n for n in os.listdir(folder) if n.startswith("part-") and n.endswith(".json")
        )
    except (FileNotFoundError, NotADirectoryError):
        return []


def _arrow_to_pandas():
    """pandas's own conversion of an Arrow table read from Parquet (what ``pd.read_parquet``
    calls), or None when this pandas has none to call (pandas < 2.3)."""
    try:
        from pandas.io._util import arrow_table_to_pandas
    except ImportError:
        return None
    return arrow_table_to_pandas


def _read_arrow(source, columns=None, ids: list[str] | None = None):
    """The Arrow table ``pq.read_table(source, columns=columns, use_pandas_metadata=True)``
    gives (with ``ids``: only the rows of those ``article_id``, in file order, as the filter
    ``("article_id", "in", ids)`` keeps them), read as one file: ``read_table`` builds a
    dataset for each call, whose set-up and filtered scan cost more than reading a part of a
    few hundred articles (about half of a rerun's reading of the cache)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.ParquetFile(source).read(columns=columns, use_pandas_metadata=True)
    if ids is not None:
        column = table.column("article_id")
        table = table.filter(pc.is_in(column, value_set=pa.array(ids, type=column.type)))
    return table


def _read_frame(source, columns=None) -> pd.DataFrame:
    """``pd.read_parquet(source, columns=columns)``, read as one file (:func:`_read_arrow`)."""
    if _arrow_to_pandas() is None:
        return pd.read_parquet(source, columns=columns)
    return _frame_of([_read_arrow(source, columns)])


def _frame_of(tables: list) -> pd.DataFrame:
    """Arrow ``tables`` (pieces of one cached table, read from its parts) as one frame, the
    same as ``pd.concat`` of ``pd.read_parquet`` of each piece: pieces of one schema are joined
    as Arrow first and made a frame once (converting piece by piece cost more than reading).
    Pieces already frames (a pandas without :func:`_arrow_to_pandas`) are concatenated."""
    if isinstance(tables[0], pd.DataFrame):
        return pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    import pyarrow as pa

    arrow_table_to_pandas = _arrow_to_pandas()
    first = tables[0].schema
    same = all(t.schema.equals(first, check_metadata=True) for t in tables[1:])
    if same and not (first.metadata and b"PANDAS_ATTRS" in first.metadata):
        return arrow_table_to_pandas(pa.concat_tables(tables) if len(tables) > 1 else tables[0])
    frames = []
    for table in tables:  # as pd.read_parquet makes each
        frame = arrow_table_to_pandas(table)
        attrs = (table.schema.metadata or {}).get(b"PANDAS_ATTRS")
        if attrs is not None:
            frame.attrs = json.loads(attrs)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


class ResultCache:
    """Cached results of one analysis (one version, one set of options).

    ``tables`` names the analysis's tables; the first one (the index) has exactly one row per
    analysed article, the others any number of rows per article. All have ``article_id``.

    Example:
        >>> import tempfile
        >>> cache = ResultCache(tempfile.mkdtemp(), "demo", version=1, tables=("summary",))
        >>> cache.store({"summary": pd.DataFrame({"article_id": ["a"], "x": [1.5]})})
        >>> found, ids = cache.load(["a", "b"])
        >>> sorted(ids), found["summary"]["x"].tolist()
        (['a'], [1.5])
    """

    def __init__(
        self,
        directory: str | os.PathLike,
        name: str,
        *,
        version: int | str,
        tables: tuple[str, ...],
        options: dict | None = None,
    ):
        digest = hashlib.sha256(
            json.dumps(options or {}, sort_keys=True, default=str).encode()
        ).hexdigest()[:10]
        self.root = Path(directory) / f"{name}-v{version}-{digest}"
        self.tables = tables

    def _seen(self) -> _Seen:
        """What this process knows of the parts: each part's record and which article ids its
        index holds (each article's first part, by name, is the one it is read from).

        Parts never change once their record is in place, so each process reads a record and
        its part's ids once (``_KNOWN``), the index file checked first; later calls only read
        records that appeared since. Without this, every chunk of a run re-read every part:
        quadratic in the corpus size. A damaged part is set aside, its articles not held.
        """

        index = self.tables[0]
        folder = self.root / index
        names = _records(folder)
        seen = _KNOWN.get(str(folder))
        if seen is None or not seen.names.issubset(names):  # parts deleted (cache cleared)
            seen = _KNOWN[str(folder)] = _Seen()
        added = []  # (part, its ids), in name order
        for name in names:
            if name in seen.names:
                continue
            part = name.removesuffix(".json")
            try:
                entries = _read_record(folder / name, self.tables)
                if entries is not None:
                    source = _verified(folder / f"{part}.parquet", entries[index])
                    ids = _read_arrow(source, ["article_id"]).column(0).to_pylist()
            except _Damaged as damage:
                if not _set_aside(self.root, self.tables, part, str(damage)):
                    seen.names.add(name)  # could not be moved: at least not hashed again here
                continue
            except OSError:  # cannot be read now (or was just removed): tried again later
                continue
            except Exception:  # as recorded, yet unusable (not written by this code): unused
                seen.names.add(name)
                continue
            seen.names.add(name)
            if entries is None:  # written by a later newslib
                continue
            seen.entries[part] = entries
            seen.size[part] = len(ids)
            added.append((part, ids))
        seen.owner.add(added)
        return seen

    def holds(self, article_ids: Iterable[str]) -> list[bool]:
        """Which of ``article_ids`` have cached results (reads only the index).

        Example:
            >>> import tempfile
            >>> cache = ResultCache(tempfile.mkdtemp(), "demo", version=1, tables=("summary",))
            >>> cache.store({"summary": pd.DataFrame({"article_id": ["a"], "x": [1.5]})})
            >>> cache.holds(["a", "b"])
            [True, False]
        """
        return [part is not None for part in self._seen().owner.lookup(list(article_ids))]

    def load(self, article_ids: Iterable[str]) -> tuple[dict[str, pd.DataFrame], set[str]]:
        """Return ``(tables, found)``: the cached rows of the wanted articles and their ids
        (a table is None when no article was found). Every file of a part is checked against
        the part's record before its rows are used; the articles of a damaged part are not
        found (and the part is set aside, see :func:`damaged_parts`).

        Example:
            >>> import tempfile
            >>> cache = ResultCache(tempfile.mkdtemp(), "demo", version=1, tables=("s", "t"))
            >>> cache.store(
            ...     {
            ...         "s": pd.DataFrame({"article_id": ["a", "b"], "x": [1.5, 2.5]}),
            ...         "t": pd.DataFrame({"article_id": ["b", "b"], "y": [1, 2]}),
            ...     }
            ... )
            >>> found, ids = cache.load(["b", "c"])
            >>> ids, found["s"]["x"].tolist(), found["t"]["y"].tolist()
            ({'b'}, [2.5], [1, 2])
        """

        seen = self._seen()
        as_arrow = _arrow_to_pandas() is not None  # else frames, as before
        by_part: dict[str, list[str]] = {}
        wanted = list(dict.fromkeys(article_ids))
        for identity, part in zip(wanted, seen.owner.lookup(wanted), strict=True):
            if part is not None:
                by_part.setdefault(part, []).append(identity)
        frames: dict[str, list] = {table: [] for table in self.tables}  # Arrow tables (or frames)
        found_ids: set[str] = set()
        # Parts in the order their first article is wanted: a run's parts were written chunk
        # by chunk in load order, so the rows mostly come in the order wanted (the caller
        # orders them all the same).
        for part, ids in by_part.items():
            entries = seen.entries[part]
            # Every article of the part wanted (and read from it): no filter, all its rows.
            whole = len(ids) == seen.size[part]
            try:
                pieces = {}
                for table in self.tables:
                    source = _verified(self.root / table / f"{part}.parquet", entries[table])
                    filters = None if whole else [("article_id", "in", ids)]
                    if as_arrow:
                        pieces[table] = _read_arrow(source, ids=None if whole else ids)
                    else:
                        pieces[table] = pd.read_parquet(source, filters=filters)
            except _Damaged as damage:  # never used: set aside, its articles recomputed
                _set_aside(self.root, self.tables, part, str(damage))
                self._forget(seen, part)
                continue
            except Exception:  # cannot be read now: its articles are recomputed
                self._forget(seen, part)
                continue
            for table, piece in pieces.items():
                frames[table].append(piece)
            found_ids.update(ids)
        found = {table: _frame_of(parts) if parts else None for table, parts in frames.items()}
        return found, found_ids

    def _forget(self, seen: _Seen, part: str) -> None:
        """No longer read ``part`` in this process (its articles are not held any more)."""
        seen.entries.pop(part, None)
        seen.size.pop(part, None)
        seen.owner.remove(part)
        if not (self.root / self.tables[0] / f"{part}.json").exists():
            seen.names.discard(f"{part}.json")  # set aside: no longer listed

    def store(self, tables: dict[str, pd.DataFrame]) -> None:
        """Write one new part holding these tables (each atomically, the index last, then the
        part's record with their checksums and schemas: only then is the part used).

        Example:
            >>> import tempfile
            >>> cache = ResultCache(tempfile.mkdtemp(), "demo", version=1, tables=("summary",))
            >>> cache.store({"summary": pd.DataFrame({"article_id": ["a"], "x": [1.5]})})
            >>> sorted(p.suffix for p in (cache.root / "summary").iterdir())
            ['.json', '.parquet']
        """
        _write_part(self.root, [(table, tables[table]) for table in self.tables])


# Article rows of parsed files a FileCache keeps read at once (a few parts; see _part).
_KEEP_ROWS = 12_000


def _rows_by_file(files: pd.Series, positions: np.ndarray) -> dict[str, np.ndarray]:
    """Each file's rows of a file cache part, in their positions' order (ties: row order), as
    ``groupby("_file").indices`` and a stable sort of each group by position give them, found
    with one factorize and one sort (not a Python step per row). Rows without a file: none.

    Example:
        >>> found = _rows_by_file(pd.Series(["b", "a", "b", None]), np.array([1, 0, 0, 0]))
        >>> {path: rows.tolist() for path, rows in found.items()}
        {'b': [2, 0], 'a': [1]}
    """
    codes, uniques = pd.factorize(files)
    order = np.lexsort((positions, codes))  # by file, then position; stable
    order = order[codes[order] >= 0]
    starts = np.flatnonzero(np.diff(codes[order], prepend=-1))
    groups = np.split(order, starts[1:])
    return {uniques[codes[group[0]]]: group for group in groups if len(group)}


class FileCache:
    """Parsed input files, so a rerun does not read, decode and parse unchanged files again.

    An entry is keyed by the file's path, size and modification time (taken before it was
    read) under one set of load ``options`` and one loader version. It holds what reading the
    file gave (report rows, whether it was skipped, each article's id and table line) and the
    typed article rows, text included. A member of an archive is keyed by its path in the
    archive (``a.zip/x.txt``) with the archive's size and time, and the archive by its own key
    lists its members: an unchanged archive is not opened again, a changed one is read whole.
    Stored like :class:`ResultCache`: Parquet parts under
    ``<cache_dir>/files-v<version>-<options hash>/``, rows first, index last, then the record
    (``files/part-<id>.json``), atomic renames; parts are checked the same way before use.

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> from newslib.io import LoadStream
        >>> cache_dir = tempfile.mkdtemp()
        >>> first = list(LoadStream("seeds", cache_dir=cache_dir))[0]
        >>> cache = FileCache(cache_dir)  # the same (default) load options
        >>> read, rows, positions = cache.lookup(Path("seeds/000_0ed1607056b3d6d0.txt"))
        >>> rows.iloc[positions]["title"].tolist() == first["title"].tolist(), read.skipped
        (True, False)
    """

    def __init__(
        self,
        directory: str | os.PathLike,
        *,
        format: str = "auto",
        errors: str = "report",
        tz: str | None = None,
        dayfirst: bool = False,
        columns: dict[str, str] | None = None,
        max_bytes: int | None = None,
        source_from: str = "auto",
    ):
        from ._versions import LOADER_VERSION

        # The load options (those of newslib.load): another option can mean other articles.
        # (The cache keeps each file's own source, source_from fills in the rest after it;
        # it is in the key all the same, as every load option is.)
        options = dict(format=format, errors=errors, tz=tz, dayfirst=dayfirst, max_bytes=max_bytes)
        options["columns"] = columns or None  # no renaming, however it is spelled
        options["source_from"] = source_from
        digest = hashlib.sha256(
            json.dumps(options, sort_keys=True, default=str).encode()
        ).hexdigest()[:10]
        self.root = Path(directory) / f"files-v{LOADER_VERSION}-{digest}"
        self._index: dict[tuple[str, int, int], tuple[str, int]] | None = None
        self._entries: dict[str, dict] = {}  # part -> its record's entries
        self._parts: dict[str, tuple[dict, pd.DataFrame, dict]] = {}  # in use order

    def _load_index(self) -> dict[tuple[str, int, int], tuple[str, int]]:
        """File key -> (part, row of its ``files`` table), from the parts whose record and
        ``files`` table are as recorded (a damaged part is set aside: its files are read)."""
        if self._index is None:
            self._index = {}
            folder = self.root / "files"
            for name in _records(folder):
                part = name.removesuffix(".json")
                try:
                    entries = _read_record(folder / name, _FILE_TABLES)
                    if entries is None:  # written by a later newslib
                        continue
                    source = _verified(folder / f"{part}.parquet", entries["files"])
                    table = _read_arrow(source, ["path", "size", "mtime_ns"])
                except _Damaged as damage:
                    _set_aside(self.root, _FILE_TABLES, part, str(damage))
                    continue
                except Exception:  # unreadable: its files are read again
                    continue
                self._entries[part] = entries
                columns = [table.column(c).to_pylist() for c in ("path", "size", "mtime_ns")]
                for row, key in enumerate(zip(*columns, strict=True)):
                    self._index.setdefault(key, (part, row))
        return self._index

    def _part(self, name: str) -> tuple[dict, pd.DataFrame, dict]:
        if name not in self._parts:
            entries = self._entries[name]

            # Column lists, not a frame: a file's record is then a few list lookups, where
            # ``frame.iloc[row]`` cost more than the rest of a cached file's load.
            files = _read_arrow(
                _verified(self.root / "files" / f"{name}.parquet", entries["files"])
            ).to_pydict()
            articles = _read_frame(
                _verified(self.root / "articles" / f"{name}.parquet", entries["articles"])
            )
            rows_of = _rows_by_file(articles["_file"], articles["_position"].to_numpy())
            articles = articles.drop(columns=["_file", "_position"])
            self._parts[name] = (files, articles, rows_of)
            # A few parts stay read, the latest used last: files edited since the first run sit
            # in small parts of their own, and a walk that alternates between those and a big
            # part must not read the big one again after each edited file. Memory stays flat:
            # beyond _KEEP_ROWS article rows the least recently used parts are dropped.
            held = sum(len(part[1]) for part in self._parts.values())
            while len(self._parts) > 1 and held > _KEEP_ROWS:
                oldest = next(iter(self._parts))
                held -= len(self._parts.pop(oldest)[1])
        else:
            self._parts[name] = self._parts.pop(name)  # most recently used last
        return self._parts[name]

    def _drop(self, name: str) -> None:
        """Use part ``name`` no more: its files are read again."""
        self._entries.pop(name, None)
        if self._index is not None:
            self._index = {key: at for key, at in self._index.items() if at[0] != name}

    def holds(self, key: tuple[str, int, int]) -> bool:
        """Whether a file (or archive member) with this key is cached, as far as the index
        of the cache's parts says (:meth:`lookup` still checks the part itself).

        Example:
            >>> import tempfile
            >>> FileCache(tempfile.mkdtemp()).holds(("a.txt", 1, 2))
            False
        """
        return key in self._load_index()

    def lookup(self, path: Path, key: tuple[str, int, int] | None = None):
        """Return ``(FileRead, rows, positions)`` for an unchanged cached file, else None:
        the file's article rows are ``rows.iloc[positions]`` (``rows`` is shared by the files
        of one part, so many files' rows can be taken at once). The part is checked against
        its record first: a damaged one is set aside and gives None.

        ``key`` is :func:`newslib._paths.file_key` of the file if already taken.

        Example:
            >>> import tempfile
            >>> from pathlib import Path
            >>> from newslib.io import LoadStream
            >>> cache_dir = tempfile.mkdtemp()
            >>> _ = list(LoadStream("seeds", cache_dir=cache_dir))
            >>> FileCache(cache_dir).lookup(Path("seeds/000_0ed1607056b3d6d0.txt"))[2]
            array([0])
            >>> FileCache(cache_dir).lookup(Path("README.md")) is None  # never read
            True
        """
        from .io import FileRead

        key = key or file_key(path)
        entry = self._load_index().get(key) if key else None
        if entry is None:
            return None
        name, row = entry
        try:
            files, articles, rows_of = self._part(name)
        except _Damaged as damage:  # never used: set aside, the file is read again
            _set_aside(self.root, _FILE_TABLES, name, str(damage))
            self._drop(name)
            return None
        except Exception:  # cannot be read now: the file is read again
            self._drop(name)
            return None
        listed = [(identity, line, None) for identity, line in json.loads(files["articles"][row])]
        positions = rows_of.get(key[0], np.empty(0, dtype=np.int64))
        if len(positions) != len(listed):
            return None
        read = FileRead(key[0], json.loads(files["rows"][row]), bool(files["skipped"][row]), listed)
        # An archive's member (``container``) or the archive itself (``members``).
        container, members = (
            files[column][row] if column in files else None for column in ("container", "members")
        )
        read.container = container if isinstance(container, str) else None
        read.members = json.loads(members) if isinstance(members, str) else None
        return read, articles, positions

    def store(self, reads: list, keys: list[tuple[str, int, int]], rows: pd.DataFrame) -> None:
        """Write one part: each file's reading (``reads``, keyed by ``keys``) and ``rows``,
        the article rows of all of them with ``_file`` and ``_position`` columns.

        Example:
            >>> import tempfile
            >>> from newslib.io import articles_frame, read_articles
            >>> path = Path("seeds/000_0ed1607056b3d6d0.txt")
            >>> read = read_articles(path)
            >>> rows = articles_frame([record for _, _, record in read.articles])
            >>> cache = FileCache(tempfile.mkdtemp())
            >>> cache.store([read], [file_key(path)], rows.assign(_file=str(path), _position=0))
            >>> FileCache(cache.root.parent).lookup(path)[0].articles == [
            ...     (i, line, None) for i, line, _ in read.articles
            ... ]
            True
        """
        if not reads:
            return
        files = pd.DataFrame(
            {
                "path": [k[0] for k in keys],
                "size": [k[1] for k in keys],
                "mtime_ns": [k[2] for k in keys],
                "rows": [json.dumps(r.rows, default=str) for r in reads],
                "skipped": [r.skipped for r in reads],
                "articles": [json.dumps([[i, line] for i, line, _ in r.articles]) for r in reads],
                "container": pd.Series([r.container for r in reads], dtype="string"),
                "members": pd.Series(
                    [None if r.members is None else json.dumps(r.members) for r in reads],
                    dtype="string",
                ),
            }
        )
        _write_part(self.root, [("files", files), ("articles", rows)])
