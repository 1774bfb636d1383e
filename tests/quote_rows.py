"""The quotes table of one text written for a test, and its reported-speech rows: shared by
the tests of reported speech and of speaker finding."""

from __future__ import annotations

import pandas as pd

from newslib.quotes import quotes


def rows(text: str) -> pd.DataFrame:
    """Every row newslib.quotes finds in ``text`` (one article)."""
    return quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))


def indirect(text: str) -> pd.DataFrame:
    """The reported-speech rows of ``text``, numbered from 0."""
    q = rows(text)
    return q[q["kind"] == "indirect"].reset_index(drop=True)
