"""The speaker and cue around one quotation, and its kind.

A speaker is found after the closing mark ('," he said', '," said Smith'), before the opening
mark ('Smith said: "', 'According to Smith, "') or as the subject of the quotation's sentence
(those two in :mod:`newslib.quotes.subjects`); each is cut down to a mention (a pronoun, a name,
a description: ``_cut_subject``) for :mod:`newslib.quotes.resolve` to resolve. :func:`_classify`
tells direct, partial and scare quotes apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cues import _NAME, _NICKNAME, _alternation, _lists, _Rules, _sections
from .marks import _DOUBLE_RE, _first_nonspace, _Quote
from .sentences import _ABBREV_RE

_TIME_WORDS = frozenset(
    "on last this early late monday tuesday wednesday thursday friday saturday sunday night "
    "week month year morning evening afternoon today yesterday".split()
)
_RELATIVE = frozenset("who whom whose which that where when".split())


def _cut_subject(text: str, s: int, e: int, rules: _Rules, from_right: bool, strict: bool = True):
    """Cut a subject phrase down to its mention; see _cut_subject_raw. A sentence's full stop
    is not part of the mention ('said Jane Doe.'), an initial's or title's is ('Jr.')."""
    cut = _cut_subject_raw(text, s, e, rules, from_right, strict)
    if cut is not None:
        a, b, kind = cut
        while b > a and text[b - 1] in ",;:":
            b -= 1
        if b > a and text[b - 1] == "." and not _ABBREV_RE.search(text[max(a, b - 12) : b]):
            b -= 1
        cut = (a, b, kind) if b > a else None
    return cut


_NICKNAME_RE = re.compile(_NICKNAME)


def _name_run_end(text: str, words, k: int) -> int:
    """The index after the run of capitalised words (and name particles) from ``words[k]``,
    stopping after a word that ends a sentence."""
    j = k
    while j < len(words):
        a, b = words[j]
        if not (text[a].isupper() or text[a:b] in _PARTICLES):
            # 'Tom "Tiny" Roe', 'Ann "Big Red" Lee': a nickname in marks between two
            # capitalised words
            m = _NICKNAME_RE.match(text, a) if j > k and text[a] in '"“' else None
            if m is None:
                break
            n = j
            while n < len(words) and words[n][1] <= m.end():
                n += 1
            if n >= len(words) or n == j:
                break
            j = n
            continue
        j += 1
        if _ends_sentence(text[a:b]):
            break
    return j


def _nickname_start(text: str, words, j: int) -> int | None:
    """The index of the word opening the nickname in marks that ends with ``words[j - 1]``
    ('"Big' of 'Ann "Big Red" Lee'), when a capitalised word stands before it; else None.

    >>> t = 'Ann "Big Red" Lee'
    >>> _nickname_start(t, [m.span() for m in _WORD_SPAN_RE.finditer(t)], 3)
    1
    """
    for k in range(j - 1, max(0, j - 3) - 1, -1):
        a = words[k][0]
        if text[a] in '"“':
            m = _NICKNAME_RE.match(text, a)
            ok = m is not None and m.end() == words[j - 1][1] and k > 0
            return k if ok and text[words[k - 1][0]].isupper() else None
    return None


def _cut_subject_raw(
    text: str, s: int, e: int, rules: _Rules, from_right: bool, strict: bool = True
):
    """Cut a subject phrase text[s:e] down to the mention that names the speaker.

    Returns (start, end, kind) or None; kind is 'pron', 'name' or 'desc'. ``from_right``: the
    phrase ends at the cue, so the mention is its last words.
    """
    words = [m.span() for m in _WORD_SPAN_RE.finditer(text, s, e)]
    dashed = -1  # the last word after a dash glued to it: a name starts there
    if "-" in text[s:e]:
        # '-Ann Lee explains', 'in Brooklyn -Mrs. Lee said': a dash glued to a name
        for i, (a, b) in enumerate(words):
            if text[a] == "-" and text[a + 1 : a + 2].isupper():
                words[i] = (a + 1, b)
                dashed = i
    # strip trailing adverbs, times and parentheses ("Smith (R-Wis.) on Tuesday" -> "Smith")
    while words:
        w = text[words[-1][0] : words[-1][1]].lower()
        if w in rules.adverbs or w in _TIME_WORDS or w.endswith(")"):
            words.pop()
            if w.endswith(")") and "(" not in w:  # '(Ohio)' is one word: popped already
                while words and "(" not in text[words[-1][0] : words[-1][1]]:
                    words.pop()
                if words:
                    words.pop()
        else:
            break
    if not words:
        return None
    if not from_right:
        # 'said John Smith, a spokesman' - the phrase starts the mention
        first = text[words[0][0] : words[0][1]]
        if first.lower() in rules.pronouns:
            return words[0][0], words[0][1], "pron"
        if first.lower() in rules.determiners:
            end = len(words)
            for k in range(1, len(words)):
                if text[words[k][0] : words[k][1]].lower() in _RELATIVE:
                    end = k
                    break
            if end > 1:
                return words[0][0], words[end - 1][1], "desc"
            return None
        # leading lower-case role words: 'said pollster Frank Luntz'
        k = 0
        while k < min(len(words), 6) and not text[words[k][0]].isupper():
            k += 1
        while k < len(words) and text[words[k][0] : words[k][1]].lower().rstrip(".,") in (
            rules.stop_caps
        ):
            k += 1  # 'said Wednesday' names a day, not a speaker
        j = _name_run_end(text, words, k)
        if j > k:
            later = _name_after_role(text, words, j, rules)
            if later is not None:
                return later
            owner_end = words[j - 1][1]
            if text[owner_end - 1] in "'’" or text[owner_end - 2 : owner_end] in ("'s", "’s"):
                # "said Lee's campaign chairman, Jo Carr": the owner does not speak
                return _owned_role(text, words[k][0], owner_end, rules)
            return words[k][0], words[j - 1][1], "name"
        return None
    last = text[words[-1][0] : words[-1][1]]
    low = last.lower()
    if low in rules.pronouns and (low != "it" or len(words) == 1):
        return words[-1][0], words[-1][1], "pron"
    if low == "who" and text[max(0, words[-1][0] - 3) : words[-1][0]].rstrip().endswith(","):
        # 'Ann Lee, who called it "..."': the relative pronoun stands for the name before it
        return words[-1][0], words[-1][1], "rel"
    if low in _CONJ or low in _PREPOSITIONS:
        return None
    # trailing run of capitalised words = a name ("Amnesty spokesman Eric Ferrero" -> Eric Ferrero)
    run_start = len(words)
    while run_start > 0 and run_start != dashed:
        w = text[words[run_start - 1][0] : words[run_start - 1][1]]
        k = None
        if w[-1:] in '"”' and run_start < len(words):
            # 'Ann "Big Red" Lee said': a nickname in marks after a capitalised word
            k = _nickname_start(text, words, run_start)
        if k is not None:
            run_start = k
        elif w[:1].isupper() or (run_start < len(words) and w in _PARTICLES):
            run_start -= 1
        else:
            break
    while run_start < len(words) and (
        text[words[run_start][0] : words[run_start][1]].lower().rstrip(".") in rules.stop_caps
    ):
        run_start += 1
    if run_start < len(words) and text[words[run_start][0]].isupper():
        owner = _name_before_of(text, words, run_start, rules)
        if owner is not None:
            return owner
        # "the Wisconsin Republican", "the White House": keep the determiner with the name
        k = run_start - 1
        if k >= 0 and text[words[k][0] : words[k][1]].lower() in rules.determiners:
            return words[k][0], words[-1][1], "desc"
        return words[run_start][0], words[-1][1], "name"
    # a description starting at the last determiner ("In October the officer" -> the officer)
    head_end = len(words)  # the description's head ends before a phrase of it ('of a rally')
    for k in range(len(words) - 2, -1, -1):
        w = text[words[k][0] : words[k][1]].lower()
        if w in rules.determiners or (w == "other" and k and _plural_role({low}, rules)):
            # 'Lee and other leaders': the plural role with its 'other'
            body = {text[a:b].lower().strip(".,’'") for a, b in words[k + 1 : head_end]}
            # (body meets rules.roles | rules.sources, tested without building the union)
            if head_end < len(words):
                # the head before a phrase ('the organizer of'): a person's role, no body
                ok = len(body) <= 3 and (
                    not body.isdisjoint(rules.roles) or _plural_role(body, rules)
                )
            else:
                ok = (
                    not strict
                    or not body.isdisjoint(rules.roles)
                    or not body.isdisjoint(rules.sources)
                    or _plural_role(body, rules)
                )
            if ok:
                if _as_many_as(text, words, k):
                    k -= 1  # 'As many as 40 percent of voters': the 'as' opens the amount
                return words[k][0], words[-1][1], "desc"
            if k >= 3 and text[words[k - 1][0] : words[k - 1][1]] in _HEAD_PHRASE_OPENERS:
                # 'the organizer of a harbor rally said': no role after this determiner, but
                # it opens a phrase of an earlier description, whose head may name one
                head_end = k - 1
                continue
            return None
    if low.strip(".,") in rules.roles and len(words) <= 3:
        return words[0][0], words[-1][1], "desc"
    return _coordinated_roles(text, words, rules) or _quantity_subject(text, words)


def _as_many_as(text: str, words, k: int) -> bool:
    """Is ``words[k]`` the 'many' of 'as many as' (an 'as' before it and after it)?

    >>> t = "As many as 40 voters"
    >>> w = [m.span() for m in _WORD_SPAN_RE.finditer(t)]
    >>> _as_many_as(t, w, 1), _as_many_as(t, w, 2)
    (True, False)
    """
    return (
        0 < k < len(words) - 1
        and text[words[k][0] : words[k][1]].lower() == "many"
        and text[words[k - 1][0] : words[k - 1][1]].lower() == "as"
        and text[words[k + 1][0] : words[k + 1][1]].lower() == "as"
    )


_NUMBER = (
    r"(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|dozens|half|"
    r"(?:a[^\S\n]+)?(?:third|quarter|majority|plurality|fraction)|"
    r"[a-z]+-(?:thirds|quarters|fourths|fifths))"
)
_QUANTITY_RE = re.compile(
    rf"(?<![\w’'\-])(?:(?:more|less|fewer)[^\S\n]+than[^\S\n]+|about[^\S\n]+|nearly[^\S\n]+|"
    rf"almost[^\S\n]+|roughly[^\S\n]+|only[^\S\n]+|just[^\S\n]+|at[^\S\n]+least[^\S\n]+|"
    rf"as[^\S\n]+many[^\S\n]+as[^\S\n]+|all[^\S\n]+but[^\S\n]+)?{_NUMBER}"
    rf"(?:[^\S\n]+(?:percent|in[^\S\n]+(?:10|ten|\d+)|out[^\S\n]+of[^\S\n]+\w+))?"
    rf"(?:[^\S\n]+of[^\S\n]+(?:[\w\-’']+[^\S\n]+){{0,5}}[\w\-]+)?\Z"
    # 'four in 10 Bayview voters': the people right after a share of ten
    rf"|(?<![\w’'\-]){_NUMBER}[^\S\n]+in[^\S\n]+(?:10|ten)(?:[^\S\n]+[\w\-’']+){{1,6}}\Z",
    re.I,
)


def _quantity_subject(text: str, words):
    """A number of people right before the cue: 'six in 10 said', 'four in 10 Bayview voters
    say', 'More than 40 percent of voters say', 'all but two said', 'About three-quarters
    support': (start, end, 'desc')."""
    b = words[-1][1]
    for k in range(len(words)):
        m = _QUANTITY_RE.match(text[words[k][0] : b])
        if m is not None:
            if text[words[-1][0] : b].lower() in ("of", "in", "than"):
                return None
            return words[k][0], b, "desc"
    return None


_NP_WORD_RE = re.compile(r"[A-Za-z][a-z\-]*,?")


def _coordinated_roles(text: str, words, rules: _Rules):
    """Plural roles joined by 'and' or 'or' right before the cue, with their modifiers:
    'Current and former officials', 'harbor pilots and dock workers', 'Pilots, clerks and
    engineers'; (start, end, 'desc') or None."""
    if not _plural_role({text[words[-1][0] : words[-1][1]].lower()}, rules):
        return None
    lists = _lists()
    k = len(words)
    joined = False
    while k > 0 and len(words) - k < 7:
        a, b = words[k - 1]
        w = text[a:b]
        low = w.lower().rstrip(",")
        if _NP_WORD_RE.fullmatch(w) is None or (w[0].isupper() and not _plain_opener(text, a, w)):
            break
        if low in ("and", "or"):
            if k == len(words) or w.endswith(","):
                return None
            joined = True
        elif (
            low in rules.stop_caps
            or low in rules.adverbs
            or low in rules.cues
            or low in _PREPOSITIONS
            or low in lists["cue_before"]
            or low in lists["reporting"]
            or low in lists["predicate_verbs"]
            or low.endswith(("ly", "ing", "ed"))
        ):
            break
        k -= 1
    if not joined or k == len(words) or text[words[k][0] : words[k][1]].lower() in ("and", "or"):
        return None
    return words[k][0], words[-1][1], "desc"


def _plain_opener(text: str, a: int, word: str) -> bool:
    """Is the capitalised ``word`` at ``a`` a common word ('Current') or a role ('Pilots')
    capitalised only because it opens a sentence, a line or a clause?"""
    from .names import _easy_words, _mid_capital, _written_alone

    low = word.lower().rstrip(",")
    lists = _lists()
    if not (
        low in _easy_words()
        or low in lists["person_roles"]
        or low in lists["role_modifiers"]
        or _plural_role({low}, None)
        or (_written_alone(text, low) and not _mid_capital(text, word.rstrip(",")))
    ):
        return False
    j = a - 1
    while j >= 0 and text[j] in " \t\"“'‘(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;,—–"


_WORD_SPAN_RE = re.compile(r"\S+")


def _plural_role(words: set[str], rules: _Rules | None) -> bool:
    """Is one of ``words`` a plural person role ('supporters', 'leaders')?"""
    roles = _lists()["person_roles"] if rules is None else rules.roles
    return any(w.endswith("s") and w[:-1] in roles for w in words)


def _name_before_of(text: str, words, run_start: int, rules: _Rules):
    """When the capitalised run ending a subject follows 'of' ('Ann Lee of Ohio', 'Al Roe of
    the Brookings Institution', 'Al Roe of the Center for Policy Studies', 'Secretary of State
    Ann Lee', 'Ann Lee, Republican of Ohio'), the person's name as (start, end, 'name'): the
    full name before the first 'of', or the name after the office a title holds; None when the
    run is the name."""
    ofs = []  # the 'of's of the organisation's name before the run, nearest first
    k = run_start - 1
    while k >= 1 and run_start - k <= 10:
        w = text[words[k][0] : words[k][1]]
        if w == "of":
            ofs.append(k)
        elif not (w[:1].isupper() or w in _NAME_LINKS or (w[:1].islower() and "-" in w)):
            break
        k -= 1
    if not ofs:
        return None
    run = [text[a:b] for a, b in words[run_start:]]
    if any(w.lower().rstrip(".") in rules.roles for w in run[1:]):
        return None  # 'Bureau of Investigation Director Al Roe': the run holds the name
    organizations = _people_lists()["organization_words"]
    for o in reversed(ofs):  # the first 'of' first
        m = o
        while m > 0 and text[words[m - 1][0]].isupper() and text[words[m - 1][1] - 1] not in ",;:":
            m -= 1
        before = [text[a:b].lower().rstrip(".") for a, b in words[m:o]]
        if not before:
            continue
        if before == ["republican"] or before == ["democrat"] or before == ["independent"]:
            # 'Ann Lee, Republican of Ohio': the name before the comma
            if m >= 1 and text[words[m - 1][1] - 1] == "," and text[words[m - 1][0]].isupper():
                n = m - 1
                while n > 0 and text[words[n - 1][0]].isupper():
                    if text[words[n - 1][1] - 1] == ",":
                        break
                    n -= 1
                return words[n][0], words[m - 1][1] - 1, "name"
            continue
        if before[-1] in rules.roles or before[-1] in _OFFICE_TITLES:
            # 'Secretary of State Ann Lee', 'Chief of Staff Al Roe': the office, then the name
            if o != run_start - 1 or len(run) < 3:
                return None
            keep = 3 if len(run) >= 4 and re.fullmatch(r"[A-Z]\.", run[-2]) else 2
            return words[len(words) - keep][0], words[-1][1], "name"
        if o - m >= 2 and not any(w in organizations for w in before):
            return words[m][0], words[o - 1][1], "name"
    return None


# Lower-case words inside an organisation's name: 'Center for Policy Studies'.
_NAME_LINKS = frozenset("the for and at in on".split())


def _is_place(word: str) -> bool:
    """Is ``word`` a country, state or state abbreviation (the people lists' places)?"""
    from ..people.names import _fold

    return _fold(word) in _people_lists()["places"]


_OFFICE_TITLES = frozenset("secretary chief director attorney sec".split())


def _people_lists():
    from ..people.names import _lists as people_lists

    return people_lists()


# Lower-case words between an owner and a role that name no role: 'Smith on Tuesday', 'Smith
# and New York officials'.
_NOT_ROLE_WORDS = frozenset(
    "and or but nor in on at to of for from by with as about after before during said says "
    "told the a an who which that this these those".split()
)


_OWNED_ROLE_RE = re.compile(rf"((?:[^\S\n]+[a-z][\w\-]*){{1,4}})(?:,?[^\S\n]+(?P<name>{_NAME}))?")


def _owned_role(text: str, s: int, owner_end: int, rules: _Rules):
    """After an inverted cue, an owner and a role ("said Lee's campaign chairman, Jo Carr"):
    the name in apposition, else the description ("Lee's spokesman"), else None."""
    m = _OWNED_ROLE_RE.match(text, owner_end)
    if m is None or m.group(1).split()[-1].lower() not in rules.roles:
        return None
    if m.group("name") is not None:
        return m.start("name"), m.end("name"), "name"
    return s, m.end(1), "desc"


def _name_after_role(text: str, words, j: int, rules: _Rules):
    """After a capitalised run ending at ``words[j - 1]`` (the phrase after an inverted cue),
    the name that a role in between points to: 'said Marquette pollster Charles Franklin',
    'said Clinton ally Jo Carr', 'said ACLU executive Director Ann Roe' -> the later name, as
    (start, end, 'name'); else None."""
    i = j
    between = []
    while i < len(words) and i - j < 4 and text[words[i][0]].islower():
        word = text[words[i][0] : words[i][1]]
        if not word.replace("-", "").isalpha():
            return None
        between.append(word.lower())
        i += 1
    if not between or i >= len(words) or any(w in _NOT_ROLE_WORDS for w in between):
        return None
    m = _name_run_end(text, words, i)
    if m == i or (between[-1] not in rules.roles and m - i < 2):
        return None  # a full name, or any name after a known role ('spokesman Roe')
    return words[i][0], words[m - 1][1], "name"


_PARTICLES = frozenset("de da di van von der den la le al bin ibn del du dos".split())


def _according_to(text: str, pos: int, limit: int, rules: _Rules):
    """``according to X`` at ``pos``: the speaker cut from X and the cue, or None."""
    m = rules.according_re.match(text, pos, limit)
    if m:
        s, e = m.span("subj")
        cut = _cut_subject(text, s, e, rules, from_right=False)
        if cut:
            return cut, "according to", (m.start(), m.start() + len(text[m.start() : s].rstrip()))
    return None


def _attribute_after(text: str, q: _Quote, rules: _Rules, limit: int):
    """Speaker named right after the closing mark: '," he said' / '," said Smith'."""
    pos = q.close_mark if q.close_mark is not None else q.end
    if pos >= limit:
        return None
    inner = text[q.start : q.end].rstrip()
    ends_full_stop = inner.endswith(".")
    ends_sentence = inner[-1:] in (".", "?", "!")
    m = rules.after_cue_first_re.match(text, pos, limit)
    if m and not m.group("cue").endswith("ing"):  # '," suggesting that ...' is no inversion
        subj = m.group("subj")
        if subj.lower().rstrip(".") not in rules.stop_caps:
            s, e = m.span("subj")
            cut = _cut_subject(text, s, e, rules, from_right=False)
            if cut and not (ends_full_stop and text[pos : m.start("cue")].strip()):
                return cut, m.group("cue").lower(), m.span("cue")
    m = rules.after_re.match(text, pos, limit)
    if m and _INTRODUCES_RE.match(text, m.end()):
        m = None  # '"...," Trump said: "..."' - the cue introduces the next quotation
    if (
        m
        and not m.group("cue").endswith("ing")  # '"...," a nod to X acknowledging' is no cue
        and m.group("subj").split(None, 1)[0] not in _CONJ  # '"...," and Smith said: "..."'
    ):
        s, e = m.span("subj")
        # '"Why now?" Mills then writes back, "You look cute."': after a full sentence, a
        # capitalised subject may start a new sentence that introduces the next quotation.
        if ends_sentence and text[s].isupper():
            if q.kind == "partial":
                return None  # '... was "arbitrary." Josh Hendler warned' - a new sentence
            rest = _NEXT_STOP_RE.match(text, m.end(), q.para_hi)
            if rest is None or _DOUBLE_RE.search(rest.group(0)):
                return None
        cut = _cut_subject(text, s, e, rules, from_right=True, strict=False)
        if cut:
            return cut, m.group("cue").lower(), m.span("cue")
    if q.kind == "direct" and inner[-1:] == ",":
        found = _said_after_tail(text, pos, limit, rules)
        if found:
            return found
    if q.kind == "direct" and inner[-1:] in (",", "?", "!", "—", "-"):
        # '"...," Conway notes.' / '"...?" Hannity pressed.': after a quotation that hands over
        # to its attribution, any past-tense or present verb after a short subject is the cue
        m = rules.after_any_verb_re.match(text, pos, limit)
        if m and m.group("cue") not in _NOT_CUES:
            s, e = m.span("subj")
            cut = _cut_subject(text, s, e, rules, from_right=True, strict=False)
            if cut:
                return cut, m.group("cue").lower(), m.span("cue")
    p2 = _COMMA_SPACE_RE.match(text, pos, limit).end()
    return _according_to(text, p2, limit, rules)


# '," since most cases were close, said Ann Lee.': the quotation's sentence goes on (no mark, no
# sentence end), then ', said NAME' closes it
_TAIL_SAID_RE = re.compile(
    r"[^\S\n]+[a-z][^\"“”«»'\n.!?;:]{2,150}?,(?=[^\S\n]+(?:said|says)[^\S\n]+[A-Z])"
)
_SUBJECT_ENDS_RE = re.compile(r"[^\S\n]*(?:[.!?]|,[^\S\n]+[^\"“”«»\n]*?[.!?](?:[^\S\n]|$))")


def _said_after_tail(text: str, pos: int, limit: int, rules: _Rules):
    """'"...," since most cases were close, said Ann Lee, a judge.': the speaker closing the
    sentence that a quotation ending in a comma opens, after a tail of the sentence.

    >>> from newslib.quotes.cues import _rules
    >>> t = '"Yes," since it rained, said Ann Lee.'
    >>> cut, cue, _ = _said_after_tail(t, 6, len(t), _rules())
    >>> t[cut[0] : cut[1]], cue
    ('Ann Lee', 'said')
    """
    m = _TAIL_SAID_RE.match(text, pos, limit)
    if m is None or _cue_in(text, m.start(), m.end(), rules):
        return None
    m2 = rules.after_cue_first_re.match(text, m.end() + 1, limit)
    if m2 is None or not text[m2.start("subj")].isupper():
        return None
    s, e = m2.span("subj")
    cut = _cut_subject(text, s, e, rules, from_right=False)
    if cut is None or not _SUBJECT_ENDS_RE.match(text, cut[1], limit):
        return None
    return cut, m2.group("cue").lower(), m2.span("cue")


_NOT_CUES = frozenset(
    "was has does is goes needed seemed appeared wanted used tried started helps needs seems "
    "appears wants uses tries its this thus plus yes less unless always perhaps".split()
)
_INTRODUCES_RE = re.compile(r"[^\S\n]*:")
_COMMA_SPACE_RE = re.compile(r"[^\S\n]*,?[^\S\n]*")


_TOKEN_RE = re.compile(r"[\w’'\-.]+")
_NEXT_STOP_RE = re.compile(r"[^.!?\n]*(?:[.!?]|$)")
_PREPOSITIONS = frozenset(
    "to of from by with for in on at about against than as into over under after before "
    "between among toward towards behind during like via per the".split()
)
_CONJ = frozenset("and but or nor while whereas".split())
# prepositions joining a phrase to the head of a description ('the organizer of a rally')
_HEAD_PHRASE_OPENERS = frozenset("of for at from with".split())


def _ends_sentence(token: str) -> bool:
    return token.endswith(".") and not _ABBREV_RE.search(token[-12:])


# A capital after "x " / ", " / "; " (the capital first, so that the scan can skip to capitals).
_MID_CAPITAL_RE = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])[\w’'\-]*")


@lru_cache(maxsize=8)
def _mid_capitals(text: str) -> frozenset[str]:
    return frozenset(_MID_CAPITAL_RE.findall(text))


# --------------------------------------------------------------------------------------------
# classification


# Words that announce a term rather than speech: 'the so-called "experts"', 'dubbed "Jaws"'
# (newslib/data/scare_leads.txt).
_SCARE_LEADS = sorted(_sections("scare_leads.txt", lower=False, phrases=True)["leads"])
_SCARE_LEAD_RE = re.compile(rf"(?:{_alternation(_SCARE_LEADS)})[^\S\n]*$", re.I)


_WORD_RUN_RE = re.compile(r"\w+")


@lru_cache(maxsize=4)
def _cue_first_words(cues: frozenset) -> frozenset:
    # the word a match of ``_Rules.cue_re`` opens with: a cue (all of them single words),
    # capitalised or not, 'put(s)' of 'put it', '[Aa]ccording' of 'according to'
    return cues | {c.capitalize() for c in cues} | {"put", "puts", "according", "According"}


def _cue_in(text: str, lo: int, hi: int, rules: _Rules) -> bool:
    """``rules.cue_re.search(text, lo, hi) is not None``, sooner: a match starts where a run
    of word characters starts and opens with the whole run ('said', 'put' of 'put it'), so
    without such a run among the stretch's runs there is none.

    >>> from newslib.quotes.cues import _rules
    >>> _cue_in("Lee said, then", 0, 14, _rules()), _cue_in("Lee ran a shop", 0, 14, _rules())
    (True, False)
    """
    if _cue_first_words(rules.cues).isdisjoint(_WORD_RUN_RE.findall(text, lo, hi)):
        return False
    return rules.cue_re.search(text, lo, hi) is not None


def _blank(text: str, lo: int, hi: int) -> bool:
    """``not text[lo:hi].strip()``, without copying a long stretch: nothing but white space."""
    return _first_nonspace(text, lo, hi) >= hi


def _classify(text: str, q: _Quote, prev_close: int, sentence_lo: int, rules: _Rules) -> str:
    """'direct', 'partial' or 'scare' for a quotation, from its length, shape and context."""
    inner = text[q.start : q.end]
    words = q.words
    n = len(words)
    last = inner[-1:]
    ends_punct = last in (",", ".", "?", "!", "…", "—", "-")
    first_upper = inner[:1].isupper()
    before = text[max(q.para_lo, prev_close) : q.open_mark].rstrip()
    if (
        q.close_mark is not None
        and n >= 3
        and not ends_punct
        and _blank(text, sentence_lo, q.open_mark)
        and _runs_on(text, q.close_mark, rules)
    ):
        return "partial"  # '"We are happy" about the ruling, Lee said.': a part of the content
    # a full statement: it opens the paragraph, follows 'said:' or starts a sentence
    if _blank(text, q.para_lo, q.open_mark) and (n >= 3 or ends_punct):
        if not ends_punct and q.close_mark is not None and _work_title(text, q):
            return "scare"  # '"The Bayview Files" star Tom Roe': a work's title
        return "direct"
    if q.close_mark is None:
        return "direct" if n >= 2 else "scare"
    if before.endswith(":") and n >= 2:
        return "direct"
    sentence_start = _blank(text, sentence_lo, q.open_mark)
    cue_before = before[-1:] == "," and bool(
        _cue_in(text, max(sentence_lo, q.para_lo), q.open_mark, rules)
    )
    if first_upper and (sentence_start or cue_before) and (n >= 3 or ends_punct):
        return "direct"
    if n == 0:
        return "scare"
    head = text[max(sentence_lo, q.open_mark - 40) : q.open_mark].rstrip()
    # titles: every word capitalised ('the Center "Dossier"', '"Saturday Night Live"'), a long
    # one only in a sentence that is not itself in title case (a headline)
    if last not in ("!", "?") and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words):
        if n <= 4 or not _title_case(text, sentence_lo, q.open_mark):
            return "scare"
    # the name of a work after 'titled', 'the book', 'host of', whatever its length
    if _TITLE_LEAD_RE.search(head + " "):
        return "scare"
    if _PASSIVE_LABEL_RE.search(head + " ") and not _speech_in_sentence(
        text, q, sentence_lo, rules
    ):
        return "scare"  # 'The fund was pitched as "the safest bet ..."': a label, no speaker
    # nickname between first and last name: Dwayne "The Rock" Johnson
    after = text[q.close_mark : q.close_mark + 2]
    prev_word = head.rsplit(None, 1)[-1] if head else ""
    if n <= 3 and prev_word[:1].isupper() and prev_word[-1:].isalpha():
        if after[:1] == " " and after[1:2].isupper():
            return "scare"
    if n <= 3 and _SCARE_LEAD_RE.search(head + " "):
        return "scare"
    # one- or two-word quoted terms with no speech verb before them
    if n <= 2 and not ends_punct:
        if not _cue_in(text, max(sentence_lo, q.para_lo), q.open_mark, rules):
            return "scare"
    return "partial"


# the words after a closing mark that carry its sentence on, up to a comma: ' about the vote,'
_RUN_ON_RE = re.compile(r"[^\S\n]+([a-z][\w’'\-]*(?:[^\S\n]+[\w’'\-]+){0,11}),")


def _runs_on(text: str, close: int, rules: _Rules) -> bool:
    """Does the sentence go on after the closing mark at ``close`` with words of the writer's
    and then a comma ('"We are happy" about the ruling, Lee said.'), no attribution ('"We are
    happy" he said, ...')?

    >>> from newslib.quotes.cues import _rules
    >>> text = '"We won" at last, he said. "We won" he said, smiling.'
    >>> _runs_on(text, 8, _rules()), _runs_on(text, 35, _rules())
    (True, False)
    """
    m = _RUN_ON_RE.match(text, close)
    return m is not None and not _cue_in(text, m.start(1), m.end(1), rules)


_WORK_ROLES = _sections("scare_leads.txt", lower=True)["work_roles"]
_WORK_AFTER_RE = re.compile(
    rf"[^\S\n]+(?:(?:{_alternation(_WORK_ROLES)})[^\S\n]+[A-Z]|(?:is|was)[^\S\n]+(?:a|an)[^\S\n])"
)


def _work_title(text: str, q: _Quote) -> bool:
    """Is the closed quotation ``q``, every word capitalised (but small words), a work's title
    followed by a role of a work and a name, or by 'is a' ('"The Bayview Files" star Tom Roe',
    '"Nights at the Harbor" is a new drama'; ``[work_roles]`` of ``scare_leads.txt``)?

    >>> t = '"Nights at the Harbor" is a new drama.'
    >>> _work_title(t, _Quote(1, 21, 0, 22, 0, 0, len(t), chain=0, words=t[1:21].split()))
    True
    """
    if not all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in q.words):
        return False
    return _WORK_AFTER_RE.match(text, q.close_mark) is not None


# the end of a sentence after a closing mark: '.', '!' or '?' before a space or the text's end
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’']*(?:\s|$)")


def _speech_in_sentence(text: str, q: _Quote, sentence_lo: int, rules: _Rules) -> bool:
    """Is there a cue in the sentence of the quotation ``q``, before or after it ('The tickets
    were sold "in minutes," Ann Lee said': the quotation is her words, no label)?

    >>> from newslib.quotes.cues import _rules
    >>> t = 'It was sold "in minutes," Ann Lee said. It was sold "as is."'
    >>> q = _Quote(13, 24, 12, 25, 0, 0, len(t), chain=0, words=["in", "minutes,"])
    >>> _speech_in_sentence(t, q, 0, _rules())
    True
    >>> q = _Quote(53, 59, 52, 60, 0, 0, len(t), chain=0, words=["as", "is."])
    >>> _speech_in_sentence(t, q, t.index("It was", 1), _rules())
    False
    """
    if _cue_in(text, max(sentence_lo, q.para_lo), q.open_mark, rules):
        return True
    end = _SENTENCE_END_RE.search(text, q.close_mark, q.para_hi)
    return _cue_in(text, q.close_mark, end.start() if end else q.para_hi, rules)


_PASSIVE_LABEL_RE = re.compile(
    r"\b(?:is|are|was|were|been|being)[^\S\n]+(?:"
    + _alternation(_sections("scare_leads.txt", lower=True)["passive_label_verbs"])
    + r")(?:[^\S\n]+as)?[^\S\n]*$",
    re.I,
)
_TITLE_LEAD_RE = re.compile(
    r"(?:titled|entitled|headlined|the (?:book|film|movie|show|song|album|documentary|series)|"
    r"host of|author of)[^\S\n]*$",
    re.I,
)


def _title_case(text: str, lo: int, hi: int) -> bool:
    """Is text[lo:hi] (the sentence before a quotation) written in title case?"""
    words = [w for w in text[lo:hi].split() if w[:1].isalpha()]
    if len(words) < 3:
        return False
    return sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


_TITLE_SMALL = frozenset("of the a an and in on at to for or with from by de la".split())
