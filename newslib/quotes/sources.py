"""Source spans: the whole phrase that names who speaks, as news annotation reads it.

The mention found for a quotation or reported speech is the few words that identify the speaker
("Lee", "the officer", "he"); the source span around it adds the title or role written before it
("Sen. Ann Lee", "campaign spokesman Al Roe") and an apposition written after it ("Ann Lee, a
nurse at the clinic, said" / "said Ann Lee, a nurse at the clinic."). Pronouns stay as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .cues import _Rules
from .marks import _Quote
from .names import _TITLE_WORDS
from .sentences import _ABBREV_RE

_WORD_BEFORE_RE = re.compile(r"([\w.'’\-]+)[^\S\n]+$")
# ', a spokesman for the campaign,' between a name and its cue (no quotation inside)
_APPOSITION_RE = re.compile(r",[^\S\n]+[^\"“”«»\n]{1,200}?(?=,?[^\S\n]*$)")
_PARENTHESIS_RE = re.compile(r"[^\S\n]*\([^()\n]{1,40}\)")
# where an apposition after an inverted cue ends: 'said Ann Lee, a nurse at the clinic.'
_APPOSITION_END_RE = re.compile(r"[.;!?\n\"“”«»]|,[^\S\n]+(?:adding|saying|noting|and)\b")
_MAX_BEFORE = 3  # words of a role before a name: 'Clinton campaign spokesman'


def _source_spans(text: str, found: list[_Quote], rules: _Rules) -> None:
    """Set ``source_span`` of every speech piece with a speaker mention."""
    done: dict[tuple, tuple[int, int]] = {}
    starts = sorted(q.start for q in found if q.kind != "scare")
    for q in found:
        if q.kind == "scare" or q.mention is None:
            continue
        key = (q.mention, q.cue_span)
        if key not in done:
            # content after the source ('According to Lee, the school ...') is no apposition
            i = bisect_left(starts, q.mention[1])
            limit = starts[i] if i < len(starts) else len(text)
            done[key] = _source_span(text, q.mention, q.mention_kind, q.cue_span, limit, rules)
        q.source_span = done[key]


def _source_span(text, mention, kind, cue_span, limit, rules) -> tuple[int, int]:
    s, e = mention
    if kind in ("pron", "rel"):
        return s, e
    s = _with_title(text, s, rules)
    if cue_span is not None and cue_span[0] >= e:
        between = text[e : cue_span[0]]
        m = _PARENTHESIS_RE.match(between)
        if m is not None:  # 'Ann Lee (D-Ohio) said'
            e += m.end()
            between = text[e : cue_span[0]]
        m = _APPOSITION_RE.match(between)
        if m is not None:  # 'Ann Lee, a nurse at the clinic, said'
            e += m.end()
    elif cue_span is not None and cue_span[1] <= s:
        e = _with_apposition(text, e, limit, rules)
    return s, e


def _with_title(text: str, s: int, rules: _Rules) -> int:
    """Move ``s`` back over titles and role words right before a name ('Sen.', 'former
    campaign spokesman')."""
    role_seen = 0
    while True:
        m = _WORD_BEFORE_RE.search(text, max(0, s - 40), s)
        if m is None:
            return s
        word = m.group(1)
        low = word.lower().rstrip(".")
        if low in _TITLE_WORDS or low == "former":
            s = m.start(1)
        elif low in rules.roles:
            s = m.start(1)
            role_seen = 1
        elif role_seen and role_seen <= _MAX_BEFORE and word[:1].isupper():
            # 'Clinton campaign spokesman': a capitalised word qualifying the role
            if low in rules.stop_caps:
                return s
            s = m.start(1)
            role_seen += 1
        else:
            return s


def _skip(text: str, p: int) -> int:
    while p < len(text) and text[p] in " \t":
        p += 1
    return p


def _with_apposition(text: str, e: int, limit: int, rules: _Rules) -> int:
    """After 'said Ann Lee': the apposition that follows the name, up to the sentence end
    ('said Ann Lee, president of the union.'), unless a cue follows (', adding ...')."""
    if not text.startswith(",", e) or rules.cue_re.match(text, _skip(text, e + 1)):
        return e
    pos = e
    while True:
        m = _APPOSITION_END_RE.search(text, pos, min(limit, e + 300))
        if m is None:
            return e
        if m.group(0) == "." and _ABBREV_RE.search(text[max(e, m.start() - 12) : m.end()]):
            pos = m.end()  # 'Washington, D.C.' / 'Smith Jr.' / 'Mr. Obama'
            continue
        end = m.start()
        while end > e and text[end - 1] in " ,":
            end -= 1
        return end
