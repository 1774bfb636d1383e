"""The notebooks' views of tone by voice: sentences labelled by voice (quoted, reported, the
reporter's own), sentiment per voice and the tone's findings as Markdown bullet points. The
notebooks reach these as ``nb.<name>`` (``newslib.notebook``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .labels import signed
from .notebook_findings import _bullets, _extreme, _plural, _source_sentence, _values
from .sentiment import NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD, QUOTED_THRESHOLD

if TYPE_CHECKING:
    from .notebook import CorpusData

__all__ = [
    "VOICE_LABELS",
    "VOICE_PALETTE",
    "sentences_by_voice",
    "voice_sentiment",
    "sentiment_findings",
]


#: The voices of a sentence as the notebooks name them, in order.
VOICE_LABELS = {
    "quoted": "quoted",
    "reported": "reported",
    "narration": "the reporter's own",
}
#: Their colours (``newslib.plot.VOICE_COLOURS``, with a grey dark enough for box plots).
VOICE_PALETTE = ("#E69F00", "#56B4E9", "#8C8C8C")


def sentences_by_voice(data: CorpusData) -> pd.DataFrame:
    """``data.sentences`` with ``voice`` as an ordered categorical of reader labels (quoted,
    reported, the reporter's own), for plots grouped by voice (colours: ``VOICE_PALETTE``).

    Example:
        >>> from newslib.notebook import prepare
        >>> list(sentences_by_voice(prepare("seeds"))["voice"].cat.categories)
        ['quoted', 'reported', "the reporter's own"]
    """
    s = data.sentences.copy()
    voice = s["voice"] if "voice" in s.columns else pd.Series(pd.NA, index=s.index)
    s["voice"] = pd.Categorical(
        voice.astype("string").map(VOICE_LABELS, na_action="ignore"),
        categories=list(VOICE_LABELS.values()),
        ordered=True,
    )
    return s


def voice_sentiment(data: CorpusData) -> pd.DataFrame:
    """Sentence sentiment per voice over the whole corpus: ``voice``, ``sentences``,
    ``share of sentences``, ``mean sentiment`` (of the compound scores; NA without sentences),
    ``negative sentences``
    and ``positive sentences`` (shares of the voice's sentences at VADER's ±0.05 cut-offs).

    Example:
        >>> from newslib.notebook import prepare
        >>> voice_sentiment(prepare("seeds"))["voice"].tolist()
        ['quoted', 'reported', "the reporter's own"]
    """
    s = sentences_by_voice(data)
    compound = pd.to_numeric(s["compound"], errors="coerce").astype(float)
    rows = []
    for label in VOICE_LABELS.values():
        c = compound[(s["voice"] == label).to_numpy(dtype=bool)]
        rows.append(
            {
                "voice": label,
                "sentences": len(c),
                "share of sentences": len(c) / len(s) if len(s) else np.nan,
                "mean sentiment": c.mean() if len(c) else np.nan,
                "negative sentences": float((c <= NEGATIVE_THRESHOLD).mean()) if len(c) else np.nan,
                "positive sentences": float((c >= POSITIVE_THRESHOLD).mean()) if len(c) else np.nan,
            }
        )
    return pd.DataFrame(rows).astype({"voice": "string", "sentences": "int64"})


def sentiment_findings(data: CorpusData) -> str:
    """The tone of the corpus, as Markdown bullet points computed from ``data``.

    Example:
        >>> from newslib.notebook import prepare
        >>> print(sentiment_findings(prepare("seeds")).splitlines()[0])  # doctest: +ELLIPSIS
        - The 20 sentences average a VADER compound score of −0.17: 55% are negative ...
    """
    s = data.sentences
    compound = _values(s, "compound")
    if compound.empty:
        return _bullets(["There are no sentences to score."])
    neg = float((compound <= NEGATIVE_THRESHOLD).mean())
    pos = float((compound >= POSITIVE_THRESHOLD).mean())
    out = [
        f"The {_plural(len(compound), 'sentence')} average a VADER compound score of "
        f"{signed(compound.mean())}: {neg:.0%} are negative (compound "
        f"≤ {signed(NEGATIVE_THRESHOLD)}) and {pos:.0%} positive (≥ {signed(POSITIVE_THRESHOLD)})."
    ]
    if "voice" in s.columns and s["voice"].notna().any():
        by = voice_sentiment(data).set_index("voice")
        parts = [
            f"{label} sentences ({int(by.loc[label, 'sentences']):,}) "
            + (
                f"average {signed(by.loc[label, 'mean sentiment'])}"
                if by.loc[label, "sentences"]
                else "do not occur"
            )
            for label in ("quoted", "reported")
        ]
        own = by.loc["the reporter's own"]
        parts.append(
            f"the reporter's own ({int(own['sentences']):,}) "
            + (f"{signed(own['mean sentiment'])}" if own["sentences"] else "none")
        )
        out.append(f"{parts[0][0].upper()}{parts[0][1:]}, {parts[1]}, {parts[2]}.")
        voice = s["voice"].astype("string")
        others = s.loc[voice.isin(["quoted", "reported"]).fillna(False).to_numpy(bool), "compound"]
        narration = s.loc[(voice == "narration").fillna(False).to_numpy(bool), "compound"]
        if len(others) and len(narration):
            diff = float(others.mean()) - float(narration.mean())
            # Differences under 0.05 (VADER's own neutral band) are not worth a claim.
            if abs(diff) < 0.05:
                tone = "about as positive as"
            else:
                tone = "more positive than" if diff > 0 else "more negative than"
            out.append(
                f"Other people's words (quoted or reported, {len(others):,} sentences, "
                f"{signed(others.mean())}) sound {tone} the reporters' own "
                f"({signed(narration.mean())})."
            )
        elif len(narration):
            out.append(
                "No sentence is mostly other people's words, so they cannot be compared with "
                "the reporters' own."
            )
    elif "in_quote" in s.columns:
        in_quote = pd.to_numeric(s["in_quote"], errors="coerce").astype(float)
        quoted = s.loc[in_quote >= QUOTED_THRESHOLD, "compound"].astype(float)
        if len(quoted):
            out.append(f"Quoted sentences ({len(quoted):,}) average {signed(quoted.mean())}.")
    if len(data.articles) > 1:
        low = _extreme(data, "compound_mean", largest=False)
        high = _extreme(data, "compound_mean", largest=True)
        if low is not None:
            out.append(
                f"The most negative article is “{low[0]}” ({signed(low[1])}); the most positive "
                f"is “{high[0]}” ({signed(high[1])})."
            )
    out += _source_sentence(data, "compound_mean", signed, "is most positive", "most negative")
    return _bullets(out)
