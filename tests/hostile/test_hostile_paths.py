"""The hostile corpus through every path: good files stored, bad ones one line each, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import Hostile

from hoptac.errors import one_line

TIMEOUT = 300  # a path that hangs fails here instead of blocking the suite


def hoptac(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the hoptac command; its output and exit status."""
    return subprocess.run([sys.executable, "-m", "hoptac", *args], capture_output=True, text=True,
                          timeout=TIMEOUT, env={**__import__("os").environ, "COLUMNS": "300"})


def check_skips(stderr: str, h: Hostile, *, summary_ok: bool = False) -> list[str]:
    """Every stderr line is hoptac's own; each bad input is named on exactly one skip line, no good one is."""
    assert "Traceback" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    skips = [ln for ln in lines if ln.startswith("hoptac: skipped ")]
    others = [ln for ln in lines if not ln.startswith("hoptac: skipped ")]
    assert all(summary_ok and ln.startswith("hoptac: ") for ln in others), others
    for name in h.bad:
        named = [ln for ln in skips if f"{h.root}/{one_line(name)}:" in ln]
        assert len(named) == 1, (name, skips)
    for name in h.good:
        assert not any(f"/{name}:" in ln for ln in skips), (name, skips)
    assert len(skips) == len(h.bad), skips
    assert not any("internal error" in ln for ln in skips), skips
    return skips


def test_extract(hostile: Hostile) -> None:
    proc = hoptac("extract", str(hostile.root), "--format", "jsonl")
    assert proc.returncode == 1
    check_skips(proc.stderr, hostile)
    articles = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(articles) == hostile.stored


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest(hostile: Hostile, tmp_path: Path, workers: str) -> None:
    db = tmp_path / "kb.db"
    proc = hoptac("ingest", str(hostile.root), "--db", str(db), "--workers", workers, "--no-progress",
                  "--format", "json")
    assert proc.returncode == 1
    check_skips(proc.stderr, hostile)
    report = json.loads(proc.stdout)
    assert report["stored"] + report["duplicates"] == hostile.stored
    again = hoptac("ingest", str(hostile.root), "--db", str(db), "--workers", workers, "--no-progress",
                   "--format", "json")  # the same batch once more: all known, the same skips
    check_skips(again.stderr, hostile)
    assert json.loads(again.stdout)["unchanged"] == hostile.stored


def test_dask_engine(hostile: Hostile, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    proc = hoptac("ingest", str(hostile.root), "--db", str(tmp_path / "kb.db"), "--engine", "dask", "--workers",
                  "1", "--no-progress", "--format", "json")
    assert proc.returncode == 1
    check_skips(proc.stderr, hostile)
    assert json.loads(proc.stdout)["stored"] == hostile.stored


def test_api(hostile: Hostile, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from hoptac.api import create_app
    from hoptac.api.app import MAX_BODY

    with TestClient(create_app(str(tmp_path / "kb.db"), token="t"), raise_server_exceptions=False) as client:
        auth = {"Authorization": "Bearer t"}
        for name in hostile.good + hostile.bad:
            if "#" in name:
                continue
            data = (hostile.root / name).read_bytes()
            body = data.decode("utf-8", "replace")
            key = "html" if name.endswith(".html") else "text"
            r = client.post("/api/articles", json={key: body, "source": name}, headers=auth)
            if len(data) > MAX_BODY:
                assert r.status_code == 413
                continue
            # accepted inputs are queued (202) and end stored or failed; some are refused at once
            job = _settled(client, r) if r.status_code == 202 else None
            if name in hostile.good:
                assert job is not None and job["status"] == "stored", (name, r.text, job)
            elif job is not None:
                assert job["status"] == "failed" and "\n" not in job["reason"], (name, job)
            else:
                assert r.status_code in (400, 422), (name, r.status_code, r.text)
                assert "\n" not in r.json()["error"]["message"]


def _settled(client: Any, r: Any) -> dict[str, Any]:
    """The posted article's job once stored or failed (polled; the bound only guards against a hang)."""
    give_up = time.monotonic() + 600
    job = r.json()
    while job["status"] not in ("stored", "failed"):
        assert time.monotonic() < give_up, job
        time.sleep(0.1)
        job = client.get(job["location"]).json()
    return job


def test_library_ingest_sources(hostile: Hostile, tmp_path: Path) -> None:
    """``Store.ingest_sources`` (what ``hoptac demo`` and ``--workers 1`` call) hears every skip and commits."""
    from hoptac.store import Store

    heard: list[tuple[str, str]] = []
    with Store.open(str(tmp_path / "kb.db")) as store:
        report = store.ingest_sources([str(hostile.root)], on_skip=lambda s, r: heard.append((s, r)))
        assert store.articles()["total"] == hostile.stored
    assert report.stored + report.duplicates == hostile.stored
    assert sorted(s for s, _ in heard) == sorted(str(hostile.root / n) for n in hostile.bad)
    assert all("\n" not in r for _, r in heard)


def test_walks_survive_loops_unreadable_entries_and_special_files(tmp_path: Path) -> None:
    """A link loop is read once, an unreadable entry and a FIFO are one line each, the rest is read."""
    from hoptac.errors import SourceError
    from hoptac.ingest.files import walk
    from hoptac.scale.units import iter_units

    root = tmp_path / "kho"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "bai.txt").write_text("Tiêu đề\n\nNội dung bài.\n", encoding="utf-8")
    (root / "z.txt").write_text("Tiêu đề\n\nNội dung khác.\n", encoding="utf-8")
    (root / "a" / "b" / "vong").symlink_to(root / "a")  # a loop
    (root / "tu_than").symlink_to(root / "tu_than")  # a link to itself (ELOOP)
    os.mkfifo(root / "ong.txt")
    found = list(walk(str(root)))
    files = [f for f in found if isinstance(f, str)]
    errors = {Path(e.source).name: e.reason for e in found if isinstance(e, SourceError)}
    assert sorted(Path(f).name for f in files) == ["bai.txt", "ong.txt", "z.txt"]
    assert set(errors) == {"vong", "tu_than"} and "already read" in errors["vong"], errors
    units = list(iter_units([str(root)]))
    assert sorted(Path(u.source).name for u in units) == ["bai.txt", "ong.txt", "tu_than", "vong", "z.txt"]
    for workers in ("1", "2"):
        proc = hoptac("ingest", str(root), "--db", str(tmp_path / f"kb{workers}.db"), "--workers", workers,
                      "--no-progress", "--format", "json")
        assert "Traceback" not in proc.stderr
        skips = proc.stderr.strip().splitlines()
        assert len(skips) == 3 and all(s.startswith("hoptac: skipped ") for s in skips), skips
        assert any("ong.txt: not a regular file: a FIFO" in s for s in skips), skips
        assert json.loads(proc.stdout)["stored"] == 2
    proc = hoptac("extract", str(root / "ong.txt"))  # must not block on the FIFO
    assert proc.returncode == 1 and "not a regular file: a FIFO" in proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads directories whatever their mode")
def test_an_unreadable_directory_is_one_line(tmp_path: Path) -> None:
    from hoptac.errors import SourceError
    from hoptac.ingest.files import walk

    (tmp_path / "kin").mkdir()
    (tmp_path / "mo.txt").write_text("Tiêu đề\n\nNội dung bài.\n", encoding="utf-8")
    (tmp_path / "kin").chmod(0)
    try:
        found = list(walk(str(tmp_path)))
    finally:
        (tmp_path / "kin").chmod(0o755)
    assert [Path(f).name for f in found if isinstance(f, str)] == ["mo.txt"]
    assert [e.reason for e in found if isinstance(e, SourceError)] == ["cannot read the directory: permission denied"]


@pytest.mark.parametrize("text", ["Tiêu đề\n\nViệt Nam \ud800 và Hoa Kỳ hợp tác.", "\udfff", "bai\udcff.txt",
                                  "http://x\ud800.vn/a"])
def test_analyze_refuses_a_lone_surrogate_with_a_source_error(text: str) -> None:
    from hoptac import SourceError, analyze

    with pytest.raises(SourceError) as exc:
        analyze(text)
    assert "\n" not in str(exc.value)


def test_api_refuses_a_lone_surrogate_with_422(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from hoptac.api import create_app

    with TestClient(create_app(str(tmp_path / "kb.db"), token="t"), raise_server_exceptions=False) as client:
        body = '{"text": "Ti\\u00eau \\u0111\\u1ec1\\n\\nVi\\u1ec7t Nam \\ud800 v\\u00e0 Hoa K\\u1ef3."}'
        r = client.post("/api/articles", content=body, headers={"Authorization": "Bearer t",
                                                                 "Content-Type": "application/json"})
        assert r.status_code == 422 and "\n" not in r.json()["error"]["message"], r.text
    from hoptac.api.ingest import Rejected, ingest_input
    from hoptac.store import Store

    with Store.open(str(tmp_path / "kb.db")) as store, pytest.raises(Rejected, match="lone surrogate"):
        ingest_input(store, text="Tiêu đề\n\nViệt Nam \ud800 và Hoa Kỳ.")


@pytest.mark.parametrize("command", ["serve", "demo"])
def test_protected_reads_without_a_token_is_one_line(tmp_path: Path, command: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "HOPTAC_API_TOKEN"}
    proc = subprocess.run([sys.executable, "-m", "hoptac", command, "--db", str(tmp_path / "kb.db")],
                          capture_output=True, text=True, timeout=60,
                          env={**env, "HOPTAC_API_PROTECT_READS": "1"})
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "needs a token" in proc.stderr


def test_a_document_past_its_time_budget_is_skipped_with_its_reason() -> None:
    from hoptac import SourceError, analyze
    from hoptac.scale.synth import synth_article
    from hoptac.settings import DEFAULT

    text = "Tiêu đề\n\n" + " ".join(synth_article(i, seed=5)[0].split("\n", 1)[1] for i in range(20))
    with pytest.raises(SourceError, match=r"time budget of 0\.001 s spent"):
        analyze(text, DEFAULT.with_(time_budget=0.001))
    assert analyze(text, DEFAULT.with_(time_budget=0)).people  # 0: no budget
