"""What an ``analyze`` run read and wrote, so a rerun on an unchanged corpus can stop at once.

After writing its tables, :func:`newslib.analyze.analyze_to_folder` leaves
``OUT/.newslib-run.json``: a key made of every input file's path, size and modification time
(taken *before* reading them), the load and analysis options, newslib's and each analysis's
version; the size and modification time of every file it wrote; and the run's summary. A later
run with the same key, whose output files are all still as written, has nothing to do. Any
change (an edited, added or removed file, another option, a new analysis version, a touched or
deleted output) makes the run go ahead, using the per-article cache for what did not change.

Like ``make`` or ``rsync``, this trusts modification times: a file rewritten with the same size
and the same nanosecond timestamp is taken as unchanged (``--no-cache`` recomputes everything).

This module needs no pandas, so the command line answers a no-op rerun in a fraction of a
second.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from ._paths import OUTPUT_MARKERS, expand_sources, file_key
from ._versions import ANALYSIS_VERSIONS, LOADER_VERSION, __version__, code_digest

__all__ = [
    "STAMP",
    "MARKER",
    "LOAD_REPORT",
    "LOAD_DEFAULTS",
    "check_load_options",
    "run_options",
    "run_key",
    "up_to_date",
    "write_stamp",
    "remove_stamp",
    "mark_output",
    "prepare_output",
]

STAMP = ".newslib-run.json"
# The load report a run writes next to its tables (path, line, status, reason).
LOAD_REPORT = "load_report.csv"
MARKER = OUTPUT_MARKERS[0]
_TABLES = ("articles", "sentences", "quotes", "people")


# The load options and their defaults: the same names and defaults in newslib.load,
# LoadStream, analyze, analyze_to_folder, build_report(load=...), the notebooks' LOAD
# parameter and the command line's flags (tests/test_load_options.py checks they agree). A
# run's key is the same whether or not they are spelled out.
LOAD_DEFAULTS = {
    "format": "auto",
    "errors": "report",
    "tz": None,
    "dayfirst": False,
    "columns": None,
    "max_bytes": None,
    "source_from": "auto",
}


def check_load_options(options: dict | None = None, **more) -> dict:
    """Every load option, ``options`` (and ``more``) over :data:`LOAD_DEFAULTS`; a name that is
    no load option is a ``ValueError`` listing them. ``columns`` is ``None`` when empty.

    Example:
        >>> check_load_options({"tz": "UTC"})["tz"], check_load_options()["source_from"]
        ('UTC', 'auto')
        >>> check_load_options({"colums": {}})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: unknown load option 'colums'; the load options are format, errors, ...
    """
    given = {**(options or {}), **more}
    unknown = [name for name in given if name not in LOAD_DEFAULTS]
    if unknown:
        raise ValueError(
            f"unknown load option {unknown[0]!r}; the load options are {', '.join(LOAD_DEFAULTS)}"
        )
    merged = {**LOAD_DEFAULTS, **given}
    merged["columns"] = dict(merged["columns"]) if merged["columns"] else None
    return merged


def run_options(*, lang: str, csv: bool, batch_size: int, **load_options) -> dict:
    """The options that decide what a run writes (``jobs``, engines and chunk sizes do not).

    Example:
        >>> run_options(lang="en_US", csv=True, batch_size=5000)["format"]
        'auto'
    """
    # {} and None both mean no renaming; an unknown name is an error, not a silent key.
    return {"lang": lang, "csv": csv, "batch_size": batch_size, **check_load_options(load_options)}


def run_key(
    sources: str | os.PathLike | Sequence[str | os.PathLike],
    options: dict,
    exclude: Sequence[str | os.PathLike] = (),
    *,
    listing: dict | None = None,
) -> str:
    """Return the key of a run on ``sources`` with ``options``: a hash of every input file's
    path, size and modification time, the options and the versions of newslib and its analyses.
    The run's own output and cache folders (``exclude``) are no input (see
    :func:`newslib._paths.expand_sources`). ``listing``, when given, is filled with what the
    walk found (``files``, ``outputs``, ``problems``) and each file's key (``keys``, row for row
    with ``files``), so the run reads the very files its key names without walking the folders
    or stat'ing the files again (:class:`newslib.io.LoadStream`'s ``listing``).

    Example:
        >>> run_key("seeds", {"lang": "en_US"}) == run_key("seeds", {"lang": "en_US"})
        True
        >>> run_key("seeds", {"lang": "en_US"}) == run_key("seeds", {"lang": "de"})
        False
    """
    outputs: list = []
    problems: list = []
    found = expand_sources(sources, exclude=exclude, outputs=outputs, problems=problems)
    files = [file_key(path) for path in found]
    if listing is not None:
        # with each file's key as stat'ed now, before any file is read (the load keys its
        # file cache by it, without a second stat of every file)
        listing.update(files=found, outputs=outputs, problems=problems, keys=files)
    named = [os.fspath(sources)] if isinstance(sources, str | os.PathLike) else sources
    payload = {
        "newslib": __version__,
        "code": code_digest(),  # the same version with other rules is another run
        "analyses": ANALYSIS_VERSIONS,
        "loader": LOADER_VERSION,
        "options": options,
        # What was named, not only the files found: the folders named decide the sources
        # taken from folders (newslib.outlets).
        "sources": [os.fspath(item) for item in named],
        "files": files,
    }
    encoded = json.dumps(payload, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


def _outputs(out: Path) -> dict[str, list[int]]:
    """Size and modification time of every table file in ``out`` and of its load report
    (relative path -> stats)."""
    found = {}
    report = out / LOAD_REPORT
    if report.is_file():
        stat = report.stat()
        found[LOAD_REPORT] = [stat.st_size, stat.st_mtime_ns]
    for name in _TABLES:
        for candidate in (out / f"{name}.parquet", out / f"{name}.csv"):
            if candidate.is_dir():
                for entry in sorted(os.scandir(candidate), key=lambda e: e.name):
                    stat = entry.stat()
                    found[f"{candidate.name}/{entry.name}"] = [stat.st_size, stat.st_mtime_ns]
            elif candidate.is_file():
                stat = candidate.stat()
                found[candidate.name] = [stat.st_size, stat.st_mtime_ns]
    return found


def write_stamp(out: str | os.PathLike, key: str, summary: dict) -> Path:
    """Record in ``out`` that its tables are the result of the run with ``key``; ``summary``
    (JSON-serialisable) is given back by :func:`up_to_date`. Written atomically.

    Example:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> write_stamp(folder, "k", {"rows": {"articles": 0}}).name
        '.newslib-run.json'
    """
    folder = Path(out)
    target = folder / STAMP
    partial = folder / f".{STAMP}.{os.getpid()}.partial"
    record = {"key": key, "outputs": _outputs(folder), "summary": summary}
    partial.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(partial, target)
    return target


def mark_output(folder: str | os.PathLike, what: str) -> Path:
    """Create ``folder`` if needed and mark it as newslib's output (``what``: "tables" or
    "cache"), so no later run reads what newslib wrote there as input, whatever its sources
    and output folder. The mark stays (the stamp of a run is removed while a run writes).

    Example:
        >>> import tempfile
        >>> mark_output(tempfile.mkdtemp(), "tables").name
        '.newslib-output'
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / MARKER
    if not marker.is_file():
        marker.write_text(
            f"newslib writes {what} here; newslib never reads its own tables or caches as input.\n",
            encoding="utf-8",
        )
    return marker


def prepare_output(folder: str | os.PathLike, what: str, name: str) -> Path:
    """:func:`mark_output`, or an ``OSError`` whose message is one line saying why the
    ``folder`` (called ``name`` in the message, e.g. "output folder") cannot be used.

    Example:
        >>> import tempfile
        >>> prepare_output(tempfile.mkstemp()[1], "tables", "output folder")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        NotADirectoryError: the output folder '...' is a file: give a folder
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"the {name} {str(folder)!r} is a file: give a folder")
    try:
        return mark_output(folder, what)
    except OSError as error:
        reason = error.strerror or str(error)
        raise type(error)(
            f"cannot write the {name} {str(folder)!r} ({reason}): give a folder you can write to"
        ) from error


def remove_stamp(out: str | os.PathLike) -> None:
    """Forget the last run's record (before ``out``'s tables start to change).

    Example:
        >>> import tempfile
        >>> remove_stamp(tempfile.mkdtemp())  # no record: nothing to do
    """
    try:
        os.unlink(Path(out) / STAMP)
    except FileNotFoundError:
        pass


def up_to_date(out: str | os.PathLike, key: str) -> dict | None:
    """Return the last run's summary if ``out`` holds the tables of the run with ``key``,
    untouched since; else ``None``.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "articles.csv").write_text("article_id\\n")
        >>> _ = write_stamp(folder, "k", {"rows": {"articles": 0}})
        >>> up_to_date(folder, "k"), up_to_date(folder, "other")
        ({'rows': {'articles': 0}}, None)
        >>> _ = (folder / "articles.csv").write_text("article_id\\nchanged\\n")
        >>> up_to_date(folder, "k") is None
        True
    """
    folder = Path(out)
    try:
        record = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("key") != key:
        return None
    if not record.get("outputs") or record["outputs"] != _outputs(folder):
        return None
    return record.get("summary")
