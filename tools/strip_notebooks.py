"""Strip outputs, execution counts and volatile metadata from Jupyter notebooks.

Committed notebooks carry no outputs: diffs stay readable, the repository stays small, and no
article text from someone's local corpus leaks into git.

Usage:
    python tools/strip_notebooks.py [PATH ...]          # rewrite the notebooks in place
    python tools/strip_notebooks.py --check [PATH ...]  # exit 1 listing notebooks to strip

PATH is a notebook or a folder (searched recursively, checkpoints skipped); the default is
``notebooks/`` next to this folder. Cell tags (e.g. papermill's ``parameters``) and cell ids
are kept; the kernelspec and language name are kept, the rest of ``language_info`` and
run-time metadata (papermill, widgets, execution timings) is dropped.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Notebook-level metadata worth keeping: which kernel to start. Everything else (papermill
# parameters and timings, widget state, the Python version in language_info) changes per run.
_KEEP_NB_METADATA = ("kernelspec",)
# Cell metadata worth keeping: tags mark the papermill parameters cell and the conclusion.
_KEEP_CELL_METADATA = ("tags",)


def strip(nb: dict) -> dict:
    """Return a copy of a notebook (as parsed JSON) without outputs and volatile metadata.

    Example:
        >>> cell = {"cell_type": "code", "id": "a", "source": "1", "execution_count": 3,
        ...         "outputs": [{"output_type": "execute_result"}],
        ...         "metadata": {"tags": ["parameters"], "execution": {"x": 1}}}
        >>> out = strip({"cells": [cell], "metadata": {"papermill": {}}, "nbformat": 4,
        ...              "nbformat_minor": 5})
        >>> out["cells"][0]["outputs"], out["cells"][0]["execution_count"], out["metadata"]
        ([], None, {})
        >>> out["cells"][0]["metadata"]
        {'tags': ['parameters']}
    """
    out = dict(nb)
    metadata = {k: v for k, v in nb.get("metadata", {}).items() if k in _KEEP_NB_METADATA}
    language = nb.get("metadata", {}).get("language_info", {}).get("name")
    if language:
        metadata["language_info"] = {"name": language}
    out["metadata"] = metadata
    cells = []
    for cell in nb.get("cells", []):
        cell = dict(cell)
        meta = {k: v for k, v in cell.get("metadata", {}).items() if k in _KEEP_CELL_METADATA}
        cell["metadata"] = {k: v for k, v in meta.items() if v}
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cells.append(cell)
    out["cells"] = cells
    return out


def problems(nb: dict) -> list[str]:
    """What ``strip`` would remove, in words (empty when the notebook is clean).

    Example:
        >>> problems({"cells": [{"cell_type": "code", "outputs": [], "execution_count": 2,
        ...           "metadata": {}}], "metadata": {}})
        ['1 execution count']
    """
    outputs = sum(
        1 for c in nb.get("cells", []) if c.get("cell_type") == "code" and c.get("outputs")
    )
    counts = sum(
        1
        for c in nb.get("cells", [])
        if c.get("cell_type") == "code" and c.get("execution_count") is not None
    )
    found = []
    if outputs:
        found.append(f"{outputs} cell{'s' if outputs != 1 else ''} with outputs")
    if counts:
        found.append(f"{counts} execution count{'s' if counts != 1 else ''}")
    stripped = strip(nb)
    if not found and stripped != nb:
        found.append("volatile metadata")
    return found


def _render(nb: dict) -> str:
    # The layout Jupyter itself writes (nbformat: indent 1, keys sorted, trailing newline),
    # so saving from JupyterLab after stripping gives no spurious diff.
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def notebooks(paths: list[str]) -> list[Path]:
    """The ``.ipynb`` files named by ``paths`` (folders searched recursively), sorted."""
    found: set[Path] = set()
    for name in paths or [str(ROOT / "notebooks")]:
        path = Path(name)
        if path.is_dir():
            found.update(p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
        elif path.suffix == ".ipynb" and path.is_file():
            found.add(path)
        else:
            raise FileNotFoundError(f"{name}: not a notebook or a folder")
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", metavar="PATH", help="notebooks or folders")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a notebook needs stripping"
    )
    args = parser.parse_args(argv)
    try:
        files = notebooks(args.paths)
    except FileNotFoundError as error:
        print(f"strip_notebooks: error: {error}", file=sys.stderr)
        return 2
    dirty = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            nb = json.loads(text)
        except json.JSONDecodeError as error:
            print(f"strip_notebooks: error: {path}: not valid JSON ({error})", file=sys.stderr)
            return 2
        found = problems(nb)
        clean = _render(strip(nb))
        if args.check:
            if found:
                dirty += 1
                print(f"{path}: {', '.join(found)}")
        elif clean != text:
            path.write_text(clean, encoding="utf-8")
            print(f"stripped {path}")
    if args.check and dirty:
        print(
            f"{dirty} notebook{'s' if dirty != 1 else ''} to strip: "
            "run python tools/strip_notebooks.py",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
