"""Sources that news annotation gives where the speaker rules found no mention, and the edges
of a source span after 'according to' (PolNeAR Source spans).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import importlib

import pandas as pd
import pytest
from quote_rows import indirect, rows


def sources(text: str) -> list[str | None]:
    """The source span of every reported-speech row of ``text`` (None: no source)."""
    out = []
    for _, r in indirect(text).iterrows():
        s, e = r["speaker_start"], r["speaker_end"]
        out.append(None if pd.isna(s) else text[int(s) : int(e)])
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the whole phrase after 'according to' is the source, whatever it is headed by
        ("The ferry ran late, according to Ada Lind's own log.", "Ada Lind's own log"),
        ("The ferry ran late, according to harbor pilot Tomas Berg.", "harbor pilot Tomas Berg"),
        ("The ferry ran late, according to early tallies.", "early tallies"),
        ("The ferry ran late, according to union reports.", "union reports"),
        ("According to the pilots' own count, the ferry ran late.", "the pilots' own count"),
        ("The ferry ran late, according to him.", "him"),
    ],
)
def test_the_phrase_after_according_to_is_the_source(text, expected):
    assert sources(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'CONTENT, according to X, a ...': what follows the comma describes X, no content
        (
            "The ferry ran late, according to Ada Lind, a pilot at the harbor.",
            "Ada Lind, a pilot at the harbor",
        ),
        (
            "The ferry ran late, according to Tomas Berg, who was a pilot at the harbor.",
            "Tomas Berg, who was a pilot at the harbor",
        ),
        (
            "The ferry ran late, according to Tomas Berg, director of the harbor board.",
            "Tomas Berg, director of the harbor board",
        ),
    ],
)
def test_a_description_after_according_to_x_belongs_to_the_source(text, expected):
    assert sources(text) == [expected]


def test_content_goes_on_after_according_to_x():
    text = "The ferry ran late, according to Ada Lind, and the pilots were angry about it."
    assert sources(text) == ["Ada Lind", "Ada Lind"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative 'which' or an 'it' before the cue is the source ...
        (
            "The pilots' union, which has long argued that the fares are too high, met today.",
            "which",
        ),
        ("The harbor board met in May, and it hopes to open a new pier next year.", "it"),
    ],
)
def test_which_and_it_before_the_cue(text, expected):
    assert sources(text)[0] == expected


def test_no_which_source_for_a_passive_or_seeming_cue():
    # ... but not of a passive ('is expected to') or of a verb of seeming
    text = "The ferry, which appeared to favor the pilots, was late."
    assert "which" not in sources(text)
    text = "They held the vote in May, which is expected to draw large crowds."
    assert "which" not in sources(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject opening the sentence, with the aside closed right before the cue
        (
            "Harbor pilots, like their rivals at the port, say the fares are too high.",
            "Harbor pilots, like their rivals at the port",
        ),
        (
            "Yet several pilots, including Ada Lind, have argued that the fares are too high.",
            "several pilots, including Ada Lind",
        ),
        (
            "Pilots — and some of the clerks — say the fares are too high.",
            "Pilots — and some of the clerks",
        ),
        # an aside of the sentence's own ('after a pause') is left out
        ("Ada Lind — after a short pause — told us the fares were too high.", "Ada Lind"),
    ],
)
def test_the_subject_before_an_aside(text, expected):
    assert sources(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Separately, the harbor board, under some pressure, is expected to cut the fares.",
        "Arriving at the pier, the pilots found the gate shut, fearing the fares would rise.",
        "The pilots, however, say the fares are too high.",
    ],
)
def test_no_aside_subject_for_an_opener_a_passive_or_a_one_word_aside(text):
    got = sources(text)
    assert not any(s and ("Separately" in s or "Arriving" in s or "however" in s) for s in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plain plural subject right after a word opening a clause
        (
            "The fares stayed secret until May, when emails revealed the board had raised them.",
            "emails",
        ),
        ("The board passed a fare rule, which harbor pilots said was unfair.", "harbor pilots"),
        (
            "In the port, where the local pilots say the fares are high, few ride.",
            "the local pilots",
        ),
    ],
)
def test_a_plural_subject_after_a_clause_opener(text, expected):
    assert sources(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        # an infinitive's subject, or a part of a noun phrase joined by 'and'
        "The vote was delayed, leaving harbor pilots to wonder what went wrong.",
        "Ada Lind and her loyal allies believe that the fares are too high.",
    ],
)
def test_no_plural_subject_for_an_infinitive_or_a_conjunct(text):
    assert sources(text)[0] not in ("harbor pilots", "her loyal allies")


@pytest.mark.parametrize(
    "text",
    [
        # a source cut short ('a sign that', '... voters and') is no source
        'At the rally, a girl hoisted a sign that read "Fix the pier!" and waved it.',
        "Then there was Ada Lind, who energized the party's young voters and began to challenge "
        "the mayor.",
        "The group went ahead and formally backed Lind for mayor.",
    ],
)
def test_a_source_ending_in_a_function_word_is_dropped(text):
    got = rows(text)
    got = got[got["kind"] != "direct"]
    spans = [
        text[int(s) : int(e)]
        for s, e in zip(got["speaker_start"], got["speaker_end"], strict=True)
        if not pd.isna(s)
    ]
    assert not any(s.split()[-1] in ("that", "and", "the") for s in spans)


def test_a_relative_clause_may_end_with_its_preposition():
    dangles = importlib.import_module("newslib.quotes.source_spans")._dangles
    text = "Ada Lind, who has not decided whom she will vote for"
    assert not dangles(text, (0, len(text)))
    assert dangles("the authors of the", (0, 18))


def test_who_before_a_cue_with_a_manner_adverb():
    text = "The pilots cheered Ada Lind, who warmly endorsed the new fares on Monday."
    assert "who" in sources(text)


@pytest.mark.parametrize(
    "text",
    [
        # an adverb or a time before the cue names no one
        "In a short reply, Lind named the board twice, and specifically mentioned its chairman "
        "and his aides.",
        "Ada Lind, the harbor's chief pilot, on Tuesday called the new fares unfair.",
    ],
)
def test_an_adverb_or_a_time_is_no_source(text):
    assert not any(s in ("specifically", "on Tuesday") for s in sources(text))


def test_names_no_one():
    names_no_one = importlib.import_module("newslib.quotes.fill")._names_no_one
    assert names_no_one("on Tuesday", (0, 10)) and names_no_one("fiercely", (0, 8))
    assert not names_no_one("most", (0, 4)) and not names_no_one("Kelly", (0, 5))
    # a capitalised time word may be a surname; a day's name is none
    assert not names_no_one("Early", (0, 5)) and names_no_one("Monday", (0, 6))
    assert sources("Early said the plan would fail.") == ["Early"]


def test_the_subject_before_its_aside_and_a_time():
    text = "Ada Lind, the harbor's chief pilot, on Tuesday called the new fares unfair."
    assert sources(text) == ["Ada Lind, the harbor's chief pilot"]


def test_the_rest_of_the_sentence_after_according_to_x_is_no_apposition():
    text = "The fare fell to 10 percent, according to harbor pilots, compared with 25 percent."
    assert sources(text)[0] == "harbor pilots"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun phrase opening the cue's clause, when the speaker rules found no mention:
        # past adverbs and auxiliaries, over 'and' / 'even' and a relative clause
        (
            "The ferry ran late again. The Harbor Guild has twice complained that the fares "
            "were too high.",
            "The Harbor Guild",
        ),
        (
            "The ferry ran late again. People who have sailed the route for years say the fares "
            "will rise.",
            "People who have sailed the route for years",
        ),
        (
            "The ferry ran late again. Pilots and even some clerks say the fares will rise.",
            "Pilots and even some clerks",
        ),
        # no noun phrase: none
        ("The ferry ran late again. It's easy to say the fares will rise.", None),
    ],
)
def test_the_noun_phrase_opening_the_clause_is_the_source(text, expected):
    assert sources(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role 'of' a capitalised body, then the name in apposition: one source
        (
            "The director of the Harbor Board, Ann Lee, said the fares would rise.",
            "The director of the Harbor Board, Ann Lee",
        ),
        # a name before the comma is no role
        ("Like Harbor Pilot Tomas Berg, Ann Lee said the fares would rise.", "Ann Lee"),
    ],
)
def test_a_role_of_a_named_body_before_the_name(text, expected):
    assert sources(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title word ending a sentence is no title of the name opening the next one
        ("The fares rose under the old mayor. Ann Lee said the pilots would strike.", "Ann Lee"),
        # an abbreviated title is
        ("The fares rose, said Sen. Ann Lee of the harbor board.", "Sen. Ann Lee"),
    ],
)
def test_a_title_ending_the_sentence_before_is_no_title(text, expected):
    assert sources(text) == [expected]


def test_a_plural_noun_after_a_relative_word_is_the_source():
    # the relative clause's own subject speaks: 'what others are saying', 'a rule that clerks
    # called unfair'
    assert sources("The notice matches what others are saying about the fares.") == ["others"]
    sources_mod = importlib.import_module("newslib.quotes.source_spans")
    rules = importlib.import_module("newslib.quotes.cues")._rules()
    text = "a fare rule that clerks called unfair"
    assert text[sources_mod._after_relative(text, 0, 23, rules) :].startswith("clerks")
    # a verb after 'which' opens no subject: 'rules which involve harbor fees'
    text = "three rules, which involve harbor fees, said"
    assert sources_mod._after_relative(text, 0, 38, rules) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the mention and the noun phrase 'and' joins to it before the cue: one source
        (
            "But Ada Lind and her colleagues found that the fares would rise.",
            "Ada Lind and her colleagues",
        ),
        ("She and other pilots said the fares would rise.", "She and other pilots"),
        ("Ada Lind and others said the fares would rise.", "Ada Lind and others"),
    ],
)
def test_a_noun_phrase_joined_by_and_before_the_cue(text, expected):
    assert sources(text) == [expected]


def test_names_joined_by_a_slash_open_the_source():
    # 'a KLX/ORB poll': the sponsors joined by slashes are one name with the mention's
    with_slash_names = importlib.import_module("newslib.quotes.sources")._with_slash_names
    text = "the Lakeside Dornsife/Harbor Times/KLX poll"
    assert (
        text[with_slash_names(text, text.index("KLX")) :]
        == "Lakeside Dornsife/Harbor Times/KLX poll"
    )
    assert with_slash_names("and/or KLX", 7) == 7  # a lower-case word before the slash: none


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what qualifies a document up to its cue belongs to the source
        (
            "A Harbor Post/KLX poll of pilots conducted last week found that the fares would rise.",
            "A Harbor Post/KLX poll of pilots conducted last week",
        ),
        # a day after a body is the cue's time
        ("The harbor board on Tuesday said that the fares would rise.", "The harbor board"),
    ],
)
def test_what_qualifies_a_document_before_its_cue(text, expected):
    assert sources(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No one said the fares would rise.", "No one"),
        ("So far, no one knows whether the fares will rise.", "no one"),
    ],
)
def test_no_one_is_the_source_not_one(text, expected):
    assert sources(text) == [expected]
