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
source is the subject of the cue, cut to its mention (``source_spans`` widens it to the written
phrase): for an infinitive cue the object of a verb of causing ('prompted Lee to call for') or
else the sentence's subject ('Lee has pledged to support'), for a second verb ('... and
officially endorsed') or a cue used as a noun ('Lee made no mention of') the sentence's
subject, for a restrictive relative clause its noun ('Republicans who agree that'); where none
is written (a passive, a question) it is None, never guessed.

This module is the driver: ``_reported`` walks the sentences and cuts each content to its
paragraph's quotations and clauses; the closing attributions, headlines and polls are read
here, with the works named by their title ("a book titled 'Harbor Days'", ``titled``).
``reading._read`` takes each cue to the reader of its shape: ``cue_first`` ("Smith said
(that) CONTENT"), ``content_first`` ("CONTENT, Smith said"), ``according`` ("according to
Smith"), ``nouns`` (cues that are nouns) and ``frames`` (the rarer shapes); each returns a
``found._Found``. None of them imports this module.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..text import WORD_RE
from .clause_ends import _ends_attribution, _inverts, _opens_participle
from .clauses import (
    _CLOSING,
    _NOT_NOUN_PHRASE,
    _SUBJECT_PRONOUNS,
    _TRAILING,
    _trim_end,
    _within,
)
from .cue_scan import _find_cues
from .cues import _lists, _Rules
from .found import _Found
from .frames import _headline_verb, _opening_participles, _poll_after, _to_view
from .marks import _Quote
from .near import _FEW_SPANS, _extent, _inside, _SpanIndex, _window
from .nouns import _noun_cues
from .reading import _read
from .sentences import _sentence_starts
from .titled import _titled

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
    # the word in the article, its answer is known ('ccording' as written spares lowering a
    # whole article that has it; more articles asking only cost _closing_cue's loop)
    according = "ccording" in text or "according" in text.lower()
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
            pieces += _titled(text, lo, hi, marks, claimed)
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
        pieces += _titled(text, lo, hi, marks, claimed)
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
    taken = [(got.start, got.end) for got in pieces] + [got.more for got in pieces if got.more]
    for got in pieces:
        spans = [(got.start, got.end), *([got.more] if got.more else [])]
        head = _relative_head(text, lo, got)
        if head is not None and not any(head[0] < b and a < head[1] for a, b in taken):
            spans.insert(0, head)  # 'the plan, which Lee said was costly': 'which' too
            taken.append(head)  # one head, one piece: 'who X said A by asking B'
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
