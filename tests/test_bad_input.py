"""Broken files: a clear answer, and nothing lost."""

import pandas as pd
import pytest
from load_checks import accounted, report_rows

import newslib

GOOD = "A good title\n\nA good body.\n"


def test_cp1252_bytes_are_repaired_and_recorded(write):
    path = write("win.txt", "Café news\n\nShe said “yes” twice.\n".encode("cp1252"))
    df = newslib.load(path)
    assert df.loc[0, "title"] == "Café news"
    assert df.loc[0, "text"] == "She said “yes” twice."
    rows = report_rows(df, "win.txt")
    assert rows["status"].tolist() == ["repaired"]
    assert "cp1252" in rows.iloc[0]["reason"] and rows.iloc[0]["line"] == 1


def test_mixed_utf8_and_cp1252_lines_keep_the_utf8_lines(write):
    content = "Title “curly”\n\n".encode() + "Caf\xe9 line.\n".encode("cp1252")
    df = newslib.load(write("mixed.txt", content))
    assert df.loc[0, "title"] == "Title “curly”"
    assert df.loc[0, "text"] == "Café line."
    assert report_rows(df, "mixed.txt").iloc[0]["line"] == 3


def test_utf8_bom_is_removed(write):
    df = newslib.load(write("bom.txt", b"\xef\xbb\xbf" + GOOD.encode()))
    assert df.loc[0, "title"] == "A good title"


def test_undecodable_bytes_skip_the_file_with_its_line(write):
    # 0x81 is undefined in cp1252 and invalid in UTF-8, and charset-normalizer finds no
    # encoding in which every byte from 0x80 to 0xff in a row reads as text.
    path = write("broken.txt", b"Title\n\nfine\nbad " + bytes(range(0x80, 0x100)) + b" byte\n")
    df = newslib.load(path)
    assert len(df) == 0
    row = report_rows(df, "broken.txt").iloc[0]
    assert row["status"] == "skipped" and row["line"] == 4 and "undecodable" in row["reason"]
    with pytest.raises(newslib.ParseError) as caught:
        newslib.load(path, errors="raise")
    assert caught.value.line == 4 and "broken.txt:4" in str(caught.value)


def test_binary_empty_and_whitespace_files(write, tmp_path):
    write("good.txt", GOOD)
    write("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write("nul.txt", b"Title\x00\x00\x00 binary")
    write("empty.txt", b"")
    write("blank.txt", "  \n\n \t\n")
    df = newslib.load(tmp_path)
    assert df["title"].tolist() == ["A good title"]
    summary = accounted(df)
    assert summary == {**summary, "files_seen": 5, "files_loaded": 1, "files_skipped": 4}
    report = df.attrs["load_report"]
    reasons = {
        p.rsplit("/", 1)[1]: r for p, r in zip(report["path"], report["reason"], strict=True)
    }
    assert reasons["image.png"].startswith("binary")
    assert reasons["nul.txt"].startswith("binary")
    assert reasons["empty.txt"] == "empty file"
    assert "only whitespace" in reasons["blank.txt"]


def test_impossible_header_date_keeps_the_article_and_reports(write):
    path = write("feb30.txt", " date 2023-02-30 A title\n\nBody text.\n")
    df = newslib.load(path)
    assert df.loc[0, "title"] == "A title" and pd.isna(df.loc[0, "date"])
    row = report_rows(df, "feb30.txt").iloc[0]
    assert row["status"] == "repaired" and "impossible date" in row["reason"]
    with pytest.raises(newslib.ParseError, match=r"feb30.txt:1: impossible date"):
        newslib.load(path, errors="raise")


def test_out_of_range_year_is_impossible_not_a_crash(write):
    df = newslib.load(write("far.txt", "date 9999-01-01 Far future\n\nBody."))
    assert pd.isna(df.loc[0, "date"])
    assert "impossible date" in df.attrs["load_report"].loc[0, "reason"]


def test_duplicates_are_kept_once_and_reported(write, tmp_path, seed_path):
    write("a/one.txt", seed_path.read_text(encoding="utf-8"))
    write("b/two.txt", seed_path.read_text(encoding="utf-8"))
    write("rows.jsonl", '{"title": "T", "text": "Same."}\n{"title": "T", "text": "Same."}\n')
    df = newslib.load(tmp_path)
    assert len(df) == 2
    assert df["article_id"].is_unique
    report = df.attrs["load_report"]
    duplicates = report[report["reason"].str.startswith("duplicate")]
    assert sorted(p.rsplit("/", 1)[1] for p in duplicates["path"]) == ["rows.jsonl", "two.txt"]
    assert "one.txt" in duplicates[duplicates["path"].str.endswith("two.txt")].iloc[0]["reason"]
    summary = accounted(df)
    assert summary["files_loaded"] == 2 and summary["files_skipped"] == 1


def test_size_limit(write, tmp_path):
    write("small.txt", GOOD)
    write("big.txt", "Big\n\n" + "word " * 1000)
    df = newslib.load(tmp_path, max_bytes=1000)
    assert df["title"].tolist() == ["A good title"]
    assert "over the limit" in report_rows(df, "big.txt").iloc[0]["reason"]


def test_bad_table_rows_are_reported_by_line(write):
    path = write(
        "t.csv",
        "title,date,text\nOK,2020-01-01,Fine text\n"
        "Bad date,someday,Text two\nNo text,2020-01-03,\n",
    )
    df = newslib.load(path)
    assert df["title"].tolist() == ["OK", "Bad date"]
    assert pd.isna(df.loc[1, "date"])
    report = df.attrs["load_report"]
    assert report[["line", "status"]].values.tolist() == [[3, "repaired"], [4, "skipped"]]
    accounted(df)


def test_malformed_tables_and_front_matter_are_skipped(write, tmp_path):
    write("bad.jsonl", '{not json\n["not", "an", "object"]\n')
    write("half.jsonl", '{"title": "x", "text": "y"}\n{not json\n')  # the good line is kept
    write("bad.parquet", b"PAR1 this is not parquet PAR1")
    write("bad.md", "---\ntitle: [unclosed\n---\nBody.")
    write("good.txt", GOOD)
    df = newslib.load(tmp_path)
    assert df["title"].tolist() == ["A good title", "x"]
    summary = accounted(df)
    assert summary["files_skipped"] == 3
    assert set(df.attrs["load_report"]["status"]) == {"skipped"}
    half = report_rows(df, "half.jsonl")
    assert half["line"].tolist() == [2] and "invalid JSON" in half.iloc[0]["reason"]


def test_errors_raise_names_the_file(write):
    path = write("empty.txt", b"")
    with pytest.raises(newslib.ParseError, match=r"empty.txt: empty file"):
        newslib.load(path, errors="raise")
    with pytest.raises(ValueError, match="errors must be"):
        newslib.load(path, errors="ignore")
