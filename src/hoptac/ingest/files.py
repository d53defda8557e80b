"""Local files and directories: size-checked reads, kind by suffix or content, recursive walks."""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterator

from ..errors import SourceError
from ..settings import Settings
from .document import RawDocument

log = logging.getLogger(__name__)

__all__ = ["ARTICLE_SUFFIXES", "WARC_SUFFIXES", "is_warc", "read_file", "sniff_kind", "walk"]

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
    return exc.strerror or str(exc)


def read_file(path: str, settings: Settings) -> RawDocument | SourceError:
    """One local file as a RawDocument; too large, missing or unreadable files as SourceErrors."""
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        return SourceError(path, _reason(exc))
    if size > settings.max_bytes:
        return SourceError(path, f"too large: {size / 1e6:.1f} MB, the limit is {settings.max_bytes / 1e6:.1f} MB")
    try:
        with open(path, "rb") as f:
            data = f.read(settings.max_bytes + 1)
    except OSError as exc:
        return SourceError(path, _reason(exc))
    if len(data) > settings.max_bytes:  # grew while we looked
        return SourceError(path, f"too large: more than {settings.max_bytes / 1e6:.1f} MB")
    return RawDocument(path, data, sniff_kind(data, path))


def _documents_folder(name: str) -> bool:
    """A Markdown file that documents its folder (README.md, CHANGELOG.md), not an article."""
    stem, _, suffix = name.lower().rpartition(".")
    return "." + suffix in _MARKDOWN_SUFFIXES and stem in NOT_ARTICLES


def walk(directory: str, *, sort_limit: int | None = None) -> Iterator[str]:
    """Every article file under a directory, recursively, hidden entries skipped.

    Files come sorted per directory, subdirectories after them in sorted order. With
    ``sort_limit``, a directory holding more files than that streams them in filesystem order
    from there on instead of listing and sorting them all, so memory stays bounded whatever
    the directory's size (the parallel ingest walks with a limit).
    """
    stack = [directory]
    while stack:
        current = stack.pop()
        subdirs: list[str] = []
        files: list[str] | None = []
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=True):
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
