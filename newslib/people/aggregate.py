"""Counting: :func:`_aggregate` groups the resolved sources by person (and source) into the
people table's counts (articles, quotations, attributions, quoted and attributed words), dates,
gender, most used role and the forms seen, and gives each person its stable ``person_id``.
Called by :mod:`newslib.people.table`.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from .gender import _gender_from


def _person_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def _person_ids(keys) -> dict[str, str]:
    """:func:`_person_id` of each of ``keys`` (tens of thousands: the hash bound once, no call
    per key).

    Example:
        >>> _person_ids(["person:ann|lee"]) == {"person:ann|lee": _person_id("person:ann|lee")}
        True
    """
    sha256 = hashlib.sha256
    return {key: sha256(key.encode("utf-8")).hexdigest()[:12] for key in keys}


def _numbered(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(values, use_na_sentinel=False)`` (a missing value numbered as a value),
    the same numbers: pandas numbers an object array faster when it may leave missing values
    out, so that is tried first, and redone so only when there is one.

    Example:
        >>> values = np.array(["b", None, "b"], dtype=object)
        >>> _numbered(values)[0].tolist(), _numbered(values[[0, 2]])[0].tolist()
        ([0, 1, 0], [0, 0])
    """
    codes, uniques = pd.factorize(values)
    if len(codes) and codes.min() < 0:
        return pd.factorize(values, use_na_sentinel=False)
    return codes, uniques


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of whole numbers: hashed first, then only the distinct ones sorted
    (numpy sorts all of them: hundreds of thousands of rows with a few thousand values).

    Example:
        >>> _sorted_unique(np.array([3, 1, 3, 2])).tolist()
        [1, 2, 3]
    """
    return np.sort(pd.unique(values))


def _drop_in_place(frame: pd.DataFrame, *, keep) -> None:
    """Delete ``frame``'s columns not in ``keep`` from the frame itself (``del``; pandas 4 drops
    ``drop(inplace=True)``), so their memory is freed even while a caller still holds it."""
    for column in frame.columns.difference(keep):
        del frame[column]


def _aggregate(
    sources: pd.DataFrame,
    keys: list[str],
    shown: dict[str, str],
    person_ids: dict[str, str] | None = None,
    groups: tuple[np.ndarray, pd.Index | pd.MultiIndex] | None = None,
) -> pd.DataFrame:
    """The people table's counts, one row per value of ``keys`` (the person, and the source).
    ``person_ids``: :func:`_person_id` of the person keys, when already worked out; ``groups``:
    :func:`_groups` of ``sources`` by ``keys``, likewise.
    ``sources``: the step's own frame, from which the columns the counts no longer read are
    dropped once the counts are taken (millions of rows, freed before the forms are joined).
    The counts are sums and distinct counts over numbered groups (numpy), not a grouped
    frame: hundreds of thousands of rows, tens of thousands of people."""
    # compared as an object array (numpy), not as a pandas column: three passes over millions
    kind = sources["kind"].to_numpy(dtype=object)
    partial = kind == "partial"
    quoted = (kind == "direct") | partial
    # One number per (article, attribution): a row without an attribution id is one of its
    # own. (Numbers, not "article#id" strings: millions of rows at corpus scale.)
    articles = pd.factorize(sources["article_id"])[0].astype(np.int64)
    ids = pd.array(sources["attribution_id"], dtype="Int64")
    missing = ids.isna()
    attribution = np.where(
        missing,
        -1 - np.arange(len(sources), dtype=np.int64),
        articles * (1 << 32) + ids.to_numpy(dtype=np.int64, na_value=0),
    )
    # a partial quotation inside reported speech of the same attribution is part of it
    reported = attribution[(kind == "indirect") & ~missing]
    within = pd.Series(attribution, copy=False).isin(reported).to_numpy()  # hashed, not sorted
    counted = ~(partial & within)
    words = sources["n_words"].to_numpy()
    votes = sources["votes"].to_numpy(dtype=np.int64)
    if "source" in keys:
        sources["source"] = sources["source"].astype("string").fillna("")
    # each row's group, numbered as groupby(sort=False) would; then counts on numbers only
    group, index = groups if groups is not None else _groups(sources, keys)
    n_groups = len(index)

    def total(values: np.ndarray) -> np.ndarray:  # exact: sums of whole numbers
        return np.bincount(group, weights=values, minlength=n_groups).astype(np.int64)

    table = pd.DataFrame(
        {
            "n_articles": _distinct(group[articles >= 0], articles[articles >= 0], n_groups),
            "n_quotes": total(quoted),
            "n_attributions": _distinct(group, pd.factorize(attribution)[0], n_groups),
            "quoted_words": total(np.where(quoted, words, 0)),
            "attributed_words": total(np.where(counted, words, 0)),
            "male": total(votes.clip(min=0)),
            "female": total((-votes).clip(min=0)),
        },
        index=index,
    )
    del quoted, partial, articles, ids, missing, attribution, reported, counted, words, kind
    del votes
    _drop_in_place(sources, keep=[*keys, "written", "role", "date"])
    if "date" in sources:
        dates = sources["date"].groupby(group, sort=True).agg(["min", "max"])
        table["first_date"] = dates["min"].set_axis(index)
        table["last_date"] = dates["max"].set_axis(index)
    else:
        table["first_date"] = table["last_date"] = pd.NaT
    frame = sources[list(dict.fromkeys([*keys, "written", "role"]))]
    table["aliases"] = _joined_forms(frame, keys, (group, index))
    table["role"] = _most_used_role(frame, keys, (group, index))
    table = table.reset_index()
    person_key = table["person_key"]
    # one Python split per person (tens of thousands), not pandas' string methods
    prefix = pd.Series(
        [key.split(":", 1)[0] for key in person_key.tolist()], index=table.index, dtype=object
    )
    table["speaker_type"] = prefix.where(~prefix.isin(["ambiguous"]), "person")
    table["ambiguous"] = prefix == "ambiguous"
    keys_of = person_key.tolist()
    if not person_ids:
        person_ids = _person_ids(set(keys_of))
    # list look-ups, not Series.map (which hashes the keys again)
    table["person_id"] = pd.Series([person_ids[k] for k in keys_of], table.index, dtype=object)
    table["person"] = pd.Series([shown.get(k) for k in keys_of], table.index, dtype=object)
    gender = _gender_from(table["male"].to_numpy(), table["female"].to_numpy())
    table["gender"] = np.where(table["speaker_type"] == "person", gender, "unknown")
    return table


def _groups(frame: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, pd.Index | pd.MultiIndex]:
    """Each row's group number and the groups' keys, as ``frame.groupby(keys, sort=False,
    dropna=False)`` numbers them (in order of first appearance; a missing key is a group).
    Each key column is hashed once; the grouped counts then work on numbers.

    Example:
        >>> frame = pd.DataFrame({"k": ["b", "a", "b", "c"]})
        >>> group, index = _groups(frame, ["k"])
        >>> group.tolist(), index.tolist()
        ([0, 1, 0, 2], ['b', 'a', 'c'])
    """
    codes, uniques = [], []
    for key in keys:
        found, values = _numbered(frame[key].to_numpy(dtype=object))
        codes.append(found.astype(np.int64))
        uniques.append(values)
    combined = codes[0]
    for found, values in zip(codes[1:], uniques[1:], strict=True):
        combined = combined * len(values) + found
    group, first = pd.factorize(combined)  # numbered by first appearance, like the grouping
    if len(keys) == 1:
        return group, pd.Index(uniques[0][first], dtype=object, name=keys[0])
    # each group's key values, from its combined number
    parts = []
    for values in reversed(uniques[1:]):
        parts.append(values[first % len(values)])
        first = first // len(values)
    parts.append(uniques[0][first])
    arrays = [pd.Index(p, dtype=object) for p in reversed(parts)]
    return group, pd.MultiIndex.from_arrays(arrays, names=keys)


def _distinct(group: np.ndarray, values: np.ndarray, n_groups: int) -> np.ndarray:
    """How many distinct ``values`` (whole numbers, none negative) each group has.

    Example:
        >>> _distinct(np.array([0, 0, 1, 0]), np.array([5, 5, 7, 6]), 3).tolist()
        [2, 1, 0]
    """
    if not len(values):
        return np.zeros(n_groups, dtype=np.int64)
    size = int(values.max()) + 1
    pairs = pd.unique(group.astype(np.int64) * size + values)  # hashed, not sorted
    return np.bincount(pairs // size, minlength=n_groups).astype(np.int64)


def _group_index(frame: pd.DataFrame, keys: list[str]) -> pd.Index | pd.MultiIndex:
    return pd.MultiIndex.from_frame(frame[keys]) if len(keys) > 1 else pd.Index(frame[keys[0]])


def _joined_forms(
    frame: pd.DataFrame,
    keys: list[str],
    groups: tuple[np.ndarray, pd.Index | pd.MultiIndex] | None = None,
) -> pd.Series:
    """Each group's distinct ``written`` forms, sorted, joined by " | " (no per-group pandas
    call: there are tens of thousands of groups). ``groups``: :func:`_groups` of ``frame``,
    when already worked out."""
    written = frame["written"].to_numpy(dtype=object)
    form_codes, forms = _numbered(written)
    if not all(isinstance(form, str) for form in forms.tolist()):
        return _joined_forms_sorting(frame, keys)  # a missing form: the frame's sort places it
    group, index = groups if groups is not None else _groups(frame, keys)
    # each distinct form's place in text order (Python's string order), sorted once
    rank = np.empty(len(forms), dtype=np.int64)
    rank[sorted(range(len(forms)), key=forms.__getitem__)] = np.arange(len(forms))
    # the distinct (group, form) pairs, by group, then the form's text
    pairs = _sorted_unique(group.astype(np.int64) * len(forms) + rank[form_codes])
    in_group, ranked = np.divmod(pairs, len(forms))
    by_rank = np.empty(len(forms), dtype=object)
    by_rank[rank] = forms
    texts = by_rank[ranked].tolist()
    bounds = np.flatnonzero(np.diff(in_group)) + 1
    starts = [0, *bounds.tolist()]
    ends = [*bounds.tolist(), len(texts)]
    joined = [" | ".join(texts[a:b]) for a, b in zip(starts, ends, strict=True)]
    present = in_group[starts] if len(texts) else np.zeros(0, dtype=np.int64)
    return pd.Series(joined, index=index[present], dtype=object)


def _joined_forms_sorting(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    """:func:`_joined_forms` by sorting the frame (when a form is missing)."""
    forms = frame[[*keys, "written"]].drop_duplicates()
    forms = forms.sort_values([*keys, "written"], kind="stable")
    ordered = zip(_group_index(forms, keys), forms["written"].astype(object), strict=True)
    joined: dict = {}
    for key, form in ordered:
        joined.setdefault(key, []).append(form)
    return pd.Series({k: " | ".join(v) for k, v in joined.items()}, dtype=object)


def _most_used_role(
    frame: pd.DataFrame,
    keys: list[str],
    groups: tuple[np.ndarray, pd.Index | pd.MultiIndex] | None = None,
) -> pd.Series:
    """Each group's most used ``role`` (ties: the one used first); missing when none.
    ``groups``: :func:`_groups` of ``frame``, when already worked out.

    Example:
        >>> frame = pd.DataFrame({"k": ["a", "a", "a", "b", "b"],
        ...                       "role": ["mayor", "chair", "chair", None, "aide"]})
        >>> _most_used_role(frame, ["k"]).to_dict()
        {'a': 'chair', 'b': 'aide'}
    """
    group, index = groups if groups is not None else _groups(frame, keys)
    role_codes, roles = pd.factorize(frame["role"].to_numpy(dtype=object))
    given = role_codes >= 0
    # the distinct (group, role) pairs, numbered in order of first use
    pair_codes, pairs = pd.factorize(group[given].astype(np.int64) * len(roles) + role_codes[given])
    if not len(pairs):
        return pd.Series([], index=index[:0], dtype=object)
    used = np.bincount(pair_codes, minlength=len(pairs))
    in_group, role = np.divmod(pairs, len(roles))
    # by group, the most used first, then the first used
    order = np.lexsort((np.arange(len(pairs)), -used, in_group))
    best = order[np.r_[True, in_group[order][1:] != in_group[order][:-1]]]
    return pd.Series(np.asarray(roles, dtype=object)[role[best]], index=index[in_group[best]])
