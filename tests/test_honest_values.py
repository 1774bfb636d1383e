"""Honest values (issue 13, items 15 and 18): a text without words has no readability (NaN, not
textstat's 0.0 and grade 1.0) and every consumer copes; words of scripts with combining marks
stay whole; a URL in article text is inert in the HTML report. Every text here is written for
these tests."""

from __future__ import annotations

import importlib
import math
import re
import sys
import unicodedata
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import newslib  # noqa: E402
import newslib.plot  # noqa: E402
from newslib.cli import analysis_summary_text  # noqa: E402
from newslib.readability import COUNT_COLUMNS, INDEX_COLUMNS, readability  # noqa: E402
from newslib.resources import ensure_nltk_data  # noqa: E402
from newslib.text import WORD_RE, count_words, paragraphs, word_spans  # noqa: E402
from newslib.timeline import timeline  # noqa: E402

WORDLESS = {"empty": "", "dots": "...", "dash_marks": "— ! ?", "blank": "   \n\n  "}
# Every index but reading_time, a duration (0.0 s for an empty text, as textstat says).
UNDEFINED_WITHOUT_WORDS = [c for c in INDEX_COLUMNS if c != "reading_time"]
PLAIN = {
    "short": "The cat sat on the mat.",
    "council": (
        "The town council met on Monday evening to debate the new budget. Councillors argued "
        "for nearly four hours about road repairs and the cost of the swimming pool."
    ),
}


def _textstat(text: str) -> dict[str, float]:
    """textstat's own figures for ``text`` (its defaults), by the same names."""
    import textstat

    ensure_nltk_data()
    ts = textstat.textstat
    ts.set_lang("en_US")
    return {
        "ts_words": ts.lexicon_count(text),
        "ts_sentences": ts.sentence_count(text),
        "ts_characters": ts.char_count(text),
        "flesch_reading_ease": ts.flesch_reading_ease(text),
        "flesch_kincaid_grade": ts.flesch_kincaid_grade(text),
        "gunning_fog": ts.gunning_fog(text),
        "smog_index": ts.smog_index(text),
        "coleman_liau_index": ts.coleman_liau_index(text),
        "automated_readability_index": ts.automated_readability_index(text),
        "dale_chall": ts.dale_chall_readability_score(text),
        "linsear_write": ts.linsear_write_formula(text),
        "text_standard": ts.text_standard(text, float_output=True),
        "reading_time": ts.reading_time(text),
    }


# --------------------------------------------------------------------------------------------
# Readability of a text without words
# --------------------------------------------------------------------------------------------


def test_texts_without_words_have_no_readability_and_the_others_keep_textstats():
    texts = {**WORDLESS, **PLAIN}
    df = pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})
    result = readability(df).set_index("article_id")
    for name, text in WORDLESS.items():
        row = result.loc[name]
        expected = _textstat(text)
        # textstat says 0.0 for each index and 1.0 ("first grade") for the consensus.
        assert expected["flesch_kincaid_grade"] == 0.0 and expected["text_standard"] == 1.0
        for column in UNDEFINED_WITHOUT_WORDS:
            assert math.isnan(row[column]), (name, column, row[column])
        # The counts stay what they are: no words, and textstat's sentences and characters.
        assert row["ts_words"] == 0
        for column in ("ts_sentences", "ts_characters", "reading_time"):
            assert row[column] == expected[column], (name, column)
    assert result.loc["empty", "ts_sentences"] == 0 and result.loc["empty", "reading_time"] == 0
    for name, text in PLAIN.items():
        row = result.loc[name]
        expected = _textstat(text)
        for column, value in expected.items():
            assert row[column] == pytest.approx(value, abs=1e-9), (name, column)
            assert not math.isnan(row[column])
    assert all(str(result[c].dtype) == "int64" for c in COUNT_COLUMNS)
    assert all(str(result[c].dtype) == "float64" for c in INDEX_COLUMNS)
    # The columns that can be NaN are named in the module.
    module = importlib.import_module("newslib.readability")  # newslib.readability: a function
    public = getattr(module, "UNDEFINED_WITHOUT_WORDS", None)
    assert public == UNDEFINED_WITHOUT_WORDS


def test_a_paragraph_without_words_has_no_readability():
    df = pd.DataFrame({"article_id": ["a"], "text": [PLAIN["council"] + "\n\n* * *\n\nIt ended."]})
    result = readability(df, level="paragraph")
    assert result["ts_words"].tolist()[1] == 0
    grades = result["flesch_kincaid_grade"].tolist()
    assert not math.isnan(grades[0]) and math.isnan(grades[1]) and not math.isnan(grades[2])
    assert math.isnan(result["text_standard"].iloc[1])


def _corpus() -> pd.DataFrame:
    """Three dated articles of two sources in one month; the empty one has no words."""
    return pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "title": ["Council budget", "Cat story", "Nothing"],
            "source": ["Gazette", "Courier", "Gazette"],
            "date": pd.to_datetime(["2024-01-03", "2024-01-10", "2024-01-17"]),
            "text": [PLAIN["council"], PLAIN["short"], ""],
        }
    )


@pytest.fixture(scope="module")
def analysed():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return newslib.analyze(_corpus())


def _scored(articles: pd.DataFrame, column: str) -> list[float]:
    return articles.loc[articles["article_id"] != "c", column].astype(float).tolist()


def test_readability_is_undefined_exactly_where_quote_shares_are(analysed):
    for column in ("quote_share", *UNDEFINED_WITHOUT_WORDS):
        missing = analysed[column].isna().tolist()
        assert missing == [False, False, True], column
    for text in WORDLESS.values():
        assert count_words(text) == 0


def test_summary_means_leave_the_article_without_words_out(analysed):
    assert math.isnan(analysed.loc[analysed["article_id"] == "c", "flesch_kincaid_grade"].iloc[0])
    text = analysis_summary_text(analysed, n_sentences=4, n_quotes=0)
    line = next(line for line in text.splitlines() if line.startswith("readability:"))
    numbers = [float(x) for x in re.findall(r"-?\d+\.\d+", line)]
    # the median article and the middle half, as the report states them (one decimal)
    expected = np.percentile(_scored(analysed, "flesch_kincaid_grade"), [50, 25, 75])
    assert len(numbers) == 3 and all(math.isfinite(x) for x in numbers)
    assert numbers == pytest.approx(expected.tolist(), abs=0.051)
    assert "1 article without words left out" in line


def test_timeline_means_skip_the_article_without_words(analysed):
    out = timeline(analysed, freq="M", metrics=["flesch_kincaid_grade"])
    assert out["n_articles"].tolist() == [3]
    assert out["flesch_kincaid_grade_n"].tolist() == [2]
    value = float(out["flesch_kincaid_grade"].iloc[0])
    assert math.isfinite(value)
    assert value == pytest.approx(np.mean(_scored(analysed, "flesch_kincaid_grade")))
    by_source = timeline(analysed, freq="M", metrics=["text_standard"], by="source")
    gazette = by_source[by_source["source"] == "Gazette"]
    assert gazette["text_standard_n"].tolist() == [1]
    assert float(gazette["text_standard"].iloc[0]) == pytest.approx(
        float(analysed.loc[analysed["article_id"] == "a", "text_standard"].iloc[0])
    )


def test_figures_draw_on_a_corpus_with_an_article_without_words(analysed):
    fig, axes = plt.subplots(2, 2)
    try:
        ax = newslib.plot.readability(analysed, ax=axes[0, 0])
        labels = [t.get_text() for t in ax.get_legend().get_texts()]
        assert "1 article without a value left out" in labels
        assert len(ax.patches) > 0  # the histogram of the two other articles is drawn
        newslib.plot.readability(analysed, metric="text_standard", by="source", ax=axes[0, 1])
        newslib.plot.timeline(analysed, metric="flesch_kincaid_grade", freq="W", ax=axes[1, 0])
        newslib.plot.scatter(
            analysed, x="flesch_kincaid_grade", y="compound_mean", hue="source", ax=axes[1, 1]
        )
        fig.canvas.draw()
        line = axes[1, 0].get_lines()[0]
        ys = np.asarray(line.get_ydata(), dtype=float)
        assert np.isfinite(ys).sum() == 2 and np.isnan(ys).sum() == 1  # no point at 0.0
    finally:
        plt.close(fig)


def test_notebook_findings_leave_the_article_without_words_out():
    from newslib import notebook as nb

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = nb.prepare(_corpus())
    text = nb.readability_findings(data)
    assert "1 article has no Flesch–Kincaid grade" in text
    assert "Nothing" not in text  # the empty article is neither the hardest nor the easiest
    scores = nb.paragraph_scores(data, "c", "flesch_kincaid_grade")
    assert len(scores) == 0


# --------------------------------------------------------------------------------------------
# Words in scripts with combining marks
# --------------------------------------------------------------------------------------------

HINDI = "नमस्ते दुनिया"  # "hello world": virama and vowel signs (Mn, Mc)
HEBREW = "שָׁלוֹם עוֹלָם"  # "hello world" with niqqud (Mn)
ARABIC = "مَرْحَبًا بِالْعَالَمِ"  # "welcome to the world" with harakat (Mn)


@pytest.mark.parametrize("phrase", [HINDI, HEBREW, ARABIC], ids=["hindi", "hebrew", "arabic"])
def test_words_with_combining_marks_are_whole(phrase):
    assert count_words(phrase) == 2
    first, second = phrase.split(" ")
    assert word_spans(phrase) == [(0, len(first)), (len(first) + 1, len(phrase))]
    frame = pd.DataFrame({"article_id": ["x"], "text": [phrase + ".\n\n" + phrase]})
    assert paragraphs(frame)["n_words"].tolist() == [2, 2]


def test_every_combining_mark_belongs_to_the_word_it_follows():
    marks = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me")
    ]
    assert len(marks) > 1000
    joined = [f"a{mark}b" for mark in marks]
    assert [WORD_RE.fullmatch(word) is not None for word in joined] == [True] * len(marks)
    # A mark with no letter before it starts no word; the rules for English are unchanged.
    assert count_words(" \u0301 ") == 0 and count_words("\u0301abc") == 1
    text = "The U.S. economy grew 3.5% in 2,000 well-known places, didn't it?"
    assert count_words(text) == 12


# --------------------------------------------------------------------------------------------
# Bare URLs in the HTML report
# --------------------------------------------------------------------------------------------

URL_TEXT = "see https://example.com/x and www.example.org"


def _write_article(folder, stem, title, source, date, body):
    front = f'---\ntitle: "{title}"\nsource: {source}\ndate: {date}\n---\n\n'
    (folder / f"{stem}.md").write_text(front + body + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def report_html(tmp_path_factory):
    from newslib.report import build_report

    corpus = tmp_path_factory.mktemp("honest-report") / "corpus"
    corpus.mkdir()
    _write_article(
        corpus,
        "links",
        f"Budget row: {URL_TEXT}",
        "Gazette",
        "2024-01-08",
        f"The council published its budget; {URL_TEXT} for the figures.\n\n"
        '"We will read every line," said Mayor Ana Ruiz.',
    )
    _write_article(
        corpus,
        "ferry",
        "Ferry line opens",
        "Courier",
        "2024-02-12",
        "The new ferry line opened on Monday, and commuters praised the short, calm crossing "
        "between the old pier and the university.",
    )
    # Punctuation only: an article without words (no readability) in every notebook.
    _write_article(corpus, "dots", "Placeholder", "Gazette", "2024-03-04", "— ! ?")
    out = corpus.parent / "report.html"
    build_report(corpus, out, progress=False)
    return out.read_text(encoding="utf-8")


def test_report_shows_urls_of_article_text_as_text_not_links(report_html):
    anchors = re.findall(r"<a\b[^>]*>", report_html, re.IGNORECASE)
    pointing = [a for a in anchors if re.search(r"example\.(com|org)", a)]
    assert pointing == []
    # The URL is still shown, as text.
    assert "https://example.com/x" in report_html and "www.example.org" in report_html
    # The links newslib writes (the contents) are still links.
    assert re.search(r'<nav class="newslib-toc">.*?<a href="#', report_html, re.S)
