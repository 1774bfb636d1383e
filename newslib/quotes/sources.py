"""Source spans, where they start: the words written before a speaker mention that belong to its
source (a title or role: "Sen. Ann Lee", "campaign spokesman Al Roe"; a determiner; a head: "a
study by the group Harbor Trust"; names joined by "and" or a slash; an epithet, an amount), and
the word lists of ``newslib/data/quote_sources.txt`` with the helpers the source-span modules
share. Each ``_with_*`` step takes the text and a start and returns the new start;
``source_spans`` calls them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cues import _lists, _Rules, _rules, _sections
from .memo import LastKeyMemo
from .names import _TITLE_WORDS
from .sentences import _ABBREV_RE


@lru_cache(maxsize=1)
def _source_words() -> dict[str, frozenset[str]]:
    """The word lists of ``newslib/data/quote_sources.txt`` by section, words as written.

    >>> sorted(_source_words()["epithet_articles"])
    ['a', 'an']
    """
    return _sections("quote_sources.txt", lower=False)


_WORDS = _source_words()
_WORD_BEFORE_RE = re.compile(r"([\w.'’\-]+)[^\S\n]+$")


def _word_before(text: str, s: int, width: int, lo: int = 0, chars: str = ".'’-"):
    """``(start, word)`` of what ``_WORD_BEFORE_RE.search(text, max(lo, s - width), s)`` finds
    (with ``chars`` the word's characters beside \\w), or None; without the regex's try at
    every position of the window.  '$' matches at ``s``, or before a newline ending the window;
    the spaces before it are the run that ends there, the word the run of word characters
    before them, from its first character inside the window (the leftmost match)."""
    lo = max(lo, s - width)
    end = s - 1 if s > lo and text[s - 1] == "\n" else s
    q = end
    while q > lo and text[q - 1] != "\n" and text[q - 1].isspace():
        q -= 1
    if q == end:
        return None
    p = q
    while p > lo and (text[p - 1].isalnum() or text[p - 1] == "_" or text[p - 1] in chars):
        p -= 1
    return (p, text[p:q]) if p < q else None


_MAX_BEFORE = 4  # words qualifying a role: 'presumptive Republican presidential nominee'


_MENTION_WORD_RE = re.compile(r"[^\s,;:()\"“”«»]+")


_CLAUSE_OPENERS = _WORDS["clause_openers"]
_SUBJECT_GAP_RE = re.compile(r"[^\S\n]+")


# The roles, sources and source nouns of one rules object, joined once (not per word asked).
_SPEAKER_NOUNS = LastKeyMemo()


def _names_speakers(low: str, rules: _Rules) -> bool:
    """Is the lower-case word ``low`` (or its singular) a role, a source or a source noun
    ('critics', 'officials', 'polls')?"""
    single = low[:-1] if low.endswith("s") else low
    joined = _SPEAKER_NOUNS.values(rules)
    known = joined.get("known")
    if known is None:
        known = joined["known"] = rules.roles | rules.sources | _lists()["source_nouns"]
    return low in known or single in known or low in _WORDS["people_quantifiers"]


def _sentence_ends_before(text: str, p: int) -> bool:
    """Does a sentence end right before ``p`` (a full stop, '!' or '?' that is no abbreviation's,
    then a space)?

    >>> _sentence_ends_before("It rained. Lee left.", 10), _sentence_ends_before("Mr. Lee", 3)
    (True, False)
    """
    return (
        text[p - 1 : p] in (".", "!", "?")
        and text[p : p + 1].isspace()
        and not _ABBREV_RE.search(text[max(0, p - 12) : p])
    )


# numbers opening a description, after which its determiner may come back ('the two voters')
_NUMBER_WORDS = _WORDS["number_words"]


_PHRASE_END_RE = re.compile(r"[,;:!?()\[\]\"“”«»—–\n]|[^\S\n]-[^\S\n]|\.(?=[\s\"”'’]|\Z)")


def _phrase_end(text: str, e: int, limit: int) -> int:
    """Where the phrase that ``e`` is in ends: at the punctuation after it ('according to a
    poll from the institute published on Monday, the plan ...'), a full stop of a sentence
    (not of 'F.A.A.' or 'Jr.'); ``e`` itself when none comes within 160 characters."""
    pos = e
    hi = min(limit, e + 160, len(text))
    while True:
        m = _PHRASE_END_RE.search(text, pos, hi)
        if m is None:
            return e
        if m.group(0) == "." and _ABBREV_RE.search(text[max(0, m.start() - 12) : m.end()]):
            pos = m.end()
            continue
        end = m.start()
        while end > e and text[end - 1].isspace():
            end -= 1
        return end


_SLASH_NAME_RE = re.compile(
    r"(?<![\w.&'’\-])[A-Z0-9][\w.&'’\-]*(?:[^\S\n]+[A-Z][\w.&'’\-]*){0,3}/$"
)


def _with_slash_names(text: str, s: int) -> int:
    """Move ``s`` back over the capitalised names joined to the mention by slashes: 'CNN/ORC',
    'New York Times/CBS News' (a poll's sponsors)."""
    for _ in range(3):
        if s == 0 or text[s - 1] != "/" or not text[s : s + 1].isupper():
            return s
        m = _SLASH_NAME_RE.search(text, max(0, s - 60), s)
        if m is None:
            return s
        s = m.start()
    return s


def _is_plural_noun(low: str) -> bool:
    """Does the lower-case word ``low`` look like a plural noun ('critics', 'callers')?

    >>> _is_plural_noun("critics"), _is_plural_noun("status"), _is_plural_noun("says")
    (True, False, False)
    """
    return (
        low.isalpha()
        and len(low) > 4
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and low not in _rules().cues
    )


_EPITHET_RE = re.compile(r"[a-z]+(?:-[a-z]+)+|[a-z]{3,}(?:ive|ful|ous|ry|ic)")


def _with_epithet(text: str, s: int, rules: _Rules) -> int:
    """Move ``s`` back over 'a' or 'an' and one adjective before a name: 'A defensive Ann
    Lee said', 'an angry Al Roe'."""
    m = _word_before(text, s, 30, chars="-")
    if m is None or _EPITHET_RE.fullmatch(m[1]) is None or not _is_modifier(m[1], rules):
        return s
    d = _word_before(text, m[0], 6, chars="")
    return d[0] if d is not None and d[1].lower() in _WORDS["epithet_articles"] else s


_AMOUNT_BEFORE_RE = re.compile(
    r"(?<![\w’'\-])(?:[Aa]t[^\S\n]+least|[Aa]s[^\S\n]+many[^\S\n]+as|[Mm]ore[^\S\n]+than|"
    r"[Ff]ewer[^\S\n]+than|[Nn]early|[Aa]lmost|[Aa]bout|[Aa]t[^\S\n]+most)[^\S\n]+$"
)
_AMOUNT_STARTS = _WORDS["amount_starts"]


def _with_amount(text: str, s: int, e: int) -> int:
    """Move ``s`` back over 'at least', 'as many as', 'more than', 'nearly' ... before a
    number of speakers ('at least a dozen members', 'more than 40 percent of voters')."""
    first = text[s:e].split(None, 1)[0].lower() if text[s:e].strip() else ""
    if not (first[:1].isdigit() or first in _AMOUNT_STARTS):
        return s
    m = _AMOUNT_BEFORE_RE.search(text, max(0, s - 16), s)
    return m.start() if m else s


_HEAD_PREPOSITIONS = _WORDS["head_prepositions"]
_NEAR_WORDS = _WORDS["near_words"]
_HEAD_BEFORE_RE = re.compile(
    r"(?<![\w’'\-])([\w\-]+%?)[^\S\n]+(?:of|for|to|with|at|from|in|by|on)[^\S\n]+$"
)
_SHARE_HEAD_RE = re.compile(r"\d+(?:\.\d+)?%")


def _with_head(text: str, s: int, rules: _Rules) -> int:
    """Move ``s`` back over the head of a phrase whose object the mention is: 'a spokesman
    for the Election Board', 'supporters of Ann Lee', 'most of the voters', 'voters in Ohio',
    'a study by the institute', 'the Harbor Institute for Justice' (a name running over 'of'
    or 'for'); a chain of them too ('Al Roe of the Center for Justice')."""
    for _ in range(4):
        t = _head_start(text, s, rules)
        if t == s:
            break
        s = t
    return s


def _head_start(text: str, s: int, rules: _Rules) -> int:
    # the window ends with one of the regex's prepositions and spaces, or there is no match
    last = _word_before(text, s, 40, chars="")
    if last is None or last[1] not in _HEAD_PREPOSITIONS:
        return s
    m = _HEAD_BEFORE_RE.search(text, max(0, s - 40), s)
    if m is None:
        return s
    word = m.group(1)
    head = word.lower()
    prep = last[1]
    if head in _PARTICIPLES or (head.endswith("ed") and head not in rules.roles):
        # 'exit polls taken in Ohio', 'FEC records compiled by the Center': the document or
        # group before the participle heads the phrase
        r = _word_before(text, m.start(1), 30, chars="")
        low = r[1].lower() if r else ""
        single = low[:-1] if low.endswith("s") else low
        nouns = rules.sources | _lists()["source_nouns"]
        if r is None or not (low in nouns or single in nouns):
            return s
        s = _with_title(text, r[0], rules, role_seen=1)
        return _with_determiner(text, s, rules)
    if head in _NEAR_WORDS and prep in ("with", "to"):
        # 'an official familiar with the inquiry', 'a source close to the family', 'people
        # close to the mayor' (a group head)
        r = _word_before(text, m.start(1), 30)
        low = r[1].lower() if r else ""
        single = low[:-1] if low[-1:] == "s" else low
        if r is None or not (
            low in rules.roles or single in rules.roles or low in _lists()["source_heads"]
        ):
            return s
        s = _with_title(text, r[0], rules, role_seen=1)
        return _with_determiner(text, s, rules)
    # the heads: their sets are tested one by one (building their union costs more)
    heads = (rules.roles, _lists()["source_heads"])
    if prep == "by":
        heads = (rules.sources,)  # 'a study by', 'a review by'
    elif prep in ("of", "from", "in"):
        heads = (*heads, rules.sources)  # 'the campaign of', 'a poll from', 'polls in'
    if any(head in h or (head.endswith("s") and head[:-1] in h) for h in heads):
        s = _with_title(text, m.start(1), rules, role_seen=1)
    elif prep == "of" and _SHARE_HEAD_RE.fullmatch(head):
        s = m.start(1)  # '85% of voters'
        d = _word_before(text, s, 12)
        if d is not None and d[1].lower() in _lists()["quantifiers"]:
            s = d[0]  # 'only 30% of voters'
        return s
    elif prep in ("of", "for") and word[:1].isupper() and head not in rules.stop_caps:
        s = _name_start(text, m.start(1), rules)  # 'the Brennan Center for', 'Lee of'
    else:
        return s
    d = _word_before(text, s, 12)
    if d is not None and (d[1].lower() in rules.determiners or d[1][:1].isdigit()):
        s = d[0]  # 'a spokesman for', '50 percent of'
    return s


def _name_start(text: str, s: int, rules: _Rules) -> int:
    """Move ``s`` back over the capitalised words of the name it is in ('James Martin')."""
    while True:
        m = _word_before(text, s, 40)
        if m is None or not m[1][:1].isupper() or m[1].lower().rstrip(".") in rules.stop_caps:
            return _with_title(text, s, rules)
        s = m[0]


_CONJUNCT_RE = re.compile(
    r"((?:[A-Z][\w.'’\-]*[^\S\n]+){1,4}|(?:[Hh]e|[Ss]he|I|[Ww]e|[Tt]hey)[^\S\n]+)and[^\S\n]+$"
)


def _with_conjunct(text: str, s: int, rules: _Rules) -> int:
    """Move ``s`` back over a name joined by 'and' to a subject: 'Lee and Roe said' is one
    source."""
    # the match ends with 'and' and spaces: no such 'and', no match (the search is dearer)
    a = text.rfind("and", max(0, s - 60), s)
    if a < 0 or text[a + 3 : s].strip():
        return s
    m = _CONJUNCT_RE.search(text, max(0, s - 60), s)
    if m is None:
        return s
    words = list(_MENTION_WORD_RE.finditer(text, m.start(1), m.end(1)))
    while words and words[0].group(0).lower().rstrip(".") in rules.stop_caps:
        if words[0].group(0).lower() in ("he", "she", "i", "we", "they") and len(words) == 1:
            break
        words.pop(0)
    if not words:
        return s
    return _with_title(text, words[0].start(), rules)


_LIST_ITEM_RE = re.compile(r"(?:[A-Z][\w.'’\-]*[^\S\n]+){0,3}[A-Z][\w.'’\-]*,[^\S\n]+$")
_OPENS_SENTENCE_RE = re.compile(r"(?:\A|[\n.!?][\"”’']?)[^\S\n]*$")


def _with_list(text: str, s: int, rules: _Rules) -> int:
    """Move ``s`` back over the names listed before 'X and Y' when the list opens the
    sentence: 'Lee, Roe and Carr said' is one source (not 'Instead, Lee and Roe said')."""
    p = s
    for _ in range(4):
        m = _LIST_ITEM_RE.search(text, max(0, p - 50), p)
        if m is None:
            break
        words = [w.lower().rstrip(".,") for w in m.group(0).split()]
        if any(w in rules.stop_caps or w in rules.adverbs for w in words) or (
            len(words) == 1 and words[0] in _lists()["adjuncts"] | _lists()["hearsay_adverbs"]
        ):
            break
        p = m.start()
    if p != s and _OPENS_SENTENCE_RE.search(text, max(0, p - 3), p):
        return p
    return s


_PHRASE_STOPS = frozenset(',;:()[]\n"“”«»')
_OPENING_CONJUNCTIONS = _WORDS["opening_conjunctions"]


def _with_role_before(text: str, s: int, e: int, rules: _Rules) -> int:
    """Move ``s`` back over a role phrase the name stands in apposition to, when that phrase
    opens the clause: 'Her campaign manager, Al Roe, said' / 'The director of the clinic, Ann
    Lee, told' is one source."""
    if not text[s : s + 1].isupper():
        return s
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == s or j == 0 or text[j - 1] != ",":
        return s
    comma = j - 1
    lo = max(0, comma - 100)
    k = comma
    while k > lo:
        ch = text[k - 1]
        if ch in _PHRASE_STOPS or (ch in ".!?" and _sentence_ends_before(text, k)):
            break
        k -= 1
    else:
        if lo > 0:
            return s  # no clause start within reach
    words = list(_MENTION_WORD_RE.finditer(text, k, comma))
    if words and words[0].group(0).lower() in _OPENING_CONJUNCTIONS:
        words.pop(0)
    if not 1 <= len(words) <= 10:
        return s
    several = " and " in text[s:e]
    if not _is_role_phrase([w.group(0) for w in words], rules, several):
        return s
    return words[0].start()


def _is_role_phrase(words: list[str], rules: _Rules, plural_ok: bool) -> bool:
    """Do ``words`` name a person by role ('her campaign manager', 'The director of the
    clinic', "Lee's attorney", 'One of his advisers'), with no verb among them?  The role is
    the head, before any preposition ('the dawn of the conservative movement' is none); a
    plural role ('Two analysts') only when ``plural_ok`` (the names after it are several)."""
    lists = _lists()
    first = words[0]
    low = first.lower().replace("’", "'")
    if low in lists["adjuncts"] or low in lists["not_appositions"] or low in lists["prepositions"]:
        return False
    if _is_verb_form(low):
        return False  # 'Through a spokesman, Lee ...', 'Asked about the senator, Lee ...'
    if not (
        low in rules.determiners
        or low.endswith("'s")
        or first[:1].isdigit()
        or low in rules.roles
        or low in lists["role_modifiers"]
        or (first[:1].isupper() and low.rstrip(".") not in rules.stop_caps)
        # "Mr. Lee's campaign chairman": a title opening the owner's name
        or (low.rstrip(".") in _TITLE_WORDS and _owner_name(words[1:4]))
    ):
        return False
    last = words[-1].lower().replace("’", "'")
    if words[-1][:1].isupper() and last not in rules.roles and not _role_of(words, rules):
        return False  # 'Like Vice President Joe Biden, Lee ...': a name, not a role
    role = None
    partitive = len(words) > 2 and words[1].lower() == "of"  # 'One of his advisers'
    for k, w in enumerate(words):
        low = w.lower().replace("’", "'")
        if low in rules.cues or low in lists["cue_before"] or low in lists["predicate_verbs"]:
            return False
        if k and _is_verb_form(low):
            return False
        if role is None:
            if low in rules.roles and not (low.endswith("s") and low[:-1] in rules.roles):
                role = "one"
            elif low.endswith("s") and low[:-1] in rules.roles:
                one = partitive and words[0].lower() in _WORDS["partitive_singulars"]
                role = "one" if one else "many"
            elif k and low in _HEAD_PREPOSITIONS:
                if not (k == 1 and words[0].lower() in lists["source_heads"] | {"one"}):
                    return False  # 'the dawn of ...'; but 'One of his advisers'
    return role == "one" or (role == "many" and plural_ok)


def _owner_name(words: list[str]) -> bool:
    """Do ``words`` open with a capitalised name ending in a possessive 's ("Lee's", "Ann
    Lee’s"): the owner of what follows?

    >>> _owner_name(["Ann", "Lee's", "aide"]), _owner_name(["Lee", "said"])
    (True, False)
    """
    for w in words:
        if not w[:1].isupper():
            return False
        if w.endswith(("'s", "’s", "s'", "s’")):
            return True
    return False


def _role_of(words: list[str], rules: _Rules) -> bool:
    """Do ``words`` open with a determiner and hold a role before 'of', 'for' or 'at' ('The
    director of the Harbor Board', 'the chairman of the Joint Chiefs of Staff')?"""
    if words[0].lower() not in rules.determiners:
        return False
    return any(
        words[k].lower() in rules.roles and words[k + 1] in _WORDS["role_of_prepositions"]
        for k in range(1, len(words) - 1)
    )


def _is_verb_form(low: str) -> bool:
    """A participle or past tense ('facing', 'horrified', 'raised'), not a role modifier."""
    return (
        (low.endswith("ing") or low.endswith("ed"))
        and len(low) > 4
        and low not in _lists()["role_modifiers"]
    )


_PARTICIPLES = _WORDS["document_participles"]


def _with_title(text: str, s: int, rules: _Rules, role_seen: int = 0) -> int:
    """Move ``s`` back over titles and role words right before a name ('Sen.', 'former
    campaign spokesman'); ``role_seen``: the word at ``s`` is already a role."""
    while True:
        m = _word_before(text, s, 40)
        if m is None:
            return s
        word = m[1]
        low = word.lower().rstrip(".")
        core = word.rstrip("'’")
        if core.endswith(".") and not _ABBREV_RE.search(core):
            return (
                s  # a sentence ends: 'in Des Moines. Retired surgeon Al Roe', 'the mayor. Al Roe'
            )
        office = _office_of_start(text, m[0], word)
        if office is not None:  # 'Secretary of State Ann Lee', 'Chief of Staff Al Roe'
            s = office
            role_seen = max(role_seen, 1)
        elif low in _TITLE_WORDS or low == "former" or _is_first_lady(text, low, s):
            s = m[0]
            if low != "former":  # 'press secretary Al Roe', 'state Sen. Al Roe'
                role_seen = max(role_seen, 1)
        elif (
            low in rules.roles
            or low in _NAME_ROLES
            or (low[-1:] == "s" and low[:-1] in rules.roles and " and " in text[s : s + 80])
        ):
            # 'spokesman Al Roe', 'pizza magnate Al Roe'; 'candidates Ann Lee and Al Roe'
            s = m[0]
            role_seen = 1
        elif low in _lists()["media_titles"]:
            s = m[0]  # 'the news site Harbor Daily', 'Portuguese newspaper Diario'
            role_seen = 1
        elif _AGE_RE.fullmatch(low):
            s = m[0]  # '62-year-old Ann Lee'
        elif (
            role_seen
            and role_seen <= _MAX_BEFORE
            and (
                word[:1].isupper()
                or low in _lists()["role_modifiers"]
                or _is_modifier(word.lower(), rules)
            )
        ):
            # 'Clinton campaign spokesman', 'Republican presidential nominee': a capitalised
            # word or a modifier qualifying the role
            if low in rules.stop_caps:
                return s
            s = m[0]
            role_seen += 1
        else:
            return s


_AGE_RE = re.compile(r"\d{1,3}-year-old")
_NAME_ROLES = _WORDS["name_roles"]
_OFFICE_OF_RE = re.compile(r"(?<![\w’'\-])([A-Z][a-z]+)[^\S\n]+of[^\S\n]+$")
_OFFICES = _WORDS["offices"]


def _office_of_start(text: str, p: int, word: str) -> int | None:
    """Where an office named 'X of Y' starts when ``word`` at ``p`` is its capitalised Y
    ('Secretary of State', 'Chief of Staff'), or None."""
    if not word[:1].isupper():
        return None
    m = _OFFICE_OF_RE.search(text, max(0, p - 20), p)
    if m is None or m.group(1).lower() not in _OFFICES:
        return None
    return m.start(1)


def _is_first_lady(text: str, low: str, s: int) -> bool:
    """Is ``low`` the 'first' of 'first lady' (the word at ``s`` being 'lady')?"""
    return low == "first" and text[s : s + 5].lower() == "lady "


def _is_modifier(low: str, rules: _Rules) -> bool:
    """May the lower-case word ``low`` qualify a noun before it ('angry', 'minority',
    'teary-eyed'): no function word, verb, preposition or adverb?"""
    lists = _lists()
    if not low[:1].isalpha() or not low.replace("-", "").isalpha() or len(low) < 3:
        return False
    if (
        low in rules.stop_caps
        or low in rules.determiners
        or low in rules.cues
        or low in lists["reporting"]
        or low in lists["cue_before"]
        or low in lists["adjuncts"]
        or low in lists["prepositions"]
        or low in lists["not_appositions"]
        or low in lists["predicate_verbs"]
    ):
        return False
    if low.endswith("ly") and low not in lists["not_adverbs"]:
        return False
    return "-" in low or low in lists["role_modifiers"] or not _is_verb_form(low)


_BARE_GROUP_OPENERS = _WORDS["bare_group_openers"]


def _with_bare_modifier(text: str, s: int, e: int, rules: _Rules) -> int:
    """Move ``s`` back over one lower-case modifier before a capitalised plural group that
    opens its clause with no determiner: 'For months, mainstream Republicans have hoped',
    'Lee and national Democrats say' (the 'and' joins next), not 'would trick Americans'."""
    words = text[s:e].split()
    if not words or not all(w[:1].isupper() for w in words[:-1]) or not words[0][:1].isupper():
        return s
    last = words[-1]
    if len(last) < 4 or last[-1] != "s" or last[-2:] == "'s" or not last[:1].isalpha():
        return s
    m = _word_before(text, s, 30, chars="-")
    if m is None or not m[1][:1].islower() or not _is_modifier(m[1], rules):
        return s
    before = text[max(0, m[0] - 12) : m[0]].rstrip(" \t")
    if before == "" or before[-1] in ",;:\n—.!?" or before[-2:-1] in (".", "!", "?"):
        return m[0]  # the sentence or a clause after a comma opens with it
    b = _word_before(text, m[0], 12, chars="")
    return m[0] if b is not None and b[1].lower() in _BARE_GROUP_OPENERS else s


def _with_determiner(text: str, s: int, rules: _Rules) -> int:
    """Move ``s`` back over the determiner of the phrase and the modifiers after it: 'An
    angry Ann Lee', 'the nonpartisan Budget Office', 'Some top Democrats'."""
    p = s
    for _ in range(4):
        m = _word_before(text, p, 30)
        if m is None:
            return s
        low = m[1].lower()
        if low in rules.determiners or low in _lists()["quantifiers"]:
            return m[0]
        if m[1][:1].isupper() or not _is_modifier(low, rules):
            return s
        p = m[0]
    return s


def _skip(text: str, p: int) -> int:
    while p < len(text) and text[p] in " \t":
        p += 1
    return p
