"""newslib works on a machine that has never been online: sockets blocked, empty data dir."""

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    import nltk
    nltk.download = refuse  # would be the only way NLTK reaches the network

    import newslib, textstat
    from newslib.resources import nltk_data_dir, vader_analyzer

    df = newslib.load(SEED)
    assert len(newslib.sentences(df)) >= 18
    assert len(newslib.paragraphs(df)) == 7
    # textstat reads the CMU dictionary through NLTK (it would download it if missing).
    assert textstat.syllable_count("communications") == 5
    assert textstat.flesch_reading_ease(df.loc[0, "text"]) > 0
    assert vader_analyzer().polarity_scores("a good day")["compound"] > 0
    assert nltk.corpus.cmudict.dict()["officer"][0][0] == "AO1"
    assert nltk.sent_tokenize("Mr. Li came. He left.") == ["Mr. Li came.", "He left."]
    assert str(nltk_data_dir()).startswith(DATA)
    for name in ("readability", "sentiment", "quotes"):
        try:
            module = __import__("newslib." + name, fromlist=[name])
        except ImportError:
            continue
        getattr(module, name)(df)
    print("OFFLINE-OK")
    """
)


def test_everything_runs_with_sockets_blocked_and_no_data(tmp_path, seed_path):
    data = tmp_path / "fresh-data"
    env = {k: v for k, v in os.environ.items() if k not in ("NLTK_DATA", "XDG_CACHE_HOME")}
    env.update(NEWSLIB_DATA_DIR=str(data), HOME=str(tmp_path / "home"))
    script = f"SEED = {str(seed_path)!r}\nDATA = {str(data)!r}\n" + SCRIPT
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "OFFLINE-OK" in result.stdout
    assert (data.iterdir().__next__() / "COMPLETE").exists()


def test_data_dir_is_rebuilt_when_deleted(tmp_path, monkeypatch):
    import shutil

    from newslib import resources

    monkeypatch.setenv("NEWSLIB_DATA_DIR", str(tmp_path))
    root = resources.ensure_nltk_data()
    lexicon = root / "sentiment" / "vader_lexicon.zip"
    first = lexicon.read_bytes()
    shutil.rmtree(root)
    assert resources.ensure_nltk_data() == root
    assert lexicon.read_bytes() == first  # deterministic build
