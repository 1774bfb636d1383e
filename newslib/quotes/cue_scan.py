"""The cue scan: the cue pattern and the word sets the readers share, and where it matches.

``_report_rules`` builds the cue pattern and word sets from the sections of
``newslib/data/quote_cues.txt``; ``_find_cues`` finds the cues in a stretch of text, trying the
big pattern only where a word it can start with begins. ``clauses`` and the readers ask what
each cue found here reports.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .cues import _alternation, _lists, _trie
from .memo import LastKeyMemo

# 'In a new poll released Monday, ...': 'In' opening a sentence, a poll within eight words
_IN_POLL = (
    r"\bIn(?=[^\S\n]+(?:[\w'’./&\-]+[^\S\n]+){0,7}?(?:[Pp]oll|[Pp]olls|[Ss]urvey|[Ss]urveys)"
    r"\b[^,.;:\n]{0,60},)"
)


@dataclass(frozen=True)
class _ReportRules:
    cue_re: re.Pattern
    needs_clause: frozenset
    stances: frozenset
    findings: frozenset
    tell: frozenset
    listeners: frozenset
    openers: frozenset
    adjuncts: frozenset
    seeming: frozenset
    not_complements: frozenset
    infinitive: frozenset
    particles: dict  # verb -> the particles it reports with ('spoke' -> {'about'})
    questions: frozenset  # 'ask' and its forms: a question word opens their content
    cue_starts: frozenset  # the words a match of cue_re can start with


@lru_cache(maxsize=1)
def _report_rules() -> _ReportRules:
    lists = _lists()
    verbs = (lists["cues"] | lists["reporting"]) - lists["not_reporting"] | lists["stances"]
    verbs |= lists["seeming"] | lists["infinitive_cues"] | lists["particle_cues"] | {"reportedly"}
    verbs |= lists["evidence_participles"]
    particles: dict[str, frozenset[str]] = {}
    for pair in lists["particle_stances"]:
        verb, particle = pair.split("_")
        particles[verb] = particles.get(verb, frozenset()) | {particle}
    verbs |= particles.keys()
    # the branches of the cue pattern, each with the words it can start with (for _find_cues)
    branches = [
        (r"\b[Aa]ccording[^\S\n]+to\b", {"according", "According"}),
        # 'Asked whether ..., Smith said': the one cue that opens a sentence with a capital
        (r"\bAsked\b", {"Asked"}),
        (r"\bReportedly\b", {"Reportedly"}),
        (_IN_POLL, {"In"}),
        (
            rf"\b(?:{_alternation(lists['clear_verbs'])})[^\S\n]+(?:it[^\S\n]+)?clear\b",
            lists["clear_verbs"],
        ),
        (rf"\b(?:{_alternation(lists['passive_as'])})[^\S\n]+as\b", lists["passive_as"]),
        # 'cast himself as an outsider', 'painted her as weak': only with 'as' after the object
        (
            rf"\b(?:{_alternation(lists['as_stances'])})"
            # not 'such as', 'as well as', 'as soon as', 'as part of' ('labels such as', 'cast a
            # ballot as soon as', 'paint the bridge as part of a repair')
            r"(?=(?:[^\S\n]+(?!such\b|well\b|as\b)[\w’'-]+){1,8}?[^\S\n]+as\b"
            r"(?![^\S\n]+(?:soon|long|well|part|much|many|far|if|though|usual|a[^\S\n]+result)\b))",
            lists["as_stances"],
        ),
        (
            rf"\b(?:{_alternation(lists['stance_adjectives'])})[^\S\n]+(?:that|about|of)\b",
            lists["stance_adjectives"],
        ),
        (rf"\b(?:{_alternation(lists['clause_nouns'])})[^\S\n]+that\b", lists["clause_nouns"]),
        # 'Dock owners charged that ...' (not 'charged with fraud', 'charged that same night')
        (
            rf"\b(?:{_alternation(lists['that_only_cues'])})(?=[^\S\n]+that\b"
            r"(?![^\S\n]+(?i:(?:same|very|next|following)[^\S\n]+)?"
            rf"(?i:{_alternation(lists['that_time_words'])})\b))",
            lists["that_only_cues"],
        ),
        (rf"\b(?:{_alternation(verbs)})\b", verbs),
    ]
    return _ReportRules(
        cue_re=re.compile("|".join(branch for branch, _ in branches)),
        cue_starts=frozenset().union(*(words for _, words in branches)),
        needs_clause=lists["reporting_needs_clause"],
        stances=lists["stances"] | particles.keys() | lists["as_stances"],
        findings=lists["findings"],
        tell=lists["tell_verbs"],
        listeners=lists["listeners"],
        openers=lists["content_openers"],
        adjuncts=lists["adjuncts"],
        seeming=lists["seeming"],
        not_complements=lists["not_complements"],
        infinitive=lists["infinitive_cues"],
        particles=particles,
        questions=lists["question_verbs"],
    )


@lru_cache(maxsize=1)
def _cue_scanners() -> tuple | None:
    """Patterns for the word starts where a cue can match: a word of ``cue_starts`` after a
    non-word character, and one right at the start of the scan; the first letters of those
    words; and the cue pattern's ``match`` (None when a start word holds a non-word character,
    which these cannot find)."""
    words = _report_rules().cue_starts
    if not all(re.fullmatch(r"\w+", w) for w in words):
        return None
    trie = _trie(words)
    # With ASCII words the scan of the whole text is ASCII: its \W and \b test a table, not
    # the Unicode database, at every character (about a fifth faster). It finds every start
    # the Unicode scan finds (any non-ASCII character is \W to it) and a few more (after 'é',
    # before 'é'), where the cue pattern's own Unicode \b then matches nothing: the same cues.
    ascii = re.ASCII if all(w.isascii() for w in words) else 0
    firsts = frozenset(w[0] for w in words)
    inner, first = re.compile(rf"\W({trie})\b", ascii), re.compile(rf"\b(?:{trie})\b")
    return inner, first, firsts, _report_rules().cue_re.match


# The last text's candidate word starts (see _find_cues): the paragraphs of an article and the
# contents in them are all scanned, so the text is scanned once. One text is kept, no more.
_LAST_STARTS = LastKeyMemo()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what the pattern's \w means


def _find_cues(text: str, lo: int, hi: int):
    """The matches of ``_report_rules().cue_re`` in text[lo:hi], the very ones its
    ``finditer(text, lo, hi)`` gives, found faster: the big pattern is tried only at the
    starts of words it can start with, which a trie of those words finds. Exact: every match
    starts at a word boundary with one of them, so trying there in text order, past the end
    of the last match, finds each leftmost match as ``finditer`` does.

    >>> [m.group(0) for m in _find_cues("Lee said that, according to Kim, it works.", 0, 42)]
    ['said', 'according to']
    """
    scanners = _cue_scanners()
    if scanners is None:
        yield from _report_rules().cue_re.finditer(text, lo, hi)
        return
    inner, first, firsts, match = scanners
    pos = lo
    # (a start word's first letter at ``lo`` before the pattern is tried there)
    if lo < hi and text[lo] in firsts and first.match(text, lo, hi) is not None:
        m = match(text, lo, hi)
        if m is not None:
            pos = m.end()
            yield m
    if 0 < hi < len(text) and _is_word_char(text[hi - 1]) and _is_word_char(text[hi]):
        # a word cut at ``hi`` is read short here: scan the stretch itself
        starts = [word.start(1) for word in inner.finditer(text, lo, hi)]
    else:
        # the same word starts as a scan of text[lo:hi] finds after ``lo``: a start there is
        # a start in the whole text, its word whole (no word runs on past ``hi``)
        known = _LAST_STARTS.values(text)
        every = known.get("starts")
        if every is None:
            every = known["starts"] = [w.start(1) for w in inner.finditer(text)]
        starts = every[bisect_right(every, lo) : bisect_left(every, hi)]
    for p in starts:
        if p >= pos:
            m = match(text, p, hi)
            if m is not None:
                pos = m.end()
                yield m
