"""Generated wire copy: stories and their syndicated variants, with the truth of which is which.

Nothing here is real text: words are made up from syllables (a fixed vocabulary with a Zipf-like
frequency, so common "words" recur across stories as common words do), so the fixture costs no
corpus and no licence. Used by ``benchmarks/bench_duplicates.py`` and ``tests/test_duplicates.py``.

A corpus (:func:`wire_corpus`) holds:

* **stories**: 4 to 9 paragraphs of 25 to 70 words, a dateline (``CITY (AGENCY) —``) before the
  first, and for most of them the agency's boilerplate paragraph at the end (a copyright line
  shared by every story of that agency);
* **briefs**: short stories (one or two paragraphs) with the same boilerplate, so unrelated
  articles share a large part of their words;
* **follow-ups**: a new story that reuses one or two background paragraphs of an earlier one
  (a different story, not a copy);
* **templated** items (market reports, weather, results): one agency template of about 60
  words with five slots filled differently each time, plus the boilerplate: different stories
  whose texts share most of their words;
* **variants** of some stories (1 to ``max_variants`` each), each with another headline and,
  independently, these edits (chance): another dateline (50%), 1 to 5 words replaced (50%), a
  paragraph cut (30%), a paragraph added (20%), the boilerplate dropped (30%); ``edits`` names
  them. Variants are dated from 12 hours before to 3 days after the story.

``story`` is the truth: variants share their story's number, every other article has its own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

_SYLLABLES = (
    "ka ri to mu ne sa lo vi da pe gu ho zan ter mil bor qua fen lis dro cha tum wex "
    "nor plo gri sen vak ul om ar en is ba ce di fo ga"
).split()
_CITIES = [
    "RIVERTON",
    "PORT HALEY",
    "NEW ARDEN",
    "EASTBROOK",
    "SALT MESA",
    "KING'S FORD",
    "LAKEVIEW",
    "MARLOW",
]
_AGENCIES = ["AP", "Reuters", "AFP", "UPI"]
# Each variant gets a new headline, and each of these edits with its chance.
_EDITS = {"dateline": 0.5, "words": 0.5, "cut": 0.3, "added": 0.2, "no boilerplate": 0.3}


def _vocabulary(rng: np.random.Generator, size: int = 6000) -> np.ndarray:
    words = set()
    while len(words) < size:
        n = int(rng.integers(1, 4))
        words.add("".join(rng.choice(_SYLLABLES, n)))
    return np.array(sorted(words))


class _Writer:
    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)
        self.vocab = _vocabulary(self.rng)
        ranks = np.arange(1, len(self.vocab) + 1)
        weights = 1.0 / ranks**1.05
        self.p = weights / weights.sum()
        self.boilerplate = {
            agency: f"Copyright 2024 The {agency} news service. All rights reserved. This "
            "material may not be published, broadcast, rewritten or redistributed without "
            "permission. Sign up for the morning newsletter to get the day's top stories."
            for agency in _AGENCIES
        }
        self.templates: dict[str, tuple[list[str], list[int]]] = {}

    def words(self, n: int) -> list[str]:
        return list(self.rng.choice(self.vocab, n, p=self.p))

    def paragraph(self) -> str:
        words = self.words(int(self.rng.integers(25, 71)))
        sentences, i = [], 0
        while i < len(words):
            n = int(self.rng.integers(8, 19))
            chunk = words[i : i + n]
            sentences.append(" ".join(chunk).capitalize() + ".")
            i += n
        return " ".join(sentences)

    def templated(self, agency: str) -> str:
        """The agency's template (the same words for every item) with five slots filled."""
        if agency not in self.templates:
            fixed = np.random.default_rng(len(self.templates) + 101)
            words = list(fixed.choice(self.vocab, 60, p=self.p))
            self.templates[agency] = (words, sorted(fixed.choice(60, 5, replace=False)))
        words, slots = self.templates[agency]
        words = list(words)
        for slot in slots:
            words[slot] = str(self.rng.integers(10, 10_000))
        return " ".join(words).capitalize() + "."

    def headline(self) -> str:
        return " ".join(self.words(int(self.rng.integers(5, 10)))).capitalize()

    def dateline(self, agency: str) -> str:
        return f"{self.rng.choice(_CITIES)} ({agency}) —"


def _text(dateline: str, paragraphs: list[str], boilerplate: str | None) -> str:
    first = f"{dateline} {paragraphs[0]}" if paragraphs else dateline
    body = [first, *paragraphs[1:]]
    if boilerplate:
        body.append(boilerplate)
    return "\n\n".join(body)


def wire_corpus(
    n_stories: int,
    *,
    seed: int = 0,
    variant_share: float = 0.4,
    max_variants: int = 4,
    brief_share: float = 0.15,
    follow_up_share: float = 0.1,
    template_share: float = 0.05,
) -> pd.DataFrame:
    """``n_stories`` stories (briefs and follow-ups among them) and their variants: columns
    ``article_id``, ``title``, ``date``, ``text``, ``story`` (the truth), ``edits`` and ``kind``
    (``story``, ``brief``, ``templated``, ``follow-up`` or ``variant``), in a shuffled order.

    Example:
        >>> df = wire_corpus(50, seed=1)
        >>> bool(df["article_id"].is_unique), bool(df["story"].max() == 49)
        (True, True)
    """
    w = _Writer(seed)
    rng = w.rng
    start = pd.Timestamp("2024-01-01")
    rows = []
    stories: list[tuple[list[str], str, pd.Timestamp]] = []
    for story in range(n_stories):
        agency = str(rng.choice(_AGENCIES))
        draw = rng.random()
        if draw < brief_share:
            kind, paragraphs = "brief", [w.paragraph() for _ in range(int(rng.integers(1, 3)))]
        elif draw < brief_share + template_share:
            kind, paragraphs = "templated", [w.templated(agency)]
        elif draw < brief_share + template_share + follow_up_share and stories:
            kind = "follow-up"
            earlier = stories[int(rng.integers(len(stories)))][0]
            reused = list(rng.choice(earlier, min(len(earlier), int(rng.integers(1, 3)))))
            paragraphs = [w.paragraph() for _ in range(int(rng.integers(3, 7)))] + reused
        else:
            kind, paragraphs = "story", [w.paragraph() for _ in range(int(rng.integers(4, 10)))]
        short = kind in ("brief", "templated")
        boilerplate = w.boilerplate[agency] if short or rng.random() < 0.7 else None
        date = start + pd.Timedelta(minutes=int(rng.integers(0, 365 * 24 * 60)))
        dateline = w.dateline(agency)
        text = _text(dateline, paragraphs, boilerplate)
        rows.append((story, kind, "", w.headline(), date, text))
        stories.append((paragraphs, agency, date))
        if short or rng.random() >= variant_share:
            continue
        for _ in range(int(rng.integers(1, max_variants + 1))):
            edits = [edit for edit, chance in _EDITS.items() if rng.random() < chance]
            copy = list(paragraphs)
            copy_dateline, copy_boilerplate = dateline, boilerplate
            if "dateline" in edits:
                copy_dateline = w.dateline(str(rng.choice(_AGENCIES)))
            if "words" in edits:
                for _ in range(int(rng.integers(1, 6))):
                    p = int(rng.integers(len(copy)))
                    words = copy[p].split(" ")
                    words[int(rng.integers(len(words)))] = w.words(1)[0]
                    copy[p] = " ".join(words)
            if "cut" in edits and len(copy) > 2:
                del copy[int(rng.integers(1, len(copy)))]
            if "added" in edits:
                copy.insert(int(rng.integers(1, len(copy) + 1)), w.paragraph())
            if "no boilerplate" in edits and copy_boilerplate:
                copy_boilerplate = None
            else:
                edits = [e for e in edits if e != "no boilerplate"]
            shift = pd.Timedelta(minutes=int(rng.integers(-12 * 60, 3 * 24 * 60)))
            text = _text(copy_dateline, copy, copy_boilerplate)
            rows.append(
                (story, "variant", "+".join(["headline", *edits]), w.headline(), date + shift, text)
            )
    frame = pd.DataFrame(rows, columns=["story", "kind", "edits", "title", "date", "text"])
    import newslib.io

    frame.insert(
        0,
        "article_id",
        [newslib.io.article_id(t, x) for t, x in zip(frame["title"], frame["text"], strict=True)],
    )
    frame = frame.drop_duplicates("article_id")
    order = rng.permutation(len(frame))
    return frame.iloc[order].reset_index(drop=True)


def scores(frame: pd.DataFrame, flagged: pd.Series) -> dict[str, float]:
    """Precision and recall of ``flagged`` (``near_duplicate_of`` per row of ``frame``)
    against the truth (``story``), over pairs and over articles.

    Pairs: two articles are predicted together when they have the same original (an article
    with NA is its own original); truly together when they share a story. Articles: a flagged
    article is right when its original is of its story; the articles to flag are every article
    of a story but one.

    Example:
        >>> f = pd.DataFrame({"article_id": ["a", "b", "c"], "story": [0, 0, 1]})
        >>> scores(f, pd.Series([None, "a", "a"]))["pair_precision"]
        0.3333333333333333
    """
    ids = frame["article_id"].astype(str).to_numpy()
    original = pd.Series(flagged.to_numpy(), dtype=object).where(
        pd.Series(flagged.to_numpy(), dtype=object).notna(), pd.Series(ids)
    )
    story_of = dict(zip(ids, frame["story"], strict=True))
    predicted = _pairs(original.to_numpy())
    truth = _pairs(frame["story"].to_numpy())
    both = len(predicted & truth)
    flagged_mask = pd.Series(flagged.to_numpy(), dtype=object).notna().to_numpy()
    right = sum(
        story_of[o] == s
        for o, s in zip(
            original.to_numpy()[flagged_mask], frame["story"].to_numpy()[flagged_mask], strict=True
        )
    )
    to_flag = len(frame) - frame["story"].nunique()
    return {
        "pair_precision": both / len(predicted) if predicted else 1.0,
        "pair_recall": both / len(truth) if truth else 1.0,
        "article_precision": right / int(flagged_mask.sum()) if flagged_mask.any() else 1.0,
        "article_recall": right / to_flag if to_flag else 1.0,
        "flagged": int(flagged_mask.sum()),
        "to_flag": int(to_flag),
    }


def _pairs(labels: np.ndarray) -> set[tuple[int, int]]:
    groups: dict[object, list[int]] = {}
    for position, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(position)
    return {
        (a, b)
        for members in groups.values()
        for i, a in enumerate(members)
        for b in members[i + 1 :]
    }
