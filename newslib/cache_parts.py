"""The parts both caches are stored in (:mod:`newslib.cache`, :mod:`newslib.file_cache`):
writing a part (its tables' Parquet files, then its record), reading and checking a part's
record and files before any row is used, setting a damaged part aside, and reading the
Parquet files as Arrow tables or frames.

The format and its checks are described in :mod:`newslib.cache`.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from pathlib import Path

import pandas as pd

# The folder, in each cache folder, that damaged parts are moved to.
DAMAGED = "damaged"
_RECORD_FORMAT = 1


class _Damaged(Exception):
    """A part failed verification; the message says why (it goes to ``reason.txt``)."""


# Per process: each file found to be as recorded, as (path, size, mtime_ns, ctime_ns, inode)
# (any write, rename over it or utime changes one of them) -> its SHA-256.
_VERIFIED: dict[tuple[str, int, int, int, int], str] = {}


def _schema_of(source) -> list[list[str]]:
    """A Parquet file's Arrow schema as ``[[column, type], ...]`` (what a record holds)."""
    import pyarrow.parquet as pq

    return [[field.name, str(field.type)] for field in pq.read_schema(source)]


def _digest(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _put(folder: Path, name: str, data: bytes) -> None:
    """Write ``folder/name`` atomically: under a temporary name, then renamed into place."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{name}.{os.getpid()}.tmp"
    temporary.write_bytes(data)
    os.replace(temporary, folder / name)


def _parquet_bytes(table) -> bytes:
    """A table as the bytes of a Parquet file: a frame as ``DataFrame.to_parquet`` writes it
    (index left out), an Arrow table read from a part as it is (its pandas metadata kept, so it
    reads back as the frame it was); bytes are taken as they are."""
    if isinstance(table, bytes):
        return table
    if isinstance(table, pd.DataFrame):
        return table.to_parquet(None, index=False)
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def _write_part(root: Path, tables: list[tuple], *, ids: list[str] | None = None):
    """Write one part of the cache in ``root``: each table's file (the first table, the index,
    last), then the record listing their sizes, checksums and schemas: the commit point.
    ``tables``: (name, table) pairs, a table being a frame, an Arrow table, a Parquet file's
    bytes, the path of a Parquet file written in the table's folder under a temporary name
    (renamed into place), or a function that gives one of them (called when its file is
    written: one table in memory at a time). ``ids``: the
    index's ``article_id`` values, in its row order, kept in the record too (a process then
    learns which articles a part holds from the record alone, see :func:`_read_record_ids`);
    left out unless all are strings. Returns the part's name and its record's entries."""
    import pyarrow as pa

    part = f"part-{uuid.uuid4().hex}"
    entries = {}
    for table, frame in (*tables[1:], tables[0]):
        value = frame() if callable(frame) else frame
        if isinstance(value, Path):  # a Parquet file written beside, under a temporary name
            entries[table] = _entry_of_file(value)
            os.replace(value, root / table / f"{part}.parquet")
            continue
        data = _parquet_bytes(value)
        del value
        entries[table] = {
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "schema": _schema_of(pa.BufferReader(data)),
        }
        _put(root / table, f"{part}.parquet", data)
        del data
    body = {"format": _RECORD_FORMAT, "tables": entries}
    if ids is not None and all(type(i) is str for i in ids):
        body["ids"] = ids
    record = json.dumps({**body, "sha256": _digest(body)}, sort_keys=True)
    _put(root / tables[0][0], f"{part}.json", record.encode())
    return part, entries


def _entry_of_file(path: Path) -> dict:
    """A record's entry (size, SHA-256, schema) for the Parquet file ``path``, read in pieces."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return {"size": path.stat().st_size, "sha256": digest.hexdigest(), "schema": _schema_of(path)}


def _read_record(path: Path, tables: tuple[str, ...]) -> dict[str, dict] | None:
    """The checked entries (table -> size, sha256, schema) of a part's record, or None when a
    later newslib wrote it (not used, not damaged). Raises ``_Damaged``, or ``OSError`` when
    the record cannot be read (gone: the cache was cleared, or the part was set aside)."""
    return _read_record_ids(path, tables)[0]


def _read_record_ids(
    path: Path, tables: tuple[str, ...]
) -> tuple[dict[str, dict] | None, list[str] | None]:
    """:func:`_read_record`'s entries and the index's article ids the record lists (None when
    it lists none: written by an earlier newslib, or ids that are not all strings). The ids
    are covered by the record's own checksum, as its entries are."""
    data = path.read_bytes()
    try:
        body = json.loads(data)
        if not isinstance(body, dict):
            raise ValueError("not a JSON object")
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError included
        raise _Damaged(f"record: not a record ({error})") from None
    version = body.get("format")
    if isinstance(version, int) and version > _RECORD_FORMAT:
        return None, None
    check = body.pop("sha256", None)
    if check != _digest(body):
        raise _Damaged("record: its checksum does not match (the record was changed)")
    entries = body.get("tables")
    if (
        version != _RECORD_FORMAT
        or not isinstance(entries, dict)
        or sorted(entries) != sorted(tables)
        or not all(
            isinstance(e, dict) and {"size", "sha256", "schema"} <= e.keys()
            for e in entries.values()
        )
    ):
        raise _Damaged(f"record: it does not list the tables {', '.join(tables)}")
    ids = body.get("ids")
    if ids is not None and not (isinstance(ids, list) and all(type(i) is str for i in ids)):
        raise _Damaged("record: its ids are not a list of strings")
    return entries, ids


def _verified(path: Path, entry: dict):
    """What ``pd.read_parquet`` is to read for the table file ``path``: the path itself if
    this process found it as recorded before (same size, times and inode), else its
    bytes, checked now (a ``pyarrow.BufferReader``: what is read is what was hashed).

    Raises ``_Damaged`` unless the file has the size, SHA-256 and Arrow schema of ``entry``
    (its record's); ``OSError`` when it cannot be read now."""
    import pyarrow as pa

    table = path.parent.name
    try:
        with open(path, "rb") as file:
            stat = os.fstat(file.fileno())
            key = (str(path), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
            if _VERIFIED.get(key) == entry["sha256"]:
                return path
            if stat.st_size != entry["size"]:
                raise _Damaged(f"{table}: {stat.st_size} bytes, {entry['size']} recorded")
            data = file.read()
    except FileNotFoundError:
        raise _Damaged(f"{table}: the file is missing") from None
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise _Damaged(f"{table}: the checksum does not match (bytes changed since written)")
    try:
        schema = _schema_of(pa.BufferReader(data))
    except Exception as error:
        raise _Damaged(f"{table}: not Parquet ({error})") from None
    if schema != entry["schema"]:
        raise _Damaged(f"{table}: the schema {schema} is not the recorded {entry['schema']}")
    _VERIFIED[key] = entry["sha256"]
    return pa.BufferReader(data)


def _set_aside(root: Path, tables: tuple[str, ...], part: str, reason: str) -> bool:
    """Move a damaged part to ``root/damaged/<part>/``: its record first (from then on no
    process uses the part), then its tables' files, then ``reason.txt``. Returns whether this
    process moved it (not when another process did first, or the cache was deleted)."""
    aside = root / DAMAGED / part
    try:
        aside.parent.mkdir(exist_ok=True)  # not parents=True: a deleted cache stays deleted
        aside.mkdir(exist_ok=True)
        os.replace(root / tables[0] / f"{part}.json", aside / "record.json")
    except OSError:
        return False
    for table in tables:
        try:
            os.replace(root / table / f"{part}.parquet", aside / f"{table}.parquet")
        except OSError:  # missing: maybe that is the damage
            pass
    try:
        _put(aside, "reason.txt", f"{reason}\n".encode())
    except OSError:
        pass
    return True


def _records(folder: Path) -> list[str]:
    try:
        return sorted(
            n for n in os.listdir(folder) if n.startswith("part-") and n.endswith(".json")
        )
    except (FileNotFoundError, NotADirectoryError):
        return []


def _arrow_to_pandas():
    """pandas's own conversion of an Arrow table read from Parquet (what ``pd.read_parquet``
    calls), or None when this pandas has none to call (pandas < 2.3)."""
    try:
        from pandas.io._util import arrow_table_to_pandas
    except ImportError:
        return None
    return arrow_table_to_pandas


def _read_arrow(source, columns=None, ids: list[str] | None = None):
    """The Arrow table ``pq.read_table(source, columns=columns, use_pandas_metadata=True)``
    gives (with ``ids``: only the rows of those ``article_id``, in file order, as the filter
    ``("article_id", "in", ids)`` keeps them), read as one file: ``read_table`` builds a
    dataset for each call, whose set-up and filtered scan cost more than reading a part of a
    few hundred articles (about half of a rerun's reading of the cache)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.ParquetFile(source).read(columns=columns, use_pandas_metadata=True)
    if ids is not None:
        column = table.column("article_id")
        table = table.filter(pc.is_in(column, value_set=pa.array(ids, type=column.type)))
    return table


def _read_frame(source, columns=None) -> pd.DataFrame:
    """``pd.read_parquet(source, columns=columns)``, read as one file (:func:`_read_arrow`)."""
    if _arrow_to_pandas() is None:
        return pd.read_parquet(source, columns=columns)
    return _frame_of([_read_arrow(source, columns)])


def _frame_of(tables: list) -> pd.DataFrame:
    """Arrow ``tables`` (pieces of one cached table, read from its parts) as one frame, the
    same as ``pd.concat`` of ``pd.read_parquet`` of each piece: pieces of one schema are joined
    as Arrow first and made a frame once (converting piece by piece cost more than reading).
    Pieces already frames (a pandas without :func:`_arrow_to_pandas`) are concatenated."""
    if isinstance(tables[0], pd.DataFrame):
        return pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    import pyarrow as pa

    arrow_table_to_pandas = _arrow_to_pandas()
    first = tables[0].schema
    same = all(t.schema.equals(first, check_metadata=True) for t in tables[1:])
    if same and not (first.metadata and b"PANDAS_ATTRS" in first.metadata):
        return arrow_table_to_pandas(pa.concat_tables(tables) if len(tables) > 1 else tables[0])
    frames = []
    for table in tables:  # as pd.read_parquet makes each
        frame = arrow_table_to_pandas(table)
        attrs = (table.schema.metadata or {}).get(b"PANDAS_ATTRS")
        if attrs is not None:
            frame.attrs = json.loads(attrs)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
