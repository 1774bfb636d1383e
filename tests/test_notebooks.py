"""The notebooks run top to bottom on several corpora, with figures, widgets and computed
conclusions, and are committed without outputs. Also the helpers in ``newslib.notebook``.

Each notebook is executed with papermill once per corpus (module-scoped fixture): the one-article
seed, the multi-source fixture corpus of ``fixtures_corpus.py``, and a bare corpus of one
article without date, source or quotation.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from fixtures_corpus import SCRIPT_SNIPPET, write_fixture_corpus

import newslib
from newslib import notebook as nb
from newslib.labels import signed

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
NAMES = [p.stem for p in NOTEBOOKS]
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def _strip_tool():
    spec = importlib.util.spec_from_file_location(
        "strip_notebooks", ROOT / "tools" / "strip_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _outputs(notebook: dict):
    for cell in notebook["cells"]:
        yield from cell.get("outputs", [])


def _tagged(notebook: dict, tag: str) -> list[dict]:
    return [c for c in notebook["cells"] if tag in c.get("metadata", {}).get("tags", [])]


def _markdown_outputs(cell: dict) -> str:
    return "\n".join(
        "".join(o["data"]["text/markdown"])
        for o in cell.get("outputs", [])
        if "text/markdown" in o.get("data", {})
    )


# ------------------------------------------------------------------------------ committed files


def test_the_five_notebooks_exist():
    assert NAMES == ["00_overview", "01_readability", "02_quotes", "03_sentiment", "04_timeline"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_committed_notebook_has_no_outputs_and_a_parameters_cell(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert _strip_tool().problems(notebook) == [], "run: python tools/strip_notebooks.py"
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    # papermill injects parameters after the first cell tagged "parameters".
    first = code[0]
    assert "parameters" in first["metadata"].get("tags", [])
    assert re.search(r'^CORPUS = "\.\./seeds"', "".join(first["source"]), re.M)
    assert len(_tagged(notebook, "conclusion")) == 1
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"


def test_strip_tool_check_mode_flags_an_executed_notebook(tmp_path):
    tool = _strip_tool()
    dirty = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    code = next(c for c in dirty["cells"] if c["cell_type"] == "code")
    code["execution_count"] = 7
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "hi\n"}]
    dirty["metadata"]["papermill"] = {"duration": 1.5}
    path = tmp_path / "dirty.ipynb"
    path.write_text(json.dumps(dirty), encoding="utf-8")
    assert tool.main(["--check", str(path)]) == 1
    assert tool.main([str(path)]) == 0  # strips in place
    assert tool.main(["--check", str(path)]) == 0
    clean = json.loads(path.read_text(encoding="utf-8"))
    assert "papermill" not in clean["metadata"]
    # The parameters tag survives stripping.
    assert _tagged(clean, "parameters")


# ------------------------------------------------------------------------------ executed notebooks


def _write_bare_corpus(folder: Path) -> Path:
    """One article with no date, no source and no quotation (plain text: title, then body)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notice.txt").write_text(
        "Library closed for repairs\n\n"
        "The town library will stay closed this week while the roof is repaired.\n\n"
        "Books can be returned at the town hall until it opens again.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module", params=["seeds", "fixture", "bare"])
def run(request, tmp_path_factory):
    """Every notebook executed on one corpus: (corpus path, {name: executed notebook})."""
    import papermill

    tmp = tmp_path_factory.mktemp(f"nb-{request.param}")
    if request.param == "seeds":
        corpus = ROOT / "seeds"
    elif request.param == "fixture":
        corpus = write_fixture_corpus(tmp / "corpus")
    else:
        corpus = _write_bare_corpus(tmp / "corpus")
    executed, failures = {}, {}
    for path in NOTEBOOKS:
        target = tmp / path.name
        try:
            papermill.execute_notebook(
                str(path),
                str(target),
                parameters={"CORPUS": str(corpus.resolve())},
                cwd=str(NOTEBOOK_DIR),
                kernel_name="python3",
                progress_bar=False,
                execution_timeout=300,
            )
        except Exception as error:  # reported per notebook by the tests below
            failures[path.stem] = f"{type(error).__name__}: {error}"
        executed[path.stem] = json.loads(target.read_text(encoding="utf-8"))
    return request.param, corpus.resolve(), executed, failures


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_without_errors(run, name):
    _, _, executed, failures = run
    assert name not in failures, failures.get(name)
    outputs = list(_outputs(executed[name]))
    errors = [o for o in outputs if o["output_type"] == "error"]
    assert not errors, [(o["ename"], o["evalue"]) for o in errors]
    # Warnings and tracebacks printed on stderr would end up in the report too.
    stderr = ["".join(o["text"]) for o in outputs if o.get("name") == "stderr"]
    assert not stderr, stderr


@pytest.mark.parametrize("name", NAMES)
def test_notebook_draws_figures(run, name):
    label, _, executed, _ = run
    images = [
        base64.b64decode(o["data"]["image/png"])
        for o in _outputs(executed[name])
        if "image/png" in o.get("data", {})
    ]
    # Without dates the timeline notebook says so in words; only its explorer draws a figure.
    least = 1 if (label, name) == ("bare", "04_timeline") else 2
    assert len(images) >= least, f"{name}: only {len(images)} figures"
    assert all(img.startswith(b"\x89PNG\r\n\x1a\n") and len(img) > 2000 for img in images)


@pytest.mark.parametrize("name", NAMES)
def test_widget_cell_shows_a_default_figure_when_headless(run, name):
    _, _, executed, _ = run
    widget_cells = [
        c
        for c in executed[name]["cells"]
        if any(WIDGET_MIME in o.get("data", {}) for o in c.get("outputs", []))
    ]
    assert widget_cells, f"{name} has no interactive controls"
    for cell in widget_cells:
        kinds = [
            "widget"
            if WIDGET_MIME in o.get("data", {})
            else "png"
            if "image/png" in o.get("data", {})
            else o["output_type"]
            for o in cell["outputs"]
        ]
        # The controls, then the figure for their default values, as a plain image output.
        assert kinds == ["widget", "png"], kinds


def _expected_numbers(corpus: Path) -> dict[str, list[str]]:
    """Numbers each conclusion must state, computed here with the analysis functions."""
    df = newslib.load(corpus)
    grade = newslib.readability(df)["flesch_kincaid_grade"]
    shares = newslib.quote_share(df)
    sentences = newslib.sentiment(df)
    dated = df["date"].dropna()
    expected = {
        "00_overview": [
            f"{len(df)} article",
            f"{int(df['n_words'].sum()):,} words",
            f"Flesch–Kincaid grade is {grade.median():.1f}",
        ],
        "01_readability": [f"{grade.median():.1f}"],
        "03_sentiment": [
            f"{len(sentences)} sentence",
            signed(sentences["compound"].mean()),
        ],
    }
    total = shares["total_words"].sum()
    expected["02_quotes"] = [f"of {len(df)} article"]
    if total:
        expected["02_quotes"].append(f"{shares['quoted_words'].sum() / total:.1%} of all words")
    if len(dated):
        expected["04_timeline"] = [f"{dated.min():%B %Y}"]
        if dated.dt.to_period("M").nunique() > 1:
            expected["04_timeline"].append(f"{len(dated)} dated articles")
    else:
        expected["04_timeline"] = ["No article has a date"]
    return expected


@pytest.mark.parametrize("name", NAMES)
def test_conclusion_states_numbers_computed_from_the_data(run, name):
    _, corpus, executed, _ = run
    (cell,) = _tagged(executed[name], "conclusion")
    text = _markdown_outputs(cell)
    assert text.strip(), f"{name}: the conclusion printed nothing"
    for number in _expected_numbers(corpus)[name]:
        assert number in text, f"{name}: {number!r} not in conclusion:\n{text}"


def test_fixture_conclusions_compare_sources(run):
    label, _, executed, _ = run
    if label != "fixture":
        pytest.skip("only the fixture corpus has several sources")
    for name in ("01_readability", "02_quotes", "03_sentiment"):
        (cell,) = _tagged(executed[name], "conclusion")
        assert "By source" in _markdown_outputs(cell), name


def test_article_text_is_shown_escaped_never_as_html(run):
    label, _, executed, _ = run
    if label != "fixture":
        pytest.skip("only the fixture corpus has an article with HTML in it")
    seen_escaped = False
    for name, notebook in executed.items():
        for output in _outputs(notebook):
            for mime in ("text/html", "text/markdown"):
                body = "".join(output.get("data", {}).get(mime, ""))
                assert "<script" not in body.lower(), (name, mime, body[:300])
                assert "<b>city</b>" not in body, (name, mime)
                seen_escaped |= "&lt;script&gt;alert(" in body
    assert seen_escaped, "the article with a <script> title was not shown at all"


# ------------------------------------------------------------------------------ helper functions


def _articles(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for col in ("article_id", "title", "text", "source"):
        if col in frame:
            frame[col] = frame[col].astype("string")
    return frame


def test_md_escape_neutralises_html_and_markdown():
    text = nb.md_escape(SCRIPT_SNIPPET + " *bold* [link](x) a|b\nnext")
    assert "<" not in text and ">" not in text
    assert "&lt;script&gt;" in text
    assert r"\*bold\*" in text and r"\[link\]" in text and r"a\|b" in text
    assert "\n" not in text
    assert nb.md_escape(pd.NA) == "" and nb.md_escape(None) == ""


def test_html_table_escapes_cells():
    table = nb.html_table(pd.DataFrame({"title": [SCRIPT_SNIPPET], "n": [1.234]}))
    assert "<script" not in table.data
    assert "&lt;script&gt;" in table.data and "1.23" in table.data


def test_prepare_on_a_table_without_dates_or_sources():
    data = nb.prepare(
        _articles(
            [
                {"article_id": "a", "title": "One", "text": "Rain fell. It was grim and sad."},
                {"article_id": "b", "title": "Two", "text": "Sun came out. Everyone was happy."},
            ]
        )
    )
    assert data.group is None and data.sources == [] and data.dated.empty
    assert "No article has a date" in nb.timeline_findings(data, metric="compound_mean")
    # The most negative article is the grim one, whatever the exact scores.
    assert data.pick(None, "compound_mean", largest=False) == "a"
    assert data.pick(None, "compound_mean", largest=True) == "b"
    with pytest.raises(ValueError, match="not in the corpus"):
        data.pick("zzz", "compound_mean")


def test_prepare_rejects_an_empty_corpus(tmp_path):
    with pytest.raises(ValueError, match="no articles"):
        nb.prepare(tmp_path)


def test_select_by_source_and_months():
    frame = pd.DataFrame(
        {
            "source": pd.array(["A", "B", "A", pd.NA], dtype="string"),
            "date": pd.to_datetime(["2024-01-31", "2024-02-01", "2024-03-15", None]),
        }
    )
    assert nb.select(frame, source="A").index.tolist() == [0, 2]
    months = (pd.Timestamp("2024-02-01"), pd.Timestamp("2024-03-01"))
    assert nb.select(frame, months=months).index.tolist() == [1, 2]
    assert nb.select(frame).index.tolist() == [0, 1, 2, 3]


def test_readability_findings_name_the_outlier():
    # Four short plain articles and one made of long many-syllable words: the last is the
    # clear outlier on the grade scale.
    plain = "The cat sat on the mat. The dog ran to the park. We had tea."
    hard = (
        "Institutional accountability considerations notwithstanding, administrative "
        "reorganisation necessitates comprehensive interdepartmental consultation procedures."
    )
    rows = [{"article_id": f"p{i}", "title": f"Plain {i}", "text": plain} for i in range(4)]
    rows.append({"article_id": "h", "title": "Dense <memo>", "text": hard})
    data = nb.prepare(_articles(rows))
    text = nb.readability_findings(data)
    assert "1 article lies" in text and "Dense &lt;memo&gt;" in text
    assert "The hardest read is “Dense &lt;memo&gt;”" in text


def test_changing_a_control_redraws_the_figure_in_place(tmp_path):
    """Run in a real kernel: setting the widget's value replaces the figure of its cell."""
    import nbformat
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell, new_notebook

    draw = (
        "%matplotlib inline\n"
        "from newslib import notebook as nb\n"
        "def draw(ax, n):\n"
        "    ax.bar(range(n), range(1, n + 1))\n"
    )
    cells = [
        new_code_cell(draw),
        new_code_cell(
            'w = nb.dropdown([1, 2, 3], description="n")\nnb.figure_with_controls(draw, {"n": w});'
        ),
        new_code_cell("w.value = 3"),
        new_code_cell('nb.figure_with_controls(draw, {"n": 3});'),
        new_code_cell('nb.figure_with_controls(draw, {"n": 1});'),
    ]
    notebook = new_notebook(cells=cells)
    NotebookClient(notebook, kernel_name="python3", timeout=120).execute()

    def png(cell):
        return [o["data"]["image/png"] for o in cell.outputs if "image/png" in o.get("data", {})]

    (updated,) = png(notebook.cells[1])
    (three,) = png(notebook.cells[3])
    (one,) = png(notebook.cells[4])
    assert updated == three and updated != one
    nbformat.validate(notebook)


# ------------------------------------------------------------------------------ voices


def test_voices_section_states_the_pooled_shares(run):
    _, corpus, executed, _ = run
    shares = newslib.quote_share(newslib.load(corpus))
    total = shares["total_words"].sum()
    quoted, reported = shares["quoted_words"].sum(), shares["reported_words"].sum()
    text = "\n".join(
        "".join(o["data"]["text/markdown"])
        for o in _outputs(executed["02_quotes"])
        if "text/markdown" in o.get("data", {})
    )
    if quoted + reported:
        assert f"**{quoted / total:.1%}** are quoted" in text
        assert f"**{reported / total:.1%}** reported" in text
        assert f"**{(total - quoted - reported) / total:.1%}** the reporter's own" in text
    else:
        assert f"None of the {total:,} words of the corpus is quoted or reported" in text
    (conclusion,) = _tagged(executed["03_sentiment"], "conclusion")
    if quoted + reported:
        assert "the reporter's own" in _markdown_outputs(conclusion)


def _voice_data() -> nb.CorpusData:
    """A CorpusData made by hand: two sources; Ann is quoted and reported, Cy only reported."""
    articles = pd.DataFrame(
        {
            "article_id": pd.array(["a", "b", "c"], dtype="string"),
            "title": pd.array(["One", "Two", "Three"], dtype="string"),
            "source": pd.array(["Post", "Post", "Herald"], dtype="string"),
            "total_words": [100, 100, 200],
            "quoted_words": [40, 0, 20],
            "reported_words": [10, 30, 0],
            "attributed_words": [50, 30, 20],
            "attributed_share": [0.5, 0.3, 0.1],
            "quote_share": [0.4, 0.0, 0.1],
            "n_speakers": [1, 0, 1],
            "compound_mean": [0.1, -0.2, 0.3],
        }
    )
    sentences = pd.DataFrame(
        {
            "article_id": pd.array(["a", "a", "a", "b", "c"], dtype="string"),
            "sentence": [0, 1, 2, 0, 0],
            "text": pd.array(["Q.", "R.", "N.", "R2.", "N2."], dtype="string"),
            "compound": [0.5, -0.4, 0.1, -0.2, 0.3],
            "in_quote": pd.array([1.0, 0.0, 0.0, 0.0, 0.0], dtype="Float64"),
            "voice": pd.array(["quoted", "reported", "narration", "reported", "narration"]),
        }
    ).astype({"voice": "string"})
    speakers = pd.DataFrame(
        {
            "article_id": pd.array(["a", "b", "c"], dtype="string"),
            "speaker": pd.array(["Ann", "Cy", "Ann"], dtype="string"),
            "n_quotes": [2, 0, 1],
            "quoted_words": [40, 0, 20],
            "attributed_words": [50, 30, 20],
            "n_attributions": [2, 1, 1],
        }
    )
    return nb.CorpusData("hand", articles, articles, sentences, pd.DataFrame(), speakers)


def test_top_speakers_put_quoted_and_reported_words_side_by_side():
    top = nb.top_speakers(_voice_data())
    assert top.columns.tolist() == [
        "speaker", "articles", "attributions", "quoted words", "reported words",
        "attributed words",
    ]  # fmt: skip
    assert top.values.tolist() == [["Ann", 2, 3, 60, 10, 70], ["Cy", 1, 1, 0, 30, 30]]
    assert nb.top_speakers(_voice_data(), n=1)["speaker"].tolist() == ["Ann"]
    data = _voice_data()
    empty = nb.CorpusData(
        "x", data.raw, data.articles, data.sentences, data.quotes, data.speakers[:0]
    )
    assert nb.top_speakers(empty).empty


def test_voices_findings_pool_the_words():
    text = nb.voices_findings(_voice_data())
    # 60 quoted, 40 reported, 300 own of 400 words
    assert text.startswith("- Of the 400 words of the corpus (all articles' words together), ")
    assert "**15.0%** are quoted, **10.0%** reported and **75.0%** the reporter's own." in text
    assert "would miss 40% of the words" in text  # 40 reported of 100 attributed
    assert "In the median article, 30% of the words are attributed" in text
    assert (
        "**Post** gives the largest share of its words to others (40% quoted or reported)" in text
    )
    assert "**Herald** the smallest (10%)" in text


def test_quotes_findings_count_only_quoted_people_as_quoted():
    text = nb.quotes_findings(_voice_data())
    assert "1 person is quoted by name; the most quoted is **Ann**" in text  # not Cy
    assert "Reported speech (without quotation marks) adds 10.0%, so 25.0% of all words" in text
    assert "**Ann** has the most words attributed: 70 words, 60 quoted and 10 reported." in text


def test_quotes_findings_name_the_person_of_the_people_table():
    # 'Ann' in one article and 'Ann Lee' in another are one person in the people table: the
    # sentence counts her words as the notebook's table of people does, not per spelling
    data = _voice_data()
    people = pd.DataFrame(
        {
            "person": pd.array(["Ann Lee", "Cy Roe"], dtype="string"),
            "speaker_type": pd.array(["person", "person"], dtype="string"),
            "gender": pd.array(["female", "unknown"], dtype="string"),
            "role": pd.array([pd.NA, pd.NA], dtype="string"),
            "n_articles": [2, 1],
            "n_attributions": [3, 1],
            "quoted_words": [60, 0],
            "attributed_words": [95, 30],
        }
    )
    with_people = nb.CorpusData(
        "hand", data.raw, data.articles, data.sentences, data.quotes, data.speakers, people
    )
    text = nb.quotes_findings(with_people)
    assert "**Ann Lee** has the most words attributed: 95 words, 60 quoted and 35 reported." in text
    assert "**Ann** has the most words" not in text


def test_overview_findings_give_reported_speech_beside_quoted():
    text = nb.overview_findings(_voice_data())
    assert "- Quoted speech makes up 15.0% of all words.\n" in text  # no median in the overview
    assert "Reported speech (without quotation marks) adds 10.0%, so 25.0% of all words" in text


def test_voice_sentiment_and_findings():
    data = _voice_data()
    table = nb.voice_sentiment(data)
    assert table["voice"].tolist() == ["quoted", "reported", "the reporter's own"]
    assert table["sentences"].tolist() == [1, 2, 2]
    assert table["mean sentiment"].tolist() == pytest.approx([0.5, -0.3, 0.2])
    assert table["negative sentences"].tolist() == pytest.approx([0.0, 1.0, 0.0])
    # no sentence of a voice: NA, not 0
    data2 = nb.CorpusData(
        "x", data.raw, data.articles, data.sentences.iloc[1:], data.quotes, data.speakers
    )
    quoted = nb.voice_sentiment(data2).iloc[0]
    assert quoted["sentences"] == 0 and pd.isna(quoted["mean sentiment"])
    text = nb.sentiment_findings(data)
    assert "Quoted sentences (1) average +0.50, reported sentences (2) average −0.30" in text
    assert "the reporter's own (2) +0.20" in text
    assert "(quoted or reported, 3 sentences, −0.03) sound more negative than" in text
    by_voice = nb.sentences_by_voice(data)["voice"]
    assert by_voice.tolist() == ["quoted", "reported", "the reporter's own"] + [
        "reported",
        "the reporter's own",
    ]
    extremes = nb.extreme_sentences(data, "a")
    assert extremes["voice"].tolist() == ["reported", "quoted"]
    assert extremes["sentence"].tolist() == [1, 0]  # numbered as in the sentences table


def test_html_table_formats_named_columns():
    table = nb.html_table(
        pd.DataFrame({"share": [0.255, None], "mean": [0.1234, -0.5]}),
        formats={"share": "{:.0%}", "mean": "{:+.2f}"},
    )
    assert "26%" in table.data and "+0.12" in table.data and "-0.50" in table.data
    assert "nan" not in table.data.lower()
