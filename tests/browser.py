"""What the browser tests share: where Chromium is, Playwright if installed, and why they skip."""

from __future__ import annotations

import os
from pathlib import Path

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the dev extra installs it
    sync_playwright = None

CHROMIUM = Path(os.environ.get("NEWSLIB_CHROMIUM", "/usr/bin/chromium"))


def skip_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if sync_playwright is None:
        return "Playwright is not installed (pip install -e '.[dev]')"
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return (
            f"Chromium not found at {CHROMIUM}: install Debian's package "
            "(sudo apt-get install -y chromium) or set NEWSLIB_CHROMIUM; .ci/run installs it"
        )
    return None
