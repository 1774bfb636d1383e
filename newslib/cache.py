"""Caches of per-article analysis results and of parsed input files, in Parquet, that can be
deleted at any time.

Each analysis keeps its results under ``<cache_dir>/<name>-v<version>-<key hash>/``, one folder
per table; the key is the analysis's options and the digest of newslib's code and rule files
(:func:`newslib._versions.code_digest`), so another release or an edited rule file starts new
folders (the old ones can be deleted). A write adds one *part*: one Parquet file per table,
``<table>/part-<id>.parquet``, each written under a temporary name and renamed into place, then
the part's *record*, ``<index table>/part-<id>.json``, renamed into place last: the commit
point. Only parts with a record are read, so a killed run leaves at most files nobody uses (as
do parts written by newslib before records existed). Two runs sharing a cache write different
parts; an article found in several parts is read from one of them (its results are identical,
analyses being deterministic). A run writes one part per chunk of articles as it goes (a killed
run keeps what it finished); :meth:`ResultCache.merge` joins a batch's parts into one, so that a
rerun would read a few large parts (runs do not call it yet: at 100,000 articles it raised the
peak memory past its goal). Bumping an analysis's version, or changing its options, starts a
new folder and leaves the other analyses' results valid. Parsed input files
(:class:`newslib.file_cache.FileCache`, importable from here too) are kept the same way under
``<cache_dir>/files-v<loader version>-<key hash>/``.

Checksums: the record lists, for each table's file, its size, the SHA-256 of its bytes and its
Arrow schema (column names and types), and holds a SHA-256 of itself. It also lists the article
ids of the index (when they are strings), so a process learns which articles a part holds from
the record alone; records written without them (by an earlier newslib) are read from the index.
Before any row of a part is used, each of its files is checked against the record, and the
schema read from the very bytes that were hashed; a process hashes a file once while its path,
size, times (modified, changed) and inode are unchanged (about one extra read of each part per
run). A part that
fails (flipped bytes, a file truncated, missing or swapped for another, a damaged record) is
never used: its articles count as not cached, so they are computed again, and its files are
moved aside to ``<cache folder>/damaged/part-<id>/`` (with ``reason.txt``), where they are not
hashed again and :func:`damaged_parts` lists them.

This module holds :class:`ResultCache` and what concerns a whole cache folder
(:func:`damaged_parts`, :func:`sweep`); writing, checking and reading parts, which both caches
share, is :mod:`newslib.cache_parts`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from . import cache_parts
from ._versions import code_digest
from .cache_parts import _VERIFIED as _VERIFIED  # (re-exported: the names tests use here)
from .cache_parts import (
    DAMAGED,
    _Damaged,
    _frame_of,
    _read_arrow,
    _read_record_ids,
    _records,
    _set_aside,
    _verified,
    _write_part,
)
from .cache_parts import _read_frame as _read_frame
from .file_cache import FileCache
from .file_cache import _rows_by_file as _rows_by_file

__all__ = ["ResultCache", "FileCache", "damaged_parts", "sweep", "DAMAGED"]


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


def _row_positions(rows, positions) -> np.ndarray:
    """Each row's article position in ``positions`` (an Arrow array of distinct ids), as
    floats, NaN for an id not there: looked up in Arrow, no Python string per row."""
    import pyarrow.compute as pc

    column = rows.column("article_id")
    found = pc.index_in(column, value_set=positions.cast(column.type))
    return found.to_numpy(zero_copy_only=False).astype(float)


class _Seen:
    """What this process has read of one result cache's records."""

    def __init__(self) -> None:
        self.names: set[str] = set()  # records read (whether their parts are used or not)
        self.entries: dict[str, dict] = {}  # part -> its record's entries, for parts in use
        self.owner = _Owners()  # article id -> first part (by name) holding it
        self.size: dict[str, int] = {}  # part -> how many articles its index holds


# Per process: index-table folder -> what was read of its records.
_KNOWN: dict[str, _Seen] = {}


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
        # The code's digest too: results made by other rules (an upgrade, an edited rule
        # file) are never read back as this code's.
        keyed = {"options": options or {}, "code": code_digest()}
        digest = hashlib.sha256(json.dumps(keyed, sort_keys=True, default=str).encode()).hexdigest()
        self.root = Path(directory) / f"{name}-v{version}-{digest[:10]}"
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
                entries, ids = _read_record_ids(folder / name, self.tables)
                if entries is not None and ids is None:  # a record without its ids
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
        # looked up in its module, as _frame_of does, so both see the same (tests replace it)
        as_arrow = cache_parts._arrow_to_pandas() is not None  # else frames, as before
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

    def merge(self, article_ids: Iterable[str]) -> bool:
        """Join the parts that hold nothing but articles of ``article_ids`` and at most half
        as many (at least two such parts) into one part, rows in the order of
        ``article_ids`` (an article's own rows kept in theirs), and remove them. Returns
        whether parts were joined.

        A run's workers write one part per chunk; joined per batch, a rerun reads a few
        large parts, not many small ones (each read has a fixed cost, and a rerun reads the
        whole cache). Runs do not call it yet (see ``docs/benchmarks.md``). What is read
        stays the same: the joined part holds the very rows of the parts it replaces. The
        new part is written in full, its record last, before any old one is removed, so a
        run killed meanwhile leaves both, and a process reading the old parts as they go
        finds them missing and computes their articles again. A damaged part is set aside
        and not joined; parts of differing schemas, or one that cannot be read now, are left
        as they are.

        Example:
            >>> import tempfile
            >>> cache = ResultCache(tempfile.mkdtemp(), "demo", version=1, tables=("summary",))
            >>> for identity in ("a", "b", "c"):
            ...     cache.store({"summary": pd.DataFrame({"article_id": [identity], "x": [1]})})
            >>> cache.merge(["c", "a", "b"]), len(list((cache.root / "summary").glob("*.json")))
            (True, 1)
            >>> cache.load(["a", "b", "c"])[0]["summary"]["article_id"].tolist()
            ['c', 'a', 'b']
        """
        import pyarrow as pa
        import pyarrow.parquet as pq

        seen = self._seen()
        wanted = list(dict.fromkeys(article_ids))
        owned: dict[str, int] = {}
        for part in seen.owner.lookup(wanted):
            if part is not None:
                owned[part] = owned.get(part, 0) + 1
        # a part as large as half the batch is left as it is: it was joined already, and
        # rewriting it for a few new articles (a rerun after files were added) costs more
        # than the one more part it saves the next run
        small = max(1, len(wanted) // 2)
        joined = [part for part, n in owned.items() if n == seen.size[part] and n <= small]
        if len(joined) < 2:
            return False
        # every file checked first (its bytes hashed, then let go): a damaged part is set
        # aside, not joined; the schemas are read from the very bytes that were hashed
        schemas: dict[str, list] = {}
        for part in joined:
            entries = seen.entries[part]
            try:
                schemas[part] = [
                    pq.read_schema(_verified(self.root / table / f"{part}.parquet", entries[table]))
                    for table in self.tables
                ]
            except _Damaged as damage:
                _set_aside(self.root, self.tables, part, str(damage))
                self._forget(seen, part)
            except Exception:  # cannot be read now: nothing joined
                return False
        joined = list(schemas)
        if len(joined) < 2:
            return False
        for n in range(len(self.tables)):  # one schema per table, pandas metadata included
            first, *others = (schemas[part][n] for part in joined)
            if any(not other.equals(first, check_metadata=True) for other in others):
                return False
            if first.metadata and b"PANDAS_ATTRS" in first.metadata:
                return False
        positions = pa.array(wanted)  # the batch's ids, in order: an article's position
        sources = {part: seen.entries[part] for part in joined}
        try:
            # the parts in the order of their first article in ``wanted``
            ids, joined = self._ids_in_order(joined, sources, positions)
            part, entries = _write_part(
                self.root,
                [
                    (table, functools.partial(self._joined, table, joined, sources, positions))
                    for table in self.tables
                ],
                ids=[i if isinstance(i, str) else None for i in ids],
            )
        except Exception:  # nothing recorded: the old parts stay in use
            return False
        for old in joined:  # its record first: from then on no process takes it up
            for path in (self.root / self.tables[0] / f"{old}.json",) + tuple(
                self.root / table / f"{old}.parquet" for table in self.tables
            ):
                try:
                    path.unlink()
                except OSError:
                    pass
            self._forget(seen, old)
        seen.names.add(f"{part}.json")
        seen.entries[part] = entries
        seen.size[part] = len(ids)
        seen.owner.add([(part, ids)])
        return True

    def _ids_in_order(self, parts: list[str], sources: dict, positions):
        """The article ids of ``parts``' index in the order of ``positions`` (an article's
        position in the batch), and the parts ordered by their first article (only the id
        column is read)."""
        index = self.tables[0]
        pieces = [_read_arrow(self._source(index, part, sources), ["article_id"]) for part in parts]
        ranks = [_row_positions(piece, positions) for piece in pieces]
        order = sorted(range(len(parts)), key=lambda n: ranks[n].min(initial=np.inf))
        ids = [i for n in order for i in pieces[n].column("article_id").to_pylist()]
        joined = np.concatenate([ranks[n] for n in order])
        if len(joined) > 1 and not (joined[1:] >= joined[:-1]).all():
            ids = [ids[n] for n in np.argsort(joined, kind="stable")]
        return ids, [parts[n] for n in order]

    def _joined(self, table: str, parts: list[str], sources: dict, positions) -> Path:
        """``table``'s rows from ``parts`` in the order of ``positions``, written to a Parquet
        file under a temporary name in the table's folder (returned): each part's rows as they
        are read, one part in memory at a time, when the parts follow each other (a batch's
        chunks); else all joined and sorted. Arrow's freed memory is given back after it."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        temporary = self.root / table / f".join-{uuid.uuid4().hex}.{os.getpid()}.tmp"
        try:
            writer, last, in_order = None, -np.inf, True
            for part in parts:
                rows = _read_arrow(self._source(table, part, sources))
                ranks = _row_positions(rows, positions)
                if len(ranks) and (ranks[0] < last or (ranks[1:] < ranks[:-1]).any()):
                    in_order = False  # out of the batch's order: joined and sorted below
                    break
                last = ranks[-1] if len(ranks) else last
                writer = writer or pq.ParquetWriter(
                    str(temporary), rows.schema, use_dictionary=False
                )
                writer.write_table(rows)
                del rows
            if writer is not None:
                writer.close()
            if not in_order:
                rows = pa.concat_tables(
                    [_read_arrow(self._source(table, part, sources)) for part in parts]
                )
                rows = rows.take(np.argsort(_row_positions(rows, positions), kind="stable"))
                pq.write_table(rows, str(temporary))
                del rows
            return temporary
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        finally:
            pa.default_memory_pool().release_unused()

    def _source(self, table: str, part: str, sources: dict):
        """What to read of ``table``'s file in ``part``, checked against its record (the path
        when this process checked the unchanged file already)."""
        return _verified(self.root / table / f"{part}.parquet", sources[part][table])

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
        index = tables[self.tables[0]]
        _write_part(
            self.root,
            [(table, tables[table]) for table in self.tables],
            ids=[i if isinstance(i, str) else None for i in index["article_id"].tolist()],
        )
