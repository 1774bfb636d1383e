"""Score newslib.people against the PolNeAR attribution annotations.

Run from the repository root (``make bench-quotes`` runs it after ``quotes_polnear``)::

    .venv/bin/python -m benchmarks.people_polnear [--split dev|unseen|all] [--scale N]

Skips (exit status 0) when ``../shared/corpora/polnear-train`` is absent. Figures are given for
the dev articles, the unseen ones (see ``benchmarks/_polnear_split.py``) and all of them.

* **Canonical speaker accuracy.** A gold attribution is *found* when a predicted speech row
  overlaps one of its Content fragments (the row overlapping most is its prediction). Its gold
  Source *names someone* when it is a name, or a description with a name in apposition
  ("Lee's lawyer, Al Roe"): the capitalised run ending its head (before a comma, a parenthesis,
  "of", "who" ...), after any title ("City Council president Marty Small" -> Marty Small);
  descriptions ("a spokesman for ...", "another New Hampshire Republican"), pronouns, headlines
  in capitals and several people are left out (the annotations do not resolve them), and their
  share is printed. The prediction is right when the row's ``person`` (``newslib.people``) has
  the gold name's surname and, when the gold name has a first name, that first name is one of
  the predicted name's words or the predicted first name one of the gold's (names compared as
  ``newslib.people`` compares them: Unicode-folded, without titles and middle initials; three-
  word names such as "Shelley Moore Capito" match either way). Split by the row's kind:
  direct (direct and partial rows) and indirect.
* **Found with a speaker**: the share of found attributions whose predicted row has a person.
* **Top 40 people** of the whole corpus by attributed words (``speaker_type == "person"``),
  checked against hand labels (``benchmarks/data/polnear_top_people.csv``: the real person each
  row is, its type, and its gender as the articles state it): people listed twice, non-people
  typed person, wrong genders (where newslib says one), and the share of ``unknown`` genders.
* **Speed and memory** of ``people()`` on the quotes of ``--scale`` articles (the corpus's
  quotes table repeated with new article ids; default 100,000).
"""

from __future__ import annotations

import argparse
import csv
import re
import resource
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from benchmarks._polnear_split import SPLITS, is_unseen  # noqa: E402
from benchmarks.quotes_polnear import POLNEAR, load_gold  # noqa: E402
from newslib.people import people, people_and_quotes  # noqa: E402
from newslib.people.names import _fold, _parse_name  # noqa: E402
from newslib.quotes import quotes  # noqa: E402

LABELS = Path(__file__).resolve().parent / "data" / "polnear_top_people.csv"
GOALS = {"direct": 0.93, "indirect": 0.85, "unknown_gender": 0.10}
TOP = 40

_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*|(?:de|van|von|del|da|la|le|al|bin)\Z")
_INITIAL = re.compile(r"[A-Z]\.")
_PARTICLES = frozenset("de van von del da la le al bin".split())
_NOT_A_NAME = frozenset(
    "he she they it we i you his her their the a an this that these those one some many "
    "another other several".split()
)


def _trailing_name(words: list[str]) -> str | None:
    """The run of capitalised words ending ``words`` after the last title in it ("City Council
    president Marty Small" -> "Marty Small", "Circuit Court Judge Ann Lee" -> "Ann Lee")."""
    from nameparser.config import CONSTANTS

    run: list[str] = []
    for word in reversed(words):
        bare = word.strip(",.;:()").lower()
        abbreviation = word.endswith(".") and len(bare) > 1 and len(bare) <= 4  # Sen., Gov.
        title = run and (bare in CONSTANTS.titles or abbreviation)  # "King" ends "Peter King"
        if not _CAPITALISED.match(word) or title:
            break
        run.insert(0, word)
    if not run or run[-1].endswith(("’s", "'s", "’", "'")):
        return None
    # a name is a first and a last name, with a middle initial or a particle between at most
    # ("McCain challenger Kelli Ward" -> "Kelli Ward", "Mark J. MacDougall" stays)
    keep = 2
    if len(run) > 2 and (_INITIAL.fullmatch(run[-2]) or run[-2] in _PARTICLES):
        keep = 3
    return " ".join(run[-keep:])


def gold_name(source_text: str):
    """The (first, last, words) of the person a gold Source names, or None for a pronoun, a
    description ("Mrs. Lee's aides", "Fed officials") or several people. The name is the
    capitalised run ending the Source's head (before a comma or a parenthesis), after any
    title; when the head is a description, a name in apposition ("Lee's lawyer, Al Roe")."""
    text = " ".join(source_text.split()).strip(" ,")
    if not text or text.split()[0].lower().strip(".,") in _NOT_A_NAME or " and " in text:
        return None
    if text.isupper() and " " in text:  # a headline, not a name
        return None
    parts = re.split(r",|\s\(|\s(?:of|from|who|at|with)\s", text, maxsplit=1)
    head, apposition = parts[0], parts[1] if len(parts) > 1 else ""
    name = _trailing_name(head.split())
    if name is None and apposition:
        name = _trailing_name(apposition.strip(" ,)").split(",")[0].split())
    if name is None:
        return None
    parsed = _parse_name(name)
    return None if parsed is None else (parsed.first, parsed.last, frozenset(_fold(name).split()))


def same_person(predicted: str | None, gold) -> bool:
    """Whether the predicted person's name names the gold Source's person: the same surname,
    and, when the gold name has a first name, that first name among the predicted name's words
    or the predicted first name among the gold's (three-word names: "Shelley Moore Capito")."""
    if predicted is None:
        return False
    name = _parse_name(predicted)
    if name is None or name.last != gold[1]:
        return False
    if not gold[0]:
        return True
    return gold[0] in _fold(predicted).split() or name.first in gold[2]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_article(article, rows: pd.DataFrame) -> dict:
    """Counts for one article: found / named / right, by kind, and found with a speaker."""
    counts = {k: 0 for k in ("found", "with_speaker", "gold_named", "described", "unmatched_gold")}
    for kind in ("direct", "indirect"):
        counts[f"{kind}_named"] = counts[f"{kind}_right"] = 0
    spans = list(zip(rows["start"], rows["end"], strict=True))
    for fragments, _, source_text in article.contents:
        if not source_text.strip():
            continue
        best, best_overlap = None, 0
        for i, span in enumerate(spans):
            overlap = sum(_overlap(span, f) for f in fragments)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None:
            counts["unmatched_gold"] += 1
            continue
        row = rows.iloc[best]
        counts["found"] += 1
        counts["with_speaker"] += int(not pd.isna(row["person"]))
        gold = gold_name(source_text)
        if gold is None:
            counts["described"] += 1
            continue
        counts["gold_named"] += 1
        kind = "direct" if row["kind"] in ("direct", "partial") else "indirect"
        counts[f"{kind}_named"] += 1
        right = same_person(None if pd.isna(row["person"]) else row["person"], gold)
        counts[f"{kind}_right"] += int(right)
    return counts


def summarize(records: list[dict]) -> dict:
    total = {k: sum(r[k] for r in records) for k in records[0]} if records else {}

    def ratio(a, b):
        return total[a] / total[b] if total.get(b) else float("nan")

    return {
        "found": total.get("found", 0),
        "with_speaker": ratio("with_speaker", "found"),
        "named_share": ratio("gold_named", "found"),
        "direct_named": total.get("direct_named", 0),
        "direct_acc": ratio("direct_right", "direct_named"),
        "indirect_named": total.get("indirect_named", 0),
        "indirect_acc": ratio("indirect_right", "indirect_named"),
    }


def check_top(table: pd.DataFrame) -> dict:
    """The top-40 checks against the hand labels."""
    labels = {}
    if LABELS.is_file():
        with open(LABELS, encoding="utf-8", newline="") as handle:
            labels = {row["person"]: row for row in csv.DictReader(handle)}
    top = table[table["speaker_type"] == "person"].head(TOP)
    unlabelled = [p for p in top["person"] if p not in labels]
    canonical = [labels[p]["canonical"] for p in top["person"] if p in labels]
    twice = sorted({c for c in canonical if canonical.count(c) > 1})
    not_people = [p for p in top["person"] if p in labels and labels[p]["type"] != "person"]
    wrong_gender = [
        (p, g, labels[p]["gender"])
        for p, g in zip(top["person"], top["gender"], strict=True)
        if p in labels and g != "unknown" and g != labels[p]["gender"]
    ]
    unknown = float((top["gender"] == "unknown").mean()) if len(top) else float("nan")
    return {
        "rows": len(top),
        "unlabelled": unlabelled,
        "listed_twice": twice,
        "not_people": not_people,
        "wrong_gender": wrong_gender,
        "unknown_gender_share": unknown,
    }


def scale_run(q: pd.DataFrame, n_articles: int, per_article: int):
    """Seconds of people() on the quotes of about ``n_articles`` articles, and the peak
    resident memory of this process (the quotes table included) after it."""
    copies = max(1, -(-n_articles // per_article))
    big = pd.concat(
        [q.assign(article_id=q["article_id"] + f"~{k}") for k in range(copies)], ignore_index=True
    )
    started = time.perf_counter()
    table = people(big)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return elapsed, peak, len(table), copies * per_article, len(big)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "unseen", "all"), default="all")
    parser.add_argument("--scale", type=int, default=100_000, help="articles for the speed run")
    args = parser.parse_args(argv)
    if not (POLNEAR / "attributions").is_dir():
        print(f"skipped: {POLNEAR} not found (the shared PolNeAR corpus is not present)")
        return 0
    items = load_gold(None, "all")
    frame = pd.DataFrame({"article_id": [a.name for a in items], "text": [a.text for a in items]})
    q = quotes(frame)
    table, rows = people_and_quotes(q)
    speech = rows[rows["kind"] != "scare"]
    by_article = {name: part for name, part in speech.groupby("article_id")}
    empty = speech.iloc[0:0]
    records = {a.name: score_article(a, by_article.get(a.name, empty)) for a in items}
    groups = {s: [a.name for a in items if (s == "unseen") == is_unseen(a.name)] for s in SPLITS}
    groups["all"] = [a.name for a in items]
    splits = ["dev", "unseen", "all"] if args.split == "all" else [args.split]

    print("people: canonical speaker accuracy (gold Sources that name someone)")
    header = (
        f"{'':22} {'found':>6} {'w/ speaker':>10} {'named':>6} | {'direct':>6} {'acc':>6} | "
        f"{'indirect':>8} {'acc':>6}"
    )
    print(header)
    for split in splits:
        s = summarize([records[n] for n in groups[split]])
        print(
            f"{split + f' ({len(groups[split])} articles)':22} {s['found']:>6} "
            f"{s['with_speaker']:>10.3f} {s['named_share']:>6.2f} | {s['direct_named']:>6} "
            f"{s['direct_acc']:>6.3f} | {s['indirect_named']:>8} {s['indirect_acc']:>6.3f}"
        )
    print(
        f"goals: direct >= {GOALS['direct']}, indirect >= {GOALS['indirect']} "
        "('named': the share of found attributions whose gold Source names someone)"
    )

    top = check_top(people(q, frame.assign(source="")))
    print(f"\ntop {TOP} people by attributed words (all articles), against the hand labels:")
    print(f"  unlabelled rows: {top['unlabelled'] or 'none'}")
    print(f"  listed twice: {top['listed_twice'] or 'none'}")
    print(f"  not people but typed person: {top['not_people'] or 'none'}")
    print(f"  wrong gender: {top['wrong_gender'] or 'none'}")
    print(
        f"  gender unknown: {top['unknown_gender_share']:.0%} of {top['rows']} "
        f"(goal <= {GOALS['unknown_gender']:.0%})"
    )

    per_article = len(items)
    elapsed, peak, n_people, n_articles, n_rows = scale_run(q, args.scale, per_article)
    print(
        f"\nspeed: people() on the quotes of {n_articles:,} articles ({n_rows:,} rows): "
        f"{elapsed:.1f} s, {n_articles / elapsed:,.0f} articles/s; peak memory of the process "
        f"{peak:,.0f} MiB (the quotes table included); {n_people:,} rows out"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
