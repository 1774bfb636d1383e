"""Near-duplicates: syndicated copies flagged (never dropped) with the first article of their
story, the same for any row order or batches; analyses count each story once when asked.
Fixtures are generated here (benchmarks/_wirecopy.py: made-up words, no real text)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import newslib

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `pytest` run without `python -m`: make benchmarks importable
    sys.path.insert(0, str(ROOT))

from benchmarks._wirecopy import scores, wire_corpus  # noqa: E402

STORY = [
    "The city council approved a new budget on Tuesday night after a debate that lasted more "
    "than five hours and drew dozens of residents to the chamber.",
    "The budget raises spending on road repairs by twelve percent and adds four positions to "
    "the parks department, according to documents released by the city manager.",
    '"We listened to every neighborhood," said council member Ana Ruiz, who voted in favor. '
    '"This plan fixes the streets people drive on every day."',
    "Opponents argued that the plan relies on optimistic sales tax projections and leaves the "
    "city exposed if the regional economy slows down next year.",
    "The council will hold a second hearing on the capital plan next month, and the mayor is "
    "expected to sign the budget before the end of the week.",
]
OTHER = (
    "A winter storm closed schools across the county on Monday as snow and ice made roads "
    "dangerous for buses and drivers, and the district said it would decide by morning."
)


def frame(rows: list[tuple[str, str | None, str]]) -> pd.DataFrame:
    """Articles from ``(article_id, date, text)`` rows."""
    return pd.DataFrame(
        {
            "article_id": pd.array([r[0] for r in rows], dtype="string"),
            "date": pd.to_datetime([r[1] for r in rows]),
            "text": pd.array([r[2] for r in rows], dtype="string"),
        }
    )


def flags(table: pd.DataFrame) -> dict[str, str | None]:
    """``article_id -> near_duplicate_of`` (None for NA)."""
    return {
        a: None if pd.isna(o) else o
        for a, o in zip(table["article_id"], table["near_duplicate_of"], strict=True)
    }


def wire() -> pd.DataFrame:
    base = "\n\n".join(STORY)
    edited = base.replace("twelve percent", "eleven percent")
    return frame(
        [
            ("orig", "2024-03-12 18:00", "RIVERSIDE (AP) — " + base),
            ("copy1", "2024-03-12 20:00", "HALEY (AP) — " + edited),
            ("copy2", "2024-03-13 08:00", base + "\n\nThe vote was six to three."),
            ("other", "2024-03-11 09:00", OTHER),
            ("undated", None, OTHER + " Buses will run late."),
        ]
    )


def test_copies_point_to_the_first_article_of_their_story():
    df = wire()
    found = newslib.near_duplicates(df)
    assert found["near_duplicate_of"].tolist() == [pd.NA, "orig", "orig", pd.NA, "other"]
    assert found["near_duplicate_of"].dtype == "string"
    # Nothing dropped, nothing else changed.
    pd.testing.assert_frame_equal(found.drop(columns="near_duplicate_of"), df)


def test_the_first_by_date_is_the_original_and_undated_come_last():
    df = wire()
    df.loc[df["article_id"] == "copy2", "date"] = pd.Timestamp("2024-03-01")
    df.loc[df["article_id"] == "other", "date"] = pd.NaT
    assert flags(newslib.near_duplicates(df)) == {
        "orig": "copy2",
        "copy1": "copy2",
        "copy2": None,
        "other": None,  # both undated: the smaller article_id first
        "undated": "other",
    }


def test_the_same_date_falls_back_to_the_article_id():
    df = wire()
    df["date"] = pd.Timestamp("2024-03-12")
    found = newslib.near_duplicates(df).set_index("article_id")["near_duplicate_of"]
    assert found["orig"] == "copy1" and pd.isna(found["copy1"]) and found["copy2"] == "copy1"


def test_aware_dates_are_compared_as_instants():
    df = wire()[:2]
    df["date"] = pd.to_datetime(
        ["2024-03-12 18:00+01:00", "2024-03-12 18:30+02:00"], utc=True
    ).tz_convert("Europe/Berlin")
    found = newslib.near_duplicates(df)["near_duplicate_of"].tolist()
    assert found == ["copy1", pd.NA]  # copy1 at 16:30 UTC came before orig at 17:00 UTC


def test_below_the_threshold_is_no_duplicate_and_the_check_is_exact():
    from newslib.duplicates import jaccard, shingles

    base = "\n\n".join(STORY)
    half = "\n\n".join(STORY[:3]) + "\n\n" + OTHER
    similarity = jaccard(shingles(base), shingles(half))
    assert 0.3 < similarity < 0.8
    df = frame([("a", "2024-01-01", base), ("b", "2024-01-02", half)])
    assert newslib.near_duplicates(df)["near_duplicate_of"].isna().all()
    low = newslib.near_duplicates(df, threshold=similarity - 0.01)
    assert low["near_duplicate_of"].tolist() == [pd.NA, "a"]
    assert (
        newslib.near_duplicates(df, threshold=similarity + 0.01)["near_duplicate_of"].isna().all()
    )


def test_texts_without_words_are_never_duplicates_and_short_ones_can_be():
    df = frame(
        [
            ("a", "2024-01-01", ""),
            ("b", "2024-01-02", "..."),
            ("c", "2024-01-03", "Short note."),
            ("d", "2024-01-04", "short NOTE!"),
        ]
    )
    assert newslib.near_duplicates(df)["near_duplicate_of"].tolist() == [pd.NA, pd.NA, pd.NA, "c"]


@pytest.mark.parametrize("seed", [0, 1])
def test_the_result_does_not_depend_on_row_order_or_batches(seed):
    from newslib.duplicates import NearDuplicateIndex

    df = wire_corpus(300, seed=seed)
    whole = newslib.near_duplicates(df).set_index("article_id")["near_duplicate_of"]
    assert whole.notna().sum() > 50
    shuffled = df.sample(frac=1, random_state=seed + 10)
    again = newslib.near_duplicates(shuffled).set_index("article_id")["near_duplicate_of"]
    pd.testing.assert_series_equal(again.loc[whole.index], whole, check_index_type=False)
    index = NearDuplicateIndex()
    for start in range(0, len(shuffled), 37):  # uneven batches, as analyze_to_folder streams
        index.add_frame(shuffled.iloc[start : start + 37])
    batched = index.result()
    index.close()
    batched.index = batched.index.astype(object)
    pd.testing.assert_series_equal(
        batched.loc[whole.index.astype(object)], whole, check_names=False, check_index_type=False
    )


def test_precision_and_recall_on_generated_wire_copy():
    df = wire_corpus(600, seed=5)
    found = newslib.near_duplicates(df)["near_duplicate_of"]
    result = scores(df, found)
    assert result["pair_precision"] == 1.0 and result["article_precision"] == 1.0
    # Copies with another headline and dateline are always found. (A copy dated
    # before its story is the story's original, so: the same original as the story's.)
    original = found.fillna(df["article_id"]).to_numpy()
    stories = df["kind"] != "variant"
    first = dict(zip(df["story"][stories], original[stories.to_numpy()], strict=True))
    light = df["edits"].isin(["headline", "headline+dateline"])
    assert light.sum() > 20
    assert all(original[i] == first[df["story"][i]] for i in np.flatnonzero(light))
    assert result["article_recall"] > 0.6
    # At 0.7 more heavily edited copies are found, still without a false flag here.
    lower = scores(df, newslib.near_duplicates(df, threshold=0.7)["near_duplicate_of"])
    assert lower["article_recall"] > result["article_recall"] and lower["pair_precision"] == 1.0


def test_every_pair_at_or_above_the_threshold_is_found():
    # LSH only proposes candidates: against checking every pair of a story exactly, none of
    # the pairs at or above the threshold may be missed here.
    from newslib.duplicates import jaccard, shingles

    df = wire_corpus(400, seed=3)
    found = newslib.near_duplicates(df)
    original = found["near_duplicate_of"].fillna(found["article_id"]).to_numpy()
    sets = [shingles(text) for text in df["text"]]
    above = together = 0
    for _, rows in df.groupby("story").indices.items():
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                a, b = rows[i], rows[j]
                if jaccard(sets[a], sets[b]) >= 0.8:
                    above += 1
                    together += original[a] == original[b]
    assert above > 100 and together == above


def test_bad_arguments_are_refused():
    df = wire()
    for bad in ({"threshold": 0}, {"threshold": 1.5}, {"num_perm": 2}, {"shingle": 0}):
        with pytest.raises(ValueError):
            newslib.near_duplicates(df, **bad)
    with pytest.raises(ValueError, match="text"):
        newslib.near_duplicates(df.drop(columns="text"))


def test_shingles_are_stable_across_processes():
    import subprocess

    code = (
        "from newslib.duplicates import shingles;"
        "print(shingles('The council approved the budget on Tuesday night').tolist())"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "", "PYTHONPATH": str(ROOT)},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1


# --------------------------------------------------------------------------- analyses


def loaded_wire() -> pd.DataFrame:
    df = wire()
    df["title"] = pd.array([f"Title {i}" for i in range(len(df))], dtype="string")
    return df


def test_analyze_flags_near_duplicates_and_counts_each_story_once_when_asked():
    df = loaded_wire()
    table = newslib.analyze(df)
    assert len(table) == len(df)  # kept, every one
    assert flags(table) == {
        "orig": None,
        "copy1": "orig",
        "copy2": "orig",
        "other": None,
        "undated": "other",
    }
    once = newslib.analyze_tables(df, dedupe="near")
    assert once["articles"]["article_id"].tolist() == ["orig", "other"]
    assert set(once["sentences"]["article_id"]) == {"orig", "other"}
    assert once["articles"].attrs["near_duplicates_left_out"] == 3
    with pytest.raises(ValueError, match="dedupe"):
        newslib.analyze(df, dedupe="exact")


def test_analyze_keeps_a_near_duplicate_of_column_given_with_the_articles():
    df = newslib.near_duplicates(loaded_wire(), threshold=0.99)  # a stricter reading
    assert df["near_duplicate_of"].notna().sum() == 0
    table = newslib.analyze(df, dedupe="near")
    assert len(table) == len(df)


def test_analyze_to_folder_writes_near_duplicate_of_across_batches(tmp_path):
    from newslib.analyze import analyze_to_folder

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    df = loaded_wire()
    for row in df.itertuples():
        date = "" if pd.isna(row.date) else f"date: {row.date.isoformat()}\n"
        (corpus / f"{row.article_id}.md").write_text(
            f"---\ntitle: {row.title}\n{date}---\n\n{row.text}\n", encoding="utf-8"
        )
    summary = analyze_to_folder(corpus, tmp_path / "out", jobs=1, batch_size=2)
    assert summary["rows"]["articles"] == len(df)
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    parts = sorted((tmp_path / "out" / "articles.parquet").iterdir())
    assert len(parts) >= 2  # flagged across parts: the batches saw each other
    ids = dict(zip(articles["title"], articles["article_id"], strict=True))
    found = dict(zip(articles["title"], articles["near_duplicate_of"], strict=True))
    assert found["Title 1"] == ids["Title 0"] and found["Title 2"] == ids["Title 0"]
    assert found["Title 4"] == ids["Title 3"] and pd.isna(found["Title 0"])
    csv = pd.read_csv(tmp_path / "out" / "articles.csv")
    assert csv["near_duplicate_of"].notna().sum() == 3
    assert list(csv.columns) == list(articles.columns)


def test_the_cli_summary_counts_near_duplicates_and_each_story_once_when_asked(tmp_path):
    from newslib.cli import analysis_summary_text

    table = newslib.analyze(loaded_wire())
    text = analysis_summary_text(table, n_sentences=20, n_quotes=3)
    assert "near-duplicates: 3 articles repeat 2 stories" in text
    once = analysis_summary_text(table, n_sentences=20, n_quotes=3, dedupe="near")
    assert "each story once: 2 of 5 articles" in once


def test_the_report_says_how_many_near_duplicates_there_are():
    from newslib import notebook

    data = notebook.prepare(loaded_wire())
    findings = notebook.overview_findings(data)
    assert "3 articles are near-duplicates" in findings and "2 stories" in findings


def test_shingle_sets_spill_to_disk_and_come_back():
    from newslib.duplicates import _ShingleStore

    store = _ShingleStore(keep=2)
    sets = [np.arange(i, i + 5, dtype=np.uint32) for i in range(6)]
    for key, values in enumerate(sets):
        store.put(key, values)
    assert store.disk_bytes > 0
    assert all((store.get(k) == v).all() for k, v in enumerate(sets))
    store.close()


def test_the_dask_engine_writes_the_same_near_duplicates(tmp_path):
    pytest.importorskip("distributed")
    from newslib.analyze import analyze_to_folder

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    df = wire_corpus(12, seed=2)
    for n, row in enumerate(df.itertuples()):
        (corpus / f"{n:03d}.md").write_text(
            f"---\ntitle: {row.title}\ndate: {row.date.isoformat()}\n---\n\n{row.text}\n",
            encoding="utf-8",
        )
    local = analyze_to_folder(corpus, tmp_path / "local", jobs=1, batch_size=5)
    on_dask = analyze_to_folder(
        corpus, tmp_path / "dask", engine="dask", jobs=2, chunk_size=3, batch_size=5
    )
    assert on_dask["rows"] == local["rows"]
    tables = [pd.read_parquet(tmp_path / name / "articles.parquet") for name in ("local", "dask")]
    assert tables[0]["near_duplicate_of"].notna().sum() > 0
    pd.testing.assert_frame_equal(tables[0], tables[1])


def test_the_notebooks_count_each_story_once_when_asked():
    from newslib import notebook as nb

    corpus = loaded_wire()
    every = nb.prepare(corpus)
    once = nb.prepare(corpus, dedupe="near")
    copies = int(every.articles["near_duplicate_of"].notna().sum())
    assert copies > 0
    assert len(once.articles) == len(every.articles) - copies == len(once.raw)
    assert set(once.sentences["article_id"]) <= set(once.articles["article_id"])


@pytest.mark.parametrize("num_perm", [128, 16])
def test_minhash_signature_is_datasketchs_update_batch(num_perm):
    from newslib.duplicates import _affine32, _empty_minhash, minhash_signature, shingles

    assert _affine32(num_perm) is not None  # the array path is the one taken
    rng = np.random.default_rng(3)
    sets = [
        shingles("The harbour board met on Monday to discuss the new ferry timetable."),
        np.empty(0, dtype=np.uint32),
        np.array([0, 1, 2**32 - 1], dtype=np.uint32),
        *(
            np.unique(rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32))
            for n in (1, 7, 300, 3000)
        ),
    ]
    for values in sets:
        expected = _empty_minhash(num_perm).copy()
        expected.update_batch(values.tolist())
        found = minhash_signature(values, num_perm)
        assert found.dtype == np.uint64
        assert (found == np.asarray(expected.hashvalues, dtype=np.uint64)).all()


@pytest.mark.parametrize("num_perm", [128, 16, 1])
def test_own_minhash_setup_is_datasketchs(num_perm):
    """The permutations, start values and premix computed without importing datasketch are
    those of datasketch's own MinHash (for the release installed)."""
    from newslib.duplicates import _datasketch_affine32, _own_affine32

    own_fmix, (own_a, own_b), own_start = _own_affine32(num_perm)
    fmix, (a, b), start = _datasketch_affine32(num_perm)
    for mine, theirs in ((own_a, a), (own_b, b), (own_start, start)):
        assert mine.dtype == theirs.dtype and (mine == theirs).all()
    values = np.random.default_rng(5).integers(0, 2**32, 1000, dtype=np.uint64)
    values = np.concatenate([values.astype(np.uint32), np.array([0, 2**32 - 1], np.uint32)])
    assert (own_fmix(values, 32) == fmix(values, 32)).all()


def test_shingles_from_an_articles_words_are_its_shingles():
    import random

    from newslib.duplicates import _shingles_from_words, shingles
    from newslib.text import _Words

    texts = [
        "The council's well-known plan costs 3.5 million, officials said.",
        "“Never,” she said — the 2,000 voters’ choice was clear.",
        "İSTANBUL reporters met the İzmir mayor on Tuesday.",  # İ lower-cases to two characters
        "ΟΔΥΣΣΕΥΣ ΚΑΙ ΣΟΦΟΣ ΛΟΓΟΣ were the words on the stone.",  # final sigma
        "नमस्ते दुनिया and café au lait with the KELVIN sign \u212a here.",
        "",
        "...",
    ]
    alphabet = "aZ09 .,'’-\n\u0301\u0130\u03a3\u212a\u00df\u1e9eǅ_!?\u0663"
    rng = random.Random(5)
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(400)]
    for text in texts:
        found = _shingles_from_words(text, _Words(text))
        assert found.dtype == np.uint32 and np.array_equal(found, shingles(text)), text


def test_shingle_hashing_in_place_is_the_documented_formula():
    """_shingles_of (in-place mixing, sort-based dedupe) gives the set the formula defines:
    sum(word_hash[i] * _POSITION[i]) mod 2**64, _mix64, the high 32 bits, np.unique."""
    import random

    from newslib.duplicates import (
        _POSITION,
        _WORDS,
        _mix64,
        _mix64_in_place,
        _shingles_of,
        _sorted_distinct,
    )

    def reference(words, shingle):
        if not words:
            return np.empty(0, dtype=np.uint32)
        hashes = np.array([_WORDS[w] for w in words], dtype=np.uint64)
        width = min(shingle, len(words))
        count = len(words) - width + 1
        combined = np.zeros(count, dtype=np.uint64)
        for i in range(width):
            combined += hashes[i : i + count] * _POSITION[i]
        return np.unique((_mix64(combined) >> np.uint64(32)).astype(np.uint32))

    rng = random.Random(11)
    vocabulary = ["the", "mayor", "said", "budget", "2,000", "ferry", "x"]
    for _ in range(300):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(0, 40))]
        for shingle in (1, 2, 5, 64):
            found = _shingles_of(words, shingle)
            expected = reference(words, shingle)
            assert found.dtype == np.uint32 and np.array_equal(found, expected)
    values = np.random.default_rng(2).integers(0, 2**64, 500, dtype=np.uint64)
    assert np.array_equal(_mix64_in_place(values.copy()), _mix64(values))
    for n in (0, 1, 2, 50):
        small = np.random.default_rng(n).integers(0, 9, n).astype(np.uint32)
        assert np.array_equal(_sorted_distinct(small.copy()), np.unique(small))
