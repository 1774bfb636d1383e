"""Reported speech: the reading of one cue, for the driver ``reported``.

``_read`` takes a cue that ``cue_scan._find_cues`` found in a sentence and returns its content
and source as a ``found._Found``, or None: it turns down cues that are no one's speech (a noun,
a name, a role, 'so-called'), passes the cue to the reader of its shape (``according``,
``frames``, ``nouns``, ``content_first``, ``cue_first``) and reads here the participles
('..., saying that ...', 'groups backing Lee', 'with Lee calling it ...'). Only
``reported`` calls it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import WORD_RE
from .according import _according
from .attribution import _RUN_ON_RE, _TIME_WORDS, _TOKEN_RE
from .clause_ends import _before_main_verb, _cut_clause, _object_span
from .clauses import (
    _AUXILIARIES,
    _BE,
    _NOT_NOUN_PHRASE,
    _PARTICLE_RE,
    _TO_RE,
    _clause_ok,
    _content_start,
    _first_words,
    _noun_phrase,
    _simple_verb,
    _skip_space,
    _trim_end,
    _with_particle,
    _word_before,
)
from .content_first import _content_first, _inverted_speaker
from .cue_first import _cue_first
from .cue_scan import _find_cues, _report_rules
from .cues import _alternation, _lists, _Rules
from .found import _Found
from .frames import (
    _AS_LEAD_RE,
    _PASSIVE_BE_RE,
    _as_source,
    _asked,
    _evidence_participle,
    _in_poll,
    _opening_participle,
    _passive_complement,
    _passive_stance,
    _reportedly,
    _reporter_before,
    _seeming,
    _stance_adjective,
)
from .nouns import _light_verb_start, _names_a_thing_before, _noun_reading, _speech_noun
from .sources import _names_speakers, _source_words
from .subjects import _possessed_opener, _sentence_subject

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

# the word right after a cue, when no punctuation comes between
_VERB_AFTER_NOUN_RE = re.compile(r"[^\S\n]+([a-z]+)\b")


# a pronoun with a contracted 'be' right before a participle cue: 'he's hoping', 'they're saying'
_CONTRACTED_BE_RE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou)(['’](?:s|re|m))[^\S\n]+$"
)
# a form of 'be' and one or two adverbs right before a participle cue: 'is already claiming',
# 'was also urging', 'are now openly saying' (the cue is the whole group, as PolNeAR marks it)
_BE_ADVERB_RE = re.compile(
    r"\b(is|was|are|were|am|be|been)(?:[^\S\n]+(?:[a-z]{2,}ly|also|already|still|now|again|"
    r"just|even|once|further|then)){1,2}[^\S\n]+$"
)
_WHO_CLAUSE_RE = re.compile(r"\b[Ww]ho\b")


@lru_cache(maxsize=1)
def _anonymity_re() -> re.Pattern:
    words = _alternation(_lists()["anonymity"])
    return re.compile(rf"[^\S\n]+not[^\S\n]+to[^\S\n]+be[^\S\n]+(?:{words})\b")


# 'so' or 'too' (and an adverb) right before a word: 'so charged', 'so politically charged'
_SO_BEFORE_RE = re.compile(r"\b(?:so|too)[^\S\n]+(?:[a-z]+ly[^\S\n]+)?$", re.I)


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
    # the first four words decide most cues (the role must be one of the first three)
    words = [w for _, _, w in _first_words(text, span[1], se, 4)]
    k = 0
    while k < len(words) and words[k].islower() and words[k].isalpha():
        k += 1
    if not 1 <= k <= 3:
        return False
    role = words[k - 1]
    if role not in rules.roles and role not in _source_words()["name_roles"]:
        return False
    words = [w for _, _, w in _first_words(text, span[1], se, 10)]
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
    for m in WORD_RE.finditer(text, s, e):  # (a loop: the first word nearly always decides)
        if m.group(0).lower() not in cues:
            return False
    return True


def _read_cue(text, cue, span, ss, se, speech, last, rules, partials) -> _Found | None:
    """:func:`_read` before its last test."""
    c0, c1 = span
    if cue.startswith("according"):
        return _according(text, cue, span, ss, se, rules)
    if cue == "in":
        return _in_poll(text, span, ss, se)
    if _anonymity_re().match(text, c1, se):
        return None  # 'an aide who asked not to be named': who the source is, no content
    if cue in _lists()["that_only_cues"] and _SO_BEFORE_RE.search(text, max(ss, c0 - 40), c0):
        return None  # 'a case so politically charged that ...': a result, no speech
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
        if m is None or prev[:1].isdigit() or prev in _COUNT_WORDS:
            return None
        if prev in _NOT_AFTER and not (prev in _BE and cue == "pointing"):
            return None  # 'the point to', 'was pointed out' (not 'Lee is pointing to ...')
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
    if cue in _lists()["passive_complements"]:
        be = _PASSIVE_BE_RE.search(text, max(ss, c0 - 30), c0)
        if be is not None:  # 'the pier is considered an asset', 'Lee was declared the winner'
            got = _passive_complement(text, cue, (be.start(), c1), ss, se, rules)
            if got is not None:
                return got
    if cue in _lists()["passive_stances"]:
        be = _PASSIVE_BE_RE.search(text, max(ss, c0 - 30), c0)
        if be is not None:  # 'Lee was criticized for ...', 'Roe is accused of ...'
            return _passive_stance(text, cue, (be.start(), c1), ss, se, rules)
    prev = _word_before(text, ss, c0)
    progressive = prev in _BE and cue.endswith("ing")  # 'Smith is saying that ...'
    contracted = None
    if cue.endswith("ing"):
        contracted = _CONTRACTED_BE_RE.search(text, max(ss, c0 - 12), c0)
        if contracted is None and not progressive:
            # 'Lee is already claiming ...': the verb of its subject, like 'is claiming'
            contracted = _BE_ADVERB_RE.search(text, max(ss, c0 - 40), c0)
            if contracted is not None and _WHO_CLAUSE_RE.search(text, ss, contracted.start()):
                # 'The lawyer who ran ... is already talking about': whose verb the group is
                # the subject rules do not tell past a relative clause ('who' is no speaker)
                contracted = None
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
    after = _VERB_AFTER_NOUN_RE.match(text, c1, se) if cue in ("report", "reports") else None
    if (
        after is not None
        and not after[1].endswith("ing")  # 'Lee and Roe report finding that ...'
        and (after[1] in rules.cues or after[1] in _lists()["reporting"])
    ):
        return None  # 'A Harbor Board report found that ...': the noun, then its verb
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
    if cue in _lists()["plural_noun_cues"] and _verb_follows(text, c1, se):
        return None  # 'Insurance claims rose', 'Jobless claims in Bayview fell': the noun
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
        got = got or _evidence_participle(text, cue, span, ss, se, rules)
        if got is None and cue in rules.cues:
            # 'by suggesting that ...', 'with rivals suggesting that ...': no evidence before
            # it, a verb of speech of the sentence's speaker or of the phrase's subject
            got = _participle(text, cue, span, ss, se, last, rules, speech)
            if got is not None and got.more is None:  # before another attribution in it
                got.end = _adverb_content_end(text, got.start, got.end)
        return got
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
    if not lead.endswith(("ly", "ly\n")):
        return lead  # the pattern ends in 'ly' ('$' may stand before a final newline)
    return _ADVERB_END_RE.sub("", lead)


def _after_document(text: str, ss: int, c0: int) -> bool:
    """Does a document ([document_nouns]) stand right before a participle cue at ``c0``, the
    cue telling what it says, as 'saying' does ('issued a statement alleging that ...', 'filed
    a lawsuit claiming that ...')?

    Only after the verb that put the document out ([document_verbs]), which the cue then
    starts at, as with 'saying': 'In a release announcing the deal, Lee said ...' is no such.

    >>> t = "Lee filed a lawsuit alleging that the vote was rigged."
    >>> _after_document(t, 0, t.index("alleging")), _after_document(t, 0, t.index("filed"))
    (True, False)
    >>> t = "In a release announcing the deal, Lee said it was done."
    >>> _after_document(t, 0, t.index("announcing"))
    False
    """
    lists = _lists()
    if _word_before(text, ss, c0) not in lists["document_nouns"]:
        return False
    # the verb that put it out, a few words before: 'issued a brief statement alleging'
    words = text[max(ss, c0 - 60) : c0].lower().split()[-5:-1]
    return any(w in lists["document_verbs"] for w in words)


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
        if subject is None and cue != "saying" and not (speaks and _after_document(text, ss, c0)):
            return _after_noun(text, cue, span, ss, se, rules, speech)
    span, after = _with_particle(text, cue, span, _skip_space(text, c1, se), se)
    start = _content_start(text, cue, after, se)
    if start is None or not _clause_ok(text, cue, start, se):
        return None
    if subject is not None and "," in text[span[1] : start]:
        return None  # 'with all precincts reporting, the race ...'
    # a quotation's words are its speaker's, none the subject of the participle ('"Like him or
    # not, Roe has shaped the town," Lee said, adding that ...': Lee)
    opener = _possessed_opener(text, ss, c0, rules) if lead.endswith(",") else None
    mention = subject or last or opener or _sentence_subject(text, ss, c0, rules, speech, None)
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


_PHRASE_PREPOSITIONS = frozenset("in of for from on at by over".split())


def _verb_follows(text: str, c1: int, se: int) -> bool:
    """Does a verb of an amount changing or a form of 'be' ([change_verbs]) follow the word
    ending at ``c1``, right after it or after a short phrase opened by a preposition and no
    comma: the word is the verb's subject ('claims rose', 'claims in Bayview County fell')?

    >>> t = "Jobless claims in Bayview County fell."
    >>> _verb_follows(t, 14, len(t)), _verb_follows("Roe claims the vote was rigged.", 10, 31)
    (True, False)
    """
    words = text[c1:se].split()
    verbs = _lists()["change_verbs"]
    if not words:
        return False
    if words[0].lower().rstrip(".,;:!?") in verbs:
        return True
    if words[0].lower() not in _PHRASE_PREPOSITIONS:
        return False
    for w in words[1:6]:
        low = w.lower().rstrip(".,;:!?")
        if low in verbs:
            return True
        if w[-1:] in ",;:." or low in ("that", "whether"):
            return False
    return False
