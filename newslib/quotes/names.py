"""What a speaker mention names, and whether it can name anyone: a name loses its titles and roles
("Vermont Sen. Bernie Sanders" -> Bernie Sanders: ``_name_text``); a description may start with a
name (``_leading_name``: "Sanders eventually"); a place, a headline, an adjective, a sentence
opener or a common word names no one (``_can_speak``, ``_opener_word``), an organisation no one a
pronoun stands for (``_organization_name``); a mention a reading stopped short of is widened to
the whole name (``_whole_names``: 'Ann "Big Red" Lee', 'Tom Roe, Jr.'). Reads one mention or
word and the article's text. ``resolve`` calls these; ``fill``, ``attribution`` and the
source-span modules read some too; ``article`` calls ``_whole_names``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..people.first_names import _first_name, _named_person, _surnames
from ..people.names import _fold, _lists
from .attribution import _PREPOSITIONS, _cut_subject
from .cues import _COMMA_SUFFIX, _NAME, _NICKNAME, _NICKNAME_WORDS, _SUFFIX_WORDS, _Rules
from .memo import LastKeyMemo
from .places import is_place
from .sentences import _ABBREV_RE

_PREV_WORD_RE = re.compile(r"([a-z][\w\-]*)[^\S\n]+$")
_LOWER_WORD_RE = re.compile(r"[a-z][\w\-]*")
_POSSESSIVE_END_RE = re.compile(r"(?:['’]s|['’])$")
_OWNER_RE = re.compile(r"\w['’]s?$")
# a nickname in marks inside a name, with the spaces before it: 'Tom "Tiny" Roe' -> 'Tom Roe'
_NICKNAME_RE = re.compile(rf"(?<=\S)[^\S\n]+{_NICKNAME_WORDS}(?=[^\S\n]+[A-Z])")
_SUFFIX_RE = re.compile(_SUFFIX_WORDS)
_HYPHENATED_ADJECTIVE_RE = re.compile(r"[A-Z][\w.]*-(?:based|born|bred|area|raised)")


def _word_before(text: str, s: int) -> str | None:
    """The lower-case word just before the spaces before ``s`` ('spokesman' in 'spokesman Al
    Roe'): what ``_PREV_WORD_RE`` finds in the 30 characters before ``s``, or None."""
    lo = max(0, s - 30)
    # Shortcuts for the usual cases, each giving what the regex gives: it needs a word ([\w-]
    # characters), then spaces or tabs that reach ``s`` (or a newline just before ``s``).
    if s - lo >= 2:
        before, c = text[s - 1], text[s - 2]
        if before == " ":
            if not (c.isalnum() or c in "_-" or c.isspace()):
                return None  # ', Ann Lee': no word character right before the space
            # 'spokesman Ann Lee': when the whole token before the space is such a word, it is
            # the regex's (leftmost) match
            start = max(lo, text.rfind(" ", lo, s - 1) + 1)
            word = _LOWER_WORD_RE.fullmatch(text, start, s - 1)
            if word is not None:
                return word.group(0)
        elif before == "\n":
            if c == "\n" or not c.isspace():
                return None  # a paragraph or line starts at s
        elif not before.isspace():
            return None  # '"Ann Lee', '(Ann Lee'
    m = _PREV_WORD_RE.search(text, lo, s)
    return m.group(1) if m else None


def _role_before(text: str, s: int, rules: _Rules) -> bool:
    """Is the word right before ``s`` a person's role ('spokesman Al Roe')?"""
    if s >= 2 and text[s - 1] == " " and not text[s - 2].isspace():
        # The word would end at s - 1, and most words there ('said', 'of') do not end like a
        # role: a set lookup settles them.
        n = rules.role_end_len
        if text[max(0, s - 1 - n) : s - 1] not in rules.role_ends:
            return False
    return _word_before(text, s) in rules.roles


# Names per mention text (_name_of reads the mention alone), for one rules object: the same
# mentions come back again and again, in an article and across articles; cleared when large.
_NAME_MEMO = LastKeyMemo(limit=16384)


def _name_text(text: str, s: int, e: int, rules: _Rules) -> str:
    names = _NAME_MEMO.values(rules)
    span = text[s:e]
    name = names.get(span)
    if name is None:
        name = names[span] = _name_of(span, rules)
    return name


def _name_of(span: str, rules: _Rules) -> str:
    if '"' in span or "“" in span:  # 'Tom "Tiny" Roe': the nickname is no part of the name
        span = _NICKNAME_RE.sub("", span).strip() or span
    words = span.split()
    if "," in span:  # 'Tom Roe, Jr.': the suffix is the name's, the comma is not
        words = [
            w[:-1] if w.endswith(",") and k + 1 < len(words) and _suffix(words[k + 1]) else w
            for k, w in enumerate(words)
        ]
    # "CNBC's Becky Quick", "Texas-based Ann Lee": the name is after the owner or the adjective
    for k in range(len(words) - 2, -1, -1):
        if _OWNER_RE.search(words[k]) or _HYPHENATED_ADJECTIVE_RE.fullmatch(words[k]):
            words = words[k + 1 :]
            break
    openers = _lists()["name_openers"]
    while words and (
        words[0].lower().rstrip(".") in rules.stop_caps
        or (len(words) > 1 and _fold(words[0]) in openers)
    ):
        words.pop(0)
    while words and words[-1].lower().rstrip(".") in rules.stop_caps:
        words.pop()
    # titles and roles before a name are not part of it: "Vermont Sen. Bernie Sanders"
    cut = 0
    for k, w in enumerate(words[:-1]):
        if w.lower().rstrip(".") in _TITLE_WORDS or w.lower() in rules.roles:
            cut = k + 1
    if cut and cut == len(words) - 1 and _company_after_title(words[cut - 1], words[cut]):
        cut -= 1  # 'General Lumber': a company named with a common word, no general
    words = words[cut:]
    name = " ".join(words)
    if name[-1:] in ("'", "’", "s"):  # only then can it end with a possessive
        name = _POSSESSIVE_END_RE.sub("", name)
    return name


def _suffix(word: str) -> bool:
    """Is ``word`` a generational suffix of a name ('Jr.', 'III'; ``[name_suffixes]`` of
    ``newslib/data/speaker_types.txt``), a comma after it or not?

    >>> _suffix("Jr.,"), _suffix("III"), _suffix("Jrs"), _suffix("jr.")
    (True, True, False, False)
    """
    return _SUFFIX_RE.fullmatch(word.rstrip(",")) is not None


def _company_after_title(title: str, word: str) -> bool:
    """Is a title written out in full ('General', not 'Gen.') before one capitalised common
    word that is no census first name or surname ('General Lumber'), rather than before a
    name ('General Wood', 'Captain Lee')? Then the two words are a company's name.

    >>> _company_after_title("General", "Lumber"), _company_after_title("General", "Lee")
    (True, False)
    >>> _company_after_title("Gen.", "Lumber")
    False
    """
    if not title[:1].isupper() or title.endswith(".") or not title[1:].islower():
        return False
    if not word[:1].isupper() or not word[1:].islower():
        return False
    low = word.lower()
    return low in _easy_words() and not _first_name(word) and low not in _surnames()


_TITLE_WORDS = frozenset(
    "mr mrs ms dr sen rep gov gen lt col capt sgt prof rev adm amb atty cmdr maj pres "
    "president senator governor mayor judge justice secretary chairman chairwoman speaker "
    "captain minister officer agent general colonel sergeant director commissioner "
    "sheriff chief lord lady sir dame".split()
)


def _can_speak(mention: str, name: str) -> bool:
    """False for what reads as a name but is no speaker: a headline in capitals ("NEW YORK
    ENDS TAX"), a place ("Berea", "South Carolina": a dateline), an adjective alone
    ("Democratic", "Catholic"), a medium ("TV"), a number or a word that opens sentences
    ("Twenty-four", "Partial"): a hyphenated word by its first part too ("Republican-leaning").
    Lists: ``newslib/data/speaker_types.txt``."""
    if mention.isupper() and len(mention.split()) >= 2:
        return False
    return _speakable_name(name)


@lru_cache(maxsize=4096)
def _speakable_name(name: str) -> bool:
    # _can_speak's lists lookup of ``name`` (folding is dear; the same names come back in
    # article after article; the lists never change)
    lists = _lists()
    folded = _fold(name)
    if folded in lists["places"] or folded in lists["not_names"]:
        return False
    words = folded.split()
    last = words[-1] if len(words) > 1 else ""
    if (last in lists["not_names"] and last not in lists["name_openers"]) or (
        last in lists["place_kinds"] and not _named_person(name)
    ):
        # "the Bayview Democrat", "Messianic Jewish", "Bayview County": a party member, an
        # adjective or a place, however capitalised, and no one's name (a word opening
        # sentences, [name_openers], may end one: "Tom More"; a first name and a surname are
        # one: "Ann Street")
        return False
    return "-" not in folded or folded.split("-", 1)[0] not in lists["not_names"]


@lru_cache(maxsize=4096)
def _organization_name(name: str) -> bool:
    """Does ``name`` hold a word of an organisation's name ("Harbor Board", "Bayview Sun-Times";
    ``[organization_words]`` of ``newslib/data/speaker_types.txt``), or open with an adjective
    of party or origin ("American Harbor Pilots", ``[not_names]``)? A source, but no person a
    pronoun stands for. Not a person's first name and surname (:func:`.first_names._named_person`:
    "Tom Church", "Ann Post").

    >>> _organization_name("Bayview Harbor Board"), _organization_name("Ann Lee")
    (True, False)
    >>> _organization_name("Tom Church"), _organization_name("Bayview Church")
    (False, True)
    """
    lists = _lists()
    words = _fold(name).replace("-", " ").split()
    if len(words) > 1 and words[0] in lists["not_names"]:
        return True  # "American Scientists", "Western Journalism": no one's first name
    return any(w in lists["organization_words"] for w in words) and not _named_person(name)


_CONTRACTION_RE = re.compile(r"[A-Za-z]+[’'](?:ll|ve|re|d|m|s|t)")


def _opener_word(text: str, name: str, stop: frozenset[str]) -> bool:
    """Is a one-word 'name' a common word that opens a sentence ('One man said', 'Another
    voter'): one of ``stop`` ([stop_capitals]), or capitalised nowhere inside a sentence and
    written in lower case elsewhere in the article? A place the article uses as one ('in
    Benghazi', 'Miami, Fla.': :func:`.places.is_place`)? Or a contraction ("I'll")? No one's
    name, then."""
    if " " in name:
        return False
    if _CONTRACTION_RE.fullmatch(name) is not None or name.lower() in stop:
        return True
    if name.islower():
        return False
    if is_place(text, name):
        return True  # 'in Benghazi', 'Miami, Fla.': the article uses it as a place
    if _inside_names(text, name):
        return True  # 'the Republican Party' -> 'Party', 'the Second Amendment' -> 'Amendment'
    if name.lower() in _easy_words() and _opens_names_only(text, name) and not _titled(text, name):
        # 'New Bayview' elsewhere, 'New focus on safety': an adjective ('Mr. Hurt': a name)
        return True
    if _mid_capital(text, name):
        return False
    if name.lower() in _easy_words() and not _titled(text, name):
        return True  # 'Exit polls show', 'Good information can': a common word, no one titled
    return _written_alone(text, name.lower())


def _written_alone(text: str, word: str) -> bool:
    """Is ``word`` in ``text`` with no word character (\\w, ’, ', -) on either side?  What
    ``re.search(rf"(?<![\\w’'-]){re.escape(word)}(?![\\w’'-])", text)`` finds, without
    compiling a pattern per word: ``str.find`` tries every position as the search does, and
    a character is \\w exactly when ``isalnum()`` or '_'.

    >>> _written_alone("the party's party-line", "party"), _written_alone("a party.", "party")
    (False, True)
    """
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if (i == 0 or not _name_char(text[i - 1])) and not (
            i + n < len(text) and _name_char(text[i + n])
        ):
            return True
        i = text.find(word, i + 1)
    return False


_CAPITALISED_RE = re.compile(r"[A-Z][\w’'\-]*")
_LOWER_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz,;")


def _mid_capital(text: str, name: str) -> bool:
    """Is ``name`` one of ``attribution._mid_capitals(text)`` (a capitalised word written after
    'x ', ', ' or '; ')?  Checked at the name's occurrences, without the scan of the whole
    text: those matches never overlap (each starts after a space), so each is the run of
    [\\w’'-] characters from a capital so placed.

    >>> _mid_capital("a poll by Gallup, and Gallup's", "Gallup"), _mid_capital("Gallup.", "Gallup")
    (True, False)
    """
    if _CAPITALISED_RE.fullmatch(name) is None:
        return False
    n = len(name)
    j = text.find(name, 2)
    while j >= 0:
        if (
            text[j - 1] == " "
            and text[j - 2] in _LOWER_ASCII
            and not (j + n < len(text) and _name_char(text[j + n]))
        ):
            return True
        j = text.find(name, j + 1)
    return False


def _opens_names_only(text: str, name: str) -> bool:
    """Does the article write ``name`` inside a sentence only as the first word of longer
    names ('New Bayview', 'Super Sunday'), and alone only where it opens a sentence? Then it is
    a common word, no one's name (unless it owns something: "State's reviewers").

    >>> _opens_names_only("New focus on it. In New Bayview, new boats.", "New")
    True
    >>> _opens_names_only("New focus on it. Ask New, who knows.", "New")
    False
    >>> _opens_names_only("New focus on it. In New Bayview, New's staff said so.", "New")
    False
    """
    n = len(name)
    i = text.find(name)
    while i >= 0:
        after = text[i + n : i + n + 2]
        if after in ("'s", "’s") and (i == 0 or not _name_char(text[i - 1])):
            return False  # "State's reviewers": an owner, someone
        if (i == 0 or not _name_char(text[i - 1])) and not _name_char(after[:1] or " "):
            if not _opens_sentence(text, i) and not (after[:1] == " " and after[1:].isupper()):
                return False  # 'Ask New, who': the word stands alone inside a sentence
        i = text.find(name, i + n)
    return True


def _inside_names(text: str, name: str) -> bool:
    """Does the article write ``name`` only as the last word of longer names ('Republican
    Party', 'Second Amendment': a capitalised word before it that is no title, role or owner)?"""
    i = text.find(name)
    n = len(name)
    while i >= 0:
        after = text[i + n : i + n + 1]
        if (i == 0 or not _name_char(text[i - 1])) and not (after.isalnum() or after in ("_", "-")):
            if i < 2 or text[i - 1] != " " or text[i - 2].isspace():
                if name.lower() in _easy_words() and _opens_sentence(text, i):
                    i = text.find(name, i + n)
                    continue  # 'Party leaders said': a common word capitalised as an opener
                return False  # the word opens a line or follows a mark: it stands on its own
            j = i - 2
            while j >= max(0, i - 40) and not text[j].isspace():
                j -= 1
            word = text[j + 1 : i - 1]
            if (
                not (word[:1].isupper() or word.lstrip("'‘’\"“").isdigit())  # '13 Hours'
                or word.endswith((".", ",", ":", ";", '"', "”", ")"))
                # 'Lee's Party' (an owner before a name), but 'the Speaker's Lobby'
                or (word.endswith(("'s", "’s")) and name.lower() not in _easy_words())
                or word.lower() in _TITLE_WORDS
                # 'Republican Smith' (a role before a name), but 'the Republican Party'
                or (word.lower() in _lists_roles() and name.lower() not in _easy_words())
                or word.lower() in _lists_cues()  # 'Said Comey,'
                or _HYPHENATED_ADJECTIVE_RE.fullmatch(word)  # 'Dublin-based Shire'
            ):
                return False  # the word stands on its own here
        i = text.find(name, i + n)
    return True


def _opens_sentence(text: str, i: int) -> bool:
    """Does the word at ``i`` open a sentence or a line (after '.', '!', '?' or a quotation
    mark closing one)?"""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    while j >= 0 and text[j] in "\"'”’)":
        j -= 1
    return j < 0 or text[j] in ".!?\n"


def _name_char(c: str) -> bool:
    return c.isalnum() or c in "_’'-"


@lru_cache(maxsize=1)
def _lists_roles() -> frozenset[str]:
    from .cues import _rules

    return _rules().roles


@lru_cache(maxsize=1)
def _lists_cues() -> frozenset[str]:
    from .cues import _rules

    return frozenset(_rules().cues)


# a title before the word: 'Mr. Hurt', 'Sen. Young' (a name, even where it opens sentences)
_TITLED = r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Mayor|President|Senator)\.?[^\S\n]+{}\b"
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Mayor", "President", "Senator")


def _titled(text: str, name: str) -> bool:
    """``re.search(_TITLED.format(re.escape(name)), text) is not None``, read at the name's
    occurrences instead of compiling a pattern per name and scanning the whole text: a word
    boundary after the name, spaces or tabs before it, maybe a full stop, and one of
    ``_TITLES`` ending there at a word boundary. (Exact: a title ends with a letter, so the
    spaces before the name are all of the pattern's, and a full stop before them the title's.)

    >>> _titled("said Mr. Hurt.", "Hurt"), _titled("Hurtful", "Hurt"), _titled("Dr\\nHurt", "Hurt")
    (True, False, False)
    """
    if not name:
        return re.search(_TITLED.format(""), text) is not None
    n = len(name)
    word_end = _word_char(name[-1])
    j = text.find(name)
    while j >= 0:
        k = j + n
        if (k < len(text) and _word_char(text[k])) != word_end:
            p = j
            while p > 0 and text[p - 1] != "\n" and text[p - 1].isspace():
                p -= 1
            if p < j:
                t = p - 1 if text[p - 1 : p] == "." else p
                for title in _TITLES:
                    a = t - len(title)
                    if a >= 0 and text.startswith(title, a) and not (a and _word_char(text[a - 1])):
                        return True
        j = text.find(name, j + 1)
    return False


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what a pattern's \w means


@lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    """The common English words of textstat's Dale-Chall list ('exit', 'good', 'party'), read
    as readability reads them (without importing textstat, and NLTK with it, where it can)."""
    from ..readability import _textstat

    return frozenset(w.lower() for w in _textstat().get_lang_easy_words("en"))


def _leading_name(text: str, s: int, e: int, rules: _Rules) -> str | None:
    """The name a description starts with ("Sanders eventually" -> Sanders) or ends with after
    an owner ("the Gazette's Mia Holt"), or None (a determiner, a sentence opener or a
    lower-case word first: "the Voss campaign", "many Democrats")."""
    words = text[s:e].split()
    owned = [k for k, w in enumerate(words[:-1]) if _OWNER_RE.search(w)]
    if owned and 1 <= len(words) - owned[-1] - 1 <= 3:
        # "the Gazette's Mia Holt": the name after the owner
        after = words[owned[-1] + 1 :]
        if all(w[:1].isupper() for w in after):
            return " ".join(after)
    if not words or not words[0][:1].isupper():
        return None
    run = []
    for word in words:
        if not word[:1].isupper():
            break
        run.append(word)
    first = run[0].lower().rstrip(".")
    if len(run) == 1 < len(words) and _plural_head(first, words[1].lower(), rules):
        return None  # 'Supporters of Ann Lee', 'Voters who back Lee': people, no name
    if _group_head(words[len(run) :], rules):
        return None  # 'Harbor Board members', 'Bayview police': the run only modifies them
    if len(run) == 1 < len(words) and _common_opener(text, s, run[0], words[1]):
        return None  # 'Opinion polls show': a common word opening the sentence, no author
    if len(run) == 1 < len(words) and _opener_before_noun(text, s, run[0], words[1:]):
        return None  # 'Nuclear safety experts warned': an adjective opening the sentence
    titled = first in _TITLE_WORDS and len(run) > 1  # "Mr. Rubio defiantly": a title, a name
    if (first in rules.stop_caps and not titled) or run[0].lower() in _DESCRIPTION_STARTS:
        return None
    name = _name_text(text, s, s + len(" ".join(run)), rules) if len(run) <= 3 else None
    return name or None


def _common_opener(text: str, s: int, word: str, after: str) -> bool:
    """Is the one capitalised ``word`` at ``s``, before a document's noun (``after`` in
    ``[document_heads]``: 'polls', 'data'), a common word capitalised only because it opens the
    sentence ('Opinion polls show'), not the document's author ('Harlow polls show', "Roe's
    article")? It opens the sentence, it is no owner, the article never capitalises it inside
    one, and it is no first name or surname of the census lists.

    >>> t = "Opinion polls show a tie. Harlow polls show it too, a Harlow poll said."
    >>> _common_opener(t, 0, "Opinion", "polls"), _common_opener(t, 26, "Harlow", "polls")
    (True, False)
    >>> _common_opener(t, 0, "Opinion", "say"), _common_opener("Roe's poll", 0, "Roe's", "poll")
    (False, False)
    """
    if (
        _POSSESSIVE_END_RE.search(word)
        or after.lower().strip(".,;:") not in _lists()["document_heads"]
    ):
        return False  # "Roe's article": its owner, its author
    if not _opens_sentence(text, s) or _mid_capital(text, word):
        return False
    folded = _fold(word)
    return not _first_name(word) and folded not in _surnames()


def _opener_before_noun(text: str, s: int, word: str, rest: list[str]) -> bool:
    """Is the one capitalised ``word`` at ``s``, before the lower-case words ``rest`` of a
    description, a word that opens the sentence and qualifies the noun after it ('Nuclear
    safety experts', 'Young fishermen'), not a name ('Sanders eventually')? It opens the
    sentence, the article never capitalises it inside one, it is no first name or surname of
    the census lists, and the words after it are lower-case with no adverb last.

    >>> t = "Nuclear safety experts warned. Lee eventually said so, as Ann Lee did."
    >>> _opener_before_noun(t, 0, "Nuclear", ["safety", "experts"])
    True
    >>> _opener_before_noun(t, 31, "Lee", ["eventually"])
    False
    """
    if not all(w[:1].islower() for w in rest) or _MANNER_END_RE.search(rest[-1]):
        return False
    if word.isupper() or _POSSESSIVE_END_RE.search(word) or not _opens_sentence(text, s):
        return False  # 'CNN reporters': an acronym names someone
    if _mid_capital(text, word) or _first_name(word):
        return False
    # a plural noun after it heads the description, even after a surname ('Young fishermen')
    return _PLURAL_NOUN_RE.fullmatch(rest[-1]) is not None or _fold(word) not in _surnames()


_PLURAL_NOUN_RE = re.compile(r"[a-z\-]+[^su']s|[a-z\-]*(?:people|men|children)")
_MANNER_END_RE = re.compile(r"ly[.,;:]?$")


def _group_head(rest: list[str], rules: _Rules) -> bool:
    """Do the words after a capitalised run start with a lower-case word for people (a role or
    a [group_heads] word) that heads the description, no capitalised word after it
    ('members', 'police', 'supporters of the plan'), so that the run only modifies it? A
    document keeps its author as the speaker ('G-III reports show').

    >>> from .cues import _rules
    >>> _group_head(["members"], _rules()), _group_head(["eventually"], _rules())
    (True, False)
    >>> _group_head(["spokesman", "Tom", "Roe"], _rules())
    False
    """
    from .sources import _WORDS  # sources imports this module

    if not rest or not rest[0][:1].islower() or any(w[:1].isupper() for w in rest[1:]):
        return False
    # people only: a document keeps its author ('G-III reports show'); the head may come
    # after a word qualifying it ('Bayview campaign aides')
    heads = rest[:1] if len(rest) == 1 or len(rest) > 3 else (rest[0], rest[-1])
    for word in heads:
        low = word.lower().strip(".,;:")
        if low in _WORDS["group_heads"] or low in rules.roles or low[:-1] in rules.roles:
            return True
    return False


def _plural_head(low: str, after: str, rules: _Rules) -> bool:
    """Is the lower-case word ``low``, capitalised as a sentence's first word, the plural noun
    heading a description (a role, a source or a source noun, 'who' or a preposition after
    it: 'Supporters of', 'Voters who', 'Estimates by'), not a name?

    >>> from .cues import _rules
    >>> _plural_head("supporters", "of", _rules()), _plural_head("sanders", "of", _rules())
    (True, False)
    """
    from .sources import _names_speakers  # sources imports this module

    return (
        low.endswith("s")
        and (after in _PREPOSITIONS or after in ("who", "that"))
        and _names_speakers(low, rules)
    )


# Capitalised words that start a description, not a name ("Many Democrats", "Some Republicans").
_DESCRIPTION_STARTS = frozenset("many some most few several both all each every no".split())


# What a reading may stop short of in a name: a generational suffix after a comma ('Tom Roe,
# Jr.': the comma reads as an apposition's) and a nickname in marks ('Ann "Big Red" Lee': the
# marks break a subject's words).
_COMMA_SUFFIX_RE = re.compile(_COMMA_SUFFIX)
_NICKNAME_THEN_NAME_RE = re.compile(rf"[^\S\n]+{_NICKNAME}[^\S\n]+({_NAME})")
_NICKNAME_BEFORE_RE = re.compile(rf"{_NICKNAME_WORDS}[^\S\n]+$")
_COMMA_BEFORE_RE = re.compile(r"(?<=[a-z]),[^\S\n]+$")
# what no name runs over, looking back from it
_NAME_BREAK_RE = re.compile(r"[,;:!?\"“”«»()\[\]—–\n]")


def _whole_name(text: str, s: int, e: int, rules: _Rules) -> tuple[int, int]:
    """The name mention ``text[s:e]`` widened to the whole name when a reading stopped short of
    it: over a generational suffix after a comma ('Tom Roe' -> 'Tom Roe, Jr.'; 'Jr.' -> 'Tom Roe,
    Jr.') and over a nickname in marks ('Lee' or 'Ann' -> 'Ann "Big Red" Lee'); the same span
    when nothing is missing.

    >>> from newslib.quotes.cues import _rules
    >>> t = 'Tom Roe, Jr., a fisher, and Ann "Big Red" Lee said so.'
    >>> [t[slice(*_whole_name(t, *span, _rules()))] for span in [(0, 7), (9, 12), (42, 45)]]
    ['Tom Roe, Jr.', 'Tom Roe, Jr.', 'Ann "Big Red" Lee']
    """
    if not text[s : s + 1].isupper():
        return s, e
    # (each pattern is tried only after a test of the characters it needs around the mention:
    # most mentions need none of them)
    if s >= 2 and text[s - 1] in " \t":
        if e - s <= 4 and text[s - 2] == "," and _SUFFIX_RE.fullmatch(text, s, e) is not None:
            comma = _COMMA_BEFORE_RE.search(text, max(0, s - 4), s)
            if comma is not None:  # 'Tom Roe, Jr., a fisher, said' read as 'Jr.'
                before = _name_before(text, comma.start(), rules)
                s = s if before is None else before
        elif text[s - 2] in '"” \t':
            nick = _NICKNAME_BEFORE_RE.search(text, max(0, s - 40), s)
            if nick is not None and text[nick.start() - 1 : nick.start()] in (" ", "\t"):
                # 'Ann "Big Red" Lee said' read as 'Lee'
                before = _name_before(text, nick.start() - 1, rules)
                s = s if before is None else before
    after = text[e : e + 1]
    if after in (" ", "\t") and text[e - 1 : e].isalpha() and text[e + 1 : e + 2] in '"“ \t':
        m = _NICKNAME_THEN_NAME_RE.match(text, e)
        if m is not None:  # 'said Ann "Big Red" Lee' read as 'Ann'
            e = _without_full_stop(text, s, m.end())
            after = text[e : e + 1]
    m = _COMMA_SUFFIX_RE.match(text, e) if after == "," else None
    if m is not None:  # 'Tom Roe, Jr., said' read as 'Tom Roe'
        e = _without_full_stop(text, s, m.end())
    elif after == "." and _SUFFIX_RE.fullmatch(text, _last_word_start(text, s, e), e + 1):
        # 'said Tom Roe Jr.' read up to the sentence's end, its full stop left out: the full
        # stop is the suffix's too
        if _ABBREV_RE.search(text, max(s, e - 11), e + 1) is not None:
            e += 1
    return s, e


def _last_word_start(text: str, s: int, e: int) -> int:
    """Where the last word of ``text[s:e]`` starts."""
    return max(s, text.rfind(" ", s, e) + 1)


def _name_before(text: str, end: int, rules: _Rules) -> int | None:
    """Where the name that ends at ``end`` starts, read as a subject ending there is read
    (titles and sentence openers left out); None when no name ends there."""
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    lo = max(0, end - 80)
    breaks = list(_NAME_BREAK_RE.finditer(text, lo, end))
    lo = breaks[-1].end() if breaks else lo
    cut = _cut_subject(text, lo, end, rules, True)
    return cut[0] if cut is not None and cut[2] == "name" and cut[1] == end else None


def _without_full_stop(text: str, s: int, e: int) -> int:
    """``e`` before a full stop that ends the sentence ('said Tom Roe, III.'), not before an
    abbreviation's ('Jr.')."""
    if text[e - 1] == "." and not _ABBREV_RE.search(text, max(s, e - 12), e):
        return e - 1
    return e


def _whole_names(text: str, found: list, rules: _Rules) -> None:
    """Widen every name mention of ``found`` to its whole name (:func:`_whole_name`)."""
    done: dict[tuple[int, int], tuple[int, int]] = {}
    for q in found:
        if q.mention is None or q.mention_kind != "name":
            continue
        span = done.get(q.mention)
        if span is None:
            span = done[q.mention] = _whole_name(text, *q.mention, rules)
        q.mention = span
