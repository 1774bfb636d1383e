"""Quoted, reported and the reporter's own words pooled over articles (``pooled_voices``).

Kept apart from :mod:`newslib.quotes` (which re-exports it from ``newslib.quotes.shares``): it
reads only the articles table's word counts, so the command line's summary after a run uses it
without importing the quote finder and compiling its rules (about half a second).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._frame import require_columns

__all__ = ["pooled_voices"]


_POOLED_COLUMNS = (
    "n_articles",
    "total_words",
    "quoted_words",
    "reported_words",
    "own_words",
    "quoted_share",
    "reported_share",
    "own_share",
)


def pooled_voices(articles: pd.DataFrame, *, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Quoted, reported and the reporter's own words pooled over articles (summed words, not a
    mean of per-article shares): one row for the whole table, or one per group of ``by``.

    ``articles`` is a table with ``total_words``, ``quoted_words`` and ``reported_words``
    (:func:`quote_share` or ``newslib.analyze``). Columns: the group column(s), ``n_articles``,
    ``total_words``, ``quoted_words``, ``reported_words``, ``own_words`` (the rest), and the
    three ``*_share`` of all words (Float64, NA for a group without words). Groups come in
    sorted order, articles without a group as a last group (NA). A table without
    ``reported_words`` (from before indirect speech was found) gives NA reported and own words.

    Example:
        >>> t = pd.DataFrame({"source": ["A", "A", "B"], "total_words": [10, 30, 20],
        ...                   "quoted_words": [5, 5, 0], "reported_words": [0, 10, 5]})
        >>> pooled_voices(t)[["quoted_share", "reported_share", "own_share"]].round(3)
           quoted_share  reported_share  own_share
        0         0.167            0.25      0.583
        >>> pooled_voices(t, by="source")[["source", "own_words", "own_share"]].values.tolist()
        [['A', 20, 0.5], ['B', 15, 0.75]]
    """
    require_columns(articles, ["total_words", "quoted_words"], caller="pooled_voices")
    keys = [] if by is None else [by] if isinstance(by, str) else list(by)
    require_columns(articles, keys, caller="pooled_voices")
    frame = pd.DataFrame(
        {
            "n_articles": np.ones(len(articles), dtype="int64"),
            "total_words": pd.to_numeric(articles["total_words"]).astype("Int64").to_numpy(),
            "quoted_words": pd.to_numeric(articles["quoted_words"]).astype("Int64").to_numpy(),
            "reported_words": (
                pd.to_numeric(articles["reported_words"]).astype("Int64").to_numpy()
                if "reported_words" in articles.columns
                else pd.array([pd.NA] * len(articles), dtype="Int64")
            ),
        }
    )
    for key in keys:
        frame[key] = articles[key].to_numpy()
    if keys:
        grouped = frame.groupby(keys, dropna=False, sort=True, observed=True)
        sums = grouped.sum(min_count=1).reset_index()
        # groupby(sort=True) puts NA last already; min_count: an all-NA column stays NA
    else:
        sums = frame.sum(min_count=1).to_frame().T
    for column in ("n_articles", "total_words", "quoted_words", "reported_words"):
        sums[column] = sums[column].astype("Int64")
    total = sums["total_words"]
    sums["own_words"] = total - sums["quoted_words"] - sums["reported_words"]
    has = total > 0
    for voice in ("quoted", "reported", "own"):
        share = sums[f"{voice}_words"].astype("Float64") / total.astype("Float64")
        sums[f"{voice}_share"] = share.where(has, pd.NA).astype("Float64")
    return sums[[*keys, *_POOLED_COLUMNS]].reset_index(drop=True)
