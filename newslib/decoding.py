"""Bytes to text for the loader: byte order marks, declared charsets, binary files, NUL bytes,
and the fallback detector for text that is not UTF-8 (every guess is reported)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .loadreport import _Report

_SNIFF_BYTES = 8192  # the head of a file read to tell its format and whether it is binary

# Control characters other than tab, newline, form feed and carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_CONTROL_CHARS = dict.fromkeys(_CONTROL_BYTES)  # a str.translate table deleting them
# More control characters (NUL included) than this share of the first 8 KB or of the whole
# file make it binary. Fewer NUL bytes are removed from the text and reported.
_BINARY_SHARE = 0.05
# Byte order marks; the UTF-32 LE mark starts with the UTF-16 LE one, so it comes first.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Labels browsers read as windows-1252 (WHATWG Encoding), whatever they say.
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:+-]+)", re.I)
# The non-UTF-8 lines handed to charset-normalizer: enough to judge, bounded time.
_DETECT_BYTES = 256 * 1024


def _bom(data: bytes) -> tuple[str | None, int]:
    """The encoding a byte order mark declares and the mark's length, or ``(None, 0)``."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return codec, len(mark)
    return None, 0


def _utf16_without_mark(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when a file without byte order mark looks like UTF-16 text
    of a Latin script: in its first 8 KB nearly every other byte is zero (the high byte of
    each character) and the bytes between are not. Else None."""
    head = data[:_SNIFF_BYTES]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd >= 0.7 and zero_even <= 0.05:
        return "utf-16-le"
    if zero_even >= 0.7 and zero_odd <= 0.05:
        return "utf-16-be"
    return None


def _unicode_form(data: bytes) -> tuple[str | None, int, bool]:
    """``(codec, length of its mark, guessed)``: the encoding a byte order mark declares, or
    UTF-16 recognised without a mark (``guessed``), or ``(None, 0, False)``."""
    codec, skip = _bom(data)
    if codec is not None:
        return codec, skip, False
    codec = _utf16_without_mark(data)
    return codec, 0, codec is not None


def _head_text(head: bytes) -> str:
    """The first bytes of a file as text, enough to recognise its format (lossy)."""
    codec, skip, _ = _unicode_form(head)
    return head[skip:].decode(codec or "utf-8", "replace")


def _control_share(data: bytes | str) -> float:
    if not data:
        return 0.0
    kept = (
        data.translate(None, _CONTROL_BYTES)
        if isinstance(data, bytes)
        else data.translate(_CONTROL_CHARS)
    )
    return (len(data) - len(kept)) / len(data)


def _looks_binary(data: bytes | str) -> bool:
    """True when control characters (NUL included) are over 5% of the first 8 KB or of all."""
    return (
        _control_share(data[:_SNIFF_BYTES]) > _BINARY_SHARE or _control_share(data) > _BINARY_SHARE
    )


def _head_looks_binary(head: bytes) -> bool:
    codec, skip, _ = _unicode_form(head)
    if codec not in (None, "utf-8"):
        return _looks_binary(head[skip:].decode(codec, "replace"))
    return _looks_binary(head)


def _is_html_page(head: bytes) -> bool:
    """True when a file starts (after a BOM and white space) like an HTML page."""
    start = _head_text(head[:1024]).lstrip(" \t\r\n\f\ufeff")[:14].lower()
    return start.startswith(("<!doctype html", "<html"))


def _declared_charset(head: bytes) -> str | None:
    """The Python codec of an HTML page's ``<meta charset>`` (or ``http-equiv`` content type),
    None when it declares none, an unknown one, or has a byte order mark (which wins)."""
    if _unicode_form(head)[0] is not None:
        return None
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _WINDOWS_1252 or label in ("windows-1252", "cp1252"):
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page cannot declare UTF-16 or UTF-32 in its own (ASCII) bytes: browsers take UTF-8.
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _strip_nul(data: bytes | str, path: Path, report: _Report) -> bytes | str:
    """Remove NUL characters (too few to make the file binary) and report them."""
    nul, newline = (b"\x00", b"\n") if isinstance(data, bytes) else ("\x00", "\n")
    count = data.count(nul)
    if not count:
        return data
    line = data.count(newline, 0, data.index(nul)) + 1
    report.repair(
        path,
        line,
        f"{count} NUL character{'s' if count > 1 else ''} removed (the first at line {line}); "
        "too few for a binary file",
    )
    return data.replace(nul, nul[:0])


def _decode(
    data: bytes,
    path: Path,
    report: _Report,
    *,
    what: str = "text",
    declared: str | None = None,
) -> str | None:
    """Decode a file's bytes; None when the file is skipped (and reported).

    A byte order mark decides (UTF-8, UTF-16, UTF-32), or, without one, a text where every
    other byte is zero is UTF-16 (reported). Otherwise a binary file (see
    :func:`_looks_binary`) is skipped and stray NUL bytes are removed; then the text is UTF-8,
    else in the charset an HTML page declares (``declared``), else read line by line: UTF-8
    lines as UTF-8, the others in the encoding :func:`_fallback_codec` finds. Whatever was
    assumed is reported.
    """
    codec, skip, guessed = _unicode_form(data)
    if codec is not None and codec != "utf-8":
        body = data[skip:]
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as error:
            line = body[: error.start].decode(codec, "replace").count("\n") + 1
            why = "it looks like it" if guessed else "the file starts with its byte order mark"
            report.skip(path, line, f"not valid {codec.upper()} although {why} ({error.reason})")
            return None
        if _looks_binary(text):
            report.skip(path, None, f"binary file, not {what}")
            return None
        if guessed:
            report.repair(
                path,
                None,
                f"no byte order mark, but every other byte is zero: read as {codec.upper()}",
            )
        return _strip_nul(text, path, report)
    if codec == "utf-8":
        data, declared = data[skip:], None
    if _looks_binary(data):
        report.skip(path, None, f"binary file, not {what}")
        return None
    data = _strip_nul(data, path, report)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if declared is not None and declared != "utf-8":
        if text is not None and not data.isascii():
            report.repair(
                path,
                None,
                f"the page declares charset {declared} but its bytes are UTF-8: read as UTF-8",
            )
            return text
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: decoded below as if there were none
    if text is not None:
        return text
    return _decode_lines(data, path, report)


def _decode_lines(data: bytes, path: Path, report: _Report) -> str | None:
    lines = data.split(b"\n")
    bad = set()
    for number, raw in enumerate(lines):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            bad.add(number)
    first = min(bad)
    codec, guessed = _fallback_codec([lines[number] for number in sorted(bad)])
    if codec is None:
        number = next(n for n in sorted(bad) if not _decodes([lines[n]], "cp1252"))
        report.skip(
            path,
            number + 1,
            "undecodable bytes: neither UTF-8 nor cp1252, and charset-normalizer found no "
            "encoding that reads them; re-save the file as UTF-8",
        )
        return None
    decoded = [raw.decode(codec if n in bad else "utf-8") for n, raw in enumerate(lines)]
    label = f"{codec} (guessed by charset-normalizer)" if guessed else "cp1252 (Windows-1252)"
    report.repair(
        path,
        first + 1,
        f"not valid UTF-8: {len(bad)} line(s) decoded as {label}, first at line {first + 1}",
    )
    return "\n".join(decoded)


def _decodes(lines: list[bytes], codec: str) -> bool:
    try:
        for raw in lines:
            raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _fallback_codec(lines: list[bytes]) -> tuple[str | None, bool]:
    """The encoding of lines that are not UTF-8, and whether it is charset-normalizer's guess.

    cp1252 (Windows-1252, the usual suspect) when it decodes every line and charset-normalizer
    finds that reading plausible; else charset-normalizer's best guess when it decodes every
    line (and, if cp1252 could decode them too, it saw some language in them); else cp1252 if
    it decodes them at all; else ``(None, False)``.
    """
    sample, size = [], 0
    for raw in lines:
        if size > _DETECT_BYTES:
            break
        sample.append(raw)
        size += len(raw) + 1
    payload = b"\n".join(sample)
    cp1252 = _decodes(lines, "cp1252")
    try:
        from charset_normalizer import from_bytes

        if cp1252 and from_bytes(payload, cp_isolation=["cp1252"]).best() is not None:
            return "cp1252", False
        best = from_bytes(payload).best()
    except Exception:  # a detector failure must not cost the file
        best = None
    if (
        best is not None
        and not best.encoding.startswith(("utf_16", "utf_32"))  # not readable line by line
        and (not cp1252 or best.coherence > 0)
        and _decodes(lines, best.encoding)
    ):
        return best.encoding, True
    return ("cp1252", False) if cp1252 else (None, False)
