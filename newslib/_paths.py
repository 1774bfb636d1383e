"""Finding a corpus's files, without pandas, so the command line can check them quickly.

``newslib.io`` reads the files this module finds; ``newslib.manifest`` fingerprints them.
"""

from __future__ import annotations

import glob as globlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["FORMATS", "expand_sources", "file_key"]

FORMATS = ("auto", "seed", "text", "markdown", "jsonl", "json", "csv", "tsv", "parquet", "html")


def expand_sources(source: str | os.PathLike | Sequence[str | os.PathLike]) -> list[Path]:
    """Resolve a file, folder (recursively, hidden entries left out), glob or list of them to
    a sorted list of unique files.

    Example:
        >>> [p.name for p in expand_sources("seeds")]
        ['000_0ed1607056b3d6d0.txt']
    """
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
            files.extend(_walk(path))
        elif path.is_file():
            files.append(path)
        elif globlib.has_magic(str(item)):
            matches = sorted(globlib.glob(str(path), recursive=True))
            if not matches:
                raise FileNotFoundError(f"no files match {str(item)!r}")
            for match in map(Path, matches):
                files.extend(_walk(match) if match.is_dir() else [match])
        else:
            raise FileNotFoundError(f"no such file or directory: {str(item)!r}")
    # Sorted and unique so the result never depends on listing order or repeated arguments.
    return sorted(set(files), key=lambda p: str(p))


def _walk(directory: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(directory):
        # Hidden folders and files (.git, .ipynb_checkpoints, .DS_Store) are not articles.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / n for n in names if not n.startswith("."))
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
