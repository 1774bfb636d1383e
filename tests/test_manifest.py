"""A rerun on an unchanged corpus does nothing; any change to inputs, options, versions or
outputs makes it run again (reading the per-article cache for what did not change)."""

import importlib
import os
import subprocess
import sys

import pandas as pd
import pytest

import newslib
from newslib import manifest
from newslib.analyze import analyze_to_folder
from newslib.cli import main

pipeline = importlib.import_module("newslib.analyze")

ARTICLES = {
    "2024-03-01_budget.txt": 'Budget vote delayed\n\n"We need more time," said Ana Ruiz. '
    "The council will meet again next week.",
    "2024-03-02_river.txt": "River levels fall\n\nThe river fell by a metre overnight. "
    "Farmers were relieved.",
    "2024-03-03_school.txt": 'New school opens\n\nPupils arrived early. "It is bright and warm," '
    "the head teacher said.",
}


@pytest.fixture
def corpus(write):
    paths = [write(f"corpus/{name}", text) for name, text in ARTICLES.items()]
    return paths[0].parent


def run(corpus, out, **options):
    options.setdefault("cache_dir", out / ".newslib-cache")
    return analyze_to_folder(corpus, out, jobs=1, **options)


def table_files(out):
    return {
        p.relative_to(out).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.relative_to(out).as_posix().startswith(".")
    }


def titles(out):
    return sorted(pd.read_parquet(out / "articles.parquet")["title"])


def test_unchanged_rerun_reads_nothing_and_rewrites_nothing(corpus, tmp_path, reads):
    out = tmp_path / "out"
    first = run(corpus, out)
    assert first["up_to_date"] is False
    assert sorted(reads) == sorted(ARTICLES)
    before = table_files(out)
    reads.clear()
    again = run(corpus, out)
    assert again["up_to_date"] is True
    assert reads == []
    assert table_files(out) == before  # same bytes, same modification times
    assert again["rows"] == first["rows"]
    assert again["load_summary"] == first["load_summary"]
    pd.testing.assert_frame_equal(again["load_report"], first["load_report"])


def test_load_report_survives_an_up_to_date_rerun(corpus, tmp_path, write):
    write("corpus/2024-03-04_empty.txt", "")
    out = tmp_path / "out"
    first = run(corpus, out)
    again = run(corpus, out)
    assert again["up_to_date"] is True
    assert len(first["load_report"]) == 1
    pd.testing.assert_frame_equal(again["load_report"], first["load_report"])


def test_edited_added_and_removed_files_are_noticed(corpus, tmp_path, write, reads):
    out = tmp_path / "out"
    run(corpus, out)
    write("corpus/2024-03-02_river.txt", "River levels rise\n\nThe river rose again.")
    edited = run(corpus, out)
    assert edited["up_to_date"] is False
    assert "River levels rise" in titles(out)
    assert "River levels fall" not in titles(out)

    write("corpus/2024-03-05_port.txt", "Port reopens\n\nShips returned to the harbour.")
    assert run(corpus, out)["up_to_date"] is False
    assert "Port reopens" in titles(out)

    (corpus / "2024-03-01_budget.txt").unlink()
    removed = run(corpus, out)
    assert removed["up_to_date"] is False
    assert "Budget vote delayed" not in titles(out)
    assert removed["rows"]["articles"] == 3


def test_a_same_size_edit_with_a_new_time_is_noticed(corpus, tmp_path):
    out = tmp_path / "out"
    run(corpus, out)
    path = corpus / "2024-03-02_river.txt"
    text = path.read_text(encoding="utf-8")
    stat = path.stat()
    path.write_text(text.replace("metre", "meter"), encoding="utf-8")  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert run(corpus, out)["up_to_date"] is False
    sentences = pd.read_parquet(out / "sentences.parquet")
    assert sentences["text"].str.contains("meter").any()


@pytest.mark.parametrize("damage", ["touch", "delete", "extra part"])
def test_touched_or_missing_outputs_are_rewritten(corpus, tmp_path, damage):
    out = tmp_path / "out"
    run(corpus, out)
    expected = pd.read_parquet(out / "sentences.parquet")
    if damage == "touch":
        (out / "quotes.csv").write_text("article_id\n", encoding="utf-8")
    elif damage == "delete":
        (out / "articles.parquet" / "part-00000.parquet").unlink()
    else:
        expected.head(1).to_parquet(out / "sentences.parquet" / "part-99999.parquet")
    again = run(corpus, out)
    assert again["up_to_date"] is False
    pd.testing.assert_frame_equal(pd.read_parquet(out / "sentences.parquet"), expected)
    assert len(pd.read_csv(out / "quotes.csv")) == again["rows"]["quotes"] > 0
    assert len(pd.read_parquet(out / "articles.parquet")) == 3


@pytest.mark.parametrize(
    "change", [{"lang": "en_GB"}, {"csv": False}, {"tz": "Europe/Berlin"}, {"batch_size": 2}]
)
def test_other_options_run_again(corpus, tmp_path, change):
    out = tmp_path / "out"
    run(corpus, out)
    assert run(corpus, out, **change)["up_to_date"] is False
    assert run(corpus, out, **change)["up_to_date"] is True


def test_a_new_analysis_version_runs_again(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(corpus, out)
    monkeypatch.setitem(pipeline.ANALYSIS_VERSIONS, "quotes", 99)
    assert manifest.ANALYSIS_VERSIONS["quotes"] == 99  # one table of versions
    assert run(corpus, out)["up_to_date"] is False


def test_other_code_or_rules_run_again(corpus, tmp_path, monkeypatch):
    # the same version numbers with edited rules: the tables in OUT are not up to date
    out = tmp_path / "out"
    run(corpus, out)
    monkeypatch.setattr(manifest, "code_digest", lambda: "rules-edited")
    assert run(corpus, out)["up_to_date"] is False


def test_without_a_cache_every_run_computes(corpus, tmp_path, reads):
    out = tmp_path / "out"
    run(corpus, out, cache_dir=None)
    reads.clear()
    assert run(corpus, out, cache_dir=None)["up_to_date"] is False
    assert sorted(reads) == sorted(ARTICLES)


def test_a_run_that_fails_while_writing_is_never_up_to_date(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(corpus, out)

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pipeline, "_publish", crash)
    with pytest.raises(OSError, match="disk full"):
        run(corpus, out, lang="en_GB")
    assert not (out / manifest.STAMP).exists()
    monkeypatch.undo()
    assert run(corpus, out)["up_to_date"] is False


def test_cli_says_up_to_date_without_loading_pandas(corpus, tmp_path):
    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "-o", str(out), "--quiet", "--jobs", "1"]) == 0
    code = (
        "import sys\n"
        "from newslib.cli import main\n"
        f"status = main(['analyze', {str(corpus)!r}, '-o', {str(out)!r}, '--quiet'])\n"
        "print('pandas loaded:', 'pandas' in sys.modules, 'status:', status)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "is up to date: 3 articles" in done.stdout
    assert "pandas loaded: False status: 0" in done.stdout


def test_cli_takes_the_run_key_once_and_its_key_is_the_library_s(corpus, tmp_path, monkeypatch):
    # The CLI takes the key before importing the analyses and hands it to analyze_to_folder: one
    # listing of the corpus per run, and a run of the library with the same options agrees.
    out = tmp_path / "out"
    taken = []
    real = manifest.run_key
    monkeypatch.setattr(manifest, "run_key", lambda *a, **k: taken.append(1) or real(*a, **k))
    assert main(["analyze", str(corpus), "-o", str(out), "--quiet", "--jobs", "1"]) == 0
    assert len(taken) == 1
    monkeypatch.undo()
    assert run(corpus, out, csv=True)["up_to_date"] is True
    assert run(corpus, out, csv=False)["up_to_date"] is False


def test_cli_no_cache_recomputes(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["analyze", str(corpus), "-o", str(out), "--quiet", "--jobs", "1"]
    assert main(args) == 0
    assert main(args) == 0
    assert "is up to date" in capsys.readouterr().out
    assert main([*args, "--no-cache"]) == 0
    output = capsys.readouterr().out
    assert "is up to date" not in output
    assert output.startswith("3 articles")


def test_importing_newslib_is_light_and_names_stay_functions():
    code = (
        "import sys, newslib\n"
        "light = 'pandas' not in sys.modules\n"
        "import newslib.quotes, newslib.analyze\n"
        "print(light, callable(newslib.quotes), callable(newslib.analyze),"
        " newslib.io.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "True", "newslib.io"]
    assert set(newslib.__all__) <= set(dir(newslib))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = newslib.nothing
