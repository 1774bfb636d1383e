"""The public functions: quotations, quote share and speakers as DataFrames."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._frame import empty_frame, require_columns
from .article import _analyse
from .cues import _rules

QUOTE_KINDS = ("direct", "partial", "indirect", "scare")

_QUOTE_DTYPES = {
    "article_id": "string",
    "quote_id": "int64",
    "attribution_id": "Int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "n_words": "int64",
    "paragraph": "int64",
    "kind": "string",
    "speaker": "string",
    "speaker_mention": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "cue": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
}


def _articles(df: pd.DataFrame, caller: str):
    require_columns(df, ["article_id", "text"], caller=caller)
    ids = df["article_id"].astype("string").tolist()
    texts = df["text"].tolist()
    return zip(ids, texts, strict=True)


def quotes(df: pd.DataFrame) -> pd.DataFrame:
    """Find every quotation in each article, classify it and name its speaker.

    Takes any DataFrame with ``article_id`` and ``text``; returns one row per quotation with
    ``article_id``, ``quote_id`` (0, 1, ... within each article, in text order), ``start``,
    ``end`` (offsets into ``text``, quotation marks excluded), ``text``, ``n_words``,
    ``paragraph`` (0-based), ``kind`` (``direct``, ``partial`` or ``scare``), ``speaker`` (the
    resolved name, NA when unknown or for scare quotes), ``speaker_mention``,
    ``speaker_start``, ``speaker_end`` (the words naming the speaker, e.g. ``he``) and ``cue``
    (``said``, ``told``, ``according to``, ...). A quotation running over several paragraphs
    gives one row per paragraph, all with the same speaker.

    Example:
        >>> import pandas as pd
        >>> text = 'Jane Roe runs the shop.\\n\\n"We sell bread," she said.'
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
        >>> quotes(arts)[["text", "kind", "speaker", "speaker_mention", "cue"]].values.tolist()
        [['We sell bread,', 'direct', 'Jane Roe', 'she', 'said']]
    """
    rules = _rules()
    rows: dict[str, list] = {name: [] for name in _QUOTE_DTYPES}
    # each column's append, looked up once (a row appends to all sixteen)
    add = {name: values.append for name, values in rows.items()}
    add_id, add_quote_id, add_start, add_end = (
        add[k] for k in ("article_id", "quote_id", "start", "end")
    )
    for article_id, text in _articles(df, "quotes"):
        text = str(text)
        for n, q in enumerate(_analyse(text, rules)):
            add_id(article_id)
            add_quote_id(n)
            add_start(q.start)
            add_end(q.end)
            add["text"](text[q.start : q.end])
            add["n_words"](len(q.words))
            add["paragraph"](q.paragraph)
            add["kind"](q.kind)
            speech = q.kind != "scare" and q.mention is not None
            add["speaker"](q.speaker if speech else None)
            source = (q.source_span or q.mention) if speech else None
            add["speaker_mention"](text[source[0] : source[1]] if source else None)
            add["speaker_start"](source[0] if source else None)
            add["speaker_end"](source[1] if source else None)
            cue_span = q.cue_span if q.kind != "scare" else None
            # the cue as written ("has also said"), in lower case; the matched word without a span
            cue = " ".join(text[cue_span[0] : cue_span[1]].split()).lower() if cue_span else q.cue
            add["cue"](cue if q.kind != "scare" else None)
            add["cue_start"](cue_span[0] if cue_span else None)
            add["cue_end"](cue_span[1] if cue_span else None)
            add["attribution_id"](q.attribution)
    if not rows["article_id"]:
        return empty_frame(_QUOTE_DTYPES)
    return pd.DataFrame(
        {name: _column(values, _QUOTE_DTYPES[name]) for name, values in rows.items()}
    )


def _column(values: list, dtype: str) -> pd.Series:
    """``pd.Series(values, dtype=dtype)``, built from arrays pandas takes as they are (its own
    path checks and converts every value in Python first): a string column through one
    pyarrow array (the values are str, None or pd.NA: the same large_string array either
    way); an int64 column through one numpy array (the values are ints); an Int64 column
    from its ints and its mask of missing values (the values are ints or None).

    >>> _column([3, None], "Int64").tolist(), _column([1, 2], "int64").dtype
    ([3, <NA>], dtype('int64'))
    """
    if dtype == "string":
        import pyarrow as pa  # (pandas' string dtype stores its values in pyarrow)

        return pd.Series(pa.array(values, type=pa.large_string(), from_pandas=True), dtype=dtype)
    if dtype == "int64":
        return pd.Series(np.array(values, dtype=np.int64))
    if dtype == "Int64":
        missing = np.array([v is None for v in values], dtype=bool)
        data = np.array([0 if v is None else v for v in values], dtype=np.int64)
        return pd.Series(pd.arrays.IntegerArray(data, missing))
    return pd.Series(values, dtype=dtype)


def quoted_spans(
    quotes_frame: pd.DataFrame, kinds: tuple[str, ...] = ("direct", "partial")
) -> dict[str, list[tuple[int, int]]]:
    """Return ``{article_id: [(start, end), ...]}``: the merged, sorted character spans of
    the quotations of the given kinds (default: direct and partial speech, not scare quotes).

    Meant for other analyses, e.g. the share of a sentence's characters that are quoted.
    Articles without such quotations are absent from the dict.

    Example:
        >>> import pandas as pd
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": ['"Yes, we can," he said.']})
        >>> quoted_spans(quotes(arts))
        {'a': [(1, 13)]}
    """
    require_columns(quotes_frame, ["article_id", "start", "end", "kind"], caller="quoted_spans")
    unknown = set(kinds) - set(QUOTE_KINDS)
    if unknown:
        raise ValueError(f"quoted_spans(): unknown kind(s) {sorted(unknown)}; use {QUOTE_KINDS}")
    sel = quotes_frame[quotes_frame["kind"].isin(list(kinds))]
    spans: dict[str, list[tuple[int, int]]] = {}
    for aid, s, e in zip(sel["article_id"], sel["start"], sel["end"], strict=True):
        spans.setdefault(str(aid), []).append((int(s), int(e)))
    for aid, lst in spans.items():
        lst.sort()
        merged = [lst[0]]
        for s, e in lst[1:]:
            if s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        spans[aid] = merged
    return spans
