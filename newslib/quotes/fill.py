"""Filling mentions: a speaker mention for the speech pieces whose cue names a source the speaker
rules missed: the subject opening the cue's clause ("Many officials on the island believe"), a
subject with an aside, a plural subject, a relative before the cue, the phrase after "according
to"; and the subjects joined to a source by "and" or in a list before it. Reads and sets the
mentions of one article's pieces; ``source_spans`` calls it before it widens them.
"""

from __future__ import annotations

import re

from .attribution import _TIME_WORDS
from .clauses import _FINITE
from .cues import _lists, _Rules, _rules  # noqa: F401  (the examples below use _rules)
from .marks import _Quote
from .names import _leading_name
from .sources import (
    _AMOUNT_STARTS,
    _CLAUSE_OPENERS,
    _NUMBER_WORDS,
    _OPENING_CONJUNCTIONS,
    _PHRASE_STOPS,
    _SUBJECT_GAP_RE,
    _WORDS,
    _is_modifier,
    _is_plural_noun,
    _is_verb_form,
    _names_speakers,
    _phrase_end,
    _sentence_ends_before,
    _skip,
    _word_before,
)
from .subjects import _subject_skips

_OBJECT_PRONOUNS = _WORDS["object_pronouns"]


_NO_ONE = _WORDS["no_one_words"] | _TIME_WORDS


def _names_no_one(text: str, span: tuple[int, int]) -> bool:
    """Is the source span only adverbs and times ('specifically', 'now', 'on Tuesday', 'this
    past week'): the words before a cue whose subject the rules missed, naming no one? A
    capitalised time word other than a day's name may be a name ('Early said', 'Late told').

    >>> _names_no_one("on Tuesday said", (0, 10)), _names_no_one("Early said", (0, 5))
    (True, False)
    """
    words = text[span[0] : span[1]].replace("’", "'").split()
    if words and words[-1].lower() not in _NO_ONE and not words[-1].endswith("ly"):
        return False  # the last word fails both tests below (the usual mention: 'Lee', 'he')
    return all(
        (w.lower() in _NO_ONE and (w.islower() or w.lower() in _DAY_NAMES))
        or (w.islower() and w.isalpha() and len(w) > 4 and w.endswith("ly"))
        for w in words
    )


_DAY_NAMES = _WORDS["day_names"]


def _fill_mentions(text: str, found: list[_Quote], rules: _Rules) -> dict[tuple, int]:
    """Give a mention to the speech pieces whose cue names the source but whose rules found
    none (or only adverbs and times, which name no one): the whole phrase after 'according
    to' ('according to early returns', "according to the campaign's own count", 'according
    to him'), a relative or 'it' before the cue, a subject with an aside, a plural subject.
    Returns where the source spans of some (mention, cue span) pairs start before their
    mention: 'Supporters of Ann Lee say' (the mention 'Ann Lee')."""
    wider: dict[tuple, int] = {}
    for q in found:
        if q.kind == "indirect" and q.mention is not None and _names_no_one(text, q.mention):
            q.mention = None  # 'and specifically mentioned', 'on Tuesday called'
        if q.kind != "scare" and q.mention is not None and q.mention_kind in ("name", "desc"):
            got = _subject_over_relative(text, q, rules)
            if got is not None and got[1] and _joined_after_clause(text, q.mention[0], q.para_lo):
                # 'Residents who live near the pier and Tom Roe say': Tom Roe speaks too, the
                # source is the whole subject
                wider[(q.mention, q.cue_span)] = got[0][0]
            elif got is not None and (
                got[1]
                or _people_head(text, got[0][0], q.mention[0], rules)
                or _name_head(text, got[0][0], q.mention[0], rules)
            ):
                # 'Voters who support Lee say', 'Supporters of Ann Lee say': not Lee; 'Ann Lee
                # at the Harbor Board said': Ann Lee, not the board
                q.mention, q.mention_kind = got[0], "desc"
            elif got is not None:
                # '72 percent of voters say', 'Audit files from the Harbor Board show': the
                # source is the whole subject; the mention (and the person newslib.people
                # counts) stays the voters, the board
                wider[(q.mention, q.cue_span)] = got[0][0]
        if q.kind == "scare" or q.mention is not None or q.cue_span is None:
            continue
        c0, c1 = q.cue_span
        if text.startswith(("according", "According"), c0):
            s = _skip(text, c1)
            e = _phrase_end(text, s, len(text))
            if e > s and len(text[s:e].split()) <= 20 and text[s].isalnum():
                one = text[s:e].lower()
                q.mention, q.mention_kind = (s, e), "pron" if one in _OBJECT_PRONOUNS else "desc"
        else:
            w = _subject_word_before(text, c0, rules)
            if w is not None and text[w[0] : w[1]] in _RELATIVE_SOURCES and _active(text, w[1], c1):
                # '..., which has long argued that', 'a senator who formally endorsed'
                q.mention, q.mention_kind = w, "rel" if text[w[0] : w[1]] == "who" else "pron"
            elif q.start >= c1:
                got = _subject_with_aside(text, q.para_lo, c0, c1, rules)
                if got is None and w is not None:
                    got = _plural_subject(text, w, c1, rules)
                kind = "desc"
                if got is None:
                    got, kind = _clause_subject(text, q.para_lo, c0, c1, rules)
                if got is not None:
                    q.mention, q.mention_kind = got, kind
    return wider


_AND_NAME_BEFORE_RE = re.compile(r"([\w’'\-]+)[^\S\n]+and[^\S\n]+$")


def _joined_after_clause(text: str, s: int, lo: int) -> bool:
    """Is the name at ``s`` joined by 'and' to a lower-case word ending a relative clause
    ('Residents who live near the pier and Tom Roe say'): a second subject, not an object of
    the clause ('Voters who back Lee and Roe say')?

    >>> _joined_after_clause("Residents who live near the pier and Tom Roe say", 37, 0)
    True
    >>> _joined_after_clause("Voters who back Lee and Roe say", 24, 0)
    False
    """
    m = _AND_NAME_BEFORE_RE.search(text, max(lo, s - 40), s)
    return m is not None and m.group(1).islower() and text[s : s + 1].isupper()


# 'who' and the words after it up to the mention, with no punctuation in between. The look-
# behind ('who' starts a word) comes after the literal, so that the search skips to each 'who'
# instead of testing the look-behind at every position (the same matches)
_WHO_BEFORE_RE = re.compile(r"who(?<![\w’'\-]who)[^\S\n]+[^,;:()\"“”«»—–\n]{0,80}$")
_PREPOSITION_BEFORE_RE = re.compile(
    r"(?<![\w’'\-])(?:of|in|at|on|for|from|by|with|like|into)[^\S\n]+$"
)


def _subject_over_relative(text: str, q: _Quote, rules: _Rules):
    """The subject of a cue whose mention the rules took from a relative clause inside that
    subject: 'Voters who support Lee say ...' and 'Callers who phoned the station said ...'
    are said by the voters and the callers, not by Lee or the station; or from a phrase after
    a preposition: 'Supporters of Ann Lee say'. ((start, end) from the subject's first word
    to the mention's end, True after 'who'), or None when the mention stands alone."""
    s, e = q.mention
    if q.cue_span is None or q.cue_span[0] < e or s <= q.para_lo:
        return None
    who = _WHO_BEFORE_RE.search(text, max(q.para_lo, s - 90), s) is not None
    if not who and _PREPOSITION_BEFORE_RE.search(text, max(q.para_lo, s - 8), s) is None:
        return None
    got, _ = _clause_subject(text, q.para_lo, q.cue_span[0], q.cue_span[1], rules)
    if got is None or not got[0] < s < got[1] or got[1] < e:
        return None
    if not who and _verb_before(text[got[0] : s].split(), rules):
        return None  # 'Lee apologized for the delay said': a clause, no subject
    return got, who


def _people_head(text: str, s: int, p: int, rules: _Rules) -> bool:
    """Is the phrase text[s:p] (ending with a preposition) headed by people who speak
    themselves ('Supporters of', 'Staff for', 'Democrats on'), not a share of the people after
    it ('72 percent of', 'Both of') nor a document ('Audit files from')?

    >>> _people_head("Supporters of Lee", 0, 14, _rules())
    True
    >>> _people_head("72 percent of voters", 0, 14, _rules())
    False
    """
    words = text[s:p].split()
    if len(words) < 2:
        return False
    if any(
        w[:1].isdigit() or w.lower() in _NUMBER_WORDS or w.lower() in _WORDS["share_words"]
        for w in words[:-1]
    ):
        return False
    head = words[-2].lower()
    return _names_speakers(head, rules) and head not in rules.sources


def _name_head(text: str, s: int, p: int, rules: _Rules) -> bool:
    """Is the phrase text[s:p] (ending with a preposition) a full name before it ('Ann Lee at
    the Harbor Board said', 'Tom Roe with the union said'): the person speaks, not the body?

    >>> _name_head("Ann Lee at the board", 0, 11, _rules())
    True
    >>> _name_head("Audit files from the board", 0, 17, _rules())
    False
    """
    words = text[s:p].split()[:-1]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    return _leading_name(text, s, s + len(" ".join(words)), rules) == " ".join(words)


def _verb_before(words: list[str], rules: _Rules) -> bool:
    """Do ``words`` (a phrase before the preposition the mention follows) hold a verb: a past
    tense or an adverb after a noun ('Lee apologized for', 'Lee finally met with'), where
    after a determiner they qualify the noun ('A redacted copy of', 'The fiscally
    conservative group'), as a participle before 'by' does ('a group started by')?

    >>> _verb_before("Lee apologized for".split(), _rules())
    True
    >>> _verb_before("a group started by".split(), _rules())
    False
    """
    lists = _lists()
    for k in range(1, len(words)):
        low = words[k].lower()
        before = words[k - 1].lower()
        if before in rules.determiners or before in lists["quantifiers"] or before[:1].isdigit():
            continue
        if low.endswith("ly") and len(low) > 4 and low not in lists["not_adverbs"]:
            return True
        if _is_verb_form(low) and low.endswith("ed"):
            if k + 1 < len(words) and words[k + 1] == "by":
                continue  # 'a group started by ...': a participle qualifying the noun
            return True
    return False


def _clause_subject(text: str, lo: int, c0: int, c1: int, rules: _Rules):
    """The noun phrase that opens the clause of a cue at ``c0`` and ends right before it (past
    adverbs and auxiliaries): 'Yet many officials on the island believe ...', 'Fans and
    players say ...', 'people who have fought spam say ...': ((start, end), kind) or
    (None, None)."""
    skips = _subject_skips()
    lists = _lists()
    if any(w in lists["hearsay_adverbs"] for w in text[c0:c1].lower().split()):
        return None, None  # 'Lee reportedly wants': what the writer heard
    if text[c0:c1].split(None, 1)[0].lower().endswith("ing"):
        return None, None  # 'Ads from groups backing the mayor': the noun before holds it
    p = c0
    for _ in range(4):
        m = _word_before(text, p, 40, lo, chars="'’-")
        if m is None:
            return None, None
        low = m[1].lower().replace("’", "'")
        if low in lists["hearsay_adverbs"]:
            return None, None
        if not (low in skips or low in rules.adverbs or (low.endswith("ly") and len(low) > 4)):
            break
        p = m[0]
    else:
        return None, None
    e = m[0] + len(m[1])
    head = m[1]
    if "'" in low or not _active(text, e, c1):
        return None, None  # "It's easy to", 'is expected'
    if low in _SUBJECT_PRONOUNS and low != "it":
        return ((m[0], e), "pron") if _opens_clause(text, lo, m[0], rules) else (None, None)
    if not _is_subject_head(head, low, rules):
        return None, None
    # back over the words of the phrase, to punctuation or a word opening the clause; the
    # places after 'and' / 'or' are shorter phrases to fall back on ('Lee and Roe say')
    words = [m]
    s = m[0]
    for _ in range(14):
        b = _word_before(text, s, 40, lo, chars=".'’-&%")
        if b is None or not _SUBJECT_GAP_RE.fullmatch(text, b[0] + len(b[1]), s):
            break
        if b[1].endswith(".") and _sentence_ends_before(text, b[0] + len(b[1])):
            break
        blow = b[1].lower()
        if blow not in _COORDINATORS and (
            blow in lists["source_openers"]
            or blow in _CLAUSE_OPENERS
            or blow in lists["subordinators"]
        ):
            break
        words.append(b)
        s = b[0]
    else:
        return None, None
    words.reverse()
    for k, w in enumerate(words):
        low = w[1].lower()
        if k and words[k - 1][1].lower() not in _COORDINATORS:
            continue
        if low in _COORDINATORS:
            continue
        got = _subject_phrase(text, lo, words[k:], rules)
        if got is not None:
            return (got, e), "desc"
    return None, None


_COORDINATORS = _WORDS["subject_coordinators"]
_JOINED_BEFORE_RE = re.compile(r"(?<![\w’'\-])(?:and|nor|or)[^\S\n]+$")


def _with_left_conjuncts(text: str, s: int, cue_span, rules: _Rules) -> int:
    """Move ``s`` back over the noun phrases joined to the source by 'and', 'or' or 'nor' when
    together they open the clause of the cue: 'Many experts and some lawmakers say', 'They
    and their supporters argue', 'Neither Roe nor Lee acknowledged' are one source."""
    joined = _JOINED_BEFORE_RE.search(text, max(0, s - 6), s)
    if joined is None:
        return s
    lo = text.rfind("\n", 0, s) + 1
    b = _word_before(text, joined.start(), 40, lo, chars=".-")
    if b is None:
        return s  # 'Lee, and Roe said': no phrase right before
    low = b[1].lower().rstrip(".")
    if not (
        (b[1][:1].isupper() and low not in rules.stop_caps)
        or _names_speakers(low, rules)
        or _is_plural_noun(low)
    ):
        return s  # 'The vote failed and Lee said': a clause before, no speaker
    got, _ = _clause_subject(text, lo, cue_span[0], cue_span[1], rules)
    return got[0] if got is not None and got[0] < s else s


_AND_BEFORE_RE = re.compile(r"(?:,[^\S\n]*)?(?<![\w’'\-])and[^\S\n]+$")


def _with_list_items(text: str, s: int, e: int, rules: _Rules) -> int:
    """Move ``s`` back over the items listed before the source, separated by commas, when the
    source is the end of a list ('neighbors and former rivals' in 'Friends, neighbors and
    former rivals say'; 'many lawmakers' in 'Unions, green groups, and many lawmakers say')
    and the list opens the sentence. Each item is a short noun phrase ending with a name, a
    role or a plural noun; an adverb or an adjunct before a comma ('Still, voters and ...')
    is no item.

    >>> text = "Friends, neighbors and former rivals say so."
    >>> text[_with_list_items(text, 9, 36, _rules()) :]
    'Friends, neighbors and former rivals say so.'
    >>> text = "Still, neighbors and former rivals say so."
    >>> text[_with_list_items(text, 7, 34, _rules()) :]
    'neighbors and former rivals say so.'
    >>> text = "The ferry lost riders, and drivers say so."
    >>> text[_with_list_items(text, 27, 34, _rules()) :]
    'drivers say so.'
    """
    lo = text.rfind("\n", 0, s) + 1
    joined = _AND_BEFORE_RE.search(text, max(lo, s - 8), s)
    if joined is not None:
        q = joined.start()  # 'Unions, green groups, and many lawmakers'
    elif " and " in text[s:e] and text[lo:s].rstrip(" \t").endswith(","):
        q = s  # 'Friends, neighbors and former rivals'
    else:
        return s
    lists = _lists()
    start = None
    oxford = joined is not None and joined.group(0).startswith(",")
    for n in range(6):
        k = q
        while k > lo and text[k - 1] in " \t,":
            k -= 1
        if k == q and joined is None:
            return s
        j = k
        while (
            j > lo
            and text[j - 1] not in _PHRASE_STOPS
            and not (text[j - 1] in ".!?" and _sentence_ends_before(text, j))
        ):
            j -= 1
        words = text[j:k].split()
        if words and words[0].lower() in _OPENING_CONJUNCTIONS:
            words = words[1:]
        if not 1 <= len(words) <= 4:
            return s
        lows = [w.lower().replace("’", "'") for w in words]
        head = words[-1]
        if any(
            w in rules.cues
            or w in rules.adverbs
            or w in _FINITE
            or w in _NO_ONE
            or w in _CLAUSE_OPENERS
            or w in lists["prepositions"]
            or w in lists["adjuncts"]
            or w in lists["cue_before"]
            or w in lists["subordinators"]
            or w in lists["hearsay_adverbs"]
            or (w.endswith(("ly", "ing", "ed")) and w not in lists["role_modifiers"])
            for w in lows
        ):
            return s
        if not (
            (head[:1].isupper() and lows[-1] not in rules.stop_caps)
            or _names_speakers(lows[-1], rules)
            or _is_plural_noun(lows[-1])
        ):
            return s
        start = text.index(words[0], j)
        if j <= lo or text[j - 1] != ",":
            if oxford and n == 0:
                return s  # 'The ferry lost riders, and drivers say': two clauses, no list
            break  # the list's first item
        q = j - 1
    else:
        return s
    if start is None or not _opens_clause(text, lo, start, rules):
        return s
    return start


_WH_WORDS = _WORDS["wh_words"]


def _subject_phrase(text: str, lo: int, words: list, rules: _Rules) -> int | None:
    """The start of ``words`` (``_word_before`` pairs ending a subject before its cue) when
    they open a clause and make a noun phrase ('Most of her backers', 'people who have fought
    spam'), else None."""
    lists = _lists()
    s = words[0][0]
    if s > lo and not _opens_clause(text, lo, s, rules):
        return None
    lows = [w[1].lower().replace("’", "'") for w in words]
    first = words[0][1]
    if lows[0] in lists["prepositions"] or (
        first[:1].isupper()
        and lows[0] in rules.stop_caps
        and lows[0] not in rules.determiners
        and lows[0] not in lists["quantifiers"]
    ):
        return None
    if not (
        lows[0] in rules.determiners
        or lows[0] in lists["quantifiers"]
        or lows[0] in _AMOUNT_STARTS
        or first[:1].isupper()
        or first[:1].isdigit()
        or len(words) == 1
        or _is_modifier(lows[0], rules)
    ):
        return None
    rel = next((k for k, w in enumerate(lows) if w in ("who", "whose", "who's")), len(lows))
    if len(words) == 1 and first.islower() and not _names_speakers(lows[0], rules):
        return None  # a bare plural: 'critics say', not 'deserves to know'
    for k, w in enumerate(lows[:rel]):
        if w in _COORDINATORS:
            continue
        if w in rules.cues or w in _FINITE or w in lists["cue_before"] or w in _WH_WORDS:
            return None
        if w in lists["predicate_verbs"]:
            return None
        if w.endswith("ing") and len(w) > 4 and w not in lists["role_modifiers"]:
            return None  # 'investors expecting a deal', 'rules forbid using ...'
        nxt = lows[k + 1] if k + 1 < len(lows) else ""
        if (
            w.endswith("ed")
            and len(w) > 4
            and w not in lists["role_modifiers"]
            and (nxt in rules.determiners or nxt in lists["prepositions"] or nxt == "to")
        ):
            return None  # 'members of the group used technology created by ...'
    return s


def _opens_clause(text: str, lo: int, s: int, rules: _Rules) -> bool:
    """Does a clause open at ``s``: the paragraph's start, a sentence's, punctuation before it
    or a conjunction or subordinator?"""
    if s <= lo or _sentence_ends_before(text, _back_over_space(text, s)):
        return True
    q = _back_over_space(text, s)
    if q <= lo or text[q - 1] in ',;:(—–"“”\n':
        return True
    b = _word_before(text, s, 40, lo)
    if b is None:
        return False
    low = b[1].lower()
    return (
        low in _lists()["source_openers"]
        or low in _CLAUSE_OPENERS
        or low in _lists()["subordinators"]
    )


def _back_over_space(text: str, s: int) -> int:
    while s > 0 and text[s - 1] in " \t":
        s -= 1
    return s


def _is_subject_head(head: str, low: str, rules: _Rules) -> bool:
    """May ``head`` end a subject noun phrase ('officials', 'Lee', 'person', 'two')?"""
    lists = _lists()
    if not head[:1].isalnum() or low in _NO_ONE:
        return False
    if (
        low in rules.cues
        or low in _FINITE
        or low in lists["cue_before"]
        or low in lists["prepositions"]
        or low in lists["adjuncts"]
        or low in _CLAUSE_OPENERS
        or low in lists["source_openers"]
    ):
        return False
    if head[:1].isupper():
        return low.rstrip(".") not in rules.stop_caps
    if head[:1].isdigit() or low in _NUMBER_WORDS:
        return not re.fullmatch(r"(?:19|20)\d\d", head)
    if _names_speakers(low, rules):
        return True
    return (
        head.isalpha()
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and len(low) > 3
    )


def _plural_subject(text: str, w: tuple[int, int], c1: int, rules: _Rules):
    """A plural noun ``w`` and up to two modifiers or a determiner before it, right after a
    word that opens a clause or after punctuation: '..., when emails revealed ...', 'a law
    which critics said was unfair', 'where local leaders say ...': (start, end) or None."""
    head = text[w[0] : w[1]]
    low = head.lower()
    if not (head.isalpha() and head.islower() and len(low) > 3 and low.endswith("s")):
        return None
    if low.endswith(("ss", "us", "is")) or low in rules.cues or not _active(text, w[1], c1):
        return None
    if text.startswith("to ", w[1] + 1) or text[w[1] : c1].lower().split()[0] == "to":
        return None  # 'leaving voters to wonder': an infinitive's subject is the rules' business
    s = w[0]
    for _ in range(3):
        m = _word_before(text, s, 40, chars="-’'")
        if m is None:  # after punctuation: 'Still, polls show ...'
            return (s, w[1]) if s < w[0] or text[:s].rstrip().endswith(",") else None
        before = m[1].lower()
        if before in _CLAUSE_OPENERS:
            return s, w[1]
        if before in rules.determiners or before in _lists()["quantifiers"]:
            s = m[0]
            continue
        if m[1][:1].isupper() and before not in rules.stop_caps and "." not in m[1]:
            s = m[0]  # 'Jewish leaders'
            continue
        if not _is_modifier(before, rules):
            return None
        s = m[0]
    return None


_ASIDE_CLOSE_RE = re.compile(r"(?:,|[^\S\n]*(?:—|–|--))[^\S\n]*$")
_ASIDE_OPEN_RE = re.compile(r",[^\S\n]+|[^\S\n]*(?:—|–|--)[^\S\n]*")


def _subject_with_aside(text: str, lo: int, c0: int, c1: int, rules: _Rules):
    """The subject opening the sentence of a cue at ``c0`` with an aside closed right before
    the cue: 'Local economists, like their rivals, say ...', 'Pilots — and some clerks — say
    ...': (start, end) from the subject's first word to the aside's end; None when the
    sentence opens otherwise (an adjunct, a clause) or a verb stands before the cue."""
    p = c0
    for _ in range(4):  # the adverbs, auxiliaries and times before the cue
        m = _word_before(text, p, 40, chars="'’")
        low = m[1].lower() if m is not None else ""
        if not (low in _subject_skips() or low in rules.adverbs or low in _TIME_WORDS):
            break
        p = m[0]
    close = _ASIDE_CLOSE_RE.search(text, max(lo, p - 8), p)
    if close is None:
        return None
    e = close.start()
    s = _sentence_start(text, lo, e)
    if s is None:
        return None
    words = text[s:e].split()
    if words and words[0].lower() in _OPENING_CONJUNCTIONS:
        words = words[1:]
    if not 2 <= len(words) <= 25 or any(ch in text[s:e] for ch in '"“”;:()'):
        return None
    first = words[0]
    low = first.lower()
    if not (
        low in rules.determiners
        or low in _lists()["quantifiers"]
        or (first[:1].isupper() and low not in rules.stop_caps)
    ):
        return None
    aside = _ASIDE_OPEN_RE.search(text, s, e)
    if aside is None or len(text[aside.end() : e].split()) < 2:
        return None  # no aside, or one word ('The board, however, said')
    lists = _lists()
    head = text[s : aside.start()].split()[-1].lower()
    if head.endswith(("ly", "ing")) or head in rules.adverbs or head in lists["adjuncts"]:
        return None  # 'Separately, the board ...', 'Arriving at the pier, ...'
    lows = [w.lower().strip(",.—–") for w in words]
    if any(w in _FINITE or w in rules.cues or w in lists["cue_before"] for w in lows):
        return None  # 'Lee, who has ..., said': a clause, the rules' own business
    if text[c0:c1].endswith("ing") or not _active(text, e, c1):
        return None
    opener = text[aside.end() : e].split(None, 1)[0].lower()
    if opener in lists["subordinators"] or opener in _WORDS["aside_subordinators"]:
        # 'Lee — after a long pause — said': the aside is the sentence's, not the source's
        e = aside.start()
        while e > s and text[e - 1] in " ,":
            e -= 1
    return s, e


def _sentence_start(text: str, lo: int, e: int) -> int | None:
    """Where the sentence holding text[e] starts, from ``lo`` (its paragraph's start) on; None
    when that is more than 200 characters back."""
    p = e
    while p > lo:
        ch = text[p - 1]
        if ch == "\n" or (ch in ".!?" and _sentence_ends_before(text, p)):
            break
        p -= 1
        if e - p > 200:
            return None
    while p < e and text[p].isspace():
        p += 1
    return p


_BE_WORDS = _WORDS["be_forms"]


def _active(text: str, s: int, c1: int) -> bool:
    """Does its subject do what text[s:c1] (a cue and the words before it) says: no passive
    ('is expected', 'was then denounced') and no verb of seeming ('appeared to')?"""
    words = text[s:c1].lower().replace("’", "'").split()
    return not any(
        ((w in _BE_WORDS or w.removesuffix("n't") in _BE_WORDS) and not _progressive(words, k))
        or w in _lists()["seeming"]
        for k, w in enumerate(words)
    )


def _progressive(words: list[str], k: int) -> bool:
    """Is the form of 'be' at ``words[k]`` the auxiliary of a progressive cue ending
    ``words`` ('are showing', 'is now saying'), active, rather than a passive's ('is
    expected') or another verb's ('was trying hard to ask')?

    >>> _progressive(["are", "showing"], 0), _progressive(["is", "now", "saying"], 0)
    (True, True)
    >>> _progressive(["was", "trying", "to", "ask"], 0), _progressive(["is", "expected"], 0)
    (False, False)
    """
    last = words[-1]
    if not (last.endswith("ing") and len(last) > 4 and len(words) - k <= 3):
        return False
    return all(w.endswith("ly") or w in _PROGRESSIVE_GAP for w in words[k + 1 : -1])


_PROGRESSIVE_GAP = frozenset("now still also not".split())


_RELATIVE_SOURCES = _WORDS["relative_sources"]


def _subject_word_before(text: str, c0: int, rules: _Rules) -> tuple[int, int] | None:
    """The word before a cue at ``c0`` past the adverbs and auxiliaries between a subject and
    its cue ('which has long argued' -> 'which'), within 40 characters; None past punctuation."""
    skips = _subject_skips()
    p = c0
    for _ in range(4):
        m = _word_before(text, p, 40, chars="'’")
        if m is None:
            return None
        low = m[1].lower().replace("’", "'")
        if low not in skips and low not in rules.adverbs:
            return m[0], m[0] + len(m[1])
        p = m[0]
    return None


_SUBJECT_PRONOUNS = _WORDS["subject_pronouns"]
