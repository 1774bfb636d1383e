"""Tables of who speaks, for the notebooks and the report (``nb.top_people`` and friends).

Each takes the :class:`newslib.notebook.CorpusData` of a notebook and returns a small table with
column names a reader can read; the counting is :mod:`newslib.people`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .notebook import CorpusData

__all__ = [
    "top_people",
    "top_people_by_source",
    "speaker_types",
    "speaker_genders",
    "attributions",
]

#: How the tables name each kind of source, in order.
TYPE_LABELS = {
    "person": "named people",
    "organization": "organisations",
    "anonymous": "unnamed people",
    "unknown": "unclear",
    "none": "no source given",
}
#: How the tables name the genders the articles give.
GENDER_LABELS = {"female": "she", "male": "he", "unknown": "not stated"}
_ALL = "all articles"


def top_people(data: CorpusData, n: int = 10) -> pd.DataFrame:
    """The ``n`` named people with most words attributed to them across the corpus: person,
    role, how the articles refer to them, articles, attributions, quoted, reported and
    attributed words. An ``ambiguous`` surname (more than one person could be meant) is marked.

    Example:
        >>> from newslib.notebook import prepare
        >>> table = top_people(prepare("seeds"))
        >>> table[["person", "referred to as", "attributions"]].values.tolist()
        [['Gleb Karakulov', 'he', 6]]
    """
    people = data.people
    if people.empty or "speaker_type" not in people:
        people = pd.DataFrame(columns=["person", "speaker_type"])
    people = people[people["speaker_type"] == "person"].head(n)
    names = [
        f"{name} (which one is unclear)" if ambiguous else name
        for name, ambiguous in zip(
            people.get("person", []), people.get("ambiguous", [False] * len(people)), strict=True
        )
    ]
    return pd.DataFrame(
        {
            "person": pd.array(names, dtype="string"),
            "role": people.get("role", pd.Series(dtype="string")).to_numpy(),
            "referred to as": [GENDER_LABELS.get(g, g) for g in people.get("gender", [])],
            "articles": people.get("n_articles", pd.Series(dtype="int64")).to_numpy(),
            "attributions": people.get("n_attributions", pd.Series(dtype="int64")).to_numpy(),
            "quoted words": people.get("quoted_words", pd.Series(dtype="int64")).to_numpy(),
            "reported words": (
                people.get("attributed_words", pd.Series(dtype="int64"))
                - people.get("quoted_words", pd.Series(dtype="int64"))
            ).to_numpy(),
            "attributed words": people.get("attributed_words", pd.Series(dtype="int64")).to_numpy(),
        }
    )


def _attributions(data: CorpusData) -> pd.DataFrame:
    """One row per attribution (article, attribution_id) of the corpus: its source's type,
    gender and person, its attributed words, and the article's source."""
    quotes = data.quotes
    if quotes.empty or "person_id" not in quotes:
        return pd.DataFrame(columns=["article_id", "type", "gender", "person", "words", "group"])
    speech = quotes[quotes["kind"] != "scare"]
    people = data.people.set_index("person_id") if not data.people.empty else None
    first = speech.drop_duplicates(["article_id", "attribution_id"])
    words = speech.groupby(["article_id", "attribution_id"], dropna=False)["n_words"].sum()
    frame = pd.DataFrame(
        {
            "article_id": first["article_id"].astype("string").to_numpy(),
            "person_id": first["person_id"].to_numpy(),
            "words": words.reindex(
                pd.MultiIndex.from_frame(first[["article_id", "attribution_id"]])
            ).to_numpy(),
        }
    )
    known = frame["person_id"].notna().to_numpy()
    frame["type"] = "none"
    frame["gender"] = "unknown"
    frame["person"] = pd.NA
    if people is not None and known.any():
        ids = frame.loc[known, "person_id"]
        frame.loc[known, "type"] = people["speaker_type"].reindex(ids).to_numpy()
        frame.loc[known, "gender"] = people["gender"].reindex(ids).to_numpy()
        frame.loc[known, "person"] = people["person"].reindex(ids).to_numpy()
    group = data.group
    if group is not None:
        sources = data.articles[["article_id", group]].astype({"article_id": "string"})
        frame = frame.merge(sources, on="article_id", how="left")
        frame["group"] = frame[group].astype("string").fillna("not stated")
    else:
        frame["group"] = _ALL
    return frame


def attributions(data: CorpusData) -> pd.DataFrame:
    """One row per attribution of the corpus, for the people plots (``newslib.plot.speaker_types``,
    ``speaker_genders``, ``share_over_time``): ``article_id``, ``type`` of source (person,
    organization, anonymous, unknown, none), ``gender`` (female, male, unknown), ``person``,
    attributed ``words``, the article's group column (when the corpus has one) and ``date``.

    Example:
        >>> from newslib.notebook import prepare
        >>> table = attributions(prepare("seeds"))
        >>> len(table), int((table["type"] == "person").sum()), "date" in table
        (8, 6, True)
    """
    frame = _attributions(data)
    dates = data.articles[["article_id", "date"]].astype({"article_id": "string"})
    if "date" in frame.columns:
        frame = frame.drop(columns="date")
    return frame.astype({"article_id": "string"}).merge(dates, on="article_id", how="left")


def speaker_types(data: CorpusData) -> pd.DataFrame:
    """Who the attributions come from, per source (or for all articles): the number of
    attributions and the share from named people, organisations, unnamed people (anonymous
    sourcing: "a senior aide", "officials"), unclear sources and none at all (a passive, "it
    was reported"), in percent of the attributions.

    Example:
        >>> from newslib.notebook import prepare
        >>> table = speaker_types(prepare("seeds"))
        >>> table.columns.tolist()[:3], int(table["attributions"].iloc[0])
        (['source', 'attributions', 'named people'], 8)
    """
    frame = _attributions(data)
    columns = ["source", "attributions", *TYPE_LABELS.values()]
    if frame.empty:
        return pd.DataFrame({c: [] for c in columns})
    counts = pd.crosstab(frame["group"], frame["type"]).reindex(columns=list(TYPE_LABELS))
    counts = counts.fillna(0).astype("int64")
    total = counts.sum(axis=1)
    shares = counts.div(total, axis=0).mul(100).round(0).astype("int64")
    table = shares.rename(columns=TYPE_LABELS).map(lambda v: f"{v}%")
    table.columns.name = None
    table.insert(0, "attributions", total)
    return table.reset_index(names="source")[columns]


def speaker_genders(data: CorpusData) -> pd.DataFrame:
    """How the articles refer to the named people they attribute speech to, per source (or for
    all articles): the number of people, and the share of those people's attributed words
    said by people the articles call she, he, or whose gender they do not state. Gender is
    what the articles say (Mr., Ms., he, she), never guessed from a name.

    Example:
        >>> from newslib.notebook import prepare
        >>> speaker_genders(prepare("seeds")).values.tolist()
        [['all articles', 1, '0%', '100%', '0%']]
    """
    frame = _attributions(data)
    frame = frame[frame["type"] == "person"]
    columns = ["source", "people", *GENDER_LABELS.values()]
    if frame.empty:
        return pd.DataFrame({c: [] for c in columns})
    words = frame.pivot_table(
        index="group", columns="gender", values="words", aggfunc="sum", fill_value=0
    ).reindex(columns=list(GENDER_LABELS), fill_value=0)
    shares = words.div(words.sum(axis=1).where(lambda t: t > 0), axis=0).mul(100)
    table = shares.round(0).fillna(0).astype("int64").map(lambda v: f"{v}%")
    table.columns = list(GENDER_LABELS.values())
    table.insert(0, "people", frame.groupby("group")["person"].nunique())
    return table.reset_index(names="source")[columns]


def top_people_by_source(data: CorpusData, n: int = 3) -> pd.DataFrame:
    """The ``n`` named people with most attributed words in each source: source, person,
    attributions, attributed words. Empty when the articles come from one source.

    Example:
        >>> from newslib.notebook import prepare
        >>> top_people_by_source(prepare("seeds")).empty  # one source: nothing to compare
        True
    """
    columns = ["source", "person", "attributions", "attributed words"]
    frame = _attributions(data)
    frame = frame[(frame["type"] == "person") & (frame["group"] != _ALL)]
    if frame.empty:
        return pd.DataFrame({c: [] for c in columns})
    per = (
        frame.groupby(["group", "person"])
        .agg(attributions=("words", "size"), words=("words", "sum"))
        .reset_index()
        .sort_values(["group", "words", "person"], ascending=[True, False, True])
        .groupby("group")
        .head(n)
    )
    return pd.DataFrame(
        {
            "source": per["group"].to_numpy(),
            "person": per["person"].to_numpy(),
            "attributions": per["attributions"].astype("int64").to_numpy(),
            "attributed words": per["words"].astype("int64").to_numpy(),
        }
    )
