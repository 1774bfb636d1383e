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
) -> pd.DataFrame:
    """The people table's counts, one row per value of ``keys`` (the person, and the source).
    ``person_ids``: :func:`_person_id` of the person keys, when already worked out.
    ``sources``: the step's own frame, from which the columns the counts no longer read are
    dropped (millions of rows, freed before the grouping)."""
    kind = sources["kind"]
    quoted = kind.isin(["direct", "partial"]).to_numpy()
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
    reported = attribution[(kind == "indirect").to_numpy() & ~missing]
    within = pd.Series(attribution, copy=False).isin(reported).to_numpy()  # hashed, not sorted
    counted = ~((kind == "partial").to_numpy() & within)
    words = sources["n_words"].to_numpy()
    # only the columns the counts read: at corpus scale each column is millions of rows
    kept = [*keys, "written", "role"] + (["date"] if "date" in sources else [])
    frame = sources[list(dict.fromkeys(kept))].assign(
        # the article as its number: counting distinct numbers, not strings, per group
        _article=pd.arrays.IntegerArray(np.where(articles < 0, 0, articles), articles < 0),
        _quoted=quoted.astype("int64"),
        _quoted_words=np.where(quoted, words, 0),
        _counted_words=np.where(counted, words, 0),
        _attribution=attribution,
        _male=sources["votes"].clip(lower=0),
        _female=(-sources["votes"]).clip(lower=0),
    )
    del quoted, articles, ids, missing, attribution, reported, counted, words, kind
    _drop_in_place(sources, keep=frame.columns)
    if "source" in frame.columns:
        frame["source"] = frame["source"].astype("string").fillna("")
    grouped = frame.groupby(keys, sort=False, dropna=False)
    table = grouped.agg(
        n_articles=("_article", "nunique"),
        n_quotes=("_quoted", "sum"),
        n_attributions=("_attribution", "nunique"),
        quoted_words=("_quoted_words", "sum"),
        attributed_words=("_counted_words", "sum"),
        male=("_male", "sum"),
        female=("_female", "sum"),
    )
    if "date" in frame.columns:
        dates = grouped["date"].agg(["min", "max"])
        table["first_date"], table["last_date"] = dates["min"], dates["max"]
    else:
        table["first_date"] = table["last_date"] = pd.NaT
    table["aliases"] = _joined_forms(frame, keys)
    table["role"] = _most_used_role(frame, keys)
    table = table.reset_index()
    person_key = table["person_key"]
    # one Python split per person (tens of thousands), not pandas' string methods
    prefix = pd.Series(
        [key.split(":", 1)[0] for key in person_key.tolist()], index=table.index, dtype=object
    )
    table["speaker_type"] = prefix.where(~prefix.isin(["ambiguous"]), "person")
    table["ambiguous"] = prefix == "ambiguous"
    table["person_id"] = person_key.map(person_ids if person_ids else _person_id)
    table["person"] = person_key.map(shown)
    gender = _gender_from(table["male"].to_numpy(), table["female"].to_numpy())
    table["gender"] = np.where(table["speaker_type"] == "person", gender, "unknown")
    return table


def _group_index(frame: pd.DataFrame, keys: list[str]) -> pd.Index | pd.MultiIndex:
    return pd.MultiIndex.from_frame(frame[keys]) if len(keys) > 1 else pd.Index(frame[keys[0]])


def _joined_forms(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Each group's distinct ``written`` forms, sorted, joined by " | " (one pass, no
    per-group pandas call: there are tens of thousands of groups)."""
    ordered = None
    if keys == ["person_key"]:
        # one key of text: the distinct (key, form) pairs as a set of tuples, sorted as the
        # frame's sort would sort them (both columns are text, compared as Python strings)
        columns = [frame[c].to_numpy(dtype=object).tolist() for c in (*keys, "written")]
        try:
            ordered = sorted(set(zip(*columns, strict=True)))
        except TypeError:  # a missing value among them: the frame's sort below places it
            ordered = None
    if ordered is None:
        forms = frame[[*keys, "written"]].drop_duplicates()
        forms = forms.sort_values([*keys, "written"], kind="stable")
        ordered = zip(_group_index(forms, keys), forms["written"].astype(object), strict=True)
    joined: dict = {}
    for key, form in ordered:
        joined.setdefault(key, []).append(form)
    return pd.Series({k: " | ".join(v) for k, v in joined.items()}, dtype=object)


def _most_used_role(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Each group's most used ``role`` (ties: the one used first); missing when none."""
    roles = frame.loc[frame["role"].notna(), [*keys, "role"]]
    roles = roles.assign(_order=np.arange(len(roles)))
    counts = roles.groupby([*keys, "role"], sort=False, dropna=False)["_order"].agg(["size", "min"])
    counts = counts.reset_index().sort_values(["size", "min"], ascending=[False, True])
    best = counts.drop_duplicates(keys)
    return pd.Series(best["role"].to_numpy(dtype=object), index=_group_index(best, keys))
