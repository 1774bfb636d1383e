"""Web pages: the full time of publication, converted as ``tz`` says, and page clutter
(share bars, "Posted ... by" lines, datelines) left out of the text. Pages written here."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import newslib

pytest.importorskip("trafilatura")

BODY = [
    "RIVERSIDE — The city council approved a new budget on Tuesday night after a debate that "
    "lasted more than five hours and drew dozens of residents to the chamber.",
    "The budget raises spending on road repairs by twelve percent and adds four positions to "
    "the parks department, according to documents released by the city manager.",
    '"We listened to every neighborhood," said council member Ana Ruiz, who voted in favor. '
    '"This plan fixes the streets people drive on every day."',
    "Opponents argued that the plan relies on optimistic sales tax projections and leaves the "
    "city exposed if the regional economy slows down next year.",
    "Ruiz posted a video of the vote on Facebook and Twitter on March 13, 2024, and said the "
    "council will hold a second hearing next month.",
]
TITLE = "Council approves new budget after long debate"


def page(head: str = "", *, before: str = "", after: str = "", url: str | None = None) -> str:
    """A realistic news page: navigation, headline, the story in <p>s, a sidebar, a footer;
    ``head`` goes into <head>, ``before``/``after`` around the story's paragraphs."""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{TITLE} | The Riverside Gazette</title>"
        '<meta property="og:site_name" content="The Riverside Gazette">'
        f"{canonical}{head}</head><body>"
        '<header class="site"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News'
        '</a></li><li><a href="/sports">Sports</a></li></ul></nav></header>'
        f"<main><article><h1>{TITLE}</h1>{before}{paragraphs}{after}</article></main>"
        '<aside><h3>Most read</h3><ul><li><a href="/a">Storm closes schools</a></li>'
        '<li><a href="/b">New bakery opens</a></li></ul></aside>'
        "<footer><p>© 2024 The Riverside Gazette. All rights reserved.</p>"
        '<p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>'
        "</body></html>"
    )


def json_ld(**fields) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE}
    return f'<script type="application/ld+json">{json.dumps({**data, **fields})}</script>'


# One instant, 2024-03-12 23:45 UTC, in the styles pages use to say when they were published.
STYLES = {
    "article:published_time": (
        '<meta property="article:published_time" content="2024-03-12T18:45-05:00">',
        "",
    ),
    "meta name pubdate, Z": ('<meta name="pubdate" content="2024-03-12T23:45:00Z">', ""),
    "itemprop datePublished": (
        '<meta itemprop="datePublished" content="2024-03-13T00:45:00+01:00">',
        "",
    ),
    "JSON-LD datePublished": (json_ld(datePublished="2024-03-12T18:45:00-05:00"), ""),
    "time datetime": ("", '<p><time datetime="2024-03-12T19:45:00-04:00">March 12</time></p>'),
}


@pytest.mark.parametrize("style", list(STYLES))
def test_the_time_of_publication_is_kept_and_made_naive_utc(write, style):
    head, before = STYLES[style]
    row = newslib.load(write("story.html", page(head, before=before))).iloc[0]
    assert row["date"] == pd.Timestamp("2024-03-12 23:45:00")
    assert row["title"] == TITLE


def test_tz_converts_the_time_of_publication(write):
    path = write("story.html", page(STYLES["article:published_time"][0]))
    berlin = newslib.load(path, tz="Europe/Berlin").loc[0, "date"]
    assert berlin == pd.Timestamp("2024-03-13 00:45", tz="Europe/Berlin")
    assert str(berlin.tz) == "Europe/Berlin"
    new_york = newslib.load(path, tz="America/New_York").loc[0, "date"]
    assert (new_york.hour, new_york.minute) == (19, 45)  # EDT since March 10


def test_a_time_without_offset_is_kept_as_given(write):
    head = '<meta property="article:published_time" content="2024-03-12T18:45:00">'
    assert newslib.load(write("s.html", page(head))).loc[0, "date"] == pd.Timestamp(
        "2024-03-12 18:45"
    )
    # tz= takes a naive time to be in that zone, as for every other format.
    aware = newslib.load(write("s.html", page(head)), tz="America/Chicago").loc[0, "date"]
    assert aware == pd.Timestamp("2024-03-12 18:45", tz="America/Chicago")


def test_a_date_in_the_url_does_not_hide_the_time_in_the_page(write):
    url = "https://gazette.example.com/2024/03/12/council-budget.html"
    html = page(STYLES["article:published_time"][0], url=url)
    row = newslib.load(write("story.html", html)).iloc[0]
    assert row["date"] == pd.Timestamp("2024-03-12 23:45")
    assert row["url"] == url


def test_the_original_date_wins_over_an_update(write):
    modified = "2024-03-14T08:00:00-05:00"
    for head in (
        json_ld(datePublished="2024-03-12T18:45:00-05:00", dateModified=modified),
        f'<meta property="article:modified_time" content="{modified}">'
        '<meta property="article:published_time" content="2024-03-12T18:45:00-05:00">',
    ):
        row = newslib.load(write("story.html", page(head))).iloc[0]
        assert row["date"] == pd.Timestamp("2024-03-12 23:45")


CLUTTER_BEFORE = (
    "<p>Posted 03/28/2024 5:14 PM by Jane Doe</p>"
    "<p>Share this: Facebook Twitter Email</p>"
    "<p>March 12, 2024</p>"
    "<p>Updated: March 13, 2024 at 9:02 a.m. ET</p>"
    "<p>By Jane Doe and John Smith, Associated Press</p>"
    "<p>RIVERSIDE (AP) —</p>"
)
CLUTTER_AFTER = (
    "<p>Share this article: Facebook | Twitter | LinkedIn | Email | Print</p>"
    "<p>Advertisement</p>"
    "<p>Copyright 2024 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.</p>"
)


def test_page_clutter_is_stripped_from_the_text(write):
    head = STYLES["article:published_time"][0]
    row = newslib.load(
        write("story.html", page(head, before=CLUTTER_BEFORE, after=CLUTTER_AFTER))
    ).iloc[0]
    assert row["text"] == "\n\n".join(BODY)
    assert row["n_paragraphs"] == len(BODY)
    assert row["date"] == pd.Timestamp("2024-03-12 23:45")
    for clutter in ("Share this", "Posted", "Advertisement", "rights reserved", "Home", "(AP)"):
        assert clutter not in row["text"]


def test_a_byline_and_share_links_in_the_story_header_are_left_out(write):
    header = (
        "<header><p>Posted 03/28/2024 5:14 PM by Jane Doe</p><p>Share: "
        '<a href="https://facebook.com/s">Facebook</a> <a href="https://x.com/s">X</a></p>'
        "</header>"
    )
    row = newslib.load(write("story.html", page(before=header))).iloc[0]
    assert row["text"] == "\n\n".join(BODY)


def test_clutter_patterns_apply_to_web_pages_only(write, tmp_path):
    lines = ["Share this: Facebook Twitter Email", "Posted 03/28/2024 5:14 PM by Jane Doe"]
    write("site/story.html", page(before="".join(f"<p>{line}</p>" for line in lines)))
    plain = "\n\n".join([*lines, *BODY])
    write("site/story.txt", f"{TITLE}\n\n{plain}\n")
    write("site/story.md", f"---\ntitle: {TITLE} (notes)\n---\n\n{plain}\n")
    df = newslib.load(tmp_path / "site").set_index("path")
    texts = {path.rsplit(".", 1)[1]: text for path, text in df["text"].items()}
    assert texts["html"] == "\n\n".join(BODY)
    assert texts["txt"] == plain  # a text file keeps every line its author wrote
    assert texts["md"] == plain


def test_a_story_only_the_balanced_extraction_finds_is_not_lost(write):
    # A table layout: trafilatura's precision mode finds no text here, its default does.
    html = (
        "<html><head><title>Old page</title></head><body><table><tr><td>"
        "Story in a table cell, an old layout that some small papers still use online."
        "</td></tr></table></body></html>"
    )
    df = newslib.load(write("old.html", html))
    assert df.loc[0, "text"].startswith("Story in a table cell")


def test_a_time_alone_on_a_line_is_the_story_s_not_clutter(write):
    # Live blogs mark their entries with the time; a date alone on a line is still clutter.
    entries = "<p>6:01 p.m.</p><p>March 12, 2024</p>"
    head = STYLES["article:published_time"][0]
    text = newslib.load(write("live.html", page(head, before=entries))).iloc[0]["text"]
    assert text.startswith("6:01 p.m.\n\n") and "March 12, 2024\n" not in text
