"""Scale: parallel ingest on one machine, the Dask engine, and Parquet shards.

- :func:`ingest_parallel` — worker processes extract, this process alone writes the store.
- :func:`ingest_dask` — the same work as tasks on a Dask cluster, into the store or shards.
- :func:`load_shards` — import Parquet shards written by the Dask engine into a store.
"""

from __future__ import annotations

from .dask_engine import ShardReport, ingest_dask
from .parallel import default_workers, ingest_parallel
from .shards import load_shards, read_shards, write_shard

__all__ = ["ShardReport", "default_workers", "ingest_dask", "ingest_parallel", "load_shards", "read_shards",
           "write_shard"]
