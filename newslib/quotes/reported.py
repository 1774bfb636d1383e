"""Reported (indirect) speech: what people said without quotation marks.

Each sentence is scanned for a reporting cue (``said``, ``told``, ``according to``, ``believes``,
``found``, ``called for``; the lists are sections of ``newslib/data/quote_cues.txt``) and read in
one of the shapes news uses::

    Smith said (that) CONTENT.              CONTENT, Smith said (in a statement).
    Smith told reporters (that) CONTENT.    CONTENT, said Smith, a spokesman.
    According to Smith, CONTENT.            CONTENT, according to Smith.
    CONTENT, Smith said, CONTENT.           ..., saying (that) CONTENT.
    Smith called for CONTENT.               A new poll shows CONTENT.
    Asked whether CONTENT, ...              Smith: CONTENT (a headline or a transcript)

The content follows PolNeAR's conventions: it starts at "that" when there is one and leaves out
the sentence's final punctuation; a quotation inside it stays a ``partial`` row of its own; it
ends before another speaker's clause. Cues inside a quotation (the speaker's own words) and cues
that belong to a direct quotation ('"...," Smith said') are left to the quotation rules. The
source is the subject of the cue, cut to its mention (``sources`` widens it to the written
phrase): for an infinitive cue the object of a verb of causing ('prompted Lee to call for') or
else the sentence's subject ('Lee has pledged to support'), for a second verb ('... and
officially endorsed') or a cue used as a noun ('Lee made no mention of') the sentence's
subject, for a restrictive relative clause its noun ('Republicans who agree that'); where none
is written (a passive, a question) it is None, never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..text import WORD_RE
from .attribution import (
    _MANNER_RE,
    _TIME_WORDS,
    _TOKEN_RE,
    _according_to,
    _between_subject_and_cue,
    _cut_subject,
    _mid_capitals,
    _sentence_subject,
    _subject_before,
)
from .cues import _alternation, _lists, _Rules
from .marks import _Quote
from .sentences import _sentence_starts


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


@lru_cache(maxsize=1)
def _report_rules() -> _ReportRules:
    lists = _lists()
    verbs = (lists["cues"] | lists["reporting"]) - lists["not_reporting"] | lists["stances"]
    return _ReportRules(
        # 'Asked whether ..., Smith said': the one cue that opens a sentence with a capital
        cue_re=re.compile(rf"\b[Aa]ccording[^\S\n]+to\b|\bAsked\b|\b(?:{_alternation(verbs)})\b"),
        needs_clause=lists["reporting_needs_clause"],
        stances=lists["stances"],
        findings=lists["findings"],
        tell=lists["tell_verbs"],
        listeners=lists["listeners"],
        openers=lists["content_openers"],
        adjuncts=lists["adjuncts"],
    )


# Words before a cue that make it no verb of a speaker ("the reported deal", "was found").
_NOT_AFTER = frozenset(
    "the a an this that these those his her their its our my your is was were are be been "
    "being".split()
)
_SUBJECT_PRONOUNS = frozenset("he she they it we i there".split())
_NOT_NOUN_PHRASE = frozenset(
    "and or but not no is was are were be been has have had will would could should may might "
    "can do does did that which who whom when where while because if as than then so".split()
)
_CONJUNCTIONS = frozenset("and but or nor while whereas because so yet".split())
_OBJECT_END_RE = re.compile(r"[,;:—–]|[^\S\n]-[^\S\n]")
_OBJECT_PRONOUN_RE = re.compile(r"(?:them|him|her|us|me)[^\S\n]+(?=to\b)")
# a clause break, a conjunction and a pronoun subject right before a cue: ', but she also said'
_NEW_CLAUSE_RE = re.compile(
    r"(?:(?:[,;:]|[^\S\n][-—–])[^\S\n]+(?:(?:and|but|while)[^\S\n]+)?|[^\S\n]+(?:and|but)[^\S\n]+)"
    r"(?:he|she|they|we|I)"
    r"(?:[^\S\n]+(?:also|later|then|has|have|had|would|will|again))*[^\S\n]+$"
)
_NAME_START_RE = re.compile(r"[A-Z][\w’'\-.]*(?:[^\S\n]+[A-Z][\w’'\-.]*){0,3}")
_AFTER_LISTENER = frozenset("that whether if".split())  # 'asked the mayor if ...'
_RELATIVES = frozenset("which who whom whose that where when".split())
_INDEFINITE = frozenset("anything nothing something little much so".split())
# A headline-style 'Source: what they said' paragraph (up to five capitalised words).
_HEADLINE_RE = re.compile(
    r"(?P<src>[A-Z][\w.&'’\-]*(?:[^\S\n]+[A-Z][\w.&'’\-]*){0,4})(?P<colon>:)[^\S\n]+(?=\S)"
)
_TRAILING = " \t\n.,;:!?—–-"
_TO_RE = re.compile(r"(to)\b[^\S\n]*")
_PARTICLE_RE = re.compile(r"(for|about|on|out|against)\b[^\S\n]*")
_CLAUSE_BREAK_RE = re.compile(r",[^\S\n]+(?:according[^\S\n]+to|adding|saying|noting|arguing)\b")


@dataclass
class _Found:
    start: int
    end: int
    cue: str
    cue_span: tuple[int, int] | None
    mention: tuple[int, int, str] | None
    more: tuple[int, int] | None = None  # a second piece: 'CONTENT, he said, CONTENT.'


def _reported(text: str, paras, found: list[_Quote], rules: _Rules) -> list[_Quote]:
    """The reported speech of one article as ``indirect`` pieces (``_Quote`` objects whose
    marks are their own bounds), in text order; ``found`` are the article's quotations."""
    report = _report_rules()
    # each paragraph's quotations (marks included): no piece of reported speech leaves its
    # paragraph, so only these matter there
    marks_in: dict[int, list[tuple[int, int]]] = {}
    speech_in: dict[int, list[tuple[int, int]]] = {}
    for q in found:
        span = (q.open_mark, q.close_mark or q.para_hi)
        marks_in.setdefault(q.paragraph, []).append(span)
        if q.kind != "scare":
            speech_in.setdefault(q.paragraph, []).append(span)
    out: list[_Quote] = []
    for index, (lo, hi) in enumerate(paras):
        marks = marks_in.get(index, [])
        speech = speech_in.get(index, [])
        claimed: list[tuple[int, int]] = []
        pieces: list[_Found] = []
        head = _headline(text, lo, hi, marks, title=index == 0)
        if head is not None:
            pieces.append(head)
            claimed.append((head.start, head.end))
        cues = list(report.cue_re.finditer(text, lo, hi))
        if not cues:
            _pieces_out(text, pieces, index, lo, hi, out)
            continue
        starts = _sentence_starts(text, lo, hi)
        by_sentence: dict[int, list[re.Match]] = {}
        for m in cues:
            by_sentence.setdefault(bisect_right(starts, m.start()) - 1, []).append(m)
        for si, sentence_cues in by_sentence.items():
            ss = starts[si]
            se = _trim_end(text, ss, starts[si + 1] if si + 1 < len(starts) else hi)
            last = None
            for m in sentence_cues:
                c0 = m.start()
                if m.end() > se:
                    continue
                if _within(c0, marks) or _within(c0, claimed):
                    continue  # a quoted speaker's own words, or content already found
                got = _read(text, m.group(0).lower(), m.span(), ss, se, speech, last, rules)
                if got is None or _only_quotations(text, got.start, got.end, speech):
                    continue
                if _overlaps(got, claimed):
                    continue  # one piece of reported speech holds no other
                pieces.append(got)
                claimed.append((got.start, got.end))
                if got.more is not None:
                    claimed.append(got.more)
                if got.mention is not None:
                    last = got.mention
        _pieces_out(text, pieces, index, lo, hi, out)
    return out


def _pieces_out(text: str, pieces: list[_Found], index: int, lo: int, hi: int, out: list) -> None:
    """Append a paragraph's found reported speech to ``out`` as ``indirect`` pieces."""
    for got in pieces:
        for s, e in [(got.start, got.end), *([got.more] if got.more else [])]:
            q = _Quote(s, e, s, e, index, lo, hi, chain=-1, words=WORD_RE.findall(text, s, e))
            q.kind = "indirect"
            q.cue, q.cue_span = got.cue, got.cue_span
            if got.mention is not None:
                q.mention, q.mention_kind = got.mention[:2], got.mention[2]
            out.append(q)


def _overlaps(got: _Found, spans) -> bool:
    pieces = [(got.start, got.end), *([got.more] if got.more else [])]
    return any(s < b and a < e for s, e in pieces for a, b in spans)


def _within(pos: int, spans) -> bool:
    for a, b in spans:
        if a <= pos < b:
            return True
    return False


def _trim_end(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in _TRAILING:
        e -= 1
    return e


def _skip_space(text: str, p: int, hi: int) -> int:
    while p < hi and text[p].isspace():
        p += 1
    return p


def _only_quotations(text: str, s: int, e: int, speech) -> bool:
    """Does text[s:e] hold nothing but quotations and punctuation?"""
    p = s
    for a, b in speech:  # in text order
        if b <= s or a >= e:
            continue
        if WORD_RE.search(text, p, max(p, a)):
            return False
        p = max(p, b)
    return WORD_RE.search(text, p, e) is None if p < e else True


_WORD_CHARS = frozenset("’'-.")


def _word_before(text: str, ss: int, c0: int) -> str:
    """The lower-cased word before ``c0`` in the sentence starting at ``ss`` ('' for none)."""
    e = c0
    while e > ss and not (text[e - 1].isalnum() or text[e - 1] in _WORD_CHARS):
        e -= 1
    b = e
    while b > ss and (text[b - 1].isalnum() or text[b - 1] in _WORD_CHARS or text[b - 1] == "_"):
        b -= 1
    return text[b:e].lower()


def _words(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(text, s, e)]


def _headline(text: str, lo: int, hi: int, marks, title: bool) -> _Found | None:
    """'Smith: We will win' as a title, or a transcript's paragraph: Smith is the source, the
    rest of the paragraph the content."""
    m = _HEADLINE_RE.match(text, lo, hi)
    if m is None or "\n" in text[lo:hi] or _within(m.end(), marks):
        return None
    label = m.group("src").lower()
    head = label.split()[1] if label.startswith("the ") else label.split()[0]
    if label in _lists()["not_sources"] or head in _lists()["not_sources"]:
        return None  # 'Update: ...', 'Photo: ...', 'The Latest: ...'
    if not title and (len(label.split()) > 3 or label.split()[0] in _lists()["stop_capitals"]):
        return None
    end = _trim_end(text, m.end(), hi)
    if len(WORD_RE.findall(text, m.end(), end)) < 2:
        return None
    colon = m.start("colon")
    return _Found(m.end(), end, ":", (colon, colon + 1), (m.start("src"), m.end("src"), "name"))


def _read(text, cue, span, ss, se, speech, last, rules) -> _Found | None:
    """The content and source of the cue at ``span`` in the sentence text[ss:se], or None."""
    c0, c1 = span
    if cue.startswith("according"):
        return _according(text, cue, span, ss, se, rules)
    report = _report_rules()
    if c0 > 0 and text[c0 - 1] == "-":
        return None  # 'so-called', 'self-described'
    prev = _word_before(text, ss, c0)
    if prev in _NOT_AFTER and cue not in report.tell:
        return None  # 'the reported deal', 'was found': no speaker of this verb
    if prev.endswith(("'s", "’s")):
        return None  # 'the mayor's hopes of'
    for _, b in speech:
        # the first cue after a quotation is the quotation's: '"...," said Smith, ...' /
        # '"...," Smith, a spokesman, said' ('..., he said, adding that ...' reports more)
        if (
            ss <= b <= c0
            and len(text[b:c0].split()) <= 12
            and report.cue_re.search(text, b, c0) is None
        ):
            return None
    if cue == "asked" and prev in ("", "when", "if", "but", "and"):
        # 'Asked whether he would run, Smith said ...': a question with no asker named
        start = _skip_space(text, c1, se)
        comma = text.find(",", start, se)
        end = comma if comma >= 0 else se
        return _Found(start, end, cue, span, None) if _clause_ok(text, cue, start, end) else None
    if cue.endswith("ing"):
        return _participle(text, cue, span, ss, se, last, rules)
    got = _content_first(text, cue, span, ss, se, rules)
    if got is not None:
        return got
    return _cue_first(text, cue, span, ss, se, last, rules)


def _according(text, cue, span, ss, se, rules) -> _Found | None:
    c0, c1 = span
    got = _according_to(text, c0, se, rules)
    mention = got[0] if got else None
    lead = text[ss:c0].strip()
    if not lead or lead in ("But", "And", "Yet", "So"):
        # According to X, CONTENT.
        comma = text.find(",", c1, se)
        if comma < 0:
            return None
        s = _skip_space(text, comma + 1, se)
        return _Found(s, se, cue, span, mention) if se - s > 3 else None
    if lead.endswith(",") and got is not None:
        # 'CONTENT, according to X, CONTENT.'
        after = got[0][1]
        comma = text.find(",", after, se)
        if comma >= 0 and not text[after:comma].strip(" ,)"):
            rest = _skip_space(text, comma + 1, se)
            if len(text[rest:se].split()) >= 3:
                e = ss + len(text[ss:c0].rstrip(" ,"))
                return _Found(ss, e, cue, span, mention, more=(rest, se))
    # CONTENT, according to X.
    e = c0
    while e > ss and text[e - 1] in " ,—–-(":
        e -= 1
    return _Found(ss, e, cue, span, mention) if e - ss >= 3 else None


def _participle(text, cue, span, ss, se, last, rules) -> _Found | None:
    """'..., saying (that) CONTENT': the sentence's speaker, the content after the cue."""
    c0, c1 = span
    if not text[ss:c0].rstrip().endswith((",", "—", "–")) and cue != "saying":
        return None
    span, after = _with_particle(text, cue, span, _skip_space(text, c1, se), se)
    start = _content_start(text, cue, after, se)
    if start is None or not _clause_ok(text, cue, start, se):
        return None
    mention = last or _sentence_subject(text, ss, c0, rules, (), None)
    start, end = _object_span(text, cue, start, _cut_clause(text, start, se))
    return _Found(start, end, cue, span, mention) if end - start >= 3 else None


def _content_first(text, cue, span, ss, se, rules) -> _Found | None:
    """'CONTENT, Smith said [adjuncts].' / 'CONTENT, said Smith.' / 'CONTENT, he said, MORE.'"""
    c0, c1 = span
    lead = text[ss:c0]
    comma = max(lead.rfind(","), lead.rfind("—"), lead.rfind("–"))
    if comma < 0:
        return None
    if not _ends_attribution(text, c1, se):
        return None
    if not lead[comma + 1 :].strip():
        # ', said' may close an apposition ('Smith, an expert, said ...') rather than invert
        subject = _subject_before(text, max(ss, c0 - 250), c0, rules)
        if subject is not None and len(text[ss : subject[0]].split()) <= 2:
            return None
        name = _NAME_START_RE.match(text, ss, c0)
        if name is not None and rules.person_after_re.match(text, name.end()):
            return None  # 'Jill Chase, 27, a nurse in Ohio, said ...'
    tail = text[ss + comma + 1 : c0]
    if tail.split() and tail.split()[0].lower() in _CONJUNCTIONS | _RELATIVES:
        return None  # '..., and the union agreed', '..., which Smith mused about': no inversion
    if tail.split():
        mention = _cut_subject(text, ss + comma + 1, c0, rules, True, False)
        if mention is None:
            mention = _noun_phrase(text, ss + comma + 1, c0, rules)
        if mention is None:
            return None
    else:
        m = rules.after_cue_first_re.match(text, c0, se)
        mention = None
        if m is not None:
            mention = _cut_subject(text, *m.span("subj"), rules, from_right=False)
    end = ss + comma
    if end - ss < 3:
        return None
    found = _Found(ss, end, cue, span, mention)
    rest = text[c1:se]
    if rest.lstrip().startswith(","):
        more = _skip_space(text, c1 + rest.index(",") + 1, se)
        if len(text[more:se].split()) >= 3:
            found.more = (more, se)
            if _is_adjunct(text, ss, end):
                # 'This month, Smith wrote, the plan ...': the lead is when, not what
                found.start, found.end, found.more = more, se, None
    return found


def _is_adjunct(text: str, s: int, e: int) -> bool:
    words = text[s:e].lower().split()
    return len(words) <= 3 and (
        words[0] in _report_rules().adjuncts or words[-1] in _TIME_WORDS or words[0] in ("still",)
    )


def _ends_attribution(text: str, c1: int, se: int) -> bool:
    """After a cue that closes its sentence: nothing, or only adjuncts ('in a statement', 'on
    Monday'), a listener ('told reporters') or an inverted speaker ('said Smith')."""
    rest = text[c1:se].strip()
    if not rest or rest[0] in ",;—–(":
        return True
    if re.search(r"\bthat\b", rest):
        return False
    first = rest.split(None, 1)[0].lower().strip(",.")
    return (
        first in _report_rules().adjuncts
        or first in ("reporters", "the", "a", "an")
        or rest[0].isupper()
    )


def _cue_first(text, cue, span, ss, se, last, rules) -> _Found | None:
    """'Smith said (that) CONTENT.' / 'Smith told reporters (that) CONTENT.'"""
    c0, c1 = span
    after = _skip_space(text, c1, se)
    if after >= se or text[after] in ",.;:":
        return None
    span, after = _with_particle(text, cue, span, after, se)
    # the content first: it is cheaper to find than the subject, and often there is none
    start = _content_start(text, cue, after, se)
    if start is None:
        return None
    clause = _clause_ok(text, cue, start, se)
    if not clause and cue not in _report_rules().findings:
        return None
    mention = _subject_before(text, max(ss, c0 - 250), c0, rules)
    if mention is None:
        lead = text[ss:c0]
        brk = max(lead.rfind(","), lead.rfind(";"), lead.rfind("—"))
        mention = _noun_phrase(text, ss + brk + 1, c0, rules)
    if mention is None:
        prev = _word_before(text, ss, c0)
        if not prev:
            return None
        if prev in ("and", "but") or _coordinated(text, ss, c0):
            # 'Lee appeared on the radio and officially endorsed ...': the sentence's subject
            mention = last or _sentence_subject(text, ss, c0, rules, (), None)
        elif prev == "to":
            mention = _infinitive_subject(text, ss, c0, rules)
        else:
            mention = _antecedent(text, ss, c0, rules)
            if mention is None and prev.replace("-", "").isalpha() and prev.islower():
                # 'Lee made no mention of ...', 'Lee launched a pre-emptive attack on ...': a
                # cue used as a noun is the sentence subject's
                # (only the words after the last punctuation: no subject is taken across it)
                gaps = [g.end() for g in _CLAUSE_GAP_RE.finditer(text, ss, c0)]
                lo = gaps[-1] if gaps else ss
                mention = _sentence_subject(text, lo, c0, rules, (), None)
                if mention is not None and _opener_only(text, ss, mention):
                    mention = None
    if not clause and not _clause_ok(text, cue, start, se, mention):
        return None
    end = _cut_clause(text, start, se)
    if _indefinite(text, start, end):
        return None  # 'No one said anything today.'
    start, end = _object_span(text, cue, start, end)
    if mention is not None and mention[2] == "rel":
        # 'Smith, who wrote that it would fail, called ...': the relative clause ends it
        comma = text.find(",", start, end)
        end = comma if comma >= 0 else end
    return _Found(start, end, cue, span, mention) if end - start >= 3 else None


_GAP_WORD_RE = re.compile(r"([\w’'-]+)[^\S\n]*$")


def _coordinated(text: str, ss: int, c0: int) -> bool:
    """Is the cue at ``c0`` a second verb of its subject: 'and' or 'but' before it past
    adverbs and auxiliaries ('and officially endorsed', 'but has since said'), or ', then'?"""
    gap = _between_subject_and_cue()
    p = c0
    skipped = []
    for _ in range(4):
        m = _GAP_WORD_RE.search(text, max(ss, p - 30), p)
        if m is None:
            return False
        word = m.group(1).lower()
        if word in ("and", "but"):
            return bool(skipped)
        if word not in gap and not _MANNER_RE.fullmatch(word):
            return False
        skipped.append(word)
        p = m.start(1)
        if word == "then" and text[max(ss, p - 2) : p].strip() == ",":
            return True  # 'Lee offered him a job, then says ...'
    return False


def _antecedent(text: str, ss: int, c0: int, rules: _Rules):
    """The noun phrase a restrictive relative clause hangs on when its 'who' is the cue's
    subject ('Republicans who agree that ...', 'Voters who have said ...'), or None."""
    gap = _between_subject_and_cue()
    p = c0
    for _ in range(4):
        m = _GAP_WORD_RE.search(text, max(ss, p - 30), p)
        if m is None:
            return None
        word = m.group(1).lower()
        p = m.start(1)
        if word == "who":
            break
        if word not in gap:
            return None
    else:
        return None
    if text[max(ss, p - 2) : p].strip() in (",", "—", "-"):
        return None  # ', who said' is a relative pronoun of its own ('rel')
    lead = text[ss:p]
    brk = max(lead.rfind(","), lead.rfind(";"), lead.rfind("—"), lead.rfind(":"))
    return _cut_subject(text, ss + brk + 1, p, rules, True, False)


def _opener_only(text: str, ss: int, mention) -> bool:
    """Is the mention one capitalised word opening the sentence that the article never
    capitalises inside a sentence ('Few politicians would admit', 'Less than a third')?"""
    s, e = mention[:2]
    word = text[s:e]
    return " " not in word and not text[ss:s].strip(" \"“‘'(") and word not in _mid_capitals(text)


_CLAUSE_GAP_RE = re.compile(r"[,;:—–()]")
_TO_BEFORE_RE = re.compile(r"\bto[^\S\n]+$")
_OBJECT_BREAK_RE = re.compile(r"[,;:()\"“”«»—–]")


def _infinitive_subject(text: str, ss: int, c0: int, rules: _Rules):
    """Who does what an infinitive cue at ``c0`` says: the object of a verb of causing or
    asking right before it ('the vote prompted Ann Lee to call for ...'), else the subject of
    the sentence ('Ann Lee has pledged to support ...', 'Ann Lee went on to explain ...').
    An object pronoun ('urged him to ...') is left unresolved: None."""
    m = _TO_BEFORE_RE.search(text, max(ss, c0 - 12), c0)
    if m is None:
        return None
    to = m.start()
    words = _words(text, ss, to)
    control = _lists()["object_control"]
    for k in range(len(words) - 1, max(-1, len(words) - 8), -1):
        if words[k][2].lower() not in control:
            continue
        if k == len(words) - 1:
            break  # 'Lee was pressed to explain': the subject does it
        s, e = words[k + 1][0], words[-1][1]
        if _OBJECT_BREAK_RE.search(text, s, e):
            break
        cut = _cut_subject(text, s, e, rules, True, False)
        return cut if cut is not None and cut[2] != "pron" else None
    return _sentence_subject(text, ss, to, rules, (), None)


def _with_particle(text: str, cue: str, span, after: int, se: int):
    """'called for', 'talked about', 'referring to': the particle joins a stance cue."""
    if cue not in _report_rules().stances:
        return span, after
    m = _PARTICLE_RE.match(text, after, se)
    if m is None and cue.startswith(("refer", "point")):
        m = _TO_RE.match(text, after, se)
    if m is None:
        return span, after
    return (span[0], after + len(m.group(1))), _skip_space(text, m.end(), se)


def _object_span(text: str, cue: str, start: int, end: int) -> tuple[int, int]:
    """A stance verb's content is its object, not a clause: 'criticized the plan, which ...'
    ends at the comma, and 'urged them to act' is 'to act'."""
    if cue not in _report_rules().stances:
        return start, end
    brk = _OBJECT_END_RE.search(text, start, end)
    end = brk.start() if brk else end
    first = _OBJECT_PRONOUN_RE.match(text, start, end)
    return (first.end() if first is not None else start), end


def _clause_ok(text: str, cue: str, start: int, se: int, mention=None) -> bool:
    """Verbs such as 'show', 'found', 'added' report only when a clause follows, except after
    a source that is a thing ('the poll showed Smith ahead')."""
    report = _report_rules()
    if cue not in report.needs_clause:
        return True
    if mention is not None and cue in report.findings and _names_a_thing(text, mention):
        return True
    words = text[start:se].split(None, 1)
    first = words[0].lower() if words else ""
    return first in report.openers or first in _SUBJECT_PRONOUNS


def _indefinite(text: str, start: int, end: int) -> bool:
    words = text[start:end].lower().split()
    return not words or (len(words) <= 3 and words[0] in _INDEFINITE)


def _names_a_thing(text: str, mention) -> bool:
    """Is the mention a description whose head is a document or finding ('a new poll')?"""
    if mention[2] != "desc":
        return False
    head = text[mention[0] : mention[1]].split()[-1].lower().strip(".,'’")
    return head.rstrip("s") in _lists()["sources"] or head in _lists()["sources"]


def _cut_clause(text: str, start: int, se: int) -> int:
    """Content ends at the sentence end, before ', according to X' / ', adding ...', or before
    another speaker's attribution (', one analyst said')."""
    m = _CLAUSE_BREAK_RE.search(text, start, se)
    end = m.start() if m else se
    for cue in _report_rules().cue_re.finditer(text, start, end):
        comma = text.rfind(",", start, cue.start())
        if comma > start and len(text[comma + 1 : cue.start()].split()) <= 5:
            if _ends_attribution(text, cue.end(), se):
                return _trim_end(text, start, comma)
        # '... - but she also insisted that ...': another speaker's clause
        m = _NEW_CLAUSE_RE.search(text, max(start, cue.start() - 40), cue.start())
        if m is not None and m.start() > start:
            return _trim_end(text, start, m.start())
    return end


def _content_start(text: str, cue: str, p: int, se: int) -> int | None:
    """Where the content starts after the cue: at 'that' / 'whether' when one opens it, after a
    listener ('told reporters') or a time or place phrase ('said on Tuesday that')."""
    report = _report_rules()
    m = _TOKEN_RE.search(text, p, se)
    if m is None:
        return None
    first = m.group(0).lower()
    if first in report.openers:
        return m.start()
    if cue in report.tell or first in report.adjuncts:
        words = _words(text, p, min(se, p + 200))  # 'that' is looked for in the first words
        for a, _, w in words[:15]:
            if w.lower() in _AFTER_LISTENER:
                return a
            if text[words[0][0] : a].count(",") > 1:
                break
        k = 0
        if cue in report.tell:
            # a short listener: a pronoun, 'reporters', 'the Post', a name
            if first in report.listeners:
                k = 1
            elif first in _lists()["person_roles"] and words[1:2] and words[1][2][:1].isupper():
                k = 1  # 'told host Ada Lind'
            elif first in ("the", "a", "an") and len(words) > 1:
                head = words[1][2]
                # 'told the Post', 'told a crowd' (not 'warned the race is close')
                if head[:1].isupper() or head.lower() in report.listeners:
                    k = 1 if head[:1].isupper() else 2
            while k < len(words) and k < 4 and words[k][2][:1].isupper():
                k += 1
        else:
            while k < len(words) and k < 4 and words[k][2].lower() in report.adjuncts:
                k += 1
        return words[k][0] if k < len(words) else None
    return m.start()


def _noun_phrase(text: str, s: int, e: int, rules: _Rules):
    """A plain noun phrase right before a cue ('legal experts', 'many economists'), as a
    description mention, or None."""
    words = _words(text, s, e)
    while words and words[-1][2].lower() in rules.adverbs:
        words.pop()
    if not words or len(words) > 6:
        return None
    lower = [w.lower() for _, _, w in words]
    if any(w in _NOT_NOUN_PHRASE for w in lower):
        return None
    if not lower[-1].isalpha() or len(lower[-1]) < 3:
        return None
    return words[0][0], words[-1][1], "desc"
