"""Reported speech in newslib.quotes: shapes added for recall (what was asked, ...).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest
from quote_rows import indirect, rows


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
        ("Ada Lind asked him to resign.", "him to resign", "Ada Lind", "asked"),
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


def test_a_determiner_and_a_plural_head_after_said_are_its_speaker():
    text = "The square was busier than it had been in years, said several neighbors."
    r = indirect(text).iloc[0]
    assert r["text"] == "The square was busier than it had been in years"
    assert span(text, r, "speaker") == "several neighbors"


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("The county reported a sharp rise in turnout.", "a sharp rise in turnout", "The county"),
        ("Police reported no arrests, although the crowd was large.", "no arrests", "Police"),
        ("The club reported raising $2,000 at the fair.", "raising $2,000 at the fair", "The club"),
    ],
)
def test_reported_with_an_object_reports_it(text, content, speaker):
    r = indirect(text).iloc[0]
    assert (r["text"], span(text, r, "speaker")) == (content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The nurse reported to work on Monday.",
        "The story was first reported by a local paper.",
        "Ada Lind reported from the capital.",
        "Ada Lind reported two days later.",
    ],
)
def test_reported_with_no_object_or_in_a_passive_reports_nothing(text):
    assert indirect(text).empty


@pytest.mark.parametrize(
    "text, content, speaker, cue",
    [
        (
            "Voters cheered her decision not to raise taxes this year, which was popular.",
            "not to raise taxes this year",
            "her",
            "decision",
        ),
        (
            "Ann Lee's decision to run for the seat has surprised many.",
            "to run for the seat",
            "Ann Lee's",
            "decision",
        ),
        (
            "The board laughed at his claim that the bridge was safe, and the vote was close.",
            "that the bridge was safe",
            "his",
            "claim",
        ),
        (
            "He faced criticism from rivals that the plan was late and costly.",
            "that the plan was late and costly",
            "rivals",
            "criticism",
        ),
    ],
)
def test_a_noun_cue_with_its_source_written_beside_it(text, content, speaker, cue):
    r = indirect(text).iloc[0]
    assert (r["text"], span(text, r, "speaker"), r["cue"]) == (content, speaker, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The decision to close the road was made in May.",
        "His claims that were false spread fast.",
        "Her plan to the letter was clear.",
        "The board read his statement that morning.",
    ],
)
def test_a_noun_cue_without_a_source_or_a_clause_reports_nothing(text):
    assert indirect(text).empty


@pytest.mark.parametrize(
    "text, content, cue",
    [
        ("Her words were echoed by the mayor and two council members.", "Her words", "were echoed"),
        ("The levy was rejected by a wide margin.", "The levy", "was rejected"),
        ("Ann Lee is remembered as a reformer.", "Ann Lee", "is remembered as"),
    ],
)
def test_a_passive_of_speech_or_judgement_reports_its_subject(text, content, cue):
    r = indirect(text).iloc[0]
    assert (r["text"], r["cue"]) == (content, cue)


@pytest.mark.parametrize(
    "text, content, speaker, cue",
    [
        (
            # the noun phrase is the object of its owner's verb: PolNeAR marks the subject
            "Tom Roe stepped up his attacks on Ann Lee, calling her a failure.",
            "Ann Lee",
            "Tom Roe",
            "attacks on",
        ),
        (
            "Ann Lee's full embrace of the ferry levy surprised her allies.",
            "the ferry levy",
            "Ann Lee's",
            "full embrace of",
        ),
        (
            "The mayor's critique of the Harbor Board has startled the council.",
            "the Harbor Board",
            "The mayor's",
            "critique of",
        ),
        (
            "The council ignored the union's calls for a second vote.",
            "a second vote",
            "the union's",
            "calls for",
        ),
    ],
)
def test_a_stance_noun_with_an_owner_reports_its_object(text, content, speaker, cue):
    r = indirect(text).iloc[0]
    assert (r["text"], span(text, r, "speaker"), r["cue"]) == (content, speaker, cue)
    assert text[int(r["cue_start"]) : int(r["cue_end"])] == cue


@pytest.mark.parametrize(
    "text",
    [
        "The levy was rejected on Tuesday night.",
        "Her words were echoed in the hall and the band played.",
    ],
)
def test_a_passive_with_only_a_time_or_place_after_it_reports_nothing(text):
    assert indirect(text).empty


@pytest.mark.parametrize(
    "text",
    [
        "The storm's attack on the coast left ten homes without power.",
        "The attacks on the port stopped in May.",
        "A call for help came at noon.",
        "After the attack on the port, the ferry stopped running.",
    ],
)
def test_a_stance_noun_without_a_speaking_owner_reports_nothing(text):
    assert indirect(text).empty


@pytest.mark.parametrize(
    "text, content",
    [
        ("I think it's good.", "it's good"),
        ("She believes they're right about the road.", "they're right about the road"),
        ("He knows that’s wrong.", "that’s wrong"),
    ],
)
def test_a_contracted_pronoun_subject_opens_a_clause(text, content):
    assert indirect(text)["text"].tolist() == [content]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Most recently, Ann Lee called to ban cars from the square.",
            "to ban cars from the square",
        ),
        ("Last week, Ann Lee said the bridge would reopen.", "the bridge would reopen"),
    ],
)
def test_an_adverb_lead_before_the_speaker_is_no_content(text, content):
    assert indirect(text)["text"].tolist() == [content]


def test_a_that_after_a_dash_does_not_make_a_closing_cue_read_forward():
    text = (
        "The old pier will close in the spring, the port office said on Friday -- a step "
        "that worries the fishing crews."
    )
    r = indirect(text).iloc[0]
    assert (r["text"], span(text, r, "speaker")) == (
        "The old pier will close in the spring",
        "the port office",
    )


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The mayor is also expected to unveil a plan on Monday.", "is also expected"),
        ("The mayor isn't expected to attend the dinner.", "isn't expected"),
    ],
)
def test_is_expected_with_an_adverb_or_a_contracted_negation(text, cue):
    q = indirect(text)
    assert q["text"].tolist()[0] == "The mayor"
    assert set(q["cue"]) == {cue}
    assert q["speaker_start"].isna().all()


@pytest.mark.parametrize(
    "text",
    [
        '"The dock is unsafe," said a harbor official who asked not to be named.',
        "A harbor official who asked not to be named said the dock is unsafe.",
        "Two aides, who requested not to be identified, said the dock is unsafe.",
    ],
)
def test_asking_anonymity_is_no_content(text):
    # the request describes the source; the dock is what was said
    speech = rows(text)
    assert speech["cue"].tolist() == ["said"]
    assert speech["text"].str.strip(",").str.lower().tolist() == ["the dock is unsafe"]


@pytest.mark.parametrize("cue", ["reports", "reported"])
def test_a_closing_report_names_its_source_after_the_cue(cue):
    # '..., reports the Dover Times.': the sentence before the comma is the paper's content
    text = f"Ann Lee, who ran the port for a decade, left the country, {cue} the Dover Times."
    speech = rows(text)
    assert speech["cue"].tolist() == [cue]
    assert speech["text"].tolist() == ["Ann Lee, who ran the port for a decade, left the country"]
    assert speech["speaker_mention"].tolist() == ["the Dover Times"]


def test_an_aside_as_x_notes_holds_the_whole_sentence():
    # the name before the aside and the second verb of the relative clause are the Times'
    text = (
        "Ann Lee ran the port for years.\n\n"
        "Lee, as the Times notes, is the only official who, since the strike, has left the "
        "party and denounced the plan."
    )
    speech = rows(text)
    assert speech["cue"].tolist() == ["notes", "notes"]
    assert speech["text"].tolist() == [
        "Lee",
        "is the only official who, since the strike, has left the party and denounced the plan",
    ]
    assert speech["attribution_id"].nunique() == 1


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Ann Lee hopes the new ferry to the island of Bayview will sail by June.",
            "the new ferry to the island of Bayview will sail by June",
        ),
        (
            "Tom Roe thinks the last vote of the Harbor Board on the fees was unfair.",
            "the last vote of the Harbor Board on the fees was unfair",
        ),
        (
            "The Harbor Board fears a long strike by the crews of the night ferries could "
            "close the port.",
            "a long strike by the crews of the night ferries could close the port",
        ),
    ],
)
def test_a_belief_verb_takes_a_bare_clause_with_a_long_subject(text, content):
    # the clause's verb comes more than six words after the cue
    q = indirect(text)
    assert q["text"].tolist() == [content]


@pytest.mark.parametrize(
    "text",
    [
        # no verb of a clause: the objects of the verbs are no speech ('thought about' would
        # be: its own particle takes the object as content, as PolNeAR reads it)
        "Ann Lee hopes for a quiet week at the harbor with her son and his dog.",
        "Tom Roe thought of the old ferry to the island of Bayview all day.",
        # a verb outside [long_subject_verbs] keeps the short reach: 'found' an object
        "Tom Roe found a box of old letters from the Harbor Board in the attic was empty.",
        # the subject would run into a bracket: the verb inside it is not the clause's
        "Ann Lee fears the dogs of the neighbors on the hill (the pack is loud at night).",
    ],
)
def test_a_long_reach_only_after_a_belief_verb_and_before_a_bracket(text):
    assert indirect(text).empty


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "Ann Lee angered the crews by suggesting that the vote was rigged.",
            "that the vote was rigged",
            "Ann Lee",
        ),
        (
            "The race is close, with two rivals suggesting that Roe's past is fair game.",
            "that Roe's past is fair game",
            "two rivals",
        ),
        (
            "When Tom Roe riled the crowd by suggesting that the count was wrong, the Harbor "
            "Board said it would check.",
            "that the count was wrong",
            "Tom Roe",
        ),
    ],
)
def test_suggesting_after_by_or_a_with_phrase_is_speech(text, content, speaker):
    # no evidence before 'suggesting': the verb of the sentence's or the phrase's subject
    q = indirect(text)
    row = q[q["cue"] == "suggesting"].iloc[0]
    assert (row["text"], span(text, row, "speaker")) == (content, speaker)


def test_suggesting_after_evidence_keeps_the_evidence_as_source():
    text = "A new Bayview poll suggesting that Ann Lee leads came out on Monday."
    row = indirect(text).iloc[0]
    assert row["cue"] == "suggesting"
    assert span(text, row, "speaker") == "A new Bayview poll"


@pytest.mark.parametrize(
    "text, first, rest",
    [
        ("The Harbor Board faces a vote that is widely expected to fail.", "that", "to fail"),
        ("That is widely expected to change by June.", "That", "to change by June"),
    ],
)
def test_a_relative_or_demonstrative_subject_of_is_expected(text, first, rest):
    # the writer's expectation: the pronoun and the infinitive are one content in two pieces
    q = indirect(text)
    assert q["text"].tolist() == [first, rest]
    assert q["attribution_id"].nunique() == 1
    assert q["speaker_start"].isna().all()


@pytest.mark.parametrize(
    "text",
    [
        "Tom Roe shared a post that appeared to mock the Harbor Board.",
        "Ann Lee backed a plan that seemed to work.",
    ],
)
def test_a_relative_subject_of_seem_or_appear_is_no_content(text):
    q = indirect(text)
    assert "that" not in q["text"].tolist()
    assert not q["cue"].isin(["appeared", "seemed"]).any()


def test_charged_that_reports_a_clause():
    text = "Dock owners charged that the Harbor Board fee was illegal."
    row = indirect(text).iloc[0]
    assert (row["cue"], row["text"]) == ("charged", "that the Harbor Board fee was illegal")
    assert span(text, row, "speaker") == "Dock owners"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Roe was charged with fraud in Bayview.",
        "Ann Lee charged her phone before the meeting.",
        "The fee the Harbor Board charged that week was high.",
        "The vote was so politically charged that Tom Roe stayed home.",
        "Harbor police charged that same night two men from Bayview with theft.",
        "Harbor police charged that Friday two men from Bayview with theft.",
    ],
)
def test_charged_without_a_that_clause_is_no_speech(text):
    assert indirect(text).empty


def test_a_belief_verb_takes_a_bare_clause_whose_subject_has_an_aside():
    text = "Dock workers think the new crane, bought from a firm in Bayview, will save time."
    q = indirect(text)
    assert q["text"].tolist() == ["the new crane, bought from a firm in Bayview, will save time"]
    assert q["speaker_mention"].tolist() == ["Dock workers"]


@pytest.mark.parametrize(
    "text",
    [
        # a list, no verb after the second comma
        "Tom Roe thought of the ferry, the dinner, the talks.",
        # 'and' opens no aside: the verb after the comma is another clause's
        "Ann Lee hoped for calm, and the Harbor Board, as usual, was late.",
    ],
)
def test_no_aside_clause_without_a_verb_or_after_and(text):
    assert indirect(text).empty
