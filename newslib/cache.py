"""A cache of per-article analysis results, in Parquet, that can be deleted at any time.

Each analysis keeps its results under ``<cache_dir>/<name>-v<version>-<options hash>/``, one folder
per table, one Parquet part per write. A part is written under a temporary name and renamed into
place, and the article index table is written last, so an article counts as cached only once all
its rows are on disk: a killed run leaves at most an unused temporary file. Two runs sharing a
cache write different parts; an article found in several parts is read from one of them (its
results are identical, analyses being deterministic). Bumping an analysis's version, or changing
its options, starts a new folder and leaves the other analyses' results valid.
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

__all__ = ["ResultCache", "FileCache"]

# Per process: index-table folder -> (part names read, article id -> first part holding it).
_KNOWN: dict[str, tuple[set[str], dict[str, str]]] = {}


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

    def _owners(self) -> dict[str, str]:
        """Map each cached article id to the first part (by name) of the index table holding it.

        Parts never change once renamed into place, so each process reads a part's ids once
        and remembers them (``_KNOWN``); later calls only read parts that appeared since.
        Without this, every chunk of a run re-read every part: quadratic in the corpus size.
        """
        import pyarrow.parquet as pq

        folder = self.root / self.tables[0]
        try:
            names = sorted(
                n for n in os.listdir(folder) if n.startswith("part-") and n.endswith(".parquet")
            )
        except (FileNotFoundError, NotADirectoryError):
            names = []
        seen, owner = _KNOWN.get(str(folder), (set(), {}))
        if not seen.issubset(names):  # parts were deleted (e.g. the cache was cleared): start over
            seen, owner = set(), {}
        fresh = [n for n in names if n not in seen]
        if fresh:
            for name in fresh:
                try:
                    ids = pq.read_table(folder / name, columns=["article_id"]).column(0)
                except Exception:  # an unreadable part is ignored: its articles are recomputed
                    continue
                seen.add(name)
                for identity in ids.to_pylist():
                    owner.setdefault(identity, name)
            _KNOWN[str(folder)] = (seen, owner)
        return owner

    def holds(self, article_ids: Iterable[str]) -> list[bool]:
        """Which of ``article_ids`` have cached results (reads only the index).

        Example:
            >>> import tempfile
            >>> cache = ResultCache(tempfile.mkdtemp(), "demo", version=1, tables=("summary",))
            >>> cache.store({"summary": pd.DataFrame({"article_id": ["a"], "x": [1.5]})})
            >>> cache.holds(["a", "b"])
            [True, False]
        """
        known = self._owners()
        return [identity in known for identity in article_ids]

    def load(self, article_ids: Iterable[str]) -> tuple[dict[str, pd.DataFrame], set[str]]:
        """Return ``(tables, found)``: the cached rows of the wanted articles and their ids."""
        known = self._owners()
        owner = {i: known[i] for i in dict.fromkeys(article_ids) if i in known}
        by_part: dict[str, list[str]] = {}
        for identity, part_name in owner.items():
            by_part.setdefault(part_name, []).append(identity)
        frames: dict[str, list[pd.DataFrame]] = {table: [] for table in self.tables}
        found_ids: set[str] = set()
        for part_name, ids in sorted(by_part.items()):
            try:
                pieces = {
                    table: pd.read_parquet(
                        self.root / table / part_name, filters=[("article_id", "in", ids)]
                    )
                    for table in self.tables
                }
            except Exception:  # damaged since it was indexed: forget it, recompute its articles
                self._forget(part_name)
                continue
            for table, piece in pieces.items():
                frames[table].append(piece)
            found_ids.update(ids)
        found = {
            table: pd.concat(parts, ignore_index=True) if parts else None
            for table, parts in frames.items()
        }
        return found, found_ids

    def _forget(self, part_name: str) -> None:
        folder = str(self.root / self.tables[0])
        seen, owner = _KNOWN.get(folder, (set(), {}))
        seen.discard(part_name)
        for identity in [i for i, name in owner.items() if name == part_name]:
            del owner[identity]

    def store(self, tables: dict[str, pd.DataFrame]) -> None:
        """Write one new part holding these tables (index table last, each atomically)."""
        part_name = f"part-{uuid.uuid4().hex}.parquet"
        for table in (*self.tables[1:], self.tables[0]):
            folder = self.root / table
            folder.mkdir(parents=True, exist_ok=True)
            temporary = folder / f".{part_name}.{os.getpid()}.tmp"
            tables[table].to_parquet(temporary, index=False)
            os.replace(temporary, folder / part_name)


class FileCache:
    """Parsed input files, so a rerun does not read, decode and parse unchanged files again.

    An entry is keyed by the file's path, size and modification time (taken before it was
    read) under one set of load ``options`` and one loader version. It holds what reading the
    file gave (report rows, whether it was skipped, each article's id and table line) and the
    typed article rows, text included. Stored like :class:`ResultCache`: Parquet parts under
    ``<cache_dir>/files-v<version>-<options hash>/``, rows first, index last, atomic renames.

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
    ):
        from ._versions import LOADER_VERSION

        # The load options (those of newslib.load): another option can mean other articles.
        options = dict(format=format, errors=errors, tz=tz, dayfirst=dayfirst, max_bytes=max_bytes)
        options["columns"] = columns or None  # no renaming, however it is spelled
        digest = hashlib.sha256(
            json.dumps(options, sort_keys=True, default=str).encode()
        ).hexdigest()[:10]
        self.root = Path(directory) / f"files-v{LOADER_VERSION}-{digest}"
        self._index: dict[tuple[str, int, int], tuple[str, int]] | None = None
        self._parts: dict[str, tuple[pd.DataFrame, dict[str, pd.DataFrame]]] = {}

    def _load_index(self) -> dict[tuple[str, int, int], tuple[str, int]]:
        if self._index is None:
            import pyarrow.parquet as pq

            self._index = {}
            folder = self.root / "files"
            try:
                names = sorted(n for n in os.listdir(folder) if n.endswith(".parquet"))
            except (FileNotFoundError, NotADirectoryError):
                names = []
            for name in names:
                if name.startswith("."):
                    continue  # a temporary file of a write in progress
                try:
                    table = pq.read_table(folder / name, columns=["path", "size", "mtime_ns"])
                except Exception:  # unreadable: its files are read again
                    continue
                columns = [table.column(c).to_pylist() for c in ("path", "size", "mtime_ns")]
                for row, key in enumerate(zip(*columns, strict=True)):
                    self._index.setdefault(key, (name, row))
        return self._index

    def _part(self, name: str) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
        if name not in self._parts:
            files = pd.read_parquet(self.root / "files" / name)
            articles = pd.read_parquet(self.root / "articles" / name)
            positions = articles["_position"].to_numpy()
            rows_of = {
                path: rows[np.argsort(positions[rows], kind="stable")]
                for path, rows in articles.groupby("_file", sort=False).indices.items()
            }
            articles = articles.drop(columns=["_file", "_position"])
            self._parts = {name: (files, articles, rows_of)}  # one part at a time: flat memory
        return self._parts[name]

    def lookup(self, path: Path, key: tuple[str, int, int] | None = None):
        """Return ``(FileRead, rows, positions)`` for an unchanged cached file, else None:
        the file's article rows are ``rows.iloc[positions]`` (``rows`` is shared by the files
        of one part, so many files' rows can be taken at once).

        ``key`` is :func:`newslib._paths.file_key` of the file if already taken."""
        from .io import FileRead

        key = key or file_key(path)
        entry = self._load_index().get(key) if key else None
        if entry is None:
            return None
        name, row = entry
        try:
            files, articles, rows_of = self._part(name)
        except Exception:  # damaged since indexed: read the file again
            return None
        record = files.iloc[row]
        listed = [(identity, line, None) for identity, line in json.loads(record["articles"])]
        positions = rows_of.get(key[0], np.empty(0, dtype=np.int64))
        if len(positions) != len(listed):
            return None
        read = FileRead(key[0], json.loads(record["rows"]), bool(record["skipped"]), listed)
        return read, articles, positions

    def store(self, reads: list, keys: list[tuple[str, int, int]], rows: pd.DataFrame) -> None:
        """Write one part: each file's reading (``reads``, keyed by ``keys``) and ``rows``,
        the article rows of all of them with ``_file`` and ``_position`` columns."""
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
            }
        )
        part_name = f"part-{uuid.uuid4().hex}.parquet"
        for table, frame in (("articles", rows), ("files", files)):  # index last
            folder = self.root / table
            folder.mkdir(parents=True, exist_ok=True)
            temporary = folder / f".{part_name}.{os.getpid()}.tmp"
            frame.to_parquet(temporary, index=False)
            os.replace(temporary, folder / part_name)
