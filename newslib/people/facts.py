"""Per-article source facts: :func:`source_facts` gives each speech row with a source its type,
key, shown and written name, gender votes and role, from its own speaker and mention only (so
``newslib analyze`` computes them in its workers, cached); :func:`_sources` lays the quotes
table's sources out with their counts and facts for :mod:`newslib.people.resolve`.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .._frame import require_columns
from .first_names import _SUFFIXES
from .gender import _gender_votes
from .names import _POSSESSIVE, _fold
from .roles import _role_of
from .speaker_types import _type_of


def _source_facts(speaker: str | None, mention: str | None) -> tuple:
    """``(speaker_type, key, shown, written, votes, role)`` of one (speaker, mention) pair."""
    named, as_written = _with_suffix(speaker, mention)
    kind, key, shown = _type_of(named, mention)
    written = _POSSESSIVE.sub("", " ".join(str(mention if speaker is None else as_written).split()))
    if written.endswith(".") and len(written.rsplit(" ", 1)[-1]) > 4:  # "Donald Trump." (not Jr.)
        written = written[:-1]
    role = _role_of(mention, named) if kind == "person" and mention and speaker else None
    return kind, key, shown, written, _gender_votes(mention, speaker), role


# A name's suffix after a comma in the mention ("Tom Roe, Jr., said"): the speaker read stops
# at the comma.
_COMMA_SUFFIX = re.compile(r",\s*([A-Za-z]{2,3}\.?)(?=[\s,;)]|$)")


def _with_suffix(speaker: str | None, mention: str | None) -> tuple[str | None, str | None]:
    """``(name, as written)`` of a speaker whose mention gives its suffix after a comma
    ("Tom Roe" in "Tom Roe, Jr." is the name "Tom Roe Jr.", written "Tom Roe, Jr.", the key of
    "Tom Roe Jr."); the speaker twice otherwise.

    >>> _with_suffix("Tom Roe", "Tom Roe, III, a fisher")
    ('Tom Roe III', 'Tom Roe, III')
    >>> _with_suffix("Tom Roe", "Tom Roe, a fisher")
    ('Tom Roe', 'Tom Roe')
    """
    if not isinstance(speaker, str) or not isinstance(mention, str) or "," not in mention:
        return speaker, speaker
    name = " ".join(speaker.split())
    text = " ".join(mention.split())
    at = text.find(name)
    found = _COMMA_SUFFIX.match(text, at + len(name)) if at >= 0 and name else None
    if found is None or _fold(found.group(1)) not in _SUFFIXES:
        return speaker, speaker
    return f"{name} {found.group(1)}", text[at : found.end()]


_FACTS = ("speaker_type", "key", "shown", "written", "votes", "role")


def _speech_with_source(quotes: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """The speech rows of ``quotes`` with a source (only its ``columns`` when given): one
    mask and one selection, not a copy of millions of rows per condition."""
    keep = (quotes["kind"] != "scare") & (
        quotes["speaker"].notna() | quotes["speaker_mention"].notna()
    )
    return (quotes if columns is None else quotes[columns])[keep]


def source_facts(quotes: pd.DataFrame) -> pd.DataFrame:
    """What each source of a quotes table says on its own, before any corpus-level merge: one
    row per speech row with a source (``article_id``, ``quote_id``) and its ``speaker_type``,
    ``key``, ``shown`` name, the name as ``written``, gender ``votes`` and ``role``.

    Rows depend on their own speaker and mention only, so a large corpus can compute them
    article by article (in parallel, cached: ``newslib analyze`` does) and hand them to
    :func:`people_and_quotes` as ``facts=``. Each distinct (speaker, mention) pair is worked
    out once: names come back again and again.

    Example:
        >>> import pandas as pd, newslib
        >>> q = newslib.quotes(pd.DataFrame({"article_id": ["a"], "text": ['"Yes," said Al Roe.']}))
        >>> source_facts(q)[["quote_id", "speaker_type", "shown"]].values.tolist()
        [[0, 'person', 'Al Roe']]
    """
    require_columns(
        quotes,
        ["article_id", "quote_id", "kind", "speaker", "speaker_mention"],
        caller="source_facts",
    )
    speech = _speech_with_source(quotes)
    return pd.DataFrame(
        {
            "article_id": pd.array(speech["article_id"].astype(str).to_numpy(), dtype="string"),
            "quote_id": speech["quote_id"].to_numpy(dtype=np.int64),
            **_facts_of(speech),
        }
    )


def _facts_of(speech: pd.DataFrame) -> dict[str, pd.api.extensions.ExtensionArray]:
    """:func:`source_facts`'s fact columns for the rows of ``speech``."""
    speakers = speech["speaker"].astype(object).where(speech["speaker"].notna(), None)
    mentions = (
        speech["speaker_mention"].astype(object).where(speech["speaker_mention"].notna(), None)
    )
    pairs = list(zip(speakers.tolist(), mentions.tolist(), strict=True))
    known: dict[tuple, tuple] = {}
    facts = [known.get(p) or known.setdefault(p, _source_facts(*p)) for p in pairs]
    columns = list(zip(*facts, strict=True)) if facts else [[] for _ in _FACTS]
    return {
        name: pd.array(list(values), dtype="int64" if name == "votes" else "string")
        for name, values in zip(_FACTS, columns, strict=True)
    }


def _sources(
    quotes: pd.DataFrame, facts: pd.DataFrame | None = None, *, shared: bool = False
) -> pd.DataFrame:
    """One row per speech row of the quotes table that has a source: its row label (``row``),
    counts and :func:`source_facts` (computed here unless given). ``shared``: the text columns
    of ``quotes`` and ``facts`` are object columns in which equal strings are already one
    object and a missing value is None (as ``newslib analyze`` reads them), taken as they are
    instead of numbered again."""
    share = _object_column if shared else _shared_objects
    # the speakers and mentions only when their facts are worked out here
    columns = ["article_id", "kind"] + ([] if facts is not None else ["speaker", "speaker_mention"])
    speech = _speech_with_source(quotes, columns)
    where = quotes.index.get_indexer(speech.index)
    if facts is None:
        facts = pd.DataFrame(_facts_of(speech))
    else:
        facts = _facts_for(quotes, speech, where, facts)
    # Only the rows with a key, picked column by column (not a copy of the whole frame after).
    key = facts["key"]
    if key.dtype == object:  # compared in numpy, not by pandas value by value
        keep = key.to_numpy() != ""
    else:
        keep = (key != "").to_numpy(dtype=bool)
    del key
    # Text columns as object arrays in which equal strings are one object (kept as objects,
    # not made Arrow strings again): millions of rows repeat few names, ids and kinds.
    columns = dict(
        {
            "row": speech.index.to_numpy()[keep],
            "article_id": share(_as_text(speech["article_id"][keep])),
            "kind": share(_as_text(speech["kind"][keep])),
            "n_words": quotes["n_words"].to_numpy()[where[keep]],
            "attribution_id": quotes["attribution_id"].to_numpy()[where[keep]],
            **{
                name: (
                    facts[name].to_numpy(dtype=np.int64)[keep]
                    if name == "votes"
                    else share(facts[name][keep])
                )
                for name in _FACTS
            },
        }
    )
    # Put in one at a time: DataFrame(columns) would copy them all into one block first, a
    # second copy of millions of rows at the step's peak.
    frame = pd.DataFrame(index=pd.RangeIndex(int(keep.sum())))
    for name in list(columns):
        frame[name] = columns.pop(name)
    return frame


def _facts_for(
    quotes: pd.DataFrame, speech: pd.DataFrame, where: np.ndarray, facts: pd.DataFrame
) -> pd.DataFrame:
    """``facts`` (:func:`source_facts` computed elsewhere) row for row with ``speech``: as
    they are when they come in the same order (``newslib analyze`` writes them so), else
    joined by article and quotation."""
    numbers = quotes["quote_id"].to_numpy(dtype=np.int64)[where]
    if len(facts) == len(speech):
        # compared as text columns, not as a Python string per row (millions at corpus scale)
        same = (facts["quote_id"].to_numpy(dtype=np.int64) == numbers).all() and (
            _as_text(facts["article_id"])
            .reset_index(drop=True)
            .equals(_as_text(speech["article_id"]).reset_index(drop=True))
        )
        if same:
            return facts.reset_index(drop=True)
    ids = speech["article_id"].astype(str).to_numpy()
    given = facts.assign(article_id=facts["article_id"].astype(str))
    wanted = pd.DataFrame({"article_id": ids, "quote_id": numbers})
    joined = wanted.merge(given, on=["article_id", "quote_id"], how="left", validate="1:1")
    if joined["key"].isna().any():
        raise ValueError("people: facts= lacks sources of the quotes table (see source_facts)")
    return joined


def _as_text(column: pd.Series) -> pd.Series:
    """``column.astype("string")``, or ``column`` itself when it is an object column of
    Python strings only (no missing value): the same text, without a copy of millions of
    strings (``newslib analyze`` reads its ids and kinds so)."""
    if column.dtype == object and pd.api.types.infer_dtype(column, skipna=False) == "string":
        return column
    return column.astype("string")


def _shared_objects(column: pd.Series) -> pd.Series:
    """``column`` as an object Series (None for missing, index 0..n-1) in which equal strings
    are one object: a name said in thousands of rows is stored once, not once a row. A Series
    of dtype object, as pandas 3 would make an object array of strings in a DataFrame an Arrow
    string column again (each string's bytes once a row)."""
    codes, uniques = pd.factorize(column)
    values = np.asarray(uniques, dtype=object)
    out = values[np.where(codes < 0, 0, codes)] if len(values) else np.full(len(codes), None)
    out[codes < 0] = None
    return pd.Series(out, dtype=object)


def _object_column(column: pd.Series) -> pd.Series:
    """``column``'s values as an object Series (None for missing, index 0..n-1), the objects
    themselves kept: :func:`_shared_objects` of a column whose equal strings are already one
    object.

    Example:
        >>> _object_column(pd.Series(["a", None, "b"], index=[4, 5, 6], dtype=object)).tolist()
        ['a', None, 'b']
    """
    values = column.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(values, skipna=False) == "string":
        return pd.Series(values, dtype=object)  # strings only (one C pass, not a test per value)
    missing = pd.isna(values)
    if missing.any():
        values = values.copy()
        values[missing] = None
    return pd.Series(values, dtype=object)
