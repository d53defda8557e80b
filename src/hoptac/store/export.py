"""Export the store: full article records (json, jsonl) or flat tables (csv, parquet)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .queries import Filters

TABLES = ("articles", "statements", "events", "people", "organizations")
FORMATS = ("json", "jsonl", "csv", "parquet")


def _flat(v: Any) -> Any:
    """One cell: a list of names joined with ``; ``, any other list or a dict as JSON (never a repr)."""
    if isinstance(v, list):
        if all(not isinstance(x, dict | list) for x in v):
            return "; ".join(str(x) for x in v)
        if all(isinstance(x, dict) and set(x) <= {"name", "person_id", "id"} and "name" in x for x in v):
            return "; ".join(str(x["name"]) for x in v)  # participants: their names
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def rows(store: Any, table: str, f: Filters) -> Iterator[dict[str, Any]]:
    """The rows of one table, filtered, page by page."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    fn = getattr(store, table)
    offset, page = f.offset, 500
    end = f.offset + f.limit
    while offset < end:
        chunk = fn(Filters(**{**f.__dict__, "offset": offset, "limit": min(page, end - offset)}))["items"]
        yield from chunk
        if len(chunk) < page:
            return
        offset += len(chunk)


def export(store: Any, fmt: str, out: IO[Any], *, table: str = "articles", f: Filters | None = None) -> int:
    """Write records to ``out`` (text for json/jsonl/csv, binary for parquet); returns the count.

    json and jsonl of ``articles`` write each article's full export followed by those of its
    near-duplicates (marked ``duplicate_of``), so the export holds every stored article whatever
    order they came in; other tables and the csv and parquet formats write one flat row per
    record (lists joined with ``; ``).
    """
    f = f or Filters(limit=10**9)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    items: Iterator[dict[str, Any]] = rows(store, table, f)
    if fmt in ("json", "jsonl") and table == "articles":
        items = _with_duplicates(store, items)
    return write_records(items, fmt, out)


def _with_duplicates(store: Any, listed: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Each listed article's full export, then its near-duplicates' (the listing folds them in)."""
    for a in listed:
        full = store.article(a["id"])
        yield full
        for d in full.get("duplicates") or []:
            copy = store.article(d["id"])
            if copy is not None:
                yield copy


def write_records(items: Iterable[dict[str, Any]], fmt: str, out: IO[Any]) -> int:
    """Write records as json, jsonl, csv (a byte-order mark, flat cells) or parquet; returns the count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "jsonl":
        for it in items:
            out.write(json.dumps(it, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "json":
        data = list(items)
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return len(data)
    flat = [{k: _flat(v) for k, v in it.items()} for it in items]
    cols = list(dict.fromkeys(k for r in flat for k in r))
    if fmt == "csv":
        out.write("\ufeff")  # a byte-order mark: Excel on Windows reads the file as UTF-8
        w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(flat)
        return len(flat)
    import pyarrow as pa
    import pyarrow.parquet as pq

    tbl = pa.Table.from_pylist(flat) if flat else pa.table({c: [] for c in cols})
    buf = io.BytesIO()
    pq.write_table(tbl, buf)
    out.write(buf.getvalue())
    return len(flat)
