"""Where an article comes from: the ``source`` column, and the ``source_from`` load option.

A file may name its own source: a table's ``source`` column (or an alias such as
``media_name``, see :mod:`newslib.columns`), front matter's ``source``, an HTML page's site
name. When it does not, newslib can take it from where the file is:

* the **folder**: the first folder below the folder the user named. ``load("corpus")`` reads
  ``corpus/nyt/2024/a.txt`` with source ``nyt``; a file at the top level of ``corpus``, or a
  file named directly, has none from its folder. For a glob the named folder is the part
  before the first wildcard (``corpus`` for ``corpus/**/*.txt``); when several named folders
  hold a file, the outermost counts;
* the **domain** of the article's URL, without ``www.`` (``https://www.nytimes.com/...`` ->
  ``nytimes.com``).

``source_from`` chooses:

=========  ================================================================================
``auto``   the file's own source, else the folder (unless its name is a number or a date,
           such as ``2024`` or ``2024-03``: that is how archives are sorted, not outlets),
           else the domain (the default)
``folder`` the folder's name (none for a file at the top level or named directly)
``domain`` the URL's domain (none without a URL)
``none``   the file's own source only
=========  ================================================================================

The file cache (:class:`newslib.file_cache.FileCache`) keeps each file's own source; the folder
and domain are filled in after it, since they depend on what the user named.
"""

from __future__ import annotations

import glob as globlib
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "SOURCE_FROM",
    "check_source_from",
    "url_domain",
    "is_url_domain",
    "source_roots",
    "SourceFiller",
]

SOURCE_FROM = ("auto", "folder", "domain", "none")

# A folder named like this sorts by time (2024, 2024-03, 2024_03_12), it names no outlet.
_DATE_LIKE = re.compile(r"^[\d_.\-]+$")


def check_source_from(value: str) -> str:
    """``value`` if it is a ``source_from`` choice, else a ``ValueError`` listing them.

    Example:
        >>> check_source_from("folder")
        'folder'
    """
    if value not in SOURCE_FROM:
        raise ValueError(f"source_from must be one of {', '.join(SOURCE_FROM)}, not {value!r}")
    return value


def url_domain(url: Any) -> str | None:
    """The host of a URL in lower case, without ``www.``; ``None`` when it has none. A URL
    without a scheme (``nytimes.com/a``) is read as a web address.

    Example:
        >>> url_domain("https://www.NYTimes.com/2024/03/12/a.html"), url_domain("bbc.co.uk/news")
        ('nytimes.com', 'bbc.co.uk')
        >>> url_domain("mailto:desk@example.com") is None, url_domain(None) is None
        (True, True)
    """
    if not isinstance(url, str) or not url.strip():
        return None
    text = url.strip()
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", text)
    if scheme and scheme[1].lower() not in ("http", "https") and "://" not in text:
        return None  # mailto:, tel:, urn:...
    if "://" not in text and not text.startswith("//"):
        text = "//" + text
    try:
        parts = urlsplit(text)
        if parts.scheme and parts.scheme.lower() not in ("http", "https", "ftp"):
            return None
        host = parts.hostname
    except ValueError:  # e.g. a malformed IPv6 address
        return None
    if not host:
        return None
    host = host.rstrip(".")
    return host[4:] if host.startswith("www.") and len(host) > 4 else host or None


def is_url_domain(name: Any, url: Any) -> bool:
    """Whether ``name`` is only the domain of ``url`` (as trafilatura gives a page without a
    site name), not a site name of the page's own.

    Example:
        >>> is_url_domain("example.com", "https://www.example.com/a"), is_url_domain(
        ...     "Example News", "https://www.example.com/a")
        (True, False)
    """
    if not isinstance(name, str) or not isinstance(url, str):
        return False
    try:
        parts = urlsplit(url.strip() if "://" in url else "//" + url.strip())
        host, netloc = (parts.hostname or ""), parts.netloc.lower()
    except ValueError:
        return False
    forms = {host, netloc}
    forms |= {re.sub(r"^(?:www|w\d+)\.", "", form) for form in forms}
    return name.strip().lower() in forms - {""}


def source_roots(source: str | os.PathLike | Sequence[str | os.PathLike]) -> tuple[str, ...]:
    """The folders the user named in ``source`` (as :func:`newslib.load` takes it): each
    folder, and the part of each glob before its first wildcard; files named directly have
    none. Outermost first.

    Example:
        >>> source_roots(["seeds", "corpus/**/*.txt", "seeds/000_0ed1607056b3d6d0.txt"])
        ('corpus', 'seeds')
    """
    items = [source] if isinstance(source, str | os.PathLike) else list(source)
    roots = []
    for item in items:
        path = Path(item).expanduser()
        if globlib.has_magic(str(item)) and not os.path.exists(path):
            parts = path.parts
            first = next(i for i, part in enumerate(parts) if globlib.has_magic(part))
            roots.append(str(Path(*parts[:first])) if first else ".")
        elif os.path.isdir(path) or (os.path.isfile(path) and _is_archive(path)):
            roots.append(str(path))  # an archive named is a folder of its members
    return tuple(sorted(set(roots), key=lambda r: (r.count(os.sep), r)))


def _is_archive(path: str | os.PathLike) -> bool:
    """A zip or tar file, whose members are shown as paths below it (a WARC's are URLs)."""
    from .archives import container_kind

    return container_kind(Path(path)) in ("zip", "tar")


def _archive_stem(name: str) -> str:
    """``nyt`` for ``nyt.zip``, ``nyt.tar.gz``, ``nyt.tgz``."""
    lower = name.lower()
    for suffix in (".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst", ".zip", ".tar", ".tgz"):
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name.rsplit(".", 1)[0]


class SourceFiller:
    """Fills in the ``source`` column of article tables as ``source_from`` says, for files
    found under ``roots`` (see :func:`source_roots`).

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"path": ["seeds/a.txt"], "source": [None],
        ...                       "url": ["https://www.example.com/a"]}).astype("string")
        >>> SourceFiller(("seeds",), "auto").fill(frame)["source"].tolist()
        ['example.com']
        >>> SourceFiller(("seeds",), "none").fill(frame)["source"].tolist()
        [<NA>]
    """

    def __init__(self, roots: Sequence[str], source_from: str = "auto"):
        self.roots = tuple(roots)
        self.source_from = check_source_from(source_from)
        self._folders: dict[tuple[str, str], bool] = {}

    def folder_of(self, path: Any) -> str | None:
        """The first folder below the outermost named folder holding ``path`` (a file's
        path as the load shows it), or ``None``.

        Example:
            >>> SourceFiller(("newslib",)).folder_of("newslib/data/abbreviations.txt")
            'data'
            >>> SourceFiller(("newslib",)).folder_of("newslib/io.py") is None
            True
        """
        if not isinstance(path, str):
            return None
        for root in self.roots:
            if root == ".":
                if os.path.isabs(path):
                    continue
                rest = path
            else:
                prefix = root if root.endswith(os.sep) else root + os.sep
                if not path.startswith(prefix):
                    continue
                rest = path[len(prefix) :]
            parts = rest.split(os.sep)
            if len(parts) < 2 or not parts[0]:
                return None  # at the top level of the named folder
            key = (root, parts[0])
            if key not in self._folders:
                self._folders[key] = self._kind(root, parts[0])
            kind = self._folders[key]
            if kind == "archive":  # "corpus/nyt.zip/a.txt": the archive is the folder
                return _archive_stem(parts[0])
            return parts[0] if kind == "folder" else None
        return None

    @staticmethod
    def _kind(root: str, name: str) -> str | None:
        """What ``name`` below ``root`` is: a "folder" (also a folder inside an archive that
        was named), an "archive" (zip or tar: a folder of its members), or None (a file)."""
        if os.path.isfile(root):  # the named archive: its members' first folder
            return "folder"
        inside = os.path.join(root, name) if root != "." else name
        if os.path.isdir(inside):
            return "folder"
        return "archive" if os.path.isfile(inside) and _is_archive(inside) else None

    def fill(self, frame):
        """``frame`` (with ``path``, ``source`` and ``url``) with its ``source`` filled in.

        Example:
            >>> import pandas as pd
            >>> frame = pd.DataFrame({"path": ["newslib/data/a.txt"], "source": [None],
            ...                       "url": [None]}).astype("string")
            >>> SourceFiller(("newslib",), "folder").fill(frame)["source"].tolist()
            ['data']
        """
        if self.source_from == "none" or not len(frame) or "source" not in frame.columns:
            return frame
        import pandas as pd

        def mapped(column: str, function) -> list:
            if column not in frame.columns:
                return [None] * len(frame)
            values = frame[column].tolist()
            memo = {value: function(value) for value in set(values) if isinstance(value, str)}
            return [memo.get(value) if isinstance(value, str) else None for value in values]

        if self.source_from == "folder":
            filled = mapped("path", self.folder_of)
        elif self.source_from == "domain":
            filled = mapped("url", url_domain)
        else:
            own = frame["source"].tolist()
            missing = [not isinstance(value, str) for value in own]
            if not any(missing):
                return frame
            folders = [
                None if folder is None or _DATE_LIKE.match(folder) else folder
                for folder in mapped("path", self.folder_of)
            ]
            domains = mapped("url", url_domain)
            filled = [
                (folder if folder is not None else domain) if gap else value
                for value, gap, folder, domain in zip(own, missing, folders, domains, strict=True)
            ]
        return frame.assign(source=pd.array(filled, dtype=frame["source"].dtype))
