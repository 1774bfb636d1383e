"""Property-based tests: the loader never crashes and never loses a file silently."""

import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newslib
from newslib.io import article_id

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
NAMES = st.sampled_from(["a.txt", "b.md", "c.csv", "d.jsonl", "e.json", "f", "g.html", "h.parquet"])


def _check(df, n_files):
    summary = df.attrs["load_summary"]
    assert summary["files_seen"] == n_files
    assert summary["files_loaded"] + summary["files_skipped"] == n_files
    report = df.attrs["load_report"]
    # Every file that produced no article is named in the report with a reason.
    loaded = set(df["path"])
    for path in summary and Path(df.attrs["_dir"]).iterdir():
        if str(path) not in loaded:
            assert str(path) in set(report["path"]), path
    assert report["reason"].str.len().min() > 0 if len(report) else True
    assert df["article_id"].is_unique
    for row in df.itertuples():
        assert row.text and row.article_id == article_id(row.title, row.text)


@SETTINGS
@given(files=st.lists(st.tuples(NAMES, st.binary(max_size=600)), min_size=1, max_size=5))
def test_arbitrary_bytes_never_crash_or_vanish(files):
    with tempfile.TemporaryDirectory() as folder:
        for index, (name, content) in enumerate(files):
            (Path(folder) / f"{index}{name}").write_bytes(content)
        df = newslib.load(folder)
        df.attrs["_dir"] = folder
        _check(df, len(files))


HEADER_PIECES = st.lists(
    st.sampled_from(
        [
            " ",
            "date",
            "2023-04-04",
            "2023-02-30",
            "0000-00-00",
            "9999-12-31",
            "Tuesday,",
            "April",
            "4,",
            "31,",
            "2023",
            "4:00:00",
            "PM",
            "AM",
            "13:99:00",
            "Putin's",
            "top, officer",
            "2020-01-01",
            "\t",
            "é",
            "“quoted”",
            "",
        ]
    ),
    max_size=14,
)


@SETTINGS
@given(pieces=HEADER_PIECES, keep_prefix=st.booleans(), body=st.text(max_size=200))
def test_mutated_seed_headers_never_crash_or_vanish(pieces, keep_prefix, body):
    header = (" date 2023-04-04 " if keep_prefix else "") + " ".join(pieces)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(header + "\n\n" + body, encoding="utf-8")
        df = newslib.load(folder)
        df.attrs["_dir"] = folder
        _check(df, 1)
        if len(df) == 1 and keep_prefix:
            # The title is exactly what follows the ISO date (the long timestamp, if any, after).
            from newslib.text import normalize_line

            title = df.loc[0, "title"]
            line = normalize_line(header)
            if pd.isna(title):
                rest = line[len("date 2023-04-04") :].strip()
                assert rest == "" or rest.split(" ", 1)[0].lower().endswith("day,")
            else:
                assert line.startswith("date 2023-04-04 " + title)


@SETTINGS
@given(
    title=st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=80
    ).filter(str.strip)
)
def test_seed_header_title_comes_out_whole(title):
    from newslib.text import normalize_line

    expected = normalize_line(title)
    header = f" date 2023-04-04 {title} Tuesday, April 4, 2023 4:00:00 PM"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_text(header + "\n\nBody text.\n", encoding="utf-8")
        df = newslib.load(path)
    assert df.loc[0, "title"] == expected
