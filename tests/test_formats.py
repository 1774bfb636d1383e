"""Every input format, on small fixtures written here."""

import json

import pandas as pd
import pytest

import newslib

BODY = 'First paragraph of the story.\n\nSecond paragraph, with a quote: "Yes," she said.'


def test_seed_format_title_with_commas_and_dates(write):
    path = write(
        "a.txt",
        " date 2021-07-09 Paris, France: talks on 2021-07-08, March 3 deal, fail "
        "Friday, July 9, 2021 9:05:00 AM\n\n" + BODY + "\n",
    )
    row = newslib.load(path).iloc[0]
    assert row["title"] == "Paris, France: talks on 2021-07-08, March 3 deal, fail"
    assert row["date"] == pd.Timestamp("2021-07-09 09:05:00")
    assert row["n_paragraphs"] == 2


def test_seed_format_without_long_timestamp_uses_iso_date(write):
    path = write("b.txt", "date 2021-07-09 Only an ISO date here\n\n" + BODY)
    df = newslib.load(path)
    assert df.loc[0, "title"] == "Only an ISO date here"
    assert df.loc[0, "date"] == pd.Timestamp("2021-07-09")
    assert len(df.attrs["load_report"]) == 0


def test_seed_format_unparseable_timestamp_falls_back_and_is_reported(write):
    path = write("c.txt", " date 2021-07-09 Title here Friday, February 30, 2021 9:05:00 AM\n\nx")
    df = newslib.load(path)
    assert df.loc[0, "title"] == "Title here"
    assert df.loc[0, "date"] == pd.Timestamp("2021-07-09")
    report = df.attrs["load_report"]
    assert report["status"].tolist() == ["repaired"]
    assert "timestamp" in report.loc[0, "reason"]


def test_plain_text_with_date_in_file_name(write):
    path = write("nyt_2016-09-20_some-slug.txt", "\n\nThe headline\n\n" + BODY)
    row = newslib.load(path).iloc[0]
    assert row["title"] == "The headline"
    assert row["date"] == pd.Timestamp("2016-09-20")
    assert row["text"] == BODY
    undated = newslib.load(write("no-date.txt", "Headline\n\n" + BODY)).iloc[0]
    assert pd.isna(undated["date"])


def test_markdown_front_matter(write):
    path = write(
        "story.md",
        '---\ntitle: "Council votes, again"\ndate: 2022-05-01T14:30:00+02:00\n'
        "source: The Local Paper\nurl: https://example.org/a\nauthor: [Ann Lee, Bo Chen]\n---\n\n"
        + BODY,
    )
    row = newslib.load(path).iloc[0]
    assert row["title"] == "Council votes, again"
    # Aware times become naive UTC by default.
    assert row["date"] == pd.Timestamp("2022-05-01 12:30:00")
    assert row["source"] == "The Local Paper"
    assert row["url"] == "https://example.org/a"
    assert row["author"] == "Ann Lee, Bo Chen"
    assert row["text"] == BODY


def test_markdown_without_title_uses_first_heading(write):
    path = write("t.md", "---\ndate: 2022-05-01\n---\n# The heading\n\n" + BODY)
    row = newslib.load(path).iloc[0]
    assert row["title"] == "The heading"
    assert row["text"] == BODY


def test_tz_option_converts_aware_and_localises_naive(write):
    aware = write("a.md", "---\ntitle: A\ndate: 2022-05-01T12:00:00+00:00\n---\nText a.")
    naive = write("b.md", "---\ntitle: B\ndate: 2022-05-01 12:00:00\n---\nText b.")
    df = newslib.load([aware, naive], tz="Europe/Berlin")
    assert str(df["date"].dt.tz) == "Europe/Berlin"
    dates = dict(zip(df["title"], df["date"], strict=True))
    assert dates["A"] == pd.Timestamp("2022-05-01 14:00", tz="Europe/Berlin")
    assert dates["B"] == pd.Timestamp("2022-05-01 12:00", tz="Europe/Berlin")


RECORDS = [
    {"title": "One", "date": "2020-01-02", "text": BODY, "source": "Paper A"},
    {"title": "Two", "date": "2020-02-03 08:00", "text": "Only one paragraph.", "source": None},
]


def _check_records(df):
    assert df["title"].tolist() == ["One", "Two"]
    assert df["date"].tolist() == [pd.Timestamp("2020-01-02"), pd.Timestamp("2020-02-03 08:00")]
    assert df["n_paragraphs"].tolist() == [2, 1]
    assert df.loc[0, "source"] == "Paper A" and pd.isna(df.loc[1, "source"])
    assert df.loc[0, "text"] == BODY


def test_jsonl(write):
    path = write("a.jsonl", "\n".join(json.dumps(r) for r in RECORDS) + "\n")
    _check_records(newslib.load(path))


def test_json_array(write):
    _check_records(newslib.load(write("a.json", json.dumps(RECORDS))))


def test_csv_and_tsv(write, tmp_path):
    frame = pd.DataFrame(RECORDS)
    frame.to_csv(tmp_path / "a.csv", index=False)
    _check_records(newslib.load(tmp_path / "a.csv"))
    frame.to_csv(tmp_path / "a.tsv", index=False, sep="\t")
    _check_records(newslib.load(tmp_path / "a.tsv"))


def test_parquet(tmp_path):
    pd.DataFrame(RECORDS).to_parquet(tmp_path / "a.parquet")
    _check_records(newslib.load(tmp_path / "a.parquet"))


def test_columns_mapping_renames_other_schemas(tmp_path):
    frame = pd.DataFrame(RECORDS).rename(
        columns={"title": "headline", "text": "body", "date": "published"}
    )
    frame.to_csv(tmp_path / "export.csv", index=False)
    df = newslib.load(
        tmp_path / "export.csv", columns={"headline": "title", "body": "text", "published": "date"}
    )
    _check_records(df)
    # headline, body and published are names newslib knows (newslib/data/column_aliases.txt).
    _check_records(newslib.load(tmp_path / "export.csv"))
    frame.rename(columns={"body": "blurb"}).to_csv(tmp_path / "other.csv", index=False)
    unmapped = newslib.load(tmp_path / "other.csv")
    assert len(unmapped) == 0
    reason = unmapped.attrs["load_report"].loc[0, "reason"]
    assert "no 'text' column" in reason and "columns={'blurb': 'text'}" in reason


def test_html_through_trafilatura(write):
    pytest.importorskip("trafilatura")
    page = (
        "<html><head><title>Harbour reopens</title>"
        '<meta property="og:site_name" content="Coast Gazette">'
        '<meta property="article:published_time" content="2021-03-04T10:00:00+00:00"></head>'
        "<body><nav>Home | News</nav><article><h1>Harbour reopens</h1>"
        "<p>The harbour reopened on Thursday after three months of repairs to the sea wall.</p>"
        "<p>Fishing boats returned in the afternoon, and the harbour master said traffic would "
        "be back to normal within a week.</p></article></body></html>"
    )
    row = newslib.load(write("page.html", page)).iloc[0]
    assert row["title"] == "Harbour reopens"
    assert row["source"] == "Coast Gazette"
    assert row["date"] == pd.Timestamp("2021-03-04 10:00")  # the time of publication kept
    assert row["text"].startswith("The harbour reopened on Thursday")
    assert row["n_paragraphs"] == 2
    assert "Home | News" not in row["text"]


def test_html_without_extra_names_the_extra(write, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("No module named 'trafilatura'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ImportError, match=r"newslib\[html\]"):
        newslib.load(write("p.html", "<html><body><p>x</p></body></html>"))


def test_directory_glob_and_list_sources(write, tmp_path):
    a = write("corpus/2020/a.txt", "Title A\n\nBody A.")
    b = write("corpus/2021/deep/b.txt", "Title B\n\nBody B.")
    write("corpus/.hidden/c.txt", "Title C\n\nBody C.")
    write("corpus/.DS_Store", b"\x00\x01")
    by_dir = newslib.load(tmp_path / "corpus")
    assert by_dir["title"].tolist() == ["Title A", "Title B"]
    assert by_dir.attrs["load_summary"]["files_seen"] == 2
    by_glob = newslib.load(str(tmp_path / "corpus" / "**" / "*.txt"))
    assert by_glob["title"].tolist() == ["Title A", "Title B"]
    by_list = newslib.load([b, a, a])  # order and repeats do not matter
    # Files named directly have no folder below a named one: no source from it (and folders
    # named like years give none anyway; see test_load_options.py).
    pd.testing.assert_frame_equal(by_list, by_dir, check_like=False)
    assert by_list["source"].isna().all()


def test_explicit_format_applies_to_every_file(write):
    path = write("notes.log", "A title\n\nA body.")
    assert len(newslib.load(path)) == 0  # unknown extension: reported, not guessed
    df = newslib.load(path, format="text")
    assert df.loc[0, "title"] == "A title"


def test_missing_path_and_unknown_format_raise_clearly(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        newslib.load(tmp_path / "missing")
    with pytest.raises(FileNotFoundError, match="no files match"):
        newslib.load(str(tmp_path / "*.nothing"))
    with pytest.raises(ValueError, match="unknown format 'docx'"):
        newslib.load(tmp_path, format="docx")
