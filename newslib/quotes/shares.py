"""How much of each article is other people's words, and whose: quote share and speakers.

Three kinds of the quotes table are speech: ``direct`` and ``partial`` quotations (inside
quotation marks) and ``indirect`` (reported) speech, whose span may contain partial quotations
(``She said the plan was "a disaster" for the state.``). ``scare`` quotes are not speech. Every
word of an article is then in one of three voices:

* quoted: inside a direct or partial quotation;
* reported: inside indirect speech, outside quotation marks;
* the reporter's own: everything else.

Words are newslib's (``newslib.text.WORD_RE``) and a word counts as inside a span only when it
lies entirely inside it (``_words_inside``), so quoted + reported = attributed words, and the
counts agree with every other table.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import NamedTuple

import numpy as np
import pandas as pd

from .._frame import empty_frame, require_columns
from .._pooled import pooled_voices
from ..text import WORD_RE, _Words
from .tables import _articles
from .tables import quotes as _find_quotes

__all__ = ["quote_share", "speakers", "pooled_voices", "SPEECH_KINDS", "QUOTED_KINDS"]

#: Kinds of the quotes table that are someone's speech (scare quotes are not).
SPEECH_KINDS = ("direct", "partial", "indirect")
#: Kinds inside quotation marks.
QUOTED_KINDS = ("direct", "partial")

_SHARE_DTYPES = {
    "article_id": "string",
    "n_quotes": "int64",
    "quoted_words": "int64",
    "total_words": "int64",
    "quote_share": "float64",
    "quote_char_share": "float64",
    "n_speakers": "int64",
    "top_speaker": "string",
    "n_attributions": "int64",
    "reported_words": "int64",
    "reported_share": "float64",
    "attributed_words": "int64",
    "attributed_share": "float64",
}
_SPEAKER_DTYPES = {
    "article_id": "string",
    "speaker": "string",
    "n_quotes": "int64",
    "quoted_words": "int64",
    "attributed_words": "int64",
    "n_attributions": "int64",
}

# A text without words has no share of anything: NaN, not 0.0 (which would read as "nobody is
# quoted" and pull means down).
_NO_WORDS = float("nan")


class _Speech(NamedTuple):
    """One speech row of the quotes table."""

    start: int
    end: int
    quoted: bool  # direct or partial (inside quotation marks); else indirect
    speaker: str | None
    attribution: object  # the row's attribution id, or a key of its own when unknown


def _items_from_frame(quotes_frame: pd.DataFrame, caller: str) -> dict[str, list[_Speech]]:
    """{article_id: [_Speech, ...]} of the speech rows of a quotes frame, by start then end.

    ``attribution_id`` is optional: without it (or where it is NA) every row is an attribution
    of its own.
    """
    require_columns(quotes_frame, ["article_id", "start", "end", "kind", "speaker"], caller=caller)
    kind = quotes_frame["kind"].astype("string")
    sel = quotes_frame[kind.isin(SPEECH_KINDS).fillna(False).to_numpy(dtype=bool)]
    items: dict[str, list[_Speech]] = {}
    if sel.empty:
        return items
    # whole columns as lists: iterating a Series (and pd.isna per value) is much slower
    known = sel["speaker"].notna().tolist()
    quoted = sel["kind"].astype("string").isin(QUOTED_KINDS).tolist()
    if "attribution_id" in sel.columns:
        ids = sel["attribution_id"].tolist()
        has_id = sel["attribution_id"].notna().tolist()
    else:
        ids, has_id = [None] * len(sel), [False] * len(sel)
    for n, (aid, s, e, who, ok, q, attr, has) in enumerate(
        zip(
            sel["article_id"].tolist(),
            sel["start"].tolist(),
            sel["end"].tolist(),
            sel["speaker"].tolist(),
            known,
            quoted,
            ids,
            has_id,
            strict=True,
        )
    ):
        key = int(attr) if has else ("row", n)
        items.setdefault(str(aid), []).append(
            _Speech(int(s), int(e), bool(q), who if ok else None, key)
        )
    for lst in items.values():
        lst.sort(key=lambda item: (item.start, item.end))
    return items


def _merged(spans) -> list[list[int]]:
    """Sorted (start, end) spans merged where they overlap or touch."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


def _word_across(text: str, offset: int) -> tuple[int, int] | None:
    """(start, end) of the word of the whole text (as ``WORD_RE`` splits it) that starts before
    ``offset`` and ends after it, or None when ``offset`` is not inside a word."""
    if offset <= 0 or offset >= len(text) or text[offset - 1].isspace() or text[offset].isspace():
        return None  # no word holds whitespace or runs past either end of the text
    # Scan from just after a whitespace: no word runs over whitespace, so this scan finds the
    # same words as a scan of the whole text, without walking the text before ``offset``.
    lo = offset - 1
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    for m in WORD_RE.finditer(text, lo):
        if m.end() > offset:
            return m.span() if m.start() < offset else None
    return None


def _words_inside(text: str, start: int, end: int) -> int:
    """How many words of the whole text (as ``WORD_RE`` splits it) lie entirely inside
    text[start:end]; a word cut by either end does not count.

    For a few spans of a text this is cheaper than finding all its words (``_Words``)."""
    # Move each end off a word it cuts (start to that word's end, end to its start). Then no
    # word runs across either end, and a scan of text[start:end] finds exactly the whole words
    # inside it, counted by findall without a Python step per word.
    start, end = max(start, 0), min(end, len(text))
    if start >= end:
        return 0
    cut = _word_across(text, start)
    if cut is not None:
        start = cut[1]
    cut = _word_across(text, end)
    if cut is not None:
        end = cut[0]
    return len(WORD_RE.findall(text, start, end)) if start < end else 0


def _speaker_stats(words: _Words, items: list[_Speech]) -> list[tuple[str, int, int]]:
    """[(speaker, n_quotes, quoted_words)] of the quotations (direct and partial), most quoted
    words first, then most quotes, then first quoted."""
    stats: dict[str, list[int]] = {}
    for n, item in enumerate(i for i in items if i.quoted):
        if item.speaker:
            entry = stats.setdefault(item.speaker, [0, 0, n])
            entry[0] += 1
            entry[1] += words.count(item.start, item.end)
    ranked = sorted(stats.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[1][2]))
    return [(name, count, n_words) for name, (count, n_words, _) in ranked]


def _union_words(inside, spans) -> int:
    """Words inside the union of ``spans``, each word once; ``inside(start, end)`` counts the
    words entirely inside one span (``_Words.inside``, or ``_words_inside`` of a text)."""
    return sum(inside(s, e) for s, e in _merged(spans))


def _share_row(article_id: str, words: _Words, items: list[_Speech]) -> dict:
    text = words.text
    quoted_spans = _merged((i.start, i.end) for i in items if i.quoted)
    total = len(words)
    quoted = sum(words.inside(s, e) for s, e in quoted_spans)
    attributed = _union_words(words.inside, ((i.start, i.end) for i in items))
    chars = sum(e - s for s, e in quoted_spans)
    ranked = _speaker_stats(words, items)
    reported = attributed - quoted
    return {
        "article_id": article_id,
        "n_quotes": sum(i.quoted for i in items),
        "quoted_words": quoted,
        "total_words": total,
        "quote_share": quoted / total if total else _NO_WORDS,
        "quote_char_share": chars / len(text) if text else _NO_WORDS,
        "n_speakers": len(ranked),
        "top_speaker": ranked[0][0] if ranked else None,
        "n_attributions": len({i.attribution for i in items}),
        "reported_words": reported,
        "reported_share": reported / total if total else _NO_WORDS,
        "attributed_words": attributed,
        "attributed_share": attributed / total if total else _NO_WORDS,
    }


def quote_share(df: pd.DataFrame, *, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """How much of each article is other people's words: one row per input article.

    Columns: ``article_id``; ``n_quotes`` (direct and partial quotations), ``quoted_words``,
    ``total_words`` (words as counted by ``newslib.text.WORD_RE``), ``quote_share`` (quoted
    words / all words; scare quotes do not count), ``quote_char_share`` (same for
    characters), ``n_speakers`` (distinct resolved speakers of quotations) and ``top_speaker``
    (the speaker with most quoted words, NA when none); then all attributed speech:
    ``n_attributions`` (distinct ``attribution_id`` of direct, partial and indirect rows; one
    per row when the quotes table has no ``attribution_id``), ``reported_words`` (words of
    indirect speech outside quotation marks), ``reported_share``, ``attributed_words`` (words
    inside any speech: quoted + reported) and ``attributed_share``. An article without speech
    has shares 0.0, a text without words NaN; ``1 - attributed_share`` is the reporter's own
    words.

    Pass ``quotes=newslib.quotes(df)`` when you already have it, to skip finding the
    quotations again.

    Example:
        >>> import pandas as pd
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": ['"Go home," Ann Lee said.']})
        >>> quote_share(arts)[["quoted_words", "total_words", "top_speaker"]].values.tolist()
        [[2, 5, 'Ann Lee']]

        With indirect speech holding a quoted fragment (a quotes table made by hand):

        >>> text = 'Ann Lee said the plan was "a disaster" for the town. It rained.'
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
        >>> q = pd.DataFrame({"article_id": ["a", "a"], "start": [13, 27], "end": [51, 37],
        ...                   "kind": ["indirect", "partial"], "speaker": ["Ann Lee"] * 2,
        ...                   "attribution_id": [0, 0]})
        >>> row = quote_share(arts, quotes=q).iloc[0]
        >>> [int(row[c]) for c in ("quoted_words", "reported_words", "attributed_words",
        ...                        "total_words", "n_attributions")]
        [2, 6, 8, 13, 1]
    """
    return _quote_share(df, quotes)


def _quote_share(
    df: pd.DataFrame, quotes: pd.DataFrame | None, words: Mapping[str, _Words] | None = None
) -> pd.DataFrame:
    """:func:`quote_share`; ``words`` maps an article's text to its words when the caller
    keeps them (``newslib.analyze`` finds them once for the quote share and the sentences)."""
    articles = list(_articles(df, "quote_share"))
    if not articles:
        if quotes is not None:
            _items_from_frame(quotes, "quote_share")  # a malformed frame is still an error
        return empty_frame(_SHARE_DTYPES)
    if quotes is None:
        quotes = _find_quotes(df)
    found = [_Words(str(text)) if words is None else words[str(text)] for _, text in articles]
    columns = _share_columns([aid for aid, _ in articles], found, quotes)
    if columns is None:  # spans _share_columns does not take: row by row
        by_article = _items_from_frame(quotes, "quote_share")
        rows = [
            _share_row(aid, article_words, by_article.get(aid, []))
            for (aid, _), article_words in zip(articles, found, strict=True)
        ]
        return pd.DataFrame(rows).astype(_SHARE_DTYPES)
    return pd.DataFrame(columns).astype(_SHARE_DTYPES)


def _offsets(column: pd.Series) -> np.ndarray:
    """``int`` of each value of a start or end column, as int64."""
    if pd.api.types.is_signed_integer_dtype(column.dtype) and not column.hasnans:
        return column.to_numpy(dtype=np.int64)
    return np.array([int(v) for v in column.tolist()], dtype=np.int64)


def _share_columns(ids: list, found: list[_Words], quotes_frame: pd.DataFrame) -> dict | None:
    """The columns of :func:`_share_row` for all articles at once (``ids``, their words
    ``found``), from the speech rows of ``quotes_frame`` as :func:`_items_from_frame` reads
    them; None unless every article id is a distinct string and every speech span of them lies
    inside its text (``0 <= start <= end <= len(text)``), where the row-by-row code is used.

    Each article gets its own stretch of one number line (the stretches of the articles before
    it end below it), with its words at their offsets there. An article's spans, sorted as
    :func:`_items_from_frame` sorts them, are merged where they overlap or touch as
    :func:`_merged` merges them; the words inside each merged span are two ``searchsorted``
    calls over all words (``_Words.inside``), and the sums per article are ``np.add.at``.
    """
    if len(set(ids)) < len(ids) or not all(isinstance(i, str) for i in ids):
        return None
    require_columns(
        quotes_frame, ["article_id", "start", "end", "kind", "speaker"], caller="quote_share"
    )
    kind = quotes_frame["kind"].astype("string")
    sel = quotes_frame[kind.isin(SPEECH_KINDS).fillna(False).to_numpy(dtype=bool)]
    # every speech row read as _items_from_frame reads it (the same errors for bad values)
    starts, ends = _offsets(sel["start"]), _offsets(sel["end"])
    has_id = np.zeros(len(sel), dtype=bool)
    attribution = np.zeros(len(sel), dtype=object)
    if "attribution_id" in sel.columns:
        has_id = sel["attribution_id"].notna().to_numpy(dtype=bool)
        values = sel["attribution_id"].tolist()
        attribution[:] = [int(v) if has else None for v, has in zip(values, has_id, strict=True)]
    position = {identity: n for n, identity in enumerate(ids)}
    # the rows of sel that belong to an article of ids
    article = np.array([position.get(str(a), -1) for a in sel["article_id"].tolist()], dtype=int)
    n, rows = len(ids), np.flatnonzero(article >= 0)
    article, starts, ends = article[rows], starts[rows], ends[rows]
    length = np.array([len(w.text) for w in found], dtype=np.int64)
    if ((starts < 0) | (starts > ends) | (ends > length[article])).any():
        return None
    quoted = sel["kind"].astype("string").isin(QUOTED_KINDS).to_numpy(dtype=bool)[rows]
    known = sel["speaker"].notna().to_numpy(dtype=bool)
    speaker = np.array(sel["speaker"].tolist(), dtype=object)
    speaker[~known] = None
    speaker, has_id, attribution = speaker[rows], has_id[rows], attribution[rows]

    # _items_from_frame's order: by article, then start, then end, ties in frame order
    order = np.lexsort((ends, starts, article))
    article, starts, ends = article[order], starts[order], ends[order]
    quoted, speaker = quoted[order], speaker[order]
    has_id, attribution = has_id[order], attribution[order]

    n_words = np.array([len(w) for w in found], dtype=np.int64)
    base = np.concatenate(([0], np.cumsum(length + 1)[:-1]))
    word_starts = np.concatenate(
        [np.frombuffer(w.starts, dtype=w.starts.typecode).astype(np.int64) for w in found]
    ) + np.repeat(base, n_words)
    word_ends = np.concatenate(
        [np.frombuffer(w.ends, dtype=w.ends.typecode).astype(np.int64) for w in found]
    ) + np.repeat(base, n_words)
    at, to = starts + base[article], ends + base[article]

    def merged_sums(chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Words inside, and characters of, the merged spans of the ``chosen`` rows."""
        words_in, chars = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
        if chosen.any():
            lo, hi, owner = at[chosen], to[chosen], article[chosen]
            reach = np.maximum.accumulate(hi)
            opens = np.ones(len(lo), dtype=bool)
            opens[1:] = lo[1:] > reach[:-1]
            first = np.flatnonzero(opens)
            block_lo, block_hi = lo[first], np.maximum.reduceat(hi, first)
            inside = np.searchsorted(word_ends, block_hi, "right")
            inside -= np.searchsorted(word_starts, block_lo, "left")
            np.add.at(words_in, owner[first], np.maximum(inside, 0))
            np.add.at(chars, owner[first], block_hi - block_lo)
        return words_in, chars

    quoted_words, quoted_chars = merged_sums(quoted)
    attributed_words, _ = merged_sums(np.ones(len(article), dtype=bool))

    # Speakers of quotations: quotations and words (_Words.count) per (article, speaker);
    # the top one has most words, then most quotations, then comes first.
    top = np.full(n, None, dtype=object)
    n_speakers = np.zeros(n, dtype=np.int64)
    spoken = quoted & np.array([bool(v) for v in speaker], dtype=bool)
    if spoken.any():
        rows_spoken = np.flatnonzero(spoken)
        # _Words.count: the words from the first starting at or after the span's start to the
        # last ending at or before its end, unless a word runs across either end (then scan)
        lo, hi = at[rows_spoken], to[rows_spoken]
        first_word = np.searchsorted(word_starts, lo, "left")
        stop_word = np.searchsorted(word_ends, hi, "right")
        last = max(len(word_starts) - 1, 0)
        crosses = (first_word > 0) & (word_ends[np.maximum(first_word - 1, 0)] > lo)
        crosses |= (stop_word < len(word_starts)) & (word_starts[np.minimum(stop_word, last)] < hi)
        counted = np.maximum(stop_word - first_word, 0)
        for k in np.flatnonzero(crosses).tolist():
            row = rows_spoken[k]
            counted[k] = found[article[row]].count(int(starts[row]), int(ends[row]))
        codes, names = pd.factorize(speaker[rows_spoken])
        key = article[rows_spoken] * len(names) + codes
        keys, first, group = np.unique(key, return_index=True, return_inverse=True)
        count = np.bincount(group, minlength=len(keys))
        spoken_words = np.zeros(len(keys), dtype=np.int64)
        np.add.at(spoken_words, group, counted)
        owner = keys // len(names)
        best = np.lexsort((first, -count, -spoken_words, owner))
        leader = best[np.r_[True, owner[best][1:] != owner[best][:-1]]]
        top[owner[leader]] = np.asarray(names, dtype=object)[keys[leader] % len(names)]
        n_speakers = np.bincount(owner, minlength=n).astype(np.int64)

    # Attributions: each distinct id of an article once, each row without one on its own.
    with_id = np.flatnonzero(has_id)
    distinct = set(zip(article[with_id].tolist(), attribution[with_id].tolist(), strict=True))
    n_attributions = np.bincount(
        np.array([a for a, _ in distinct], dtype=np.int64), minlength=n
    ) + np.bincount(article[~has_id], minlength=n)

    reported_words = attributed_words - quoted_words

    def share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
        """part / whole (as Python divides the two ints), NaN where whole is 0."""
        return np.where(whole > 0, part / np.maximum(whole, 1), _NO_WORDS)

    return {
        "article_id": ids,
        "n_quotes": np.bincount(article[quoted], minlength=n).astype(np.int64),
        "quoted_words": quoted_words,
        "total_words": n_words,
        "quote_share": share(quoted_words, n_words),
        "quote_char_share": share(quoted_chars, length),
        "n_speakers": n_speakers,
        "top_speaker": top,
        "n_attributions": n_attributions.astype(np.int64),
        "reported_words": reported_words,
        "reported_share": share(reported_words, n_words),
        "attributed_words": attributed_words,
        "attributed_share": share(attributed_words, n_words),
    }


def _speaker_rows(article_id: str, text: str, items: list[_Speech]) -> list[dict]:
    # Speakers have few spans each: scanning them costs less than finding all the words of
    # the text first, as quote_share does.
    inside = partial(_words_inside, text)
    by_speaker: dict[str, list[_Speech]] = {}
    first: dict[str, int] = {}
    for n, item in enumerate(items):
        if item.speaker:
            by_speaker.setdefault(item.speaker, []).append(item)
            first.setdefault(item.speaker, n)
    rows = []
    for name, own in by_speaker.items():
        quotes_ = [i for i in own if i.quoted]
        rows.append(
            {
                "article_id": article_id,
                "speaker": name,
                "n_quotes": len(quotes_),
                "quoted_words": sum(len(WORD_RE.findall(text, i.start, i.end)) for i in quotes_),
                "attributed_words": _union_words(inside, ((i.start, i.end) for i in own)),
                "n_attributions": len({i.attribution for i in own}),
                "_first": first[name],
            }
        )
    rows.sort(
        key=lambda r: (-r["attributed_words"], -r["quoted_words"], -r["n_quotes"], r["_first"])
    )
    for row in rows:
        del row["_first"]
    return rows


def speakers(df: pd.DataFrame, *, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who speaks: one row per (article, resolved speaker) of attributed speech.

    Columns: ``article_id``, ``speaker``, ``n_quotes`` and ``quoted_words`` (the speaker's
    direct and partial quotations: how many, and their words), ``attributed_words`` (words of
    all the speaker's speech, quoted or reported, each word once) and ``n_attributions``
    (distinct attributions; one per row when the quotes table has no ``attribution_id``).
    Speakers with only indirect speech are included with ``n_quotes`` 0. Within an article,
    speakers are ordered by attributed words (most first), then quoted words, then quotations,
    then first appearance in the text. ``quotes``: as in :func:`quote_share`.

    Example:
        >>> import pandas as pd
        >>> text = '"Go," Ann Lee said. "Stay," said Bob Ray. "Now," Lee said.'
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
        >>> speakers(arts).values.tolist()
        [['a', 'Ann Lee', 2, 2, 2, 2], ['a', 'Bob Ray', 1, 1, 1, 1]]
    """
    rows = [
        row
        for aid, text, items in _speech(df, quotes, "speakers")
        for row in _speaker_rows(aid, text, items)
    ]
    if not rows:
        return empty_frame(_SPEAKER_DTYPES)
    return pd.DataFrame(rows).astype(_SPEAKER_DTYPES)


def _speech(df: pd.DataFrame, quotes_frame: pd.DataFrame | None, caller: str):
    """[(article_id, text, [_Speech, ...])] for each article, in input order."""
    articles = list(_articles(df, caller))
    if quotes_frame is None:
        quotes_frame = _find_quotes(df)
    by_article = _items_from_frame(quotes_frame, caller)
    return [(aid, str(text), by_article.get(aid, [])) for aid, text in articles]
