"""Small helpers shared by the analyses for checking and shaping input frames."""

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
