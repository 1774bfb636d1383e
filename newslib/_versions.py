"""Version numbers: the package's, and each analysis's (what a cached result was made by)."""

__version__ = "0.1.0"

# Bump an analysis's version whenever its output for the same text changes: cached results of
# that analysis (and of those that depend on it) are then recomputed, the others are kept.
# quotes 2: indirect speech, attribution_id, cue spans; quote_share's reported/attributed words.
# sentiment 2: in_reported and voice per sentence; per-voice counts and means in the summary.
# readability 2: a text without words has NaN indices and grade, not textstat's 0.0 and 1.0.
# quotes 3, sentiment 3: a word keeps its combining marks (Devanagari, Hebrew, Arabic words were
# split at each mark), which changes word counts, shares and word-weighted means of such texts.
ANALYSIS_VERSIONS = {"readability": 2, "quotes": 3, "sentiment": 3}

# Bump when loading a file can give other articles or another load report than before: the
# cache of parsed files (newslib.cache.FileCache) then reads every file again.
# loader 2: encodings (UTF-16/32, charset-normalizer, <meta charset>), Unix times, dayfirst,
# JSON Lines kept line by line, HTML in .txt files, NUL bytes removed (issue 13).
# loader 3: n_words keeps a word's combining marks whole (newslib.text.WORD_RE).
LOADER_VERSION = 3
