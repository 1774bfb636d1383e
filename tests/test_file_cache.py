"""Parsed files are cached by path, size and modification time: a rerun reads only the files
that changed, and loads exactly what a fresh load gives (articles, report, summary, chunks)."""

import os

import pandas as pd
import pytest

from newslib.analyze import analyze_to_folder
from newslib.io import LoadStream

ROWS = pd.DataFrame(
    {
        "title": ["Tram line opens", "Bridge closed", "Tram line opens"],  # row 3 repeats row 1
        "text": [
            "The new tram line opened on Sunday.",
            '"It will stay shut until May," an engineer said.',
            "The new tram line opened on Sunday.",
        ],
        "date": ["2024-05-01T08:00:00+02:00", "2024-05-02", "2024-05-01T08:00:00+02:00"],
        "source": ["City Desk", "City Desk", "City Desk"],
    }
)


@pytest.fixture
def corpus(write, tmp_path):
    write("corpus/2024-04-01_market.txt", "Market reopens\n\nStalls were back on the square.")
    write("corpus/2024-04-02_rain.txt", "Heavy rain\n\nStreets flooded.\n\nSchools closed early.")
    # The same article as the market one: a duplicate across files.
    write("corpus/2024-04-01_market_copy.txt", "Market reopens\n\nStalls were back on the square.")
    write("corpus/empty.txt", "")
    ROWS.to_csv(tmp_path / "corpus" / "export.csv", index=False)
    return tmp_path / "corpus"


def load_all(source, **options):
    stream = LoadStream(source, **options)
    chunks = list(stream)
    return chunks, stream.report, stream.summary


def assert_same_load(left, right):
    left_chunks, left_report, left_summary = left
    right_chunks, right_report, right_summary = right
    assert [len(c) for c in left_chunks] == [len(c) for c in right_chunks]
    for a, b in zip(left_chunks, right_chunks, strict=True):
        pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(left_report, right_report)
    assert left_summary == right_summary


@pytest.mark.parametrize("chunk_size", [None, 2])
@pytest.mark.parametrize("tz", [None, "Europe/Berlin"])
def test_a_rerun_reads_no_unchanged_file_and_loads_the_same(
    corpus, tmp_path, reads, chunk_size, tz
):
    expected = load_all(corpus, chunk_size=chunk_size, tz=tz)
    cache = tmp_path / "cache"
    assert_same_load(load_all(corpus, chunk_size=chunk_size, tz=tz, cache_dir=cache), expected)
    reads.clear()
    again = load_all(corpus, chunk_size=chunk_size, tz=tz, cache_dir=cache)
    assert reads == []
    assert_same_load(again, expected)
    report = " ".join(expected[1]["reason"])
    assert "duplicate article" in report and "empty file" in report


def test_only_changed_files_are_read_again(corpus, tmp_path, reads):
    cache = tmp_path / "cache"
    load_all(corpus, cache_dir=cache)
    path = corpus / "2024-04-02_rain.txt"
    path.write_text("Heavy rain\n\nStreets flooded again.", encoding="utf-8")
    reads.clear()
    again = load_all(corpus, cache_dir=cache)
    assert reads == ["2024-04-02_rain.txt"]
    assert_same_load(again, load_all(corpus))
    assert "Streets flooded again." in again[0][0]["text"].tolist()


def test_a_removed_original_lets_its_cached_duplicate_in(corpus, tmp_path, reads):
    cache = tmp_path / "cache"
    first = load_all(corpus, cache_dir=cache)[0][0]
    assert "corpus/2024-04-01_market_copy.txt" not in " ".join(first["path"])
    (corpus / "2024-04-01_market.txt").unlink()
    reads.clear()
    again = load_all(corpus, cache_dir=cache)
    assert reads == []  # the copy was parsed the first time, though then dropped
    assert_same_load(again, load_all(corpus))
    assert again[0][0]["path"].str.endswith("market_copy.txt").sum() == 1


def test_other_load_options_do_not_share_entries(corpus, tmp_path, reads):
    cache = tmp_path / "cache"
    load_all(corpus, cache_dir=cache)
    reads.clear()
    load_all(corpus, cache_dir=cache, max_bytes=10_000)
    assert len(reads) == 5


def test_a_same_size_edit_with_a_new_time_is_read_again(corpus, tmp_path, reads):
    cache = tmp_path / "cache"
    load_all(corpus, cache_dir=cache)
    path = corpus / "2024-04-01_market.txt"
    stat = path.stat()
    path.write_text("Market reopens\n\nStalls were back on the square!", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    reads.clear()
    again = load_all(corpus, cache_dir=cache)
    assert reads == ["2024-04-01_market.txt"]
    assert_same_load(again, load_all(corpus))


def test_damaged_cache_parts_mean_reading_the_files_again(corpus, tmp_path, reads):
    cache = tmp_path / "cache"
    expected = load_all(corpus, cache_dir=cache)
    parts = list(cache.glob("files-*/*/part-*.parquet"))
    assert len(parts) == 2  # the article rows and the index
    for part in parts:
        part.write_bytes(b"not parquet")
    reads.clear()
    assert_same_load(load_all(corpus, cache_dir=cache), expected)
    assert len(reads) == 5


def test_analysis_into_a_new_folder_reads_no_file(corpus, tmp_path, reads):
    cache = tmp_path / "cache"
    first = analyze_to_folder(corpus, tmp_path / "one", jobs=1, cache_dir=cache)
    reads.clear()
    second = analyze_to_folder(corpus, tmp_path / "two", jobs=1, cache_dir=cache)
    assert reads == []
    assert second["rows"] == first["rows"]
    pd.testing.assert_frame_equal(second["load_report"], first["load_report"])
    for name in ("articles", "sentences", "quotes"):
        csv = f"{name}.csv"
        assert (tmp_path / "two" / csv).read_bytes() == (tmp_path / "one" / csv).read_bytes()


def test_a_parts_rows_by_file_are_what_groupby_and_a_stable_sort_give():
    import numpy as np

    from newslib.cache import _rows_by_file

    rng = np.random.default_rng(7)
    for _ in range(200):
        n = int(rng.integers(0, 30))
        files = pd.Series(rng.choice(["a.txt", "b.txt", "c.txt", None], n), dtype="string")
        positions = rng.integers(0, 4, n)
        groups = pd.DataFrame({"_file": files}).groupby("_file", sort=False).indices
        expected = {
            path: rows[np.argsort(positions[rows], kind="stable")] for path, rows in groups.items()
        }
        found = _rows_by_file(files, positions)
        assert list(found) == list(expected)
        assert all(found[path].tolist() == rows.tolist() for path, rows in expected.items())
