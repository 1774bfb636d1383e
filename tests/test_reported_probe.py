"""Probe set for reported (indirect) speech and mixed (partial) attributions: short paragraphs
written for this test in everyday news shapes ("X said (that) ...", "..., X said.", "According
to X, ...", stance verbs, nouns of speech, interrupted and stacked attributions, pronoun
sources, passives, questions, negations, modals, time phrases) and non-speech look-alikes,
each with the kind, source, cue and content spans PolNeAR's annotators would mark and the
speaker newslib should resolve.

PolNeAR's conventions, read from the development part's annotations (never from the unseen
part): a source keeps its determiner, title and apposition ("the Harbor Board", "Rita Vance,
a spokeswoman for the Harbor Board"); a cue keeps auxiliaries, negation and adverbs before the
verb ("has also said", "would not say", "was quoted as saying") but not the listener ("told"
in "told reporters"); a time phrase after the verb ("said Tuesday") is inside the cue about as
often as outside it, so both are accepted; a content starts at "that" / "whether" / "if" when
there is one and leaves out the sentence's final punctuation and the cue after it; "records
show" and "reports show" are attributions (source "records", cue "show").

Every name and place is invented (Ann Lee, Tom Roe, Bayview, the Harbor Board).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd
import pytest

from newslib.quotes import quotes


class Words(NamedTuple):
    """A content given by its first word, a phrase inside it and its last word."""

    first: str | None
    inside: str
    last: str


# (id, text, kind, source mention (or the accepted ones), cue (or the accepted ones), content,
# speaker). The row checked is the one of that kind that overlaps the content's phrase most.
CASES = [
    # --- "X said (that) ...", "..., X said", inverted sources
    (
        "said-that",
        "Ann Lee said that the pier would reopen in May.",
        "indirect",
        "Ann Lee",
        "said",
        "that the pier would reopen in May",
        "Ann Lee",
    ),
    (
        "said-no-that",
        "Tom Roe said the ferry fares were too high for families.",
        "indirect",
        "Tom Roe",
        "said",
        "the ferry fares were too high for families",
        "Tom Roe",
    ),
    (
        "content-first",
        "The new dock will cost twice as much as planned, Ann Lee said.",
        "indirect",
        "Ann Lee",
        "said",
        "The new dock will cost twice as much as planned",
        "Ann Lee",
    ),
    # --- a progressive cue with adverbs between 'be' and the participle: the group is the cue
    (
        "progressive-adverb",
        "Ann Lee is already claiming victory in the race for the harbor seat.",
        "indirect",
        "Ann Lee",
        "is already claiming",
        "victory in the race for the harbor seat",
        "Ann Lee",
    ),
    (
        "progressive-two-adverbs",
        "Tom Roe was also quietly urging the Harbor Board to delay the vote.",
        "indirect",
        "Tom Roe",
        "was also quietly urging",
        "the Harbor Board to delay the vote",
        "Tom Roe",
    ),
    (
        "progressive-point-to",
        "Ann Lee is pointing to a new survey of the harbor walls.",
        "indirect",
        "Ann Lee",
        "is pointing to",
        "a new survey of the harbor walls",
        "Ann Lee",
    ),
    # --- a speech participle after a document its subject put out: the cue starts at the verb
    (
        "document-alleging",
        "Tom Roe filed a lawsuit alleging that the Harbor Board broke the fishing rules.",
        "indirect",
        "Tom Roe",
        "filed a lawsuit alleging",
        "that the Harbor Board broke the fishing rules",
        "Tom Roe",
    ),
    (
        "document-claiming",
        "The Harbor Board issued a statement claiming that the pier was safe.",
        "indirect",
        "The Harbor Board",
        "issued a statement claiming",
        "that the pier was safe",
        None,
    ),
    # --- 'agree with': the one agreed with is the content, no clause needed
    (
        "agreed-with",
        "Most fishers in Bayview agreed with Ann Lee on the ferry fares.",
        "indirect",
        "Most fishers in Bayview",
        "agreed with",
        "Ann Lee on the ferry fares",
        None,
    ),
    (
        "inverted-apposition",
        "The ferry will not run on Sundays, said Rita Vance, a spokeswoman for the Harbor Board.",
        "indirect",
        "Rita Vance, a spokeswoman for the Harbor Board",
        "said",
        "The ferry will not run on Sundays",
        "Rita Vance",
    ),
    (
        "inverted-who-asked-anonymity",
        "The vote will be delayed, said a board member who asked not to be named.",
        "indirect",
        ("a board member who asked not to be named", "a board member"),
        "said",
        "The vote will be delayed",
        None,
    ),
    (
        "inverted-who-anonymity-condition",
        "Fares will rise in June, said a harbor official who spoke on condition of anonymity.",
        "indirect",
        ("a harbor official who spoke on condition of anonymity", "a harbor official"),
        "said",
        "Fares will rise in June",
        None,
    ),
    (
        "inverted-who-clause",
        "The pier is safe, said an engineer who inspected it last week.",
        "indirect",
        ("an engineer who inspected it last week", "an engineer"),
        "said",
        "The pier is safe",
        None,
    ),
    (
        "apposition-before-cue",
        "Ben Ames, the harbor master, said that two cranes had failed.",
        "indirect",
        "Ben Ames, the harbor master",
        "said",
        "that two cranes had failed",
        "Ben Ames",
    ),
    (
        "apposition-with-age",
        "Tom Roe, 54, a fisher from Eastport, said the catch was the worst in years.",
        "indirect",
        "Tom Roe, 54, a fisher from Eastport",
        "said",
        "the catch was the worst in years",
        "Tom Roe",
    ),
    (
        "who-clause-source",
        # annotators keep a 'who' clause in the source or leave it out
        "Tom Roe, who chairs the Harbor Board, said the fees would rise.",
        "indirect",
        ("Tom Roe, who chairs the Harbor Board", "Tom Roe"),
        "said",
        "the fees would rise",
        "Tom Roe",
    ),
    (
        "aside-between-source-and-cue",
        "Tom Roe, speaking at a rally in Bayview, said the toll would end.",
        "indirect",
        "Tom Roe",
        "said",
        "the toll would end",
        "Tom Roe",
    ),
    (
        "lower-role-before-name",
        "Fire chief Ben Ames said the blaze on the pier was out.",
        "indirect",
        "Fire chief Ben Ames",
        "said",
        "the blaze on the pier was out",
        "Ben Ames",
    ),
    (
        "title-before-name",
        "Mayor Carla Diaz said the beach would stay closed until June.",
        "indirect",
        "Mayor Carla Diaz",
        "said",
        "the beach would stay closed until June",
        "Carla Diaz",
    ),
    (
        "has-also-said",
        "Ann Lee has also said the harbor fees are too high.",
        "indirect",
        "Ann Lee",
        "has also said",
        "the harbor fees are too high",
        "Ann Lee",
    ),
    (
        "lead-phrase-before-source",
        "In an interview, Sam Okafor said the school roof leaked every winter.",
        "indirect",
        "Sam Okafor",
        "said",
        "the school roof leaked every winter",
        "Sam Okafor",
    ),
    (
        "relative-clause-inside",
        "Tom Roe said the pier, which opened in 1990, was no longer safe.",
        "indirect",
        "Tom Roe",
        "said",
        "the pier, which opened in 1990, was no longer safe",
        "Tom Roe",
    ),
    (
        "that-then-aside",
        "Ann Lee said that, if the vote fails, the pier will close.",
        "indirect",
        "Ann Lee",
        "said",
        "that, if the vote fails, the pier will close",
        "Ann Lee",
    ),
    (
        "says-he-believes",
        # the outer attribution; the belief inside it is its content
        "Tom Roe says he believes the ferry can still be saved.",
        "indirect",
        "Tom Roe",
        "says",
        "he believes the ferry can still be saved",
        "Tom Roe",
    ),
    (
        "that-and-that",
        "Ann Lee said that the pier was old and that it would close soon.",
        "indirect",
        "Ann Lee",
        "said",
        "that the pier was old and that it would close soon",
        "Ann Lee",
    ),
    (
        "as-noted",
        "As Ann Lee noted, the pier is older than the town.",
        "indirect",
        "Ann Lee",
        "noted",
        "the pier is older than the town",
        "Ann Lee",
    ),
    (
        "asked-about-then-said",
        "Asked about the toll, Ann Lee said it was fair.",
        "indirect",
        "Ann Lee",
        "said",
        "it was fair",
        "Ann Lee",
    ),
    # --- whole names: a nickname in marks, a generational suffix after a comma
    (
        "nickname-two-words",
        'Ann "Big Red" Lee said the pier was safe for the ferry.',
        "indirect",
        'Ann "Big Red" Lee',
        "said",
        "the pier was safe for the ferry",
        "Ann Lee",
    ),
    (
        "nickname-two-words-inverted",
        'The pier is safe for the ferry, said Ann "Big Red" Lee.',
        "indirect",
        'Ann "Big Red" Lee',
        "said",
        "The pier is safe for the ferry",
        "Ann Lee",
    ),
    (
        "suffix-comma",
        "Tom Roe, Jr., said the mill would close in May.",
        "indirect",
        "Tom Roe, Jr.",
        "said",
        "the mill would close in May",
        "Tom Roe Jr.",
    ),
    (
        "suffix-comma-content-first",
        "The mill will close in May, Tom Roe, Jr., said.",
        "indirect",
        "Tom Roe, Jr.",
        "said",
        "The mill will close in May",
        "Tom Roe Jr.",
    ),
    (
        "suffix-comma-apposition",
        "Tom Roe, Jr., a fisher, said the catch was poor this year.",
        "indirect",
        "Tom Roe, Jr., a fisher",
        "said",
        "the catch was poor this year",
        "Tom Roe Jr.",
    ),
    (
        "suffix-comma-apposition-inverted",
        "The catch was poor this year, said Tom Roe, Jr., a fisher.",
        "indirect",
        "Tom Roe, Jr., a fisher",
        "said",
        "The catch was poor this year",
        "Tom Roe Jr.",
    ),
    (
        "suffix-comma-according",
        "According to Tom Roe, Jr., the catch was poor this year.",
        "indirect",
        "Tom Roe, Jr.",
        "According to",
        "the catch was poor this year",
        "Tom Roe Jr.",
    ),
    # --- according to
    (
        "according-first",
        "According to Tom Roe, the harbor tunnel is safe for trucks.",
        "indirect",
        "Tom Roe",
        "according to",
        "the harbor tunnel is safe for trucks",
        "Tom Roe",
    ),
    (
        "according-last-org",
        "The tunnel will close for a month, according to the Harbor Board.",
        "indirect",
        "the Harbor Board",
        "according to",
        "The tunnel will close for a month",
        None,
    ),
    (
        "according-two-sentences",
        "According to the Harbor Board, the ferry will stop in June. Its crews will move to "
        "the north dock.",
        "indirect",
        "the Harbor Board",
        "according to",
        "the ferry will stop in June",
        None,
    ),
    # --- told
    (
        "told-reporters-that",
        "Ben Ames told reporters that the school would stay open.",
        "indirect",
        "Ben Ames",
        "told",
        "that the school would stay open",
        "Ben Ames",
    ),
    (
        "told-listener-no-that",
        "Carla Diaz told the Bayview Gazette the budget was short by $2 million.",
        "indirect",
        "Carla Diaz",
        "told",
        "the budget was short by $2 million",
        "Carla Diaz",
    ),
    (
        "told-long-listener",
        "Tom Roe told a crowd of 200 fishers in Eastport that the fees would fall.",
        "indirect",
        "Tom Roe",
        "told",
        "that the fees would fall",
        "Tom Roe",
    ),
    (
        "content-first-told",
        "The vote will be held in March, Tom Roe told the council.",
        "indirect",
        "Tom Roe",
        "told",
        "The vote will be held in March",
        "Tom Roe",
    ),
    # --- belief and stance verbs
    (
        "believes",
        "Tom Roe believes the old bridge can still be saved.",
        "indirect",
        "Tom Roe",
        "believes",
        "the old bridge can still be saved",
        "Tom Roe",
    ),
    (
        "argued",
        "Ann Lee argued that the toll hurt small shops on Main Street.",
        "indirect",
        "Ann Lee",
        "argued",
        "that the toll hurt small shops on Main Street",
        "Ann Lee",
    ),
    (
        "warned",
        "Harbor Board members warned that fees could double next year.",
        "indirect",
        "Harbor Board members",
        "warned",
        "that fees could double next year",
        None,
    ),
    (
        "denied",
        "Sam Okafor denied that he had seen the audit before the vote.",
        "indirect",
        "Sam Okafor",
        "denied",
        "that he had seen the audit before the vote",
        "Sam Okafor",
    ),
    (
        "announced-org",
        "The Harbor Board announced that it would hire a new director.",
        "indirect",
        "The Harbor Board",
        "announced",
        "that it would hire a new director",
        None,
    ),
    (
        "wrote-after-lead",
        "In a letter to parents, Jo Park wrote that classes would start an hour late.",
        "indirect",
        "Jo Park",
        "wrote",
        "that classes would start an hour late",
        "Jo Park",
    ),
    (
        "tweeted-title",
        "Mayor Ann Lee tweeted that the beach was open again.",
        "indirect",
        "Mayor Ann Lee",
        "tweeted",
        "that the beach was open again",
        "Ann Lee",
    ),
    (
        "insisted",
        "Tom Roe insisted the vote had been fair.",
        "indirect",
        "Tom Roe",
        "insisted",
        "the vote had been fair",
        "Tom Roe",
    ),
    (
        "acknowledged",
        "Rita Vance acknowledged that the ferry plan had flaws.",
        "indirect",
        "Rita Vance",
        "acknowledged",
        "that the ferry plan had flaws",
        "Rita Vance",
    ),
    (
        "predicted",
        "Ben Ames predicted that turnout would top 60 percent in Bayview.",
        "indirect",
        "Ben Ames",
        "predicted",
        "that turnout would top 60 percent in Bayview",
        "Ben Ames",
    ),
    (
        "estimated-org",
        "The Harbor Board estimated that repairs would cost $4 million.",
        "indirect",
        "The Harbor Board",
        "estimated",
        "that repairs would cost $4 million",
        None,
    ),
    (
        "noted",
        "Carla Diaz noted that the library had not raised its fees since 2010.",
        "indirect",
        "Carla Diaz",
        "noted",
        "that the library had not raised its fees since 2010",
        "Carla Diaz",
    ),
    (
        "report-said",
        "The Bayview Port report said the docks needed new cranes.",
        "indirect",
        "The Bayview Port report",
        "said",
        "the docks needed new cranes",
        None,
    ),
    (
        "report-found",
        "A Harbor Board report found that the docks were losing money.",
        "indirect",
        "A Harbor Board report",
        "found",
        "that the docks were losing money",
        None,
    ),
    # --- unnamed and collective sources
    (
        "officials-said",
        "The pier will reopen on Friday, officials said.",
        "indirect",
        "officials",
        "said",
        "The pier will reopen on Friday",
        None,
    ),
    (
        "officials-in-place-say",
        "Officials in Eastport say the tap water is safe to drink.",
        "indirect",
        "Officials in Eastport",
        "say",
        "the tap water is safe to drink",
        None,
    ),
    (
        "people-familiar",
        "The mayor plans to resign, two people familiar with the talks said.",
        "indirect",
        "two people familiar with the talks",
        "said",
        "The mayor plans to resign",
        None,
    ),
    (
        "owner-spokeswoman",
        # a description, as the people benchmark reads it (people_polnear.gold_name); note that
        # it reads 'a spokeswoman for Tom Roe' as naming Tom Roe, and newslib does too
        "Tom Roe's spokeswoman said the mayor was ill.",
        "indirect",
        "Tom Roe's spokeswoman",
        "said",
        "the mayor was ill",
        None,
    ),
    (
        "place-police",
        "Bayview police said the coast road was closed.",
        "indirect",
        "Bayview police",
        "said",
        "the coast road was closed",
        None,
    ),
    (
        "name-before-supporters",
        "Tom Roe supporters said the count was fair.",
        "indirect",
        "Tom Roe supporters",
        "said",
        "the count was fair",
        None,
    ),
    (
        "place-before-role",
        "Bayview officials said the ferry would run on Sundays.",
        "indirect",
        "Bayview officials",
        "said",
        "the ferry would run on Sundays",
        None,
    ),
    (
        "company-reports-show",
        "Acme Freight reports show that shipments fell in May.",
        "indirect",
        "Acme Freight reports",
        "show",
        "that shipments fell in May",
        "Acme Freight",
    ),
    (
        "has-learned",
        "The Bayview Gazette has learned that the mayor will not seek a second term.",
        "indirect",
        "The Bayview Gazette",
        "has learned",
        "that the mayor will not seek a second term",
        None,
    ),
    (
        "records-show",
        "Harbor records show that the dock lost money for six years.",
        "indirect",
        "Harbor records",
        "show",
        "that the dock lost money for six years",
        None,
    ),
    (
        "reports-show-weather",
        # PolNeAR marks "records show" / "the reports show" as attributions, so a report
        # showing something is one too, even a weather report.
        "Weather reports show heavy rain for Bayview on Friday.",
        "indirect",
        "Weather reports",
        "show",
        "heavy rain for Bayview on Friday",
        None,
    ),
    # --- nouns of speech
    (
        "claim-noun",
        "Tom Roe's claim that the vote was rigged drew wide scorn.",
        "indirect",
        "Tom Roe",
        ("claim", "'s claim"),
        "that the vote was rigged",
        "Tom Roe",
    ),
    (
        "her-claim",
        "Ann Lee spoke first. Her claim that the fund was empty surprised the board.",
        "indirect",
        "Her",
        "claim",
        "that the fund was empty",
        "Ann Lee",
    ),
    (
        "noun-cue-adjective",
        # an adjective between the owner and the noun is inside the cue ('his stern warning')
        "Ann Lee spoke first. The board debated her recent call to close the old ferry dock.",
        "indirect",
        "her",
        "recent call",
        "to close the old ferry dock",
        "Ann Lee",
    ),
    (
        "noun-cue-adjective-name",
        "Fishers in Bayview cheered Ann Lee's bold pledge to rebuild the north pier.",
        "indirect",
        ("Ann Lee's", "Ann Lee"),
        "bold pledge",
        "to rebuild the north pier",
        "Ann Lee",
    ),
    # --- interrupted, stacked, two sentences, pronouns
    (
        "interrupted-second-piece",
        "The new ferry, Ann Lee said, will run every hour in summer.",
        "indirect",
        "Ann Lee",
        "said",
        "will run every hour in summer",
        "Ann Lee",
    ),
    (
        "interrupted-first-piece",
        "The new ferry, Ann Lee said, will run every hour in summer.",
        "indirect",
        "Ann Lee",
        "said",
        "The new ferry",
        "Ann Lee",
    ),
    (
        "two-in-one-first",
        "Ann Lee said the toll was fair, but Tom Roe said it would drive shoppers away.",
        "indirect",
        "Ann Lee",
        "said",
        "the toll was fair",
        "Ann Lee",
    ),
    (
        "two-in-one-second",
        "Ann Lee said the toll was fair, but Tom Roe said it would drive shoppers away.",
        "indirect",
        "Tom Roe",
        "said",
        "it would drive shoppers away",
        "Tom Roe",
    ),
    (
        "said-adding",
        "Tom Roe said the dock was safe, adding that repairs would begin soon.",
        "indirect",
        "Tom Roe",
        "adding",
        "that repairs would begin soon",
        "Tom Roe",
    ),
    (
        "called-then-said",
        'Tom Roe called the toll "a disgrace" and said it must end by June.',
        "indirect",
        "Tom Roe",
        "said",
        "it must end by June",
        "Tom Roe",
    ),
    (
        "quotation-then-she-added",
        '"We are done," Ann Lee said. She added that the pier would close in May.',
        "indirect",
        "She",
        "added",
        "that the pier would close in May",
        "Ann Lee",
    ),
    (
        "pronoun-she-said",
        "Ann Lee spoke at the pier on Monday.\n\nShe said the fish market would move to the "
        "north dock.",
        "indirect",
        "She",
        "said",
        "the fish market would move to the north dock",
        "Ann Lee",
    ),
    (
        "pronoun-inverted",
        "Tom Roe runs the bakery on Main Street. Sales fell by half last winter, he said.",
        "indirect",
        "he",
        "said",
        "Sales fell by half last winter",
        "Tom Roe",
    ),
    (
        "pronoun-two-people",
        "Ann Lee met Tom Roe at the pier. Later, he said the deal was off.",
        "indirect",
        "he",
        "said",
        "the deal was off",
        "Tom Roe",
    ),
    (
        "pronoun-two-people-titles",
        "Ms. Ann Lee met Mr. Tom Roe at the pier. Later, he said the deal was off.",
        "indirect",
        "he",
        "said",
        "the deal was off",
        "Tom Roe",
    ),
    # a full name no test reads as a person's (the object of 'met', a subject before 'is') is
    # the pronoun's person when no one named before fits it, its first name fits and it comes
    # after the last person named (at any distance)
    (
        "pronoun-object-she",
        "Tom Roe met Ann Lee at the pier. Later, she said the deal was off.",
        "indirect",
        "she",
        "said",
        "the deal was off",
        "Ann Lee",
    ),
    (
        "pronoun-subject-is",
        "Tom Roe is a baker in Bayview. Later, he said the oven was broken.",
        "indirect",
        "he",
        "said",
        "the oven was broken",
        "Tom Roe",
    ),
    (
        "pronoun-subject-fits-first",
        "Ann Lee met Rita Vance at the pier. Later, she said the deal was off.",
        "indirect",
        "she",
        "said",
        "the deal was off",
        "Ann Lee",
    ),
    (
        "pronoun-object-nickname",
        'Ann Lee met Tom "Tiny" Roe at the pier. Later, he said the deal was off.',
        "indirect",
        "he",
        "said",
        "the deal was off",
        "Tom Roe",
    ),
    (
        "pronoun-object-no-organisation",
        "Ann Lee met the Harbor Board at the pier. Later, he said the deal was off.",
        "indirect",
        "he",
        "said",
        "the deal was off",
        None,
    ),
    (
        # far from the pronoun, but the only man named since the last person: still him
        "pronoun-object-far",
        "Ann Lee met Tom Roe at the pier."
        + " The harbor was quiet that morning, and the boats sat still in the gray water." * 8
        + " Later, he said the deal was off.",
        "indirect",
        "he",
        "said",
        "the deal was off",
        "Tom Roe",
    ),
    (
        "pronoun-she-added",
        "Ann Lee runs the ferry line.\n\nThe fares will rise in July, she added.",
        "indirect",
        "she",
        "added",
        "The fares will rise in July",
        "Ann Lee",
    ),
    (
        "surname-later",
        "Rita Vance runs the ferry line. Vance said the boats were full every weekend.",
        "indirect",
        "Vance",
        "said",
        "the boats were full every weekend",
        "Rita Vance",
    ),
    # --- passives, questions, negations, modals
    (
        "quoted-as-saying-no-that",
        "Ann Lee was later quoted as saying the ferry would stop in June.",
        "indirect",
        "Ann Lee",
        "was later quoted as saying",
        "the ferry would stop in June",
        "Ann Lee",
    ),
    (
        "quoted-as-saying",
        "Tom Roe was quoted as saying that the harbor plan was dead.",
        "indirect",
        "Tom Roe",
        "was quoted as saying",
        "that the harbor plan was dead",
        "Tom Roe",
    ),
    (
        "passive-was-assured",
        "The Harbor Board was assured that the loan would be repaid.",
        "indirect",
        None,
        "was assured",
        "that the loan would be repaid",
        None,
    ),
    (
        "passive-were-told",
        "Residents were told that the water was safe to drink.",
        "indirect",
        None,
        "were told",
        "that the water was safe to drink",
        None,
    ),
    (
        "asked-whether",
        "Ann Lee asked whether the toll would ever end.",
        "indirect",
        "Ann Lee",
        "asked",
        "whether the toll would ever end",
        "Ann Lee",
    ),
    (
        "asked-listener-whether",
        "Tom Roe asked the mayor whether the pier was safe.",
        "indirect",
        "Tom Roe",
        "asked",
        "whether the pier was safe",
        "Tom Roe",
    ),
    (
        "did-not-say",
        "Ann Lee did not say whether she would run again.",
        "indirect",
        "Ann Lee",
        "did not say",
        "whether she would run again",
        "Ann Lee",
    ),
    (
        "would-not-say",
        "Tom Roe would not say how much the harbor plan would cost.",
        "indirect",
        "Tom Roe",
        "would not say",
        "how much the harbor plan would cost",
        "Tom Roe",
    ),
    (
        "declined-to-say",
        # annotators put "to say" in the cue or in the content
        "Rita Vance declined to say when the dock would reopen.",
        "indirect",
        "Rita Vance",
        ("declined to say", "declined"),
        Words(None, "when the dock would", "reopen"),
        "Rita Vance",
    ),
    (
        # a negated infinitive: 'not' opens the content (a verb of [infinitive_cues] takes it
        # too, not only a stance verb)
        "decided-not-to",
        "Tom Roe decided not to run for the harbor seat again.",
        "indirect",
        "Tom Roe",
        "decided",
        "not to run for the harbor seat again",
        "Tom Roe",
    ),
    (
        "vowed-not-to",
        "Ann Lee vowed not to raise the ferry fares this year.",
        "indirect",
        "Ann Lee",
        "vowed",
        "not to raise the ferry fares this year",
        "Ann Lee",
    ),
    (
        # 'reported' and a gerund object after any subject, a relative or one with an aside
        "reported-gerund-which",
        "The Harbor Fund, which reported spending $1 million on ads, left the race.",
        "indirect",
        "which",
        "reported",
        "spending $1 million on ads",
        None,
    ),
    (
        "reported-gerund-aside",
        "Three harbor groups, including the Bayview Club, reported spending $500,000 on the levy.",
        "indirect",
        "Three harbor groups, including the Bayview Club",
        "reported",
        "spending $500,000 on the levy",
        None,
    ),
    (
        # 'considered' / 'declared' in the passive join the subject to a complement: the
        # writer's report with no source, one row for the subject and one for the complement
        "declared-winner",
        "Ann Lee was declared the winner in Bayview on Tuesday night.",
        "indirect",
        None,
        "was declared",
        "the winner in Bayview on Tuesday night",
        None,
    ),
    (
        "declared-subject",
        "Ann Lee was declared the winner in Bayview on Tuesday night.",
        "indirect",
        None,
        "was declared",
        "Ann Lee",
        None,
    ),
    (
        "considered-asset",
        "The new ferry dock has long been considered an asset for the town.",
        "indirect",
        None,
        "has long been considered",
        "an asset for the town",
        None,
    ),
    (
        "announced-winner",
        "The crowd cheered as Ann Lee was announced the winner of the harbor seat.",
        "indirect",
        None,
        "was announced",
        "the winner of the harbor seat",
        None,
    ),
    (
        # the complement ends before an agent's 'by'
        "considered-by",
        "Gulls are considered pests by many dock owners in Bayview.",
        "indirect",
        None,
        "are considered",
        "pests",
        None,
    ),
    (
        # after a subordinator the complement ends at the clause's comma and the main clause
        # keeps its own attribution
        "declared-after",
        "Shortly after Ann Lee was declared the winner, Tom Roe told reporters that he would "
        "run again.",
        "indirect",
        "Tom Roe",
        "told",
        "that he would run again",
        "Tom Roe",
    ),
    (
        "declared-after-complement",
        "Shortly after Ann Lee was declared the winner, Tom Roe told reporters that he would "
        "run again.",
        "indirect",
        None,
        "was declared",
        "the winner",
        None,
    ),
    (
        # a body's stance verb in -s right after it is its verb, not a compound noun
        "board-recommends",
        "The harbor panel recommends modest changes to the ferry schedule.",
        "indirect",
        "The harbor panel",
        "recommends",
        "modest changes to the ferry schedule",
        None,
    ),
    # --- time phrases and manner
    (
        "said-on-monday-that",
        "Ann Lee said on Monday that the school would close early.",
        "indirect",
        "Ann Lee",
        ("said", "said on Monday"),
        "that the school would close early",
        "Ann Lee",
    ),
    (
        "said-tuesday",
        "Tom Roe said Tuesday the pier was unsafe.",
        "indirect",
        "Tom Roe",
        ("said", "said Tuesday"),
        "the pier was unsafe",
        "Tom Roe",
    ),
    (
        "day-before-verb",
        "Ann Lee on Monday said the pier would close for repairs.",
        "indirect",
        "Ann Lee",
        ("said", "on Monday said"),
        "the pier would close for repairs",
        "Ann Lee",
    ),
    (
        "said-in-a-statement",
        "The Harbor Board said in a statement that the fees would rise in July.",
        "indirect",
        "The Harbor Board",
        ("said", "said in a statement"),
        "that the fees would rise in July",
        None,
    ),
    # --- a common word opening the sentence before a document's noun names no author; a
    # surname or an owner there does
    (
        "opener-opinion-polls",
        "Opinion polls show the mayor is losing support in Bayview.",
        "indirect",
        "Opinion polls",
        "show",
        "the mayor is losing support in Bayview",
        None,
    ),
    (
        "opener-weekly-data",
        "Weekly data show the tide is rising in Bayview.",
        "indirect",
        "Weekly data",
        "show",
        "the tide is rising in Bayview",
        None,
    ),
    (
        "opener-opinion-surveys",
        "Opinion surveys say the toll is unpopular.",
        "indirect",
        "Opinion surveys",
        "say",
        "the toll is unpopular",
        None,
    ),
    (
        "author-surname-data",
        "Vance data show the pier is unsafe.",
        "indirect",
        "Vance data",
        "show",
        "the pier is unsafe",
        "Vance",
    ),
    (
        "author-owner-report",
        "Roe's report says the pier is unsafe.",
        "indirect",
        "Roe's report",
        "says",
        "the pier is unsafe",
        "Roe",
    ),
    # --- mixed: a quoted fragment inside reported speech
    (
        "partial-inside-said",
        'Ann Lee said the toll was "a tax on the poor" and should end.',
        "partial",
        "Ann Lee",
        "said",
        "a tax on the poor",
        "Ann Lee",
    ),
    (
        "partial-host-content",
        'Ann Lee said the toll was "a tax on the poor" and should end.',
        "indirect",
        "Ann Lee",
        "said",
        'the toll was "a tax on the poor" and should end',
        "Ann Lee",
    ),
    (
        "partial-argued-that",
        'Tom Roe argued that the plan was "dead on arrival" in the council.',
        "partial",
        "Tom Roe",
        "argued",
        "dead on arrival",
        "Tom Roe",
    ),
    (
        "partial-interrupted",
        'The harbor fees, Tom Roe said, were "far too steep" for small boats.',
        "partial",
        "Tom Roe",
        "said",
        "far too steep",
        "Tom Roe",
    ),
    (
        "partial-pronoun",
        'Ann Lee runs the ferry line.\n\nShe said the boat was "older than the town itself."',
        "partial",
        "She",
        "said",
        "older than the town itself",
        "Ann Lee",
    ),
    (
        "partial-warned",
        'Ben Ames warned that the bridge was "one storm away" from closing.',
        "partial",
        "Ben Ames",
        "warned",
        "one storm away",
        "Ben Ames",
    ),
    # --- a work named by its title: the title is the content, "titled" the cue, no source
    (
        "titled-quoted",
        'The Harbor Board released a short film titled "Tides of Bayview," which opens Friday.',
        "indirect",
        None,
        "titled",
        "Tides of Bayview",
        None,
    ),
    (
        "is-titled-bare",
        "The new guide to the pier is titled Harbor Days in Bayview and comes out in June.",
        "indirect",
        None,
        "is titled",
        "Harbor Days in Bayview",
        None,
    ),
    (
        "entitled-comma",
        "The ad, entitled, \u201cA Bridge Too Far,\u201d ran twice on Bayview radio.",
        "indirect",
        None,
        "entitled",
        "A Bridge Too Far",
        None,
    ),
]

# Look-alikes that are no speech: (id, text); each must give no attributed speech at all.
NO_SPEECH = [
    ("no-said-adjective", "The said property was sold to the Harbor Board in 1998."),
    ("no-all-told", "All told, the storm cost Bayview $3 million in repairs."),
    ("no-needless-to-say", "Needless to say, the pier stayed closed all winter."),
    ("no-according-to-plan", "The dredging went according to plan, and the channel opened in May."),
    ("no-according-to-schedule", "Nothing at the Bayview pier ran according to schedule."),
    ("no-insurance-claims", "Insurance claims rose sharply after the flood in Bayview."),
    ("no-jobless-claims", "Jobless claims in Bayview County fell for a third week."),
    ("no-claims-were", "Flood claims in Bayview were paid within a month."),
    ("no-reports-to", "The harbor master reports to the Harbor Board every spring."),
    ("no-reports-noun", "The Gazette's reports on the harbor won a state award."),
    ("no-said-first-name", "Said Amar, a fisher from Bayview, sold his boat in May."),
    ("no-titled-family", "The titled families of Bayview sold the old estate in 1950."),
    ("no-titled-lowercase", "The harbor report was titled in haste by a clerk in Bayview."),
    ("no-reported-during", "Two leaks at the Bayview dock were reported during the storm."),
    ("no-will-be-considered", "The harbor plan will be considered by the board next week."),
    ("no-modal-considered", "The new pier will also be considered a landmark next year."),
    ("no-announced-time", "The new ferry schedule was announced on Monday morning."),
    ("no-roof-supports", "The old roof supports at the Bayview pier were replaced in May."),
    # 'to see' of seeing, not of a view
    ("no-lined-up-to-see", "Crowds lined up for hours to see Ann Lee speak at the pier."),
    ("no-went-to-see", "Tom Roe went to see the new ferry in Bayview last week."),
    ("no-tuned-in-to-see", "Two million people tuned in to see the Harbor Board vote."),
]
CASES += [(case_id, text, None, None, None, None, None) for case_id, text in NO_SPEECH]

CASES += [
    # a wish before 'to see' keeps the stance
    (
        "would-like-to-see",
        "Ann Lee would like to see a recount in Bayview.",
        "indirect",
        "Ann Lee",
        ("would like to see", "like to see", "see"),
        "a recount in Bayview",
        "Ann Lee",
    ),
]

# A lead that only says where or when, before a cue and a quotation that opens a sentence:
# (id, text, the lead). The lead is in no speech row; the quotation is the speaker's.
SCENE_LEADS = [
    (
        "scene-in-interview",
        'In an interview with the Harbor News on Monday, Ann Lee said, "We lost two boats."',
        "In an interview with the Harbor News on Monday",
    ),
    (
        "scene-in-statement",
        "In a statement Thursday, Tom Roe said, “The board has always opposed the levy.”",
        "In a statement Thursday",
    ),
    (
        "scene-at-rally",
        "At a rally for the ferry plan in Bayview, Ann Lee said, “Nobody here wants a toll.”",
        "At a rally for the ferry plan in Bayview",
    ),
    (
        "scene-during-debate",
        "During a debate at the Harbor Board last week, Tom Roe said, 'The pier is safe.'",
        "During a debate at the Harbor Board last week",
    ),
]
CASES += [
    # the lead is the content's own subject when the quotation goes on with the sentence
    (
        "lead-subject-before-quoted-predicate",
        'The new toll plan, Ann Lee said, "is a disaster for the harbor."',
        "indirect",
        "Ann Lee",
        "said",
        "The new toll plan",
        "Ann Lee",
    ),
]

CASES += [
    # a stance object ends before the subject's next verb after 'and' (not itself a cue)
    (
        "object-before-and-next-verb",
        "Tom Roe opposed the ferry levy and then left the meeting early.",
        "indirect",
        "Tom Roe",
        "opposed",
        "the ferry levy",
        "Tom Roe",
    ),
    (
        "object-before-and-auxiliary",
        "Ann Lee has not endorsed Tom Roe and was absent from his rally on Friday.",
        "indirect",
        "Ann Lee",
        "has not endorsed",
        "Tom Roe",
        "Ann Lee",
    ),
]

# Misfires not fixed (this file changes no rule code): case id -> what goes wrong and where a
# fix would go.
_AND_NEXT_VERB = (
    "a stance verb's object runs on over 'and' and the subject's next verb when that verb is no "
    "cue (clause_ends._object_span). Tried (session 33): end the object before 'and' + adverbs + "
    "an auxiliary, a past form or an -ed verb with an object after it, unless a relative or "
    "'how' / 'whether' opens a clause inside the object. PolNeAR dev: 25 predictions changed, "
    "exact content +13 / -0 (the gold ends at the cut in all 25, but 12 of the tails hold another "
    "gold content under a verb no list has: 'celebrated the ruling', 'made comments about'); "
    "dev/unseen/all exact content +0.00062/+0.00024/+0.00055, but attributed-share MAE "
    "0.05621 -> 0.05646 (dev), 0.06398 -> 0.06444 (unseen), and dev exact source/cue -0.0001/"
    "-0.0002: dropped (predicted shares run low)"
)
_NOUN_CLAUSE_END = (
    "the 'that' clause after a speech noun runs on over the sentence's own verb ('... was "
    "rigged drew wide scorn'): nouns._phrase_end stops only at punctuation. A cut before a "
    "second finite verb that follows the clause's own with no joining word was measured "
    "(session 28) and dropped: it made these cases pass and dev token and exact content F1 "
    "+0.0001, but the dev attributed-share MAE worsened (0.0579 -> 0.0580) and unseen exact "
    "content fell 0.0002. Session 29 tried a cut only when the noun phrase opens the sentence "
    "(its subject), before the next verb after the clause's own: dev exact content +0.00006 "
    "to +0.00012, unseen unchanged, but dev attributed-share MAE 0.057917 -> 0.057934 (and "
    "-> 0.057942 with 'drew' as a verb); dropped"
)
_SCENE_LEAD = (
    "a lead before ', Lee said, \"Quotation' is read as a content of its own "
    "(content_first._content_first, the 'more' branch). Tried (session 32): a lead opening with "
    "in/at/during/on/while before a quotation that opens a sentence is no content. PolNeAR "
    "dev/unseen/all exact content +0.00038/+0.00043/+0.00039, content token F1 "
    "+0.00017/+0.00024/+0.00019, dev attributed-share MAE -0.00005, but unseen attributed-share "
    "MAE 0.06398 -> 0.06420 (predicted shares run low: on dev 70% of the articles are "
    "under-predicted, mean -0.033, so removing false content mostly raises the MAE): dropped"
)
_SIGHT = (
    "the stance verb 'see' after 'to' reads seeing as a view (cue_first._cue_first). Tried "
    "(session 32): no stance after 'to' unless a wish comes before it ('would like to see') or a "
    "clause follows ('hard to see how'). PolNeAR dev/unseen/all exact cue "
    "+0.00036/+0.00020/+0.00033, exact source +0.00023/+0.00012/+0.00021, exact content "
    "+0.00019/+0.00015/+0.00019, but attributed-share MAE dev +0.00009, unseen +0.00025: dropped"
)
XFAIL: dict[str, str] = {
    "object-before-and-next-verb": _AND_NEXT_VERB,
    "object-before-and-auxiliary": _AND_NEXT_VERB,
    "claim-noun": _NOUN_CLAUSE_END,
    "her-claim": _NOUN_CLAUSE_END,
    "no-lined-up-to-see": _SIGHT,
    "no-went-to-see": _SIGHT,
    "no-tuned-in-to-see": _SIGHT,
    "scene-in-interview": _SCENE_LEAD,
    "scene-in-statement": _SCENE_LEAD,
    "scene-at-rally": _SCENE_LEAD,
}

_EDGE = " \t\n,.;:!?\"'“”‘’()"


def _norm(span: str | None) -> str | None:
    return None if span is None else span.strip(_EDGE)


def _rows(text: str) -> pd.DataFrame:
    return quotes(pd.DataFrame({"article_id": ["a"], "text": [text]}))


def _span(text: str, row, name: str) -> str | None:
    start, end = row[f"{name}_start"], row[f"{name}_end"]
    return None if pd.isna(start) else text[int(start) : int(end)]


def _table(text: str, q: pd.DataFrame) -> str:
    lines = []
    for _, r in q.iterrows():
        lines.append(
            f"  {r['kind']:<8} source={_span(text, r, 'speaker')!r} cue={_span(text, r, 'cue')!r}"
            f" speaker={None if pd.isna(r['speaker']) else r['speaker']!r}"
            f" content={text[int(r['start']) : int(r['end'])]!r}"
        )
    return "\n".join(lines) or "  (no rows)"


def _anchor(text: str, content) -> tuple[int, int]:
    phrase = content.inside if isinstance(content, Words) else content
    at = text.find(phrase)
    assert at >= 0, f"the case is wrong: {phrase!r} is not in its text"
    return at, at + len(phrase)


def _content_problem(got: str, content) -> str | None:
    if isinstance(content, Words):
        words = re.findall(r"\w[\w'’$.-]*\w|\w", got)
        if content.inside not in got:
            return f"content {got!r} does not hold {content.inside!r}"
        if content.first is not None and (not words or words[0] != content.first):
            return f"content {got!r} does not start with {content.first!r}"
        if not words or words[-1] != content.last:
            return f"content {got!r} does not end with {content.last!r}"
        return None
    if _norm(got) != _norm(content):
        return f"content {got!r}, expected {content!r}"
    return None


def check_attribution(text, kind, source, cue, content, speaker) -> None:
    """Fail unless ``text`` has the expected attribution (or none when ``kind`` is None),
    listing every mismatch and the rows found."""
    q = _rows(text)
    speech = q[q["kind"] != "scare"]
    if kind is None:
        if not speech.empty:
            pytest.fail(f"expected no attributed speech in {text!r}, got:\n{_table(text, q)}")
        return
    lo, hi = _anchor(text, content)
    same = speech[speech["kind"] == kind]
    overlap = (same["end"].clip(upper=hi) - same["start"].clip(lower=lo)).astype(int)
    if not (overlap > 0).any():
        pytest.fail(f"no {kind} row overlaps {text[lo:hi]!r} in {text!r}; rows:\n{_table(text, q)}")
    row = same.loc[overlap.idxmax()]
    problems = []
    got_content = text[int(row["start"]) : int(row["end"])]
    if (p := _content_problem(got_content, content)) is not None:
        problems.append(p)
    got_source = _span(text, row, "speaker")
    sources = source if isinstance(source, tuple) else (source,)
    if _norm(got_source) not in {_norm(s) for s in sources}:
        problems.append(f"source {got_source!r}, expected {' or '.join(map(repr, sources))}")
    got_cue = _span(text, row, "cue")
    cues = cue if isinstance(cue, tuple) else (cue,)
    if got_cue is None or _norm(got_cue).lower() not in {_norm(c).lower() for c in cues}:
        problems.append(f"cue {got_cue!r}, expected {' or '.join(map(repr, cues))}")
    got_speaker = None if pd.isna(row["speaker"]) else row["speaker"]
    if got_speaker != speaker:
        problems.append(f"speaker {got_speaker!r}, expected {speaker!r}")
    if problems:
        pytest.fail(f"{text!r}:\n  " + "\n  ".join(problems) + f"\nall rows:\n{_table(text, q)}")


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=XFAIL[case[0]])] if case[0] in XFAIL else []
        yield pytest.param(*case[1:], id=case[0], marks=marks)


@pytest.mark.parametrize(("text", "kind", "source", "cue", "content", "speaker"), list(_params()))
def test_reported_probe(text, kind, source, cue, content, speaker):
    check_attribution(text, kind, source, cue, content, speaker)


def _scene_params():
    for case in SCENE_LEADS:
        marks = [pytest.mark.xfail(strict=True, reason=XFAIL[case[0]])] if case[0] in XFAIL else []
        yield pytest.param(*case[1:], id=case[0], marks=marks)


@pytest.mark.parametrize(("text", "lead"), list(_scene_params()))
def test_scene_lead_before_a_quotation_is_no_content(text, lead):
    q = _rows(text)
    speech = q[q["kind"] != "scare"]
    lo, hi = _anchor(text, lead)
    inside = speech[(speech["start"] < hi) & (speech["end"] > lo)]
    assert inside.empty, f"the lead is read as content:\n{_table(text, q)}"
    direct = speech[speech["kind"] == "direct"]
    assert len(direct) == 1 and not pd.isna(direct["speaker"].iloc[0]), _table(text, q)
    assert text[int(direct["speaker_start"].iloc[0]) : int(direct["speaker_end"].iloc[0])] in (
        "Ann Lee",
        "Tom Roe",
    )


def test_probe_ids_are_unique_and_xfails_name_cases():
    ids = [case[0] for case in CASES] + [case[0] for case in SCENE_LEADS]
    assert len(ids) == len(set(ids))
    assert set(XFAIL) <= set(ids)


def test_the_checker_reports_a_wrong_expectation():
    with pytest.raises(pytest.fail.Exception, match="expected 'Tom Roe'"):
        check_attribution(
            "Ann Lee said that the pier would reopen in May.",
            "indirect",
            "Tom Roe",
            "said",
            "that the pier would reopen in May",
            "Ann Lee",
        )
