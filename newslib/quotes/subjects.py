"""Subject finders: the speaker named before a quotation's opening mark (``_attribute_before``:
'Smith said: "'), the likely subject of a sentence (``_sentence_subject``: "In Salem, Trump
went") and the subject right before a cue (``_subject_before``: 'Smith, a spokesman, said').
Each reads the text between two offsets and returns a mention cut by
``attribution._cut_subject``, or None; ``article``, the reported-speech readers and ``fill``
call them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .attribution import (
    _CONJ,
    _NOT_ROLE_WORDS,
    _PARTICLES,
    _PREPOSITIONS,
    _TOKEN_RE,
    _WORD_SPAN_RE,
    _according_to,
    _cut_subject,
    _ends_sentence,
    _is_place,
)
from .cues import _NAME, _lists, _Rules, _sections
from .sentences import _ABBREV_RE

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


def _named(cand):
    return (cand[0], cand[1], "name") if cand[2] == "weak" else cand


@lru_cache(maxsize=1)
def _names_module():
    """The module ``names``, imported at the first use (it imports this module): an import
    statement in a function costs microseconds every time it runs."""
    from . import names

    return names


_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we"))


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
    words = [t.group(0) for t in tokens]  # each token's text, read once
    n = len(tokens)
    candidates = []
    prev = ""
    k = 0
    while k < n:
        m = tokens[k]
        w = words[k].rstrip(".")
        if masked and _in_any(m.start(), masked):
            prev = ""
            k += 1
            continue
        low = w.lower()
        if (
            low in _SUBJECT_PRONOUNS
            or w == "I"
            or (low == "you" and prev in _AUXILIARIES and words[k - 1][:1].isupper())
        ):
            # ('Do you think ...?': the one asked, after an auxiliary that opens a question)
            if prev not in _PREPOSITIONS:
                candidates.append((m.start(), m.start() + len(w), "pron"))
        elif (
            low in _AUXILIARIES
            and w[:1].isupper()
            and k + 1 < n
            and words[k + 1] in _ASKED
            and not text[m.end() : tokens[k + 1].start()].strip()
            and _asks(text, m.end())
        ):
            pass  # 'Do you think ...?', 'Have you been told ...?': a question, no name
        elif w[:1].isupper() and low not in rules.stop_caps:
            j = k
            while (
                j + 1 < n
                and (words[j + 1][:1].isupper() or words[j + 1] in _PARTICLES)
                and not text[tokens[j].end() : tokens[j + 1].start()].strip()
                and not _ends_sentence(words[j])
            ):
                j += 1
            if j == k and _verb_the_name(text, tokens, words, k):
                j = k + 2  # 'Save the Pier I, a fund, said': a name made of a slogan
                while (
                    j + 1 < n
                    and words[j + 1][:1].isupper()
                    and not text[tokens[j].end() : tokens[j + 1].start()].strip()
                    and not _ends_sentence(words[j])
                ):
                    j += 1
            later = (
                _role_then_name(text, tokens, j, rules)
                if j + 1 < n and words[j + 1][:1].islower()
                else None
            )
            if later is not None:
                j = later  # 'Democratic front-runner Ann Lee': the name the role points to
                m = tokens[_run_start(text, tokens, j)]
            s, e = m.start(), tokens[j].end()
            possessive = text[e - 1] in "'’" or text[e - 2 : e] in ("'s", "’s")
            if text[e - 1] == "." and not _ABBREV_RE.search(text[max(s, e - 12) : e]):
                e -= 1
            # a single capitalised word opening the sentence may be any word ("Preceded by",
            # "Hastily", "What"): a name only if the article also capitalises it mid-sentence
            opener = k == 0 and j == 0
            if opener and low.endswith(("ed", "ing", "ly")):
                pass
            elif j == k and text[max(0, m.start() - 2) : m.start()] == ", " and _is_place(w):
                pass  # 'at a rally in Beaumont, Tex., Mr. Roe ...': a state, no subject
            elif not (possessive or prev in _PREPOSITIONS or prev in rules.determiners):
                # ``w not in _mid_capitals(text)``, read at the word's occurrences, not by a
                # scan of the whole article
                weak = opener and not _names_module()._mid_capital(text, w)
                noun_end = _noun_after_opener(text, tokens, words, k, rules) if weak else None
                if noun_end is not None:
                    # 'Partial transcript as follows:', 'Federal harbor unions have': the
                    # opener qualifies a lower-case noun, and the description is the subject
                    candidates.append((s, noun_end, "desc"))
                else:
                    candidates.append((s, e, "weak" if weak else "name"))
            k = j
        elif low in _DESC_START and (k == 0 or prev not in _PREPOSITIONS):
            # "the gambling tycoon told Reuters" - a description up to its verb
            j = k + 1
            while j < n and j <= k + 10:
                t = words[j]
                if text[tokens[j - 1].end() : tokens[j].start()].strip():
                    break  # punctuation ends the phrase
                if j > k + 1 and (
                    t in rules.cues or t in _IRREGULAR or (t.endswith("ed") and t.islower())
                ):  # (not 'the House Armed Services Committee': a name's word)
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


# Verbs that follow a subject ('have', 'can'), and words of place that end a lead-in
# ('transcript below:'): where a description after a sentence's capitalised opener ends.
_AUXILIARIES = frozenset(
    "has had have is are was were will would can could may might must should did does do".split()
)
_ASKED = frozenset("you they he she we".split())


def _asks(text: str, i: int) -> bool:
    """Does the sentence going on at ``i`` end with a question mark?

    >>> _asks("Do you think so? Yes.", 2), _asks("Do as you like. Why?", 2)
    (True, False)
    """
    m = _SENTENCE_END_RE.search(text, i)
    return m is not None and m.group(0) == "?"


_SENTENCE_END_RE = re.compile(r"[.?!\n]")
_LEAD_IN_ENDS = frozenset("below above here follows".split())
_WH_WORDS = frozenset("what when where why how which who whom whose if unless once".split())
_NOT_NOUNS = frozenset("who whom which that you we they it out up off down long until not".split())
_NOUN_WORD_RE = re.compile(r"[a-z][a-z\-]*")


def _verb_the_name(text: str, tokens, words, k: int) -> bool:
    """Does the capitalised common word ``words[k]`` open a name made of a slogan, 'the' and
    a capitalised word after it ('Save the Pier', 'Keep the Harbor Open')? A name inside a
    sentence, not a word opening it, and never a name's first name or surname.

    >>> t = "In May, Save the Pier I said so."
    >>> toks = list(_TOKEN_RE.finditer(t)); ws = [m.group(0) for m in toks]
    >>> _verb_the_name(t, toks, ws, 2), _verb_the_name(t, toks, ws, 0)
    (True, False)
    """
    if k + 2 >= len(words) or words[k + 1] != "the" or not words[k + 2][:1].isupper():
        return False
    if text[tokens[k].end() : tokens[k + 2].start()] != " the ":
        return False
    word, low = words[k], words[k].lower()
    if low in _PREPOSITIONS or low in _AUXILIARIES or low in _CONJ or low in _WH_WORDS:
        return False  # 'Like the Harbor Board, ...', 'Does the Board agree?'
    names = _names_module()
    if not word[1:].islower() or low not in names._easy_words():
        return False
    return not names._first_name(word) and names._fold(word) not in names._surnames()


def _noun_after_opener(text: str, tokens, words, k: int, rules: _Rules) -> int | None:
    """The end of the description a capitalised word opening a sentence starts, when it only
    qualifies the lower-case noun after it: up to three lower-case words, then an auxiliary,
    a cue or a past tense ('Nuclear safety experts have', 'Young fishermen were'), or a
    preposition or a colon ('Partial transcript as follows:'); None for a name before its verb
    ('Lee wants to', 'Lee eventually said'), a first name or surname, or an acronym.

    >>> from .cues import _rules
    >>> t = "Partial transcript as follows: Lee wants to go."
    >>> toks = list(_TOKEN_RE.finditer(t)); ws = [m.group(0) for m in toks]
    >>> t[: _noun_after_opener(t, toks, ws, 0, _rules())]
    'Partial transcript'
    >>> _noun_after_opener(t, toks, ws, 4, _rules()) is None
    True
    """
    word = words[k]
    if word.isupper() or not word[:1].isupper() or "'" in word or "’" in word:
        return None
    n = len(tokens)
    j = k + 1
    while j < n and j <= k + 3:
        t = words[j]
        if text[tokens[j - 1].end() : tokens[j].start()].strip():
            break  # punctuation ends the phrase
        if (
            _NOUN_WORD_RE.fullmatch(t) is None
            or t in _AUXILIARIES
            or t in _PREPOSITIONS
            or t in _CONJ
            or t in _LEAD_IN_ENDS
            or t in rules.cues
            or t in _IRREGULAR
            or t in rules.determiners
            or t in _NOT_NOUNS
            or t.endswith(("ed", "ly", "ing"))
        ):
            break
        j += 1
    if j == k + 1:
        return None  # no lower-case word after the opener
    end, last = tokens[j - 1].end(), words[j - 1]
    if j < n and not text[end : tokens[j].start()].strip():
        t = words[j]
        if t in _LEAD_IN_ENDS or t in ("as", "in"):
            # 'Partial transcript as follows:', 'Full transcript below:', a colon ending it
            colon = text.find(":", end, tokens[min(j + 1, n - 1)].end() + 1)
            if colon < 0 or "\n" in text[end:colon] or last.endswith("s"):
                return None
        elif not (
            (t in _AUXILIARIES or t in rules.cues or t in _IRREGULAR or t.endswith("ed"))
            and _names_module()._PLURAL_NOUN_RE.fullmatch(last)
        ):
            return None  # a plural noun before its verb: 'Court clerks said'
    elif not text[end:].lstrip().startswith(":") or last.endswith("s"):
        return None  # only a colon ends a lead-in ('Partial transcript:')
    if _names_module()._first_name(word):
        return None  # 'Ann' ... : a first name, however it opens the sentence
    return end


def _spaced(text: str, tokens, i: int) -> bool:
    """Only spaces between token ``i - 1`` and token ``i``?"""
    return not text[tokens[i - 1].end() : tokens[i].start()].strip()


def _role_then_name(text: str, tokens, j: int, rules: _Rules) -> int | None:
    """After a capitalised run ending at token ``j`` ('Democratic', 'Bayview News'), lower-case
    words ending in a person's role and a capitalised name ('front-runner Ann Lee', 'judicial
    analyst Al Roe'): the index of the name's last token, else None."""
    i = j + 1
    while i < len(tokens) and i - j <= 3 and tokens[i].group(0)[:1].islower():
        if not _spaced(text, tokens, i) or tokens[i].group(0).lower() in _NOT_ROLE_WORDS:
            return None
        i += 1
    if i == j + 1 or i >= len(tokens) or not _spaced(text, tokens, i):
        return None
    if tokens[i - 1].group(0).lower() not in rules.roles or not tokens[i].group(0)[:1].isupper():
        return None
    while (
        i + 1 < len(tokens)
        and tokens[i + 1].group(0)[:1].isupper()
        and _spaced(text, tokens, i + 1)
        and not _ends_sentence(tokens[i].group(0))
    ):
        i += 1
    return i


def _run_start(text: str, tokens, j: int) -> int:
    """The first token of the capitalised run ending at token ``j``."""
    i = j
    while i > 0 and tokens[i - 1].group(0)[:1].isupper() and _spaced(text, tokens, i):
        i -= 1
    return i


_CHUNK_BREAK_RE = re.compile(r"[,;:!?\"“”«»—–]")


@lru_cache(maxsize=1)
def _cue_joiners() -> frozenset[str]:
    """Words that join a cue from before it ('has', 'didn't', 'went on to'): no subject's."""
    lists = _lists()
    return lists["cue_before"] | lists["cue_before_to"] | lists["cue_before_on"]


@lru_cache(maxsize=1)
def _subject_skips() -> frozenset[str]:
    """Words between a subject and its cue, skipped to find the subject: the cue's own
    joiners and the adverbs, modals and negations of [subject_cue_gap] ('Smith could say')."""
    return _cue_joiners() | _between_subject_and_cue()


_WHOM_COUNTS = frozenset(
    "all both some many most none one two three four five six seven eight nine ten several few "
    "each either neither half".split()
)
_WHO_RE = re.compile(r"[Ww]ho(?:[’'](?:ve|d|s|ll))?")


def _subject_before(text: str, lo: int, cue_start: int, rules: _Rules):
    """The subject of a cue at ``cue_start``: the words right before it ('Smith also said'),
    or the words before an apposition ('Smith, a spokesman for the campaign, said')."""
    breaks = [m.start() for m in _CHUNK_BREAK_RE.finditer(text, lo, cue_start)]
    start = breaks[-1] + 1 if breaks else lo
    words = list(_WORD_SPAN_RE.finditer(text, start, cue_start))
    skips = _subject_skips()
    chained = False  # a word joined the cue through 'to': 'hard to say', 'went on to say'
    while words:
        w = text[words[-1].start() : words[-1].end()].lower().replace("’", "'")
        if w == "to" and not (len(words) > 1 and words[-2].group(0).lower() in skips):
            break  # 'asked the party to respond': the party is no speaker of 'respond'
        if w in rules.adverbs or w in skips:
            words.pop()  # 'Smith also said', 'Smith did not say', 'Smith has since said'
            chained = chained or w == "to"
            continue
        if (
            len(words) > 1
            and _MANNER_RE.fullmatch(words[-1].group(0))
            and text[words[-2].end() - 1].isalpha()
            and (
                text[words[-2].start()].isupper()
                or words[-2].group(0).lower().replace("’", "'") in skips
            )
        ):
            words.pop()  # 'Smith openly said' (not 'The family said': "The" is no subject)
            if words and words[-1].group(0).lower() in rules.determiners:
                return None
            continue
        if (
            len(words) == 1
            and breaks
            and text[breaks[-1]] == ","
            and _MANNER_RE.fullmatch(words[0].group(0))
            and _manner_word(words[0].group(0))
        ):
            words.pop()  # 'Lee, a pilot, fiercely opposed': the adverb is the cue's, no subject
        break
    if chained and words and words[-1].group(0).lower().replace("’", "'") in ("it", "it's"):
        return None  # "It's hard to say", "It seemed to say": an empty 'it' names nobody
    if words and _WHO_RE.fullmatch(words[-1].group(0)):
        # 'a senator who has refused to endorse him': the relative pronoun is the source
        return words[-1].start(), words[-1].start() + 3, "rel"
    if (
        len(words) >= 3
        and words[-1].group(0) == "whom"
        and words[-2].group(0) == "of"
        and words[-3].group(0).lower() in _WHOM_COUNTS
    ):
        # 'five superdelegates, two of whom have pledged ...': the part of them speaks
        return words[-3].start(), words[-1].end(), "desc"
    if words:
        # 'Ann Lee (D-Ohio) said': the party and state are no part of the name
        end = _before_party_tag(text, words[0].start(), words[-1].end())
        # None for '... and said' (the last word is a conjunction): the sentence's subject
        return _cut_subject(text, words[max(0, len(words) - 8)].start(), end, rules, True)
    if not breaks or text[breaks[-1]] != ",":
        return None
    if text[lo : breaks[-1]].rstrip().endswith(")"):
        # 'Sen. Ann Lee (D-Ohio), said': a comma after the party tag closes nothing
        s = breaks[-2] + 1 if len(breaks) >= 2 else lo
        words = list(_WORD_SPAN_RE.finditer(text, s, breaks[-1]))
        if words and words[0].group(0)[:1].isupper():
            end = _before_party_tag(text, words[0].start(), words[-1].end())
            found = _cut_subject(text, words[max(0, len(words) - 8)].start(), end, rules, True)
            if found is not None:
                return found
    # ', said' closes an apposition: find where it opens ('Smith, who ..., said')
    commas = [i for i, b in enumerate(breaks[:-1]) if text[b] == ","][-5:]
    if not commas:
        return None

    def first_word(i: int) -> str:
        first = _WORD_SPAN_RE.search(text, breaks[i] + 1, breaks[i + 1])
        return first.group(0).lower().strip("()") if first else ""

    def opens_apposition(i: int) -> bool:
        w = first_word(i)
        return (
            w in _APPOSITION_OPENERS
            or w in rules.roles
            or w[-3:] in ("ing", "ed")
            or w[:1].isdigit()
            or _PARTY_WORD_RE.fullmatch(w) is not None  # 'Ann Lee, R-Ohio, a ...'
            # the state after a town: 'Ann Lee, of Berea, Ohio, who ...'
            or (i > 0 and i - 1 in commas and first_word(i - 1) in ("of", "from", "in"))
        )

    chosen = commas[0]
    for i in reversed(commas):
        if opens_apposition(i):
            chosen = i
            # 'Jill Chase, 27, a nurse, said': an apposition may follow another one
            while chosen - 1 in commas and opens_apposition(chosen - 1):
                chosen -= 1
            break
    s = breaks[chosen - 1] + 1 if chosen > 0 else lo
    words = list(_WORD_SPAN_RE.finditer(text, s, breaks[chosen]))
    if not words or words[0].group(0).lower() in _CONJ and len(words) == 1:
        return None
    end = _before_party_tag(text, words[0].start(), breaks[chosen])
    found = _cut_subject(text, words[max(0, len(words) - 8)].start(), end, rules, True)
    if (
        found is None or found[2] == "desc" or _served_by_role(text, found, words[0].start(), rules)
    ) and (len(breaks) >= 2 and text[breaks[-2]] == ","):
        # 'Another ally, Agriculture Secretary Tom Vilsack, told', "Lee's lawyer, Al Roe, said",
        # 'The mayor of Bayview, Al Roe, said': the name is in apposition
        inner = list(_WORD_SPAN_RE.finditer(text, breaks[-2] + 1, breaks[-1]))
        if inner and inner[0].group(0)[:1].isupper():
            found = _cut_subject(
                text, inner[max(0, len(inner) - 8)].start(), breaks[-1], rules, True
            )
    return found


_ROLE_SERVES_RE = re.compile(r"([A-Za-z][\w\-]*)[^\S\n]+([a-z]+)[^\S\n]+(?:the[^\S\n]+)?$")


def _served_by_role(text: str, found, lo: int, rules: _Rules) -> bool:
    """Is the name ``found`` (a mention) what a role right before it serves: 'The mayor of
    Bayview', 'A lawyer for Tom Roe' ([role_of_prepositions] of quote_sources.txt)? The
    person is then the name in apposition after it, if any.

    >>> from newslib.quotes.cues import _rules
    >>> t = "The mayor of Bayview, Al Roe, said"
    >>> _served_by_role(t, (13, 20, "name"), 0, _rules())
    True
    """
    if found is None or found[2] != "name":
        return False
    m = _ROLE_SERVES_RE.search(text, max(lo, found[0] - 40), found[0])
    if m is None or m.group(1).lower() not in rules.roles:
        return False
    return m.group(2) in _sections("quote_sources.txt", lower=False)["role_of_prepositions"]


_PUT_OUT = frozenset(("out", "put", "signed", "shared", "started"))


def _subject_not_document(text: str, lo: int, mention, rules: _Rules):
    """'Lee issued a statement saying ...', 'the campaign sent out an email saying ...': the
    document is the object of the sentence's verb ([document_verbs]); its subject speaks (the
    subject found in text[lo:], else the document)."""
    words = list(_WORD_SPAN_RE.finditer(text, mention[0], mention[1]))
    if mention[2] != "desc" or not words or words[0].group(0).lower() not in ("a", "an"):
        return mention
    head = words[-1].group(0).lower()
    if head not in rules.sources and not (head[-1:] == "s" and head[:-1] in rules.sources):
        return mention
    before = list(_WORD_SPAN_RE.finditer(text, max(lo, mention[0] - 30), mention[0]))
    verb = before[-1].group(0).lower() if before else ""
    if verb not in _lists()["document_verbs"] and verb not in _PUT_OUT:
        return mention
    verb_at = before[-1].start()
    if verb in ("out", "up") and len(before) > 1:
        verb_at = before[-2].start()  # 'put out', 'sent out'
    return (
        _sentence_subject(text, lo, before[-1].start(), rules, (), None)
        or _possessed_subject(text, lo, verb_at)
        or mention
    )


# an owner and its noun right before the verb, opening the clause: 'His office put out',
# "Lee's campaign sent out"
_POSSESSED_RE = re.compile(
    r"\b((?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w-]*['’]s?)(?:[^\S\n]+[a-z][\w-]*){1,2})"
    r"[^\S\n]+$"
)


def _possessed_subject(text: str, lo: int, verb_at: int):
    """The subject 'his office' or "Lee's campaign" ending right before ``verb_at`` and opening
    its clause (at ``lo`` or after a comma, a colon or a semicolon), as a description mention;
    else None.

    >>> t = "Late on Monday, Lee's campaign put out a statement saying so."
    >>> s, e, kind = _possessed_subject(t, 0, t.index("put"))
    >>> t[s:e], kind
    ("Lee's campaign", 'desc')
    >>> _possessed_subject(t, 0, t.index("statement")) is None
    True
    """
    m = _POSSESSED_RE.search(text, max(lo, verb_at - 60), verb_at)
    if m is None or text[lo : m.start(1)].rstrip()[-1:] not in ("", ",", ";", ":"):
        return None
    return m.start(1), m.end(1), "desc"


# an owner and up to two words of its noun opening a sentence ("Lee's campaign", 'His aides'),
# the words after them up to the verb's
_POSSESSED_OPENER_RE = re.compile(
    r"(?:[A-Z][\w-]*['’]s?|His|Her|Their|Its)((?:[^\S\n]+[a-z][\w-]*){2,4})"
)
_FINITE_HELPERS = frozenset("has had have is was were are will would did does".split())
_VERB_ADVERBS = frozenset("also then later quickly again once first".split())


def _possessed_opener(text: str, ss: int, hi: int, rules: _Rules):
    """The subject that an owner and its noun make at the start of the sentence at ``ss``,
    before a verb that ends in '-ed', is irregular ([_IRREGULAR]), a cue or a helper ('Lee's
    campaign also went on the offensive, ...'), as a description mention; else None.

    >>> from newslib.quotes.cues import _rules
    >>> t = "Lee's campaign also went on the offensive, tweeting a video."
    >>> s, e, kind = _possessed_opener(t, 0, t.index("tweeting"), _rules())
    >>> t[s:e], kind
    ("Lee's campaign", 'desc')
    >>> _possessed_opener("His long speech on trade, saying", 0, 28, _rules()) is None
    True
    """
    m = _POSSESSED_OPENER_RE.match(text, ss, hi)
    if m is None:
        return None
    words = list(_WORD_SPAN_RE.finditer(text, m.start(1), m.end(1)))
    for k in (1, 2):
        for w in words[k : k + 2]:
            low = w.group(0).lower()
            if low in _VERB_ADVERBS:
                continue
            if (
                low.endswith("ed")
                or low in _IRREGULAR
                or low in rules.cues
                or (low in _FINITE_HELPERS)
            ):
                return ss, words[k - 1].end(), "desc"
            break
    return None


@lru_cache(maxsize=1)
def _between_subject_and_cue() -> frozenset[str]:
    """Words between a subject and its cue: adverbs and the auxiliaries a cue span takes in
    ('has since said')."""
    lists = _lists()
    return lists["adverbs"] | lists["cue_before"] | lists["subject_cue_gap"]


# A manner adverb: 'openly', 'effusively' (lower case, at least five letters, ending in -ly).
_MANNER_RE = re.compile(r"[a-z]{3,}ly")


def _manner_word(word: str) -> bool:
    """Is ``word`` (one matching ``_MANNER_RE``) an adverb that joins a cue: no word of
    [not_adverbs] ('only') or [hearsay_adverbs] ('reportedly')?

    >>> _manner_word("fiercely"), _manner_word("reportedly")
    (True, False)
    """
    lists = _lists()
    return word not in lists["not_adverbs"] and word not in lists["hearsay_adverbs"]


# A name after a dash, right before a colon: 'A HEADLINE - Ann B. Lee: "...'.
_NAME_BEFORE_COLON_RE = re.compile(rf"[^\S\n](?:-|—|–)[^\S\n]+(?P<name>{_NAME})[^\S\n]*:[^\S\n]*$")


# A party and state tag after a name: '(R)', '(D-Ohio)', '(I-VT)', '(R-Wis.)'.
_PARTY_TAG_RE = re.compile(r"\s*\((?:[DRI]|Dem|Rep|Ind)(?:[-–][A-Z][\w.]*\.?)?\)\s*$")


def _before_party_tag(text: str, lo: int, end: int) -> int:
    """``end``, or where a party tag right before it starts ('Ann Lee (D-Ohio)')."""
    m = _PARTY_TAG_RE.search(text, max(lo, end - 16), end)
    return m.start() if m else end


_PARTY_WORD_RE = re.compile(r"[dri]-[a-z][a-z.]*")
_APPOSITION_OPENERS = frozenset(
    "who which whose a an the then now also both including like as once formerly former "
    "its his her their one whom of from".split()
)


_VERB_AFTER_SUBJECT_RE = re.compile(r"[^\S\n]+([a-z]{3,})[^\S\n]*:")


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
    if text[lo:hi].rstrip().endswith(":"):
        # 'A HEADLINE - Ann B. Lee: "...', 'Voters agree - Al Roe: "...': the name the colon
        # hands over to
        m = _NAME_BEFORE_COLON_RE.search(text, max(lo, hi - 80), hi)
        if m is not None and not m.group("name").isupper():
            return (m.start("name"), m.end("name"), "name"), None, None
    if best is None:
        if text[lo:hi].rstrip().endswith(":"):
            # 'Politico reveals a few relevant facts: "...'
            cut = _sentence_subject(text, sentence_lo, hi, rules, masked)
            if cut:
                # 'Dr. Ward notes: "...': the verb after the subject is the cue
                m = _VERB_AFTER_SUBJECT_RE.match(text, cut[1], hi)
                if (
                    m is not None
                    and m.group(1).lower() not in rules.stop_caps
                    and m.group(1).lower() not in _LEAD_IN_ENDS  # 'transcript below:'
                ):
                    return cut, m.group(1).lower(), m.span(1)
                return cut, None, None
        return None
    cue = text[best.start() : best.end()].lower()
    if cue.startswith("according"):
        return _according_to(text, best.start(), hi, rules)
    before = text[lo : best.start()].rstrip()
    participle = cue.endswith("ing") and (before.endswith(",") or not before)
    if not participle:
        cut = _subject_before(text, max(lo, best.start() - 250), best.start(), rules)
        if cut and cue.endswith("ing"):
            cut = _subject_not_document(text, sentence_lo, cut, rules)
        if cut:
            return cut, cue, best.span()
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
                return cut, cue, best.span()
    # '..., saying "...' / '... and called it "...': the subject of the sentence
    cut = _sentence_subject(
        text, sentence_lo, best.start(), rules, masked, None if participle else best.start()
    )
    if cut:
        return cut, cue, best.span()
    return None
