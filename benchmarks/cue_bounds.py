"""Cue spans on PolNeAR dev: why a gold Cue fragment has no exactly matching predicted cue, and
why a predicted cue matches no gold one (a tuning aid; dev articles only, never unseen ones).

Spans are compared as the exact cue score compares them: reduced to their first and last word
token, gold and predicted cues deduplicated per article. An unmatched gold cue is

* ``a missed``: no predicted content overlaps the content of its attribution;
* ``b ...``: a predicted content overlaps it, and the cues of those rows are none, longer,
  shorter, overlapping or elsewhere (``b elsewhere``: no predicted cue of those rows touches
  the gold cue);
* ``gold cue without attribution``: no E link names it.

An unmatched predicted cue is ``b ...`` (its row's content overlaps a gold Content; the gold
cues of those attributions are compared as above, from the prediction's side) or ``c no gold
attribution`` (its content overlaps no gold Content). Within each class the tallies are by
the gold cue's words (lower case), and for longer/shorter cues by the words one has beyond the
other (``+`` before or after the shared part)::

    python -m benchmarks.cue_bounds             # class counts and the words behind them
    python -m benchmarks.cue_bounds --top 40    # more words per class

``--annotators`` adds, for a few phrases that may follow a speech verb ('said Tuesday', 'said in
a statement', 'declined to comment'), how often each annotator put the phrase inside the
cue and how often left it out (the annotator is the last part of the annotation file's name;
the rules cannot know it, so a convention that differs between annotators is no rule to chase).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from benchmarks.content_bounds import token_range
from benchmarks.quotes_polnear import (
    POLNEAR,
    Article,
    dev_gold,
    newslib_predictions,
    reduce_span,
    token_indices,
)


def compare(gold: tuple[int, int], ours: tuple[int, int]) -> str:
    """How a predicted cue (word index range) relates to a gold one.

    >>> compare((3, 3), (2, 3)), compare((2, 3), (3, 3)), compare((2, 3), (3, 4))
    ('longer', 'shorter', 'overlapping')
    >>> compare((2, 2), (5, 5)), compare((2, 2), (2, 2))
    ('elsewhere', 'exact')
    """
    if gold == ours:
        return "exact"
    if ours[1] < gold[0] or gold[1] < ours[0]:
        return "elsewhere"
    if ours[0] <= gold[0] and gold[1] <= ours[1]:
        return "longer"
    if gold[0] <= ours[0] and ours[1] <= gold[1]:
        return "shorter"
    return "overlapping"


_SKIP = frozenset(
    "has have had is was were are be been being did does do not n't also will would could can "
    "may might should to just has been then further now still".split()
)
_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "found": "find",
    "felt": "feel",
    "made": "make",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "shown": "show",
    "according": "according to",
    "put": "put",
    "read": "read",
    "led": "lead",
}


def lemma(text: str) -> str:
    """A rough lemma of a cue's main word: the first word that is no auxiliary, negation or
    'to', with common endings taken off (a tally key only, not a real lemmatiser).

    >>> lemma("has said"), lemma("did not comment on"), lemma("according to"), lemma("warned")
    ('say', 'comment', 'according to', 'warn')
    """
    words = text.split()
    word = next((w for w in words if w not in _SKIP), words[0] if words else "")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for end, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)] + repl
    return word


def _words(article: Article, lo: int, hi: int) -> str:
    """The word tokens lo..hi (inclusive), lower case."""
    spans = zip(article.starts[lo : hi + 1], article.ends[lo : hi + 1], strict=True)
    return " ".join(article.text[s:e].lower() for s, e in spans)


def difference(article: Article, short: tuple[int, int], long: tuple[int, int]) -> str:
    """The words ``long`` has beyond ``short`` (which it contains): 'has + ...' / '... + to'."""
    before = _words(article, long[0], short[0] - 1) if long[0] < short[0] else ""
    after = _words(article, short[1] + 1, long[1]) if short[1] < long[1] else ""
    return f"{before + ' ' if before else ''}+{' ' + after if after else ''}"


def _cue_links(a: Article) -> dict[tuple[int, int], set[int]]:
    """Gold cue fragment (word range) -> the word indices of the contents it is linked to."""
    links: dict[tuple[int, int], set[int]] = {}
    for frag in a.ann.fragments("Cue"):
        if r := reduce_span(a.starts, a.ends, *frag):
            links.setdefault(token_range(a, r), set())
    for roles in a.ann.links:
        ctoks = token_indices(a.starts, a.ends, a.ann.link_fragments(roles, "Content"))
        for frag in a.ann.link_fragments(roles, "Cue"):
            if r := reduce_span(a.starts, a.ends, *frag):
                links.setdefault(token_range(a, r), set()).update(ctoks)
    return links


def tally_article(
    a: Article, pred, classes: Counter, words: dict[str, Counter], diffs: Counter, lemmas: Counter
) -> None:
    """Add one article's unmatched gold and predicted cues to the tallies."""
    gold = _cue_links(a)
    rows = []  # (content word indices, cue word range | None)
    for content, _, cue in pred.rows:
        r = reduce_span(a.starts, a.ends, *cue) if cue else None
        rows.append((token_indices(a.starts, a.ends, [content]), token_range(a, r) if r else None))
    predicted = {c for _, c in rows if c}
    predicted_matched = predicted & set(gold)
    for g, ctoks in gold.items():
        if g in predicted:
            continue
        text = _words(a, *g)
        if not ctoks:
            cls = "gold: cue without attribution"
        else:
            cues = {c for toks, c in rows if toks & ctoks}
            if not any(toks & ctoks for toks, _ in rows):
                cls = "gold: a missed (no predicted content on it)"
            elif not cues - {None}:
                cls = "gold: b content found, no predicted cue"
            else:
                kinds = {c: compare(g, c) for c in cues - {None}}
                best = next(
                    (k for k in ("longer", "shorter", "overlapping") if k in kinds.values()),
                    "elsewhere",
                )
                cls = f"gold: b content found, our cue {best}"
                if best == "elsewhere" and cues & predicted_matched:
                    cls += " (ours matches another gold cue)"
                for c, k in kinds.items():
                    if k == best == "longer":
                        diffs[f"ours longer: {difference(a, g, c)}"] += 1
                    elif k == best == "shorter":
                        diffs[f"gold longer: {difference(a, c, g)}"] += 1
                    elif k == best:
                        text = f"{text}  [ours: {_words(a, *c)}]"
                    if k == best:
                        break
        classes[cls] += 1
        words.setdefault(cls, Counter())[text] += 1
        if cls.startswith(("gold: a", "gold: b")):
            lemmas[lemma(text.split("  [")[0])] += 1
    gold_toks = set().union(*gold.values()) if gold else set()
    all_gold_content = token_indices(a.starts, a.ends, a.ann.fragments("Content"))
    for c in sorted(predicted - set(gold)):
        toks = set().union(*(t for t, cc in rows if cc == c))
        text = _words(a, *c)
        if not toks & all_gold_content:
            cls = "pred: c no gold attribution"
        elif not toks & gold_toks:
            cls = "pred: b content found, gold attribution has no cue"
        else:
            golds = [g for g, ct in gold.items() if ct & toks]
            kinds = {g: compare(g, c) for g in golds}
            best = next(
                (k for k in ("longer", "shorter", "overlapping") if k in kinds.values()),
                "elsewhere",
            )
            cls = f"pred: b content found, our cue {best}"
            if best == "elsewhere":
                text = f"{text}  [gold: {' / '.join(_words(a, *g) for g in golds)}]"
        classes[cls] += 1
        words.setdefault(cls, Counter())[text] += 1


_SPEECH_END = re.compile(r"\b(?:said|says|say|told|tells|wrote|writes|declined|refused)$")
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_PHRASES = {  # what may follow a speech verb, as a regular expression over lower-case text
    "a day ('said Tuesday')": rf"(?:on )?(?:{_DAYS})",
    "'in a statement'": r"in (?:a|an|the|his|her|its|their) (?:\w+ )?statement",
    "'in an interview'": r"in (?:a|an|the) (?:\w+ )?interview",
    "'on Twitter'": r"on twitter",
    "'of' ('said of the plan')": r"of",
    "'about'": r"about",
    "'to' + a word ('declined to comment')": r"to \w+",
}


def annotator_conventions(items: list[Article]) -> dict[str, Counter]:
    """For each phrase of ``_PHRASES``: (annotator, 'in' | 'out') -> how many gold cues ending
    in a speech verb have the phrase right after them ('out') or end with it ('in').

    >>> sorted(annotator_conventions([]))[:1]
    ["'about'"]
    """
    names: dict[str, str] = {}
    for path in sorted((POLNEAR / "attributions").glob("*.ann")):
        stem, _, who = path.stem.rpartition("_")
        names.setdefault(stem, who)
    out: dict[str, Counter] = {name: Counter() for name in _PHRASES}
    for a in items:
        who = names.get(a.name, "?")
        for frag in a.ann.fragments("Cue"):
            if (r := reduce_span(a.starts, a.ends, *frag)) is None:
                continue
            cue, after = a.text[r[0] : r[1]].lower(), a.text[r[1] : r[1] + 60].lower()
            for name, phrase in _PHRASES.items():
                if _SPEECH_END.search(cue) and re.match(rf"[ ,]*{phrase}\b", after):
                    out[name][(who, "out")] += 1
                elif re.search(
                    rf"\b(?:said|says|say|told|tells|wrote|writes|declined|refused) "
                    rf"{phrase}$",
                    cue,
                ):
                    out[name][(who, "in")] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=20, help="word rows per class")
    parser.add_argument(
        "--annotators", action="store_true", help="cue conventions by annotator (dev articles)"
    )
    args = parser.parse_args(argv)
    items = dev_gold()
    if items is None:
        return 0
    pred = newslib_predictions(items)
    classes: Counter = Counter()
    words: dict[str, Counter] = {}
    diffs: Counter = Counter()
    lemmas: Counter = Counter()
    for a in items:
        tally_article(a, pred.attributions[a.name], classes, words, diffs, lemmas)
    n_gold = sum(n for k, n in classes.items() if k.startswith("gold"))
    n_pred = sum(n for k, n in classes.items() if k.startswith("pred"))
    print(
        f"PolNeAR dev ({len(items)} articles): {n_gold} gold cues unmatched, "
        f"{n_pred} predicted cues unmatched"
    )
    for cls, n in sorted(classes.items()):
        print(f"{n:7d}  {cls}")
    groups: Counter = Counter()
    for cls, n in classes.items():
        groups[cls.split(" (")[0].split(",")[0]] += n
    print("by class: " + ", ".join(f"{k} {n}" for k, n in sorted(groups.items())))
    for cls in sorted(words):
        print(f"\n{cls}:")
        for key, n in words[cls].most_common(args.top):
            print(f"{n:7d}  {key}")
    print("\nunmatched gold cues of classes a and b by the lemma of their main word:")
    for key, n in lemmas.most_common(args.top * 2):
        print(f"{n:7d}  {key}")
    print("\nwhere a predicted cue contains the gold one or lies inside it, the extra words:")
    for key, n in diffs.most_common(args.top * 2):
        print(f"{n:7d}  {key}")
    if args.annotators:
        print("\ngold cues ending in a speech verb: the phrase after it inside / outside the cue")
        for name, tally in annotator_conventions(items).items():
            who = sorted({w for w, _ in tally})
            cells = "  ".join(f"{w} {tally[(w, 'in')]}/{tally[(w, 'out')]}" for w in who)
            print(f"  {name}: {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
