"""Which columns of a table file are newslib's fields: ``text``, ``title``, ``date``,
``source``, ``url`` and ``author``.

Exports name them their own way (``headline``, ``body``, ``publishedAt``, ``media_name``,
``byline``...). :func:`match_columns` finds each field's column: the user's renaming first
(``columns=`` in Python, ``--column`` on the command line), then the field's own name, then
the aliases of ``newslib/data/column_aliases.txt`` (the exports of Media Cloud, NewsAPI, GDELT,
news-please, newspaper3k and common scrapers; that file says where each name comes from).
Names match whatever their case and ``_``, ``-``, ``.`` or spaces. A field's own name with no
value in any row gives way to an alias that has values (news-please writes an empty ``text``
beside its ``maintext``).

The text is never guessed: when two columns could hold it (``body`` and ``content``), or
none, :func:`text_problem` says so, listing the columns and the exact flag to pass.
"""

from __future__ import annotations

import functools
import re
import shlex
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

__all__ = ["FIELDS", "aliases", "normalize", "match_columns", "ColumnMatch", "text_problem"]

FIELDS = ("text", "title", "date", "source", "url", "author")

_SEPARATORS = re.compile(r"[\s_.\-]+")


def normalize(name: Any) -> str:
    """A column name as matched: lower case, without ``_``, ``-``, ``.`` and spaces.

    Example:
        >>> normalize("publishedAt"), normalize("Published_At"), normalize("source.name")
        ('publishedat', 'publishedat', 'sourcename')
    """
    return _SEPARATORS.sub("", str(name)).casefold()


@functools.cache
def aliases() -> dict[str, tuple[str, ...]]:
    """Each field's names, in order of preference (the field's own name first), as listed in
    ``newslib/data/column_aliases.txt``.

    Example:
        >>> aliases()["text"][:3]
        ('text', 'body', 'content')
        >>> "media_name" in aliases()["source"]
        True
    """
    raw = resources.files("newslib").joinpath("data/column_aliases.txt").read_text("utf-8")
    found: dict[str, list[str]] = {}
    section = None
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            found[section] = []
        elif section is not None:
            found[section].append(line)
    return {name: tuple(found.get(name, ())) for name in FIELDS}


@functools.cache
def _alias_index() -> dict[str, tuple[str, int]]:
    """Normalised alias -> (field, rank)."""
    return {
        normalize(alias): (name, rank)
        for name, names in aliases().items()
        for rank, alias in enumerate(names)
    }


@dataclass(frozen=True)
class ColumnMatch:
    """What :func:`match_columns` found: ``fields`` maps each field found to its column;
    ``text_candidates`` lists the columns that could each be the text when more than one
    could (then ``text`` is not in ``fields``); ``names`` are every column of the table.

    Example:
        >>> found = match_columns(["story_text", "title", "media_name"])
        >>> found.fields["text"], found.fields["source"], found.text_candidates
        ('story_text', 'media_name', ())
    """

    names: tuple[Hashable, ...]
    fields: dict[str, Hashable]
    text_candidates: tuple[Hashable, ...] = ()
    values: Callable[[Hashable], Iterable[Any]] | None = field(default=None, repr=False)

    def rename(self, record: dict) -> dict:
        """``record`` (a row as ``{column: value}``) as ``{field: value}``, fields only.

        Example:
            >>> match_columns(["headline", "body"]).rename({"headline": "T", "body": "B"})
            {'text': 'B', 'title': 'T'}
        """
        return {name: record[column] for name, column in self.fields.items() if column in record}


def _has_value(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    try:
        import pandas as pd

        missing = pd.api.types.is_scalar(value) and pd.isna(value)
    except (TypeError, ValueError):
        missing = False
    return not missing


def match_columns(
    names: Sequence[Hashable],
    columns: dict[str, str] | None = None,
    values: Callable[[Hashable], Iterable[Any]] | None = None,
) -> ColumnMatch:
    """Find the column of each field among ``names``.

    ``columns`` is the user's renaming (``{"their name": "field"}``): it always wins, and a
    column of a field's own name is then ignored. ``values(name)`` gives a column's values
    when known: a field's own column without any value gives way to an alias with values,
    and only columns with values compete for the text.

    Example:
        >>> match_columns(["Headline", "body", "published_at", "media_name"]).fields
        {'text': 'body', 'title': 'Headline', 'date': 'published_at', 'source': 'media_name'}
        >>> match_columns(["body", "content"]).text_candidates
        ('body', 'content')
        >>> match_columns(["body", "content"], columns={"content": "text"}).fields
        {'text': 'content'}
    """
    names = tuple(names)
    user = {theirs: ours for theirs, ours in (columns or {}).items() if theirs in names}
    found: dict[str, Hashable] = {}
    for theirs, ours in user.items():
        if ours in FIELDS:
            found.setdefault(ours, theirs)
    filled = functools.cache(
        lambda name: values is None or any(_has_value(v) for v in values(name))
    )
    index = _alias_index()
    # Candidates per field, by rank: (rank, position, name) of every column not renamed.
    candidates: dict[str, list[tuple[int, int, Hashable]]] = {name: [] for name in FIELDS}
    for position, name in enumerate(names):
        if name in user:
            continue
        hit = index.get(normalize(name))
        if hit is not None:
            candidates[hit[0]].append((hit[1], position, name))
    ambiguous: tuple[Hashable, ...] = ()
    for name in FIELDS:
        if name in found or not candidates[name]:
            continue
        ranked = sorted(candidates[name], key=lambda c: (c[0], c[1]))
        # The field's own name (any case and spelling; exactly written first).
        own = sorted((c for c in ranked if c[0] == 0), key=lambda c: c[2] != name)
        with_values = [c for c in ranked if filled(c[2])]
        if own and (filled(own[0][2]) or not with_values):
            found[name] = own[0][2]
        elif name == "text" and len(with_values) > 1:
            ambiguous = tuple(c[2] for c in with_values)
        else:
            found[name] = (with_values or ranked)[0][2]
    ordered = {name: found[name] for name in FIELDS if name in found}
    return ColumnMatch(names, ordered, ambiguous, values)


def _text_length(match: ColumnMatch, name: Hashable) -> int:
    if match.values is None:
        return 0
    return sum(len(v) for v in match.values(name) if isinstance(v, str))


def _flag(name: Hashable) -> str:
    """The command-line flag that makes ``name`` the text, quoted for a shell if needed."""
    return f"--column {shlex.quote(f'{name}=text')}"


def _listed(names: Iterable[Hashable], limit: int = 12) -> str:
    names = [str(n) for n in names]
    more = f", ... ({len(names) - limit} more)" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def text_problem(match: ColumnMatch) -> str | None:
    """Why no column was taken as the text, and what to pass (``None`` when one was): the
    columns that could be it, or, when none could, the one holding the most text.

    Example:
        >>> print(text_problem(match_columns(["headline", "body", "content"])))
        ... # doctest: +NORMALIZE_WHITESPACE
        2 columns could be the article text ('body', 'content'): choose one with
        --column body=text (in Python: columns={'body': 'text'}); columns: headline, body,
        content
        >>> print(text_problem(match_columns(["id", "blurb"], values=lambda n: ["x" * len(n)])))
        ... # doctest: +NORMALIZE_WHITESPACE
        no 'text' column, and no column has a name newslib knows for the article text:
        name it with --column blurb=text (in Python: columns={'blurb': 'text'}); columns:
        id, blurb
    """
    if "text" in match.fields:
        return None
    if match.text_candidates:
        # The longest text first: e.g. NewsAPI's "content" is cut at 200 characters.
        ranked = sorted(match.text_candidates, key=lambda n: -_text_length(match, n))
        best = ranked[0]
        listed = ", ".join(repr(str(n)) for n in match.text_candidates)
        return (
            f"{len(match.text_candidates)} columns could be the article text ({listed}): "
            f"choose one with {_flag(best)} (in Python: columns={{{str(best)!r}: 'text'}}); "
            f"columns: {_listed(match.names)}"
        )
    taken = set(match.fields.values())
    others = [n for n in match.names if n not in taken]
    best = max(others, key=lambda n: _text_length(match, n), default="COLUMN")
    return (
        "no 'text' column, and no column has a name newslib knows for the article text: "
        f"name it with {_flag(best)} (in Python: columns={{{str(best)!r}: 'text'}}); "
        f"columns: {_listed(match.names)}"
    )
