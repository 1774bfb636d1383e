"""Hostile input for the loader (issue 13): one bad file or row never aborts a load, dates do
not depend on the clock or a guess left unsaid, any encoding is read or reported, and every
file not read is in the load report. Fixtures are written here."""

import json
import os
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from load_checks import accounted, report_rows

import newslib
from newslib.io import LoadStream

GOOD = "A good title\n\nA good body.\n"
BODY = "The council met on Monday and approved the budget for the coming year."


def _jsonl(*records):
    return "".join(json.dumps(r) + "\n" for r in records)


# --------------------------------------------------------------------------- 2. one bad file


def test_json_rows_whose_text_is_a_list_or_dict_are_skipped_by_line(write, tmp_path):
    write(
        "rows.jsonl",
        _jsonl(
            {"title": "One", "text": "First text."},
            {"title": "Two", "text": ["a", "list"]},
            {"title": "Three", "text": {"a": "dict"}},
            {"title": "Four", "text": "Fourth text.", "date": ["2020-01-01"]},
        ),
    )
    records = [{"title": "Five", "text": ["x"]}, {"title": "Six", "text": "6"}]
    write("rows.json", json.dumps(records))
    write("good.txt", GOOD)
    df = newslib.load(tmp_path)
    assert sorted(df["title"]) == ["A good title", "Four", "One", "Six"]
    rows = report_rows(df, "rows.jsonl")
    skipped = rows[rows["status"] == "skipped"]
    assert skipped["line"].tolist() == [2, 3]
    assert "list" in skipped.iloc[0]["reason"] and "dict" in skipped.iloc[1]["reason"]
    # A list is no date: the article is kept undated, and the date reported.
    assert pd.isna(df.set_index("title").loc["Four", "date"])
    assert rows[rows["status"] == "repaired"]["line"].tolist() == [4]
    assert report_rows(df, "rows.json")["line"].tolist() == [1]
    accounted(df)
    with pytest.raises(newslib.ParseError, match=r"rows\.jsonl:2: .*list"):
        newslib.load(tmp_path / "rows.jsonl", errors="raise")


def test_impossible_front_matter_date_keeps_the_article(write, tmp_path):
    write("bad.md", "---\ntitle: Thirteenth month\ndate: 2023-13-45\n---\n\n" + BODY)
    write("good.txt", GOOD)
    df = newslib.load(tmp_path)
    assert sorted(df["title"]) == ["A good title", "Thirteenth month"]
    row = report_rows(df, "bad.md").iloc[0]
    assert row["status"] == "repaired" and "2023-13-45" in row["reason"]
    assert pd.isna(df.set_index("title").loc["Thirteenth month", "date"])
    with pytest.raises(newslib.ParseError, match=r"bad\.md: unparseable date '2023-13-45'"):
        newslib.load(tmp_path / "bad.md", errors="raise")


def test_front_matter_dates_are_parsed_by_newslib_not_yaml(write):
    df = newslib.load(
        [
            write("a.md", "---\ntitle: A\ndate: 2023-04-05\n---\nText a."),
            write("b.md", "---\ntitle: B\ndate: 2023-04-05 10:30:00\n---\nText b."),
            write("c.md", "---\ntitle: C\ndate: !!timestamp 2023-02-30\n---\nText c."),
        ]
    )
    dates = dict(zip(df["title"], df["date"], strict=True))
    assert dates["A"] == pd.Timestamp("2023-04-05")
    assert dates["B"] == pd.Timestamp("2023-04-05 10:30")
    assert pd.isna(dates["C"])


def _non_utf8_name(folder):
    name = os.fsencode(str(folder)) + b"/caf\xff.txt"
    try:
        with open(name, "wb") as handle:
            handle.write(b"Cafe title\n\nCafe body.\n")
    except OSError as error:  # a file system that only takes UTF-8 names
        pytest.skip(f"cannot create a non-UTF-8 file name here: {error}")
    return os.fsdecode(name)


def test_a_file_name_that_is_not_utf8_is_loaded_and_reported(write, tmp_path):
    write("corpus/good.txt", GOOD)
    _non_utf8_name(tmp_path / "corpus")
    df = newslib.load(tmp_path / "corpus")
    assert sorted(df["title"]) == ["A good title", "Cafe title"]
    shown = df.set_index("title").loc["Cafe title", "path"]
    assert shown.endswith("caf\\xff.txt")
    row = report_rows(df, "caf\\xff.txt").iloc[0]
    assert row["status"] == "repaired" and "not valid UTF-8" in row["reason"]
    accounted(df)
    # The same through a cached stream, and the command line.
    cache = tmp_path / "cache"
    for _ in range(2):
        chunks = list(LoadStream(tmp_path / "corpus", cache_dir=cache))
        assert sorted(chunks[0]["title"]) == ["A good title", "Cafe title"]
    result = subprocess.run(
        [sys.executable, "-m", "newslib.cli", "load", str(tmp_path / "corpus")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "caf\\xff.txt" in result.stdout


def test_an_unexpected_error_in_one_file_is_reported_not_raised(write, tmp_path, monkeypatch):
    import newslib.io as io

    def broken(text, path, report):
        raise RuntimeError("boom")

    monkeypatch.setitem(io._TEXT_READERS, "markdown", broken)
    write("a.md", "---\ntitle: A\n---\nText.")
    write("good.txt", GOOD)
    df = newslib.load(tmp_path)
    assert df["title"].tolist() == ["A good title"]
    row = report_rows(df, "a.md").iloc[0]
    assert row["status"] == "skipped" and "RuntimeError: boom" in row["reason"]
    accounted(df)
    with pytest.raises(newslib.ParseError, match=r"a\.md: .*boom"):
        newslib.load(tmp_path / "a.md", errors="raise")


def test_lone_surrogates_in_json_text_are_replaced_and_reported(write):
    df = newslib.load(write("s.jsonl", '{"title": "T\\udcff", "text": "Caf\\ud800 text."}\n'))
    assert df.loc[0, "text"] == "Caf\ufffd text." and df.loc[0, "title"] == "T\ufffd"
    rows = df.attrs["load_report"]
    assert rows["status"].tolist() == ["repaired", "repaired"]
    assert all("surrogate" in r for r in rows["reason"])


# --------------------------------------------------------------------------- 6. dates


def test_integer_epochs_are_seconds_or_milliseconds_by_magnitude(write, tmp_path):
    expected = pd.Timestamp("2023-03-28 10:40:00")  # 1680000000 s after 1970-01-01 UTC
    write(
        "e.jsonl",
        _jsonl(
            {"title": "s", "text": "Seconds.", "date": 1680000000},
            {"title": "ms", "text": "Milliseconds.", "date": 1680000000000},
            {"title": "float", "text": "Fractional seconds.", "date": 1680000000.5},
            {"title": "huge", "text": "Too large.", "date": 10**17},
            {"title": "year", "text": "A year.", "date": 2023},
            {"title": "compact", "text": "Compact number.", "date": 20230328},
        ),
    )
    write("e.csv", "title,date,text\ncsv,1680000000,CSV seconds.\nyymmdd,20230328,Compact.\n")
    write("e.md", "---\ntitle: md\ndate: 1680000000000\n---\nFront matter milliseconds.")
    df = newslib.load(tmp_path)
    dates = dict(zip(df["title"], df["date"], strict=True))
    assert dates["s"] == dates["ms"] == dates["csv"] == dates["md"] == expected
    assert dates["float"] == expected + pd.Timedelta("500ms")
    assert dates["yymmdd"] == dates["compact"] == pd.Timestamp("2023-03-28")
    assert dates["year"] == pd.Timestamp("2023-01-01")  # not 2023 seconds after 1970
    assert pd.isna(dates["huge"])
    assert "not a Unix time" in report_rows(df, "e.jsonl").iloc[0]["reason"]
    # Epochs are instants in UTC: with tz= they are converted, not localised.
    berlin = newslib.load(tmp_path / "e.jsonl", tz="Europe/Berlin")
    assert berlin.loc[0, "date"] == pd.Timestamp("2023-03-28 12:40", tz="Europe/Berlin")


@pytest.mark.parametrize("word", ["now", "today", "Today", "yesterday", "tomorrow", "10:30"])
def test_relative_dates_are_unparseable_not_the_clock(write, word):
    path = write("r.jsonl", _jsonl({"title": "T", "text": "Text.", "date": word}))
    df = newslib.load(path)
    assert pd.isna(df.loc[0, "date"])
    row = df.attrs["load_report"].iloc[0]
    assert row["status"] == "repaired" and repr(word) in row["reason"]
    md = newslib.load(write("r.md", f"---\ntitle: T\ndate: {word}\n---\nText."))
    assert pd.isna(md.loc[0, "date"])


def test_ambiguous_dates_follow_dayfirst_and_are_noted_once(write, tmp_path):
    write("a.csv", "title,date,text\nA,04/05/2023,Text a.\nB,13/05/2023,Text b.\nC,2023-04-05,C\n")
    write("b.jsonl", _jsonl({"title": "D", "text": "Text d.", "date": "04.05.2023 10:00"}))
    write("c.md", "---\ntitle: E\ndate: 04/05/23\n---\nText e.")
    df = newslib.load(tmp_path)
    dates = dict(zip(df["title"], df["date"], strict=True))
    assert dates["A"] == pd.Timestamp("2023-04-05")  # month first, as pandas
    assert dates["B"] == pd.Timestamp("2023-05-13")  # 13 cannot be a month: not ambiguous
    assert dates["C"] == pd.Timestamp("2023-04-05")  # ISO is never read day first
    assert dates["D"] == pd.Timestamp("2023-04-05 10:00")
    assert dates["E"] == pd.Timestamp("2023-04-05")
    notes = df.attrs["load_report"].query("status == 'note'")
    assert len(notes) == 1
    reason = notes.iloc[0]["reason"]
    assert reason.startswith("3 ambiguous dates") and "month first" in reason
    assert "dayfirst=True" in reason
    assert df.attrs["load_summary"]["repaired"] == 0
    day = newslib.load(tmp_path, dayfirst=True)
    dates = dict(zip(day["title"], day["date"], strict=True))
    assert dates["A"] == dates["E"] == pd.Timestamp("2023-05-04")
    assert dates["B"] == pd.Timestamp("2023-05-13") and dates["C"] == pd.Timestamp("2023-04-05")
    assert "day first" in day.attrs["load_report"].query("status == 'note'").iloc[0]["reason"]
    # A note is no error: errors="raise" reads ambiguous dates without raising.
    assert len(newslib.load(tmp_path / "a.csv", errors="raise")) == 3


def test_dayfirst_is_an_option_of_the_stream_the_cache_and_the_cli(write, tmp_path):
    write("corpus/a.csv", "title,date,text\nA,04/05/2023,Text a.\n")
    cache = tmp_path / "cache"
    month = list(LoadStream(tmp_path / "corpus", cache_dir=cache))[0]
    day = list(LoadStream(tmp_path / "corpus", cache_dir=cache, dayfirst=True))[0]
    assert month.loc[0, "date"] == pd.Timestamp("2023-04-05")
    assert day.loc[0, "date"] == pd.Timestamp("2023-05-04")  # not the cached month-first parse
    result = subprocess.run(
        [sys.executable, "-m", "newslib.cli", "load", "--dayfirst", str(tmp_path / "corpus")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "2023-05-04" in result.stdout and "day first" in result.stdout


# --------------------------------------------------------------------------- 8. encodings


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_text(write, codec):
    content = "Café title\n\nBody “quoted” text.\n"
    data = content.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    df = newslib.load(write("u.txt", data))
    assert df.loc[0, "title"] == "Café title"
    assert df.loc[0, "text"] == "Body “quoted” text."
    assert len(df.attrs["load_report"]) == 0
    seed = " date 2023-04-04 A seed title Tuesday, April 4, 2023 4:00:00 PM\n\nBody.\n"
    assert newslib.load(write("s.txt", seed.encode("utf-16"))).loc[0, "title"] == "A seed title"
    table = newslib.load(write("t.csv", "title,text\nCafé,Body é\n".encode("utf-16")))
    assert table.loc[0, "title"] == "Café"


def test_cp1252_csv_and_tsv_are_repaired_like_text_files(write, tmp_path):
    write("win.csv", "title,text\nCafé news,She said “yes”.\n".encode("cp1252"))
    write("win.tsv", "title\ttext\nTSV café\tBody é.\n".encode("cp1252"))
    df = newslib.load(tmp_path)
    assert sorted(df["title"]) == ["Café news", "TSV café"]
    assert df.set_index("title").loc["Café news", "text"] == "She said “yes”."
    for name in ("win.csv", "win.tsv"):
        row = report_rows(df, name).iloc[0]
        assert row["status"] == "repaired" and "cp1252" in row["reason"] and row["line"] == 2


def test_html_meta_charset_is_honoured(write, tmp_path):
    pytest.importorskip("trafilatura")
    body = (
        "<p>Правительство объявило в понедельник о новых мерах поддержки экономики страны.</p>"
        "<p>Министр финансов заявил, что программа начнёт работать уже в следующем месяце.</p>"
    )
    content_type = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    for name, meta, codec, title in [
        ("a.html", '<meta charset="windows-1251">', "cp1251", "Новости дня"),
        ("b.html", content_type, "koi8_r", "Новости недели"),
    ]:
        page = (
            f"<html><head>{meta}<title>{title}</title></head><body><article>"
            f"<h1>{title}</h1>{body}</article></body></html>"
        )
        write(name, page.encode(codec))
    df = newslib.load(tmp_path)
    assert df["title"].tolist() == ["Новости дня", "Новости недели"]
    assert all(t.startswith("Правительство объявило") for t in df["text"])
    assert len(df.attrs["load_report"]) == 0


def test_charset_normalizer_guesses_what_cp1252_cannot_decode(write):
    text = (
        "東京の天気\n\n東京では明日、朝から雨が降る見込みです。気象庁によると、"
        "午後には風も強まり、交通機関に影響が出るおそれがあります。\n"
    )
    df = newslib.load(write("sjis.txt", text.encode("shift_jis")))
    assert df.loc[0, "title"] == "東京の天気"
    assert df.loc[0, "text"].startswith("東京では明日")
    row = df.attrs["load_report"].iloc[0]
    assert row["status"] == "repaired" and "charset-normalizer" in row["reason"]


def test_cyrillic_cp1251_is_not_read_as_cp1252_mojibake(write):
    text = (
        "Заголовок новости\n\nПравительство объявило о новых мерах поддержки экономики "
        "в понедельник, сообщили в министерстве финансов.\n"
    )
    df = newslib.load(write("ru.txt", text.encode("cp1251")))
    assert df.loc[0, "title"] == "Заголовок новости"
    assert "cp1251" in df.attrs["load_report"].iloc[0]["reason"]


# --------------------------------------------------------------------------- 9. parquet bytes


def test_parquet_binary_string_columns_are_decoded(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "title": pa.array(["Café".encode(), b"Plain"], type=pa.binary()),
            "text": pa.array(["Body é.".encode(), "Old “quote”.".encode("cp1252")], pa.binary()),
            "date": pa.array([b"2020-01-02", None], type=pa.binary()),
        }
    )
    pq.write_table(table, tmp_path / "spark.parquet")
    df = newslib.load(tmp_path / "spark.parquet")
    assert df["title"].tolist() == ["Café", "Plain"]
    assert df["text"].tolist() == ["Body é.", "Old “quote”."]
    assert df.loc[0, "date"] == pd.Timestamp("2020-01-02")
    row = df.attrs["load_report"].iloc[0]
    assert row["status"] == "repaired" and row["line"] == 2 and "cp1252" in row["reason"]


# --------------------------------------------------------------------------- 10. JSON


def test_a_broken_jsonl_line_keeps_the_good_lines(write):
    path = write(
        "b.jsonl",
        _jsonl({"title": "One", "text": "First."})
        + "\n"  # a blank line: ignored, but counted
        + '{"title": "Two", "text": \n'
        + "[1, 2]\n"
        + _jsonl({"title": "Three", "text": "Third."}),
    )
    df = newslib.load(path)
    assert df["title"].tolist() == ["One", "Three"]
    report = df.attrs["load_report"]
    assert report["line"].tolist() == [3, 4]
    assert set(report["status"]) == {"skipped"}
    assert "invalid JSON" in report.iloc[0]["reason"] and "object" in report.iloc[1]["reason"]
    assert df.attrs["load_summary"]["files_loaded"] == 1
    with pytest.raises(newslib.ParseError, match=r"b\.jsonl:3: invalid JSON"):
        newslib.load(path, errors="raise")


def test_one_object_json_and_wrapped_lists(write):
    one = newslib.load(write("one.json", json.dumps({"title": "Solo", "text": BODY})))
    assert one["title"].tolist() == ["Solo"] and len(one.attrs["load_report"]) == 0
    for key in ("articles", "data", "items"):
        records = [{"title": f"{key} 1", "text": "One."}, {"title": f"{key} 2", "text": "Two."}]
        wrapped = newslib.load(write(f"{key}.json", json.dumps({key: records, "total": 2})))
        assert wrapped["title"].tolist() == [f"{key} 1", f"{key} 2"]
    scalar = newslib.load(write("scalar.json", "42"))
    assert len(scalar) == 0
    assert "scalar.json" in scalar.attrs["load_report"].iloc[0]["path"]


# --------------------------------------------------------------------------- 11. HTML in .txt

PAGE = (
    "\ufeff  \n<!DOCTYPE html>\n<html><head><title>Harbour reopens</title></head>"
    "<body><nav>Home | News</nav><article><h1>Harbour reopens</h1>"
    "<p>The harbour reopened on Thursday after three months of repairs to the sea wall.</p>"
    "<p>Fishing boats returned in the afternoon, and the harbour master said traffic would "
    "be back to normal within a week.</p></article></body></html>"
)


@pytest.mark.parametrize("name", ["page.txt", "page.md", "page"])
def test_a_text_file_holding_an_html_page_is_read_as_html(write, name):
    pytest.importorskip("trafilatura")
    df = newslib.load(write(name, PAGE))
    assert df.loc[0, "title"] == "Harbour reopens"
    assert df.loc[0, "text"].startswith("The harbour reopened")
    assert "<" not in df.loc[0, "text"]


def test_html_in_a_text_file_without_trafilatura_is_reported(write, tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("No module named 'trafilatura'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    write("page.txt", PAGE)
    write("good.txt", GOOD)
    df = newslib.load(tmp_path)
    assert df["title"].tolist() == ["A good title"]
    row = report_rows(df, "page.txt").iloc[0]
    assert row["status"] == "skipped" and "HTML" in row["reason"]
    assert "newslib[html]" in row["reason"]


# --------------------------------------------------------------------------- 17. NUL bytes


def test_a_stray_nul_after_the_first_8kb_is_removed_and_reported(write):
    words = ("word " * 20 + "\n") * 100  # 10 KB of text
    df = newslib.load(write("late.txt", "Title\n\n" + words + "Tail\x00end.\n"))
    assert "\x00" not in df.loc[0, "text"] and df.loc[0, "text"].endswith("Tailend.")
    row = df.attrs["load_report"].iloc[0]
    assert row["status"] == "repaired" and "NUL" in row["reason"] and row["line"] == 103
    early = newslib.load(write("early.txt", "Title\x00\n\n" + words))
    assert early.loc[0, "title"] == "Title"
    table = newslib.load(write("n.csv", "title,text\n" + "T,text\n" * 2000 + "U,a\x00b\n"))
    assert table["text"].tolist()[-1] == "ab"


def test_frequent_nul_bytes_after_the_first_8kb_make_a_binary_file(write):
    data = b"Title\n\n" + b"text " * 2000 + bytes(range(256)) * 60
    df = newslib.load(write("mixed.txt", data))
    assert len(df) == 0
    assert df.attrs["load_report"].iloc[0]["reason"].startswith("binary")


# --------------------------------------------------------------------------- properties

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(["now", "04/05/2023", "2023-13-45", "1680000000", "10:30", "\x00"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)
RECORDS = st.lists(
    st.fixed_dictionaries(
        {},
        optional={name: JSON_VALUES for name in ("title", "date", "text", "source", "author")},
    ),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(records=RECORDS, lines=st.lists(st.sampled_from(["", "{bad", "[1]", "null"]), max_size=3))
def test_any_json_values_never_crash_and_every_row_is_accounted(records, lines):
    import tempfile
    from pathlib import Path

    body = [json.dumps(r) for r in records] + lines
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.jsonl").write_text("\n".join(body), encoding="utf-8")
        (Path(folder) / "b.json").write_text(json.dumps(records), encoding="utf-8")
        df = newslib.load(folder)
    summary = accounted(df)
    assert summary["files_seen"] == 2
    report = df.attrs["load_report"]
    for name, n_rows in (("a.jsonl", len(body)), ("b.json", len(records))):
        loaded = df["path"].str.endswith(name).sum()
        rows = report_rows(df, name)
        skipped_rows = rows[(rows["status"] == "skipped") & rows["line"].notna()]
        # Every non-blank line is an article or a skipped row (duplicates included).
        blank = sum(1 for line in body if not line.strip()) if name == "a.jsonl" else 0
        if rows["reason"].str.contains("no 'text' column").any():
            continue  # no row has a text: the file is skipped as a whole
        assert loaded + skipped_rows["line"].nunique() == n_rows - blank
    assert not report["reason"].isna().any()


TEXTS = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200).filter(
    lambda t: any(c.isalnum() for c in t)
)


@settings(max_examples=150, deadline=None)
@given(
    text=TEXTS,
    codec=st.sampled_from(
        ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "cp1251", "shift_jis", "latin-1"]
    ),
    name=st.sampled_from(["a.txt", "a.md", "a.csv", "a.jsonl"]),
)
def test_any_encoding_never_crashes_and_never_vanishes(text, codec, name):
    import tempfile
    from pathlib import Path

    content = {
        "a.txt": f"Title\n\n{text}\n",
        "a.md": f"---\ntitle: T\n---\n{text}\n",
        "a.csv": pd.DataFrame({"title": ["T"], "text": [text]}).to_csv(index=False),
        "a.jsonl": json.dumps({"title": "T", "text": text}, ensure_ascii=False),
    }[name]
    try:
        data = content.encode(codec)
    except UnicodeEncodeError:
        return
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(data)
        df = newslib.load(folder)
    summary = accounted(df)
    if not summary["files_loaded"]:
        assert len(df.attrs["load_report"]), "a file that gave no article is in the report"
    if codec.startswith("utf"):  # declared by a BOM, or UTF-8: always text, read exactly
        from newslib.io import _decode, _Report

        assert summary["files_loaded"] == 1, df.attrs["load_report"]
        assert _decode(data, Path(name), _Report("raise")) == content


# ---------------------------------------------------------------- tables with odd rows (item 2)


def test_a_csv_row_with_too_many_cells_is_skipped_by_line_and_the_rest_kept(write, tmp_path):
    write(
        "rows.csv",
        'title,text,date\nOne,"First text.",2023-01-01\n'
        "Two,Second text.,2023-01-02,extra,cells\n"
        'Three,"A cell over\ntwo lines.",2023-01-03\n'
        "Four,Fourth text.,2023-01-04,\n"  # a trailing separator: an empty extra cell, kept
        "Five,Fifth text.,2023-01-05,x\n"
        "Six\n",
    )
    df = newslib.load(tmp_path / "rows.csv")
    accounted(df)
    assert df["title"].tolist() == ["One", "Three", "Four"]
    rows = report_rows(df, "rows.csv").to_dict("records")
    assert [(r["line"], r["status"]) for r in rows] == [
        (3, "skipped"),
        (7, "skipped"),
        (8, "skipped"),
    ]
    assert "5 cells where the header has 3 columns" in rows[0]["reason"]
    assert "no text" in rows[2]["reason"]


def test_csv_cells_with_bare_carriage_returns_and_long_texts_are_read(write, tmp_path):
    long_text = "The council met again. " * 8000  # 184,000 characters: over csv's default
    write("cr.csv", f'title,text\nOne,"First line\rsecond line"\nTwo,"{long_text}"\n')
    df = newslib.load(tmp_path / "cr.csv")
    accounted(df)
    assert df["title"].tolist() == ["One", "Two"]
    assert "First line" in df["text"][0] and "second line" in df["text"][0]
    assert len(df["text"][1]) > 150_000
    assert report_rows(df, "cr.csv").empty


def test_a_repeated_column_name_keeps_the_first_as_text(write, tmp_path):
    write("dup.csv", "title,text,text\nOne,The first text.,Another text.\n")
    df = newslib.load(tmp_path / "dup.csv")
    assert df["text"].tolist() == ["The first text."]


def test_an_unknown_time_zone_is_a_value_error_before_reading(write, tmp_path, reads):
    write("a.txt", GOOD)
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'.*IANA"):
        newslib.load(tmp_path, tz="Mars/Olympus")
    assert reads == []


# ------------------------------------------------------------------------ 8. UTF-16 without BOM


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_read_and_reported(write, tmp_path, codec):
    write("a.txt", "Le café\n\nLa mairie a voté le budget lundi.\n".encode(codec))
    write("t.csv", "title,text\nUn,Le texte du café.\n".encode(codec))
    df = newslib.load(tmp_path)
    accounted(df)
    assert sorted(df["title"]) == ["Le café", "Un"]
    assert "La mairie a voté le budget lundi." in df["text"].tolist()
    rows = report_rows(df, "a.txt").to_dict("records")
    assert rows[0]["status"] == "repaired" and codec.upper() in rows[0]["reason"]


def test_zeros_between_control_bytes_are_still_binary(write, tmp_path):
    write("blob.txt", bytes([1, 0, 2, 0, 3, 0, 4, 0]) * 500)
    df = newslib.load(tmp_path)
    accounted(df)
    assert len(df) == 0
    assert "binary" in report_rows(df, "blob.txt")["reason"].iloc[0]
