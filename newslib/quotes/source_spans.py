"""Source spans: the whole phrase that names who speaks, as news annotation reads it.

The mention ("Lee", "the officer", "he") widens to the span around it: the title or role before
it (``sources``), an apposition after it ("Ann Lee, a nurse at the clinic, said" / "said Ann
Lee, a nurse at the clinic."); pronouns stay. This module holds the pass over one article's
pieces (``_source_spans``, ``_trim_mentions``; ``article`` calls them), the span of one mention
(``_source_span``) and where a span ends: party tags, a document's tail; where an apposition
ends is told by ``appositions``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .appositions import (
    _APPOSITION_RE,
    _RELATIVE_AFTER_RE,
    _RELATIVE_WORDS,
    _apposition_length,
    _is_apposition,
    _open_relative,
    _with_apposition,
)
from .attribution import _PARTICLES
from .clauses import _FINITE
from .cues import _lists, _Rules
from .fill import (
    _BE_WORDS,
    _DAY_NAMES,
    _SUBJECT_PRONOUNS,
    _fill_mentions,
    _with_left_conjuncts,
    _with_list_items,
)
from .marks import _Quote
from .names import _TITLE_WORDS
from .sentences import _ABBREV_RE, _sentence_starts
from .sources import (
    _CLAUSE_OPENERS,
    _HEAD_PREPOSITIONS,
    _MENTION_WORD_RE,
    _NUMBER_WORDS,
    _PARTICIPLES,
    _SUBJECT_GAP_RE,
    _WORDS,
    _is_plural_noun,
    _names_speakers,
    _phrase_end,
    _skip,
    _with_amount,
    _with_bare_modifier,
    _with_conjunct,
    _with_determiner,
    _with_epithet,
    _with_head,
    _with_list,
    _with_role_before,
    _with_slash_names,
    _with_title,
    _word_before,
)
from .subjects import _sentence_subject

_PARENTHESIS_RE = re.compile(r"[^\S\n]*\([^()\n]{1,40}\)")
_PARTY_TAG_RE = re.compile(r"\([RDI]-?[^()\n]{0,20}\)")


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
        kind = q.mention_kind
        if kind == "name" and _names_speakers(text[q.mention[0] : q.mention[1]].lower(), rules):
            kind = "desc"  # 'Residents were told': a plural noun opening the sentence
        if q.kind != "direct" and _passive_ask(text, q.cue_span, kind):
            q.mention = q.source_span = None  # 'Lee was asked to ...': Lee listens, no source
            continue
        key = (q.mention, q.cue_span)
        if key not in done:
            # content after the source ('According to Lee, the school ...') is no apposition;
            # a piece of an earlier subject whose cue is no speech verb does not end it ('said
            # Lee, the only senator to back Roe.' with 'to back' read as a cue of 'We')
            i = bisect_left(starts, q.mention[1])
            while i < len(pieces) and (
                q.mention[1] <= pieces[i][1] < pieces[i][0]
                or (0 <= pieces[i][1] < q.mention[0] and not pieces[i][2])
            ):
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
        if q.kind != "direct" and q.cue_span is not None and q.cue_span[0] >= q.mention[1]:
            # 'the senator who made enemies and bragged about ...': the cue is the relative
            # clause's, its source the relative word (a direct quotation keeps the phrase: on
            # unseen, one speaker judged by its overlap with the gold source went wrong)
            m = _ENDS_RELATIVE_RE.search(text, *q.mention)
            if m is not None:
                q.source_span = (m.start(1), q.mention[1])
        if q.mention_kind == "pron" and q.kind != "direct":
            owner = _owner_subject(text, q, rules)
            if owner is not None:
                q.source_span = owner  # 'Lee stepped up his attacks on Roe': Lee (speaker kept)
        if _dangles(text, q.source_span):
            if not _dangles(text, q.mention):
                q.source_span = q.mention  # 'Al Roe, who backed Lee and': the mention alone
            elif q.kind != "direct":
                q.mention = q.source_span = None  # 'a fixture of the rallies as the': none


# the possessive pronoun of a noun cue and the subject pronoun that owns it
_OWNER_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
# the word before the possessive that keeps it its own source: a preposition or a joiner
# ('in his attacks on', 'and his claim that')
_OWNER_KEEPERS = frozenset(
    "to of from by with for in on at about against than as into over under after before "
    "between among toward towards behind during like via per despite amid and or but that "
    "which who whom whose is was are were be been being since because while when if until "
    "unless though although whether".split()
)


def _owner_subject(text: str, q: _Quote, rules: _Rules) -> tuple[int, int] | None:
    """The source span of the subject that owns a noun cue's possessive source when the noun
    phrase is the object of the subject's verb ('Lee stepped up her attacks on Roe', 'He
    continued his assault on the plan': 'Lee', 'He'); None when the possessive stays the
    source ('in his attacks on', 'and his claim', a pronoun of another person or number).

    >>> from newslib.quotes.marks import _Quote
    >>> from newslib.quotes.cues import _rules
    >>> t = "Ann Lee on Monday stepped up her attacks on the board."
    >>> h, a = t.index("her"), t.index("attacks")
    >>> q = _Quote(a + 11, len(t) - 1, 0, 0, 0, 0, len(t), 0, [], "indirect", (h, h + 3), "pron")
    >>> q.cue_span = (a, a + 10)
    >>> t[slice(*_owner_subject(t, q, _rules()))]
    'Ann Lee'
    >>> t = "Ann Lee was blunt in her attacks on the board."
    >>> h, a = t.index("her"), t.index("attacks")
    >>> q.mention, q.cue_span = (h, h + 3), (a, a + 10)
    >>> _owner_subject(t, q, _rules()) is None
    True
    """
    s, e = q.mention
    if q.cue_span is None or q.cue_span[0] != _skip(text, e):
        return None  # the noun cue right after the possessive
    subject_pronoun = _OWNER_PRONOUNS.get(text[s:e].lower())
    verb = _word_before(text, s, 30, chars="")
    if subject_pronoun is None or verb is None:
        return None
    if not verb[1].isalpha() or not verb[1].islower() or verb[1] in _OWNER_KEEPERS:
        return None
    if verb[1].endswith("ly"):
        return None  # an adverb: 'specifically her decision to ...'
    verb_end = verb[0] + len(verb[1])
    if text[verb_end:s].strip():
        return None  # a comma or a mark between the verb and the possessive
    to = _word_before(text, verb[0], 8, chars="")
    if to is not None and to[1].lower() == "to":
        return None  # 'she needs to temper her attacks on': the infinitive keeps it
    starts = _sentence_starts(text, q.para_lo, q.para_hi)
    lo = starts[bisect_right(starts, s) - 1] if starts and starts[0] <= s else q.para_lo
    subject = _sentence_subject(text, lo, verb_end, rules, (), None)
    if subject is None:
        return None
    word = text[subject[0] : subject[1]].lower()
    if subject[2] == "pron" and word != subject_pronoun:
        return None  # 'she says his attacks', 'they ... his'
    if subject[2] != "pron" and subject_pronoun == "they":
        return None  # a name owns 'his' or 'her'; plural owners are rarer and vaguer
    if subject[2] == "desc" and word.split()[-1] not in rules.roles:
        return None  # 'The board debated her call': a body is no 'he' or 'she'
    if _is_plural_noun(word.split()[-1]):
        return None  # 'Voters cheered her decision': many are no 'he' or 'she'
    if "," in text[subject[1] : verb[0]] and subject[2] == "pron":
        return None
    span = _source_span(text, subject[:2], subject[2], q.cue_span, q.cue_span[0], rules, set())
    return span if span[1] <= verb[0] else None


def _passive_ask(text: str, cue_span, kind: str = "desc") -> bool:
    """Is the cue a passive 'asked' or 'told' ('was asked', 'has been asked', 'were also
    asked', 'was asked about', 'were told', 'was assured': [passive_listener_verbs]) with no
    'by' after it: its subject is who was asked or told, not who speaks? A name or a pronoun
    (``kind`` 'name' or 'pron') told something often passes it on ('Lee was told that ...'):
    only 'asked' drops it.

    >>> _passive_ask("Lee was asked to go.", (4, 13)), _passive_ask("Lee asked to go.", (4, 9))
    (True, False)
    >>> _passive_ask("Lee was asked about it.", (4, 19))
    True
    >>> _passive_ask("We were told it was safe.", (3, 12))
    True
    """
    if cue_span is None:
        return False
    cue = text[cue_span[0] : cue_span[1]]
    if cue.isalpha():
        return False  # one word ('said', the usual cue): no 'was' before the verb
    words = cue.lower().split()
    if words[-1:] == ["about"]:
        words = words[:-1]  # 'Lee was asked about the pier'
    if (
        len(words) < 2
        or words[-1] not in _lists()["passive_listener_verbs"]
        or (words[-1] != "asked" and kind != "desc")
        or not any(w in _BE_WORDS for w in words[:-1])
    ):
        return False
    return not text[cue_span[1] : cue_span[1] + 4].split()[:1] == ["by"]


_DANGLING = _WORDS["dangling_ends"]
_RELATIVE_CLAUSE_ENDS = _WORDS["relative_clause_ends"]


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


_ENDS_RELATIVE_RE = re.compile(r"[^\S\n]+(who|which)$")


def _source_span(text, mention, kind, cue_span, limit, rules, speakers) -> tuple[int, int]:
    s, e = mention
    if text[s:e].lower() == "one":
        b = _word_before(text, s, 6, chars="")
        if b is not None and b[1].lower() in _WORDS["one_negators"]:
            s = b[0]  # 'no one knows', 'No one said'
    if kind != "rel" and cue_span is not None and cue_span[0] >= e:
        e = _with_conjunct_after(text, e, cue_span[0], rules)  # 'she and her aides said'
    e = _pronoun_end(text, s, e)
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
    if s == s0 and cue_span is not None and cue_span[0] >= e:
        s = _with_bare_modifier(text, s, e, rules)  # 'For months, mainstream Republicans hoped'
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
            if not closed and (rel := _open_relative(text, e, m.group(0))) is not None:
                return rel  # 'Lee, who has long said': the cue is the clause's, its source 'who'
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


_PRONOUN_VERB_RE = re.compile(r"(?i:he|she|they|we|i|it)[^\S\n]+([a-z][a-z’']*)\b")
_PRONOUN_FOLLOWERS = frozenset(
    "and or all both each alone too themselves himself herself itself myself ourselves".split()
)


def _pronoun_end(text: str, s: int, e: int) -> int:
    """Where a pronoun mention ends: the predicate words after a subject pronoun are not part
    of it ('he sounded a nostalgic' -> 'he'), its conjuncts and quantifiers are ('they all',
    'she and her aides').

    >>> t = "he sounded a nostalgic note; they all left"
    >>> t[: _pronoun_end(t, 0, 22)], t[29 : _pronoun_end(t, 29, 37)]
    ('he', 'they all')
    """
    m = _PRONOUN_VERB_RE.match(text, s, e)
    if m is None or m.group(1).lower() in _PRONOUN_FOLLOWERS:
        return e
    return s + len(text[s : m.start(1)].rstrip())


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


def _after_relative(text: str, s: int, e: int, rules: _Rules) -> int:
    """Move ``s`` past the noun a relative clause hangs on when the clause's own subject is the
    speaker: 'the limit that economists consider ...', 'a bill that critics called ...',
    'an administration that they view as ...'."""
    if text[s:e].isalpha():
        return s  # one word ('Lee', the usual mention): no relative word with words after it
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
