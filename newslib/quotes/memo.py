"""Memos for the last key only: the sentence starts of the article being read, the names of
one rules object's mentions. The rules ask the same questions of one article (or of one rules
object) many times; a memo of the last key answers them without holding every article.

The key and its values are one tuple, replaced whole, so threads reading different articles
never see one article's values under another's key (they only share less).
"""

from __future__ import annotations


class LastKeyMemo:
    """Values worked out for the last key seen (compared by identity), dropped when the key
    changes or when more than ``limit`` values are held.

    >>> memo = LastKeyMemo()
    >>> text = "Lee said it works."
    >>> memo.values(text)["starts"] = [0]
    >>> memo.values(text)
    {'starts': [0]}
    >>> memo.values("Another article.")
    {}
    """

    def __init__(self, limit: int | None = None) -> None:
        self._entry: tuple[object, dict] = (None, {})
        self._limit = limit

    def values(self, key: object) -> dict:
        """The dict of values for ``key`` (a new empty one when ``key`` is not the last)."""
        entry = self._entry
        if entry[0] is not key or (self._limit is not None and len(entry[1]) > self._limit):
            entry = (key, {})
            self._entry = entry
        return entry[1]
