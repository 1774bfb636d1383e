"""The people step's corpus-wide joins worked out per distinct key and per group give what the
plain row-by-row rules give: bare surnames joined to a person (one candidate, the gender the
article gives, its role words, ``split``), the sorted forms of each person, and the presence-only
reading of the speakers and mentions. Names are invented; the sources are drawn at random."""

import importlib
import random
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest

aggregate_module = importlib.import_module("newslib.people.aggregate")
gender_module = importlib.import_module("newslib.people.gender")
resolve_module = importlib.import_module("newslib.people.resolve")
pipeline = importlib.import_module("newslib.analyze")

FIRST = ["ann", "al", "tom", "bea", "cy"]
LAST = ["lee", "roe", "park", "moss", "vale", "quinn"]
FORMS = ["Lee", "LEE", "Ann Lee", "Roe", "Tom Roe"]
ROLES = [None, None, None, "mayor of Bayview", "a spokesman for the Harbor Board", "the judge"]


def reference_join(sources: pd.DataFrame, split: set[str]) -> list[str]:
    """The rule row by row, one group of (article, bare surname) at a time."""
    keys = sources["key"].tolist()
    types = sources["speaker_type"].tolist()
    votes = sources["votes"].tolist()
    roles = sources["role"].tolist()
    articles = sources["article_id"].tolist()
    bare = [t == "person" and k.startswith("person:|") for k, t in zip(keys, types, strict=True)]
    full = [t == "person" and not b for t, b in zip(types, bare, strict=True)]
    by_surname = defaultdict(list)
    for key in sorted({k for k, f in zip(keys, full, strict=True) if f}):
        by_surname[key.split("|", 1)[1]].append(key)
    gender = {}
    for key in set(keys):
        mine = [v for k, v in zip(keys, votes, strict=True) if k == key]
        gender[key] = gender_module._gender_of(mine)
    described = defaultdict(set)
    for key, role, is_full in zip(keys, roles, full, strict=True):
        if is_full:
            described[key].update(resolve_module._meaningful_role_words(role))
    groups = defaultdict(list)
    for at, (article, key) in enumerate(zip(articles, keys, strict=True)):
        if bare[at] and not pd.isna(article):  # as a grouping drops a missing article
            groups[(article, key)].append(at)
    result = list(keys)
    for (_article, key), rows in groups.items():
        surname = key[len("person:|") :]
        candidates = by_surname.get(surname, [])
        if surname in split or not candidates:
            continue
        if len(candidates) > 1:
            said = gender_module._gender_of([votes[r] for r in rows])
            cue = {w for r in rows for w in resolve_module._meaningful_role_words(roles[r])}
            if said != "unknown":
                candidates = [c for c in candidates if gender.get(c) == said]
            fitting = [c for c in candidates if described.get(c, set()) & cue]
            if len(candidates) > 1 and fitting:
                candidates = fitting
        for r in rows:
            result[r] = candidates[0] if len(candidates) == 1 else f"ambiguous:{surname}"
    return result


def random_sources(seed: int, n: int) -> pd.DataFrame:
    pick = random.Random(seed)
    rows = []
    for _ in range(n):
        kind = pick.random()
        last = pick.choice(LAST)
        if kind < 0.4:
            key, speaker_type = f"person:{pick.choice(FIRST)}|{last}", "person"
        elif kind < 0.8:
            key, speaker_type = f"person:|{last}", "person"
        elif kind < 0.9:
            key, speaker_type = f"organization:{last} board", "organization"
        else:
            key, speaker_type = "unknown:he", "unknown"
        rows.append(
            {
                "article_id": pick.choice(["a1", "a2", "a3", "a4", None] if seed % 2 else "abc"),
                "key": key,
                "speaker_type": speaker_type,
                "votes": pick.choice([0, 0, 0, 1, -1, 2, -2]),
                "role": pick.choice(ROLES),
            }
        )
    frame = pd.DataFrame(rows)
    frame["key"] = frame["key"].astype(object)
    frame["article_id"] = frame["article_id"].astype(object)
    return frame


@pytest.mark.parametrize("seed", range(12))
def test_bare_surnames_join_as_the_rule_row_by_row_says(seed):
    sources = random_sources(seed, 40 + 15 * seed)
    split = {"moss"} if seed % 3 == 0 else set()
    joined = resolve_module._join_surnames(sources, split)
    assert joined.tolist() == reference_join(sources, split)
    assert joined.index.equals(sources.index)


def test_a_new_full_name_changes_how_an_old_bare_surname_resolves():
    def sources(rows):
        return pd.DataFrame(rows, columns=["article_id", "key", "speaker_type", "votes", "role"])

    old = [
        ["a", "person:ann|lee", "person", -2, None],
        ["b", "person:|lee", "person", -1, None],
    ]
    assert resolve_module._join_surnames(sources(old), set()).tolist()[1] == "person:ann|lee"
    # a second Lee: the article's "she" still picks Ann Lee, a bare "Lee" without one cannot
    new = [*old, ["c", "person:al|lee", "person", 2, None], ["d", "person:|lee", "person", 0, None]]
    assert resolve_module._join_surnames(sources(new), set()).tolist() == [
        "person:ann|lee",
        "person:ann|lee",
        "person:al|lee",
        "ambiguous:lee",
    ]
    # the role words an article gives the bare name pick the one so described
    described = [
        *new,
        ["e", "person:al|lee", "person", 0, "mayor of Bayview"],
        ["f", "person:|lee", "person", 0, "the mayor"],
    ]
    assert resolve_module._join_surnames(sources(described), set()).tolist()[-1] == "person:al|lee"
    assert resolve_module._join_surnames(sources(described), {"lee"}).tolist()[-1] == "person:|lee"


def test_no_sources_join_nothing():
    empty = pd.DataFrame(
        {c: pd.Series([], dtype=object) for c in ("article_id", "key", "speaker_type", "role")}
    ).assign(votes=pd.Series([], dtype=np.int64))
    assert resolve_module._join_surnames(empty, set()).tolist() == []


@pytest.mark.parametrize("seed", range(4))
def test_joined_forms_are_the_sorted_distinct_forms(seed):
    pick = random.Random(seed)
    frame = pd.DataFrame(
        {
            "person_key": [f"person:|{pick.choice(LAST)}" for _ in range(200)],
            "written": [pick.choice(FORMS) for _ in range(200)],
        }
    ).astype(object)
    expected = {}
    for key, form in sorted(set(zip(frame["person_key"], frame["written"], strict=True))):
        expected.setdefault(key, []).append(form)
    found = aggregate_module._joined_forms(frame, ["person_key"])
    assert found.to_dict() == {k: " | ".join(v) for k, v in expected.items()}


def test_speakers_read_as_present_or_missing(tmp_path):
    frame = pd.DataFrame(
        {
            "article_id": pd.array(["a", "a", "b", "c"], dtype="string"),
            "speaker": pd.array(["Ann Lee", None, "", None], dtype="string"),
            "speaker_mention": pd.array([None, "he", "", None], dtype="string"),
            "n_words": np.arange(4, dtype=np.int64),
        }
    )
    parts = [tmp_path / "part-00000.arrow", tmp_path / "part-00001.arrow"]
    pipeline._stage(frame[:3], parts[0])
    pipeline._stage(frame[3:], parts[1])
    columns = ["article_id", "speaker", "speaker_mention", "n_words"]
    whole = pipeline._read_shared(parts, columns)
    flags = pipeline._read_shared(parts, columns, presence=("speaker", "speaker_mention"))
    assert list(flags.columns) == columns
    assert flags[["article_id", "n_words"]].equals(whole[["article_id", "n_words"]])
    for name in ("speaker", "speaker_mention"):
        assert flags[name].notna().tolist() == whole[name].notna().tolist()
        assert flags[name].notna().tolist() == frame[name].notna().tolist()
