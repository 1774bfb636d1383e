"""``newslib report``: the notebooks executed on a corpus, rendered into one safe HTML file."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from fixtures_corpus import write_fixture_corpus

from newslib.cli import main
from newslib.report import ReportError, build_report

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _title(path: Path) -> str:
    """The first level-1 heading of a notebook, read here from the file itself."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise AssertionError(f"{path.name} has no title")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The full report on the fixture corpus, with what it printed on stderr."""
    tmp = tmp_path_factory.mktemp("report")
    corpus = write_fixture_corpus(tmp / "corpus")
    out = tmp / "nested" / "report.html"
    returned = build_report(corpus, out)
    return returned, out, out.read_text(encoding="utf-8")


def _embedded_pngs(html: str) -> list[bytes]:
    """The figures of a report: the decoded PNG of every ``<img>``."""
    found = re.findall(r"""<img\b[^>]*\bsrc\s*=\s*["']data:image/png;base64,([^"']+)""", html)
    return [base64.b64decode(data) for data in found]


def test_writes_the_html_and_its_take_away_folder(report):
    returned, out, html = report
    assert returned == out and out.is_file()
    # The HTML and, beside it, the folder of figures and tables it links to: nothing else.
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.html", "report_files"]
    assert html.lstrip().lower().startswith("<!doctype html>")
    folder = out.parent / "report_files"
    names = sorted(p.name for p in folder.iterdir())
    links = re.findall(r'<p class="newslib-files">(.*?)</p>', html)
    targets = [t for line in links for t in re.findall(r'href="([^"]+)"', line)]
    # Every link is relative, into the folder, and every file is linked once.
    assert targets and all(t.startswith("report_files/") for t in targets)
    assert sorted(t.removeprefix("report_files/") for t in targets) == names
    # Each figure: the PNG the HTML embeds, and an SVG whose words are text (editable).
    pngs = sorted(n for n in names if n.endswith(".png"))
    embedded = _embedded_pngs(html)
    assert len(pngs) == len(embedded) >= 2 * len(NOTEBOOKS)
    assert sorted((folder / n).read_bytes() for n in pngs) == sorted(embedded)
    for name in pngs:
        svg = (folder / name).with_suffix(".svg").read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and re.search(r"<text\b[^>]*>\s*\w", svg), name
    # Each table: CSV with a header row of words and the values unrounded.
    tables = [n for n in names if n.endswith(".csv")]
    assert tables and len(tables) + 2 * len(pngs) == len(names)
    articles = next(n for n in tables if n.startswith("00-overview-") and "articles" in n)
    rows = list(csv.reader(io.StringIO((folder / articles).read_text(encoding="utf-8"))))
    assert rows[0][:3] == ["Date", "Source", "Title"] and "Words" in rows[0]
    assert len(rows) == 1 + 15  # every fixture article
    grades = [r[rows[0].index("Flesch–Kincaid grade")] for r in rows[1:]]
    assert any(len(g.split(".")[-1]) > 1 for g in grades)  # full precision, not 1 decimal


def test_each_figure_is_shown_once_and_no_widget_section(report):
    _, _, html = report
    hashes = [hashlib.sha256(png).hexdigest() for png in _embedded_pngs(html)]
    assert len(set(hashes)) == len(hashes), "the same figure is drawn twice"
    # The Explore sections (live widgets) and the overview's copy of articles per month are
    # for the live notebooks only.
    assert not re.search(r"<h[1-6][^>]*>\s*Explore", html)
    assert "Without a live kernel" not in html and "without a live kernel" not in html
    assert "When were they published?" not in html
    assert "How many articles, when" in html
    # The SVG copies go to the folder; the page embeds PNG only (no inline <svg> figure).
    assert "<svg" not in html


def test_widget_sections_are_tagged_for_the_report():
    """The report leaves out cells by tag: every Explore heading and widget cell has one."""
    for path in NOTEBOOKS:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for i, cell in enumerate(cells):
            source = "".join(cell["source"])
            tags = cell.get("metadata", {}).get("tags", [])
            if source.startswith("## Explore"):
                assert "interactive" in tags, f"{path.name}: Explore heading not tagged"
                assert "interactive" in cells[i + 1]["metadata"].get("tags", []), path.name
            if cell["cell_type"] == "code" and "figure_with_controls(" in source:
                assert "interactive" in tags, f"{path.name}: widget cell not tagged"
            # papermill's own tag stays alone on the parameters cell
            if "parameters" in tags:
                assert tags == ["parameters"], path.name


def test_is_self_contained_and_runs_no_script(report):
    _, _, html = report
    assert not re.search(r"<script", html, re.IGNORECASE)
    sources = re.findall(r"""\bsrc\s*=\s*["']([^"']*)""", html, re.IGNORECASE)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources), {
        s[:40] for s in sources
    }
    # Stylesheets are inline: no <link> fetches anything.
    assert not re.search(r"<link\b[^>]*href\s*=\s*[\"']https?:", html, re.IGNORECASE)
    # Every notebook contributes figures (each draws at least two on this corpus).
    assert len(sources) >= 2 * len(NOTEBOOKS)


def test_table_of_contents_links_every_notebook(report):
    _, _, html = report
    nav = re.search(r'<nav class="newslib-toc">(.*?)</nav>', html, re.S)
    assert nav, "no table of contents"
    links = re.findall(r'<a href="#([^"]+)">([^<]*)</a>', nav[1])
    texts = [text for _, text in links]
    for path in NOTEBOOKS:
        title = _title(path)
        assert title in texts, f"{title!r} missing from the contents"
    # Every link of the contents lands on its own element of the page, in page order.
    targets = [target for target, _ in links]
    assert len(set(targets)) == len(targets)
    positions = []
    for target in targets:
        match = re.search(rf'id="{re.escape(target)}"', html)
        assert match, f"no element with id {target!r}"
        positions.append(match.start())
    assert positions == sorted(positions)
    # Sections as well as notebooks: more entries than notebooks.
    assert len(links) > len(NOTEBOOKS)


def test_no_code_cells_by_default(report):
    _, _, html = report
    assert "figure_with_controls" not in html
    assert "nb.prepare" not in html and 'class="jp-CodeMirrorEditor' not in html


def test_untrusted_article_text_is_escaped(report):
    _, _, html = report
    assert "&lt;script&gt;alert(" in html
    assert "<script>alert('x')" not in html
    assert "<b>city</b>" not in html and "<img src=x" not in html


def test_progress_is_printed_while_executing(tmp_path, capsys):
    one = tmp_path / "nbs"
    one.mkdir()
    shutil.copy(NOTEBOOKS[0], one)
    build_report(ROOT / "seeds", tmp_path / "r.html", notebooks=one, files=False)
    err = capsys.readouterr().err
    assert f"executing 1/1: {NOTEBOOKS[0].stem}" in err
    assert "wrote" in err
    # files=False: the HTML alone, without links to a folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nbs", "r.html"]
    assert 'class="newslib-files"' not in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_include_code_shows_the_code(tmp_path):
    out = build_report(
        ROOT / "seeds",
        tmp_path / "code.html",
        notebooks=[NOTEBOOKS[0]],
        include_code=True,
        progress=False,
    )
    html = out.read_text(encoding="utf-8")
    assert '<span class="n">prepare</span>' in html and 'class="jp-CodeMirrorEditor' in html
    # the widget cells stay out of a static file, code or not
    assert "figure_with_controls" not in html
    assert not re.search(r"<script", html, re.IGNORECASE)


def test_cli_writes_the_same_report_as_the_function(tmp_path, capsys):
    # Also a determinism check: two runs on the same input give the same bytes, HTML and files.
    first = build_report(
        ROOT / "seeds", tmp_path / "a" / "report.html", notebooks=[NOTEBOOKS[0]], progress=False
    )
    folder = tmp_path / "nbs"
    folder.mkdir()
    shutil.copy(NOTEBOOKS[0], folder)
    second = tmp_path / "b" / "report.html"
    code = main(
        ["report", str(ROOT / "seeds"), "-o", str(second), "--notebooks", str(folder), "--quiet"]
    )
    assert code == 0
    assert capsys.readouterr().out.strip() == str(second)
    assert first.read_bytes() == second.read_bytes()
    files = {p.name: p.read_bytes() for p in (tmp_path / "a" / "report_files").iterdir()}
    again = {p.name: p.read_bytes() for p in (tmp_path / "b" / "report_files").iterdir()}
    assert files and files == again


def test_missing_corpus_is_a_one_line_error(tmp_path, capsys):
    code = main(["report", str(tmp_path / "nope"), "-o", str(tmp_path / "r.html")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "corpus not found" in err
    assert not (tmp_path / "r.html").exists()


def test_missing_notebooks_folder_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="no .ipynb notebooks"):
        build_report(ROOT / "seeds", tmp_path / "r.html", notebooks=tmp_path)


def test_failing_notebook_names_itself(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    broken = new_notebook(
        cells=[
            new_code_cell('CORPUS = "../seeds"\nLOAD = {}', metadata={"tags": ["parameters"]}),
            new_code_cell('raise ValueError("deliberately broken")'),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    path = tmp_path / "99_broken.ipynb"
    nbformat.write(broken, path)
    with pytest.raises(ReportError, match=r"99_broken.*deliberately broken"):
        build_report(ROOT / "seeds", tmp_path / "r.html", notebooks=[path], progress=False)
    assert not (tmp_path / "r.html").exists()


def test_a_corpus_without_articles_runs_no_notebook(tmp_path):
    # The corpus is loaded once before any notebook starts: no kernel for an empty folder.
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ValueError, match=r"no articles in .*empty: no files found"):
        build_report(empty, tmp_path / "r.html", notebooks=[NOTEBOOKS[0]], progress=False)
    assert not (tmp_path / "r.html").exists()


# --------------------------------------------------------------------------------------------
# Tables (newslib.notebook.html_table) as the report and JupyterLab show them


def _cells(html: str, tag: str) -> list[tuple[str, str]]:
    """(style, text) of every ``<th>`` or ``<td>``."""
    return re.findall(rf'<{tag} style="([^"]*)">(.*?)</{tag}>', html)


def test_tables_read_as_a_reader_expects():
    import pandas as pd

    from newslib.notebook import html_table

    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-08 16:30", None]),
            "source": [None, ""],  # no value at all: the column is left out
            "title": ["A long headline", "<b>x</b>"],
            "n_words": [12345, 7],
            "flesch_kincaid_grade": [11.234, 9.0],
            "quote_share": [0.2143, float("nan")],
            "compound_mean": [0.0612, -0.25],
            "people": [3, 4],  # not a newslib column: a plain count
        }
    )
    table = html_table(frame)
    headers = [text for _, text in _cells(table.data, "th")]
    assert headers == [
        "Date",
        "Title",
        "Words",
        "Flesch–Kincaid grade",
        "Quoted",
        "Sentiment",
        "People",
    ]
    rows = _cells(table.data, "td")
    first = dict(zip(headers, rows[: len(headers)], strict=True))
    assert first["Date"][1] == "2024-01-08" and "white-space:nowrap" in first["Date"][0]
    assert first["Title"][0].startswith("text-align:left")
    assert [first[h][1] for h in headers[2:]] == ["12,345", "11.2", "21.4%", "+0.06", "3"]
    assert all(first[h][0].startswith("text-align:right") for h in headers[2:])
    assert rows[len(headers) + 5][1] == "−0.25" and rows[len(headers) + 4][1] == ""
    assert "&lt;b&gt;x&lt;/b&gt;" in table.data
    # Text that reads as numbers (a table of "25%" strings) is right-aligned too.
    shares = html_table(pd.DataFrame({"source": ["A"], "named people": ["25%"]}))
    assert [s.split(";")[0] for s, _ in _cells(shares.data, "td")] == [
        "text-align:left",
        "text-align:right",
    ]


def test_tables_carry_their_data_as_csv():
    import pandas as pd

    from newslib.notebook import html_table

    frame = pd.DataFrame({"quote_share": [0.21432], "title": ["=1+2"], "url": [None]})
    bundle = html_table(frame)._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/csv", "text/plain"}
    lines = bundle["text/csv"].splitlines()
    # Headers in words (a share says it is a fraction), values unrounded, formulas defused.
    assert lines == ["Quoted (0–1),Title", "0.21432,'=1+2"]
    # Callers' own formats still apply to the HTML.
    table = html_table(pd.DataFrame({"share": [0.255]}), formats={"share": "{:.0%}"})
    assert ">26%<" in table.data


def test_a_second_report_replaces_its_own_files_only(tmp_path):
    from newslib.report import _TakeAway, _write_take_away

    folder = tmp_path / "report_files"
    folder.mkdir()
    (folder / "00-overview-09-gone.png").write_bytes(b"old")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    _write_take_away(folder, [_TakeAway("00-overview-01-the-articles", {"csv": b"a\n1\n"})])
    assert sorted(p.name for p in folder.iterdir()) == [
        "00-overview-01-the-articles.csv",
        "notes.txt",
    ]
