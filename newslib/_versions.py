"""Version numbers: the package's, and each analysis's (what a cached result was made by)."""

__version__ = "0.1.0"

# Bump an analysis's version whenever its output for the same text changes: cached results of
# that analysis (and of those that depend on it) are then recomputed, the others are kept.
ANALYSIS_VERSIONS = {"readability": 1, "quotes": 1, "sentiment": 1}

# Bump when loading a file can give other articles or another load report than before: the
# cache of parsed files (newslib.cache.FileCache) then reads every file again.
LOADER_VERSION = 1
