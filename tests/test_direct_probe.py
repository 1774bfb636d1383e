"""Probe set for direct-quote precision: short paragraphs written for this test, in the styles
that trip quotation rules (scare-quoted words, titles of works, nicknames, slogans, photo
credits, mixed marks, quotations across paragraphs, a quoted phrase in a headline), each with
the kind of its quotation (direct, partial or scare) and its speaker (None for scare quotes).

Every name and place is invented (Ann Lee, Tom Roe, Bayview, the Harbor Board).
"""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

from newslib.quotes import quotes

# (id, text, a phrase inside the quotation, expected kind, expected speaker)
CASES = [
    # --- scare-quoted words and phrases
    (
        "scare-one-word",
        'Critics in Bayview dismiss the plan as a "quack" cure for traffic.',
        "quack",
        "scare",
        None,
    ),
    (
        "scare-so-called",
        'The so-called "red line" on harbor fees was crossed last spring.',
        "red line",
        "scare",
        None,
    ),
    (
        "scare-owner",
        'The mayor\'s "red line" on harbor fees was crossed last spring.',
        "red line",
        "scare",
        None,
    ),
    (
        "scare-single-marks",
        "The board's 'temporary' toll has now lasted ten years.",
        "temporary",
        "scare",
        None,
    ),
    (
        "scare-the-word",
        'The word "toll" appears nowhere in the new Bayview budget.',
        "toll",
        "scare",
        None,
    ),
    (
        "scare-means-by",
        'What the board means by "fair share" is still unclear.',
        "fair share",
        "scare",
        None,
    ),
    (
        "scare-zone",
        'Bayview\'s "quiet zone" rules were relaxed in June.',
        "quiet zone",
        "scare",
        None,
    ),
    (
        "scare-the-term",
        'The Harbor Board avoided the charged term, "harbor tax," all year.',
        "harbor tax",
        "scare",
        None,
    ),
    (
        "scare-described-as",
        'The fund was pitched as "the safest bet in Bayview" to savers.',
        "safest bet",
        "scare",
        None,
    ),
    (
        "scare-billed-as",
        'The ferry was billed as "the fastest boat on the bay" for years.',
        "fastest boat",
        "scare",
        None,
    ),
    (
        "scare-touted-as",
        'The plan was touted as "a win for every family in Bayview" at the fair.',
        "a win for every family",
        "scare",
        None,
    ),
    (
        # a passive label verb, but the sentence names who said the words
        "partial-sold-then-said",
        'The tickets were sold "in a matter of minutes," Ann Lee said.',
        "in a matter of minutes",
        "partial",
        "Ann Lee",
    ),
    (
        "partial-said-then-sold",
        'Ann Lee said the tickets were sold "in a matter of minutes."',
        "in a matter of minutes",
        "partial",
        "Ann Lee",
    ),
    (
        "partial-pitched-by-person",
        'Tom Roe pitched the fund as "the safest bet in Bayview" to savers.',
        "safest bet",
        "partial",
        "Tom Roe",
    ),
    (
        "scare-self-described",
        'A self-described "harbor rat," Tom Roe has fished here for years.',
        "harbor rat",
        "scare",
        None,
    ),
    (
        "scare-rated",
        'Most of the files were rated "routine," the lowest level.',
        "routine",
        "scare",
        None,
    ),
    (
        "scare-rated-long",
        'The bridge was rated "unsafe for heavy trucks" last year.',
        "unsafe for heavy trucks",
        "scare",
        None,
    ),
    (
        "partial-rated-by-person",
        'Ann Lee rated the plan "a failure for every family in town."',
        "a failure for every family",
        "partial",
        "Ann Lee",
    ),
    (
        "scare-curly",
        "Bayview’s “temporary” bridge has stood since 1990.",
        "temporary",
        "scare",
        None,
    ),
    # --- titles of films, books, songs, reports, shows
    (
        "title-film",
        'The film "A Long Night in Bayview" opens on Friday at the pier.',
        "Long Night",
        "scare",
        None,
    ),
    (
        "title-book",
        'Ann Lee\'s new book, "Tides and Taxes," sold out in a week.',
        "Tides and Taxes",
        "scare",
        None,
    ),
    (
        "title-song",
        'Her song "Down by the Pier" topped the local charts.',
        "Down by the Pier",
        "scare",
        None,
    ),
    (
        "title-report",
        'The report, titled "Harbor Futures 2030," warns of rising costs.',
        "Harbor Futures",
        "scare",
        None,
    ),
    (
        "title-star-opens",
        '"The Bayview Files" star Tom Roe opened up about his childhood.',
        "Bayview Files",
        "scare",
        None,
    ),
    (
        "title-is-a-drama",
        '"Nights at the Harbor" is a new drama about two dock workers.',
        "Nights at the Harbor",
        "scare",
        None,
    ),
    (
        "title-sentence-title",
        '"Orange Skies Over Bayview" star Ann Lee spoke to fans on Monday.',
        "Orange Skies",
        "scare",
        None,
    ),
    (
        "title-page",
        'The paper\'s "Letters to the Editor" page was full of complaints.',
        "Letters to the Editor",
        "scare",
        None,
    ),
    (
        "title-after-credit",
        'Photo: Harbor Board\n\n"Bayview Nights" star Ann Lee waves to fans.',
        "Bayview Nights",
        "scare",
        None,
    ),
    (
        "title-actor-opens",
        '"Lights Over the Harbor" actor Tom Roe waved to the crowd.',
        "Lights Over",
        "scare",
        None,
    ),
    (
        "title-was-a-hit",
        '"Low Tide in Bayview" was a hit at the fair.',
        "Low Tide",
        "scare",
        None,
    ),
    (
        "title-star-then-speech",
        '"Save Our Pier" star Tom Roe said the fight goes on.',
        "Save Our Pier",
        "scare",
        None,
    ),
    (
        "title-case-speech-stays-direct",
        '"The Pier Is Safe," Ann Lee said on Monday.',
        "Pier Is Safe",
        "direct",
        "Ann Lee",
    ),
    (
        "speech-before-is-a-stays-direct",
        '"We will win the race" is a promise Tom Roe made often.',
        "win the race",
        "direct",
        None,
    ),
    # --- nicknames
    (
        "nick-middle",
        'Tom "Tiny" Roe won the Bayview regatta again on Sunday.',
        "Tiny",
        "scare",
        None,
    ),
    (
        "nick-known-as",
        'Ann Lee, known to friends as "the Admiral," ran the board for years.',
        "the Admiral",
        "scare",
        None,
    ),
    (
        "nick-nicknamed",
        'The old ferry, nicknamed "the Bathtub," will be retired in May.',
        "the Bathtub",
        "scare",
        None,
    ),
    (
        "nick-call",
        'Locals call the bridge "the Spine" because of its shape.',
        "the Spine",
        "scare",
        None,
    ),
    ("nick-simply-as", 'Fans know Ann Lee simply as "Coach."', "Coach", "scare", None),
    # --- slogans on signs, shirts and campaigns
    (
        "slogan-signs",
        'Residents waved signs reading "Save Our Pier" outside the board.',
        "Save Our Pier",
        "scare",
        None,
    ),
    (
        "slogan-shirt",
        'Volunteers wore shirts that read "we are Bayview" at the fair.',
        "we are Bayview",
        "scare",
        None,
    ),
    (
        "slogan-campaign",
        'The board\'s "Clean Harbor" campaign begins next month.',
        "Clean Harbor",
        "scare",
        None,
    ),
    (
        "slogan-comma",
        'The slogan, "A Harbor for All," was painted on every bus.',
        "Harbor for All",
        "scare",
        None,
    ),
    (
        "slogan-banner",
        'A banner with the words "No New Tolls" hung from the pier.',
        "No New Tolls",
        "scare",
        None,
    ),
    # --- a quoted phrase in a headline
    (
        "headline-scare",
        "Bayview Council Rejects 'Red Line' on Fees\n\nThe council voted on Monday.",
        "Red Line",
        "scare",
        None,
    ),
    (
        "headline-title",
        'Harbor Board Backs "Clean Water" Plan\n\nThe vote was close.',
        "Clean Water",
        "scare",
        None,
    ),
    # --- direct speech in its many shapes
    (
        "direct-said-after",
        '"We will not raise the fee this year," Ann Lee said on Monday.',
        "raise the fee",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-colon",
        'Tom Roe said: "The pier is safe and it will stay open."',
        "pier is safe",
        "direct",
        "Tom Roe",
    ),
    (
        "direct-curly",
        "“The harbor is our future,” said Ann Lee, the board’s chair.",
        "our future",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-mixed-marks",
        '“We are ready for the storm," Tom Roe told reporters.',
        "ready for the storm",
        "direct",
        "Tom Roe",
    ),
    (
        "direct-two-apostrophes",
        "''The vote was fair,'' Ann Lee said after the meeting.",
        "vote was fair",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-question",
        '"Who pays for the dredging?" Tom Roe asked the board.',
        "dredging",
        "direct",
        "Tom Roe",
    ),
    (
        "direct-one-word-colon",
        'Asked if he would resign, Tom Roe said: "Never."',
        "Never",
        "direct",
        "Tom Roe",
    ),
    (
        "direct-title-inside",
        "\"I loved 'The Bayview Files' as a kid,\" Ann Lee said.",
        "loved",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-nickname-speaker",
        '"We will win the race," said Tom "Tiny" Roe.',
        "win the race",
        "direct",
        "Tom Roe",
    ),
    (
        "direct-nickname-speaker-before",
        '"We will win the race," Tom "Tiny" Roe said.',
        "win the race",
        "direct",
        "Tom Roe",
    ),
    (
        "direct-nickname-curly",
        "“We will win the race,” said Ann “Scoop” Lee.",
        "win the race",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-nickname-colon",
        'Tom "Tiny" Roe said: "We will win the race."',
        "win the race",
        "direct",
        "Tom Roe",
    ),
    (
        "direct-nickname-role",
        '"We will win," said harbor master Tom "Tiny" Roe.',
        "We will win",
        "direct",
        "Tom Roe",
    ),
    (
        "direct-nickname-later-subject",
        '"We won," Ann Lee said, and Tom "Tiny" Roe cheered.',
        "We won",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-nickname-two-words",
        '"We will win the race," said Ann "Big Red" Lee.',
        "win the race",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-nickname-two-words-before",
        '"We will win the race," Ann "Big Red" Lee said.',
        "win the race",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-nickname-two-words-colon",
        'Ann "Big Red" Lee said: "We will win the race."',
        "win the race",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-suffix-comma",
        '"We will win the race," said Tom Roe, Jr.',
        "win the race",
        "direct",
        "Tom Roe Jr.",
    ),
    (
        "direct-suffix-comma-before",
        '"We will win the race," Tom Roe, III, said.',
        "win the race",
        "direct",
        "Tom Roe III",
    ),
    (
        "direct-suffix-comma-apposition",
        'Tom Roe, Jr., a fisher, said: "We will win the race."',
        "win the race",
        "direct",
        "Tom Roe Jr.",
    ),
    (
        "direct-middle",
        'The board met on Monday. "This is a sad day for Bayview," Tom Roe said.',
        "sad day",
        "direct",
        "Tom Roe",
    ),
    (
        "direct-across-1",
        'Ann Lee said the board would meet again.\n\n"We have work to do. The budget is late.'
        '\n\n"But we will finish it by June," she said.',
        "budget is late",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-across-2",
        'Ann Lee said the board would meet again.\n\n"We have work to do. The budget is late.'
        '\n\n"But we will finish it by June," she said.',
        "finish it by June",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-after-credit",
        "Ann Lee at the pier on Monday. (Photo: Tom Roe/Bayview Times)\n\n"
        '"We are not leaving this town," she said.',
        "not leaving",
        "direct",
        "Ann Lee",
    ),
    (
        "direct-after-credit-he",
        "Tom Roe at the pier on Monday. (Photo: Ann Lee/Bayview Times)\n\n"
        '"We are not leaving this town," he said.',
        "not leaving",
        "direct",
        "Tom Roe",
    ),
    (
        "direct-after-credit-wrong-gender",
        "Ann Lee at the pier on Monday. (Photo: Bayview Times)\n\n"
        '"We are not leaving this town," he said.',
        "not leaving",
        "direct",
        None,
    ),
    (
        "direct-credit-line",
        "Photo credit: Tom Roe for the Bayview Times\n\n"
        '"The water rose faster than anyone expected," said Ann Lee, who lives by the pier.',
        "water rose",
        "direct",
        "Ann Lee",
    ),
    (
        "credit-stray-close",
        "Tom Roe speaks at the pier. (Bayview Times)”\n\n"
        'The board met on Monday. "We will vote in May," Ann Lee said.',
        "vote in May",
        "direct",
        "Ann Lee",
    ),
    (
        "credit-splits-quote",
        "“We will rebuild the pier.\n\nPhoto: Bayview Times\n\n"
        "“It will take two years,” Ann Lee said.",
        "rebuild the pier",
        "direct",
        "Ann Lee",
    ),
    (
        "credit-in-parens-splits-quote",
        "“We will rebuild the pier.\n\n(Image: Bayview Times)\n\n"
        "“It will take two years,” Ann Lee said.",
        "rebuild the pier",
        "direct",
        "Ann Lee",
    ),
    (
        "photo-credit-splits-quote",
        "“We will rebuild the pier.\n\nPhoto credit: Tom Roe\n\n"
        "“It will take two years,” Ann Lee said.",
        "rebuild the pier",
        "direct",
        "Ann Lee",
    ),
    (
        "update-line-ends-quote",
        "“We will rebuild the pier.\n\nUpdate: The board met again.\n\n"
        "“It will take two years,” Ann Lee said.",
        "rebuild the pier",
        "direct",
        None,
    ),
    (
        "closing-glyph-opens",
        "Photo: Bayview Times\n\nThe harbor is quiet. ”We will rebuild the pier,” Ann Lee said.",
        "rebuild the pier",
        "direct",
        "Ann Lee",
    ),
    (
        "closing-glyph-opens-mid-paragraph",
        "The harbor is quiet. ”We will rebuild the pier,” Ann Lee said.",
        "rebuild the pier",
        "direct",
        "Ann Lee",
    ),
    (
        "closing-glyph-opens-told",
        "The harbor is quiet. ”Rebuild it,” Ann Lee told the board.",
        "Rebuild it",
        "direct",
        "Ann Lee",
    ),
    (
        "closing-glyph-closes-partial",
        "Ann Lee said the pier was “safe.” Tom Roe agreed with her on Monday.",
        "safe",
        "partial",
        "Ann Lee",
    ),
    # --- partial quotations: a speaker's words inside the writer's sentence
    (
        "partial-said-fee",
        'Ann Lee said the fee was "simply unfair" to small boat owners.',
        "simply unfair",
        "partial",
        "Ann Lee",
    ),
    (
        "partial-described",
        'Ann Lee described the vote as "a turning point for the harbor."',
        "turning point",
        "partial",
        "Ann Lee",
    ),
    (
        "partial-according",
        'According to Ann Lee, the fee is "a tax by another name."',
        "tax by another name",
        "partial",
        "Ann Lee",
    ),
    (
        "partial-called",
        'Tom Roe called the plan "a gift to developers" in a speech.',
        "gift to developers",
        "partial",
        "Tom Roe",
    ),
]

_UNSEEN_DROP = "unseen direct F1, speaker accuracy and share MAE fell"
# Misfires not fixed, each with what was tried (PolNeAR figures, session 27) or why not.
XFAIL: dict[str, str] = {
    "scare-the-term": (
        f"'term' (comma allowed) as a scare lead was tried: {_UNSEEN_DROP}; session 29 tried "
        "'the' + one word + term / word / phrase / label (comma allowed): one dev row changed, "
        "dev direct F1 0.983095 -> 0.983104, but dev attributed-share MAE 0.0579171 -> "
        "0.0579196"
    ),
    "scare-self-described": "'self-described' was tried: on dev its quotation is speech as often",
    "slogan-shirt": (
        "'that read' was tried: on dev the words on a sign are annotated as speech; session 29 "
        "tried it after shirts, hats, caps, buttons, stickers, mugs only: dev direct F1 "
        "0.98309 -> 0.98311, but dev attributed-share MAE 0.0579171 -> 0.0579352"
    ),
    "direct-one-word-colon": (
        "one capitalised word after a cue and a colon as direct was tried: no dev change and "
        "unseen exact content F1 fell 0.00007"
    ),
}


def _rows(text: str) -> pd.DataFrame:
    return quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=XFAIL[case[0]])] if case[0] in XFAIL else []
        yield pytest.param(*case[1:], id=case[0], marks=marks)


@pytest.mark.parametrize(("text", "phrase", "kind", "speaker"), list(_params()))
def test_probe_kind_and_speaker(text, phrase, kind, speaker):
    q = _rows(text)
    q = q[q["kind"] != "indirect"]
    hit = q[q["text"].str.contains(phrase, regex=False)]
    assert len(hit) >= 1, f"no quotation row holds {phrase!r}: {q[['kind', 'text']].values}"
    row = hit.iloc[0]
    assert row["kind"] == kind
    got = None if pd.isna(row["speaker"]) else row["speaker"]
    assert got == speaker


def _scare_leads() -> list[str]:
    attribution = importlib.import_module("newslib.quotes.attribution")
    return attribution._SCARE_LEADS


def test_scare_leads_are_read_from_the_data_file():
    leads = _scare_leads()
    assert {"so-called", "dubbed", "nicknamed", "the slogan"} <= set(leads)
    assert all(lead == lead.strip() and "#" not in lead for lead in leads)


@pytest.mark.parametrize("lead", _scare_leads())
def test_every_scare_lead_makes_a_short_quotation_scare(lead):
    q = _rows(f'On Monday it was {lead} "a harbor toll" once more.')
    hit = q[q["text"].str.contains("harbor toll", regex=False) & (q["kind"] != "indirect")]
    assert list(hit["kind"]) == ["scare"]
