"""How much of each article is other people's words, and whose: quote share and speakers."""

from __future__ import annotations

import pandas as pd

from .._frame import empty_frame, require_columns
from ..text import WORD_RE, count_words
from .article import _analyse
from .cues import _rules
from .marks import _Quote
from .tables import _articles

_SHARE_DTYPES = {
    "article_id": "string",
    "n_quotes": "int64",
    "quoted_words": "int64",
    "total_words": "int64",
    "quote_share": "float64",
    "quote_char_share": "float64",
    "n_speakers": "int64",
    "top_speaker": "string",
}
_SPEAKER_DTYPES = {
    "article_id": "string",
    "speaker": "string",
    "n_quotes": "int64",
    "quoted_words": "int64",
}


def _speech_items(text: str, qs: list[_Quote]) -> list[tuple[int, int, str | None]]:
    return [(q.start, q.end, q.speaker) for q in qs if q.kind != "scare"]


def _items_from_frame(quotes_frame: pd.DataFrame, caller: str):
    """{article_id: [(start, end, speaker)]} of the direct and partial rows of a quotes frame."""
    require_columns(quotes_frame, ["article_id", "start", "end", "kind", "speaker"], caller=caller)
    sel = quotes_frame[quotes_frame["kind"].isin(["direct", "partial"])]
    items: dict[str, list] = {}
    # whole columns as lists: iterating a Series (and pd.isna per value) is much slower
    known = sel["speaker"].notna().tolist()
    for aid, s, e, who, ok in zip(
        sel["article_id"].tolist(),
        sel["start"].tolist(),
        sel["end"].tolist(),
        sel["speaker"].tolist(),
        known,
        strict=True,
    ):
        items.setdefault(str(aid), []).append((int(s), int(e), who if ok else None))
    for lst in items.values():
        lst.sort(key=lambda item: item[:2])
    return items


def _speaker_stats(text: str, items) -> list[tuple[str, int, int]]:
    """[(speaker, n_quotes, quoted_words)], most quoted words first, then most quotes, then
    first quoted."""
    stats: dict[str, list[int]] = {}
    for n, (s, e, who) in enumerate(items):
        if who:
            entry = stats.setdefault(who, [0, 0, n])
            entry[0] += 1
            entry[1] += len(WORD_RE.findall(text, s, e))
    ranked = sorted(stats.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[1][2]))
    return [(name, count, words) for name, (count, words, _) in ranked]


def _words_inside(text: str, start: int, end: int) -> int:
    """How many words of the whole text (as ``WORD_RE`` splits it) lie entirely inside
    text[start:end]; a word cut by either end does not count."""
    # Scan from a whitespace before ``start``: no word runs over whitespace, so the scan finds
    # the same words as a scan of the whole text, without walking the text before the span.
    lo = min(max(start, 0), len(text))
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    n = 0
    for m in WORD_RE.finditer(text, lo):
        if m.start() >= end:
            break
        if m.start() >= start and m.end() <= end:
            n += 1
    return n


def _share_row(article_id: str, text: str, items) -> dict:
    spans = sorted((s, e) for s, e, _ in items)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    total = count_words(text)
    quoted = sum(_words_inside(text, s, e) for s, e in merged)
    chars = sum(e - s for s, e in merged)
    ranked = _speaker_stats(text, items)
    return {
        "article_id": article_id,
        "n_quotes": len(items),
        "quoted_words": quoted,
        "total_words": total,
        "quote_share": quoted / total if total else 0.0,
        "quote_char_share": chars / len(text) if text else 0.0,
        "n_speakers": len(ranked),
        "top_speaker": ranked[0][0] if ranked else None,
    }


def quote_share(df: pd.DataFrame, *, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """How much of each article is quoted speech: one row per input article.

    Columns: ``article_id``, ``n_quotes`` (direct and partial quotations), ``quoted_words``,
    ``total_words`` (words as counted by ``newslib.text.WORD_RE``), ``quote_share``
    (quoted words / all words; scare quotes do not count), ``quote_char_share`` (same for
    characters), ``n_speakers`` (distinct resolved speakers) and ``top_speaker`` (the speaker
    with most quoted words, NA when none). An article without quotations has share 0.0.

    Pass ``quotes=newslib.quotes(df)`` when you already have it, to skip finding the
    quotations again.

    Example:
        >>> import pandas as pd
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": ['"Go home," Ann Lee said.']})
        >>> quote_share(arts)[["quoted_words", "total_words", "top_speaker"]].values.tolist()
        [[2, 5, 'Ann Lee']]
    """
    rows = [_share_row(aid, text, items) for aid, text, items in _speech(df, quotes, "quote_share")]
    if not rows:
        return empty_frame(_SHARE_DTYPES)
    return pd.DataFrame(rows).astype(_SHARE_DTYPES)


def speakers(df: pd.DataFrame, *, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who is quoted: one row per (article, resolved speaker) of direct and partial quotations.

    Columns: ``article_id``, ``speaker``, ``n_quotes``, ``quoted_words``; within an article,
    speakers are ordered by quoted words (most first), then quotations, then first
    appearance. ``quotes``: as in :func:`quote_share`.

    Example:
        >>> import pandas as pd
        >>> text = '"Go," Ann Lee said. "Stay," said Bob Ray. "Now," Lee said.'
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
        >>> speakers(arts).values.tolist()
        [['a', 'Ann Lee', 2, 2], ['a', 'Bob Ray', 1, 1]]
    """
    rows = [
        {"article_id": aid, "speaker": name, "n_quotes": count, "quoted_words": words}
        for aid, text, items in _speech(df, quotes, "speakers")
        for name, count, words in _speaker_stats(text, items)
    ]
    if not rows:
        return empty_frame(_SPEAKER_DTYPES)
    return pd.DataFrame(rows).astype(_SPEAKER_DTYPES)


def _speech(df: pd.DataFrame, quotes_frame: pd.DataFrame | None, caller: str):
    """(article_id, text, [(start, end, speaker)]) for each article, in input order."""
    articles = _articles(df, caller)
    if quotes_frame is not None:
        by_article = _items_from_frame(quotes_frame, caller)
        for aid, text in articles:
            yield aid, str(text), by_article.get(aid, [])
        return
    rules = _rules()
    for aid, text in articles:
        text = str(text)
        yield aid, text, _speech_items(text, _analyse(text, rules))
