"""One article's quotations, step by step: marks, kinds and speakers, inherited speakers,
names."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..text import WORD_RE, paragraph_spans
from .attribution import _attribute_after, _blank, _classify
from .clauses import _AUXILIARIES, _PREPOSITIONS
from .cues import _alternation, _lists, _Rules
from .marks import (
    _ANY_MARK_RE,
    _DOUBLE_RE,
    _double_pairs,
    _first_nonspace,
    _flank,
    _has_double_mark,
    _Quote,
    _single_pairs,
)
from .names import _whole_names
from .near import _FEW_SPANS, _SpanIndex
from .reported import _reported
from .resolve import _inherit, _resolve
from .sentences import _sentence_starts
from .source_spans import _source_spans, _trim_mentions
from .sources import _word_before
from .subjects import _attribute_before, _sentence_subject

# an HTML or XML tag left in the text: '<tweet tweet-author="@someone">'
_TAG_RE = re.compile(r"</?[A-Za-z][\w\-]*(?:\s[^<>\n]*)?/?>")


def _analyse(text: str, rules: _Rules) -> list[_Quote]:
    paras = paragraph_spans(text)
    if not paras:
        return []
    # 1. marks -> quote pieces; the marks of markup (<tweet author="...">) are no quotation
    # marks: they are blanked out, offsets kept, for the pairing only
    marks_text = _TAG_RE.sub(lambda m: " " * len(m.group(0)), text) if "<" in text else text
    found: list[_Quote] = []
    chain_of_next = None
    for index, (lo, hi) in enumerate(paras):
        if _ANY_MARK_RE.search(marks_text, lo, hi) is None:
            if chain_of_next is not None and _credit_line(text, lo, hi):
                continue  # 'Photo: Bayview Times' between two paragraphs of one quotation
            chain_of_next = None  # no quotation mark, no quotation: the usual paragraph
            continue
        pairs, runs_on = [], False
        if _has_double_mark(marks_text, lo, hi):  # often only apostrophes: skip this
            nxt = index + 1
            while nxt < len(paras) and _credit_line(marks_text, *paras[nxt]):
                nxt += 1  # a credit line does not end a quotation that runs on
            nxt_lo = paras[nxt][0] if nxt < len(paras) else None
            next_opens = False
            if nxt_lo is not None:
                m = _DOUBLE_RE.match(marks_text, nxt_lo)
                if m:
                    next_opens = _flank(marks_text, nxt_lo, m.end(), nxt_lo, paras[nxt][1])[0]
            pairs, runs_on = _double_pairs(marks_text, lo, hi, next_opens)
        inside = [(o, c if c is not None else hi) for o, _, c, _ in pairs]
        inside_near = _SpanIndex(inside).near if len(inside) > _FEW_SPANS else None
        # top-level single quotes, outside every double-quoted stretch
        singles = []
        for pair in _single_pairs(marks_text, lo, hi):
            near = inside if inside_near is None else inside_near(pair[0], pair[0])
            if not any(a <= pair[0] <= b for a, b in near):
                singles.append(pair)
        if singles and pairs:
            pairs = [p for p in pairs if not _opens_inside(p[0], singles, marks_text)]
        pairs += singles
        pairs.sort(key=lambda p: p[0])
        for o, oe, c, ce in pairs:
            s, e = oe, c if c is not None else hi
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            words = WORD_RE.findall(text, s, e)
            if not words:
                continue  # '""' or a run of marks: nothing quoted, no row
            q = _Quote(s, e, o, ce, index, lo, hi, chain=-1, words=words)
            if chain_of_next is not None and o == _first_nonspace(text, lo, hi):
                q.chain = chain_of_next
            else:
                q.chain = len(found)
            found.append(q)
        chain_of_next = None
        if runs_on and found and found[-1].close_mark is None:
            chain_of_next = found[-1].chain
    # 2. kinds and explicit speakers
    sent_cache: dict[int, list[int]] = {}
    prev_attr: dict[int, tuple | None] = {}
    # each paragraph's quotations with their marks, kept out of the search for a subject
    masked_by_para: dict[int, list[tuple[int, int]]] = {}
    for p in found:
        masked_by_para.setdefault(p.paragraph, []).append((p.open_mark, p.close_mark or p.para_hi))
    masked_index: dict[int, _SpanIndex] = {}
    for k, q in enumerate(found):
        starts = sent_cache.get(q.paragraph)
        if starts is None:
            starts = sent_cache[q.paragraph] = _sentence_starts(text, q.para_lo, q.para_hi)
        sentence_lo = starts[bisect_right(starts, q.open_mark) - 1]
        prev_close = q.para_lo
        if k > 0 and found[k - 1].paragraph == q.paragraph:
            prev = found[k - 1]
            prev_close = prev.close_mark if prev.close_mark is not None else prev.end
        if q.chain != k:
            q.kind = found[q.chain].kind
        else:
            q.kind = _classify(text, q, prev_close, sentence_lo, rules)
        if q.kind == "scare":
            continue
        # limit the search after the quote to the next quote or the end of the sentence
        nxt_open = q.para_hi
        nk = k + 1
        if nk < len(found) and _nickname(text, found[nk]):
            nk += 1  # 'said Tom "Tiny" Roe': the nickname is part of the speaker's name
        if nk < len(found) and found[nk].paragraph == q.paragraph:
            nxt_open = found[nk].open_mark
        close_pos = q.close_mark if q.close_mark is not None else q.end
        # the sentence after the closing mark ('..." Clinton said.' starts a "sentence")
        i = bisect_right(starts, _first_nonspace(text, close_pos, q.para_hi))
        sent_hi = starts[i] if i < len(starts) else q.para_hi
        limit = min(nxt_open, max(sent_hi, close_pos + 1), q.para_hi)
        masked = masked_by_para[q.paragraph]
        if len(masked) > _FEW_SPANS:  # a long paragraph: the marks in reach of this one's reading
            if q.paragraph not in masked_index:
                masked_index[q.paragraph] = _SpanIndex(masked)
            masked = masked_index[q.paragraph].near(sentence_lo, max(limit, close_pos))
        lo = max(sentence_lo, prev_close)
        got = _attribute_after(text, q, rules, limit)
        if got is None:
            got = _attribute_before(text, lo, q.open_mark, rules, sentence_lo, masked)
            if got is None and text[q.start : q.end].rstrip()[-1:] not in (".", "?", "!"):
                # rest of the sentence: 'was "a disaster" for us, Smith said.'
                got = _attribute_before(text, close_pos, limit, rules, sentence_lo, masked)
        if got is None and q.kind == "partial":
            # a fragment quoted in a sentence with no speech verb ('X mocked Y for being "...')
            # is the sentence subject's
            subj = _sentence_subject(text, sentence_lo, q.open_mark, rules, masked)
            got = (subj, None, None) if subj else None
        if got is None and q.kind == "direct" and prev_close == q.para_lo:
            # 'Dianne Bystrom agreed. "..."': the sentence before introduces the quotation
            si = bisect_right(starts, q.open_mark) - 1
            if si > 0 and _blank(text, sentence_lo, q.open_mark):
                plo = starts[si - 1]
                got = _attribute_before(text, plo, sentence_lo, rules)
                if got is None:
                    subj = _sentence_subject(text, plo, sentence_lo, rules)
                    got = (subj, None, None) if subj else None
        if got is not None:
            (ms, me, mk), q.cue, q.cue_span = got
            q.mention, q.mention_kind = (ms, me), mk
        elif q.kind == "direct" and q.paragraph > 0 and _blank(text, q.para_lo, q.open_mark):
            # the previous paragraph may introduce it: 'Smith said:' / 'Smith said that ...'
            plo, phi = paras[q.paragraph - 1]
            pstarts = _sentence_starts(text, plo, phi)
            prev_attr[k] = _attribute_before(text, pstarts[-1], phi, rules)
    # 3. inherit speakers: multi-paragraph chains, neighbours in the paragraph, previous paragraph
    speech = [k for k, q in enumerate(found) if q.kind != "scare"]
    chain_src: dict[int, _Quote] = {}
    for k in speech:
        if found[k].mention is not None:
            chain_src.setdefault(found[k].chain, found[k])
    for k in speech:
        q = found[k]
        if q.mention is None and q.chain in chain_src:
            # every piece of a multi-paragraph quotation has the speaker named in any piece
            _inherit(q, chain_src[q.chain])
    by_para: dict[int, list[_Quote]] = {}
    for k in speech:
        by_para.setdefault(found[k].paragraph, []).append(found[k])
    for qs in by_para.values():
        for idx, q in enumerate(qs):
            if q.mention is not None:
                continue
            src = next((p for p in reversed(qs[:idx]) if p.mention is not None), None)
            if src is None:
                # '"A." "B," he said.'
                src = next((p for p in qs[idx + 1 :] if p.mention is not None), None)
            if src is not None:
                _inherit(q, src)
    # a quotation paragraph with no attribution continues the previous paragraph's speaker
    last_src: dict[int, _Quote] = {}
    for k in speech:
        q = found[k]
        if q.mention is None:
            src = found[q.chain] if found[q.chain].mention is not None else None
            src = src or last_src.get(q.paragraph)
            if src is None and (q.kind == "direct" or True):
                src = last_src.get(q.paragraph - 1)
                if src is None and prev_attr.get(k):
                    (ms, me, mk), q.cue, q.cue_span = prev_attr[k]
                    q.mention, q.mention_kind = (ms, me), mk
            if src is not None:
                _inherit(q, src)
        if q.mention is not None:
            last_src[q.paragraph] = q
    # 4. reported speech around them, and the attributions the pieces belong to
    found = sorted([*found, *_reported(text, paras, found, rules)], key=lambda q: (q.start, -q.end))
    _trim_mentions(text, found, rules)
    _whole_names(text, found, rules)
    _number_attributions(found)
    _widen_cues(text, found)
    _source_spans(text, found, rules)
    # 5. resolve mentions to names
    _resolve(text, found, rules)
    return found


_WORD_BEFORE_RE = re.compile(r"([\w’']+)[^\S\n]+$")


_CREDIT_RE = re.compile(r"\(?([A-Za-z]+)(?:[^\S\n]+[Cc]redits?)?[^\S\n]*:")


def _credit_line(text: str, lo: int, hi: int) -> bool:
    """Is the paragraph ``text[lo:hi]`` a short photo credit or caption line with no quotation
    mark ('Photo: Bayview Times', '(Image: Ann Lee)'; its first word in ``[credit_labels]``)?

    >>> _credit_line("Photo: Bayview Times", 0, 20), _credit_line("Ann Lee: We won", 0, 15)
    (True, False)
    """
    if hi - lo > 120 or "\n" in text[lo:hi] or _ANY_MARK_RE.search(text, lo, hi) is not None:
        return False
    m = _CREDIT_RE.match(text, lo, hi)
    return m is not None and m.group(1).lower() in _lists()["credit_labels"]


# one to three capitalised words in marks with a capitalised word before and after them: a
# nickname
_NICKNAME_AROUND_RE = re.compile(r"[A-Z][\w’'\-]*[^\S\n]+$")
_CAPITAL_AFTER_RE = re.compile(r"[^\S\n]+[A-Z]")


def _nickname(text: str, q: _Quote) -> bool:
    """Is the quotation ``q`` a nickname inside a name ('Tom "Tiny" Roe', 'Ann "Big Red" Lee'):
    one to three capitalised words in marks between two capitalised words?

    >>> t = 'said Tom "Tiny" Roe.'
    >>> q = _Quote(10, 14, 9, 15, 0, 0, len(t), chain=0, words=["Tiny"])
    >>> _nickname(t, q)
    True
    """
    if q.close_mark is None or q.end - q.start > 30 or len(q.words) > 3:
        return False
    if not text[q.start : q.end].replace(" ", "").isalpha() or not all(
        w[0].isupper() for w in q.words
    ):
        return False
    if _CAPITAL_AFTER_RE.match(text, q.close_mark) is None:
        return False
    return _NICKNAME_AROUND_RE.search(text, max(0, q.open_mark - 30), q.open_mark) is not None


def _number_attributions(found: list[_Quote]) -> None:
    """Give every speech piece its attribution (0, 1, ... in text order). Pieces with the same
    speaker mention and cue are one attribution: a quotation interrupted by "he said", one
    running over paragraphs, a quoted fragment inside reported speech with the same cue."""
    outer: list[_Quote] = []  # reported speech, for the quoted fragments inside it
    reach: list[int] = []  # the furthest end among outer[: k + 1]: no host before bisection
    for q in found:
        if q.kind == "indirect":
            outer.append(q)
            reach.append(max(q.end, reach[-1]) if reach else q.end)
        elif q.kind == "partial":
            k = bisect_left(reach, q.end)
            host = next(
                (r for r in map(outer.__getitem__, range(k, len(outer))) if _holds(r, q)), None
            )
            if host is None:
                continue
            if q.cue_span is not None and host.start <= q.cue_span[0] < host.end:
                if q.cue_span != host.cue_span:
                    continue  # 'said the group, which she called "a cartel", ...': nested
            # a fragment inside reported speech is part of it ('said the plan "would fail,"
            # he added' is one content): the fragment and its host share what either found
            giver, taker = (q, host) if host.mention is None else (host, q)
            if giver.cue_span is None:  # a source found without a cue erases no cue
                giver.cue, giver.cue_span = taker.cue, taker.cue_span
            taker.mention, taker.mention_kind, taker.cue, taker.cue_span = (
                giver.mention,
                giver.mention_kind,
                giver.cue,
                giver.cue_span,
            )
    ids: dict[tuple, int] = {}
    for q in found:
        if q.kind == "scare":
            continue
        key = (q.mention, q.cue_span) if q.mention or q.cue_span else (id(q),)
        q.attribution = ids.setdefault(key, len(ids))


def _opens_inside(o: int, singles: list[tuple[int, int, int, int]], text: str = "") -> bool:
    """Does a double mark at ``o`` open inside one of the single-quoted stretches (in text
    order, apart), in the sentence that stretch opens? Then its quotation is nested in that one
    (‘the “new” plan’), no row of its own beside it. A sentence end between the single mark and
    the double one ("He said 'yes. "No," Lee said. Roe said 'maybe.'") makes the single pair
    doubtful (a stray mark paired with a later one): the double quotation keeps its row.

    >>> _opens_inside(9, [(0, 1, 14, 15)]), _opens_inside(20, [(0, 1, 14, 15)])
    (True, False)
    >>> _opens_inside(8, [(0, 1, 15, 16)], "‘a b. c “d” e f’")
    False
    """
    k = bisect_right(singles, (o,)) - 1
    if k < 0 or not singles[k][0] < o < singles[k][2]:
        return False
    return _SENTENCE_END_RE.search(text, singles[k][1], o) is None


_SENTENCE_END_RE = re.compile(r"[.!?][^\S\n]")


@lru_cache(maxsize=1)
def _chained_particles(particles: frozenset[str]) -> frozenset[str]:
    """The second words of the [cue_particles] pairs ('out' of 'pointed_out'): after one of
    them a preposition joins the cue only when its object is the content ('lashed out at the
    mayor', not 'pointed out at a rally that ...')."""
    return frozenset(pair.split("_", 1)[1] for pair in particles)


def _holds(outer: _Quote, inner: _Quote) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


_CUE_AFTER_RE = re.compile(
    r"[^\S\n]+(?:in[^\S\n]+an?[^\S\n]+(?:\w+[^\S\n]+)?statement|on[^\S\n]+(?:Twitter|Facebook)"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:[^\S\n]+(?:night|morning|afternoon|evening))?\b"
    r"(?![’']s\b))"  # not 'said Saturday's debate was ...'
)
_PARTICLE_RE = re.compile(r"[^\S\n]+([a-z]+)\b")
_IN_FAVOR_RE = re.compile(r"[^\S\n]+in[^\S\n]+favou?r[^\S\n]+of\b")
_PHRASE_BREAK_RE = re.compile(r"[,;:—–()\n]")


@lru_cache(maxsize=1)
def _manner_after_re() -> re.Pattern:
    """How a cue's words were said, closing the clause after it, which PolNeAR's cue spans
    take in: '..., she said with a grin.', 'Lee shot back with a laugh,' ([manner_nouns]).

    >>> _manner_after_re().match(" with a wry smile.").group(0)
    ' with a wry smile'
    """
    nouns = _alternation(_lists()["manner_nouns"])
    return re.compile(
        rf"[^\S\n]+with[^\S\n]+an?[^\S\n]+(?:[a-z\-]+[^\S\n]+)?(?:{nouns})(?=[^\S\n]*[.,;!?])"
    )


# one adverb closing the attribution: 'he said recently.', 'she asked rhetorically, ...'
# ... or before its 'that' clause: 'has said repeatedly that ...', 'argued insistently that ...'
_ADVERB_AFTER_RE = re.compile(
    r"[^\S\n]+(?:(?!(?:un)?likely\b)[a-z]{2,}ly|then)"
    r"(?=[^\S\n]*[.,:;!?\"”’']|[^\S\n]+(?:that|whether)\b)"
)
_NOT_ADVERB_CUES = frozenset("back backs backed backing".split())  # 'back then'
# how often it was said, right after the cue (set off by commas or not): 'said twice',
# 'has said repeatedly they ...', 'said, twice, that ...', 'have been stated many times'
_REPEAT_AFTER_RE = re.compile(
    r"(,)?[^\S\n]+(?:twice|repeatedly|(?:several|many|two|three|four|five|countless|multiple)"
    r"[^\S\n]+times)\b(?![^\S\n]+(?:as|more|the)\b)(?(1)(?=,))"  # not 'twice as many'
)


_MANNER_ADVERB_RE = re.compile(r"[a-z]{3,}ly")


def _manner_adverb(word: str, lists) -> bool:
    """Is ``word`` an adverb of manner that joins the cue after it, as PolNeAR's cue spans
    read them ('enthusiastically endorsed', 'has forcefully condemned')? Not one of the
    [not_adverbs] ('only', 'early') nor of [hearsay_adverbs] ('reportedly wants': the writer's
    hedge, no part of the cue).

    >>> _manner_adverb("gingerly", _lists()), _manner_adverb("reportedly", _lists())
    (True, False)
    """
    return (
        _MANNER_ADVERB_RE.fullmatch(word) is not None
        and word not in lists["not_adverbs"]
        and word not in lists["hearsay_adverbs"]
    )


_TO_GAP_RE = re.compile(r"[^\S\n]*((?:[\w’'-]+[^\S\n]+){1,5})$")
_TO_GAP_STOPS = frozenset("who that which and or but named".split())


def _to_subject(text: str, s: int, mention_end: int) -> int:
    """Where an infinitive cue ('to say' at ``s``) starts when its subject's mention ends a
    few words before it: at the verb phrase after the mention, as PolNeAR's cue spans read it
    ('Lee took to Twitter to say', 'Lee went out of his way to say'); at most five words, no
    punctuation, no clause of their own ('who', 'that', 'and'); else ``s``."""
    if not mention_end < s <= mention_end + 60:
        return s
    m = _TO_GAP_RE.fullmatch(text, mention_end, s)
    if m is None or any(w.lower() in _TO_GAP_STOPS for w in m.group(1).split()):
        return s
    return m.start(1)


# the words between: at most ten, a comma only after the last ('released a statement Monday,
# saying')
_DOC_GAP_RE = re.compile(r"[^\S\n]*((?:[\w’'-]+[^\S\n]+){1,9}[\w’'-]+,?[^\S\n]+)$")
# a party tag or an apposition between the subject's mention and the document verb
_DOC_ASIDE_RE = re.compile(r"[^\S\n]*(?:\([^()\n]{1,20}\)|,[^,;:.!?()\"“”\n]{1,60},)")


def _document_verb_start(text: str, s: int, mention_end: int, lists) -> int:
    """Where a participle cue ('saying' at ``s``) starts when it tells what a document says
    that its subject put out: at the verb ([document_verbs]) right after the subject's mention
    ('Lee issued a statement saying', 'the campaign sent an email Monday saying', 'Lee sent a
    text message to his aides in Ohio, asking'); else ``s``.
    """
    if not mention_end < s <= mention_end + 100:
        return s
    aside = _DOC_ASIDE_RE.match(text, mention_end, s)
    if aside is not None:
        mention_end = aside.end()  # 'Lee (D-Ohio) issued', 'Lee, the board's director, issued'
    m = _DOC_GAP_RE.fullmatch(text, mention_end, s)
    if m is None:
        return s
    words = m.group(1).lower().replace(",", "").split()
    k = 0
    while k < len(words) - 1 and words[k] in lists["cue_before"]:
        k += 1  # 'also sent a tweet saying'
    if words[k] not in lists["document_verbs"] or any(w in _TO_GAP_STOPS for w in words):
        return s
    # the verb's object: the words after it up to the first preposition
    j = next((i for i in range(k + 1, len(words)) if words[i] in _PREPOSITIONS), len(words))
    if ("," in m.group(1) or len(words) > 8) and not lists["document_nouns"] & set(
        words[k + 1 : j]
    ):
        return s  # 'Lee sent troops to the border, saying', 'sent his son to school with a note,'
    return m.start(1)


def _after_cue(text: str, q: _Quote) -> None:
    """A reported content starts after its cue: when the widened cue took the content's first
    words ('wrote back that ...', 'expressed confidence that ...'), the content starts after
    them."""
    c0, c1 = q.cue_span
    if q.kind != "indirect" or not c0 <= q.start < c1:
        return
    start = c1
    while start < q.end and (text[start].isspace() or text[start] == ":"):
        start += 1  # 'said in a statement: the plan ...': nor the colon
    if start < q.end:
        if q.open_mark == q.start:
            q.open_mark = start
        q.start, q.words = start, WORD_RE.findall(text, start, q.end)


def _auxiliary_gap_start(text: str, s: int, floor: int, lists) -> int:
    """Where a cue starting at ``s`` starts when one to three adverbs of [auxiliary_gap] (or
    in -ly, no hearsay) stand between it and an auxiliary, as PolNeAR's cue spans read it:
    at the auxiliary ('has twice complained', 'would only say', 'were slightly more likely
    to say'); else ``s``.

    >>> t = "The union has twice complained about it."
    >>> t[_auxiliary_gap_start(t, 20, 0, _lists()) : 30]
    'has twice complained'
    """
    p = s
    for n in range(4):
        m = _word_before(text, p, 20, floor, "’'")
        if m is None:
            return s
        word = m[1].lower()
        if word in _AUXILIARIES:
            return m[0] if n else s
        if not (
            word in lists["auxiliary_gap"]
            or (len(word) > 4 and word.endswith("ly") and word not in lists["hearsay_adverbs"])
        ):
            return s
        p = m[0]
    return s


def _adverb_mention(text: str, q: _Quote, lists) -> bool:
    """Is the mention of ``q`` one manner adverb right before its cue (', and specifically
    mentioned', ', in particular, overwhelmingly support')? It names no one: the adverb is
    the cue's.

    >>> t = "Lee spoke, and specifically mentioned the fees."
    >>> q = _Quote(38, 46, 38, None, 0, 0, 47, 0, [], cue_span=(28, 37), mention=(15, 27))
    >>> _adverb_mention(t, q, _lists())
    True
    """
    if q.mention is None or q.cue_span is None:
        return False
    ms, me = q.mention
    return (
        me <= q.cue_span[0]
        and not text[me : q.cue_span[0]].strip()
        and _manner_adverb(text[ms:me], lists)
    )


def _widen_cues(text: str, found: list[_Quote]) -> None:
    """Cue spans as news annotation reads them: with the auxiliaries, negations and adverbs
    right before ("has also said", "did not say", "went on to say"), the particle of a phrasal
    verb ("pointed out", "called for") and the words that say how ("said in a statement").
    Words of the speaker's own mention never join the cue."""
    lists = _lists()
    before, particles = lists["cue_before"] | lists["cue_floating"], lists["cue_particles"]
    chained = {"to": lists["cue_before_to"], "on": lists["cue_before_on"]}
    widened: dict[tuple, tuple[int, int]] = {}
    for q in found:
        if q.cue_span is None or q.cue in (":", "reportedly"):
            continue  # 'is reportedly planning': the auxiliary is the content's, not the cue's
        if _adverb_mention(text, q, lists):
            q.mention, q.mention_kind = None, ""  # ', and specifically mentioned': no one
        key = (q.cue_span, q.mention)
        if key not in widened:
            s, e = q.cue_span
            cue_s = s
            floor = q.mention[1] if q.mention is not None and q.mention[1] <= s else 0
            prev = ""
            while True:
                m = _word_before(text, s, 20, floor, "’'")  # _WORD_BEFORE_RE's match
                if m is None:
                    break
                word = m[1].lower().replace("’", "'")
                if m[1][:1].isupper() and text[max(floor, m[0] - 8) : m[0]].rstrip()[-1:].islower():
                    break  # 'The survey in May showed': mid-sentence, a name, not the modal
                if word == "as" and not prev:
                    # 'was quoted as saying': the cue reaches back over 'quoted as'
                    m2 = _word_before(text, m[0], 20, floor, "’'")
                    if m2 is None or m2[1].lower() not in lists["cue_before_as"]:
                        break
                    s, prev = m2[0], m2[1].lower()
                    continue
                if not (
                    word in before or word in chained.get(prev, ()) or _manner_adverb(word, lists)
                ):
                    if word in lists["auxiliary_gap"] or word.endswith("ly"):
                        s = _auxiliary_gap_start(text, s, floor, lists)
                    break
                s, prev = m[0], word
            if prev == "since" and text[s:e].endswith("ing"):
                s = cue_s  # 'Since announcing ...': a preposition before a gerund, no adverb
            if prev == "to" and q.mention is not None:
                s = _to_subject(text, s, q.mention[1])
            elif q.mention is not None and text[s:e].endswith("ing"):
                s = _document_verb_start(text, s, q.mention[1], lists)
            m = _PARTICLE_RE.match(text, e)
            while m is not None and text[s:e].lower().split()[-1] + "_" + m.group(1) in particles:
                if (
                    text[s:e].lower().split()[-1] in _chained_particles(particles)
                    and _first_nonspace(text, m.end(), q.start) < q.start
                    and _PHRASE_BREAK_RE.search(text, m.end(), q.start) is None
                ):
                    break  # 'pointed out at a news conference that ...': a place, no object
                e = m.end()  # 'lashed out at', 'expressed concern about': one more after one
                m = _PARTICLE_RE.match(text, e)
            m = _IN_FAVOR_RE.match(text, e)
            if m is not None:
                e = m.end()  # 'spoke out in favor of', 'argued in favor of': the stance's own
            m = _CUE_AFTER_RE.match(text, e) or _manner_after_re().match(text, e)
            if m is not None:
                e = m.end()
            elif q.cue not in _NOT_ADVERB_CUES:
                m = _ADVERB_AFTER_RE.match(text, e) or _REPEAT_AFTER_RE.match(text, e)
                if m is not None:  # '..., he said recently.' / 'Lee asked rhetorically, ...'
                    e = m.end()
            widened[key] = (s, e)
        q.cue_span = widened[key]
        _after_cue(text, q)
