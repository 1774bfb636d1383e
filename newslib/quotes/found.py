"""What a reader of a reported-speech sentence returns: a ``_Found`` (the content's span, the
cue's word and span, the source's mention, a second content piece if the attribution splits
the content).

In "The bridge is safe, Lee said." the content is "The bridge is safe", the cue "said" and
the mention "Lee"; in "The bridge is safe, Lee said, and it will reopen soon." the words after
the attribution are a second piece (``more``). The readers (``cue_first``, ``content_first``,
``according``, ``nouns``, ``frames``) each return one or None to ``reading._read``;
``reported`` turns them into rows. This module sits below them all, so that none of them
imports ``reading`` or ``reported``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class _Found:
    start: int
    end: int
    cue: str
    cue_span: tuple[int, int] | None
    mention: tuple[int, int, str] | None
    more: tuple[int, int] | None = None  # a second piece: 'CONTENT, he said, CONTENT.'
