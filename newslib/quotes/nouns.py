"""Reported speech whose cue is a noun: "the mayor's claim that the bridge is safe", "her
decision to run", "criticism from rivals that the plan is late".

A noun of speech, stance or decision (the ``[speech_nouns]`` section of
``newslib/data/quote_cues.txt``) followed by a "that" clause or a "to" infinitive is an
attribution when its source is written with it: a possessive before it ("Lee's", "his", "the
board's") or "from X" right after it. The content is the clause or the infinitive, up to the
end of its phrase (a comma, a dash, or, for an infinitive, the finite verb of the sentence it
is the subject of: "Lee's decision to run has surprised ...").

For the cues ``reading._read`` finds in a sentence, the readings of a cue word as a noun:
``_noun_reading`` (is a stance word a noun: "terrorist attacks", "roll call", rather than a
speaker's verb), ``_names_a_thing_before`` ("a firm called ..." names a thing),
``_speech_noun`` ("Lee's claim that the plan failed": the content is "that the plan failed",
the source "Lee") and ``_light_verb_start`` (the cue of "Lee made no mention of it" is "made
no mention of").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..text import WORD_RE
from .attribution import _TOKEN_RE, _cut_subject
from .clause_ends import _before_main_verb, _cut_clause, _list_goes_on
from .clauses import (
    _FINITE,
    _INFINITIVE_RE,
    _NOT_NOUN_PHRASE,
    _OBJECT_END_RE,
    _clause_ok,
    _noun_phrase,
    _skip_space,
    _within,
    _word_before,
    _words,
)
from .cue_scan import _report_rules
from .cues import _alternation, _lists, _Rules
from .found import _Found
from .memo import LastKeyMemo
from .near import _FEW_SPANS, _SpanIndex
from .sentences import _sentence_starts
from .subjects import _IRREGULAR

# the possessive right before the noun (an adjective may stand between): "Lee's", "his", a
# plural's bare apostrophe ("the unions'")
_POSSESSOR_RE = re.compile(
    r"(?:(?P<owner>[\w.&\-]+(?:[^\S\n]+[\w.&\-]+){0,3}?)(?P<mark>['’]s|(?<=s)['’])"
    r"|\b(?P<pron>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))"
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
    hits += _object_noun_spans(text, lo, hi)  # 'attacks on'
    out: list[_Found] = []
    near = None  # a long paragraph: the marks and contents near each noun only
    if len(hits) + len(marks) + len(claimed) > _FEW_SPANS:
        near = _SpanIndex(marks), _SpanIndex(claimed)
    for c0, c1 in sorted(hits):
        noun = text[c0:c1]
        here_marks, here_claimed = marks, claimed
        if near is not None:
            here_marks, here_claimed = near[0].near(c0, c0), near[1].near(c0, c0)
        if _within(c0, here_marks) or _within(c0, here_claimed):
            continue
        if starts is None:
            starts = _sentence_starts(text, lo, hi)
        k = bisect_right(starts, c0)  # the starts are in text order
        ss = starts[k - 1] if k else lo
        se = starts[k] if k < len(starts) else hi
        if noun.isalpha():
            got = _read_noun(text, noun, c0, c1, ss, se, rules)
        else:  # a noun and its preposition: 'attacks on'
            got = _read_object_noun(text, c0, c1, ss, se, rules)
        if got is None:
            continue
        if near is not None:
            here_claimed = near[1].near(got.start, got.end)
        if not any(a < got.end and got.start < b for a, b in here_claimed):
            out.append(got)
            if near is None:
                claimed.append((got.start, got.end))
            else:
                near[1].append((got.start, got.end))  # onto claimed itself, indexed
    return out


@lru_cache(maxsize=1)
def _noun_ends() -> frozenset[str] | None:
    """The last two letters of every noun cue: a word ending otherwise is none of them (None
    if a noun is shorter)."""
    nouns = _lists()["speech_nouns"]
    return frozenset(n[-2:] for n in nouns) if all(len(n) >= 2 for n in nouns) else None


def _may_own(text: str, ss: int, c0: int) -> bool:
    """Can ``_POSSESSOR_RE`` match before ``c0``?  Each match holds "'s", "’s", "s'", "s’" or
    one of the pronouns: without them in the stretch it searches, the search (many tries)
    finds none.

    >>> _may_own("the mayor's claim", 0, 12), _may_own("a claim", 0, 2)
    (True, False)
    """
    low = text[max(ss, c0 - 60) : c0].lower()
    return any(key in low for key in ("'s", "’s", "s'", "s’", "his", "her", "their", "its"))


def _read_noun(text, noun, c0, c1, ss, se, rules) -> _Found | None:
    """'Lee's claim that CONTENT', 'his decision (not) to CONTENT', 'criticism from X that
    CONTENT'; None when no source is written or no clause follows."""
    mention = None
    after = _skip_space(text, c1, se)
    frm = _FROM_RE.match(text, c1, se)
    poss = _POSSESSOR_RE.search(text, max(ss, c0 - 60), c0) if _may_own(text, ss, c0) else None
    if poss is not None:
        mention = _owner_mention(text, poss, rules)
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
    cue_start = c0
    if poss is not None:  # an adjective after the owner joins the cue: 'his stern warning'
        owner_end = poss.end("pron") if poss.group("pron") else poss.end("mark")
        cue_start = _skip_space(text, owner_end, c0)
    return _Found(start, end, noun, (cue_start, c1), mention)


def _owner_mention(text: str, poss: re.Match, rules: _Rules):
    """The source mention of a ``_POSSESSOR_RE`` match: the pronoun ('his'), or the owner
    with its "'s" as written ("Lee's", "the unions'"); None for "it's" and the like."""
    if poss.group("pron"):
        return poss.start("pron"), poss.end("pron"), "pron"
    mention = _cut_subject(text, poss.start("owner"), poss.end("owner"), rules, True, False)
    if mention is not None and mention[2] == "pron":
        return None  # "it's"
    if mention is not None and mention[1] == poss.end("owner"):
        return mention[0], poss.end("mark"), mention[2]  # "Lee's", as it is written
    return mention


@lru_cache(maxsize=1)
def _object_noun_re() -> re.Pattern:
    """The [object_nouns] of quote_cues.txt, each with its preposition ('attacks on')."""
    by_prep: dict[str, list[str]] = {}
    for pair in _lists()["object_nouns"]:
        noun, prep = pair.split("_", 1)
        by_prep.setdefault(prep, []).append(noun)
    alts = "|".join(
        rf"(?:{_alternation(nouns)})[^\S\n]+{re.escape(prep)}" for prep, nouns in by_prep.items()
    )
    return re.compile(rf"\b(?:{alts})\b")


@lru_cache(maxsize=1)
def _object_noun_stems() -> tuple[str, ...] | None:
    """The shortest [object_nouns] nouns that no other one starts with ('attack' for 'attack'
    and 'attacks'): every match of ``_object_noun_re`` starts with one of them (None when a
    noun is empty)."""
    nouns = {pair.split("_", 1)[0] for pair in _lists()["object_nouns"]}
    if not nouns or "" in nouns:
        return None
    return tuple(sorted(n for n in nouns if not any(o != n and n.startswith(o) for o in nouns)))


# The last text's places where an [object_nouns] noun may start (see _object_noun_spans).
_LAST_NOUN_STARTS = LastKeyMemo()


def _object_noun_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of ``_object_noun_re().finditer(text, lo, hi)``, the very ones, found faster:
    the pattern, which has no literal to skip ahead to, is tried only where one of its nouns
    starts, which plain string searches find (once per text: every paragraph asks). Tried in
    text order past the end of the last match, as ``finditer`` does.

    >>> t = "Lee's attacks on the board and her criticism of it."
    >>> [t[a:b] for a, b in _object_noun_spans(t, 0, len(t))]
    ['attacks on', 'criticism of']
    """
    stems = _object_noun_stems()
    pattern = _object_noun_re()
    if stems is None:
        return [m.span() for m in pattern.finditer(text, lo, hi)]
    known = _LAST_NOUN_STARTS.values(text)
    every = known.get("starts")
    if every is None:
        every = []
        for stem in stems:
            i = text.find(stem)
            while i >= 0:
                every.append(i)
                i = text.find(stem, i + 1)
        every = known["starts"] = sorted(set(every))
    spans = []
    pos = lo
    match = pattern.match
    for p in every[bisect_left(every, lo) : bisect_left(every, hi)]:
        if p >= pos:
            m = match(text, p, hi)
            if m is not None:
                pos = m.end()
                spans.append((p, pos))
    return spans


def _read_object_noun(text, c0, c1, ss, se, rules) -> _Found | None:
    """'Lee's attacks on CONTENT', 'his harsh critique of CONTENT': a noun of stance and its
    preposition (``text[c0:c1]``) with a possessive owner right before them, the source (an
    adjective between joins the cue); the content is the object, up to a comma, a dash or the
    sentence's own verb. None without an owner, or when the owner is a thing, not someone who
    speaks ('the storm's attack on the coast'): a description must end in a person's role or a
    speaking body of [sources] ('the mayor's', 'the campaign's').

    >>> from newslib.quotes.cues import _rules
    >>> t = "Lee's sharp attacks on the Harbor Board have grown louder."
    >>> got = _read_object_noun(t, 12, 22, 0, len(t), _rules())
    >>> t[got.cue_span[0] : got.cue_span[1]], t[got.start : got.end], got.mention
    ('sharp attacks on', 'the Harbor Board', (0, 5, 'name'))
    """
    if not _may_own(text, ss, c0):
        return None
    poss = _POSSESSOR_RE.search(text, max(ss, c0 - 60), c0)
    mention = _owner_mention(text, poss, rules) if poss is not None else None
    if mention is None:
        return None
    if mention[2] == "desc":
        head = text[mention[0] : mention[1]].split()[-1].lower().rstrip("'’s")
        if head not in rules.roles and head not in rules.sources:
            return None
    owner_end = poss.end("pron") if poss.group("pron") else poss.end("mark")
    cue_start = _skip_space(text, owner_end, c0)  # the adjective, if any: 'harsh attacks on'
    start = _skip_space(text, c1, se)
    end = _phrase_end(text, start, se, infinitive=False)
    end = _before_main_verb(text, start, end)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?\"“”'’)"):
        end -= 1
    if not WORD_RE.search(text, start, end):
        return None
    return _Found(start, end, text[c0:c1], (cue_start, c1), mention)


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


# Below: a cue word that is a noun in the sentence ``reading._read`` is reading. Is a stance
# word a noun rather than a speaker's verb ('roll call', 'a primary challenge'), is 'called'
# naming a thing ('a firm called ...'), a clause noun with its owner ('Lee's claim that ...'),
# a noun object of a light verb ('made no mention of').
_DETERMINERS = frozenset("the a an his her their its our this that these those".split())
_ARTICLES = frozenset("the a an".split())
_PLURAL_QUANTIFIERS = frozenset("some many most several few both all various numerous".split())
_BEFORE_ADJECTIVE = frozenset("in of among about for with".split())


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
    if cue[-1:] == "s" and prev[-3:] == "ing" and prev in rules.cues and text[c0 - 1] == " ":
        return True  # 'telling jokes', 'saying thanks': the object of a speech verb
    if (
        cue[-1:] == "s"
        and cue[-2:] != "ss"
        and prev in _PLURAL_QUANTIFIERS
        and text[c0 - 1] == " "
        and text[c0 - len(prev) - 1 : c0 - 1] == prev.capitalize()
    ):
        return True  # 'Some advocates for the plan said': a plural noun after a quantifier
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
    if prev in _verb_lead() or (prev.endswith("ly") and prev not in _lists()["not_adverbs"]):
        return False  # 'they back', 'publicly attacks' (not 'the deadly attack')
    if cue.endswith("s") and (prev in rules.roles or prev in _lists()["acting_bodies"]):
        return False  # 'the mayor hopes', 'the board supports': a person's or a body's verb
    # a plural subject takes the bare verb ('voters back'); a singular noun makes a compound
    return not plural_subject or prev.endswith("ous")  # 'unanimous support'


# 'Mr. Lee's', 'the senator's', 'Democrats'' (and one adjective: 'Lee's repeated') before a noun
_OWNER_RE = re.compile(
    r"(?P<owner>(?:[Tt]he[^\S\n]+[a-z]+|[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,3}))"
    r"(?:['’]s|(?<=s)['’])[^\S\n]+(?:[a-z]+[^\S\n]+)?$"
)


_NOUN_CONTENT_END_RE = re.compile(r"[,;:()—–]")


def _speech_noun(text, noun, c0, ss, se, speech) -> _Found | None:
    """'Lee's claim that the plan failed', 'allegations that the vote was rigged': a noun of
    [clause_nouns] right before 'that' and a clause; the clause ('that' included) is the
    content, the owner before the noun ('Lee's') the source (none without one)."""
    that = _TOKEN_RE.search(text, c0 + len(noun), se)
    if that is None or that.group(0).lower() != "that":
        return None
    first = _TOKEN_RE.match(text, _skip_space(text, that.end(), se))
    if first is None or first.group(0).lower() in _NOT_NOUN_PHRASE:
        return None  # 'the claims that were made': a relative clause, no content
    prev = _word_before(text, ss, c0)
    if prev in _POSSESSIVE_PRONOUNS:
        return None  # 'his claim that ...': nouns.py reads it, with its pronoun source
    if prev in ("a", "an") and text[: _noun_phrase_start(text, ss, c0)].rstrip().endswith(","):
        return None  # '..., a claim that drew scorn': a phrase summing up what came before
    owned = prev.endswith(("'s", "’s", "s'", "s’"))
    if noun in _report_rules().stances | _lists()["reporting"] and not (
        owned or prev in _DETERMINERS
    ):
        return None  # 'Lee claims that ...' is the verb's
    end = _cut_clause(text, that.start(), se, speech)
    brk = _NOUN_CONTENT_END_RE.search(text, that.start(), end)
    end = brk.start() if brk is not None else end  # 'Despite claims that ..., Lee won'
    if len(WORD_RE.findall(text, that.start(), end)) < 4:
        return None
    mention = None
    m = _OWNER_RE.search(text, max(ss, c0 - 80), c0) if owned else None
    if m is not None:
        a, b = m.span("owner")
        for w in _words(text, a, b)[:-1]:  # 'Despite Lee's claims': no part of the owner
            if w[2].lower() not in _NOT_IN_NOUN_PHRASE | _OWNER_SKIPS:
                break
            a = _skip_space(text, w[1], b)
        owner = text[a:b]
        kind = "name" if owner[0].isupper() and not owner.startswith("The ") else "desc"
        mention = (a, b, kind)
    return _Found(
        that.start(), end, noun, (_noun_phrase_start(text, ss, c0), c0 + len(noun)), mention
    )


# the possessive pronouns nouns.py reads as a noun cue's source
_POSSESSIVE_PRONOUNS = frozenset("his her their its".split())
_OWNER_SKIPS = frozenset("despite amid after before since while when as like unlike".split())
_NOT_IN_NOUN_PHRASE = _NOT_NOUN_PHRASE | frozenset(
    "of to in on with at by for from about and or but is was were are has have had make makes "
    "made be been including included over after before amid despite against".split()
)


def _noun_phrase_start(text: str, ss: int, c0: int) -> int:
    """Where the noun phrase of a speech noun at ``c0`` starts: its article and the words
    qualifying it join the cue, as PolNeAR marks a noun cue ('a stern warning that', 'the
    false claims that'); an owner ('Lee's claim') does not. Without an article, ``c0``."""
    words = _words(text, max(ss, c0 - 60), c0)[-4:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i][2]
        if w.lower() in ("a", "an", "the"):
            return (
                words[i][0]
                if not text[words[i][1] : c0].strip(" -")
                or all(x[2].replace("-", "").isalpha() for x in words[i + 1 :])
                else c0
            )
        if not w.replace("-", "").isalpha() or not w.islower() or w in _NOT_IN_NOUN_PHRASE:
            return c0
    return c0


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


def _light_verb_start(text: str, ss: int, c0: int) -> int | None:
    """Where the light verb starts whose object is the word at ``c0``, a few words before it
    ('made no mention of', 'made other public promises to'): a noun the subject says; None
    without one. The cue starts there, as PolNeAR marks it ('made no mention of').

    >>> text = "Lee made no mention of it."
    >>> _light_verb_start(text, 0, text.index("mention"))
    4
    """
    words = _words(text, max(ss, c0 - 40), c0)[-4:]
    light = _lists()["light_verbs"]
    for i, (a, b, w) in enumerate(words):
        if w.lower() in light:
            # its object right after it: 'On economic issues, more call ...' has no light verb
            nxt = words[i + 1][0] if i + 1 < len(words) else c0
            return a if text[b:nxt].isspace() else None
    return None
