"""The notebooks in JupyterLab, in a real browser.

Starts JupyterLab from this environment on 127.0.0.1 (free port, random token) over a temporary
copy of ``notebooks/`` and ``seeds/`` (so ``CORPUS = "../seeds"`` resolves and the repository's
notebooks are never written), opens every ``notebooks/*.ipynb`` in headless Chromium through
Playwright, runs all cells from the Run menu, waits until the kernel is idle and every code cell
has an execution count, and fails on any error output. A full-page screenshot of each notebook is
saved under the test's temporary directory.

The server starts with the flags of the Makefile's ``lab`` target (``--allow-root``, the settings
overrides in ``tools/lab``), and every page is checked for JupyterLab's "official Jupyter news"
pop-up, which those overrides turn off, and for slider readouts whose text is cut. The article
picker is driven like a reader would: type, click, and see the caption and figure change.

Chromium is Debian's package (``/usr/bin/chromium``, or ``NEWSLIB_CHROMIUM``); Playwright's own
browser download is not used. The test skips, saying why, when Chromium or Playwright is missing;
``.ci/run`` installs Chromium so CI always runs it.

Set ``NEWSLIB_SCREENSHOT_DIR`` to also save one figure, as JupyterLab shows it, there as
``notebook.png`` (for the README): the first figure of a code cell whose source contains
``NEWSLIB_SCREENSHOT_MATCH`` (default ``sentiment_strip``) in notebook
``NEWSLIB_SCREENSHOT_NOTEBOOK`` (default ``03_sentiment``). Only the figure is captured, not
tables or markdown that quote the article. For example:

    NEWSLIB_SCREENSHOT_DIR=docs/img .venv/bin/python -m pytest -q tests/test_lab_browser.py -k 03
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser import CHROMIUM, skip_reason, sync_playwright
from fixtures_corpus import write_fixture_corpus
from test_widgets import lab_command

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}

# Every wait is bounded; together they keep five notebooks well under five minutes.
SERVER_START_S = 60
PAGE_LOAD_S = 60
KERNEL_READY_S = 60
RUN_ALL_S = 150
SHUTDOWN_S = 20

# What JupyterLab 4 renders: an error output (output_type "error") is shown as a stderr-typed
# output whose text holds the traceback; a widget that cannot render shows this message instead.
STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
ERROR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'
WIDGET_ERROR_TEXT = "Error displaying widget"
IMAGE_OUTPUT = '.jp-OutputArea-output[data-mime-type="image/png"]'

try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover - the dev extra installs it
    expect = None

# JupyterLab's first-run question, which `make lab` turns off (fetchNews "false").
NEWS_POPUP_TEXT = "official Jupyter news"


pytestmark = pytest.mark.skipif(skip_reason() is not None, reason=str(skip_reason()))


# --------------------------------------------------------------------------------------------
# The server


@dataclass
class Lab:
    url: str
    token: str
    root: Path  # the server's root_dir: a temporary copy of notebooks/, with seeds/ beside it
    log: Path

    def api(self, method: str, path: str, timeout: float = 10) -> object:
        request = urllib.request.Request(
            f"{self.url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
            data=b"" if method == "POST" else None,
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def notebook_url(self, name: str) -> str:
        # `reset` starts from an empty workspace, so notebooks opened earlier are not reopened.
        return f"{self.url}/lab/tree/{name}?reset&token={self.token}"

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def _stop(proc: subprocess.Popen, lab: Lab) -> None:
    """Shut the server down through its API (which also stops kernels), then by signal."""
    if proc.poll() is None:
        try:
            lab.api("POST", "/api/shutdown", timeout=5)
        except (OSError, urllib.error.URLError):
            pass
        try:
            proc.wait(timeout=SHUTDOWN_S)
        except subprocess.TimeoutExpired:
            pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=SHUTDOWN_S / 2)
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server over a temporary copy of notebooks/ and seeds/."""
    base = tmp_path_factory.mktemp("lab")
    work = base / "work"
    (work / "notebooks").mkdir(parents=True)
    for nb in NOTEBOOKS:
        shutil.copy2(nb, work / "notebooks" / nb.name)
    shutil.copytree(ROOT / "seeds", work / "seeds")
    # The same notebooks on the multi-source fixture corpus, as "<stem>__fixture.ipynb".
    write_fixture_corpus(work / "fixture")
    for nb in NOTEBOOKS:
        _write_json(work / "notebooks" / f"{nb.stem}__fixture.ipynb", _on_corpus(nb, "../fixture"))

    # Private config/data/runtime dirs: nothing is written into the user's ~/.jupyter, and a
    # user's own settings cannot change what the test sees. Kernel specs still come from this
    # environment's share/jupyter, which these variables do not hide.
    config = base / "config"
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(config),
        JUPYTER_DATA_DIR=str(base / "data"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        JUPYTER_PLATFORM_DIRS="1",
        PYTHONUNBUFFERED="1",
        IPYTHONDIR=str(base / "ipython"),
    )
    env.pop("JUPYTER_TOKEN", None)
    # Run All sends every cell at once and the kernel aborts the ones queued behind an error;
    # on a loaded machine a cell can arrive just after the error and run anyway. A window of
    # a window makes "an error stops the run" hold however slow the browser is (5 s was too
    # short once on a slow machine: the last cell of three arrived later and ran).
    kernel_config = base / "ipython" / "profile_default" / "ipython_kernel_config.py"
    kernel_config.parent.mkdir(parents=True)
    kernel_config.write_text("c.Kernel.stop_on_error_timeout = 30.0\n", encoding="utf-8")
    settings = config / "lab" / "user-settings" / "@jupyterlab"
    # No user setting for news or update checks: the flags `make lab` starts JupyterLab with
    # (its settings overrides) must keep them off, and the news pop-up away.
    # Keep every cell attached to the DOM so the checks and the full-page screenshot see all.
    _write_json(
        settings / "notebook-extension" / "tracker.jupyterlab-settings",
        {"windowingMode": "none"},
    )

    token = secrets.token_hex(16)
    port = _free_port()
    log = base / "server.log"
    bin_dir = Path(sys.executable).parent
    cmd = [
        str(bin_dir / "jupyter"),
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work / 'notebooks'}",
        # The Makefile's own flags (--allow-root, the settings overrides, no news or update
        # check), so this test checks what `make lab` runs; the test sets the notebook folder.
        *[a for a in lab_command()[2:] if not a.startswith("--notebook-dir")],
    ]
    with log.open("wb") as log_file:
        proc = subprocess.Popen(
            cmd,
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so it can be killed as a whole
        )
    server = Lab(url=f"http://127.0.0.1:{port}", token=token, root=work / "notebooks", log=log)
    try:
        deadline = time.monotonic() + SERVER_START_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited with {proc.returncode}:\n{server.log_tail()}")
            try:
                server.api("GET", "/api/status", timeout=2)
                break
            except (OSError, urllib.error.URLError):
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer in {SERVER_START_S} s")
                time.sleep(0.25)
        yield server
    finally:
        _stop(proc, server)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, timeout=60_000
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        yield page
    finally:
        context.close()


# --------------------------------------------------------------------------------------------
# Driving JupyterLab

# State of the open notebook, read in the page: prompts of code cells with source, the kernel
# indicator, and the error outputs.
_STATE_JS = """
([stderrSel, errorSel, widgetError]) => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return null;
  const prompts = [];
  for (const cell of panel.querySelectorAll('.jp-CodeCell')) {
    const source = cell.querySelector('.jp-InputArea-editor .cm-content');
    if (source && source.textContent.trim() === '') continue;  // empty cells are not run
    const prompt = cell.querySelector('.jp-InputArea-prompt');
    prompts.push(prompt ? prompt.textContent.trim() : '');
  }
  const errors = [];
  // A traceback header, or a line opening with an exception name (SyntaxError has no header).
  const looksLikeError = /Traceback \\(most recent call last\\)|^\\s*\\w*(Error|Exception)\\b/m;
  for (const out of panel.querySelectorAll(stderrSel)) {
    if (looksLikeError.test(out.textContent)) errors.push(out.textContent);
  }
  for (const out of panel.querySelectorAll(errorSel)) errors.push(out.textContent);
  for (const out of panel.querySelectorAll('.jp-OutputArea-output')) {
    if (out.textContent.includes(widgetError)) errors.push(out.textContent);
  }
  const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const kernelName = panel.querySelector('.jp-Toolbar-kernelName');
  return {
    prompts,
    errors,
    status: indicator ? indicator.getAttribute('data-status') : null,
    kernel: kernelName ? kernelName.textContent.trim() : null,
  };
}
"""


# Slider readouts (e.g. "2024-01 – 2024-04") whose text does not fit: wider than their own
# box, or their box not inside the slider widget or its output area.
_CUT_READOUTS_JS = """
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return {found: 0, cut: []};
  const within = (a, b) =>
    a.left >= b.left - 0.5 && a.right <= b.right + 0.5 &&
    a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
  const cut = [];
  for (const readout of panel.querySelectorAll('.widget-readout')) {
    if (readout.offsetParent === null) continue;  // a readout the widget hides
    const box = readout.getBoundingClientRect();
    const widget = readout.closest('.widget-slider') || readout.parentElement;
    const output = readout.closest('.jp-OutputArea-output') || widget;
    const fits = readout.scrollWidth <= readout.clientWidth + 1;
    if (!fits || !within(box, widget.getBoundingClientRect())
        || !within(box, output.getBoundingClientRect())) {
      cut.push({
        text: readout.textContent,
        scrollWidth: readout.scrollWidth,
        clientWidth: readout.clientWidth,
        readout: [box.left, box.right],
        widget: [widget.getBoundingClientRect().left, widget.getBoundingClientRect().right],
      });
    }
  }
  return {found: panel.querySelectorAll('.widget-readout').length, cut};
}
"""


def _state(page) -> dict | None:
    return page.evaluate(_STATE_JS, [STDERR_OUTPUT, ERROR_OUTPUT, WIDGET_ERROR_TEXT])


def _menu(page, menu: str, command: str) -> None:
    """Click a main-menu entry by its command id (stable across themes and translations)."""
    page.keyboard.press("Escape")  # close any open menu
    page.locator("#jp-MainMenu .lm-MenuBar-item", has_text=re.compile(rf"^{menu}$")).click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').first.click()


def _accept_dialogs(page) -> None:
    """Accept a dialog if one is open (e.g. 'Select Kernel' for a notebook without kernelspec)."""
    accept = page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept")
    if accept.count():
        accept.first.click()


def _wait(page, predicate, timeout: float, what: str, *, fail: bool = True) -> dict | None:
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        _accept_dialogs(page)
        state = _state(page)
        if state is not None and predicate(state):
            return state
        page.wait_for_timeout(250)
    if not fail:
        return None
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}; last state: {state}")


def _kernel_state(lab: Lab, name: str) -> str | None:
    """The server's view of the kernel behind the notebook ``name``: "starting", "idle", ..."""
    for session in lab.api("GET", "/api/sessions"):
        if session.get("path") == name and session.get("kernel"):
            return session["kernel"].get("execution_state")
    return None


_NOTEBOOK_SCROLLER = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"


def _full_screenshot(page, path: Path) -> None:
    """JupyterLab scrolls inside the notebook, so grow the viewport to show every cell."""
    # The cells' own height: the scroller's scrollHeight also counts the padding that lets the
    # last cell scroll to the top, which would grow with the viewport.
    cells_height = page.evaluate(
        """(sel) => {
          const outer = document.querySelector(sel);
          if (!outer) return 0;
          const cells = outer.querySelector('.jp-WindowedPanel-viewport') || outer;
          return cells.getBoundingClientRect().height - outer.clientHeight;
        }""",
        _NOTEBOOK_SCROLLER,
    )
    extra = max(0, min(int(cells_height) + 40, 20_000))
    page.set_viewport_size({"width": VIEWPORT["width"], "height": VIEWPORT["height"] + extra})
    page.evaluate(
        "(sel) => { const o = document.querySelector(sel); if (o) o.scrollTop = 0; }",
        _NOTEBOOK_SCROLLER,
    )
    page.wait_for_timeout(300)  # let the layout settle at the new size
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(VIEWPORT)


def _save_figure(page, directory: Path, match: str) -> Path | None:
    """Save the first figure of a code cell whose source contains ``match`` as notebook.png."""
    cell = page.locator(
        ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell", has_text=match
    ).filter(has=page.locator(IMAGE_OUTPUT))
    if not cell.count():
        return None
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / "notebook.png"
    cell.first.locator(IMAGE_OUTPUT).first.screenshot(path=str(target))
    _shrink_png(target, max_bytes=300_000)
    return target


def _shrink_png(path: Path, *, max_bytes: int) -> None:
    """Quantize to a palette (screenshots have few colours) when the PNG is too large."""
    if path.stat().st_size <= max_bytes:
        return
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def run_in_lab(lab: Lab, page, name: str, screenshot: Path) -> dict:
    """Open ``name`` (relative to the server root) in JupyterLab, run all cells, wait, report.

    Returns the final state: ``prompts`` (one per non-empty code cell), ``errors`` (texts of
    error outputs), ``status`` (kernel indicator) and ``kernel`` (kernel display name).
    """
    page.goto(lab.notebook_url(name), timeout=PAGE_LOAD_S * 1000)
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").wait_for(
        timeout=PAGE_LOAD_S * 1000
    )
    # Before the kernel exists the indicator already reads "idle" (with "No Kernel"), then
    # "initializing"/"unknown": wait for the server's session and a connected, idle kernel.
    _wait(
        page,
        lambda s: (
            s["status"] == "idle"
            and s["kernel"] not in (None, "", "No Kernel")
            and _kernel_state(lab, name) == "idle"
        ),
        KERNEL_READY_S,
        "the kernel to start and be idle",
    )
    _menu(page, "Run", "runmenu:run-all")
    # A run that never starts would otherwise look like a hang: retry the menu once.
    started = _wait(
        page,
        lambda s: s["status"] != "idle" or any(p != "[ ]:" for p in s["prompts"]),
        10,
        "the run to start",
        fail=False,
    )
    if started is None:
        _menu(page, "Run", "runmenu:run-all")
    # Running: a cell shows [*] while it runs or waits. Done: nothing shows [*] and the kernel is
    # idle, and either every cell has a count or an error stopped the run.
    state = _wait(
        page,
        lambda s: (
            s["status"] == "idle"
            and not any("*" in p for p in s["prompts"])
            and (s["errors"] or all(re.fullmatch(r"\[\d+\]:", p) for p in s["prompts"]))
        ),
        RUN_ALL_S,
        f"{name} to finish running",
    )
    # Settled: still idle a moment later (a widget callback or a display update may follow).
    page.wait_for_timeout(500)
    state = _wait(page, lambda s: s["status"] == "idle", KERNEL_READY_S, "the kernel to settle")
    state["news_popups"] = page.get_by_text(NEWS_POPUP_TEXT).count()
    readouts = page.evaluate(_CUT_READOUTS_JS)  # at the ordinary window size
    state["readouts"], state["cut_readouts"] = readouts["found"], readouts["cut"]
    _full_screenshot(page, screenshot)
    state["saved_errors"] = _save_and_read_errors(page, lab.root / name)
    return state


def _save_and_read_errors(page, path: Path) -> list[str]:
    """Save from the File menu and read the error outputs back from the (temporary) file.

    The file is the exact record: an output of type "error", whatever its text looks like.
    """
    before = path.stat().st_mtime_ns
    _menu(page, "File", "docmanager:save")
    deadline = time.monotonic() + 30
    while path.stat().st_mtime_ns == before:
        if time.monotonic() > deadline:
            pytest.fail(f"JupyterLab did not save {path.name} within 30 s")
        time.sleep(0.1)
    time.sleep(0.2)  # the server writes the file in one go, but give the rename a moment
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [
        f"{out.get('ename')}: {out.get('evalue')}"
        for cell in cells
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]


def _shutdown_kernels(lab: Lab) -> None:
    # One kernel per notebook is enough; free the CPU for the next one.
    for session in lab.api("GET", "/api/sessions"):
        lab.api("DELETE", f"/api/sessions/{session['id']}")


# --------------------------------------------------------------------------------------------
# Tests


def _tiny_notebook(path: Path, sources: list[str]) -> None:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_markdown_cell("# A tiny notebook written by the test")]
    nb.cells += [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(nb, path)


def test_harness_sees_a_clean_run(lab, page, tmp_path):
    """A notebook that runs clean: every cell counted, no error, stderr text is not an error."""
    _tiny_notebook(
        lab.root / "_tiny_clean.ipynb",
        [
            "import sys\nprint('to stderr, but not an error', file=sys.stderr)",
            "import newslib\nx = 6 * 7",
            "",
            "assert x == 42\nx",
        ],
    )
    state = run_in_lab(lab, page, "_tiny_clean.ipynb", tmp_path / "tiny_clean.png")
    _shutdown_kernels(lab)
    assert state["kernel"] == "Python 3 (ipykernel)"
    assert state["news_popups"] == 0, "JupyterLab asks about Jupyter news: fetchNews is not off"
    assert state["prompts"] == ["[1]:", "[2]:", "[3]:"]  # the empty cell is not run
    assert state["errors"] == [] and state["saved_errors"] == []
    assert (tmp_path / "tiny_clean.png").stat().st_size > 0


@pytest.mark.parametrize(
    ("source", "ename", "evalue"),
    [
        ("raise ValueError('deliberate failure for the test')", "ValueError", "deliberate"),
        # A SyntaxError's traceback has no "Traceback (most recent call last)" header.
        ("x = = 1", "SyntaxError", "invalid syntax"),
    ],
    ids=["raise", "syntax"],
)
def test_harness_sees_an_error(lab, page, tmp_path, source, ename, evalue):
    """The error check can fail: a failing cell is reported and stops the run there."""
    name = f"_tiny_{ename}.ipynb"
    _tiny_notebook(lab.root / name, ["y = 1", source, "z = 3"])
    state = run_in_lab(lab, page, name, tmp_path / "tiny_error.png")
    _shutdown_kernels(lab)
    assert len(state["errors"]) == 1, state["errors"]
    assert ename in state["errors"][0] and evalue in state["errors"][0]
    assert len(state["saved_errors"]) == 1
    assert state["saved_errors"][0].startswith(f"{ename}: ")
    assert evalue in state["saved_errors"][0]
    assert state["prompts"][0] == "[1]:"
    if ename != "SyntaxError":
        # A SyntaxError fails before anything runs, and ipykernel can then take the cell queued
        # behind it before its abort starts, whatever stop_on_error_timeout says (seen once in a
        # fresh-clone CI, 2026-12-02): whether Run All stops there is the kernel's race, not
        # the harness's; that the error is seen and saved is asserted above.
        assert state["prompts"][2] == "[ ]:"  # never reached


def _on_corpus(notebook: Path, corpus: str) -> dict:
    """The notebook's JSON with its parameters cell pointing CORPUS at ``corpus``."""
    content = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in content["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"])
            assert 'CORPUS = "../seeds"' in source, f"{notebook.name}: no CORPUS parameter"
            cell["source"] = source.replace('CORPUS = "../seeds"', f"CORPUS = {corpus!r}")
            return content
    raise AssertionError(f"{notebook.name} has no parameters cell")


@pytest.mark.skipif(not NOTEBOOKS, reason="no notebooks/*.ipynb yet")
@pytest.mark.parametrize("corpus", ["seeds", "fixture"])
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_notebook_runs_clean_in_jupyterlab(lab, page, tmp_path, notebook, corpus):
    before = hashlib.sha256(notebook.read_bytes()).hexdigest()
    screenshot = tmp_path / f"{notebook.stem}-{corpus}.png"
    name = notebook.name if corpus == "seeds" else f"{notebook.stem}__fixture.ipynb"
    state = run_in_lab(lab, page, name, screenshot)

    errors = "\n\n".join(state["errors"])
    assert not state["errors"], f"{notebook.name} shows error output in JupyterLab:\n{errors}"
    assert not state["saved_errors"], f"{notebook.name} saved errors: {state['saved_errors']}"
    assert state["prompts"], f"{notebook.name} has no code cells"
    not_run = [i for i, p in enumerate(state["prompts"]) if not re.fullmatch(r"\[\d+\]:", p)]
    assert not not_run, f"code cells {not_run} of {notebook.name} did not run: {state['prompts']}"
    assert state["kernel"] == "Python 3 (ipykernel)"
    assert state["news_popups"] == 0, "JupyterLab asks about Jupyter news: fetchNews is not off"
    assert not state["cut_readouts"], (
        f"{notebook.name}: slider readout cut: {state['cut_readouts']}"
    )
    if (notebook.stem, corpus) == ("04_timeline", "fixture"):  # four months: a month slider
        assert state["readouts"] >= 1, "the timeline explorer shows no month range"
    assert screenshot.stat().st_size > 0

    shots = os.environ.get("NEWSLIB_SCREENSHOT_DIR")
    wanted = os.environ.get("NEWSLIB_SCREENSHOT_NOTEBOOK", "03_sentiment")
    match = os.environ.get("NEWSLIB_SCREENSHOT_MATCH", "sentiment_strip")
    if shots and notebook.stem == wanted and corpus == "seeds":
        saved = _save_figure(page, Path(shots), match)
        assert saved is not None, f"{notebook.name} shows no figure in a cell using {match!r}"

    _shutdown_kernels(lab)
    # The server worked on a copy; the repository's notebook is untouched.
    assert hashlib.sha256(notebook.read_bytes()).hexdigest() == before


def test_article_picker_and_caption_in_jupyterlab(lab, page, tmp_path):
    """Type in the picker, click an article: the caption names it and the figure is redrawn;
    a title with HTML shows as its characters, in the list and in the caption."""
    name = "03_sentiment__fixture.ipynb"
    state = run_in_lab(lab, page, name, tmp_path / "03-picker.png")
    assert not state["errors"], state["errors"]
    cell = page.locator(
        ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell", has_text="article_picker"
    )
    search = cell.locator(".widget-text input")
    listbox = cell.locator(".widget-select select")
    caption = cell.locator(".newslib-caption")
    figure = cell.locator(f"{IMAGE_OUTPUT} img")
    before = figure.get_attribute("src")

    search.fill("festival harbour")
    expect(listbox.locator("option")).to_have_count(1)
    listbox.select_option(index=0)
    expect(caption).to_contain_text("Harbour Gazette · Harbour festival draws record crowds")
    expect(figure).not_to_have_attribute("src", before)
    cell.screenshot(path=str(tmp_path / "03-picker-cell.png"))

    search.fill("HACKERS")
    option = listbox.locator("option")
    expect(option).to_have_count(1)
    expect(option).to_contain_text("Hackers")  # the list has followed the new query
    shown = option.text_content().replace("\xa0", " ")  # ipywidgets keeps spaces as &nbsp;
    assert "Hackers post <script>alert('x')</script> on <b>city</b> website" in shown
    listbox.select_option(index=0)
    expect(caption).to_contain_text("<script>alert('x')</script>")
    # Text, never markup: no script element, and only the caption's own bold "Showing:".
    assert cell.locator(".widget-select script, .newslib-caption script").count() == 0
    assert caption.locator("b").count() == 1
    _shutdown_kernels(lab)
