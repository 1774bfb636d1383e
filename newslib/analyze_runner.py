"""Where the analysis of chunks of articles runs (:func:`newslib.analyze._analyze_chunk`): in
this process, in a pool of worker processes, or on a Dask cluster (:class:`_Runner`), with the
number of workers (``jobs``), the workers' start (warm-up, SIGINT, ending with their parent),
the progress bar, and the Dask engine's tasks that read and analyse files on the workers.

:mod:`newslib.analyze` imports this module; the chunk analysis is imported from it on use
(functions sent to workers stay top-level functions of their modules, so they pickle by name).
"""

from __future__ import annotations

import os
from contextlib import contextmanager

import numpy as np
import pandas as pd

from ._frame import _in_order, _Positions, take_rows

# Where chunks can run: here and in local worker processes, or on a Dask cluster.
ENGINES = ("local", "dask")


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
        from .analyze import _analyze_chunk

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
        from .analyze import _analyze_chunk

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
        from .analyze import _caches

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
    from .analyze import _analyze_chunk

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


def _load_and_analyze(
    paths: list[str], file_options: dict, lang: str, cache_dir: str | None
) -> tuple[list, dict[str, pd.DataFrame]]:
    """One partition of files, on a Dask worker: read them, analyse each article once.

    Returns the readings (without the articles' texts, which the client does not need) for
    the client's :class:`newslib.io.LoadState`, and the tables. An archive (or WARC file) is
    read here too, member by member: one reading per member, then the archive's.
    """
    from dataclasses import replace

    from .analyze import _analyze_chunk
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
