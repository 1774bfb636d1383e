"""newslib: explore a corpus of news articles as tidy pandas DataFrames.

Start with ``newslib.load(path)``; see README.md and docs/ for the tables and analyses.
"""

from .io import ParseError, load
from .text import paragraphs, sentences

__version__ = "0.1.0"

__all__ = ["load", "ParseError", "paragraphs", "sentences", "__version__"]
