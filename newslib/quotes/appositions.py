"""Appositions: where the description after a source's name ends.

"Ann Lee, a nurse at the clinic, said" and "said Ann Lee, president of the union." hold the
name and an apposition that describes it; "Lee, when asked, said" and "said Lee, adding ..."
hold an aside or another clause instead. These tests tell them apart for ``source_spans``:
whether a phrase after a comma describes the name (``_is_apposition``, ``_is_aside``), how much
of the phrase between a name and its cue is the apposition (``_apposition_length``,
``_open_relative``), and where an apposition after an inverted cue ends (``_with_apposition``).
"""

from __future__ import annotations

import re

from .attribution import _TIME_WORDS
from .cues import _lists, _Rules, _rules
from .sentences import _ABBREV_RE
from .sources import _MENTION_WORD_RE, _NAME_ROLES, _NUMBER_WORDS, _WORDS, _skip

# ', a spokesman for the campaign,' between a name and its cue (no quotation inside but a
# capitalised title of a few words: ', the author of "Deep Water,"')
_APPOSITION_RE = re.compile(
    r",[^\S\n]+(?:[^\"“”«»\n]|“[A-Z][^\"“”\n]{0,40}”|\"[A-Z][^\"“”\n]{0,40}\"){1,200}?"
    r"(?=,?[^\S\n]*$)"
)


# where an apposition after an inverted cue ends: 'said Ann Lee, a nurse at the clinic.'
_APPOSITION_END_RE = re.compile(
    r"[.;!?\n\"“”«»]|,[^\S\n]+(?:and\b|which\b|(?!including)[a-z]+ing\b"
    r"|(?:about|at|on|via|during|after|before|in|through|when|while|to)\b)"
)


_RELATIVE_WORDS = _WORDS["relative_words"]


def _is_apposition(phrase: str, whole: bool = False) -> bool:
    """Does ', PHRASE' describe the name before it ('a nurse', 'president of the union'),
    rather than add to the sentence (', however', ', in a statement', ', speaking in Ohio')?
    ``whole``: the phrase runs up to the cue (no comma need close it)."""
    first = phrase.lstrip(", \t").split(None, 1)
    if not first:
        return False
    word = first[0].lower().rstrip(",;:")
    lists = _lists()
    if _is_aside(phrase, word, whole):
        return False
    if word in _WORDS["time_before_role"] and len(first) > 1:  # 'Lee, now a partner at the firm'
        nxt = first[1].split(None, 1)[0].lower()
        rules = _rules()
        if (
            nxt in rules.determiners
            or nxt in rules.roles
            or nxt in lists["role_modifiers"]
            or nxt.endswith(("'s", "’s"))
        ):
            return True
    if word in lists["not_appositions"] or word in lists["prepositions"]:
        return False
    if (
        word.endswith("ly")
        and word not in lists["not_adverbs"]
        and word not in lists["role_modifiers"]
    ):
        return False  # 'Lee, subsequently, said' / 'Lee, effectively, ...'

    # 'Lee, speaking in Ohio, said' is no apposition; 'Lee, managing director of ...' is
    return not word.endswith("ing") or word == "including" or word in _lists()["role_modifiers"]


_ASIDE_ENDS = _WORDS["aside_ends"]


def _is_aside(phrase: str, word: str, whole: bool = False) -> bool:
    """Is ', PHRASE' (first word ``word``, lower case) an aside of the sentence rather than a
    description of the name before it: a subordinate clause ('Lee, when asked about the pier,
    said'), a time or a comment closed by a comma ('Lee, last week, said', 'Lee, two months
    later, said', 'Lee, of course, said') or one participle ('Lee, exasperated, said')?
    ``whole``: the phrase runs up to the cue (no comma need close it).

    >>> _is_aside(", when asked, said", "when"), _is_aside(", two days later, said", "two")
    (True, True)
    >>> _is_aside(", the mayor since last year, said", "the"), _is_aside(", a nurse,", "a")
    (False, False)
    >>> _is_aside(", mayor until last year, said", "mayor")
    False
    """
    if word in _lists()["subordinators"] or word in _WORDS["aside_subordinators"]:
        return True
    part, comma, _ = phrase.lstrip(", \t").partition(",")
    words = part.lower().split()
    if not (comma or whole) or not words or word.endswith(("'s", "’s")):
        return False
    if word in _RELATIVE_WORDS or word.startswith("who"):
        return False  # 'who ran the board this year': a description
    roles = _rules().roles
    if any(w.strip(".;") in roles or w in _NAME_ROLES for w in words):
        return False  # 'mayor of Bayview until last year': a role, a description
    if words[-1] in _ASIDE_ENDS and (word not in _rules().determiners or word in _NUMBER_WORDS):
        return True  # 'two months later', 'of course'
    if word in _rules().determiners:
        return False  # 'the mayor since last year': a description
    if words[-1] in _TIME_WORDS:
        return True  # 'last week'
    low = words[0]
    return (
        len(words) == 1
        and low.isalpha()
        and low.endswith("ed")
        and len(low) > 4
        and low not in _lists()["role_modifiers"]
    )


_SEGMENT_RE = re.compile(r",[^\S\n]+")


def _apposition_length(phrase: str, rules: _Rules, closed: bool = True) -> int:
    """How much of ``phrase`` (', a nurse, 45, said' between a name and its cue) is the
    apposition: its comma-separated parts up to the first that opens a verb phrase of the
    sentence ('Lee, a nurse, became a delegate and said' -> ', a nurse'), or the relative
    clause, closed by a comma before the cue, that tells what the speaker did."""
    parts = list(_SEGMENT_RE.finditer(phrase))
    for k, part in enumerate(parts):
        words = phrase[part.end() :].split(None, 2)
        if not words:
            continue
        if k and (_opens_verb_phrase(words[0], rules) or not _is_apposition(words[0])):
            return len(phrase[: part.start()].rstrip())
        if k and closed and words[0].lower() in ("which", "who"):
            # 'Al Roe, head of the Harbor Fund, which backs the plan, said': a closed relative
            # clause after an apposition stays in the source before the cue
            return len(phrase)
        if words[0].lower() == "which":  # 'Al Roe, head of the Harbor Fund, which ...': the body's
            return len(phrase[: part.start()].rstrip())
        if closed and _is_event_clause(words):
            return len(phrase[: part.start()].rstrip())
    return len(phrase)


_OPEN_RELATIVE_RE = re.compile(r",[^\S\n]+(who|which)\b")


def _open_relative(text: str, e: int, phrase: str) -> tuple[int, int] | None:
    """The span of 'who' or 'which' when ``phrase`` (', who has long', between the mention
    ending at ``e`` and its cue) ends with a relative clause no comma closes: the cue is that
    clause's verb ('Ann Lee, who has long said ...'), and news annotation takes the relative
    word for its source, not the name.

    >>> t = "Ann Lee, who has long said it"
    >>> s, e = _open_relative(t, 7, ", who has long ")
    >>> t[s:e], _open_relative(t, 7, ", a nurse, ")
    ('who', None)
    """
    found = list(_OPEN_RELATIVE_RE.finditer(phrase))
    if not found or "," in phrase[found[-1].end() :]:
        return None
    last = found[-1]
    return e + last.start(1), e + last.end(1)


def _is_event_clause(words: list[str]) -> bool:
    """Does a relative clause ('who has endorsed Lee', 'who said ...') tell what the speaker
    did, rather than who the speaker is ('who was the chief strategist', 'who runs the
    group')?  News annotation leaves the first out of the source before its cue."""
    if words[0].lower() != "who" or len(words) < 2:
        return False
    return words[1].lower() not in _lists()["identity_verbs"]


def _opens_verb_phrase(word: str, rules: _Rules) -> bool:
    """Is ``word`` a verb or auxiliary opening a predicate ('became', 'has', 'criticized')?"""
    low = word.lower()
    if not low[:1].isalpha() or word[:1].isupper():
        return False
    lists = _lists()
    if low in lists["role_modifiers"]:
        return False
    return (
        low in rules.cues
        or low in lists["cue_before"]
        or low in lists["predicate_verbs"]
        or (low.endswith("ed") and len(low) > 3)
    )


_RELATIVE_AFTER_RE = re.compile(r"[^\S\n]+(?:who|whose)\b")


def _web_address_goes_on(text: str, p: int) -> bool:
    """Does a web address or an initialism go on after the full stop before ``p``
    ('HarborNews.com', 'bayview.org': a letter or digit right after it, no capital; 'Ph.D.': a
    capital and a full stop)? A capital starting a word right after a full stop is a
    sentence whose space was lost ('a lawyer.He left').

    >>> t = "HarborNews.com, a Ph.D.; a lawyer.He left"
    >>> _web_address_goes_on(t, 11), _web_address_goes_on(t, 21), _web_address_goes_on(t, 34)
    (True, True, False)
    """
    c = text[p : p + 1]
    return c.isalnum() and (not c.isupper() or text[p + 1 : p + 2] == ".")


_CLOSING_COMMA_RE = re.compile(r",[^\S\n]*$")


_RELATIVE_CUT_RE = re.compile(r",[^\S\n]+(?:who|which)\b")


def _role_after(text: str, m: re.Match, rules: _Rules) -> bool:
    """Does the word ending ``m`` (', managing') qualify the role after it ('managing director',
    'managing editor'), rather than open a clause ('managing the fund')?

    >>> t = "Al Roe, managing director"
    >>> _role_after(t, _APPOSITION_END_RE.search(t), _rules())
    True
    """
    word = m.group(0)[1:].split()[0].lower()
    nxt = _MENTION_WORD_RE.match(text, _skip(text, m.end()))
    return (
        word in _lists()["role_modifiers"]
        and nxt is not None
        and nxt.group(0).lower() in rules.roles
    )


def _with_apposition(text: str, e: int, limit: int, rules: _Rules) -> int:
    """After 'said Ann Lee': the apposition that follows the name, up to the sentence end
    ('said Ann Lee, president of the union.'), unless a cue follows (', adding ...'); or the
    relative clause right after it ('said an aide who asked not to be named.')."""
    if _RELATIVE_AFTER_RE.match(text, e):
        pass  # 'said a senior official who spoke on condition of anonymity.'
    elif not text.startswith(",", e) or rules.cue_re.match(text, _skip(text, e + 1)):
        return e
    elif not _is_apposition(text[e + 1 : e + 40]):
        return e  # 'said Lee, on Monday.' / 'said Lee, via email.'
    pos = e
    while True:
        m = _APPOSITION_END_RE.search(text, pos, min(limit, e + 300))
        if m is None:
            if limit > e + 300:
                return e
            # the next piece's clause comes first: 'said Ann Lee, head of the board, who also
            # said that ...' -> 'Ann Lee, head of the board'
            rels = list(_RELATIVE_CUT_RE.finditer(text, e + 1, limit))
            if rels:
                return rels[-1].start()
            # 'According to Ann Lee, Roe's vote director, the campaign ...': the next piece's
            # content opens right after the comma that closes the apposition
            m = _CLOSING_COMMA_RE.search(text, e + 1, limit)
            return m.start() if m is not None and limit < len(text) else e
        if m.start() == e and _role_after(text, m, rules):
            pos = m.end()  # 'said Al Roe, managing director of the fund.': a role, no clause
            continue
        if m.group(0) == "." and (
            _ABBREV_RE.search(text[max(e, m.start() - 12) : m.end()])
            or _web_address_goes_on(text, m.end())
        ):
            pos = m.end()  # 'Washington, D.C.' / 'Smith Jr.' / 'Mr. Obama' / 'Harbor.com'
            continue
        end = m.start()
        while end > e and text[end - 1] in " ,":
            end -= 1
        return end
