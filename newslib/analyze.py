"""One call for the whole analysis: readability, quotes and sentiment per article.

``analyze`` returns the article-level table; ``analyze_tables`` also returns the sentence and
quote tables the command line writes. Both are pure functions of their input: the same articles
give identical tables, whatever their order.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd

from . import manifest, publish
from ._frame import require_columns, take_rows
from ._versions import ANALYSIS_VERSIONS
from .cache import LEFTOVER_AGE, ResultCache, damaged_parts, sweep
from .cache_parts import _read_frame
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


TABLES = ("articles", "sentences", "quotes")
# Tables of the whole corpus, made once every article is analysed (newslib.people).
CORPUS_TABLES = ("people",)
# Per-article inputs of the corpus steps (near-duplicates, people): computed with the other
# analyses, never written to OUT.
CORPUS_INPUTS = ("near_inputs", "source_facts")
ENGINES = ("local", "dask")


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


class _Positions:
    """Each article id's position in ``ids`` (the input order), looked up many at a time.

    Ids are unique (``analyze`` checks; a load drops repeats), so a ``pandas.Index`` of them
    finds the positions of a table's distinct ids in one vectorised call, not a dict lookup
    per id; repeated ids (the last one wins, as a dict built from them would) use a dict.

    Example:
        >>> _Positions(pd.Series(["a", "b", "c"])).of(["c", "x", "a"]).tolist()
        [2.0, nan, 0.0]
    """

    def __init__(self, ids) -> None:
        self._ids = ids
        self._index = pd.Index(ids)
        self._dict: dict | None = None

    def as_dict(self) -> dict:
        """Id -> position (for ``Series.map``)."""
        if self._dict is None:
            self._dict = {identity: n for n, identity in enumerate(self._ids)}
        return self._dict

    def of(self, uniques) -> np.ndarray:
        """The positions (floats, NaN for an id not in ``ids``) of the distinct ``uniques``."""
        if self._index.is_unique:
            try:
                found = self._index.get_indexer(uniques)
            except (TypeError, ValueError):  # ids of types an index cannot compare
                pass
            else:
                return np.where(found < 0, np.nan, found.astype(float))
        positions = self.as_dict()
        return np.array([positions.get(u, np.nan) for u in uniques], dtype=float)


def _in_order(pieces: list[pd.DataFrame | None], positions: _Positions) -> pd.DataFrame:
    """Concatenate cached and fresh rows, articles in input order, rows within one in order."""
    present = [p for p in pieces if p is not None]
    nonempty = [p for p in present if len(p)] or present[:1]
    frame = pd.concat(nonempty, ignore_index=True) if len(nonempty) > 1 else nonempty[0]
    codes, uniques = pd.factorize(frame["article_id"])
    if (codes < 0).any():  # a missing id: as Series.map gives it (NaN, sorted last)
        order = frame["article_id"].map(positions.as_dict()).to_numpy()
    else:  # each distinct id looked up once, not once per row
        order = positions.of(uniques)[codes]
    if len(order) < 2 or (order[1:] >= order[:-1]).all():
        # already in order (e.g. cached rows read part by part in load order): a stable sort
        # would keep every row where it is, so the copy it costs is skipped
        return frame.reset_index(drop=True)
    # a rerun's rows are long runs (cached articles) around a few computed now: joined as
    # slices, not copied row by row (take_rows)
    return take_rows(frame, np.argsort(order, kind="stable")).reset_index(drop=True)


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


# More worker processes than this many per core only cost memory and start-up time.
JOBS_PER_CORE = 4


def max_jobs() -> int:
    """The most worker processes a run may ask for: ``JOBS_PER_CORE`` per core."""
    return JOBS_PER_CORE * (os.cpu_count() or 1)


def _resolve_jobs(jobs: int | None) -> int:
    if jobs is None:
        return os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive number of processes, not {jobs!r}")
    if jobs > max_jobs():
        raise ValueError(
            f"jobs={jobs} is more than {JOBS_PER_CORE} per core ({os.cpu_count() or 1} cores): "
            f"ask for at most {max_jobs()}, or leave it out for one per core"
        )
    return jobs


class _Runner:
    """Runs ``_analyze_chunk`` on chunks: in this process, a process pool, or a Dask cluster.

    The pool or cluster starts on first use and lives until the ``with`` block ends, so a
    streamed run pays its start-up once.
    """

    def __init__(self, *, lang, jobs, cache_dir, engine, scheduler, progress):
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
        self.lang = lang
        self.workers = _resolve_jobs(jobs)
        self.cache_dir = None if cache_dir is None else str(cache_dir)
        self.engine = engine
        self.scheduler = scheduler
        self.progress = progress
        self._pool = None
        self._pool_size = 0
        self._outgrown = []  # pools a larger one replaced, finishing what they were given
        self._client = None
        self._cluster = None

    def __enter__(self) -> _Runner:
        return self

    def __exit__(self, *exc) -> None:
        for pool in [*self._outgrown, self._pool]:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def submit(self, batch: pd.DataFrame, chunk_size: int):
        """Start work on ``batch`` in chunks of ``chunk_size`` and return a handle for
        :meth:`gather`; with a pool or a cluster the work runs while the caller goes on
        (e.g. loads the next batch)."""
        if self.engine == "dask":
            chunks = _split(batch, chunk_size)
            n = len(chunks)
            args = (chunks, [self.lang] * n, [self.cache_dir] * n)
            return "dask", self._dask_client().map(_analyze_chunk, *args, pure=False)
        # Articles whose every result is cached are only read, here: cheaper than in a worker.
        cached = self._cached(batch)
        here = [take_rows(batch, np.flatnonzero(cached))] if cached.any() else []
        chunks = _split(
            take_rows(batch, np.flatnonzero(~cached)) if len(here) else batch, chunk_size
        )
        # One chunk to compute is computed here too (no pool started for it), unless this
        # process has many cached articles to read meanwhile: a worker then analyses it while
        # they are read (a rerun after a few edits: the two overlap, on two cores).
        alone = len(chunks) <= 1 and int(cached.sum()) < _OVERLAP_MIN_CACHED
        if self.workers == 1 or not chunks or alone:  # nothing to compute: no pool either
            return "local", batch["article_id"], here + chunks, []
        # for the one chunk beside the reading, one worker: a second would only take turns
        # with this process on the other core
        pool = self._worker_pool(1 if len(chunks) <= 1 else self.workers)
        # Longest chunks first (by text length, which their cost follows): the workers end the
        # batch on short ones, so neither waits long for the other's last chunk. The futures
        # stay in chunk order (gather keeps articles in batch order anyway).
        lengths = [int(c["text"].str.len().sum()) for c in chunks]
        work = [None] * len(chunks)
        for n in sorted(range(len(chunks)), key=lambda n: -lengths[n]):
            work[n] = pool.submit(_analyze_chunk, chunks[n], self.lang, self.cache_dir)
        return "local", batch["article_id"], here, work

    def gather(self, handle) -> dict[str, pd.DataFrame]:
        """The tables of a :meth:`submit`'s batch, articles in batch order."""
        if handle[0] == "dask":
            return _concat(self._client.gather(handle[1]))
        _, ids, here, futures = handle
        with _progress_bar(self.progress, len(here) + len(futures)) as progress:
            results = []
            for chunk in here:
                results.append(_analyze_chunk(chunk, self.lang, self.cache_dir))
                progress.update()
            for future in futures:
                results.append(future.result())
                progress.update()
        if len(results) == 1:
            return results[0]
        positions = _Positions(ids)
        return {name: _in_order([r[name] for r in results], positions) for name in results[0]}

    def _cached(self, batch: pd.DataFrame) -> np.ndarray:
        """Which articles of ``batch`` have every analysis's results in the cache."""
        held = np.zeros(len(batch), dtype=bool)
        if self.cache_dir is not None:
            held[:] = True
            for cache in _caches(self.cache_dir, self.lang).values():
                held &= cache.holds(batch["article_id"])
        return held

    def _worker_pool(self, size: int | None = None):
        """The pool of worker processes, of ``size`` workers (default: ``jobs``) or more."""
        size = self.workers if size is None else size
        if self._pool is not None and self._pool_size < size:
            self._pool.shutdown(wait=False)  # outgrown; what it was given still runs
            self._outgrown.append(self._pool)  # stopped with the others on the way out
            self._pool = None
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # spawn: workers start clean, without copies of the parent's threads or locks.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                max_workers=size, mp_context=context, initializer=_worker_started
            )
            self._pool_size = size
            # Ctrl-C is the parent's to handle (it stops the pool): workers started with SIGINT
            # ignored keep it ignored (Python installs no handler then), so a Ctrl-C while they
            # import numpy prints no half-import errors. The pool starts a worker per submit
            # while none is idle, so these start them all.
            with _sigint_ignored():
                for _ in range(size):
                    self._pool.submit(int)
        return self._pool

    def _dask_client(self):
        if self._client is None:
            try:
                from distributed import Client, LocalCluster
            except ImportError as error:
                raise ImportError(
                    "engine='dask' needs the optional extra 'dask': pip install 'newslib[dask]'"
                ) from error
            if self.scheduler is None:
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
            if self._cluster is not None:
                self._client = Client(self._cluster)
            else:
                self._client = _connect(Client, self.scheduler)
        return self._client


# Cached articles of a batch from which its one chunk of new articles goes to a worker: reading
# them (and what follows) takes longer than starting a worker process (about a second).
_OVERLAP_MIN_CACHED = 2000


class _NoBar:
    """Stands in for a progress bar nobody asked for (tqdm and its imports cost a start-up)."""

    def update(self, n: int = 1) -> None:
        pass


@contextmanager
def _progress_bar(progress: bool, total: int):
    """A tqdm bar of ``total`` chunks when ``progress``, else one that shows nothing."""
    if not progress:
        yield _NoBar()
        return
    from tqdm import tqdm

    # disable=None turns the bar off when stderr is not a terminal (logs, CI, notebooks).
    with tqdm(total=total, desc="analysing", unit="chunk", disable=None) as bar:
        yield bar


# An article written for the warm-up: a quotation, reported speech, a name and a title.
_WARM_UP_TEXT = (
    'Harbour vote\n\n"We will build the pier," said Ann Lee, the mayor. Officials said the '
    "council would meet again on Tuesday."
)


def _warm_up(lang: str) -> None:
    """Analyse one small article without a cache, so that a worker has loaded what the
    analyses load on first use (word lists, lexicons, patterns) before its first chunk: a
    rerun's few new articles then cost only their own time. Nothing is kept or written."""
    frame = pd.DataFrame({"article_id": ["warm-up"], "text": [_WARM_UP_TEXT]})
    _analyze_chunk(frame, lang)


def _worker_started() -> None:
    """In each worker process: end it when its parent ends, even by ``kill -9`` (which gives
    the parent no chance to stop the pool), instead of leaving it alive and idle."""
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover - not started by multiprocessing
        return

    def watch() -> None:
        wait([parent.sentinel])  # ready when the parent process has ended
        os._exit(1)

    threading.Thread(target=watch, name="newslib-parent-watch", daemon=True).start()


@contextmanager
def _sigint_ignored():
    """Ignore SIGINT in this process for the ``with`` block (when in the main thread)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


# Seconds to wait for a Dask scheduler to answer (Dask's own default is 30 s, after which a
# wrong or dead address would only then fail).
SCHEDULER_TIMEOUT = 10


def _connect(client_class, address: str):
    """A Dask client of the scheduler at ``address``, or an ``OSError`` in one line saying
    what to do if it does not answer within ``SCHEDULER_TIMEOUT`` seconds."""
    try:
        return client_class(address, timeout=SCHEDULER_TIMEOUT)
    except (OSError, TimeoutError) as error:  # TimeoutError: an OSError, named for clarity
        raise ConnectionError(
            f"no Dask scheduler answered at {address!r} within {SCHEDULER_TIMEOUT} s: start one "
            "('dask scheduler') or check the address (--scheduler)"
        ) from error


def _check_chunk_size(chunk_size: int) -> None:
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive number, not {chunk_size!r}")


def _split(frame: pd.DataFrame, chunk_size: int) -> list[pd.DataFrame]:
    _check_chunk_size(chunk_size)
    return [frame.iloc[i : i + chunk_size] for i in range(0, len(frame), chunk_size)]


def _concat(results: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    return {name: pd.concat([r[name] for r in results], ignore_index=True) for name in results[0]}


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
        rerun = min(batch_size, _earlier_articles(folder)) >= _OVERLAP_MIN_CACHED
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


def _write_load_report(staging: Path, report: pd.DataFrame) -> None:
    """The load report of the run, ``OUT/load_report.csv`` (path, line, status, reason), one
    row per file or table row skipped or repaired, folder unread, output left out or note."""
    columns = ["path", "line", "status", "reason"]
    with open(staging / manifest.LOAD_REPORT, "w", encoding="utf-8", newline="") as handle:
        csv_safe(report[columns]).to_csv(handle, index=False, lineterminator="\n")


def _written(csv: bool) -> list[str]:
    """The names of the files and folders a run writes in OUT (the tables, their CSV copies
    with ``csv``, and the load report)."""
    tables = [f"{name}.{suffix}" for name in TABLES + CORPUS_TABLES for suffix in _suffixes(csv)]
    return [*tables, manifest.LOAD_REPORT]


def _suffixes(csv: bool) -> tuple[str, ...]:
    return ("parquet", "csv") if csv else ("parquet",)


class _PartWriter:
    """Writes tables as numbered Parquet parts (plus CSV) of about ``batch_size`` articles; the
    articles and quotes parts wait as staged Arrow files until the corpus steps add their
    columns (:meth:`_rewrite` writes them as Parquet)."""

    def __init__(self, staging: Path, *, csv: bool, batch_size: int):
        self.staging = staging
        self.csv = csv
        self.batch_size = batch_size
        self.rows = dict.fromkeys(TABLES + CORPUS_TABLES, 0)
        self.people_notes: list[str] = []
        self._buffer: list[dict[str, pd.DataFrame]] = []
        self._buffered = 0
        self._parts = 0
        # the sources' facts of the people step, kept beside the tables (never published)
        self._facts = staging / ".source_facts"
        self._facts.mkdir()
        self._fact_parts = 0

    def add(self, tables: dict[str, pd.DataFrame]) -> None:
        facts = tables.pop("source_facts")
        _stage(facts, self._facts / f"part-{self._fact_parts:05d}.arrow")
        self._fact_parts += 1
        self._buffer.append(tables)
        self._buffered += len(tables["articles"])
        if self._buffered >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self._buffer:
            return
        for name, table in _concat(self._buffer).items():
            if name in _STAGED:  # written once the corpus steps have added their columns
                staged = self.staging / f".{name}.arrow"
                staged.mkdir(exist_ok=True)
                _stage(table, staged / f"part-{self._parts:05d}.arrow")
            else:
                _write_part(self.staging, name, self._parts, table, csv=self.csv)
            self.rows[name] += len(table)
        self._buffer, self._buffered = [], 0
        self._parts += 1

    def close(self, lang: str, aliases=None, near_duplicates=None) -> None:
        """Write what is buffered and run the corpus steps: people (``aliases``) and, when
        given, near-duplicates (``near_duplicates()``: ``near_duplicate_of`` by ``article_id``,
        see :meth:`fill_near_duplicates`)."""
        if self._parts == 0 and self._buffer:
            # The whole run is one part, still in memory: the corpus steps read it there and
            # it is written once, with their columns, instead of written, read and rewritten.
            tables = _concat(self._buffer)
            self._buffer, self._buffered = [], 0
            slim = tables["quotes"][list(_PEOPLE_INPUT)]
            table, persons = self._people(slim, tables["articles"], aliases)
            tables["quotes"] = _with_people(tables["quotes"], persons, 0)
            if near_duplicates is not None:
                tables["articles"] = _with_near_duplicates(tables["articles"], near_duplicates())
            for name, part in tables.items():
                _write_part(self.staging, name, 0, part, csv=self.csv)
                self.rows[name] += len(part)
            self._parts = 1
            self._write_people(table)
            return
        self.flush()
        if self._parts == 0:  # nothing loaded: still write typed, empty tables
            self.add(_analyze_chunk(_empty_articles(), lang))
            self.flush()
        self._add_people(aliases)
        if near_duplicates is not None:
            self.fill_near_duplicates(near_duplicates())
        else:  # the staged articles parts, written as they are
            self._rewrite("articles", lambda table, _: table)

    def _people(self, slim: pd.DataFrame | list[Path], articles: pd.DataFrame, aliases):
        """The people table of the run's quotes (``slim``: their ``_PEOPLE_INPUT`` columns, or
        the quotes parts to read them from) and articles, with the sources' facts kept beside
        the parts, and row for row with ``slim`` each quotation's ``person_id`` and ``person``
        (two object arrays)."""
        from .people import _people_from_sources, _resolve_sources, _sources

        articles = articles[[c for c in _ARTICLE_COLUMNS if c in articles.columns]]
        known: dict[str, str] = {}  # the strings of both tables: one object per id or name
        if not isinstance(slim, pd.DataFrame):
            # with the facts at hand, only whether a row has a speaker or mention is read of them
            slim = _read_shared(slim, _PEOPLE_INPUT, known, presence=_PRESENCE_ONLY)
        # people.people_and_quotes's steps, with the quotes and facts (millions of rows) freed
        # once their sources are taken out, before the corpus-wide joins and counts.
        sources = _sources(slim, _read_shared(sorted(self._facts.iterdir()), known=known))
        del known
        index = slim.index
        del slim
        _give_back_memory()
        sources, shown, notes = _resolve_sources(sources, aliases)
        table, persons = _people_from_sources(sources, shown, notes, index, articles, None, aliases)
        self.people_notes = table.attrs.get("aliases_applied", [])
        return table, persons

    def _write_people(self, table: pd.DataFrame) -> None:
        _write_part(self.staging, "people", 0, table, csv=self.csv)
        self.rows["people"] = len(table)

    def _add_people(self, aliases) -> None:
        """The corpus step: resolve the speakers of the whole quotes table to people, add
        ``person_id`` and ``person`` to its parts (same boundaries) and write the people
        table. Reads the parts written, so the result is the same for any batches or jobs."""
        parts = sorted((self.staging / ".quotes.arrow").iterdir())
        articles = _read_parts(
            sorted((self.staging / ".articles.arrow").iterdir()), _ARTICLE_COLUMNS
        )
        _give_back_memory()  # what the batches left free, before the largest step
        # only the columns people() reads (not the quotations' text): memory stays small
        table, persons = self._people(parts, articles, aliases)
        del articles
        _give_back_memory()
        self._rewrite("quotes", lambda piece, start: _with_people(piece, persons, start))
        self._write_people(table)

    def fill_near_duplicates(self, found: pd.Series) -> None:
        """The corpus step of near-duplicates: ``near_duplicate_of`` (``found``, by
        ``article_id``, from one :class:`newslib.duplicates.NearDuplicateIndex` of the whole
        run) into the articles parts written (same boundaries, one part in memory at a time)
        and their CSV copy. The same for any batches, jobs or engine."""
        self._rewrite("articles", lambda table, _: _with_near_duplicates(table, found))

    def _rewrite(self, name: str, add) -> None:
        """Rewrite every part of the table ``name`` written so far as ``add(part, start)``
        (``start``: the part's first row in the whole table) and its CSV copy, one part in
        memory at a time: a corpus step's columns go in with the same part boundaries. The
        staged Arrow parts become the table's Parquet parts and are deleted: once per table."""
        staged = self.staging / f".{name}.arrow"
        parts = sorted(staged.iterdir())
        (self.staging / f"{name}.parquet").mkdir(exist_ok=True)
        with contextlib.ExitStack() as stack:
            handle = None
            if self.csv:
                path = self.staging / f"{name}.csv"
                handle = stack.enter_context(open(path, "w", encoding="utf-8", newline=""))
            start = 0
            for number, part in enumerate(parts):
                table = _read_part(part)
                rows = len(table)
                table = add(table, start)
                to_parquet(table, self.staging / f"{name}.parquet" / f"{part.stem}.parquet")
                part.unlink()
                if handle is not None:
                    safe = csv_safe(table)
                    safe.to_csv(handle, index=False, header=number == 0, lineterminator="\n")
                start += rows
        staged.rmdir()


def _give_back_memory() -> None:
    """Return the memory freed so far to the system, between the corpus steps: the C
    allocator (glibc's, where there is one) and Arrow's pool keep freed blocks for reuse, and a
    step of millions of rows leaves hundreds of MB so held, which the next step's own peak
    comes on top of. Changes no result; does nothing where neither applies."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, musl, Windows)."""
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):
        return None


def _with_people(piece: pd.DataFrame, persons, start: int) -> pd.DataFrame:
    """A part of the quotes table (its first row: ``start`` of the whole) with the
    ``person_id`` and ``person`` the people step gave its rows (``persons``: two arrays, row for
    row with the whole table)."""
    person_ids, names = persons
    end = start + len(piece)
    return piece.assign(
        person_id=pd.array(person_ids[start:end], dtype="string"),
        person=pd.array(names[start:end], dtype="string"),
    )


def _with_near_duplicates(table: pd.DataFrame, found: pd.Series) -> pd.DataFrame:
    """A part of the articles table with ``near_duplicate_of`` from ``found`` (by id)."""
    return table.assign(near_duplicate_of=table["article_id"].map(found).astype("string"))


def _load_and_analyze(
    paths: list[str], file_options: dict, lang: str, cache_dir: str | None
) -> tuple[list, dict[str, pd.DataFrame]]:
    """One partition of files, on a Dask worker: read them, analyse each article once.

    Returns the readings (without the articles' texts, which the client does not need) for
    the client's :class:`newslib.io.LoadState`, and the tables. An archive (or WARC file) is
    read here too, member by member: one reading per member, then the archive's.
    """
    from dataclasses import replace

    from .io import articles_frame, read_files

    options = dict(file_options)
    tz = options.pop("tz")
    options.pop("source_from", None)  # filled in by the client, which knows the folders named
    reads = [read for path in paths for read in read_files(path, **options)]
    records, seen = [], set()
    for read in reads:
        for identity, _, record in read.articles:
            if identity not in seen:  # repeats within the partition: the first one
                seen.add(identity)
                records.append(record)
    frame = articles_frame(records, tz=tz)
    tables = _analyze_chunk(frame, lang, cache_dir)
    light = [replace(r, articles=[(i, line, None) for i, line, _ in r.articles]) for r in reads]
    return light, tables


def _run_dask_partitions(runner: _Runner, stream, file_options: dict, files_per_task, add):
    """Read and analyse ``stream.files`` on the Dask workers, ``files_per_task`` files per
    task, a bounded number of tasks in flight; hand each task's tables to ``add`` in file
    order, without articles an earlier task already had (so duplicates across tasks are
    dropped exactly as :class:`newslib.io.LoadStream` drops them)."""
    from collections import deque

    from tqdm import tqdm

    client = runner._dask_client()
    paths = [str(p) for p in stream.files]
    tasks = [paths[i : i + files_per_task] for i in range(0, len(paths), files_per_task)]
    in_flight = max(4, 2 * len(client.scheduler_info().get("workers", {})))

    def results():
        pending: deque = deque()
        for task in tasks:
            args = (task, file_options, runner.lang, runner.cache_dir)
            pending.append(client.submit(_load_and_analyze, *args, pure=False))
            if len(pending) > in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    bar = dict(total=len(tasks), desc="analysing", unit="task")
    for reads, tables in tqdm(results(), **bar, disable=None if runner.progress else True):
        tables = {**tables, "articles": stream.sources.fill(tables["articles"])}
        kept = [
            read.articles[position][0] for read in reads for position in stream.state.accept(read)
        ]
        if len(kept) < len(tables["articles"]):
            keep = set(kept)
            tables = {
                name: table[table["article_id"].isin(keep)].reset_index(drop=True)
                for name, table in tables.items()
            }
        add(tables)


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


def _empty_articles() -> pd.DataFrame:
    from .io import articles_frame

    return articles_frame([])


# The articles' columns the people table uses (its dates, and per-source counts), and the
# quotes table's.
_ARTICLE_COLUMNS = ("article_id", "date", "source")
# Of these, the columns the people step reads only as present or missing (their facts are
# worked out in the workers: newslib.people.source_facts).
_PRESENCE_ONLY = ("speaker", "speaker_mention")
_PEOPLE_INPUT = (
    "article_id",
    "quote_id",
    "kind",
    "n_words",
    "attribution_id",
    "speaker",
    "speaker_mention",
)


def _read_parts(parts: list[Path], columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The ``parts`` (Parquet or staged Arrow files) as one frame: the ``columns`` of them the
    first part has (all when None), so a table's other columns are never read."""
    if columns is not None:
        present = set(_schema(parts[0]).names)
        columns = [c for c in columns if c in present]
    frames = [_read_part(part, columns) for part in parts]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


# Parts of the tables a corpus step adds columns to (articles, quotes) wait for it as
# uncompressed Arrow IPC files (".arrow"), written and read back at about the speed of a copy,
# never published: each is written as Parquet once, with the step's columns (_rewrite).
_STAGED = ("articles", "quotes")


def _stage(table: pd.DataFrame, path: Path) -> None:
    """Write ``table`` (without its index) as an uncompressed Arrow IPC file."""
    import pyarrow as pa

    # one record batch (a frame pieced together from many is many chunks): each column read
    # back is one array
    arrow = pa.Table.from_pandas(table, preserve_index=False).combine_chunks()
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, arrow.schema) as writer:
        writer.write_table(arrow)


def _schema(part: Path):
    """The Arrow schema of a Parquet part or a staged (``.arrow``) one."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if part.suffix == ".arrow":
        with pa.OSFile(str(part)) as source:
            return pa.ipc.open_file(source).schema
    return pq.read_schema(part)


def _part_table(part: Path, columns: Sequence[str] | None = None, dictionary: Sequence[str] = ()):
    """A Parquet or staged part's ``columns`` (all when None) as an Arrow table, those named
    in ``dictionary`` dictionary-encoded."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if part.suffix != ".arrow":
        return pq.ParquetFile(part, read_dictionary=list(dictionary) or None).read(
            columns=columns, use_pandas_metadata=True
        )
    with pa.OSFile(str(part)) as source:
        table = pa.ipc.open_file(source).read_all()
    if columns is not None:
        table = table.select(list(columns))
    for name in dictionary:
        at = table.schema.get_field_index(name)
        table = table.set_column(at, name, table.column(name).dictionary_encode())
    return table


def _read_part(part: Path, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A Parquet or staged part as ``pd.read_parquet`` reads a Parquet part."""
    from .cache_parts import _arrow_to_pandas, _frame_of

    if part.suffix != ".arrow":
        return _read_frame(part, columns)
    if _arrow_to_pandas() is None:  # pandas < 2.3: its own reader of Arrow IPC (Feather v2)
        return pd.read_feather(part, columns=None if columns is None else list(columns))
    return _frame_of([_part_table(part, columns)])


def _read_shared(
    parts: list[Path],
    columns: Sequence[str] | None = None,
    known: dict[str, str] | None = None,
    presence: Sequence[str] = (),
) -> pd.DataFrame:
    """:func:`_read_parts`, with the text columns as object columns (None for missing) in
    which equal strings are one object, across all parts: the people step reads millions of
    rows that repeat few ids, kinds and names, so a row costs a pointer, not its string's bytes
    (as an Arrow string column would). Each part's text is read dictionary-encoded, whose
    values are made Python strings once per part, not once per row. ``known``: the strings
    of an earlier call, to share them with (equal ids of two tables are then compared as one
    object). ``presence``: text columns read as whether each row has a value (a nullable
    boolean column, True or missing: ``notna()`` as of the text), not their text."""
    import pyarrow as pa

    schema = _schema(parts[0])
    names = schema.names if columns is None else [c for c in columns if c in schema.names]
    text = [n for n in names if schema.field(n).type in (pa.string(), pa.large_string())]
    present = [n for n in text if n in presence]
    text = [n for n in text if n not in present]
    others = [n for n in names if n not in text and n not in present]
    known = {} if known is None else known
    pieces: dict[str, list[np.ndarray]] = {n: [] for n in text}
    flags: dict[str, list[np.ndarray]] = {n: [] for n in present}
    frames = []
    for part in parts:
        frames.append(_read_part(part, others))
        table = _part_table(part, text + present, dictionary=text)
        for name in present:
            valid = np.concatenate(
                [c.is_valid().to_numpy(zero_copy_only=False) for c in table.column(name).chunks]
                or [np.zeros(0, dtype=bool)]
            )
            flags[name].append(valid)
        for name in text:
            for chunk in table.column(name).chunks:
                values = chunk.dictionary.to_pylist()
                shared = np.array([known.setdefault(v, v) for v in values] + [None], dtype=object)
                pieces[name].append(shared[chunk.indices.fill_null(len(values)).to_numpy()])
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    for name in text:
        found = pieces.pop(name)  # no chunk at all when every part is empty
        joined = np.concatenate(found) if found else np.empty(0, dtype=object)
        frame[name] = pd.Series(joined, index=frame.index, dtype=object)
    for name in present:
        valid = np.concatenate(flags.pop(name) or [np.zeros(0, dtype=bool)])
        flags_array = pd.arrays.BooleanArray(np.ones(len(valid), dtype=bool), ~valid)
        frame[name] = pd.Series(flags_array, index=frame.index)
    return frame[names]


def _write_csv(table: pd.DataFrame, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv_safe(table).to_csv(handle, index=False, lineterminator="\n")


def _write_part(staging: Path, name: str, number: int, table: pd.DataFrame, *, csv: bool):
    parts = staging / f"{name}.parquet"
    parts.mkdir(exist_ok=True)
    to_parquet(table, parts / f"part-{number:05d}.parquet")
    if csv:
        with open(staging / f"{name}.csv", "a", encoding="utf-8", newline="") as handle:
            csv_safe(table).to_csv(handle, index=False, header=number == 0, lineterminator="\n")


def to_parquet(table: pd.DataFrame, path: str | os.PathLike) -> None:
    """Write ``table`` (without its index) as Parquet whose bytes depend only on its values.

    A column pieced together from several frames (e.g. rows from the cache and fresh ones) is
    an Arrow array in several chunks, and the Parquet writer starts pages at chunk boundaries:
    the same values would give other bytes. Columns are made one chunk first.

    Example:
        >>> import io
        >>> whole, pieced = io.BytesIO(), io.BytesIO()
        >>> frame = pd.DataFrame({"t": ["a", "b"] * 3})
        >>> to_parquet(frame, whole)
        >>> to_parquet(pd.concat([frame[:2], frame[2:]], ignore_index=True), pieced)
        >>> whole.getvalue() == pieced.getvalue()
        True
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pandas(table, preserve_index=False).combine_chunks(), path)


# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = r"^[=+\-@\t\r]"


def csv_safe(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with every text cell that a spreadsheet would run as a formula (starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) prefixed with ``'``, for the CSV
    copies; the Parquet tables keep the exact values. Numbers are left alone.

    Example:
        >>> csv_safe(pd.DataFrame({"t": ["=1+1", "ok", "-"], "n": [-1, 2, 3]})).to_dict("list")
        {'t': ["'=1+1", 'ok', "'-"], 'n': [-1, 2, 3]}
    """
    safe = table
    for column in table.columns:
        values = table[column]
        if values.dtype != object and not isinstance(
            values.dtype, pd.StringDtype | pd.CategoricalDtype
        ):
            continue  # numbers, dates, booleans: a minus sign is no formula
        texts = values.astype("string")
        risky = texts.str.match(_FORMULA_START).fillna(False).to_numpy(dtype=bool)
        if values.dtype == object:  # only strings: other objects are written as they are
            risky &= values.map(lambda value: isinstance(value, str)).to_numpy(dtype=bool)
        if risky.any():
            if safe is table:
                safe = table.copy()
            neutral = values.astype(object).copy()
            neutral[risky] = "'" + texts[risky]
            safe[column] = neutral
    return safe


def _publish(staging: Path, folder: Path, *, csv: bool) -> None:
    """Move the finished tables into place as one step (:func:`newslib.publish.publish`),
    replacing any earlier run's; without ``csv``, remove the CSV copies of an earlier run
    (they no longer match the tables)."""
    names = _written(csv)
    stale = [f"{name}.csv" for name in TABLES + CORPUS_TABLES if not csv]
    publish.publish(staging, folder, names, remove=stale)


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


def write_tables(tables: dict[str, pd.DataFrame], out: str | os.PathLike) -> list[Path]:
    """Write each table as ``OUT/<name>.parquet`` and a CSV copy (text cells that would run as
    a spreadsheet formula prefixed with ``'``, see :func:`csv_safe`); return the paths written.

    Files are written to a temporary name and renamed, so a killed run never leaves a
    half-written table behind. The same tables always give byte-identical files.

    Example:
        >>> import tempfile
        >>> paths = write_tables({"t": pd.DataFrame({"a": [1]})}, tempfile.mkdtemp())
        >>> [p.name for p in paths]
        ['t.parquet', 't.csv']
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        for suffix in ("parquet", "csv"):
            target = folder / f"{name}.{suffix}"
            partial = folder / f".{name}.{suffix}.partial"
            if suffix == "parquet":
                to_parquet(table, partial)
            else:
                csv_safe(table).to_csv(partial, index=False, lineterminator="\n")
            os.replace(partial, target)
            written.append(target)
    return written
