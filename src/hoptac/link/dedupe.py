"""Exact and near-duplicate detection: content hashes, MinHash signatures, LSH band keys.

Near-duplicates (one story syndicated by several outlets, lightly edited) share most word
3-shingles. Each article gets a datasketch :class:`~datasketch.MinHash` of its shingles;
the signature is cut into the bands of a datasketch :class:`~datasketch.MinHashLSH` tuned to
:data:`LSH_THRESHOLD`, and the band keys are stored in the database (one row per band), so the
index lives with the data, is written in the same transaction, and survives restarts. Two
articles sharing a band key are candidates; a candidate counts as a duplicate when the
estimated Jaccard similarity of the signatures is at least :data:`THRESHOLD`.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from .text import fold, nfc, words

NUM_PERM = 128
LSH_THRESHOLD = 0.7  # the banding finds candidates from about this similarity
THRESHOLD = 0.8  # a candidate is a duplicate from this estimated similarity (0.7 linked distinct stories)
SHINGLE = 3
MIN_SHINGLES = 12  # shorter texts are matched by exact hash only
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures depend on it


def content_hash(text: str) -> str:
    """SHA-256 of the normalized text (NFC, whitespace collapsed, case folded)."""
    return hashlib.sha256(nfc(text).lower().encode("utf-8")).hexdigest()


def raw_hash(raw: str) -> str:
    """SHA-256 of the decoded raw input, as read (before any cleaning)."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """The set of word k-shingles of the folded text."""
    toks = words(fold(text))
    return {" ".join(toks[i:i + k]).encode("utf-8") for i in range(max(0, len(toks) - k + 1))}


def signature(text: str) -> MinHash | None:
    """The MinHash of a text's shingles, or None when it is too short to compare."""
    sh = shingles(text)
    if len(sh) < MIN_SHINGLES:
        return None
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch(list(sh))
    return m


def to_bytes(m: MinHash) -> bytes:
    """A signature as bytes, for storing."""
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    """A stored signature back as a MinHash."""
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64).copy(), scheme=SCHEME)


@lru_cache(maxsize=1)
def _ranges() -> list[tuple[int, int]]:
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)  # its banding for this threshold
    return list(lsh.hashranges)


def band_keys(m: MinHash) -> list[tuple[int, str]]:
    """(band number, key) for each LSH band of a signature."""
    hv = np.asarray(m.hashvalues, dtype=np.uint64)
    return [(i, hashlib.blake2b(hv[a:b].tobytes(), digest_size=10).hexdigest())
            for i, (a, b) in enumerate(_ranges())]


def similarity(a: MinHash, b: MinHash) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(a.jaccard(b))
