"""The bounds of reported content in newslib.quotes: where a content span starts and ends.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest
from quote_rows import indirect, rows


def contents(text: str) -> list[str]:
    """The text of each reported-speech content of ``text``, in order."""
    q = indirect(text)
    return [text[int(s) : int(e)] for s, e in zip(q["start"], q["end"], strict=True)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Tom Roe said “the new plan” was bad.", "“the new plan” was bad"),
        ('Tom Roe said "the new plan" would fail.', '"the new plan" would fail'),
        ("Ann Lee said «the harbor tax» had failed.", "«the harbor tax» had failed"),
    ],
)
def test_content_opening_with_a_quotation_holds_both_its_marks(text, content):
    assert contents(text) == [content]
    q = rows(text)
    partial = q[q["kind"] == "partial"]
    assert len(partial) == 1  # the quotation is still a partial row of its own
    assert text[int(partial["start"].iloc[0]) - 1] in '“"«'


def test_content_with_a_quotation_inside_keeps_its_start():
    text = "Ann Lee said the plan was “a disaster” for the town."
    assert contents(text) == ["the plan was “a disaster” for the town"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ann Lee praised the new harbor in Bayview, Maine, on Monday.",
            "the new harbor in Bayview, Maine",
        ),
        (
            "Ann Lee criticized Tom Roe and his deputy, Cal Finch, for the delay.",
            "Tom Roe and his deputy, Cal Finch",
        ),
        (
            "Ann Lee criticized the vote on May 2, 2016, in a long letter.",
            "the vote on May 2, 2016",
        ),
        # a comma before a lower-case word still ends the object
        ("Ann Lee criticized the plan, which the board passed.", "the plan"),
    ],
)
def test_stance_object_runs_on_over_a_place_a_name_or_a_year(text, content):
    assert contents(text) == [content]


def test_stance_object_ends_before_a_name_that_opens_a_cue_of_its_own():
    text = "Ann Lee criticized the harbor plan, Tom Roe told the Bayview board."
    assert "the harbor plan, Tom Roe told the Bayview board" not in contents(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ada Lind asked him to resign.", "him to resign"),
        ("Ann Lee urged them to vote early.", "them to vote early"),
        ("Tom Roe called for her to quit the race.", "her to quit the race"),
        # as a noun object is: the one asked to act is part of what was asked
        ("Ann Lee urged the mayor to act.", "the mayor to act"),
    ],
)
def test_pronoun_asked_to_act_is_part_of_the_content(text, content):
    assert contents(text) == [content]


def test_listener_pronoun_of_a_clause_stays_out_of_the_content():
    assert contents("Ann Lee told them the plan would fail.") == ["the plan would fail"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a name after the comma that opens a clause of its own ends the object
        ("As Ann Lee criticized the plan, Bayview residents gathered outside.", "the plan"),
        ("Once Ann Lee condemned the attack, Republicans followed suit.", "the attack"),
        (
            "Having endorsed Ann Lee this month, Tom Roe has been a strong voice.",
            "Ann Lee this month",
        ),
        ("Ann Lee criticized the plan, Tom Roe has voted for it twice.", "the plan"),
    ],
)
def test_stance_object_ends_before_a_clause_opening_with_a_name(text, content):
    assert content in contents(text)
    assert not any(c.startswith(content + ",") for c in contents(text))


def test_content_over_a_line_break_is_one_piece_per_line():
    # a title line and its subtitle, attributed at the end: two pieces of one attribution
    text = "Harbor Board approves new pier;\nVote ends a long dispute, Ann Lee says.\n\nMore."
    assert contents(text) == ["Harbor Board approves new pier", "Vote ends a long dispute"]
    q = indirect(text)
    assert q["attribution_id"].nunique() == 1
    assert set(q["cue"]) == {"says"}


def test_content_without_a_line_break_stays_one_span():
    text = "Tom Roe said that the Harbor Board approved the pier and that the vote ended it."
    assert contents(text) == ["that the Harbor Board approved the pier and that the vote ended it"]


def test_hard_wrapped_content_is_not_cut_at_its_line_breaks():
    # a plain-text file wrapped at a fixed width: the sentence goes on after each line break
    text = "Tom Roe said the pier\nwill open in May and\nthe ferry will run daily.\n\nMore."
    assert contents(text) == ["the pier\nwill open in May and\nthe ferry will run daily"]


@pytest.mark.parametrize(
    ("text", "head", "rest"),
    [
        ("The toll, which Tom Roe said was too high, went up.", "which", "was too high"),
        ("It is the kind of job that some experts say is gone.", "that", "is gone"),
        ("The pier, which Ann Lee described as a ruin, closed.", "which", "as a ruin"),
        ("Nobody liked what Ann Lee said would come next.", "what", "would come next"),
        # no relative pronoun: the noun phrase after the comma that the clause hangs on
        ("Tom Roe cut the toll, a step his aides hope will help.", "a step", "will help"),
    ],
)
def test_relative_pronoun_before_the_source_is_a_piece_of_the_content(text, head, rest):
    q = indirect(text)
    got = contents(text)
    assert got[0] == head
    assert got[1].startswith(rest)
    assert q["attribution_id"].nunique() == 1  # both pieces belong to one attribution


@pytest.mark.parametrize(
    "text",
    [
        "Tom Roe argued that Ann Lee said the vote was late.",  # 'that' opens a clause
        "Ann Lee said the toll was too high.",  # no relative pronoun at all
        "The toll, which Ann Lee set, was too high.",  # 'set' is no speech verb
        "Tom Roe cut the toll, a step his aides praised.",  # no clause after the cue
    ],
)
def test_no_relative_piece_without_a_relative_clause_around_the_source(text):
    assert not any(c.lower() in ("that", "which", "a step") for c in contents(text))


@pytest.mark.parametrize(
    ("text", "lead", "rest"),
    [
        (
            "Over the years, Ann Lee said, the harbor has grown quiet.",
            "Over the years",
            "the harbor",
        ),
        (
            "In most cases, the inspectors say, the ferries leave late.",
            "In most cases",
            "the ferries",
        ),
    ],
)
def test_lead_before_a_parenthetical_attribution_is_a_piece_of_the_content(text, lead, rest):
    q = indirect(text)
    got = contents(text)
    assert got[0] == lead
    assert got[1].startswith(rest)
    assert q["attribution_id"].nunique() == 1


def test_lead_before_a_parenthetical_attribution_and_a_quotation_stays_out():
    text = "Of course, Tom Roe said, “The ferry was never late.”"
    q = rows(text)
    assert "Of course" not in [
        text[int(s) : int(e)] for s, e in zip(q["start"], q["end"], strict=True)
    ]
    assert (q["kind"] == "direct").sum() == 1


@pytest.mark.parametrize(
    "text",
    ["Half the ferry crews said so in May.", "Ann Lee thinks so, and Tom Roe said so too."],
)
def test_so_after_a_speech_verb_is_the_content(text):
    got = contents(text)
    assert got and all(c == "so" for c in got)


@pytest.mark.parametrize("text", ["Tom Roe said so many things.", "Tom Roe did so."])
def test_so_opening_a_phrase_or_after_another_verb_is_no_content(text):
    assert "so" not in contents(text)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        (
            "The toll is too high, Tom Roe said in an interview, but the board will not cut it.",
            "but the board will not cut it",
        ),
        ("The pier is safe, Ann Lee said on Monday, and it will reopen soon.", "and it will"),
        (
            "The pier is safe, Ann Lee said in a phone interview, and it will reopen soon.",
            "and it will",
        ),
    ],
)
def test_words_after_a_closing_attribution_with_a_day_are_a_second_piece(text, rest):
    q = indirect(text)
    got = contents(text)
    assert len(got) == 2 and got[1].startswith(rest)
    assert q["attribution_id"].nunique() == 1
