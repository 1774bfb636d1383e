"""The summaries the command line prints: ``newslib load``'s (:func:`summary_text`) and
``newslib analyze``'s (:func:`analysis_summary_text`), every number with the definition and
unit the report gives it. ``newslib.cli`` runs the commands and prints these.

Like the command line, this module imports pandas only when a summary is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas loads only when a summary is written
    import pandas as pd

__all__ = ["summary_text", "analysis_summary_text"]


def _shorten(value: object, width: int) -> str:
    import pandas as pd

    text = "" if pd.isna(value) else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def summary_text(df: pd.DataFrame, *, rows: int = 10) -> str:
    """Return the plain-text summary ``newslib load`` prints for a loaded corpus.

    Example:
        >>> import newslib
        >>> print(summary_text(newslib.load("seeds")).splitlines()[0])
        1 article from 1 file (0 skipped, 0 repaired)
    """
    import pandas as pd

    stats = df.attrs.get("load_summary", {})
    n = len(df)
    lines = [
        f"{n} article{'s' if n != 1 else ''} from {stats.get('files_loaded', '?')} "
        f"file{'s' if stats.get('files_loaded') != 1 else ''} "
        f"({stats.get('files_skipped', 0)} skipped, {stats.get('repaired', 0)} repaired"
        + _unread_folders(stats.get("folders_unread", 0))
        + ")"
    ]
    if n:
        dates = df["date"].dropna()
        span = f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates"
        lines.append(
            f"dates: {span}; words: {int(df['n_words'].sum()):,} "
            f"(median {int(df['n_words'].median()):,} per article); "
            f"paragraphs: {int(df['n_paragraphs'].sum()):,}"
        )
        table = pd.DataFrame(
            {
                "date": df["date"].map(lambda d: "" if pd.isna(d) else f"{d:%Y-%m-%d %H:%M}"),
                "source": df["source"].map(lambda s: _shorten(s, 16)),
                "words": df["n_words"],
                "paras": df["n_paragraphs"],
                "title": df["title"].map(lambda t: _shorten(t, 60)),
            }
        ).head(rows)
        lines += ["", table.to_string(index=False)]
        if n > rows:
            lines.append(f"... and {n - rows} more")
    report = df.attrs.get("load_report")
    if report is not None and len(report):
        lines += [
            "",
            "load report (files skipped or repaired, folders unread, newslib output excluded, "
            "notes):",
        ]
        counts = report.groupby(["status"]).size()
        lines.append(", ".join(f"{count} {status}" for status, count in counts.items()))
        for record in report.head(20).itertuples():
            where = record.path if pd.isna(record.line) else f"{record.path}:{record.line}"
            lines.append(f"  {record.status:8} {where}: {record.reason}")
        if len(report) > 20:
            lines.append(
                f"  ... and {len(report) - 20} more (newslib.load(...).attrs['load_report'])"
            )
    return "\n".join(lines)


def _unread_folders(count: int) -> str:
    """'; 2 folders could not be read' for the summary line (nothing when none)."""
    if not count:
        return ""
    return f"; {count} folder{'s' if count != 1 else ''} could not be read (files not counted)"


def _voices_line(articles: pd.DataFrame) -> str | None:
    """'words, pooled over all N: X% quoted, Y% reported, Z% the reporter's own'."""
    import pandas as pd

    from ._pooled import pooled_voices

    if not {"total_words", "quoted_words"} <= set(articles.columns):
        return None
    pooled = pooled_voices(articles).iloc[0]
    total = int(pooled["total_words"])
    if not total:
        return None

    def pct(column: str) -> str:
        value = pooled[column]
        return "n/a" if pd.isna(value) else f"{float(value):.1%}"

    return (
        f"words, pooled over all {total:,}: {pct('quoted_share')} quoted, "
        f"{pct('reported_share')} reported, {pct('own_share')} the reporter's own"
    )


def analysis_summary_text(
    articles: pd.DataFrame,
    *,
    n_sentences: int,
    n_quotes: int,
    dedupe: str | None = None,
    sentences: pd.DataFrame | None = None,
    people: pd.DataFrame | None = None,
) -> str:
    """Return the short summary ``newslib analyze`` prints after writing its tables.

    Every number is the one the report states, with the same definition and its unit
    (``newslib.notebook``'s findings): the median article's readability; the shares of words
    quoted, reported and the reporter's own *pooled* (the corpus's words summed, not a mean
    of per-article shares); how many articles quote someone and the median article's quoted
    share; the sentences' mean VADER compound and shares of negative and positive sentences,
    overall and by voice (from ``sentences``, the sentence table; without it the line says
    it gives means of article means); the people with most words attributed to them, quoted
    or reported (from ``people``, the people table, as the report's "Who speaks" table).
    ``n_quotes`` is the number of rows of the quotes table: quotations, reported speech and
    scare quotes. An article without words has no readability (NaN) and is left out of the
    medians, and the line says how many were.

    With ``near_duplicate_of`` in ``articles`` (``newslib.near_duplicates``), the last line
    says how many articles repeat how many stories; ``dedupe="near"`` (``--dedupe near``)
    counts each story once: the figures after the first line leave the near-duplicates out.

    Example:
        >>> import newslib
        >>> text = analysis_summary_text(newslib.analyze("seeds"), n_sentences=20, n_quotes=3)
        >>> text.splitlines()[0]
        '1 article, 20 sentences, 3 rows of quoted and reported speech and scare quotes'
        >>> print(text.splitlines()[2])  # doctest: +ELLIPSIS
        words, pooled over all 375: ...% quoted, ...% reported, ...% the reporter's own
    """
    n = len(articles)
    lines = [
        f"{n:,} article{'s' if n != 1 else ''}, {n_sentences:,} sentences, "
        f"{n_quotes:,} rows of quoted and reported speech and scare quotes"
    ]
    near = _near_duplicates_line(articles)
    if dedupe == "near" and "near_duplicate_of" in articles.columns:
        repeats = articles["near_duplicate_of"].notna()
        lines.append(
            f"each story once: {n - int(repeats.sum())} of {n} articles ({int(repeats.sum())} "
            "near-duplicates left out of the figures below)"
        )
        articles = articles[~repeats.to_numpy()]
        if sentences is not None and "article_id" in sentences.columns:
            kept = articles["article_id"].astype("string")
            sentences = sentences[sentences["article_id"].astype("string").isin(kept)]
        n = len(articles)
    if n:
        lines.append(_readability_line(articles))
        voices = _voices_line(articles)
        if voices:
            lines.append(voices)
        lines.append(_quotes_line(articles))
        lines += _sentiment_lines(articles, sentences)
        heard = _people_line(people, deduped=dedupe == "near")
        if heard:
            lines.append(heard)
    if near:
        lines.append(near)
    return "\n".join(lines)


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    import pandas as pd

    if column not in frame.columns:
        return pd.Series([], dtype=float)
    return pd.to_numeric(frame[column], errors="coerce").astype(float).dropna()


def _readability_line(articles: pd.DataFrame) -> str:
    """'readability: the median article has a Flesch–Kincaid grade of 10.1 (US school grade);
    the middle half lie between 8.9 and 11.5' (as ``newslib.notebook.readability_findings``).
    An article without words has no readability (NaN): left out, and said so."""
    from .labels import unit, words

    column = "flesch_kincaid_grade"
    values = _numbers(articles, column)
    if values.empty:
        line = f"readability: no article has a {words(column)}"
    else:
        q1, median, q3 = values.quantile([0.25, 0.5, 0.75]).tolist()
        line = (
            f"readability: the median article has a {words(column)} of {median:.1f} "
            f"({unit(column)})"
        )
        if len(values) > 1:
            line += f"; the middle half lie between {q1:.1f} and {q3:.1f}"
    unscored = len(articles) - len(values)
    if unscored:
        line += f" ({unscored} article{'s' if unscored != 1 else ''} without words left out)"
    return line


def _quotes_line(articles: pd.DataFrame) -> str:
    """'quotes: 12 of 15 articles (80%) quote someone directly; in the median article 18.0%
    of the words are quoted' (as ``newslib.notebook.quotes_findings``)."""
    n = len(articles)
    speaking = int((_numbers(articles, "n_speakers") > 0).sum())
    line = (
        f"quotes: {speaking:,} of {n:,} article{'s' if n != 1 else ''} ({speaking / n:.0%}) "
        f"quote{'s' if n == 1 else ''} someone directly"
    )
    share = _numbers(articles, "quote_share")
    if n > 1 and len(share):
        line += f"; in the median article {share.median():.1%} of the words are quoted"
    return line


def _sentiment_lines(articles: pd.DataFrame, sentences: pd.DataFrame | None) -> list[str]:
    """The tone as the report gives it (``newslib.notebook.sentiment_findings``): the
    sentences' mean VADER compound, the shares of negative and positive sentences, and the
    mean by voice. Without the sentence table: the mean of the articles' means, said so."""
    from .labels import signed
    from .sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD

    scale = "VADER compound, −1 to +1"
    if sentences is None or "compound" not in sentences.columns:
        means = {
            voice: _numbers(articles, column).mean()
            for voice, column in (
                ("quoted", "quoted_compound_mean"),
                ("reported", "reported_compound_mean"),
                ("the reporter's own", "narration_compound_mean"),
            )
        }
        return [
            f"sentiment: mean of the articles' mean sentence scores "
            f"{signed(_numbers(articles, 'compound_mean').mean())} ({scale}); by voice: "
            + ", ".join(f"{voice} {signed(value)}" for voice, value in means.items())
        ]
    compound = _numbers(sentences, "compound")
    if compound.empty:
        return ["sentiment: no sentence to score"]
    negative = float((compound <= NEGATIVE_THRESHOLD).mean())
    positive = float((compound >= POSITIVE_THRESHOLD).mean())
    lines = [
        f"sentiment: the {len(compound):,} sentences average {signed(compound.mean())} "
        f"({scale}); {negative:.0%} are negative (≤ {signed(NEGATIVE_THRESHOLD)}), {positive:.0%} "
        f"positive (≥ {signed(POSITIVE_THRESHOLD)})"
    ]
    if "voice" in sentences.columns and sentences["voice"].notna().any():
        voice = sentences["voice"].astype("string")
        values = _floats(sentences["compound"])
        parts = []
        for key, name in (
            ("quoted", "quoted"),
            ("reported", "reported"),
            ("narration", "the reporter's own"),
        ):
            own = values[(voice == key).fillna(False).to_numpy(bool)].dropna()
            parts.append(f"{name} {signed(own.mean()) if len(own) else 'n/a'} ({len(own):,})")
        lines.append("sentiment by voice (mean of the sentences, how many): " + ", ".join(parts))
    return lines


def _floats(values: pd.Series) -> pd.Series:
    import pandas as pd

    return pd.to_numeric(values, errors="coerce").astype(float)


def _people_line(people: pd.DataFrame | None, *, deduped: bool, top: int = 5) -> str | None:
    """'most heard people (words attributed to them, quoted or reported): Ann Lee (1,234
    words, 1,000 quoted), ...': the first rows of the people table, as the report's "Who
    speaks" table."""
    if people is None or people.empty or "attributed_words" not in people.columns:
        return None
    named = people[people["speaker_type"] == "person"] if "speaker_type" in people else people
    named = named.head(top)
    if named.empty:
        return None
    listed = ", ".join(
        f"{row.person} ({int(row.attributed_words):,} words, {int(row.quoted_words):,} quoted)"
        for row in named.itertuples(index=False)
    )
    every = " (all articles, near-duplicates too)" if deduped else ""
    return f"most heard people{every}, words attributed to them: {listed}"


def _near_duplicates_line(articles: pd.DataFrame) -> str | None:
    """'near-duplicates: 3 articles repeat 2 stories ...' (None without the column)."""
    if "near_duplicate_of" not in articles.columns:
        return None
    repeats = articles["near_duplicate_of"].dropna()
    if not len(repeats):
        return "near-duplicates: none"
    n, stories = len(repeats), repeats.nunique()
    return (
        f"near-duplicates: {n} article{'s' if n != 1 else ''} repeat{'s' if n == 1 else ''} "
        f"{stories} stor{'ies' if stories != 1 else 'y'} (kept in the tables: near_duplicate_of "
        "names the first article of each story; --dedupe near counts each story once)"
    )
