"""Reruns read per-article results from the cache; only new or edited articles are computed."""

import importlib
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
import pytest

from newslib.analyze import analyze_tables

# The module, not the function newslib.analyze that shares its name.
pipeline = importlib.import_module("newslib.analyze")
# Where chunks run: _OVERLAP_MIN_CACHED and the warm-up live there (newslib.analyze_runner).
runner_module = importlib.import_module("newslib.analyze_runner")
cache_module = importlib.import_module("newslib.cache")

TEXTS = {
    "a": '"We are ready," said Lea Park, the coach. The team trained hard.',
    "b": "Prices fell again in March. Shoppers were pleased.\n\nShops were not.",
    "c": 'The mayor called it a "historic" day. "I am proud," she said.',
    "d": "",
}


def corpus(ids, edits=None):
    texts = {**TEXTS, **(edits or {})}
    return pd.DataFrame({"article_id": list(ids), "text": [texts[i] for i in ids]})


@pytest.fixture
def calls(monkeypatch):
    """Record which articles each analysis is run on."""
    seen = {"quotes": [], "readability": [], "sentiment": []}
    for name in seen:
        real = getattr(pipeline, name)

        def spy(frame, *args, _real=real, _name=name, **kwargs):
            seen[_name].extend(frame["article_id"])
            return _real(frame, *args, **kwargs)

        monkeypatch.setattr(pipeline, name, spy)
    return seen


def assert_same(left, right):
    for name in ("articles", "sentences", "quotes"):
        pd.testing.assert_frame_equal(left[name], right[name])


def test_warm_rerun_reads_everything_from_the_cache(tmp_path, calls):
    expected = analyze_tables(corpus("abcd"))
    cold = analyze_tables(corpus("abcd"), cache_dir=tmp_path)
    assert_same(cold, expected)
    for name in calls:
        calls[name].clear()
    warm = analyze_tables(corpus("abcd"), cache_dir=tmp_path)
    assert_same(warm, expected)
    assert calls == {"quotes": [], "readability": [], "sentiment": []}


def test_new_and_edited_articles_are_the_only_ones_computed(tmp_path, calls):
    analyze_tables(corpus("abc"), cache_dir=tmp_path)
    for name in calls:
        calls[name].clear()
    # An edited article has a new article_id in practice; here "c2" is the edited copy of c.
    edited = corpus("abd")
    edited = pd.concat(
        [edited, pd.DataFrame({"article_id": ["c2"], "text": [TEXTS["c"] + " Then rain."]})]
    )
    result = analyze_tables(edited, cache_dir=tmp_path)
    assert sorted(calls["readability"]) == ["c2", "d"]
    assert sorted(calls["quotes"]) == ["c2", "d"]
    assert sorted(calls["sentiment"]) == ["c2", "d"]
    assert_same(result, analyze_tables(edited))


def test_version_bump_invalidates_only_that_analysis(tmp_path, calls, monkeypatch):
    analyze_tables(corpus("abc"), cache_dir=tmp_path)
    for name in calls:
        calls[name].clear()
    monkeypatch.setitem(
        pipeline.ANALYSIS_VERSIONS, "readability", pipeline.ANALYSIS_VERSIONS["readability"] + 1
    )
    analyze_tables(corpus("abc"), cache_dir=tmp_path)
    assert sorted(calls["readability"]) == ["a", "b", "c"]
    assert calls["quotes"] == [] and calls["sentiment"] == []
    # Quotes feed sentiment's in_quote, so a quotes bump recomputes both.
    for name in calls:
        calls[name].clear()
    monkeypatch.setitem(
        pipeline.ANALYSIS_VERSIONS, "quotes", pipeline.ANALYSIS_VERSIONS["quotes"] + 1
    )
    analyze_tables(corpus("abc"), cache_dir=tmp_path)
    assert calls["readability"] == []
    assert sorted(calls["quotes"]) == sorted(calls["sentiment"]) == ["a", "b", "c"]


def test_other_code_or_rules_recompute_every_analysis(tmp_path, calls, monkeypatch):
    # an upgrade, or an edited rule file, gives another code digest: nothing cached by the
    # old rules may be read back as the new rules' results
    analyze_tables(corpus("ab"), cache_dir=tmp_path)
    for name in calls:
        calls[name].clear()
    monkeypatch.setattr(cache_module, "code_digest", lambda: "rules-edited")
    analyze_tables(corpus("ab"), cache_dir=tmp_path)
    for name in ("readability", "quotes", "sentiment"):
        assert sorted(calls[name]) == ["a", "b"]


def test_options_are_part_of_the_key(tmp_path, calls):
    analyze_tables(corpus("ab"), cache_dir=tmp_path, lang="en_US")
    calls["readability"].clear()
    analyze_tables(corpus("ab"), cache_dir=tmp_path, lang="de")
    assert sorted(calls["readability"]) == ["a", "b"]


def test_a_run_killed_while_writing_leaves_a_usable_cache(tmp_path, monkeypatch):
    expected = analyze_tables(corpus("abc"))
    real_to_parquet = pd.DataFrame.to_parquet
    writes = []

    def dying_to_parquet(self, path, *args, **kwargs):
        writes.append(path)
        if len(writes) == 2:  # the second file of the first part: rows written, index not yet
            raise KeyboardInterrupt("killed")
        return real_to_parquet(self, path, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", dying_to_parquet)
    with pytest.raises(KeyboardInterrupt):
        analyze_tables(corpus("abc"), cache_dir=tmp_path)
    monkeypatch.setattr(pd.DataFrame, "to_parquet", real_to_parquet)
    assert_same(analyze_tables(corpus("abc"), cache_dir=tmp_path), expected)
    # A truncated (corrupt) part is ignored and its articles recomputed.
    for part in tmp_path.glob("*/*/part-*.parquet"):
        part.write_bytes(part.read_bytes()[:20])
    assert_same(analyze_tables(corpus("abc"), cache_dir=tmp_path), expected)


def _run(args):
    ids, cache_dir = args
    return analyze_tables(corpus(ids), cache_dir=cache_dir)


def test_two_runs_sharing_a_cache_at_once(tmp_path):
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        first, second = pool.map(_run, [("abcd", tmp_path), ("dcba", tmp_path)])
    assert_same(first, analyze_tables(corpus("abcd")))
    assert_same(second, analyze_tables(corpus("dcba")))
    assert_same(analyze_tables(corpus("abcd"), cache_dir=tmp_path), first)


def test_a_part_damaged_after_it_was_read_is_recomputed(tmp_path):
    expected = analyze_tables(corpus("abc"))
    analyze_tables(corpus("abc"), cache_dir=tmp_path)
    assert_same(analyze_tables(corpus("abc"), cache_dir=tmp_path), expected)  # indexed now
    for part in tmp_path.glob("quotes-*/quotes/part-*.parquet"):
        part.write_bytes(b"not parquet")
    assert_same(analyze_tables(corpus("abc"), cache_dir=tmp_path), expected)


def test_with_workers_cached_articles_are_read_here_and_order_is_kept(tmp_path, calls):
    analyze_tables(corpus("ac"), cache_dir=tmp_path)
    for name in calls:
        calls[name].clear()
    # One new article: computed in this process (no pool for one chunk), "a" and "c" read.
    one_new = analyze_tables(corpus("cba"), cache_dir=tmp_path, jobs=2, chunk_size=1)
    assert calls["readability"] == calls["quotes"] == calls["sentiment"] == ["b"]
    assert_same(one_new, analyze_tables(corpus("cba")))
    # New articles around a cached one, computed by two workers: order as given.
    other = tmp_path / "other"
    analyze_tables(corpus("c"), cache_dir=other)
    mixed = analyze_tables(corpus("dcba"), cache_dir=other, jobs=2, chunk_size=1)
    assert_same(mixed, analyze_tables(corpus("dcba")))
    assert mixed["articles"]["article_id"].tolist() == list("dcba")


def test_one_new_chunk_beside_many_cached_articles_goes_to_one_worker(tmp_path, calls, monkeypatch):
    analyze_tables(corpus("ac"), cache_dir=tmp_path)
    for name in calls:
        calls[name].clear()
    # Two cached articles count as many here: the new "b" is analysed in a worker (the spies
    # of this process see nothing) while "a" and "c" are read, and a pool of one is enough.
    monkeypatch.setattr(runner_module, "_OVERLAP_MIN_CACHED", 2)
    sizes = _pool_sizes(monkeypatch)
    overlapped = analyze_tables(corpus("cba"), cache_dir=tmp_path, jobs=2)
    assert calls == {"quotes": [], "readability": [], "sentiment": []}
    assert sizes == [1]
    assert_same(overlapped, analyze_tables(corpus("cba")))
    # Below the threshold the one chunk is computed here, as before (no pool).
    monkeypatch.setattr(runner_module, "_OVERLAP_MIN_CACHED", 4)
    calls["quotes"].clear()
    analyze_tables(corpus("cbad"), cache_dir=tmp_path, jobs=2)
    assert calls["quotes"] == ["d"] and sizes == [1]


def _pool_sizes(monkeypatch) -> list:
    """The sizes the run asks its worker pools for, in order (the pools start as usual)."""
    sizes = []
    real_pool = pipeline._Runner._worker_pool

    def pool(self, size=None):
        sizes.append(size)
        return real_pool(self, size)

    monkeypatch.setattr(pipeline._Runner, "_worker_pool", pool)
    return sizes


def test_a_batch_of_cached_articles_only_starts_no_worker(tmp_path, monkeypatch):
    analyze_tables(corpus("abc"), cache_dir=tmp_path)
    monkeypatch.setattr(runner_module, "_OVERLAP_MIN_CACHED", 2)  # three cached count as many
    sizes = _pool_sizes(monkeypatch)
    again = analyze_tables(corpus("cba"), cache_dir=tmp_path, jobs=2)
    assert sizes == []  # nothing to compute: no process started for it
    assert_same(again, analyze_tables(corpus("cba")))


def test_a_rerun_with_a_cache_starts_its_one_worker_before_loading(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in "ab":
        (folder / f"{name}.txt").write_text(f"Note {name}\n\n{TEXTS['c']} {name}.\n", "utf-8")
    started = []
    real_pool, real_submit = pipeline._Runner._worker_pool, pipeline._Runner.submit

    def pool(self, size=None):
        started.append((size, getattr(self, "_loaded", False)))
        return real_pool(self, size)

    def submit(self, *args, **kwargs):
        self._loaded = True
        return real_submit(self, *args, **kwargs)

    monkeypatch.setattr(pipeline._Runner, "_worker_pool", pool)
    monkeypatch.setattr(pipeline._Runner, "submit", submit)
    options = dict(jobs=2, csv=False, cache_dir=tmp_path / "cache")
    pipeline.analyze_to_folder(folder, tmp_path / "out", **options)
    assert started == []  # a first run: no earlier tables, no worker for two articles
    (folder / "a.txt").write_text("Note a\n\nPrices fell again.\n", encoding="utf-8")
    pipeline.analyze_to_folder(folder, tmp_path / "out", **options)
    assert started == []  # an earlier run of fewer articles than _OVERLAP_MIN_CACHED
    monkeypatch.setattr(runner_module, "_OVERLAP_MIN_CACHED", 2)
    (folder / "b.txt").write_text("Note b\n\nPrices rose.\n", encoding="utf-8")
    pipeline.analyze_to_folder(folder, tmp_path / "out", **options)
    assert started == [(1, False)]  # started before the first batch was loaded
    pipeline.analyze_to_folder(folder, tmp_path / "cold", jobs=1, csv=False)
    for table in ("articles", "sentences", "quotes", "people"):
        left = pd.read_parquet(tmp_path / "out" / f"{table}.parquet")
        assert left.equals(pd.read_parquet(tmp_path / "cold" / f"{table}.parquet")), table


def test_the_warm_up_article_reaches_quotations_and_reported_speech(tmp_path, monkeypatch):
    frame = pd.DataFrame({"article_id": ["w"], "text": [runner_module._WARM_UP_TEXT]})
    assert {"direct", "indirect"} <= set(pipeline.quotes(frame)["kind"])
    monkeypatch.chdir(tmp_path)
    assert pipeline._warm_up("en_US") is None
    assert list(tmp_path.iterdir()) == []  # no cache: nothing written


def test_a_one_worker_pool_outgrown_gives_way_to_the_full_pool(tmp_path):
    runner = pipeline._Runner(
        lang="en_US", jobs=2, cache_dir=None, engine="local", scheduler=None, progress=False
    )
    with runner:
        one = runner._worker_pool(1)
        pending = one.submit(pow, 2, 10)
        assert runner._worker_pool(1) is one and runner._worker_pool(2) is not one
        assert pending.result() == 1024  # work given to the outgrown pool still gets done
        full = runner._pool
        assert runner._worker_pool(1) is full  # a larger pool serves a request for one
        assert runner._pool_size == 2


def test_cached_rows_are_the_same_without_pandas_arrow_conversion(tmp_path, monkeypatch):
    # ResultCache.load joins the parts' Arrow tables and converts them once; with a pandas that
    # has no conversion to call it reads frames as before: the same rows either way
    cache_module = importlib.import_module("newslib.cache")
    ResultCache = cache_module.ResultCache

    cache = ResultCache(tmp_path, "demo", version=1, tables=("s", "t"))
    for ids in (["a", "b"], ["c"], ["d", "e"]):
        cache.store(
            {
                "s": pd.DataFrame({"article_id": ids, "x": [float(len(i)) for i in ids]}),
                "t": pd.DataFrame({"article_id": ids * 2, "w": ["one", None] * len(ids)}),
            }
        )
    wanted = ["e", "a", "c", "b"]  # parts partly wanted, and not in the order they were written
    joined, found = cache.load(wanted)
    # replaced where it lives (newslib.cache_parts), which ResultCache.load reads it from
    monkeypatch.setattr(
        importlib.import_module("newslib.cache_parts"), "_arrow_to_pandas", lambda: None
    )
    framed, found_too = ResultCache(tmp_path, "demo", version=1, tables=("s", "t")).load(wanted)
    assert found == found_too == set(wanted)
    for table in ("s", "t"):
        order = ["article_id"] + list(joined[table].columns[1:])
        left = joined[table].sort_values(order, kind="stable", ignore_index=True)
        right = framed[table].sort_values(order, kind="stable", ignore_index=True)
        assert left.equals(right)


def test_the_owners_index_answers_as_a_dict_of_the_first_part_holding_each_id():
    from newslib.cache import _Owners

    owners, reference = _Owners(), {}
    parts = [
        ("part-2", ["a", "b", "a\x00", "é"]),
        ("part-1", ["b", "c", "a\x00\x00", 7]),
        ("part-3", ["c", "d" * 40, 7, ""]),
    ]
    for n in range(len(parts)):  # one part at a time, then two at once
        owners.add(parts[n : n + 1] if n < 1 else [])
    owners.add(parts[1:])
    for part, ids in parts:
        for identity in ids:
            reference.setdefault(identity, part)
    wanted = ["a", "a\x00", "a\x00\x00", "b", "c", "é", 7, "d" * 40, "", "x", 8, "a\x01"]
    assert owners.lookup(wanted) == [reference.get(i) for i in wanted]
    owners.remove("part-1")
    assert owners.lookup(["b", "c", 7, "a\x00\x00"]) == ["part-2", None, None, None]


def test_code_digest_of_a_tree_with_a_dangling_link_is_no_error(tmp_path):
    # an editor's lock file is a link to nothing ('.#cues.txt'): the digest still works and
    # still sees an edit to the other files
    from newslib._versions import _tree_digest

    (tmp_path / "cues.txt").write_text("said")
    (tmp_path / ".#cues.txt").symlink_to(tmp_path / "nowhere")
    before = _tree_digest(tmp_path, [])
    (tmp_path / "cues.txt").write_text("said told")
    assert _tree_digest(tmp_path, []) != before
