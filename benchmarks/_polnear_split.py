"""The fixed dev / unseen split of the PolNeAR benchmark articles.

An article is *unseen* when ``sha256(name) % 5 == 0``, where ``name`` is the stem of its text
file (``publisher_YYYY-MM-DD_slug``, no annotator suffix, no ``.txt``): a fixed fifth of the
articles, chosen once by a hash of the file name, so it does not depend on which articles are
present, on their order or on ``--limit``. Everything else is *dev*.

Rules (cue lists, patterns, thresholds) may be tuned by looking at dev articles only; unseen
articles are for reporting, and their errors are never printed. Import this module (not a
copy of the rule) from any tuning script::

    from benchmarks._polnear_split import is_unseen
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

SPLITS = ("dev", "unseen")
UNSEEN_MODULUS = 5  # one article in five is unseen


def is_unseen(name: str | PurePath) -> bool:
    """True when the article named ``name`` (text file stem, or its path) is held out."""
    if isinstance(name, PurePath):
        name = name.stem
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % UNSEEN_MODULUS == 0


def split_of(name: str | PurePath) -> str:
    """``"unseen"`` or ``"dev"``."""
    return "unseen" if is_unseen(name) else "dev"
