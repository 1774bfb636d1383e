"""Source spans: the whole phrase that names who speaks, as news annotation reads it.

The mention found for a quotation or reported speech is the few words that identify the speaker
("Lee", "the officer", "he"); the source span around it adds the title or role written before it
("Sen. Ann Lee", "campaign spokesman Al Roe") and an apposition written after it ("Ann Lee, a
nurse at the clinic, said" / "said Ann Lee, a nurse at the clinic."). Pronouns stay as they are.
The word lists are in ``newslib/data/quote_sources.txt``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .attribution import _PARTICLES, _TIME_WORDS, _subject_skips
from .clauses import _FINITE
from .cues import _lists, _Rules, _rules, _sections
from .marks import _Quote
from .names import _TITLE_WORDS, _leading_name
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


# ', a spokesman for the campaign,' between a name and its cue (no quotation inside)
_APPOSITION_RE = re.compile(r",[^\S\n]+[^\"“”«»\n]{1,200}?(?=,?[^\S\n]*$)")
_PARENTHESIS_RE = re.compile(r"[^\S\n]*\([^()\n]{1,40}\)")
_PARTY_TAG_RE = re.compile(r"\([RDI]-?[^()\n]{0,20}\)")
# where an apposition after an inverted cue ends: 'said Ann Lee, a nurse at the clinic.'
_APPOSITION_END_RE = re.compile(
    r"[.;!?\n\"“”«»]|,[^\S\n]+(?:and\b|which\b|(?!including)[a-z]+ing\b"
    r"|(?:about|at|on|via|during|after|before|in|through|when|while|to)\b)"
)
_MAX_BEFORE = 4  # words qualifying a role: 'presumptive Republican presidential nominee'


_MENTION_WORD_RE = re.compile(r"[^\s,;:()\"“”«»]+")


def _trim_mentions(text: str, found: list[_Quote], rules: _Rules) -> None:
    """Cut the words that belong to the verb off the end of every speaker mention: adverbs
    and auxiliaries ('Lee later walked back' -> 'Lee', 'he barely' -> 'he', 'the committee
    now' -> 'the committee'), so that they join the cue instead."""
    keep = _lists()["not_adverbs"]
    cue_before = _lists()["cue_before"]  # (cue_before | rules.adverbs) - keep: the words that join
    trailers = _lists()["mention_trailers"]
    done: dict[tuple, tuple[int, int]] = {}
    for q in found:
        if q.mention is None or q.mention_kind == "rel":
            continue
        if q.mention not in done:
            s, e = q.mention
            # one word of letters ('he', 'Lee'), the usual mention, has no second word to cut
            one = text[s:e].isalpha()
            words = () if one else list(_MENTION_WORD_RE.finditer(text, s, e))
            cut = e
            for k in range(1, len(words)):
                w = words[k].group(0)
                low = w.lower().replace("’", "'")
                if w[:1].isupper() or w[:1].isdigit() or low in _PARTICLES:
                    continue
                if (
                    ((low in cue_before or low in rules.adverbs) and low not in keep)
                    or (low.endswith("ly") and len(low) > 4 and low not in keep)
                ) and not _qualifies(words[k - 1].group(0).lower(), rules):
                    # but 'The famously gruff senator': the adverb is the phrase's own
                    cut = words[k - 1].end()
                    break
                if low in trailers and not _qualifies(words[k - 1].group(0).lower(), rules):
                    cut = words[k - 1].end()  # 'Rubio only explained', 'aides here said'
                    break
            done[q.mention] = _within_line(text, s, cut, q.cue_span)
        q.mention = done[q.mention]


def _qualifies(low: str, rules: _Rules) -> bool:
    """Does the lower-case word ``low`` open a phrase that the next word continues ('the only
    senator', 'most often')?"""
    return low in rules.determiners or low in _lists()["quantifiers"]


def _source_spans(text: str, found: list[_Quote], rules: _Rules) -> None:
    """Set ``source_span`` of every speech piece with a speaker mention."""
    wider = _fill_mentions(text, found, rules)
    done: dict[tuple, tuple[int, int]] = {}
    # (start, mention start, speech verb?) of every piece: the speech of a relative clause
    # inside an apposition ('..., a nurse who backs Lee') does not end the apposition, that
    # of a speech verb does ('Al Roe, who said ...': two sources)
    pieces = sorted(
        (q.start, q.mention[0] if q.mention else -1, (q.cue or "").lower() in rules.cues)
        for q in found
        if q.kind != "scare"
    )
    starts = [p[0] for p in pieces]
    speakers: set[str] | None = None
    for q in found:
        if q.kind == "scare" or q.mention is None:
            continue
        if q.kind != "direct" and _passive_ask(text, q.cue_span):
            q.mention = q.source_span = None  # 'Lee was asked to ...': Lee listens, no source
            continue
        key = (q.mention, q.cue_span)
        if key not in done:
            # content after the source ('According to Lee, the school ...') is no apposition
            i = bisect_left(starts, q.mention[1])
            while i < len(pieces) and q.mention[1] <= pieces[i][1] < pieces[i][0]:
                if pieces[i][2]:
                    break
                i += 1
            limit = starts[i] if i < len(starts) else len(text)
            if speakers is None and _OF_NAME_RE.match(text, q.mention[1]):
                speakers = _speaker_words(text, found)
            done[key] = _source_span(
                text, q.mention, q.mention_kind, q.cue_span, limit, rules, speakers or set()
            )
            if key in wider and wider[key] < done[key][0]:
                done[key] = (wider[key], done[key][1])
        q.source_span = done[key]
        if _dangles(text, q.source_span):
            if not _dangles(text, q.mention):
                q.source_span = q.mention  # 'Al Roe, who backed Lee and': the mention alone
            elif q.kind != "direct":
                q.mention = q.source_span = None  # 'a fixture of the rallies as the': none


def _passive_ask(text: str, cue_span) -> bool:
    """Is the cue a passive 'asked' ('was asked', 'has been asked', 'were also asked', 'was
    asked about') with no 'by' after it: its subject is who was asked, not who asks?

    >>> _passive_ask("Lee was asked to go.", (4, 13)), _passive_ask("Lee asked to go.", (4, 9))
    (True, False)
    >>> _passive_ask("Lee was asked about it.", (4, 19))
    True
    """
    if cue_span is None:
        return False
    words = text[cue_span[0] : cue_span[1]].lower().split()
    if words[-1:] == ["about"]:
        words = words[:-1]  # 'Lee was asked about the pier'
    if len(words) < 2 or words[-1] != "asked" or not any(w in _BE_WORDS for w in words[:-1]):
        return False
    return not text[cue_span[1] : cue_span[1] + 4].split()[:1] == ["by"]


_OBJECT_PRONOUNS = _WORDS["object_pronouns"]
_DANGLING = _WORDS["dangling_ends"]
_RELATIVE_CLAUSE_ENDS = _WORDS["relative_clause_ends"]
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


def _dangles(text: str, span: tuple[int, int]) -> bool:
    """Does the source span end with a word that needs more after it ('a sign that', 'the
    authors of the', 'the party's leaders and'): a phrase cut short, no source? A relative
    clause may end with its preposition ('Al Roe, who has yet to decide whom to vote for')."""
    sp = text.rfind(" ", span[0], span[1])
    if sp < 0 or text[sp + 1 : span[1]] not in _DANGLING:
        return False
    words = text[span[0] : span[1]].split()
    return not (
        words[-1] in _RELATIVE_CLAUSE_ENDS and _RELATIVE_AFTER_RE.search(text, span[0], span[1])
    )


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


_CLAUSE_OPENERS = _WORDS["clause_openers"]
_SUBJECT_GAP_RE = re.compile(r"[^\S\n]+")
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


def _names_speakers(low: str, rules: _Rules) -> bool:
    """Is the lower-case word ``low`` (or its singular) a role, a source or a source noun
    ('critics', 'officials', 'polls')?"""
    single = low[:-1] if low.endswith("s") else low
    known = rules.roles | rules.sources | _lists()["source_nouns"]
    return low in known or single in known or low in _WORDS["people_quantifiers"]


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


def _source_span(text, mention, kind, cue_span, limit, rules, speakers) -> tuple[int, int]:
    s, e = mention
    if text[s:e].lower() == "one":
        b = _word_before(text, s, 6, chars="")
        if b is not None and b[1].lower() in _WORDS["one_negators"]:
            s = b[0]  # 'no one knows', 'No one said'
    if kind != "rel" and cue_span is not None and cue_span[0] >= e:
        e = _with_conjunct_after(text, e, cue_span[0], rules)  # 'she and her aides said'
    if kind in ("pron", "rel"):
        return s, e
    if cue_span is not None and cue_span[0] >= e:
        s = _after_relative(text, s, e, rules)
    s = _without_opener(text, s, e)
    s0 = s
    slash = _with_slash_names(text, s)  # 'a CNN/ORC poll', 'the Times/CBS News survey'
    if slash != s:
        s, e = slash, _with_source_head_after(text, e, cue_span, rules)
    head = text[s:e].split(None, 1)[0].lower().rstrip(".") if text[s:e].strip() else ""
    # 'campaign Chairman Al Roe': the mention opens with a title or role already
    s = _with_title(text, s, rules, role_seen=int(head in _TITLE_WORDS or head in rules.roles))
    s = _with_head(text, s, rules)
    first = text[s:e].split(None, 1)[0].lower() if text[s:e].strip() else ""
    if first.endswith("s") and first[:-1] in rules.roles:
        first = first[:-1]
    if (
        s != s0
        or first in rules.roles
        or first in rules.sources
        or first in _NUMBER_WORDS
        or " and " in text[s:e]
    ):
        s = _with_determiner(text, s, rules)  # 'the campaign chairman Al Roe', 'Some top Democrats'
        s = _with_head(text, s, rules)  # 'a study by the watchdog group Harbor Trust'
    s = _with_amount(text, s, e)
    if s == s0 and kind == "name":
        s = _with_epithet(text, s, rules)  # 'A teary-eyed Ann Lee said'
    e = _with_noun_after(text, s, e, cue_span, rules)
    e = _with_time_after(text, s, e, cue_span)
    e = _with_document_tail(text, e, cue_span, rules)
    e = _with_of_name(text, e, cue_span, speakers)
    if cue_span is not None and cue_span[0] >= e:
        s1 = _with_conjunct(text, s, rules)
        if s1 != s:  # 'Both Lee and Roe', 'Strategists for Lee and Roe'
            s = _with_determiner(text, _with_head(text, _with_list(text, s1, rules), rules), rules)
        s = _with_role_before(text, s, e, rules)
        s = _with_left_conjuncts(text, s, cue_span, rules)
        s = _with_list_items(text, s, e, rules)
        between = text[e : cue_span[0]]
        m = _PARENTHESIS_RE.match(between)
        if m is not None:  # 'Ann Lee (D-Ohio) said'
            e += m.end()
            between = text[e : cue_span[0]]
        m = _APPOSITION_RE.match(between)
        if m is not None and _is_apposition(m.group(0), whole=True):
            # 'Ann Lee, a nurse at the clinic, said'
            closed = between.rstrip().endswith(",")  # not 'Lee, who has long said'
            e += _apposition_length(m.group(0), rules, closed)
    elif cue_span is not None and cue_span[1] <= s:
        if kind in ("desc", "name") and text.startswith(("according", "According"), cue_span[0]):
            e = _phrase_end(text, e, limit)  # 'according to a poll from X broadcast on Y.'
            if not _describes_next(text, e, rules):
                limit = e  # 'According to polls, Lee leads ...': the content, no apposition
        m = _PARENTHESIS_RE.match(text, e, limit)
        if m is not None and _PARTY_TAG_RE.fullmatch(m.group(0).strip()):
            e = m.end()  # 'said Sen. Ann Lee (D-Ohio).'
        e = _with_apposition(text, e, limit, rules)
    return _within_line(text, s, e, cue_span)


_DESCRIBERS = _WORDS["describers"]


def _describes_next(text: str, e: int, rules: _Rules) -> bool:
    """After 'according to X': does ', ...' at ``e`` open a description of X ('a former
    envoy', 'who was an adviser', 'director of the center', "Lee's campaign manager") rather
    than the rest of the sentence ('Lee leads by 10 points', 'compared with ...')?"""
    m = _MENTION_WORD_RE.match(text, _skip(text, e + 1)) if text.startswith(",", e) else None
    if m is None:
        return False
    low = m.group(0).lower()
    return (
        low in _DESCRIBERS
        or low in rules.roles
        or low.endswith(("'s", "’s"))
        or low in _lists()["role_modifiers"]
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


_AND_AFTER_RE = re.compile(r"[^\S\n]+and[^\S\n]+")


def _with_conjunct_after(text: str, e: int, c0: int, rules: _Rules) -> int:
    """Move ``e`` over 'and' and the noun phrase joined to the mention right before its cue at
    ``c0``: 'she and other delegates said', 'Lee and his aides argue' are one source."""
    m = _AND_AFTER_RE.match(text, e, c0)
    if m is None:
        return e
    words = list(_MENTION_WORD_RE.finditer(text, m.end(), c0))
    if not 1 <= len(words) <= 8 or not _SUBJECT_GAP_RE.fullmatch(text, words[-1].end(), c0):
        return e
    lists = _lists()
    lows = [w.group(0).lower().replace("’", "'") for w in words]
    if any(
        w in rules.cues
        or w in _FINITE
        or w in lists["cue_before"]
        or w in lists["predicate_verbs"]
        or w in _CLAUSE_OPENERS
        or (w.endswith(("ed", "ing")) and len(w) > 4 and w not in lists["role_modifiers"])
        for w in lows
    ):
        return e
    first, last = words[0].group(0), words[-1].group(0)
    if not (
        lows[0] in rules.determiners
        or lows[0] in lists["quantifiers"]
        or lows[0] in _WORDS["people_quantifiers"]
        or lows[0].endswith("'s")
        or (first[:1].isupper() and lows[0] not in rules.stop_caps)
    ):
        return e
    if not (last[:1].isupper() or _names_speakers(lows[-1], rules) or _is_plural_noun(lows[-1])):
        return e
    return words[-1].end()


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


_HEAD_AFTER_RE = re.compile(r"(?:[^\S\n]+[a-z][a-z\-]*){1,3}\b")


def _with_source_head_after(text: str, e: int, cue_span, rules: _Rules) -> int:
    """Move ``e`` over up to three lower-case words ending with the thing the names before
    it made ('Harbor Times/KLX national tracking poll'), short of the cue."""
    m = _HEAD_AFTER_RE.match(text, e)
    if m is None:
        return e
    words = list(re.finditer(r"[a-z][a-z\-]*", m.group(0)))
    for w in reversed(words):
        end = e + w.end()
        if cue_span is not None and cue_span[0] < end <= cue_span[1] + 1:
            continue
        if cue_span is not None and e < cue_span[0] < end:
            continue
        low = w.group(0)
        single = low[:-1] if low.endswith("s") else low
        if low in rules.sources or single in rules.sources:
            return end
    return e


def _with_document_tail(text: str, e: int, cue_span, rules: _Rules) -> int:
    """Move ``e`` up to the cue after a document the source is, over what qualifies it: 'a poll
    of pilots conducted last week found', 'the survey in May showed'."""
    if cue_span is None or cue_span[0] <= e:
        return e
    last = (
        text[max(0, e - 20) : e].rsplit(None, 1)[-1].lower()
        if text[max(0, e - 20) : e].strip()
        else ""
    )
    single = last[:-1] if last.endswith("s") else last
    if last not in rules.sources and single not in rules.sources:
        return e
    words = list(_MENTION_WORD_RE.finditer(text, e, cue_span[0]))
    if not 2 <= len(words) <= 10 or not _SUBJECT_GAP_RE.fullmatch(
        text, words[-1].end(), cue_span[0]
    ):
        return e
    if any(
        not _SUBJECT_GAP_RE.fullmatch(text, a.end(), b.start())
        for a, b in zip(words, words[1:], strict=False)
    ):
        return e
    if not _SUBJECT_GAP_RE.fullmatch(text, e, words[0].start()):
        return e
    lows = [w.group(0).lower() for w in words]
    if lows[0] not in _HEAD_PREPOSITIONS and lows[0] not in _PARTICIPLES:
        return e
    if lows[0] == "on" and lows[1] in _DAY_NAMES:
        return e  # 'The campaign on Tuesday said': a time, the cue's
    lists = _lists()
    if any(
        w in rules.cues or w in _FINITE or w in lists["cue_before"] or w in _CLAUSE_OPENERS
        for w in lows
    ):
        return e
    return words[-1].end()


_RELATIVE_WORDS = _WORDS["relative_words"]
_SUBJECT_PRONOUNS = _WORDS["subject_pronouns"]


def _after_relative(text: str, s: int, e: int, rules: _Rules) -> int:
    """Move ``s`` past the noun a relative clause hangs on when the clause's own subject is the
    speaker: 'the limit that economists consider ...', 'a bill that critics called ...',
    'an administration that they view as ...'."""
    words = list(_MENTION_WORD_RE.finditer(text, s, e))
    for k in range(len(words) - 2, 0, -1):
        if words[k].group(0).lower() not in _RELATIVE_WORDS:
            continue
        rest = [w.group(0) for w in words[k + 1 :]]
        first, last = rest[0].lower(), rest[-1].lower().rstrip(".,")
        if (
            first in _SUBJECT_PRONOUNS
            or first in rules.determiners
            or first in _lists()["quantifiers"]
            or rest[0][:1].isupper()
            or last in rules.roles
            or (last.endswith("s") and last[:-1] in rules.roles)
            or last in _lists()["source_nouns"]
            or first in _WORDS["people_quantifiers"]
            or (len(rest) <= 2 and _is_plural_noun(last))
        ):
            return words[k + 1].start()
        return s
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


def _within_line(text: str, s: int, e: int, cue_span) -> tuple[int, int]:
    """Keep the span on the cue's side of a line break: a headline's last words are no part
    of the name that opens the next line ('Lee Wins The Vote' / 'Jo Carr said')."""
    if "\n" not in text[s:e]:
        return s, e
    while e > s and text[e - 1].isspace():
        e -= 1  # a break after the last word cuts nothing: 'a statement\n' is 'a statement'
    while s < e and text[s].isspace():
        s += 1  # nor one before the first
    if "\n" not in text[s:e]:
        return s, e
    if cue_span is not None and cue_span[1] <= s:
        e = text.index("\n", s, e)
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e
    s = text.rindex("\n", s, e) + 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


_OF_CAP = r"[A-Z][\w.'’&\-]*"
# ' of (the) [lower-case words] Capitalised Name': where a speaker is from or works
_OF_NAME_RE = re.compile(
    rf"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?:[a-z][\w\-]*[^\S\n]+){{0,3}}?"
    rf"({_OF_CAP}(?:[^\S\n]+(?:(?:of|for|and|on)[^\S\n]+)?{_OF_CAP})*)"
)
_OF_NAME_END_RE = re.compile(r"[^\S\n]*(?:[,.;:!?)\]\"“”‘’'«»—–]|\n|\Z)")


def _speaker_words(text: str, found: list[_Quote]) -> set[str]:
    """The last words of the article's speaker mentions ('Clinton'): 'said Lee of Clinton'
    speaks of her, no place or organisation Lee is from."""
    return {text[q.mention[0] : q.mention[1]].split()[-1] for q in found if q.mention}


def _with_of_name(text: str, e: int, cue_span, speakers: set[str]) -> int:
    """Move ``e`` over the place or body a named speaker is 'of': 'Sen. Ann Lee of Ohio', 'Al
    Roe of the Harbor Institute'; the name ends the phrase (punctuation, or the cue after it)."""
    m = _OF_NAME_RE.match(text, e)
    if m is None:
        return e
    words = m.group(0).split()
    if any(w in _lists()["determiners"] for w in words[2 if words[1] == "the" else 1 :]):
        return e  # 'said Lee of his rival Al Roe'
    if m.group(1).split()[-1].rstrip(".") in speakers:
        return e  # 'said Lee of Roe': whom Lee speaks of
    if cue_span is not None and cue_span[0] >= m.end():
        if text[m.end() : cue_span[0]].strip() and not _OF_NAME_END_RE.match(text, m.end()):
            return e
    elif not _OF_NAME_END_RE.match(text, m.end()):
        return e
    end = m.end()
    if text[end - 1] == "." and not _ABBREV_RE.search(text[max(0, end - 12) : end]):
        end -= 1  # the sentence's full stop: '... said Al Roe of the Harbor Institute.'
    return end


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
        # 'an official familiar with the inquiry', 'a source close to the family'
        r = _word_before(text, m.start(1), 30)
        low = r[1].lower() if r else ""
        if r is None or not (low in rules.roles or (low[-1:] == "s" and low[:-1] in rules.roles)):
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
    r"((?:[A-Z][\w.'’\-]*[^\S\n]+){1,4}|(?:[Hh]e|[Ss]he|I|[Ww]e)[^\S\n]+)and[^\S\n]+$"
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
        if words[0].group(0).lower() in ("he", "she", "i", "we") and len(words) == 1:
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
        if words[0].lower() == "which":  # 'Al Roe, head of the Harbor Fund, which ...': the body's
            return len(phrase[: part.start()].rstrip())
        if closed and _is_event_clause(words):
            return len(phrase[: part.start()].rstrip())
    return len(phrase)


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


_NOUN_AFTER_RE = re.compile(r"[^\S\n]([a-z][a-z\-]+)\b(?![’'\-])")


def _with_noun_after(text: str, s: int, e: int, cue_span, rules: _Rules) -> int:
    """Move ``e`` over the noun a capitalised mention qualifies: 'Democratic leaders', 'FEC
    filings', 'Cruz backers', 'White House and Pentagon spokesmen'."""
    last = text[s:e].rsplit(None, 1)[-1] if text[s:e].strip() else ""
    if not last[:1].isupper():
        return e
    m = _NOUN_AFTER_RE.match(text, e)
    if m is None or (cue_span is not None and cue_span[0] < m.end() and m.start(1) < cue_span[1]):
        return e  # 'the Post reports': the cue
    noun = m.group(1)
    single = noun[:-1] if noun.endswith("s") else noun
    nouns = _lists()["source_nouns"]
    if noun in nouns or (noun.endswith("s") and (single in rules.roles or single in rules.sources)):
        return m.end()
    return e


_PARTICIPLES = _WORDS["document_participles"]
_TIME_AFTER_RE = re.compile(
    r"[^\S\n]+(?:on[^\S\n]+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|[^\S\n]+(?:last|this|earlier[^\S\n]+this)[^\S\n]+(?:week|month|year)\b"
)


def _with_time_after(text: str, s: int, e: int, cue_span) -> int:
    """Move ``e`` over the day a document the source is was released: 'a poll released
    Tuesday', 'the report published last week'."""
    words = text[s:e].split()
    if len(words) < 2 or words[-1].lower() not in _PARTICIPLES:
        return e
    m = _TIME_AFTER_RE.match(text, e)
    if m is None or (cue_span is not None and cue_span[0] < m.end() and e < cue_span[1]):
        return e
    return m.end()


def _without_opener(text: str, s: int, e: int) -> int:
    """Move ``s`` past the conjunctions and focus words a mention may open with ('but
    officials', 'although his advisers', 'Even some of her allies')."""
    openers = _lists()["source_openers"]
    while True:
        m = _MENTION_WORD_RE.match(text, s)
        if m is None or m.group(0).lower() not in openers:
            return s
        t = _skip(text, m.end())
        if t >= e or text[t] in "\n":
            return s
        s = t


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
            return rels[-1].start() if rels else e
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
