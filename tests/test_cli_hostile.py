"""Hostile use of ``newslib analyze`` (issue 13): outputs read back as input (item 1), stale CSV
copies (7), tracebacks instead of one-line errors (14), formulas in the CSV copies (18)."""

import csv
import importlib
import os
import subprocess
import sys
import time

import pandas as pd
import pytest

import newslib
from newslib.analyze import analyze_tables, analyze_to_folder, write_tables
from newslib.cli import main

ARTICLES = {
    "a.txt": 'Budget vote delayed\n\n"We need more time," said Ana Ruiz. The council meets.',
    "b.txt": "River levels fall\n\nThe river fell by a metre overnight. Farmers were relieved.",
    "c.txt": 'New school opens\n\nPupils arrived early. "It is bright," the head teacher said.',
}
TABLE_ENTRIES = {
    f"{t}.{s}" for t in ("articles", "sentences", "quotes", "people") for s in ("csv", "parquet")
}


@pytest.fixture
def corpus(write, tmp_path):
    for name, text in ARTICLES.items():
        write(f"corpus/{name}", text)
    return tmp_path / "corpus"


def cli(*args):
    return main(["analyze", *map(str, args), "--quiet", "--jobs", "1"])


def articles(out):
    return len(pd.read_parquet(out / "articles.parquet"))


def run(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "newslib.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


def one_line_error(result, code=2):
    assert result.returncode == code, (result.returncode, result.stderr)
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("newslib") and "error:" in result.stderr
    assert "Traceback" not in result.stderr


# --- 1. outputs are never inputs ------------------------------------------------------------


def test_rerun_into_an_output_folder_inside_the_corpus_reads_the_corpus_only(corpus, capsys):
    out = corpus / "out"
    assert cli(corpus, "-o", out) == 0
    assert articles(out) == 3
    # With the cache: nothing changed, since the run's own tables are no input.
    assert cli(corpus, "-o", out) == 0
    assert "is up to date" in capsys.readouterr().out
    # Without: the corpus is read again, its output left out and said so.
    assert cli(corpus, "-o", out, "--no-cache") == 0
    assert articles(out) == 3
    captured = capsys.readouterr()
    # 8 tables and the load report (OUT/load_report.csv)
    assert "not read: 9 table(s) or cache(s) newslib wrote" in captured.err
    assert f"{out}/" in captured.err


@pytest.mark.parametrize(
    "sources",
    [
        ["{corpus}/**/*"],  # a recursive glob
        ["{corpus}/*"],  # a glob matching the output folder itself
        ["{corpus}", "{corpus}/out"],  # the output folder in the list
        ["{corpus}", "{corpus}/out/articles.csv", "{corpus}/out/sentences.parquet"],
        ["{corpus}/out/articles.parquet/part-00000.parquet", "{corpus}/a.txt"],
    ],
)
def test_output_is_left_out_however_it_is_reached(corpus, sources):
    out = corpus / "out"
    for _ in range(2):
        paths = [s.format(corpus=corpus) for s in sources if out.exists() or "/out" not in s]
        summary = analyze_to_folder(paths, out, jobs=1, cache_dir=None)
        loaded = summary["load_summary"]
        assert loaded["files_seen"] == loaded["files_loaded"] <= 3, summary["load_report"]
        assert summary["rows"]["articles"] == loaded["articles"] == articles(out)
    report = summary["load_report"]
    excluded = report[report["status"] == "excluded"]
    assert len(excluded) >= 1 and excluded["path"].str.startswith(str(out)).all()
    assert "never read as input" in excluded["reason"].iloc[0]


def test_output_folder_of_another_run_is_left_out(corpus, tmp_path):
    cli(corpus, "-o", corpus / "first", "--cache-dir", corpus / "cache")
    assert (corpus / "first" / ".newslib-output").is_file()
    assert (corpus / "cache" / ".newslib-output").is_file()
    # Another output folder, another cache: the first run's tables and cache are still no input.
    summary = analyze_to_folder(corpus, tmp_path / "second", jobs=1)
    assert summary["load_summary"]["files_seen"] == 3
    assert summary["rows"]["articles"] == 3
    excluded = set(summary["load_report"].query("status == 'excluded'")["path"])
    assert {os.path.basename(p) for p in excluded if "first" in p} == TABLE_ENTRIES | {
        "load_report.csv"
    }
    assert any("cache" in p and "files-v" in p for p in excluded)
    # newslib.load honours the marks too.
    df = newslib.load(corpus)
    assert len(df) == 3 and df.attrs["load_summary"]["files_seen"] == 3


def test_a_folder_that_is_both_corpus_and_output_keeps_its_articles(corpus):
    # `-o corpus`: only what newslib wrote there is left out, the articles are still read.
    for _ in range(2):
        summary = analyze_to_folder(corpus, corpus, jobs=1, cache_dir=None)
        assert summary["load_summary"]["files_seen"] == 3
        assert articles(corpus) == 3
    # A user's file named like no table in the output folder is read (it is no output).
    (corpus / "notes.txt").write_text("Notes\n\nA note about the budget vote.", encoding="utf-8")
    assert analyze_to_folder(corpus, corpus, jobs=1)["rows"]["articles"] == 4


def test_a_run_never_reads_its_cache_folder(corpus):
    # A cache folder inside the corpus, not hidden: its parts (texts included) are no input.
    cache = corpus / "cache"
    first = analyze_to_folder(corpus, corpus / "out", jobs=1, cache_dir=cache)
    again = analyze_to_folder(corpus, corpus / "out2", jobs=1, cache_dir=cache)
    for summary in (first, again):
        assert summary["load_summary"]["files_seen"] == 3
        assert summary["load_summary"]["files_skipped"] == 0
    assert again["rows"]["articles"] == 3


# --- 7. --no-csv reruns -----------------------------------------------------------------------


def test_no_csv_rerun_removes_stale_csv_copies_and_lists_what_it_wrote(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli(corpus, "-o", out) == 0
    assert TABLE_ENTRIES <= {p.name for p in out.iterdir()}
    (out / "mine.csv").write_text("a\n1\n", encoding="utf-8")  # not newslib's: kept
    capsys.readouterr()
    assert cli(corpus, "-o", out, "--no-csv") == 0
    wrote = capsys.readouterr().out.splitlines()[-1]
    assert wrote == (
        f"wrote {out}/: articles.parquet, sentences.parquet, quotes.parquet, people.parquet, "
        "load_report.csv"  # the load report is CSV either way
    )
    tables = ("articles", "sentences", "quotes", "people")
    assert not any((out / f"{t}.csv").exists() for t in tables)
    assert (out / "mine.csv").read_text(encoding="utf-8") == "a\n1\n"
    # The no-op rerun sees the tables as written (no CSV expected back).
    assert cli(corpus, "-o", out, "--no-csv") == 0
    assert "is up to date" in capsys.readouterr().out


# --- 14. one-line errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["load", "{corpus}", "--tz", "Nowhere/Zone"], "unknown time zone 'Nowhere/Zone'"),
        (["analyze", "{corpus}", "-o", "{out}", "--tz", "+99:99"], "unknown time zone"),
        (["analyze", "{corpus}", "-o", "{file}"], "is a file: give a folder"),
        (["analyze", "{corpus}", "-o", "{file}/out"], "cannot write the output folder"),
        (["analyze", "{corpus}", "-o", "{out}", "--cache-dir", "{file}"], "is a file"),
        (["analyze", "{corpus}", "-o", "{out}", "--cache-dir", "{file}/c"], "cache folder"),
        (["analyze", "{corpus}", "-o", "{out}", "--jobs", "100000"], "more than 4 per core"),
        (["analyze", "{corpus}", "-o", "{out}", "--jobs", "0"], "give 1 or more"),
    ],
)
def test_bad_paths_and_options_are_one_line_exit_2(corpus, write, tmp_path, args, message):
    afile = write("a-file", "not a folder")
    names = {"corpus": corpus, "out": tmp_path / "out", "file": afile}
    result = run(*[a.format(**names) for a in args])
    one_line_error(result)
    assert message in result.stderr
    assert not (tmp_path / "out" / "articles.parquet").exists()


def test_default_cache_folder_that_is_a_file_is_one_line(corpus, write, tmp_path):
    write("out/.newslib-cache", "in the way")
    result = run("analyze", corpus, "-o", tmp_path / "out")
    one_line_error(result)
    assert ".newslib-cache' is a file" in result.stderr


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root writes into read-only folders; the same error path is tested with a path "
    "under a file (test_bad_paths_and_options_are_one_line_exit_2)",
)
def test_read_only_output_folder_is_one_line(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        result = run("analyze", corpus, "-o", out)
    finally:
        out.chmod(0o700)
    one_line_error(result)
    assert "give a folder you can write to" in result.stderr


def test_too_many_jobs_are_refused_before_the_output_changes(corpus, tmp_path):
    out = tmp_path / "out"
    analyze_to_folder(corpus, out, jobs=1, cache_dir=out / ".newslib-cache")
    stamp = (out / ".newslib-run.json").read_bytes()
    with pytest.raises(ValueError, match="more than 4 per core"):
        analyze_to_folder(corpus, out, jobs=4 * (os.cpu_count() or 1) + 1)
    assert (out / ".newslib-run.json").read_bytes() == stamp
    with pytest.raises(ValueError, match="at most"):
        analyze_tables(corpus, jobs=10**6)


def test_output_cut_short_by_its_reader_ends_quietly(corpus):
    # `newslib load corpus | head -1`, made deterministic: the reader is gone before we write.
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "newslib.cli", "load", str(corpus)],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(writer)
    assert result.returncode == 141
    assert result.stderr == ""


def test_unreachable_dask_scheduler_fails_fast_with_one_line(corpus, tmp_path, monkeypatch, capsys):
    pytest.importorskip("distributed")
    runner_module = importlib.import_module("newslib.analyze_runner")  # where _connect reads it
    assert runner_module.SCHEDULER_TIMEOUT <= 10  # Dask's own default would wait 30 s
    monkeypatch.setattr(runner_module, "SCHEDULER_TIMEOUT", 1)
    start = time.monotonic()
    args = ["--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--no-cache"]
    code = cli(corpus, "-o", tmp_path / "out", *args)
    assert time.monotonic() - start < 15
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "no Dask scheduler answered at 'tcp://127.0.0.1:9'" in err


# --- 18. formulas in the CSV copies -----------------------------------------------------------

RISKY = ("=", "+", "-", "@", "\t", "\r")


def test_csv_copies_neutralise_formulas_and_parquet_keeps_values(write, tmp_path):
    write("c/eq.txt", '=HYPERLINK("http://x.example","click")\n\nThe mayor spoke. "Hi," she said.')
    write("c/plus.txt", "+1 555 0100 calls\n\nA phone line opened.")
    write("c/at.txt", "@SUM(A1) title\n\n-5 degrees tonight, said the forecaster.")
    out = tmp_path / "out"
    analyze_to_folder(tmp_path / "c", out, jobs=1)
    titles = pd.read_parquet(out / "articles.parquet")["title"].tolist()
    assert sorted(t[0] for t in titles) == ["+", "=", "@"]  # Parquet: exact values
    for table in ("articles", "sentences", "quotes"):
        with open(out / f"{table}.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        cells = [cell for row in rows[1:] for cell in row]
        risky = [c for c in cells if c.startswith(RISKY)]
        # Numbers (a negative sentiment score) stay numbers; no text cell starts a formula.
        assert all(_is_number(c) for c in risky), (table, risky)
    articles_csv = pd.read_csv(out / "articles.csv", dtype={"title": str})
    assert sorted(articles_csv["title"]) == sorted("'" + t for t in titles)


def _is_number(cell):
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_write_tables_neutralises_csv_too(tmp_path):
    from newslib.analyze import csv_safe

    table = pd.DataFrame({"t": ["=1+1", "\tx", "@x", "ok", "-"], "n": [-1.5, 2, 3, 4, 5]})
    write_tables({"t": table}, tmp_path)
    back = pd.read_csv(tmp_path / "t.csv", keep_default_na=False)
    assert back["t"].tolist() == ["'=1+1", "'\tx", "'@x", "ok", "'-"]
    assert back["n"].tolist() == [-1.5, 2, 3, 4, 5]
    # A carriage return first too (checked on the frame: pandas does not quote a lone CR).
    assert csv_safe(pd.DataFrame({"t": ["\rx", "+x"]}))["t"].tolist() == ["'\rx", "'+x"]
    assert pd.read_parquet(tmp_path / "t.parquet").equals(table)
    numbers = table[["n"]]
    assert csv_safe(numbers) is numbers  # nothing to neutralise: no copy
