"""Reported speech in newslib.quotes: shapes added for recall (what was asked, ...).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest
from quote_rows import indirect


def span(text: str, row, name: str) -> str | None:
    start, end = row[f"{name}_start"], row[f"{name}_end"]
    return None if pd.isna(start) else text[int(start) : int(end)]


@pytest.mark.parametrize(
    "text, content, speaker, cue",
    [
        (
            "The mayor asked the council to approve the budget this year.",
            "the council to approve the budget this year",
            "The mayor",
            "asked",
        ),
        (
            "Ada Lind has asked the court to intervene.",
            "the court to intervene",
            "Ada Lind",
            "has asked",
        ),
        ("Ada Lind asked him to resign.", "to resign", "Ada Lind", "asked"),
        (
            "When she asked neighbors to plant trees, many did.",
            "neighbors to plant trees",
            "she",
            "asked",
        ),
        (
            "The club asked its members which speaker they liked best.",
            "which speaker they liked best",
            "The club",
            "asked",
        ),
        (
            "The lawyer asked for a sentence of two years.",
            "a sentence of two years",
            "The lawyer",
            "asked for",
        ),
        (
            "The driver asked for helpers to load the van, and two came.",
            "helpers to load the van",
            "The driver",
            "asked for",
        ),
        (
            "Ada Lind told reporters to expect a ruling soon.",
            "reporters to expect a ruling soon",
            "Ada Lind",
            "told",
        ),
    ],
)
def test_what_was_asked_is_the_object_and_its_infinitive_or_question(text, content, speaker, cue):
    r = indirect(text).iloc[0]
    assert (r["text"], span(text, r, "speaker"), r["cue"]) == (content, speaker, cue)


def test_asked_with_a_plain_object_and_no_infinitive_is_no_report():
    assert indirect("The mayor asked the council a favor.").empty
    assert indirect("She asked him, and he came.").empty
