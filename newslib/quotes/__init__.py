"""Quotations, their speakers, and how much of each article is other people's words.

Rule-based and offline: quotation marks are paired paragraph by paragraph, each quotation is
classed as ``direct`` (a full quoted statement), ``partial`` (a quoted fragment inside the
reporter's sentence) or ``scare`` (scare quotes, titles, nicknames, quoted terms), and its speaker
is found from the usual news shapes::

    "...," he said.            "...," said John Smith, a spokesman.     John Smith said: "..."
    "...," Smith told reporters.            According to Smith, "..."

A quotation with no attribution of its own inherits the speaker of a quotation next to it in the
same paragraph, or of the previous paragraph's quotation (news convention for continuing
speech). Pronouns and descriptions (``he``, ``the officer``) resolve to the most recently named
person; a surname resolves to the full name used earlier in the article.

Quotation marks: curly “ ” and straight " (direction read from the surrounding characters),
guillemets « », and single ‘ ’ / ' for quotations (apostrophes as in don't, Putin's, '90s are
left alone). A quotation running over several paragraphs has, by convention, no closing mark at
the end of each paragraph but the last and reopens each paragraph; every paragraph's piece is
one row and the pieces share one speaker. An unbalanced mark never reaches past its paragraph.

All offsets are character offsets into the row's ``text``, end exclusive; quotation marks are
not part of a quotation.

Modules, in the order an article goes through them: ``marks`` (pairing quotation marks),
``sentences`` (sentence starts), ``attribution`` (kind, speaker mention and cue of each
quotation) with ``subjects`` (the subject finders: the speaker before a quotation, a sentence's
subject, the subject before a cue), ``reported`` (reported speech without quotation marks: cues,
content and source, per paragraph), ``reading`` (the reading of one cue, with the participles)
with its readers ``cue_first`` ("Smith said (that) ..."), ``content_first`` ("..., Smith
said"), ``according`` ("according to Smith, ..."), ``frames`` (its rarer shapes: seem /
appear, reportedly, "as X noted", polls, headlines) and ``nouns`` (cues that are nouns: "her
decision to run", "his claim that ..."), ``titled`` (a work named by its title: "a book
titled 'Harbor Days'"), ``found`` (what a reader returns), ``cue_scan`` (where the cues
are), ``clauses`` (where a reported content starts) and ``clause_ends`` (where it ends),
``source_spans`` (the source spans as written) with ``sources`` (where a span starts: titles,
roles, heads before the mention; the word lists), ``appositions`` (where a description after
the name ends: "Ann Lee, a nurse, said") and ``fill`` (mentions the speaker rules missed: the
subject of the cue's clause), ``resolve`` (mentions resolved to people: surnames,
pronouns, descriptions) with ``names`` (what a mention names: a name without its titles, and
whether a word can name anyone; the whole name a reading stopped short of: a nickname in
marks, a suffix after a comma), ``article`` (the steps for one article), ``tables`` (the
quotes table) and ``shares`` (quote share and speakers); ``cues`` holds the word lists
(``newslib/data/quote_cues.txt``) and the patterns built from them, ``places`` tells place
names (the gazetteer), ``near`` finds the spans near a sentence (long paragraphs) and ``memo``
keeps answers about the article being read (memos of the last key).
"""

# The private names are re-exported for the tests that import them from here.
from .cues import _alternation as _alternation
from .cues import _rules as _rules
from .marks import _DOUBLE_RE as _DOUBLE_RE
from .marks import _has_double_mark as _has_double_mark
from .names import _PREV_WORD_RE as _PREV_WORD_RE
from .names import _role_before as _role_before
from .names import _word_before as _word_before
from .shares import _words_inside as _words_inside
from .shares import quote_share, speakers
from .tables import QUOTE_KINDS, quoted_spans, quotes

__all__ = ["quotes", "quote_share", "speakers", "quoted_spans", "QUOTE_KINDS"]
