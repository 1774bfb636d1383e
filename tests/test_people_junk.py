"""No junk in the people table: what reads as a capitalised name but is no person (a party
member from a place, a place, an adjective) is no person row, and a pronoun never resolves to
it. Sentences and names are invented for these tests."""

import pandas as pd

import newslib


def quotes_of(*paragraphs):
    text = "\n\n".join(paragraphs)
    return newslib.quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))


def people_of(*paragraphs):
    return newslib.people(quotes_of(*paragraphs))


def persons(table):
    return set(table.loc[table["speaker_type"] == "person", "person"])


def test_a_party_member_from_a_place_is_no_person_and_he_is_the_one_named_before():
    q = quotes_of(
        "Tom Roe spoke at the rally on Friday.",
        'The Bayview Democrat said he would vote no. "We will win," he said.',
    )
    assert set(q["speaker"].dropna()) == {"Tom Roe"}
    assert persons(newslib.people(q)) == {"Tom Roe"}


def test_a_name_ending_with_an_adjective_of_faith_or_origin_is_no_person():
    table = people_of(
        "Ann Lee, a teacher, said the plan was fair.",
        'Bayview Jewish leaders met on Monday. "It is a start," she said.',
    )
    assert persons(table) == {"Ann Lee"}


def test_a_place_followed_by_a_verb_is_no_one_for_a_pronoun():
    q = quotes_of(
        "Tom Roe, the mayor, said the plan was sound.",
        'Bayview County voted for the plan. "It is a good day," he said.',
    )
    assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["Tom Roe"]
    assert "Bayview County" not in set(newslib.people(q)["person"])


def test_a_person_whose_surname_is_no_such_word_is_still_a_person():
    # the rule reads the last word only: a place as a first name leaves a person
    q = quotes_of('"We are ready," said Bayview Lee, the coach.')
    assert q["speaker"].tolist() == ["Bayview Lee"]


def test_a_word_opening_the_sentence_is_no_part_of_the_name():
    q = quotes_of(
        'Maybe Tom Roe will win the race. "We are ready," Roe said.',
        "Perhaps Ann Lee knows more. Lee said she would wait.",
    )
    assert set(q["speaker"].dropna()) == {"Tom Roe", "Ann Lee"}
    assert persons(newslib.people(q)) == {"Tom Roe", "Ann Lee"}


def test_he_or_she_is_never_an_organisation_named_in_between():
    q = quotes_of(
        "Tom Roe, the mayor, said the plan was sound.",
        'The Bayview Harbor Board voted on Monday to close the pier. "It is a sad day," he said.',
    )
    assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["Tom Roe"]


def test_a_question_opening_before_a_name_is_no_part_of_it():
    q = quotes_of('Does Ann Lee know the plan? "I do," Lee said.')
    assert q["speaker"].dropna().tolist() == ["Ann Lee"]


def test_the_tail_of_an_initialism_is_no_name():
    q = quotes_of(
        "Tom Roe, the mayor, spoke on Friday. The U.S. Army will leave Bayview next year. "
        '"It is a sad day," he said.'
    )
    assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["Tom Roe"]


def test_a_street_a_security_office_or_a_hyphenated_paper_is_no_he_or_she():
    for between in (
        "Wall Street fell on Monday.",
        "Bayview Security took the case on Monday.",
        "The Bayview Sun-Times ran the story on Monday.",
    ):
        q = quotes_of(
            "Ann Lee, the mayor, said the plan was sound.",
            f'{between} "It is a sad day," she said.',
        )
        assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["Ann Lee"], between


def speech(*pairs):
    """A quotes table of indirect speech rows from (speaker, mention) pairs, one article."""
    n = len(pairs)
    return pd.DataFrame(
        {
            "article_id": pd.array(["a"] * n, dtype="string"),
            "quote_id": range(n),
            "attribution_id": pd.array(range(n), dtype="Int64"),
            "kind": pd.array(["indirect"] * n, dtype="string"),
            "n_words": [5] * n,
            "speaker": pd.array([s for s, _ in pairs], dtype="string"),
            "speaker_mention": pd.array([m for _, m in pairs], dtype="string"),
        }
    )


def test_a_clause_after_the_name_is_no_role():
    table = newslib.people(
        speech(
            ("Tom Roe", "Tom Roe, it's clear,"),
            ("Ann Lee", "Ann Lee, Mr. Roe said,"),
            ("Al Voss", "Al Voss, about 200 people"),
        )
    )
    assert table.set_index("person")["role"].isna().all(), table[["person", "role"]]


def test_a_role_that_looks_like_a_clause_start_is_still_a_role():
    table = newslib.people(
        speech(
            ("Tom Roe", "Tom Roe, an IT consultant"),
            ("Ann Lee", "Ann Lee, Mr. Voss's aide"),
        )
    ).set_index("person")
    assert table.loc["Tom Roe", "role"] == "IT consultant"
    assert table.loc["Ann Lee", "role"] == "Mr. Voss's aide"


def test_a_name_opening_with_an_adjective_of_origin_is_no_he_or_she():
    q = quotes_of(
        "Ann Lee, the mayor, said the plan was sound.",
        'American Harbor Pilots reported a rise in traffic. "It is a good year," she said.',
    )
    assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["Ann Lee"]


def test_a_surname_that_opens_sentences_elsewhere_is_still_a_name():
    # "more" opens sentences ("More voters ...") and is no name alone; it may end one
    q = quotes_of("Tom More said the vote was rigged. He said he would appeal.")
    assert q["speaker"].tolist() == ["Tom More", "Tom More"]
    assert persons(newslib.people(q)) == {"Tom More"}


def test_a_titled_person_whose_surname_is_an_organisation_word_can_be_he_or_she():
    # 'Sen. Tom Church': the title makes the name a person's, so 'he' may stand for him
    q = quotes_of("Senator Tom Church spoke on Monday. He said the pier was safe.")
    assert q["speaker"].tolist() == ["Tom Church"]
    q = quotes_of("Dr. Ann Court met the board. She said the toll was high.")
    assert q["speaker"].tolist() == ["Ann Court"]
    # without a title an organisation's word still keeps 'he' away
    q = quotes_of(
        "Tom Roe, the mayor, said the plan was sound.",
        "The Harbor Board met on Monday. He said it was over.",
    )
    assert q["speaker"].tolist() == ["Tom Roe", "Tom Roe"]


def test_a_title_case_role_before_a_name_in_a_headline_is_no_part_of_it():
    q = quotes_of("Conservative Icon Tom Roe Endorses Ann Lee")
    assert q["speaker"].tolist() == ["Tom Roe"]
