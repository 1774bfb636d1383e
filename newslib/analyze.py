"""One call for the whole analysis: readability, quotes and sentiment per article.

``analyze`` returns the article-level table; ``analyze_tables`` also returns the sentence and
quote tables the command line writes. Both are pure functions of their input: the same articles
give identical tables, whatever their order.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ._frame import require_columns
from .io import load
from .quotes import quote_share, quotes
from .readability import readability
from .sentiment import sentiment, sentiment_summary

__all__ = ["analyze", "analyze_tables", "write_tables", "TABLES"]

TABLES = ("articles", "sentences", "quotes")


def _articles_from(source: pd.DataFrame | str | os.PathLike | Sequence) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        frame = source
    else:
        frame = load(source)
    require_columns(frame, ["article_id", "text"], caller="analyze")
    duplicated = frame["article_id"][frame["article_id"].duplicated()]
    if len(duplicated):
        raise ValueError(
            f"analyze(): article_id must be unique; {len(duplicated)} repeated "
            f"(first: {duplicated.iloc[0]!r}). Drop duplicates or give each article its own id."
        )
    return frame


def _analyze_chunk(frame: pd.DataFrame, lang: str) -> dict[str, pd.DataFrame]:
    """All analyses of one chunk of articles (runs in a worker process when jobs > 1)."""
    quote_table = quotes(frame)
    sentence_table = sentiment(frame, quotes=quote_table)
    summary = sentiment_summary(frame, sentences=sentence_table)
    scores = readability(frame, lang=lang)
    share = quote_share(frame)
    metadata = frame.drop(columns=["text"]).reset_index(drop=True)
    metadata["article_id"] = metadata["article_id"].astype("string")
    articles = metadata
    for part in (scores, share, summary):
        part = part.reset_index(drop=True)
        overlap = [c for c in part.columns if c in articles.columns and c != "article_id"]
        articles = articles.merge(
            part.drop(columns=overlap), on="article_id", how="left", validate="one_to_one"
        )
    return {"articles": articles, "sentences": sentence_table, "quotes": quote_table}


def _resolve_jobs(jobs: int | None) -> int:
    if jobs is None:
        return os.cpu_count() or 1
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive number of processes, not {jobs!r}")
    return jobs


def analyze_tables(
    source: pd.DataFrame | str | os.PathLike | Sequence,
    *,
    lang: str = "en_US",
    jobs: int | None = 1,
    chunk_size: int = 500,
    progress: bool = False,
) -> dict[str, pd.DataFrame]:
    """Run every analysis and return ``{"articles": ..., "sentences": ..., "quotes": ...}``.

    ``articles`` is :func:`analyze`'s table; ``sentences`` is :func:`newslib.sentiment`'s (one
    row per sentence with VADER scores and ``in_quote``); ``quotes`` is :func:`newslib.quotes`'s.
    Articles are analysed in chunks of ``chunk_size``; ``jobs`` > 1 runs chunks in that many
    worker processes (``None``: one per core). The tables are identical for any ``jobs`` and
    ``chunk_size``.

    Example:
        >>> tables = analyze_tables("seeds")
        >>> sorted(tables), len(tables["quotes"]) >= 2
        (['articles', 'quotes', 'sentences'], True)
    """
    from tqdm import tqdm

    frame = _articles_from(source)
    workers = _resolve_jobs(jobs)
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive number, not {chunk_size!r}")
    chunks = [frame.iloc[i : i + chunk_size] for i in range(0, len(frame), chunk_size)]
    if not chunks:
        return _analyze_chunk(frame, lang)
    bar = dict(
        total=len(chunks), desc="analysing", unit="chunk", disable=None if progress else True
    )
    if workers == 1 or len(chunks) == 1:
        results = [_analyze_chunk(chunk, lang) for chunk in tqdm(chunks, **bar)]
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn: workers start clean, without copies of the parent's threads or locks.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=context) as pool:
            results = list(tqdm(pool.map(_analyze_chunk, chunks, [lang] * len(chunks)), **bar))
    return {name: pd.concat([r[name] for r in results], ignore_index=True) for name in TABLES}


def analyze(
    source: pd.DataFrame | str | os.PathLike | Sequence,
    *,
    lang: str = "en_US",
    jobs: int | None = 1,
    chunk_size: int = 500,
) -> pd.DataFrame:
    """Analyse articles and return one row per article: the article's metadata (every input
    column but ``text``), readability counts and indices, quote share and speakers, and the
    sentence-sentiment summary.

    ``source`` is a DataFrame with ``article_id`` and ``text`` (e.g. from :func:`newslib.load`)
    or anything ``load`` accepts (a file, folder, glob or list). ``jobs`` and ``chunk_size`` are
    those of :func:`analyze_tables`.

    Example:
        >>> import newslib
        >>> row = newslib.analyze("seeds").iloc[0]
        >>> bool(row["flesch_kincaid_grade"] > 0), bool(0.3 < row["quote_share"] < 0.6)
        (True, True)
    """
    return analyze_tables(source, lang=lang, jobs=jobs, chunk_size=chunk_size)["articles"]


def write_tables(tables: dict[str, pd.DataFrame], out: str | os.PathLike) -> list[Path]:
    """Write each table as ``OUT/<name>.parquet`` and a CSV copy; return the paths written.

    Files are written to a temporary name and renamed, so a killed run never leaves a
    half-written table behind. The same tables always give byte-identical files.

    Example:
        >>> import tempfile
        >>> paths = write_tables({"t": pd.DataFrame({"a": [1]})}, tempfile.mkdtemp())
        >>> [p.name for p in paths]
        ['t.parquet', 't.csv']
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        for suffix in ("parquet", "csv"):
            target = folder / f"{name}.{suffix}"
            partial = folder / f".{name}.{suffix}.partial"
            if suffix == "parquet":
                table.to_parquet(partial, index=False)
            else:
                table.to_csv(partial, index=False, lineterminator="\n")
            os.replace(partial, target)
            written.append(target)
    return written
