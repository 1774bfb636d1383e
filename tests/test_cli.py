"""The newslib command line: help, load, and one-line errors with exit code 2."""

import subprocess
import sys

import pytest

from newslib.cli import main


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "newslib.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_commands():
    result = run("--help")
    assert result.returncode == 0
    assert "load" in result.stdout and "COMMAND" in result.stdout
    sub = run("load", "--help")
    assert sub.returncode == 0 and "--format" in sub.stdout and "--strict" in sub.stdout


def test_load_prints_summary_and_report(seed_path, write, tmp_path, capsys):
    write("corpus/a.txt", seed_path.read_text(encoding="utf-8"))
    write("corpus/empty.txt", b"")
    assert main(["load", str(tmp_path / "corpus")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "1 article from 1 file (1 skipped, 0 repaired)"
    assert "Putin's top communications officer flees Russia" in out
    assert "2023-04-04 16:00" in out
    assert "skipped" in out and "empty.txt: empty file" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["load", "does/not/exist"], "no such file or directory"),
        (["load", "seeds", "--format", "docx"], "invalid choice: 'docx'"),
        (["load", "seeds", "--column", "nonsense"], "--column takes THEIRS=OURS"),
        ([], "required: COMMAND"),
    ],
)
def test_errors_are_one_line_exit_2(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_mode_fails_on_a_bad_file(write, tmp_path):
    write("bad.txt", b"")
    result = run("load", "--strict", str(tmp_path))
    assert result.returncode == 2
    assert "bad.txt: empty file" in result.stderr
