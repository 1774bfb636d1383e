"""The whole command line on random folders (issue 13): random files, names, links, encodings
and tables. Whatever the folder, ``newslib load`` and ``newslib analyze`` end with exit code 0
or one line of error, every file seen is loaded or skipped, and ``analyze`` writes the articles
``load`` finds."""

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslib
from newslib.cli import main

WORDS = ["the", "mayor", "said", "council", "vote", "river", "Ana", "Lee", "told", "café", "日本"]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(['"', "“", "”", ",", ".", "\n\n", "'", "—", "?", "=SUM(A1)", "\x00"]),
        st.text(max_size=6),
    ),
    max_size=60,
).map(" ".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
NAME = st.one_of(
    st.sampled_from(["a", "b c", "ünï", "-dash", "x.y", "日本", "articles", "quotes"]),
    st.text(st.characters(blacklist_characters="/\x00", codec="utf-8"), min_size=1, max_size=8),
)
SUFFIX = st.sampled_from(
    [".txt", ".md", ".csv", ".tsv", ".jsonl", ".json", ".html", ".parquet", "", ".gz", ".bin"]
)
DATES = st.sampled_from(["2023-05-04", "04/05/2023", "2023-13-45", "now", "1683200000", "", "x"])


@st.composite
def file_content(draw, suffix: str) -> bytes:
    """Bytes a file with ``suffix`` might hold: well formed, damaged, or anything at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=300))
    encoding = draw(ENCODINGS)
    if suffix in (".csv", ".tsv"):
        sep = "," if suffix == ".csv" else "\t"
        header = draw(st.lists(st.sampled_from(["text", "title", "date", "body", "x"]), min_size=1))
        rows = draw(st.lists(st.lists(st.one_of(TEXT, DATES), min_size=1, max_size=4), max_size=4))
        lines = [sep.join(header)] + [sep.join(f'"{cell}"' for cell in row) for row in rows]
        return "\n".join(lines).encode(encoding, "replace")
    if suffix in (".jsonl", ".json"):
        record = st.fixed_dictionaries(
            {"text": st.one_of(TEXT, st.lists(TEXT, max_size=2), st.none())},
            optional={"title": TEXT, "date": st.one_of(DATES, st.integers())},
        )
        records = draw(st.lists(record, max_size=4))
        if suffix == ".json":
            text = json.dumps(records if draw(st.booleans()) else (records or [{}])[0])
        else:
            lines = [json.dumps(r) for r in records] + draw(st.lists(TEXT, max_size=1))
            text = "\n".join(lines)
        return text.encode(encoding, "replace")
    if suffix == ".parquet":
        frame = pd.DataFrame({"text": draw(st.lists(TEXT, min_size=1, max_size=3))})
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "t.parquet"
            frame.to_parquet(path)
            return path.read_bytes()
    body = draw(TEXT)
    if suffix == ".html":
        body = f"<html><head><title>{draw(TEXT)}</title></head><body><p>{body}</p></body></html>"
    elif suffix == ".md" and draw(st.booleans()):
        body = f"---\ntitle: {draw(TEXT)!r}\ndate: {draw(DATES)}\n---\n{body}"
    else:
        body = f"{draw(TEXT)}\n\n{body}"
    return body.encode(encoding, "replace")


@st.composite
def folders(draw):
    """A list of entries: ("file", relative path, bytes) or ("link", relative path, target)."""
    entries, paths = [], []
    for _ in range(draw(st.integers(1, 7))):
        depth = draw(st.lists(NAME, max_size=2))
        suffix = draw(SUFFIX)
        relative = Path(*depth, draw(NAME) + suffix)
        if relative in paths or any(p in relative.parents or relative in p.parents for p in paths):
            continue
        paths.append(relative)
        entries.append(("file", relative, draw(file_content(suffix))))
    for _ in range(draw(st.integers(0, 3))):
        name = Path(draw(st.sampled_from(["", "sub"])), "link" + draw(st.sampled_from("abc")))
        target = draw(
            st.sampled_from(["..", ".", "missing", "../..", str(paths[0]), "/nonexistent/x"])
        )
        entries.append(("link", name, target))
    if draw(st.booleans()):  # a file name that is not UTF-8
        entries.append(("file", Path(os.fsdecode(b"bad\xff.txt")), b"Title\n\nSome text here."))
    return entries


def build(root: Path, entries) -> None:
    for kind, relative, content in entries:
        path = root / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if kind == "file":
                path.write_bytes(content)
            elif not os.path.lexists(path):
                os.symlink(content, path)
        except OSError:  # a name the file system refuses: the folder simply lacks it
            continue


def one_line_or_nothing(err: str, code: int) -> None:
    if code == 0:
        return
    assert code in (1, 2), (code, err)
    lines = err.strip().splitlines()
    assert lines and lines[-1].startswith("newslib: error:"), err
    assert "Traceback" not in err


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(entries=folders())
def test_the_command_line_holds_on_any_folder(entries, capsys):
    with tempfile.TemporaryDirectory() as temporary:
        corpus, out = Path(temporary) / "corpus", Path(temporary) / "out"
        corpus.mkdir()
        build(corpus, entries)

        df = newslib.load(corpus)  # never raises for bad files: they are reported
        summary = df.attrs["load_summary"]
        assert summary["files_loaded"] + summary["files_skipped"] == summary["files_seen"]
        assert summary["articles"] == len(df) and df["article_id"].is_unique

        capsys.readouterr()
        code = main(["load", str(corpus), "--rows", "0"])
        one_line_or_nothing(capsys.readouterr().err, code)

        code = main(["analyze", str(corpus), "-o", str(out), "--jobs", "1", "--quiet"])
        err = capsys.readouterr().err
        one_line_or_nothing(err, code)
        if code == 0:
            written = pd.read_parquet(out / "articles.parquet")
            assert sorted(written["article_id"]) == sorted(df["article_id"])
            sentences = pd.read_parquet(out / "sentences.parquet")
            assert set(sentences["article_id"]) <= set(written["article_id"])
            # A second run reads none of the first run's output as input.
            assert main(["analyze", str(corpus), "-o", str(out), "--jobs", "1", "--quiet"]) == 0
            assert len(pd.read_parquet(out / "articles.parquet")) == len(written)


@pytest.mark.parametrize("target", ["..", "."])
def test_a_link_loop_in_the_corpus_is_reported_not_followed(tmp_path, target, capsys):
    corpus = tmp_path / "corpus"
    build(corpus, [("file", Path("a.txt"), b"Title\n\nThe mayor said so."), ("link", "l", target)])
    assert main(["analyze", str(corpus), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 0
    assert len(pd.read_parquet(tmp_path / "out" / "articles.parquet")) == 1
