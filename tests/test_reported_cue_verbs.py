"""Reported speech in newslib.quotes: cue verbs and constructions added for recall in session
26 (disclosure, stances, headlines, ...). Every sentence here is written for these tests; the
names are invented.
"""

from __future__ import annotations

import pytest
from quote_rows import indirect


@pytest.mark.parametrize(
    "text",
    [
        "The flood threatened the harbor for a week.",
        "The storm threatened to flood Bayview.",
        "Storm Threatens Bayview Pier\n\nThe ferry stopped.",
        "Shark Attacks Swimmer Off Bayview Pier\n\nThe beach closed.",
    ],
)
def test_a_threat_or_an_attack_by_a_thing_is_no_speech(text):
    # storms threaten and sharks attack: 'threaten' is no cue (no test tells who can threaten)
    assert indirect(text).empty


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "New Poll Shows Ann Lee Ahead In Bayview\n\nThe race is close.",
            "New Poll",
            "Shows",
            "Ann Lee Ahead In Bayview",
        ),
        (
            "Harbor Board Study Finds Bay Cleaner Than Expected\n\nThe bay is clean.",
            "Harbor Board Study",
            "Finds",
            "Bay Cleaner Than Expected",
        ),
    ],
)
def test_a_title_case_headline_reports_a_finding(text, source, cue, content):
    speech = indirect(text)
    assert speech["text"].tolist()[:1] == [content]
    assert speech["speaker_mention"].tolist()[:1] == [source]
    assert speech["cue"].str.lower().tolist()[:1] == [cue.lower()]


def test_a_headline_phrasal_verb_is_no_finding():
    # 'Shows Off': the board shows a ferry, it reports nothing
    assert indirect("Harbor Board Shows Off New Ferry\n\nThe ferry is new.").empty


@pytest.mark.parametrize(
    "text, content, speaker, cue",
    [
        (
            "Ann Lee concedes that the port will close.",
            "that the port will close",
            "Ann Lee",
            "concedes",
        ),
        ("The port will close, Tom Roe concedes.", "The port will close", "Tom Roe", "concedes"),
        (
            "Tom Roe confesses he never read the report.",
            "he never read the report",
            "Tom Roe",
            "confesses",
        ),
        ("The plan is sound, Ann Lee rebutted.", "The plan is sound", "Ann Lee", "rebutted"),
        (
            "Tom Roe theorized that the Harbor Board had sold the land.",
            "that the Harbor Board had sold the land",
            "Tom Roe",
            "theorized",
        ),
    ],
)
def test_more_speech_verbs_report(text, content, speaker, cue):
    speech = indirect(text)
    assert speech["text"].tolist() == [content]
    assert speech["speaker_mention"].tolist() == [speaker]
    assert speech["cue"].tolist() == [cue]


@pytest.mark.parametrize(
    "text",
    ["After conceding, Tom Roe left the hall.", "The case had a confessed thief at its heart."],
)
def test_a_speech_verb_with_nothing_said_is_no_speech(text):
    assert indirect(text).empty


@pytest.mark.parametrize(
    "text, content, speaker, cue",
    [
        (
            "Ann Lee disclosed that the Harbor Board had lost $2 million.",
            "that the Harbor Board had lost $2 million",
            "Ann Lee",
            "disclosed",
        ),
        ("The port lost money, Tom Roe divulged.", "The port lost money", "Tom Roe", "divulged"),
    ],
)
def test_a_disclosure_reports_its_clause(text, content, speaker, cue):
    speech = indirect(text)
    assert speech["text"].tolist() == [content]
    assert speech["speaker_mention"].tolist() == [speaker]
    assert speech["cue"].tolist() == [cue]


@pytest.mark.parametrize(
    "text", ["The disclosed sum was paid in May.", "The sum was disclosed in May."]
)
def test_a_disclosed_thing_with_no_discloser_is_no_speech(text):
    assert indirect(text).empty


@pytest.mark.parametrize(
    "text, content, speaker, cue",
    [
        (
            "Ann Lee congratulated the Harbor Board on the new ferry.",
            "the Harbor Board on the new ferry",
            "Ann Lee",
            "congratulated",
        ),
        (
            "Ann Lee intimated that the ferry would be late.",
            "that the ferry would be late",
            "Ann Lee",
            "intimated",
        ),
    ],
)
def test_a_congratulation_or_hint_reports_its_object(text, content, speaker, cue):
    speech = indirect(text)
    assert speech["text"].tolist() == [content]
    assert speech["speaker_mention"].tolist() == [speaker]
    assert speech["cue"].tolist() == [cue]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The ferry will run late this week, Ann Lee told her.", "Ann Lee"),
        ("The ferry will run late this week, the chairman told them on Monday.", "the chairman"),
        ("The ferry will run late this week, Tom Roe told voters.", "Tom Roe"),
    ],
)
def test_a_closing_tell_with_only_its_listener_reports_the_sentence(text, speaker):
    speech = indirect(text)
    assert speech["text"].tolist() == ["The ferry will run late this week"]
    assert speech["speaker_mention"].tolist() == [speaker]
    assert speech["cue"].tolist() == ["told"]


def test_a_tell_with_a_clause_after_its_listener_reports_the_clause():
    # the listener is followed by what was told: the lead is no content
    speech = indirect("In May, Ann Lee told him the ferry would run late.")
    assert speech["text"].tolist() == ["the ferry would run late"]


def test_a_plural_say_after_the_content_inverts_like_said():
    text = "The ferry will run late, say two members of the Harbor Board."
    speech = indirect(text)
    assert speech["text"].tolist() == ["The ferry will run late"]
    assert speech["speaker_mention"].tolist() == ["two members of the Harbor Board"]
    assert speech["cue"].tolist() == ["say"]


def test_a_plural_say_before_a_clause_is_no_inversion():
    # 'say the ferry ...': a clause follows, so 'say' reports it, not the lead
    speech = indirect("In Bayview, residents say the ferry will run late.")
    assert speech["text"].tolist() == ["the ferry will run late"]
    assert speech["speaker_mention"].tolist() == ["residents"]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "In nearby Bayview, the pier is holding up, but it is under strain from storms, "
            "said the Harbor Board's chief engineer, Tom Roe.",
            "In nearby Bayview, the pier is holding up, but it is under strain from storms",
            "the Harbor Board's chief engineer, Tom Roe",
        ),
        (
            "The firm worked for the Harbor Board on taxes and other issues, said lobbyist "
            "Tom Roe, Ann Lee's former business partner.",
            "The firm worked for the Harbor Board on taxes and other issues",
            "lobbyist Tom Roe, Ann Lee's former business partner",
        ),
    ],
)
def test_an_inverted_speaker_with_a_closing_apposition(text, content, speaker):
    # the name or role after the comma closes the sentence: it is the speaker's, not content
    speech = indirect(text)
    assert speech["text"].tolist() == [content]
    assert speech["speaker_mention"].tolist() == [speaker]
    assert speech["cue"].tolist() == ["said"]


def test_a_reporting_verb_after_the_name_makes_a_clause_not_an_inverted_speaker():
    # 'said Lee believes ...': Lee is the subject of the reported clause, not the speaker
    text = (
        "His campaign manager, Tom Roe, said Lee believes those efforts - which include "
        "radio ads - will pay off."
    )
    speech = indirect(text)
    assert speech["text"].tolist() == [
        "Lee believes those efforts - which include radio ads - will pay off"
    ]
    assert speech["speaker_mention"].tolist() == ["His campaign manager, Tom Roe"]


def test_a_clause_after_a_semicolon_leaves_a_closing_attribution_alone():
    text = "Ann Lee spoke. The ferry did carry some cars, she said; her aides believe the logs."
    speech = indirect(text)
    assert speech["text"].tolist()[:1] == ["The ferry did carry some cars"]
    assert speech["speaker_mention"].tolist()[:1] == ["she"]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "The moderator asked Ann Lee about her ties to a ferry maker.",
            "her ties to a ferry maker",
            "The moderator",
        ),
        (
            "In the same debate, the moderator asked Ann Lee about her ties to a ferry maker.",
            "her ties to a ferry maker",
            "the moderator",
        ),
        ("Tom Roe asked the mayor about the ferry on Monday.", "the ferry on Monday", "Tom Roe"),
    ],
)
def test_asking_someone_about_something_reports_what_was_asked_about(text, content, speaker):
    speech = indirect(text)
    assert speech["text"].tolist() == [content]
    assert speech["speaker_mention"].tolist() == [speaker]
    assert speech["cue"].tolist() == ["asked"]


@pytest.mark.parametrize("text", ["Ann Lee asked Tom Roe out.", "The job asked a lot of the crew."])
def test_asking_without_a_question_is_no_speech(text):
    assert indirect(text).empty


def test_according_to_after_a_colon_opens_its_sentence():
    text = (
        "Ann Lee spoke.\n\nHer remarks stayed the same. And it has not gone unnoticed: "
        "According to recent polls, Ann Lee holds only 14 percent of the vote."
    )
    speech = indirect(text)
    assert speech["text"].tolist() == ["Ann Lee holds only 14 percent of the vote"]
    assert speech["speaker_mention"].tolist() == ["recent polls"]


def test_according_to_after_a_subordinator_reports_the_clause_after_it():
    speech = indirect("The pier closed because, according to the board, the ferry was late.")
    assert speech["text"].tolist() == ["the ferry was late"]
    assert speech["speaker_mention"].tolist() == ["the board"]


def test_according_to_as_an_aside_after_a_main_clause_keeps_both_pieces():
    # no subordinator before the aside: the clause before it is the board's too
    speech = indirect("The ferry is late, according to the board, and the pier is closed.")
    assert speech["text"].tolist() == ["The ferry is late", "and the pier is closed"]


@pytest.mark.parametrize(
    "text, content, speaker, cue",
    [
        (
            "The court ruled that the Harbor Board had broken the law.",
            "that the Harbor Board had broken the law",
            "The court",
            "ruled",
        ),
        (
            "Ann Lee commented that the ferry was late.",
            "that the ferry was late",
            "Ann Lee",
            "commented",
        ),
        (
            "Tom Roe reasoned that voters would forgive him.",
            "that voters would forgive him",
            "Tom Roe",
            "reasoned",
        ),
    ],
)
def test_a_ruling_or_reasoning_reports_its_clause(text, content, speaker, cue):
    speech = indirect(text)
    assert speech["text"].tolist() == [content]
    assert speech["speaker_mention"].tolist() == [speaker]
    assert speech["cue"].tolist() == [cue]


def test_a_ruling_without_a_clause_is_no_speech():
    assert indirect("The referee ruled the goal offside.").empty


@pytest.mark.parametrize(
    "text, content, speaker, cue",
    [
        (
            "The Harbor Board determined that the pier was unsafe.",
            "that the pier was unsafe",
            "The Harbor Board",
            "determined",
        ),
        (
            "Ann Lee decided that the ferry would stop in Bayview.",
            "that the ferry would stop in Bayview",
            "Ann Lee",
            "decided",
        ),
    ],
)
def test_a_decision_reports_its_clause(text, content, speaker, cue):
    speech = indirect(text)
    assert speech["text"].tolist() == [content]
    assert speech["speaker_mention"].tolist() == [speaker]
    assert speech["cue"].tolist() == [cue]


@pytest.mark.parametrize(
    "text", ["Tom Roe was determined to win.", "The board decided the matter on Monday."]
)
def test_a_decision_without_a_clause_is_no_speech(text):
    assert indirect(text).empty


def test_a_headline_backing_down_is_no_speech():
    assert indirect("Harbor Board Backs Down On Ferry Fares\n\nThe board met.").empty


def test_a_congratulation_as_a_noun_is_no_speech():
    assert indirect("The congratulations came late from Bayview.").empty
