"""A small multi-article fixture corpus for notebook and report tests.

``write_fixture_corpus(folder)`` writes Markdown articles with YAML front matter: three sources,
four months (January to April 2024), quotations with named speakers, one article without any
quotation, one without a date, and one whose title and text carry HTML (``<script>`` included)
so tests can check that untrusted article text is shown as text, never run. All texts are
invented for these tests.
"""

from __future__ import annotations

from pathlib import Path

#: The literal the escaping tests look for: it is in the title and in the text of one article.
SCRIPT_SNIPPET = "<script>alert('x')</script>"

SOURCES = ("Harbour Gazette", "Valley Courier", "Metro Ledger")

# (file stem, source, date or None, title, paragraphs)
_ARTICLES: list[tuple[str, str, str | None, str, list[str]]] = [
    (
        "gazette-ferry",
        "Harbour Gazette",
        "2024-01-08",
        "New ferry line wins praise from commuters",
        [
            "The new ferry line between the old pier and the university opened on Monday, "
            "and commuters were delighted with the short, calm crossing.",
            '"This is the best thing the city has done for us in years," said Maria Lopez, '
            "a nurse who crosses the bay every morning.",
            "Harbour director Sam Osei said the boats had run on time all day. "
            '"We are proud of the crew and grateful for the patience of our passengers," '
            "Osei said.",
        ],
    ),
    (
        "gazette-storm",
        "Harbour Gazette",
        "2024-01-22",
        "Storm damages sea wall and floods harbour shops",
        [
            "A violent storm tore through the harbour overnight, wrecking part of the sea wall "
            "and flooding a dozen shops.",
            '"We lost everything, the stock, the fridges, the floor," said shop owner '
            'Peter Hale. "It is a disaster and nobody warned us."',
            "Emergency crews pumped water out of the market hall until dawn. Officials warned "
            "that repairs could take months.",
        ],
    ),
    (
        "gazette-budget",
        "Harbour Gazette",
        "2024-02-12",
        "Council approves harbour budget after long debate",
        [
            "After a debate that lasted past midnight, the council approved next year's harbour "
            "budget by seven votes to four.",
            'Mayor Ana Ruiz said: "The plan protects jobs and repairs the sea wall before the '
            'next winter."',
            'Council member Tom Becker voted against it. "The numbers do not add up, and the '
            'residents will pay for this mistake," Becker said.',
            "The budget includes funds for new lighting on the pier.",
        ],
    ),
    (
        "gazette-festival",
        "Harbour Gazette",
        "2024-03-18",
        "Harbour festival draws record crowds",
        [
            "Thousands of visitors filled the quay for the spring festival, enjoying music, "
            "food stalls and a colourful parade of boats.",
            '"It was wonderful to see so many happy families," said organiser Lena Park.',
            "Local traders reported their best weekend since the festival began.",
        ],
    ),
    (
        "gazette-tide",
        "Harbour Gazette",
        "2024-04-02",
        "Tide tables for April published",
        [
            "The harbour office published the tide tables for April on Tuesday.",
            "High water falls in the early morning for most of the month. The tables are "
            "posted at the harbour office and at the library.",
        ],
    ),
    (
        "courier-school",
        "Valley Courier",
        "2024-01-15",
        "Valley school opens a new science wing",
        [
            "Pupils at the valley school moved into a bright new science wing this week, "
            "after two years of building work.",
            '"Our students finally have the laboratories they deserve," head teacher '
            "Grace Mensah said.",
            "The wing has four laboratories and a small observatory on the roof.",
        ],
    ),
    (
        "courier-bridge",
        "Valley Courier",
        "2024-02-05",
        "Bridge closure angers farmers",
        [
            "The sudden closure of the old river bridge has forced farmers into a long detour, "
            "and many are angry about the lost time and money.",
            '"It is a terrible decision, made without asking any of us," said farmer '
            'Jonas Weber. "We are losing an hour on every trip."',
            "The county engineer, Ruth Adler, said the bridge was unsafe. "
            '"I would rather close it than risk a collapse," Adler said.',
        ],
    ),
    (
        "courier-harvest",
        "Valley Courier",
        "2024-03-04",
        "Early harvest estimates look strong",
        [
            "Growers in the valley expect a strong early harvest after a mild winter and "
            "steady rain.",
            '"The fields look healthy and the prices are good," said Jonas Weber, who farms '
            "near the river.",
            "The cooperative will publish final figures in the summer.",
        ],
    ),
    (
        "courier-clinic",
        "Valley Courier",
        "2024-04-15",
        "Rural clinic to cut opening hours",
        [
            "The rural clinic will open only three days a week from May, the health board "
            "announced, citing a shortage of doctors.",
            '"Patients will suffer, especially the elderly," said Dr. Lena Park, who has '
            "worked at the clinic for twenty years.",
            "The board said it hoped to recruit two new doctors by the autumn.",
        ],
    ),
    (
        "courier-notice",
        "Valley Courier",
        "2024-04-22",
        "Road works on the valley road next week",
        [
            "Road works will close one lane of the valley road between Monday and Friday "
            "next week.",
            "Drivers should allow extra time. Buses will run to the usual timetable, with "
            "short delays expected near the works.",
        ],
    ),
    (
        "ledger-transit",
        "Metro Ledger",
        "2024-01-29",
        "Metro ridership recovers, officials say",
        [
            "Ridership on the metro has returned to its level of five years ago, transit "
            "officials said on Monday.",
            '"Riders are back, and they are telling us the service is better," said transit '
            "chief Omar Haddad.",
            'Critics note that fares rose twice in that period. "Many families still cannot '
            'afford the fare," said campaigner Nina Costa.',
        ],
    ),
    (
        "ledger-housing",
        "Metro Ledger",
        "2024-02-26",
        "Housing plan criticised as too little, too late",
        [
            "The city's housing plan promises two thousand new homes, but tenant groups say "
            "it fails the people who need help most.",
            '"This plan is a betrayal of renters," said Nina Costa of the tenants\' union.',
            'Mayor Ana Ruiz defended the plan. "We are building faster than ever before," '
            "Ruiz said.",
        ],
    ),
    (
        "ledger-museum",
        "Metro Ledger",
        "2024-03-25",
        "City museum reopens after renovation",
        [
            "The city museum reopened on Saturday after a renovation that restored its glass "
            "roof and added a gallery for children.",
            '"We wanted a museum that welcomes everyone," said director Claire Dubois.',
            "Admission will be free for the first month.",
        ],
    ),
    (
        "ledger-undated",
        "Metro Ledger",
        None,
        "Letters: readers on the new cycle lanes",
        [
            "Readers wrote in large numbers about the new cycle lanes on the main avenue.",
            '"The lanes make my ride to work safe at last," wrote one reader, Ben Carter.',
            "Others complained about lost parking spaces and longer queues for cars.",
        ],
    ),
    (
        "ledger-html",
        "Metro Ledger",
        "2024-04-08",
        f"Hackers post {SCRIPT_SNIPPET} on <b>city</b> website",
        [
            "Visitors to the city website on Sunday found a page of raw code, including "
            f"the text {SCRIPT_SNIPPET} and a broken <img src=x> tag.",
            '"Nothing was stolen, but the attack was embarrassing," said security adviser '
            "Omar Haddad.",
            "The site was restored within two hours, <i>officials</i> said.",
        ],
    ),
]


def write_fixture_corpus(folder: str | Path) -> Path:
    """Write the fixture articles as ``folder/<stem>.md`` and return ``folder``.

    Example:
        >>> import tempfile, newslib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     df = newslib.load(write_fixture_corpus(tmp))
        >>> len(df) == len(_ARTICLES), df["source"].nunique(), int(df["date"].isna().sum())
        (True, 3, 1)
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for stem, source, date, title, paragraphs in _ARTICLES:
        # Titles hold quotes and angle brackets: write them as YAML double-quoted strings.
        escaped = title.replace("\\", "\\\\").replace('"', '\\"')
        front = [f'title: "{escaped}"', f"source: {source}"]
        if date is not None:
            front.append(f"date: {date}")
        body = "\n\n".join(paragraphs)
        text = "---\n" + "\n".join(front) + "\n---\n\n" + body + "\n"
        (folder / f"{stem}.md").write_text(text, encoding="utf-8")
    return folder


# The generated corpus: seven invented outlets over fourteen months, articles written from
# templates (quotations, reported speech, narration), dates drawn so that the first and the
# last month are only partly covered.
GENERATED_SOURCES = (
    "Northern Star",
    "Coast Herald",
    "Plains Post",
    "River Times",
    "Hill Tribune",
    "Bay Observer",
    "Lake Record",
)
_PEOPLE = (
    ("Mayor", "Ana Ruiz"),
    ("councillor", "Tom Becker"),
    ("transit chief", "Omar Haddad"),
    ("campaigner", "Nina Costa"),
    ("head teacher", "Grace Mensah"),
    ("engineer", "Ruth Adler"),
    ("farmer", "Jonas Weber"),
    ("doctor", "Lena Park"),
    ("museum director", "Claire Dubois"),
    ("union leader", "Victor Hale"),
)
_TOPICS = (
    ("the new bridge", "bridge"),
    ("the school budget", "budget"),
    ("the bus network", "network"),
    ("the housing plan", "plan"),
    ("the river clean-up", "clean-up"),
    ("the hospital merger", "merger"),
    ("the harbour festival", "festival"),
)
_GOOD = ("a wonderful success", "a great help to families", "good news for everyone")
_BAD = ("a terrible mistake", "a disaster for the town", "an unfair burden on residents")
_NARRATION = (
    "The council will meet again next month to discuss {topic}.",
    "Work on {topic} began last spring and is expected to finish within two years.",
    "Figures published on Tuesday show that costs have risen since the start.",
    "Residents have until the end of the month to send their comments.",
    "The project is paid for by the regional government and a local bank.",
)


def write_generated_corpus(folder: str | Path, *, per_source: int = 20, seed: int = 7) -> Path:
    """Write ``7 * per_source`` short invented articles as ``folder/<source>/<n>.md``: seven
    sources, dates from 2023-01-20 to 2024-02-09 (fourteen months, the first and the last
    partial), each with quotations, reported speech and narration; return ``folder``.

    Example:
        >>> import tempfile, newslib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     df = newslib.load(write_generated_corpus(tmp, per_source=4))
        >>> len(df), df["source"].nunique(), df["date"].dt.to_period("M").nunique() <= 14
        (28, 7, True)
    """
    import random
    from datetime import date, timedelta

    rng = random.Random(seed)
    folder = Path(folder)
    first, last = date(2023, 1, 20), date(2024, 2, 9)
    span = (last - first).days
    for s, source in enumerate(GENERATED_SOURCES):
        outlet = folder / source.lower().replace(" ", "-")
        outlet.mkdir(parents=True, exist_ok=True)
        for i in range(per_source):
            # Spread evenly over the span (with jitter), so every month has articles.
            offset = (i * span) // max(per_source - 1, 1) + rng.randint(-6, 6)
            day = first + timedelta(days=min(max(offset, 0), span))
            topic, short = _TOPICS[(s + i) % len(_TOPICS)]
            (role, person), (role2, other) = rng.sample(_PEOPLE, 2)
            good, bad = rng.choice(_GOOD), rng.choice(_BAD)
            upbeat = rng.random() < 0.5 + 0.05 * (s - 3)
            verdict = "welcomed" if upbeat else "criticised"
            title = f"{person.split()[-1]} {verdict} {topic}"
            paragraphs = [
                f"{role.capitalize()} {person} on {day:%A} {verdict} {topic}, "
                f"which has divided the town for months.",
                f'"This {short} is {good if upbeat else bad}," {person} said. '
                f'"We will keep a close eye on what happens next."',
                f"{role2.capitalize()} {other} said the {short} would "
                f"{'help' if upbeat else 'hurt'} the people who need it most, and added that "
                "the town had not been asked.",
                f"According to {other}, the cost of {topic} has doubled since the plans were "
                "first shown.",
                rng.choice(_NARRATION).format(topic=topic),
            ]
            if i % 5 == 0:
                paragraphs.append(
                    f'"I am {"delighted" if upbeat else "angry"}, and so are my neighbours," '
                    f"said resident {rng.choice(_PEOPLE)[1]}."
                )
            front = [f'title: "{title}"', f"source: {source}", f"date: {day:%Y-%m-%d}"]
            text = "---\n" + "\n".join(front) + "\n---\n\n" + "\n\n".join(paragraphs) + "\n"
            (outlet / f"{i:03d}.md").write_text(text, encoding="utf-8")
    return folder
