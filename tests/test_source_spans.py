"""The source span as written: how far the phrase naming who speaks runs around the mention
newslib.quotes finds (PolNeAR Source spans, compared by their first and last word).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest
from quote_rows import indirect, rows


def written(text: str, row: pd.Series) -> str:
    """The source span of ``row`` (a row of the quotes of ``text``) as written."""
    return text[int(row["speaker_start"]) : int(row["speaker_end"])]


def source(text: str) -> str:
    """The source span of the first reported-speech row of ``text``."""
    return written(text, indirect(text).iloc[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the apposition ends where the sentence's own predicate starts
        (
            "Ada Lind, a former harbor chairman, became a delegate and said she backs the plan.",
            "Ada Lind, a former harbor chairman",
        ),
        (
            "Tomas Berg, the county's treasurer, hesitated to repeat his criticism of the board.",
            "Tomas Berg, the county's treasurer",
        ),
        (
            "Ada Lind, the clinic's lawyer, treasurer and founder, has rejected the claim, "
            "saying it was false.",
            "Ada Lind, the clinic's lawyer, treasurer and founder",
        ),
        (
            "Ada Lind, a nurse from Dover, for her part, said that the ward would close.",
            "Ada Lind, a nurse from Dover",
        ),
        # ... and an apposition of several parts stays whole
        (
            "Ada Lind, 52, a nurse from Dover, said that the ward would close.",
            "Ada Lind, 52, a nurse from Dover",
        ),
    ],
)
def test_apposition_before_the_cue_stops_at_the_predicate(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role phrase opening the clause, then the name in apposition to it
        (
            "Her campaign manager, Tomas Berg, said the count was wrong.",
            "Her campaign manager, Tomas Berg",
        ),
        (
            "But in an interview, the union's president, Ada Lind, said the strike would go on.",
            "the union's president, Ada Lind",
        ),
        (
            "The director of the harbor museum, Ada Lind, told reporters the roof had failed.",
            "The director of the harbor museum, Ada Lind",
        ),
        (
            "One of his advisers, Tomas Berg, said the race was close.",
            "One of his advisers, Tomas Berg",
        ),
        # a plural role before several names
        (
            "Two harbor analysts, Ada Lind and Tomas Berg, found that the dock was unsafe.",
            "Two harbor analysts, Ada Lind and Tomas Berg",
        ),
        # no role phrase: a preposition, a participle, a name, a plural before one name
        ("Through a spokesman, Tomas Berg said the count was wrong.", "Tomas Berg"),
        ("Like his father, Tomas Berg said the count was wrong.", "Tomas Berg"),
        ("Alongside the senator, Tomas Berg said the count was wrong.", "Tomas Berg"),
        ("Facing angry voters, Tomas Berg said the count was wrong.", "Tomas Berg"),
        ("Unlike Mayor Ada Lind, Tomas Berg said the count was wrong.", "Tomas Berg"),
        ("The end of the harbor strike, Tomas Berg said, was near.", "Tomas Berg"),
        ("Among the harbor workers, Tomas Berg said the count was wrong.", "Tomas Berg"),
    ],
)
def test_role_phrase_before_the_name(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the head of a phrase whose object the mention is
        ("Voters in Dover said the harbor plan was too costly.", "Voters in Dover"),
        (
            "A study by the harbor board found that the dock was unsafe.",
            "A study by the harbor board",
        ),
        (
            "Strategists for Ada Lind and Tomas Berg agree that the debate hurt her.",
            "Strategists for Ada Lind and Tomas Berg",
        ),
        # an organisation's name running over 'of' or 'for', and a person of it
        (
            "The Dover Institute for Harbor Studies noted that the dock was unsafe.",
            "The Dover Institute for Harbor Studies",
        ),
        (
            "Ada Lind of the Dover Institute for Harbor Studies wrote that the dock was unsafe.",
            "Ada Lind of the Dover Institute for Harbor Studies",
        ),
        ("The University of Dover reported that enrolment fell.", "The University of Dover"),
        # no head: a time before the preposition, or a lower-case word that is no role
        ("On the day of Ada Lind's visit, Tomas Berg said the dock was unsafe.", "Tomas Berg"),
    ],
)
def test_head_of_the_phrase_joins_the_source(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place or body a named speaker is 'of'
        ("Sen. Ada Lind of Ohio said that the dock was unsafe.", "Sen. Ada Lind of Ohio"),
        (
            "Tomas Berg of the Dover Institute for Harbor Studies, a research group, said that "
            "the dock was unsafe.",
            "Tomas Berg of the Dover Institute for Harbor Studies, a research group",
        ),
        (
            "The dock is unsafe, said Tomas Berg of the Dover Institute for Harbor Studies.",
            "Tomas Berg of the Dover Institute for Harbor Studies",
        ),
        # ... not a phrase going on in lower case
        ("Ada Lind of the Harbor plan said nothing, Tomas Berg said.", "Tomas Berg"),
    ],
)
def test_where_a_named_speaker_is_from(text, expected):
    assert source(text) == expected


def test_whom_a_speaker_speaks_of_is_no_part_of_the_source():
    text = "Ada Lind said the dock was unsafe. It is too old, said Tomas Berg of Lind."
    q = indirect(text)
    got = [text[int(a) : int(b)] for a, b in zip(q["speaker_start"], q["speaker_end"], strict=True)]
    assert got == ["Ada Lind", "Tomas Berg"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lower-case words qualifying a role before a name, and the determiner opening it all
        (
            "Former federal prosecutor Ada Lind said the dock was unsafe.",
            "Former federal prosecutor Ada Lind",
        ),
        (
            "The harbor board chairman Ada Lind said the dock was unsafe.",
            "The harbor board chairman Ada Lind",
        ),
        ("Some top Democrats said the dock was unsafe.", "Some top Democrats"),
        ("Other Democrats said the dock was unsafe.", "Other Democrats"),
        ("Both Ada Lind and Tomas Berg said the dock was unsafe.", "Both Ada Lind and Tomas Berg"),
        ("Harbor state Sen. Ada Lind said the dock was unsafe.", "Harbor state Sen. Ada Lind"),
        # ... not over a sentence end, nor a noun the name's clause qualifies
        (
            "The dock had grown old. Supporters of Ada Lind said it was unsafe.",
            "Supporters of Ada Lind",
        ),
        ("It was the photo Ada Lind said was fake.", "Ada Lind"),
        # a title or role never reaches back over the full stop of the sentence before
        (
            "They met in Dover Harbor. Retired surgeon Ada Lind said it was unsafe.",
            "Retired surgeon Ada Lind",
        ),
        ("He was a harbor pilot. Tomas Berg said it was unsafe.", "Tomas Berg"),
    ],
)
def test_modifiers_and_determiner_before_a_role(text, expected):
    assert source(text) == expected


def test_speech_of_a_relative_clause_inside_the_apposition():
    # 'who backed Lind' is reported speech of its own, inside the apposition: not its end
    text = '"It was a good day," said Tom Roe, a harbor leader who had endorsed Lind.'
    r = rows(text).iloc[0]
    got = text[int(r["speaker_start"]) : int(r["speaker_end"])]
    assert got == "Tom Roe, a harbor leader who had endorsed Lind"


def test_a_relative_clause_of_speech_is_a_source_of_its_own():
    text = '"It was a good day," said Tom Roe, who said the dock was unsafe.'
    r = rows(text).iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == "Tom Roe"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a conjunction or focus word opening the clause is no part of the source
        ("The dock is old, but harbor officials said it was safe.", "harbor officials"),
        ("The dock is old, although his advisers say it is safe.", "his advisers"),
        ("Even some of her allies say the dock is unsafe.", "some of her allies"),
    ],
)
def test_clause_openers_stay_out_of_the_source(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun a capitalised word qualifies, and the day a document came out
        ("Harbor Board filings show that the dock was sold.", "Harbor Board filings"),
        ("Democratic leaders said the dock was unsafe.", "Democratic leaders"),
        (
            "A Dover Times poll released Tuesday found that the dock was unsafe.",
            "A Dover Times poll released Tuesday",
        ),
        # ... not the cue itself
        ("The Dover Times reports that the dock was unsafe.", "The Dover Times"),
    ],
)
def test_the_noun_or_day_after_the_mention(text, expected):
    assert source(text) == expected


def test_a_relative_clause_right_after_an_inverted_source():
    text = '"The dock is unsafe," said a harbor official who asked not to be named.'
    r = rows(text).iloc[0]
    got = text[int(r["speaker_start"]) : int(r["speaker_end"])]
    assert got == "a harbor official who asked not to be named"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence adverb or an adjunct between commas is no apposition
        ("Tomas Berg, meanwhile, was telling voters that the dock was unsafe.", "Tomas Berg"),
        ('"The dock is unsafe," said Tomas Berg, on Monday.', "Tomas Berg"),
        ('"The dock is unsafe," said Tomas Berg, via email.', "Tomas Berg"),
        # ... 'now' or 'then' before a role opens one
        (
            '"The dock is unsafe," said Tomas Berg, now a partner at a harbor firm.',
            "Tomas Berg, now a partner at a harbor firm",
        ),
    ],
)
def test_adjuncts_after_the_name_are_no_apposition(text, expected):
    r = rows(text).iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause telling what the speaker did stays out of the source before the cue
        ("Ada Lind, who has backed Tomas Berg, said the dock was unsafe.", "Ada Lind"),
        # ... one telling who the speaker is stays in it
        # ... one telling who the speaker is stays in it
        (
            "Ada Lind, who runs the harbor board, said the dock was unsafe.",
            "Ada Lind, who runs the harbor board",
        ),
    ],
)
def test_relative_clauses_before_the_cue(text, expected):
    r = indirect(text).set_index("cue").loc["said"]  # not the relative clause's own row
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after an apposition, a closed relative clause stays in the source before the cue,
        # whether it tells about the body the apposition names or about the speaker
        (
            "Ada Lind, a lawyer at the Harbor Fund, which backs the plan, said the dock was "
            "unsafe.",
            "Ada Lind, a lawyer at the Harbor Fund, which backs the plan",
        ),
        (
            "Tomas Berg, a nurse at the clinic, who has backed Ada Lind, said the dock was unsafe.",
            "Tomas Berg, a nurse at the clinic, who has backed Ada Lind",
        ),
    ],
)
def test_a_relative_clause_after_an_apposition_before_the_cue(text, expected):
    r = indirect(text).set_index("cue").loc["said"]  # not the relative clause's own row
    assert written(text, r) == expected


@pytest.mark.parametrize(
    ("text", "expected", "speaker"),
    [
        (
            'Ada Lind, who has in the past called the dock "a ruin", spoke on Monday.',
            "who",
            "Ada Lind",
        ),
        ("Tomas Berg, who has long said the dock is unsafe, left the board.", "who", "Tomas Berg"),
        ("Ada Lind, who struggled while talking about the dock, left early.", "who", "Ada Lind"),
        ("The Harbor Fund, which has often said the plan is costly, met.", "which", None),
    ],
)
def test_the_cue_of_an_open_relative_clause_has_the_relative_word_for_source(
    text, expected, speaker
):
    # no comma closes the clause before its cue: the clause's relative word is the source as
    # written; who speaks is still resolved from the name it stands for
    r = rows(text).iloc[0]
    assert written(text, r) == expected
    assert (None if pd.isna(r["speaker"]) else r["speaker"]) == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor who made enemies on the board and bragged about it left.", "who"),
        ("The harbor board which lost money and admitted the plan failed will close.", "which"),
    ],
)
def test_a_subject_ending_with_its_relative_word_has_that_word_for_source(text, expected):
    # the cue is the verb of the relative clause (here its second one): PolNeAR marks the
    # relative word as the source of reported speech, not the phrase it hangs on
    r = indirect(text).iloc[0]
    assert written(text, r) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the content of the attribution opens right after the comma closing the apposition
        (
            "At the heart of the trouble, according to Ann Lee, another former harbor envoy, "
            "was a decision by the board to close the pier.",
            "Ann Lee, another former harbor envoy",
        ),
        (
            "To Tom Roe, who has made a study of harbor votes, Tuesday marked a turning point.",
            "Tom Roe, who has made a study of harbor votes",
        ),
    ],
)
def test_an_apposition_closed_by_a_comma_right_before_the_content(text, expected):
    r = indirect(text).iloc[-1]
    assert written(text, r) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title in quotation marks inside the apposition does not end it
        (
            'Ann Lee, the author of "Deep Water," about the harbor, said the pier was unsafe.',
            'Ann Lee, the author of "Deep Water," about the harbor',
        ),
        (
            "Tom Roe, star of the show “Harbor Nights,” thanked the mayor for “keeping us safe.”",
            "Tom Roe, star of the show “Harbor Nights,”",
        ),
    ],
)
def test_a_quoted_title_inside_an_apposition_before_the_cue(text, expected):
    r = indirect(text).iloc[0]
    assert written(text, r) == expected
    assert r["speaker"] == expected.split(",")[0]


def test_a_piece_of_an_earlier_subject_does_not_cut_the_apposition_after_the_cue():
    # 'to back' is read as a cue of 'We' (before the speaker): its content does not end the
    # apposition of the speaker after 'said'
    text = '"We should drop it," said Sen. Ann Lee of Ohio, the only senator to back Roe. "No."'
    r = rows(text).iloc[0]
    got = written(text, r)
    assert got == "Sen. Ann Lee of Ohio, the only senator to back Roe"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the predicate words after a subject pronoun are no part of the source
        ("Tom Roe met the board. Each time, he came away convinced that the pier was safe.", "he"),
        ("I am fully aware that many of you doubt the plan.", "I"),
        # ... its conjuncts and quantifiers are
        ("Ann Lee spoke. She and her aides said the pier was safe.", "She and her aides"),
        ("The pilots met. They all said the pier was safe.", "They all"),
    ],
)
def test_a_subject_pronoun_without_its_predicate(text, expected):
    r = indirect(text).iloc[-1]
    assert written(text, r) == expected


def test_a_one_word_name_in_quotation_marks_ends_an_inverted_source():
    # 'the Center “Watch”': the name's quotation marks do not cut the source short
    speech = rows("Lee left the port, reports the Center “Watch”.")
    assert speech.loc[speech["cue"] == "reports", "speaker_mention"].tolist() == [
        "the Center “Watch”"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name joined to a plural role: one source
        (
            "Ada Lind and her supporters argue that the fence is too high.",
            "Ada Lind and her supporters",
        ),
        (
            "Ada Lind and other organizers said that the fence was too high.",
            "Ada Lind and other organizers",
        ),
    ],
)
def test_a_name_and_a_plural_role(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The harbor is sinking, according to engineers.", "engineers"),
        ("According to court filings, the harbor is sinking.", "court filings"),
        (
            "The harbor is sinking, according to people familiar with the survey.",
            "people familiar with the survey",
        ),
    ],
)
def test_a_plain_plural_after_according_to(text, expected):
    assert source(text) == expected


def test_a_share_of_a_group_is_the_source():
    text = "Only 40% of Dover residents say that the ferry should stay."
    assert source(text) == "Only 40% of Dover residents"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Six in 10 say that the ferry should stay.", "Six in 10"),
        ("Ferry captains, for example, argue that the harbor is too shallow.", "Ferry captains"),
        ("Some harbor pilots, however, say that the channel is safe.", "Some harbor pilots"),
    ],
)
def test_a_plain_subject_opening_the_sentence(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "If you prefer, say that the ferry should stay.",
        "Walking to the pier, said the ferry should stay.",
        "It's easy to say that the ferry should stay.",
        "It is hard to say whether the ferry will stay.",
        "It seemed to say that the ferry should stay.",
    ],
)
def test_no_plain_subject_from_an_opening_clause(text):
    found = indirect(text)
    assert found.empty or found["speaker_start"].isna().all()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Former Secretary of State Ada Lind said that the treaty was fair.",
            "Former Secretary of State Ada Lind",
        ),
        (
            "Harbor Chief of Staff Tomas Berg said that the pier was closed.",
            "Harbor Chief of Staff Tomas Berg",
        ),
    ],
)
def test_an_office_named_with_of_before_the_name(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lind, Berg and Okafor said that the pier was closed.", "Lind, Berg and Okafor"),
        (
            "Lind, Berg and other captains said that the pier was closed.",
            "Lind, Berg and other captains",
        ),
        # an opening phrase is no item of the list
        ("In Dover, Lind and Berg said that the pier was closed.", "Lind and Berg"),
        ("Instead, Lind and Berg said that the pier was closed.", "Lind and Berg"),
    ],
)
def test_a_list_of_names_opening_the_sentence(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A port official familiar with the investigation said that the pier was closed.",
            "A port official familiar with the investigation",
        ),
        ("Sources close to the mayor say that the pier was closed.", "Sources close to the mayor"),
        (
            "A review by the Dover Herald found that the pier was unsafe.",
            "A review by the Dover Herald",
        ),
        (
            "Her longtime rival, Ada Lind, said that the pier was closed.",
            "Her longtime rival, Ada Lind",
        ),
    ],
)
def test_roles_and_documents_heading_the_source(text, expected):
    assert source(text) == expected


def test_a_headline_line_is_no_part_of_the_source():
    text = "Lind Calls The Pier A Hazard\nHarbor Chief Tomas Berg said that the pier was closed."
    assert source(text) == "Harbor Chief Tomas Berg"
    r = indirect(text).iloc[0]
    assert "\n" not in r["speaker_mention"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The pier is closed," said Sen. Ada Lind (D-Maine).', "Sen. Ada Lind (D-Maine)"),
        (
            '"The pier is closed," said Rep. Tomas Berg (R-Ohio), a harbor pilot.',
            "Rep. Tomas Berg (R-Ohio), a harbor pilot",
        ),
        ('"The pier is closed," said Ada Lind (left).', "Ada Lind"),
    ],
)
def test_a_party_tag_after_an_inverted_source(text, expected):
    r = rows(text).iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == expected


def test_first_lady_before_the_name():
    text = "First lady Ada Lind said that the pier was closed."
    assert source(text) == "First lady Ada Lind"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words between the subject and its cue that belong to neither ([mention_trailers])
        ("But Tomas Berg only briefly explained that the pier was closed.", "Tomas Berg"),
        ("His donors remain confident that the harbor plan will pass.", "His donors"),
        ("Her campaign workers here said they had knocked on every door.", "Her campaign workers"),
        # ... but not after a word the phrase goes on from
        (
            "The only harbor pilot on duty said that the pier was closed.",
            "The only harbor pilot on duty",
        ),
    ],
)
def test_words_after_the_subject_stay_out_of_the_source(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a 'which' clause tells about the body named in the apposition, not the speaker
        (
            '"The pier is closed," said Ada Lind, head of the Harbor Fund, which backs the plan.',
            "Ada Lind, head of the Harbor Fund",
        ),
        (
            '"The pier is closed," said Ada Lind, a nurse at the clinic.',
            "Ada Lind, a nurse at the clinic",
        ),
    ],
)
def test_a_which_clause_ends_the_apposition_after_the_cue(text, expected):
    r = rows(text).iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("62-year-old Ada Lind said that the pier was closed.", "62-year-old Ada Lind"),
        # a plural role before several names
        (
            "Harbor board candidates Ada Lind and Tomas Berg said that the pier was closed.",
            "Harbor board candidates Ada Lind and Tomas Berg",
        ),
    ],
)
def test_an_age_or_a_plural_role_before_the_names(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plural roles joined by 'and' right before the cue are one source
        (
            "The ferry was late. Current and former officials said the pier was unsafe.",
            "Current and former officials",
        ),
        (
            "The ferry was late. But attorneys and harbor experts said the pier was unsafe.",
            "attorneys and harbor experts",
        ),
        # ... not the verb and object of a clause before them
        (
            "The ferry was late. Tomas Berg met voters and officials said the pier was unsafe.",
            "voters and officials",
        ),
    ],
)
def test_coordinated_plural_roles_before_the_cue(text, expected):
    assert source(text) == expected


def test_the_determiner_before_a_number_of_speakers():
    text = "The ferry was late. The two pilots said that the pier was unsafe."
    assert source(text) == "The two pilots"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a document or poll, a participle, then who made it or where
        (
            "The ferry was late. Exit polls taken in Dover found that the pier is unpopular.",
            "Exit polls taken in Dover",
        ),
        (
            "The ferry was late. Harbor Board records compiled by the Dover Institute show that "
            "the pier is unpopular.",
            "Harbor Board records compiled by the Dover Institute",
        ),
    ],
)
def test_a_document_and_its_participle_head_the_source(text, expected):
    assert source(text) == expected


def test_members_on_a_committee():
    text = "The ferry was late. Members on the Harbor Committee said that the pier was unsafe."
    assert source(text) == "Members on the Harbor Committee"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the source after 'according to' runs to the punctuation that ends its phrase
        (
            "The ferry was late, according to a new poll from the Dover Institute broadcast on "
            "Harbor TV. The pier was closed.",
            "a new poll from the Dover Institute broadcast on Harbor TV",
        ),
        ("The ferry was late, according to F.A.A. records. The pier was closed.", "F.A.A. records"),
        (
            "According to a report from the Dover Institute published on Monday, the ferry "
            "was late.",
            "a report from the Dover Institute published on Monday",
        ),
        ("The ferry was late, according to Ann Lee. The pier was closed.", "Ann Lee"),
    ],
)
def test_the_phrase_after_according_to(text, expected):
    assert source(text) == expected


def test_of_a_place_before_an_opening_quotation_mark():
    text = "“We should talk,” said Sen. Ada Lind of Maine. “There is a middle ground.”"
    r = rows(text).iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == "Sen. Ada Lind of Maine"


def test_of_a_body_before_a_closing_pair_of_apostrophes():
    text = "''It was late,'' said Mr. Lind of the Harbor Policy Center. ''The plan is weak.''"
    r = rows(text).iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == (
        "Mr. Lind of the Harbor Policy Center"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a relative clause speaks, not the noun the clause hangs on
        (
            "The ferry was late. That is the limit that economists generally consider safe.",
            "economists",
        ),
        (
            "The ferry was late. The board withheld some information that harbor officials said "
            "would harm the pilots.",
            "harbor officials",
        ),
    ],
)
def test_the_subject_of_a_relative_clause_is_the_source(text, expected):
    assert source(text) == expected


def test_more_person_roles_head_the_source():
    text = "The ferry was late. A producer for Harbor Studios told the Gazette that it was unsafe."
    assert source(text) == "A producer for Harbor Studios"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'a' or 'an' and one adjective before a name belong to the source
        ("The ferry was late. A teary-eyed Lind said the pier was closed.", "A teary-eyed Lind"),
        ("The ferry was late. An angry Ada Lind said the pier was closed.", "An angry Ada Lind"),
        # ... a noun does not
        ("The ferry was late. In a statement Lind said the pier was closed.", "Lind"),
    ],
)
def test_an_epithet_before_the_name(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who put out the document speaks, not the document the participle follows
        (
            'The ferry was late. At noon, she released a statement saying, "The pier is closed."',
            "she",
        ),
        (
            'The ferry was late. The harbor board sent out a press release saying: "It is shut."',
            "The harbor board",
        ),
    ],
)
def test_the_subject_who_put_out_the_document_speaks(text, expected):
    r = rows(text).iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title opening the mention: the roles before it belong to the source too
        (
            '"It is over," Harbor campaign Chairman Tom Berg told the Gazette.',
            "Harbor campaign Chairman Tom Berg",
        ),
        # partitives and amounts before a number of speakers
        (
            "The ferry was late. Both of his harbor pilots strongly supported the plan.",
            "Both of his harbor pilots",
        ),
        (
            "The ferry was late. At least a dozen members of the board told the Gazette that "
            "the pier is shut.",
            "At least a dozen members of the board",
        ),
    ],
)
def test_titles_partitives_and_amounts_before_the_mention(text, expected):
    r = rows(text).iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a medium's noun before its name ([media_titles])
        (
            "The ferry was late. Portuguese newspaper Harbor Daily reports that the pier is shut.",
            "Portuguese newspaper Harbor Daily",
        ),
        ("The ferry was late, the news site Harbor Info reported.", "the news site Harbor Info"),
    ],
)
def test_a_media_noun_before_its_name(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number of people right before the cue is the source
        (
            "The ferry was late. More than 40 percent of voters said that the pier is shut.",
            "More than 40 percent of voters",
        ),
        ("The ferry was late. But six in 10 said they want the pier open.", "six in 10"),
        ("The ferry was late. About three-quarters support a new pier.", "About three-quarters"),
    ],
)
def test_a_number_of_people_before_the_cue(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prepositional adjunct after an inverted source's apposition is no part of it
        (
            '"The pier is closed," said Ada Lind, director of the Harbor Fund, about the report.',
            "Ada Lind, director of the Harbor Fund",
        ),
        ('"The pier is closed," said Ada Lind, a nurse, in an email.', "Ada Lind, a nurse"),
    ],
)
def test_an_adjunct_after_the_apposition_ends_it(text, expected):
    r = rows(text).iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == expected


def test_a_part_of_whom_is_the_source():
    text = (
        "The ferry was late. The board has five members, two of whom have already pledged "
        "their support to Lind."
    )
    assert source(text) == "two of whom"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plain noun phrase after 'according to': a parenthesis ends it, evidence nouns
        # head it, an abbreviation's full stop does not end it
        (
            "The ferry was late. Lind won 54 percent of the pilots, according to exit polls "
            "(a wide margin). She won.",
            "exit polls",
        ),
        (
            "The ferry was late. About 42 million borrowers have debt, according to data from "
            "the U.S. Department of Education. The average is high.",
            "data from the U.S. Department of Education",
        ),
    ],
)
def test_a_plain_phrase_after_according_to(text, expected):
    assert source(text) == expected


def _source_of_cue(text: str, cue: str) -> tuple[str, object]:
    """(source span, speaker) of the reported-speech row whose cue is ``cue``."""
    q = indirect(text)
    cues = [text[int(s) : int(e)] for s, e in zip(q["cue_start"], q["cue_end"], strict=True)]
    r = q[[c == cue for c in cues]].iloc[0]
    return text[int(r["speaker_start"]) : int(r["speaker_end"])], r["speaker"]


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # the mention the rules found sits in a relative clause of the subject: the subject
        # with its clause speaks, not the clause's object
        ("Voters who support Lee say the plan is unfair.", "say", "Voters who support Lee"),
        (
            "Callers who phoned the station said the road was closed.",
            "said",
            "Callers who phoned the station",
        ),
        (
            "Some analysts who studied the Harbor Board say it failed.",
            "say",
            "Some analysts who studied the Harbor Board",
        ),
    ],
)
def test_a_subject_with_its_relative_clause(text, cue, expected):
    got, speaker = _source_of_cue(text, cue)
    assert got == expected
    assert pd.isna(speaker) or speaker not in ("Lee", "Harbor Board")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause after a comma describes the name: the name stays the source
        ("Ann Lee, who backs Tom Roe, said the plan is unfair.", "Ann Lee"),
        # no relative clause: the mention is the subject
        ("Tom Roe said the plan is unfair.", "Tom Roe"),
    ],
)
def test_a_name_with_no_restrictive_clause_keeps_its_source(text, expected):
    assert _source_of_cue(text, "said")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full stop inside a web address is no sentence end: the apposition runs over it
        (
            '"We will win," said Tom Roe, editor of HarborNews.com. He left.',
            "Tom Roe, editor of HarborNews.com",
        ),
        (
            '"We will win," said Tom Roe, who runs bayview.org. He left.',
            "Tom Roe, who runs bayview.org",
        ),
        # the sentence's own full stop still ends it
        (
            '"We will win," said Tom Roe, editor of HarborNews. He left.',
            "Tom Roe, editor of HarborNews",
        ),
        # ... as it does with its space lost before the next sentence's capital
        (
            '"We will win," said Tom Roe, a lawyer.He later said he was joking.',
            "Tom Roe, a lawyer",
        ),
        (
            '"We will win," said Tom Roe, who runs bayview.org.Lee agreed.',
            "Tom Roe, who runs bayview.org",
        ),
    ],
)
def test_an_apposition_after_the_cue_runs_over_a_web_address(text, expected):
    r = rows(text).iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb after the determiner qualifies the phrase's adjective: the phrase stays
        ("The famously gruff senator said the plan failed.", "The famously gruff senator"),
        ("A deeply divided board says the plan failed.", "A deeply divided board"),
        # after the noun, the adverb is the cue's
        ("The senator later said the plan failed.", "The senator"),
    ],
)
def test_an_adverb_inside_the_noun_phrase_stays_in_the_source(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role phrase whose owner is named with a title, then the name in apposition to it
        (
            "On television, Mr. Lee's campaign chairman, Tom Roe, dismissed the claim as false.",
            "Mr. Lee's campaign chairman, Tom Roe",
        ),
        (
            "It rained. Sen. Ann Lee's chief of staff, Tom Roe, said the count was wrong.",
            "Sen. Ann Lee's chief of staff, Tom Roe",
        ),
        # a title and a name, no role: only the name after the comma speaks
        ("It rained. Mr. Lee, Tom Roe said the count was wrong.", "Tom Roe"),
    ],
)
def test_a_role_phrase_owned_by_a_titled_name(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # noun phrases joined by 'and' / 'nor' opening the clause of the cue are one source
        (
            "It rained. Many experts and some lawmakers say the plan failed.",
            "Many experts and some lawmakers",
        ),
        ("It rained. Neither Roe nor Lee acknowledged the claim.", "Neither Roe nor Lee"),
        # a clause before 'and' is no part of the source
        ("The vote failed and Lee said the plan was dead.", "Lee"),
        ("Roe spoke and Lee said the plan was dead.", "Lee"),
    ],
)
def test_noun_phrases_joined_before_the_source(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # the mention the rules found is the object of a preposition inside the subject: the
        # whole subject speaks
        ("Staff for the Harbor Board said the plan failed.", "said", "Staff for the Harbor Board"),
        ("Supporters of Ann Lee say the plan failed.", "say", "Supporters of Ann Lee"),
        (
            "Audit files from the Harbor Board show that the plan failed.",
            "show",
            "Audit files from the Harbor Board",
        ),
        (
            "It rained. A group started by Tom Roe says the plan failed.",
            "says",
            "A group started by Tom Roe",
        ),
        # a verb before the preposition: a clause of its own, the mention stays
        ("It rained. Lee apologized for the delay and Roe said the plan failed.", "said", "Roe"),
    ],
)
def test_a_subject_whose_object_the_mention_is(text, cue, expected):
    assert _source_of_cue(text, cue)[0] == expected


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # a full name before the preposition: the person speaks, the source is the whole subject
        (
            "Ann Lee at the Harbor Board said the pier was safe.",
            "Ann Lee at the Harbor Board",
            "Ann Lee",
        ),
        ("Tom Roe with the union said the road would reopen.", "Tom Roe with the union", "Tom Roe"),
        ("Ann Lee in Bayview said the pier was safe.", "Ann Lee in Bayview", "Ann Lee"),
        # a document or a body before it names no person
        (
            "Audit files from the Harbor Board show the pier failed.",
            "Audit files from the Harbor Board",
            None,
        ),
    ],
)
def test_a_name_heading_the_subject_is_the_speaker(text, source, speaker):
    cue = "show" if " show " in text else "said"
    got_source, got_speaker = _source_of_cue(text, cue)[:2]
    assert got_source == source
    assert pd.isna(got_speaker) if speaker is None else got_speaker == speaker, got_speaker


def test_people_heading_the_subject_speak_not_the_name_after_them():
    # 'Supporters of Ann Lee': the supporters speak, the row names no person
    speaker = _source_of_cue("Supporters of Ann Lee say the plan failed.", "say")[1]
    assert pd.isna(speaker) or speaker != "Ann Lee"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # the plural noun heading the subject is capitalised only as the sentence's first word:
        # no one's name, so the row names no speaker
        ("Supporters of Ann Lee say the vote was unfair.", "say"),
        ("Voters who support Ann Lee say the levy is too high.", "say"),
        ("Experts at the Harbor Board say the pier is unsafe.", "say"),
        ("Estimates by the Harbor Board suggest the repairs will cost millions.", "suggest"),
        ("Workers at the Bayview plant said they had not been paid.", "said"),
    ],
)
def test_a_plural_noun_heading_the_subject_is_no_speaker(text, cue):
    assert pd.isna(_source_of_cue(text, cue)[1])


def test_a_name_opening_a_description_is_still_its_speaker():
    # 'Sanders eventually said': a name ending in s, then a word the source span took in
    text = "Tom Sanders spoke first. Sanders eventually said the pier was unsafe."
    assert _source_of_cue(text, "eventually said")[1] == "Tom Sanders"


@pytest.mark.parametrize(
    ("text", "expected", "speaker"),
    [
        # a lower-case role noun right before a name belongs to the source span ...
        ("Pizza magnate Tom Roe said the pier was too long.", "Pizza magnate Tom Roe", "Tom Roe"),
        (
            "Public defender Ann Lee wrote that he was innocent.",
            "Public defender Ann Lee",
            "Ann Lee",
        ),
        (
            "Harbor Board member Ann Lee believes it will open.",
            "Harbor Board member Ann Lee",
            "Ann Lee",
        ),
        (
            "Former Bayview speechwriter Tom Roe said the speech was fine.",
            "Former Bayview speechwriter Tom Roe",
            "Tom Roe",
        ),
        (
            "Bayview co-founder Ann Lee said the firm would grow.",
            "Bayview co-founder Ann Lee",
            "Ann Lee",
        ),
    ],
)
def test_a_role_noun_before_a_name_opens_the_source(text, expected, speaker):
    assert source(text) == expected
    # ... while the row still names the person, not the role
    assert indirect(text).iloc[0]["speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the items listed before 'X and Y' are part of one source when the list opens the
        # sentence, lower-case nouns as well as names
        (
            "Friends, neighbors and former rivals say that Ann Lee is honest.",
            "Friends, neighbors and former rivals",
        ),
        (
            "Unions, green groups, and many lawmakers say the pier is unsafe.",
            "Unions, green groups, and many lawmakers",
        ),
        (
            "But dockworkers, fishermen and harbor officials argue that the pier is too short.",
            "dockworkers, fishermen and harbor officials",
        ),
        # an adverb, a time or an adjunct before the comma is no item of the list
        (
            "Still, neighbors and former rivals say that Ann Lee is honest.",
            "neighbors and former rivals",
        ),
        ("Last week, voters and lawmakers said the pier was safe.", "voters and lawmakers"),
        ("In Bayview, critics and lawmakers say the pier is unsafe.", "critics and lawmakers"),
        # one clause before ', and' is no list: the source is the second clause's subject
        (
            "The ferry lost riders, and drivers and unions say the toll is unfair.",
            "drivers and unions",
        ),
        ("The port lost ships, and captains say the toll is unfair.", "captains"),
        ("Bayview lost jobs, and workers and unions say the toll is unfair.", "workers and unions"),
    ],
)
def test_a_list_of_subjects_is_one_source(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside between the name and its cue is the sentence's, not part of the source
        ("Ann Lee, when asked about the pier, said it was safe.", "Ann Lee"),
        (
            "The mayor's office, when contacted by reporters, said the pier was safe.",
            "The mayor's office",
        ),
        ("Ann Lee, of course, said the pier was safe.", "Ann Lee"),
        ("Tom Roe, last week, said the pier was safe.", "Tom Roe"),
        ("The Harbor Board, only two months later, said the pier was safe.", "The Harbor Board"),
        ("Ann Lee, exasperated, said the pier was safe.", "Ann Lee"),
        # a description of the name stays, a time inside it too
        (
            "Ann Lee, the mayor since last year, said the pier was safe.",
            "Ann Lee, the mayor since last year",
        ),
        ("Ann Lee, a nurse, said the pier was safe.", "Ann Lee, a nurse"),
        # a role with no determiner is a description, whatever time ends it
        (
            "Ann Lee, mayor of Bayview until last year, said the pier was safe.",
            "Ann Lee, mayor of Bayview until last year",
        ),
        (
            "Tom Roe, director of the pier until two years ago, said the toll was high.",
            "Tom Roe, director of the pier until two years ago",
        ),
        (
            "Tom Roe, spokesman for the board until last month, said the toll was high.",
            "Tom Roe, spokesman for the board until last month",
        ),
        ("Tom Roe, two weeks later, said the toll was high.", "Tom Roe"),
    ],
)
def test_an_aside_after_the_name_is_no_apposition(text, expected):
    assert _source_of_cue(text, "said")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a progressive cue ('are now saying', 'is tweeting') is active: its whole subject is
        # the source, as with 'say'
        (
            "Many of the dockworkers are now saying that the pier is unsafe.",
            "Many of the dockworkers",
        ),
        ("A slice of Bayview is tweeting support for the pier.", "A slice of Bayview"),
    ],
)
def test_the_subject_of_a_progressive_cue_is_the_source(text, expected):
    assert source(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after an inverted cue: 'managing' qualifying a role opens the apposition ...
        (
            '"The pier is safe," said Tom Roe, managing director and analyst at Bayview Capital.',
            "Tom Roe, managing director and analyst at Bayview Capital",
        ),
        # ... a participle clause does not
        ('"The pier is safe," said Tom Roe, managing the pier for the board.', "Tom Roe"),
        # the apposition ends where the relative clause of the next report opens
        (
            '"The pier is safe," said Ann Lee, the executive director of the Harbor Board, who '
            "also said that the two men had met.",
            "Ann Lee, the executive director of the Harbor Board",
        ),
        ('"The pier is safe," said Ann Lee, who also said that the two men had met.', "Ann Lee"),
    ],
)
def test_the_apposition_after_an_inverted_cue(text, expected):
    r = rows(text)
    r = r[r["kind"] == "direct"].iloc[0]
    assert text[int(r["speaker_start"]) : int(r["speaker_end"])] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the subject of a passive 'asked' is who was asked: the report has no source
        "Ann Lee was asked to name a decision that shaped the pier.",
        "Voters were also asked to pick the loser.",
        "Ann Lee has been asked to release the transcripts.",
    ],
)
def test_the_subject_of_a_passive_ask_is_no_source(text):
    r = indirect(text).iloc[0]
    assert pd.isna(r["speaker_start"]) and pd.isna(r["speaker"])


def test_a_passive_ask_keeps_its_cue():
    # the cue span is unchanged ('was asked'), only the source goes
    text = "Nora Quill was asked whether the vote was fair."
    r = indirect(text).iloc[0]
    assert text[int(r["cue_start"]) : int(r["cue_end"])] == "was asked"
    assert text[r["start"] : r["end"]] == "whether the vote was fair"
    assert pd.isna(r["speaker"])


def test_the_subject_of_an_active_ask_is_the_source():
    text = "Tom Roe asked Ann Lee to release the transcripts."
    assert source(text) == "Tom Roe"
    assert indirect(text).iloc[0]["speaker"] == "Tom Roe"
