"""``kill -9`` of a parallel ingest: its worker processes (and the forkserver, the resource tracker) end too."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from hoptac.scale.synth import synth_article


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _running(procs: list[psutil.Process]) -> list[psutil.Process]:
    out = []
    for p in procs:
        try:
            if p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except psutil.NoSuchProcess:
            pass
    return out


@pytest.mark.parametrize("reap", [True, False], ids=["parent-reaped", "parent-zombie"])
def test_workers_end_with_a_killed_ingest(tmp_path: Path, reap: bool) -> None:
    folder = tmp_path / "kho"
    folder.mkdir()
    for i in range(200):
        (folder / f"bai_{i:03d}.txt").write_text(synth_article(i, seed=1410)[0], encoding="utf-8")
    cmd = [sys.executable, "-m", "hoptac", "ingest", str(folder), "--db", str(tmp_path / "kb.db"), "--workers", "2",
           "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[psutil.Process] = []
    try:
        for _ in range(600):  # the pool is up: forkserver, resource tracker, two workers
            workers = _descendants(proc.pid)
            if len(workers) >= 3 or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert proc.poll() is None and len(workers) >= 3, "the ingest ended before it could be killed"
        time.sleep(1)  # the workers are taking chunks
        workers = _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        if reap:
            proc.wait(timeout=30)
        left = workers
        for _ in range(300):
            left = _running(workers)
            if not left:
                break
            time.sleep(0.1)
        assert not left, [(p.pid, p.cmdline()[:4]) for p in left]
    finally:  # whatever happened, nothing this test started stays behind
        for p in _running(workers + _descendants(proc.pid)):
            p.kill()
        proc.kill()
        proc.wait(timeout=30)
