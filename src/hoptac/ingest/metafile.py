"""Metadata the user gives for sources: a CSV, TSV or JSON Lines file keyed by file name or URL.

Archives often keep their dates outside the articles (a crawl log, a spreadsheet). Each row
names a source by ``file`` (also ``path``, ``name``, ``source``) or ``url`` and may give
``published``, ``url``, ``outlet`` and ``title``. A source matches a row by its URL, its path,
its file name or its file name without the suffix. Dates may be ISO (``2017-05-31``,
``2017-05``, ``2017``, ``2017-05-31T08:00:00+07:00``) or Vietnamese day-first
(``31/5/2017``). A file that cannot be read, or a row with an unreadable date, is an error
naming the line: the user fixes the file rather than getting silently undated articles.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["MetaError", "load_metadata", "lookup", "normalize_date"]

KEYS = ("file", "path", "name", "source", "url")
FIELDS = ("published", "url", "outlet", "title")


class MetaError(ValueError):
    """A metadata file that cannot be used, with a one-line reason."""


def normalize_date(value: Any) -> str | None:
    """An ISO date, month or year from a metadata value; None when empty; ValueError when unreadable."""
    s = str(value or "").strip()
    if not s:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?", s)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
    else:
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ ,T].*)?", s)
        if not m:
            raise ValueError(f"unreadable date {s!r}")
        d, mo, y = m.group(1), m.group(2), m.group(3)
    if d:
        return dt.date(int(y), int(mo), int(d)).isoformat()  # raises on 2017-02-30
    if mo:
        if not 1 <= int(mo) <= 12:
            raise ValueError(f"unreadable date {s!r}")
        return f"{int(y):04d}-{int(mo):02d}"
    return f"{int(y):04d}"


def _rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        out = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MetaError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise MetaError(f"{path}:{n}: not a JSON object")
            out.append((n, row))
        return out
    first = text.split("\n", 1)[0]
    delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in first else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    return [(n, {str(k).strip().lower(): v for k, v in row.items() if k}) for n, row in enumerate(reader, 2)]


@cache
def load_metadata(path: Path) -> dict[str, dict[str, str]]:
    """The file's rows by every key they can be found under (see the module doc)."""
    try:
        rows = _rows(Path(path))
    except OSError as exc:
        raise MetaError(f"{path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise MetaError(f"{path}: not UTF-8 text") from None
    if rows and not any(k in rows[0][1] for k in KEYS):
        raise MetaError(f"{path}: no column naming the source (one of {', '.join(KEYS)})")
    out: dict[str, dict[str, str]] = {}
    for n, row in rows:
        meta: dict[str, str] = {}
        for f in FIELDS:
            v = str(row.get(f) or "").strip()
            if not v:
                continue
            if f == "published":
                try:
                    v = normalize_date(v) or ""
                except ValueError as exc:
                    raise MetaError(f"{path}:{n}: {exc}") from None
            meta[f] = v
        for k in KEYS:
            key = str(row.get(k) or "").strip()
            if key:
                out.setdefault(key, meta)
                out.setdefault(Path(key).name, meta)
    return out


def lookup(path: Path, source: str, url: str | None = None) -> dict[str, str] | None:
    """The metadata of one source (by URL, path, file name or stem), or None."""
    table = load_metadata(Path(path))
    base = source.split("#", 1)[0]
    for key in (url, source, base, Path(base).name, Path(base).stem):
        if key and key in table:
            return table[key]
    return None
