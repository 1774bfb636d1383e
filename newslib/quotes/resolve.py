"""Speaker mentions resolved to people, for one article's pieces (``_resolve``; ``article`` calls
it): the article's capitalised runs that read as people are the candidates; a surname resolves to
the full name used in the article; ``he`` / ``she`` to the most recently named person whose
gender (honorifics, nearby pronouns, the first name: :mod:`newslib.people.first_names`) does not
contradict them (when no one fits, a full name met since the last person named that no test
read as a person's, the object in "Ann Lee met Tom Roe", whose first name fits); ``who`` and
"the officer" to the most recently named person; a description in apposition to a name to that
name. :func:`_inherit` copies another quotation's speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..people.first_names import _SUFFIXES, _name_gender
from .attribution import _PREPOSITIONS
from .cues import _CAP, _NAME, _Rules
from .marks import _Quote
from .memo import LastKeyMemo
from .names import (
    _TITLE_WORDS,
    _can_speak,
    _leading_name,
    _name_text,
    _opener_word,
    _opens_sentence,
    _organization_name,
    _speakable_name,
    _word_before,
)
from .sentences import _ABBREV_RE
from .subjects import _FINITE_AFTER_RE, _VERB_AFTER_RE

# "\b{_NAME}" with its first capital taken out in front: a pattern that opens with a character
# class lets the scan skip to capitals quickly (a look-ahead does not); the look-behind is the
# "\b" before it.  The same matches as "\b{_NAME}".
assert _CAP == r"(?:[A-Z][\w’'\-]*\.?|[A-Z]\.)", "rewrite _NAME_RUN_RE with _CAP"
_NAME_RUN_RE = re.compile(rf"[A-Z](?<!\w[A-Z])(?:[\w’'\-]*\.?|\.){_NAME[len(_CAP) :]}")
# The same runs, with what _lower_word_after reads after a run followed by a space (group 1 the
# a-z run, group 2 the word character after it or ""), read by a look-ahead in the same scan
# (the look-ahead is optional, so the runs are those of _NAME_RUN_RE).
_NAME_RUN_AFTER_RE = re.compile(_NAME_RUN_RE.pattern + r"(?:(?= ([a-z]+)(\w?)))?")
_RUN_SENTENCE_END_RE = re.compile(r"\.(?=\s)")

# The words _VERB_AFTER_RE's look-ahead turns down and those _FINITE_AFTER_RE skips before its
# verb, read from the patterns (each a plain list of lower-case words).
_NOT_VERB_AFTER = frozenset(
    re.search(r"\(\?!\(\?:([a-z|]+)\)\\b\)\[a-z\]", _VERB_AFTER_RE.pattern).group(1).split("|")
)
_FINITE_SKIPS = frozenset(
    re.search(r"\(\?:\(\?:([a-z|]+)\)", _FINITE_AFTER_RE.pattern).group(1).split("|")
)
_LOWER_RUN_RE = re.compile(r"[a-z]+")


def _lower_word_after(text: str, e: int) -> tuple[str, bool] | None:
    """After the space at ``e``, the run of a-z letters and whether a word character (\\w) runs
    on past it, when the run starts right there; else None. Then, of the patterns after a name,
    ``_VERB_AFTER_RE.match(text, e)`` matches unless the run is a whole word of
    ``_NOT_VERB_AFTER``; and ``_FINITE_AFTER_RE.match(text, e)``, unless the run is one of
    ``_FINITE_SKIPS``, matches with the run as its verb when no word character follows it, else
    not at all. (Exact: a-z letters after one space leave no room for the parenthesis or the
    comma those patterns may open with, and a word of their lists followed by a space is a
    whole run.)

    >>> _lower_word_after("Lee said.", 3), _lower_word_after("Lee 2", 3)
    (('said', False), None)
    """
    m = _LOWER_RUN_RE.match(text, e + 1)
    if m is None:
        return None
    b = m.end()
    return m.group(0), b < len(text) and (text[b].isalnum() or text[b] == "_")


def _inherit(q: _Quote, src: _Quote) -> None:
    q.mention, q.mention_kind, q.cue, q.cue_span, q.speaker = (
        src.mention,
        src.mention_kind,
        src.cue,
        src.cue_span,
        src.speaker,
    )


# _run_head per run, for one rules object: the same runs come back in article after article
# ('But', 'Trump'); cleared when it grows large.
_HEADS = LastKeyMemo(limit=16384)


def _run_head(run: str, rules: _Rules) -> tuple:
    """(run, multi-word?, first word in lower case) of a capitalised run as a name: without
    what follows a full stop that ends a sentence ("Turkey. To do this" is two sentences), nor
    that full stop; run None for a lone word of [stop_capitals] ('The'), which names no one."""
    if "." in run:  # most runs have no full stop: skip the scan
        for stop in _RUN_SENTENCE_END_RE.finditer(run):
            if not _ABBREV_RE.search(run[max(0, stop.start() - 11) : stop.start() + 1]):
                run = run[: stop.start()]
                break
        if run.endswith(".") and not _ABBREV_RE.search(run[-12:]):
            run = run[:-1]  # 'said Tom Clay.': the sentence's full stop
    multi = " " in run
    first = run.split(None, 1)[0].rstrip(".").lower()
    if first in rules.stop_caps and not multi:
        return None, multi, first
    return run, multi, first


def _resolve(text: str, found: list[_Quote], rules: _Rules) -> None:
    # people named in the article, with their positions, for pronouns and descriptions: a
    # capitalised run with a title ("Sen. Ann Lee"), a role before it ("spokesman Al Roe"), a
    # person's apposition after it (", who", ", 45,", ", a spokesman"), a cue after it
    # ("Lee also said"), or a multi-word name in subject position ("Paul Hart runs")
    people: list[tuple[int, str]] = []
    names: dict[str, str] = {}  # run -> name: the same names come back again and again
    others: list[tuple[int, int]] = []  # multi-word runs not known to be people
    singles: list[tuple[int, str]] = []  # one-word runs not known to be people
    heads: dict[str, tuple] = _HEADS.values(rules)
    person_after = rules.person_after_re.match
    verb_after, finite_after = _VERB_AFTER_RE.match, _FINITE_AFTER_RE.match
    cues, roles, role_ends = rules.cues, rules.roles, rules.role_ends
    role_end_len = rules.role_end_len
    for m in _NAME_RUN_AFTER_RE.finditer(text):
        raw, low, more = m.group(0, 1, 2)
        head = heads.get(raw)
        if head is None:
            head = heads[raw] = _run_head(raw, rules)
        run, multi, first = head
        if run is None:
            continue
        s = m.start()
        if s >= 2 and text[s - 1] == "." and text[s - 2].isalpha():
            continue  # "U.S. Army" read from its "S.": the tail of an initialism, no name
        e = s + len(run)
        # any one test makes a person. The patterns after the run open with ',' (person_after_re)
        # or with ',', '(' or a space but no newline (_VERB_AFTER_RE, _FINITE_AFTER_RE): no such
        # character, no match
        c = text[e : e + 1]
        gap = c == " "
        if gap:
            # one space and a lower-case word (the usual case): both patterns after the run
            # read that word alone, answered here without them (see _lower_word_after; the
            # scan's look-ahead read it when the run is the whole match)
            if len(raw) != len(run):
                word = _lower_word_after(text, e)
                low, more = (None, None) if word is None else word
            if low is None:
                person = multi and (first in _TITLE_WORDS or verb_after(text, e) is not None)
            else:
                verb = bool(more) or low not in _NOT_VERB_AFTER
                person = multi and (first in _TITLE_WORDS or verb)
            if not person:
                if low is None or low in _FINITE_SKIPS:
                    after = finite_after(text, e)
                    person = after is not None and after.group(1) in cues
                else:
                    person = not more and low in cues
        else:
            gap = c == "," or c == "(" or (c.isspace() and c != "\n")
            person = (
                (multi and first in _TITLE_WORDS)
                or (c == "," and person_after(text, e) is not None)
                or (multi and gap and verb_after(text, e) is not None)
            )
            if not person and gap:
                after = finite_after(text, e)
                person = after is not None and after.group(1) in cues
        if not person:
            # _role_before, inline (it runs for most runs)
            if s >= 2 and text[s - 1] == " " and not text[s - 2].isspace():
                person = (
                    text[max(0, s - 1 - role_end_len) : s - 1] in role_ends
                    and _word_before(text, s) in roles
                )
            else:
                person = _word_before(text, s) in roles
        if not person and multi and c in ",." and first not in rules.determiners:
            # 'said Ann Lee, director of ...' (not the listener of 'told The Gazette')
            cue = _word_before(text, s)
            person = cue in rules.cues and cue not in _tell_verbs()
        if person:
            name = names.get(run)
            if name is None:
                name = names[run] = _trim_long(_name_text(text, s, e, rules))
            if name:
                people.append((s, name))
        elif multi:
            others.append((s, e))
        elif gap and low is not None and c == " ":
            singles.append((s, run))  # 'Roe did ...': a one-word run, a lower-case word after
    for q in found:
        if q.mention is not None and q.mention_kind == "name":
            name = _name_text(text, *q.mention, rules)
            if name:
                people.append((q.mention[0], _trim_long(name)))
    people.sort()
    # full names: surname -> first multi-word name ending with it; and the names ending with
    # it and a generational suffix ("Tom Roe III"), taken when no other name is found
    full: dict[str, str] = {}
    suffixed: dict[str, str] = {}
    for _, name in people:
        parts = name.split()
        if len(parts) >= 3 and parts[-1].strip(".,").lower() in _SUFFIXES:
            suffixed.setdefault(parts[-2].rstrip(","), name)
        if len(parts) >= 2:
            full.setdefault(parts[-1], name)
    # the surname alone of a person named in full opening a sentence ('Roe did not answer.'):
    # that person again, the subject nearest the pronouns and descriptions after it
    again = [(pos, run) for pos, run in singles if run in full and _opens_sentence(text, pos)]
    if again:
        people = sorted(people + again)
    canonicals: dict[str, str] = {}

    def canonical(name: str) -> str:
        key = canonicals.get(name)
        if key is None:
            parts = name.split()
            if len(parts) != 1:
                key = name
            elif parts[0] in full:
                key = full[parts[0]]
            else:  # the full name may be anywhere in the article: "support for Ann Lee"
                key = (
                    _full_name_elsewhere(text, parts[0], others, rules)
                    or suffixed.get(parts[0])
                    or name
                )
            canonicals[name] = key
        return key

    # no pronoun means a place, a sentence opener or a word that names no one ('Miami, Fla.,
    # says ... She' is the woman before it): such one-word 'people' are left out
    judged: dict[str, bool] = {}
    openers: dict[str, bool] = {}  # each word judged once per article (it reads the text)

    def opener(name: str) -> bool:
        if name not in openers:
            openers[name] = _opener_word(text, name, rules.stop_caps)
        return openers[name]

    def no_one(name: str) -> bool:
        key = canonical(name)
        if " " in key:
            return not _speakable_name(key)  # "the Bayview Democrat": no one for "he" to be
        if key not in judged:
            judged[key] = not _can_speak(key, key) or opener(key)
        return judged[key]

    people = [(pos, name) for pos, name in people if not no_one(name)]
    other_starts = [s for s, _ in others]  # in text order, as found
    positions = [p for p, _ in people]
    named_people = {name for _, name in people}

    # gender evidence per person: the sum of _gender_vote over its mentions, worked out only
    # for the people a pronoun is checked against (few of them)
    mentions_of: dict[str, list[int]] = {}
    for pos, name in people:
        mentions_of.setdefault(canonical(name), []).append(pos)
    votes: dict[str, int] = {}

    def gender(key: str) -> int:
        # the article's evidence and the first name's, which weighs as much as one honorific
        # ("Ann Lee met Tom Roe. She said" is Ann Lee; a pronoun near a mention may be
        # someone else's)
        if key not in votes:
            article = sum(_gender_vote(text, pos) for pos in mentions_of[key])
            votes[key] = article + _NAME_GENDER_WEIGHT * _name_gender(key)
        return votes[key]

    def has_title(key: str) -> bool:
        return any(_after_person_title(text, pos) for pos in mentions_of[key])

    def fitting(before: int, pronoun: str) -> str | None:
        # the most recently named person whose gender does not contradict the pronoun; else
        # the most recent one, unless a title or the first name says otherwise ('Ms. Ann Lee
        # said ... He said ...' is not Ann Lee; the pronouns near a name may be someone else's)
        want = 1 if pronoun == "he" else (-1 if pronoun == "she" else 0)
        i = bisect_left(positions, before) - 1
        first = None
        for j in range(i, max(i - 12, -1), -1):
            key = canonical(people[j][1])
            if want and _organization_name(key) and not has_title(key):
                continue  # "the Harbor Board": no "he" or "she"; "Sen. Tom Church" can be
            if want == 0 or gender(key) * want >= 0:
                return key
            if first is None:
                # a title or the first name says otherwise: no one ('Ann Lee ... he said')
                titled = any(_title_vote(text, pos) * want < 0 for pos in mentions_of[key])
                first = "" if titled or _name_gender(key) * want < 0 else key
        if first == "" or (first is None and want):
            # no person named as a subject fits: a name met since the last one, as an object,
            # whose first name does ('Al Roe met Mia Holt. ... she said' is Mia Holt)
            return object_fitting(people[i][0] if i >= 0 else -1, before, want) or first or None
        return first or None

    def object_fitting(after: int, before: int, want: int) -> str | None:
        j = bisect_left(other_starts, before) - 1
        while j >= 0 and others[j][0] > after:
            s, e = others[j]
            name = _trim_long(_name_text(text, s, e, rules) or "")
            if (
                name
                and _name_gender(name) * want > 0
                and _speakable_name(name)
                and not _organization_name(name)
            ):
                return name
            j -= 1
        return None

    def titled_namesake(surname: str, title: int, before: int) -> str | None:
        # the last full name with ``surname`` before ``before`` (a person's or any other
        # capitalised run) whose first name's gender is the honorific's
        found = [(pos, name) for pos, name in people if pos < before]
        found += [(s, _name_text(text, s, e, rules)) for s, e in others if s < before]
        for _, name in sorted(found, key=lambda f: (f[0], f[1] or ""), reverse=True):
            parts = (name or "").split()
            if len(parts) >= 2 and parts[-1] == surname and _name_gender(name) * title > 0:
                return _trim_long(name)
        return None

    def described(before: int) -> str | None:
        # 'the mayor': the most recently named person; None when that person is only the
        # listener of a description's question ('The reporter asked Ann Lee about ...': who
        # the mayor is, the text does not tell)
        i = bisect_left(positions, before) - 1
        if i >= 0 and _asked_by_description(text, people[i][0]):
            return None
        return fitting(before, "")

    for q in found:
        if q.mention is None or q.kind == "scare" or q.speaker is not None:
            continue
        s, e = q.mention
        if q.mention_kind == "name":
            name = _name_text(text, s, e, rules)
            q.speaker = canonical(name) if name and _can_speak(text[s:e], name) else None
            if q.speaker is not None and " " not in name:
                title = _title_vote(text, s) or _title_before(text, s)
                if title and _name_gender(q.speaker) * title < 0:
                    # 'Tom Roe and his wife, Ann Roe ... Mrs. Roe said': the honorific says
                    # the other one, whose first name fits it
                    q.speaker = titled_namesake(name, title, s) or q.speaker
        elif q.mention_kind == "rel" and _last_char_before(text, s) not in (",", "—", "–", "("):
            q.speaker = None  # 'Republicans who agree that ...': the noun, no person named
        elif q.mention_kind == "rel" or (
            q.mention_kind == "pron" and text[s:e].lower() in _PERSONAL_PRONOUNS
        ):
            # 'Ann Lee, who said ...', 'he said', 'his claim that ...'
            q.speaker = fitting(s, _PERSONAL_PRONOUNS.get(text[s:e].lower(), ""))
            if q.mention_kind == "rel" and q.speaker is not None and _organization_name(q.speaker):
                # 'said Ann Lee, head of the Harbor Board, who ...': the board is no 'who'
                owner = _owner_of_apposition(text, s, rules)
                if owner is not None and not _organization_name(owner):
                    q.speaker = canonical(owner)
        elif q.mention_kind == "desc":
            words = text[s:e].lower().split()
            owner = _apposed_to(text, s, rules) if words[0] in ("a", "an", "the") else None
            if owner is not None and " " not in owner and owner not in named_people:
                owner = None  # 'Regardless, the State Department said': a word, no person
            has_role = any(w.strip(".,") in rules.roles for w in words)
            apposed = _name_in_apposition(text, e, rules) if has_role else None
            if owner is not None:
                # "Al Roe, a pollster who ...": the description is in apposition to a name
                q.speaker = canonical(owner)
            elif apposed is not None:
                # "Lee's spokesman, Al Roe, said": the name is in apposition to it
                q.speaker = canonical(apposed)
            elif has_role:
                # "the officer" -> the most recent named person; but "a spokesman for X" names
                # someone new, not a person already named
                if words[0] in ("the", "this", "that"):
                    q.speaker = described(s)
            else:
                # "Sanders eventually", "Cruz openly": a name, then words the source span took
                # in; "the Clinton campaign", "many Democrats": a description names no person
                # (the mention stays, for newslib.people)
                q.speaker = _leading_name(text, s, e, rules)
    # no place, headline, party adjective, sentence opener ('One man said') or contraction is
    # a speaker, however it was found
    for q in found:
        if q.speaker is None:
            continue
        after = q.mention[0] + len(q.speaker) if q.mention else None
        if (
            not _can_speak(q.speaker, q.speaker)
            or opener(q.speaker)
            or (
                after is not None
                and " " not in q.speaker  # a town is one word; "Ann Voss, Ohio," is a person
                and text.startswith(q.speaker, q.mention[0])
                and _CITY_STATE_RE.match(text, after)
            )
            or (q.mention is not None and _enumeration_tail(text, q.mention[0]))
        ):
            q.speaker = None
    # copy resolutions to the pieces that inherited a mention
    resolved = {q.mention: q.speaker for q in found if q.mention and q.speaker}
    for q in found:
        if q.kind != "scare" and q.mention is not None and q.speaker is None:
            q.speaker = resolved.get(q.mention)


def _asked_by_description(text: str, pos: int) -> bool:
    """Is the name at ``pos`` the listener of a tell verb whose subject is a description ('The
    reporter asked Ann Lee', 'a voter told Tom Roe')?

    >>> t = "The reporter asked Ann Lee."
    >>> _asked_by_description(t, 19), _asked_by_description("Tom Roe asked Ann Lee.", 14)
    (True, False)
    """
    if _word_before(text, pos) not in _tell_verbs():
        return False
    m = _DESCRIPTION_ASKS_RE.search(text, max(0, pos - 60), pos)
    return m is not None


# a description as the subject of the verb right before a name: 'The reporter asked '
_DESCRIPTION_ASKS_RE = re.compile(
    r"(?:^|(?<=[.!?\n])[^\S\n]*|(?<=[.!?]\s))(?:[Tt]he|[Aa]n?)[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){1,3}"
    r"[a-z]+[^\S\n]+$"
)


# The pronouns of one person a speaker is resolved from, as the subject pronoun of their gender:
# the possessive owner of a noun cue ('his claim that', 'her denial of') too.
_PERSONAL_PRONOUNS = {"he": "he", "his": "he", "she": "she", "her": "she"}


# "Berea, Ohio," / "Berea, OH," / "Berea, Ky.,": a town and its state (a dateline), no speaker.
def _enumeration_tail(text: str, s: int) -> bool:
    """Is the name at ``s`` the last of a list ending a name with 'of' ('the Bayview Academy
    of Arts, Letters and Sciences noted'), a word of that name, no one of its own?

    >>> t = "The Academy of Arts, Letters and Sciences noted it."
    >>> _enumeration_tail(t, 33), _enumeration_tail("In Bayview, Ann Lee and Al Roe", 24)
    (True, False)
    """
    return _OF_LIST_BEFORE_RE.search(text, max(0, s - 120), s) is not None


_OF_LIST_BEFORE_RE = re.compile(
    r"[A-Z][\w’'\-]*[^\S\n]+of[^\S\n]+[A-Z][\w’'\-]*(?:,[^\S\n]+[A-Z][\w’'\-]*)+,?"
    r"[^\S\n]+and[^\S\n]+\Z"
)
_CITY_STATE_RE = re.compile(
    r",\s(?:[A-Z]{2}|[A-Z][a-z]{1,4}\.|(?:New |North |South |West |Rhode )?[A-Z][a-z]+),"
)


def _last_char_before(text: str, s: int) -> str:
    """``text[:s].rstrip()[-1:]`` without copying the text before ``s``."""
    k = min(s, len(text))
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return text[k - 1] if k > 0 else ""


# A name right before a description in apposition: "Al Roe, a ...", "Sen. Al Roe (D-Ohio), the
# ...", "Al Roe of Ohio, a ...". The look-behind keeps the scan at word starts.
_APPOSED_RE = re.compile(
    rf"(?<![\w.'’-])(?P<name>{_NAME})(?:[^\S\n]+of[^\S\n]+{_NAME})?(?:[^\S\n]*\([^()\n]{{1,40}}\))?"
    r",[^\S\n]*$"
)
_WORD_BEFORE_NAME_RE = re.compile(r"([A-Za-z]+)[^\S\n]+$")


@lru_cache(maxsize=1)
def _tell_verbs() -> frozenset[str]:
    from .cues import _lists as cue_lists

    return cue_lists()["tell_verbs"]


def _apposed_to(text: str, s: int, rules: _Rules) -> str | None:
    """The name a description starting at ``s`` stands in apposition to ("said Al Roe, a
    pollster who ..." -> Al Roe), or None (no name and comma right before it, or the name
    follows a preposition: "In a letter to Al Roe, the officials said")."""
    lo = max(0, s - 120)
    # every match ends in a comma and spaces (then the end, or a newline at it): no such
    # comma, no match, and the pattern's many tries are spared
    if not text[lo:s].rstrip().endswith(","):
        return None
    m = _APPOSED_RE.search(text, lo, s)
    if m is None:
        return None
    before = _WORD_BEFORE_NAME_RE.search(text, max(0, m.start() - 20), m.start())
    if before is not None and before.group(1).lower() in _PREPOSITIONS:
        return None
    a, b = m.span("name")
    name = _name_text(text, a, b, rules)
    return name if name and _can_speak(text[a:b], name) else None


def _owner_of_apposition(text: str, s: int, rules: _Rules) -> str | None:
    """The name before the apposition that a relative pronoun at ``s`` follows ('said Ann Lee,
    head of the Harbor Board, who ...' -> Ann Lee), or None.

    >>> from newslib.quotes.cues import _rules
    >>> t = "said Ann Lee, head of the Harbor Board, who also said"
    >>> _owner_of_apposition(t, t.index("who"), _rules())
    'Ann Lee'
    """
    c = s - 1
    while c >= 0 and text[c] in " \t":
        c -= 1
    if c < 0 or text[c] != ",":
        return None
    c2 = text.rfind(",", max(0, c - 120), c)
    if c2 < 0 or "\n" in text[c2:c]:
        return None
    a = c2 + 1
    while a < c and text[a] in " \t":
        a += 1
    return _apposed_to(text, a, rules) if a < c else None


_APPOSED_AFTER_RE = re.compile(rf",[^\S\n]+(?P<name>{_NAME})(?=[^\S\n]*[,.;:]|[^\S\n]*$)")


def _name_in_apposition(text: str, e: int, rules: _Rules) -> str | None:
    """The name in apposition right after a description ending at ``e`` ("Lee's spokesman,
    Al Roe, said" -> Al Roe): two to four capitalised words, or None."""
    m = _APPOSED_AFTER_RE.match(text, e, min(len(text), e + 80))
    if m is None or not 2 <= len(m.group("name").split()) <= 4:
        return None
    a, b = m.span("name")
    name = _name_text(text, a, b, rules)
    return name if name and _can_speak(text[a:b], name) else None


def _full_name_elsewhere(
    text: str, surname: str, runs: list[tuple[int, int]], rules: _Rules
) -> str | None:
    """The full name ending with ``surname`` that the article uses most among its other
    capitalised runs (ties: the first), when it reads as a person's name: two or three
    capitalised words, no title or sentence opener left in front."""
    counts: dict[str, int] = {}
    first_at: dict[str, int] = {}
    for s, e in runs:
        if not text.endswith(surname, s, e) or not text[e - len(surname) - 1].isspace():
            continue
        name = _name_text(text, s, e, rules)
        words = name.split()
        if not 2 <= len(words) <= 3 or words[-1] != surname:
            continue
        if any(not (w[:1].isupper() and (w[1:2].islower() or w.endswith("."))) for w in words):
            continue
        first = words[0].lower().rstrip(".")
        if first in rules.stop_caps or first in rules.cues or first in rules.adverbs:
            continue  # "Said Comey", "Meanwhile Lee": no first name
        counts[name] = counts.get(name, 0) + 1
        first_at.setdefault(name, s)
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -first_at[n]))


def _after_person_title(text: str, pos: int) -> bool:
    """Does a person's title (Mr., Sen., Senator, Dr.) open the name at ``pos`` or stand right
    before it? Then a name holding an organisation's word ("Sen. Tom Church") is a person's.

    >>> _after_person_title("Sen. Tom Church spoke", 0), _after_person_title("The Harbor Board", 4)
    (True, False)
    """
    head = text[pos : pos + 16].split(maxsplit=1)[:1]
    before = text[max(0, pos - 16) : pos].split()[-1:]
    return any(w.lower().rstrip(".") in _TITLE_WORDS for w in before + head)


def _title_vote(text: str, pos: int) -> int:
    """2 / -2 for a title (Mr., Ms., Mrs.) opening the name at ``pos``, else 0.

    >>> _title_vote("Ms. Lee", 0), _title_vote("Lee", 0)
    (-2, 0)
    """
    head = text[pos : pos + 5]
    if head.startswith("Mr.") or head.startswith("Mr "):
        return 2
    if head.startswith(("Mrs", "Ms.", "Ms ")):
        return -2
    return 0


_TITLE_BEFORE_RE = re.compile(r"(?<![\w.])(Mrs|Mr|Ms)\.?[ \t]+\Z")


def _title_before(text: str, pos: int) -> int:
    """2 / -2 for a title (Mr., Ms., Mrs.) right before the name at ``pos``, else 0.

    >>> _title_before("Mrs. Roe", 5), _title_before("Mr. Roe", 4), _title_before("Roe", 0)
    (-2, 2, 0)
    """
    m = _TITLE_BEFORE_RE.search(text[max(0, pos - 6) : pos])
    return 0 if m is None else (2 if m.group(1) == "Mr" else -2)


def _gender_vote(text: str, pos: int) -> int:
    """Gender evidence for the person named at ``pos``: 2 / -2 for a title (Mr., Ms.), else
    1 / -1 for the first he/his/him or she/her within 160 characters, 0 for none.

    >>> _gender_vote("Ms. Lee said", 0), _gender_vote("Lee said he would", 0)
    (-2, 1)
    """
    title = _title_vote(text, pos)
    if title:
        return title
    m = _GENDER_PRONOUN_RE.search(text, pos, pos + 160)
    return 0 if m is None else (1 if m.group(0).lower() in ("he", "his", "him") else -1)


# What a person's first name weighs in the gender a pronoun is checked against: as much as one
# honorific (:func:`_title_vote`); the first name's gender is :func:`.first_names._name_gender`.
_NAME_GENDER_WEIGHT = 2

# The look-ahead lets the search skip to an h or s quickly (same matches as without it).
_GENDER_PRONOUN_RE = re.compile(r"(?=[HhSs])\b(?:[Hh]e|[Hh]is|him|[Ss]he|[Hh]er)\b")


def _trim_long(name: str) -> str:
    # "Russian Federal Security Service Gleb Karakulov" -> "Gleb Karakulov"
    parts = name.split()
    return " ".join(parts[-2:]) if len(parts) > 3 else name
