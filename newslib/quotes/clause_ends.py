"""Where a reported content ends, and whether a cue closes its sentence as an attribution.

A reader that found where a content starts (``clauses._content_start``) asks here where it
ends: ``_cut_clause`` (the sentence end, before ', according to X', another speaker's clause or
a relative clause), ``_object_span`` (the end of a stance verb's object), ``_before_main_verb``
(before the verb of the sentence whose subject holds the cue); ``_ends_attribution`` and
``_inverts`` tell whether a cue closes its sentence as an attribution ('..., the report
said.'). Called by ``reported``, ``reading`` and the readers; it reads ``clauses``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import WORD_RE
from .attribution import _TOKEN_RE
from .clauses import (
    _BE,
    _CLOSING,
    _CONJUNCTIONS,
    _FINITE,
    _INFINITIVE_RE,
    _NOT_NOUN_PHRASE,
    _OBJECT_END_RE,
    _PREPOSITIONS,
    _RELATIVES,
    _SUBJECT_PRONOUNS,
    _TAIL_CHARS,
    _clause_ok,
    _content_start,
    _first_words,
    _infinitive_after_object,
    _noun_clause,
    _object_infinitive,
    _simple_verb,
    _skip_space,
    _to_listener,
    _trim_end,
    _with_particle,
    _within,
    _word_before,
)
from .cue_scan import _find_cues, _report_rules
from .cues import _alternation, _lists

# a clause break, a conjunction and a pronoun subject right before a cue: ', but she also said'
_NEW_CLAUSE_RE = re.compile(
    r"(?:(?:[,;:]|[^\S\n][-—–])[^\S\n]+(?:(?:and|but|while)[^\S\n]+)?|[^\S\n]+(?:and|but)[^\S\n]+)"
    r"(?:he|she|they|we|I)"
    r"(?:[^\S\n]+(?:also|later|then|has|have|had|would|will|again))*[^\S\n]+$"
)


_CLAUSE_PRONOUNS = frozenset("he she they we I".split())  # those of _NEW_CLAUSE_RE
_WORD_RUN_RE = re.compile(r"\w+")


# a conjunction right before a cue, the same subject's next verb: ', and later urged'
_COORDINATED_RE = re.compile(
    r"(?:,[^\S\n]*|[^\S\n]+)(?:and|but)(?:[^\S\n]+(?:also|later|then|again|has|have|had|would|will))*"
    r"[^\S\n]+$"
)
# the same with negations and adverbs ('but did not say', 'and even suggested'): only after a
# content that is an object or a 'that' clause (see _object_or_that)
_COORDINATED_MORE_RE = re.compile(
    r"(?:,[^\S\n]*|[^\S\n]+)(?:and|but)(?:[^\S\n]+(?:also|later|then|again|has|have|had|would|will"
    r"|even|once|still|never|not|did|does|didn[’']t|doesn[’']t|[a-z]{3,}ly))*[^\S\n]+$"
)


_CLAUSE_BREAK_RE = re.compile(
    r",[\"”’']*[^\S\n]+(?:according[^\S\n]+to|adding|saying|noting|arguing)\b"
)


def _inside_quotation(text: str, pos: int, quoted) -> bool:
    """Is ``pos`` inside a quotation, other than right before its closing mark ('dead heat,"')?"""
    for a, b in quoted:
        if a <= pos < b:
            return bool(text[pos + 1 : b].strip(_CLOSING))
    return False


_DASH_RE = re.compile(r"[^\S\n]*(?:—|–|--|[^\S\n]-[^\S\n])")
# 'that' as a word; '\bthat\b' written with its letter first, so that a search skips to the
# t's ('t' is a word character: the look-behind on the character before it is the '\b')
_THAT_RE = re.compile(r"t(?<!\w.)hat\b")


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
    that = _THAT_RE.search(rest)  # a 'that' before the first dash (none: no need to look)
    if that is not None and _DASH_RE.search(rest, 0, that.start()) is None:
        return False  # 'said on Monday that ...' (not '... said Monday -- a move that ...')
    first = rest.split(None, 1)[0].lower().strip(",.")
    if (
        cue is not None
        and cue not in _SAY_TO
        and _INFINITIVE_RE.match(rest)
        and not _to_listener(rest)
    ):
        return False  # 'In May, Lee promised to fix the roads': the infinitive is the content
    if first in _report_rules().adjuncts or first == "reporters":
        return True
    if cue in _report_rules().tell and first in _report_rules().listeners:
        # 'CONTENT, Lee told her.', '..., she told voters on Monday.': only the listener
        more = rest.split(None, 1)[1:]
        if not more or more[0][0] in ",.;—–(" or _first_lower(more[0]) in _report_rules().adjuncts:
            return True
    if not inverted and cue not in _report_rules().tell:
        return False
    if cue in _report_rules().questions and any(
        w.lower() in ("about", "whether", "if") for w in rest.split()[1:6]
    ):
        return False  # 'In May, Lee asked Ann Roe about the plan': the question is the content
    return first in ("the", "a", "an") or rest[0].isupper()


def _first_lower(rest: str) -> str:
    """The first word of ``rest``, lower-cased, without a trailing comma or stop."""
    return rest.split(None, 1)[0].lower().strip(",.")


_SAY_TO = frozenset("say says said saying wrote writes added adds told tells".split())


def _object_span(text: str, cue: str, start: int, end: int) -> tuple[int, int]:
    """A stance verb's content is its object, not a clause: 'criticized the plan, which ...'
    ends at the comma; 'urged them to act' is 'them to act', the one urged to act in it as a
    noun would be ('urged the mayor to act')."""
    report = _report_rules()
    if cue not in report.stances and not _object_infinitive(text, cue, start, end):
        asked = cue in report.tell and (
            _INFINITIVE_RE.match(text, start, end)
            or _infinitive_after_object(text, _first_words(text, start, end, 6)) is not None
            or text[:start].rstrip().endswith(" for")
        )  # 'asked the court to intervene, ...', 'asked for a recount, ...': an object
        asked = asked or (
            cue in _lists()["object_reports"] and not _clause_ok(text, "think", start, end)
        )  # 'reported no arrests, although ...'
        if not asked and (
            cue not in _lists()["object_cues"] or _clause_ok(text, "think", start, end)
        ):
            return start, end  # 'announced that ...': the clause runs on
    for brk in _OBJECT_END_RE.finditer(text, start, end):
        # each test reads up to the next break, but a list's up to its 'and': the others first
        if (
            text[brk.start()] == ","
            and text[brk.start() - 1 : brk.end() + 1].replace(",", "").isdigit()
        ):
            continue  # '$2,000'
        if text[brk.start()] == "," and _names_go_on(text, brk.end(), end):
            continue  # 'praised Roe and his deputy, Ann Lee', 'praised Bayview, Maine'
        if text[brk.start()] == "," and _list_goes_on(text, start, brk.end(), end):
            continue  # 'backed higher wages, cheaper care and free college'
        end = brk.start()
        break
    return start, _venue_end(text, start, end)


# after a comma in an object: a capitalised word or a year ('Bayview, Maine', 'May 2, 2016')
_NAME_GOES_ON_RE = re.compile(r"[^\S\n]+(?:[A-Z][\w.’'\-]*|\d{4}\b)")


def _names_go_on(text: str, p: int, end: int) -> bool:
    """After a comma at ``p`` in a stance verb's object: does the object go on with a name, a
    place or a year (an apposition, 'Bayview, Maine', 'May 2, 2016') holding no cue, up to
    the next break?

    >>> t = "praised Bayview, Maine, which voted"
    >>> _names_go_on(t, 16, 35), _names_go_on(t, 22, 35)
    (True, False)
    """
    m = _NAME_GOES_ON_RE.match(text, p, end)
    if m is None:
        return False
    if _noun_clause(text, m.start() + len(m.group(0)) - len(m.group(0).lstrip()), end):
        return False  # 'As Lee criticized the plan, Bayview residents gathered': a new clause
    stop = _OBJECT_END_RE.search(text, p, end)
    return _report_rules().cue_re.search(text, p, stop.start() if stop else end) is None


@lru_cache(maxsize=1)
def _venue_re() -> re.Pattern:
    return re.compile(
        r"[^\S\n]+(?:in|at|during)[^\S\n]+an?[^\S\n]+(?:[\w’'.-]+[^\S\n]+){0,3}?(?:"
        + _alternation(_lists()["venues"])
        + r")\b"
    )


def _venue_end(text: str, start: int, end: int) -> int:
    """An object ends before where it was said ('praised the plan in an interview on Monday'
    reports 'the plan')."""
    m = _venue_re().search(text, start, end)
    if m is None or m.start() <= start or _word_before(text, start, m.start()) in _CONJUNCTIONS:
        return end  # '... and in a statement praised ...': a clause of its own, left as it was
    return m.start()


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


_AS_WELL_AS_RE = re.compile(r"as[^\S\n]+well[^\S\n]+as\b", re.I)


def _list_goes_on(text: str, start: int, p: int, end: int) -> bool:
    """After a comma in a stance verb's object text[start:p]: does a list of objects go on
    ('including ...', or items up to an 'and' / 'or') rather than a new phrase ('which ...',
    'the ...', a participle unless the first item is a gerund too)?"""
    m = _LIST_ITEM_RE.match(text, p, end)
    if m is None:
        return False
    w = m.group("w").lower()
    if w in _lists()["object_goes_on"] or _AS_WELL_AS_RE.match(text, m.start("w"), end):
        return True  # '..., including ...', '..., as well as ...'
    if w in ("and", "or") and "," in text[start : p - 1]:
        return _last_item(text, m.end(), end)  # 'Lee, Roe, and Cruz': a list's last item
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


def _last_item(text: str, p: int, end: int) -> bool:
    """After ', and' closing a list in a stance verb's object: is the next word an item (a
    noun phrase, a name, a bare verb of a list of plans) rather than the subject's next verb or
    a clause of its own ('..., and described the plan', '..., and they said')?

    >>> t = "thanked Lee, Roe, and the crew"
    >>> _last_item(t, 21, 30), _last_item("thanked Lee, Roe, and praised Ann", 21, 33)
    (True, False)
    """
    m = _LIST_ITEM_RE.match(text, p, end)
    if m is None:
        return False
    w = m.group("w").lower()
    return not (
        (w in _NOT_LIST_ITEM and w not in _ARTICLES)
        or w in _FINITE
        or w in _CLAUSE_OPENERS
        or (len(w) > 4 and w.endswith(("ed", "ing")))
    )


_CLAUSE_OPENERS = frozenset("it there this these those you not also then".split())
_ARTICLES = frozenset("the a an".split())


def _before_main_verb(text: str, start: int, end: int) -> int:
    """The end of a stance verb's object before the sentence's own verb, when the stance
    stands inside the subject ('a group backing Lee has spent ...', 'voters who back the
    plan stayed home' end at 'Lee', 'the plan'): an auxiliary, a [predicate_verbs] word or an
    -ed verb after a word of the object.

    >>> text = "A group backing Lee has spent more."
    >>> text[16:_before_main_verb(text, 16, 34)]
    'Lee'
    """
    prev = ""
    for m in WORD_RE.finditer(text, start, end):
        w = m.group(0).lower()
        if prev and (w in _FINITE or _simple_verb(prev, w)):
            return _trim_end(text, start, m.start())
        prev = w
    return end


def _cut_clause(text: str, start: int, se: int, quoted=(), coordinated: bool = True) -> int:
    """Content ends at the sentence end, before ', according to X' / ', adding ...', or before
    another speaker's attribution (', one analyst said'); ``quoted``: the quotations (marks
    included), whose words are the speaker's, never a break. ``coordinated=False``: a cue
    after 'and' is no verb of the content's own speaker (whose cue stands apart: 'as the Post
    notes'), so it stays inside."""
    end = se
    for m in _CLAUSE_BREAK_RE.finditer(text, start, se):
        if not _inside_quotation(text, m.start(), quoted):
            end = m.start()
            break
    for cue in _find_cues(text, start, end):
        if _within(cue.start(), quoted):
            continue
        comma = text.rfind(",", start, cue.start())
        if comma > start and _inside_quotation(text, comma, quoted):
            comma = -1
        tail = text[comma + 1 : cue.start()].lower().split() if comma > start else []
        if comma > start and len(tail) <= 5 and _inverts(cue.group(0).lower(), tail):
            if _ends_attribution(text, cue.end(), se):
                return _trim_end(text, start, comma)
        cut = _participle_break(text, start, cue, se, tail if comma > start else None)
        if cut is not None:
            return cut
        # '... - but she also insisted that ...': another speaker's clause
        # each pattern below needs a whole word of its own before the cue (a pronoun; 'and' or
        # 'but'): without one among the window's word runs, its search is spared
        near = set(_WORD_RUN_RE.findall(text, max(start, cue.start() - 40), cue.start()))
        m = None
        if not near.isdisjoint(_CLAUSE_PRONOUNS):
            m = _NEW_CLAUSE_RE.search(text, max(start, cue.start() - 40), cue.start())
        if m is not None and not _reads_content(text, cue, se):
            m = None
        if m is None:
            # '... and urged that ...': the speaker's next verb, a cue of its own
            m = None
            if coordinated and not near.isdisjoint(("and", "but")):
                m = _COORDINATED_RE.search(text, max(start, cue.start() - 40), cue.start())
                if m is None:
                    m = _COORDINATED_MORE_RE.search(text, max(start, cue.start() - 40), cue.start())
                    if m is not None and not _object_or_that(text, start, m.start()):
                        m = None
            if m is None and cue.group(0).lower() not in _report_rules().stances:
                # '..., while nine in ten said ...': a new clause with a subject of its own
                m = _new_subject(text, start, cue.start())
                if m is None:
                    m = _bare_new_subject(text, start, cue.start(), cue.end())
                    if m is not None and m.start() > start and _reads_content(text, cue, se):
                        # a relative clause before the joint still ends the content there
                        return _relative_end(text, start, _trim_end(text, start, m.start()), quoted)
            if m is not None and not _reads_content(text, cue, se):
                m = None
        if m is not None and m.start() > start:
            return _trim_end(text, start, m.start())
    return _relative_end(text, start, end, quoted)


_PARTICIPLE_LINKS = frozenset("before while after by".split())


def _participle_break(text: str, start: int, cue: re.Match, se: int, tail) -> int | None:
    """The content's end before the speaker's next cue as a participle: right after a comma
    ('..., warning that ...', ``tail`` the words between them: none) or after 'before',
    'while', 'after' or 'by' ('... before claiming that ...'), when it reads a content of its
    own; None otherwise.

    >>> text = "Lee said the plan failed, warning that costs rise."
    >>> _participle_break(text, 9, re.compile("warning").search(text), 50, [])
    24
    """
    word = cue.group(0).lower()
    if not word.endswith("ing") or word not in _lists()["cues"]:
        return None
    if tail == []:
        at = text.rfind(",", start, cue.start())
    else:
        prev = _word_before(text, start, cue.start())
        if prev not in _PARTICIPLE_LINKS:
            return None
        at = text.rfind(prev, start, cue.start())
    if len(text[start:at].split()) < 2 or not _reads_content(text, cue, se):
        return None
    return _trim_end(text, start, at)


def _object_or_that(text: str, start: int, se: int) -> bool:
    """Is the content text[start:se] an object ('praised the ferry') or a 'that' clause rather
    than a bare clause ('said she was late')? After a bare clause, 'and never called' is most
    often its own subject's next verb, still reported; after the others, the speaker's.

    >>> _object_or_that("the new ferry", 0, 13), _object_or_that("she was late", 0, 12)
    (True, False)
    """
    first = _first_words(text, start, se, 1)
    if not first:
        return False
    word = first[0][2].lower()
    if word in ("that", "whether"):
        return True
    return word not in _SUBJECT_PRONOUNS and not _noun_clause(text, start, se)


# a non-restrictive relative clause: ', which opened Friday', ', who lost the race'
_RELATIVE_BREAK_RE = re.compile(
    r",[^\S\n]+(?:which|who|whom|whose|where|but[^\S\n]+(?:he|she|they|it|we|I))\b"
)


def _relative_end(text: str, start: int, end: int, quoted=()) -> int:
    """The content ends before a relative clause that runs on to its end ('she backs the
    bill, which passed on Friday' reports 'she backs the bill'); not inside a quotation, nor
    before one (', which he called "a disgrace"' often stays in)."""
    for m in _RELATIVE_BREAK_RE.finditer(text, start, end):
        if not _within(m.start(), quoted):
            if _RELATIVE_SPEAKER_RE.match(text, m.end(), end) and _cue_at(text, m.end(), end):
                return _trim_end(text, start, m.start())  # ', which he called "a ..."'
            if _QUOTE_MARK_RE.search(text, m.end(), end) or _resumes(text, m.end(), end):
                return end
            return _trim_end(text, start, m.start())
    return end


# the pronoun subject of a relative clause and the adverbs before its verb: ', which he (also)'
_RELATIVE_SPEAKER_RE = re.compile(
    r"[^\S\n]+(?:he|she|they|we|I)(?:[^\S\n]+(?:also|later|has|have|had|once|then))*[^\S\n]+"
)


def _cue_at(text: str, p: int, end: int) -> bool:
    """Is the word after the pronoun at ``p`` a speech verb (', which he called ...')?

    >>> _cue_at("the bill, which he called a lifeline", 15, 36)
    True
    """
    m = _RELATIVE_SPEAKER_RE.match(text, p, end)
    word = _TOKEN_RE.match(text, m.end(), end) if m is not None else None
    return word is not None and word.group(0).lower() in _lists()["cues"]


_QUOTE_MARK_RE = re.compile(r"[\"“”«»]|''")


_COMMA_WORD_RE = re.compile(r",[^\S\n]+([\w’']+)")


def _resumes(text: str, p: int, end: int) -> bool:
    """Does the main clause go on after the relative clause ('the bridge, which is old, would
    close')?"""
    return any(m.group(1).lower() in _FINITE for m in _COMMA_WORD_RE.finditer(text, p, end))


def _opens_participle(text: str, piece: tuple[int, int]) -> bool:
    """Does the piece start with a participle ('adding that ...'), a cue of its own?"""
    m = _TOKEN_RE.match(text, piece[0], piece[1])
    return m is not None and m.group(0).lower().endswith("ing")


def _inverts(cue: str, tail: list[str]) -> bool:
    """Can ', TAIL CUE' close a content as its attribution (', one analyst said')? Not after a
    conjunction (', but found ...'), in a passive (', he is often asked ...') or as a second
    verb (', has fled the country and denounced ...')."""
    if not tail:
        return True  # ', saying ...', ', said Smith'
    if tail[-1] == "to":
        return False  # ', including the right to vote, ...': an infinitive, no speaker's verb
    return tail[0] not in _CONJUNCTIONS and tail[-1] not in _CONJUNCTIONS and _BE.isdisjoint(tail)


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


# a joint with no comma before it ('... failed and most voters said ...', '... even as Lee
# argued ...'), or a comma inside the quotation that closes the content before it
# ('... "a failure," while Lee said ...'); not 'as' or 'when' alone, which mostly open a clause
# of the content's own ('misspoke when she claimed ...')
_BARE_OPEN_RE = re.compile(
    r"(?:,[\"”’']+)?[^\S\n]+(and|but|while|whereas|though|although|even[^\S\n]+as)"
    r"[^\S\n]+"
)
# the joint's word between spaces, which every match holds: a quick test first (the pattern
# above has no first character to skip to, so it is tried at every character)
_BARE_WORD_RE = re.compile(r"[^\S\n](?:and|but|while|whereas|though|although|even)[^\S\n]")


_NOT_SUBJECT_END = frozenset("to the a an".split())


def _last_words(text: str, s: int, e: int) -> list[str]:
    """``text[s:e].split()``, or, for a long stretch, its last words only when there are three
    or more of them (the first maybe cut): as many as a test of the count (>= 3) and of the
    last word needs, without splitting a sentence of thousands of words.

    >>> _last_words("a b c d", 0, 7), len(_last_words("word " * 100, 0, 500)) < 100
    (['a', 'b', 'c', 'd'], True)
    """
    if e - s > _TAIL_CHARS:
        words = text[e - _TAIL_CHARS : e].split()
        if len(words) >= 3:
            return words
    return text[s:e].split()


def _bare_new_subject(text: str, start: int, c0: int, c1: int) -> re.Match | None:
    """The joint before a speech verb's own subject when no comma marks it: 'Lee said the plan
    failed and most voters said it works' ends the first content at 'and'. Only for the plain
    speech verbs, after a content of three words or more, and not where the joint links two
    names or a pronoun to a noun ('Iowa and Ohio show', 'she and her aides said'), nor right
    after another joint ('while doctors and nurses warned'). ``c0``, ``c1``: the cue's span.

    >>> text = "Lee said the plan failed and most voters said it works."
    >>> _bare_new_subject(text, 9, 41, 45).group(1)
    'and'
    """
    if text[c0:c1].lower() not in _lists()["cues"] or text[c0 - 1 : c0] == "-":
        return None
    prev = _word_before(text, start, c0)
    if text[c1 : c1 + 1] == "-" or prev in _NOT_SUBJECT_END:
        return None  # 'the tell-all', 'to ask'
    if prev.endswith(("'s", "’s", "s'", "s’")):
        return None  # "the party's repeated refusal"
    lo = max(start, c0 - 60)
    if _BARE_WORD_RE.search(text, lo, c0) is None:
        return None
    opens = list(_BARE_OPEN_RE.finditer(text, lo, c0))
    if not opens:
        return None
    m = opens[-1]
    before = _last_words(text, start, m.start())
    if len(before) < 3 or before[-1][:1].isupper() or before[-1].lower() in _SUBJECT_PRONOUNS:
        return None
    if len(opens) > 1 and len(text[opens[-2].end() : m.start()].split()) <= 4:
        return None
    if _OBJECT_END_RE.search(text, m.end(), c0):
        return None  # 'and trade, Lee said': the cue closes the sentence
    words = text[m.end() : c0].lower().split()
    cue_before = _lists()["cue_before"]
    while words and words[-1] in cue_before:
        words.pop()
    if not words or len(words) > 6 or words[0] in _RELATIVES or words[-1] == "to":
        return None
    if any(w in _NOT_NOUN_PHRASE or w in _SUBJECT_PRONOUNS for w in words[1:]):
        return None
    if words[0] in _SUBJECT_PRONOUNS and len(words) > 1 or _PREPOSITIONS & {words[0], words[-1]}:
        return None  # 'and it still bears the name written', 'and on Monday wrote', 'for saying'
    return m
