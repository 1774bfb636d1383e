"""Tests for newslib.quotes.shares: quoted, reported and attributed words per article and per
speaker, and the corpus totals, from quotes tables written by hand for the tests."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslib.quotes import quote_share, quotes, speakers
from newslib.quotes.shares import pooled_voices
from newslib.text import WORD_RE

TEXT = (
    'Mayor Ann Lee said the new bridge was "a disaster" for the town. '
    '"We will rebuild it," Lee said. '
    "According to Tom Ruiz, the council will vote in May. "
    'The "river" rose overnight.'
)

# (kind, content, speaker, attribution_id): the attributed speech of TEXT, by hand
ROWS = [
    ("indirect", 'the new bridge was "a disaster" for the town', "Ann Lee", 0),
    ("partial", "a disaster", "Ann Lee", 0),
    ("direct", "We will rebuild it,", "Ann Lee", 1),
    ("indirect", "the council will vote in May", "Tom Ruiz", 2),
    ("scare", "river", None, None),
]


def words(text: str) -> int:
    return len(WORD_RE.findall(text))


def articles(**texts: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})


def table(text: str, rows, article_id: str = "a", *, ids: bool = True) -> pd.DataFrame:
    """A quotes table in the newslib.quotes layout; offsets found with str.index."""
    out = []
    for kind, content, speaker, attribution in rows:
        start = text.index(content)
        out.append(
            {
                "article_id": article_id,
                "start": start,
                "end": start + len(content),
                "text": content,
                "kind": kind,
                "speaker": speaker,
                "attribution_id": attribution,
            }
        )
    frame = pd.DataFrame(out).astype(
        {"article_id": "string", "kind": "string", "speaker": "string", "attribution_id": "Int64"}
    )
    return frame if ids else frame.drop(columns=["attribution_id"])


QUOTED = words("a disaster") + words("We will rebuild it,")
REPORTED = words(ROWS[0][1]) - words("a disaster") + words(ROWS[3][1])


def test_quoted_reported_and_attributed_words():
    row = quote_share(articles(a=TEXT), quotes=table(TEXT, ROWS)).iloc[0]
    total = words(TEXT)
    assert (QUOTED, REPORTED) == (6, 13)  # the independent count, spelled out
    assert row["quoted_words"] == QUOTED
    assert row["reported_words"] == REPORTED
    assert row["attributed_words"] == QUOTED + REPORTED
    assert row["total_words"] == total
    assert row["quote_share"] == pytest.approx(QUOTED / total)
    assert row["reported_share"] == pytest.approx(REPORTED / total)
    assert row["attributed_share"] == pytest.approx((QUOTED + REPORTED) / total)
    assert row["attributed_share"] == pytest.approx(row["quote_share"] + row["reported_share"])
    assert row["n_attributions"] == 3  # ids 0, 1, 2; the scare quote is not speech
    assert row["n_quotes"] == 2 and row["n_speakers"] == 1 and row["top_speaker"] == "Ann Lee"


def test_quote_share_keeps_its_meaning_with_indirect_rows():
    # The quotation columns are those of the same table without its indirect rows.
    df = articles(a=TEXT)
    q = table(TEXT, ROWS)
    with_indirect = quote_share(df, quotes=q)
    without = quote_share(df, quotes=q[q["kind"] != "indirect"])
    old = [
        "article_id", "n_quotes", "quoted_words", "total_words", "quote_share",
        "quote_char_share", "n_speakers", "top_speaker",
    ]  # fmt: skip
    pd.testing.assert_frame_equal(with_indirect[old], without[old])
    assert without["reported_words"].tolist() == [0]
    assert without["attributed_words"].tolist() == [QUOTED]


def test_columns_dtypes_and_empty_input():
    share = quote_share(articles(a=TEXT), quotes=table(TEXT, ROWS))
    assert share.columns.tolist()[-5:] == [
        "n_attributions", "reported_words", "reported_share", "attributed_words",
        "attributed_share",
    ]  # fmt: skip
    empty = quote_share(articles(), quotes=table(TEXT, ROWS).iloc[0:0])
    assert empty.empty and list(empty.columns) == list(share.columns)
    assert (empty.dtypes.astype(str) == share.dtypes.astype(str)).all()
    assert str(share["n_attributions"].dtype) == "int64"
    assert str(share["reported_share"].dtype) == "float64"
    sp = speakers(articles(), quotes=table(TEXT, ROWS).iloc[0:0])
    assert sp.columns.tolist() == [
        "article_id", "speaker", "n_quotes", "quoted_words", "attributed_words", "n_attributions",
    ]  # fmt: skip
    assert str(sp["attributed_words"].dtype) == "int64"


def test_article_without_speech_has_zero_shares():
    df = articles(a=TEXT, b="The river rose overnight.", c="")
    share = quote_share(df, quotes=table(TEXT, ROWS)).set_index("article_id")
    for aid in ("b", "c"):
        row = share.loc[aid]
        assert row["n_attributions"] == 0
        assert row["reported_words"] == 0 and row["attributed_words"] == 0
    assert share.loc["b", "reported_share"] == 0.0 and share.loc["b", "attributed_share"] == 0.0
    # an empty text has no share at all
    assert pd.isna(share.loc["c", "reported_share"]) and pd.isna(share.loc["c", "attributed_share"])


def test_n_attributions_without_attribution_ids_counts_rows():
    df = articles(a=TEXT)
    no_ids = quote_share(df, quotes=table(TEXT, ROWS, ids=False)).iloc[0]
    assert no_ids["n_attributions"] == 4  # four speech rows, the scare row left out
    # NA ids: each such row is an attribution of its own
    q = table(TEXT, ROWS)
    q.loc[q["kind"] == "direct", "attribution_id"] = pd.NA
    q.loc[q["kind"] == "partial", "attribution_id"] = pd.NA
    assert quote_share(df, quotes=q).iloc[0]["n_attributions"] == 4
    # the shares do not depend on the ids
    pd.testing.assert_frame_equal(
        quote_share(df, quotes=table(TEXT, ROWS)).drop(columns="n_attributions"),
        quote_share(df, quotes=table(TEXT, ROWS, ids=False)).drop(columns="n_attributions"),
    )


def test_speakers_with_reported_speech():
    sp = speakers(articles(a=TEXT), quotes=table(TEXT, ROWS))
    assert sp["speaker"].tolist() == ["Ann Lee", "Tom Ruiz"]
    ann, tom = sp.iloc[0], sp.iloc[1]
    assert ann["n_quotes"] == 2 and ann["quoted_words"] == QUOTED
    # the partial quotation lies inside her indirect speech: its words count once
    assert ann["attributed_words"] == words(ROWS[0][1]) + words(ROWS[2][1])
    assert ann["n_attributions"] == 2
    # a speaker with only indirect speech is listed, with no quotations
    assert tom["n_quotes"] == 0 and tom["quoted_words"] == 0
    assert tom["attributed_words"] == words(ROWS[3][1]) and tom["n_attributions"] == 1


def test_speakers_ordered_by_attributed_words():
    text = (
        '"Yes," said Bo Park. Ida Moss said the council had broken every promise it made. '
        '"No," said Cy Hall. "Maybe not," Cy Hall added.'
    )
    rows = [
        ("direct", "Yes,", "Bo Park", 0),
        ("indirect", "the council had broken every promise it made", "Ida Moss", 1),
        ("direct", "No,", "Cy Hall", 2),
        ("direct", "Maybe not,", "Cy Hall", 3),
    ]
    sp = speakers(articles(a=text), quotes=table(text, rows))
    # most attributed words first; then quoted words; then first appearance
    assert sp["speaker"].tolist() == ["Ida Moss", "Cy Hall", "Bo Park"]
    assert sp["attributed_words"].tolist() == [8, 3, 1]
    # quote_share's top speaker is still the most quoted one
    assert quote_share(articles(a=text), quotes=table(text, rows))["top_speaker"].tolist() == [
        "Cy Hall"
    ]


def test_without_a_quotes_table_the_quotes_are_found():
    df = articles(a='"We will rebuild it," said Ann Lee. The river rose.', b="Nothing here.")
    q = quotes(df)
    pd.testing.assert_frame_equal(quote_share(df), quote_share(df, quotes=q))
    pd.testing.assert_frame_equal(speakers(df), speakers(df, quotes=q))
    row = quote_share(df).iloc[0]
    assert row["quoted_words"] == 4 and row["attributed_words"] >= row["quoted_words"]


_KINDS = st.sampled_from(["direct", "partial", "indirect", "scare"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(_KINDS, st.integers(-3, len(TEXT) + 3), st.integers(0, 40), st.integers(0, 3)),
        max_size=8,
    )
)
def test_shares_add_up_for_any_spans(raw):
    q = pd.DataFrame(
        [("a", s, s + n, k, f"P{who}", who) for k, s, n, who in raw],
        columns=["article_id", "start", "end", "kind", "speaker", "attribution_id"],
    )
    row = quote_share(articles(a=TEXT), quotes=q).iloc[0]
    # reference: the words of the whole text inside some span of each kind
    spans = [(s, e, k) for _, s, e, k, _, _ in q.itertuples(index=False)]

    def inside(kinds):
        return sum(
            any(s <= m.start() and m.end() <= e for s, e, k in spans if k in kinds)
            for m in WORD_RE.finditer(TEXT)
        )

    quoted, attributed = inside({"direct", "partial"}), inside({"direct", "partial", "indirect"})
    # merged spans can hold a word that no single span holds: the union counts it
    assert row["quoted_words"] >= quoted and row["attributed_words"] >= attributed
    assert row["attributed_words"] == row["quoted_words"] + row["reported_words"]
    assert row["reported_words"] >= 0
    assert 0.0 <= row["quote_share"] <= row["attributed_share"] <= 1.0
    assert row["reported_share"] == pytest.approx(row["attributed_share"] - row["quote_share"])
    speech = q[q["kind"] != "scare"]
    assert row["n_attributions"] == speech["attribution_id"].nunique()
    sp = speakers(articles(a=TEXT), quotes=q)
    assert sorted(sp["speaker"]) == sorted(speech["speaker"].unique())
    assert (sp["attributed_words"] <= row["attributed_words"]).all()
    assert sp["attributed_words"].is_monotonic_decreasing


# Two more articles for the columnar path, written for these tests.
OTHER = 'Tom Roe said the Harbor Board met. "It\'s done," he said. The well-known 3.5 rule held.'
THIRD = "Nothing is quoted here."


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "x"]),  # "x": an article not in the frame
            _KINDS,
            st.integers(-2, len(TEXT) + 2),
            st.integers(0, 60),
            st.sampled_from([None, "", "Ann Lee", "Tom Roe", "Lee"]),
            st.one_of(st.none(), st.integers(0, 3)),
        ),
        max_size=14,
    ),
    st.booleans(),
    st.booleans(),
)
def test_columns_at_once_equal_the_rows_one_by_one(raw, with_ids, inside):
    """quote_share's columnar path gives, for any spans (inside the text, or not: then it is
    the row-by-row path), exactly the rows of _share_row per article."""
    from newslib.quotes.shares import _items_from_frame, _share_row
    from newslib.text import _Words

    df = articles(a=TEXT, b=OTHER, c=THIRD)
    length = {"a": len(TEXT), "b": len(OTHER), "c": len(THIRD), "x": 10}
    if inside:  # every span inside its text: the columnar path
        raw = [(a, k, min(max(s, 0), length[a]), n, *rest) for a, k, s, n, *rest in raw]
        raw = [(a, k, s, min(n, length[a] - s), *rest) for a, k, s, n, *rest in raw]
    q = pd.DataFrame(
        [(a, s, s + n, k, who, aid) for a, k, s, n, who, aid in raw],
        columns=["article_id", "start", "end", "kind", "speaker", "attribution_id"],
    ).astype({"article_id": "string", "speaker": "string", "attribution_id": "Int64"})
    if not with_ids:
        q = q.drop(columns="attribution_id")
    items = _items_from_frame(q, "test")
    expected = pd.DataFrame(
        [
            _share_row(aid, _Words(text), items.get(aid, []))
            for aid, text in zip(df.article_id, df.text, strict=True)
        ]
    ).astype(quote_share(df, quotes=q).dtypes.to_dict())
    pd.testing.assert_frame_equal(quote_share(df, quotes=q), expected, check_exact=True)


def test_pooled_voices_sums_words_not_shares():
    t = pd.DataFrame(
        {
            "source": ["A", "A", None, "B"],
            "total_words": [100, 300, 50, 0],
            "quoted_words": [50, 30, 0, 0],
            "reported_words": [10, 60, 5, 0],
        }
    )
    whole = pooled_voices(t).iloc[0]
    assert whole["n_articles"] == 4 and whole["total_words"] == 450
    assert whole["own_words"] == 450 - 80 - 75
    assert whole["quoted_share"] == pytest.approx(80 / 450)  # not the mean of 0.5 and 0.1
    assert whole["quoted_share"] + whole["reported_share"] + whole["own_share"] == pytest.approx(1)
    by = pooled_voices(t, by="source")
    assert by["source"].tolist()[:2] == ["A", "B"] and pd.isna(by["source"].iloc[2])
    assert by["n_articles"].tolist() == [2, 1, 1]
    assert by["reported_share"].iloc[0] == pytest.approx(70 / 400)
    assert pd.isna(by["quoted_share"].iloc[1])  # no words: no share
    # a table from before reported speech: reported and own words unknown
    old = pooled_voices(t.drop(columns="reported_words")).iloc[0]
    assert old["quoted_share"] == pytest.approx(80 / 450)
    assert pd.isna(old["reported_share"]) and pd.isna(old["own_share"])
    with pytest.raises(ValueError, match="total_words"):
        pooled_voices(t.drop(columns="total_words"))
