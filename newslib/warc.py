"""WARC files (web crawls: ``.warc``, ``.warc.gz``), read record by record with warcio.

A WARC file is a :class:`newslib.archives.Container`: each HTML page the crawler saved is one
file of the load, shown and reported as ``crawl.warc.gz/<the page's URL>``, and read by the
loader's HTML reader (trafilatura). A page is a ``response`` record with HTTP status 200 and
an HTML content type (``text/html``, ``application/xhtml+xml``), or a ``resource`` record of
HTML. Its article gets:

* ``url``: the record's ``WARC-Target-URI``;
* ``date``: the page's own date when trafilatura finds one in it, else the record's
  ``WARC-Date`` (when the page was fetched, UTC); empty when the record has neither;
* ``source``: the page's site name, else (as ``source_from`` says, by default) the
  URL's domain without ``www.``, filled in by :mod:`newslib.outlets` as for any article.

Every other record (requests, metadata, warcinfo, revisits, images and other non-HTML
responses, redirects and errors such as 404) is counted, not listed: one ``note`` row on the
WARC file says how many of each kind were left out. A WARC file with no HTML page at all is
skipped, with those counts as the reason. A page whose text cannot be extracted is a file
skipped with its reason; a damaged or truncated WARC keeps the pages before the damage.
"""

from __future__ import annotations

import functools
from collections import Counter

from .archives import (
    _DAMAGE,
    Container,
    Entry,
    Refused,
    _Damaged,
    _decompressing,
    _Guarded,
    _Stopped,
    _why,
)

__all__ = ["HTML_TYPES", "warc_entries"]

HTML_TYPES = ("text/html", "application/xhtml+xml")


def warc_entries(container: Container, source, prefix: str):
    """Yield an :class:`newslib.archives.Entry` per HTML page of the WARC data ``source``
    (a binary stream, compressed or not) shown under ``prefix``; count the other records in
    a note of ``container``. Return ``(damage, pages)``: why reading stopped early (else
    None), and how many pages were found.

    Example:
        >>> import io, tempfile
        >>> from pathlib import Path
        >>> from warcio.warcwriter import WARCWriter
        >>> from warcio.statusandheaders import StatusAndHeaders
        >>> path = Path(tempfile.mkdtemp()) / "crawl.warc.gz"
        >>> page = io.BytesIO(b"<html><body><p>Hello.</p></body></html>")
        >>> http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        >>> with open(path, "wb") as out:
        ...     writer = WARCWriter(out, gzip=True)
        ...     record = writer.create_warc_record(
        ...         "https://example.org/a", "response", payload=page, http_headers=http)
        ...     writer.write_record(record)
        >>> container = Container(path)
        >>> [entry.path.rpartition(".gz/")[2] for entry in container], container.damage
        (['https://example.org/a'], None)
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    stream, counted, compression = _decompressing(source)
    if compression is not None:
        stream = _Guarded(stream, counted)
    others: Counter[str] = Counter()
    pages = number = 0
    reading = None  # the page being read, when damage strikes
    damage = None
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):  # noqa: B007
            kind, charset = _page_kind(record)
            if kind is not None:
                others[kind] += 1
                continue
            headers = record.rec_headers
            url = (headers.get_header("WARC-Target-URI") or "").strip("<> ")
            name = url or (headers.get_header("WARC-Record-ID") or f"record {number}")
            pages += 1
            path = container.member_path(prefix, name, number, word="record")
            reading = path
            try:
                data = container.read(record.content_stream(), lambda n=record.length or 0: n)
            except Refused as refused:
                reading = None
                yield Entry(path, reason=str(refused))
                continue
            except (_Stopped, ArchiveLoadFailed):
                raise
            except _Damaged:  # the WARC itself: reading stops
                raise
            except _DAMAGE as error:  # e.g. a Content-Encoding that does not decode
                reading = None
                yield Entry(path, reason=f"cannot read the page's content: {_why(error)}")
                continue
            reading = None
            complete = functools.partial(_complete, url, headers.get_header("WARC-Date"))
            yield Entry(path, data, format="html", charset=charset, complete=complete)
    except _Stopped as stop:
        if reading is not None:
            yield Entry(reading, reason=str(stop))
        damage = str(stop)
    except (ArchiveLoadFailed, StatusAndHeadersParserException, *_DAMAGE) as error:
        if reading is not None:
            yield Entry(reading, reason=f"cut short: the WARC is damaged here ({_why(error)})")
        if number <= 1 and not pages and not others:
            damage = f"not a WARC file ({_why(error)})"
        else:
            damage = (
                f"truncated or damaged WARC: reading stopped after record {number:,} "
                f"({_why(error)}); the records before were read, anything after is lost"
            )
    left_out = sum(others.values())
    if left_out:
        kinds = ", ".join(f"{n:,} {kind}" for kind, n in others.most_common(6))
        if len(others) > 6:
            kinds += f" and {len(others) - 6} other kinds"
        if pages == 0 and damage is None:
            damage = f"no HTML page (HTTP 200, text/html) among its {left_out:,} records ({kinds})"
        else:
            container.notes.append(
                (
                    prefix,
                    f"{left_out:,} WARC record{'s' if left_out > 1 else ''} that are no HTML "
                    f"page not read as articles: {kinds}",
                )
            )
    return damage, pages


def _page_kind(record) -> tuple[str | None, str | None]:
    """``(None, charset)`` for an HTML page (``charset`` from its Content-Type, if any), else
    ``(kind, None)``: what the record is, in words, to count it."""
    kind = record.rec_type
    if kind == "response":
        http = record.http_headers
        if http is None:
            return "responses without HTTP headers", None
        status = http.get_statuscode()
        if status != "200":
            return f"HTTP {status} responses", None
        content_type = http.get_header("Content-Type")
    elif kind == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return f"{kind} records", None
    mime, _, parameters = (content_type or "").partition(";")
    mime = mime.strip().lower()
    if mime not in HTML_TYPES:
        return f"{mime or 'untyped'} {kind}s", None
    return None, _charset(parameters)


def _charset(parameters: str) -> str | None:
    """The Python codec of a Content-Type's ``charset=``, read as a page's ``<meta charset>``
    is (Latin-1 as Windows-1252, ...); None when there is none or it is unknown."""
    from .decoding import _declared_charset

    for parameter in parameters.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            label = value.strip().strip("\"'").encode("ascii", "ignore")
            return _declared_charset(b'<meta charset="' + label + b'">')
    return None


def _complete(url: str, fetched: str | None, articles: list, report) -> list:
    """Fill in what the record knows: its URL, and the date of the fetch when the page has
    no date of its own. (The source, when the page names no site, is filled in later from
    the URL's domain, as for every article: see :mod:`newslib.outlets`.)"""
    from .dates import _date_for

    for article in articles:
        article.url = url or article.url
        if article.date is None and fetched:
            article.date = _date_for(fetched, article.path, None, report)
    return articles
