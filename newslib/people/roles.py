"""A named source's role: :func:`_role_of` reads the descriptor in its mention, an apposition
("Ann Lee, a spokesman for the board") or the words before the name ("Harbor Board chair Ann
Lee"), and refuses clauses, party tags, ages, hometowns ("Ann Lee, 45, of Bayview"; "of the Harbor
Board" is an affiliation, the role "Harbor Board"), other speakers and sentence openers. Called by
:mod:`newslib.people.facts`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .names import _HONORIFICS, _fold, _lists
from .speaker_types import _PRONOUNS

# An apposition starting so is a clause or an adjunct, not a role: "Ann Lee, who ...", a
# hometown ("Ann Lee, of Bayview"; "of" an organisation is an affiliation: :func:`_affiliation`).
_NOT_ROLE = re.compile(
    r"(?:who|whom|whose|which|that|of|in|on|at|for|with|to|from|by|during|after|before|as|when|"
    r"while|and|but|said|says|told|added|has|had|is|was|speaking|according)\b",
    re.I,
)
# Nor is one opening with a subject pronoun, a contraction of one, another person's name with an
# honorific or "about" ("Roe, it's clear,", "Lee, Mr. Roe said,", "Voss, about 200 people"):
# a clause. Case-sensitive: "IT professional" is a role.
_CLAUSE_START = re.compile(
    r"(?:(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou|[Tt]here|[Aa]bout)(?![\w-])"
    r"|(?:Mr|Mrs|Ms)\.?\s+[A-Z][\w-]*(?![\w'’-]))"  # "Mr. Roe said", not "Mr. Roe's aide"
)
# An age in apposition ("Tom Roe, 54, said"): no role.
_AGE = re.compile(r"\d{1,3}")
# Words joining names: what stands before them is another speaker, not a role ("Lee and").
_COORDINATORS = frozenset(("and", "or", "nor", "&"))
# A phrase before a name ending so holds the name as its object, it is no role of the name.
_ROLE_LAST_NOT = frozenset("of for at in from with by on to like who".split())
# A party and state tag ("D-Ohio", "R", "I-Vt."): no role.
_PARTY = re.compile(r"(?:[DRI]|Dem|Rep|Ind)\.?(?:[-–][A-Z][\w.]*)?")


def _role_of(mention, speaker) -> str | None:
    """The descriptor in a named source's mention: its apposition ("..., a spokesman for X")
    or, failing that, the words before the name ("Republican presidential nominee"); None
    for a clause ("..., who said") or when there is none."""
    if not isinstance(mention, str) or not isinstance(speaker, str) or not speaker.split():
        return None
    text = " ".join(mention.split())
    first, last = speaker.split()[0], speaker.split()[-1]
    at = text.rfind(last)
    if at < 0:
        return None
    rest = text[at + len(last) :]
    if rest.startswith((",", " (")):
        pieces = rest.lstrip(" ,(").split(",")
        if _AGE.fullmatch(pieces[0].strip(" );")):
            pieces = pieces[1:]  # "Tom Roe, 54, a fisher": the age is no role, what follows is
        apposition = pieces[0].strip(" );") if pieces else ""
        words = apposition.split()
        if words and words[0].lower() == "of":
            affiliation = _affiliation(words[1:])
            if affiliation:
                return affiliation
        if (
            words
            and len(words) <= 10
            and not _NOT_ROLE.match(apposition)
            and not _CLAUSE_START.match(apposition)
            and not _PARTY.fullmatch(apposition)
        ):
            return _without_determiner(apposition)
    before = text[:at].split()
    if first in before:
        before = before[: before.index(first)]
    words = [w for w in before if _fold(w) not in _HONORIFICS]
    joined = [k for k, w in enumerate(words) if _fold(w) in _COORDINATORS]
    if joined and not any(w[:1].isupper() for w in words[joined[-1] + 1 :]):
        # "Lee and Al Roe", "Lee and campaign manager Al Roe": the other names no role; a title
        # in capitals runs over its "and" ("Health and Human Services Secretary Ann Lee")
        words = words[joined[-1] + 1 :]
    openers = _sentence_openers()
    while words and _fold(words[0].strip(",.;:")) in openers:  # "Meanwhile, Trump": no role
        words = words[1:]
    if not words or len(words) > 6 or _fold(words[0]) in _PRONOUNS:
        return None
    if _fold(words[-1]) in _ROLE_LAST_NOT:
        return None  # "Supporters of Ann Lee": the name is the object, the phrase no role
    return _without_determiner(" ".join(words).strip(" ,"))


def _affiliation(words: list[str]) -> str | None:
    """The organisation an "of" apposition names ("Ann Lee, of the Harbor Board"), without
    its determiner; None for a place ("of Bayview", "of North Bayview"): a hometown is no role.
    An organisation is "the" and a phrase with an organisation's noun in it ("the state health
    department", "the Department of Health"), or a name ending in one ("Bayview University").

    >>> _affiliation("the Harbor Board".split()), _affiliation("North Bayview".split())
    ('Harbor Board', None)
    """
    if not words or len(words) > 8:
        return None
    nouns = _organisation_nouns()
    folded = [_fold(w.strip("'’")) for w in words]
    if folded[0] == "the":
        found = any(w in nouns for w in folded[1:])
    else:
        found = folded[-1] in nouns
    return _without_determiner(" ".join(words)) if found else None


@lru_cache(maxsize=1)
def _organisation_nouns() -> frozenset[str]:
    """Nouns that make a phrase an organisation's (``[organization_words]`` and
    ``[organization_heads]`` of ``speaker_types.txt``)."""
    lists = _lists()
    return lists["organization_words"] | lists["organization_heads"]


@lru_cache(maxsize=1)
def _sentence_openers() -> frozenset[str]:
    """Capitalised words that start sentences, never a role ("Meanwhile", "But", "When")."""
    from ..quotes.cues import _rules

    return _rules().stop_caps - {"mr", "mrs", "ms", "dr", "sen", "rep", "gov"}


def _without_determiner(phrase: str) -> str | None:
    return re.sub(r"^(?:a|an|the)\s+", "", phrase, flags=re.I).strip() or None
