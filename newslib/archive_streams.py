"""Compressed data read in pieces for :mod:`newslib.archives`: telling gzip, bzip2, xz and zstd
from their first bytes, counting the compressed bytes read, and stopping a read that grows past
``max_bytes`` or like a decompression bomb (the limits below). Errors that mean damaged data are
gathered in ``_DAMAGE``.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import re
import struct
import tarfile
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

# A member expanding past BOMB_FLOOR bytes and over BOMB_RATIO times its compressed size is
# taken for a decompression bomb (text compresses 3 to 10 times; zeros 1,000 times and more).
BOMB_RATIO = 100
BOMB_FLOOR = 16 * 2**20
_CHUNK = 2**20

_BZIP2 = re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)", re.DOTALL)


class Refused(Exception):
    """A member or compressed file that is not read; the message says why.

    Example:
        >>> str(Refused("encrypted: not read"))
        'encrypted: not read'
    """


class _Stopped(Exception):
    """Reading a whole archive stops (a bomb at the archive's level); the message says why."""


class _Damaged(Exception):
    """The archive is damaged where it was being read; the message says how."""


class _Source:
    """A binary stream read forward, counting the bytes read (``count``); ``head``, already
    read from it, is served first."""

    def __init__(self, stream, head: bytes = b""):
        self.stream = stream
        self.head = head
        self._left = head
        self.count = len(head)

    def read(self, size: int = -1) -> bytes:
        if self._left:
            if size is None or size < 0:
                data, self._left = self._left + self._read(-1), b""
                return data
            data, self._left = self._left[:size], self._left[size:]
            return data
        return self._read(size)

    def _read(self, size: int) -> bytes:
        data = self.stream.read(size)
        self.count += len(data)
        return data


class _Guarded:
    """A decompressed stream that raises ``_Stopped`` when it has grown past the bomb rule
    against the compressed bytes read (``source.count``)."""

    def __init__(self, stream, source: _Source):
        self.stream = stream
        self.source = source
        self.produced = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.produced += len(data)
        if self.produced > BOMB_FLOOR and self.produced > BOMB_RATIO * max(self.source.count, 1):
            raise _Stopped(
                f"reading stopped: the compressed archive expands more than {BOMB_RATIO}× "
                f"({self.produced:,} bytes from {self.source.count:,}): a decompression bomb? "
                "Nothing after this point is read"
            )
        return data


class _Zstd:
    """zstd data read in pieces (several frames one after the other), raising EOFError when
    the data ends inside a frame. Input goes in small slices: zstd can expand one byte into
    tens of kilobytes, and a read must stay small however the data was made."""

    def __init__(self, source):
        import zstandard

        self.source = source
        self._context = zstandard.ZstdDecompressor()
        self._object = self._context.decompressobj()
        self._pending = b""
        self._offset = 0
        self._input = b""
        self._slice = 256
        self._started = False
        self._error = zstandard.ZstdError

    def read(self, size: int = -1) -> bytes:
        size = _CHUNK if size is None or size < 0 else size
        while not self._pending:
            if not self._input:
                self._input = self.source.read(64 * 1024)
                if not self._input:
                    if self._started and not self._object.eof:
                        raise EOFError("zstd data ended before the end of its frame")
                    return b""
            piece, self._input = self._input[: self._slice], self._input[self._slice :]
            if self._object.eof:  # a new frame follows the last one
                self._object = self._context.decompressobj()
            self._started = True
            try:
                out = self._object.decompress(piece)
            except self._error as error:
                raise ValueError(f"zstd: {error}") from None
            if self._object.eof and self._object.unused_data:
                self._input = self._object.unused_data + self._input
            # Slices grow while the data expands little, and shrink again when it does.
            self._slice = min(self._slice * 2, 64 * 1024) if len(out) < 64 * len(piece) else 256
            self._pending, self._offset = out, 0
        data = self._pending[self._offset : self._offset + size]
        self._offset += len(data)
        if self._offset >= len(self._pending):
            self._pending = b""
        return data


def _decompressing(stream) -> tuple[Any, _Source, str | None]:
    """``(readable, source, compression)``: ``stream`` decompressed as its first bytes say
    (gzip, bzip2, xz, zstd), or as it is (``compression`` None); ``source`` counts the bytes
    read from ``stream``."""
    head = stream.read(10)
    source = _Source(stream, head)
    if head.startswith(b"\x1f\x8b"):
        return _Decompressed(gzip.GzipFile(fileobj=source, mode="rb")), source, "gzip"
    if _BZIP2.match(head):
        return _Decompressed(bz2.BZ2File(source)), source, "bzip2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return _Decompressed(lzma.LZMAFile(source)), source, "xz"
    if head.startswith(b"\x28\xb5\x2f\xfd"):
        return _Decompressed(_Zstd(source)), source, "zstd"
    return source, source, None


class _Decompressed:
    """A decompressing stream whose reads give what is there (``read1``: the data before a
    damaged or missing end is not lost with the read that meets it), and whose errors are
    ``_Damaged`` (a reader such as warcio takes an EOFError for the normal end)."""

    def __init__(self, stream):
        self.stream = stream
        self._read = getattr(stream, "read1", stream.read)

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            return b"".join(iter(lambda: self.read(_CHUNK), b""))
        try:
            return self._read(size)
        except (EOFError, OSError, zlib.error, lzma.LZMAError, ValueError) as error:
            raise _Damaged(_why(error)) from None


def _read_limited(stream, max_bytes: int | None, packed: Callable[[], int]) -> bytes:
    """Read ``stream`` to its end in pieces; raise :class:`Refused` as soon as it is over
    ``max_bytes``, or over ``BOMB_FLOOR`` and ``BOMB_RATIO`` times ``packed()``."""
    chunks = []
    total = 0
    while True:
        want = _CHUNK if max_bytes is None else max(1, min(_CHUNK, max_bytes + 1 - total))
        chunk = stream.read(want)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if max_bytes is not None and total > max_bytes:
            raise Refused(
                f"over the limit of {max_bytes:,} bytes once decompressed (reading stopped "
                f"after {total:,} bytes)"
            )
        compressed = max(packed(), 1)
        if total > BOMB_FLOOR and total > BOMB_RATIO * compressed:
            raise Refused(_bomb(total, compressed))
        chunks.append(chunk)


def _skip(stream, packed: Callable[[], int]) -> None:
    """Read ``stream`` to its end, dropping what it gives; :class:`Refused` as in
    :func:`_read_limited` when it grows like a bomb."""
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        compressed = max(packed(), 1)
        if total > BOMB_FLOOR and total > BOMB_RATIO * compressed:
            raise Refused(_bomb(total, compressed))


def _bomb(total: int, compressed: int) -> str:
    return (
        f"expands more than {BOMB_RATIO}× (reading stopped at {total:,} bytes from "
        f"{compressed:,} compressed bytes): a decompression bomb? not read"
    )


def _why(error: BaseException) -> str:
    """An error as a short reason: its message, else its type's name."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return message or type(error).__name__


# Errors that mean damaged data: truncated streams, bad headers, bad compressed data.
_DAMAGE: tuple[type[BaseException], ...] = (
    _Damaged,
    tarfile.TarError,
    zipfile.BadZipFile,
    EOFError,
    OSError,
    zlib.error,
    lzma.LZMAError,
    ValueError,
    struct.error,
)
