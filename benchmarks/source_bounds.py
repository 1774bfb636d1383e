"""Source spans on PolNeAR dev: why a gold Source has no exact predicted match and why a
predicted source matches no gold Source (a tuning aid; dev articles only, never unseen ones).

Spans are reduced to their first and last word token, as the exact-span score compares them,
and deduplicated per article like the score. A gold Source no predicted source matches is:

* ``(a) missed``: no predicted row's content overlaps the content of an attribution it is the
  Source of; ``(a) no source``: such rows exist but none has a speaker span;
* ``(b) bounds``: one of those rows has a speaker span overlapping it with other bounds (start
  early / late / ok, end early / late / ok);
* ``(c) other mention``: their speaker spans lie elsewhere, split by the kind of the gold and
  the predicted mention (pronoun or not);
* ``(e) gold source of no attribution``.

A predicted source that matches no gold Source is ``(d) no gold attribution`` (no gold
Content overlaps the contents of its rows), ``(d) gold has no source`` (the overlapping gold
attributions have no Source), or the other side of a (b) or (c) case. The words where the
bounds differ follow (the word tokens between the two bounds, or the first of them when there
are more than three; for ends, with the punctuation before them)::

    python -m benchmarks.source_bounds            # class counts and boundary words
    python -m benchmarks.source_bounds --top 80   # more boundary words
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from benchmarks.content_bounds import _segment, token_range
from benchmarks.quotes_polnear import (
    Article,
    _excerpt,
    dev_gold,
    newslib_predictions,
    reduce_span,
)

PRONOUNS = frozenset(
    "he she they it we i you him her them us me who which that his its their our this these "
    "those one someone".split()
)


def _tokens(article: Article, span: tuple[int, int]) -> tuple[int, int] | None:
    """(first, last) word index of a raw span, or None when it covers no whole word."""
    r = reduce_span(article.starts, article.ends, *span)
    return token_range(article, r) if r else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def mention_kind(article: Article, span: tuple[int, int]) -> str:
    """'pronoun' for a one-word span in PRONOUNS, else 'name/noun'.

    >>> from benchmarks.quotes_polnear import word_tokens
    >>> a = Article("x", "He said Ann Lee left.", [], None, *word_tokens("He said Ann Lee left."))
    >>> mention_kind(a, (0, 0)), mention_kind(a, (2, 3))
    ('pronoun', 'name/noun')
    """
    if span[0] == span[1]:
        word = article.text[article.starts[span[0]] : article.ends[span[0]]].lower()
        if word in PRONOUNS:
            return "pronoun"
    return "name/noun"


def bounds_class(gold: tuple[int, int], pred: tuple[int, int]) -> str:
    """'start early / end ok' etc. for a prediction overlapping a gold span (word indices).

    >>> bounds_class((2, 5), (0, 5)), bounds_class((2, 5), (3, 7))
    ('start early / end ok', 'start late / end late')
    """
    ds, de = pred[0] - gold[0], pred[1] - gold[1]
    start = "start ok" if ds == 0 else ("start early" if ds < 0 else "start late")
    end = "end ok" if de == 0 else ("end late" if de > 0 else "end early")
    return f"{start} / {end}"


def _differences(article: Article, gold, pred, starts: Counter, ends: Counter) -> None:
    """Tally the words between the two starts and the two ends."""
    ds, de = pred[0] - gold[0], pred[1] - gold[1]
    if ds:
        lo, hi = sorted((gold[0], pred[0]))
        where = "ours starts earlier" if ds < 0 else "ours starts later"
        starts[f"{where} by {_segment(article, lo, hi)}"] += 1
    if de:
        lo, hi = sorted((gold[1], pred[1]))
        nxt = lo + 1 < len(article.starts)
        gap = article.text[article.ends[lo] : article.starts[lo + 1]].strip() if nxt else ""
        where = "ours ends later" if de > 0 else "ours ends earlier"
        ends[f"{where} by [{gap}] {_segment(article, lo + 1, hi + 1)}"] += 1


def classify_article(
    article: Article, rows, classes: Counter, starts: Counter, ends: Counter, shown=None
):
    """Add the classes of one article's unmatched gold and predicted sources to the tallies.

    ``rows``: the predicted (content, source | None, cue | None) spans of the article;
    ``shown``: a list to which (class, article name, excerpt) of every case is appended.
    """

    def note(cls: str, g=None, p=None, contents=()) -> None:
        classes[cls] += 1
        if shown is None:
            return
        marks = []
        for span, a, b in ((g, "⟦", "⟧"), (p, "⟨", "⟩")):
            if span is not None:
                marks += [(article.starts[span[0]], a), (article.ends[span[1]], b)]
        for c in contents[:1]:
            marks += [(article.starts[c[0]], "{"), (article.ends[c[1]], "}")]
        at = [m for m, _ in marks]
        excerpt = _excerpt(article.text, marks, min(at), max(at), 60)
        shown.append((cls, article.name, excerpt))

    ann = article.ann
    gold_links: dict[tuple[int, int], list] = {}  # gold source -> contents of its links
    links = []  # (content word ranges, source word ranges) of each gold link
    for roles in ann.links:
        contents = [t for f in ann.link_fragments(roles, "Content") if (t := _tokens(article, f))]
        sources = [t for f in ann.link_fragments(roles, "Source") if (t := _tokens(article, f))]
        links.append((contents, sources))
        for s in sources:
            gold_links.setdefault(s, []).extend(contents)
    gold = {t for f in ann.fragments("Source") if (t := _tokens(article, f))}
    prows = []
    for content, source, _ in rows:
        c = _tokens(article, content)
        if c is not None:
            prows.append((c, _tokens(article, source) if source else None))
    predicted = {s for _, s in prows if s is not None}

    for g in sorted(gold - predicted):
        contents = gold_links.get(g)
        if not contents:
            note("gold: (e) gold source of no attribution", g)
            continue
        near = [s for c, s in prows if any(_overlaps(c, gc) for gc in contents)]
        if not near:
            note("gold: (a) missed: no predicted content on its attribution", g, None, contents)
            continue
        sources = [s for s in near if s is not None]
        if not sources:
            note("gold: (a) no source: attribution found, no speaker span", g, None, contents)
            continue
        over = [s for s in sources if _overlaps(s, g)]
        if over:
            p = min(over, key=lambda s: abs(s[0] - g[0]) + abs(s[1] - g[1]))
            note(f"gold: (b) bounds: {bounds_class(g, p)}", g, p, contents)
            _differences(article, g, p, starts, ends)
            continue
        gk = mention_kind(article, g)
        pk = mention_kind(article, sources[0])
        note(f"gold: (c) other mention: gold {gk}, ours {pk}", g, sources[0], contents)

    for p in sorted(predicted - gold):
        contents = [c for c, s in prows if s == p]
        hit = [lk for lk in links if any(_overlaps(c, gc) for c in contents for gc in lk[0])]
        if not hit:
            note("ours: (d) no gold attribution on its contents", None, p, contents)
            continue
        gsources = [s for _, srcs in hit for s in srcs]
        if not gsources:
            note("ours: (d) gold has no source", None, p, contents)
        elif any(_overlaps(p, s) for s in gsources):
            note("ours: (b) bounds (other side of a gold (b))", None, p, contents)
        else:
            gk = mention_kind(article, gsources[0])
            pk = mention_kind(article, p)
            note(f"ours: (c) other mention: gold {gk}, ours {pk}", gsources[0], p, contents)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=40, help="boundary-word rows to print")
    parser.add_argument(
        "--show",
        nargs=2,
        metavar=("TEXT", "K"),
        help="print K sample cases of the classes containing TEXT (gold ⟦⟧, ours ⟨⟩, content {})",
    )
    args = parser.parse_args(argv)
    items = dev_gold()
    if items is None:
        return 0
    pred = newslib_predictions(items)
    classes: Counter = Counter()
    starts: Counter = Counter()
    ends: Counter = Counter()
    n_gold = n_pred = 0
    shown: list | None = [] if args.show else None
    for a in items:
        rows = pred.attributions[a.name].rows
        n_gold += len({t for f in a.ann.fragments("Source") if (t := _tokens(a, f))})
        n_pred += len({t for _, s, _ in rows if s and (t := _tokens(a, s))})
        classify_article(a, rows, classes, starts, ends, shown)
    print(f"PolNeAR dev ({len(items)} articles): {n_gold} gold sources, {n_pred} predicted")
    for side in ("gold", "ours"):
        for cls, n in sorted(classes.items(), key=lambda kv: (-kv[1], kv[0])):
            if cls.startswith(side):
                print(f"{n:7d}  {cls}")
    for title, tally in (("starts", starts), ("ends", ends)):
        print(f"\nwhere {title} differ (gold (b) cases):")
        for key, n in tally.most_common(args.top):
            print(f"{n:7d}  {key}")
    if shown is not None:
        # local debugging aid only: prints corpus text to the terminal, never to a file;
        # dev articles only, so that no rule is tuned on the unseen ones
        cases = [c for c in shown if args.show[0] in c[0]]
        random.Random(0).shuffle(cases)
        for cls, name, excerpt in cases[: int(args.show[1])]:
            print(f"\n[{cls}] {name}\n    {excerpt}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
