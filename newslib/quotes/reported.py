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

This module is the driver: ``_reported`` walks the sentences, ``_read`` takes each cue to the
reader of its shape and the closing attributions, headlines and polls are read here. The
readers live beside it: ``cue_first`` ("Smith said (that) CONTENT"), ``content_first``
("CONTENT, Smith said"), ``according`` ("according to Smith"), ``nouns`` (cues that are nouns)
and ``frames`` (the rarer shapes); each returns a ``found._Found``. None of them imports this
module.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..text import WORD_RE
from .according import _according
from .attribution import _RUN_ON_RE, _TIME_WORDS, _TOKEN_RE
from .clauses import (
    _AUXILIARIES,
    _BE,
    _CLOSING,
    _NOT_NOUN_PHRASE,
    _PARTICLE_RE,
    _SUBJECT_PRONOUNS,
    _TO_RE,
    _TRAILING,
    _before_main_verb,
    _clause_ok,
    _content_start,
    _cut_clause,
    _ends_attribution,
    _find_cues,
    _first_words,
    _inverts,
    _noun_phrase,
    _object_span,
    _opens_participle,
    _report_rules,
    _simple_verb,
    _skip_space,
    _trim_end,
    _with_particle,
    _within,
    _word_before,
)
from .content_first import _content_first, _inverted_speaker
from .cue_first import _cue_first
from .cues import _alternation, _lists, _Rules
from .found import _Found
from .frames import (
    _AS_LEAD_RE,
    _PASSIVE_BE_RE,
    _as_source,
    _asked,
    _evidence_participle,
    _headline_verb,
    _in_poll,
    _opening_participle,
    _opening_participles,
    _passive_stance,
    _poll_after,
    _reportedly,
    _reporter_before,
    _seeming,
    _stance_adjective,
    _to_view,
)
from .marks import _Quote
from .near import _FEW_SPANS, _extent, _inside, _SpanIndex, _window
from .nouns import _light_verb_start, _names_a_thing_before, _noun_cues, _noun_reading, _speech_noun
from .sentences import _sentence_starts
from .sources import _names_speakers, _source_words
from .subjects import _sentence_subject

# A title's label before its colon with lower-case words too (up to eight words): 'Lee at
# the rally: ...', 'Party leaders' warning: ...'.
_LABEL_PLACE_RE = re.compile(r"[^\S\n]+(?:at|on|in|to|about|for|after|with|over)[^\S\n]")
_TITLE_LABEL_RE = re.compile(
    r"(?P<src>[A-Z][\w.&'’\-]*(?:[^\S\n]+[\w.&'’\-]+){0,7})(?P<colon>:)[^\S\n]+(?=\S)"
)
# A headline-style 'Source: what they said' paragraph (up to five capitalised words).
_HEADLINE_RE = re.compile(
    r"(?P<src>[A-Z][\w.&'’\-]*(?:[^\S\n]+[A-Z][\w.&'’\-]*){0,4})(?P<colon>:)[^\S\n]+(?=\S)"
)


# Words before a cue that make it no verb of a speaker ("the reported deal", "was found").
_NOT_AFTER = frozenset(
    "the a an this that these those his her their its our my your is was were are be been "
    "being".split()
)
_NOT_AFTER_BACK = frozenset(
    "in to on at into from and then nearly down away off up out home over by when where again "
    "and forth".split()
)
_POINT_PARTICLE_RE = re.compile(r"[^\S\n]+(to|out)\b")
_COUNT_WORDS = frozenset("one two three four five six seven eight nine ten percentage".split())


# a news agency's dateline opening a paragraph: 'LIMA, Ohio, May 2 (AP) — ', 'BOSTON - '
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'\-]{2,}(?:,[^\S\n]+[A-Z][\w.]*(?:[^\S\n]+[A-Z][\w.]*)*)*"
    r"(?:,?[^\S\n]+[A-Z][a-z]{2,4}\.?[^\S\n]+\d{1,2})?(?:[^\S\n]+\([\w .]+\))?"
    r"[^\S\n]+[—–-]{1,2}[^\S\n]+"
)


def _reported(text: str, paras, found: list[_Quote], rules: _Rules) -> list[_Quote]:
    """The reported speech of one article as ``indirect`` pieces (``_Quote`` objects whose
    marks are their own bounds), in text order; ``found`` are the article's quotations."""
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
    # _closing_cue picks no cue but the last unless one reads 'according' (any case): without
    # the word in the article, its answer is known
    according = "according" in text.lower()
    # _polls_after finds nothing in a paragraph without 'poll', 'survey' or 'To ' (its first
    # test), so nothing in an article without them
    polls = "poll" in text or "survey" in text or "To " in text
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
        pieces += _opening_participles(text, lo, hi, marks, claimed, speech, rules)
        cues = list(_find_cues(text, lo, hi))
        if not cues:
            pieces += _noun_cues(text, lo, hi, None, marks, claimed, rules)
            if polls:
                pieces += _polls_after(text, lo, hi, None, claimed, marks)
            _pieces_out(text, pieces, index, lo, hi, out)
            continue
        starts = _sentence_starts(text, lo, hi)
        by_sentence: dict[int, list[re.Match]] = {}
        for m in cues:
            by_sentence.setdefault(bisect_right(starts, m.start()) - 1, []).append(m)
        # a long paragraph: each sentence reads only the spans near it (the same answers)
        near = None
        if len(marks) + len(claimed) + len(cues) > _FEW_SPANS:
            near = _SpanIndex(marks), _SpanIndex(speech), _SpanIndex(claimed)
        for si, sentence_cues in by_sentence.items():
            ss = starts[si]
            se = _trim_end(text, ss, starts[si + 1] if si + 1 < len(starts) else hi)
            s_marks, s_speech, s_claimed = marks, speech, claimed
            if near is not None:
                w0, w1 = _window(near[0], ss, se)
                s_marks, s_speech, s_claimed = (index.near(w0, w1) for index in near)
            last = None
            first = None
            tried: dict = {}  # the last cue's reading _closing_attribution made and turned down
            closing = sentence_cues[-1]
            if len(sentence_cues) > 1:
                if according:
                    closing = _closing_cue(text, sentence_cues, ss, se)
                first = _closing_attribution(
                    text, closing, ss, se, s_marks, s_claimed, s_speech, rules, partials, tried
                )
            for m in (
                sentence_cues
                if first is None
                else [closing, *(c for c in sentence_cues if c.start() < closing.start())]
            ):
                c0 = m.start()
                if m.end() > se:
                    continue
                taken = s_claimed if near is None else near[2].near(c0, c0)
                if _within(c0, s_marks) or _within(c0, taken):
                    continue  # a quoted speaker's own words, or content already found
                if first is not None and m is sentence_cues[-1]:
                    got = first
                elif last is None and m in tried:
                    got = tried[m]  # the same call (no mention read yet): the same reading
                else:
                    got = _read(
                        text, m.group(0).lower(), m.span(), ss, se, s_speech, last, rules, partials
                    )
                if got is None:
                    continue
                q_speech = s_speech
                if near is not None and not _inside(got, w0, w1):
                    q_speech = speech  # it reaches out of the window: all
                got.end = _past_quotation(text, got.start, got.end, q_speech)
                got.end = _to_closing_mark(text, got.end, q_speech)
                if got.more is None and got.start >= m.end() and _in_subordinate(text, ss, c0):
                    got.end = _subordinate_end(text, got.start, got.end, q_speech)
                got.end = _summary_end(text, got.start, got.end, q_speech)
                # a scare quote opening the content keeps its opening mark too ('says "Fake"
                # news ...'): all the paragraph's marks
                q_marks = s_marks if q_speech is s_speech else marks
                got.start = _from_opening_mark(text, got.start, got.end, q_marks)
                if got.more is not None:
                    got.more = (got.more[0], _to_closing_mark(text, got.more[1], q_speech))
                if got.start == lo and (dateline := _DATELINE_RE.match(text, lo, got.end)):
                    got.start = dateline.end()  # 'LIMA, Ohio (AP) — CONTENT, X said.'
                if _only_quotations(text, got.start, got.end, q_speech):
                    continue
                q_claimed = claimed if near is None else near[2].near(*_extent(got))
                if _overlaps(got, q_claimed) and got.more and not _opens_participle(text, got.more):
                    # 'X said A, he said, B': A is another piece's, B is this cue's
                    got.start, got.end, got.more = *got.more, None
                if _overlaps(got, q_claimed):
                    continue  # one piece of reported speech holds no other
                pieces.append(got)
                for span in [(got.start, got.end), *([got.more] if got.more else [])]:
                    if near is None:
                        claimed.append(span)
                    else:
                        near[2].append(span)  # onto claimed itself, indexed
                if got.mention is not None:
                    last = got.mention
        pieces += _noun_cues(text, lo, hi, starts, marks, claimed, rules)
        if polls:
            pieces += _polls_after(text, lo, hi, starts, claimed, marks)
        pieces.sort(key=lambda got: got.start)
        _pieces_out(text, pieces, index, lo, hi, out)
    return out


# what ends an 'according to' source: a mark, or a comma and a conjunction opening another
# clause ('..., according to aides, and officials said ...')
_SOURCE_BREAK_RE = re.compile(r"[;:\"“”]|,[^\S\n]+(?:and|but|while|yet|though|although|whereas)\b")
_COMMA_WORD_RE = re.compile(r"([\w’'-]+)[^\S\n]*,[\"”’']*[^\S\n]*$")


def _closing_cue(text: str, sentence_cues: list[re.Match], ss: int, se: int) -> re.Match:
    """The cue that may close its sentence as the attribution of all before it: the last one,
    or the last 'according to' when the later cues belong to its source ('CONTENT, according
    to court documents reported by the Post.', '..., according to press reports.') or when it
    opens the sentence ('According to X, CONTENT': no later cue closes the sentence).

    >>> t = "Lee won, according to records reported by the Post."
    >>> ms = list(re.finditer(r"according to|reported", t))
    >>> _closing_cue(t, ms, 0, len(t) - 1).group(0)
    'according to'
    """
    for m in reversed(sentence_cues[:-1]):
        if m.group(0)[:1] in "Aa" and m.group(0).lower().startswith("according"):
            if not text[ss : m.start()].strip():
                return m
            lead = _COMMA_WORD_RE.search(text, max(0, m.start() - 40), m.start())
            if (
                lead is not None
                and lead.group(1).lower() not in _NOT_NOUN_PHRASE  # 'reported that, according'
                and _SOURCE_BREAK_RE.search(text, m.end(), se) is None
            ):
                return m
            break
    return sentence_cues[-1]


def _polls_after(text: str, lo: int, hi: int, starts, claimed, marks) -> list[_Found]:
    """The paragraph's sentences closed by a poll ('Lee had 38 percent in a new poll.', see
    ``frames._poll_after``) that hold no other reported speech nor quotation."""
    # the same tests as '"poll" in text[lo:hi]', without copying the paragraph
    polls = text.find("poll", lo, hi) >= 0 or text.find("survey", lo, hi) >= 0
    if not polls and text.find("To ", lo, hi) < 0:
        return []
    if starts is None:
        starts = _sentence_starts(text, lo, hi)
    found = []
    taken = claimed + marks  # neither changes in this loop
    for si, ss in enumerate(starts):
        se = _trim_end(text, ss, starts[si + 1] if si + 1 < len(starts) else hi)
        if any(ss < b and a < se for a, b in taken):  # _overlaps of the sentence, no _Found made
            continue
        got = _poll_after(text, ss, se) if polls else None
        if got is None and text.startswith("To ", ss):
            got = _to_view(text, ss, se)
        if got is not None:
            found.append(got)
    return found


def _closing_attribution(text, m, ss, se, marks, claimed, speech, rules, partials, tried=None):
    """The reading of the sentence's last cue when it closes the sentence as its attribution
    ('CONTENT, the report said.' / 'CONTENT, according to X.'): read before the cues inside
    CONTENT, whose own readings it holds; else None. A reading made and turned down is kept in
    ``tried`` (by the cue's match), for the caller to reuse."""
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
        if tried is not None:
            tried[m] = got
        return None
    return got


def _pieces_out(text: str, pieces: list[_Found], index: int, lo: int, hi: int, out: list) -> None:
    """Append a paragraph's found reported speech to ``out`` as ``indirect`` pieces."""
    for got in pieces:
        spans = [(got.start, got.end), *([got.more] if got.more else [])]
        head = _relative_head(text, lo, got)
        if head is not None:
            spans.insert(0, head)  # 'the plan, which Lee said was costly': 'which' too
        for s, e in [line for a, b in spans for line in _lines(text, a, b)]:
            q = _Quote(s, e, s, e, index, lo, hi, chain=-1, words=WORD_RE.findall(text, s, e))
            q.kind = "indirect"
            q.cue, q.cue_span = got.cue, got.cue_span
            if got.mention is not None:
                q.mention, q.mention_kind = got.mention[:2], got.mention[2]
            out.append(q)


_RELATIVE_HEADS = frozenset("which what whom who that".split())
# '..., a step they believe could help': a noun phrase after a comma or dash, then the source
_CONTACT_HEAD_RE = re.compile(
    r"[,—–][^\S\n]+(?P<np>(?:an?|something|one)\b[^,;:—–\n\"“”]{0,40}?)[^\S\n]+$"
)
_GAP_RE = re.compile(r"(?:will|would|could|can|might|may|should|was|were|is|are|has|had|have)\b")


def _relative_head(text: str, lo: int, got: _Found) -> tuple[int, int] | None:
    """The relative pronoun whose clause the attribution sits in, when the source comes right
    after it and the content after the cue: 'which' in 'the plan, which Lee said was costly',
    'what' in 'what Lee calls a scandal'; 'that' only before a clause with no subject ('a job
    that experts say is gone'), not 'he argued that Lee said it was gone'. With no pronoun,
    before such a clause, the noun phrase after a comma ('..., a step Lee hopes will help':
    'a step'). None otherwise.

    >>> t = "The plan, which Ann Lee said was costly, failed."
    >>> c = t.index("said")
    >>> got = _Found(c + 5, t.index(","), "said", (c, c + 4), (10 + 6, c - 1, "name"))
    >>> _relative_head(t, 0, got)
    (10, 15)
    >>> got.mention = (0, 7, "name")
    >>> _relative_head("Ann Lee said it was costly.", 0, got) is None
    True
    >>> t = "Roe cut it, a step Ann Lee hopes will help."
    >>> c = t.index("hopes")
    >>> got = _Found(c + 6, len(t) - 1, "hopes", (c, c + 5), (t.index("Ann"), c - 1, "name"))
    >>> t[slice(*_relative_head(t, 0, got))]
    'a step'
    """
    m, cue = got.mention, got.cue_span
    if m is None or cue is None or got.more is not None:
        return None
    if not (m[1] <= cue[0] and cue[1] <= got.start) or m[2] == "rel":
        return None
    e = m[0]
    while e > lo and text[e - 1] == " ":
        e -= 1
    b = e
    while b > lo and text[b - 1].isalpha():
        b -= 1
    if e == m[0] or e - b < 3:
        return None
    word = text[b:e].lower()
    if word not in _RELATIVE_HEADS and _GAP_RE.match(text, got.start):
        # '..., a step they believe could help': the noun phrase the clause hangs on
        np = _CONTACT_HEAD_RE.search(text, max(lo, m[0] - 60), m[0])
        return None if np is None else np.span("np")
    if word not in _RELATIVE_HEADS or (word == "that" and not _GAP_RE.match(text, got.start)):
        return None
    if word in ("which", "whom") and not _GAP_RE.match(text, got.start):
        if _after_preposition(text, lo, b):
            # 'the vote, after which Lee said the pier would close': no piece of it ('about
            # what Lee told them': 'what' is what she told, still a piece)
            return None
    return b, e


def _after_preposition(text: str, lo: int, b: int) -> bool:
    """Is the word before text[b] (from ``lo``) a preposition ('after which', 'in which')?

    >>> t = "a vote, after which"
    >>> _after_preposition(t, 0, t.index("which")), _after_preposition(t, 0, t.index("after"))
    (True, False)
    """
    words = text[lo:b].split()
    lists = _lists()
    return bool(words) and (
        words[-1].lower() in lists["adjuncts"] or words[-1].lower() in lists["prepositions"]
    )


def _lines(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The pieces of a reported content, one per line: a content does not run over a line
    break ('Bayview port reopens;\\nBoard vote ends strike, Lee says' is two pieces of Lee's
    attribution, not one span). Each piece ends before the spaces and the comma, semicolon or
    colon that close its line; a line with no word is no piece. A line break before a
    lower-case word is no break: the lines of a hard-wrapped sentence are one piece. Without a
    line break, or when no line has a word, the one span [s, e).

    >>> text = "Port reopens;\\nVote ends strike, Lee says."
    >>> [text[a:b] for a, b in _lines(text, 0, 30)]
    ['Port reopens', 'Vote ends strike']
    >>> _lines("Lee said the port reopens.", 9, 25)
    [(9, 25)]
    >>> _lines("Lee said the port\\nreopens.", 9, 25)
    [(9, 25)]
    """
    if "\n" not in text[s:e]:
        return [(s, e)]
    bounds, a = [], s
    for m in _LINE_BREAK_RE.finditer(text, s, e):
        if m.end() < e and text[m.end()].islower():
            continue  # a hard-wrapped sentence goes on ('the pier\nwill open'): no break
        bounds.append((a, m.start()))
        a = m.end()
    bounds.append((a, e))
    pieces = []
    for a, b in bounds:
        b = a + len(text[a:b].rstrip(" \t,;:"))
        if WORD_RE.search(text, a, b):
            pieces.append((a, b))
    return pieces or [(s, e)]


_LINE_BREAK_RE = re.compile(r"[^\S\n]*\n\s*")


def _overlaps(got: _Found, spans) -> bool:
    # plain loops: a paragraph's claimed spans are tested for every piece found in it
    s, e = got.start, got.end
    for a, b in spans:
        if s < b and a < e:
            return True
    if got.more:
        s, e = got.more
        for a, b in spans:
            if s < b and a < e:
                return True
    return False


def _past_quotation(text: str, s: int, e: int, speech) -> int:
    """A content that ends inside a quotation opened within it runs to the quotation's end
    ('said the plan "will fail. It is doomed," he said' is one content)."""
    for a, b in speech:
        if s <= a < e < b:
            while b > e and text[b - 1] in _CLOSING:
                b -= 1
            return max(b, e)
    return e


_BREAK_RE = re.compile(r"[,.;:!?—–()\"“”\n]")
# everything up to the last of those breaks (one match, no list of every break)
_LAST_BREAK_RE = re.compile(r"(?s:.*)" + _BREAK_RE.pattern)


def _in_subordinate(text: str, ss: int, c0: int) -> bool:
    """Does the cue at c0 stand in a subordinate clause of its own, one that opens with a
    [subordinators] word ('While Lee said ..., the council ...', '..., after Kim argued ...')?

    >>> _in_subordinate("While Lee said the plan works, the council voted no.", 0, 10)
    True
    """
    lo = max(ss, c0 - 120)
    last = _LAST_BREAK_RE.match(text, lo, c0)  # the words after the last break matter
    words = text[last.end() if last else lo : c0].lower().split(None, 2)
    if words and words[0] in _lists()["opening_subordinators"]:
        # 'When Lee said ..., the council ...' opening the sentence, not '..., when Lee said'
        return last is None and lo == ss
    if not words or words[0] not in _lists()["subordinators"]:
        return False
    return words[0] != "even" or (len(words) > 1 and words[1] in ("as", "though", "if"))


_SUBORDINATE_END_RE = re.compile(r",([\"”’']*)[^\S\n]")


def _subordinate_end(text: str, s: int, e: int, speech) -> int:
    """The end of a content read in a subordinate clause: the clause's closing comma, outside
    any quotation ('While Lee said the plan works, the council voted no': 'the plan works')."""
    for m in _SUBORDINATE_END_RE.finditer(text, s, e):
        if m.group(1):  # ',"': the clause ends with a quotation, which stays whole in it
            if any(b == m.end(1) for _, b in speech):
                return m.start() + 1
        elif not any(a <= m.start() < b for a, b in speech):
            return _trim_end(text, s, m.start())
    return e


# ', a charge that ...', ', an increase of ...': a noun phrase summing up what came before
_SUMMARY_RE = re.compile(r",[^\S\n]+an?[^\S\n]+(?:[\w-]+[^\S\n]+){1,2}?(?P<w>that|which|who|of)\b")


def _summary_end(text: str, s: int, e: int, speech) -> int:
    """A content ends before a noun phrase that sums it up ('Lee said the vote was rigged, a
    claim that drew scorn' is the writer's, not Lee's: 'the vote was rigged'); a phrase with
    'of' only when it closes the content ('Ann Lee, a member of the board, said ...' is no
    summary).

    >>> t = "Lee said the vote was rigged, a claim that drew wide scorn."
    >>> t[9:_summary_end(t, 9, 58, [])]
    'the vote was rigged'
    """
    m = _SUMMARY_RE.search(text, s, e)
    if m is None or any(a <= m.start() < b for a, b in speech):
        return e
    if m.group("w") == "of" and "," in text[m.end() : e]:
        return e
    return _trim_end(text, s, m.start())


_MARKS = "\"'’”»"  # closing quotation marks


def _to_closing_mark(text: str, e: int, speech) -> int:
    """A content that ends inside a quotation, before nothing but its closing punctuation,
    runs to the closing mark, so that the quotation lies inside it ('are "sound," said Lee':
    the content holds 'sound,' as its quotation does).

    >>> _to_closing_mark('Rules are "sound," said Lee.', 16, [(10, 18)])
    17
    """
    for a, b in speech:  # (opening mark, end of the closing mark)
        if a < e < b:
            k = b
            while k > e and text[k - 1] in _MARKS:
                k -= 1
            return k if k > e and not text[e:k].strip(_TRAILING) else e
    return e


def _from_opening_mark(text: str, s: int, e: int, speech) -> int:
    """A content that opens with a quotation closing inside it starts at the opening mark,
    as it holds the closing one ('Roe said "the new plan" was bad': the content is '"the new
    plan" was bad', both marks in, not 'the new plan" was bad').

    >>> t = 'Roe said "the new plan" was bad.'
    >>> t[_from_opening_mark(t, 10, 31, [(9, 23)]) : 31]
    '"the new plan" was bad'
    """
    for a, b in speech:  # (opening mark, end of the closing mark)
        if a < s <= a + 2 and b <= e and not text[a:s].strip(_OPENING):
            return a
    return s


_OPENING = "\"'‘“«"  # opening quotation marks


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


def _headline(text: str, lo: int, hi: int, marks, title: bool) -> _Found | None:
    """'Smith: We will win' as a title, or a transcript's paragraph: Smith is the source, the
    rest of the paragraph the content."""
    if text.find(":", lo, hi) < 0:
        return None  # both patterns need a colon in the paragraph: the usual paragraph has none
    m = _HEADLINE_RE.match(text, lo, hi)
    if m is None and title:
        m = _TITLE_LABEL_RE.match(text, lo, hi)  # 'Lee at the rally: ...', 'City camp: ...'
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
    src1 = m.end("src")
    if (at := _LABEL_PLACE_RE.search(text, m.start("src"), src1)) is not None:
        src1 = at.start()  # 'Lee at the rally: ...': Lee
    src1 = _before_headline_verb(text, m.start("src"), src1)
    return _Found(m.end(), end, ":", (colon, colon + 1), (m.start("src"), src1, "name"))


_LABEL_WORD_RE = re.compile(r"[^\S\n]+([A-Z][a-z]+)(?![\w.&'’\-])")


def _before_headline_verb(text: str, s: int, e: int) -> int:
    """Where a title's label text[s:e] ends when a capitalised [headline_cues] verb after its
    first word opens its predicate ('Ann Lee Endorses Tom Roe: ...' is Ann Lee's), else ``e``.

    >>> t = "Ann Lee Endorses Tom Roe: I Am Proud"
    >>> t[: _before_headline_verb(t, 0, 24)]
    'Ann Lee'
    """
    verbs = _lists()["headline_cues"]
    for m in _LABEL_WORD_RE.finditer(text, s, e):
        if m.group(1).lower() in verbs:
            return m.start()
    return e


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


# a pronoun with a contracted 'be' right before a participle cue: 'he's hoping', 'they're saying'
_CONTRACTED_BE_RE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou)(['’](?:s|re|m))[^\S\n]+$"
)


@lru_cache(maxsize=1)
def _anonymity_re() -> re.Pattern:
    words = _alternation(_lists()["anonymity"])
    return re.compile(rf"[^\S\n]+not[^\S\n]+to[^\S\n]+be[^\S\n]+(?:{words})\b")


def _read(text, cue, span, ss, se, speech, last, rules, partials=frozenset()) -> _Found | None:
    """The content and source of the cue at ``span`` in the sentence text[ss:se], or None.
    Cue words alone are no content ('said said said.' reports nothing), verb forms alone no
    source.

    >>> from newslib.quotes.cues import _rules
    >>> t = "said said said."
    >>> _read(t, "said", (5, 9), 0, len(t) - 1, [], None, _rules()) is None
    True
    """
    if _inside_role(text, cue, span, ss, se, rules):
        return None  # 'Radio talk show host Tom Roe said ...': 'talk' is part of the role
    got = _read_cue(text, cue, span, ss, se, speech, last, rules, partials)
    if got is None:
        return None
    if _cue_words_only(text, got.start, got.end, rules) and (
        got.more is None or _cue_words_only(text, *got.more, rules)
    ):
        return None
    if got.mention is not None and _verb_forms_only(text, *got.mention[:2], rules):
        got.mention = None  # 'said said the pier is old': no one
    if _bare_auxiliary(text, got, rules):
        return None  # 'Her denial that she knew was firm': 'was firm' is no one's content
    return got


_NO_ROLE_BEFORE = frozenset(
    "i you we they he she it who that which to do does did will would can could may might "
    "should must not never also".split()
)


def _inside_role(text: str, cue: str, span, ss: int, se: int, rules: _Rules) -> bool:
    """Is the cue at ``span`` a bare noun inside a role before a name that a cue of its own
    follows ('Radio talk show host Tom Roe said': 'talk' of 'talk show host')? The cue is a
    base form with no subject or auxiliary right before it, then up to three lower-case words
    ending in a role, a name and a cue.

    >>> from newslib.quotes.cues import _rules
    >>> t = "Radio talk show host Tom Roe said it."
    >>> _inside_role(t, "talk", (6, 10), 0, len(t) - 1, _rules())
    True
    >>> t = "They talk show host Tom Roe said it."
    >>> _inside_role(t, "talk", (5, 9), 0, len(t) - 1, _rules())
    False
    """
    if cue.endswith(("s", "d", "ing")) or " " in cue:
        return False
    prev = _word_before(text, ss, span[0])
    if prev is not None and (prev in _NO_ROLE_BEFORE or prev.endswith("s")):
        return False
    words = [w for _, _, w in _first_words(text, span[1], se, 10)]
    k = 0
    while k < len(words) and words[k].islower() and words[k].isalpha():
        k += 1
    if not 1 <= k <= 3:
        return False
    role = words[k - 1]
    if role not in rules.roles and role not in _source_words()["name_roles"]:
        return False
    j = k
    while j < len(words) and words[j][:1].isupper():
        j += 1
    while k < j < len(words) and words[j] in rules.adverbs:
        j += 1
    return k < j < len(words) and words[j].lower() in rules.cues


def _verb_forms_only(text: str, s: int, e: int, rules: _Rules) -> bool:
    """Is every word of text[s:e] a cue word that is no plural noun ('said', 'told'; not
    'Reports', which names a source in 'Reports indicate ...')?"""
    words = WORD_RE.findall(text, s, e)
    return bool(words) and all(w.lower() in rules.cues and w[-1:] not in "sS" for w in words)


def _bare_auxiliary(text: str, got: _Found, rules: _Rules) -> bool:
    """Does a content right after its verb cue open with an auxiliary ('knew was firm') when
    the cue's clause is the 'that' clause of a speech noun ('Her denial that she knew was
    firm')? The auxiliary is then the verb of the sentence whose subject holds the noun, no
    one's content; after a relative ('the plan that she said was flawed', 'which officials
    said was old') the content is what the relative stands for.

    >>> from newslib.quotes.cues import _rules
    >>> t = "Her denial that she knew was firm."
    >>> _bare_auxiliary(t, _Found(25, 33, "knew", (20, 24), (16, 19, "pron")), _rules())
    True
    >>> t = "The plan that she said was old failed."
    >>> _bare_auxiliary(t, _Found(23, 30, "said", (18, 22), (14, 17, "pron")), _rules())
    False
    """
    c1 = got.cue_span[1]
    if got.start < c1 or not got.cue.isalpha():
        return False
    first = _TOKEN_RE.match(text, got.start)
    if first is None or first.group(0).lower() not in _AUXILIARIES:
        return False
    if text[c1 : got.start].strip():
        return False  # '..., he said, is different': the content stands apart
    c0 = got.cue_span[0]
    rels = list(_RELATIVE_WORD_RE.finditer(text, max(0, c0 - 60), c0))
    rel = rels[-1] if rels else None  # the last one before the cue
    if rel is None or rel.group(2).lower() != "that" or "," in text[rel.end() : c0]:
        return False
    if len(text[rel.end() : c0].split()) > 5:
        return False
    noun = (rel.group(1) or "").lower()
    lists = _lists()
    # a noun that reports a clause ('denial that'), not one that a relative may follow
    # ('the plan that she said')
    return noun in lists["clause_nouns"] or (
        noun in lists["speech_nouns"] and noun not in lists["infinitive_nouns"]
    )


# a relative pronoun and the word before it: '(the plan,) which', '(the plan) that'
_RELATIVE_WORD_RE = re.compile(r"(?:([\w’'-]+)[^\S\n]+)?\b(which|who|whom|that)\b", re.I)


def _cue_words_only(text: str, s: int, e: int, rules: _Rules) -> bool:
    """Is every word of text[s:e] a cue word ('said', 'says told')? (True for no word.)"""
    cues = rules.cues
    return all(m.group(0).lower() in cues for m in WORD_RE.finditer(text, s, e))


def _read_cue(text, cue, span, ss, se, speech, last, rules, partials) -> _Found | None:
    """:func:`_read` before its last test."""
    c0, c1 = span
    if cue.startswith("according"):
        return _according(text, cue, span, ss, se, rules)
    if cue == "in":
        return _in_poll(text, span, ss, se)
    if _anonymity_re().match(text, c1, se):
        return None  # 'an aide who asked not to be named': who the source is, no content
    if cue.endswith(" that") and cue.split()[0] in _lists()["clause_nouns"]:
        noun = cue.split()[0]
        # '..., warning that ...': a participle of the sentence's speaker, not the noun
        verb = noun.endswith("ing") and text[ss:c0].rstrip().endswith(",")
        got = None if verb else _speech_noun(text, noun, c0, ss, se, speech)
        if not verb and (
            got is not None or noun not in _report_rules().stances | _lists()["reporting"]
        ):
            return got
        cue, span = noun, (c0, c0 + len(noun))  # 'Lee claims that ...': the verb
        c1 = span[1]
    report = _report_rules()
    if c0 > 0 and text[c0 - 1] == "-":
        return None  # 'so-called', 'self-described'
    if cue in report.seeming:
        return _seeming(text, cue, span, ss, se, rules)
    if cue == "reportedly":
        return _reportedly(text, span, ss, se, rules)
    if cue == "called" and _naming(text, ss, c0, c1, se):
        return None  # 'a group called Stop Now', 'the so called plan': a name, no speech
    gap = _MANNER_GAP_RE.match(text, c1, se)
    if gap is not None and _manner_gap(cue, gap.group(1).lower(), gap.group(2).lower()):
        span = c0, c1 = c0, gap.end()  # 'spoke passionately about', 'called again for': one cue
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
    if cue in _lists()["for_nouns"] and _FOR_RE.match(text, c1, se):
        return None  # 'support for the plan': the noun
    if cue in _lists()["passive_stances"]:
        be = _PASSIVE_BE_RE.search(text, max(ss, c0 - 30), c0)
        if be is not None:  # 'Lee was criticized for ...', 'Roe is accused of ...'
            return _passive_stance(text, cue, (be.start(), c1), ss, se, rules)
    prev = _word_before(text, ss, c0)
    progressive = prev in _BE and cue.endswith("ing")  # 'Smith is saying that ...'
    contracted = None
    if cue.endswith("ing"):
        contracted = _CONTRACTED_BE_RE.search(text, max(ss, c0 - 12), c0)
    if contracted is not None:
        # 'He's hoping the ...': the cue is ''s hoping', as PolNeAR marks it, after its subject
        progressive, c0 = True, contracted.start(1)
        span = (c0, c1)
    elif progressive:
        while c0 > ss and not text[c0 - 1].isalpha():
            c0 -= 1
        while c0 > ss and text[c0 - 1].isalpha():
            c0 -= 1
        span = (c0, c1)  # the cue is 'is saying', as PolNeAR marks it
    if (
        cue in ("report", "reports")
        and not _reporter_before(text, ss, c0, prev, rules)
        and not (
            text[ss:c0].rstrip().endswith(",")
            and _inverted_speaker(text, cue, c1, se, rules, text[ss:c0])
        )
    ):
        return None  # 'a new report that ...': the noun (not '..., reports the Post.')
    if prev in _NOT_AFTER and cue not in report.tell and not progressive:
        return None  # 'the reported deal', 'was found': no speaker of this verb
    if prev.endswith(("'s", "’s", "s'", "s’")) and not progressive:
        return None  # 'the mayor's hopes of', 'the unions' attacks on'
    if _noun_reading(text, cue, c0, prev, rules):
        light = _light_verb_start(text, ss, c0)
        if light is None:
            return None  # 'terrorist attacks', 'a conference call', '30 percent support'
        c0, span = light, (light, c1)  # 'made no mention of': the light verb is the cue's
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
        if (a, b) in partials and (
            WORD_RE.search(text, ss, a) is not None or _RUN_ON_RE.match(text, b) is not None
        ):
            continue
        if (
            ss <= b <= c0
            and len(text[b:c0].split()) <= 12
            # (the cue pattern's first match there, found from the article's cue word starts
            # rather than by trying the big pattern at every character)
            and next(_find_cues(text, b, c0), None) is None
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
    if (
        cue in _lists()["evidence_participles"]
        and not (progressive and cue in rules.cues)  # 'Lee is suggesting that': his verb
        and not text[ss:c0].rstrip().endswith(",")
    ):
        got = None
        if _strip_adverb(text[ss:c0].rstrip()).endswith(","):  # ', falsely suggesting that'
            got = _participle(text, cue, span, ss, se, last, rules, speech, adverb_only=True)
        return got or _evidence_participle(text, cue, span, ss, se, rules)
    if cue.endswith("ing") and not progressive:
        return _participle(text, cue, span, ss, se, last, rules, speech)
    got = None if _stance_only(cue, rules) else _content_first(text, cue, span, ss, se, rules)
    if got is not None:
        return got
    return _cue_first(text, cue, span, ss, se, last, rules, speech)


_FOR_RE = re.compile(r"[^\S\n]+for\b")
# a pronoun object a naming verb's second object follows: 'calling it a sham', 'calling him a liar'
_NAMED_OBJECT_RE = re.compile(r"[^\S\n]+(?:it|him|them)[^\S\n]+(?:a|an|the)\b")
# how someone spoke, between the verb and its particle: 'spoke passionately about', 'talked
# at length about', 'speak up about', 'called again for', 'focused solely on'
_MANNER_GAP_RE = re.compile(
    r"[^\S\n]+([a-z]{3,}ly|at[^\S\n]+length|up|instead|again|much|more(?:[^\S\n]+[a-z]{3,}ly)?)"
    r"(?=[^\S\n]+([a-z]+)\b)"
)


def _manner_gap(cue: str, manner: str, particle: str) -> bool:
    """Does ``manner`` stand between ``cue`` and a particle it reports with, joining the cue
    as PolNeAR's spans read it ('spoke passionately about', 'called again for')? A talk verb
    ([manner_gap_verbs]) with 'about', or a cue with one of its own particles after an adverb
    ('focused solely on', [particle_stances] and [cue_particles]); no hearsay adverb.

    >>> _manner_gap("called", "again", "for"), _manner_gap("said", "again", "for")
    (True, False)
    """
    lists = _lists()
    if manner in lists["hearsay_adverbs"] or manner in lists["not_adverbs"]:
        return False  # 'spoke early about': a time, not how someone spoke
    if cue in lists["manner_gap_verbs"] and particle == "about":
        return True
    if manner in ("up", "much", "more") or manner.startswith("more "):
        return False  # only talk verbs: 'speak up about', 'talk more loudly about'
    return (
        particle in _report_rules().particles.get(cue, ())
        or f"{cue}_{particle}" in lists["cue_particles"]
    )


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


# what stands before a participle cue of the sentence's speaker: '..., saying', '... and
# adding', '... before claiming'
_PARTICIPLE_LEADS = (",", "—", "–", " and", " but", " before", " while", " after", " by")
_THAT_RE = re.compile(r"(?:that|whether)\b")
_TO_AFTER_RE = re.compile(r"[^\S\n]+to\b")
# an adverb in '-ly' right before the participle: '..., falsely suggesting'
_ADVERB_END_RE = re.compile(r"[^\S\n]+[a-z]+ly$")


def _strip_adverb(lead: str) -> str:
    """``lead`` without an adverb in '-ly' at its end.

    >>> _strip_adverb("The ad ran, falsely")
    'The ad ran,'
    """
    return _ADVERB_END_RE.sub("", lead)


def _participle(
    text, cue, span, ss, se, last, rules, speech=(), adverb_only=False
) -> _Found | None:
    """'..., saying (that) CONTENT': the sentence's speaker, the content after the cue.
    ``adverb_only``: only a reading after a comma and an adverb ('..., falsely suggesting
    that CONTENT'), else None."""
    c0, c1 = span
    lead = text[ss:c0].rstrip().rstrip("\"'’”»").rstrip()  # '... "fantastic," telling'
    # '..., falsely suggesting' reads as '..., suggesting' ('saying' is read either way), not
    # '..., possibly calling himself ...' or '..., greatly adding to ...'
    bare = _strip_adverb(lead)
    adverb = (
        bare != lead
        and bare.endswith(",")
        and cue != "saying"
        and cue not in _lists()["not_reporting"]
        and _TO_AFTER_RE.match(text, c1) is None
    )
    if adverb:
        lead = bare
    elif adverb_only:
        return None
    if len(lead.split()) <= 3:
        got = _opening_participle(text, cue, span, ss, se, rules, speech)
        if got is not None:
            return got  # 'After noting that CONTENT, Lee said ...'
    subject = None
    # 'Lee went on to arguing that ...', 'the step of announcing that ...': the speaker's
    adverb = adverb or (
        lead.endswith((" to", " of"))
        and _THAT_RE.match(text, _skip_space(text, c1, se)) is not None
    )
    if not lead.endswith(_PARTICIPLE_LEADS) and not adverb:
        # a verb of speech only ('with Lee calling it a sham'): a stance in such a phrase
        # ('with voters viewing him favorably') describes, no one reports
        # ... and of those that rarely report without a quotation ([not_reporting]: 'with the
        # crowd calling his name', 'the referee calling a foul'), only one naming its object
        # ('calling it a sham')
        speaks = cue in rules.cues and (
            cue not in _lists()["not_reporting"] or _NAMED_OBJECT_RE.match(text, c1) is not None
        )
        subject = _with_subject(text, ss, c0, rules) if speaks else None
        if subject is None and cue != "saying":
            return _after_noun(text, cue, span, ss, se, rules, speech)
    span, after = _with_particle(text, cue, span, _skip_space(text, c1, se), se)
    start = _content_start(text, cue, after, se)
    if start is None or not _clause_ok(text, cue, start, se):
        return None
    if subject is not None and "," in text[span[1] : start]:
        return None  # 'with all precincts reporting, the race ...'
    mention = subject or last or _sentence_subject(text, ss, c0, rules, (), None)
    end = _cut_clause(text, start, se, speech)
    if adverb:
        mention = subject or _sentence_subject(text, ss, c0, rules, (), None)
        if (
            mention is None
            or any(start < b and a < end for a, b in speech)
            or _THAT_RE.match(text, start) is None
        ):
            return None  # no subject of its own; a quotation in it keeps its own row
        end = _adverb_content_end(text, start, end)
    start, end = _object_span(text, cue, start, end)
    return _Found(start, end, cue, span, mention) if end - start >= 3 else None


# what opens another attribution inside a content: '... after Lee said', '... as Lee said'
_NEW_ATTRIBUTION_LINKS = frozenset("after as when while since because".split())


def _adverb_content_end(text: str, start: int, end: int) -> int:
    """The end of a content after an adverb and a participle ('..., falsely suggesting that
    CONTENT') or after 'to'/'of' and one ('moved on to arguing that CONTENT'): before another
    attribution in it ('... after Lee said ...', '... as Lee said', a cue after a comma).

    >>> t = 'It ran, falsely suggesting that rents fell after Lee said so.'
    >>> t[27:_adverb_content_end(t, 27, 60)]
    'that rents fell'
    """
    for m in _find_cues(text, start, end):
        words = list(WORD_RE.finditer(text, start, m.start()))
        for w in reversed(words[-6:]):
            if w.group(0).lower() in _NEW_ATTRIBUTION_LINKS:
                return _trim_end(text, start, w.start())
        comma = text.rfind(",", start, m.start())
        if comma > start:
            return _trim_end(text, start, comma)
    return end


def _after_noun(text, cue, span, ss, se, rules, speech=()) -> _Found | None:
    """'groups backing Lee', 'investors expecting a deal': a stance participle right after a
    plural description in lower case (no comma, 'and' or 'by' before it, see _participle); the
    content is its object, up to the sentence's own verb. The description holds the stance,
    but it is not kept as the row's source: PolNeAR's source spans there match it less often
    than not (with it, exact source F1 fell on dev and unseen), so the row has none. A name, a
    capitalised or singular phrase ('Anyone expecting', 'a speech attacking') is left alone:
    PolNeAR's source there is often a person the row would not name (the people benchmark's
    indirect accuracy fell with them).

    >>> from newslib.quotes.cues import _rules
    >>> text = "Ads from groups backing the mayor ran all week."
    >>> got = _after_noun(text, "backing", (16, 23), 0, 46, _rules())
    >>> text[got.start : got.end], got.mention
    ('the mayor', None)
    """
    c0, c1 = span
    prev = _word_before(text, ss, c0)
    lists = _lists()
    if (
        cue not in _report_rules().stances
        or not prev.replace("-", "").isalpha()
        or prev in _NOT_NOUN_PHRASE
        or prev in _TIME_WORDS
        or prev in rules.adverbs
        or prev in lists["prepositions"]
        or prev in lists["adjuncts"]
    ):
        return None
    # the noun phrase: the words before the cue after the last mark or preposition
    lead = text[ss:c0]
    brk = max(lead.rfind(","), lead.rfind(";"), lead.rfind("—"), lead.rfind("("))
    words = list(WORD_RE.finditer(text, ss + brk + 1, c0))
    k, stops = len(words), lists["prepositions"] | lists["adjuncts"]
    while k > 0 and words[k - 1].group(0).lower() not in stops:
        k -= 1
    if k > 0 and words[k - 1].group(0).lower() == "with":
        return None  # 'with voters viewing him favorably': an absolute phrase, see _participle
    noun = _noun_phrase(text, words[k].start(), c0, rules) if k < len(words) else None
    if noun is None or text[noun[1] : c0].strip():
        return None
    written = WORD_RE.findall(text, noun[0], noun[1])
    heads = [w.lower() for w in written]
    if heads[-1] in lists["not_participle_heads"] or any(
        _simple_verb(a, b) for a, b in zip(heads, heads[1:], strict=False)
    ):
        return None  # 'the right calling card', 'Lee tried offering': no holder of a stance
    if written != heads or not (heads[-1].endswith("s") and not heads[-1].endswith("ss")):
        return None  # only a plural description: 'super PACs backing', 'groups opposing'
    if prev.endswith("ly"):
        return None  # 'to effusively praising': an adverb, no noun
    if not _names_speakers(heads[-1], rules):
        return None  # 'cables supporting the deck', 'buyers expecting a sale': no source noun
    span, after = _with_particle(text, cue, span, _skip_space(text, c1, se), se)
    start = _content_start(text, cue, after, se)
    if start is None or not _clause_ok(text, cue, start, se, noun):
        return None
    end = _cut_clause(text, start, se, speech)
    if any(a < end and start < b for a, b in speech):
        return None  # a quotation's speaker is found by its own rules
    if text[start:end].split(None, 1)[0].lower() not in ("that", "whether"):
        end = _before_main_verb(text, start, end)
    start, end = _object_span(text, cue, start, end)
    if len(text[start:end].split()) < 2 or any(
        m.group(0).lower() in rules.cues for m in _find_cues(text, start, end)
    ):
        return None  # a word cut from its phrase, or a content holding a speech verb
    return _Found(start, end, cue, span, None)


# 'with' and a subject of up to seven words right before a participle cue
# ... with no preposition but 'of' or 'in' ('30 percent of voters', 'three in 10') and not
# 'all precincts reporting'
_WITH_SUBJECT_STOPS = frozenset(
    "on at to for from by with about over after before during into against all".split()
)
_WITH_SUBJECT_RE = re.compile(r"\b[Ww]ith[^\S\n]+((?:[^\s,;:()\"“”—–]+[^\S\n]+){1,7})$")


def _with_subject(text: str, ss: int, c0: int, rules: _Rules):
    """The subject of a participle cue at ``c0`` in an absolute phrase after 'with' ('..., with
    Ann Lee calling it a sham', 'with 40 percent saying ...'): a plain noun phrase or name, as
    a mention; else None.

    >>> from newslib.quotes.cues import _rules
    >>> t = "The plan passed, with Ann Lee calling it a sham."
    >>> m = _with_subject(t, 0, t.index("calling"), _rules())
    >>> t[m[0] : m[1]]
    'Ann Lee'
    """
    m = _WITH_SUBJECT_RE.search(text, max(ss, c0 - 80), c0)
    if m is None:
        return None
    words = m.group(1).split()
    if any(w.lower() in _WITH_SUBJECT_STOPS for w in words):
        return None  # 'a petition with CREDO Action on Wednesday asking', 'with all precincts'
    if len(words) == 1 and words[0].islower():
        return None  # 'a group with financial backing from ...': a noun
    return _noun_phrase(text, m.start(1), m.end(1), rules)
