"""The notebooks' live controls: the searchable article picker, the caption that names what a
redrawn figure shows, and the settings ``make lab`` starts JupyterLab with.

Widgets are created and driven in this process (ipywidgets works without a kernel); the
browser side is in ``test_lab_browser.py``.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from newslib import notebook as nb

matplotlib.use("Agg")
ipywidgets = pytest.importorskip("ipywidgets")

ROOT = Path(__file__).resolve().parents[1]


def _articles() -> pd.DataFrame:
    """Six invented articles: two share date, source and title; one title carries HTML and a
    line break; one has neither date nor source."""
    return pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a4", "a5", "a6"],
            "title": [
                "Storm floods harbour shops",
                "Council approves budget",
                "Council approves budget",
                "Hackers post <script>alert('x')</script>\non <b>city</b> site",
                "Ferry line opens",
                "Letters to the editor",
            ],
            "source": ["Gazette", "Courier", "Courier", "Ledger", "Gazette", None],
            "date": pd.to_datetime(
                ["2024-01-22", "2024-02-12", "2024-02-12", "2024-03-05", "2024-03-18", None]
            ),
        }
    )


# ------------------------------------------------------------------------------ labels


def test_labels_are_unique_one_line_and_map_to_ids():
    choices = nb.article_choices(_articles())
    labels = [label for label, _ in choices]
    assert len(set(labels)) == len(labels) == 6
    assert sorted(i for _, i in choices) == ["a1", "a2", "a3", "a4", "a5", "a6"]
    by_id = {i: label for label, i in choices}
    # The twins differ only by their id; everything else reads date · source · title.
    assert by_id["a2"] == "2024-02-12 · Courier · Council approves budget · id a2"
    assert by_id["a3"] == "2024-02-12 · Courier · Council approves budget · id a3"
    assert by_id["a1"] == "2024-01-22 · Gazette · Storm floods harbour shops"
    assert by_id["a6"] == "Letters to the editor"  # no date, no source
    # Plain text on one line: the HTML is kept as the characters it is, the break is a space.
    assert by_id["a4"] == (
        "2024-03-05 · Ledger · Hackers post <script>alert('x')</script> on <b>city</b> site"
    )
    # By date, undated last.
    assert [i for _, i in choices][0] == "a1" and [i for _, i in choices][-1] == "a6"


def test_labels_stay_unique_when_long_titles_differ_only_at_the_end():
    stem = "A very long headline about the council budget that goes on and on " * 3
    frame = pd.DataFrame(
        {"article_id": ["x", "y"], "title": [stem + "one", stem + "two"], "source": "S"}
    )
    labels = [label for label, _ in nb.article_choices(frame, width=40)]
    assert len(set(labels)) == 2 and all(len(label) < 80 for label in labels)


# ------------------------------------------------------------------------------ the picker


def test_picker_filters_as_you_type_and_maps_the_click_to_the_article_id():
    picker = nb.article_picker(_articles(), value="a1")
    assert picker.value == "a1" and len(picker.list.options) == 6
    picker.search.value = "COUNCIL courier"  # every word, any case
    assert [i for _, i in picker.list.options] == ["a2", "a3"]
    assert picker.value == "a1"  # typing alone does not change the figure
    assert "2 of 6 articles match" in picker.status.value
    picker.list.value = "a3"  # a click on the second twin
    assert picker.value == "a3" and picker.label.endswith("· id a3")
    picker.search.value = "2024-03"  # a month
    assert [i for _, i in picker.list.options] == ["a4", "a5"]
    picker.search.value = "a6"  # an id
    assert [i for _, i in picker.list.options] == ["a6"]
    picker.search.value = "<b>no such"
    assert picker.list.options == () and picker.value == "a3"
    assert "No article matches “&lt;b&gt;no such”" in picker.status.value


def test_picker_lists_a_limited_number_of_thousands_of_articles():
    n = 5000
    frame = pd.DataFrame(
        {
            "article_id": [f"id{i}" for i in range(n)],
            "title": [f"Report number {i}" for i in range(n)],
            "source": ["Gazette" if i % 2 else "Courier" for i in range(n)],
            "date": pd.date_range("2020-01-01", periods=n, freq="6h"),
        }
    )
    picker = nb.article_picker(frame, value="id4321", limit=30)
    ids = [i for _, i in picker.list.options]
    assert len(ids) == 30 and ids[0] == "id4321"  # the chosen article stays in view
    assert picker.list.value == "id4321"
    assert "5,000 articles" in picker.status.value and "first 30" in picker.status.value
    picker.search.value = "gazette 2020-01-0"
    assert len(picker.list.options) == 18  # 36 reports in 9 days, every other one a Gazette's
    assert all("Gazette" in label for label, _ in picker.list.options)


def test_picker_rejects_an_unknown_article_and_clears_a_query_that_hides_a_new_value():
    with pytest.raises(ValueError, match="not in the corpus"):
        nb.article_picker(_articles(), value="nope")
    picker = nb.article_picker(_articles())
    assert picker.value == "a1"  # the first article by date
    picker.search.value = "storm"
    picker.value = "a5"  # set from code: the list shows it
    assert picker.search.value == "" and picker.list.value == "a5"


def test_the_three_close_up_notebooks_use_the_picker():
    for name in ("01_readability", "02_quotes", "03_sentiment"):
        content = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
        sources = ["".join(c["source"]) for c in content["cells"] if c["cell_type"] == "code"]
        assert any("nb.article_picker(data, value=article)" in s for s in sources), name
        assert not any("article_options()" in s for s in sources), name


# ------------------------------------------------------------------------------ captions


def _months(data: pd.DataFrame) -> list[tuple[str, pd.Timestamp]]:
    months = pd.period_range(data["date"].min(), data["date"].max(), freq="M")
    return [(f"{m:%Y-%m}", m.start_time) for m in months]


def test_caption_names_the_selection_and_follows_a_control_change(capsys):
    arts = _articles()
    metric = nb.dropdown([("Flesch–Kincaid grade", "fk"), ("Words", "n")], description="Metric")
    source = nb.dropdown([("all sources", None), ("Courier", "Courier")], description="Source")
    months = ipywidgets.SelectionRangeSlider(options=_months(arts), index=(0, 2))
    drawn = []

    def draw(ax, metric, source, months):
        drawn.append((metric, source, months))
        ax.plot([0, 1])

    handle = nb.figure_with_controls(
        draw, {"metric": metric, "source": source, "months": months}, articles=arts
    )
    caption = handle.caption
    assert "Flesch–Kincaid grade — all sources, Jan–Mar 2024, 5 articles" in caption.value
    source.value = "Courier"
    assert "Flesch–Kincaid grade — Courier, Jan–Mar 2024, 2 articles" in caption.value
    months.index = (0, 0)
    metric.value = "n"
    assert "Words — Courier, Jan 2024, 0 articles" in caption.value
    assert drawn[-1] == ("n", "Courier", (pd.Timestamp("2024-01-01"),) * 2)
    capsys.readouterr()  # the figures' reprs, printed without a notebook


def test_caption_of_an_article_is_escaped():
    arts = _articles()
    picker = nb.article_picker(arts, value="a1")
    handle = nb.figure_with_controls(lambda ax, article_id: None, {"article_id": picker})
    picker.list.value = "a4"
    html = handle.caption.value
    assert "Hackers post &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script>" not in html and "<b>city" not in html


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        ("2016-03-01", "2016-03-01", "Mar 2016"),
        ("2016-01-01", "2016-03-01", "Jan–Mar 2016"),
        ("2015-11-01", "2016-02-01", "Nov 2015–Feb 2016"),
    ],
)
def test_month_ranges_in_words(first, last, text):
    options = [(f"{m:%Y-%m}", m) for m in pd.date_range("2015-01-01", "2016-12-01", freq="MS")]
    slider = ipywidgets.SelectionRangeSlider(
        options=options, value=(pd.Timestamp(first), pd.Timestamp(last))
    )
    top = nb.dropdown([5, 10, 20], value=10, description="Top")
    assert nb.selection_caption({"months": slider, "top": top, "fixed": 3}) == (f"{text} — top 10")


def test_a_custom_caption_replaces_the_automatic_one(capsys):
    n = nb.dropdown([1, 2, 3], description="n")
    handle = nb.figure_with_controls(
        lambda ax, n: ax.plot(range(n)), {"n": n}, caption=lambda n: f"{n} <points>"
    )
    n.value = 3
    assert "3 &lt;points&gt;" in handle.caption.value
    capsys.readouterr()


# ------------------------------------------------------------------------------ make lab


def lab_command() -> list[str]:
    """The `make lab` recipe as arguments, continuation lines joined and $(...) expanded."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lab:.*\n((?:\t.*\n)+)", text, flags=re.MULTILINE)
    assert recipe, "the Makefile has no lab target"
    command = recipe.group(1).replace("\\\n", " ")
    command = command.replace("$(CURDIR)", str(ROOT)).replace("$(BIN)", ".venv/bin")
    return shlex.split(command)


def test_make_lab_runs_as_root_and_without_the_news_pop_up():
    args = lab_command()
    assert args[:2] == [".venv/bin/jupyter", "lab"]
    assert "--allow-root" in args
    (settings_dir,) = [
        a.split("=", 1)[1] for a in args if a.startswith("--LabApp.app_settings_dir=")
    ]
    overrides = json.loads((Path(settings_dir) / "overrides.json").read_text(encoding="utf-8"))
    notification = overrides["@jupyterlab/apputils-extension:notification"]
    # The setting is a string enum ("true", "false", "none": ask), not a boolean.
    assert notification["fetchNews"] == "false"
    schema = ROOT / ".venv/share/jupyter/lab/schemas/@jupyterlab/apputils-extension"
    if (schema / "notification.json").is_file():
        properties = json.loads((schema / "notification.json").read_text())["properties"]
        assert set(notification) <= set(properties)
        assert {"const": "false", "title": "Never"} in properties["fetchNews"]["oneOf"]
