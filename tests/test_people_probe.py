"""Probe set for the people table (``newslib.people``) measured end to end: short articles
written for this test, run through ``newslib.quotes`` and ``newslib.people``, each case with
the people-table rows a researcher would write by hand after reading its articles.

What a researcher checks: one person under many forms ("Mayor Ann Lee", "Lee", "Ms. Lee",
"the mayor", "she") is one row across articles; two people sharing a surname stay apart, and a
bare surname either of them could be is flagged ambiguous; a person mentioned but never
speaking is no row; organisations are typed as organisations and unnamed sources
("officials said") as anonymous, never as people; gender comes from honorifics and the
pronouns resolved to the person, never from a first name; roles ("a spokeswoman for ...",
"council member"); titles, honorifics and suffixes ("Dr.", "Jr."); hyphenated names; names at
a sentence's start after an opener ("Still, Holt said"); quoted and reported word counts.

Word counts are the content's words as ``newslib`` counts them (a hyphenated word is one word;
an indirect content starts after "said", without "that", which the articles avoid), counted by
hand for each expected row. Every name and place is invented.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from newslib.people import people
from newslib.quotes import quotes

# The people-table columns a case may state; a case states only what a researcher would.
CHECKED = (
    "speaker_type",
    "gender",
    "role",
    "ambiguous",
    "n_articles",
    "n_quotes",
    "n_attributions",
    "quoted_words",
    "attributed_words",
)


def row(person: str, speaker_type: str = "person", **expected) -> dict:
    """An expected row: the name shown (compared without case or a leading determiner) and
    the columns stated."""
    unknown = set(expected) - set(CHECKED)
    assert not unknown, f"the case is wrong: no column {unknown}"
    return {"person": person, "speaker_type": speaker_type, **expected}


# (id, articles, every row of the people table expected, names no row may hold as an alias)
CASES = [
    (
        "one-person-many-forms",
        [
            'Mayor Ann Lee said the pier would reopen in May. "We have waited long enough," Lee'
            " said at a news conference in Bayview.",
            "Ann Lee, the mayor of Bayview, met the Harbor Board on Monday.\n\n"
            '"The budget is tight," Ms. Lee told the board. She said fees would not rise this'
            " year.",
            "Ann Lee spoke at the pier on Friday.\n\nThe mayor said the ferry would run all"
            ' winter. "Nobody will be stranded," she said.',
        ],
        [
            # direct 5 + 4 + 4; reported 6 + 6 + 6
            row(
                "Ann Lee",
                gender="female",
                n_articles=3,
                n_quotes=3,
                n_attributions=6,
                quoted_words=13,
                attributed_words=31,
            ),
        ],
        (),
    ),
    (
        "description-after-another-name",
        [
            "Ann Lee, the mayor, spoke first. Tom Roe said the fees were too high. The mayor"
            " said they would not rise.",
        ],
        [
            # "the mayor" is the one the article calls so, not the last person named
            row("Ann Lee", n_attributions=1, attributed_words=4),
            row("Tom Roe", n_attributions=1, attributed_words=5),
        ],
        (),
    ),
    (
        "two-people-one-surname",
        [
            "Tom Roe, a fisher, said the catch was poor. Al Roe, a boat builder, said the boats"
            ' were too old.\n\n"We need new nets," Tom Roe said.',
            '"The harbor is silting up," said Al Roe. Roe said dredging should start in March.',
            'Tom Roe said the fish market would move to Eastport. "It is a sad day," Roe said.',
        ],
        [
            # reported 4 + 7, quoted 4 + 5
            row(
                "Tom Roe",
                gender="unknown",
                role="fisher",
                ambiguous=False,
                n_articles=2,
                n_quotes=2,
                n_attributions=4,
                quoted_words=9,
                attributed_words=20,
            ),
            # reported 5 + 5, quoted 5
            row(
                "Al Roe",
                gender="unknown",
                role="boat builder",
                ambiguous=False,
                n_articles=2,
                n_quotes=1,
                n_attributions=3,
                quoted_words=5,
                attributed_words=15,
            ),
        ],
        (),
    ),
    (
        "bare-surname-either-could-be",
        [
            "Tom Roe said the tide was high. Al Roe said the boats were ready.",
            "Roe said the vote was rigged.",
        ],
        [
            row("Tom Roe", n_attributions=1, attributed_words=4),
            row("Al Roe", n_attributions=1, attributed_words=4),
            row("Roe", ambiguous=True, n_articles=1, n_attributions=1, attributed_words=4),
        ],
        (),
    ),
    (
        "mentioned-never-speaking",
        [
            "Ben Ames said the council had ignored Carla Diaz. Diaz did not attend the meeting."
            '\n\n"Carla Diaz should answer for this," Ames said.',
            "Carla Diaz was not at the meeting. Ben Ames, the harbor master, told reporters the"
            " cranes had failed.",
        ],
        [
            # reported 6 + 4, quoted 6
            row(
                "Ben Ames",
                role="harbor master",
                n_articles=2,
                n_quotes=1,
                n_attributions=3,
                quoted_words=6,
                attributed_words=16,
            ),
        ],
        ("Carla Diaz", "Diaz"),
    ),
    (
        "organisations",
        [
            "The Harbor Board said fees would rise in June. According to the Harbor Board, the"
            " dredging will take a year.",
            "The Bayview Port Authority said the ferry would run on time.",
        ],
        [
            # reported 5 + 6
            row("Harbor Board", "organization", n_attributions=2, attributed_words=11),
            row("Bayview Port Authority", "organization", n_attributions=1, attributed_words=6),
        ],
        (),
    ),
    (
        "organisation-described-again",
        [
            'The Harbor Board said fees would rise in June. "Fees pay for dredging," the board'
            " said in a statement.",
        ],
        [
            # "the board": the one board the article names; reported 5, quoted 4
            row(
                "Harbor Board",
                "organization",
                n_quotes=1,
                n_attributions=2,
                quoted_words=4,
                attributed_words=9,
            ),
        ],
        (),
    ),
    (
        "organisation-pronoun",
        ["The Harbor Board met on Monday. It said fees would rise in June."],
        [row("Harbor Board", "organization", n_attributions=1, attributed_words=5)],
        (),
    ),
    (
        "unnamed-sources",
        [
            "Officials said the bridge would close for a year. A city spokesman, who asked not"
            " to be named, said repairs would cost $2 million.\n\nPeople familiar with the plan"
            " said the work would start in May. Authorities said the road was closed.",
        ],
        [
            row("officials", "anonymous", n_attributions=1, attributed_words=7),
            row("authorities", "anonymous", n_attributions=1, attributed_words=4),
            row("city spokesman", "anonymous", n_attributions=1, attributed_words=5),
            # one row per kind of unnamed source: the kind is its head noun
            row("people", "anonymous", n_attributions=1, attributed_words=6),
        ],
        (),
    ),
    (
        "gender-from-honorifics-and-pronouns",
        [
            "Mia Holt said the school would close in June. She said parents had been told.",
            "Sam Okafor said the roof leaked every winter. Mr. Okafor said repairs would start"
            " soon.",
            "Dana Reyes said the library would stay open.",
        ],
        [
            row("Mia Holt", gender="female", n_attributions=2),
            row("Sam Okafor", gender="male", n_attributions=2),
            # no honorific, no pronoun: the first name is not a gender
            row("Dana Reyes", gender="unknown", n_attributions=1),
        ],
        (),
    ),
    (
        "pronoun-resolved-by-first-name",
        ['Al Roe met Mia Holt at the pier. "The water is rising," she said.'],
        [row("Mia Holt", gender="female", n_quotes=1, quoted_words=4)],
        ("Al Roe",),
    ),
    (
        "roles",
        [
            "Rita Vance, a spokeswoman for the Harbor Board, said the ferry would not run on"
            " Sundays.",
            "Council member Nina Webb said the vote was close.",
            'Ben Ames, a spokesman for the city, said the road would reopen. "We are on'
            ' schedule," said Ames.',
        ],
        [
            row("Rita Vance", role="spokeswoman for the Harbor Board", n_attributions=1),
            row("Nina Webb", role="council member", n_attributions=1),
            row("Ben Ames", role="spokesman for the city", n_attributions=2),
        ],
        (),
    ),
    (
        "age-is-no-role",
        [
            "Tom Roe, 54, a fisher from Eastport, said the catch was the worst in years.",
            "Mia Holt, 45, said the school was full.",
        ],
        [
            row("Tom Roe", role="fisher from Eastport", n_attributions=1),
            row("Mia Holt", role=None, n_attributions=1),
        ],
        (),
    ),
    (
        "hometown-is-no-role",
        ["Ann Lee, 45, of Eastport, said the pier was safe. Ben Ames, of Bayview, agreed."],
        [row("Ann Lee", role=None, n_attributions=1)],
        (),
    ),
    (
        "affiliation-is-a-role",
        [
            "Ann Lee, of the Harbor Board, said the fees would rise.",
            "Mia Holt, of the state health department, said the water was clean.",
            "Ben Ames, of Bayview University, said the study was done.",
            "Tom Roe, of Bayview, said the pier was safe. Sam Okafor, of North Bayview, said"
            " the road was closed.",
        ],
        [
            # "of" an organisation is an affiliation; "of" a place is a hometown, no role
            row("Ann Lee", role="Harbor Board", n_attributions=1),
            row("Mia Holt", role="state health department", n_attributions=1),
            row("Ben Ames", role="Bayview University", n_attributions=1),
            row("Tom Roe", role=None, n_attributions=1),
            row("Sam Okafor", role=None, n_attributions=1),
        ],
        (),
    ),
    (
        "titles-and-suffixes",
        [
            'Dr. Sam Okafor said the clinic would open in May. "We are ready," Dr. Okafor said.',
            "John Pike Jr. said the mill would close. His father, John Pike, said the mill had"
            " made money for 40 years.",
            'Sen. Carla Diaz said the bill would pass. "We have the votes," Diaz said.',
        ],
        [
            row("Sam Okafor", n_articles=1, n_attributions=2, quoted_words=3),
            row("John Pike Jr.", n_attributions=1, attributed_words=4),
            row("John Pike", n_attributions=1, attributed_words=8),
            row("Carla Diaz", n_attributions=2, quoted_words=4, attributed_words=8),
        ],
        (),
    ),
    (
        "suffix-then-surname",
        [
            'Tom Roe III said the fire was out. "No one was hurt," Roe said.',
            "Al Roe said the dock would reopen.",
            "Roe said the vote was rigged.",
        ],
        [
            # "Roe" in the article that names Tom Roe III is he, whoever else is a Roe; alone,
            # it could be either
            row("Tom Roe III", n_attributions=2, quoted_words=4, attributed_words=8),
            row("Al Roe", n_attributions=1, attributed_words=4),
            row("Roe", ambiguous=True, n_attributions=1, attributed_words=4),
        ],
        (),
    ),
    (
        "suffix-after-a-comma",
        [
            "Tom Roe, Jr., said the mill would close.",
            "Tom Roe Jr. said the dock would reopen.",
            "Roe said the vote was rigged.",
            "Al Lee, Sr., said the catch was poor. Ben Ames, III, said the road was closed.",
            "Al Lee Sr. said the nets were torn.",
        ],
        [
            # the suffix is the name's with or without its comma, never a role; a bare "Roe"
            # elsewhere is the one Roe
            row("Tom Roe Jr.", role=None, n_articles=3, n_attributions=3),
            row("Al Lee Sr.", role=None, n_articles=2, n_attributions=2),
            row("Ben Ames III", role=None, n_attributions=1),
        ],
        (),
    ),
    (
        "suffix-after-a-comma-then-surname",
        ['Tom Roe, Jr., said the mill would close. "We tried," Roe said.'],
        [row("Tom Roe Jr.", n_quotes=1, n_attributions=2)],
        (),
    ),
    (
        "suffix-before-an-apposition",
        ["Tom Roe, Jr., a fisher, said the catch was poor."],
        [row("Tom Roe Jr.", role="fisher", n_attributions=1)],
        (),
    ),
    (
        "same-surname-honorifics",
        [
            "Tom Roe and his wife, Ann Roe, run the bakery. Mrs. Roe said sales were down. Mr."
            " Roe said the rent was too high.",
        ],
        [
            row("Ann Roe", gender="female", n_attributions=1, attributed_words=3),
            row("Tom Roe", gender="male", n_attributions=1, attributed_words=5),
        ],
        (),
    ),
    (
        "nickname-in-marks",
        ['Tom "Tiny" Roe said the dock was old.'],
        [row("Tom Roe", n_attributions=1, attributed_words=4)],
        (),
    ),
    (
        "nickname-of-two-words",
        [
            'Ann "Big Red" Lee said the pier was safe.',
            '"It is safe," said Ann "Big Red" Lee.',
        ],
        [row("Ann Lee", n_articles=2, n_quotes=1, n_attributions=2)],
        (),
    ),
    (
        "hyphenated-names",
        [
            'Lena Ward-Price said the dock was unsafe. "Someone will get hurt," Ward-Price said.',
            "Jean-Paul Marsh said the nets were torn. He said the port owed him money.",
        ],
        [
            row("Lena Ward-Price", n_attributions=2, quoted_words=4, attributed_words=8),
            row("Jean-Paul Marsh", gender="male", n_attributions=2, attributed_words=9),
        ],
        (),
    ),
    (
        "names-at-sentence-start",
        [
            "Still, Holt said the plan was sound. Asked about the cost, Mia Holt said it was"
            " fair. Speaking to reporters, Holt said the vote would be held in June.",
            "Will Bell said the pier was safe.",
        ],
        [
            # reported 4 + 3 + 7
            row("Mia Holt", n_articles=1, n_attributions=3, attributed_words=14),
            row("Will Bell", n_attributions=1, attributed_words=4),
        ],
        ("Still", "Asked", "Speaking"),
    ),
    (
        "quoted-and-reported-words",
        [
            '"The fees are fair," Tom Roe said. "Every boat pays the same," he added.\n\n'
            'Roe said the board would review the fees in the spring. He called the old rules "a'
            ' mess."',
        ],
        [
            # quoted 4 + 5 + 2 (the partial "a mess"); reported 9 + 5 ("called" reports
            # 'the old rules "a mess"': the partial inside it is not counted twice)
            row(
                "Tom Roe",
                gender="male",
                n_quotes=3,
                n_attributions=4,
                quoted_words=11,
                attributed_words=23,
            ),
        ],
        (),
    ),
]

# id -> why the case fails (strict: a case that starts passing must lose its mark)
XFAIL: dict[str, str] = {
    "organisation-pronoun": "'It said' is no one (an 'unknown' row 'it'). Tried (session 29):"
    " 'it' as the organisation last named in its paragraph or the one before; benchmark"
    " figures unchanged, but on dev most of the rows it changed were wrong by reading ('it' a"
    " report, a statement, a campaign, or no speech at all): dropped",
    "description-after-another-name": "'the mayor' is the last person named (Tom Roe), not"
    " the one the article calls the mayor. Tried (session 29): the last person called so in a"
    " title or an apposition, within the twelve last named; dev speaker accuracy fell 0.933 ->"
    " 0.932 and dev people indirect 3122 -> 3121 ('the actor' of a list's next item became an"
    " earlier actor): dropped",
}

_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)


def _key(name: str) -> str:
    return _DETERMINER.sub("", " ".join(str(name).split())).casefold()


def _table(articles: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(articles))], "text": articles})
    return people(quotes(frame))


def _shown(table: pd.DataFrame) -> str:
    columns = ["person", "speaker_type", "gender", "role", "ambiguous", "aliases", *CHECKED[4:]]
    return table[columns].to_string() if len(table) else "(no rows)"


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def _same(column: str, got, want) -> bool:
    if pd.isna(got):
        return want is None
    if column == "role":
        return want is not None and _key(got) == _key(want)
    return got == want


def check_people(articles: list[str], expected: list[dict], absent: tuple[str, ...]) -> None:
    """Fail unless the people table of ``articles`` has exactly the ``expected`` rows (each
    stated column equal) and no row's forms hold an ``absent`` name, listing every mismatch."""
    table = _table(articles)
    keys = table["person"].map(_key)
    problems = []
    for want in expected:
        found = table[keys == _key(want["person"])]
        if len(found) != 1:
            problems.append(f"{len(found)} rows for {want['person']!r}, expected 1")
            continue
        got = found.iloc[0]
        for column, value in want.items():
            if column != "person" and not _same(column, got[column], value):
                shown = _plain(got[column])
                problems.append(f"{want['person']}: {column} {shown!r}, expected {value!r}")
    wanted = {_key(w["person"]) for w in expected}
    for name in table.loc[~keys.isin(wanted), "person"]:
        problems.append(f"unexpected row {name!r}")
    for name in absent:
        for _, got in table.iterrows():
            forms = {_key(f) for f in str(got["aliases"]).split(" | ")} | {_key(got["person"])}
            if _key(name) in forms:
                problems.append(f"{name!r} is a form of the row {got['person']!r}")
    if problems:
        pytest.fail("\n  ".join(["", *problems]) + f"\npeople table:\n{_shown(table)}")


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=XFAIL[case[0]])] if case[0] in XFAIL else []
        yield pytest.param(*case[1:], id=case[0], marks=marks)


@pytest.mark.parametrize(("articles", "expected", "absent"), list(_params()))
def test_people_probe(articles, expected, absent):
    check_people(articles, expected, absent)


def test_probe_ids_are_unique_and_xfails_name_cases():
    ids = [case[0] for case in CASES]
    assert len(ids) == len(set(ids))
    assert set(XFAIL) <= set(ids)


def test_the_checker_reports_a_wrong_expectation():
    articles = ["Ann Lee said the pier would reopen in May."]
    with pytest.raises(pytest.fail.Exception, match="attributed_words 6, expected 7"):
        check_people(articles, [row("Ann Lee", attributed_words=7)], ())
    with pytest.raises(pytest.fail.Exception, match="unexpected row 'Ann Lee'"):
        check_people(articles, [], ())
    with pytest.raises(pytest.fail.Exception, match="0 rows for 'Tom Roe'"):
        check_people(articles, [row("Ann Lee"), row("Tom Roe")], ())
