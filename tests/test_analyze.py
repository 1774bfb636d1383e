"""newslib.analyze and `newslib analyze`: one article-level table and the written tables."""

import pandas as pd
import pytest

import newslib
from newslib.analyze import analyze_tables
from newslib.cli import main
from newslib.quotes import quote_share
from newslib.readability import readability
from newslib.sentiment import sentiment_summary

ARTICLES = pd.DataFrame(
    {
        "article_id": ["a1", "a2", "a3"],
        "title": ["Storm", "Budget", "Empty"],
        "source": ["Coast Gazette", "City Desk", "City Desk"],
        "date": pd.to_datetime(["2024-01-05", "2024-02-10", "2024-02-11"]),
        "text": [
            'The storm hit the coast on Monday.\n\n"It was terrible," said Mara Lind, a '
            "fisher. She lost two boats.",
            "The council passed the budget. Taxes will rise slightly.\n\n"
            '"This is a good plan for the city," the mayor, Ivo Brandt, told reporters.',
            "",
        ],
    },
    index=[7, 3, 9],
)


def test_analyze_joins_every_analysis_per_article():
    result = newslib.analyze(ARTICLES)
    assert result["article_id"].tolist() == ["a1", "a2", "a3"]
    assert "text" not in result.columns
    assert result["source"].tolist() == ["Coast Gazette", "City Desk", "City Desk"]
    expected_read = readability(ARTICLES).set_index("article_id")
    expected_share = quote_share(ARTICLES).set_index("article_id")
    expected_mood = sentiment_summary(ARTICLES).set_index("article_id")
    got = result.set_index("article_id")
    for column in ("flesch_kincaid_grade", "text_standard", "ts_syllables"):
        pd.testing.assert_series_equal(got[column], expected_read[column])
    for column in expected_share.columns:  # quoted, reported and attributed words too
        pd.testing.assert_series_equal(got[column], expected_share[column])
    for column in expected_mood.columns:  # per voice: quoted, reported, narration
        pd.testing.assert_series_equal(got[column], expected_mood[column])
    for column in ("reported_share", "attributed_share", "reported_compound_mean"):
        assert column in got.columns
    assert got.loc["a1", "top_speaker"] == "Mara Lind"
    # a3 has no words: no quote share and no sentiment, NaN rather than 0
    assert pd.isna(got.loc["a3", "quote_share"]) and pd.isna(got.loc["a3", "compound_mean"])


def test_analyze_does_not_depend_on_row_order():
    forward = newslib.analyze(ARTICLES).set_index("article_id").sort_index()
    backward = newslib.analyze(ARTICLES.iloc[::-1]).set_index("article_id").sort_index()
    pd.testing.assert_frame_equal(forward, backward)


def test_analyze_accepts_a_path_and_rejects_duplicate_ids(seed_path):
    assert newslib.analyze(seed_path)["title"].tolist() == [
        "Putin's top communications officer flees Russia"
    ]
    doubled = pd.concat([ARTICLES, ARTICLES])
    with pytest.raises(ValueError, match="article_id must be unique"):
        newslib.analyze(doubled)


def test_tables_share_offsets_with_the_text():
    tables = analyze_tables(ARTICLES)
    texts = dict(zip(ARTICLES["article_id"], ARTICLES["text"], strict=True))
    for row in tables["sentences"].itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    for row in tables["quotes"].itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text


def _files(folder):
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and ".newslib-cache" not in p.parts
        and p.name not in (".newslib-run.json", ".newslib-output", ".newslib-lock")
    }


def test_cli_analyze_writes_identical_tables_on_rerun(seed_path, tmp_path, capsys):
    first, second = tmp_path / "one", tmp_path / "two"
    assert main(["analyze", str(seed_path), "-o", str(first), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 article, 20 sentences")
    assert "Gleb Karakulov" in out
    assert main(["analyze", str(seed_path), "-o", str(second), "--no-cache", "--jobs", "1"]) == 0
    assert not (second / ".newslib-cache").exists()
    assert (first / ".newslib-cache").is_dir()
    written = _files(first)
    assert sorted({name.split("/")[0] for name in written}) == sorted(
        [
            *(
                f"{t}.{s}"
                for t in ("articles", "quotes", "sentences", "people")
                for s in ("csv", "parquet")
            ),
            "load_report.csv",
        ]
    )
    assert written == _files(second)
    # Built from the first run's cache into a new folder: the same bytes again.
    third = tmp_path / "three"
    cache = str(first / ".newslib-cache")
    assert main(["analyze", str(seed_path), "-o", str(third), "--cache-dir", cache]) == 0
    assert _files(third) == written
    articles = pd.read_parquet(first / "articles.parquet")
    assert articles.loc[0, "n_quotes"] == 2
    assert len(pd.read_csv(first / "sentences.csv")) == 20


def test_streamed_output_does_not_depend_on_batch_size(tmp_path, write):
    from newslib.analyze import analyze_to_folder

    for row in ARTICLES.itertuples():
        write(f"corpus/{row.article_id}.md", f"---\ntitle: {row.title}\n---\n{row.text}\n")
    small = analyze_to_folder(tmp_path / "corpus", tmp_path / "small", jobs=1, batch_size=1)
    large = analyze_to_folder(tmp_path / "corpus", tmp_path / "large", jobs=2, chunk_size=1)
    assert small["rows"] == large["rows"]
    assert small["load_summary"]["files_skipped"] == 1  # the article with no text
    assert len(list((tmp_path / "small" / "articles.parquet").iterdir())) == 2
    for name in ("articles", "sentences", "quotes"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "small" / f"{name}.parquet"),
            pd.read_parquet(tmp_path / "large" / f"{name}.parquet"),
        )
        csv = f"{name}.csv"
        assert (tmp_path / "small" / csv).read_bytes() == (tmp_path / "large" / csv).read_bytes()


def test_n_words_counted_in_the_workers_equal_those_of_the_load(tmp_path, write):
    # Without a file cache the load leaves n_words to the workers, which count the words they
    # find for the quote share; with one, the load counts them (the cache keeps them).
    from newslib.analyze import analyze_to_folder
    from newslib.text import count_words

    texts = ["Ann said it: \"We're well-known, aren't we?\" 3.5% of 2,000 agreed.", "Rain.", "?"]
    for n, text in enumerate(texts):
        write(f"corpus/{n}.md", f"---\ntitle: T{n}\n---\n{text}\n")
    counted = {}
    for name, options in {"workers": {}, "load": {"cache_dir": tmp_path / "cache"}}.items():
        analyze_to_folder(tmp_path / "corpus", tmp_path / name, jobs=1, csv=False, **options)
        table = pd.read_parquet(tmp_path / name / "articles.parquet").sort_values("title")
        counted[name] = table["n_words"].tolist()
    assert counted["workers"] == counted["load"] == [count_words(t) for t in texts] == [11, 1, 0]


def test_progress_bars_change_nothing_and_a_quiet_run_never_imports_tqdm(seed_path, tmp_path):
    import subprocess
    import sys

    from newslib.analyze import analyze_to_folder

    for name, progress in (("bars", True), ("quiet", False)):
        analyze_to_folder(seed_path, tmp_path / name, jobs=1, csv=False, progress=progress)
    for table in ("articles", "sentences", "quotes"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "bars" / f"{table}.parquet"),
            pd.read_parquet(tmp_path / "quiet" / f"{table}.parquet"),
        )
    code = (
        "import sys\n"
        "from newslib.cli import main\n"
        f"main(['analyze', {str(seed_path)!r}, '-o', {str(tmp_path / 'cli')!r}, '--quiet'])\n"
        "print('tqdm' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().endswith("False")


def test_results_do_not_depend_on_jobs_or_chunk_size():
    serial = analyze_tables(ARTICLES, chunk_size=500)
    chunked = analyze_tables(ARTICLES, chunk_size=1)
    parallel = analyze_tables(ARTICLES, jobs=2, chunk_size=2)
    for name in ("articles", "sentences", "quotes"):
        pd.testing.assert_frame_equal(serial[name], chunked[name])
        pd.testing.assert_frame_equal(serial[name], parallel[name])
    with pytest.raises(ValueError, match="jobs must be"):
        analyze_tables(ARTICLES, jobs=0)


def test_dask_engine_on_a_two_worker_local_cluster_gives_identical_tables():
    pytest.importorskip("distributed")
    local = analyze_tables(ARTICLES, chunk_size=1)
    on_dask = analyze_tables(ARTICLES, engine="dask", jobs=2, chunk_size=1)
    for name in ("articles", "sentences", "quotes"):
        pd.testing.assert_frame_equal(local[name], on_dask[name])
    with pytest.raises(ValueError, match="engine must be one of"):
        analyze_tables(ARTICLES, engine="spark")


def test_dask_engine_reads_files_on_the_workers_and_writes_what_local_writes(
    tmp_path, write, monkeypatch
):
    pytest.importorskip("distributed")
    import importlib

    from fixtures_corpus import write_fixture_corpus

    from newslib.analyze import analyze_to_folder

    corpus = write_fixture_corpus(tmp_path / "corpus")
    first = sorted(corpus.rglob("*.md"))[0]
    write(f"corpus/zz/{first.name}", first.read_text(encoding="utf-8"))  # a repeat, last
    write("corpus/empty.txt", "")
    write("corpus/blob.txt", b"\x00\x01\x02binary")
    local = analyze_to_folder(corpus, tmp_path / "local", jobs=1, batch_size=4)

    # The client never reads an article file: the workers (other processes) do.
    io = importlib.import_module("newslib.io")

    def not_here(*args, **kwargs):
        raise AssertionError("read on the client")

    monkeypatch.setattr(io, "_read_file", not_here)
    on_dask = analyze_to_folder(
        corpus, tmp_path / "dask", engine="dask", jobs=2, chunk_size=1, batch_size=4
    )
    assert on_dask["rows"] == local["rows"]
    assert on_dask["load_summary"] == local["load_summary"]
    pd.testing.assert_frame_equal(on_dask["load_report"], local["load_report"])
    reasons = " ".join(local["load_report"]["reason"])
    assert "duplicate article" in reasons and "empty file" in reasons and "binary" in reasons
    for name in ("articles", "sentences", "quotes"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "dask" / f"{name}.parquet"),
            pd.read_parquet(tmp_path / "local" / f"{name}.parquet"),
        )
        csv = f"{name}.csv"
        assert (tmp_path / "dask" / csv).read_bytes() == (tmp_path / "local" / csv).read_bytes()


def test_parquet_bytes_do_not_depend_on_how_a_table_was_pieced_together(tmp_path):
    # A run served partly from the cache concatenates cached and fresh rows: the same values
    # in Arrow arrays of several chunks. Past about 1 MB of distinct strings the Parquet
    # writer's pages (and dictionary fallback) followed the chunks, so the bytes differed.
    from newslib.analyze import to_parquet

    texts = [f"sentence {i} " + "abcdefghij"[i % 10] * (150 + i % 50) for i in range(12_000)]
    frame = pd.DataFrame({"article_id": [f"a{i // 20}" for i in range(12_000)], "text": texts})
    pieced = pd.concat([frame[:5_000], frame[5_000:9_000], frame[9_000:]], ignore_index=True)
    to_parquet(frame, tmp_path / "whole.parquet")
    to_parquet(pieced, tmp_path / "pieced.parquet")
    assert (tmp_path / "whole.parquet").read_bytes() == (tmp_path / "pieced.parquet").read_bytes()
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "pieced.parquet"), frame)


def test_read_shared_gives_the_parts_values_with_one_object_per_string(tmp_path):
    from newslib.analyze import _read_parts, _read_shared, to_parquet

    first = pd.DataFrame(
        {
            "article_id": pd.array(["a", "a", "b"], dtype="string"),
            "n": [1, 2, 3],
            "who": pd.array(["Ann Lee", None, "Ann Lee"], dtype="string"),
        }
    )
    second = pd.DataFrame(
        {
            "article_id": pd.array(["c"], dtype="string"),
            "n": [4],
            "who": pd.array(["Ann" + " Lee"], dtype="string"),
        }
    )
    empty = first.iloc[:0]
    parts = []
    for number, table in enumerate([first, empty, second]):
        parts.append(tmp_path / f"part-{number}.parquet")
        to_parquet(table, parts[-1])
    shared = _read_shared(parts, ["who", "n", "missing"])
    assert list(shared.columns) == ["who", "n"]
    assert shared["who"].dtype == object
    assert shared["who"].tolist() == ["Ann Lee", None, "Ann Lee", "Ann Lee"]
    assert shared["who"][0] is shared["who"][3]  # equal strings of different parts: one object
    plain = _read_parts(parts)
    pd.testing.assert_frame_equal(
        _read_shared(parts).astype({"article_id": "string", "who": "string"}), plain
    )
    assert len(_read_shared(parts[1:2])) == 0


def test_rows_in_the_same_order_are_put_beside_as_the_merge_would():
    from newslib.analyze import _merged_rows

    ids = pd.array(["a", "b", "c"], dtype="string")
    articles = pd.DataFrame({"article_id": ids, "n_words": [3, 0, 7]})
    same = pd.DataFrame(
        {"article_id": ids, "score": [0.5, float("nan"), 2.0], "who": ["x", None, "z"]}
    )
    cases = [
        same,  # row for row: the fast path
        same.iloc[::-1],  # another order
        same.iloc[:2],  # an article missing
        same.assign(article_id=same["article_id"].astype(object)),  # another dtype
    ]
    for part in cases:
        expected = articles.merge(part, on="article_id", how="left", validate="one_to_one")
        found = _merged_rows(articles, part)
        assert found.equals(expected) and list(found.dtypes) == list(expected.dtypes)
        assert found.index.equals(expected.index)
    with pytest.raises(pd.errors.MergeError):  # a repeated id is still refused
        twice = pd.DataFrame({"article_id": pd.array(["a", "a", "c"], dtype="string")})
        _merged_rows(twice.assign(n=1), twice.assign(score=1.0))


def test_people_step_over_parts_equals_people_of_the_whole_quotes(tmp_path, write):
    # The corpus step reads the quotes and facts of every part, frees them once their sources
    # are taken out, then resolves and counts: the same people and person columns as
    # people_and_quotes on the whole quotes table, whatever the parts.
    from newslib.analyze import _give_back_memory, analyze_to_folder
    from newslib.people import people_and_quotes

    texts = [
        '"We will win," said Ann Lee, the mayor.\n\nLee said that the vote was close.',
        'Officials said the count went on. "It rained," Mrs. Lee said.',
        'Bob Roe, a spokesman, said the plan was sound. Roe added that it "works".',
        "Nobody spoke. The harbour was quiet.",
    ]
    for n, text in enumerate(texts):
        write(f"corpus/{n}.md", f"---\ntitle: T{n}\ndate: 2020-01-0{n + 1}\n---\n{text}\n")
    runs = {}
    for name, batch in (("parts", 1), ("whole", 100)):
        analyze_to_folder(tmp_path / "corpus", tmp_path / name, jobs=1, csv=False, batch_size=batch)
        runs[name] = {
            t: pd.read_parquet(tmp_path / name / f"{t}.parquet")
            for t in ("people", "quotes", "articles")
        }
    assert len(list((tmp_path / "parts" / "quotes.parquet").iterdir())) == 4
    for table in ("people", "quotes"):
        pd.testing.assert_frame_equal(runs["parts"][table], runs["whole"][table])
    quotes = runs["parts"]["quotes"].drop(columns=["person_id", "person"])
    table, rows = people_and_quotes(quotes, runs["parts"]["articles"])
    assert len(table) >= 3
    pd.testing.assert_frame_equal(runs["parts"]["people"], table)
    pd.testing.assert_frame_equal(runs["parts"]["quotes"], rows)
    _give_back_memory()  # twice: the allocator looked up once, then reused
    _give_back_memory()


def test_collector_settings_are_given_back_and_results_do_not_depend_on_them(tmp_path):
    import gc

    from newslib.analyze import _collector_for_long_runs

    seen = []

    @_collector_for_long_runs
    def probe(fail):
        seen.append((gc.get_threshold()[0], gc.get_freeze_count() > 0))
        if fail:
            raise ValueError("stop")
        return "done"

    before = gc.get_threshold()
    assert probe(False) == "done"
    with pytest.raises(ValueError):
        probe(True)
    assert seen[0][0] >= 50_000 and seen[0][1]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    # a caller's own frozen objects stay frozen
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        probe(False)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    # the tables are those of a run with Python's default collector
    text = '"We sell bread," Ann Lee said. She said the shop opens at nine.'
    df = pd.DataFrame({"article_id": ["a"], "text": [text]})
    tuned = analyze_tables(df)
    gc.disable()
    try:
        plain = analyze_tables(df)
    finally:
        gc.enable()
    for name in tuned:
        assert tuned[name].equals(plain[name])
