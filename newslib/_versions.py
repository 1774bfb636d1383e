"""Version numbers: the package's, and each analysis's (what a cached result was made by)."""

__version__ = "0.1.0"

# Bump an analysis's version whenever its output for the same text changes: cached results of
# that analysis (and of those that depend on it) are then recomputed, the others are kept.
# quotes 2: indirect speech, attribution_id, cue spans; quote_share's reported/attributed words.
# sentiment 2: in_reported and voice per sentence; per-voice counts and means in the summary.
ANALYSIS_VERSIONS = {"readability": 1, "quotes": 2, "sentiment": 2}

# Bump when loading a file can give other articles or another load report than before: the
# cache of parsed files (newslib.cache.FileCache) then reads every file again.
# loader 2: encodings (UTF-16/32, charset-normalizer, <meta charset>), Unix times, dayfirst,
# JSON Lines kept line by line, HTML in .txt files, NUL bytes removed (issue 13).
LOADER_VERSION = 2
