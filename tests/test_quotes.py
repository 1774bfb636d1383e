"""Tests for newslib.quotes: quotation marks, kinds, speakers and quote share.

Every fixture article is written here for the test (the seed test reads our own seed file).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslib.quotes import (
    _DOUBLE_RE,
    _PREV_WORD_RE,
    _alternation,
    _has_double_mark,
    _role_before,
    _rules,
    _word_before,
    _words_inside,
    quote_share,
    quoted_spans,
    quotes,
    speakers,
)
from newslib.text import WORD_RE, normalize_text

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_0ed1607056b3d6d0.txt"


def frame(*texts: str, ids=None) -> pd.DataFrame:
    ids = ids or [f"a{i}" for i in range(len(texts))]
    return pd.DataFrame({"article_id": ids, "text": list(texts)})


def one(text: str) -> pd.DataFrame:
    return quotes(frame(text))


def quoted(text: str) -> pd.DataFrame:
    """The quotations only (direct, partial, scare): what the quotation-mark rules find."""
    q = one(text)
    return q[q["kind"] != "indirect"].reset_index(drop=True)


def check_offsets(q: pd.DataFrame, texts: dict[str, str]) -> None:
    for r in q.itertuples():
        text = texts[r.article_id]
        assert text[r.start : r.end] == r.text
        if not pd.isna(r.speaker_start):
            assert text[r.speaker_start : r.speaker_end] == r.speaker_mention


# ---------------------------------------------------------------------------------------------
# the seed article


@pytest.fixture(scope="module")
def seed_text() -> str:
    raw = SEED.read_text(encoding="utf-8")
    return normalize_text(raw.split("\n", 1)[1])


def test_seed_two_direct_quotes_by_karakulov(seed_text):
    q = one(seed_text)
    check_offsets(q, {"a0": seed_text})
    direct = q[q["kind"] == "direct"]
    assert len(direct) == 2
    assert direct["text"].iloc[0].startswith("I was supposed to retire")
    assert direct["text"].iloc[1].startswith("One could see two different people")
    assert direct["speaker_mention"].tolist() == ["he", "the officer"]
    assert all("Karakulov" in s for s in direct["speaker"])
    assert direct["cue"].tolist() == ["said", "says"]


def test_seed_dossier_is_scare(seed_text):
    q = one(seed_text)
    dossier = q[q["text"] == "Dossier"]
    assert len(dossier) == 1
    assert dossier["kind"].iloc[0] == "scare"
    assert dossier["speaker"].isna().all()


def test_seed_quote_share(seed_text):
    share = quote_share(frame(seed_text)).iloc[0]
    # Independent count: the words between the two pairs of straight quotation marks.
    marks = [i for i, c in enumerate(seed_text) if c == '"']
    assert len(marks) == 4
    expected = sum(len(WORD_RE.findall(seed_text[a + 1 : b])) for a, b in (marks[0:2], marks[2:4]))
    assert share["total_words"] == 375
    assert share["quoted_words"] == expected
    assert share["quote_share"] == pytest.approx(0.45, abs=0.02)
    assert share["n_quotes"] == 2
    assert share["n_speakers"] == 1
    assert "Karakulov" in share["top_speaker"]


# ---------------------------------------------------------------------------------------------
# quotation marks


def test_curly_double_quotes():
    text = "“We will win this election,” said Jane Doe."
    q = one(text)
    assert q["text"].tolist() == ["We will win this election,"]
    assert q["kind"].tolist() == ["direct"]
    assert q["speaker"].tolist() == ["Jane Doe"]
    check_offsets(q, {"a0": text})


def test_straight_double_quotes_and_offsets_exclude_marks():
    text = 'The mayor spoke. "Taxes will fall next year," Mayor Ann Lee said.'
    q = one(text)
    assert len(q) == 1
    r = q.iloc[0]
    assert text[r["start"] - 1] == '"' and text[r["end"]] == '"'
    assert r["text"] == "Taxes will fall next year,"


def test_nested_single_quotes_stay_inside_the_outer_quote():
    text = "\"He told me 'don't go there' and I didn't listen,\" she said."
    q = one(text)
    assert len(q) == 1
    assert q["text"].iloc[0] == "He told me 'don't go there' and I didn't listen,"
    assert q["n_words"].iloc[0] == 10


def test_double_quotes_nested_in_single_quotes_stay_inside_them():
    # the British way: single marks outside, double marks inside; never two overlapping rows
    text = "Title\n\nRoe told me ‘the plan is “dead” and buried’, Lee said."
    q = quoted(text)
    assert q["text"].tolist() == ["the plan is “dead” and buried"]
    text = 'Title\n\nLee said: "Roe told me ‘it is “fine”’ and left," she added.'
    q = quoted(text)
    spans = sorted(zip(q["start"], q["end"], strict=True))
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False))
    check_offsets(q, {"a0": text})


def test_apostrophes_are_not_quotation_marks():
    text = (
        "Putin's plan revived the '90s boom, don't doubt it, and the players' union "
        "met with Obama’s aides. Rock 'n' roll isn’t dead."
    )
    assert one(text).empty
    assert quote_share(frame(text))["quote_share"].iloc[0] == 0.0


def test_single_quotes_as_main_marks():
    text = "Paul Hart runs the port.\n\n‘We are ready for the storm,’ he said."
    q = one(text)
    assert q["text"].tolist() == ["We are ready for the storm,"]
    assert q["speaker"].tolist() == ["Paul Hart"]


def test_guillemets():
    text = "«We are ready for the storm,» said Jean Dupont."
    q = one(text)
    assert q["text"].tolist() == ["We are ready for the storm,"]
    assert q["speaker"].tolist() == ["Jean Dupont"]


def test_two_apostrophes_as_double_marks():
    text = "''Prices will rise again,'' said Ruth Kim, an economist."
    q = one(text)
    assert q["text"].tolist() == ["Prices will rise again,"]
    assert q["speaker"].tolist() == ["Ruth Kim"]


def test_unbalanced_mark_stays_in_its_paragraph():
    text = (
        'The report, titled "Roads of the future, was released on Monday.\n\n'
        "It covers bridges, tunnels and rail lines in eleven states.\n\n"
        '"We need money now," said Tom Reyes, the transport secretary.'
    )
    q = one(text)
    check_offsets(q, {"a0": text})
    assert not any("\n" in t for t in q["text"])
    assert "bridges" not in " ".join(q["text"])
    last = q[q["paragraph"] == 2]
    assert last["text"].tolist() == ["We need money now,"]
    assert last["speaker"].tolist() == ["Tom Reyes"]


def test_stray_closing_mark_is_ignored():
    text = 'The pipe is 12" wide. "It leaks," said Dan Moss.'
    q = one(text)
    assert q["text"].tolist() == ["It leaks,"]


def test_multi_paragraph_quote():
    text = (
        "Mayor Ann Lee said:\n\n"
        '"The first part of my statement is about the budget.\n\n'
        '"The second part is about the schools.\n\n'
        '"The third part is about the roads."\n\n'
        "The council meets again on Friday."
    )
    q = one(text)
    check_offsets(q, {"a0": text})
    assert q["paragraph"].tolist() == [1, 2, 3]
    assert q["text"].tolist() == [
        "The first part of my statement is about the budget.",
        "The second part is about the schools.",
        "The third part is about the roads.",
    ]
    assert set(q["kind"]) == {"direct"}
    assert q["speaker"].tolist() == ["Ann Lee"] * 3


def test_multi_paragraph_quote_attributed_in_first_paragraph():
    text = (
        '"We will build the bridge," said Omar Haddad, the city engineer. "It will take '
        "three years.\n\n"
        '"And it will last a century."'
    )
    q = one(text)
    assert len(q) == 3
    assert q["speaker"].tolist() == ["Omar Haddad"] * 3
    assert q["text"].iloc[1] == "It will take three years."


# ---------------------------------------------------------------------------------------------
# kinds


@pytest.mark.parametrize(
    "text, quoted",
    [
        ('The so-called "experts" were wrong again.', "experts"),
        ('She starred in "The Long Night Ahead" last year.', "The Long Night Ahead"),
        ('Dwayne "The Rock" Johnson arrived late.', "The Rock"),
        ("Reporters call it the “Dossier” affair.", "Dossier"),
    ],
)
def test_scare_quotes_titles_nicknames(text, quoted):
    q = one(text)
    q = q[q["kind"] != "indirect"]  # "Reporters call it ...": the call is reported, the term not
    assert q["text"].tolist() == [quoted]
    assert q["kind"].tolist() == ["scare"]
    assert q["speaker"].isna().all()
    assert quote_share(frame(text))["quoted_words"].iloc[0] == 0


def test_partial_quote_with_speaker():
    text = 'Senator Maria Lopez said the plan was "dead on arrival in this chamber" on Tuesday.'
    q = one(text)
    # the quoted fragment and the reported speech around it: one attribution
    assert q["kind"].tolist() == ["indirect", "partial"]
    assert q["text"].tolist()[0] == 'the plan was "dead on arrival in this chamber" on Tuesday'
    assert q["speaker"].tolist() == ["Maria Lopez", "Maria Lopez"]
    assert q["cue"].tolist() == ["said", "said"]
    assert q["attribution_id"].tolist() == [0, 0]


# ---------------------------------------------------------------------------------------------
# speakers


@pytest.mark.parametrize(
    "text, mention, speaker, cue",
    [
        ('"We are ready for anything," he said.', "he", None, "said"),
        (
            '"We are ready for anything," said John Smith, a spokesman.',
            "John Smith, a spokesman",
            "John Smith",
            "said",
        ),
        ('John Smith said: "We are ready for anything."', "John Smith", "John Smith", "said"),
        ('"We are ready for anything," Smith told reporters.', "Smith", "Smith", "told"),
        (
            'According to Smith, "we are ready for anything."',
            "Smith",
            "Smith",
            "according to",
        ),
        ('"We are ready," Smith, a spokesman, said.', "Smith, a spokesman", "Smith", "said"),
        ('"We are ready," the spokeswoman added.', "the spokeswoman", None, "added"),
        ('"Are we ready?" asked Lee Chan.', "Lee Chan", "Lee Chan", "asked"),
        ('"We are ready," Smith said in a statement.', "Smith", "Smith", "said in a statement"),
        ('"We are ready," Smith\u00a0said.', "Smith", "Smith", "said"),
        # one adverb closing the attribution joins the cue
        ('"We are ready," Smith said recently.', "Smith", "Smith", "said recently"),
        ('"Are we ready?" Smith asked rhetorically.', "Smith", "Smith", "asked rhetorically"),
        ('"We are ready," Smith said then.', "Smith", "Smith", "said then"),
        ('"Is it over yet?" Hannity pressed.', "Hannity", "Hannity", "pressed"),
        ('Said Comey, "We found nothing at all."', "Comey", "Comey", "said"),
        ('As Lena Ortiz put it, "nobody wins a trade war."', "Lena Ortiz", "Lena Ortiz", "put it"),
        (
            '"We are ready," Rep. Ann Smith (D-Ohio) said Tuesday.',
            "Rep. Ann Smith (D-Ohio)",
            "Ann Smith",
            "said tuesday",
        ),
        (
            'The bill passed, and Ann Smith, who wrote it, called the vote "a win for families."',
            "Ann Smith, who wrote it",
            "Ann Smith",
            "called",
        ),
        (
            'Praise came from Gov. Mike Pence, who called the soldier "an American hero to us."',
            "who",
            "Mike Pence",
            "called",
        ),
        (
            # a participle phrase between commas is no apposition: not part of the source
            'Joe Biden, speaking on the radio, called the plan "a gift to the banks."',
            "Joe Biden",
            "Joe Biden",
            "called",
        ),
    ],
)
def test_speaker_shapes(text, mention, speaker, cue):
    q = quoted(text)
    assert len(q) == 1
    r = q.iloc[0]
    assert r["speaker_mention"] == mention
    assert text[r["speaker_start"] : r["speaker_end"]] == mention
    assert r["cue"] == cue
    assert " ".join(text[r["cue_start"] : r["cue_end"]].lower().split()) == cue
    if speaker is None:
        assert pd.isna(r["speaker"])
    else:
        assert r["speaker"] == speaker


def test_pronoun_resolves_to_most_recent_named_person():
    text = (
        "Clara Voss, a nurse from Leeds, spoke first. Then Peter Brandt, who runs the clinic, "
        "took the microphone.\n\n"
        '"We have waited long enough," he said.'
    )
    q = one(text)
    assert q["speaker_mention"].tolist() == ["he"]
    assert q["speaker"].tolist() == ["Peter Brandt"]


def test_pronoun_skips_a_person_of_the_other_gender():
    text = (
        "Maria Gomez, the mayor, said her office would help. Tom Reed, a builder, said his crew "
        "was ready.\n\n"
        '"We start on Monday," she said.'
    )
    q = quoted(text)
    assert q["speaker"].tolist() == ["Maria Gomez"]


def test_description_and_surname_resolve_to_full_name():
    text = (
        "Police officer Karen Holt was at the scene.\n\n"
        "Holt said the road was closed for hours.\n\n"
        '"Nobody was hurt, which is a small miracle," the officer says.\n\n'
        '"We were lucky," Holt added.'
    )
    q = quoted(text)
    assert q["speaker_mention"].tolist() == ["the officer", "Holt"]
    assert q["speaker"].tolist() == ["Karen Holt", "Karen Holt"]


def test_continuation_paragraph_keeps_previous_speaker():
    text = (
        '"The water is rising fast," said Ines Moreau, the harbour master.\n\n'
        '"We have closed the port until Thursday."\n\n'
        "Shops near the quay were boarded up."
    )
    q = one(text)
    assert q["speaker"].tolist() == ["Ines Moreau", "Ines Moreau"]
    # the continuation points at the mention that names the speaker
    assert q["speaker_start"].iloc[1] == q["speaker_start"].iloc[0]


def test_second_quote_in_paragraph_shares_speaker():
    text = '"It is late," said Ben Ode. "We should go home before the storm."'
    q = one(text)
    assert q["speaker"].tolist() == ["Ben Ode", "Ben Ode"]


def test_unattributed_quote_has_no_speaker():
    text = 'The sign on the door read nothing.\n\n"Closed until further notice for repairs."'
    q = one(text)
    assert len(q) == 1
    assert pd.isna(q["speaker"].iloc[0]) and pd.isna(q["speaker_start"].iloc[0])


def test_speakers_table():
    text = (
        '"The budget is balanced," said Nora Diaz, the treasurer. "Every cent is counted."\n\n'
        '"I disagree," said Omar Lind.'
    )
    sp = speakers(frame(text))
    assert sp.columns.tolist()[:4] == ["article_id", "speaker", "n_quotes", "quoted_words"]
    assert sp["speaker"].tolist() == ["Nora Diaz", "Omar Lind"]
    assert sp["n_quotes"].tolist() == [2, 1]
    assert sp["quoted_words"].tolist() == [8, 2]
    share = quote_share(frame(text)).iloc[0]
    assert share["n_speakers"] == 2 and share["top_speaker"] == "Nora Diaz"


# ---------------------------------------------------------------------------------------------
# frames


def test_columns_and_dtypes():
    q = one('"Fine," said Al Roe.')
    assert q.columns.tolist() == [
        "article_id", "quote_id", "attribution_id", "start", "end", "text", "n_words",
        "paragraph", "kind", "speaker", "speaker_mention", "speaker_start", "speaker_end", "cue",
        "cue_start", "cue_end",
    ]  # fmt: skip
    assert str(q["attribution_id"].dtype) == "Int64"
    assert str(q["cue_start"].dtype) == "Int64"
    assert q[["cue_start", "cue_end"]].values.tolist() == [[8, 12]]  # 'said'

    assert str(q["article_id"].dtype) == "string"
    assert str(q["start"].dtype) == "int64"
    assert str(q["speaker_start"].dtype) == "Int64"
    assert str(q["kind"].dtype) == "string"


def test_empty_input_gives_typed_empty_frames():
    empty = frame()
    q = quotes(empty)
    assert q.empty and str(q["start"].dtype) == "int64" and str(q["text"].dtype) == "string"
    s = quote_share(empty)
    assert s.empty and str(s["quote_share"].dtype) == "float64"
    sp = speakers(empty)
    assert sp.empty and str(sp["n_quotes"].dtype) == "int64"
    assert quoted_spans(q) == {}


def test_article_without_quotes_gets_zero_row():
    s = quote_share(frame("No one said anything today.", "", ids=["x", "y"]))
    assert s["article_id"].tolist() == ["x", "y"]
    assert s["n_quotes"].tolist() == [0, 0]
    assert s["quote_share"].iloc[0] == 0.0
    assert pd.isna(s["quote_share"].iloc[1])  # no words: no share at all, not 0
    assert s["n_speakers"].tolist() == [0, 0]
    assert s["top_speaker"].isna().all()
    assert str(s["n_quotes"].dtype) == "int64"
    assert quotes(frame("No one said anything today.")).empty


def test_non_default_index_and_row_independence():
    a = '"One," said Al Roe.'
    b = 'Nothing here. "Two words," Bo Lin said.'
    df = pd.DataFrame({"article_id": ["p", "q"], "text": [a, b]}, index=[10, 3])
    both = quotes(df)
    alone = quotes(pd.DataFrame({"article_id": ["q"], "text": [b]}))
    assert both["article_id"].tolist() == ["p", "q"]
    pd.testing.assert_frame_equal(
        both[both["article_id"] == "q"].reset_index(drop=True), alone.reset_index(drop=True)
    )
    assert quote_share(df)["article_id"].tolist() == ["p", "q"]
    pd.testing.assert_frame_equal(quotes(df), quotes(df))


def test_missing_columns_and_wrong_type():
    with pytest.raises(ValueError, match="text"):
        quotes(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(ValueError, match="article_id"):
        quote_share(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(TypeError):
        speakers(["not", "a", "frame"])


def test_quoted_spans_merges_and_filters_kinds():
    text = 'The "experts" agree. "Rates will fall," said Ed Park. "Soon," he added.'
    q = one(text)
    spans = quoted_spans(q)
    speech = q[q["kind"] != "scare"]
    assert spans == {"a0": sorted(zip(speech["start"], speech["end"], strict=True))}
    all_spans = quoted_spans(q, kinds=("direct", "partial", "scare"))
    assert len(all_spans["a0"]) == 3
    with pytest.raises(ValueError, match="kind"):
        quoted_spans(q, kinds=("speech",))


def test_share_and_speakers_reuse_a_quotes_frame():
    df = frame(
        '"The budget is balanced," said Nora Diaz. The "experts" agree.',
        "Nothing quoted here.",
        '"Fine," Al Roe said.',
        ids=["x", "y", "z"],
    )
    q = quotes(df)
    pd.testing.assert_frame_equal(quote_share(df, quotes=q), quote_share(df))
    pd.testing.assert_frame_equal(speakers(df, quotes=q), speakers(df))
    # a quotes frame decides what counts: without its speech rows nothing is quoted
    scare_only = q[q["kind"] == "scare"]
    assert quote_share(df, quotes=scare_only)["quoted_words"].tolist() == [0, 0, 0]
    with pytest.raises(ValueError, match="speaker"):
        quote_share(df, quotes=q.drop(columns=["speaker"]))


def test_quote_char_share():
    text = '"abc def," Al Roe said.'
    s = quote_share(frame(text)).iloc[0]
    assert s["quote_char_share"] == pytest.approx(len("abc def,") / len(text))
    assert s["quoted_words"] == 2 and s["total_words"] == 5


# ---------------------------------------------------------------------------------------------
# properties

_ALPHABET = st.sampled_from(
    list("ab Z.,:;!?-'\"\n") + ["“", "”", "‘", "’", "«", "»", "''", " said ", " he ", "Ann Lee"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_never_crashes_and_offsets_are_consistent(text):
    q = quotes(frame(text))
    check_offsets(q, {"a0": text})
    assert (q["start"] <= q["end"]).all()
    # a quotation never crosses a paragraph break
    assert not any("\n\n" in t or "\n \n" in t for t in q["text"])
    s = quote_share(frame(text)).iloc[0]
    if s["total_words"] == 0:
        assert pd.isna(s["quote_share"])
    else:
        assert 0.0 <= s["quote_share"] <= 1.0
    if text:
        assert 0.0 <= s["quote_char_share"] <= 1.0


def test_a_speaker_mention_ending_at_a_line_break_is_never_empty():
    # one word a line (bad input): the mention 'a statement' ran on to the line break after
    # it, which cut it to nothing, and resolving the empty mention crashed
    text = "in a statement\n.\ntold\n``\nsaid\n»"
    q = one(text)
    check_offsets(q, {"a0": text})
    assert q["speaker_mention"].dropna().tolist() == ["a statement"]


# ---------------------------------------------------------------------------------------------
# fast paths give what their plain definitions give

_SNIPPETS = st.sampled_from(
    list("ab Z-_.,;'\"\n\t(")
    + ["’", "“", "”", "``", "''", "\u00a0", "3.5", " said ", "Al Roe"]
    + [" spokesman ", " husband ", "the ", "ſ", "É"]
)
_TEXTS = st.lists(_SNIPPETS, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.integers(-3, 200), st.integers(-3, 200))
def test_words_inside_counts_whole_text_words_within_the_span(text, start, end):
    inside = [m for m in WORD_RE.finditer(text) if start <= m.start() and m.end() <= end]
    assert _words_inside(text, start, end) == len(inside)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_word_and_role_before_agree_with_the_regex(text):
    rules = _rules()
    for s in range(len(text) + 1):
        m = _PREV_WORD_RE.search(text, max(0, s - 30), s)
        word = m.group(1) if m else None
        assert _word_before(text, s) == word
        assert _role_before(text, s, rules) == (word in rules.roles)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text("abAB'-", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text("abAB'- .", max_size=30),
)
def test_grouped_alternation_matches_like_a_flat_one(words, text):
    flat = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    grouped = _alternation(words)
    # alone, between word boundaries, and with a tail that makes the engine backtrack
    for shape in ("(?:{})", r"\b(?:{})\b", "(?:{})(?:a|'|$)"):
        expected = [m.span() for m in re.finditer(shape.format(flat), text)]
        assert [m.span() for m in re.finditer(shape.format(grouped), text)] == expected


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.integers(0, 60), st.integers(0, 60))
def test_double_mark_test_agrees_with_the_regex(text, lo, hi):
    assert _has_double_mark(text, lo, hi) == (_DOUBLE_RE.search(text, lo, hi) is not None)


def test_marks_inside_markup_are_not_quotation_marks():
    text = '<note author="@deskeditor" date="May 2, 2024">The council met at noon.</note>'
    assert one(text).empty


@pytest.mark.parametrize(
    "text",
    [
        'She wrote an essay titled "Why the River Towns Keep Losing Their Young People."',
        'He is now the host of "The Late Hour With Sam Brook and Friends."',
        'The report, "Five Ways the City Could Save Its Buses," came out on Monday.',
    ],
)
def test_long_titles_are_not_speech(text):
    q = quoted(text)
    assert q["kind"].tolist() == ["scare"]


def test_title_case_headline_keeps_its_quotation():
    # five words or more in title case are a title, unless the sentence itself is a headline
    text = "Mayor Says Budget Plan Is \u2018Fair To Every Family In The City\u2019"
    q = quoted(text)
    assert q["kind"].tolist() != ["scare"]


def test_marks_around_nothing_make_no_row():
    # 5,000 straight double marks: 2,500 pairs around nothing, none of them a quotation
    assert one('"' * 5000).empty
    assert quoted('He said "" and left, then ""  again.').empty


def test_text_without_words_has_no_share():
    shares = quote_share(frame("", "... !!!"))
    assert shares[["quote_share", "reported_share", "attributed_share"]].isna().all().all()
    assert shares["total_words"].tolist() == [0, 0]


def test_a_quotation_opened_by_two_apostrophes_starts_a_sentence():
    # ''...'' marks: the second quotation is a statement of its own, by the same speaker
    text = "''The vote was a mess,'' said Nora Quill, a nurse. ''I do not think it went well.''"
    q = quoted(text)
    assert q["kind"].tolist() == ["direct", "direct"]
    assert q["speaker_mention"].tolist() == ["Nora Quill, a nurse"] * 2
    assert q["cue"].tolist() == ["said", "said"]


def test_said_name_closing_the_sentence_after_a_tail_of_the_quotation():
    # the quotation's sentence goes on after its closing mark, then ', said NAME' closes it
    text = (
        '"To see the cases is stunning," since so many cases were close, said Ann Lee, '
        "who teaches law."
    )
    q = quoted(text)
    assert q["speaker"].tolist() == ["Ann Lee"]
    assert q["cue"].tolist() == ["said"]
    text = (
        "''The best part is a new resilience,'' like the recent storms, said Tom Roe, "
        "the chief economist for the Harbor Board."
    )
    assert quoted(text)["speaker"].tolist() == ["Tom Roe"]
    # a quotation that ends its own sentence hands over to no later 'said NAME'
    text = '"It is over." Since then, said Ann Lee, the board has met twice.'
    assert quoted(text)["speaker"].isna().all()


def test_an_apposition_after_an_inverted_cue_ends_at_a_participle():
    text = '"The vote was a mess," said Nora Quill, a nurse, adding that she would appeal.'
    q = quoted(text)
    assert q["speaker_mention"].tolist() == ["Nora Quill, a nurse"]
    text = '"The vote was a mess," said Nora Quill, a nurse, becoming the first to object.'
    assert quoted(text)["speaker_mention"].tolist() == ["Nora Quill, a nurse"]


def test_the_verb_before_a_colon_is_the_cue():
    # 'notes' is no cue word, but a subject, a verb and a colon introduce the quotation
    text = 'The board met on Monday. Dr. Ward notes: "The vote is about power. Nothing else."'
    r = quoted(text).iloc[0]
    assert r["speaker_mention"] == "Dr. Ward"
    assert r["cue"] == "notes"


def test_a_fragment_with_a_source_but_no_cue_leaves_its_host_the_cue():
    from newslib.quotes.article import _number_attributions
    from newslib.quotes.marks import _Quote

    text = 'The board said she would "back the nominee" soon.'
    host = _Quote(15, 49, 15, 49, 0, 0, len(text), chain=-1, words=[])
    host.kind, host.cue, host.cue_span = "indirect", "said", (10, 14)
    frag = _Quote(26, 42, 25, 43, 0, 0, len(text), chain=0, words=[])
    frag.kind, frag.mention, frag.mention_kind = "partial", (15, 18), "pron"
    _number_attributions([host, frag])
    # the host takes the fragment's source and keeps its own cue; both share them
    assert host.mention == frag.mention == (15, 18)
    assert host.cue_span == frag.cue_span == (10, 14)
    assert host.attribution == frag.attribution


def test_articles_read_in_threads_give_what_they_give_one_by_one():
    # the rules keep memos of the last article (its sentence and cue starts): threads reading
    # different articles at once must still each get their own article's rows
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        f'Ann Lee{n} said the pier would close in {n} weeks. "We had no choice," she added. '
        f"According to Bo Roe{n}, the town will vote on it. Critics said it was rushed."
        for n in range(24)
    ]
    frames = [pd.DataFrame({"article_id": [f"a{n}"], "text": [t]}) for n, t in enumerate(texts)]
    alone = [quotes(frame) for frame in frames]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(5):
            together = list(pool.map(quotes, frames))
            assert all(a.equals(b) for a, b in zip(alone, together, strict=True))
    assert all(len(rows) >= 3 for rows in alone)


def test_quotes_string_columns_as_pandas_builds_them():
    # quotes() builds its string columns through one pyarrow array: the same Series, dtype and
    # arrow type as pandas' own path, for missing values (None, pd.NA) too
    import importlib

    tables = importlib.import_module("newslib.quotes.tables")
    values = ["Lee said", None, pd.NA, "", "naïve “quote”"]
    got, want = tables._column(values, "string"), pd.Series(values, dtype="string")
    assert got.equals(want) and got.dtype == want.dtype
    assert got.array._pa_array.type == want.array._pa_array.type
    assert tables._column([1, None], "Int64").equals(pd.Series([1, None], dtype="Int64"))


def test_a_stray_single_mark_before_a_quotation_leaves_it_its_row():
    # the single marks pair across sentences ('yes ... maybe.'): the double quotation between
    # them is no nested one
    q = quotes(frame("He said 'yes. \"No,\" Lee said. Roe said 'maybe.'"))
    direct = q[q["kind"] == "direct"]
    assert direct["text"].tolist() == ["No,"] and direct["speaker"].tolist() == ["Lee"]
    # nested in one sentence, it has no row of its own
    q = quotes(frame("‘We like the “new” plan,’ Lee said."))
    assert q["text"].tolist() == ["We like the “new” plan,"]


# ---------------------------------------------------------------------------------------------
# whole names: a nickname in marks, a generational suffix after a comma

# (text, kind, a phrase of the content, speaker, speaker_mention): the speaker before and after
# its cue, in direct and reported speech
WHOLE_NAMES = [
    # a nickname of two words in marks
    (
        'Ann "Big Red" Lee said the pier was safe.',
        "indirect",
        "pier",
        "Ann Lee",
        'Ann "Big Red" Lee',
    ),
    (
        'The pier is safe, said Ann "Big Red" Lee.',
        "indirect",
        "pier",
        "Ann Lee",
        'Ann "Big Red" Lee',
    ),
    (
        'The pier is safe, Ann "Big Red" Lee said.',
        "indirect",
        "pier",
        "Ann Lee",
        'Ann "Big Red" Lee',
    ),
    ('"It is safe," said Ann "Big Red" Lee.', "direct", "safe", "Ann Lee", 'Ann "Big Red" Lee'),
    ('"It is safe," Ann "Big Red" Lee said.', "direct", "safe", "Ann Lee", 'Ann "Big Red" Lee'),
    ('Ann "Big Red" Lee said: "It is safe."', "direct", "safe", "Ann Lee", 'Ann "Big Red" Lee'),
    ("“It is safe,” said Ann “Big Red” Lee.", "direct", "safe", "Ann Lee", "Ann “Big Red” Lee"),
    (
        'According to Ann "Big Red" Lee, the pier is safe.',
        "indirect",
        "pier",
        "Ann Lee",
        'Ann "Big Red" Lee',
    ),
    # a nickname of one word, in reported speech too
    ('Tom "Tiny" Roe said the dock was old.', "indirect", "dock", "Tom Roe", 'Tom "Tiny" Roe'),
    # a suffix after a comma
    ("Tom Roe, Jr., said the mill would close.", "indirect", "mill", "Tom Roe Jr.", "Tom Roe, Jr."),
    ("The mill will close, said Tom Roe, Jr.", "indirect", "mill", "Tom Roe Jr.", "Tom Roe, Jr."),
    ("The mill will close, Tom Roe, Jr., said.", "indirect", "mill", "Tom Roe Jr.", "Tom Roe, Jr."),
    (
        "According to Tom Roe, Jr., the mill will close.",
        "indirect",
        "mill",
        "Tom Roe Jr.",
        "Tom Roe, Jr.",
    ),
    ('"We tried," said Tom Roe, III.', "direct", "tried", "Tom Roe III", "Tom Roe, III"),
    ('"We tried," Tom Roe, Sr., said.', "direct", "tried", "Tom Roe Sr.", "Tom Roe, Sr."),
    ('Tom Roe, Jr., said: "We tried."', "direct", "tried", "Tom Roe Jr.", "Tom Roe, Jr."),
    # without a comma, at the sentence's end: the full stop is the suffix's too
    ("The mill will close, said Tom Roe Jr.", "indirect", "mill", "Tom Roe Jr.", "Tom Roe Jr."),
    # a suffix after a comma, then an apposition
    (
        "Tom Roe, Jr., a fisher, said the catch was poor.",
        "indirect",
        "catch",
        "Tom Roe Jr.",
        "Tom Roe, Jr., a fisher",
    ),
    (
        "The catch was poor, said Tom Roe, Jr., a fisher.",
        "indirect",
        "catch",
        "Tom Roe Jr.",
        "Tom Roe, Jr., a fisher",
    ),
    (
        '"The catch was poor," said Tom Roe, Jr., a fisher.',
        "direct",
        "catch",
        "Tom Roe Jr.",
        "Tom Roe, Jr., a fisher",
    ),
    (
        '"The catch was poor," Tom Roe, Jr., a fisher, said.',
        "direct",
        "catch",
        "Tom Roe Jr.",
        "Tom Roe, Jr., a fisher",
    ),
    (
        'Tom Roe, Jr., a fisher, said: "The catch was poor."',
        "direct",
        "catch",
        "Tom Roe Jr.",
        "Tom Roe, Jr., a fisher",
    ),
    # no suffix: the apposition is no part of the name
    (
        "Tom Roe, a fisher, said the catch was poor.",
        "indirect",
        "catch",
        "Tom Roe",
        "Tom Roe, a fisher",
    ),
    # capitalised words in marks that are no nickname: a title after a name
    (
        'Ann Lee said "Harbor Nights" was a fine show.',
        "indirect",
        "fine show",
        "Ann Lee",
        "Ann Lee",
    ),
]


@pytest.mark.parametrize(("text", "kind", "phrase", "speaker", "mention"), WHOLE_NAMES)
def test_a_speaker_is_read_with_the_whole_name(text, kind, phrase, speaker, mention):
    q = one(text)
    rows = q[(q["kind"] == kind) & q["text"].str.contains(phrase, regex=False)]
    assert len(rows) == 1, q[["kind", "text", "speaker_mention"]].values
    row = rows.iloc[0]
    assert (row["speaker"], row["speaker_mention"]) == (speaker, mention)
    assert text.count(mention) == 1
    start = text.index(mention)
    assert (row["speaker_start"], row["speaker_end"]) == (start, start + len(mention))


def test_a_bare_surname_after_a_name_with_a_comma_suffix_is_that_person():
    text = 'Tom Roe, Jr., said the mill would close. "We tried," Roe said.'
    q = one(text)
    assert q["kind"].tolist() == ["indirect", "direct"]
    assert q["speaker"].tolist() == ["Tom Roe Jr.", "Tom Roe Jr."]
    assert q["speaker_mention"].tolist() == ["Tom Roe, Jr.", "Roe"]
    assert q["speaker_start"].tolist() == [0, text.index("Roe said")]


def test_a_comma_suffix_needs_a_name_before_it():
    # 'Phase I, II': no surname before the comma, no suffix; 'Roe, Jrs' is no suffix word
    import importlib

    cues = importlib.import_module("newslib.quotes.cues")
    name = re.compile(cues._NAME)
    assert name.match("Phase I, II and III").group(0) == "Phase I"
    assert name.match("Tom Roe, Jrs said").group(0) == "Tom Roe"
    assert name.match("Tom Roe, Jr., said").group(0) == "Tom Roe, Jr."
    assert name.match("Ann Lee, iii").group(0) == "Ann Lee"
