"""Helpers for the notebooks in ``notebooks/``: load and analyse once, escape untrusted text,
write the findings as sentences computed from the data, and figures with widget controls.

The notebooks stay short because the work lives here: ``prepare(CORPUS)`` gives every table a
notebook needs, ``*_findings(data)`` return Markdown whose every number comes from the data, and
``figure_with_controls`` draws a default figure (what a headless run such as papermill shows)
and, in Jupyter, redraws it when a widget changes.

Article titles, speaker names and text are untrusted: everything that puts them into Markdown
or HTML goes through ``md_escape`` or ``html_table`` (``to_html(escape=True)``), so a
``<script>`` in an article is shown as text, never run.

This module holds the data of a notebook (:class:`CorpusData`, ``prepare``) and the views of
its articles and load; the notebooks reach every helper here as ``nb.<name>``, each family in
a module of its own: ``newslib.notebook_display`` (escaping, tables), ``notebook_findings``
(the findings, ``top_speakers``), ``notebook_sentiment`` (tone by voice), ``notebook_timeline``
(``timeline_findings``), ``notebook_people`` (who speaks) and ``notebook_widgets`` (the
Explore sections' controls).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .analyze import analyze_tables
from .io import load as _load
from .loadreport import NoArticlesError, no_articles_message
from .notebook_display import (
    Table,
    _isna,
    _shorten,
    html_table,
    md_escape,
    metric_words,
    show_markdown,
)
from .notebook_findings import (
    _plural,
    _source_phrase,
    _values,
    overview_findings,
    quotes_findings,
    readability_findings,
    top_speakers,
    voices_findings,
)
from .notebook_sentiment import (
    VOICE_LABELS,
    VOICE_PALETTE,  # noqa: F401  (nb.VOICE_PALETTE, as before the split)
    sentences_by_voice,
    sentiment_findings,
    voice_sentiment,
)
from .notebook_timeline import (
    _period_label,  # noqa: F401  (the tests reach it as nb._period_label)
    timeline_findings,
)
from .quotes import speakers as _speakers

__all__ = [
    "CorpusData",
    "prepare",
    "md_escape",
    "html_table",
    "Table",
    "show_markdown",
    "metric_words",
    "overview_findings",
    "readability_findings",
    "quotes_findings",
    "voices_findings",
    "top_speakers",
    "top_people",
    "top_people_by_source",
    "speaker_types",
    "speaker_genders",
    "attributions",
    "voice_sentiment",
    "sentences_by_voice",
    "sentiment_findings",
    "timeline_findings",
    "load_findings",
    "load_problems",
    "figure_with_controls",
    "dropdown",
    "month_slider",
    "month_options",
    "source_options",
    "select",
    "selection_caption",
    "article_choices",
    "article_picker",
]

# --------------------------------------------------------------------------------------------
# The data of a notebook
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusData:
    """Everything a notebook shows, computed once by ``prepare``.

    Attributes:
        corpus: what was loaded (the ``CORPUS`` parameter).
        raw: the loaded articles (with ``text``), as ``newslib.load`` returns them.
        articles: one row per article: metadata and every article-level score
            (``newslib.analyze``).
        sentences: one row per sentence with VADER scores, ``in_quote``, ``in_reported``
            and ``voice``.
        quotes: one row per quotation or piece of reported speech (and scare quote).
        speakers: one row per (article, speaker) of attributed speech, quoted or reported.
        people: one row per person (or organisation, or kind of unnamed source) across the
            corpus (``newslib.people``); ``quotes`` has each row's ``person_id``.
    """

    corpus: str
    raw: pd.DataFrame
    articles: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    speakers: pd.DataFrame
    people: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def group(self) -> str | None:
        """``"source"`` when the articles come from more than one source, else ``None``."""
        if "source" not in self.articles.columns:
            return None
        return "source" if self.articles["source"].dropna().nunique() > 1 else None

    @property
    def dated(self) -> pd.DataFrame:
        """The articles that have a date (a timeline cannot place the others)."""
        if "date" not in self.articles.columns:
            return self.articles.iloc[0:0]
        return self.articles[self.articles["date"].notna()]

    @property
    def sources(self) -> list[str]:
        """The distinct sources, sorted (empty when there is no source column)."""
        if "source" not in self.articles.columns:
            return []
        return sorted(self.articles["source"].dropna().unique().tolist())

    def title(self, article_id: str) -> str:
        """The title of an article, escaped for Markdown (its id when it has no title)."""
        rows = self.articles[self.articles["article_id"] == article_id]
        if rows.empty or "title" not in rows.columns or _isna(rows["title"].iloc[0]):
            return md_escape(article_id)
        return md_escape(rows["title"].iloc[0])

    def article_options(self) -> list[tuple[str, str]]:
        """``(label, article_id)`` pairs for an article picker, sorted by date then title."""
        cols = [c for c in ("date", "title", "article_id") if c in self.articles.columns]
        rows = self.articles[cols].sort_values(cols, na_position="last", kind="stable")
        options = []
        for row in rows.itertuples(index=False):
            date = getattr(row, "date", pd.NaT)
            title = getattr(row, "title", None)
            label = _shorten("" if _isna(title) else str(title), 60) or row.article_id
            if not pd.isna(date):
                label = f"{date:%Y-%m-%d} · {label}"
            options.append((label, row.article_id))
        return options

    def pick(self, article_id: str | None, metric: str, *, largest: bool = True) -> str | None:
        """``article_id`` if it is in the corpus, else the article with the largest (or
        smallest) ``metric``; ``None`` for an empty corpus. Ties go to the first article id."""
        ids = self.articles["article_id"]
        if article_id is not None:
            if not (ids == article_id).any():
                raise ValueError(
                    f"ARTICLE {article_id!r} is not in the corpus; use one of the article_id "
                    "values of data.articles, or None to let the notebook choose"
                )
            return article_id
        if self.articles.empty:
            return None
        values = pd.to_numeric(self.articles[metric], errors="coerce").astype(float)
        order = pd.DataFrame({"v": values.to_numpy(), "id": ids.to_numpy()}).dropna()
        if order.empty:
            return str(ids.sort_values().iloc[0])
        order = order.sort_values(["v", "id"], ascending=[not largest, True], kind="stable")
        return str(order["id"].iloc[0])


def prepare(
    corpus: str | os.PathLike | pd.DataFrame,
    *,
    load: Mapping[str, Any] | None = None,
    dedupe: str | None = None,
) -> CorpusData:
    """Load a corpus (a path, a glob or an article table) and run every analysis once.

    ``load`` holds the load options (the notebooks' ``LOAD`` parameter), as
    :func:`newslib.load` takes them, e.g. ``{"columns": {"body": "text"}, "tz": "UTC"}``.
    ``dedupe="near"`` (the ``DEDUPE`` parameter) counts each story once: near-duplicate
    articles are left out of every table (see :func:`newslib.analyze.analyze_tables`).
    A corpus that gives no article raises :class:`newslib.loadreport.NoArticlesError` with
    the load report's first reasons.

    Example:
        >>> data = prepare("seeds", load={"source_from": "auto"})
        >>> len(data.articles), data.group, len(data.sentences) > 0
        (1, None, True)
    """
    options = dict(load or {})
    if isinstance(corpus, pd.DataFrame):
        if options:
            raise ValueError("LOAD options apply when CORPUS is a path, not an article table")
        raw = corpus
    else:
        raw = _load(corpus, **options)
    if raw.empty:
        if isinstance(corpus, pd.DataFrame):
            raise NoArticlesError("the article table is empty; set CORPUS to articles")
        hint = (
            "set CORPUS to a folder or file of articles, and LOAD to the options the reasons "
            "ask for (e.g. LOAD = {'columns': {'body': 'text'}})"
        )
        raise NoArticlesError(
            no_articles_message(
                raw.attrs.get("load_report", []),
                raw.attrs.get("load_summary", {}),
                str(corpus),
                hint=hint,
            )
        )
    tables = analyze_tables(raw, dedupe=dedupe)
    if dedupe == "near":  # the articles left out are left out of every view
        raw = raw[raw["article_id"].isin(tables["articles"]["article_id"])]
    name = "a DataFrame" if isinstance(corpus, pd.DataFrame) else os.fspath(corpus)
    # Titles on the sentence rows let the sentence plots name their article.
    titles = (
        raw[["article_id", "title"]].astype({"article_id": "string"}) if "title" in raw else None
    )
    sentences = tables["sentences"]
    if titles is not None:
        sentences = sentences.merge(titles, on="article_id", how="left", validate="many_to_one")
    return CorpusData(
        corpus=name,
        raw=raw,
        articles=tables["articles"],
        sentences=sentences,
        quotes=tables["quotes"],
        speakers=_speakers(raw, quotes=_named_as_people(tables["quotes"])),
        people=tables["people"],
    )


def _named_as_people(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes with each named speaker written as its person (``newslib.people``): "Mr.
    Trump" and "Donald J. Trump" count as one speaker in the notebooks' speaker views."""
    if "person" not in quotes.columns:
        return quotes
    named = quotes["speaker"].notna() & quotes["person"].notna()
    return quotes.assign(speaker=quotes["speaker"].where(~named, quotes["person"]))


def load_problems(data: CorpusData, *, rows: int | None = 50) -> pd.DataFrame:
    """The load report's rows for files (or table rows) skipped or repaired and folders that
    could not be read: ``status``, ``file`` (relative to the corpus folder when under it),
    ``line`` and ``reason``; the first ``rows``.

    Example:
        >>> list(load_problems(prepare("seeds")).columns)
        ['status', 'file', 'line', 'reason']
    """
    report = data.raw.attrs.get("load_report")
    columns = ["status", "file", "line", "reason"]
    if report is None or not len(report):
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(report)
    frame = frame[frame["status"].isin(["skipped", "repaired", "unread"])]
    base = data.corpus if os.path.isdir(data.corpus) else None

    def shown(path: object) -> object:
        if base is None or not isinstance(path, str) or not path.startswith(base + os.sep):
            return path
        return os.path.relpath(path, base)

    frame = frame.assign(file=frame["path"].map(shown))[columns].reset_index(drop=True)
    return frame if rows is None else frame.head(rows)


def load_findings(data: CorpusData) -> str:
    """One Markdown sentence about what loading the corpus left out (files skipped or
    repaired, folders not read), or that every file was read.

    Example:
        >>> load_findings(prepare("seeds"))
        'Every file was read: 1 file, no file skipped or repaired.'
    """
    summary = data.raw.attrs.get("load_summary")
    if not summary:
        return "The articles were given as a table: no file was read."
    seen, skipped = summary.get("files_seen", 0), summary.get("files_skipped", 0)
    repaired, unread = summary.get("repaired", 0), summary.get("folders_unread", 0)
    if not (skipped or repaired or unread):
        return f"Every file was read: {_plural(seen, 'file')}, no file skipped or repaired."
    parts = [f"{skipped:,} of {_plural(seen, 'file')} skipped"]
    if repaired:
        parts.append(f"{_plural(repaired, 'repair')} (files read with a fix, e.g. an encoding)")
    if unread:
        parts.append(f"{_plural(unread, 'folder')} that could not be read")
    shown = len(load_problems(data, rows=None))
    more = f" (the first 50 of {shown:,})" if shown > 50 else ""
    return (
        f"Loading the corpus left out or changed something: {', '.join(parts)}. The table "
        f"below lists each with the reason{more}; `newslib load` on the same corpus prints "
        "the whole load report."
    )


def describe(data: CorpusData) -> str:
    """One Markdown sentence saying what the corpus is.

    Example:
        >>> describe(prepare("seeds"))
        'This notebook reads **1 article** (375 words), dated 2023-04-04.'
    """
    a = data.articles
    words = int(_values(a, "n_words").sum())
    where = _source_phrase(data.sources, names=True)
    dated = data.dated
    if dated.empty:
        when = "none of them dated"
    else:
        first, last = dated["date"].min(), dated["date"].max()
        when = (
            f"dated {first:%Y-%m-%d}"
            if first.normalize() == last.normalize()
            else f"dated {first:%Y-%m-%d} to {last:%Y-%m-%d}"
        )
        if len(dated) < len(a):
            when += f" ({len(a) - len(dated):,} undated)"
    return f"This notebook reads **{_plural(len(a), 'article')}** ({words:,} words){where}, {when}."


def article_summary(articles: pd.DataFrame, *, rows: int | None = 15) -> pd.DataFrame:
    """The main columns of an article table (``data.articles`` or rows of it), by date
    (undated last), first ``rows`` rows.

    Example:
        >>> list(article_summary(prepare("seeds").articles).columns)[:3]
        ['date', 'source', 'title']
    """
    cols = [
        "date",
        "source",
        "title",
        "n_words",
        "flesch_kincaid_grade",
        "quote_share",
        "compound_mean",
    ]
    a = articles
    keys = [c for c in ("date", "article_id") if c in a.columns]
    order = a.sort_values(keys, na_position="last", kind="stable")
    out = order[[c for c in cols if c in a.columns]]
    return out if rows is None else out.head(rows)


def extremes(data: CorpusData, metric: str, *, n: int = 3) -> pd.DataFrame:
    """The ``n`` articles with the highest and the ``n`` with the lowest ``metric`` (each
    article once), highest first.

    Example:
        >>> extremes(prepare("seeds"), "n_words")["n_words"].tolist()
        [375]
    """
    a = data.articles.copy()
    a["_v"] = pd.to_numeric(a[metric], errors="coerce").astype(float)
    a = a.dropna(subset=["_v"]).sort_values(["_v", "article_id"], ascending=[False, True])
    keep = pd.concat([a.head(n), a.tail(n)]).drop_duplicates("article_id")
    cols = [c for c in ("date", "source", "title", metric) if c in keep.columns]
    return keep[cols].reset_index(drop=True)


def paragraph_scores(data: CorpusData, article_id: str, metric: str) -> pd.DataFrame:
    """Readability of each paragraph of one article (``newslib.readability`` at paragraph
    level), with the paragraph's first words as ``opening``.

    Example:
        >>> data = prepare("seeds")
        >>> len(paragraph_scores(data, data.articles["article_id"][0], "flesch_kincaid_grade"))
        7
    """
    from .readability import readability

    article = data.raw[data.raw["article_id"] == article_id]
    paras = readability(article, level="paragraph")
    text = str(article["text"].iloc[0]) if len(article) else ""
    paras["opening"] = [
        _shorten(text[s:e], 60) for s, e in zip(paras["start"], paras["end"], strict=True)
    ]
    return paras[["article_id", "paragraph", "opening", "ts_words", metric]]


def quote_table(data: CorpusData, article_id: str) -> pd.DataFrame:
    """The quotations and reported speech of one article: speaker, kind, cue and the text.

    Example:
        >>> data = prepare("seeds")
        >>> table = quote_table(data, data.articles["article_id"][0])
        >>> "Gleb Karakulov" in set(table["speaker"].dropna()), "indirect" in set(table["kind"])
        (True, True)
    """
    q = data.quotes[data.quotes["article_id"] == article_id]
    cols = [c for c in ("paragraph", "speaker", "kind", "cue", "n_words", "text") if c in q]
    return q[cols].reset_index(drop=True)


def extreme_sentences(data: CorpusData, article_id: str) -> pd.DataFrame:
    """The most negative and the most positive sentence of one article (one row if the
    article has a single sentence), numbered as in the sentences table and the sentence strip
    (from 0), with its voice.

    Example:
        >>> data = prepare("seeds")
        >>> pair = extreme_sentences(data, data.articles["article_id"][0])
        >>> pair["compound"].is_monotonic_increasing
        True
    """
    own = data.sentences[data.sentences["article_id"] == article_id]
    own = own.sort_values(["compound", "sentence"], kind="stable")
    both = pd.concat([own.head(1), own.tail(1)]).drop_duplicates("sentence")
    if "voice" in both.columns:
        # the voice as a reader names it, rather than the share of characters quoted
        both = both.assign(voice=both["voice"].astype("string").map(VOICE_LABELS))
        return both[["sentence", "compound", "voice", "text"]].reset_index(drop=True)
    return both[["sentence", "compound", "in_quote", "text"]].reset_index(drop=True)


# The widgets of the Explore sections and the people views live in their own modules (they
# use CorpusData); the notebooks reach them as nb.<name>.
from .notebook_people import (  # noqa: E402
    attributions,
    speaker_genders,
    speaker_types,
    top_people,
    top_people_by_source,
)
from .notebook_widgets import (  # noqa: E402
    article_choices,
    article_picker,
    dropdown,
    figure_with_controls,
    month_options,
    month_slider,
    select,
    selection_caption,
    source_options,
)
