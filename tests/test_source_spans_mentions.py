"""Which mention is the source when several stand near the cue: the participle's speaker
after a quotation, and the like (PolNeAR Source spans, compared by their first and last word).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest
from quote_rows import indirect


def source_of(text: str, cue: str) -> tuple[str, str]:
    """(source span as written, resolved speaker) of the reported-speech row whose cue is
    ``cue``."""
    q = indirect(text)
    r = q[q["cue"] == cue].iloc[0]
    return text[int(r["speaker_start"]) : int(r["speaker_end"])], r["speaker"]


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # a name inside the quotation is no subject of the participle after it
        (
            "Ann Lee spoke on Monday. “Like him or not, Tom Roe has shaped what our town looks "
            "like,” Lee said, adding that Bayview had never seen a mayor like him.",
            "adding",
            "Lee",
        ),
        (
            '"Is Tom Roe running against the Harbor Board?" asked Mr. Lee, referring to the '
            "mayor's long fight with the board.",
            "referring to",
            "Mr. Lee",
        ),
    ],
)
def test_the_participle_after_a_quotation_is_its_speakers(text, cue, expected):
    span, speaker = source_of(text, cue)
    assert span == expected
    assert "Roe" not in speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the document's owner who put it out speaks, not the document
        (
            "Tom Roe spoke later. His office put out a statement saying the pier “was not safe "
            "for anyone at all.”",
            "His office",
        ),
        (
            "Shortly after the call ended, Lee’s campaign sent out a press release saying Roe "
            "owes “Bayview an answer for voting against the pier.”",
            "Lee’s campaign",
        ),
    ],
)
def test_the_possessed_subject_who_put_out_a_document(text, expected):
    q = indirect(text)
    assert text[int(q.iloc[0]["speaker_start"]) : int(q.iloc[0]["speaker_end"])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun cue is the object of its owner's verb: the subject is the source
        ("Tom Roe on Thursday ratcheted up his attacks on Ann Lee.", "Tom Roe"),
        ("Ann Lee spoke at noon. She has stepped up her attacks on the board's plans.", "She"),
        # after a preposition, a joiner or an infinitive the possessive stays the source
        ("Ann Lee was blunt in her attacks on the board.", "her"),
        ("Tom Roe lost the vote since his attacks on the board.", "his"),
        ("Ann Lee needs to temper her attacks on the board.", "her"),
        # a subject pronoun of another person keeps the possessive
        ("Tom Roe left the race in May. Now they continue his attacks on the board.", "his"),
        # a body is no 'he' or 'she'
        ("Ann Lee spoke first. The council renewed her attacks on the board.", "her"),
    ],
)
def test_the_owner_of_a_noun_cue_after_its_verb(text, expected):
    q = indirect(text)
    r = q[q["cue"] == "attacks on"].iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an owner and its noun opening the sentence are the subject of its participle
        (
            "Lee's campaign also went on the offensive, tweeting a video of Roe from 1999.",
            "Lee's campaign",
        ),
        (
            "Bayview's mayor took the unusual step of criticizing the board, accusing it of waste.",
            "Bayview's mayor",
        ),
        ("Her aides pushed back hard on Monday, arguing that the pier was safe.", "Her aides"),
    ],
)
def test_an_owner_and_its_noun_opening_the_sentence_speak_in_its_participle(text, expected):
    r = indirect(text).iloc[-1]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == expected
