"""A damaged cache is never trusted (issue 13): each part of a cache is checked against its
record (sizes, checksums, schemas) before its rows are used. A part that fails is never used:
its articles count as not cached (so they are computed again) and its files are moved aside,
where ``damaged_parts`` lists them. Each damage below still parses as Parquet where it can,
and the test shows it: the cache without checksums returned its wrong values."""

import importlib
import json
import os
import shutil
import struct
import time
from pathlib import Path

import pandas as pd
import pytest

from newslib.analyze import analyze_to_folder
from newslib.cache import DAMAGED, FileCache, ResultCache, damaged_parts
from newslib.io import LoadStream

cache_module = importlib.import_module("newslib.cache")

IDS = [f"article-{n}" for n in range(9)]
TABLES = ("readability", "sentences")


def rerun() -> None:
    """Forget what this process read and verified: the next call reads as a new run does."""
    cache_module._KNOWN.clear()
    cache_module._VERIFIED.clear()


def make_cache(cache_dir: Path) -> ResultCache:
    return ResultCache(cache_dir, "readability", version=1, tables=TABLES)


def results(ids=IDS, grade=11.21) -> dict[str, pd.DataFrame]:
    return {
        "readability": pd.DataFrame({"article_id": ids, "grade": [grade] * len(ids)}),
        "sentences": pd.DataFrame(
            {
                "article_id": [i for i in ids for _ in range(2)],
                "compound": [0.4404, -0.25] * len(ids),
            }
        ),
    }


def part_files(cache: ResultCache) -> dict[str, Path]:
    """The files of the cache's only part, by table."""
    return {table: next((cache.root / table).glob("part-*.parquet")) for table in TABLES}


def overwrite_in_data_page(path: Path, column: str, old, new) -> None:
    """Replace ``old`` by ``new`` (floats, or bytes of one length) where that changes what is
    read of ``column``: inside a data page, not in the statistics. The size stays the same."""
    if isinstance(old, float):
        old, new = struct.pack("<d", old), struct.pack("<d", new)
    assert len(old) == len(new)
    data = path.read_bytes()
    before = pd.read_parquet(path)[column]
    start = data.find(old)
    while start != -1:
        path.write_bytes(data[:start] + new + data[start + len(old) :])
        try:
            if not pd.read_parquet(path)[column].equals(before):
                return
        except Exception:
            pass
        start = data.find(old, start + 1)
    raise AssertionError(f"{old!r} is not in a data page of {path}")


def assert_set_aside(cache_dir: Path, root: Path, part: Path, tables, reason: str) -> Path:
    """The part named like ``part`` is in ``root/damaged/`` with its files and why, listed by
    ``damaged_parts``, and gone from the tables' folders."""
    name = part.name.removesuffix(".parquet")
    aside = root / DAMAGED / name
    assert damaged_parts(cache_dir) == [aside]
    assert sorted(p.name for p in aside.iterdir()) == sorted(
        ["reason.txt", "record.json", *(f"{table}.parquet" for table in tables)]
    )
    assert reason in (aside / "reason.txt").read_text()
    assert not list(root.glob(f"*/{name}.*"))
    return aside


def assert_not_cached(cache: ResultCache, ids=IDS) -> None:
    found, found_ids = cache.load(ids)
    assert found_ids == set()
    assert found == dict.fromkeys(TABLES)
    assert cache.holds(ids) == [False] * len(ids)


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [("readability", "grade", 11.21), ("sentences", "compound", 0.4404)],
)
def test_flipped_bytes_in_a_data_page_are_never_used(tmp_path, table, column, value):
    cache_dir = tmp_path / "cache"
    cache = make_cache(cache_dir)
    cache.store(results())
    assert cache.load(IDS)[0]["readability"]["grade"].tolist() == [11.21] * 9
    path = part_files(cache)[table]
    overwrite_in_data_page(path, column, value, -0.40)
    # Still Parquet, with wrong values: what the cache used to return.
    assert (pd.read_parquet(path)[column] == -0.40).sum() == 9
    rerun()
    assert_not_cached(cache)
    assert_set_aside(cache_dir, cache.root, path, TABLES, f"{table}: the checksum does not match")
    # The articles are computed and stored again; the next run reads the sound part.
    cache.store(results())
    rerun()
    found, found_ids = cache.load(IDS)
    assert found_ids == set(IDS)
    assert found["readability"]["grade"].tolist() == [11.21] * 9
    assert found["sentences"]["compound"].tolist() == [0.4404, -0.25] * 9
    assert len(damaged_parts(cache_dir)) == 1


def test_bytes_changed_after_the_part_was_checked_in_this_process_are_seen(tmp_path):
    cache = make_cache(tmp_path / "cache")
    cache.store(results())
    assert cache.load(IDS)[1] == set(IDS)  # checked (and remembered) in this process
    path = part_files(cache)["readability"]
    stat = path.stat()
    overwrite_in_data_page(path, "grade", 11.21, -0.40)  # same size
    # A write after the check has a later modification time (file times can be coarser than
    # a test is fast: made explicit here).
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    assert_not_cached(cache)
    assert len(damaged_parts(tmp_path / "cache")) == 1


def test_each_file_is_hashed_once_per_process_while_unchanged(tmp_path, monkeypatch):
    cache = make_cache(tmp_path / "cache")
    cache.store(results())
    cache.store(results(["late-1", "late-2"]))
    real, hashed = cache_module.hashlib.sha256, []

    def counting(data=b""):
        if data[:4] == b"PAR1":  # a Parquet file (not a record)
            hashed.append(len(data))
        return real(data)

    monkeypatch.setattr(cache_module.hashlib, "sha256", counting)
    rerun()
    for _ in range(3):
        assert cache.holds([*IDS, "late-1"]) == [True] * 10
        assert cache.load(IDS[:4])[1] == set(IDS[:4])
        assert cache.load(["late-2", *IDS[4:]])[1] == {"late-2", *IDS[4:]}
    files = sorted(p.stat().st_size for p in cache.root.glob("*/part-*.parquet"))
    assert len(files) == 4 and sorted(hashed) == files


@pytest.mark.parametrize("source", ["another table", "another part"])
def test_a_part_swapped_for_another_file_is_never_used(tmp_path, source):
    cache_dir = tmp_path / "cache"
    cache = make_cache(cache_dir)
    cache.store(results())
    first = part_files(cache)
    other = make_cache(tmp_path / "other")
    other.store(results(["other-1", "other-2"], grade=3.5))
    replacement = (
        first["sentences"] if source == "another table" else part_files(other)["readability"]
    )
    shutil.copyfile(replacement, first["readability"])
    # Still Parquet: the cache used to return these rows (another schema, or other values).
    swapped = pd.read_parquet(first["readability"])
    assert "compound" in swapped or swapped["grade"].tolist() == [3.5, 3.5]
    rerun()
    assert_not_cached(cache)
    assert_set_aside(cache_dir, cache.root, first["readability"], TABLES, "readability: ")


@pytest.mark.parametrize("table", TABLES)
def test_a_truncated_part_is_never_used_even_when_checked_before(tmp_path, table):
    cache_dir = tmp_path / "cache"
    cache = make_cache(cache_dir)
    cache.store(results())
    assert cache.load(IDS)[1] == set(IDS)
    path = part_files(cache)[table]
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert_not_cached(cache)  # in the same process: the size changed
    aside = assert_set_aside(cache_dir, cache.root, path, TABLES, f"{table}: ")
    assert "recorded" in (aside / "reason.txt").read_text()


def test_a_missing_file_sets_the_part_aside(tmp_path):
    cache_dir = tmp_path / "cache"
    cache = make_cache(cache_dir)
    cache.store(results())
    part_files(cache)["sentences"].unlink()
    rerun()
    assert_not_cached(cache)
    [aside] = damaged_parts(cache_dir)
    assert aside.parent == cache.root / DAMAGED
    assert (aside / "readability.parquet").is_file() and not (aside / "sentences.parquet").exists()
    assert "sentences: the file is missing" in (aside / "reason.txt").read_text()


@pytest.mark.parametrize("damage", ["edited", "truncated", "not JSON"])
def test_a_damaged_record_sets_the_part_aside(tmp_path, damage):
    cache_dir = tmp_path / "cache"
    cache = make_cache(cache_dir)
    cache.store(results())
    [record] = (cache.root / "readability").glob("part-*.json")
    text = record.read_text()
    if damage == "edited":  # the grade file's recorded size, one byte more: still a record
        body = json.loads(text)
        body["tables"]["readability"]["size"] += 1
        record.write_text(json.dumps(body))
    elif damage == "truncated":
        record.write_text(text[: len(text) // 2])
    else:
        record.write_bytes(b"\xff\x00 not a record")
    rerun()
    assert_not_cached(cache)
    [aside] = damaged_parts(cache_dir)
    assert "record: " in (aside / "reason.txt").read_text()
    assert sorted(p.name for p in aside.iterdir()) == [
        "readability.parquet",
        "reason.txt",
        "record.json",
        "sentences.parquet",
    ]


def test_parts_without_a_record_are_not_used_nor_set_aside(tmp_path):
    """Left by a killed run, or written by newslib before records existed."""
    cache_dir = tmp_path / "cache"
    cache = make_cache(cache_dir)
    for table, frame in results().items():
        (cache.root / table).mkdir(parents=True)
        frame.to_parquet(cache.root / table / "part-0123.parquet", index=False)
    assert_not_cached(cache)
    assert damaged_parts(cache_dir) == []
    assert (cache.root / "readability" / "part-0123.parquet").is_file()


def test_a_part_set_aside_by_another_process_is_not_read(tmp_path):
    cache_dir = tmp_path / "cache"
    cache = make_cache(cache_dir)
    cache.store(results())
    assert cache.holds(IDS) == [True] * 9  # the index was read; the rows not yet
    files = part_files(cache)
    overwrite_in_data_page(files["sentences"], "compound", 0.4404, -0.40)
    name = files["sentences"].name.removesuffix(".parquet")
    assert cache_module._set_aside(cache.root, TABLES, name, "set aside elsewhere")
    assert not cache_module._set_aside(cache.root, TABLES, name, "found damaged here too")
    assert_not_cached(cache)
    assert (cache.root / DAMAGED / name / "reason.txt").read_text() == "set aside elsewhere\n"
    assert damaged_parts(cache_dir) == [cache.root / DAMAGED / name]


# The cache of parsed files.


def load_all(source, **options):
    stream = LoadStream(source, **options)
    chunks = list(stream)
    return pd.concat(chunks, ignore_index=True), stream.report


@pytest.mark.parametrize("table", ["articles", "files"])
def test_a_damaged_file_cache_part_means_reading_the_files_again(write, tmp_path, reads, table):
    write("corpus/2024-04-01_market.txt", "Market reopens\n\nStalls were back on the square.")
    write("corpus/2024-04-02_rain.txt", "Heavy rain\n\nStreets flooded.\n\nSchools closed early.")
    corpus, cache_dir = tmp_path / "corpus", tmp_path / "cache"
    expected = load_all(corpus)
    load_all(corpus, cache_dir=cache_dir)
    [path] = cache_dir.glob(f"files-*/{table}/part-*.parquet")
    data = path.read_bytes()
    if table == "articles":  # one word of the text changed: still Parquet, wrong text
        overwrite_in_data_page(path, "text", b"Stalls were back", b"Stalls were gone")
        texts = pd.read_parquet(path)["text"].tolist()
        assert "Stalls were gone on the square." in texts
    else:
        path.write_bytes(data[:-10])
    rerun()
    reads.clear()
    assert FileCache(cache_dir).lookup(corpus / "2024-04-01_market.txt") is None
    again = load_all(corpus, cache_dir=cache_dir)
    assert sorted(reads) == ["2024-04-01_market.txt", "2024-04-02_rain.txt"]
    pd.testing.assert_frame_equal(again[0], expected[0])
    pd.testing.assert_frame_equal(again[1], expected[1])
    root = path.parents[1]
    assert_set_aside(cache_dir, root, path, ("files", "articles"), f"{table}: ")
    # The files read again were cached again: the next run reads none.
    rerun()
    reads.clear()
    pd.testing.assert_frame_equal(load_all(corpus, cache_dir=cache_dir)[0], expected[0])
    assert reads == []


# A whole run.

TEXTS = {
    "2024-03-01_council.txt": (
        "Council votes on the budget\n\n"
        '"We cannot afford another delay," said Mara Voss, the treasurer. '
        "The council met for four hours.\n\nThe vote passed narrowly."
    ),
    "2024-03-02_harbour.txt": (
        "Harbour works begin\n\nCranes arrived on Monday. Residents complained about the noise, "
        "which the contractor called unavoidable during the first phase of construction."
    ),
    "2024-03-03_library.txt": "Library reopens\n\nThe library reopened. Children were delighted.",
}


def test_a_run_on_a_damaged_cache_gives_the_tables_of_a_clean_run(write, tmp_path):
    for name, text in TEXTS.items():
        write(f"corpus/{name}", text)
    corpus, cache_dir = tmp_path / "corpus", tmp_path / "cache"
    analyze_to_folder(corpus, tmp_path / "clean", jobs=1)
    analyze_to_folder(corpus, tmp_path / "first", jobs=1, cache_dir=cache_dir)
    [path] = cache_dir.glob("readability-*/readability/part-*.parquet")
    grades = pd.read_parquet(path)["flesch_kincaid_grade"]
    overwrite_in_data_page(path, "flesch_kincaid_grade", grades.iloc[0], -0.40)
    assert pd.read_parquet(path)["flesch_kincaid_grade"].iloc[0] == -0.40
    rerun()
    summary = analyze_to_folder(corpus, tmp_path / "again", jobs=1, cache_dir=cache_dir)
    [reported] = summary["cache_damaged"]  # the run says what it set aside, and why
    assert ": readability: the checksum does not match" in reported
    for table in ("articles", "sentences", "quotes"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "again" / f"{table}.parquet"),
            pd.read_parquet(tmp_path / "clean" / f"{table}.parquet"),
        )
        csv = f"{table}.csv"
        assert (tmp_path / "again" / csv).read_bytes() == (tmp_path / "clean" / csv).read_bytes()
    [aside] = damaged_parts(cache_dir)
    assert aside.parent.parent == path.parents[1]
    assert "readability: the checksum does not match" in (aside / "reason.txt").read_text()
    # Recomputed and cached again: a further run neither finds nor sets aside anything.
    rerun()
    summary = analyze_to_folder(corpus, tmp_path / "third", jobs=1, cache_dir=cache_dir)
    assert damaged_parts(cache_dir) == [aside] and summary["cache_damaged"] == []
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "third" / "articles.parquet"),
        pd.read_parquet(tmp_path / "clean" / "articles.parquet"),
    )


def test_files_killed_runs_left_in_the_cache_are_swept_when_old(write, tmp_path):
    for name, text in TEXTS.items():
        write(f"corpus/{name}", text)
    corpus, cache_dir = tmp_path / "corpus", tmp_path / "cache"
    analyze_to_folder(corpus, tmp_path / "out", jobs=1, cache_dir=cache_dir)
    [folder] = cache_dir.glob("readability-*/readability")
    old, young = folder / "part-dead.parquet", folder / "part-writing.parquet"
    temporary = folder / ".part-dead.parquet.99.tmp"
    for path in (old, young, temporary):  # a part that never got its record, a half write
        path.write_bytes(b"x" * 1000)
    an_hour_ago = time.time() - 3700
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(temporary, (an_hour_ago, an_hour_ago))
    (corpus / "new.txt").write_text("Another story\n\nThe ferry ran late again.", "utf-8")
    summary = analyze_to_folder(corpus, tmp_path / "out", jobs=1, cache_dir=cache_dir)
    assert any("cache parts" in note for note in summary["recovered"])
    assert not old.exists() and not temporary.exists()
    assert young.exists()  # perhaps another run's write in progress
    # recorded parts are not swept: every article of the corpus is still held by the cache
    ids = pd.read_parquet(tmp_path / "out" / "articles.parquet")["article_id"].tolist()
    cache = importlib.import_module("newslib.analyze")._caches(cache_dir, "en_US")["readability"]
    assert len(ids) == len(TEXTS) + 1 and all(cache.holds(ids))
