"""Gender as the articles refer to a person: the votes one mention gives (:func:`_gender_votes`:
an honorific, a resolved he / she) and the gender a person's summed votes give
(:func:`_gender_of`, :func:`_gender_from`, :func:`_genders`: three quarters of the weight).
Read by :mod:`newslib.people.facts` (votes), ``resolve`` (a bare surname's gender) and ``table``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .names import _HONORIFICS

GENDERS = ("female", "male", "unknown")
_MALE = frozenset(("he", "him", "his", "mr", "mr."))
_FEMALE = frozenset(("she", "her", "mrs", "mrs.", "ms", "ms.", "miss"))


def _gender_votes(mention, speaker=None) -> int:
    """+2 / -2 for an honorific starting the mention (before the ``speaker``'s name, when one
    is given), +1 / -1 for he / she, else 0.

    >>> _gender_votes("Mr. Lee"), _gender_votes("Mr. Lee and Ann Roe", "Ann Roe")
    (2, 0)
    """
    if not isinstance(mention, str):
        return 0
    words = mention.split(None, 4)
    first = words[0].lower() if words else ""
    for w in words[1:4]:
        if not w[:1].isupper():
            break
        if w.endswith(("'s", "’s", "s'", "s’")):
            return 0  # "Mr. Lee's campaign chairman, Al Roe": the honorific is Lee's
    if isinstance(speaker, str) and len(words) > 1 and first.rstrip(".") in _HONORIFICS:
        if words[1].strip(",;:") not in speaker.split():
            return 0  # "Mr. Lee and Ann Roe": the honorific is Lee's, not Ann Roe's
    if first in ("mr.", "mr"):
        return 2
    if first in ("mrs.", "mrs", "ms.", "ms", "miss"):
        return -2
    if first in ("he", "him"):
        return 1
    if first in ("she", "her"):
        return -1
    return 0


def _gender_of(votes) -> str:
    """female, male or unknown from gender votes (see :func:`_gender_votes`)."""
    male = sum(v for v in votes if v > 0)
    female = -sum(v for v in votes if v < 0)
    # _gender_from's rule on two numbers, without making arrays (called once per group)
    if male + female == 0:
        return "unknown"
    return "male" if male >= 3 * female else "female" if female >= 3 * male else "unknown"


def _gender_from(male: np.ndarray, female: np.ndarray) -> np.ndarray:
    """female, male or unknown from the summed votes of each side: the side with at least
    three quarters of the weight; unknown without votes."""
    return np.where(
        male + female == 0,
        "unknown",
        np.where(male >= 3 * female, "male", np.where(female >= 3 * male, "female", "unknown")),
    )


def _genders(
    keys: np.ndarray, votes: np.ndarray, numbered: tuple[np.ndarray, np.ndarray] | None = None
) -> dict[str, str]:
    """Each key's gender (:func:`_gender_of` of all its rows' votes), in one grouped sum.
    ``numbered``: ``pd.factorize(keys, use_na_sentinel=False)``, when already worked out.

    Example:
        >>> _genders(np.array(["a", "b", "a"], dtype=object), np.array([1, -1, 0]))
        {'a': 'male', 'b': 'female'}
    """
    # numbered keys and summed numbers, not a grouped frame: pandas 3 would copy the keys into
    # an Arrow column and the dict would read them back one by one
    if numbered is None:
        numbered = pd.factorize(np.asarray(keys, dtype=object), use_na_sentinel=False)
    codes, uniques = numbered
    male = np.bincount(codes, weights=votes.clip(min=0), minlength=len(uniques))
    female = np.bincount(codes, weights=(-votes).clip(min=0), minlength=len(uniques))
    found = _gender_from(male, female)  # exact: sums of small whole numbers
    return dict(zip(uniques.tolist(), found.tolist(), strict=True))
