"""Reported speech with the cue before its content: "Smith said (that) CONTENT", "Smith told
reporters (that) CONTENT", "Smith called for CONTENT", "Smith said: CONTENT".

In "The mayor said on Monday that the bridge will reopen in May." the cue is "said", the
content "that the bridge will reopen in May" and the source "The mayor". The content is found
first (``clauses``), then the cue's subject, which may stand away from it: before a second verb
("Lee voted no and later said ..."), the noun of a relative clause ("voters who believe that
..."), the subject or object of an infinitive cue ("Lee has pledged to support ...", "the
ruling prompted Lee to call for ..."), a plain noun phrase ("many people believe ...") or
evidence ("new polls show ..."); None where no subject is written.
"""

from __future__ import annotations

import re

from ..text import WORD_RE
from .attribution import _TOKEN_RE, _cut_subject, _mid_capitals
from .clause_ends import (
    _bare_new_subject,
    _before_main_verb,
    _cut_clause,
    _object_span,
    _reads_content,
)
from .clauses import (
    _CONJUNCTIONS,
    _NOT_NOUN_PHRASE,
    _RELATIVES,
    _SUBJECT_PRONOUNS,
    _clause_ok,
    _content_start,
    _first_words,
    _indefinite,
    _noun_phrase,
    _skip_space,
    _trim_end,
    _with_particle,
    _word_before,
    _words,
)
from .cue_scan import _find_cues, _report_rules
from .cues import _lists, _Rules
from .found import _Found
from .subjects import (
    _MANNER_RE,
    _between_subject_and_cue,
    _sentence_subject,
    _subject_before,
    _subject_skips,
)

# a short aside between commas after a cue, then what opens its content: 'said, however, that'
_ASIDE_RE = re.compile(r",[^\S\n]+[^,;:\n\"“”]{1,30},[^\S\n]+(?=(?:that|whether|why|how)\b)")


def _past_aside(text: str, after: int, se: int) -> int:
    """Where the content after a cue starts when an aside stands between them ('believes, for
    example, that ...', 'noted, however, that ...'): after the aside; else ``after``."""
    if text.startswith(",", after):
        m = _ASIDE_RE.match(text, after, se)
        if m is not None and _report_rules().cue_re.search(text, after, m.end()) is None:
            return m.end()  # (not 'believes, he said, that': the aside's cue is the speech's)
    return after


def _after_colon(text: str, cue: str, p: int, se: int) -> int | None:
    """Where the content starts when a speech verb's colon opens it with the writer's words
    ('insiders said: the lead is too large'), or None (no colon; a quotation after it is the
    quotation rules').

    >>> text = "Aides said: the lead is too large."
    >>> text[_after_colon(text, "said", 10, 33) :]
    'the lead is too large.'
    """
    if p >= se or text[p] != ":" or cue not in _lists()["cues"]:
        return None
    start = _skip_space(text, p + 1, se)
    if start >= se or len(text[start:se].split()) < 2:
        return None
    if text[start] in _OPENING_MARKS and not _quoted_then_more(text, start, se):
        return None
    return start


_CLOSING_MARK_RE = re.compile(r"[\"”’'»](?!\w)")  # not the apostrophe of "Let’s"


def _quoted_then_more(text: str, start: int, se: int) -> bool:
    """Does the quotation opening at ``start`` close before ``se`` with two words or more of
    the sentence after it ('said: "Fake" news is spreading': a few quoted words opening the
    writer's, no quotation of its own)?

    >>> _quoted_then_more('said: "Fake" news is spreading.', 6, 30)
    True
    >>> _quoted_then_more('said: "The plan fails."', 6, 23)
    False
    """
    m = _CLOSING_MARK_RE.search(text, start + 1, se)
    if m is None or not text[m.start() - 1].isalnum():
        return False  # '"The plan fails," and ...': a quotation ends with its punctuation
    after = WORD_RE.findall(text, m.end(), se)
    return (
        len(text[start : m.start()].split()) <= 3
        and len(after) >= 2
        and after[0].lower() not in _JOINS  # 'said: "It's fine" and left': the writer's own
    )


_JOINS = frozenset("and but then before as so or".split())


def _gapped_clause(text: str, cue: str, prev: str, start: int, se: int) -> bool:
    """Does the content open with the verb of a clause whose subject stands before the cue, a
    relative clause's gap ('a plan Lee hopes will pass', 'what I thought was a gift')? Not
    after a question verb ('the question nobody asked was ...': the main clause's verb), nor
    after 'than' or 'no' ('calmer than expected', 'no doubt')."""
    if cue in _report_rules().questions or prev in ("than", "no"):
        return False
    m = _TOKEN_RE.match(text, start, se)
    return m is not None and m.group(0) in _GAP_VERBS


_GAP_VERBS = frozenset("will would could can might may should was were is are".split())


_THAT_FIRST_RE = re.compile(r"(?:that|whether)\b", re.I)
_OPENING_MARKS = "\"“‘'«"


def _cue_first(text, cue, span, ss, se, last, rules, speech=()) -> _Found | None:
    """'Smith said (that) CONTENT.' / 'Smith told reporters (that) CONTENT.'"""
    c0, c1 = span
    after = _past_aside(text, _skip_space(text, c1, se), se)
    start = colon = _after_colon(text, cue, after, se)
    pro_form = False
    if start is None:
        if after >= se or text[after] in ",.;:":
            return None
        span, after = _with_particle(text, cue, span, after, se)
        # the content first: it is cheaper to find than the subject, and often there is none
        start = _content_start(text, cue, after, se)
        if start is None:
            return None
        pro_form = cue in _SAY_SO and _SO_RE.match(text, start, se) is not None
        if pro_form:
            # 'Half the voters said so': 'so' stands for what they said
            colon, se = start, start + 2
    clause = colon is not None or _clause_ok(text, cue, start, se)
    clause = clause or _gapped_clause(text, cue, _word_before(text, ss, c0), start, se)
    if not clause and cue not in _report_rules().findings:
        return None
    joint = _bare_new_subject(text, ss, c0, c1)
    if joint is not None and next(_find_cues(text, ss, joint.start()), None) is not None:
        # 'Lee said it failed and most voters said ...': another cue's content ends at the
        # joint, so the subject starts after it ('most voters')
        ss = joint.end()
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
            mention = _antecedent(text, ss, c0, rules) or _relative_head(text, ss, c0, rules)
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
    if mention is None:
        mention = _plain_subject(text, ss, c0, rules)
    end = se if colon is not None else _cut_clause(text, start, se, speech)
    if _indefinite(text, start, end) and not pro_form:
        return None  # 'No one said anything today.'
    start, end = _object_span(text, cue, start, end)
    if mention is not None and mention[2] == "rel":
        # 'Smith, who wrote that it would fail, called ...': the relative clause ends it
        comma = text.find(",", start, end)
        end = comma if comma >= 0 else _main_verb(text, start, end, se)
        restrictive = not text[ss : mention[0]].rstrip().endswith((",", "—", "–", "("))
        if comma < 0 and restrictive and cue in _report_rules().stances:
            if not _THAT_FIRST_RE.match(text, start):
                end = _before_main_verb(text, start, end)  # 'voters who back the plan stayed'
    return _Found(start, end, cue, span, mention) if end - start >= 3 or pro_form else None


_SAY_SO = frozenset("say says said saying think thinks thought believe believes believed".split())
# 'said so.', 'said so in May': 'so' alone before the sentence's end or a time or place
_SO_RE = re.compile(r"so(?=[^\S\n]*[.,;!?]|[^\S\n]+(?:in|on|at|too|last|this|publicly)\b)")


def _main_verb(text: str, start: int, end: int, se: int) -> int:
    """Where a restrictive relative clause's content ends: before the main clause's speech verb
    ('Riders who back the plan said ...' ends 'the plan' before 'said'), else ``end``.

    >>> text = "Riders who back the plan said it works."
    >>> text[16:_main_verb(text, 16, 38, 39)]
    'the plan'
    """
    first = _first_words(text, start, end, 1)
    if not first or first[0][2].lower() in _report_rules().openers:
        return end  # 'who said that ...': a clause, which may hold speech verbs of its own
    if first[0][2].lower() in _SUBJECT_PRONOUNS:
        return end  # 'who thought she was ...'
    cues = _lists()["cues"]
    for m in _find_cues(text, start, end):
        if text[m.start() - 1] == "-" or m.group(0).lower().endswith("ing"):
            continue  # 'so-called'; 'comments made in 2006 saying ...' (no main verb)
        if m.group(0).lower() in cues and _word_before(text, start, m.start()) != "to":
            if _reads_content(text, m, se):
                return _trim_end(text, start, m.start())
            break
    return end


_GAP_WORD_RE = re.compile(r"([\w’'-]+)[^\S\n]*$")


def _gap_word(text: str, lo: int, p: int) -> tuple[int, str] | None:
    """(start, word) of what ``_GAP_WORD_RE.search(text, lo, p)`` finds, read backwards from
    ``p`` instead of trying every position: the last run of [\\w’'-] characters (cut at
    ``lo``) followed by spaces or tabs only, up to ``p`` or to a newline just before it.

    >>> _gap_word("Lee has since said", 0, 14), _gap_word("Lee, ", 0, 5)
    ((8, 'since'), None)
    """
    e = p - 1 if p > lo and text[p - 1] == "\n" else p
    while e > lo and text[e - 1] != "\n" and text[e - 1].isspace():
        e -= 1
    i = e
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "_’'-"):
        i -= 1
    return (i, text[i:e]) if i < e else None


def _coordinated(text: str, ss: int, c0: int) -> bool:
    """Is the cue at ``c0`` a second verb of its subject: 'and' or 'but' before it past
    adverbs and auxiliaries ('and officially endorsed', 'but has since said'), or ', then'?"""
    gap = _between_subject_and_cue()
    p = c0
    skipped = []
    for _ in range(4):
        m = _gap_word(text, max(ss, p - 30), p)
        if m is None:
            return False
        word = m[1].lower()
        if word in ("and", "but"):
            return bool(skipped)
        if word not in gap and not _MANNER_RE.fullmatch(word):
            return False
        skipped.append(word)
        p = m[0]
        if word == "then" and text[max(ss, p - 2) : p].strip() == ",":
            return True  # 'Lee offered him a job, then says ...'
    return False


_WHO_RE = re.compile(r"[^\S\n]+who[^\S\n]+")


def _relative_head(text: str, ss: int, c0: int, rules: _Rules):
    """The subject of a cue after a restrictive relative clause with a speech verb of its own
    ('Riders who back the plan said ...': 'Riders'), or None.

    >>> from newslib.quotes.cues import _rules
    >>> text = "Riders who back the plan said it works."
    >>> m = _relative_head(text, 0, 25, _rules())
    >>> text[m[0] : m[1]]
    'Riders'
    """
    whos = list(_WHO_RE.finditer(text, max(ss, c0 - 80), c0))
    if not whos or _PLAIN_BREAK_RE.search(text, whos[-1].start(), c0):
        return None
    p = whos[-1]
    if next(_find_cues(text, p.end(), c0), None) is None:
        return None
    lead = text[ss : p.start()]
    brk = max(lead.rfind(","), lead.rfind(";"), lead.rfind("—"), lead.rfind(":"))
    return _cut_subject(text, ss + brk + 1, p.start(), rules, True, False)


def _antecedent(text: str, ss: int, c0: int, rules: _Rules):
    """The noun phrase a restrictive relative clause hangs on when its 'who' is the cue's
    subject ('Republicans who agree that ...', 'Voters who have said ...'), or None."""
    gap = _between_subject_and_cue()
    p = c0
    for _ in range(4):
        m = _gap_word(text, max(ss, p - 30), p)
        if m is None:
            return None
        word = m[1].lower()
        p = m[0]
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


_PLAIN_BREAK_RE = re.compile(r"[,;:!?\"“”«»—–()]")
_PLAIN_STOPS = _NOT_NOUN_PHRASE | frozenset("to of in on at for by with from it".split())
_PLAIN_NOT_FIRST = frozenset(
    "as if by in on at for after before when while since because although though let do does "
    "did there it here what how why with without from to of no".split()
)
_PLAIN_HEADS = frozenset("everyone everybody people one others some many most few".split())
_PLAIN_ADJUNCT_OPENERS = frozenset("for on in however too also speaking meanwhile".split())


def _plain_subject(text: str, ss: int, c0: int, rules: _Rules):
    """The plain noun phrase that opens the sentence right before its cue, when no mention
    was found ('Six in 10 say', 'Cement makers, for example, argue'), as a description
    mention; None when the words look like no subject."""
    lead = text[ss:c0]
    chunks = [m.start() for m in _PLAIN_BREAK_RE.finditer(lead)]
    if len(chunks) > 2:
        return None
    ends = [*chunks, len(lead)]
    parts = [(0 if k == 0 else chunks[k - 1] + 1, ends[k]) for k in range(len(ends))]
    if len(parts) == 3:
        # 'X, for example, argue': one adjunct between commas, then nothing
        adj = lead[parts[1][0] : parts[1][1]].split()
        if lead[parts[2][0] :].strip() or not adj or len(adj) > 6:
            return None
        if adj[0].lower() not in _PLAIN_ADJUNCT_OPENERS | _lists()["prepositions"]:
            return None
    elif len(parts) != 1:
        return None
    words = _words(text, ss + parts[0][0], ss + parts[0][1])
    while words and words[0][2] in "\"“‘'(":
        words.pop(0)
    skips = _subject_skips()
    while words and words[-1][2].lower() in skips:
        words.pop()
    if not 1 <= len(words) <= 6:
        return None
    lower = [w.lower().replace("’", "'") for _, _, w in words]
    first, last = lower[0], lower[-1]
    lists = _lists()
    if first in _PLAIN_NOT_FIRST or first in lists["subordinators"] or first in rules.pronouns:
        return None
    if first in _CONJUNCTIONS or first in _RELATIVES or first.endswith("ing"):
        return None
    if any("'" in w and not w.endswith("'s") for w in lower) or last.endswith("'s"):
        return None
    if any(w in _NOT_NOUN_PHRASE for w in lower[1:]) or last in _PLAIN_STOPS:
        return None
    if any(w in rules.cues or w.endswith("ed") for w in lower):
        return None
    head = (
        (last.isdigit() and first not in ("a", "an", "the"))
        or last in _PLAIN_HEADS
        or last in rules.roles
        or last in rules.sources
        or (last.endswith("s") and not last.endswith("ss") and last.isalpha())
    )
    return (words[0][0], words[-1][1], "desc") if head else None


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


_EVIDENCE_BREAK_RE = re.compile(r"[,;:—–(]|\b(?:that|where|while|as|but|and|which|because)\b")


def _evidence_before(text: str, ss: int, c0: int, rules: _Rules):
    """The subject of a finding verb when it names evidence ('new polls released Sunday',
    'public records'), as a description mention, or None."""
    lo = max(ss, c0 - 120)
    breaks = [m.end() for m in _EVIDENCE_BREAK_RE.finditer(text, lo, c0)]
    words = _words(text, breaks[-1] if breaks else lo, c0)
    while words and words[-1][2].lower() in rules.adverbs:
        words.pop()
    if not words or len(words) > 10:
        return None
    evidence = _lists()["evidence"]
    if not any(w.lower().strip(".") in evidence for _, _, w in words):
        return None
    return words[0][0], words[-1][1], "desc"
