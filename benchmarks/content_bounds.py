"""Content bounds on PolNeAR dev: how the predicted contents that overlap a gold Content
fragment with other bounds differ from it (a tuning aid; dev articles only, never unseen ones).

Each gold Content fragment (reduced to its first and last word token, as the exact-span score
compares them) is exact, missed (no predicted content overlaps it), split (several predictions
overlap it) or a bounds mismatch with the one prediction overlapping it: its start early / late
/ ok and its end early / late / ok, marked when that prediction also overlaps another gold
fragment. The tallies of the words where starts and ends differ follow (the word tokens between
the two bounds, or the first of them when there are more than three; for ends, with the
punctuation before them)::

    python -m benchmarks.content_bounds            # class counts and boundary words
    python -m benchmarks.content_bounds --top 80   # more boundary words
"""

from __future__ import annotations

import argparse
from bisect import bisect_left, bisect_right
from collections import Counter

from benchmarks.quotes_polnear import (
    Article,
    dev_gold,
    newslib_predictions,
    reduce_span,
)


def token_range(article: Article, span: tuple[int, int]) -> tuple[int, int]:
    """(first, last) word index of a reduced span (first and last word offsets).

    >>> from benchmarks.quotes_polnear import word_tokens
    >>> a = Article("x", "Ann Lee said no.", [], None, *word_tokens("Ann Lee said no."))
    >>> token_range(a, (8, 15))
    (2, 3)
    """
    return bisect_left(article.starts, span[0]), bisect_right(article.ends, span[1]) - 1


def classify(gold: tuple[int, int], predicted: list[tuple[int, int]], golds) -> tuple:
    """The class of one gold fragment (word index ranges) against the predictions.

    >>> classify((2, 5), [(2, 5)], [(2, 5)])
    ('exact', 0, 0)
    >>> classify((2, 5), [(0, 5)], [(2, 5)])
    ('start early / end ok', -2, 0)
    >>> classify((2, 5), [(2, 9)], [(2, 5), (7, 9)])
    ('start ok / end late (prediction covers other gold)', 0, 4)
    >>> classify((2, 5), [], [(2, 5)])[0], classify((2, 5), [(0, 3), (4, 6)], [(2, 5)])[0]
    ('missed', 'split: several predictions on one gold')
    """
    if gold in predicted:
        return "exact", 0, 0
    over = [p for p in predicted if p[0] <= gold[1] and gold[0] <= p[1]]
    if not over:
        return "missed", 0, 0
    if len(over) > 1:
        return "split: several predictions on one gold", 0, 0
    p = over[0]
    ds, de = p[0] - gold[0], p[1] - gold[1]
    start = "start ok" if ds == 0 else ("start early" if ds < 0 else "start late")
    end = "end ok" if de == 0 else ("end late" if de > 0 else "end early")
    others = any(h != gold and p[0] <= h[1] and h[0] <= p[1] for h in golds)
    return f"{start} / {end}" + (" (prediction covers other gold)" if others else ""), ds, de


def _segment(article: Article, lo: int, hi: int) -> str:
    """'N: words' for the words lo..hi-1 (lower case), or only the first of them when there are
    more than three (N is '5+' from five words on)."""
    spans = zip(article.starts[lo:hi], article.ends[lo:hi], strict=True)
    words = [article.text[s:e].lower() for s, e in spans]
    n = hi - lo
    shown = " ".join(words) if n <= 3 else words[0] + " ..."
    return f"{n if n < 5 else '5+'}: {shown}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=40, help="boundary-word rows to print")
    args = parser.parse_args(argv)
    items = dev_gold()
    if items is None:
        return 0
    pred = newslib_predictions(items)
    classes: Counter = Counter()
    starts: Counter = Counter()
    ends: Counter = Counter()
    for a in items:
        golds = [
            token_range(a, r)
            for f in a.ann.fragments("Content")
            if (r := reduce_span(a.starts, a.ends, *f))
        ]
        predicted = sorted(
            {
                token_range(a, r)
                for c in pred.attributions[a.name].content
                if (r := reduce_span(a.starts, a.ends, *c))
            }
        )
        for g in golds:
            cls, ds, de = classify(g, predicted, golds)
            classes[cls] += 1
            if ds:
                lo, hi = sorted((g[0], g[0] + ds))
                where = "prediction starts earlier" if ds < 0 else "prediction starts later"
                starts[f"{where} by {_segment(a, lo, hi)}"] += 1
            if de:
                lo, hi = sorted((g[1], g[1] + de))
                gap = (
                    a.text[a.ends[lo] : a.starts[lo + 1]].strip() if lo + 1 < len(a.starts) else ""
                )
                where = "prediction ends later" if de > 0 else "prediction ends earlier"
                ends[f"{where} by [{gap}] {_segment(a, lo + 1, hi + 1)}"] += 1
    print(f"PolNeAR dev ({len(items)} articles): {sum(classes.values())} gold Content fragments")
    for cls, n in classes.most_common():
        print(f"{n:7d}  {cls}")
    for title, tally in (("starts", starts), ("ends", ends)):
        print(f"\nwhere {title} differ (one prediction on the fragment):")
        for key, n in tally.most_common(args.top):
            print(f"{n:7d}  {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
