"""Shared fixtures. Fixture articles are written by the tests themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_0ed1607056b3d6d0.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path (str -> UTF-8, bytes as given) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def ax():
    """A fresh matplotlib Axes, closed after the test (plot tests set the Agg backend)."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots()
    yield axes
    plt.close(fig)


@pytest.fixture
def reads(monkeypatch):
    """Record the names of the input files the loader reads (newslib.io._read_file)."""
    import importlib

    io = importlib.import_module("newslib.io")
    seen = []
    real = io._read_file

    def spy(path, *args, **kwargs):
        seen.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(io, "_read_file", spy)
    return seen
