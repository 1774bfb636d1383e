"""Plots of newslib results, seaborn-style: ``f(data, *, ..., ax=None, **kwargs) -> Axes``.

Every plot draws on ``ax`` (the current Axes when ``None``), labels its axes in words (with
units, from ``newslib.labels``: no figure shows a raw column name) and title, uses the
colour-blind-safe ``PALETTE`` (Okabe–Ito) and is deterministic: the same data give the same
drawing. Groups get their colour from their place in the sorted list of group names, so a
source has the same colour in every plot of a corpus.

By family, as in seaborn:

- time (``newslib.plot.time``): ``timeline`` (a metric over time; with more than three groups,
  small multiples: one panel per group, returned as an array of Axes).
- distributions (``newslib.plot.distributions``): ``distribution`` with its shortcuts
  ``readability`` and ``quote_share`` (histogram, or one box per group), ``scatter``.
- quotes (``newslib.plot.quotes``): ``speakers`` (top quoted people), ``voices`` (quoted,
  reported and the reporter's own words), ``speaker_types`` (named people, organisations,
  unnamed sources), ``speaker_genders`` (she, he, not stated) and ``share_over_time``
  (anonymous sourcing, or words by women, per period).
- sentiment (``newslib.plot.sentiment``): ``sentiment_strip`` (sentence sentiment through one
  article), ``sentiment_by_voice`` (sentence sentiment of quoted, reported and the
  reporter's own sentences).
"""

from __future__ import annotations

from ._base import (
    METRIC_LABELS,
    OKABE_ITO,
    PALETTE,
    VOICE_COLOURS,
    VOICE_NAMES,
    MetricLabel,
    metric_label,
)
from .distributions import distribution, quote_share, readability, scatter
from .quotes import share_over_time, speaker_genders, speaker_types, speakers, voices
from .sentiment import sentiment_by_voice, sentiment_strip
from .time import timeline

__all__ = [
    "OKABE_ITO",
    "PALETTE",
    "METRIC_LABELS",
    "MetricLabel",
    "metric_label",
    "timeline",
    "distribution",
    "readability",
    "quote_share",
    "scatter",
    "speakers",
    "voices",
    "VOICE_COLOURS",
    "VOICE_NAMES",
    "speaker_types",
    "speaker_genders",
    "share_over_time",
    "sentiment_strip",
    "sentiment_by_voice",
]
