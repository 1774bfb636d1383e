"""Version numbers: the package's, and each analysis's (what a cached result was made by)."""

__version__ = "0.1.0"

# Bump an analysis's version whenever its output for the same text changes: cached results of
# that analysis (and of those that depend on it) are then recomputed, the others are kept.
# quotes 2: indirect speech, attribution_id, cue spans; quote_share's reported/attributed words.
# sentiment 2: in_reported and voice per sentence; per-voice counts and means in the summary.
# readability 2: a text without words has NaN indices and grade, not textstat's 0.0 and 1.0.
# quotes 3, sentiment 3: a word keeps its combining marks (Devanagari, Hebrew, Arabic words were
# split at each mark), which changes word counts, shares and word-weighted means of such texts.
# quotes 4, sentiment 4: speakers named without the words around them (a party tag, an owner,
# an adverb), a surname resolved to the full name used anywhere in the article, a description
# ("the Voss campaign") no speaker; a name in apposition found as the source (issue 11).
# near_duplicates 1: near_duplicate_of in the articles table (newslib.duplicates; a corpus step,
# never cached per article: its version only enters a run's key, newslib.manifest).
# corpus_inputs 1: each article's shingles, MinHash signature and sources' facts, computed
# with its other analyses and cached, for the corpus steps (near-duplicates, people; issue 14).
ANALYSIS_VERSIONS = {
    "readability": 2,
    "quotes": 4,
    "sentiment": 4,
    "near_duplicates": 1,
    "corpus_inputs": 1,
}

# Bump when loading a file can give other articles or another load report than before: the
# cache of parsed files (newslib.file_cache.FileCache) then reads every file again.
# loader 2: encodings (UTF-16/32, charset-normalizer, <meta charset>), Unix times, dayfirst,
# JSON Lines kept line by line, HTML in .txt files, NUL bytes removed (issue 13).
# loader 3: n_words keeps a word's combining marks whole (newslib.text.WORD_RE).
# loader 4: HTML pages keep their time of publication (hour and UTC offset) and lose page
# clutter: share bars, "Posted ... by" lines, datelines (newslib.htmlpage, issue 12).
# loader 5: tables read the column names of news exports (newslib.columns), an object with a
# name as that name; an HTML page's own source is its site name only, not its URL's domain
# (folders and domains fill in later: newslib.outlets) (issue 12).
# loader 6: compressed files (.gz, .bz2, .xz, .zst: a .gz was a binary file), archives and WARC
# files read member by member (newslib.archives, newslib.warc) (issue 12).
# loader 7: a time alone on a line of a web page ("6:01 p.m.", a live blog's entry) is text,
# not clutter; a date alone on a line still is.
LOADER_VERSION = 7
