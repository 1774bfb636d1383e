"""One self-contained HTML report: the notebooks executed on a corpus, in one file.

``build_report(corpus, "out/report.html")`` runs every notebook of ``notebooks/`` on the corpus
with papermill, joins them and renders them with nbconvert into a single HTML file: figures
embedded as base64 PNG, no code cells (unless ``include_code=True``), a table of contents at
the top, and no script at all — nothing is fetched from the network when the file is opened,
and article text cannot run as code (the notebooks escape it; the report drops any JavaScript
output as a second line of defence and refuses to write a file containing ``<script``).
Article text is inert in another way too: nbconvert's Markdown renderer turns a bare URL
(``https://...``) into a link, so a URL an article's author wrote would become clickable; the
report renders Markdown without that rule. A URL in the text is shown as text, while the
links newslib writes itself (the contents, and explicit ``[text](url)`` links of a notebook's
own Markdown) stay links.

What the report leaves out: cells tagged ``interactive`` (the notebooks' "Explore" sections:
widgets that redraw an earlier figure, useful in a live notebook only) and cells tagged
``report-skip`` (a figure another notebook shows too, e.g. the overview's articles per month,
which the timeline notebook draws again). The live notebooks keep every cell.

The take-away folder: beside ``report.html`` the report writes ``report_files/`` with every
figure as PNG and SVG (text kept as text, so the SVG opens for editing) and every table as CSV
(:class:`newslib.notebook.Table` carries its data as ``text/csv``), named after the notebook
and the section, e.g. ``02-quotes-03-by-source.png``, and links each from a small line under
its figure or table (relative links; the HTML itself still embeds its figures as PNG and needs
nothing else). ``files=False`` (``--no-files``) writes the HTML alone.

Where the notebooks come from: by default the ``notebooks/`` folder of the repository this
package lives in (``<repo>/newslib/report.py`` -> ``<repo>/notebooks``), which is where they are
in a git checkout and in an editable install (``pip install -e .``). A wheel does not ship them:
pass ``notebooks=`` (a folder or a list of ``.ipynb`` files), or ``--notebooks`` on the command
line. The notebooks run with their own folder as working directory, so their relative defaults
keep working, and get ``CORPUS`` as an absolute path.

The load options (those of :func:`newslib.load`: ``format``, ``errors``, ``tz``,
``dayfirst``, ``columns``, ``max_bytes``, ``source_from``) reach every notebook as its ``LOAD``
parameter, a dict. Before any notebook runs, the corpus is loaded once with them (chunk by
chunk, nothing kept): a corpus that gives no article stops the report at once with the load
report's first reasons (:class:`newslib.loadreport.NoArticlesError`), and files skipped or
repaired are said on stderr (the overview notebook lists them in the report).
"""

from __future__ import annotations

import base64
import copy
import html
import os
import re
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["build_report", "default_notebooks", "ReportError"]

DEFAULT_NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

# Outputs the report never shows: live widgets (they need JavaScript and a kernel; the figure
# each notebook draws for the default choice is shown instead) and any JavaScript.
_DROPPED_MIME = ("application/vnd.jupyter.widget-view+json", "application/javascript")

# Cells the report leaves out: live widgets ("Explore" sections, which in a static file only
# redraw an earlier figure) and figures another notebook shows too.
SKIPPED_TAGS = ("interactive", "report-skip")

# Kernel options when the take-away folder is written: each figure also as SVG, its text as
# <text> (editable, searchable) rather than glyph outlines, with stable element ids.
_SVG_KERNEL_ARGUMENTS = [
    "--InlineBackend.figure_formats=png",
    "--InlineBackend.figure_formats=svg",
    "--IPKernelApp.exec_lines=import matplotlib; "
    "matplotlib.rcParams.update({'svg.fonttype': 'none', 'svg.hashsalt': 'newslib'})",
]
_SVG_DATE = re.compile(r"\n? *<dc:date>[^<]*</dc:date>")
# Names of the files the report writes into its folder (and may replace on the next run).
_TAKE_AWAY_NAME = re.compile(r"^[a-z0-9-]+-\d\d-[a-z0-9-]+\.(png|svg|csv)$")

# The lab template without its <script> tags (require.js, MathJax, Mermaid and widgets are
# loaded from CDNs): the report must open offline and must not run anything.
_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style type="text/css">
nav.newslib-toc { max-width: 60em; margin: 1em auto 2em; padding: 0.5em 1.5em;
  border: 1px solid #ddd; border-radius: 4px; background: #fafafa; }
nav.newslib-toc ul { margin: 0.2em 0; }
section.newslib-notebook { border-top: 2px solid #bbb; margin-top: 2em; padding-top: 1em; }
p.newslib-files { font-size: 0.85em; color: #666; margin: 0.1em 0 1.2em; }
p.newslib-files a { color: #555; }
</style>
{%- endblock extra_css -%}
"""

_HEADING = re.compile(r"^(#{1,3})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


class ReportError(RuntimeError):
    """A notebook failed while the report was being built."""


def default_notebooks() -> list[Path]:
    """The notebooks the report runs by default: ``<repo>/notebooks/*.ipynb``, sorted by name.

    Example:
        >>> [p.name for p in default_notebooks()][:2]
        ['00_overview.ipynb', '01_readability.ipynb']
    """
    return _notebook_paths(None)


def _notebook_paths(notebooks: str | os.PathLike | Sequence[str | os.PathLike] | None):
    if notebooks is None:
        if not DEFAULT_NOTEBOOKS.is_dir():
            raise FileNotFoundError(
                f"no notebooks folder at {DEFAULT_NOTEBOOKS} (newslib is not installed from a "
                "git checkout); pass notebooks= or --notebooks with the folder of notebooks"
            )
        notebooks = DEFAULT_NOTEBOOKS
    if isinstance(notebooks, str | os.PathLike):
        folder = Path(notebooks)
        if folder.is_dir():
            paths = sorted(folder.glob("*.ipynb"))
            if not paths:
                raise FileNotFoundError(f"no .ipynb notebooks in {folder}")
            return [p.resolve() for p in paths]
        notebooks = [folder]
    paths = [Path(p) for p in notebooks]
    for path in paths:
        if not path.is_file() or path.suffix != ".ipynb":
            raise FileNotFoundError(f"{path}: not a notebook (.ipynb file)")
    if not paths:
        raise ValueError("notebooks= is an empty list; give at least one .ipynb file")
    return [p.resolve() for p in paths]


def _corpus_parameter(corpus: str | os.PathLike) -> str:
    text = os.fspath(corpus)
    if not any(ch in text for ch in "*?["):
        path = Path(text)
        if not path.exists():
            raise FileNotFoundError(f"corpus not found: {text}")
        return str(path.resolve())
    # A glob: make it absolute, the notebooks do not run in the caller's directory.
    return text if os.path.isabs(text) else str(Path.cwd() / text)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def _plain(markdown_text: str) -> str:
    """Heading text without Markdown markup (for the table of contents)."""
    text = re.sub(r"[`*_]", "", markdown_text)
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).strip()


def _error_text(nb) -> str:
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
    return "see the notebook for details"


def _check_load(corpus: str, load: dict) -> tuple[dict, list[dict]]:
    """Load the corpus once as the notebooks will (chunk by chunk, nothing kept): the load
    summary and report, or :class:`newslib.loadreport.NoArticlesError` when no article loads.
    Bad options fail here, before any notebook starts."""
    from .io import LoadStream
    from .loadreport import NoArticlesError, no_articles_message

    stream = LoadStream(corpus, chunk_size=1000, **load)
    for _ in stream:
        pass
    summary, report = stream.summary, stream.report
    if not summary["articles"]:
        hint = "'newslib load' on the same path lists every file and why"
        raise NoArticlesError(no_articles_message(report, summary, corpus, hint=hint))
    return summary, report.to_dict("records")


def _say_skipped(summary: dict, out: Path) -> None:
    """One line on stderr when files were skipped or repaired: how many, and where they are
    listed (the overview's "Files skipped or repaired" section)."""
    if summary.get("files_skipped") or summary.get("repaired"):
        print(
            f"load report: {summary.get('files_skipped', 0)} file(s) skipped, "
            f"{summary.get('repaired', 0)} repaired; listed under 'Files skipped or repaired' "
            f"in {out} (and by 'newslib load' on the same path)",
            file=sys.stderr,
        )


def _execute(
    path: Path,
    out_dir: Path,
    parameters: dict,
    kernel_name: str,
    timeout: int | None,
    svg: bool = False,
):
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    corpus = parameters["CORPUS"]
    target = out_dir / path.name
    try:
        papermill.execute_notebook(
            str(path),
            str(target),
            parameters=parameters,
            cwd=str(path.parent),
            kernel_name=kernel_name,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            # The kernel's own start-up warnings (e.g. about TCP transport) are noise here;
            # failures still surface as papermill errors.
            extra_arguments=[
                "--IPKernelApp.log_level=CRITICAL",
                *(_SVG_KERNEL_ARGUMENTS if svg else []),
            ],
        )
    except PapermillExecutionError as error:
        raise ReportError(
            f"notebook {path.name} failed on {corpus}: {error.ename}: {error.evalue}"
        ) from None
    nb = nbformat.read(target, as_version=4)
    for cell in nb.cells:
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            raise ReportError(f"notebook {path.name} failed on {corpus}: {_error_text(nb)}")
    return nb


@dataclass
class _TakeAway:
    """One figure or table of the report, as files of the take-away folder."""

    name: str  # e.g. "02-quotes-03-by-source", without extension
    files: dict[str, bytes]  # extension -> content


def _merge(
    executed: list[tuple[Path, object]],
    corpus: str,
    include_code: bool,
    files_href: str | None = None,
):
    """One notebook: a title and table-of-contents cell, then each notebook's cells (those
    tagged with ``SKIPPED_TAGS`` left out), and the figures and tables for the take-away
    folder. With ``files_href`` (the folder, relative to the HTML), each figure and table is
    followed by links to its files; without, SVG and CSV copies are simply dropped."""
    import nbformat
    from nbformat.v4 import new_markdown_cell, new_notebook

    from . import __version__
    from .notebook import md_escape

    merged = new_notebook()
    used: set[str] = set()

    def anchor(text: str) -> str:
        base = _slug(text)
        name, i = base, 2
        while name in used:
            name, i = f"{base}-{i}", i + 1
        used.add(name)
        return name

    toc: list[tuple[int, str, str]] = []
    cells = []
    take_away: list[_TakeAway] = []
    for path, nb in executed:
        prefix, heading, count = _slug(path.stem), path.stem, 0
        section = anchor(f"nb-{path.stem}")
        first_entry = len(toc)
        cells.append(
            new_markdown_cell(f'<section class="newslib-notebook" id="{section}"></section>')
        )
        for cell in nb.cells:
            cell = copy.deepcopy(cell)
            tags = cell.get("metadata", {}).get("tags", [])
            if "injected-parameters" in tags and not include_code:
                continue
            if any(tag in tags for tag in SKIPPED_TAGS):
                continue
            if cell.cell_type == "markdown":
                cell.source, headings = _anchor_headings(cell.source, anchor)
                toc.extend(headings)
                heading = _last_heading(cell.source) or heading
                cell.pop("attachments", None)
            elif cell.cell_type == "code":
                outputs = []
                for output in cell.outputs:
                    data = output.get("data", {})
                    if any(m in data for m in _DROPPED_MIME):
                        continue
                    words = heading.replace("'", "")  # "reporter's" -> "reporters"
                    name = f"{prefix}-{count + 1:02d}-{_slug(words)}"
                    item = _take_away_item(data, name)
                    # The HTML embeds the PNG (nbconvert would prefer the SVG) and the table.
                    data.pop("image/svg+xml", None)
                    data.pop("text/csv", None)
                    outputs.append(output)
                    if item is not None:
                        count += 1
                        take_away.append(item)
                        if files_href is not None:
                            outputs.append(_links_output(item, files_href))
                cell.outputs = outputs
            cell.metadata = {"tags": tags} if tags else {}
            cells.append(cell)
        if len(toc) == first_entry or toc[first_entry][0] != 1:
            # A notebook without a title still gets its entry, named after the file.
            toc.insert(first_entry, (1, path.stem, section))
    # Notebook titles (level 1) name the sections; fall back to the file name.
    lines = ["# newslib report", ""]
    lines.append(f"Corpus: {md_escape(corpus)} · {len(executed)} notebooks · newslib {__version__}")
    toc_html = ['<nav class="newslib-toc"><h2>Contents</h2><ul>']
    open_sub = False
    for level, text, target in toc:
        link = f'<a href="#{target}">{html.escape(text)}</a>'
        if level == 1:
            if open_sub:
                toc_html.append("</ul></li>")
                open_sub = False
            toc_html.append(f"<li>{link}")
            toc_html.append("<ul>")
            open_sub = True
        else:
            toc_html.append(f"<li>{link}</li>")
    if open_sub:
        toc_html.append("</ul></li>")
    toc_html.append("</ul></nav>")
    merged.cells = [new_markdown_cell("\n".join(lines)), new_markdown_cell("".join(toc_html))]
    merged.cells += cells
    for i, cell in enumerate(merged.cells):
        cell["id"] = f"c{i:04d}"  # unique and stable ids in the joined notebook
    merged.metadata = {
        "kernelspec": executed[0][1].metadata.get("kernelspec", {}),
        "language_info": {"name": "python"},
        "title": f"newslib report: {Path(corpus).name or corpus}",
    }
    nbformat.validate(merged)
    return merged, take_away


def _last_heading(source: str) -> str | None:
    """The text of the last heading of a Markdown cell (the section its outputs belong to)."""
    found = None
    for line in source.splitlines():
        match = _HEADING.match(line)
        if match:
            found = _plain(match.group(2))
    return found


def _take_away_item(data: dict, name: str) -> _TakeAway | None:
    """The files of one output: a figure (PNG, and SVG when the kernel made one) or a table
    (CSV, from :class:`newslib.notebook.Table`); ``None`` for anything else."""
    name = name[:80].rstrip("-")
    if "image/png" in data:
        files = {"png": base64.b64decode(data["image/png"])}
        if "image/svg+xml" in data:
            svg = data["image/svg+xml"]
            svg = svg if isinstance(svg, str) else "".join(svg)
            # Matplotlib stamps the time of drawing: without it, the same report, same files.
            files["svg"] = _SVG_DATE.sub("", svg).encode("utf-8")
        return _TakeAway(name, files)
    if "text/csv" in data:
        csv = data["text/csv"]
        return _TakeAway(name, {"csv": (csv if isinstance(csv, str) else "".join(csv)).encode()})
    return None


def _links_output(item: _TakeAway, files_href: str):
    """A small HTML output under a figure or table: links to its files in the folder."""
    from nbformat.v4 import new_output

    links = " · ".join(
        f'<a href="{html.escape(files_href + urllib.parse.quote(f"{item.name}.{ext}"))}">'
        f"{ext.upper()}</a>"
        for ext in item.files
    )
    return new_output("display_data", data={"text/html": f'<p class="newslib-files">{links}</p>'})


def _write_take_away(folder: Path, items: list[_TakeAway]) -> int:
    """Write the figures and tables into ``folder`` (files of an earlier report that follow
    the report's naming are replaced; other files are left alone); return how many files."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_file() and _TAKE_AWAY_NAME.match(old.name):
            old.unlink()
    written = 0
    for item in items:
        for ext, content in item.files.items():
            (folder / f"{item.name}.{ext}").write_bytes(content)
            written += 1
    return written


def _anchor_headings(source: str, anchor) -> tuple[str, list[tuple[int, str, str]]]:
    """Put an ``<a id>`` before each level 1-3 heading; return the new source and the
    ``(level, text, anchor)`` of each heading (levels 1 and 2 go into the contents)."""
    out, found, fenced = [], [], False
    for line in source.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            level, text = len(match.group(1)), _plain(match.group(2))
            target = anchor(text)
            if level <= 2:
                found.append((level, text, target))
            out.append(f'<a id="{target}"></a>')
            out.append("")
        out.append(line)
    return "\n".join(out), found


def _exporter_class():
    """nbconvert's HTML exporter, rendering Markdown without turning bare URLs into links.

    nbconvert renders every Markdown cell and Markdown output with mistune and its ``url``
    plugin, which makes ``<a href>`` of any ``http(s)://`` in the text. The notebooks show
    article text (titles, quotations) as escaped Markdown, so that plugin would give the
    article's author links in the report. Everything else of the renderer is nbconvert's own:
    explicit links, anchors, math, tables and embedded images work as before.
    """
    from jinja2 import pass_context
    from nbconvert import HTMLExporter
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    class _Markdown(MarkdownWithMath):
        DEFAULT_PLUGINS = tuple(p for p in MarkdownWithMath.DEFAULT_PLUGINS if p != "url")

    class _Exporter(HTMLExporter):
        @pass_context
        def markdown2html(self, context, source):
            # The renderer HTMLExporter.markdown2html builds, given to the parser above.
            cell = context.get("cell", {})
            renderer = IPythonRenderer(
                escape=False,
                attachments=cell.get("attachments", {}),
                embed_images=self.embed_images,
                path=context.get("resources", {}).get("metadata", {}).get("path", ""),
                anchor_link_text=self.anchor_link_text,
                exclude_anchor_links=self.exclude_anchor_links,
                **self.lexer_options,
            )
            return _Markdown(renderer=renderer).render(source)

    return _Exporter


def _to_html(nb, include_code: bool) -> str:
    from jinja2 import DictLoader

    exporter = _exporter_class()(
        extra_loaders=[DictLoader({"newslib_report.html.j2": _TEMPLATE})],
        template_file="newslib_report.html.j2",
        exclude_input=not include_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    return body


def build_report(
    corpus: str | os.PathLike,
    out_html: str | os.PathLike,
    *,
    notebooks: str | os.PathLike | Sequence[str | os.PathLike] | None = None,
    include_code: bool = False,
    progress: bool = True,
    kernel_name: str = "python3",
    timeout: int | None = 600,
    load: dict | None = None,
    dedupe: str | None = None,
    files: bool | str | os.PathLike = True,
) -> Path:
    """Execute the notebooks on ``corpus`` and write them as one self-contained HTML file.

    Args:
        corpus: what the notebooks load (a folder, a file or a glob); passed to each notebook
            as its ``CORPUS`` parameter, made absolute.
        out_html: the HTML file to write (its folder is created).
        notebooks: a folder of notebooks, or a list of ``.ipynb`` files, run in that order
            (default: ``<repo>/notebooks``, sorted by name).
        include_code: show the code cells too (by default only prose, tables and figures);
            the cells the report leaves out (``SKIPPED_TAGS``) stay out.
        progress: print ``executing 2/5: 01_readability`` lines on stderr.
        kernel_name: the Jupyter kernel to run the notebooks in.
        timeout: seconds one cell may run before the report gives up (``None``: no limit).
        load: the load options, as :func:`newslib.load` takes them (e.g.
            ``{"columns": {"body": "text"}, "tz": "UTC"}``); every notebook gets them as its
            ``LOAD`` parameter.
        dedupe: ``"near"`` counts each story once: near-duplicate articles (syndicated copies,
            see :mod:`newslib.duplicates`) are left out of every figure and table; every
            notebook gets it as its ``DEDUPE`` parameter.
        files: write the take-away folder: every figure as PNG and SVG and every table as
            CSV, linked from the HTML. ``True``: ``<name>_files/`` beside the HTML
            (``report.html`` -> ``report_files/``); a path: that folder; ``False``: the HTML
            alone.

    Returns:
        The path of the HTML file.

    Raises:
        FileNotFoundError: the corpus or the notebooks are missing.
        ValueError: an unknown load option or value; no article in the corpus
            (:class:`newslib.loadreport.NoArticlesError`, with the load report's reasons).
        ReportError: a notebook failed; the message names it and its error.

    Example:
        >>> path = build_report("seeds", "out/report.html", load={"tz": "UTC"})  # doctest: +SKIP
    """
    from .manifest import check_load_options

    corpus_param = _corpus_parameter(corpus)
    paths = _notebook_paths(notebooks)
    out = Path(out_html)
    load = dict(load or {})
    check_load_options(load)  # names only; values are checked by loading
    summary, _ = _check_load(corpus_param, load)
    if dedupe not in (None, "near"):
        raise ValueError(f"dedupe must be None or 'near' (each story once), not {dedupe!r}")
    parameters = {"CORPUS": corpus_param, "LOAD": load, "DEDUPE": dedupe}
    folder = _files_folder(out, files)
    href = None
    if folder is not None:
        relative = os.path.relpath(folder.resolve(), out.parent.resolve())
        href = Path(relative).as_posix().rstrip("/") + "/"
    executed = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newslib-report-") as tmp:
        for i, path in enumerate(paths, 1):
            if progress:
                print(f"executing {i}/{len(paths)}: {path.stem}", file=sys.stderr, flush=True)
            nb = _execute(path, Path(tmp), parameters, kernel_name, timeout, folder is not None)
            executed.append((path, nb))
    merged, take_away = _merge(executed, corpus_param, include_code, href)
    page = _to_html(merged, include_code)
    if re.search(r"<script", page, flags=re.IGNORECASE):
        # Nothing in the report should be a script; finding one means unescaped input.
        raise ReportError(
            "refusing to write a report containing a <script> tag: a notebook output shows "
            "untrusted text without escaping it (use newslib.notebook.md_escape/html_table)"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    written = _write_take_away(folder, take_away) if folder is not None else 0
    out.write_text(page, encoding="utf-8")
    _say_skipped(summary, out)
    if progress:
        elapsed = time.perf_counter() - started
        also = f"; {written} figure and table files in {folder}" if folder is not None else ""
        print(f"wrote {out} ({len(paths)} notebooks, {elapsed:.1f} s{also})", file=sys.stderr)
    return out


def _files_folder(out: Path, files: bool | str | os.PathLike) -> Path | None:
    """The take-away folder of ``files`` (see :func:`build_report`)."""
    if files is True:
        return out.with_name(f"{out.stem}_files")
    if files is False or files is None:
        return None
    return Path(files)
