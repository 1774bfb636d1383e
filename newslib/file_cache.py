"""The cache of parsed input files (:class:`FileCache`), so a rerun does not read, decode and
parse unchanged files again; stored in checked parts like the analyses' results
(:mod:`newslib.cache`, :mod:`newslib.cache_parts`).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd

from ._paths import file_key
from .cache_parts import (
    _Damaged,
    _read_arrow,
    _read_frame,
    _read_record,
    _records,
    _set_aside,
    _verified,
    _write_part,
)

__all__ = ["FileCache"]

_FILE_TABLES = ("files", "articles")  # FileCache's tables, its index first

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
    names = uniques.tolist()  # indexing an Arrow-backed Index item by item costs ~20 µs each
    return {names[codes[group[0]]]: group for group in groups if len(group)}


class FileCache:
    """Parsed input files, so a rerun does not read, decode and parse unchanged files again.

    An entry is keyed by the file's path, size and modification time (taken before it was
    read) under one set of load ``options`` and one loader version. It holds what reading the
    file gave (report rows, whether it was skipped, each article's id and table line) and the
    typed article rows, text included. A member of an archive is keyed by its path in the
    archive (``a.zip/x.txt``) with the archive's size and time, and the archive by its own key
    lists its members: an unchanged archive is not opened again, a changed one is read whole.
    Stored like :class:`ResultCache`: Parquet parts under
    ``<cache_dir>/files-v<version>-<key hash>/`` (load options and code digest), rows first,
    index last, then the record
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
        from ._versions import LOADER_VERSION, code_digest

        # The load options (those of newslib.load): another option can mean other articles.
        # (The cache keeps each file's own source, source_from fills in the rest after it;
        # it is in the key all the same, as every load option is.)
        options = dict(format=format, errors=errors, tz=tz, dayfirst=dayfirst, max_bytes=max_bytes)
        options["columns"] = columns or None  # no renaming, however it is spelled
        options["source_from"] = source_from
        options["code"] = code_digest()  # files parsed by other code are parsed again
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
