"""Compressed files, archives and WARC crawls: the same articles as the plain files, every
member accounted for in the load report, and nothing read that should not be (bombs, links,
names climbing out of the archive). Every fixture is written here, from generated text."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import random
import re
import tarfile
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from load_checks import accounted, report_rows

import newslib
from newslib import archives
from newslib.io import LoadStream, read_articles, read_files

WORDS = (
    "harbour council tram budget river bridge school market storm vote mayor festival "
    "library ferry rail station museum clinic garden tunnel square night morning plan"
).split()


def sentence(rng: random.Random, n: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def body(rng: random.Random, paragraphs: int = 3) -> str:
    return "\n\n".join(" ".join(sentence(rng) for _ in range(3)) for _ in range(paragraphs))


def write_corpus(folder: Path, seed: int = 1) -> Path:
    """A small corpus in every plain format: dated .txt files (one in a subfolder),
    Markdown with front matter, CSV, JSON Lines."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "desk").mkdir(exist_ok=True)
    (folder / "2024-03-01_tram.txt").write_text(f"Tram line opens\n\n{body(rng)}")
    (folder / "desk" / "2024-03-02_bridge.txt").write_text(f"Bridge closed\n\n{body(rng)}")
    (folder / "storm.md").write_text(
        f"---\ntitle: Storm warning\ndate: 2024-03-03T06:30:00\n---\n\n{body(rng)}"
    )
    rows = pd.DataFrame(
        {
            "title": ["Market moves", "Museum night"],
            "date": ["2024-03-04", "2024-03-05 20:15"],
            "text": [body(rng, 2), body(rng, 4)],
        }
    )
    rows.to_csv(folder / "export.csv", index=False)
    lines = [
        pd.Series({"title": f"Ferry {i}", "date": f"2024-03-0{6 + i}", "text": body(rng, 2)})
        for i in range(3)
    ]
    (folder / "feed.jsonl").write_text("\n".join(line.to_json() for line in lines) + "\n")
    return folder


def key_columns(df: pd.DataFrame) -> pd.DataFrame:
    columns = ["article_id", "title", "text", "date"]
    return df[columns].sort_values("article_id").reset_index(drop=True)


def assert_same_articles(df: pd.DataFrame, reference: pd.DataFrame) -> None:
    assert len(df) == len(reference) > 0
    pd.testing.assert_frame_equal(key_columns(df), key_columns(reference))


@pytest.fixture
def plain(tmp_path):
    return write_corpus(tmp_path / "plain")


@pytest.fixture
def reference(plain):
    df = newslib.load(plain)
    assert len(df) == 8
    return df


def consistent(df: pd.DataFrame) -> dict:
    """Loaded + skipped = seen, and no file both loaded and skipped; return the summary."""
    summary = accounted(df)
    report = df.attrs["load_report"]
    whole = (report["status"] == "skipped") & report["line"].isna()
    skipped = set(report.loc[whole, "path"])
    assert not skipped & set(df["path"])
    return summary


def reasons_of(df: pd.DataFrame) -> dict[str, str]:
    """The load report as path -> reason (the last row of a path)."""
    report = df.attrs["load_report"]
    return dict(zip(report["path"], report["reason"], strict=True))


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


COMPRESSORS = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": lambda data: __import__("zstandard").ZstdCompressor().compress(data),
}


# --------------------------------------------------------------------------- compressed files


@pytest.mark.parametrize("suffix", list(COMPRESSORS))
def test_compressed_files_give_the_articles_of_the_plain_files(plain, reference, tmp_path, suffix):
    target = tmp_path / "compressed"
    for path in files_of(plain):
        out = target / path.relative_to(plain)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.with_name(out.name + suffix).write_bytes(COMPRESSORS[suffix](path.read_bytes()))
    df = newslib.load(target)
    assert_same_articles(df, reference)
    summary = consistent(df)
    assert summary["files_seen"] == summary["files_loaded"] == 5
    assert len(df.attrs["load_report"]) == 0
    assert (
        df.loc[df["title"] == "Tram line opens", "path"]
        .item()
        .endswith(f"2024-03-01_tram.txt{suffix}")
    )


def test_a_compressed_file_is_told_by_its_bytes_and_a_wrong_one_is_reported(write):
    # A .gz that is really bzip2 is read; text named .gz, or damaged gzip, is skipped.
    write("c/a.txt.gz", bz2.compress(b"Bzip2 inside\n\nThe name says gzip."))
    write("c/b.txt.gz", b"Plain text\n\nNot compressed at all.")
    good = gzip.compress(b"Broken\n\n" + b"Some words to compress here. " * 200)
    write("c/truncated.txt.gz", good[: len(good) // 2])
    flipped = bytearray(good)
    flipped[len(flipped) // 2] ^= 0xFF
    write("c/flipped.txt.gz", bytes(flipped))
    write("c/empty.txt.gz", gzip.compress(b""))
    df = newslib.load(write("c/x", "").parent)
    assert df["title"].tolist() == ["Bzip2 inside"]
    summary = consistent(df)
    assert summary["files_seen"] == 6  # x, an empty file, too
    reasons = reasons_of(df)
    assert reasons[str(write("c/b.txt.gz", b"x").parent / "b.txt.gz")].startswith(
        "not gzip data although its name ends in .gz"
    )
    truncated = report_rows(df, "truncated.txt.gz")["reason"].item()
    assert truncated.startswith("damaged gzip data") and "ended" in truncated
    assert report_rows(df, "flipped.txt.gz")["reason"].item().startswith("damaged gzip data")
    assert report_rows(df, "empty.txt.gz")["reason"].item() == "empty file (decompressed)"


def test_max_bytes_counts_decompressed_bytes_and_stops_early(write):
    path = write("big.txt.gz", gzip.compress(b"Title\n\n" + b"word " * 100_000))
    df = newslib.load(path, max_bytes=10_000)
    reason = report_rows(df, "big.txt.gz")["reason"].item()
    assert reason.startswith("over the limit of 10,000 bytes once decompressed")
    assert "after 10,001 bytes" in reason


# --------------------------------------------------------------------------- archives


def make_zip(plain: Path, path: Path, *, compress_members: bool = False) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in files_of(plain):
            name = str(file.relative_to(plain))
            data = file.read_bytes()
            if compress_members and file.suffix in (".jsonl", ".csv"):
                name, data = name + ".gz", gzip.compress(data)
            archive.writestr(name, data)
    return path


TAR_MODES = {
    "a.tar": "w",
    "a.tar.gz": "w:gz",
    "a.tgz": "w:gz",
    "a.tar.bz2": "w:bz2",
    "a.tar.xz": "w:xz",
}


def make_tar(plain: Path, path: Path, mode: str) -> Path:
    with tarfile.open(path, mode) as archive:
        archive.add(plain, arcname="corpus")
    return path


@pytest.mark.parametrize("name", ["a.zip", *TAR_MODES, "a.tar.zst"])
def test_archives_give_the_articles_of_the_plain_files(plain, reference, tmp_path, name):
    path = tmp_path / name
    if name == "a.zip":
        make_zip(plain, path)
        inner = ""
    elif name == "a.tar.zst":
        import zstandard

        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w") as archive:
            archive.add(plain, arcname="corpus")
        path.write_bytes(zstandard.ZstdCompressor().compress(buffer.getvalue()))
        inner = "corpus/"
    else:
        make_tar(plain, path, TAR_MODES[name])
        inner = "corpus/"
    df = newslib.load(path)
    assert_same_articles(df, reference)
    summary = consistent(df)
    assert summary["files_seen"] == summary["files_loaded"] == 5  # the members
    assert len(df.attrs["load_report"]) == 0
    tram = df.loc[df["title"] == "Tram line opens", "path"].item()
    assert tram == f"{path}/{inner}2024-03-01_tram.txt"
    assert f"{path}/{inner}desk/2024-03-02_bridge.txt" in df["path"].tolist()


def test_compressed_members_and_an_archive_in_an_archive_are_read(plain, reference, tmp_path):
    inner = make_zip(plain, tmp_path / "inner.zip", compress_members=True)
    tgz = make_tar(plain, tmp_path / "inner.tgz", "w:gz")
    with zipfile.ZipFile(tmp_path / "outer.zip", "w") as outer:
        outer.write(inner, "nested/inner.zip")
        outer.write(tgz, "inner.tgz")
        outer.writestr("third.zip", b"")  # not a zip at all
    # One level deep: an archive in an archive in an archive is reported, not read.
    with zipfile.ZipFile(tmp_path / "deep.zip", "w") as deep:
        deep.write(tmp_path / "outer.zip", "outer.zip")
    df = newslib.load(tmp_path / "outer.zip")
    assert len(df) == 8  # each article twice, kept once
    assert_same_articles(df, reference)
    paths = df["path"].tolist()
    assert f"{tmp_path}/outer.zip/nested/inner.zip/feed.jsonl.gz" in paths
    assert f"{tmp_path}/outer.zip/nested/inner.zip/2024-03-01_tram.txt" in paths
    summary = consistent(df)
    assert summary["files_seen"] == 11  # 5 + 5 members, and the empty third.zip
    assert report_rows(df, "third.zip")["reason"].item().startswith("not a zip archive")

    deep = newslib.load(tmp_path / "deep.zip")
    assert len(deep) == 0
    consistent(deep)
    reasons = set(deep.attrs["load_report"]["reason"])
    assert "an archive inside an archive inside an archive" in " ".join(reasons)
    assert set(report_rows(deep, "inner.zip")["status"]) == {"skipped"}


def test_names_links_devices_hidden_and_duplicate_members(tmp_path):
    path = tmp_path / "odd.tar"
    with tarfile.open(path, "w") as archive:

        def add(name, data=b"", **fields):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            for field, value in fields.items():
                setattr(info, field, value)
            archive.addfile(info, io.BytesIO(data))

        add("good.txt", b"Good one\n\nRead this.")
        add("../escape.txt", b"Escape\n\nNever read.")
        add("a/../../escape2.txt", b"Escape\n\nNever read.")
        add("/etc/absolute.txt", b"Absolute\n\nNever read.")
        add("link.txt", type=tarfile.SYMTYPE, linkname="/etc/passwd")
        add("hard.txt", type=tarfile.LNKTYPE, linkname="good.txt")
        add("dev", type=tarfile.CHRTYPE)
        add("pipe", type=tarfile.FIFOTYPE)
        add(".hidden.txt", b"Hidden\n\nLeft out.")
        add("sub", type=tarfile.DIRTYPE)
        add("same.txt", b"Same name one\n\nFirst.")
        add("same.txt", b"Same name two\n\nSecond.")
    df = newslib.load(path)
    assert sorted(df["title"]) == ["Good one", "Same name one", "Same name two"]
    assert f"{path}/same.txt (entry 12)" in df["path"].tolist()
    summary = consistent(df)
    assert summary["files_seen"] == 10 and summary["files_skipped"] == 7
    reasons = reasons_of(df)
    assert "climbs out of the archive" in reasons[f"{path}/../escape.txt"]
    assert "climbs out of the archive" in reasons[f"{path}/a/../../escape2.txt"]
    assert "absolute member name" in reasons[f"{path}//etc/absolute.txt"]
    assert reasons[f"{path}/link.txt"].startswith("a symbolic link (to '/etc/passwd')")
    assert reasons[f"{path}/hard.txt"].startswith("a hard link (to 'good.txt')")
    assert reasons[f"{path}/dev"].startswith("a device")
    assert reasons[f"{path}/pipe"].startswith("a named pipe")
    assert reasons[str(path)].startswith("1 hidden member left out")
    assert report_rows(df, "odd.tar")["status"].item() == "note"
    # Nothing was written anywhere.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["odd.tar"]


def test_zip_symlink_and_encrypted_members_are_not_read(tmp_path):
    path = tmp_path / "z.zip"
    with zipfile.ZipFile(path, "w") as archive:
        link = zipfile.ZipInfo("link.txt")
        link.create_system = 3
        link.external_attr = (0o120777 << 16) | 0x20
        archive.writestr(link, "/etc/passwd")
        archive.writestr("ok.txt", "Fine\n\nA good member.")
        archive.writestr("__MACOSX/._ok.txt", b"\x00\x05\x16\x07")
    data = bytearray(path.read_bytes())
    # Mark ok.txt encrypted in its central directory entry (general purpose flag, bit 0).
    with zipfile.ZipFile(path) as archive:
        secret = archive.getinfo("ok.txt")
        central = archive.start_dir  # the table of contents: link.txt's entry, then ok.txt's
    central += 46 + len("link.txt")
    assert data[central : central + 4] == b"PK\x01\x02"
    data[central + 8] |= 0x1
    data[secret.header_offset + 6] |= 0x1
    path.write_bytes(bytes(data))
    df = newslib.load(path)
    assert len(df) == 0
    consistent(df)
    reasons = reasons_of(df)
    assert (
        reasons[f"{path}/link.txt"] == "a symbolic link (to '/etc/passwd'): links are not followed"
    )
    assert reasons[f"{path}/ok.txt"].startswith("encrypted")
    assert "__MACOSX" in reasons[str(path)]


def test_a_zip_bomb_is_refused_without_decompressing_it(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("before.txt", "Before\n\nA good member before the bomb.")
        with archive.open("bomb.txt", "w") as member:
            for _ in range(50):  # 50 MB of zeros, about 50 KB compressed
                member.write(bytes(2**20))
        archive.writestr("after.txt", "After\n\nA good member after the bomb.")
    assert path.stat().st_size < 200_000
    start = time.perf_counter()
    df = newslib.load(path)
    assert time.perf_counter() - start < 10
    assert sorted(df["title"]) == ["After", "Before"]
    reason = report_rows(df, "bomb.txt")["reason"].item()
    assert "decompression bomb" in reason
    stopped = int(re.search(r"stopped at ([\d,]+) bytes", reason).group(1).replace(",", ""))
    assert archives.BOMB_FLOOR < stopped < 20 * 2**20  # not the 50 MB
    assert consistent(df)["files_skipped"] == 1


def test_bombs_in_a_gzip_file_and_a_compressed_tar_stream(tmp_path):
    zeros = bytes(50 * 2**20)
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(zeros, compresslevel=1))
    df = newslib.load(tmp_path / "bomb.txt.gz")
    assert "decompression bomb" in report_rows(df, "bomb.txt.gz")["reason"].item()

    path = tmp_path / "bomb.tar.gz"
    with tarfile.open(path, "w:gz", compresslevel=1) as archive:
        for name, data in [("a.txt", b"First\n\nBefore it."), ("zeros.txt", zeros)]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        info = tarfile.TarInfo("z.txt")
        info.size = 10
        archive.addfile(info, io.BytesIO(b"Last\n\nText"))
    df = newslib.load(path)
    assert df["title"].tolist() == ["First"]
    summary = consistent(df)
    assert summary["files_seen"] == 3  # a.txt, zeros.txt and the archive (z.txt never reached)
    assert "decompression bomb" in report_rows(df, "zeros.txt")["reason"].item()
    archive_row = report_rows(df, "bomb.tar.gz")["reason"].item()
    assert archive_row.startswith("reading stopped") and "Nothing after this point" in archive_row


def test_truncated_zip_keeps_the_members_before_the_damage(tmp_path):
    rng = random.Random(3)
    path = tmp_path / "cut.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(5):
            archive.writestr(f"m{i}.txt", f"Member {i}\n\n{body(rng, 5)}")
        fourth = archive.getinfo("m3.txt")
    data = path.read_bytes()
    (tmp_path / "cut.zip").write_bytes(data[: fourth.header_offset + 60])
    df = newslib.load(path)
    assert df["title"].tolist() == ["Member 0", "Member 1", "Member 2"]
    summary = consistent(df)
    assert summary["files_seen"] == 5  # m0..m3 and the archive itself
    assert report_rows(df, "m3.txt")["reason"].item().startswith("cut short: the zip is damaged")
    whole = report_rows(df, "cut.zip")["reason"].item()
    assert whole.startswith("truncated or damaged zip") and "anything after is lost" in whole

    # Cut inside the table of contents: every member is still read, the damage reported.
    (tmp_path / "toc.zip").write_bytes(data[:-30])
    df = newslib.load(tmp_path / "toc.zip")
    assert len(df) == 5
    assert "table of contents" in report_rows(df, "toc.zip")["reason"].item()
    consistent(df)


@pytest.mark.parametrize("mode", ["w", "w:gz", "w:xz"])
def test_truncated_tar_keeps_the_members_before_the_damage(tmp_path, mode):
    rng = random.Random(4)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:
        for i in range(6):
            data = f"Member {i}\n\n{body(rng, 30)}".encode()
            info = tarfile.TarInfo(f"m{i}.txt")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    data = buffer.getvalue()
    path = tmp_path / ("cut.tar" + {"w": "", "w:gz": ".gz", "w:xz": ".xz"}[mode])
    path.write_bytes(data[: int(len(data) * 0.6)])
    df = newslib.load(path)
    titles = df["title"].tolist()
    assert 1 <= len(titles) < 6 and titles == [f"Member {i}" for i in range(len(titles))]
    consistent(df)
    whole = report_rows(df, path.name)
    assert whole["status"].tolist() == ["skipped"]
    assert "truncated or damaged archive" in whole["reason"].item()
    # Only the missing end of the compressed stream: all members read, the damage reported.
    if mode != "w":
        path.write_bytes(data[:-4])
        df = newslib.load(path)
        assert len(df) == 6
        assert report_rows(df, path.name)["status"].tolist() == ["skipped"]


def test_mixed_good_and_bad_members_lose_nothing_good(tmp_path):
    path = tmp_path / "mixed.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("good1.txt", "Good one\n\nFirst good member.")
        archive.writestr("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
        archive.writestr("empty.txt", "")
        archive.writestr("bad.csv", "title,text\nA,good row\nB,too,many,cells\n")
        archive.writestr("corrupt.txt", "Corrupt\n\n" + "some text that will be damaged " * 50)
        archive.writestr("notgz.jsonl.gz", '{"text": "not compressed"}')
        archive.writestr("good2.md", "---\ntitle: Good two\n---\n\nSecond good member.")
        corrupt = archive.getinfo("corrupt.txt")
    data = bytearray(path.read_bytes())
    data[corrupt.header_offset + 30 + len("corrupt.txt") + 20] ^= 0xFF
    path.write_bytes(bytes(data))
    df = newslib.load(path)
    assert sorted(df["title"]) == ["A", "Good one", "Good two"]
    summary = consistent(df)
    assert summary["files_seen"] == 7 and summary["files_loaded"] == 3
    reasons = reasons_of(df)
    assert reasons[f"{path}/image.png"] == "binary file (.png)"
    assert reasons[f"{path}/empty.txt"] == "empty file"
    assert reasons[f"{path}/corrupt.txt"].startswith("damaged member, not read")
    assert reasons[f"{path}/notgz.jsonl.gz"].startswith("not gzip data")
    assert report_rows(df, "bad.csv")["line"].tolist() == [3]


def test_ten_thousand_members(tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(10_000):
            archive.writestr(f"d{i % 7}/n{i}.txt", f"Note {i}\n\nNumber {i}.")
    start = time.perf_counter()
    df = newslib.load(path)
    elapsed = time.perf_counter() - start
    assert len(df) == 10_000
    summary = consistent(df)
    assert summary["files_seen"] == summary["files_loaded"] == 10_000
    assert elapsed < 60


def test_errors_raise_names_the_member(tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ok.txt", "Fine\n\nText.")
        archive.writestr("empty.txt", "")
    with pytest.raises(newslib.ParseError, match=r"a\.zip/empty\.txt: empty file"):
        newslib.load(path, errors="raise")


def test_empty_and_fake_archives_are_skipped_files(tmp_path):
    with zipfile.ZipFile(tmp_path / "empty.zip", "w"):
        pass
    (tmp_path / "fake.tar.gz").write_bytes(gzip.compress(b"this is no tar archive" * 40))
    (tmp_path / "page.zip").write_text("<html>not found</html>")
    df = newslib.load(tmp_path)
    summary = consistent(df)
    assert summary["files_seen"] == summary["files_skipped"] == 3
    reasons = reasons_of(df)
    assert reasons[str(tmp_path / "empty.zip")] == "no files to read in the archive"
    assert reasons[str(tmp_path / "fake.tar.gz")].startswith("not a tar archive")
    assert reasons[str(tmp_path / "page.zip")].startswith("not a zip archive")
    with pytest.raises(ValueError, match="read it with read_files"):
        read_articles(tmp_path / "empty.zip")


# --------------------------------------------------------------------------- WARC


def page(title: str, text: str, head: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def write_warc(path: Path, rng: random.Random) -> dict[str, str]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    texts = {"harbour": body(rng, 4), "festival": body(rng, 4), "ferry": body(rng, 4)}
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")

        def http(status: str, content_type: str) -> StatusAndHeaders:
            return StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")

        def record(url, kind, payload=b"", headers=None, date="2024-03-12T18:45:00Z", **kw):
            fields = {"WARC-Date": date} if date else {}
            if headers is None and date is None:
                kw["warc_headers"] = StatusAndHeaders(
                    "",
                    [
                        ("WARC-Type", kind),
                        ("WARC-Record-ID", f"<urn:uuid:{rng.getrandbits(64):016x}>"),
                        ("WARC-Target-URI", url),
                    ],
                    protocol="WARC/1.0",
                )
            written = writer.create_warc_record(
                url, kind, payload=io.BytesIO(payload), warc_headers_dict=fields, **kw
            )
            writer.write_record(written)

        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        record(
            "https://www.harbour-news.example/harbour", "request", b"GET /harbour HTTP/1.1\r\n\r\n"
        )
        dated = '<meta property="article:published_time" content="2024-03-10T08:00:00+00:00">'
        record(
            "https://www.harbour-news.example/harbour",
            "response",
            page("Harbour reopens", texts["harbour"], dated),
            http_headers=http("200 OK", "text/html; charset=utf-8"),
        )
        named = '<meta property="og:site_name" content="Festival Weekly">'
        record(
            "https://festival.example/news/festival",
            "response",
            page("Festival starts", texts["festival"], named),
            http_headers=http("200 OK", "text/html"),
        )
        record(  # no WARC-Date, no date in the page
            "https://ferry.example/ferry",
            "response",
            page("Ferry returns", texts["ferry"]),
            http_headers=http("200 OK", "text/html"),
            date=None,
        )
        record(
            "https://www.harbour-news.example/logo.png",
            "response",
            b"\x89PNG\r\n\x1a\n" + bytes(64),
            http_headers=http("200 OK", "image/png"),
        )
        record(
            "https://www.harbour-news.example/missing",
            "response",
            page("Not found", "Nothing here."),
            http_headers=http("404 Not Found", "text/html"),
        )
        record(
            "https://www.harbour-news.example/empty",
            "response",
            b"<html><head><title>x</title></head><body></body></html>",
            http_headers=http("200 OK", "text/html"),
        )
        record(
            "https://www.harbour-news.example/harbour",
            "metadata",
            b"outlinks: none",
            warc_content_type="application/warc-fields",
        )
    return texts


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_become_articles_and_the_rest_is_counted(tmp_path, name):
    pytest.importorskip("trafilatura")
    path = tmp_path / name
    texts = write_warc(path, random.Random(5))
    df = newslib.load(path).set_index("title")
    assert sorted(df.index) == ["Ferry returns", "Festival starts", "Harbour reopens"]
    harbour = df.loc["Harbour reopens"]
    assert harbour["url"] == "https://www.harbour-news.example/harbour"
    assert harbour["path"] == f"{path}/https://www.harbour-news.example/harbour"
    assert harbour["date"].date() == pd.Timestamp("2024-03-10").date()  # the page's own date
    assert harbour["source"] == "harbour-news.example"  # the domain: the page names no site
    assert harbour["text"] == texts["harbour"]
    festival = df.loc["Festival starts"]
    assert festival["date"] == pd.Timestamp("2024-03-12 18:45")  # the record's WARC-Date (UTC)
    assert festival["source"] == "Festival Weekly"
    assert pd.isna(df.loc["Ferry returns", "date"])  # no date anywhere: empty, no problem

    report = df.attrs["load_report"]
    summary = consistent(df)
    # Files of the load: the four HTML pages (status 200); the WARC itself is no file.
    assert summary["files_seen"] == 4 and summary["files_skipped"] == 1
    assert report_rows(df, "/empty")["reason"].item() == "no article text found in the HTML page"
    note = report[report["path"] == str(path)]
    assert note["status"].tolist() == ["note"]
    reason = note["reason"].item()
    assert reason.startswith("5 WARC records that are no HTML page not read as articles")
    for kind in ("1 warcinfo records", "1 request records", "1 image/png responses"):
        assert kind in reason
    assert "1 HTTP 404 responses" in reason and "1 metadata records" in reason


def test_a_warc_inside_a_zip(tmp_path):
    pytest.importorskip("trafilatura")
    write_warc(tmp_path / "crawl.warc.gz", random.Random(7))
    with zipfile.ZipFile(tmp_path / "crawls.zip", "w") as archive:
        archive.write(tmp_path / "crawl.warc.gz", "2024/crawl.warc.gz")
    df = newslib.load(tmp_path / "crawls.zip")
    assert len(df) == 3
    assert f"{tmp_path}/crawls.zip/2024/crawl.warc.gz/https://ferry.example/ferry" in set(
        df["path"]
    )
    note = report_rows(df, "crawl.warc.gz")
    assert note["status"].tolist() == ["note"] and note["reason"].item().startswith("5 WARC")
    consistent(df)


def test_truncated_and_empty_warc_files(tmp_path):
    pytest.importorskip("trafilatura")
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, random.Random(6))
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.7)])
    df = newslib.load(cut)
    assert 1 <= len(df) <= 3
    consistent(df)
    reason = report_rows(df, "cut.warc.gz")["reason"].iloc[-1]
    assert reason.startswith("truncated or damaged WARC")

    from warcio.warcwriter import WARCWriter

    only_info = tmp_path / "info.warc"
    with open(only_info, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        writer.write_record(writer.create_warcinfo_record("info.warc", {"software": "test"}))
    (tmp_path / "not.warc").write_text("hello, no WARC here")
    for name, start in [("info.warc", "no HTML page"), ("not.warc", "not a WARC file")]:
        df = newslib.load(tmp_path / name)
        assert consistent(df)["files_skipped"] == 1
        assert report_rows(df, name)["reason"].item().startswith(start)


# --------------------------------------------------------------------------- cache, runs, CLI


def test_the_file_cache_reads_no_member_of_an_unchanged_archive(plain, tmp_path, reads):
    path = make_zip(plain, tmp_path / "a.zip", compress_members=True)
    cache = tmp_path / "cache"

    def load(**options):
        stream = LoadStream(path, cache_dir=cache, chunk_size=3, **options)
        return pd.concat(list(stream), ignore_index=True), stream.report, stream.summary

    fresh = load()
    names = sorted(reads)
    assert names == sorted(
        [
            "2024-03-01_tram.txt",
            "2024-03-02_bridge.txt",
            "export.csv.gz",
            "feed.jsonl.gz",
            "storm.md",
        ]
    )
    reads.clear()
    again = load()
    assert reads == []
    pd.testing.assert_frame_equal(again[0], fresh[0])
    pd.testing.assert_frame_equal(again[1], fresh[1])
    assert again[2] == fresh[2]
    # A changed archive: every member is read again.
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("late.txt", "Late news\n\nAdded later.")
    reads.clear()
    changed = load()
    assert sorted(reads) == sorted([*names, "late.txt"])
    assert len(changed[0]) == len(fresh[0]) + 1


def test_cached_archive_summary_and_report_match_a_fresh_load(tmp_path, reads):
    path = tmp_path / "mixed.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, data in [
            ("a.txt", b"Alpha\n\nText one."),
            ("b.txt", b""),
            ("../c.txt", b"Gamma\n\nNever."),
            (".d.txt", b"Hidden\n\nLeft out."),
        ]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    expected = newslib.load(path)
    reads.clear()
    cache = tmp_path / "cache"
    for _ in range(2):
        stream = LoadStream(path, cache_dir=cache, chunk_size=None)
        frame = list(stream)[0]
        pd.testing.assert_frame_equal(frame, expected)
        pd.testing.assert_frame_equal(stream.report, expected.attrs["load_report"])
        assert stream.summary == expected.attrs["load_summary"]
    assert reads == ["a.txt", "b.txt"]  # the first load only


def test_a_rerun_on_an_unchanged_archive_is_up_to_date_and_a_changed_one_runs(plain, tmp_path):
    from newslib.analyze import analyze_to_folder
    from newslib.manifest import run_key

    path = make_zip(plain, tmp_path / "a.zip")
    key = run_key(path, {"lang": "en_US"})
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = analyze_to_folder(path, out, cache_dir=cache, jobs=1, csv=False)
    assert first["rows"]["articles"] == 8 and not first["up_to_date"]
    assert analyze_to_folder(path, out, cache_dir=cache, jobs=1, csv=False)["up_to_date"]
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("new.txt", "New arrival\n\nA member added later.")
    assert run_key(path, {"lang": "en_US"}) != key
    again = analyze_to_folder(path, out, cache_dir=cache, jobs=1, csv=False)
    assert not again["up_to_date"] and again["rows"]["articles"] == 9


def test_members_are_read_one_at_a_time(tmp_path):
    import os
    import tracemalloc

    for name, mode in [("big.tar.gz", "w:gz"), ("big.zip", None)]:
        path = tmp_path / name
        members = [(f"m{i}.bin", os.urandom(2**20)) for i in range(24)]
        if mode:
            with tarfile.open(path, mode, compresslevel=1) as archive:
                for member, data in members:
                    info = tarfile.TarInfo(member)
                    info.size = len(data)
                    archive.addfile(info, io.BytesIO(data))
        else:
            with zipfile.ZipFile(path, "w") as archive:
                for member, data in members:
                    archive.writestr(member, data)
        del members
        tracemalloc.start()
        try:
            sizes = [len(entry.data) for entry in archives.Container(path)]
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert sizes == [2**20] * 24
        assert peak < 8 * 2**20, f"{name}: {peak:,} bytes held at once"


def test_cli_load_and_analyze_read_an_archive(plain, reference, tmp_path, capsys):
    from newslib.cli import main

    path = make_tar(plain, tmp_path / "corpus.tar.gz", "w:gz")
    with tarfile.open(tmp_path / "bad.tgz", "w:gz") as archive:
        info = tarfile.TarInfo("../x.txt")
        info.size = 4
        archive.addfile(info, io.BytesIO(b"x\n\ny"))
    assert main(["load", str(path), str(tmp_path / "bad.tgz")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("8 articles from 5 files (1 skipped")
    assert "bad.tgz/../x.txt" in out and "climbs out of the archive" in out
    assert main(["analyze", str(path), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 0
    articles = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert sorted(articles["article_id"]) == sorted(reference["article_id"])
    assert all(p.startswith(f"{path}/corpus/") for p in articles["path"])


def test_read_files_yields_members_then_the_archive(plain, tmp_path):
    path = make_zip(plain, tmp_path / "a.zip")
    reads = list(read_files(path))
    assert [r.container for r in reads[:-1]] == [str(path)] * 5
    assert reads[-1].path == str(path) and reads[-1].members == [r.path for r in reads[:-1]]
    assert not reads[-1].skipped and reads[-1].articles == []


def test_dask_workers_read_archive_members(plain, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import importlib

    from newslib.analyze import analyze_to_folder

    (tmp_path / "corpus").mkdir()
    make_zip(plain, tmp_path / "corpus" / "a.zip", compress_members=True)
    make_tar(plain, tmp_path / "corpus" / "b.tar.gz", "w:gz")
    (tmp_path / "corpus" / "loose.txt.gz").write_bytes(gzip.compress(b"Loose\n\nA loose file."))
    local = analyze_to_folder(tmp_path / "corpus", tmp_path / "local", jobs=1)
    assert local["rows"]["articles"] == 9  # the archives' 8 (each twice), and the loose file
    assert local["load_summary"]["files_seen"] == 11
    io_module = importlib.import_module("newslib.io")

    def not_here(*args, **kwargs):
        raise AssertionError("read on the client")

    monkeypatch.setattr(io_module, "_read_file", not_here)
    on_dask = analyze_to_folder(
        tmp_path / "corpus", tmp_path / "dask", engine="dask", jobs=2, chunk_size=1
    )
    assert on_dask["rows"] == local["rows"]
    assert on_dask["load_summary"] == local["load_summary"]
    pd.testing.assert_frame_equal(on_dask["load_report"], local["load_report"])
    for name in ("articles", "sentences"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(tmp_path / "dask" / f"{name}.parquet"),
            pd.read_parquet(tmp_path / "local" / f"{name}.parquet"),
        )
