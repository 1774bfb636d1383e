"""People across a corpus (issue 11): one name per person, bare surnames joined only when one
person is meant, types, gender as the articles give it, roles, the aliases file."""

import pandas as pd
import pytest

import newslib
from newslib.analyze import analyze_tables, analyze_to_folder
from newslib.people import AliasError, people, people_and_quotes, read_aliases, with_people


def sources(*rows):
    """A quotes table from (article_id, kind, n_words, speaker, mention) rows, one attribution
    each."""
    frame = pd.DataFrame(rows, columns=["article_id", "kind", "n_words", "speaker", "mention"])
    return pd.DataFrame(
        {
            "article_id": frame["article_id"].astype("string"),
            "quote_id": range(len(frame)),
            "attribution_id": pd.array(range(len(frame)), dtype="Int64"),
            "kind": frame["kind"].astype("string"),
            "n_words": frame["n_words"],
            "speaker": frame["speaker"].astype("string"),
            "speaker_mention": frame["mention"].astype("string"),
        }
    )


def row_of(table, person):
    found = table[table["person"] == person]
    assert len(found) == 1, table[["person", "aliases"]]
    return found.iloc[0]


def test_every_form_of_a_name_is_one_person():
    q = sources(
        ("a", "direct", 5, "Donald J. Trump", "Donald J. Trump"),
        ("a", "indirect", 7, "Donald Trump", "Mr. Trump"),
        ("b", "direct", 3, "DONALD TRUMP", "DONALD TRUMP"),
        ("c", "indirect", 4, "Donald Trump's", "Donald Trump's"),
        ("c", "direct", 2, "Donald Trump", "President Donald Trump"),
    )
    table = people(q)
    assert table["person"].tolist() == ["Donald Trump"]
    row = table.iloc[0]
    assert row["n_articles"] == 3 and row["n_attributions"] == 5
    assert row["quoted_words"] == 10 and row["attributed_words"] == 21
    assert set(row["aliases"].split(" | ")) == {"Donald Trump", "DONALD TRUMP", "Donald J. Trump"}


def test_two_different_full_names_are_never_merged():
    q = sources(
        ("a", "direct", 5, "Ann Lee", "Ann Lee"),
        ("b", "direct", 5, "Anna Lee", "Anna Lee"),
        ("c", "direct", 5, "Donald Trump Jr.", "Donald Trump Jr."),
        ("d", "direct", 5, "Donald Trump", "Donald Trump"),
    )
    assert sorted(people(q)["person"]) == [
        "Ann Lee",
        "Anna Lee",
        "Donald Trump",
        "Donald Trump Jr.",
    ]


def test_a_bare_surname_joins_the_one_person_with_that_surname():
    q = sources(
        ("a", "direct", 5, "Maria Ortiz", "Maria Ortiz"),
        ("b", "indirect", 6, "Ortiz", "Ortiz"),
        ("c", "direct", 2, "Perez", "Perez"),  # no full name anywhere: its own row
    )
    table = people(q)
    assert row_of(table, "Maria Ortiz")["n_articles"] == 2
    perez = row_of(table, "Perez")
    assert not perez["ambiguous"] and perez["speaker_type"] == "person"


def test_a_bare_surname_two_people_share_is_ambiguous_unless_the_article_says_who():
    q = sources(
        ("a", "direct", 5, "Hana Clay", "Hana Clay"),
        ("a", "direct", 5, "Hana Clay", "she"),
        ("b", "direct", 5, "Tom Clay", "Tom Clay"),
        ("b", "direct", 5, "Tom Clay", "he"),
        ("c", "direct", 3, "Clay", "Clay"),  # nothing says which: ambiguous
        ("d", "direct", 4, "Clay", "Mrs. Clay"),  # the honorific says: Hana
        ("e", "direct", 2, "Clay", "Governor Clay"),
        ("f", "direct", 1, "Tom Clay", "Governor Tom Clay"),  # his role, elsewhere
    )
    table = people(q)
    assert row_of(table, "Hana Clay")["n_articles"] == 2  # a and d
    assert row_of(table, "Tom Clay")["n_articles"] == 3  # b, e (the role) and f
    ambiguous = row_of(table, "Clay")
    assert ambiguous["ambiguous"] and ambiguous["n_articles"] == 1


def test_speaker_types_from_names_and_descriptions():
    q = sources(
        ("a", "indirect", 5, "State Department", "the State Department"),
        ("a", "indirect", 5, "Trump Organization", "the Trump Organization"),
        ("a", "indirect", 5, "Donald Trump", "Donald Trump"),
        ("b", "indirect", 4, None, "a senior aide to the governor"),
        ("b", "indirect", 4, None, "officials"),
        ("b", "indirect", 4, "Officials", "Officials"),
        ("c", "indirect", 3, None, "the campaign"),
        ("c", "indirect", 3, None, "the poll"),
        ("c", "indirect", 3, None, "they"),
        ("c", "indirect", 3, "Vermont", "Vermont"),
        ("c", "indirect", 3, "Democratic", "Democratic"),
        ("c", "scare", 1, None, None),  # no speech: no source
    )
    types = dict(zip(people(q)["person"], people(q)["speaker_type"], strict=True))
    assert types["State Department"] == types["Trump Organization"] == "organization"
    assert types["Donald Trump"] == "person"
    assert types["senior aide"] == types["officials"] == "anonymous"
    assert types["(unnamed) campaign"] == "organization"
    assert types["poll"] == types["they"] == types["Vermont"] == types["Democratic"] == "unknown"
    assert len(types) == 10


def test_people_described_by_what_they_do_are_unnamed_not_persons():
    # A capitalised word opening a sentence is not a name: "Teachers who work nights say".
    q = sources(
        ("a", "indirect", 5, "Teachers", "Teachers who work nights"),
        ("a", "indirect", 4, "Callers", "Callers"),
        ("b", "indirect", 3, None, "three nurses"),
        ("b", "indirect", 3, "Ann Driver", "Ann Driver"),  # a surname that is also a noun
        ("c", "indirect", 2, "Ann Driver", "Driver"),
    )
    table = people(q)
    types = dict(zip(table["person"], table["speaker_type"], strict=True))
    assert types == {
        "teachers": "anonymous",
        "callers": "anonymous",
        "nurses": "anonymous",
        "Ann Driver": "person",
    }
    assert row_of(table, "Ann Driver")["n_articles"] == 2


def test_gender_comes_from_the_articles_never_from_first_names():
    q = sources(
        ("a", "direct", 5, "Mary Stone", "Mary Stone"),  # a first name says nothing
        ("b", "direct", 5, "Alex Reed", "Alex Reed"),
        ("b", "direct", 5, "Alex Reed", "she"),
        ("b", "direct", 5, "Alex Reed", "she"),
        ("c", "direct", 5, "Sam Hill", "Mr. Hill"),
        ("d", "direct", 5, "Jo Park", "he"),
        ("d", "direct", 5, "Jo Park", "she"),  # the articles disagree: unknown
    )
    gender = dict(zip(people(q)["person"], people(q)["gender"], strict=True))
    assert gender == {
        "Mary Stone": "unknown",
        "Alex Reed": "female",
        "Sam Hill": "male",
        "Jo Park": "unknown",
    }


def test_role_is_the_descriptor_used_most():
    q = sources(
        ("a", "direct", 5, "Ben Ode", "Ben Ode, a spokesman for the mayor"),
        ("b", "direct", 5, "Ben Ode", "Ben Ode, a spokesman for the mayor,"),
        ("c", "direct", 5, "Ben Ode", "city official Ben Ode"),
        ("d", "direct", 5, "Ben Ode", "Ben Ode, who spoke first"),  # a clause is no role
    )
    assert people(q).iloc[0]["role"] == "spokesman for the mayor"


def test_names_in_capitals_initials_particles_hyphens_and_other_scripts():
    q = sources(
        ("a", "direct", 5, "J.D. Vance", "J.D. Vance"),
        ("b", "direct", 5, "J.D. Vance", "Sen. J.D. Vance"),
        ("a", "direct", 5, "Alexandria Ocasio-Cortez", "Alexandria Ocasio-Cortez"),
        ("b", "direct", 5, "Ocasio-Cortez", "Ocasio-Cortez"),
        ("a", "direct", 5, "Bill de Blasio", "Mayor Bill de Blasio"),
        ("b", "direct", 5, "de Blasio", "de Blasio"),
        ("a", "direct", 5, "Владимир Путин", "Владимир Путин"),
        ("b", "direct", 5, "ВЛАДИМИР ПУТИН", "ВЛАДИМИР ПУТИН"),
        ("a", "direct", 5, "José Núñez", "José Núñez"),
        ("b", "direct", 5, "Jose Nunez", "Jose Nunez"),
    )
    table = people(q)
    assert (table["n_articles"] == 2).all(), table[["person", "aliases"]]
    assert sorted(table["person"]) == [
        "Alexandria Ocasio-Cortez",
        "Bill de Blasio",
        "J.D. Vance",
        "José Núñez",
        "Владимир Путин",
    ]


def test_person_ids_are_stable_and_independent_of_row_order():
    q = sources(
        ("a", "direct", 5, "Ann Lee", "Ann Lee"),
        ("b", "indirect", 5, "Bo Chu", "Bo Chu"),
        ("b", "indirect", 5, None, "officials"),
    )
    first = people(q).set_index("person")["person_id"]
    shuffled = people(q.iloc[::-1]).set_index("person")["person_id"]
    assert first.to_dict() == shuffled.to_dict()
    assert first.str.fullmatch(r"[0-9a-f]{12}").all() and first.is_unique


def test_quotes_gain_person_and_person_id():
    q = sources(
        ("a", "direct", 5, "Maria Ortiz", "Maria Ortiz"),
        ("b", "indirect", 6, "Ortiz", "Ortiz"),
        ("b", "scare", 1, None, None),
    )
    table, rows = people_and_quotes(q)
    assert rows["person"].tolist()[:2] == ["Maria Ortiz", "Maria Ortiz"]
    assert rows["person"].isna().tolist()[2]
    assert set(rows["person_id"].dropna()) == set(table["person_id"])
    assert with_people(q)["person"].equals(rows["person"])


def test_by_source_counts_each_person_per_source_and_dates_come_from_articles():
    q = sources(
        ("a", "direct", 5, "Ann Lee", "Ann Lee"),
        ("b", "direct", 3, "Ann Lee", "Ann Lee"),
        ("c", "direct", 2, "Ann Lee", "Ann Lee"),
    )
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "source": ["Daily", "Daily", "Weekly"],
            "date": pd.to_datetime(["2024-01-05", "2024-03-01", "2024-02-10"]),
        }
    )
    per_source = people(q, articles, by="source").set_index("source")
    assert (
        per_source.loc["Daily", "quoted_words"] == 8 and per_source.loc["Weekly", "n_quotes"] == 1
    )
    whole = people(q, articles).iloc[0]
    assert (whole["first_date"], whole["last_date"]) == (
        pd.Timestamp("2024-01-05"),
        pd.Timestamp("2024-03-01"),
    )
    with pytest.raises(ValueError, match="needs articles= with a 'source' column"):
        people(q, by="source")


def test_people_from_articles_resolve_a_surname_to_the_full_name_used_anywhere():
    text = (
        "Vote looms\n\n"
        '"We are ready," Ortiz said on Monday.\n\n'
        "Supporters of Maria Ortiz gathered outside. She said the count would be close."
    )
    q = newslib.quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    speech = q[q["kind"] != "scare"]
    assert set(speech["speaker"].dropna()) == {"Maria Ortiz"}
    table = people(q)
    assert row_of(table, "Maria Ortiz")["gender"] == "female"


# ------------------------------------------------------------------------------ aliases file


ALIASES = """\
merge:
  Maria Ortiz: [M. Ortiz Diaz]
rename:
  Bo Chu: Bo Chu-Lam
split: [Clay]
type:
  Daily Planet: organization
gender:
  Ann Lee: female
"""


def test_the_aliases_file_merges_renames_splits_types_and_sets_gender(tmp_path):
    path = tmp_path / "people.yml"
    path.write_text(ALIASES, encoding="utf-8")
    q = sources(
        ("a", "direct", 5, "Maria Ortiz", "Maria Ortiz"),
        ("b", "direct", 5, "M. Ortiz Diaz", "M. Ortiz Diaz"),
        ("c", "direct", 5, "Bo Chu", "Bo Chu"),
        ("d", "direct", 5, "Tom Clay", "Tom Clay"),
        ("e", "direct", 5, "Clay", "Clay"),  # would join Tom Clay, but split says no
        ("f", "direct", 5, "Daily Planet", "Daily Planet"),
        ("g", "direct", 5, "Ann Lee", "Ann Lee"),
    )
    table = people(q, aliases=path)
    assert row_of(table, "Maria Ortiz")["n_articles"] == 2
    assert "Bo Chu-Lam" in set(table["person"]) and "Bo Chu" not in set(table["person"])
    assert row_of(table, "Tom Clay")["n_articles"] == 1 and "Clay" in set(table["person"])
    assert row_of(table, "Daily Planet")["speaker_type"] == "organization"
    assert row_of(table, "Ann Lee")["gender"] == "female"
    applied = table.attrs["aliases_applied"]
    assert any("line 2: merged 'M. Ortiz Diaz' into 'Maria Ortiz'" in note for note in applied)
    assert any("line 9: gender 'Ann Lee' -> 'female'" in note for note in applied)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("merge:\n  A B: [C D]\nnicknames: {}\n", "line 3: unknown key 'nicknames'"),
        ("type:\n  A B: robot\n", "line 2: unknown type 'robot'"),
        ("gender:\n  A B: other\n", "line 2: unknown gender 'other'"),
        ("merge:\n  A B: [C D]\n  E F: [C D]\n", "'C D' is merged into both"),
        ("merge:\n  A B: [C D]\n  C D: [A B]\n", "merges go round"),
        ("merge: [A, B]\n", "line 1: 'merge' takes a mapping of names"),
        ("merge:\n  A B: [C D\n", "not valid YAML"),
    ],
)
def test_a_bad_aliases_file_is_an_error_naming_the_line(text, message):
    with pytest.raises(AliasError, match=message.replace("[", r"\[")):
        read_aliases(text=text)


def test_an_alias_that_matches_nobody_is_reported_not_silently_dropped():
    q = sources(("a", "direct", 5, "Ann Lee", "Ann Lee"))
    table = people(q, aliases=read_aliases(text="gender:\n  Nobody Here: male\n"))
    assert table.attrs["aliases_applied"] == [
        "aliases line 2: gender 'Nobody Here' matches no source"
    ]


# ----------------------------------------------------------------------------- whole corpus


def _corpus(write):
    texts = {
        "n/a.txt": 'Budget\n\n"We will cut nothing," said Maria Ortiz, the mayor.\n\nShe left.',
        "n/b.txt": 'Rain\n\n"It rained," Ms. Ortiz said.\n\nOfficials said roads were shut.',
        "w/c.txt": (
            'Bridge\n\n"It opens soon," said Tom Clay.\n\n"We are ready," he said.\n\n'
            "The campaign said that it would open in May."
        ),
    }
    for name, text in texts.items():
        write(f"corpus/{name}", text)


def test_analyze_writes_the_same_people_for_any_batches_and_jobs(write, tmp_path):
    _corpus(write)
    corpus = tmp_path / "corpus"
    analyze_to_folder(corpus, tmp_path / "one", jobs=1, batch_size=1)
    analyze_to_folder(corpus, tmp_path / "two", jobs=2, batch_size=100, chunk_size=1)
    for table in ("people", "quotes"):
        one = pd.read_parquet(tmp_path / "one" / f"{table}.parquet")
        two = pd.read_parquet(tmp_path / "two" / f"{table}.parquet")
        pd.testing.assert_frame_equal(one, two)
    found = pd.read_parquet(tmp_path / "one" / "people.parquet")
    assert row_of(found, "Maria Ortiz")["n_articles"] == 2
    quotes = pd.read_parquet(tmp_path / "one" / "quotes.parquet")
    assert {"person_id", "person"} <= set(quotes.columns)
    in_memory = analyze_tables(corpus)
    pd.testing.assert_frame_equal(in_memory["people"], found, check_dtype=False)


def test_no_source_at_all_gives_an_empty_typed_table():
    q = sources(("a", "scare", 1, None, None), ("b", "direct", 4, None, None))
    table, rows = people_and_quotes(q)
    assert table.empty and list(table.columns)[:3] == ["person_id", "person", "speaker_type"]
    assert rows["person"].isna().all()


def test_notebook_tables_of_who_speaks_per_source(write, tmp_path):
    from newslib import notebook as nb

    _corpus(write)
    data = nb.prepare(tmp_path / "corpus")
    top = nb.top_people(data)
    assert top["person"].tolist()[0] == "Maria Ortiz"
    assert top.set_index("person").loc["Maria Ortiz", "referred to as"] == "she"
    types = nb.speaker_types(data).set_index("source")
    assert set(types.index) == {"n", "w"}
    assert types.loc["n", "attributions"] == 3 and types.loc["n", "unnamed people"] == "33%"
    assert types.loc["w", "organisations"] == "33%"  # "The campaign said that ..."
    genders = nb.speaker_genders(data).set_index("source")
    assert genders.loc["n", "she"] == "100%" and genders.loc["w", "he"] == "100%"
    by_source = nb.top_people_by_source(data)
    assert by_source.values.tolist() == [["n", "Maria Ortiz", 2, 6], ["w", "Tom Clay", 2, 6]]


def test_plain_names_skip_nameparser_with_its_very_answer():
    from nameparser import HumanName

    from newslib.people.names import _simple_name

    for name in (
        "Ann Lee",
        "Maria Teresa Lopez",
        "Jon Smithers",
        "Dale Van",
        "Bill Ray",
        "Lee",
        "Smithers",
        "Ortiz",
    ):
        simple = _simple_name(name)
        parsed = HumanName(name)
        if simple is not None:
            assert simple == (parsed.first, parsed.middle, parsed.last), name
            assert parsed.title == parsed.suffix == "", name
    # what nameparser reads specially is left to it: titles, particles, suffixes, initials
    for name in (
        "Mr Lee",
        "Ann de Lee",
        "Ann Lee Jr",
        "Ann Van Lee",
        "A. Lee",
        "Lee, Ann",
        "ANN LEE",
        "Mr",
        "Jr",
        "Van",
        "LEE",
        "Lee.",
    ):
        assert _simple_name(name) is None, name
    assert _simple_name("Ann Lee") == ("Ann", "", "Lee")
    assert _simple_name("Lee") == ("Lee", "", "")


def test_facts_given_in_any_order_give_the_same_people():
    from newslib.people import source_facts

    text = (
        'Sen. Ann Lee spoke.\n\n"We will win," said Ann Lee. Mrs. Lee said that the vote was '
        'close.\n\nOfficials said the count went on. "Not yet," Tom Roe said.'
    )
    quotes = newslib.quotes(pd.DataFrame({"article_id": ["a", "b"], "text": [text, text]}))
    alone = people_and_quotes(quotes)
    facts = source_facts(quotes)
    for given in (facts, facts.iloc[::-1]):  # as analyze writes them, and shuffled
        table, rows = people_and_quotes(quotes, facts=given)
        pd.testing.assert_frame_equal(table, alone[0])
        pd.testing.assert_frame_equal(rows, alone[1])
    with pytest.raises(ValueError, match="lacks sources"):
        people_and_quotes(quotes, facts=facts.iloc[1:])


def test_people_dates_whether_every_article_is_given_or_not():
    """Each source's article date is taken by position when every article is given (the
    corpus step), else joined; the dates and their dtype come out the same way."""
    texts = ['"We will win," said Ann Lee.\n\nThe count went on.', '"It rained," said Ann Lee.']
    q = newslib.quotes(pd.DataFrame({"article_id": ["a", "b"], "text": texts}))
    dates = pd.Series(pd.to_datetime(["2020-01-02", "2020-01-05"]).tz_localize("UTC"))
    every = pd.DataFrame({"article_id": ["a", "b"], "date": dates, "source": ["x", "y"]})
    table = people(q, every)
    row = table[table["person"] == "Ann Lee"].iloc[0]
    assert (row["first_date"], row["last_date"]) == (dates[0], dates[1])
    assert table["first_date"].dtype == dates.dtype
    some = people(q, every.iloc[:1])  # article b not given: no date for its quotation
    row = some[some["person"] == "Ann Lee"].iloc[0]
    assert (row["first_date"], row["last_date"]) == (dates[0], dates[0])
    assert some["first_date"].dtype == dates.dtype


def test_people_and_persons_row_for_row_as_with_people():
    """The corpus step's per-row arrays are the columns people_and_quotes adds."""
    import importlib

    module = importlib.import_module("newslib.people.table")
    text = '"Yes," said Al Roe. He added that it "works".\n\nOfficials said no.'
    q = newslib.quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    table, rows = module.people_and_quotes(q)
    other, (ids, names) = module._people_and_persons(q, None, None, None, None)
    assert other.equals(table)
    assert pd.array(ids, dtype="string").equals(rows["person_id"].array)
    assert pd.array(names, dtype="string").equals(rows["person"].array)
    assert ids.tolist().count(None) == rows["person_id"].isna().sum()


def test_gender_of_follows_gender_from():
    # _gender_of decides one group's gender without arrays: the same rule as _gender_from
    import numpy as np

    from newslib.people.gender import _gender_from, _gender_of

    for votes in ([], [0], [1], [-1], [3, -1], [2, -1], [1, -3], [1, -2], [5, -5], [-4, 1, 0]):
        male = sum(v for v in votes if v > 0)
        female = -sum(v for v in votes if v < 0)
        assert _gender_of(votes) == _gender_from(np.array([male]), np.array([female]))[0]


def test_a_surname_joins_the_same_person_in_every_article_that_says_the_same():
    # the choice for a bare surname is remembered by (surname, gender, role words): articles
    # that say the same of the surname join the same person, others are decided on their own
    texts = [
        '"We won," said Ann Lee, the mayor. "Yes," said Bo Lee, a senator.',
        '"It rained," Lee, the mayor, said.',
        '"It snowed," Lee, the mayor, said.',
        '"It hailed," Lee, the senator, said.',
    ]
    frame = pd.DataFrame({"article_id": list("abcd"), "text": texts})
    rows = with_people(newslib.quotes(frame))
    named = rows.dropna(subset=["person"]).groupby("article_id")["person"].agg(sorted)
    assert named["b"] == named["c"] == ["Ann Lee"]
    assert named["d"] == ["Bo Lee"]


def test_as_text_keeps_plain_string_objects_and_converts_the_rest():
    import importlib

    people_module = importlib.import_module("newslib.people.facts")
    plain = pd.Series(["a1", "b2"], dtype=object)
    assert people_module._as_text(plain) is plain  # already text: no copy
    for column in (pd.Series([1, 2], dtype=object), pd.Series(["a1", None], dtype=object)):
        converted = people_module._as_text(column)
        assert converted.dtype == "string"
        assert converted.equals(column.astype("string"))


def test_speech_rows_and_sources_as_selected_one_condition_after_the_other():
    # _speech_with_source selects with one mask (and only the columns asked): the rows two
    # selections in turn give; _sources from computed or given facts is the same frame.
    import importlib

    module = importlib.import_module("newslib.people.facts")
    text = (
        '"Yes," said Al Roe. He added that it "works". A "so-called" plan.\n\n'
        'Officials said no. "Maybe," it read.'
    )
    q = newslib.quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    assert set(q["kind"]) >= {"direct", "scare"}
    two = q[q["kind"] != "scare"]
    two = two[two["speaker"].notna() | two["speaker_mention"].notna()]
    pd.testing.assert_frame_equal(module._speech_with_source(q), two)
    pd.testing.assert_frame_equal(
        module._speech_with_source(q, ["article_id", "kind"]), two[["article_id", "kind"]]
    )
    computed = module._sources(q)
    given = module._sources(q, module.source_facts(q))
    pd.testing.assert_frame_equal(computed, given)
    assert computed["row"].tolist() == [
        i
        for i in two.index
        if module._source_facts(
            two.loc[i, "speaker"] if pd.notna(two.loc[i, "speaker"]) else None,
            two.loc[i, "speaker_mention"] if pd.notna(two.loc[i, "speaker_mention"]) else None,
        )[1]
    ]


def test_fold_of_ascii_text_takes_the_short_way_to_the_same_form():
    """_fold skips Unicode decomposition for ASCII text: NFKD leaves it as it is and no ASCII
    character is combining, so the folded form is the one the long way gives."""
    import unicodedata

    from newslib.people.names import _fold

    def long_way(text):
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        return " ".join(plain.replace(".", "").casefold().split())

    every_ascii = "".join(map(chr, range(128)))
    for text in (every_ascii, "Dr. Ann  LEE Jr.", "O'Neil-Smith\tsaid", "", "José Ñúñez"):
        assert _fold(text) == long_way(text)


def test_a_name_joined_by_and_is_no_role():
    # 'Lee and Al Roe argue': the words before Roe's name are another speaker, not his role;
    # a role after the 'and' is still his
    q = sources(
        ("a", "indirect", 5, "Al Roe", "Lee and Al Roe"),
        ("b", "indirect", 5, "Al Roe", "Ann Lee and Al Roe"),
    )
    assert pd.isna(people(q).iloc[0]["role"])
    q = sources(("a", "indirect", 5, "Al Roe", "Ann Lee and campaign manager Al Roe"))
    assert people(q).iloc[0]["role"] == "campaign manager"
    # a title with 'and' in it is one role
    q = sources(("a", "indirect", 5, "Ann Lee", "Health and Human Services Secretary Ann Lee"))
    assert people(q).iloc[0]["role"] == "Health and Human Services Secretary"


def test_an_honorific_of_the_role_owner_gives_no_gender():
    # "Mr. Lee's campaign chairman, Al Roe": 'Mr.' is Lee's, it says nothing of Roe
    q = sources(("a", "indirect", 5, "Al Roe", "Mr. Lee's campaign chairman, Al Roe"))
    assert people(q).iloc[0]["gender"] == "unknown"
    q = sources(("a", "indirect", 5, "Al Roe", "Mr. Al Roe"))
    assert people(q).iloc[0]["gender"] == "male"


def test_a_phrase_holding_the_name_as_its_object_is_no_role():
    # 'Supporters of Ann Lee': the words before the name end with a preposition
    q = sources(("a", "indirect", 5, "Ann Lee", "Supporters of Ann Lee"))
    assert pd.isna(people(q).iloc[0]["role"])
    q = sources(("a", "indirect", 5, "Ann Lee", "Harbor Board chairwoman Ann Lee"))
    assert people(q).iloc[0]["role"] == "Harbor Board chairwoman"
