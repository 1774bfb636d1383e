"""Putting a run's tables into its output folder: one run at a time, all tables or none.

A run of :func:`newslib.analyze.analyze_to_folder` writes its tables into a hidden staging
folder inside OUT (``.newslib-writing-XXXX``) and then publishes them:

1. :func:`lock_output` makes the run the only writer of OUT (an advisory ``flock`` on
   ``OUT/.newslib-lock``, released by the system when the process ends, even by ``kill -9``).
   A second run into the same OUT stops at once with a one-line message naming the first.
2. :func:`publish` writes a journal, ``OUT/.newslib-publishing.json``, listing the tables to
   move from the staging folder and the stale ones to remove, *before* it moves anything;
   then moves each table into place (the old one is first renamed into the staging folder,
   so each step is a rename); then removes the journal and the staging folder.
3. :func:`recover`, run by the next writer once it holds the lock, finishes a publication
   that a killed run left half done (the journal says what is left: the staged tables are
   complete) and removes what killed runs left behind: staging folders and partial files.

So whatever the moment a run dies, OUT holds either the old run's tables or the new run's
(once the next run, or ``newslib analyze`` on it, has recovered it) — never articles of one
run beside sentences of another for longer than the journal exists.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

__all__ = ["OutputBusyError", "lock_output", "publish", "recover", "STAGING_PREFIX"]

LOCK = ".newslib-lock"
JOURNAL = ".newslib-publishing.json"
STAGING_PREFIX = ".newslib-writing-"
# Partial files of an atomic write (the stamp, write_tables): renamed into place when complete.
_PARTIAL_SUFFIXES = (".partial",)


class OutputBusyError(BlockingIOError):
    """Another newslib run is writing to the same output folder."""


@contextmanager
def lock_output(folder: str | os.PathLike) -> Iterator[Path]:
    """Hold the write lock of the output ``folder`` (which must exist) for the ``with`` block;
    raise :class:`OutputBusyError` at once if another process holds it.

    The lock is the system's (``flock``): it ends with the process however the process ends.
    On systems without ``fcntl`` (Windows) runs are not locked.

    Example:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> with lock_output(folder):
        ...     pass
    """
    path = Path(folder) / LOCK
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no lock
        yield path
        return
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise OutputBusyError(
                f"another newslib run ({holder}) is writing to {str(folder)!r}: wait for it to "
                "finish, or give this run another output folder (-o)"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield path
    finally:
        handle.close()  # releases the lock


def publish(
    staging: str | os.PathLike,
    folder: str | os.PathLike,
    names: Sequence[str],
    *,
    remove: Sequence[str] = (),
) -> None:
    """Move the entries ``names`` (files or folders) of ``staging`` into ``folder``, replacing
    what is there, and delete the entries ``remove`` of ``folder``, as one step that
    :func:`recover` completes if the process dies half way. ``staging`` must be a folder
    inside ``folder`` whose name starts with ``STAGING_PREFIX``; it is removed at the end.
    Hold :func:`lock_output` around the whole run.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
        >>> _ = (staging / "t.csv").write_text("new")
        >>> _ = (folder / "old.csv").write_text("stale")
        >>> publish(staging, folder, ["t.csv"], remove=["old.csv"])
        >>> sorted(p.name for p in folder.iterdir())
        ['t.csv']
    """
    staging, folder = Path(staging), Path(folder)
    if staging.parent != folder or not staging.name.startswith(STAGING_PREFIX):
        raise ValueError(f"{staging} is no staging folder of {folder}")
    record = {"staging": staging.name, "names": list(names), "remove": list(remove)}
    partial = folder / f"{JOURNAL}.partial"
    with open(partial, "w", encoding="utf-8") as handle:
        json.dump(record, handle)
        handle.flush()
        os.fsync(handle.fileno())  # the journal is on disk before anything moves
    os.replace(partial, folder / JOURNAL)
    _finish(folder, record)


def _finish(folder: Path, record: dict) -> None:
    """Carry out a journal's moves and removals (each step can be repeated), then drop it."""
    staging = folder / record["staging"]
    aside = staging / ".replaced"
    for name in record["names"]:
        source = staging / name
        if not os.path.lexists(source):
            continue  # moved before the process died
        target = folder / name
        if os.path.lexists(target):
            aside.mkdir(exist_ok=True)
            if os.path.lexists(aside / name):  # a repeated step: the old table is set aside
                _delete(target)
            else:
                os.replace(target, aside / name)
        os.replace(source, target)
    for name in record["remove"]:
        _delete(folder / name)
    os.unlink(folder / JOURNAL)
    shutil.rmtree(staging, ignore_errors=True)


def _delete(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


def recover(folder: str | os.PathLike) -> list[str]:
    """Finish a publication a killed run left half done in the output ``folder``, and remove
    the staging folders and partial files of killed runs. Call it holding
    :func:`lock_output` (no other run is writing then, so whatever is staged is stale).
    Returns what was done, one line each (empty when there was nothing to do).

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
        >>> recover(folder)  # doctest: +ELLIPSIS
        ['removed the staging folder .newslib-writing-... of an interrupted run']
        >>> recover(folder)
        []
    """
    folder = Path(folder)
    done = []
    journal = folder / JOURNAL
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        record = None
    except (OSError, ValueError):  # unreadable: written by no finished publish step
        journal.unlink()
        record = None
    if record is not None:
        if (folder / record["staging"]).is_dir():
            _finish(folder, record)
            done.append(f"finished publishing the tables of an interrupted run: {record['names']}")
        else:
            journal.unlink()
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        return done
    for name in entries:
        path = folder / name
        if name.startswith(STAGING_PREFIX) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            done.append(f"removed the staging folder {name} of an interrupted run")
        elif name.startswith(".") and name.endswith(_PARTIAL_SUFFIXES) and path.is_file():
            path.unlink()
            done.append(f"removed the partial file {name} of an interrupted run")
    return done
