"""Word lists and the patterns built from them.

The lists (speech cues, adverbs, pronouns, determiners, person roles, sources, capitalised
words that are no names) are read from ``newslib/data/quote_cues.txt``; :func:`_rules` turns
them into the regular expressions that find a speaker around a quotation. ``_NAME`` and
friends are the building blocks of a capitalised name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..people.names import _lists as _people_lists


def _sections(file_name: str, *, lower: bool, phrases: bool = False) -> dict[str, frozenset[str]]:
    """The word lists of ``newslib/data/<file_name>`` by ``[section]``, ``#`` comments left out;
    words lower-cased when ``lower``, else as written; with ``phrases``, each line is one entry
    ('so called'), not the words on it.

    >>> sorted(_sections("quote_cues.txt", lower=True)["pronouns"])[:3]
    ['he', 'i', 'it']
    >>> "so called" in _sections("scare_leads.txt", lower=False, phrases=True)["leads"]
    True
    """
    sections: dict[str, set[str]] = {}
    current = None
    raw = resources.files("newslib").joinpath(f"data/{file_name}").read_text("utf-8")
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is not None:
            line = line.lower() if lower else line
            current.update([line] if phrases else line.split())
    return {name: frozenset(words) for name, words in sections.items()}


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    return _sections("quote_cues.txt", lower=True)


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


def _trie(words) -> str:
    """An alternation of ``words`` as a trie, one branch per next character
    ('s(?:a(?:id|ys?))' for 'said', 'say', 'says'): the engine tests each character once
    instead of every word's. Its branches are in no particular order, so use it only where
    what follows decides the match (a ``\b``): it tells whether one of the words stands
    there, not which one a flat alternation would pick.

    >>> re.fullmatch(rf"(?:{_trie(['said', 'say', 'says'])})", "says") is not None
    True
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        alts = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here and longer ones go on
            return body + "?" if len(alts) == 1 and len(alts[0]) == 1 else f"(?:{body})?"
        return body

    return branch(tree)


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
# A nickname in marks between a first name and a surname: 'Tom "Tiny" Roe', 'Ann "Big Red" Lee'
# (one to three capitalised words, a capital after it); ``names._name_of`` leaves it out of the
# name.
_NICKNAME_WORDS = r"[\"“][A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+){0,2}[\"”]"
_NICKNAME = rf"{_NICKNAME_WORDS}(?=[^\S\n]+[A-Z])"
# A generational suffix after a comma: 'Tom Roe, Jr.', 'Ann Lee, III' (``[name_suffixes]`` of
# ``newslib/data/speaker_types.txt``, capitalised, after a word ending in a small letter: not
# 'Phase I, II'); part of the name, no apposition.
_SUFFIX_WORDS = rf"(?=[A-Z])(?i:{_alternation(_people_lists()['name_suffixes'])})\.?(?![\w’'\-])"
_COMMA_SUFFIX = rf"(?<=[a-z]),[^\S\n]+{_SUFFIX_WORDS}"
_NAME = (
    rf"{_CAP}(?:[^\S\n]+(?:{_CAP}|(?:de|da|di|van|von|der|den|la|le|al|bin|ibn|del|du|dos)\b"
    rf"|{_NICKNAME}))*(?:{_COMMA_SUFFIX})?"
)
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
    quoted_name = r"[“\"][A-Z][\w’'\-]*[”\"]"  # 'the Center “Dossier”': a one-word name in marks
    # A subject right after a closing mark: anything up to eight words (no punctuation but an
    # apostrophe or hyphen), then optional ", apposition," and the cue.  The subject is cut
    # into a mention afterwards.
    after = (
        rf"[^\S\n]*(?:{_DASH}[^\S\n]*)?(?P<subj>{word}(?:[^\S\n]+(?:{word}|{_NICKNAME})){{0,7}}?)"
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
        rf"(?:[^\S\n]+(?:{word}|{quoted_name})){{0,5}}|(?:{_NAME}[^\S\n]+)?(?:[a-z][\w\-]*[^\S\n]+){{0,5}}{_NAME}"
        # 'said former Lee adviser Al Roe': a role, then the name it points to
        rf"(?:[^\S\n]+(?:[a-z][\w\-]*[^\S\n]+){{1,3}}{_NAME})?)"
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
