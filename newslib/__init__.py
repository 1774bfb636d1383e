"""newslib: explore a corpus of news articles as tidy pandas DataFrames.

Start with ``newslib.load(path)`` and ``newslib.analyze(articles)``; README.md and
docs/data-model.md describe the tables. Plots live in ``newslib.plot``.
"""

# Each public function shares its module's name (newslib.quotes.quotes, ...); importing the
# function here binds the package attribute to the function, which is what users call.
from .analyze import analyze, analyze_tables
from .io import ParseError, load
from .quotes import quote_share, quotes, speakers
from .readability import readability
from .sentiment import sentiment, sentiment_summary
from .text import paragraphs, sentences
from .timeline import timeline

__version__ = "0.1.0"


def __getattr__(name: str):
    # newslib.plot loads matplotlib (and report, notebook: papermill, ipywidgets); import them
    # only when someone uses them.
    if name in ("plot", "report", "notebook"):
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'newslib' has no attribute {name!r}")


__all__ = [
    "load",
    "ParseError",
    "paragraphs",
    "sentences",
    "readability",
    "sentiment",
    "sentiment_summary",
    "quotes",
    "quote_share",
    "speakers",
    "timeline",
    "analyze",
    "analyze_tables",
    "__version__",
]
