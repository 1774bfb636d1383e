"""Benchmark: one corpus in every form newslib reads, loaded with ``newslib.load``.

The corpus is the first ``--articles`` texts of the shared PolNeAR train split (read at run
time from ``../shared/corpora/polnear-train``, never copied into the project), else
``_corpus``'s synthetic one. It is written to a temporary folder in seven forms:

* ``folder``: one ``.txt`` per article (title line, blank line, body; the date in the name);
* ``csv``, ``jsonl``: one table (``title``, ``date``, ``text``);
* ``jsonl.gz``: the same JSON Lines, gzip-compressed;
* ``zip``, ``tar.gz``: the ``.txt`` files in an archive;
* ``warc.gz``: a web crawl, one HTML ``response`` record per article (the date in the page's
  ``article:published_time``), plus a ``request`` record per page, read through trafilatura.

Each form is loaded in ``--repeat`` fresh processes (``python -c``): the best time of
``newslib.load`` alone, articles per second, and the largest peak resident memory (``VmHWM``
on Linux, else ``ru_maxrss``), with the peak after imports beside it (the difference is what
loading took).
Then every form's table is compared with the folder's on ``article_id``, ``title``,
``date``, ``text``, ``n_paragraphs`` and ``n_words`` (``path`` differs by form, and the WARC
form sets ``url`` and ``source``): the script prints any difference and exits with status 1
when a form other than the WARC one differs. The WARC form goes through the HTML reader,
whose text is trafilatura's extraction of the page (with newslib's clutter rules); an HTML
page carries no line break inside a paragraph and no invisible characters (soft hyphens,
control characters), so the WARC form is also compared with both tables' text as HTML carries
it, and fails when that differs.

Run from the repository root::

    .venv/bin/python -m benchmarks.bench_formats [--articles N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import os
import platform
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

from benchmarks._corpus import bench_corpus

COMPARED = ["article_id", "title", "date", "text", "n_paragraphs", "n_words"]
FORMS = ["folder", "csv", "jsonl", "jsonl.gz", "zip", "tar.gz", "warc.gz"]

# Run in the child: load, time, memory; the table (without path) is written for the parent.
CHILD = """
import json, resource, sys, time
import newslib, newslib.io, newslib.archives, newslib.warc, pandas
try:
    import trafilatura  # imported up front by every form, so memory after imports compares
except ImportError:
    pass


def high_water_kb():
    # VmHWM: the peak of this program (ru_maxrss would include the parent's, kept over exec).
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


before = high_water_kb()
start = time.perf_counter()
df = newslib.load(sys.argv[1])
seconds = time.perf_counter() - start
peak = high_water_kb()
summary = df.attrs["load_summary"]
table = df.drop(columns=["path"])
table.attrs = {}
table.to_parquet(sys.argv[2])
print(json.dumps({"seconds": seconds, "articles": len(df), "imports_kb": before,
                  "peak_kb": peak, "files_seen": summary["files_seen"],
                  "files_skipped": summary["files_skipped"]}))
"""


def slug(i: int, date: pd.Timestamp) -> str:
    return f"{i:05d}_{date:%Y-%m-%d}"


def write_forms(corpus: pd.DataFrame, root: Path) -> dict[str, Path]:
    """Write ``corpus`` in every form under ``root``; return form -> what to load."""
    forms: dict[str, Path] = {}
    folder = root / "folder"
    folder.mkdir(parents=True)
    texts = []
    for i, row in enumerate(corpus.itertuples()):
        name = f"{slug(i, row.date)}.txt"
        content = f"{row.title}\n\n{row.text}\n"
        (folder / name).write_text(content, encoding="utf-8")
        texts.append((name, content.encode("utf-8")))
    forms["folder"] = folder

    table = corpus[["title", "date", "text"]].assign(date=corpus["date"].dt.strftime("%Y-%m-%d"))
    forms["csv"] = root / "articles.csv"
    table.to_csv(forms["csv"], index=False)
    lines = "".join(json.dumps(record) + "\n" for record in table.to_dict("records"))
    forms["jsonl"] = root / "articles.jsonl"
    forms["jsonl"].write_text(lines, encoding="utf-8")
    forms["jsonl.gz"] = root / "articles.jsonl.gz"
    forms["jsonl.gz"].write_bytes(gzip.compress(lines.encode("utf-8")))

    forms["zip"] = root / "articles.zip"
    with zipfile.ZipFile(forms["zip"], "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in texts:
            archive.writestr(f"articles/{name}", data)
    forms["tar.gz"] = root / "articles.tar.gz"
    with tarfile.open(forms["tar.gz"], "w:gz") as archive:
        for name, data in texts:
            info = tarfile.TarInfo(f"articles/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))

    forms["warc.gz"] = root / "crawl.warc.gz"
    write_warc(corpus, forms["warc.gz"])
    return forms


def write_warc(corpus: pd.DataFrame, path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i, row in enumerate(corpus.itertuples()):
            url = f"https://news.example/{slug(i, row.date)}"
            request = f"GET /{slug(i, row.date)} HTTP/1.1\r\nHost: news.example\r\n\r\n"
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(request.encode()))
            )
            title = html.escape(row.title)
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in row.text.split("\n\n"))
            page = (
                f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
                f'<meta property="article:published_time" content="{row.date:%Y-%m-%d}">'
                f"</head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
            )
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(page.encode("utf-8")), http_headers=http
            )
            writer.write_record(record)


def load_in_child(target: Path, table: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(target), str(table)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"loading {target} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


# What an HTML page cannot carry: a line break inside a paragraph (it is a space in HTML) and
# invisible characters (control and format characters: soft hyphens, bidi marks, a BOM).
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060\ufeff]"
)
_INNER_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


def as_html_carries(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its text as an HTML page can carry it (see ``_INVISIBLE``), for the WARC
    form's comparison; ``article_id`` and ``n_words``, computed from the text, are left out."""
    text = table["text"].map(lambda t: _INNER_BREAK.sub(" ", _INVISIBLE.sub("", t)))
    text = text.map(lambda t: re.sub(r" {2,}", " ", t))
    return table.assign(text=text)


def compare(
    reference: pd.DataFrame, table: pd.DataFrame, columns: list[str] = COMPARED
) -> tuple[int, list[str]]:
    """How many articles differ from the reference (by title) on ``columns``, and a few
    examples."""
    left = reference[columns].sort_values("title").reset_index(drop=True)
    right = table[columns].sort_values("title").reset_index(drop=True)
    if len(left) != len(right):
        return max(len(left), len(right)), [f"{len(right)} articles, not {len(left)}"]
    differ = ~(left.eq(right) | (left.isna() & right.isna())).all(axis=1)
    examples = []
    for i in differ[differ].index[:3]:
        changed = [c for c in columns if not (left.at[i, c] == right.at[i, c])]
        examples.append(f"{left.at[i, 'title'][:50]!r}: {', '.join(changed)}")
    return int(differ.sum()), examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--keep", type=Path, help="write the forms here and keep them")
    parser.add_argument(
        "--repeat", type=int, default=3, help="fresh processes per form: best time (default 3)"
    )
    args = parser.parse_args(argv)
    corpus, description = bench_corpus(args.articles)
    print(f"corpus: {description}, first {len(corpus)} articles")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="newslib-bench-formats-") as scratch:
        root = args.keep or Path(scratch)
        forms = write_forms(corpus, root / "forms")
        results, tables = {}, {}
        for form in FORMS:
            table = root / f"{form}.parquet"
            runs = [load_in_child(forms[form], table) for _ in range(max(args.repeat, 1))]
            results[form] = min(runs, key=lambda run: run["seconds"])
            results[form]["peak_kb"] = max(run["peak_kb"] for run in runs)
            tables[form] = pd.read_parquet(table)
        header = (
            f"{'form':<9} {'size MB':>8} {'articles':>8} {'files':>6} {'seconds':>8} "
            f"{'articles/s':>10} {'peak MB':>8} {'after imports MB':>17}"
        )
        print()
        print(header)
        print("-" * len(header))
        for form in FORMS:
            r = results[form]
            print(
                f"{form:<9} {size_of(forms[form]) / 1e6:>8.1f} {r['articles']:>8,} "
                f"{r['files_seen']:>6,} {r['seconds']:>8.2f} "
                f"{r['articles'] / r['seconds']:>10,.0f} {r['peak_kb'] / 1024:>8.0f} "
                f"{r['imports_kb'] / 1024:>17.0f}"
            )
        print()
        failed = False
        reference = tables["folder"]
        for form in FORMS[1:]:
            differ, examples = compare(reference, tables[form])
            if differ == 0:
                print(f"{form}: identical to the folder's table ({', '.join(COMPARED)})")
                continue
            print(f"{form}: {differ} of {len(reference)} articles differ: {'; '.join(examples)}")
            if form == "warc.gz":
                html_columns = [c for c in COMPARED if c not in ("article_id", "n_words")]
                differ, examples = compare(
                    as_html_carries(reference), as_html_carries(tables[form]), html_columns
                )
                print(
                    f"{form}, text as HTML carries it (no line break inside a paragraph, no "
                    f"invisible characters; on {', '.join(html_columns)}): "
                    + ("identical" if differ == 0 else f"{differ} differ: {'; '.join(examples)}")
                )
            failed = failed or form != "warc.gz" or differ > 0
        warc = tables["warc.gz"]
        print(
            f"warc.gz sets url on {warc['url'].notna().sum()} and source on "
            f"{warc['source'].notna().sum()} of {len(warc)} articles "
            f"(e.g. {warc['source'].dropna().iloc[0] if warc['source'].notna().any() else '-'})"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
