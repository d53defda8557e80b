"""Local files and directories: size-checked reads, kind by suffix or content, recursive walks."""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterator

from ..errors import SourceError
from ..settings import Settings
from .document import RawDocument

log = logging.getLogger(__name__)

__all__ = ["ARTICLE_SUFFIXES", "WARC_SUFFIXES", "is_warc", "open_regular", "read_file", "sniff_kind", "too_large",
           "walk"]

#: Files of a directory that are articles or archives; everything else (MANIFEST.tsv, README.md) is not.
ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".warc",
                                     ".warc.gz", ".arc", ".arc.gz", ".jsonl", ".ndjson")
#: Markdown files of a directory that document it (README.md), not articles.
NOT_ARTICLES: frozenset[str] = frozenset({"readme", "changelog", "license", "contributing"})
WARC_SUFFIXES: tuple[str, ...] = (".warc", ".warc.gz", ".arc", ".arc.gz")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MARKDOWN_SUFFIXES = (".md", ".markdown")
_HTML_HEADS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<article", b"<meta")


def is_warc(name: str) -> bool:
    """Whether a file name is a web archive (WARC or ARC, optionally gzipped)."""
    return name.lower().endswith(WARC_SUFFIXES)


def sniff_kind(data: bytes, name: str = "") -> str:
    """``html`` for an HTML suffix or a page that starts like HTML, ``markdown`` for a Markdown suffix, else ``text``."""
    if name.lower().endswith(_HTML_SUFFIXES):
        return "html"
    if name.lower().endswith(_MARKDOWN_SUFFIXES) and data.lstrip()[:1] != b"<":
        return "markdown"
    head = data[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:64].count(0) > 8:  # UTF-16, with or without a BOM
        head = head.replace(b"\x00", b"").lstrip(b"\xff\xfe")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return "html" if head.startswith(_HTML_HEADS) else "text"


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links (a link loop)"
    return exc.strerror or str(exc)


_SPECIAL = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is (``a FIFO (named pipe)``), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _SPECIAL if test(mode)), "not a regular file")


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


def too_large(size: int | None, limit: int) -> str:
    """The one-line reason for an input over the size limit (sizes in MiB, as the limit is set)."""
    if size is None:
        return f"too large: over the limit of {_mib(limit)}"
    return f"too large: {_mib(size)}, the limit is {_mib(limit)}"


def open_regular(path: str) -> int:
    """A read-only descriptor of a regular file; OSError, or SourceError for a FIFO, socket or device.

    The file is opened without blocking (a FIFO with no writer would hang ``open``) and its
    kind is checked on the open descriptor, so it cannot change in between.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        what = special_kind(os.fstat(fd).st_mode)
    except OSError:
        os.close(fd)
        raise
    if what:
        os.close(fd)
        raise SourceError(path, f"not a regular file: {what}")
    return fd


def read_file(path: str, settings: Settings) -> RawDocument | SourceError:
    """One local file as a RawDocument; too large, missing, unreadable or special files as SourceErrors."""
    try:
        fd = open_regular(path)
    except SourceError as exc:
        return exc
    except OSError as exc:
        return SourceError(path, _reason(exc))
    try:
        with os.fdopen(fd, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > settings.max_bytes:
                return SourceError(path, too_large(size, settings.max_bytes))
            data = f.read(settings.max_bytes + 1)
    except OSError as exc:
        return SourceError(path, _reason(exc))
    if len(data) > settings.max_bytes:  # grew while we looked
        return SourceError(path, too_large(None, settings.max_bytes))
    return RawDocument(path, data, sniff_kind(data, path))


def _documents_folder(name: str) -> bool:
    """A Markdown file that documents its folder (README.md, CHANGELOG.md), not an article."""
    stem, _, suffix = name.lower().rpartition(".")
    return "." + suffix in _MARKDOWN_SUFFIXES and stem in NOT_ARTICLES


def walk(directory: str, *, sort_limit: int | None = None) -> Iterator[str | SourceError]:
    """Every article file under a directory, recursively, hidden entries skipped.

    Files come sorted per directory, subdirectories after them in sorted order. With
    ``sort_limit``, a directory holding more files than that streams them in filesystem order
    from there on instead of listing and sorting them all, so memory stays bounded whatever
    the directory's size (the parallel ingest walks with a limit). A directory reached a
    second time (a symbolic-link loop, or two links to one directory) is not read again, and
    an entry that cannot be read: each is one SourceError in the stream, and the walk goes on.
    """
    try:
        st = os.stat(directory)
    except OSError as exc:
        yield SourceError(directory, _reason(exc))
        return
    seen: dict[tuple[int, int], str] = {(st.st_dev, st.st_ino): directory}
    stack = [directory]
    while stack:
        current = stack.pop()
        subdirs: list[str] = []
        files: list[str] | None = []
        for entry in _entries(current):
            if isinstance(entry, SourceError):
                yield entry
                continue
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError as exc:
                yield SourceError(entry.path, _reason(exc))
                continue
            if is_dir:
                try:
                    est = entry.stat(follow_symlinks=True)
                except OSError as exc:
                    yield SourceError(entry.path, _reason(exc))
                    continue
                key = (est.st_dev, est.st_ino)
                if key in seen:
                    yield SourceError(entry.path, f"directory already read as {seen[key]} (a symbolic-link loop "
                                                  "or a second link): not read again")
                    continue
                seen[key] = entry.path
                subdirs.append(entry.path)
            elif entry.name.lower().endswith(ARTICLE_SUFFIXES) and not _documents_folder(entry.name):
                if files is None:
                    yield entry.path
                    continue
                files.append(entry.path)
                if sort_limit is not None and len(files) > sort_limit:  # too many to hold: stream
                    log.info("%s holds more than %d files: read in filesystem order", current, sort_limit)
                    yield from files
                    files = None
        if files:
            yield from sorted(files)
        stack.extend(sorted(subdirs, reverse=True))


def _entries(directory: str) -> Iterator[os.DirEntry[str] | SourceError]:
    """The entries of one directory, streamed; an error (at the start or part-way) ends it with a SourceError."""
    try:
        it = os.scandir(directory)
    except OSError as exc:
        yield SourceError(directory, f"cannot read the directory: {_reason(exc)}")
        return
    with it:
        while True:
            try:
                entry = next(it)
            except StopIteration:
                return
            except OSError as exc:
                yield SourceError(directory, f"listing stopped: {_reason(exc)}")
                return
            yield entry
