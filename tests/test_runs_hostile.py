"""Runs into one output folder (issue 13, items 12, 13 and 14): one writer at a time, tables
replaced all together, nothing left behind by a killed run, workers that end with their run,
Ctrl-C as one line."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from newslib import publish
from newslib.analyze import analyze_to_folder
from newslib.cli import main

TABLES = ("articles", "sentences", "quotes")
WORDS = (
    "council budget river school mayor farmers bridge harbour station library winter plan "
    "delay vote report museum tram park market teacher nurse ferry storm clinic road"
).split()


def make_corpus(folder: Path, n: int, seed: int = 0) -> Path:
    """``n`` short made-up articles, each different, with a quotation and reported speech."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(60)]
        body = (
            f"The {words[0]} opened on day {i}. "
            f'"The {words[1]} {words[2]} is ready," said Dana Pike{i}. '
            f"Officials said that the {words[3]} would cost more. "
            + " ".join(words[4:]).capitalize()
            + "."
        )
        (folder / f"a{i:03d}.txt").write_text(f"Story {i}\n\n{body}\n", encoding="utf-8")
    return folder


def tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def staging_left(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if p.name.startswith(publish.STAGING_PREFIX)]


def test_a_second_run_into_a_busy_output_folder_stops_with_one_line(tmp_path, capsys):
    corpus = make_corpus(tmp_path / "c", 4)
    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "-o", str(out), "--quiet", "--jobs", "1"]) == 0
    before = tables(out)
    capsys.readouterr()
    with publish.lock_output(out):  # as a first run holds it while it writes
        code = main(["analyze", str(corpus / "a000.txt"), "-o", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "another newslib run" in err and "-o" in err
    for name, frame in tables(out).items():  # the first run's tables are untouched
        pd.testing.assert_frame_equal(frame, before[name])


def test_concurrent_runs_into_one_folder_never_crash_or_mix(tmp_path):
    small = make_corpus(tmp_path / "small", 6, seed=1)
    large = make_corpus(tmp_path / "large", 30, seed=2)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newslib.cli", "analyze", "-o", str(out), "--quiet"]
    for _ in range(3):
        runs = [
            subprocess.Popen([*command, str(corpus), "--jobs", "1"], stderr=subprocess.PIPE)
            for corpus in (small, large)
        ]
        results = [(run.wait(timeout=180), run.stderr.read().decode()) for run in runs]
        assert any(code == 0 for code, _ in results), results
        for code, err in results:
            assert code == 0 or (code == 1 and "another newslib run" in err), (code, err)
            assert "Traceback" not in err
        found = tables(out)
        ids = set(found["articles"]["article_id"])
        assert len(ids) in (6, 30)  # one run's articles, never a mix
        assert set(found["sentences"]["article_id"]) == ids
        assert set(found["quotes"]["article_id"]) <= ids
        assert staging_left(out) == []


def test_a_publication_cut_short_is_finished_by_the_next_run(tmp_path, monkeypatch):
    old = make_corpus(tmp_path / "old", 5, seed=3)
    new = make_corpus(tmp_path / "new", 8, seed=4)
    out = tmp_path / "out"
    analyze_to_folder(old, out, jobs=1)
    real_replace = os.replace
    moves = []

    def dies_after_two_tables(source, target):
        if Path(target).parent == out and not str(target).endswith(".json"):
            if len(moves) == 2:
                raise KeyboardInterrupt  # the process dies here
            moves.append(Path(target).name)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", dies_after_two_tables)
    with pytest.raises(KeyboardInterrupt):
        analyze_to_folder(new, out, jobs=1)
    monkeypatch.setattr(os, "replace", real_replace)
    # Half published (new articles, the sentences set aside): the journal says so, and the
    # staged tables are still there.
    assert (out / publish.JOURNAL).exists() and len(staging_left(out)) == 1
    assert len(pd.read_parquet(out / "articles.parquet")) == 8
    assert not (out / "sentences.parquet").exists()

    done = publish.recover(out)
    assert any("finished publishing" in line for line in done)
    found = tables(out)
    assert len(found["articles"]) == 8
    assert set(found["sentences"]["article_id"]) == set(found["articles"]["article_id"])
    assert pd.read_csv(out / "quotes.csv")["article_id"].nunique() == 8
    assert staging_left(out) == [] and not (out / publish.JOURNAL).exists()


def test_leftovers_of_killed_runs_are_removed_and_reported(tmp_path):
    corpus = make_corpus(tmp_path / "c", 3)
    out = tmp_path / "out"
    out.mkdir()
    stale = out / f"{publish.STAGING_PREFIX}dead"
    (stale / "sentences.parquet").mkdir(parents=True)
    (stale / "sentences.parquet" / "part-00000.parquet").write_bytes(b"x" * 10_000)
    (out / ".newslib-run.json.4242.partial").write_text("{", encoding="utf-8")
    (out / "notes.partial").write_text("a user's file, not hidden: kept", encoding="utf-8")
    summary = analyze_to_folder(corpus, out, jobs=1)
    assert len(summary["recovered"]) == 2
    assert staging_left(out) == []
    assert not (out / ".newslib-run.json.4242.partial").exists()
    assert (out / "notes.partial").exists()


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found.update(int(child) for child in text)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_workers_end_when_their_run_is_killed(tmp_path):
    corpus = make_corpus(tmp_path / "c", 400, seed=5)
    run = subprocess.Popen(
        [sys.executable, "-m", "newslib.cli", "analyze", str(corpus), "-o", str(tmp_path / "o")]
        + ["--jobs", "2", "--chunk-size", "20", "--no-cache", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
        workers = _children(run.pid)
    assert len(workers) >= 2, "the run finished before its workers could be seen"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


def test_runs_killed_at_random_points_end_in_the_tables_of_a_clean_run(tmp_path):
    corpus = make_corpus(tmp_path / "c", 150, seed=6)
    out, cache = tmp_path / "out", tmp_path / "cache"
    command = [sys.executable, "-m", "newslib.cli", "analyze", str(corpus), "-o", str(out)]
    command += ["--cache-dir", str(cache), "--jobs", "2", "--chunk-size", "10"]
    command += ["--batch-size", "40", "--quiet"]
    rng = random.Random(13)
    files = sorted(corpus.iterdir())

    def edit_and_start(round_):
        # Edits between runs give every run work to do (and the cache parts to write).
        for path in rng.sample(files, 30):
            path.write_text(path.read_text(encoding="utf-8") + f"Edit {round_}.\n", "utf-8")
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    assert subprocess.run(command, capture_output=True).returncode == 0  # cold, whole
    started = time.monotonic()
    assert edit_and_start(0).wait() == 0
    duration = time.monotonic() - started  # of a run like the ones killed below
    kills = 0
    for round_ in range(1, 9):
        run = edit_and_start(round_)
        # Anywhere from start-up to the end: loading, analysing, caching or publishing.
        time.sleep(rng.uniform(0.05, 1.1) * duration)
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)
            kills += 1
        run.wait()
        assert b"Traceback" not in run.stderr.read()
        if (out / "articles.parquet").exists() and not (out / publish.JOURNAL).exists():
            found = tables(out)  # whatever was published is one run's, whole
            assert set(found["sentences"]["article_id"]) == set(found["articles"]["article_id"])
    assert kills >= 3, "too few runs were killed to test anything: lengthen the corpus"
    assert main(["analyze", str(corpus), "-o", str(out), "--quiet", "--cache-dir", str(cache)]) == 0
    clean = tmp_path / "clean"
    assert main(["analyze", str(corpus), "-o", str(clean), "--quiet", "--no-cache"]) == 0
    for name in TABLES:
        for part in sorted((clean / f"{name}.parquet").iterdir()):
            assert (out / f"{name}.parquet" / part.name).read_bytes() == part.read_bytes()
        assert (out / f"{name}.csv").read_bytes() == (clean / f"{name}.csv").read_bytes()
    assert staging_left(out) == []
    assert not [p for p in out.iterdir() if p.name.endswith((".partial", ".tmp"))]


@pytest.mark.parametrize("delay", [0.4, 1.0, 1.6, 2.4])
def test_ctrl_c_at_any_moment_is_one_line_and_exit_130(tmp_path, delay):
    corpus = make_corpus(tmp_path / "c", 400, seed=7)
    command = [sys.executable, "-m", "newslib.cli", "analyze", str(corpus)]
    command += ["-o", str(tmp_path / "o"), "--jobs", "2", "--no-cache", "--quiet"]
    # A terminal sends SIGINT to the whole foreground group: the run and its workers.
    run = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    time.sleep(delay)  # while importing, starting workers (which import numpy), analysing
    if run.poll() is None:
        os.killpg(run.pid, signal.SIGINT)
    code = run.wait(timeout=60)
    err = run.stderr.read().decode()
    assert (code, err) in ((130, "newslib: interrupted\n"), (0, "")), (code, err)
