"""The article reader: one article's text with its voices, speakers, cues and sentiment.

``article_html(text, quotes, sentences)`` writes the text as a self-contained HTML fragment:
words inside quotation marks (``direct`` and ``partial`` rows) on a light orange background,
reported speech outside quotation marks (``indirect`` rows) on a light sky blue one, the
reporter's own words unmarked (the colours of ``newslib.plot.VOICE_COLOURS``, Okabe–Ito, as pale
tints so black text stays readable). Each attribution's source is bold and its cue italic and
underlined; scare quotes are not speech and only get a dotted underline. Hovering shows who
said a piece and through which cue, and each sentence's sentiment (``title`` attributes: the
hover works in JupyterLab and in the static report, without any script).

The text is untrusted: every character of it appears exactly once in the fragment, escaped
(a ``<script>`` in an article is shown as text), and nothing is added inside it, so copying the
text from the page gives the article's words. The markup is built from a sweep over every span
boundary (paragraphs, sentences, quotations, sources, cues), so spans that overlap in any way
(a quoted fragment inside reported speech, a quotation running over several sentences) still
give properly nested tags. Styles are inline; there are no scripts and no external resources.

``article(data, article_id)`` shows one article of a ``newslib.notebook.CorpusData`` in a
notebook; ``default_article(data, by=...)`` chooses the article a close-up shows.

Example:
    >>> from newslib import reader
    >>> page = reader.article_html('"We will win," Lee said.', legend=False)
    >>> page.count("<p"), "We will win" in page
    (1, True)
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import pandas as pd

from .labels import signed
from .text import paragraph_spans

__all__ = [
    "article_html",
    "article",
    "default_article",
    "VOICE_BACKGROUNDS",
]

#: Backgrounds of quoted and reported words: 40% tints of the voices' colours in the figures
#: (``newslib.plot.VOICE_COLOURS``: Okabe–Ito orange and sky blue), light enough for a contrast
#: of 12.6:1 with the text, and told apart by hue (yellow against blue) under every common
#: colour-vision deficiency. The reporter's own words have none.
VOICE_BACKGROUNDS: dict[str, str] = {"quoted": "#F5D999", "reported": "#BBE1F6"}
# The full colours, for the legend's swatch borders (newslib.plot.VOICE_COLOURS; not imported
# from there so that the reader does not load matplotlib).
_VOICE_EDGES = {"quoted": "#E69F00", "reported": "#56B4E9"}
# How the figures' legends name the voices (newslib.plot.VOICE_NAMES).
_VOICE_NAMES = {"quoted": "quoted", "reported": "reported", "own": "the reporter's own"}

_TEXT_COLOUR = "#1A1A1A"
_QUOTED_KINDS = ("direct", "partial")
# newslib.sentiment's thresholds (not imported: that module loads the sentence splitter).
_POSITIVE, _NEGATIVE = 0.05, -0.05

_STYLE = {
    "quoted": f"background-color:{VOICE_BACKGROUNDS['quoted']}",
    "reported": f"background-color:{VOICE_BACKGROUNDS['reported']}",
    "speaker": "font-weight:bold",
    "cue": "font-style:italic;border-bottom:1px solid #333",
    "scare": "border-bottom:1px dotted #666",
}
# Order of the marks in a style and a hover text: the voice first, then source and cue.
_ORDER = ("quoted", "reported", "speaker", "cue", "scare")

_BOX = (
    # 16px whatever the page's font size (JupyterLab's is 14px), about 75 characters a line
    "font-size:16px;max-width:38em;padding:0.8em 1.2em;background-color:#FFFFFF;"
    f"color:{_TEXT_COLOUR};border:1px solid #DDDDDD;border-radius:4px"
)
_SANS = "font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif"
_BODY = "font-family:Georgia,'Times New Roman',serif;line-height:1.65"
_PARAGRAPH = "margin:0 0 0.9em 0;white-space:pre-line"


# --------------------------------------------------------------------------------------------
# article_html
# --------------------------------------------------------------------------------------------


def article_html(
    text: str,
    quotes: pd.DataFrame | None = None,
    sentences: pd.DataFrame | None = None,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    legend: bool = True,
    max_paragraphs: int | None = None,
) -> str:
    """One article as an HTML fragment: its voices in colour, sources and cues marked, and
    each sentence's sentiment on hover.

    Args:
        text: the article's ``text`` (as ``newslib.load`` gives it); offsets of ``quotes`` and
            ``sentences`` are character offsets into it.
        quotes: the article's rows of the quotes table (``newslib.quotes``): ``start``, ``end``,
            ``kind`` and, when present, ``speaker``, ``speaker_mention``, ``speaker_start``,
            ``speaker_end``, ``cue``, ``cue_start``, ``cue_end``, ``person``.
        sentences: the article's rows of the sentences table (``newslib.sentiment``):
            ``start``, ``end`` and, when present, ``sentence`` and ``compound``.
        title, subtitle: a heading and a line under it (escaped), e.g. the title and the source.
        legend: a line above the text naming the colours and marks.
        max_paragraphs: show only the first paragraphs, with a line saying how many more there
            are (``None``: all).

    Returns:
        An HTML fragment with inline styles only: no script, no external resource. Paragraphs
        are ``<p>``; all characters of the text (of the paragraphs shown) appear once, escaped.

    Raises:
        ValueError: a span lies outside the text, or a table holds rows of several articles.

    Example:
        >>> quotes = pd.DataFrame({"start": [1], "end": [12], "kind": ["direct"],
        ...     "speaker": ["Ann Lee"], "speaker_start": [15], "speaker_end": [18],
        ...     "cue": ["said"], "cue_start": [19], "cue_end": [23]})
        >>> page = article_html('"We will win," Lee said.', quotes, legend=False)
        >>> 'title="quoted · speaker: Ann Lee · cue: said"' in page
        True
        >>> article_html("<script>alert(1)</script>", legend=False).count("<script")
        0
    """
    text = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    if max_paragraphs is not None and max_paragraphs < 0:
        raise ValueError(f"max_paragraphs must be None or at least 0, not {max_paragraphs}")
    marks, titles, any_scare = _marks(text, quotes, sentences)
    paragraphs = paragraph_spans(text)
    hidden = 0
    if max_paragraphs is not None and len(paragraphs) > max_paragraphs:
        hidden = len(paragraphs) - max_paragraphs
        paragraphs = paragraphs[:max_paragraphs]
    limit = len(text) if not hidden else paragraphs[-1][1] if paragraphs else 0

    parts = [f'<div class="newslib-reader" style="{_BOX}">']
    if title is not None and not _isna(title):
        parts.append(
            f'<div style="{_SANS};font-weight:bold;font-size:1.15em;margin-bottom:0.2em">'
            f"{_text(str(title))}</div>"
        )
    if subtitle is not None and not _isna(subtitle):
        parts.append(
            f'<div style="{_SANS};font-size:0.85em;color:#555555;margin-bottom:0.4em">'
            f"{_text(str(subtitle))}</div>"
        )
    if legend:
        parts.append(_legend(sentences is not None and len(sentences) > 0, any_scare))
    parts.append(f'<div class="newslib-reader-text" style="{_BODY}">')
    parts.append(_body(text[:limit], marks, titles, paragraphs))
    parts.append("</div>")
    if hidden:
        total = len(paragraphs) + hidden
        more = f"{hidden} more paragraph{'s' if hidden != 1 else ''} of {total} not shown"
        parts.append(
            f'<div style="{_SANS};font-size:0.85em;color:#555555;margin-top:0.4em">… {more}.</div>'
        )
    parts.append("</div>")
    return "".join(parts)


def _marks(text: str, quotes: pd.DataFrame | None, sentences: pd.DataFrame | None):
    """Every span to mark: ``(start, end, key)`` with key ``(mark, id)``, the hover text of
    each key, and whether there are scare quotes."""
    marks: list[tuple[int, int, tuple[str, int]]] = []
    titles: dict[tuple[str, int], str] = {}
    n = len(text)
    any_scare = False

    if quotes is not None and len(quotes):
        _one_article(quotes, "quotes")
        # Sources and cues are shared by the pieces of an attribution: one mark per span,
        # described by every piece that names it.
        sources: dict[tuple[int, int], list[dict[str, Any]]] = {}
        cues: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for i, row in enumerate(quotes.to_dict("records")):
            span = _span(row, "start", "end", n, "quotes")
            if span is None:
                continue
            kind = str(row.get("kind", "direct"))
            if kind == "scare":
                any_scare = True
                marks.append((*span, ("scare", i)))
                titles[("scare", i)] = "scare quotes: not speech"
                continue
            voice = "quoted" if kind in _QUOTED_KINDS else "reported"
            who = _speaker_name(row)
            cue = _value(row.get("cue"))
            marks.append((*span, (voice, i)))
            titles[(voice, i)] = " · ".join(
                [voice, f"speaker: {who}" if who else "speaker not named"]
                + ([f"cue: {cue}"] if cue else [])
            )
            info = {
                "voice": voice,
                "who": who,
                "cue": cue,
                "mention": _value(row.get("speaker_mention")),
            }
            source = _span(row, "speaker_start", "speaker_end", n, "quotes")
            if source is not None:
                sources.setdefault(source, []).append(info)
            cue_span = _span(row, "cue_start", "cue_end", n, "quotes")
            if cue_span is not None:
                cues.setdefault(cue_span, []).append(info)
        for j, (span, infos) in enumerate(sorted(sources.items())):
            marks.append((*span, ("speaker", j)))
            titles[("speaker", j)] = _source_title(infos)
        for j, (span, infos) in enumerate(sorted(cues.items())):
            marks.append((*span, ("cue", j)))
            titles[("cue", j)] = _cue_title(infos)

    if sentences is not None and len(sentences):
        _one_article(sentences, "sentences")
        for i, row in enumerate(sentences.to_dict("records")):
            span = _span(row, "start", "end", n, "sentences")
            if span is None:
                continue
            marks.append((*span, ("sentence", i)))
            titles[("sentence", i)] = _sentence_title(row, i)
    return marks, titles, any_scare


def _body(text: str, marks, titles, paragraphs: list[tuple[int, int]]) -> str:
    """The paragraphs of ``text`` with their marks: one sweep over all span boundaries gives
    segments with a constant set of marks, grouped into sentences inside paragraphs, so the
    tags nest whatever the spans."""
    n = len(text)
    starts: dict[int, list] = {}
    ends: dict[int, list] = {}
    bounds = {0, n}
    for start, end, key in marks:
        start, end = min(start, n), min(end, n)
        if start >= end:
            continue
        starts.setdefault(start, []).append(key)
        ends.setdefault(end, []).append(key)
        bounds.update((start, end))
    for start, end in paragraphs:
        bounds.update((start, end))
    cuts = sorted(bounds)

    out: list[str] = []
    active: set[tuple[str, int]] = set()
    para = iter(paragraphs)
    current = next(para, None)
    in_paragraph = False
    sentence: int | None = None
    for left, right in zip(cuts, cuts[1:], strict=False):
        active.difference_update(ends.get(left, ()))
        active.update(starts.get(left, ()))
        while current is not None and left >= current[1]:
            current = next(para, None)
        inside = current is not None and current[0] <= left < current[1]
        if inside and not in_paragraph:
            out.append(f'<p style="{_PARAGRAPH}">')
            in_paragraph = True
        sentences = sorted(k[1] for k in active if k[0] == "sentence")
        wanted = sentences[0] if inside and sentences else None
        if wanted != sentence:
            if sentence is not None:
                out.append("</span>")
            if wanted is not None:
                out.append(f'<span title="{_attr(titles[("sentence", wanted)])}">')
            sentence = wanted
        piece = _text(text[left:right])
        if inside:
            out.append(_segment(piece, active, titles, sentence))
        else:
            out.append(piece)  # whitespace between paragraphs
        if inside and right >= current[1]:
            if sentence is not None:
                out.append("</span>")
                sentence = None
            out.append("</p>")
            in_paragraph = False
    return "".join(out)


def _segment(piece: str, active, titles, sentence: int | None) -> str:
    """One run of text with a constant set of marks: a styled span, or the bare text."""
    kinds = {k[0] for k in active}
    # A quoted fragment inside reported speech is quoted: its voice is the inner one.
    if "quoted" in kinds:
        kinds.discard("reported")
    shown = [m for m in _ORDER if m in kinds]
    if not shown:
        return piece
    style = ";".join(_STYLE[m] for m in shown)
    lines = []
    for mark in shown:
        for key in sorted(k for k in active if k[0] == mark):
            line = titles[key]
            if line not in lines:
                lines.append(line)
    if sentence is not None:
        lines.append(titles[("sentence", sentence)])
    return f'<span style="{style}" title="{_attr(chr(10).join(lines))}">{piece}</span>'


def _legend(with_sentiment: bool, with_scare: bool) -> str:
    swatch = "padding:0 0.35em;border-radius:2px"
    items = [
        f'<span style="{_STYLE["quoted"]};border:1px solid {_VOICE_EDGES["quoted"]};{swatch}">'
        f"{_VOICE_NAMES['quoted']}</span>",
        f'<span style="{_STYLE["reported"]};border:1px solid {_VOICE_EDGES["reported"]};'
        f'{swatch}">{_VOICE_NAMES["reported"]}</span>',
        f'<span style="border:1px solid #BBBBBB;{swatch}">{_VOICE_NAMES["own"]}</span>',
        f'<span style="{_STYLE["speaker"]}">speaker</span>',
        f'<span style="{_STYLE["cue"]}">cue</span>',
    ]
    if with_scare:
        items.append(f'<span style="{_STYLE["scare"]}">scare quotes (not speech)</span>')
    hint = "Hover over a piece of speech for its speaker and cue"
    hint += ", over a sentence for its sentiment." if with_sentiment else "."
    return (
        f'<div class="newslib-reader-legend" style="{_SANS};font-size:0.85em;line-height:1.9;'
        f'color:#333333;margin-bottom:0.7em">'
        + " &nbsp; ".join(items)
        + f'<br><span style="color:#666666">{hint}</span></div>'
    )


# --------------------------------------------------------------------------------------------
# hover texts
# --------------------------------------------------------------------------------------------


def _speaker_name(row: Mapping[str, Any]) -> str | None:
    """The source's name: resolved speaker, else the corpus person, else the words written."""
    for column in ("speaker", "person", "speaker_mention"):
        value = _value(row.get(column))
        if value:
            return value
    return None


def _source_title(infos: list[dict[str, Any]]) -> str:
    info = infos[0]
    who = info["who"] or info["mention"] or "not named"
    line = f"speaker: {who}"
    if info["mention"] and info["mention"] != who:
        line += f" (written “{info['mention']}”)"
    voices = [v for v in ("quoted", "reported") if any(i["voice"] == v for i in infos)]
    line += f" · {' and '.join(voices)} speech"
    cues = list(dict.fromkeys(i["cue"] for i in infos if i["cue"]))
    if cues:
        line += f" · cue: {', '.join(cues)}"
    return line


def _cue_title(infos: list[dict[str, Any]]) -> str:
    info = infos[0]
    line = f"cue: {info['cue']}" if info["cue"] else "cue"
    names = list(dict.fromkeys(i["who"] for i in infos if i["who"]))
    line += f" · speaker: {', '.join(names)}" if names else " · speaker not named"
    return line


def _sentence_title(row: Mapping[str, Any], position: int) -> str:
    number = row.get("sentence")
    number = position if _isna(number) else int(number)
    line = f"sentence {number}"  # the sentences table's number (from 0), as the figures use
    score = row.get("compound")
    if not _isna(score):
        score = float(score)
        tone = "positive" if score >= _POSITIVE else "negative" if score <= _NEGATIVE else "neutral"
        line += f" · sentiment {signed(score)} ({tone})"
    return line


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------


def _isna(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _value(value: object) -> str | None:
    if _isna(value):
        return None
    text = " ".join(str(value).split())
    return text or None


def _span(row: Mapping[str, Any], first: str, last: str, n: int, table: str):
    """``(start, end)`` of a row's span, ``None`` when missing or empty; a span outside the
    text is an error (the rows belong to another article)."""
    start, end = row.get(first), row.get(last)
    if _isna(start) or _isna(end):
        return None
    start, end = int(start), int(end)
    if start < 0 or end > n:
        raise ValueError(
            f"{table}: {first}={start}, {last}={end} is outside the text ({n} characters); "
            "pass the rows of this article only, with offsets into its text"
        )
    return (start, end) if start < end else None


def _one_article(frame: pd.DataFrame, table: str) -> None:
    if "article_id" in frame.columns and frame["article_id"].nunique(dropna=True) > 1:
        raise ValueError(
            f"{table} holds rows of {frame['article_id'].nunique()} articles; pass the rows of "
            f"one article (e.g. {table}[{table}['article_id'] == article_id])"
        )


def _text(value: str) -> str:
    # A carriage return is kept as a reference: an HTML parser would turn a bare one into \n.
    return html.escape(value, quote=False).replace("\r", "&#13;")


def _attr(value: str) -> str:
    return html.escape(value, quote=True).replace("\n", "&#10;").replace("\r", "&#13;")


# --------------------------------------------------------------------------------------------
# notebooks: article and default_article
# --------------------------------------------------------------------------------------------

_BY = ("quoted", "negative", "positive")


def default_article(
    data: Any, *, by: str = "quoted", min_sentences: int = 8, max_sentences: int = 60
) -> str | None:
    """The article a close-up shows: among the articles of ``min_sentences`` to
    ``max_sentences`` sentences (enough to show something, short enough to read whole; else
    those of at least ``min_sentences``, else all), the one with the largest share of
    attributed words (``by="quoted"``; ties to more attributions), the most negative
    (``"negative"``: lowest mean sentence sentiment) or the most positive (``"positive"``).
    Remaining ties go to the first article id; ``None`` for an empty corpus.

    ``data`` is a ``newslib.notebook.CorpusData`` or a mapping with its ``articles`` table
    (as ``newslib.analyze`` gives it) and, when ``articles`` has no ``n_sentences``, its
    ``sentences`` table.

    Example:
        >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "n_sentences": [1, 9, 12],
        ...     "n_attributions": [7, 3, 2], "compound_mean": [-0.9, 0.2, -0.1]})
        >>> default_article({"articles": arts}), default_article({"articles": arts}, by="negative")
        ('b', 'c')
    """
    if by not in _BY:
        raise ValueError(f"by must be one of {', '.join(map(repr, _BY))}, not {by!r}")
    articles = _table(data, "articles")
    if articles is None or articles.empty:
        return None
    frame = pd.DataFrame({"article_id": articles["article_id"].astype(str).to_numpy()})
    if "n_sentences" in articles.columns:
        counts = pd.to_numeric(articles["n_sentences"], errors="coerce").fillna(0).to_numpy()
    else:
        sentences = _table(data, "sentences")
        per = (
            sentences.groupby(sentences["article_id"].astype(str)).size()
            if sentences is not None and not sentences.empty
            else pd.Series(dtype=int)
        )
        counts = frame["article_id"].map(per).fillna(0).to_numpy()
    frame["n"] = counts
    if by == "quoted":
        keys = [("attributed_share", False), ("n_attributions", False)]
    else:
        keys = [("compound_mean", by == "negative")]
    for column, _ in keys:
        if column in articles.columns:
            values = pd.to_numeric(articles[column], errors="coerce").astype(float)
            frame[column] = values.to_numpy()
        else:
            frame[column] = float("nan")
    long = frame[frame["n"] >= min_sentences]
    readable = long[long["n"] <= max_sentences]
    pool = readable if not readable.empty else long if not long.empty else frame
    order = [c for c, _ in keys] + ["article_id"]
    ascending = [a for _, a in keys] + [True]
    pool = pool.sort_values(order, ascending=ascending, na_position="last", kind="stable")
    return str(pool["article_id"].iloc[0])


def article(
    data: Any,
    article_id: str | None = None,
    *,
    by: str = "quoted",
    min_sentences: int = 8,
    **kwargs: Any,
) -> Any:
    """One article of a corpus in the reader, for a notebook cell (an IPython ``HTML``).

    ``data`` is a ``newslib.notebook.CorpusData`` (``newslib.notebook.prepare``), or a mapping
    with ``quotes``, ``sentences``, the ``articles`` table and the loaded articles with their
    text as ``raw`` (or an ``articles`` table that has ``text``). ``article_id=None`` shows
    ``default_article(data, by=by, min_sentences=min_sentences)``: by default the article with
    the largest share of attributed words among those of 8 to 60 sentences. The title and a
    line with the source, date and counts come from the articles table; ``**kwargs`` go to
    :func:`article_html` (``legend=``, ``max_paragraphs=``, ``title=``).

    Example:
        >>> from newslib.notebook import prepare
        >>> shown = article(prepare("seeds"), max_paragraphs=3)
        >>> "Gleb Karakulov" in shown.data, "more paragraphs of 7 not shown" in shown.data
        (True, True)
    """
    from IPython.display import HTML

    raw = _table(data, "raw")
    articles = _table(data, "articles")
    if raw is None or "text" not in raw.columns:
        raw = articles
    if raw is None or "text" not in raw.columns:
        raise ValueError("data has no article text: give a CorpusData or a mapping with 'raw'")
    if article_id is None:
        article_id = default_article(data, by=by, min_sentences=min_sentences)
        if article_id is None:
            return HTML("<p>No article to show: the corpus is empty.</p>")
    rows = raw[raw["article_id"].astype(str) == str(article_id)]
    if rows.empty:
        raise ValueError(
            f"article {article_id!r} is not in the corpus; use one of the article_id values of "
            "data.articles, or None to choose one"
        )
    row = rows.iloc[0]
    meta = articles if articles is not None else raw
    info = meta[meta["article_id"].astype(str) == str(article_id)]
    info = info.iloc[0] if len(info) else row

    def own(name: str) -> pd.DataFrame | None:
        table = _table(data, name)
        if table is None or table.empty:
            return None
        return table[table["article_id"].astype(str) == str(article_id)]

    quotes, sentences = own("quotes"), own("sentences")
    kwargs.setdefault("title", _value(info.get("title")) or str(article_id))
    kwargs.setdefault("subtitle", _subtitle(info, quotes, sentences))
    return HTML(article_html(str(row["text"]), quotes, sentences, **kwargs))


def _subtitle(info: pd.Series, quotes, sentences) -> str:
    parts = []
    source = _value(info.get("source"))
    if source:
        parts.append(source)
    date = info.get("date")
    if not _isna(date):
        parts.append(f"{pd.Timestamp(date):%Y-%m-%d}")
    n_sentences = 0 if sentences is None else len(sentences)
    parts.append(f"{n_sentences} sentence{'s' if n_sentences != 1 else ''}")
    n_attr = 0
    if quotes is not None:
        speech = quotes[quotes["kind"].astype(str) != "scare"]
        n_attr = (
            speech["attribution_id"].nunique(dropna=True)
            if "attribution_id" in speech.columns
            else len(speech)
        )
    parts.append(f"{n_attr} attribution{'s' if n_attr != 1 else ''}")
    return " · ".join(parts)


def _table(data: Any, name: str) -> pd.DataFrame | None:
    if isinstance(data, Mapping):
        value = data.get(name)
    else:
        value = getattr(data, name, None)
    return value if isinstance(value, pd.DataFrame) else None
