"""Reported speech with "according to": "According to Smith, CONTENT.", "CONTENT, according
to Smith.", "CONTENT, according to Smith, CONTENT."

In "According to Ann Lee, a former mayor, the plan failed." the cue is "According to", the
source "Ann Lee" and the content "the plan failed" (past the phrase that describes the
source). The source is the name or noun phrase ``attribution._according_to`` reads, or else a
plain plural phrase as a description ("according to court records").
"""

from __future__ import annotations

import re

from .attribution import _TOKEN_RE, _according_to
from .clauses import _FINITE, _RELATIVES, _skip_space
from .cues import _lists, _Rules
from .found import _Found

_PLAIN_PHRASE_RE = re.compile(
    r"[^\S\n]+([a-z][a-z\-]*(?:[^\S\n]+[\w\-’']+(?:\.[\w\-’']+)*){0,7}?)"
    r"(?=[^\S\n]*[,;:()]|\.(?:\s|\Z)|\Z)"
)


_PLAIN_HEAD_ENDS = frozenset("of for to with at from in on by who that familiar close".split())


def _according_plain(text: str, c1: int, se: int, rules: _Rules):
    """The plain noun phrase after 'according to' ('experts', 'court records', 'people
    familiar with the plan'), to the punctuation that ends it, as a description mention: its
    head (the words before any preposition or relative pronoun) is plural; else None."""
    m = _PLAIN_PHRASE_RE.match(text, c1, se)
    if m is None:
        return None
    words = m.group(1).split()
    lists = _lists()
    head = []
    for w in words:
        if w in _PLAIN_HEAD_ENDS or w in lists["prepositions"]:
            break
        if not w.isalpha() or w in rules.cues or w in lists["adjuncts"]:
            return None
        head.append(w)
    plural = (
        head
        and (
            head[-1] == "people"
            or head[-1] in lists["evidence"]  # 'data from the census', 'polling by the union'
            or (head[-1][-1:] == "s" and head[-1][-2:] != "ss")
        )
    )
    if not plural or len(head) > 4:
        return None
    return m.start(1), m.end(1), "desc"


# words that open a clause right before an 'according to' aside: the clause after the aside
# is the content ('after, according to Lee, the board ...', 'because, according to ...')
_SUBORDINATORS = frozenset("after because since although though when while if until before".split())


# a bare noun closing the phrase after 'according to': 'according to plan, and ...'
_BARE_NOUN_RE = re.compile(r"[^\S\n]+([a-z]+)(?=[^\S\n]*(?:[,.;:!?)]|\Z)|[^\S\n]+(?:and|but|or)\b)")


def _according(text, cue, span, ss, se, rules) -> _Found | None:
    c0, c1 = span
    bare = _BARE_NOUN_RE.match(text, c1, se)
    if bare is not None and bare.group(1) in _lists()["not_according_sources"]:
        return None  # 'went according to plan': a plan, no source
    got = _according_to(text, c0, se, rules)
    mention = got[0] if got else _according_plain(text, c1, se, rules)
    lead = text[ss:c0].strip()
    if not lead or lead in ("But", "And", "Yet", "So") or (lead[-1] == ":" and text[c0].isupper()):
        # According to X, CONTENT. (the comma after X: 'Tom Roe, Jr.' is one name)
        comma = text.find(",", c1 if got is None else max(c1, got[0][1]), se)
        if comma < 0:
            return None
        s = _past_apposition(text, _skip_space(text, comma + 1, se), se)
        return _Found(s, se, cue, span, mention) if se - s > 3 else None
    if lead.endswith(",") and got is not None:
        # 'CONTENT, according to X, CONTENT.'
        after = got[0][1]
        comma = text.find(",", after, se)
        if comma >= 0 and not text[after:comma].strip(" ,)"):
            rest = _past_apposition(text, _skip_space(text, comma + 1, se), se)
            if lead[:-1].split()[-1].lower() in _SUBORDINATORS and len(text[rest:se].split()) >= 3:
                # 'left after, according to Lee, the board censured him': the clause is X's
                return _Found(rest, se, cue, span, mention)
            if len(text[rest:se].split()) >= 3 and not _describes_source(text, rest, se, rules):
                e = ss + len(text[ss:c0].rstrip(" ,"))
                return _Found(ss, e, cue, span, mention, more=(rest, se))
    # CONTENT, according to X.
    e = c0
    while e > ss and text[e - 1] in " ,—–-(":
        e -= 1
    return _Found(ss, e, cue, span, mention) if e - ss >= 3 else None


def _describes_source(text: str, p: int, se: int, rules: _Rules) -> bool:
    """Does the phrase at ``p`` after 'CONTENT, according to X,' describe X ('a former
    envoy', 'who was an adviser', 'director of the survey center') rather than go on with the
    content?

    >>> from newslib.quotes.cues import _rules
    >>> t = "It failed, according to Al Roe, a former envoy."
    >>> _describes_source(t, 32, 48, _rules()), _describes_source(t, 11, 48, _rules())
    (True, False)
    """
    m = _TOKEN_RE.match(text, p, se)
    first = m.group(0).lower() if m else ""
    return first in _SOURCE_DESCRIBERS or first in rules.roles


# Narrower than source_spans._DESCRIBERS: here the phrase may as well go on with the content
# ('according to its auditors, the fund had lost money'), so 'the' and 'one' open no description.
_SOURCE_DESCRIBERS = frozenset("a an another who whose which".split())


def _past_apposition(text: str, p: int, se: int) -> int:
    """After 'according to X,': past a phrase describing X that a comma closes ('According to
    Ann Lee, a former mayor, the plan failed': the content starts at 'the plan').

    >>> t = "According to Ann Lee, a former mayor, the plan failed."
    >>> t[_past_apposition(t, 22, 54):]
    'the plan failed.'
    """
    comma = text.find(",", p, se)
    if comma < 0:
        return p
    words = text[p:comma].split()
    if not words or len(words) > 10 or words[0].lower() not in ("a", "an", "another"):
        return p  # 'According to the report, the plan, which ...': the plan is the content's
    rest = text[comma + 1 : se].split()
    if any(w.lower() in _FINITE for w in words) or len(rest) < 3 or rest[0] in _RELATIVES:
        return p
    return _skip_space(text, comma + 1, se)
