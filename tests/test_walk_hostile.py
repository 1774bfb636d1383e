"""Hostile folders for finding a corpus's files (issue 13, items 4 and 5): symbolic link loops,
links to folders and files, broken links, named pipes, folders that cannot be read, paths over
PATH_MAX and very deep trees. Finding the files never hangs, and what is not read is in the load
report. Everything runs in a forked child with a time limit, so a hang fails the test instead of
stopping the run. Fixtures are written here."""

from __future__ import annotations

import glob
import json
import os
import pwd
import select
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest
from load_checks import accounted

import newslib
from newslib._paths import expand_sources
from newslib.cli import summary_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and fork")


def isolated(task, *, seconds=60, user=None):
    """Run ``task()`` in a forked child, as the user id ``user`` if given (the parent must be
    root then), and return its result (through JSON). A child still running after ``seconds``
    is killed and the test fails: it hung."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        status = 1
        try:
            os.close(read_end)
            if user is not None:
                os.setgroups([])
                os.setgid(user)
                os.setuid(user)
            try:
                payload = {"result": task()}
            except BaseException as error:  # reported to the parent
                payload = {"error": f"{type(error).__name__}: {error}"}
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(json.dumps(payload, default=str).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    chunks = []
    deadline = time.monotonic() + seconds
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([pipe], [], [], left)[0]:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                pytest.fail(f"still running after {seconds} s: it hangs")
            chunk = os.read(pipe.fileno(), 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    os.waitpid(pid, 0)
    payload = json.loads(b"".join(chunks) or b'{"error": "the child died"}')
    if "error" in payload:
        pytest.fail(payload["error"])
    return payload["result"]


def loaded(source, **options):
    """What ``newslib.load(source)`` gives, as plain data: titles, summary, report rows."""
    df = newslib.load(source, **options)
    summary = accounted(df)
    report = df.attrs["load_report"]
    return {
        "titles": sorted(df["title"]),
        "paths": sorted(df["path"]),
        "summary": summary,
        "rows": report.astype(object).where(report.notna(), None).to_dict("records"),
        "text": summary_text(df),
    }


def rows(result, status, name=None):
    """The report rows of ``status`` (whose path ends with ``name``, if given)."""
    return [
        row
        for row in result["rows"]
        if row["status"] == status and (name is None or row["path"].endswith(name))
    ]


def article(folder: Path, name: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"{title}\n\nThe council met on Monday about {title}.\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- links to folders


def test_a_symlink_loop_under_a_recursive_glob_ends_and_is_reported(tmp_path):
    corpus = tmp_path / "s"
    article(corpus, "a.txt", "A")
    article(corpus / "sub", "b.txt", "B")
    (corpus / "l1").symlink_to(".")  # s/l1 -> s: glob followed it forever (2 ** 40 paths)
    (corpus / "sub" / "l2").symlink_to("..")
    result = isolated(lambda: loaded(str(corpus / "**" / "*.txt")))
    assert result["titles"] == ["A", "B"]
    assert result["summary"]["files_seen"] == 2
    for name in ("s/l1", "sub/l2"):
        (note,) = rows(result, "note", name)
        assert "a folder it is in (a loop): not followed" in note["reason"]
        assert str(corpus) in note["reason"]
    # A loop is no error: strict loading does not stop at it.
    strict = isolated(lambda: loaded(str(corpus / "**" / "*.txt"), errors="raise"))
    assert strict["titles"] == ["A", "B"]


def test_a_symlink_loop_under_a_folder_walk_ends_and_is_reported(tmp_path):
    corpus = tmp_path / "s"
    article(corpus / "2020", "a.txt", "A")
    (corpus / "2020" / "again").symlink_to("..")
    (corpus / "self").symlink_to(".")
    result = isolated(lambda: loaded(corpus))
    assert result["titles"] == ["A"]
    assert result["summary"]["files_seen"] == 1
    assert len(rows(result, "note")) == 2
    assert all("(a loop): not followed" in row["reason"] for row in rows(result, "note"))


def test_a_symlinked_subfolder_is_read_by_a_walk_and_a_glob_once(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    article(elsewhere, "b.txt", "B")
    corpus = tmp_path / "corpus"
    article(corpus, "a.txt", "A")
    (corpus / "linked").symlink_to(elsewhere)
    # The same folder again: read once, under the first of its paths in sorted order,
    # "linked-2/..." ("linked" is the first name, but "-" sorts before "/").
    (corpus / "linked-2").symlink_to(elsewhere)
    for source in (corpus, str(corpus / "**" / "*.txt"), str(corpus / "*")):
        result = isolated(lambda source=source: loaded(source))
        assert result["titles"] == ["A", "B"], source
        assert result["paths"] == [str(corpus / "a.txt"), str(corpus / "linked-2" / "b.txt")]
        (note,) = rows(result, "note")
        assert note["path"] == str(corpus / "linked")
        assert note["reason"].startswith(f"the same folder as {corpus / 'linked-2'} ")


def test_a_link_to_an_ancestor_is_reported_not_followed(tmp_path):
    corpus = tmp_path / "corpus"
    article(corpus / "deep" / "er", "a.txt", "A")
    article(tmp_path / "beside", "x.txt", "Not in the corpus")
    (corpus / "deep" / "er" / "up").symlink_to("../../..")  # tmp_path, above the corpus
    (corpus / "deep" / "top").symlink_to(corpus)
    (corpus / "root").symlink_to("/")  # followed, it would read the whole machine
    result = isolated(lambda: loaded(corpus))
    assert result["titles"] == ["A"]
    reasons = {Path(row["path"]).name: row["reason"] for row in rows(result, "note")}
    assert set(reasons) == {"up", "top", "root"}
    assert reasons["up"].startswith(f"a link back to {tmp_path},")
    assert reasons["root"].startswith("a link back to /,")
    glob_result = isolated(lambda: loaded(str(corpus / "deep" / "**" / "*.txt")))
    assert glob_result["titles"] == ["A"]
    assert {Path(row["path"]).name for row in rows(glob_result, "note")} == {"up", "top"}


# --------------------------------------------------------------------------- files not read


def test_broken_links_and_named_pipes_are_skipped_files_saying_what_they_are(tmp_path):
    corpus = tmp_path / "corpus"
    article(corpus, "a.txt", "A")
    (corpus / "dead.txt").symlink_to("gone.txt")
    (corpus / "dead_folder").symlink_to("no/such/folder")
    (corpus / "ping.txt").symlink_to("pong.txt")
    (corpus / "pong.txt").symlink_to("ping.txt")
    os.mkfifo(corpus / "pipe.txt")  # opening it to read waits for a writer, forever
    for source in (corpus, str(corpus / "*.txt")):
        result = isolated(lambda source=source: loaded(source), seconds=30)
        assert result["titles"] == ["A"]
        skipped = {Path(row["path"]).name: row["reason"] for row in rows(result, "skipped")}
        # What may have been a folder is counted as a file the user has (a folder walk).
        assert ("dead_folder" in skipped) == (source == corpus)
        assert skipped["dead.txt"] == "a broken symbolic link to 'gone.txt' (nothing there)"
        assert "too many levels of links" in skipped["ping.txt"]
        assert skipped["pipe.txt"].startswith("a named pipe (FIFO), not a regular file")
        summary = result["summary"]
        assert summary["files_skipped"] == len(skipped)
        assert summary["files_seen"] == 1 + len(skipped)


def test_a_file_reached_through_two_links_is_read_once_under_its_first_path(tmp_path):
    corpus = tmp_path / "corpus"
    target = article(corpus, "b.txt", "B")
    (corpus / "a_link.txt").symlink_to("b.txt")  # sorts first: this path is the one read
    os.link(target, corpus / "c_hard.txt")
    result = isolated(lambda: loaded(corpus))
    assert result["paths"] == [str(corpus / "a_link.txt")]
    skipped = rows(result, "skipped")
    assert {Path(row["path"]).name for row in skipped} == {"b.txt", "c_hard.txt"}
    assert all(f"the same file as {corpus / 'a_link.txt'}" in r["reason"] for r in skipped)
    assert result["summary"] == {**result["summary"], "files_seen": 3, "files_skipped": 2}


# --------------------------------------------------------------------------- folders not read


def _unreadable_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    article(corpus, "a.txt", "A")
    article(corpus / "locked", "b.txt", "B")
    (corpus / "locked").chmod(0)
    return corpus


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    corpus = _unreadable_corpus(tmp_path)
    user = None
    if os.geteuid() == 0:  # root reads any folder: load as "nobody", for whom it is locked
        user = pwd.getpwnam("nobody").pw_uid if _has_user("nobody") else 65534
        tmp_path.chmod(0o755)
        monkeypatch.chdir(tmp_path)  # the child reaches the corpus from here (its parents: 0700)
        newslib.load(corpus / "a.txt")  # imports what loading needs while it can
        source = Path("corpus")
    else:
        source = corpus
    try:

        def task():
            strict = None
            try:
                newslib.load(source, errors="raise")
            except newslib.ParseError as error:
                strict = str(error)
            return {**loaded(source), "strict": strict}

        result = isolated(task, user=user)
    finally:
        (corpus / "locked").chmod(0o755)
    assert result["titles"] == ["A"]
    (row,) = rows(result, "unread")
    assert row["path"] == str(source / "locked")
    assert row["reason"] == "cannot list the folder: Permission denied"
    assert result["summary"]["folders_unread"] == 1
    assert result["summary"]["files_seen"] == 1  # its files are unknown: none counted
    assert "1 folder could not be read" in result["text"].splitlines()[0]
    assert result["strict"] == f"{source / 'locked'}: cannot list the folder: Permission denied"


def _has_user(name):
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def test_a_folder_whose_path_is_over_path_max_is_reported(tmp_path):
    corpus = tmp_path / "corpus"
    article(corpus, "a.txt", "A")
    # 30 folders of 200 characters: 6,000 characters, over PATH_MAX (4,096 on Linux). Made
    # one level at a time relative to the last, as no path that long can be opened.
    name = "d" * 200
    fd = os.open(corpus, os.O_RDONLY)
    try:
        for _ in range(30):
            os.mkdir(name, dir_fd=fd)
            deeper = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        text = b"Deep\n\nToo deep to be read by its path.\n"
        out = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, text)
        os.close(out)
    finally:
        os.close(fd)
    try:
        result = isolated(lambda: loaded(corpus))
        assert result["titles"] == ["A"]
        (row,) = rows(result, "unread")
        assert row["reason"] == "cannot list the folder: File name too long"
        assert len(row["path"]) > 4096 and row["path"].startswith(str(corpus / name))
        assert result["summary"]["folders_unread"] == 1
    finally:
        shutil.rmtree(corpus / name)  # by file descriptors: no path is too long for it


def test_1500_nested_folders_are_walked_without_recursion(tmp_path):
    corpus = tmp_path / "corpus"
    article(corpus, "a.txt", "A")
    deepest = corpus
    for _ in range(1500):  # one at a time: Path.mkdir(parents=True) recurses too
        deepest = deepest / "d"
        deepest.mkdir()
    article(deepest, "z.txt", "Z")  # about 3,000 characters: under PATH_MAX
    try:
        for source in (corpus, str(corpus / "**" / "*.txt")):
            result = isolated(lambda source=source: loaded(source))
            assert result["titles"] == ["A", "Z"], source
            assert result["paths"][1] == str(deepest / "z.txt")
            assert result["rows"] == []
    finally:
        # Removed here, one level at a time: shutil.rmtree, which pytest cleans its old
        # temporary folders with, recurses and fails (RecursionError) on this tree.
        (deepest / "z.txt").unlink()
        while deepest != corpus:
            deepest.rmdir()
            deepest = deepest.parent


# --------------------------------------------------------------------------- the whole rule


def test_globs_match_as_glob_does_each_real_file_once(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    for name in ("a.txt", "b.md", ".hidden.txt", "x/c.txt", "x/y/d.txt", "x/.h/e.txt", "z/f.txt"):
        article(corpus / Path(name).parent, Path(name).name, name)
    (corpus / "x" / "to_z").symlink_to("../z")  # z's file, reached twice
    monkeypatch.chdir(tmp_path)
    patterns = [
        "c/*",
        "c/*.txt",
        "c/.*",
        "c/**",
        "c/**/*.txt",
        "c/**/.*",
        "c/*/*.txt",
        "c/x/**/*",
        "c/**/y/*.txt",
        "c/?/*",
        "c/[xz]/**/*.txt",
        "c/x/.h/*",
        "*/x/*.txt",
        str(corpus / "**" / "*.md"),
    ]

    def expected(pattern):
        # glob.glob's matches, folders read whole; then each real file under its first path.
        found = []
        for match in sorted(glob.glob(pattern, recursive=True)):
            if os.path.isdir(match):
                for root, dirs, names in os.walk(match, followlinks=True):
                    dirs[:] = [d for d in dirs if not d.startswith(".")]
                    found += [os.path.join(root, n) for n in names if not n.startswith(".")]
            else:
                found.append(match)
        first = {}
        for path in sorted(set(map(os.path.normpath, found))):
            first.setdefault(os.path.realpath(path), path)
        return sorted(first.values())

    def found(pattern):
        problems = []
        files = [str(path) for path in expand_sources(pattern, problems=problems)]
        return files, [(str(p.path), p.kind) for p in problems]

    for pattern in patterns:
        files, problems = isolated(lambda pattern=pattern: found(pattern))
        assert files == expected(pattern), pattern
        assert all(kind != "folder" for _, kind in problems), pattern
    with pytest.raises(FileNotFoundError, match="no files match"):
        expand_sources("c/**/*.nothing")
    # A folder reached through a link is read once, under its first path in sorted order.
    files, problems = found("c/**/f.txt")
    assert files == ["c/x/to_z/f.txt"] and problems == [("c/z", "link")]
