"""newslib's fast sentence splitter gives NLTK Punkt's spans exactly.

``newslib.text.sentence_spans`` replaces ``PunktTokenizer.span_tokenize`` by a shorter path
(``newslib.text._punkt_spans``) when NLTK is the release it was checked against. NLTK itself is
the oracle here: on generated texts full of what Punkt decides on (periods, ?, !, quotes,
brackets, listed abbreviations, initials, numbers, ellipses, odd whitespace) both must agree.
"""

import nltk
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslib.resources import sentence_tokenizer
from newslib.text import _fast_punkt, paragraph_spans, sentence_spans

FAST_RELEASE = nltk.__version__.startswith("3.10.")
needs_fast_release = pytest.mark.skipif(
    not FAST_RELEASE, reason="the fast splitter is only used with NLTK 3.10"
)

_WORDS = ["said", "The", "he", "Smith", "Washington", "it's", "Trump's", "well-known", "x", "I"]
_WORDS += ["a", "Z", "école", "Élan", "ßtraße", "İstanbul", "ΣΟΦΙΑ", "мир", "1990s", "O'Neil"]
_DOTTED = ["J.", "R.", "j.", "É.", "U.S.", "a.m.", "p.m.", "e.g.", "i.e.", "No.", "ex-gov.", "3."]
_DOTTED += ["3.5", "12.", "2,000.", "-4.", ".5", "4.5.", "...", "..", ". . .", "…", "Mr.Smith."]
_MARKS = [".", "?", "!", "?!", "!!!", ",", ";", ":", "-", "--", "—", "%", "&", "#", "*", "@"]
_QUOTES = ["“", "”", '"', "'", "’", "‘", "«", "»", "(", ")", "[", "]", "{", "}", "`"]
_SPACES = ["", " ", " ", " ", "  ", "\t", "\n", " \n ", "\u00a0", "\x1c", "\r", "\x0b", "\u2003"]


def _abbreviations() -> list[str]:
    return sorted(sentence_tokenizer()._params.abbrev_types)


@st.composite
def punkt_texts(draw) -> str:
    """Text made of the pieces Punkt decides on, glued by odd and ordinary whitespace."""
    abbreviation = st.sampled_from(_abbreviations()).flatmap(
        lambda a: st.sampled_from([a + ".", a.capitalize() + ".", a.upper() + "."])
    )
    word = st.sampled_from(_WORDS + [w.lower() for w in _WORDS])
    # "word. Word": the everyday shape (and the one newslib decides without tokenizing).
    ordinary = st.builds("{}{} {}".format, word | abbreviation, st.sampled_from(".?!"), word)
    piece = st.one_of(
        word,
        ordinary,
        abbreviation,
        st.sampled_from(_DOTTED),
        st.sampled_from(_MARKS),
        st.sampled_from(_QUOTES),
    )
    pieces = draw(st.lists(st.tuples(piece, st.sampled_from(_SPACES)), max_size=30))
    return "".join(p + s for p, s in pieces)


# Raw character soup: finds what the piece grammar above does not think of.
soup_texts = st.text(
    alphabet="aAzZéÉ19 .?!,;:-'\"“”’‘«»()[]{}*@#\n\t\u00a0\x1c\r\u2003…", max_size=60
)


@needs_fast_release
def test_fast_splitter_is_used_for_newslib_model():
    # Without this, a silent fall-back to NLTK would make every equality below trivial.
    assert _fast_punkt(sentence_tokenizer()) is not None


@needs_fast_release
@settings(max_examples=300, deadline=None)
@given(st.one_of(punkt_texts(), soup_texts))
@example("Mr. Smith!) Next one.")  # a later "!" in the context still ends the sentence
@example('“Stop.” He left. (See p. 3.) Then ‘no.’ "Fine."')
@example("Wait!!! Really?! Yes. He said. . . nothing... More… Done.")
@example("J. R. Smith met j. doe at 3 p.m. Tuesday, 3.5. Next 12. apples.")
@example("a.\u00a0B. c.\x1cD. e. \n f. G.\t\tH. ex-sen. Jones")
@example(" \n lead. trail. \x1c")
@example(" .?) Hi.")  # NLTK ignores whitespace at the very start of its look-back
def test_fast_splitter_equals_nltk_on_any_text(text):
    tokenizer = sentence_tokenizer()
    fast = _fast_punkt(tokenizer)
    assert fast(text) == list(tokenizer.span_tokenize(text))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(punkt_texts(), soup_texts), min_size=1, max_size=4))
def test_sentence_spans_equal_nltk_per_paragraph(parts):
    text = "\n\n".join(parts)
    tokenizer = sentence_tokenizer()
    expected = [
        (index, p_start + s, p_start + e)
        for index, (p_start, p_end) in enumerate(paragraph_spans(text))
        for s, e in tokenizer.span_tokenize(text[p_start:p_end])
    ]
    assert sentence_spans(text) == expected


def test_other_models_fall_back_to_nltk():
    # The fast splitter knows newslib's model only: anything learned must send us to NLTK.
    from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer

    def tokenizer_with(change):
        tokenizer = PunktSentenceTokenizer()
        tokenizer._params.abbrev_types = {"mr", "dr"}
        change(tokenizer)
        return tokenizer

    assert (_fast_punkt(tokenizer_with(lambda t: None)) is not None) == FAST_RELEASE
    assert _fast_punkt(tokenizer_with(lambda t: t._params.collocations.add(("j", "bach")))) is None
    assert _fast_punkt(tokenizer_with(lambda t: t._params.sent_starters.add("however"))) is None
    assert _fast_punkt(tokenizer_with(lambda t: t._params.add_ortho_context("he", 1 << 4))) is None

    class Semicolons(PunktLanguageVars):
        sent_end_chars = (".", "?", "!", ";")

    assert _fast_punkt(PunktSentenceTokenizer(lang_vars=Semicolons())) is None


@needs_fast_release
def test_abbreviations_decide_like_nltk_with_the_shortcut_and_without():
    # "Word. Next" contexts take a shortcut; the same word after a bracket does not.
    tokenizer = sentence_tokenizer()
    fast = _fast_punkt(tokenizer)
    for word in ["Mr", "mrs", "Gen", "x", "Zz", "said", "Sen"]:
        for text in [f"{word}. Next one.", f"({word}. Next one.", f"{word}. next one."]:
            assert fast(text) == list(tokenizer.span_tokenize(text)), text


@needs_fast_release
def test_word_mark_and_the_mark_or_quote_after_decide_like_nltk():
    # "Word.”", "J.;", "Mr.)", "Wait?!", "J. “Tom": a word and its mark with one of the marks
    # Punkt takes after it, or with a space and a next token opening with a quote or bracket,
    # are decided without tokenizing; NLTK decides the same context by its tokens.
    from newslib.text import _own_punkt, _punkt_break

    tokenizer = sentence_tokenizer()
    split = _own_punkt()
    regexes, abbreviations = split.keywords["regexes"], split.keywords["abbreviations"]
    assert {"mr", "gen"} <= set(abbreviations)  # listed words take the abbreviation rule
    afters = list(")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!,.-`&a A1\u2014\u2026")
    afters += [" " + c for c in "\"'([{\u2018\u201c`\xab;:,-"]
    for word in ["J", "j", "I", "it", "Lee", "Mr", "mr", "MR", "Gen", "Sen", "No", "no"]:
        for mark in ".?!":
            for after in afters:
                for rest in ["", "Tom", "tom", "'Tom", "Tom\u2019s", "x.", "(x"]:
                    context = f"{word}{mark}{after}{rest}"
                    expected = bool(tokenizer.text_contains_sentbreak(context))
                    assert _punkt_break(context, regexes, abbreviations) == expected, context
                    text = f"Ann Lee saw {context} Then Tom Roe left."
                    assert split(text) == list(tokenizer.span_tokenize(text)), text
