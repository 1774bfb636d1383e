"""The scale benchmark's corpus copies: distinct sentence by sentence, same shape of text."""

from __future__ import annotations

import re

from benchmarks._variants import Variants, repeated_sentence_share

# Written for this test: a few paragraphs with quotations, cues and pronouns.
CORPUS = [
    "Councillors approved the harbour budget on Monday. “We cannot delay repairs any longer,” "
    "the mayor said. She added that contractors would start in spring.\n\n"
    "Residents complained about parking. According to officials, traffic doubled last summer.",
    "Farmers protested outside parliament. Ministers promised quicker payments, "
    "a spokesman told reporters. “Nobody listens,” said Maria Lopez, a grower from Tarbes.",
    "Engineers inspected every bridge. Several structures needed urgent attention, the "
    "report found. Drivers should expect closures, police warned.",
]


def _shape(text: str) -> str:
    """Everything but the letters: punctuation, quotation marks, spaces, paragraph breaks."""
    return re.sub(r"[A-Za-z]", "x", text)


def test_copy_zero_is_the_text_and_copies_are_deterministic():
    variants = Variants(CORPUS)
    assert variants.text(CORPUS[0], 0) == CORPUS[0]
    assert variants.text(CORPUS[0], 5) == Variants(CORPUS).text(CORPUS[0], 5)


def test_every_sentence_with_a_long_free_word_changes_and_the_shape_is_kept():
    variants = Variants(CORPUS)
    for copy in (1, 2, 3):
        for text in CORPUS:
            varied = variants.text(text, copy)
            assert _shape(varied) == _shape(text)  # same lengths, punctuation and breaks
            assert repeated_sentence_share([text], [varied]) == 0.0
    # Copies differ from each other too, not only from the original.
    assert variants.text(CORPUS[1], 1) != variants.text(CORPUS[1], 2)


def test_cue_words_pronouns_and_case_are_kept():
    variants = Variants(CORPUS)
    for copy in range(1, 6):
        varied = variants.text(CORPUS[0], copy)
        for kept in ("said", "She", "added", "According", "officials"):
            assert kept in varied, (copy, kept)
        for original, new in zip(
            re.findall(r"[A-Za-z]+", CORPUS[0]), re.findall(r"[A-Za-z]+", varied), strict=True
        ):
            assert len(original) == len(new)
            assert original.istitle() == new.istitle() and original.islower() == new.islower()
