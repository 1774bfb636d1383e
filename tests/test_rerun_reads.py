"""The shortcuts of a rerun's reading and writing give what the plain pandas calls give: parts
read as one Parquet file (a subset of articles kept as the ``in`` filter keeps it), parts staged
as Arrow IPC files until the corpus steps have added their columns, and the people step's
grouped sums done on numbered keys."""

import importlib

import numpy as np
import pandas as pd
import pytest

from newslib.cache import _frame_of, _read_arrow, _read_frame

pipeline = importlib.import_module("newslib.analyze")
people_module = importlib.import_module("newslib.people")
gender_module = importlib.import_module("newslib.people.gender")


def sample_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": pd.array(["b", "a", "b", "c", None, "a"], dtype="string"),
            "n": np.arange(6, dtype=np.int64),
            "x": pd.array([1.5, None, 2.5, 3.5, 4.5, None], dtype="Float64"),
            "t": pd.array(["one", None, "two", "", "five", "six"], dtype="string"),
            "when": pd.to_datetime(["2020-01-01", None, "2021-05-06", None, None, "2022-01-01"]),
        }
    )


@pytest.mark.parametrize("ids", [["a"], ["b", "c"], ["zz"], []])
def test_one_file_reads_are_read_parquet_and_its_in_filter(tmp_path, ids):
    path = tmp_path / "part.parquet"
    frame = sample_frame()
    frame.attrs = {"note": "kept"}
    frame.to_parquet(path, index=False)
    whole = pd.read_parquet(path)
    assert _read_frame(path).equals(whole) and _read_frame(path).attrs == whole.attrs
    assert _read_frame(path, ["t", "n"]).equals(pd.read_parquet(path, columns=["t", "n"]))
    expected = pd.read_parquet(path, filters=[("article_id", "in", ids)]) if ids else whole[:0]
    found = _frame_of([_read_arrow(path, ids=ids)])
    assert found.equals(expected.reset_index(drop=True))
    assert list(found.dtypes) == list(expected.dtypes)


def test_staged_parts_read_back_as_their_parquet_would(tmp_path):
    # pieced together from several frames: many chunks per column
    frame = pd.concat([sample_frame(), sample_frame()[2:]], ignore_index=True)
    staged, parquet = tmp_path / "part-00000.arrow", tmp_path / "part-00000.parquet"
    pipeline._stage(frame, staged)
    pipeline.to_parquet(frame, parquet)
    for columns in (None, ["article_id", "n"]):
        back = pipeline._read_part(staged, columns)
        assert back.equals(pd.read_parquet(parquet, columns=columns))
        assert list(back.dtypes) == list(pd.read_parquet(parquet, columns=columns).dtypes)
    assert pipeline._schema(staged).names == pipeline._schema(parquet).names
    # the people step's reading: text as shared objects, the same from either kind of part
    a = pipeline._read_shared([staged], ["article_id", "t", "n"])
    b = pipeline._read_shared([parquet], ["article_id", "t", "n"])
    assert a.equals(b) and a["t"].dtype == object
    assert a["t"].tolist() == [None if pd.isna(v) else v for v in frame["t"]]


def test_staged_parts_read_back_without_pandas_own_arrow_conversion(tmp_path, monkeypatch):
    # pandas < 2.3 has no arrow_table_to_pandas: staged parts are then read as Feather files
    parts_module = importlib.import_module("newslib.cache_parts")
    frame = sample_frame()
    staged, parquet = tmp_path / "part-00000.arrow", tmp_path / "part-00000.parquet"
    pipeline._stage(frame, staged)
    pipeline.to_parquet(frame, parquet)
    monkeypatch.setattr(parts_module, "_arrow_to_pandas", lambda: None)
    for columns in (None, ["t", "n"]):
        back = pipeline._read_part(staged, columns)
        assert back.equals(pd.read_parquet(parquet, columns=columns)), columns


def test_parts_written_without_near_duplicates_are_the_staged_tables(tmp_path):
    articles = pd.DataFrame(
        {"article_id": pd.array(["a", "b", "c"], dtype="string"), "n": [1, 2, 3]}
    )
    writer = pipeline._PartWriter(tmp_path, csv=True, batch_size=2)
    for rows in (slice(0, 2), slice(2, 3)):  # two parts
        part = articles[rows].reset_index(drop=True)
        quotes = pipeline.quotes(
            pd.DataFrame({"article_id": part["article_id"], "text": [""] * len(part)})
        )
        writer.add(
            {
                "articles": part,
                "sentences": pd.DataFrame({"article_id": part["article_id"]}),
                "quotes": quotes,
                "source_facts": people_module.source_facts(quotes),
            }
        )
    writer.close("en_US")
    assert pd.read_parquet(tmp_path / "articles.parquet").equals(articles)
    assert len(list((tmp_path / "articles.parquet").iterdir())) == 2
    assert not (tmp_path / ".articles.arrow").exists() and not (tmp_path / ".quotes.arrow").exists()
    assert pd.read_csv(tmp_path / "articles.csv")["n"].tolist() == [1, 2, 3]


def test_genders_are_the_grouped_sums_of_the_votes():
    rng = np.random.default_rng(3)
    keys = np.array([f"person:k{i}" for i in rng.integers(0, 40, 500)], dtype=object)
    votes = rng.integers(-3, 4, 500).astype(np.int64)
    votes[:50] = 0
    sides = (
        pd.DataFrame({"key": keys, "male": votes.clip(min=0), "female": (-votes).clip(min=0)})
        .groupby("key", sort=False)[["male", "female"]]
        .sum()
    )
    found = gender_module._gender_from(sides["male"].to_numpy(), sides["female"].to_numpy())
    expected = dict(zip(sides.index, found.tolist(), strict=True))
    assert gender_module._genders(keys, votes) == expected
    assert gender_module._genders(np.array([], dtype=object), np.zeros(0, dtype=np.int64)) == {}
