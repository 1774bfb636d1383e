"""Reported speech: the frames beside the plain "X said (that) ..." reading (``reported``).

The writer's own report or judgement (seem / appear / is expected, reportedly), the questions
of "asked", "as X noted", polls and evidence ("In a new poll, ...", "a poll showing ..."),
title-case headlines ("Mayor Says Bridge Will Reopen") and stance adjectives ("confident
that"). The readers take the cue ``reading._read`` found and return a ``_Found`` or None;
``_reporter_before`` tells whether a subject names a reporter (``cue_first._evidence_before``
whether it names evidence).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import WORD_RE
from .attribution import _TOKEN_RE, _cut_subject, _mid_capitals, _title_case
from .clause_ends import _cut_clause
from .clauses import (
    _CONJUNCTIONS,
    _NOT_NOUN_PHRASE,
    _RELATIVES,
    _SUBJECT_PRONOUNS,
    _clause_ok,
    _content_start,
    _first_words,
    _is_adjunct,
    _noun_phrase,
    _skip_space,
    _trim_end,
    _with_particle,
    _within,
    _word_before,
    _words,
)
from .content_first import _NAME_START_RE
from .cue_first import _cue_first, _evidence_before
from .cue_scan import _report_rules
from .cues import _alternation, _lists, _Rules
from .found import _Found
from .near import _FEW_SPANS, _SpanIndex
from .subjects import _sentence_subject

_POLL_HEADS = frozenset("poll polls survey surveys".split())
# particles after a headline verb that make it a phrasal verb ('Shows Off', 'Calls Up')
_HEADLINE_PARTICLES = frozenset("off up out down".split())
_IN_POLL_RE = re.compile(
    r"In[^\S\n]+(?P<src>[^,.;:\n]{1,120}?)(?:[^\S\n]+(?:released|conducted|taken|"
    r"published|out|last|this|from|of|by|in|on)\b[^,.;:\n]*)?,[^\S\n]*"
)


@lru_cache(maxsize=1)
def _headline_verb_re() -> tuple[re.Pattern, re.Pattern]:
    """A quick test for a capitalised verb, and the headline pattern. The test has no ``\b``
    before the verb, so that the engine skips to capitals: it may also pass on a verb inside
    a word ('McSays'), but the headline pattern wants a space before the verb anyway."""
    verbs = _alternation(w.capitalize() for w in _lists()["headline_cues"])
    return re.compile(rf"(?:{verbs})\b"), re.compile(
        rf"(?:^|(?<=[—–:;]\s)|(?<=\s[—–-]\s))(?P<src>[A-Z][\w.&'’\-]*(?:[^\S\n]+[A-Z][\w.&'’\-]*){{0,4}})"
        # an adverb before the verb is the cue's, never the source's last word
        rf"(?<!\bJust)(?<!\bNow)(?<!\bAlso)(?<!\bFinally)"
        rf"[^\S\n]+(?P<cue>(?:(?:Just|Now|Also|Finally)[^\S\n]+)?(?P<verb>{verbs}))"
        rf"[^\S\n]+(?=[\w‘“'\"$])",
        re.MULTILINE,  # '^': the start of any paragraph, not only of the text
    )


def _headline_verb(text: str, lo: int, hi: int, marks) -> _Found | None:
    """A title-case headline 'Mayor Nora Quill Says Bridge Will Reopen': the capitalised words
    before the verb are the source, the rest of the line the content."""
    quick, pattern = _headline_verb_re()
    if hi - lo > 200 or quick.search(text, lo, hi) is None:
        return None
    if "\n" in text[lo:hi] or not _title_case(text, lo, hi):
        return None
    m = pattern.search(text, lo, hi)
    if m is None or _within(m.start("cue"), marks):
        return None
    if m.group("src").split()[0].lower() in _lists()["stop_capitals"]:
        return None
    start = m.end()
    end = _trim_end(text, start, hi)
    words = WORD_RE.findall(text, start, end)
    if len(words) < 2 or words[0].lower() in _HEADLINE_PARTICLES:
        return None  # 'Board Shows Off New Ferry': a phrasal verb, no speech
    # 'Lee Just Announced ...': the adverb is part of the cue's span, the verb its word
    verb = m.group("verb").lower()
    return _Found(start, end, verb, m.span("cue"), (*m.span("src"), "name"))


def _stance_adjective(text, cue, span, ss, se, last, rules, speech) -> _Found | None:
    """'Aides are confident that CONTENT', 'voters remain worried about CONTENT', 'she was
    critical of CONTENT': the subject holds the content; 'that' opens it, 'about' and 'of'
    join the cue."""
    c0, c1 = span
    adjective, particle = cue.split()
    if particle == "that":
        c1 = c0 + len(adjective)
    if _word_before(text, ss, c0) in ("the", "a", "an"):
        return None  # 'a certain of': no stance
    # 'worried about the cost': the particle's object needs no clause after it
    key = adjective if particle == "that" else cue
    return _cue_first(text, key, (c0, c1), ss, se, last, rules, speech)


_QUESTION_OPENERS = frozenset("whether if how why what when who where which whom".split())


def _asked(text, span, se) -> _Found | None:
    """'Asked (on Monday) whether he would run, ...', 'when asked about the tax, ...': the
    question is the content, up to the comma ('about' right after the cue joins it); 'asked by
    Smith whether ...' names the asker."""
    c0, c1 = span
    comma = text.find(",", c1, se)
    end = comma if comma >= 0 else se
    words = _first_words(text, c1, end, 8)
    mention = None
    for i, (a, b, w) in enumerate(words):
        low = w.lower()
        if low == "by" and i == 0:
            name = _NAME_START_RE.match(text, _skip_space(text, b, end), end)
            if name is not None:
                mention = (name.start(), name.end(), "name")
        elif low in _QUESTION_OPENERS or (low == "about" and i > 0):
            return _Found(a, end, "asked", span, mention)
        elif low == "about":
            start = _skip_space(text, b, end)
            return _Found(start, end, "asked", (c0, b), None) if start < end else None
    return None


# 'As the Post reported, ...', ', as Smith noted in May, ...': the clause is what they said
_AS_LEAD_RE = re.compile(
    r"[^\S\n]*(?:(?:[Bb]ut|[Aa]nd|[Yy]et)[^\S\n]+)?[Aa]s[^\S\n]+"
    r"(?!(?:for|of|to|if|though|well|long|soon|much|many|far|a|an|part|usual|expected)\b)"
    r"(?P<src>[^,;:.!?\"“”()\n]{0,80}?)[^\S\n]*(?:first[^\S\n]+)?$"
)
_BY_RE = re.compile(r"[^\S\n]+by[^\S\n]+([^,;:!?\"“”()\n]{1,80})(?=,)")
_AS_ADJUNCT_RE = re.compile(
    r"[^\S\n]+(?:in|on|at|last|earlier|this|during|just|today|yesterday|recently|later|"
    r"a[^\S\n]+(?:few|couple))\b[^,;:!?\"“”()\n]{0,60}(?=,)"
)


def _as_source(text, cue, span, lead, ss, se, rules) -> _Found | None:
    """'As the Post reported (on Monday), CONTENT' / 'As reported by the Post, CONTENT' /
    'CONTENT, as Smith noted, CONTENT': the source's clause after the comma (and the words
    before 'as' when they are the start of the same clause)."""
    c0, c1 = span
    src0, src1 = lead.span("src")
    mention = None
    p = c1
    if src1 > src0:
        mention = _cut_subject(text, src0, src1, rules, True, False) or _noun_phrase(
            text, src0, src1, rules
        )
        if mention is None:
            return None
    else:  # 'As reported by the Post,'
        by = _BY_RE.match(text, c1, se)
        if by is None:
            return None
        mention = _cut_subject(text, *by.span(1), rules, False, False) or _noun_phrase(
            text, *by.span(1), rules
        )
        if mention is None:
            return None
        p = by.end()
    adjunct = _AS_ADJUNCT_RE.match(text, p, se)
    p = adjunct.end() if adjunct is not None else p
    if not text.startswith(",", p):
        return None  # 'as she said he would'
    start = _skip_space(text, p + 1, se)
    end = _cut_clause(text, start, se, coordinated=False)
    if len(WORD_RE.findall(text, start, end)) < 3:
        return None
    before = _trim_end(text, ss, lead.start())
    if (
        before > ss
        and text[lead.start()] != "\n"
        and (
            len(WORD_RE.findall(text, ss, before)) >= 2
            # 'Lee, as the Post notes, is ...': a name the article writes inside sentences too
            or text[ss:before] in _mid_capitals(text)
        )
        and not _is_adjunct(text, ss, before)  # 'Of course, as Smith noted, ...'
    ):
        # 'The plan, as Smith noted, was never funded.'
        return _Found(ss, before, cue, span, mention, more=(start, end))
    return _Found(start, end, cue, span, mention)


def _reportedly(text, span, ss, se, rules) -> _Found | None:
    """'The group is reportedly spending ...', 'Reportedly, the group ...': the writer's
    report of others' report; no source written. The content is the subject (with its
    auxiliary) and the rest of the clause."""
    c0, c1 = span
    after = _skip_space(text, c1, se)
    if _report_rules().cue_re.match(text, after, se):
        return None  # 'Smith reportedly said ...': the verb is the cue
    if text[c0].isupper() and not text.startswith(",", after):
        return None  # 'Mayor Reportedly Quits': a headline
    if text.startswith(",", after):  # 'Reportedly, the group ...'
        if WORD_RE.search(text, ss, c0):
            return None
        start = _skip_space(text, after + 1, se)
        end = _trim_end(text, start, _cut_clause(text, start, se))
        return _Found(start, end, "reportedly", span, None) if end > start else None
    words = [w for w in _words(text, max(ss, c0 - 200), c0)]
    cut = max((i for i, w in enumerate(words) if w[2][-1] in ",;:"), default=-1)
    words = words[cut + 1 :]
    if not words or len(words) > 12:
        return None
    end = _trim_end(text, after, _cut_clause(text, after, se))
    brk = _PARTICIPLE_BREAK_RE.search(text, after, end)
    end = _trim_end(text, after, brk.start() if brk else end)
    if not WORD_RE.search(text, after, end):
        return None
    return _Found(words[0][0], words[-1][1], "reportedly", span, None, more=(after, end))


def _in_poll(text, span, ss, se) -> _Found | None:
    """'In a new poll released Monday, most voters backed the plan.': the poll is the source,
    the sentence after the comma the content."""
    c0, c1 = span
    if c0 != ss:
        return None
    m = _IN_POLL_RE.match(text, c0, se)
    if m is None or m.group("src").split()[-1].lower() not in _POLL_HEADS:
        return None  # 'In a memo released as polls closed, ...'
    end = _cut_clause(text, m.end(), se)
    first = _TOKEN_RE.match(text, m.end(), end)
    if (
        first is None
        or first.group(0).endswith("ed")
        or len(WORD_RE.findall(text, m.end(), end)) < 3
    ):
        return None  # 'In a poll, conducted in May, ...': the phrase goes on
    speech = _lists()["cues"] | _lists()["reporting"]
    if not _POLL_SHARE_RE.match(text, m.end(), end) and any(
        c.group(0) in speech for c in _report_rules().cue_re.finditer(text, m.end(), end)
    ):
        return None  # 'In the poll, most Democrats said ...': theirs is the speech
    src_end = m.end("src")
    tail = _POLL_TAIL_RE.match(text, src_end, m.end())
    if tail is not None:  # 'In a poll released Monday,': the participle's phrase is the poll's
        src_end = tail.end()
    return _Found(m.end(), end, "in", span, (m.start("src"), src_end, "desc"))


# a participle phrase after the poll up to the comma ('released Monday', 'conducted by ...')
_POLL_TAIL_RE = re.compile(
    r"[^\S\n]+(?:released|conducted|taken|published|issued|out)\b[^,.;:\n]*(?=,)"
)


# the poll's share of its answers opening the clause ('just 8 percent of voters said ...', '31%
# of voters said ...'): what they said is the poll's finding, the whole clause its content
_POLL_SHARE_RE = re.compile(
    r"(?:(?:just|only|about|nearly|almost|roughly|some|more[^\S\n]+than|fewer[^\S\n]+than|"
    r"less[^\S\n]+than)[^\S\n]+)?\d[\d.,]*(?:[^\S\n]*%|[^\S\n]+percent\b)",
    re.I,
)


def _reporter_before(text: str, ss: int, c0: int, prev: str, rules: _Rules) -> bool:
    """Is the word before 'report(s)' its subject: a name or outlet ('the Post reports'), a
    pronoun or a person's role ('the reporter reports')?"""
    if not prev:
        return False
    b = c0
    while b > ss and text[b - 1].isspace():
        b -= 1
    return text[b - len(prev) : b][:1].isupper() or prev in _SUBJECT_PRONOUNS or prev in rules.roles


# where the subject of a [seeming] verb starts: after a clause break or a subordinating word
_SEEM_SUBJECT_BREAK_RE = re.compile(
    r"[,;:—–()\"“”]|[^\S\n]-[^\S\n]|\b(?:that|as|but|while|because|if|when|although|though|where|"
    r"since|whether|than|where|unless|until|once)\b",
    re.I,
)
_PARTICIPLE_BREAK_RE = re.compile(
    r"[;]|,[^\S\n]+(?:\w+ing|as|despite|although|though|while|even|partly|after|before|because|"
    r"since|when|which)\b"
)
_SUBORDINATE_END_RE = re.compile(r"[,;]")  # 'Although X seems to ..., the party ...'

_NOT_AFTER_TO = frozenset("the a an his her their its this that these those me him us them".split())
_EXPLETIVES = frozenset("it there".split())
_VERBISH = _NOT_NOUN_PHRASE - _RELATIVES - _CONJUNCTIONS
# 'is expected', 'are widely expected', 'was not expected' before the participle
_PASSIVE_BE_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|’s|'s|(?:is|are|was|were)n['’]t)"
    r"(?:[^\S\n]+(?:not|also|still|now|\w+ly)){0,2}[^\S\n]+$"
)
_AUXILIARIES = frozenset(
    "do does did don't doesn't didn't don’t doesn’t didn’t can can't can’t cannot could couldn't "
    "couldn’t may might must should would wouldn't wouldn’t not no".split()
)


def _seeming(text, cue, span, ss, se, rules, complement=False) -> _Found | None:
    """'The plan seemed to falter', 'voters appear ready to move on', 'it seems (that) the race
    is close': the writer's judgement, with no source; the content is the subject and what
    follows the verb (only what follows after an empty 'it'). ``complement``: the span ends
    with 'as' and a noun phrase follows ('is seen as a leader')."""
    c0, c1 = span
    report = _report_rules()
    if _word_before(text, ss, c0) in ("to", "will"):
        return None  # 'to appear on', 'will appear at'
    after = _skip_space(text, c1, se)
    if text.startswith(",", after):  # 'it appears, though, that ...'
        comma = text.find(",", after + 1, se)
        if comma < 0 or len(text[after + 1 : comma].split()) > 3:
            return None
        after = _skip_space(text, comma + 1, se)
    m = _TOKEN_RE.match(text, after, se)
    first = m.group(0).lower() if m else ""
    if not first or first in report.not_complements:
        return None  # 'appeared on television', 'seemed.'
    if first == "to":
        nxt = _TOKEN_RE.match(text, _skip_space(text, m.end(), se), se)
        if nxt is None or nxt.group(0).lower() in _NOT_AFTER_TO:
            return None  # 'appeared to the crowd', 'seems to me'
    # the subject: the words after the last clause break, adverbs and auxiliaries left out;
    # 'Voters, too, seemed': an aside between commas right before the verb is skipped
    lo = max(ss, c0 - 200)
    breaks = list(_SEEM_SUBJECT_BREAK_RE.finditer(text, lo, c0))
    skip = _lists()["cue_before"] | rules.adverbs
    k = len(breaks)  # the chunk after breaks[k - 1]
    words = _subject_words(text, breaks, k, lo, c0, skip)
    if not words and k >= 2 and text[breaks[-1].start()] == text[breaks[-2].start()] == ",":
        k -= 2
        words = _subject_words(text, breaks, k, lo, c0, skip)
    if (
        not words
        and cue == "expected"
        and k > 0
        and _relative_subject(text, breaks[k - 1], c0, skip)
    ):
        # 'a vote that is widely expected to fail': the relative pronoun is the subject (not
        # after 'seem' or 'appear', 'a post that appeared to ...': the writer's description)
        words = [(breaks[k - 1].start(), breaks[k - 1].end(), breaks[k - 1].group(0))]
    if not words or len(words) > 12:
        return None
    # 'Although the plan seems ..., X', 'a bill which the panel is expected to ..., X': the
    # content ends with its clause
    subordinate = k > 0 and breaks[k - 1].group(0)[:1].isalpha()
    subordinate = subordinate or words[0][2].lower() in _RELATIVES
    subject = (words[0][0], words[-1][1])
    expletive = len(words) == 1 and words[0][2].lower() in _EXPLETIVES
    if not expletive and not complement and first in ("the", "a", "an", "that"):
        return None  # 'appeared a day later'
    end = _cut_clause(text, after, se)
    brk = (_SUBORDINATE_END_RE if subordinate else _PARTICIPLE_BREAK_RE).search(text, after, end)
    end = _trim_end(text, after, brk.start() if brk else end)
    if not WORD_RE.search(text, after, end):
        return None
    if expletive and first not in ("to", "like"):
        # 'it seems (that) the race is close': the clause alone
        return _Found(after, end, cue, span, None)
    return _Found(*subject, cue, span, None, more=(after, end))


def _relative_subject(text: str, brk: re.Match, c0: int, skip) -> bool:
    """Is the break ``brk`` a relative pronoun ('that', 'which', 'who') that is the subject of
    the verb at ``c0``, only auxiliaries and adverbs between them ('a vote that is widely
    expected')?

    >>> t = "It is a vote that is widely expected to fail."
    >>> m = _SEEM_SUBJECT_BREAK_RE.search(t, 12)
    >>> _relative_subject(t, m, t.index("expected"), frozenset(["widely"]))
    True
    """
    if brk.group(0).lower() not in ("that", "which", "who"):
        return False
    words = [w.lower() for _, _, w in _words(text, brk.end(), c0)]
    return all(w in skip or w in _AUXILIARIES or _PASSIVE_BE_RE.match(w + " ") for w in words)


def _subject_words(text, breaks, k, lo, c0, skip) -> list:
    """The words of the chunk after ``breaks[k - 1]`` (from ``lo`` when k is 0) up to the next
    break (or ``c0``), the words of ``skip`` at its end left out."""
    words = _words(
        text, breaks[k - 1].end() if k else lo, breaks[k].start() if k < len(breaks) else c0
    )
    while words and (words[-1][2].lower() in skip or words[-1][2].lower() in _AUXILIARIES):
        words.pop()
    if words and words[-1][2].lower() in _CONJUNCTIONS:
        return []  # 'He spoke and seemed ...': the subject is further back
    # 'It is a job for which you cannot seem ...': a verb in the chunk, the subject follows it
    verb = max((i for i, w in enumerate(words) if w[2].lower() in _VERBISH), default=-1)
    words = words[verb + 1 :]
    while words and words[0][2].lower() in _CONJUNCTIONS:
        words = words[1:]  # '... and the aim seemed ...'
    return words


_PREPOSITIONS_IN_NP = frozenset("of in on at by with from for to after amid about".split())


def _evidence_participle(text, cue, span, ss, se, rules) -> _Found | None:
    """'a new poll showing Smith ahead, ...', 'evidence suggesting that ...': the evidence is
    the source; the content runs to the next comma (to the clause's end after 'that')."""
    c0, c1 = span
    mention = _evidence_before(text, ss, c0, rules)
    if mention is None:
        return None
    words = _words(text, mention[0], mention[1])
    cut = max((i for i, w in enumerate(words) if w[2].lower() in _PREPOSITIONS_IN_NP), default=-1)
    if cut + 1 >= len(words):
        return None
    mention = (words[cut + 1][0], mention[1], "desc")  # 'in the wake of [a new poll]'
    start = _content_start(text, cue, _skip_space(text, c1, se), se)
    if start is None or text.startswith(("off ", "up "), start):
        return None  # 'showing off the hat'
    end = _cut_clause(text, start, se)
    if text[start : start + 4].lower() != "that":
        comma = text.find(",", start, end)
        end = comma if comma >= 0 else end
    end = _trim_end(text, start, end)
    return (
        _Found(start, end, cue, span, mention)
        if len(WORD_RE.findall(text, start, end)) >= 2
        else None
    )


_CLAUSE_COMMA_RE = re.compile(r",[^\S\n]+(?=[\w\"“‘])")


def _opening_participle(text, cue, span, ss, se, rules, speech=()) -> _Found | None:
    """'Noting that CONTENT, Lee said ...', 'After arguing that CONTENT, Lee left': a participle
    cue opening its sentence (alone or after a [participle_openers] word) holds the content to
    the clause's comma; the subject after that comma is the source. None when the lead is
    anything else or no main clause follows.

    >>> t = "Noting that the vote was close, Lee asked for a recount."
    >>> from newslib.quotes.cues import _rules
    >>> got = _opening_participle(t, "noting", (0, 6), 0, len(t) - 1, _rules())
    >>> t[got.start : got.end], t[got.mention[0] : got.mention[1]]
    ('that the vote was close', 'Lee')
    """
    c0, c1 = span
    lead = "_".join(text[ss:c0].lower().split())
    if lead and lead not in _lists()["participle_openers"]:
        return None
    span, after = _with_particle(text, cue, span, _skip_space(text, c1, se), se)
    start = _content_start(text, cue, after, se)
    if start is None or not _clause_ok(text, cue, start, se):
        return None
    for m in _CLAUSE_COMMA_RE.finditer(text, start, se):
        if not _within(m.start(), speech):
            break
    else:
        return None  # no main clause after the participle's
    end = min(_trim_end(text, start, m.start()), _cut_clause(text, start, m.start(), speech))
    if len(WORD_RE.findall(text, start, end)) < 2:
        return None
    mention = _sentence_subject(text, m.end(), se, rules, (), None)
    return _Found(start, end, cue, span, mention)


# the capital first (the scan skips to capitals), the look-behind is the "\b" before it
_CAPITAL_ING_RE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+ing\b")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _capital_ing_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of ``_CAPITAL_ING_RE.finditer(text, lo, hi)``, the very ones, found from the
    places 'ing' stands (a plain string search, some three times faster than the pattern over
    every capital): each match is one word, its 'ing' before a word's end (or ``hi``), after
    lower-case letters right after a capital that no word character precedes.

    >>> t = "Noting it, Lee sang. Asking that, Singing, xAing"
    >>> [t[a:b] for a, b in _capital_ing_spans(t, 0, len(t))]
    ['Noting', 'Asking', 'Singing']
    """
    spans = []
    i = text.find("ing", lo, hi)
    while i >= 0:
        e = i + 3
        if e == hi or not (text[e].isalnum() or text[e] == "_"):  # the pattern's final \b
            k = i
            while k > lo and text[k - 1] in _LOWER:
                k -= 1
            c = k - 1  # the capital, with one lower-case letter or more after it
            if (
                k < i
                and c >= lo
                and text[c] in _UPPER
                and not (c > 0 and (text[c - 1].isalnum() or text[c - 1] == "_"))
            ):
                spans.append((c, e))
        i = text.find("ing", i + 1, hi)
    return spans


_SENTENCE_END_RE = re.compile(r"[.!?][\"”’']*(?=\s|\Z)")


def _opening_participles(text, lo, hi, marks, claimed, speech, rules) -> list[_Found]:
    """The contents of the paragraph text[lo:hi]'s sentences that open with a capitalised
    participle cue and a 'that' clause ('Noting that CONTENT, Lee said ...'), which the cue
    scan (lower case) does not see; each is appended to ``claimed`` too.

    >>> from newslib.quotes.cues import _rules
    >>> t = "Arguing that the map was unfair, Lee sued. Lee won."
    >>> [t[f.start : f.end] for f in _opening_participles(t, 0, len(t), [], [], [], _rules())]
    ['that the map was unfair']
    """
    out: list[_Found] = []
    report = _report_rules()
    near = _SpanIndex(marks) if len(marks) > _FEW_SPANS else None  # a long paragraph
    for c0, c1 in _capital_ing_spans(text, lo, hi):
        b = c0  # the end of text[lo:c0].rstrip(), without copying a long paragraph's start
        while b > lo and text[b - 1].isspace():
            b -= 1
        if b > lo and text[b - 1] not in '.!?"”’':
            continue
        if _within(c0, marks if near is None else near.near(c0, c0)) or _within(c0, claimed):
            continue
        cue = text[c0:c1].lower()
        if report.cue_re.fullmatch(cue) is None:
            continue
        first = _TOKEN_RE.search(text, c1, hi)
        if first is None or first.group(0).lower() not in report.openers:
            continue  # 'Speaking to reporters, ...': only a clause is read here
        end = _SENTENCE_END_RE.search(text, c1, hi)
        se = end.start() if end else hi
        got = _opening_participle(text, cue, (c0, c1), c0, se, rules, speech)
        if got is not None and not any(got.start < b and a < got.end for a, b in claimed):
            out.append(got)
            claimed.append((got.start, got.end))
    return out


_PASSIVE_PARTICLE_RE = re.compile(r"[^\S\n]+(?:of|for|with|as)\b")
_TIME_OPENERS = frozenset("after before until since".split())
_CLAUSE_END_RE = re.compile(r"[^\S\n]*(?:[,;:.!?()\"“”—–]|$)")
_PASSIVE_BY_RE = re.compile(
    r"[^\S\n]+by[^\S\n]+[^,;:.!?()\"“”\n]{1,80}?"
    r"(?=[^\S\n]+(?:for|as|over|after|in|on|at|during)\b|[^\S\n]*[,;:.!?()\"“”]|[^\S\n]*$)"
)


@lru_cache(maxsize=1)
def _stance_nouns() -> frozenset[str]:
    lists = _lists()
    return lists["speech_nouns"] | lists["resumptive_nouns"] | lists["stance_objects"]


def _stance_object(head: str, rules: _Rules) -> bool:
    """Can the last word of a passive subject be what a stance is about: a name ('The Harbor
    Party'), a pronoun, or a noun of a proposal or a view ('the plan'), not a thing ('the
    loan')?

    >>> from newslib.quotes.cues import _rules
    >>> _stance_object("plan", _rules()), _stance_object("loan", _rules())
    (True, False)
    """
    low = head.lower().strip(".,’'")
    return (
        head[:1].isupper()
        or low in rules.pronouns
        or low in _RELATIVES
        or low in ("that", "this", "these", "those")
        or low in _stance_nouns()
    )


def _passive_stance(text, cue, span, ss, se, rules) -> _Found | None:
    """'Lee has been criticized for CONTENT', 'Roe is accused of CONTENT', 'the plan was
    condemned by the council': a stance verb of [passive_stances] in the passive ('span'
    starts at its auxiliary). The subject is what the stance is about, with what follows the
    particle (of, for, with, as), which joins the cue. 'By X' right after the verb names the
    source; PolNeAR marks it now with 'by', now without, so it is left out (as what follows
    it: 'criticized by X for CONTENT'). Other words after the verb ('on Monday', 'in a
    speech') are no content.

    >>> from newslib.quotes.cues import _rules
    >>> t = "Lee was criticized by voters for the delay."
    >>> got = _passive_stance(t, "criticized", (4, 18), 0, len(t) - 1, _rules())
    >>> t[got.start : got.end], t[slice(*got.more)], got.mention
    ('Lee', 'the delay', None)
    """
    c0, c1 = span
    by = None
    m = _PASSIVE_PARTICLE_RE.match(text, c1, se)
    if m is not None:
        c1 = m.end()
    elif (by := _PASSIVE_BY_RE.match(text, c1, se)) is not None:
        m = _PASSIVE_PARTICLE_RE.match(text, by.end(), se)  # 'criticized by X for Y'
    lo = max(ss, c0 - 200)
    breaks = list(_SEEM_SUBJECT_BREAK_RE.finditer(text, lo, c0))
    skip = _lists()["cue_before"] | rules.adverbs
    words = _subject_words(text, breaks, len(breaks), lo, c0, skip)
    if words and words[-1][2].lower() in _RELATIVES:
        words = words[-1:]  # 'a leader who was accused of ...'
    cut = max((i for i, w in enumerate(words) if w[2].lower() in _TIME_OPENERS), default=-1)
    words = words[cut + 1 :]  # 'after the man who posted it was condemned'
    if not words or len(words) > 12:
        return None
    if cue in _lists()["passive_on_stances"] and not _stance_object(words[-1][2], rules):
        return None  # 'the loan was rejected by the bank': an act on a thing, no stance
    subject = (words[0][0], words[-1][1])
    if m is None:
        if by is None and not _CLAUSE_END_RE.match(text, c1, se + 1):
            # 'Two guards were attacked near the gate', 'the bill was mentioned in a report',
            # 'she's praised the pier' ('s for 'has'): other words after the verb state no stance
            return None
        return _Found(*subject, cue, (c0, c1), None)
    start = _skip_space(text, m.end(), se)
    end = _cut_clause(text, start, se) if start < se else start
    # 'Roe, who was accused of fraud, left': a relative clause ends at its comma
    brk = (
        _SUBORDINATE_END_RE if words[0][2].lower() in _RELATIVES else _PARTICIPLE_BREAK_RE
    ).search(text, start, end)
    end = _trim_end(text, start, brk.start() if brk else end)
    if not WORD_RE.search(text, start, end):
        return None  # 'was accused of.'
    return _Found(*subject, cue, (c0, c1), None, more=(start, end))


_MODALS_BEFORE_BE = frozenset(
    "will would can could should may might must shall to cannot won't wouldn't can't couldn't "
    "won’t wouldn’t can’t couldn’t".split()
)
_SUBJECT_OPENERS = frozenset("after before until since when while once because if".split())
_AGENT_RE = re.compile(r"[^\S\n]+by[^\S\n]")


def _passive_complement(text, cue, span, ss, se, rules) -> _Found | None:
    """'The pier is considered an asset', 'Lee was declared the winner': a participle of
    [passive_complements] in the passive ('span' starts at its auxiliary) joins its subject to
    a complement: the writer's report, no source, the subject and the complement the content
    (up to an agent's 'by'). Not after a modal or 'to' ('will also be considered'); after a
    subordinator the subject starts past it and the complement ends at the clause's comma
    ('after Lee was declared the winner, Roe left').

    >>> from newslib.quotes.cues import _rules
    >>> t = "After Lee was declared the winner in Bayview, Roe left."
    >>> got = _passive_complement(t, "declared", (10, 22), 0, len(t) - 1, _rules())
    >>> t[got.start : got.end], t[slice(*got.more)]
    ('Lee', 'the winner in Bayview')
    """
    c0, c1 = span
    before = [w.lower() for w in text[max(ss, c0 - 40) : c0].split()]
    while (
        before
        and before[-1] not in _MODALS_BEFORE_BE
        and (before[-1] in rules.adverbs or before[-1].endswith("ly"))
    ):
        before.pop()  # 'will also be', 'can hardly be'
    if before and before[-1] in _MODALS_BEFORE_BE:
        return None
    got = _seeming(text, cue, span, ss, se, rules, complement=True)
    if got is None or got.more is None:
        return got
    words = _words(text, got.start, got.end)
    low = [w.lower() for _, _, w in words]
    if "what" in low or "what's" in low or "what’s" in low:
        return None  # 'presided over what was widely considered a sham'
    start, (a, end) = got.start, got.more
    opener = max((i for i, w in enumerate(low) if w in _SUBJECT_OPENERS), default=-1)
    if opener >= 0:
        if opener + 1 >= len(words):
            return None
        start = words[opener + 1][0]
        comma = text.find(",", a, end)
        end = comma if comma >= 0 else end
    agent = _AGENT_RE.search(text, a, end)
    end = _trim_end(text, a, agent.start() if agent else end)
    if not WORD_RE.search(text, a, end):
        return None
    return _Found(start, got.end, cue, got.cue_span, None, more=(a, end))


# 'Lee took 18 percent in a new Bayview News poll (released Monday).': a share or a lead, then
# the poll closing the sentence (its end: the sentence's, the marks trimmed)
_POLL_AFTER_RE = re.compile(
    r"[^\S\n]+(?P<cue>in)[^\S\n]+(?P<src>(?:an?[^\S\n]+|the[^\S\n]+|(?=[A-Z]))(?:[\w'’./&\-]+[^\S\n]+){0,7}?"
    r"(?:poll|polls|survey|surveys))(?:[^\S\n]+(?:released|conducted|taken|published)"
    r"[^\S\n]+(?:[\w'’\-]+[^\S\n]*){1,3})?[^\S\n]*\Z"
)
_FIGURE_RE = re.compile(
    r"\d[\d.,]*(?:[^\S\n]*%|[^\S\n]+(?:percent|percentage[^\S\n]+points|points)\b)"
)


def _poll_after(text: str, ss: int, se: int) -> _Found | None:
    """'Lee had 38 percent support in a new Bayview poll.': the poll closing a sentence with a
    figure is its source, what comes before it the content (the writer's report of the poll).

    >>> text = "Lee had 38 percent support in a new Bayview poll."
    >>> got = _poll_after(text, 0, len(text) - 1)
    >>> text[got.start : got.end], text[got.mention[0] : got.mention[1]]
    ('Lee had 38 percent support', 'a new Bayview poll')
    """
    m = _POLL_AFTER_RE.search(text, ss, se)
    if m is None or _FIGURE_RE.search(text, ss, m.start()) is None:
        return None
    end = _trim_end(text, ss, m.start())
    if len(text[ss:end].split()) < 3:
        return None
    return _Found(ss, end, "in", m.span("cue"), (*m.span("src"), "desc"))


# 'To Lee, the plan is a failure.' / 'To Lee, who ran twice, the race ...': whose view the
# sentence gives (a capitalised name after a sentence-opening 'To', not 'To date', 'To be sure')
_TO_VIEW_RE = re.compile(
    r"(?P<cue>To)[^\S\n]+(?P<src>(?!(?:Be|Date|That|This|The|A|An|My|Our)\b)[A-Z][\w'’.\-]*"
    r"(?:[^\S\n]+[A-Z][\w'’.\-]*){0,3}),[^\S\n]+(?:(?:who|whose)\b[^,\n]{1,120},[^\S\n]+)?"
)


def _to_view(text: str, ss: int, se: int) -> _Found | None:
    """'To Lee, the plan is a failure.': Lee's view, the rest of the sentence its content.

    >>> text = "To Lee, the plan is a failure."
    >>> got = _to_view(text, 0, 29)
    >>> text[got.start : got.end], text[got.mention[0] : got.mention[1]]
    ('the plan is a failure', 'Lee')
    """
    m = _TO_VIEW_RE.match(text, ss, se)
    if m is None or len(text[m.end() : se].split()) < 3:
        return None
    return _Found(
        m.end(), _cut_clause(text, m.end(), se), "to", m.span("cue"), (*m.span("src"), "name")
    )
