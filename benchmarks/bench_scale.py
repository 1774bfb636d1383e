"""Benchmark: newslib's full analysis at scale against the naive notebook loop, in one run.

The corpus is the shared PolNeAR texts (else ``_corpus``'s synthetic one) written to a temporary
folder as plain-text files (title line, blank line, body; the date in the file name), repeated
with dates shifted by a week per copy, up to ``--articles`` files (default 10,000). Copies are
not repeats: each swaps about a third of the longer words of every sentence for other corpus
words of the same length and case (``benchmarks._variants``; cue verbs, pronouns and the other
words the quotation rules read are kept), so no cache keyed by text is flattered; the share of
a copy's sentences that still repeat one of the corpus (too short to vary) is printed. Each copy
is its own sub-folder.

Measured side by side, in one run:

1. the naive loop: read each file, call each textstat index function on the body, split it
   with ``nltk.sent_tokenize`` and call VADER's ``polarity_scores`` per sentence, pair quotation
   marks with a regular expression, then write the rows to Parquet. textstat's text caches and
   Pyphen's word cache are emptied first (as ``bench_readability`` does). It is slow, so it runs
   on ``--naive`` articles (default 2,000: every k-th file, so the mix of sources and lengths is
   the corpus's) and rates are compared per article;
2. ``newslib analyze`` end to end (load, readability, sentiment, quotes and reported speech,
   near-duplicates, people, Parquet out; ``--no-csv`` as the naive loop writes no CSV either)
   with ``--jobs 1 --no-cache``;
3. the same with all jobs (one per core), on the corpus and on a ``--small`` one (2,000: the
   fixed cost of a run shows there);
4. all jobs with an empty cache (cold), then
5. the same command again on the unchanged corpus (warm: ``OUT`` is up to date, nothing is
   read), and into a new folder with the same cache (every file loaded, every result read from
   the cache);
6. the Dask engine on a ``LocalCluster`` of one worker per core, no cache (when installed);
7. after editing 1% of the files, the cached command again, then after adding 1% new files
   (distinct copies); only those articles are analysed;
8. with ``--memory N`` (``make bench-scale`` passes 100,000), a cold run on N articles for the
   peak memory and the time per article at that size.

Each newslib run is a fresh subprocess, with newslib's bytecode cached as an installed package
has it (compiled once before the first run, even where the shell sets ``PYTHONDONTWRITEBYTECODE``,
which would have every run and every worker compile newslib's source again). Peak RSS is the
largest total resident memory of its process tree (the command and its worker processes, summed,
sampled every 50 ms from /proc); shared pages count once per process, so this overstates, never
understates. The largest single process (``wait4``'s ``ru_maxrss``) is printed too. The tables of
every newslib run are checked equal to those of the 1-job run.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_scale [--articles N] [--naive N] [--memory N]
    .venv/bin/python -m benchmarks.bench_scale --memory 100000 --memory-only

It exits with status 1 when the runs' tables differ.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd

from benchmarks._corpus import bench_corpus
from benchmarks._variants import Variants, repeated_sentence_share
from benchmarks.bench_readability import fresh_caches, load_resources, naive_indices

LANG = "en_US"
WEEK = pd.Timedelta(days=7)
GIB = 1024**3
# Curly or straight double quotation marks, paired left to right: the notebook way.
NAIVE_QUOTE = re.compile(r"“([^”]*)”|\"([^\"]*)\"")
_SLUG = re.compile(r"[^a-z0-9]+")


# --------------------------------------------------------------------------------------------
# Corpus


def write_corpus(folder: Path, n: int, first_copy: int = 0) -> tuple[list[Path], str]:
    """Write ``n`` plain-text articles under ``folder``; return their paths (in load order).

    Copy ``k`` of each corpus text is ``Variants.text(text, k)``: words swapped so that no
    sentence repeats a sentence of another copy wherever it has a word to swap."""
    base, description = bench_corpus()
    base = base.reset_index(drop=True)
    variants = Variants([*base["title"], *base["text"]])
    paths = []
    copy = first_copy
    originals, varied = [], []
    while len(paths) < n:
        sub = folder / f"copy-{copy:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        for i, row in enumerate(base.itertuples(index=False)):
            if len(paths) == n:
                break
            date = (row.date + copy * WEEK).strftime("%Y-%m-%d")
            title = variants.text(row.title, copy)
            text = variants.text(row.text, copy)
            if copy == 0:
                originals.append(row.text)
            elif copy == 1:
                varied.append(text)
            slug = _SLUG.sub("-", title.lower())[:30].strip("-")
            path = sub / f"{i:04d}_{date}_{slug}.txt"
            path.write_text(f"{title}\n\n{text}\n", encoding="utf-8")
            paths.append(path)
        copy += 1
    repeats = repeated_sentence_share(originals, varied) if varied else 0.0
    return sorted(paths, key=str), (
        f"{description}, {copy - first_copy} copies with words swapped ({repeats:.1%} of a "
        f"copy's sentences repeat one of the corpus), {n} files"
    )


# --------------------------------------------------------------------------------------------
# The naive loop


def naive(paths: list[Path], out: Path) -> int:
    """The notebook way, one article at a time; returns the number of articles."""
    import nltk
    import textstat

    from newslib.resources import vader_analyzer

    ts = textstat.textstat
    ts.set_lang(LANG)
    indices = naive_indices(ts)
    analyzer = vader_analyzer()
    articles, sentences, quotes = [], [], []
    for path in paths:
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        body = body.strip()
        row = {"file": path.name, "title": title}
        for name, function in indices.items():
            row[name] = function(body)
        compounds = []
        for number, sentence in enumerate(nltk.sent_tokenize(body)):
            scores = analyzer.polarity_scores(sentence)
            compounds.append(scores["compound"])
            sentences.append({"file": path.name, "sentence": number, "text": sentence, **scores})
        row["compound_mean"] = sum(compounds) / len(compounds) if compounds else None
        quoted = 0
        for match in NAIVE_QUOTE.finditer(body):
            quoted += match.end() - match.start()
            quotes.append({"file": path.name, "start": match.start(), "end": match.end()})
        row["quote_share"] = quoted / len(body) if body else None
        articles.append(row)
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in (("articles", articles), ("sentences", sentences), ("quotes", quotes)):
        pd.DataFrame(rows).to_parquet(out / f"{name}.parquet", index=False)
    return len(articles)


# --------------------------------------------------------------------------------------------
# newslib runs, each in a fresh subprocess


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (0 once it has exited)."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            pass
    return total


def installed_env() -> dict[str, str]:
    """The environment of newslib's runs: this one, with bytecode written and read as an
    installed package does (next to newslib's modules), newslib compiled once here."""
    import newslib

    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    package = Path(newslib.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=env, check=True)
    return env


def run_newslib(
    corpus: Path, out: Path, options: list[str], env: dict[str, str] | None = None
) -> dict:
    """Run ``newslib analyze`` in a new process (with ``env``, default this one's); return
    seconds, tree and single-process RSS."""
    command = [
        sys.executable,
        "-c",
        "import sys; from newslib.cli import main; sys.exit(main())",
        "analyze",
        str(corpus),
        "-o",
        str(out),
        "--quiet",
        "--no-csv",
        *options,
    ]
    peak = 0
    done = threading.Event()
    start = time.perf_counter()
    errors = tempfile.TemporaryFile(mode="w+")  # the load report goes there; shown on failure
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # wait4 reports the child's own peak and, like RUSAGE_CHILDREN, the largest of the
    # processes it waited for (the workers): a max, not a sum, hence the sampler.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    errors.seek(0)
    message = errors.read()
    errors.close()
    if process.returncode != 0:
        raise RuntimeError(f"newslib analyze failed (exit {process.returncode}):\n{message}")
    import pyarrow.parquet as pq

    # Articles analysed, not files: the loader skips a file that repeats another's title and text.
    articles = pq.ParquetDataset(out / "articles.parquet").read(columns=["article_id"]).num_rows
    return {
        "articles": articles,
        "seconds": seconds,
        "tree_rss": peak,
        "max_rss": usage.ru_maxrss * 1024,
    }


def _has_dask() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def same_tables(reference: Path, other: Path) -> bool:
    for name in ("articles", "sentences", "quotes"):
        a = pd.read_parquet(reference / f"{name}.parquet")
        b = pd.read_parquet(other / f"{name}.parquet")
        if not a.equals(b):
            return False
    return True


# --------------------------------------------------------------------------------------------


def _mib(n: int) -> str:
    return f"{n / 1024**2:,.0f} MiB"


def _table(rows: list[dict], naive_rate: float | None) -> None:
    width = max(len("method"), *(len(row["method"]) for row in rows))
    print(
        f"{'method':<{width}} {'articles':>8} {'seconds':>9} {'articles/s':>11} {'vs naive':>9} "
        f"{'peak RSS tree':>14} {'largest proc':>13}"
    )
    for row in rows:
        rate = row["articles"] / row["seconds"]
        ratio = f"{rate / naive_rate:.1f}x" if naive_rate else "-"
        tree = _mib(row["tree_rss"]) if row.get("tree_rss") else "-"
        single = _mib(row["max_rss"]) if row.get("max_rss") else "-"
        print(
            f"{row['method']:<{width}} {row['articles']:>8,} {row['seconds']:>9.2f} {rate:>11.1f} "
            f"{ratio:>9} {tree:>14} {single:>13}"
        )


def memory_run(n: int, jobs: int, scratch: Path, env: dict[str, str] | None = None) -> dict:
    corpus = scratch / "memory-corpus"
    paths, description = write_corpus(corpus, n)
    print(f"memory corpus: {description}; newslib analyze --jobs {jobs} (with a cache, cold)")
    result = run_newslib(corpus, scratch / "memory-out", ["--jobs", str(jobs)], env)
    shutil.rmtree(corpus, ignore_errors=True)
    return {"method": f"{n:,} articles, {jobs} jobs, cold cache", **result}


def _add_files(corpus: Path, n: int, start_copy: int) -> None:
    """``n`` new articles in a folder of their own: copies the corpus has not had yet."""
    extra = corpus.parent / "added"
    paths, _ = write_corpus(extra, n, first_copy=start_copy)
    target = corpus / "added"
    target.mkdir()
    for path in paths:
        path.rename(target / f"{path.parent.name}-{path.name}")
    shutil.rmtree(extra, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (10,000)")
    parser.add_argument("--small", type=int, default=2_000, help="the start-up corpus (2,000)")
    parser.add_argument("--naive", type=int, default=2_000, help="articles the naive loop runs")
    parser.add_argument(
        "--memory",
        type=int,
        metavar="N",
        help="also measure peak RSS of one cold run on N articles (e.g. 100000), in this run",
    )
    parser.add_argument(
        "--memory-only", action="store_true", help="with --memory: only that measurement"
    )
    args = parser.parse_args(argv)
    jobs = os.cpu_count() or 1
    load_resources()
    print(
        f"machine: {platform.machine()}, {jobs} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}"
    )
    scratch = Path(tempfile.mkdtemp(prefix="newslib-bench-scale-"))
    try:
        env = installed_env()
        if args.memory and args.memory_only:
            row = memory_run(args.memory, jobs, scratch, env)
            _table([row], None)
            met = _verdict(row["tree_rss"] <= 1.5 * GIB)
            print(f"goal peak RSS <= 1.5 GiB at {args.memory:,}: {met}")
            return 0
        corpus = scratch / "corpus"
        paths, description = write_corpus(corpus, args.articles)
        print(f"corpus: {description} in {corpus}")
        small = scratch / "small"
        write_corpus(small, args.small)

        # Every k-th file, so the subset has the corpus's mix of sources and lengths.
        subset = paths[:: max(1, len(paths) // max(1, args.naive))][: args.naive]
        fresh_caches()
        start = time.perf_counter()
        naive(subset, scratch / "naive")
        naive_seconds = time.perf_counter() - start
        rows = [
            {
                "method": "naive loop (textstat, VADER, regex)",
                "articles": len(subset),
                "seconds": naive_seconds,
            }
        ]
        naive_rate = len(subset) / naive_seconds
        print(f"naive loop: {len(subset)} articles in {naive_seconds:.1f} s", flush=True)

        cache = ["--cache-dir", str(scratch / "cache")]
        every = ["--jobs", str(jobs)]
        names = {
            "one": "newslib, 1 job, no cache",
            "all": f"newslib, {jobs} jobs, no cache",
            "small": f"newslib, {jobs} jobs, no cache, {args.small:,} articles",
            "cold": f"newslib, {jobs} jobs, cold cache",
            "warm": f"newslib, {jobs} jobs, warm rerun (nothing changed)",
            "fresh": "warm cache, new OUT folder",
            "dask": f"dask LocalCluster, {jobs} workers",
        }
        runs = {
            "one": (corpus, scratch / "one", ["--jobs", "1", "--no-cache"]),
            "all": (corpus, scratch / "all", [*every, "--no-cache"]),
            "small": (small, scratch / "small-out", [*every, "--no-cache"]),
            "cold": (corpus, scratch / "cached", [*every, *cache]),
            # The same command again: OUT is up to date, nothing is read.
            "warm": (corpus, scratch / "cached", [*every, *cache]),
            # Into a new folder: every file loaded, every result read from the cache.
            "fresh": (corpus, scratch / "fresh", [*every, *cache]),
        }
        if _has_dask():
            runs["dask"] = (corpus, scratch / "dask", ["--engine", "dask", *every, "--no-cache"])
        identical = True
        measured: dict[str, dict] = {}
        for key, (source, out, options) in runs.items():
            result = run_newslib(source, out, options, env)
            measured[key] = result
            rows.append({"method": names[key], **result})
            print(f"{names[key]}: {result['seconds']:.1f} s", flush=True)
            if source == corpus and out != scratch / "one":
                identical &= same_tables(scratch / "one", out)
        # Then 1% of the files edited (a sentence added): those articles are analysed again.
        edited = paths[::100]
        for path in edited:
            with path.open("a", encoding="utf-8") as handle:
                handle.write("\nThis article was updated.\n")
        measured["edited"] = run_newslib(corpus, scratch / "cached", [*every, *cache], env)
        rows.append({"method": f"rerun, {len(edited)} files edited (1%)", **measured["edited"]})
        print(f"{len(edited)} files edited: {measured['edited']['seconds']:.1f} s", flush=True)
        # And 1% new files (distinct copies the corpus has not had).
        added = max(1, len(paths) // 100)
        _add_files(corpus, added, start_copy=len(paths) // max(1, len(bench_corpus()[0])) + 1)
        measured["added"] = run_newslib(corpus, scratch / "cached", [*every, *cache], env)
        rows.append({"method": f"rerun, {added} files added (1%)", **measured["added"]})
        print(f"{added} files added: {measured['added']['seconds']:.1f} s", flush=True)
        if args.memory:
            memory = memory_run(args.memory, jobs, scratch, env)
            rows.append(memory)
            print(f"{memory['method']}: {memory['seconds']:.1f} s", flush=True)

        print()
        _table(rows, naive_rate)
        print(
            f"(naive loop timed on {len(subset)} of the articles, every k-th file; ratios compare "
            "articles/s; every time includes starting Python, reading the files and writing "
            "Parquet)"
        )

        def rate(key: str) -> float:
            return measured[key]["articles"] / measured[key]["seconds"] / naive_rate

        cold = measured["cold"]["seconds"]
        goals = [
            (f"{jobs} jobs >= 10x naive at {args.articles:,}", rate("all"), 10.0),
            (f"{jobs} jobs >= 6x naive at {args.small:,}", rate("small"), 6.0),
            (f"1 job >= 5x naive at {args.articles:,}", rate("one"), 5.0),
            (
                "rerun after 1% edited >= 10x faster than cold",
                cold / measured["edited"]["seconds"],
                10.0,
            ),
            (
                "rerun after 1% added >= 10x faster than cold",
                cold / measured["added"]["seconds"],
                10.0,
            ),
        ]
        for name, value, target in goals:
            print(f"goal {name}: {value:.1f}x -> {_verdict(value >= target)}")
        print(
            f"unchanged rerun: {cold / measured['warm']['seconds']:.0f}x faster than cold; "
            f"warm cache into a new folder: {cold / measured['fresh']['seconds']:.1f}x"
        )
        if args.memory:
            per_small = measured["cold"]["seconds"] / measured["cold"]["articles"]
            per_large = memory["seconds"] / memory["articles"]
            print(
                f"goal peak RSS <= 1.5 GiB at {args.memory:,}: {_mib(memory['tree_rss'])} -> "
                f"{_verdict(memory['tree_rss'] <= 1.5 * GIB)}; time per article "
                f"{per_small * 1000:.2f} ms at {measured['cold']['articles']:,}, "
                f"{per_large * 1000:.2f} ms at {memory['articles']:,}"
            )
        peak = max(row.get("tree_rss", 0) for row in rows)
        print(f"peak RSS of any newslib run: {_mib(peak)}")
        print(f"tables identical across jobs and cache state: {'yes' if identical else 'NO'}")
        return 0 if identical else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


if __name__ == "__main__":
    sys.exit(main())
