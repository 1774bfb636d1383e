"""``newslib report``: the notebooks executed on a corpus, rendered into one safe HTML file."""

from __future__ import annotations

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


def test_writes_one_html_file(report):
    returned, out, html = report
    assert returned == out and out.is_file()
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]
    assert html.lstrip().lower().startswith("<!doctype html>")


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
    build_report(ROOT / "seeds", tmp_path / "r.html", notebooks=one)
    err = capsys.readouterr().err
    assert f"executing 1/1: {NOTEBOOKS[0].stem}" in err
    assert "wrote" in err


def test_include_code_shows_the_code(tmp_path):
    out = build_report(
        ROOT / "seeds",
        tmp_path / "code.html",
        notebooks=[NOTEBOOKS[0]],
        include_code=True,
        progress=False,
    )
    html = out.read_text(encoding="utf-8")
    assert "figure_with_controls" in html and 'class="jp-CodeMirrorEditor' in html
    assert not re.search(r"<script", html, re.IGNORECASE)


def test_cli_writes_the_same_report_as_the_function(tmp_path, capsys):
    # Also a determinism check: two runs on the same input give the same bytes.
    first = build_report(
        ROOT / "seeds", tmp_path / "a.html", notebooks=[NOTEBOOKS[0]], progress=False
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
