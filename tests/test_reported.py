"""Reported (indirect) speech in newslib.quotes: the shapes, the spans, and bad input.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quote_rows import indirect, rows

from newslib.text import paragraph_spans


def span(text: str, row, name: str) -> str | None:
    start, end = row[f"{name}_start"], row[f"{name}_end"]
    return None if pd.isna(start) else text[int(start) : int(end)]


# (sentence, content, source mention, cue)
SHAPES = [
    (
        "The mayor said that the bridge would reopen in May.",
        "that the bridge would reopen in May",
        "The mayor",
        "said",
    ),
    (
        "Nora Quill said the budget was balanced for the first time in years.",
        "the budget was balanced for the first time in years",
        "Nora Quill",
        "said",
    ),
    (
        "The budget was balanced for the first time in years, Nora Quill said.",
        "The budget was balanced for the first time in years",
        "Nora Quill",
        "said",
    ),
    (
        "The ferry will run twice a day in summer, said Omar Haddad, a port official.",
        "The ferry will run twice a day in summer",
        "Omar Haddad, a port official",  # the source with its apposition, as PolNeAR marks it
        "said",
    ),
    (
        "According to Lena Fisk, the school will hire ten new teachers.",
        "the school will hire ten new teachers",
        "Lena Fisk",
        "according to",
    ),
    (
        "The school will hire ten new teachers, according to Lena Fisk.",
        "The school will hire ten new teachers",
        "Lena Fisk",
        "according to",
    ),
    (
        "Tomas Berg told reporters that the factory would close by spring.",
        "that the factory would close by spring",
        "Tomas Berg",
        "told",
    ),
    (
        "Tomas Berg said on Tuesday that the factory would close by spring.",
        "that the factory would close by spring",
        "Tomas Berg",
        "said",
    ),
    (
        "Tomas Berg argued the factory could still be saved.",
        "the factory could still be saved",
        "Tomas Berg",
        "argued",
    ),
    (
        "Residents say the new road has made the town noisier.",
        "the new road has made the town noisier",
        "Residents",
        "say",
    ),
    (
        "The river had flooded twice since March, local farmers say.",
        "The river had flooded twice since March",
        "local farmers",
        "say",
    ),
    (
        # an opening adjunct is not the content when the speaker stands before the cue
        "On Friday, at a town meeting, Nora Quill said the library would stay open.",
        "the library would stay open",
        "Nora Quill",
        "said",
    ),
    (
        "A new survey shows that most parents want longer school days.",
        "that most parents want longer school days",
        "A new survey",
        "shows",
    ),
]


@pytest.mark.parametrize(("text", "content", "source", "cue"), SHAPES)
def test_reported_speech_shapes(text, content, source, cue):
    q = indirect(text)
    assert len(q) == 1
    r = q.iloc[0]
    assert r["text"] == content
    assert text[r["start"] : r["end"]] == content
    assert span(text, r, "speaker") == source
    assert r["speaker_mention"] == source
    assert span(text, r, "cue").lower() == cue
    assert r["cue"] == cue


def test_a_document_reports_without_that():
    q = indirect("Recent polls show a tight race in the north.")
    assert q["text"].tolist() == ["a tight race in the north"]
    assert q["speaker_mention"].tolist() == ["Recent polls"]


def test_stance_verbs_report_their_object():
    text = "Nora Quill called for a recount of the votes in the north."
    r = indirect(text).iloc[0]
    assert r["text"] == "a recount of the votes in the north"
    assert r["cue"] == "called for"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The depot manager vowed to reopen the west gate.", "to reopen the west gate"),
        ("The ferry company declined last week to comment.", "to comment"),
        ("Most riders would prefer not to wait an hour.", "not to wait an hour"),
        ("Nora Quill urged the council to vote again.", "the council to vote again"),
        ("Nora Quill referred to the old bridge.", "the old bridge"),
    ],
)
def test_a_stance_verbs_infinitive_starts_at_to(text, content):
    assert indirect(text)["text"].tolist() == [content]


def test_cue_with_auxiliaries_and_manner():
    text = "Nora Quill has also said in a statement that the vote was fair."
    r = indirect(text).iloc[0]
    assert r["cue"] == "has also said in a statement"
    assert r["text"] == "that the vote was fair"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Nora Quill did not say that the vote was fair.", "did not say"),
        ("Nora Quill didn’t say that the vote was fair.", "didn’t say"),
        ("Nora Quill went on to say that the vote was fair.", "went on to say"),
        ("Nora Quill has tried to argue that the vote was fair.", "has tried to argue"),
        ("Nora Quill pointed out that the vote was fair.", "pointed out"),
        ("Nora Quill publicly argued that the vote was fair.", "publicly argued"),
        # any -ly adverb of manner joins, with the auxiliaries before it
        ("Nora Quill gingerly argued that the vote was fair.", "gingerly argued"),
        ("Nora Quill has forcefully argued that the vote was fair.", "has forcefully argued"),
        # a verb or adjective of will or manner before the infinitive joins it ([cue_before_to])
        ("Nora Quill tended to support the new bridge plan.", "tended to support"),
        ("Nora Quill was reluctant to endorse the harbor plan.", "was reluctant to endorse"),
        ("Nora Quill hesitated to repeat the claim.", "hesitated to repeat"),
        # an -ly adverb after the verb, before its 'that' clause, joins too
        ("Nora Quill has said repeatedly that the vote was fair.", "has said repeatedly"),
        # a quantifier floating after a plural subject joins too ([cue_floating])
        ("Nora Quill and Ed Bray both argued that the vote was fair.", "both argued"),
        ("Nora Quill and Ed Bray have all argued that the vote was fair.", "have all argued"),
        ("Nora Quill has always claimed that the vote was fair.", "has always claimed"),
        ("Nora Quill has not yet responded to the audit.", "has not yet responded to"),
    ],
)
def test_cue_span_conventions(text, cue):
    # negations, auxiliaries, 'went on to' and manner adverbs before the verb, the particle
    # of a phrasal verb after it, as attribution annotation marks a cue
    r = indirect(text).iloc[0]
    assert span(text, r, "cue") == cue
    assert span(text, r, "speaker") == text[: text.index(cue)].strip()  # "Nora Quill" ...


def test_a_floating_quantifier_stays_in_a_speaker_description():
    # 'both' / 'all' inside the speaker's description stay there: no cue word of its own
    text = "Officials in both cities insist that the bridge is safe."
    r = indirect(text).iloc[0]
    assert span(text, r, "speaker") == "Officials in both cities"
    assert span(text, r, "cue") == "insist"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor hopes her new plan will pass in May.", "hopes"),
        ("The senator attacks the plan as too costly.", "attacks"),
    ],
)
def test_a_verb_in_s_after_a_person_role_is_the_persons(text, cue):
    # not a compound noun like 'terrorist attacks': a person ([person_roles]) does the verb
    r = indirect(text).iloc[0]
    assert span(text, r, "cue") == cue


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Voters think the mayor advanced this agenda.", "the mayor advanced this agenda"),
        (
            "Most economists believe the new rule gives firms a reason to hire.",
            "the new rule gives firms a reason to hire",
        ),
    ],
)
def test_a_clause_without_that_may_have_a_simple_past_or_present_verb(text, content):
    # a reporting verb that needs a clause takes one whose verb is an -ed form or one of
    # [predicate_verbs], right after a short subject ('the mayor advanced')
    assert indirect(text)["text"].tolist() == [content]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('"The vote was fair," Nora Quill said with a grin.', "said with a grin"),
        ('"It was fair," Nora Quill said with an eye roll, and left.', "said with an eye roll"),
        # only a manner noun of [manner_nouns] joins: 'with a statement' is no manner
        ('"The vote was fair," Nora Quill said with a statement.', "said"),
        ('"The vote was fair," Nora Quill said with a grin that won the room.', "said"),
        # the day, with the time of day after it
        ('"The vote was fair," Nora Quill said Tuesday night.', "said Tuesday night"),
        ('"The vote was fair," Nora Quill said Tuesday.', "said Tuesday"),
    ],
)
def test_how_and_when_it_was_said_joins_the_cue(text, cue):
    q = rows(text)
    r = q[q["kind"] == "direct"].iloc[0]
    assert span(text, r, "cue") == cue


def test_a_day_owning_the_next_noun_stays_in_the_content():
    text = "Nora Quill said Tuesday's vote was fair."
    q = indirect(text)
    assert q["cue"].tolist() == ["said"]
    assert q["text"].tolist() == ["Tuesday's vote was fair"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Nora Quill wrote back that the vote was fair.", "wrote back", "that the vote was fair"),
        (
            "Nora Quill wondered aloud whether the vote was fair.",
            "wondered aloud",
            "whether the vote was fair",
        ),
        (
            "Nora Quill expressed confidence that the vote was fair.",
            "expressed confidence",
            "that the vote was fair",
        ),
        (
            "Nora Quill and Al Roe disagree on whether the vote was fair.",
            "disagree on",
            "whether the vote was fair",
        ),
    ],
)
def test_a_cue_word_after_the_verb_joins_the_cue_not_the_content(text, cue, content):
    # [cue_particles]: 'back', 'aloud', the noun of 'expressed concern', the preposition of
    # 'disagree on'; the content starts after them
    r = indirect(text).iloc[0]
    assert (r["cue"], r["text"]) == (cue, content)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Nora Quill took to the radio to say that the vote was fair.", "took to the radio to say"),
        (
            "Nora Quill went out of her way to say that the vote was fair.",
            "went out of her way to say",
        ),
    ],
)
def test_an_infinitive_cue_starts_after_its_subject(text, cue):
    # 'to say' with its subject a few words before: the verb phrase between joins the cue
    r = indirect(text).iloc[0]
    assert (r["cue"], span(text, r, "speaker")) == (cue, "Nora Quill")


def test_a_participle_cue_after_a_document_verb_starts_at_the_verb():
    # [document_verbs]: 'issued a statement saying' is one cue
    text = "Nora Quill issued a statement saying that the vote was fair."
    r = indirect(text).iloc[0]
    assert (r["cue"], r["text"]) == ("issued a statement saying", "that the vote was fair")
    assert span(text, r, "speaker") == "Nora Quill"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Nora Quill issued a statement Thursday, saying the vote was fair.",
            "issued a statement Thursday, saying",
        ),
        (
            "Nora Quill sent a long text message to her backers in Ohio, asking them to vote.",
            "sent a long text message to her backers in Ohio, asking",
        ),
        # no document put out: the participle alone
        ("Nora Quill sent troops to the border, saying the vote was fair.", "saying"),
        ("Nora Quill did not release more details on the talks, saying they went well.", "saying"),
    ],
)
def test_a_document_verbs_cue_may_reach_its_participle_over_a_comma(text, cue):
    # [document_nouns]: after a comma or a long phrase the object must be a document
    r = indirect(text).iloc[0]
    assert (text[int(r["cue_start"]) : int(r["cue_end"])], span(text, r, "speaker")) == (
        cue,
        "Nora Quill",
    )


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Nora Quill (D-Ohio) issued a statement saying the vote was fair.",
            "issued a statement saying",
        ),
        (
            "Nora Quill, the board's director, released a statement confirming the vote was fair.",
            "released a statement confirming",
        ),
        ("Nora Quill, a pilot, sent troops to the border, saying the vote was fair.", "saying"),
    ],
)
def test_a_document_verbs_cue_after_a_party_tag_or_an_apposition(text, cue):
    # the subject's party tag or apposition between it and the verb changes nothing
    r = indirect(text).iloc[0]
    assert span(text, r, "cue") == cue
    assert span(text, r, "speaker").startswith("Nora Quill")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Nora Quill believes, for example, that the vote was fair.", "that the vote was fair"),
        ("Nora Quill noted, however, that the vote was fair.", "that the vote was fair"),
    ],
)
def test_an_aside_between_the_cue_and_its_content(text, content):
    r = indirect(text).iloc[0]
    assert (r["text"], span(text, r, "speaker")) == (content, "Nora Quill")


def test_an_aside_with_a_cue_of_its_own_is_no_aside():
    # 'he said' between commas is the attribution, not an aside of 'believes'
    text = 'Al Roe truly believes, he said, that "the vote was fair."'
    assert "believes" not in set(indirect(text)["cue"])


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Nora Quill reaffirmed that the vote was fair.", "reaffirmed", "that the vote was fair"),
        (
            "Nora Quill left the hall, remarking that the vote was fair.",
            "remarking",
            "that the vote was fair",
        ),
        ("Nora Quill downplayed the risk of a recount.", "downplayed", "the risk of a recount"),
        ("Nora Quill assailed the new tax plan.", "assailed", "the new tax plan"),
        ("Nora Quill invoked the memory of her father.", "invoked", "the memory of her father"),
        (
            "Nora Quill stayed home, believing that the vote was fair.",
            "believing",
            "that the vote was fair",
        ),
        ("Nora Quill remembers that the vote was fair.", "remembers", "that the vote was fair"),
        ("Nora Quill rebuffed the offer of a recount.", "rebuffed", "the offer of a recount"),
        # 'questioned' reports its object like any stance verb, not only a clause
        ("Nora Quill questioned the depth of the plan.", "questioned", "the depth of the plan"),
        # 'denied' reports its object too, not only a clause
        ("Nora Quill denied the charges of fraud.", "denied", "the charges of fraud"),
    ],
)
def test_more_speech_and_stance_verbs(text, cue, content):
    # [cues]: remarking, interjected, reaffirmed, chant; [reporting]: believing, fearing,
    # remember ...; [stances]: assail, invoke, downplay, bemoan, credit, chide, echo,
    # reference, rebuff, champion, outline, underscore
    r = indirect(text).iloc[0]
    assert (r["cue"], r["text"], span(text, r, "speaker")) == (cue, content, "Nora Quill")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Nora Quill made no mention of the new harbor.", "made no mention of", "the new harbor"),
        (
            "Nora Quill has made veiled references to the old mill.",
            "has made veiled references to",
            "the old mill",
        ),
        (
            "Nora Quill launched a fierce attack on the toll plan.",
            "launched a fierce attack on",
            "the toll plan",
        ),
    ],
)
def test_a_stance_noun_after_a_light_verb_takes_the_verb_into_its_cue(text, cue, content):
    # [light_verbs]: 'made no mention of' is what the subject said; the cue starts at the
    # light verb (with its auxiliaries), so the verb and its object stay out of the source
    r = indirect(text).iloc[0]
    assert (span(text, r, "cue"), r["text"], span(text, r, "speaker")) == (
        cue,
        content,
        "Nora Quill",
    )


def test_a_noun_before_a_comma_is_no_light_verb():
    # 'issues' ends a phrase of its own: 'call' after it is no object of a light verb
    assert indirect("On economic issues, more call themselves moderate than ever.").empty


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Nora Quill asked the court to block the new rules.", "the court to block the new rules"),
        (
            "When Nora Quill asked her aides to stay, most of them said they would.",
            "her aides to stay",
        ),
    ],
)
def test_asked_with_an_object_and_its_infinitive(text, content):
    # 'asked' reports what its object is asked to do, like 'urged' (the object is content;
    # it ends at the comma as a stance verb's object)
    r = indirect(text).iloc[0]
    assert (r["cue"], r["text"]) == ("asked", content)


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "Despite Nora Quill's claims that her rival cheated, the count held.",
            "claims",
            "that her rival cheated",
            "Nora Quill",
        ),
        (
            "The mayor faced the old allegations that he hid the loans.",
            "the old allegations",
            "that he hid the loans",
            None,
        ),
        (
            "Nora Quill issued a stern warning that the dam could fail.",
            "a stern warning",
            None,
            None,
        ),
    ],
)
def test_a_speech_noun_reports_its_that_clause(text, cue, content, speaker):
    # [speech_nouns]: the clause after 'claims that' is the content, the article and the
    # words qualifying the noun join the cue, an owner ('Quill's') is the source
    r = indirect(text).iloc[0]
    assert r["cue"] == cue
    assert r["text"] == (content or "that the dam could fail")
    if speaker:
        assert span(text, r, "speaker") == speaker


def test_a_relative_clause_after_a_speech_noun_is_no_content():
    assert indirect("The claims that were made proved false.").empty


def test_a_hearsay_adverb_never_joins_the_cue():
    # 'reportedly', 'allegedly': the writer's hedge, not how the source spoke
    text = "Nora Quill allegedly told the panel that the vote was fair."
    assert span(text, indirect(text).iloc[0], "cue") == "told"


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "Nora Quill, mother of a harbor pilot, forcefully rejected Ed Bray's claim.",
            "Nora Quill, mother of a harbor pilot",
            "forcefully rejected",
        ),
        (
            "The ferry captain, a longtime rival, effectively conceded that the vote was fair.",
            "The ferry captain, a longtime rival",
            "effectively conceded",
        ),
    ],
)
def test_a_manner_adverb_after_an_apposition_joins_the_cue(text, source, cue):
    # right after the comma closing an apposition, the adverb is how the subject spoke (the
    # cue's, as the annotation marks it), not the subject itself
    r = indirect(text).iloc[0]
    assert span(text, r, "cue") == cue
    assert span(text, r, "speaker") == source


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Since announcing in May that she would retire, Nora Quill has said little.",
            "announcing",
        ),
        ("Nora Quill has since said that the vote was fair.", "has since said"),
    ],
)
def test_since_before_a_gerund_is_no_part_of_the_cue(text, cue):
    # 'since' before a gerund is a preposition; after an auxiliary it is the cue's adverb
    assert span(text, indirect(text).iloc[0], "cue") == cue


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Nora Quill said, twice, that the vote was fair.",
            "said, twice",
            "that the vote was fair",
        ),
        (
            "Nora Quill has said repeatedly they do not want a new pier.",
            "has said repeatedly",
            "they do not want a new pier",
        ),
        (
            "Nora Quill said many times that the levy was fair.",
            "said many times",
            "that the levy was fair",
        ),
        # a multiplier opening the content is no part of the cue
        (
            "Nora Quill said twice as many riders used the ferry.",
            "said",
            "twice as many riders used the ferry",
        ),
    ],
)
def test_how_often_it_was_said_joins_the_cue(text, cue, content):
    r = indirect(text).iloc[0]
    assert span(text, r, "cue") == cue
    assert r["text"] == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Nora Quill has spoken out in favor of the new pier.",
            "has spoken out in favor of",
            "the new pier",
        ),
        (
            "Ed Bray also argued in favour of a harbor levy.",
            "also argued in favour of",
            "a harbor levy",
        ),
    ],
)
def test_in_favor_of_after_the_cue_joins_it(text, cue, content):
    r = indirect(text).iloc[0]
    assert span(text, r, "cue") == cue
    assert r["text"] == content


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Ed Bray spoke for an hour, and specifically mentioned the harbor fees.",
            "specifically mentioned",
        ),
        (
            "Where pilots, in particular, overwhelmingly support the mayor, Ed Bray rarely goes.",
            "overwhelmingly support",
        ),
    ],
)
def test_a_manner_adverb_alone_before_the_cue_is_no_speaker(text, cue):
    # after ', and' or an aside the adverb is all that stands before the verb: it is the
    # cue's, and no speaker's mention
    r = indirect(text).iloc[0]
    assert span(text, r, "cue") == cue
    assert span(text, r, "speaker") != cue.split()[0]


def test_a_hearsay_adverb_after_an_apposition_stays_out_of_the_cue():
    text = "Nora Quill, a harbor pilot, reportedly told the board that the vote was fair."
    r = indirect(text).iloc[0]
    assert span(text, r, "cue") == "told"
    assert span(text, r, "speaker") == "Nora Quill, a harbor pilot"


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # the role and the words qualifying it belong to the source
        (
            "Harbor Union press secretary Nora Quill said that the vote was fair.",
            "Harbor Union press secretary Nora Quill",
            "said",
        ),
        (
            "Retired neurosurgeon Nora Quill said that the vote was fair.",
            "Retired neurosurgeon Nora Quill",
            "said",
        ),
        # the head of a phrase whose object the name is
        (
            "A spokesman for the Harbor Board said that the vote was fair.",
            "A spokesman for the Harbor Board",
            "said",
        ),
        (
            "Supporters of Nora Quill argued that the vote was fair.",
            "Supporters of Nora Quill",
            "argued",
        ),
        # adverbs after the subject join the cue, not the source
        (
            "The harbor committee now says that the vote was fair.",
            "The harbor committee",
            "now says",
        ),
        # two subjects joined by 'and' are one source
        ("Nora Quill and Al Roe said that the vote was fair.", "Nora Quill and Al Roe", "said"),
        # a sentence adverb between commas is no apposition
        ("Nora Quill, however, said that the vote was fair.", "Nora Quill", "said"),
        (
            "Nora Quill, a nurse at the clinic, said that the vote was fair.",
            "Nora Quill, a nurse at the clinic",
            "said",
        ),
    ],
)
def test_source_span_conventions(text, source, cue):
    r = indirect(text).iloc[0]
    assert span(text, r, "speaker") == source
    assert span(text, r, "cue") == cue


def test_source_with_title_and_apposition():
    text = "Sen. Nora Quill, a member of the budget panel, said the vote was fair."
    r = indirect(text).iloc[0]
    assert r["speaker_mention"] == "Sen. Nora Quill, a member of the budget panel"
    assert r["speaker"] == "Nora Quill"


def test_transcript_paragraphs_name_their_speaker():
    text = (
        "The panel met on Monday.\n\n"
        "Quill: We will not raise the fare this year.\n\n"
        "Update: The meeting ended early."
    )
    q = indirect(text)
    assert q["text"].tolist() == ["We will not raise the fare this year"]
    assert q["speaker_mention"].tolist() == ["Quill"]


def test_according_to_inside_the_sentence_splits_the_content():
    text = "Ticket sales, according to the club, have doubled since the spring."
    q = indirect(text)
    assert q["text"].tolist() == ["Ticket sales", "have doubled since the spring"]
    assert q["attribution_id"].nunique() == 1
    assert set(q["speaker_mention"]) == {"the club"}


def test_a_question_without_an_asker():
    text = "Asked whether he would run again, Tomas Berg said he had not decided."
    q = indirect(text)
    assert q["text"].tolist() == ["whether he would run again", "he had not decided"]
    assert pd.isna(q["speaker"].iloc[0])  # the asker is not named: no guess
    assert q["speaker"].iloc[1] == "Tomas Berg"


def test_listener_with_a_role_before_the_content():
    text = "Tomas Berg told host Ada Lind the plant would close."
    r = indirect(text).iloc[0]
    assert r["text"] == "the plant would close"


def test_stance_participle_reads_like_its_verb():
    text = "The union marched on Friday, calling for a new contract."
    r = indirect(text).iloc[0]
    assert r["cue"] == "calling for"
    assert r["text"] == "a new contract"


def test_content_stops_before_another_speakers_clause():
    text = "Nora Quill said the plan was sound, but she also insisted that costs must fall."
    q = indirect(text)
    assert q["text"].tolist() == ["the plan was sound", "that costs must fall"]
    assert q["cue"].tolist() == ["said", "also insisted"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ada Lund said she backs the ferry plan, which the council passed on Friday.",
            "she backs the ferry plan",
        ),
        (
            "Ivo Marsh said the race will be decided in Tarnby, where turnout is low.",
            "the race will be decided in Tarnby",
        ),
        (
            "Ada Lund said the depot would stay open, but it will need new staff.",
            "the depot would stay open",
        ),
        # a quotation in the relative clause: the clause stays in (unless a speech verb of its
        # own reports it: ', which she called "..."', see the test of relative speech verbs)
        (
            'Ada Lund said she backs the plan, which is "long overdue".',
            'she backs the plan, which is "long overdue"',
        ),
        # ', but not ...' goes on with the same content
        (
            "Ivo Marsh said the fare would rise, but not before May.",
            "the fare would rise, but not before May",
        ),
    ],
)
def test_content_stops_before_a_trailing_relative_or_new_clause(text, content):
    assert indirect(text)["text"].tolist() == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ada Lund praised the new tram line in an interview on Monday.", "the new tram line"),
        ("Ivo Marsh defended his position at a crowded town hall in Tarnby.", "his position"),
        # 'the' names the occasion as part of the object: it stays
        (
            "Ivo Marsh criticized his rival's answers at the debate.",
            "his rival's answers at the debate",
        ),
    ],
)
def test_a_stance_object_ends_before_where_it_was_said(text, content):
    assert indirect(text)["text"].tolist() == [content]


def test_a_venue_after_a_conjunction_opens_no_clause_of_its_own():
    # '... and in a statement praised ...': the statement is no speaker
    text = 'Ada Lund is backing the tram plan and in a statement praised its "bold design."'
    q = rows(text)
    assert "a statement" not in q["speaker_mention"].tolist()
    assert set(q["speaker"]) == {"Ada Lund"}


@pytest.mark.parametrize(
    ("text", "contents", "cues"),
    [
        (
            "Nora Quill said the depot was safe and urged that the gates stay open.",
            ["the depot was safe", "that the gates stay open"],
            ["said", "urged"],
        ),
        (
            "Ivo Marsh called the fare rise unfair and vowed to fight it in court.",
            ["the fare rise unfair", "to fight it in court"],
            ["called", "vowed"],
        ),
        (
            "The mayor opened the bridge, praising the builders and warning that repairs go on.",
            ["the builders", "that repairs go on"],
            ["praising", "warning"],
        ),
    ],
)
def test_a_coordinated_cue_starts_a_content_of_its_own(text, contents, cues):
    q = indirect(text)
    assert q["text"].tolist() == contents
    assert q["cue"].tolist() == cues
    assert q["speaker_mention"].nunique() == 1


@pytest.mark.parametrize(
    "text",
    [
        "Four in ten riders said the buses were late, while most said the trains were fine.",
        "Four in ten riders said the buses were late; most others said the trains were fine.",
    ],
)
def test_content_stops_before_a_new_clause_with_its_own_speaker(text):
    q = indirect(text)
    assert q["text"].tolist() == ["the buses were late", "the trains were fine"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("In a letter, Nora Quill said the audit is over.", "the audit is over"),
        ("By then, the mayor wrote Ivo Marsh had left town.", "Ivo Marsh had left town"),
        ("The audit is over, Nora Quill told the Herald.", "The audit is over"),
    ],
)
def test_a_lead_before_the_speaker_is_no_content(text, content):
    assert indirect(text)["text"].tolist() == [content]


def test_a_quoted_fragment_before_the_cue_sits_in_a_reported_content():
    text = 'The new depot is "a gift to the town," Nora Quill said.'
    q = rows(text)
    assert q["kind"].tolist() == ["indirect", "partial"]
    # the content runs to the closing mark, so the quotation ('a gift to the town,') lies in it
    assert q["text"].tolist()[0] == 'The new depot is "a gift to the town,'
    assert q["attribution_id"].nunique() == 1
    assert q["start"][0] <= q["start"][1] and q["end"][1] <= q["end"][0]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            '"We are very glad" about the new depot, said Nora Quill, the union head.',
            '"We are very glad" about the new depot',
            "Nora Quill",
        ),
        (
            '"This will be a hard winter" for the ferry crews, Nora Quill said.',
            '"This will be a hard winter" for the ferry crews',
            "Nora Quill",
        ),
    ],
)
def test_a_quotation_opening_a_sentence_that_runs_on_is_part_of_the_content(text, content, speaker):
    # the writer's words after the closing mark carry the sentence on to its attribution:
    # the quotation is a fragment of that content (partial), not a statement of its own
    q = rows(text)
    assert q["kind"].tolist() == ["indirect", "partial"]
    assert q["text"].tolist()[0] == content
    assert q["attribution_id"].nunique() == 1
    assert span(text, q.iloc[0], "speaker").startswith(speaker)


@pytest.mark.parametrize(
    "text",
    [
        '"We won the vote," Nora Quill said, smiling.',
        '"We won the vote" Nora Quill said, smiling.',
        'The mayor spoke.\n\n"We won the vote." The hall cheered, the mayor said.',
    ],
)
def test_a_quotation_followed_by_its_attribution_stays_direct(text):
    assert rows(text)["kind"].tolist()[0] == "direct"


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "He’s hoping the new ferry will run by May.",
            "’s hoping",
            "He",
            "the new ferry will run by May",
        ),
        ("They're saying the count was too slow.", "'re saying", "They", "the count was too slow"),
    ],
)
def test_a_contracted_be_before_a_participle_cue(text, cue, speaker, content):
    # 'he's hoping' is 'he is hoping': the contracted verb joins the cue, the pronoun speaks
    # (not 'the mayor's hopes', a possessive)
    r = indirect(text).iloc[0]
    assert (span(text, r, "cue"), span(text, r, "speaker"), r["text"]) == (cue, speaker, content)


def test_a_possessive_before_a_cue_noun_is_no_contracted_be():
    assert indirect("The mayor's hoping days are over, the clerk joked.")["text"].tolist() == [
        "The mayor's hoping days are over"
    ]


def test_a_day_after_the_cue_is_no_inverted_speaker():
    # ', said Wednesday she agrees': the day joins the cue, the clause after it is the content
    # (not 'CONTENT, said SPEAKER' with the sentence's subject as content)
    text = "Ivo Marsh, who on Tuesday endorsed Lee, said Wednesday he agrees with the ruling."
    q = indirect(text)
    said = q[q["speaker_mention"] == "Ivo Marsh"]
    assert said["text"].tolist() == ["he agrees with the ruling"]
    assert span(text, said.iloc[0], "cue") == "said Wednesday"


def test_a_content_runs_to_the_end_of_a_quotation_it_opens():
    text = 'Nora Quill said the depot "will close in May. We have no choice," and left.'
    q = indirect(text)
    assert q["text"].tolist() == ['the depot "will close in May. We have no choice,']


def test_a_comma_inside_a_quotation_is_no_break_of_the_content():
    text = 'Nora Quill said the town wants "calm, order, and quiet" cited by the mayor.'
    q = indirect(text)
    assert q["text"].tolist() == ['the town wants "calm, order, and quiet" cited by the mayor']


def test_an_inverted_attribution_after_a_quoted_fragment():
    text = 'The plan is "a gift to the town," said Nora Quill, the mayor.'
    q = indirect(text)
    assert q["text"].tolist() == ['The plan is "a gift to the town,']


@pytest.mark.parametrize(
    "text",
    [
        'Some of the new fees are "fair, but many are too high," said Nora Quill, the mayor.',
        'Farmers may sell early "because prices are low this year," Mr. Ruiz said.',
        "Farmers may sell early ''because prices are low this year,'' Mr. Ruiz said.",
    ],
)
def test_a_content_ending_in_a_quotation_holds_its_closing_punctuation(text):
    q = rows(text)
    host = q[q["kind"] == "indirect"].iloc[0]
    part = q[q["kind"] == "partial"].iloc[0]
    assert host["start"] <= part["start"] and part["end"] <= host["end"]
    assert host["attribution_id"] == part["attribution_id"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Last week, the city council also called on the state to fund the bridge.",
            "the state to fund the bridge",
        ),
        ("On Friday, Mayor Hill called on residents to save water.", "residents to save water"),
    ],
)
def test_a_time_before_the_speaker_is_no_content(text, content):
    assert indirect(text)["text"].tolist() == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("While Lee said the plan works, the council voted no.", "the plan works"),
        ("Even as Kim argued that taxes must fall, her party raised them.", "that taxes must fall"),
        ("After Ann Park warned the dam was weak, the town built a wall.", "the dam was weak"),
        ("When Lee said the plan works, the council voted no.", "the plan works"),
    ],
)
def test_a_content_in_a_subordinate_clause_ends_with_the_clause(text, content):
    assert indirect(text)["text"].tolist() == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ann Lee said the plan, which is costly, will pass.",
            "the plan, which is costly, will pass",
        ),
        (
            "The council voted no, when Lee said the plan works, then left.",
            "the plan works, then left",
        ),
    ],
)
def test_a_content_outside_a_subordinate_clause_runs_on(text, content):
    assert indirect(text)["text"].tolist() == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Lee said the vote was rigged, a claim that drew wide scorn.", "the vote was rigged"),
        (
            "The report found that sales rose to $5 million, an increase of 20 percent.",
            "that sales rose to $5 million",
        ),
        (
            "Lee said Tom Hill, a member of the board, would resign.",
            "Tom Hill, a member of the board, would resign",
        ),
    ],
)
def test_a_content_ends_before_a_phrase_summing_it_up(text, content):
    assert indirect(text)["text"].tolist() == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Kim blamed the fire on heat, not on the crew.", "the fire on heat, not on the crew"),
        (
            "Lee praised the staff, particularly the nurses on the night shift.",
            "the staff, particularly the nurses on the night shift",
        ),
        (
            "Lee praised the ferry crews, as well as the harbor pilots.",
            "the ferry crews, as well as the harbor pilots",
        ),
    ],
)
def test_a_stance_object_goes_on_after_not_or_particularly(text, content):
    assert indirect(text)["text"].tolist() == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("According to Ann Lee, a former mayor, the plan failed.", "the plan failed"),
        (
            "According to the report, the plan, which cost $5 million, failed.",
            "the plan, which cost $5 million, failed",
        ),
    ],
)
def test_according_to_leaves_out_a_description_of_the_source(text, content):
    assert indirect(text)["text"].tolist() == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("At a rally in May, Lee promised to fix roads by decree.", "to fix roads by decree"),
        ("In her first week, Kim vowed to answer every letter.", "to answer every letter"),
        ("The plan will fail, Lee said to reporters.", "The plan will fail"),
    ],
)
def test_an_infinitive_after_the_cue_is_its_content_not_the_lead(text, content):
    assert indirect(text)["text"].tolist() == [content]


def test_a_sentence_ends_before_two_apostrophes_opening_a_quotation():
    text = "Nora Quill said the depot would close. ''We have no choice,'' she said."
    q = rows(text)
    assert q["kind"].tolist() == ["indirect", "direct"]
    assert q["text"].tolist()[0] == "the depot would close"


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Ivo Marsh pointed out that it was full.", "that it was full", "pointed out"),
        ("The riders argued against a second fare rise.", "a second fare rise", "argued against"),
    ],
)
def test_a_particle_joins_the_cue_not_the_content(text, content, cue):
    r = indirect(text).iloc[0]
    assert (r["text"], r["cue"]) == (content, cue)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The union backed longer breaks, safer depots and a new contract.",
            "longer breaks, safer depots and a new contract",
        ),
        (
            "The council cited several costs, including fuel and repairs.",
            "several costs, including fuel and repairs",
        ),
        ("Nora Quill criticized the plan, which the mayor had drafted.", "the plan"),
        # a list closed by ', and' keeps its last item (a serial comma)
        (
            "Ivo Marsh thanked his deputy, Tom Roe, and the harbor pilots.",
            "his deputy, Tom Roe, and the harbor pilots",
        ),
        (
            "Nora Quill touted her plans to rebuild the pier, widen the quay, and cut fares.",
            "her plans to rebuild the pier, widen the quay, and cut fares",
        ),
        (
            "The union backed Ann Lee, Al Roe, or the harbor pilots.",
            "Ann Lee, Al Roe, or the harbor pilots",
        ),
    ],
)
def test_a_stance_object_runs_through_a_list(text, content):
    assert indirect(text)["text"].tolist()[0] == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # after ', and' the subject's next verb or a clause of its own is no list item
        ("Ivo Marsh praised Ann Lee, Tom Roe, and described the pier.", "Ann Lee, Tom Roe"),
        ("Nora Quill thanked Ann Lee, Tom Roe, and then left early.", "Ann Lee, Tom Roe"),
        ("Nora Quill backed Ann Lee, Tom Roe, and it paid off in May.", "Ann Lee, Tom Roe"),
        ("Ivo Marsh backed Ann Lee, Tom Roe, and was thanked for it.", "Ann Lee, Tom Roe"),
        ("Ivo Marsh backed Ann Lee, Tom Roe, and they won the vote.", "Ann Lee, Tom Roe"),
    ],
)
def test_a_stance_object_list_stops_before_a_verb_after_its_and(text, content):
    assert indirect(text)["text"].tolist()[0] == content


def test_a_told_content_starts_at_its_subject_before_a_later_that():
    text = "Ivo Marsh told the Herald he was working for the mayor and that both were paid."
    q = indirect(text)
    assert q["text"].tolist() == ["he was working for the mayor and that both were paid"]


def test_a_quoted_fragment_inside_reported_speech_joins_it_whatever_cue_it_found():
    from newslib.quotes.article import _number_attributions
    from newslib.quotes.marks import _Quote

    # 'Ann said the fares are "too high," she also insists.': the fragment found the later cue
    host = _Quote(9, 29, 9, 29, 0, 0, 60, chain=-1, words=["the", "fares"], kind="indirect")
    host.mention, host.cue_span = (0, 3), (4, 8)
    frag = _Quote(19, 28, 18, 30, 0, 0, 60, chain=0, words=["too", "high"], kind="partial")
    frag.mention, frag.cue_span = (31, 34), (40, 47)
    # 'which Ivo called "a cartel"': a fragment whose own cue lies inside the content
    nested = _Quote(40, 48, 39, 49, 1, 0, 60, chain=1, words=["a", "cartel"], kind="partial")
    outer = _Quote(30, 55, 30, 55, 1, 0, 60, chain=-1, words=["the", "group"], kind="indirect")
    outer.mention, outer.cue_span = (20, 23), (24, 28)
    nested.mention, nested.cue_span = (31, 34), (35, 41)
    _number_attributions([host, frag, outer, nested])
    assert frag.attribution == host.attribution and frag.cue_span == (4, 8)
    assert nested.attribution != outer.attribution


def test_a_progressive_cue_reads_forwards():
    text = "Nora Quill is telling riders at every stop that the new line will open in May."
    r = indirect(text).iloc[0]
    assert r["text"] == "that the new line will open in May"
    assert r["cue"] == "is telling"
    assert r["speaker_mention"] == "Nora Quill"


def test_a_participle_after_a_quoted_fragment():
    text = 'The mayor called the line "a triumph," adding that it would open in May.'
    q = indirect(text)
    assert q["text"].tolist()[-1] == "that it would open in May"
    assert q["cue"].tolist()[-1] == "adding"


@pytest.mark.parametrize(
    "text",
    [
        "Nora Quill said she wanted a new depot, but found the plan too costly to back.",
        "Nora Quill said that lately, when she rides the bus, she is often asked about fares.",
    ],
)
def test_a_cue_after_a_conjunction_or_in_a_passive_is_no_attribution(text):
    q = indirect(text)
    assert q["text"].tolist()[0] == text[text.index("said") + 5 : -1]


def test_an_inner_attribution_keeps_the_content_after_it():
    text = (
        "Nora Quill said the delay was routine - no different, she said, from the repairs "
        "made to the old bridge last year."
    )
    q = indirect(text)
    assert q["text"].tolist()[-1] == "from the repairs made to the old bridge last year"
    assert q["attribution_id"].nunique() == 2


def test_a_coordinated_verb_that_reports_nothing_stays_in_the_content():
    text = "Nora Quill said the riders were angry and expected a long strike."
    assert indirect(text)["text"].tolist() == ["the riders were angry and expected a long strike"]


def test_content_stops_before_a_later_attribution():
    # the attribution closing the sentence holds all of it, the inner 'warned' too (PolNeAR
    # nests no content inside another)
    text = 'Experts warned the race "is a dead heat right now," one analyst said.'
    q = rows(text)
    reported = q[q["kind"] == "indirect"]
    assert reported["text"].tolist() == ['Experts warned the race "is a dead heat right now,']
    assert reported["speaker_mention"].tolist() == ["one analyst"]


def test_a_relative_clause_after_the_content_is_no_inversion():
    text = "Turnout fell in the north, which the mayor mentioned twice."
    q = indirect(text)
    assert "Turnout fell in the north" not in q["text"].tolist()


def test_interrupted_content_is_two_pieces_of_one_attribution():
    text = "The new line, Nora Quill said, will carry ten thousand riders a day."
    q = indirect(text)
    assert q["text"].tolist() == ["The new line", "will carry ten thousand riders a day"]
    assert q["attribution_id"].nunique() == 1
    assert set(q["speaker"]) == {"Nora Quill"}


def test_participle_reports_more_of_the_same_speaker():
    text = '"We will open on time," Nora Quill said, adding that the budget was safe.'
    q = rows(text)
    assert q["kind"].tolist() == ["direct", "indirect"]
    assert q["text"].tolist()[1] == "that the budget was safe"
    assert q["cue"].tolist() == ["said", "adding"]
    assert q["speaker"].tolist() == ["Nora Quill", "Nora Quill"]
    # two cues: two attributions of one speaker
    assert q["attribution_id"].tolist() == [0, 1]


def test_pronoun_source_resolves_to_the_named_person():
    text = (
        "Ivo Marsh ran the depot for ten years.\n\nHe says he believes the depot was badly managed."
    )
    r = indirect(text).iloc[0]
    assert r["text"] == "he believes the depot was badly managed"
    assert r["speaker_mention"] == "He"
    assert r["speaker"] == "Ivo Marsh"


@pytest.mark.parametrize(
    "text, mention, speaker",
    [
        (
            "Ivo Marsh ran the depot for ten years.\n\n"
            "His claim that the depot was badly managed drew a reply.",
            "His",
            "Ivo Marsh",
        ),
        (
            "Nora Quill chairs the Harbor Board.\n\n"
            "Her criticism of the depot has grown sharper this year.",
            "Her",
            "Nora Quill",
        ),
        (
            "The dockers met on Monday.\n\n"
            "Their criticism of the depot has grown sharper this year.",
            "Their",
            None,
        ),
    ],
)
def test_a_possessive_owner_of_a_noun_cue_resolves_as_a_pronoun_does(text, mention, speaker):
    r = indirect(text).iloc[0]
    assert r["speaker_mention"] == mention
    assert (None if pd.isna(r["speaker"]) else r["speaker"]) == speaker


def test_headline_with_a_colon_names_its_source():
    text = "Quill: Budget is balanced at last\n\nThe city published its accounts."
    r = indirect(text).iloc[0]
    assert r["text"] == "Budget is balanced at last"
    assert r["speaker_mention"] == "Quill"
    assert r["cue"] == ":"


def test_quoted_fragment_inside_reported_speech_shares_the_attribution():
    text = 'Nora Quill said the plan was "a costly mistake" for the city.'
    q = rows(text)
    assert q["kind"].tolist() == ["indirect", "partial"]
    outer, inner = q.iloc[0], q.iloc[1]
    assert outer["start"] <= inner["start"] and inner["end"] <= outer["end"]
    assert outer["attribution_id"] == inner["attribution_id"]
    assert inner["cue_start"] == outer["cue_start"]


@pytest.mark.parametrize(
    "text",
    [
        # a verb that reports only with a clause after it (or after a document: "polls show")
        "Nora showed a new design at the fair.",
        # ... and an -ed word after a determiner or an adverb is no clause's verb
        "Voters know the newly elected mayor.",
        "Voters know the elected mayor of the town.",
        # a cue used as an adjective or a noun
        "The reported deal was signed in a hurry.",
        "Her hopes of a quick win faded by noon.",
        # the cue of a direct quotation is not reported speech as well
        '"We are ready," said Nora Quill, the mayor.',
        '"We are ready," Nora Quill, the mayor, said on Monday.',
        # a cue inside someone's quoted words
        'Nora Quill spoke first. "People said we would fail," she recalled.',
        # a cue with nothing to report
        "Nora Quill said.",
    ],
)
def test_no_reported_speech(text):
    assert indirect(text).empty


def test_reported_speech_in_the_reporter_sentence_only():
    text = (
        "The council met on Monday. Nora Quill said the vote would be close. "
        "The meeting ended at nine."
    )
    q = indirect(text)
    assert q["text"].tolist() == ["the vote would be close"]


# ---------------------------------------------------------------------------------------------
# bad input


def check_invariants(text: str, q: pd.DataFrame) -> None:
    paragraphs = paragraph_spans(text)
    for r in q.itertuples():
        assert 0 <= r.start <= r.end <= len(text)
        assert text[r.start : r.end] == r.text
        if r.kind == "indirect":
            # reported speech never leaves its paragraph
            assert any(lo <= r.start and r.end <= hi for lo, hi in paragraphs)
        if not pd.isna(r.cue_start):
            assert 0 <= r.cue_start < r.cue_end <= len(text)
        if not pd.isna(r.speaker_start):
            assert text[r.speaker_start : r.speaker_end] == r.speaker_mention
    for _, kind in q.groupby("kind"):
        spans = sorted(zip(kind["start"], kind["end"], strict=True))
        for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
            assert e1 <= s2, "two spans of one kind overlap"


@pytest.mark.parametrize(
    "text",
    [
        'He said "the plan was fine and then she said "no.',  # unbalanced marks
        "said said said told says according to said.",  # nothing but cues
        " ".join(["said"] * 50) + ".",
        "Nora said " * 200,
        "no punctuation at all just words said she and said he that it was fine " * 30,
        "According to, .",
        ", said",
        "",
        # two cues whose sources follow one relative pronoun: it heads one piece, not both
        "who Nora Quill said Nora Quill by asking Nora Quill",
    ],
)
def test_bad_input_keeps_spans_sound(text):
    check_invariants(text, rows(text))


def test_long_article():
    sentence = "Officials said the road would reopen soon, and residents say it will not. "
    paragraph = sentence * 10
    text = "\n\n".join([paragraph] * 650)  # about 100,000 words
    q = rows(text)
    assert (q["kind"] == "indirect").sum() >= 6500
    check_invariants(text, q)


_PIECES = [
    "Nora Quill",
    "said",
    "says",
    "told reporters",
    "that",
    "according to",
    "the plan",
    "was fine",
    ",",
    ".",
    '"',
    "“",
    "”",
    "he",
    "added",
    "\n\n",
    "saying",
    ":",
    "Asked",
    "whether",
    "Sen.",
    ", a spokesman,",
    "calling for",
    "which",
    "Quill:",
    "but she also insisted",
    "in a statement",
    "the poll shows",
    "was criticized for",
    "is accused of",
    "by",
    "who",
    "with",
    "issued a statement Monday,",
    "sided with",
    "listed",
    "asking",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_mix_of_cues_names_and_marks(pieces):
    text = " ".join(pieces)
    check_invariants(text, rows(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a party tag after the name is no part of it
        ("Title\n\nSenator Ann Voss (D-Ohio) stated that the vote would wait.", "Ann Voss"),
        (
            "Title\n\nRep. Lee Park (R), a leader of the caucus, suggested that it failed.",
            "Lee Park",
        ),
        # the name in apposition to a description
        ("Title\n\nAnother ally, Housing Secretary Tom Roe, told MSNBC that it hurt.", "Tom Roe"),
        # a name, then an adverb the source span took in
        ("Title\n\nAfter the vote, Voss eventually conceded that the count was fair.", "Voss"),
        # a surname resolves to the full name used anywhere in the article, even later
        (
            "Title\n\nVoss said that the count was fair.\n\nSupporters of Ann Voss cheered.",
            "Ann Voss",
        ),
        # the owner before a name is no part of it
        ("Title\n\nThe Gazette's Mia Holt said that the paper would print it.", "Mia Holt"),
    ],
)
def test_speaker_names_without_the_words_around_them(text, speaker):
    assert indirect(text)["speaker"].tolist() == [speaker]


def test_a_description_names_no_person():
    found = indirect("Title\n\nThe Voss campaign said that the count was fair.")
    assert found["speaker"].isna().all()
    assert found["speaker_mention"].tolist() == ["The Voss campaign"]


@pytest.mark.parametrize(
    "text",
    [
        'Title\n\nIn Berea, Ohio, after the vote, Gov. Ann Voss (R-Ohio), said, "We are ready."',
        'Title\n\nNEW YORK ENDS TAX "The tax is gone," the paper wrote.',
        'Title\n\nVermont said "we are proud" of the result.',
        'Title\n\nDemocratic said "we are proud" of the result.',
    ],
)
def test_a_place_a_headline_or_a_party_is_no_speaker(text):
    speech = rows(text)
    assert not speech["speaker"].isin(["Berea", "Vermont", "Democratic"]).any()
    assert not speech["speaker"].dropna().str.isupper().any()


def test_a_person_followed_by_a_state_is_still_the_speaker():
    assert rows('Title\n\n"We won," said Ann Voss, Ohio, on Monday.')["speaker"].tolist() == [
        "Ann Voss"
    ]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # a relative pronoun right before the cue is the source, comma or not
        (
            "Harbor officials met Nora Quill, a nurse who has argued that the vote was unfair.",
            "who",
            "has argued",
        ),
        # a share of people, and a bare noun phrase after a conjunction
        ("On harbor matters, 42% say that the vote was fair.", "42%", "say"),
        ("Only 42 percent say that the vote was fair.", "Only 42 percent", "say"),
        ("But early survey data suggests that the vote was fair.", "early survey data", "suggests"),
    ],
)
def test_sources_found_before_a_cue(text, source, cue):
    r = indirect(text).iloc[0]
    assert span(text, r, "speaker") == source
    assert span(text, r, "cue") == cue


@pytest.mark.parametrize(
    ("text", "pieces", "cue"),
    [
        (
            "The new ferry seemed to run late all week.",
            ["The new ferry", "to run late all week"],
            "seemed",
        ),
        ("Local farmers, too, appear ready to sell.", ["Local farmers", "ready to sell"], "appear"),
        (
            "It appears that the vote was delayed again.",
            ["that the vote was delayed again"],
            "appears",
        ),
        (
            "The council is widely expected to approve the budget.",
            ["The council", "to approve the budget"],
            "is widely expected",
        ),
    ],
)
def test_seeming_and_expectation_are_the_writers(text, pieces, cue):
    q = indirect(text)
    assert q["text"].tolist() == pieces
    assert {span(text, r, "cue") for _, r in q.iterrows()} == {cue}
    assert q["speaker_mention"].isna().all()  # no source written: none guessed
    assert q["attribution_id"].nunique() == 1


@pytest.mark.parametrize(
    "text",
    [
        "After the storm, terrorist attacks on ports drew a response from the mayor.",
        "About 30 percent support a new vote on the harbor.",
        "The union held a conference call on the plan to rebuild the docks.",
        # a name after an article makes a compound with a bare form
        "The Harbor Street attack shocked the city on Monday.",
        "Officials spoke after the Lind support for the levy faded.",
        # 'figure' is a person here, and 'maintained' keeps a lead, not a claim
        "Nora Quill, a polarizing figure in the party, left early.",
        "Party figures in the north met on Monday.",
        "Nora Quill maintained her lead in the county.",
        # a participle as an adjective, after a number or a preposition
        "Lee now leads Roe by about 270 pledged delegates in the count.",
        "Roe has cut the lead in pledged delegates to a handful.",
    ],
)
def test_a_stance_word_read_as_a_noun_is_no_cue(text):
    assert indirect(text).empty


@pytest.mark.parametrize(
    "text",
    [
        "The mayor appeared on television on Monday.",
        "Both candidates will appear at the fair.",
        "The singer appeared together with her band.",
    ],
)
def test_appearing_somewhere_is_no_judgement(text):
    assert indirect(text).empty


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Nora Quill attacks the plan as a waste of money.", "Nora Quill", "attacks"),
        ("Harbor workers back the plan to rebuild the docks.", "Harbor workers", "back"),
    ],
)
def test_a_stance_verb_after_its_subject_is_a_cue(text, source, cue):
    r = indirect(text).iloc[0]
    assert span(text, r, "speaker") == source
    assert span(text, r, "cue") == cue


@pytest.mark.parametrize(
    ("text", "question", "cue"),
    [
        ("Asked on the radio who would win, Lee named her rival.", "who would win", "Asked"),
        ("When asked about the new tax, Lee said it was fair.", "the new tax", "asked about"),
        ("Asked on Friday about the tax, Lee said it was fair.", "about the tax", "Asked"),
        (
            '"Soon," Lee told the paper when asked which route she would take.',
            "which route she would take",
            "asked",
        ),
    ],
)
def test_a_question_with_words_between_the_cue_and_the_question(text, question, cue):
    q = indirect(text)
    r = q.iloc[0]
    assert r["text"] == question
    assert span(text, r, "cue") == cue
    assert pd.isna(r["speaker"])


def test_a_question_names_its_asker_after_by():
    text = "Asked by Ada Lind whether he would run, Tomas Berg said no."
    r = indirect(text).iloc[0]
    assert r["text"] == "whether he would run"
    assert r["speaker_mention"] == "Ada Lind"


@pytest.mark.parametrize(
    ("text", "pieces", "source"),
    [
        (
            "As the Daily Planet reported on Monday, the mayor had left town.",
            ["the mayor had left town"],
            "the Daily Planet",
        ),
        (
            "As reported by the Planet, the bridge was closed for a week.",
            ["the bridge was closed for a week"],
            "the Planet",
        ),
        (
            "The plan, as the paper noted, was never funded by the city.",
            ["The plan", "was never funded by the city"],
            "the paper",
        ),
    ],
)
def test_as_the_source_reported(text, pieces, source):
    q = indirect(text)
    assert q["text"].tolist() == pieces
    assert set(q["speaker_mention"]) == {source}


def test_as_for_is_no_source():
    assert indirect("As for the plan, it was never funded by the city.").empty


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "The group is reportedly spending two million on ads.",
            ["The group is", "spending two million on ads"],
        ),
        ("Reportedly, the mayor had made threats.", ["the mayor had made threats"]),
        ("Mayor Reportedly Quits After Vote", []),
    ],
)
def test_reportedly_is_hearsay_with_no_source(text, pieces):
    q = indirect(text)
    assert q["text"].tolist() == pieces
    assert q["speaker_mention"].isna().all()
    # the auxiliary before it is the content's, not the cue's
    assert (q["cue"] == "reportedly").all()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Some party officials think the mayor is at risk of losing.",
            "the mayor is at risk of losing",
        ),
        ("Most voters believe Nora Quill will win the seat.", "Nora Quill will win the seat"),
        ("Residents know the old roads around the lake well.", None),
        ("Tomas Berg found the old bridge quite charming.", None),
    ],
)
def test_a_thought_without_that_needs_a_clause(text, content):
    q = indirect(text)
    assert q["text"].tolist() == ([content] if content else [])


def test_evidence_shows_without_a_clause():
    text = "New polls released on Sunday showed the mayor holding a narrow lead."
    r = indirect(text).iloc[0]
    assert r["text"] == "the mayor holding a narrow lead"
    assert indirect("The mayor showed reporters the new park on Monday.").empty


def test_a_title_case_headline_with_a_speech_verb():
    text = "Mayor Nora Quill Says Bridge Will Reopen In May\n\nThe Daily Show Takes A Look At It."
    q = indirect(text)
    assert q["text"].tolist() == ["Bridge Will Reopen In May"]
    assert q["speaker_mention"].tolist() == ["Mayor Nora Quill"]
    assert q["cue"].tolist() == ["says"]


def test_a_title_case_headline_keeps_its_adverb_in_the_cue():
    # 'Just' / 'Finally' before the verb is the cue's, not the last word of the source
    text = "Nora Quill Finally Says Bridge Will Reopen In May\n\nThe count ended."
    q = indirect(text)
    assert q["text"].tolist() == ["Bridge Will Reopen In May"]
    assert q["speaker_mention"].tolist() == ["Nora Quill"]
    assert q["cue"].tolist() == ["finally says"]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Nora Quill Explained Why The Bridge Closed In May", "Nora Quill", "explained"),
        ("Leaked Memos Reveal Bridge Repairs Ran Late", "Leaked Memos", "reveal"),
        ("Tomas Berg Announced His Run For The Harbor Board", "Tomas Berg", "announced"),
    ],
)
def test_a_title_case_headline_in_the_past_or_plural(text, source, cue):
    q = indirect(text + "\n\nThe count ended.")
    assert q["speaker_mention"].tolist() == [source]
    assert q["cue"].tolist() == [cue]


def test_a_title_case_headline_inside_the_article():
    # a headline line further down (a live blog's entries) reads like the first one
    text = "The count went on.\n\nNora Quill Says Bridge Will Reopen In May\n\nThe count ended."
    q = indirect(text)
    assert q["text"].tolist() == ["Bridge Will Reopen In May"]
    assert q["speaker_mention"].tolist() == ["Nora Quill"]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Nora Quill hopes to win back the northern districts.",
            "to win back the northern districts",
            "hopes",
        ),
        (
            "The council agreed to delay the vote until May.",
            "to delay the vote until May",
            "agreed",
        ),
        ("Tomas Berg wants to cut the fare by half.", "to cut the fare by half", "wants"),
    ],
)
def test_an_intention_keeps_its_to(text, content, cue):
    r = indirect(text).iloc[0]
    assert r["text"] == content
    assert r["cue"] == cue


def test_an_agreement_without_an_infinitive_clause_or_particle_is_no_speech():
    assert indirect("The two sides agreed after a long night at the harbor.").empty
    assert indirect("The two sides agreed to a degree, as usual.").empty


@pytest.mark.parametrize(
    "text,content,cue",
    [
        # what is agreed on is content, as PolNeAR reads it
        ("The two sides agreed on a date for the talks.", "a date for the talks", "agreed on"),
        ("Tom Roe thought about the old ferry all day.", "the old ferry all day", "thought about"),
        ("Ann Lee believes in a smaller harbor fee.", "a smaller harbor fee", "believes in"),
        (
            "Nora Quill worried about the cost of the new pier.",
            "the cost of the new pier",
            "worried about",
        ),
        ("The harbor master warned of a long winter.", "a long winter", "warned of"),
    ],
)
def test_a_cue_with_its_own_particle_needs_no_clause(text, content, cue):
    r = indirect(text).iloc[0]
    assert (r["text"], r["cue"]) == (content, cue)


def test_a_particle_the_cue_does_not_take_needs_a_clause():
    # 'thought of' is no pair of [cue_particles]: the object of 'of' is no content
    assert indirect("Tom Roe thought of the old ferry all day.").empty


def test_an_announcement_reports_its_object():
    text = "Nora Quill announced her candidacy for mayor, ending months of doubt."
    r = indirect(text).iloc[0]
    assert r["text"] == "her candidacy for mayor"
    text = "Nora Quill announced that the bridge, which is old, would close."
    assert indirect(text)["text"].tolist() == ["that the bridge, which is old, would close"]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Union leaders point out that the plant is busy.", "that the plant is busy", "point out"),
        ("Nora Quill pointed to the rising cost of rent.", "the rising cost of rent", "pointed to"),
        ("At one point to everyone's relief the rain stopped.", None, None),
    ],
)
def test_point_to_and_point_out(text, content, cue):
    q = indirect(text)
    assert q["text"].tolist() == ([content] if content else [])
    if cue:
        assert span(text, q.iloc[0], "cue") == cue


def test_evidence_with_a_participle():
    text = "Lee spoke after a new poll showing her rival far ahead, then left the city."
    r = indirect(text).iloc[0]
    assert r["text"] == "her rival far ahead"
    assert r["speaker_mention"] == "a new poll"
    assert r["cue"] == "showing"
    assert indirect("Lee was showing off the new hat at the fair.").empty


def test_in_a_poll_opening_a_sentence():
    text = "In the county poll, the mayor's lead over her rival shrank to two points."
    r = indirect(text).iloc[0]
    assert r["text"] == "the mayor's lead over her rival shrank to two points"
    assert r["speaker_mention"] == "the county poll"
    # the voters' own answers are theirs, not the poll's
    text = "In the county poll, most voters said they liked the new bridge."
    assert indirect(text)["speaker_mention"].tolist() == ["most voters"]


def test_a_speaker_with_a_role_after_the_cue_closes_the_sentence():
    text = "The fund is two million dollars short, said former mayor Ada Lind, who chairs it."
    r = indirect(text).iloc[0]
    assert r["text"] == "The fund is two million dollars short"
    assert r["speaker"] == "Ada Lind"
    text = "Ada Lind, a former mayor, said the fund was short."
    assert indirect(text)["text"].tolist() == ["the fund was short"]


def test_reports_as_a_verb_and_as_a_noun():
    text = "The Daily Planet reports the bridge was closed for a week."
    r = indirect(text).iloc[0]
    assert r["text"] == "the bridge was closed for a week"
    assert r["speaker_mention"] == "The Daily Planet"
    assert indirect("A new report that could raise questions came out on Monday.").empty


def test_tell_verbs_report_without_quotation_marks():
    text = "Nora Quill assured voters that the fare would not rise."
    r = indirect(text).iloc[0]
    assert r["text"] == "that the fare would not rise"
    assert r["cue"] == "assured"


def test_a_seeming_clause_ends_before_a_subordinate_clause():
    text = "The plan seemed likely to pass, as the council met on Friday."
    assert indirect(text)["text"].tolist() == ["The plan", "likely to pass"]


def test_a_clause_after_the_cue_is_its_content_not_an_inverted_speaker():
    text = "Ada Lind, a senator who has refused to back the plan, said the city deserved better."
    q = indirect(text)
    assert "the city deserved better" in q["text"].tolist()
    assert "Ada Lind" not in q["text"].tolist()
    text = "The plan will fail, said the mayor, a Democrat."
    assert indirect(text)["text"].tolist() == ["The plan will fail"]


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "A clerk told the board the ledger had been altered, the audit said.",
            "A clerk told the board the ledger had been altered",
            "the audit",
        ),
        (
            "Most parents said the new buses were late, according to the school survey.",
            "Most parents said the new buses were late",
            "the school survey",
        ),
        (
            "The depot backed by two unions will close in June, a spokesman said.",
            "The depot backed by two unions will close in June",
            "a spokesman",
        ),
    ],
)
def test_a_closing_attribution_holds_the_cues_inside_its_content(text, content, source):
    q = indirect(text)
    assert q["text"].tolist() == [content]
    assert q["speaker_mention"].tolist() == [source]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The firm declined to renew the lease, according to a clerk familiar with the talks.",
            "The firm declined to renew the lease",
        ),
        (
            "The plant will close, according to court papers reported by the Ledger.",
            "The plant will close",
        ),
        (
            "Nell Ortiz said she would veto the bill, according to press reports.",
            "Nell Ortiz said she would veto the bill",
        ),
    ],
)
def test_a_closing_according_to_holds_the_cues_of_its_source(text, content):
    """'CONTENT, according to X' closes its sentence even when X's phrase has a cue of its
    own ('the talks', 'reported', 'reports'): that cue opens no attribution."""
    q = indirect(text)
    assert q["text"].tolist() == [content]
    assert q["cue"].tolist() == ["according to"]


def test_an_opening_according_to_is_no_content_of_a_later_cue():
    text = "According to the audit summary, two aides asked the clerk to delete the files."
    q = indirect(text)
    assert q["text"].tolist() == ["two aides asked the clerk to delete the files"]
    assert q["cue"].tolist() == ["according to"]


def test_an_according_to_inside_a_clause_does_not_close_it():
    text = "The board reported that, according to its auditors, the fund had lost money."
    q = indirect(text)
    assert q["cue"].tolist() == ["reported", "according to"]
    assert q["text"].tolist()[1] == "the fund had lost money"


@pytest.mark.parametrize(
    "text",
    [
        "LIMA, Ohio, May 2 (AP) — The new depot will open in June, the mayor said.",
        "BOSTON - The new depot will open in June, the mayor said.",
    ],
)
def test_a_dateline_is_no_content(text):
    assert indirect(text)["text"].tolist() == ["The new depot will open in June"]


def test_the_to_of_responded_to_is_no_content():
    text = "The campaign did not respond to several questions about the depot."
    r = indirect(text).iloc[0]
    assert r["text"] == "several questions about the depot"
    assert r["cue"].endswith("respond to")


def test_a_new_clause_whose_cue_reads_nothing_stays_in_the_content():
    text = "Lee says there is a long road ahead but she feels confident that Roe will win."
    assert indirect(text)["text"].tolist() == [text[9:-1]]


def test_an_initialism_may_end_the_sentence_of_a_content():
    text = "Lee says the fares will rise across the U.S. He says the depot must close."
    assert indirect(text)["text"].tolist() == [
        "the fares will rise across the U.S",
        "the depot must close",
    ]
    text = "The envoy met officials of the U.S. State Department, Lee said."
    assert indirect(text)["text"].tolist() == [text[: text.index(",")]]


def test_an_attribution_inside_a_sentence_is_no_outer_one():
    # the subject is no inverted speaker: 'something she has asked' is a relative clause
    text = "She also praised the plan, something she has repeatedly asked of her rival."
    assert indirect(text)["text"].tolist() == ["the plan"]


def test_called_after_an_indefinite_noun_names_a_thing():
    assert indirect("Lee founded a group called Citizens for Trains, which met in May.").empty
    assert indirect("A new group called Riders First held a rally on Monday.").empty
    # a role, a particle or a definite subject: a speaker's verb
    for text in (
        "A spokesman called the plan a disaster.",
        "A local newspaper called on the mayor to resign.",
        "The mayor called the plan a disaster.",
    ):
        assert indirect(text)["cue"].str.startswith("called").all()
        assert len(indirect(text)) == 1


def test_a_name_before_a_bare_verb_is_its_subject():
    for text, cue in (
        ("Most voters in Ohio support the levy.", "support"),
        ("Nora Quill maintained that the levy was legal.", "maintained"),
        ("The Daily Planet sought more details on the levy.", "sought"),
    ):
        assert cue in indirect(text)["cue"].tolist()


def test_back_as_an_adverb_is_no_cue():
    for text in (
        "The dispute over the depot goes back to the old bridge.",
        "Lee could jump back in the race in May.",
        "Back then, in 2014, no one had heard of the levy.",
    ):
        assert "back" not in indirect(text)["cue"].tolist()
    assert indirect("Most riders back the levy.")["cue"].tolist() == ["back"]


def test_a_stance_verb_does_not_close_a_content_before_it():
    # 'support' takes its object after it: the clause before the comma is nobody's speech
    text = "The members agreed to the rate rise, providing the chair with unanimous support."
    assert indirect(text).empty
    text = "The plan is sound, the mayor said."
    assert indirect(text)["text"].tolist() == ["The plan is sound"]


def test_maintain_reports_only_with_a_clause_and_figure_not_at_all():
    assert indirect("The senator maintained a wide lead over her rival all spring.").empty
    assert indirect("The mayor was a popular figure in the city for many years.").empty
    text = "The senator maintained that the vote had been fair."
    assert indirect(text)["text"].tolist() == ["that the vote had been fair"]


def test_a_roster_or_a_label_before_a_colon_is_no_speech():
    text = "Lake County: Ada Lind, Tom Reyes, Joe Park, Nora Quill and Al Roe.\n\nMore follows."
    assert indirect(text).empty
    text = "The Latest: Council votes to close the old bridge\n\nThe council met on Monday."
    assert indirect(text).empty
    text = "Quill: We will reopen the bridge in May\n\nThe mayor spoke on Monday."
    assert indirect(text)["text"].tolist() == ["We will reopen the bridge in May"]


def test_a_stance_verb_after_an_aside_is_a_verb():
    text = "Ada Lind, meanwhile, hopes that a strong showing will give her momentum."
    q = indirect(text)
    assert q["text"].tolist() == ["that a strong showing will give her momentum"]
    assert q["speaker_mention"].tolist() == ["Ada Lind"]


@pytest.mark.parametrize(
    "text, content, cue",
    [
        (
            "The senator spoke about the cost of the new bridge.",
            "the cost of the new bridge",
            "spoke about",
        ),
        (
            "Ada Lind has focused on school funding all year.",
            "school funding all year",
            "has focused on",
        ),
        ("The mayor laid out her plan for the port.", "her plan for the port", "laid out"),
        ("Two members voted against the new budget.", "the new budget", "voted against"),
    ],
)
def test_a_particle_stance_reports_the_object_of_its_particle(text, content, cue):
    r = indirect(text).iloc[0]
    assert (r["text"], r["cue"]) == (content, cue)


def test_a_particle_stance_without_its_particle_is_no_report():
    assert indirect("The senator spoke to reporters after the vote.").empty
    assert indirect("The mayor focused the debate early.").empty


@pytest.mark.parametrize(
    "text, content",
    [
        ("Ada Lind touted her record on jobs.", "her record on jobs"),
        ("Ada Lind decried the cuts to the school budget.", "the cuts to the school budget"),
        ("The panel encouraged residents to vote early.", "residents to vote early"),
        ("The council decided to delay the vote.", "to delay the vote"),
        ("Ada Lind realized that the plan would fail.", "that the plan would fail"),
    ],
)
def test_more_stance_and_thought_verbs(text, content):
    assert indirect(text)["text"].tolist() == [content]


def test_realize_reports_only_with_a_clause():
    assert indirect("The mayor realized her mistake.").empty


def test_called_naming_something_is_no_report():
    assert indirect("She joined a new group called Stop the Plan in May.").empty
    assert indirect("The so called reform failed in the end.").empty
    text = "An aide called the plan a disaster."
    assert indirect(text)["text"].tolist() == ["the plan a disaster"]


def test_a_stance_noun_after_a_determined_capitalised_word():
    assert indirect("Since the Riverton attacks the council has met twice.").empty
    assert indirect("The board gave the chair unanimous support for the plan.").empty
    text = "Ada Lind attacks the plan daily."
    assert indirect(text)["speaker_mention"].tolist() == ["Ada Lind"]


def test_made_it_clear_reports_the_clause_after_it():
    q = indirect("Ada Lind made it clear that she would run again.")
    assert q["text"].tolist() == ["that she would run again"]
    assert q["cue"].tolist() == ["made it clear"]
    assert indirect("The mayor has made clear he will veto the bill.")["text"].tolist() == [
        "he will veto the bill"
    ]


def test_seen_as_is_the_writers_report_with_no_source():
    q = indirect("The senator is widely seen as a leader of the party.")
    assert q["text"].tolist() == ["The senator", "a leader of the party"]
    assert q["speaker_mention"].isna().all()
    assert indirect("The film was seen by millions of viewers.").empty


def test_order_and_convince():
    q = indirect("The judge ordered the city to release the files.")
    assert q["text"].tolist() == ["the city to release the files"]
    assert indirect("She left the hall early in order to vote.").empty
    q = indirect("Aides worked to convince voters that the plan was sound.")
    assert q["text"].tolist() == ["that the plan was sound"]


def test_favor_and_understand():
    assert indirect("Most voters favor a new bridge over the river.")["text"].tolist() == [
        "a new bridge over the river"
    ]
    assert indirect("The board voted in favor of the plan.").empty
    q = indirect("The mayor understands how hard the choice is.")
    assert q["text"].tolist() == ["how hard the choice is"]


@pytest.mark.parametrize(
    "text, content",
    [
        ("These rules require lenders to disclose the fee.", "lenders to disclose the fee"),
        ("Ada Lind was asking voters to turn out early.", "voters to turn out early"),
        ("The plan will address the cost of housing.", "the cost of housing"),
    ],
)
def test_require_asking_and_address_report_their_object(text, content):
    assert indirect(text)["text"].tolist() == [content]


@pytest.mark.parametrize(
    "text, content, cue",
    [
        (
            "Her aides are confident that the vote will pass.",
            "that the vote will pass",
            "are confident",
        ),
        # 'remain' joins the cue like 'was' ([cue_floating])
        ("Voters remain worried about the economy.", "the economy", "remain worried about"),
        ("Ada Lind was critical of the new plan.", "the new plan", "was critical of"),
    ],
)
def test_stance_adjectives_report_their_clause_or_object(text, content, cue):
    r = indirect(text).iloc[0]
    assert (r["text"], r["cue"]) == (content, cue)


def test_a_stance_adjective_needs_its_particle():
    assert indirect("A certain number of voters stayed home.").empty
    assert indirect("The critical vote came late on Friday.").empty


def test_an_infinitive_after_a_stance_cue_is_its_content_not_the_lead():
    text = (
        "In May, during the fair, Ann Lee, who was in town with her team, decided to leave early."
    )
    q = indirect(text)
    assert q["text"].tolist() == ["to leave early"]
    assert q["speaker"].tolist() == ["Ann Lee"]


def test_an_object_opening_with_a_lone_mark_is_no_crash():
    # found by the property test above: a stance object that starts with a quotation mark
    text = " ".join(["but she also insisted", '"', ".", ", a spokesman,"])
    check_invariants(text, rows(text))


_CUE_PIECES = [
    "said",
    "Said",
    "says",
    "saidx",
    "xsaid",
    "according",
    "According to",
    "according\nto",
    "Asked",
    "asked",
    "Reportedly",
    "In",
    "In a new poll",
    "poll",
    "claim that",
    "claims",
    "made it clear",
    "seen as",
    "confident that",
    "_said",
    "said_",
    "2said",
    "é",
    "Lee",
    "the",
    "that",
    "to",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_CUE_PIECES), st.sampled_from(["", " ", "  ", ",", "\n", "-"])),
        max_size=25,
    ),
    st.integers(0, 80),
    st.integers(0, 200),
)
def test_the_cue_prefilter_finds_what_the_cue_pattern_finds(pieces, lo, hi):
    from newslib.quotes.cue_scan import _find_cues, _report_rules

    text = "".join(p + s for p, s in pieces)
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    # the whole text, then a stretch of it (read from the word starts kept for the text)
    for a, b in ((0, len(text)), (lo, hi)):
        expected = [(m.span(), m.group(0)) for m in _report_rules().cue_re.finditer(text, a, b)]
        assert [(m.span(), m.group(0)) for m in _find_cues(text, a, b)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("ab'", min_size=1, max_size=4), min_size=1, max_size=8))
def test_a_trie_of_words_matches_exactly_those_words(words):
    import re

    from newslib.quotes.cues import _trie

    pattern = re.compile(rf"(?:{_trie(words)})")
    for w in {*words, "a", "b", "ab", "ba", "aab", "'", "a'", ""}:
        assert (pattern.fullmatch(w) is not None) == (w in words)


_WORD_SOUP = st.text(alphabet="ab -—–,.'\n", max_size=40)


@settings(max_examples=300, deadline=None)
@given(_WORD_SOUP, st.integers(0, 40), st.integers(0, 8))
def test_first_words_are_the_first_of_all_the_words(text, e, n):
    from newslib.quotes.clauses import _first_words, _words

    assert _first_words(text, 0, e, n) == _words(text, 0, e)[:n]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["that", "thats", "a", " ", "-", "--", "—", "\n", ","]), max_size=9)
)
def test_a_that_before_the_first_dash_is_found_without_splitting(pieces):
    import re

    from newslib.quotes.clause_ends import _DASH_RE, _THAT_RE

    rest = "".join(pieces)
    # the plain form: the words before the first dash hold a 'that'
    expected = re.search(r"\bthat\b", _DASH_RE.split(rest, 1)[0]) is not None
    that = _THAT_RE.search(rest)
    assert (that is not None and _DASH_RE.search(rest, 0, that.start()) is None) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aB1 _-.’',\n\t\u00a0é", max_size=12), st.data())
def test_the_word_before_takes_the_fast_path_only_where_the_walk_agrees(text, data):
    from newslib.quotes.clauses import _WORD_CHARS, _word_before

    c0 = data.draw(st.integers(0, len(text)))
    ss = data.draw(st.integers(0, c0))
    e = c0  # the plain walk back: past non-word characters, then over the word
    while e > ss and not (text[e - 1].isalnum() or text[e - 1] in _WORD_CHARS):
        e -= 1
    b = e
    while b > ss and (text[b - 1].isalnum() or text[b - 1] in _WORD_CHARS or text[b - 1] == "_"):
        b -= 1
    assert _word_before(text, ss, c0) == text[b:e].lower()


@pytest.mark.parametrize(
    ("text", "cue", "content", "source"),
    [
        (
            "Noting that the ferry ran late twice, Nora Quill asked for a new timetable.",
            "noting",
            "that the ferry ran late twice",
            "Nora Quill",
        ),
        (
            "After arguing that the ferry ran late, the council voted for a new timetable.",
            "arguing",
            "that the ferry ran late",
            "the council",
        ),
    ],
)
def test_a_participle_opening_the_sentence_reports_up_to_its_comma(text, cue, content, source):
    # the participle's clause ends at its comma; the subject after the comma is the source
    # ([participle_openers]: 'after', 'before', 'while', 'in addition to', ...)
    r = indirect(text).iloc[0]
    assert (r["cue"], r["text"], span(text, r, "speaker")) == (cue, content, source)


def test_an_opening_participle_without_a_clause_reports_nothing():
    text = "Speaking to the crowd, Nora Quill thanked the volunteers."
    assert not any(indirect(text)["cue"].str.lower() == "speaking")


def test_a_two_word_rest_after_an_inner_cue_is_the_contents_second_piece():
    # 'CONTENT, he says, MORE.': two words are enough for MORE ('is different'); one ('too')
    # is not
    text = "The ferry, she says, is late."
    assert list(indirect(text)["text"]) == ["The ferry", "is late"]
    text = "The ferry was late, she said, too."
    assert list(indirect(text)["text"]) == ["The ferry was late"]


def test_a_this_phrase_before_an_inner_cue_is_a_subject_or_a_lead():
    text = "This ferry, she says, is late."
    assert list(indirect(text)["text"]) == ["This ferry", "is late"]
    # a time lead is a piece of the content too, as PolNeAR marks it more often than not
    text = "This week, she says, the ferry is late."
    assert list(indirect(text)["text"]) == ["This week", "the ferry is late"]


def test_a_progressive_speech_verb_is_its_subjects_not_evidence():
    # 'suggesting' after a noun of evidence is the evidence's ('a poll suggesting that ...');
    # after 'is' it is the subject's own verb
    text = "Nora Quill is suggesting that the ferry was late."
    r = indirect(text).iloc[0]
    assert (r["text"], span(text, r, "speaker"), span(text, r, "cue")) == (
        "that the ferry was late",
        "Nora Quill",
        "is suggesting",
    )


def test_a_comma_right_after_that_still_opens_a_clause():
    # 'found' reports only a clause; 'that,' before an aside opens one
    text = "The study found that, in most towns, the ferry was late."
    r = indirect(text).iloc[0]
    assert (r["text"], span(text, r, "speaker")) == (
        "that, in most towns, the ferry was late",
        "The study",
    )


@pytest.mark.parametrize("when", ["just today", "a few days later", "yesterday"])
def test_as_the_source_reported_with_a_time_after_the_cue(when):
    text = f"As the Gazette reported {when}, the ferry was late again."
    r = indirect(text).iloc[0]
    assert (r["text"], span(text, r, "speaker")) == ("the ferry was late again", "the Gazette")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Nora Quill said this was the best ferry.", "this was the best ferry"),
        ("Nora Quill thinks this ferry is too slow.", "this ferry is too slow"),
        ("Nora Quill said this week the ferry was late.", "the ferry was late"),
    ],
)
def test_this_opens_the_content_unless_it_names_a_time(text, content):
    assert indirect(text).iloc[0]["text"] == content


def test_a_dash_after_a_closing_cue_ends_the_attribution():
    text = "The ferry will be late, the captain said — a delay of two hours."
    r = indirect(text).iloc[0]
    assert (r["text"], span(text, r, "speaker")) == ("The ferry will be late", "the captain")


def test_a_title_label_with_lower_case_words_names_its_speaker():
    text = "Nora Quill at the harbor: The ferry will be late.\n\nThe ferry was late."
    r = indirect(text).iloc[0]
    assert (r["text"], span(text, r, "speaker")) == ("The ferry will be late", "Nora Quill")


@pytest.mark.parametrize(
    ("text", "first", "second", "speaker"),
    [
        (
            "Nora Quill said the ferry was late and the harbor master said it was on time.",
            "the ferry was late",
            "it was on time",
            "the harbor master",
        ),
        (
            "Most riders said the ferry was late and 40 percent said they would take the bus.",
            "the ferry was late",
            "they would take the bus",
            "40 percent",
        ),
        (
            "The club claimed credit for the parade but city officials have said they doubt it.",
            "credit for the parade",
            "they doubt it",
            "city officials",
        ),
    ],
)
def test_a_second_speaker_after_a_bare_and_ends_the_first_content(text, first, second, speaker):
    # no comma before 'and' / 'but': the second speech verb's own subject still opens a clause
    r = indirect(text)
    assert list(r["text"]) == [first, second]
    assert span(text, r.iloc[1], "speaker") == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Nora Quill said the ferries of Iowa and Ohio show that the plan works.",
        "Nora Quill said the crew had sold the boat and the tell-all about it.",
        "Nora Quill said the town needs more money and the mayor's repeated pledges to help.",
        "Nora Quill said she would review the ferry times and look into the fares.",
    ],
)
def test_a_bare_and_inside_one_content_does_not_end_it(text):
    assert len(indirect(text)) == 1
    assert indirect(text).iloc[0]["text"] == text[len("Nora Quill said ") : -1]


@pytest.mark.parametrize(
    ("text", "first", "cue", "second"),
    [
        (
            "Nora Quill praised the new ferry but did not say whether the fares would rise.",
            "the new ferry",
            "did not say",
            "whether the fares would rise",
        ),
        (
            "Nora Quill said that the ferry was late and even suggested that the crew had left.",
            "that the ferry was late",
            "even suggested",
            "that the crew had left",
        ),
    ],
)
def test_the_speakers_next_verb_after_a_negation_or_adverb_is_a_row_of_its_own(
    text, first, cue, second
):
    r = indirect(text)
    assert list(r["text"]) == [first, second]
    assert (r.iloc[1]["cue"], span(text, r.iloc[1], "speaker")) == (cue, "Nora Quill")


def test_a_bare_clause_keeps_its_own_subjects_next_verb():
    # 'she ... and would probably miss': the reported clause's subject goes on, still reported
    text = "Nora Quill said she was late and would probably miss the ferry."
    assert list(indirect(text)["text"]) == ["she was late and would probably miss the ferry"]


@pytest.mark.parametrize(
    ("text", "cue", "second"),
    [
        (
            "Nora Quill said the ferry was late, warning that the crew would strike.",
            "warning",
            "that the crew would strike",
        ),
        (
            "Nora Quill said the ferry was late before claiming that the crew had left.",
            "claiming",
            "that the crew had left",
        ),
        (
            "Nora Quill said the ferry was late while insisting that the crew was blameless.",
            "insisting",
            "that the crew was blameless",
        ),
    ],
)
def test_a_participle_cue_of_the_same_speaker_ends_the_first_content(text, cue, second):
    r = indirect(text)
    assert list(r["text"]) == ["the ferry was late", second]
    assert (r.iloc[1]["cue"], span(text, r.iloc[1], "speaker")) == (cue, "Nora Quill")


def test_a_relative_clause_with_its_own_speech_verb_ends_the_content():
    # ', which he called "..."' is an attribution of its own, quoted or not
    text = 'Nora Quill said she backs the harbor bill, which she called "a lifeline for us."'
    r = rows(text)
    said = r[r["cue"] == "said"].iloc[0]
    assert said["text"] == "she backs the harbor bill"
    assert list(r.loc[r["cue"] == "called", "speaker_mention"]) == ["she"]


@pytest.mark.parametrize("joint", ["even as", "though"])
def test_a_concessive_joint_before_another_speaker_ends_the_content(joint):
    text = f"Nora Quill praised the new ferry {joint} the harbor master argued that it was slow."
    r = indirect(text)
    assert list(r["text"]) == ["the new ferry", "that it was slow"]
    assert span(text, r.iloc[1], "speaker") == "the harbor master"


def test_a_restrictive_relative_clause_ends_before_the_main_speech_verb():
    # 'Riders who back the plan' is the subject of 'said'; 'back' reports only 'the plan'
    text = "Riders who back the harbor plan said on Tuesday that the fares were too high."
    r = indirect(text)
    said = r[r["cue"] == "said"].iloc[0]
    assert (said["text"], span(text, said, "speaker")) == (
        "that the fares were too high",
        "Riders",
    )
    assert list(r.loc[r["cue"] == "back", "text"]) in ([], ["the harbor plan"])


def test_a_relative_clause_reporting_a_that_clause_is_not_cut_at_its_inner_verb():
    # the 'that' clause may hold speech verbs of its own: no main verb is looked for in it
    text = "Riders who said that the crew had told them nothing were angry."
    assert indirect(text).iloc[0]["text"].startswith("that the crew had told them nothing")


def test_a_content_before_its_cue_starts_after_an_earlier_attribution_in_its_lead():
    text = "Though riders argue that the ferry is slow, no fare will rise, the harbor master says."
    r = indirect(text)
    says = r[r["cue"] == "says"].iloc[0]
    assert (says["text"], span(text, says, "speaker")) == ("no fare will rise", "the harbor master")
    assert "that the ferry is slow" in list(r["text"])


def test_a_lead_that_only_sets_the_scene_of_a_quotation_is_no_content():
    # 'Asked ...', an '-ing' opener, or one after 'After'/'When': the quotation is the content
    for lead in (
        "Speaking to the board on Monday",
        "After reading the letter from the union",
        "When asked about the fares",
    ):
        text = f'{lead}, Lee said, "We will not back down."'
        assert lead not in list(indirect(text)["text"]), lead
    text = 'Asked if the fares had hurt riders, Lee said, "Sure. We all pay."'
    assert list(indirect(text)["text"]) == ["if the fares had hurt riders"]
    # a finite clause of its own, or a quotation that goes on with the sentence, stays content
    for text, lead in (
        ('After the fares rose, Lee said, "We will not back down."', "After the fares rose"),
        ('Speaking of the fares, Lee said, "and we will not back down."', "Speaking of the fares"),
    ):
        assert lead in list(indirect(text)["text"]), text


def test_a_noun_summing_up_the_clause_before_is_the_content_of_the_cue_after_it():
    # '..., a point Lee also made': 'a point' is Lee's content, the clause before it the
    # officials' own
    text = "Officials told the paper that the fares would rise, a point Lee also conceded."
    r = indirect(text)
    assert list(r["text"]) == ["that the fares would rise", "a point"]
    conceded = r[r["text"] == "a point"].iloc[0]
    assert span(text, conceded, "speaker") == "Lee"
    # a speaker of its own ('a spokesman') or an adjective ('a new poll') is no such noun
    for tail in ("a spokesman said.", "a new poll finds."):
        text = f"The fares will rise, {tail}"
        assert list(indirect(text)["text"]) == ["The fares will rise"], text


def test_a_stance_noun_after_an_adjective_ending_in_ly_is_no_verb():
    # 'deadly', 'costly', 'early' are adjectives ([not_adverbs]): 'the deadly attack on' is a
    # noun phrase, while 'publicly attacks' is a verb after an adverb
    for text in (
        "After the deadly attack on a ferry terminal, the harbor closed for a week.",
        "The costly support for the old pier angered the board.",
    ):
        assert indirect(text).empty, text
    text = "The mayor publicly attacks the harbor plan."
    assert list(indirect(text)["text"]) == ["the harbor plan"]


def test_support_followed_by_for_is_the_noun():
    # 'support for X' names backing, nobody's verb; 'support X' is a verb with its object
    for text in (
        "Rural support for the harbor plan fell sharply over the summer.",
        "Union support for a new ferry line is strong.",
    ):
        assert "support for" not in list(indirect(text)["cue"]), text
    text = "Most dock workers support the harbor plan."
    assert list(indirect(text)["text"]) == ["the harbor plan"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Mayor Ida Venn has been criticized for closing the library.",
            "has been criticized for",
            ["Mayor Ida Venn", "closing the library"],
        ),
        (
            "The new toll was widely condemned as unfair to commuters.",
            "was widely condemned as",
            ["The new toll", "unfair to commuters"],
        ),
        (
            "Ravi Soto is accused of hiding the ledger.",
            "is accused of",
            ["Ravi Soto", "hiding the ledger"],
        ),
        # the agent is left out, and words of where or when are no content
        ("The ferry plan was praised by the harbor board.", "was praised", ["The ferry plan"]),
        ("Ida Venn was mocked by rivals on the radio.", "was mocked", ["Ida Venn"]),
        # speech verbs of confirming and claiming read the same way
        (
            "The new harbor master was confirmed by the board on Monday.",
            "was confirmed",
            ["The new harbor master"],
        ),
        (
            "The blast at the depot was claimed by a local gang.",
            "was claimed",
            ["The blast at the depot"],
        ),
        (
            "Ida Venn was blamed by the union for the strike.",
            "was blamed",
            ["Ida Venn", "the strike"],
        ),
        # a relative pronoun stands for its noun; the relative clause ends at its comma
        (
            "Ravi Soto, who was accused of bribery, resigned on Monday.",
            "was accused of",
            ["who", "bribery"],
        ),
        (
            "The club shut the page after the man who ran it was denounced.",
            "was denounced",
            ["the man who ran it"],
        ),
    ],
)
def test_a_passive_stance_reports_on_its_subject(text, cue, content):
    """'X was criticized for Y': a stance in the passive, with no source written (or one
    after 'by', left out); its content is the subject and what follows the particle."""
    q = indirect(text)
    assert q["text"].tolist() == content
    spans = {span(text, r, "cue") for _, r in q.iterrows()}
    assert spans == {cue}
    assert q["speaker_mention"].isna().all()


def test_a_preposition_after_a_particle_joins_the_cue_only_before_the_content():
    # 'lashed out at the mayor': the mayor is what the cue is about; 'pointed out at a news
    # conference that ...': where it was said, the content comes after it
    q = indirect("Title\n\nShe pointed out at a news conference that the plan had failed.")
    assert q["cue"].tolist() == ["pointed out"]
    assert q["text"].tolist() == ["that the plan had failed"]
    q = indirect("Title\n\nLee lashed out at the mayor for the delay.")
    assert q["cue"].tolist() == ["lashed out at"]
    assert q["text"].tolist() == ["the mayor for the delay"]


def test_a_passive_without_a_stance_verb_reports_nothing():
    assert indirect("The ferry was repaired by the harbor crew.").empty


def test_a_participle_after_a_closing_attribution_reads_its_own_content():
    text = "The ferry will stop in May, the harbor chief said, adding that fares would rise."
    q = indirect(text)
    assert q["text"].tolist() == ["The ferry will stop in May", "that fares would rise"]
    assert q["cue"].tolist() == ["said", "adding"]
    assert q["speaker_mention"].tolist() == ["the harbor chief", "the harbor chief"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The guild has twice complained that the fees rose.", "has twice complained"),
        (
            "Riders are slightly more likely to say the fees rose.",
            "are slightly more likely to say",
        ),
        ("The guild will ever admit that the fees rose.", "will ever admit"),
        # a hearsay adverb keeps the auxiliary out: no cue of the source's own
        ("The guild has reportedly said that the fees rose.", "said"),
    ],
)
def test_adverbs_between_an_auxiliary_and_the_cue_join_it(text, cue):
    q = indirect(text)
    assert [span(text, r, "cue") for _, r in q.iterrows()] == [cue]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Ravi Soto has cast himself as a friend of farmers.",
            "has cast",
            "himself as a friend of farmers",
        ),
        ("Ida Venn paints the mayor as soft on fraud.", "paints", "the mayor as soft on fraud"),
        (
            "Ida Venn has characterized the levy as a tax on farmers.",
            "has characterized",
            "the levy as a tax on farmers",
        ),
    ],
)
def test_cast_or_paint_with_as_is_a_stance(text, cue, content):
    q = indirect(text)
    assert [span(text, r, "cue") for _, r in q.iterrows()] == [cue]
    assert q["text"].tolist() == [content]


def test_cast_or_paint_without_as_is_no_cue():
    assert indirect("Ravi Soto cast his ballot early, and the crew painted the hall.").empty


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Ida Venn lashed out at the harbor board.", "lashed out at", "the harbor board"),
        ("Ida Venn expressed concern about the levy.", "expressed concern about", "the levy"),
    ],
)
def test_a_preposition_after_a_phrasal_cue_joins_it(text, cue, content):
    q = indirect(text)
    assert [span(text, r, "cue") for _, r in q.iterrows()] == [cue]
    assert q["text"].tolist() == [content]


def test_as_after_referred_to_joins_the_cue():
    # [cue_particles] 'to_as': 'referred to as' is one cue, the name given is the content
    text = "The pier, which Ida Venn referred to as a relic, will close."
    q = indirect(text)
    assert {span(text, r, "cue") for _, r in q.iterrows()} == {"referred to as"}
    assert "a relic" in q["text"].tolist()


def test_an_according_to_source_ends_before_another_speakers_clause():
    # ', and officials said ...' after the source is a clause of its own, with its own cue
    rows = indirect("Lee won the vote, according to aides, and officials said the count was fair.")
    assert list(rows["text"]) == ["Lee won the vote", "the count was fair"]
    assert list(rows["speaker_mention"]) == ["aides", "officials"]


def test_as_after_a_stance_verbs_object_must_be_the_stance_not_such_as_or_as_soon_as():
    for text in (
        "She cast her ballot as soon as the polls opened.",
        "Record labels such as the small ones have cut their prices.",
        "Workers will paint the bridge as part of a repair plan.",
    ):
        assert indirect(text).empty, text
    rows = indirect("The mayor has cast himself as an outsider.")
    assert list(rows["text"]) == ["himself as an outsider"]


def test_a_passive_stance_needs_what_it_is_about_after_the_verb():
    # no of/for/with/as: a physical act or a plain mention, and "'s" for 'has' is active
    for text in (
        "Two guards were attacked near the gate.",
        "The bill was mentioned in the budget report.",
        "She's praised the new pier in every speech.",
    ):
        assert indirect(text).empty, text
    rows = indirect("Lee was criticized by voters for the delay.")
    assert list(rows["text"]) == ["Lee", "the delay"]


def test_an_infinitive_after_a_comma_does_not_close_the_content_as_its_attribution():
    # ', including the right to vote,' is part of the content, not ', one analyst said,'
    text = (
        "The governor announced that he had signed an order that restores the civil rights, "
        "including the right to vote, of 9,000 people."
    )
    assert list(indirect(text)["text"]) == [text[text.index("that he") : -1]]


def test_a_speech_verbs_colon_opens_a_content_in_the_writers_words():
    text = "A comeback looks unlikely, insiders said: the lead in the polls, which is large."
    r = indirect(text)
    assert list(r["text"]) == ["the lead in the polls, which is large"]
    assert list(r["cue"]) == ["said"]
    # a quotation after the colon stays the quotation rules'
    q = rows('Aides said: "We will win the state."')
    assert list(q["kind"]) == ["direct"]


def test_expect_reports_its_object_and_infinitive():
    r = indirect("Most analysts expect the senator to win the seat easily.")
    assert list(r["text"]) == ["the senator to win the seat easily"]
    assert list(r["cue"]) == ["expect"]
    # 'analysts expect a close race': no infinitive after an object, no content (as before)
    assert indirect("Analysts expect a close race.").empty


def test_a_polls_share_saying_something_is_the_polls_content():
    text = "Title.\n\nIn a new poll released Monday, just 8 percent of voters said they would move."
    r = indirect(text)
    assert list(r["text"]) == ["just 8 percent of voters said they would move"]
    assert list(r["cue"]) == ["in"]
    text = "Title.\n\nIn the survey, 31% of voters said they were eager to vote."
    assert list(indirect(text)["text"]) == ["31% of voters said they were eager to vote"]
    # a subject that is no share of the poll speaks for itself
    text = "Title.\n\nIn a new poll, most voters said they were eager to vote."
    assert list(indirect(text)["text"]) == ["they were eager to vote"]


def test_a_poll_closing_a_sentence_with_a_figure_is_its_source():
    text = (
        "Title.\n\nLee had 38 percent support in a new Bayview poll released Monday. Lee was glad."
    )
    r = indirect(text)
    assert list(r["text"]) == ["Lee had 38 percent support"]
    assert list(r["cue"]) == ["in"]
    assert span(text, r.iloc[0], "speaker") == "a new Bayview poll"
    # a poll named with no article: 'in Monday's poll', 'in Iowa surveys'
    text = "Title.\n\nLee slipped back to 39 percent in Monday’s poll."
    assert list(indirect(text)["text"]) == ["Lee slipped back to 39 percent"]
    # no figure, or the poll not closing the sentence: no such report
    for sentence in ("Lee has been ahead in the polls.", "Lee won 38 percent in a poll and left."):
        assert indirect(f"Title.\n\n{sentence}").empty, sentence


def test_a_finding_verbs_document_source_may_have_words_after_its_head():
    # 'a poll of voters in Ohio', 'a poll out this week': the head is still 'poll'
    for subject in ("A new poll of voters in all 50 states", "A state university poll out today"):
        r = indirect(f"Title.\n\n{subject} shows Lee with an 8-point lead.")
        assert list(r["text"]) == ["Lee with an 8-point lead"], subject
    # a person is no document: 'shows' with no clause reports nothing
    assert indirect("Title.\n\nThe mayor of the city shows little interest.").empty


def test_a_relative_clauses_gap_after_a_mind_verb_is_its_content():
    # 'a plan the mayor hopes will pass': the clause after the cue lacks its subject, the
    # relative clause's head
    r = indirect("Title.\n\nIt was a tactic the aides hope will calm the party.")
    assert list(r["text"]) == ["will calm the party"]
    assert list(r["cue"]) == ["hope"]
    r = indirect("Title.\n\nShe opened what she thought was another gift.")
    assert list(r["text"]) == ["what", "was another gift"]  # the relative is a piece
    # a question verb's gap is its object: the verb after it is the main clause's
    assert indirect("Title.\n\nThe question nobody asked was bold.").empty


def test_a_colon_after_a_widened_cue_is_not_content():
    text = "Title.\n\nThe mayor said in a statement: the bridge is safe and will open soon."
    r = indirect(text)
    assert list(r["text"]) == ["the bridge is safe and will open soon"]
    assert list(r["cue"]) == ["said in a statement"]


def test_to_a_named_person_opening_a_sentence_gives_their_view():
    text = "Title.\n\nTo Lee, who ran twice, the race was a turning point."
    r = indirect(text)
    assert list(r["text"]) == ["the race was a turning point"]
    # the apposition closed by the comma before the content is the source's (PolNeAR's habit)
    assert span(text, r.iloc[0], "speaker") == "Lee, who ran twice"
    for sentence in ("To date, the race was close.", "To the surprise of many, it was close."):
        assert indirect(f"Title.\n\n{sentence}").empty, sentence


@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        ("Ads from groups backing the mayor ran all week.", "the mayor", "backing"),
        ("Many of the voters supporting the plan stayed home.", "the plan", "supporting"),
        ("Polls of residents opposing the new levy were taken in May.", "the new levy", "opposing"),
        ("Money from investors expecting a quick deal poured in.", "a quick deal", "expecting"),
    ],
)
def test_a_stance_participle_after_a_noun_reports_its_object(sentence, content, cue):
    # 'a group backing Lee': the participle's object is the content, up to the sentence's
    # own verb
    r = indirect(f"Title.\n\n{sentence}")
    assert list(r["text"]) == [content]
    assert list(r["cue"]) == [cue]


def test_a_participle_after_no_noun_phrase_reports_nothing_of_its_own():
    for sentence in (
        "Lee tried offering a deal to the council.",  # a verb before: no holder of a stance
        "The ferry has the right calling card for tourists.",
        'A group backing "a fair fare" held a rally.',  # a quotation: its own rules
        "Lee spent Monday discussing the budget.",  # a day: no noun phrase
        "Anyone expecting a quick deal will be disappointed.",  # capitalised: may be a name
        "A group backing the mayor has spent more.",  # singular: often a person's own act
        "She spoke at a rally, effusively praising the mayor.",  # an adverb, no noun
    ):
        assert indirect(f"Title.\n\n{sentence}").empty, sentence


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Most of the riders who support the new tram line are students.", "the new tram line"),
        ("Residents who oppose the ferry plan met on Monday.", "the ferry plan"),
        # a speech verb as the main verb: ends there as before
        ("Riders who back the plan said it works.", "the plan"),
    ],
)
def test_a_stance_in_a_restrictive_relative_clause_ends_before_the_main_verb(sentence, content):
    r = indirect(f"Title.\n\n{sentence}")
    assert list(r["text"])[0] == content


def test_a_stance_in_a_non_restrictive_relative_clause_runs_to_its_end():
    # ', who ...': no main verb follows inside the sentence
    r = indirect("Title.\n\nThe plan won over Ada Lund, who wants to build the bridge if she wins.")
    assert list(r["text"]) == ["to build the bridge if she wins"]


@pytest.mark.parametrize(
    ("text", "content", "source", "cue"),
    [
        ("The plan passed, with Ann Lee calling it a sham.", "it a sham", "Ann Lee", "calling"),
        (
            "The vote was close, with 40 percent of voters saying they would wait.",
            "they would wait",
            "40 percent of voters",
            "saying",
        ),
    ],
)
def test_a_speech_participle_after_with_has_its_own_subject(text, content, source, cue):
    # 'with X VERBing': X is the participle's subject, not the sentence's
    r = indirect(text).iloc[-1]
    assert (r["text"], span(text, r, "speaker"), r["cue"]) == (content, source, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The match ended late, with the crowd calling his name.",
        "Play stopped, with the referee calling a foul.",
        "The hall went quiet, with Lee's mother calling out names from the list.",
    ],
)
def test_calling_after_with_reports_only_when_it_names_its_object(text):
    # 'calling' rarely reports without a quotation: in a 'with' phrase only 'calling it a ...'
    r = indirect(text)
    assert r.empty or not r["cue"].str.startswith("calling").any(), r[["text", "cue"]]


def test_a_time_word_in_ly_is_no_manner_before_a_particle():
    # 'early' ends in -ly but says when, not how: the cue stays the verb
    r = indirect("Title.\n\nLee spoke early about the plan to close the pier.")
    assert "spoke early about" not in list(r["cue"])
    r = indirect("Title.\n\nLee spoke passionately about the plan to close the pier.")
    assert list(r["cue"]) == ["spoke passionately about"]


@pytest.mark.parametrize(
    "text",
    [
        # a stance describes: no one reports
        "Lee won the county, with most voters viewing him favorably.",
        # 'all precincts reporting' reports nothing
        "Lee won, with nearly all precincts reporting, and the race was close.",
    ],
)
def test_a_participle_after_with_that_reports_nothing(text):
    assert indirect(text).empty


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Ada Lind spoke passionately about her father.", "spoke passionately about", "her father"),
        (
            "Ada Lind has talked at length about the new budget.",
            "has talked at length about",
            "the new budget",
        ),
        ("Ada Lind spoke up about the pay gap.", "spoke up about", "the pay gap"),
        # any cue with one of its own particles after an adverb
        ("Ada Lind called again for a recount.", "called again for", "a recount"),
        ("Ada Lind focused solely on the budget.", "focused solely on", "the budget"),
    ],
)
def test_how_someone_talked_joins_the_cue_before_about(text, cue, content):
    # [manner_gap_verbs]: the manner between the verb and 'about' is part of the cue
    r = indirect(text).iloc[0]
    assert (r["cue"], r["text"]) == (cue, content)


def test_a_place_between_spoke_and_about_is_no_manner():
    assert indirect("Ada Lind spoke at the hall about the budget.").empty
    # 'for' is no particle of 'said': the adverb stays out of the cue
    text = "Ada Lind said again for the record that she would run."
    assert indirect(text)["cue"].tolist() == ["said"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Ada Lind responded with a jab at the mayor.", "responded with", "a jab at the mayor"),
        ("Ada Lind warned about the cost of the bridge.", "warned about", "the cost of the bridge"),
        ("Ada Lind talked through the plan.", "talked through", "the plan"),
        ("Ada Lind boasted of the new ferry schedule.", "boasted of", "the new ferry schedule"),
        ("Ada Lind complained of the noise.", "complained of", "the noise"),
        ("Ada Lind called upon the board to act.", "called upon", "the board to act"),
        ("Ada Lind countered with a plan for the dock.", "countered with", "a plan for the dock"),
    ],
)
def test_with_and_about_join_their_cue(text, cue, content):
    # [cue_particles]: 'responded with', 'warned about', 'boasted of', 'called upon'
    r = indirect(text).iloc[0]
    assert (r["cue"], r["text"]) == (cue, content)


def test_only_before_a_cue_joins_it():
    # [cue_floating]: 'only' joins the cue, never the speaker's mention
    r = indirect("Ada Lind only hinted at the new budget.").iloc[0]
    assert (r["cue"], r["speaker_mention"]) == ("only hinted at", "Ada Lind")
    r = indirect("The only candidate said the plan works.").iloc[0]
    assert (r["cue"], r["speaker_mention"]) == ("said", "The only candidate")


def test_earlier_before_a_cue_joins_it():
    r = indirect("Ada Lind earlier asked the court whether the vote was fair.").iloc[0]
    assert (r["cue"], r["speaker_mention"]) == ("earlier asked", "Ada Lind")


def test_remain_before_a_stance_adjective_joins_its_cue():
    # [cue_floating]: 'remain' is the adjective's copula, like 'are'
    r = indirect("His donors remain confident that the vote will hold.").iloc[0]
    assert (r["cue"], r["speaker_mention"], r["text"]) == (
        "remain confident",
        "His donors",
        "that the vote will hold",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The bridge swayed, and cables supporting the deck snapped.",
        "It rained, and pillars supporting the roof gave way.",
        "The shop opened, and customers expecting a sale were disappointed.",
    ],
)
def test_a_stance_participle_after_a_noun_naming_no_one_reports_nothing(text):
    # _after_noun: the plural before the -ing form must be able to hold a stance
    assert indirect(text).empty


def test_a_stance_participle_after_a_noun_keeps_no_source():
    # the row of 'groups backing' has no source; the clause's subject ('Ads') is not it
    got = indirect("Ads from groups backing the mayor ran all week.")
    assert got["text"].tolist() == ["the mayor"] and got["speaker_mention"].isna().all()


def test_a_document_verb_opens_the_cue_only_with_the_document_as_its_object():
    text = "Lee sent his daughter to school with a note, saying she was sick."
    got = indirect(text)
    assert got["cue"].tolist() == ["saying"]
    got = indirect("Lee issued a statement Monday, saying the plan would fail.")
    assert got["cue"].tolist() == ["issued a statement monday, saying"]  # cues are lower case


def test_a_capitalised_word_mid_sentence_is_no_auxiliary_of_the_cue():
    # 'in May showed': the month, not the modal; 'may say' and a sentence's first word still join
    r = indirect("Title.\n\nThe survey in May showed that most riders were unhappy.")
    assert list(r["cue"]) == ["showed"]
    r = indirect("Title.\n\nLee may say that the pier is safe.")
    assert list(r["cue"]) == ["may say"]


@pytest.mark.parametrize(
    ("text", "content", "source", "cue"),
    [
        (
            "Title.\n\nAnn Lee spoke at the pier, falsely suggesting that the bridge would close.",
            "that the bridge would close",
            "Ann Lee",
            "falsely suggesting",
        ),
        (
            "Title.\n\nTom Roe left the hall, angrily denying that he knew of the plan.",
            "that he knew of the plan",
            "Tom Roe",
            "angrily denying",
        ),
    ],
)
def test_an_adverb_between_the_comma_and_a_participle_cue_keeps_the_reading(
    text, content, source, cue
):
    # '..., falsely suggesting that ...' reads as '..., suggesting that ...'
    r = indirect(text)
    got = r[r["cue"] == cue]
    assert len(got) == 1, r[["text", "cue"]]
    assert (got["text"].iloc[0], span(text, got.iloc[0], "speaker")) == (content, source)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Title.\n\nThe Harbor Board ran an ad, falsely suggesting that the mayor had lied "
            "after Tom Roe said the pier was safe.",
            "that the mayor had lied",
        ),
        (
            "Title.\n\nAnn Lee ran a second ad, wrongly claiming that rents had doubled as "
            "Tom Roe warned.",
            "that rents had doubled",
        ),
    ],
)
def test_a_content_after_an_adverb_and_a_participle_stops_before_another_attribution(text, content):
    r = indirect(text)
    got = r[r["cue"].isin(["falsely suggesting", "wrongly claiming"])]
    assert set(got["text"]) == {content}, r[["text", "cue"]]


def test_a_content_after_an_adverb_and_a_participle_never_takes_in_a_quotation():
    # the partial quotation keeps its own row and speaker; no reported content swallows it
    text = 'Title.\n\nTom Roe ran an ad, wrongly claiming that the budget was "a total mess" now.'
    q = rows(text)
    quoted = q[q["text"] == "a total mess"]
    assert list(quoted["kind"]) == ["partial"]
    assert span(text, quoted.iloc[0], "speaker") == "Tom Roe"
    inside = q[(q["kind"] == "indirect") & q["text"].str.contains("total mess", regex=False)]
    assert inside.empty, inside[["text", "cue"]]


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Ann Lee moved on to arguing that the pier was safe.",
            "that the pier was safe",
            "Ann Lee",
        ),
        (
            "The Harbor Board took the last step of announcing that the pier would close.",
            "that the pier would close",
            "The Harbor Board",
        ),
        (
            "Tom Roe moved on to implying that rents rose after Ann Lee said so.",
            "that rents rose",
            "Tom Roe",
        ),
        (
            # a noun among the cue words ('vote') before the other attribution
            "Tom Roe moved on to implying that the vote was rigged as Ann Lee said.",
            "that the vote was rigged",
            "Tom Roe",
        ),
    ],
)
def test_a_participle_cue_after_to_or_of_reports_a_that_clause(text, content, source):
    # 'to arguing that ...', 'of announcing that ...': the sentence's subject speaks
    r = indirect(f"Title.\n\n{text}")
    got = r[r["cue"].str.endswith(("arguing", "announcing", "implying"))]
    assert len(got) == 1, r[["text", "cue"]]
    assert (got["text"].iloc[0], span(f"Title.\n\n{text}", got.iloc[0], "speaker")) == (
        content,
        source,
    )


def test_a_participle_cue_after_to_without_a_that_clause_reports_nothing():
    r = indirect("Title.\n\nAnn Lee moved on to arguing the case in court.")
    assert not r["cue"].str.endswith("arguing").any(), r[["text", "cue"]]


def test_a_cue_after_a_relative_pronoun_before_a_role_and_name_is_a_verb():
    # 'who support council member Tom Roe say ...': 'support' has its subject ('who'), so it
    # is a verb, no part of a role
    q = indirect("Voters who support council member Tom Roe say the pier must close.")
    got = {(r.cue, r.text) for r in q.itertuples()}
    assert ("support", "council member Tom Roe") in got


@pytest.mark.parametrize(
    "sentence, mention",
    [
        ("Nuclear safety experts have warned that the pier is weak.", "Nuclear safety experts"),
        ("Coastal survey teams said the pier was weak.", "Coastal survey teams"),
        ("Federal harbor unions have argued that the pier is weak.", "Federal harbor unions"),
        ("Young fishermen were told that the pier would close.", None),
    ],
)
def test_a_capitalised_opener_before_a_lower_case_noun_names_no_one(sentence, mention):
    # the word opens the sentence only: it qualifies the noun after it and is nobody's name
    text = "Ann Lee spoke on Monday.\n\n" + sentence
    q = indirect(text)
    assert len(q) == 1
    assert pd.isna(q.loc[0, "speaker"])
    if mention is not None:
        assert q.loc[0, "speaker_mention"] == mention


def test_a_name_opening_a_sentence_before_an_adverb_stays_the_speaker():
    text = "Ann Lee spoke on Monday.\n\nLee eventually said that the pier is weak."
    q = indirect(text)
    assert q.loc[0, "speaker"] == "Ann Lee"


@pytest.mark.parametrize(
    "lead_in, mention",
    [
        ("Partial transcript as follows:", "Partial transcript"),
        ("Full transcript below:", "Full transcript"),
    ],
)
def test_a_lead_in_with_a_colon_keeps_its_whole_subject(lead_in, mention):
    text = f'Ann Lee spoke on Monday.\n\n{lead_in}\n\n"We will build it. It will be fine."'
    q = rows(text)
    direct = q[q["kind"] == "direct"].reset_index(drop=True)
    assert len(direct) == 1
    assert direct.loc[0, "speaker_mention"] == mention
    assert pd.isna(direct.loc[0, "speaker"]) and pd.isna(direct.loc[0, "cue"])


@pytest.mark.parametrize(
    "question, mention, cue",
    [
        ("Q: Do you think the pier should be rebuilt?", "you", "think"),
        ("Q: Did you expect that the pier would close?", "you", "expect"),
    ],
)
def test_an_auxiliary_opening_a_question_is_no_speaker(question, mention, cue):
    q = indirect("Ann Lee spoke on Monday.\n\n" + question)
    assert len(q) == 1
    assert q.loc[0, "speaker_mention"] == mention and q.loc[0, "cue"] == cue
    assert pd.isna(q.loc[0, "speaker"])


def test_a_first_name_that_is_an_auxiliary_still_names_its_bearer():
    q = indirect("Will Roe said the pier is safe.\n\nWill the pier close? Tom said it would.")
    assert q.loc[0, "speaker"] == "Will Roe"


def test_a_partial_quotation_after_a_capitalised_opener_keeps_the_whole_subject():
    text = (
        "Ann Lee spoke on Monday.\n\n"
        'Federal harbor unions have long campaigned against "private pier crews."'
    )
    q = rows(text)
    part = q[q["kind"] == "partial"].reset_index(drop=True)
    assert len(part) == 1
    assert part.loc[0, "speaker_mention"] == "Federal harbor unions"
    assert pd.isna(part.loc[0, "speaker"])


def test_a_title_before_one_common_word_is_part_of_a_company_name():
    q = indirect("General Lumber says that the pier is weak.\n\nGeneral Wood said it was not.")
    assert q.loc[0, "speaker"] == "General Lumber"
    assert q.loc[1, "speaker"] == "Wood"  # a surname after the title: a general


def test_the_last_word_of_a_list_inside_a_name_is_no_speaker():
    text = (
        "A report by the Bayview Academy of Arts, Letters and Sciences noted that the pier is "
        "weak.\n\nIn Bayview, Ann Lee and Tom Roe said that it was not."
    )
    q = indirect(text)
    assert pd.isna(q.loc[0, "speaker"])
    assert q.loc[1, "speaker"] == "Tom Roe"


@pytest.mark.parametrize("noun", ["fishermen", "divers"])
def test_a_surname_opening_a_sentence_before_a_plural_noun_only_qualifies_it(noun):
    # 'Young' is a surname too, but the plural noun after it heads the subject
    text = f"Ann Roe spoke.\n\nYoung {noun} were honored at the pier for saying the pier is weak."
    q = indirect(text)
    assert len(q) == 1
    assert q.loc[0, "speaker_mention"] == f"Young {noun}"
    assert pd.isna(q.loc[0, "speaker"])


def test_a_common_word_that_only_opens_longer_names_is_no_speaker():
    # 'New' is capitalised inside a sentence only as the first word of a place's name
    text = "Ann Roe spoke in New Bayview.\n\nNew focus on safety lays bare divisions with Roe."
    q = indirect(text)
    assert len(q) == 1 and pd.isna(q.loc[0, "speaker"])


def test_a_name_made_of_a_slogan_keeps_its_words_after_the():
    text = (
        "Ann Roe spoke.\n\nIn addition, Save the Pier I, the most active of three harbor funds, "
        "has bought ads that attack Roe for saying the pier is weak."
    )
    q = indirect(text)
    assert len(q) == 1
    assert q.loc[0, "speaker"] == "Save the Pier"
    assert q.loc[0, "speaker_mention"].startswith("Save the Pier I")


def test_a_preposition_before_the_and_a_name_opens_no_slogan():
    text = "Ann Roe spoke.\n\nLike the Harbor Board, Roe has argued that the pier is weak."
    q = indirect(text)
    assert q.loc[0, "speaker"] == "Ann Roe"


@pytest.mark.parametrize("quantifier", ["Some", "Many", "Several"])
def test_a_cue_word_after_a_quantifier_opening_a_sentence_is_a_plural_noun(quantifier):
    text = f"Ann Roe spoke.\n\n{quantifier} advocates for pier repairs said that the cost was low."
    q = indirect(text)
    assert len(q) == 1
    assert q.loc[0, "cue"] == "said"
    assert q.loc[0, "speaker_mention"] == f"{quantifier} advocates for pier repairs"


@pytest.mark.parametrize("subject", ["Lee campaign aides", "Lee allies", "Lee harbor defenders"])
def test_a_name_before_a_group_noun_that_heads_the_subject_is_no_speaker(subject):
    text = f"Tom Lee spoke on Monday.\n\n{subject} believe that the pier is weak."
    q = indirect(text)
    assert len(q) == 1
    assert q.loc[0, "speaker_mention"] == subject
    assert pd.isna(q.loc[0, "speaker"])


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("People close to the mayor said the pier was unsafe.", "People close to the mayor"),
        ("The pier was unsafe, people close to Ann Lee said.", "people close to Ann Lee"),
        ("Some familiar with the talks said the pier was unsafe.", "Some familiar with the talks"),
    ],
)
def test_a_group_head_close_to_or_familiar_with_someone_is_the_source(text, source):
    # the whole group phrase is the source span, as with a role head ('a source close to')
    q = indirect(f"Tom Roe spoke.\n\n{text}")
    assert len(q) == 1
    assert q.loc[0, "speaker_mention"] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("For months, mainstream Democrats have hoped that the pier would close.", "mainstream"),
        ("Ann Lee and national Democrats say the pier is weak.", "Ann Lee and national"),
        ("But outside Harbor Party groups are arguing that the pier is weak.", "outside"),
    ],
)
def test_a_modifier_opening_a_capitalised_plural_group_joins_the_source(text, source):
    # no determiner before the modifier: the clause opens with it ('and' joins the name before)
    q = indirect(f"Tom Roe spoke.\n\n{text}")
    assert len(q) == 1
    assert q.loc[0, "speaker_mention"].startswith(source)


def test_a_modifier_after_a_verb_is_no_part_of_a_group_source():
    q = indirect("Tom Roe spoke.\n\nThe toll would anger rural Democrats, Ann Lee said.")
    assert len(q) == 1
    assert q.loc[0, "speaker_mention"] == "Ann Lee"
    q = indirect("Tom Roe spoke.\n\nThe pier helps local Democrats who say it is weak.")
    assert all(not str(m).startswith(("local", "helps")) for m in q["speaker_mention"])


@pytest.mark.parametrize(
    ("lead", "source"),
    [
        ("In a Bayview Herald poll released Monday,", "a Bayview Herald poll released Monday"),
        ("In a survey conducted by the Harbor Board,", "a survey conducted by the Harbor Board"),
        ("In a Bayview poll last month,", "a Bayview poll"),  # no participle: the poll alone
    ],
)
def test_an_in_poll_lead_keeps_its_participle_phrase_in_the_source(lead, source):
    text = f"Title.\n\n{lead} 40 percent of voters backed Ann Lee."
    r = indirect(text)
    assert list(r["text"]) == ["40 percent of voters backed Ann Lee"]
    assert span(text, r.iloc[0], "speaker") == source


def test_they_joined_by_and_opens_the_source():
    # like 'he and' / 'she and': 'They and their aides argue' is one source
    text = "Ann Lee and Tom Roe spoke.\n\nThey and their aides argue that the pier is weak."
    q = indirect(text)
    assert len(q) == 1
    assert q.loc[0, "speaker_mention"] == "They and their aides"
