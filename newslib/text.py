"""Text utilities shared by every table: normalisation, paragraphs, sentences and words.

There is one definition of each unit, used everywhere, so counts agree across tables:

* **paragraph**: a maximal run of non-blank lines (the loader joins paragraphs with one blank line);
* **sentence**: newslib's offline Punkt splitter run inside each paragraph (a sentence never
  crosses a paragraph break; quoted speech is split too);
* **word**: a run of letters/digits, kept whole across inner apostrophes and hyphens
  (``don't``, ``Putin's``, ``well-known``) and across decimal points and thousands separators
  (``3.5``, ``2,000``).

All offsets are character offsets into the text, end exclusive.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "WORD_RE",
    "normalize_text",
    "normalize_line",
    "paragraph_spans",
    "sentence_spans",
    "word_spans",
    "count_words",
    "paragraphs",
    "sentences",
]

WORD_RE = re.compile(r"\w+(?:(?:['’\-]|(?<=\d)[.,](?=\d))\w+)*")
_SPACE_RUN = re.compile(r"\s+")
# First non-space to last non-space of a line, then more such lines with no blank line between.
_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?(?:[^\S\n]*\n[^\S\n]*\S(?:[^\n]*\S)?)*")


def normalize_line(line: str) -> str:
    """Return ``line`` in Unicode NFC with inner whitespace runs collapsed and ends stripped.

    Example:
        >>> normalize_line("  Two\\tspaces  here ")
        'Two spaces here'
    """
    return _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", line)).strip()


def normalize_text(raw: str) -> str:
    """Normalise an article body: NFC, whitespace inside lines collapsed, paragraphs joined
    by exactly one blank line. Lines inside a paragraph stay on their own lines; nothing else
    is altered. A body with no blank line at all but several lines is taken as one paragraph
    per line (the common shape of scraped text and table exports).

    Example:
        >>> normalize_text("First  para.\\n\\n\\n Second\\r\\npara.")
        'First para.\\n\\nSecond\\npara.'
        >>> normalize_text("One.\\nTwo.")
        'One.\\n\\nTwo.'
    """
    lines = [normalize_line(line) for line in raw.splitlines()]
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    if len(paragraphs) == 1 and len(paragraphs[0]) > 1:
        paragraphs = [[line] for line in paragraphs[0]]
    return "\n\n".join("\n".join(p) for p in paragraphs)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph of ``text``: runs of non-blank lines,
    without surrounding whitespace.

    Example:
        >>> paragraph_spans("One.\\n\\nTwo here.")
        [(0, 4), (6, 15)]
    """
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """Return ``(paragraph, start, end)`` for each sentence of ``text``, paragraphs counted
    from 0. Sentences are split inside each paragraph by newslib's offline Punkt model.

    Example:
        >>> sentence_spans("Mr. Smith came. He left.\\n\\nDr. Who?")
        [(0, 0, 15), (0, 16, 24), (1, 26, 34)]
    """
    from .resources import sentence_tokenizer

    tokenizer = sentence_tokenizer()
    spans = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for s_start, s_end in tokenizer.span_tokenize(text[p_start:p_end]):
            spans.append((index, p_start + s_start, p_start + s_end))
    return spans


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every word in ``text`` (see the module docstring).

    Example:
        >>> word_spans("Don't stop")
        [(0, 5), (6, 10)]
    """
    return [m.span() for m in WORD_RE.finditer(text)]


def count_words(text: str) -> int:
    """Count the words of ``text`` with newslib's one word definition.

    Example:
        >>> count_words("The U.S. economy grew 3.5% in 2,000 well-known places, didn't it?")
        12
    """
    return len(WORD_RE.findall(text))  # WORD_RE has no capturing group: one item per word


def paragraphs(df):
    """Return one row per paragraph of each article in ``df`` (any frame with ``article_id`` and
    ``text``): ``article_id``, ``paragraph`` (0-based), ``start``, ``end``, ``text``, ``n_words``.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"article_id": ["a"], "text": ["One.\\n\\nTwo words."]})
        >>> paragraphs(df)[["paragraph", "start", "end"]].values.tolist()
        [[0, 0, 4], [1, 6, 16]]
    """
    from ._frame import require_columns

    require_columns(df, ["article_id", "text"], caller="paragraphs")
    rows = []
    for identity, text in zip(df["article_id"], df["text"], strict=True):
        for index, (start, end) in enumerate(paragraph_spans(text)):
            piece = text[start:end]
            rows.append((identity, index, start, end, piece, count_words(piece)))
    return _segment_frame(rows, ["article_id", "paragraph", "start", "end", "text", "n_words"])


def sentences(df):
    """Return one row per sentence of each article in ``df`` (any frame with ``article_id`` and
    ``text``): ``article_id``, ``sentence`` (0-based in the article), ``paragraph``, ``start``,
    ``end``, ``text``, ``n_words``.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"article_id": ["a"], "text": ["Mr. Li came. He left."]})
        >>> sentences(df)["text"].tolist()
        ['Mr. Li came.', 'He left.']
    """
    from ._frame import require_columns

    require_columns(df, ["article_id", "text"], caller="sentences")
    rows = []
    for identity, text in zip(df["article_id"], df["text"], strict=True):
        for index, (paragraph, start, end) in enumerate(sentence_spans(text)):
            piece = text[start:end]
            rows.append((identity, index, paragraph, start, end, piece, count_words(piece)))
    return _segment_frame(
        rows, ["article_id", "sentence", "paragraph", "start", "end", "text", "n_words"]
    )


def _segment_frame(rows, names):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=names)
    dtypes = {name: "int64" for name in names}
    dtypes["article_id"] = "string"
    dtypes["text"] = "string"
    return frame.astype(dtypes)
