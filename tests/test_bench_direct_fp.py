"""The direct-quote false-positive tuning aid's shapes, on text written here (no corpus text)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `pytest` run without `python -m`: make benchmarks importable
    sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from benchmarks import direct_fp  # noqa: E402


def _shapes(text: str, quoted: str) -> list[str]:
    start = text.index(quoted)
    return direct_fp.shapes(text, start, start + len(quoted))


def test_shapes_of_a_title_opening_a_paragraph_after_a_credit():
    text = 'Photo: Harbor Board\n\n"Nights at the Harbor" is a new drama.'
    got = _shapes(text, "Nights at the Harbor")
    assert got[0] == "4-6 words"
    assert {"title case", "opens the paragraph", "after a credit line"} <= set(got)
    assert "lower-case word after" in got
    assert "in the first line" not in got


def test_shapes_of_speech_after_a_colon_and_a_one_word_term():
    text = 'Tom Roe said: "The pier is safe and it will stay open today."'
    got = _shapes(text, "The pier is safe and it will stay open today.")
    assert got[0] == "7+" and "after a colon" in got and "in the first line" in got
    text = 'Locals dubbed the bridge, and it stuck: the so-called "Spine" stands.'
    got = _shapes(text, "Spine")
    assert got[0] == "1 word" and "after so-called" in got and "title case" in got


def test_traced_rules_name_the_return_that_classed_each_quotation(monkeypatch):
    article = importlib.import_module("newslib.quotes.article")
    monkeypatch.setattr(article, "_classify", article._classify)  # undone after the test
    rules = direct_fp.traced_rules()
    text = '"We will not raise the fee this year," Ann Lee said. The "quiet zone" ends.'
    q = direct_fp.quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    starts = {int(s): k for s, k in zip(q["start"], q["kind"], strict=True)}
    lines = {s: rules[hash(text), s] for s in starts if (hash(text), s) in rules}
    assert len(lines) == 2
    assert all("return" in line for line in lines.values())
    direct_start = text.index("We will")
    assert starts[direct_start] == "direct" and '"direct"' in lines[direct_start]
