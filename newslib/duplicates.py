"""Near-duplicate articles: the same story published several times with small edits.

Wire copy is syndicated: one agency story appears on many sites with another headline, a
paragraph added or cut, a few words changed, another dateline. :func:`near_duplicates` flags
such copies, keeps them all, and names for each the first article of its story in
``near_duplicate_of``.

How (MinHash signatures from datasketch, LSH banding, then an exact check):

* An article is the set of its word shingles: every run of ``shingle`` consecutive words of
  its ``text`` (newslib's one word definition, lower-cased; the title is left out, since
  copies often get new headlines). A text shorter than that is one shingle of all its words;
  a text without words is never a duplicate.
* datasketch's ``MinHash`` (``num_perm`` permutations, a fixed seed) summarises each set. LSH
  banding finds candidate pairs: articles whose signatures agree on a whole band of rows. The
  bands are chosen so that a pair exactly at ``threshold`` is a candidate with a probability of
  at least 99.5% (:func:`lsh_params`); pairs above it are found even more surely.
* Every candidate pair is then checked with the exact Jaccard similarity of the two shingle
  sets: a pair is near-duplicate when ``|A ∩ B| / |A ∪ B| >= threshold``. So a flag never rests
  on an estimate: a false candidate costs time, never precision. (A shingle is kept as a 32-bit
  hash: about one pair in 50,000 of texts of 300 words has two different shingles that hash
  alike, which moves its similarity by about 1/300.)
* Stories are the connected groups of such pairs. The first article of a story, by ``date``
  (undated last) and then ``article_id``, is its original: ``near_duplicate_of`` is NA for it
  and for every article without a copy, and its ``article_id`` for the others.

The band index is sorted NumPy arrays (one 64-bit hash of each band and a 32-bit article
number: ``12 × bands`` bytes an article, 21 bands at the defaults), not datasketch's
``MinHashLSH``, whose dictionaries of sets measured about 6 KB an article (600 MB for 100,000
articles, kept for a whole ``newslib analyze`` run); the candidates are the same pairs (a band
matches when its rows are equal; two different bands whose hashes collide only add a candidate,
which the exact check then judges). Shingle sets beyond the latest few thousand articles wait in
a temporary file for the exact checks.

The result does not depend on the order of the rows (or of the batches, see
:class:`NearDuplicateIndex`): candidate pairs depend on the signatures only, the exact check is
symmetric, and the groups and their first articles do not depend on the order pairs are found.
Words and shingles are hashed with BLAKE2b and fixed constants (not Python's ``hash``, which
changes between runs).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import tempfile
from array import array
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ._frame import require_columns
from .text import _MARK, WORD_RE, _Words

__all__ = [
    "near_duplicates",
    "count_near_duplicates",
    "NearDuplicateIndex",
    "lsh_params",
    "shingles",
    "jaccard",
]

#: The defaults: a pair is near-duplicate from this Jaccard similarity of the shingle sets,
#: MinHash signatures of this many permutations, shingles of this many words.
THRESHOLD, NUM_PERM, SHINGLE = 0.8, 128, 5
#: The seed of the MinHash permutations: fixed, so every run finds the same candidates.
SEED = 1
#: A pair exactly at the threshold is an LSH candidate at least this often (see lsh_params).
CANDIDATE_PROBABILITY = 0.995

# Odd 64-bit multipliers, one per position in a shingle (a shingle's words are combined as
# sum(word_hash[i] * _POSITION[i]) mod 2**64, then mixed), fixed for every run.
_POSITION = np.array(
    [
        int.from_bytes(hashlib.blake2b(f"position {i}".encode(), digest_size=8).digest()) | 1
        for i in range(64)
    ],
    dtype=np.uint64,
)


def _mix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser, element-wise (uint64 arithmetic wraps)."""
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xFF51AFD7ED558CCD)
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xC4CEB9FE1A85EC53)
    return values ^ (values >> np.uint64(33))


class _WordHashes(dict):
    """Word -> a stable 64-bit hash (BLAKE2b), computed on first use."""

    def __missing__(self, word: str) -> int:
        # a bounded cache (about 32 MB, kept by each worker for a whole run): dropping it
        # changes no value
        if len(self) >= 1 << 18:
            self.clear()
        value = self[word] = int.from_bytes(
            hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        )
        return value


_WORDS = _WordHashes()


def shingles(text: str, shingle: int = SHINGLE) -> np.ndarray:
    """The set of word shingles of ``text`` as sorted, distinct 32-bit hashes: one per run of
    ``shingle`` consecutive words (lower-cased). A shorter text is one shingle; no words, none.

    Example:
        >>> len(shingles("One two three four five six.", shingle=5))
        2
        >>> bool((shingles("ONE two") == shingles("one, two!")).all()), len(shingles("..."))
        (True, 0)
    """
    if not 1 <= shingle <= len(_POSITION):
        raise ValueError(f"shingle must be 1 to {len(_POSITION)} words, not {shingle!r}")
    return _shingles_of(WORD_RE.findall(text.lower()), shingle)


def _shingles_from_words(text: str, words: _Words, shingle: int = SHINGLE) -> np.ndarray:
    """``shingles(text, shingle)`` from where the words of ``text`` are (``words``, found
    once per article for the quote shares and sentence counts): when lower-casing keeps every
    word where it is, the words of the lower-cased text are the lower-cased words' slices."""
    lowered = text.lower()
    if not _lowering_keeps_words(text, lowered):
        return shingles(text, shingle)
    spans = zip(words.starts, words.ends, strict=True)
    return _shingles_of([lowered[s:e] for s, e in spans], shingle)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _lowering_keeps_words(text: str, lowered: str) -> bool:
    """Whether ``WORD_RE`` finds its words of ``lowered`` (``text.lower()``) at the same places
    as in ``text``: true when each character lower-cases to one character of the same kind
    for the pattern (word character, combining mark, digit, one of its joining marks). Python
    lower-cases character by character but for the Greek final sigma (``Σ`` becomes ``σ`` or
    ``ς``, both letters), so the kinds of the distinct characters decide."""
    if text.isascii():
        return True  # A-Z become a-z: letters for letters
    if len(lowered) != len(text):
        return False
    # the few distinct non-ASCII characters, found by one regular-expression scan (set(text)
    # would make a string of every character)
    return all(map(_lowers_alike, set(_NON_ASCII.findall(text))))


@functools.lru_cache(maxsize=4096)
def _lowers_alike(char: str) -> bool:
    lower = char.lower()
    return len(lower) == 1 and _word_kind(char) == _word_kind(lower)


_KINDS = (re.compile(r"\w"), re.compile(_MARK), re.compile(r"\d"), re.compile(r"['’\-.,]"))


def _word_kind(char: str) -> tuple[bool, ...]:
    """What ``WORD_RE`` can see of a character: word character, combining mark, digit, a mark
    that may join two word parts."""
    return tuple(kind.fullmatch(char) is not None for kind in _KINDS)


def _shingles_of(words: list[str], shingle: int) -> np.ndarray:
    """The shingle set of a text's lower-cased words (see :func:`shingles`)."""
    if not words:
        return np.empty(0, dtype=np.uint32)
    hashes = np.fromiter(map(_WORDS.__getitem__, words), dtype=np.uint64, count=len(words))
    width = min(shingle, len(words))
    count = len(words) - width + 1
    combined = hashes[:count] * _POSITION[0]  # a new array: the steps below work in place
    for i in range(1, width):
        combined += hashes[i : i + count] * _POSITION[i]
    values = _mix64_in_place(combined)
    values >>= np.uint64(32)
    return _sorted_distinct(values.astype(np.uint32))


def _mix64_in_place(values: np.ndarray) -> np.ndarray:
    """:func:`_mix64` of a uint64 array, overwriting it: the same operations without the
    temporary arrays."""
    values ^= values >> np.uint64(33)
    values *= np.uint64(0xFF51AFD7ED558CCD)
    values ^= values >> np.uint64(33)
    values *= np.uint64(0xC4CEB9FE1A85EC53)
    values ^= values >> np.uint64(33)
    return values


def _sorted_distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of a 1-D array it may sort in place: sorted, each value once.
    For a few hundred values this is several times faster than ``np.unique`` (which hashes
    first, then sorts the distinct values)."""
    values.sort()
    first = np.empty(len(values), dtype=bool)
    first[:1] = True
    np.not_equal(values[1:], values[:-1], out=first[1:])
    return values[first]


@functools.lru_cache(maxsize=4)
def _empty_minhash(num_perm: int):
    from datasketch import MinHash

    # The shingles are hashes already: datasketch mixes them (its affine32 scheme).
    return MinHash(num_perm=num_perm, seed=SEED, hashfunc=int)


def minhash_signature(values: np.ndarray, num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash signature (``num_perm`` unsigned 64-bit values, datasketch's) of a shingle
    set as :func:`shingles` returns it: what :class:`NearDuplicateIndex` bands. Computed where
    the texts are (a worker) and cached per article by ``newslib analyze``.

    Example:
        >>> a = minhash_signature(shingles("a b c d e f g h i j"))
        >>> a.shape, bool((a == minhash_signature(shingles("A b c d e f g h i j"))).all())
        ((128,), True)
    """
    values = np.asarray(values, dtype=np.uint32)
    fast = _affine32(num_perm)
    if fast is not None:
        fmix, (a, b), start = fast
        if not len(values):
            return start.astype(np.uint64)
        # update_batch's CPU steps for its affine32 scheme, on the array itself: the hashes
        # (int of each value) premixed, permuted (a * h + b, wrapping at 2**32), the minimum.
        # One row per permutation, so each minimum runs along contiguous memory.
        permuted = np.multiply.outer(a, fmix(values, 32))
        permuted += b[:, np.newaxis]
        return np.minimum(start, permuted.min(axis=1)).astype(np.uint64)
    signature = _empty_minhash(num_perm).copy()
    signature.update_batch(values.tolist())
    return np.asarray(signature.hashvalues, dtype=np.uint64)


# datasketch releases whose affine32 MinHash set-up (permutations drawn from
# ``np.random.RandomState(seed)``, all-ones start values, MurmurHash3's 32-bit finalizer as
# premix) :func:`_own_affine32` repeats, so that a run need not import datasketch (whose
# package imports SciPy: a few tenths of a second per process). Any other release: its own.
_DATASKETCH_CHECKED = ("2.0.0",)
# MurmurHash3's fmix32 shifts and multipliers (datasketch.minhash._FMIX_CONSTANTS[32]).
_FMIX32 = (
    np.uint32(16),
    np.uint32(0x85EBCA6B),
    np.uint32(13),
    np.uint32(0xC2B2AE35),
    np.uint32(16),
)


def _fmix32(hv: np.ndarray, width: int = 32) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer on a uint32 array, as datasketch's ``_fmix(hv, 32)``."""
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def _own_affine32(num_perm: int):
    """``(fmix, (a, b), start)`` as :func:`_datasketch_affine32` gives them, computed here
    without importing datasketch: datasketch 2.0.0's ``MinHash(num_perm, seed=SEED)`` with
    its default affine32 scheme (``_init_permutations``, ``_init_hashvalues``)."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    start = np.full(num_perm, (1 << 32) - 1, dtype=np.uint32)
    return _fmix32, (a, b), start


@functools.lru_cache(maxsize=1)
def _datasketch_release() -> str | None:
    from importlib import metadata

    try:
        return metadata.version("datasketch")
    except metadata.PackageNotFoundError:
        return None


@functools.lru_cache(maxsize=4)
def _affine32(num_perm: int):
    """``(fmix, permutations, start)`` of :func:`_empty_minhash` (its premix, its ``a`` and
    ``b``, its start values) when it hashes with ``int`` under datasketch's affine32 scheme on
    the CPU, for :func:`minhash_signature` to apply to a whole uint32 array without a Python
    list; None for any other set-up (then datasketch's own update_batch). With a datasketch
    release in ``_DATASKETCH_CHECKED``, computed without importing datasketch."""
    if _datasketch_release() in _DATASKETCH_CHECKED:
        return _own_affine32(num_perm)
    return _datasketch_affine32(num_perm)


def _datasketch_affine32(num_perm: int):
    """:func:`_affine32` read from datasketch's own ``MinHash`` (None: not that scheme)."""
    try:
        from datasketch.minhash import _fmix
    except ImportError:
        return None
    empty = _empty_minhash(num_perm)
    a, b = empty.permutations
    if (
        getattr(empty, "scheme", None) != "affine32"
        or empty.hashfunc is not int
        or getattr(empty, "_gpu_mode", None) != "disable"
        or a.dtype != np.uint32
        or b.dtype != np.uint32
        or empty.hashvalues.dtype != np.uint32
    ):
        return None
    return _fmix, (a, b), empty.hashvalues


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity of two shingle sets (as :func:`shingles` returns them).

    Example:
        >>> jaccard(shingles("a b c d e f g"), shingles("a b c d e f h"))  # 2 of 4 shingles
        0.5
    """
    if not len(a) or not len(b):
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


@functools.cache
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)`` of the LSH index: the most rows per band (fewest candidates, least
    memory) such that a pair whose Jaccard similarity is exactly ``threshold`` shares a band
    with probability ``1 - (1 - threshold**rows)**bands >= CANDIDATE_PROBABILITY``.

    Example:
        >>> lsh_params(0.8, 128)  # 21 bands of 6 rows: 99.8% at exactly 0.8
        (21, 6)
    """
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if bands >= 2 and 1 - (1 - threshold**rows) ** bands >= CANDIDATE_PROBABILITY:
            return bands, rows
    return num_perm // 2, 2


def _check(threshold: float, num_perm: int, shingle: int) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise ValueError(f"threshold must be a number above 0 and at most 1, not {threshold!r}")
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be above 0 and at most 1, not {threshold!r}")
    if isinstance(num_perm, bool) or not isinstance(num_perm, int) or num_perm < 4:
        raise ValueError(f"num_perm must be a whole number of at least 4, not {num_perm!r}")
    if isinstance(shingle, bool) or not isinstance(shingle, int):
        raise ValueError(f"shingle must be a whole number of words, not {shingle!r}")
    if not 1 <= shingle <= len(_POSITION):
        raise ValueError(f"shingle must be 1 to {len(_POSITION)} words, not {shingle!r}")


class _ShingleStore:
    """The shingle sets of the articles indexed so far, to check candidate pairs exactly.

    The latest sets stay in memory; older ones go to an anonymous temporary file (removed by
    the system when it is closed, even if the process is killed), so memory does not grow with
    the corpus. A set is 4 bytes per distinct shingle (about one per word).
    """

    def __init__(self, keep: int = 5000):
        self._keep = keep
        self._recent: dict[int, np.ndarray] = {}
        self._file = None
        self._offsets = array("q")  # key -> byte offset in the file (-1: in memory)
        self._lengths = array("i")
        self._end = 0

    def put(self, key: int, values: np.ndarray) -> None:
        assert key == len(self._offsets)
        self._offsets.append(-1)
        self._lengths.append(len(values))
        self._recent[key] = values
        if len(self._recent) > self._keep:
            self._spill()

    def get(self, key: int) -> np.ndarray:
        found = self._recent.get(key)
        if found is not None:
            return found
        raw = os.pread(self._file.fileno(), 4 * self._lengths[key], self._offsets[key])
        return np.frombuffer(raw, dtype=np.uint32)

    def _spill(self) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="newslib-shingles-")
        for key, values in self._recent.items():
            data = values.tobytes()
            os.pwrite(self._file.fileno(), data, self._end)
            self._offsets[key] = self._end
            self._end += len(data)
        self._recent.clear()

    @property
    def disk_bytes(self) -> int:
        """Bytes of shingle sets written to the temporary file."""
        return self._end

    @property
    def memory_bytes(self) -> int:
        """Bytes of the shingle sets held in memory."""
        return sum(values.nbytes for values in self._recent.values())

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._recent.clear()


class _BandIndex:
    """LSH bands of the signatures indexed so far, as one sorted array per band: the band's
    64-bit hash and the article's number. :meth:`add` indexes a batch and returns the pairs of
    articles (at least one of them new) that agree on some band."""

    def __init__(self, bands: int, rows: int):
        self.bands, self.rows = bands, rows
        rng = np.random.default_rng(SEED)
        # Odd multipliers per row of a band: a band's rows are combined into one 64-bit hash.
        self._multipliers = rng.integers(0, 2**63, size=rows, dtype=np.uint64) * 2 + 1
        self._keys = [np.empty(0, dtype=np.uint64) for _ in range(bands)]
        self._owners = [np.empty(0, dtype=np.int32) for _ in range(bands)]

    def nbytes(self) -> int:
        return sum(k.nbytes + o.nbytes for k, o in zip(self._keys, self._owners, strict=True))

    def add(self, numbers: np.ndarray, signatures: np.ndarray) -> np.ndarray:
        """Index ``signatures`` (one row per article, ``numbers`` the articles' numbers, larger
        than any indexed before); return the candidate pairs ``(new, other)`` as int64 codes
        ``new * 2**32 + other``, sorted and distinct."""
        found = []
        sig = signatures.astype(np.uint64)
        for band in range(self.bands):
            rows = sig[:, band * self.rows : (band + 1) * self.rows]
            hashes = _mix64((rows * self._multipliers).sum(axis=1, dtype=np.uint64))
            keys = np.concatenate([self._keys[band], hashes])
            owners = np.concatenate([self._owners[band], numbers.astype(np.int32)])
            order = np.argsort(keys, kind="stable")  # the new come after the old, per key
            keys, owners = keys[order], owners[order]
            self._keys[band], self._owners[band] = keys, owners
            new = owners >= numbers[0] if len(numbers) else np.zeros(len(owners), bool)
            # For each new entry: the entries before it with the same key (its run so far).
            positions = np.arange(len(keys))
            starts = np.r_[True, keys[1:] != keys[:-1]] if len(keys) else np.empty(0, bool)
            run_start = np.maximum.accumulate(np.where(starts, positions, 0))
            before = np.where(new, positions - run_start, 0)
            total = int(before.sum())
            if not total:
                continue
            left = np.repeat(positions, before)
            offset = np.arange(total) - np.repeat(np.cumsum(before) - before, before)
            right = np.repeat(run_start, before) + offset
            a, b = owners[left].astype(np.int64), owners[right].astype(np.int64)
            found.append(np.maximum(a, b) << 32 | np.minimum(a, b))
        if not found:
            return np.empty(0, dtype=np.int64)
        return np.unique(np.concatenate(found))


class NearDuplicateIndex:
    """Near-duplicate detection over a corpus given in batches (see the module docstring).

    Call :meth:`add` with each batch of articles (any order, any batch sizes), then
    :meth:`result`. Only what later batches need is kept: the band index, each article's id,
    date and group, and its shingle set (in a temporary file beyond the last few thousand
    articles). :func:`near_duplicates` is this on one frame; ``newslib analyze`` keeps one
    index for a whole run.

    Example:
        >>> index = NearDuplicateIndex(threshold=0.8)
        >>> story = "The council approved the budget on Tuesday after a long debate " * 3
        >>> index.add(["a", "b"], [story, story + "Updated."], [None, None])
        >>> index.add(["c"], ["An unrelated story about the harbour and its boats."], [None])
        >>> found = index.result()  # near_duplicate_of, indexed by article_id
        >>> found.index.tolist(), found.tolist()
        (['a', 'b', 'c'], [<NA>, 'a', <NA>])
    """

    def __init__(
        self, *, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, shingle: int = SHINGLE
    ):
        _check(threshold, num_perm, shingle)
        self.threshold = float(threshold)
        self.num_perm = num_perm
        self.shingle = shingle
        self.bands, self.rows = lsh_params(self.threshold, num_perm)
        self._bands = _BandIndex(self.bands, self.rows)
        self._store = _ShingleStore()
        self._ids: list[str] = []
        self._dates = array("q")  # nanoseconds since 1970 (UTC for aware dates); NaT: max
        self._parent = array("q")  # union-find over articles: the groups of near-duplicates
        self._exact: dict[bytes, int] = {}  # a shingle set's digest -> the first article with it
        #: Candidate pairs the bands gave, and how many were checked exactly (the others were
        #: in one group already).
        self.candidates = 0
        self.checked = 0

    def __len__(self) -> int:
        return len(self._ids)

    def _find(self, key: int) -> int:
        parent = self._parent
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:
            parent[key], key = root, parent[key]
        return root

    def _union(self, a: int, b: int) -> None:
        a, b = self._find(a), self._find(b)
        if a != b:
            self._parent[max(a, b)] = min(a, b)

    def add(
        self,
        article_ids: Iterable[str],
        texts: Iterable[str | None],
        dates: Iterable | pd.Series | None = None,
    ) -> None:
        """Index a batch of articles: their ids, texts and dates (``None`` or NaT: undated)."""
        sets = [shingles(_text(text), self.shingle) for text in texts]
        self.add_shingles(article_ids, sets, dates)

    def add_shingles(
        self,
        article_ids: Iterable[str],
        sets: Sequence[np.ndarray],
        dates: Iterable | pd.Series | None = None,
        signatures: Sequence[np.ndarray | None] | None = None,
    ) -> None:
        """:meth:`add` for articles whose shingle sets are known (``shingles(text, shingle)``
        computed elsewhere, e.g. where the texts are: a worker process), and optionally their
        MinHash ``signatures`` (:func:`minhash_signature` with this index's ``num_perm``)."""
        article_ids = [str(i) for i in article_ids]
        if len(sets) != len(article_ids) or (
            signatures is not None and len(signatures) != len(article_ids)
        ):
            raise ValueError("add(): as many texts as article ids are needed")
        stamps = _nanoseconds(dates, len(article_ids))
        numbers, hashes = [], []
        given = signatures if signatures is not None else [None] * len(article_ids)
        for identity, values, stamp, known in zip(article_ids, sets, stamps, given, strict=True):
            key = len(self._ids)
            self._ids.append(identity)
            self._dates.append(stamp)
            self._parent.append(key)
            values = np.asarray(values, dtype=np.uint32)
            self._store.put(key, values)
            if not len(values):
                continue  # no words: never a duplicate
            digest = hashlib.blake2b(values.tobytes(), digest_size=16).digest()
            same = self._exact.setdefault(digest, key)
            if same != key:  # the very same shingles: one group, indexed once
                self._union(key, same)
                continue
            if known is None:
                signature = _empty_minhash(self.num_perm).copy()
                signature.update_batch(values.tolist())
                known = signature.hashvalues
            numbers.append(key)
            hashes.append(np.asarray(known, dtype=np.uint64))
        if not numbers:
            return
        pairs = self._bands.add(np.array(numbers, dtype=np.int64), np.vstack(hashes))
        self.candidates += len(pairs)
        for code in pairs.tolist():
            a, b = code >> 32, code & 0xFFFFFFFF
            if self._find(a) == self._find(b):
                continue  # already one story: this pair changes nothing
            self.checked += 1
            if jaccard(self._store.get(a), self._store.get(b)) >= self.threshold:
                self._union(a, b)

    def add_frame(self, frame: pd.DataFrame) -> None:
        """Index the articles of a table with ``article_id``, ``text`` and (optionally)
        ``date``."""
        require_columns(frame, ["article_id", "text"], caller="near_duplicates")
        dates = frame["date"] if "date" in frame.columns else None
        self.add(frame["article_id"].tolist(), frame["text"].tolist(), dates)

    def result(self) -> pd.Series:
        """``near_duplicate_of`` for every article added, indexed by ``article_id`` in the
        order they were added: the first article (by date, undated last, then id) of its
        group, NA for that first one and for articles without a near-duplicate."""
        n = len(self._ids)
        groups = pd.DataFrame(
            {
                "group": np.array([self._find(k) for k in range(n)], dtype=np.int64),
                "date": np.frombuffer(self._dates, dtype=np.int64) if n else [],
                "article_id": self._ids,
            }
        )
        firsts = groups.sort_values(["group", "date", "article_id"], kind="stable")
        firsts = firsts.drop_duplicates("group").set_index("group")["article_id"]
        original = groups["group"].map(firsts)
        original = original.where(original != groups["article_id"])
        return pd.Series(
            pd.array(original.tolist(), dtype="string"),
            index=pd.Index(self._ids, dtype="string"),
            name="near_duplicate_of",
        )

    def memory(self) -> dict[str, int]:
        """Bytes held for the articles indexed so far: ``bands`` (the band index's arrays),
        ``shingles_in_memory`` (the latest shingle sets) and ``shingles_on_disk`` (those in
        the temporary file). Python objects per article (its id, the exact-copy digest) come
        on top: ``benchmarks/bench_duplicates.py`` measures the whole with tracemalloc."""
        return {
            "bands": self._bands.nbytes(),
            "shingles_in_memory": self._store.memory_bytes,
            "shingles_on_disk": self._store.disk_bytes,
        }

    def close(self) -> None:
        """Remove the temporary file of shingle sets (the result stays available)."""
        self._store.close()


def _text(value) -> str:
    """A text cell as a string: missing values are no text."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value)


def _nanoseconds(dates, n: int) -> list[int]:
    """Dates as int64 nanoseconds (aware ones in UTC), NaT as the largest int64 (last)."""
    last = np.iinfo(np.int64).max
    if dates is None:
        return [last] * n
    series = dates if isinstance(dates, pd.Series) else pd.Series(list(dates), dtype=object)
    if len(series) != n:
        raise ValueError("add(): as many dates as article ids are needed")
    if not (
        pd.api.types.is_datetime64_any_dtype(series.dtype)
        or isinstance(series.dtype, pd.DatetimeTZDtype)
    ):
        series = pd.to_datetime(series, utc=True, errors="coerce", format="mixed")
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_convert("UTC").dt.tz_localize(None)
    values = series.astype("datetime64[ns]").to_numpy().astype(np.int64)
    values[series.isna().to_numpy()] = last
    return values.tolist()


def near_duplicates(
    df: pd.DataFrame,
    *,
    threshold: float = THRESHOLD,
    num_perm: int = NUM_PERM,
    shingle: int = SHINGLE,
) -> pd.DataFrame:
    """Return the articles with ``near_duplicate_of``: the ``article_id`` of the first article
    (by ``date``, undated last, then ``article_id``) of the story it repeats, or NA for that
    first article and for articles with no near-duplicate. No row is dropped; row order and
    the other columns are kept.

    ``df`` needs ``article_id`` and ``text``; ``date`` orders a story's copies. Two articles
    are near-duplicates when the Jaccard similarity of their sets of ``shingle``-word runs is at
    least ``threshold``, checked exactly for every candidate pair MinHash LSH (``num_perm``
    permutations) finds; a story is a connected group of such pairs. The result is the same
    for any row order. See :mod:`newslib.duplicates`.

    Example:
        >>> story = (
        ...     "The city council approved a new budget on Tuesday night after a debate that "
        ...     "lasted more than five hours and drew dozens of residents to the chamber."
        ... )
        >>> df = pd.DataFrame({
        ...     "article_id": ["a1", "a2", "a3"],
        ...     "date": pd.to_datetime(["2024-03-12", "2024-03-11", "2024-03-12"]),
        ...     "text": [story, "RIVERSIDE (AP) — " + story, "The harbour reopened."],
        ... })
        >>> near_duplicates(df)["near_duplicate_of"].tolist()  # a2 came first
        ['a2', <NA>, <NA>]
    """
    require_columns(df, ["article_id", "text"], caller="near_duplicates")
    _check(threshold, num_perm, shingle)
    out = df.copy()
    if len(df) < 2:  # nothing to compare
        out["near_duplicate_of"] = pd.array([pd.NA] * len(df), dtype="string")
        return out
    index = NearDuplicateIndex(threshold=threshold, num_perm=num_perm, shingle=shingle)
    try:
        index.add_frame(df)
        found = index.result()
    finally:
        index.close()
    out["near_duplicate_of"] = pd.array(found.to_numpy(), dtype="string")
    return out


def count_near_duplicates(articles: pd.DataFrame) -> tuple[int, int]:
    """``(near-duplicates, stories they repeat)`` of a table with ``near_duplicate_of``.

    Example:
        >>> count_near_duplicates(pd.DataFrame({"near_duplicate_of": ["a", "a", None, "b"]}))
        (3, 2)
    """
    column = articles["near_duplicate_of"].dropna()
    return int(len(column)), int(column.nunique())
