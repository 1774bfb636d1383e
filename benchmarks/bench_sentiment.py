"""Benchmark: newslib.sentiment against the naive notebook loop, on the same corpus.

The naive way splits each article with ``nltk.sent_tokenize`` and calls VADER's
``polarity_scores`` on every sentence in a Python loop. newslib scores its own sentences
(Punkt inside each paragraph), so the two sentence lists differ slightly; values are checked
on every newslib sentence (against ``polarity_scores`` on the same text) and on every sentence
the two splits share.

Run from the repository root: ``.venv/bin/python -m benchmarks.bench_sentiment``.
"""

from __future__ import annotations

import argparse
import time

import nltk
import pandas as pd

from benchmarks._corpus import bench_corpus
from newslib.resources import ensure_nltk_data, sentence_tokenizer, vader_analyzer
from newslib.sentiment import sentiment

SCORES = ("neg", "neu", "pos", "compound")


def naive(texts: list[str]) -> list[tuple[str, dict]]:
    analyzer = vader_analyzer()
    out = []
    for text in texts:
        for sentence in nltk.sent_tokenize(text):
            out.append((sentence, analyzer.polarity_scores(sentence)))
    return out


def best_time(function, repeat: int):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def quotes_module():
    try:
        from newslib.quotes import quotes
    except ModuleNotFoundError as error:
        if error.name == "newslib.quotes":
            return None
        raise
    return quotes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = parser.parse_args(argv)

    ensure_nltk_data()
    articles, description = bench_corpus(args.limit)
    texts = list(articles["text"])
    n = len(articles)
    # Load the lexicon and Punkt parameters before timing anything.
    vader_analyzer()
    sentence_tokenizer()
    nltk.sent_tokenize("Warm up. Twice.")

    no_quotes = pd.DataFrame({"article_id": [], "start": [], "end": [], "kind": []})
    rows = []
    naive_time, naive_rows = best_time(lambda: naive(texts), args.repeat)
    rows.append(("naive: sent_tokenize + polarity_scores loop", naive_time, len(naive_rows)))
    lib_time, frame = best_time(lambda: sentiment(articles, quotes=no_quotes), args.repeat)
    rows.append(("newslib.sentiment(df, quotes=<given>)", lib_time, len(frame)))
    quotes = quotes_module()
    if quotes is not None:
        full_time, full = best_time(lambda: sentiment(articles), args.repeat)
        rows.append(("newslib.sentiment(df)  (incl. newslib.quotes)", full_time, len(full)))

    print(f"Sentiment benchmark: {description}; best of {args.repeat} run(s)")
    print(f"{'method':<48} {'seconds':>8} {'articles/s':>11} {'sentences':>10} {'speed-up':>9}")
    for name, seconds, count in rows:
        print(
            f"{name:<48} {seconds:>8.3f} {n / seconds:>11.1f} {count:>10d} "
            f"{naive_time / seconds:>8.2f}x"
        )
    if quotes is None:
        print("(newslib.quotes not importable: in_quote is NA by default, quotes not timed)")

    # Values: every newslib sentence against NLTK on that exact text, untimed.
    analyzer = vader_analyzer()
    mismatches = 0
    for row in frame.itertuples(index=False):
        expected = analyzer.polarity_scores(row.text)
        mismatches += any(getattr(row, k) != expected[k] for k in SCORES)
    # ... and every sentence both splits produced, against the naive loop's own numbers.
    by_text = {
        text: tuple(values)
        for text, *values in frame[["text", *SCORES]].itertuples(index=False, name=None)
    }
    shared = shared_mismatches = 0
    for sentence, scores in naive_rows:
        if sentence in by_text:
            shared += 1
            shared_mismatches += by_text[sentence] != tuple(scores[k] for k in SCORES)
    print(
        f"values: {len(frame) - mismatches}/{len(frame)} newslib sentences identical to "
        f"polarity_scores; {shared}/{len(naive_rows)} naive sentences also newslib sentences, "
        f"{shared - shared_mismatches} of them with identical scores"
    )
    return 1 if mismatches or shared_mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())
