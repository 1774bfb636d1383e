"""Tests for newslib.reader: the article reader's HTML, read back with html.parser (every
character once and escaped, tags nested, the marks on the right characters) and the choice of
the article a close-up shows. All text is written for these tests."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from newslib import reader
from newslib.reader import VOICE_BACKGROUNDS, article, article_html, default_article
from newslib.text import paragraph_spans

QUOTED_BG = f"background-color:{VOICE_BACKGROUNDS['quoted']}"
REPORTED_BG = f"background-color:{VOICE_BACKGROUNDS['reported']}"

TEXT = (
    "The council met on Monday.\n\n"
    '"We will rebuild the bridge," Mayor Ana Ruiz said. '
    'She said the plan was "a disaster" for the town.\n\n'
    'Critics mocked the so-called "reform" all week.'
)


def _at(fragment: str, text: str = TEXT, after: int = 0) -> tuple[int, int]:
    start = text.index(fragment, after)
    return start, start + len(fragment)


def _quotes(text: str = TEXT) -> pd.DataFrame:
    """A direct quotation, reported speech holding a partial quotation, a scare quote."""
    rows = []

    def add(kind, content, attribution, speaker=None, mention=None, cue=None):
        start, end = _at(content, text)
        s = _at(mention, text) if mention else (pd.NA, pd.NA)
        # the cue is the first one after the source
        c = _at(cue, text, s[1]) if cue else (pd.NA, pd.NA)
        rows.append(
            dict(
                article_id="a1",
                attribution_id=attribution,
                start=start,
                end=end,
                text=content,
                kind=kind,
                speaker=speaker,
                speaker_mention=mention,
                speaker_start=s[0],
                speaker_end=s[1],
                cue=cue,
                cue_start=c[0],
                cue_end=c[1],
            )
        )

    add("direct", "We will rebuild the bridge,", 0, "Ana Ruiz", "Mayor Ana Ruiz", "said")
    add("indirect", 'the plan was "a disaster" for the town', 1, "Ana Ruiz", "She", "said")
    add("partial", "a disaster", 1, "Ana Ruiz", "She", "said")
    add("scare", "reform", pd.NA)
    frame = pd.DataFrame(rows)
    for col in ("attribution_id", "speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[col] = frame[col].astype("Int64")
    return frame


def _sentences(text: str = TEXT, scores=(0.0, 0.4215, -0.6, 0.05)) -> pd.DataFrame:
    spans = [
        _at("The council met on Monday.", text),
        _at('"We will rebuild the bridge," Mayor Ana Ruiz said.', text),
        _at('She said the plan was "a disaster" for the town.', text),
        _at('Critics mocked the so-called "reform" all week.', text),
    ]
    return pd.DataFrame(
        {
            "article_id": "a1",
            "sentence": range(len(spans)),
            "start": [s for s, _ in spans],
            "end": [e for _, e in spans],
            "compound": list(scores),
        }
    )


class _Page(HTMLParser):
    """Reads the fragment back: tags must close in order; each character of the article
    text is recorded with the styles and titles of the elements around it."""

    VOID = {"br"}

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.tags: set[str] = set()
        self.chars: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
        self.outside = ""
        self.feed(page)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {[t for t, _ in self.stack]}")

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.add(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else None}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if not any(a.get("class") == "newslib-reader-text" for _, a in self.stack):
            self.outside += data
            return
        styles = tuple(a["style"] for t, a in self.stack if t == "span" and a.get("style"))
        titles = tuple(a["title"] for t, a in self.stack if a.get("title"))
        self.chars.extend((c, styles, titles) for c in data)

    @property
    def text(self) -> str:
        return "".join(c for c, _, _ in self.chars)

    def styles(self, start: int, end: int) -> set[str]:
        """The style declarations every character of [start, end) has."""
        sets = [{d for s in styles for d in s.split(";")} for _, styles, _ in self.chars]
        return set.intersection(*sets[start:end])

    def titles(self, i: int) -> str:
        """What hovering over character ``i`` shows: the innermost title."""
        return self.chars[i][2][-1] if self.chars[i][2] else ""


def _page(*args, **kwargs) -> _Page:
    page = _Page(article_html(*args, **kwargs))
    assert page.errors == []
    return page


# --------------------------------------------------------------------------------------------
# the text: every character once, escaped, in paragraphs
# --------------------------------------------------------------------------------------------


def test_every_character_appears_once():
    page = _page(TEXT, _quotes(), _sentences())
    assert page.text == TEXT


def test_paragraphs_are_p_elements():
    html = article_html(TEXT, _quotes(), _sentences())
    assert html.count("<p ") == len(paragraph_spans(TEXT)) == 3
    assert html.count("</p>") == 3


def test_markup_in_the_text_is_shown_not_run():
    text = 'Lee said <script>alert("x")</script> & <b>bold</b> <img src=x onerror=alert(1)>.'
    quotes = pd.DataFrame({"start": [9], "end": [len(text) - 1], "kind": ["indirect"]})
    html = article_html(text, quotes, title="<script>t</script>", subtitle="<i>s</i>")
    page = _Page(html)
    assert page.errors == []
    assert page.text == text
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html
    assert page.tags <= {"div", "span", "p", "br"}  # nothing from the text became a tag
    assert "<script>t</script>" in page.outside  # the title, shown as text


def test_no_script_or_external_resource():
    html = article_html(TEXT, _quotes(), _sentences(), title="t")
    for needle in ("<script", "src=", "href=", "url(", "<link", "<style", "@import"):
        assert needle not in html.lower()


def test_unicode_text():
    text = 'Zoë 😀 said "né à Zürich — 北京 ok" today.\n\nשלום said the café owner.'
    quotes = pd.DataFrame(
        {
            "start": [text.index("né")],
            "end": [text.index(" ok") + 3],
            "kind": ["direct"],
            "speaker": ["Zoë"],
            "speaker_start": [0],
            "speaker_end": [3],
        }
    )
    page = _page(text, quotes)
    assert page.text == text
    start, end = _at("né à Zürich — 北京 ok", text)
    assert QUOTED_BG in page.styles(start, end)
    assert QUOTED_BG not in page.styles(end, end + 1)
    assert "font-weight:bold" in page.styles(0, 3)  # "Zoë": offsets count code points


def test_spans_at_both_ends_of_the_text():
    text = "Prices rise, the minister said"
    quotes = pd.DataFrame(
        {
            "start": [0],
            "end": [11],
            "kind": ["indirect"],
            "speaker_start": [13],
            "speaker_end": [25],
            "cue_start": [26],
            "cue_end": [len(text)],
            "cue": ["said"],
        }
    )
    sentences = pd.DataFrame({"start": [0], "end": [len(text)], "compound": [0.1]})
    page = _page(text, quotes, sentences)
    assert page.text == text
    assert REPORTED_BG in page.styles(0, 11)
    assert "font-style:italic" in page.styles(26, len(text))
    assert all("sentence 0" in page.titles(i) for i in range(len(text)))


def test_empty_tables_and_empty_text():
    empty_quotes = _quotes().iloc[0:0]
    empty_sentences = _sentences().iloc[0:0]
    for quotes, sentences in ((None, None), (empty_quotes, empty_sentences)):
        page = _page(TEXT, quotes, sentences)
        assert page.text == TEXT
        assert all(styles == () for _, styles, _ in page.chars)
    assert _page("", None, None).text == ""
    assert _page(None).text == ""


def test_line_breaks_inside_a_paragraph_are_kept():
    text = "Line one\nline two\n\nNext."
    page = _page(text)
    assert page.text == text
    assert "white-space:pre-line" in article_html(text)


# --------------------------------------------------------------------------------------------
# voices, speakers, cues, scare quotes
# --------------------------------------------------------------------------------------------


def test_each_voice_has_its_colour():
    page = _page(TEXT, _quotes(), _sentences())
    direct = _at("We will rebuild the bridge,")
    partial = _at("a disaster")
    reported_before = _at("the plan was ")
    reported_after = _at(" for the town")
    assert QUOTED_BG in page.styles(*direct)
    assert REPORTED_BG not in page.styles(*direct)
    assert REPORTED_BG in page.styles(*reported_before)
    assert REPORTED_BG in page.styles(*reported_after)
    # a quotation inside reported speech is quoted, not both
    assert QUOTED_BG in page.styles(*partial)
    assert REPORTED_BG not in page.styles(*partial)
    # the quotation marks around the partial quotation are reported speech
    mark = partial[0] - 1
    assert REPORTED_BG in page.styles(mark, mark + 1)
    # the reporter's own words have no background
    own = _at("The council met on Monday.")
    assert not any(s.startswith("background") for s in page.styles(*own))


def test_speaker_and_cue_are_marked_with_hover_text():
    page = _page(TEXT, _quotes(), _sentences())
    speaker = _at("Mayor Ana Ruiz")
    assert "font-weight:bold" in page.styles(*speaker)
    assert "speaker: Ana Ruiz (written “Mayor Ana Ruiz”)" in page.titles(speaker[0])
    cue = TEXT.index("said", speaker[1])
    assert "font-style:italic" in page.styles(cue, cue + 4)
    assert "cue: said · speaker: Ana Ruiz" in page.titles(cue)
    direct = _at("We will rebuild")[0]
    assert page.titles(direct).startswith("quoted · speaker: Ana Ruiz · cue: said")
    reported = _at("the plan was")[0]
    assert "reported · speaker: Ana Ruiz · cue: said" in page.titles(reported)
    she = _at("She")
    assert "font-weight:bold" in page.styles(*she)
    assert "quoted and reported speech" in page.titles(she[0])
    # the words between source and cue are not marked
    assert "font-weight:bold" not in page.styles(speaker[1], speaker[1] + 1)


def test_unknown_speaker_is_said():
    text = "Taxes will rise, it was reported."
    quotes = pd.DataFrame({"start": [0], "end": [15], "kind": ["indirect"]})
    page = _page(text, quotes)
    assert page.titles(0) == "reported · speaker not named"


def test_speaker_falls_back_to_person_then_mention():
    text = "The agency said costs rose."
    base = {"start": [16], "end": [26], "kind": ["indirect"], "speaker_mention": ["The agency"]}
    assert "speaker: The agency" in _page(text, pd.DataFrame(base)).titles(16)
    with_person = pd.DataFrame({**base, "person": ["agency"]})
    assert "speaker: agency" in _page(text, with_person).titles(16)


def test_scare_quotes_are_not_speech():
    page = _page(TEXT, _quotes(), _sentences())
    scare = _at("reform")
    styles = page.styles(*scare)
    assert QUOTED_BG not in styles and REPORTED_BG not in styles
    assert "border-bottom:1px dotted #666" in styles
    assert page.titles(scare[0]).startswith("scare quotes: not speech")


# --------------------------------------------------------------------------------------------
# sentences and overlaps
# --------------------------------------------------------------------------------------------


def test_sentence_sentiment_on_hover():
    page = _page(TEXT, _quotes(), _sentences())
    assert page.titles(0) == "sentence 0 · sentiment 0.00 (neutral)"
    assert page.titles(_at("Mayor")[0]).endswith("sentence 1 · sentiment +0.42 (positive)")
    assert page.titles(_at("She")[0]).endswith("sentence 2 · sentiment −0.60 (negative)")
    assert page.titles(_at("Critics")[0]) == "sentence 3 · sentiment +0.05 (positive)"
    # inside a quotation the hover gives both the speech and the sentence
    inside = page.titles(_at("rebuild")[0])
    assert "quoted · speaker: Ana Ruiz" in inside and "sentence 1" in inside


def test_sentence_without_scores_is_numbered():
    sentences = _sentences().drop(columns=["compound", "sentence"])
    page = _page(TEXT, None, sentences)
    assert page.titles(_at("Critics")[0]) == "sentence 3"


def test_spans_crossing_each_other_nest_properly():
    # a quotation running over two sentences and a paragraph break, a speaker inside reported
    # speech, a sentence that starts inside a quotation
    text = 'A "b c. D e\n\nf g" h said that Lee said i j. K.'
    quotes = pd.DataFrame(
        {
            "start": [3, text.index("that")],
            "end": [text.index('" h'), text.index(". K")],
            "kind": ["direct", "indirect"],
            "speaker_start": [text.index("h said"), text.index("Lee")],
            "speaker_end": [text.index("h said") + 1, text.index("Lee") + 3],
        }
    )
    sentences = pd.DataFrame(
        {"start": [0, 8, text.index("K")], "end": [7, text.index(". K") + 1, len(text)]}
    )
    page = _page(text, quotes, sentences)
    assert page.text == text
    quoted_end = text.index('" h')
    assert QUOTED_BG in page.styles(3, 11) and QUOTED_BG in page.styles(13, quoted_end)
    lee = text.index("Lee")
    assert {"font-weight:bold", REPORTED_BG} <= page.styles(lee, lee + 3)


def test_overlapping_sentences_still_nest():
    text = "One two three four."
    sentences = pd.DataFrame({"start": [0, 4], "end": [13, len(text)]})
    quotes = pd.DataFrame({"start": [2], "end": [10], "kind": ["direct"]})
    page = _page(text, quotes, sentences)
    assert page.text == text


# --------------------------------------------------------------------------------------------
# long articles, legend, errors
# --------------------------------------------------------------------------------------------


def test_max_paragraphs():
    html = article_html(TEXT, _quotes(), _sentences(), max_paragraphs=2)
    page = _Page(html)
    assert page.errors == []
    assert page.text == TEXT[: paragraph_spans(TEXT)[1][1]]
    assert "1 more paragraph of 3 not shown" in page.outside
    none = _Page(article_html(TEXT, _quotes(), max_paragraphs=0))
    assert none.errors == [] and none.text == ""
    assert "3 more paragraphs of 3 not shown" in none.outside
    assert "not shown" not in article_html(TEXT, max_paragraphs=3)
    with pytest.raises(ValueError, match="max_paragraphs"):
        article_html(TEXT, max_paragraphs=-1)


def test_legend_names_the_marks():
    page = _Page(article_html(TEXT, _quotes(), _sentences()))
    for words in ("quoted", "reported", "the reporter's own", "speaker", "cue", "sentiment"):
        assert words in page.outside
    assert "scare quotes (not speech)" in page.outside
    without = _Page(article_html(TEXT, legend=False))
    assert "quoted" not in without.outside
    # no scare quotes in the article, none in the legend
    assert "scare" not in _Page(article_html(TEXT, _quotes().iloc[:3])).outside


def test_colours_match_the_figures():
    from newslib import plot

    assert reader._VOICE_EDGES == {v: plot.VOICE_COLOURS[v] for v in ("quoted", "reported")}
    assert reader._VOICE_NAMES == plot.VOICE_NAMES


def _luminance(colour: str) -> float:
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize("voice", ["quoted", "reported"])
def test_backgrounds_keep_the_text_readable(voice):
    ratio = (_luminance(VOICE_BACKGROUNDS[voice]) + 0.05) / (_luminance(reader._TEXT_COLOUR) + 0.05)
    assert ratio >= 7  # WCAG AAA for body text


def test_spans_outside_the_text_are_an_error():
    quotes = pd.DataFrame({"start": [5], "end": [len(TEXT) + 1], "kind": ["direct"]})
    with pytest.raises(ValueError, match="outside the text"):
        article_html(TEXT, quotes)


def test_rows_of_several_articles_are_an_error():
    sentences = pd.concat([_sentences(), _sentences().assign(article_id="a2")])
    with pytest.raises(ValueError, match="2 articles"):
        article_html(TEXT, None, sentences)


# --------------------------------------------------------------------------------------------
# default_article and article
# --------------------------------------------------------------------------------------------


def _articles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "title": ["A", "<b>B</b>", "C", "D"],
            "n_sentences": [2, 9, 12, 8],
            "n_attributions": [20, 3, 3, 1],
            "attributed_share": [0.9, 0.2, 0.5, 0.1],
            "compound_mean": [-0.9, 0.3, -0.1, 0.1],
        }
    )


def test_default_article_choices():
    data = {"articles": _articles()}
    # "a" has most attributions but two sentences; "b" and "c" tie, "c" is more attributed
    assert default_article(data) == "c"
    assert default_article(data, by="negative") == "c"
    assert default_article(data, by="positive") == "b"
    assert default_article(data, min_sentences=1) == "a"
    # no article long enough: all of them compete
    assert default_article(data, min_sentences=50) == "a"
    assert default_article({"articles": _articles().iloc[0:0]}) is None
    with pytest.raises(ValueError, match="by must be"):
        default_article(data, by="longest")


def test_default_article_counts_sentences_when_articles_do_not():
    articles = _articles().drop(columns=["n_sentences"])
    sentences = pd.DataFrame({"article_id": ["d"] * 8 + ["c"] * 3})
    assert default_article({"articles": articles, "sentences": sentences}) == "d"


def _data() -> dict:
    raw = pd.DataFrame({"article_id": ["a1", "a2"], "text": [TEXT, "Short. Text."]})
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "title": ["Bridge <plan>", "Other"],
            "source": ["Daily", "Daily"],
            "date": pd.to_datetime(["2024-05-01", "2024-05-02"]),
            "n_sentences": [4, 2],
            "n_attributions": [2, 0],
        }
    )
    return {"raw": raw, "articles": articles, "quotes": _quotes(), "sentences": _sentences()}


def test_article_shows_the_chosen_article():
    shown = article(_data(), min_sentences=3)
    html = shown._repr_html_()
    page = _Page(html)
    assert page.errors == [] and page.text == TEXT
    assert "Bridge <plan>" in page.outside  # the title, escaped
    assert "Daily · 2024-05-01 · 4 sentences · 2 attributions" in page.outside
    other = _Page(article(_data(), "a2").data)
    assert other.text == "Short. Text."
    assert "0 sentences · 0 attributions" in other.outside
    with pytest.raises(ValueError, match="not in the corpus"):
        article(_data(), "zz")


def test_article_passes_options_and_reads_text_from_articles():
    data = _data()
    data["articles"] = data["articles"].merge(data.pop("raw"))
    html = article(data, "a1", legend=False, title="Mine", max_paragraphs=1).data
    page = _Page(html)
    assert page.text == "The council met on Monday."
    assert "Mine" in page.outside and "reporter's own" not in page.outside


def test_default_close_up_is_readable_and_mostly_speech():
    arts = pd.DataFrame(
        {
            "article_id": ["short", "blog", "mixed", "plain"],
            "n_sentences": [3, 300, 20, 30],
            "n_attributions": [9, 150, 6, 8],
            "attributed_share": [0.9, 0.8, 0.6, 0.2],
        }
    )
    # too short and too long to read whole are passed over; then the most attributed speech
    assert default_article({"articles": arts}) == "mixed"
    assert default_article({"articles": arts}, max_sentences=400) == "blog"
    assert default_article({"articles": arts.iloc[[0]]}) == "short"  # nothing else to show
