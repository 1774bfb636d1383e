"""Finding a corpus's files, without pandas, so the command line can check them quickly.

``newslib.io`` reads the files this module finds; ``newslib.manifest`` fingerprints them.
"""

from __future__ import annotations

import glob as globlib
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["FORMATS", "OUTPUT_MARKERS", "expand_sources", "file_key"]

FORMATS = ("auto", "seed", "text", "markdown", "jsonl", "json", "csv", "tsv", "parquet", "html")

# A folder holding one of these files holds newslib's output: tables (OUT) or a cache. The first
# is written when a run starts and never removed; the second is a finished run's record.
OUTPUT_MARKERS = (".newslib-output", ".newslib-run.json")
# What newslib writes into such a folder (hidden entries, such as its staging folders, are never
# read anyway): the tables and their CSV copies, and the caches' folders. Nothing else in the
# folder is touched, so an output folder can also hold (or be) a corpus.
_OUTPUT_ENTRY = re.compile(
    r"(?:articles|sentences|quotes)\.(?:parquet|csv)"
    r"|(?:readability|quotes|sentiment|files)-v[^-/]+-[0-9a-f]{10}"
)


class _Outputs:
    """Finds newslib's own output among the files of a corpus: the entries named as newslib
    names them (``_OUTPUT_ENTRY``) in a folder that is excluded (this run's OUT and cache) or
    marked (``OUTPUT_MARKERS``). Each folder is checked once."""

    def __init__(self, exclude: Iterable[str | os.PathLike]):
        self._excluded = set()
        for folder in exclude:
            try:
                stat = os.stat(folder)
            except OSError:  # not there (yet): nothing of it to leave out
                continue
            self._excluded.add((stat.st_dev, stat.st_ino))
        self._holds: dict[str, bool] = {}
        self.found: list[Path] = []

    def holds_output(self, folder: Path) -> bool:
        key = str(folder)
        if key not in self._holds:
            try:
                stat = os.stat(folder)
                excluded = (stat.st_dev, stat.st_ino) in self._excluded
            except OSError:
                excluded = False
            self._holds[key] = excluded or any(
                os.path.isfile(os.path.join(folder, m)) for m in OUTPUT_MARKERS
            )
        return self._holds[key]

    def entry_of(self, path: Path) -> Path | None:
        """The output entry ``path`` is or lies in (a table part lies 1, a cache part 2 folders
        below it), else None."""
        parts = path.parts
        for end in range(len(parts), max(len(parts) - 4, 0), -1):
            if _OUTPUT_ENTRY.fullmatch(parts[end - 1]):  # rare: a path is only built then
                candidate = Path(*parts[:end])
                if self.holds_output(candidate.parent):
                    return candidate
        return None

    def leave_out(self, path: Path) -> bool:
        """Whether ``path`` is output; the output entry is remembered (once) in ``found``."""
        entry = self.entry_of(path)
        if entry is not None and entry not in self.found:
            self.found.append(entry)
        return entry is not None


def expand_sources(
    source: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    exclude: Iterable[str | os.PathLike] = (),
    outputs: list[Path] | None = None,
) -> list[Path]:
    """Resolve a file, folder (recursively, hidden entries left out), glob or list of them to
    a sorted list of unique files.

    newslib's own output is never a source: in the folders of ``exclude`` (a run's output and
    cache folders) and in any folder marked as output (``OUTPUT_MARKERS``), the tables
    (``articles.parquet``, ``articles.csv``, ...) and cache folders newslib writes there are
    left out, however they are reached (a folder walk, a glob, a path given). Each one left out
    is appended to ``outputs`` if given.

    Example:
        >>> [p.name for p in expand_sources("seeds")]
        ['000_0ed1607056b3d6d0.txt']
    """
    found = _Outputs(exclude)
    if isinstance(source, str | os.PathLike):
        items: Iterable[str | os.PathLike] = [source]
    elif isinstance(source, Iterable):
        items = list(source)
        if not items:
            raise ValueError("load() got an empty list of sources")
    else:
        raise TypeError(
            f"load() takes a path, a glob or a list of them, not {type(source).__name__}"
        )
    files: list[Path] = []
    for item in items:
        path = Path(item).expanduser()
        if path.is_dir():
            files.extend(_walk(path, found))
        elif path.is_file():
            files.extend([] if found.leave_out(path) else [path])
        elif globlib.has_magic(str(item)):
            matches = sorted(globlib.glob(str(path), recursive=True))
            if not matches:
                raise FileNotFoundError(f"no files match {str(item)!r}")
            for match in map(Path, matches):
                if match.is_dir():
                    files.extend(_walk(match, found))
                elif not found.leave_out(match):
                    files.append(match)
        else:
            raise FileNotFoundError(f"no such file or directory: {str(item)!r}")
    if outputs is not None:
        outputs.extend(sorted(found.found, key=str))
    # Sorted and unique so the result never depends on listing order or repeated arguments.
    return sorted(set(files), key=lambda p: str(p))


def _walk(directory: Path, outputs: _Outputs | None = None) -> list[Path]:
    found = []
    if outputs is not None and outputs.leave_out(directory):
        return found
    for root, dirs, names in os.walk(directory):
        # Hidden folders and files (.git, .ipynb_checkpoints, .DS_Store) are not articles.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        names = [n for n in names if not n.startswith(".")]
        if outputs is not None and outputs.holds_output(Path(root)):
            made = [n for n in dirs + names if _OUTPUT_ENTRY.fullmatch(n)]
            for name in made:
                outputs.leave_out(Path(root) / name)
            dirs[:] = [d for d in dirs if d not in made]
            names = [n for n in names if n not in made]
        found.extend(Path(root) / n for n in names)
    return found


def file_key(path: Path) -> tuple[str, int, int] | None:
    """``(path, size, mtime_ns)``: what says a file is unchanged since it was last read (as
    ``make`` and ``rsync`` judge it), or None when it cannot be stat'ed.

    Example:
        >>> file_key(Path("seeds/000_0ed1607056b3d6d0.txt"))[0]
        'seeds/000_0ed1607056b3d6d0.txt'
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    return (str(path), stat.st_size, stat.st_mtime_ns)
