"""Summaries shared by the processes of one server (``hoptac serve --workers N``), in files.

Each process keeps its summaries in memory (:mod:`hoptac.store.summary`). Without sharing, N
server processes compute every listing, record page and the stats N times, and a record read a
second time is a first read again whenever the second request reaches another process. With
``$HOPTAC_SUMMARY_DIR`` set (``serve --workers`` sets it to a fresh private temporary folder and
removes it at exit), a summary one process computed is written there, as its pickle, under its
key and the store's *generation*, and the other processes read it instead of computing it.

The generation in the file's name is the invalidation: after any write to the store (which bumps
the generation) a file of an older generation is never read again; it is removed when its key is
written anew, or with the oldest files when the folder holds more than :data:`MAX_FILES`. The
files are pickles: the folder must be the server's own (the temporary one is created ``0700``).
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
from pathlib import Path

#: Files kept in the folder; past this, the oldest half is removed.
MAX_FILES = 4096
_HEAD = struct.Struct("<d")  # the seconds the summary took to compute, before its pickle


class SharedSummaries:
    """One store's summaries in a folder shared by the server's processes."""

    def __init__(self, folder: Path, store: str) -> None:
        self.folder = folder
        self.store = hashlib.sha1(store.encode("utf-8")).hexdigest()[:12]
        self.saves = 0

    def _name(self, key: str) -> str:
        return f"{self.store}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:32]}"

    def load(self, key: str, gen: int) -> tuple[float, bytes] | None:
        """(seconds it took, pickle) of the summary ``key`` of generation ``gen``, if a process wrote it."""
        try:
            data = (self.folder / f"{self._name(key)}.{gen}").read_bytes()
        except OSError:
            return None
        if len(data) <= _HEAD.size:
            return None
        return _HEAD.unpack_from(data)[0], data[_HEAD.size:]

    def save(self, key: str, gen: int, seconds: float, blob: bytes) -> None:
        """Write the summary (whole or not at all: a temporary file renamed), and drop its older generations."""
        name = self._name(key)
        try:
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.folder)
            with os.fdopen(fd, "wb") as f:
                f.write(_HEAD.pack(seconds))
                f.write(blob)
            os.replace(tmp, self.folder / f"{name}.{gen}")
            for old in self.folder.glob(f"{name}.*"):
                if old.name != f"{name}.{gen}":
                    old.unlink(missing_ok=True)
        except OSError:  # a full or vanished folder: the summary stays this process's own
            return
        self.saves += 1
        if self.saves % 256 == 0:
            self._trim()

    def _trim(self) -> None:
        files = []
        for p in self.folder.iterdir():
            try:
                files.append((p.stat().st_mtime, p))
            except OSError:
                continue
        if len(files) > MAX_FILES:
            for _, p in sorted(files)[:len(files) // 2]:
                p.unlink(missing_ok=True)


def shared_summaries(store_url: str) -> SharedSummaries | None:
    """The shared folder of ``$HOPTAC_SUMMARY_DIR`` for this store, or None when it is not set."""
    folder = os.environ.get("HOPTAC_SUMMARY_DIR")
    if not folder or not Path(folder).is_dir():
        return None
    return SharedSummaries(Path(folder), store_url)
