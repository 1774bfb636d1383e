"""The cue-bounds tuning aid's classes, on a tiny text written here (no corpus text)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `pytest` run without `python -m`: make benchmarks importable
    sys.path.insert(0, str(ROOT))

from benchmarks import cue_bounds as cb  # noqa: E402
from benchmarks import quotes_polnear as bench  # noqa: E402

TEXT = (
    "Ann Lee said on Monday that the ferry would run. "
    "Tom Roe has said the fares are low. "
    "The Harbor Board backs the plan. "
    "Bo Park wrote the port is busy. "
    "The gulls flew."
)


def _span(piece: str) -> tuple[int, int]:
    a = TEXT.index(piece)
    return a, a + len(piece)


def _ann() -> bench.Annotation:
    """Four attributions: cues 'said', 'has said', 'backs', 'wrote'."""
    lines = []
    pieces = [
        ("Ann Lee", "said", "the ferry would run"),
        ("Tom Roe", "has said", "the fares are low"),
        ("The Harbor Board", "backs", "the plan"),
        ("Bo Park", "wrote", "the port is busy"),
    ]
    for i, (src, cue, content) in enumerate(pieces):
        t = 3 * i
        for k, (label, piece) in enumerate((("Source", src), ("Cue", cue), ("Content", content))):
            a, b = _span(piece)
            lines.append(f"T{t + k + 1}\t{label} {a} {b}\t{piece}")
        roles = f"Source:T{t + 1} Cue:T{t + 2} Content:T{t + 3}"
        lines.append(f"E{i + 1}\tAttribution:T{t + 2} {roles}")
    return bench.parse_ann("\n".join(lines))


def _article() -> bench.Article:
    return bench.Article("a", TEXT, [], _ann(), *bench.word_tokens(TEXT))


def test_compare_and_difference():
    a = _article()
    said = cb.token_range(a, _span("said on Monday"))
    assert cb.compare((said[0], said[0]), said) == "longer"
    assert cb.compare(said, (said[0], said[0])) == "shorter"
    assert cb.difference(a, (said[0], said[0]), said) == "+ on monday"
    has = cb.token_range(a, _span("has said"))
    assert cb.difference(a, (has[1], has[1]), has) == "has +"


def test_tally_article_classes():
    pred = bench.Predicted(
        rows=[
            (_span("the ferry would run"), None, _span("said on Monday")),  # ours longer
            (_span("the fares are low"), None, _span("said the")),  # overlapping
            # 'backs' attribution: no predicted content at all (missed)
            (_span("the port is busy"), None, _span("wrote")),  # exact
            (_span("The gulls flew"), None, _span("flew")),  # no gold attribution
        ]
    )
    classes: Counter = Counter()
    words: dict[str, Counter] = {}
    diffs: Counter = Counter()
    lemmas: Counter = Counter()
    cb.tally_article(_article(), pred, classes, words, diffs, lemmas)
    assert classes == Counter(
        {
            "gold: b content found, our cue longer": 1,
            "gold: b content found, our cue overlapping": 1,
            "gold: a missed (no predicted content on it)": 1,
            "pred: b content found, our cue longer": 1,
            "pred: b content found, our cue overlapping": 1,
            "pred: c no gold attribution": 1,
        }
    )
    assert diffs == Counter({"ours longer: + on monday": 1})
    assert words["gold: a missed (no predicted content on it)"] == Counter({"backs": 1})
    assert lemmas == Counter({"say": 2, "back": 1})  # 'said', 'has said', 'backs'


def test_lemma_skips_auxiliaries():
    assert cb.lemma("has not said") == "say"
    assert cb.lemma("were told") == "tell"
    assert cb.lemma("pointed out") == "point"
