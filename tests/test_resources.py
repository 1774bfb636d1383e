"""newslib's data directory: the stored CMU syllable table; old or damaged copies."""

from __future__ import annotations

import shutil

import pytest
from nltk.corpus.reader import CMUDictCorpusReader

from newslib import resources


def _syllables_from_nltk(root) -> dict[str, int]:
    """What textstat counts for a word found in cmudict: stressed phones of the first entry,
    read with NLTK's own reader (the way textstat's get_cmudict reads it)."""
    reader = CMUDictCorpusReader(str(root / "corpora" / "cmudict"), ["cmudict"])
    return {
        word: sum(1 for phone in entries[0] if phone[-1].isdigit())
        for word, entries in reader.dict().items()
    }


@pytest.fixture(scope="module")
def expected() -> dict[str, int]:
    return _syllables_from_nltk(resources.ensure_nltk_data())


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A private copy of newslib's built data directory under tmp_path, used instead of the
    shared one; NLTK's search path is restored afterwards (the copy is deleted)."""
    import nltk

    saved = list(nltk.data.path)
    shared = resources.ensure_nltk_data()
    shutil.copytree(shared, tmp_path / shared.name)
    monkeypatch.setenv("NEWSLIB_DATA_DIR", str(tmp_path))
    yield tmp_path
    nltk.data.path[:] = saved


def test_syllable_table_equals_nltk_cmudict(expected):
    root = resources.ensure_nltk_data()
    table = resources.cmudict_syllables()
    assert table == expected
    # Syllables as one says them; "hour" has two pronunciations and the first one counts.
    assert (table["cat"], table["banana"], table["elephant"], table["television"]) == (1, 3, 3, 4)
    reader = CMUDictCorpusReader(str(root / "corpora" / "cmudict"), ["cmudict"])
    first, second = reader.dict()["hour"][:2]
    assert table["hour"] == sum(1 for phone in first if phone[-1].isdigit())
    assert table["hour"] != sum(1 for phone in second if phone[-1].isdigit())
    assert "zelenskyy" not in table  # missing words are left to Pyphen


def test_table_is_loaded_once_per_process():
    assert resources.cmudict_syllables() is resources.cmudict_syllables()


def test_missing_table_falls_back_to_the_dictionary(data_dir, expected):
    root = resources.ensure_nltk_data()
    assert root.parent == data_dir
    table_file = root / "newslib" / "cmudict_syllables.txt"
    table_file.unlink()  # e.g. removed by hand from a directory marked complete
    assert resources.cmudict_syllables() == expected


def test_truncated_table_is_not_trusted(data_dir, expected):
    root = resources.ensure_nltk_data()
    table_file = root / "newslib" / "cmudict_syllables.txt"
    lines = table_file.read_text(encoding="utf-8").splitlines()
    table_file.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")  # header + 2 counts
    assert resources.cmudict_syllables() == expected


def test_directory_of_an_older_layout_is_not_read(data_dir, monkeypatch):
    # A directory built before the syllable table existed has another name (the layout version
    # is part of its fingerprint), so the current code never looks for the table in it.
    current = resources.nltk_data_dir()
    with monkeypatch.context() as patch:
        patch.setattr(resources, "_LAYOUT_VERSION", "1")
        old = resources.nltk_data_dir()
    assert old != current and old.parent == current.parent == data_dir
    shutil.rmtree(current)
    assert resources.ensure_nltk_data() == current  # rebuilt under the current name
    assert (current / "newslib" / "cmudict_syllables.txt").exists()


def test_nltk_tables_are_the_installed_nltks():
    # newslib/nltk_tables.json of the data directory, written when the directory is built
    import json

    def same_order(tables):
        # NLTK writes "?" and "!" into a character class in set order, which changes with the
        # process's string hashing: both orders are the same class.
        for pattern in tables["punkt_patterns"]:
            pattern[0] = pattern[0].replace("!\\?]", "\\?!]")
        return tables

    tables = resources.nltk_tables()
    assert tables is not None
    fresh = json.loads(json.dumps(resources._nltk_tables_from_nltk()))
    assert same_order(fresh) == same_order(json.loads(json.dumps(tables)))


def test_punkt_abbreviations_are_nltks_model():
    assert resources.punkt_abbreviations() == resources.sentence_tokenizer()._params.abbrev_types


def test_vader_lexicon_is_nltks():
    assert resources.vader_lexicon() == resources.vader_analyzer().lexicon


def test_analysis_imports_neither_nltk_nor_textstat_nor_datasketch(seed_path, tmp_path):
    # Their imports (NLTK's pulls in SciPy) cost most of a second per process; newslib reads
    # the few tables it needs of them without importing them.
    import subprocess
    import sys

    resources.ensure_data_dir()  # built here (building it reads NLTK once), not in the run
    script = (
        "import sys\n"
        "from newslib.cli import main\n"
        f"main(['analyze', {str(seed_path)!r}, '-o', {str(tmp_path / 'out')!r}, '--jobs', '1',"
        " '--quiet', '--no-csv'])\n"
        "heavy = {'nltk', 'textstat', 'datasketch', 'scipy'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == "[]"
