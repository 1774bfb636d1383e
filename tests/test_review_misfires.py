"""Misfires a reviewer found in the attribution rules, each pinned on a sentence written for
these tests: the speaker, source, cue and content newslib should give, and what
newslib.people counts.
"""

from __future__ import annotations

import pandas as pd
from quote_rows import rows

import newslib

# the first paragraph of an article is read as its headline: the sentences come after one
TITLE = "Pier news\n\n"


def speech(text: str) -> pd.DataFrame:
    """The speech rows (no scare quotes) of ``text`` after a headline."""
    q = rows(TITLE + text)
    return q[q["kind"] != "scare"].reset_index(drop=True)


def people_of(text: str) -> pd.DataFrame:
    """newslib.people's table of ``text`` after a headline."""
    return newslib.people(rows(TITLE + text))


def test_a_lawyer_for_a_named_person_is_an_unnamed_source_not_the_person():
    q = speech("A lawyer for Tom Roe said the deal was fair.")
    assert q["speaker"].isna().all()
    assert q["speaker_mention"].tolist() == ["A lawyer for Tom Roe"]
    assert q["text"].tolist() == ["the deal was fair"]
    p = people_of("A lawyer for Tom Roe said the deal was fair.")
    assert p["person"].tolist() == ["lawyer"]
    assert p["speaker_type"].tolist() == ["anonymous"]


def test_the_name_in_apposition_to_a_role_of_a_place_speaks():
    q = speech("The mayor of Bayview, Al Roe, said the pier would reopen.")
    assert q["speaker"].tolist() == ["Al Roe"]
    assert q["speaker_mention"].tolist() == ["The mayor of Bayview, Al Roe"]
    p = people_of("The mayor of Bayview, Al Roe, said the pier would reopen.")
    assert p["person"].tolist() == ["Al Roe"]
    assert p["role"].tolist() == ["mayor of Bayview"]


def test_the_name_in_apposition_to_a_lawyer_for_someone_speaks_not_the_client():
    q = speech("A lawyer for Tom Roe, Ann Lee, said the deal was fair.")
    assert q["speaker"].tolist() == ["Ann Lee"]


def test_a_name_joined_to_a_subject_with_a_relative_clause_speaks():
    text = "Residents who live near the pier and Tom Roe say the plan is bad."
    q = speech(text)
    assert q["speaker"].tolist() == ["Tom Roe"]
    assert q["speaker_mention"].tolist() == ["Residents who live near the pier and Tom Roe"]
    assert "Tom Roe" in people_of(text)["person"].tolist()


def test_names_joined_inside_a_relative_clause_are_its_objects_not_speakers():
    q = speech("Voters who back Lee and Roe say the plan is bad.")
    said = q[q["cue"] == "say"]
    assert said["speaker"].isna().all()
    assert said["speaker_mention"].tolist() == ["Voters who back Lee and Roe"]


def test_a_thing_rejected_in_the_passive_is_no_speech():
    assert speech("The loan was rejected by the bank.").empty


def test_a_plan_rejected_in_the_passive_is_a_stance_and_the_council_still_speaks():
    q = speech("The plan was rejected by the council, which said it was too costly.")
    assert q["text"].tolist() == ["The plan", "it was too costly"]
    assert q["cue"].tolist() == ["was rejected", "said"]
    assert q["speaker_mention"].tolist()[1] == "which"


def test_a_party_rejected_by_voters_is_still_a_stance():
    assert speech("The Harbor Party was rejected by voters.")["text"].tolist() == [
        "The Harbor Party"
    ]


def test_a_titled_surname_that_is_also_an_occupation_is_a_person():
    q = speech("Ms. Nurse said the ward was full.")
    assert q["speaker"].tolist() == ["Nurse"]
    p = people_of("Ms. Nurse said the ward was full.")
    assert p["speaker_type"].tolist() == ["person"]
    assert p["gender"].tolist() == ["female"]
    # without a title the word is still the occupation
    assert people_of("Nurses said the ward was full.")["speaker_type"].tolist() == ["anonymous"]


def test_an_honorific_of_the_first_of_two_names_gives_the_second_no_gender():
    p = people_of("Mr. Lee and Ann Roe said the pier would reopen.")
    assert p["person"].tolist() == ["Ann Roe"]
    assert p["gender"].tolist() == ["unknown"]
    assert people_of("Mr. Tom Lee said the pier would reopen.")["gender"].tolist() == ["male"]


def test_the_object_of_a_speech_participle_is_no_cue():
    q = speech("The rally went on for hours, with fans telling jokes and singing.")
    assert "jokes" not in q["cue"].tolist()
    q = speech("The night ended with fans telling jokes about the team.")
    assert "jokes" not in q["cue"].tolist()
    assert "jokes about" not in q["cue"].tolist()
    # the verb still reports
    assert speech("Lee jokes that the pier is older than he is.")["cue"].tolist() == ["jokes"]


def test_writing_to_someone_is_no_content():
    assert speech("Readers questioning the decision can write to the editor.").empty
    assert speech("Lee wrote to the board.").empty
    assert speech("Lee said to reporters.").empty
    q = speech("Lee wrote to the board that the plan fails.")
    assert q["text"].tolist() == ["that the plan fails"]


def test_the_content_opens_after_the_listener():
    q = speech("Lee explained to the board why the pier closed.")
    assert q["text"].tolist() == ["why the pier closed"]
    q = speech("Lee has been talking to his staff about running for mayor.")
    assert q["text"].tolist() == ["running for mayor"]


def test_a_one_word_scare_quote_opening_a_content_keeps_both_marks():
    q = speech("Lee says “Fake” news spreads.")
    assert q["text"].tolist() == ["“Fake” news spreads"]
    q = speech('Lee said "fake" news was spreading.')
    assert q.loc[q["kind"] == "indirect", "text"].tolist() == ['"fake" news was spreading']


def test_a_quoted_word_after_a_colon_opens_the_content():
    q = speech('Lee said: "Fake" news was spreading.')
    assert q["text"].tolist()[0] == '"Fake" news was spreading'
    assert q["speaker"].tolist()[0] == "Lee"
    # a full quotation after the colon stays the quotation's
    q = speech('Lee said: "The plan fails," and left.')
    assert q["kind"].tolist() == ["direct"]


def test_a_dash_glued_to_a_name_opens_the_name():
    # a list of links whose items open with a dash
    q = speech("-Ann Lee explains why the polls were off. [Times.]")
    assert q["speaker"].tolist() == ["Ann Lee"]
    assert q["speaker_mention"].tolist() == ["Ann Lee"]
    q = speech("The debate in Bayview -Mrs. Lee said she would sign the bill- was heated.")
    assert q["speaker"].tolist() == ["Lee"]


def test_a_share_of_ten_takes_in_the_people_after_it():
    q = speech("About four in 10 South Bayview Republican voters said the plan fails.")
    assert q["speaker"].isna().all()
    assert q["speaker_mention"].tolist() == ["About four in 10 South Bayview Republican voters"]


def test_a_capitalised_word_ending_in_ed_inside_a_name_is_no_verb():
    text = (
        "A spokeswoman for the House Armed Services Committee sent the text, arguing, "
        "“The law is clear.”"
    )
    q = speech(text)
    direct = q[q["kind"] == "direct"]
    assert direct["speaker_mention"].tolist() == [
        "A spokeswoman for the House Armed Services Committee"
    ]


def test_a_possessive_owner_is_typed_as_the_owner_in_people():
    # "The union's calls for": the source is the union, no person "union's"
    p = people_of("The union's calls for higher wages went on. The union said wages were low.")
    assert "union's" not in set(p["person"])
    unions = p[p["person"].str.contains("union")]
    assert list(unions["speaker_type"]) == ["organization"]


def test_an_object_noun_content_keeps_no_trailing_no_break_space():
    q = speech("Ann Lee runs the port. Her attacks on the board\u00a0continued.")
    got = q[q["cue"] == "attacks on"]
    assert list(got["text"]) == ["the board"]


def test_asked_about_a_number_is_no_question_content():
    # 'about 30 people': about a number is a quantity, not what was asked about
    assert speech("Tom Roe asked about 30 people at the meeting.").empty
    q = speech("Tom Roe asked about the pier at the meeting.")
    assert q["text"].str.startswith("the pier").tolist() == [True]


def test_an_object_noun_content_ends_before_grew():
    q = speech("Ann Lee runs the port. Their criticism of the pier grew louder.")
    got = q[q["cue"] == "criticism of"]
    assert list(got["text"]) == ["the pier"]


def test_a_share_of_people_is_counted_as_the_people_in_people():
    # 'About four in 10 Bayview voters said': the voters speak, no source "about four"
    p = people_of(
        "About four in 10 Bayview voters said the pier is unsafe. "
        "One in five residents said the tide is high."
    )
    assert set(p["person"]) == {"bayview voters", "residents"}
    assert set(p["speaker_type"]) == {"anonymous"}


def test_a_headline_finding_is_no_person_in_people():
    # 'New Poll Shows Lee Ahead': the poll reports a finding, it is not a person 'New Poll'
    p = people_of("New Poll Shows Ann Lee Ahead\n\nTom Roe said the pier is unsafe.")
    typed = dict(zip(p["person"], p["speaker_type"], strict=True))
    assert typed.get("New Poll") == "unknown"
    assert typed.get("Tom Roe") == "person"


def test_a_short_quotation_after_a_colon_then_and_is_no_writers_content():
    # 'said: "It's fine" and left': the quotation is the speech, 'and left' the writer's
    q = speech("Tom Roe said: \u201cIt\u2019s fine\u201d and left.")
    assert list(q["kind"]) == ["direct"]
    assert list(q["speaker"]) == ["Tom Roe"]


def test_a_counted_plural_with_an_of_phrase_closes_the_sentence_as_its_speaker():
    # '..., say two members of the board.' inverts as '..., say officials.' does
    for source in ("two members of the board", "one member of the board", "officials"):
        q = speech(f"The pier will close in May, say {source}.")
        assert q["text"].tolist() == ["The pier will close in May"], source
        assert q["speaker_mention"].tolist() == [source], source
    q = speech("The pier will close in May, say local residents.")
    assert q["text"].tolist() == ["The pier will close in May"]
    assert q["speaker_mention"].tolist() == ["local residents"]


def test_a_plural_owner_with_a_bare_apostrophe_is_the_source_of_an_object_noun():
    q = speech("The unions' attacks on the plan were fierce.")
    assert q["cue"].tolist() == ["attacks on"]
    assert q["text"].tolist() == ["the plan"]
    assert q["speaker_mention"].tolist() == ["The unions'"]
    # a thing's attacks are still no speech
    assert speech("The storms' attacks on the coast were fierce.").empty


def test_a_plural_listener_after_to_is_no_content():
    q = speech("Tom Roe talked to aides about running for mayor.")
    assert q["text"].tolist() == ["running for mayor"]
    q = speech("Tom Roe wrote to allies that he would run.")
    assert q["text"].tolist() == ["that he would run"]
    # an infinitive after 'to' is still the content
    q = speech("Ann Lee said to stop worrying about the tax.")
    assert q["text"].tolist() == ["to stop worrying about the tax"]


def test_a_run_of_cue_words_is_no_speech_and_no_person():
    text = " ".join(["said"] * 50) + "."
    assert speech(text).empty
    assert people_of(text).empty
    assert speech("Says told said added.").empty
    # a real sentence among them still reports, with no cue word as its source
    q = speech("said said. Ann Lee said the pier was old.")
    assert q["speaker"].tolist() == ["Ann Lee"]
    assert q["text"].tolist() == ["the pier was old"]
    # a verb form is no source, and no person
    q = speech("said said the pier was old.")
    assert q["speaker_mention"].isna().all()
    assert "said" not in people_of("said said the pier was old.")["person"].tolist()
    # a plural noun that is also a cue word still names a source
    assert speech("Reports indicate the pier is old.")["speaker_mention"].tolist() == ["Reports"]


def test_an_auxiliary_after_a_cue_in_a_speech_noun_clause_opens_no_content():
    # 'Her denial that she knew was firm': 'was firm' is the sentence's, not what she knew
    q = speech("Her denial that she knew was firm.")
    assert "knew" not in q["cue"].tolist()
    assert "was firm" not in q["text"].tolist()
    q = speech("The claim that Tom Roe knew was false.")
    assert "knew" not in q["cue"].tolist()
    # 'which officials said was old': the relative is what they said was old
    q = speech("The pier, which officials said was old, fell.")
    assert q["cue"].tolist() == ["said"]
    assert q["text"].str.startswith("was old").tolist() == [True]
    q = speech("The plan that Tom Roe said was flawed failed.")
    assert set(q["speaker"]) == {"Tom Roe"}
    # the relative pronoun is the content's first piece (PolNeAR's spans)
    assert q["text"].str.startswith(("that", "was flawed")).tolist() == [True, True]
    # after a parenthetical cue the content still opens with its verb
    q = speech("The pier, Tom Roe said, is old.")
    assert q["text"].tolist() == ["The pier", "is old"]


def test_a_description_is_not_the_listener_of_a_description_s_question():
    # 'The reporter asked Ann Lee ...': who 'the mayor' is, the text does not tell
    text = (
        "Tom Roe runs the port. The reporter asked Ann Lee about the pier. "
        "The mayor said it was old."
    )
    q = speech(text)
    mayor = q[q["speaker_mention"] == "The mayor"]
    assert mayor["speaker"].isna().all()
    # a named asker's listener may answer: 'the mayor' is still the one asked
    q = speech("Tom Roe asked Ann Lee about the pier. The mayor said it was old.")
    assert q.loc[q["speaker_mention"] == "The mayor", "speaker"].tolist() == ["Ann Lee"]


def test_a_pronoun_is_not_a_person_whose_title_gives_the_other_gender():
    q = speech("Ms. Ann Lee said the pier was old. He said it was safe.")
    assert q["speaker"].isna().tolist() == [False, True]
    assert q["speaker"][0] == "Ann Lee"
    p = people_of("Ms. Ann Lee said the pier was old. He said it was safe.")
    assert p.loc[p["person"] == "Ann Lee", "gender"].tolist() == ["female"]
    # the other gender's person named earlier is still found
    q = speech("Tom Roe said the pier was old. Ms. Ann Lee said it was safe. He said it was fine.")
    assert q["speaker"].tolist() == ["Tom Roe", "Ann Lee", "Tom Roe"]


def test_a_surname_opening_a_sentence_is_the_nearest_subject_for_a_pronoun():
    text = "Ann Lee spoke. Tom Roe did not answer. He said the pier was old."
    assert speech(text)["speaker"].tolist() == ["Tom Roe"]
    # the surname alone, after another person is named
    text = "Tom Roe runs the port. Ann Lee spoke first. Roe did not answer. He said it was old."
    assert speech(text)["speaker"].tolist() == ["Tom Roe"]
    text = "Ann Lee runs the port. Tom Roe spoke first. Lee did not answer. She said it was old."
    assert speech(text)["speaker"].tolist() == ["Ann Lee"]


def test_a_role_with_a_noun_before_it_after_an_inverted_cue_is_the_speaker():
    # 'said board member Ann Lee': the role and the name close the sentence as its source
    for role in ("board member", "harbor pilot", "ferry captain"):
        text = f"The pier is safe, said {role} Ann Lee."
        q = speech(text)
        assert q["text"].tolist() == ["The pier is safe"]
        assert q["cue"].tolist() == ["said"]
        assert q["speaker_mention"].tolist() == [f"{role} Ann Lee"]
        assert q["speaker"].tolist() == ["Ann Lee"]
        assert people_of(text)["person"].tolist() == ["Ann Lee"]
    # a clause after the cue is still its content
    q = speech("Ann Lee said board members will vote.")
    assert q["text"].tolist() == ["board members will vote"]


def test_a_cue_word_inside_a_compound_role_before_a_name_is_no_cue():
    # 'Radio talk show host Tom Roe said': 'talk' is part of the role, 'said' the cue
    text = "Radio talk show host Tom Roe said the ferry will close."
    q = speech(text)
    assert q["cue"].tolist() == ["said"]
    assert q["speaker"].tolist() == ["Tom Roe"]
    assert q["text"].tolist() == ["the ferry will close"]
    assert q["speaker_mention"][0].endswith("host Tom Roe")
    assert people_of(text)["person"].tolist() == ["Tom Roe"]
    # a cue before a role and a name that do not open a cue of their own still reads
    q = speech("Voters say talk show host Tom Roe is wrong.")
    assert q["cue"].tolist() == ["say"]
    assert q["text"].tolist() == ["talk show host Tom Roe is wrong"]


def test_a_title_case_headline_verb_splits_the_names_before_a_colon():
    # 'Ann Lee Endorses Tom Roe: ...': the verb ends the speaker, who is no 'Ann Lee Endorses ...'
    text = "Ann Lee Endorses Tom Roe: I Am Proud Of Him\n\nThe ferry will close, Lee said."
    q = rows(text)
    q = q[q["kind"] != "scare"]
    assert "Ann Lee Endorses Tom Roe" not in q["speaker"].dropna().tolist()
    assert "Ann Lee Endorses Tom Roe" not in q["speaker_mention"].dropna().tolist()
    colon = q[q["cue"] == ":"]
    assert colon["speaker"].tolist() == ["Ann Lee"]
    assert colon["speaker_mention"].tolist() == ["Ann Lee"]
    assert colon["text"].tolist() == ["I Am Proud Of Him"]
    people = newslib.people(rows(text))["person"].tolist()
    assert "Ann Lee Endorses Tom Roe" not in people
    assert "Ann Lee" in people


def test_as_many_as_opens_a_number_of_speakers():
    q = speech("As many as 40 percent of voters say the toll is too high.")
    assert q["speaker_mention"].tolist() == ["As many as 40 percent of voters"]
    assert q["text"].tolist() == ["the toll is too high"]
    # inside the sentence, after a lead
    q = speech("Today, as many as 40 percent of voters say the toll is too high.")
    assert q["speaker_mention"].tolist() == ["as many as 40 percent of voters"]
    # the people counted are those of the same share after 'more than'
    many = people_of("As many as 40 percent of voters say the toll is too high.")
    more = people_of("More than 40 percent of voters say the toll is too high.")
    assert many["person"].tolist() == [p.replace("more than", "as many as") for p in more["person"]]
    assert many["speaker_type"].tolist() == more["speaker_type"].tolist()


def test_who_after_an_apposition_of_a_name_is_that_person():
    # '..., said Ann Lee, head of the Harbor Board, who also said ...': 'who' is Ann Lee
    text = (
        "The pier is safe, said Ann Lee, head of the Harbor Board, who also said "
        "the ferry will close."
    )
    q = speech(text)
    assert q["speaker"].tolist() == ["Ann Lee", "Ann Lee"]
    assert q["speaker_mention"].tolist() == ["Ann Lee, head of the Harbor Board", "who"]
    assert newslib.people(rows(TITLE + text))["person"].tolist() == ["Ann Lee"]
    # with a determiner before the role, and before the cue
    text = "Tom Roe, the chairman of the Harbor Board, who runs the port, said it is safe."
    assert speech(text)["speaker"].tolist() == ["Tom Roe"]
    text = "Ann Lee, a member of the Harbor Board, who also said the ferry will close, spoke."
    assert speech(text)["speaker"].tolist() == ["Ann Lee"]


def test_a_relative_after_a_preposition_is_no_piece_of_a_content_with_a_subject():
    # 'after which', 'in which': the relative is the time or place of the saying
    q = speech("The board met on Monday, after which Ann Lee said the pier would close.")
    assert q["text"].tolist() == ["the pier would close"]
    q = speech("The report, in which Tom Roe said the toll was high, came out in May.")
    assert "which" not in q["text"].tolist()
    assert q["text"].str.startswith("the toll was high").tolist() == [True]
    # a relative that is what was said stays the content's first piece
    q = speech("The plan, which Ann Lee said would fail, passed.")
    assert q["text"].tolist()[0] == "which"
    q = speech("Ann Lee thanked the nurses, all of whom Tom Roe said were brave.")
    assert q.loc[q["cue"] == "said", "text"].tolist() == ["whom", "were brave"]
    # 'what' after a preposition is still what was said
    q = speech("The vote went against what Tom Roe said he wanted.")
    assert q["text"].tolist() == ["what", "he wanted"]


def test_the_subject_of_a_passive_asked_about_is_no_source():
    # 'Ann Lee was asked about the toll': she was asked, she did not ask
    q = speech("Ann Lee was asked about the toll. She said it was too high.")
    asked = q[q["cue"] == "was asked about"]
    assert asked["text"].tolist() == ["the toll"]
    assert asked["speaker_mention"].isna().all() and asked["speaker"].isna().all()
    assert q.loc[q["cue"] == "said", "speaker"].tolist() == ["Ann Lee"]
    # an active 'asked about' keeps its source
    q = speech("Tom Roe asked about the toll.")
    assert q["speaker"].tolist() == ["Tom Roe"]
