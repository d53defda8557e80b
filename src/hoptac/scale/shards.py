"""Parquet shards: extraction results written by many workers, loaded into a store later.

One shard per task: one row per document, with the ``hoptac.article/1`` export's keys as
columns. Scalars and string lists are typed columns (so a shard can be queried as it is);
the nested records (people, events, statements, …) are JSON strings; keys the export may
gain later are kept in ``extra``; ``raw`` keeps the decoded input (the store hashes it). A skipped document is a row with ``error`` set. Shards are
written to a temporary name and renamed, so a half-written shard is never loaded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import Article
from ..pipeline import Result

STRING_COLUMNS = ("schema", "title", "published", "outlet", "url", "text")
LIST_COLUMNS = ("authors", "topics")
JSON_COLUMNS = ("captions", "people", "organizations", "places", "frameworks", "events", "statements",
                "amounts", "warnings")
SCHEMA = pa.schema(
    [pa.field("source", pa.string(), nullable=False), pa.field("error", pa.string())]
    + [pa.field(c, pa.string()) for c in STRING_COLUMNS]
    + [pa.field(c, pa.list_(pa.string())) for c in LIST_COLUMNS]
    + [pa.field(c, pa.string()) for c in JSON_COLUMNS]
    + [pa.field("extra", pa.string()), pa.field("raw", pa.string())]
)
KNOWN = {"source", *STRING_COLUMNS, *LIST_COLUMNS, *JSON_COLUMNS}


def to_row(result: Result) -> dict[str, Any]:
    """One shard row for one Result (an export, or a source with its error)."""
    row: dict[str, Any] = {name: None for name in SCHEMA.names}
    row["source"] = result.source
    if result.article is None:
        row["error"] = result.error or "unknown error"
        return row
    data = result.article.to_dict()
    for c in STRING_COLUMNS:
        row[c] = data.get(c)
    for c in LIST_COLUMNS:
        row[c] = list(data.get(c) or [])
    for c in JSON_COLUMNS:
        row[c] = json.dumps(data.get(c) or [], ensure_ascii=False)
    extra = {k: v for k, v in data.items() if k not in KNOWN}
    row["extra"] = json.dumps(extra, ensure_ascii=False) if extra else None
    row["raw"] = result.article.raw
    return row


def from_row(row: dict[str, Any]) -> Result:
    """The Result a shard row holds."""
    if row.get("error") is not None:
        return Result(row["source"], error=row["error"])
    data: dict[str, Any] = {"source": row["source"]}
    data.update({c: row.get(c) for c in STRING_COLUMNS})
    data.update({c: list(row.get(c) or []) for c in LIST_COLUMNS})
    data.update({c: json.loads(row[c]) if row.get(c) else [] for c in JSON_COLUMNS})
    if row.get("extra"):
        data.update(json.loads(row["extra"]))
    article = Article.from_dict(data)
    article.raw = row.get("raw") or ""
    return Result(row["source"], article=article)


def shard_name(index: int) -> str:
    """The file name of the index-th shard (sorted names keep the input order)."""
    return f"part-{index:07d}.parquet"


def write_shard(results: Iterable[Result], path: Path) -> int:
    """Write results as one Parquet shard (atomically); returns the number of rows."""
    rows = [to_row(r) for r in results]
    table = pa.Table.from_pylist(rows, schema=SCHEMA)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)
    return len(rows)


def shard_paths(directory: Path) -> list[Path]:
    """The shards of a directory, in order."""
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: not a directory of shards")
    return sorted(p for p in directory.glob("*.parquet") if not p.name.startswith("."))


def read_shards(directory: Path, *, batch_rows: int = 256) -> Iterator[Result]:
    """Every Result of every shard of a directory, streamed a few rows at a time."""
    for path in shard_paths(directory):
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=batch_rows):
            for row in batch.to_pylist():
                yield from_row(row)


def count_rows(directory: Path) -> int:
    """The number of rows of all shards (from the Parquet footers only)."""
    return sum(pq.ParquetFile(p).metadata.num_rows for p in shard_paths(directory))


def load_shards(directory: Path, store: Any, *, batch_size: int = 50, progress: bool = True) -> Any:
    """Import every shard of a directory into a store (one writer, batch by batch)."""
    from .parallel import write
    from .progress import IngestProgress

    directory = Path(directory)
    with IngestProgress(enabled=progress, total=count_rows(directory), description="load") as bar:
        report = write(store, ([r] for r in read_shards(directory)), batch_size=batch_size, progress=bar)
    bar.summary()
    return report
