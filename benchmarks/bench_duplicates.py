"""Benchmark: near-duplicate detection (newslib.duplicates) on generated wire copy.

Two measurements, on corpora from ``benchmarks/_wirecopy.py`` (made-up words; stories, briefs,
templated items and follow-ups, and variants with another headline, dateline, a few words
replaced, a paragraph cut or added, the boilerplate dropped):

1. **Quality**, on ``--stories`` stories (default 5,000, about 9,000 articles): precision and
   recall against the generator's truth, over pairs of articles and over articles, at several
   thresholds; recall by kind of edit at the default threshold; and how many of the pairs of a
   story whose exact Jaccard similarity reaches the threshold were found (what LSH may miss).
2. **Speed and memory**, on ``--articles`` articles (default 100,000): articles fed in batches
   of 5,000 to one :class:`newslib.duplicates.NearDuplicateIndex`, as ``newslib analyze`` does;
   articles per second (one process), the index's arrays and the shingle sets written to the
   temporary file. Then everything the index holds (its arrays and its Python objects: ids,
   digests, the union-find) is measured with tracemalloc on a second, untimed pass over the
   first ``--trace-articles`` articles (default 20,000; tracemalloc slows Python several times),
   per article. The result is checked equal to :func:`newslib.near_duplicates` on the same
   articles shuffled, in one batch (``--no-check`` skips that pass).

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_duplicates [--stories N] [--articles N] [--trace]

It exits with status 1 when the shuffled pass disagrees or precision at the default threshold
is below 1.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc

import numpy as np
import pandas as pd

from benchmarks._wirecopy import scores, wire_corpus
from newslib.duplicates import (
    NUM_PERM,
    SHINGLE,
    THRESHOLD,
    NearDuplicateIndex,
    jaccard,
    lsh_params,
    near_duplicates,
    shingles,
)

MIB = 1024**2
BATCH = 5000


def build(df: pd.DataFrame) -> NearDuplicateIndex:
    """One index of ``df``'s articles, fed in batches as newslib analyze feeds it."""
    index = NearDuplicateIndex()
    for start in range(0, len(df), BATCH):
        index.add_frame(df.iloc[start : start + BATCH])
    return index


def quality(stories: int, seed: int) -> bool:
    df = wire_corpus(stories, seed=seed)
    kinds = ", ".join(f"{n:,} {k}" for k, n in df["kind"].value_counts().items())
    words = df["text"].str.split().str.len()
    print(f"quality corpus: {len(df):,} articles ({kinds}); {words.mean():.0f} words on average")
    print()
    print(
        f"{'threshold':>9} {'pair P':>7} {'pair R':>7} {'article P':>9} {'article R':>9}  flagged"
    )
    ok = True
    for threshold in (0.6, 0.7, 0.8, 0.9):
        found = near_duplicates(df, threshold=threshold)["near_duplicate_of"]
        s = scores(df, found)
        mark = " (default)" if threshold == THRESHOLD else ""
        print(
            f"{threshold:>9.1f} {s['pair_precision']:>7.3f} {s['pair_recall']:>7.3f} "
            f"{s['article_precision']:>9.3f} {s['article_recall']:>9.3f}  "
            f"{s['flagged']:,} of {s['to_flag']:,} to flag{mark}"
        )
        if threshold == THRESHOLD:
            default = found
            ok = ok and s["pair_precision"] == 1.0
    # Recall by edit, at the default: a variant is found when it is in its story's group.
    original = default.fillna(df["article_id"]).to_numpy()
    first = {
        story: original[i] for i, story in enumerate(df["story"]) if df["kind"].iloc[i] != "variant"
    }
    variants = df.index[df["kind"] == "variant"]
    by_edit: dict[str, list[bool]] = {}
    for i in variants:
        by_edit.setdefault(df["edits"].iloc[i], []).append(
            original[i] == first[df["story"].iloc[i]]
        )
    print()
    print(f"recall by edit at {THRESHOLD} (a variant found in its story's group), commonest first:")
    for edits, hits in sorted(by_edit.items(), key=lambda item: -len(item[1]))[:10]:
        print(f"  {edits:<42} {np.mean(hits):>6.1%} of {len(hits):>4}")
    # What LSH may miss: every pair of a story, checked exactly.
    sets = [shingles(text) for text in df["text"]]
    above = together = 0
    for rows in df.groupby("story").indices.values():
        for a_pos, a in enumerate(rows):
            for b in rows[a_pos + 1 :]:
                if jaccard(sets[a], sets[b]) >= THRESHOLD:
                    above += 1
                    together += original[a] == original[b]
    bands, rows = lsh_params(THRESHOLD, NUM_PERM)
    print()
    print(
        f"pairs of a story with exact Jaccard >= {THRESHOLD}: {above:,}, found {together:,} "
        f"({together / max(above, 1):.2%}); LSH {bands} bands x {rows} rows of {NUM_PERM} "
        f"permutations, {SHINGLE}-word shingles"
    )
    return ok


def speed(articles: int, seed: int, traced_articles: int, check: bool) -> bool:
    started = time.perf_counter()
    stories = int(articles / 1.8) + 100
    df = wire_corpus(stories, seed=seed).iloc[:articles].reset_index(drop=True)
    generated = time.perf_counter() - started
    words = int(df["text"].str.split().str.len().sum())
    print()
    print(f"speed corpus: {len(df):,} articles, {words:,} words (generated in {generated:.0f} s)")
    started = time.perf_counter()
    index = build(df)
    found = index.result()
    seconds = time.perf_counter() - started
    memory = index.memory()
    index.close()
    print()
    print(f"{'method':<46} {'articles':>8} {'seconds':>8} {'articles/s':>10}")
    name = f"NearDuplicateIndex, batches of {BATCH:,}"
    print(f"{name:<46} {len(df):>8,} {seconds:>8.1f} {len(df) / seconds:>10,.0f}")
    print(
        f"flagged {int(found.notna().sum()):,} near-duplicates; {index.candidates:,} candidate "
        f"pairs, {index.checked:,} checked exactly"
    )
    print(
        f"index arrays at {len(df):,} articles: bands {memory['bands'] / MIB:.1f} MiB, shingle "
        f"sets {memory['shingles_in_memory'] / MIB:.1f} MiB in memory and "
        f"{memory['shingles_on_disk'] / MIB:.1f} MiB in the temporary file"
    )
    sample = df.iloc[:traced_articles]
    tracemalloc.start()
    traced = build(sample)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    recent = traced.memory()["shingles_in_memory"]  # the latest sets: a fixed number of them
    traced.close()
    each = (current - recent) / len(sample)
    print(
        f"tracemalloc, first {len(sample):,} articles: the index holds {current / MIB:.1f} MiB, "
        f"{peak / MIB:.1f} MiB at the peak of building it; that is {each:,.0f} bytes an article "
        f"plus {recent / MIB:.1f} MiB of the latest shingle sets (at {len(df):,} articles: "
        f"about {(each * len(df) + recent) / MIB:.0f} MiB)"
    )
    if not check:
        return True
    shuffled = df.sample(frac=1, random_state=seed)
    started = time.perf_counter()
    whole = near_duplicates(shuffled).set_index("article_id")["near_duplicate_of"]
    seconds = time.perf_counter() - started
    name = "near_duplicates(df), rows shuffled, one batch"
    print(f"{name:<46} {len(df):>8,} {seconds:>8.1f} {len(df) / seconds:>10,.0f}")
    same = bool((whole.loc[found.index].fillna("") == found.fillna("")).all())
    print(f"same result for both orders and batchings: {'yes' if same else 'NO'}")
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=5000, help="stories of the quality run")
    parser.add_argument("--articles", type=int, default=100_000, help="articles of the speed run")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--trace-articles", type=int, default=20_000, help="articles of the tracemalloc pass"
    )
    parser.add_argument("--no-check", action="store_true", help="skip the shuffled pass")
    args = parser.parse_args(argv)
    ok = quality(args.stories, args.seed)
    ok = speed(args.articles, args.seed + 1, args.trace_articles, not args.no_check) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
