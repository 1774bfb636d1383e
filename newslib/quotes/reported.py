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
    As the Post reported, CONTENT.          CONTENT, as Smith noted, CONTENT.
    The group is reportedly CONTENT.        Asked about CONTENT, ...
    The plan seemed to CONTENT.             The court is expected to CONTENT.

The last three are the writer's own report or judgement (PolNeAR annotates them with no
source): their content is the subject and what follows the verb.

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
    _IRREGULAR,
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
    return _ReportRules(
        # 'Asked whether ..., Smith said': the one cue that opens a sentence with a capital
        cue_re=re.compile(
            rf"\b[Aa]ccording[^\S\n]+to\b|\bAsked\b|\bReportedly\b|{_IN_POLL}"
            rf"|\b(?:{_alternation(lists['clear_verbs'])})[^\S\n]+(?:it[^\S\n]+)?clear\b"
            rf"|\b(?:{_alternation(lists['passive_as'])})[^\S\n]+as\b"
            rf"|\b(?:{_alternation(lists['stance_adjectives'])})[^\S\n]+(?:that|about|of)\b"
            rf"|\b(?:{_alternation(verbs)})\b"
        ),
        needs_clause=lists["reporting_needs_clause"],
        stances=lists["stances"] | particles.keys(),
        findings=lists["findings"],
        tell=lists["tell_verbs"],
        listeners=lists["listeners"],
        openers=lists["content_openers"],
        adjuncts=lists["adjuncts"],
        seeming=lists["seeming"],
        not_complements=lists["not_complements"],
        infinitive=lists["infinitive_cues"],
        particles=particles,
    )


# Words before a cue that make it no verb of a speaker ("the reported deal", "was found").
_NOT_AFTER = frozenset(
    "the a an this that these those his her their its our my your is was were are be been "
    "being".split()
)
_DETERMINERS = frozenset("the a an his her their its our this that these those".split())
_BE = frozenset("is was are were be been am".split())
_SUBJECT_PRONOUNS = frozenset("he she they it we i there".split())
_NOT_NOUN_PHRASE = frozenset(
    "and or but not no is was are were be been has have had will would could should may might "
    "can do does did that which who whom when where while because if as than then so".split()
)
_NOT_AFTER_BACK = frozenset(
    "in to on at into from and then nearly down away off up out home over by when where again "
    "and forth".split()
)
_ARTICLES = frozenset("the a an".split())
_BEFORE_ADJECTIVE = frozenset("in of among about for with".split())
_CONJUNCTIONS = frozenset("and but or nor while whereas because so yet".split())
_INVERTED_OPENERS = frozenset("the a an former one another".split())
_APPOSITION_STARTS = frozenset("who a an the one its his her their whose which".split())
_INVERTING = frozenset("said says wrote writes added adds".split())  # '..., said Ann Lee.'
_OBJECT_END_RE = re.compile(r"[,;:—–]|[^\S\n]-[^\S\n]")
_OBJECT_PRONOUN_RE = re.compile(r"(?:them|him|her|us|me)[^\S\n]+(?=to\b)")
# a clause break, a conjunction and a pronoun subject right before a cue: ', but she also said'
_NEW_CLAUSE_RE = re.compile(
    r"(?:(?:[,;:]|[^\S\n][-—–])[^\S\n]+(?:(?:and|but|while)[^\S\n]+)?|[^\S\n]+(?:and|but)[^\S\n]+)"
    r"(?:he|she|they|we|I)"
    r"(?:[^\S\n]+(?:also|later|then|has|have|had|would|will|again))*[^\S\n]+$"
)
# a conjunction right before a cue, the same subject's next verb: ', and later urged'
_COORDINATED_RE = re.compile(
    r"(?:,[^\S\n]*|[^\S\n]+)(?:and|but)(?:[^\S\n]+(?:also|later|then|again|has|have|had|would|will))*"
    r"[^\S\n]+$"
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
_POINT_PARTICLE_RE = re.compile(r"[^\S\n]+(to|out)\b")
_COUNT_WORDS = frozenset("one two three four five six seven eight nine ten percentage".split())
# 'to' and a verb ('to win'), not a place or a person ('to the state', 'to Smith', 'to him')
_INFINITIVE_RE = re.compile(
    r"to[^\S\n]+(?!(?:the|a|an|his|her|their|its|my|our|your|this|that|these|those|me|him|them|us|"
    r"you|it|who|what|which|each|every|all|some|any|date|be\b[^\S\n]+(?:sure|clear))\b)[a-z]"
)
_PARTICLE_RE = re.compile(r"(for|about|on|out|against)\b[^\S\n]*")
_ANY_PARTICLE_RE = re.compile(r"(out|about|against|upon|up)\b(?![^\S\n]+(?:to|of)\b)[^\S\n]*")
_CLAUSE_BREAK_RE = re.compile(
    r",[\"”’']*[^\S\n]+(?:according[^\S\n]+to|adding|saying|noting|arguing)\b"
)


# a news agency's dateline opening a paragraph: 'LIMA, Ohio, May 2 (AP) — ', 'BOSTON - '
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'\-]{2,}(?:,[^\S\n]+[A-Z][\w.]*(?:[^\S\n]+[A-Z][\w.]*)*)*"
    r"(?:,?[^\S\n]+[A-Z][a-z]{2,4}\.?[^\S\n]+\d{1,2})?(?:[^\S\n]+\([\w .]+\))?"
    r"[^\S\n]+[—–-]{1,2}[^\S\n]+"
)


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
    partials: set[tuple[int, int]] = set()  # quoted fragments: part of a reported content
    for q in found:
        span = (q.open_mark, q.close_mark or q.para_hi)
        marks_in.setdefault(q.paragraph, []).append(span)
        if q.kind != "scare":
            speech_in.setdefault(q.paragraph, []).append(span)
        if q.kind == "partial":
            partials.add(span)
    out: list[_Quote] = []
    for index, (lo, hi) in enumerate(paras):
        marks = marks_in.get(index, [])
        speech = speech_in.get(index, [])
        claimed: list[tuple[int, int]] = []
        pieces: list[_Found] = []
        head = _headline(text, lo, hi, marks, title=index == 0)
        if head is None:
            head = _headline_verb(text, lo, hi, marks)
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
            first = None
            if len(sentence_cues) > 1:
                first = _closing_attribution(
                    text, sentence_cues[-1], ss, se, marks, claimed, speech, rules, partials
                )
            for m in sentence_cues if first is None else [sentence_cues[-1], *sentence_cues[:-1]]:
                c0 = m.start()
                if m.end() > se:
                    continue
                if _within(c0, marks) or _within(c0, claimed):
                    continue  # a quoted speaker's own words, or content already found
                if first is not None and m is sentence_cues[-1]:
                    got = first
                else:
                    got = _read(
                        text, m.group(0).lower(), m.span(), ss, se, speech, last, rules, partials
                    )
                if got is None:
                    continue
                got.end = _past_quotation(text, got.start, got.end, speech)
                if got.start == lo and (dateline := _DATELINE_RE.match(text, lo, got.end)):
                    got.start = dateline.end()  # 'LIMA, Ohio (AP) — CONTENT, X said.'
                if _only_quotations(text, got.start, got.end, speech):
                    continue
                if _overlaps(got, claimed) and got.more and not _opens_participle(text, got.more):
                    # 'X said A, he said, B': A is another piece's, B is this cue's
                    got.start, got.end, got.more = *got.more, None
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


def _closing_attribution(text, m, ss, se, marks, claimed, speech, rules, partials):
    """The reading of the sentence's last cue when it closes the sentence as its attribution
    ('CONTENT, the report said.' / 'CONTENT, according to X.'): read before the cues inside
    CONTENT, whose own readings it holds; else None."""
    c0 = m.start()
    if m.end() > se or _within(c0, marks) or _within(c0, claimed):
        return None
    lead = text[max(ss, c0 - 80) : c0]
    brk = max(lead.rfind(","), lead.rfind("—"), lead.rfind("–"))
    tail = lead[brk + 1 :].lower().split()
    if brk < 0 or len(tail) > 6 or not _inverts(m.group(0).lower(), tail):
        return None  # '..., when she rides the bus, she is often asked about fares'
    if any(w in _SUBJECT_PRONOUNS for w in tail[1:]):
        return None  # '..., something she has asked of her rival': a relative clause
    if not m.group(0).lower().startswith("according") and not _ends_attribution(text, m.end(), se):
        return None
    got = _read(text, m.group(0).lower(), m.span(), ss, se, speech, None, rules, partials)
    if got is None or got.start != ss or got.end > c0 or got.more is not None:
        return None
    return got


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


_CLOSING = _TRAILING + "\"'’”»"


def _past_quotation(text: str, s: int, e: int, speech) -> int:
    """A content that ends inside a quotation opened within it runs to the quotation's end
    ('said the plan "will fail. It is doomed," he said' is one content)."""
    for a, b in speech:
        if s <= a < e < b:
            while b > e and text[b - 1] in _CLOSING:
                b -= 1
            return max(b, e)
    return e


def _inside_quotation(text: str, pos: int, quoted) -> bool:
    """Is ``pos`` inside a quotation, other than right before its closing mark ('dead heat,"')?"""
    for a, b in quoted:
        if a <= pos < b:
            return bool(text[pos + 1 : b].strip(_CLOSING))
    return False


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
    words = label.split()
    head = words[1] if label.startswith("the ") and len(words) > 1 else words[0]
    not_sources = _lists()["not_sources"]
    if label in not_sources or head in not_sources or {words[0], words[-1]} & not_sources:
        return None  # 'Update: ...', 'Photo: ...', 'The Latest: ...'
    if not title and (len(label.split()) > 3 or label.split()[0] in _lists()["stop_capitals"]):
        return None
    end = _trim_end(text, m.end(), hi)
    if len(WORD_RE.findall(text, m.end(), end)) < 2 or _name_list(text, m.end(), end):
        return None
    colon = m.start("colon")
    return _Found(m.end(), end, ":", (colon, colon + 1), (m.start("src"), m.end("src"), "name"))


_LIST_ITEM_NAME_RE = re.compile(r"[^\S\n]*(?:[A-Z][\w.’'\-]*[^\S\n]*){1,4}$")


def _name_list(text: str, s: int, e: int) -> bool:
    """Is text[s:e] a list of names ('Ada Lind, Tom Reyes, Joe Park, ...'), a roster after a
    'Place:' label rather than anyone's words? Three items or more, nearly all capitalised.

    >>> _name_list("Ada Lind, Tom Reyes, Joe Park and Al Roe", 0, 40)
    True
    """
    items = re.split(r",|[^\S\n]and[^\S\n]", text[s:e])
    if len(items) < 3:
        return False
    names = sum(1 for item in items if _LIST_ITEM_NAME_RE.match(item))
    return names >= 0.8 * len(items)


@lru_cache(maxsize=1)
def _verb_lead() -> frozenset[str]:
    """Lower-case words after which a stance word is a verb: pronouns, relatives, auxiliaries,
    'to', adverbs, conjunctions ('they back', 'who support', 'would attack')."""
    lists = _lists()
    return (
        lists["cue_before"]
        | lists["adverbs"]
        | lists["pronouns"]
        | frozenset("who that which and or but i".split())
    )


def _noun_reading(text: str, cue: str, c0: int, prev: str, rules: _Rules) -> bool:
    """Is the stance word at ``c0`` a noun ('terrorist attacks', 'a primary challenge', 'roll
    call', '30 percent support') rather than the verb of a speaker?"""
    report = _report_rules()
    if cue not in report.stances:
        return False
    if cue.endswith("ed"):
        # an adjective: '270 pledged delegates', 'a lead in pledged delegates'
        adjacent = text[max(0, c0 - 2) : c0].strip()[-1:].isalnum()
        return adjacent and (prev.replace(",", "").isdigit() or prev in _BEFORE_ADJECTIVE)
    if cue in rules.cues or cue.endswith("ing"):
        return False
    if cue in _IRREGULAR or cue.endswith(("en", "aid")):
        return False  # a past form: 'the senator spoke about', 'the mayor laid out'
    if prev[:1].isdigit() or prev == "percent":
        return True
    before = text[max(0, c0 - len(prev) - 2) : c0]
    if before.rstrip().endswith(",") and prev in _lists()["not_appositions"]:
        return False  # 'Lee, meanwhile, hopes': the comma closes an aside, no compound
    if prev.isalpha() and prev not in before and prev.capitalize() in before:
        # 'the Orlando attack', 'the Bastille Day attack': a bare form after a name that
        # follows an article ('Lee attacks', 'the Democrats back', 'The Post sought' are verbs)
        if not prev.endswith("s") and cue + "s" in report.stances:
            words = [w for _, _, w in _words(text, max(0, c0 - 80), c0)]
            while words and words[-1][:1].isupper() and words[-1].lower() not in _ARTICLES:
                words.pop()
            if len(words) > 1 and words[-2].lower() in _NOT_NOUN_PHRASE:
                return False  # 'Did the Lee Fund refuse ...': a question's subject
            return bool(words) and words[-1].lower() in _ARTICLES
    plural_subject = prev.endswith("s") and not cue.endswith("s")
    written = before.rstrip()[-len(prev) :]
    if written.isalpha() and written[:1].isupper() and not plural_subject:
        # 'the Paris attacks', 'his Senate support': a determiner before the capitalised word
        start = c0 - (len(before) - len(before.rstrip())) - len(prev)
        return _word_before(text, max(0, start - 20), start) in _DETERMINERS
    if not prev.isalpha() or not prev.islower() or prev not in before:
        return False  # a name or a capitalised word: 'Lee attacks'
    if prev in _verb_lead() or prev.endswith("ly"):
        return False
    # a plural subject takes the bare verb ('voters back'); a singular noun makes a compound
    return not plural_subject or prev.endswith("ous")  # 'unanimous support'


_NAMING_ARTICLES = frozenset("a an another".split())


def _names_a_thing_before(text: str, ss: int, c0: int, rules: _Rules) -> bool:
    """Is 'called' at ``c0`` the participle after an indefinite noun phrase ('a firm called
    ...', 'a new group called ...', 'a German news outlet called ...'), not a speaker's verb
    ('a spokesman called the plan ...')?"""
    words = [w for _, _, w in _words(text, max(ss, c0 - 60), c0)][-4:]
    for i in range(len(words) - 2, -1, -1):
        if words[i].lower() in _NAMING_ARTICLES:
            phrase = words[i + 1 :]
            return (
                all(w.isalpha() for w in phrase)
                and phrase[-1].islower()
                and phrase[-1] not in rules.roles
            )
        if not words[i].isalpha():
            return False
    return False


def _after_light_verb(text: str, ss: int, c0: int) -> bool:
    """Is the word at ``c0`` the object of a light verb a few words before it ('made no
    mention of', 'made other public promises to'): a noun the subject says?"""
    words = _words(text, max(ss, c0 - 40), c0)[-4:]
    light = _lists()["light_verbs"]
    return any(w.lower() in light for _, _, w in words)


def _read(text, cue, span, ss, se, speech, last, rules, partials=frozenset()) -> _Found | None:
    """The content and source of the cue at ``span`` in the sentence text[ss:se], or None."""
    c0, c1 = span
    if cue.startswith("according"):
        return _according(text, cue, span, ss, se, rules)
    if cue == "in":
        return _in_poll(text, span, ss, se)
    report = _report_rules()
    if c0 > 0 and text[c0 - 1] == "-":
        return None  # 'so-called', 'self-described'
    if cue in report.seeming:
        return _seeming(text, cue, span, ss, se, rules)
    if cue == "reportedly":
        return _reportedly(text, span, ss, se, rules)
    if cue == "called" and _naming(text, ss, c0, c1, se):
        return None  # 'a group called Stop Now', 'the so called plan': a name, no speech
    if cue in report.particles and not _particle_follows(text, cue, c1, se):
        return None  # 'spoke to reporters', 'focused the debate': no stance
    if cue in _lists()["particle_cues"]:
        # 'point to' / 'point out': the particle joins the cue, the rest reads as usual
        m = _POINT_PARTICLE_RE.match(text, c1, se)
        prev = _word_before(text, ss, c0)
        if m is None or prev in _NOT_AFTER or prev[:1].isdigit() or prev in _COUNT_WORDS:
            return None
        span = c0, m.end(1)
        c1 = m.end(1)
    if " " in cue and cue.split()[0] in _lists()["stance_adjectives"]:
        return _stance_adjective(text, cue, span, ss, se, last, rules, speech)
    if cue.endswith(" as"):  # 'X is widely seen as Y': the writer's, no source
        be = _PASSIVE_BE_RE.search(text, max(ss, c0 - 30), c0)
        if be is None:
            return None
        return _seeming(text, cue, (be.start(), c1), ss, se, rules, complement=True)
    if cue == "expected":
        be = _PASSIVE_BE_RE.search(text, max(ss, c0 - 30), c0)
        if be is not None and _TO_RE.match(text, _skip_space(text, c1, se)):
            # 'The court is expected to rule soon': like 'seems to', no source
            return _seeming(text, cue, (be.start(), c1), ss, se, rules)
    prev = _word_before(text, ss, c0)
    progressive = prev in _BE and cue.endswith("ing")  # 'Smith is saying that ...'
    if progressive:
        while c0 > ss and not text[c0 - 1].isalpha():
            c0 -= 1
        while c0 > ss and text[c0 - 1].isalpha():
            c0 -= 1
        span = (c0, c1)  # the cue is 'is saying', as PolNeAR marks it
    if cue in ("report", "reports") and not _reporter_before(text, ss, c0, prev, rules):
        return None  # 'a new report that ...': the noun
    if prev in _NOT_AFTER and cue not in report.tell and not progressive:
        return None  # 'the reported deal', 'was found': no speaker of this verb
    if prev.endswith(("'s", "’s")):
        return None  # 'the mayor's hopes of'
    if _noun_reading(text, cue, c0, prev, rules) and not _after_light_verb(text, ss, c0):
        return None  # 'terrorist attacks', 'a conference call', '30 percent support'
    if cue in ("back", "backs"):
        nxt = _TOKEN_RE.match(text, _skip_space(text, c1, se))
        if nxt is None or nxt.group(0).lower().rstrip(".") in _NOT_AFTER_BACK:
            return None  # 'goes back to 2008', 'jumps back in', 'back then': an adverb
    if (
        cue == "called"
        and not _PARTICLE_RE.match(text, _skip_space(text, c1, se))
        and _names_a_thing_before(text, ss, c0, rules)
    ):
        return None  # 'a group called Citizens for Lee': a name given, no speech
    for a, b in speech:
        # the first cue after a quotation is the quotation's: '"...," said Smith, ...' /
        # '"...," Smith, a spokesman, said' ('..., he said, adding that ...' reports more);
        # a quoted fragment after words of the writer's is part of a reported content
        # ('Teachers "get it," she said.')
        if (a, b) in partials and WORD_RE.search(text, ss, a) is not None:
            continue
        if (
            ss <= b <= c0
            and len(text[b:c0].split()) <= 12
            and report.cue_re.search(text, b, c0) is None
        ):
            return None
    if cue == "asked" and prev in ("", "when", "if", "but", "and"):
        # 'Asked whether he would run, Smith said ...': a question with no asker named
        return _asked(text, span, se)
    brk = max(text.rfind(",", ss, c0), text.rfind("(", ss, c0), text.rfind("—", ss, c0))
    lead = _AS_LEAD_RE.match(text, brk + 1 if brk >= 0 else ss, c0)
    got = _as_source(text, cue, span, lead, ss, se, rules) if lead is not None else None
    if got is not None:
        return got
    if cue in _lists()["evidence_participles"] and not text[ss:c0].rstrip().endswith(","):
        return _evidence_participle(text, cue, span, ss, se, rules)
    if cue.endswith("ing") and not progressive:
        return _participle(text, cue, span, ss, se, last, rules, speech)
    got = None if _stance_only(cue, rules) else _content_first(text, cue, span, ss, se, rules)
    if got is not None:
        return got
    return _cue_first(text, cue, span, ss, se, last, rules, speech)


# 'a (new) group called ...', 'one play called ...': an indefinite noun phrase right before
_NAMED_BEFORE_RE = re.compile(r"(?:\b(?:[Aa]n?|[Oo]ne)(?:[^\S\n]+[\w’'\-]+){1,4}|\b[Ss]o)[^\S\n]+$")
# ... and a name after: 'called Stop Now', 'called "Brokers"', 'called the Open Door Fund'
_NAME_AFTER_RE = re.compile(r"[^\S\n]*(?:[\"“‘']|(?:the[^\S\n]+)?[A-Z])")


def _naming(text: str, ss: int, c0: int, c1: int, se: int) -> bool:
    """Does 'called' at text[c0:c1] name something ('a group called Stop Now', 'the so called
    plan') rather than report what someone called it?"""
    before = _NAMED_BEFORE_RE.search(text, max(ss, c0 - 60), c0)
    if before is None:
        return False
    if text[before.start() : before.start() + 2].lower() == "so":
        return True
    return _NAME_AFTER_RE.match(text, c1, se) is not None


def _particle_follows(text: str, cue: str, c1: int, se: int) -> bool:
    """Does one of the particles ``cue`` reports with follow it ('spoke about', 'focused on')?"""
    m = _TOKEN_RE.match(text, _skip_space(text, c1, se), se)
    return m is not None and m.group(0).lower() in _report_rules().particles[cue]


def _stance_only(cue: str, rules: _Rules) -> bool:
    """Is ``cue`` a verb of stance only ('backed', 'attacks'), never one of speech? Such a verb
    takes its object after it: 'CONTENT, Smith backed' is no attribution."""
    return (
        cue in _report_rules().stances
        and cue not in rules.cues
        and cue not in _lists()["reporting"]
    )


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


def _participle(text, cue, span, ss, se, last, rules, speech=()) -> _Found | None:
    """'..., saying (that) CONTENT': the sentence's speaker, the content after the cue."""
    c0, c1 = span
    lead = text[ss:c0].rstrip().rstrip("\"'’”»").rstrip()  # '... "fantastic," telling'
    if not lead.endswith((",", "—", "–", " and", " but")) and cue != "saying":
        return None
    span, after = _with_particle(text, cue, span, _skip_space(text, c1, se), se)
    start = _content_start(text, cue, after, se)
    if start is None or not _clause_ok(text, cue, start, se):
        return None
    mention = last or _sentence_subject(text, ss, c0, rules, (), None)
    start, end = _object_span(text, cue, start, _cut_clause(text, start, se, speech))
    return _Found(start, end, cue, span, mention) if end - start >= 3 else None


def _content_first(text, cue, span, ss, se, rules) -> _Found | None:
    """'CONTENT, Smith said [adjuncts].' / 'CONTENT, said Smith.' / 'CONTENT, he said, MORE.'"""
    c0, c1 = span
    lead = text[ss:c0]
    comma = max(lead.rfind(","), lead.rfind("—"), lead.rfind("–"))
    if comma < 0:
        return None
    if cue not in _lists()["cues"] and _INFINITIVE_RE.match(text, _skip_space(text, c1, se)):
        return None  # '..., Lee, who was in town, decided to leave': what follows is the content
    t0 = ss + comma + 1
    while t0 < c0 and text[t0] in _CLOSING:
        t0 += 1  # the closing mark of a quoted fragment: 'is "a gift," Smith said'
    tail = text[t0:c0]
    # '..., said former governor Ed Rendell, who ...': the speaker closes the sentence
    speaker_after = not tail.strip() and _inverted_speaker(text, cue, c1, se, rules)
    if not speaker_after and not _ends_attribution(
        text, c1, se, inverted=not tail.strip(), cue=cue
    ):
        return None  # 'In May, Smith said the plan ...': the lead is no content
    if not speaker_after and _clause_after(text, c1, se):
        return None  # '..., said the family deserved better': the clause is the content
    if not tail.strip() and not speaker_after:
        # ', said' may close an apposition ('Smith, an expert, said ...') rather than invert
        subject = _subject_before(text, max(ss, c0 - 250), c0, rules)
        if subject is not None and len(text[ss : subject[0]].split()) <= 2:
            return None
        name = _NAME_START_RE.match(text, ss, c0)
        if name is not None and rules.person_after_re.match(text, name.end()):
            return None  # 'Jill Chase, 27, a nurse in Ohio, said ...'
    if tail.split() and tail.split()[0].lower() in _CONJUNCTIONS | _RELATIVES:
        return None  # '..., and the union agreed', '..., which Smith mused about': no inversion
    rest = [w.lower() for w in tail.split()]
    while rest and (rest[-1] in rules.adverbs or rest[-1] in _lists()["cue_before"]):
        rest.pop()
    if rest and rest[-1] in _RELATIVES:
        return None  # 'Lee, a senator who has refused ...': a relative clause, no inversion
    if tail.split():
        mention = _cut_subject(text, t0, c0, rules, True, False)
        if mention is None:
            mention = _noun_phrase(text, t0, c0, rules)
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


def _clause_after(text: str, c1: int, se: int) -> bool:
    """Does a clause follow the cue ('the family deserved better', 'the plan is sound'): a
    finite verb or a past form among the first words, before any comma?"""
    comma = text.find(",", c1, se)
    words = [w for _, _, w in _words(text, c1, comma if comma >= 0 else se)][:8]
    if not words or words[0].lower() in _SUBJECT_PRONOUNS:
        return bool(words)
    return any(
        w.lower() in _FINITE or (w.islower() and len(w) > 3 and w.endswith("ed")) for w in words[1:]
    )


def _inverted_speaker(text: str, cue: str, c1: int, se: int, rules: _Rules) -> bool:
    """Is what follows the cue a speaker closing the sentence ('..., said the company's chief
    executive, Ann Lee.', '..., said former governor Ed Rendell, who ...')? A short phrase with
    a name or a person's role and no finite verb, up to a comma or the sentence end."""
    if cue not in _INVERTING:
        return False
    comma = text.find(",", c1, se)
    words = [w for _, _, w in _words(text, c1, comma if comma >= 0 else se)]
    if not words or len(words) > 6 or any(w.lower() in _FINITE for w in words):
        return False
    if any(w.islower() and len(w) > 3 and w.endswith("ed") for w in words[1:]):
        return False  # '..., said the Khan family deserved better': a clause
    first = words[0].lower()
    if first in _SUBJECT_PRONOUNS or first in _report_rules().openers:
        return False  # '..., said he expects ...', '..., said that ...'
    if not (words[0][:1].isupper() or first in _INVERTED_OPENERS or first in rules.roles):
        return False
    if comma >= 0:
        nxt = _TOKEN_RE.search(text, comma + 1, se)
        if nxt is None or nxt.group(0).lower() not in _APPOSITION_STARTS:
            return False  # '..., said Smith, the plan ...'
    return any(w[:1].isupper() or w.lower() in rules.roles for w in words)


def _is_adjunct(text: str, s: int, e: int) -> bool:
    words = text[s:e].lower().split()
    return len(words) <= 3 and (
        words[0] in _report_rules().adjuncts or words[-1] in _TIME_WORDS or words[0] in ("still",)
    )


def _ends_attribution(
    text: str, c1: int, se: int, inverted: bool = True, cue: str | None = None
) -> bool:
    """After a cue that closes its sentence: nothing, or only adjuncts ('in a statement', 'on
    Monday'), a listener ('told reporters') or an inverted speaker ('said Smith').
    ``inverted=False``: the subject stands before the cue, so only a tell verb ('told the
    Post') has a noun phrase after it."""
    rest = text[c1:se].strip()
    if not rest or rest[0] in ",;—–(":
        return True
    if re.search(r"\bthat\b", rest):
        return False
    first = rest.split(None, 1)[0].lower().strip(",.")
    if first in _report_rules().adjuncts or first == "reporters":
        return True
    if not inverted and cue not in _report_rules().tell:
        return False
    return first in ("the", "a", "an") or rest[0].isupper()


def _cue_first(text, cue, span, ss, se, last, rules, speech=()) -> _Found | None:
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
        evidence = _evidence_before(text, ss, c0, rules)
        if evidence is None:
            return None
        mention = mention or evidence
    end = _cut_clause(text, start, se, speech)
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
        # 'pointed out that', 'railed against': a particle joins any cue; so does the 'to' of
        # 'responded to' / 'referred to' (the [cue_particles] list)
        m = _ANY_PARTICLE_RE.match(text, after, se)
        if m is None and cue + "_to" in _lists()["cue_particles"]:
            m = _TO_RE.match(text, after, se)
        if m is None:
            return span, after
        return (span[0], after + len(m.group(1))), _skip_space(text, m.end(), se)
    m = _PARTICLE_RE.match(text, after, se)
    if m is None and cue.startswith(("refer", "point")):
        m = _TO_RE.match(text, after, se)
    if m is None:
        return span, after
    return (span[0], after + len(m.group(1))), _skip_space(text, m.end(), se)


def _object_span(text: str, cue: str, start: int, end: int) -> tuple[int, int]:
    """A stance verb's content is its object, not a clause: 'criticized the plan, which ...'
    ends at the comma, and 'urged them to act' is 'to act'."""
    report = _report_rules()
    if cue not in report.stances:
        if cue not in _lists()["object_cues"] or _clause_ok(text, "think", start, end):
            return start, end  # 'announced that ...': the clause runs on
    for brk in _OBJECT_END_RE.finditer(text, start, end):
        if text[brk.start()] == "," and _list_goes_on(text, start, brk.end(), end):
            continue  # 'backed higher wages, cheaper care and free college'
        end = brk.start()
        break
    first = _OBJECT_PRONOUN_RE.match(text, start, end)
    return (first.end() if first is not None else start), end


_LIST_ITEM_RE = re.compile(r"[^\S\n]*(?P<w>[\w’'-]+)")
_NOT_LIST_ITEM = (
    _RELATIVES
    | _CONJUNCTIONS
    | _SUBJECT_PRONOUNS
    | frozenset(
        "the a an as in on at for with to from by if when where even not so than after before "
        "despite although though saying".split()
    )
)


def _list_goes_on(text: str, start: int, p: int, end: int) -> bool:
    """After a comma in a stance verb's object text[start:p]: does a list of objects go on
    ('including ...', or items up to an 'and' / 'or') rather than a new phrase ('which ...',
    'the ...', a participle unless the first item is a gerund too)?"""
    m = _LIST_ITEM_RE.match(text, p, end)
    if m is None:
        return False
    w = m.group("w").lower()
    if w == "including":
        return True
    first = _LIST_ITEM_RE.match(text, start, p)  # None when the object opens with a mark
    gerunds = first is not None and first.group("w").endswith("ing")
    if w in _NOT_LIST_ITEM or (w.endswith("ing") and len(w) > 5 and not gerunds):
        return False
    # short items up to the one with 'and' / 'or', none holding a cue of its own
    stop = _OBJECT_END_RE.search(text, m.end(), end)
    rest = text[p : stop.start() if stop and text[stop.start()] != "," else end]
    for item in rest.split(","):
        words = item.split()
        if len(words) > 10 or _report_rules().cue_re.search(item):
            return False
        if "and" in words or "or" in words:
            return True
    return False


def _clause_ok(text: str, cue: str, start: int, se: int, mention=None) -> bool:
    """Verbs such as 'show', 'found', 'added' report only when a clause follows, except after
    a source that is a thing ('the poll showed Smith ahead')."""
    report = _report_rules()
    if cue in report.infinitive and _INFINITIVE_RE.match(text, start, se):
        return True  # 'hopes to win'
    if cue not in report.needs_clause and cue not in report.infinitive:
        return True
    if mention is not None and cue in report.findings and _names_a_thing(text, mention):
        return True
    words = text[start:se].split(None, 1)
    first = words[0].lower() if words else ""
    return first in report.openers or first in _SUBJECT_PRONOUNS or _noun_clause(text, start, se)


# the finite verbs and auxiliaries that show a clause: 'think the plan is ...', 'show Smith has'
_FINITE = frozenset(
    "is are was were will would can could should may might must has have had does did do "
    "isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't "
    "doesn't didn't don't isn’t aren’t wasn’t weren’t won’t wouldn’t can’t couldn’t shouldn’t "
    "hasn’t haven’t hadn’t doesn’t didn’t don’t".split()
)
_NOT_IN_SUBJECT = _SUBJECT_PRONOUNS | _RELATIVES | frozenset("you him her them me us".split())


def _noun_clause(text: str, start: int, se: int) -> bool:
    """Does a clause with a noun-phrase subject start here ('the plan is sound', 'Smith will
    win')? A finite verb or auxiliary within the first six words, after words that are no
    pronoun, relative or preposition."""
    end = min(se, start + 120)
    brk = _OBJECT_END_RE.search(text, start, end)
    words = [w.lower() for _, _, w in _words(text, start, brk.start() if brk else end)][:7]
    if not words or words[0] in _report_rules().adjuncts or words[0] in _NOT_NOUN_PHRASE:
        return False
    for w in words[1:]:
        if w in _FINITE:
            return True
        if w in _NOT_IN_SUBJECT:
            return False
    return False


def _indefinite(text: str, start: int, end: int) -> bool:
    words = text[start:end].split(None, 3)  # four words are too many already
    return not words or (len(words) <= 3 and words[0].lower() in _INDEFINITE)


def _names_a_thing(text: str, mention) -> bool:
    """Is the mention a description whose head is a document or finding ('a new poll')?"""
    if mention[2] != "desc":
        return False
    head = text[mention[0] : mention[1]].split()[-1].lower().strip(".,'’")
    return head.rstrip("s") in _lists()["sources"] or head in _lists()["sources"]


def _cut_clause(text: str, start: int, se: int, quoted=()) -> int:
    """Content ends at the sentence end, before ', according to X' / ', adding ...', or before
    another speaker's attribution (', one analyst said'); ``quoted``: the quotations (marks
    included), whose words are the speaker's, never a break."""
    end = se
    for m in _CLAUSE_BREAK_RE.finditer(text, start, se):
        if not _inside_quotation(text, m.start(), quoted):
            end = m.start()
            break
    for cue in _report_rules().cue_re.finditer(text, start, end):
        if _within(cue.start(), quoted):
            continue
        comma = text.rfind(",", start, cue.start())
        if comma > start and _inside_quotation(text, comma, quoted):
            comma = -1
        tail = text[comma + 1 : cue.start()].lower().split() if comma > start else []
        if comma > start and len(tail) <= 5 and _inverts(cue.group(0).lower(), tail):
            if _ends_attribution(text, cue.end(), se):
                return _trim_end(text, start, comma)
        # '... - but she also insisted that ...': another speaker's clause
        m = _NEW_CLAUSE_RE.search(text, max(start, cue.start() - 40), cue.start())
        if m is not None and not _reads_content(text, cue, se):
            m = None
        if m is None:
            # '... and urged that ...': the speaker's next verb, a cue of its own
            m = _COORDINATED_RE.search(text, max(start, cue.start() - 40), cue.start())
            if m is None and cue.group(0).lower() not in _report_rules().stances:
                # '..., while nine in ten said ...': a new clause with a subject of its own
                m = _new_subject(text, start, cue.start())
            if m is not None and not _reads_content(text, cue, se):
                m = None
        if m is not None and m.start() > start:
            return _trim_end(text, start, m.start())
    return end


def _opens_participle(text: str, piece: tuple[int, int]) -> bool:
    """Does the piece start with a participle ('adding that ...'), a cue of its own?"""
    m = _TOKEN_RE.match(text, piece[0], piece[1])
    return m is not None and m.group(0).lower().endswith("ing")


def _inverts(cue: str, tail: list[str]) -> bool:
    """Can ', TAIL CUE' close a content as its attribution (', one analyst said')? Not after a
    conjunction (', but found ...') or in a passive (', he is often asked ...')."""
    if not tail:
        return True  # ', saying ...', ', said Smith'
    return tail[0] not in _CONJUNCTIONS and _BE.isdisjoint(tail)


def _reads_content(text: str, m: re.Match, se: int) -> bool:
    """Does the cue ``m`` read a content of its own after it?"""
    cue = m.group(0).lower()
    after = _skip_space(text, m.end(), se)
    if cue.startswith("according") or after >= se or text[after] in ",.;:)":
        return False
    span, after = _with_particle(text, cue, m.span(), after, se)
    start = _content_start(text, cue, after, se)
    return start is not None and _clause_ok(text, cue, start, se)


_CLAUSE_OPEN_RE = re.compile(r"(?:;|,[^\S\n]+(?:and|but|while|whereas|although|though))[^\S\n]+")


def _new_subject(text: str, start: int, c0: int) -> re.Match | None:
    """The clause break before a cue in text[start:c0] when only a short noun phrase, the cue's
    subject, lies between them ('..., but most voters said'), or None."""
    opens = list(_CLAUSE_OPEN_RE.finditer(text, max(start, c0 - 90), c0))
    if not opens or opens[-1].start() <= start:
        return None
    m = opens[-1]
    words = text[m.end() : c0].lower().split()
    cue_before = _lists()["cue_before"]
    while words and words[-1] in cue_before:
        words.pop()
    if not words or len(words) > 8 or words[0] in _RELATIVES:
        return None
    if any(w in _NOT_NOUN_PHRASE or w in _SUBJECT_PRONOUNS for w in words[1:]):
        return None
    return m


def _content_start(text: str, cue: str, p: int, se: int) -> int | None:
    """Where the content starts after the cue: at 'that' / 'whether' when one opens it, after a
    listener ('told reporters') or a time or place phrase ('said on Tuesday that')."""
    report = _report_rules()
    m = _TOKEN_RE.search(text, p, se)
    if m is None:
        return None
    first = m.group(0).lower()
    if first in report.openers or (
        cue not in report.tell and _INFINITIVE_RE.match(text, m.start())
    ):
        return m.start()  # 'that ...', 'to win the seat'
    if cue in report.stances:
        to = _infinitive(text, p, se)
        if to is not None:
            return to
    if cue in report.tell or first in report.adjuncts:
        words = _words(text, p, min(se, p + 200))  # 'that' is looked for in the first words
        for a, _, w in words[:15]:
            if w.lower() in _AFTER_LISTENER:
                return a
            lead = text[words[0][0] : a]
            if lead.count(",") > 1:
                break
            if w.lower() in _SUBJECT_PRONOUNS and "," not in lead and w != "it":
                break  # 'told AP he was ... and that ...': the content has begun
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


_SHARE_RE = re.compile(r"\d[\d.,]*")

_BEFORE_TO = frozenset("not never also again still".split()) | _TIME_WORDS


def _infinitive(text: str, p: int, se: int) -> int | None:
    """Where 'to' opens a stance verb's infinitive content right after it ('vowed to fight',
    'declined last week to comment', 'would prefer not to say'), or None: the content starts
    at 'to', after any time phrase or negation (an object stays in: 'urged voters to act')."""
    to = _TO_WORD_RE.search(text, p, min(se, p + 50))
    if to is None:
        return None
    before = text[p : to.start()].lower().split()
    adjuncts = _report_rules().adjuncts
    if len(before) > 4 or any(
        w not in adjuncts and w.rstrip("s") not in _BEFORE_TO and not w[:1].isdigit()
        for w in before
    ):
        return None
    nxt = _TOKEN_RE.search(text, to.end(), min(se, to.end() + 40))
    if nxt is None or not nxt.group(0)[:1].islower() or nxt.group(0) in _NOT_VERB_AFTER_TO:
        return None
    return to.start()


_TO_WORD_RE = re.compile(r"\bto\b")


# Words after 'to' that make it a preposition, not an infinitive ('referred to the plan').
_NOT_VERB_AFTER_TO = frozenset(
    "the a an his her their its our my your this that these those some any all each every "
    "him them us me it one two three many more most other such no".split()
)


def _noun_phrase(text: str, s: int, e: int, rules: _Rules):
    """A plain noun phrase right before a cue ('legal experts', 'many economists'), as a
    description mention, or None."""
    words = _words(text, s, e)
    while words and words[-1][2].lower() in rules.adverbs:
        words.pop()
    while words and words[0][2].lower() in _CONJUNCTIONS:
        words.pop(0)  # 'But early ratings data suggests ...'
    if not words or len(words) > 6:
        return None
    lower = [w.lower() for _, _, w in words]
    if any(w in _NOT_NOUN_PHRASE for w in lower):
        return None
    if lower[-1] == "percent":
        return words[0][0], words[-1][1], "desc"  # 'about 30 percent say'
    if _SHARE_RE.fullmatch(lower[-1]) and text.startswith("%", words[-1][1]):
        return words[0][0], words[-1][1] + 1, "desc"  # '42% say'
    if not lower[-1].isalpha() or len(lower[-1]) < 3:
        return None
    return words[0][0], words[-1][1], "desc"


# The frames read beside the plain ones (newslib/quotes/frames.py builds on the helpers above,
# so it is imported last).
from .frames import (  # noqa: E402
    _AS_LEAD_RE,
    _PASSIVE_BE_RE,
    _as_source,
    _asked,
    _evidence_before,
    _evidence_participle,
    _headline_verb,
    _in_poll,
    _reportedly,
    _reporter_before,
    _seeming,
    _stance_adjective,
)
