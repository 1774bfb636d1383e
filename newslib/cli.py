"""The ``newslib`` command line.

Every failure the user can fix (a missing path, an unknown format, a bad option, an output
folder that cannot be written) is one line on stderr and exit code 2, never a traceback; a
system error during a run (a full disk, an unreachable Dask scheduler) is one line and exit
code 1; output cut short by its reader (``| head``) ends the command quietly (exit code 141,
as for SIGPIPE).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._paths import FORMATS
from ._versions import __version__

if TYPE_CHECKING:  # pandas loads only when a command needs it
    import pandas as pd

__all__ = ["main", "build_parser"]

EXIT_USAGE = 2
EXIT_FAILURE = 1
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a command killed by SIGPIPE
# As newslib.analyze.JOBS_PER_CORE (kept here so the command line checks --jobs before it
# imports pandas): more worker processes than this per core only cost memory.
JOBS_PER_CORE = 4


class UsageError(ValueError):
    """A problem the user fixes by changing the command: one line, exit code 2."""


def _time_zone(name: str) -> str:
    """An argparse type: ``name`` if it is a time zone pandas can use."""
    from .dates import check_time_zone

    try:
        return check_time_zone(name)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _jobs(text: str) -> int:
    """An argparse type: a number of worker processes, 1 to JOBS_PER_CORE per core."""
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is no number of processes") from None
    cores = os.cpu_count() or 1
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{jobs} is no number of processes: give 1 or more")
    if jobs > JOBS_PER_CORE * cores:
        raise argparse.ArgumentTypeError(
            f"{jobs} is more than {JOBS_PER_CORE} per core ({cores} cores): give at most "
            f"{JOBS_PER_CORE * cores}, or leave --jobs out for one per core"
        )
    return jobs


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files, folders (read recursively) or globs such as 'corpus/**/*.txt'",
    )


def _load_flags() -> argparse.ArgumentParser:
    """The load options as flags: one parent parser for ``load``, ``analyze`` and ``report``,
    the options of :func:`newslib.load` (``manifest.LOAD_DEFAULTS``) under the same names."""
    from .outlets import SOURCE_FROM

    parent = argparse.ArgumentParser(add_help=False)
    parser = parent.add_argument_group(
        "load options", "how files are read: newslib.load's options, the same in every command"
    )
    parser.add_argument(
        "--format",
        default="auto",
        choices=FORMATS,
        metavar="FORMAT",
        help=f"file format for every file: {', '.join(FORMATS)} (default: auto, per file)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first file that cannot be read, instead of skipping and reporting it",
    )
    parser.add_argument(
        "--tz",
        type=_time_zone,
        help="time zone for dates, e.g. Europe/Berlin (default: naive, aware ones as UTC)",
    )
    parser.add_argument(
        "--dayfirst",
        action="store_true",
        help="read ambiguous dates such as 04/05/2023 day first (default: month first)",
    )
    parser.add_argument(
        "--max-bytes", type=int, metavar="N", help="skip (and report) files larger than N bytes"
    )
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="THEIRS=OURS",
        help="read a table column as one of newslib's (text, title, date, source, url, author), "
        "e.g. --column body=text (repeatable); known export names such as headline, body, "
        "publishedAt, media_name are read without it",
    )
    parser.add_argument(
        "--source-from",
        default="auto",
        choices=SOURCE_FROM,
        help="where an article's source comes from when its file names none: auto (its first "
        "folder below the folder named, else its URL's domain), folder, domain, or none "
        "(default: auto)",
    )
    return parent


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are a single line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``newslib`` command.

    Example:
        >>> build_parser().parse_args(["load", "seeds"]).command
        'load'
    """
    parser = _Parser(
        prog="newslib",
        description="Explore a corpus of news articles: load, analyse, report.",
        epilog="Run 'newslib COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"newslib {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    load_flags = _load_flags()
    load_parser = commands.add_parser(
        "load",
        parents=[load_flags],
        help="load articles and print a summary table and the load report",
        description="Load articles and print a summary table and the load report "
        "(files skipped or repaired, and why). Exit code 2 when no article loads.",
    )
    _add_paths(load_parser)
    load_parser.add_argument(
        "--rows", type=int, default=10, metavar="N", help="articles to list (default: 10)"
    )
    analyze_parser = commands.add_parser(
        "analyze",
        parents=[load_flags],
        help="analyse articles and write articles/sentences/quotes tables (Parquet and CSV)",
        description="Load articles, run readability, quotes and sentiment, and write "
        "OUT/articles.parquet, OUT/sentences.parquet and OUT/quotes.parquet with CSV copies, "
        "and the load report OUT/load_report.csv. Exit code 2 when no article loads.",
    )
    _add_paths(analyze_parser)
    analyze_parser.add_argument(
        "-o", "--out", default="out", metavar="OUT", help="output folder (default: out)"
    )
    analyze_parser.add_argument(
        "--lang", default="en_US", help="textstat language for readability (default: en_US)"
    )
    analyze_parser.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help=f"worker processes, at most {JOBS_PER_CORE} per core (default: one per core); "
        "results are the same for any N",
    )
    analyze_parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="cache of per-article results (default: OUT/.newslib-cache); share one between "
        "runs. OUT and the cache are never read as input",
    )
    analyze_parser.add_argument(
        "--no-cache", action="store_true", help="compute everything, read and write no cache"
    )
    analyze_parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes, or a Dask cluster (needs newslib[dask])",
    )
    analyze_parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: start a LocalCluster)",
    )
    analyze_parser.add_argument(
        "--chunk-size", type=int, default=200, metavar="N", help="articles per work unit"
    )
    analyze_parser.add_argument(
        "--batch-size",
        type=int,
        default=5000,
        metavar="N",
        help="articles loaded and written at a time (bounds memory; one Parquet part each)",
    )
    analyze_parser.add_argument(
        "--no-csv",
        action="store_true",
        help="write Parquet only (and remove the CSV copies of an earlier run)",
    )
    analyze_parser.add_argument(
        "--people",
        metavar="FILE",
        help="an aliases file (YAML: merge, rename, split, type, gender) correcting who is who "
        "in OUT/people.parquet; see newslib.people.read_aliases",
    )
    analyze_parser.add_argument(
        "--dedupe",
        choices=("near",),
        help="count each story once in the summary printed: near-duplicates (syndicated "
        "copies) left out of its figures; the tables keep every article, with "
        "near_duplicate_of",
    )
    analyze_parser.add_argument("--quiet", action="store_true", help="no progress bars")
    report_parser = commands.add_parser(
        "report",
        parents=[load_flags],
        help="run the notebooks on a corpus and write one self-contained HTML report",
        description="Execute the notebooks (papermill) on PATH and render them into one HTML "
        "file with figures embedded, a table of contents and no code cells. The file loads "
        "nothing from the network and runs no script. Beside it, FILE_files/ holds every "
        "figure (PNG and SVG) and table (CSV), linked from the report. The load options reach "
        "every notebook (its LOAD parameter). Exit code 2 when no article loads.",
    )
    report_parser.add_argument(
        "path", metavar="PATH", help="the corpus: a folder, a file or a quoted glob"
    )
    report_parser.add_argument(
        "-o",
        "--out",
        default="out/report.html",
        metavar="FILE",
        help="HTML file to write (default: out/report.html)",
    )
    report_parser.add_argument(
        "--notebooks",
        metavar="DIR",
        help="folder of notebooks to run (default: notebooks/ of the newslib checkout)",
    )
    report_parser.add_argument(
        "--include-code", action="store_true", help="show the code cells too"
    )
    report_parser.add_argument(
        "--dedupe",
        choices=("near",),
        help="count each story once: near-duplicates (syndicated copies) left out of every "
        "figure and table (the notebooks' DEDUPE parameter)",
    )
    report_parser.add_argument(
        "--no-files",
        action="store_true",
        help="write the HTML alone, without the folder beside it (FILE_files/) of every figure "
        "(PNG, SVG) and table (CSV)",
    )
    report_parser.add_argument(
        "--quiet", action="store_true", help="do not print progress on stderr"
    )
    return parser


def _column_mapping(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        theirs, sep, ours = pair.rpartition("=")  # their name may hold "=", ours never does
        if not sep or not theirs or not ours:
            raise ValueError(f"--column takes THEIRS=OURS, e.g. body=text, not {pair!r}")
        mapping[theirs] = ours
    return mapping


def _load_options(args: argparse.Namespace) -> dict:
    return {
        "format": args.format,
        "errors": "raise" if args.strict else "report",
        "tz": args.tz,
        "dayfirst": args.dayfirst,
        "columns": _column_mapping(args.column),
        "max_bytes": args.max_bytes,
        "source_from": args.source_from,
    }


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


def _run_load(args: argparse.Namespace) -> int:
    from .io import load

    df = load(args.paths, **_load_options(args))
    print(summary_text(df, rows=args.rows))
    if not len(df):
        _no_articles(df.attrs["load_report"], df.attrs["load_summary"], args.paths, "above")
    return 0


def _no_articles(report, summary: dict, paths: Sequence[str], where: str) -> None:
    """Raise the one-line error of a run that loaded no article (exit code 2): the load
    report's first reasons, and where the whole report is."""
    from .loadreport import NoArticlesError, no_articles_message

    named = ", ".join(paths) if len(paths) <= 3 else f"{', '.join(paths[:3])} and more"
    hint = f"the load report {where} lists every file and why"
    raise NoArticlesError(no_articles_message(report, summary, named, hint=hint))


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
    from .sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD

    def signed(value: float) -> str:
        return "n/a" if value != value else f"{value:+.2f}"

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
        f"({scale}); {negative:.0%} are negative (≤ {NEGATIVE_THRESHOLD}), {positive:.0%} "
        f"positive (≥ {POSITIVE_THRESHOLD})"
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


def _print_load_report(stats: dict, report_rows: list[dict], where: str) -> None:
    """Say on stderr what the load left out: newslib's own output, folders not listed, and
    how many files (and table rows) were skipped or repaired, with ``where`` the load report
    is and its first rows."""
    excluded = [r["path"] for r in report_rows if r["status"] == "excluded"]
    if excluded:
        folders = list(dict.fromkeys(os.path.dirname(path) or "." for path in excluded))
        shown = ", ".join(f"{folder}/" for folder in folders[:5])
        more = f" and {len(folders) - 5} more" if len(folders) > 5 else ""
        print(
            f"not read: {len(excluded)} table(s) or cache(s) newslib wrote, in {shown}{more} "
            "(its output is never input)",
            file=sys.stderr,
        )
    unread = [r["path"] for r in report_rows if r["status"] == "unread"]
    if stats.get("folders_unread", len(unread)):
        shown = ", ".join(f"{folder}/" for folder in unread[:5])
        more = f" and {len(unread) - 5} more" if len(unread) > 5 else ""
        print(
            f"not read: {stats.get('folders_unread', len(unread))} folder(s) that could not be "
            f"listed, {shown}{more} (their files are not counted)",
            file=sys.stderr,
        )
    rows_skipped = sum(
        1 for r in report_rows if r["status"] == "skipped" and _is_number(r.get("line"))
    )
    if stats["files_skipped"] or stats["repaired"] or rows_skipped:
        rows = f" and {rows_skipped} table row(s)" if rows_skipped else ""
        print(
            f"load report: {stats['files_skipped']} file(s){rows} skipped, "
            f"{stats['repaired']} repaired; every one is in {where}",
            file=sys.stderr,
        )
        others = [r for r in report_rows if r["status"] not in ("excluded", "unread")]
        for record in others[:5]:
            print(f"  {record['status']:8} {record['path']}: {record['reason']}", file=sys.stderr)


def _is_number(value: object) -> bool:
    """Whether a report row's ``line`` holds a line number (not NA / None)."""
    return isinstance(value, int | float) and value == value


def _prepare_folders(out: Path, cache_dir: Path | None) -> None:
    """Create and mark the output and cache folders, or fail with a usage error saying why."""
    from . import manifest

    try:
        manifest.prepare_output(out, "tables", "output folder (-o)")
        if cache_dir is not None:
            manifest.prepare_output(cache_dir, "cache", "cache folder (--cache-dir)")
    except OSError as error:
        raise UsageError(str(error)) from None


def _digest_or_none(path: str) -> str | None:
    """The SHA-256 of a file's bytes (None when it cannot be read: the run then says why)."""
    import hashlib

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _run_analyze(args: argparse.Namespace) -> int:
    out = Path(args.out)
    load_options = _load_options(args)
    options = dict(lang=args.lang, csv=not args.no_csv, batch_size=args.batch_size)
    cache_dir = None if args.no_cache else Path(args.cache_dir or out / ".newslib-cache")
    _prepare_folders(out, cache_dir)
    key = None
    listing: dict = {}  # what the walk for the key found: the run reads those files
    if cache_dir is not None:
        # Answered before pandas and the analyses are even imported: an unchanged corpus
        # costs a listing and a stat per file.
        from . import manifest

        key_options = manifest.run_options(**options, **load_options)
        if args.people is not None:
            key_options["people"] = _digest_or_none(args.people)
        key = manifest.run_key(args.paths, key_options, [out, cache_dir], listing=listing)
        last = manifest.up_to_date(out, key)
        if last is not None:
            _print_load_report(last["load_summary"], last["load_report"], _report_file(out))
            rows = last["rows"]
            print(
                f"{out}/ is up to date: {rows['articles']} articles, {rows['sentences']} "
                f"sentences, {rows['quotes']} quotes-table rows from "
                f"{last['load_summary']['files_seen']} unchanged files; nothing to do "
                "(--no-cache recomputes)"
            )
            return 0
    # Importing pandas and the analyses makes a few hundred thousand objects that live as long
    # as the process: the cyclic collector would walk them some 170 times meanwhile (about
    # 0.06 s of CPU) and free nothing. It is paused for the imports only; analyze_to_folder
    # then leaves what they made out of its walks (see analyze._collector_for_long_runs).
    collecting = gc.isenabled()
    gc.disable()
    try:
        import pandas as pd

        from .analyze import analyze_to_folder
    finally:
        if collecting:
            gc.enable()

    # A corpus without any article is NoArticlesError (exit code 2), OUT left as it was.
    summary = analyze_to_folder(
        args.paths,
        out,
        jobs=args.jobs,
        chunk_size=args.chunk_size,
        cache_dir=cache_dir,
        engine=args.engine,
        scheduler=args.scheduler,
        progress=not args.quiet,
        people=args.people,
        _run_key=key,  # the same options and folders: analyze_to_folder need not take it again
        _listing=listing or None,  # nor walk the folders again
        **options,
        **load_options,
    )
    for note in summary.get("aliases_applied", []):  # what --people did, line by line
        print(f"newslib: {note}", file=sys.stderr)
    for note in summary.get("recovered", []):  # what a killed run had left in OUT
        print(f"newslib: {out}: {note}", file=sys.stderr)
    for part in summary.get("cache_damaged", []):
        print(
            f"newslib: damaged cache part set aside, its articles recomputed: {part}",
            file=sys.stderr,
        )
    _print_load_report(
        summary["load_summary"], summary["load_report"].to_dict("records"), _report_file(out)
    )
    articles = pd.read_parquet(out / "articles.parquet")
    # The two columns the tone needs: sentence tables are long, the summary reads no text.
    sentences = pd.read_parquet(
        out / "sentences.parquet", columns=["article_id", "compound", "voice"]
    )
    people = pd.read_parquet(out / "people.parquet") if (out / "people.parquet").exists() else None
    rows = summary["rows"]
    print(
        analysis_summary_text(
            articles,
            n_sentences=rows["sentences"],
            n_quotes=rows["quotes"],
            dedupe=args.dedupe,
            sentences=sentences,
            people=people,
        )
    )
    print(f"wrote {out}/: {', '.join(summary['written'])}")
    return 0


def _report_file(out: Path) -> str:
    from .manifest import LOAD_REPORT

    return str(out / LOAD_REPORT)


def _run_report(args: argparse.Namespace) -> int:
    from .manifest import LOAD_DEFAULTS
    from .report import ReportError, build_report

    # The notebooks' LOAD parameter: the load options given (defaults left to the notebooks).
    given = _load_options(args)
    load = {
        name: value
        for name, value in given.items()
        if value != LOAD_DEFAULTS[name] and not (name == "columns" and not value)
    }
    try:
        path = build_report(
            args.path,
            args.out,
            notebooks=args.notebooks,
            include_code=args.include_code,
            progress=not args.quiet,
            load=load,
            dedupe=args.dedupe,
            files=not args.no_files,
        )
    except ReportError as error:
        print(f"newslib: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newslib`` command line and return its exit code.

    Example:
        >>> main(["load", "seeds", "--rows", "0"])  # doctest: +ELLIPSIS
        1 article from 1 file (0 skipped, 0 repaired)
        ...
        0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {"load": _run_load, "analyze": _run_analyze, "report": _run_report}
    try:
        return handlers[args.command](args)
    except BrokenPipeError:
        # The reader of our output is gone (`newslib load c | head -1`): stop quietly. Later
        # writes (Python flushes stdout on exit) go nowhere instead of raising again.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # no real stdout (e.g. replaced by a test): nothing to do
            pass
        return EXIT_BROKEN_PIPE
    except (FileNotFoundError, ValueError, ImportError) as error:  # ParseError: a ValueError
        if _caused_by_interrupt(error):  # Ctrl-C inside an import (numpy re-raises it so)
            print("newslib: interrupted", file=sys.stderr)
            return 130
        # One line the user can act on; tracebacks are for bugs, not for bad input.
        _error(error)
        return EXIT_USAGE
    except OSError as error:  # the system failed us (disk full, no scheduler): no bug either
        _error(error)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("newslib: interrupted", file=sys.stderr)
        return 130


def _caused_by_interrupt(error: BaseException) -> bool:
    """Whether a KeyboardInterrupt is among the causes or contexts of ``error``."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, KeyboardInterrupt):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def _error(error: BaseException) -> None:
    message = " ".join(str(error).split()) or type(error).__name__
    print(f"newslib: error: {message}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
