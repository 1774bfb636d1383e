"""Direct-quote false positives on PolNeAR dev: which predicted direct/partial quotations hold
quoted words that are no gold quoted words, by the rule that made them speech and by their
shape (a tuning aid; dev articles only, never unseen ones).

A predicted row is a false positive when one of its words is not a gold quoted word (as the
direct-quote score counts them, ``benchmarks.quotes_polnear.gold_words``). It is ``false
quotation`` when it touches no gold Content at all, ``beyond content`` otherwise. The rule is
the ``return`` line (and the line before it, its condition) of
``newslib.quotes.attribution._classify`` that gave the row its kind (found by tracing that one
function while ``quotes()`` runs); shapes are those of :func:`shapes`::

    python -m benchmarks.direct_fp             # the class tables
    python -m benchmarks.direct_fp --show 20   # and 20 false quotations (terminal only)
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections import Counter

import pandas as pd

from benchmarks.quotes_polnear import dev_gold, gold_words
from newslib.quotes import quotes
from newslib.text import WORD_RE

_LEADS = ("called", "dubbed", "so-called", "titled", "known as", "named", "labeled", "termed")
_CREDIT_RE = re.compile(r"\b(?:photo|image|credit|getty|reuters)\b", re.I)
_TITLE_SMALL = frozenset("of the a an and in on at to for or with from by".split())


def shapes(text: str, start: int, end: int) -> list[str]:
    """The shape classes of the quotation text[start:end] (its words, without the marks).

    >>> t = 'Photo: Harbor Board\\n\\nThe so-called "Red Line" was crossed.'
    >>> shapes(t, t.index("Red"), t.index('" was'))
    ['2-3 words', 'title case', 'after so-called', 'after a credit line', 'lower-case word after']
    """
    words = WORD_RE.findall(text, start, end)
    n = len(words)
    out = ["1 word" if n == 1 else "2-3 words" if n <= 3 else "4-6 words" if n <= 6 else "7+"]
    if words and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words):
        out.append("title case")
    lo = text.rfind("\n", 0, start) + 1
    before = text[lo:start].rstrip(" \"“”‘’'\u00a0").lower()
    out += [f"after {w}" for w in _LEADS if before.endswith(w)]
    if not before:
        out.append("opens the paragraph")
    elif before.endswith(":"):
        out.append("after a colon")
    if "\n" not in text[:start]:
        out.append("in the first line")
    if _CREDIT_RE.search(text, max(0, lo - 200), lo):
        out.append("after a credit line")
    after = text[end : end + 4].lstrip("”\"’'")
    if after[:1] == " " and after[1:2].islower():
        out.append("lower-case word after")
    return out


def traced_rules() -> dict:
    """Patch ``_classify`` as ``newslib.quotes.article`` calls it so that each call records
    the ``return`` it took and the line before: {(hash of text, quotation start): line}."""
    article = importlib.import_module("newslib.quotes.article")
    classify = article._classify
    code = classify.__code__
    lines = classify.__globals__["__loader__"].get_source(classify.__module__).splitlines()
    found: dict = {}

    def traced(text, q, *args):
        box = {}

        def local(frame, event, arg):
            if event == "return":
                i = frame.f_lineno - 1  # the return and the line before it (its condition)
                box["line"] = f"{lines[i - 1].strip()} {lines[i].strip()}"
            return local

        sys.settrace(lambda frame, event, arg: local if frame.f_code is code else None)
        try:
            kind = classify(text, q, *args)
        finally:
            sys.settrace(None)
        found[(hash(text), q.start)] = box.get("line", "?")
        return kind

    article._classify = traced
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print K false quotations (dev)")
    args = parser.parse_args(argv)
    items = dev_gold()
    if items is None:
        return 0
    rules = traced_rules()
    frame = pd.DataFrame({"article_id": [a.name for a in items], "text": [a.text for a in items]})
    q = quotes(frame)
    q = q[q["kind"].isin(["direct", "partial"])]
    by_rule: dict[str, Counter] = {}
    by_shape: dict[str, Counter] = {}
    shown = 0
    for a in items:
        gold = gold_words(a.text, a.contents)[0]
        contents = [f for frags, _, _ in a.contents for f in frags]
        for s, e in zip(
            q.loc[q["article_id"] == a.name, "start"],
            q.loc[q["article_id"] == a.name, "end"],
            strict=True,
        ):
            s, e = int(s), int(e)
            fp = sum(m.start() not in gold for m in WORD_RE.finditer(a.text, s, e))
            if not fp:
                continue
            cls = (
                "beyond content" if any(c < e and s < d for c, d in contents) else "false quotation"
            )
            rule = rules.get((hash(a.text), s), "(no _classify call)")
            for table, key in [(by_rule, rule)] + [(by_shape, k) for k in shapes(a.text, s, e)]:
                table.setdefault(cls, Counter())[key, "rows"] += 1
                table[cls][key, "words"] += fp
            if cls == "false quotation" and shown < args.show:
                # local debugging aid only: dev corpus text to the terminal, never to a file
                shown += 1
                print(f"{a.name} {rule!r}: ...{a.text[max(0, s - 60) : e + 30]!r}")
    for title, table in (("rule", by_rule), ("shape", by_shape)):
        for cls in sorted(table):
            keys = sorted({k for k, _ in table[cls]}, key=lambda k: -table[cls][k, "words"])
            print(f"\n{cls}, by {title}:        rows  words")
            for k in keys:
                print(f"  {k[:90]:90} {table[cls][k, 'rows']:5d} {table[cls][k, 'words']:6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
