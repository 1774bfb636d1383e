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

import pandas as pd

__all__ = ["ResultCache"]

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
