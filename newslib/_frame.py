"""Small helpers shared by the analyses for checking and shaping input frames."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

__all__ = ["require_columns", "empty_frame"]


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
