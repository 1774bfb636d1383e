"""What a reader sees in the HTML report, in a real browser.

Two reports are built: one of the 15-article fixture corpus (three sources, four months) and
one of a generated corpus (seven sources over fourteen months, the first and the last month
only partly covered, ``fixtures_corpus.write_generated_corpus``). Each is opened in headless
Chromium through Playwright, and the checks are about what a journalist would notice: a raw
column name (``flesch_kincaid_grade``) in a figure or a table header, the same figure twice, a
figure without a title or an unlabelled value axis, a partial first or last month drawn like a
full one, a date broken over two lines in a table.

The figures are read from the report's take-away folder: each figure's SVG keeps its words as
``<text>``, grouped as matplotlib draws them (``axes_N`` > ``matplotlib.axis_N`` > the axis
label, ``text_N`` directly under an axes or the figure: titles and annotations, ``legend_N``).

A full-page screenshot of each report is saved as ``tests/artifacts/report-<corpus>.png``
(git-ignored) and its path printed (``pytest -s`` shows it). Chromium is Debian's package
(``/usr/bin/chromium``, or ``NEWSLIB_CHROMIUM``); the test skips, saying why, without
Chromium or Playwright, as ``tests/test_lab_browser.py`` does.
"""

from __future__ import annotations

import base64
import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from browser import CHROMIUM, skip_reason, sync_playwright
from fixtures_corpus import write_fixture_corpus, write_generated_corpus

from newslib.labels import LABELS
from newslib.report import build_report

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SVG = "{http://www.w3.org/2000/svg}"

#: Column names a reader must never see: every newslib column whose name is not a word.
RAW_NAMES = sorted((name for name in LABELS if "_" in name), key=len, reverse=True)
_RAW = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, RAW_NAMES)) + r")(?![\w])")


pytestmark = pytest.mark.skipif(skip_reason() is not None, reason=str(skip_reason()))

CORPORA = {"fixture": write_fixture_corpus, "generated": write_generated_corpus}


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Each corpus's report: the HTML path, its take-away folder, and what the browser read."""
    built = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            for name, write in CORPORA.items():
                tmp = tmp_path_factory.mktemp(name)
                out = build_report(write(tmp / "corpus"), tmp / "report.html", progress=False)
                page = browser.new_page(viewport={"width": 1100, "height": 1400})
                page.goto(out.as_uri())
                ARTIFACTS.mkdir(exist_ok=True)
                shot = ARTIFACTS / f"report-{name}.png"
                page.screenshot(path=str(shot), full_page=True)
                print(f"\nscreenshot of the {name} report: {shot}")
                built[name] = {
                    "html": out.read_text(encoding="utf-8"),
                    "files": out.parent / "report_files",
                    "headers": page.eval_on_selector_all(
                        "table th", "cells => cells.map(c => c.innerText.trim())"
                    ),
                    # Line boxes of each table cell's text that is a date alone.
                    "date_lines": page.evaluate(_DATE_LINES_JS),
                    "images": page.eval_on_selector_all(
                        "img", "imgs => imgs.map(i => [i.naturalWidth, i.complete])"
                    ),
                }
                page.close()
        finally:
            browser.close()
    return built


_DATE_LINES_JS = """() => {
  const out = [];
  for (const cell of document.querySelectorAll('table td')) {
    const text = cell.innerText.trim();
    if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(text)) continue;
    const range = document.createRange();
    range.selectNodeContents(cell);
    const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    out.push([text, tops.size]);
  }
  return out;
}"""


# --------------------------------------------------------------------------------------------
# Reading a figure's SVG


def _text(group: ET.Element) -> str:
    return " ".join(
        "".join(t.itertext()).strip() for t in group.iter(f"{SVG}text") if "".join(t.itertext())
    )


def _children(group: ET.Element, prefix: str) -> list[ET.Element]:
    """Direct child groups whose id starts with ``prefix`` (e.g. ``text_``)."""
    return [c for c in group if c.tag == f"{SVG}g" and (c.get("id") or "").startswith(prefix)]


def _groups(root: ET.Element, prefix: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith(prefix)]


def _is_number(text: str) -> bool:
    plain = re.sub(r"[%,\s+−\-]", "", text)
    return bool(plain) and re.fullmatch(r"\d*\.?\d+", plain) is not None


def _figures(report: dict) -> dict[str, ET.Element]:
    return {p.name: ET.parse(p).getroot() for p in sorted(report["files"].glob("*.svg"))}


def _axes_problems(name: str, root: ET.Element) -> list[str]:
    """A figure's missing title and unlabelled value axes, in words."""
    problems = []
    figure = _groups(root, "figure_")[0]
    # figure-level text: a suptitle, or labels shared by small multiples (supxlabel, ...)
    shared = [_text(g) for g in _children(figure, "text_")]
    axes = [a for a in _children(figure, "axes_") if _groups(a, "matplotlib.axis_")]
    titles = shared + [_text(g) for a in axes for g in _children(a, "text_")]
    if not any(re.search(r"[A-Za-z]{3}", t) for t in titles):
        problems.append(f"{name}: no title")
    for a in axes:
        for axis in _children(a, "matplotlib.axis_"):
            ticks = [_text(t) for t in _groups(axis, "xtick_") + _groups(axis, "ytick_")]
            ticks = [t for t in ticks if t]
            labelled = any(_text(g) for g in _children(axis, "text_"))
            if ticks and all(map(_is_number, ticks)) and not labelled and len(shared) < 2:
                problems.append(f"{name}: a value axis without a label (ticks {ticks[:3]})")
    return problems


def _is_time_figure(root: ET.Element) -> bool:
    """An x axis of dates: month names or years as tick labels."""
    for axis in _groups(root, "matplotlib.axis_"):
        ticks = " ".join(_text(t) for t in _groups(axis, "xtick_"))
        if re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\b20\d\d\b", ticks):
            return True
    return False


# --------------------------------------------------------------------------------------------
# The checks


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_figure_is_drawn_and_shown_once(reports, corpus):
    report = reports[corpus]
    assert report["images"] and all(w > 0 and done for w, done in report["images"])
    found = re.findall(r'src="data:image/png;base64,([^"]+)"', report["html"])
    digests = [hashlib.sha256(base64.b64decode(data)).hexdigest() for data in found]
    assert len(set(digests)) == len(digests), "a figure is repeated"
    # SVG copies are different drawings of different figures too
    svgs = [hashlib.sha256(p.read_bytes()).hexdigest() for p in report["files"].glob("*.svg")]
    assert len(svgs) == len(digests) == len(set(svgs))
    assert "Without a live kernel" not in report["html"]
    assert not re.search(r"<h[1-6][^>]*>\s*Explore", report["html"])


@pytest.mark.parametrize("corpus", CORPORA)
def test_no_raw_column_name_in_figures(reports, corpus):
    seen = []
    for name, root in _figures(reports[corpus]).items():
        words = " | ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
        seen += [f"{name}: {m}" for m in sorted(set(_RAW.findall(words)))]
    assert not seen, "raw column names in figures:\n" + "\n".join(seen)


@pytest.mark.parametrize("corpus", CORPORA)
def test_no_raw_column_name_in_table_headers(reports, corpus):
    headers = reports[corpus]["headers"]
    assert headers, "no table in the report"
    raw = [h for h in headers if _RAW.search(h) or re.fullmatch(r"[a-z]+(_[a-z]+)+", h)]
    assert not raw, f"raw column names as table headers: {raw}"


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_figure_has_a_title_and_labelled_axes(reports, corpus):
    problems = [
        p for name, root in _figures(reports[corpus]).items() for p in _axes_problems(name, root)
    ]
    assert not problems, "\n".join(problems)


def test_partial_periods_are_marked(reports):
    # The generated corpus starts on 20 January and ends on 9 February: both months partial.
    figures = _figures(reports["generated"])
    timelines = {n: root for n, root in figures.items() if _is_time_figure(root)}
    assert timelines, f"no time figure among {sorted(figures)}"
    unmarked = [
        name
        for name, root in timelines.items()
        if not any("partial" in _text(g).lower() for g in _groups(root, "legend_"))
    ]
    assert not unmarked, f"time figures without a legend entry for partial periods: {unmarked}"


@pytest.mark.parametrize("corpus", CORPORA)
def test_no_table_cell_wraps_a_date(reports, corpus):
    lines = reports[corpus]["date_lines"]
    assert lines, "no date in any table"
    wrapped = [text for text, count in lines if count != 1]
    assert not wrapped, f"dates broken over lines: {wrapped}"
