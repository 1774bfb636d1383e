"""ResultCache.merge joins a batch's cache parts into one: a rerun would then read a few large
parts; what it reads stays the same. (Runs do not call it yet: see docs/benchmarks.md.)"""

import copy
import importlib
import json

import pandas as pd

from newslib.cache import ResultCache, damaged_parts

cache_module = importlib.import_module("newslib.cache")


def summary(ids, scale=1.0):
    return pd.DataFrame({"article_id": ids, "x": [scale * len(i) for i in ids]})


def rows(ids):
    # two rows per article, one with a missing word: an article's rows keep their order
    return pd.DataFrame(
        {
            "article_id": [i for i in ids for _ in (0, 1)],
            "n": list(range(2 * len(ids))),
            "w": ["first", None] * len(ids),
        }
    )


def filled(tmp_path, parts):
    cache = ResultCache(tmp_path, "demo", version=1, tables=("s", "t"))
    for ids in parts:
        cache.store({"s": summary(ids), "t": rows(ids)})
    return cache


def records(cache):
    return sorted((cache.root / "s").glob("part-*.json"))


def test_the_parts_a_batch_holds_wholly_become_one_and_read_the_same(tmp_path):
    cache = filled(tmp_path, [["a", "b"], ["c"], ["d", "e"], ["f", "g"]])
    wanted = ["e", "a", "c", "d", "b", "f"]  # "g" not wanted: its part is left as it is
    before, found = cache.load(wanted + ["g"])
    assert cache.merge(wanted) is True
    assert len(records(cache)) == 2
    joined = json.loads(records(cache)[0].read_text())
    joined = joined if len(joined["ids"]) == 5 else json.loads(records(cache)[1].read_text())
    assert joined["ids"] == ["e", "a", "c", "d", "b"]  # in the batch's order
    cache_module._KNOWN.clear()  # as another process sees the folder
    after, found_after = ResultCache(tmp_path, "demo", version=1, tables=("s", "t")).load(
        wanted + ["g"]
    )
    assert found == found_after == set(wanted + ["g"])
    for table in ("s", "t"):
        order = ["article_id", *before[table].columns[1:]]
        left = before[table].sort_values(order, kind="stable", ignore_index=True)
        right = after[table].sort_values(order, kind="stable", ignore_index=True)
        pd.testing.assert_frame_equal(left, right)
    # an article's own rows stay in their order in the joined part
    two = after["t"][after["t"]["article_id"] == "d"]
    assert two["w"].isna().tolist() == [False, True] and two["n"].is_monotonic_increasing


def test_nothing_is_joined_when_fewer_than_two_parts_are_wholly_wanted(tmp_path):
    cache = filled(tmp_path, [["a", "b"], ["c", "d"]])
    names = records(cache)
    assert cache.merge(["a", "b", "c"]) is False
    assert records(cache) == names


def test_a_process_that_read_the_old_parts_reads_the_joined_one(tmp_path):
    cache = filled(tmp_path, [["a"], ["b"], ["c"]])
    expected, _ = cache.load(["a", "b", "c"])
    stale = copy.deepcopy(cache_module._KNOWN)  # what another process knew before the join
    assert cache.merge(["a", "b", "c"])
    cache_module._KNOWN.clear()
    cache_module._KNOWN.update(stale)
    found, ids = ResultCache(tmp_path, "demo", version=1, tables=("s", "t")).load(["c", "a", "b"])
    assert ids == {"a", "b", "c"}
    pd.testing.assert_frame_equal(
        found["s"].sort_values("article_id", ignore_index=True),
        expected["s"].sort_values("article_id", ignore_index=True),
    )


def test_a_damaged_part_is_set_aside_not_joined(tmp_path):
    cache = filled(tmp_path, [["a"], ["b"], ["c"]])
    cache_module._KNOWN.clear()
    damaged = next(p for p in records(cache) if json.loads(p.read_text())["ids"] == ["b"])
    target = cache.root / "t" / f"{damaged.stem}.parquet"
    target.write_bytes(target.read_bytes()[:-20] + b"x" * 20)
    cache = ResultCache(tmp_path, "demo", version=1, tables=("s", "t"))
    assert cache.merge(["a", "b", "c"])
    assert [p.name for p in damaged_parts(tmp_path)] == [damaged.stem]
    found, ids = cache.load(["a", "b", "c"])
    assert ids == {"a", "c"}  # b is computed again by its run
    assert found["s"]["article_id"].tolist() == ["a", "c"]


def test_parts_of_differing_schemas_are_left_apart(tmp_path):
    cache = ResultCache(tmp_path, "demo", version=1, tables=("s", "t"))
    cache.store({"s": summary(["a"]), "t": rows(["a"])})
    integers = summary(["b"]).astype({"x": "int64"})  # the same column, another type
    cache.store({"s": integers, "t": rows(["b"])})
    names = records(cache)
    assert cache.merge(["a", "b"]) is False
    assert records(cache) == names
    found, _ = cache.load(["a", "b"])
    assert found["s"]["x"].tolist() == [1.0, 1.0]


def test_a_part_as_large_as_half_the_batch_is_not_rewritten(tmp_path):
    # a rerun after files were added: the batch's joined part and one new chunk part
    cache = filled(tmp_path, [["a", "b", "c", "d"], ["e"], ["f"]])
    big = next(p for p in records(cache) if len(json.loads(p.read_text())["ids"]) == 4)
    assert cache.merge(["a", "b", "c", "d", "e", "f"]) is True  # the two small ones only
    assert big in records(cache) and len(records(cache)) == 2
    assert cache.merge(["a", "b", "c", "d", "e"]) is False


def test_a_part_removed_while_being_joined_leaves_the_cache_as_it_was(tmp_path, monkeypatch):
    # another run joins (and removes) the same parts after this one checked them
    cache = filled(tmp_path, [["a"], ["b"], ["c"]])
    expected, _ = cache.load(["a", "b", "c"])
    names = records(cache)
    read = cache_module._read_arrow

    def removed_first(source, *args, **kwargs):
        for path in cache.root.glob("*/part-*.parquet"):
            if json.loads((cache.root / "s" / f"{path.stem}.json").read_text())["ids"] == ["b"]:
                path.unlink()
        return read(source, *args, **kwargs)

    monkeypatch.setattr(cache_module, "_read_arrow", removed_first)
    assert cache.merge(["a", "b", "c"]) is False  # no error: the join is only a saving
    monkeypatch.setattr(cache_module, "_read_arrow", read)
    assert records(cache) == names  # no new part recorded
    found, ids = cache.load(["a", "b", "c"])
    assert ids == {"a", "c"}  # b's files are gone: its run computes it again
    pd.testing.assert_frame_equal(
        found["s"].reset_index(drop=True),
        expected["s"][expected["s"]["article_id"] != "b"].reset_index(drop=True),
    )
