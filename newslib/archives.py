"""Compressed files and archives, read member by member for the loader; nothing is ever
extracted to disk.

* A **compressed file** (``.gz``, ``.bz2``, ``.xz``, ``.zst``) is one file of the load: its
  content is decompressed in memory and its format told from its name without the compression
  suffix (``articles.jsonl.gz`` is JSON Lines, ``a.gz`` a text file). The compression itself
  is told from the first bytes, so a ``.gz`` that is really bzip2 is read all the same.
* An **archive** (``.zip``, ``.tar``, ``.tar.gz``/``.tgz``, ``.tar.bz2``, ``.tar.xz``,
  ``.tar.zst``) or a **WARC** file (``.warc``, ``.warc.gz``, read by :mod:`newslib.warc`) is
  a :class:`Container`: each of its members is a file of the load, shown and reported as
  ``archive.zip/inner/path.txt``. Members may be compressed themselves (``a.zip/x.jsonl.gz``).
  An archive inside an archive is read one level deep (``a.zip/b.tar.gz/x.txt``); an archive
  in that one is skipped and reported.

What is never read, each reported with its reason: member names that climb out of the archive
(``..``) or are absolute, links (tar symbolic and hard links, zip symbolic links), devices and
pipes, encrypted members, and **decompression bombs**: a member (or compressed file) is read
in pieces, and reading stops as soon as it is over ``max_bytes`` or has grown past
``BOMB_FLOOR`` bytes *and* more than ``BOMB_RATIO`` times the compressed bytes it came from;
an archive as a whole likewise (its members together, against the archive's size), after
which nothing more of it is read. Members are read one at a time (tar archives as a stream),
so memory holds one member at most, whatever the archive's size.

Hidden members (a part of the name starting with ``.``, or ``__MACOSX/``) and folders are
left out as hidden files are; one ``note`` counts the hidden ones. A damaged archive keeps
the members before the damage: the member being read is skipped, and the archive itself is
one skipped row saying where reading stopped and why.
"""

from __future__ import annotations

import io
import re
import stat
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .archive_streams import (
    _CHUNK,
    _DAMAGE,
    BOMB_FLOOR,
    BOMB_RATIO,
    Refused,
    _Damaged,
    _decompressing,
    _Guarded,
    _read_limited,
    _skip,
    _Stopped,
    _why,
)
from .loadreport import _shown
from .zip_salvage import _Inflater, _LocalHeader

__all__ = [
    "BOMB_FLOOR",
    "BOMB_RATIO",
    "COMPRESSIONS",
    "Container",
    "Entry",
    "MemberPath",
    "Refused",
    "container_kind",
    "decompress_file",
    "inner_name",
]
# A zip inside another archive is read from memory: at most this size.
NESTED_ZIP_LIMIT = 256 * 2**20
COMPRESSIONS = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".zst": "zstd"}
_TAR_SUFFIXES = (".tar", ".tgz", ".tbz", ".tbz2", ".txz", ".tzst")
_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:")


class MemberPath(str):
    """The path a member is shown and reported under, ``<archive>/<name in the archive>``: a
    string (a WARC record's URL keeps its ``//``) with the ``name``, ``stem`` and ``suffix``
    the loader reads a file's format and date from (those of ``name`` when given).

    Example:
        >>> path = MemberPath("corpus/a.zip/2024-03-01_news.txt.gz")
        >>> path.name, path.suffix, path.stem
        ('2024-03-01_news.txt.gz', '.gz', '2024-03-01_news.txt')
        >>> inner_name(path).suffix, str(inner_name(path)) == path
        ('.txt', True)
    """

    def __new__(cls, shown: str, name: str | None = None):
        path = super().__new__(cls, shown)
        path._name = shown.rpartition("/")[2] if name is None else name
        return path

    @property
    def name(self) -> str:
        return self._name

    @property
    def suffix(self) -> str:
        name = self._name
        dot = name.rfind(".")
        return name[dot:] if 0 < dot < len(name) - 1 else ""

    @property
    def stem(self) -> str:
        suffix = self.suffix
        return self._name[: len(self._name) - len(suffix)] if suffix else self._name


@dataclass
class Entry:
    """One member of a :class:`Container`: its ``path``, and its content (``data``,
    decompressed) or why it is not read (``reason``). A WARC record also says its ``format``
    (``html``), the ``charset`` its HTTP header declares and ``complete``, which fills in what
    the record knows (URL, date, domain) once the page is read:
    ``complete(articles, report)``.

    Example:
        >>> Entry(MemberPath("a.zip/x.txt"), b"Title\\n\\nText.").reason is None
        True
    """

    path: MemberPath
    data: bytes | None = None
    reason: str | None = None
    format: str | None = None
    charset: str | None = None
    complete: Callable[[list, Any], list] | None = None


def container_kind(name: str | Path) -> str | None:
    """``"zip"``, ``"tar"`` or ``"warc"`` when a file of that name is read member by member,
    else None (told from the name: ``.zip``, ``.tar``, ``.tar.gz``, ``.tgz``, ... ``.warc``,
    ``.warc.gz``).

    Example:
        >>> [container_kind(n) for n in ("a.ZIP", "b.tar.gz", "c.tgz", "d.warc.gz", "e.csv.gz")]
        ['zip', 'tar', 'tar', 'warc', None]
    """
    lower = (name.name if isinstance(name, Path) else str(name).rpartition("/")[2]).lower()
    if lower.endswith(".zip"):
        return "zip"
    if lower.endswith(_TAR_SUFFIXES):
        return "tar"
    base = lower
    for suffix in COMPRESSIONS:
        if lower.endswith(suffix):
            base = lower[: -len(suffix)]
            break
    if base.endswith(".tar"):
        return "tar"
    if base.endswith(".warc"):
        return "warc"
    return None


def inner_name(path):
    """The name a compressed file's format is told from: ``path`` without its compression
    suffix (``a.jsonl.gz`` -> ``a.jsonl``); ``path`` itself (the same object) otherwise.

    Example:
        >>> inner_name(Path("corpus/a.jsonl.gz")), inner_name(Path("b.txt"))
        (PosixPath('corpus/a.jsonl'), PosixPath('b.txt'))
    """
    suffix = path.suffix
    if suffix.lower() not in COMPRESSIONS or container_kind(path.name):
        return path
    if isinstance(path, MemberPath):
        return MemberPath(str(path), path.name[: -len(suffix)])
    return path.with_name(path.stem)


def decompress_file(path: Path, max_bytes: int | None = None) -> bytes:
    """The content of a compressed file (gzip, bzip2, xz or zstd, told from its first bytes),
    read in pieces: raises :class:`Refused` when it is not compressed data, is damaged, or
    grows over ``max_bytes`` or like a decompression bomb (reading stops there).

    Example:
        >>> import gzip, tempfile
        >>> path = Path(tempfile.mkdtemp()) / "a.txt.gz"
        >>> _ = path.write_bytes(gzip.compress(b"Title\\n\\nBody."))
        >>> decompress_file(path)
        b'Title\\n\\nBody.'
    """
    with open(path, "rb") as raw:
        stream, source, kind = _decompressing(raw)
        if kind is None:
            expected = COMPRESSIONS.get(path.suffix.lower(), "compressed")
            raise Refused(
                f"not {expected} data although its name ends in {path.suffix} "
                f"(it starts with {source.head[:8]!r})"
            )
        try:
            return _read_limited(stream, max_bytes, lambda: source.count)
        except Refused:
            raise
        except _DAMAGE as error:
            raise Refused(f"damaged {kind} data: {_why(error)}") from None


class Container:
    """An archive or WARC file, read member by member: iterating yields an :class:`Entry`
    per member (in the archive's order; folders and hidden members left out). Afterwards
    ``notes`` holds the archive's ``note`` rows as ``(path, reason)`` (hidden members left
    out, WARC records that are no HTML page) and ``damage`` why the archive as a whole is skipped
    (damaged, truncated, not an archive, nothing to read), else None.

    Example:
        >>> import tempfile, zipfile
        >>> path = Path(tempfile.mkdtemp()) / "a.zip"
        >>> with zipfile.ZipFile(path, "w") as archive:
        ...     archive.writestr("news/one.txt", "One\\n\\nText.")
        ...     archive.writestr("../escape.txt", "Two\\n\\nText.")
        >>> container = Container(path)
        >>> [(e.path.rpartition("a.zip/")[2], e.reason is None) for e in container]
        [('news/one.txt', True), ('../escape.txt', False)]
        >>> container.damage is None
        True
    """

    def __init__(self, path: str | Path, max_bytes: int | None = None):
        self.path = Path(path)
        self.shown = _shown(self.path)
        self.kind = container_kind(self.path)
        if self.kind is None:
            raise ValueError(f"{self.shown} is no archive or WARC file (told from its name)")
        self.max_bytes = max_bytes
        self.notes: list[tuple[str, str]] = []
        self.damage: str | None = None
        self.size = 0
        self.produced = 0  # bytes of all members read so far, against the bomb rule
        self._hidden: list[str] = []
        self._names: dict[str, int] = {}

    def __iter__(self) -> Iterator[Entry]:
        try:
            raw = open(self.path, "rb")  # noqa: SIM115 (closed below; a generator holds it)
        except OSError as error:
            self.damage = f"cannot read: {error.strerror or error}"
            return
        with raw:
            try:
                self.size = max(self.path.stat().st_size, 1)
                damage, count = yield from self._walk(self.kind, raw, self.shown, 0)
            except _Stopped as stop:
                damage, count = str(stop), 1
            except Exception as error:  # a bug must cost this archive, not the load
                damage = f"cannot read: {_why(error)} (a newslib bug: please report it)"
                count = 1
        hidden = len(self._hidden)
        if hidden:
            self.notes.insert(
                0,
                (
                    self.shown,
                    f"{hidden:,} hidden member{'s' if hidden > 1 else ''} left out (names starting "
                    f"with '.' or in __MACOSX/, e.g. {self._hidden[0]!r})",
                ),
            )
        if damage is None and count == 0:
            damage = "no files to read in the archive" + (
                f" ({hidden:,} hidden member{'s' if hidden > 1 else ''} left out)" if hidden else ""
            )
        self.damage = damage

    # ------------------------------------------------------------------ shared by the kinds

    def _walk(self, kind: str, source, prefix: str, depth: int):
        """Yield the entries of the archive ``source`` (a binary stream, or a seekable one for
        a zip) shown under ``prefix``; return ``(damage, number of entries)``."""
        if kind == "zip":
            return (yield from self._zip(source, prefix, depth))
        if kind == "tar":
            return (yield from self._tar(source, prefix, depth))
        from .warc import warc_entries

        return (yield from warc_entries(self, source, prefix))

    def member_path(self, prefix: str, name: str, number: int, word: str = "entry") -> MemberPath:
        """The path of member ``name`` (the ``number``-th ``word`` of the archive); a name
        seen before in the same archive gets ``(entry N)`` after it, so each path is one
        file of the load."""
        shown = f"{prefix}/{name}"
        seen = self._names.get(shown, 0)
        self._names[shown] = seen + 1
        last = name.rpartition("/")[2]
        return MemberPath(f"{shown} ({word} {number})" if seen else shown, last)

    def read(self, stream, packed: Callable[[], int]) -> bytes:
        """A member's content, read in pieces from ``stream`` (decompressing as it goes):
        :class:`Refused` when it grows over ``max_bytes`` or like a bomb against ``packed()``,
        the compressed bytes it came from; ``_Stopped`` once the members read so far expand
        like a bomb against the archive's size (members refused do not count)."""
        if self.produced > BOMB_FLOOR and self.produced > BOMB_RATIO * self.size:
            raise _Stopped(
                f"reading stopped: the archive's members expand to more than {BOMB_RATIO}× "
                f"its {self.size:,} bytes ({self.produced:,} bytes): a decompression bomb? "
                "This member and those after it are not read"
            )
        data = _read_limited(stream, self.max_bytes, packed)
        self.produced += len(data)
        return data

    def _member(self, stream, path: MemberPath, name: str, depth: int, packed):
        """Yield the entries of one member: an archive in it (read one level deep), else the
        member itself with its content (decompressed if it is a compressed file)."""
        kind = container_kind(name)
        if kind is not None:
            if depth >= 1:
                yield Entry(
                    path,
                    reason="an archive inside an archive inside an archive: not read "
                    "(archives are read one level deep; extract this one first)",
                )
                return
            if kind == "zip":  # a zip needs seeking: it is read from memory
                try:
                    data = _read_limited(stream, NESTED_ZIP_LIMIT, packed)
                except Refused as refused:
                    if "decompression bomb" in str(refused):
                        raise
                    raise Refused(
                        f"a zip inside an archive, over {NESTED_ZIP_LIMIT // 2**20} MiB: not read "
                        "(a zip inside an archive is read from memory; extract this one first)"
                    ) from None
                stream = io.BytesIO(data)
            damage, count = yield from self._walk(kind, stream, path, depth + 1)
            if damage is not None or count == 0:
                yield Entry(path, reason=damage or "no files to read in this archive")
            return
        if path.suffix.lower() in COMPRESSIONS:
            stream, source, compression = _decompressing(stream)
            if compression is None:
                raise Refused(
                    f"not {COMPRESSIONS[path.suffix.lower()]} data although its name ends in "
                    f"{path.suffix} (it starts with {source.head[:8]!r})"
                )
        yield Entry(path, self.read(stream, packed))

    def _screen(self, prefix: str, raw: str, number: int) -> tuple[str | None, Entry | None]:
        """``(name, None)`` for a member to read, ``(None, entry)`` for one refused for its
        name, ``(None, None)`` for one left out (a folder, a hidden member)."""
        if raw.startswith(("/", "\\")) or _WINDOWS_DRIVE.match(raw):
            reason = (
                f"an absolute member name ({raw!r}): not read (extracted, it would be written "
                "outside the folder)"
            )
            return None, Entry(self.member_path(prefix, raw, number), reason=reason)
        parts = [part for part in raw.split("/") if part not in ("", ".")]
        if any(".." in part.split("\\") for part in parts):
            reason = (
                f"a member name that climbs out of the archive ({raw!r}): not read (extracted, "
                "it would be written outside the folder)"
            )
            return None, Entry(self.member_path(prefix, raw, number), reason=reason)
        if not parts or raw.endswith("/"):
            return None, None
        name = "/".join(parts)
        if any(part.startswith(".") or part == "__MACOSX" for part in parts):
            self._hidden.append(f"{prefix}/{name}")
            return None, None
        return name, None

    # ------------------------------------------------------------------ zip

    def _zip(self, source, prefix: str, depth: int):
        try:
            archive = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            return (yield from self._zip_salvage(source, prefix, depth, _why(error)))
        count = 0
        with archive:
            for number, info in enumerate(archive.infolist(), start=1):
                if info.is_dir():
                    continue
                name, refused = self._screen(prefix, info.filename, number)
                if refused is not None:
                    count += 1
                    yield refused
                if name is None:
                    continue
                count += 1
                path = self.member_path(prefix, name, number)
                mode = info.external_attr >> 16
                if info.create_system == 3 and stat.S_ISLNK(mode):
                    target = _link_target(archive, info)
                    yield Entry(path, reason=f"a symbolic link{target}: links are not followed")
                    continue
                if info.flag_bits & 0x1:
                    yield Entry(path, reason="encrypted: not read (newslib reads no passwords)")
                    continue
                if self.max_bytes is not None and info.file_size > self.max_bytes:
                    reason = (
                        f"file is {info.file_size:,} bytes, over the limit of {self.max_bytes:,}"
                    )
                    yield Entry(path, reason=reason)
                    continue
                try:
                    with archive.open(info) as member:
                        packed = info.compress_size
                        yield from self._member(member, path, name, depth, lambda p=packed: p)
                except Refused as refused:
                    yield Entry(path, reason=str(refused))
                except _Stopped as stop:
                    yield Entry(path, reason=str(stop))
                    raise
                except (*_DAMAGE, NotImplementedError, RuntimeError) as error:
                    yield Entry(path, reason=f"damaged member, not read: {_why(error)}")
        return None, count

    def _zip_salvage(self, source, prefix: str, depth: int, why: str):
        """A zip whose table of contents (at its end) cannot be read, most often a truncated
        file: its members are read from their own headers, front to back, up to the damage."""
        count = 0
        try:
            source.seek(0)
        except (OSError, AttributeError, ValueError):
            return f"not a readable zip archive ({why})", 0
        for number in range(1, 2**31):
            start = source.tell()
            head = source.read(30)
            if head[:4] != b"PK\x03\x04":
                if number == 1:
                    return f"not a zip archive ({why}; it starts with {head[:8]!r})", 0
                if head[:4] in (b"PK\x01\x02", b"PK\x05\x06", b"PK\x06\x06"):
                    return (
                        f"the zip's table of contents (at its end) is damaged ({why}): its "
                        f"{count:,} members were read from their own headers",
                        count,
                    )
                where = "ends" if not head else "is damaged"
                return (
                    f"truncated or damaged zip ({why}): the file {where} after {count:,} "
                    f"member{'s' if count != 1 else ''} (at byte {start:,}); the members "
                    "before were read, anything after is lost",
                    count,
                )
            try:
                local = _LocalHeader.read(source, head)
            except EOFError as error:
                return (
                    f"truncated zip ({why}): the file ends inside a member's header after "
                    f"{count:,} members: {error}",
                    count,
                )
            name, refused = self._screen(prefix, local.name, number)
            if refused is not None:
                count += 1
                yield refused
            path = self.member_path(prefix, name, number) if name is not None else None
            if path is not None:
                count += 1
            try:
                if local.encrypted or local.method not in (0, 8):
                    if local.descriptor:
                        raise _Damaged(
                            "a member whose end cannot be found without the table of contents"
                        )
                    source.seek(start + local.data_offset + local.compress_size)
                    if path is not None:
                        what = (
                            "encrypted: not read (newslib reads no passwords)"
                            if local.encrypted
                            else f"compression method {local.method} cannot be read from a "
                            "damaged zip"
                        )
                        yield Entry(path, reason=what)
                    continue
                inflater = _Inflater(source, local)
                try:
                    if path is None:  # a folder or hidden member: skipped over
                        if local.descriptor:  # its end is where its data ends
                            _skip(inflater, lambda i=inflater: i.consumed)
                    else:
                        yield from self._checked(inflater, local, path, name, depth)
                except Refused as refused:
                    if path is not None:
                        yield Entry(path, reason=str(refused))
                    if local.descriptor:
                        return (
                            f"damaged zip ({why}): reading stopped at member {number:,} ("
                            f"{refused}), as its end cannot be found without decompressing "
                            "it whole; anything after is lost",
                            count,
                        )
                inflater.finish()
            except _Stopped as stop:
                if path is not None:
                    yield Entry(path, reason=str(stop))
                raise
            except (_Damaged, *_DAMAGE) as error:
                if path is not None:
                    yield Entry(path, reason=f"cut short: the zip is damaged here ({_why(error)})")
                return (
                    f"truncated or damaged zip ({why}): reading stopped in member {number:,} "
                    f"({_why(error)}); the {count - 1 if path else count:,} members before were "
                    "read, anything after is lost",
                    count,
                )
        return None, count

    def _checked(self, inflater: _Inflater, local: _LocalHeader, path, name, depth):
        """The entries of a salvaged member, held back until its CRC is checked."""
        held = list(self._member(inflater, path, name, depth, lambda: inflater.consumed))
        inflater.finish()
        if inflater.crc != local.crc_after(inflater):
            yield Entry(path, reason="damaged member (its CRC-32 does not match): not read")
            return
        yield from held

    # ------------------------------------------------------------------ tar

    def _tar(self, source, prefix: str, depth: int):
        stream, counted, compression = _decompressing(source)
        if compression is not None:
            stream = _Guarded(stream, counted)
        count = 0
        number = 0
        try:
            archive = tarfile.open(fileobj=stream, mode="r|")
        except tarfile.ReadError as error:
            if "empty file" in str(error):
                return None, 0
            return f"not a tar archive ({_why(error)})", 0
        except _DAMAGE as error:
            return f"not a tar archive ({_why(error)})", 0
        reading: MemberPath | None = None  # the member being read, when damage strikes
        try:
            for number, member in enumerate(archive, start=1):  # noqa: B007 (number used after)
                if member.isdir():
                    continue
                name, refused = self._screen(prefix, member.name, number)
                if refused is not None:
                    count += 1
                    yield refused
                if name is None:
                    continue
                count += 1
                path = self.member_path(prefix, name, number)
                if member.issym() or member.islnk():
                    kind = "symbolic" if member.issym() else "hard"
                    reason = f"a {kind} link (to {member.linkname!r}): links are not followed"
                    yield Entry(path, reason=reason)
                    continue
                if not member.isreg():
                    yield Entry(path, reason=f"{_tar_type(member)}, not a file: not read")
                    continue
                if self.max_bytes is not None and member.size > self.max_bytes:
                    reason = f"file is {member.size:,} bytes, over the limit of {self.max_bytes:,}"
                    yield Entry(path, reason=reason)
                    continue
                reader = archive.extractfile(member)
                reading = path
                try:
                    yield from self._member(reader, path, name, depth, lambda s=member.size: s)
                except Refused as refused:
                    yield Entry(path, reason=str(refused))
                reading = None
            # The end: what follows the last member must be zeros (and the compressed stream
            # whole); anything else is damage that tarfile took for the end of the archive.
            trailing = 0
            while chunk := archive.fileobj.read(_CHUNK):
                trailing += len(chunk.strip(b"\0"))
            if trailing:
                return (
                    f"damaged tar: {trailing:,} bytes after member {number:,} cannot be read as "
                    "members (a damaged header, or archives joined together); anything in them "
                    "is lost",
                    count,
                )
        except _Stopped as stop:
            if reading is not None:
                yield Entry(reading, reason=str(stop))
            raise
        except _DAMAGE as error:
            if reading is not None:
                reason = f"cut short: the archive is damaged here ({_why(error)})"
                yield Entry(reading, reason=reason)
            where = f"in member {number:,}" if reading is not None else f"after member {number:,}"
            if number == 0:
                where = "at its start"
            return (
                f"truncated or damaged archive: reading stopped {where} ({_why(error)}); the "
                "members before were read, anything after is lost",
                count,
            )
        finally:
            archive.close()
        return None, count


def _tar_type(member: tarfile.TarInfo) -> str:
    if member.ischr() or member.isblk():
        return "a device"
    if member.isfifo():
        return "a named pipe (FIFO)"
    return f"an entry of tar type {member.type!r}"


def _link_target(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    """`` (to 'target')`` for a zip symbolic link (its content is the target), else ''."""
    if info.file_size > 4096:
        return ""
    try:
        return f" (to {archive.read(info).decode('utf-8', 'replace')!r})"
    except Exception:
        return ""
