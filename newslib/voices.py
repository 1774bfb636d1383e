"""The voice of each sentence: how much of it lies inside quotations and inside reported
speech, and whether it is quoted, reported or the reporter's own narration.

A sentence's ``in_quote`` is the share of its characters inside a direct or partial quotation,
``in_reported`` the share inside indirect (reported) speech outside quotation marks, and its
``voice`` is ``quoted``, ``reported`` or ``narration`` (the reporter's own words), from the quotes
table (:func:`newslib.quotes.quotes` when that module is available, or a quotes frame you pass).
:func:`newslib.sentiment.sentiment` puts them on its sentence rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._frame import require_columns

__all__ = ["QUOTED_THRESHOLD", "VOICES"]

#: A sentence counts as quoted speech when at least this share of its characters lies inside
#: direct or partial quotations; otherwise as reported speech when at least this share lies
#: inside attributed speech (quoted or indirect); otherwise as the reporter's narration.
QUOTED_THRESHOLD = 0.5
#: The voices of a sentence, in the order tables and plots list them.
VOICES = ("quoted", "reported", "narration")

# Quote kinds that put someone else's words in the text inside quotation marks, and reported
# speech without them; scare quotes are the reporter's.
_SPEECH_KINDS = ("direct", "partial")
_REPORTED_KINDS = ("indirect",)


def _quote_coverage(
    sentence_ids: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    quote_ids: np.ndarray,
    quote_starts: np.ndarray,
    quote_ends: np.ndarray,
) -> np.ndarray:
    """Characters of each span ``[starts, ends)`` covered by the union of the quote spans of
    the same article; ids are small ints naming articles.

    Each article gets its own stretch of one number line (ids times a stride longer than any
    offset), overlapping quotes are merged, and the covered length up to any point is read
    from a cumulative sum, so the whole frame is done with a few sorted-array operations.
    """
    covered = np.zeros(len(starts), dtype="int64")
    keep = quote_ends > quote_starts
    if not keep.any() or len(starts) == 0:
        return covered
    stride = int(max(ends.max(), quote_ends[keep].max())) + 1
    q_start = quote_ids[keep] * stride + quote_starts[keep]
    q_end = quote_ids[keep] * stride + quote_ends[keep]
    order = np.lexsort((q_end, q_start))
    q_start, q_end = q_start[order], q_end[order]
    # A quote opens a new merged block when it starts after every earlier quote has ended.
    reach = np.maximum.accumulate(q_end)
    opens = np.ones(len(q_start), dtype=bool)
    opens[1:] = q_start[1:] > reach[:-1]
    block_start = q_start[opens]
    block_end = np.maximum.reduceat(q_end, np.flatnonzero(opens))
    before = np.concatenate(([0], np.cumsum(block_end - block_start)[:-1]))

    def covered_before(x: np.ndarray) -> np.ndarray:
        k = np.searchsorted(block_start, x, side="right") - 1
        inside = k >= 0
        kk = np.where(inside, k, 0)
        partial = np.clip(x - block_start[kk], 0, block_end[kk] - block_start[kk])
        return np.where(inside, before[kk] + partial, 0)

    base = sentence_ids * stride
    return covered_before(base + ends) - covered_before(base + starts)


def _speech_quotes(quotes: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The speech rows of a quotes frame (direct, partial, indirect) and which of them are
    quoted (direct or partial)."""
    require_columns(quotes, ["article_id", "start", "end", "kind"], caller="sentiment")
    kind = quotes["kind"].astype("string")
    speech = quotes[kind.isin(_SPEECH_KINDS + _REPORTED_KINDS).fillna(False).to_numpy(dtype=bool)]
    if speech[["start", "end"]].isna().any(axis=None):
        raise ValueError("sentiment(): some quotes have no start/end (NA); drop them first")
    quoted = speech["kind"].astype("string").isin(_SPEECH_KINDS).to_numpy(dtype=bool)
    return speech, quoted


def _coverage(
    quotes: pd.DataFrame,
    ids: pd.Index,
    lengths: np.ndarray,
    article_codes: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Characters of each sentence inside quotations (direct, partial) and inside any speech
    (quotations and indirect speech). ``ids`` are the distinct article ids, ``lengths`` their
    text lengths, ``article_codes`` each sentence's position in ``ids``."""
    speech, quoted = _speech_quotes(quotes)
    q_codes = ids.get_indexer(speech["article_id"].astype("string").to_numpy())
    known = q_codes >= 0  # quotes of articles not in the frame do not matter
    q_codes, quoted = q_codes[known], quoted[known]
    # Keep quotes inside their text so no span leaks into the next article's stretch.
    limit = lengths[q_codes]
    q_start = np.clip(speech["start"].to_numpy(dtype="int64")[known], 0, limit)
    q_end = np.clip(speech["end"].to_numpy(dtype="int64")[known], 0, limit)
    in_quotes = _quote_coverage(
        article_codes, starts, ends, q_codes[quoted], q_start[quoted], q_end[quoted]
    )
    if quoted.all():  # no indirect speech: nothing more is attributed
        return in_quotes, in_quotes
    attributed = _quote_coverage(article_codes, starts, ends, q_codes, q_start, q_end)
    return in_quotes, attributed


def _voices(in_quote: np.ndarray, in_attributed: np.ndarray) -> pd.arrays.StringArray:
    """Each sentence's voice from its quoted and attributed shares (NaN: unknown, NA)."""
    voice = np.where(
        in_quote >= QUOTED_THRESHOLD,
        "quoted",
        np.where(in_attributed >= QUOTED_THRESHOLD, "reported", "narration"),
    ).astype(object)
    unknown = np.isnan(in_quote) | (np.isnan(in_attributed) & (in_quote < QUOTED_THRESHOLD))
    voice[unknown] = None
    return pd.array(voice, dtype="string")


def _default_quotes(df: pd.DataFrame) -> pd.DataFrame | None:
    # Without a quotes module in_quote is unknown (NA), never 0. Only the module's own absence
    # counts: an import error inside it is a bug to surface.
    try:
        from .quotes import quotes
    except ModuleNotFoundError as error:
        if error.name == "newslib.quotes":
            return None
        raise
    return quotes(df)
