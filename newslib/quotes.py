"""Quotations, their speakers, and how much of each article is other people's words.

Rule-based and offline: quotation marks are paired paragraph by paragraph, each quotation is
classed as ``direct`` (a full quoted statement), ``partial`` (a quoted fragment inside the
reporter's sentence) or ``scare`` (scare quotes, titles, nicknames, quoted terms), and its speaker
is found from the usual news shapes::

    "...," he said.            "...," said John Smith, a spokesman.     John Smith said: "..."
    "...," Smith told reporters.            According to Smith, "..."

A quotation with no attribution of its own inherits the speaker of a quotation next to it in the
same paragraph, or of the previous paragraph's quotation (news convention for continuing
speech). Pronouns and descriptions (``he``, ``the officer``) resolve to the most recently named
person; a surname resolves to the full name used earlier in the article.

Quotation marks: curly “ ” and straight " (direction read from the surrounding characters),
guillemets « », and single ‘ ’ / ' for quotations (apostrophes as in don't, Putin's, '90s are
left alone). A quotation running over several paragraphs has, by convention, no closing mark at
the end of each paragraph but the last and reopens each paragraph; every paragraph's piece is
one row and the pieces share one speaker. An unbalanced mark never reaches past its paragraph.

All offsets are character offsets into the row's ``text``, end exclusive; quotation marks are
not part of a quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pandas as pd

from ._frame import empty_frame, require_columns
from .text import WORD_RE, count_words, paragraph_spans

__all__ = ["quotes", "quote_share", "speakers", "quoted_spans", "QUOTE_KINDS"]

QUOTE_KINDS = ("direct", "partial", "scare")

_QUOTE_DTYPES = {
    "article_id": "string",
    "quote_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "n_words": "int64",
    "paragraph": "int64",
    "kind": "string",
    "speaker": "string",
    "speaker_mention": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "cue": "string",
}
_SHARE_DTYPES = {
    "article_id": "string",
    "n_quotes": "int64",
    "quoted_words": "int64",
    "total_words": "int64",
    "quote_share": "float64",
    "quote_char_share": "float64",
    "n_speakers": "int64",
    "top_speaker": "string",
}
_SPEAKER_DTYPES = {
    "article_id": "string",
    "speaker": "string",
    "n_quotes": "int64",
    "quoted_words": "int64",
}


# --------------------------------------------------------------------------------------------
# word lists


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {}
    current = None
    raw = resources.files("newslib").joinpath("data/quote_cues.txt").read_text("utf-8")
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.lower().split())
    return {name: frozenset(words) for name, words in sections.items()}


def _alternation(words) -> str:
    # Longest first so that "said" is not cut to "sai..." by a shorter alternative.
    ordered = sorted(words, key=lambda w: (-len(w), w))
    # Grouped by first character ("s(?:aying|aid|ays|ay)|t(?:old|ell)"): the regex engine tries a
    # flat alternation's branches one by one at every position, but skips a whole group after
    # one failed character test.  Only words sharing a first character can match at the same
    # place, and their order is kept inside the group, so every match is the same as with the
    # flat list; scanning with the ~400 cues is several times faster.
    groups: dict[str, list[str]] = {}
    for word in ordered:
        groups.setdefault(word[:1], []).append(word[1:])
    return "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in tails) + ")"
        for first, tails in groups.items()
    )


def _capitalised(words) -> str:
    return _alternation(w.capitalize() for w in words)


@dataclass(frozen=True)
class _Rules:
    cues: frozenset
    adverbs: frozenset
    pronouns: frozenset
    determiners: frozenset
    roles: frozenset
    role_ends: frozenset  # the last role_end_len letters of every role, for a quick test
    role_end_len: int
    sources: frozenset
    stop_caps: frozenset
    cue_re: re.Pattern
    according_re: re.Pattern
    after_re: re.Pattern
    after_any_verb_re: re.Pattern
    after_cue_first_re: re.Pattern
    person_after_re: re.Pattern


_PUNCT_NO_SPACE = r"[^\s,;:!?\"“”«»()\[\]—–]"  # a word may hold periods: "Mr.", "D.C."
# A token of a capitalised name: "Karakulov", "O'Neill", "McConnell", "J.", "al-Assad".
_CAP = r"(?:[A-Z][\w’'\-]*\.?|[A-Z]\.)"
_NAME = rf"{_CAP}(?:[^\S\n]+(?:{_CAP}|(?:de|da|di|van|von|der|den|la|le|al|bin|ibn|del|du|dos)\b))*"
_DASH = r"(?:—|–|--)"


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    lists = _lists()
    cues = lists["cues"]
    adverbs = lists["adverbs"]
    pronouns = lists["pronouns"]
    determiners = lists["determiners"]
    cue = rf"(?:{_alternation(cues)}|puts?[^\S\n]+it)"  # 'as Smith put it,'
    cue_any = rf"(?:{cue}|{_capitalised(cues)})"  # 'Said Comey, "..."'
    days = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    # words between a subject and its cue: "also", "on Tuesday", "last week", "(R-Wis.)"
    adv = (
        rf"(?:(?:{_alternation(adverbs)}|(?:on[^\S\n]+)?(?:{days})|(?:last|this|on|early|late)"
        rf"[^\S\n]+(?:{days}|night|week|month|year|morning|evening|afternoon)|"
        rf"\([^()\n]{{1,40}}\))\s+)*"
    )
    pron = r"(?:he|she|they|we|I|it|He|She|They|We|It)"
    det = rf"(?:{_alternation(determiners | {w.capitalize() for w in determiners})})"
    word = rf"{_PUNCT_NO_SPACE}+"
    # A subject right after a closing mark: anything up to eight words (no punctuation but an
    # apostrophe or hyphen), then optional ", apposition," and the cue.  The subject is cut
    # into a mention afterwards.
    after = (
        rf"[^\S\n]*(?:{_DASH}[^\S\n]*)?(?P<subj>{word}(?:[^\S\n]+{word}){{0,7}}?)"
        rf"(?P<app>(?:,[^\S\n]+[^,;:!?\"“”\n]{{1,120}}?){{1,3}},)?[^\S\n]+{adv}(?P<cue>{cue})\b"
    )
    after_any_verb = (
        rf"[^\S\n]*(?:{_DASH}[^\S\n]*)?(?P<subj>{word}(?:[^\S\n]+{word}){{0,4}}?)"
        rf"(?P<app>(?:,[^\S\n]+[^,;:!?\"“”\n]{{1,120}}?){{1,3}},)?[^\S\n]+{adv}"
        rf"(?P<cue>[a-z]{{2,}}(?:ed|es|s)|shot|went|spoke|began|put|wrote|told|said)\b"
    )
    # "... ," said John Smith, a spokesman.  /  "...," says the officer.
    after_cue_first = (
        rf"[^\S\n]*(?:{_DASH}[^\S\n]*)?(?P<cue>{cue_any})[^\S\n]+(?P<subj>{pron}\b|{det}[^\S\n]+{word}"
        rf"(?:[^\S\n]+{word}){{0,5}}|(?:{_NAME}[^\S\n]+)?(?:[a-z][\w\-]*[^\S\n]+){{0,5}}{_NAME})"
    )
    roles = lists["person_roles"]
    role_end_len = min([3, *(len(r) for r in roles)])
    role_alt = _alternation(roles)
    # after a person's name: ", who", ", 45,", ", a spokesman for ..."
    person_after = (
        rf",[^\S\n]+(?:who\b|\d{{1,3}},|(?:a|an|the)[^\S\n]+(?:[\w\-]+[^\S\n]+){{0,3}}"
        rf"(?:{role_alt})\b)"
    )
    return _Rules(
        cues=cues,
        adverbs=adverbs,
        pronouns=pronouns,
        determiners=determiners,
        roles=roles,
        role_ends=frozenset(r[-role_end_len:] for r in roles),
        role_end_len=role_end_len,
        sources=lists["sources"],
        stop_caps=lists["stop_capitals"],
        cue_re=re.compile(rf"\b{cue_any}\b|\b[Aa]ccording[^\S\n]+to\b"),
        according_re=re.compile(
            rf"\b[Aa]ccording[^\S\n]+to[^\S\n]+(?P<subj>{pron}\b|{det}[^\S\n]+{word}(?:[^\S\n]+{word}){{0,5}}"
            rf"|{_NAME})"
        ),
        after_re=re.compile(after),
        after_any_verb_re=re.compile(after_any_verb),
        after_cue_first_re=re.compile(after_cue_first),
        person_after_re=re.compile(person_after),
    )


# --------------------------------------------------------------------------------------------
# quotation marks

# '' and `` stand for double marks in some archives (the New York Times among them).
_DOUBLE_RE = re.compile(r"''|``|[\"“”„‟«»]")
_DOUBLE_GLYPH_RE = re.compile(r"[\"“”„‟«»]")
_SINGLE_RE = re.compile(r"['‘’‹›]")
# every character that can start a _DOUBLE_RE or _SINGLE_RE match
_ANY_MARK_RE = re.compile(r"[\"“”„‟«»`'‘’‹›]")
_OPEN_GLYPH = frozenset("“„‟«‘‹")
_CLOSE_GLYPH = frozenset("”»’›")
_OPEN_BEFORE = frozenset("([{—–-/:")  # characters after which a mark opens
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-/…")  # characters before which a mark closes
_QUOTE_CHARS = frozenset("\"“”„‟«»'‘’‹›")
# Elisions that start with an apostrophe: '90s, 'em, 'til, 'cause, rock 'n' roll, 'tis.
_ELISION_RE = re.compile(r"(?:\d\d|em\b|til\b|cause\b|n\b|tis\b|twas\b|bout\b|round\b)", re.I)


def _flank(text: str, i: int, j: int, lo: int, hi: int) -> tuple[bool, bool]:
    """Can the mark text[i:j] open / close a quotation (judged by its neighbours)?"""
    prev = text[i - 1] if i > lo else ""
    nxt = text[j] if j < hi else ""
    can_open = (
        bool(nxt)
        and not nxt.isspace()
        and (not prev or prev.isspace() or prev in _OPEN_BEFORE or prev in _QUOTE_CHARS)
    )
    can_close = (
        bool(prev)
        and not prev.isspace()
        and (not nxt or nxt.isspace() or nxt in _CLOSE_AFTER or nxt in _QUOTE_CHARS)
    )
    return can_open, can_close


def _has_double_mark(text: str, lo: int, hi: int) -> bool:
    """``_DOUBLE_RE.search(text, lo, hi) is not None``, faster: a search for one character of a
    set skips ahead quickly, an alternation that also holds two-character marks does not."""
    return (
        _DOUBLE_GLYPH_RE.search(text, lo, hi) is not None
        or text.find("''", lo, hi) >= 0
        or text.find("``", lo, hi) >= 0
    )


def _double_pairs(text: str, lo: int, hi: int, next_opens: bool):
    """Pair double marks in text[lo:hi].

    Returns ([(open_start, open_end, close_start, close_end)], runs_on); close_* are None for
    a quotation left open at the end of the paragraph.
    """
    pairs = []
    open_at = None
    for m in _DOUBLE_RE.finditer(text, lo, hi):
        i, j = m.span()
        glyph = text[i]
        can_open, can_close = _flank(text, i, j, lo, hi)
        if can_open and not can_close:
            role = "open"
        elif can_close and not can_open:
            role = "close"
        elif glyph in _OPEN_GLYPH or glyph == "`":
            role = "open"
        elif glyph in _CLOSE_GLYPH:
            role = "close"
        else:
            role = "close" if open_at is not None else "open"
        if open_at is None:
            if role == "open":
                open_at = (i, j)
            # a closing mark with nothing open is a stray: ignore it
        elif role == "close":
            pairs.append((open_at[0], open_at[1], i, j))
            open_at = None
        else:
            # Two openers in a row: the first was never closed. Drop it rather than let it
            # pair with a later mark and swallow the text in between.
            open_at = (i, j)
    runs_on = False
    if open_at is not None:
        first = open_at[0] == _first_nonspace(text, lo, hi)
        after_colon = text[lo : open_at[0]].rstrip()[-1:] in (":", ",")
        if next_opens or first or after_colon:
            pairs.append((open_at[0], open_at[1], None, None))
            runs_on = next_opens
    return pairs, runs_on


def _first_nonspace(text: str, lo: int, hi: int) -> int:
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    return i


def _single_pairs(text: str, lo: int, hi: int):
    """Pair single quotation marks in text[lo:hi], skipping apostrophes and elisions."""
    opens, closes = [], []
    for m in _SINGLE_RE.finditer(text, lo, hi):
        i = m.start()
        glyph = text[i]
        prev = text[i - 1] if i > lo else ""
        nxt = text[i + 1] if i + 1 < hi else ""
        if glyph == "'" and "'" in (prev, nxt):
            continue  # part of a '' double mark
        if (
            nxt
            and not nxt.isspace()
            and (not prev or prev.isspace() or prev in _OPEN_BEFORE or prev in _QUOTE_CHARS)
            and glyph != "’"
            or glyph in "‘‹"
        ):
            if _ELISION_RE.match(text, i + 1, hi):
                continue
            if glyph in "‘‹" and prev and prev.isalnum():
                continue
            opens.append(i)
        elif (
            prev
            and not prev.isspace()
            and (not nxt or nxt.isspace() or nxt in _CLOSE_AFTER or nxt in _QUOTE_CHARS)
        ) or glyph == "›":
            closes.append(i)
    pairs = []
    j = 0
    for o in opens:
        while j < len(closes) and closes[j] <= o:
            j += 1
        if j == len(closes):
            break
        if pairs and o < pairs[-1][1]:
            continue
        # a plural possessive (the players' union) ends with s' and is followed by a word
        pairs.append((o, closes[j]))
        j += 1
    return [(o, o + 1, c, c + 1) for o, c in pairs]


# --------------------------------------------------------------------------------------------
# sentences (light-weight: only used to bound the search for a speaker)

_BOUNDARY_RE = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_ABBREVIATIONS = (
    "Mr Mrs Ms Dr Sen Rep Gov Gen Lt Col Capt Sgt Prof Rev St Jr Sr Inc Co Corp Ltd No Vol Adm Maj "
    "Mt Ft Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec vs etc approx Ave Blvd Rd Univ Dept Atty Amb "
    "Cmdr Msgr Fr Pres"
).split()
# Does the text end with an abbreviation's full stop ("Mr.", "U.S.", "J.")?  Only ever used as a
# yes/no test.
_ABBREV_RE = re.compile(
    rf"(?:\b(?:{_alternation(_ABBREVIATIONS)})|\b[A-Z]|\b(?:[A-Za-z]\.){{1,4}}[A-Za-z])\.$"
)


def _sentence_starts(text: str, lo: int, hi: int) -> list[int]:
    starts = [lo]
    for m in _BOUNDARY_RE.finditer(text, lo, hi):
        head = text[max(lo, m.start() - 12) : m.start() + 1]
        if text[m.start()] == "." and _ABBREV_RE.search(head):
            continue
        starts.append(m.end())
    return starts


# --------------------------------------------------------------------------------------------
# speakers


@dataclass
class _Quote:
    start: int
    end: int
    open_mark: int  # start of the opening mark
    close_mark: int | None  # end of the closing mark (None: left open at paragraph end)
    paragraph: int
    para_lo: int
    para_hi: int
    chain: int  # index of the first piece of a multi-paragraph quotation
    words: list[str]  # WORD_RE's words of text[start:end]
    kind: str = "direct"
    mention: tuple[int, int] | None = None
    mention_kind: str = ""  # pron / rel / name / desc
    cue: str | None = None
    speaker: str | None = None


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


def _cut_subject_raw(
    text: str, s: int, e: int, rules: _Rules, from_right: bool, strict: bool = True
):
    """Cut a subject phrase text[s:e] down to the mention that names the speaker.

    Returns (start, end, kind) or None; kind is 'pron', 'name' or 'desc'. ``from_right``: the
    phrase ends at the cue, so the mention is its last words.
    """
    words = [m.span() for m in _WORD_SPAN_RE.finditer(text, s, e)]
    # strip trailing adverbs, times and parentheses ("Smith (R-Wis.) on Tuesday" -> "Smith")
    while words:
        w = text[words[-1][0] : words[-1][1]].lower()
        if w in rules.adverbs or w in _TIME_WORDS or w.endswith(")"):
            words.pop()
            if w.endswith(")"):
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
        j = k
        while j < len(words) and (
            text[words[j][0]].isupper() or text[words[j][0] : words[j][1]] in _PARTICLES
        ):
            j += 1
            if _ends_sentence(text[words[j - 1][0] : words[j - 1][1]]):
                break
        if j > k:
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
    while run_start > 0:
        w = text[words[run_start - 1][0] : words[run_start - 1][1]]
        if w[:1].isupper() or (run_start < len(words) and w in _PARTICLES):
            run_start -= 1
        else:
            break
    while run_start < len(words) and (
        text[words[run_start][0] : words[run_start][1]].lower().rstrip(".") in rules.stop_caps
    ):
        run_start += 1
    if run_start < len(words) and text[words[run_start][0]].isupper():
        # "the Wisconsin Republican", "the White House": keep the determiner with the name
        k = run_start - 1
        if k >= 0 and text[words[k][0] : words[k][1]].lower() in rules.determiners:
            return words[k][0], words[-1][1], "desc"
        return words[run_start][0], words[-1][1], "name"
    # a description starting at the last determiner ("In October the officer" -> the officer)
    for k in range(len(words) - 2, -1, -1):
        w = text[words[k][0] : words[k][1]].lower()
        if w in rules.determiners:
            body = {text[a:b].lower().strip(".,’'") for a, b in words[k + 1 :]}
            if not strict or body & (rules.roles | rules.sources):
                return words[k][0], words[-1][1], "desc"
            return None
    if low.strip(".,") in rules.roles and len(words) <= 3:
        return words[0][0], words[-1][1], "desc"
    return None


_WORD_SPAN_RE = re.compile(r"\S+")


_PARTICLES = frozenset("de da di van von der den la le al bin ibn del du dos".split())


def _according_to(text: str, pos: int, limit: int, rules: _Rules):
    """``according to X`` at ``pos``: the speaker cut from X and the cue, or None."""
    m = rules.according_re.match(text, pos, limit)
    if m:
        s, e = m.span("subj")
        cut = _cut_subject(text, s, e, rules, from_right=False)
        if cut:
            return cut, "according to"
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
                return cut, m.group("cue").lower()
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
            return cut, m.group("cue").lower()
    if q.kind == "direct" and inner[-1:] in (",", "?", "!", "—", "-"):
        # '"...," Conway notes.' / '"...?" Hannity pressed.': after a quotation that hands over
        # to its attribution, any past-tense or present verb after a short subject is the cue
        m = rules.after_any_verb_re.match(text, pos, limit)
        if m and m.group("cue") not in _NOT_CUES:
            s, e = m.span("subj")
            cut = _cut_subject(text, s, e, rules, from_right=True, strict=False)
            if cut:
                return cut, m.group("cue").lower()
    p2 = _COMMA_SPACE_RE.match(text, pos, limit).end()
    return _according_to(text, p2, limit, rules)


_NOT_CUES = frozenset(
    "was has does is goes needed seemed appeared wanted used tried started helps needs seems "
    "appears wants uses tries its this thus plus yes less unless always perhaps".split()
)
_INTRODUCES_RE = re.compile(r"[^\S\n]*:")
_COMMA_SPACE_RE = re.compile(r"[^\S\n]*,?[^\S\n]*")
_POSSESSIVE_END_RE = re.compile(r"(?:['’]s|['’])$")
_TOKEN_RE = re.compile(r"[\w’'\-.]+")
_NEXT_STOP_RE = re.compile(r"[^.!?\n]*(?:[.!?]|$)")
_PREPOSITIONS = frozenset(
    "to of from by with for in on at about against than as into over under after before "
    "between among toward towards behind during like via per the".split()
)
_CONJ = frozenset("and but or nor while whereas".split())


# After a sentence's subject: a lower-case word that is not a preposition (the verb), maybe after
# a parenthesis ("Kasich (R-OH)") or an apposition (", a spokesman,"), or a relative clause.
_VERB_AFTER_RE = re.compile(
    r"(?:[^\S\n]*\([^)\n]{0,40}\))?(?:,[^\S\n]+(?:who|which)\b|(?:,[^,;:!?\"“”\n]{1,120}?,)?"
    r"[^\S\n]+(?!(?:of|and|or|in|on|at|to|for|from|with|by|as|the|a|an|is|was)\b)[a-z])"
)


_DESC_START = frozenset("the a an".split())
_FINITE_AFTER_RE = re.compile(
    r"(?:[^\S\n]*\([^)\n]{0,40}\))?(?:,[^,;:!?\"“”\n]{1,120}?,)?[^\S\n]+(?:(?:also|then|later|"
    r"again|once|had|has|have|would|will|was|is|did|does|not|never|just|still)[^\S\n]+)*([a-z]+)\b"
)
_IRREGULAR = frozenset(
    "went made took gave drew spoke ran came got saw knew thought felt kept left led met sent "
    "stood won lost held brought began became broke chose fought found heard meant rose showed "
    "sold struck taught threw understood mocked praised blamed slammed accused criticized "
    "attacked defended urged agreed".split()
)


def _ends_sentence(token: str) -> bool:
    return token.endswith(".") and not _ABBREV_RE.search(token[-12:])


# A capital after "x " / ", " / "; " (the capital first, so that the scan can skip to capitals).
_MID_CAPITAL_RE = re.compile(r"[A-Z](?<=[a-z,;] [A-Z])[\w’'\-]*")


@lru_cache(maxsize=8)
def _mid_capitals(text: str) -> frozenset[str]:
    return frozenset(_MID_CAPITAL_RE.findall(text))


def _named(cand):
    return (cand[0], cand[1], "name") if cand[2] == "weak" else cand


def _in_any(pos: int, spans) -> bool:
    """Is ``pos`` inside one of the (start, end) spans (end exclusive)?"""
    for a, b in spans:  # a plain loop: cheaper than any() over a generator for a few spans
        if a <= pos < b:
            return True
    return False


def _sentence_subject(text: str, lo: int, hi: int, rules: _Rules, masked=(), cue_at=None):
    """The likely subject of text[lo:hi]: a pronoun or a name that is not possessive and does
    not follow a preposition, preferring one followed by a verb ("In Salem, New Hampshire,
    Trump went" -> Trump), or a description starting the sentence ("The tycoon told")."""
    tokens = list(_TOKEN_RE.finditer(text, lo, hi))
    candidates = []
    prev = ""
    k = 0
    while k < len(tokens):
        m = tokens[k]
        w = m.group(0).rstrip(".")
        if masked and _in_any(m.start(), masked):
            prev = ""
            k += 1
            continue
        low = w.lower()
        if low in ("he", "she", "they", "we") or w == "I":
            if prev not in _PREPOSITIONS:
                candidates.append((m.start(), m.start() + len(w), "pron"))
        elif w[:1].isupper() and low not in rules.stop_caps:
            j = k
            while (
                j + 1 < len(tokens)
                and (tokens[j + 1].group(0)[:1].isupper() or tokens[j + 1].group(0) in _PARTICLES)
                and not text[tokens[j].end() : tokens[j + 1].start()].strip()
                and not _ends_sentence(tokens[j].group(0))
            ):
                j += 1
            s, e = m.start(), tokens[j].end()
            possessive = text[e - 1] in "'’" or text[e - 2 : e] in ("'s", "’s")
            if text[e - 1] == "." and not _ABBREV_RE.search(text[max(s, e - 12) : e]):
                e -= 1
            # a single capitalised word opening the sentence may be any word ("Preceded by",
            # "Hastily", "What"): a name only if the article also capitalises it mid-sentence
            opener = k == 0 and j == 0
            if opener and low.endswith(("ed", "ing", "ly")):
                pass
            elif not (possessive or prev in _PREPOSITIONS or prev in rules.determiners):
                weak = opener and w not in _mid_capitals(text)
                candidates.append((s, e, "weak" if weak else "name"))
            k = j
        elif low in _DESC_START and (k == 0 or prev not in _PREPOSITIONS):
            # "the gambling tycoon told Reuters" - a description up to its verb
            j = k + 1
            while j < len(tokens) and j <= k + 10:
                t = tokens[j].group(0)
                if text[tokens[j - 1].end() : tokens[j].start()].strip():
                    break  # punctuation ends the phrase
                if j > k + 1 and (t in rules.cues or t in _IRREGULAR or t.endswith("ed")):
                    candidates.append((m.start(), tokens[j - 1].end(), "desc"))
                    break
                j += 1
        prev = low
        k += 1
    if cue_at is not None:
        # the subject whose verb is the cue itself ("Petrilli, who ..., called")
        for cand in reversed(candidates):
            m = _FINITE_AFTER_RE.match(text, cand[1], cue_at + 30)
            if m and m.start(1) == cue_at:
                return _named(cand)
    verbish = [c for c in candidates if _VERB_AFTER_RE.match(text, c[1], hi)]
    for cand in reversed(verbish):
        m = _FINITE_AFTER_RE.match(text, cand[1], hi)
        if m and (
            m.group(1) in rules.cues or m.group(1) in _IRREGULAR or m.group(1).endswith("ed")
        ):
            return _named(cand)
    if verbish:
        return _named(min(verbish, key=lambda c: c[2] == "weak"))
    strong = [c for c in candidates if c[2] != "weak"]
    return _named(strong[0]) if strong else None


_CHUNK_BREAK_RE = re.compile(r"[,;:!?\"“”«»—–]")


def _subject_before(text: str, lo: int, cue_start: int, rules: _Rules):
    """The subject of a cue at ``cue_start``: the words right before it ('Smith also said'),
    or the words before an apposition ('Smith, a spokesman for the campaign, said')."""
    breaks = [m.start() for m in _CHUNK_BREAK_RE.finditer(text, lo, cue_start)]
    start = breaks[-1] + 1 if breaks else lo
    words = list(_WORD_SPAN_RE.finditer(text, start, cue_start))
    while words and text[words[-1].start() : words[-1].end()].lower() in rules.adverbs:
        words.pop()
    if words:
        # None for '... and said' (the last word is a conjunction): the sentence's subject
        return _cut_subject(text, words[max(0, len(words) - 8)].start(), cue_start, rules, True)
    if not breaks or text[breaks[-1]] != ",":
        return None
    # ', said' closes an apposition: find where it opens ('Smith, who ..., said')
    commas = [i for i, b in enumerate(breaks[:-1]) if text[b] == ","][-3:]
    if not commas:
        return None
    chosen = commas[0]
    for i in reversed(commas):
        first = _WORD_SPAN_RE.search(text, breaks[i] + 1, breaks[i + 1])
        w = first.group(0).lower().strip("()") if first else ""
        if (
            w in _APPOSITION_OPENERS
            or w in rules.roles
            or w[-3:] in ("ing", "ed")
            or w[:1].isdigit()
        ):
            chosen = i
            break
    s = breaks[chosen - 1] + 1 if chosen > 0 else lo
    words = list(_WORD_SPAN_RE.finditer(text, s, breaks[chosen]))
    if not words or words[0].group(0).lower() in _CONJ and len(words) == 1:
        return None
    return _cut_subject(text, words[max(0, len(words) - 8)].start(), breaks[chosen], rules, True)


_APPOSITION_OPENERS = frozenset(
    "who which whose a an the then now also both including like as once formerly former "
    "its his her their one whom".split()
)


def _attribute_before(
    text: str, lo: int, hi: int, rules: _Rules, sentence_lo: int | None = None, masked=()
):
    """Speaker named before a quotation in text[lo:hi]: 'Smith said: ' / 'According to Smith, '.

    ``sentence_lo`` (<= lo) is where the sentence starts, for 'Smith ..., saying "...'."""
    if hi <= lo:
        return None
    if sentence_lo is None:
        sentence_lo = lo
    best = None
    for m in rules.cue_re.finditer(text, lo, hi):
        best = m
    if best is None:
        if text[lo:hi].rstrip().endswith(":"):
            # 'Politico reveals a few relevant facts: "...'
            cut = _sentence_subject(text, sentence_lo, hi, rules, masked)
            if cut:
                return cut, None
        return None
    cue = text[best.start() : best.end()].lower()
    if cue.startswith("according"):
        return _according_to(text, best.start(), hi, rules)
    before = text[lo : best.start()].rstrip()
    participle = cue.endswith("ing") and (before.endswith(",") or not before)
    if not participle:
        cut = _subject_before(text, max(lo, best.start() - 250), best.start(), rules)
        if cut:
            return cut, cue
        # inverted: 'said John Smith: "...' (the name must end the stretch)
        m = rules.after_cue_first_re.match(text, best.start(), hi)
        if (
            m
            and text[m.end() : hi].strip()[:1] in (",", ":", ".")
            and not text[m.end() : hi].strip(" \t,:;.—–-")
        ):
            s, e = m.span("subj")
            cut = _cut_subject(text, s, e, rules, from_right=False)
            if cut:
                return cut, cue
    # '..., saying "...' / '... and called it "...': the subject of the sentence
    cut = _sentence_subject(
        text, sentence_lo, best.start(), rules, masked, None if participle else best.start()
    )
    if cut:
        return cut, cue
    return None


# --------------------------------------------------------------------------------------------
# classification


# Words that announce a term rather than speech: 'the so-called "experts"', 'dubbed "Jaws"'.
_SCARE_LEADS = (
    "so-called|so called|dubbed|nicknamed|known as|titled|entitled|headlined|termed|the word|"
    "the words|the term|the terms|the phrase|the slogan|the label|the hashtag|the headline|"
    "the book|the film|the movie|the show|the song|the album|the program|the motto|the title|"
    "labeled|labelled|branded|named|called it"
).split("|")
_SCARE_LEAD_RE = re.compile(rf"(?:{_alternation(_SCARE_LEADS)})[^\S\n]*$", re.I)


def _classify(text: str, q: _Quote, prev_close: int, sentence_lo: int, rules: _Rules) -> str:
    """'direct', 'partial' or 'scare' for a quotation, from its length, shape and context."""
    inner = text[q.start : q.end]
    words = q.words
    n = len(words)
    last = inner[-1:]
    ends_punct = last in (",", ".", "?", "!", "…", "—", "-")
    first_upper = inner[:1].isupper()
    before = text[max(q.para_lo, prev_close) : q.open_mark].rstrip()
    # a full statement: it opens the paragraph, follows 'said:' or starts a sentence
    if not text[q.para_lo : q.open_mark].strip() and (n >= 3 or ends_punct):
        return "direct"
    if q.close_mark is None:
        return "direct" if n >= 2 else "scare"
    if before.endswith(":") and n >= 2:
        return "direct"
    sentence_start = not text[sentence_lo : q.open_mark].strip()
    cue_before = before[-1:] == "," and bool(
        rules.cue_re.search(text, max(sentence_lo, q.para_lo), q.open_mark)
    )
    if first_upper and (sentence_start or cue_before) and (n >= 3 or ends_punct):
        return "direct"
    if n == 0:
        return "scare"
    # titles: every word capitalised ('the Center "Dossier"', '"Saturday Night Live"')
    if n <= 4 and last not in ("!", "?"):
        if all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words):
            return "scare"
    head = text[max(sentence_lo, q.open_mark - 40) : q.open_mark].rstrip()
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
        if not rules.cue_re.search(text, max(sentence_lo, q.para_lo), q.open_mark):
            return "scare"
    return "partial"


_TITLE_SMALL = frozenset("of the a an and in on at to for or with from by de la".split())


# --------------------------------------------------------------------------------------------
# article


# The look-ahead (a name starts with a capital anyway) lets the scan skip to capitals quickly.
_NAME_RUN_RE = re.compile(rf"(?=[A-Z])\b{_NAME}")
_RUN_SENTENCE_END_RE = re.compile(r"\.(?=\s)")
_PREV_WORD_RE = re.compile(r"([a-z][\w\-]*)[^\S\n]+$")
_LOWER_WORD_RE = re.compile(r"[a-z][\w\-]*")


def _word_before(text: str, s: int) -> str | None:
    """The lower-case word just before the spaces before ``s`` ('spokesman' in 'spokesman Al
    Roe'): what ``_PREV_WORD_RE`` finds in the 30 characters before ``s``, or None."""
    lo = max(0, s - 30)
    # Shortcuts for the usual cases, each giving what the regex gives: it needs a word ([\w-]
    # characters), then spaces or tabs that reach ``s`` (or a newline just before ``s``).
    if s - lo >= 2:
        before, c = text[s - 1], text[s - 2]
        if before == " ":
            if not (c.isalnum() or c in "_-" or c.isspace()):
                return None  # ', Ann Lee': no word character right before the space
            # 'spokesman Ann Lee': when the whole token before the space is such a word, it is
            # the regex's (leftmost) match
            start = max(lo, text.rfind(" ", lo, s - 1) + 1)
            word = _LOWER_WORD_RE.fullmatch(text, start, s - 1)
            if word is not None:
                return word.group(0)
        elif before == "\n":
            if c == "\n" or not c.isspace():
                return None  # a paragraph or line starts at s
        elif not before.isspace():
            return None  # '"Ann Lee', '(Ann Lee'
    m = _PREV_WORD_RE.search(text, lo, s)
    return m.group(1) if m else None


def _role_before(text: str, s: int, rules: _Rules) -> bool:
    """Is the word right before ``s`` a person's role ('spokesman Al Roe')?"""
    if s >= 2 and text[s - 1] == " " and not text[s - 2].isspace():
        # The word would end at s - 1, and most words there ('said', 'of') do not end like a
        # role: a set lookup settles them.
        n = rules.role_end_len
        if text[max(0, s - 1 - n) : s - 1] not in rules.role_ends:
            return False
    return _word_before(text, s) in rules.roles


def _name_text(text: str, s: int, e: int, rules: _Rules) -> str:
    words = text[s:e].split()
    while words and words[0].lower().rstrip(".") in rules.stop_caps:
        words.pop(0)
    while words and words[-1].lower().rstrip(".") in rules.stop_caps:
        words.pop()
    # titles and roles before a name are not part of it: "Vermont Sen. Bernie Sanders"
    cut = 0
    for k, w in enumerate(words[:-1]):
        if w.lower().rstrip(".") in _TITLE_WORDS or w.lower() in rules.roles:
            cut = k + 1
    words = words[cut:]
    name = " ".join(words)
    if name[-1:] in ("'", "’", "s"):  # only then can it end with a possessive
        name = _POSSESSIVE_END_RE.sub("", name)
    return name


_TITLE_WORDS = frozenset(
    "mr mrs ms dr sen rep gov gen lt col capt sgt prof rev adm amb atty cmdr maj pres "
    "president senator governor mayor judge justice secretary chairman chairwoman speaker "
    "captain minister officer agent general colonel sergeant director commissioner "
    "sheriff chief lord lady sir dame".split()
)


def _analyse(text: str, rules: _Rules) -> list[_Quote]:
    paras = paragraph_spans(text)
    if not paras:
        return []
    # 1. marks -> quote pieces
    found: list[_Quote] = []
    chain_of_next = None
    for index, (lo, hi) in enumerate(paras):
        if _ANY_MARK_RE.search(text, lo, hi) is None:
            chain_of_next = None  # no quotation mark, no quotation: the usual paragraph
            continue
        pairs, runs_on = [], False
        if _has_double_mark(text, lo, hi):  # often only apostrophes: skip this
            nxt_lo = paras[index + 1][0] if index + 1 < len(paras) else None
            next_opens = False
            if nxt_lo is not None:
                m = _DOUBLE_RE.match(text, nxt_lo)
                if m:
                    next_opens = _flank(text, nxt_lo, m.end(), nxt_lo, paras[index + 1][1])[0]
            pairs, runs_on = _double_pairs(text, lo, hi, next_opens)
        inside = [(o, c if c is not None else hi) for o, _, c, _ in pairs]
        # top-level single quotes, outside every double-quoted stretch
        for pair in _single_pairs(text, lo, hi):
            if not any(a <= pair[0] <= b for a, b in inside):
                pairs.append(pair)
        pairs.sort(key=lambda p: p[0])
        for o, oe, c, ce in pairs:
            s, e = oe, c if c is not None else hi
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            q = _Quote(s, e, o, ce, index, lo, hi, chain=-1, words=WORD_RE.findall(text, s, e))
            if chain_of_next is not None and o == _first_nonspace(text, lo, hi):
                q.chain = chain_of_next
            else:
                q.chain = len(found)
            found.append(q)
        chain_of_next = None
        if runs_on and found and found[-1].close_mark is None:
            chain_of_next = found[-1].chain
    if not found:
        return []
    # 2. kinds and explicit speakers
    sent_cache: dict[int, list[int]] = {}
    prev_attr: dict[int, tuple | None] = {}
    # each paragraph's quotations with their marks, kept out of the search for a subject
    masked_by_para: dict[int, list[tuple[int, int]]] = {}
    for p in found:
        masked_by_para.setdefault(p.paragraph, []).append((p.open_mark, p.close_mark or p.para_hi))
    for k, q in enumerate(found):
        starts = sent_cache.get(q.paragraph)
        if starts is None:
            starts = sent_cache[q.paragraph] = _sentence_starts(text, q.para_lo, q.para_hi)
        sentence_lo = starts[bisect_right(starts, q.open_mark) - 1]
        prev_close = q.para_lo
        if k > 0 and found[k - 1].paragraph == q.paragraph:
            prev = found[k - 1]
            prev_close = prev.close_mark if prev.close_mark is not None else prev.end
        if q.chain != k:
            q.kind = found[q.chain].kind
        else:
            q.kind = _classify(text, q, prev_close, sentence_lo, rules)
        if q.kind == "scare":
            continue
        # limit the search after the quote to the next quote or the end of the sentence
        nxt_open = q.para_hi
        if k + 1 < len(found) and found[k + 1].paragraph == q.paragraph:
            nxt_open = found[k + 1].open_mark
        close_pos = q.close_mark if q.close_mark is not None else q.end
        # the sentence after the closing mark ('..." Clinton said.' starts a "sentence")
        i = bisect_right(starts, _first_nonspace(text, close_pos, q.para_hi))
        sent_hi = starts[i] if i < len(starts) else q.para_hi
        limit = min(nxt_open, max(sent_hi, close_pos + 1), q.para_hi)
        masked = masked_by_para[q.paragraph]
        lo = max(sentence_lo, prev_close)
        got = _attribute_after(text, q, rules, limit)
        if got is None:
            got = _attribute_before(text, lo, q.open_mark, rules, sentence_lo, masked)
            if got is None and text[q.start : q.end].rstrip()[-1:] not in (".", "?", "!"):
                # rest of the sentence: 'was "a disaster" for us, Smith said.'
                got = _attribute_before(text, close_pos, limit, rules, sentence_lo, masked)
        if got is None and q.kind == "partial":
            # a fragment quoted in a sentence with no speech verb ('X mocked Y for being "...')
            # is the sentence subject's
            subj = _sentence_subject(text, sentence_lo, q.open_mark, rules, masked)
            got = (subj, None) if subj else None
        if got is None and q.kind == "direct" and prev_close == q.para_lo:
            # 'Dianne Bystrom agreed. "..."': the sentence before introduces the quotation
            si = bisect_right(starts, q.open_mark) - 1
            if si > 0 and not text[sentence_lo : q.open_mark].strip():
                plo = starts[si - 1]
                got = _attribute_before(text, plo, sentence_lo, rules)
                if got is None:
                    subj = _sentence_subject(text, plo, sentence_lo, rules)
                    got = (subj, None) if subj else None
        if got is not None:
            (ms, me, mk), cue = got
            q.mention, q.mention_kind, q.cue = (ms, me), mk, cue
        elif q.kind == "direct" and q.paragraph > 0 and not text[q.para_lo : q.open_mark].strip():
            # the previous paragraph may introduce it: 'Smith said:' / 'Smith said that ...'
            plo, phi = paras[q.paragraph - 1]
            pstarts = _sentence_starts(text, plo, phi)
            prev_attr[k] = _attribute_before(text, pstarts[-1], phi, rules)
    # 3. inherit speakers: multi-paragraph chains, neighbours in the paragraph, previous paragraph
    speech = [k for k, q in enumerate(found) if q.kind != "scare"]
    chain_src: dict[int, _Quote] = {}
    for k in speech:
        if found[k].mention is not None:
            chain_src.setdefault(found[k].chain, found[k])
    for k in speech:
        q = found[k]
        if q.mention is None and q.chain in chain_src:
            # every piece of a multi-paragraph quotation has the speaker named in any piece
            _inherit(q, chain_src[q.chain])
    by_para: dict[int, list[_Quote]] = {}
    for k in speech:
        by_para.setdefault(found[k].paragraph, []).append(found[k])
    for qs in by_para.values():
        for idx, q in enumerate(qs):
            if q.mention is not None:
                continue
            src = next((p for p in reversed(qs[:idx]) if p.mention is not None), None)
            if src is None:
                # '"A." "B," he said.'
                src = next((p for p in qs[idx + 1 :] if p.mention is not None), None)
            if src is not None:
                _inherit(q, src)
    # a quotation paragraph with no attribution continues the previous paragraph's speaker
    last_src: dict[int, _Quote] = {}
    for k in speech:
        q = found[k]
        if q.mention is None:
            src = found[q.chain] if found[q.chain].mention is not None else None
            src = src or last_src.get(q.paragraph)
            if src is None and (q.kind == "direct" or True):
                src = last_src.get(q.paragraph - 1)
                if src is None and prev_attr.get(k):
                    (ms, me, mk), cue = prev_attr[k]
                    q.mention, q.mention_kind, q.cue = (ms, me), mk, cue
            if src is not None:
                _inherit(q, src)
        if q.mention is not None:
            last_src[q.paragraph] = q
    # 4. resolve mentions to names
    _resolve(text, found, rules)
    return found


def _inherit(q: _Quote, src: _Quote) -> None:
    q.mention, q.mention_kind, q.cue, q.speaker = (
        src.mention,
        src.mention_kind,
        src.cue,
        src.speaker,
    )


def _resolve(text: str, found: list[_Quote], rules: _Rules) -> None:
    # people named in the article, with their positions, for pronouns and descriptions: a
    # capitalised run with a title ("Sen. Ann Lee"), a role before it ("spokesman Al Roe"), a
    # person's apposition after it (", who", ", 45,", ", a spokesman"), a cue after it
    # ("Lee also said"), or a multi-word name in subject position ("Paul Hart runs")
    people: list[tuple[int, str]] = []
    names: dict[str, str] = {}  # run -> name: the same names come back again and again
    for m in _NAME_RUN_RE.finditer(text):
        s, e = m.span()
        run = m.group(0)
        if "." in run:  # most runs have no full stop: skip the scan
            for stop in _RUN_SENTENCE_END_RE.finditer(run):
                if not _ABBREV_RE.search(run[max(0, stop.start() - 11) : stop.start() + 1]):
                    # "Turkey. To do this" is two sentences, not one name
                    run = run[: stop.start()]
                    e = s + len(run)
                    break
        multi = " " in run
        first = run.split(None, 1)[0].rstrip(".").lower()
        if first in rules.stop_caps and not multi:
            continue
        # any one test makes a person; cheapest and most often true first
        person = (
            (multi and first in _TITLE_WORDS)
            or rules.person_after_re.match(text, e) is not None
            or (multi and _VERB_AFTER_RE.match(text, e) is not None)
        )
        if not person:
            after = _FINITE_AFTER_RE.match(text, e)
            person = after is not None and after.group(1) in rules.cues
        if not person:
            person = _role_before(text, s, rules)
        if person:
            name = names.get(run)
            if name is None:
                name = names[run] = _trim_long(_name_text(text, s, e, rules))
            if name:
                people.append((s, name))
    for q in found:
        if q.mention is not None and q.mention_kind == "name":
            name = _name_text(text, *q.mention, rules)
            if name:
                people.append((q.mention[0], _trim_long(name)))
    people.sort()
    # full names: surname -> first multi-word name ending with it
    full: dict[str, str] = {}
    for _, name in people:
        parts = name.split()
        if len(parts) >= 2:
            full.setdefault(parts[-1], name)
    positions = [p for p, _ in people]

    canonicals: dict[str, str] = {}

    def canonical(name: str) -> str:
        key = canonicals.get(name)
        if key is None:
            parts = name.split()
            surname = len(parts) == 1 and parts[0] in full
            key = canonicals[name] = full[parts[0]] if surname else name
        return key

    # gender evidence per person: the sum of _gender_vote over its mentions, worked out only
    # for the people a pronoun is checked against (few of them)
    mentions_of: dict[str, list[int]] = {}
    for pos, name in people:
        mentions_of.setdefault(canonical(name), []).append(pos)
    votes: dict[str, int] = {}

    def gender(key: str) -> int:
        if key not in votes:
            votes[key] = sum(_gender_vote(text, pos) for pos in mentions_of[key])
        return votes[key]

    def fitting(before: int, pronoun: str) -> str | None:
        # the most recently named person whose gender does not contradict the pronoun
        want = 1 if pronoun == "he" else (-1 if pronoun == "she" else 0)
        i = bisect_left(positions, before) - 1
        first = None
        for j in range(i, max(i - 12, -1), -1):
            key = canonical(people[j][1])
            first = first or key
            if want == 0 or gender(key) * want >= 0:
                return key
        return first

    for q in found:
        if q.mention is None or q.kind == "scare" or q.speaker is not None:
            continue
        s, e = q.mention
        if q.mention_kind == "name":
            name = _name_text(text, s, e, rules)
            q.speaker = canonical(name) if name else None
        elif q.mention_kind == "rel" or (
            q.mention_kind == "pron" and text[s:e].lower() in ("he", "she")
        ):
            q.speaker = fitting(s, text[s:e].lower())
        elif q.mention_kind == "desc":
            words = text[s:e].lower().split()
            if any(w.strip(".,") in rules.roles for w in words):
                # "the officer" -> the most recent named person; but "a spokesman for X" names
                # someone new, not a person already named
                if words[0] in ("the", "this", "that"):
                    q.speaker = fitting(s, "")
            else:
                caps = [w for w in text[s:e].split()[1:] if w[:1].isupper()]
                q.speaker = " ".join(caps) if caps else None
    # copy resolutions to the pieces that inherited a mention
    resolved = {q.mention: q.speaker for q in found if q.mention and q.speaker}
    for q in found:
        if q.kind != "scare" and q.mention is not None and q.speaker is None:
            q.speaker = resolved.get(q.mention)


def _gender_vote(text: str, pos: int) -> int:
    """Gender evidence for the person named at ``pos``: 2 / -2 for a title (Mr., Ms.), else
    1 / -1 for the first he/his/him or she/her within 160 characters, 0 for none."""
    head = text[pos : pos + 5]
    if head.startswith("Mr.") or head.startswith("Mr "):
        return 2
    if head.startswith(("Mrs", "Ms.", "Ms ")):
        return -2
    m = _GENDER_PRONOUN_RE.search(text, pos, pos + 160)
    return 0 if m is None else (1 if m.group(0).lower() in ("he", "his", "him") else -1)


# The look-ahead lets the search skip to an h or s quickly (same matches as without it).
_GENDER_PRONOUN_RE = re.compile(r"(?=[HhSs])\b(?:[Hh]e|[Hh]is|him|[Ss]he|[Hh]er)\b")


def _trim_long(name: str) -> str:
    # "Russian Federal Security Service Gleb Karakulov" -> "Gleb Karakulov"
    parts = name.split()
    return " ".join(parts[-2:]) if len(parts) > 3 else name


# --------------------------------------------------------------------------------------------
# public API


def _articles(df: pd.DataFrame, caller: str):
    require_columns(df, ["article_id", "text"], caller=caller)
    ids = df["article_id"].astype("string").tolist()
    texts = df["text"].tolist()
    return zip(ids, texts, strict=True)


def quotes(df: pd.DataFrame) -> pd.DataFrame:
    """Find every quotation in each article, classify it and name its speaker.

    Takes any DataFrame with ``article_id`` and ``text``; returns one row per quotation with
    ``article_id``, ``quote_id`` (0, 1, ... within each article, in text order), ``start``,
    ``end`` (offsets into ``text``, quotation marks excluded), ``text``, ``n_words``,
    ``paragraph`` (0-based), ``kind`` (``direct``, ``partial`` or ``scare``), ``speaker`` (the
    resolved name, NA when unknown or for scare quotes), ``speaker_mention``,
    ``speaker_start``, ``speaker_end`` (the words naming the speaker, e.g. ``he``) and ``cue``
    (``said``, ``told``, ``according to``, ...). A quotation running over several paragraphs
    gives one row per paragraph, all with the same speaker.

    Example:
        >>> import pandas as pd
        >>> text = 'Jane Roe runs the shop.\\n\\n"We sell bread," she said.'
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
        >>> quotes(arts)[["text", "kind", "speaker", "speaker_mention", "cue"]].values.tolist()
        [['We sell bread,', 'direct', 'Jane Roe', 'she', 'said']]
    """
    rules = _rules()
    rows: dict[str, list] = {name: [] for name in _QUOTE_DTYPES}
    for article_id, text in _articles(df, "quotes"):
        text = str(text)
        for n, q in enumerate(_analyse(text, rules)):
            rows["article_id"].append(article_id)
            rows["quote_id"].append(n)
            rows["start"].append(q.start)
            rows["end"].append(q.end)
            rows["text"].append(text[q.start : q.end])
            rows["n_words"].append(len(q.words))
            rows["paragraph"].append(q.paragraph)
            rows["kind"].append(q.kind)
            speech = q.kind != "scare" and q.mention is not None
            rows["speaker"].append(q.speaker if speech else None)
            rows["speaker_mention"].append(text[q.mention[0] : q.mention[1]] if speech else None)
            rows["speaker_start"].append(q.mention[0] if speech else None)
            rows["speaker_end"].append(q.mention[1] if speech else None)
            rows["cue"].append(q.cue if speech else None)
    if not rows["article_id"]:
        return empty_frame(_QUOTE_DTYPES)
    return pd.DataFrame(
        {name: pd.Series(values, dtype=_QUOTE_DTYPES[name]) for name, values in rows.items()}
    )


def quoted_spans(
    quotes_frame: pd.DataFrame, kinds: tuple[str, ...] = ("direct", "partial")
) -> dict[str, list[tuple[int, int]]]:
    """Return ``{article_id: [(start, end), ...]}``: the merged, sorted character spans of
    the quotations of the given kinds (default: direct and partial speech, not scare quotes).

    Meant for other analyses, e.g. the share of a sentence's characters that are quoted.
    Articles without such quotations are absent from the dict.

    Example:
        >>> import pandas as pd
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": ['"Yes, we can," he said.']})
        >>> quoted_spans(quotes(arts))
        {'a': [(1, 13)]}
    """
    require_columns(quotes_frame, ["article_id", "start", "end", "kind"], caller="quoted_spans")
    unknown = set(kinds) - set(QUOTE_KINDS)
    if unknown:
        raise ValueError(f"quoted_spans(): unknown kind(s) {sorted(unknown)}; use {QUOTE_KINDS}")
    sel = quotes_frame[quotes_frame["kind"].isin(list(kinds))]
    spans: dict[str, list[tuple[int, int]]] = {}
    for aid, s, e in zip(sel["article_id"], sel["start"], sel["end"], strict=True):
        spans.setdefault(str(aid), []).append((int(s), int(e)))
    for aid, lst in spans.items():
        lst.sort()
        merged = [lst[0]]
        for s, e in lst[1:]:
            if s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        spans[aid] = merged
    return spans


def _speech_items(text: str, qs: list[_Quote]) -> list[tuple[int, int, str | None]]:
    return [(q.start, q.end, q.speaker) for q in qs if q.kind != "scare"]


def _items_from_frame(quotes_frame: pd.DataFrame, caller: str):
    """{article_id: [(start, end, speaker)]} of the direct and partial rows of a quotes frame."""
    require_columns(quotes_frame, ["article_id", "start", "end", "kind", "speaker"], caller=caller)
    sel = quotes_frame[quotes_frame["kind"].isin(["direct", "partial"])]
    items: dict[str, list] = {}
    # whole columns as lists: iterating a Series (and pd.isna per value) is much slower
    known = sel["speaker"].notna().tolist()
    for aid, s, e, who, ok in zip(
        sel["article_id"].tolist(),
        sel["start"].tolist(),
        sel["end"].tolist(),
        sel["speaker"].tolist(),
        known,
        strict=True,
    ):
        items.setdefault(str(aid), []).append((int(s), int(e), who if ok else None))
    for lst in items.values():
        lst.sort(key=lambda item: item[:2])
    return items


def _speaker_stats(text: str, items) -> list[tuple[str, int, int]]:
    """[(speaker, n_quotes, quoted_words)], most quoted words first, then most quotes, then
    first quoted."""
    stats: dict[str, list[int]] = {}
    for n, (s, e, who) in enumerate(items):
        if who:
            entry = stats.setdefault(who, [0, 0, n])
            entry[0] += 1
            entry[1] += len(WORD_RE.findall(text, s, e))
    ranked = sorted(stats.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[1][2]))
    return [(name, count, words) for name, (count, words, _) in ranked]


def _words_inside(text: str, start: int, end: int) -> int:
    """How many words of the whole text (as ``WORD_RE`` splits it) lie entirely inside
    text[start:end]; a word cut by either end does not count."""
    # Scan from a whitespace before ``start``: no word runs over whitespace, so the scan finds
    # the same words as a scan of the whole text, without walking the text before the span.
    lo = min(max(start, 0), len(text))
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    n = 0
    for m in WORD_RE.finditer(text, lo):
        if m.start() >= end:
            break
        if m.start() >= start and m.end() <= end:
            n += 1
    return n


def _share_row(article_id: str, text: str, items) -> dict:
    spans = sorted((s, e) for s, e, _ in items)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    total = count_words(text)
    quoted = sum(_words_inside(text, s, e) for s, e in merged)
    chars = sum(e - s for s, e in merged)
    ranked = _speaker_stats(text, items)
    return {
        "article_id": article_id,
        "n_quotes": len(items),
        "quoted_words": quoted,
        "total_words": total,
        "quote_share": quoted / total if total else 0.0,
        "quote_char_share": chars / len(text) if text else 0.0,
        "n_speakers": len(ranked),
        "top_speaker": ranked[0][0] if ranked else None,
    }


def quote_share(df: pd.DataFrame, *, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """How much of each article is quoted speech: one row per input article.

    Columns: ``article_id``, ``n_quotes`` (direct and partial quotations), ``quoted_words``,
    ``total_words`` (words as counted by ``newslib.text.WORD_RE``), ``quote_share``
    (quoted words / all words; scare quotes do not count), ``quote_char_share`` (same for
    characters), ``n_speakers`` (distinct resolved speakers) and ``top_speaker`` (the speaker
    with most quoted words, NA when none). An article without quotations has share 0.0.

    Pass ``quotes=newslib.quotes(df)`` when you already have it, to skip finding the
    quotations again.

    Example:
        >>> import pandas as pd
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": ['"Go home," Ann Lee said.']})
        >>> quote_share(arts)[["quoted_words", "total_words", "top_speaker"]].values.tolist()
        [[2, 5, 'Ann Lee']]
    """
    rows = [_share_row(aid, text, items) for aid, text, items in _speech(df, quotes, "quote_share")]
    if not rows:
        return empty_frame(_SHARE_DTYPES)
    return pd.DataFrame(rows).astype(_SHARE_DTYPES)


def speakers(df: pd.DataFrame, *, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who is quoted: one row per (article, resolved speaker) of direct and partial quotations.

    Columns: ``article_id``, ``speaker``, ``n_quotes``, ``quoted_words``; within an article,
    speakers are ordered by quoted words (most first), then quotations, then first
    appearance. ``quotes``: as in :func:`quote_share`.

    Example:
        >>> import pandas as pd
        >>> text = '"Go," Ann Lee said. "Stay," said Bob Ray. "Now," Lee said.'
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
        >>> speakers(arts).values.tolist()
        [['a', 'Ann Lee', 2, 2], ['a', 'Bob Ray', 1, 1]]
    """
    rows = [
        {"article_id": aid, "speaker": name, "n_quotes": count, "quoted_words": words}
        for aid, text, items in _speech(df, quotes, "speakers")
        for name, count, words in _speaker_stats(text, items)
    ]
    if not rows:
        return empty_frame(_SPEAKER_DTYPES)
    return pd.DataFrame(rows).astype(_SPEAKER_DTYPES)


def _speech(df: pd.DataFrame, quotes_frame: pd.DataFrame | None, caller: str):
    """(article_id, text, [(start, end, speaker)]) for each article, in input order."""
    articles = _articles(df, caller)
    if quotes_frame is not None:
        by_article = _items_from_frame(quotes_frame, caller)
        for aid, text in articles:
            yield aid, str(text), by_article.get(aid, [])
        return
    rules = _rules()
    for aid, text in articles:
        text = str(text)
        yield aid, text, _speech_items(text, _analyse(text, rules))
