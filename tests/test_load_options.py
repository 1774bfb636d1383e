"""Issue 12: sources from folders and domains, the column names of news exports, one set of
load options for ``load``, ``analyze``, ``build_report``, the command line and the notebooks,
and exit codes that say when nothing was loaded. Every fixture is written here; the texts are
invented for these tests."""

from __future__ import annotations

import inspect
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import newslib
from newslib import manifest
from newslib import notebook as nb
from newslib.analyze import analyze_tables, analyze_to_folder
from newslib.cache import FileCache
from newslib.cli import build_parser, main
from newslib.columns import aliases, normalize
from newslib.io import LoadStream
from newslib.loadreport import NoArticlesError
from newslib.report import build_report

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

TEXTS = [
    "The harbour board voted to repair the sea wall. Work starts in May.",
    "Ferry tickets will cost less from June, the operator said on Monday.",
    "The library reopened after a month of repairs to its leaking roof.",
    "A new bus line links the station with the hospital and the university.",
]


def article(n: int) -> str:
    """A plain-text article: title line, blank line, body."""
    return f"Story number {n}\n\n{TEXTS[n % len(TEXTS)]} Item {n}."


@pytest.fixture
def publishers(write, tmp_path):
    """corpus/nyt/..., corpus/politico/... (one a level deeper), a file at the top and one in
    a folder named like a year."""
    write("corpus/nyt/a.txt", article(0))
    write("corpus/nyt/2024/b.txt", article(1))
    write("corpus/politico/c.txt", article(2))
    write("corpus/top.txt", article(3))
    write("corpus/2023/d.txt", article(4))
    return tmp_path / "corpus"


def by_title(df: pd.DataFrame, column: str = "source") -> dict:
    return {t: (None if pd.isna(v) else v) for t, v in zip(df["title"], df[column], strict=True)}


# ----------------------------------------------------------------------------- 1. sources


def test_per_publisher_folders_give_sources(publishers):
    df = newslib.load(publishers)
    assert by_title(df) == {
        "Story number 0": "nyt",
        "Story number 1": "nyt",  # the first folder below the one named, however deep
        "Story number 2": "politico",
        "Story number 3": None,  # at the top level: no folder below the one named
        "Story number 4": None,  # a folder named like a year sorts by time, names no outlet
    }
    # A glob names the folder before its first wildcard.
    assert by_title(newslib.load(str(publishers / "**" / "*.txt"))) == by_title(df)
    # A file given directly has no folder below a named one.
    assert newslib.load(publishers / "nyt" / "a.txt")["source"].isna().all()
    # Naming the publisher's folder itself: its files are at the top level.
    assert newslib.load(publishers / "nyt")["source"].isna().all()


def test_a_file_s_own_source_wins_over_its_folder(write, tmp_path):
    write("corpus/nyt/own.md", "---\ntitle: Own\nsource: The Times\n---\n\nA body of text.\n")
    write("corpus/nyt/plain.txt", article(1))
    write("corpus/wire/t.csv", "title,text,source\nRow,A row of text.,Wire Service\n")
    assert by_title(newslib.load(tmp_path / "corpus")) == {
        "Own": "The Times",
        "Story number 1": "nyt",
        "Row": "Wire Service",
    }


@pytest.mark.parametrize(
    ("source_from", "expected"),
    [
        ("auto", {"Own": "The Times", "Linked": "example.com", "Plain": "nyt", "Top": None}),
        ("folder", {"Own": "nyt", "Linked": None, "Plain": "nyt", "Top": None}),
        ("domain", {"Own": "times.example", "Linked": "example.com", "Plain": None, "Top": None}),
        ("none", {"Own": "The Times", "Linked": None, "Plain": None, "Top": None}),
    ],
)
def test_source_from_each_value(write, tmp_path, source_from, expected):
    write(
        "corpus/nyt/own.md",
        "---\ntitle: Own\nsource: The Times\nurl: https://www.times.example/a\n---\n\nText.\n",
    )
    write("corpus/linked.md", "---\ntitle: Linked\nurl: https://www.example.com/b\n---\n\nText.\n")
    write("corpus/nyt/plain.txt", "Plain\n\nSome text.")
    write("corpus/top.txt", "Top\n\nOther text.")
    df = newslib.load(tmp_path / "corpus", source_from=source_from)
    assert by_title(df) == expected


def test_unknown_source_from_is_refused(publishers):
    with pytest.raises(ValueError, match="source_from must be one of auto, folder, domain, none"):
        newslib.load(publishers, source_from="site")


def test_html_without_site_name_gets_the_domain(write, tmp_path):
    pytest.importorskip("trafilatura")
    body = "".join(f"<p>{text} More words follow here to make a paragraph.</p>" for text in TEXTS)
    page = (
        "<html><head><title>Harbour reopens</title>"
        '<link rel="canonical" href="https://www.coast.example/news/harbour">'
        f"</head><body><article><h1>Harbour reopens</h1>{body}</article></body></html>"
    )
    named = page.replace("Harbour reopens", "Harbour expands").replace(
        "<title>", '<meta property="og:site_name" content="Coast Gazette"><title>'
    )
    write("corpus/plain.html", page)
    write("corpus/gazette/named.html", named)
    write("corpus/gazette/plain.html", page.replace("Harbour reopens", "Harbour closes"))
    corpus = tmp_path / "corpus"
    assert by_title(newslib.load(corpus)) == {
        "Harbour reopens": "coast.example",  # no site name, no folder: the URL's domain
        "Harbour closes": "gazette",  # no site name: its folder first
        "Harbour expands": "Coast Gazette",  # the page's own site name
    }
    assert by_title(newslib.load(corpus, source_from="none")) == {
        "Harbour reopens": None,
        "Harbour closes": None,
        "Harbour expands": "Coast Gazette",
    }
    domain = newslib.load(corpus, source_from="domain")
    assert set(domain["source"]) == {"coast.example"}


# ----------------------------------------------------------------------------- 2. columns

EXPORTS = {
    # Media Cloud API v2 stories (story_text with text=1), as a CSV.
    "mediacloud_v2.csv": (
        "stories_id,publish_date,title,url,language,media_id,media_name,media_url,story_text\n"
        "1,2024-03-12 18:45:00,Harbour vote,https://www.gazette.example/vote,en,7,"
        f'Harbour Gazette,https://gazette.example/,"{TEXTS[0]}"\n'
    ),
    # Media Cloud search API v4 story list (expanded=True), as JSON Lines.
    "mediacloud_v4.jsonl": json.dumps(
        {
            "id": "ab12",
            "media_name": "gazette.example",
            "media_url": "gazette.example",
            "title": "Harbour vote",
            "publish_date": "2024-03-12",
            "url": "https://gazette.example/vote",
            "language": "en",
            "indexed_date": "2024-03-13T02:00:00",
            "text": TEXTS[0],
        }
    )
    + "\n",
    # NewsAPI's response as saved (source is an object; content is the text).
    "newsapi.json": json.dumps(
        {
            "status": "ok",
            "totalResults": 1,
            "articles": [
                {
                    "source": {"id": None, "name": "Harbour Gazette"},
                    "author": "Ann Lee",
                    "title": "Harbour vote",
                    "description": "The board voted.",
                    "url": "https://gazette.example/vote",
                    "urlToImage": None,
                    "publishedAt": "2024-03-12T18:45:00Z",
                    "content": TEXTS[0],
                }
            ],
        }
    ),
    # NewsAPI flattened into a table (pandas.json_normalize names: source.id, source.name).
    "newsapi_flat.csv": (
        "source.id,source.name,author,title,description,url,urlToImage,publishedAt,content\n"
        f",Harbour Gazette,Ann Lee,Harbour vote,The board voted.,https://gazette.example/vote,,"
        f'2024-03-12T18:45:00Z,"{TEXTS[0]}"\n'
    ),
    # A GDELT DOC 2.0 article list, with the text a scraper added.
    "gdelt.csv": (
        "url,url_mobile,title,seendate,socialimage,domain,language,sourcecountry,article_text\n"
        "https://gazette.example/vote,,Harbour vote,20240312T184500Z,,gazette.example,English,"
        f'United Kingdom,"{TEXTS[0]}"\n'
    ),
    # A generic scraper: the export.
    "scraper.csv": (
        "headline,body,published_at,media_name,byline,url\n"
        f'Harbour vote,"{TEXTS[0]}",2024-03-12T18:45:00Z,Harbour Gazette,Ann Lee,'
        "https://gazette.example/vote\n"
    ),
    # news-please: an empty text beside maintext, authors as a list.
    "newsplease.jsonl": json.dumps(
        {
            "authors": ["Ann Lee"],
            "date_publish": "2024-03-12 18:45:00",
            "maintext": TEXTS[0],
            "source_domain": "gazette.example",
            "text": None,
            "title": "Harbour vote",
            "url": "https://gazette.example/vote",
        }
    )
    + "\n",
}
EXPECTED = {
    "mediacloud_v2.csv": ("Harbour Gazette", None, "2024-03-12 18:45"),
    "mediacloud_v4.jsonl": ("gazette.example", None, "2024-03-12"),
    "newsapi.json": ("Harbour Gazette", "Ann Lee", "2024-03-12 18:45"),
    "newsapi_flat.csv": ("Harbour Gazette", "Ann Lee", "2024-03-12 18:45"),
    "gdelt.csv": ("gazette.example", None, "2024-03-12 18:45"),
    "scraper.csv": ("Harbour Gazette", "Ann Lee", "2024-03-12 18:45"),
    "newsplease.jsonl": ("gazette.example", "Ann Lee", "2024-03-12 18:45"),
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_exports_load_with_their_own_column_names(write, name):
    df = newslib.load(write(f"exports/{name}", EXPORTS[name]))
    assert len(df) == 1, df.attrs["load_report"].to_dict("records")
    row = df.iloc[0]
    source, author, date = EXPECTED[name]
    assert row["title"] == "Harbour vote"
    assert row["text"] == TEXTS[0]
    assert row["source"] == source
    assert (None if pd.isna(row["author"]) else row["author"]) == author
    assert row["date"] == pd.Timestamp(date)
    assert row["url"].endswith("gazette.example/vote")


def test_names_match_whatever_their_case_and_separators(write):
    header = "HEADLINE,Article-Text,Published At,MEDIA NAME,By_Line,Link"
    csv = f'{header}\nT,"{TEXTS[1]}",2024-01-02,M,B,u\n'
    row = newslib.load(write("odd.csv", csv)).iloc[0]
    assert (row["title"], row["text"], row["source"], row["author"], row["url"]) == (
        "T",
        TEXTS[1],
        "M",
        "B",
        "u",
    )
    assert row["date"] == pd.Timestamp("2024-01-02")


def test_the_alias_table_is_documented_and_unambiguous():
    seen = {}
    for field, names in aliases().items():
        assert names[0] == field  # a field's own name comes first
        for name in names:
            key = normalize(name)
            assert key not in seen, f"{name} is an alias of {seen[key]} and {field}"
            seen[key] = field
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for names in aliases().values():
        for name in names:
            assert f"`{name}`" in readme, f"README's column table lacks {name}"


def test_two_possible_text_columns_name_the_columns_and_the_flag(write, tmp_path, capsys):
    short = TEXTS[2][:40]
    path = write("exports/two.csv", f'headline,body,content\nT,"{TEXTS[2]}","{short}"\n')
    df = newslib.load(path)
    assert len(df) == 0
    reason = df.attrs["load_report"].loc[0, "reason"]
    assert "'body', 'content'" in reason
    # The longest text is suggested, as a flag and in Python.
    assert "--column body=text" in reason and "columns={'body': 'text'}" in reason
    assert "columns: headline, body, content" in reason
    # The user's choice wins.
    chosen = newslib.load(path, columns={"content": "text"})
    assert chosen["text"].tolist() == [short]
    # On the command line: exit code 2 and the same advice, then the flag works.
    assert main(["load", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--column body=text" in err
    assert main(["load", str(path), "--column", "content=text", "--rows", "0"]) == 0


def test_no_text_column_suggests_the_longest_one(write):
    names = "Story Blurb,id,headline"
    df = newslib.load(write("t.csv", f'{names}\n"{TEXTS[3]}",7,T\n'))
    reason = df.attrs["load_report"].loc[0, "reason"]
    assert reason.startswith("no 'text' column")
    # A name with a space is quoted for the shell: the flag can be pasted as it is.
    assert "--column 'Story Blurb=text'" in reason
    assert "columns={'Story Blurb': 'text'}" in reason


def test_a_named_column_with_an_equals_sign_is_read_from_the_command_line(write, capsys):
    path = write("eq.csv", f'title,a=b\nT,"{TEXTS[0]}"\n')
    assert main(["load", str(path), "--column", "a=b=text", "--rows", "0"]) == 0
    assert capsys.readouterr().out.startswith("1 article from 1 file")


# ----------------------------------------------------------------------------- 3. one set


OPTIONS = ("format", "errors", "tz", "dayfirst", "columns", "max_bytes", "source_from")


@pytest.mark.parametrize(
    "function",
    [newslib.load, LoadStream.__init__, FileCache.__init__],
    ids=["load", "LoadStream", "FileCache"],
)
def test_load_options_have_the_same_names_and_defaults(function):
    assert tuple(manifest.LOAD_DEFAULTS) == OPTIONS
    parameters = inspect.signature(function).parameters
    defaults = {name: parameters[name].default for name in OPTIONS if name in parameters}
    assert defaults == manifest.LOAD_DEFAULTS


def test_every_load_option_is_a_flag_of_every_command():
    parser = build_parser()
    from newslib.cli import _load_options

    for command in (["load", "x"], ["analyze", "x"], ["report", "x"]):
        options = _load_options(parser.parse_args(command))
        assert set(options) == set(manifest.LOAD_DEFAULTS)
        assert {**options, "columns": options["columns"] or None} == manifest.LOAD_DEFAULTS


@pytest.mark.parametrize("command", ["load", "analyze", "report"])
def test_help_lists_the_load_options(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    for flag in ("--format", "--strict", "--tz", "--dayfirst", "--max-bytes", "--column"):
        assert flag in out
    assert "--source-from {auto,folder,domain,none}" in out


# The flag the error suggests for two_texts (the column with the longest text).
FLAG = r"--column (body|content)=text"


@pytest.fixture
def two_texts(write, tmp_path):
    """A corpus whose tables need a load option: body and content could both be the text."""
    write("corpus/gazette/a.csv", f'headline,body,content\nA,"{TEXTS[0]}","{TEXTS[1]}"\n')
    write("corpus/courier/b.csv", f'headline,body,content\nB,"{TEXTS[2]}","{TEXTS[3]}"\n')
    return tmp_path / "corpus"


def test_analyze_takes_the_load_options(two_texts):
    with pytest.raises(NoArticlesError):
        newslib.analyze(two_texts)
    table = newslib.analyze(two_texts, columns={"content": "text"}, source_from="folder")
    assert by_title(table) == {"A": "gazette", "B": "courier"}
    tables = analyze_tables(two_texts, columns={"body": "text"}, source_from="none")
    assert tables["articles"]["source"].isna().all()
    with pytest.raises(ValueError, match="apply when the source is a path"):
        newslib.analyze(newslib.load(two_texts, columns={"body": "text"}), tz="UTC")


def test_analyze_to_folder_takes_the_load_options(two_texts, tmp_path):
    out = tmp_path / "out"
    summary = analyze_to_folder(
        two_texts, out, jobs=1, columns={"content": "text"}, source_from="folder"
    )
    assert summary["rows"]["articles"] == 2
    articles = pd.read_parquet(out / "articles.parquet")
    assert by_title(articles) == {"A": "gazette", "B": "courier"}
    with pytest.raises(ValueError, match="unknown load option 'colums'"):
        analyze_to_folder(two_texts, tmp_path / "o2", jobs=1, colums={"content": "text"})


@pytest.fixture
def fake_papermill(monkeypatch):
    """papermill.execute_notebook replaced by a copy that records the parameters each
    notebook got (executing the notebooks is slow; test_notebooks.py does that)."""
    import papermill

    calls = []

    def execute(source, target, parameters=None, **kwargs):
        calls.append((Path(source).name, parameters))
        shutil.copyfile(source, target)

    monkeypatch.setattr(papermill, "execute_notebook", execute)
    return calls


def test_build_report_passes_the_load_options_to_every_notebook(
    two_texts, tmp_path, fake_papermill
):
    load = {"columns": {"content": "text"}, "tz": "UTC", "source_from": "folder"}
    out = build_report(two_texts, tmp_path / "r.html", progress=False, load=load)
    assert out.is_file()
    assert [name for name, _ in fake_papermill] == [p.name for p in NOTEBOOKS]
    for _, parameters in fake_papermill:
        assert parameters == {"CORPUS": str(two_texts.resolve()), "LOAD": load, "DEDUPE": None}
    # The options are checked, and applied, before any notebook runs.
    fake_papermill.clear()
    with pytest.raises(NoArticlesError, match=FLAG):
        build_report(two_texts, tmp_path / "r2.html", progress=False)
    with pytest.raises(ValueError, match="unknown load option 'colums'"):
        build_report(two_texts, tmp_path / "r3.html", progress=False, load={"colums": {}})
    assert fake_papermill == [] and not (tmp_path / "r2.html").exists()


def test_report_command_builds_load_from_its_flags(two_texts, tmp_path, fake_papermill, capsys):
    code = main(
        [
            "report",
            str(two_texts),
            "-o",
            str(tmp_path / "r.html"),
            "--notebooks",
            str(NOTEBOOKS[0]),
            "--quiet",
            "--column",
            "content=text",
            "--tz",
            "Europe/Berlin",
            "--source-from",
            "folder",
            "--dayfirst",
        ]
    )
    assert code == 0, capsys.readouterr().err
    (name, parameters), *_ = fake_papermill
    assert parameters["LOAD"] == {
        "columns": {"content": "text"},
        "tz": "Europe/Berlin",
        "source_from": "folder",
        "dayfirst": True,
    }
    # Without the flag, columns are the problem, and the error says which flag to pass.
    assert main(["report", str(two_texts), "-o", str(tmp_path / "x.html"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and re.search(FLAG, err)
    assert "set CORPUS" not in err


def test_notebooks_take_a_load_parameter(two_texts):
    for path in NOTEBOOKS:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        tagged = [c for c in cells if "parameters" in c["metadata"].get("tags", [])]
        assert "\nLOAD = {}" in "".join(tagged[0]["source"]), path.name
        code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        assert "nb.prepare(CORPUS, load=LOAD, dedupe=DEDUPE)" in code, path.name
    data = nb.prepare(two_texts, load={"columns": {"content": "text"}, "source_from": "folder"})
    assert data.sources == ["courier", "gazette"] and data.group == "source"
    with pytest.raises(NoArticlesError, match=FLAG + ".*LOAD"):
        nb.prepare(two_texts)


# ----------------------------------------------------------------------------- 4. exit codes


def test_no_article_at_all_is_exit_code_2_with_the_reason(two_texts, tmp_path, capsys):
    assert main(["load", str(two_texts), "--rows", "0"]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("0 articles from 0 files (2 skipped")
    error = captured.err.strip().splitlines()
    assert len(error) == 1 and error[0].startswith("newslib: error: no articles loaded from")
    assert "2 files seen, 2 skipped" in error[0] and re.search(FLAG, error[0])

    out = tmp_path / "out"
    assert main(["analyze", str(two_texts), "-o", str(out), "--quiet", "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("newslib: error: no articles loaded from")
    assert not (out / "articles.parquet").exists()  # no empty tables written

    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["load", str(empty)]) == 2
    assert "no files found" in capsys.readouterr().err


def test_a_run_that_loads_nothing_leaves_the_last_tables(write, tmp_path, capsys):
    write("corpus/a.txt", article(0))
    out = tmp_path / "out"
    assert (
        main(["analyze", str(tmp_path / "corpus"), "-o", str(out), "--quiet", "--jobs", "1"]) == 0
    )
    before = (out / "articles.parquet").stat().st_mtime_ns
    (tmp_path / "corpus" / "a.txt").write_bytes(b"")
    assert (
        main(["analyze", str(tmp_path / "corpus"), "-o", str(out), "--quiet", "--jobs", "1"]) == 2
    )
    assert "empty file" in capsys.readouterr().err
    assert (out / "articles.parquet").stat().st_mtime_ns == before


def test_some_skipped_files_exit_0_and_say_where_the_report_is(write, tmp_path, capsys):
    write("corpus/a.txt", article(0))
    write("corpus/b.txt", article(1))
    write("corpus/empty.txt", b"")
    write("corpus/rows.jsonl", '{"title": "J", "text": "A row."}\n{bad json\n')
    out = tmp_path / "out"
    command = ["analyze", str(tmp_path / "corpus"), "-o", str(out), "--quiet", "--jobs", "1"]
    assert main(command) == 0
    err = capsys.readouterr().err
    assert "1 file(s) and 1 table row(s) skipped" in err
    assert str(out / "load_report.csv") in err
    report = pd.read_csv(out / "load_report.csv")
    assert list(report.columns) == ["path", "line", "status", "reason"]
    assert set(report["status"]) == {"skipped"} and len(report) == 2
    # A rerun with nothing changed says it again, from the record of the last run.
    assert main(command) == 0
    assert str(out / "load_report.csv") in capsys.readouterr().err
    # The load report is newslib's own output: never read back as input.
    assert newslib.load(out).attrs["load_summary"]["files_seen"] == 0


def test_a_report_with_skipped_files_says_how_many(write, tmp_path, fake_papermill, capsys):
    write("corpus/a.txt", article(0))
    write("corpus/empty.txt", b"")
    out = tmp_path / "r.html"
    assert main(["report", str(tmp_path / "corpus"), "-o", str(out), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "1 file(s) skipped" in err and str(out) in err
    data = nb.prepare(tmp_path / "corpus")
    assert "1 of 2 files skipped" in nb.load_findings(data)
    assert nb.load_problems(data)[["file", "reason"]].values.tolist() == [
        ["empty.txt", "empty file"]
    ]


def test_report_counts_each_story_once_when_asked(two_texts, tmp_path, fake_papermill):
    columns = {"columns": {"content": "text"}}
    build_report(two_texts, tmp_path / "r.html", progress=False, load=columns, dedupe="near")
    assert {parameters["DEDUPE"] for _, parameters in fake_papermill} == {"near"}
    fake_papermill.clear()
    code = main(
        ["report", str(two_texts), "-o", str(tmp_path / "c.html"), "--quiet"]
        + ["--column", "content=text", "--dedupe", "near"]
    )
    assert code == 0 and {p["DEDUPE"] for _, p in fake_papermill} == {"near"}
    with pytest.raises(ValueError, match="dedupe must be None or 'near'"):
        build_report(two_texts, tmp_path / "x.html", progress=False, load=columns, dedupe="all")


def test_an_archive_is_a_folder_for_the_source(tmp_path):
    import zipfile

    members = {"nyt/a.txt": "One\n\nThe first text.", "top.txt": "Two\n\nThe second text."}
    with zipfile.ZipFile(tmp_path / "corpus.zip", "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    (tmp_path / "shelf").mkdir()
    (tmp_path / "corpus.zip").rename(tmp_path / "shelf" / "wire.zip")
    named = newslib.load(tmp_path / "shelf" / "wire.zip").set_index("title")["source"]
    assert named["One"] == "nyt" and pd.isna(named["Two"])  # the archive named: its folders
    inside = newslib.load(tmp_path / "shelf").set_index("title")["source"]
    assert inside.to_dict() == {"One": "wire", "Two": "wire"}  # in a folder: the archive
