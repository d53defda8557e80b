"""SIGKILL in the middle of ``hoptac ingest``: the store stays consistent and a re-run completes it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from conftest import check_consistent, corpus

from hoptac.store import Store

N_FILES = 40
BATCH = 4


@pytest.mark.slow
def test_kill_midway_then_rerun_completes(db_url, tmp_path):
    files = sorted(str(p) for p in corpus("vnus").glob("vnus_*.txt"))[:N_FILES]
    cmd = [sys.executable, "-m", "hoptac", "ingest", *files, "--db", db_url, "--batch-size", str(BATCH),
           "--progress", "--format", "json", "--workers", "1"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        for line in proc.stderr:  # type: ignore[union-attr]
            if line.startswith("hoptac: committed"):
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with Store.open(db_url) as store:
        before = check_consistent(store)
    assert BATCH <= before < N_FILES

    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rep = json.loads(done.stdout)
    assert rep["unchanged"] == before
    assert rep["stored"] + rep["duplicates"] == N_FILES - before
    with Store.open(db_url) as store:
        after = check_consistent(store)
        assert after == N_FILES
        assert store.articles()["total"] == N_FILES - store.stats()["counts"]["duplicates"]
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert json.loads(again.stdout) == {"stored": 0, "duplicates": 0, "unchanged": N_FILES, "refreshed": 0, "skipped": []}
