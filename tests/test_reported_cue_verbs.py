"""Reported speech in newslib.quotes: cue verbs and constructions added for recall in session
26 (threats, ...). Every sentence here is written for these tests; the names are invented.
"""

from __future__ import annotations

import pytest
from quote_rows import indirect


@pytest.mark.parametrize(
    "text, content, speaker, cue",
    [
        (
            "Ann Lee threatened to close the port by May.",
            "to close the port by May",
            "Ann Lee",
            "threatened",
        ),
        (
            "Tom Roe has threatened to veto the Harbor Board budget.",
            "to veto the Harbor Board budget",
            "Tom Roe",
            "has threatened",
        ),
        (
            "The union threatens to strike in Bayview.",
            "to strike in Bayview",
            "The union",
            "threatens",
        ),
    ],
)
def test_a_threat_reports_its_infinitive(text, content, speaker, cue):
    speech = indirect(text)
    assert speech["text"].tolist() == [content]
    assert speech["speaker_mention"].tolist() == [speaker]
    assert speech["cue"].tolist() == [cue]


def test_a_threat_without_an_infinitive_is_no_speech():
    # 'threatened the harbor': a danger, not something anyone said
    assert indirect("The flood threatened the harbor for a week.").empty
