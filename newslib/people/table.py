"""The people table and its public entry points: :func:`people`, :func:`people_and_quotes` and
:func:`with_people` resolve the quotes table's sources (:mod:`newslib.people.resolve`), count
them (``aggregate``), apply the aliases file's types and genders and give the table its column
order and dtypes; ``newslib analyze``'s corpus step calls :func:`_people_from_sources`.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from .._frame import require_columns
from .aggregate import _aggregate, _drop_in_place, _numbered, _person_ids
from .aliases import Aliases, read_aliases
from .names import _fold
from .resolve import _resolve

#: The columns of :func:`people`, in order (``source`` first when ``by="source"``).
PEOPLE_COLUMNS = [
    "person_id",
    "person",
    "speaker_type",
    "gender",
    "role",
    "ambiguous",
    "aliases",
    "n_articles",
    "n_quotes",
    "n_attributions",
    "quoted_words",
    "attributed_words",
    "first_date",
    "last_date",
]


def people(
    quotes: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    *,
    by: str | None = None,
    aliases: Aliases | str | os.PathLike | None = None,
) -> pd.DataFrame:
    """One row per person (or organisation, or kind of anonymous source) who speaks in the
    corpus, from the quotes table (:func:`newslib.quotes`).

    Columns: ``person_id`` (stable: a hash of the person's key), ``person`` (the name shown),
    ``speaker_type`` (person, organization, anonymous, unknown), ``gender`` (female, male,
    unknown: as the articles refer to the person), ``role`` (the descriptor used most),
    ``ambiguous`` (a bare surname several people could be meant by), ``aliases`` (every form
    seen, " | "-separated), ``n_articles``, ``n_quotes`` (quotations: direct and partial rows),
    ``n_attributions``, ``quoted_words``, ``attributed_words`` (quoted and reported), and, with
    ``articles`` (for their ``date``), ``first_date`` and ``last_date``. Sorted by attributed
    words. ``by="source"`` (needs ``articles`` with a ``source`` column) gives one row per
    person and source. ``aliases``: a file or :class:`Aliases` applied last; what it did is in
    ``df.attrs["aliases_applied"]``.

    Example:
        >>> import pandas as pd, newslib
        >>> text = ('Sen. Ann Lee spoke.\\n\\n"We will win," said Ann Lee. Mrs. Lee said that '
        ...         'the vote was close.\\n\\nOfficials said the count went on.')
        >>> q = newslib.quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
        >>> table = people(q)
        >>> table[["person", "speaker_type", "gender", "n_attributions"]].values.tolist()
        [['Ann Lee', 'person', 'female', 2], ['officials', 'anonymous', 'unknown', 1]]
    """
    return people_and_quotes(quotes, articles, by=by, aliases=aliases)[0]


def people_and_quotes(
    quotes: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    *,
    by: str | None = None,
    aliases: Aliases | str | os.PathLike | None = None,
    facts: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(people(quotes, ...), with_people(quotes, ...))`` from one resolution of the sources:
    the people table and the quotes table with ``person_id`` and ``person``. ``facts``:
    :func:`source_facts` of these quotes when already computed (then ``quotes`` needs
    ``quote_id`` too); the result is the same.

    Example:
        >>> import pandas as pd, newslib
        >>> q = newslib.quotes(pd.DataFrame({"article_id": ["a"], "text": ['"Yes," said Al Roe.']}))
        >>> table, rows = people_and_quotes(q)
        >>> table["person_id"].tolist() == rows["person_id"].dropna().tolist()
        True
    """
    require_columns(
        quotes,
        ["article_id", "kind", "n_words", "attribution_id", "speaker", "speaker_mention"],
        caller="people",
    )
    if by not in (None, "source"):
        raise ValueError(f"by must be None or 'source', not {by!r}")
    if by == "source" and (articles is None or "source" not in articles.columns):
        raise ValueError("people(by='source') needs articles= with a 'source' column")
    if aliases is not None and not isinstance(aliases, Aliases):
        aliases = read_aliases(aliases)
    table, (person_ids, persons) = _people_and_persons(quotes, articles, by, aliases, facts)
    rows = quotes.copy()
    rows["person_id"] = pd.array(person_ids, dtype="string")
    rows["person"] = pd.array(persons, dtype="string")
    rows.attrs["aliases_applied"] = table.attrs["aliases_applied"]
    return table, rows


def _people_and_persons(
    quotes: pd.DataFrame,
    articles: pd.DataFrame | None,
    by: str | None,
    aliases: Aliases | None,
    facts: pd.DataFrame | None,
) -> tuple[pd.DataFrame, tuple[np.ndarray, np.ndarray]]:
    """The people table and, row for row with ``quotes``, each row's ``person_id`` and
    ``person`` as object arrays (None where there is none; equal values are one object), without
    a copy of ``quotes``: what :func:`people_and_quotes` and ``newslib analyze``'s corpus step
    (millions of rows) build on."""
    sources, shown, notes = _resolve(quotes, aliases, facts)
    return _people_from_sources(sources, shown, notes, quotes.index, articles, by, aliases)


def _people_from_sources(
    sources: pd.DataFrame,
    shown: dict[str, str],
    notes: list[str],
    index: pd.Index,
    articles: pd.DataFrame | None,
    by: str | None,
    aliases: Aliases | None,
) -> tuple[pd.DataFrame, tuple[np.ndarray, np.ndarray]]:
    """:func:`_people_and_persons` from :func:`_resolve`'s result; ``index``: the quotes
    table's index (the quotes themselves are no longer needed)."""
    person_ids = np.full(len(index), None, dtype=object)
    persons = np.full(len(index), None, dtype=object)
    ids: dict[str, str] = {}  # each key's person id, worked out once
    groups = None  # each source's person (numbered in order of first appearance), and theirs
    if len(sources):
        where = index.get_indexer(sources["row"].to_numpy())
        # each distinct key's id and name worked out once, then taken row by row in numpy
        codes, uniques = _numbered(sources["person_key"].to_numpy(dtype=object))
        distinct = uniques.tolist()
        ids = _person_ids(distinct)
        person_ids[where] = _objects([ids[key] for key in distinct])[codes]
        persons[where] = _objects([shown.get(key) for key in distinct])[codes]
        groups = (codes, pd.Index(uniques, dtype=object, name="person_key"))
    columns = (["source"] if by else []) + PEOPLE_COLUMNS
    if len(sources) == 0:
        table = _typed(pd.DataFrame({c: [] for c in columns}))
        table.attrs["aliases_applied"] = notes
        return table, (person_ids, persons)
    if articles is not None:
        # the articles' source only when the table is by source: millions of rows otherwise
        extra = [c for c in ("date", "source") if c in articles.columns and (c == "date" or by)]
        info = articles[["article_id", *extra]].drop_duplicates("article_id")
        info = info.assign(article_id=info["article_id"].astype("string"))
        needed = ["person_key", "article_id", "kind", "n_words", "attribution_id", "votes"]
        # dropped in place: the frame is the step's own (made by _sources), and its other
        # columns (millions of rows) are freed even while a caller still holds it
        _drop_in_place(sources, keep=[*needed, "written", "role"])
        found = pd.Index(info["article_id"]).get_indexer(sources["article_id"])
        if (found >= 0).all():  # each source's article: its columns taken by position
            for c in extra:  # put in place too (index 0..n-1), dtypes kept
                sources[c] = info[c].iloc[found].array
        else:
            sources = sources.merge(info, on="article_id", how="left")
        del found
    keys = ["person_key"] + (["source"] if by else [])
    table = _aggregate(sources, keys, shown, ids, groups if keys == ["person_key"] else None)
    table = _apply_settings(table, aliases, notes)
    table = table.sort_values(
        ["attributed_words", "n_attributions", "person"], ascending=[False, False, True]
    )
    table = _typed(table[columns].reset_index(drop=True))
    table.attrs["aliases_applied"] = notes
    return table, (person_ids, persons)


def _objects(values: list) -> np.ndarray:
    """``values`` as a one-dimensional object array (never a two-dimensional one, whatever
    the values are).

    Example:
        >>> _objects(["a", None]).tolist()
        ['a', None]
    """
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _apply_settings(table: pd.DataFrame, aliases: Aliases | None, notes: list[str]):
    if aliases is None:
        return table
    names = table["person"].map(_fold)
    alias_sets = table["aliases"].map(lambda a: {_fold(x) for x in a.split(" | ")})

    def rows_of(name: str) -> np.ndarray:
        folded = _fold(name)
        return ((names == folded) | alias_sets.map(lambda s: folded in s)).to_numpy()

    for setting, column, values in (
        ("type", "speaker_type", aliases.types),
        ("gender", "gender", aliases.genders),
    ):
        for name, value in values.items():
            line = aliases.lines[(setting, name)]
            hit = rows_of(name)
            if not hit.any():
                notes.append(f"{aliases.source} line {line}: {setting} {name!r} matches no source")
                continue
            table.loc[hit, column] = value
            notes.append(f"{aliases.source} line {line}: {setting} {name!r} -> {value!r}")
    return table


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    dtypes = {
        "source": "string",
        "person_id": "string",
        "person": "string",
        "speaker_type": "string",
        "gender": "string",
        "role": "string",
        "ambiguous": "bool",
        "aliases": "string",
        "n_articles": "int64",
        "n_quotes": "int64",
        "n_attributions": "int64",
        "quoted_words": "int64",
        "attributed_words": "int64",
    }
    table = table.astype({c: t for c, t in dtypes.items() if c in table.columns})
    for column in ("first_date", "last_date"):
        if column in table.columns and not pd.api.types.is_datetime64_any_dtype(table[column]):
            table[column] = pd.to_datetime(table[column])
    return table


def with_people(
    quotes: pd.DataFrame, *, aliases: Aliases | str | os.PathLike | None = None
) -> pd.DataFrame:
    """``quotes`` with ``person_id`` and ``person``: the corpus person (see :func:`people`) of
    each row's source; NA for scare quotes and rows without a source.

    Example:
        >>> import pandas as pd, newslib
        >>> text = '"It rained," said Ann Lee.\\n\\nThe storm passed.'
        >>> q = newslib.quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))
        >>> with_people(q)[["speaker", "person"]].values.tolist()
        [['Ann Lee', 'Ann Lee']]
    """
    return people_and_quotes(quotes, aliases=aliases)[1]
