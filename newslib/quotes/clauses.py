"""Where a reported content starts, whether a clause follows a cue, and the word lists the
readers share.

``cue_scan`` finds the cues; ``reported`` and ``reading`` read each cue in the shape of its
sentence, and the helpers here answer the questions every shape asks first: where the content
starts after the cue ('said on Tuesday that', 'told reporters', 'vowed to fight'), whether a
clause follows at all ('showed the plan is sound' reports, 'showed the plan' does not), and the
plain noun phrase before a cue. Where the content ends is ``clause_ends``, which builds on this
module.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from .attribution import _TIME_WORDS, _TOKEN_RE
from .cue_scan import _report_rules
from .cues import _lists, _Rules

_BE = frozenset("is was are were be been am".split())


_SUBJECT_PRONOUNS = frozenset("he she they it we i there".split())


_NOT_NOUN_PHRASE = frozenset(
    "and or but not no is was are were be been has have had will would could should may might "
    "can do does did that which who whom when where while because if as than then so".split()
)


_CONJUNCTIONS = frozenset("and but or nor while whereas because so yet".split())


# a comma, semicolon, colon or dash, or ' - ': '[,;:—–]|[^\S\n]-[^\S\n]' written with one
# character class first, so that a search skips to those characters and white space instead
# of trying both branches at every character
_OBJECT_END_RE = re.compile(r"[,;:—–\s](?:(?<=[,;:—–])|(?<!\n)-[^\S\n])")


_AFTER_LISTENER = frozenset("that whether if".split())  # 'asked the mayor if ...'


_RELATIVES = frozenset("which who whom whose that where when".split())


_INDEFINITE = frozenset("anything nothing something little much so".split())


_TRAILING = " \t\n.,;:!?—–-"


_TO_RE = re.compile(r"(to)\b[^\S\n]*")


# 'to' and a verb ('to win'), not a place or a person ('to the state', 'to Smith', 'to him')
_INFINITIVE_RE = re.compile(
    r"to[^\S\n]+(?!(?:the|a|an|his|her|their|its|my|our|your|this|that|these|those|me|him|them|us|"
    r"you|it|who|what|which|each|every|all|some|any|date|be\b[^\S\n]+(?:sure|clear))\b)[a-z]"
)


# 'not' right before an infinitive: 'decided not to run' (PolNeAR's content starts at 'not')
_NOT_TO_RE = re.compile(r"not[^\S\n]+(?=to\b)")


def _negated_infinitive(text: str, p: int, se: int) -> bool:
    """Does 'not' and an infinitive start at ``p`` ('not to run')?

    >>> _negated_infinitive("not to run again", 0, 16), _negated_infinitive("not to me", 0, 9)
    (True, False)
    """
    m = _NOT_TO_RE.match(text, p, se)
    return m is not None and _INFINITIVE_RE.match(text, m.end(), se) is not None


_PARTICLE_RE = re.compile(r"(for|about|on|out|against)\b[^\S\n]*")


_FOR_RE = re.compile(r"(for)\b[^\S\n]*")


_ANY_PARTICLE_RE = re.compile(r"(out|about|against|upon|up)\b(?![^\S\n]+(?:to|of)\b)[^\S\n]*")


_CLOSING = _TRAILING + "\"'’”»"


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


_WORD_CHARS = frozenset("’'-.")


def _word_before(text: str, ss: int, c0: int) -> str:
    """The lower-cased word before ``c0`` in the sentence starting at ``ss`` ('' for none)."""
    e = c0
    while e > ss and not (text[e - 1].isalnum() or text[e - 1] in _WORD_CHARS):
        e -= 1
    # the usual case in one C-level test: letters and digits back to a space (or to ``ss``),
    # where the loop below would stop too
    space = text.rfind(" ", ss, e)
    b = space + 1 if space >= 0 else ss
    if b < e and text[b:e].isalnum():
        return text[b:e].lower()
    b = e
    while b > ss and (text[b - 1].isalnum() or text[b - 1] in _WORD_CHARS or text[b - 1] == "_"):
        b -= 1
    return text[b:e].lower()


def _words(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(text, s, e)]


def _first_words(text: str, s: int, e: int, n: int) -> list[tuple[int, int, str]]:
    """``_words(text, s, e)[:n]``, without tokenising the rest of the stretch.

    >>> _first_words("Lee said the plan works.", 0, 24, 2)
    [(0, 3, 'Lee'), (4, 8, 'said')]
    """
    return [(m.start(), m.end(), m.group(0)) for m in islice(_TOKEN_RE.finditer(text, s, e), n)]


def _is_adjunct(text: str, s: int, e: int) -> bool:
    words = text[s:e].lower().split()
    if len(words) > 1 and words[0] in _DEICTIC and words[-1] not in _TIME_WORDS:
        return False  # 'This plan, he says, ...' is a subject, 'This week, ...' a time
    return len(words) <= 3 and (
        words[0] in _report_rules().adjuncts or words[-1] in _TIME_WORDS or words[0] in ("still",)
    )


_DEICTIC = frozenset("this last".split())


def _deictic_subject(words, k: int) -> bool:
    """Is words[k] a 'this' / 'last' that is no time phrase ('this week', 'last year') but the
    content's own first word ('this was the best plan')?

    >>> _deictic_subject([(0, 4, "this"), (5, 8, "was")], 0)
    True
    """
    return words[k][2].lower() in _DEICTIC and (
        k + 1 >= len(words) or words[k + 1][2].lower().strip(",.") not in _TIME_WORDS
    )


def _to_listener(rest: str) -> bool:
    """Does ``rest`` open with 'to' and a listener ('to reporters', 'to voters', 'to staff',
    'to aides about ...') rather than an infinitive?

    >>> _to_listener("to aides about the plan"), _to_listener("to stop the plan")
    (True, False)
    """
    words = rest.split(None, 3)
    if len(words) < 2:
        return False
    w = words[1].lower().strip(",.;:")
    if w in _report_rules().listeners or w in _lists()["person_roles"] or w.endswith("ers"):
        return True
    # a plural noun, then what was said ('to aides about ...', 'to allies that ...'): no verb
    # of an infinitive ends so ('to discuss', 'to focus' do not)
    return (
        len(words) > 2
        and w.isalpha()
        and w.endswith("s")
        and not w.endswith(("ss", "us"))
        and (words[2] == "about" or words[2] in _report_rules().openers)
    )


def _with_particle(text: str, cue: str, span, after: int, se: int):
    """'called for', 'talked about', 'referring to': the particle joins a stance cue."""
    if cue not in _report_rules().stances:
        # 'pointed out that', 'railed against': a particle joins any cue; so does the 'to' of
        # 'responded to' / 'referred to' (the [cue_particles] list)
        m = _ANY_PARTICLE_RE.match(text, after, se)
        if m is None and cue + "_to" in _lists()["cue_particles"]:
            m = _TO_RE.match(text, after, se)
        if m is None and cue + "_for" in _lists()["cue_particles"]:
            m = _FOR_RE.match(text, after, se)  # 'asked for a recount'
        if m is None:
            return span, after
        return (span[0], after + len(m.group(1))), _skip_space(text, m.end(), se)
    m = _PARTICLE_RE.match(text, after, se)
    if m is None and cue.startswith(("refer", "point")):
        m = _TO_RE.match(text, after, se)
    if m is None:
        return span, after
    return (span[0], after + len(m.group(1))), _skip_space(text, m.end(), se)


_PARTICLE_BEFORE_RE = re.compile(r"(?<![\w'’-])([a-z]+)[^\S\n]+$")
_NUMBER_STARTS = frozenset("0123456789$€£")


@lru_cache(maxsize=1)
def _particle_verbs() -> frozenset[str]:
    """The first words of the [cue_particles] pairs ('believes' of 'believes_in')."""
    return frozenset(pair.split("_", 1)[0] for pair in _lists()["cue_particles"])


def _own_particle_before(text: str, cue: str, start: int) -> bool:
    """Does one of the cue's own particles (its [cue_particles] pairs) stand right before the
    content at ``start`` ('believes in the plan', 'warned of a storm')? Then the content is the
    particle's object and needs no clause.

    >>> text = "Lee believes in the plan."
    >>> _own_particle_before(text, "believes", 16), _own_particle_before(text, "said", 16)
    (True, False)
    """
    if cue not in _particle_verbs():
        return False
    m = _PARTICLE_BEFORE_RE.search(text, max(0, start - 12), start)
    if m is None or f"{cue}_{m.group(1)}" not in _lists()["cue_particles"]:
        return False
    # 'asked about 30 people': 'about' before a number is a quantity, no particle
    return m.group(1) != "about" or text[start : start + 1] not in _NUMBER_STARTS


def _clause_ok(text: str, cue: str, start: int, se: int, mention=None) -> bool:
    """Verbs such as 'show', 'found', 'added' report only when a clause follows, except after
    a source that is a thing ('the poll showed Smith ahead')."""
    report = _report_rules()
    if cue in report.infinitive and (
        _INFINITIVE_RE.match(text, start, se) or _negated_infinitive(text, start, se)
    ):
        return True  # 'hopes to win', 'decided not to run'
    if cue in report.tell and (
        _INFINITIVE_RE.match(text, start, se)
        or _infinitive_after_object(text, _first_words(text, start, se, 6))
    ):
        return True  # 'asked him to resign', 'asked the court to intervene'
    if _own_particle_before(text, cue, start):
        return True  # 'asked for a recount', 'agreed with the mayor', 'believes in the plan'
    if (
        cue in report.questions
        and text[max(0, start - 7) : start].rstrip().endswith(" about")
        and not text[start : start + 1].isdigit()  # 'asked about 30 people': a number
    ):
        return True  # 'asked Lee about the plan': what is asked about needs no clause
    if cue not in report.needs_clause and cue not in report.infinitive:
        return True
    if mention is not None and cue in report.findings and _names_a_thing(text, mention):
        return True
    if _object_infinitive(text, cue, start, se):
        return True  # 'asked the court to block the rules'
    if (
        mention is not None
        and cue in _lists()["object_reports"]
        and _reported_object(text, mention[1], start, se)
    ):
        return True  # 'police reported no arrests', 'the firm reported raising $9 million'
    if cue in _lists()["object_reports"] and _GERUND_OBJECT_RE.match(text, start, se):
        return True  # 'groups, including unions, reported spending $1 million', 'which reported'
    words = text[start:se].split(None, 1)
    first = words[0].lower() if words else ""
    if first in ("that,", "that—"):
        first = "that"  # 'found that, on average, incomes grew'
    if _CONTRACTED_SUBJECT_RE.fullmatch(first):
        return True  # "I think it's good", "she believes they're right"
    if cue in report.questions and first == "which":
        return True  # 'asked voters which candidate won'
    # 'hopes the new ferry to the island of Bayview will sail': a verb of [long_subject_verbs]
    # takes a bare clause whose subject may run longer
    n = 12 if cue in _lists()["long_subject_verbs"] else 7
    if first in report.openers or first in _SUBJECT_PRONOUNS or _noun_clause(text, start, se, n):
        return True
    return n > 7 and _aside_clause(text, start, se)


# 'the crane, bought last year, will ...': a subject, an aside between commas, then the
# clause's finite verb right after the second comma
_ASIDE_RE = re.compile(r"([^,;:()\"“”—–\n]{3,80}),[^,;:()\"“”—–\n]{3,100},[^\S\n]+([\w’']+)")


def _aside_clause(text: str, start: int, se: int) -> bool:
    """Does a clause open at ``start`` whose subject an aside between commas interrupts, the
    finite verb right after it ('the crane, bought last year, will save time')?

    >>> _aside_clause("the crane, bought last year, will save time", 0, 43)
    True
    >>> _aside_clause("the crane, the dock, the ferry", 0, 30)
    False
    >>> _aside_clause("the fees, and who set them, are unfair", 0, 38)
    False
    """
    m = _ASIDE_RE.match(text, start, se)
    if m is None or m.group(2).lower() not in _FINITE:
        return False
    aside = text[m.end(1) + 1 : m.start(2)].split(None, 1)
    if not aside or aside[0].lower() in _CONJUNCTIONS:
        return False  # 'the allegations, and who believe ..., are': no aside but a new clause
    words = m.group(1).lower().split()
    return bool(words) and words[0] not in _NOT_NOUN_PHRASE and len(words) <= 10


_OBJECT_PUNCT_RE = re.compile(r"[,;:()\"“”«»—–]")


def _object_infinitive(text: str, cue: str, start: int, se: int) -> bool:
    """After a verb of [object_control] that reports only a clause ('asked'): an object of at
    most four words, then its infinitive ('asked the court to block the rules', 'asked
    supporters to run'), with no punctuation between: what the object is asked to do is the
    content, as a stance verb's ('urged the mayor to resign')."""
    if cue not in _lists()["object_control"]:
        return False
    words = _first_words(text, start, min(se, start + 80), 5)
    for i in range(1, len(words)):
        a = words[i][0]
        if words[i][2].lower() == "to":
            return _INFINITIVE_RE.match(text, a) is not None and not _OBJECT_PUNCT_RE.search(
                text, start, a
            )
        if not words[i][2].replace("’", "'").replace("'", "").replace("-", "").isalnum():
            return False
    return False


# a pronoun subject with its verb contracted: "it's", "they're", "we've", "he'll", "that's"
_CONTRACTED_SUBJECT_RE = re.compile(
    r"(?:he|she|it|they|we|i|you|that|there|what|who|somebody|someone|everybody|everyone|nobody)"
    r"['’](?:s|re|ve|ll|d|m)"
)


def _reported_object(text: str, me: int, start: int, se: int) -> bool:
    """Is text[start:se] the object of an active 'reported' whose subject ends at ``me``: a
    lower-case noun phrase ('no arrests', 'a profit of $2'), not a passive ('was first reported
    by'), a place or a time ('reported from Ohio', 'reported a day later')?"""
    between = [w.lower() for _, _, w in _words(text, me, start)]
    if len(between) != 1 + sum(w in _lists()["cue_before"] for w in between):
        return False  # 'was first reported by', 'reported from the capital'
    if any(w in _BE for w in between):
        return False
    words = _first_words(text, start, min(se, start + 60), 4)  # only the first four matter
    if not words or not words[0][2].islower() or words[0][2] in _report_rules().adjuncts:
        return False
    return not any(w in ("later", "ago", "earlier") for _, _, w in words[:4])


# the auxiliaries, and with their negatives the finite verbs that show a clause: 'think the
# plan is ...', 'show Smith has'
_AUXILIARIES = frozenset(
    "is are was were will would can could should may might must has have had does did do".split()
)
_FINITE = _AUXILIARIES | frozenset(
    "isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't "
    "doesn't didn't don't isn’t aren’t wasn’t weren’t won’t wouldn’t can’t couldn’t shouldn’t "
    "hasn’t haven’t hadn’t doesn’t didn’t don’t".split()
)


_NOT_IN_SUBJECT = _SUBJECT_PRONOUNS | _RELATIVES | frozenset("you him her them me us".split())


_LONG_SUBJECT_END_RE = re.compile(r"[(\"“”‘]")


def _noun_clause(text: str, start: int, se: int, n: int = 7) -> bool:
    """Does a clause with a noun-phrase subject start here ('the plan is sound', 'Smith will
    win')? A finite verb or auxiliary within the first six words (``n - 1``), after words that
    are no pronoun or relative.

    >>> _noun_clause("the new ferry to the island of Bayview will sail", 0, 49)
    False
    >>> _noun_clause("the new ferry to the island of Bayview will sail", 0, 49, 12)
    True
    """
    end = min(se, start + 120)
    brk = _OBJECT_END_RE.search(text, start, end)
    if brk is not None:
        end = brk.start()
    if n > 7 and (mark := _LONG_SUBJECT_END_RE.search(text, start, end)) is not None:
        end = mark.start()  # a long subject stops at a bracket or a quotation mark too
    words = [w.lower() for _, _, w in _first_words(text, start, end, n)]
    if not words or words[0] in _NOT_NOUN_PHRASE:
        return False
    if words[0] in _report_rules().adjuncts and not (
        words[0] in _DEICTIC and words[1:2] and words[1] not in _TIME_WORDS
    ):
        return False  # 'on Monday ...', 'this week ...'; not 'this plan is ...'
    for k, (prev, w) in enumerate(zip(words, words[1:], strict=False)):
        if w in _FINITE:
            return True
        if w in _NOT_IN_SUBJECT:
            return False
        if k < 6 and _simple_verb(prev, w):
            return True  # a subject of at most three words: 'the local mayor advanced'
    return False


_BEFORE_PARTICIPLE = frozenset(
    "the a an this that these those his her its their our my your more most less been being".split()
)


def _simple_verb(prev: str, word: str) -> bool:
    """Is ``word`` the simple past or present verb of a clause's subject ending in ``prev``
    ('the mayor advanced ...', 'the rule gives ...': a [predicate_verbs] word or an -ed form),
    not an adjective after a determiner or an adverb ('the so-called', 'newly elected')?

    >>> _simple_verb("mayor", "advanced"), _simple_verb("the", "elected")
    (True, False)
    """
    if (
        prev in _BEFORE_PARTICIPLE
        or prev in _NOT_NOUN_PHRASE
        or prev in _report_rules().adjuncts
        or prev in _lists()["prepositions"]
        or prev.endswith(("ly", "self", "selves"))
        or not prev.isalpha()
    ):
        return False
    if word in _lists()["predicate_verbs"]:
        return True
    return len(word) > 4 and word.endswith("ed") and word not in _lists()["not_simple_verbs"]


def _indefinite(text: str, start: int, end: int) -> bool:
    words = text[start:end].split(None, 3)  # four words are too many already
    return not words or (len(words) <= 3 and words[0].lower() in _INDEFINITE)


def _names_a_thing(text: str, mention) -> bool:
    """Is the mention a description whose head is a document or finding ('a new poll')?"""
    if mention[2] != "desc":
        return False
    words = text[mention[0] : mention[1]].split()
    for k, w in enumerate(words[1:], 1):
        if w.lower() in _POST_MODIFIERS:
            words = words[:k]  # 'a poll of voters in Ohio', 'a survey released Monday'
            break
    head = words[-1].lower().strip(".,'’")
    return head.rstrip("s") in _lists()["sources"] or head in _lists()["sources"]


# the words that open what follows a noun phrase's head ('a poll of voters', 'a survey
# released Monday by the Post')
_POST_MODIFIERS = frozenset("of released out by from in conducted taken published for on".split())


# common prepositions: no subject of a cue opens with one ('and on Monday wrote', 'for saying')
_PREPOSITIONS = frozenset("for of in on at by with from about after before".split())


def _content_start(text: str, cue: str, p: int, se: int) -> int | None:
    """Where the content starts after the cue: at 'that' / 'whether' when one opens it, after a
    listener ('told reporters') or a time or place phrase ('said on Tuesday that')."""
    report = _report_rules()
    m = _TOKEN_RE.search(text, p, se)
    if m is None:
        return None
    first = m.group(0).lower()
    # 'wrote to voters', 'talking to aides about ...': a listener, no infinitive
    listener = (
        first == "to" and cue in _lists()["to_listener_cues"] and _to_listener(text[m.start() : se])
    )
    if first in report.openers or (
        cue not in report.tell
        and not listener
        and (
            _INFINITIVE_RE.match(text, m.start())
            or (first == "not" and _negated_infinitive(text, m.start(), se))
        )
    ):
        return m.start()  # 'that ...', 'to win the seat', 'not to run'
    if cue in report.stances and not listener:
        to = _infinitive(text, p, se)
        if to is not None:
            return to
    if cue in report.tell or first in report.adjuncts:
        # 'that' is looked for in the first words (15; no more are read below)
        words = _first_words(text, p, min(se, p + 200), 15)
        if cue in report.tell:
            to = _infinitive_after_object(text, words)
            if to is not None:
                return to  # 'asked the court to intervene', 'asked him to resign'
        asks = cue in report.questions
        for i, (a, _, w) in enumerate(words[:15]):
            low = w.lower()
            if low in _AFTER_LISTENER or (asks and (low in report.openers or low == "which")):
                return a  # 'asked the mayor if ...', 'asked our readers which ...'
            lead = text[words[0][0] : a]
            if asks and low == "about" and 0 < i <= 4 and i + 1 < len(words) and "," not in lead:
                return words[i + 1][0]  # 'asked Lee about the plan': what was asked about
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
            if 0 < k < len(words) and _object_infinitive(text, cue, words[0][0], se):
                return words[0][0]  # 'asked the court to block ...': the object is content
        else:
            if first == "to" and cue in _lists()["to_listener_cues"]:
                after = _after_listener(text, words, se)
                if after != -1:
                    return after
            while k < len(words) and k < 4 and words[k][2].lower() in report.adjuncts:
                if _deictic_subject(words, k):
                    break  # 'said this was the best plan': 'this' is the subject
                k += 2 if words[k][2].lower() in _DEICTIC else 1  # 'said this week ...'
        return words[k][0] if k < len(words) else None
    return m.start()


def _after_listener(text: str, words, se: int) -> int | None:
    """After a speech verb and 'to' (``words`` from 'to' on), where the content starts:
    None when the sentence ends with the listener ('wrote to the editor.', 'said to
    reporters.'), after it at 'that', 'why', ... or 'about' ('explained to the board why ...',
    'talked to aides about running'); -1 when neither (the usual reading goes on).

    >>> t = "Lee wrote to the editor."
    >>> _after_listener(t, _words(t, 10, 23), 23) is None
    True
    """
    for k, (a, _, w) in enumerate(words[1:8], 1):
        if text[words[k - 1][1] : a].strip():
            return -1  # punctuation: the listener's phrase ends
        low = w.lower()
        if low in _report_rules().openers:
            return a
        if low == "about" and k + 1 < len(words) and not words[k + 1][2][:1].isdigit():
            return words[k + 1][0]
    if len(words) <= 7 and not text[words[-1][1] : se].strip(" .!?"):
        return None  # the sentence ends with the listener
    return -1


def _infinitive_after_object(text: str, words) -> int | None:
    """After a tell verb, a short object and an infinitive ('asked the court to intervene',
    'told supporters to vote early', 'asked him to resign'): where the content starts, at the
    object, a pronoun too (the one who is to act is part of what was asked); else None.
    ``words``: the words after the cue."""
    for k, (a, _, w) in enumerate(words[:6]):
        low = w.lower()
        if low == "to":
            if k == 0 or _OBJECT_END_RE.search(text, words[0][0], a):
                return None
            if _INFINITIVE_RE.match(text, a) is None:
                return None
            return words[0][0]
        if low in _NOT_NOUN_PHRASE or low in _SUBJECT_PRONOUNS or low in _RELATIVES:
            return None
    return None


# a gerund object ('reported spending $1 million', 'reported raising $2 million'), not a
# preposition ending in -ing ('reported during the storm', 'according to')
_GERUND_OBJECT_RE = re.compile(
    r"(?!(?:during|according|including|regarding|concerning)\b)[a-z]{2,}ing\b"
)


_SHARE_RE = re.compile(r"\d[\d.,]*")


_BEFORE_TO = frozenset("not never also again still".split()) | _TIME_WORDS


def _infinitive(text: str, p: int, se: int) -> int | None:
    """Where 'to' opens a stance verb's infinitive content right after it ('vowed to fight',
    'declined last week to comment', 'would prefer not to say'), or None: the content starts
    at 'to', after any time phrase, or at a 'not' right before it ('not to say', as PolNeAR
    marks it); an object stays in: 'urged voters to act'."""
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
    if before and before[-1] == "not":  # 'vowed not to return': the negation is content
        return p + len(text[p : to.start()].rstrip()) - 3
    return to.start()


_TO_WORD_RE = re.compile(r"t(?<!\w.)o\b")  # '\bto\b', letter first as clause_ends._THAT_RE

_TAIL_CHARS = 200


def _too_many_words(text: str, s: int, e: int, rules: _Rules) -> bool:
    """Would ``_noun_phrase`` find more than six words in text[s:e], its adverbs at the end and
    conjunctions at the start left out? Read from the last words only (True only when sure):
    seven words before the adverbs, one of them at least seven from the end no conjunction.

    >>> from newslib.quotes.cues import _rules
    >>> _too_many_words("and " * 60 + "one two three four five six seven", 0, 273, _rules())
    True
    """
    p = e - _TAIL_CHARS
    if p > s and _TOKEN_RE.match(text, p - 1) and (run := _TOKEN_RE.match(text, p)):
        p = run.end()  # a word cut by the window is no word of it
    tail = _words(text, p, e)
    k = len(tail)
    while k and tail[k - 1][2].lower() in rules.adverbs:
        k -= 1
    return k >= 7 and any(w.lower() not in _CONJUNCTIONS for _, _, w in tail[: k - 6])


# Words after 'to' that make it a preposition, not an infinitive ('referred to the plan').
_NOT_VERB_AFTER_TO = frozenset(
    "the a an his her their its our my your this that these those some any all each every "
    "him them us me it one two three many more most other such no".split()
)


def _noun_phrase(text: str, s: int, e: int, rules: _Rules):
    """A plain noun phrase right before a cue ('legal experts', 'many economists'), as a
    description mention, or None."""
    if e - s > _TAIL_CHARS and _too_many_words(text, s, e, rules):
        return None  # a long stretch (a sentence with no comma): its last words tell
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
