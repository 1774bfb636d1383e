"""Reported speech whose cue is a noun: "the mayor's claim that the bridge is safe", "her
decision to run", "criticism from rivals that the plan is late".

A noun of speech, stance or decision (the ``[speech_nouns]`` section of
``newslib/data/quote_cues.txt``) followed by a "that" clause or a "to" infinitive is an
attribution when its source is written with it: a possessive before it ("Lee's", "his", "the
board's") or "from X" right after it. The content is the clause or the infinitive, up to the
end of its phrase (a comma, a dash, or, for an infinitive, the finite verb of the sentence it
is the subject of: "Lee's decision to run has surprised ...").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .attribution import _cut_subject
from .clauses import (
    _FINITE,
    _INFINITIVE_RE,
    _OBJECT_END_RE,
    _clause_ok,
    _list_goes_on,
    _noun_phrase,
    _skip_space,
    _within,
    _words,
)
from .cues import _lists, _Rules
from .found import _Found
from .sentences import _sentence_starts

# the possessive right before the noun (an adjective may stand between): "Lee's", "his"
_POSSESSOR_RE = re.compile(
    r"(?:(?P<owner>[\w.&\-]+(?:[^\S\n]+[\w.&\-]+){0,3}?)['’]s|\b(?P<pron>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))"
    r"(?:[^\S\n]+[a-z][\w\-]*)?[^\S\n]+$"
)
_FROM_RE = re.compile(r"[^\S\n]+from[^\S\n]+([^,;:—–()\"“”\n]{1,60}?)[^\S\n]+(?=that\b)")


# the word after a noun cue: what the source said or decided ('that', 'to'), or who ('from')
_FOLLOWERS = (" that", " to ", " not ", " from ")


def _noun_cues(text: str, lo: int, hi: int, starts, marks, claimed, rules: _Rules) -> list:
    """The noun-cued attributions of the paragraph text[lo:hi] (sentence ``starts``, or None
    to find them) outside quotations (``marks``) and the contents already found (``claimed``)."""
    nouns = _lists()["speech_nouns"]
    ends = _noun_ends()
    hits = []
    for key in _FOLLOWERS:  # plain string search: far cheaper than a pattern over every word
        i = text.find(key, lo, hi)
        while i >= 0:
            if ends is not None and text[i - 2 : i] not in ends:
                i = text.find(key, i + 1, hi)
                continue  # the word before ends as no noun does: 'want to', 'said that'
            c0 = i
            while c0 > lo and text[c0 - 1].isalpha():
                c0 -= 1
            if c0 < i and text[c0:i] in nouns:
                hits.append((c0, i))
            i = text.find(key, i + 1, hi)
    out: list[_Found] = []
    for c0, c1 in sorted(hits):
        noun = text[c0:c1]
        if _within(c0, marks) or _within(c0, claimed):
            continue
        if starts is None:
            starts = _sentence_starts(text, lo, hi)
        k = bisect_right(starts, c0)  # the starts are in text order
        ss = starts[k - 1] if k else lo
        se = starts[k] if k < len(starts) else hi
        got = _read_noun(text, noun, c0, c1, ss, se, rules)
        if got is not None and not any(a < got.end and got.start < b for a, b in claimed):
            out.append(got)
            claimed.append((got.start, got.end))
    return out


@lru_cache(maxsize=1)
def _noun_ends() -> frozenset[str] | None:
    """The last two letters of every noun cue: a word ending otherwise is none of them (None
    if a noun is shorter)."""
    nouns = _lists()["speech_nouns"]
    return frozenset(n[-2:] for n in nouns) if all(len(n) >= 2 for n in nouns) else None


def _may_own(text: str, ss: int, c0: int) -> bool:
    """Can ``_POSSESSOR_RE`` match before ``c0``?  Each match holds "'s", "’s" or one of the
    pronouns: without them in the stretch it searches, the search (many tries) finds none.

    >>> _may_own("the mayor's claim", 0, 12), _may_own("a claim", 0, 2)
    (True, False)
    """
    low = text[max(ss, c0 - 60) : c0].lower()
    return any(key in low for key in ("'s", "’s", "his", "her", "their", "its"))


def _read_noun(text, noun, c0, c1, ss, se, rules) -> _Found | None:
    """'Lee's claim that CONTENT', 'his decision (not) to CONTENT', 'criticism from X that
    CONTENT'; None when no source is written or no clause follows."""
    mention = None
    after = _skip_space(text, c1, se)
    frm = _FROM_RE.match(text, c1, se)
    poss = _POSSESSOR_RE.search(text, max(ss, c0 - 60), c0) if _may_own(text, ss, c0) else None
    if poss is not None and poss.group("pron"):
        mention = (poss.start("pron"), poss.end("pron"), "pron")
    elif poss is not None:
        mention = _cut_subject(text, poss.start("owner"), poss.end("owner"), rules, True, False)
        if mention is not None and mention[2] == "pron":
            mention = None  # "it's"
        elif mention is not None and mention[1] == poss.end("owner"):
            mention = (mention[0], mention[1] + 2, mention[2])  # "Lee's", as it is written
    elif frm is not None:
        mention = _cut_subject(text, *frm.span(1), rules, True, False)
        mention = mention or _noun_phrase(text, *frm.span(1), rules)  # 'from rivals'
        after = frm.end()
    if mention is None:
        return None
    word = text[after : after + 4].lower()
    if word.startswith("that") and text[after + 4 : after + 5].isspace():
        if not _clause_ok(text, "think", _skip_space(text, after + 4, se), se):
            return None  # 'his claims that were false': a relative clause
        start = after
        end = _phrase_end(text, start, se, infinitive=False)
    else:
        p = after
        if text.startswith("not ", p):
            p = _skip_space(text, p + 3, se)
        if not _INFINITIVE_RE.match(text, p, se) or noun not in _lists()["infinitive_nouns"]:
            return None
        start = after
        end = _phrase_end(text, p, se, infinitive=True)
    while end > start and text[end - 1] in " \t\n.,;:!?":
        end -= 1
    if len(text[start:end].split()) < 3:
        return None
    return _Found(start, end, noun, (c0, c1), mention)


def _phrase_end(text: str, start: int, se: int, infinitive: bool) -> int:
    """Where the clause or infinitive after a noun cue ends: at a comma that starts no list, a
    semicolon, colon or dash, and for an infinitive also before a finite verb."""
    end = se
    for brk in _OBJECT_END_RE.finditer(text, start, se):
        if text[brk.start()] == "," and _list_goes_on(text, start, brk.end(), se):
            continue
        end = brk.start()
        break
    if infinitive:
        for a, _, w in _words(text, start, end)[2:]:
            if w.lower() in _FINITE:
                return a
    return end
