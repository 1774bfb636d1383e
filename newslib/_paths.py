"""Finding a corpus's files, without pandas, so the command line can check them quickly.

``newslib.io`` reads the files this module finds; ``newslib.manifest`` fingerprints them.
"""

from __future__ import annotations

import errno
import fnmatch
import glob as globlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from stat import S_ISBLK, S_ISCHR, S_ISDIR, S_ISFIFO, S_ISREG, S_ISSOCK
from typing import Any, NamedTuple

__all__ = ["FORMATS", "OUTPUT_MARKERS", "Problem", "expand_sources", "file_key"]

FORMATS = ("auto", "seed", "text", "markdown", "jsonl", "json", "csv", "tsv", "parquet", "html")

# A folder holding one of these files holds newslib's output: tables (OUT) or a cache. The first
# is written when a run starts and never removed; the second is a finished run's record.
OUTPUT_MARKERS = (".newslib-output", ".newslib-run.json")
# What newslib writes into such a folder (hidden entries, such as its staging folders, are never
# read anyway): the tables and their CSV copies, the load report, and the caches' folders
# (``<analysis>-v<version>-<options hash>``, any analysis: a new one needs no change here).
# Nothing else in the folder is touched, so an output folder can also hold (or be) a corpus.
_OUTPUT_ENTRY = re.compile(
    r"(?:articles|sentences|quotes|people)\.(?:parquet|csv)|load_report\.csv"
    r"|[a-z][a-z_]*-v[^-/]+-[0-9a-f]{10}"
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
    problems: list[Problem] | None = None,
) -> list[Path]:
    """Resolve a file, folder (recursively, hidden entries left out), glob or list of them to
    a sorted list of unique files.

    Folders are walked without a depth limit, following symbolic links to folders and files.
    A link back to a folder the walk is in (a loop, or a link to an ancestor such as ``/``) is
    not followed. A folder or file reached through several paths (links) is read once, under
    the first of its paths in sorted order; its other paths are not followed (a folder) or
    not read (a file). A glob has the meaning of ``glob.glob(recursive=True)`` (``*`` stops at
    ``/``, ``**`` is zero or more folders, hidden names match only a pattern part starting with
    ``.``), matched over the same walk.

    What is found but not read is appended to ``problems`` if given, as :class:`Problem`
    rows: a file that cannot be read (a broken link, a named pipe, the same file as an earlier
    path), a folder that cannot be listed, a link to a folder not followed.

    newslib's own output is never a source: in the folders of ``exclude`` (a run's output and
    cache folders) and in any folder marked as output (``OUTPUT_MARKERS``), the tables
    (``articles.parquet``, ``articles.csv``, ...) and cache folders newslib writes there are
    left out, however they are reached (a folder walk, a glob, a path given). Each one left out
    is appended to ``outputs`` if given.

    Example:
        >>> problems = []
        >>> [p.name for p in expand_sources("seeds", problems=problems)], problems
        (['000_0ed1607056b3d6d0.txt'], [])
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
    walk = _Walk(_Outputs(exclude))
    for item in items:
        path = Path(item).expanduser()
        try:
            stat = os.stat(path)
        except OSError as error:
            if not globlib.has_magic(str(item)):
                raise FileNotFoundError(_missing(item, path, error)) from None
            walk.glob(str(item), path)
            continue
        if S_ISDIR(stat.st_mode):
            if not walk.outputs.leave_out(path):
                walk.folder(path, (stat.st_dev, stat.st_ino))
        elif not S_ISREG(stat.st_mode):
            walk.problem(path, _not_regular(stat.st_mode), "file")
        elif not walk.outputs.leave_out(path):
            walk.files.append((path, (stat.st_dev, stat.st_ino)))
    if outputs is not None:
        outputs.extend(sorted(walk.outputs.found, key=str))
    return walk.result(problems)


class Problem(NamedTuple):
    """Something :func:`expand_sources` found but that will not be read, and why.

    ``kind`` is ``"file"`` for a file (or what may be one) that cannot be read: a broken link,
    a named pipe or device, the same file as an earlier path (``load`` counts it as a file
    seen and skipped); ``"folder"`` for a folder that cannot be listed (its files are unknown,
    so not counted); ``"link"`` for a link to a folder not followed (a loop, or a folder read
    under another path), which loses nothing.

    Example:
        >>> Problem(Path("corpus/loop"), "a link back to corpus (a loop)", "link").kind
        'link'
    """

    path: Path
    reason: str
    kind: str


_Identity = tuple[int, int]  # (st_dev, st_ino): which folder or file a path really is
_LEAVE = object()  # on the walk's stack: the folder below is done, it leaves the walk's path


class _Pattern:
    """The parts of a glob after its folder (``**``, ``*.txt`` of ``corpus/**/*.txt``),
    matched one name at a time. A path's state is the set of how many parts it has matched
    (``**`` matches any number of names, so there may be several); ``end`` is a full match."""

    def __init__(self, parts: Sequence[str]):
        self.parts = tuple(parts)
        self.end = len(self.parts)
        self._matchers = [_part_matcher(part) for part in self.parts]

    def start(self) -> frozenset[int]:
        return self._closure({0})

    def step(self, states: frozenset[int], name: str) -> frozenset[int]:
        """The states of ``folder/name`` for a folder in ``states``."""
        hidden = name.startswith(".")
        after = set()
        for i in states:
            if i == self.end:
                continue
            if self.parts[i] == "**":
                if not hidden:  # as in glob, ** never matches a hidden name
                    after.add(i)
            elif self._matchers[i](name, hidden):
                after.add(i + 1)
        return self._closure(after)

    def _closure(self, states: set[int]) -> frozenset[int]:
        # ** matches zero names too: who reaches it reaches the part after it.
        for i in range(self.end):
            if i in states and self.parts[i] == "**":
                states.add(i + 1)
        return frozenset(states)


def _part_matcher(part: str) -> Callable[[str, bool], bool] | None:
    """Whether a name matches one part of a glob, as ``glob`` decides it: a part without
    wildcards only itself; else by ``fnmatch`` rules (a name holds no ``/``, so ``*`` never
    crosses one), a hidden name only if the part starts with ``.``."""
    if part == "**":
        return None
    if not globlib.has_magic(part):
        return lambda name, hidden: name == part
    regex = re.compile(fnmatch.translate(part))
    dot = part.startswith(".")
    return lambda name, hidden: (dot or not hidden) and regex.match(name) is not None


class _Walk:
    """What :func:`expand_sources` has found: files (with their identity) and problems."""

    def __init__(self, outputs: _Outputs):
        self.outputs = outputs
        self.files: list[tuple[Path, _Identity]] = []
        self.problems: list[Problem] = []

    def problem(self, path: Path, reason: str, kind: str) -> None:
        self.problems.append(Problem(path, reason, kind))

    def glob(self, item: str, path: Path) -> None:
        """Add what ``path``, a glob, matches: walk from its folder (the parts before the
        first wildcard). Raise FileNotFoundError if nothing matches."""
        parts = path.parts
        first = next(i for i, part in enumerate(parts) if globlib.has_magic(part))
        base = Path(*parts[:first]) if first else Path(".")
        before = len(self.problems)
        matched = False
        try:
            stat = os.stat(base)
        except OSError:
            stat = None
        if stat is not None and S_ISDIR(stat.st_mode):
            if self.outputs.leave_out(base):
                matched = True
            else:
                identity = (stat.st_dev, stat.st_ino)
                matched = self.folder(base, identity, _Pattern(parts[first:]))
        if not matched:
            unread = [f"{p.path}: {p.reason}" for p in self.problems[before:]]
            del self.problems[before:]  # said in the error instead
            why = f" (not read on the way: {'; '.join(unread[:3])})" if unread else ""
            raise FileNotFoundError(f"no files match {item!r}{why}")

    def folder(self, root: Path, identity: _Identity, pattern: _Pattern | None = None) -> bool:
        """Walk the folder ``root``: add its files (with ``pattern``, those it matches below
        ``root``) and problems; return whether ``pattern`` matched anything.

        Depth first, in the sorted order of paths, on an explicit stack (no recursion, no
        depth limit). A folder whose identity is on the walk's path (or is an ancestor of ``root``'s
        real path) is a loop, not entered; any other folder is entered once per pattern
        state (for a folder walk: once)."""
        outputs = self.outputs
        if pattern is None:  # a folder walk: every name but hidden ones
            states: frozenset[int] = frozenset()
            every = matched = True
        else:
            states = pattern.start()
            every = matched = pattern.end in states  # corpus/** matches corpus itself
            states -= {pattern.end}
        on_path = _real_ancestors(root)  # identity -> its path, for the folders the walk is in
        visited: dict[tuple[_Identity, frozenset[int], bool], Path] = {}
        stack: list[tuple[Any, Any, Any, Any]] = [(root, identity, states, every)]
        while stack:
            folder, identity, states, every = stack.pop()
            if folder is _LEAVE:
                del on_path[identity]
                continue
            if identity in on_path:
                reason = f"a link back to {on_path[identity]}, a folder it is in (a loop)"
                self.problem(folder, f"{reason}: not followed", "link")
                continue
            first = visited.setdefault((identity, states, every), folder)
            if first is not folder:
                reason = f"the same folder as {first} (through a link), read there"
                self.problem(folder, f"{reason}: not read twice", "link")
                continue
            try:
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda entry: entry.name)
            except OSError as error:
                self.problem(folder, f"cannot list the folder: {_strerror(error)}", "folder")
                continue
            on_path[identity] = folder
            stack.append((_LEAVE, identity, None, None))
            subfolders = []
            for entry in entries:
                name = entry.name
                if pattern is None:
                    after, full = states, False
                else:
                    after = pattern.step(states, name)
                    full = pattern.end in after
                    after -= {pattern.end}
                    matched = matched or full
                # Whether it is wanted whole: a folder walk's names but hidden ones, or what
                # the glob matched (a matched folder is read whole, as by a folder walk).
                whole = full or (every and not name.startswith("."))
                if not (whole or after):
                    continue
                path = folder / name
                if _OUTPUT_ENTRY.fullmatch(name) and outputs.holds_output(folder):
                    outputs.leave_out(path)
                    continue
                kind, found = _entry_kind(entry, identity[0])
                if kind == "folder":
                    subfolders.append((path, found, after, whole))
                elif kind == "file":
                    if whole:
                        self.files.append((path, found))
                elif kind == "folder-problem" or whole:  # a folder could still hold matches
                    self.problem(path, found, kind.partition("-")[0])
            # Subfolders in the order of their paths ("a-b/" before "a/"): a folder is read
            # under the first of its paths in sorted order, as a file is.
            subfolders.sort(key=lambda subfolder: f"{subfolder[0].name}/", reverse=True)
            stack.extend(subfolders)
        return matched

    def result(self, problems: list[Problem] | None) -> list[Path]:
        """The files, sorted and unique, each real file once (under its first path); the
        problems (sorted, each path once) into ``problems``."""
        identities: dict[Path, _Identity] = {}
        for path, identity in self.files:
            identities.setdefault(path, identity)
        files = []
        first: dict[_Identity, Path] = {}
        for path in sorted(identities, key=str):
            earlier = first.setdefault(identities[path], path)
            if earlier is path:
                files.append(path)
            else:
                reason = f"the same file as {earlier} (a link to it or from it): read once, there"
                self.problem(path, reason, "file")
        if problems is not None:
            unique = {p.path: p for p in reversed(self.problems)}  # the first found stays
            problems.extend(sorted(unique.values(), key=lambda p: str(p.path)))
        return files


def _entry_kind(entry: os.DirEntry, device: int) -> tuple[str, Any]:
    """What a folder's entry is, links followed: ``("folder", identity)``, ``("file",
    identity)``, or ``("file-problem", reason)`` / ``("folder-problem", reason)``."""
    link = False
    try:
        link = entry.is_symlink()
        if not link and entry.is_file(follow_symlinks=False):
            return "file", (device, entry.inode())  # the listing says so: no system call
        stat = entry.stat()
    except OSError as error:
        if link:
            return "file-problem", _link_problem(entry.path, error)
        try:
            folder = entry.is_dir(follow_symlinks=False)
        except OSError:
            folder = False
        if folder:
            return "folder-problem", f"cannot list the folder: {_strerror(error)}"
        return "file-problem", f"cannot read: {_strerror(error)}"
    if S_ISDIR(stat.st_mode):
        return "folder", (stat.st_dev, stat.st_ino)
    if S_ISREG(stat.st_mode):
        return "file", (stat.st_dev, stat.st_ino)
    return "file-problem", _not_regular(stat.st_mode)


def _real_ancestors(folder: Path) -> dict[_Identity, Path]:
    """The identities of the folders above ``folder``'s real path (up to ``/``): a link to
    one of them is a loop too."""
    found = {}
    for parent in Path(os.path.realpath(folder)).parents:
        try:
            stat = os.stat(parent)
        except OSError:
            continue
        found[(stat.st_dev, stat.st_ino)] = parent
    return found


def _strerror(error: OSError) -> str:
    return error.strerror or str(error)


def _link_problem(path: str, error: OSError) -> str:
    if error.errno == errno.ENOENT:
        try:
            target = f" to {os.readlink(path)!r}"
        except OSError:
            target = ""
        return f"a broken symbolic link{target} (nothing there)"
    if error.errno == errno.ELOOP:
        return "a symbolic link that leads back to itself (too many levels of links)"
    return f"cannot follow the symbolic link: {_strerror(error)}"


def _not_regular(mode: int) -> str:
    what = (
        "a named pipe (FIFO)"
        if S_ISFIFO(mode)
        else "a socket"
        if S_ISSOCK(mode)
        else "a device"
        if S_ISCHR(mode) or S_ISBLK(mode)
        else "not a file or folder"
    )
    return f"{what}, not a regular file: not read (reading it could wait forever)"


def _missing(item: str | os.PathLike, path: Path, error: OSError) -> str:
    """Why a path given (no glob) cannot be found."""
    if error.errno == errno.ENOENT and os.path.islink(path):
        return f"no such file or directory: {str(item)!r} is a broken symbolic link"
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"no such file or directory: {str(item)!r}"
    return f"cannot find {str(item)!r}: {_strerror(error)}"


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
