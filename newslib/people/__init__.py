"""People, not strings: who speaks across a corpus, one row per person.

:func:`people` reads the quotes table (``newslib.quotes``) and groups its sources:

* **type** of each source: ``person`` (a name), ``organization`` ("Trump Organization", "the
  campaign", "State Department"), ``anonymous`` (an unnamed human: "a senior aide",
  "officials", "people familiar with ..."), ``unknown`` (an unresolved pronoun, a document such
  as "the poll", a place or a party adjective standing alone). Word lists are data:
  ``newslib/data/speaker_types.txt``.
* **one name per person**: a person's key is the first and last name as
  `nameparser <https://nameparser.readthedocs.io>`_ reads them, Unicode-normalised and
  case-folded, so titles, honorifics, middle names and initials do not count ("Donald J. Trump",
  "Mr. Donald Trump" and "DONALD TRUMP" are one person); the name shown is the form used most.
* **a bare surname** ("Clinton", in an article that never gives the full name) joins the corpus
  person with that surname when there is one, or when the gender the article gives it (an
  honorific, a resolved he/she) leaves one; otherwise it stays its own row, ``ambiguous``.
  Two different full names are never merged. Likewise an organisation described ("the
  board", "his campaign") joins the one organisation of that head its article names as a
  source ("the Harbor Board"), when there is exactly one.
* **gender as the articles refer to the person**: honorifics (Mr., Mrs., Ms.: two votes) and the
  pronouns resolved to them (he, she: one vote); ``female`` or ``male`` when at least three
  quarters of the votes agree, else ``unknown``. Never guessed from first names (the census
  first names of :mod:`newslib.people.first_names` help ``newslib.quotes`` choose whom a
  he/she means, and the type step tell "Tom Post" from an organisation's name).
* **role**: the descriptor used most with the name ("a spokesman for the campaign",
  "Republican presidential nominee").

An aliases file (:func:`read_aliases`, YAML) corrects what the rules cannot, applied last.

Modules, in the order a source goes through them: ``names`` (name parsing and folding, the word
lists of ``speaker_types.txt``), ``first_names`` (first names of the census lists of the
``names`` package: a person's name, a gender prior for pronouns), ``speaker_types`` (the type,
key and shown name of one source), ``gender`` (gender votes of a mention, the gender summed
votes give), ``roles`` (the role in a named source's mention), ``facts`` (each source's facts,
per article: :func:`source_facts`),
``resolve`` (bare surnames joined to people, the aliases' merges and renames, shown names),
``aggregate`` (the counts per person) and ``table`` (:func:`people`, :func:`people_and_quotes`,
:func:`with_people`); ``aliases`` reads the aliases file (:func:`read_aliases`).
"""

from .aliases import AliasError, Aliases, read_aliases
from .facts import source_facts
from .speaker_types import SPEAKER_TYPES
from .table import PEOPLE_COLUMNS, people, people_and_quotes, with_people

__all__ = [
    "people",
    "with_people",
    "people_and_quotes",
    "source_facts",
    "read_aliases",
    "Aliases",
    "AliasError",
    "SPEAKER_TYPES",
    "PEOPLE_COLUMNS",
]
