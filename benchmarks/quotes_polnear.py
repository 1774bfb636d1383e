"""Score newslib.quotes against the PolNeAR attribution annotations.

Run from the repository root::

    .venv/bin/python -m benchmarks.quotes_polnear [--limit N] [--errors K]

or as a script. Skips (exit status 0) when ``../shared/corpora/polnear-train`` is absent.

Gold standard (one annotation file per article: the first by name):

* a gold quoted word is a ``newslib.text.WORD_RE`` word that lies inside quotation marks and
  inside an annotated Content span. Quotation marks are paired for the gold by a deliberately
  simple rule that does not share code with newslib: within each paragraph double marks
  (" “ ” « » „) alternate open/close whatever their shape, and a mark left open runs to the
  end of its paragraph;
* speaker accuracy is measured on *found* quotations (predicted direct/partial quotations that
  contain at least one gold quoted word whose Content has a Source): a prediction is correct
  when its speaker mention overlaps the gold Source span, or its resolved name shares a word
  (not a function word or title) with the Source text;
* share MAE: mean over articles of |predicted quote_share - gold quoted words / all words|.

The articles are run through newslib as their raw file content (title line included), so the
annotation offsets apply unchanged. The naive baseline pairs quotation marks with a regex and
takes the nearest capitalised name after the next cue verb.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from bisect import bisect_right
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from newslib.quotes import quote_share, quoted_spans, quotes  # noqa: E402
from newslib.text import WORD_RE  # noqa: E402

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "polnear-train"

_DOUBLE = re.compile(r"''|[\"“”«»„]")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_FUNCTION = frozenset(
    "the a an of and or for to in on at by with from as his her their its he she they it we i "
    "you mr mrs ms dr sen rep gov president said says told who that this".split()
)


# ------------------------------------------------------------------------------------------
# corpus and gold


def _parse_ann(path: Path):
    spans, links = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            frags = []
            for frag in offsets.split(";"):
                a, b = frag.split()
                frags.append((int(a), int(b)))
            spans[parts[0]] = (label, frags, parts[2] if len(parts) > 2 else "")
        elif parts[0].startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            links.append(roles)
    contents = []  # (fragments, [source fragments], source text)
    for roles in links:
        for cid in roles.get("Content", []):
            if cid not in spans:
                continue
            sources = [spans[s] for s in roles.get("Source", []) if s in spans]
            src_frags = [f for _, frags, _ in sources for f in frags]
            src_text = " ".join(t for _, _, t in sources)
            contents.append((spans[cid][1], src_frags, src_text))
    return contents


def _gold_regions(text: str) -> list[tuple[int, int]]:
    regions = []
    for p in _PARAGRAPH.finditer(text):
        open_at = None
        for m in _DOUBLE.finditer(text, p.start(), p.end()):
            if open_at is None:
                open_at = m.start()
            else:
                regions.append((open_at + 1, m.start()))
                open_at = None
        if open_at is not None:
            regions.append((open_at + 1, p.end()))
    return regions


def _inside(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    i = bisect_right(starts, s) - 1
    return i >= 0 and e <= spans[i][1]


def load_gold(limit: int | None = None):
    """Return a list of (name, raw text, contents) for the annotated train articles."""
    text_dir, ann_dir = POLNEAR / "text", POLNEAR / "attributions"
    anns: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        anns.setdefault(path.stem.rsplit("_", 1)[0], path)
    items = []
    for path in sorted(text_dir.glob("*.txt")):
        if path.stem not in anns:
            continue
        items.append((path.stem, path.read_text(encoding="utf-8"), _parse_ann(anns[path.stem])))
        if limit is not None and len(items) >= limit:
            break
    return items


def gold_words(text: str, contents) -> tuple[set[int], dict[int, int]]:
    """Gold quoted words (by start offset) and, for each, the index of its Content."""
    regions = sorted(_gold_regions(text))
    rstarts = [s for s, _ in regions]
    words: set[int] = set()
    owner: dict[int, int] = {}
    for ci, (frags, _, _) in enumerate(contents):
        for a, b in frags:
            for m in WORD_RE.finditer(text, a, b):
                if _inside(regions, rstarts, m.start(), m.end()):
                    words.add(m.start())
                    owner.setdefault(m.start(), ci)
    return words, owner


# ------------------------------------------------------------------------------------------
# naive baseline

_NAIVE_QUOTE = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")
_NAIVE_CUE = re.compile(r"\b(?:said|says|told|added|wrote|according to)\b")
_NAIVE_NAME = re.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*")


def naive_quotes(name: str, text: str) -> list[dict]:
    rows = []
    for m in _NAIVE_QUOTE.finditer(text):
        row = {"start": m.start(1), "end": m.end(1), "speaker": None, "ss": None, "se": None}
        cue = _NAIVE_CUE.search(text, m.end())
        if cue:
            who = _NAIVE_NAME.search(text, cue.end())
            if who:
                row.update(speaker=who.group(0), ss=who.start(), se=who.end())
        rows.append(row)
    return rows


# ------------------------------------------------------------------------------------------
# scoring


def _name_words(s: str | None) -> set[str]:
    if not s:
        return set()
    return {w.lower() for w in WORD_RE.findall(s) if w.lower() not in _FUNCTION}


def score(items, predict) -> dict:
    """predict(name, text) -> (list of quote dicts with start/end/speaker/ss/se, share)."""
    tp = fp = fn = 0
    found = correct = 0
    abs_err = 0.0
    errors = []
    for name, text, contents in items:
        gold, owner = gold_words(text, contents)
        qs, share = predict(name, text)
        spans = sorted((q["start"], q["end"]) for q in qs)
        starts = [s for s, _ in spans]
        predicted = {m.start() for m in WORD_RE.finditer(text) if _inside(spans, starts, *m.span())}
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        total = sum(1 for _ in WORD_RE.finditer(text))
        abs_err += abs(share - (len(gold) / total if total else 0.0))
        for q in qs:
            votes: dict[int, int] = {}
            for m in WORD_RE.finditer(text, q["start"], q["end"]):
                if m.start() in owner:
                    votes[owner[m.start()]] = votes.get(owner[m.start()], 0) + 1
            if not votes:
                continue
            ci = max(votes, key=lambda c: (votes[c], -c))
            _, src_frags, src_text = contents[ci]
            if not src_frags:
                continue
            found += 1
            ok = False
            if q["ss"] is not None:
                ok = any(q["ss"] < b and a < q["se"] for a, b in src_frags)
            if not ok:
                ok = bool(_name_words(q["speaker"]) & _name_words(src_text))
            correct += ok
            if not ok:
                errors.append((name, text, q, src_frags, src_text))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "speaker_acc": correct / found if found else 0.0,
        "found": found,
        "share_mae": abs_err / len(items) if items else 0.0,
        "errors": errors,
    }


def _newslib_predict(name: str, text: str):
    frame = pd.DataFrame({"article_id": [name], "text": [text]})
    q = quotes(frame)
    q = q[q["kind"].isin(["direct", "partial"])]
    rows = [
        {
            "start": int(r.start),
            "end": int(r.end),
            "speaker": None if pd.isna(r.speaker) else r.speaker,
            "ss": None if pd.isna(r.speaker_start) else int(r.speaker_start),
            "se": None if pd.isna(r.speaker_end) else int(r.speaker_end),
        }
        for r in q.itertuples()
    ]
    assert quoted_spans(q).keys() <= {name}
    share = float(quote_share(frame)["quote_share"].iloc[0])
    return rows, share


def _naive_predict(name: str, text: str):
    rows = naive_quotes(name, text)
    spans = sorted((r["start"], r["end"]) for r in rows)
    starts = [s for s, _ in spans]
    words = list(WORD_RE.finditer(text))
    quoted = sum(1 for m in words if _inside(spans, starts, *m.span()))
    return rows, (quoted / len(words) if words else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print K speaker errors")
    args = parser.parse_args(argv)
    if not (POLNEAR / "attributions").is_dir():
        print(f"skipped: {POLNEAR} not found (the shared PolNeAR corpus is not present)")
        return 0
    items = load_gold(args.limit)
    t0 = time.perf_counter()
    ours = score(items, _newslib_predict)
    naive = score(items, _naive_predict)
    frame = pd.DataFrame({"article_id": [n for n, _, _ in items], "text": [t for _, t, _ in items]})
    t0 = time.perf_counter()
    quotes(frame)
    elapsed = time.perf_counter() - t0
    print(f"PolNeAR train: {len(items)} articles (one annotation file each)\n")
    print(
        f"{'':10} {'precision':>9} {'recall':>7} {'F1':>6} {'speaker acc':>11} {'found':>6} "
        f"{'share MAE':>9}"
    )
    for label, s in (("newslib", ours), ("naive", naive)):
        print(
            f"{label:10} {s['precision']:9.3f} {s['recall']:7.3f} {s['f1']:6.3f} "
            f"{s['speaker_acc']:11.3f} {s['found']:6d} {s['share_mae']:9.4f}"
        )
    print("\ngoals      F1 >= 0.97, speaker accuracy >= 0.90, share MAE <= 0.01")
    print(f"speed      quotes(): {len(items) / elapsed:,.0f} articles/s ({elapsed:.2f} s)")
    for name, text, q, src_frags, src_text in ours["errors"][: args.errors]:
        # local debugging aid only: prints corpus text to the terminal, never to a file
        a = src_frags[0][0]
        print(
            f"\n{name} quote@{q['start']} pred={q['speaker']!r} "
            f"mention={text[q['ss'] : q['se']] if q['ss'] is not None else None!r} "
            f"gold={src_text!r}@{a}"
        )
        print("   ", text[max(0, q["start"] - 150) : q["start"] + 60].replace("\n", " | "))
        print("   ...", text[q["end"] - 40 : q["end"] + 100].replace("\n", " | "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
