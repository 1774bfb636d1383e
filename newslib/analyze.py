"""One call for the whole analysis: readability, quotes and sentiment per article.

``analyze`` returns the article-level table; ``analyze_tables`` also returns the sentence and
quote tables the command line writes. Both are pure functions of their input: the same articles
give identical tables, whatever their order. ``analyze_to_folder`` analyses a corpus batch by
batch into an output folder (what ``newslib analyze`` runs).

This module holds those entry points and the analysis of one chunk of articles
(``_analyze_chunk``, what each worker runs, with the per-article caches); where chunks run
(this process, worker processes, Dask) is :mod:`newslib.analyze_runner`, and the writing of the
tables :mod:`newslib.analyze_output`.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from . import analyze_runner, manifest, publish
from ._frame import _in_order, _Positions, require_columns
from ._versions import ANALYSIS_VERSIONS
from .analyze_output import (
    _ARTICLE_COLUMNS,
    TABLES,
    _PartWriter,
    _publish,
    _write_load_report,
    _written,
    csv_safe,
    write_tables,
)
from .analyze_output import CORPUS_TABLES as CORPUS_TABLES
from .analyze_output import _give_back_memory as _give_back_memory
from .analyze_output import _read_part as _read_part
from .analyze_output import _read_parts as _read_parts
from .analyze_output import _read_shared as _read_shared
from .analyze_output import _schema as _schema
from .analyze_output import _stage as _stage
from .analyze_output import to_parquet as to_parquet
from .analyze_runner import ENGINES as ENGINES
from .analyze_runner import JOBS_PER_CORE as JOBS_PER_CORE
from .analyze_runner import SCHEDULER_TIMEOUT as SCHEDULER_TIMEOUT
from .analyze_runner import (
    _check_chunk_size,
    _resolve_jobs,
    _run_dask_partitions,
    _Runner,
    _warm_up,
)
from .analyze_runner import max_jobs as max_jobs
from .cache import LEFTOVER_AGE, ResultCache, damaged_parts, sweep
from .io import load
from .loadreport import NoArticlesError, no_articles_message
from .text import _Words

__all__ = [
    "analyze",
    "analyze_tables",
    "analyze_to_folder",
    "write_tables",
    "csv_safe",
    "TABLES",
    "ANALYSIS_VERSIONS",
]
# The ``from ... import X as X`` names above are importable from here as they were before the
# runner (newslib.analyze_runner) and the writing of the tables (newslib.analyze_output) had
# modules of their own, with the private ones tests use. To replace one in a test, replace it
# in the module it lives in: here it is only another name for it.

# The analyses, imported on first use (PEP 562): a rerun whose articles are all cached, or
# computed in workers, never compiles their rule patterns in this process (about 0.4 s of CPU).
# ``_analysis`` looks them up as module attributes, so a test may replace one.
_ANALYSES = {
    "quotes": (".quotes", "quotes"),
    "_quote_share": (".quotes.shares", "_quote_share"),
    "readability": (".readability", "readability"),
    "sentiment": (".sentiment", "sentiment"),
    "_sentiment_summary": (".sentiment", "_sentiment_summary"),
}


def __getattr__(name: str):
    if name not in _ANALYSES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, attribute = _ANALYSES[name]
    value = globals()[name] = getattr(importlib.import_module(module, __package__), attribute)
    return value


def _analysis(name: str):
    """The analysis function ``name`` (one of ``_ANALYSES``), imported on first use."""
    return getattr(sys.modules[__name__], name)


# Per-article inputs of the corpus steps (near-duplicates, people): computed with the other
# analyses, never written to OUT.
CORPUS_INPUTS = ("near_inputs", "source_facts")


def _articles_from(
    source: pd.DataFrame | str | os.PathLike | Sequence, load_options: dict | None = None
) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        if load_options:
            raise ValueError(
                f"analyze(): load options ({', '.join(load_options)}) apply when the source is "
                "a path; this source is a DataFrame that is already loaded"
            )
        frame = source
    else:
        frame = load(source, **(load_options or {}))
        if not len(frame):  # nothing to analyse: say why, as analyze_to_folder does
            raise NoArticlesError(
                no_articles_message(
                    frame.attrs["load_report"],
                    frame.attrs["load_summary"],
                    _named(source),
                    hint="newslib.load(...).attrs['load_report'] lists every file and why",
                )
            )
    require_columns(frame, ["article_id", "text"], caller="analyze")
    duplicated = frame["article_id"][frame["article_id"].duplicated()]
    if len(duplicated):
        raise ValueError(
            f"analyze(): article_id must be unique; {len(duplicated)} repeated "
            f"(first: {duplicated.iloc[0]!r}). Drop duplicates or give each article its own id."
        )
    return frame


def _with_cache(cache: ResultCache | None, frame: pd.DataFrame, compute) -> dict[str, pd.DataFrame]:
    if cache is None:
        return compute(frame)
    found, cached_ids = cache.load(frame["article_id"])
    # every article found (the usual rerun): nothing to compare row by row
    everything = len(cached_ids) == len(frame)
    missing = frame.iloc[:0] if everything else frame[~frame["article_id"].isin(cached_ids)]
    fresh = None
    if len(missing):
        fresh = compute(missing)
        cache.store(fresh)
    if fresh is not None and not cached_ids:
        return fresh
    positions = _Positions(frame["article_id"])
    return {
        table: _in_order([found[table], fresh[table] if fresh else None], positions)
        for table in cache.tables
    }


def _caches(cache_dir: str | os.PathLike | None, lang: str) -> dict[str, ResultCache | None]:
    if cache_dir is None:
        return {"readability": None, "quotes": None, "sentiment": None, "corpus_inputs": None}
    v = ANALYSIS_VERSIONS
    return {
        "readability": ResultCache(
            cache_dir,
            "readability",
            version=v["readability"],
            tables=("readability",),
            options={"lang": lang},
        ),
        "quotes": ResultCache(
            cache_dir, "quotes", version=v["quotes"], tables=("quote_share", "quotes")
        ),
        # Sentiment's in_quote and voice read the quotes: a new quotes version invalidates it too.
        "sentiment": ResultCache(
            cache_dir,
            "sentiment",
            version=v["sentiment"],
            tables=("sentiment_summary", "sentences"),
            options={"quotes": v["quotes"]},
        ),
        # What the corpus steps need of each article, worked out where the article is (in a
        # worker) and kept: shingles and MinHash signature, and its sources' own facts.
        "corpus_inputs": ResultCache(
            cache_dir,
            "corpus_inputs",
            version=v["corpus_inputs"],
            tables=CORPUS_INPUTS,
            options={"quotes": v["quotes"], "near_duplicates": v["near_duplicates"]},
        ),
    }


class _WordsOf(dict):
    """Article text -> its words (``newslib.text._Words``), found on first use.

    The quote share counts the words inside speech, and the sentiment summary each sentence's
    words; both read them from the article's words, found once, instead of scanning the text
    again each.
    """

    def __missing__(self, text: str) -> _Words:
        words = self[text] = _Words(text)
        return words


def _collector_for_long_runs(function):
    """``function`` run with Python's cyclic garbage collector set for a long analysis.

    Most objects an analysis keeps are long-lived: imported modules (pandas, the compiled rule
    patterns) and the process's memo tables (VADER token facts, parsed names). A full collection
    walks them all, and one comes after every 100 first-generation collections, themselves
    every 700 net allocations of tracked objects by default. Here ``gc.freeze()`` leaves what
    exists when the call starts out of every walk, and a first threshold of 50,000 makes
    collections rarer: on 840 articles the collector's CPU falls from about 0.23 s to 0.08 s
    (2,000 articles: 0.46 to 0.09 s). Collection only frees unreachable cycles, so no result
    changes; peak memory stays the same. The settings are given back when
    the call ends; a caller's own frozen objects are left as they are.
    """

    @functools.wraps(function)
    def tuned(*args, **kwargs):
        threshold = gc.get_threshold()
        freeze = gc.get_freeze_count() == 0
        if freeze:
            gc.freeze()
        gc.set_threshold(max(threshold[0], _FIRST_GENERATION_THRESHOLD), *threshold[1:])
        try:
            return function(*args, **kwargs)
        finally:
            gc.set_threshold(*threshold)
            if freeze:
                gc.unfreeze()

    return tuned


# Allocations between two first-generation collections during an analysis (Python: 700).
_FIRST_GENERATION_THRESHOLD = 50_000


@_collector_for_long_runs
def _analyze_chunk(
    frame: pd.DataFrame, lang: str, cache_dir: str | os.PathLike | None = None
) -> dict[str, pd.DataFrame]:
    """All analyses of one chunk of articles (runs in a worker process when jobs > 1)."""
    caches = _caches(cache_dir, lang)
    words = _WordsOf()

    def quotes_and_share(f: pd.DataFrame) -> dict[str, pd.DataFrame]:
        quote_table = _analysis("quotes")(f)
        share = _analysis("_quote_share")(f, quote_table, words)
        return {"quote_share": share, "quotes": quote_table}

    quoted = _with_cache(caches["quotes"], frame, quotes_and_share)
    quote_table = quoted["quotes"]

    def mood(f: pd.DataFrame) -> dict[str, pd.DataFrame]:
        sentence_table = _analysis("sentiment")(f, quotes=quote_table)
        return {
            "sentiment_summary": _analysis("_sentiment_summary")(f, sentence_table, None, words),
            "sentences": sentence_table,
        }

    moods = _with_cache(caches["sentiment"], frame, mood)
    scores = _with_cache(
        caches["readability"],
        frame,
        lambda f: {"readability": _analysis("readability")(f, lang=lang)},
    )["readability"]
    inputs = _with_cache(
        caches["corpus_inputs"], frame, lambda f: _corpus_inputs(f, quote_table, words)
    )
    metadata = frame.drop(columns=["text"]).reset_index(drop=True)
    counted = metadata["n_words"].to_numpy() if "n_words" in metadata.columns else np.zeros(0)
    uncounted = np.flatnonzero(counted < 0)
    if len(uncounted):  # loaded without counting (see analyze_to_folder): the words are here
        texts = frame["text"].to_numpy()
        counts = metadata["n_words"].to_numpy(copy=True)
        counts[uncounted] = [len(words[str(texts[n])]) for n in uncounted]
        metadata["n_words"] = counts
    metadata["article_id"] = metadata["article_id"].astype("string")
    if "near_duplicate_of" not in metadata.columns:  # filled by the corpus step, newslib.duplicates
        metadata["near_duplicate_of"] = pd.array([pd.NA] * len(metadata), dtype="string")
    articles = metadata
    for part in (scores, quoted["quote_share"], moods["sentiment_summary"]):
        part = part.reset_index(drop=True)
        overlap = [c for c in part.columns if c in articles.columns and c != "article_id"]
        articles = _merged_rows(articles, part.drop(columns=overlap))
    return {
        "articles": articles,
        "sentences": moods["sentences"],
        "quotes": quote_table,
        **{name: inputs[name] for name in CORPUS_INPUTS},
    }


def _merged_rows(articles: pd.DataFrame, part: pd.DataFrame) -> pd.DataFrame:
    """``articles.merge(part, on="article_id", how="left", validate="one_to_one")``.

    Each analysis returns its rows in the chunk's order, so ``part``'s ids are usually
    ``articles``' ids, row for row: the merge would then keep every row where it is and add
    ``part``'s columns unchanged, which is what putting them beside ``articles`` does, without
    matching keys. Any other case (another order, a missing or repeated id, other dtypes) merges.
    """
    left, right = articles["article_id"], part["article_id"]
    if (
        len(left) == len(right)
        and left.dtype == right.dtype
        and isinstance(articles.index, pd.RangeIndex)
        and not left.hasnans
        and left.is_unique
        and left.reset_index(drop=True).equals(right.reset_index(drop=True))
    ):
        beside = part.drop(columns="article_id").set_axis(articles.index, axis=0)
        return pd.concat([articles, beside], axis=1)
    return articles.merge(part, on="article_id", how="left", validate="one_to_one")


def _corpus_inputs(
    frame: pd.DataFrame, quote_table: pd.DataFrame, words: _WordsOf | None = None
) -> dict[str, pd.DataFrame]:
    """What the corpus steps read of each article of ``frame``: ``near_inputs`` (one row per
    article: its shingle set and MinHash signature, :mod:`newslib.duplicates`) and
    ``source_facts`` (:func:`newslib.people.source_facts` of its quotations). ``words``: the
    articles' words, kept by the chunk (the shingles are read from them)."""
    from .duplicates import _shingles_from_words, minhash_signature, shingles
    from .people import source_facts

    if words is None:
        sets = [shingles(text) for text in frame["text"]]
    else:
        sets = [_shingles_from_words(text, words[text]) for text in frame["text"]]
    near = pd.DataFrame(
        {
            "article_id": pd.array(frame["article_id"].astype(str).to_numpy(), dtype="string"),
            "shingles": sets,
            # no words, no signature: such an article is never a near-duplicate
            "signature": [minhash_signature(v) if len(v) else None for v in sets],
        }
    )
    mine = quote_table[quote_table["article_id"].isin(set(frame["article_id"]))]
    return {"near_inputs": near, "source_facts": source_facts(mine)}


def analyze_tables(
    source: pd.DataFrame | str | os.PathLike | Sequence,
    *,
    lang: str = "en_US",
    jobs: int | None = 1,
    chunk_size: int = 500,
    cache_dir: str | os.PathLike | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool = False,
    people: str | os.PathLike | None = None,
    dedupe: str | None = None,
    **load_options,
) -> dict[str, pd.DataFrame]:
    """Run every analysis and return ``{"articles": ..., "sentences": ..., "quotes": ...,
    "people": ...}``.

    ``articles`` is :func:`analyze`'s table; ``sentences`` is :func:`newslib.sentiment`'s (one
    row per sentence with VADER scores, ``in_quote``, ``in_reported`` and ``voice``); ``quotes``
    is :func:`newslib.quotes`'s (quotations, reported speech and scare quotes) with the
    ``person_id`` and ``person`` of each source, and ``people`` :func:`newslib.people.people`'s
    table of the corpus (``people``: an aliases file correcting it).
    Articles are analysed in chunks of ``chunk_size``; ``jobs`` > 1 runs chunks in that many
    worker processes (``None``: one per core). With ``cache_dir``, per-article results are read
    from and written to that cache (see :mod:`newslib.cache`), so a rerun only computes new or
    edited articles. ``engine="dask"`` runs the same chunks on a Dask cluster: the one at
    ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``) or, without one, a
    ``LocalCluster`` of ``jobs`` single-threaded worker processes (needs ``newslib[dask]``).
    The tables are identical for any engine, ``jobs``, ``chunk_size`` and cache state.
    ``load_options`` (``format``, ``errors``, ``tz``, ``dayfirst``, ``columns``,
    ``max_bytes``, ``source_from``) go to :func:`newslib.load` when ``source`` is a path.

    The articles table has ``near_duplicate_of`` (:func:`newslib.near_duplicates`: the first
    article of the story an article repeats, NA for originals), found across all the articles
    given, or taken from the input when it has that column (e.g. from ``near_duplicates(df,
    threshold=0.9)``). ``dedupe="near"`` counts each story once: the near-duplicates are left
    out of every table (not analysed), and ``articles.attrs["near_duplicates_left_out"]`` says
    how many; the default (``None``) analyses every article.

    Example:
        >>> tables = analyze_tables("seeds")
        >>> sorted(tables), len(tables["quotes"]) >= 2
        (['articles', 'people', 'quotes', 'sentences'], True)
    """
    from .people import people_and_quotes

    frame = _articles_from(source, load_options)
    _check_chunk_size(chunk_size)
    if dedupe not in (None, "near"):
        raise ValueError(f"dedupe must be None or 'near' (each story once), not {dedupe!r}")
    # Near-duplicates come from the analysis's own shingles and signatures, unless the input
    # has them or they must be known first (to leave them out).
    near = None
    if dedupe == "near" or "near_duplicate_of" in frame.columns:
        near = _near_duplicates_of(frame)
    if dedupe == "near":
        frame = frame[near.isna().to_numpy()]
    aliases, _ = _read_people_file(people)
    if cache_dir is not None:
        manifest.prepare_output(cache_dir, "cache", "cache folder")
    with _Runner(
        lang=lang,
        jobs=jobs,
        cache_dir=cache_dir,
        engine=engine,
        scheduler=scheduler,
        progress=progress,
    ) as runner:
        if not len(frame):
            tables = _analyze_chunk(frame, lang, cache_dir)
        else:
            tables = runner.gather(runner.submit(frame, chunk_size))
    inputs = tables.pop("near_inputs")
    if near is None:
        near = _near_duplicates_from(tables["articles"], inputs)
    facts = tables.pop("source_facts")
    found = tables["articles"]["article_id"].map(near)
    tables["articles"]["near_duplicate_of"] = found.astype("string")
    if dedupe == "near":
        tables["articles"].attrs["near_duplicates_left_out"] = int(near.notna().sum())
    articles = tables["articles"][[c for c in _ARTICLE_COLUMNS if c in tables["articles"]]]
    tables["people"], tables["quotes"] = people_and_quotes(
        tables["quotes"], articles, aliases=aliases, facts=facts
    )
    return tables


def _near_duplicates_from(articles: pd.DataFrame, inputs: pd.DataFrame) -> pd.Series:
    """``near_duplicate_of`` of the analysed articles, indexed by ``article_id``, from the
    shingle sets and signatures their analysis found (``near_inputs``)."""
    from .duplicates import NearDuplicateIndex

    index = NearDuplicateIndex()
    try:
        _index_near(index, articles, inputs)
        return index.result()
    finally:
        index.close()


def _near_duplicates_of(frame: pd.DataFrame) -> pd.Series:
    """``near_duplicate_of`` of the articles, indexed by ``article_id``: the input's column
    when it has one, else found now among these articles (:mod:`newslib.duplicates`)."""
    if "near_duplicate_of" in frame.columns:
        values = frame["near_duplicate_of"]
    else:
        from .duplicates import near_duplicates

        columns = [c for c in ("article_id", "date", "text") if c in frame.columns]
        values = near_duplicates(frame[columns])["near_duplicate_of"]
    ids = frame["article_id"].astype("string").to_numpy()
    return pd.Series(values.astype("string").to_numpy(), index=ids, dtype="string")


@_collector_for_long_runs
def analyze_to_folder(
    source: str | os.PathLike | Sequence,
    out: str | os.PathLike,
    *,
    lang: str = "en_US",
    jobs: int | None = None,
    chunk_size: int = 200,
    batch_size: int = 5000,
    cache_dir: str | os.PathLike | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    csv: bool = True,
    progress: bool = False,
    people: str | os.PathLike | None = None,
    _run_key: str | None = None,
    _listing: dict | None = None,
    **load_options,
) -> dict:
    """Load and analyse a corpus batch by batch, writing partitioned Parquet, so memory stays
    flat however large the corpus: ``OUT/articles.parquet/``, ``OUT/sentences.parquet/`` and
    ``OUT/quotes.parquet/`` are folders of ``part-NNNNN.parquet`` files (read each with
    ``pandas.read_parquet(folder)``), with CSV copies ``OUT/<table>.csv`` when ``csv``.

    Locally, ``batch_size`` articles are loaded at a time and analysed in chunks of
    ``chunk_size`` by ``jobs`` processes (default: all cores). With ``engine="dask"``
    (``scheduler`` as in :func:`analyze_tables`) the Dask workers read the files themselves,
    ``chunk_size`` files per task, so the input paths must be readable on the workers (and
    ``cache_dir`` shared with them); this process only lists the files, drops articles repeated
    across tasks and writes the tables. Output parts hold about ``batch_size`` articles either
    way. ``load_options`` (those of :func:`newslib.load`) go to :class:`newslib.io.LoadStream`.
    Returns a summary dict: the load summary, the load report (a DataFrame), the rows written,
    the names of the files and folders written in ``OUT`` (``written``), ``up_to_date``,
    ``recovered`` (what was left of an interrupted run and put right first) and
    ``cache_damaged`` (cache parts that failed their checksum, set aside with the reason; their
    articles were computed again). Without ``csv``, CSV copies of the tables left by an
    earlier run are removed. The load report is written too, ``OUT/load_report.csv`` (path,
    line, status, reason; only its header when every file was read), always as CSV.

    A corpus that gives no article at all raises :class:`newslib.loadreport.NoArticlesError`
    (a ``ValueError``) with the load report's first reasons, and leaves ``OUT``'s tables as
    they were.

    One run writes to an ``OUT`` at a time (a second one stops with
    :class:`newslib.publish.OutputBusyError`), and the tables are replaced all together or not
    at all: a run killed at any point leaves the earlier tables, or the new ones once the next
    run has finished their publication (see :mod:`newslib.publish`).

    ``OUT`` and ``cache_dir`` are marked as newslib's output (``.newslib-output``); the tables
    and caches newslib writes there, or in any folder so marked, are never read as input, even
    when ``source`` contains them (the load report lists them as ``excluded``).

    Each run records what it read and wrote in ``OUT/.newslib-run.json`` (see
    :mod:`newslib.manifest`). With a ``cache_dir``, a rerun whose input files (paths, sizes,
    modification times), options and analysis versions are unchanged, and whose tables in
    ``OUT`` are untouched, reads nothing and returns the last run's summary with
    ``up_to_date=True``; otherwise only new or edited articles are analysed.

    Example:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> summary = analyze_to_folder("seeds", folder, jobs=1)
        >>> summary["rows"]["articles"], len(pd.read_parquet(folder + "/sentences.parquet"))
        (1, 20)
    """
    from .io import LoadStream, report_frame

    _check_chunk_size(chunk_size)  # also the files per task of the Dask engine
    _resolve_jobs(jobs)  # before the output folder changes
    aliases, aliases_digest = _read_people_file(people)
    folder = Path(out)
    # The output and cache folders are marked first, and left out of the sources: a run never
    # reads the tables or caches of this run or of any other as input.
    manifest.prepare_output(folder, "tables", "output folder")
    if cache_dir is not None:
        manifest.prepare_output(cache_dir, "cache", "cache folder")
    # One writer at a time; what a killed run left (a half-done publication, staging folders)
    # is finished or removed first.
    with publish.lock_output(folder):
        recovered = publish.recover(folder)
        if cache_dir is not None:
            swept = sweep(cache_dir)
            if swept:
                recovered.append(
                    f"removed {len(swept)} file(s) of cache parts that killed runs left unfinished"
                    f" over {LEFTOVER_AGE // 60} minutes ago"
                )
        exclude = [folder] if cache_dir is None else [folder, Path(cache_dir)]
        options = manifest.run_options(lang=lang, csv=csv, batch_size=batch_size, **load_options)
        if aliases_digest is not None:  # an edited aliases file changes the people table
            options["people"] = aliases_digest
        # Taken before any file is read: a file edited during the run makes the next run redo it.
        # The CLI takes it (with these options) before it imports the analyses, to answer an
        # up-to-date rerun at once, and hands it in: listing and stat'ing every file once more
        # would cost as much again.
        # The walk of the sources is taken once, for the key and the load (``_listing``: the
        # one the CLI took with its key; walked again when recovering changed OUT since).
        listing = _listing if _run_key is not None and not recovered else None
        if _run_key is not None:
            key = _run_key
        else:
            listing = {}
            key = manifest.run_key(source, options, exclude, listing=listing)
        if cache_dir is not None:
            last = manifest.up_to_date(folder, key)
            if last is not None:
                return {
                    "load_summary": last["load_summary"],
                    "load_report": report_frame(last["load_report"]),
                    "rows": last["rows"],
                    "written": _written(csv),
                    "up_to_date": True,
                    "recovered": recovered,
                    "cache_damaged": [],
                }
        stream = LoadStream(
            source,
            chunk_size=batch_size,
            progress=progress,
            # Dask workers read the files themselves; locally, unchanged files come parsed.
            cache_dir=cache_dir if engine == "local" else None,
            exclude=exclude,
            # Run locally without a file cache, n_words is counted in the workers from the
            # words they find for the quote share (_analyze_chunk): one scan of each text.
            count_words=engine != "local",
            listing=listing or None,
            **load_options,
        )
        # batches as large as the earlier run here: with a cache, most articles are likely read
        # (the threshold read in its module, where _Runner.submit reads it too)
        rerun = min(batch_size, _earlier_articles(folder)) >= analyze_runner._OVERLAP_MIN_CACHED
        manifest.remove_stamp(folder)
        # Workers set damaged cache parts aside on disk: what is new there after the run is
        # what this run found.
        damaged_before = set(damaged_parts(cache_dir)) if cache_dir is not None else set()
        staging = Path(tempfile.mkdtemp(prefix=publish.STAGING_PREFIX, dir=folder))
        parts = _PartWriter(staging, csv=csv, batch_size=batch_size)
        # Near-duplicates are a corpus step: one index for the whole run, in this process.
        from .duplicates import NearDuplicateIndex

        near = NearDuplicateIndex()
        try:
            with _Runner(
                lang=lang,
                jobs=jobs,
                cache_dir=cache_dir,
                engine=engine,
                scheduler=scheduler,
                progress=progress,
            ) as runner:

                def add(tables: dict[str, pd.DataFrame]) -> None:
                    _index_near(near, tables["articles"], tables.pop("near_inputs"))
                    parts.add(tables)

                if rerun and cache_dir is not None and engine == "local" and runner.workers > 1:
                    # the one worker a large rerun's few new articles go to (_Runner.submit)
                    # starts now: it has imported what it needs by the time they are loaded
                    runner._worker_pool(1).submit(_warm_up, lang)

                if engine == "dask":
                    file_options = {**manifest.LOAD_DEFAULTS, **load_options}
                    _run_dask_partitions(runner, stream, file_options, chunk_size, add)
                else:
                    # Pipelined: while the workers analyse one batch, this process writes the
                    # batch before and loads the next, so neither waits for the other. At most
                    # two batches are in memory at once.
                    pending = None
                    for batch in stream:
                        handle = runner.submit(batch, chunk_size)
                        if pending is not None:
                            add(runner.gather(pending))
                        pending = handle
                    if pending is not None:
                        add(runner.gather(pending))
                if not stream.summary["articles"]:  # nothing to analyse: OUT stays as it was
                    raise NoArticlesError(
                        no_articles_message(
                            stream.report,
                            stream.summary,
                            _named(source),
                            hint="'newslib load' on the same paths lists every file and why",
                        )
                    )
            # The corpus steps run once the workers have ended: their memory is given back
            # first, so a run's peak is the larger of the two phases, not their sum.
            parts.close(lang, aliases, near.result)
            _write_load_report(staging, stream.report)
            _publish(staging, folder, csv=csv)
        finally:
            parts.abandon()  # no part still being written (after an error) when staging goes
            near.close()
            # A publication cut short keeps its staged tables: the next run finishes it.
            if not (folder / publish.JOURNAL).exists():
                shutil.rmtree(staging, ignore_errors=True)
        rows = parts.rows
        report = stream.report
        summary = {"load_summary": stream.summary, "load_report": report, "rows": rows}
        manifest.write_stamp(
            folder,
            key,
            {**summary, "load_report": json.loads(report.to_json(orient="records"))},
        )
        damaged = [
            f"{part}: {(part / 'reason.txt').read_text(encoding='utf-8').strip()}"
            for part in (damaged_parts(cache_dir) if cache_dir is not None else [])
            if part not in damaged_before
        ]
        return {
            **summary,
            "written": _written(csv),
            "up_to_date": False,
            "recovered": recovered,
            "cache_damaged": damaged,
            "aliases_applied": parts.people_notes,
        }


def _earlier_articles(folder: Path) -> int:
    """The articles in the tables of the last run in ``folder`` (its stamp), 0 without one."""
    try:
        record = json.loads((folder / manifest.STAMP).read_text(encoding="utf-8"))
        return int(record["summary"]["rows"]["articles"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def _read_people_file(path: str | os.PathLike | None):
    """The aliases file's corrections (newslib.people.read_aliases) and a digest of its bytes,
    or ``(None, None)``."""
    if path is None:
        return None, None
    from .people import read_aliases

    aliases = read_aliases(path)
    return aliases, hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _named(source) -> str:
    """What the user named as the corpus, for a message."""
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    items = [os.fspath(item) for item in source]
    return ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")


def _index_near(near, articles: pd.DataFrame, inputs: pd.DataFrame) -> None:
    """Add a batch's articles to the run's near-duplicate index, from the shingle sets and
    signatures their analysis found (``near_inputs``)."""
    by_id = {
        identity: (values, signature)
        for identity, values, signature in zip(
            inputs["article_id"], inputs["shingles"], inputs["signature"], strict=True
        )
    }
    ids = articles["article_id"].tolist()
    dates = articles["date"] if "date" in articles.columns else None
    found = [by_id[i] for i in ids]
    near.add_shingles(
        ids,
        [np.asarray(v, dtype=np.uint32) for v, _ in found],
        dates,
        [None if s is None else np.asarray(s, dtype=np.uint64) for _, s in found],
    )


def analyze(
    source: pd.DataFrame | str | os.PathLike | Sequence,
    *,
    lang: str = "en_US",
    jobs: int | None = 1,
    chunk_size: int = 500,
    cache_dir: str | os.PathLike | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    dedupe: str | None = None,
    **load_options,
) -> pd.DataFrame:
    """Analyse articles and return one row per article: the article's metadata (every input
    column but ``text``), ``near_duplicate_of``, readability counts and indices, quote share and
    speakers, and the sentence-sentiment summary.

    ``source`` is a DataFrame with ``article_id`` and ``text`` (e.g. from :func:`newslib.load`)
    or anything ``load`` accepts (a file, folder, glob or list), loaded with ``load_options``
    (those of :func:`newslib.load`, e.g. ``columns={"body": "text"}``). ``jobs``,
    ``chunk_size``, ``cache_dir``, ``engine`` and ``scheduler`` are those of
    :func:`analyze_tables`. ``dedupe="near"`` counts each story once: near-duplicates
    (:func:`newslib.near_duplicates`) are left out, as in :func:`analyze_tables`.

    Example:
        >>> import newslib
        >>> row = newslib.analyze("seeds").iloc[0]
        >>> bool(row["flesch_kincaid_grade"] > 0), bool(0.3 < row["quote_share"] < 0.6)
        (True, True)
    """
    tables = analyze_tables(
        source,
        lang=lang,
        jobs=jobs,
        chunk_size=chunk_size,
        cache_dir=cache_dir,
        engine=engine,
        scheduler=scheduler,
        dedupe=dedupe,
        **load_options,
    )
    return tables["articles"]
