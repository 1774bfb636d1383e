"""The seed article loads exactly as the foundation issue specifies."""

import pandas as pd

import newslib
from newslib.text import paragraph_spans


def test_seed_loads_exactly(seed_path):
    df = newslib.load(seed_path)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["title"] == "Putin's top communications officer flees Russia"
    assert row["date"] == pd.Timestamp("2023-04-04 16:00:00")
    assert row["n_paragraphs"] == 7
    assert row["text"].startswith("Captain of the Russian Federal Security Service")
    assert row["text"].endswith("accusing him of desertion.")
    assert pd.isna(row["source"])


def test_seed_is_the_default_corpus_folder(seed_path):
    by_folder = newslib.load(seed_path.parent)
    by_file = newslib.load(seed_path)
    pd.testing.assert_frame_equal(by_folder, by_file)


def test_text_is_paragraphs_joined_by_one_blank_line(seed_path):
    df = newslib.load(seed_path)
    text = df.loc[0, "text"]
    raw_paragraphs = [
        p.strip() for p in seed_path.read_text(encoding="utf-8").split("\n\n")[1:] if p.strip()
    ]
    assert text.split("\n\n") == raw_paragraphs
    assert len(paragraph_spans(text)) == 7


def test_column_types(seed_path):
    df = newslib.load(seed_path)
    assert list(df.columns) == [
        "article_id",
        "path",
        "source",
        "title",
        "date",
        "text",
        "n_paragraphs",
        "n_words",
        "url",
        "author",
    ]
    for column in ("article_id", "path", "source", "title", "text", "url", "author"):
        assert df[column].dtype == "string", column
    assert df["date"].dtype == "datetime64[ns]"
    assert df["n_paragraphs"].dtype == "int64"
    assert df["n_words"].dtype == "int64"


def test_article_id_is_a_stable_hash_of_title_and_text(seed_path, write):
    first = newslib.load(seed_path).loc[0, "article_id"]
    # Same content under another name and folder: same id. Changed text: another id.
    copy = write("elsewhere/renamed.txt", seed_path.read_text(encoding="utf-8"))
    assert newslib.load(copy).loc[0, "article_id"] == first
    edited = write("edited.txt", seed_path.read_text(encoding="utf-8") + "\nOne more line.\n")
    assert newslib.load(edited).loc[0, "article_id"] != first
    assert len(first) == 16 and int(first, 16) >= 0


def test_loaded_frames_survive_ordinary_pandas_operations(seed_path, write):
    # The load report lives in attrs, which pandas copies and compares on every operation.
    df = newslib.load(seed_path)
    other = newslib.load(write("x.txt", "Another title\n\nAnother body."))
    assert df.astype({"title": "string"}).attrs["load_report"].empty
    merged = df[["article_id", "title"]].merge(df[["article_id", "n_words"]], on="article_id")
    assert merged.loc[0, "n_words"] == 375
    assert len(pd.concat([df, other], ignore_index=True)) == 2
    assert isinstance(df.copy(deep=True).attrs["load_report"], pd.DataFrame)
