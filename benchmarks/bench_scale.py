"""Benchmark: newslib's full analysis at scale against the naive notebook loop, in one run.

The corpus is the shared PolNeAR texts (else ``_corpus``'s synthetic one) written to a temporary
folder as plain-text files (title line, blank line, body; the date in the file name), repeated
with dates shifted by a week per copy, up to ``--articles`` files (default 10,000). Copies are
not repeats: each swaps about a third of the longer words of every sentence for other corpus
words of the same length and case (``benchmarks._variants``; cue verbs, pronouns and the other
words the quotation rules read are kept), so no cache keyed by text is flattered; the share of
a copy's sentences that still repeat one of the corpus (too short to vary) is printed. Each copy
is its own sub-folder.

Measured side by side on that folder:

1. the naive loop: read each file, call each textstat index function on the body, split it
   with ``nltk.sent_tokenize`` and call VADER's ``polarity_scores`` per sentence, pair quotation
   marks with a regular expression, then write the rows to Parquet. textstat's text caches and
   Pyphen's word cache are emptied first (as ``bench_readability`` does). It is slow, so it runs
   on ``--naive`` articles (default 2,000: every k-th file, so the mix of sources and lengths is
   the corpus's) and rates are compared per article;
2. ``newslib analyze`` end to end (load, readability, sentiment, quotes, Parquet out; ``--no-csv``
   as the naive loop writes no CSV either) with ``--jobs 1 --no-cache``;
3. the same with all jobs (one per core) and ``--no-cache``;
4. all jobs with an empty cache (cold), then
5. the same command again on the unchanged corpus (warm: ``OUT`` is up to date, nothing is
   read), and into a new folder with the same cache (every file loaded, every result read from
   the cache);
6. the Dask engine on a ``LocalCluster`` of one worker per core, no cache (when installed);
7. after editing 1% of the files, the cached command again (only those articles analysed).

Each newslib run is a fresh subprocess. Peak RSS is the largest total resident memory of its
process tree (the command and its worker processes, summed, sampled every 50 ms from /proc);
shared pages count once per process, so this overstates, never understates. The largest single
process (``wait4``'s ``ru_maxrss``) is printed too. The tables of every newslib run are checked
equal to those of the 1-job run.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_scale [--articles N] [--naive N]
    .venv/bin/python -m benchmarks.bench_scale --memory 100000   # only the memory figure

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


def write_corpus(folder: Path, n: int) -> tuple[list[Path], str]:
    """Write ``n`` plain-text articles under ``folder``; return their paths (in load order).

    Copy ``k`` of each corpus text is ``Variants.text(text, k)``: words swapped so that no
    sentence repeats a sentence of another copy wherever it has a word to swap."""
    base, description = bench_corpus()
    base = base.reset_index(drop=True)
    variants = Variants([*base["title"], *base["text"]])
    paths = []
    copy = 0
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
        f"{description}, {copy} copies with words swapped ({repeats:.1%} of a copy's sentences "
        f"repeat one of the corpus), {n} files"
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


def run_newslib(corpus: Path, out: Path, options: list[str]) -> dict:
    """Run ``newslib analyze`` in a new process; return seconds, tree and single-process RSS."""
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
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)

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
    print(
        f"{'method':<34} {'articles':>8} {'seconds':>9} {'articles/s':>11} {'vs naive':>9} "
        f"{'peak RSS tree':>14} {'largest proc':>13}"
    )
    for row in rows:
        rate = row["articles"] / row["seconds"]
        ratio = f"{rate / naive_rate:.1f}x" if naive_rate else "-"
        tree = _mib(row["tree_rss"]) if row.get("tree_rss") else "-"
        single = _mib(row["max_rss"]) if row.get("max_rss") else "-"
        print(
            f"{row['method']:<34} {row['articles']:>8} {row['seconds']:>9.2f} {rate:>11.1f} "
            f"{ratio:>9} {tree:>14} {single:>13}"
        )


def memory_run(n: int, jobs: int, scratch: Path) -> int:
    corpus = scratch / "corpus"
    paths, description = write_corpus(corpus, n)
    print(f"corpus: {description}; newslib analyze --jobs {jobs} (with a cache, cold)")
    result = run_newslib(corpus, scratch / "out", ["--jobs", str(jobs)])
    row = {"method": f"newslib, {jobs} jobs, cold cache", **result}
    _table([row], None)
    goal = result["tree_rss"] <= 1.5 * GIB
    print(f"goal peak RSS <= 1.5 GiB for {n:,} articles: {'met' if goal else 'MISSED'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (10,000)")
    parser.add_argument("--naive", type=int, default=2_000, help="articles the naive loop runs")
    parser.add_argument(
        "--memory", type=int, metavar="N", help="only measure peak RSS of one run on N articles"
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
        if args.memory:
            return memory_run(args.memory, jobs, scratch)
        corpus = scratch / "corpus"
        paths, description = write_corpus(corpus, args.articles)
        print(f"corpus: {description} in {corpus}")

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
        runs = {
            "newslib, 1 job, no cache": (scratch / "one", ["--jobs", "1", "--no-cache"]),
            f"newslib, {jobs} jobs, no cache": (
                scratch / "all",
                ["--jobs", str(jobs), "--no-cache"],
            ),
            f"newslib, {jobs} jobs, cold cache": (
                scratch / "cached",
                ["--jobs", str(jobs), *cache],
            ),
            # The same command again: OUT is up to date, nothing is read.
            f"newslib, {jobs} jobs, warm rerun": (
                scratch / "cached",
                ["--jobs", str(jobs), *cache],
            ),
            # Into a new folder: every file loaded, every result read from the cache.
            "warm cache, new OUT folder": (scratch / "fresh", ["--jobs", str(jobs), *cache]),
        }
        if _has_dask():
            runs[f"dask LocalCluster, {jobs} workers"] = (
                scratch / "dask",
                ["--engine", "dask", "--jobs", str(jobs), "--no-cache"],
            )
        identical = True
        for method, (out, options) in runs.items():
            result = run_newslib(corpus, out, options)
            rows.append({"method": method, **result})
            print(f"{method}: {result['seconds']:.1f} s", flush=True)
            if out != scratch / "one":
                identical &= same_tables(scratch / "one", out)
        # Then 1% of the files edited (a sentence added): those articles are analysed again.
        edited = paths[::100]
        for path in edited:
            with path.open("a", encoding="utf-8") as handle:
                handle.write("\nThis article was updated.\n")
        result = run_newslib(corpus, scratch / "cached", ["--jobs", str(jobs), *cache])
        rows.append({"method": f"warm cache, {len(edited)} files edited", **result})
        print(f"{len(edited)} files edited: {result['seconds']:.1f} s", flush=True)

        print()
        _table(rows, naive_rate)
        print(
            f"(naive loop timed on {len(subset)} of the articles, every k-th file; ratios compare "
            "articles/s; every time includes reading the files and writing Parquet)"
        )
        rate = {row["method"]: row["articles"] / row["seconds"] for row in rows}
        one, every = rate["newslib, 1 job, no cache"], rate[f"newslib, {jobs} jobs, no cache"]
        cold = rows[3]["seconds"]
        warm = rows[4]["seconds"]
        print(
            f"cold / warm into a new folder: {cold / rows[5]['seconds']:.1f}x; cold / "
            f"{rows[-1]['method'].removeprefix('warm cache, ')}: {cold / rows[-1]['seconds']:.1f}x"
        )
        peak = max(row.get("tree_rss", 0) for row in rows)
        goals = [
            ("1 job >= 3x naive", one / naive_rate, 3.0),
            (f"{jobs} jobs >= 5x naive", every / naive_rate, 5.0),
            ("warm rerun >= 50x faster than cold", cold / warm, 50.0),
        ]
        for name, value, target in goals:
            print(f"goal {name}: {value:.1f}x -> {'met' if value >= target else 'MISSED'}")
        print(f"peak RSS of any newslib run ({len(paths):,} files): {_mib(peak)}")
        print(f"tables identical across jobs and cache state: {'yes' if identical else 'NO'}")
        return 0 if identical else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
