"""A rerun after files were edited, added or deleted writes the tables a cold run writes,
the corpus steps (people, near-duplicates) included; its shortcuts (one walk of the sources,
rows joined as slices) change nothing; a part that fails to be written leaves the last
tables in place."""

import importlib

import numpy as np
import pandas as pd
import pytest

from newslib._frame import take_rows
from newslib.analyze import analyze_to_folder
from newslib.cli import main

pipeline = importlib.import_module("newslib.analyze")

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
    monkeypatch.setattr(pipeline, "_OVERLAP_MIN_CACHED", 1)
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
    real = pipeline.to_parquet

    def failing(table, path):
        if "sentences" in str(path):
            raise OSError("disk full")
        real(table, path)

    monkeypatch.setattr(pipeline, "to_parquet", failing)
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
