"""One key per person across the corpus: :func:`_resolve_sources` joins each bare surname to the
one full-name person it can mean (by the article's gender evidence and role words, else
``ambiguous``) and each organisation described ("the board") to the one its article names
with that head, applies the aliases' merges and renames and picks each person's shown name.
Reads :mod:`newslib.people.facts`'s sources; :mod:`newslib.people.table` counts the result.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from .aggregate import _numbered, _sorted_unique
from .aliases import Aliases
from .facts import _sources
from .first_names import _SUFFIXES
from .gender import _gender_from, _genders
from .names import _fold


def _join_surnames(sources: pd.DataFrame, split: set[str]) -> pd.Series:
    """The corpus key of each source: a bare surname joins the one full-name person with that
    surname (or the one the article's gender evidence, then its titles and roles, leave);
    otherwise it stays its own, ``ambiguous`` when several could be meant.

    Worked out once per distinct key and once per (surname, gender, role words) an article
    gives a bare surname, with the rows' sums taken in numpy: hundreds of thousands of rows
    repeat a few thousand names.

    Example:
        >>> rows = pd.DataFrame({
        ...     "article_id": ["a", "a", "b", "c"],
        ...     "key": ["person:ann|lee", "person:|lee", "person:|lee", "person:|roe"],
        ...     "speaker_type": ["person"] * 4, "votes": [0, 0, -2, 0], "role": [None] * 4})
        >>> _join_surnames(rows, set()).tolist()
        ['person:ann|lee', 'person:ann|lee', 'person:ann|lee', 'person:|roe']
    """
    keys = sources["key"].to_numpy(dtype=object)
    result = keys.copy()
    if not len(keys):
        return pd.Series(result, index=sources.index, dtype=object)
    codes, uniques = _numbered(keys)
    names = uniques.tolist()
    is_person = sources["speaker_type"].to_numpy(dtype=object) == "person"  # numpy, not pandas
    bare_key = np.array([isinstance(k, str) and k.startswith("person:|") for k in names])
    bare = bare_key[codes] & is_person
    full = is_person & ~bare
    # the people with each surname, and the gender and role words their own mentions give them
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in sorted(uniques[_sorted_unique(codes[full])].tolist()):
        surname = key.split("|", 1)[1]
        by_surname[surname].append(key)
        words = surname.split()
        if len(words) > 1 and words[-1] in _SUFFIXES:  # "Roe" may be "Tom Roe III" too
            by_surname[" ".join(words[:-1])].append(key)
    votes = sources["votes"].to_numpy(dtype=np.int64)
    gender = _genders(keys, votes, (codes, uniques))  # the keys numbered once
    described = _role_words(sources.loc[full, ["key", "role"]])  # only the columns it reads
    # one group per article and bare surname (rows without an article are left as they are)
    article_codes = pd.factorize(sources["article_id"].to_numpy(dtype=object))[0]
    positions = np.flatnonzero(bare & (article_codes >= 0))
    if not len(positions):
        return pd.Series(result, index=sources.index, dtype=object)
    row_keys = codes[positions]
    group, _ = pd.factorize(article_codes[positions].astype(np.int64) * len(names) + row_keys)
    n_groups = int(group.max()) + 1
    group_key = np.empty(n_groups, dtype=np.int64)
    group_key[group] = row_keys
    # each bare surname's choice when the article's words cannot change it: none (no such
    # person, or split), the one person with the surname, or several (decided per article)
    decided = np.full(len(names), None, dtype=object)
    several = np.zeros(len(names), dtype=bool)
    surnames: dict[int, str] = {}
    for code in _sorted_unique(row_keys).tolist():
        surname = surnames[code] = names[code][len("person:|") :]
        candidates = by_surname.get(surname, [])
        if surname in split or not candidates:
            continue
        if len(candidates) == 1:
            decided[code] = candidates[0]
        else:
            several[code] = True
    chosen_of_group = decided[group_key]
    open_groups = np.flatnonzero(several[group_key])
    if len(open_groups):
        # what each article says of them: Mrs., she (summed votes); President (role words)
        male = np.bincount(group, weights=votes[positions].clip(min=0), minlength=n_groups)
        female = np.bincount(group, weights=(-votes[positions]).clip(min=0), minlength=n_groups)
        said = _gender_from(male, female)
        cues: dict[int, set[str]] = {}
        roles = sources["role"].to_numpy(dtype=object)[positions]
        with_role = np.flatnonzero(pd.notna(roles) & several[row_keys])
        of_role: dict[str, list[str]] = {}
        for at in with_role.tolist():
            role = roles[at]
            found = of_role.get(role)
            if found is None:
                found = of_role[role] = _meaningful_role_words(role)
            cues.setdefault(int(group[at]), set()).update(found)
        empty: frozenset[str] = frozenset()
        # the same surname, gender and role words give the same person: a common surname has
        # hundreds of candidates, so each such choice is made once
        chosen: dict[tuple[str, str, frozenset], str] = {}
        of_gender: dict[tuple[str, str], list[str]] = {}  # the candidates a gender leaves
        # Python lists read element by element, not numpy arrays (a scalar object per read)
        key_of_group, said_of_group = group_key.tolist(), said.tolist()
        open_list = open_groups.tolist()
        picked = []
        for g in open_list:
            surname = surnames[key_of_group[g]]
            gender_said = said_of_group[g]
            cue = frozenset(cues[g]) if g in cues else empty
            known = chosen.get((surname, gender_said, cue))
            if known is None:
                left = of_gender.get((surname, gender_said))
                if left is None:
                    left = by_surname[surname]
                    if gender_said != "unknown":
                        left = [c for c in left if gender.get(c) == gender_said]
                    of_gender[(surname, gender_said)] = left
                known = chosen[(surname, gender_said, cue)] = _choose(surname, left, cue, described)
            picked.append(known)
        picked_keys = np.empty(len(picked), dtype=object)
        picked_keys[:] = picked
        chosen_of_group[open_groups] = picked_keys
    taken = chosen_of_group[group]
    joined = pd.notna(taken)
    result[positions[joined]] = taken[joined]
    return pd.Series(result, index=sources.index, dtype=object)


def _choose(
    surname: str, candidates: list[str], cue: frozenset, described: dict[str, set[str]]
) -> str:
    """The person key a bare ``surname`` joins among ``candidates`` (full-name keys with that
    surname, sorted; those of the gender the article gives it when it gives one): the one left,
    or the one left by the article's role words (``cue``; ``described``: each key's role
    words), else ``ambiguous:<surname>``.

    Example:
        >>> _choose("lee", ["person:al|lee", "person:ann|lee"], frozenset({"mayor"}),
        ...         {"person:ann|lee": {"mayor"}})
        'person:ann|lee'
    """
    if len(candidates) > 1 and cue:  # no role words: none fits (hundreds of candidates)
        fitting = [c for c in candidates if described.get(c, set()) & cue]
    else:
        fitting = []
    if fitting:
        candidates = fitting
    return candidates[0] if len(candidates) == 1 else f"ambiguous:{surname}"


_UNNAMED = "(unnamed) "
# What may stand before a described organisation's head words: "the board", "his campaign".
_DESCRIBED_LEAD = re.compile(r"^(?:the|this|that|its|his|her|their|our)\s+")


def _join_described(sources: pd.DataFrame) -> None:
    """An organisation described, not named ("the board": ``(unnamed) board``), joins the one
    organisation its article names as a source with that head ("the Harbor Board"), in
    ``person_key`` and ``shown``; none or several such names, or words after the head ("the
    government in Eastport"), leave it as it is.

    Example:
        >>> rows = pd.DataFrame({
        ...     "article_id": ["a", "a", "b"], "speaker_type": ["organization"] * 3,
        ...     "person_key": ["organization:harbor board", "organization:board",
        ...                    "organization:board"],
        ...     "shown": ["Harbor Board", "(unnamed) board", "(unnamed) board"],
        ...     "written": ["the Harbor Board", "the board", "the board"]})
        >>> _join_described(rows)
        >>> rows["person_key"].tolist()
        ['organization:harbor board', 'organization:harbor board', 'organization:board']
    """
    types = sources["speaker_type"].to_numpy(dtype=object)
    at = np.flatnonzero(types == "organization")  # few rows of many: only they are read
    if not len(at):
        return
    shown = sources["shown"].to_numpy(dtype=object)[at]
    unnamed = np.array([isinstance(s, str) and s.startswith(_UNNAMED) for s in shown.tolist()])
    if not unnamed.any():
        return
    articles = sources["article_id"].to_numpy(dtype=object)[at]
    keys = sources["person_key"].to_numpy(dtype=object)[at]
    wanted = set(articles[unnamed].tolist())
    named: dict[object, dict[str, str]] = defaultdict(dict)  # article -> named key -> shown
    for article, key, name in zip(
        articles[~unnamed].tolist(), keys[~unnamed].tolist(), shown[~unnamed].tolist(), strict=True
    ):
        if article in wanted and isinstance(key, str):
            named[article].setdefault(key, name)
    rows, new_keys, new_shown = [], [], []
    written = sources["written"].to_numpy(dtype=object)[at]
    for i in np.flatnonzero(unnamed).tolist():
        key = keys[i]
        if not isinstance(key, str) or not isinstance(written[i], str):
            continue
        phrase = key.split(":", 1)[1]
        if _DESCRIBED_LEAD.sub("", _fold(written[i])) != phrase:
            continue  # "the government in Eastport": not only the head's words
        head = " " + phrase
        found = [k for k in named.get(articles[i], ()) if k.endswith(head)]
        if len(found) == 1:
            rows.append(at[i])
            new_keys.append(found[0])
            new_shown.append(named[articles[i]][found[0]])
    if rows:
        person_key = sources["person_key"].to_numpy(dtype=object).copy()
        names = sources["shown"].to_numpy(dtype=object).copy()
        person_key[rows] = new_keys
        names[rows] = new_shown
        # put back as object columns: pandas 3 would make the arrays Arrow strings (a copy of
        # each row's text, then new Python strings each time a later step reads them)
        sources["person_key"] = pd.Series(person_key, index=sources.index, dtype=object)
        sources["shown"] = pd.Series(names, index=sources.index, dtype=object)


# Words of a role that say nothing of who is meant.
_ROLE_FILLER = frozenset("the a an of for and to in on at his her their former then new s".split())


def _role_words(sources: pd.DataFrame) -> dict[str, set[str]]:
    """Each source key's role vocabulary: the folded words of its rows' roles."""
    words: dict[str, set[str]] = defaultdict(set)
    # each distinct (key, role) once, from object arrays: names and roles come back again and
    # again, and iterating an Arrow-backed column row by row is slow
    roles = sources["role"].to_numpy(dtype=object)
    given = pd.notna(roles)  # most rows have none: only the others are paired
    keys = sources["key"].to_numpy(dtype=object)[given]
    roles = roles[given]
    of_role: dict[str, list[str]] = {}  # the same role said of many people: folded once
    for key, role in set(zip(keys.tolist(), roles.tolist(), strict=True)):
        if isinstance(role, str):  # no role, no words (a key without any reads as empty)
            found = of_role.get(role)
            if found is None:
                found = of_role[role] = _meaningful_role_words(role)
            words[key].update(found)
    return words


def _meaningful_role_words(role) -> list[str]:
    """The folded words of a role that say who is meant (none for a missing role)."""
    if not isinstance(role, str):
        return []
    return [w for w in _fold(role).split() if w not in _ROLE_FILLER]


def _resolve(
    quotes: pd.DataFrame, aliases: Aliases | None, facts: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, dict[str, str], list[str]]:
    """The sources of ``quotes`` with their corpus ``person_key`` and the notes of what the
    aliases did."""
    return _resolve_sources(_sources(quotes, facts), aliases)


def _resolve_sources(
    sources: pd.DataFrame, aliases: Aliases | None
) -> tuple[pd.DataFrame, dict[str, str], list[str]]:
    """:func:`_resolve` from the rows of :func:`_sources` (``newslib analyze`` frees the quotes
    and facts they came from first: millions of rows)."""
    aliases = aliases or Aliases()
    sources["person_key"] = _join_surnames(sources, {_fold(s) for s in aliases.split})
    _join_described(sources)
    notes: list[str] = []
    if len(sources) == 0:
        return sources, {}, notes
    shown = _shown_names(sources)
    # aliases: every name a person is known by, folded -> person key
    known: dict[str, set[str]] = defaultdict(set)
    if aliases.merge or aliases.rename:
        forms = set(zip(sources["person_key"], sources["shown"], strict=True))
        forms |= set(zip(sources["person_key"], sources["written"], strict=True))
        for key, name in forms | set(shown.items()):
            known[_fold(name)].add(key)

    def find(name: str, what: str, line: int) -> set[str]:
        found = known.get(_fold(name), set())
        if not found:
            notes.append(f"{aliases.source} line {line}: {what} {name!r} matches no source")
        return found

    remap: dict[str, str] = {}
    for target, names in aliases.merge.items():
        line = aliases.lines[("merge", target)]
        target_keys = known.get(_fold(target))
        target_key = sorted(target_keys)[0] if target_keys else f"person:{_fold(target)}"
        for name in names:
            for key in find(name, "merge", line):
                if key != target_key:
                    remap[key] = target_key
                    notes.append(f"{aliases.source} line {line}: merged {name!r} into {target!r}")
        shown[target_key] = target
    if remap:
        sources["person_key"] = sources["person_key"].map(lambda k: remap.get(k, k))
    for name, new_name in aliases.rename.items():
        line = aliases.lines[("rename", name)]
        for key in find(name, "rename", line):
            shown[remap.get(key, key)] = new_name
            notes.append(f"{aliases.source} line {line}: renamed {name!r} to {new_name!r}")
    return sources, shown, notes


def _shown_names(sources: pd.DataFrame) -> dict[str, str]:
    """Each person key's shown name: its most used full form (ties: the longest, then A-Z),
    else its most used form (an ambiguous surname is shown as the surname).

    Example:
        >>> rows = pd.DataFrame({"person_key": ["person:ann|lee"] * 3 + ["ambiguous:roe"],
        ...                      "shown": ["Lee", "Lee", "Ann Lee", "Roe"]})
        >>> _shown_names(rows)
        {'person:ann|lee': 'Ann Lee', 'ambiguous:roe': 'Roe'}
    """
    # numbered keys and names (each hashed once), counted as numbered pairs: few distinct
    # pairs among hundreds of thousands of rows
    key_codes, keys = pd.factorize(
        sources["person_key"].to_numpy(dtype=object), use_na_sentinel=True
    )
    name_codes, names = pd.factorize(sources["shown"].to_numpy(dtype=object), use_na_sentinel=True)
    given = (key_codes >= 0) & (name_codes >= 0)  # a row without either is not counted
    pair_codes, pairs = pd.factorize(
        key_codes[given].astype(np.int64) * len(names) + name_codes[given]
    )
    if not len(pairs):
        return {}
    n = np.bincount(pair_codes, minlength=len(pairs))
    pair_key, pair_name = np.divmod(pairs, len(names))
    texts = [str(name) for name in names.tolist()]
    # a full name before a bare surname joined to it, then the most used, then the one keeping
    # accents ("José Núñez" over "Jose Nunez"), the longest, A to Z (by code point)
    length = np.array([len(t) for t in texts], dtype=np.int64)
    full = np.array([" " in t for t in texts], dtype=bool)
    accents = length - np.array([len(t.encode("ascii", "ignore")) for t in texts], dtype=np.int64)
    rank = np.empty(len(texts), dtype=np.int64)
    rank[sorted(range(len(texts)), key=texts.__getitem__)] = np.arange(len(texts))
    order = np.lexsort(
        (
            rank[pair_name],
            -length[pair_name],
            -accents[pair_name],
            -n,
            ~full[pair_name],
            pair_key,
        )
    )
    ordered_keys = pair_key[order]
    first = order[np.r_[True, ordered_keys[1:] != ordered_keys[:-1]]]
    chosen = np.asarray(texts, dtype=object)[pair_name[first]].tolist()
    return dict(zip(keys[pair_key[first]].tolist(), chosen, strict=True))
