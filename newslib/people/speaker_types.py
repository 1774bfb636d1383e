"""Typing one source: :func:`_type_of` reads a quotes-table source (its speaker, else its
mention) as a ``person``, ``organization``, ``anonymous`` or ``unknown`` source and gives its key
and shown name; a description's head phrase ("a senior aide to ..." -> "senior aide") decides
the unnamed ones. Called by :mod:`newslib.people.facts`.
"""

from __future__ import annotations

import re

from .first_names import _named_person
from .names import _HONORIFICS, _fold, _lists, _parse_name

SPEAKER_TYPES = ("person", "organization", "anonymous", "unknown")


_PRONOUNS = frozenset("he she they i we it you him her them me us".split())


_DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your one two three four five "
    "some several many other another most few both all each".split()
)
# Words that end the head noun phrase of a description: "a senior aide | to the governor".
_PHRASE_END = frozenset(
    "of for to with from in at on who whom whose which that familiar close who's , ( ;".split()
)


_WORD = re.compile(r"[\w.'’-]+|[,;(]")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


_COUNT_WORDS = frozenset("one two three four five six seven eight nine ten".split())


def _count(word: str) -> bool:
    return word.isdigit() or word in _COUNT_WORDS


def _head_phrase(mention: str) -> tuple[str, str]:
    """``(head noun, phrase)`` of a described source: "a senior aide to the governor" ->
    ("aide", "senior aide").

    >>> _head_phrase("About four in 10 Bayview voters")
    ('voters', 'bayview voters')
    """
    words = _words(mention)
    for k in (1, 2):  # "about four in 10 voters", "one in five residents": the people after
        if (
            len(words) > k + 2
            and words[k] == "in"
            and _count(words[k - 1])
            and _count(words[k + 1])
        ):
            words = words[k + 2 :]
            break
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    phrase = []
    for word in words:
        if word in _PHRASE_END:
            break
        phrase.append(word.strip(".'’"))
    phrase = [w for w in phrase if w]
    return (phrase[-1] if phrase else ""), " ".join(phrase)


def _head_phrase_as_written(mention: str, phrase: str) -> str:
    """``phrase`` (folded words of :func:`_head_phrase`) with the case of ``mention``."""
    words = phrase.split()
    written = [w.strip(".'’") for w in _WORD.findall(mention)]
    for start in range(len(written) - len(words) + 1):
        if [w.lower() for w in written[start : start + len(words)]] == words:
            return " ".join(written[start : start + len(words)])
    return phrase


def _titled_surname(speaker: str, mention) -> bool:
    """Is the one-word ``speaker`` written after an honorific in ``mention`` ("Ms. Nurse")?

    >>> _titled_surname("Nurse", "Ms. Nurse"), _titled_surname("Nurse", "Nurse")
    (True, False)
    """
    if not isinstance(mention, str) or " " in speaker.strip():
        return False
    words = mention.split()
    for k in range(1, len(words)):
        if words[k].strip(",;:") == speaker.strip() and _fold(words[k - 1]).rstrip(".") in (
            _HONORIFICS
        ):
            return True
    return False


# the heads of findings a title-case headline makes a speaker of ("New Poll Shows ..."); not
# every [document_heads] word, some of which are surnames too (Law, Post, Bill)
_FINDINGS = frozenset("poll polls study studies survey surveys report analysis audit".split())

_POSSESSIVE_END_RE = re.compile(r"(?<=\w)['’]s$|(?<=s)['’]$")


def _type_of(speaker, mention) -> tuple[str, str, str]:
    """``(speaker_type, key, shown name)`` of one quotes-table source.

    >>> _type_of(None, "The union's")[:2] == _type_of(None, "The union")[:2]
    True
    >>> _type_of("New Poll", "New Poll")[0]
    'unknown'
    """
    lists = _lists()
    if isinstance(speaker, str) and speaker.strip():
        folded = _fold(speaker)
        if folded in lists["places"] or folded in lists["not_names"]:
            return "unknown", f"unknown:{folded}", speaker
        words = folded.split()
        if (
            any(w in lists["organization_words"] for w in words) and not _named_person(speaker)
        ) or (speaker.isupper() and 2 <= len(speaker) <= 6 and " " not in speaker):
            # an organisation's word makes an organisation, unless a first name and a surname
            # hold it ("Tom Post", "Ann Church": :func:`.first_names._named_person`)
            shown = re.sub(r"^the\s+", "", speaker.strip(), flags=re.I)
            return "organization", f"organization:{_fold(shown)}", shown
        if len(words) > 1 and words[-1] in _FINDINGS:
            return "unknown", f"unknown:{folded}", speaker  # a headline's "New Poll Shows ..."
        titled = _titled_surname(speaker, mention)
        if folded in lists["anonymous_heads"] and not titled:
            return "anonymous", f"anonymous:{folded}", folded  # "Officials said": no name
        name = _parse_name(speaker)
        if name is None and titled:
            # "Ms. Nurse said": a surname that is also a word (or a title to nameparser)
            return "person", f"person:|{folded}", speaker.strip()
        if name is None:
            return "unknown", f"unknown:{folded}", speaker
        return "person", f"person:{name.first}|{name.last}{name.suffix}", name.shown
    if not isinstance(mention, str) or not mention.strip():
        return "", "", ""
    # the owner of a noun cue as written ("the union's calls for"): typed as "the union"
    mention = _POSSESSIVE_END_RE.sub("", mention.rstrip()) or mention
    folded = _fold(mention)
    if folded in _PRONOUNS:
        return "unknown", f"unknown:{folded}", folded
    head, phrase = _head_phrase(mention)
    if "white house" in folded:
        return "organization", "organization:white house", "White House"
    if head in lists["anonymous_heads"]:
        return "anonymous", f"anonymous:{phrase}", phrase
    if head in lists["organization_heads"]:
        # "the Clinton campaign" is shown as written; "the company" says which it is not
        written = _head_phrase_as_written(mention, phrase)
        named = any(w[:1].isupper() for w in written.split())
        return "organization", f"organization:{phrase}", written if named else f"(unnamed) {phrase}"
    return "unknown", f"unknown:{phrase or folded}", phrase or folded
