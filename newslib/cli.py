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

from ._paths import FORMATS
from ._versions import __version__
from .cli_summary import analysis_summary_text, summary_text

__all__ = ["main", "build_parser"]

EXIT_USAGE = 2
EXIT_FAILURE = 1
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a command killed by SIGPIPE
# As newslib.analyze_runner.JOBS_PER_CORE (kept here so the command line checks --jobs before it
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
        help="analyse articles and write articles/sentences/quotes/people tables (Parquet and CSV)",
        description="Load articles, run readability, quotes, sentiment and the people who "
        "speak, and write OUT/articles.parquet, OUT/sentences.parquet, OUT/quotes.parquet and "
        "OUT/people.parquet with CSV copies, and the load report OUT/load_report.csv. Exit code "
        "2 when no article loads.",
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
