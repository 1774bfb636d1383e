"""What a rerun takes over from earlier work without reading it again: the article ids a cache
part's record lists, the file keys the run key's walk took, and the output parts written by a
background thread. Each is checked to give what reading again gives, and never to hide a
change."""

import importlib
import json
import os
import time

import pandas as pd
import pytest

from newslib import manifest, publish
from newslib.analyze import analyze_to_folder
from newslib.cache import ResultCache, damaged_parts
from newslib.io import LoadStream

cache_module = importlib.import_module("newslib.cache")
parts_module = importlib.import_module("newslib.cache_parts")
output_module = importlib.import_module("newslib.analyze_output")

SUMMARY = pd.DataFrame({"article_id": ["a1", "b2"], "x": [1.5, 2.5]})
ROWS = pd.DataFrame({"article_id": ["b2", "b2", "a1"], "y": [1, 2, 3]})


def new_cache(folder):
    cache_module._KNOWN.clear()  # as a new process: nothing of the parts known yet
    return ResultCache(folder, "demo", version=1, tables=("summary", "rows"))


def records(cache):
    return sorted((cache.root / "summary").glob("part-*.json"))


def test_a_part_record_lists_its_ids_and_which_articles_are_held_needs_no_index_file(
    tmp_path, monkeypatch
):
    new_cache(tmp_path).store({"summary": SUMMARY, "rows": ROWS})
    cache = new_cache(tmp_path)
    (record,) = records(cache)
    assert json.loads(record.read_text())["ids"] == ["a1", "b2"]
    opened = []
    real = cache_module._read_arrow
    monkeypatch.setattr(
        cache_module, "_read_arrow", lambda *a, **k: opened.append(a) or real(*a, **k)
    )
    assert cache.holds(["b2", "c3", "a1"]) == [True, False, True]
    assert opened == []  # the ids came from the record
    found, ids = cache.load(["b2"])
    assert ids == {"b2"}
    assert found["summary"]["x"].tolist() == [2.5]
    assert found["rows"]["y"].tolist() == [1, 2]


def test_a_record_without_ids_is_read_from_its_index_as_before(tmp_path):
    # what an earlier newslib wrote: no ids in the record
    cache = new_cache(tmp_path)
    parts_module._write_part(cache.root, [("summary", SUMMARY), ("rows", ROWS)])
    (record,) = records(cache)
    assert "ids" not in json.loads(record.read_text())
    cache = new_cache(tmp_path)
    assert cache.holds(["a1", "b2", "c3"]) == [True, True, False]
    found, ids = cache.load(["a1", "b2"])
    assert ids == {"a1", "b2"}
    assert found["summary"].equals(SUMMARY)


def test_a_record_whose_ids_were_changed_is_set_aside_and_its_articles_recomputed(tmp_path):
    new_cache(tmp_path).store({"summary": SUMMARY, "rows": ROWS})
    (record,) = records(new_cache(tmp_path))
    body = json.loads(record.read_text())
    body["ids"] = ["a1", "z9"]  # the checksum left as it was
    record.write_text(json.dumps(body))
    cache = new_cache(tmp_path)
    assert cache.holds(["a1", "b2", "z9"]) == [False, False, False]
    assert len(damaged_parts(tmp_path)) == 1


def test_ids_that_are_not_strings_are_left_out_of_the_record(tmp_path):
    cache = new_cache(tmp_path)
    summary = pd.DataFrame({"article_id": [7, 8], "x": [1.0, 2.0]})
    cache.store({"summary": summary, "rows": summary.rename(columns={"x": "y"})})
    (record,) = records(cache)
    assert "ids" not in json.loads(record.read_text())
    assert new_cache(tmp_path).holds([8, 9]) == [True, False]


def test_the_load_uses_the_walks_keys_and_a_file_changed_after_the_walk_is_read_again(
    tmp_path,
):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = corpus / "a.txt"
    path.write_text("Pier vote\n\nAnn Lee said the pier would open.\n", encoding="utf-8")
    listing: dict = {}
    manifest.run_key(corpus, {}, listing=listing)
    assert listing["keys"] == [(str(path), path.stat().st_size, path.stat().st_mtime_ns)]
    # Edited after the walk, keeping its size: the run reads the text as it is now ...
    stat = path.stat()
    path.write_text("Pier vote\n\nTom Roe said the pier would open.\n", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert path.stat().st_size == stat.st_size
    cache_dir = tmp_path / "cache"
    first = pd.concat(list(LoadStream(corpus, cache_dir=cache_dir, listing=listing)))
    assert "Tom Roe" in first["text"].iloc[0]
    # ... keyed by the walk's size and time, so the next run finds the file changed, reads it
    # again, and never takes the cached reading for the file as it is now.
    reads = []
    module = importlib.import_module("newslib.io")
    real = module.read_files
    module.read_files = lambda *a, **k: reads.append(a[0]) or real(*a, **k)
    try:
        again = pd.concat(list(LoadStream(corpus, cache_dir=cache_dir)))
    finally:
        module.read_files = real
    assert [str(p) for p in reads] == [str(path)]
    assert again["text"].tolist() == first["text"].tolist()


def test_a_key_of_another_file_is_not_used(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Pier vote\n\nAnn Lee spoke.\n", encoding="utf-8")
    listing: dict = {}
    manifest.run_key(corpus, {}, listing=listing)
    listing["keys"] = [("elsewhere.txt", 1, 2)]
    loaded = pd.concat(list(LoadStream(corpus, cache_dir=tmp_path / "cache", listing=listing)))
    assert loaded["title"].tolist() == ["Pier vote"]
    # the reading was cached under the file's own key, so the next load reads no file
    reads = []
    module = importlib.import_module("newslib.io")
    real = module.read_files
    module.read_files = lambda *a, **k: reads.append(a[0]) or real(*a, **k)
    try:
        cached = pd.concat(list(LoadStream(corpus, cache_dir=tmp_path / "cache")))
    finally:
        module.read_files = real
    assert reads == []
    assert cached["text"].tolist() == loaded["text"].tolist()


def test_a_file_edited_after_the_walk_then_put_back_is_never_served_the_edit(tmp_path):
    # the edit is read under the walk's key; the original put back with its time (cp -p,
    # rsync -a) has that key again: the edit must not have been cached under it
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = corpus / "a.txt"
    original = "Pier vote\n\nAnn Lee said the pier would open.\n"
    path.write_text(original, encoding="utf-8")
    stat = path.stat()
    listing: dict = {}
    manifest.run_key(corpus, {}, listing=listing)
    path.write_text(original.replace("Ann Lee", "Tom Roe"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    cache_dir = tmp_path / "cache"
    edited = pd.concat(list(LoadStream(corpus, cache_dir=cache_dir, listing=listing)))
    assert "Tom Roe" in edited["text"].iloc[0]
    path.write_text(original, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = pd.concat(list(LoadStream(corpus, cache_dir=cache_dir)))
    assert "Ann Lee" in again["text"].iloc[0]


def test_the_background_writes_end_before_the_tables_are_published(tmp_path, monkeypatch):
    # several parts per table, each write slowed: what is published reads back whole
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(6):
        (corpus / f"{n}.txt").write_text(
            f'Pier vote {n}\n\n"We will build it," said Ann Lee. Tom Roe said it was {n}.\n',
            encoding="utf-8",
        )
    reference = tmp_path / "reference"
    analyze_to_folder(corpus, reference, jobs=1, csv=False, batch_size=2)
    real = output_module.to_parquet

    def slow(table, path):
        time.sleep(0.2)
        real(table, path)

    monkeypatch.setattr(output_module, "to_parquet", slow)
    out = tmp_path / "out"
    analyze_to_folder(corpus, out, jobs=1, csv=False, batch_size=2)
    for name in ("articles", "sentences", "quotes", "people"):
        expected = pd.read_parquet(reference / f"{name}.parquet")
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{name}.parquet"), expected)


def test_a_background_write_that_fails_raises_by_the_time_the_writes_are_waited_for():
    writes = output_module._BackgroundWrites()
    done = []

    def fail(_):
        raise OSError("disk full")

    writes.submit(fail, 1)
    with pytest.raises(OSError, match="disk full"):
        writes.submit(done.append, 2)  # (raises here when the first write is waited for)
        writes.wait()
    writes.wait(raise_errors=False)
    writes.submit(done.append, 3)  # usable again after a wait
    writes.wait()
    assert done[-1] == 3


def test_a_write_that_fails_in_the_background_fails_the_run_and_leaves_out_as_it_was(
    tmp_path, monkeypatch
):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        'Pier vote\n\n"We will build it," said Ann Lee.\n', encoding="utf-8"
    )
    out = tmp_path / "out"
    analyze_to_folder(corpus, out, jobs=1, csv=False)
    before = {p.name: p.read_bytes() for p in (out / "quotes.parquet").iterdir()}
    (corpus / "b.txt").write_text("Storm\n\nTom Roe said it would rain.\n", encoding="utf-8")
    real = output_module.to_parquet

    def failing(table, path):
        if "sentences" in str(path):
            raise OSError("no space left")
        real(table, path)

    monkeypatch.setattr(output_module, "to_parquet", failing)
    with pytest.raises(OSError, match="no space left"):
        analyze_to_folder(corpus, out, jobs=1, csv=False)
    assert {p.name: p.read_bytes() for p in (out / "quotes.parquet").iterdir()} == before
    assert not [p for p in out.iterdir() if p.name.startswith(publish.STAGING_PREFIX)]
