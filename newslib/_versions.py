"""Version numbers: the package's, and each analysis's (what a cached result was made by); and
the digest of the code itself, which every cache key and a run's manifest also carry."""

import hashlib
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

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
# corpus_inputs 2: sources' facts read "of the Harbor Board" as an affiliation (a hometown stays
# none) and a suffix after a comma ("Tom Roe, Jr.") as the name's, not a role.
ANALYSIS_VERSIONS = {
    "readability": 2,
    "quotes": 4,
    "sentiment": 4,
    "near_duplicates": 1,
    "corpus_inputs": 2,
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


# The libraries whose own data make the numbers: textstat (readability) and NLTK (VADER's lexicon,
# the sentence splitter's patterns).
_NUMBER_LIBRARIES = ("textstat", "nltk")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of newslib's code and rule data (every ``.py`` and ``.txt`` file of the package)
    and of the versions of the libraries whose data make its numbers: cached results and a
    finished run are keyed by it as well as by the version numbers above, so an upgrade, or a
    rule edited in a data file, is never answered from a cache made by other rules.

    Example:
        >>> len(code_digest()), code_digest() == code_digest()
        (16, True)
    """
    # newslib's own version too: installed as a zip, its files cannot be read and hashed
    libraries = [f"newslib={__version__}"]
    libraries += [f"{name}={_installed_version(name)}" for name in _NUMBER_LIBRARIES]
    return _tree_digest(Path(__file__).resolve().parent, libraries)


def _tree_digest(root: Path, extra: list[str]) -> str:
    """The digest of every ``.py`` and ``.txt`` file under ``root`` (names and bytes; compiled
    files left out) and of the ``extra`` strings.

    Example:
        >>> import tempfile
        >>> root = Path(tempfile.mkdtemp())
        >>> _ = (root / "rules.txt").write_text("said")
        >>> before = _tree_digest(root, [])
        >>> _ = (root / "rules.txt").write_text("said told")
        >>> _tree_digest(root, []) == before
        False
        >>> (root / ".#rules.txt").symlink_to(root / "gone")  # a link to nothing: no error
        >>> len(_tree_digest(root, []))
        16
    """
    digest = hashlib.sha256()
    files = sorted(
        path
        for pattern in ("*.py", "*.txt")
        for path in root.rglob(pattern)
        if "__pycache__" not in path.parts
    )
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        try:
            data = path.read_bytes()
        except OSError:  # an editor's lock link ('.#cues.txt'), a file removed meanwhile
            data = b"\0unreadable"
        digest.update(data + b"\0")
    for item in extra:
        digest.update(item.encode() + b"\0")
    return digest.hexdigest()[:16]


def _installed_version(name: str) -> str:
    """The version in the name of ``name``'s ``.dist-info`` folder beside the package (read
    without importing it, and faster than importlib.metadata, which scans every distribution);
    all of them, joined, when stale folders of other versions lie beside it (which one the
    import uses cannot be told from the names); ``"absent"`` when it is not installed,
    ``"unknown"`` when no such folder is there.

    Example:
        >>> _installed_version("no_such_library_here")
        'absent'
    """
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        return "absent"
    site = Path(spec.origin).resolve().parent.parent
    found = sorted(site.glob(f"{name}-*.dist-info"))
    versions = [folder.name[len(name) + 1 : -len(".dist-info")] for folder in found]
    return "+".join(versions) if versions else "unknown"
