"""Small helpers shared by the analyses for checking and shaping input frames, and for putting
rows of many pieces (cached and fresh, chunk by chunk) back in the articles' input order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

__all__ = ["require_columns", "empty_frame", "take_rows"]


def require_columns(df: pd.DataFrame, columns: Iterable[str], *, caller: str) -> None:
    """Raise a clear ``ValueError`` when ``df`` is not a DataFrame with ``columns``.

    Example:
        >>> require_columns(pd.DataFrame({"article_id": [], "text": []}), ["text"], caller="f")
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"{caller}() takes a pandas DataFrame (e.g. from newslib.load), not {type(df).__name__}"
        )
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{caller}() needs the column(s) {', '.join(repr(c) for c in missing)}; "
            f"the frame has {', '.join(map(repr, df.columns)) or 'no columns'}. "
            "Rename yours or load the corpus with newslib.load()."
        )
    if "text" in columns and df["text"].isna().any():
        raise ValueError(f"{caller}(): some rows have no text (NA); fill or drop them first")


def empty_frame(dtypes: dict[str, str]) -> pd.DataFrame:
    """Return an empty DataFrame with the given column dtypes (for results with no rows).

    Example:
        >>> list(empty_frame({"article_id": "string", "n": "int64"}).dtypes.astype(str))
        ['string', 'int64']
    """
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in dtypes.items()})


# Runs of consecutive rows per row taken beyond which one take is cheaper than joining slices.
_RUNS_PER_ROW = 1 / 64


def take_rows(frame: pd.DataFrame, positions: Sequence[int] | np.ndarray) -> pd.DataFrame:
    """``frame.iloc[positions]``, the same rows, index and dtypes. When the positions are a few
    runs of consecutive rows (a rerun: the cached articles around the few edited ones), the
    runs are sliced and joined instead: a slice of an Arrow string column is a view, where a
    take copies every string.

    Example:
        >>> frame = pd.DataFrame({"t": pd.array(list("abcdef"), dtype="string")})
        >>> take_rows(frame, [0, 1, 2, 4, 5]).equals(frame.iloc[[0, 1, 2, 4, 5]])
        True
    """
    positions = np.asarray(positions, dtype=np.int64)
    n = len(positions)
    breaks = np.flatnonzero(np.diff(positions) != 1) + 1
    if n < 2 or len(breaks) + 1 > max(1, n * _RUNS_PER_ROW) or (positions < 0).any():
        return frame.iloc[positions]
    starts = positions[np.r_[0, breaks]]
    ends = positions[np.r_[breaks - 1, n - 1]] + 1
    pieces = [frame.iloc[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
    return pd.concat(pieces) if len(pieces) > 1 else pieces[0]


class _Positions:
    """Each article id's position in ``ids`` (the input order), looked up many at a time.

    Ids are unique (``analyze`` checks; a load drops repeats), so a ``pandas.Index`` of them
    finds the positions of a table's distinct ids in one vectorised call, not a dict lookup
    per id; repeated ids (the last one wins, as a dict built from them would) use a dict.

    Example:
        >>> _Positions(pd.Series(["a", "b", "c"])).of(["c", "x", "a"]).tolist()
        [2.0, nan, 0.0]
    """

    def __init__(self, ids) -> None:
        self._ids = ids
        self._index = pd.Index(ids)
        self._dict: dict | None = None

    def as_dict(self) -> dict:
        """Id -> position (for ``Series.map``)."""
        if self._dict is None:
            self._dict = {identity: n for n, identity in enumerate(self._ids)}
        return self._dict

    def of(self, uniques) -> np.ndarray:
        """The positions (floats, NaN for an id not in ``ids``) of the distinct ``uniques``."""
        if self._index.is_unique:
            try:
                found = self._index.get_indexer(uniques)
            except (TypeError, ValueError):  # ids of types an index cannot compare
                pass
            else:
                return np.where(found < 0, np.nan, found.astype(float))
        positions = self.as_dict()
        return np.array([positions.get(u, np.nan) for u in uniques], dtype=float)


def _in_order(pieces: list[pd.DataFrame | None], positions: _Positions) -> pd.DataFrame:
    """Concatenate cached and fresh rows, articles in input order, rows within one in order."""
    present = [p for p in pieces if p is not None]
    nonempty = [p for p in present if len(p)] or present[:1]
    frame = pd.concat(nonempty, ignore_index=True) if len(nonempty) > 1 else nonempty[0]
    codes, uniques = pd.factorize(frame["article_id"])
    if (codes < 0).any():  # a missing id: as Series.map gives it (NaN, sorted last)
        order = frame["article_id"].map(positions.as_dict()).to_numpy()
    else:  # each distinct id looked up once, not once per row
        order = positions.of(uniques)[codes]
    if len(order) < 2 or (order[1:] >= order[:-1]).all():
        # already in order (e.g. cached rows read part by part in load order): a stable sort
        # would keep every row where it is, so the copy it costs is skipped
        return frame.reset_index(drop=True)
    # a rerun's rows are long runs (cached articles) around a few computed now: joined as
    # slices, not copied row by row (take_rows)
    return take_rows(frame, np.argsort(order, kind="stable")).reset_index(drop=True)
