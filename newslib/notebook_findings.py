"""The findings of the notebooks: Markdown bullet points whose every number comes from the
data (``overview_findings``, ``readability_findings``, ``quotes_findings``,
``voices_findings``), the table of the most heard speakers (``top_speakers``), and the small
helpers that write numbers as words for them. The notebooks reach these as ``nb.<name>``
(``newslib.notebook``); the tone's findings are in :mod:`newslib.notebook_sentiment`, the
timeline's in :mod:`newslib.notebook_timeline`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .labels import signed
from .notebook_display import md_escape, metric_words
from .notebook_people import top_people
from .quotes.shares import pooled_voices

if TYPE_CHECKING:
    from .notebook import CorpusData

__all__ = [
    "overview_findings",
    "readability_findings",
    "quotes_findings",
    "voices_findings",
    "top_speakers",
]


def _source_phrase(sources: list[str], *, names: bool) -> str:
    """' from one source, X' / ' from N sources' (with names); nothing when no source is
    named (the corpus has no source column, or it is empty)."""
    if not sources:
        return ""
    if len(sources) == 1:
        return f" from one source, {md_escape(sources[0])}"
    listed = f" ({', '.join(md_escape(x) for x in sources)})" if names else ""
    return f" from {len(sources)} sources{listed}"


def _values(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series([], dtype=float)
    return pd.to_numeric(frame[column], errors="coerce").astype(float).dropna()


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _extreme(data: CorpusData, metric: str, *, largest: bool) -> tuple[str, float] | None:
    values = _values(data.articles, metric)
    if values.empty:
        return None
    article_id = data.pick(None, metric, largest=largest)
    value = float(data.articles.loc[data.articles["article_id"] == article_id, metric].iloc[0])
    return data.title(article_id), value


def _by_source(data: CorpusData, metric: str) -> pd.Series:
    """Median of ``metric`` per source (sources without a value left out), sorted by value."""
    if data.group is None:
        return pd.Series([], dtype=float)
    frame = data.articles[[data.group, metric]].copy()
    frame[metric] = pd.to_numeric(frame[metric], errors="coerce").astype(float)
    medians = frame.dropna().groupby(data.group, observed=True)[metric].median()
    return medians.sort_index().sort_values(kind="stable")


def _source_sentence(
    data: CorpusData, metric: str, fmt: Callable[[float], str], high: str, low: str
) -> list[str]:
    medians = _by_source(data, metric)
    if len(medians) < 2:
        return []
    top, bottom = medians.index[-1], medians.index[0]
    return [
        f"By source, **{md_escape(top)}** {high} (median {fmt(medians.iloc[-1])}) and "
        f"**{md_escape(bottom)}** {low} (median {fmt(medians.iloc[0])})."
    ]


def _bullets(sentences: Sequence[str]) -> str:
    return "\n".join(f"- {s}" for s in sentences)


def overview_findings(data: CorpusData) -> str:
    """What the corpus holds, as Markdown bullet points computed from ``data``.

    Example:
        >>> from newslib.notebook import prepare
        >>> print(overview_findings(prepare("seeds")).splitlines()[0])
        - The corpus holds 1 article (375 words).
    """
    a = data.articles
    n = len(a)
    words = int(_values(a, "n_words").sum())
    where = _source_phrase(data.sources, names=False)
    out = [f"The corpus holds {_plural(n, 'article')} ({words:,} words){where}."]
    dated = data.dated
    undated = n - len(dated)
    if len(dated):
        first, last = dated["date"].min(), dated["date"].max()
        span = (
            f"{'The article' if len(dated) == 1 else 'All dated articles'} appeared on "
            f"{first:%Y-%m-%d}"
            if first.normalize() == last.normalize()
            else f"Dated articles run from {first:%Y-%m-%d} to {last:%Y-%m-%d}"
        )
        out.append(
            span
            + (
                f"; {_plural(undated, 'article')} {'has' if undated == 1 else 'have'} no date."
                if undated
                else "."
            )
        )
    else:
        out.append("No article has a date, so there is no timeline.")
    near = _near_duplicates_sentence(a)
    if near:
        out.append(near)
    lengths = _values(a, "n_words")
    if n > 1 and len(lengths):
        longest = _extreme(data, "n_words", largest=True)
        out.append(
            f"The median article is {lengths.median():,.0f} words long; the longest, "
            f"“{longest[0]}”, has {longest[1]:,.0f}."
        )
    grade = _values(a, "flesch_kincaid_grade")
    if len(grade):
        out.append(f"The median Flesch–Kincaid grade is {grade.median():.1f}.")
    out += _speech_share_sentences(a, median=False)
    compound = _values(data.sentences, "compound")
    if len(compound):
        out.append(
            f"Sentences average a VADER compound score of {signed(compound.mean())} "
            "(from −1, most negative, to +1, most positive)."
        )
    return _bullets(out)


def _speech_share_sentences(articles: pd.DataFrame, *, median: bool) -> list[str]:
    """The corpus's quoted and reported words as shares of all its words (none without words)."""
    quoted = _values(articles, "quoted_words").sum()
    total = _values(articles, "total_words").sum()
    if not total > 0:
        return []
    out = [
        f"Quoted speech makes up {quoted / total:.1%} of all words"
        + (
            f"; in the median article, {_values(articles, 'quote_share').median():.1%}."
            if median
            else "."
        )
    ]
    if "reported_words" in articles.columns:
        reported = _values(articles, "reported_words").sum()
        out.append(
            f"Reported speech (without quotation marks) adds {reported / total:.1%}, so "
            f"{(quoted + reported) / total:.1%} of all words are attributed to someone."
        )
    return out


def _near_duplicates_sentence(articles: pd.DataFrame) -> str | None:
    """How many articles repeat another (``near_duplicate_of``, newslib.near_duplicates)."""
    if "near_duplicate_of" not in articles.columns or len(articles) < 2:
        return None
    repeats = articles["near_duplicate_of"].dropna()
    if not len(repeats):
        return "No article is a near-duplicate of another (no syndicated copies)."
    n, stories = len(repeats), _plural(repeats.nunique(), "story", "stories")
    return (
        f"{_plural(n, 'article')} {'is a near-duplicate' if n == 1 else 'are near-duplicates'} "
        f"of {stories} told first elsewhere in the corpus (syndicated copies with small edits); "
        'every figure counts them (`dedupe="near"` in `newslib.analyze` counts each story '
        "once)."
    )


def readability_findings(data: CorpusData, metric: str = "flesch_kincaid_grade") -> str:
    """How hard the articles are to read, as Markdown bullet points computed from ``data``.

    Articles without a value (an article without words has no readability: NaN) are left out
    of every figure, and a last bullet says how many there are.

    Example:
        >>> from newslib.notebook import prepare
        >>> print(readability_findings(prepare("seeds")).splitlines()[0])  # doctest: +ELLIPSIS
        - With one article there is no distribution to compare: it scores 10.1 (...).
    """
    words = metric_words(metric)
    values = _values(data.articles, metric)
    missing = len(data.articles) - len(values)
    unscored = (
        [
            f"{_plural(missing, 'article')} {'has' if missing == 1 else 'have'} no {words} "
            "(a text without words has no readability) and "
            f"{'is' if missing == 1 else 'are'} left out."
        ]
        if missing
        else []
    )
    if values.empty:
        return _bullets([f"No article has a {words}, so there is nothing to compare."])
    if len(values) == 1:
        lead = "With one article" if not missing else f"With one article that has a {words}"
        return _bullets(
            [
                f"{lead} there is no distribution to compare: it scores "
                f"{values.iloc[0]:.1f} ({words}).",
                *unscored,
            ]
        )
    q1, median, q3 = values.quantile([0.25, 0.5, 0.75]).tolist()
    out = [
        f"The median article has a {words} of {median:.1f}; the middle half of the articles "
        f"lie between {q1:.1f} and {q3:.1f}."
    ]
    iqr = q3 - q1
    outliers = data.articles[
        (pd.to_numeric(data.articles[metric], errors="coerce") > q3 + 1.5 * iqr)
        | (pd.to_numeric(data.articles[metric], errors="coerce") < q1 - 1.5 * iqr)
    ]
    if len(outliers):
        # Name the most extreme few; a large corpus can have hundreds of outliers.
        far = (outliers[metric].astype(float) - median).abs().to_numpy()
        shown = outliers.assign(_far=far).sort_values(
            ["_far", "article_id"], ascending=[False, True], kind="stable"
        )
        names = ", ".join(
            f"“{data.title(i)}” ({v:.1f})"
            for i, v in zip(shown["article_id"][:5], shown[metric].astype(float)[:5], strict=True)
        )
        if len(shown) > 5:
            names += f" and {len(shown) - 5:,} more"
        out.append(
            f"{_plural(len(outliers), 'article')} {'lies' if len(outliers) == 1 else 'lie'} "
            "more than 1.5 interquartile ranges "
            f"outside the middle half: {names}."
        )
    else:
        out.append("No article lies more than 1.5 interquartile ranges outside the middle half.")
    hi = _extreme(data, metric, largest=True)
    lo = _extreme(data, metric, largest=False)
    # Reading ease rises as text gets easier; the grade indices rise as it gets harder.
    easier_is_higher = metric == "flesch_reading_ease"
    hardest, easiest = (lo, hi) if easier_is_higher else (hi, lo)
    out.append(
        f"The hardest read is “{hardest[0]}” ({hardest[1]:.1f}); the easiest is "
        f"“{easiest[0]}” ({easiest[1]:.1f})."
    )
    high, low = ("reads easiest", "hardest") if easier_is_higher else ("reads hardest", "easiest")
    out += _source_sentence(data, metric, "{:.1f}".format, high, low)
    return _bullets(out + unscored)


def quotes_findings(data: CorpusData) -> str:
    """Who is quoted and how much, as Markdown bullet points computed from ``data``.

    Example:
        >>> from newslib.notebook import prepare
        >>> print(quotes_findings(prepare("seeds")).splitlines()[0])
        - 1 of 1 article (100%) quotes someone directly.
    """
    a = data.articles
    n = len(a)
    with_quotes = int((_values(a, "n_speakers") > 0).sum()) if "n_speakers" in a else 0
    out = [
        f"{with_quotes:,} of {_plural(n, 'article')} ({with_quotes / n:.0%}) "
        f"quote{'s' if n == 1 else ''} someone directly."
    ]
    out += _speech_share_sentences(a, median=n > 1)
    sp = data.speakers
    quoted_sp = sp[_values_or_zero(sp, "n_quotes") > 0] if "n_quotes" in sp else sp
    if len(quoted_sp):
        per = (
            quoted_sp.groupby("speaker", observed=True)
            .agg(
                quoted_words=("quoted_words", "sum"),
                n_quotes=("n_quotes", "sum"),
                n_articles=("article_id", "nunique"),
            )
            .reset_index()
            .sort_values(["quoted_words", "n_quotes", "speaker"], ascending=[False, False, True])
        )
        top = per.iloc[0]
        are = "is" if len(per) == 1 else "are"
        out.append(
            f"{_plural(len(per), 'person', 'people')} {are} quoted by name; the most quoted is "
            f"**{md_escape(top['speaker'])}**: {_plural(int(top['quoted_words']), 'word')} in "
            f"{_plural(int(top['n_quotes']), 'quotation')} across "
            f"{_plural(int(top['n_articles']), 'article')}."
        )
    else:
        out.append("No quotation could be attributed to a named speaker.")
    who = _most_attributed(data)
    if who is not None and who["reported words"] > 0:
        out.append(
            f"Counting reported speech too, **{md_escape(who['name'])}** has the most "
            f"words attributed: {_plural(int(who['attributed words']), 'word')}, "
            f"{int(who['quoted words']):,} quoted and {int(who['reported words']):,} reported."
        )
    best = _extreme(data, "quote_share", largest=True)
    if best is not None and n > 1:
        out.append(f"The most quoted article is “{best[0]}”, {best[1]:.0%} quoted speech.")
    out += _source_sentence(data, "quote_share", "{:.0%}".format, "quotes most", "least")
    return _bullets(out)


def _most_attributed(data: CorpusData) -> pd.Series | None:
    """The person with most words attributed over the corpus (``name``, ``quoted words``,
    ``reported words``, ``attributed words``): from the people table when there is one, which
    counts a person once however each article names them ('Ann Lee' here, 'Lee' there), so
    the sentence agrees with the notebook's table of people; else from the speakers of each
    article."""
    people = top_people(data, n=1)
    if len(people):
        return people.iloc[0].rename({"person": "name"})
    ranked = top_speakers(data, n=1)
    return ranked.iloc[0].rename({"speaker": "name"}) if len(ranked) else None


def _values_or_zero(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce").astype(float).fillna(0)


def voices_findings(data: CorpusData) -> str:
    """Whose words the articles are (quoted, reported, the reporter's own), as Markdown
    bullet points computed from ``data``. Shares are pooled: the corpus's words summed.

    Example:
        >>> from newslib.notebook import prepare
        >>> line = voices_findings(prepare("seeds")).splitlines()[0]
        >>> line.startswith("- Of the 375 words of the corpus, **"), "the reporter's own" in line
        (True, True)
    """
    a = data.articles
    if "reported_words" not in a.columns or not {"total_words", "quoted_words"} <= set(a):
        return _bullets(["Reported speech was not measured for these articles."])
    pooled = pooled_voices(a).iloc[0]
    total = int(pooled["total_words"])
    if not total:
        return _bullets(["There are no words to count."])
    q, r, o = (float(pooled[f"{v}_share"]) for v in ("quoted", "reported", "own"))
    pooled_note = " (all articles' words together)" if len(a) > 1 else ""
    if q + r == 0:
        return _bullets(
            [
                f"None of the {total:,} words of the corpus is quoted or reported: all are the "
                "reporter's own."
            ]
        )
    out = [
        f"Of the {total:,} words of the corpus{pooled_note}, **{q:.1%}** are quoted, "
        f"**{r:.1%}** reported and **{o:.1%}** the reporter's own."
    ]
    attributed = int(pooled["quoted_words"] + pooled["reported_words"])
    missed = int(pooled["reported_words"]) / attributed
    out.append(
        f"Counting only words inside quotation marks would miss {missed:.0%} of the words the "
        "articles attribute to someone."
    )
    if len(a) > 1:
        share = _values(a, "attributed_share")
        silent = int((_values_or_zero(a, "attributed_words") == 0).sum())
        out.append(
            f"In the median article, {share.median():.0%} of the words are attributed to "
            f"someone; {_plural(silent, 'article')} ({silent / len(a):.0%}) quote or report "
            "no one."
        )
    if data.group is not None:
        by = pooled_voices(a, by=data.group).dropna(subset=[data.group])
        by = by[by["total_words"] > 0].assign(
            attributed=lambda f: (f["quoted_share"] + f["reported_share"]).astype(float)
        )
        if len(by) >= 2:
            by = by.sort_values(["attributed", data.group], kind="stable")
            low, high = by.iloc[0], by.iloc[-1]
            out.append(
                f"By source, **{md_escape(high[data.group])}** gives the largest share of its "
                f"words to others ({high['attributed']:.0%} quoted or reported) and "
                f"**{md_escape(low[data.group])}** the smallest ({low['attributed']:.0%})."
            )
    return _bullets(out)


def top_speakers(data: CorpusData, n: int = 10) -> pd.DataFrame:
    """The ``n`` people with most attributed words over the corpus, quoted and reported side
    by side: ``speaker``, ``articles``, ``attributions``, ``quoted words``, ``reported words``,
    ``attributed words`` (column names a reader can read). Most attributed words first, then
    most quoted words, then by name.

    Example:
        >>> from newslib.notebook import prepare
        >>> top_speakers(prepare("seeds")).columns.tolist()  # doctest: +NORMALIZE_WHITESPACE
        ['speaker', 'articles', 'attributions', 'quoted words', 'reported words',
         'attributed words']
    """
    sp = data.speakers
    columns = [
        "speaker",
        "articles",
        "attributions",
        "quoted words",
        "reported words",
        "attributed words",
    ]
    sp = sp[sp["speaker"].notna()] if "speaker" in sp else sp.iloc[0:0]
    if sp.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in columns}).astype(
            {"speaker": "string"}
        )
    quoted = _values_or_zero(sp, "quoted_words")
    attributed = _values_or_zero(sp, "attributed_words") if "attributed_words" in sp else quoted
    counts = _values_or_zero(sp, "n_attributions") if "n_attributions" in sp else None
    frame = pd.DataFrame(
        {
            "speaker": sp["speaker"].astype("string").to_numpy(),
            "article_id": sp["article_id"].to_numpy(),
            "quoted": quoted.to_numpy(),
            "attributed": np.maximum(attributed.to_numpy(), quoted.to_numpy()),
            "attributions": (
                counts if counts is not None else _values_or_zero(sp, "n_quotes")
            ).to_numpy(),
        }
    )
    per = (
        frame.groupby("speaker", sort=True)
        .agg(
            articles=("article_id", "nunique"),
            attributions=("attributions", "sum"),
            quoted=("quoted", "sum"),
            attributed=("attributed", "sum"),
        )
        .reset_index()
        .sort_values(["attributed", "quoted", "speaker"], ascending=[False, False, True])
        .head(n)
    )
    return pd.DataFrame(
        {
            "speaker": per["speaker"].astype("string"),
            "articles": per["articles"].astype("int64"),
            "attributions": per["attributions"].astype("int64"),
            "quoted words": per["quoted"].astype("int64"),
            "reported words": (per["attributed"] - per["quoted"]).astype("int64"),
            "attributed words": per["attributed"].astype("int64"),
        }
    ).reset_index(drop=True)
