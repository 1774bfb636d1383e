"""First-name evidence (newslib.people.first_names): the census first names of the ``names``
package make "Tom Post" a person and weigh in whom a he/she means. Sentences written for these
tests; invented names only ("Tom Post", "Ann Street" are the case: a first name before a word
that names organisations or places)."""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

import newslib
from newslib.people import first_names

_names = importlib.import_module("newslib.quotes.names")


def _quotes(text: str) -> pd.DataFrame:
    return newslib.quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))


def _speakers(text: str) -> list[tuple[str, str | None]]:
    q = _quotes(text)
    return [
        (m, None if pd.isna(s) else s)
        for m, s in zip(
            q["speaker_mention"].astype(object), q["speaker"].astype(object), strict=True
        )
    ]


def _people(text: str) -> dict[str, tuple[str, str]]:
    table = newslib.people(_quotes(text))
    return {p: (t, g) for p, t, g in table[["person", "speaker_type", "gender"]].values}


def test_census_lists_are_read_from_the_installed_package():
    male, female = first_names._shares("tom")
    assert male > 0.0 and female == 0.0
    assert first_names._shares("ann")[1] > first_names._shares("ann")[0]
    men, women = first_names._first_names()
    assert len(men) > 1000 and len(women) > 4000  # both lists
    assert "church" in first_names._surnames() and "board" in first_names._surnames()
    assert "foundation" not in first_names._surnames()


@pytest.mark.parametrize("word", ["Tom", "Ann", "Mia", "Ted"])
def test_common_first_names_count(word):
    assert first_names._first_name(word)


@pytest.mark.parametrize(
    "word",
    [
        "Will",  # a common English word
        "May",  # a month, a sentence opener
        "Virginia",  # a place
        "Christian",  # [not_first_names]: "Christian Church"
        "Mercy",  # too rare a first name in the census lists
        "Harbor",  # no first name at all
    ],
)
def test_words_the_rules_read_otherwise_are_no_first_names(word):
    assert not first_names._first_name(word)


def test_named_person_needs_a_first_name_and_a_surname():
    assert first_names._named_person("Tom Post")
    assert first_names._named_person("Ann Street")
    assert first_names._named_person("Tom A. Church")
    assert not first_names._named_person("Tom Foundation")  # no one's surname
    assert not first_names._named_person("Bayview Church")  # no first name
    assert not first_names._named_person("Will Post")  # a word first
    assert not first_names._named_person("Tom Church Board")  # three words, no initial


def test_name_gender_prior():
    assert first_names._name_gender("Ann Lee") == -1
    assert first_names._name_gender("Tom Roe") == 1
    assert first_names._name_gender("Roe") == 0  # one word: a surname
    assert first_names._name_gender("Kim Roe") == 0  # a first name both bear
    assert first_names._name_gender("Qxa Roe") == 0  # no first name of the lists


def test_a_first_name_before_an_organisations_word_makes_a_person():
    text = '"We will fly," said Tom Post, a pilot. Tom Church said the plan would work.'
    people = _people(text)
    assert people["Tom Post"][0] == "person"
    assert people["Tom Church"][0] == "person"
    assert not _names._organization_name("Tom Church")
    assert _names._organization_name("Bayview Church")  # no first name: an organisation


def test_a_first_name_before_a_streets_word_makes_a_speaker():
    assert _speakers('"We are ready," said Ann Street, the mayor.') == [
        ("Ann Street, the mayor", "Ann Street")
    ]
    assert _people('"We are ready," said Ann Street, the mayor.')["Ann Street"][0] == "person"
    assert not _names._speakable_name("Bayview Street")  # a street still speaks for no one


def test_a_person_named_like_an_organisation_is_a_he():
    text = 'Ann Lee spoke first. Tom Church, a pilot, spoke next. "We agree," he said.'
    assert _speakers(text) == [("he", "Tom Church")]
    text = (
        'Ann Lee spoke first. Tom Post, a pilot, said the port was ready.\n\n"It is late," he said.'
    )
    assert _speakers(text)[-1] == ("he", "Tom Post")


def test_a_first_name_tells_whom_she_means():
    text = 'Mia Holt spoke to Al Roe about the port. "We will see," she said.'
    assert _speakers(text) == [("she", "Mia Holt")]
    text = 'Mia Holt spoke to Al Roe about the port. "We will see," he said.'
    assert _speakers(text) == [("he", "Al Roe")]


def test_people_gender_is_never_guessed_from_the_first_name():
    # no honorific and no pronoun: the people table does not say "female" for Ann Lee
    assert _people("Ann Lee said the plan would work.")["Ann Lee"] == ("person", "unknown")
    assert _people('"Yes," said Tom Post, a pilot.')["Tom Post"] == ("person", "unknown")


def test_a_users_own_names_module_does_not_hide_the_census_lists(monkeypatch):
    # a notebook folder with its own names.py: the lists are found through the distribution
    import sys
    import types

    monkeypatch.setitem(sys.modules, "names", types.ModuleType("names"))
    first_names._first_names.cache_clear()
    first_names._surnames.cache_clear()
    try:
        men, women = first_names._first_names()
        assert "tom" in men and "ann" in women and "church" in first_names._surnames()
    finally:
        first_names._first_names.cache_clear()
        first_names._surnames.cache_clear()


def test_a_pronoun_against_the_only_candidates_first_name_has_no_speaker():
    # no one else is named: "he" is not Ann Lee (NA, never a guess); "she" is
    text = 'Ann Lee spoke at the pier. "We will see," he said.'
    assert _speakers(text) == [("he", None)]
    text = 'Ann Lee spoke at the pier. "We will see," she said.'
    assert _speakers(text) == [("she", "Ann Lee")]
