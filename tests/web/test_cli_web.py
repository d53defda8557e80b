"""``hoptac demo`` and ``hoptac serve`` as a user runs them: a real process, a real port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from click.testing import CliRunner

from hoptac.cli import main
from hoptac.cli_web import DEMO_DIR, demo_files


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """Start ``hoptac ARGS`` and return the process and the dashboard address it printed."""
    proc = subprocess.Popen([sys.executable, "-m", "hoptac", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 180
    for line in proc.stdout:  # type: ignore[union-attr]
        if line.startswith("hoptac dashboard: "):
            url = line.split(": ", 1)[1].strip()
            break
        if time.monotonic() > deadline:
            break
    else:
        proc.kill()
        pytest.fail(f"no dashboard line; stderr: {proc.stderr.read()}")  # type: ignore[union-attr]
    for _ in range(300):
        try:
            httpx.get(url + "/api/health", timeout=2)
            return proc, url
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    pytest.fail("the server did not answer")


def test_demo_ingests_the_demo_articles_and_serves(tmp_path):
    port = free_port()
    db = tmp_path / "demo.db"
    env = {**os.environ, "HOPTAC_API_TOKEN": "", "HOPTAC_DB": str(tmp_path / "unused.db")}
    proc, url = start(["demo", "--db", str(db), "--port", str(port)], env)
    try:
        assert url == f"http://127.0.0.1:{port}"
        counts = httpx.get(url + "/api/stats").json()["counts"]
        assert counts["articles"] + counts["duplicates"] == len(demo_files())  # every demo article stored
        page = httpx.get(url + "/")
        assert page.status_code == 200 and "Tổng quan" in page.text
        assert "default-src 'none'" in page.headers["content-security-policy"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert db.exists()


def test_serve_needs_an_existing_store(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db"), "--port", "1"])
    assert result.exit_code != 0
    assert "no store at" in result.output


def test_demo_articles_are_packaged_files():
    assert DEMO_DIR.is_dir()
    assert all(f.endswith((".txt", ".html", ".htm")) for f in demo_files())


def test_serve_with_a_taxonomy_names_the_users_threads(tmp_path):
    """``--taxonomy`` reaches the served store: the thread list names the user's own thread."""
    user = tmp_path / "my.yaml"
    user.write_text("threads:\n  visa_policy:\n    vi: Thị thực sinh viên\n    en: Student visas\n"
                    "    patterns: [thị thực, cấp visa]\n    topics: [diplomacy]\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", demo_files()[0], "--db", str(db), "--workers", "1"]).exit_code == 0
    env = {**os.environ, "HOPTAC_API_TOKEN": ""}
    for args in (["serve", "--db", str(db)], ["serve", "--db", str(db), "--taxonomy", str(user)]):
        proc, url = start([*args, "--port", str(free_port())], env)
        try:
            ids = {t["id"]: t for t in httpx.get(url + "/api/threads").json()["items"]}
            page = httpx.get(url + "/threads", params={"lang": "en"}).text
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        if "--taxonomy" in args:
            assert ids["visa_policy"]["label_en"] == "Student visas" and "Student visas" in page
        else:
            assert "visa_policy" not in ids and "Student visas" not in page
