"""Benchmark: ``newslib.readability`` against the naive notebook loop over textstat.

The naive way calls each textstat function (7 counts, 10 indices) once per article. textstat
memoises its counts per text (``functools.lru_cache``, 128 entries per function) and Pyphen
memoises hyphenations per word, so each method is timed on a fresh cache state: every textstat
text cache and Pyphen's word cache are emptied before each timed run, so neither method
benefits from what the other (or an earlier round) computed. Only the loaded resources stay
(the CMU dictionary, Pyphen's patterns, the easy-word list): both methods need them, and
loading them is done once before timing. Rounds alternate which method runs first.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_readability [--limit N] [--rounds R]

It exits with status 1 when the two methods disagree by more than 0.01 anywhere.
"""

from __future__ import annotations

import argparse
import inspect
import statistics
import sys
import time

import numpy as np
import pandas as pd

from benchmarks._corpus import bench_corpus
from newslib.readability import COUNT_COLUMNS, INDEX_COLUMNS, readability
from newslib.resources import ensure_nltk_data

LANG = "en_US"  # textstat's default language, and newslib's
# Resource loaders that both methods need; they stay loaded (their load is not timed).
_RESOURCE_LOADERS = {"get_cmudict", "get_pyphen", "get_lang_easy_words"}


def _textstat_caches() -> list:
    """Every lru-cached function in textstat's backend except the resource loaders."""
    import textstat.backend as backend

    caches = {}
    for package in ("counts", "metrics", "selections", "transformations", "validations", "utils"):
        module = getattr(backend, package)
        for name, function in inspect.getmembers(module):
            if hasattr(function, "cache_clear") and name not in _RESOURCE_LOADERS:
                caches[id(function)] = function
    return list(caches.values())


def fresh_caches() -> None:
    """Empty textstat's per-text caches and Pyphen's per-word cache."""
    import pyphen

    for function in _textstat_caches():
        function.cache_clear()
    for hyphenation in pyphen.hdcache.values():
        hyphenation.cache.clear()


def load_resources() -> None:
    """Load what both methods need (not timed): NLTK data, cmudict (textstat's, and newslib's
    syllable table made from it), Pyphen, easy words."""
    from textstat.backend.utils import get_cmudict, get_lang_easy_words, get_pyphen

    from newslib.resources import cmudict_syllables

    ensure_nltk_data()
    get_cmudict(LANG)
    cmudict_syllables()
    get_pyphen(LANG)
    get_lang_easy_words(LANG)


def naive_indices(ts) -> dict:
    """Each readability index as the notebook way calls it: one textstat function per index."""
    return {
        "flesch_reading_ease": ts.flesch_reading_ease,
        "flesch_kincaid_grade": ts.flesch_kincaid_grade,
        "gunning_fog": ts.gunning_fog,
        "smog_index": ts.smog_index,
        "coleman_liau_index": ts.coleman_liau_index,
        "automated_readability_index": ts.automated_readability_index,
        "dale_chall": ts.dale_chall_readability_score,
        "linsear_write": ts.linsear_write_formula,
        "text_standard": lambda text: ts.text_standard(text, float_output=True),
        "reading_time": ts.reading_time,
    }


def naive(df: pd.DataFrame) -> pd.DataFrame:
    """The notebook way: one call of each textstat function per article."""
    import textstat

    ts = textstat.textstat
    ts.set_lang(LANG)
    functions = {
        "ts_words": ts.lexicon_count,
        "ts_sentences": ts.sentence_count,
        "ts_syllables": ts.syllable_count,
        "ts_polysyllables": ts.polysyllabcount,
        "ts_difficult_words": ts.difficult_words,
        "ts_characters": ts.char_count,
        "ts_letters": ts.letter_count,
        **naive_indices(ts),
    }
    rows = []
    for article_id, text in zip(df["article_id"], df["text"], strict=True):
        row = {"article_id": article_id}
        for name, function in functions.items():
            row[name] = function(text)
        rows.append(row)
    return pd.DataFrame(rows)


def fast(df: pd.DataFrame) -> pd.DataFrame:
    return readability(df, lang=LANG)


def compare(expected: pd.DataFrame, actual: pd.DataFrame) -> tuple[int, int, float]:
    """Return (values compared, values exactly equal, largest absolute difference)."""
    compared = equal = 0
    largest = 0.0
    for name in COUNT_COLUMNS + INDEX_COLUMNS:
        a = expected[name].to_numpy(dtype=np.float64)
        b = actual[name].to_numpy(dtype=np.float64)
        compared += len(a)
        equal += int((a == b).sum())
        if len(a):
            largest = max(largest, float(np.abs(a - b).max()))
    return compared, equal, largest


def timed(function, df: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    fresh_caches()
    start = time.perf_counter()
    result = function(df)
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles only")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    args = parser.parse_args(argv)

    df, description = bench_corpus(args.limit)
    load_resources()
    print(f"corpus: {description}; {len(df)} articles, lang={LANG}")

    methods = {"naive textstat loop": naive, "newslib.readability": fast}
    times: dict[str, list[float]] = {name: [] for name in methods}
    results: dict[str, pd.DataFrame] = {}
    for round_ in range(args.rounds):
        order = list(methods) if round_ % 2 == 0 else list(reversed(methods))
        parts = []
        for name in order:
            seconds, results[name] = timed(methods[name], df)
            times[name].append(seconds)
            parts.append(f"{name} {seconds:.3f} s")
        print(f"round {round_ + 1} (fresh caches before each): " + ", then ".join(parts))

    compared, equal, largest = compare(
        results["naive textstat loop"], results["newslib.readability"]
    )
    baseline = statistics.median(times["naive textstat loop"])
    print()
    print(f"{'method':<22} {'articles':>8} {'seconds':>9} {'articles/s':>11} {'ratio':>7}")
    for name in methods:
        seconds = statistics.median(times[name])
        rate = len(df) / seconds if seconds else float("inf")
        print(f"{name:<22} {len(df):>8} {seconds:>9.3f} {rate:>11.1f} {baseline / seconds:>6.1f}x")
    print(f"(median of {args.rounds} rounds; ratio = naive seconds / method seconds)")
    print(
        f"values: {equal} of {compared} identical, largest difference {largest:.3g} "
        f"({len(COUNT_COLUMNS)} counts + {len(INDEX_COLUMNS)} indices per article)"
    )
    if largest > 0.01:
        print("MISMATCH: newslib.readability differs from textstat by more than 0.01")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
