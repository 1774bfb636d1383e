"""The shortcuts of the quotation readers give what the scans they replace give.

Each test pits a shortcut against the plain regex scan it stands for, on generated texts made
of the pieces the scan decides on (prepositions, capitals, 'ing', marks, odd whitespace),
cut at any bounds.
"""

import importlib
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

places = importlib.import_module("newslib.quotes.places")
names = importlib.import_module("newslib.quotes.names")
resolve = importlib.import_module("newslib.quotes.resolve")

_PIECES = ["in", "near", "outside", "within", "tin", "Ab", "A", "Abc", "b", "x", "’s", "'", "-"]
_PIECES += ["_", "1", ",", ".", "é", "É", "Zed-Ab", "ab"]
_SPACES = ["", " ", "  ", "\n", "\t", "\u00a0", " \n"]

texts = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SPACES)), max_size=14).map(
    lambda pieces: "".join(p + s for p, s in pieces)
)


def _uses(text: str) -> set[str]:
    # the scan _written_after_preposition replaces
    return {m.group(1) for m in places._PLACE_USE_RE.finditer(text) if places._whole(text, m)}


@settings(max_examples=400, deadline=None)
@given(texts)
@example("in Clinton County")  # the look-ahead leaves 'Clinto'
@example("within Ab, near  Abc Ab in\nAb outside Ab-x")
def test_written_after_preposition_is_the_scan(text):
    used = _uses(text)
    words = set(re.findall(r"\S+", text)) | used | {"Ab", "Abc", "Clinto", "A"}
    for word in words:
        assert places._written_after_preposition(text, word) == (word in used), word


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["ab", "in", "x", "é", "’s", "ab-x", "a.b"]))
@example("the party's party-line", "party")
def test_written_alone_is_the_search(text, word):
    expected = re.search(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", text) is not None
    assert names._written_alone(text, word) == expected


@settings(max_examples=400, deadline=None)
@given(texts)
@example("a poll by Gallup, and Gallup's; Ab")
def test_mid_capital_is_the_scan(text):
    mid = importlib.import_module("newslib.quotes.attribution")._mid_capitals(text)
    words = set(re.findall(r"\S+", text)) | set(mid) | {"Ab", "A", "Abc"}
    for word in words:
        assert names._mid_capital(text, word) == (word in mid), word


@settings(max_examples=200, deadline=None)
@given(texts, st.integers(0, 40))
def test_last_char_before_is_rstrip(text, s):
    assert resolve._last_char_before(text, s) == text[:s].rstrip()[-1:]


_COMMA_PIECES = ["Ab", "Abc", "N.Y.", "Fla.", "Ohio", "New", "Hampshire", "D.C.", "OH", "x", "of"]
_COMMA_PIECES += [",", ", ", ".", "-", "'"]
comma_texts = st.lists(
    st.tuples(st.sampled_from(_COMMA_PIECES), st.sampled_from(["", " ", "\n", ", ", "  "])),
    max_size=14,
).map(lambda pieces: "".join(p + s for p, s in pieces))


@settings(max_examples=400, deadline=None)
@given(comma_texts)
@example("Ann Lee of Ab, N.Y., spoke.\nAb, Ohio, Abc, N.Y., and Ab, D.C.,")
@example("Lee, Ab, N.Y., said")  # 'Ab' is the region of the match of 'Lee'
def test_comma_place_is_the_scan(text):
    own = places._commas(text)[0]
    for word in set(re.findall(r"[\w.'-]+", text)) | {"Ab", "Abc"}:
        assert places._comma_place(text, word) == (word in own), word


sentences = importlib.import_module("newslib.quotes.sentences")
attribution = importlib.import_module("newslib.quotes.attribution")
cue_first = importlib.import_module("newslib.quotes.cue_first")
clause_ends = importlib.import_module("newslib.quotes.clause_ends")
nouns = importlib.import_module("newslib.quotes.nouns")
_rules = importlib.import_module("newslib.quotes.cues")._rules

_WORDS = ["Mr", "U", "S", "said", "Sept", "approx", "a", "b1", "x_y", "Lee", "he", "she", "I"]
_WORDS += ["and", "but", "also", "then", "said", "Said", "put", "it", "according", "to", "his"]
_WORDS += ["mayor's", "their", "its", "Its", "claim", "noted", "’s", "", "-", "é", "("]
_GLUE = ["", " ", "  ", ".", ",", ", ", "\n", "\t", " \n", "\u00a0"]
word_texts = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=12).map(
    lambda pieces: "".join(w + g for w, g in pieces)
)


@settings(max_examples=400, deadline=None)
@given(word_texts)
@example("Lee met Mr.")
@example("in the U.S.")
def test_ends_abbreviation_is_the_search(text):
    head = text + "."
    for cut in range(len(head)):
        part = head[cut:]
        expected = sentences._ABBREV_RE.search(part) is not None
        assert sentences._ends_abbreviation(part) == expected, part


@settings(max_examples=400, deadline=None)
@given(word_texts, st.integers(0, 30), st.integers(0, 30))
@example("Lee put it, then", 0, 16)
@example("Lee asaid it", 5, 12)
def test_cue_in_is_the_search(text, lo, width):
    lo = min(lo, len(text))
    hi = min(len(text), lo + width)
    expected = _rules().cue_re.search(text, lo, hi) is not None
    assert attribution._cue_in(text, lo, hi, _rules()) == expected


@settings(max_examples=400, deadline=None)
@given(word_texts, st.integers(0, 40), st.integers(0, 40))
@example("Lee has since \n", 0, 15)
@example("and also\t", 1, 9)
def test_gap_word_is_the_search(text, p, width):
    p = min(p, len(text))
    lo = max(0, p - width)
    m = cue_first._GAP_WORD_RE.search(text, lo, p)
    assert cue_first._gap_word(text, lo, p) == (None if m is None else (m.start(1), m.group(1)))


@settings(max_examples=400, deadline=None)
@given(word_texts)
@example("Lee, and she also ")
@example("the mayor's ")
@example("a claim by Lee, ")
def test_window_shortcuts_are_the_searches(text):
    # _cut_clause, _read_noun and _apposed_to only search when their shortcut lets them
    for p in range(len(text) + 1):
        lo = max(0, p - 40)
        near = set(clause_ends._WORD_RUN_RE.findall(text, lo, p))
        if clause_ends._NEW_CLAUSE_RE.search(text, lo, p) is not None:
            assert not near.isdisjoint(clause_ends._CLAUSE_PRONOUNS)
        if clause_ends._COORDINATED_RE.search(text, lo, p) is not None:
            assert not near.isdisjoint(("and", "but"))
        if nouns._POSSESSOR_RE.search(text, max(0, p - 60), p) is not None:
            assert nouns._may_own(text, 0, p)
        if resolve._APPOSED_RE.search(text, max(0, p - 120), p) is not None:
            assert text[max(0, p - 120) : p].rstrip().endswith(",")


_AFTER_WORDS = ["said", "of", "an", "a", "is", "also", "has", "was", "won", "ofx", "is2", "the"]
_AFTER_WORDS += ["Lee", "é", "_", "(R)", "said_", "saidé", "also said", "who", "1", ""]
after_texts = st.lists(
    st.tuples(st.sampled_from(_AFTER_WORDS), st.sampled_from(_GLUE)), max_size=6
).map(lambda pieces: "Lee" + "".join(w + g for w, g in pieces))


@settings(max_examples=500, deadline=None)
@given(after_texts)
@example("Lee said.")
@example("Lee also said it")
@example("Lee of_ the")
@example("Lee saidé")
def test_lower_word_after_is_the_patterns(text):
    # _resolve reads the word after a name's space instead of matching the patterns there
    for e in range(len(text)):
        if text[e] != " ":
            continue
        word = resolve._lower_word_after(text, e)
        if word is None:
            continue
        verb = resolve._VERB_AFTER_RE.match(text, e) is not None
        assert verb == (word[0] not in resolve._NOT_VERB_AFTER or word[1]), (text, e)
        if word[0] not in resolve._FINITE_SKIPS:
            m = resolve._FINITE_AFTER_RE.match(text, e)
            assert (m.group(1) if m else None) == (None if word[1] else word[0]), (text, e)


_PLACE_PIECES = ["in", "near", "across", "within", "tin", "Miami", "Miami-based", "Ab-area", "Ab"]
_PLACE_PIECES += ["Monday", "Jan.", "Sept", "MIAMI", "—", "-", "(AP)", "Fla.", ",", "O'Ab", "é"]
place_texts = st.lists(
    st.tuples(st.sampled_from(_PLACE_PIECES), st.sampled_from(["", " ", "  ", "\n", ", ", "\t"])),
    max_size=12,
).map(lambda pieces: "".join(p + s for p, s in pieces))


@settings(max_examples=500, deadline=None)
@given(place_texts)
@example("Crowds in Miami Monday.\nMIAMI — Miami-based Ab said")
@example("in Miami-based Monday within Ab Monday")
@example("Miami, Fla. — in  Miami\tJan. 3")
def test_gazetted_word_checks_are_the_scans(text):
    # is_place reads _gazetted's answer for one word at its occurrences
    gazetted, datelines = places._gazetted.__wrapped__(text)
    assert places._datelines.__wrapped__(text) == datelines
    for word in set(re.findall(r"[\w.'’-]+", text)) | {"Miami", "Ab", "O'Ab"}:
        here = places._gazetted_here(text, word) or places._comma_place(text, word, True)
        assert here == (word in gazetted), word


marks = importlib.import_module("newslib.quotes.marks")
_MARK_PIECES = ["'", "’", "‘", "‹", "›", "don", "t", "Lee", "s", "_", "90s", "em", "1", "é", "("]
_MARK_PIECES += ["''", ".", "-", "said"]
mark_texts = st.lists(
    st.tuples(st.sampled_from(_MARK_PIECES), st.sampled_from(["", "", " ", "\n"])), max_size=14
).map(lambda pieces: "".join(p + s for p, s in pieces))


def _plain_single_marks(text, lo, hi):
    return [m.start() for m in marks._SINGLE_RE.finditer(text, lo, hi)]


@settings(max_examples=500, deadline=None)
@given(mark_texts, st.integers(0, 30), st.integers(0, 30))
@example("don't 'say' Lee’s", 0, 17)
@example("a'b c'", 1, 6)  # a mark at lo: no neighbour before it
@example("x_'y 'z' ’", 0, 10)
def test_single_marks_leave_the_pairs_as_the_scan(text, lo, width):
    lo = min(lo, len(text))
    hi = min(len(text), lo + width)
    got = marks._single_pairs(text, lo, hi)
    plain = marks._single_marks
    try:
        marks._single_marks = _plain_single_marks
        assert got == marks._single_pairs(text, lo, hi)
    finally:
        marks._single_marks = plain


_TITLE_PIECES = ["Mr", "Mrs", "Ms", "Sen", "Senator", "xMr", "Mr_", "Lee", "Lee’", "xLee", "Lee_"]
_TITLE_PIECES += ["Leeé", "é", ".", "..", "Mayor", "President", "Dr.Lee", "1", "’"]
title_texts = st.lists(
    st.tuples(st.sampled_from(_TITLE_PIECES), st.sampled_from(["", " ", "  ", "\n", "\t", ". "])),
    max_size=10,
).map(lambda pieces: "".join(p + s for p, s in pieces))


@settings(max_examples=500, deadline=None)
@given(title_texts, st.sampled_from(["Lee", "Lee’", "Lee.", "é", "Mr", " Lee", "L"]))
@example("said Mr. Hurt.", "Hurt")
@example("Mrs.\tLee_ Mr\nLee", "Lee")
@example("xMr Lee, Mr.. Lee", "Lee")
def test_titled_is_the_search(text, name):
    # _opener_word reads a title before the name at its occurrences instead of compiling
    # _TITLED for each name
    expected = re.search(names._TITLED.format(re.escape(name)), text) is not None
    assert names._titled(text, name) == expected


@settings(max_examples=500, deadline=None)
@given(after_texts.map(lambda t: "Ann " + t), st.sampled_from(["", ". Lee", "."]))
@example("Ann Lee said.", "")
@example("Ann Lee saidé Lee said_", "")
def test_name_run_look_ahead_is_lower_word_after(text, tail):
    # _resolve reads the word after a run from the look-ahead of its scan: the runs are those
    # of _NAME_RUN_RE, the groups what _lower_word_after reads after the match
    text = tail + text
    runs = list(resolve._NAME_RUN_AFTER_RE.finditer(text))
    assert [m.span() for m in runs] == [m.span() for m in resolve._NAME_RUN_RE.finditer(text)]
    for m in runs:
        spaced = text[m.end() : m.end() + 1] == " "
        word = resolve._lower_word_after(text, m.end()) if spaced else None
        low, more = m.group(1, 2)
        assert (None if low is None else (low, more != "")) == word, (text, m.span())


@settings(max_examples=400, deadline=None)
@given(word_texts.map(lambda t: t.replace("b1", "U.S.").replace("x_y", "O'Lee")))
@example("in the U.S. and Lee, Lee’s")
def test_mid_capital_of_sentence_tokens_is_the_scan(text):
    # _sentence_subject asks _mid_capital about its tokens (less their full stops) instead of
    # scanning the article with _mid_capitals
    mid = attribution._mid_capitals.__wrapped__(text)
    for token in attribution._TOKEN_RE.findall(text):
        w = token.rstrip(".")
        assert names._mid_capital(text, w) == (w in mid), w


_fill = importlib.import_module("newslib.quotes.fill")
_NO_ONE_WORDS = ["now", "then", "Now", "Tuesday", "tuesday", "on", "this", "past", "week"]
_NO_ONE_WORDS += ["specifically", "Early", "early", "ly", "Lee", "he", "it’s", "Only", "x1ly"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NO_ONE_WORDS), max_size=5), st.sampled_from([" ", "  ", "\n"]))
@example(["on", "Tuesday"], " ")
@example([], " ")
def test_names_no_one_last_word_exit_is_the_all(words, space):
    # the early exit on the last word gives what the test of every word gives
    text = space.join(words)
    split = text.replace("’", "'").split()
    expected = all(
        (w.lower() in _fill._NO_ONE and (w.islower() or w.lower() in _fill._DAY_NAMES))
        or (w.islower() and w.isalpha() and len(w) > 4 and w.endswith("ly"))
        for w in split
    )
    assert _fill._names_no_one(text, (0, len(text))) == expected


_reported_mod = importlib.import_module("newslib.quotes.reported")
_cue_scan = importlib.import_module("newslib.quotes.cue_scan")
_CUE_PIECES = ["Lee", "said", "reported", "according", "to", "According", "accordingly", "the"]
_CUE_PIECES += ["ACCORDING", "Post", ",", "records", "told", "says", "aCcording"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=12))
@example(["Lee", "won", ",", "according", "to", "records", "reported", "by", "the", "Post"])
def test_closing_cue_is_the_last_without_according(words):
    # _reported skips _closing_cue when 'according' is nowhere in the text (any case)
    text = " ".join(words) + "."
    cues = list(_cue_scan._find_cues(text, 0, len(text)))
    if len(cues) > 1 and "according" not in text.lower():
        assert _reported_mod._closing_cue(text, cues, 0, len(text) - 1) is cues[-1]


_NOUN_PIECES = ["attack", "attacks", "on", "against", "call", "calls", "for", "recall", "of"]
_NOUN_PIECES += ["praise", "criticism", "Lee's", "x", "_", "-", ".", "é", "callfor", "1"]


def _spaced(pieces: list[str]):
    """Texts of up to 14 of ``pieces``, each followed by one of the odd spaces."""
    return st.lists(st.tuples(st.sampled_from(pieces), st.sampled_from(_SPACES)), max_size=14).map(
        lambda chosen: "".join(p + s for p, s in chosen)
    )


def _window(text: str, lo: int, width: int) -> tuple[int, int]:
    """Bounds inside ``text``: from ``lo`` for ``width`` characters, cut at its end."""
    hi = min(len(text), lo + width)
    return min(lo, hi), hi


noun_texts = _spaced(_NOUN_PIECES)


@settings(max_examples=400, deadline=None)
@given(noun_texts, st.integers(0, 40), st.integers(0, 60))
@example("Lee's attacks on the board and calls for a vote", 0, 60)
@example("recall for, attack  on\nattacks against", 2, 30)
def test_object_noun_spans_are_the_scan(text, lo, width):
    nouns = importlib.import_module("newslib.quotes.nouns")
    lo, hi = _window(text, lo, width)
    expected = [m.span() for m in nouns._object_noun_re().finditer(text, lo, hi)]
    assert nouns._object_noun_spans(text, lo, hi) == expected


_ING_PIECES = ["ing", "Ing", "N", "Not", "not", "A", "x", "_", "1", "é", "É", "'", "-", "."]
_ING_PIECES += ["Noting", "singing", "Singing", "Kinging", '"']
ing_texts = _spaced(_ING_PIECES)


@settings(max_examples=500, deadline=None)
@given(ing_texts, st.integers(0, 30), st.integers(0, 60))
@example("Noting that, Lee said. Asking xAing _Asing éAbing", 0, 60)
@example("Singing", 0, 5)
@example("ab Noting", 4, 9)
def test_capital_ing_spans_are_the_scan(text, lo, width):
    frames = importlib.import_module("newslib.quotes.frames")
    lo, hi = _window(text, lo, width)
    expected = [m.span() for m in frames._CAPITAL_ING_RE.finditer(text, lo, hi)]
    assert frames._capital_ing_spans(text, lo, hi) == expected
