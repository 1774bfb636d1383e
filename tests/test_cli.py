"""The newslib command line: help, load, and one-line errors with exit code 2."""

import re
import subprocess
import sys

import pytest

from newslib.cli import main


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "newslib.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_commands():
    result = run("--help")
    assert result.returncode == 0
    assert "load" in result.stdout and "COMMAND" in result.stdout
    sub = run("load", "--help")
    assert sub.returncode == 0 and "--format" in sub.stdout and "--strict" in sub.stdout


def test_analyze_help_names_every_table_it_writes(seed_path, write, tmp_path, capsys):
    write("corpus/a.txt", seed_path.read_text(encoding="utf-8"))
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "corpus"), "-o", str(out), "--quiet"]) == 0
    written = sorted(path.name for path in out.glob("*.parquet"))
    assert "people.parquet" in written and "quotes.parquet" in written
    described = " ".join(run("analyze", "--help").stdout.split())  # argparse wraps lines
    for name in written:
        assert f"OUT/{name}" in described, name


def test_load_prints_summary_and_report(seed_path, write, tmp_path, capsys):
    write("corpus/a.txt", seed_path.read_text(encoding="utf-8"))
    write("corpus/empty.txt", b"")
    assert main(["load", str(tmp_path / "corpus")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "1 article from 1 file (1 skipped, 0 repaired)"
    assert "Putin's top communications officer flees Russia" in out
    assert "2023-04-04 16:00" in out
    assert "skipped" in out and "empty.txt: empty file" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["load", "does/not/exist"], "no such file or directory"),
        (["load", "seeds", "--format", "docx"], "invalid choice: 'docx'"),
        (["load", "seeds", "--column", "nonsense"], "--column takes THEIRS=OURS"),
        ([], "required: COMMAND"),
    ],
)
def test_errors_are_one_line_exit_2(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_mode_fails_on_a_bad_file(write, tmp_path):
    write("bad.txt", b"")
    result = run("load", "--strict", str(tmp_path))
    assert result.returncode == 2
    assert "bad.txt: empty file" in result.stderr


def test_analysis_summary_pools_quoted_reported_and_own_words():
    import pandas as pd

    from newslib.cli import analysis_summary_text

    # Two articles: per-article quoted shares 0.5 and 0.1 would average 0.30; pooled it is 0.18.
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "total_words": [100, 400],
            "quoted_words": [50, 40],
            "reported_words": [10, 100],
            "quote_share": [0.5, 0.1],
            "n_speakers": [1, 2],
            "compound_mean": [0.1, -0.3],
            "quoted_compound_mean": [0.2, None],
            "reported_compound_mean": [None, None],
            "narration_compound_mean": [0.0, -0.3],
            "top_speaker": ["Ann", "Bo"],
        }
    )
    text = analysis_summary_text(articles, n_sentences=9, n_quotes=4)
    assert "words, pooled over all 500: 18.0% quoted, 22.0% reported, 60.0% the reporter's own" in (
        text
    )
    # Without the sentence table, the tone is the mean of the articles' means, and says so.
    assert "mean of the articles' mean sentence scores −0.10" in text
    assert "quoted +0.20, reported n/a, the reporter's own −0.15" in text
    # a table without reported words (older runs): reported and own words unknown
    older = articles.drop(columns=["reported_words", "reported_compound_mean"])
    assert "n/a reported" in analysis_summary_text(older, n_sentences=9, n_quotes=4)


def test_analyze_prints_pooled_voices(tmp_path, seed_path, capsys):
    assert (
        main(["analyze", str(seed_path), "-o", str(tmp_path / "out"), "--quiet", "--jobs", "1"])
        == 0
    )
    out = capsys.readouterr().out
    assert "words, pooled over all 375: " in out and "% reported" in out
    assert "the reporter's own" in out


def test_analyze_summary_states_the_numbers_of_the_report(tmp_path, capsys):
    """Every number the summary prints is the one the report states, with the same
    definition: pooled shares, medians, sentence means, attributed words per person."""
    import re

    from fixtures_corpus import write_fixture_corpus

    from newslib import notebook as nb

    corpus = write_fixture_corpus(tmp_path / "corpus")
    assert (
        main(["analyze", str(corpus), "-o", str(tmp_path / "out"), "--quiet", "--jobs", "1"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    summary = {line.split(":")[0]: line for line in lines}
    data = nb.prepare(corpus)
    findings = "\n".join(
        f(data)
        for f in (
            nb.overview_findings,
            nb.readability_findings,
            nb.quotes_findings,
            nb.voices_findings,
            nb.sentiment_findings,
        )
    ).replace("**", "")
    people = nb.top_people(data)

    def numbers(line: str) -> list[str]:
        return re.findall(r"(?<![\w.])[+−-]?\d[\d,]*(?:\.\d+)?%?", line)

    checked = 0
    for key in ("readability", "words, pooled over all 761", "quotes", "sentiment"):
        for number in numbers(summary[key].split(":", 1)[1]):
            if number in ("−1", "+1"):  # the scale, −1 to +1
                continue
            assert number in findings, f"{number} of {summary[key]!r} is not in the report"
            checked += 1
    assert checked >= 10
    voices = summary["sentiment by voice (mean of the sentences, how many)"]
    assert len(numbers(voices)) == 6 and all(n in findings for n in numbers(voices))
    # the people: names and words as in the report's "Who speaks" table
    heard = summary["most heard people, words attributed to them"]
    for row in people.head(5).to_dict("records"):
        expected = f"{row['person']} ({row['attributed words']:,} words, "
        assert expected + f"{row['quoted words']:,} quoted)" in heard


def test_summary_writes_negative_scores_with_a_minus_sign():
    import pandas as pd

    from newslib.cli_summary import _sentiment_lines

    sentences = pd.DataFrame(
        {
            "compound": [-0.4, -0.2, 0.004, -0.001],
            "voice": ["quoted", "reported", "narration", "narration"],
        }
    )
    lines = _sentiment_lines(pd.DataFrame({"compound_mean": [-0.1]}), sentences)
    text = "\n".join(lines)
    # the mean (−0.149), the threshold and the quoted mean carry a minus sign, never a hyphen
    assert "average −0.15" in text and "≤ −0.05" in text and "quoted −0.40" in text
    assert not re.search(r"(?<![\w])-\d", text)
    # a mean that rounds to zero is written without a sign
    assert "the reporter's own 0.00" in text
