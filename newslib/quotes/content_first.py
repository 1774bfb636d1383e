"""Reported speech with the content before its cue: "CONTENT, Smith said (in a statement).",
"CONTENT, said Smith, a spokesman.", "CONTENT, he said, MORE.", "..., a point Lee also made."

In "The bridge will reopen in May, the mayor said on Monday." the content is "The bridge will
reopen in May", the cue "said" and the source "the mayor". The content starts at the
sentence's start, or after a clause that is an attribution of its own ("Lee said the fares
rise, but they will fall, Kim said" starts at "they"); a lead that only sets the scene of a
quotation ("Asked about the plan, Lee said, ...") is no content. ``_inverted_speaker`` tells a
speaker after the cue ("..., said Ann Lee.") from a clause ("..., said the plan is sound").
"""

from __future__ import annotations

import re

from .attribution import _TIME_WORDS, _TOKEN_RE, _cut_subject
from .clause_ends import _ends_attribution, _reads_content
from .clauses import (
    _CLOSING,
    _CONJUNCTIONS,
    _FINITE,
    _INFINITIVE_RE,
    _RELATIVES,
    _SUBJECT_PRONOUNS,
    _first_words,
    _is_adjunct,
    _noun_phrase,
    _skip_space,
    _words,
)
from .cue_scan import _find_cues, _report_rules
from .cues import _COMMA_SUFFIX, _lists, _Rules
from .found import _Found
from .sources import _source_words
from .subjects import _subject_before

_INVERTED_OPENERS = frozenset("the a an former one another".split())
_APPOSITION_STARTS = frozenset("who a an the one its his her their whose which".split())
# '..., said Ann Lee.', '..., reports the Post.'
_INVERTING = frozenset("said says say wrote writes added adds reports reported".split())
# a day or an occasion after the cue, then a comma: 'said on Monday,', 'said in an interview,'
_WHEN_COMMA_RE = re.compile(
    r"[^\S\n]+(?:(?:on[^\S\n]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|in[^\S\n]+an?(?:[^\S\n]+[a-z\-]+)?[^\S\n]+(?:interview|statement|email|e-mail|speech)"
    r"|(?:last|this)[^\S\n]+(?:week|month|year|night))[^\S\n]*,"
)
_OPENING_MARKS = "\"“‘'«"
_SUFFIX_AT_END_RE = re.compile(rf"{_COMMA_SUFFIX},[^\S\n]*$")
_NAME_START_RE = re.compile(r"[A-Z][\w’'\-.]*(?:[^\S\n]+[A-Z][\w’'\-.]*){0,3}")


def _content_first(text, cue, span, ss, se, rules) -> _Found | None:
    """'CONTENT, Smith said [adjuncts].' / 'CONTENT, said Smith.' / 'CONTENT, he said, MORE.'"""
    c0, c1 = span
    lead = text[ss:c0]
    suffix = _SUFFIX_AT_END_RE.search(lead) if "," in lead else None
    # 'CONTENT, Tom Roe, Jr., said': the comma before a name's suffix and the one after it
    # are the name's
    top = len(lead) if suffix is None else suffix.start()
    comma = max(lead.rfind(",", 0, top), lead.rfind("—", 0, top), lead.rfind("–", 0, top))
    if comma < 0:
        return None
    if cue not in _lists()["cues"] and _INFINITIVE_RE.match(text, _skip_space(text, c1, se)):
        return None  # '..., Lee, who was in town, decided to leave': what follows is the content
    t0 = ss + comma + 1
    while t0 < c0 and text[t0] in _CLOSING:
        t0 += 1  # the closing mark of a quoted fragment: 'is "a gift," Smith said'
    tail = text[t0:c0]
    # '..., said former governor Ed Rendell, who ...': the speaker closes the sentence
    speaker_after = not tail.strip() and _inverted_speaker(text, cue, c1, se, rules, lead)
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
        if mention is None and speaker_after:
            mention = _bare_plural(text, c1, se)  # '..., say local officials.'
    np = _resumptive_noun(text, t0, mention)
    if np is not None:
        return _Found(*np, cue, span, mention)  # '..., a point Lee also made': 'a point'
    end = ss + comma
    if end - ss < 3 or (not text[c1:se].lstrip().startswith(",") and _adverbial(text, ss, end)):
        return None  # 'Most recently, Lee called to ban ...': the lead says when, not what
    rest = text[c1:se]
    found = _Found(_after_earlier_attribution(text, ss, end), end, cue, span, mention)
    when = _WHEN_COMMA_RE.match(text, c1, se)
    if rest.lstrip().startswith(",") or when is not None:
        # 'CONTENT, Lee said, MORE' / 'CONTENT, Lee said on Monday, MORE'
        comma = c1 + rest.index(",") if when is None else when.end() - 1
        more = _skip_space(text, comma + 1, se)
        if len(text[more:se].split()) >= 2 and not _opens_cue_participle(text, more, se):
            found.more = (more, se)
            if _is_adjunct(text, ss, end):
                # 'Over the years, Lee said, the town grew': the lead is a piece of the
                # content; before a quotation ('Of course, Lee said, "..."') it is not
                if text[more] in _OPENING_MARKS:
                    found.start, found.end, found.more = more, se, None
                return found
    if _scene_lead(text, ss, end, rest):
        # 'Asked about the plan, Lee said, "It works."': the quotation is the content
        return None if found.more is None else _Found(*found.more, cue, span, mention)
    if _is_adjunct(text, ss, end):
        return None  # 'Last week, the council called on the state to ...': when, not what
    return found


def _bare_plural(text: str, c1: int, se: int):
    """The mention of a plural noun phrase with no determiner that closes the sentence after
    an inverted cue ('..., say local officials.'), as a description, or None.

    >>> t = "Fares will rise, say local officials."
    >>> s, e, kind = _bare_plural(t, 21, len(t) - 1)
    >>> t[s:e], kind
    ('local officials', 'desc')
    """
    words = _words(text, c1, se)
    lower = [w for _, _, w in words]
    if not 0 < len(words) <= 2 or not all(w.isalpha() and w.islower() for w in lower):
        return None
    if not lower[-1].endswith("s") or lower[-1].endswith("ss"):
        return None
    return words[0][0], words[-1][1], "desc"


def _opens_cue_participle(text: str, p: int, se: int) -> bool:
    """Does text[p:se] open with a participle cue ('adding that ...', 'noting that ...'),
    which reads a content of its own after a closing attribution ('CONTENT, Lee said, adding
    that ...')?

    >>> t = "The plant will close, Lee said, adding that the city would pay."
    >>> _opens_cue_participle(t, 32, len(t) - 1), _opens_cue_participle(t, 0, len(t) - 1)
    (True, False)
    """
    m = _TOKEN_RE.match(text, p, se)
    return (
        m is not None
        and m.group(0).endswith("ing")
        and _report_rules().cue_re.fullmatch(m.group(0)) is not None
    )


# where another clause opens inside a lead: ', but ...', ', and ...', '; ...', or after an
# opening 'Though ... ,'
_LEAD_CLAUSE_RE = re.compile(
    r"(?:,[^\S\n]+(?:but|and|while|though|although)|;)[^\S\n]+"
    r"|\A(?:Though|Although|While)\b[^,;\n]{3,120},[^\S\n]+"
)
_DOUBLE_MARK_RE = re.compile(r"[\"“”]")


def _after_earlier_attribution(text: str, ss: int, end: int) -> int:
    """Where a content before its cue starts: after a clause of the lead that is an attribution
    of its own ('Lee said the fares rise, but they will fall, Kim said' starts at 'they';
    'Though Lee argues X, Y, Kim says' at 'Y'), else at ``ss``.

    >>> text = "Lee said the fares rise, but they will fall, Kim said."
    >>> text[_after_earlier_attribution(text, 0, 43) : 43]
    'they will fall'
    """
    lead = text[ss:end]
    opens = [m for m in _LEAD_CLAUSE_RE.finditer(lead) if m.end() < len(lead)]
    if not opens:
        return ss
    m = opens[-1]
    if len(_DOUBLE_MARK_RE.findall(lead, 0, m.start())) % 2:
        return ss  # inside a quotation
    cues = _lists()["cues"]
    for cue in _find_cues(text, ss, ss + m.end()):
        if cue.group(0).lower() in cues and _reads_content(text, cue, ss + m.end()):
            return ss + m.end()
    return ss


_QUOTE_NEXT_RE = re.compile(r"\s*,\s*[\"“'‘]{1,2}[A-Z]")


def _scene_lead(text: str, ss: int, end: int, rest: str) -> bool:
    """Is the lead text[ss:end] of ', Lee said, "It ..."' (``rest`` is what follows the cue, a
    quotation that opens a sentence) one clause that only sets the scene of the quotation
    ('Asked about the plan', 'Speaking to reporters', 'After reading the letter'): 'asked' or an
    '-ing' word first, or second after a [lead_openers] word ('After she left' may be the
    content's own: no scene)?

    >>> t = 'Asked about the plan, Lee said, "It works."'
    >>> _scene_lead(t, 0, 20, t[30:]), _scene_lead(t, 0, 20, " on Monday.")
    (True, False)
    """
    if not _QUOTE_NEXT_RE.match(rest) or "," in text[ss:end]:
        return False
    words = text[ss:end].split(None, 1)
    if len(words) < 2:
        return False
    first, second = words[0].lower(), words[1].split(None, 1)[0].lower()
    if first in _lists()["lead_openers"] and first != "asked":
        first = second  # 'After reading the letter', 'When asked about it'; not 'After she left'
    return first == "asked" or (first.endswith("ing") and first.isalpha() and "thing" not in first)


def _resumptive_noun(text: str, t0: int, mention) -> tuple[int, int] | None:
    """The span of 'a point' in '..., a point Lee also made': a [resumptive_nouns] or
    [speech_nouns] noun that sums up the clause before it and heads a relative clause without
    its pronoun, the cue's speaker (``mention``) right after it; else None.

    >>> t = "Fares rise, a point Lee made."
    >>> s, e = _resumptive_noun(t, 11, (20, 23, "name"))
    >>> t[s:e]
    'a point'
    """
    if mention is None or mention[0] <= t0:
        return None
    words = text[t0 : mention[0]].split()
    if len(words) != 2 or words[0].lower() not in ("a", "an"):
        return None
    lists = _lists()
    if words[1] not in lists["resumptive_nouns"] and words[1] not in lists["speech_nouns"]:
        return None
    s = _skip_space(text, t0, mention[0])
    return s, s + len(text[s : mention[0]].rstrip())


def _adverbial(text: str, s: int, e: int) -> bool:
    """Is text[s:e] only an adverb phrase or a time ('Most recently', 'Last week', 'Earlier')?"""
    words = [w.lower() for _, _, w in _first_words(text, s, e, 4)]  # four are too many already
    adverbs = _lists()["adverbs"]
    return 0 < len(words) <= 3 and all(
        w in adverbs or w in _TIME_WORDS or w.endswith("ly") or w in ("most", "more", "very")
        for w in words
    )


_DASH_AFTER_CUE_RE = re.compile(r"[^\S\n]*(?:—|–|--)")


# where the words after a closing cue stop being its own: a comma, a semicolon or a dash
_CLAUSE_STOP_RE = re.compile(r"[,;—–]|--|[^\S\n]-[^\S\n]")


def _clause_after(text: str, c1: int, se: int) -> bool:
    """Does a clause follow the cue ('the family deserved better', 'the plan is sound'): a
    finite verb or a past form among the first words, before any comma? Not past a dash
    ('CONTENT, Lee said — a move that ...': what follows the dash is the writer's)."""
    if _DASH_AFTER_CUE_RE.match(text, c1, se):
        return False
    stop = _CLAUSE_STOP_RE.search(text, c1, se)
    words = [w for _, _, w in _first_words(text, c1, stop.start() if stop else se, 8)]
    if not words or words[0].lower() in _SUBJECT_PRONOUNS:
        return bool(words)
    speech = _lists()["reporting_needs_clause"]
    return any(
        w.lower() in _FINITE
        or (w.islower() and len(w) > 3 and w.endswith("ed"))
        or (w.islower() and w in speech and not w.endswith("ing"))  # 'said Lee believes ...'
        for w in words[1:]
    )


def _closing_apposition(text: str, comma: int, se: int) -> bool:
    """Is text[comma + 1 : se] a short phrase with no verb that closes the sentence, an
    apposition of an inverted speaker ('..., said the firm's chief, Ann Lee.', '..., wrote
    Tom Roe, Lee's nephew, on Facebook.')?

    >>> t = "The plant is safe, said the firm's chief, Ann Lee."
    >>> _closing_apposition(t, t.index(", Ann"), len(t) - 1)
    True
    >>> t = "The plant is safe, said Ann Lee, the plan will fail."
    >>> _closing_apposition(t, t.index(", the"), len(t) - 1)
    False
    """
    words = [w for _, _, w in _words(text, comma + 1, se)]
    return 0 < len(words) <= 8 and not any(
        w.lower() in _FINITE or (w.islower() and len(w) > 3 and w.endswith("ed")) for w in words
    )


def _inverted_speaker(text: str, cue: str, c1: int, se: int, rules: _Rules, lead: str = "") -> bool:
    """Is what follows the cue a speaker closing the sentence ('..., said the company's chief
    executive, Ann Lee.', '..., said former governor Ed Rendell, who ...')? A short phrase with
    a name or a person's role and no finite verb, up to a comma or the sentence end."""
    if cue not in _INVERTING:
        return False
    comma = text.find(",", c1, se)
    words = [w for _, _, w in _words(text, c1, comma if comma >= 0 else se)]
    while words and words[0].lower() in _TIME_WORDS:
        words = words[1:]  # '..., said Wednesday she agrees': a day is no speaker
    who = next((i for i, w in enumerate(words) if i and w.lower() == "who"), None)
    if who is not None and comma < 0:
        # '..., said an official who asked not to be named.': 'who' follows a person and its
        # clause closes the sentence (not '..., said the aide who hired him, Al Roe, should go')
        words = words[:who]
        if words[0].lower() in rules.determiners and len(words) <= 4:
            return all(w.isalpha() and w.islower() for w in words[1:])
    if not words or len(words) > 6 or any(w.lower() in _FINITE for w in words):
        return False
    if any(w.islower() and len(w) > 3 and w.endswith("ed") for w in words[1:]):
        return False  # '..., said the Khan family deserved better': a clause
    first = words[0].lower()
    if first in _SUBJECT_PRONOUNS or first in _report_rules().openers:
        return False  # '..., said he expects ...', '..., said that ...'
    if comma < 0 and len(words) <= 2 and all(w.isalpha() and w.islower() for w in words):
        if words[-1].endswith("s") and not words[-1].endswith("ss"):
            return True  # '..., say experts.', '..., say local residents.'
    if not (
        words[0][:1].isupper()
        or first in _INVERTED_OPENERS
        or first in rules.roles
        or first in rules.determiners
        # '..., said board member Ann Lee.' (not after a quotation in ``lead``, the words
        # before the cue: its speaker is found with it)
        or (_role_before_name(words, rules) and not _QUOTE_MARK_RE.search(lead))
    ):
        return False
    if comma >= 0:
        nxt = _TOKEN_RE.search(text, comma + 1, se)
        if nxt is None:
            return False
        if nxt.group(0).lower() not in _APPOSITION_STARTS and not _closing_apposition(
            text, comma, se
        ):
            return False  # '..., said Smith, the plan ...'
    if any(w[:1].isupper() or w.lower() in rules.roles for w in words):
        return True
    # '..., said several observers.', '..., say two members of the board.': a determiner and
    # a plural head (before an 'of', 'at', ... that opens what follows it) close the sentence
    lower = [w.lower() for w in words]
    k = next((i for i in range(1, len(lower)) if lower[i] in _HEAD_ENDS), len(lower))
    head = lower[k - 1]
    return (
        (first in rules.determiners or first in _INVERTED_OPENERS)
        and k <= 4
        and head.isalpha()
        and (
            _plural_head(head)
            or head in rules.sources
            or (k < len(lower) and lower[k] == "of" and first in _ONE)  # 'one member of ...'
        )
    )


_QUOTE_MARK_RE = re.compile('["“”]')


def _role_before_name(words: list[str], rules: _Rules) -> bool:
    """Do ``words`` open with up to three lower-case words ending in a role noun, and go on
    with a capitalised name to their end ('board member Ann Lee', 'harbor pilot Tom Roe')?

    >>> from newslib.quotes.cues import _rules
    >>> _role_before_name(["board", "member", "Ann", "Lee"], _rules())
    True
    >>> _role_before_name(["board", "members", "will", "vote"], _rules())
    False
    """
    k = 0
    while k < len(words) and words[k].islower():
        k += 1
    if not 1 <= k <= 3 or k == len(words):
        return False
    role = words[k - 1]
    if role not in rules.roles and role not in _source_words()["name_roles"]:
        return False
    return all(w[:1].isupper() for w in words[k:])


# the words that end a noun phrase's head after an inverted cue ('members of the board')
_HEAD_ENDS = frozenset("of at from for in on with".split())
_ONE = frozenset("one a an another".split())


def _plural_head(word: str) -> bool:
    """Does ``word`` look like a plural noun ('officials', 'people')?"""
    return word == "people" or word.endswith("s")
