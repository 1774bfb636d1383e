"""Web pages to article fields: trafilatura's extraction, the full time of publication, and
the page clutter trafilatura leaves in the text.

``newslib.formats`` reads ``.html`` files (and HTML pages in ``.txt`` files) through
:func:`read_page`. Three things are decided here:

* **Extraction** runs trafilatura with ``favor_precision=True`` (it drops a page's
  ``<header>`` blocks, link-dense paragraphs such as share bars, and comments), and again
  with trafilatura's balanced default when that finds no text at all (a story laid out in a
  table or a header), so a page is never lost to the stricter setting. ``deduplicate`` is
  not used: trafilatura keeps its counts of repeated paragraphs in one cache for every page
  of the process, so a page's text would depend on the pages read before it.
* **The time of publication** comes from htmldate (through trafilatura) with a time and UTC
  offset: ``<meta property="article:published_time">``, ``<meta name="pubdate">`` and other
  meta names, ``itemprop="datePublished"``, JSON-LD ``datePublished`` and ``<time
  datetime>`` keep their hour and offset (``2024-03-12T18:45-05:00``); a date in the URL
  only counts when the page has no fuller one; the original date is preferred over an
  update. A date that only gives the day is midnight. The loader then converts it as its
  ``tz`` option says (naive UTC by default). No date depends on the day the page is read:
  the latest date accepted is fixed, not "today".
* **Clutter**: lines the patterns in ``newslib/data/html_clutter.txt`` match — share bars,
  "Posted ... by ..." and "Updated ..." lines, dates, wire datelines and bylines standing
  alone on a line, copyright notices, "Advertisement" — are removed (:func:`strip_clutter`).
  Only text from HTML pages goes through them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

__all__ = ["read_page", "strip_clutter", "clutter_patterns", "DATE_PARAMS", "PageFields"]

# What htmldate is asked for (trafilatura's date_extraction_params): the original date with
# its time and offset; a date in the URL only as a fallback (it has no time). The latest
# date accepted is fixed (htmldate's default is the end of today, which would make a page's
# date depend on the day it is read); 2261 is the last year a datetime64[ns] holds.
DATE_PARAMS = {
    "original_date": True,
    "extensive_search": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "max_date": "2261-12-31",
    "deferred_url_extractor": True,
}

_DEFINITION = re.compile(r"^(?P<name>[a-z]\w*)\s+=\s+(?P<pattern>.+)$")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass
class PageFields:
    """What one page gives: the fields of an article, ``text`` as lines (one per paragraph)
    before newslib normalises it. ``date`` is htmldate's string (e.g.
    ``2024-03-12T18:45:00-0500``), parsed by the loader."""

    title: str | None
    date: str | None
    text: str
    source: str | None
    url: str | None
    author: str | None


@functools.cache
def clutter_patterns() -> tuple[re.Pattern, ...]:
    """The compiled patterns of ``newslib/data/html_clutter.txt`` (see that file).

    Example:
        >>> any(p.fullmatch("Share this: Facebook Twitter Email") for p in clutter_patterns())
        True
    """
    raw = resources.files("newslib").joinpath("data/html_clutter.txt").read_text("utf-8")
    definitions: dict[str, str] = {}
    patterns = []

    def expand(pattern: str) -> str:
        return _PLACEHOLDER.sub(
            lambda m: f"(?:{definitions[m[1]]})" if m[1] in definitions else m[0], pattern
        )

    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        found = _DEFINITION.match(line)
        if found:
            definitions[found["name"]] = expand(found["pattern"])
        else:
            patterns.append(re.compile(expand(line), re.IGNORECASE))
    return tuple(patterns)


def strip_clutter(text: str) -> str:
    """``text`` (lines of text taken from a web page) without the lines that are page
    clutter: share bars, "Posted ... by" lines, dates (not a time alone), datelines and bylines
    alone on a line,
    copyright notices (the patterns of ``newslib/data/html_clutter.txt``). Other lines are
    kept as they are.

    Example:
        >>> page = "Share this: Facebook Twitter Email\\nPosted 03/28/2024 5:14 PM by Jane Doe"
        >>> strip_clutter(page + "\\nThe council met on March 28, 2024.\\nFacebook Twitter")
        'The council met on March 28, 2024.'
    """
    patterns = clutter_patterns()
    kept = [
        line
        for line in text.split("\n")
        if not (stripped := line.strip()) or not any(p.fullmatch(stripped) for p in patterns)
    ]
    return "\n".join(kept)


def _extract(html: str, favor_precision: bool):
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=favor_precision,
        date_extraction_params=dict(DATE_PARAMS),
    )


def read_page(html: str) -> PageFields | None:
    """The article of one web page, or ``None`` when the page holds no text.

    Raises ``ImportError`` naming the optional extra when trafilatura is not installed.

    Example:
        >>> page = (
        ...     '<html><head><meta property="article:published_time" '
        ...     'content="2024-03-12T18:45-05:00"><title>Vote</title></head><body><article>'
        ...     "<h1>Vote</h1><p>Share this: Facebook Twitter Email</p>"
        ...     "<p>The council voted on Tuesday to approve the budget for next year.</p>"
        ...     "</article></body></html>"
        ... )
        >>> fields = read_page(page)
        >>> fields.date
        '2024-03-12T18:45:00-0500'
        >>> fields.text
        'The council voted on Tuesday to approve the budget for next year.'
    """
    try:
        import trafilatura  # noqa: F401
    except ImportError as error:
        raise ImportError(
            "Reading HTML pages needs the optional extra 'html': pip install 'newslib[html]'"
        ) from error
    document = _extract(html, favor_precision=True)
    if document is None or not (document.text or "").strip():
        document = _extract(html, favor_precision=False)
    if document is None or not (document.text or "").strip():
        return None
    from .text import normalize_line

    title = normalize_line(document.title) if document.title else None
    lines = document.text.splitlines()
    # trafilatura repeats the headline as the first line of the text.
    if title and lines and normalize_line(lines[0]) == title:
        lines = lines[1:]
    return PageFields(
        title=document.title,
        date=document.date,
        text=strip_clutter("\n".join(lines)),
        source=document.sitename or document.hostname,
        url=document.url,
        author=document.author,
    )
