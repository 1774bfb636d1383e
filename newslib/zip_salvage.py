"""Salvaging the members of a zip whose table of contents cannot be read, for
:mod:`newslib.archives`: each member's own header is read where it stands, its data
decompressed in pieces and its CRC checked at the end.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass

from .archive_streams import _CHUNK


@dataclass
class _LocalHeader:
    """A zip member's own header (the one before its data), read when the table of
    contents cannot be."""

    name: str
    flags: int
    method: int
    crc: int
    compress_size: int
    file_size: int
    data_offset: int  # from the header's start
    zip64: bool

    @property
    def encrypted(self) -> bool:
        return bool(self.flags & 0x1)

    @property
    def descriptor(self) -> bool:  # sizes and CRC follow the data
        return bool(self.flags & 0x8)

    @classmethod
    def read(cls, source, head: bytes) -> _LocalHeader:
        if len(head) < 30:
            raise EOFError("the header is cut short")
        flags, method, crc, packed, size, name_length, extra_length = struct.unpack(
            "<6xHH4xIIIHH", head
        )
        raw_name = source.read(name_length)
        extra = source.read(extra_length)
        if len(raw_name) < name_length or len(extra) < extra_length:
            raise EOFError("the header is cut short")
        name = raw_name.decode("utf-8" if flags & 0x800 else "cp437", "replace")
        zip64 = False
        position = 0
        while position + 4 <= len(extra):  # the zip64 sizes, when the 32-bit ones are full
            tag, length = struct.unpack_from("<HH", extra, position)
            if tag == 0x0001:
                zip64 = True
                values = list(struct.unpack_from(f"<{length // 8}Q", extra, position + 4))
                if size == 0xFFFFFFFF and values:
                    size = values.pop(0)
                if packed == 0xFFFFFFFF and values:
                    packed = values.pop(0)
            position += 4 + length
        return cls(name, flags, method, crc, packed, size, 30 + name_length + extra_length, zip64)

    def crc_after(self, inflater: _Inflater) -> int:
        """The CRC the member must have: the header's, or the data descriptor's after the
        data (read by ``inflater.finish``)."""
        return inflater.descriptor_crc if self.descriptor else self.crc


class _Inflater:
    """A salvaged zip member's data, decompressed in pieces (stored or deflated); the end of a
    deflated member of unknown size is where its deflate stream ends."""

    def __init__(self, source, local: _LocalHeader):
        self.source = source
        self.local = local
        self.left = None if local.descriptor else local.compress_size
        self.consumed = 0
        self.crc = 0
        self.descriptor_crc = None
        self._inflate = zlib.decompressobj(-15) if local.method == 8 else None
        self._done = False
        self._finished = False

    def read(self, size: int = -1) -> bytes:
        size = _CHUNK if size is None or size < 0 else size
        while not self._done:
            inflate = self._inflate
            if inflate is None:  # stored: the size is known (a descriptor was refused)
                if not self.left:
                    self._done = True
                    break
                data = self.source.read(min(size, self.left))
                if not data:
                    raise EOFError("the file ends inside this member")
                self.left -= len(data)
                self.consumed += len(data)
                self.crc = zlib.crc32(data, self.crc)
                return data
            if inflate.unconsumed_tail:
                out = inflate.decompress(inflate.unconsumed_tail, size)
            else:
                want = _CHUNK if self.left is None else min(64 * 1024, self.left)
                if want == 0:
                    raise zlib.error("the member's deflate data ends early")
                raw = self.source.read(want)
                if not raw:
                    raise EOFError("the file ends inside this member")
                if self.left is not None:
                    self.left -= len(raw)
                self.consumed += len(raw)
                out = inflate.decompress(raw, size)
            if inflate.eof:
                self._done = True
                unused = len(inflate.unused_data)
                if unused:  # read past the member: step back to its end
                    self.source.seek(-unused, io.SEEK_CUR)
                    self.consumed -= unused
                    if self.left is not None:
                        self.left += unused
            if out:
                self.crc = zlib.crc32(out, self.crc)
                return out
        return b""

    def finish(self) -> None:
        """Move past the member's data (and its data descriptor)."""
        if self._finished:
            return
        self._finished = True
        if self.left:
            self.source.seek(self.left, io.SEEK_CUR)
            self.left = 0
        if self.local.descriptor:
            first = self.source.read(4)
            if first == b"PK\x07\x08":
                first = self.source.read(4)
            rest = self.source.read(16 if self.local.zip64 else 8)
            if len(first) < 4 or len(rest) < (16 if self.local.zip64 else 8):
                raise EOFError("the file ends inside a member's data descriptor")
            self.descriptor_crc = struct.unpack("<I", first)[0]
