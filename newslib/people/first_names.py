"""First names: evidence that a capitalised run names a person, and a weak gender prior.

The data are the first-name lists of the 1990 US Census that the ``names`` package (MIT
licence) ships: ``dist.male.first`` and ``dist.female.first``, one name a line with its share of
the men or women counted (in percent). They are read once per process, lazily, straight from
the installed package (:func:`_first_names`); nothing is downloaded and nothing is copied into
newslib. Of the surname list the package also ships (``dist.all.last``, from the most common
down) only the common surnames are read (:func:`_surnames`).

* :func:`_first_name` -- is a word a person's first name, and not also a word the rules read
  otherwise (a common English word, a month, a place, a role, an organisation's word)?
* :func:`_named_person` -- does a two- or three-word name open with such a first name and end
  with a word that is a surname too ("Tom Post", "Ann Street", "Tom Church"), so that the
  organisation's or the place's word in it does not make it an organisation or a place?
* :func:`_name_gender` -- +1 / -1 when the first name is (nearly) only men's / women's in the
  census lists, else 0: a prior for resolving "he" / "she" in ``newslib.quotes``, added to
  the article's own evidence with the weight of one honorific (so it outweighs one pronoun
  and cancels one honorific). The people table's ``gender`` column never reads it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .names import _fold, _lists

# a first name is a gender's when that gender's share of the name is at least this
_GENDER_SHARE = 0.9
# a first name counts (:func:`_first_name`) when at least this share (in percent) of the men or
# of the women counted bear it: the rare ones are often words too ("German", "Mercy")
_FIRST_NAME_MIN = 0.01
# a surname that makes "<first name> <organisation word>" a person's name: at least this share
# (in percent) of the people counted ("Church" 0.016, "Post" 0.008, "Board" 0.002)
_SURNAME_MIN = 0.002


def _package_file(package_file: str) -> Path:
    """A data file of the installed ``names`` distribution, found through its metadata rather
    than by importing ``names`` (a user's own ``names.py`` beside a notebook would shadow it)."""
    try:
        path = Path(metadata.distribution("names").locate_file(f"names/{package_file}"))
    except metadata.PackageNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise RuntimeError(
            f"newslib needs the census name lists of the 'names' package ({package_file} not "
            "found): install it with `pip install names` (it is one of newslib's dependencies)"
        )
    return path


def _read(package_file: str) -> str:
    return _package_file(package_file).read_text("ascii")


@lru_cache(maxsize=1)
def _first_names() -> tuple[dict[str, float], dict[str, float]]:
    """The census lists of the ``names`` package, read once per process: (men's, women's),
    each a folded first name -> the share (percent) of the men / women counted who bear it.

    >>> men, women = _first_names()
    >>> "tom" in men, "tom" in women, women["ann"] > 0.1
    (True, False, True)
    """
    shares = []
    for package_file in ("dist.male.first", "dist.female.first"):
        # four columns a line: the name, its share, the running share, its rank
        fields = _read(package_file).lower().split()
        if len(fields) % 4:
            raise ValueError(f"names package: {package_file} is not four columns a line")
        shares.append(dict(zip(fields[0::4], map(float, fields[1::4]), strict=True)))
    return shares[0], shares[1]


def _shares(first: str) -> tuple[float, float]:
    """(share of men, share of women), in percent, who bear the folded first name ``first``.

    >>> _shares("ann")[0], _shares("qxa")
    (0.0, (0.0, 0.0))
    """
    men, women = _first_names()
    return men.get(first, 0.0), women.get(first, 0.0)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """The folded surnames of the census list that at least ``_SURNAME_MIN`` percent of the
    people counted bear; read once per process, only as far as such surnames go (the list
    runs from the most common down).

    >>> "church" in _surnames(), "foundation" in _surnames()
    (True, False)
    """
    found: list[str] = []
    rest = ""
    path = _package_file("dist.all.last")
    with path.open("r", encoding="ascii") as handle:
        while block := handle.read(1 << 16):
            lines = rest + block
            cut = lines.rfind("\n") + 1
            rest = lines[cut:]
            # four columns a line: the surname, its share, the running share, its rank
            fields = lines[:cut].split()
            for name, share in zip(fields[0::4], fields[1::4], strict=True):
                if float(share) < _SURNAME_MIN:
                    return frozenset(found)
                found.append(name.lower())
    return frozenset(found)


@lru_cache(maxsize=1)
def _other_words() -> frozenset[str]:
    """Words the rules read otherwise however they are capitalised: common English words
    ('Will', 'Hope', 'Bill'), months and sentence openers, places, roles, organisations' and
    places' words, party adjectives, unnamed sources, and the first names that open
    organisations' names (``[not_first_names]`` of ``newslib/data/speaker_types.txt``)."""
    from ..quotes.cues import _rules
    from ..quotes.names import _easy_words

    lists, rules = _lists(), _rules()
    return (
        _easy_words()
        | rules.stop_caps
        | rules.roles
        | frozenset(rules.cues)
        | lists["places"]
        | lists["not_names"]
        | lists["organization_words"]
        | lists["place_kinds"]
        | lists["anonymous_heads"]
        | lists["name_openers"]
        | lists["not_first_names"]
    )


@lru_cache(maxsize=4096)
def _first_name(word: str) -> bool:
    """Is ``word`` a person's first name in the census lists, borne by at least
    ``_FIRST_NAME_MIN`` percent of the men or the women counted, and no word the rules read
    otherwise (:func:`_other_words`)?

    >>> _first_name("Tom"), _first_name("Ann"), _first_name("Will"), _first_name("Harbor")
    (True, True, False, False)
    """
    folded = _fold(word)
    return max(_shares(folded)) >= _FIRST_NAME_MIN and folded not in _other_words()


# generational suffixes after a surname ("Tom Post Jr.", "Ann Lee III"), folded:
# ``[name_suffixes]`` of ``newslib/data/speaker_types.txt``
_SUFFIXES = _lists()["name_suffixes"]


def _name_words(name: str) -> list[str]:
    """The folded words of ``name`` without a generational suffix, the first name's first
    part when it is hyphenated ("Mary-Ann" reads as "mary").

    >>> _name_words("Mary-Ann Post-Lee Jr."), _name_words("Tom Post, III")
    (['mary', 'post-lee'], ['tom', 'post'])
    """
    words = _fold(name).replace(",", " ").split()
    while len(words) > 2 and words[-1] in _SUFFIXES:
        words.pop()
    if words:
        words[0] = words[0].split("-")[0]
    return words


@lru_cache(maxsize=4096)
def _named_person(name: str) -> bool:
    """Is ``name`` a person's first name (:func:`_first_name`), maybe an initial, then a
    surname of the census list (at least ``_SURNAME_MIN`` percent) -- a person's name even when
    its last word names organisations or places ("Tom Post", "Ann Street", "Tom A. Church")?

    >>> _named_person("Tom Church"), _named_person("Ann Street"), _named_person("Tom Foundation")
    (True, True, False)
    >>> _named_person("Harbor Board"), _named_person("Tom"), _named_person("Tom Church Board")
    (False, False, False)
    >>> _named_person("Mary-Ann Church"), _named_person("Ann Post-Lee"), _named_person("Al Post Jr")
    (True, True, True)
    """
    words = _name_words(name)
    if not 2 <= len(words) <= 3 or (len(words) == 3 and len(words[1]) != 1):
        return False
    surnames = _surnames()
    return _first_name(words[0]) and any(part in surnames for part in words[-1].split("-"))


@lru_cache(maxsize=4096)
def _name_gender(name: str) -> int:
    """+1 (men's) / -1 (women's) for a name of two or three words whose first word is a first
    name (at least ``_FIRST_NAME_MIN`` percent of the men or the women counted bear it) that at
    least ``_GENDER_SHARE`` of its bearers in the census lists are men / women; 0 otherwise
    (one word, an unknown, a rare or a shared first name). A weak prior, for pronouns.

    >>> _name_gender("Ann Lee"), _name_gender("Tom Roe"), _name_gender("Lee")
    (-1, 1, 0)
    """
    words = _name_words(name)
    if not 2 <= len(words) <= 3:
        return 0
    male, female = _shares(words[0])
    if max(male, female) < _FIRST_NAME_MIN:
        return 0
    if male >= _GENDER_SHARE * (male + female):
        return 1
    if female >= _GENDER_SHARE * (male + female):
        return -1
    return 0
