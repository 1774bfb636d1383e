"""Benchmark corpora: the shared PolNeAR texts when present, else a synthetic corpus.

The PolNeAR articles are third-party text: they are read from ``../shared`` at run time and
never copied into the project.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pandas as pd

from newslib.text import count_words, normalize_text

POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "polnear-train"

_WORDS = (
    "the minister said officials government report week people city council budget vote "
    "election campaign economy growth crisis police court decision public support plan new "
    "national security agreement health school workers prices energy market analysts warned "
    "according spokesman statement reporters percent million year president senator"
).split()


def _synthetic(n: int, seed: int = 7) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        paragraphs = []
        for _ in range(rng.randint(4, 12)):
            sentences = []
            for _ in range(rng.randint(1, 4)):
                words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 28))]
                sentence = " ".join(words).capitalize() + "."
                if rng.random() < 0.2:
                    sentence = f'"{sentence}" the spokesman said.'
                sentences.append(sentence)
            paragraphs.append(" ".join(sentences))
        rows.append(
            {
                "title": f"Synthetic article {i}",
                "date": pd.Timestamp("2020-01-01") + pd.Timedelta(days=i % 365),
                "text": "\n\n".join(paragraphs),
            }
        )
    return pd.DataFrame(rows)


def bench_corpus(limit: int | None = None) -> tuple[pd.DataFrame, str]:
    """Return ``(articles, description)``: PolNeAR train texts if available, else synthetic.

    Columns: article_id, title, date, text, n_words.
    """
    text_dir = POLNEAR / "text"
    if text_dir.is_dir():
        rows = []
        for path in sorted(text_dir.glob("*.txt")):
            raw = path.read_text(encoding="utf-8")
            title, _, body = raw.partition("\n")
            date = path.stem.split("_")[1]
            rows.append({"title": title.strip(), "date": pd.Timestamp(date), "text": body})
        frame = pd.DataFrame(rows)
        description = f"PolNeAR train ({len(frame)} real articles)"
    else:
        frame = _synthetic(1000)
        description = "synthetic (1000 articles; ../shared/corpora/polnear-train not found)"
    if limit is not None:
        frame = frame.head(limit)
    frame["text"] = frame["text"].map(normalize_text)
    frame["article_id"] = [
        hashlib.sha256(f"{t}\x00{x}".encode()).hexdigest()[:16]
        for t, x in zip(frame["title"], frame["text"], strict=True)
    ]
    frame["n_words"] = frame["text"].map(count_words)
    return frame[["article_id", "title", "date", "text", "n_words"]], description
