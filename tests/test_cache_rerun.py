"""A rerun after files were edited, added or deleted writes the tables a cold run writes,
the corpus steps (people, near-duplicates) included; its shortcuts (one walk of the sources,
rows joined as slices) change nothing; a part that fails to be written leaves the last
tables in place."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import newslib
from newslib._frame import take_rows
from newslib.analyze import analyze_to_folder
from newslib.cli import main

pipeline = importlib.import_module("newslib.analyze")
# The modules the runner and the writing of the tables live in, where tests replace their names.
runner_module = importlib.import_module("newslib.analyze_runner")
output_module = importlib.import_module("newslib.analyze_output")

TABLES = ("articles", "sentences", "quotes", "people")
STORY = (
    "The council met on Tuesday to vote on the harbour budget. Members argued for hours "
    "about the new pier and the cost of dredging the old channel before the winter storms. "
)
FILES = {
    "a.txt": 'Budget vote\n\n"We will build the pier," said Ann Lee, the mayor.\n',
    "b.txt": 'Harbour news\n\nLee said the dredging would start soon. "It is late," she said.\n',
    "c.txt": f"Council story\n\n{STORY * 3}\n",
    "d.txt": f"Council story again\n\n{STORY * 3}Officials said more was to come.\n",
    "e.txt": 'Storm warning\n\n"Stay inside," said Tom Reyes, a forecaster.\n',
}


def write_files(folder, files):
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def tables(out):
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def assert_same_tables(left, right):
    for name in TABLES:
        assert left[name].equals(right[name]), name


def cold(source, out, **options):
    analyze_to_folder(source, out, jobs=1, csv=False, **options)
    return tables(out)


@pytest.mark.parametrize("batch_size", [2, 5000])
def test_edited_added_and_deleted_files_give_the_tables_of_a_cold_run(tmp_path, batch_size):
    corpus = tmp_path / "corpus"
    write_files(corpus, FILES)
    out, cache = tmp_path / "out", tmp_path / "cache"
    options = dict(jobs=1, csv=True, batch_size=batch_size, cache_dir=cache)
    analyze_to_folder(corpus, out, **options)
    first = tables(out)
    assert first["articles"]["near_duplicate_of"].notna().sum() == 1  # d repeats c
    assert "Ann Lee" in set(first["quotes"]["person"].dropna())  # b's bare "Lee" joins her
    steps = [
        # an edit: the article gets a new id, the others' rows are read from the cache
        lambda: (corpus / "e.txt").write_text(FILES["e.txt"] + "It rained.\n", encoding="utf-8"),
        # a new file: another Lee, so b's bare "Lee" is no longer hers alone
        lambda: write_files(corpus, {"f.txt": 'Late news\n\n"No," said Bo Lee.\n'}),
        # the original of the near-duplicate and the full name of "Lee" deleted: the corpus
        # steps change rows of articles that did not change
        lambda: ((corpus / "c.txt").unlink(), (corpus / "a.txt").unlink()),
    ]
    lee = [person_of_lee(first)]
    for number, step in enumerate(steps):
        step()
        summary = analyze_to_folder(corpus, out, **options)
        assert not summary["up_to_date"]
        expected = cold(corpus, tmp_path / f"cold-{number}", batch_size=batch_size)
        assert_same_tables(tables(out), expected)
        csv = pd.read_csv(out / "quotes.csv")
        assert len(csv) == len(expected["quotes"])
        lee.append(person_of_lee(expected))
    assert tables(out)["articles"]["near_duplicate_of"].isna().all()  # d stands alone now
    # the untouched article b's speaker changed person as other files came and went
    assert lee[0] == "Ann Lee" and len(set(lee)) > 1


@pytest.mark.parametrize("batch_size", [3, 5000])
def test_reruns_whose_new_articles_go_to_a_worker_give_the_tables_of_a_cold_run(
    tmp_path, monkeypatch, batch_size
):
    # With any cached article counting as many, a batch's one chunk of new articles is
    # analysed by a worker while the cached ones are read here (a large rerun's path).
    monkeypatch.setattr(runner_module, "_OVERLAP_MIN_CACHED", 1)
    corpus = tmp_path / "corpus"
    write_files(corpus, FILES)
    out, cache = tmp_path / "out", tmp_path / "cache"
    options = dict(jobs=2, csv=False, batch_size=batch_size, cache_dir=cache)
    analyze_to_folder(corpus, out, **options)
    steps = [
        lambda: (corpus / "b.txt").write_text(FILES["b.txt"] + "Lee left.\n", encoding="utf-8"),
        # a rerun after a rerun: one more edit and a new file at once
        lambda: (
            (corpus / "e.txt").write_text(FILES["e.txt"] + "It rained.\n", encoding="utf-8"),
            write_files(corpus, {"f.txt": 'Late news\n\n"No," said Bo Lee.\n'}),
        ),
        lambda: (corpus / "a.txt").unlink(),
    ]
    for number, step in enumerate(steps):
        step()
        assert not analyze_to_folder(corpus, out, **options)["up_to_date"]
        expected = cold(corpus, tmp_path / f"cold-{number}", batch_size=batch_size)
        assert_same_tables(tables(out), expected)


def person_of_lee(found):
    """The person of the first quotation of b.txt ("Lee said ...")."""
    articles, quotes = found["articles"], found["quotes"]
    b = articles.loc[articles["path"].astype(str).str.endswith("b.txt"), "article_id"].iloc[0]
    return quotes.loc[quotes["article_id"] == b, "person"].dropna().iloc[0]


def test_cli_rerun_reads_the_files_its_key_listed(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    write_files(corpus, FILES)
    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "-o", str(out), "--quiet", "--jobs", "1"]) == 0
    write_files(corpus, {"f.txt": 'Late news\n\n"No," said Ann Lee.\n'})
    (corpus / "b.txt").unlink()
    assert main(["analyze", str(corpus), "-o", str(out), "--quiet", "--jobs", "1"]) == 0
    capsys.readouterr()
    assert_same_tables(tables(out), cold(corpus, tmp_path / "cold"))
    report = pd.read_csv(out / "load_report.csv")
    assert not report["path"].astype(str).str.contains("b.txt").any()


def test_a_changed_option_is_a_new_run_not_the_last_one(tmp_path):
    corpus = tmp_path / "corpus"
    write_files(corpus, FILES)
    out, cache = tmp_path / "out", tmp_path / "cache"
    analyze_to_folder(corpus, out, jobs=1, csv=False, cache_dir=cache)
    again = analyze_to_folder(corpus, out, jobs=1, csv=False, cache_dir=cache, lang="de")
    assert not again["up_to_date"]
    assert_same_tables(tables(out), cold(corpus, tmp_path / "cold", lang="de"))


def test_a_part_that_fails_to_be_written_fails_the_run_and_leaves_out_as_it_was(
    tmp_path, monkeypatch
):
    corpus = tmp_path / "corpus"
    write_files(corpus, FILES)
    out = tmp_path / "out"
    analyze_to_folder(corpus, out, jobs=1, csv=False, batch_size=2)
    before = tables(out)
    real = output_module.to_parquet

    def failing(table, path):
        if "sentences" in str(path):
            raise OSError("disk full")
        real(table, path)

    monkeypatch.setattr(output_module, "to_parquet", failing)
    (corpus / "e.txt").unlink()
    with pytest.raises(OSError, match="disk full"):
        analyze_to_folder(corpus, out, jobs=1, csv=False, batch_size=2)
    assert_same_tables(tables(out), before)
    assert [p.name for p in out.iterdir() if p.name.startswith(".newslib-staging")] == []


def test_take_rows_is_iloc_for_runs_repeats_and_scattered_rows():
    frame = pd.DataFrame(
        {
            "t": pd.array([f"s{i}" for i in range(300)], dtype="string"),
            "n": np.arange(300),
            "f": pd.array([None, 1.5] * 150, dtype="Float64"),
        },
        index=np.arange(300) * 2,
    )
    rng = np.random.default_rng(0)
    cases = [
        [],
        [5],
        list(range(300)),
        [*range(0, 100), *range(101, 300)],  # one row left out: two runs
        [*range(200, 300), *range(0, 100)],  # runs out of order
        [3, 3, 4, 5],  # a repeat
        rng.permutation(300).tolist(),  # scattered: one take
    ]
    for positions in cases:
        taken = take_rows(frame, positions)
        expected = frame.iloc[positions]
        assert taken.equals(expected) and taken.index.equals(expected.index)
        assert taken.dtypes.equals(expected.dtypes)


def test_positions_of_ids_are_what_a_dict_of_the_ids_gives():
    ids = pd.Series(["k", "a", "x", "b"], dtype="string")
    looked_up = ["b", "q", "k", "x"]
    as_dict = {identity: n for n, identity in enumerate(ids)}
    expected = [as_dict.get(u, np.nan) for u in looked_up]
    np.testing.assert_array_equal(pipeline._Positions(ids).of(looked_up), expected)
    # repeated ids (never from a load, which drops repeats): the last one wins, as in a dict
    repeated = pd.Series(["a", "b", "a"], dtype=object)
    assert pipeline._Positions(repeated).of(["a", "b"]).tolist() == [2.0, 1.0]
    # ids that are not strings (a DataFrame given to analyze()): equal values are one id
    assert pipeline._Positions(pd.Series([10, 20, 30])).of([30, 10.0]).tolist() == [2.0, 0.0]


def test_rows_come_in_input_order_whatever_order_the_pieces_give_them():
    ids = pd.Series(["c", "a", "b"], dtype="string")
    cached = pd.DataFrame({"article_id": ["a", "c", "a"], "n": [1, 2, 3]})
    fresh = pd.DataFrame({"article_id": ["b", "b"], "n": [4, 5]})
    for positions in (pipeline._Positions(ids), pipeline._Positions(ids.astype(object))):
        joined = pipeline._in_order([cached, fresh], positions)
        assert joined["article_id"].tolist() == ["c", "a", "a", "b", "b"]
        assert joined["n"].tolist() == [2, 1, 3, 4, 5]  # within an article: as given


def test_a_rerun_of_cached_articles_never_imports_the_quote_finder(tmp_path):
    # The analyses are imported on first use: a rerun whose articles are all cached (and the
    # summary the command prints) does not compile the quote rules in the main process.
    corpus, out, cache = tmp_path / "corpus", tmp_path / "out", tmp_path / "cache"
    write_files(corpus, FILES)
    analyze_to_folder(corpus, out, jobs=1, csv=False, cache_dir=cache)
    later = (corpus / "a.txt").stat().st_mtime + 5  # a new time: not up to date, same articles
    os.utime(corpus / "a.txt", (later, later))
    command = ["analyze", str(corpus), "-o", str(out), "--cache-dir", str(cache)]
    script = (
        "import sys\n"
        "from newslib.cli import main\n"
        f"code = main({[*command, '--jobs', '1', '--quiet', '--no-csv']!r})\n"
        "print(code, 'newslib.quotes' in sys.modules, 'newslib.analyze' in sys.modules)\n"
    )
    tree = str(Path(newslib.__file__).resolve().parent.parent)  # this newslib, not another
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([tree, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    assert "up to date" not in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "0 False True"
    assert_same_tables(tables(out), cold(corpus, tmp_path / "cold"))
