"""Distinct copies of a corpus, for benchmarks whose caches must not be flattered by repeats.

A benchmark that needs more articles than the corpus has writes each text several times. Plain
copies repeat every sentence, so any memo keyed by text (a sentence-score cache, a worker kept
alive with its caches) would look like a speed-up that users never see on real, distinct
articles. ``Variants`` makes copy ``k`` of a text differ from every other copy in every
sentence it can: about a third of the longer words (five letters or more) are swapped for other
words of the corpus with the same length and the same case (lower, Capitalised or CAPITALS),
chosen by a fixed rule (CRC-32 of copy, position and word), and a sentence that drew no swap
gets its first eligible word swapped. Punctuation, quotation marks, spacing and paragraphs are
kept, and so are the words the quotation rules read (every word of newslib's cue lists:
speech verbs, pronouns, determiners, roles, sources), so the attribution work per article stays
that of real news text. Copy 0 is the text itself.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from importlib import resources

_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*\s+")
_MIN_LENGTH = 5


def _case(word: str) -> str | None:
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    if word[0].isupper() and word[1:].islower():
        return "title"
    return None  # mixed case ("McCain", "iPhone"): kept as it is


def _protected_words() -> frozenset[str]:
    """Every word of newslib's quotation word lists (all sections), lower case."""
    raw = resources.files("newslib").joinpath("data/quote_cues.txt").read_text("utf-8")
    words: set[str] = set()
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not (line.startswith("[") and line.endswith("]")):
            words.update(w.lower() for w in _WORD.findall(line))
    return frozenset(words)


class Variants:
    """Distinct copies of the texts of one corpus.

    Example:
        >>> v = Variants(["Senators debated the budget. Mayors praised their parks, "
        ...               "markets and bridge repairs."])
        >>> v.text("Senators debated the budget.", 0)
        'Senators debated the budget.'
        >>> v.text("Senators debated the budget.", 1)
        'Senators markets the budget.'
        >>> v.text("Mayors warned.", 2)  # "warned" is a cue word: kept; "Mayors" has no twin
        'Mayors warned.'
    """

    def __init__(self, corpus: Iterable[str]) -> None:
        self.protected = _protected_words()
        pools: dict[tuple[int, str], set[str]] = {}
        for text in corpus:
            for word in _WORD.findall(text):
                case = _case(word)
                if len(word) >= _MIN_LENGTH and case and word.lower() not in self.protected:
                    pools.setdefault((len(word), case), set()).add(word)
        self.pools = {key: sorted(words) for key, words in pools.items()}

    def _eligible(self, word: str) -> bool:
        case = _case(word)
        pool = self.pools.get((len(word), case)) if case else None
        return pool is not None and len(pool) > 1 and word.lower() not in self.protected

    def _swap(self, word: str, copy: int, position: int) -> str:
        pool = self.pools[(len(word), _case(word))]
        pick = zlib.crc32(f"{copy}\x00{position}\x00{word}\x00pick".encode())
        other = pool[pick % len(pool)]
        return other if other != word else pool[(pick + 1) % len(pool)]

    def text(self, text: str, copy: int) -> str:
        """Copy number ``copy`` of ``text`` (``0`` is the text unchanged)."""
        if copy == 0:
            return text
        pieces: list[str] = []
        done = 0
        for sentence in self._sentences(text):
            start, end = sentence
            words = [m for m in _WORD.finditer(text, start, end) if len(m.group()) >= _MIN_LENGTH]
            words = [m for m in words if self._eligible(m.group())]
            chosen = [
                m
                for m in words
                if zlib.crc32(f"{copy}\x00{m.start()}\x00{m.group()}".encode()) % 3 == 0
            ]
            if not chosen and words:
                chosen = [words[0]]
            for m in chosen:
                pieces.append(text[done : m.start()])
                pieces.append(self._swap(m.group(), copy, m.start()))
                done = m.end()
        pieces.append(text[done:])
        return "".join(pieces)

    @staticmethod
    def _sentences(text: str) -> list[tuple[int, int]]:
        spans, start = [], 0
        for end in _SENTENCE_END.finditer(text):
            spans.append((start, end.end()))
            start = end.end()
        if start < len(text):
            spans.append((start, len(text)))
        return spans


def repeated_sentence_share(originals: Iterable[str], copies: Iterable[str]) -> float:
    """The share of the copies' sentences (split at . ! ? and the spaces after) that also occur
    in an original text: 0.0 means no sentence of a copy repeats one the corpus already had.

    Example:
        >>> repeated_sentence_share(["He left. She stayed."], ["He left. She went home."])
        0.5
    """
    seen = {text[a:b].strip() for text in originals for a, b in Variants._sentences(text)}
    total = repeated = 0
    for text in copies:
        for a, b in Variants._sentences(text):
            total += 1
            repeated += text[a:b].strip() in seen
    return repeated / total if total else 0.0
