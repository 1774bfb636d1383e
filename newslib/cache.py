"""A cache of per-article analysis results, in Parquet, that can be deleted at any time.

Each analysis keeps its results under ``<cache_dir>/<name>-v<version>-<options hash>/``, one folder
per table, one Parquet part per write. A part is written under a temporary name and renamed into
place, and the article index table is written last, so an article counts as cached only once all
its rows are on disk: a killed run leaves at most an unused temporary file. Two runs sharing a
cache write different parts; an article found in several parts is read from the first (its
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

    def _parts(self, table: str) -> list[Path]:
        folder = self.root / table
        if not folder.is_dir():
            return []
        return sorted(folder.glob("part-*.parquet"))

    def load(self, article_ids: Iterable[str]) -> tuple[dict[str, pd.DataFrame], set[str]]:
        """Return ``(tables, found)``: the cached rows of the wanted articles and their ids."""
        import pyarrow.parquet as pq

        wanted = set(article_ids)
        owner: dict[str, str] = {}
        for part in self._parts(self.tables[0]):
            try:
                ids = pq.read_table(part, columns=["article_id"]).column(0).to_pylist()
            except Exception:  # an unreadable part is ignored: its articles are recomputed
                continue
            for identity in ids:
                if identity in wanted:
                    owner.setdefault(identity, part.name)
        by_part: dict[str, list[str]] = {}
        for identity, part_name in owner.items():
            by_part.setdefault(part_name, []).append(identity)
        found: dict[str, pd.DataFrame] = {}
        for table in self.tables:
            frames = []
            for part_name, ids in sorted(by_part.items()):
                frames.append(
                    pd.read_parquet(
                        self.root / table / part_name, filters=[("article_id", "in", ids)]
                    )
                )
            found[table] = pd.concat(frames, ignore_index=True) if frames else None
        return found, set(owner)

    def store(self, tables: dict[str, pd.DataFrame]) -> None:
        """Write one new part holding these tables (index table last, each atomically)."""
        part_name = f"part-{uuid.uuid4().hex}.parquet"
        for table in (*self.tables[1:], self.tables[0]):
            folder = self.root / table
            folder.mkdir(parents=True, exist_ok=True)
            temporary = folder / f".{part_name}.{os.getpid()}.tmp"
            tables[table].to_parquet(temporary, index=False)
            os.replace(temporary, folder / part_name)
