"""The PolNeAR quotation benchmark's scoring functions, on tiny texts written here.

No corpus text is used: the end-to-end test writes its own three-article corpus in BRAT format.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `pytest` run without `python -m`: make benchmarks importable
    sys.path.insert(0, str(ROOT))

from benchmarks import quotes_polnear as bench  # noqa: E402
from benchmarks._polnear_split import is_unseen, split_of  # noqa: E402

# ------------------------------------------------------------------------------------------
# span reduction


def _span(text: str, piece: str) -> tuple[int, int]:
    a = text.index(piece)
    return a, a + len(piece)


def test_reduce_span_drops_marks_and_punctuation_at_the_edges():
    text = 'Intro. "We will win," she said.'
    starts, ends = bench.word_tokens(text)
    quoted = _span(text, '"We will win,"')
    assert bench.reduce_span(starts, ends, *quoted) == _span(text, "We will win")
    # the same words without the marks reduce to the same span
    assert bench.reduce_span(starts, ends, *_span(text, "We will win")) == _span(
        text, "We will win"
    )
    assert bench.reduce_span(starts, ends, *_span(text, " she said.")) == _span(text, "she said")


def test_reduce_span_needs_whole_words():
    text = "The mayor’s aide spoke, then left."
    starts, ends = bench.word_tokens(text)
    # "mayor" is only part of the word "mayor’s": nothing is left
    assert bench.reduce_span(starts, ends, *_span(text, "mayor")) is None
    assert bench.reduce_span(starts, ends, *_span(text, ", ")) is None
    assert bench.reduce_span(starts, ends, 0, 0) is None
    # a span cutting into its last word keeps the words before it
    a, _ = _span(text, "aide spoke")
    assert bench.reduce_span(starts, ends, a, a + len("aide spo")) == _span(text, "aide")
    spans = [_span(text, "mayor"), _span(text, "aide spoke,"), _span(text, ", ")]
    assert bench.reduce_spans(starts, ends, spans) == [_span(text, "aide spoke")]


def test_reduce_span_at_text_edges():
    text = "Yes"
    starts, ends = bench.word_tokens(text)
    assert bench.reduce_span(starts, ends, 0, 3) == (0, 3)
    assert bench.reduce_span([], [], 0, 10) is None


def test_token_indices_is_a_union_of_whole_words():
    text = "one two three four five"
    starts, ends = bench.word_tokens(text)
    spans = [_span(text, "two three"), _span(text, "three four"), _span(text, "ive")]
    assert bench.token_indices(starts, ends, spans) == {1, 2, 3}
    assert bench.token_indices(starts, ends, []) == set()


# ------------------------------------------------------------------------------------------
# matching and counting


def test_prf():
    assert bench.prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert bench.prf(3, 1, 0) == (0.75, 1.0, pytest.approx(6 / 7))
    assert bench.prf(0, 2, 2) == (0.0, 0.0, 0.0)


def test_match_spans_with_and_without_dedup():
    gold = [(0, 3), (0, 3), (5, 8)]
    predicted = [(0, 3), (0, 3), (9, 12)]
    # sources and cues: a span shared by several attributions counts once on either side
    assert bench.match_spans(gold, predicted, dedup=True) == (1, 2, 2)
    # content: one span per row / fragment, matched as multisets
    assert bench.match_spans(gold, predicted) == (2, 3, 3)
    assert bench.match_spans([(0, 3)], [(0, 3), (0, 3)]) == (1, 2, 1)
    assert bench.match_spans([], []) == (0, 0, 0)


def _article(name: str, text: str, ann_text: str) -> bench.Article:
    ann = bench.parse_ann(ann_text)
    return bench.Article(name, text, bench._contents(ann), ann, *bench.word_tokens(text))


TEXT = 'Title\n\n"We will win," Jane Roe said. "And soon." She added that taxes would fall.'


def _ann(text: str) -> str:
    def t(tid: str, label: str, *pieces: str) -> str:
        frags = [_span(text, p) for p in pieces]
        offsets = ";".join(f"{a} {b}" for a, b in frags)
        return f"{tid}\t{label} {offsets}\t{' '.join(text[a:b] for a, b in frags)}"

    return "\n".join(
        [
            t("T1", "Source", "Jane Roe"),
            t("T2", "Cue", "said"),
            # one discontinuous Content: two fragments
            t("T3", "Content", '"We will win,"', '"And soon."'),
            t("T4", "Attribution", "said"),
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
            t("T5", "Source", "She"),
            t("T6", "Cue", "added"),
            t("T7", "Content", "that taxes would fall"),
            t("T8", "Attribution", "added"),
            "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        ]
    )


def test_score_attribution_article_counts():
    art = _article("a", TEXT, _ann(TEXT))
    s = TEXT.index
    source = _span(TEXT, "Jane Roe")
    pred = bench.Predicted(
        rows=[
            (_span(TEXT, "We will win,"), source, None),  # exact after reduction
            (_span(TEXT, "And soon."), source, None),  # same source: counted once
            (_span(TEXT, "taxes would fall"), (s("She"), s("She") + 3), None),  # no "that"
        ]
    )
    rec = bench.score_attribution_article(art, pred)
    # gold words: We will win And soon that taxes would fall = 9; predicted misses "that"
    assert (rec["tp"], rec["fp"], rec["fn"]) == (8, 0, 1)
    assert rec["content"] == (2, 3, 3)
    assert rec["source"] == (2, 2, 2)
    assert rec["cue"] == (0, 0, 2)  # no cue spans predicted
    n_words = len(art.starts)
    assert rec["abs_err"] == pytest.approx(abs(8 / n_words - 9 / n_words))
    # a share given by quote_share() is used as it is
    pred.share = 0.5
    rec = bench.score_attribution_article(art, pred)
    assert rec["abs_err"] == pytest.approx(abs(0.5 - 9 / n_words))

    summary = bench.summarize_attributions([rec, rec])
    assert summary["content_precision"] == 1.0
    assert summary["content_recall"] == pytest.approx(8 / 9)
    assert summary["exact_content"]["matched"] == 4
    assert summary["exact_content_f1"] == pytest.approx(2 / 3)
    assert summary["exact_source_f1"] == 1.0
    assert summary["exact_cue_f1"] == 0.0
    assert summary["attributed_share_mae"] == pytest.approx(rec["abs_err"])


def test_predicted_spans_drop_missing_sources_and_cues():
    pred = bench.Predicted(rows=[((0, 5), None, (6, 10)), ((11, 20), (21, 25), None)])
    assert pred.content == [(0, 5), (11, 20)]
    assert pred.source == [(21, 25)]
    assert pred.cue == [(6, 10)]


# ------------------------------------------------------------------------------------------
# annotation files


def test_parse_ann_is_robust():
    ann = bench.parse_ann(
        "T1\tSource 0 3\tOne\n"
        "T2\tContent 10 20;30 40\ttwo parts\n"
        "T3\tDiscuss 50 60\tsomething\n"
        "T4\tContent 70 90\ta text over\n"
        "two lines\n"
        "T5\tCue 5 x\tbroken offsets\n"
        "#1\tAnnotatorNotes T1\ta note\n"
        "\n"
        "E1\tAttribution:T9 Content:T2 Content2:T4 Source:T1\n"
    )
    assert ann.spans["T2"] == ("Content", [(10, 20), (30, 40)], "two parts")
    assert ann.fragments("Content") == [(10, 20), (30, 40), (70, 90)]
    assert ann.fragments("Discuss") == [(50, 60)]
    assert "T5" not in ann.spans
    assert ann.links == [{"Attribution": ["T9"], "Content": ["T2", "T4"], "Source": ["T1"]}]
    assert ann.roles["Content2"] == 1
    assert ann.skipped == {
        "continuation of a multi-line span text": 1,
        "malformed T line": 1,
        "note (#)": 1,
        "blank line": 1,
    }
    # the E line's unknown T9 is ignored; Content2 counts as Content
    assert [c[0] for c in bench._contents(ann)] == [[(10, 20), (30, 40)], [(70, 90)]]


# ------------------------------------------------------------------------------------------
# split


def test_split_is_fixed():
    # pinned: changing the rule would silently move articles between dev and unseen
    assert is_unseen("example_2016-01-01_story-b")
    assert is_unseen("example_2016-01-04_story-c")
    assert not is_unseen("example_2016-01-01_story-a")
    assert not is_unseen("example_2016-01-01_story-c")
    assert is_unseen(Path("text/example_2016-01-01_story-b.txt"))
    assert split_of("example_2016-01-01_story-b") == "unseen"
    assert split_of("example_2016-01-01_story-a") == "dev"


def test_split_is_about_a_fifth():
    names = [f"publisher_2016-01-01_article-{i}" for i in range(5000)]
    share = sum(map(is_unseen, names)) / len(names)
    assert 0.18 < share < 0.22


# ------------------------------------------------------------------------------------------
# errors and the whole run on a corpus written here


def test_sample_errors_takes_kinds_in_turn():
    errors = [("a", i) for i in range(5)] + [("b", i) for i in range(2)]
    sample = bench.sample_errors(errors, 4)
    assert [e[0] for e in sample] == ["a", "b", "a", "b"]
    assert bench.sample_errors(errors, 4) == sample  # fixed order
    assert len(bench.sample_errors(errors, 100)) == 7


def test_main_skips_without_the_corpus(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(bench, "POLNEAR", tmp_path / "absent")
    assert bench.main([]) == 0
    assert "skipped" in capsys.readouterr().out


ARTICLES = {  # two dev articles and one unseen one (see test_split_is_fixed)
    "example_2016-01-01_story-a": TEXT,
    "example_2016-01-01_story-b": TEXT.replace("Title", "Story"),
    "example_2016-01-01_story-c": TEXT.replace("Title", "Other"),
}


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        # a gold Content on the title: an error no rule will ever fix, in every article
        extra = f"\nT20\tContent 0 5\t{text[:5]}\nT21\tDiscard 0 5\t{text[:5]}\n"
        ann = _ann(text) + extra
        (tmp_path / "attributions" / f"{name}_zz99.ann").write_text(ann, encoding="utf-8")
        (tmp_path / "attributions" / f"{name}_zz00.ann").write_text(ann, encoding="utf-8")
    monkeypatch.setattr(bench, "POLNEAR", tmp_path)
    return tmp_path


def test_main_on_a_tiny_corpus(corpus, tmp_path, capsys):
    out = tmp_path / "scores.json"
    assert bench.main(["--json", str(out), "--errors-attr", "50", "--debug"]) == 0
    printed = capsys.readouterr().out
    assert "3 articles" in printed and "2 dev, 1 unseen" in printed
    assert "all attributions" in printed and "direct quotes" in printed
    assert "Discard" in printed  # --debug names the labels it ignores
    # errors are printed for dev articles only
    assert "story-a" in printed and "story-c" in printed
    assert "story-b" not in printed
    data = json.loads(out.read_text())
    assert set(data["splits"]) == {"dev", "unseen", "all"}
    assert data["articles"] == {"dev": 2, "unseen": 1, "all": 3}
    for split in data["splits"].values():
        assert 0.0 <= split["attributions"]["content_f1"] <= 1.0
        assert split["attributions"]["exact_content"]["gold"] == split["articles"] * 4
        assert "errors" not in split["direct"]["newslib"]
    # numbers only: no text of the articles in the JSON
    assert not {"will win", "Title", "Story", "Other"} & set(out.read_text().split('"'))
    assert "will win" not in out.read_text()


def test_main_split_and_limit(corpus, capsys):
    assert bench.main(["--split", "unseen", "--errors-attr", "5", "--errors", "5"]) == 0
    printed = capsys.readouterr().out
    assert "1 unseen articles only" in printed
    assert "story-b" not in printed
    assert "errors are only shown for dev articles" in printed
    assert bench.main(["--split", "dev", "--limit", "1"]) == 0
    printed = capsys.readouterr().out
    assert "1 dev articles only" in printed and "unseen" not in printed
