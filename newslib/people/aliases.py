"""The aliases file: :func:`read_aliases` reads the YAML corrections of the people table (merge,
rename, split, type, gender) into :class:`Aliases`, checking keys, values and merges (no name
merged twice, no cycle) and raising :class:`AliasError` with the line. Applied by
:mod:`newslib.people.resolve` (merge, rename, split) and ``table`` (type, gender).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .gender import GENDERS
from .names import _fold
from .speaker_types import SPEAKER_TYPES


class AliasError(ValueError):
    """An aliases file that cannot be applied; the message names the file and line."""


@dataclass
class Aliases:
    """Corrections of :func:`people` (see :func:`read_aliases`): ``merge`` (target name ->
    names that are that person), ``rename`` (name -> shown name), ``split`` (bare surnames
    never joined to a full name automatically), ``types`` and ``genders`` (name -> value).
    ``lines`` keeps each entry's line in the file, for messages."""

    merge: dict[str, list[str]] = field(default_factory=dict)
    rename: dict[str, str] = field(default_factory=dict)
    split: list[str] = field(default_factory=list)
    types: dict[str, str] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)
    source: str = "aliases"


_ALIAS_KEYS = ("merge", "rename", "split", "type", "gender")


def read_aliases(path: str | os.PathLike | None = None, *, text: str | None = None) -> Aliases:
    """Read an aliases file (YAML) that corrects :func:`people`::

        merge:                       # these names are one person, shown as the key
          Donald Trump: [The Donald, Trump Sr.]
        rename:                      # show a person under another name
          Hillary Rodham Clinton: Hillary Clinton
        split: [Clinton]             # never join these bare names to a full name
        type:                        # person, organization, anonymous or unknown
          Politico: organization
        gender:                      # female, male or unknown
          Jorge Ramos: male

    Names match case-insensitively, by the shown name or any alias. An unknown key or value,
    a name merged into two people, or merges that go round in a cycle raise
    :class:`AliasError` naming the line.

    Example:
        >>> aliases = read_aliases(text="merge: {Ann Lee: [Annie Lee]}\\ngender: {Ann Lee: female}")
        >>> aliases.merge, aliases.genders
        ({'Ann Lee': ['Annie Lee']}, {'Ann Lee': 'female'})
        >>> read_aliases(text="merge: {Ann Lee: [Annie Lee]}\\n\\nnicknames: {}\\n")
        Traceback (most recent call last):
        ...
        newslib.people.aliases.AliasError: aliases line 3: unknown key 'nicknames' (use merge, ...
    """
    import yaml

    where = str(path) if path is not None else "aliases"
    if text is None:
        if path is None:
            raise TypeError("read_aliases() needs a path or text=")
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise AliasError(f"{where}: cannot read the aliases file ({error.strerror})") from None
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", error)
        raise AliasError(f"{where}{line}: not valid YAML ({problem})") from None
    aliases = Aliases(source=where)
    if root is None:
        return aliases

    def fail(node, message: str):
        raise AliasError(f"{where} line {node.start_mark.line + 1}: {message}")

    def scalar(node) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            fail(node, "expected a name")
        return " ".join(str(node.value).split())

    if not isinstance(root, yaml.MappingNode):
        fail(root, f"expected a mapping with the keys {', '.join(_ALIAS_KEYS)}")
    for key_node, value in root.value:
        key = scalar(key_node)
        if key not in _ALIAS_KEYS:
            fail(key_node, f"unknown key {key!r} (use {', '.join(_ALIAS_KEYS)}: see read_aliases)")
        if key == "split":
            items = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for item in items:
                aliases.split.append(scalar(item))
                aliases.lines[("split", aliases.split[-1])] = item.start_mark.line + 1
            continue
        if not isinstance(value, yaml.MappingNode):
            fail(value, f"'{key}' takes a mapping of names")
        for name_node, target in value.value:
            name = scalar(name_node)
            line = name_node.start_mark.line + 1
            if key == "merge":
                items = target.value if isinstance(target, yaml.SequenceNode) else [target]
                aliases.merge.setdefault(name, []).extend(scalar(i) for i in items)
            elif key == "rename":
                aliases.rename[name] = scalar(target)
            elif key == "type":
                kind = scalar(target)
                if kind not in SPEAKER_TYPES:
                    fail(target, f"unknown type {kind!r} (use {', '.join(SPEAKER_TYPES)})")
                aliases.types[name] = kind
            else:
                gender = scalar(target)
                if gender not in GENDERS:
                    fail(target, f"unknown gender {gender!r} (use {', '.join(GENDERS)})")
                aliases.genders[name] = gender
            aliases.lines[(key, name)] = line
    _check_merges(aliases)
    return aliases


def _check_merges(aliases: Aliases) -> None:
    into: dict[str, str] = {}
    for target, names in aliases.merge.items():
        for name in names:
            known = into.get(_fold(name))
            if known is not None and known != _fold(target):
                line = aliases.lines[("merge", target)]
                raise AliasError(
                    f"{aliases.source} line {line}: {name!r} is merged into both "
                    f"{known!r} and {target!r}"
                )
            into[_fold(name)] = _fold(target)
    for start in into:
        seen, name = [start], into[start]
        while name in into:
            if name in seen:
                line = min(aliases.lines[("merge", t)] for t in aliases.merge)
                cycle = " -> ".join([*seen, name])
                raise AliasError(f"{aliases.source} line {line}: merges go round: {cycle}")
            seen.append(name)
            name = into[name]
