"""newslib: explore a corpus of news articles as tidy pandas DataFrames.

Start with ``newslib.load(path)`` and ``newslib.analyze(articles)``; README.md and
docs/data-model.md describe the tables. Plots live in ``newslib.plot``.
"""

import importlib
import sys
import types

from ._versions import __version__

# Public name -> the module defining it. Each public function shares its module's name
# (newslib.quotes.quotes, ...): the package attribute is the function, which is what users call.
_FUNCTIONS = {
    "load": "io",
    "ParseError": "io",
    "paragraphs": "text",
    "sentences": "text",
    "readability": "readability",
    "sentiment": "sentiment",
    "sentiment_summary": "sentiment",
    "quotes": "quotes",
    "quote_share": "quotes",
    "speakers": "quotes",
    "people": "people",
    "timeline": "timeline",
    "analyze": "analyze",
    "analyze_tables": "analyze",
    "near_duplicates": "duplicates",
}
# Modules reached as attributes (newslib.plot, newslib.io, ...), imported on first use.
_MODULES = (
    "io",
    "text",
    "resources",
    "cache",
    "manifest",
    "plot",
    "report",
    "notebook",
    "reader",
    "cli",
)

__all__ = [*_FUNCTIONS, "__version__"]


class _Package(types.ModuleType):
    """Imports each part on first use, so ``import newslib`` (and the command line's quick
    paths) does not load pandas, NLTK or matplotlib before they are needed."""

    def __getattr__(self, name: str):
        if name in _FUNCTIONS:
            value = getattr(importlib.import_module(f".{_FUNCTIONS[name]}", __name__), name)
        elif name in _MODULES:
            value = importlib.import_module(f".{name}", __name__)
        else:
            raise AttributeError(f"module 'newslib' has no attribute {name!r}")
        super().__setattr__(name, value)
        return value

    def __setattr__(self, name: str, value) -> None:
        # Importing the submodule newslib.quotes makes Python set newslib.quotes to the
        # module; keep the function (the module stays reachable via sys.modules).
        if name in _FUNCTIONS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)

    def __dir__(self):
        return sorted({*super().__dir__(), *_FUNCTIONS, *_MODULES})


sys.modules[__name__].__class__ = _Package
